/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-date.c — day numbers, ISO dates, anniversaries and ages */
#include "cl-date.h"
#include "cl-test-util.h"

static void
test_parse_valid (void)
{
  const struct { const char *iso; int y, m, d; } cases[] = {
    { "2026-11-24", 2026, 11, 24 },
    { "2024-02-29", 2024, 2, 29 },     /* leap day */
    { "2000-02-29", 2000, 2, 29 },     /* divisible by 400: leap */
    { "0001-01-01", 1, 1, 1 },
    { "9999-12-31", 9999, 12, 31 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      int y, m, d;
      char buf[11];

      cl_date_to_ymd (D (cases[i].iso), &y, &m, &d);
      g_assert_cmpint (y, ==, cases[i].y);
      g_assert_cmpint (m, ==, cases[i].m);
      g_assert_cmpint (d, ==, cases[i].d);
      cl_date_format_iso (D (cases[i].iso), buf);
      g_assert_cmpstr (buf, ==, cases[i].iso);
    }
}

static void
test_parse_invalid (void)
{
  const char *bad[] = {
    "2026-02-30", "2026-02-29", "1900-02-29", "2026-13-01", "2026-00-10", "2026-01-00",
    "2026-1-01", "26-01-01", "2026/01/01", "", "2026-01-01T10:00", " 2026-01-01", "abcd-ef-gh",
    "0000-01-01",
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      ClDate d = 42;
      g_assert_false (cl_date_parse_iso (bad[i], &d));
      g_assert_cmpuint (d, ==, 42);
    }
  {
    ClDate d = 42;
    g_assert_false (cl_date_parse_iso (NULL, &d));
  }
}

static void
test_weekday (void)
{
  /* Hand-checked against a printed 2026 calendar. */
  g_assert_cmpint (cl_date_weekday (D ("2026-11-24")), ==, G_DATE_TUESDAY);
  g_assert_cmpint (cl_date_weekday (D ("2026-12-19")), ==, G_DATE_SATURDAY);
  g_assert_cmpint (cl_date_weekday (D ("2027-01-03")), ==, G_DATE_SUNDAY);
  g_assert_cmpint (cl_date_weekday (D ("2027-01-04")), ==, G_DATE_MONDAY);
  g_assert_cmpint (cl_date_weekday (D ("2024-02-29")), ==, G_DATE_THURSDAY);
  g_assert_true (cl_date_is_weekday (D ("2026-11-20")));
  g_assert_false (cl_date_is_weekday (D ("2026-11-21")));
}

static void
test_add_years (void)
{
  /* rules.md §2: Feb 29 becomes Feb 28 in a common year; §6 example 10. */
  const struct { const char *from; int years; const char *expected; } cases[] = {
    { "2012-02-29", 16, "2028-02-29" },
    { "2012-02-29", 17, "2029-02-28" },
    { "2012-02-29", 18, "2030-02-28" },
    { "2012-02-29", 1, "2013-02-28" },
    { "2012-02-29", -1, "2011-02-28" },
    { "2025-08-18", 1, "2026-08-18" },
    { "2026-02-26", 1, "2027-02-26" },
    { "2010-09-02", 16, "2026-09-02" },
    { "2026-12-31", 3, "2029-12-31" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    g_assert_cmpuint (cl_date_add_years (D (cases[i].from), cases[i].years), ==, D (cases[i].expected));
}

static void
test_age (void)
{
  g_assert_cmpint (cl_date_age_on (D ("2010-09-02"), D ("2026-09-01")), ==, 15);
  g_assert_cmpint (cl_date_age_on (D ("2010-09-02"), D ("2026-09-02")), ==, 16);
  /* A leap-day child turns 17 on Feb 28 of a common year. */
  g_assert_cmpint (cl_date_age_on (D ("2012-02-29"), D ("2029-02-27")), ==, 16);
  g_assert_cmpint (cl_date_age_on (D ("2012-02-29"), D ("2029-02-28")), ==, 17);
  g_assert_cmpint (cl_date_age_on (D ("2012-02-29"), D ("2028-02-28")), ==, 15);
  g_assert_cmpint (cl_date_age_on (D ("2012-02-29"), D ("2028-02-29")), ==, 16);
}

/* The day numbers are GDate's Julian days: check the fast conversion against GDate itself over
 * 1900–2100 (and a few far dates), day by day. */
static void
test_matches_gdate (void)
{
  GDate g;

  g_date_clear (&g, 1);
  g_date_set_dmy (&g, 1, 1, 1900);
  for (guint i = 0; i < 73414; i++)
    {
      int y, m, d;
      ClDate day = g_date_get_julian (&g);

      cl_date_to_ymd (day, &y, &m, &d);
      g_assert_cmpint (y, ==, g_date_get_year (&g));
      g_assert_cmpint (m, ==, g_date_get_month (&g));
      g_assert_cmpint (d, ==, g_date_get_day (&g));
      g_assert_cmpuint (cl_date_from_ymd (y, m, d), ==, day);
      g_assert_cmpint (cl_date_weekday (day), ==, g_date_get_weekday (&g));
      g_date_add_days (&g, 1);
    }
  g_date_set_dmy (&g, 1, 1, 1);
  g_assert_cmpuint (cl_date_from_ymd (1, 1, 1), ==, g_date_get_julian (&g));
  g_date_set_dmy (&g, 31, 12, 9999);
  g_assert_cmpuint (cl_date_from_ymd (9999, 12, 31), ==, g_date_get_julian (&g));
}

/* The parser checks dates without GDate: it must accept what g_date_valid_dmy() accepts, no more,
 * over every month and day number around four centuries (1900 and 2100 are common, 2000 leap). */
static void
test_parse_matches_gdate (void)
{
  for (int y = 1896; y <= 2104; y++)
    for (int m = 0; m <= 13; m++)
      for (int d = 0; d <= 32; d++)
        {
          char iso[16];
          ClDate day = CL_DATE_NONE;
          gboolean valid = g_date_valid_dmy (d, m, y);

          g_snprintf (iso, sizeof iso, "%04d-%02d-%02d", y, m, d);
          g_assert_cmpint (cl_date_parse_iso (iso, &day), ==, valid);
          if (valid)
            g_assert_cmpuint (day, ==, cl_date_from_ymd (y, m, d));
        }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/date/parse-valid", test_parse_valid);
  g_test_add_func ("/date/parse-invalid", test_parse_invalid);
  g_test_add_func ("/date/parse-matches-gdate", test_parse_matches_gdate);
  g_test_add_func ("/date/weekday", test_weekday);
  g_test_add_func ("/date/add-years", test_add_years);
  g_test_add_func ("/date/age", test_age);
  g_test_add_func ("/date/matches-gdate", test_matches_gdate);
  return g_test_run ();
}
