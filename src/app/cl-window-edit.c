/* cl-window-edit.c — changing a student's timeline: add, change, delete, and undo
 *
 * Every change is saved at once (one transaction, audited, in the store); there is no Save button.
 * The last change can be undone from its toast or with Ctrl+Z.
 */
#define G_LOG_DOMAIN "cl-window-edit"

#include "config.h"

#include <glib/gi18n.h>

#include "cl-event-editor.h"
#include "cl-window-private.h"

void
_cl_window_undo_clear (ClWindow *self)
{
  g_clear_pointer (&self->undo.student_id, g_free);
  cl_event_clear (&self->undo.before);
  g_clear_pointer (&self->undo.held, _cl_meeting_snapshot_free);
  self->undo.kind = CL_UNDO_NONE;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo", FALSE);
}

static void
remember (ClWindow      *self,
          ClUndoKind     kind,
          const char    *student_id,
          guint          position,
          const ClEvent *before)
{
  _cl_window_undo_clear (self);
  self->undo.kind = kind;
  self->undo.student_id = g_strdup (student_id);
  self->undo.position = position;
  if (before != NULL)
    cl_event_copy (before, &self->undo.before);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo", TRUE);
}

/* After a change: everything reread, obligations recomputed, the same file open again. */
static void
refresh (ClWindow   *self,
         const char *student_id,
         const char *message,
         gboolean    offer_undo)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *id = g_strdup (student_id);

  if (!_cl_window_reload (self, &error))
    {
      _cl_window_toast (self, error->message);
      return;
    }
  cl_window_select_student (self, id);
  _cl_window_meetings_sync (self);
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

static void
report (ClWindow *self,
        GError   *error)
{
  g_autofree char *message = g_strdup_printf (_("Not saved: %s"), error->message);
  _cl_window_toast (self, message);
}

static const ClEvent *
event_at (ClStudent *student,
          guint      order)
{
  for (guint i = 0; student && i < student->events->len; i++)
    if (g_array_index (student->events, ClEvent, i).order == order)
      return &g_array_index (student->events, ClEvent, i);
  return NULL;
}

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

static void
on_editor_valid (ClEventEditor    *editor,
                 GParamSpec       *pspec,
                 AdwMessageDialog *dialog)
{
  adw_message_dialog_set_response_enabled (dialog, "save", cl_event_editor_get_valid (editor));
}

static void
on_editor_response (AdwMessageDialog *dialog,
                    const char       *response,
                    EditorRequest    *request)
{
  ClWindow *self = request->window;
  g_autoptr(GError) error = NULL;
  ClEvent event = { 0 };
  ClStudent *student;
  const ClEvent *before;
  guint position = 0;

  if (!g_str_equal (response, "save") || self->store == NULL ||
      !cl_event_editor_get_event (request->editor, &event))
    return;

  if (request->editing)
    {
      student = cl_caseload_lookup_student (self->caseload, request->student_id);
      before = event_at (student, request->position);
      if (before == NULL)
        return;
      remember (self, CL_UNDO_CHANGED, request->student_id, request->position, before);
      if (!cl_store_update_event (self->store, request->student_id, request->position, &event, &error))
        {
          _cl_window_undo_clear (self);
          report (self, error);
        }
      else
        refresh (self, request->student_id, _("Event changed"), TRUE);
    }
  else if (!cl_store_add_event (self->store, request->student_id, &event, &position, &error))
    report (self, error);
  else
    {
      remember (self, CL_UNDO_ADDED, request->student_id, position, NULL);
      refresh (self, request->student_id, _("Event added"), TRUE);
    }
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

  if (student == NULL || self->store == NULL)
    return;
  name = cl_student_dup_display_name (student);
  /* Translators: the text of the event form; %s is the student's name */
  body = g_strdup_printf (_("Saved at once to %s’s file; the deadlines are computed again."), name);
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self),
                                                       initial ? _("Change Event") : _("Add Event"), body));
  request = g_new0 (EditorRequest, 1);
  request->window = self;
  request->editor = cl_event_editor_new (initial, self->today);
  request->student_id = g_strdup (student->id);
  request->editing = initial != NULL;
  request->position = position;

  adw_message_dialog_set_extra_child (dialog, GTK_WIDGET (request->editor));
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "save", initial ? _("_Save") : _("_Add"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "save", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "save");
  adw_message_dialog_set_close_response (dialog, "cancel");
  adw_message_dialog_set_response_enabled (dialog, "save", cl_event_editor_get_valid (request->editor));
  g_signal_connect (request->editor, "notify::valid", G_CALLBACK (on_editor_valid), dialog);
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
  const ClEvent *event = event_at (_cl_window_get_student (self), position);

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
  guint position = g_variant_get_uint32 (parameter);
  const ClEvent *event = event_at (student, position);
  g_autoptr(GError) error = NULL;

  if (event == NULL || self->store == NULL)
    return;
  remember (self, CL_UNDO_DELETED, student->id, position, event);
  if (!cl_store_delete_event (self->store, student->id, position, &error))
    {
      _cl_window_undo_clear (self);
      report (self, error);
      return;
    }
  refresh (self, self->undo.student_id, _("Event deleted"), TRUE);
}

static void
undo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  ClWindow *self = CL_WINDOW (widget);
  g_autoptr(GError) error = NULL;
  g_autofree char *student_id = NULL;
  gboolean ok = FALSE;

  if (self->undo.kind == CL_UNDO_NONE || self->store == NULL)
    return;
  student_id = g_strdup (self->undo.student_id);
  switch (self->undo.kind)
    {
    case CL_UNDO_ADDED:
      ok = cl_store_delete_event (self->store, student_id, self->undo.position, &error);
      break;
    case CL_UNDO_CHANGED:
      ok = cl_store_update_event (self->store, student_id, self->undo.position, &self->undo.before, &error);
      break;
    case CL_UNDO_DELETED:
      ok = cl_store_add_event (self->store, student_id, &self->undo.before, NULL, &error);
      break;
    case CL_UNDO_MEETING_HELD:
      ok = _cl_window_undo_meeting_held (self, &error);
      break;
    case CL_UNDO_NONE:
    default:
      break;
    }
  _cl_window_undo_clear (self);
  if (!ok)
    {
      report (self, error);
      return;
    }
  refresh (self, student_id, _("Undone"), FALSE);
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

void
_cl_window_refresh (ClWindow   *self,
                    const char *student_id,
                    const char *message,
                    gboolean    offer_undo)
{
  refresh (self, student_id, message, offer_undo);
}
