/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-compliance.h — a school's figures, per case manager and per school: the principal's view */
#pragma once

#include "cl-obligation.h"

G_BEGIN_DECLS

typedef struct {
  char  *id;          /* staff or school id; "" for students without a case manager */
  char  *name;
  guint  students;
  guint  overdue;     /* open obligations past due */
  guint  due_30;      /* open obligations due within 30 days */
  guint  on_time;     /* met on time, among those due in the last 12 months */
  guint  counted;     /* met, met late or overdue, due in the last 12 months */
} ClComplianceTally;

typedef struct {
  GPtrArray         *schools;    /* of ClComplianceTally*, in caseload order */
  GPtrArray         *managers;   /* of ClComplianceTally*, most overdue first */
  ClComplianceTally  total;
} ClComplianceReport;

/* Figures from @obligations as of @today, for @school_id only or every school (NULL). */
ClComplianceReport *cl_compliance_report_new  (ClCaseload          *caseload,
                                               GPtrArray           *obligations,
                                               ClDate               today,
                                               const char          *school_id);
void                cl_compliance_report_free (ClComplianceReport  *report);
/* Percent met on time over the last 12 months, or -1 when nothing fell due. */
int                 cl_compliance_on_time_percent (const ClComplianceTally *tally);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ClComplianceReport, cl_compliance_report_free)

G_END_DECLS
