/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-store-stream.c — the database one student at a time gives the same bytes as the whole
 * caseload in memory: the export (with the facilitator's attempts and checklist), the alerts as
 * JSON and as text; on the demo, on a generated caseload whose order of entry is not its id
 * order, and on a database upgraded from schema v3 (which has no students_by_position). */
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>

#include "cl-bundle-reader.h"
#include "cl-deadline-engine.h"
#include "cl-obligation-format.h"
#include "cl-store-private.h"
#include "cl-synthetic-caseload.h"

static char *tmpdir;

static char *
fresh_db (const char *name)
{
  char *path = g_build_filename (tmpdir, name, NULL);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);

  g_unlink (path);
  g_unlink (wal);
  g_unlink (shm);
  return path;
}

static ClCaseload *
read_demo (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "demo", "demo-caseload.json", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  ClCaseload *c;

  g_assert_true (g_file_get_contents (path, &contents, NULL, &error));
  c = cl_bundle_read_data (contents, -1, &error);
  g_assert_no_error (error);
  return c;
}

static char *
streamed_export (ClStore *store)
{
  g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();
  g_autoptr(GError) error = NULL;

  g_assert_true (cl_store_export_to_stream (store, out, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_output_stream_write_all (out, "", 1, NULL, NULL, &error));
  g_assert_true (g_output_stream_close (out, NULL, &error));
  return g_memory_output_stream_steal_data (G_MEMORY_OUTPUT_STREAM (out));
}

static void
record_progress (double   fraction,
                 gpointer user_data)
{
  GArray *seen = user_data;

  g_array_append_val (seen, fraction);
}

/* The alerts of every student through the stream, as `alerts --db` writes them. */
static void
streamed_alerts (ClStore             *store,
                 ClStoreStreamFlags   flags,
                 ClDeadlineEngine    *engine,
                 ClDate               today,
                 char               **out_json,
                 char               **out_text)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ClStoreStream) stream = cl_store_stream_new (store, CL_STORE_STREAM_BY_ID, flags, &error);
  g_autoptr(GPtrArray) firsts = NULL;
  GString *json = g_string_new (NULL);
  GString *text = g_string_new (NULL);
  const char *previous = NULL;
  g_autofree char *previous_id = NULL;
  ClStudent *student;
  ClJsonWriter w;
  guint n = 0;

  g_assert_no_error (error);
  firsts = cl_store_stream_list_firsts (stream, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (firsts->len, >, 0);
  for (guint i = 0; i < firsts->len; i++)
    {
      g_assert_true (cl_deadline_engine_can_compute (engine, cl_store_stream_get_caseload (stream),
                                                     firsts->pdata[i], &error));
      g_assert_no_error (error);
    }

  cl_obligations_json_begin (&w, json);
  cl_obligations_text_begin (text, today);
  while (cl_store_stream_next (stream, &student, &error) && student != NULL)
    {
      g_autoptr(GPtrArray) obligations =
        cl_deadline_engine_compute_student (engine, cl_store_stream_get_caseload (stream), student, today, &error);

      g_assert_no_error (error);
      /* In id order, each student once. */
      g_assert_true (previous == NULL || strcmp (previous, student->id) < 0);
      g_free (previous_id);
      previous = previous_id = g_strdup (student->id);
      cl_obligations_json_add (&w, obligations);
      cl_obligations_text_add (text, obligations);
      n++;
    }
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, cl_store_stream_get_n_students (stream));
  cl_obligations_json_end (&w);
  *out_json = g_string_free (json, FALSE);
  *out_text = g_string_free (text, FALSE);
}

/* Whatever @store holds, read whole and read student by student, comes out the same. */
static void
assert_stream_is_load (ClStore *store,
                       gsize    min_json)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ClRulePackSet) packs = cl_rule_pack_set_new_builtin (&error);
  g_autoptr(ClDeadlineEngine) engine = cl_deadline_engine_new (packs);
  g_autoptr(ClCaseload) loaded = NULL;
  g_autoptr(GPtrArray) obligations = NULL;
  g_autoptr(GArray) progress = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();
  g_autofree char *whole = cl_store_export (store, NULL, NULL, &error);
  g_autofree char *streamed = streamed_export (store);
  g_autofree char *json = NULL, *text = NULL, *json_whole = NULL, *text_whole = NULL;
  ClDate today = cl_date_from_ymd (2026, 12, 15);

  g_assert_no_error (error);
  g_assert_cmpstr (streamed, ==, whole);

  /* Progress counts up to 1, a percent at a time at most. */
  g_assert_true (cl_store_export_to_stream (store, out, record_progress, progress, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (progress->len, >, 0);
  g_assert_cmpuint (progress->len, <=, 102);
  g_assert_cmpfloat (g_array_index (progress, double, progress->len - 1), ==, 1.0);
  for (guint i = 1; i < progress->len; i++)
    g_assert_cmpfloat (g_array_index (progress, double, i - 1), <=, g_array_index (progress, double, i));

  loaded = cl_store_load_caseload (store, &error);
  g_assert_no_error (error);
  obligations = cl_deadline_engine_compute (engine, loaded, today, &error);
  g_assert_no_error (error);
  json_whole = cl_obligations_to_json (obligations);
  text_whole = cl_obligations_to_text (obligations, today);
  streamed_alerts (store, CL_STORE_STREAM_NONE, engine, today, &json, &text);
  g_assert_cmpuint (strlen (json), >, min_json);
  g_assert_cmpstr (json, ==, json_whole);
  g_assert_cmpstr (text, ==, text_whole);
  /* Read ahead on a thread of the stream's, as `alerts --db` reads: the same students in the
   * same order. */
  g_clear_pointer (&json, g_free);
  g_clear_pointer (&text, g_free);
  streamed_alerts (store, CL_STORE_STREAM_READ_AHEAD, engine, today, &json, &text);
  g_assert_cmpstr (json, ==, json_whole);
  g_assert_cmpstr (text, ==, text_whole);
}

static void
test_demo (void)
{
  g_autofree char *path = fresh_db ("demo.db");
  g_autoptr(GError) error = NULL;
  g_autoptr(ClCaseload) demo = read_demo ();
  g_autoptr(ClStore) store = cl_store_open (path, TRUE, &error);
  g_autofree char *exported = NULL;

  g_assert_no_error (error);
  g_assert_true (cl_store_import (store, demo, FALSE, NULL, NULL, &error));
  g_assert_no_error (error);
  /* What only the app writes: an export carries it in the meeting's extra. */
  g_assert_true (cl_store_add_attendance_attempt (store, "S-1003", "m-12", cl_date_from_ymd (2026, 12, 1),
                                                  CL_CONTACT_PHONE, "No answer", NULL, &error));
  g_assert_true (cl_store_add_attendance_attempt (store, "S-1003", "m-12", cl_date_from_ymd (2026, 11, 28),
                                                  CL_CONTACT_LETTER, NULL, NULL, &error));
  g_assert_true (cl_store_set_checklist_item (store, "S-1003", "m-12", "attendance", TRUE, &error));
  g_assert_true (cl_store_set_checklist_item (store, "S-1002", "m-1", "notice", FALSE, &error));
  g_assert_no_error (error);

  assert_stream_is_load (store, 10000);
  exported = streamed_export (store);
  g_assert_nonnull (strstr (exported, "No answer"));
  g_assert_nonnull (strstr (exported, "\"attendance\""));
}

static void
test_synthetic (void)
{
  g_autofree char *path = fresh_db ("synthetic.db");
  g_autoptr(GError) error = NULL;
  g_autoptr(ClCaseload) c = cl_synthetic_caseload_new (1500, 25, 11, cl_date_from_ymd (2026, 11, 24));
  g_autoptr(ClStore) store = cl_store_open (path, TRUE, &error);
  ClStudent *first = cl_caseload_get_students (c)->pdata[0];
  g_autoptr(ClStudent) early = cl_student_copy (first);
  g_autoptr(ClStudent) copy = NULL;

  g_assert_no_error (error);
  g_assert_true (cl_store_import (store, c, FALSE, NULL, NULL, &error));
  g_assert_no_error (error);
  /* Entered last, first by id: the export's order and the alerts' order differ. And a student
   * gone from the middle leaves a gap in the positions. */
  g_free (early->id);
  early->id = g_strdup ("A-0001");
  g_assert_true (cl_store_add_student (store, early, &error));
  g_assert_no_error (error);
  copy = cl_student_copy (cl_caseload_get_students (c)->pdata[700]);
  g_assert_true (cl_store_delete_student (store, copy->id, &error));
  g_assert_no_error (error);

  assert_stream_is_load (store, 100000);
}

/* A database of schema v3 is upgraded to v4 on opening: it gains students_by_position, and the
 * stream reads it in the order it was given. */
static void
test_from_v3 (void)
{
  g_autofree char *path = fresh_db ("v3.db");
  g_autoptr(GError) error = NULL;
  g_autoptr(ClStore) store = NULL;
  g_autoptr(ClStoreStream) stream = NULL;
  const char *order[] = { "S-2", "S-1", "S-3" };
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  ClStudent *student;
  guint n = 0;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  for (int v = 1; v <= 3; v++)
    g_assert_cmpint (sqlite3_exec (db, _cl_store_schema_sql (v), NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db,
    "INSERT INTO calendars (id, position, first_day, last_day) VALUES ('y', 0, '2026-08-17', '2027-06-10');"
    "INSERT INTO schools (id, position, name) VALUES ('lincoln', 0, 'Lincoln');"
    "INSERT INTO school_calendars (school_id, position, calendar_id) VALUES ('lincoln', 0, 'y');"
    "INSERT INTO students (id, position, birth_date, school_id) VALUES ('S-1', 1, '2014-02-28', 'lincoln'),"
    " ('S-2', 0, '2013-05-01', 'lincoln'), ('S-3', 2, '2012-01-09', 'lincoln');"
    "INSERT INTO events (student_id, position, type, date) VALUES ('S-1', 0, 'referral', '2026-09-01'),"
    " ('S-2', 0, 'referral', '2026-09-03'), ('S-2', 1, 'assessment_plan_consent', '2026-09-10');"
    "PRAGMA user_version = 3;", NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT count(*) FROM sqlite_master WHERE name = 'students_by_position'",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  store = cl_store_open (path, FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpint (cl_store_get_schema_version (store), ==, 4);
  g_assert_null (cl_store_check (store, &error));
  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_prepare_v2 (store->db, "SELECT count(*) FROM sqlite_master WHERE name = 'students_by_position'",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, 1);
  sqlite3_finalize (stmt);

  stream = cl_store_stream_new (store, CL_STORE_STREAM_BY_POSITION, CL_STORE_STREAM_APP_DATA, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (cl_store_stream_get_n_students (stream), ==, 3);
  while (cl_store_stream_next (stream, &student, &error) && student != NULL)
    {
      g_assert_cmpuint (n, <, G_N_ELEMENTS (order));
      g_assert_cmpstr (student->id, ==, order[n]);
      g_assert_cmpuint (student->events->len, ==, g_str_equal (student->id, "S-2") ? 2 : g_str_equal (student->id, "S-1") ? 1 : 0);
      g_assert_nonnull (student->school);
      n++;
    }
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 3);
  g_clear_pointer (&stream, cl_store_stream_free);
  assert_stream_is_load (store, 200);
}

/* The ids of the first @n students of a stream (all when @n is 0), and whether it ended well. */
static char *
stream_ids (ClStore            *store,
            ClStoreStreamFlags  flags,
            guint               n,
            GError            **error)
{
  g_autoptr(ClStoreStream) stream = cl_store_stream_new (store, CL_STORE_STREAM_BY_ID, flags, error);
  g_autoptr(GString) ids = g_string_new (NULL);
  ClStudent *student;

  if (stream == NULL)
    return NULL;
  for (guint i = 0; n == 0 || i < n; i++)
    {
      if (!cl_store_stream_next (stream, &student, error))
        return NULL;
      if (student == NULL)
        {
          /* After the end, still the end. */
          g_assert_true (cl_store_stream_next (stream, &student, error));
          g_assert_null (student);
          break;
        }
      g_string_append_printf (ids, "%s %u\n", student->id, student->events->len);
    }
  return g_string_free (g_steal_pointer (&ids), FALSE);
}

/* A stream read ahead that is left early stops its thread and frees what it had read (run under
 * valgrind or ASan to see nothing leaks); one that fails says so after the students before the
 * failure, with the error a stream read in step gives; and the store is usable after each. */
static void
test_read_ahead (void)
{
  g_autofree char *path = fresh_db ("read-ahead.db");
  g_autoptr(GError) error = NULL;
  g_autoptr(ClCaseload) c = cl_synthetic_caseload_new (300, 25, 5, cl_date_from_ymd (2026, 11, 24));
  g_autoptr(ClStore) store = cl_store_open (path, TRUE, &error);
  g_autofree char *all = NULL, *all_ahead = NULL;
  g_autoptr(GError) error_in_step = NULL;
  g_autoptr(GError) error_ahead = NULL;

  g_assert_no_error (error);
  g_assert_true (cl_store_import (store, c, FALSE, NULL, NULL, &error));
  g_assert_no_error (error);

  all = stream_ids (store, CL_STORE_STREAM_NONE, 0, &error);
  g_assert_no_error (error);
  all_ahead = stream_ids (store, CL_STORE_STREAM_READ_AHEAD, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (all_ahead, ==, all);
  for (guint n = 1; n < 300; n += 37)
    {
      g_autofree char *some = stream_ids (store, CL_STORE_STREAM_READ_AHEAD, n, &error);

      g_assert_no_error (error);
      g_assert_true (g_str_has_prefix (all, some));
    }
  /* Freed before it was ever asked for a student. */
  {
    g_autoptr(ClStoreStream) stream = cl_store_stream_new (store, CL_STORE_STREAM_BY_ID, CL_STORE_STREAM_READ_AHEAD, &error);
    g_assert_no_error (error);
  }

  /* Reading interrupted (as by a damaged page): the same failure either way. */
  for (guint ahead = 0; ahead < 2; ahead++)
    {
      g_autoptr(ClStoreStream) stream =
        cl_store_stream_new (store, CL_STORE_STREAM_BY_ID, ahead ? CL_STORE_STREAM_READ_AHEAD : CL_STORE_STREAM_NONE, &error);
      ClStudent *student = NULL;

      g_assert_no_error (error);
      sqlite3_interrupt (store->db);
      g_assert_false (cl_store_stream_next (stream, &student, ahead ? &error_ahead : &error_in_step));
      g_assert_null (student);
    }
  g_assert_nonnull (error_in_step);
  g_assert_error (error_ahead, error_in_step->domain, error_in_step->code);
  g_assert_cmpstr (error_ahead->message, ==, error_in_step->message);

  g_clear_pointer (&all_ahead, g_free);
  all_ahead = stream_ids (store, CL_STORE_STREAM_READ_AHEAD, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (all_ahead, ==, all);
}

/* An export by position walks students_by_position and each table's key: no sort of a whole
 * table (which would hold it all in SQLite's sorter). The same SQL as cl-store-stream.c's. */
static void
test_no_sort (void)
{
  static const char * const tables[] = { "guardians", "events", "meetings", "invitees" };
  g_autofree char *path = fresh_db ("plan.db");
  g_autoptr(GError) error = NULL;
  g_autoptr(ClStore) store = cl_store_open (path, TRUE, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    {
      g_autofree char *sql = g_strdup_printf ("EXPLAIN QUERY PLAN SELECT * FROM (SELECT id AS s_id, position AS s_position, rowid AS s_row"
                                              " FROM students) CROSS JOIN %s ON student_id = s_id ORDER BY s_position, s_id, s_row, %s",
                                              tables[i], g_str_equal (tables[i], "invitees") ? "meeting_id, position" : "position");
      g_autoptr(GString) plan = g_string_new (NULL);
      sqlite3_stmt *stmt = NULL;

      g_assert_cmpint (sqlite3_prepare_v2 (store->db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        g_string_append_printf (plan, "%s\n", sqlite3_column_text (stmt, 3));
      sqlite3_finalize (stmt);
      g_test_message ("%s: %s", tables[i], plan->str);
      /* (A meeting's rows are keyed by id, not position: SQLite sorts each student's few, the
       * "RIGHT PART" of the order, which holds one student's at a time.) */
      g_assert_null (strstr (plan->str, "TEMP B-TREE FOR ORDER BY"));
      g_assert_nonnull (strstr (plan->str, "students_by_position"));
    }
}

int
main (int    argc,
      char **argv)
{
  int status;

  g_test_init (&argc, &argv, NULL);
  tmpdir = g_dir_make_tmp ("caseload-stream-XXXXXX", NULL);
  g_test_add_func ("/store-stream/demo", test_demo);
  g_test_add_func ("/store-stream/synthetic", test_synthetic);
  g_test_add_func ("/store-stream/from-v3", test_from_v3);
  g_test_add_func ("/store-stream/no-sort", test_no_sort);
  g_test_add_func ("/store-stream/read-ahead", test_read_ahead);
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
  return status;
}
