/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-rule-completion.c — for an open obligation, what a person records to complete it
 *
 * Each entry follows the "Completed by" of its rule in rules.md §4 and the matcher its algorithm
 * passes to the engine. Where several events complete a rule, the one a case manager records
 * most often is given (a plan, not a written refusal; the parent's consent, not a refusal).
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "cl-rule-completion.h"
#include "cl-rule-ids.h"

#define EVENT(rule, type, kind, flags, label) { rule, CL_COMPLETED_BY_EVENT, type, kind, flags, label }

static const ClRuleCompletion completions[] = {
  EVENT (CL_RULE_ASSESSMENT_PLAN_DUE, CL_EVENT_ASSESSMENT_PLAN_PROVIDED, -1, 0,
         N_("Record the Assessment Plan as Given…")),
  EVENT (CL_RULE_INITIAL_IEP_DUE, CL_EVENT_IEP_MEETING, CL_MEETING_INITIAL, 0,
         N_("Record the Initial IEP Meeting…")),
  EVENT (CL_RULE_ANNUAL_REVIEW_DUE, CL_EVENT_IEP_MEETING, CL_MEETING_ANNUAL, 0,
         N_("Record the Annual Review…")),
  EVENT (CL_RULE_TRIENNIAL_DUE, CL_EVENT_IEP_MEETING, CL_MEETING_TRIENNIAL, 0,
         N_("Record the Triennial Review…")),
  EVENT (CL_RULE_INTERIM_IEP_DUE, CL_EVENT_IEP_MEETING, CL_MEETING_INTERIM, 0,
         N_("Record the Interim IEP Meeting…")),
  EVENT (CL_RULE_TRANSITION_PLAN_DUE, CL_EVENT_IEP_MEETING, CL_MEETING_AMENDMENT,
         CL_COMPLETION_TRANSITION_PLAN | CL_COMPLETION_AMEND_OR_REVIEW,
         N_("Record the Transition Plan…")),
  EVENT (CL_RULE_AGE_OF_MAJORITY_NOTICE_DUE, CL_EVENT_IEP_MEETING, CL_MEETING_AMENDMENT,
         CL_COMPLETION_AGE_OF_MAJORITY | CL_COMPLETION_AMEND_OR_REVIEW,
         N_("Record the Rights as Explained…")),
  EVENT (CL_RULE_RIGHTS_TRANSFER_NOTICE_DUE, CL_EVENT_RIGHTS_TRANSFER_NOTICE, -1, 0,
         N_("Record the Notice as Sent…")),
  EVENT (CL_RULE_REQUESTED_MEETING_DUE, CL_EVENT_IEP_MEETING, CL_MEETING_AMENDMENT, 0,
         N_("Record the IEP Meeting…")),
  EVENT (CL_RULE_MANIFESTATION_DETERMINATION_DUE, CL_EVENT_IEP_MEETING, CL_MEETING_MANIFESTATION, 0,
         N_("Record the Manifestation Review…")),
  EVENT (CL_RULE_REMOVAL_SERVICES_REQUIRED, CL_EVENT_REMOVAL_SERVICES, -1, 0,
         N_("Log the Services…")),
  { CL_RULE_SUSPENSION_LIMIT_EXCEEDED, CL_COMPLETED_NEVER, 0, -1, 0, NULL },
  EVENT (CL_RULE_RECORDS_REQUEST_DUE, CL_EVENT_RECORDS_PROVIDED, -1, 0,
         N_("Record the Records as Given…")),
  { CL_RULE_MEETING_NOTICE_DUE, CL_COMPLETED_BY_NOTICE_SENT, 0, -1, 0, N_("Record the Notice as Sent…") },
  { CL_RULE_REQUIRED_MEMBER_MISSING, CL_COMPLETED_IN_MEETING, 0, -1, 0, N_("Invite in the Meeting…") },
  { CL_RULE_EXCUSAL_INCOMPLETE, CL_COMPLETED_IN_MEETING, 0, -1, 0, N_("Record the Excusal in the Meeting…") },
  EVENT (CL_RULE_TRANSITION_CONFERENCE_DUE, CL_EVENT_TRANSITION_CONFERENCE, -1, 0,
         N_("Record the Transition Conference…")),
  EVENT (CL_RULE_PRESCHOOL_IEP_DUE, CL_EVENT_IEP_MEETING, CL_MEETING_INITIAL, 0,
         N_("Record the Initial IEP Meeting…")),
  EVENT (CL_RULE_ELIGIBILITY_ENDS, CL_EVENT_EXIT, -1, 0, N_("Record the Exit…")),
  EVENT (CL_RULE_REASSESSMENT_RESPONSE_DUE, CL_EVENT_ASSESSMENT_PLAN_PROVIDED, -1, 0,
         N_("Record the Assessment Plan as Given…")),
  EVENT (CL_RULE_REASSESSMENT_IEP_DUE, CL_EVENT_IEP_MEETING, CL_MEETING_TRIENNIAL, 0,
         N_("Record the Triennial Review…")),
  EVENT (CL_RULE_RECORDS_TRANSFER_DUE, CL_EVENT_RECORDS_SENT, -1, 0, N_("Record the Records as Sent…")),
  EVENT (CL_RULE_SURROGATE_PARENT_DUE, CL_EVENT_SURROGATE_APPOINTED, -1, 0,
         N_("Record the Surrogate as Appointed…")),
  EVENT (CL_RULE_SURROGATE_NOTICE_DUE, CL_EVENT_SURROGATE_NOTICE_SENT, -1, 0,
         N_("Record the Notice as Sent…")),
  EVENT (CL_RULE_EL_ASSESSMENT_DUE, CL_EVENT_ENGLISH_PROFICIENCY_ASSESSED, -1, 0,
         N_("Record the English Assessment…")),
  EVENT (CL_RULE_PRIMARY_LANGUAGE_ASSESSMENT_DUE, CL_EVENT_PRIMARY_LANGUAGE_ASSESSED, -1, 0,
         N_("Record the Primary Language Assessment…")),
  EVENT (CL_RULE_PLAN_DECISION_FOLLOWUP, CL_EVENT_ASSESSMENT_PLAN_CONSENT, -1, 0,
         N_("Record the Parent’s Consent…")),
  /* The team decides where the student goes next at any IEP meeting (HB 9.7). */
  EVENT (CL_RULE_IAES_ENDS, CL_EVENT_IEP_MEETING, CL_MEETING_AMENDMENT, 0, N_("Record the IEP Meeting…")),
  EVENT (CL_RULE_COMPLAINT_DECISION_DUE, CL_EVENT_COMPLAINT_RESOLVED, -1, CL_COMPLETION_KIND_OF_TRIGGER,
         N_("Record the Decision…")),
  EVENT (CL_RULE_RESOLUTION_SESSION_DUE, CL_EVENT_RESOLUTION_SESSION, -1, 0,
         N_("Record the Resolution Session…")),
  EVENT (CL_RULE_DUE_PROCESS_RESPONSE_DUE, CL_EVENT_DUE_PROCESS_RESPONSE, -1, 0,
         N_("Record the Response as Sent…")),
  EVENT (CL_RULE_HEARING_DISCLOSURE_DUE, CL_EVENT_HEARING_DISCLOSURE_SENT, -1, 0,
         N_("Record the Disclosure as Sent…")),
};

const ClRuleCompletion *
cl_rule_completion_all (guint *n_out)
{
  *n_out = G_N_ELEMENTS (completions);
  return completions;
}

const ClRuleCompletion *
cl_rule_completion_lookup (const char *rule_id)
{
  for (guint i = 0; rule_id != NULL && i < G_N_ELEMENTS (completions); i++)
    if (g_str_equal (completions[i].rule_id, rule_id))
      return &completions[i];
  return NULL;
}

/* The kind of the event that triggered @ob: the first of its date whose type is @type. */
static int
trigger_kind (const ClObligation *ob,
              ClEventType         type)
{
  for (guint i = 0; i < ob->student->events->len; i++)
    {
      const ClEvent *e = &g_array_index (ob->student->events, ClEvent, i);
      if (e->type == type && e->date == ob->from)
        return e->kind;
    }
  return -1;
}

/* The transition plan and the age-of-majority statement belong in the IEP in effect on the
 * birthday: when that IEP is already written (due on the birthday itself) or the date is past,
 * an amendment adds them; otherwise the annual review due then writes them (rules.md §4
 * transition_plan_due). */
static int
amendment_or_review (const ClObligation *ob,
                     ClDate              on)
{
  int age = cl_rule_get_int (ob->rule, "age",
                             g_str_equal (ob->rule->id, CL_RULE_TRANSITION_PLAN_DUE) ? 16 : 17);

  if (ob->due == cl_date_add_years (ob->student->birth_date, age) || ob->due < on)
    return CL_MEETING_AMENDMENT;
  return CL_MEETING_ANNUAL;
}

gboolean
cl_rule_completion_event (const ClObligation *ob,
                          ClDate              on,
                          ClEvent            *out)
{
  const ClRuleCompletion *c;

  g_return_val_if_fail (ob != NULL && out != NULL, FALSE);

  c = cl_rule_completion_lookup (ob->rule->id);
  if (c == NULL || c->by != CL_COMPLETED_BY_EVENT)
    return FALSE;
  *out = (ClEvent) { 0 };
  out->type = c->type;
  out->date = on;
  out->kind = c->kind;
  out->from = -1;
  out->eligible = TRUE;
  out->transition_plan = (c->flags & CL_COMPLETION_TRANSITION_PLAN) != 0;
  out->age_of_majority_informed = (c->flags & CL_COMPLETION_AGE_OF_MAJORITY) != 0;
  if (c->flags & CL_COMPLETION_KIND_OF_TRIGGER)
    out->kind = trigger_kind (ob, CL_EVENT_COMPLAINT);
  if (c->flags & CL_COMPLETION_AMEND_OR_REVIEW)
    out->kind = amendment_or_review (ob, on);
  return TRUE;
}
