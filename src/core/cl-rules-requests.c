/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-rules-requests.c — requests and complaints on their own clocks
 *
 * records_request_due, records_transfer_due, complaint_decision_due, resolution_session_due,
 * due_process_response_due and hearing_disclosure_due (rules.md §4).
 */
#define G_LOG_DOMAIN "cl-rules-requests"

#include "cl-deadline-engine-private.h"

static void
records_request_due (ClRuleContext *ctx,
                     const ClRule  *rule)
{
  _cl_rule_emit_each (ctx, rule, CL_EMIT_DEFAULT, CL_EVENT_RECORDS_REQUEST, FALSE, CL_COUNT_CALENDAR, 45,
                      _cl_event_is_type, GINT_TO_POINTER (CL_EVENT_RECORDS_PROVIDED));
}

/* A former district's duty to the new one (HB 7.12.C, lines 6653–6659). */
static void
records_transfer_due (ClRuleContext *ctx,
                      const ClRule  *rule)
{
  _cl_rule_emit_each (ctx, rule, CL_EMIT_DEFAULT, CL_EVENT_DISTRICT_RECORDS_REQUEST, FALSE,
                      CL_COUNT_BUSINESS, 5, _cl_event_is_type, GINT_TO_POINTER (CL_EVENT_RECORDS_SENT));
}

typedef struct {
  ClEventType type;
  ClEventType also;      /* a second event type that completes it as well */
  int         kind;      /* for complaint_resolved: the complaint's kind */
} Completion;

/* A complaint_resolved without a kind resolves whichever complaint is open. */
static gboolean
completes_complaint (const ClEvent *e,
                     gconstpointer  data)
{
  const Completion *c = data;

  if (e->type != c->type && e->type != c->also)
    return FALSE;
  return e->type != CL_EVENT_COMPLAINT_RESOLVED || e->kind < 0 || e->kind == c->kind;
}

/* The resolution session and the district's 10-day response answer a parent's due-process request
 * only (HB lines 3818–3819, 13972–13973; 003 lines 167–169); absent, the complainant is the parent,
 * as every bundle before `filed_by` meant. */
static gboolean
filed_by_parent (const ClEvent *complaint)
{
  int by = cl_extra_get_enum (complaint->extra, "filed_by", cl_filed_by_names, CL_N_FILED_BY);
  return by < 0 || by == CL_FILED_BY_PARENT;
}

typedef enum {
  CL_COMPLAINT_DECISION,
  CL_COMPLAINT_PARENT_ONLY,
} ClComplaintDuty;

/* The pack gives, per complaint kind, { "days": …, "count": …, "citation": … }; a kind it does not
 * list has no such deadline. */
static void
complaint_deadline (ClRuleContext  *ctx,
                    const ClRule   *rule,
                    ClComplaintDuty duty,
                    ClEventType     completing_type,
                    ClEventType     also_completing)
{
  JsonObject *kinds = cl_rule_get_object (rule, "kinds");
  g_autoptr(GArray) emitted = NULL;   /* made at the first complaint: most students have none */

  if (kinds == NULL)
    return;

  CL_FOR_EACH_EVENT (ctx, e)
    {
      JsonNode *spec_node;
      JsonObject *spec;
      const char *count_name;
      ClCountKind count = CL_COUNT_CALENDAR;
      Completion completion = { completing_type, also_completing, e->kind };
      ClEmitted em = { NULL, e, NULL };
      ClObligation *ob;

      if (e->type != CL_EVENT_COMPLAINT || e->kind < 0)
        continue;
      if (duty == CL_COMPLAINT_PARENT_ONLY && !filed_by_parent (e))
        continue;
      spec_node = json_object_get_member (kinds, cl_complaint_kind_names[e->kind]);
      if (spec_node == NULL || !JSON_NODE_HOLDS_OBJECT (spec_node))
        continue;
      spec = json_node_get_object (spec_node);
      count_name = json_object_get_string_member_with_default (spec, "count", "calendar");
      for (guint k = 0; k < CL_N_COUNT_KINDS; k++)
        if (g_str_equal (count_name, cl_count_kind_names[k]))
          count = k;

      ob = _cl_rule_emit_for_event (ctx, rule, CL_EMIT_DEFAULT, e, count,
                                    json_object_get_int_member_with_default (spec, "days", 0),
                                    completes_complaint, &completion);
      if (ob != NULL)
        {
          ob->citation = json_object_get_string_member_with_default (spec, "citation", rule->citation);
          ob->counted.explain = json_object_get_string_member_with_default (spec, "explain", NULL);
        }
      em.ob = ob;
      em.extension_citation = json_object_get_string_member_with_default (spec, "extension_citation", NULL);
      if (emitted == NULL)
        emitted = g_array_new (FALSE, FALSE, sizeof (ClEmitted));
      g_array_append_val (emitted, em);
    }
  /* The complainant may agree in writing to extend the decision (004 lines 205, 421). */
  if (duty == CL_COMPLAINT_DECISION)
    _cl_rule_apply_extensions (ctx, CL_EXTENDS_COMPLAINT_DECISION, emitted, CL_EMIT_DEFAULT);
}

static void
complaint_decision_due (ClRuleContext *ctx,
                        const ClRule  *rule)
{
  complaint_deadline (ctx, rule, CL_COMPLAINT_DECISION, CL_EVENT_COMPLAINT_RESOLVED,
                      CL_EVENT_COMPLAINT_RESOLVED);
}

/* Waived in writing or replaced by mediation, the session is done (HB lines 3824–3825, 13974–13975). */
static void
resolution_session_due (ClRuleContext *ctx,
                        const ClRule  *rule)
{
  complaint_deadline (ctx, rule, CL_COMPLAINT_PARENT_ONLY, CL_EVENT_RESOLUTION_SESSION,
                      CL_EVENT_RESOLUTION_WAIVED);
}

static void
due_process_response_due (ClRuleContext *ctx,
                          const ClRule  *rule)
{
  complaint_deadline (ctx, rule, CL_COMPLAINT_PARENT_ONLY, CL_EVENT_DUE_PROCESS_RESPONSE,
                      CL_EVENT_DUE_PROCESS_RESPONSE);
}

/* A hearing set again before it was held replaces the earlier setting (rules.md §4
 * hearing_disclosure_due, "Rescheduling"). */
static gboolean
hearing_moved (ClRuleContext *ctx,
               const ClEvent *scheduled,
               ClDate         hearing)
{
  for (const ClEvent *later = scheduled + 1;
       later < (const ClEvent *) (gpointer) ctx->student->events->data + ctx->student->events->len;
       later++)
    if (later->type == CL_EVENT_HEARING_SCHEDULED && hearing >= later->date)
      return TRUE;
  return FALSE;
}

static void
hearing_disclosure_due (ClRuleContext *ctx,
                        const ClRule  *rule)
{
  guint days = cl_rule_get_int (rule, "days_before", 5);
  gconstpointer sent = GINT_TO_POINTER (CL_EVENT_HEARING_DISCLOSURE_SENT);

  CL_FOR_EACH_EVENT (ctx, e)
    {
      ClDate hearing, due;
      const ClEvent *done;
      ClObligation *ob;

      if (e->type != CL_EVENT_HEARING_SCHEDULED ||
          (hearing = cl_extra_get_date (e->extra, "hearing_date")) == CL_DATE_NONE ||
          hearing_moved (ctx, e, hearing))
        continue;
      due = _cl_rule_count_business_before (ctx, hearing, days);
      /* A disclosure before this setting does not cover "all evaluations completed by that date"
       * (34 CFR 300.512(b)(1)): only one on or after it completes it. */
      done = _cl_rule_first_event (ctx, e->date, e, _cl_event_is_type, sent);
      ob = _cl_rule_emit (ctx, rule, CL_EMIT_DEFAULT, due, done ? done->date : CL_DATE_NONE,
                          e->date, cl_event_type_names[e->type],
                          &(ClCounted) { .way = CL_COUNTED_BUSINESS_DAYS_BEFORE, .days = days,
                                         .day = hearing, .meeting_kind = -1 });
      /* Set fewer than 5 business days ahead, the timeline cannot be met: never overdue. */
      if (ob != NULL && due < e->date)
        {
          ob->note = "The hearing was set fewer business days ahead than the disclosure needs: "
                     "the timeline cannot be met. Disclose as soon as possible.";
          if (ob->status == CL_STATUS_OVERDUE)
            {
              ob->status = CL_STATUS_DUE_SOON;
              ob->severity = CL_SEVERITY_WARNING;
            }
        }
    }
}

const ClRuleAlgorithm _cl_rules_requests[] = {
  { "records_request_due", records_request_due },
  { "complaint_decision_due", complaint_decision_due },
  { "resolution_session_due", resolution_session_due },
  { "due_process_response_due", due_process_response_due },
  { "records_transfer_due", records_transfer_due },
  { "hearing_disclosure_due", hearing_disclosure_due },
  { NULL, NULL },
};
