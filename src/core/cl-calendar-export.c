/* cl-calendar-export.c — obligations and meetings for other programs: CSV and iCalendar */
#define G_LOG_DOMAIN "cl-calendar-export"

#include <string.h>

#include "cl-calendar-export.h"

static void
csv_field (GString    *out,
           const char *value,
           gboolean    last)
{
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
cl_obligations_to_csv (GPtrArray *obligations)
{
  GString *out = g_string_new ("student,name,rule,title,due,status,severity,met_on,estimated,from,from_event,counted,citation\r\n");

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
      csv_field (out, ob->counted, FALSE);
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

char *
cl_caseload_to_ics (ClCaseload *caseload,
                    GPtrArray  *obligations,
                    GDateTime  *stamp)
{
  GString *out = g_string_new (NULL);
  g_autofree char *dtstamp = g_date_time_format (stamp, "%Y%m%dT%H%M%SZ");
  GPtrArray *students = cl_caseload_get_students (caseload);

  g_string_append (out, "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Caseload//Caseload//EN\r\nCALSCALE:GREGORIAN\r\n");

  for (guint i = 0; i < students->len; i++)
    {
      const ClStudent *s = g_ptr_array_index (students, i);
      g_autofree char *name = cl_student_dup_display_name (s);

      for (guint j = 0; j < s->meetings->len; j++)
        {
          const ClMeeting *m = g_ptr_array_index (s->meetings, j);
          g_autofree char *uid = g_strdup_printf ("meeting-%s-%s@caseload", s->id, m->id);
          g_autofree char *summary = g_strdup_printf ("%s IEP meeting: %s", cl_meeting_kind_names[m->kind], name);
          char day[9], next[9];

          ics_date (day, m->date);
          g_string_append (out, "BEGIN:VEVENT\r\n");
          ics_line (out, "UID", uid);
          ics_line (out, "DTSTAMP", dtstamp);
          if (m->start_minutes >= 0)
            {
              /* Floating local time: the meeting is where the school is. One hour by default. */
              g_autofree char *start = g_strdup_printf ("%sT%02d%02d00", day, m->start_minutes / 60, m->start_minutes % 60);
              int end_minutes = MIN (m->start_minutes + 60, 23 * 60 + 59);
              g_autofree char *end = g_strdup_printf ("%sT%02d%02d00", day, end_minutes / 60, end_minutes % 60);
              ics_line (out, "DTSTART", start);
              ics_line (out, "DTEND", end);
            }
          else
            {
              ics_date (next, m->date + 1);
              ics_line (out, "DTSTART;VALUE=DATE", day);
              ics_line (out, "DTEND;VALUE=DATE", next);
            }
          ics_line (out, "SUMMARY", summary);
          if (m->location)
            ics_line (out, "LOCATION", m->location);
          g_string_append (out, "END:VEVENT\r\n");
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
      name = cl_student_dup_display_name (ob->student);
      {
        char from[11];
        cl_date_format_iso (ob->from, from);
        uid = g_strdup_printf ("%s-%s-%s-%d-%d@caseload", ob->student->id, ob->rule->id, from,
                               ob->role, ob->meeting ? (int) g_str_hash (ob->meeting->id) : 0);
        description = g_strdup_printf ("%s %s\nFrom %s %s: %s.", ob->rule->sentence, ob->citation,
                                       ob->from_event, from, ob->counted);
      }
      summary = g_strdup_printf ("Due: %s — %s", ob->rule->title, name);
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
