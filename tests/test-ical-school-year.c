/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-ical-school-year.c — a district calendar feed read with libical into a school year
 *
 * The feed is shaped like a Google Calendar export of a (synthetic) district's 2026-27 calendar.
 * The expected closures were worked out by hand from each VEVENT: DTEND is exclusive (RFC 5545
 * §3.6.1), so DTSTART 20261123 / DTEND 20261128 closes Nov 23–27; an event without DTEND or
 * DURATION lasts one day; DURATION:P2D from Oct 12 covers Oct 12–13; the first Friday of each
 * month from Oct 2, three times (Oct 2, Nov 6, Dec 4), less EXDATE Nov 6, leaves Oct 2 and Dec 4.
 */
#include <string.h>

#include "cl-ical-school-year.h"
#include "cl-test-util.h"

#define EV(start, end, summary) \
  "BEGIN:VEVENT\r\nDTSTART;VALUE=DATE:" start "\r\nDTEND;VALUE=DATE:" end "\r\nSUMMARY:" summary "\r\nEND:VEVENT\r\n"

static const char feed[] =
  "BEGIN:VCALENDAR\r\n"
  "PRODID:-//Google Inc//Google Calendar 70.9054//EN\r\n"
  "VERSION:2.0\r\n"
  "CALSCALE:GREGORIAN\r\n"
  "X-WR-CALNAME:Lincoln USD Instructional Calendar\r\n"
  "X-WR-TIMEZONE:America/Los_Angeles\r\n"
  EV ("20260817", "20260818", "First Day of School")
  EV ("20260907", "20260908", "Labor Day")
  /* No DTEND: one day. */
  "BEGIN:VEVENT\r\nDTSTART;VALUE=DATE:20260909\r\nSUMMARY:Admission Day\r\nEND:VEVENT\r\n"
  /* Timed: never a closure, whatever it says. */
  "BEGIN:VEVENT\r\nDTSTART:20260910T010000Z\r\nDTEND:20260910T023000Z\r\nSUMMARY:Back to School Night (no school for staff after)\r\nEND:VEVENT\r\n"
  EV ("20261009", "20261010", "Minimum Day")
  "BEGIN:VEVENT\r\nDTSTART;VALUE=DATE:20261012\r\nDURATION:P2D\r\nSUMMARY:Fall Recess\r\nEND:VEVENT\r\n"
  "BEGIN:VEVENT\r\nDTSTART;VALUE=DATE:20261002\r\nDTEND;VALUE=DATE:20261003\r\n"
  "RRULE:FREQ=MONTHLY;BYDAY=1FR;COUNT=3\r\nEXDATE;VALUE=DATE:20261106\r\n"
  "SUMMARY:Staff Development \xE2\x80\x93 No Students\r\nEND:VEVENT\r\n"
  EV ("20261111", "20261112", "Veterans Day")
  EV ("20261123", "20261128", "Thanksgiving Break")
  /* Cancelled: as if it were not there. */
  "BEGIN:VEVENT\r\nDTSTART;VALUE=DATE:20261201\r\nDTEND;VALUE=DATE:20261202\r\nSTATUS:CANCELLED\r\nSUMMARY:Snow Day - School Closed\r\nEND:VEVENT\r\n"
  EV ("20261221", "20270102", "Winter Recess")
  EV ("20270118", "20270119", "Martin Luther King Jr. Day")
  /* A folded line (RFC 5545 §3.1): the summary reads "Presidents' Day - No School". */
  "BEGIN:VEVENT\r\nDTSTART;VALUE=DATE:20270215\r\nDTEND;VALUE=DATE:20270216\r\nSUMMARY:Presidents' Day - No\r\n  School\r\nEND:VEVENT\r\n"
  EV ("20270315", "20270316", "Non-Student Day")
  /* A "last day" in March does not end the year: the latest one within it does. */
  EV ("20270326", "20270327", "Last Day Before Spring Break - Minimum Day")
  EV ("20270329", "20270403", "Spring Break")
  EV ("20270531", "20270601", "Memorial Day")
  EV ("20270610", "20270611", "Last Day of School")
  /* After the last day: outside the session. */
  EV ("20270611", "20270817", "Summer Break")
  "END:VCALENDAR\r\n";

typedef struct {
  const char *from, *to, *label;
  gboolean    holiday;
} Closed;

/* By the words: break/recess/vacation are breaks, the rest holidays. */
static const Closed expected[] = {
  { "2026-09-07", "2026-09-07", "Labor Day", TRUE },
  { "2026-09-09", "2026-09-09", "Admission Day", TRUE },
  { "2026-10-02", "2026-10-02", "Staff Development \xE2\x80\x93 No Students", TRUE },
  { "2026-10-12", "2026-10-13", "Fall Recess", FALSE },
  { "2026-11-11", "2026-11-11", "Veterans Day", TRUE },
  { "2026-11-23", "2026-11-27", "Thanksgiving Break", FALSE },
  { "2026-12-04", "2026-12-04", "Staff Development \xE2\x80\x93 No Students", TRUE },
  { "2026-12-21", "2027-01-01", "Winter Recess", FALSE },
  { "2027-01-18", "2027-01-18", "Martin Luther King Jr. Day", TRUE },
  { "2027-02-15", "2027-02-15", "Presidents' Day - No School", TRUE },
  { "2027-03-15", "2027-03-15", "Non-Student Day", TRUE },
  { "2027-03-29", "2027-04-02", "Spring Break", FALSE },
  { "2027-05-31", "2027-05-31", "Memorial Day", TRUE },
};

static void
assert_closed (const ClCalendarYear *year,
               const Closed         *want,
               guint                 n)
{
  g_assert_cmpuint (year->closed->len, ==, n);
  for (guint i = 0; i < n; i++)
    {
      const ClClosedRange *r = &g_array_index (year->closed, ClClosedRange, i);
      g_autofree char *from = cl_date_to_iso (r->from), *to = cl_date_to_iso (r->to);

      g_assert_cmpstr (from, ==, want[i].from);
      g_assert_cmpstr (to, ==, want[i].to);
      g_assert_cmpstr (r->label, ==, want[i].label);
      g_assert_cmpint (r->holiday, ==, want[i].holiday);
    }
}

static void
test_district_feed (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ClIcalSchoolYear) y = cl_ical_school_year_parse (feed, NULL, &error);
  g_autoptr(ClCalendarYear) year = NULL;
  g_autofree char *label = NULL;

  g_assert_no_error (error);
  g_assert_cmpuint (y->first_day, ==, D ("2026-08-17"));
  g_assert_cmpuint (y->last_day, ==, D ("2027-06-10"));
  label = cl_ical_school_year_dup_label (y);
  g_assert_cmpstr (label, ==, "2026-27");
  year = cl_ical_school_year_build (y, "lincoln-2026");
  g_assert_cmpstr (year->id, ==, "lincoln-2026");
  g_assert_cmpuint (year->first_day, ==, D ("2026-08-17"));
  g_assert_cmpuint (year->last_day, ==, D ("2027-06-10"));
  assert_closed (year, expected, G_N_ELEMENTS (expected));

  /* What was read and not taken: one timed event, one minimum day, the summer outside. The
   * cancelled snow day is not read at all. */
  g_assert_cmpuint (cl_ical_school_year_count (y, CL_ICAL_TIMED), ==, 1);
  g_assert_cmpuint (cl_ical_school_year_count (y, CL_ICAL_NOT_CLOSED), ==, 1);
  g_assert_cmpuint (cl_ical_school_year_count (y, CL_ICAL_FIRST_DAY), ==, 1);
  g_assert_cmpuint (cl_ical_school_year_count (y, CL_ICAL_LAST_DAY), ==, 2);
  for (guint i = 0; i < y->entries->len; i++)
    {
      const ClIcalEntry *e = &g_array_index (y->entries, ClIcalEntry, i);
      g_assert_cmpint (e->outside, ==, g_str_equal (e->summary, "Summer Break"));
      g_assert_false (g_str_has_prefix (e->summary, "Snow Day"));
    }
}

static void
test_corrected (void)
{
  g_autoptr(ClIcalSchoolYear) y = cl_ical_school_year_parse (feed, NULL, NULL);
  g_autoptr(ClCalendarYear) year = NULL;
  g_autoptr(GError) error = NULL;

  /* The person says the Minimum Day closes school and the March "last day" is the year's end. */
  for (guint i = 0; i < y->entries->len; i++)
    {
      ClIcalEntry *e = &g_array_index (y->entries, ClIcalEntry, i);
      if (g_str_equal (e->summary, "Minimum Day"))
        e->verdict = CL_ICAL_HOLIDAY;
      if (g_str_equal (e->summary, "Last Day of School"))
        e->verdict = CL_ICAL_NOT_CLOSED;
    }
  g_assert_true (cl_ical_school_year_update (y, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (y->last_day, ==, D ("2027-03-26"));
  year = cl_ical_school_year_build (y, "x");
  /* Oct 9 comes in after Oct 2; Spring Break and Memorial Day fall outside now. */
  g_assert_cmpuint (year->closed->len, ==, G_N_ELEMENTS (expected) - 2 + 1);
  g_assert_cmpuint (g_array_index (year->closed, ClClosedRange, 3).from, ==, D ("2026-10-09"));
  g_assert_true (g_array_index (year->closed, ClClosedRange, 3).holiday);
}

typedef struct {
  const char *name;
  ClIcalOptions options;
  const char *summary;
  ClIcalVerdict verdict;
} Override;

static const Override overrides[] = {
  /* --not-closed-if wins over the words. */
  { "not-closed-if", { NULL, "veterans" }, "Veterans Day", CL_ICAL_NOT_CLOSED },
  { "not-closed-if-others-kept", { NULL, "veterans" }, "Labor Day", CL_ICAL_HOLIDAY },
  /* --closed-if replaces the words: a Minimum Day closes, Labor Day no longer does; what it
   * closes is a break when it also says break/recess/vacation. */
  { "closed-if", { "minimum|recess", NULL }, "Minimum Day", CL_ICAL_HOLIDAY },
  { "closed-if-replaces", { "minimum|recess", NULL }, "Labor Day", CL_ICAL_NOT_CLOSED },
  { "closed-if-break", { "minimum|recess", NULL }, "Winter Recess", CL_ICAL_BREAK },
  /* Case-insensitive. */
  { "caseless", { "MINIMUM", NULL }, "Minimum Day", CL_ICAL_HOLIDAY },
};

static void
test_override (gconstpointer data)
{
  const Override *c = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(ClIcalSchoolYear) y = cl_ical_school_year_parse (feed, &c->options, &error);
  gboolean seen = FALSE;

  g_assert_no_error (error);
  for (guint i = 0; i < y->entries->len; i++)
    {
      const ClIcalEntry *e = &g_array_index (y->entries, ClIcalEntry, i);
      if (g_str_equal (e->summary, c->summary))
        {
          g_assert_cmpint (e->verdict, ==, c->verdict);
          seen = TRUE;
        }
    }
  g_assert_true (seen);
}

typedef struct {
  const char *name;
  const char *text;
  ClIcalOptions options;
  int code;
  const char *message_part;
} Bad;

static const Bad bad[] = {
  { "not-ical", "Student ID,Name\nS-1,Ana\n", { NULL, NULL }, CL_ICAL_ERROR_NOT_ICALENDAR, "not an iCalendar file" },
  { "empty", "", { NULL, NULL }, CL_ICAL_ERROR_NOT_ICALENDAR, "BEGIN:VCALENDAR" },
  { "no-first-day", "BEGIN:VCALENDAR\r\nVERSION:2.0\r\n" EV ("20270610", "20270611", "Last Day of School") "END:VCALENDAR\r\n",
    { NULL, NULL }, CL_ICAL_ERROR_NO_SESSION, "says \"first day\"" },
  /* A last day before the first day is no end of its year. */
  { "no-last-day", "BEGIN:VCALENDAR\r\nVERSION:2.0\r\n" EV ("20260610", "20260611", "Last Day of School")
    EV ("20260817", "20260818", "First Day of School") "END:VCALENDAR\r\n",
    { NULL, NULL }, CL_ICAL_ERROR_NO_SESSION, "first day (August 17, 2026)" },
  /* Timed "first day" events do not make a session. */
  { "timed-first-day", "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nDTSTART:20260817T080000\r\nSUMMARY:First Day\r\nEND:VEVENT\r\n"
    EV ("20270610", "20270611", "Last Day of School") "END:VCALENDAR\r\n",
    { NULL, NULL }, CL_ICAL_ERROR_NO_SESSION, "first day" },
  { "bad-regex", feed, { "break(", NULL }, CL_ICAL_ERROR_PATTERN, "--closed-if \"break(\" is not a regular expression" },
};

static void
test_bad (gconstpointer data)
{
  const Bad *c = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(ClIcalSchoolYear) y = cl_ical_school_year_parse (c->text, &c->options, &error);

  g_assert_null (y);
  g_assert_error (error, CL_ICAL_ERROR, c->code);
  g_assert_nonnull (strstr (error->message, c->message_part));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/ical/district-feed", test_district_feed);
  g_test_add_func ("/ical/corrected", test_corrected);
  for (guint i = 0; i < G_N_ELEMENTS (overrides); i++)
    {
      g_autofree char *path = g_strdup_printf ("/ical/override/%s", overrides[i].name);
      g_test_add_data_func (path, &overrides[i], test_override);
    }
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autofree char *path = g_strdup_printf ("/ical/bad/%s", bad[i].name);
      g_test_add_data_func (path, &bad[i], test_bad);
    }
  return g_test_run ();
}
