/* cl-obligation-format.c — obligations as the `alerts` JSON contract and as text for people */
#define G_LOG_DOMAIN "cl-obligation-format"

#include "cl-obligation-format.h"

static void
append_string (GString    *out,
               const char *text)
{
  const char *run = text;

  g_string_append_c (out, '"');
  for (const char *p = text; *p; p++)
    {
      guchar c = (guchar) *p;

      if (c >= 0x20 && c != '"' && c != '\\')
        continue;
      g_string_append_len (out, run, p - run);
      run = p + 1;
      switch (c)
        {
        case '"':  g_string_append (out, "\\\""); break;
        case '\\': g_string_append (out, "\\\\"); break;
        case '\n': g_string_append (out, "\\n"); break;
        case '\r': g_string_append (out, "\\r"); break;
        case '\t': g_string_append (out, "\\t"); break;
        default:
          g_string_append_printf (out, "\\u%04x", c);
        }
    }
  g_string_append (out, run);
  g_string_append_c (out, '"');
}

static void
append_member (GString    *out,
               const char *name,
               const char *value,
               gboolean    first)
{
  if (!first)
    g_string_append (out, ", ");
  g_string_append_c (out, '"');
  g_string_append (out, name);
  g_string_append (out, "\": ");
  if (value == NULL)
    g_string_append (out, "null");
  else
    append_string (out, value);
}

static void
append_date_member (GString    *out,
                    const char *name,
                    ClDate      date,
                    gboolean    first)
{
  char buf[11];

  cl_date_format_iso (date, buf);
  append_member (out, name, date == CL_DATE_NONE ? NULL : buf, first);
}

void
cl_obligation_append_json (const ClObligation *ob,
                           GString            *out)
{
  g_string_append_c (out, '{');
  append_member (out, "student", ob->student->id, TRUE);
  append_member (out, "rule", ob->rule->id, FALSE);
  append_date_member (out, "due", ob->due, FALSE);
  append_member (out, "status", cl_status_names[ob->status], FALSE);
  append_member (out, "severity", cl_severity_names[ob->severity], FALSE);

  g_string_append (out, ", \"basis\": {");
  append_date_member (out, "from", ob->from, TRUE);
  append_member (out, "from_event", ob->from_event, FALSE);
  append_member (out, "counted", ob->counted, FALSE);
  append_member (out, "sentence", ob->rule->sentence, FALSE);
  if (ob->meeting != NULL)
    append_member (out, "meeting", ob->meeting->id, FALSE);
  if (ob->role >= 0)
    append_member (out, "role", cl_role_names[ob->role], FALSE);
  if (ob->note != NULL)
    append_member (out, "note", ob->note, FALSE);
  if (ob->estimated)
    {
      g_autofree char *estimate = cl_obligation_dup_estimate_note (ob);
      append_member (out, "estimate", estimate, FALSE);
    }
  g_string_append_c (out, '}');

  append_member (out, "citation", ob->citation, FALSE);
  append_date_member (out, "met_on", ob->met_on, FALSE);
  g_string_append_printf (out, ", \"estimated\": %s}", ob->estimated ? "true" : "false");
}

char *
cl_obligations_to_json (GPtrArray *obligations)
{
  GString *out = g_string_sized_new (obligations->len * 480 + 8);

  g_string_append_c (out, '[');
  for (guint i = 0; i < obligations->len; i++)
    {
      g_string_append (out, i == 0 ? "\n  " : ",\n  ");
      cl_obligation_append_json (g_ptr_array_index (obligations, i), out);
    }
  g_string_append (out, obligations->len ? "\n]\n" : "]\n");
  return g_string_free (out, FALSE);
}

/* Overdue first, then what is due soonest; met ones last, newest first is not needed: by date. */
static int
status_rank (ClObligationStatus status)
{
  switch (status)
    {
    case CL_STATUS_OVERDUE: return 0;
    case CL_STATUS_DUE_SOON: return 1;
    case CL_STATUS_UPCOMING: return 2;
    case CL_STATUS_MET_LATE: return 3;
    case CL_STATUS_MET: return 4;
    case CL_N_STATUSES:
    default: return 5;
    }
}

static int
compare_for_text (gconstpointer a,
                  gconstpointer b)
{
  const ClObligation *oa = *(ClObligation * const *) a;
  const ClObligation *ob = *(ClObligation * const *) b;
  int c = g_strcmp0 (oa->student->id, ob->student->id);

  if (c != 0)
    return c;
  if ((c = status_rank (oa->status) - status_rank (ob->status)) != 0)
    return c;
  return cl_obligation_compare (a, b);
}

static const char *
status_label (ClObligationStatus status)
{
  switch (status)
    {
    case CL_STATUS_OVERDUE: return "OVERDUE";
    case CL_STATUS_DUE_SOON: return "due soon";
    case CL_STATUS_UPCOMING: return "upcoming";
    case CL_STATUS_MET_LATE: return "met late";
    case CL_STATUS_MET: return "met";
    case CL_N_STATUSES:
    default: return "";
    }
}

char *
cl_obligations_to_text (GPtrArray *obligations,
                        ClDate     today)
{
  g_autoptr(GPtrArray) sorted = _cl_ptr_array_dup (obligations);
  GString *out = g_string_new (NULL);
  const ClStudent *current = NULL;
  char today_buf[11];

  g_ptr_array_sort (sorted, compare_for_text);
  cl_date_format_iso (today, today_buf);
  g_string_append_printf (out, "Obligations as of %s\n", today_buf);

  for (guint i = 0; i < sorted->len; i++)
    {
      const ClObligation *ob = g_ptr_array_index (sorted, i);
      char due[11], from[11], met[11];

      if (ob->student != current)
        {
          g_autofree char *name = cl_student_dup_display_name (ob->student);

          current = ob->student;
          g_string_append_printf (out, "\n%s — %s (%s)\n", ob->student->id, name,
                                  ob->student->school ? ob->student->school->name : "");
        }
      cl_date_format_iso (ob->due, due);
      cl_date_format_iso (ob->from, from);
      g_string_append_printf (out, "  %-9s %s  %s: %s; from %s %s, %s [%s]",
                              status_label (ob->status), due, ob->rule->id, ob->rule->sentence,
                              ob->from_event, from, ob->counted, ob->citation);
      if (ob->met_on != CL_DATE_NONE)
        {
          cl_date_format_iso (ob->met_on, met);
          g_string_append_printf (out, " — done %s", met);
        }
      if (ob->estimated)
        g_string_append (out, " (estimated)");
      g_string_append_c (out, '\n');
    }
  return g_string_free (out, FALSE);
}
