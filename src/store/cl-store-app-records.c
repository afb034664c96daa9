/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-store-app-records.c — what the app keeps beside a student's file, held across a delete
 *
 * Deleting a student cascades to their meetings' attempts and checklists and to their notes, none
 * of which a ClStudent holds. To undo the delete without losing a facilitator's log, the app reads
 * them here first and hands them back with the student.
 */
#define G_LOG_DOMAIN "cl-store-app-records"

#include <glib/gi18n-lib.h>

#include "cl-store-private.h"

typedef struct {
  char       *meeting_id;
  GPtrArray  *attempts;    /* of ClAttendanceAttempt*, by date */
  GHashTable *checklist;   /* item -> done */
} MeetingRecords;

typedef struct {
  char *written_at;
  char *author;
  char *text;
} Note;

struct _ClAppRecords {
  char      *student_id;
  GPtrArray *meetings;     /* of MeetingRecords*, in the meetings' order */
  GPtrArray *notes;        /* of Note*, as written */
};

static void
meeting_records_free (gpointer data)
{
  MeetingRecords *m = data;

  g_free (m->meeting_id);
  g_clear_pointer (&m->attempts, g_ptr_array_unref);
  g_clear_pointer (&m->checklist, g_hash_table_unref);
  g_free (m);
}

static void
note_free (gpointer data)
{
  Note *note = data;

  g_free (note->written_at);
  g_free (note->author);
  g_free (note->text);
  g_free (note);
}

void
cl_app_records_free (ClAppRecords *records)
{
  if (records == NULL)
    return;
  g_free (records->student_id);
  g_ptr_array_unref (records->meetings);
  g_ptr_array_unref (records->notes);
  g_free (records);
}

static void
add_id (sqlite3_stmt *stmt,
        gpointer      ids)
{
  g_ptr_array_add (ids, _cl_store_col_dup (stmt, 0));
}

/* The ids of @student_id's planned meetings, in order. */
static GPtrArray *
meeting_ids (ClStore     *self,
             const char  *student_id,
             GError     **error)
{
  static const char sql[] = "SELECT id FROM meetings WHERE student_id = ? ORDER BY position";
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt = _cl_store_prepare (self, sql, error);

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, student_id, -1, SQLITE_TRANSIENT);
  if (!_cl_store_each_row (self, stmt, add_id, ids, N_("reading a student's meetings"), error))
    return NULL;
  return g_steal_pointer (&ids);
}

static void
add_note (sqlite3_stmt *stmt,
          gpointer      notes)
{
  Note *note = g_new0 (Note, 1);

  note->written_at = _cl_store_col_dup (stmt, 0);
  note->author = _cl_store_col_dup (stmt, 1);
  note->text = _cl_store_col_dup (stmt, 2);
  g_ptr_array_add (notes, note);
}

static gboolean
read_notes (ClStore      *self,
            ClAppRecords *records,
            GError      **error)
{
  static const char sql[] = "SELECT written_at, author, text FROM notes WHERE student_id = ? ORDER BY id";
  sqlite3_stmt *stmt = _cl_store_prepare (self, sql, error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, records->student_id, -1, SQLITE_TRANSIENT);
  return _cl_store_each_row (self, stmt, add_note, records->notes, N_("reading a student's notes"), error);
}

ClAppRecords *
cl_store_dup_app_records (ClStore     *self,
                          const char  *student_id,
                          GError     **error)
{
  g_autoptr(ClAppRecords) records = NULL;
  g_autoptr(GPtrArray) ids = NULL;

  g_return_val_if_fail (CL_IS_STORE (self), NULL);
  g_return_val_if_fail (student_id != NULL, NULL);

  records = g_new0 (ClAppRecords, 1);
  records->student_id = g_strdup (student_id);
  records->meetings = g_ptr_array_new_with_free_func (meeting_records_free);
  records->notes = g_ptr_array_new_with_free_func (note_free);
  if ((ids = meeting_ids (self, student_id, error)) == NULL)
    return NULL;
  for (guint i = 0; i < ids->len; i++)
    {
      MeetingRecords *m = g_new0 (MeetingRecords, 1);

      m->meeting_id = g_strdup (g_ptr_array_index (ids, i));
      g_ptr_array_add (records->meetings, m);
      m->attempts = cl_store_list_attendance_attempts (self, student_id, m->meeting_id, error);
      if (m->attempts == NULL)
        return NULL;
      m->checklist = cl_store_list_checklist (self, student_id, m->meeting_id, error);
      if (m->checklist == NULL)
        return NULL;
    }
  if (!read_notes (self, records, error))
    return NULL;
  return g_steal_pointer (&records);
}

static gboolean
write_note (ClStore     *self,
            const char  *student_id,
            const Note  *note,
            GError     **error)
{
  static const char sql[] = "INSERT INTO notes (student_id, written_at, author, text) VALUES (?, ?, ?, ?)";
  sqlite3_stmt *stmt = _cl_store_prepare (self, sql, error);
  char *values[] = { (char *) student_id, note->written_at, note->author, note->text };

  if (stmt == NULL)
    return FALSE;
  _cl_store_bind_texts (stmt, values, G_N_ELEMENTS (values));
  return _cl_store_step (self, stmt, N_("writing a note"), error);
}

gboolean
cl_store_restore_student (ClStore             *self,
                          const ClStudent     *student,
                          const ClAppRecords  *records,
                          GError             **error)
{
  ClStoreAction action;
  gboolean ok;

  g_return_val_if_fail (CL_IS_STORE (self), FALSE);
  g_return_val_if_fail (student != NULL, FALSE);
  g_return_val_if_fail (records == NULL || g_strcmp0 (records->student_id, student->id) == 0, FALSE);

  if (!_cl_store_begin (self, &action, error))
    return FALSE;
  ok = _cl_store_add_student_in (&action, student, error);
  /* A meeting the record no longer has takes its log with it, as the delete did. */
  for (guint i = 0; ok && records && i < records->meetings->len; i++)
    {
      const MeetingRecords *m = g_ptr_array_index (records->meetings, i);
      gboolean planned = FALSE;

      for (guint j = 0; !planned && j < student->meetings->len; j++)
        planned = g_str_equal (((ClMeeting *) g_ptr_array_index (student->meetings, j))->id, m->meeting_id);
      if (planned)
        ok = _cl_store_write_meeting_records (self, student->id, m->meeting_id, m->attempts, m->checklist, error);
    }
  for (guint i = 0; ok && records && i < records->notes->len; i++)
    ok = write_note (self, student->id, g_ptr_array_index (records->notes, i), error);
  return _cl_store_end (&action, ok, error);
}
