/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-date.h — calendar dates as day numbers
 *
 * Core code counts days by the million, so a date is the GDate Julian day number (1 = 0001-01-01)
 * held in a plain integer: adding days is addition, comparing is comparison and a calendar table
 * can be indexed by it. GDate does the conversions, so the calendar arithmetic is GLib's.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef guint32 ClDate;

#define CL_DATE_NONE ((ClDate) 0)

gboolean  cl_date_parse_iso    (const char *text,
                                ClDate     *out_date);
ClDate    cl_date_from_ymd     (int year,
                                int month,
                                int day);
void      cl_date_to_ymd       (ClDate date,
                                int   *year,
                                int   *month,
                                int   *day);
char     *cl_date_to_iso       (ClDate date);
/* The date as people read it in the user's language ("December 7, 2026"); "—" for none. */
char     *cl_date_dup_long     (ClDate date);
void      cl_date_format_iso   (ClDate date,
                                char   buf[11]);
int       cl_date_year         (ClDate date);
int       cl_date_month        (ClDate date);
int       cl_date_day          (ClDate date);
GDateWeekday cl_date_weekday   (ClDate date);
gboolean  cl_date_is_weekday   (ClDate date);
ClDate    cl_date_add_years    (ClDate date,
                                int    years);
ClDate    cl_date_today        (void);
int       cl_date_age_on       (ClDate birth,
                                ClDate on);

G_END_DECLS
