/* cl-discipline.h — a student's removals, totalled per school year as the rules count them */
#pragma once

#include "cl-school-calendar.h"

G_BEGIN_DECLS

typedef struct {
  ClSession session;            /* the school year (known or projected) */
  double    counted_days;       /* suspensions and other removals: what the 10-day rule counts */
  double    suspension_days;    /* suspensions alone: the California 20-day limit */
  double    in_school_days;     /* in-school suspensions: listed, not counted */
  guint     removals;
  double    longest_suspension; /* the California 5-day limit per incident */
} ClRemovalYear;

/* The school years in which @student has removals, in date order. A removal belongs to the school
 * year of its start date (between sessions: the coming one), as the engine counts it. */
GArray *cl_discipline_removal_years (ClStudent *student);

G_END_DECLS
