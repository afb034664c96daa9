/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-obligation.h — one thing that is due, and why
 *
 * The engine's answer: for a student and a rule, the due date, whether and when it was met, and
 * its basis — the rule's sentence and citation, the trigger and its date, and how the days were
 * counted — so nobody has to take a date on trust.
 */
#pragma once

#include "cl-case-model.h"
#include "cl-rule-pack.h"

G_BEGIN_DECLS

typedef enum {
  CL_STATUS_MET,
  CL_STATUS_MET_LATE,
  CL_STATUS_OVERDUE,
  CL_STATUS_DUE_SOON,
  CL_STATUS_UPCOMING,
  CL_N_STATUSES
} ClObligationStatus;

typedef enum {
  CL_SEVERITY_INFO,
  CL_SEVERITY_WARNING,
  CL_SEVERITY_CRITICAL,
  CL_N_SEVERITIES
} ClSeverity;

extern const char * const cl_status_names[CL_N_STATUSES];
extern const char * const cl_severity_names[CL_N_SEVERITIES];

typedef struct {
  const ClStudent  *student;       /* borrowed from the caseload */
  const ClRule     *rule;          /* borrowed from the rule pack */
  const char       *citation;      /* the rule's, or a narrower one (per complaint kind) */
  ClDate            due;
  ClDate            met_on;        /* CL_DATE_NONE when not completed */
  ClObligationStatus status;
  ClSeverity        severity;
  gboolean          estimated;
  gboolean          prompt;        /* a reminder, not a district deadline (plan_decision_followup):
                                    * left out of the compliance figures */

  /* basis */
  ClDate            from;          /* the trigger's date */
  const char       *from_event;    /* event type, "meeting", "birthday" … (static string) */
  const ClMeeting  *meeting;       /* the planned meeting it concerns, or NULL */
  int               role;          /* ClInviteeRole it concerns, or -1 */
  char             *counted;       /* how the date was reached, in English */
  const char       *note;          /* more the user must know (a static sentence), or NULL */
  ClDate            extended_on;   /* an extension's date when one moved the due date, or NONE */
  ClDate            extended_was;  /* the computed due date it replaced */
} ClObligation;

void  cl_obligation_free              (ClObligation       *self);
/* Why an estimated date is estimated: which school calendars are missing. NULL when not. */
char *cl_obligation_dup_estimate_note (const ClObligation *self);

/* Student id, then due date, then rule id — the order of `caseload-cli alerts`. */
int  cl_obligation_compare (gconstpointer a,
                            gconstpointer b);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ClObligation, cl_obligation_free)

G_END_DECLS
