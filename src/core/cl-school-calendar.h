/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-school-calendar.h — one school's days, classified once
 *
 * Every rule counts days of one school's calendar: school days, business days, CA "pause" days
 * (inside a session and not in a vacation of more than five school days). The table classifies
 * each day once and keeps running totals per kind of count, so finding the N-th counted day after
 * a date is a binary search instead of a walk.
 */
#pragma once

#include "cl-case-model.h"

G_BEGIN_DECLS

typedef enum {
  CL_COUNT_CALENDAR,
  CL_COUNT_CA_PAUSE,
  CL_COUNT_SCHOOL,
  CL_COUNT_BUSINESS,
  CL_N_COUNT_KINDS
} ClCountKind;

extern const char * const cl_count_kind_names[CL_N_COUNT_KINDS];

typedef enum {
  CL_DAY_IN_SESSION    = 1 << 0,
  CL_DAY_SCHOOL        = 1 << 1,
  CL_DAY_BUSINESS      = 1 << 2,
  CL_DAY_LONG_VACATION = 1 << 3,   /* in a vacation of more than five school weekdays */
  CL_DAY_PROJECTED     = 1 << 4,   /* outside every known calendar */
  CL_DAY_CLOSED        = 1 << 5,
} ClDayClass;

/* A session (school year), known or projected. */
typedef struct {
  ClDate   first_day;
  ClDate   last_day;
  gboolean projected;
  const ClCalendarYear *source;    /* the known calendar it is, or is projected from */
} ClSchoolYear;

/* A run of days a count skipped. */
typedef struct {
  ClDate      from;
  ClDate      to;
  const char *label;               /* "Winter break", or NULL between sessions */
} ClSkippedRun;

/* A table for @school's calendars as they are now; it depends on nothing else of @school. */
ClSchoolCalendar *cl_school_calendar_new          (const ClSchool *school);
ClSchoolCalendar *cl_school_calendar_ref          (ClSchoolCalendar *self);
void              cl_school_calendar_unref        (ClSchoolCalendar *self);
/* Whether @self was made for exactly @school's calendars (the same ones, in the same order). */
gboolean          cl_school_calendar_serves       (const ClSchoolCalendar *self,
                                                   const ClSchool         *school);
/* @school's table, made now if it has none (safe when several threads ask at once); NULL for a
 * school without a calendar. */
ClSchoolCalendar *cl_school_calendar_of           (ClSchool *school);
/* Gives each of @schools (ClSchool*) without a table one, one table for the schools on the same
 * calendars: a district's hundreds of schools share a few calendars, and each table is built
 * over years of days. Not while another thread reads the schools' tables. */
void              cl_school_calendar_share        (GPtrArray *schools);
/* Frees the tables that wider ones replaced. Queries may come from several threads at once; call
 * this only when no other thread is counting with @self. */
void              cl_school_calendar_trim         (ClSchoolCalendar *self);

ClDayClass        cl_school_calendar_classify     (ClSchoolCalendar *self,
                                                   ClDate            day);
gboolean          cl_school_calendar_is_projected (ClSchoolCalendar *self,
                                                   ClDate            day);
/* The N-th day of @kind after @from (day 0 = @from). Sets @estimated when the count walked over a
 * projected day. */
ClDate            cl_school_calendar_count        (ClSchoolCalendar *self,
                                                   ClCountKind       kind,
                                                   ClDate            from,
                                                   guint             n,
                                                   gboolean         *estimated);
/* The school year a date belongs to: the session holding it, or the next one when between
 * sessions. @index_offset 1 gives the session after that. */
gboolean          cl_school_calendar_session      (ClSchoolCalendar *self,
                                                   ClDate            day,
                                                   int               index_offset,
                                                   ClSchoolYear        *out_session);
/* The runs of non-counted days in (from, to] for a CA pause count, for the basis text. */
GArray           *cl_school_calendar_skipped      (ClSchoolCalendar *self,
                                                   ClDate            from,
                                                   ClDate            to);
/* "2026-27" */
char             *cl_school_year_dup_label            (const ClSchoolYear *session);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ClSchoolCalendar, cl_school_calendar_unref)

G_END_DECLS
