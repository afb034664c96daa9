/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-meeting-prep.h — what a facilitator needs before a meeting: who must be there, whether an
 * absence is properly excused, and whether enough was done to bring the parent
 *
 * The roles come from the pack's required_member_missing rule (the same list the engine checks),
 * plus the members the handbook adds for this student: an interpreter when the family's language
 * is not English, agency representatives when transition is considered (with consent), the Part C
 * coordinator at a Part C transition.
 */
#pragma once

#include "cl-obligation.h"
#include "cl-rule-pack.h"

G_BEGIN_DECLS

typedef struct {
  ClInviteeRole role;
  gboolean      required;    /* FALSE: proposed, at the team's or family's discretion */
  const char   *reason;      /* English, static; shown through gettext */
} ClProposedRole;

/* The pack's required_member_missing rule for @student: their own jurisdiction's, else the
 * caseload's; NULL when neither pack has one. */
const ClRule  *cl_meeting_prep_required_rule   (ClRulePackSet    *packs,
                                                ClCaseload       *caseload,
                                                const ClStudent  *student);

/* The kind of the meeting the first open obligation of @obligations calls for: an initial IEP, a
 * triennial, an annual review, an interim IEP or a manifestation determination; an annual review
 * when none is open. */
ClMeetingKind  cl_meeting_prep_suggested_kind  (GPtrArray        *obligations);

/* The team to invite to a @kind meeting on @date for @student. @required_rule is the pack's
 * required_member_missing rule (NULL: no required roles). */
GArray   *cl_meeting_prep_propose_team  (const ClRule    *required_rule,
                                         const ClStudent *student,
                                         ClMeetingKind    kind,
                                         ClDate           date);

/* Whether the role @requirement names (an entry of required_member_missing's "required") must be
 * invited for @student to a meeting of @kind on @date. A general education teacher is required
 * only for a student who is, or may be, in regular education (`regular_education`, absent = true:
 * HB lines 6221–6223). */
gboolean  cl_meeting_prep_role_required (JsonObject      *requirement,
                                         const ClStudent *student,
                                         ClMeetingKind    kind,
                                         ClDate           date);

typedef enum {
  CL_EXCUSAL_NOT_NEEDED,        /* attending */
  CL_EXCUSAL_COMPLETE,
  CL_EXCUSAL_MISSING,           /* absent, nothing in writing */
  CL_EXCUSAL_NEEDS_CONSENT,     /* the parent's written consent is missing or dated after the meeting */
  CL_EXCUSAL_NEEDS_INPUT,       /* area discussed: the member's written input is missing or late */
  CL_EXCUSAL_NEEDS_LEA_CONSENT, /* the district's written agreement is dated after the meeting */
} ClExcusalState;

/* The state of @invitee's excusal for a meeting on @meeting_date; @completed_on is the latest
 * written piece when complete. HB 7.4.A–B, EC 56341(f),(g), 34 CFR 300.321(e). The district's
 * agreement is the excusal's optional `lea_consent` (kept in its extra); absent, the parent's
 * consent date stands for both (the district's form is signed by both at once). */
ClExcusalState cl_meeting_prep_excusal_state (const ClInvitee *invitee,
                                              ClDate           meeting_date,
                                              ClDate          *completed_on);
const char    *cl_excusal_state_explain      (ClExcusalState   state);

typedef enum {
  CL_CONTACT_PHONE,
  CL_CONTACT_LETTER,
  CL_CONTACT_EMAIL,
  CL_CONTACT_HOME_VISIT,
  CL_CONTACT_OTHER,
  CL_N_CONTACT_METHODS
} ClContactMethod;

extern const char * const cl_contact_method_names[CL_N_CONTACT_METHODS];

typedef struct {
  ClDate          date;
  ClContactMethod method;
} ClContactAttempt;

/* Whether the record of attempts to arrange the parent's attendance is enough to hold the meeting
 * without the parent (HB 7.5; 34 CFR 300.322(d)): at least @min_attempts attempts by at least
 * @min_methods different methods, all before the meeting. */
gboolean cl_meeting_prep_attempts_enough (const ClContactAttempt *attempts,
                                          guint                   n_attempts,
                                          ClDate                  meeting_date,
                                          guint                   min_attempts,
                                          guint                   min_methods);

G_END_DECLS
