/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-meeting-labels.c — what a person reads for the case file's kinds, roles, methods, statuses and
 * dates: one table each, shared by the student's file, the forms and the meeting windows */
#define G_LOG_DOMAIN "cl-meeting-labels"

#include "config.h"

#include <glib/gi18n.h>

#include "cl-meeting-labels.h"
#include "cl-event-labels.h"
#include "cl-obligation-words.h"
#include "cl-roster-columns.h"

const char *
_cl_meeting_kind_label (ClMeetingKind kind)
{
  switch (kind)
    {
    case CL_MEETING_INITIAL: return _("Initial IEP meeting");
    case CL_MEETING_ANNUAL: return _("Annual review");
    case CL_MEETING_TRIENNIAL: return _("Triennial review");
    case CL_MEETING_AMENDMENT: return _("Amendment meeting");
    case CL_MEETING_INTERIM: return _("Interim IEP meeting");
    case CL_MEETING_MANIFESTATION: return _("Manifestation determination");
    case CL_MEETING_TRANSITION: return _("Transition meeting");
    case CL_MEETING_OTHER: return _("Other IEP meeting");
    case CL_N_MEETING_KINDS:
    default: return "";
    }
}

const char *
_cl_role_label (ClInviteeRole role)
{
  const char *label = cl_role_label (role);

  return *label ? _(label) : "";
}

const char *
_cl_contact_method_label (ClContactMethod method)
{
  switch (method)
    {
    case CL_CONTACT_PHONE: return _("Phone call");
    case CL_CONTACT_LETTER: return _("Letter");
    case CL_CONTACT_EMAIL: return _("Email");
    case CL_CONTACT_HOME_VISIT: return _("Home visit");
    case CL_CONTACT_OTHER: return _("Other");
    case CL_N_CONTACT_METHODS:
    default: return "";
    }
}

const char *
_cl_language_label (const char *code)
{
  static const struct { const char *code; const char *name; } names[] = {
    { "en", N_("English") }, { "es", N_("Spanish") }, { "hy", N_("Armenian") }, { "ko", N_("Korean") },
    { "tl", N_("Tagalog") }, { "vi", N_("Vietnamese") }, { "zh", N_("Chinese") }, { "ar", N_("Arabic") },
    { "ru", N_("Russian") }, { "fa", N_("Persian") }, { "pt", N_("Portuguese") }, { "so", N_("Somali") },
    { "ase", N_("American Sign Language") },
  };

  if (code == NULL || *code == '\0')
    return _("none");
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (g_str_equal (names[i].code, code))
      return _(names[i].name);
  /* The languages a roster or the language picker knows (Punjabi, Khmer …), by their names too. */
  if (cl_roster_language_name (code) != NULL)
    return _(cl_roster_language_name (code));
  return code;
}

char *
_cl_format_minutes (int minutes)
{
  if (minutes < 0)
    return NULL;
  return g_strdup_printf ("%02d:%02d", minutes / 60, minutes % 60);
}

gboolean
_cl_role_needs_excusal (ClInviteeRole role)
{
  switch (role)
    {
    case CL_ROLE_GENERAL_EDUCATION_TEACHER:
    case CL_ROLE_SPECIAL_EDUCATION_TEACHER:
    case CL_ROLE_LEA_REPRESENTATIVE:
    case CL_ROLE_ASSESSMENT_INTERPRETER:
    case CL_ROLE_RELATED_SERVICE_PROVIDER:
      return TRUE;
    default:
      return FALSE;
    }
}

GtkWidget *
_cl_pill_new (const char *text,
              const char *css_class)
{
  GtkWidget *pill = gtk_label_new (text);

  gtk_widget_add_css_class (pill, "status-pill");
  gtk_widget_add_css_class (pill, css_class);
  gtk_widget_set_valign (pill, GTK_ALIGN_CENTER);
  return pill;
}

const char *
_cl_status_label (ClObligationStatus status)
{
  switch (status)
    {
    case CL_STATUS_OVERDUE: return _("Overdue");
    case CL_STATUS_DUE_SOON: return _("Due soon");
    case CL_STATUS_UPCOMING: return _("Upcoming");
    case CL_STATUS_MET_LATE: return _("Done late");
    case CL_STATUS_MET: return _("Done");
    case CL_N_STATUSES:
    default: return "";
    }
}

GtkWidget *
_cl_info_row_new (const char *title,
                  const char *subtitle)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle && *subtitle ? subtitle : "—");
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
  return row;
}

const char *
_cl_translate (const char *text)
{
  return text && *text ? _(text) : "";
}

/* What a person reads for each event type (the table is core's, for the documents too). */
const char *
_cl_event_type_label (ClEventType type)
{
  const char *label = cl_event_type_label (type);

  return label && *label ? _(label) : "";
}

char *
_cl_obligation_from_text (const ClObligation *ob)
{
  return cl_obligation_dup_from_text (ob, cl_words_for_locale ());
}

char *
_cl_counted_text (const ClObligation *ob)
{
  return cl_obligation_dup_counted_text (ob, cl_words_for_locale ());
}

const char *
_cl_removal_kind_label (int kind)
{
  switch (kind)
    {
    case CL_REMOVAL_SUSPENSION: return _("Suspension");
    case CL_REMOVAL_IN_SCHOOL_SUSPENSION: return _("In-school suspension");
    case CL_REMOVAL_OTHER: return _("Other removal");
    default: return _("Removal");
    }
}

const char *
_cl_transfer_from_label (int from)
{
  switch (from)
    {
    case CL_TRANSFER_SAME_SELPA: return _("from the same SELPA");
    case CL_TRANSFER_IN_STATE: return _("from another district in the state");
    case CL_TRANSFER_OUT_OF_STATE: return _("from another state");
    default: return _("from elsewhere");
    }
}

const char *
_cl_obligation_status_class (const ClObligation *ob)
{
  if (ob->prompt && (ob->status == CL_STATUS_OVERDUE || ob->status == CL_STATUS_DUE_SOON ||
                     ob->status == CL_STATUS_UPCOMING))
    return ob->status == CL_STATUS_OVERDUE ? "follow_up" : "awaiting";
  return cl_status_names[ob->status];
}

const char *
_cl_status_class_label (const char *css_class)
{
  if (g_str_equal (css_class, "follow_up"))
    /* Translators: the pill of a reminder whose day has passed: the parent had 15 days to decide
     * on the assessment plan and has not answered; not a missed deadline */
    return _("Follow up");
  if (g_str_equal (css_class, "awaiting"))
    /* Translators: the pill of a reminder still running: the parent has 15 days to decide on the
     * assessment plan */
    return _("Awaiting parent");
  for (guint i = 0; i < CL_N_STATUSES; i++)
    if (g_str_equal (css_class, cl_status_names[i]))
      return _cl_status_label (i);
  return "";
}

const char *
_cl_obligation_status_label (const ClObligation *ob)
{
  return _cl_status_class_label (_cl_obligation_status_class (ob));
}

GtkWidget *
_cl_obligation_pill_new (const ClObligation *ob)
{
  const char *css_class = _cl_obligation_status_class (ob);

  return _cl_pill_new (_cl_status_class_label (css_class), css_class);
}

void
_cl_describe_obligation_row (GtkWidget  *row,
                             const char *status_label,
                             const char *dates)
{
  /* Translators: what a screen reader says after an obligation's title: its status (Overdue,
   * Done late…), then its dates, e.g. "Overdue. Due March 3, 2026" */
  g_autofree char *description = g_strdup_printf (_("%s. %s"), status_label, dates);

  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description, -1);
}

GtkWidget *
_cl_status_pill_new (ClObligationStatus status)
{
  return _cl_pill_new (_cl_status_label (status), cl_status_names[status]);
}
