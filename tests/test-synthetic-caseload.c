/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-synthetic-caseload.c — `caseload-cli demo` and the benchmark's caseload: the same seed
 * gives the same file, and the file holds what a real district's does (issue "benchmark,
 * realistic demo data"): several schools and calendars, every kind of history, no event after
 * today, and a bundle that reads back as it was written. */
#include "cl-bundle-reader.h"
#include "cl-bundle-writer.h"
#include "cl-deadline-engine.h"
#include "cl-synthetic-caseload.h"

#define TODAY cl_date_from_ymd (2026, 11, 24)

static void
test_same_seed_same_file (void)
{
  g_autoptr(ClCaseload) a = cl_synthetic_caseload_new (300, 25, 11, TODAY);
  g_autoptr(ClCaseload) b = cl_synthetic_caseload_new (300, 25, 11, TODAY);
  g_autoptr(ClCaseload) c = cl_synthetic_caseload_new (300, 25, 12, TODAY);
  g_autofree char *ta = cl_bundle_write (a);
  g_autofree char *tb = cl_bundle_write (b);
  g_autofree char *tc = cl_bundle_write (c);

  g_assert_cmpstr (ta, ==, tb);
  g_assert_cmpstr (ta, !=, tc);
}

static void
test_district_shape (void)
{
  g_autoptr(ClCaseload) c = cl_synthetic_caseload_new (2000, 25, 42, TODAY);
  GPtrArray *students = cl_caseload_get_students (c);
  GPtrArray *staff = cl_caseload_get_staff (c);
  guint types[CL_N_EVENT_TYPES] = { 0 };
  guint ages[23] = { 0 };
  guint case_managers = 0, planned = 0, excused = 0, part_c = 0, interpreters = 0;
  g_autoptr(GHashTable) levels = g_hash_table_new (g_str_hash, g_str_equal);

  /* 2,000 students: ceil(2000 / 350) = 6 schools, two of each level, on 3 patterns × 3 years. */
  g_assert_cmpuint (cl_caseload_get_schools (c)->len, ==, 6);
  g_assert_cmpuint (cl_caseload_get_calendars (c)->len, ==, 9);
  for (guint i = 0; i < staff->len; i++)
    case_managers += ((ClStaff *) g_ptr_array_index (staff, i))->role == CL_STAFF_CASE_MANAGER;
  /* 333 students a school, 28 to a case manager: 12 case managers a school. */
  g_assert_cmpuint (case_managers, ==, 6 * 12);

  g_assert_cmpuint (students->len, ==, 2000);
  for (guint i = 0; i < students->len; i++)
    {
      ClStudent *s = g_ptr_array_index (students, i);
      int age = cl_date_age_on (s->birth_date, TODAY);

      g_assert_nonnull (s->school);
      g_assert_nonnull (s->case_manager);
      g_assert_cmpuint (s->school->calendars->len, ==, 3);
      g_assert_cmpint (age, >=, 2);
      g_assert_cmpint (age, <=, 22);
      ages[age]++;
      part_c += s->part_c;
      g_hash_table_add (levels, s->school->name);
      for (guint k = 0; k < s->events->len; k++)
        {
          const ClEvent *e = &g_array_index (s->events, ClEvent, k);

          g_assert_cmpuint (e->date, <, TODAY);
          if (k > 0)
            g_assert_cmpuint (g_array_index (s->events, ClEvent, k - 1).date, <=, e->date);
          types[e->type]++;
        }
      for (guint m = 0; m < s->meetings->len; m++)
        {
          const ClMeeting *meeting = g_ptr_array_index (s->meetings, m);

          planned++;
          g_assert_cmpuint (meeting->date, >, TODAY);
          interpreters += meeting->interpreter != NULL;
          for (guint k = 0; k < meeting->invitees->len; k++)
            excused += g_array_index (meeting->invitees, ClInvitee, k).excusal.present;
        }
    }

  /* Every event type the rules read appears. */
  for (guint t = 0; t < CL_N_EVENT_TYPES; t++)
    g_assert_cmpuint (types[t], >, 0);
  /* Teenagers on each side of the age rules, preschoolers leaving Part C. */
  g_assert_cmpuint (ages[15], >, 50);
  g_assert_cmpuint (ages[16], >, 50);
  g_assert_cmpuint (ages[17], >, 50);
  g_assert_cmpuint (ages[18], >, 50);
  g_assert_cmpuint (part_c, >, 10);
  /* About a third have a planned meeting; some with excusals and interpreters. */
  g_assert_cmpuint (planned, >, 500);
  g_assert_cmpuint (planned, <, 850);
  g_assert_cmpuint (excused, >, 20);
  g_assert_cmpuint (interpreters, >, 100);
  /* Most students are never removed from school. */
  g_assert_cmpuint (types[CL_EVENT_REMOVAL], <, students->len * 2);
}

static void
test_reads_back (void)
{
  g_autoptr(ClCaseload) c = cl_synthetic_caseload_new (500, 25, 5, TODAY);
  g_autofree char *text = cl_bundle_write (c);
  g_autoptr(GError) error = NULL;
  g_autoptr(ClCaseload) back = cl_bundle_read_data (text, -1, &error);
  g_autofree char *again = NULL;
  g_autoptr(ClRulePackSet) packs = NULL;
  g_autoptr(ClDeadlineEngine) engine = NULL;
  g_autoptr(GPtrArray) obligations = NULL;
  guint overdue = 0;

  g_assert_no_error (error);
  again = cl_bundle_write (back);
  g_assert_cmpstr (text, ==, again);

  packs = cl_rule_pack_set_new_builtin (&error);
  g_assert_no_error (error);
  engine = cl_deadline_engine_new (packs);
  obligations = cl_deadline_engine_compute (engine, back, TODAY, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < obligations->len; i++)
    overdue += ((ClObligation *) g_ptr_array_index (obligations, i))->status == CL_STATUS_OVERDUE;
  /* Some of everything is late, as in any district, but most is on time. */
  g_assert_cmpuint (overdue, >, 0);
  g_assert_cmpuint (overdue * 10, <, obligations->len);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/synthetic/same-seed-same-file", test_same_seed_same_file);
  g_test_add_func ("/synthetic/district-shape", test_district_shape);
  g_test_add_func ("/synthetic/reads-back", test_reads_back);
  return g_test_run ();
}
