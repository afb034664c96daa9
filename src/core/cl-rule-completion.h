/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-rule-completion.h — for an open obligation, what a person records to complete it
 *
 * One table, beside the rule algorithms (cl-rules-*.c) whose completion it mirrors: per rule id,
 * the event that completes it (type, kind and flags) and the action a person reads ("Record the
 * Annual Review…"). test-rule-completion saves that event for an open obligation of every rule of
 * every pack and checks the engine closes it, so the table cannot drift from the engine.
 */
#pragma once

#include "cl-obligation.h"

G_BEGIN_DECLS

typedef enum {
  CL_COMPLETED_BY_EVENT,        /* an event added to the student's timeline */
  CL_COMPLETED_BY_NOTICE_SENT,  /* the planned meeting's notice recorded as sent (notice_sent) */
  CL_COMPLETED_IN_MEETING,      /* in the planned meeting's window: an invitee, an excusal */
  CL_COMPLETED_NEVER,           /* a violation: nothing done afterwards completes it */
} ClCompletedBy;

typedef enum {
  CL_COMPLETION_DEFAULT          = 0,
  CL_COMPLETION_TRANSITION_PLAN  = 1 << 0,  /* the meeting wrote the transition plan */
  CL_COMPLETION_AGE_OF_MAJORITY  = 1 << 1,  /* the meeting explained which rights transfer at 18 */
  CL_COMPLETION_KIND_OF_TRIGGER  = 1 << 2,  /* the kind is the triggering event's (a complaint's) */
  CL_COMPLETION_AMEND_OR_REVIEW  = 1 << 3,  /* an amendment, or the annual review due then */
} ClCompletionFlags;

typedef struct {
  const char        *rule_id;
  ClCompletedBy      by;
  ClEventType        type;    /* CL_COMPLETED_BY_EVENT only */
  int                kind;    /* ClMeetingKind (or a complaint's), -1 for none */
  ClCompletionFlags  flags;
  const char        *label;   /* untranslated msgid, e.g. "Record the Annual Review…"; NULL: none */
} ClRuleCompletion;

/* The table's entry for @rule_id, or NULL for a rule it does not know. */
const ClRuleCompletion *cl_rule_completion_lookup (const char *rule_id);

/* Every entry, @n_out of them. */
const ClRuleCompletion *cl_rule_completion_all    (guint *n_out);

/* The event that completes @ob, dated @on (cleared with cl_event_clear()); FALSE when @ob is not
 * completed by an event of the timeline. */
gboolean                cl_rule_completion_event  (const ClObligation *ob,
                                                   ClDate              on,
                                                   ClEvent            *out);

G_END_DECLS
