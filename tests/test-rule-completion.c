/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-rule-completion.c — the event the table says completes a rule does complete it
 *
 * For every rule of every shipped pack (US, CA, UT): a synthetic student on the Lincoln calendar
 * of rules.md §6 with an open obligation of that rule on 2026-12-07; the event
 * cl_rule_completion_event() gives, dated that day, is added to their timeline (or the planned
 * meeting's notice recorded as sent), and the engine must then report the same obligation (same
 * trigger date) as done. No date is asserted here: only that the table and the engine agree. Every
 * rule of every pack must have an entry, so a new rule cannot go without one.
 */
#include "cl-deadline-engine.h"
#include "cl-rule-completion.h"
#include "cl-rule-ids.h"
#include "cl-test-util.h"

#define TODAY "2026-12-07"

typedef struct {
  ClEventType  type;
  const char  *date;     /* NULL ends the list */
  int          kind;     /* -1 none */
  double       school_days;
  const char  *extra;    /* JSON object text, or NULL */
} Given;

typedef struct {
  const char *rule;
  const char *birth;
  gboolean    part_c;
  const char *home_language;
  const char *planned;   /* a planned annual meeting's date, or NULL */
  Given       events[4];
} Scenario;

/* Each trigger is dated so that the obligation is open (most of them overdue) on TODAY; the
 * annual meeting of 2026-03-01 gives the student an IEP where a rule requires one. */
#define ANNUAL { CL_EVENT_IEP_MEETING, "2026-03-01", CL_MEETING_ANNUAL, 0, NULL }

static const Scenario scenarios[] = {
  { CL_RULE_ASSESSMENT_PLAN_DUE, "2014-01-01", FALSE, NULL, NULL,
    { { CL_EVENT_REFERRAL, "2026-11-02", -1, 0, NULL } } },
  { CL_RULE_INITIAL_IEP_DUE, "2014-01-01", FALSE, NULL, NULL,
    { { CL_EVENT_ASSESSMENT_PLAN_CONSENT, "2026-09-01", -1, 0, NULL } } },
  { CL_RULE_ANNUAL_REVIEW_DUE, "2012-01-01", FALSE, NULL, NULL,
    { { CL_EVENT_IEP_MEETING, "2025-11-01", CL_MEETING_ANNUAL, 0, NULL } } },
  { CL_RULE_TRIENNIAL_DUE, "2012-01-01", FALSE, NULL, NULL,
    { { CL_EVENT_IEP_MEETING, "2023-11-01", CL_MEETING_INITIAL, 0, NULL } } },
  { CL_RULE_INTERIM_IEP_DUE, "2012-01-01", FALSE, NULL, NULL,
    { { CL_EVENT_TRANSFER_IN, "2026-10-01", -1, 0, NULL } } },
  /* B16 2026-11-01 falls inside the IEP year of the 2026-03-01 review. */
  { CL_RULE_TRANSITION_PLAN_DUE, "2010-11-01", FALSE, NULL, NULL, { ANNUAL } },
  { CL_RULE_AGE_OF_MAJORITY_NOTICE_DUE, "2009-11-01", FALSE, NULL, NULL, { ANNUAL } },
  { CL_RULE_RIGHTS_TRANSFER_NOTICE_DUE, "2008-11-01", FALSE, NULL, NULL, { ANNUAL } },
  { CL_RULE_REQUESTED_MEETING_DUE, "2012-01-01", FALSE, NULL, NULL,
    { ANNUAL, { CL_EVENT_MEETING_REQUEST, "2026-10-01", -1, 0, NULL } } },
  { CL_RULE_MANIFESTATION_DETERMINATION_DUE, "2012-01-01", FALSE, NULL, NULL,
    { ANNUAL, { CL_EVENT_PLACEMENT_CHANGE_DECISION, "2026-11-02", -1, 0, NULL } } },
  /* 6 + 5 school days: the second removal takes the year past 10. */
  { CL_RULE_REMOVAL_SERVICES_REQUIRED, "2012-01-01", FALSE, NULL, NULL,
    { ANNUAL, { CL_EVENT_REMOVAL, "2026-09-14", CL_REMOVAL_SUSPENSION, 6, NULL },
      { CL_EVENT_REMOVAL, "2026-10-05", CL_REMOVAL_SUSPENSION, 5, NULL } } },
  { CL_RULE_SUSPENSION_LIMIT_EXCEEDED, "2012-01-01", FALSE, NULL, NULL,
    { ANNUAL, { CL_EVENT_REMOVAL, "2026-10-05", CL_REMOVAL_SUSPENSION, 6, NULL } } },
  { CL_RULE_RECORDS_REQUEST_DUE, "2012-01-01", FALSE, NULL, NULL,
    { { CL_EVENT_RECORDS_REQUEST, "2026-10-01", -1, 0, NULL } } },
  /* Meeting on 2026-12-14: the notice was due 2026-12-04. */
  { CL_RULE_MEETING_NOTICE_DUE, "2012-01-01", FALSE, NULL, "2026-12-14", { ANNUAL } },
  { CL_RULE_REQUIRED_MEMBER_MISSING, "2012-01-01", FALSE, NULL, "2026-12-14", { ANNUAL } },
  { CL_RULE_EXCUSAL_INCOMPLETE, "2012-01-01", FALSE, NULL, NULL, { ANNUAL } },
  /* B3 2027-02-01: the conference was due 90 days before, and may be held from 2026-08-01. */
  { CL_RULE_TRANSITION_CONFERENCE_DUE, "2024-02-01", TRUE, NULL, NULL, { { 0, NULL, -1, 0, NULL } } },
  { CL_RULE_PRESCHOOL_IEP_DUE, "2023-12-01", TRUE, NULL, NULL, { { 0, NULL, -1, 0, NULL } } },
  /* B22 2026-11-01: CA ends eligibility on December 31 (October–December birthdays). */
  { CL_RULE_ELIGIBILITY_ENDS, "2004-11-01", FALSE, NULL, NULL, { ANNUAL } },
  { CL_RULE_REASSESSMENT_RESPONSE_DUE, "2012-01-01", FALSE, NULL, NULL,
    { { CL_EVENT_REASSESSMENT_REQUEST, "2026-11-02", -1, 0, NULL } } },
  { CL_RULE_REASSESSMENT_IEP_DUE, "2012-01-01", FALSE, NULL, NULL,
    { { CL_EVENT_REASSESSMENT_CONSENT, "2026-09-01", -1, 0, NULL } } },
  { CL_RULE_RECORDS_TRANSFER_DUE, "2012-01-01", FALSE, NULL, NULL,
    { { CL_EVENT_DISTRICT_RECORDS_REQUEST, "2026-11-02", -1, 0, NULL } } },
  { CL_RULE_SURROGATE_PARENT_DUE, "2012-01-01", FALSE, NULL, NULL,
    { { CL_EVENT_SURROGATE_NEEDED, "2026-10-01", -1, 0, NULL } } },
  { CL_RULE_SURROGATE_NOTICE_DUE, "2012-01-01", FALSE, NULL, NULL,
    { { CL_EVENT_SURROGATE_NEEDED, "2026-10-01", -1, 0, NULL } } },
  { CL_RULE_EL_ASSESSMENT_DUE, "2012-01-01", FALSE, "es", NULL,
    { { CL_EVENT_ENROLLMENT, "2026-08-10", -1, 0, NULL } } },
  { CL_RULE_PRIMARY_LANGUAGE_ASSESSMENT_DUE, "2012-01-01", FALSE, "es", NULL,
    { { CL_EVENT_ENROLLMENT, "2026-08-10", -1, 0, NULL } } },
  { CL_RULE_PLAN_DECISION_FOLLOWUP, "2014-01-01", FALSE, NULL, NULL,
    { { CL_EVENT_ASSESSMENT_PLAN_PROVIDED, "2026-11-02", -1, 0, NULL } } },
  { CL_RULE_IAES_ENDS, "2012-01-01", FALSE, NULL, NULL,
    { ANNUAL, { CL_EVENT_IAES_PLACEMENT, "2026-09-01", -1, 0, NULL } } },
  { CL_RULE_COMPLAINT_DECISION_DUE, "2012-01-01", FALSE, NULL, NULL,
    { { CL_EVENT_COMPLAINT, "2026-09-01", CL_COMPLAINT_STATE, 0, NULL } } },
  { CL_RULE_RESOLUTION_SESSION_DUE, "2012-01-01", FALSE, NULL, NULL,
    { { CL_EVENT_COMPLAINT, "2026-11-02", CL_COMPLAINT_DUE_PROCESS, 0, NULL } } },
  { CL_RULE_DUE_PROCESS_RESPONSE_DUE, "2012-01-01", FALSE, NULL, NULL,
    { { CL_EVENT_COMPLAINT, "2026-11-02", CL_COMPLAINT_DUE_PROCESS, 0, NULL } } },
  { CL_RULE_HEARING_DISCLOSURE_DUE, "2012-01-01", FALSE, NULL, NULL,
    { { CL_EVENT_HEARING_SCHEDULED, "2026-11-02", -1, 0, "{\"hearing_date\": \"2026-12-01\"}" } } },
};

static const Scenario *
scenario_for (const char *rule)
{
  for (guint i = 0; i < G_N_ELEMENTS (scenarios); i++)
    if (g_str_equal (scenarios[i].rule, rule))
      return &scenarios[i];
  return NULL;
}

static ClCaseload *
build (const char     *jurisdiction,
       const Scenario *s)
{
  ClCaseload *caseload = cl_caseload_new ();
  ClSchool *school = cl_school_new ("lincoln", "Lincoln");
  ClStudent *student = cl_student_new ("S1");

  cl_caseload_set_jurisdiction (caseload, jurisdiction);
  cl_test_add_lincoln_calendars (caseload, (ClSchool *[]) { school, NULL });
  cl_caseload_add_school (caseload, school);
  student->birth_date = D (s->birth);
  student->school = school;
  student->part_c = s->part_c;
  student->home_language = g_strdup (s->home_language);
  for (guint i = 0; i < G_N_ELEMENTS (s->events) && s->events[i].date != NULL; i++)
    {
      const Given *g = &s->events[i];
      ClEvent *e = cl_student_add_event (student, g->type, D (g->date));

      e->kind = g->kind;
      e->school_days = g->school_days;
      if (g->type == CL_EVENT_TRANSFER_IN)
        {
          e->has_iep = TRUE;
          e->from = CL_TRANSFER_IN_STATE;
        }
      if (g->extra != NULL)
        {
          g_autoptr(JsonNode) node = json_from_string (g->extra, NULL);
          e->extra = json_object_ref (json_node_get_object (node));
        }
    }
  if (s->planned != NULL)
    cl_student_add_meeting (student, "M1", CL_MEETING_ANNUAL, D (s->planned));
  cl_caseload_add_student (caseload, student);
  return caseload;
}

/* The obligation of @rule triggered on @from (any when CL_DATE_NONE), or NULL. */
static const ClObligation *
find (GPtrArray  *obligations,
      const char *rule,
      ClDate      from)
{
  for (guint i = 0; i < obligations->len; i++)
    {
      const ClObligation *ob = g_ptr_array_index (obligations, i);
      if (g_str_equal (ob->rule->id, rule) && (from == CL_DATE_NONE || ob->from == from))
        return ob;
    }
  return NULL;
}

static GPtrArray *
compute (ClDeadlineEngine *engine,
         ClCaseload       *caseload)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *obligations;

  for (guint i = 0; i < cl_caseload_get_students (caseload)->len; i++)
    cl_student_sort_events (g_ptr_array_index (cl_caseload_get_students (caseload), i));
  obligations = cl_deadline_engine_compute (engine, caseload, D (TODAY), &error);
  g_assert_no_error (error);
  return obligations;
}

static gboolean
is_done (const ClObligation *ob)
{
  return ob != NULL && (ob->status == CL_STATUS_MET || ob->status == CL_STATUS_MET_LATE);
}

typedef struct {
  const char *pack;
  const char *rule;
} Case;

static void
test_completes (gconstpointer data)
{
  const Case *c = data;
  const ClRuleCompletion *entry = cl_rule_completion_lookup (c->rule);
  const Scenario *s = scenario_for (c->rule);
  g_autoptr(ClRulePackSet) packs = cl_rule_pack_set_new_builtin (NULL);
  g_autoptr(ClDeadlineEngine) engine = cl_deadline_engine_new (packs);
  g_autoptr(ClCaseload) caseload = NULL;
  g_autoptr(GPtrArray) before = NULL;
  g_autoptr(GPtrArray) after = NULL;
  const ClObligation *open, *closed;
  ClStudent *student;
  ClEvent event;
  ClDate from;

  g_assert_nonnull (entry);
  g_assert_nonnull (s);
  if (entry->by != CL_COMPLETED_NEVER)
    g_assert_nonnull (entry->label);

  caseload = build (c->pack, s);
  student = g_ptr_array_index (cl_caseload_get_students (caseload), 0);
  before = compute (engine, caseload);
  open = find (before, c->rule, CL_DATE_NONE);

  switch (entry->by)
    {
    case CL_COMPLETED_BY_EVENT:
      g_assert_nonnull (open);
      g_assert_false (is_done (open));
      from = open->from;
      g_assert_true (cl_rule_completion_event (open, D (TODAY), &event));
      g_assert_cmpint (event.date, ==, D (TODAY));
      event.order = student->events->len;
      g_array_append_val (student->events, event);
      break;
    case CL_COMPLETED_BY_NOTICE_SENT:
      g_assert_nonnull (open);
      g_assert_false (is_done (open));
      from = open->from;
      g_assert_false (cl_rule_completion_event (open, D (TODAY), &event));
      ((ClMeeting *) g_ptr_array_index (student->meetings, 0))->notice_sent = D (TODAY);
      break;
    case CL_COMPLETED_IN_MEETING:
    case CL_COMPLETED_NEVER:
      /* Nothing on the timeline completes these: the table says so and gives no event. */
      if (open != NULL)
        g_assert_false (cl_rule_completion_event (open, D (TODAY), &event));
      return;
    default:
      g_assert_not_reached ();
    }

  after = compute (engine, caseload);
  closed = find (after, c->rule, from);
  g_assert_nonnull (closed);
  g_assert_true (is_done (closed));
  g_assert_cmpint (closed->met_on, ==, D (TODAY));
}

/* The age-of-majority statement belongs in an amendment when the IEP in effect on B17 is already
 * written, and in the annual review when that review writes it. */
static void
test_amendment_or_review (void)
{
  const Scenario *s = scenario_for (CL_RULE_AGE_OF_MAJORITY_NOTICE_DUE);
  g_autoptr(ClRulePackSet) packs = cl_rule_pack_set_new_builtin (NULL);
  g_autoptr(ClDeadlineEngine) engine = cl_deadline_engine_new (packs);
  g_autoptr(ClCaseload) caseload = build ("CA", s);
  g_autoptr(GPtrArray) obligations = compute (engine, caseload);
  const ClObligation *open = find (obligations, CL_RULE_AGE_OF_MAJORITY_NOTICE_DUE, CL_DATE_NONE);
  ClObligation later;
  ClEvent event;

  g_assert_nonnull (open);
  if (open == NULL)
    return;
  g_assert_true (cl_rule_completion_event (open, D (TODAY), &event));
  g_assert_cmpint (event.kind, ==, CL_MEETING_AMENDMENT);
  g_assert_true (event.age_of_majority_informed);
  g_assert_false (event.transition_plan);
  cl_event_clear (&event);

  /* Due at a review a year from now, not on the birthday: that review writes it. */
  later = *open;
  later.due = D ("2027-03-01");
  g_assert_true (cl_rule_completion_event (&later, D (TODAY), &event));
  g_assert_cmpint (event.kind, ==, CL_MEETING_ANNUAL);
  cl_event_clear (&event);
}

/* A complaint's decision is recorded with the complaint's own kind. */
static void
test_kind_of_trigger (void)
{
  g_autoptr(ClRulePackSet) packs = cl_rule_pack_set_new_builtin (NULL);
  g_autoptr(ClDeadlineEngine) engine = cl_deadline_engine_new (packs);
  g_autoptr(ClCaseload) caseload = build ("US", scenario_for (CL_RULE_COMPLAINT_DECISION_DUE));
  g_autoptr(GPtrArray) obligations = compute (engine, caseload);
  ClEvent event;

  g_assert_true (cl_rule_completion_event (find (obligations, CL_RULE_COMPLAINT_DECISION_DUE, CL_DATE_NONE),
                                           D (TODAY), &event));
  g_assert_cmpint (event.type, ==, CL_EVENT_COMPLAINT_RESOLVED);
  g_assert_cmpint (event.kind, ==, CL_COMPLAINT_STATE);
  cl_event_clear (&event);
}

/* Every entry is of a rule some pack has, and names it once. */
static void
test_table_has_no_strays (void)
{
  g_autoptr(ClRulePackSet) packs = cl_rule_pack_set_new_builtin (NULL);
  const ClRulePack *ca = cl_rule_pack_set_lookup (packs, "CA", NULL);
  const ClRulePack *us = cl_rule_pack_set_lookup (packs, "US", NULL);
  guint n;
  const ClRuleCompletion *all = cl_rule_completion_all (&n);

  g_assert_cmpuint (n, >, 0);
  for (guint i = 0; i < n; i++)
    {
      g_assert_true (cl_rule_pack_lookup (ca, all[i].rule_id) || cl_rule_pack_lookup (us, all[i].rule_id));
      g_assert_true (cl_rule_completion_lookup (all[i].rule_id) == &all[i]);
    }
}

int
main (int argc, char **argv)
{
  g_autoptr(ClRulePackSet) packs = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) cases = g_ptr_array_new_with_free_func (g_free);
  g_auto(GStrv) ids = NULL;

  g_test_init (&argc, &argv, NULL);
  packs = cl_rule_pack_set_new_builtin (&error);
  g_assert_no_error (error);
  ids = cl_rule_pack_set_list_ids (packs);
  for (guint p = 0; ids[p] != NULL; p++)
    {
      const ClRulePack *pack = cl_rule_pack_set_lookup (packs, ids[p], &error);
      GPtrArray *rules;

      g_assert_no_error (error);
      rules = cl_rule_pack_get_rules (pack);
      for (guint r = 0; r < rules->len; r++)
        {
          const ClRule *rule = g_ptr_array_index (rules, r);
          Case *c = g_new0 (Case, 1);
          g_autofree char *path = g_strdup_printf ("/rule-completion/%s/%s", ids[p], rule->id);

          c->pack = g_intern_string (ids[p]);
          c->rule = g_intern_string (rule->id);
          g_ptr_array_add (cases, c);
          g_test_add_data_func (path, c, test_completes);
        }
    }
  g_test_add_func ("/rule-completion/amendment-or-review", test_amendment_or_review);
  g_test_add_func ("/rule-completion/kind-of-trigger", test_kind_of_trigger);
  g_test_add_func ("/rule-completion/no-strays", test_table_has_no_strays);
  return g_test_run ();
}
