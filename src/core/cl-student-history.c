/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-student-history.c — when a student had an IEP, and which event their timeline expects next */
#include "config.h"

#include "cl-student-history.h"

static gboolean
is_meeting_kind (const ClEvent *e,
                 int            kind)
{
  return e->type == CL_EVENT_IEP_MEETING && e->kind == kind;
}

GArray *
cl_student_iep_spans (const ClStudent *student)
{
  GArray *spans = g_array_new (FALSE, FALSE, sizeof (ClIepSpan));
  gboolean has = FALSE, history_started = FALSE;
  ClIepSpan span = { 0, G_MAXUINT32 };

  for (guint i = 0; i < student->events->len; i++)
    {
      const ClEvent *e = &g_array_index (student->events, ClEvent, i);
      gboolean start = FALSE, stop = FALSE;

      if (is_meeting_kind (e, CL_MEETING_INITIAL))
        {
          start = e->eligible;
          stop = !e->eligible;
        }
      else if (is_meeting_kind (e, CL_MEETING_TRIENNIAL) && !e->eligible)
        stop = TRUE;
      else if (is_meeting_kind (e, CL_MEETING_ANNUAL) || is_meeting_kind (e, CL_MEETING_TRIENNIAL))
        start = !history_started;
      else if (e->type == CL_EVENT_TRANSFER_IN && e->has_iep)
        start = TRUE;
      else if (e->type == CL_EVENT_EXIT)
        stop = TRUE;
      else
        continue;

      history_started = TRUE;
      if (start && !has)
        {
          has = TRUE;
          span.start = e->date;
          span.end = G_MAXUINT32;
        }
      else if (stop && has)
        {
          has = FALSE;
          span.end = e->date;
          g_array_append_val (spans, span);
        }
    }
  if (has)
    g_array_append_val (spans, span);
  return spans;
}

gboolean
cl_student_has_iep_on (const ClStudent *student,
                       ClDate           day)
{
  g_autoptr(GArray) spans = cl_student_iep_spans (student);

  for (guint i = 0; i < spans->len; i++)
    {
      const ClIepSpan *s = &g_array_index (spans, ClIepSpan, i);
      if (s->start <= day && day < s->end)
        return TRUE;
    }
  return FALSE;
}

const ClEvent *
cl_student_last_event (const ClStudent *student,
                       ClEventType      type,
                       int              kind,
                       ClDate           on)
{
  const ClEvent *found = NULL;

  for (guint i = 0; i < student->events->len; i++)
    {
      const ClEvent *e = &g_array_index (student->events, ClEvent, i);

      if (e->date > on)
        break;
      if (e->type == type && (kind < 0 || e->kind == kind))
        found = e;
    }
  return found;
}

/* The meeting that a triennial review is counted from: the latest eligible initial or triennial
 * meeting, or a waiver of the reassessment (rules.md triennial_due). */
static ClDate
last_reassessment (const ClStudent *student,
                   ClDate           on)
{
  ClDate last = CL_DATE_NONE;

  for (guint i = 0; i < student->events->len; i++)
    {
      const ClEvent *e = &g_array_index (student->events, ClEvent, i);

      if (e->date > on)
        break;
      if (((is_meeting_kind (e, CL_MEETING_INITIAL) || is_meeting_kind (e, CL_MEETING_TRIENNIAL)) && e->eligible) ||
          e->type == CL_EVENT_TRIENNIAL_WAIVER)
        last = e->date;
    }
  return last;
}

void
cl_student_next_event (const ClStudent *student,
                       ClDate           today,
                       ClEventType     *type,
                       int             *kind)
{
  const ClEvent *latest = NULL;

  *kind = -1;
  /* The last step of the path from referral to an IEP decides what comes next; the events off it
   * (discipline, records, complaints) say nothing about the next meeting. */
  for (guint i = 0; i < student->events->len; i++)
    {
      const ClEvent *e = &g_array_index (student->events, ClEvent, i);

      if (e->date > today)
        break;
      switch (e->type)
        {
        case CL_EVENT_REFERRAL:
        case CL_EVENT_ASSESSMENT_PLAN_PROVIDED:
        case CL_EVENT_ASSESSMENT_PLAN_CONSENT:
        case CL_EVENT_REASSESSMENT_REQUEST:
        case CL_EVENT_REASSESSMENT_CONSENT:
        case CL_EVENT_IEP_MEETING:
        case CL_EVENT_TRANSFER_IN:
        case CL_EVENT_EXIT:
          latest = e;
          break;
        default:
          break;
        }
    }

  if (latest != NULL)
    switch (latest->type)
      {
      case CL_EVENT_REFERRAL:
      case CL_EVENT_REASSESSMENT_REQUEST:
        *type = CL_EVENT_ASSESSMENT_PLAN_PROVIDED;
        return;
      case CL_EVENT_ASSESSMENT_PLAN_PROVIDED:
        *type = cl_student_has_iep_on (student, latest->date) ? CL_EVENT_REASSESSMENT_CONSENT : CL_EVENT_ASSESSMENT_PLAN_CONSENT;
        return;
      case CL_EVENT_ASSESSMENT_PLAN_CONSENT:
        *type = CL_EVENT_IEP_MEETING;
        *kind = CL_MEETING_INITIAL;
        return;
      case CL_EVENT_REASSESSMENT_CONSENT:
        *type = CL_EVENT_IEP_MEETING;
        *kind = CL_MEETING_TRIENNIAL;
        return;
      case CL_EVENT_TRANSFER_IN:
        if (latest->has_iep)
          {
            *type = CL_EVENT_IEP_MEETING;
            *kind = CL_MEETING_INTERIM;
            return;
          }
        break;
      default:
        break;
      }

  if (!cl_student_has_iep_on (student, today))
    {
      *type = CL_EVENT_REFERRAL;
      return;
    }
  /* With an IEP: the annual review, unless the three years since the last reassessment end first
   * (a triennial meeting is also that year's annual review). */
  {
    const ClEvent *annual = NULL;
    ClDate reassessed = last_reassessment (student, today);
    ClDate next_annual;

    for (guint i = 0; i < student->events->len; i++)
      {
        const ClEvent *e = &g_array_index (student->events, ClEvent, i);
        if (e->date <= today && e->type == CL_EVENT_IEP_MEETING &&
            (e->kind == CL_MEETING_ANNUAL || e->kind == CL_MEETING_TRIENNIAL || e->kind == CL_MEETING_INITIAL))
          annual = e;
      }
    next_annual = annual != NULL ? cl_date_add_years (annual->date, 1) : today;
    *type = CL_EVENT_IEP_MEETING;
    *kind = reassessed != CL_DATE_NONE && cl_date_add_years (reassessed, 3) <= next_annual
            ? CL_MEETING_TRIENNIAL : CL_MEETING_ANNUAL;
  }
}
