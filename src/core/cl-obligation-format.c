/* cl-obligation-format.c — obligations as the `alerts` JSON contract and as text for people */
#define G_LOG_DOMAIN "cl-obligation-format"

#include "cl-obligation-format.h"

static void
set_date_member (JsonBuilder *b,
                 const char  *name,
                 ClDate       date)
{
  char buf[11];

  json_builder_set_member_name (b, name);
  if (date == CL_DATE_NONE)
    json_builder_add_null_value (b);
  else
    {
      cl_date_format_iso (date, buf);
      json_builder_add_string_value (b, buf);
    }
}

static void
build_obligation (JsonBuilder        *b,
                  const ClObligation *ob)
{
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "student");
  json_builder_add_string_value (b, ob->student->id);
  json_builder_set_member_name (b, "rule");
  json_builder_add_string_value (b, ob->rule->id);
  set_date_member (b, "due", ob->due);
  json_builder_set_member_name (b, "status");
  json_builder_add_string_value (b, cl_status_names[ob->status]);
  json_builder_set_member_name (b, "severity");
  json_builder_add_string_value (b, cl_severity_names[ob->severity]);

  json_builder_set_member_name (b, "basis");
  json_builder_begin_object (b);
  set_date_member (b, "from", ob->from);
  json_builder_set_member_name (b, "from_event");
  json_builder_add_string_value (b, ob->from_event);
  json_builder_set_member_name (b, "counted");
  json_builder_add_string_value (b, ob->counted);
  json_builder_set_member_name (b, "sentence");
  json_builder_add_string_value (b, ob->rule->sentence);
  if (ob->meeting != NULL)
    {
      json_builder_set_member_name (b, "meeting");
      json_builder_add_string_value (b, ob->meeting->id);
    }
  if (ob->role >= 0)
    {
      json_builder_set_member_name (b, "role");
      json_builder_add_string_value (b, cl_role_names[ob->role]);
    }
  if (ob->note != NULL)
    {
      json_builder_set_member_name (b, "note");
      json_builder_add_string_value (b, ob->note);
    }
  json_builder_end_object (b);

  json_builder_set_member_name (b, "citation");
  json_builder_add_string_value (b, ob->citation);
  set_date_member (b, "met_on", ob->met_on);
  json_builder_set_member_name (b, "estimated");
  json_builder_add_boolean_value (b, ob->estimated);
  json_builder_end_object (b);
}

JsonNode *
cl_obligation_to_json_node (const ClObligation *ob)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();

  build_obligation (b, ob);
  return json_builder_get_root (b);
}

JsonNode *
cl_obligations_to_json (GPtrArray *obligations)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();

  json_builder_begin_array (b);
  for (guint i = 0; i < obligations->len; i++)
    build_obligation (b, g_ptr_array_index (obligations, i));
  json_builder_end_array (b);
  return json_builder_get_root (b);
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
  g_autoptr(GPtrArray) sorted = g_ptr_array_copy (obligations, NULL, NULL);
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
