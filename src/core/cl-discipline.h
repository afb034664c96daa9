/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-discipline.h — a student's removals, totalled per school year as the rules count them */
#pragma once

#include "cl-obligation.h"
#include "cl-school-calendar.h"

G_BEGIN_DECLS

typedef struct {
  ClSchoolYear session;            /* the school year (known or projected) */
  double    counted_days;       /* suspensions and other removals: what the 10-day rule counts */
  double    suspension_days;    /* suspensions alone: the California 20-day limit */
  double    in_school_days;     /* in-school suspensions: listed, not counted */
  guint     removals;
  double    longest_suspension; /* the California 5-day limit per incident */
} ClRemovalYear;

/* The school years in which @student has removals, in date order. A removal belongs to the school
 * year of its start date (between sessions: the coming one), as the engine counts it. */
GArray *cl_discipline_removal_years (ClStudent *student);

/* One line of the removal log: a removal, its school year, and the year's total of counted days
 * once it is added (an in-school suspension leaves the total as it was). */
typedef struct {
  const ClEvent *event;         /* borrowed from the student */
  ClSchoolYear      session;
  gboolean       counts;        /* suspension or other removal */
  double         running_total;
} ClRemovalEntry;

/* @student's removals in date order with their running totals, the total starting again at 0 with
 * each school year. */
GArray *cl_discipline_removal_log (ClStudent *student);

/* The removals of @student's school year holding @day (the coming one between sessions): what the
 * principal's view counts "this school year". Zeroes when there are none. */
ClRemovalYear cl_discipline_year_of (ClStudent *student,
                                     ClDate     day);

/* A manifestation determination (HB 9.6; 34 CFR 300.530(e)): the team answers two questions. */
typedef enum {
  CL_MDR_UNDECIDED,            /* a question is not answered yet */
  CL_MDR_MANIFESTATION,        /* either answer is yes */
  CL_MDR_NOT_MANIFESTATION,    /* both answers are no */
  CL_N_MDR_OUTCOMES
} ClMdrOutcome;

/* The wire names kept in the meeting's extra "outcome": "", "manifestation", "not_manifestation". */
extern const char * const cl_mdr_outcome_names[CL_N_MDR_OUTCOMES];

/* The extra members of a manifestation `iep_meeting`. */
#define CL_MDR_CAUSED_BY_DISABILITY "conduct_caused_by_disability"
#define CL_MDR_FAILURE_TO_IMPLEMENT "failure_to_implement"
#define CL_MDR_OUTCOME              "outcome"
/* The short account of a removal, kept in the removal event's extra. */
#define CL_REMOVAL_DESCRIPTION      "description"

/* The outcome of the answers: 1 yes, 0 no, -1 not answered. */
ClMdrOutcome cl_discipline_mdr_outcome (int caused_by_disability,
                                        int failure_to_implement);
/* The answers recorded on @meeting (an iep_meeting of kind manifestation), -1 for an absent one,
 * and the outcome they give. */
ClMdrOutcome cl_discipline_mdr_read    (const ClEvent *meeting,
                                        int           *caused_by_disability,
                                        int           *failure_to_implement);

/* A deep copy of @e's extra members (an empty object when it has none), for a form to change
 * without touching the event it was opened on (cl_event_copy() shares the object). */
JsonObject *cl_discipline_dup_extra (const ClEvent *e);

/* The obligation of rule @rule_id that event @e of @student started (same student, trigger type
 * and date; the n-th such event of a day is matched with the n-th such obligation), or NULL. A
 * lookup for showing a deadline beside the entry it came from; the date is the engine's. */
const ClObligation *cl_discipline_find_obligation (GPtrArray       *obligations,
                                                   const ClStudent *student,
                                                   const ClEvent   *e,
                                                   const char      *rule_id);

G_END_DECLS
