/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-page-paintable.c — a previewed page that says how big it is to be drawn
 *
 * A GtkPicture takes its natural size from its paintable's intrinsic size. A page texture is
 * drawn at 150 dpi, so at every zoom level the picture wanted the texture's 1275 pixels and was
 * stretched to the view instead of keeping to the zoomed size. This paintable draws the same
 * texture but reports the zoomed size, so the picture's natural size is exactly the page at
 * that zoom; with no size (Fit Width) it reports only the page's aspect ratio, so the picture
 * is as wide as the view and as tall as that width makes the page.
 */
#define G_LOG_DOMAIN "cl-page-paintable"

#include "config.h"

#include "cl-page-paintable.h"

struct _ClPagePaintable
{
  GObject       parent_instance;

  GdkPaintable *page;
  int           width;   /* 0 × 0: no size of its own */
  int           height;
};

static void cl_page_paintable_paintable_init (GdkPaintableInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (ClPagePaintable, cl_page_paintable, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (GDK_TYPE_PAINTABLE, cl_page_paintable_paintable_init))

static void
cl_page_paintable_snapshot (GdkPaintable *paintable,
                            GdkSnapshot  *snapshot,
                            double        width,
                            double        height)
{
  ClPagePaintable *self = CL_PAGE_PAINTABLE (paintable);

  if (self->page != NULL)
    gdk_paintable_snapshot (self->page, snapshot, width, height);
}

static int
cl_page_paintable_get_intrinsic_width (GdkPaintable *paintable)
{
  return CL_PAGE_PAINTABLE (paintable)->width;
}

static int
cl_page_paintable_get_intrinsic_height (GdkPaintable *paintable)
{
  return CL_PAGE_PAINTABLE (paintable)->height;
}

/* With a size, no aspect ratio: GTK then takes the height for the width from the intrinsic
 * height as it is, where a ratio would be divided back out and could round up a pixel. */
static double
cl_page_paintable_get_intrinsic_aspect_ratio (GdkPaintable *paintable)
{
  ClPagePaintable *self = CL_PAGE_PAINTABLE (paintable);

  if (self->width > 0 || self->page == NULL)
    return 0;
  return gdk_paintable_get_intrinsic_aspect_ratio (self->page);
}

static void
cl_page_paintable_paintable_init (GdkPaintableInterface *iface)
{
  iface->snapshot = cl_page_paintable_snapshot;
  iface->get_intrinsic_width = cl_page_paintable_get_intrinsic_width;
  iface->get_intrinsic_height = cl_page_paintable_get_intrinsic_height;
  iface->get_intrinsic_aspect_ratio = cl_page_paintable_get_intrinsic_aspect_ratio;
}

static void
cl_page_paintable_dispose (GObject *object)
{
  ClPagePaintable *self = CL_PAGE_PAINTABLE (object);

  g_clear_object (&self->page);
  G_OBJECT_CLASS (cl_page_paintable_parent_class)->dispose (object);
}

static void
cl_page_paintable_class_init (ClPagePaintableClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = cl_page_paintable_dispose;
}

static void
cl_page_paintable_init (ClPagePaintable *self)
{
}

ClPagePaintable *
cl_page_paintable_new (void)
{
  return g_object_new (CL_TYPE_PAGE_PAINTABLE, NULL);
}

void
cl_page_paintable_set_page (ClPagePaintable *self,
                            GdkPaintable    *page)
{
  g_return_if_fail (CL_IS_PAGE_PAINTABLE (self));
  g_return_if_fail (page == NULL || GDK_IS_PAINTABLE (page));

  if (!g_set_object (&self->page, page))
    return;
  gdk_paintable_invalidate_contents (GDK_PAINTABLE (self));
  /* Without a size of its own, the shape is the page's. */
  if (self->width == 0)
    gdk_paintable_invalidate_size (GDK_PAINTABLE (self));
}

GdkPaintable *
cl_page_paintable_get_page (ClPagePaintable *self)
{
  g_return_val_if_fail (CL_IS_PAGE_PAINTABLE (self), NULL);
  return self->page;
}

void
cl_page_paintable_set_size (ClPagePaintable *self,
                            int              width,
                            int              height)
{
  g_return_if_fail (CL_IS_PAGE_PAINTABLE (self));
  g_return_if_fail (width >= 0 && height >= 0);

  if (self->width == width && self->height == height)
    return;
  self->width = width;
  self->height = height;
  gdk_paintable_invalidate_size (GDK_PAINTABLE (self));
}
