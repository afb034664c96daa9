/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-store-second-read.c — a large district's later rows, read on a second connection
 *
 * Reading 100,000 students is most of the time before the window lists them, and one connection
 * keeps one core busy. The second one starts with the load, before any student is read: it takes
 * the later part of the events table (by rowid) and keeps each run of one student's rows under
 * that student's id. Once the first connection has read the students, the runs are matched to
 * them, and the guardians and the meetings are read onto them here too; the first connection
 * meanwhile reads the earlier events. The two see the same rows because the first holds the write
 * lock throughout (cl-store-load.c, begin_read()). */
#define G_LOG_DOMAIN "cl-store-load"

#include "cl-store-second-read.h"

typedef enum {
  STUDENTS_PENDING,
  STUDENTS_READ,
  STUDENTS_NOT_READ, /* the first connection failed or was stopped */
} StudentsState;

/* Consecutive rows of one student (most students' rows are all in one run: the array becomes
 * theirs as it is). */
typedef struct {
  char      *student_id;
  ClStudent *student;    /* once the students are read; NULL for an id the caseload lacks */
  GArray    *events;
} EventRun;

struct _ClStoreSecondRead
{
  char          *path;
  ClCaseload    *caseload;  /* its students are looked up, not changed, once read */
  sqlite3_int64  after;     /* rowids past this one */
  GCancellable  *cancellable;
  GThread       *thread;

  GMutex         lock;      /* guards students */
  GCond          students_changed;
  StudentsState  students;

  GArray        *runs;      /* of EventRun */
  int            rc;
  char          *message;
};

static void
event_run_clear (gpointer data)
{
  EventRun *run = data;

  g_free (run->student_id);
  g_clear_pointer (&run->events, g_array_unref);
}

static int
read_later_events (ClStoreSecondRead *self,
                   sqlite3           *db)
{
  static const char sql[] = "SELECT " CL_STORE_EVENT_COLUMNS " FROM events WHERE rowid > ?";
  sqlite3_stmt *stmt = NULL;
  EventRun *run = NULL;
  int rc;

  if ((rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL)) != SQLITE_OK)
    return rc;
  sqlite3_bind_int64 (stmt, 1, self->after);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *id = (const char *) sqlite3_column_text (stmt, 0);
      ClEvent e;

      if (id == NULL)
        continue;
      if (run == NULL || strcmp (run->student_id, id) != 0)
        {
          g_array_append_vals (self->runs, &(EventRun) { g_strdup (id), NULL, cl_event_array_new () }, 1);
          run = &g_array_index (self->runs, EventRun, self->runs->len - 1);
        }
      if (_cl_store_event_from_row (&e, stmt))
        g_array_append_val (run->events, e);
    }
  sqlite3_finalize (stmt);
  return rc;
}

/* TRUE once the first connection has read the students; FALSE when it will not. */
static gboolean
wait_for_students (ClStoreSecondRead *self)
{
  StudentsState students;

  g_mutex_lock (&self->lock);
  while (self->students == STUDENTS_PENDING)
    g_cond_wait (&self->students_changed, &self->lock);
  students = self->students;
  g_mutex_unlock (&self->lock);
  return students == STUDENTS_READ;
}

static gpointer
second_read_thread (gpointer data)
{
  ClStoreSecondRead *self = data;
  sqlite3 *db = NULL;

  self->rc = sqlite3_open_v2 (self->path, &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOFOLLOW | SQLITE_OPEN_NOMUTEX, NULL);
  if (self->rc == SQLITE_OK)
    {
      sqlite3_busy_timeout (db, CL_STORE_BUSY_TIMEOUT_MS);
      if (self->cancellable != NULL)
        sqlite3_progress_handler (db, 10000, _cl_store_cancelled_yet, self->cancellable);
      /* One snapshot for all its reads, the first connection's too: that one holds the write
       * lock meanwhile. */
      self->rc = sqlite3_exec (db, "BEGIN", NULL, NULL, NULL);
    }
  if (self->rc == SQLITE_OK)
    self->rc = read_later_events (self, db);
  if (self->rc == SQLITE_DONE)
    {
      if (wait_for_students (self))
        {
          for (guint i = 0; i < self->runs->len; i++)
            {
              EventRun *run = &g_array_index (self->runs, EventRun, i);

              run->student = cl_caseload_lookup_student (self->caseload, run->student_id);
            }
          self->rc = _cl_store_read_guardians (db, self->caseload);
        }
      else
        self->rc = SQLITE_ABORT;
    }
  if (self->rc == SQLITE_DONE)
    self->rc = _cl_store_read_meetings (db, self->caseload);
  if (self->rc == SQLITE_DONE)
    self->rc = SQLITE_OK;
  if (self->rc != SQLITE_OK)
    self->message = g_strdup (db != NULL ? sqlite3_errmsg (db) : sqlite3_errstr (self->rc));
  /* Only read: nothing to keep. */
  if (db != NULL)
    sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL);
  sqlite3_close (db);
  return NULL;
}

ClStoreSecondRead *
_cl_store_second_read_start (const char    *path,
                             ClCaseload    *caseload,
                             sqlite3_int64  after,
                             GCancellable  *cancellable)
{
  ClStoreSecondRead *self = g_new0 (ClStoreSecondRead, 1);

  self->path = g_strdup (path);
  self->caseload = caseload;
  self->after = after;
  self->cancellable = cancellable != NULL ? g_object_ref (cancellable) : NULL;
  g_mutex_init (&self->lock);
  g_cond_init (&self->students_changed);
  self->runs = g_array_new (FALSE, FALSE, sizeof (EventRun));
  g_array_set_clear_func (self->runs, event_run_clear);
  self->thread = g_thread_new ("caseload-read", second_read_thread, self);
  return self;
}

void
_cl_store_second_read_students_read (ClStoreSecondRead *self,
                                     gboolean           read)
{
  g_mutex_lock (&self->lock);
  if (self->students == STUDENTS_PENDING)
    self->students = read ? STUDENTS_READ : STUDENTS_NOT_READ;
  g_cond_signal (&self->students_changed);
  g_mutex_unlock (&self->lock);
}

gboolean
_cl_store_second_read_finish (ClStoreSecondRead  *self,
                              gboolean            keep,
                              int                *rc,
                              char              **message)
{
  gboolean ok;

  /* Whatever the first connection did, the second is not left waiting for it. */
  _cl_store_second_read_students_read (self, FALSE);
  g_thread_join (g_steal_pointer (&self->thread));
  ok = self->rc == SQLITE_OK;
  for (guint i = 0; keep && ok && i < self->runs->len; i++)
    {
      EventRun *run = &g_array_index (self->runs, EventRun, i);

      if (run->student != NULL)
        cl_student_take_events (run->student, g_steal_pointer (&run->events));
    }
  *rc = self->rc;
  *message = g_steal_pointer (&self->message);
  g_array_unref (self->runs);
  g_clear_object (&self->cancellable);
  g_mutex_clear (&self->lock);
  g_cond_clear (&self->students_changed);
  g_free (self->path);
  g_free (self);
  return ok;
}
