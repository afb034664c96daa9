/* cl-session-meetings.c — a meeting planned, prepared, run from its checklist, cancelled, and one
 * recorded as held (undoably)
 */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cl-session"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "cl-session-private.h"

const ClMeeting *
cl_session_find_meeting (ClStudent  *student,
                         const char *meeting_id)
{
  for (guint i = 0; student && i < student->meetings->len; i++)
    if (g_str_equal (((ClMeeting *) g_ptr_array_index (student->meetings, i))->id, meeting_id))
      return g_ptr_array_index (student->meetings, i);
  return NULL;
}

gboolean
cl_session_plan_meeting (ClSession        *self,
                         const char       *student_id,
                         const ClMeeting  *meeting,
                         GError          **error)
{
  g_autofree char *id = g_strdup (student_id);

  g_return_val_if_fail (CL_IS_SESSION (self), FALSE);

  if (_cl_session_editable_student (self, id, error) == NULL ||
      !cl_store_add_meeting (self->store, id, meeting, error))
    return FALSE;
  /* A plan is not undone from the toast: it is cancelled from its own window. */
  return cl_session_saved (self, NULL, error);
}

/* What Record as Held removed, to put back on undo: the plan with its attempts and ticks. */
typedef struct {
  char       *student_id;
  guint       position;    /* of the iep_meeting event it added */
  ClStudent  *owner;       /* owns the copy of the meeting */
  ClMeeting  *meeting;
  GPtrArray  *attempts;
  GHashTable *checklist;
} HeldUndo;

static void
held_undo_free (gpointer data)
{
  HeldUndo *undo = data;

  g_free (undo->student_id);
  g_clear_pointer (&undo->owner, cl_student_free);
  g_clear_pointer (&undo->attempts, g_ptr_array_unref);
  g_clear_pointer (&undo->checklist, g_hash_table_unref);
  g_free (undo);
}

/* The event out, the plan with its attempts and ticks back, in one transaction. Everything is
 * read again after it (no apply function). */
static gboolean
revert_held (ClStore  *store,
             gpointer  data,
             GError  **error)
{
  HeldUndo *undo = data;

  return cl_store_unrecord_meeting_held (store, undo->student_id, undo->position, undo->meeting,
                                         undo->attempts, undo->checklist, error);
}

gboolean
cl_session_record_meeting_held (ClSession      *self,
                                const char     *student_id,
                                const char     *meeting_id,
                                const ClEvent  *event,
                                GError        **error)
{
  g_autofree char *id = g_strdup (student_id);
  g_autofree char *meeting = g_strdup (meeting_id);
  const ClMeeting *planned;
  ClStudent *student;
  HeldUndo *undo;
  ClEvent held;
  gboolean ok;

  g_return_val_if_fail (CL_IS_SESSION (self), FALSE);

  if ((student = _cl_session_editable_student (self, id, error)) == NULL)
    return FALSE;
  if ((planned = cl_session_find_meeting (student, meeting)) == NULL)
    return g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, _("That meeting is no longer planned for %s"), id), FALSE;
  undo = g_new0 (HeldUndo, 1);
  undo->student_id = g_strdup (id);
  undo->owner = cl_student_new ("undo");
  undo->meeting = cl_meeting_copy (planned, undo->owner);
  undo->attempts = cl_store_list_attendance_attempts (self->store, id, meeting, NULL);
  undo->checklist = cl_store_list_checklist (self->store, id, meeting, NULL);
  /* The held meeting keeps the plan's id, time and place: a calendar updates its event for the
   * plan instead of losing it (or adding a second one). */
  cl_event_copy (event, &held);
  cl_event_set_held_from (&held, planned);
  ok = cl_store_record_meeting_held (self->store, id, meeting, &held, &undo->position, error);
  cl_event_clear (&held);
  if (!ok)
    {
      held_undo_free (undo);
      return FALSE;
    }
  return cl_session_saved (self, cl_undo_new (revert_held, NULL, undo, held_undo_free, id), error);
}

/* A meeting's checklist and attempts are read from the database, which a read-only bundle lacks
 * and a load in progress holds. */
static gboolean
readable (ClSession  *self,
          GError    **error)
{
  if (self->store != NULL && !self->loading)
    return TRUE;
  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, _("This caseload has no database to read from"));
  return FALSE;
}

gboolean
cl_session_update_meeting (ClSession        *self,
                           const char       *student_id,
                           const ClMeeting  *meeting,
                           GError          **error)
{
  g_autofree char *id = g_strdup (student_id);

  g_return_val_if_fail (CL_IS_SESSION (self), FALSE);

  if (_cl_session_editable_student (self, id, error) == NULL ||
      !cl_store_update_meeting (self->store, id, meeting, error))
    return FALSE;
  return cl_session_saved (self, NULL, error);
}

/* What an undo of Record the Notice as Sent writes back: the plan as it was (any other change
 * to it since would have replaced this undo). */
typedef struct {
  char       *student_id;
  ClStudent  *owner;       /* owns the copy of the meeting */
  ClMeeting  *before;
} NoticeUndo;

static void
notice_undo_free (gpointer data)
{
  NoticeUndo *undo = data;

  g_free (undo->student_id);
  g_clear_pointer (&undo->owner, cl_student_free);
  g_free (undo);
}

static gboolean
revert_notice (ClStore  *store,
               gpointer  data,
               GError  **error)
{
  NoticeUndo *undo = data;

  return cl_store_update_meeting (store, undo->student_id, undo->before, error);
}

static ClStudent *
apply_notice_undo (ClCaseload *caseload,
                   gpointer    data)
{
  NoticeUndo *undo = data;
  ClStudent *student = cl_caseload_lookup_student (caseload, undo->student_id);
  ClMeeting *planned = (ClMeeting *) cl_session_find_meeting (student, undo->before->id);

  if (planned == NULL)
    return NULL;
  planned->notice_sent = undo->before->notice_sent;
  return student;
}

gboolean
cl_session_record_notice_sent (ClSession   *self,
                               const char  *student_id,
                               const char  *meeting_id,
                               ClDate       sent_on,
                               GError     **error)
{
  g_autofree char *id = g_strdup (student_id);
  g_autoptr(ClStudent) owner = NULL;
  ClMeeting *planned, *changed;
  ClStudent *student;
  NoticeUndo *undo;

  g_return_val_if_fail (CL_IS_SESSION (self), FALSE);
  g_return_val_if_fail (meeting_id != NULL && sent_on != CL_DATE_NONE, FALSE);

  if ((student = _cl_session_editable_student (self, id, error)) == NULL)
    return FALSE;
  if ((planned = (ClMeeting *) cl_session_find_meeting (student, meeting_id)) == NULL)
    return g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, _("That meeting is no longer planned for %s"), id), FALSE;
  owner = cl_student_new ("notice");
  changed = cl_meeting_copy (planned, owner);
  changed->notice_sent = sent_on;
  if (!cl_store_update_meeting (self->store, id, changed, error))
    return FALSE;
  undo = g_new0 (NoticeUndo, 1);
  undo->student_id = g_strdup (id);
  undo->owner = cl_student_new ("undo");
  undo->before = cl_meeting_copy (planned, undo->owner);
  /* The record as a reload would read it back: only this student is computed again. */
  planned->notice_sent = sent_on;
  return cl_session_saved_student (self, cl_undo_new (revert_notice, apply_notice_undo, undo, notice_undo_free, id),
                                   student, error);
}

gboolean
cl_session_cancel_meeting (ClSession   *self,
                           const char  *student_id,
                           const char  *meeting_id,
                           GError     **error)
{
  g_autofree char *id = g_strdup (student_id);
  g_autofree char *meeting = g_strdup (meeting_id);

  g_return_val_if_fail (CL_IS_SESSION (self), FALSE);

  if (_cl_session_editable_student (self, id, error) == NULL ||
      !cl_store_delete_meeting (self->store, id, meeting, error))
    return FALSE;
  return cl_session_saved (self, NULL, error);
}

gboolean
cl_session_set_meeting_item (ClSession   *self,
                             const char  *student_id,
                             const char  *meeting_id,
                             const char  *item,
                             gboolean     done,
                             GError     **error)
{
  g_return_val_if_fail (CL_IS_SESSION (self), FALSE);

  return _cl_session_editable_student (self, student_id, error) != NULL &&
         cl_store_set_checklist_item (self->store, student_id, meeting_id, item, done, error);
}

GHashTable *
cl_session_list_meeting_items (ClSession   *self,
                               const char  *student_id,
                               const char  *meeting_id,
                               GError     **error)
{
  g_return_val_if_fail (CL_IS_SESSION (self), NULL);

  if (!readable (self, error))
    return NULL;
  return cl_store_list_checklist (self->store, student_id, meeting_id, error);
}

gboolean
cl_session_add_attendance_attempt (ClSession       *self,
                                   const char      *student_id,
                                   const char      *meeting_id,
                                   ClDate           date,
                                   ClContactMethod  method,
                                   const char      *outcome,
                                   GError         **error)
{
  g_return_val_if_fail (CL_IS_SESSION (self), FALSE);

  return _cl_session_editable_student (self, student_id, error) != NULL &&
         cl_store_add_attendance_attempt (self->store, student_id, meeting_id, date, method, outcome, NULL, error);
}

gboolean
cl_session_delete_attendance_attempt (ClSession  *self,
                                      gint64      attempt_id,
                                      GError    **error)
{
  g_return_val_if_fail (CL_IS_SESSION (self), FALSE);

  return _cl_session_check_editable (self, error) &&
         cl_store_delete_attendance_attempt (self->store, attempt_id, error);
}

GPtrArray *
cl_session_list_attendance_attempts (ClSession   *self,
                                     const char  *student_id,
                                     const char  *meeting_id,
                                     GError     **error)
{
  g_return_val_if_fail (CL_IS_SESSION (self), NULL);

  if (!readable (self, error))
    return NULL;
  return cl_store_list_attendance_attempts (self->store, student_id, meeting_id, error);
}
