/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-school-calendar.c — day classes and counts on a school calendar
 *
 * The Lincoln calendar and the expected dates are rules.md §6; the "Test" calendar adds a break of
 * exactly five weekdays and one of six (rules.md §2, "vacation in excess of five school days").
 * Every expected date below was counted by hand on a printed calendar.
 */
#include "cl-school-calendar.h"
#include "cl-test-util.h"

typedef struct {
  ClCaseload *caseload;
  ClSchool   *lincoln;
  ClSchool   *test;
  ClSchoolCalendar *lincoln_table;
  ClSchoolCalendar *test_table;
} Fixture;

static ClCalendarYear *
add_year (Fixture    *f,
          ClSchool   *school,
          const char *id,
          const char *first,
          const char *last)
{
  ClCalendarYear *year = cl_calendar_year_new (id, D (first), D (last));
  g_assert_true (cl_caseload_add_calendar (f->caseload, year));
  cl_school_add_calendar (school, year);
  return year;
}

static void
closed (ClCalendarYear *year,
        const char     *from,
        const char     *to,
        const char     *label,
        gboolean        holiday)
{
  cl_calendar_year_add_closed (year, D (from), D (to), label, holiday);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  ClCalendarYear *y;

  f->caseload = cl_caseload_new ();
  f->lincoln = cl_school_new ("lincoln", "Lincoln");
  f->test = cl_school_new ("test", "Test");
  g_assert_true (cl_caseload_add_school (f->caseload, f->lincoln));
  g_assert_true (cl_caseload_add_school (f->caseload, f->test));

  /* Added out of order on purpose: the school keeps them sorted. */
  y = add_year (f, f->lincoln, "lincoln-2026", "2026-08-17", "2027-06-10");
  closed (y, "2026-09-07", "2026-09-07", "Labor Day", TRUE);
  closed (y, "2026-11-23", "2026-11-27", "Thanksgiving", TRUE);
  closed (y, "2026-12-21", "2027-01-01", "Winter break", FALSE);
  closed (y, "2027-01-18", "2027-01-18", "Martin Luther King Jr. Day", TRUE);
  closed (y, "2027-03-29", "2027-04-02", "Spring break", FALSE);
  y = add_year (f, f->lincoln, "lincoln-2025", "2025-08-18", "2026-06-11");
  closed (y, "2025-09-01", "2025-09-01", "Labor Day", TRUE);
  closed (y, "2025-11-24", "2025-11-28", "Thanksgiving", TRUE);
  closed (y, "2025-12-22", "2026-01-02", "Winter break", FALSE);
  closed (y, "2026-04-06", "2026-04-10", "Spring break", FALSE);

  y = add_year (f, f->test, "test-2030", "2030-08-19", "2031-06-13");
  closed (y, "2030-11-25", "2030-11-29", "Five-day break", FALSE);
  closed (y, "2031-03-24", "2031-03-31", "Six-day break", FALSE);

  f->lincoln_table = cl_school_calendar_new (f->lincoln);
  f->test_table = cl_school_calendar_new (f->test);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  cl_school_calendar_unref (f->lincoln_table);
  cl_school_calendar_unref (f->test_table);
  g_object_unref (f->caseload);
}

static void
test_day_classes (Fixture       *f,
                  gconstpointer  data)
{
  const struct { const char *day; ClDayClass has; ClDayClass lacks; } cases[] = {
    { "2026-11-24", CL_DAY_IN_SESSION | CL_DAY_CLOSED, CL_DAY_SCHOOL | CL_DAY_BUSINESS | CL_DAY_LONG_VACATION },
    { "2026-11-21", CL_DAY_IN_SESSION, CL_DAY_SCHOOL | CL_DAY_LONG_VACATION },   /* Thanksgiving run: 5 weekdays */
    { "2026-12-19", CL_DAY_IN_SESSION | CL_DAY_LONG_VACATION, CL_DAY_SCHOOL },   /* Saturday bounding winter break */
    { "2027-01-03", CL_DAY_IN_SESSION | CL_DAY_LONG_VACATION, CL_DAY_SCHOOL },
    { "2026-12-22", CL_DAY_IN_SESSION | CL_DAY_LONG_VACATION | CL_DAY_BUSINESS, CL_DAY_SCHOOL },
    { "2027-01-04", CL_DAY_IN_SESSION | CL_DAY_SCHOOL | CL_DAY_BUSINESS, CL_DAY_LONG_VACATION },
    { "2027-01-18", CL_DAY_IN_SESSION | CL_DAY_CLOSED, CL_DAY_SCHOOL | CL_DAY_BUSINESS | CL_DAY_LONG_VACATION },
    { "2027-03-31", CL_DAY_IN_SESSION | CL_DAY_BUSINESS, CL_DAY_SCHOOL | CL_DAY_LONG_VACATION }, /* spring: 5 weekdays */
    { "2026-07-02", CL_DAY_BUSINESS, CL_DAY_IN_SESSION | CL_DAY_SCHOOL | CL_DAY_PROJECTED },   /* summer */
    { "2027-06-10", CL_DAY_IN_SESSION | CL_DAY_SCHOOL, CL_DAY_PROJECTED },
    { "2027-06-11", CL_DAY_BUSINESS | CL_DAY_PROJECTED, CL_DAY_IN_SESSION },
    { "2027-08-17", CL_DAY_IN_SESSION | CL_DAY_SCHOOL | CL_DAY_PROJECTED, 0 },   /* projected session */
    { "2025-08-15", CL_DAY_PROJECTED, CL_DAY_IN_SESSION },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      ClDayClass c = cl_school_calendar_classify (f->lincoln_table, D (cases[i].day));
      g_test_message ("%s: class %#x", cases[i].day, c);
      g_assert_cmpint (c & cases[i].has, ==, cases[i].has);
      g_assert_cmpint (c & cases[i].lacks, ==, 0);
    }
}

typedef struct {
  const char  *why;
  ClCountKind  kind;
  const char  *from;
  guint        n;
  const char  *due;
  gboolean     estimated;
} CountCase;

static void
check_counts (ClSchoolCalendar *table,
              const CountCase  *cases,
              guint             n_cases)
{
  for (guint i = 0; i < n_cases; i++)
    {
      gboolean estimated = !cases[i].estimated;
      ClDate due = cl_school_calendar_count (table, cases[i].kind, D (cases[i].from), cases[i].n,
                                             &estimated);
      g_autofree char *got = cl_date_to_iso (due);

      g_test_message ("%s", cases[i].why);
      g_assert_cmpstr (got, ==, cases[i].due);
      g_assert_cmpint (estimated, ==, cases[i].estimated);
    }
}

static void
test_lincoln_counts (Fixture       *f,
                     gconstpointer  data)
{
  const CountCase cases[] = {
    { "rules.md ex 1: Dec 11–18 (8), skip Dec 19–Jan 3, Jan 4–10 (7)", CL_COUNT_CA_PAUSE, "2026-12-10", 15, "2027-01-10", FALSE },
    { "rules.md ex 2: Thanksgiving run has 5 weekdays, nothing skipped", CL_COUNT_CA_PAUSE, "2026-11-16", 15, "2026-12-01", FALSE },
    { "rules.md ex 3: 60 days over winter break", CL_COUNT_CA_PAUSE, "2026-10-26", 60, "2027-01-10", FALSE },
    { "rules.md ex 6: Apr 21–Jun 11 = 52, summer skipped, Aug 17–24 = 8", CL_COUNT_CA_PAUSE, "2026-04-20", 60, "2026-08-24", FALSE },
    { "rules.md ex 6, US pack: calendar days", CL_COUNT_CALENDAR, "2026-04-20", 60, "2026-06-19", FALSE },
    { "rules.md ex 13: 30 days over winter break", CL_COUNT_CA_PAUSE, "2026-12-03", 30, "2027-01-18", FALSE },
    { "trigger in summer: counting starts when school reconvenes (Aug 17..31 = 15)", CL_COUNT_CA_PAUSE, "2026-07-01", 15, "2026-08-31", FALSE },
    { "trigger inside winter break: Jan 4..18 = 15", CL_COUNT_CA_PAUSE, "2026-12-23", 15, "2027-01-18", FALSE },
    { "rules.md ex 7: Nov 19, 20, 30, Dec 1–4, 7, 8, 9", CL_COUNT_SCHOOL, "2026-11-18", 10, "2026-12-09", FALSE },
    { "rules.md ex 8: 45 school days over winter break and Jan 18", CL_COUNT_SCHOOL, "2026-12-01", 45, "2027-02-17", FALSE },
    { "rules.md ex 12: 30 school days", CL_COUNT_SCHOOL, "2026-11-02", 30, "2027-01-04", FALSE },
    { "rules.md ex 9: Nov 30, Dec 1–4 (Thanksgiving holiday)", CL_COUNT_BUSINESS, "2026-11-20", 5, "2026-12-04", FALSE },
    { "rules.md ex 9, summer: Jul 3, 6, 7, 8, 9", CL_COUNT_BUSINESS, "2026-07-02", 5, "2026-07-09", FALSE },
    { "winter break is not a holiday: business days continue (Dec 21–24)", CL_COUNT_BUSINESS, "2026-12-18", 4, "2026-12-24", FALSE },
    { "past the last calendar: Jun 2–10 (9), projected 2027-28 from Aug 17: 17–22 (6)", CL_COUNT_CA_PAUSE, "2027-06-01", 15, "2027-08-22", TRUE },
    { "school days past the last calendar: Jun 9, 10, then projected Aug 17", CL_COUNT_SCHOOL, "2027-06-08", 3, "2027-08-17", TRUE },
    { "business days are never estimated", CL_COUNT_BUSINESS, "2027-06-10", 5, "2027-06-17", FALSE },
    { "calendar days are never estimated", CL_COUNT_CALENDAR, "2027-06-10", 90, "2027-09-08", FALSE },
  };

  check_counts (f->lincoln_table, cases, G_N_ELEMENTS (cases));
}

static void
test_break_lengths (Fixture       *f,
                    gconstpointer  data)
{
  const CountCase cases[] = {
    { "5-weekday break is counted: Nov 23, 24, 25, 26, 27", CL_COUNT_CA_PAUSE, "2030-11-22", 5, "2030-11-27", FALSE },
    { "6-weekday break (Sat Mar 22 – Mon Mar 31) is skipped: Apr 1–5", CL_COUNT_CA_PAUSE, "2031-03-21", 5, "2031-04-05", FALSE },
    { "school days over the 6-weekday break: Apr 1, 2, 3", CL_COUNT_SCHOOL, "2031-03-21", 3, "2031-04-03", FALSE },
  };

  check_counts (f->test_table, cases, G_N_ELEMENTS (cases));
}

static void
test_sessions (Fixture       *f,
               gconstpointer  data)
{
  const struct { const char *day; int offset; const char *first; const char *last; gboolean projected; } cases[] = {
    { "2026-06-11", 0, "2025-08-18", "2026-06-11", FALSE },
    { "2026-06-12", 0, "2026-08-17", "2027-06-10", FALSE },  /* summer belongs to the coming year */
    { "2026-05-26", 1, "2026-08-17", "2027-06-10", FALSE },
    { "2027-05-01", 1, "2027-08-17", "2028-06-10", TRUE },
    { "2025-07-01", 0, "2025-08-18", "2026-06-11", FALSE },
    { "2025-05-01", 0, "2024-08-18", "2025-06-11", TRUE },   /* projected back from the first */
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      ClSchoolYear s;
      g_assert_true (cl_school_calendar_session (f->lincoln_table, D (cases[i].day), cases[i].offset, &s));
      g_assert_cmpuint (s.first_day, ==, D (cases[i].first));
      g_assert_cmpuint (s.last_day, ==, D (cases[i].last));
      g_assert_cmpint (s.projected, ==, cases[i].projected);
    }
}

static void
test_skipped_runs (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GArray) runs = cl_school_calendar_skipped (f->lincoln_table, D ("2026-10-26"), D ("2027-01-10"));
  const ClSkippedRun *r;

  g_assert_cmpuint (runs->len, ==, 1);
  r = &g_array_index (runs, ClSkippedRun, 0);
  g_assert_cmpuint (r->from, ==, D ("2026-12-19"));
  g_assert_cmpuint (r->to, ==, D ("2027-01-03"));
  g_assert_cmpuint (r->to - r->from + 1, ==, 16);
  g_assert_cmpstr (r->label, ==, "Winter break");
}

static void
test_far_dates (Fixture       *f,
                gconstpointer  data)
{
  gboolean estimated = FALSE;
  /* Ten years past the last calendar: the table grows, the projection still holds. */
  ClDate due = cl_school_calendar_count (f->lincoln_table, CL_COUNT_SCHOOL, D ("2037-08-17"), 1, &estimated);

  g_assert_cmpuint (due, ==, D ("2037-08-18"));
  g_assert_true (estimated);
  due = cl_school_calendar_count (f->lincoln_table, CL_COUNT_SCHOOL, D ("2010-06-01"), 1, &estimated);
  g_assert_cmpuint (due, ==, D ("2010-06-02"));
  g_assert_true (estimated);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/school-calendar/day-classes", test_day_classes);
  ADD ("/school-calendar/lincoln-counts", test_lincoln_counts);
  ADD ("/school-calendar/break-lengths", test_break_lengths);
  ADD ("/school-calendar/sessions", test_sessions);
  ADD ("/school-calendar/skipped-runs", test_skipped_runs);
  ADD ("/school-calendar/far-dates", test_far_dates);
#undef ADD
  return g_test_run ();
}
