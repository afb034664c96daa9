/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-due-page.h — everything due across the open caseload, most urgent first */
#pragma once

#include <adwaita.h>

#include "cl-obligation.h"

G_BEGIN_DECLS

#define CL_TYPE_DUE_PAGE (cl_due_page_get_type ())
G_DECLARE_FINAL_TYPE (ClDuePage, cl_due_page, CL, DUE_PAGE, AdwBin)

/* Shows the open obligations of @obligations (borrowed) in four groups as of @today. Activating a
 * row emits ::student-activated with the student's id. */
void cl_due_page_show (ClDuePage *self,
                       GPtrArray *obligations,
                       ClDate     today);

G_END_DECLS
