/* cl-document-window.c — a document previewed before it is printed, saved or sent */
#define G_LOG_DOMAIN "cl-document-window"

#include "config.h"

#include <glib/gi18n.h>
#include <poppler.h>

#include "cl-document-window.h"

#define PREVIEW_DPI 150.0

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PopplerDocument, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PopplerPage, g_object_unref)

struct _ClDocumentWindow
{
  AdwWindow       parent_instance;

  AdwWindowTitle *title;
  GtkPicture     *picture;
  GtkStack       *stack;
  GtkLabel       *page_label;

  GBytes         *pdf;
  char           *file_name;
  GPtrArray      *textures;    /* of GdkTexture, one per page */
  guint           page;
  GCancellable   *cancellable;
};

G_DEFINE_FINAL_TYPE (ClDocumentWindow, cl_document_window, ADW_TYPE_WINDOW)

/* In a worker thread: every page drawn at preview resolution into a texture. */
static void
render_thread (GTask        *task,
               gpointer      source,
               gpointer      task_data,
               GCancellable *cancellable)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PopplerDocument) doc = poppler_document_new_from_bytes (task_data, NULL, &error);
  g_autoptr(GPtrArray) textures = g_ptr_array_new_with_free_func (g_object_unref);

  if (doc == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  for (int i = 0; i < poppler_document_get_n_pages (doc) && !g_cancellable_is_cancelled (cancellable); i++)
    {
      g_autoptr(PopplerPage) page = poppler_document_get_page (doc, i);
      double w, h;
      int width, height, stride;
      cairo_surface_t *surface;
      cairo_t *cr;
      GBytes *pixels;

      poppler_page_get_size (page, &w, &h);
      width = (int) (w * PREVIEW_DPI / 72);
      height = (int) (h * PREVIEW_DPI / 72);
      surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
      cr = cairo_create (surface);
      cairo_set_source_rgb (cr, 1, 1, 1);
      cairo_paint (cr);
      cairo_scale (cr, PREVIEW_DPI / 72, PREVIEW_DPI / 72);
      poppler_page_render (page, cr);
      cairo_destroy (cr);
      cairo_surface_flush (surface);
      stride = cairo_image_surface_get_stride (surface);
      pixels = g_bytes_new (cairo_image_surface_get_data (surface), (gsize) stride * height);
      g_ptr_array_add (textures, gdk_memory_texture_new (width, height, GDK_MEMORY_DEFAULT, pixels, stride));
      g_bytes_unref (pixels);
      cairo_surface_destroy (surface);
    }
  g_task_return_pointer (task, g_steal_pointer (&textures), (GDestroyNotify) g_ptr_array_unref);
}

static void
show_page (ClDocumentWindow *self,
           guint             page)
{
  g_autofree char *label = NULL;

  if (self->textures == NULL || page >= self->textures->len)
    return;
  self->page = page;
  gtk_picture_set_paintable (self->picture, g_ptr_array_index (self->textures, page));
  /* Translators: page navigation in the document preview */
  label = g_strdup_printf (_("Page %u of %u"), page + 1, self->textures->len);
  gtk_label_set_label (self->page_label, label);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "doc.previous", page > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "doc.next", page + 1 < self->textures->len);
}

static void
render_done (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  ClDocumentWindow *self = CL_DOCUMENT_WINDOW (object);
  g_autoptr(GError) error = NULL;
  GPtrArray *textures = g_task_propagate_pointer (G_TASK (result), &error);

  if (textures == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_warning ("The preview could not be drawn: %s", error->message);
      return;
    }
  self->textures = textures;
  gtk_stack_set_visible_child_name (self->stack, "pages");
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
    {
      GtkWidget *alert = adw_message_dialog_new (GTK_WINDOW (self), _("The Document Was Not Saved"), error->message);
      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (alert), "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (alert));
    }
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
  gtk_widget_class_bind_template_child (widget_class, ClDocumentWindow, page_label);

  gtk_widget_class_install_action (widget_class, "doc.previous", NULL, previous_action);
  gtk_widget_class_install_action (widget_class, "doc.next", NULL, next_action);
  gtk_widget_class_install_action (widget_class, "doc.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "doc.print", NULL, print_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Up, 0, "doc.previous", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Down, 0, "doc.next", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "doc.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK, "doc.print", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
cl_document_window_init (ClDocumentWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
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
