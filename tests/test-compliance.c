/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-compliance.c — the principal's figures per school and per case manager, counted by hand
 *
 * As of 2026-11-24: "overdue" is an open item past due, "due in 30 days" an open item due by
 * 2026-12-24, and the on-time rate counts what fell due from 2025-11-24 to 2026-11-23 (met on
 * time, against met on time + met late + overdue).
 */
#include "cl-compliance.h"
#include "cl-test-util.h"

static void
add_obligation (GPtrArray          *obligations,
                const ClStudent    *student,
                const char         *due,
                ClObligationStatus  status)
{
  ClObligation *ob = g_new0 (ClObligation, 1);

  ob->student = student;
  ob->due = D (due);
  ob->met_on = CL_DATE_NONE;
  ob->status = status;
  g_ptr_array_add (obligations, ob);
}

static ClCaseload *
two_schools (void)
{
  ClCaseload *c = cl_caseload_new ();
  ClSchool *north = cl_school_new ("north", "North Middle");
  ClSchool *south = cl_school_new ("south", "South High");
  ClStaff *ana = cl_staff_new ("ana", "Ana Reyes", CL_STAFF_CASE_MANAGER);
  ClStaff *ben = cl_staff_new ("ben", "Ben Ortiz", CL_STAFF_CASE_MANAGER);
  const struct { const char *id; ClSchool *school; ClStaff *manager; } students[] = {
    { "N1", north, ana }, { "N2", north, ana }, { "N3", north, NULL }, { "S1", south, ben },
  };

  cl_caseload_add_school (c, north);
  cl_caseload_add_school (c, south);
  cl_caseload_add_staff (c, ana);
  cl_caseload_add_staff (c, ben);
  for (guint i = 0; i < G_N_ELEMENTS (students); i++)
    {
      ClStudent *s = cl_student_new (students[i].id);

      s->school = students[i].school;
      s->case_manager = students[i].manager;
      cl_caseload_add_student (c, s);
    }
  return c;
}

static const ClComplianceTally *
find (GPtrArray  *tallies,
      const char *id)
{
  for (guint i = 0; i < tallies->len; i++)
    {
      const ClComplianceTally *t = g_ptr_array_index (tallies, i);
      if (g_str_equal (t->id, id))
        return t;
    }
  g_assert_not_reached ();
}

static void
test_tallies (void)
{
  g_autoptr(ClCaseload) c = two_schools ();
  g_autoptr(GPtrArray) obligations = g_ptr_array_new_with_free_func ((GDestroyNotify) cl_obligation_free);
  g_autoptr(ClComplianceReport) all = NULL;
  g_autoptr(ClComplianceReport) north = NULL;
  const ClStudent *n1 = cl_caseload_lookup_student (c, "N1");
  const ClStudent *n2 = cl_caseload_lookup_student (c, "N2");
  const ClStudent *n3 = cl_caseload_lookup_student (c, "N3");
  const ClStudent *s1 = cl_caseload_lookup_student (c, "S1");
  const ClComplianceTally *t;
  ClDate today = D ("2026-11-24");

  /* N1 (Ana): one overdue, one met on time, one met late; one met two years ago (outside). */
  add_obligation (obligations, n1, "2026-11-02", CL_STATUS_OVERDUE);
  add_obligation (obligations, n1, "2026-03-01", CL_STATUS_MET);
  add_obligation (obligations, n1, "2025-11-24", CL_STATUS_MET_LATE);  /* exactly 365 days: in */
  add_obligation (obligations, n1, "2024-10-01", CL_STATUS_MET);       /* outside the 12 months */
  /* N2 (Ana): due in 30 days at both edges, and one just after. */
  add_obligation (obligations, n2, "2026-11-24", CL_STATUS_DUE_SOON);  /* due today: not yet late */
  add_obligation (obligations, n2, "2026-12-24", CL_STATUS_UPCOMING);
  add_obligation (obligations, n2, "2026-12-25", CL_STATUS_UPCOMING);
  /* N3 (no case manager): overdue twice, one met on time. */
  add_obligation (obligations, n3, "2026-10-01", CL_STATUS_OVERDUE);
  add_obligation (obligations, n3, "2026-11-23", CL_STATUS_OVERDUE);
  add_obligation (obligations, n3, "2026-09-01", CL_STATUS_MET);
  /* S1 (Ben): met on time, met late. */
  add_obligation (obligations, s1, "2026-06-01", CL_STATUS_MET);
  add_obligation (obligations, s1, "2026-08-20", CL_STATUS_MET_LATE);
  /* S1: a plan follow-up past its day and one coming: prompts, not deadlines, counted nowhere. */
  add_obligation (obligations, s1, "2026-11-17", CL_STATUS_OVERDUE);
  ((ClObligation *) g_ptr_array_index (obligations, obligations->len - 1))->prompt = TRUE;
  add_obligation (obligations, s1, "2026-12-01", CL_STATUS_DUE_SOON);
  ((ClObligation *) g_ptr_array_index (obligations, obligations->len - 1))->prompt = TRUE;

  all = cl_compliance_report_new (c, obligations, today, NULL);
  g_assert_cmpuint (all->total.students, ==, 4);
  g_assert_cmpuint (all->total.overdue, ==, 3);
  g_assert_cmpuint (all->total.due_30, ==, 2);
  /* Counted: N1 ×3, N3 ×3, S1 ×2 = 8; on time: N1 1, N3 1, S1 1 = 3 → 37.5 % → 38. */
  g_assert_cmpuint (all->total.counted, ==, 8);
  g_assert_cmpuint (all->total.on_time, ==, 3);
  g_assert_cmpint (cl_compliance_on_time_percent (&all->total), ==, 38);

  g_assert_cmpuint (all->schools->len, ==, 2);
  t = find (all->schools, "north");
  g_assert_cmpstr (t->name, ==, "North Middle");
  g_assert_cmpuint (t->students, ==, 3);
  g_assert_cmpuint (t->overdue, ==, 3);
  g_assert_cmpuint (t->due_30, ==, 2);
  g_assert_cmpuint (t->counted, ==, 6);
  g_assert_cmpuint (t->on_time, ==, 2);
  t = find (all->schools, "south");
  g_assert_cmpuint (t->students, ==, 1);
  g_assert_cmpint (cl_compliance_on_time_percent (t), ==, 50);

  /* Managers, most overdue first: no case manager (2), Ana (1), Ben (0). */
  g_assert_cmpuint (all->managers->len, ==, 3);
  t = g_ptr_array_index (all->managers, 0);
  g_assert_cmpstr (t->id, ==, "");
  g_assert_cmpuint (t->overdue, ==, 2);
  g_assert_cmpuint (t->students, ==, 1);
  t = g_ptr_array_index (all->managers, 1);
  g_assert_cmpstr (t->id, ==, "ana");
  g_assert_cmpuint (t->students, ==, 2);
  g_assert_cmpuint (t->overdue, ==, 1);
  g_assert_cmpuint (t->due_30, ==, 2);
  g_assert_cmpuint (t->counted, ==, 3);
  g_assert_cmpuint (t->on_time, ==, 1);
  g_assert_cmpint (cl_compliance_on_time_percent (t), ==, 33);
  t = g_ptr_array_index (all->managers, 2);
  g_assert_cmpstr (t->id, ==, "ben");
  g_assert_cmpuint (t->overdue, ==, 0);

  /* One school: only its students and managers. */
  north = cl_compliance_report_new (c, obligations, today, "north");
  g_assert_cmpuint (north->total.students, ==, 3);
  g_assert_cmpuint (north->schools->len, ==, 1);
  g_assert_cmpuint (north->managers->len, ==, 2);
  g_assert_cmpuint (north->total.counted, ==, 6);
}

static void
test_nothing_due (void)
{
  g_autoptr(ClCaseload) c = two_schools ();
  g_autoptr(ClComplianceReport) report = cl_compliance_report_new (c, NULL, D ("2026-11-24"), NULL);

  g_assert_cmpuint (report->total.students, ==, 4);
  g_assert_cmpuint (report->total.overdue, ==, 0);
  g_assert_cmpint (cl_compliance_on_time_percent (&report->total), ==, -1);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/compliance/tallies", test_tallies);
  g_test_add_func ("/compliance/nothing-due", test_nothing_due);
  return g_test_run ();
}
