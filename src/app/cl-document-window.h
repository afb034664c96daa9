/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-document-window.h — a document previewed before it is printed, saved or sent */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define CL_TYPE_DOCUMENT_WINDOW (cl_document_window_get_type ())
G_DECLARE_FINAL_TYPE (ClDocumentWindow, cl_document_window, CL, DOCUMENT_WINDOW, AdwWindow)

/* Shows @pdf; its pages are drawn with Poppler off the main thread. @file_name is what Save
 * proposes. */
ClDocumentWindow *cl_document_window_new       (GtkWindow  *parent,
                                                GBytes     *pdf,
                                                const char *title,
                                                const char *file_name);
/* Pages drawn so far (0 until the background rendering is done). */
guint             cl_document_window_get_n_pages (ClDocumentWindow *self);

G_END_DECLS
