/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-language-picker.h — a language chosen by its name: an entry row with a list of languages
 *
 * The family's language decides which language letters are written in, so it is chosen by name
 * ("Spanish", in the reader's own language) from a list beside the row, or typed as a name or an
 * ISO 639 code; the record keeps the ISO 639-1 code.
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* Adds the list of languages to @row. */
void      cl_language_picker_attach   (AdwEntryRow *row);
/* Shows @code's name in @row (the code itself when Caseload does not know it; NULL empties it). */
void      cl_language_picker_set      (AdwEntryRow *row,
                                       const char  *code);
/* The ISO 639-1 code of what @row says (a name, translated or English, or a code); NULL when the
 * row is empty. What is not a language Caseload knows is returned as typed. */
char     *cl_language_picker_dup_code (AdwEntryRow *row);
/* Whether @text names a language Caseload knows, or is a two-letter code. */
gboolean  cl_language_picker_is_known (const char  *text);

G_END_DECLS
