/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-synthetic-caseload.h — a made-up caseload of any size, for benchmarks and tests
 *
 * Deterministic for a seed: the same seed gives the same students, names and histories. Every name
 * is drawn from short lists of common given and family names; no real person is described.
 */
#pragma once

#include "cl-case-model.h"

G_BEGIN_DECLS

/* @n_students students in elementary, middle and high schools (about 350 to a school, at least
 * three schools) on three calendar patterns for the school years before, of and after @today, about
 * 28 students per case manager, each with about @events_per_student events (preschoolers and files
 * still in assessment have fewer) and a third with a planned meeting. */
ClCaseload *cl_synthetic_caseload_new (guint   n_students,
                                       guint   events_per_student,
                                       guint32 seed,
                                       ClDate  today);

/* The same, as one part of a larger district: every school, staff member and student id starts
 * with @prefix ("r12-"), so parts made with different prefixes and seeds never share an id but
 * the calendars (cal-a-2026…), which are the same in every part. "" gives the caseload above. */
ClCaseload *cl_synthetic_caseload_new_part (guint       n_students,
                                            guint       events_per_student,
                                            guint32     seed,
                                            ClDate      today,
                                            const char *prefix);

G_END_DECLS
