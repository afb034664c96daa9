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

/* How a due date was reached: one way per algorithm of the engine, with the figures it used. The
 * words are the reader's (cl-obligation-words.h); the `alerts` contract keeps the engine's English
 * (cl-obligation-format.h). Which members a way uses is said beside it. */
typedef enum {
  CL_COUNTED_DAYS,                 /* days of count after the trigger; skipped for a CA pause count */
  CL_COUNTED_END_OF_YEAR,          /* the trigger (a referral when flag, else the consent) came
                                    * `before` days before the year's last day (day); days calendar
                                    * days after the next year's first day (day2) */
  CL_COUNTED_IEP_IN_EFFECT,        /* the IEP of the meeting_kind meeting of the trigger is still in
                                    * effect at birthday age; flag: the item is the age-of-majority
                                    * notice, else the transition plan */
  CL_COUNTED_REVIEW_WRITES_IEP,    /* the review due years after that meeting writes the IEP in
                                    * effect at birthday age; flag as above */
  CL_COUNTED_FIRST_MEETING_AFTER,  /* no yearly meeting before birthday age: the first after (day)
                                    * writes it; flag as above */
  CL_COUNTED_BIRTHDAY,             /* birthday age */
  CL_COUNTED_EMANCIPATED,          /* married or emancipated before birthday age */
  CL_COUNTED_ELIGIBLE_THROUGH,     /* birthday age; eligible through the due date by its month */
  CL_COUNTED_DAY_BEFORE_BIRTHDAY,  /* the day before birthday age */
  CL_COUNTED_DAYS_BEFORE_BIRTHDAY, /* days calendar days before birthday age */
  CL_COUNTED_YEARS_AFTER_MEETING,  /* years after the meeting_kind IEP meeting */
  CL_COUNTED_YEARS_AFTER_WAIVER,   /* years after the written waiver of the reassessment */
  CL_COUNTED_REMOVAL_TOTAL,        /* the removal brings the school year (day .. day2) to total
                                    * school days, more than limit */
  CL_COUNTED_SUSPENSION_INCIDENT,  /* a suspension of total school days, at most limit */
  CL_COUNTED_SUSPENSION_YEAR,      /* suspensions in the school year (day .. day2) reach total,
                                    * at most limit */
  CL_COUNTED_DAYS_BEFORE_MEETING,  /* days calendar days before the meeting_kind meeting */
  CL_COUNTED_MEMBER_NOT_INVITED,   /* nobody of the obligation's role invited to the meeting_kind
                                    * meeting */
  CL_COUNTED_EXCUSAL,              /* the obligation's role (name) excused; flag: area discussed */
  CL_COUNTED_BUSINESS_DAYS_BEFORE, /* days business days before the hearing on day */
  CL_N_COUNTED_WAYS
} ClCountedWay;

typedef struct {
  ClCountedWay way;
  ClCountKind  count;
  guint        days;
  guint        before;
  int          years;
  int          age;
  ClDate       birthday;
  int          meeting_kind;   /* ClMeetingKind of the meeting it concerns or started from, or -1 */
  ClDate       day;
  ClDate       day2;
  double       total;
  double       limit;
  gboolean     flag;
  GArray      *skipped;        /* of ClSkippedRun (labels borrowed from the school), or NULL */
  const char  *name;           /* borrowed from the meeting */
  const char  *explain;        /* the pack's words on a complaint's count (borrowed), or NULL */
} ClCounted;

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
  ClCounted         counted;       /* how the date was reached */
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
