/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-store.c — the case database: create, refuse what is not one, round trips, audit, backups,
 * and a crash test that kills importing and editing processes at random moments. */
#include <glib/gstdio.h>
#include <signal.h>
#include <sqlite3.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "cl-bundle-reader.h"
#include "cl-bundle-writer.h"
#include "cl-store.h"
#include "cl-store-private.h"
#include "cl-synthetic-caseload.h"

static char *tmpdir;

static char *
tmp_path (const char *name)
{
  return g_build_filename (tmpdir, name, NULL);
}

static void
remove_db (const char *path)
{
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);

  g_unlink (path);
  g_unlink (wal);
  g_unlink (shm);
}

static char *
file_checksum (const char *path)
{
  g_autofree char *contents = NULL;
  gsize length = 0;

  if (!g_file_get_contents (path, &contents, &length, NULL))
    return g_strdup ("(missing)");
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents, length);
}

static ClCaseload *
read_demo (char **text)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "demo", "demo-caseload.json", NULL);
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  ClCaseload *c;

  g_assert_true (g_file_get_contents (path, &contents, NULL, &error));
  c = cl_bundle_read_data (contents, -1, &error);
  g_assert_no_error (error);
  if (text)
    *text = contents;
  else
    g_free (contents);
  return c;
}

static void
test_create_private (void)
{
  g_autofree char *path = tmp_path ("private.db");
  g_autoptr(GError) error = NULL;
  g_autoptr(ClStore) store = NULL;
  struct stat st;

  remove_db (path);
  g_assert_null (cl_store_open (path, FALSE, &error));
  g_assert_error (error, CL_STORE_ERROR, CL_STORE_ERROR_IO);
  g_clear_error (&error);

  store = cl_store_open (path, TRUE, &error);
  g_assert_no_error (error);
  g_assert_cmpint (cl_store_get_schema_version (store), ==, 4);
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  g_assert_null (cl_store_check (store, &error));
  g_assert_no_error (error);
}

/* The database's schema as text: every table, index and trigger with the SQL that made it. */
static char *
schema_text (const char *path)
{
  g_autoptr(GString) text = g_string_new (NULL);
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY name",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_string_append_printf (text, "%s %s %s %s\n", sqlite3_column_text (stmt, 0), sqlite3_column_text (stmt, 1),
                            sqlite3_column_text (stmt, 2), sqlite3_column_text (stmt, 3));
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
round_trip (ClCaseload *caseload,
            const char *name)
{
  g_autofree char *path = tmp_path (name);
  g_autoptr(GError) error = NULL;
  g_autoptr(ClStore) store = NULL;
  g_autoptr(ClCaseload) loaded = NULL;
  g_autoptr(ClCaseload) reread = NULL;
  g_autofree char *expected = cl_bundle_write (caseload);
  g_autofree char *exported = NULL;
  g_autofree char *schema_before = NULL;
  g_autofree char *schema_after = NULL;
  g_auto(GStrv) problems = NULL;

  remove_db (path);
  store = cl_store_open (path, TRUE, &error);
  g_assert_no_error (error);
  schema_before = schema_text (path);
  g_assert_true (cl_store_import (store, caseload, FALSE, NULL, NULL, &error));
  g_assert_no_error (error);
  /* A fresh import builds the indexes after the rows: the same indexes come back, consistent. */
  schema_after = schema_text (path);
  g_assert_cmpstr (schema_after, ==, schema_before);
  g_assert_nonnull (strstr (schema_after, "index events_by_uid events"));
  problems = cl_store_check (store, &error);
  g_assert_no_error (error);
  g_assert_null (problems);
  loaded = cl_store_load_caseload (store, &error);
  g_assert_no_error (error);
  exported = cl_bundle_write (loaded);
  /* What went in comes out, byte for byte, unknown members included. */
  g_assert_cmpstr (exported, ==, expected);
  reread = cl_bundle_read_data (exported, -1, &error);
  g_assert_no_error (error);
}

static void
test_round_trip_demo (void)
{
  g_autoptr(ClCaseload) demo = read_demo (NULL);
  round_trip (demo, "demo.db");
}

static void
test_round_trip_scenarios (void)
{
  g_autofree char *dir_path = g_test_build_filename (G_TEST_DIST, "scenarios", NULL);
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  const char *name;
  guint n = 0;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *file = g_build_filename (dir_path, name, NULL);
      g_autoptr(JsonParser) parser = json_parser_new ();
      g_autoptr(ClCaseload) c = NULL;
      g_autoptr(GError) error = NULL;

      if (!g_str_has_suffix (name, ".json"))
        continue;
      g_assert_true (json_parser_load_from_file (parser, file, &error));
      c = cl_bundle_read_node (json_object_get_member (json_node_get_object (json_parser_get_root (parser)), "bundle"), &error);
      g_assert_no_error (error);
      round_trip (c, "scenario.db");
      n++;
    }
  g_assert_cmpuint (n, >, 0);
}

static void
test_round_trip_synthetic (void)
{
  g_autoptr(ClCaseload) c = cl_synthetic_caseload_new (2000, 25, 7, cl_date_from_ymd (2026, 11, 24));
  round_trip (c, "synthetic.db");
}

/* A fresh import writes the students in the order of their ids, but each keeps its place in the
 * bundle: one given in another order (here: the odd ones reversed, then the even ones) comes out
 * in that order. */
static void
test_round_trip_not_in_id_order (void)
{
  g_autoptr(ClCaseload) c = cl_synthetic_caseload_new (300, 12, 11, cl_date_from_ymd (2026, 11, 24));
  GPtrArray *students = cl_caseload_get_students (c);
  g_autoptr(GPtrArray) order = g_ptr_array_new ();

  for (guint i = students->len; i > 0; i--)
    if ((i - 1) % 2 == 1)
      g_ptr_array_add (order, students->pdata[i - 1]);
  for (guint i = 0; i < students->len; i++)
    if (i % 2 == 0)
      g_ptr_array_add (order, students->pdata[i]);
  g_assert_cmpuint (order->len, ==, students->len);
  memcpy (students->pdata, order->pdata, order->len * sizeof (gpointer));
  g_assert_cmpstr (((ClStudent *) students->pdata[0])->id, >, ((ClStudent *) students->pdata[1])->id);
  round_trip (c, "unordered.db");
}

static void
test_update_is_audited (void)
{
  g_autofree char *path = tmp_path ("audit.db");
  g_autoptr(GError) error = NULL;
  g_autoptr(ClStore) store = NULL;
  g_autoptr(ClCaseload) first = read_demo (NULL);
  g_autoptr(ClCaseload) second = read_demo (NULL);
  g_autoptr(ClCaseload) loaded = NULL;
  g_autoptr(GPtrArray) trail = NULL;
  ClStudent *s = cl_caseload_get_students (second)->pdata[0];
  gboolean saw_grade = FALSE, saw_event = FALSE;
  guint before;

  remove_db (path);
  store = cl_store_open (path, TRUE, &error);
  g_assert_true (cl_store_import (store, first, FALSE, NULL, NULL, &error));
  g_assert_no_error (error);
  before = cl_caseload_get_students (first)->len;

  /* The same student comes again with a new grade and one more event. */
  g_free (s->grade);
  s->grade = g_strdup ("9");
  cl_student_add_event (s, CL_EVENT_RECORDS_REQUEST, cl_date_from_ymd (2026, 11, 20));
  cl_student_sort_events (s);
  g_assert_true (cl_store_import (store, second, FALSE, NULL, NULL, &error));
  g_assert_no_error (error);

  loaded = cl_store_load_caseload (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (cl_caseload_get_students (loaded)->len, ==, before);
  g_assert_cmpstr (cl_caseload_lookup_student (loaded, s->id)->grade, ==, "9");

  trail = cl_store_list_audit (store, s->id, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < trail->len; i++)
    {
      ClAuditEntry *e = g_ptr_array_index (trail, i);

      g_assert_nonnull (e->at);
      g_assert_cmpstr (e->os_user, ==, g_get_user_name ());
      if (g_str_equal (e->field, "grade"))
        {
          g_assert_cmpstr (e->new_value, ==, "9");
          g_assert_cmpstr (e->old_value, !=, "9");
          saw_grade = TRUE;
        }
      if (g_str_equal (e->field, "event") && g_strcmp0 (e->new_value, "records_request 2026-11-20") == 0)
        saw_event = TRUE;
    }
  g_assert_true (saw_grade);
  g_assert_true (saw_event);
}

static void
test_event_edits (void)
{
  g_autofree char *path = tmp_path ("edits.db");
  g_autoptr(GError) error = NULL;
  g_autoptr(ClStore) store = NULL;
  g_autoptr(ClCaseload) demo = read_demo (NULL);
  g_autoptr(GPtrArray) trail = NULL;
  ClStudent *s = cl_caseload_get_students (demo)->pdata[0];
  ClEvent event = { 0 };
  guint position = 0, before;

  remove_db (path);
  store = cl_store_open (path, TRUE, &error);
  g_assert_true (cl_store_import (store, demo, FALSE, NULL, NULL, &error));
  before = s->events->len;

  event.type = CL_EVENT_RECORDS_REQUEST;
  event.date = cl_date_from_ymd (2026, 11, 20);
  event.kind = -1;
  event.from = -1;
  g_assert_true (cl_store_add_event (store, s->id, &event, &position, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (position, ==, before);

  event.date = cl_date_from_ymd (2026, 11, 21);
  g_assert_true (cl_store_update_event (store, s->id, position, &event, &error));
  g_assert_no_error (error);

  trail = cl_store_list_audit (store, s->id, &error);
  g_assert_cmpuint (trail->len, >=, 2);
  {
    ClAuditEntry *last = g_ptr_array_index (trail, 0);   /* newest first */
    g_assert_cmpstr (last->old_value, ==, "records_request 2026-11-20");
    g_assert_cmpstr (last->new_value, ==, "records_request 2026-11-21");
  }

  g_assert_true (cl_store_delete_event (store, s->id, position, &error));
  g_assert_no_error (error);
  {
    g_autoptr(ClCaseload) loaded = cl_store_load_caseload (store, &error);
    g_assert_cmpuint (cl_caseload_lookup_student (loaded, s->id)->events->len, ==, before);
  }

  /* A change to what is not there changes nothing. */
  g_assert_false (cl_store_delete_event (store, s->id, position, &error));
  g_assert_error (error, CL_STORE_ERROR, CL_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (cl_store_add_event (store, "S-NOBODY", &event, NULL, &error));
  g_assert_error (error, CL_STORE_ERROR, CL_STORE_ERROR_INVALID);
}

static void
test_replace (void)
{
  g_autofree char *path = tmp_path ("replace.db");
  g_autoptr(GError) error = NULL;
  g_autoptr(ClStore) store = NULL;
  g_autoptr(ClCaseload) demo = read_demo (NULL);
  g_autoptr(ClCaseload) small = cl_synthetic_caseload_new (3, 6, 1, cl_date_from_ymd (2026, 11, 24));
  g_autoptr(ClCaseload) loaded = NULL;

  remove_db (path);
  store = cl_store_open (path, TRUE, &error);
  g_assert_true (cl_store_import (store, demo, FALSE, NULL, NULL, &error));
  g_assert_true (cl_store_import (store, small, TRUE, NULL, NULL, &error));
  g_assert_no_error (error);
  loaded = cl_store_load_caseload (store, &error);
  g_assert_cmpuint (cl_caseload_get_students (loaded)->len, ==, 3);
  g_assert_null (cl_caseload_lookup_student (loaded, cl_caseload_get_students (demo)->pdata[0] ?
                                              ((ClStudent *) cl_caseload_get_students (demo)->pdata[0])->id : ""));
}

static void
test_refuses (void)
{
  g_autofree char *junk = tmp_path ("junk.db");
  g_autofree char *other = tmp_path ("other.db");
  g_autofree char *future = tmp_path ("future.db");
  guchar random_bytes[4096];
  g_autoptr(GRand) rand = g_rand_new_with_seed (3);
  sqlite3 *db;
  const struct { const char *path; int code; } cases[] = {
    { junk, CL_STORE_ERROR_NOT_A_DATABASE },
    { other, CL_STORE_ERROR_NOT_CASELOAD },
    { future, CL_STORE_ERROR_NEWER_SCHEMA },
  };

  for (guint i = 0; i < sizeof random_bytes; i++)
    random_bytes[i] = (guchar) g_rand_int (rand);
  g_assert_true (g_file_set_contents (junk, (const char *) random_bytes, sizeof random_bytes, NULL));

  remove_db (other);
  g_assert_cmpint (sqlite3_open (other, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "CREATE TABLE songs (title TEXT)", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  remove_db (future);
  {
    g_autoptr(ClStore) store = cl_store_open (future, TRUE, NULL);
    g_assert_nonnull (store);
  }
  g_assert_cmpint (sqlite3_open (future, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA user_version = 99", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *before = file_checksum (cases[i].path);
      g_autofree char *after = NULL;
      g_autoptr(ClStore) store = cl_store_open (cases[i].path, TRUE, &error);

      g_assert_null (store);
      g_assert_error (error, CL_STORE_ERROR, cases[i].code);
      g_test_message ("%s", error->message);
      g_assert_nonnull (strstr (error->message, "Nothing was changed"));
      after = file_checksum (cases[i].path);
      g_assert_cmpstr (before, ==, after);
    }
}

/* A damaged file: refused by a checked open; opened without the check it is still found damaged by
 * cl_store_quick_check_file(), which the window runs after its first frame. */
static void
test_deferred_check (void)
{
  g_autofree char *path = tmp_path ("damaged.db");
  g_autoptr(GError) error = NULL;
  g_autoptr(ClCaseload) small = cl_synthetic_caseload_new (200, 8, 5, cl_date_from_ymd (2026, 11, 24));
  g_autoptr(GCancellable) cancelled = g_cancellable_new ();
  g_autofree char *contents = NULL;
  gsize length = 0;

  remove_db (path);
  {
    g_autoptr(ClStore) store = cl_store_open (path, TRUE, &error);
    g_assert_no_error (error);
    g_assert_true (cl_store_import (store, small, FALSE, NULL, NULL, &error));
    g_assert_no_error (error);
  }
  g_assert_true (cl_store_quick_check_file (path, NULL, &error));
  g_assert_no_error (error);
  g_cancellable_cancel (cancelled);
  g_assert_false (cl_store_quick_check_file (path, cancelled, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);

  /* Closing the last connection folded the WAL into the file: scribble over its second half,
   * past the first pages that say what the file is. */
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_cmpuint (length, >, 16 * 4096);
  for (gsize i = length / 2; i < length; i += 4096)
    memset (contents + i + 8, 0x5a, 64);
  g_assert_true (g_file_set_contents (path, contents, length, NULL));

  {
    g_autoptr(ClStore) checked = cl_store_open (path, FALSE, &error);
    g_assert_null (checked);
    g_assert_error (error, CL_STORE_ERROR, CL_STORE_ERROR_CORRUPT);
    g_clear_error (&error);
  }
  {
    g_autoptr(ClStore) unchecked = cl_store_open_with_flags (path, CL_STORE_OPEN_SKIP_CHECK, &error);
    g_assert_no_error (error);
    g_assert_nonnull (unchecked);
    g_assert_false (cl_store_quick_check_file (path, NULL, &error));
    g_assert_error (error, CL_STORE_ERROR, CL_STORE_ERROR_CORRUPT);
    g_test_message ("%s", error->message);
    g_clear_error (&error);
  }
}

static void
test_backup_restore (void)
{
  g_autofree char *path = tmp_path ("live.db");
  g_autofree char *copy = tmp_path ("live-backup.db");
  g_autofree char *kept = g_strconcat (path, ".before-restore", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(ClStore) store = NULL;
  g_autoptr(ClCaseload) demo = read_demo (NULL);
  g_autoptr(ClCaseload) small = cl_synthetic_caseload_new (2, 6, 1, cl_date_from_ymd (2026, 11, 24));
  struct stat st;

  remove_db (path);
  g_unlink (kept);
  store = cl_store_open (path, TRUE, &error);
  g_assert_true (cl_store_import (store, demo, FALSE, NULL, NULL, &error));
  g_assert_true (cl_store_backup (store, copy, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_stat (copy, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  /* Lose the demo, then restore it; not while the file is open elsewhere (the window's
   * connection would write on into the file set aside): refused, nothing moved. */
  g_assert_true (cl_store_import (store, small, TRUE, NULL, NULL, &error));
  g_assert_false (cl_store_restore (path, copy, &error));
  g_assert_error (error, CL_STORE_ERROR, CL_STORE_ERROR_IN_USE);
  g_clear_error (&error);
  g_assert_false (g_file_test (kept, G_FILE_TEST_EXISTS));
  {
    g_autoptr(ClCaseload) still = cl_store_load_caseload (store, &error);
    g_assert_cmpuint (cl_caseload_get_students (still)->len, ==, cl_caseload_get_students (small)->len);
  }
  g_clear_object (&store);
  g_assert_true (cl_store_restore (path, copy, &error));
  g_assert_no_error (error);
  /* What was set aside holds what was last committed. */
  {
    g_autoptr(ClStore) before = cl_store_open (kept, FALSE, &error);
    g_autoptr(ClCaseload) aside = cl_store_load_caseload (before, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (cl_caseload_get_students (aside)->len, ==, cl_caseload_get_students (small)->len);
  }
  store = cl_store_open (path, FALSE, &error);
  {
    g_autoptr(ClCaseload) loaded = cl_store_load_caseload (store, &error);
    g_assert_cmpuint (cl_caseload_get_students (loaded)->len, ==, cl_caseload_get_students (demo)->len);
  }
}

static guint
count_students (const char *path)
{
  sqlite3 *db;
  sqlite3_stmt *stmt;
  guint n = 0;
  const char *ok = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA integrity_check", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  ok = (const char *) sqlite3_column_text (stmt, 0);
  g_assert_cmpstr (ok, ==, "ok");
  sqlite3_finalize (stmt);
  if (sqlite3_prepare_v2 (db, "SELECT count(*) FROM students", -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    n = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return n;
}

/* A child imports (or edits in a loop); the parent kills it at a random moment and checks that
 * the database is sound and holds all of the import or none of it. */
static void
test_crash_safety (void)
{
  g_autofree char *path = tmp_path ("crash.db");
  g_autoptr(ClCaseload) big = cl_synthetic_caseload_new (1500, 20, 11, cl_date_from_ymd (2026, 11, 24));
  g_autoptr(GRand) rand = g_rand_new_with_seed (20261124);
  guint n = cl_caseload_get_students (big)->len;
  guint all = 0, none = 0;

  for (guint round = 0; round < 60; round++)
    {
      gboolean edit = round % 3 == 2;
      guint before;
      pid_t pid;
      int status;

      remove_db (path);
      {
        g_autoptr(ClStore) store = cl_store_open (path, TRUE, NULL);
        g_assert_nonnull (store);
        if (edit)
          g_assert_true (cl_store_import (store, big, FALSE, NULL, NULL, NULL));
      }
      before = count_students (path);

      pid = fork ();
      g_assert_cmpint (pid, >=, 0);
      if (pid == 0)
        {
          g_autoptr(ClStore) store = cl_store_open (path, FALSE, NULL);
          if (store == NULL)
            _exit (3);
          if (edit)
            for (;;)
              cl_store_import (store, big, FALSE, NULL, NULL, NULL);
          _exit (cl_store_import (store, big, FALSE, NULL, NULL, NULL) ? 0 : 4);
        }
      g_usleep (g_rand_int_range (rand, 1000, 250000));
      kill (pid, SIGKILL);
      g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);

      {
        guint after = count_students (path);
        if (edit)
          g_assert_cmpuint (after, ==, before);
        else
          {
            g_assert_true (after == 0 || after == n);
            if (after == n)
              all++;
            else
              none++;
          }
      }
    }
  g_test_message ("imports killed: %u left nothing, %u had finished", none, all);
}

static char *
load_as_bundle (ClStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ClCaseload) loaded = cl_store_load_caseload (store, &error);

  g_assert_no_error (error);
  g_assert_nonnull (loaded);
  return cl_bundle_write (loaded);
}

typedef struct {
  GCancellable *cancellable;
  guint         delay_us;
} CancelLater;

static gpointer
cancel_later (gpointer data)
{
  CancelLater *later = data;

  if (later->delay_us > 0)
    g_usleep (later->delay_us);
  g_cancellable_cancel (later->cancellable);
  return NULL;
}

/* A large district's events, guardians and meetings are read on two connections: what is read is
 * what one connection reads, also for students whose events lie in both halves of the table (added
 * after the import) or with rows deleted between, and when another connection holds the write
 * lock (the read is then on one connection). */
static void
test_split_read (void)
{
  g_autofree char *path = tmp_path ("split.db");
  g_autoptr(GError) error = NULL;
  g_autoptr(ClCaseload) small = cl_synthetic_caseload_new (300, 8, 5, cl_date_from_ymd (2026, 11, 24));
  g_autoptr(ClStore) store = NULL;
  g_autofree char *one = NULL;
  g_autofree char *two = NULL;
  g_autofree char *locked = NULL;
  GPtrArray *students = cl_caseload_get_students (small);
  sqlite3 *writer = NULL;
  guint n_stopped = 0;

  remove_db (path);
  store = cl_store_open (path, TRUE, &error);
  g_assert_no_error (error);
  g_assert_true (cl_store_import (store, small, FALSE, NULL, NULL, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < students->len; i += 7)
    {
      ClStudent *s = g_ptr_array_index (students, i);
      ClEvent event = { .type = CL_EVENT_REFERRAL, .date = cl_date_from_ymd (2026, 12, 1 + i % 20), .kind = -1, .from = -1 };
      guint position = 0;

      g_assert_true (cl_store_add_event (store, s->id, &event, &position, &error));
      g_assert_no_error (error);
      if (i % 3 == 0)
        {
          g_assert_true (cl_store_delete_event (store, s->id, 0, &error));
          g_assert_no_error (error);
        }
    }

  one = load_as_bundle (store);
  g_assert_cmpuint (_cl_store_get_split_reads (store), ==, 0);
  _cl_store_set_split_events_from (store, 1);
  two = load_as_bundle (store);
  g_assert_cmpuint (_cl_store_get_split_reads (store), ==, 1);
  g_assert_cmpstr (one, ==, two);

  g_assert_cmpint (sqlite3_open (path, &writer), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (writer, "BEGIN IMMEDIATE", NULL, NULL, NULL), ==, SQLITE_OK);
  locked = load_as_bundle (store);
  g_assert_cmpuint (_cl_store_get_split_reads (store), ==, 1);
  g_assert_cmpstr (one, ==, locked);
  sqlite3_exec (writer, "ROLLBACK", NULL, NULL, NULL);
  sqlite3_close (writer);

  /* Stopped at any point, before the students are in (the second connection is then not left
   * waiting for them) or after: the load says so, and the next one reads everything. */
  for (guint delay = 0; delay < 4000; delay += 200)
    {
      g_autoptr(GCancellable) cancellable = g_cancellable_new ();
      g_autoptr(GThread) canceller = NULL;
      g_autoptr(ClCaseload) loaded = NULL;
      g_autoptr(GError) stopped = NULL;
      g_autofree char *again = NULL;
      CancelLater later = { cancellable, delay };

      canceller = g_thread_new ("cancel-later", cancel_later, &later);
      loaded = cl_store_load_caseload_cancellable (store, cancellable, &stopped);
      g_thread_join (g_steal_pointer (&canceller));
      if (loaded == NULL)
        {
          g_assert_error (stopped, G_IO_ERROR, G_IO_ERROR_CANCELLED);
          n_stopped++;
        }
      else
        {
          g_autofree char *read = cl_bundle_write (loaded);

          g_assert_no_error (stopped);
          g_assert_cmpstr (one, ==, read);
        }
      again = load_as_bundle (store);
      g_assert_cmpstr (one, ==, again);
    }
  g_assert_cmpuint (_cl_store_get_split_reads (store), >=, 40);
  g_test_message ("split loads stopped: %u of 20", n_stopped);
}

static char *
journal_mode_of (const char *path)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  char *mode = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA journal_mode", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  mode = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return mode;
}

/* A fresh import goes through the rollback journal when it has the file to itself, and through the
 * WAL when another connection has it open; either way the file is in WAL after, with every row. */
static void
test_fresh_import_journal (void)
{
  g_autoptr(ClCaseload) small = cl_synthetic_caseload_new (50, 8, 5, cl_date_from_ymd (2026, 11, 24));
  guint n = cl_caseload_get_students (small)->len;

  for (guint shared = 0; shared < 2; shared++)
    {
      g_autofree char *path = tmp_path ("journal.db");
      g_autoptr(GError) error = NULL;
      g_autofree char *mode = NULL;
      sqlite3 *other = NULL;

      remove_db (path);
      {
        g_autoptr(ClStore) store = cl_store_open (path, TRUE, &error);

        g_assert_no_error (error);
        /* Another connection that has read the file keeps it in WAL. */
        if (shared)
          {
            g_assert_cmpint (sqlite3_open (path, &other), ==, SQLITE_OK);
            g_assert_cmpint (sqlite3_exec (other, "SELECT count(*) FROM students", NULL, NULL, NULL), ==, SQLITE_OK);
          }
        g_assert_true (cl_store_import (store, small, FALSE, NULL, NULL, &error));
        g_assert_no_error (error);
        sqlite3_close (other);
      }
      mode = journal_mode_of (path);
      g_assert_cmpstr (mode, ==, "wal");
      g_assert_cmpuint (count_students (path), ==, n);
    }
}

int
main (int argc, char **argv)
{
  int status;

  g_test_init (&argc, &argv, NULL);
  tmpdir = g_dir_make_tmp ("caseload-store-XXXXXX", NULL);
  g_test_add_func ("/store/create-private", test_create_private);
  g_test_add_func ("/store/round-trip/demo", test_round_trip_demo);
  g_test_add_func ("/store/round-trip/scenarios", test_round_trip_scenarios);
  g_test_add_func ("/store/round-trip/synthetic-2000", test_round_trip_synthetic);
  g_test_add_func ("/store/round-trip/not-in-id-order", test_round_trip_not_in_id_order);
  g_test_add_func ("/store/update-is-audited", test_update_is_audited);
  g_test_add_func ("/store/replace", test_replace);
  g_test_add_func ("/store/event-edits", test_event_edits);
  g_test_add_func ("/store/refuses", test_refuses);
  g_test_add_func ("/store/deferred-check", test_deferred_check);
  g_test_add_func ("/store/split-read", test_split_read);
  g_test_add_func ("/store/fresh-import-journal", test_fresh_import_journal);
  g_test_add_func ("/store/backup-restore", test_backup_restore);
  g_test_add_func ("/store/crash-safety", test_crash_safety);
  status = g_test_run ();
  {
    g_autoptr(GDir) dir = g_dir_open (tmpdir, 0, NULL);
    const char *name;
    while (dir && (name = g_dir_read_name (dir)) != NULL)
      {
        g_autofree char *p = g_build_filename (tmpdir, name, NULL);
        g_unlink (p);
      }
    g_rmdir (tmpdir);
  }
  g_free (tmpdir);
  return status;
}
