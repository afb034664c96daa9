/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-store-setup.c — schools, staff and school years as a district's set-up brings them: one
 * audited transaction each, a school year replaced whole, and a refusal that changes nothing */
#include <glib/gstdio.h>
#include <locale.h>
#include <libintl.h>
#include <sqlite3.h>
#include <string.h>

#include "config.h"
#include "cl-bundle-reader.h"
#include "cl-store.h"
#include "cl-test-util.h"

/* Two schools sharing one district calendar, as many districts publish a single one. */
static const char bundle_text[] =
  "{\"format\": \"caseload-bundle/1\", \"jurisdiction\": \"CA\","
  " \"calendars\": [{\"id\": \"district-2026\", \"first_day\": \"2026-08-17\", \"last_day\": \"2027-06-10\","
  "   \"closed\": [{\"from\": \"2026-11-23\", \"to\": \"2026-11-27\", \"label\": \"Thanksgiving\", \"holiday\": true}]},"
  "  {\"id\": \"district-2025\", \"first_day\": \"2025-08-18\", \"last_day\": \"2026-06-11\", \"closed\": []}],"
  " \"schools\": [{\"id\": \"lincoln\", \"name\": \"Lincoln Middle School\", \"calendars\": [\"district-2025\", \"district-2026\"]},"
  "  {\"id\": \"riverside\", \"name\": \"Riverside High School\", \"calendars\": [\"district-2026\"]},"
  "  {\"id\": \"twin-a\", \"name\": \"Twin\", \"calendars\": [\"district-2026\"]},"
  "  {\"id\": \"twin-b\", \"name\": \"Twin\", \"calendars\": [\"district-2026\"]}],"
  " \"staff\": [], \"students\": []}";

typedef struct {
  char    *dir;
  char    *path;
  ClStore *store;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(ClCaseload) bundle = NULL;
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("caseload-setup-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, "caseload.db", NULL);
  bundle = cl_bundle_read_data (bundle_text, -1, &error);
  g_assert_no_error (error);
  f->store = cl_store_open (f->path, TRUE, &error);
  g_assert_no_error (error);
  g_assert_true (cl_store_import (f->store, bundle, FALSE, NULL, NULL, &error));
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

static int
count (Fixture    *f,
       const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  int n = -1;

  g_assert_cmpint (sqlite3_open_v2 (f->path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    n = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return n;
}

static char *
export (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  char *json = cl_store_export (f->store, NULL, NULL, &error);

  g_assert_no_error (error);
  return json;
}

/* A 2026-27 year as a feed gives it, with a break and a holiday. */
static ClCalendarYear *
year_2026 (const char *id)
{
  ClCalendarYear *y = cl_calendar_year_new (id, D ("2026-08-19"), D ("2027-06-09"));

  cl_calendar_year_add_closed (y, D ("2026-11-23"), D ("2026-11-27"), "Thanksgiving Break", FALSE);
  cl_calendar_year_add_closed (y, D ("2027-01-18"), D ("2027-01-18"), "Martin Luther King Jr. Day", TRUE);
  return y;
}

static void
test_replace_shared_year (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(ClCalendarYear) y = year_2026 ("lincoln-2026");
  g_autoptr(GError) error = NULL;
  g_autoptr(ClCaseload) c = NULL;
  ClSchool *lincoln, *riverside;
  guint changes = 99;
  int audit = count (f, "SELECT count(*) FROM audit");

  g_assert_true (cl_store_set_school_year (f->store, "lincoln", NULL, y, &changes, &error));
  g_assert_no_error (error);
  /* Went: the old session and Thanksgiving; came: the new session, the break and MLK day. */
  g_assert_cmpuint (changes, ==, 5);
  g_assert_cmpint (count (f, "SELECT count(*) FROM audit"), ==, audit + 5);
  g_assert_cmpint (count (f, "SELECT count(*) FROM audit WHERE row_key = 'lincoln-2026' AND old_value = "
                             "'closed 2026-11-23..2026-11-27 Thanksgiving (holiday)' AND new_value IS NULL"), ==, 1);

  c = cl_store_load_caseload (f->store, &error);
  g_assert_no_error (error);
  lincoln = cl_caseload_lookup_school (c, "lincoln");
  riverside = cl_caseload_lookup_school (c, "riverside");
  /* Lincoln keeps its 2025 year and has its own 2026 one; Riverside keeps the district's. */
  g_assert_cmpuint (lincoln->calendars->len, ==, 2);
  g_assert_cmpstr (((ClCalendarYear *) g_ptr_array_index (lincoln->calendars, 0))->id, ==, "district-2025");
  g_assert_cmpstr (((ClCalendarYear *) g_ptr_array_index (lincoln->calendars, 1))->id, ==, "lincoln-2026");
  g_assert_cmpuint (((ClCalendarYear *) g_ptr_array_index (lincoln->calendars, 1))->closed->len, ==, 2);
  g_assert_cmpuint (riverside->calendars->len, ==, 1);
  g_assert_cmpstr (((ClCalendarYear *) g_ptr_array_index (riverside->calendars, 0))->id, ==, "district-2026");
  g_assert_cmpuint (((ClCalendarYear *) g_ptr_array_index (riverside->calendars, 0))->closed->len, ==, 1);
}

static void
test_same_year_again (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(ClCalendarYear) y = year_2026 ("lincoln-2026");
  g_autoptr(ClCalendarYear) changed = year_2026 ("lincoln-2026");
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL, *after = NULL;
  guint changes = 99;
  int audit;

  g_assert_true (cl_store_set_school_year (f->store, "lincoln", NULL, y, &changes, &error));
  before = export (f);
  audit = count (f, "SELECT count(*) FROM audit");
  g_assert_true (cl_store_set_school_year (f->store, "lincoln", NULL, y, &changes, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (changes, ==, 0);
  g_assert_cmpint (count (f, "SELECT count(*) FROM audit"), ==, audit);
  after = export (f);
  g_assert_cmpstr (after, ==, before);

  /* One more closure: one audit row, and the year keeps its id and place. */
  cl_calendar_year_add_closed (changed, D ("2027-03-29"), D ("2027-04-02"), "Spring Break", FALSE);
  g_assert_true (cl_store_set_school_year (f->store, "lincoln", NULL, changed, &changes, &error));
  g_assert_cmpuint (changes, ==, 1);
  g_assert_cmpint (count (f, "SELECT count(*) FROM audit"), ==, audit + 1);
  g_assert_cmpint (count (f, "SELECT count(*) FROM calendar_closed WHERE calendar_id = 'lincoln-2026'"), ==, 3);
  g_assert_cmpint (count (f, "SELECT count(*) FROM calendars"), ==, 3);
}

static void
test_new_school_with_year (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(ClCalendarYear) y = year_2026 ("oak-2026");
  g_autoptr(GError) error = NULL;
  g_autoptr(ClCaseload) c = NULL;
  ClSchool *oak;
  guint changes = 0;
  int audit = count (f, "SELECT count(*) FROM audit");

  g_assert_true (cl_store_set_school_year (f->store, "oak", "Oak Elementary", y, &changes, &error));
  g_assert_no_error (error);
  /* The session, two closures; the school's name and its calendars. */
  g_assert_cmpuint (changes, ==, 3);
  g_assert_cmpint (count (f, "SELECT count(*) FROM audit"), ==, audit + 5);
  c = cl_store_load_caseload (f->store, &error);
  oak = cl_caseload_lookup_school (c, "oak");
  g_assert_nonnull (oak);
  g_assert_cmpstr (oak->name, ==, "Oak Elementary");
  g_assert_cmpuint (oak->calendars->len, ==, 1);
  g_assert_cmpstr (((ClCalendarYear *) g_ptr_array_index (oak->calendars, 0))->id, ==, "oak-2026");
}

typedef struct {
  const char *name;
  const char *school;
  const char *new_name;
  const char *first, *last, *closed_from, *closed_to;
  const char *message_part;
} BadYear;

static const BadYear bad_years[] = {
  { "unknown-school", "nowhere", NULL, "2026-08-19", "2027-06-09", NULL, NULL, "no school nowhere" },
  { "backwards", "lincoln", NULL, "2027-06-09", "2026-08-19", NULL, NULL, "first day on or before its last day" },
  { "closed-backwards", "lincoln", NULL, "2026-08-19", "2027-06-09", "2026-11-27", "2026-11-23", "ends before it starts" },
  { "new-school-blank-name", "oak", " ", "2026-08-19", "2027-06-09", NULL, NULL, "needs an id and a name" },
};

static void
test_bad_year (Fixture       *f,
               gconstpointer  data)
{
  const BadYear *c = data;
  g_autoptr(ClCalendarYear) y = cl_calendar_year_new ("x-2026", D (c->first), D (c->last));
  g_autoptr(GError) error = NULL;
  g_autofree char *before = export (f), *after = NULL;
  int audit = count (f, "SELECT count(*) FROM audit");

  if (c->closed_from)
    cl_calendar_year_add_closed (y, D (c->closed_from), D (c->closed_to), "Break", FALSE);
  g_assert_false (cl_store_set_school_year (f->store, c->school, c->new_name, y, NULL, &error));
  g_assert_error (error, CL_STORE_ERROR, CL_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, c->message_part));
  g_assert_nonnull (strstr (error->message, "nothing was changed"));
  after = export (f);
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpint (count (f, "SELECT count(*) FROM audit"), ==, audit);
}

static void
test_schools_and_staff (Fixture       *f,
                        gconstpointer  data)
{
  const char *calendars[] = { "district-2026", NULL };
  const char *unknown[] = { "nope-2026", NULL };
  const char *none[] = { NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(ClStaff) staff = cl_staff_new ("ana-ramos", "Ana Ramos", CL_STAFF_CASE_MANAGER);
  g_autofree char *by_id = NULL, *by_name = NULL, *missing = NULL, *shared = NULL;
  int audit = count (f, "SELECT count(*) FROM audit");

  g_assert_true (cl_store_add_school (f->store, "oak", "Oak Elementary", calendars, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count (f, "SELECT count(*) FROM school_calendars WHERE school_id = 'oak'"), ==, 1);
  g_assert_cmpint (count (f, "SELECT count(*) FROM audit"), ==, audit + 2);

  g_assert_false (cl_store_add_school (f->store, "oak", "Oak Again", calendars, &error));
  g_assert_error (error, CL_STORE_ERROR, CL_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (cl_store_add_school (f->store, "elm", "Elm", none, &error));
  g_assert_nonnull (strstr (error->message, "needs a school calendar"));
  g_clear_error (&error);
  g_assert_false (cl_store_add_school (f->store, "elm", "Elm", unknown, &error));
  g_assert_nonnull (strstr (error->message, "no calendar nope-2026"));
  g_clear_error (&error);
  g_assert_cmpint (count (f, "SELECT count(*) FROM schools WHERE id = 'elm'"), ==, 0);

  staff->email = g_strdup ("ana.ramos@example.org");
  g_assert_true (cl_store_add_staff (f->store, staff, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count (f, "SELECT count(*) FROM staff WHERE id = 'ana-ramos' AND role = 'case_manager'"), ==, 1);
  g_assert_false (cl_store_add_staff (f->store, staff, &error));
  g_assert_nonnull (strstr (error->message, "already a staff member ana-ramos"));
  g_clear_error (&error);

  by_id = cl_store_find_school (f->store, "riverside", &error);
  g_assert_cmpstr (by_id, ==, "riverside");
  by_name = cl_store_find_school (f->store, "Oak Elementary", &error);
  g_assert_cmpstr (by_name, ==, "oak");
  missing = cl_store_find_school (f->store, "oak elementary", &error);
  g_assert_null (missing);
  g_assert_no_error (error);
  shared = cl_store_find_school (f->store, "Twin", &error);
  g_assert_null (shared);
  g_assert_error (error, CL_STORE_ERROR, CL_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "2 schools are named \"Twin\""));
}

static ClRosterPlan *
plan_of (Fixture    *f,
         const char *csv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ClCsvTable) t = cl_csv_table_parse (csv, strlen (csv), &error);
  ClCaseload *c = cl_store_load_caseload (f->store, &error);

  g_assert_no_error (error);
  return cl_roster_plan_new (t, NULL, c);
}

static const char roster[] =
  "Student ID,First Name,Last Name,DOB,Grade,School,Case Manager,Initial IEP Date,Last Annual IEP\r\n"
  "S-1,Ana,Ruiz,1/2/2013,6,Lincoln Middle School,Ana Ramos,9/15/2023,9/10/2025\r\n"
  "S-2,Bo,Li,3/4/2012,7,Oak Elementary,Ana Ramos,,\r\n";

/* A spreadsheet written as one action; the same file again changes nothing; a changed cell is one
 * audited field; a file with problems is refused whole. */
static void
test_roster (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ClCaseload) c = NULL;
  g_autofree char *before = NULL, *after = NULL;
  ClRosterPlan *plan;
  ClStudent *s1;
  int audit = count (f, "SELECT count(*) FROM audit");

  plan = plan_of (f, roster);
  g_assert_cmpuint (plan->problems->len, ==, 0);
  g_assert_true (cl_store_apply_roster (f->store, plan, &error));
  g_assert_no_error (error);
  cl_roster_plan_free (plan);
  /* Oak (name, calendars), Ana Ramos (name, role), S-1 (9 fields: the 6 given, English learner,
   * conservatorship and Part C as no; 2 events), S-2 (9 fields). */
  g_assert_cmpint (count (f, "SELECT count(*) FROM audit"), ==, audit + 2 + 2 + 11 + 9);
  c = cl_store_load_caseload (f->store, &error);
  s1 = cl_caseload_lookup_student (c, "S-1");
  g_assert_cmpstr (s1->case_manager->id, ==, "ana-ramos");
  g_assert_cmpuint (s1->events->len, ==, 2);
  g_assert_cmpstr (cl_caseload_lookup_student (c, "S-2")->school->id, ==, "oak-elementary");
  g_assert_cmpuint (cl_caseload_lookup_school (c, "oak-elementary")->calendars->len, ==, 2);

  before = export (f);
  audit = count (f, "SELECT count(*) FROM audit");
  plan = plan_of (f, roster);
  g_assert_cmpuint (plan->n_unchanged, ==, 2);
  g_assert_true (cl_store_apply_roster (f->store, plan, &error));
  cl_roster_plan_free (plan);
  after = export (f);
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpint (count (f, "SELECT count(*) FROM audit"), ==, audit);

  plan = plan_of (f, "Student ID,First Name,Last Name,DOB,School,Grade,Last Annual IEP\n"
                     "S-1,Ana,Ruiz,1/2/2013,Lincoln Middle School,7,9/8/2026\n");
  g_assert_true (cl_store_apply_roster (f->store, plan, &error));
  cl_roster_plan_free (plan);
  g_assert_cmpint (count (f, "SELECT count(*) FROM audit"), ==, audit + 2);
  g_assert_cmpint (count (f, "SELECT count(*) FROM audit WHERE field = 'grade' AND old_value = '6' AND new_value = '7'"), ==, 1);
  g_assert_cmpint (count (f, "SELECT count(*) FROM events WHERE student_id = 'S-1'"), ==, 3);

  g_clear_pointer (&before, g_free);
  before = export (f);
  audit = count (f, "SELECT count(*) FROM audit");
  plan = plan_of (f, "Student ID,First Name,Last Name,DOB,School,Grade\n"
                     "S-1,Ana,Ruiz,1/2/2013,Lincoln Middle School,8\n"
                     "S-3,Cy,Do,2/30/2013,Lincoln Middle School,5\n");
  g_assert_cmpuint (plan->problems->len, ==, 1);
  g_assert_false (cl_store_apply_roster (f->store, plan, &error));
  g_assert_error (error, CL_STORE_ERROR, CL_STORE_ERROR_INVALID);
  cl_roster_plan_free (plan);
  g_clear_pointer (&after, g_free);
  after = export (f);
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpint (count (f, "SELECT count(*) FROM audit"), ==, audit);
}

/* The rule pack, a school's name and a staff member's details: one audited row per field that
 * changed, nothing when nothing did, a refusal that changes nothing. */
static void
test_changes (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ClStaff) staff = cl_staff_new ("ana-ramos", "Ana Ramos", CL_STAFF_CASE_MANAGER);
  g_autoptr(ClStaff) changed = cl_staff_new ("ana-ramos", "Ana Ramos-Ortiz", CL_STAFF_SCHOOL_PSYCHOLOGIST);
  g_autoptr(ClStaff) nobody = cl_staff_new ("nobody", "No One", CL_STAFF_OTHER);
  g_autoptr(ClCaseload) c = NULL;
  int audit;

  g_assert_true (cl_store_add_staff (f->store, staff, &error));
  audit = count (f, "SELECT count(*) FROM audit");

  g_assert_true (cl_store_set_jurisdiction (f->store, "UT", &error));
  g_assert_no_error (error);
  g_assert_cmpint (count (f, "SELECT count(*) FROM audit WHERE table_name = 'meta' AND old_value = 'CA' AND new_value = 'UT'"), ==, 1);
  g_assert_true (cl_store_set_jurisdiction (f->store, "UT", &error));
  g_assert_false (cl_store_set_jurisdiction (f->store, " ", &error));
  g_clear_error (&error);

  g_assert_true (cl_store_rename_school (f->store, "lincoln", "Lincoln Academy", &error));
  g_assert_true (cl_store_rename_school (f->store, "lincoln", "Lincoln Academy", &error));
  g_assert_false (cl_store_rename_school (f->store, "nowhere", "X", &error));
  g_assert_nonnull (strstr (error->message, "no school nowhere"));
  g_clear_error (&error);

  changed->email = g_strdup ("ana@example.org");
  g_assert_true (cl_store_update_staff (f->store, changed, &error));
  g_assert_no_error (error);
  g_assert_false (cl_store_update_staff (f->store, nobody, &error));
  g_assert_nonnull (strstr (error->message, "no staff member nobody"));
  g_clear_error (&error);

  /* UT; the school's name; the staff member's name, role and email. */
  g_assert_cmpint (count (f, "SELECT count(*) FROM audit"), ==, audit + 1 + 1 + 3);
  c = cl_store_load_caseload (f->store, &error);
  g_assert_cmpstr (cl_caseload_get_jurisdiction (c), ==, "UT");
  g_assert_cmpstr (cl_caseload_lookup_school (c, "lincoln")->name, ==, "Lincoln Academy");
  g_assert_cmpstr (cl_caseload_lookup_staff (c, "ana-ramos")->name, ==, "Ana Ramos-Ortiz");
  g_assert_cmpint (cl_caseload_lookup_staff (c, "ana-ramos")->role, ==, CL_STAFF_SCHOOL_PSYCHOLOGIST);
  g_assert_cmpstr (cl_caseload_lookup_staff (c, "ana-ramos")->email, ==, "ana@example.org");
}

static ClCalendarYear *
stored_year (Fixture    *f,
             const char *id)
{
  g_autoptr(GError) error = NULL;
  ClCalendarYear *year = cl_store_dup_school_year (f->store, id, &error);

  g_assert_no_error (error);
  g_assert_nonnull (year);
  return year;
}

/* A school year's first and last day changed in place: the calendar keeps its id and every school
 * that uses it; the old and the new session are audited; the same days again write nothing. */
static void
test_edit_days (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ClCalendarYear) year = NULL;
  g_autoptr(ClCaseload) c = NULL;
  int audit = count (f, "SELECT count(*) FROM audit");

  g_assert_true (cl_store_set_school_year_days (f->store, "district-2026", D ("2026-08-19"), D ("2027-06-09"), &error));
  g_assert_no_error (error);
  g_assert_cmpint (count (f, "SELECT count(*) FROM audit"), ==, audit + 2);
  g_assert_cmpint (count (f, "SELECT count(*) FROM audit WHERE row_key = 'district-2026' AND "
                             "old_value = 'session 2026-08-17..2027-06-10' AND new_value IS NULL"), ==, 1);
  g_assert_cmpint (count (f, "SELECT count(*) FROM audit WHERE row_key = 'district-2026' AND "
                             "old_value IS NULL AND new_value = 'session 2026-08-19..2027-06-09'"), ==, 1);
  year = stored_year (f, "district-2026");
  g_assert_cmpuint (year->first_day, ==, D ("2026-08-19"));
  g_assert_cmpuint (year->last_day, ==, D ("2027-06-09"));
  g_assert_cmpuint (year->closed->len, ==, 1);
  c = cl_store_load_caseload (f->store, &error);
  g_assert_cmpuint (cl_caseload_lookup_school (c, "riverside")->calendars->len, ==, 1);
  g_assert_cmpuint (cl_caseload_lookup_school (c, "lincoln")->calendars->len, ==, 2);
  g_assert_cmpint (count (f, "SELECT count(*) FROM calendars"), ==, 2);

  audit = count (f, "SELECT count(*) FROM audit");
  g_assert_true (cl_store_update_school_year (f->store, year, &error));
  g_assert_cmpint (count (f, "SELECT count(*) FROM audit"), ==, audit);
}

/* Closed ranges added, changed and removed one at a time, each audited as the line that went and
 * the line that came; the rows keep their places, so a sync sends only the one that changed. */
static void
test_edit_closed (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ClCalendarYear) year = NULL;
  ClClosedRange winter = { D ("2026-12-21"), D ("2027-01-01"), (char *) "Winter Break", FALSE, NULL };
  ClClosedRange recess = { D ("2026-12-21"), D ("2027-01-04"), (char *) " Winter Recess ", TRUE, NULL };
  int audit = count (f, "SELECT count(*) FROM audit");

  g_assert_true (cl_store_add_closed_range (f->store, "district-2026", &winter, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count (f, "SELECT count(*) FROM audit"), ==, audit + 1);
  g_assert_cmpint (count (f, "SELECT count(*) FROM audit WHERE new_value = 'closed 2026-12-21..2027-01-01 Winter Break'"), ==, 1);

  g_assert_true (cl_store_update_closed_range (f->store, "district-2026", 1, &recess, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count (f, "SELECT count(*) FROM audit"), ==, audit + 3);
  year = stored_year (f, "district-2026");
  g_assert_cmpuint (year->closed->len, ==, 2);
  g_assert_cmpstr (g_array_index (year->closed, ClClosedRange, 1).label, ==, "Winter Recess");
  g_assert_true (g_array_index (year->closed, ClClosedRange, 1).holiday);
  g_assert_cmpuint (g_array_index (year->closed, ClClosedRange, 1).to, ==, D ("2027-01-04"));
  g_clear_pointer (&year, cl_calendar_year_free);

  g_assert_true (cl_store_delete_closed_range (f->store, "district-2026", 0, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count (f, "SELECT count(*) FROM audit"), ==, audit + 4);
  g_assert_cmpint (count (f, "SELECT count(*) FROM audit WHERE old_value = 'closed 2026-11-23..2026-11-27 Thanksgiving (holiday)'"
                             " AND new_value IS NULL"), ==, 1);
  year = stored_year (f, "district-2026");
  g_assert_cmpuint (year->closed->len, ==, 1);
  g_assert_cmpstr (g_array_index (year->closed, ClClosedRange, 0).label, ==, "Winter Recess");
  g_assert_cmpint (count (f, "SELECT count(*) FROM calendar_closed WHERE calendar_id = 'district-2026'"), ==, 1);
}

typedef struct {
  const char *name;
  const char *first, *last;              /* the session asked for, or NULL */
  const char *from, *to, *label;         /* a closed range added, or NULL */
  int         index;                     /* >= 0: the range changed (with from) or removed */
  const char *message_part;
} BadEdit;

static const BadEdit bad_edits[] = {
  /* Lincoln's 2025-26 runs to 2026-06-11. */
  { "overlaps-another-year", "2026-06-01", "2027-06-10", NULL, NULL, NULL, -1,
    "Lincoln Middle School has another school year from" },
  { "backwards", "2027-06-10", "2026-08-17", NULL, NULL, NULL, -1, "first day on or before its last day" },
  /* Thanksgiving (2026-11-23..27) would be left outside. */
  { "leaves-a-range-outside", "2026-12-01", "2027-06-10", NULL, NULL, NULL, -1, "“Thanksgiving” would fall outside" },
  { "range-outside", NULL, NULL, "2027-07-05", "2027-07-09", "Summer", -1, "“Summer” would fall outside" },
  { "range-backwards", NULL, NULL, "2026-12-31", "2026-12-21", "Winter Break", -1, "ends before it starts" },
  { "range-without-label", NULL, NULL, "2026-12-21", "2026-12-31", "  ", -1, "Say what the school is closed for" },
  { "change-missing-range", NULL, NULL, "2026-12-21", "2026-12-31", "Winter Break", 5, "no such closed range" },
  { "remove-missing-range", NULL, NULL, NULL, NULL, NULL, 3, "no such closed range" },
};

static void
test_bad_edit (Fixture       *f,
               gconstpointer  data)
{
  const BadEdit *e = data;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = export (f), *after = NULL;
  int audit = count (f, "SELECT count(*) FROM audit");
  gboolean ok;

  if (e->first != NULL)
    ok = cl_store_set_school_year_days (f->store, "district-2026", D (e->first), D (e->last), &error);
  else if (e->from != NULL)
    {
      ClClosedRange r = { D (e->from), D (e->to), (char *) e->label, FALSE, NULL };

      ok = e->index >= 0 ? cl_store_update_closed_range (f->store, "district-2026", e->index, &r, &error)
                         : cl_store_add_closed_range (f->store, "district-2026", &r, &error);
    }
  else
    ok = cl_store_delete_closed_range (f->store, "district-2026", e->index, &error);
  g_assert_false (ok);
  g_assert_error (error, CL_STORE_ERROR, CL_STORE_ERROR_INVALID);
  if (strstr (error->message, e->message_part) == NULL)
    g_error ("“%s” does not say “%s”", error->message, e->message_part);
  g_assert_nonnull (strstr (error->message, "nothing was changed"));
  after = export (f);
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpint (count (f, "SELECT count(*) FROM audit"), ==, audit);
}

/* A year added beside a school's others (what Copy to Next Year writes) never replaces one, and
 * comes off again; a school keeps at least one year, and a year another school uses stays. */
static void
test_add_and_remove_year (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ClCalendarYear) y2026 = stored_year (f, "district-2026");
  g_autoptr(ClCalendarYear) next = cl_calendar_year_copy_to_next_year (y2026, "lincoln-2027");
  g_autoptr(ClCalendarYear) again = cl_calendar_year_copy_to_next_year (y2026, "lincoln-2027-b");
  g_autoptr(ClCaseload) c = NULL;
  int audit = count (f, "SELECT count(*) FROM audit");

  g_assert_true (cl_store_add_school_year (f->store, "lincoln", next, &error));
  g_assert_no_error (error);
  /* The session, Thanksgiving, the link. */
  g_assert_cmpint (count (f, "SELECT count(*) FROM audit"), ==, audit + 3);
  c = cl_store_load_caseload (f->store, &error);
  g_assert_cmpuint (cl_caseload_lookup_school (c, "lincoln")->calendars->len, ==, 3);
  g_assert_cmpuint (cl_caseload_lookup_calendar (c, "lincoln-2027")->closed->len, ==, 1);

  g_assert_false (cl_store_add_school_year (f->store, "lincoln", again, &error));
  g_assert_nonnull (strstr (error->message, "Lincoln Middle School has another school year"));
  g_clear_error (&error);
  g_assert_false (cl_store_add_school_year (f->store, "lincoln", next, &error));
  g_assert_nonnull (strstr (error->message, "already a calendar lincoln-2027"));
  g_clear_error (&error);

  g_assert_true (cl_store_delete_school_year (f->store, "lincoln", "lincoln-2027", &error));
  g_assert_no_error (error);
  g_assert_cmpint (count (f, "SELECT count(*) FROM calendars WHERE id = 'lincoln-2027'"), ==, 0);
  g_assert_cmpint (count (f, "SELECT count(*) FROM calendar_closed WHERE calendar_id = 'lincoln-2027'"), ==, 0);
  g_assert_false (cl_store_delete_school_year (f->store, "riverside", "district-2026", &error));
  g_assert_nonnull (strstr (error->message, "at least one school year"));
  g_clear_error (&error);
  g_assert_true (cl_store_delete_school_year (f->store, "lincoln", "district-2026", &error));
  g_assert_cmpint (count (f, "SELECT count(*) FROM calendars WHERE id = 'district-2026'"), ==, 1);
  g_assert_cmpint (count (f, "SELECT count(*) FROM school_calendars WHERE school_id = 'lincoln'"), ==, 1);
}

/* A staff member removed, audited field by field; refused, saying so, while students have them as
 * case manager. */
static void
test_delete_staff (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ClStaff) bo = cl_staff_new ("bo-li", "Bo Li", CL_STAFF_NURSE);
  g_autoptr(ClCaseload) c = NULL;
  g_autofree char *before = NULL, *after = NULL;
  ClRosterPlan *plan = plan_of (f, roster);
  int audit;

  g_assert_true (cl_store_apply_roster (f->store, plan, &error));
  cl_roster_plan_free (plan);
  g_assert_true (cl_store_add_staff (f->store, bo, &error));
  before = export (f);
  audit = count (f, "SELECT count(*) FROM audit");
  g_assert_false (cl_store_delete_staff (f->store, "ana-ramos", &error));
  g_assert_error (error, CL_STORE_ERROR, CL_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "Ana Ramos is the case manager of 2 students"));
  g_clear_error (&error);
  after = export (f);
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpint (count (f, "SELECT count(*) FROM audit"), ==, audit);
  g_assert_false (cl_store_delete_staff (f->store, "nobody", &error));
  g_clear_error (&error);

  g_assert_true (cl_store_delete_staff (f->store, "bo-li", &error));
  g_assert_no_error (error);
  g_assert_cmpint (count (f, "SELECT count(*) FROM audit WHERE row_key = 'bo-li' AND new_value IS NULL"), ==, 2);
  c = cl_store_load_caseload (f->store, &error);
  g_assert_null (cl_caseload_lookup_staff (c, "bo-li"));
  g_assert_nonnull (cl_caseload_lookup_staff (c, "ana-ramos"));
}

/* Switches to Spanish, from the catalogue the build compiled (back_in_c returns to C for the tests
 * after); FALSE, the test skipped, where the Spanish locale is not installed. */
static gboolean
in_spanish (void)
{
  if (setlocale (LC_ALL, "es_ES.UTF-8") == NULL)
    {
      g_test_skip ("the es_ES.UTF-8 locale is not installed");
      return FALSE;
    }
  /* LANGUAGE would win over the locale: a developer's own setting must not decide the test. */
  g_setenv ("LANGUAGE", "es", TRUE);
  bindtextdomain (GETTEXT_PACKAGE, BUILD_LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  return TRUE;
}

static void
back_in_c (void)
{
  g_unsetenv ("LANGUAGE");
  setlocale (LC_ALL, "C");
}

/* A refusal and a failed write reach the person in their language: the message, its count, and
 * the "what it was doing" phrase _cl_store_fail puts into it. */
static void
test_refusal_in_spanish (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ClStaff) bo = cl_staff_new ("bo-li", "Bo Li", CL_STAFF_NURSE);
  ClRosterPlan *plan = plan_of (f, roster);
  sqlite3 *db = NULL;

  g_assert_true (cl_store_apply_roster (f->store, plan, &error));
  cl_roster_plan_free (plan);
  if (!in_spanish ())
    return;

  cl_store_delete_staff (f->store, "ana-ramos", &error);
  g_assert_error (error, CL_STORE_ERROR, CL_STORE_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "Ana Ramos es el encargado del caso de 2 estudiantes: asígneles antes otro "
                                       "encargado del caso; no se cambió nada.");
  g_clear_error (&error);
  cl_store_delete_staff (f->store, "nobody", &error);
  g_assert_cmpstr (error->message, ==, "No hay ningún miembro del personal nobody en esta base de datos; "
                                       "no se cambió nada.");
  g_clear_error (&error);

  /* A write the database itself refuses (here a trigger, as a constraint would). */
  g_assert_cmpint (sqlite3_open (f->path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "CREATE TRIGGER refuse BEFORE INSERT ON staff "
                                     "BEGIN SELECT RAISE (ABORT, 'refused'); END", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  g_assert_false (cl_store_add_staff (f->store, bo, &error));
  back_in_c ();
  g_assert_error (error, CL_STORE_ERROR, CL_STORE_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "No se pudieron guardar los registros al añadir a un miembro del personal "
                                       "(refused); no se cambió nada.");
  g_clear_error (&error);

  /* And the same refusal in C again, for the tests after this one. */
  cl_store_delete_staff (f->store, "nobody", &error);
  g_assert_nonnull (strstr (error->message, "There is no staff member nobody"));
}

/* Worked on a printed calendar, 52 weeks on: Mon 2026-08-17 -> Mon 2027-08-16; Labor Day Mon
 * 2026-09-07 -> Mon 2027-09-06 (Labor Day 2027); Thanksgiving break Mon 2026-11-23..Fri 11-27 ->
 * Mon 2027-11-22..Fri 11-26 (Thanksgiving 2027 is Thu Nov 25); Veterans Day Wed 2026-11-11 ->
 * Wed 2027-11-10, a day early, for the person to correct; the last day Thu 2027-06-10 -> Thu
 * 2028-06-08. Across Feb 29: Fri 2027-08-20 -> Fri 2028-08-18. */
static void
test_copy_to_next_year (void)
{
  g_autoptr(ClCalendarYear) y = cl_calendar_year_new ("a-2026", D ("2026-08-17"), D ("2027-06-10"));
  g_autoptr(ClCalendarYear) leap = cl_calendar_year_new ("b-2027", D ("2027-08-20"), D ("2028-06-09"));
  g_autoptr(ClCalendarYear) next = NULL, after_leap = NULL;

  cl_calendar_year_add_closed (y, D ("2026-09-07"), D ("2026-09-07"), "Labor Day", TRUE);
  cl_calendar_year_add_closed (y, D ("2026-11-11"), D ("2026-11-11"), "Veterans Day", TRUE);
  cl_calendar_year_add_closed (y, D ("2026-11-23"), D ("2026-11-27"), "Thanksgiving Break", FALSE);
  next = cl_calendar_year_copy_to_next_year (y, "a-2027");
  g_assert_cmpstr (next->id, ==, "a-2027");
  g_assert_cmpuint (next->first_day, ==, D ("2027-08-16"));
  g_assert_cmpuint (next->last_day, ==, D ("2028-06-08"));
  g_assert_cmpuint (next->closed->len, ==, 3);
  g_assert_cmpuint (g_array_index (next->closed, ClClosedRange, 0).from, ==, D ("2027-09-06"));
  g_assert_cmpuint (g_array_index (next->closed, ClClosedRange, 1).from, ==, D ("2027-11-10"));
  g_assert_cmpuint (g_array_index (next->closed, ClClosedRange, 2).from, ==, D ("2027-11-22"));
  g_assert_cmpuint (g_array_index (next->closed, ClClosedRange, 2).to, ==, D ("2027-11-26"));
  g_assert_cmpstr (g_array_index (next->closed, ClClosedRange, 2).label, ==, "Thanksgiving Break");
  g_assert_false (g_array_index (next->closed, ClClosedRange, 2).holiday);
  g_assert_true (g_array_index (next->closed, ClClosedRange, 0).holiday);
  after_leap = cl_calendar_year_copy_to_next_year (leap, "b-2028");
  g_assert_cmpuint (after_leap->first_day, ==, D ("2028-08-18"));
}

static void
test_make_id (void)
{
  static const char *cases[][2] = {
    { "Lincoln Middle School", "lincoln-middle-school" },
    { "  Escuela Peña  ", "escuela-pena" },
    { "O'Brien, Kate", "o-brien-kate" },
    { "---", "x" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *id = cl_make_id (cases[i][0]);
      g_assert_cmpstr (id, ==, cases[i][1]);
    }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/store-setup/replace-shared-year", test_replace_shared_year);
  ADD ("/store-setup/same-year-again", test_same_year_again);
  ADD ("/store-setup/new-school-with-year", test_new_school_with_year);
  ADD ("/store-setup/schools-and-staff", test_schools_and_staff);
  ADD ("/store-setup/roster", test_roster);
  ADD ("/store-setup/changes", test_changes);
  ADD ("/store-setup/edit-days", test_edit_days);
  ADD ("/store-setup/delete-staff", test_delete_staff);
  ADD ("/store-setup/refusal-in-spanish", test_refusal_in_spanish);
  ADD ("/store-setup/edit-closed", test_edit_closed);
  ADD ("/store-setup/add-and-remove-year", test_add_and_remove_year);
#undef ADD
  for (guint i = 0; i < G_N_ELEMENTS (bad_years); i++)
    {
      g_autofree char *path = g_strdup_printf ("/store-setup/bad-year/%s", bad_years[i].name);
      g_test_add (path, Fixture, &bad_years[i], fixture_set_up, test_bad_year, fixture_tear_down);
    }
  for (guint i = 0; i < G_N_ELEMENTS (bad_edits); i++)
    {
      g_autofree char *path = g_strdup_printf ("/store-setup/bad-edit/%s", bad_edits[i].name);
      g_test_add (path, Fixture, &bad_edits[i], fixture_set_up, test_bad_edit, fixture_tear_down);
    }
  g_test_add_func ("/store-setup/make-id", test_make_id);
  g_test_add_func ("/store-setup/copy-to-next-year", test_copy_to_next_year);
  return g_test_run ();
}
