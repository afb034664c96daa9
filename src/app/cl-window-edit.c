/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-window-edit.c — the window's side of a saved change: the toast with Undo, Ctrl+Z, and the
 * timeline's forms
 *
 * Every change is saved at once by the session (one transaction, audited, in the store); there is
 * no Save button. The last change can be undone from its toast or with Ctrl+Z: the session keeps
 * how (cl-session-undo.h).
 */
#define G_LOG_DOMAIN "cl-window-edit"

#include "config.h"

#include <glib/gi18n.h>

#include "cl-window-private.h"

void
_cl_window_undo_clear (ClWindow *self)
{
  cl_session_forget_undo (self->session);
}

static void
say (ClWindow   *self,
     const char *message,
     gboolean    offer_undo)
{
  if (message != NULL && self->toast_overlay != NULL)
    {
      AdwToast *toast = adw_toast_new (message);

      if (offer_undo)
        {
          adw_toast_set_button_label (toast, _("_Undo"));
          adw_toast_set_action_name (toast, "win.undo");
        }
      adw_toast_overlay_add_toast (self->toast_overlay, toast);
    }
}

/* After a change was saved and the session shows it: the same file open again, and the toast. */
void
_cl_window_show_saved (ClWindow   *self,
            const char *student_id,
            const char *message,
            gboolean    offer_undo)
{
  g_autofree char *id = g_strdup (student_id);

  if (id != NULL)
    _cl_window_show_student (self, id);
  say (self, message, offer_undo);
}

void
_cl_window_report_unsaved (ClWindow *self,
                           GError   *error)
{
  g_autofree char *message = g_strdup_printf (_("Not saved: %s"), error->message);
  _cl_window_toast (self, message);
}

/* ---- the timeline's events ---- */

/* Ctrl+N anywhere in the window: an event for the shown student (the page's student.add-event). */
static void
add_event_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  gtk_widget_activate_action (GTK_WIDGET (CL_WINDOW (widget)->student_page), "student.add-event", NULL);
}

static void
show_saved_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  ClWindow *self = CL_WINDOW (widget);
  const char *student_id, *message;

  g_variant_get (parameter, "(&s&s)", &student_id, &message);
  _cl_window_show_saved (self, *student_id ? student_id : NULL, message, cl_session_get_can_undo (self->session));
}

static void
show_unsaved_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  g_autoptr(GError) error = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_FAILED, g_variant_get_string (parameter, NULL));

  _cl_window_report_unsaved (CL_WINDOW (widget), error);
}

static void
undo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  ClWindow *self = CL_WINDOW (widget);
  g_autoptr(GError) error = NULL;
  g_autofree char *show_student = NULL;

  if (!cl_session_get_can_undo (self->session))
    return;
  if (!cl_session_undo (self->session, &show_student, &error))
    {
      _cl_window_report_unsaved (self, error);
      return;
    }
  _cl_window_show_saved (self, show_student, _("Undone"), FALSE);
}

void
_cl_window_class_edit_init (ClWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_install_action (widget_class, "win.add-event", NULL, add_event_action);
  gtk_widget_class_install_action (widget_class, "win.show-saved", "(ss)", show_saved_action);
  gtk_widget_class_install_action (widget_class, "win.show-unsaved", "s", show_unsaved_action);
  gtk_widget_class_install_action (widget_class, "win.undo", NULL, undo_action);
}
