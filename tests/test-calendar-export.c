/* test-calendar-export.c — CSV that spreadsheets read, iCalendar that calendar apps accept */
#include <string.h>

#include "cl-calendar-export.h"
#include "cl-deadline-engine.h"
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
  g_autofree char *csv = cl_obligations_to_csv (obligations);
  g_auto(GStrv) lines = g_strsplit (csv, "\r\n", -1);

  g_assert_true (g_str_has_prefix (csv, "student,name,rule,title,due,status"));
  /* A header, one line per obligation, and the empty string after the last CRLF. */
  g_assert_cmpuint (g_strv_length (lines), ==, obligations->len + 2);
  /* Citations hold commas: quoted. */
  g_assert_nonnull (strstr (csv, ",\"EC 56343(d), 34 CFR 300.324(b)(1)\""));
}

static void
test_ics (void)
{
  g_autoptr(ClCaseload) c = cl_synthetic_caseload_new (30, 10, 4, cl_date_from_ymd (2026, 11, 24));
  g_autoptr(ClRulePackSet) packs = NULL;
  g_autoptr(GPtrArray) obligations = compute (c, &packs);
  g_autoptr(GDateTime) stamp = g_date_time_new_utc (2026, 11, 24, 12, 0, 0);
  g_autofree char *ics = cl_caseload_to_ics (c, obligations, stamp);
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
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/calendar-export/csv", test_csv);
  g_test_add_func ("/calendar-export/ics", test_ics);
  return g_test_run ();
}
