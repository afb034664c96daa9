/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-calendar-export.h — obligations and meetings for other programs: CSV and iCalendar */
#pragma once

#include "cl-obligation.h"

G_BEGIN_DECLS

typedef enum {
  CL_EXPORT_DEFAULT       = 0,
  /* CSV: no UTF-8 byte-order mark (spreadsheets need it to read accents; other programs may not
   * want it). */
  CL_EXPORT_NO_BOM        = 1 << 0,
  /* iCalendar: students by their initials, for a calendar synced to a cloud service. */
  CL_EXPORT_INITIALS_ONLY = 1 << 1,
} ClExportFlags;

/* RFC 4180 CSV, one row per obligation, with a header row, behind a UTF-8 byte-order mark unless
 * @flags has CL_EXPORT_NO_BOM. A cell a spreadsheet would take for a formula (starting with =, +,
 * @, tab, carriage return, or - when it is not a number) is prefixed with ' (OWASP CSV
 * injection). */
char *cl_obligations_to_csv (GPtrArray     *obligations,
                             ClExportFlags  flags);
/* RFC 5545 iCalendar: every planned meeting, every meeting held from a plan (under the plan's UID,
 * see cl_event_set_held_from()), and every open obligation as an all-day event on its
 * due date (met ones are history, not plans). @stamp is the DTSTAMP, UTC; a meeting's time is
 * local time in @zone (the school's, normally the system's), written in UTC. Words are in the
 * user's language. A UID names what the event is about, never a date it was counted from, so a
 * calendar that imports the file again updates its events instead of adding new ones. */
char *cl_caseload_to_ics    (ClCaseload    *caseload,
                             GPtrArray     *obligations,
                             GDateTime     *stamp,
                             GTimeZone     *zone,
                             ClExportFlags  flags);

G_END_DECLS
