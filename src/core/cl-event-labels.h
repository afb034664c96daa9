/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-event-labels.h — what a person reads for an event type and for what a count started from.
 *
 * Untranslated msgids (the catalogue has them): the app translates them in the user's language,
 * a document in its own. */
#pragma once

#include "cl-case-model.h"

G_BEGIN_DECLS

/* "IEP meeting held" for CL_EVENT_IEP_MEETING; "" past the last type. */
const char *cl_event_type_label (ClEventType  type);
/* The same for an obligation's from_event: an event type's name, or "birthday", "emancipation",
 * "meeting" (a planned meeting); NULL for a name it does not know. */
const char *cl_from_event_label (const char  *from_event);

/* Where an event belongs on the way through special education, as the event form groups them. */
typedef enum {
  CL_STAGE_REFERRAL_ASSESSMENT,
  CL_STAGE_IEP_MEETINGS,
  CL_STAGE_TRANSFERS,
  CL_STAGE_DISCIPLINE,
  CL_STAGE_RECORDS_COMPLAINTS,
  CL_STAGE_TRANSITIONS,
  CL_N_EVENT_STAGES
} ClEventStage;

ClEventStage cl_event_type_stage  (ClEventType  type);
/* "Referral and assessment" for CL_STAGE_REFERRAL_ASSESSMENT (an untranslated msgid, as above). */
const char  *cl_event_stage_label (ClEventStage stage);

/* "the annual IEP meeting": a meeting of @kind as the middle of a sentence; "" past the last. */
const char *cl_meeting_kind_phrase (int kind);
/* "General education teacher" for CL_ROLE_GENERAL_EDUCATION_TEACHER; "" past the last. */
const char *cl_role_label         (int role);

G_END_DECLS
