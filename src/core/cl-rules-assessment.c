/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-rules-assessment.c — a parent's request for a reassessment, and the parent's answer to a plan
 *
 * reassessment_response_due, reassessment_iep_due, plan_decision_followup (rules.md §4).
 */
#define G_LOG_DOMAIN "cl-rules-assessment"

#include "cl-deadline-engine-private.h"

/* A reassessment plan or a prior written notice refusing the reassessment (HB lines 11011–11014). */
static gboolean
answers_reassessment_request (const ClEvent *e,
                              gconstpointer  data)
{
  return e->type == CL_EVENT_ASSESSMENT_PLAN_PROVIDED || e->type == CL_EVENT_ASSESSMENT_REFUSED;
}

/* No end-of-year exception and no extension: the handbook gives both only for a referral for
 * initial assessment (HB lines 665–672). */
static void
reassessment_response_due (ClRuleContext *ctx,
                           const ClRule  *rule)
{
  _cl_rule_emit_each (ctx, rule, CL_EMIT_DEFAULT, CL_EVENT_REASSESSMENT_REQUEST, FALSE,
                      CL_COUNT_CA_PAUSE, 15, answers_reassessment_request, NULL);
}

/* Only a triennial meeting reviews a reassessment in the bundle: it restarts the three-year clock
 * (rules.md §4 reassessment_iep_due, "Why triennial only"), whatever it decides on eligibility. The
 * end-of-year rule of initial_iep_due is keyed to a referral, which a reassessment has not. */
static void
reassessment_iep_due (ClRuleContext *ctx,
                      const ClRule  *rule)
{
  _cl_rule_emit_each (ctx, rule, CL_EMIT_DEFAULT, CL_EVENT_REASSESSMENT_CONSENT, FALSE,
                      CL_COUNT_CA_PAUSE, 60, _cl_event_is_meeting_of,
                      CL_MEETING_MASK (CL_MEETING_TRIENNIAL));
}

static gboolean
parent_decided (const ClEvent *e,
                gconstpointer  data)
{
  return e->type == CL_EVENT_ASSESSMENT_PLAN_CONSENT || e->type == CL_EVENT_REASSESSMENT_CONSENT ||
         e->type == CL_EVENT_ASSESSMENT_PLAN_DECLINED;
}

/* The parent has at least 15 days to decide (HB lines 726–727): a floor for the parent, so a
 * prompt to follow up, never a late answer (CL_EMIT_PROMPT). */
static void
plan_decision_followup (ClRuleContext *ctx,
                        const ClRule  *rule)
{
  _cl_rule_emit_each (ctx, rule, CL_EMIT_PROMPT, CL_EVENT_ASSESSMENT_PLAN_PROVIDED, FALSE,
                      CL_COUNT_CALENDAR, 15, parent_decided, NULL);
}

const ClRuleAlgorithm _cl_rules_assessment[] = {
  { "reassessment_response_due", reassessment_response_due },
  { "reassessment_iep_due", reassessment_iep_due },
  { "plan_decision_followup", plan_decision_followup },
  { NULL, NULL },
};
