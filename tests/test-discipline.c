/* test-discipline.c — removal totals per school year (rules.md §4 removal_services_required,
 * suspension_limit_exceeded; §6 example 14), worked by hand on the Lincoln calendar. */
#include "cl-discipline.h"

static ClDate
D (const char *iso)
{
  ClDate d = CL_DATE_NONE;
  g_assert_true (cl_date_parse_iso (iso, &d));
  return d;
}

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
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/discipline/two-school-years", test_two_school_years);
  return g_test_run ();
}
