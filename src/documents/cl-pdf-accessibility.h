/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-pdf-accessibility.h — what cairo 1.16 cannot write into a tagged PDF itself */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Appends to @pdf (cairo's output, with its structure tree) an incremental update that gives the
 * catalog the document's @language (/Lang), /MarkInfo (so readers treat it as tagged) and
 * /DisplayDocTitle, and gives the Nth Figure element the Nth of @figure_alts as its /Alt. The
 * bytes cairo wrote are kept as they are. */
GBytes *cl_pdf_add_accessibility (GBytes             *pdf,
                                  const char         *language,
                                  const char * const *figure_alts,
                                  GError            **error);

G_END_DECLS
