/* cl-session-events.c — a student's timeline changed: add, change, delete, and their undo
 *
 * Every change is saved at once (one transaction, audited, in the store) and made to the open
 * caseload's record as a reload would read it back, so only that student is computed again.
 */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cl-session"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "cl-session-private.h"

/* The event at @position replaced by @event, or removed when @event is NULL. */
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

static gboolean
revert_event_deleted (ClStore  *store,
                      gpointer  data,
                      GError  **error)
{
  EventUndo *undo = data;
  return cl_store_add_event (store, undo->student_id, &undo->before, &undo->position, error);
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

const ClEvent *
cl_session_event_at (ClStudent *student,
                     guint      order)
{
  for (guint i = 0; student && i < student->events->len; i++)
    if (g_array_index (student->events, ClEvent, i).order == order)
      return &g_array_index (student->events, ClEvent, i);
  return NULL;
}

gboolean
cl_session_save_event (ClSession      *self,
                       const char     *student_id,
                       gboolean        editing,
                       guint           position,
                       const ClEvent  *event,
                       GError        **error)
{
  g_autofree char *id = g_strdup (student_id);
  ClStudent *student;
  EventUndo *undo;

  g_return_val_if_fail (CL_IS_SESSION (self), FALSE);

  if ((student = _cl_session_editable_student (self, id, error)) == NULL)
    return FALSE;
  if (editing)
    {
      const ClEvent *before = cl_session_event_at (student, position);

      if (before == NULL)
        return g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, _("That event is no longer in %s’s timeline"), id), FALSE;
      /* Copied before the write: the record it points into is changed next. */
      undo = event_undo_new (id, position, before);
      if (!cl_store_update_event (self->store, id, position, event, error))
        {
          event_undo_free (undo);
          return FALSE;
        }
      apply_event (student, position, event);
      return cl_session_saved_student (self, cl_undo_new (revert_event_changed, apply_event_undo, undo, event_undo_free, id),
                                       student, error);
    }
  if (!cl_store_add_event (self->store, id, event, &position, error))
    return FALSE;
  apply_event (student, position, event);
  undo = event_undo_new (id, position, NULL);
  return cl_session_saved_student (self, cl_undo_new (revert_event_added, apply_event_undo, undo, event_undo_free, id),
                                   student, error);
}

gboolean
cl_session_delete_event (ClSession   *self,
                         const char  *student_id,
                         guint        position,
                         GError     **error)
{
  g_autofree char *id = g_strdup (student_id);
  ClStudent *student;
  const ClEvent *event;
  EventUndo *undo;

  g_return_val_if_fail (CL_IS_SESSION (self), FALSE);

  if ((student = _cl_session_editable_student (self, id, error)) == NULL)
    return FALSE;
  if ((event = cl_session_event_at (student, position)) == NULL)
    return g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, _("That event is no longer in %s’s timeline"), id), FALSE;
  undo = event_undo_new (id, position, event);
  if (!cl_store_delete_event (self->store, id, position, error))
    {
      event_undo_free (undo);
      return FALSE;
    }
  apply_event (student, position, NULL);
  return cl_session_saved_student (self, cl_undo_new (revert_event_deleted, apply_event_undo, undo, event_undo_free, id),
                                   student, error);
}
