/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-calendar-export.c — obligations and meetings for other programs: CSV and iCalendar */
#define G_LOG_DOMAIN "cl-calendar-export"

#include <glib/gi18n-lib.h>

#include <stdio.h>
#include <string.h>

#include "cl-calendar-export.h"
#include "cl-obligation-format.h"
#include "cl-event-labels.h"
#include "cl-obligation-words.h"

/* Whether a spreadsheet would read @value as a formula (OWASP "CSV injection"): it starts with =,
 * +, @, a tab or a carriage return, or with - without being a number ("-3" is data). */
static gboolean
looks_like_formula (const char *value)
{
  char *end;

  switch (value[0])
    {
    case '=': case '+': case '@': case '\t': case '\r':
      return TRUE;
    case '-':
      g_ascii_strtod (value, &end);
      return end == value || *end != '\0';
    default:
      return FALSE;
    }
}

static void
csv_field (GString    *out,
           const char *value,
           gboolean    last)
{
  g_autofree char *defused = NULL;

  if (value != NULL && looks_like_formula (value))
    value = defused = g_strconcat ("'", value, NULL);
  if (value != NULL && strpbrk (value, ",\"\r\n") != NULL)
    {
      g_string_append_c (out, '"');
      for (const char *p = value; *p; p++)
        {
          if (*p == '"')
            g_string_append_c (out, '"');
          g_string_append_c (out, *p);
        }
      g_string_append_c (out, '"');
    }
  else if (value != NULL)
    g_string_append (out, value);
  g_string_append (out, last ? "\r\n" : ",");
}

char *
cl_obligations_to_csv (GPtrArray     *obligations,
                       ClExportFlags  flags)
{
  GString *out = g_string_new ((flags & CL_EXPORT_NO_BOM) ? NULL : "\xEF\xBB\xBF");

  g_string_append (out, "student,name,rule,title,due,status,severity,met_on,estimated,from,from_event,counted,citation\r\n");

  for (guint i = 0; i < obligations->len; i++)
    {
      const ClObligation *ob = g_ptr_array_index (obligations, i);
      g_autofree char *name = cl_student_dup_display_name (ob->student);
      char due[11], met[11], from[11];

      cl_date_format_iso (ob->due, due);
      cl_date_format_iso (ob->met_on, met);
      cl_date_format_iso (ob->from, from);
      csv_field (out, ob->student->id, FALSE);
      csv_field (out, name, FALSE);
      csv_field (out, ob->rule->id, FALSE);
      csv_field (out, ob->rule->title, FALSE);
      csv_field (out, due, FALSE);
      csv_field (out, cl_status_names[ob->status], FALSE);
      csv_field (out, cl_severity_names[ob->severity], FALSE);
      csv_field (out, met, FALSE);
      csv_field (out, ob->estimated ? "true" : "false", FALSE);
      csv_field (out, from, FALSE);
      csv_field (out, ob->from_event, FALSE);
      {
        /* The export's columns are the `alerts` contract's: ids, ISO dates, the engine's English. */
        g_autofree char *counted = cl_obligation_dup_counted_contract (ob);
        csv_field (out, counted, FALSE);
      }
      csv_field (out, ob->citation, TRUE);
    }
  return g_string_free (out, FALSE);
}

/* Escapes TEXT values (RFC 5545 §3.3.11) and folds lines at 75 octets without splitting a UTF-8
 * character (§3.1). */
static void
ics_line (GString    *out,
          const char *name,
          const char *value)
{
  g_autoptr(GString) line = g_string_new (name);
  gsize width = 0;

  g_string_append_c (line, ':');
  for (const char *p = value; *p; p++)
    switch (*p)
      {
      case '\\': g_string_append (line, "\\\\"); break;
      case ';': g_string_append (line, "\\;"); break;
      case ',': g_string_append (line, "\\,"); break;
      case '\n': g_string_append (line, "\\n"); break;
      case '\r': break;
      default: g_string_append_c (line, *p); break;
      }

  for (const char *p = line->str; *p; )
    {
      const char *next = g_utf8_next_char (p);
      gsize len = next - p;

      if (width + len > 75)
        {
          g_string_append (out, "\r\n ");
          width = 1;
        }
      g_string_append_len (out, p, len);
      width += len;
      p = next;
    }
  g_string_append (out, "\r\n");
}

static void
ics_date (char   *buf,
          ClDate  date)
{
  int y, m, d;

  cl_date_to_ymd (date, &y, &m, &d);
  g_snprintf (buf, 9, "%04d%02d%02d", y, m, d);
}

/* "S. G." for Sofía Gutiérrez. */
static char *
initials (const ClStudent *s)
{
  GString *out = g_string_new (NULL);
  const char *names[] = { s->first_name, s->last_name };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (names[i] != NULL && *names[i] != '\0')
      {
        char buf[7] = { 0 };

        g_unichar_to_utf8 (g_unichar_toupper (g_utf8_get_char (names[i])), buf);
        g_string_append_printf (out, "%s%s.", out->len ? " " : "", buf);
      }
  if (out->len == 0)
    g_string_append (out, s->id);
  return g_string_free (out, FALSE);
}

static char *
student_name (const ClStudent *s,
              ClExportFlags    flags)
{
  return (flags & CL_EXPORT_INITIALS_ONLY) ? initials (s) : cl_student_dup_display_name (s);
}

/* "20261203T153000Z": @minutes after midnight on @date in @zone, as UTC. */
static char *
utc_time (ClDate     date,
          int        minutes,
          GTimeZone *zone)
{
  int y, m, d;
  g_autoptr(GDateTime) local = NULL;
  g_autoptr(GDateTime) utc = NULL;

  cl_date_to_ymd (date, &y, &m, &d);
  local = g_date_time_new (zone, y, m, d, minutes / 60, minutes % 60, 0);
  utc = g_date_time_to_utc (local);
  return g_date_time_format (utc, "%Y%m%dT%H%M%SZ");
}

/* What an obligation is about, without the date it was counted from: a re-export after the
 * trigger moved (a new IEP meeting held) updates the calendar's event instead of adding one.
 * Obligations that share it (two open records requests) are told apart by their trigger. */
static char *
obligation_uid (const ClObligation *ob,
                GHashTable         *seen)
{
  g_autofree char *base = g_strdup_printf ("due-%s-%s-%d-%s@caseload", ob->student->id, ob->rule->id,
                                           ob->role, ob->meeting ? ob->meeting->id : "");
  char from[11];

  if (!g_hash_table_contains (seen, base))
    {
      g_hash_table_add (seen, g_strdup (base));
      return g_steal_pointer (&base);
    }
  cl_date_format_iso (ob->from, from);
  return g_strdup_printf ("due-%s-%s-%d-%s-%s@caseload", ob->student->id, ob->rule->id, ob->role,
                          ob->meeting ? ob->meeting->id : "", from);
}

/* One meeting's VEVENT: at @minutes after midnight for an hour, or all day when @minutes < 0. */
static void
write_meeting (GString         *out,
               const ClStudent *s,
               const char      *meeting_id,
               const char      *name,
               const char      *dtstamp,
               ClDate           date,
               int              minutes,
               const char      *location,
               GTimeZone       *zone)
{
  g_autofree char *uid = g_strdup_printf ("meeting-%s-%s@caseload", s->id, meeting_id);
  g_autofree char *summary = g_strdup_printf (_("IEP meeting: %s"), name);
  char day[9], next[9];

  ics_date (day, date);
  g_string_append (out, "BEGIN:VEVENT\r\n");
  ics_line (out, "UID", uid);
  ics_line (out, "DTSTAMP", dtstamp);
  if (minutes >= 0)
    {
      /* The school's local time, as UTC (no VTIMEZONE to get wrong). One hour by default. */
      g_autofree char *start = utc_time (date, minutes, zone);
      g_autofree char *end = utc_time (date, MIN (minutes + 60, 23 * 60 + 59), zone);
      ics_line (out, "DTSTART", start);
      ics_line (out, "DTEND", end);
    }
  else
    {
      ics_date (next, date + 1);
      ics_line (out, "DTSTART;VALUE=DATE", day);
      ics_line (out, "DTEND;VALUE=DATE", next);
    }
  ics_line (out, "SUMMARY", summary);
  if (location)
    ics_line (out, "LOCATION", location);
  g_string_append (out, "END:VEVENT\r\n");
}

char *
cl_caseload_to_ics (ClCaseload    *caseload,
                    GPtrArray     *obligations,
                    GDateTime     *stamp,
                    GTimeZone     *zone,
                    ClExportFlags  flags)
{
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GString *out = g_string_new (NULL);
  g_autofree char *dtstamp = g_date_time_format (stamp, "%Y%m%dT%H%M%SZ");
  GPtrArray *students = cl_caseload_get_students (caseload);

  g_string_append (out, "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Caseload//Caseload//EN\r\nCALSCALE:GREGORIAN\r\n");

  for (guint i = 0; i < students->len; i++)
    {
      const ClStudent *s = g_ptr_array_index (students, i);
      g_autofree char *name = student_name (s, flags);

      for (guint j = 0; j < s->meetings->len; j++)
        {
          const ClMeeting *m = g_ptr_array_index (s->meetings, j);

          write_meeting (out, s, m->id, name, dtstamp, m->date, m->start_minutes, m->location, zone);
        }
      /* A meeting held from a plan stays in the calendar under the plan's UID, at the plan's time
       * and place: the calendar updates the event it has instead of keeping a stale plan or
       * adding the meeting twice. */
      for (guint j = 0; j < s->events->len; j++)
        {
          const ClEvent *e = &g_array_index (s->events, ClEvent, j);
          const char *planned = cl_event_get_planned_meeting (e);
          const char *starts = cl_extra_get_string (e->extra, "starts");
          int h, min, minutes = -1;

          if (planned == NULL)
            continue;
          if (starts != NULL && strlen (starts) == 16 && sscanf (starts + 11, "%2d:%2d", &h, &min) == 2 &&
              h >= 0 && h < 24 && min >= 0 && min < 60)
            minutes = h * 60 + min;
          write_meeting (out, s, planned, name, dtstamp, e->date, minutes, cl_extra_get_string (e->extra, "location"), zone);
        }
    }

  for (guint i = 0; i < obligations->len; i++)
    {
      const ClObligation *ob = g_ptr_array_index (obligations, i);
      g_autofree char *name = NULL;
      g_autofree char *uid = NULL;
      g_autofree char *summary = NULL;
      g_autofree char *description = NULL;
      char day[9], next[9];

      if (ob->status == CL_STATUS_MET || ob->status == CL_STATUS_MET_LATE)
        continue;
      name = student_name (ob->student, flags);
      uid = obligation_uid (ob, seen);
      {
        g_autofree char *from = cl_obligation_dup_from_text (ob, cl_words_for_locale ());
        g_autofree char *counted = cl_obligation_dup_counted_text (ob, cl_words_for_locale ());

        /* TRANSLATORS: the rule's sentence, its citation, then what the count started from and
         * how, e.g. "Counted from: The annual IEP meeting of May 14, 2026. A year later." */
        description = g_strdup_printf (_("%s %s\nCounted from: %s. %s."), _(ob->rule->sentence), ob->citation,
                                       from, counted);
      }
      /* TRANSLATORS: the rule's title and the student. */
      summary = g_strdup_printf (_("Due: %s — %s"), _(ob->rule->title), name);
      ics_date (day, ob->due);
      ics_date (next, ob->due + 1);
      g_string_append (out, "BEGIN:VEVENT\r\n");
      ics_line (out, "UID", uid);
      ics_line (out, "DTSTAMP", dtstamp);
      ics_line (out, "DTSTART;VALUE=DATE", day);
      ics_line (out, "DTEND;VALUE=DATE", next);
      ics_line (out, "SUMMARY", summary);
      ics_line (out, "DESCRIPTION", description);
      ics_line (out, "TRANSP", "TRANSPARENT");
      g_string_append (out, "END:VEVENT\r\n");
    }
  g_string_append (out, "END:VCALENDAR\r\n");
  return g_string_free (out, FALSE);
}
