/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-discipline-section.c — a student's discipline, records requests and complaints, with alerts
 *
 * The removal log per school year with the running total the 10-day rule counts, a banner for each
 * threshold the engine reports (its rule, citation and dates: this file never decides a date), the
 * manifestation determinations, records requests and complaints with their deadlines.
 */
#define G_LOG_DOMAIN "cl-discipline-section"

#include "config.h"

#include <glib/gi18n.h>

#include "cl-discipline.h"
#include "cl-discipline-section.h"
#include "cl-meeting-labels.h"
#include "cl-group-rows.h"
#include "cl-rule-ids.h"

struct _ClDisciplineSection
{
  AdwBin               parent_instance;

  GtkWidget           *removals_box;
  GtkWidget           *log_removal_button;
  GtkBox              *banners_box;
  AdwPreferencesGroup *years_group;
  AdwPreferencesGroup *mdr_group;
  GtkWidget           *mdr_button;
  AdwPreferencesGroup *records_group;
  GtkWidget           *records_button;
  AdwPreferencesGroup *complaints_group;
  GtkWidget           *complaints_button;

  GPtrArray           *rows;         /* (group, row) pairs added for the current student */
  GString             *banner_text;
  gboolean             editable;
};

G_DEFINE_FINAL_TYPE (ClDisciplineSection, cl_discipline_section, ADW_TYPE_BIN)

static void
cl_discipline_section_dispose (GObject *object)
{
  ClDisciplineSection *self = CL_DISCIPLINE_SECTION (object);

  g_clear_pointer (&self->rows, g_ptr_array_unref);
  if (self->banner_text != NULL)
    g_string_free (g_steal_pointer (&self->banner_text), TRUE);
  gtk_widget_dispose_template (GTK_WIDGET (self), CL_TYPE_DISCIPLINE_SECTION);
  G_OBJECT_CLASS (cl_discipline_section_parent_class)->dispose (object);
}

static void
cl_discipline_section_class_init (ClDisciplineSectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cl_discipline_section_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/caseload/Caseload/cl-discipline-section.ui");
  gtk_widget_class_bind_template_child (widget_class, ClDisciplineSection, removals_box);
  gtk_widget_class_bind_template_child (widget_class, ClDisciplineSection, log_removal_button);
  gtk_widget_class_bind_template_child (widget_class, ClDisciplineSection, banners_box);
  gtk_widget_class_bind_template_child (widget_class, ClDisciplineSection, years_group);
  gtk_widget_class_bind_template_child (widget_class, ClDisciplineSection, mdr_group);
  gtk_widget_class_bind_template_child (widget_class, ClDisciplineSection, mdr_button);
  gtk_widget_class_bind_template_child (widget_class, ClDisciplineSection, records_group);
  gtk_widget_class_bind_template_child (widget_class, ClDisciplineSection, records_button);
  gtk_widget_class_bind_template_child (widget_class, ClDisciplineSection, complaints_group);
  gtk_widget_class_bind_template_child (widget_class, ClDisciplineSection, complaints_button);
}

static void
cl_discipline_section_init (ClDisciplineSection *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->rows = _cl_group_rows_new ();
  self->banner_text = g_string_new (NULL);
}

/* ------------------------------------------------------------------------------------------- */
/* Small pieces                                                                                 */


const char *
cl_discipline_complaint_label (int kind)
{
  switch (kind)
    {
    case CL_COMPLAINT_UCP: return _("Uniform complaint (UCP)");
    case CL_COMPLAINT_STATE: return _("State complaint");
    case CL_COMPLAINT_DUE_PROCESS: return _("Due-process complaint");
    case CL_COMPLAINT_EXPEDITED_DUE_PROCESS: return _("Expedited due-process complaint");
    default: return _("Complaint");
    }
}

static const char *
special_label (int special)
{
  switch (special)
    {
    case CL_SPECIAL_WEAPON: return _("weapon");
    case CL_SPECIAL_DRUGS: return _("drugs");
    case CL_SPECIAL_SERIOUS_BODILY_INJURY: return _("serious bodily injury");
    default: return NULL;
    }
}

static gboolean
is_open (const ClObligation *ob)
{
  return ob->status == CL_STATUS_OVERDUE || ob->status == CL_STATUS_DUE_SOON || ob->status == CL_STATUS_UPCOMING;
}

static GtkWidget *
text_row (const char *title,
          const char *subtitle)
{
  GtkWidget *row = adw_action_row_new ();

  /* Descriptions and names are text, not Pango markup. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL && *subtitle)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  return row;
}

static GtkWidget *
icon_button (const char *icon,
             const char *tooltip,
             const char *action,
             GVariant   *target)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_widget_add_css_class (button, "flat");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button), target);
  return button;
}

static GtkWidget *
text_button (const char *label,
             const char *action,
             GVariant   *target)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (label);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button), target);
  return button;
}

static void
add_edit_buttons (ClDisciplineSection *self,
                  GtkWidget           *row,
                  const ClEvent       *e)
{
  if (!self->editable)
    return;
  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             icon_button ("document-edit-symbolic", _("Change…"), "student.edit-discipline",
                                          g_variant_new_uint32 (e->order)));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             icon_button ("user-trash-symbolic", _("Delete"), "student.delete-event",
                                          g_variant_new_uint32 (e->order)));
}

static const char *
extra_string (const ClEvent *e,
              const char    *member)
{
  const char *value = e->extra ? json_object_get_string_member_with_default (e->extra, member, NULL) : NULL;

  return value && *value ? value : NULL;
}

/* "the removal of November 9, 2026": what an obligation was counted from. */
static char *
describe_trigger (const ClObligation *ob)
{
  g_autofree char *date = cl_date_dup_long (ob->from);

  if (g_strcmp0 (ob->from_event, "removal") == 0)
    /* Translators: what a discipline deadline was counted from; %s is a date */
    return g_strdup_printf (_("the removal of %s"), date);
  if (g_strcmp0 (ob->from_event, "placement_change_decision") == 0)
    return g_strdup_printf (_("the decision of %s to change placement"), date);
  if (g_strcmp0 (ob->from_event, "iaes_placement") == 0)
    return g_strdup_printf (_("the placement of %s in an interim setting"), date);
  return _cl_obligation_from_text (ob);
}

/* How @ob was counted, and then @then. */
static char *
sentence_of (const ClObligation *ob,
             const char         *then)
{
  g_autofree char *counted = _cl_counted_text (ob);

  return g_strdup_printf ("%s. %s", counted, then);
}

/* ------------------------------------------------------------------------------------------- */
/* Banners                                                                                      */

static void
add_banner (ClDisciplineSection *self,
            gboolean             critical,
            const char          *title,
            const char          *body,
            const char          *citation,
            const char          *button_label,
            const char          *button_target)
{
  GtkWidget *banner = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *icon = gtk_image_new_from_icon_name (critical ? "dialog-error-symbolic" : "dialog-warning-symbolic");
  GtkWidget *text = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *label;

  gtk_widget_add_css_class (banner, "discipline-banner");
  gtk_widget_add_css_class (banner, critical ? "error" : "warning");
  gtk_widget_set_valign (icon, GTK_ALIGN_START);
  gtk_box_append (GTK_BOX (banner), icon);
  gtk_widget_set_hexpand (text, TRUE);
  gtk_box_append (GTK_BOX (banner), text);

  label = gtk_label_new (title);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "banner-title");
  gtk_box_append (GTK_BOX (text), label);
  label = gtk_label_new (body);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_box_append (GTK_BOX (text), label);
  label = gtk_label_new (citation);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "banner-citation");
  gtk_box_append (GTK_BOX (text), label);
  if (button_label != NULL && self->editable)
    {
      GtkWidget *button = text_button (button_label, "student.log-discipline", g_variant_new_string (button_target));

      gtk_widget_set_halign (button, GTK_ALIGN_START);
      gtk_widget_set_margin_top (button, 4);
      gtk_box_append (GTK_BOX (text), button);
    }
  gtk_box_append (self->banners_box, banner);
  g_string_append_printf (self->banner_text, "%s — %s — %s\n", title, body, citation);
}

static gboolean
same_school_year (ClStudent *student,
                  ClDate     a,
                  ClDate     b)
{
  return cl_discipline_year_of (student, a).session.first_day == cl_discipline_year_of (student, b).session.first_day;
}

/* One banner per threshold the engine reports as open, most serious first. */
static void
show_banners (ClDisciplineSection *self,
              ClStudent           *student,
              GPtrArray           *obligations,
              ClDate               today)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->banners_box))) != NULL)
    gtk_box_remove (self->banners_box, child);
  g_string_truncate (self->banner_text, 0);

  for (guint i = 0; i < obligations->len; i++)
    {
      const ClObligation *ob = g_ptr_array_index (obligations, i);
      const char *rule = ob->rule->id;
      g_autofree char *due = cl_date_dup_long (ob->due);
      g_autofree char *from = cl_date_dup_long (ob->from);
      g_autofree char *trigger = describe_trigger (ob);
      g_autofree char *title = NULL;
      g_autofree char *body = NULL;
      g_autofree char *citation = NULL;
      g_autofree char *counted = NULL;

      if (!is_open (ob))
        continue;
      if (g_str_equal (rule, CL_RULE_SUSPENSION_LIMIT_EXCEEDED))
        {
          /* A limit passed in an earlier school year is history, not an alert. */
          if (!same_school_year (student, ob->from, today))
            continue;
          /* Translators: a banner; %s is a date */
          title = g_strdup_printf (_("Suspension over the California limit (%s)"), from);
          body = sentence_of (ob, _(ob->rule->sentence));
          citation = g_strdup (ob->citation);
          add_banner (self, TRUE, title, body, citation, NULL, NULL);
        }
      else if (g_str_equal (rule, CL_RULE_REMOVAL_SERVICES_REQUIRED))
        {
          /* Translators: a banner; %s is a date */
          title = g_strdup_printf (_("More than 10 school days of removal: services required since %s"), due);
          body = sentence_of (ob, _(ob->rule->sentence));
          citation = g_strdup_printf (_("%s · counted from %s"), ob->citation, trigger);
          add_banner (self, ob->status == CL_STATUS_OVERDUE, title, body, citation,
                      _("Services _Started…"), "removal_services");
        }
      else if (g_str_equal (rule, CL_RULE_MANIFESTATION_DETERMINATION_DUE))
        {
          /* Translators: a banner; %s is a date */
          title = g_strdup_printf (_("Change of placement: manifestation determination due %s"), due);
          body = ob->note ? g_strdup_printf ("%s %s", _(ob->rule->sentence), _(ob->note))
                          : g_strdup (_(ob->rule->sentence));
          counted = _cl_counted_text (ob);
          citation = g_strdup_printf (_("%s · %s after %s"), ob->citation, counted, trigger);
          add_banner (self, ob->status == CL_STATUS_OVERDUE, title, body, citation,
                      _("Record the _Determination…"), "mdr");
        }
      else if (g_str_equal (rule, CL_RULE_IAES_ENDS))
        {
          /* Translators: a banner; %s is a date */
          title = g_strdup_printf (_("Interim alternative setting ends %s"), due);
          body = g_strdup_printf ("%s %s", _(ob->rule->sentence),
                                  _("The IEP team meets before then to decide where the student goes next."));
          counted = _cl_counted_text (ob);
          citation = g_strdup_printf (_("%s · %s after %s"), ob->citation, counted, trigger);
          add_banner (self, ob->status == CL_STATUS_OVERDUE, title, body, citation, NULL, NULL);
        }
    }
  gtk_widget_set_visible (GTK_WIDGET (self->banners_box), self->banner_text->len > 0);
}

/* ------------------------------------------------------------------------------------------- */
/* The removal log                                                                              */

static GtkWidget *
removal_row (ClDisciplineSection  *self,
             const ClRemovalEntry *entry)
{
  const ClEvent *e = entry->event;
  g_autofree char *date = cl_date_dup_long (e->date);
  g_autofree char *title = NULL;
  g_autoptr(GString) subtitle = g_string_new (date);
  const char *special = special_label (e->special);
  const char *description = extra_string (e, CL_REMOVAL_DESCRIPTION);
  GtkWidget *row;

  /* Translators: a removal in the log, e.g. "Suspension · 2.5 school days" */
  title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s · %g school day", "%s · %g school days",
                                        e->school_days == 1 ? 1 : 2),
                           _cl_removal_kind_label (e->kind), e->school_days);
  if (entry->counts)
    /* Translators: the running total of counted removal days after this removal */
    g_string_append_printf (subtitle, _(" · %g days counted so far"), entry->running_total);
  else
    g_string_append (subtitle, _(" · not counted"));
  if (special != NULL)
    g_string_append_printf (subtitle, " · %s", special);
  if (description != NULL)
    g_string_append_printf (subtitle, " · %s", description);
  row = text_row (title, subtitle->str);
  add_edit_buttons (self, row, e);
  return row;
}

static void
show_removals (ClDisciplineSection *self,
               ClStudent           *student,
               GPtrArray           *obligations,
               ClDate               today)
{
  g_autoptr(GArray) years = cl_discipline_removal_years (student);
  g_autoptr(GArray) log = cl_discipline_removal_log (student);
  ClDate this_year = cl_discipline_year_of (student, today).session.first_day;

  /* Newest school year first; inside a year, in date order, as the totals run. */
  for (guint i = years->len; i > 0; i--)
    {
      const ClRemovalYear *y = &g_array_index (years, ClRemovalYear, i - 1);
      g_autofree char *label = cl_school_year_dup_label (&y->session);
      /* Translators: %s is a school year such as 2026-27 */
      g_autofree char *title = g_strdup_printf (_("School year %s"), label);
      /* Translators: how many removals a school year has */
      g_autofree char *count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u removal", "%u removals", y->removals),
                                                y->removals);
      g_autofree char *subtitle = NULL;
      GtkWidget *row = adw_expander_row_new ();

      if (y->in_school_days > 0)
        /* Translators: removal totals of one school year; the last %s is "4 removals" */
        subtitle = g_strdup_printf (_("%g school days counted · %g in-school days not counted · %s"),
                                    y->counted_days, y->in_school_days, count);
      else
        subtitle = g_strdup_printf (_("%g school days counted · %s"), y->counted_days, count);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), subtitle);
      adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), y->session.first_day == this_year || i == years->len);
      /* The engine says when a year passed 10 days; red while the services are not recorded. */
      for (guint j = 0; j < obligations->len; j++)
        {
          const ClObligation *ob = g_ptr_array_index (obligations, j);
          GtkWidget *pill;

          if (!g_str_equal (ob->rule->id, CL_RULE_REMOVAL_SERVICES_REQUIRED) ||
              cl_discipline_year_of (student, ob->from).session.first_day != y->session.first_day)
            continue;
          pill = gtk_label_new (_("Over 10 days"));
          gtk_widget_add_css_class (pill, "status-pill");
          gtk_widget_add_css_class (pill, is_open (ob) ? "overdue" : "met_late");
          gtk_widget_set_valign (pill, GTK_ALIGN_CENTER);
          {
            g_autofree char *counted = _cl_counted_text (ob);
            gtk_widget_set_tooltip_text (pill, counted);
          }
          adw_expander_row_add_action (ADW_EXPANDER_ROW (row), pill);
          break;
        }
      for (guint j = 0; j < log->len; j++)
        {
          const ClRemovalEntry *entry = &g_array_index (log, ClRemovalEntry, j);

          if (entry->session.first_day == y->session.first_day)
            adw_expander_row_add_row (ADW_EXPANDER_ROW (row), removal_row (self, entry));
        }
      _cl_group_rows_add (self->rows, self->years_group, row);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->years_group), years->len > 0);
  gtk_widget_set_visible (self->removals_box, years->len > 0 || self->banner_text->len > 0 || self->editable);
}

/* ------------------------------------------------------------------------------------------- */
/* Manifestation determinations and interim settings                                            */

static const char *
answer_label (int answer)
{
  return answer == 1 ? _("yes") : answer == 0 ? _("no") : _("not answered");
}

static void
show_mdr (ClDisciplineSection *self,
          ClStudent           *student,
          GPtrArray           *obligations)
{
  guint n = 0;

  for (guint i = 0; i < obligations->len; i++)
    {
      const ClObligation *ob = g_ptr_array_index (obligations, i);
      g_autofree char *due = cl_date_dup_long (ob->due);
      g_autofree char *trigger = describe_trigger (ob);
      g_autofree char *title = NULL;
      g_autofree char *subtitle = NULL;
      GtkWidget *row;

      if (g_str_equal (ob->rule->id, CL_RULE_MANIFESTATION_DETERMINATION_DUE))
        {
          if (ob->met_on != CL_DATE_NONE)
            {
              g_autofree char *met = cl_date_dup_long (ob->met_on);
              /* Translators: a manifestation determination: when it was held and when it was due */
              title = g_strdup_printf (_("Determination held %s (due %s)"), met, due);
            }
          else
            title = g_strdup_printf (_("Determination due %s"), due);
        }
      else if (g_str_equal (ob->rule->id, CL_RULE_IAES_ENDS))
        title = ob->met_on != CL_DATE_NONE ? g_strdup_printf (_("Interim setting ended by the team (due %s)"), due)
                                           : g_strdup_printf (_("Interim setting ends %s"), due);
      else
        continue;
      /* Translators: what a deadline was counted from, and its citation */
      subtitle = g_strdup_printf (_("After %s · %s"), trigger, ob->citation);
      row = text_row (title, subtitle);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), _cl_status_pill_new (ob->status));
      _cl_group_rows_add (self->rows, self->mdr_group, row);
      n++;
    }

  for (guint i = 0; i < student->events->len; i++)
    {
      const ClEvent *e = &g_array_index (student->events, ClEvent, i);
      g_autofree char *date = NULL;
      g_autofree char *title = NULL;
      g_autofree char *subtitle = NULL;
      const char *outcome;
      int caused, failure;
      GtkWidget *row;

      if (e->type != CL_EVENT_IEP_MEETING || e->kind != CL_MEETING_MANIFESTATION)
        continue;
      date = cl_date_dup_long (e->date);
      switch (cl_discipline_mdr_read (e, &caused, &failure))
        {
        case CL_MDR_MANIFESTATION:
          outcome = _("a manifestation: return to placement unless special circumstances; FBA and BIP");
          break;
        case CL_MDR_NOT_MANIFESTATION:
          outcome = _("not a manifestation: discipline as for other students, services continue");
          break;
        case CL_MDR_UNDECIDED:
        case CL_N_MDR_OUTCOMES:
        default:
          outcome = _("no outcome recorded");
          break;
        }
      /* Translators: a manifestation determination meeting and its outcome */
      title = g_strdup_printf (_("Meeting of %s: %s"), date, outcome);
      /* Translators: the two answers of a manifestation determination */
      subtitle = g_strdup_printf (_("Caused by the disability: %s · failure to implement the IEP: %s"),
                                  answer_label (caused), answer_label (failure));
      row = text_row (title, subtitle);
      add_edit_buttons (self, row, e);
      _cl_group_rows_add (self->rows, self->mdr_group, row);
      n++;
    }
  adw_preferences_group_set_description (self->mdr_group,
                                         n == 0 ? _("A removal of more than 10 school days in a row, or a decision to "
                                                    "change placement, makes a determination due within 10 school days "
                                                    "(34 CFR 300.530(e)).")
                                                : NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->mdr_group), n > 0 || self->editable);
}

/* ------------------------------------------------------------------------------------------- */
/* Records requests and complaints                                                              */

static GVariant *
follow_up (const char    *type,
           const ClEvent *trigger)
{
  return g_variant_new ("(su)", type, trigger->order);
}

static void
show_records (ClDisciplineSection *self,
              ClStudent           *student,
              GPtrArray           *obligations)
{
  guint n = 0;

  for (guint i = 0; i < student->events->len; i++)
    {
      const ClEvent *e = &g_array_index (student->events, ClEvent, i);
      const ClObligation *ob;
      const char *who, *what;
      g_autofree char *received = NULL;
      g_autofree char *title = NULL;
      g_autoptr(GString) subtitle = NULL;
      GtkWidget *row;

      if (e->type != CL_EVENT_RECORDS_REQUEST)
        continue;
      ob = cl_discipline_find_obligation (obligations, student, e, CL_RULE_RECORDS_REQUEST_DUE);
      who = extra_string (e, "requested_by");
      what = extra_string (e, "records_requested");
      received = cl_date_dup_long (e->date);
      /* Translators: a records request in the list; %s is who asked */
      title = who ? g_strdup_printf (_("Requested by %s"), who) : g_strdup (_("Request for records"));
      /* Translators: when a records request was received */
      subtitle = g_string_new (NULL);
      g_string_append_printf (subtitle, _("Received %s"), received);
      if (ob != NULL)
        {
          g_autofree char *due = cl_date_dup_long (ob->due);

          g_autofree char *counted = _cl_counted_text (ob);

          g_string_append_printf (subtitle, _(" · due %s (%s, %s)"), due, counted, ob->citation);
          if (ob->met_on != CL_DATE_NONE)
            {
              g_autofree char *met = cl_date_dup_long (ob->met_on);
              g_string_append_printf (subtitle, _(" · provided %s"), met);
            }
        }
      if (what != NULL)
        g_string_append_printf (subtitle, " · %s", what);
      row = text_row (title, subtitle->str);
      if (ob != NULL)
        adw_action_row_add_suffix (ADW_ACTION_ROW (row), _cl_status_pill_new (ob->status));
      if (self->editable && ob != NULL && ob->met_on == CL_DATE_NONE)
        adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                   text_button (_("_Provided…"), "student.discipline-follow-up",
                                                follow_up ("records_provided", e)));
      add_edit_buttons (self, row, e);
      _cl_group_rows_add (self->rows, self->records_group, row);
      n++;
    }
  adw_preferences_group_set_description (self->records_group,
                                         n == 0 ? _("A parent may inspect or copy the student’s records; the due date "
                                                    "counts from the day the request is received.")
                                                : NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->records_group), n > 0 || self->editable);
}

/* The decision that met @ob: the complaint_resolved of its met_on date, for its outcome. */
static const ClEvent *
decision_of (ClStudent          *student,
             const ClObligation *ob,
             int                 kind)
{
  for (guint i = 0; ob->met_on != CL_DATE_NONE && i < student->events->len; i++)
    {
      const ClEvent *e = &g_array_index (student->events, ClEvent, i);

      if (e->type == CL_EVENT_COMPLAINT_RESOLVED && e->date == ob->met_on && (e->kind < 0 || e->kind == kind))
        return e;
    }
  return NULL;
}

/* How pressing an open status is, to show a complaint's most pressing deadline. */
static int
urgency (ClObligationStatus status)
{
  return status == CL_STATUS_OVERDUE ? 3 : status == CL_STATUS_DUE_SOON ? 2 : status == CL_STATUS_UPCOMING ? 1 : 0;
}

static void
show_complaints (ClDisciplineSection *self,
                 ClStudent           *student,
                 GPtrArray           *obligations)
{
  static const struct { const char *rule; const char *completion; } steps[] = {
    { CL_RULE_DUE_PROCESS_RESPONSE_DUE, "due_process_response" },
    { CL_RULE_RESOLUTION_SESSION_DUE, "resolution_session" },
    { CL_RULE_COMPLAINT_DECISION_DUE, "complaint_resolved" },
  };
  guint n = 0;

  for (guint i = 0; i < student->events->len; i++)
    {
      const ClEvent *e = &g_array_index (student->events, ClEvent, i);
      const char *who, *about, *outcome = NULL;
      g_autofree char *received = NULL;
      g_autofree char *title = NULL;
      g_autoptr(GString) subtitle = NULL;
      ClObligationStatus worst = CL_STATUS_MET;
      gboolean any = FALSE;
      GtkWidget *row;

      if (e->type != CL_EVENT_COMPLAINT)
        continue;
      who = extra_string (e, "complainant");
      about = extra_string (e, "subject");
      received = cl_date_dup_long (e->date);
      /* Translators: a complaint in the list: its kind, and who filed it */
      title = who ? g_strdup_printf (_("%s · filed by %s"), cl_discipline_complaint_label (e->kind), who)
                  : g_strdup (cl_discipline_complaint_label (e->kind));
      row = adw_expander_row_new ();
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);

      for (guint s = 0; s < G_N_ELEMENTS (steps); s++)
        {
          const ClObligation *ob = cl_discipline_find_obligation (obligations, student, e, steps[s].rule);
          g_autofree char *due = NULL;
          g_autofree char *step_subtitle = NULL;
          g_autofree char *counted = NULL;
          GtkWidget *step;

          if (ob == NULL)
            continue;
          due = cl_date_dup_long (ob->due);
          counted = _cl_counted_text (ob);
          if (ob->met_on != CL_DATE_NONE)
            {
              g_autofree char *met = cl_date_dup_long (ob->met_on);
              /* Translators: a complaint's deadline: due, done, how counted, citation */
              step_subtitle = g_strdup_printf (_("Due %s · done %s · %s · %s"), due, met, counted, ob->citation);
            }
          else
            step_subtitle = g_strdup_printf (_("Due %s · %s · %s"), due, counted, ob->citation);
          step = text_row (_(ob->rule->title), step_subtitle);
          adw_action_row_add_suffix (ADW_ACTION_ROW (step), _cl_status_pill_new (ob->status));
          if (self->editable && ob->met_on == CL_DATE_NONE)
            adw_action_row_add_suffix (ADW_ACTION_ROW (step),
                                       text_button (_("_Done…"), "student.discipline-follow-up",
                                                    follow_up (steps[s].completion, e)));
          adw_expander_row_add_row (ADW_EXPANDER_ROW (row), step);
          if (is_open (ob) && (!any || urgency (ob->status) > urgency (worst)))
            worst = ob->status;
          any = any || is_open (ob);
          if (g_str_equal (steps[s].rule, CL_RULE_COMPLAINT_DECISION_DUE))
            {
              const ClEvent *decision = decision_of (student, ob, e->kind);
              outcome = decision ? extra_string (decision, "outcome") : NULL;
            }
        }

      subtitle = g_string_new (NULL);
      /* Translators: when a complaint was received */
      g_string_append_printf (subtitle, _("Received %s"), received);
      if (about != NULL)
        g_string_append_printf (subtitle, " · %s", about);
      if (outcome != NULL)
        /* Translators: the outcome of a complaint's decision */
        g_string_append_printf (subtitle, _(" · outcome: %s"), outcome);
      adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), subtitle->str);
      /* Actions are prepended: the pill ends up before the buttons. */
      if (self->editable)
        {
          adw_expander_row_add_action (ADW_EXPANDER_ROW (row),
                                       icon_button ("user-trash-symbolic", _("Delete"), "student.delete-event",
                                                    g_variant_new_uint32 (e->order)));
          adw_expander_row_add_action (ADW_EXPANDER_ROW (row),
                                       icon_button ("document-edit-symbolic", _("Change…"), "student.edit-discipline",
                                                    g_variant_new_uint32 (e->order)));
        }
      adw_expander_row_add_action (ADW_EXPANDER_ROW (row), _cl_status_pill_new (any ? worst : CL_STATUS_MET));
      adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), any);
      _cl_group_rows_add (self->rows, self->complaints_group, row);
      n++;
    }
  gtk_widget_set_visible (GTK_WIDGET (self->complaints_group), n > 0 || self->editable);
}

void
cl_discipline_section_show (ClDisciplineSection *self,
                            ClStudent           *student,
                            GPtrArray           *obligations,
                            ClDate               today,
                            gboolean             editable)
{
  g_return_if_fail (CL_IS_DISCIPLINE_SECTION (self));

  _cl_group_rows_clear (self->rows);
  self->editable = editable;
  gtk_widget_set_visible (self->log_removal_button, editable);
  gtk_widget_set_visible (self->mdr_button, editable);
  gtk_widget_set_visible (self->records_button, editable);
  gtk_widget_set_visible (self->complaints_button, editable);

  show_banners (self, student, obligations, today);
  show_removals (self, student, obligations, today);
  show_mdr (self, student, obligations);
  show_records (self, student, obligations);
  show_complaints (self, student, obligations);
  gtk_widget_set_visible (GTK_WIDGET (self),
                          gtk_widget_get_visible (self->removals_box) ||
                          gtk_widget_get_visible (GTK_WIDGET (self->mdr_group)) ||
                          gtk_widget_get_visible (GTK_WIDGET (self->records_group)) ||
                          gtk_widget_get_visible (GTK_WIDGET (self->complaints_group)));
}

const char *
cl_discipline_section_get_banner_text (ClDisciplineSection *self)
{
  g_return_val_if_fail (CL_IS_DISCIPLINE_SECTION (self), "");
  return self->banner_text->str;
}
