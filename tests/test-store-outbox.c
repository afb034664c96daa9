/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-store-outbox.c — the changes a laptop keeps for the district server: caught in the
 * transaction that made them, one pending change per record, events known by a uid that edits
 * and imports keep, and a database from before sync upgraded with uids and nothing to send */
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>

#include "cl-bundle-reader.h"
#include "cl-store-private.h"
#include "cl-test-util.h"

static const char bundle_text[] =
  "{\"format\": \"caseload-bundle/1\", \"jurisdiction\": \"CA\","
  " \"calendars\": [{\"id\": \"district-2026\", \"first_day\": \"2026-08-17\", \"last_day\": \"2027-06-10\", \"closed\": []}],"
  " \"schools\": [{\"id\": \"lincoln\", \"name\": \"Lincoln Middle School\", \"calendars\": [\"district-2026\"]}],"
  " \"staff\": [{\"id\": \"cm-1\", \"name\": \"Case Manager One\", \"role\": \"case_manager\"}],"
  " \"students\": [{\"id\": \"S-1\", \"first_name\": \"Ada\", \"last_name\": \"Synthetic\","
  "   \"birth_date\": \"2014-02-28\", \"school\": \"lincoln\", \"case_manager\": \"cm-1\","
  "   \"events\": [{\"type\": \"referral\", \"date\": \"2026-09-01\", \"from\": \"parent\"},"
  "                {\"type\": \"assessment_plan_consent\", \"date\": \"2026-09-10\"}]}]}";

typedef struct {
  char    *dir;
  char    *path;
  ClStore *store;
} Fixture;

static ClCaseload *
read_bundle (const char *text)
{
  g_autoptr(GError) error = NULL;
  ClCaseload *bundle = cl_bundle_read_data (text, -1, &error);

  g_assert_no_error (error);
  return bundle;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(ClCaseload) bundle = read_bundle (bundle_text);
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("caseload-outbox-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, "caseload.db", NULL);
  f->store = cl_store_open (f->path, TRUE, &error);
  g_assert_no_error (error);
  g_assert_true (cl_store_start_capturing_changes (f->store, &error));
  g_assert_no_error (error);
  g_assert_true (cl_store_import (f->store, bundle, FALSE, NULL, NULL, &error));
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *wal = g_strconcat (f->path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (f->path, "-shm", NULL);

  g_clear_object (&f->store);
  g_unlink (f->path);
  g_unlink (wal);
  g_unlink (shm);
  g_rmdir (f->dir);
  g_free (f->path);
  g_free (f->dir);
}

/* The uids of S-1's events, in position order, read with SQL of the test's own. */
static GPtrArray *
event_uids (Fixture *f)
{
  GPtrArray *uids = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (f->store->db, "SELECT uid FROM events WHERE student_id = 'S-1' ORDER BY position",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (uids, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
  sqlite3_finalize (stmt);
  return uids;
}

static GPtrArray *
seal_and_list (Fixture *f,
               guint    expect_sealed)
{
  g_autoptr(GError) error = NULL;
  guint sealed = G_MAXUINT;
  GPtrArray *changes;

  g_assert_true (cl_store_seal_changes (f->store, &sealed, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (sealed, ==, expect_sealed);
  changes = cl_store_list_pending_changes (f->store, &error);
  g_assert_no_error (error);
  g_assert_nonnull (changes);
  return changes;
}

static void
forget_all (Fixture   *f,
            GPtrArray *changes)
{
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < changes->len; i++)
    {
      ClStoreChange *c = changes->pdata[i];
      g_assert_true (cl_store_forget_pending_change (f->store, c->change_id, &error));
      g_assert_no_error (error);
    }
}

static ClStoreChange *
find_change (GPtrArray  *changes,
             const char *table,
             const char *row_key)
{
  for (guint i = 0; i < changes->len; i++)
    {
      ClStoreChange *c = changes->pdata[i];
      if (g_str_equal (c->table, table) && g_str_equal (c->row_key, row_key))
        return c;
    }
  return NULL;
}

static const char *
json_member (JsonObject *o,
             const char *member)
{
  return json_object_get_string_member_with_default (o, member, NULL);
}

static JsonObject *
parse_row (const char *text)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (text);
  g_assert_true (json_parser_load_from_data (parser, text, -1, &error));
  g_assert_no_error (error);
  return json_object_ref (json_node_get_object (json_parser_get_root (parser)));
}

/* The import wrote a calendar, a school and its link to the calendar, a staff member, a student
 * and two events: seven records, one pending change each, all new (no base), the events under
 * their uids. */
static void
test_import_is_captured (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GPtrArray) changes = seal_and_list (f, 7);
  g_autoptr(GPtrArray) uids = event_uids (f);
  g_autoptr(JsonObject) row = NULL;
  ClStoreChange *student = find_change (changes, "students", "S-1");

  g_assert_cmpuint (changes->len, ==, 7);
  g_assert_nonnull (find_change (changes, "calendars", "district-2026"));
  g_assert_nonnull (find_change (changes, "schools", "lincoln"));
  g_assert_nonnull (find_change (changes, "school_calendars", "lincoln/0"));
  g_assert_nonnull (find_change (changes, "staff", "cm-1"));
  g_assert_nonnull (student);
  g_assert_null (student->base);
  row = parse_row (student->row);
  g_assert_cmpstr (json_member (row, "first_name"), ==, "Ada");
  g_assert_cmpstr (json_member (row, "birth_date"), ==, "2014-02-28");
  g_assert_cmpstr (student->student_id, ==, "S-1");
  g_assert_true (g_uuid_string_is_valid (student->change_id));

  g_assert_cmpuint (uids->len, ==, 2);
  g_assert_cmpuint (strlen (uids->pdata[0]), ==, 32);
  g_assert_cmpstr (uids->pdata[0], !=, uids->pdata[1]);
  for (guint i = 0; i < uids->len; i++)
    {
      ClStoreChange *e = find_change (changes, "events", uids->pdata[i]);
      g_autoptr(JsonObject) event = NULL;

      g_assert_nonnull (e);
      g_assert_cmpstr (e->student_id, ==, "S-1");
      g_assert_null (e->base);
      event = parse_row (e->row);
      g_assert_cmpstr (json_member (event, "type"), ==, i == 0 ? "referral" : "assessment_plan_consent");
      g_assert_cmpstr (json_member (event, "uid"), ==, uids->pdata[i]);
    }
}

/* Sealing with nothing new makes nothing, and the pending changes keep their ids: a push cut off
 * and repeated sends the same ids. */
static void
test_seal_is_stable (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GPtrArray) first = seal_and_list (f, 7);
  g_autoptr(GPtrArray) second = seal_and_list (f, 0);
  g_autoptr(GError) error = NULL;
  guint unsynced = 0;

  g_assert_cmpuint (second->len, ==, first->len);
  for (guint i = 0; i < first->len; i++)
    g_assert_cmpstr (((ClStoreChange *) first->pdata[i])->change_id, ==, ((ClStoreChange *) second->pdata[i])->change_id);
  g_assert_true (cl_store_count_unsynced (f->store, &unsynced, &error));
  g_assert_cmpuint (unsynced, ==, 7);
  forget_all (f, first);
  g_assert_true (cl_store_count_unsynced (f->store, &unsynced, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (unsynced, ==, 0);
}

/* An edit rewrites the event's row in place (delete, insert): it keeps its uid, and the server
 * gets one change from the old row to the new, whatever the writes in between. */
static void
test_edit_keeps_uid (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GPtrArray) initial = seal_and_list (f, 7);
  g_autoptr(GPtrArray) before = event_uids (f);
  g_autoptr(GPtrArray) after = NULL;
  g_autoptr(GPtrArray) changes = NULL;
  g_autoptr(JsonObject) base = NULL;
  g_autoptr(JsonObject) row = NULL;
  g_autoptr(GError) error = NULL;
  ClEvent moved = { 0 };
  guint unsynced = 0;

  forget_all (f, initial);
  moved.type = CL_EVENT_ASSESSMENT_PLAN_CONSENT;
  moved.date = D ("2026-09-14");
  moved.kind = -1;
  moved.from = -1;
  moved.special = CL_SPECIAL_NONE;
  g_assert_true (cl_store_update_event (f->store, "S-1", 1, &moved, &error));
  g_assert_no_error (error);
  moved.date = D ("2026-09-15");
  g_assert_true (cl_store_update_event (f->store, "S-1", 1, &moved, &error));
  g_assert_no_error (error);
  g_assert_true (cl_store_count_unsynced (f->store, &unsynced, &error));
  g_assert_cmpuint (unsynced, ==, 1);

  after = event_uids (f);
  g_assert_cmpstr (after->pdata[1], ==, before->pdata[1]);
  changes = seal_and_list (f, 1);
  g_assert_cmpuint (changes->len, ==, 1);
  g_assert_cmpstr (((ClStoreChange *) changes->pdata[0])->row_key, ==, before->pdata[1]);
  base = parse_row (((ClStoreChange *) changes->pdata[0])->base);
  row = parse_row (((ClStoreChange *) changes->pdata[0])->row);
  g_assert_cmpstr (json_member (base, "date"), ==, "2026-09-10");
  g_assert_cmpstr (json_member (row, "date"), ==, "2026-09-15");
}

/* The same file imported again leaves every event its uid and has nothing to send; a file with
 * one fact changed sends that change alone. */
static void
test_reimport_keeps_uids (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GPtrArray) initial = seal_and_list (f, 7);
  g_autoptr(GPtrArray) before = event_uids (f);
  g_autoptr(GPtrArray) after = NULL;
  g_autoptr(GPtrArray) changes = NULL;
  g_autoptr(ClCaseload) same = read_bundle (bundle_text);
  g_autofree char *renamed_text = NULL;
  g_autoptr(ClCaseload) renamed = NULL;
  g_autoptr(JsonObject) row = NULL;
  g_autoptr(GError) error = NULL;
  GString *s = g_string_new (bundle_text);

  forget_all (f, initial);
  g_assert_true (cl_store_import (f->store, same, FALSE, NULL, NULL, &error));
  g_assert_no_error (error);
  after = event_uids (f);
  g_assert_cmpuint (after->len, ==, before->len);
  for (guint i = 0; i < before->len; i++)
    g_assert_cmpstr (after->pdata[i], ==, before->pdata[i]);
  g_ptr_array_unref (seal_and_list (f, 0));

  g_string_replace (s, "\"Ada\"", "\"Adela\"", 1);
  renamed_text = g_string_free (s, FALSE);
  renamed = read_bundle (renamed_text);
  g_assert_true (cl_store_import (f->store, renamed, FALSE, NULL, NULL, &error));
  g_assert_no_error (error);
  changes = seal_and_list (f, 1);
  g_assert_cmpuint (changes->len, ==, 1);
  g_assert_cmpstr (((ClStoreChange *) changes->pdata[0])->table, ==, "students");
  row = parse_row (((ClStoreChange *) changes->pdata[0])->row);
  g_assert_cmpstr (json_member (row, "first_name"), ==, "Adela");
}

/* Deleting a student deletes their events by cascade: each is a change too, a record gone (no
 * row), still naming its student. */
static void
test_cascade_is_captured (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GPtrArray) initial = seal_and_list (f, 7);
  g_autoptr(GPtrArray) uids = event_uids (f);
  g_autoptr(GPtrArray) changes = NULL;
  g_autoptr(GError) error = NULL;

  forget_all (f, initial);
  g_assert_true (cl_store_delete_student (f->store, "S-1", &error));
  g_assert_no_error (error);
  changes = seal_and_list (f, 3);
  g_assert_nonnull (find_change (changes, "students", "S-1"));
  for (guint i = 0; i < uids->len; i++)
    {
      ClStoreChange *e = find_change (changes, "events", uids->pdata[i]);
      g_assert_nonnull (e);
      g_assert_null (e->row);
      g_assert_nonnull (e->base);
      g_assert_cmpstr (e->student_id, ==, "S-1");
    }
}

/* A change refused rolls back with its outbox rows; what a pull writes (sync_applying set) is not
 * sent back; a database that does not sync keeps no outbox. */
static void
test_what_is_not_captured (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GPtrArray) initial = seal_and_list (f, 7);
  g_autoptr(GError) error = NULL;
  ClEvent e = { 0 };
  guint unsynced = G_MAXUINT;
  gboolean capturing = FALSE;

  forget_all (f, initial);
  e.type = CL_EVENT_ASSESSMENT_PLAN_CONSENT;
  e.date = D ("2026-09-14");
  e.kind = -1;
  e.from = -1;
  e.special = CL_SPECIAL_NONE;
  g_assert_false (cl_store_update_event (f->store, "S-1", 9, &e, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_true (cl_store_count_unsynced (f->store, &unsynced, &error));
  g_assert_cmpuint (unsynced, ==, 0);

  g_assert_cmpint (sqlite3_exec (f->store->db,
                                 "BEGIN; INSERT INTO sync_applying (since) VALUES ('test');"
                                 "UPDATE students SET grade = '7' WHERE id = 'S-1';"
                                 "DELETE FROM sync_applying; COMMIT;", NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_true (cl_store_count_unsynced (f->store, &unsynced, &error));
  g_assert_cmpuint (unsynced, ==, 0);

  g_assert_true (cl_store_is_capturing_changes (f->store, &capturing, &error));
  g_assert_true (capturing);
  g_assert_cmpint (sqlite3_exec (f->store->db, "DELETE FROM sync_capture", NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_true (cl_store_is_capturing_changes (f->store, &capturing, &error));
  g_assert_false (capturing);
  g_assert_true (cl_store_add_event (f->store, "S-1", &e, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (cl_store_count_unsynced (f->store, &unsynced, &error));
  g_assert_cmpuint (unsynced, ==, 0);
}

static gint64
count_rows (ClStore    *store,
            const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  gint64 n = -1;

  g_assert_cmpint (sqlite3_prepare_v2 (store->db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  n = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return n;
}

static gboolean
triggers_enabled (ClStore *store)
{
  int on = -1;

  g_assert_cmpint (sqlite3_db_config (store->db, SQLITE_DBCONFIG_ENABLE_TRIGGER, -1, &on), ==, SQLITE_OK);
  return on == 1;
}

/* A database that does not sync is imported into with the connection's triggers off (they would
 * write nothing, and testing that for every row is most of a large import's SQL): no outbox rows,
 * and the triggers are on again after the import, committed or failed, so the database's first
 * sync and every change after it are recorded as before. */
static void
test_import_not_syncing (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("caseload-outbox-idle-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "idle.db", NULL);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);
  g_autoptr(ClStore) store = NULL;
  g_autoptr(ClCaseload) bundle = read_bundle (bundle_text);
  g_autoptr(ClCaseload) broken = read_bundle (bundle_text);
  g_autoptr(GPtrArray) changes = NULL;
  ClStudent *student = g_ptr_array_index (cl_caseload_get_students (broken), 0);
  ClSchool *school = student->school;
  ClEvent e = { 0 };
  guint unsynced = G_MAXUINT, sealed = 0;
  gboolean capturing = TRUE;

  g_assert_no_error (error);
  store = cl_store_open (path, TRUE, &error);
  g_assert_no_error (error);
  g_assert_true (cl_store_is_capturing_changes (store, &capturing, &error));
  g_assert_false (capturing);
  g_assert_true (triggers_enabled (store));

  /* A fresh import that fails (a student without a school breaks NOT NULL): nothing written,
   * the triggers on again. */
  student->school = NULL;
  g_assert_false (cl_store_import (store, broken, FALSE, NULL, NULL, &error));
  g_assert_error (error, CL_STORE_ERROR, CL_STORE_ERROR_INVALID);
  g_clear_error (&error);
  student->school = school;
  g_assert_true (triggers_enabled (store));
  g_assert_cmpint (count_rows (store, "SELECT count(*) FROM students"), ==, 0);

  /* A probe named as the outbox's triggers are counts the students written while triggers run:
   * none during the import, one after it. */
  g_assert_cmpint (sqlite3_exec (store->db,
                                 "CREATE TABLE probe (id TEXT);"
                                 "CREATE TRIGGER outbox_probe AFTER INSERT ON students BEGIN"
                                 "  INSERT INTO probe VALUES (NEW.id); END;", NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_true (cl_store_import (store, bundle, FALSE, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (triggers_enabled (store));
  g_assert_cmpint (count_rows (store, "SELECT count(*) FROM outbox"), ==, 0);
  g_assert_cmpint (count_rows (store, "SELECT count(*) FROM events"), ==, 2);
  g_assert_cmpint (count_rows (store, "SELECT count(*) FROM probe"), ==, 0);
  g_assert_cmpint (sqlite3_exec (store->db,
                                 "INSERT INTO students (id, position, birth_date, school_id)"
                                 " VALUES ('S-2', 1, '2014-03-01', 'lincoln');", NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (count_rows (store, "SELECT count(*) FROM probe"), ==, 1);
  g_assert_cmpint (sqlite3_exec (store->db, "DELETE FROM students WHERE id = 'S-2'; DELETE FROM probe;",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  /* A trigger of another kind keeps every trigger on: an import with the outbox idle still runs it. */
  g_assert_cmpint (sqlite3_exec (store->db, "ALTER TABLE probe RENAME TO probe_log;"
                                 "DROP TRIGGER outbox_probe;"
                                 "CREATE TRIGGER other_probe AFTER INSERT ON students BEGIN"
                                 "  INSERT INTO probe_log VALUES (NEW.id); END;", NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_true (cl_store_import (store, bundle, TRUE, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_rows (store, "SELECT count(*) FROM probe_log"), ==, 1);
  g_assert_cmpint (sqlite3_exec (store->db, "DROP TRIGGER other_probe; DROP TABLE probe_log;", NULL, NULL, NULL),
                   ==, SQLITE_OK);
  g_assert_cmpint (count_rows (store, "SELECT count(*) FROM outbox"), ==, 0);
  /* Imported again (an update, not fresh): still nothing in the outbox. */
  g_assert_true (cl_store_import (store, bundle, FALSE, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (triggers_enabled (store));
  g_assert_cmpint (count_rows (store, "SELECT count(*) FROM outbox"), ==, 0);

  /* The first sync sends what the database holds, the seven records. */
  g_assert_true (cl_store_start_capturing_changes (store, &error));
  g_assert_no_error (error);
  g_assert_true (cl_store_seal_changes (store, &sealed, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (sealed, ==, 7);
  changes = cl_store_list_pending_changes (store, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < changes->len; i++)
    g_assert_true (cl_store_forget_pending_change (store, ((ClStoreChange *) changes->pdata[i])->change_id, &error));
  g_assert_no_error (error);

  /* Then an edit through the same connection is recorded by its trigger. */
  e.type = CL_EVENT_ASSESSMENT_PLAN_CONSENT;
  e.date = D ("2026-09-14");
  e.kind = -1;
  e.from = -1;
  e.special = CL_SPECIAL_NONE;
  g_assert_true (cl_store_add_event (store, "S-1", &e, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (cl_store_count_unsynced (store, &unsynced, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (unsynced, ==, 1);
  g_assert_cmpint (count_rows (store, "SELECT count(*) FROM outbox WHERE table_name = 'events'"), ==, 1);

  /* And an import into the database that now syncs is recorded too: replaced whole, the old
   * records go and the new ones come. */
  g_assert_true (cl_store_import (store, bundle, TRUE, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (triggers_enabled (store));
  g_assert_cmpint (count_rows (store, "SELECT count(*) FROM outbox WHERE table_name = 'students' AND new_row IS NOT NULL"), ==, 1);
  g_assert_cmpint (count_rows (store, "SELECT count(*) FROM outbox WHERE table_name = 'events' AND new_row IS NOT NULL"), >=, 2);

  g_clear_object (&store);
  g_unlink (path);
  g_unlink (wal);
  g_unlink (shm);
  g_rmdir (dir);
}

/* A version 1 database (before sync) opened by this Caseload: each event, note and attempt gets a
 * uid of its own, positions and contents stay, and the upgrade itself is nothing to send. */
static void
test_upgrade_from_v1 (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("caseload-outbox-v1-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "old.db", NULL);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);
  g_autoptr(ClStore) store = NULL;
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guint unsynced = G_MAXUINT, n = 0;

  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, _cl_store_schema_sql (1), NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db,
    "INSERT INTO schools (id, position, name) VALUES ('lincoln', 0, 'Lincoln');"
    "INSERT INTO students (id, position, birth_date, school_id) VALUES ('S-1', 0, '2014-02-28', 'lincoln');"
    "INSERT INTO events (student_id, position, type, date) VALUES ('S-1', 0, 'referral', '2026-09-01'),"
    " ('S-1', 1, 'assessment_plan_consent', '2026-09-10'), ('S-1', 2, 'assessment_plan_consent', '2026-09-10');"
    "INSERT INTO notes (student_id, written_at, text) VALUES ('S-1', '2026-09-02T10:00:00Z', 'Called home.');"
    "PRAGMA user_version = 1;", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  store = cl_store_open (path, FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpint (cl_store_get_schema_version (store), ==, CL_STORE_SCHEMA_VERSION);
  g_assert_cmpint (sqlite3_prepare_v2 (store->db,
    "SELECT position, type, date, uid FROM events UNION ALL SELECT id, 'note', text, uid FROM notes ORDER BY 2, 1",
    -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *uid = (const char *) sqlite3_column_text (stmt, 3);
      g_assert_cmpuint (strlen (uid), ==, 32);
      g_assert_true (g_hash_table_add (seen, g_strdup (uid)));
      n++;
    }
  sqlite3_finalize (stmt);
  g_assert_cmpuint (n, ==, 4);
  g_assert_true (cl_store_count_unsynced (store, &unsynced, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (unsynced, ==, 0);

  g_clear_object (&store);
  g_unlink (path);
  g_unlink (wal);
  g_unlink (shm);
  g_rmdir (dir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add ("/store-outbox/import-is-captured", Fixture, NULL, fixture_set_up, test_import_is_captured,
              fixture_tear_down);
  g_test_add ("/store-outbox/seal-is-stable", Fixture, NULL, fixture_set_up, test_seal_is_stable, fixture_tear_down);
  g_test_add ("/store-outbox/edit-keeps-uid", Fixture, NULL, fixture_set_up, test_edit_keeps_uid, fixture_tear_down);
  g_test_add ("/store-outbox/reimport-keeps-uids", Fixture, NULL, fixture_set_up, test_reimport_keeps_uids,
              fixture_tear_down);
  g_test_add ("/store-outbox/cascade-is-captured", Fixture, NULL, fixture_set_up, test_cascade_is_captured,
              fixture_tear_down);
  g_test_add ("/store-outbox/what-is-not-captured", Fixture, NULL, fixture_set_up, test_what_is_not_captured,
              fixture_tear_down);
  g_test_add_func ("/store-outbox/import-not-syncing", test_import_not_syncing);
  g_test_add_func ("/store-outbox/upgrade-from-v1", test_upgrade_from_v1);
  return g_test_run ();
}
