/* cl-rules-requests.c — requests and complaints on their own clocks
 *
 * records_request_due, complaint_decision_due, resolution_session_due and
 * due_process_response_due (rules.md §4).
 */
#define G_LOG_DOMAIN "cl-rules-requests"

#include "cl-deadline-engine-private.h"

static void
records_request_due (ClRuleContext *ctx,
                     const ClRule  *rule)
{
  ClCountKind kind = cl_rule_get_count_kind (rule, "count", CL_COUNT_CALENDAR);
  guint days = cl_rule_get_int (rule, "days", 45);

  CL_FOR_EACH_EVENT (ctx, e)
    if (e->type == CL_EVENT_RECORDS_REQUEST)
      _cl_rule_emit_for_event (ctx, rule, CL_EMIT_DEFAULT, e, kind, days,
                               _cl_event_is_type, GINT_TO_POINTER (CL_EVENT_RECORDS_PROVIDED));
}

typedef struct {
  ClEventType type;
  int         kind;      /* for complaint_resolved: the complaint's kind */
} Completion;

/* A complaint_resolved without a kind resolves whichever complaint is open. */
static gboolean
completes_complaint (const ClEvent *e,
                     gconstpointer  data)
{
  const Completion *c = data;

  if (e->type != c->type)
    return FALSE;
  return c->type != CL_EVENT_COMPLAINT_RESOLVED || e->kind < 0 || e->kind == c->kind;
}

/* The pack gives, per complaint kind, { "days": …, "count": …, "citation": … }; a kind it does not
 * list has no such deadline. */
static void
complaint_deadline (ClRuleContext *ctx,
                    const ClRule  *rule,
                    ClEventType    completing_type)
{
  JsonObject *kinds = cl_rule_get_object (rule, "kinds");

  if (kinds == NULL)
    return;

  CL_FOR_EACH_EVENT (ctx, e)
    {
      JsonNode *spec_node;
      JsonObject *spec;
      const char *count_name;
      ClCountKind count = CL_COUNT_CALENDAR;
      Completion completion = { completing_type, e->kind };
      ClObligation *ob;

      if (e->type != CL_EVENT_COMPLAINT || e->kind < 0)
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
          if (json_object_has_member (spec, "explain"))
            {
              char *counted = g_strdup_printf ("%s (%s)", ob->counted,
                                               json_object_get_string_member (spec, "explain"));
              g_free (ob->counted);
              ob->counted = counted;
            }
        }
    }
}

static void
complaint_decision_due (ClRuleContext *ctx,
                        const ClRule  *rule)
{
  complaint_deadline (ctx, rule, CL_EVENT_COMPLAINT_RESOLVED);
}

static void
resolution_session_due (ClRuleContext *ctx,
                        const ClRule  *rule)
{
  complaint_deadline (ctx, rule, CL_EVENT_RESOLUTION_SESSION);
}

static void
due_process_response_due (ClRuleContext *ctx,
                          const ClRule  *rule)
{
  complaint_deadline (ctx, rule, CL_EVENT_DUE_PROCESS_RESPONSE);
}

const ClRuleAlgorithm _cl_rules_requests[] = {
  { "records_request_due", records_request_due },
  { "complaint_decision_due", complaint_decision_due },
  { "resolution_session_due", resolution_session_due },
  { "due_process_response_due", due_process_response_due },
  { NULL, NULL },
};
