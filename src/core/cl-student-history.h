/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-student-history.h — what a student's timeline says: when an IEP was in effect, and which
 * event it expects next
 *
 * The engine counts deadlines from the first; the event form starts from the second and questions
 * an event the history makes unlikely.
 */
#pragma once

#include "cl-case-model.h"

G_BEGIN_DECLS

typedef struct {
  ClDate start;
  ClDate end;        /* first day without the IEP; G_MAXUINT32 while it lasts */
} ClIepSpan;

/* rules.md §3 "Having an IEP": the spans of @student's timeline with an IEP in effect, in date
 * order (of ClIepSpan). */
GArray        *cl_student_iep_spans      (const ClStudent *student);
/* Whether an IEP is in effect on @day. */
gboolean       cl_student_has_iep_on     (const ClStudent *student,
                                          ClDate           day);
/* The latest event of @type (and of @kind, unless it is -1) dated on or before @on; NULL when
 * there is none. */
const ClEvent *cl_student_last_event     (const ClStudent *student,
                                          ClEventType      type,
                                          int              kind,
                                          ClDate           on);
/* The event the timeline expects next on @today, as *@type and *@kind (-1 for a type without
 * kinds): a referral for a student with no history, then the assessment plan, its consent and the
 * initial IEP meeting; for a student with an IEP the annual review, or the triennial when the
 * three years end before the next annual one; an interim IEP meeting after a transfer with an IEP;
 * the review of a reassessment after its consent. */
void           cl_student_next_event     (const ClStudent *student,
                                          ClDate           today,
                                          ClEventType     *type,
                                          int             *kind);

G_END_DECLS
