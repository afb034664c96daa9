/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-store-stream.c — the case database one student at a time
 *
 * A district's database holds 100,000 students and millions of rows; `alerts` and `export` need
 * each student only long enough to compute or write them. One statement per table stays open in
 * one read transaction, all in the same student order, and the stream walks them side by side
 * (a merge): each table is read once, in key order, and only a batch of students is in memory.
 */
#define G_LOG_DOMAIN "cl-store-stream"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "cl-bundle-writer.h"
#include "cl-store-private.h"

typedef enum {
  CURSOR_GUARDIANS,
  CURSOR_EVENTS,
  CURSOR_MEETINGS,
  CURSOR_INVITEES,
  CURSOR_ATTEMPTS,
  CURSOR_CHECKLIST,
  N_CURSORS
} CursorKind;

typedef struct {
  sqlite3_stmt *stmt;
  int           rc;     /* of the last step: SQLITE_ROW while its row waits to be taken */
} Cursor;

struct _ClStoreStream
{
  ClStore            *store;
  ClStoreStreamOrder  order;
  ClCaseload         *header;
  sqlite3_stmt       *students;
  Cursor              cursors[N_CURSORS];
  guint               n_students;
  guint               events_hint;
  gboolean            in_transaction;

  /* The students are read in batches, each given one at a time: reading many students and then
   * computing many keeps each one's code in the processor's cache, where taking turns student by
   * student had the two evict each other. */
  GPtrArray          *batch;    /* of ClStudent *: the ones given are those before @next */
  guint               next;
  gboolean            exhausted; /* read in step: the last batch has been read */
  gboolean            ended;     /* the last student was given */
  GError             *reader_error;

  /* CL_STORE_STREAM_READ_AHEAD: a thread of the stream's reads the batches (and alone uses the
   * connection) while the caller works on the one it was given. */
  gboolean            read_ahead;
  GThread            *reader;
  GAsyncQueue        *ready;    /* reader -> caller: batches, then END */
  GAsyncQueue        *spent;    /* caller -> reader: batches done with, to free and fill again */
  int                 stop;     /* atomic: the caller is freeing the stream */
};

/* Students per batch, and batches in flight when read ahead: memory stays bounded by a few dozen
 * students whatever the database's size. */
#define BATCH_STUDENTS 16
#define N_BATCHES      4

/* The end of the ready queue (which cannot carry NULL). */
static char end_marker;
#define END ((gpointer) &end_marker)

/* Each table's rows in the student order of the stream; the first column is the student's id.
 * By id, the tables' own primary keys give the order. By position, each table is joined to the
 * students in the order of students_by_position (schema v4), then comes in its own key order:
 * SQLite walks that index (CROSS JOIN keeps the students outside) and looks each student's rows
 * up, with no sort. The rowid, which the index holds, tells SQLite each entry is one student (to
 * SQLite a TEXT PRIMARY KEY may be NULL, so (position, id) alone does not). */
#define BY_POSITION(columns, table) \
  "SELECT " columns " FROM (SELECT id AS s_id, position AS s_position, rowid AS s_row FROM students)" \
  " CROSS JOIN " table " ON student_id = s_id ORDER BY s_position, s_id, s_row, "
static const char * const sql_by_id[N_CURSORS] = {
  "SELECT " CL_STORE_GUARDIAN_COLUMNS " FROM guardians ORDER BY student_id, position",
  "SELECT " CL_STORE_EVENT_COLUMNS " FROM events ORDER BY student_id, position",
  "SELECT " CL_STORE_MEETING_COLUMNS " FROM meetings ORDER BY student_id, position",
  "SELECT " CL_STORE_INVITEE_COLUMNS " FROM invitees ORDER BY student_id, meeting_id, position",
  "SELECT " CL_STORE_ATTEMPT_COLUMNS " FROM attendance_attempts ORDER BY student_id, meeting_id, date, id",
  "SELECT " CL_STORE_CHECKLIST_COLUMNS " FROM checklist_state ORDER BY student_id, meeting_id, item",
};
static const char * const sql_by_position[N_CURSORS] = {
  BY_POSITION (CL_STORE_GUARDIAN_COLUMNS, "guardians") "position",
  BY_POSITION (CL_STORE_EVENT_COLUMNS, "events") "position",
  BY_POSITION (CL_STORE_MEETING_COLUMNS, "meetings") "position",
  BY_POSITION (CL_STORE_INVITEE_COLUMNS, "invitees") "meeting_id, position",
  /* The facilitator's log and checklist are a few rows per planned meeting: sorting them whole
   * costs nothing. */
  BY_POSITION (CL_STORE_ATTEMPT_COLUMNS, "attendance_attempts") "meeting_id, date, id",
  BY_POSITION (CL_STORE_CHECKLIST_COLUMNS, "checklist_state") "meeting_id, item",
};

static gboolean
prepare (ClStoreStream  *self,
         const char     *sql,
         sqlite3_stmt  **out,
         GError        **error)
{
  int rc = sqlite3_prepare_v3 (self->store->db, sql, -1, SQLITE_PREPARE_PERSISTENT, out, NULL);

  if (rc != SQLITE_OK)
    return _cl_store_fail (self->store, rc, N_("preparing a query"), error);
  return TRUE;
}

static gboolean
count_students (ClStoreStream  *self,
                GError        **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  if (!prepare (self, "SELECT count(*) FROM students", &stmt, error))
    return FALSE;
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    self->n_students = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  return rc == SQLITE_ROW || _cl_store_fail (self->store, rc, N_("reading the database"), error);
}

ClStoreStream *
cl_store_stream_new (ClStore             *store,
                     ClStoreStreamOrder   order,
                     ClStoreStreamFlags   flags,
                     GError             **error)
{
  g_autoptr(ClStoreStream) self = NULL;
  const char * const *sql = order == CL_STORE_STREAM_BY_ID ? sql_by_id : sql_by_position;
  guint n_cursors = (flags & CL_STORE_STREAM_APP_DATA) ? N_CURSORS : CURSOR_ATTEMPTS;

  g_return_val_if_fail (CL_IS_STORE (store), NULL);

  self = g_new0 (ClStoreStream, 1);
  self->store = g_object_ref (store);
  self->order = order;
  self->header = cl_caseload_new ();
  self->batch = g_ptr_array_new_with_free_func ((GDestroyNotify) cl_student_free);
  /* On one core a second thread only adds its hand-overs; and a SQLite built without threads
   * cannot have its connection used from another one. */
  self->read_ahead = (flags & CL_STORE_STREAM_READ_AHEAD) && g_get_num_processors () > 1 &&
                     sqlite3_threadsafe () != 0;
  for (guint i = 0; i < N_CURSORS; i++)
    self->cursors[i].rc = SQLITE_DONE;

  /* One read transaction: every table as of the same moment, even if another process writes. */
  if (!_cl_store_exec (store, "BEGIN", error))
    return NULL;
  self->in_transaction = TRUE;
  if (!_cl_store_load_header (store, self->header, error) || !count_students (self, error) ||
      !prepare (self, order == CL_STORE_STREAM_BY_ID
                        ? "SELECT " CL_STORE_STUDENT_COLUMNS " FROM students ORDER BY id"
                        : "SELECT " CL_STORE_STUDENT_COLUMNS " FROM students ORDER BY position, id, rowid",
                &self->students, error))
    return NULL;
  for (guint i = 0; i < n_cursors; i++)
    {
      Cursor *c = &self->cursors[i];

      if (!prepare (self, sql[i], &c->stmt, error))
        return NULL;
      c->rc = sqlite3_step (c->stmt);
      if (c->rc != SQLITE_ROW && c->rc != SQLITE_DONE)
        return _cl_store_fail (store, c->rc, N_("reading the database"), error), NULL;
    }
  return g_steal_pointer (&self);
}

/* Stops the reader wherever it is and frees what it read ahead. */
static void
stop_reader (ClStoreStream *self)
{
  gpointer item;

  if (self->reader != NULL)
    {
      g_atomic_int_set (&self->stop, 1);
      /* Wakes it if it waits for a batch to fill. */
      g_async_queue_push (self->spent, g_ptr_array_new_with_free_func ((GDestroyNotify) cl_student_free));
      while ((item = g_async_queue_pop (self->ready)) != END)
        g_ptr_array_unref (item);
      g_thread_join (g_steal_pointer (&self->reader));
    }
  while (self->spent != NULL && (item = g_async_queue_try_pop (self->spent)) != NULL)
    g_ptr_array_unref (item);
  g_clear_pointer (&self->batch, g_ptr_array_unref);
}

void
cl_store_stream_free (ClStoreStream *self)
{
  if (self == NULL)
    return;
  stop_reader (self);
  g_clear_pointer (&self->ready, g_async_queue_unref);
  g_clear_pointer (&self->spent, g_async_queue_unref);
  g_clear_error (&self->reader_error);
  g_clear_pointer (&self->students, sqlite3_finalize);
  for (guint i = 0; i < N_CURSORS; i++)
    g_clear_pointer (&self->cursors[i].stmt, sqlite3_finalize);
  if (self->in_transaction)
    sqlite3_exec (self->store->db, "COMMIT", NULL, NULL, NULL);
  g_clear_object (&self->header);
  g_clear_object (&self->store);
  g_free (self);
}

ClCaseload *
cl_store_stream_get_caseload (ClStoreStream *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->header;
}

guint
cl_store_stream_get_n_students (ClStoreStream *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->n_students;
}

GPtrArray *
cl_store_stream_list_firsts (ClStoreStream  *self,
                             GError        **error)
{
  static const char sql[] =
    "SELECT MIN (id), school_id, jurisdiction FROM students GROUP BY school_id, jurisdiction ORDER BY 1";
  g_autoptr(GPtrArray) firsts = g_ptr_array_new_with_free_func ((GDestroyNotify) cl_student_free);
  sqlite3_stmt *stmt = NULL;
  int rc;

  g_return_val_if_fail (self != NULL, NULL);
  /* (The connection is the reader's once students are read ahead.) */
  g_return_val_if_fail (self->reader == NULL, NULL);

  if (!prepare (self, sql, &stmt, error))
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      ClStudent *s = cl_student_new ((const char *) sqlite3_column_text (stmt, 0));

      s->school = cl_caseload_lookup_school (self->header, (const char *) sqlite3_column_text (stmt, 1));
      s->jurisdiction = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
      g_ptr_array_add (firsts, s);
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      _cl_store_fail (self->store, rc, N_("reading the database"), error);
      return NULL;
    }
  return g_steal_pointer (&firsts);
}

/* Whether the cursor's row is one of @student_id's. Rows of students before it are rows of no
 * student (in id order, where the tables are not joined): they are passed over, as the loader
 * passes them over. */
static gboolean
cursor_at (ClStoreStream *self,
           Cursor        *c,
           const char    *student_id)
{
  while (c->rc == SQLITE_ROW)
    {
      int cmp = strcmp ((const char *) sqlite3_column_text (c->stmt, 0), student_id);

      if (cmp == 0)
        return TRUE;
      /* By position the order is not the ids': a row of another student is a later one's. */
      if (cmp > 0 || self->order == CL_STORE_STREAM_BY_POSITION)
        return FALSE;
      c->rc = sqlite3_step (c->stmt);
    }
  return FALSE;
}

static gboolean
advance (ClStoreStream  *self,
         Cursor         *c,
         GError        **error)
{
  c->rc = sqlite3_step (c->stmt);
  if (c->rc != SQLITE_ROW && c->rc != SQLITE_DONE)
    return _cl_store_fail (self->store, c->rc, N_("reading the database"), error);
  return TRUE;
}

/* The rows of @s in every table, taken from the cursors. */
static gboolean
fill_student (ClStoreStream  *self,
              ClStudent      *s,
              GError        **error)
{
  Cursor *c;

  for (c = &self->cursors[CURSOR_GUARDIANS]; cursor_at (self, c, s->id); )
    {
      _cl_store_add_guardian_row (s, c->stmt);
      if (!advance (self, c, error))
        return FALSE;
    }
  /* About as many as the student before had: most have a few dozen. */
  cl_student_reserve_events (s, self->events_hint);
  for (c = &self->cursors[CURSOR_EVENTS]; cursor_at (self, c, s->id); )
    {
      _cl_store_add_event_row (s, c->stmt);
      if (!advance (self, c, error))
        return FALSE;
    }
  self->events_hint = s->events->len;
  cl_student_sort_events (s);
  for (c = &self->cursors[CURSOR_MEETINGS]; cursor_at (self, c, s->id); )
    {
      _cl_store_add_meeting_row (s, c->stmt);
      if (!advance (self, c, error))
        return FALSE;
    }
  /* Invitees, attempts and checklist items belong to a meeting of the student (column 1). */
  for (CursorKind k = CURSOR_INVITEES; k < N_CURSORS; k++)
    for (c = &self->cursors[k]; cursor_at (self, c, s->id); )
      {
        ClMeeting *m = _cl_store_find_meeting (s, (const char *) sqlite3_column_text (c->stmt, 1));

        if (m != NULL && k == CURSOR_INVITEES)
          _cl_store_add_invitee_row (m, c->stmt);
        else if (m != NULL && k == CURSOR_ATTEMPTS)
          _cl_store_add_attempt_row (m, c->stmt);
        else if (m != NULL)
          _cl_store_add_checklist_row (m, c->stmt);
        if (!advance (self, c, error))
          return FALSE;
      }
  return TRUE;
}

/* The next student read from the database into *@out (NULL at the end), which the caller then
 * owns. */
static gboolean
read_student (ClStoreStream  *self,
              ClStudent     **out,
              GError        **error)
{
  g_autoptr(ClStudent) s = NULL;
  int rc;

  *out = NULL;
  rc = sqlite3_step (self->students);
  if (rc == SQLITE_DONE)
    return TRUE;
  if (rc != SQLITE_ROW)
    return _cl_store_fail (self->store, rc, N_("reading the database"), error);
  s = _cl_store_student_from_row (self->students, self->header);
  if (!fill_student (self, s, error))
    return FALSE;
  *out = g_steal_pointer (&s);
  return TRUE;
}

/* Up to BATCH_STUDENTS students read into @batch (emptied first); FALSE once there are no more:
 * the end, or a failure, kept for the caller, who meets it after every student read before it. */
static gboolean
fill_batch (ClStoreStream *self,
            GPtrArray     *batch)
{
  g_ptr_array_set_size (batch, 0);
  while (batch->len < BATCH_STUDENTS)
    {
      ClStudent *s = NULL;

      if (!read_student (self, &s, &self->reader_error) || s == NULL)
        return FALSE;
      g_ptr_array_add (batch, s);
    }
  return TRUE;
}

/* The reader thread: each batch the caller gives back (at first N_BATCHES empty ones) filled
 * again, until there are no more students or the caller stops it. */
static gpointer
reader_main (gpointer data)
{
  ClStoreStream *self = data;
  gboolean more = TRUE;

  while (more)
    {
      GPtrArray *batch = g_async_queue_pop (self->spent);

      more = !g_atomic_int_get (&self->stop) && fill_batch (self, batch) &&
             !g_atomic_int_get (&self->stop);
      if (batch->len > 0)
        g_async_queue_push (self->ready, batch);
      else
        g_ptr_array_unref (batch);
    }
  g_async_queue_push (self->ready, END);
  return NULL;
}

/* The next batch in self->batch; FALSE when there are no more. */
static gboolean
take_batch (ClStoreStream *self)
{
  gpointer item;

  if (!self->read_ahead)
    {
      if (self->exhausted)
        return FALSE;
      self->exhausted = !fill_batch (self, self->batch);
      return self->batch->len > 0;
    }

  if (self->reader == NULL)
    {
      self->ready = g_async_queue_new ();
      self->spent = g_async_queue_new ();
      for (guint i = 1; i < N_BATCHES; i++)
        g_async_queue_push (self->spent, g_ptr_array_new_with_free_func ((GDestroyNotify) cl_student_free));
      self->reader = g_thread_new ("cl-store-stream", reader_main, self);
    }
  /* Every student of the batch has been given: back to the reader, to free and fill. */
  g_async_queue_push (self->spent, g_steal_pointer (&self->batch));
  item = g_async_queue_pop (self->ready);
  if (item == END)
    {
      /* The reader has finished: the connection is the caller's again. */
      g_thread_join (g_steal_pointer (&self->reader));
      return FALSE;
    }
  self->batch = item;
  return TRUE;
}

gboolean
cl_store_stream_next (ClStoreStream  *self,
                      ClStudent     **out_student,
                      GError        **error)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (out_student != NULL, FALSE);

  *out_student = NULL;
  /* (Stepped again, a finished statement would start over.) */
  if (self->ended)
    return TRUE;
  if (self->batch == NULL || self->next == self->batch->len)
    {
      if (!take_batch (self))
        {
          self->ended = TRUE;
          if (self->reader_error != NULL)
            {
              g_propagate_error (error, g_steal_pointer (&self->reader_error));
              return FALSE;
            }
          return TRUE;
        }
      self->next = 0;
    }
  *out_student = g_ptr_array_index (self->batch, self->next++);
  return TRUE;
}

/* Written out in pieces of about this size: few writes, and little held. */
#define FLUSH_BYTES (256 * 1024)

static gboolean
flush (GOutputStream  *out,
       GString        *text,
       GCancellable   *cancellable,
       GError        **error)
{
  gboolean ok = g_output_stream_write_all (out, text->str, text->len, NULL, cancellable, error);

  g_string_truncate (text, 0);
  return ok;
}

gboolean
cl_store_export_to_stream (ClStore          *self,
                           GOutputStream    *out,
                           ClStoreProgress   progress,
                           gpointer          user_data,
                           GCancellable     *cancellable,
                           GError          **error)
{
  g_autoptr(ClStoreStream) stream = NULL;
  g_autoptr(GString) text = g_string_sized_new (FLUSH_BYTES + 64 * 1024);
  ClCaseload *header;
  ClStudent *student;
  ClJsonWriter w;
  guint done = 0, total, reported = 0;

  g_return_val_if_fail (CL_IS_STORE (self), FALSE);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (out), FALSE);

  /* The text of one student written while the next ones are read. */
  stream = cl_store_stream_new (self, CL_STORE_STREAM_BY_POSITION,
                                CL_STORE_STREAM_APP_DATA | CL_STORE_STREAM_READ_AHEAD, error);
  if (stream == NULL)
    return FALSE;
  header = cl_store_stream_get_caseload (stream);
  total = MAX (cl_store_stream_get_n_students (stream), 1);
  cl_bundle_write_begin (&w, text, header);
  for (;;)
    {
      if (!cl_store_stream_next (stream, &student, error))
        return FALSE;
      if (student == NULL)
        break;
      cl_bundle_write_student (&w, student);
      if (text->len >= FLUSH_BYTES && !flush (out, text, cancellable, error))
        return FALSE;
      /* A percent at a time: a caller's progress bar, not 100,000 calls. */
      if (progress != NULL && ++done * 100 / total > reported)
        progress ((double) (reported = done * 100 / total) / 100, user_data);
    }
  cl_bundle_write_end (&w, header);
  if (!flush (out, text, cancellable, error))
    return FALSE;
  if (progress != NULL)
    progress (1.0, user_data);
  return TRUE;
}
