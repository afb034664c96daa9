/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-catalog.h — one language's compiled message catalogue, read directly.
 *
 * A document is written in its own language whatever the process locale is (a Spanish notice
 * printed by an English-speaking case manager), so the engine's words in it (rule titles and
 * sentences, event names) are looked up in that language's .mo file, not through gettext(). */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _ClCatalog ClCatalog;

/* @lang's catalogue of @domain in the directory gettext has for @domain (bindtextdomain), so the
 * installed program reads the installed one and the build tree its own. NULL when there is none
 * (English needs none). */
ClCatalog  *cl_catalog_open   (const char *domain,
                               const char *lang);
/* The translation of @msgid, or @msgid itself when the catalogue (which may be NULL) has none. */
const char *cl_catalog_lookup (ClCatalog  *catalog,
                               const char *msgid);
void        cl_catalog_free   (ClCatalog  *catalog);
/* Where the program's catalogues are: the build tree's when it runs from there (the README's
 * quick start), else the installed ones. For bindtextdomain(). */
const char *cl_catalog_locale_dir (void);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ClCatalog, cl_catalog_free)

G_END_DECLS
