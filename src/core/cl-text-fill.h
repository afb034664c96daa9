/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-text-fill.h — sentences with named places: "{event} on {date}"
 *
 * A translation may put the places in any order, and a pattern read from a catalogue is never a
 * printf format. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Replaces each {name} of @pattern with its value; pairs of name, value, NULL-terminated. */
char *cl_text_fill        (const char *pattern,
                           ...) G_GNUC_NULL_TERMINATED;
char *cl_text_fill_valist (const char *pattern,
                           va_list     args);

G_END_DECLS
