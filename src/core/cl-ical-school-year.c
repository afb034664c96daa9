/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-ical-school-year.c — all-day events of an iCalendar feed as a school year, with libical */
#define G_LOG_DOMAIN "cl-ical-school-year"

#include <glib/gi18n-lib.h>

#include <libical/ical.h>

#include "cl-ical-school-year.h"

G_DEFINE_QUARK (cl-ical-error-quark, cl_ical_error)

/* The words of the district calendars we have seen (rules.md §2 counts with what they close). */
static const char session_first_words[] = "\\bfirst\\s+day\\b";
static const char session_last_words[] = "\\blast\\s+day\\b";
static const char break_words[] = "\\b(break|recess|vacation)\\b";
static const char default_closed_words[] =
  "\\b(break|recess|vacation|holiday|no\\s+school|no\\s+students|non[-\\s]?student|school\\s+closed|"
  "day\\s+off|labor\\s+day|veterans|thanksgiving|christmas|new\\s+year|martin\\s+luther\\s+king|mlk|"
  "presidents|lincoln'?s\\s+birthday|washington'?s\\s+birthday|cesar\\s+ch[aá]vez|memorial\\s+day|juneteenth|independence\\s+day|"
  "indigenous\\s+peoples|columbus\\s+day|admission\\s+day|furlough)";

/* A repeating event is followed at most this many times and years past its start: far enough for
 * a school year that starts long after a yearly holiday was first entered. */
#define MAX_OCCURRENCES 1000
#define MAX_REPEAT_YEARS 30
/* A school year's last day is less than this many days after its first. */
#define MAX_SESSION_DAYS 400

typedef struct {
  GRegex *first;
  GRegex *last;
  GRegex *breaks;
  GRegex *closed;
  GRegex *not_closed;   /* may be NULL */
} Words;

static void
words_clear (Words *w)
{
  g_clear_pointer (&w->first, g_regex_unref);
  g_clear_pointer (&w->last, g_regex_unref);
  g_clear_pointer (&w->breaks, g_regex_unref);
  g_clear_pointer (&w->closed, g_regex_unref);
  g_clear_pointer (&w->not_closed, g_regex_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Words, words_clear)

static GRegex *
compile (const char  *pattern,
         const char  *option,
         GError     **error)
{
  g_autoptr(GError) local = NULL;
  GRegex *regex = g_regex_new (pattern, G_REGEX_CASELESS | G_REGEX_OPTIMIZE, 0, &local);

  if (regex == NULL)
    g_set_error (error, CL_ICAL_ERROR, CL_ICAL_ERROR_PATTERN,
                 /* TRANSLATORS: %s is --closed-if or --not-closed-if, then the regex and the reason */
                 _("%s \"%s\" is not a regular expression: %s"), option, pattern, local->message);
  return regex;
}

static gboolean
words_init (Words                *w,
            const ClIcalOptions  *options,
            GError              **error)
{
  const char *closed = options && options->closed_if ? options->closed_if : default_closed_words;

  w->first = compile (session_first_words, "", NULL);
  w->last = compile (session_last_words, "", NULL);
  w->breaks = compile (break_words, "", NULL);
  if ((w->closed = compile (closed, "--closed-if", error)) == NULL)
    return FALSE;
  if (options && options->not_closed_if &&
      (w->not_closed = compile (options->not_closed_if, "--not-closed-if", error)) == NULL)
    return FALSE;
  return TRUE;
}

static ClIcalVerdict
judge (const Words *w,
       const char  *summary)
{
  /* Session markers first: "Last Day Before Winter Break" is a school day, not a break. */
  if (g_regex_match (w->first, summary, 0, NULL))
    return CL_ICAL_FIRST_DAY;
  if (g_regex_match (w->last, summary, 0, NULL))
    return CL_ICAL_LAST_DAY;
  if (w->not_closed && g_regex_match (w->not_closed, summary, 0, NULL))
    return CL_ICAL_NOT_CLOSED;
  if (!g_regex_match (w->closed, summary, 0, NULL))
    return CL_ICAL_NOT_CLOSED;
  return g_regex_match (w->breaks, summary, 0, NULL) ? CL_ICAL_BREAK : CL_ICAL_HOLIDAY;
}

static ClDate
date_of (struct icaltimetype t)
{
  if (icaltime_is_null_time (t) || !g_date_valid_dmy (t.day, t.month, t.year))
    return CL_DATE_NONE;
  return cl_date_from_ymd (t.year, t.month, t.day);
}

/* The number of days an all-day event lasts: DTEND is exclusive; no DTEND nor DURATION is one day
 * (RFC 5545 §3.6.1). */
static int
length_in_days (icalcomponent *event,
                ClDate         start)
{
  icalproperty *end = icalcomponent_get_first_property (event, ICAL_DTEND_PROPERTY);
  icalproperty *duration = icalcomponent_get_first_property (event, ICAL_DURATION_PROPERTY);

  if (end != NULL)
    {
      ClDate until = date_of (icalproperty_get_dtend (end));
      return until > start ? (int) (until - start) : 1;
    }
  if (duration != NULL)
    {
      struct icaldurationtype d = icalproperty_get_duration (duration);
      int days = (int) d.days + 7 * (int) d.weeks;
      return days > 0 ? days : 1;
    }
  return 1;
}

static gboolean
is_excluded (icalcomponent *event,
             ClDate         day)
{
  for (icalproperty *p = icalcomponent_get_first_property (event, ICAL_EXDATE_PROPERTY); p != NULL;
       p = icalcomponent_get_next_property (event, ICAL_EXDATE_PROPERTY))
    if (date_of (icalproperty_get_exdate (p)) == day)
      return TRUE;
  return FALSE;
}

static void
add_entry (GArray        *entries,
           ClDate         from,
           int            days,
           const char    *summary,
           ClIcalVerdict  verdict)
{
  ClIcalEntry e = { from, from + (ClDate) days - 1, g_strdup (summary), verdict, FALSE };

  g_array_append_val (entries, e);
}

static void
read_event (icalcomponent *event,
            const Words   *w,
            GArray        *entries)
{
  struct icaltimetype start = icalcomponent_get_dtstart (event);
  const char *summary = icalcomponent_get_summary (event);
  icalproperty *rrule = icalcomponent_get_first_property (event, ICAL_RRULE_PROPERTY);
  ClDate first = date_of (start);
  ClIcalVerdict verdict;
  int days;

  if (summary == NULL)
    summary = "";
  if (first == CL_DATE_NONE || icalcomponent_get_status (event) == ICAL_STATUS_CANCELLED)
    return;
  if (!icaltime_is_date (start))
    {
      add_entry (entries, first, 1, summary, CL_ICAL_TIMED);
      return;
    }
  verdict = judge (w, summary);
  days = length_in_days (event, first);
  if (rrule == NULL)
    {
      add_entry (entries, first, days, summary, verdict);
      return;
    }

  icalrecur_iterator *it = icalrecur_iterator_new (icalproperty_get_rrule (rrule), start);
  if (it == NULL)
    {
      add_entry (entries, first, days, summary, verdict);
      return;
    }
  for (guint n = 0; n < MAX_OCCURRENCES; n++)
    {
      struct icaltimetype next = icalrecur_iterator_next (it);
      ClDate day = date_of (next);

      if (day == CL_DATE_NONE || cl_date_year (day) > start.year + MAX_REPEAT_YEARS)
        break;
      if (!is_excluded (event, day))
        add_entry (entries, day, days, summary, verdict);
    }
  icalrecur_iterator_free (it);
}

static void
read_component (icalcomponent *component,
                const Words   *w,
                GArray        *entries)
{
  if (icalcomponent_isa (component) == ICAL_VEVENT_COMPONENT)
    {
      read_event (component, w, entries);
      return;
    }
  for (icalcomponent *c = icalcomponent_get_first_component (component, ICAL_ANY_COMPONENT); c != NULL;
       c = icalcomponent_get_next_component (component, ICAL_ANY_COMPONENT))
    read_component (c, w, entries);
}

static int
compare_entries (gconstpointer a,
                 gconstpointer b)
{
  const ClIcalEntry *x = a, *y = b;

  if (x->from != y->from)
    return x->from < y->from ? -1 : 1;
  if (x->to != y->to)
    return x->to < y->to ? -1 : 1;
  return g_strcmp0 (x->summary, y->summary);
}

static void
entry_clear (gpointer data)
{
  ClIcalEntry *e = data;

  g_free (e->summary);
}

static gboolean
has_ical_header (const char *text)
{
  while (g_ascii_isspace (*text))
    text++;
  if (g_str_has_prefix (text, "\xEF\xBB\xBF"))
    text += 3;
  return g_ascii_strncasecmp (text, "BEGIN:VCALENDAR", 15) == 0;
}

ClIcalSchoolYear *
cl_ical_school_year_parse (const char           *text,
                           const ClIcalOptions  *options,
                           GError              **error)
{
  g_autoptr(ClIcalSchoolYear) self = NULL;
  g_auto(Words) w = { NULL };
  icalcomponent *root;

  g_return_val_if_fail (text != NULL, NULL);

  if (!words_init (&w, options, error))
    return NULL;
  if (!has_ical_header (text) || (root = icalparser_parse_string (text)) == NULL)
    {
      g_set_error_literal (error, CL_ICAL_ERROR, CL_ICAL_ERROR_NOT_ICALENDAR,
                           _("This is not an iCalendar file (it does not start with "
                             "BEGIN:VCALENDAR): export the calendar as .ics and try again."));
      return NULL;
    }
  self = g_new0 (ClIcalSchoolYear, 1);
  self->entries = g_array_new (FALSE, TRUE, sizeof (ClIcalEntry));
  g_array_set_clear_func (self->entries, entry_clear);
  read_component (root, &w, self->entries);
  icalcomponent_free (root);
  g_array_sort (self->entries, compare_entries);

  if (!cl_ical_school_year_update (self, error))
    return NULL;
  return g_steal_pointer (&self);
}

gboolean
cl_ical_school_year_update (ClIcalSchoolYear  *self,
                            GError           **error)
{
  ClDate first = CL_DATE_NONE, last = CL_DATE_NONE;

  g_return_val_if_fail (self != NULL, FALSE);

  /* The earliest first day, and the latest last day of its school year: a "first day of the
   * second semester" or "last day of the first semester" leaves the session as it is. */
  for (guint i = 0; i < self->entries->len; i++)
    {
      const ClIcalEntry *e = &g_array_index (self->entries, ClIcalEntry, i);
      if (e->verdict == CL_ICAL_FIRST_DAY && (first == CL_DATE_NONE || e->from < first))
        first = e->from;
    }
  for (guint i = 0; first != CL_DATE_NONE && i < self->entries->len; i++)
    {
      const ClIcalEntry *e = &g_array_index (self->entries, ClIcalEntry, i);
      if (e->verdict == CL_ICAL_LAST_DAY && e->to > first && e->to - first < MAX_SESSION_DAYS && e->to > last)
        last = e->to;
    }
  if (first == CL_DATE_NONE)
    {
      g_set_error_literal (error, CL_ICAL_ERROR, CL_ICAL_ERROR_NO_SESSION,
                           _("No all-day event says \"first day\", so the school year's first day "
                             "is not known: add one (\"First Day of School\") and try again."));
      return FALSE;
    }
  if (last == CL_DATE_NONE)
    {
      g_autofree char *day = cl_date_dup_long (first);
      g_set_error (error, CL_ICAL_ERROR, CL_ICAL_ERROR_NO_SESSION,
                   _("No all-day event in the year after the first day (%s) says \"last day\", so "
                     "the school year's last day is not known: add one (\"Last Day of School\") and "
                     "try again."), day);
      return FALSE;
    }
  self->first_day = first;
  self->last_day = last;
  for (guint i = 0; i < self->entries->len; i++)
    {
      ClIcalEntry *e = &g_array_index (self->entries, ClIcalEntry, i);
      e->outside = (e->verdict == CL_ICAL_BREAK || e->verdict == CL_ICAL_HOLIDAY) &&
                   (e->to < first || e->from > last);
    }
  return TRUE;
}

ClCalendarYear *
cl_ical_school_year_build (const ClIcalSchoolYear *self,
                           const char             *id)
{
  ClCalendarYear *year;

  g_return_val_if_fail (self != NULL, NULL);

  year = cl_calendar_year_new (id, self->first_day, self->last_day);
  for (guint i = 0; i < self->entries->len; i++)
    {
      const ClIcalEntry *e = &g_array_index (self->entries, ClIcalEntry, i);

      if ((e->verdict != CL_ICAL_BREAK && e->verdict != CL_ICAL_HOLIDAY) || e->outside)
        continue;
      cl_calendar_year_add_closed (year, MAX (e->from, self->first_day), MIN (e->to, self->last_day),
                                   e->summary, e->verdict == CL_ICAL_HOLIDAY);
    }
  return year;
}

char *
cl_ical_school_year_dup_label (const ClIcalSchoolYear *self)
{
  int first = cl_date_year (self->first_day), last = cl_date_year (self->last_day);

  if (first == last)
    return g_strdup_printf ("%d", first);
  return g_strdup_printf ("%d-%02d", first, last % 100);
}

guint
cl_ical_school_year_count (const ClIcalSchoolYear *self,
                           ClIcalVerdict           verdict)
{
  guint n = 0;

  for (guint i = 0; i < self->entries->len; i++)
    {
      const ClIcalEntry *e = &g_array_index (self->entries, ClIcalEntry, i);
      n += e->verdict == verdict && !e->outside;
    }
  return n;
}

void
cl_ical_school_year_free (ClIcalSchoolYear *self)
{
  if (self == NULL)
    return;
  g_clear_pointer (&self->entries, g_array_unref);
  g_free (self);
}
