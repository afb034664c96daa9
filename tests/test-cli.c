/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-cli.c — caseload-cli as a script or a principal uses it: exit codes, messages, output
 *
 * Runs the built caseload-cli (path in CASELOAD_CLI) on small bundles written here.
 */
#include <gio/gio.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sqlite3.h>
#include <unistd.h>
#include <json-glib/json-glib.h>

#define LINCOLN_CALENDAR \
  "\"calendars\": [{\"id\": \"lincoln-2026\", \"first_day\": \"2026-08-17\", \"last_day\": \"2027-06-10\"," \
  " \"closed\": [{\"from\": \"2026-11-23\", \"to\": \"2026-11-27\", \"label\": \"Thanksgiving\", \"holiday\": true}," \
  "  {\"from\": \"2026-12-21\", \"to\": \"2027-01-01\", \"label\": \"Winter break\"}]}]," \
  " \"schools\": [{\"id\": \"lincoln\", \"name\": \"Lincoln Middle School\", \"calendars\": [\"lincoln-2026\"]}]," \
  " \"staff\": [],"

/* rules.md §6 example 1: a referral before winter break; the plan is due 2027-01-10. */
static const char *good_bundle =
  "{\"format\": \"caseload-bundle/1\", \"jurisdiction\": \"CA\", " LINCOLN_CALENDAR
  " \"students\": [{\"id\": \"S-1\", \"first_name\": \"Ana\", \"last_name\": \"Test\", \"birth_date\": \"2014-05-01\","
  "  \"school\": \"lincoln\", \"unknown_field\": {\"kept\": true},"
  "  \"events\": [{\"type\": \"referral\", \"date\": \"2026-12-10\", \"source\": \"parent\"}], \"meetings\": []}]}";

static const char *bad_date_bundle =
  "{\"format\": \"caseload-bundle/1\", \"jurisdiction\": \"CA\", " LINCOLN_CALENDAR
  " \"students\": [{\"id\": \"S-1\", \"first_name\": \"Ana\", \"last_name\": \"Test\", \"birth_date\": \"2014-05-01\","
  "  \"school\": \"lincoln\", \"events\": [{\"type\": \"referral\", \"date\": \"2026-02-30\"}], \"meetings\": []}]}";

typedef struct {
  int   status;
  char *out;
  char *err;
} Run;

static void
run_clear (Run *run)
{
  g_free (run->out);
  g_free (run->err);
}

static char *
write_temp (const char *contents)
{
  g_autoptr(GError) error = NULL;
  char *path = NULL;
  int fd = g_file_open_tmp ("caseload-cli-XXXXXX.json", &path, &error);

  g_assert_no_error (error);
  close (fd);
  g_assert_true (g_file_set_contents (path, contents, -1, NULL));
  return path;
}

static Run
run_cli (const char *first, ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GSubprocess) proc = NULL;
  g_autoptr(GError) error = NULL;
  Run run = { 0 };
  const char *arg;
  va_list ap;

  g_ptr_array_add (argv, (gpointer) g_getenv ("CASELOAD_CLI"));
  va_start (ap, first);
  for (arg = first; arg != NULL; arg = va_arg (ap, const char *))
    g_ptr_array_add (argv, (gpointer) arg);
  va_end (ap);
  g_ptr_array_add (argv, NULL);

  proc = g_subprocess_newv ((const char * const *) argv->pdata,
                            G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (proc, NULL, NULL, &run.out, &run.err, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (proc));
  run.status = g_subprocess_get_exit_status (proc);
  return run;
}

static void
test_version_and_help (void)
{
  Run run = run_cli ("--version", NULL);

  g_assert_cmpint (run.status, ==, 0);
  g_assert_true (g_str_has_prefix (run.out, "caseload-cli "));
  run_clear (&run);

  run = run_cli ("--help", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "alerts"));
  run_clear (&run);

  run = run_cli ("frobnicate", NULL);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_nonnull (strstr (run.err, "frobnicate"));
  run_clear (&run);
}

static void
test_alerts_json (void)
{
  g_autofree char *path = write_temp (good_bundle);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  Run run = run_cli ("alerts", "--bundle", path, "--today", "2026-12-15", NULL);
  JsonArray *alerts;
  JsonObject *plan = NULL;

  g_assert_cmpstr (run.err, ==, "");
  g_assert_cmpint (run.status, ==, 0);
  g_assert_true (json_parser_load_from_data (parser, run.out, -1, &error));
  g_assert_no_error (error);
  alerts = json_node_get_array (json_parser_get_root (parser));
  for (guint i = 0; i < json_array_get_length (alerts); i++)
    {
      JsonObject *a = json_array_get_object_element (alerts, i);
      if (g_str_equal (json_object_get_string_member (a, "rule"), "assessment_plan_due"))
        plan = a;
    }
  g_assert_nonnull (plan);
  g_assert_cmpstr (json_object_get_string_member (plan, "student"), ==, "S-1");
  g_assert_cmpstr (json_object_get_string_member (plan, "due"), ==, "2027-01-10");
  g_assert_cmpstr (json_object_get_string_member (plan, "status"), ==, "upcoming");
  g_assert_cmpstr (json_object_get_string_member (plan, "severity"), ==, "info");
  g_assert_cmpstr (json_object_get_string_member (plan, "citation"), ==, "EC 56321(a), EC 56043(a)");
  g_assert_true (json_object_get_null_member (plan, "met_on"));
  g_assert_false (json_object_get_boolean_member (plan, "estimated"));
  {
    JsonObject *basis = json_object_get_object_member (plan, "basis");
    g_assert_cmpstr (json_object_get_string_member (basis, "from"), ==, "2026-12-10");
    g_assert_cmpstr (json_object_get_string_member (basis, "from_event"), ==, "referral");
    g_assert_cmpstr (json_object_get_string_member (basis, "counted"), ==,
                     "15 days, not counting 16 days of Winter break");
  }
  run_clear (&run);
  g_unlink (path);
}

static void
test_alerts_text (void)
{
  g_autofree char *path = write_temp (good_bundle);
  Run run = run_cli ("alerts", "--bundle", path, "--today", "2027-01-11", "--format", "text", NULL);

  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "S-1 — Ana Test (Lincoln Middle School)"));
  g_assert_nonnull (strstr (run.out, "OVERDUE   2027-01-10  assessment_plan_due"));
  g_assert_nonnull (strstr (run.out, "EC 56321(a)"));
  run_clear (&run);
  g_unlink (path);
}

static void
test_bad_input (void)
{
  g_autofree char *bad = write_temp (bad_date_bundle);
  g_autofree char *truncated = write_temp ("{\"format\": \"caseload-bundle/1\", \"students\": [");
  Run run = run_cli ("alerts", "--bundle", bad, NULL);

  g_assert_cmpint (run.status, ==, 1);
  g_assert_cmpstr (run.out, ==, "");
  g_assert_nonnull (strstr (run.err, "students[0].events[0].date"));
  g_assert_nonnull (strstr (run.err, "2026-02-30"));
  run_clear (&run);

  run = run_cli ("alerts", "--bundle", truncated, NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_cmpstr (run.out, ==, "");
  run_clear (&run);

  run = run_cli ("alerts", "--bundle", "/nonexistent/bundle.json", NULL);
  g_assert_cmpint (run.status, ==, 1);
  run_clear (&run);

  run = run_cli ("alerts", "--bundle", bad, "--today", "2026-13-01", NULL);
  g_assert_cmpint (run.status, ==, 2);
  run_clear (&run);

  run = run_cli ("alerts", NULL);
  g_assert_cmpint (run.status, ==, 2);
  run_clear (&run);

  run = run_cli ("alerts", "--bundle", bad, "--format", "xml", NULL);
  g_assert_cmpint (run.status, ==, 2);
  run_clear (&run);

  g_unlink (bad);
  g_unlink (truncated);
}

static void
test_unknown_student (void)
{
  g_autofree char *path = write_temp (good_bundle);
  Run run = run_cli ("alerts", "--bundle", path, "--student", "S-404", NULL);

  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "S-404"));
  run_clear (&run);
  g_unlink (path);
}

static char *
checksum (const char *path)
{
  g_autofree char *contents = NULL;
  gsize length = 0;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents, length);
}

static void
test_database_commands (void)
{
  g_autofree char *dir = g_dir_make_tmp ("caseload-cli-XXXXXX", NULL);
  g_autofree char *db = g_build_filename (dir, "c.db", NULL);
  g_autofree char *backup = g_build_filename (dir, "c-backup.db", NULL);
  g_autofree char *out1 = g_build_filename (dir, "out1.json", NULL);
  g_autofree char *out2 = g_build_filename (dir, "out2.json", NULL);
  g_autofree char *db2 = g_build_filename (dir, "c2.db", NULL);
  g_autofree char *good = write_temp (good_bundle);
  g_autofree char *bad = write_temp (bad_date_bundle);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;
  Run run;

  run = run_cli ("import", "--db", db, good, NULL);
  g_assert_cmpint (run.status, ==, 0);
  run_clear (&run);
  run = run_cli ("check", "--db", db, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "ok"));
  run_clear (&run);

  /* A bad bundle names the JSON path and leaves the database exactly as it was. */
  run = run_cli ("backup", "--db", db, "-o", backup, NULL);
  g_assert_cmpint (run.status, ==, 0);
  run_clear (&run);
  before = checksum (db);
  run = run_cli ("import", "--db", db, bad, NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "students[0].events[0].date"));
  run_clear (&run);
  after = checksum (db);
  g_assert_cmpstr (before, ==, after);

  /* export -> import -> export is the same text. */
  run = run_cli ("export", "--db", db, "-o", out1, NULL);
  g_assert_cmpint (run.status, ==, 0);
  run_clear (&run);
  run = run_cli ("import", "--db", db2, out1, NULL);
  g_assert_cmpint (run.status, ==, 0);
  run_clear (&run);
  run = run_cli ("export", "--db", db2, "-o", out2, NULL);
  g_assert_cmpint (run.status, ==, 0);
  run_clear (&run);
  g_assert_true (g_file_get_contents (out1, &a, NULL, NULL));
  g_assert_true (g_file_get_contents (out2, &b, NULL, NULL));
  g_assert_cmpstr (a, ==, b);
  g_assert_nonnull (strstr (a, "\"unknown_field\": {\"kept\":true}"));

  /* alerts from the database are the alerts from the bundle. */
  {
    Run from_db = run_cli ("alerts", "--db", db, "--today", "2026-12-15", NULL);
    Run from_bundle = run_cli ("alerts", "--bundle", good, "--today", "2026-12-15", NULL);

    g_assert_cmpint (from_db.status, ==, 0);
    g_assert_cmpstr (from_db.out, ==, from_bundle.out);
    run_clear (&from_db);
    run_clear (&from_bundle);
  }

  /* Not a database: refused, untouched. */
  run = run_cli ("check", "--db", good, NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "not a Caseload database"));
  run_clear (&run);

  /* Not while another program has the database open, even idle (a window between edits): that
   * connection would write on into the file set aside. Refused, nothing moved. */
  {
    g_autofree char *kept = g_strconcat (db, ".before-restore", NULL);
    sqlite3 *window = NULL;
    sqlite3_stmt *stmt = NULL;

    g_assert_cmpint (sqlite3_open_v2 (db, &window, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_prepare_v2 (window, "SELECT count(*) FROM students", -1, &stmt, NULL), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
    sqlite3_finalize (stmt);
    run = run_cli ("restore", "--db", db, backup, NULL);
    g_assert_cmpint (run.status, ==, 1);
    g_assert_nonnull (strstr (run.err, "is open in Caseload or another program"));
    g_assert_false (g_file_test (kept, G_FILE_TEST_EXISTS));
    run_clear (&run);
    sqlite3_close (window);
  }
  run = run_cli ("restore", "--db", db, backup, NULL);
  g_assert_cmpint (run.status, ==, 0);
  run_clear (&run);
  /* -o naming a link (as /dev/stdout is one) or a device writes into what it names: renamed over,
   * the link would become a private file (a device too: /dev/null once did). A backup, which
   * must be a file, is refused there. */
  {
    g_autofree char *target = g_build_filename (dir, "target.out", NULL);
    g_autofree char *link = g_build_filename (dir, "link.out", NULL);
    g_autofree char *written = NULL;
    static const char * const how[][2] = { { "--ics", NULL }, { NULL, NULL } };

    for (guint i = 0; i < G_N_ELEMENTS (how); i++)
      {
        GStatBuf st;

        g_unlink (link);
        g_assert_true (g_file_set_contents (target, "", 0, NULL));
        g_assert_cmpint (symlink (target, link), ==, 0);
        run = how[i][0] ? run_cli ("export", "--db", db, how[i][0], "-o", link, NULL)
                        : run_cli ("export", "--db", db, "-o", link, NULL);
        g_assert_cmpint (run.status, ==, 0);
        run_clear (&run);
        g_assert_cmpint (g_lstat (link, &st), ==, 0);
        g_assert_true (S_ISLNK (st.st_mode));
        g_assert_true (g_file_get_contents (target, &written, NULL, NULL));
        g_assert_true (g_str_has_prefix (written, how[i][0] ? "BEGIN:VCALENDAR" : "{"));
        g_clear_pointer (&written, g_free);
      }
    run = run_cli ("backup", "--db", db, "-o", link, NULL);
    g_assert_cmpint (run.status, ==, 1);
    g_assert_nonnull (strstr (run.err, "not a file"));
    run_clear (&run);
    g_assert_true (g_file_test (link, G_FILE_TEST_IS_SYMLINK));
    g_unlink (link);
    g_unlink (target);
  }
  run = run_cli ("export", "--db", db, "--ics", "-o", "-", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_true (g_str_has_prefix (run.out, "BEGIN:VCALENDAR"));
  run_clear (&run);

  g_unlink (good);
  g_unlink (bad);
}


/* alerts --db and export read the database one student at a time (cl-store-stream.c): the same
 * bytes as from the bundle, an export file private and whole or not there at all, and a run
 * that cannot compute every student prints nothing. */
static void
test_streamed (void)
{
  g_autofree char *dir = g_dir_make_tmp ("caseload-cli-XXXXXX", NULL);
  g_autofree char *bundle = g_build_filename (dir, "district.json", NULL);
  g_autofree char *db = g_build_filename (dir, "district.db", NULL);
  g_autofree char *out = g_build_filename (dir, "export.json", NULL);
  g_autofree char *bad_db = g_build_filename (dir, "bad.db", NULL);
  g_autofree char *bad = NULL;
  g_autofree char *exported = NULL;
  g_autoptr(GDir) listing = NULL;
  const char *formats[] = { "json", "text" };
  const char *name;
  GStatBuf st;
  Run run;

  run = run_cli ("demo", "--students", "400", "--seed", "3", "--today", "2026-12-01", "-o", bundle, NULL);
  g_assert_cmpint (run.status, ==, 0);
  run_clear (&run);
  run = run_cli ("import", "--db", db, bundle, NULL);
  g_assert_cmpint (run.status, ==, 0);
  run_clear (&run);

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      Run from_db = run_cli ("alerts", "--db", db, "--today", "2026-12-15", "--format", formats[i], NULL);
      Run from_bundle = run_cli ("alerts", "--bundle", bundle, "--today", "2026-12-15", "--format", formats[i], NULL);

      g_assert_cmpint (from_db.status, ==, 0);
      g_assert_cmpuint (strlen (from_db.out), >, 100000);
      g_assert_cmpstr (from_db.out, ==, from_bundle.out);
      run_clear (&from_db);
      run_clear (&from_bundle);
    }
  {
    Run from_db = run_cli ("alerts", "--db", db, "--today", "2026-12-15", "--student", "S-000123", NULL);
    Run from_bundle = run_cli ("alerts", "--bundle", bundle, "--today", "2026-12-15", "--student", "S-000123", NULL);

    g_assert_cmpint (from_db.status, ==, 0);
    g_assert_nonnull (strstr (from_db.out, "\"S-000123\""));
    g_assert_cmpstr (from_db.out, ==, from_bundle.out);
    run_clear (&from_db);
    run_clear (&from_bundle);
  }
  run = run_cli ("alerts", "--db", db, "--student", "S-404", NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "S-404"));
  g_assert_cmpstr (run.out, ==, "");
  run_clear (&run);

  /* The export: the text of the bundle imported, mode 0600, nothing left beside it. */
  run = run_cli ("export", "--db", db, "-o", out, NULL);
  g_assert_cmpint (run.status, ==, 0);
  run_clear (&run);
  g_assert_cmpint (g_stat (out, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  g_assert_true (g_file_get_contents (out, &exported, NULL, NULL));
  run = run_cli ("export", "--db", db, "-o", "-", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.out, ==, exported);
  run_clear (&run);
  /* Over an existing file: replaced whole. */
  g_assert_true (g_file_set_contents (out, "old", -1, NULL));
  run = run_cli ("export", "--db", db, "-o", out, NULL);
  g_assert_cmpint (run.status, ==, 0);
  run_clear (&run);
  g_free (exported);
  g_assert_true (g_file_get_contents (out, &exported, NULL, NULL));
  g_assert_true (g_str_has_prefix (exported, "{\n  \"format\": \"caseload-bundle/1\""));
  run = run_cli ("export", "--db", db, "-o", "/nonexistent/export.json", NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "/nonexistent/export.json"));
  run_clear (&run);
  listing = g_dir_open (dir, 0, NULL);
  while ((name = g_dir_read_name (listing)) != NULL)
    g_assert_false (g_str_has_prefix (name, ".export.json."));

  /* A student of a rule pack this Caseload does not have: the first such student is named, as
   * from the bundle, and nothing is printed. */
  bad = write_temp ("{\"format\": \"caseload-bundle/1\", \"jurisdiction\": \"CA\", " LINCOLN_CALENDAR
                    " \"students\": [{\"id\": \"S-1\", \"birth_date\": \"2014-05-01\", \"school\": \"lincoln\","
                    "  \"events\": [{\"type\": \"referral\", \"date\": \"2026-12-10\"}], \"meetings\": []},"
                    " {\"id\": \"S-3\", \"birth_date\": \"2014-05-01\", \"school\": \"lincoln\", \"jurisdiction\": \"ZZ\","
                    "  \"events\": [], \"meetings\": []},"
                    " {\"id\": \"S-2\", \"birth_date\": \"2014-05-01\", \"school\": \"lincoln\", \"jurisdiction\": \"ZZ\","
                    "  \"events\": [], \"meetings\": []}]}");
  run = run_cli ("import", "--db", bad_db, bad, NULL);
  g_assert_cmpint (run.status, ==, 0);
  run_clear (&run);
  {
    Run from_db = run_cli ("alerts", "--db", bad_db, NULL);
    Run from_bundle = run_cli ("alerts", "--bundle", bad, NULL);

    g_assert_cmpint (from_db.status, ==, 1);
    g_assert_cmpstr (from_db.out, ==, "");
    g_assert_nonnull (strstr (from_db.err, "student S-2: "));
    g_assert_nonnull (strstr (from_bundle.err, "student S-2: "));
    run_clear (&from_db);
    run_clear (&from_bundle);
  }
  g_unlink (bad);
  g_dir_rewind (listing);
  while ((name = g_dir_read_name (listing)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_unlink (path);
    }
  g_rmdir (dir);
}

/* caseload-cli import-calendar on an empty database with the README's example feed: the school is
 * created with its year; the same feed again changes nothing; a bad file or a second school of
 * the same name is refused and the database stays as it was. */
static void
test_import_calendar (void)
{
  g_autofree char *dir = g_dir_make_tmp ("caseload-cli-ics-XXXXXX", NULL);
  g_autofree char *db = g_build_filename (dir, "c.db", NULL);
  g_autofree char *ics = g_test_build_filename (G_TEST_DIST, "..", "data", "examples", "district-calendar-2026-27.ics", NULL);
  g_autofree char *not_ics = write_temp ("Student ID,DOB\nS-1,1/2/2014\n");
  g_autofree char *before = NULL;
  Run run;

  run = run_cli ("import-calendar", "--db", db, ics, NULL);
  g_assert_cmpint (run.status, ==, 2);
  run_clear (&run);

  run = run_cli ("import-calendar", "--db", db, "--school", "Lincoln Middle School", ics, NULL);
  g_assert_cmpint (run.status, ==, 0);
  /* 13 all-day events: the first and last day, 10 closures, one minimum day; one timed event. */
  g_assert_nonnull (strstr (run.out, "New school \"Lincoln Middle School\" (id lincoln-middle-school)"));
  g_assert_nonnull (strstr (run.out, "school year 2026-27, 2026-08-17 to 2027-06-10: 10 closed ranges (7 holidays, 3 breaks); 2 events"));
  g_assert_nonnull (strstr (run.out, "Saved as lincoln-middle-school-2026, 11 changes audited."));
  run_clear (&run);

  run = run_cli ("export", "--db", db, "-o", "-", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "{\"from\": \"2026-11-23\", \"to\": \"2026-11-27\", \"label\": \"Thanksgiving Break\", \"holiday\": false}"));
  before = g_steal_pointer (&run.out);
  run_clear (&run);

  run = run_cli ("import-calendar", "--db", db, "--school", "lincoln-middle-school", ics, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "already had this school year: nothing changed"));
  run_clear (&run);

  run = run_cli ("import-calendar", "--db", db, "--school", "lincoln-middle-school", not_ics, NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "not an iCalendar file"));
  run_clear (&run);
  run = run_cli ("import-calendar", "--db", db, "--school", "lincoln-middle-school", "--closed-if", "(", ics, NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "--closed-if \"(\" is not a regular expression"));
  run_clear (&run);

  /* --not-closed-if with --dry-run: printed as it would be, nothing saved. */
  run = run_cli ("import-calendar", "--db", db, "--school", "lincoln-middle-school", "--not-closed-if", "veterans",
                 "--dry-run", ics, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "9 closed ranges (6 holidays, 3 breaks); 3 events"));
  g_assert_nonnull (strstr (run.out, "Dry run: nothing was saved."));
  run_clear (&run);

  run = run_cli ("export", "--db", db, "-o", "-", NULL);
  g_assert_cmpstr (run.out, ==, before);
  run_clear (&run);
  g_unlink (not_ics);
}

/* caseload-cli import-csv with the README's example export (Windows-1252, CRLF, US dates, CALPADS
 * codes, an extra column) after its calendar: the students, schools and case managers it names;
 * the file's due dates against Caseload's; the same file again changes nothing; a bad row changes
 * nothing and says where; --dry-run writes nothing. */
static void
test_import_csv (void)
{
  g_autofree char *dir = g_dir_make_tmp ("caseload-cli-csv-XXXXXX", NULL);
  g_autofree char *db = g_build_filename (dir, "c.db", NULL);
  g_autofree char *ics = g_test_build_filename (G_TEST_DIST, "..", "data", "examples", "district-calendar-2026-27.ics", NULL);
  g_autofree char *csv = g_test_build_filename (G_TEST_DIST, "..", "data", "examples", "iep-system-export.csv", NULL);
  g_autofree char *bad = write_temp ("Student ID,First Name,Last Name,DOB,School\r\n"
                                     "S-3001,Mia,Lund,1/2/2013,Lincoln Middle School\r\n"
                                     "S-3002,Noa,Berg,13/45/2011,Lincoln Middle School\r\n");
  g_autofree char *map = write_temp ("{\"columns\": {\"Pupil\": \"id\", \"Born\": \"birth_date\"}}");
  g_autofree char *mapped = write_temp ("Pupil,First Name,Last Name,Born,School\nS-3003,Ida,Sund,5/6/2014,Lincoln Middle School\n");
  g_autofree char *before = NULL;
  Run run;

  /* No calendar yet: refused, with what to do. */
  run = run_cli ("import-csv", "--db", db, csv, NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "this database has no school calendar yet"));
  run_clear (&run);

  run = run_cli ("import-calendar", "--db", db, "--school", "Lincoln Middle School", ics, NULL);
  g_assert_cmpint (run.status, ==, 0);
  run_clear (&run);

  run = run_cli ("import-csv", "--db", db, "--dry-run", csv, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "Students: 6 new, 0 updated, 0 unchanged"));
  g_assert_nonnull (strstr (run.out, "Dry run: nothing was saved."));
  run_clear (&run);
  run = run_cli ("export", "--db", db, "-o", "-", NULL);
  g_assert_null (strstr (run.out, "S-2001"));
  run_clear (&run);

  run = run_cli ("import-csv", "--db", db, "--today", "2026-12-07", csv, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "Read 6 rows (Windows-1252: the file is not UTF-8, comma-separated). "
                                     "Columns not read: \"Parent Contact\"."));
  g_assert_nonnull (strstr (run.out, "New school \"Riverside High School\" (id riverside-high-school)"));
  g_assert_nonnull (strstr (run.out, "New case manager \"Ana Ramos\" (id ana-ramos)."));
  g_assert_nonnull (strstr (run.out, "New case manager \"Marcus Lee\" (id marcus-lee)."));
  g_assert_nonnull (strstr (run.out, "Students: 6 new, 0 updated, 0 unchanged"));
  /* Worked by hand: S-2003's last annual meeting 2026-02-27 + 1 year = 2027-02-27 (the file says
   * 2/26/2027); S-2006's 2026-01-15 + 1 year = 2027-01-15 (the file says 1/20/2027). The other
   * rows' Next Annual and Next Triennial dates are their meetings' + 1 and + 3 years. */
  g_assert_nonnull (strstr (run.out, "differ (2):"));
  g_assert_nonnull (strstr (run.out, "S-2003 Kate O'Brien, annual review: the file says February 26, 2027 (row 4, \"Next Annual IEP\"), Caseload February 27, 2027"));
  g_assert_nonnull (strstr (run.out, "S-2006 Amina Mohammed, annual review: the file says January 20, 2027 (row 7, \"Next Annual IEP\"), Caseload January 15, 2027"));
  run_clear (&run);

  run = run_cli ("export", "--db", db, "-o", "-", NULL);
  g_assert_nonnull (strstr (run.out, "\"id\": \"S-2004\", \"first_name\": \"Jos\u00e9\", \"last_name\": \"Ram\u00edrez\""));
  g_assert_nonnull (strstr (run.out, "\"eligibility\": {\"primary\": \"OHI\"}"));
  before = g_steal_pointer (&run.out);
  run_clear (&run);

  /* The alerts afterwards are the engine's on that data. */
  run = run_cli ("alerts", "--db", db, "--today", "2026-12-07", "--student", "S-2003", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "\"rule\": \"annual_review_due\", \"due\": \"2027-02-27\""));
  run_clear (&run);

  run = run_cli ("import-csv", "--db", db, csv, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "Students: 0 new, 0 updated, 6 unchanged; 0 IEP meetings added"));
  run_clear (&run);
  run = run_cli ("import-csv", "--db", db, bad, NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "1 problem; nothing was changed:\n  row 3, column \"DOB\": \"13/45/2011\" is not a date\n"));
  run_clear (&run);
  run = run_cli ("export", "--db", db, "-o", "-", NULL);
  g_assert_cmpstr (run.out, ==, before);
  run_clear (&run);

  run = run_cli ("import-csv", "--db", db, "--map", map, mapped, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "Students: 1 new, 0 updated, 0 unchanged"));
  run_clear (&run);
  run = run_cli ("import-csv", "--db", db, NULL);
  g_assert_cmpint (run.status, ==, 2);
  run_clear (&run);
  g_unlink (bad);
  g_unlink (map);
  g_unlink (mapped);
}

/* caseload-cli render: every document kind for a demo student who has what it needs; and a wrong
 * student, meeting, document or language exits 1 with one line saying so, and writes no file. */
static void
test_render (void)
{
  g_autofree char *demo = g_test_build_filename (G_TEST_DIST, "..", "data", "demo", "demo-caseload.json", NULL);
  g_autofree char *dir = g_dir_make_tmp ("caseload-render-XXXXXX", NULL);
  g_autofree char *out = g_build_filename (dir, "out.pdf", NULL);
  struct { const char *kind; const char *student; const char *lang; } good[] = {
    { "meeting-notice", "S-1002", "en" },
    { "student-summary", "S-1002", "es" },
    { "prior-written-notice", "S-1035", "es" },
    { "excusal", "S-1010", "en" },
    { "age-of-majority", "S-1021", "es" },
    { "rights-transfer", "S-1040", "en" },
    { "mdr", "S-1027", "en" },
    { "transition", "S-1026", "es" },
  };
  struct { const char *what; const char *arg[4]; const char *message; } bad[] = {
    { "student", { "--student", "S-404", "--doc", "mdr" }, "S-404" },
    { "meeting", { "--student", "S-1035", "--meeting", "m-404" }, "m-404" },
    { "document", { "--student", "S-1035", "--doc", "permission-slip" }, "permission-slip" },
    { "language", { "--student", "S-1035", "--lang", "fr" }, "“fr”" },
    { "nothing to say", { "--student", "S-1001", "--doc", "mdr" }, "no disciplinary removal" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      g_autofree char *contents = NULL;
      gsize length = 0;
      GStatBuf st;
      Run run = run_cli ("render", "--bundle", demo, "--today", "2026-11-24", "--student", good[i].student,
                         "--doc", good[i].kind, "--lang", good[i].lang, "-o", out, NULL);

      if (run.status != 0)
        g_error ("render %s: exit %d: %s", good[i].kind, run.status, run.err);
      g_assert_cmpstr (run.err, ==, "");
      g_assert_true (g_file_get_contents (out, &contents, &length, NULL));
      g_assert_true (g_str_has_prefix (contents, "%PDF-"));
      /* A letter about a student is the user's alone. */
      g_assert_cmpint (g_stat (out, &st), ==, 0);
      g_assert_cmpint (st.st_mode & 0777, ==, 0600);
      g_unlink (out);
      run_clear (&run);
    }

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      /* --doc given twice: the last one wins, so each case can override the default. */
      Run run = run_cli ("render", "--bundle", demo, "--today", "2026-11-24", "--doc", "excusal",
                         bad[i].arg[0], bad[i].arg[1], bad[i].arg[2], bad[i].arg[3], "-o", out, NULL);
      const char *newline = strchr (run.err, '\n');

      if (run.status != 1)
        g_error ("unknown %s: exit %d, not 1: %s", bad[i].what, run.status, run.err);
      g_assert_nonnull (strstr (run.err, bad[i].message));
      g_assert_true (g_str_has_prefix (run.err, "caseload-cli render: "));
      /* One line. */
      g_assert_nonnull (newline);
      g_assert_cmpstr (newline + 1, ==, "");
      g_assert_cmpstr (run.out, ==, "");
      g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));
      run_clear (&run);
    }

  /* A usage mistake is still 2. */
  {
    Run run = run_cli ("render", "--bundle", demo, "--doc", "mdr", NULL);
    g_assert_cmpint (run.status, ==, 2);
    g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));
    run_clear (&run);
  }
  g_rmdir (dir);
}

/* The bench's search, open_student and CPU-time measures are there, in both formats, and sane. */
static void
test_bench_search_and_open (void)
{
  Run run = run_cli ("bench", "--students", "200", "--events", "6", "--format", "json", NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonObject *root;

  g_assert_cmpint (run.status, ==, 0);
  g_assert_true (json_parser_load_from_data (parser, run.out, -1, &error));
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  for (guint i = 0; i < 2; i++)
    {
      const char *name = i == 0 ? "search" : "open_student";
      JsonObject *m = json_object_get_object_member (root, name);

      g_assert_nonnull (m);
      g_assert_cmpstr (json_object_get_string_member (m, "unit"), ==, "ms");
      g_assert_cmpfloat (json_object_get_double_member (m, "value"), >=, 0);
      g_assert_cmpfloat (json_object_get_double_member (m, "value"), <, 1000);
    }
  /* CPU time beside the wall time of what a loaded machine makes slow; the linearity check only
   * from 20,000 students. */
  for (guint i = 0; i < 3; i++)
    {
      static const char * const names[] = { "import_cpu", "alerts_db_cpu", "raw_read_cpu" };
      JsonObject *m = json_object_get_object_member (root, names[i]);

      g_assert_nonnull (m);
      g_assert_cmpstr (json_object_get_string_member (m, "unit"), ==, "ms");
      g_assert_cmpfloat (json_object_get_double_member (m, "value"), >, 0);
    }
  g_assert_nonnull (json_object_get_object_member (root, "import"));
  g_assert_false (json_object_has_member (root, "import_growth"));
  run_clear (&run);

  run = run_cli ("bench", "--students", "200", "--events", "6", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "\nsearch "));
  g_assert_nonnull (strstr (run.out, "\nopen_student "));
  run_clear (&run);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_assert_nonnull (g_getenv ("CASELOAD_CLI"));
  g_test_add_func ("/cli/version-and-help", test_version_and_help);
  g_test_add_func ("/cli/alerts-json", test_alerts_json);
  g_test_add_func ("/cli/alerts-text", test_alerts_text);
  g_test_add_func ("/cli/bad-input", test_bad_input);
  g_test_add_func ("/cli/unknown-student", test_unknown_student);
  g_test_add_func ("/cli/database-commands", test_database_commands);
  g_test_add_func ("/cli/streamed", test_streamed);
  g_test_add_func ("/cli/import-calendar", test_import_calendar);
  g_test_add_func ("/cli/import-csv", test_import_csv);
  g_test_add_func ("/cli/render", test_render);
  g_test_add_func ("/cli/bench-search-and-open", test_bench_search_and_open);
  return g_test_run ();
}
