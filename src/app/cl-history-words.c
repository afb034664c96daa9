/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-history-words.c — a student's history (the audit trail) in words, not stored values
 *
 * The store writes each change as it compares them (ids, ISO dates, an event as one line of its
 * type's name, date and kind): right for the trail, not for a person. This reads those values back
 * into the labels the rest of the student page uses. */
#define G_LOG_DOMAIN "cl-history-words"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "cl-discipline-section.h"
#include "cl-history-words.h"
#include "cl-meeting-labels.h"

static char *
date_text (const char *iso)
{
  ClDate date;

  return cl_date_parse_iso (iso, &date) ? cl_date_dup_long (date) : g_strdup (iso);
}

/* "iep_meeting 2026-05-14 annual", "removal 2026-09-21 suspension 5 days", "referral 2026-11-16" */
static char *
event_text (const char *line)
{
  g_auto(GStrv) parts = g_strsplit (line, " ", 5);
  int type, kind = -1;
  g_autofree char *date = NULL;
  const char *what;

  if (g_strv_length (parts) < 2 || (type = cl_enum_from_name (cl_event_type_names, CL_N_EVENT_TYPES, parts[0])) < 0)
    return g_strdup (line);
  date = date_text (parts[1]);
  if (type == CL_EVENT_IEP_MEETING && parts[2] != NULL &&
      (kind = cl_enum_from_name (cl_meeting_kind_names, CL_N_MEETING_KINDS, parts[2])) >= 0)
    what = _cl_meeting_kind_label (kind);
  else if (type == CL_EVENT_REMOVAL && parts[2] != NULL &&
           (kind = cl_enum_from_name (cl_removal_kind_names, CL_N_REMOVAL_KINDS, parts[2])) >= 0)
    {
      double days = parts[3] != NULL ? g_ascii_strtod (parts[3], NULL) : 0;

      /* Translators: a removal in the history: its kind, its school days, its date */
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s · %g school day, %s", "%s · %g school days, %s",
                                           days == 1 ? 1 : 2),
                              _cl_removal_kind_label (kind), days, date);
    }
  else if ((type == CL_EVENT_COMPLAINT || type == CL_EVENT_COMPLAINT_RESOLVED) && parts[2] != NULL &&
           (kind = cl_enum_from_name (cl_complaint_kind_names, CL_N_COMPLAINT_KINDS, parts[2])) >= 0)
    what = type == CL_EVENT_COMPLAINT ? cl_discipline_complaint_label (kind) : _cl_event_type_label (type);
  else
    what = _cl_event_type_label (type);
  /* Translators: an event in the history: what happened, and its date */
  return g_strdup_printf (_("%s, %s"), what, date);
}

/* "annual 2026-12-02 10:00, Room B-108" */
static char *
meeting_text (const char *line)
{
  const char *comma = strchr (line, ',');
  g_autofree char *head = comma ? g_strndup (line, comma - line) : g_strdup (line);
  g_auto(GStrv) parts = g_strsplit (head, " ", 3);
  int kind;
  g_autofree char *date = NULL;
  GString *out;

  if (g_strv_length (parts) < 2 || (kind = cl_enum_from_name (cl_meeting_kind_names, CL_N_MEETING_KINDS, parts[0])) < 0)
    return g_strdup (line);
  date = date_text (parts[1]);
  out = g_string_new (NULL);
  /* Translators: a planned meeting in the history: its kind and date */
  g_string_append_printf (out, _("%s, %s"), _cl_meeting_kind_label (kind), date);
  if (parts[2] != NULL)
    g_string_append_printf (out, " %s", parts[2]);
  if (comma != NULL)
    g_string_append (out, comma);
  return g_string_free (out, FALSE);
}

char *
_cl_history_value_text (ClCaseload *caseload,
                        const char *field,
                        const char *value)
{
  if (value == NULL)
    return NULL;
  if (g_str_equal (field, "english_learner") || g_str_equal (field, "conservatorship") ||
      g_str_equal (field, "part_c"))
    return g_strdup (g_str_equal (value, "1") ? _("Yes") : _("No"));
  if (g_str_equal (field, "home_language") || g_str_equal (field, "guardian_language"))
    return g_strdup (*value ? _cl_language_label (value) : "");
  if (g_str_equal (field, "birth_date") || g_str_equal (field, "emancipated_on"))
    return date_text (value);
  if (g_str_equal (field, "school_id") && caseload != NULL)
    {
      ClSchool *school = cl_caseload_lookup_school (caseload, value);

      return g_strdup (school && school->name ? school->name : value);
    }
  if (g_str_equal (field, "case_manager_id") && caseload != NULL)
    {
      ClStaff *staff = cl_caseload_lookup_staff (caseload, value);

      return g_strdup (staff && staff->name ? staff->name : value);
    }
  if (g_str_equal (field, "event"))
    return event_text (value);
  if (g_str_equal (field, "meeting"))
    return g_str_equal (value, "held") ? g_strdup (_("held")) : meeting_text (value);
  if (g_str_equal (field, "*"))
    {
      if (g_str_equal (value, "created"))
        return g_strdup (_("created"));
      if (g_str_equal (value, "replaced by an import"))
        return g_strdup (_("replaced by an import"));
    }
  return g_strdup (value);
}

const char *
_cl_history_table_label (const char *table)
{
  static const struct { const char *table; const char *label; } labels[] = {
    { "students", N_("Student") }, { "guardians", N_("Family member") }, { "events", N_("Event") },
    { "meetings", N_("Meeting") }, { "invitees", N_("Invited member") }, { "*", N_("Everything") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    if (g_str_equal (table, labels[i].table))
      return _(labels[i].label);
  return table;
}
