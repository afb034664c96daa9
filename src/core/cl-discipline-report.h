/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-discipline-report.h — the principal's discipline watch: who is near 10 days, open MDRs, IAES */
#pragma once

#include "cl-discipline.h"

G_BEGIN_DECLS

/* One student the principal should look at. */
typedef struct {
  ClStudent          *student;       /* borrowed from the caseload */
  double              counted_days;  /* removal days that count, in today's school year */
  ClDate              mdr_due;       /* the earliest open manifestation determination, or CL_DATE_NONE */
  ClObligationStatus  mdr_status;
  ClDate              iaes_ends;     /* the earliest open interim setting's end, or CL_DATE_NONE */
  ClObligationStatus  iaes_status;
  gboolean            services_required;  /* the engine's removal_services_required, this school year */
  ClObligationStatus  services_status;
} ClDisciplineWatch;

typedef struct {
  ClSchool  *school;                 /* borrowed */
  GPtrArray *students;               /* of ClDisciplineWatch*, most days first, then by name */
} ClDisciplineSchool;

/* Per school (in caseload order, only schools with someone to watch): every student with at
 * least @near_days counted days of removal in the school year of @today, an open manifestation
 * determination or an open interim alternative setting, from @obligations (the engine's, borrowed)
 * as of @today. Free with g_ptr_array_unref(). */
GPtrArray *cl_discipline_report_new (ClCaseload *caseload,
                                     GPtrArray  *obligations,
                                     ClDate      today,
                                     double      near_days);

G_END_DECLS
