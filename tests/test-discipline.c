/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-discipline.c — removal totals per school year (rules.md §4 removal_services_required,
 * suspension_limit_exceeded; §6 example 14), the thresholds the engine raises from them, the
 * manifestation determination's outcome, the principal's watch list and the round trip of what a
 * removal keeps in its extra; every figure worked by hand on the Lincoln calendar of rules.md §6. */
#include "cl-bundle-reader.h"
#include "cl-bundle-writer.h"
#include "cl-deadline-engine.h"
#include "cl-discipline-report.h"

#include <string.h>
#include "cl-test-util.h"

static void
test_two_school_years (void)
{
  g_autoptr(ClCaseload) c = cl_caseload_new ();
  ClSchool *school = cl_school_new ("lincoln", "Lincoln");
  ClCalendarYear *y1 = cl_calendar_year_new ("l-2025", D ("2025-08-18"), D ("2026-06-11"));
  ClCalendarYear *y2 = cl_calendar_year_new ("l-2026", D ("2026-08-17"), D ("2027-06-10"));
  ClStudent *s = cl_student_new ("S1");
  g_autoptr(GArray) years = NULL;
  const ClRemovalYear *a, *b;
  const struct { const char *date; double days; ClRemovalKind kind; } removals[] = {
    { "2026-05-04", 4, CL_REMOVAL_SUSPENSION },
    { "2026-05-18", 4, CL_REMOVAL_SUSPENSION },
    { "2026-06-01", 2, CL_REMOVAL_OTHER },
    { "2026-06-15", 3, CL_REMOVAL_SUSPENSION },          /* summer: the coming school year */
    { "2026-09-14", 3, CL_REMOVAL_SUSPENSION },
    { "2026-10-05", 4, CL_REMOVAL_SUSPENSION },
    { "2026-10-26", 2.5, CL_REMOVAL_SUSPENSION },
    { "2026-11-02", 2, CL_REMOVAL_IN_SCHOOL_SUSPENSION }, /* listed, not counted */
    { "2026-11-09", 1, CL_REMOVAL_SUSPENSION },
  };

  cl_caseload_add_calendar (c, y1);
  cl_caseload_add_calendar (c, y2);
  cl_school_add_calendar (school, y2);
  cl_school_add_calendar (school, y1);
  cl_caseload_add_school (c, school);
  s->school = school;
  for (guint i = 0; i < G_N_ELEMENTS (removals); i++)
    {
      ClEvent *e = cl_student_add_event (s, CL_EVENT_REMOVAL, D (removals[i].date));
      e->school_days = removals[i].days;
      e->kind = removals[i].kind;
    }
  cl_student_add_event (s, CL_EVENT_REFERRAL, D ("2026-01-05"));
  cl_student_sort_events (s);
  cl_caseload_add_student (c, s);

  years = cl_discipline_removal_years (s);
  g_assert_cmpuint (years->len, ==, 2);
  a = &g_array_index (years, ClRemovalYear, 0);
  b = &g_array_index (years, ClRemovalYear, 1);

  /* 2025-26: 4 + 4 + 2 = 10, not over 10. */
  g_assert_cmpuint (a->session.first_day, ==, D ("2025-08-18"));
  g_assert_cmpfloat (a->counted_days, ==, 10);
  g_assert_cmpfloat (a->suspension_days, ==, 8);
  g_assert_cmpuint (a->removals, ==, 3);

  /* 2026-27: 3 (June 15, summer) + 3 + 4 + 2.5 + 1 = 13.5 counted; 2 in school; longest 4. */
  g_assert_cmpuint (b->session.first_day, ==, D ("2026-08-17"));
  g_assert_cmpfloat (b->counted_days, ==, 13.5);
  g_assert_cmpfloat (b->suspension_days, ==, 13.5);
  g_assert_cmpfloat (b->in_school_days, ==, 2);
  g_assert_cmpfloat (b->longest_suspension, ==, 4);
  g_assert_cmpuint (b->removals, ==, 6);

  /* The running total starts again at 0 with 2026-27 (the June 15 removal is in its summer). */
  {
    g_autoptr(GArray) log = cl_discipline_removal_log (s);
    const double expected[] = { 4, 8, 10, 3, 6, 10, 12.5, 12.5, 13.5 };

    g_assert_cmpuint (log->len, ==, G_N_ELEMENTS (expected));
    for (guint i = 0; i < log->len; i++)
      g_assert_cmpfloat (g_array_index (log, ClRemovalEntry, i).running_total, ==, expected[i]);
    g_assert_cmpuint (g_array_index (log, ClRemovalEntry, 3).session.first_day, ==, D ("2026-08-17"));
  }
}


/* The Lincoln calendar of rules.md §6 (2025-26 and 2026-27), with a second school on it. */
static ClCaseload *
lincoln_caseload (void)
{
  ClCaseload *c = cl_caseload_new ();
  ClSchool *lincoln = cl_school_new ("lincoln", "Lincoln");
  ClSchool *riverside = cl_school_new ("riverside", "Riverside");

  cl_caseload_set_jurisdiction (c, "CA");
  cl_test_add_lincoln_calendars (c, (ClSchool *[]) { lincoln, riverside, NULL });
  cl_caseload_add_school (c, lincoln);
  cl_caseload_add_school (c, riverside);
  return c;
}

static ClStudent *
add_student (ClCaseload *c,
             const char *id,
             const char *last_name,
             const char *school)
{
  ClStudent *s = cl_student_new (id);

  s->first_name = g_strdup ("Test");
  s->last_name = g_strdup (last_name);
  s->birth_date = D ("2012-01-01");
  s->grade = g_strdup ("8");
  s->school = cl_caseload_lookup_school (c, school);
  cl_caseload_add_student (c, s);
  return s;
}

static ClEvent *
add_removal (ClStudent     *s,
             const char    *date,
             double         days,
             ClRemovalKind  kind)
{
  ClEvent *e = cl_student_add_event (s, CL_EVENT_REMOVAL, D (date));

  e->school_days = days;
  e->kind = kind;
  return e;
}

/* Every obligation of the caseload as of @today; the packs live as long as the caseload. */
static GPtrArray *
compute (ClCaseload *c,
         const char *today)
{
  g_autoptr(ClRulePackSet) packs = cl_rule_pack_set_new_builtin (NULL);
  g_autoptr(ClDeadlineEngine) engine = cl_deadline_engine_new (packs);
  g_autoptr(GError) error = NULL;
  GPtrArray *all;

  for (guint i = 0; i < cl_caseload_get_students (c)->len; i++)
    cl_student_sort_events (g_ptr_array_index (cl_caseload_get_students (c), i));
  all = cl_deadline_engine_compute (engine, c, D (today), &error);
  g_assert_no_error (error);
  g_object_set_data_full (G_OBJECT (c), "packs", g_object_ref (packs), g_object_unref);
  return all;
}

/* The due dates of @rule for @student, "YYYY-MM-DD status" joined by spaces, in due order. */
static char *
dues (GPtrArray  *all,
      const char *student,
      const char *rule)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < all->len; i++)
    {
      const ClObligation *ob = g_ptr_array_index (all, i);
      char date[11];

      if (!g_str_equal (ob->student->id, student) || !g_str_equal (ob->rule->id, rule))
        continue;
      cl_date_format_iso (ob->due, date);
      g_string_append_printf (out, "%s%s %s", out->len ? ", " : "", date, cl_status_names[ob->status]);
    }
  return g_string_free (out, FALSE);
}

/* One 2026-27 history that crosses every threshold (CA pack), worked by hand:
 *   2026-09-14 suspension 3      counted 3     suspensions 3
 *   2026-10-05 suspension 6      counted 9     suspensions 9    > 5 for one incident (EC 48903(a))
 *   2026-10-26 suspension 0.5    counted 9.5   suspensions 9.5  (a portion of a day counts, HB 9.2)
 *   2026-11-02 in-school 4       counted 9.5                    (not counted: 71 Fed. Reg. 46715)
 *   2026-11-09 other 1           counted 10.5                   > 10: services from the 11th day
 *                                                               (34 CFR 300.530(d); EC 48911)
 *   2026-12-07 suspension 5      counted 15.5  suspensions 14.5
 *   2027-01-11 suspension 5      counted 20.5  suspensions 19.5
 *   2027-02-01 suspension 1      counted 21.5  suspensions 20.5 > 20 in the year (EC 48911(a))
 * No removal is over 10 consecutive days, so no change of placement by itself. */
static void
test_thresholds (void)
{
  g_autoptr(ClCaseload) c = lincoln_caseload ();
  ClStudent *s = add_student (c, "S1", "One", "lincoln");
  g_autoptr(GPtrArray) all = NULL;
  g_autofree char *services = NULL, *limit = NULL, *mdr = NULL;
  ClRemovalYear year;

  add_removal (s, "2026-09-14", 3, CL_REMOVAL_SUSPENSION);
  add_removal (s, "2026-10-05", 6, CL_REMOVAL_SUSPENSION);
  add_removal (s, "2026-10-26", 0.5, CL_REMOVAL_SUSPENSION);
  add_removal (s, "2026-11-02", 4, CL_REMOVAL_IN_SCHOOL_SUSPENSION);
  add_removal (s, "2026-11-09", 1, CL_REMOVAL_OTHER);
  add_removal (s, "2026-12-07", 5, CL_REMOVAL_SUSPENSION);
  add_removal (s, "2027-01-11", 5, CL_REMOVAL_SUSPENSION);
  add_removal (s, "2027-02-01", 1, CL_REMOVAL_SUSPENSION);
  all = compute (c, "2027-02-15");

  year = cl_discipline_year_of (s, D ("2027-02-15"));
  g_assert_cmpuint (year.session.first_day, ==, D ("2026-08-17"));
  g_assert_cmpfloat (year.counted_days, ==, 21.5);
  g_assert_cmpfloat (year.suspension_days, ==, 20.5);
  g_assert_cmpfloat (year.in_school_days, ==, 4);
  g_assert_cmpfloat (year.longest_suspension, ==, 6);
  g_assert_cmpuint (year.removals, ==, 8);
  /* The summer before belongs to 2026-27 too; 2025-26 has nothing. */
  g_assert_cmpfloat (cl_discipline_year_of (s, D ("2026-07-01")).counted_days, ==, 21.5);
  g_assert_cmpfloat (cl_discipline_year_of (s, D ("2026-03-02")).counted_days, ==, 0);

  /* The log's running totals are the ones in the table above. */
  {
    g_autoptr(GArray) log = cl_discipline_removal_log (s);
    const double expected[] = { 3, 9, 9.5, 9.5, 10.5, 15.5, 20.5, 21.5 };

    g_assert_cmpuint (log->len, ==, G_N_ELEMENTS (expected));
    for (guint i = 0; i < log->len; i++)
      g_assert_cmpfloat (g_array_index (log, ClRemovalEntry, i).running_total, ==, expected[i]);
    g_assert_false (g_array_index (log, ClRemovalEntry, 3).counts);
    g_assert_true (g_array_index (log, ClRemovalEntry, 4).counts);
  }

  /* Services from the removal that passes 10 days, not done: overdue (status by date). */
  services = dues (all, "S1", "removal_services_required");
  g_assert_cmpstr (services, ==, "2026-11-09 overdue");
  /* The 6-day suspension and the one that passes 20 in the year; never "met". */
  limit = dues (all, "S1", "suspension_limit_exceeded");
  g_assert_cmpstr (limit, ==, "2026-10-05 overdue, 2027-02-01 overdue");
  mdr = dues (all, "S1", "manifestation_determination_due");
  g_assert_cmpstr (mdr, ==, "");
}

/* Change of placement, manifestation determination and IAES (rules.md §4; HB 9.6, 9.7). */
static void
test_change_of_placement (void)
{
  g_autoptr(ClCaseload) c = lincoln_caseload ();
  ClStudent *s = add_student (c, "S1", "One", "lincoln");
  ClStudent *t = add_student (c, "S2", "Two", "lincoln");
  g_autoptr(GPtrArray) all = NULL;
  g_autofree char *mdr_s = NULL, *mdr_t = NULL, *iaes = NULL;
  ClEvent *removal, *meeting;
  const ClObligation *ob;
  int caused, failure;

  /* An other removal of 11 school days on Mon 2027-03-01 is itself a change of placement: the
   * 10th school day after it is Mar 2,3,4,5, 8,9,10,11,12, 15 -> 2027-03-15. The meeting on
   * 2027-03-10 meets it; one "yes" makes the conduct a manifestation. */
  removal = add_removal (s, "2027-03-01", 11, CL_REMOVAL_OTHER);
  removal->special = CL_SPECIAL_NONE;
  meeting = cl_student_add_event (s, CL_EVENT_IEP_MEETING, D ("2027-03-10"));
  meeting->kind = CL_MEETING_MANIFESTATION;
  meeting->extra = json_object_new ();
  json_object_set_boolean_member (meeting->extra, CL_MDR_CAUSED_BY_DISABILITY, FALSE);
  json_object_set_boolean_member (meeting->extra, CL_MDR_FAILURE_TO_IMPLEMENT, TRUE);

  /* rules.md §6 example 7: a decision on 2026-11-18 -> 2026-12-09 (Thanksgiving week closed).
   * Example 8: an IAES from 2026-12-01 ends 45 school days later, 2027-02-17. */
  cl_student_add_event (t, CL_EVENT_PLACEMENT_CHANGE_DECISION, D ("2026-11-18"));
  cl_student_add_event (t, CL_EVENT_IAES_PLACEMENT, D ("2026-12-01"));
  all = compute (c, "2026-12-01");

  mdr_s = dues (all, "S1", "manifestation_determination_due");
  g_assert_cmpstr (mdr_s, ==, "2027-03-15 met");
  mdr_t = dues (all, "S2", "manifestation_determination_due");
  g_assert_cmpstr (mdr_t, ==, "2026-12-09 due_soon");
  iaes = dues (all, "S2", "iaes_ends");
  g_assert_cmpstr (iaes, ==, "2027-02-17 upcoming");

  /* The removal finds the obligation it started, with its note on notifying the parents. */
  removal = &g_array_index (s->events, ClEvent, 0);
  ob = cl_discipline_find_obligation (all, s, removal, "manifestation_determination_due");
  g_assert_nonnull (ob);
  g_assert_cmpuint (ob->due, ==, D ("2027-03-15"));
  g_assert_nonnull (strstr (ob->note, "on the day it is made"));
  g_assert_null (cl_discipline_find_obligation (all, s, removal, "iaes_ends"));

  g_assert_cmpint (cl_discipline_mdr_read (&g_array_index (s->events, ClEvent, 1), &caused, &failure), ==,
                   CL_MDR_MANIFESTATION);
  g_assert_cmpint (caused, ==, 0);
  g_assert_cmpint (failure, ==, 1);
}

/* HB 9.6: either question answered yes is a manifestation; both no is not; otherwise undecided. */
static void
test_mdr_outcome (void)
{
  g_assert_cmpint (cl_discipline_mdr_outcome (1, 0), ==, CL_MDR_MANIFESTATION);
  g_assert_cmpint (cl_discipline_mdr_outcome (0, 1), ==, CL_MDR_MANIFESTATION);
  g_assert_cmpint (cl_discipline_mdr_outcome (1, -1), ==, CL_MDR_MANIFESTATION);
  g_assert_cmpint (cl_discipline_mdr_outcome (0, 0), ==, CL_MDR_NOT_MANIFESTATION);
  g_assert_cmpint (cl_discipline_mdr_outcome (0, -1), ==, CL_MDR_UNDECIDED);
  g_assert_cmpint (cl_discipline_mdr_outcome (-1, -1), ==, CL_MDR_UNDECIDED);
}

/* The principal's watch on 2026-12-01 (school year 2026-27), threshold 8 days:
 *   A  Lincoln    4 + 4 = 8 counted                        listed, 8
 *   B  Lincoln    7.5 counted + 3 in school (not counted)  not listed
 *   C  Lincoln    6 + 6 in 2025-26, nothing in 2026-27     not listed (a new year starts at 0;
 *                 no removal over 10 consecutive days, so no change of placement and no MDR)
 *   D  Lincoln    decision 2026-11-18: MDR due 2026-12-09  listed, 0 days
 *   E  Lincoln    IAES 2026-12-01: ends 2027-02-17         listed, 0 days
 *   F  Riverside  9 counted                                listed, 9
 *   G  Riverside  4 counted; MDR held 2026-11-20: met       not listed
 *   H  Riverside  6 + 5 = 11 counted                       listed, 11: more than 10, so the
 *                 engine's removal_services_required (due 2026-11-02, not met: overdue)
 * Lincoln: A (8), then D and E (0, by name); Riverside: H (11), F (9). */
static void
test_report (void)
{
  g_autoptr(ClCaseload) c = lincoln_caseload ();
  ClStudent *a = add_student (c, "A", "Adams", "lincoln");
  ClStudent *b = add_student (c, "B", "Baker", "lincoln");
  ClStudent *cc = add_student (c, "C", "Clark", "lincoln");
  ClStudent *d = add_student (c, "D", "Diaz", "lincoln");
  ClStudent *e = add_student (c, "E", "Evans", "lincoln");
  ClStudent *f = add_student (c, "F", "Fox", "riverside");
  ClStudent *g = add_student (c, "G", "Gray", "riverside");
  ClStudent *h = add_student (c, "H", "Hill", "riverside");
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GPtrArray) report = NULL;
  const ClDisciplineSchool *lincoln, *riverside;
  const ClDisciplineWatch *w;

  add_removal (a, "2026-09-14", 4, CL_REMOVAL_SUSPENSION);
  add_removal (a, "2026-10-05", 4, CL_REMOVAL_OTHER);
  add_removal (b, "2026-09-14", 7.5, CL_REMOVAL_OTHER);
  add_removal (b, "2026-10-05", 3, CL_REMOVAL_IN_SCHOOL_SUSPENSION);
  add_removal (cc, "2026-03-02", 6, CL_REMOVAL_OTHER);
  add_removal (cc, "2026-03-16", 6, CL_REMOVAL_OTHER);
  cl_student_add_event (d, CL_EVENT_PLACEMENT_CHANGE_DECISION, D ("2026-11-18"));
  cl_student_add_event (e, CL_EVENT_IAES_PLACEMENT, D ("2026-12-01"));
  add_removal (f, "2026-10-05", 5, CL_REMOVAL_SUSPENSION);
  add_removal (f, "2026-11-02", 4, CL_REMOVAL_SUSPENSION);
  add_removal (g, "2026-11-16", 4, CL_REMOVAL_SUSPENSION);
  cl_student_add_event (g, CL_EVENT_PLACEMENT_CHANGE_DECISION, D ("2026-11-18"));
  cl_student_add_event (g, CL_EVENT_IEP_MEETING, D ("2026-11-20"))->kind = CL_MEETING_MANIFESTATION;
  add_removal (h, "2026-10-05", 6, CL_REMOVAL_OTHER);
  add_removal (h, "2026-11-02", 5, CL_REMOVAL_OTHER);
  all = compute (c, "2026-12-01");
  report = cl_discipline_report_new (c, all, D ("2026-12-01"), 8);

  g_assert_cmpuint (report->len, ==, 2);
  lincoln = g_ptr_array_index (report, 0);
  riverside = g_ptr_array_index (report, 1);
  g_assert_cmpstr (lincoln->school->id, ==, "lincoln");
  g_assert_cmpuint (lincoln->students->len, ==, 3);
  w = g_ptr_array_index (lincoln->students, 0);
  g_assert_cmpstr (w->student->id, ==, "A");
  g_assert_cmpfloat (w->counted_days, ==, 8);
  g_assert_cmpuint (w->mdr_due, ==, CL_DATE_NONE);
  w = g_ptr_array_index (lincoln->students, 1);
  g_assert_cmpstr (w->student->id, ==, "D");
  g_assert_cmpuint (w->mdr_due, ==, D ("2026-12-09"));
  g_assert_cmpint (w->mdr_status, ==, CL_STATUS_DUE_SOON);
  w = g_ptr_array_index (lincoln->students, 2);
  g_assert_cmpstr (w->student->id, ==, "E");
  g_assert_cmpuint (w->iaes_ends, ==, D ("2027-02-17"));
  g_assert_false (w->services_required);
  g_assert_cmpuint (riverside->students->len, ==, 2);
  w = g_ptr_array_index (riverside->students, 0);
  g_assert_cmpstr (w->student->id, ==, "H");
  g_assert_cmpfloat (w->counted_days, ==, 11);
  g_assert_true (w->services_required);
  g_assert_cmpint (w->services_status, ==, CL_STATUS_OVERDUE);
  w = g_ptr_array_index (riverside->students, 1);
  g_assert_cmpstr (w->student->id, ==, "F");
  g_assert_cmpfloat (w->counted_days, ==, 9);
  g_assert_false (w->services_required);
}

/* What the forms keep in an event's extra comes back from a bundle as it went in. */
static void
test_extra_round_trip (void)
{
  g_autoptr(ClCaseload) c = lincoln_caseload ();
  g_autoptr(ClCaseload) back = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *again = NULL;
  ClStudent *s = add_student (c, "S1", "One", "lincoln");
  ClEvent *e;
  int caused, failure;

  e = add_removal (s, "2026-10-05", 2.5, CL_REMOVAL_SUSPENSION);
  e->special = CL_SPECIAL_WEAPON;
  e->extra = json_object_new ();
  json_object_set_string_member (e->extra, CL_REMOVAL_DESCRIPTION, "Brought a pocket knife to PE");
  e = cl_student_add_event (s, CL_EVENT_IEP_MEETING, D ("2026-10-12"));
  e->kind = CL_MEETING_MANIFESTATION;
  e->extra = json_object_new ();
  json_object_set_boolean_member (e->extra, CL_MDR_CAUSED_BY_DISABILITY, FALSE);
  json_object_set_boolean_member (e->extra, CL_MDR_FAILURE_TO_IMPLEMENT, FALSE);
  json_object_set_string_member (e->extra, CL_MDR_OUTCOME, "not_manifestation");
  e = cl_student_add_event (s, CL_EVENT_RECORDS_REQUEST, D ("2026-10-13"));
  e->extra = json_object_new ();
  json_object_set_string_member (e->extra, "requested_by", "Parent (synthetic)");
  cl_student_sort_events (s);

  text = cl_bundle_write (c);
  back = cl_bundle_read_data (text, -1, &error);
  g_assert_no_error (error);
  s = cl_caseload_lookup_student (back, "S1");
  e = &g_array_index (s->events, ClEvent, 0);
  g_assert_cmpint (e->special, ==, CL_SPECIAL_WEAPON);
  g_assert_cmpfloat (e->school_days, ==, 2.5);
  g_assert_cmpstr (json_object_get_string_member (e->extra, CL_REMOVAL_DESCRIPTION), ==, "Brought a pocket knife to PE");
  e = &g_array_index (s->events, ClEvent, 1);
  g_assert_cmpint (cl_discipline_mdr_read (e, &caused, &failure), ==, CL_MDR_NOT_MANIFESTATION);
  g_assert_cmpint (caused, ==, 0);
  g_assert_cmpstr (json_object_get_string_member (e->extra, CL_MDR_OUTCOME), ==, "not_manifestation");
  e = &g_array_index (s->events, ClEvent, 2);
  g_assert_cmpstr (json_object_get_string_member (e->extra, "requested_by"), ==, "Parent (synthetic)");
  again = cl_bundle_write (back);
  g_assert_cmpstr (again, ==, text);

  /* A form changes a copy, never the event it was opened on. */
  {
    g_autoptr(JsonObject) copy = cl_discipline_dup_extra (e);

    json_object_set_string_member (copy, "requested_by", "Someone else");
    g_assert_cmpstr (json_object_get_string_member (e->extra, "requested_by"), ==, "Parent (synthetic)");
  }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/discipline/two-school-years", test_two_school_years);
  g_test_add_func ("/discipline/thresholds", test_thresholds);
  g_test_add_func ("/discipline/change-of-placement", test_change_of_placement);
  g_test_add_func ("/discipline/mdr-outcome", test_mdr_outcome);
  g_test_add_func ("/discipline/report", test_report);
  g_test_add_func ("/discipline/extra-round-trip", test_extra_round_trip);
  return g_test_run ();
}
