/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-compliance-page.h — the principal's view: what is overdue, whose, and how often on time */
#pragma once

#include <adwaita.h>

#include "cl-obligation.h"

G_BEGIN_DECLS

#define CL_TYPE_COMPLIANCE_PAGE (cl_compliance_page_get_type ())
G_DECLARE_FINAL_TYPE (ClCompliancePage, cl_compliance_page, CL, COMPLIANCE_PAGE, AdwBin)

/* Figures per school and per case manager from @obligations (borrowed) as of @today. Clicking a
 * case manager (a row or a bar) emits ::case-manager-activated with the staff id. */
void cl_compliance_page_show (ClCompliancePage *self,
                              ClCaseload       *caseload,
                              GPtrArray        *obligations,
                              ClDate            today);

G_END_DECLS
