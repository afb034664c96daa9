/* cl-synthetic-caseload.h — a made-up caseload of any size, for benchmarks and tests
 *
 * Deterministic for a seed: the same seed gives the same students, names and histories. Every name
 * is drawn from short lists of common given and family names; no real person is described.
 */
#pragma once

#include "cl-case-model.h"

G_BEGIN_DECLS

/* @n_students students over two schools with three school years of calendars around @today, each
 * with about @events_per_student events and some planned meetings. */
ClCaseload *cl_synthetic_caseload_new (guint   n_students,
                                       guint   events_per_student,
                                       guint32 seed,
                                       ClDate  today);

G_END_DECLS
