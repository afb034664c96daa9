/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-engine.c — every worked example of rules.md §6, through the engine
 *
 * Students are built with the model API on the Lincoln calendar of rules.md §6; each case names
 * the example it reproduces, and its expected date is the one printed in rules.md (worked there by
 * hand), never one the engine produced. tests/scenarios/ holds many more, as bundles.
 */
#include "cl-deadline-engine.h"
#include "cl-obligation-format.h"
#include "cl-test-util.h"

/* How the engine says it counted, in the `alerts` contract's words. */
static void
assert_counted (const ClObligation *ob,
                const char         *expected)
{
  g_autofree char *counted = cl_obligation_dup_counted_contract (ob);

  g_assert_cmpstr (counted, ==, expected);
}

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
  assert_counted (only (a), "15 days, not counting 16 days of Winter break");
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
  assert_counted (only (a), "15 days");
}

static void
test_example_3_consent_over_winter_break (void)
{
  g_autoptr(ClCaseload) c = lincoln_caseload ("CA");
  g_autoptr(GPtrArray) a = NULL;

  add_event (add_student (c, "S1", "2014-01-01"), CL_EVENT_ASSESSMENT_PLAN_CONSENT, "2026-10-26");
  a = alerts (c, "2026-11-24", "S1", "initial_iep_due");
  assert_due (only (a), "2027-01-10", CL_STATUS_UPCOMING);
  assert_counted (only (a), "60 days, not counting 16 days of Winter break");
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
  assert_counted (only (b), "60 calendar days");
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

/* Example 16: the annual reviews 2026-10-01 … 2030-10-01 are held before B16 2031-05-05, so the
 * IEP that must carry the transition plan is the one of 2030-10-01, and the notice the one a year
 * before B17 2032-05-05; the leap-day student of example 10 with an initial IEP 2027-02-01 turns
 * 16 inside the IEP of 2028-02-01 and 17 (2029-02-28) inside that of 2029-02-01. */
static void
test_example_16_transition_years_ahead (void)
{
  g_autoptr(ClCaseload) c = lincoln_caseload ("CA");
  g_autoptr(ClCaseload) leap = lincoln_caseload ("CA");
  g_autoptr(GPtrArray) plan = NULL, notice = NULL, leap_plan = NULL, leap_notice = NULL;

  add_meeting (add_student (c, "S1", "2015-05-05"), CL_MEETING_INITIAL, "2025-10-01");
  plan = alerts (c, "2026-11-24", "S1", "transition_plan_due");
  assert_due (only (plan), "2030-10-01", CL_STATUS_UPCOMING);
  notice = alerts (c, "2026-11-24", "S1", "age_of_majority_notice_due");
  assert_due (only (notice), "2031-10-01", CL_STATUS_UPCOMING);

  add_meeting (add_student (leap, "S2", "2012-02-29"), CL_MEETING_INITIAL, "2027-02-01");
  leap_plan = alerts (leap, "2027-03-01", "S2", "transition_plan_due");
  assert_due (only (leap_plan), "2028-02-01", CL_STATUS_UPCOMING);
  leap_notice = alerts (leap, "2027-03-01", "S2", "age_of_majority_notice_due");
  assert_due (only (leap_notice), "2029-02-01", CL_STATUS_UPCOMING);
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

/* An event field kept in the event's extra, as the bundle reader keeps it. */
static ClEvent *
with_extra (ClEvent    *e,
            const char *name,
            const char *value)
{
  if (e->extra == NULL)
    e->extra = json_object_new ();
  json_object_set_string_member (e->extra, name, value);
  return e;
}

static void
assert_met_on (const ClObligation *ob,
               const char         *met_on)
{
  g_autofree char *got = cl_date_to_iso (ob->met_on);
  g_assert_cmpstr (got, ==, met_on);
}

static void
test_example_18_reassessment_request (void)
{
  const char *packs[] = { "CA", "US", "UT" };

  for (guint i = 0; i < G_N_ELEMENTS (packs); i++)
    {
      g_autoptr(ClCaseload) c = lincoln_caseload (packs[i]);
      g_autoptr(GPtrArray) a = NULL;

      add_event (add_student (c, "S1", "2014-01-01"), CL_EVENT_REASSESSMENT_REQUEST, "2026-12-14");
      a = alerts (c, "2026-12-15", "S1", "reassessment_response_due");
      /* CA only: Dec 15–18 (4), Dec 19–Jan 3 skipped, Jan 4–14 (11) → Jan 14. */
      if (i > 0)
        g_assert_cmpuint (a->len, ==, 0);
      else
        {
          assert_due (only (a), "2027-01-14", CL_STATUS_UPCOMING);
          assert_counted (only (a), "15 days, not counting 16 days of Winter break");
        }
    }
}

static void
test_example_19_reassessment_consent_at_year_end (void)
{
  g_autoptr(ClCaseload) c = lincoln_caseload ("CA");
  g_autoptr(GPtrArray) a = NULL;

  add_event (add_student (c, "S1", "2014-01-01"), CL_EVENT_REASSESSMENT_CONSENT, "2026-05-20");
  /* No end-of-year rule: May 21–Jun 11 (22), summer skipped, Aug 17–31 (15) and Sep 1–23 (23). */
  a = alerts (c, "2026-05-21", "S1", "reassessment_iep_due");
  assert_due (only (a), "2026-09-23", CL_STATUS_UPCOMING);
}

static void
test_example_20_triennial_waiver (void)
{
  const struct { const char *waiver; ClObligationStatus first; const char *next; } cases[] = {
    /* Initial 2024-10-01 → due 2027-10-01; the waiver closes it and starts waiver + 3 years. */
    { "2027-09-15", CL_STATUS_MET, "2030-09-15" },
    { "2027-11-15", CL_STATUS_MET_LATE, "2030-11-15" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(ClCaseload) c = lincoln_caseload ("CA");
      g_autoptr(GPtrArray) a = NULL;
      g_autoptr(GPtrArray) annual = NULL;
      ClStudent *s = add_student (c, "S1", "2014-01-01");

      add_meeting (s, CL_MEETING_INITIAL, "2024-10-01");
      add_event (s, CL_EVENT_TRIENNIAL_WAIVER, cases[i].waiver);
      a = alerts (c, "2027-12-01", "S1", "triennial_due");
      g_assert_cmpuint (a->len, ==, 2);
      assert_due (g_ptr_array_index (a, 0), "2027-10-01", cases[i].first);
      assert_met_on (g_ptr_array_index (a, 0), cases[i].waiver);
      assert_due (g_ptr_array_index (a, 1), cases[i].next, CL_STATUS_UPCOMING);
      g_assert_cmpstr (((ClObligation *) g_ptr_array_index (a, 1))->from_event, ==, "triennial_waiver");
      /* A waiver does not touch the annual review: 2025-10-01, never held, overdue. */
      annual = alerts (c, "2027-12-01", "S1", "annual_review_due");
      assert_due (only (annual), "2025-10-01", CL_STATUS_OVERDUE);
    }
}

static void
test_example_21_extension (void)
{
  g_autoptr(ClCaseload) c = lincoln_caseload ("CA");
  g_autoptr(GPtrArray) a = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *json = NULL;
  JsonObject *basis, *extended;
  ClStudent *s = add_student (c, "S1", "2014-01-01");
  const ClObligation *ob;

  add_event (s, CL_EVENT_REFERRAL, "2026-12-10");
  with_extra (with_extra (add_event (s, CL_EVENT_EXTENSION, "2026-12-17"),
                          "rule", "assessment_plan_due"), "until", "2027-01-22");
  add_event (s, CL_EVENT_ASSESSMENT_PLAN_PROVIDED, "2027-01-20");
  a = alerts (c, "2027-01-25", "S1", "assessment_plan_due");
  ob = only (a);
  /* Due 2027-01-10 by the count (example 1), moved to the agreed 2027-01-22; given 2027-01-20. */
  assert_due (ob, "2027-01-22", CL_STATUS_MET);
  assert_counted (ob, "extended in writing on 2026-12-17 to 2027-01-22 "
                  "(15 days, not counting 16 days of Winter break, gave 2027-01-10)");
  g_assert_cmpstr (ob->citation, ==, "EC 56321(a), EC 56043(a); HB 1.5.B (lines 665–669)");
  g_assert_false (ob->estimated);

  /* basis.extended in the alerts JSON. */
  json = cl_obligations_to_json (a);
  g_assert_true (json_parser_load_from_data (parser, json, -1, &error));
  g_assert_no_error (error);
  basis = json_object_get_object_member (json_array_get_object_element (
            json_node_get_array (json_parser_get_root (parser)), 0), "basis");
  extended = json_object_get_object_member (basis, "extended");
  g_assert_nonnull (extended);
  g_assert_cmpstr (json_object_get_string_member (extended, "on"), ==, "2026-12-17");
  g_assert_cmpstr (json_object_get_string_member (extended, "until"), ==, "2027-01-22");
  g_assert_cmpstr (json_object_get_string_member (extended, "was"), ==, "2027-01-10");
}

static void
test_example_22_hearing_disclosure (void)
{
  const char *packs[] = { "CA", "US", "UT" };

  for (guint i = 0; i < G_N_ELEMENTS (packs); i++)
    {
      g_autoptr(ClCaseload) c = lincoln_caseload (packs[i]);
      g_autoptr(GPtrArray) a = NULL;

      with_extra (add_event (add_student (c, "S1", "2012-01-01"), CL_EVENT_HEARING_SCHEDULED, "2026-11-02"),
                  "hearing_date", "2026-12-01");
      /* Back from Tue Dec 1: Mon Nov 30 (1), Nov 23–27 holiday, Nov 20 (2), 19 (3), 18 (4), 17 (5). */
      a = alerts (c, "2026-11-03", "S1", "hearing_disclosure_due");
      assert_due (only (a), "2026-11-17", CL_STATUS_DUE_SOON);
    }
}

static void
test_example_23_surrogate_parent (void)
{
  const struct { const char *pack; const char *rule; const char *due; ClObligationStatus status; } cases[] = {
    /* Fri Nov 20; Thanksgiving week is holiday: Mon Nov 30 (1), Dec 1 (2). */
    { "CA", "surrogate_notice_due", "2026-12-01", CL_STATUS_DUE_SOON },
    /* Nov 30, Dec 1, 2, 3, 4. */
    { "CA", "surrogate_parent_due", "2026-12-04", CL_STATUS_DUE_SOON },
    /* Nov 20 + 30 calendar days: more than 14 days after Nov 20. */
    { "UT", "surrogate_parent_due", "2026-12-20", CL_STATUS_UPCOMING },
    { "US", "surrogate_parent_due", "2026-12-20", CL_STATUS_UPCOMING },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(ClCaseload) c = lincoln_caseload (cases[i].pack);
      g_autoptr(GPtrArray) a = NULL;
      g_autoptr(GPtrArray) notice = NULL;

      add_event (add_student (c, "S1", "2012-01-01"), CL_EVENT_SURROGATE_NEEDED, "2026-11-20");
      a = alerts (c, "2026-11-20", "S1", cases[i].rule);
      assert_due (only (a), cases[i].due, cases[i].status);
      /* The SELPA notice is California's. */
      notice = alerts (c, "2026-11-20", "S1", "surrogate_notice_due");
      g_assert_cmpuint (notice->len, ==, g_str_equal (cases[i].pack, "CA") ? 1 : 0);
    }
}

static void
test_example_24_english_learner (void)
{
  g_autoptr(ClCaseload) c = lincoln_caseload ("CA");
  g_autoptr(GPtrArray) a = NULL;
  g_autoptr(GPtrArray) b = NULL;
  ClStudent *s = add_student (c, "S1", "2016-01-01");

  s->home_language = g_strdup ("es");
  add_event (s, CL_EVENT_ENROLLMENT, "2026-08-10");
  /* School days from Aug 17: Aug 17–21 (5), 24–28 (10), Aug 31–Sep 4 (15), Sep 7 holiday,
   * Sep 8–11 (19), 14–18 (24), 21–25 (29), Sep 28 (30). */
  a = alerts (c, "2026-08-11", "S1", "el_assessment_due");
  assert_due (only (a), "2026-09-28", CL_STATUS_UPCOMING);
  g_assert_false (only (a)->estimated);
  /* Aug 10 + 90: Aug 31 (21), Sep 30 (51), Oct 31 (82), Nov 8 (90). */
  b = alerts (c, "2026-08-11", "S1", "primary_language_assessment_due");
  assert_due (only (b), "2026-11-08", CL_STATUS_UPCOMING);
}

static void
test_example_25_plan_followup (void)
{
  g_autoptr(ClCaseload) c = lincoln_caseload ("CA");
  g_autoptr(GPtrArray) a = NULL;
  ClStudent *s = add_student (c, "S1", "2014-01-01");

  add_event (s, CL_EVENT_ASSESSMENT_PLAN_PROVIDED, "2026-11-02");
  add_event (s, CL_EVENT_ASSESSMENT_PLAN_CONSENT, "2026-11-20");
  /* Nov 2 + 15 = Nov 17; the consent on Nov 20 is not late: a prompt, not a deadline. */
  a = alerts (c, "2026-11-24", "S1", "plan_decision_followup");
  assert_due (only (a), "2026-11-17", CL_STATUS_MET);
  assert_met_on (only (a), "2026-11-20");
  g_assert_cmpint (only (a)->severity, ==, CL_SEVERITY_INFO);
  g_assert_true (only (a)->prompt);
}

static void
test_example_26_transfer_across_years (void)
{
  const struct { const char *last_enrolled; const char *due; } cases[] = {
    /* 2026-06-05 is in 2025-26 (July–June), the transfer in 2026-27: no interim deadline. */
    { "2026-06-05", NULL },
    /* Same academic year: Sep 10 + 30 = Oct 10. */
    { "2026-08-28", "2026-10-10" },
    /* Not said: as before. */
    { NULL, "2026-10-10" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(ClCaseload) c = lincoln_caseload ("CA");
      g_autoptr(GPtrArray) a = NULL;
      ClEvent *e = add_event (add_student (c, "S1", "2012-01-01"), CL_EVENT_TRANSFER_IN, "2026-09-10");

      e->from = CL_TRANSFER_IN_STATE;
      e->has_iep = TRUE;
      if (cases[i].last_enrolled != NULL)
        with_extra (e, "last_enrolled", cases[i].last_enrolled);
      a = alerts (c, "2026-09-11", "S1", "interim_iep_due");
      if (cases[i].due == NULL)
        g_assert_cmpuint (a->len, ==, 0);
      else
        assert_due (only (a), cases[i].due, CL_STATUS_UPCOMING);
    }
}

static void
test_example_29_who_filed (void)
{
  g_autoptr(ClCaseload) c = lincoln_caseload ("CA");
  g_autoptr(GPtrArray) decision = NULL;
  g_autoptr(GPtrArray) session = NULL;
  g_autoptr(GPtrArray) response = NULL;
  g_autoptr(GPtrArray) session2 = NULL;
  g_autoptr(GPtrArray) response2 = NULL;
  ClStudent *district = add_student (c, "S1", "2012-01-01");
  ClStudent *parent = add_student (c, "S2", "2012-01-01");

  with_extra (add_event (district, CL_EVENT_COMPLAINT, "2026-10-01"), "filed_by", "district")->kind =
    CL_COMPLAINT_DUE_PROCESS;
  add_event (parent, CL_EVENT_COMPLAINT, "2026-10-01")->kind = CL_COMPLAINT_DUE_PROCESS;
  add_event (parent, CL_EVENT_RESOLUTION_WAIVED, "2026-10-08");

  /* Oct 1 + 75 = Oct 31 (30), Nov 30 (60), Dec 15 (75). */
  decision = alerts (c, "2026-10-02", "S1", "complaint_decision_due");
  assert_due (only (decision), "2026-12-15", CL_STATUS_UPCOMING);
  session = alerts (c, "2026-10-02", "S1", "resolution_session_due");
  g_assert_cmpuint (session->len, ==, 0);
  response = alerts (c, "2026-10-02", "S1", "due_process_response_due");
  g_assert_cmpuint (response->len, ==, 0);

  /* Oct 1 + 15 = Oct 16, waived Oct 8; the response Oct 1 + 10 = Oct 11. */
  session2 = alerts (c, "2026-10-09", "S2", "resolution_session_due");
  assert_due (only (session2), "2026-10-16", CL_STATUS_MET);
  assert_met_on (only (session2), "2026-10-08");
  response2 = alerts (c, "2026-10-09", "S2", "due_process_response_due");
  assert_due (only (response2), "2026-10-11", CL_STATUS_DUE_SOON);
}

/* The obligations of @rule that concern @role. */
static guint
count_for_role (GPtrArray     *obligations,
                ClInviteeRole  role)
{
  guint n = 0;

  for (guint i = 0; i < obligations->len; i++)
    n += ((ClObligation *) g_ptr_array_index (obligations, i))->role == (int) role;
  return n;
}

static void
test_example_27_not_in_regular_education (void)
{
  g_autoptr(ClCaseload) c = lincoln_caseload ("CA");
  g_autoptr(GPtrArray) outside = NULL;
  g_autoptr(GPtrArray) inside = NULL;
  ClStudent *s1 = add_student (c, "S1", "2014-01-01");
  ClStudent *s2 = add_student (c, "S2", "2014-01-01");
  const ClObligation *ob = NULL;

  s1->extra = json_object_new ();
  json_object_set_boolean_member (s1->extra, "regular_education", FALSE);
  cl_student_add_meeting (s1, "m1", CL_MEETING_ANNUAL, D ("2027-02-10"));
  cl_student_add_meeting (s2, "m2", CL_MEETING_ANNUAL, D ("2027-02-10"));
  outside = alerts (c, "2027-02-01", "S1", "required_member_missing");
  g_assert_cmpuint (count_for_role (outside, CL_ROLE_GENERAL_EDUCATION_TEACHER), ==, 0);
  /* The other members are still required. */
  g_assert_cmpuint (count_for_role (outside, CL_ROLE_SPECIAL_EDUCATION_TEACHER), ==, 1);
  inside = alerts (c, "2027-02-01", "S2", "required_member_missing");
  g_assert_cmpuint (count_for_role (inside, CL_ROLE_GENERAL_EDUCATION_TEACHER), ==, 1);
  for (guint i = 0; i < inside->len; i++)
    if (((ClObligation *) g_ptr_array_index (inside, i))->role == CL_ROLE_GENERAL_EDUCATION_TEACHER)
      ob = g_ptr_array_index (inside, i);
  assert_due (ob, "2027-02-10", CL_STATUS_DUE_SOON);
}

static void
test_example_28_district_consent (void)
{
  const struct { const char *lea; ClObligationStatus status; const char *met_on; } cases[] = {
    /* Parent 2027-02-01, LEA 2027-02-05: the later of the two. */
    { "2027-02-05", CL_STATUS_MET, "2027-02-05" },
    /* LEA after the meeting: incomplete, and the meeting day (today) has come. */
    { "2027-02-11", CL_STATUS_DUE_SOON, NULL },
    /* No lea_consent: the parent's date stands for both. */
    { NULL, CL_STATUS_MET, "2027-02-01" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(ClCaseload) c = lincoln_caseload ("CA");
      g_autoptr(GPtrArray) a = NULL;
      ClStudent *s = add_student (c, "S1", "2014-01-01");
      ClMeeting *m = cl_student_add_meeting (s, "m1", CL_MEETING_ANNUAL, D ("2027-02-10"));
      ClInvitee *inv = cl_meeting_add_invitee (m, CL_ROLE_GENERAL_EDUCATION_TEACHER);

      inv->attending = FALSE;
      inv->excusal.present = TRUE;
      inv->excusal.parent_written_consent = D ("2027-02-01");
      if (cases[i].lea != NULL)
        {
          inv->excusal.extra = json_object_new ();
          json_object_set_string_member (inv->excusal.extra, "lea_consent", cases[i].lea);
        }
      a = alerts (c, "2027-02-10", "S1", "excusal_incomplete");
      assert_due (only (a), "2027-02-10", cases[i].status);
      if (cases[i].met_on != NULL)
        assert_met_on (only (a), cases[i].met_on);
      else
        g_assert_cmpuint (only (a)->met_on, ==, CL_DATE_NONE);
    }
}

static void
test_example_30_weapon (void)
{
  for (guint with_iaes = 0; with_iaes < 2; with_iaes++)
    {
      g_autoptr(ClCaseload) c = lincoln_caseload ("CA");
      g_autoptr(GPtrArray) ends = NULL;
      g_autoptr(GPtrArray) review = NULL;
      ClStudent *s = add_student (c, "S1", "2012-01-01");
      ClEvent *e = add_event (s, CL_EVENT_REMOVAL, "2026-12-01");

      e->school_days = 3;
      e->kind = CL_REMOVAL_SUSPENSION;
      e->special = CL_SPECIAL_WEAPON;
      if (with_iaes)
        add_event (s, CL_EVENT_IAES_PLACEMENT, "2026-12-01");
      /* As an iaes_placement on 2026-12-01 would give: 45 school days (example 8) and 10 school
       * days, Dec 2–4 (3), 7–11 (8), 14, 15 (10) (example 17); one of each either way. */
      ends = alerts (c, "2026-12-02", "S1", "iaes_ends");
      assert_due (only (ends), "2027-02-17", CL_STATUS_UPCOMING);
      review = alerts (c, "2026-12-02", "S1", "manifestation_determination_due");
      assert_due (only (review), "2026-12-15", CL_STATUS_DUE_SOON);
    }
}

/* When the age-22 exit completes eligibility_ends, worked out by hand from rules.md §4 and the
 * seeds: the exit may be made from the earlier of B22 and the due date (US, UT: through age 21,
 * 34 CFR 300.101(a), 002 lines 16, 205 — the due date is the day before B22 and the last eligible
 * day; CA July–September: June 30 before B22, HB 7.18 B); an exit after the due date is late
 * (§3); an exit before that window leaves the student with no IEP then, so nothing is owed. Each
 * student has an IEP from an initial meeting of 2012-01-10; today 2028-06-01 is after every due
 * date. Feb 29 births: B22 in a common year falls on Feb 28 (§2). */
static void
test_eligibility_ends_exit (void)
{
  const struct {
    const char *pack, *birth, *exit, *due, *met_on;
    ClObligationStatus status;  /* when due is NULL: not reported */
  } cases[] = {
    /* B22 2027-03-10: eligible through 2027-03-09, due then. */
    { "US", "2005-03-10", "2027-03-09", "2027-03-09", "2027-03-09", CL_STATUS_MET },
    { "US", "2005-03-10", "2027-03-10", "2027-03-09", "2027-03-10", CL_STATUS_MET_LATE },
    { "US", "2005-03-10", "2027-03-08", NULL, NULL, 0 },
    { "US", "2005-03-10", NULL, "2027-03-09", NULL, CL_STATUS_OVERDUE },
    /* Born on a leap day, B22 2026-02-28 (2026 is common): due 2026-02-27. */
    { "UT", "2004-02-29", "2026-02-27", "2026-02-27", "2026-02-27", CL_STATUS_MET },
    { "UT", "2004-02-29", "2026-02-28", "2026-02-27", "2026-02-28", CL_STATUS_MET_LATE },
    { "UT", "2004-02-29", NULL, "2026-02-27", NULL, CL_STATUS_OVERDUE },
    /* The same in the US pack (B22 of a leap-day birth is always in a common year: 22 is not a
     * multiple of 4); an exit the day before the last day is an early one. */
    { "US", "2004-02-29", "2026-02-27", "2026-02-27", "2026-02-27", CL_STATUS_MET },
    { "US", "2004-02-29", "2026-02-26", NULL, NULL, 0 },
    /* CA, B22 2027-08-15 (August): not into the new fiscal year, due 2027-06-30, before B22. */
    { "CA", "2005-08-15", "2027-06-30", "2027-06-30", "2027-06-30", CL_STATUS_MET },
    { "CA", "2005-08-15", "2027-07-01", "2027-06-30", "2027-07-01", CL_STATUS_MET_LATE },
    { "CA", "2005-08-15", NULL, "2027-06-30", NULL, CL_STATUS_OVERDUE },
    /* CA, B22 2027-03-10 (March): through June 30; an exit on the birthday is on time. */
    { "CA", "2005-03-10", "2027-03-10", "2027-06-30", "2027-03-10", CL_STATUS_MET },
    { "CA", "2005-03-10", "2027-07-15", "2027-06-30", "2027-07-15", CL_STATUS_MET_LATE },
    { "CA", "2005-03-10", "2027-03-09", NULL, NULL, 0 },
    /* CA, B22 2027-11-02 (November): through December 31. */
    { "CA", "2005-11-02", "2027-12-31", "2027-12-31", "2027-12-31", CL_STATUS_MET },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(ClCaseload) c = lincoln_caseload (cases[i].pack);
      g_autoptr(GPtrArray) a = NULL;
      ClStudent *s = add_student (c, "S1", cases[i].birth);

      g_test_message ("%s, born %s, exit %s", cases[i].pack, cases[i].birth,
                      cases[i].exit ? cases[i].exit : "none");
      add_meeting (s, CL_MEETING_INITIAL, "2012-01-10")->eligible = TRUE;
      if (cases[i].exit != NULL)
        add_event (s, CL_EVENT_EXIT, cases[i].exit);
      a = alerts (c, "2028-06-01", "S1", "eligibility_ends");
      if (cases[i].due == NULL)
        {
          g_assert_cmpuint (a->len, ==, 0);
          continue;
        }
      assert_due (only (a), cases[i].due, cases[i].status);
      if (cases[i].met_on != NULL)
        assert_met_on (only (a), cases[i].met_on);
      else
        g_assert_cmpint (only (a)->met_on, ==, CL_DATE_NONE);
    }
}

/* What the event form can save by its date alone: an extension without its rule or date moves
 * nothing, a hearing without its date owes no disclosure. Referral 2026-12-10 → 2027-01-10
 * (example 1). */
static void
test_incomplete_extension_and_hearing (void)
{
  const char *fields[][2] = { { NULL, NULL }, { "rule", "assessment_plan_due" }, { "until", "2027-01-22" } };

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      g_autoptr(ClCaseload) c = lincoln_caseload ("CA");
      g_autoptr(GPtrArray) plan = NULL;
      g_autoptr(GPtrArray) hearing = NULL;
      ClStudent *s = add_student (c, "S1", "2014-01-01");
      ClEvent *x;

      add_event (s, CL_EVENT_REFERRAL, "2026-12-10");
      x = add_event (s, CL_EVENT_EXTENSION, "2026-12-17");
      if (fields[i][0] != NULL)
        with_extra (x, fields[i][0], fields[i][1]);
      add_event (s, CL_EVENT_HEARING_SCHEDULED, "2026-12-17");
      plan = alerts (c, "2026-12-18", "S1", "assessment_plan_due");
      assert_due (only (plan), "2027-01-10", CL_STATUS_UPCOMING);
      g_assert_cmpuint (only (plan)->extended_on, ==, CL_DATE_NONE);
      hearing = alerts (c, "2026-12-18", "S1", "hearing_disclosure_due");
      g_assert_cmpuint (hearing->len, ==, 0);
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
  g_test_add_func ("/engine/rules-md-16-transition-years-ahead", test_example_16_transition_years_ahead);
  g_test_add_func ("/engine/rules-md-18-reassessment-request", test_example_18_reassessment_request);
  g_test_add_func ("/engine/rules-md-19-reassessment-consent-at-year-end", test_example_19_reassessment_consent_at_year_end);
  g_test_add_func ("/engine/rules-md-20-triennial-waiver", test_example_20_triennial_waiver);
  g_test_add_func ("/engine/rules-md-21-extension", test_example_21_extension);
  g_test_add_func ("/engine/rules-md-22-hearing-disclosure", test_example_22_hearing_disclosure);
  g_test_add_func ("/engine/rules-md-23-surrogate-parent", test_example_23_surrogate_parent);
  g_test_add_func ("/engine/rules-md-24-english-learner", test_example_24_english_learner);
  g_test_add_func ("/engine/rules-md-25-plan-followup", test_example_25_plan_followup);
  g_test_add_func ("/engine/rules-md-26-transfer-across-years", test_example_26_transfer_across_years);
  g_test_add_func ("/engine/rules-md-27-not-in-regular-education", test_example_27_not_in_regular_education);
  g_test_add_func ("/engine/rules-md-28-district-consent", test_example_28_district_consent);
  g_test_add_func ("/engine/rules-md-29-who-filed", test_example_29_who_filed);
  g_test_add_func ("/engine/rules-md-30-weapon", test_example_30_weapon);
  g_test_add_func ("/engine/incomplete-extension-and-hearing", test_incomplete_extension_and_hearing);
  g_test_add_func ("/engine/eligibility-ends-exit", test_eligibility_ends_exit);
  return g_test_run ();
}
