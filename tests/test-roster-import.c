/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-roster-import.c — a spreadsheet planned against a caseload: what is created, updated and
 * left alone, the events a row's dates stand for, every problem of a bad file, and the file's due
 * dates against the engine's
 *
 * The caseload is Lincoln (rules.md §6 calendars) with one case manager and one student who had an
 * annual IEP meeting on 2025-10-02. Expected due dates follow rules.md §4: annual_review_due =
 * the last initial/annual/triennial meeting + 1 year; triennial_due = the last eligible initial or
 * triennial meeting + 3 years.
 */
#include <string.h>

#include "cl-roster-import.h"
#include "cl-test-util.h"

static ClCaseload *
lincoln (void)
{
  ClCaseload *c = cl_caseload_new ();
  ClSchool *school = cl_school_new ("lincoln", "Lincoln Middle School");
  ClSchool *schools[] = { school, NULL };
  ClStaff *ramos = cl_staff_new ("t-ramos", "Ana Ramos", CL_STAFF_CASE_MANAGER);
  ClStudent *s = cl_student_new ("S-1");
  ClEvent *e;

  cl_caseload_set_jurisdiction (c, "US");
  cl_test_add_lincoln_calendars (c, schools);
  cl_caseload_add_school (c, school);
  cl_caseload_add_staff (c, ramos);
  s->first_name = g_strdup ("Ana");
  s->last_name = g_strdup ("Test");
  s->birth_date = D ("2014-05-01");
  s->school = school;
  s->grade = g_strdup ("6");
  s->case_manager = ramos;
  e = cl_student_add_event (s, CL_EVENT_IEP_MEETING, D ("2025-10-02"));
  e->kind = CL_MEETING_ANNUAL;
  cl_caseload_add_student (c, s);
  return c;
}

static ClCsvTable *
table_of (const char *text)
{
  g_autoptr(GError) error = NULL;
  ClCsvTable *t = cl_csv_table_parse (text, strlen (text), &error);

  g_assert_no_error (error);
  return t;
}

static const char good_file[] =
  "Student ID,First Name,Last Name,DOB,Grade,School,Case Manager,Home Language,EL Status,Primary Disability,"
  "Initial IEP Date,Last Annual IEP,Last Triennial,Parent Email\r\n"
  /* S-1 is there: grade and triennial are news, the annual meeting is not. */
  "S-1,Ana,Test,5/1/2014,7,Lincoln Middle School,Ana Ramos,,,,,10/2/2025,9/15/2025,a@example.org\r\n"
  /* New, at a known school and with a known case manager (by id). */
  "S-2,Luis,Ortega,11/5/2012,8,lincoln,t-ramos,Spanish,EL,290,9/15/2019,1/12/2026,,\r\n"
  /* New, with a new school and a new case manager; its initial date is also its last evaluation. */
  "S-3,Kate,O'Brien,2/29/2012,8,Oak Elementary,Marcus Lee,English,EO,320 AUT,3/1/2024,,3/1/2024,\r\n";

static void
test_plan (void)
{
  g_autoptr(ClCsvTable) t = table_of (good_file);
  g_autoptr(ClRosterPlan) plan = cl_roster_plan_new (t, NULL, lincoln ());
  g_autoptr(ClRosterPlan) again = NULL;
  ClStudent *s1, *s2, *s3;
  const ClRosterEvent *e;

  g_assert_cmpuint (plan->problems->len, ==, 0);
  g_assert_cmpuint (plan->n_rows, ==, 3);
  g_assert_cmpuint (plan->unread_columns->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (plan->unread_columns, 0), ==, "Parent Email");
  g_assert_cmpuint (plan->new_students->len, ==, 2);
  g_assert_cmpuint (plan->updated_students->len, ==, 1);
  g_assert_cmpuint (plan->n_unchanged, ==, 0);

  s1 = cl_caseload_lookup_student (plan->caseload, "S-1");
  g_assert_true (g_ptr_array_index (plan->updated_students, 0) == s1);
  g_assert_cmpstr (s1->grade, ==, "7");
  /* Blank cells leave what the database knows. */
  g_assert_cmpstr (s1->case_manager->id, ==, "t-ramos");
  g_assert_cmpuint (s1->events->len, ==, 2);
  g_assert_cmpuint (plan->new_events->len, ==, 1);
  e = &g_array_index (plan->new_events, ClRosterEvent, 0);
  g_assert_cmpstr (e->student_id, ==, "S-1");
  g_assert_cmpint (e->event.kind, ==, CL_MEETING_TRIENNIAL);
  g_assert_cmpuint (e->event.date, ==, D ("2025-09-15"));
  g_assert_true (e->event.eligible);

  s2 = cl_caseload_lookup_student (plan->caseload, "S-2");
  g_assert_cmpstr (s2->school->id, ==, "lincoln");
  g_assert_cmpstr (s2->case_manager->id, ==, "t-ramos");
  g_assert_cmpstr (s2->home_language, ==, "es");
  g_assert_true (s2->english_learner);
  g_assert_cmpstr (s2->eligibility_primary, ==, "SLD");
  g_assert_cmpuint (s2->events->len, ==, 2);
  g_assert_cmpint (g_array_index (s2->events, ClEvent, 0).kind, ==, CL_MEETING_INITIAL);
  g_assert_cmpint (g_array_index (s2->events, ClEvent, 1).kind, ==, CL_MEETING_ANNUAL);

  s3 = cl_caseload_lookup_student (plan->caseload, "S-3");
  g_assert_cmpuint (s3->birth_date, ==, D ("2012-02-29"));
  g_assert_false (s3->english_learner);
  g_assert_cmpstr (s3->eligibility_primary, ==, "AUT");
  /* One meeting on 2024-03-01: the initial one, not also a triennial. */
  g_assert_cmpuint (s3->events->len, ==, 1);
  g_assert_cmpint (g_array_index (s3->events, ClEvent, 0).kind, ==, CL_MEETING_INITIAL);
  g_assert_cmpuint (plan->new_schools->len, ==, 1);
  g_assert_cmpstr (s3->school->id, ==, "oak-elementary");
  g_assert_cmpstr (s3->school->name, ==, "Oak Elementary");
  /* Counted on Lincoln's calendars until its own come in. */
  g_assert_cmpuint (s3->school->calendars->len, ==, 2);
  g_assert_cmpuint (plan->new_staff->len, ==, 1);
  g_assert_cmpstr (s3->case_manager->id, ==, "marcus-lee");
  g_assert_cmpint (s3->case_manager->role, ==, CL_STAFF_CASE_MANAGER);

  /* The same file on what it made: nothing new. */
  again = cl_roster_plan_new (t, NULL, g_object_ref (plan->caseload));
  g_assert_cmpuint (again->problems->len, ==, 0);
  g_assert_cmpuint (again->new_students->len, ==, 0);
  g_assert_cmpuint (again->updated_students->len, ==, 0);
  g_assert_cmpuint (again->new_events->len, ==, 0);
  g_assert_cmpuint (again->new_schools->len, ==, 0);
  g_assert_cmpuint (again->new_staff->len, ==, 0);
  g_assert_cmpuint (again->n_unchanged, ==, 3);
}

static void
test_student_name_and_cp1252 (void)
{
  /* Windows-1252, semicolons: "Peña, José" with ñ = F1 and é = E9. */
  static const char file[] = "Perm ID;Student Name;Birthdate;Site;Statewide ID\r\n"
                             "S-9;\"Pe\xF1" "a, Jos\xE9\";2011-07-04;Lincoln Middle School;9876543210\r\n";
  g_autoptr(ClCsvTable) t = table_of (file);
  g_autoptr(ClRosterPlan) plan = cl_roster_plan_new (t, NULL, lincoln ());
  ClStudent *s;

  g_assert_cmpuint (plan->problems->len, ==, 0);
  g_assert_cmpint (plan->encoding, ==, CL_CSV_WINDOWS_1252);
  s = cl_caseload_lookup_student (plan->caseload, "S-9");
  g_assert_cmpstr (s->last_name, ==, "Pe\xC3\xB1" "a");
  g_assert_cmpstr (s->first_name, ==, "Jos\xC3\xA9");
  g_assert_cmpstr (json_object_get_string_member (s->extra, "ssid"), ==, "9876543210");
}

static void
test_map (void)
{
  static const char map_json[] = "{\"columns\": {\"Pupil\": \"id\", \"Born\": \"birth_date\", \"Notes\": \"ignore\","
                                 " \"Local ID\": \"ignore\"}}";
  static const char file[] = "Pupil,Local ID,First,Last,Born,School,Notes\n"
                             "S-7,999,Mia,Lund,1/2/2013,Lincoln Middle School,likes trains\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) map = cl_roster_map_parse (map_json, -1, &error);
  g_autoptr(ClCsvTable) t = table_of (file);
  g_autoptr(ClRosterPlan) plan = NULL;

  g_assert_no_error (error);
  plan = cl_roster_plan_new (t, map, lincoln ());
  g_assert_cmpuint (plan->problems->len, ==, 0);
  g_assert_nonnull (cl_caseload_lookup_student (plan->caseload, "S-7"));
  g_assert_cmpuint (cl_caseload_lookup_student (plan->caseload, "S-7")->birth_date, ==, D ("2013-01-02"));
  g_assert_cmpuint (plan->unread_columns->len, ==, 2);

  g_assert_null (cl_roster_map_parse ("{\"columns\": {\"Pupil\": \"pupil_id\"}}", -1, &error));
  g_assert_error (error, CL_ROSTER_ERROR, CL_ROSTER_ERROR_MAP);
  g_assert_nonnull (strstr (error->message, "columns.Pupil: \"pupil_id\" is not a field"));
  g_clear_error (&error);
  g_assert_null (cl_roster_map_parse ("{\"Pupil\": \"id\"}", -1, &error));
  g_assert_error (error, CL_ROSTER_ERROR, CL_ROSTER_ERROR_MAP);
}

typedef struct {
  const char *name;
  const char *file;
  const char *problems[4];     /* every one, in order */
} Bad;

#define HEAD "Student ID,First Name,Last Name,DOB,School\r\n"

static const Bad bad[] = {
  { "bad-date", HEAD "S-5,Ana,Ruiz,1/2/2013,Lincoln Middle School\r\nS-6,Bo,Li,13/45/2011,Lincoln Middle School\r\n",
    { "row 3, column \"DOB\": \"13/45/2011\" is not a date" } },
  /* Every problem of the file, not only the first; row numbers as the spreadsheet shows them. */
  { "several", HEAD "S-5,Ana,Ruiz,1/2/13,Lincoln Middle School\r\n\r\nS-6,Bo,Li,,\r\nS-5,Cy,Do,1/1/2012,Lincoln Middle School\r\n",
    { "row 2, column \"DOB\": \"1/2/13\" has a two-digit year: write the year in full (M/D/YYYY)",
      "row 4, column \"DOB\": a birth date is needed",
      "row 4, column \"School\": a school is needed",
      "row 5: student S-5 is on row 2 too" } },
  { "no-id-column", "First Name,Last Name,DOB,School\nAna,Ruiz,1/2/2013,Lincoln\n",
    { "no column gives the student's id (a header such as \"Student ID\", \"Local ID\" or \"Perm ID\")" } },
  { "no-name-columns", "Student ID,First Name,DOB,School\nS-5,Ana,1/2/2013,Lincoln\n",
    { "no column gives the student's name (\"First Name\" and \"Last Name\", or \"Student Name\" as \"Last, First\")" } },
  { "name-not-last-first", "Student ID,Student Name,DOB,School\nS-5,Ana Ruiz,1/2/2013,Lincoln\n",
    { "row 2, column \"Student Name\": \"Ana Ruiz\" is not a name written \"Last, First\"" } },
  { "two-id-columns", "Student ID,Local ID,First Name,Last Name,DOB,School\nS-5,5,Ana,Ruiz,1/2/2013,Lincoln\n",
    { "columns \"Student ID\" and \"Local ID\" both give id: say which to read with a --map file" } },
  { "more-cells", HEAD "S-5,Ana,Ruiz,1/2/2013,Lincoln Middle School,surprise\r\n",
    { "row 2: has more cells than the header has columns (\"surprise\" is in column 6)" } },
  { "bad-codes", "Student ID,First Name,Last Name,DOB,School,EL,Disability,Language\n"
                 "S-5,Ana,Ruiz,1/2/2013,Lincoln Middle School,Maybe,999,Klingon\n",
    /* Within a row, the cells' problems come in the order of the fields. */
    { "row 2, column \"Language\": \"Klingon\" is not a language Caseload knows (write its English name, such as Spanish, or its ISO 639-1 code, such as es)",
      "row 2, column \"EL\": \"Maybe\" is not an English learner status (EL, EO, IFEP, RFEP, TBD, Y or N)",
      "row 2, column \"Disability\": \"999\" is not a disability category (a CALPADS code from 210 to 330, a federal code such as SLD, or its name)" } },
  { "header-only", HEAD, { "the file has a header row and no students" } },
};

static void
test_bad (gconstpointer data)
{
  const Bad *c = data;
  g_autoptr(ClCsvTable) t = table_of (c->file);
  g_autoptr(ClRosterPlan) plan = cl_roster_plan_new (t, NULL, lincoln ());
  guint n = 0;

  while (n < G_N_ELEMENTS (c->problems) && c->problems[n] != NULL)
    n++;
  for (guint i = 0; i < plan->problems->len && i < n; i++)
    g_assert_cmpstr (g_ptr_array_index (plan->problems, i), ==, c->problems[i]);
  g_assert_cmpuint (plan->problems->len, ==, n);
  /* Nothing was planned from a bad file: the records are the database's. */
  g_assert_cmpuint (cl_caseload_get_students (plan->caseload)->len, ==, 1);
  g_assert_cmpuint (cl_caseload_get_schools (plan->caseload)->len, ==, 1);
  g_assert_cmpuint (plan->new_students->len + plan->updated_students->len + plan->new_events->len, ==, 0);
}

static void
test_no_calendar (void)
{
  g_autoptr(ClCsvTable) t = table_of (HEAD "S-5,Ana,Ruiz,1/2/2013,Lincoln Middle School\r\n");
  g_autoptr(ClRosterPlan) plan = cl_roster_plan_new (t, NULL, cl_caseload_new ());

  g_assert_cmpuint (plan->problems->len, ==, 1);
  g_assert_nonnull (strstr (g_ptr_array_index (plan->problems, 0), "this database has no school calendar yet"));
}

static void
test_disagreements (void)
{
  /* S-1: annual 2025-10-02 (in the database) -> due 2026-10-02; the file says 10/1/2026.
   * S-2: initial 2024-10-08 -> triennial due 2027-10-08 and annual due 2025-10-08, met by nothing:
   *      the file's 10/8/2027 agrees, its 10/8/2025 agrees.
   * S-3: no IEP meeting at all: no triennial is due, whatever the file says. */
  static const char file[] = "Student ID,First Name,Last Name,DOB,School,Initial IEP Date,Next Annual IEP,Next Triennial Due\n"
                             "S-1,Ana,Test,5/1/2014,Lincoln Middle School,,10/1/2026,\n"
                             "S-2,Bo,Li,6/1/2013,Lincoln Middle School,10/8/2024,10/8/2025,10/8/2027\n"
                             "S-3,Cy,Do,7/1/2013,Lincoln Middle School,,,1/1/2027\n";
  g_autoptr(ClCsvTable) t = table_of (file);
  g_autoptr(ClRosterPlan) plan = cl_roster_plan_new (t, NULL, lincoln ());
  g_autoptr(GError) error = NULL;
  g_autoptr(ClRulePackSet) packs = cl_rule_pack_set_new_builtin (&error);
  g_autoptr(ClDeadlineEngine) engine = cl_deadline_engine_new (packs);
  const ClRosterDisagreement *d;

  g_assert_cmpuint (plan->problems->len, ==, 0);
  g_assert_true (cl_roster_plan_compare (plan, t, engine, D ("2026-12-07"), &error));
  g_assert_no_error (error);
  g_assert_cmpuint (plan->disagreements->len, ==, 2);
  d = g_ptr_array_index (plan->disagreements, 0);
  g_assert_cmpstr (d->student->id, ==, "S-1");
  g_assert_cmpstr (d->rule_id, ==, "annual_review_due");
  g_assert_cmpstr (d->column, ==, "Next Annual IEP");
  g_assert_cmpuint (d->row, ==, 2);
  g_assert_cmpuint (d->file_date, ==, D ("2026-10-01"));
  g_assert_cmpuint (d->caseload_date, ==, D ("2026-10-02"));
  g_assert_nonnull (strstr (d->basis, "The annual IEP meeting of October 2, 2025. A year later"));
  g_assert_nonnull (strstr (d->basis, "300.324"));
  d = g_ptr_array_index (plan->disagreements, 1);
  g_assert_cmpstr (d->student->id, ==, "S-3");
  g_assert_cmpstr (d->rule_id, ==, "triennial_due");
  g_assert_cmpuint (d->caseload_date, ==, CL_DATE_NONE);
  g_assert_nonnull (strstr (d->basis, "no such date"));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/roster-import/plan", test_plan);
  g_test_add_func ("/roster-import/student-name-and-cp1252", test_student_name_and_cp1252);
  g_test_add_func ("/roster-import/map", test_map);
  g_test_add_func ("/roster-import/no-calendar", test_no_calendar);
  g_test_add_func ("/roster-import/disagreements", test_disagreements);
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autofree char *path = g_strdup_printf ("/roster-import/bad/%s", bad[i].name);
      g_test_add_data_func (path, &bad[i], test_bad);
    }
  return g_test_run ();
}
