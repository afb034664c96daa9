/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-caseload-summary.h — the start page: where the caseload stands, before a student is chosen
 *
 * Overdue, due this week, meetings coming and notices to send, each a link to that part of
 * Everything Due, for everyone or for one case manager's students. The numbers come from
 * cl-due-counts, as Everything Due's groups do, so the two always agree.
 */
#pragma once

#include <adwaita.h>

#include "cl-due-page.h"
#include "cl-session.h"

G_BEGIN_DECLS

#define CL_TYPE_CASELOAD_SUMMARY (cl_caseload_summary_get_type ())
G_DECLARE_FINAL_TYPE (ClCaseloadSummary, cl_caseload_summary, CL, CASELOAD_SUMMARY, AdwBin)

/* The summary follows @session (::reloaded, ::student-changed). Activating a line emits
 * ::show-due with the ClDueShow it links to. */
void        cl_caseload_summary_set_session      (ClCaseloadSummary *self,
                                                  ClSession         *session);
/* The :case-manager property: whose students are counted, "" for everyone's. */
void        cl_caseload_summary_set_case_manager (ClCaseloadSummary *self,
                                                  const char        *case_manager_id);
const char *cl_caseload_summary_get_case_manager (ClCaseloadSummary *self);

G_END_DECLS
