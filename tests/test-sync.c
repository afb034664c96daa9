/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-sync.c — laptops and a real PostgreSQL (started by tests/with-postgres.sh): the server's
 * schema set up once and refused when newer, two laptops offline then syncing, the same field
 * changed on both, a push cut off and repeated, and a server that is down */
#include <glib/gstdio.h>
#include <libpq-fe.h>
#include <string.h>

#include "cl-bundle-reader.h"
#include "cl-sync.h"
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
  char    *url;          /* a database of this test's own */
  ClStore *a;            /* two laptops */
  ClStore *b;
} Fixture;

static void
ignore_notice (void       *user_data,
               const char *message)
{
}

static PGconn *
connect_or_fail (const char *url)
{
  PGconn *conn = PQconnectdb (url);

  if (PQstatus (conn) != CONNECTION_OK)
    g_error ("cannot connect to the test server: %s", PQerrorMessage (conn));
  PQsetNoticeProcessor (conn, ignore_notice, NULL);
  return conn;
}

/* The first value of @sql's first row ("" for none), run on @url. */
static char *
query (const char *url,
       const char *sql)
{
  PGconn *conn = connect_or_fail (url);
  PGresult *result = PQexec (conn, sql);
  char *value;

  if (PQresultStatus (result) != PGRES_TUPLES_OK && PQresultStatus (result) != PGRES_COMMAND_OK)
    g_error ("%s: %s", sql, PQresultErrorMessage (result));
  value = g_strdup (PQntuples (result) > 0 ? PQgetvalue (result, 0, 0) : "");
  PQclear (result);
  PQfinish (conn);
  return value;
}

/* Whether @sql, run on @url, is refused. */
static gboolean
refused (const char *url,
         const char *sql)
{
  PGconn *conn = connect_or_fail (url);
  PGresult *result = PQexec (conn, sql);
  gboolean failed = PQresultStatus (result) == PGRES_FATAL_ERROR;

  PQclear (result);
  PQfinish (conn);
  return failed;
}

static ClStore *
open_laptop (Fixture    *f,
             const char *name)
{
  g_autofree char *path = g_build_filename (f->dir, name, NULL);
  g_autoptr(GError) error = NULL;
  ClStore *store = cl_store_open (path, TRUE, &error);

  g_assert_no_error (error);
  return store;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  const char *server = g_getenv ("CASELOAD_TEST_PG_URL");
  static guint serial;
  g_autofree char *database = g_strdup_printf ("sync_%u_%u", (guint) getpid (), serial++);
  g_autofree char *create = g_strdup_printf ("CREATE DATABASE %s", database);
  g_autoptr(GError) error = NULL;
  g_autofree char *created = NULL;

  g_assert_nonnull (server);
  f->dir = g_dir_make_tmp ("caseload-sync-XXXXXX", &error);
  g_assert_no_error (error);
  created = query (server, create);
  f->url = g_strdup_printf ("%s dbname=%s", server, database);
  f->a = open_laptop (f, "a.db");
  f->b = open_laptop (f, "b.db");
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GDir) dir = g_dir_open (f->dir, 0, NULL);
  const char *name;

  g_clear_object (&f->a);
  g_clear_object (&f->b);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (f->dir, name, NULL);
      g_unlink (path);
    }
  g_rmdir (f->dir);
  g_free (f->dir);
  g_free (f->url);
}

static ClSyncResult
sync_ok (Fixture *f,
         ClStore *laptop)
{
  g_autoptr(GError) error = NULL;
  ClSyncResult r = { 0 };

  gboolean ok = cl_sync_run (laptop, f->url, &r, &error);

  g_assert_no_error (error);
  g_assert_true (ok);
  return r;
}

static void
init_server (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  int from = -1;

  cl_sync_server_init (f->url, &from, &error);
  g_assert_no_error (error);
  g_assert_cmpint (from, ==, 0);
}

/* Laptop A brings the district's file to the server; B, empty, pulls it whole. */
static void
seed (Fixture *f)
{
  g_autoptr(ClCaseload) bundle = NULL;
  g_autoptr(GError) error = NULL;
  ClSyncResult r;

  init_server (f);
  r = sync_ok (f, f->a);
  g_assert_cmpuint (r.pushed, ==, 0);
  bundle = cl_bundle_read_data (bundle_text, -1, &error);
  g_assert_no_error (error);
  g_assert_true (cl_store_import (f->a, bundle, FALSE, NULL, NULL, &error));
  g_assert_no_error (error);
  /* calendar, school, its calendar link, staff member, student, two events */
  r = sync_ok (f, f->a);
  g_assert_cmpuint (r.pushed, ==, 7);
  g_assert_cmpuint (r.conflicts, ==, 0);
  r = sync_ok (f, f->b);
  g_assert_cmpuint (r.pushed, ==, 0);
  g_assert_cmpuint (r.pulled, ==, 7);
}

/* The laptop's caseload, which holds S-1 alone. */
static ClCaseload *
load (ClStore *laptop)
{
  g_autoptr(GError) error = NULL;
  ClCaseload *c = cl_store_load_caseload (laptop, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (cl_caseload_get_students (c)->len, ==, 1);
  g_assert_cmpstr (((ClStudent *) cl_caseload_get_students (c)->pdata[0])->id, ==, "S-1");
  return c;
}

static ClStudent *
student_of (ClCaseload *c)
{
  return cl_caseload_get_students (c)->pdata[0];
}

static ClEvent
event_on (ClEventType type,
          const char *date)
{
  ClEvent e = { 0 };

  e.type = type;
  e.date = D (date);
  e.kind = -1;
  e.from = -1;
  e.special = CL_SPECIAL_NONE;
  return e;
}

/* Init twice changes nothing the second time; a server set up by a newer Caseload is refused by
 * init and by sync, and the laptop keeps its changes. */
static void
test_server_init (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *version = NULL;
  g_autofree char *bumped = NULL;
  int from = -1;
  ClSyncResult r = { 0 };

  init_server (f);
  g_assert_true (cl_sync_server_init (f->url, &from, &error));
  g_assert_no_error (error);
  g_assert_cmpint (from, ==, cl_sync_server_schema_version ());
  version = query (f->url, "SELECT value FROM caseload.meta WHERE key = 'schema_version'");
  g_assert_cmpint (atoi (version), ==, cl_sync_server_schema_version ());

  bumped = query (f->url, "UPDATE caseload.meta SET value = '99' WHERE key = 'schema_version'");
  g_assert_false (cl_sync_server_init (f->url, &from, &error));
  g_assert_error (error, CL_SYNC_ERROR, CL_SYNC_ERROR_SCHEMA_TOO_NEW);
  g_assert_nonnull (strstr (error->message, "99"));
  g_clear_error (&error);
  g_assert_false (cl_sync_run (f->a, f->url, &r, &error));
  g_assert_error (error, CL_SYNC_ERROR, CL_SYNC_ERROR_SCHEMA_TOO_NEW);
  g_clear_error (&error);

  /* An older schema lacks what this Caseload asks for: refused before anything is sent, with
   * the command that upgrades it; server init then brings it up to date. */
  g_free (query (f->url, "UPDATE caseload.meta SET value = '2' WHERE key = 'schema_version'"));
  g_assert_false (cl_sync_run (f->a, f->url, &r, &error));
  g_assert_error (error, CL_SYNC_ERROR, CL_SYNC_ERROR_NOT_INITIALISED);
  g_assert_nonnull (strstr (error->message, "schema 2"));
  g_assert_nonnull (strstr (error->message, "server init"));
  g_clear_error (&error);
  g_assert_true (cl_sync_server_init (f->url, &from, &error));
  g_assert_no_error (error);
  g_assert_cmpint (from, ==, 2);
  g_assert_true (cl_sync_run (f->a, f->url, &r, &error));
  g_assert_no_error (error);
}

/* Both laptops offline: A moves the consent's date, B adds an IEP meeting's event. After A, B
 * and A sync, both hold both changes — different records merge. */
static void
test_two_laptops (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ClCaseload) on_a = NULL;
  g_autoptr(ClCaseload) on_b = NULL;
  ClEvent moved = event_on (CL_EVENT_ASSESSMENT_PLAN_CONSENT, "2026-09-14");
  ClEvent added = event_on (CL_EVENT_RECORDS_REQUEST, "2026-09-20");
  ClSyncResult r;

  seed (f);
  g_assert_true (cl_store_update_event (f->a, "S-1", 1, &moved, &error));
  g_assert_no_error (error);
  g_assert_true (cl_store_add_event (f->b, "S-1", &added, NULL, &error));
  g_assert_no_error (error);

  r = sync_ok (f, f->a);
  g_assert_cmpuint (r.pushed, ==, 1);
  r = sync_ok (f, f->b);
  g_assert_cmpuint (r.pushed, ==, 1);
  g_assert_cmpuint (r.conflicts, ==, 0);
  r = sync_ok (f, f->a);
  g_assert_cmpuint (r.pushed, ==, 0);

  on_a = load (f->a);
  on_b = load (f->b);
  for (guint k = 0; k < 2; k++)
    {
      ClStudent *s = student_of (k == 0 ? on_a : on_b);
      g_assert_cmpuint (s->events->len, ==, 3);
      g_assert_cmpuint (g_array_index (s->events, ClEvent, 1).date, ==, D ("2026-09-14"));
      g_assert_cmpint (g_array_index (s->events, ClEvent, 2).type, ==, CL_EVENT_RECORDS_REQUEST);
    }
}

/* The same field changed on both laptops: the change that reached the server first stands on
 * both, and the other is kept as a conflict with both values. */
static void
test_same_field_conflict (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ClCaseload) on_b = NULL;
  g_autofree char *conflict = NULL;
  ClEvent on_a_date = event_on (CL_EVENT_ASSESSMENT_PLAN_CONSENT, "2026-09-14");
  ClEvent on_b_date = event_on (CL_EVENT_ASSESSMENT_PLAN_CONSENT, "2026-09-16");
  ClSyncResult r;

  seed (f);
  g_assert_true (cl_store_update_event (f->a, "S-1", 1, &on_a_date, &error));
  g_assert_true (cl_store_update_event (f->b, "S-1", 1, &on_b_date, &error));
  g_assert_no_error (error);
  r = sync_ok (f, f->a);
  g_assert_cmpuint (r.conflicts, ==, 0);
  r = sync_ok (f, f->b);
  g_assert_cmpuint (r.pushed, ==, 1);
  g_assert_cmpuint (r.conflicts, ==, 1);

  conflict = query (f->url, "SELECT field || ' ' || (theirs #>> '{}') || ' ' || (mine #>> '{}') FROM caseload.conflicts");
  g_assert_cmpstr (conflict, ==, "date 2026-09-14 2026-09-16");
  on_b = load (f->b);
  g_assert_cmpuint (g_array_index (student_of (on_b)->events, ClEvent, 1).date, ==, D ("2026-09-14"));
}

/* The only conflict @laptop keeps. */
static ClConflict *
only_conflict (ClStore *laptop)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) conflicts = cl_store_list_conflicts (laptop, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (conflicts->len, ==, 1);
  g_assert_cmpint (cl_store_count_conflicts (laptop, &error), ==, 1);
  return cl_conflict_copy (conflicts->pdata[0]);
}

static void
resolve_ok (ClStore    *laptop,
            ClConflict *conflict,
            gboolean    keep_mine)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (cl_store_resolve_conflict (laptop, conflict->id, keep_mine, &error));
  g_assert_no_error (error);
  g_assert_cmpint (cl_store_count_conflicts (laptop, &error), ==, 0);
  g_assert_false (cl_store_resolve_conflict (laptop, conflict->id, keep_mine, &error));
  g_assert_error (error, CL_STORE_ERROR, CL_STORE_ERROR_INVALID);
}

static ClDate
consent_date (ClStore *laptop)
{
  g_autoptr(ClCaseload) c = load (laptop);

  return g_array_index (student_of (c)->events, ClEvent, 1).date;
}

/* The same field on both laptops: B's value, which came second, is kept on B as a conflict with
 * both values, who sent the other and when; B keeps its own, and after B and A sync both hold it
 * and the server's record has it. A second conflict, settled for theirs, leaves A's value. */
static void
test_conflict_kept_and_settled (Fixture       *f,
                                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ClConflict) conflict = NULL;
  g_autoptr(ClConflict) second = NULL;
  g_autofree char *me = NULL;
  g_autofree char *on_server = NULL;
  ClEvent on_a_date = event_on (CL_EVENT_ASSESSMENT_PLAN_CONSENT, "2026-09-14");
  ClEvent on_b_date = event_on (CL_EVENT_ASSESSMENT_PLAN_CONSENT, "2026-09-16");
  ClSyncResult r;

  seed (f);
  me = query (f->url, "SELECT current_user");
  g_assert_true (cl_store_update_event (f->a, "S-1", 1, &on_a_date, &error));
  g_assert_true (cl_store_update_event (f->b, "S-1", 1, &on_b_date, &error));
  g_assert_no_error (error);
  sync_ok (f, f->a);
  r = sync_ok (f, f->b);
  g_assert_cmpuint (r.conflicts, ==, 1);

  conflict = only_conflict (f->b);
  g_assert_cmpstr (conflict->student_uid, ==, "S-1");
  g_assert_cmpstr (conflict->student_name, ==, "Ada Synthetic");
  g_assert_cmpstr (conflict->what, ==, "Timeline event");
  g_assert_cmpstr (conflict->field, ==, "date");
  g_assert_cmpstr (conflict->mine, ==, "2026-09-16");
  g_assert_cmpstr (conflict->theirs, ==, "2026-09-14");
  g_assert_cmpstr (conflict->their_author, ==, me);
  g_assert_true (g_str_has_prefix (conflict->their_time, "20") && g_str_has_suffix (conflict->their_time, "Z"));
  g_assert_cmpuint (consent_date (f->b), ==, D ("2026-09-14"));

  resolve_ok (f->b, conflict, TRUE);
  g_assert_cmpuint (consent_date (f->b), ==, D ("2026-09-16"));
  r = sync_ok (f, f->b);
  g_assert_cmpuint (r.pushed, ==, 1);
  g_assert_cmpuint (r.conflicts, ==, 0);
  sync_ok (f, f->a);
  g_assert_cmpuint (consent_date (f->a), ==, D ("2026-09-16"));
  g_assert_cmpuint (consent_date (f->b), ==, D ("2026-09-16"));
  on_server = query (f->url, "SELECT row ->> 'date' FROM caseload.records WHERE tbl = 'events'"
                             " AND row ->> 'type' = 'assessment_plan_consent'");
  g_assert_cmpstr (on_server, ==, "2026-09-16");

  /* Again, the other way: A's value stands on both once B keeps theirs. */
  on_a_date.date = D ("2026-09-18");
  on_b_date.date = D ("2026-09-19");
  g_assert_true (cl_store_update_event (f->a, "S-1", 1, &on_a_date, &error));
  g_assert_true (cl_store_update_event (f->b, "S-1", 1, &on_b_date, &error));
  sync_ok (f, f->a);
  r = sync_ok (f, f->b);
  g_assert_cmpuint (r.conflicts, ==, 1);
  second = only_conflict (f->b);
  g_assert_cmpstr (second->mine, ==, "2026-09-19");
  resolve_ok (f->b, second, FALSE);
  r = sync_ok (f, f->b);
  g_assert_cmpuint (r.pushed, ==, 0);
  sync_ok (f, f->a);
  g_assert_cmpuint (consent_date (f->a), ==, D ("2026-09-18"));
  g_assert_cmpuint (consent_date (f->b), ==, D ("2026-09-18"));
}

/* A deletes the consent event while B edits it: the delete reached the server first, so B keeps
 * its edit as a conflict on the whole record; keeping it brings the event back for both. Then B
 * deletes what A edited: B keeps its delete, and the event is gone on both. */
static void
test_delete_against_edit (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ClConflict) edited = NULL;
  g_autoptr(ClConflict) deleted = NULL;
  ClEvent on_b_date = event_on (CL_EVENT_ASSESSMENT_PLAN_CONSENT, "2026-09-16");
  ClEvent on_a_date = event_on (CL_EVENT_ASSESSMENT_PLAN_CONSENT, "2026-09-21");
  ClSyncResult r;

  seed (f);
  g_assert_true (cl_store_delete_event (f->a, "S-1", 1, &error));
  g_assert_true (cl_store_update_event (f->b, "S-1", 1, &on_b_date, &error));
  g_assert_no_error (error);
  sync_ok (f, f->a);
  r = sync_ok (f, f->b);
  g_assert_cmpuint (r.conflicts, ==, 1);
  edited = only_conflict (f->b);
  g_assert_cmpstr (edited->field, ==, "whole record");
  g_assert_cmpstr (edited->mine, ==, "Changed");
  g_assert_cmpstr (edited->theirs, ==, "Deleted");
  {
    g_autoptr(ClCaseload) c = cl_store_load_caseload (f->b, &error);
    g_assert_cmpuint (student_of (c)->events->len, ==, 1);
  }
  resolve_ok (f->b, edited, TRUE);
  sync_ok (f, f->b);
  sync_ok (f, f->a);
  g_assert_cmpuint (consent_date (f->a), ==, D ("2026-09-16"));

  g_assert_true (cl_store_update_event (f->a, "S-1", 1, &on_a_date, &error));
  g_assert_true (cl_store_delete_event (f->b, "S-1", 1, &error));
  g_assert_no_error (error);
  sync_ok (f, f->a);
  r = sync_ok (f, f->b);
  g_assert_cmpuint (r.conflicts, ==, 1);
  deleted = only_conflict (f->b);
  g_assert_cmpstr (deleted->mine, ==, "Deleted");
  g_assert_cmpstr (deleted->theirs, ==, "Changed");
  g_assert_cmpuint (consent_date (f->b), ==, D ("2026-09-21"));
  resolve_ok (f->b, deleted, TRUE);
  r = sync_ok (f, f->b);
  g_assert_cmpuint (r.conflicts, ==, 0);
  sync_ok (f, f->a);
  for (guint k = 0; k < 2; k++)
    {
      g_autoptr(ClCaseload) c = cl_store_load_caseload (k == 0 ? f->a : f->b, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (student_of (c)->events->len, ==, 1);
    }
}

/* A push cut off after the server applied a change but before the laptop heard: the next sync
 * sends it again under the same id and the server applies it once. */
static void
test_repeated_push (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) pending = NULL;
  g_autofree char *first = NULL;
  g_autofree char *changes = NULL;
  g_autofree char *seq_after = NULL;
  g_autofree char *seq_before = NULL;
  ClEvent added = event_on (CL_EVENT_RECORDS_REQUEST, "2026-09-20");
  ClStoreChange *c;
  ClSyncResult r;

  seed (f);
  g_assert_true (cl_store_add_event (f->a, "S-1", &added, NULL, &error));
  g_assert_true (cl_store_seal_changes (f->a, NULL, &error));
  pending = cl_store_list_pending_changes (f->a, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (pending->len, ==, 1);
  c = pending->pdata[0];
  {
    g_autofree char *sql = g_strdup_printf ("SELECT caseload.apply_change ('%s', '%s', '%s', '%s', NULL, '%s', now())",
                                            c->change_id, c->table, c->row_key, c->student_id, c->row);
    first = query (f->url, sql);
  }
  g_assert_cmpstr (first, ==, "applied");
  seq_before = query (f->url, "SELECT max (seq) FROM caseload.records");

  r = sync_ok (f, f->a);
  g_assert_cmpuint (r.pushed, ==, 1);
  seq_after = query (f->url, "SELECT max (seq) FROM caseload.records");
  g_assert_cmpstr (seq_after, ==, seq_before);
  changes = query (f->url, "SELECT count (*) FROM caseload.changes");
  g_assert_cmpstr (changes, ==, "8");
}

/* The server down: sync fails saying so, and the laptop's changes wait for the next one. */
static void
test_server_down (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  ClEvent added = event_on (CL_EVENT_RECORDS_REQUEST, "2026-09-20");
  /* Port 1 on the loopback: nothing listens there. */
  const char *down = "host=127.0.0.1 port=1 dbname=caseload connect_timeout=5";
  guint before = 0, after = 0;
  ClSyncResult r = { 0 };

  seed (f);
  g_assert_true (cl_store_add_event (f->a, "S-1", &added, NULL, &error));
  g_assert_true (cl_store_count_unsynced (f->a, &before, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (before, ==, 1);
  g_assert_false (cl_sync_run (f->a, down, &r, &error));
  g_assert_error (error, CL_SYNC_ERROR, CL_SYNC_ERROR_UNREACHABLE);
  g_assert_nonnull (strstr (error->message, "next sync"));
  g_clear_error (&error);
  g_assert_true (cl_store_count_unsynced (f->a, &after, &error));
  g_assert_cmpuint (after, ==, before);
  r = sync_ok (f, f->a);
  g_assert_cmpuint (r.pushed, ==, 1);
}

static const char district_text[] =
  "{\"format\": \"caseload-bundle/1\", \"jurisdiction\": \"CA\","
  " \"calendars\": [{\"id\": \"district-2026\", \"first_day\": \"2026-08-17\", \"last_day\": \"2027-06-10\", \"closed\": []}],"
  " \"schools\": [{\"id\": \"lincoln\", \"name\": \"Lincoln Middle School\", \"calendars\": [\"district-2026\"]},"
  "  {\"id\": \"riverside\", \"name\": \"Riverside High School\", \"calendars\": [\"district-2026\"]}],"
  " \"staff\": [{\"id\": \"cm-1\", \"name\": \"Case Manager One\", \"role\": \"case_manager\"},"
  "  {\"id\": \"cm-2\", \"name\": \"Case Manager Two\", \"role\": \"case_manager\"},"
  "  {\"id\": \"cm-3\", \"name\": \"Case Manager Three\", \"role\": \"case_manager\"}],"
  " \"students\": ["
  "  {\"id\": \"S-1\", \"first_name\": \"Ada\", \"birth_date\": \"2014-02-28\", \"school\": \"lincoln\", \"case_manager\": \"cm-1\","
  "   \"events\": [{\"type\": \"referral\", \"date\": \"2026-09-01\", \"from\": \"parent\"}]},"
  "  {\"id\": \"S-2\", \"first_name\": \"Ben\", \"birth_date\": \"2013-05-02\", \"school\": \"lincoln\", \"case_manager\": \"cm-2\","
  "   \"events\": [{\"type\": \"referral\", \"date\": \"2026-09-02\", \"from\": \"parent\"}]},"
  "  {\"id\": \"S-3\", \"first_name\": \"Cleo\", \"birth_date\": \"2010-11-30\", \"school\": \"riverside\", \"case_manager\": \"cm-3\","
  "   \"events\": [{\"type\": \"referral\", \"date\": \"2026-09-03\", \"from\": \"parent\"}]}]}";

/* The ids of @laptop's students, joined by spaces. */
static char *
student_ids (ClStore *laptop)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ClCaseload) c = cl_store_load_caseload (laptop, &error);
  g_autoptr(GString) ids = g_string_new (NULL);
  GPtrArray *students;

  g_assert_no_error (error);
  students = cl_caseload_get_students (c);
  for (guint i = 0; i < students->len; i++)
    g_string_append_printf (ids, "%s%s", i ? " " : "", ((ClStudent *) students->pdata[i])->id);
  return g_string_free (g_steal_pointer (&ids), FALSE);
}

/* The ids of @laptop's staff, joined by spaces. */
static char *
staff_ids (ClStore *laptop)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ClCaseload) c = cl_store_load_caseload (laptop, &error);
  g_autoptr(GString) ids = g_string_new (NULL);
  GPtrArray *staff;

  g_assert_no_error (error);
  staff = cl_caseload_get_staff (c);
  for (guint i = 0; i < staff->len; i++)
    g_string_append_printf (ids, "%s%s", i ? " " : "", ((ClStaff *) staff->pdata[i])->id);
  return g_string_free (g_steal_pointer (&ids), FALSE);
}

/* S-2's first event's date on @laptop, as an ISO date. */
static char *
first_event_date (ClStore *laptop)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ClCaseload) c = cl_store_load_caseload (laptop, &error);
  ClStudent *s;

  g_assert_no_error (error);
  s = cl_caseload_lookup_student (c, "S-2");
  g_assert_nonnull (s);
  return cl_date_to_iso (g_array_index (s->events, ClEvent, 0).date);
}

/* The principal's edit of S-2's referral was refused. It is not dropped, and does not hold the
 * record back either: no longer pending (not sent again), it is listed as a refusal, the record
 * follows the server's changes (the admin's), and discarding it (keeping it is refused) leaves
 * the server's version. A second refused edit, discarded, puts the server's version back. */
static void
assert_refused_then_discarded (Fixture    *f,
                               ClStore    *laptop,
                               const char *url)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) conflicts = NULL;
  g_autofree char *date = NULL;
  ClEvent admins = event_on (CL_EVENT_REFERRAL, "2026-09-07");
  ClEvent again = event_on (CL_EVENT_REFERRAL, "2026-09-09");
  ClSyncResult r = { 0 };
  guint waiting = 1;
  gint64 id;

  g_assert_true (cl_store_count_unsynced (laptop, &waiting, &error));
  g_assert_cmpuint (waiting, ==, 0);
  conflicts = cl_store_list_conflicts (laptop, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (conflicts->len, ==, 1);
  g_assert_true (((ClConflict *) conflicts->pdata[0])->refused);
  g_assert_cmpstr (((ClConflict *) conflicts->pdata[0])->student_uid, ==, "S-2");
  /* The row names what this computer changed: the referral's date, and eligible (event_on()'s
   * event is not, the imported one was). */
  g_assert_cmpstr (((ClConflict *) conflicts->pdata[0])->mine, ==, "Changed: date, eligible");
  g_assert_cmpint (cl_store_count_refusals (laptop, &error), ==, 1);
  g_assert_true (cl_sync_run (laptop, url, &r, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (r.pushed, ==, 0);
  g_assert_cmpuint (r.refused, ==, 0);

  g_assert_true (cl_store_update_event (f->a, "S-2", 0, &admins, &error));
  sync_ok (f, f->a);
  g_assert_true (cl_sync_run (laptop, url, &r, &error));
  g_assert_no_error (error);
  date = first_event_date (laptop);
  g_assert_cmpstr (date, ==, "2026-09-07");

  id = ((ClConflict *) conflicts->pdata[0])->id;
  g_assert_false (cl_store_resolve_conflict (laptop, id, TRUE, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_true (cl_store_resolve_conflict (laptop, id, FALSE, &error));
  g_assert_no_error (error);
  g_assert_cmpint (cl_store_count_conflicts (laptop, &error), ==, 0);
  g_clear_pointer (&date, g_free);
  date = first_event_date (laptop);
  g_assert_cmpstr (date, ==, "2026-09-07");

  g_assert_true (cl_store_update_event (laptop, "S-2", 0, &again, &error));
  g_assert_true (cl_sync_run (laptop, url, &r, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (r.refused, ==, 1);
  g_clear_pointer (&date, g_free);
  date = first_event_date (laptop);
  g_assert_cmpstr (date, ==, "2026-09-09");
  g_clear_pointer (&conflicts, g_ptr_array_unref);
  conflicts = cl_store_list_conflicts (laptop, &error);
  g_assert_cmpuint (conflicts->len, ==, 1);
  g_assert_true (cl_store_resolve_conflict (laptop, ((ClConflict *) conflicts->pdata[0])->id, FALSE, &error));
  g_assert_no_error (error);
  g_clear_pointer (&date, g_free);
  date = first_event_date (laptop);
  g_assert_cmpstr (date, ==, "2026-09-07");
  g_assert_true (cl_store_count_unsynced (laptop, &waiting, &error));
  g_assert_cmpuint (waiting, ==, 0);
}

/* An admin loads a district of two schools; a case manager's laptop gets their student alone, the
 * principal's the students of their school; through SQL of their own (as psql would) neither
 * sees another's rows nor writes any; a principal's edit is refused, a case manager's stands. */
static void
test_roles (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(ClCaseload) district = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(ClStore) principal_laptop = open_laptop (f, "principal.db");
  g_autofree char *cm1 = g_strdup_printf ("%s user=cm1", f->url);
  g_autofree char *pr = g_strdup_printf ("%s user=pr", f->url);
  g_autofree char *added = NULL;
  g_autofree char *ids = NULL;
  g_autofree char *seen = NULL;
  ClEvent moved = event_on (CL_EVENT_REFERRAL, "2026-09-05");
  ClSyncResult r = { 0 };

  init_server (f);
  sync_ok (f, f->a);
  district = cl_bundle_read_data (district_text, -1, &error);
  g_assert_no_error (error);
  g_assert_true (cl_store_import (f->a, district, FALSE, NULL, NULL, &error));
  g_assert_no_error (error);
  r = sync_ok (f, f->a);
  g_assert_cmpuint (r.refused, ==, 0);
  added = query (f->url, "SELECT caseload.add_user ('cm1', 'synthetic-1', 'case_manager', 'cm-1', NULL),"
                         " caseload.add_user ('pr', 'synthetic-2', 'principal', NULL, ARRAY['lincoln'])");

  g_assert_true (cl_sync_run (f->b, cm1, &r, &error));
  g_assert_no_error (error);
  ids = student_ids (f->b);
  g_assert_cmpstr (ids, ==, "S-1");
  g_clear_pointer (&ids, g_free);
  g_assert_true (cl_sync_run (principal_laptop, pr, &r, &error));
  g_assert_no_error (error);
  ids = student_ids (principal_laptop);
  g_assert_cmpstr (ids, ==, "S-1 S-2");
  /* The staff of the schools a login works at, not the district's: Riverside's cm-3 stays
   * off both laptops, and out of reach through SQL too. */
  g_clear_pointer (&ids, g_free);
  ids = staff_ids (principal_laptop);
  g_assert_cmpstr (ids, ==, "cm-1 cm-2");
  g_clear_pointer (&ids, g_free);
  ids = staff_ids (f->b);
  g_assert_cmpstr (ids, ==, "cm-1 cm-2");
  seen = query (pr, "SELECT string_agg (key, ' ' ORDER BY key) FROM caseload.records WHERE tbl = 'staff'");
  g_assert_cmpstr (seen, ==, "cm-1 cm-2");
  g_clear_pointer (&seen, g_free);
  seen = query (pr, "SELECT count (*) FROM caseload.records WHERE tbl = 'staff' AND key = 'cm-3'");
  g_assert_cmpstr (seen, ==, "0");
  g_clear_pointer (&seen, g_free);
  seen = query (pr, "SELECT string_agg (key, ' ' ORDER BY key) FROM caseload.records WHERE tbl = 'school_calendars'");
  g_assert_cmpstr (seen, ==, "lincoln/0");
  g_clear_pointer (&seen, g_free);
  seen = query (f->url, "SELECT count (*) FROM caseload.records WHERE tbl = 'staff'");
  g_assert_cmpstr (seen, ==, "3");
  g_clear_pointer (&seen, g_free);

  seen = query (pr, "SELECT count (*) FROM caseload.records WHERE student_id = 'S-3'");
  g_assert_cmpstr (seen, ==, "0");
  g_clear_pointer (&seen, g_free);
  seen = query (cm1, "SELECT string_agg (DISTINCT student_id, ' ') FROM caseload.records");
  g_assert_cmpstr (seen, ==, "S-1");
  g_assert_true (refused (pr, "UPDATE caseload.records SET row = NULL WHERE student_id = 'S-1'"));
  g_assert_true (refused (cm1, "DELETE FROM caseload.records"));
  g_assert_true (refused (cm1, "SELECT caseload.apply_change (gen_random_uuid (), 'students', 'S-3', 'S-3', NULL, '{}', now ())"));

  g_assert_true (cl_store_update_event (principal_laptop, "S-2", 0, &moved, &error));
  g_assert_true (cl_sync_run (principal_laptop, pr, &r, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (r.pushed, ==, 1);
  g_assert_cmpuint (r.refused, ==, 1);
  assert_refused_then_discarded (f, principal_laptop, pr);

  moved.from = CL_REFERRAL_PARENT;
  g_assert_true (cl_store_update_event (f->b, "S-1", 0, &moved, &error));
  g_assert_true (cl_sync_run (f->b, cm1, &r, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (r.pushed, ==, 1);
  g_assert_cmpuint (r.refused, ==, 0);
  g_clear_pointer (&seen, g_free);
  seen = query (pr, "SELECT row ->> 'date' FROM caseload.records WHERE tbl = 'events' AND student_id = 'S-1'");
  g_assert_cmpstr (seen, ==, "2026-09-05");
}

/* Work done before the laptop ever synced is sent with its first sync: laptop A imports the
 * district's file, then syncs for the first time; B, empty, receives it all. */
static void
test_before_first_sync (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(ClCaseload) bundle = NULL;
  g_autoptr(ClCaseload) on_b = NULL;
  g_autoptr(GError) error = NULL;
  ClSyncResult r;

  init_server (f);
  bundle = cl_bundle_read_data (bundle_text, -1, &error);
  g_assert_no_error (error);
  g_assert_true (cl_store_import (f->a, bundle, FALSE, NULL, NULL, &error));
  g_assert_no_error (error);
  /* calendar, school, its calendar link, staff member, student, two events */
  r = sync_ok (f, f->a);
  g_assert_cmpuint (r.pushed, ==, 7);
  r = sync_ok (f, f->a);
  g_assert_cmpuint (r.pushed, ==, 0);
  r = sync_ok (f, f->b);
  g_assert_cmpuint (r.pulled, ==, 7);
  on_b = load (f->b);
  g_assert_cmpuint (student_of (on_b)->events->len, ==, 2);
}

/* A student reassigned to cm-1 after cm-1's laptop first synced comes whole with the next sync:
 * the student and the referral made long before. */
static void
test_newly_visible_student (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(ClCaseload) district = NULL;
  g_autoptr(ClCaseload) on_a = NULL;
  g_autoptr(ClCaseload) on_b = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *cm1 = g_strdup_printf ("%s user=cm1", f->url);
  g_autofree char *added = NULL;
  g_autofree char *ids = NULL;
  ClStudent *ben;
  ClEvent moved = event_on (CL_EVENT_REFERRAL, "2026-09-05");
  ClSyncResult r = { 0 };

  init_server (f);
  sync_ok (f, f->a);
  district = cl_bundle_read_data (district_text, -1, &error);
  g_assert_no_error (error);
  g_assert_true (cl_store_import (f->a, district, FALSE, NULL, NULL, &error));
  g_assert_no_error (error);
  sync_ok (f, f->a);
  added = query (f->url, "SELECT caseload.add_user ('cm1', 'synthetic-1', 'case_manager', 'cm-1', NULL)");
  g_assert_true (cl_sync_run (f->b, cm1, &r, &error));
  g_assert_no_error (error);
  ids = student_ids (f->b);
  g_assert_cmpstr (ids, ==, "S-1");
  /* cm-1's own student changes, so B's position passes every record of S-2's. */
  g_assert_true (cl_store_update_event (f->a, "S-1", 0, &moved, &error));
  g_assert_no_error (error);
  sync_ok (f, f->a);
  g_assert_true (cl_sync_run (f->b, cm1, &r, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (r.pulled, ==, 1);

  on_a = cl_store_load_caseload (f->a, &error);
  g_assert_no_error (error);
  ben = cl_caseload_lookup_student (on_a, "S-2");
  ben->case_manager = cl_caseload_lookup_staff (on_a, "cm-1");
  g_assert_true (cl_store_update_student (f->a, ben, &error));
  g_assert_no_error (error);
  sync_ok (f, f->a);

  g_assert_true (cl_sync_run (f->b, cm1, &r, &error));
  g_assert_no_error (error);
  g_clear_pointer (&ids, g_free);
  ids = student_ids (f->b);
  g_assert_cmpstr (ids, ==, "S-1 S-2");
  on_b = cl_store_load_caseload (f->b, &error);
  g_assert_no_error (error);
  ben = cl_caseload_lookup_student (on_b, "S-2");
  g_assert_cmpuint (ben->events->len, ==, 1);
  g_assert_cmpuint (g_array_index (ben->events, ClEvent, 0).date, ==, D ("2026-09-02"));
}

/* What a laptop reads of the district follows its students: when the principal's school gets a
 * case manager from elsewhere (cm-3, of Riverside), the principal's next sync brings cm-3's
 * record, written long before; when cm-1's student moves to Riverside, cm-1's brings Riverside's
 * calendar link and staff. Each laptop then names everyone its students' files name. */
static void
test_newly_needed_staff (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(ClCaseload) district = NULL;
  g_autoptr(ClCaseload) on_a = NULL;
  g_autoptr(ClCaseload) on_pr = NULL;
  g_autoptr(ClCaseload) on_cm = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(ClStore) principal_laptop = open_laptop (f, "principal.db");
  g_autofree char *cm1 = g_strdup_printf ("%s user=cm1", f->url);
  g_autofree char *pr = g_strdup_printf ("%s user=pr", f->url);
  g_autofree char *added = NULL;
  g_autofree char *ids = NULL;
  ClStudent *student;
  ClSchool *riverside;
  ClSyncResult r = { 0 };

  init_server (f);
  sync_ok (f, f->a);
  district = cl_bundle_read_data (district_text, -1, &error);
  g_assert_no_error (error);
  g_assert_true (cl_store_import (f->a, district, FALSE, NULL, NULL, &error));
  g_assert_no_error (error);
  sync_ok (f, f->a);
  added = query (f->url, "SELECT caseload.add_user ('cm1', 'synthetic-1', 'case_manager', 'cm-1', NULL),"
                         " caseload.add_user ('pr', 'synthetic-2', 'principal', NULL, ARRAY['lincoln'])");
  g_assert_true (cl_sync_run (principal_laptop, pr, &r, &error));
  g_assert_no_error (error);
  g_assert_true (cl_sync_run (f->b, cm1, &r, &error));
  g_assert_no_error (error);
  ids = staff_ids (principal_laptop);
  g_assert_cmpstr (ids, ==, "cm-1 cm-2");

  /* The admin: Ben (Lincoln) goes to cm-3; Ada, cm-1's, moves to Riverside. */
  on_a = cl_store_load_caseload (f->a, &error);
  g_assert_no_error (error);
  student = cl_caseload_lookup_student (on_a, "S-2");
  student->case_manager = cl_caseload_lookup_staff (on_a, "cm-3");
  g_assert_true (cl_store_update_student (f->a, student, &error));
  g_assert_no_error (error);
  sync_ok (f, f->a);

  g_assert_true (cl_sync_run (principal_laptop, pr, &r, &error));
  g_assert_no_error (error);
  g_clear_pointer (&ids, g_free);
  ids = staff_ids (principal_laptop);
  g_assert_cmpstr (ids, ==, "cm-1 cm-2 cm-3");
  on_pr = cl_store_load_caseload (principal_laptop, &error);
  g_assert_no_error (error);
  student = cl_caseload_lookup_student (on_pr, "S-2");
  g_assert_nonnull (student->case_manager);
  g_assert_cmpstr (student->case_manager->name, ==, "Case Manager Three");

  student = cl_caseload_lookup_student (on_a, "S-1");
  student->school = cl_caseload_lookup_school (on_a, "riverside");
  g_assert_true (cl_store_update_student (f->a, student, &error));
  g_assert_no_error (error);
  sync_ok (f, f->a);
  g_assert_true (cl_sync_run (f->b, cm1, &r, &error));
  g_assert_no_error (error);
  on_cm = cl_store_load_caseload (f->b, &error);
  g_assert_no_error (error);
  riverside = cl_caseload_lookup_school (on_cm, "riverside");
  g_assert_nonnull (riverside);
  g_assert_cmpuint (riverside->calendars->len, ==, 1);
  g_clear_pointer (&ids, g_free);
  ids = staff_ids (f->b);
  g_assert_cmpstr (ids, ==, "cm-1 cm-2 cm-3");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add ("/sync/server-init", Fixture, NULL, fixture_set_up, test_server_init, fixture_tear_down);
  g_test_add ("/sync/two-laptops", Fixture, NULL, fixture_set_up, test_two_laptops, fixture_tear_down);
  g_test_add ("/sync/same-field-conflict", Fixture, NULL, fixture_set_up, test_same_field_conflict, fixture_tear_down);
  g_test_add ("/sync/conflict-kept-and-settled", Fixture, NULL, fixture_set_up, test_conflict_kept_and_settled,
              fixture_tear_down);
  g_test_add ("/sync/delete-against-edit", Fixture, NULL, fixture_set_up, test_delete_against_edit, fixture_tear_down);
  g_test_add ("/sync/repeated-push", Fixture, NULL, fixture_set_up, test_repeated_push, fixture_tear_down);
  g_test_add ("/sync/roles", Fixture, NULL, fixture_set_up, test_roles, fixture_tear_down);
  g_test_add ("/sync/before-first-sync", Fixture, NULL, fixture_set_up, test_before_first_sync, fixture_tear_down);
  g_test_add ("/sync/newly-visible-student", Fixture, NULL, fixture_set_up, test_newly_visible_student,
              fixture_tear_down);
  g_test_add ("/sync/newly-needed-staff", Fixture, NULL, fixture_set_up, test_newly_needed_staff, fixture_tear_down);
  g_test_add ("/sync/server-down", Fixture, NULL, fixture_set_up, test_server_down, fixture_tear_down);
  return g_test_run ();
}
