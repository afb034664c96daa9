/* cl-rules-arrival.c — what a student's arrival or circumstances make the district do
 *
 * surrogate_parent_due, surrogate_notice_due, el_assessment_due, primary_language_assessment_due
 * (rules.md §4). None requires an IEP: the need arises at referral or at enrollment.
 */
#define G_LOG_DOMAIN "cl-rules-arrival"

#include "cl-deadline-engine-private.h"

static void
surrogate_deadline (ClRuleContext *ctx,
                    const ClRule  *rule,
                    ClEventType    completing_type,
                    ClCountKind    fallback_kind,
                    guint          fallback_days)
{
  ClCountKind kind = cl_rule_get_count_kind (rule, "count", fallback_kind);
  guint days = cl_rule_get_int (rule, "days", fallback_days);

  CL_FOR_EACH_EVENT (ctx, e)
    if (e->type == CL_EVENT_SURROGATE_NEEDED)
      _cl_rule_emit_for_event (ctx, rule, CL_EMIT_DEFAULT, e, kind, days,
                               _cl_event_is_type, GINT_TO_POINTER (completing_type));
}

static void
surrogate_parent_due (ClRuleContext *ctx,
                      const ClRule  *rule)
{
  surrogate_deadline (ctx, rule, CL_EVENT_SURROGATE_APPOINTED, CL_COUNT_CALENDAR, 30);
}

static void
surrogate_notice_due (ClRuleContext *ctx,
                      const ClRule  *rule)
{
  surrogate_deadline (ctx, rule, CL_EVENT_SURROGATE_NOTICE_SENT, CL_COUNT_BUSINESS, 2);
}

/* "Initial enrollment" happens once: the earliest enrollment, and only for a student whose home
 * language is not English (HB lines 2853–2859). */
static void
language_deadline (ClRuleContext *ctx,
                   const ClRule  *rule,
                   ClEventType    completing_type,
                   ClCountKind    fallback_kind,
                   guint          fallback_days)
{
  ClCountKind kind = cl_rule_get_count_kind (rule, "count", fallback_kind);
  guint days = cl_rule_get_int (rule, "days", fallback_days);
  const char *language = ctx->student->home_language;

  if (language == NULL || *language == '\0' || g_ascii_strcasecmp (language, "en") == 0)
    return;
  CL_FOR_EACH_EVENT (ctx, e)
    if (e->type == CL_EVENT_ENROLLMENT)
      {
        _cl_rule_emit_for_event (ctx, rule, CL_EMIT_DEFAULT, e, kind, days,
                                 _cl_event_is_type, GINT_TO_POINTER (completing_type));
        return;
      }
}

static void
el_assessment_due (ClRuleContext *ctx,
                   const ClRule  *rule)
{
  language_deadline (ctx, rule, CL_EVENT_ENGLISH_PROFICIENCY_ASSESSED, CL_COUNT_SCHOOL, 30);
}

static void
primary_language_assessment_due (ClRuleContext *ctx,
                                 const ClRule  *rule)
{
  language_deadline (ctx, rule, CL_EVENT_PRIMARY_LANGUAGE_ASSESSED, CL_COUNT_CALENDAR, 90);
}

const ClRuleAlgorithm _cl_rules_arrival[] = {
  { "surrogate_parent_due", surrogate_parent_due },
  { "surrogate_notice_due", surrogate_notice_due },
  { "el_assessment_due", el_assessment_due },
  { "primary_language_assessment_due", primary_language_assessment_due },
  { NULL, NULL },
};
