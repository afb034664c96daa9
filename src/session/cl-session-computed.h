/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-session-computed.h — a caseload's obligations, each student's, and what is due, at once */
#pragma once

#include "cl-deadline-engine.h"
#include "cl-due-counts.h"

G_BEGIN_DECLS

typedef struct {
  GPtrArray       *obligations; /* of the whole caseload, by student then due date */
  GHashTable      *by_student;  /* ClStudent* -> GPtrArray of its obligations (borrowed) */
  ClDueCountTable *due_counts;  /* for everyone and each case manager */
} ClSessionComputed;

/* Every obligation of @caseload on every core, each student's and the counts gathered on the
 * thread that computed them (cl_deadline_engine_compute_parallel_each()). */
gboolean _cl_session_compute        (ClDeadlineEngine   *engine,
                                     ClCaseload         *caseload,
                                     ClDate              today,
                                     ClSessionComputed  *out,
                                     GError            **error);
void     _cl_session_computed_clear (ClSessionComputed  *computed);

G_END_DECLS
