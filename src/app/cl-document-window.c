/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-document-window.c — a document previewed before it is printed, saved or sent */
#define G_LOG_DOMAIN "cl-document-window"

#include "config.h"

#include <glib/gi18n.h>
#include <errno.h>
#include <glib/gstdio.h>
#include <poppler.h>

#include "cl-document-window.h"
#include "cl-page-paintable.h"

#define PREVIEW_DPI   150.0
#define THUMB_WIDTH   110
/* 100 % is the paper at the screen's 96 pixels per inch. */
#define SCREEN_DPI    96.0
#define ZOOM_FIT      0.0

static const double zoom_levels[] = { 0.5, 0.75, 1.0, 1.25, 1.5, 2.0, 3.0 };

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PopplerDocument, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PopplerPage, g_object_unref)

struct _ClDocumentWindow
{
  AdwWindow       parent_instance;

  AdwWindowTitle *title;
  GtkPicture     *picture;
  ClPagePaintable *page_paintable; /* what the picture shows: the page at the zoomed size */
  GtkStack       *stack;
  GtkListBox     *thumbnails;
  GtkPopoverMenu *menu_popover;
  GtkLabel       *zoom_label;

  GBytes         *pdf;
  char           *file_name;
  GPtrArray      *textures;    /* of GdkTexture, one per page */
  double          page_width;  /* the first page's size, in points */
  double          page_height;
  guint           page;
  double          zoom;        /* ZOOM_FIT, or a scale of the paper at SCREEN_DPI */
  gboolean        selecting;   /* a thumbnail is being selected to follow the page */
  GCancellable   *cancellable;
};

/* What the worker thread hands back: pages at preview resolution and their thumbnails. */
typedef struct {
  GPtrArray *pages;
  GPtrArray *thumbs;
  double     width;
  double     height;
} Rendered;

static void
rendered_free (Rendered *r)
{
  g_clear_pointer (&r->pages, g_ptr_array_unref);
  g_clear_pointer (&r->thumbs, g_ptr_array_unref);
  g_free (r);
}

G_DEFINE_FINAL_TYPE (ClDocumentWindow, cl_document_window, ADW_TYPE_WINDOW)

static GdkTexture *
page_texture (PopplerPage *page,
              double       scale)
{
  double w, h;
  int width, height, stride;
  cairo_surface_t *surface;
  cairo_t *cr;
  g_autoptr(GBytes) pixels = NULL;
  GdkTexture *texture;

  poppler_page_get_size (page, &w, &h);
  width = (int) (w * scale);
  height = (int) (h * scale);
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cr = cairo_create (surface);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_scale (cr, scale, scale);
  poppler_page_render (page, cr);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  stride = cairo_image_surface_get_stride (surface);
  pixels = g_bytes_new (cairo_image_surface_get_data (surface), (gsize) stride * height);
  texture = gdk_memory_texture_new (width, height, GDK_MEMORY_DEFAULT, pixels, stride);
  cairo_surface_destroy (surface);
  return texture;
}

/* In a worker thread: every page drawn at preview resolution, and small for the page strip. */
static void
render_thread (GTask        *task,
               gpointer      source,
               gpointer      task_data,
               GCancellable *cancellable)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PopplerDocument) doc = poppler_document_new_from_bytes (task_data, NULL, &error);
  Rendered *r;

  if (doc == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  r = g_new0 (Rendered, 1);
  r->pages = g_ptr_array_new_with_free_func (g_object_unref);
  r->thumbs = g_ptr_array_new_with_free_func (g_object_unref);
  for (int i = 0; i < poppler_document_get_n_pages (doc) && !g_cancellable_is_cancelled (cancellable); i++)
    {
      g_autoptr(PopplerPage) page = poppler_document_get_page (doc, i);
      double w, h;

      poppler_page_get_size (page, &w, &h);
      if (i == 0)
        {
          r->width = w;
          r->height = h;
        }
      g_ptr_array_add (r->pages, page_texture (page, PREVIEW_DPI / 72));
      g_ptr_array_add (r->thumbs, page_texture (page, THUMB_WIDTH / w));
    }
  if (g_cancellable_set_error_if_cancelled (cancellable, &error))
    {
      rendered_free (r);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  g_task_return_pointer (task, r, (GDestroyNotify) rendered_free);
}

/* Fit: the page as wide as the view, and as tall as that makes it. Otherwise its size at the
 * zoom. Either way scrolled when larger than the view, centred when smaller.
 *
 * The picture takes its natural size from its paintable, which reports the zoomed size (see
 * cl-page-paintable.c): centred, the picture is given exactly that. The size request is what
 * makes the view scroll when the page is larger. At Fit the paintable has only the page's
 * shape: the picture fills the width, and the viewport (vscroll-policy natural) gives it the
 * height it wants for that width. */
static void
apply_zoom (ClDocumentWindow *self)
{
  g_autofree char *label = NULL;
  GtkWidget *picture = GTK_WIDGET (self->picture);

  if (self->zoom == ZOOM_FIT)
    {
      cl_page_paintable_set_size (self->page_paintable, 0, 0);
      gtk_widget_set_size_request (picture, -1, -1);
      gtk_widget_set_halign (picture, GTK_ALIGN_FILL);
      /* Translators: the zoom level when the page fits the window's width */
      label = g_strdup (_("Fit Width"));
    }
  else
    {
      double scale = self->zoom * SCREEN_DPI / 72;
      int width = (int) (self->page_width * scale);
      int height = (int) (self->page_height * scale);

      cl_page_paintable_set_size (self->page_paintable, width, height);
      gtk_widget_set_size_request (picture, width, height);
      gtk_widget_set_halign (picture, GTK_ALIGN_CENTER);
      /* Translators: a zoom level, e.g. "125 %" */
      label = g_strdup_printf (_("%d %%"), (int) (self->zoom * 100 + 0.5));
    }
  gtk_label_set_label (self->zoom_label, label);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "doc.zoom-in",
                                 self->zoom < zoom_levels[G_N_ELEMENTS (zoom_levels) - 1]);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "doc.zoom-out", self->zoom == ZOOM_FIT || self->zoom > zoom_levels[0]);
}

/* The zoom a fitted page has now, so that zooming in or out from Fit starts where the eye is. */
static double
current_zoom (ClDocumentWindow *self)
{
  int width;

  if (self->zoom != ZOOM_FIT)
    return self->zoom;
  width = gtk_widget_get_width (GTK_WIDGET (self->picture));
  if (width <= 0 || self->page_width <= 0)
    return 1.0;
  return width / (self->page_width * SCREEN_DPI / 72);
}

static void
zoom_in_action (GtkWidget *widget, const char *name, GVariant *param)
{
  ClDocumentWindow *self = CL_DOCUMENT_WINDOW (widget);
  double now = current_zoom (self);

  for (guint i = 0; i < G_N_ELEMENTS (zoom_levels); i++)
    if (zoom_levels[i] > now + 0.01)
      {
        self->zoom = zoom_levels[i];
        apply_zoom (self);
        return;
      }
}

static void
zoom_out_action (GtkWidget *widget, const char *name, GVariant *param)
{
  ClDocumentWindow *self = CL_DOCUMENT_WINDOW (widget);
  double now = current_zoom (self);

  for (guint i = G_N_ELEMENTS (zoom_levels); i > 0; i--)
    if (zoom_levels[i - 1] < now - 0.01)
      {
        self->zoom = zoom_levels[i - 1];
        apply_zoom (self);
        return;
      }
}

static void
zoom_fit_action (GtkWidget *widget, const char *name, GVariant *param)
{
  ClDocumentWindow *self = CL_DOCUMENT_WINDOW (widget);

  self->zoom = ZOOM_FIT;
  apply_zoom (self);
}

static void
show_page (ClDocumentWindow *self,
           guint             page)
{
  g_autofree char *label = NULL;

  if (self->textures == NULL || page >= self->textures->len)
    return;
  self->page = page;
  cl_page_paintable_set_page (self->page_paintable, g_ptr_array_index (self->textures, page));
  /* Translators: page navigation in the document preview */
  label = g_strdup_printf (_("Page %u of %u"), page + 1, self->textures->len);
  adw_window_title_set_subtitle (self->title, label);
  /* The strip follows the page shown. */
  self->selecting = TRUE;
  gtk_list_box_select_row (self->thumbnails, gtk_list_box_get_row_at_index (self->thumbnails, (int) page));
  self->selecting = FALSE;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "doc.previous", page > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "doc.next", page + 1 < self->textures->len);
}

static GtkWidget *
thumbnail_row (GdkTexture *texture,
               guint       index)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *picture = gtk_picture_new_for_paintable (GDK_PAINTABLE (texture));
  g_autofree char *number = g_strdup_printf ("%u", index + 1);
  GtkWidget *label = gtk_label_new (number);
  /* Translators: the accessible name of a page in the page strip */
  g_autofree char *name = g_strdup_printf (_("Page %u"), index + 1);

  gtk_picture_set_can_shrink (GTK_PICTURE (picture), FALSE);
  gtk_widget_set_halign (picture, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (picture, "card");
  gtk_widget_add_css_class (label, "caption");
  gtk_widget_add_css_class (label, "numeric");
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_box_append (GTK_BOX (box), picture);
  gtk_box_append (GTK_BOX (box), label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (picture), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  return box;
}

static void
on_thumbnail_selected (ClDocumentWindow *self,
                       GtkListBoxRow    *row)
{
  g_assert (CL_IS_DOCUMENT_WINDOW (self));
  if (row == NULL || self->selecting)
    return;
  show_page (self, (guint) gtk_list_box_row_get_index (row));
}

static void
render_done (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  ClDocumentWindow *self = CL_DOCUMENT_WINDOW (object);
  g_autoptr(GError) error = NULL;
  Rendered *r = g_task_propagate_pointer (G_TASK (result), &error);

  if (r == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_warning ("The preview could not be drawn: %s", error->message);
      return;
    }
  self->textures = g_steal_pointer (&r->pages);
  self->page_width = r->width;
  self->page_height = r->height;
  for (guint i = 0; i < r->thumbs->len; i++)
    gtk_list_box_append (self->thumbnails, thumbnail_row (g_ptr_array_index (r->thumbs, i), i));
  rendered_free (r);
  gtk_stack_set_visible_child_name (self->stack, "pages");
  apply_zoom (self);
  show_page (self, 0);
}

static void
previous_action (GtkWidget *widget, const char *name, GVariant *param)
{
  ClDocumentWindow *self = CL_DOCUMENT_WINDOW (widget);
  if (self->page > 0)
    show_page (self, self->page - 1);
}

static void
next_action (GtkWidget *widget, const char *name, GVariant *param)
{
  ClDocumentWindow *self = CL_DOCUMENT_WINDOW (widget);
  show_page (self, self->page + 1);
}

static void
show_error (ClDocumentWindow *self,
            const char       *heading,
            const char       *message)
{
  GtkWidget *alert = adw_message_dialog_new (GTK_WINDOW (self), heading, message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (alert), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (alert));
}

static void
on_save_response (GtkNativeDialog  *dialog,
                  int               response,
                  ClDocumentWindow *self)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
  if (file == NULL || (path = g_file_get_path (file)) == NULL)
    return;
  /* Letters about a student are confidential: readable by the user alone. */
  if (!g_file_set_contents_full (path, g_bytes_get_data (self->pdf, NULL), g_bytes_get_size (self->pdf),
                                 G_FILE_SET_CONTENTS_CONSISTENT, 0600, &error))
    show_error (self, _("The Document Was Not Saved"), error->message);
}

static void
save_action (GtkWidget *widget, const char *name, GVariant *param)
{
  ClDocumentWindow *self = CL_DOCUMENT_WINDOW (widget);
  GtkFileChooserNative *chooser = gtk_file_chooser_native_new (_("Save as PDF"), GTK_WINDOW (self),
                                                               GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));

  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), self->file_name);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (on_save_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* A private copy for another application to open: under the user's cache directory, readable by
 * the user alone (0700 directory, 0600 file). */
static GFile *
write_private_copy (ClDocumentWindow  *self,
                    GError           **error)
{
  g_autofree char *dir = g_build_filename (g_get_user_cache_dir (), "caseload", "documents", NULL);
  g_autofree char *path = g_build_filename (dir, self->file_name, NULL);

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved = errno;
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved), _("Cannot create the folder “%s”: %s."), dir,
                   g_strerror (saved));
      return NULL;
    }
  /* The directory may predate this version; keep it private whatever its mode was. */
  g_chmod (dir, 0700);
  if (!g_file_set_contents_full (path, g_bytes_get_data (self->pdf, NULL), g_bytes_get_size (self->pdf),
                                 G_FILE_SET_CONTENTS_CONSISTENT, 0600, error))
    return NULL;
  return g_file_new_for_path (path);
}

static void
on_app_chosen (GtkDialog        *dialog,
               int               response,
               ClDocumentWindow *self)
{
  g_autoptr(GAppInfo) app = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  GList files = { NULL, NULL, NULL };

  if (response == GTK_RESPONSE_OK)
    app = gtk_app_chooser_get_app_info (GTK_APP_CHOOSER (dialog));
  gtk_window_destroy (GTK_WINDOW (dialog));
  if (app == NULL)
    return;
  file = write_private_copy (self, &error);
  if (file != NULL)
    {
      g_autoptr(GdkAppLaunchContext) context = gdk_display_get_app_launch_context (gtk_widget_get_display (GTK_WIDGET (self)));

      files.data = file;
      g_app_info_launch (app, &files, G_APP_LAUNCH_CONTEXT (context), &error);
    }
  if (error != NULL)
    show_error (self, _("The Document Could Not Be Opened"), error->message);
}

static void
open_with_action (GtkWidget *widget, const char *name, GVariant *param)
{
  ClDocumentWindow *self = CL_DOCUMENT_WINDOW (widget);
  GtkWidget *dialog = gtk_app_chooser_dialog_new_for_content_type (GTK_WINDOW (self), GTK_DIALOG_MODAL,
                                                                   "application/pdf");

  gtk_app_chooser_dialog_set_heading (GTK_APP_CHOOSER_DIALOG (dialog), _("Open the document with"));
  g_signal_connect (dialog, "response", G_CALLBACK (on_app_chosen), self);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Printing draws the same PDF pages, scaled to the paper. */
static void
on_draw_page (GtkPrintOperation *operation,
              GtkPrintContext   *context,
              int                page_nr,
              PopplerDocument   *doc)
{
  g_autoptr(PopplerPage) page = poppler_document_get_page (doc, page_nr);
  cairo_t *cr = gtk_print_context_get_cairo_context (context);
  double w, h, scale;

  poppler_page_get_size (page, &w, &h);
  scale = MIN (gtk_print_context_get_width (context) / w, gtk_print_context_get_height (context) / h);
  cairo_scale (cr, scale, scale);
  poppler_page_render_for_printing (page, cr);
}

static void
print_action (GtkWidget *widget, const char *name, GVariant *param)
{
  ClDocumentWindow *self = CL_DOCUMENT_WINDOW (widget);
  g_autoptr(GtkPrintOperation) operation = gtk_print_operation_new ();
  g_autoptr(PopplerDocument) doc = poppler_document_new_from_bytes (self->pdf, NULL, NULL);
  g_autoptr(GError) error = NULL;

  if (doc == NULL)
    return;
  gtk_print_operation_set_n_pages (operation, poppler_document_get_n_pages (doc));
  gtk_print_operation_set_job_name (operation, adw_window_title_get_title (self->title));
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  g_signal_connect (operation, "draw-page", G_CALLBACK (on_draw_page), doc);
  gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG, GTK_WINDOW (self), &error);
  if (error != NULL)
    g_warning ("Printing failed: %s", error->message);
}

static void
cl_document_window_dispose (GObject *object)
{
  ClDocumentWindow *self = CL_DOCUMENT_WINDOW (object);

  if (self->cancellable)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->textures, g_ptr_array_unref);
  g_clear_pointer (&self->pdf, g_bytes_unref);
  g_clear_pointer (&self->file_name, g_free);
  g_clear_object (&self->page_paintable);
  gtk_widget_dispose_template (GTK_WIDGET (self), CL_TYPE_DOCUMENT_WINDOW);
  G_OBJECT_CLASS (cl_document_window_parent_class)->dispose (object);
}

static void
cl_document_window_class_init (ClDocumentWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cl_document_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/caseload/Caseload/cl-document-window.ui");
  gtk_widget_class_bind_template_child (widget_class, ClDocumentWindow, title);
  gtk_widget_class_bind_template_child (widget_class, ClDocumentWindow, picture);
  gtk_widget_class_bind_template_child (widget_class, ClDocumentWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, ClDocumentWindow, thumbnails);
  gtk_widget_class_bind_template_child (widget_class, ClDocumentWindow, menu_popover);
  gtk_widget_class_bind_template_callback (widget_class, on_thumbnail_selected);

  gtk_widget_class_install_action (widget_class, "doc.previous", NULL, previous_action);
  gtk_widget_class_install_action (widget_class, "doc.next", NULL, next_action);
  gtk_widget_class_install_action (widget_class, "doc.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "doc.print", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "doc.open-with", NULL, open_with_action);
  gtk_widget_class_install_action (widget_class, "doc.zoom-in", NULL, zoom_in_action);
  gtk_widget_class_install_action (widget_class, "doc.zoom-out", NULL, zoom_out_action);
  gtk_widget_class_install_action (widget_class, "doc.zoom-fit", NULL, zoom_fit_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_plus, GDK_CONTROL_MASK, "doc.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_equal, GDK_CONTROL_MASK, "doc.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Add, GDK_CONTROL_MASK, "doc.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_minus, GDK_CONTROL_MASK, "doc.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Subtract, GDK_CONTROL_MASK, "doc.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_0, GDK_CONTROL_MASK, "doc.zoom-fit", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_0, GDK_CONTROL_MASK, "doc.zoom-fit", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Up, 0, "doc.previous", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Down, 0, "doc.next", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "doc.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK, "doc.print", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

/* The zoom row of the menu: − 100 % + , the way GNOME's viewers show it. */
static GtkWidget *
zoom_row (ClDocumentWindow *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *out = gtk_button_new_from_icon_name ("zoom-out-symbolic");
  GtkWidget *in = gtk_button_new_from_icon_name ("zoom-in-symbolic");
  GtkWidget *fit = gtk_button_new ();

  self->zoom_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_width_chars (self->zoom_label, 9);
  gtk_widget_add_css_class (GTK_WIDGET (self->zoom_label), "numeric");
  gtk_button_set_child (GTK_BUTTON (fit), GTK_WIDGET (self->zoom_label));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (out), "doc.zoom-out");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (in), "doc.zoom-in");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (fit), "doc.zoom-fit");
  gtk_widget_set_tooltip_text (out, _("Zoom Out"));
  gtk_widget_set_tooltip_text (in, _("Zoom In"));
  gtk_widget_set_tooltip_text (fit, _("Fit Width"));
  gtk_widget_set_hexpand (fit, TRUE);
  for (GtkWidget *b = out; b; b = b == out ? fit : b == fit ? in : NULL)
    {
      gtk_widget_add_css_class (b, "flat");
      gtk_box_append (GTK_BOX (box), b);
    }
  gtk_widget_set_margin_start (box, 6);
  gtk_widget_set_margin_end (box, 6);
  return box;
}

/* Page Up and Page Down turn pages wherever the focus is, also in the page strip (which would
 * otherwise take them to move its own selection a screenful). */
static gboolean
on_key_pressed (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                ClDocumentWindow      *self)
{
  if ((state & gtk_accelerator_get_default_mod_mask ()) != 0)
    return FALSE;
  if (keyval == GDK_KEY_Page_Down || keyval == GDK_KEY_KP_Page_Down)
    return gtk_widget_activate_action (GTK_WIDGET (self), "doc.next", NULL), TRUE;
  if (keyval == GDK_KEY_Page_Up || keyval == GDK_KEY_KP_Page_Up)
    return gtk_widget_activate_action (GTK_WIDGET (self), "doc.previous", NULL), TRUE;
  return FALSE;
}

static void
cl_document_window_init (ClDocumentWindow *self)
{
  GtkEventController *keys = gtk_event_controller_key_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  self->page_paintable = cl_page_paintable_new ();
  gtk_picture_set_paintable (self->picture, GDK_PAINTABLE (self->page_paintable));
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (on_key_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);
  self->zoom = ZOOM_FIT;
  gtk_popover_menu_add_child (self->menu_popover, zoom_row (self), "zoom");
  apply_zoom (self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "doc.previous", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "doc.next", FALSE);
}

ClDocumentWindow *
cl_document_window_new (GtkWindow  *parent,
                        GBytes     *pdf,
                        const char *title,
                        const char *file_name)
{
  ClDocumentWindow *self = g_object_new (CL_TYPE_DOCUMENT_WINDOW, "transient-for", parent, NULL);
  g_autoptr(GTask) task = NULL;

  self->pdf = g_bytes_ref (pdf);
  self->file_name = g_strdup (file_name);
  self->cancellable = g_cancellable_new ();
  adw_window_title_set_title (self->title, title);
  gtk_window_set_title (GTK_WINDOW (self), title);
  task = g_task_new (self, self->cancellable, render_done, NULL);
  g_task_set_task_data (task, g_bytes_ref (pdf), (GDestroyNotify) g_bytes_unref);
  g_task_run_in_thread (task, render_thread);
  return self;
}

guint
cl_document_window_get_n_pages (ClDocumentWindow *self)
{
  g_return_val_if_fail (CL_IS_DOCUMENT_WINDOW (self), 0);
  return self->textures ? self->textures->len : 0;
}
