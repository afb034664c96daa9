/* cl-student-page-plan.c — Plan a Meeting… for the student whose file is shown (student.plan-meeting)
 *
 * The dialog proposes the kind the soonest open obligation calls for, a date two weeks out and
 * the team the pack requires; the session saves the plan and the window opens its meeting window.
 */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cl-student-page"

#include "config.h"

#include <glib/gi18n.h>

#include "cl-documents.h"
#include "cl-meeting-labels.h"
#include "cl-meeting-prep.h"
#include "cl-student-page-private.h"

typedef struct {
  ClStudentPage *page;
  char        *student_id;
  AdwComboRow *kind;
  AdwEntryRow *date;
  AdwEntryRow *time;
  AdwEntryRow *place;
  AdwEntryRow *interpreter;
} PlanRequest;

static void
plan_request_free (gpointer  data,
                   GClosure *closure)
{
  PlanRequest *request = data;

  g_clear_object (&request->page);
  g_free (request->student_id);
  g_free (request);
}

static gboolean
plan_date (PlanRequest *request,
           ClDate      *date,
           int         *minutes)
{
  const char *time = gtk_editable_get_text (GTK_EDITABLE (request->time));
  int h = -1, m = -1;
  char end = 0;

  *minutes = -1;
  if (!cl_date_parse_iso (gtk_editable_get_text (GTK_EDITABLE (request->date)), date))
    return FALSE;
  if (*time == '\0')
    return TRUE;
  if (sscanf (time, "%d:%d%c", &h, &m, &end) != 2 || h < 0 || h > 23 || m < 0 || m > 59)
    return FALSE;
  *minutes = h * 60 + m;
  return TRUE;
}

static void
on_plan_changed (AdwMessageDialog *dialog)
{
  PlanRequest *request = g_object_get_data (G_OBJECT (dialog), "cl-request");
  ClDate date;
  int minutes;
  gboolean ok = plan_date (request, &date, &minutes);
  gboolean date_ok = cl_date_parse_iso (gtk_editable_get_text (GTK_EDITABLE (request->date)), &date);

  /* Inline: the row that cannot be read is marked, and Plan waits for it. */
  if (date_ok)
    gtk_widget_remove_css_class (GTK_WIDGET (request->date), "error");
  else
    gtk_widget_add_css_class (GTK_WIDGET (request->date), "error");
  if (ok || !date_ok)
    gtk_widget_remove_css_class (GTK_WIDGET (request->time), "error");
  else
    gtk_widget_add_css_class (GTK_WIDGET (request->time), "error");
  adw_message_dialog_set_response_enabled (dialog, "plan", ok);
}

/* The invitations Caseload proposes: every required role, and an interpreter for a family whose
 * language is not English; the parent from the family, the special education teacher the case
 * manager. The rest is the team's choice, offered on the preparation page. */
static void
propose_invitees (ClMeeting     *m,
                  ClRulePackSet *packs,
                  ClCaseload    *caseload,
                  ClStudent     *student)
{
  g_autoptr(GArray) team = cl_meeting_prep_propose_team (cl_meeting_prep_required_rule (packs, caseload, student),
                                                         student, m->kind, m->date);

  for (guint i = 0; i < team->len; i++)
    {
      const ClProposedRole *p = &g_array_index (team, ClProposedRole, i);
      ClInvitee *inv;

      if (!p->required && p->role != CL_ROLE_INTERPRETER)
        continue;
      if (p->role == CL_ROLE_PARENT && student->guardians->len > 0)
        {
          for (guint g = 0; g < student->guardians->len; g++)
            {
              inv = cl_meeting_add_invitee (m, CL_ROLE_PARENT);
              inv->name = g_strdup (g_array_index (student->guardians, ClGuardian, g).name);
            }
          continue;
        }
      inv = cl_meeting_add_invitee (m, p->role);
      if (p->role == CL_ROLE_STUDENT)
        inv->name = cl_student_dup_display_name (student);
      else if (p->role == CL_ROLE_SPECIAL_EDUCATION_TEACHER && student->case_manager)
        inv->staff_id = g_strdup (student->case_manager->id);
    }
}

static void
on_plan_response (AdwMessageDialog *dialog,
                  const char       *response,
                  PlanRequest      *request)
{
  ClStudentPage *self = request->page;
  g_autoptr(ClStudent) owner = cl_student_new ("plan");
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *id = g_date_time_format (now, "m-%Y%m%d-%H%M%S");
  g_autoptr(GError) error = NULL;
  ClStudent *student;
  const char *text;
  ClMeeting *m;
  ClDate date;
  int minutes;

  if (!g_str_equal (response, "plan") || cl_session_get_store (self->session) == NULL || !plan_date (request, &date, &minutes))
    return;
  student = cl_caseload_lookup_student (cl_session_get_caseload (self->session), request->student_id);
  if (student == NULL)
    return;
  /* Two plans in the same second get different ids. */
  while (cl_session_find_meeting (student, id) != NULL)
    {
      g_autofree char *longer = g_strconcat (id, "b", NULL);
      g_free (id);
      id = g_steal_pointer (&longer);
    }

  m = cl_student_add_meeting (owner, id, MIN (adw_combo_row_get_selected (request->kind), CL_N_MEETING_KINDS - 1), date);
  m->start_minutes = minutes;
  text = gtk_editable_get_text (GTK_EDITABLE (request->place));
  m->location = *text ? g_strdup (text) : NULL;
  text = gtk_editable_get_text (GTK_EDITABLE (request->interpreter));
  m->interpreter = *text ? g_ascii_strdown (text, -1) : NULL;
  propose_invitees (m, cl_deadline_engine_get_packs (cl_session_get_engine (self->session)), cl_session_get_caseload (self->session), student);

  if (!cl_session_plan_meeting (self->session, student->id, m, &error))
    {
      _cl_report_unsaved (GTK_WIDGET (self), error);
      return;
    }
  _cl_report_saved (GTK_WIDGET (self), request->student_id, _("Meeting planned"));
  /* The new plan's own window, to invite and prepare. */
  gtk_widget_activate_action (GTK_WIDGET (self), "win.open-meeting", "s", id);
}

static GtkWidget *
plan_entry (const char *title,
            const char *text)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_editable_set_text (GTK_EDITABLE (row), text ? text : "");
  /* Enter in any field plans the meeting (the dialog's default response), as Enter does in a
   * dialog: without it a keyboard user has to Tab past every field to the Plan button. */
  adw_entry_row_set_activates_default (ADW_ENTRY_ROW (row), TRUE);
  return row;
}

static void
plan_meeting_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  ClStudentPage *self = CL_STUDENT_PAGE (widget);
  ClStudent *student = self->student;
  g_autoptr(GtkStringList) kinds = gtk_string_list_new (NULL);
  g_autofree char *name = NULL;
  g_autofree char *body = NULL;
  g_autofree char *suggested = NULL;
  const char *family;
  AdwMessageDialog *dialog;
  GtkWidget *group;
  PlanRequest *request;

  if (student == NULL || cl_session_get_store (self->session) == NULL)
    return;
  name = cl_student_dup_display_name (student);
  /* Translators: %s is the student's name */
  body = g_strdup_printf (_("Caseload proposes %s’s team for this kind of meeting, each member with the reason; you fill in who."), name);
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))), _("Plan a Meeting"), body));

  request = g_new0 (PlanRequest, 1);
  request->page = g_object_ref (self);
  request->student_id = g_strdup (student->id);
  group = adw_preferences_group_new ();
  for (guint i = 0; i < CL_N_MEETING_KINDS; i++)
    gtk_string_list_append (kinds, _cl_meeting_kind_label (i));
  request->kind = ADW_COMBO_ROW (adw_combo_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (request->kind), _("Kind"));
  adw_combo_row_set_model (request->kind, G_LIST_MODEL (kinds));
  adw_combo_row_set_selected (request->kind, cl_meeting_prep_suggested_kind (cl_session_get_student_obligations (self->session, student)));
  /* Two weeks out leaves room for the ten days' notice. */
  suggested = cl_date_to_iso (cl_session_get_today (self->session) + 14);
  request->date = ADW_ENTRY_ROW (plan_entry (_("Date (YYYY-MM-DD)"), suggested));
  request->time = ADW_ENTRY_ROW (plan_entry (_("Starts at (HH:MM)"), "15:30"));
  request->place = ADW_ENTRY_ROW (plan_entry (_("Place"), NULL));
  family = cl_document_family_language (student);
  if ((student->home_language && !g_str_equal (student->home_language, "en")))
    family = student->home_language;
  request->interpreter = ADW_ENTRY_ROW (plan_entry (_("Interpreter language (code, e.g. es)"),
                                                    family && !g_str_equal (family, "en") ? family : NULL));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (request->kind));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (request->date));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (request->time));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (request->place));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (request->interpreter));
  adw_message_dialog_set_extra_child (dialog, group);

  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "plan", _("_Plan"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "plan", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "plan");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_object_set_data (G_OBJECT (dialog), "cl-request", request);
  g_signal_connect_swapped (request->date, "changed", G_CALLBACK (on_plan_changed), dialog);
  g_signal_connect_swapped (request->time, "changed", G_CALLBACK (on_plan_changed), dialog);
  g_signal_connect_data (dialog, "response", G_CALLBACK (on_plan_response), request, plan_request_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}


void
_cl_student_page_class_plan_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "student.plan-meeting", NULL, plan_meeting_action);
}
