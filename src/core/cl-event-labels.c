/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-event-labels.c — what a person reads for an event type and for what a count started from */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "cl-event-labels.h"

const char *
cl_event_type_label (ClEventType type)
{
  switch (type)
    {
    case CL_EVENT_REFERRAL: return N_("Referral for assessment received");
    case CL_EVENT_ASSESSMENT_PLAN_PROVIDED: return N_("Assessment plan given to the parent");
    case CL_EVENT_ASSESSMENT_PLAN_CONSENT: return N_("Signed assessment plan received");
    case CL_EVENT_REASSESSMENT_CONSENT: return N_("Consent to reassessment received");
    case CL_EVENT_IEP_MEETING: return N_("IEP meeting held");
    case CL_EVENT_TRANSFER_IN: return N_("Enrolled with an IEP from elsewhere");
    case CL_EVENT_REMOVAL: return N_("Disciplinary removal");
    case CL_EVENT_PLACEMENT_CHANGE_DECISION: return N_("Decision to change placement");
    case CL_EVENT_IAES_PLACEMENT: return N_("Placed in an interim alternative setting");
    case CL_EVENT_RECORDS_REQUEST: return N_("Parent asked for records");
    case CL_EVENT_RIGHTS_TRANSFER_NOTICE: return N_("Transfer-of-rights notice sent");
    case CL_EVENT_COMPLAINT: return N_("Complaint received");
    case CL_EVENT_EXIT: return N_("Left special education or the district");
    case CL_EVENT_MEETING_REQUEST: return N_("Parent asked in writing for a meeting");
    case CL_EVENT_REMOVAL_SERVICES: return N_("Services during removal started");
    case CL_EVENT_RECORDS_PROVIDED: return N_("Records given to the parent");
    case CL_EVENT_RESOLUTION_SESSION: return N_("Resolution session held");
    case CL_EVENT_DUE_PROCESS_RESPONSE: return N_("Response to due-process complaint sent");
    case CL_EVENT_COMPLAINT_RESOLVED: return N_("Complaint decided");
    case CL_EVENT_TRANSITION_CONFERENCE: return N_("Part C transition conference held");
    case CL_EVENT_REASSESSMENT_REQUEST: return N_("Parent asked in writing for a reassessment");
    case CL_EVENT_ASSESSMENT_REFUSED: return N_("Written notice refusing the assessment sent");
    case CL_EVENT_ASSESSMENT_PLAN_DECLINED: return N_("Parent declined the assessment plan in writing");
    case CL_EVENT_TRIENNIAL_WAIVER: return N_("Parent and district agreed no reassessment is needed");
    case CL_EVENT_EXTENSION: return N_("Timeline extended by written agreement");
    case CL_EVENT_DISTRICT_RECORDS_REQUEST: return N_("New district asked for the records");
    case CL_EVENT_RECORDS_SENT: return N_("Records sent to the new district");
    case CL_EVENT_SURROGATE_NEEDED: return N_("Surrogate parent found to be needed");
    case CL_EVENT_SURROGATE_NOTICE_SENT: return N_("SELPA director told a surrogate parent is needed");
    case CL_EVENT_SURROGATE_APPOINTED: return N_("Surrogate parent appointed");
    case CL_EVENT_ENROLLMENT: return N_("First enrolled in a California public school");
    case CL_EVENT_ENGLISH_PROFICIENCY_ASSESSED: return N_("English proficiency assessed");
    case CL_EVENT_PRIMARY_LANGUAGE_ASSESSED: return N_("Primary language assessed");
    case CL_EVENT_HEARING_SCHEDULED: return N_("Due-process hearing scheduled");
    case CL_EVENT_HEARING_DISCLOSURE_SENT: return N_("Evaluations and witness list disclosed for the hearing");
    case CL_EVENT_RESOLUTION_WAIVED: return N_("Resolution session waived in writing");
    case CL_N_EVENT_TYPES:
    default: return "";
    }
}

const char *
cl_from_event_label (const char *from_event)
{
  int type;

  if (from_event == NULL || *from_event == '\0')
    return NULL;
  type = cl_enum_from_name (cl_event_type_names, CL_N_EVENT_TYPES, from_event);
  if (type >= 0)
    return cl_event_type_label (type);
  /* The counts that start from something other than an event of the timeline. */
  if (g_str_equal (from_event, "birthday"))
    return N_("Birthday");
  if (g_str_equal (from_event, "emancipation"))
    return N_("Married or emancipated");
  if (g_str_equal (from_event, "meeting"))
    return N_("Planned meeting");
  return NULL;
}

ClEventStage
cl_event_type_stage (ClEventType type)
{
  switch (type)
    {
    case CL_EVENT_REFERRAL:
    case CL_EVENT_ASSESSMENT_PLAN_PROVIDED:
    case CL_EVENT_ASSESSMENT_PLAN_CONSENT:
    case CL_EVENT_ASSESSMENT_PLAN_DECLINED:
    case CL_EVENT_ASSESSMENT_REFUSED:
    case CL_EVENT_REASSESSMENT_REQUEST:
    case CL_EVENT_REASSESSMENT_CONSENT:
    case CL_EVENT_TRIENNIAL_WAIVER:
    case CL_EVENT_EXTENSION:
    case CL_EVENT_SURROGATE_NEEDED:
    case CL_EVENT_SURROGATE_NOTICE_SENT:
    case CL_EVENT_SURROGATE_APPOINTED:
      return CL_STAGE_REFERRAL_ASSESSMENT;
    case CL_EVENT_IEP_MEETING:
    case CL_EVENT_MEETING_REQUEST:
      return CL_STAGE_IEP_MEETINGS;
    case CL_EVENT_TRANSFER_IN:
    case CL_EVENT_ENROLLMENT:
    case CL_EVENT_ENGLISH_PROFICIENCY_ASSESSED:
    case CL_EVENT_PRIMARY_LANGUAGE_ASSESSED:
    case CL_EVENT_DISTRICT_RECORDS_REQUEST:
    case CL_EVENT_RECORDS_SENT:
      return CL_STAGE_TRANSFERS;
    case CL_EVENT_REMOVAL:
    case CL_EVENT_PLACEMENT_CHANGE_DECISION:
    case CL_EVENT_IAES_PLACEMENT:
    case CL_EVENT_REMOVAL_SERVICES:
      return CL_STAGE_DISCIPLINE;
    case CL_EVENT_RECORDS_REQUEST:
    case CL_EVENT_RECORDS_PROVIDED:
    case CL_EVENT_COMPLAINT:
    case CL_EVENT_RESOLUTION_SESSION:
    case CL_EVENT_RESOLUTION_WAIVED:
    case CL_EVENT_DUE_PROCESS_RESPONSE:
    case CL_EVENT_HEARING_SCHEDULED:
    case CL_EVENT_HEARING_DISCLOSURE_SENT:
    case CL_EVENT_COMPLAINT_RESOLVED:
      return CL_STAGE_RECORDS_COMPLAINTS;
    case CL_EVENT_TRANSITION_CONFERENCE:
    case CL_EVENT_RIGHTS_TRANSFER_NOTICE:
    case CL_EVENT_EXIT:
    case CL_N_EVENT_TYPES:
    default:
      return CL_STAGE_TRANSITIONS;
    }
}

const char *
cl_event_stage_label (ClEventStage stage)
{
  switch (stage)
    {
    case CL_STAGE_REFERRAL_ASSESSMENT: return N_("Referral and assessment");
    case CL_STAGE_IEP_MEETINGS: return N_("IEP meetings");
    case CL_STAGE_TRANSFERS: return N_("Transfers and enrollment");
    case CL_STAGE_DISCIPLINE: return N_("Discipline");
    case CL_STAGE_RECORDS_COMPLAINTS: return N_("Records and complaints");
    case CL_STAGE_TRANSITIONS: return N_("Transitions");
    case CL_N_EVENT_STAGES:
    default: return "";
    }
}

const char *
cl_meeting_kind_phrase (int kind)
{
  /* Translators: a meeting in the middle of a sentence, as in "a year after the annual IEP meeting
   * of May 14, 2026"; the article is part of it */
  switch (kind)
    {
    case CL_MEETING_INITIAL: return N_("the initial IEP meeting");
    case CL_MEETING_ANNUAL: return N_("the annual IEP meeting");
    case CL_MEETING_TRIENNIAL: return N_("the triennial IEP meeting");
    case CL_MEETING_AMENDMENT: return N_("the IEP amendment meeting");
    case CL_MEETING_INTERIM: return N_("the interim IEP meeting");
    case CL_MEETING_MANIFESTATION: return N_("the manifestation determination meeting");
    case CL_MEETING_TRANSITION: return N_("the transition meeting");
    case CL_MEETING_OTHER: return N_("the IEP meeting");
    default: return "";
    }
}

const char *
cl_role_label (int role)
{
  switch (role)
    {
    case CL_ROLE_PARENT: return N_("Parent");
    case CL_ROLE_STUDENT: return N_("Student");
    case CL_ROLE_GENERAL_EDUCATION_TEACHER: return N_("General education teacher");
    case CL_ROLE_SPECIAL_EDUCATION_TEACHER: return N_("Special education teacher");
    case CL_ROLE_LEA_REPRESENTATIVE: return N_("District representative");
    case CL_ROLE_ASSESSMENT_INTERPRETER: return N_("Interpreter of assessment results");
    case CL_ROLE_RELATED_SERVICE_PROVIDER: return N_("Related service provider");
    case CL_ROLE_AGENCY_REPRESENTATIVE: return N_("Agency representative");
    case CL_ROLE_PART_C_COORDINATOR: return N_("Early Start service coordinator");
    case CL_ROLE_INTERPRETER: return N_("Language interpreter");
    case CL_ROLE_OTHER: return N_("Other participant");
    default: return "";
    }
}
