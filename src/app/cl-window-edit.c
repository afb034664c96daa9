/* cl-window-edit.c — changing a student's timeline: add, change, delete, and undo
 *
 * Every change is saved at once (one transaction, audited, in the store); there is no Save button.
 * The last change can be undone from its toast or with Ctrl+Z: whoever saves a change hands
 * _cl_window_saved() a ClUndo that knows how to write the state before it back (events here,
 * students and guardians in cl-window-students.c).
 */
#define G_LOG_DOMAIN "cl-window-edit"

#include "config.h"

#include <glib/gi18n.h>

#include "cl-event-editor.h"
#include "cl-window-private.h"

ClUndo *
_cl_undo_new (ClRevertFunc    revert,
              ClApplyFunc     apply,
              gpointer        data,
              GDestroyNotify  free_data,
              const char     *show_student)
{
  ClUndo *undo = g_new0 (ClUndo, 1);

  undo->revert = revert;
  undo->apply = apply;
  undo->data = data;
  undo->free_data = free_data;
  undo->show_student = g_strdup (show_student);
  return undo;
}

void
_cl_undo_free (ClUndo *undo)
{
  if (undo == NULL)
    return;
  if (undo->free_data != NULL)
    undo->free_data (undo->data);
  g_free (undo->show_student);
  g_free (undo);
}

void
_cl_window_undo_clear (ClWindow *self)
{
  g_clear_pointer (&self->undo, _cl_undo_free);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo", FALSE);
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
  if (id != NULL)
    _cl_window_show_student (self, id);
  _cl_window_meetings_sync (self);
  say (self, message, offer_undo);
}

static void
keep_undo (ClWindow *self,
           ClUndo   *undo)
{
  g_clear_pointer (&self->undo, _cl_undo_free);
  self->undo = undo;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo", undo != NULL);
}

void
_cl_window_saved_student (ClWindow   *self,
                          ClUndo     *undo,
                          ClStudent  *student,
                          const char *message)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *id = g_strdup (student->id);

  keep_undo (self, undo);
  /* One student changed: their obligations and row, not the whole caseload (~220 ms at 10,000). */
  if (!_cl_window_recompute_student (self, student, &error))
    {
      if (error != NULL)
        g_warning ("Recomputing %s alone failed, reloading everything: %s", id, error->message);
      refresh (self, id, message, undo != NULL);
      return;
    }
  _cl_window_show_student (self, id);
  _cl_window_meetings_sync (self);
  say (self, message, undo != NULL);
}

void
_cl_window_saved (ClWindow   *self,
                  ClUndo     *undo,
                  const char *show_student,
                  const char *message)
{
  keep_undo (self, undo);
  refresh (self, show_student, message, undo != NULL);
}

void
_cl_window_report_unsaved (ClWindow *self,
                           GError   *error)
{
  g_autofree char *message = g_strdup_printf (_("Not saved: %s"), error->message);
  _cl_window_toast (self, message);
}

/* ---- the timeline's events ---- */

/* A saved change made to the open caseload's record too, as a reload would read it back: the
 * event at @position replaced by @event, or removed when @event is NULL. */
static void
apply_event (ClStudent     *student,
             guint          position,
             const ClEvent *event)
{
  for (guint i = 0; i < student->events->len; i++)
    if (g_array_index (student->events, ClEvent, i).order == position)
      {
        g_array_remove_index (student->events, i);
        break;
      }
  if (event != NULL)
    {
      ClEvent *e = cl_student_add_event (student, event->type, event->date);

      cl_event_copy (event, e);
      e->order = position;
    }
  cl_student_sort_events (student);
}


typedef struct {
  char    *student_id;
  guint    position;   /* of the event the undo writes to (a deleted one comes back at a new one) */
  ClEvent  before;     /* what an undo writes back (changed or deleted events) */
  gboolean has_before;
} EventUndo;

static void
event_undo_free (gpointer data)
{
  EventUndo *undo = data;

  g_free (undo->student_id);
  cl_event_clear (&undo->before);
  g_free (undo);
}

static EventUndo *
event_undo_new (const char    *student_id,
                guint          position,
                const ClEvent *before)
{
  EventUndo *undo = g_new0 (EventUndo, 1);

  undo->student_id = g_strdup (student_id);
  undo->position = position;
  if (before != NULL)
    cl_event_copy (before, &undo->before);
  undo->has_before = before != NULL;
  return undo;
}

static gboolean
revert_event_added (ClStore  *store,
                    gpointer  data,
                    GError  **error)
{
  EventUndo *undo = data;
  return cl_store_delete_event (store, undo->student_id, undo->position, error);
}

static gboolean
revert_event_changed (ClStore  *store,
                      gpointer  data,
                      GError  **error)
{
  EventUndo *undo = data;
  return cl_store_update_event (store, undo->student_id, undo->position, &undo->before, error);
}

/* After any of the three reverts the event at the undo's position is what it was before: gone
 * for an added one, the old one for a changed or deleted one. */
static ClStudent *
apply_event_undo (ClCaseload *caseload,
                  gpointer    data)
{
  EventUndo *undo = data;
  ClStudent *student = cl_caseload_lookup_student (caseload, undo->student_id);

  if (student != NULL)
    apply_event (student, undo->position, undo->has_before ? &undo->before : NULL);
  return student;
}

static gboolean
revert_event_deleted (ClStore  *store,
                      gpointer  data,
                      GError  **error)
{
  EventUndo *undo = data;
  return cl_store_add_event (store, undo->student_id, &undo->before, &undo->position, error);
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
  ClStudent *student;

  if (self->store == NULL)
    return;
  student = cl_caseload_lookup_student (self->caseload, id);
  if (student == NULL)
    return;
  if (editing)
    {
      const ClEvent *before = event_at (student, position);
      EventUndo *undo;

      if (before == NULL)
        return;
      /* Copied before the write: the record it points into is changed next. */
      undo = event_undo_new (id, position, before);
      if (!cl_store_update_event (self->store, id, position, event, &error))
        {
          event_undo_free (undo);
          _cl_window_report_unsaved (self, error);
          return;
        }
      apply_event (student, position, event);
      _cl_window_saved_student (self, _cl_undo_new (revert_event_changed, apply_event_undo, undo, event_undo_free, id),
                                student, message ? message : _("Event changed"));
    }
  else if (!cl_store_add_event (self->store, id, event, &position, &error))
    _cl_window_report_unsaved (self, error);
  else
    {
      apply_event (student, position, event);
      _cl_window_saved_student (self, _cl_undo_new (revert_event_added, apply_event_undo, event_undo_new (id, position, NULL),
                                                    event_undo_free, id),
                                student, message ? message : _("Event added"));
    }
}

static void
on_editor_response (AdwMessageDialog *dialog,
                    const char       *response,
                    EditorRequest    *request)
{
  ClEvent event = { 0 };

  if (!g_str_equal (response, "save") || request->window->store == NULL ||
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

  if (student == NULL || self->store == NULL)
    return;
  name = cl_student_dup_display_name (student);
  /* Translators: the text of the event form; %s is the student's name */
  body = g_strdup_printf (_("Saved at once to %s’s file; the deadlines are computed again."), name);
  request = g_new0 (EditorRequest, 1);
  request->window = self;
  request->editor = cl_event_editor_new (initial, self->today);
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
  EventUndo *undo;

  if (event == NULL || self->store == NULL)
    return;
  undo = event_undo_new (student->id, position, event);
  if (!cl_store_delete_event (self->store, student->id, position, &error))
    {
      event_undo_free (undo);
      _cl_window_report_unsaved (self, error);
      return;
    }
  apply_event (student, position, NULL);
  _cl_window_saved_student (self, _cl_undo_new (revert_event_deleted, apply_event_undo, undo, event_undo_free, undo->student_id),
                            student, _("Event deleted"));
}

static void
undo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  ClWindow *self = CL_WINDOW (widget);
  g_autoptr(GError) error = NULL;
  g_autoptr(ClUndo) undo = g_steal_pointer (&self->undo);
  ClStudent *changed;

  _cl_window_undo_clear (self);
  if (undo == NULL || self->store == NULL)
    return;
  if (!undo->revert (self->store, undo->data, &error))
    {
      _cl_window_report_unsaved (self, error);
      return;
    }
  changed = undo->apply && self->caseload ? undo->apply (self->caseload, undo->data) : NULL;
  if (changed != NULL && _cl_window_recompute_student (self, changed, NULL))
    {
      if (undo->show_student != NULL)
        _cl_window_show_student (self, undo->show_student);
      _cl_window_meetings_sync (self);
      say (self, _("Undone"), FALSE);
    }
  else
    refresh (self, undo->show_student, _("Undone"), FALSE);
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
