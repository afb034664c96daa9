/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-ical-school-year.h — a district's instructional calendar, read from its iCalendar feed
 *
 * Districts publish the school year as a Google Calendar or Outlook feed: all-day events for the
 * first and last day of school, the breaks and the holidays, among others (minimum days, back to
 * school night) that close nothing. Reading one gives every event with what it was taken for, so
 * a person can see and correct it, and then the school year the engine counts with.
 *
 * Only all-day events (DTSTART;VALUE=DATE, DTEND exclusive as RFC 5545 says) are read as days;
 * timed events are never closures. Repeating events (RRULE, EXDATE) are expanded.
 */
#pragma once

#include "cl-case-model.h"

G_BEGIN_DECLS

#define CL_ICAL_ERROR (cl_ical_error_quark ())

typedef enum {
  CL_ICAL_ERROR_NOT_ICALENDAR,
  CL_ICAL_ERROR_NO_SESSION,       /* no "first day" or no "last day" event */
  CL_ICAL_ERROR_PATTERN,          /* a --closed-if / --not-closed-if that is not a regex */
} ClIcalError;

GQuark cl_ical_error_quark (void);

typedef enum {
  CL_ICAL_FIRST_DAY,     /* the session starts */
  CL_ICAL_LAST_DAY,      /* the session ends */
  CL_ICAL_BREAK,         /* closed, offices open (holiday: false) */
  CL_ICAL_HOLIDAY,       /* closed, offices closed too (holiday: true) */
  CL_ICAL_NOT_CLOSED,    /* an all-day event that closes nothing */
  CL_ICAL_TIMED,         /* has a time of day: never a closure */
  CL_N_ICAL_VERDICTS
} ClIcalVerdict;

typedef struct {
  ClDate         from;
  ClDate         to;         /* inclusive */
  char          *summary;
  ClIcalVerdict  verdict;
  gboolean       outside;    /* a closure wholly outside the session: not part of the year */
} ClIcalEntry;

typedef struct {
  /* NULL: the built-in words (break, recess, vacation; holiday, no school, non-student, school
   * closed and the names of the days off). */
  const char *closed_if;
  /* An event whose summary matches is not a closure, whatever the words say. */
  const char *not_closed_if;
} ClIcalOptions;

typedef struct {
  GArray *entries;           /* of ClIcalEntry, by date: every event read */
  ClDate  first_day;
  ClDate  last_day;
} ClIcalSchoolYear;

/* Reads @text (an .ics file). Fails when it is not iCalendar or no session can be found. */
ClIcalSchoolYear *cl_ical_school_year_parse    (const char           *text,
                                                const ClIcalOptions  *options,
                                                GError              **error);
void              cl_ical_school_year_free     (ClIcalSchoolYear     *self);
/* After a verdict was corrected: the session again from the first/last day entries, and which
 * closures fall outside it. FALSE with @error when there is no session any more. */
gboolean          cl_ical_school_year_update   (ClIcalSchoolYear     *self,
                                                GError              **error);
/* The school year as a calendar of id @id: its session and each closure clipped to it. */
ClCalendarYear   *cl_ical_school_year_build    (const ClIcalSchoolYear *self,
                                                const char             *id);
/* "2026-27" */
char             *cl_ical_school_year_dup_label (const ClIcalSchoolYear *self);
/* How many entries have @verdict (closures outside the session not counted). */
guint             cl_ical_school_year_count    (const ClIcalSchoolYear *self,
                                                ClIcalVerdict           verdict);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ClIcalSchoolYear, cl_ical_school_year_free)

G_END_DECLS
