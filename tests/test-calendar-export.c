/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-calendar-export.c — CSV that spreadsheets read, iCalendar that calendar apps accept */
#include <string.h>

#include "cl-calendar-export.h"
#include "cl-deadline-engine.h"
#include "cl-rule-ids.h"
#include "cl-synthetic-caseload.h"

static GPtrArray *
compute (ClCaseload     *caseload,
         ClRulePackSet **packs)
{
  g_autoptr(ClDeadlineEngine) engine = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *obligations;

  *packs = cl_rule_pack_set_new_builtin (&error);
  g_assert_no_error (error);
  engine = cl_deadline_engine_new (*packs);
  obligations = cl_deadline_engine_compute (engine, caseload, cl_date_from_ymd (2026, 11, 24), &error);
  g_assert_no_error (error);
  return obligations;
}

static void
test_csv (void)
{
  g_autoptr(ClCaseload) c = cl_synthetic_caseload_new (20, 10, 3, cl_date_from_ymd (2026, 11, 24));
  g_autoptr(ClRulePackSet) packs = NULL;
  g_autoptr(GPtrArray) obligations = compute (c, &packs);
  g_autofree char *csv = cl_obligations_to_csv (obligations, CL_EXPORT_NO_BOM);
  g_auto(GStrv) lines = g_strsplit (csv, "\r\n", -1);

  g_assert_true (g_str_has_prefix (csv, "student,name,rule,title,due,status"));
  /* A header, one line per obligation, and the empty string after the last CRLF. */
  g_assert_cmpuint (g_strv_length (lines), ==, obligations->len + 2);
  /* Citations hold commas: quoted. */
  g_assert_nonnull (strstr (csv, ",\"EC 56343(d), 34 CFR 300.324(b)(1)\""));
}

/* The row of @student_id in @csv, without its id. */
static const char *
row_of (const char *csv,
        const char *student_id)
{
  g_autofree char *start = g_strdup_printf ("\r\n%s,", student_id);
  const char *row = strstr (csv, start);

  g_assert_nonnull (row);
  return row + strlen (start);
}

static void
rename_student (ClStudent  *s,
                const char *first,
                const char *last)
{
  g_free (s->first_name);
  g_free (s->last_name);
  s->first_name = g_strdup (first);
  s->last_name = g_strdup (last);
}

/* For spreadsheets: a byte-order mark so Excel reads UTF-8 ("Sofía", not "SofÃ­a"), and no cell a
 * spreadsheet would run as a formula. */
static void
test_csv_spreadsheet (void)
{
  g_autoptr(ClCaseload) c = cl_synthetic_caseload_new (8, 4, 2, cl_date_from_ymd (2026, 11, 24));
  GPtrArray *students = cl_caseload_get_students (c);
  g_autoptr(ClRulePackSet) packs = NULL;
  g_autoptr(GPtrArray) obligations = NULL;
  g_autofree char *csv = NULL;
  g_autofree char *plain = NULL;
  struct { const char *first, *last, *cell; } names[] = {
    { "=HYPERLINK(\"http://x.example\",\"y\")", "Ruiz", "\"'=HYPERLINK(\"\"http://x.example\"\",\"\"y\"\") Ruiz\"," },
    { "+1", "Ruiz", "'+1 Ruiz," },
    { "-cmd", "Ruiz", "'-cmd Ruiz," },
    { "@SUM(A1)", "Ruiz", "'@SUM(A1) Ruiz," },
    { "\tTab", "Ruiz", "'\tTab Ruiz," },
    { "\rCR", "Ruiz", "\"'\rCR Ruiz\"," },
    { "-3", NULL, "-3," },              /* a number is data */
    { "Sofía", "Gutiérrez", "Sofía Gutiérrez," },
  };

  g_assert_cmpuint (students->len, >=, G_N_ELEMENTS (names));
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    rename_student (g_ptr_array_index (students, i), names[i].first, names[i].last);
  obligations = compute (c, &packs);
  csv = cl_obligations_to_csv (obligations, CL_EXPORT_DEFAULT);
  plain = cl_obligations_to_csv (obligations, CL_EXPORT_NO_BOM);

  g_assert_true (g_str_has_prefix (csv, "\xEF\xBB\xBFstudent,name,rule"));
  g_assert_cmpstr (csv + 3, ==, plain);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      const ClStudent *s = g_ptr_array_index (students, i);
      gboolean has_row = FALSE;

      for (guint j = 0; j < obligations->len; j++)
        has_row |= ((const ClObligation *) g_ptr_array_index (obligations, j))->student == s;
      if (!has_row)
        continue;
      g_test_message ("%s", names[i].cell);
      g_assert_true (g_str_has_prefix (row_of (csv, s->id), names[i].cell));
    }
  g_assert_null (strstr (csv, ",=HYPERLINK"));
  g_assert_null (strstr (csv, ",\"=HYPERLINK"));
}

static void
test_ics (void)
{
  g_autoptr(ClCaseload) c = cl_synthetic_caseload_new (30, 10, 4, cl_date_from_ymd (2026, 11, 24));
  g_autoptr(ClRulePackSet) packs = NULL;
  g_autoptr(GPtrArray) obligations = compute (c, &packs);
  g_autoptr(GDateTime) stamp = g_date_time_new_utc (2026, 11, 24, 12, 0, 0);
  g_autoptr(GTimeZone) zone = g_time_zone_new_utc ();
  g_autofree char *ics = cl_caseload_to_ics (c, obligations, stamp, zone, CL_EXPORT_DEFAULT);
  g_auto(GStrv) lines = g_strsplit (ics, "\r\n", -1);
  guint begins = 0, ends = 0, open = 0, meetings = 0;

  for (guint i = 0; i < obligations->len; i++)
    {
      const ClObligation *ob = g_ptr_array_index (obligations, i);
      if (ob->status != CL_STATUS_MET && ob->status != CL_STATUS_MET_LATE)
        open++;
    }
  for (guint i = 0; i < cl_caseload_get_students (c)->len; i++)
    meetings += ((ClStudent *) g_ptr_array_index (cl_caseload_get_students (c), i))->meetings->len;

  g_assert_true (g_str_has_prefix (ics, "BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"));
  g_assert_true (g_str_has_suffix (ics, "END:VCALENDAR\r\n"));
  g_assert_null (strstr (ics, "\n\n"));
  for (guint i = 0; lines[i]; i++)
    {
      g_assert_cmpuint (strlen (lines[i]), <=, 75);
      g_assert_null (strchr (lines[i], '\n'));
      if (g_str_equal (lines[i], "BEGIN:VEVENT"))
        begins++;
      if (g_str_equal (lines[i], "END:VEVENT"))
        ends++;
    }
  g_assert_cmpuint (begins, ==, ends);
  g_assert_cmpuint (begins, ==, open + meetings);
  g_assert_nonnull (strstr (ics, "DTSTAMP:20261124T120000Z"));

  /* What a count started from and how, as a person reads it: the meeting and the date as the user
   * writes dates (in C, "May 14, 2026"), never an id such as iep_meeting or an ISO date. */
  {
    static const char *months[] = { "January", "February", "March", "April", "May", "June", "July",
                                    "August", "September", "October", "November", "December" };
    g_autoptr(GRegex) fold = g_regex_new ("\r\n[ \t]", 0, 0, NULL);
    g_autofree char *flat = g_regex_replace_literal (fold, ics, -1, 0, "", 0, NULL);
    g_auto(GStrv) unfolded = g_strsplit (flat, "\r\n", -1);
    g_autoptr(GRegex) iso = g_regex_new ("\\b\\d{4}-\\d{2}-\\d{2}\\b", 0, 0, NULL);
    guint checked = 0;

    /* The words people read (a UID is for calendars, and names the rule by its id). */
    for (guint l = 0; unfolded[l]; l++)
      if (g_str_has_prefix (unfolded[l], "DESCRIPTION:") || g_str_has_prefix (unfolded[l], "SUMMARY:"))
        {
          for (guint i = 0; i < CL_N_EVENT_TYPES; i++)
            if (strchr (cl_event_type_names[i], '_') != NULL)
              g_assert_null (strstr (unfolded[l], cl_event_type_names[i]));
          g_assert_false (g_regex_match (iso, unfolded[l], 0, NULL));
        }
    for (guint i = 0; i < obligations->len; i++)
      {
        const ClObligation *ob = g_ptr_array_index (obligations, i);
        g_autofree char *expected = NULL;
        g_autofree char *escaped = NULL;
        g_autofree char *month_day = NULL;

        if (ob->status == CL_STATUS_MET || ob->status == CL_STATUS_MET_LATE ||
            g_strcmp0 (ob->from_event, "iep_meeting") != 0)
          continue;
        expected = g_strdup_printf ("IEP meeting of %s %d, %d. ",
                                    months[cl_date_month (ob->from) - 1], cl_date_day (ob->from),
                                    cl_date_year (ob->from));
        /* iCalendar escapes the comma. */
        month_day = g_strndup (expected, strchr (expected, ',') - expected);
        escaped = g_strconcat (month_day, "\\,", strchr (expected, ',') + 1, NULL);
        g_assert_nonnull (strstr (flat, escaped));
        checked++;
      }
    g_assert_cmpuint (checked, >, 0);
  }
}

static const ClObligation *
find_open (GPtrArray       *obligations,
           const ClStudent *s,
           const char      *rule_id)
{
  for (guint i = 0; i < obligations->len; i++)
    {
      const ClObligation *ob = g_ptr_array_index (obligations, i);
      if (ob->student == s && g_str_equal (ob->rule->id, rule_id) && ob->status != CL_STATUS_MET &&
          ob->status != CL_STATUS_MET_LATE)
        return ob;
    }
  return NULL;
}

/* The UID line of the event whose SUMMARY is @summary. */
static char *
uid_of (const char *ics,
        const char *summary)
{
  g_autofree char *line = g_strdup_printf ("SUMMARY:%s\r\n", summary);
  const char *at = strstr (ics, line);
  const char *uid;

  g_assert_nonnull (at);
  uid = g_strrstr_len (ics, at - ics, "UID:");
  g_assert_nonnull (uid);
  return g_strndup (uid, strchr (uid, '\r') - uid);
}

/* A timed meeting is written in UTC from the school's zone; an obligation keeps its UID when the
 * meeting it was counted from is replaced by a newer one held; initials only on request. */
static void
test_ics_zone_uid_initials (void)
{
  g_autoptr(ClCaseload) c = cl_synthetic_caseload_new (30, 10, 4, cl_date_from_ymd (2026, 11, 24));
  GPtrArray *students = cl_caseload_get_students (c);
  g_autoptr(ClRulePackSet) packs = NULL;
  g_autoptr(GPtrArray) before = compute (c, &packs);
  g_autoptr(GPtrArray) after = NULL;
  g_autoptr(GDateTime) stamp = g_date_time_new_utc (2026, 11, 24, 12, 0, 0);
  g_autoptr(GTimeZone) zone = g_time_zone_new_identifier ("America/Los_Angeles");
  g_autoptr(ClRulePackSet) packs_after = NULL;
  g_autofree char *ics = NULL;
  g_autofree char *ics_after = NULL;
  g_autofree char *hidden = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *uid = NULL;
  g_autofree char *uid_after = NULL;
  g_autofree char *name = NULL;
  ClStudent *s = NULL;
  ClMeeting *m = NULL;
  const ClObligation *review;

  g_assert_nonnull (zone);
  /* A student with a planned meeting and an open annual review. */
  for (guint i = 0; i < students->len && m == NULL; i++)
    {
      ClStudent *candidate = g_ptr_array_index (students, i);
      if (candidate->meetings->len > 0 && find_open (before, candidate, CL_RULE_ANNUAL_REVIEW_DUE))
        {
          s = candidate;
          m = g_ptr_array_index (s->meetings, 0);
        }
    }
  g_assert_nonnull (m);
  name = cl_student_dup_display_name (s);
  /* Thursday 2026-12-03 at 15:30 in Los Angeles: PST, UTC-8 in December, so 23:30 UTC. */
  m->date = cl_date_from_ymd (2026, 12, 3);
  m->start_minutes = 15 * 60 + 30;
  ics = cl_caseload_to_ics (c, before, stamp, zone, CL_EXPORT_DEFAULT);
  g_assert_nonnull (strstr (ics, "DTSTART:20261203T233000Z\r\nDTEND:20261204T003000Z\r\n"));
  /* The same meeting on 2026-07-09: PDT, UTC-7, so 22:30 UTC. */
  m->date = cl_date_from_ymd (2026, 7, 9);
  g_free (ics);
  ics = cl_caseload_to_ics (c, before, stamp, zone, CL_EXPORT_DEFAULT);
  g_assert_nonnull (strstr (ics, "DTSTART:20260709T223000Z\r\n"));

  /* The annual review, before and after a new annual IEP meeting is held: counted from another
   * date, the same UID. */
  review = find_open (before, s, CL_RULE_ANNUAL_REVIEW_DUE);
  summary = g_strdup_printf ("Due: %s — %s", review->rule->title, name);
  uid = uid_of (ics, summary);
  {
    ClEvent *held = cl_student_add_event (s, CL_EVENT_IEP_MEETING, cl_date_from_ymd (2026, 11, 20));
    held->kind = CL_MEETING_ANNUAL;
    cl_student_sort_events (s);
  }
  after = compute (c, &packs_after);
  review = find_open (after, s, CL_RULE_ANNUAL_REVIEW_DUE);
  g_assert_nonnull (review);
  g_assert_cmpint (review->from, ==, cl_date_from_ymd (2026, 11, 20));
  ics_after = cl_caseload_to_ics (c, after, stamp, zone, CL_EXPORT_DEFAULT);
  uid_after = uid_of (ics_after, summary);
  g_assert_cmpstr (uid, ==, uid_after);

  /* Initials only: no full name anywhere. */
  hidden = cl_caseload_to_ics (c, after, stamp, zone, CL_EXPORT_INITIALS_ONLY);
  g_assert_null (strstr (hidden, name));
  g_assert_null (strstr (hidden, s->last_name));
  {
    g_autofree char *short_name = g_strdup_printf ("IEP meeting: %.1s. %.1s.", s->first_name, s->last_name);
    g_assert_nonnull (strstr (hidden, short_name));
  }
}

/* The VEVENT of @uid in @ics (from BEGIN to END), and how many there are. */
static char *
event_of (const char *ics,
          const char *uid,
          guint      *count)
{
  g_autofree char *line = g_strdup_printf ("\r\nUID:%s\r\n", uid);
  const char *at = strstr (ics, line);
  const char *begin, *end;

  *count = 0;
  for (const char *p = at; p != NULL; p = strstr (p + 1, line))
    (*count)++;
  if (at == NULL)
    return NULL;
  begin = g_strrstr_len (ics, at - ics, "BEGIN:VEVENT");
  end = strstr (at, "END:VEVENT");
  /* DTSTAMP is the same in both exports here, so the whole event can be compared. */
  return g_strndup (begin, end - begin);
}

/* A meeting planned, then held: the calendar keeps one event for it, under the plan's UID, at the
 * plan's time and place (a calendar that imports the file again updates it instead of adding a
 * second one or keeping a stale plan). */
static void
test_ics_held_meeting (void)
{
  g_autoptr(ClCaseload) c = cl_synthetic_caseload_new (30, 10, 4, cl_date_from_ymd (2026, 11, 24));
  GPtrArray *students = cl_caseload_get_students (c);
  g_autoptr(ClRulePackSet) packs = NULL;
  g_autoptr(ClRulePackSet) packs_after = NULL;
  g_autoptr(GPtrArray) before = NULL;
  g_autoptr(GPtrArray) after = NULL;
  g_autoptr(GDateTime) stamp = g_date_time_new_utc (2026, 11, 24, 12, 0, 0);
  g_autoptr(GTimeZone) zone = g_time_zone_new_identifier ("America/Los_Angeles");
  g_autoptr(JsonObject) shared = json_object_new ();
  g_autofree char *ics = NULL;
  g_autofree char *ics_after = NULL;
  g_autofree char *uid = NULL;
  g_autofree char *planned = NULL;
  g_autofree char *held = NULL;
  ClStudent *s = NULL;
  ClMeeting *m = NULL;
  ClEvent *e;
  guint n = 0;

  for (guint i = 0; i < students->len && m == NULL; i++)
    {
      s = g_ptr_array_index (students, i);
      m = s->meetings->len > 0 ? g_ptr_array_index (s->meetings, 0) : NULL;
    }
  g_assert_nonnull (m);
  /* Thursday 2026-12-03 at 15:30 in Los Angeles (23:30 UTC), Room 22. */
  m->date = cl_date_from_ymd (2026, 12, 3);
  m->start_minutes = 15 * 60 + 30;
  g_free (m->location);
  m->location = g_strdup ("Room 22");
  uid = g_strdup_printf ("meeting-%s-%s@caseload", s->id, m->id);
  before = compute (c, &packs);
  ics = cl_caseload_to_ics (c, before, stamp, zone, CL_EXPORT_DEFAULT);
  planned = event_of (ics, uid, &n);
  g_assert_cmpuint (n, ==, 1);
  g_assert_nonnull (strstr (planned, "DTSTART:20261203T233000Z\r\nDTEND:20261204T003000Z\r\n"));
  g_assert_nonnull (strstr (planned, "LOCATION:Room 22\r\n"));

  /* Held on its day, as the session records it: the plan becomes an IEP meeting in the timeline
   * that remembers it; the extra members it had stay, and the object it shared is not changed. */
  e = cl_student_add_event (s, CL_EVENT_IEP_MEETING, m->date);
  e->kind = m->kind;
  json_object_set_string_member (shared, "note", "kept");
  e->extra = json_object_ref (shared);
  cl_event_set_held_from (e, m);
  g_assert_false (e->extra == shared);
  g_assert_false (json_object_has_member (shared, "planned_meeting"));
  g_assert_cmpstr (cl_extra_get_string (e->extra, "note"), ==, "kept");
  g_assert_cmpstr (cl_event_get_planned_meeting (e), ==, m->id);
  g_assert_cmpstr (cl_extra_get_string (e->extra, "starts"), ==, "2026-12-03T15:30");
  g_assert_cmpstr (cl_extra_get_string (e->extra, "location"), ==, "Room 22");
  g_ptr_array_remove_index (s->meetings, 0);
  m = NULL;
  cl_student_sort_events (s);
  after = compute (c, &packs_after);
  ics_after = cl_caseload_to_ics (c, after, stamp, zone, CL_EXPORT_DEFAULT);
  held = event_of (ics_after, uid, &n);
  g_assert_cmpuint (n, ==, 1);
  g_assert_cmpstr (held, ==, planned);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/calendar-export/csv", test_csv);
  g_test_add_func ("/calendar-export/csv-spreadsheet", test_csv_spreadsheet);
  g_test_add_func ("/calendar-export/ics", test_ics);
  g_test_add_func ("/calendar-export/ics-zone-uid-initials", test_ics_zone_uid_initials);
  g_test_add_func ("/calendar-export/ics-held-meeting", test_ics_held_meeting);
  return g_test_run ();
}
