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

/* "the annual IEP meeting": a meeting of @kind as the middle of a sentence; "" past the last. */
const char *cl_meeting_kind_phrase (int kind);
/* "General education teacher" for CL_ROLE_GENERAL_EDUCATION_TEACHER; "" past the last. */
const char *cl_role_label         (int role);

G_END_DECLS
