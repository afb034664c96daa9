/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-due-counts.h — what is due across a caseload, in groups, counted once for every view
 *
 * Everything Due lists and the start summary counts the same things: which open obligations are
 * overdue or due this week, which meeting notices are still to send, which planned meetings come
 * soon, for everyone or for one case manager's students. Both ask here, so their numbers cannot
 * disagree.
 */
#pragma once

#include "cl-obligation.h"

G_BEGIN_DECLS

/* When an open obligation is due, as Everything Due groups it. */
typedef enum {
  CL_DUE_OVERDUE,     /* before today */
  CL_DUE_THIS_WEEK,   /* today to 7 days from now */
  CL_DUE_NEXT_30,     /* 8 to 30 days from now */
  CL_DUE_LATER,
  CL_N_DUE_WHEN
} ClDueWhen;

/* How far ahead a planned meeting counts as coming. */
#define CL_DUE_MEETING_DAYS 30

typedef struct {
  guint when[CL_N_DUE_WHEN];  /* open obligations, by when they are due */
  guint notices;              /* open obligations completed by sending a meeting's notice */
  guint meetings;             /* planned meetings from today to CL_DUE_MEETING_DAYS ahead */
} ClDueCounts;

/* A planned meeting that is coming (both borrowed from the caseload). */
typedef struct {
  const ClStudent *student;
  const ClMeeting *meeting;
} ClDueMeeting;

gboolean   cl_due_is_open          (const ClObligation *ob);
/* The group @ob falls in: by its due date, except that a prompt past its day (plan_decision_followup,
 * rules.md §4: nobody's missed deadline) is one to follow up this week, never Overdue. */
ClDueWhen  cl_due_when_obligation  (const ClObligation *ob,
                                    ClDate              today);
ClDueWhen  cl_due_when             (ClDate              due,
                                    ClDate              today);
/* Whether @ob is a meeting notice still to send (what completes its rule, cl-rule-completion). */
gboolean   cl_due_is_notice        (const ClObligation *ob);
/* Whether @student is one of @case_manager_id's (NULL or "" stands for everyone). */
gboolean   cl_due_for_case_manager (const ClStudent    *student,
                                    const char         *case_manager_id);

/* The open obligations of @obligations (borrowed) for @case_manager_id, by due date, then student
 * and rule, so the order never jumps. */
GPtrArray *cl_due_list_open        (GPtrArray          *obligations,
                                    const char         *case_manager_id);
/* The planned meetings of @caseload's students of @case_manager_id dated from @today to
 * CL_DUE_MEETING_DAYS after, by date and time (of ClDueMeeting). */
GArray    *cl_due_list_meetings    (ClCaseload         *caseload,
                                    ClDate              today,
                                    const char         *case_manager_id);
/* All of the above counted; @obligations and @caseload may be NULL (nothing is open). */
void       cl_due_count            (GPtrArray          *obligations,
                                    ClCaseload         *caseload,
                                    ClDate              today,
                                    const char         *case_manager_id,
                                    ClDueCounts        *out);

/* The same counts for everyone and for each case manager, added to as each student is computed
 * (on the computing threads, a table each, merged after, while the obligations are still in the
 * cache), so the start page shows any of them at once: counting 1.8 million obligations of
 * 100,000 students took 70-120 ms of the main thread. Borrows the students and their case
 * managers. */
typedef struct _ClDueCountTable ClDueCountTable;

ClDueCountTable *cl_due_count_table_new             (ClDate                 today);
/* @n obligations of @student, all of theirs or part of them. */
void             cl_due_count_table_add_obligations (ClDueCountTable       *self,
                                                     const ClStudent       *student,
                                                     ClObligation * const  *obligations,
                                                     guint                  n);
/* @student's planned meetings; once for each student. */
void             cl_due_count_table_add_meetings    (ClDueCountTable       *self,
                                                     const ClStudent       *student);
/* What cl_due_count() would say for @case_manager_id ("" or NULL for everyone), from the
 * obligations and meetings added; FALSE when @today is not the day the table counted for. */
gboolean         cl_due_count_table_lookup          (const ClDueCountTable *self,
                                                     const char            *case_manager_id,
                                                     ClDate                 today,
                                                     ClDueCounts           *out);
/* Adds @other's counts (of other students, for the same day) to @self's. */
void             cl_due_count_table_merge           (ClDueCountTable       *self,
                                                     const ClDueCountTable *other);
void             cl_due_count_table_free            (ClDueCountTable       *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ClDueCountTable, cl_due_count_table_free)

G_END_DECLS
