/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-rules-timeline.c — referral to IEP, and the IEP's yearly and three-yearly cycle
 *
 * assessment_plan_due, initial_iep_due, annual_review_due, triennial_due, interim_iep_due,
 * requested_meeting_due (rules.md §4). The reassessment and the parent's decision on a plan are in
 * cl-rules-assessment.c.
 */
#define G_LOG_DOMAIN "cl-rules-timeline"

#include "cl-deadline-engine-private.h"

/* A meeting that starts (or renews) the yearly cycle: initial and triennial only when eligible. */
static gboolean
starts_review_cycle (const ClEvent *e)
{
  if (e->type != CL_EVENT_IEP_MEETING)
    return FALSE;
  switch (e->kind)
    {
    case CL_MEETING_ANNUAL:
      return TRUE;
    case CL_MEETING_INITIAL:
    case CL_MEETING_TRIENNIAL:
      return e->eligible;
    default:
      return FALSE;
    }
}

/* The end-of-school-year exception (EC 56321(a), EC 56043(f)): a trigger that falls within
 * "window_days" of the last day of its school year is due a fixed number of calendar days after the
 * next school year starts, "in any event". @anchor is the date the window is measured from (the
 * referral); @received is what starts the count (for the IEP, the consent), which may come in the
 * summer: HB 1.5.A (lines 642–646) sets the IEP "within 30 days after the commencement of the
 * subsequent regular school year" for every referral made 30 days or less before its end, and says
 * nothing of when the consent arrives. rules.md also asks for consent by the last day; the
 * handbook wins. A consent received once the next year has begun is counted the usual way. */
static gboolean
end_of_year_due (ClRuleContext *ctx,
                 const ClRule  *rule,
                 ClDate         anchor,
                 ClDate         received,
                 gboolean       anchor_is_referral,
                 ClDate        *due,
                 gboolean      *estimated,
                 ClCounted     *counted)
{
  JsonObject *eoy = cl_rule_get_object (rule, "end_of_year");
  ClSchoolYear session, next;
  gint64 window, after;

  if (eoy == NULL)
    return FALSE;
  window = json_object_get_int_member_with_default (eoy, "window_days", -1);
  after = json_object_get_int_member_with_default (eoy, "days_after_first_day", -1);
  if (window < 0 || after < 0)
    return FALSE;

  if (!cl_school_calendar_session (ctx->calendar, anchor, 0, &session) ||
      anchor > session.last_day ||
      (gint64) (session.last_day - anchor) > window ||
      !cl_school_calendar_session (ctx->calendar, anchor, 1, &next) ||
      received >= next.first_day)
    return FALSE;

  *due = next.first_day + (ClDate) after;
  *estimated = session.projected || next.projected;
  *counted = (ClCounted) { .way = CL_COUNTED_END_OF_YEAR, .flag = anchor_is_referral,
                           .before = session.last_day - anchor, .day = session.last_day,
                           .days = (guint) after, .day2 = next.first_day, .meeting_kind = -1 };
  return TRUE;
}

static ClObligation *
emit_end_of_year (ClRuleContext *ctx,
                  const ClRule  *rule,
                  const ClEvent *trigger,
                  ClDate         due,
                  gboolean       estimated,
                  ClCounted     *counted,
                  ClEventMatch   complete,
                  gconstpointer  complete_data)
{
  const ClEvent *done = _cl_rule_first_event (ctx, trigger->date, trigger, complete, complete_data);
  ClObligation *ob = _cl_rule_emit (ctx, rule, CL_EMIT_DEFAULT, due,
                                    done ? done->date : CL_DATE_NONE, trigger->date,
                                    cl_event_type_names[trigger->type], counted);

  _cl_rule_mark_estimated (ctx, ob, estimated);
  return ob;
}

/* A plan or a prior written notice refusing the assessment both answer a request for one (000 line
 * 141 "an assessment plan or written response", HB lines 3605–3606 "a written notice or an
 * assessment plan"). */
static gboolean
answers_assessment_request (const ClEvent *e,
                            gconstpointer  data)
{
  return e->type == CL_EVENT_ASSESSMENT_PLAN_PROVIDED || e->type == CL_EVENT_ASSESSMENT_REFUSED;
}

static void
assessment_plan_due (ClRuleContext *ctx,
                     const ClRule  *rule)
{
  ClCountKind kind = cl_rule_get_count_kind (rule, "count", CL_COUNT_CALENDAR);
  guint days = cl_rule_get_int (rule, "days", 15);
  const char *extension_citation = cl_rule_get_string (rule, "extension_citation", NULL);
  g_autoptr(GArray) emitted = NULL;   /* made at the first referral: most students have none now */

  CL_FOR_EACH_EVENT (ctx, e)
    {
      ClEmitted em = { NULL, e, extension_citation };
      gboolean estimated;
      ClCounted counted;
      ClDate due;

      if (e->type != CL_EVENT_REFERRAL)
        continue;
      if (end_of_year_due (ctx, rule, e->date, e->date, TRUE, &due, &estimated, &counted))
        em.ob = emit_end_of_year (ctx, rule, e, due, estimated, &counted, answers_assessment_request, NULL);
      else
        em.ob = _cl_rule_emit_for_event (ctx, rule, CL_EMIT_DEFAULT, e, kind, days,
                                         answers_assessment_request, NULL);
      if (emitted == NULL)
        emitted = g_array_new (FALSE, FALSE, sizeof (ClEmitted));
      g_array_append_val (emitted, em);
    }
  /* The parent may agree in writing to extend it (HB lines 668–669). */
  _cl_rule_apply_extensions (ctx, CL_EXTENDS_ASSESSMENT_PLAN, emitted, CL_EMIT_DEFAULT);
}

/* The referral an assessment plan consent answers: the latest one dated on or before it. */
static const ClEvent *
referral_before (ClRuleContext *ctx,
                 const ClEvent *consent)
{
  const ClEvent *found = NULL;

  CL_FOR_EACH_EVENT (ctx, e)
    {
      if (e->date > consent->date)
        break;
      if (e->type == CL_EVENT_REFERRAL)
        found = e;
    }
  return found;
}

static void
initial_iep_due (ClRuleContext *ctx,
                 const ClRule  *rule)
{
  ClCountKind kind = cl_rule_get_count_kind (rule, "count", CL_COUNT_CALENDAR);
  guint days = cl_rule_get_int (rule, "days", 60);
  gconstpointer initial = CL_MEETING_MASK (CL_MEETING_INITIAL);

  CL_FOR_EACH_EVENT (ctx, e)
    {
      const ClEvent *referral;
      gboolean estimated;
      ClCounted counted;
      ClDate due;

      if (e->type != CL_EVENT_ASSESSMENT_PLAN_CONSENT)
        continue;
      referral = referral_before (ctx, e);
      if (end_of_year_due (ctx, rule, referral ? referral->date : e->date, e->date,
                           referral != NULL, &due, &estimated, &counted))
        emit_end_of_year (ctx, rule, e, due, estimated, &counted, _cl_event_is_meeting_of, initial);
      else
        _cl_rule_emit_for_event (ctx, rule, CL_EMIT_DEFAULT, e, kind, days,
                                 _cl_event_is_meeting_of, initial);
    }
}

/* annual_review_due and triennial_due: an anniversary of the meeting that started the cycle. */
static void
anniversary_of_meetings (ClRuleContext *ctx,
                         const ClRule  *rule,
                         int            default_years,
                         gboolean       renewed_by_annual,
                         gconstpointer  completing_kinds)
{
  int years = cl_rule_get_int (rule, "years", default_years);

  CL_FOR_EACH_EVENT (ctx, e)
    {
      ClCounted counted = { .way = CL_COUNTED_YEARS_AFTER_MEETING, .years = years,
                            .meeting_kind = e->kind };
      const ClEvent *done;

      if (!starts_review_cycle (e) || (!renewed_by_annual && e->kind == CL_MEETING_ANNUAL))
        continue;
      done = _cl_rule_first_event (ctx, e->date, e, _cl_event_is_meeting_of, completing_kinds);
      _cl_rule_emit (ctx, rule, CL_EMIT_REQUIRES_IEP, cl_date_add_years (e->date, years),
                     done ? done->date : CL_DATE_NONE, e->date, "iep_meeting", &counted);
    }
}

static void
annual_review_due (ClRuleContext *ctx,
                   const ClRule  *rule)
{
  anniversary_of_meetings (ctx, rule, 1, TRUE,
                           GUINT_TO_POINTER ((1u << CL_MEETING_ANNUAL) | (1u << CL_MEETING_TRIENNIAL)));
}

/* A triennial meeting or a written waiver of the reassessment (HB lines 935–937) ends a cycle. */
static gboolean
ends_triennial_cycle (const ClEvent *e,
                      gconstpointer  data)
{
  return e->type == CL_EVENT_TRIENNIAL_WAIVER ||
         (e->type == CL_EVENT_IEP_MEETING && e->kind == CL_MEETING_TRIENNIAL);
}

/* Like the annual review, but a waiver both ends a cycle and starts the next (rules.md §4
 * triennial_due, "Waiver"); it does not start or end an IEP. */
static void
triennial_due (ClRuleContext *ctx,
               const ClRule  *rule)
{
  int years = cl_rule_get_int (rule, "years", 3);

  CL_FOR_EACH_EVENT (ctx, e)
    {
      gboolean waiver = e->type == CL_EVENT_TRIENNIAL_WAIVER;
      ClCounted counted = { .way = waiver ? CL_COUNTED_YEARS_AFTER_WAIVER : CL_COUNTED_YEARS_AFTER_MEETING,
                            .years = years, .meeting_kind = waiver ? -1 : e->kind };
      const ClEvent *done;

      if (!waiver && (!starts_review_cycle (e) || e->kind == CL_MEETING_ANNUAL))
        continue;
      done = _cl_rule_first_event (ctx, e->date, e, ends_triennial_cycle, NULL);
      _cl_rule_emit (ctx, rule, CL_EMIT_REQUIRES_IEP, cl_date_add_years (e->date, years),
                     done ? done->date : CL_DATE_NONE, e->date, cl_event_type_names[e->type], &counted);
    }
}

static gboolean
rule_lists_string (const ClRule *rule,
                   const char   *member,
                   const char   *value)
{
  JsonNode *node = cl_rule_get_member (rule, member);
  JsonArray *array;

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    return FALSE;
  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *item = json_array_get_element (array, i);
      if (JSON_NODE_HOLDS_VALUE (item) && json_node_get_value_type (item) == G_TYPE_STRING &&
          g_strcmp0 (json_node_get_string (item), value) == 0)
        return TRUE;
    }
  return FALSE;
}

/* July 1 – June 30: the academic year of EC 56325(a)(1), not the school's session. */
static int
academic_year (ClDate day)
{
  return cl_date_month (day) >= 7 ? cl_date_year (day) : cl_date_year (day) - 1;
}

/* The interim deadline applies only when the student was last in special education in the other
 * district within the same academic year (HB lines 6628–6630, 6639, 6649); a transfer that does
 * not say when keeps the deadline, as bundles written before `last_enrolled` meant. */
static gboolean
enrolled_same_academic_year (const ClEvent *transfer)
{
  ClDate last = cl_extra_get_date (transfer->extra, "last_enrolled");

  return last == CL_DATE_NONE || academic_year (last) == academic_year (transfer->date);
}

static void
interim_iep_due (ClRuleContext *ctx,
                 const ClRule  *rule)
{
  ClCountKind kind = cl_rule_get_count_kind (rule, "count", CL_COUNT_CALENDAR);
  guint days = cl_rule_get_int (rule, "days", 30);

  CL_FOR_EACH_EVENT (ctx, e)
    if (e->type == CL_EVENT_TRANSFER_IN && e->has_iep && e->from >= 0 &&
        rule_lists_string (rule, "transfers_from", cl_transfer_from_names[e->from]) &&
        enrolled_same_academic_year (e))
      _cl_rule_emit_for_event (ctx, rule, CL_EMIT_DEFAULT, e, kind, days,
                               _cl_event_is_meeting_of, CL_ANY_MEETING);
}

static void
requested_meeting_due (ClRuleContext *ctx,
                       const ClRule  *rule)
{
  _cl_rule_emit_each (ctx, rule, CL_EMIT_REQUIRES_IEP, CL_EVENT_MEETING_REQUEST, FALSE,
                      CL_COUNT_CALENDAR, 30, _cl_event_is_meeting_of, CL_ANY_MEETING);
}

const ClRuleAlgorithm _cl_rules_timeline[] = {
  { "assessment_plan_due", assessment_plan_due },
  { "initial_iep_due", initial_iep_due },
  { "annual_review_due", annual_review_due },
  { "triennial_due", triennial_due },
  { "interim_iep_due", interim_iep_due },
  { "requested_meeting_due", requested_meeting_due },
  { NULL, NULL },
};
