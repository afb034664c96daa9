/* cl-calendar-export.h — obligations and meetings for other programs: CSV and iCalendar */
#pragma once

#include "cl-obligation.h"

G_BEGIN_DECLS

/* RFC 4180 CSV, one row per obligation, with a header row. */
char *cl_obligations_to_csv (GPtrArray  *obligations);
/* RFC 5545 iCalendar: every planned meeting, and every open obligation as an all-day event on its
 * due date (met ones are history, not plans). @stamp is the DTSTAMP, UTC. */
char *cl_caseload_to_ics    (ClCaseload *caseload,
                             GPtrArray  *obligations,
                             GDateTime  *stamp);

G_END_DECLS
