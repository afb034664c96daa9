/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-deadline-engine.h — (caseload, today) -> obligations */
#pragma once

#include "cl-obligation.h"

G_BEGIN_DECLS

#define CL_ENGINE_ERROR (cl_engine_error_quark ())

typedef enum {
  CL_ENGINE_ERROR_NO_PACK,
  CL_ENGINE_ERROR_NO_CALENDAR,
} ClEngineError;

GQuark cl_engine_error_quark (void);

#define CL_TYPE_DEADLINE_ENGINE (cl_deadline_engine_get_type ())
G_DECLARE_FINAL_TYPE (ClDeadlineEngine, cl_deadline_engine, CL, DEADLINE_ENGINE, GObject)

ClDeadlineEngine *cl_deadline_engine_new             (ClRulePackSet     *packs);
/* The packs its rules come from (for the roles and meetings they require). */
ClRulePackSet    *cl_deadline_engine_get_packs       (ClDeadlineEngine  *self);
/* Every obligation of every student, sorted with cl_obligation_compare(). The array owns them;
 * they borrow from @caseload, which must outlive it. */
GPtrArray        *cl_deadline_engine_compute         (ClDeadlineEngine  *self,
                                                      ClCaseload        *caseload,
                                                      ClDate             today,
                                                      GError           **error);
/* The same obligations as cl_deadline_engine_compute(), in the same order, computed on
 * @n_threads threads (0: one per core, at most 8), the calling one among them. The error is
 * the serial one's. */
GPtrArray        *cl_deadline_engine_compute_parallel (ClDeadlineEngine  *self,
                                                      ClCaseload        *caseload,
                                                      ClDate             today,
                                                      guint              n_threads,
                                                      GError           **error);

/* The most threads cl_deadline_engine_compute_parallel() uses. */
#define CL_DEADLINE_ENGINE_MAX_THREADS 8

/* Called for each student, with their obligations (sorted, borrowed for the call; @n may be 0),
 * on the thread that computed them, as soon as they are: work that reads every obligation then
 * finds them in that core's cache. @worker (below CL_DEADLINE_ENGINE_MAX_THREADS) is the same for
 * every call on one thread, so what it adds to needs no lock. */
typedef void (*ClStudentComputedFunc) (ClStudent          *student,
                                       ClObligation *const *obligations,
                                       guint               n,
                                       guint               worker,
                                       gpointer            user_data);

/* cl_deadline_engine_compute_parallel(), calling @func for each student (nothing when it fails). */
GPtrArray        *cl_deadline_engine_compute_parallel_each (ClDeadlineEngine      *self,
                                                           ClCaseload            *caseload,
                                                           ClDate                 today,
                                                           guint                  n_threads,
                                                           ClStudentComputedFunc  func,
                                                           gpointer               user_data,
                                                           GError               **error);
/* Whether @student can be computed (their rule pack loads, their school has a calendar); if not,
 * the error cl_deadline_engine_compute_student() would give. No rule is run. */
gboolean          cl_deadline_engine_can_compute     (ClDeadlineEngine  *self,
                                                      ClCaseload        *caseload,
                                                      ClStudent         *student,
                                                      GError           **error);
GPtrArray        *cl_deadline_engine_compute_student (ClDeadlineEngine  *self,
                                                      ClCaseload        *caseload,
                                                      ClStudent         *student,
                                                      ClDate             today,
                                                      GError           **error);

G_END_DECLS
