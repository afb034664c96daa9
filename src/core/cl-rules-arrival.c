/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-rules-arrival.c — what a student's arrival or circumstances make the district do
 *
 * surrogate_parent_due, surrogate_notice_due, el_assessment_due, primary_language_assessment_due
 * (rules.md §4). None requires an IEP: the need arises at referral or at enrollment.
 */
#define G_LOG_DOMAIN "cl-rules-arrival"

#include "cl-deadline-engine-private.h"

static void
surrogate_parent_due (ClRuleContext *ctx,
                      const ClRule  *rule)
{
  _cl_rule_emit_each (ctx, rule, CL_EMIT_DEFAULT, CL_EVENT_SURROGATE_NEEDED, FALSE,
                      CL_COUNT_CALENDAR, 30,
                      _cl_event_is_type, GINT_TO_POINTER (CL_EVENT_SURROGATE_APPOINTED));
}

static void
surrogate_notice_due (ClRuleContext *ctx,
                      const ClRule  *rule)
{
  _cl_rule_emit_each (ctx, rule, CL_EMIT_DEFAULT, CL_EVENT_SURROGATE_NEEDED, FALSE,
                      CL_COUNT_BUSINESS, 2,
                      _cl_event_is_type, GINT_TO_POINTER (CL_EVENT_SURROGATE_NOTICE_SENT));
}

/* The language tests are owed only for a student whose home language is not English. */
static gboolean
home_language_not_english (const ClStudent *student)
{
  const char *language = student->home_language;

  return language != NULL && *language != '\0' && g_ascii_strcasecmp (language, "en") != 0;
}

/* "Initial enrollment" happens once: only the earliest enrollment counts (HB lines 2853–2859). */
static void
el_assessment_due (ClRuleContext *ctx,
                   const ClRule  *rule)
{
  if (home_language_not_english (ctx->student))
    _cl_rule_emit_each (ctx, rule, CL_EMIT_DEFAULT, CL_EVENT_ENROLLMENT, TRUE, CL_COUNT_SCHOOL, 30,
                        _cl_event_is_type, GINT_TO_POINTER (CL_EVENT_ENGLISH_PROFICIENCY_ASSESSED));
}

static void
primary_language_assessment_due (ClRuleContext *ctx,
                                 const ClRule  *rule)
{
  if (home_language_not_english (ctx->student))
    _cl_rule_emit_each (ctx, rule, CL_EMIT_DEFAULT, CL_EVENT_ENROLLMENT, TRUE, CL_COUNT_CALENDAR, 90,
                        _cl_event_is_type, GINT_TO_POINTER (CL_EVENT_PRIMARY_LANGUAGE_ASSESSED));
}

const ClRuleAlgorithm _cl_rules_arrival[] = {
  { "surrogate_parent_due", surrogate_parent_due },
  { "surrogate_notice_due", surrogate_notice_due },
  { "el_assessment_due", el_assessment_due },
  { "primary_language_assessment_due", primary_language_assessment_due },
  { NULL, NULL },
};
