/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-student-page.c — one student's file: who they are, what is due and why, their family */
#define G_LOG_DOMAIN "cl-student-page"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "cl-discipline-section.h"
#include "cl-group-rows.h"
#include "cl-history-words.h"
#include "cl-meeting-labels.h"
#include "cl-obligation-done.h"
#include "cl-obligation.h"
#include "cl-student-editor.h"
#include "cl-student-page-private.h"

G_DEFINE_FINAL_TYPE (ClStudentPage, cl_student_page, ADW_TYPE_BIN)

static void
cl_student_page_dispose (GObject *object)
{
  ClStudentPage *self = CL_STUDENT_PAGE (object);

  _cl_student_page_forget_just_done (self);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_pointer (&self->shown_id, g_free);
  g_clear_object (&self->session);
  self->student = NULL;
  gtk_widget_dispose_template (GTK_WIDGET (self), CL_TYPE_STUDENT_PAGE);
  G_OBJECT_CLASS (cl_student_page_parent_class)->dispose (object);
}

static void
cl_student_page_class_init (ClStudentPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cl_student_page_dispose;

  g_type_ensure (CL_TYPE_DISCIPLINE_SECTION);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/caseload/Caseload/cl-student-page.ui");
  gtk_widget_class_bind_template_child (widget_class, ClStudentPage, name_label);
  gtk_widget_class_bind_template_child (widget_class, ClStudentPage, summary_label);
  gtk_widget_class_bind_template_child (widget_class, ClStudentPage, details_group);
  gtk_widget_class_bind_template_child (widget_class, ClStudentPage, sections_box);
  gtk_widget_class_bind_template_child (widget_class, ClStudentPage, conflicts_box);
  gtk_widget_class_bind_template_child (widget_class, ClStudentPage, due_group);
  gtk_widget_class_bind_template_child (widget_class, ClStudentPage, done_group);
  gtk_widget_class_bind_template_child (widget_class, ClStudentPage, family_group);
  gtk_widget_class_bind_template_child (widget_class, ClStudentPage, meetings_group);
  gtk_widget_class_bind_template_child (widget_class, ClStudentPage, timeline_group);
  gtk_widget_class_bind_template_child (widget_class, ClStudentPage, discipline_section);
  gtk_widget_class_bind_template_child (widget_class, ClStudentPage, history_group);
  _cl_student_page_class_actions_init (widget_class);
  _cl_student_page_class_plan_init (widget_class);
  _cl_student_page_class_discipline_init (widget_class);
  _cl_student_page_class_documents_init (widget_class);
  _cl_student_page_class_conflicts_init (widget_class);
  _cl_student_page_class_sections_init (widget_class);
  /* Escape leaves the file (the window's win.back), as it leaves a dialog. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "win.back", NULL);
}

/* The records the page borrowed are gone: nothing is acted on until a student is shown again. */
static void
on_session_reloaded (ClStudentPage *self)
{
  self->student = NULL;
  _cl_student_page_actions_update (self);
}

void
cl_student_page_set_session (ClStudentPage *self,
                             ClSession     *session)
{
  g_return_if_fail (CL_IS_STUDENT_PAGE (self));
  g_return_if_fail (self->session == NULL);

  self->session = g_object_ref (session);
  g_signal_connect_object (session, "reloaded", G_CALLBACK (on_session_reloaded), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (session, "notify::loading", G_CALLBACK (_cl_student_page_actions_update), self, G_CONNECT_SWAPPED);
  _cl_student_page_actions_update (self);
}

ClStudent *
cl_student_page_get_student (ClStudentPage *self)
{
  g_return_val_if_fail (CL_IS_STUDENT_PAGE (self), NULL);
  return self->student;
}

/* An icon button in a group's header: flat, with the tooltip a screen reader reads as its name. */
static GtkWidget *
header_button (const char *icon,
               const char *label,
               const char *action)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);

  gtk_widget_set_tooltip_text (button, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  return button;
}

static void
cl_student_page_init (ClStudentPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  _cl_student_page_sections_init (self);
  self->rows = _cl_group_rows_new ();
  self->add_button = header_button ("list-add-symbolic", _("Add Event…"), "student.add-event");
  gtk_widget_set_visible (self->add_button, FALSE);
  adw_preferences_group_set_header_suffix (self->timeline_group, self->add_button);

  self->details_buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_box_append (GTK_BOX (self->details_buttons),
                  header_button ("document-edit-symbolic", _("Edit Details…"), "student.edit-student"));
  gtk_box_append (GTK_BOX (self->details_buttons),
                  header_button ("user-trash-symbolic", _("Delete Student…"), "student.delete-student"));
  gtk_widget_set_visible (self->details_buttons, FALSE);
  adw_preferences_group_set_header_suffix (self->details_group, self->details_buttons);
  self->add_guardian_button = header_button ("list-add-symbolic", _("Add Family Member…"), "student.add-guardian");
  gtk_widget_set_visible (self->add_guardian_button, FALSE);
  adw_preferences_group_set_header_suffix (self->family_group, self->add_guardian_button);

  self->plan_button = gtk_button_new_with_mnemonic (_("_Plan a Meeting…"));
  gtk_widget_set_tooltip_text (self->plan_button, _("Plan a Meeting (Ctrl+M)"));
  gtk_widget_add_css_class (self->plan_button, "flat");
  gtk_widget_set_valign (self->plan_button, GTK_ALIGN_CENTER);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->plan_button), "student.plan-meeting");
  gtk_widget_set_visible (self->plan_button, FALSE);
  adw_preferences_group_set_header_suffix (self->meetings_group, self->plan_button);
}

void
cl_student_page_set_editable (ClStudentPage *self,
                              gboolean       editable)
{
  g_return_if_fail (CL_IS_STUDENT_PAGE (self));
  self->editable = editable;
  gtk_widget_set_visible (self->add_button, editable);
  gtk_widget_set_visible (self->details_buttons, editable);
  gtk_widget_set_visible (self->add_guardian_button, editable);
  gtk_widget_set_visible (self->plan_button, editable);
}


static void
add_row (ClStudentPage       *self,
         AdwPreferencesGroup *group,
         GtkWidget           *row)
{
  _cl_group_rows_add (self->rows, group, row);
}

static GtkWidget *
info_row (const char *title,
          const char *value)
{
  GtkWidget *row = adw_action_row_new ();

  /* Names, notes and citations are text, not Pango markup: an "&" must show as itself. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), value && *value ? value : "—");
  gtk_widget_add_css_class (row, "property");
  return row;
}

/* What an obligation's row says, kept as text until the row is built: the Done obligations are
 * built only when their group is opened, and each one's explanation only when it is opened. */
typedef struct {
  char              *title;
  char              *subtitle;
  const char        *status_class;  /* static: _cl_obligation_status_class () */
  GStrv              details;   /* (title, value) pairs: rule, citation, what started the count… */
} ObligationText;

static void
obligation_text_free (ObligationText *text)
{
  g_free (text->title);
  g_free (text->subtitle);
  g_strfreev (text->details);
  g_free (text);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ObligationText, obligation_text_free)

static ObligationText *
obligation_text_new (const ClObligation *ob)
{
  ObligationText *text = g_new0 (ObligationText, 1);
  g_autofree char *due = cl_date_dup_long (ob->due);
  g_autofree char *from_text = _cl_obligation_from_text (ob);
  g_autofree char *counted = _cl_counted_text (ob);
  g_autoptr(GStrvBuilder) details = g_strv_builder_new ();

  if (ob->met_on != CL_DATE_NONE)
    {
      g_autofree char *met = cl_date_dup_long (ob->met_on);
      /* Translators: an obligation's dates, e.g. "Due March 3, 2026 · done March 1, 2026" */
      text->subtitle = g_strdup_printf (_("Due %s · done %s"), due, met);
    }
  else
    /* Translators: an obligation's due date */
    text->subtitle = g_strdup_printf (_("Due %s"), due);
  if (ob->estimated)
    {
      g_autofree char *plain = g_steal_pointer (&text->subtitle);
      /* Translators: appended to a due date computed from a projected school calendar */
      text->subtitle = g_strdup_printf (_("%s (estimated)"), plain);
    }
  text->title = g_strdup (_(ob->rule->title));
  text->status_class = _cl_obligation_status_class (ob);

  g_strv_builder_add (details, _("Rule"));
  g_strv_builder_add (details, _(ob->rule->sentence));
  g_strv_builder_add (details, _("Citation"));
  g_strv_builder_add (details, ob->citation ? ob->citation : "");
  g_strv_builder_add (details, _("Counted From"));
  g_strv_builder_add (details, from_text);
  g_strv_builder_add (details, _("How It Was Counted"));
  g_strv_builder_add (details, counted);
  if (ob->note != NULL)
    {
      g_strv_builder_add (details, _("Also"));
      g_strv_builder_add (details, ob->note);
    }
  if (ob->estimated)
    {
      g_autofree char *estimate = cl_obligation_dup_estimate_note (ob);

      g_strv_builder_add (details, _("Estimated"));
      g_strv_builder_add (details, estimate);
    }
  text->details = g_strv_builder_end (details);
  return text;
}

/* The (title, value) rows an expander keeps as text until it is first opened. GTK measures the
 * hidden rows of a closed expander too: building every obligation's explanation up front made
 * opening a student several times slower. */
static void
on_pairs_expanded (AdwExpanderRow *row)
{
  g_auto(GStrv) pairs = NULL;

  if (!adw_expander_row_get_expanded (row))
    return;
  pairs = g_object_steal_data (G_OBJECT (row), "cl-pairs");
  for (guint i = 0; pairs != NULL && pairs[i] != NULL && pairs[i + 1] != NULL; i += 2)
    adw_expander_row_add_row (row, info_row (pairs[i], pairs[i + 1]));
}

/* Takes @pairs. */
static void
expand_lazily (GtkWidget *row,
               GStrv      pairs)
{
  g_object_set_data_full (G_OBJECT (row), "cl-pairs", pairs, (GDestroyNotify) g_strfreev);
  g_signal_connect (row, "notify::expanded", G_CALLBACK (on_pairs_expanded), NULL);
}

/* Takes @text's details. */
static GtkWidget *
obligation_row (ObligationText *text)
{
  GtkWidget *row = adw_expander_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), text->title);
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), text->subtitle);
  adw_expander_row_add_action (ADW_EXPANDER_ROW (row),
                               _cl_pill_new (_cl_status_class_label (text->status_class), text->status_class));
  _cl_describe_obligation_row (row, _cl_status_class_label (text->status_class), text->subtitle);
  expand_lazily (row, g_steal_pointer (&text->details));
  return row;
}

/* A closed row standing for @n rows, which are built the first time it is opened. */
static GtkWidget *
count_row (guint n)
{
  GtkWidget *row = adw_expander_row_new ();
  /* Translators: how many rows a closed list on the student page holds */
  g_autofree char *title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u item", "%u items", n), n);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  return row;
}

static void
on_done_expanded (AdwExpanderRow *row)
{
  g_autoptr(GPtrArray) texts = NULL;

  if (!adw_expander_row_get_expanded (row))
    return;
  texts = g_object_steal_data (G_OBJECT (row), "cl-done");
  for (guint i = 0; texts != NULL && i < texts->len; i++)
    adw_expander_row_add_row (row, obligation_row (g_ptr_array_index (texts, i)));
}

/* What a timeline row says happened, in words: "Annual review, transition plan". */
static char *
describe_event (const ClEvent *e)
{
  switch (e->type)
    {
    case CL_EVENT_IEP_MEETING:
      return g_strdup_printf ("%s%s%s", _cl_meeting_kind_label (e->kind),
                              e->transition_plan ? _(", transition plan") : "",
                              (e->kind == CL_MEETING_INITIAL || e->kind == CL_MEETING_TRIENNIAL) && !e->eligible
                                ? _(", not eligible") : "");
    case CL_EVENT_REMOVAL:
      /* Translators: a removal in the log, e.g. "Suspension · 2.5 school days" */
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s · %g school day", "%s · %g school days",
                                           e->school_days == 1 ? 1 : 2),
                              _cl_removal_kind_label (e->kind), e->school_days);
    case CL_EVENT_COMPLAINT:
      return g_strdup (cl_discipline_complaint_label (e->kind));
    case CL_EVENT_TRANSFER_IN:
      return g_strdup_printf (_("Transfer in (%s)%s"), _cl_transfer_from_label (e->from),
                              e->has_iep ? _(", with an IEP") : "");
    case CL_EVENT_EXIT:
      return e->reason ? g_strdup_printf (_("Exit: %s"), e->reason) : g_strdup (_("Exit"));
    default:
      return g_strdup (_cl_event_type_label (e->type));
    }
}

static GtkWidget *
row_button (const char *icon,
            const char *tooltip,
            const char *action,
            guint       order)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);
  gtk_widget_add_css_class (button, "flat");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "u", order);
  return button;
}

/* The newest events are shown; the older ones are one closed row, built when it is opened (a
 * file has some 25 events, and laying them all out was a third of opening a student). */
#define TIMELINE_SHOWN 5

typedef struct {
  char  *what;
  char  *when;
  guint  order;
} EventText;

static void
event_text_free (EventText *text)
{
  g_free (text->what);
  g_free (text->when);
  g_free (text);
}

static GtkWidget *
timeline_row (ClStudentPage   *self,
              const EventText *text)
{
  GtkWidget *row = info_row (text->what, text->when);

  if (self->editable)
    {
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 row_button ("document-edit-symbolic", _("Change…"), "student.edit-event", text->order));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 row_button ("user-trash-symbolic", _("Delete"), "student.delete-event", text->order));
    }
  return row;
}

static void
on_older_events_expanded (AdwExpanderRow *row,
                          GParamSpec     *pspec,
                          ClStudentPage  *self)
{
  g_autoptr(GPtrArray) texts = NULL;

  if (!adw_expander_row_get_expanded (row))
    return;
  texts = g_object_steal_data (G_OBJECT (row), "cl-events");
  for (guint i = 0; texts != NULL && i < texts->len; i++)
    adw_expander_row_add_row (row, timeline_row (self, g_ptr_array_index (texts, i)));
}

static void
show_timeline (ClStudentPage *self,
               ClStudent     *student)
{
  g_autoptr(GPtrArray) older = g_ptr_array_new_with_free_func ((GDestroyNotify) event_text_free);

  for (guint i = student->events->len; i > 0; i--)
    {
      const ClEvent *e = &g_array_index (student->events, ClEvent, i - 1);
      EventText *text = g_new0 (EventText, 1);

      text->what = describe_event (e);
      text->when = cl_date_dup_long (e->date);
      text->order = e->order;
      if (student->events->len - i < TIMELINE_SHOWN)
        {
          add_row (self, self->timeline_group, timeline_row (self, text));
          event_text_free (text);
        }
      else
        g_ptr_array_add (older, text);
    }
  if (older->len > 0)
    {
      GtkWidget *row = adw_expander_row_new ();
      /* Translators: the closed row under the newest events of a timeline, e.g. "and 20 more" */
      g_autofree char *title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "and %u more", "and %u more",
                                                             older->len), older->len);

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      g_object_set_data_full (G_OBJECT (row), "cl-events", g_steal_pointer (&older),
                              (GDestroyNotify) g_ptr_array_unref);
      g_signal_connect (row, "notify::expanded", G_CALLBACK (on_older_events_expanded), self);
      add_row (self, self->timeline_group, row);
      self->older_row = row;
    }
  gtk_widget_set_visible (GTK_WIDGET (self->timeline_group), student->events->len > 0 || self->editable);
}

/* Planned meetings, each with its open preparation items (notice, missing members, excusals). */
static void
show_meetings (ClStudentPage *self,
               ClStudent     *student,
               GPtrArray     *obligations)
{
  for (guint i = 0; i < student->meetings->len; i++)
    {
      const ClMeeting *m = g_ptr_array_index (student->meetings, i);
      g_autofree char *when = cl_date_dup_long (m->date);
      g_autofree char *time = _cl_format_minutes (m->start_minutes);
      g_autoptr(GString) who = g_string_new (NULL);
      g_autofree char *subtitle = NULL;
      ClObligationStatus worst = CL_STATUS_MET;
      guint open = 0;
      GtkWidget *row;

      for (guint j = 0; j < m->invitees->len; j++)
        {
          const ClInvitee *inv = &g_array_index (m->invitees, ClInvitee, j);

          if (who->len)
            g_string_append (who, ", ");
          g_string_append (who, _cl_role_label (inv->role));
          if (!inv->attending)
            g_string_append (who, _(" (not attending)"));
        }
      /* Translators: a planned meeting: date (and time), place and who is invited */
      subtitle = g_strdup_printf (_("%s%s%s · %s · invited: %s"), when, time ? ", " : "", time ? time : "",
                                  m->location ? m->location : _("no place yet"), who->len ? who->str : _("nobody yet"));
      row = info_row (_cl_meeting_kind_label (m->kind), subtitle);
      gtk_widget_remove_css_class (row, "property");
      for (guint j = 0; j < obligations->len; j++)
        {
          const ClObligation *ob = g_ptr_array_index (obligations, j);

          if (ob->meeting != m || ob->status == CL_STATUS_MET || ob->status == CL_STATUS_MET_LATE)
            continue;
          open++;
          if (worst == CL_STATUS_MET || ob->status == CL_STATUS_OVERDUE ||
              (ob->status == CL_STATUS_DUE_SOON && worst == CL_STATUS_UPCOMING))
            worst = ob->status;
        }
      if (open > 0)
        {
          g_autofree char *count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u to do", "%u to do", open), open);
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), _cl_pill_new (count, cl_status_names[worst]));
        }
      /* An editable file opens each meeting's preparation. */
      if (self->editable)
        {
          gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
          gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "win.open-meeting");
          gtk_actionable_set_action_target (GTK_ACTIONABLE (row), "s", m->id);
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
          gtk_widget_set_tooltip_text (row, _("Prepare this meeting"));
        }
      add_row (self, self->meetings_group, row);
    }
  adw_preferences_group_set_description (self->meetings_group,
                                         student->meetings->len == 0 ? _("No meeting is planned.") : NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->meetings_group), student->meetings->len > 0 || self->editable);
}

/* What a field of the audit trail is called on screen ("grade" -> "Grade"; a guardian's field
 * with the guardian's place in the family); unknown fields as they are stored. */
static char *
history_field (const ClAuditEntry *a)
{
  static const struct { const char *field; const char *label; } labels[] = {
    { "first_name", N_("First name") }, { "last_name", N_("Last name") }, { "birth_date", N_("Birth date") },
    { "school_id", N_("School") }, { "grade", N_("Grade") }, { "case_manager_id", N_("Case manager") },
    { "home_language", N_("Home language") }, { "english_learner", N_("English learner") },
    { "eligibility_primary", N_("Eligibility") }, { "eligibility_secondary", N_("Secondary eligibility") },
    { "conservatorship", N_("Conservatorship") }, { "part_c", N_("Part C") },
    { "emancipated_on", N_("Emancipated on") }, { "event", N_("Event") }, { "meeting", N_("Meeting") },
    { "guardian_name", N_("name") }, { "guardian_relationship", N_("relationship") },
    { "guardian_language", N_("language") }, { "guardian_phone", N_("phone") },
    { "guardian_email", N_("email") }, { "guardian_address", N_("address") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    if (g_str_equal (a->field, labels[i].field))
      {
        const char *slash = g_str_has_prefix (a->field, "guardian_") ? strrchr (a->row, '/') : NULL;

        if (slash != NULL)
          /* Translators: a guardian's field in the history, e.g. "Family member 2, phone" */
          return g_strdup_printf (_("Family member %s, %s"), slash + 1, _(labels[i].label));
        return g_strdup (_(labels[i].label));
      }
  return g_strdup (a->field);
}

static void
show_history (ClStudentPage *self,
              ClStudent     *student)
{
  g_autoptr(GPtrArray) trail = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GStrvBuilder) pairs = g_strv_builder_new ();

  trail = cl_session_list_history (self->session, student->id, &error);
  if (error != NULL)
    g_warning ("The history of %s could not be read: %s", student->id, error->message);
  for (guint i = 0; trail && i < trail->len; i++)
    {
      const ClAuditEntry *a = g_ptr_array_index (trail, i);
      g_autofree char *field = history_field (a);
      ClCaseload *caseload = cl_session_get_caseload (self->session);
      g_autofree char *old_value = _cl_history_value_text (caseload, a->field, a->old_value);
      g_autofree char *new_value = _cl_history_value_text (caseload, a->field, a->new_value);
      g_autofree char *title = NULL;
      g_autofree char *subtitle = NULL;

      if (g_str_equal (a->field, "*"))
        title = g_strdup_printf (_("%s: %s"), _cl_history_table_label (a->table), new_value ? new_value : _("deleted"));
      else if (old_value == NULL)
        title = g_strdup_printf (_("%s added: %s"), field, new_value);
      else if (new_value == NULL)
        title = g_strdup_printf (_("%s removed: %s"), field, old_value);
      else
        title = g_strdup_printf (_("%s: %s → %s"), field, old_value, new_value);
      /* Translators: when a change was made and by which user account */
      subtitle = g_strdup_printf (_("%s by %s"), a->at, a->os_user);
      g_strv_builder_add (pairs, title);
      g_strv_builder_add (pairs, subtitle);
    }
  /* Read on every selection (the group shows only when there is a history), built when opened. */
  if (trail != NULL && trail->len > 0)
    {
      GtkWidget *row = count_row (trail->len);

      expand_lazily (row, g_strv_builder_end (pairs));
      add_row (self, self->history_group, row);
      self->history_row = row;
    }
  gtk_widget_set_visible (GTK_WIDGET (self->history_group), trail != NULL && trail->len > 0);
}

/* The Student group's rows are made once and only their values change: their titles are then
 * not laid out again for each student. */
static void
set_detail (ClStudentPage *self,
            guint          detail,
            const char    *value)
{
  if (self->detail_rows[0] == NULL)
    {
      const char *titles[N_DETAILS] = {
        _("Student ID"), _("Born"), _("Grade"), _("School"), _("Case Manager"), _("Eligibility"),
        _("Home Language"), _("English Learner"), _("Rights and Age"),
      };

      for (guint i = 0; i < N_DETAILS; i++)
        {
          self->detail_rows[i] = info_row (titles[i], NULL);
          adw_preferences_group_add (self->details_group, self->detail_rows[i]);
        }
    }
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->detail_rows[detail]), value && *value ? value : "—");
}

/* What decides the age-related rules, shown only when it applies. */
static void
show_details_more (ClStudentPage *self,
                   ClStudent     *student)
{
  g_autoptr(GPtrArray) rights = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *joined = NULL;

  set_detail (self, DETAIL_ENGLISH_LEARNER, student->english_learner ? _("Yes") : _("No"));
  if (student->conservatorship)
    g_ptr_array_add (rights, g_strdup (_("Under conservatorship")));
  if (student->part_c)
    g_ptr_array_add (rights, g_strdup (_("Came from early intervention (Part C)")));
  if (student->emancipated_on != CL_DATE_NONE)
    {
      g_autofree char *date = cl_date_dup_long (student->emancipated_on);
      /* Translators: %s is a date */
      g_ptr_array_add (rights, g_strdup_printf (_("Emancipated on %s"), date));
    }
  gtk_widget_set_visible (self->detail_rows[DETAIL_RIGHTS], rights->len > 0);
  if (rights->len == 0)
    {
      set_detail (self, DETAIL_RIGHTS, NULL);
      return;
    }
  g_ptr_array_add (rights, NULL);
  joined = g_strjoinv (" · ", (char **) rights->pdata);
  set_detail (self, DETAIL_RIGHTS, joined);
}

static void
show_family (ClStudentPage *self,
             ClStudent     *student)
{
  for (guint i = 0; i < student->guardians->len; i++)
    {
      const ClGuardian *g = &g_array_index (student->guardians, ClGuardian, i);
      const char *language = g->language && *g->language ? _cl_language_label (g->language) : NULL;
      const char *parts[] = { g->relationship, g->phone, g->email, language };
      g_autoptr(GString) detail = g_string_new (NULL);
      GtkWidget *row;

      /* Only what is there: no " ·  · " runs for a guardian without a phone. */
      for (guint k = 0; k < G_N_ELEMENTS (parts); k++)
        if (parts[k] && *parts[k])
          g_string_append_printf (detail, "%s%s", detail->len ? " · " : "", parts[k]);
      if (g->address && *g->address)
        g_string_append_printf (detail, "%s%s", detail->len ? "\n" : "", g->address);
      row = info_row (g->name, detail->str);
      if (self->editable)
        {
          adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                     row_button ("document-edit-symbolic", _("Change…"), "student.edit-guardian", i));
          adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                     row_button ("user-trash-symbolic", _("Remove"), "student.delete-guardian", i));
        }
      add_row (self, self->family_group, row);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->family_group), student->guardians->len > 0 || self->editable);
}

static gboolean
is_open (GtkWidget *row)
{
  return row != NULL && adw_expander_row_get_expanded (ADW_EXPANDER_ROW (row));
}

/* The moment is over: the obligation done in place moves to Done. */
static gboolean
on_just_done_shown (gpointer data)
{
  ClStudentPage *self = data;

  self->just_done_source = 0;
  g_clear_pointer (&self->just_done, g_variant_unref);
  if (self->student != NULL)
    cl_student_page_show (self, self->student);
  return G_SOURCE_REMOVE;
}

/* An open obligation's row, with the action that completes it when the file can be changed. */
static GtkWidget *
open_obligation_row (ClStudentPage      *self,
                     const ClObligation *ob)
{
  g_autoptr(ObligationText) text = obligation_text_new (ob);
  GtkWidget *row = obligation_row (text);
  GtkWidget *button = self->editable ? cl_obligation_done_button_new (ob, "student.complete") : NULL;

  if (button != NULL)
    adw_expander_row_add_action (ADW_EXPANDER_ROW (row), button);
  return row;
}

/* The obligation just completed from its row, still among what is due with a check and its
 * status, so the eye sees what changed before it moves to Done. */
static GtkWidget *
just_done_row (ClStudentPage      *self,
               const ClObligation *ob)
{
  g_autoptr(ObligationText) text = obligation_text_new (ob);
  GtkWidget *row = obligation_row (text);

  adw_expander_row_add_prefix (ADW_EXPANDER_ROW (row), cl_obligation_done_mark_new (ob));
  if (self->just_done_source == 0)
    self->just_done_source = g_timeout_add (CL_OBLIGATION_DONE_SHOWN_MS, on_just_done_shown, self);
  return row;
}

static void
reopen (GtkWidget *row,
        gboolean   open)
{
  if (row != NULL && open)
    adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);
}

void
cl_student_page_show (ClStudentPage *self,
                      ClStudent     *student)
{
  GPtrArray *obligations = cl_session_get_student_obligations (self->session, student);
  ClDate today = cl_session_get_today (self->session);
  g_autofree char *name = NULL;
  g_autofree char *birth = NULL;
  g_autofree char *born = NULL;
  g_autofree char *eligibility = NULL;
  g_autofree char *summary = NULL;
  guint n_open = 0, n_overdue = 0, n_in_place = 0;
  gboolean same, open_older, open_done, open_history;
  g_autoptr(GPtrArray) done_texts = g_ptr_array_new_with_free_func ((GDestroyNotify) obligation_text_free);

  g_return_if_fail (CL_IS_STUDENT_PAGE (self));

  same = g_strcmp0 (self->shown_id, student->id) == 0;
  if (!same)
    _cl_student_page_forget_just_done (self);
  open_older = same && is_open (self->older_row);
  open_done = same && is_open (self->done_row);
  open_history = same && is_open (self->history_row);
  self->older_row = self->done_row = self->history_row = NULL;
  _cl_group_rows_clear (self->rows);
  g_free (self->shown_id);
  self->shown_id = g_strdup (student->id);

  name = cl_student_dup_display_name (student);
  gtk_label_set_label (self->name_label, name);
  _cl_student_page_show_conflicts (self, student);

  for (guint i = 0; i < obligations->len; i++)
    {
      const ClObligation *ob = g_ptr_array_index (obligations, i);
      gboolean done = ob->status == CL_STATUS_MET || ob->status == CL_STATUS_MET_LATE;

      if (done && self->just_done != NULL && cl_obligation_done_matches (ob, self->just_done))
        {
          add_row (self, self->due_group, just_done_row (self, ob));
          n_in_place++;
        }
      else if (done)
        g_ptr_array_add (done_texts, obligation_text_new (ob));
      else
        {
          add_row (self, self->due_group, open_obligation_row (self, ob));
          n_open++;
        }
      /* A prompt to follow up is nobody's missed deadline (rules.md §4 plan_decision_followup). */
      if (ob->status == CL_STATUS_OVERDUE && !ob->prompt)
        n_overdue++;
    }
  /* What is done is below the fold and rarely looked up: one closed row until it is opened. */
  if (done_texts->len > 0)
    {
      GtkWidget *row = count_row (done_texts->len);

      g_object_set_data_full (G_OBJECT (row), "cl-done", g_steal_pointer (&done_texts),
                              (GDestroyNotify) g_ptr_array_unref);
      g_signal_connect (row, "notify::expanded", G_CALLBACK (on_done_expanded), NULL);
      add_row (self, self->done_group, row);
      self->done_row = row;
    }
  if (n_overdue > 0)
    summary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u overdue, %u open in all",
                                            "%u overdue, %u open in all", n_overdue), n_overdue, n_open);
  else
    summary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u open obligation, none overdue",
                                            "%u open obligations, none overdue", n_open), n_open);
  gtk_label_set_label (self->summary_label, summary);

  birth = cl_date_dup_long (student->birth_date);
  /* Translators: birth date and age, e.g. "March 14, 2010 (age 16)" */
  born = g_strdup_printf (_("%s (age %d)"), birth, cl_date_age_on (student->birth_date, today));
  {
    g_autofree char *primary = cl_student_editor_describe_eligibility (student->eligibility_primary);
    g_autofree char *secondary = cl_student_editor_describe_eligibility (student->eligibility_secondary);

    /* Translators: primary and secondary eligibility */
    eligibility = secondary ? g_strdup_printf (_("%s; secondary %s"), primary ? primary : "—", secondary)
                            : g_steal_pointer (&primary);
  }
  set_detail (self, DETAIL_ID, student->id);
  set_detail (self, DETAIL_BORN, born);
  set_detail (self, DETAIL_GRADE, student->grade);
  set_detail (self, DETAIL_SCHOOL, student->school ? student->school->name : NULL);
  set_detail (self, DETAIL_CASE_MANAGER, student->case_manager ? student->case_manager->name : NULL);
  set_detail (self, DETAIL_ELIGIBILITY, eligibility);
  set_detail (self, DETAIL_LANGUAGE, student->home_language && *student->home_language
                                       ? _cl_language_label (student->home_language) : NULL);

  show_details_more (self, student);
  show_family (self, student);
  show_meetings (self, student, obligations);
  /* Removals, manifestation determinations, records requests and complaints: cl-discipline-section.c */
  cl_discipline_section_show (self->discipline_section, student, obligations, today, self->editable);
  show_timeline (self, student);
  show_history (self, student);
  self->student = student;
  _cl_student_page_actions_update (self);
  reopen (self->older_row, open_older);
  reopen (self->done_row, open_done);
  reopen (self->history_row, open_history);
  gtk_widget_set_visible (GTK_WIDGET (self->done_group), obligations->len > n_open + n_in_place);
  gtk_widget_set_visible (GTK_WIDGET (self->due_group), n_open + n_in_place > 0);
}
