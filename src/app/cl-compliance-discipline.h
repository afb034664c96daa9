/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-compliance-discipline.h — the Discipline section of the compliance page */
#pragma once

#include <adwaita.h>

#include "cl-obligation.h"

G_BEGIN_DECLS

/* Replaces what @box holds with one group per school of cl_discipline_report_new(): students at or
 * near 10 days of removal this school year, open manifestation determinations and interim
 * settings. Activating a student's row emits @signal_id on @page with the student's id. */
void _cl_compliance_page_show_discipline (GtkBox     *box,
                                          GObject    *page,
                                          guint       signal_id,
                                          ClCaseload *caseload,
                                          GPtrArray  *obligations,
                                          ClDate      today);

G_END_DECLS
