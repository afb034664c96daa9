/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-meeting-team.c — who is invited and why, the excusal of an absent member, and the record of
 * attempts to bring the parent
 *
 * Whether an excusal is complete is the core's answer (cl_meeting_prep_excusal_state(), the same
 * function the engine's excusal_incomplete uses); whether the attempts are enough is
 * cl_meeting_prep_attempts_enough(). This file only asks and shows.
 */
#define G_LOG_DOMAIN "cl-meeting-team"

#include "config.h"

#include <glib/gi18n.h>

#include "cl-meeting-window-private.h"
#include "cl-rule-ids.h"

/* The district's record before a meeting goes ahead without the parent: at least two attempts,
 * by at least two different means (HB 7.5 lists calls, correspondence and visits). */

static ClInvitee *
invitee_at (ClMeetingWindow *self,
            guint            index)
{
  if (self->draft == NULL || index >= self->draft->invitees->len)
    return NULL;
  return &g_array_index (self->draft->invitees, ClInvitee, index);
}

static guint
index_of (gpointer widget)
{
  return GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (widget), "cl-index"));
}

static void
set_index (gpointer widget,
           guint    index)
{
  g_object_set_data (G_OBJECT (widget), "cl-index", GUINT_TO_POINTER (index));
}

/* Staff whose job fits the role, for the role's "Who" list. */
static gboolean
staff_fits (ClInviteeRole role,
            ClStaffRole   staff)
{
  switch (role)
    {
    case CL_ROLE_GENERAL_EDUCATION_TEACHER:
      return staff == CL_STAFF_GENERAL_EDUCATION_TEACHER;
    case CL_ROLE_SPECIAL_EDUCATION_TEACHER:
      return staff == CL_STAFF_SPECIAL_EDUCATION_TEACHER || staff == CL_STAFF_CASE_MANAGER;
    case CL_ROLE_LEA_REPRESENTATIVE:
      return staff == CL_STAFF_ADMINISTRATOR;
    case CL_ROLE_ASSESSMENT_INTERPRETER:
      return staff == CL_STAFF_SCHOOL_PSYCHOLOGIST || staff == CL_STAFF_SPEECH_LANGUAGE_PATHOLOGIST ||
             staff == CL_STAFF_SPECIAL_EDUCATION_TEACHER;
    case CL_ROLE_RELATED_SERVICE_PROVIDER:
      return staff == CL_STAFF_RELATED_SERVICE_PROVIDER || staff == CL_STAFF_SPEECH_LANGUAGE_PATHOLOGIST ||
             staff == CL_STAFF_NURSE || staff == CL_STAFF_SCHOOL_PSYCHOLOGIST;
    case CL_ROLE_INTERPRETER:
      return staff == CL_STAFF_INTERPRETER;
    case CL_ROLE_OTHER:
      return TRUE;
    case CL_ROLE_PARENT:
    case CL_ROLE_STUDENT:
    case CL_ROLE_AGENCY_REPRESENTATIVE:
    case CL_ROLE_PART_C_COORDINATOR:
    case CL_N_ROLES:
    default:
      return FALSE;
    }
}

static gboolean
role_has_staff (ClInviteeRole role)
{
  return role != CL_ROLE_PARENT && role != CL_ROLE_STUDENT && role != CL_ROLE_AGENCY_REPRESENTATIVE &&
         role != CL_ROLE_PART_C_COORDINATOR;
}

static const ClProposedRole *
proposed (ClMeetingWindow *self,
          ClInviteeRole    role)
{
  for (guint i = 0; self->team && i < self->team->len; i++)
    if (g_array_index (self->team, ClProposedRole, i).role == role)
      return &g_array_index (self->team, ClProposedRole, i);
  return NULL;
}

static gboolean
invited (ClMeetingWindow *self,
         ClInviteeRole    role)
{
  for (guint i = 0; i < self->draft->invitees->len; i++)
    if (g_array_index (self->draft->invitees, ClInvitee, i).role == role)
      return TRUE;
  return FALSE;
}

static const char *
who (ClMeetingWindow *self,
     const ClInvitee *inv)
{
  ClStaff *staff = inv->staff_id ? cl_caseload_lookup_staff (self->caseload, inv->staff_id) : NULL;

  if (staff != NULL)
    return staff->name;
  if (inv->name && *inv->name)
    return inv->name;
  return _("Not chosen yet");
}

/* ---- edits ---- */

static void
on_staff_selected (AdwComboRow     *row,
                   GParamSpec      *pspec,
                   ClMeetingWindow *self)
{
  ClInvitee *inv = invitee_at (self, index_of (row));
  GStrv ids = g_object_get_data (G_OBJECT (row), "cl-staff-ids");
  guint selected = adw_combo_row_get_selected (row);

  if (inv == NULL || ids == NULL || selected >= g_strv_length (ids))
    return;
  if (g_strcmp0 (inv->staff_id, *ids[selected] ? ids[selected] : NULL) == 0)
    return;
  g_free (inv->staff_id);
  inv->staff_id = *ids[selected] ? g_strdup (ids[selected]) : NULL;
  g_clear_pointer (&inv->name, g_free);
  _cl_meeting_window_save (self);
}

static void
on_name_apply (AdwEntryRow     *row,
               ClMeetingWindow *self)
{
  ClInvitee *inv = invitee_at (self, index_of (row));
  const char *text = gtk_editable_get_text (GTK_EDITABLE (row));

  if (inv == NULL)
    return;
  g_free (inv->name);
  inv->name = *text ? g_strdup (text) : NULL;
  _cl_meeting_window_save (self);
}

static void
on_attending (GtkSwitch       *sw,
              GParamSpec      *pspec,
              ClMeetingWindow *self)
{
  ClInvitee *inv = invitee_at (self, index_of (sw));
  gboolean active = gtk_switch_get_active (sw);

  if (inv == NULL || (gboolean) inv->attending == active)
    return;
  inv->attending = active;
  _cl_meeting_window_save (self);
}

/* The excusal flow's first question: is their area discussed? Not answered, no, or yes. */
static void
on_discussed (AdwComboRow     *row,
              GParamSpec      *pspec,
              ClMeetingWindow *self)
{
  ClInvitee *inv = invitee_at (self, index_of (row));
  guint answer = adw_combo_row_get_selected (row);

  if (inv == NULL || answer > 2)
    return;
  if (answer == (inv->excusal.present ? (inv->excusal.area_discussed ? 2u : 1u) : 0u))
    return;
  inv->excusal.present = answer > 0;
  inv->excusal.area_discussed = answer == 2;
  _cl_meeting_window_save (self);
}

static void
on_excusal_date_apply (AdwEntryRow     *row,
                       ClMeetingWindow *self)
{
  ClInvitee *inv = invitee_at (self, index_of (row));
  const char *text = gtk_editable_get_text (GTK_EDITABLE (row));
  gboolean input = g_object_get_data (G_OBJECT (row), "cl-input") != NULL;
  ClDate date = CL_DATE_NONE;

  if (inv == NULL)
    return;
  if (*text && !cl_date_parse_iso (text, &date))
    {
      gtk_widget_add_css_class (GTK_WIDGET (row), "error");
      cl_meeting_window_toast (self, _("Not a date: write it as YYYY-MM-DD, for example 2026-12-14."));
      return;
    }
  inv->excusal.present = TRUE;
  if (input)
    inv->excusal.written_input = date;
  else
    inv->excusal.parent_written_consent = date;
  _cl_meeting_window_save (self);
}

/* An agency that may provide or pay for transition services is invited only with the written
 * consent of the parent or the adult student (34 CFR 300.321(b)(3)); the date rides in the
 * invitee's extra as "consent". */
#define AGENCY_CONSENT "consent"

static ClDate
agency_consent (const ClInvitee *inv)
{
  ClDate date = CL_DATE_NONE;

  if (inv->extra != NULL && json_object_has_member (inv->extra, AGENCY_CONSENT))
    cl_date_parse_iso (json_object_get_string_member_with_default (inv->extra, AGENCY_CONSENT, ""), &date);
  return date;
}

static void
on_consent_apply (AdwEntryRow     *row,
                  ClMeetingWindow *self)
{
  ClInvitee *inv = invitee_at (self, index_of (row));
  const char *text = gtk_editable_get_text (GTK_EDITABLE (row));
  ClDate date = CL_DATE_NONE;

  if (inv == NULL)
    return;
  if (*text && !cl_date_parse_iso (text, &date))
    {
      gtk_widget_add_css_class (GTK_WIDGET (row), "error");
      cl_meeting_window_toast (self, _("Not a date: write it as YYYY-MM-DD, for example 2026-12-14."));
      return;
    }
  if (inv->extra == NULL)
    inv->extra = json_object_new ();
  if (date == CL_DATE_NONE)
    json_object_remove_member (inv->extra, AGENCY_CONSENT);
  else
    {
      g_autofree char *iso = cl_date_to_iso (date);
      json_object_set_string_member (inv->extra, AGENCY_CONSENT, iso);
    }
  _cl_meeting_window_save (self);
}

static GtkWidget *
consent_row (const ClInvitee *inv,
             guint            index,
             ClMeetingWindow *self)
{
  GtkWidget *row = adw_entry_row_new ();
  g_autofree char *text = cl_date_to_iso (agency_consent (inv));

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                 _("Consent in writing on (YYYY-MM-DD)"));
  adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (row), TRUE);
  gtk_editable_set_text (GTK_EDITABLE (row), text ? text : "");
  set_index (row, index);
  g_signal_connect (row, "apply", G_CALLBACK (on_consent_apply), self);
  return row;
}

static void
invite_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  ClMeetingWindow *self = CL_MEETING_WINDOW (widget);
  int role = g_variant_get_int32 (parameter);
  g_autofree char *key = NULL;
  ClInvitee *inv;

  if (self->draft == NULL || role < 0 || role >= CL_N_ROLES)
    return;
  inv = cl_meeting_add_invitee (self->draft, role);
  if (role == CL_ROLE_STUDENT)
    inv->name = cl_student_dup_display_name (self->student);
  /* The new member opens, to choose who fills the role. */
  key = g_strdup_printf ("invitee-%u", self->draft->invitees->len - 1);
  g_hash_table_add (self->expanded, g_steal_pointer (&key));
  _cl_meeting_window_save (self);
}

static void
remove_invitee_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  ClMeetingWindow *self = CL_MEETING_WINDOW (widget);
  guint index = g_variant_get_uint32 (parameter);

  if (invitee_at (self, index) == NULL)
    return;
  g_array_remove_index (self->draft->invitees, index);
  g_hash_table_remove_all (self->expanded);
  _cl_meeting_window_save (self);
}

/* ---- rows ---- */

static GtkWidget *
staff_row (ClMeetingWindow *self,
           const ClInvitee *inv,
           guint            index)
{
  GtkWidget *row = adw_combo_row_new ();
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autoptr(GStrvBuilder) ids = g_strv_builder_new ();
  GPtrArray *staff = cl_caseload_get_staff (self->caseload);
  guint selected = 0, n = 1;

  gtk_string_list_append (names, _("Not chosen yet"));
  g_strv_builder_add (ids, "");
  for (guint i = 0; i < staff->len; i++)
    {
      const ClStaff *s = g_ptr_array_index (staff, i);

      if (!staff_fits (inv->role, s->role) && g_strcmp0 (s->id, inv->staff_id) != 0)
        continue;
      gtk_string_list_append (names, s->name ? s->name : s->id);
      g_strv_builder_add (ids, s->id);
      if (g_strcmp0 (s->id, inv->staff_id) == 0)
        selected = n;
      n++;
    }
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Who"));
  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (names));
  adw_combo_row_set_selected (ADW_COMBO_ROW (row), selected);
  g_object_set_data_full (G_OBJECT (row), "cl-staff-ids", g_strv_builder_end (ids), (GDestroyNotify) g_strfreev);
  set_index (row, index);
  g_signal_connect (row, "notify::selected", G_CALLBACK (on_staff_selected), self);
  return row;
}

static GtkWidget *
date_entry_row (ClMeetingWindow *self,
                const char      *title,
                ClDate           date,
                guint            index,
                gboolean         input)
{
  GtkWidget *row = adw_entry_row_new ();
  g_autofree char *text = cl_date_to_iso (date);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (row), TRUE);
  gtk_editable_set_text (GTK_EDITABLE (row), text ? text : "");
  set_index (row, index);
  if (input)
    g_object_set_data (G_OBJECT (row), "cl-input", GINT_TO_POINTER (1));
  g_signal_connect (row, "apply", G_CALLBACK (on_excusal_date_apply), self);
  return row;
}

static void
add_excusal_rows (ClMeetingWindow *self,
                  GtkWidget       *expander,
                  const ClInvitee *inv,
                  guint            index)
{
  AdwExpanderRow *parent = ADW_EXPANDER_ROW (expander);
  g_autoptr(GtkStringList) answers = gtk_string_list_new (NULL);
  const ClMeetingObligation *ob;
  ClDate completed = CL_DATE_NONE;
  ClExcusalState state = cl_meeting_prep_excusal_state (inv, self->draft->date, &completed);
  GtkWidget *question = adw_combo_row_new ();
  GtkWidget *status;
  g_autofree char *title = NULL;

  gtk_string_list_append (answers, _("Not answered yet"));
  gtk_string_list_append (answers, _("No, not discussed"));
  gtk_string_list_append (answers, _("Yes, it is discussed"));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (question), _("Is their area discussed at the meeting?"));
  adw_combo_row_set_model (ADW_COMBO_ROW (question), G_LIST_MODEL (answers));
  adw_combo_row_set_selected (ADW_COMBO_ROW (question),
                              inv->excusal.present ? (inv->excusal.area_discussed ? 2 : 1) : 0);
  set_index (question, index);
  g_signal_connect (question, "notify::selected", G_CALLBACK (on_discussed), self);
  adw_expander_row_add_row (parent, question);

  if (inv->excusal.present)
    {
      /* Not discussed: the parent and the district agree in writing. Discussed: the parent
       * consents in writing, and the member gives written input before the meeting. */
      adw_expander_row_add_row (parent, date_entry_row (self, inv->excusal.area_discussed
                                                                ? _("Parent’s written consent, dated (YYYY-MM-DD)")
                                                                : _("Parent and district agreed in writing on (YYYY-MM-DD)"),
                                                        inv->excusal.parent_written_consent, index, FALSE));
      if (inv->excusal.area_discussed)
        adw_expander_row_add_row (parent, date_entry_row (self, _("Their written input, given on (YYYY-MM-DD)"),
                                                          inv->excusal.written_input, index, TRUE));
    }

  if (state == CL_EXCUSAL_COMPLETE)
    {
      g_autofree char *on = cl_date_dup_long (completed);
      /* Translators: %s is the date the excusal was complete */
      title = g_strdup_printf (_("Excusal complete since %s"), on);
    }
  else
    title = g_strdup (_("Excusal not complete yet"));
  status = _cl_info_row_new (title, _(cl_excusal_state_explain (state)));
  adw_action_row_add_prefix (ADW_ACTION_ROW (status),
                             gtk_image_new_from_icon_name (state == CL_EXCUSAL_COMPLETE ? "emblem-ok-symbolic"
                                                                                        : "dialog-warning-symbolic"));
  adw_expander_row_add_row (parent, status);

  ob = _cl_meeting_window_find_obligation (self, CL_RULE_EXCUSAL_INCOMPLETE, inv->role);
  if (ob != NULL)
    adw_expander_row_add_row (parent, _cl_meeting_obligation_info_row (ob));
}

static GtkWidget *
remove_row (guint index)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *button = gtk_button_new_with_mnemonic (_("_Remove"));

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Not invited after all?"));
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "meeting.remove-invitee");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "u", index);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  return row;
}

static GtkWidget *
invitee_row (ClMeetingWindow *self,
             const ClInvitee *inv,
             guint            index)
{
  GtkWidget *row = adw_expander_row_new ();
  const ClProposedRole *p = proposed (self, inv->role);
  ClExcusalState state = cl_meeting_prep_excusal_state (inv, self->draft->date, NULL);
  gboolean excusable = _cl_role_needs_excusal (inv->role);
  g_autofree char *key = g_strdup_printf ("invitee-%u", index);
  g_autofree char *subtitle = NULL;
  GtkWidget *attending_row, *sw;
  const char *state_text;

  if (inv->attending)
    state_text = _("attending");
  else if (excusable)
    state_text = state == CL_EXCUSAL_COMPLETE ? _("not attending, excused in writing")
                                              : _("not attending, excusal not complete");
  else
    state_text = _("not attending");
  /* Translators: an invitee: who, then whether they attend, e.g. "Ana Lindqvist · attending" */
  subtitle = g_strdup_printf (_("%s · %s"), who (self, inv), state_text);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _cl_role_label (inv->role));
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), subtitle);
  if (!inv->attending && excusable)
    adw_expander_row_add_action (ADW_EXPANDER_ROW (row),
                                 state == CL_EXCUSAL_COMPLETE ? _cl_pill_new (_("Excused"), "met")
                                                              : _cl_pill_new (_("Excusal incomplete"), "overdue"));
  else if (p != NULL && p->required)
    adw_expander_row_add_action (ADW_EXPANDER_ROW (row), _cl_pill_new (_("Required"), "upcoming"));
  else if (inv->role == CL_ROLE_AGENCY_REPRESENTATIVE)
    adw_expander_row_add_action (ADW_EXPANDER_ROW (row),
                                 agency_consent (inv) != CL_DATE_NONE ? _cl_pill_new (_("Consent given"), "met")
                                                                       : _cl_pill_new (_("Consent needed"), "due_soon"));

  adw_expander_row_add_row (ADW_EXPANDER_ROW (row),
                            _cl_info_row_new (_("Why"), p ? _(p->reason) : _("Invited by the team.")));
  if (role_has_staff (inv->role))
    adw_expander_row_add_row (ADW_EXPANDER_ROW (row), staff_row (self, inv, index));
  else
    {
      GtkWidget *name = adw_entry_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (name), _("Name"));
      adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (name), TRUE);
      gtk_editable_set_text (GTK_EDITABLE (name), inv->name ? inv->name : "");
      set_index (name, index);
      g_signal_connect (name, "apply", G_CALLBACK (on_name_apply), self);
      adw_expander_row_add_row (ADW_EXPANDER_ROW (row), name);
    }

  attending_row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (attending_row), _("Attending"));
  sw = gtk_switch_new ();
  gtk_switch_set_active (GTK_SWITCH (sw), inv->attending);
  gtk_widget_set_valign (sw, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (sw), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Attending"), -1);
  set_index (sw, index);
  g_signal_connect (sw, "notify::active", G_CALLBACK (on_attending), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (attending_row), sw);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (attending_row), sw);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row), attending_row);
  if (inv->role == CL_ROLE_AGENCY_REPRESENTATIVE)
    adw_expander_row_add_row (ADW_EXPANDER_ROW (row), consent_row (inv, index, self));

  if (!inv->attending && excusable)
    add_excusal_rows (self, row, inv, index);
  else if (!inv->attending && inv->role == CL_ROLE_PARENT)
    adw_expander_row_add_row (ADW_EXPANDER_ROW (row),
                              _cl_info_row_new (_("Parent not attending"),
                                                _("Offer other ways to take part, such as a phone or video call, and log each attempt under Parent Participation.")));
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row), remove_row (index));
  _cl_meeting_window_track_expander (self, row, key);
  return row;
}

static GtkWidget *
invite_button (ClInviteeRole role)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (_("_Invite"));

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "meeting.invite");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "i", (gint32) role);
  return button;
}

void
_cl_meeting_team_build (ClMeetingWindow *self)
{
  /* First what the engine says is missing: a required role nobody was invited for. */
  for (guint i = 0; i < self->obligations->len; i++)
    {
      const ClMeetingObligation *ob = &g_array_index (self->obligations, ClMeetingObligation, i);
      g_autofree char *title = NULL;
      g_autofree char *key = NULL;
      GtkWidget *row, *button;

      if (!ob->this_meeting || !g_str_equal (ob->rule_id, CL_RULE_REQUIRED_MEMBER_MISSING) || ob->role < 0 ||
          invited (self, ob->role))
        continue;
      /* Translators: a required role nobody was invited for, e.g. "District representative: not invited" */
      title = g_strdup_printf (_("%s: not invited"), _cl_role_label (ob->role));
      row = _cl_meeting_obligation_row (ob, title, NULL);
      button = invite_button (ob->role);
      gtk_widget_add_css_class (button, "suggested-action");
      adw_expander_row_add_action (ADW_EXPANDER_ROW (row), button);
      key = g_strdup_printf ("missing-%d", ob->role);
      _cl_meeting_window_track_expander (self, row, key);
      _cl_meeting_window_add_row (self, self->team_group, row);
    }

  for (guint i = 0; i < self->draft->invitees->len; i++)
    _cl_meeting_window_add_row (self, self->team_group,
                                invitee_row (self, &g_array_index (self->draft->invitees, ClInvitee, i), i));

  /* Then what the handbook proposes for this student and nobody has been invited for yet. */
  for (guint i = 0; self->team && i < self->team->len; i++)
    {
      const ClProposedRole *p = &g_array_index (self->team, ClProposedRole, i);
      g_autofree char *title = NULL;
      GtkWidget *row;

      if (invited (self, p->role) || (p->required && _cl_meeting_window_find_obligation (self, CL_RULE_REQUIRED_MEMBER_MISSING, p->role)))
        continue;
      /* Translators: a member Caseload proposes to invite, e.g. "Proposed: Agency representative" */
      title = g_strdup_printf (_("Proposed: %s"), _cl_role_label (p->role));
      row = _cl_info_row_new (title, _(p->reason));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), invite_button (p->role));
      _cl_meeting_window_add_row (self, self->team_group, row);
    }
}

/* ---- parent participation ---- */

static void
log_attempt_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  ClMeetingWindow *self = CL_MEETING_WINDOW (widget);
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->attempt_date_row));
  const char *outcome = gtk_editable_get_text (GTK_EDITABLE (self->attempt_outcome_row));
  guint method = adw_combo_row_get_selected (self->attempt_method_row);
  g_autoptr(GError) error = NULL;
  ClDate date = CL_DATE_NONE;

  if (self->draft == NULL)
    return;
  if (!cl_date_parse_iso (text, &date))
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->attempt_date_row), "error");
      gtk_widget_grab_focus (GTK_WIDGET (self->attempt_date_row));
      cl_meeting_window_toast (self, *text ? _("Not a date: write it as YYYY-MM-DD, for example 2026-12-14.")
                                           : _("Enter the date of the attempt."));
      return;
    }
  gtk_widget_remove_css_class (GTK_WIDGET (self->attempt_date_row), "error");
  if (!cl_session_add_attendance_attempt (self->session, self->student_id, self->meeting_id, date,
                                          MIN (method, CL_N_CONTACT_METHODS - 1), outcome, &error))
    {
      g_autofree char *message = g_strdup_printf (_("Not saved: %s"), error->message);
      cl_meeting_window_toast (self, message);
      return;
    }
  gtk_editable_set_text (GTK_EDITABLE (self->attempt_outcome_row), "");
  cl_meeting_window_toast (self, _("Attempt logged"));
  _cl_meeting_window_queue_rebuild (self);
}

static void
delete_attempt_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  ClMeetingWindow *self = CL_MEETING_WINDOW (widget);
  g_autoptr(GError) error = NULL;

  if (!cl_session_delete_attendance_attempt (self->session, g_variant_get_int64 (parameter), &error))
    {
      g_autofree char *message = g_strdup_printf (_("Not saved: %s"), error->message);
      cl_meeting_window_toast (self, message);
      return;
    }
  cl_meeting_window_toast (self, _("Attempt removed from the record"));
  _cl_meeting_window_queue_rebuild (self);
}

void
_cl_meeting_parent_build (ClMeetingWindow *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) attempts = cl_session_list_attendance_attempts (self->session, self->student_id,
                                                                       self->meeting_id, &error);
  g_autoptr(GArray) plain = g_array_new (FALSE, FALSE, sizeof (ClContactAttempt));
  gboolean used[CL_N_CONTACT_METHODS] = { FALSE };
  guint methods = 0;
  g_autofree char *counts = NULL;
  const ClRule *rule = cl_meeting_prep_required_rule (self->packs, self->caseload, self->student);
  guint min_attempts, min_methods;
  gboolean enough;
  GtkWidget *status;

  if (attempts == NULL)
    {
      g_warning ("The attempts to reach the parent could not be read: %s", error->message);
      return;
    }
  for (guint i = 0; i < attempts->len; i++)
    {
      const ClAttendanceAttempt *a = g_ptr_array_index (attempts, i);
      ClContactAttempt c = { a->date, a->method };

      g_array_append_val (plain, c);
      if (!used[a->method])
        methods++;
      used[a->method] = TRUE;
    }
  /* HB 7.5 asks for a record of attempts without a number; the pack says how many, and by how
   * many different means (2 and 2 unless a district pack says otherwise). */
  min_attempts = (guint) MAX (1, rule ? cl_rule_get_int (rule, "parent_attempts", 2) : 2);
  min_methods = (guint) MAX (1, rule ? cl_rule_get_int (rule, "parent_attempt_methods", 2) : 2);
  enough = cl_meeting_prep_attempts_enough ((const ClContactAttempt *) plain->data, plain->len, self->draft->date,
                                            min_attempts, min_methods);
  counts = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "%u attempt logged, by %u means. Needed before meeting without the parent: %u attempts by %u different means, before the meeting date.",
                                         "%u attempts logged, by %u means. Needed before meeting without the parent: %u attempts by %u different means, before the meeting date.",
                                         attempts->len),
                            attempts->len, methods, min_attempts, min_methods);
  status = _cl_info_row_new (enough ? _("The record is enough to hold the meeting without the parent")
                                    : _("Not yet enough to hold the meeting without the parent"), counts);
  adw_action_row_add_suffix (ADW_ACTION_ROW (status), enough ? _cl_pill_new (_("Enough"), "met")
                                                             : _cl_pill_new (_("Keep trying"), "due_soon"));
  _cl_meeting_window_add_row (self, self->parent_group, status);

  for (guint i = 0; i < attempts->len; i++)
    {
      const ClAttendanceAttempt *a = g_ptr_array_index (attempts, i);
      g_autofree char *when = cl_date_dup_long (a->date);
      /* Translators: one attempt to reach the parent: how, then when */
      g_autofree char *title = g_strdup_printf (_("%s, %s"), _cl_contact_method_label (a->method), when);
      GtkWidget *row = _cl_info_row_new (title, a->outcome ? a->outcome : _("No outcome noted"));
      GtkWidget *button = gtk_button_new_from_icon_name ("user-trash-symbolic");

      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (button, "flat");
      gtk_widget_set_tooltip_text (button, _("Remove From the Record"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("Remove From the Record"), -1);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "meeting.delete-attempt");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "x", a->id);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
      _cl_meeting_window_add_row (self, self->parent_group, row);
    }

  /* A new attempt is most often logged the day it is made. */
  if (*gtk_editable_get_text (GTK_EDITABLE (self->attempt_date_row)) == '\0')
    {
      g_autofree char *today = cl_date_to_iso (self->today);
      gtk_editable_set_text (GTK_EDITABLE (self->attempt_date_row), today ? today : "");
    }
}

void
_cl_meeting_team_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "meeting.invite", "i", invite_action);
  gtk_widget_class_install_action (widget_class, "meeting.remove-invitee", "u", remove_invitee_action);
  gtk_widget_class_install_action (widget_class, "meeting.log-attempt", NULL, log_attempt_action);
  gtk_widget_class_install_action (widget_class, "meeting.delete-attempt", "x", delete_attempt_action);
}
