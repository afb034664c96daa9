/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-page-paintable.h — a previewed page that says how big it is to be drawn */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define CL_TYPE_PAGE_PAINTABLE (cl_page_paintable_get_type ())
G_DECLARE_FINAL_TYPE (ClPagePaintable, cl_page_paintable, CL, PAGE_PAINTABLE, GObject)

ClPagePaintable *cl_page_paintable_new      (void);
/* The page drawn (a texture at preview resolution), or NULL for none. */
void             cl_page_paintable_set_page (ClPagePaintable *self,
                                             GdkPaintable    *page);
GdkPaintable    *cl_page_paintable_get_page (ClPagePaintable *self);
/* The size, in pixels, the page is to be drawn at; 0 × 0 for no size of its own, only the
 * page's shape (to be as wide as the view). */
void             cl_page_paintable_set_size (ClPagePaintable *self,
                                             int              width,
                                             int              height);

G_END_DECLS
