/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-obligation-format.c — obligations as the `alerts` JSON contract and as text for people */
#define G_LOG_DOMAIN "cl-obligation-format"

#include "cl-obligation-format.h"

void
cl_obligation_write_json (const ClObligation *ob,
                          ClJsonWriter       *w)
{
  cl_json_writer_begin_object (w);
  cl_json_writer_member_string (w, "student", ob->student->id);
  cl_json_writer_member_string (w, "rule", ob->rule->id);
  cl_json_writer_member_date (w, "due", ob->due);
  cl_json_writer_member_string (w, "status", cl_status_names[ob->status]);
  cl_json_writer_member_string (w, "severity", cl_severity_names[ob->severity]);

  cl_json_writer_name (w, "basis");
  cl_json_writer_begin_object (w);
  cl_json_writer_member_date (w, "from", ob->from);
  cl_json_writer_member_string (w, "from_event", ob->from_event);
  cl_json_writer_member_string (w, "counted", ob->counted);
  cl_json_writer_member_string (w, "sentence", ob->rule->sentence);
  if (ob->meeting != NULL)
    cl_json_writer_member_string (w, "meeting", ob->meeting->id);
  if (ob->role >= 0)
    cl_json_writer_member_string (w, "role", cl_role_names[ob->role]);
  if (ob->note != NULL)
    cl_json_writer_member_string (w, "note", ob->note);
  if (ob->extended_on != CL_DATE_NONE)
    {
      cl_json_writer_name (w, "extended");
      cl_json_writer_begin_object (w);
      cl_json_writer_member_date (w, "on", ob->extended_on);
      cl_json_writer_member_date (w, "until", ob->due);
      cl_json_writer_member_date (w, "was", ob->extended_was);
      cl_json_writer_end_object (w);
    }
  if (ob->estimated)
    {
      g_autofree char *estimate = cl_obligation_dup_estimate_note (ob);
      cl_json_writer_member_string (w, "estimate", estimate);
    }
  cl_json_writer_end_object (w);

  cl_json_writer_member_string (w, "citation", ob->citation);
  cl_json_writer_member_date (w, "met_on", ob->met_on);
  cl_json_writer_member_bool (w, "estimated", ob->estimated);
  cl_json_writer_end_object (w);
}

char *
cl_obligations_to_json (GPtrArray *obligations)
{
  GString *out = g_string_sized_new (obligations->len * 480 + 8);
  ClJsonWriter w;

  /* One obligation per line: readable, and easy to grep. */
  cl_json_writer_init (&w, out, 1);
  cl_json_writer_begin_array (&w);
  for (guint i = 0; i < obligations->len; i++)
    cl_obligation_write_json (g_ptr_array_index (obligations, i), &w);
  cl_json_writer_end_array (&w);
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
