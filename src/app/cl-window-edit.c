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

#include "cl-event-editor.h"
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

/* After a change was saved and the session shows it: the same file open again, the meeting
 * windows following, and the toast. */
void
_cl_window_show_saved (ClWindow   *self,
            const char *student_id,
            const char *message,
            gboolean    offer_undo)
{
  g_autofree char *id = g_strdup (student_id);

  if (id != NULL)
    _cl_window_show_student (self, id);
  _cl_window_meetings_sync (self);
  say (self, message, offer_undo);
}

void
_cl_window_saved_student (ClWindow   *self,
                          ClUndo     *undo,
                          ClStudent  *student,
                          const char *message)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *id = g_strdup (student->id);
  gboolean offer_undo = undo != NULL;

  if (!cl_session_saved_student (self->session, undo, student, &error))
    {
      _cl_window_toast (self, error->message);
      return;
    }
  _cl_window_show_saved (self, id, message, offer_undo);
}

void
_cl_window_saved (ClWindow   *self,
                  ClUndo     *undo,
                  const char *show_student,
                  const char *message)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *id = g_strdup (show_student);
  gboolean offer_undo = undo != NULL;

  if (!cl_session_saved (self->session, undo, &error))
    {
      _cl_window_toast (self, error->message);
      return;
    }
  _cl_window_show_saved (self, id, message, offer_undo);
}

void
_cl_window_report_unsaved (ClWindow *self,
                           GError   *error)
{
  g_autofree char *message = g_strdup_printf (_("Not saved: %s"), error->message);
  _cl_window_toast (self, message);
}

/* ---- the timeline's events ---- */

typedef struct {
  ClWindow      *window;
  ClEventEditor *editor;
  char          *student_id;
  gboolean       editing;
  guint          position;
} EditorRequest;

static void
editor_request_free (gpointer  data,
                     GClosure *closure)
{
  EditorRequest *request = data;

  g_free (request->student_id);
  g_free (request);
}

/* Saves @event at once: a new one, or in place of the one at @position when @editing; the toast
 * offers undo. Shared with the discipline forms (cl-window-discipline.c). */
void
_cl_window_save_event (ClWindow      *self,
                       const char    *student_id,
                       gboolean       editing,
                       guint          position,
                       const ClEvent *event,
                       const char    *message)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *id = g_strdup (student_id);

  if (!cl_session_save_event (self->session, id, editing, position, event, &error))
    {
      _cl_window_report_unsaved (self, error);
      return;
    }
  _cl_window_show_saved (self, id, message ? message : editing ? _("Event changed") : _("Event added"), TRUE);
}

static void
on_editor_response (AdwMessageDialog *dialog,
                    const char       *response,
                    EditorRequest    *request)
{
  ClEvent event = { 0 };

  if (!g_str_equal (response, "save") || !cl_session_get_editable (request->window->session) ||
      !cl_event_editor_get_event (request->editor, &event))
    return;
  _cl_window_save_event (request->window, request->student_id, request->editing, request->position, &event,
                         request->editing ? _("Event changed") : _("Event added"));
  cl_event_clear (&event);
}

static void
open_editor (ClWindow      *self,
             const ClEvent *initial,
             guint          position)
{
  ClStudent *student = _cl_window_get_student (self);
  EditorRequest *request;
  AdwMessageDialog *dialog;
  g_autofree char *name = NULL;
  g_autofree char *body = NULL;

  if (student == NULL || cl_session_get_store (self->session) == NULL)
    return;
  name = cl_student_dup_display_name (student);
  /* Translators: the text of the event form; %s is the student's name */
  body = g_strdup_printf (_("Saved at once to %s’s file; the deadlines are computed again."), name);
  request = g_new0 (EditorRequest, 1);
  request->window = self;
  request->editor = cl_event_editor_new (initial, cl_session_get_today (self->session));
  request->student_id = g_strdup (student->id);
  request->editing = initial != NULL;
  request->position = position;
  dialog = cl_form_dialog_new (GTK_WINDOW (self), initial ? _("Change Event") : _("Add Event"), body,
                               CL_FORM_BIN (request->editor), initial ? _("_Save") : _("_Add"));
  g_signal_connect_data (dialog, "response", G_CALLBACK (on_editor_response), request,
                         editor_request_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
add_event_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  open_editor (CL_WINDOW (widget), NULL, 0);
}

static void
edit_event_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  ClWindow *self = CL_WINDOW (widget);
  guint position = g_variant_get_uint32 (parameter);
  const ClEvent *event = cl_session_event_at (_cl_window_get_student (self), position);

  if (event != NULL)
    open_editor (self, event, position);
}

static void
delete_event_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  ClWindow *self = CL_WINDOW (widget);
  ClStudent *student = _cl_window_get_student (self);
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;

  if (student == NULL)
    return;
  id = g_strdup (student->id);
  if (!cl_session_delete_event (self->session, id, g_variant_get_uint32 (parameter), &error))
    {
      _cl_window_report_unsaved (self, error);
      return;
    }
  _cl_window_show_saved (self, id, _("Event deleted"), TRUE);
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
  gtk_widget_class_install_action (widget_class, "win.edit-event", "u", edit_event_action);
  gtk_widget_class_install_action (widget_class, "win.delete-event", "u", delete_event_action);
  gtk_widget_class_install_action (widget_class, "win.undo", NULL, undo_action);
}
