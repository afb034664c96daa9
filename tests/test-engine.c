/* test-engine.c — every worked example of rules.md §6, through the engine
 *
 * Students are built with the model API on the Lincoln calendar of rules.md §6; each case names
 * the example it reproduces, and its expected date is the one printed in rules.md (worked there by
 * hand), never one the engine produced. tests/scenarios/ holds many more, as bundles.
 */
#include "cl-deadline-engine.h"
#include "cl-test-util.h"

static ClCaseload *
lincoln_caseload (const char *jurisdiction)
{
  ClCaseload *caseload = cl_caseload_new ();
  ClSchool *school = cl_school_new ("lincoln", "Lincoln");

  cl_caseload_set_jurisdiction (caseload, jurisdiction);
  cl_test_add_lincoln_calendars (caseload, (ClSchool *[]) { school, NULL });
  cl_caseload_add_school (caseload, school);
  return caseload;
}

static ClStudent *
add_student (ClCaseload *caseload,
             const char *id,
             const char *birth)
{
  ClStudent *s = cl_student_new (id);

  s->birth_date = D (birth);
  s->school = cl_caseload_lookup_school (caseload, "lincoln");
  cl_caseload_add_student (caseload, s);
  return s;
}

static ClEvent *
add_event (ClStudent   *s,
           ClEventType  type,
           const char  *date)
{
  return cl_student_add_event (s, type, D (date));
}

static ClEvent *
add_meeting (ClStudent     *s,
             ClMeetingKind  kind,
             const char    *date)
{
  ClEvent *e = add_event (s, CL_EVENT_IEP_MEETING, date);
  e->kind = kind;
  return e;
}

/* The obligations of @rule for @student, in due order. */
static GPtrArray *
alerts (ClCaseload *caseload,
        const char *today,
        const char *student,
        const char *rule)
{
  g_autoptr(ClRulePackSet) packs = cl_rule_pack_set_new_builtin (NULL);
  g_autoptr(ClDeadlineEngine) engine = cl_deadline_engine_new (packs);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) all = NULL;
  GPtrArray *found = g_ptr_array_new_with_free_func ((GDestroyNotify) cl_obligation_free);

  for (guint i = 0; i < cl_caseload_get_students (caseload)->len; i++)
    cl_student_sort_events (g_ptr_array_index (cl_caseload_get_students (caseload), i));
  all = cl_deadline_engine_compute (engine, caseload, D (today), &error);
  g_assert_no_error (error);
  /* Steal the matching ones; the rest go with @all. */
  for (guint i = 0; i < all->len; i++)
    {
      ClObligation *ob = g_ptr_array_index (all, i);
      if (g_str_equal (ob->student->id, student) && g_str_equal (ob->rule->id, rule))
        {
          g_ptr_array_add (found, ob);
          all->pdata[i] = NULL;
        }
    }
  /* The rule pack dies with @packs: keep it alive as long as the obligations. */
  g_object_set_data_full (G_OBJECT (caseload), "packs", g_object_ref (packs), g_object_unref);
  return found;
}

static const ClObligation *
only (GPtrArray *obligations)
{
  g_assert_cmpuint (obligations->len, ==, 1);
  return g_ptr_array_index (obligations, 0);
}

static void
assert_due (const ClObligation *ob,
            const char         *due,
            ClObligationStatus  status)
{
  g_autofree char *got = cl_date_to_iso (ob->due);
  g_assert_cmpstr (got, ==, due);
  g_assert_cmpint (ob->status, ==, status);
}

static void
test_example_1_referral_before_winter_break (void)
{
  g_autoptr(ClCaseload) c = lincoln_caseload ("CA");
  g_autoptr(GPtrArray) a = NULL;

  add_event (add_student (c, "S1", "2014-01-01"), CL_EVENT_REFERRAL, "2026-12-10");
  a = alerts (c, "2026-12-11", "S1", "assessment_plan_due");
  assert_due (only (a), "2027-01-10", CL_STATUS_UPCOMING);
  g_assert_cmpstr (only (a)->counted, ==, "15 days, not counting 16 days of Winter break");
}

static void
test_example_2_thanksgiving_not_skipped (void)
{
  g_autoptr(ClCaseload) c = lincoln_caseload ("CA");
  g_autoptr(GPtrArray) a = NULL;

  add_event (add_student (c, "S1", "2014-01-01"), CL_EVENT_REFERRAL, "2026-11-16");
  a = alerts (c, "2026-11-24", "S1", "assessment_plan_due");
  /* 2026-12-01 is within 14 days of 2026-11-24. */
  assert_due (only (a), "2026-12-01", CL_STATUS_DUE_SOON);
  g_assert_cmpstr (only (a)->counted, ==, "15 days");
}

static void
test_example_3_consent_over_winter_break (void)
{
  g_autoptr(ClCaseload) c = lincoln_caseload ("CA");
  g_autoptr(GPtrArray) a = NULL;

  add_event (add_student (c, "S1", "2014-01-01"), CL_EVENT_ASSESSMENT_PLAN_CONSENT, "2026-10-26");
  a = alerts (c, "2026-11-24", "S1", "initial_iep_due");
  assert_due (only (a), "2027-01-10", CL_STATUS_UPCOMING);
  g_assert_cmpstr (only (a)->counted, ==, "60 days, not counting 16 days of Winter break");
}

static void
test_example_4_referral_at_year_end (void)
{
  g_autoptr(ClCaseload) c = lincoln_caseload ("CA");
  g_autoptr(GPtrArray) a = NULL;

  add_event (add_student (c, "S1", "2014-01-01"), CL_EVENT_REFERRAL, "2026-05-26");
  a = alerts (c, "2026-09-01", "S1", "assessment_plan_due");
  assert_due (only (a), "2026-08-27", CL_STATUS_OVERDUE);
}

static void
test_example_5_consent_at_year_end (void)
{
  g_autoptr(ClCaseload) c = lincoln_caseload ("CA");
  g_autoptr(GPtrArray) a = NULL;
  ClStudent *s = add_student (c, "S1", "2014-01-01");

  add_event (s, CL_EVENT_REFERRAL, "2026-05-14");
  add_event (s, CL_EVENT_ASSESSMENT_PLAN_CONSENT, "2026-05-20");
  add_meeting (s, CL_MEETING_INITIAL, "2026-09-10");
  a = alerts (c, "2026-11-24", "S1", "initial_iep_due");
  assert_due (only (a), "2026-09-16", CL_STATUS_MET);
  g_assert_cmpuint (only (a)->met_on, ==, D ("2026-09-10"));
}

static void
test_example_6_consent_across_summer (void)
{
  g_autoptr(ClCaseload) ca = lincoln_caseload ("CA");
  g_autoptr(ClCaseload) us = lincoln_caseload ("US");
  g_autoptr(GPtrArray) a = NULL;
  g_autoptr(GPtrArray) b = NULL;

  add_event (add_student (ca, "S1", "2014-01-01"), CL_EVENT_ASSESSMENT_PLAN_CONSENT, "2026-04-20");
  add_event (add_student (us, "S1", "2014-01-01"), CL_EVENT_ASSESSMENT_PLAN_CONSENT, "2026-04-20");
  a = alerts (ca, "2026-05-01", "S1", "initial_iep_due");
  assert_due (only (a), "2026-08-24", CL_STATUS_UPCOMING);
  b = alerts (us, "2026-05-01", "S1", "initial_iep_due");
  assert_due (only (b), "2026-06-19", CL_STATUS_UPCOMING);
  g_assert_cmpstr (only (b)->counted, ==, "60 calendar days");
}

static void
test_example_7_manifestation (void)
{
  g_autoptr(ClCaseload) c = lincoln_caseload ("CA");
  g_autoptr(GPtrArray) a = NULL;

  add_event (add_student (c, "S1", "2012-01-01"), CL_EVENT_PLACEMENT_CHANGE_DECISION, "2026-11-18");
  /* 2026-12-09 is 14 days after 2026-11-25: the last day of the default warning window. */
  a = alerts (c, "2026-11-25", "S1", "manifestation_determination_due");
  assert_due (only (a), "2026-12-09", CL_STATUS_DUE_SOON);
  g_assert_nonnull (only (a)->note);
}

static void
test_example_8_iaes (void)
{
  g_autoptr(ClCaseload) c = lincoln_caseload ("CA");
  g_autoptr(GPtrArray) a = NULL;

  add_event (add_student (c, "S1", "2012-01-01"), CL_EVENT_IAES_PLACEMENT, "2026-12-01");
  a = alerts (c, "2026-12-01", "S1", "iaes_ends");
  assert_due (only (a), "2027-02-17", CL_STATUS_UPCOMING);
}

static void
test_example_9_records (void)
{
  g_autoptr(ClCaseload) c = lincoln_caseload ("CA");
  g_autoptr(GPtrArray) a = NULL;
  ClStudent *s = add_student (c, "S1", "2012-01-01");

  add_event (s, CL_EVENT_RECORDS_REQUEST, "2026-07-02");
  add_event (s, CL_EVENT_RECORDS_PROVIDED, "2026-07-10");
  add_event (s, CL_EVENT_RECORDS_REQUEST, "2026-11-20");
  a = alerts (c, "2026-11-24", "S1", "records_request_due");
  g_assert_cmpuint (a->len, ==, 2);
  /* Summer: due Jul 9, provided Jul 10 — one day late. */
  assert_due (g_ptr_array_index (a, 0), "2026-07-09", CL_STATUS_MET_LATE);
  assert_due (g_ptr_array_index (a, 1), "2026-12-04", CL_STATUS_DUE_SOON);
}

static void
test_example_10_leap_day_birthday (void)
{
  g_autoptr(ClCaseload) c = lincoln_caseload ("CA");
  g_autoptr(GPtrArray) a = NULL;
  ClStudent *s = add_student (c, "S1", "2012-02-29");

  add_meeting (s, CL_MEETING_INITIAL, "2020-03-02");
  a = alerts (c, "2026-11-24", "S1", "rights_transfer_notice_due");
  assert_due (only (a), "2030-02-28", CL_STATUS_UPCOMING);
}

static void
test_example_11_turning_16 (void)
{
  g_autoptr(ClCaseload) c = lincoln_caseload ("CA");
  g_autoptr(ClCaseload) c2 = lincoln_caseload ("CA");
  g_autoptr(GPtrArray) a = NULL;
  g_autoptr(GPtrArray) b = NULL;

  add_meeting (add_student (c, "S1", "2010-09-02"), CL_MEETING_ANNUAL, "2026-02-26");
  a = alerts (c, "2026-03-01", "S1", "transition_plan_due");
  assert_due (only (a), "2026-09-02", CL_STATUS_UPCOMING);

  add_meeting (add_student (c2, "S1", "2010-09-02"), CL_MEETING_ANNUAL, "2025-08-20");
  b = alerts (c2, "2026-03-01", "S1", "transition_plan_due");
  assert_due (only (b), "2026-08-20", CL_STATUS_UPCOMING);
}

static void
test_example_12_expedited_due_process (void)
{
  g_autoptr(ClCaseload) c = lincoln_caseload ("CA");
  g_autoptr(GPtrArray) a = NULL;
  g_autoptr(GPtrArray) b = NULL;
  ClStudent *s = add_student (c, "S1", "2012-01-01");

  add_event (s, CL_EVENT_COMPLAINT, "2026-11-02")->kind = CL_COMPLAINT_EXPEDITED_DUE_PROCESS;
  a = alerts (c, "2026-11-03", "S1", "resolution_session_due");
  assert_due (only (a), "2026-11-09", CL_STATUS_DUE_SOON);
  b = alerts (c, "2026-11-03", "S1", "complaint_decision_due");
  assert_due (only (b), "2027-01-04", CL_STATUS_UPCOMING);
  g_assert_cmpstr (only (b)->citation, ==, "34 CFR 300.532(c)(2); HB 9.11");
}

static void
test_example_13_parent_request (void)
{
  g_autoptr(ClCaseload) c = lincoln_caseload ("CA");
  g_autoptr(GPtrArray) a = NULL;
  ClStudent *s = add_student (c, "S1", "2012-01-01");

  add_meeting (s, CL_MEETING_INITIAL, "2025-10-01");
  add_event (s, CL_EVENT_MEETING_REQUEST, "2026-12-03");
  a = alerts (c, "2026-12-04", "S1", "requested_meeting_due");
  assert_due (only (a), "2027-01-18", CL_STATUS_UPCOMING);
}

static void
test_example_14_removals (void)
{
  g_autoptr(ClCaseload) c = lincoln_caseload ("CA");
  g_autoptr(GPtrArray) a = NULL;
  g_autoptr(GPtrArray) b = NULL;
  ClStudent *s = add_student (c, "S1", "2012-01-01");
  const struct { const char *date; double days; ClRemovalKind kind; } removals[] = {
    { "2026-09-14", 3, CL_REMOVAL_SUSPENSION },
    { "2026-10-05", 4, CL_REMOVAL_SUSPENSION },
    { "2026-10-26", 2.5, CL_REMOVAL_SUSPENSION },
    { "2026-11-02", 2, CL_REMOVAL_IN_SCHOOL_SUSPENSION },
    { "2026-11-09", 1, CL_REMOVAL_SUSPENSION },
  };

  for (guint i = 0; i < G_N_ELEMENTS (removals); i++)
    {
      ClEvent *e = add_event (s, CL_EVENT_REMOVAL, removals[i].date);
      e->school_days = removals[i].days;
      e->kind = removals[i].kind;
    }
  a = alerts (c, "2026-11-24", "S1", "removal_services_required");
  assert_due (only (a), "2026-11-09", CL_STATUS_OVERDUE);
  b = alerts (c, "2026-11-24", "S1", "suspension_limit_exceeded");
  g_assert_cmpuint (b->len, ==, 0);
}

static void
test_example_15_age_22 (void)
{
  const struct { const char *pack; const char *birth; const char *due; } cases[] = {
    { "CA", "2005-03-10", "2027-06-30" },
    { "CA", "2005-11-02", "2027-12-31" },
    { "US", "2005-03-10", "2027-03-09" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(ClCaseload) c = lincoln_caseload (cases[i].pack);
      g_autoptr(GPtrArray) a = NULL;

      add_meeting (add_student (c, "S1", cases[i].birth), CL_MEETING_INITIAL, "2012-01-10");
      a = alerts (c, "2026-11-24", "S1", "eligibility_ends");
      assert_due (only (a), cases[i].due, CL_STATUS_UPCOMING);
    }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/engine/rules-md-1-referral-before-winter-break", test_example_1_referral_before_winter_break);
  g_test_add_func ("/engine/rules-md-2-thanksgiving-not-skipped", test_example_2_thanksgiving_not_skipped);
  g_test_add_func ("/engine/rules-md-3-consent-over-winter-break", test_example_3_consent_over_winter_break);
  g_test_add_func ("/engine/rules-md-4-referral-at-year-end", test_example_4_referral_at_year_end);
  g_test_add_func ("/engine/rules-md-5-consent-at-year-end", test_example_5_consent_at_year_end);
  g_test_add_func ("/engine/rules-md-6-consent-across-summer", test_example_6_consent_across_summer);
  g_test_add_func ("/engine/rules-md-7-manifestation", test_example_7_manifestation);
  g_test_add_func ("/engine/rules-md-8-iaes", test_example_8_iaes);
  g_test_add_func ("/engine/rules-md-9-records", test_example_9_records);
  g_test_add_func ("/engine/rules-md-10-leap-day-birthday", test_example_10_leap_day_birthday);
  g_test_add_func ("/engine/rules-md-11-turning-16", test_example_11_turning_16);
  g_test_add_func ("/engine/rules-md-12-expedited-due-process", test_example_12_expedited_due_process);
  g_test_add_func ("/engine/rules-md-13-parent-request", test_example_13_parent_request);
  g_test_add_func ("/engine/rules-md-14-removals", test_example_14_removals);
  g_test_add_func ("/engine/rules-md-15-age-22", test_example_15_age_22);
  return g_test_run ();
}
