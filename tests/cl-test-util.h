/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-test-util.h — what the core tests share: dates written as ISO text, and the Lincoln school
 * calendars of rules.md §6
 *
 * Header-only (static inline), so each test program stays one source file and links only the
 * layer it tests.
 */
#pragma once

#include "cl-case-model.h"

G_BEGIN_DECLS

/* @iso ("2026-11-24") as a ClDate; a date that does not parse fails the test. */
static inline ClDate
D (const char *iso)
{
  ClDate d = CL_DATE_NONE;
  g_assert_true (cl_date_parse_iso (iso, &d));
  return d;
}

/* The SHA-256 of @path's bytes: whether a file was left exactly as it was. */
static inline char *
cl_test_file_checksum (const char *path)
{
  g_autofree char *contents = NULL;
  gsize length = 0;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents, length);
}

/* The Lincoln calendars of rules.md §6 (2025-26 and 2026-27, with their closures), added to @c
 * and followed by each school of the NULL-terminated @schools. */
static inline void
cl_test_add_lincoln_calendars (ClCaseload *c,
                               ClSchool  **schools)
{
  ClCalendarYear *y;

  y = cl_calendar_year_new ("lincoln-2025", D ("2025-08-18"), D ("2026-06-11"));
  cl_calendar_year_add_closed (y, D ("2025-09-01"), D ("2025-09-01"), "Labor Day", TRUE);
  cl_calendar_year_add_closed (y, D ("2025-11-24"), D ("2025-11-28"), "Thanksgiving", TRUE);
  cl_calendar_year_add_closed (y, D ("2025-12-22"), D ("2026-01-02"), "Winter break", FALSE);
  cl_calendar_year_add_closed (y, D ("2026-04-06"), D ("2026-04-10"), "Spring break", FALSE);
  cl_caseload_add_calendar (c, y);
  for (ClSchool **s = schools; *s != NULL; s++)
    cl_school_add_calendar (*s, y);
  y = cl_calendar_year_new ("lincoln-2026", D ("2026-08-17"), D ("2027-06-10"));
  cl_calendar_year_add_closed (y, D ("2026-09-07"), D ("2026-09-07"), "Labor Day", TRUE);
  cl_calendar_year_add_closed (y, D ("2026-11-23"), D ("2026-11-27"), "Thanksgiving", TRUE);
  cl_calendar_year_add_closed (y, D ("2026-12-21"), D ("2027-01-01"), "Winter break", FALSE);
  cl_calendar_year_add_closed (y, D ("2027-01-18"), D ("2027-01-18"), "Martin Luther King Jr. Day", TRUE);
  cl_calendar_year_add_closed (y, D ("2027-03-29"), D ("2027-04-02"), "Spring break", FALSE);
  cl_caseload_add_calendar (c, y);
  for (ClSchool **s = schools; *s != NULL; s++)
    cl_school_add_calendar (*s, y);
}

G_END_DECLS
