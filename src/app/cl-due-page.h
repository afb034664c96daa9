/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-due-page.h — everything due across the open caseload, most urgent first */
#pragma once

#include <adwaita.h>

#include "cl-obligation.h"
#include "cl-session.h"

G_BEGIN_DECLS

/* What the page lists: everything open by when it is due, or one part of it (what the start
 * summary links to). */
typedef enum {
  CL_DUE_SHOW_ALL,
  CL_DUE_SHOW_OVERDUE,
  CL_DUE_SHOW_WEEK,
  CL_DUE_SHOW_MEETINGS,
  CL_DUE_SHOW_NOTICES,
  CL_N_DUE_SHOWS
} ClDueShow;

#define CL_TYPE_DUE_PAGE (cl_due_page_get_type ())
G_DECLARE_FINAL_TYPE (ClDuePage, cl_due_page, CL, DUE_PAGE, AdwBin)

/* The page follows @session (::reloaded, ::student-changed), built again when it is shown.
 * Activating a row emits ::student-activated with the student's id. */
void        cl_due_page_set_session      (ClDuePage  *self,
                                          ClSession  *session);
void        cl_due_page_set_show         (ClDuePage  *self,
                                          ClDueShow   show);
ClDueShow   cl_due_page_get_show         (ClDuePage  *self);
/* The :case-manager property: whose students are listed, "" for everyone's. */
void        cl_due_page_set_case_manager (ClDuePage  *self,
                                          const char *case_manager_id);
const char *cl_due_page_get_case_manager (ClDuePage  *self);

G_END_DECLS
