/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-meeting-checklist.c — the agenda the student's age brings, and the live checklist of the
 * meeting room
 *
 * The agenda items are the engine's open transition_plan_due, age_of_majority_notice_due and
 * rights_transfer_notice_due obligations that fall within the year of the IEP written at this
 * meeting: the reason, date and citation are the engine's, never worked out here.
 *
 * A tick is saved the moment it is made (one transaction in checklist_state), so a crash or a
 * flat battery in the meeting room loses nothing.
 */
#define G_LOG_DOMAIN "cl-meeting-checklist"

#include "config.h"

#include <glib/gi18n.h>

#include "cl-meeting-window-private.h"
#include "cl-rule-ids.h"

typedef struct {
  const char         *rule_id;
  const char         *title;
  const char * const *items;
} AgendaKind;

static const char * const transition_items[] = {
  N_("Measurable postsecondary goal for training or education"),
  N_("Measurable postsecondary goal for employment"),
  N_("Measurable postsecondary goal for independent living skills, where appropriate"),
  N_("Transition services that help the student reach these goals"),
  N_("The course of study that leads to them"),
  N_("Agencies likely to provide or pay for services, invited with the parent’s or adult student’s consent"),
  NULL
};
static const char * const majority_items[] = {
  N_("A statement in the IEP that the student was told which rights transfer at 18"),
  NULL
};
static const char * const transfer_items[] = {
  N_("Notify the student and the parents that the rights transfer"),
  NULL
};

static const AgendaKind agenda_kinds[] = {
  { CL_RULE_TRANSITION_PLAN_DUE, N_("Transition plan"), transition_items },
  { CL_RULE_AGE_OF_MAJORITY_NOTICE_DUE, N_("Age-of-majority statement"), majority_items },
  { CL_RULE_RIGHTS_TRANSFER_NOTICE_DUE, N_("Transfer of rights at 18"), transfer_items },
};

static const AgendaKind *
agenda_kind (const char *rule_id)
{
  for (guint i = 0; i < G_N_ELEMENTS (agenda_kinds); i++)
    if (g_str_equal (agenda_kinds[i].rule_id, rule_id))
      return &agenda_kinds[i];
  return NULL;
}

GPtrArray *
_cl_meeting_agenda_items (ClMeetingWindow *self)
{
  GPtrArray *items = g_ptr_array_new ();
  /* The IEP written at this meeting is the one in effect for the year after it. */
  ClDate horizon = cl_date_add_years (self->draft->date, 1);

  for (guint k = 0; k < G_N_ELEMENTS (agenda_kinds); k++)
    for (guint i = 0; i < self->obligations->len; i++)
      {
        const ClMeetingObligation *ob = &g_array_index (self->obligations, ClMeetingObligation, i);

        if (g_str_equal (ob->rule_id, agenda_kinds[k].rule_id) && ob->met_on == CL_DATE_NONE && ob->due <= horizon)
          g_ptr_array_add (items, (gpointer) ob);
      }
  return items;
}

void
_cl_meeting_agenda_build (ClMeetingWindow *self)
{
  g_autoptr(GPtrArray) items = _cl_meeting_agenda_items (self);

  if (self->student->conservatorship)
    _cl_meeting_window_add_row (self, self->agenda_group,
                                _cl_info_row_new (_("Under conservatorship"),
                                                  _("Rights do not transfer to the student at 18, so the rule packs ask for no age-of-majority statement and no transfer notice.")));
  for (guint i = 0; i < items->len; i++)
    {
      const ClMeetingObligation *ob = g_ptr_array_index (items, i);
      const AgendaKind *kind = agenda_kind (ob->rule_id);
      g_autofree char *key = g_strdup_printf ("agenda-%s", ob->rule_id);
      GtkWidget *row;

      if (kind == NULL)
        continue;
      row = _cl_meeting_obligation_row (ob, _(kind->title), kind->items);

      _cl_meeting_window_track_expander (self, row, key);
      _cl_meeting_window_add_row (self, self->agenda_group, row);
    }
  if (items->len == 0 && !self->student->conservatorship)
    _cl_meeting_window_add_row (self, self->agenda_group,
                                _cl_info_row_new (_("Nothing by age at this meeting"),
                                                  _("No transition plan, age-of-majority statement or transfer of rights falls due within the year of this IEP.")));
}

/* ---- the live checklist ---- */

static void
update_progress (ClMeetingWindow *self)
{
  GPtrArray *checks = g_object_get_data (G_OBJECT (self->checklist_group), "cl-checks");
  guint done = 0;
  g_autofree char *text = NULL;

  for (guint i = 0; checks && i < checks->len; i++)
    if (gtk_check_button_get_active (g_ptr_array_index (checks, i)))
      done++;
  /* Translators: progress of the meeting checklist, e.g. "3 of 8 done" */
  text = g_strdup_printf (_("%u of %u done"), done, checks ? checks->len : 0);
  gtk_label_set_label (self->progress_label, text);
}

static void
on_toggled (GtkCheckButton  *check,
            ClMeetingWindow *self)
{
  const char *item = g_object_get_data (G_OBJECT (check), "cl-item");
  gboolean done = gtk_check_button_get_active (check);
  g_autoptr(GError) error = NULL;

  if (!cl_session_set_meeting_item (self->session, self->student_id, self->meeting_id, item, done, &error))
    {
      g_autofree char *message = g_strdup_printf (_("Not saved: %s"), error->message);

      /* The tick goes back: the screen never says done what the database does not. */
      g_signal_handlers_block_by_func (check, on_toggled, self);
      gtk_check_button_set_active (check, !done);
      g_signal_handlers_unblock_by_func (check, on_toggled, self);
      cl_meeting_window_toast (self, message);
    }
  update_progress (self);
}

static void
add_item (ClMeetingWindow *self,
          GHashTable      *ticks,
          GPtrArray       *checks,
          const char      *item,
          const char      *title,
          const char      *subtitle)
{
  GtkWidget *row = _cl_info_row_new (title, subtitle);
  GtkWidget *check = gtk_check_button_new ();

  if (subtitle == NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), "");
  gtk_widget_add_css_class (row, "checklist-row");
  gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), ticks && GPOINTER_TO_INT (g_hash_table_lookup (ticks, item)));
  gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  g_object_set_data_full (G_OBJECT (check), "cl-item", g_strdup (item), g_free);
  g_object_set_data_full (G_OBJECT (row), "cl-item", g_strdup (item), g_free);
  g_signal_connect (check, "toggled", G_CALLBACK (on_toggled), self);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
  g_ptr_array_add (checks, check);
  _cl_meeting_window_add_row (self, self->checklist_group, row);
}

static char *
team_summary (ClMeetingWindow *self,
              gboolean         attending)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < self->draft->invitees->len; i++)
    {
      const ClInvitee *inv = &g_array_index (self->draft->invitees, ClInvitee, i);
      ClStaff *staff = inv->staff_id ? cl_caseload_lookup_staff (self->caseload, inv->staff_id) : NULL;
      const char *name = staff ? staff->name : inv->name;

      if ((gboolean) inv->attending != attending)
        continue;
      if (text->len)
        g_string_append (text, "; ");
      g_string_append (text, _cl_role_label (inv->role));
      if (name && *name)
        g_string_append_printf (text, " (%s)", name);
      if (!attending)
        {
          ClExcusalState state = cl_meeting_prep_excusal_state (inv, self->draft->date, NULL);
          if (_cl_role_needs_excusal (inv->role))
            g_string_append_printf (text, ": %s", state == CL_EXCUSAL_COMPLETE ? _("excused in writing")
                                                                                 : _("excusal not complete"));
        }
    }
  return g_string_free (text, FALSE);
}

void
_cl_meeting_checklist_build (ClMeetingWindow *self)
{
  g_autoptr(GHashTable) ticks = cl_session_list_meeting_items (self->session, self->student_id, self->meeting_id, NULL);
  g_autoptr(GPtrArray) agenda = _cl_meeting_agenda_items (self);
  GPtrArray *checks = g_ptr_array_new ();
  g_autofree char *present = team_summary (self, TRUE);
  g_autofree char *absent = team_summary (self, FALSE);

  g_object_set_data_full (G_OBJECT (self->checklist_group), "cl-checks", checks, (GDestroyNotify) g_ptr_array_unref);
  add_item (self, ticks, checks, "attendance", _("Attendance taken"), present);
  if (*absent)
    add_item (self, ticks, checks, "excusals", _("Excusals confirmed"), absent);
  add_item (self, ticks, checks, "rights", _("Parent rights offered"),
            _("A copy of the procedural safeguards, explained in the parent’s language."));
  if (self->draft->interpreter)
    {
      /* Translators: %s is a language, e.g. "Interpreter present (Spanish)" */
      g_autofree char *title = g_strdup_printf (_("Interpreter present (%s)"), _cl_language_label (self->draft->interpreter));
      add_item (self, ticks, checks, "interpreter", title, NULL);
    }
  for (guint i = 0; i < agenda->len; i++)
    {
      const ClMeetingObligation *ob = g_ptr_array_index (agenda, i);
      const AgendaKind *kind = agenda_kind (ob->rule_id);
      g_autofree char *item = g_strconcat ("agenda:", ob->rule_id, NULL);
      g_autofree char *due = cl_date_dup_long (ob->due);
      /* Translators: an agenda item's reason: its due date, then the rule's sentence and citation */
      g_autofree char *why = g_strdup_printf (_("Due %s. %s (%s)"), due, _cl_translate (ob->sentence), ob->citation);

      if (kind == NULL)
        continue;
      add_item (self, ticks, checks, item, _(kind->title), why);
    }
  add_item (self, ticks, checks, "decisions", _("Decisions recorded"),
            _("Goals, services, placement, and the parent’s consent or disagreement."));
  add_item (self, ticks, checks, "next_dates", _("Next dates set"),
            _("The next annual review, and any reassessment or follow-up meeting."));
  update_progress (self);
}
