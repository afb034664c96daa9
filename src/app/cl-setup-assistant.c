/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-setup-assistant.c — your school, its calendar from iCalendar, your caseload from a CSV */
#define G_LOG_DOMAIN "cl-setup-assistant"

#include "config.h"

#include <glib/gi18n.h>

#include "cl-application.h"
#include "cl-date-picker.h"
#include "cl-rules-row.h"
#include "cl-ical-school-year.h"
#include "cl-roster-import.h"
#include "cl-store.h"
#include "cl-setup-assistant.h"

struct _ClSetupAssistant
{
  AdwWindow         parent_instance;

  GtkButton        *back_button;
  GtkStack         *stack;
  AdwEntryRow      *school_row;
  AdwComboRow      *rules_row;
  GtkButton        *school_next;
  GtkButton        *hand_button;
  GtkBox           *hand_box;
  AdwEntryRow      *first_row;
  AdwEntryRow      *last_row;
  GtkListBox       *closed_list;
  AdwEntryRow      *closed_label_row;
  AdwEntryRow      *closed_from_row;
  AdwEntryRow      *closed_to_row;
  GtkSwitch        *closed_holiday_switch;
  GtkLabel         *calendar_summary;
  GtkListBox       *calendar_list;
  GtkButton        *calendar_save;
  GtkLabel         *roster_summary;
  GtkListBox       *columns_list;
  GtkListBox       *roster_list;
  GtkButton        *roster_import;
  GtkButton        *finish_button;

  char             *database_path;
  ClStore          *store;
  char             *school_id;      /* once the school is known (found or to be created) */
  gboolean          school_is_new;
  ClIcalSchoolYear *year;
  ClCalendarYear   *hand_year;      /* entered by hand: its closed ranges (the session is read on save) */
  ClCsvTable       *table;
  ClRosterPlan     *plan;
  GStrv             pack_ids;       /* in the order of rules_row */
  GHashTable       *map;            /* squashed header -> ClRosterField, as the person set it */
  guint             replan_id;      /* the spreadsheet planned again after a column was changed */
  guint             refill_id;      /* the calendar rows, shown again after a correction */
};

G_DEFINE_FINAL_TYPE (ClSetupAssistant, cl_setup_assistant, ADW_TYPE_WINDOW)

enum { FINISHED, N_SIGNALS };
static guint signals[N_SIGNALS];

/* The verdicts a person can give an all-day event, in the order of the drop-down. */
static const ClIcalVerdict choices[] = {
  CL_ICAL_FIRST_DAY, CL_ICAL_LAST_DAY, CL_ICAL_BREAK, CL_ICAL_HOLIDAY, CL_ICAL_NOT_CLOSED,
};

static void
show_page (ClSetupAssistant *self,
           const char       *page)
{
  gtk_stack_set_visible_child_name (self->stack, page);
  gtk_widget_set_visible (GTK_WIDGET (self->back_button), !g_str_equal (page, "school"));
}

static void
clear_list (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

static void
show_message (ClSetupAssistant *self,
              const char       *heading,
              const char       *body)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, body);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static gboolean
ensure_store (ClSetupAssistant *self)
{
  g_autoptr(GError) error = NULL;

  if (self->store == NULL && (self->store = cl_store_open (self->database_path, TRUE, &error)) == NULL)
    show_message (self, _("The Database Cannot Be Opened"), error->message);
  return self->store != NULL;
}

/* ---- the school ---- */

static void
on_school_changed (ClSetupAssistant *self)
{
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->school_row))));

  gtk_widget_set_sensitive (GTK_WIDGET (self->school_next), *name != '\0');
}

static void
on_school_next (ClSetupAssistant *self)
{
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->school_row))));
  g_autoptr(GError) error = NULL;

  if (*name == '\0' || !ensure_store (self))
    return;
  g_clear_pointer (&self->school_id, g_free);
  /* A school the database has is used as it is; another name is a new school. */
  self->school_id = cl_store_find_school (self->store, name, &error);
  if (error != NULL)
    {
      show_message (self, _("Which School?"), error->message);
      return;
    }
  self->school_is_new = self->school_id == NULL;
  if (self->school_is_new)
    self->school_id = cl_make_id (name);
  if (self->pack_ids != NULL && self->pack_ids[0] != NULL &&
      !cl_store_set_jurisdiction (self->store, self->pack_ids[adw_combo_row_get_selected (self->rules_row)], &error))
    {
      show_message (self, _("The Rules Were Not Chosen"), error->message);
      return;
    }
  show_page (self, "calendar");
}

static void
fill_rules (ClSetupAssistant *self)
{
  g_autofree char *current = self->store ? cl_store_dup_jurisdiction (self->store) : NULL;

  g_clear_pointer (&self->pack_ids, g_strfreev);
  self->pack_ids = cl_rules_row_fill (self->rules_row, current);
}

/* ---- the calendar ---- */

static const char *
verdict_label (ClIcalVerdict verdict)
{
  switch (verdict)
    {
    case CL_ICAL_FIRST_DAY:
      return _("First day");
    case CL_ICAL_LAST_DAY:
      return _("Last day");
    case CL_ICAL_BREAK:
      return _("Break");
    case CL_ICAL_HOLIDAY:
      return _("Holiday");
    case CL_ICAL_TIMED:
      return _("Timed: not a closure");
    case CL_ICAL_NOT_CLOSED:
    case CL_N_ICAL_VERDICTS:
    default:
      return _("Not a closure");
    }
}

static char *
days_text (ClDate from,
           ClDate to)
{
  g_autofree char *a = cl_date_dup_long (from);
  g_autofree char *b = cl_date_dup_long (to);

  /* TRANSLATORS: the first and the last day of a school year, as long dates */
  return from == to ? g_steal_pointer (&a) : g_strdup_printf (_("%s to %s"), a, b);
}

static void fill_calendar (ClSetupAssistant *self);

static gboolean
refill_calendar (gpointer data)
{
  ClSetupAssistant *self = data;

  self->refill_id = 0;
  fill_calendar (self);
  return G_SOURCE_REMOVE;
}

static void
on_verdict_chosen (GtkDropDown      *drop_down,
                   GParamSpec       *pspec,
                   ClSetupAssistant *self)
{
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (drop_down), "entry"));
  guint chosen = gtk_drop_down_get_selected (drop_down);
  ClIcalEntry *e = &g_array_index (self->year->entries, ClIcalEntry, index);

  if (chosen >= G_N_ELEMENTS (choices) || e->verdict == choices[chosen])
    return;
  e->verdict = choices[chosen];
  /* Not from inside the drop-down's own notification: the rows it sits in are made anew. */
  if (self->refill_id == 0)
    self->refill_id = g_idle_add (refill_calendar, self);
}

static void
fill_calendar (ClSetupAssistant *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  gboolean ok = cl_ical_school_year_update (self->year, &error);

  for (guint i = 0; i < G_N_ELEMENTS (choices); i++)
    gtk_string_list_append (names, verdict_label (choices[i]));
  clear_list (self->calendar_list);
  for (guint i = 0; i < self->year->entries->len; i++)
    {
      const ClIcalEntry *e = &g_array_index (self->year->entries, ClIcalEntry, i);
      g_autofree char *days = days_text (e->from, e->to);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *suffix;

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), e->summary);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      if (e->outside)
        {
          g_autofree char *subtitle = g_strdup_printf (_("%s — outside the school year"), days);
          adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
        }
      else
        adw_action_row_set_subtitle (ADW_ACTION_ROW (row), days);
      if (e->verdict == CL_ICAL_TIMED)
        {
          suffix = gtk_label_new (verdict_label (e->verdict));
          gtk_widget_add_css_class (suffix, "dim-label");
        }
      else
        {
          suffix = gtk_drop_down_new (G_LIST_MODEL (g_object_ref (names)), NULL);
          for (guint k = 0; k < G_N_ELEMENTS (choices); k++)
            if (choices[k] == e->verdict)
              gtk_drop_down_set_selected (GTK_DROP_DOWN (suffix), k);
          gtk_widget_set_valign (suffix, GTK_ALIGN_CENTER);
          gtk_accessible_update_property (GTK_ACCESSIBLE (suffix), GTK_ACCESSIBLE_PROPERTY_LABEL, e->summary, -1);
          g_object_set_data (G_OBJECT (suffix), "entry", GUINT_TO_POINTER (i));
          g_signal_connect (suffix, "notify::selected", G_CALLBACK (on_verdict_chosen), self);
        }
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), suffix);
      gtk_list_box_append (self->calendar_list, row);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->calendar_list), TRUE);
  gtk_widget_set_visible (GTK_WIDGET (self->calendar_summary), TRUE);
  if (ok)
    {
      g_autofree char *label = cl_ical_school_year_dup_label (self->year);
      g_autofree char *days = days_text (self->year->first_day, self->year->last_day);
      g_autofree char *text = NULL;

      /* TRANSLATORS: the school year ("2026-27"), its days, how many closed ranges */
      text = g_strdup_printf (_("School year %s, %s: %u holidays and %u breaks close school."), label, days,
                              cl_ical_school_year_count (self->year, CL_ICAL_HOLIDAY),
                              cl_ical_school_year_count (self->year, CL_ICAL_BREAK));
      gtk_label_set_text (self->calendar_summary, text);
    }
  else
    gtk_label_set_text (self->calendar_summary, error->message);
  gtk_widget_set_sensitive (GTK_WIDGET (self->calendar_save), ok);
}

/* ---- the calendar by hand ---- */

static void
on_hand_changed (ClSetupAssistant *self)
{
  ClDate first, last;
  gboolean ok = cl_date_picker_get_date (self->first_row, &first) && cl_date_picker_get_date (self->last_row, &last) &&
                first <= last;

  gtk_widget_set_visible (GTK_WIDGET (self->calendar_summary), TRUE);
  gtk_label_set_text (self->calendar_summary, ok ? "" : _("Type or pick the first and the last day of school "
                                                         "(M/D/YYYY or YYYY-MM-DD), the first before the last."));
  gtk_widget_set_sensitive (GTK_WIDGET (self->calendar_save), ok);
}

static void
on_enter_by_hand (ClSetupAssistant *self)
{
  g_clear_pointer (&self->year, cl_ical_school_year_free);
  if (self->hand_year == NULL)
    self->hand_year = cl_calendar_year_new (NULL, CL_DATE_NONE, CL_DATE_NONE);
  gtk_widget_set_visible (GTK_WIDGET (self->calendar_list), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->hand_box), TRUE);
  gtk_widget_set_visible (GTK_WIDGET (self->hand_button), FALSE);
  on_hand_changed (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->first_row));
}

static void
fill_closed (ClSetupAssistant *self)
{
  clear_list (self->closed_list);
  for (guint i = 0; i < self->hand_year->closed->len; i++)
    {
      const ClClosedRange *r = &g_array_index (self->hand_year->closed, ClClosedRange, i);
      g_autofree char *days = days_text (r->from, r->to);
      g_autofree char *subtitle = g_strdup_printf ("%s — %s", days, verdict_label (r->holiday ? CL_ICAL_HOLIDAY : CL_ICAL_BREAK));
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), r->label);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      gtk_list_box_append (self->closed_list, row);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->closed_list), self->hand_year->closed->len > 0);
}

static void
on_add_closed (ClSetupAssistant *self)
{
  g_autofree char *label = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->closed_label_row))));
  const char *to_text = gtk_editable_get_text (GTK_EDITABLE (self->closed_to_row));
  ClDate from, to;

  if (!cl_date_picker_get_date (self->closed_from_row, &from) ||
      (*to_text != '\0' && !cl_date_picker_get_date (self->closed_to_row, &to)))
    {
      show_message (self, _("Not a Date"), _("Type or pick the days the school is closed (M/D/YYYY or YYYY-MM-DD)."));
      return;
    }
  if (*to_text == '\0')
    to = from;
  if (to < from || *label == '\0')
    {
      show_message (self, _("Closed Days Not Added"),
                    *label == '\0' ? _("Say what the school is closed for (“Winter Break”).")
                                   : _("The last closed day comes before the first."));
      return;
    }
  cl_calendar_year_add_closed (self->hand_year, from, to, label, gtk_switch_get_active (self->closed_holiday_switch));
  gtk_editable_set_text (GTK_EDITABLE (self->closed_label_row), "");
  gtk_editable_set_text (GTK_EDITABLE (self->closed_from_row), "");
  gtk_editable_set_text (GTK_EDITABLE (self->closed_to_row), "");
  gtk_switch_set_active (self->closed_holiday_switch, FALSE);
  fill_closed (self);
}

void
cl_setup_assistant_read_calendar (ClSetupAssistant *self,
                                  GFile            *file)
{
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  ClIcalSchoolYear *year;

  g_return_if_fail (CL_IS_SETUP_ASSISTANT (self));

  if (!g_file_load_contents (file, NULL, &text, NULL, NULL, &error) ||
      (year = cl_ical_school_year_parse (text, NULL, &error)) == NULL)
    {
      show_message (self, _("This Calendar Cannot Be Read"), error->message);
      return;
    }
  g_clear_pointer (&self->year, cl_ical_school_year_free);
  g_clear_pointer (&self->hand_year, cl_calendar_year_free);
  gtk_widget_set_visible (GTK_WIDGET (self->hand_box), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->hand_button), TRUE);
  self->year = year;
  fill_calendar (self);
}

static void
on_save_calendar (ClSetupAssistant *self)
{
  g_autofree char *id = NULL;
  g_autofree char *name = NULL;
  g_autoptr(ClCalendarYear) calendar = NULL;
  g_autoptr(GError) error = NULL;

  if ((self->year == NULL && self->hand_year == NULL) || self->school_id == NULL || !ensure_store (self))
    return;
  if (self->year != NULL)
    {
      id = g_strdup_printf ("%s-%d", self->school_id, cl_date_year (self->year->first_day));
      calendar = cl_ical_school_year_build (self->year, id);
    }
  else
    {
      ClDate first = CL_DATE_NONE, last = CL_DATE_NONE;

      if (!cl_date_picker_get_date (self->first_row, &first) || !cl_date_picker_get_date (self->last_row, &last))
        return;
      id = g_strdup_printf ("%s-%d", self->school_id, cl_date_year (first));
      calendar = cl_calendar_year_new (id, first, last);
      for (guint i = 0; i < self->hand_year->closed->len; i++)
        {
          const ClClosedRange *r = &g_array_index (self->hand_year->closed, ClClosedRange, i);
          cl_calendar_year_add_closed (calendar, r->from, r->to, r->label, r->holiday);
        }
    }
  name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->school_row))));
  if (!cl_store_set_school_year (self->store, self->school_id, self->school_is_new ? name : NULL, calendar, NULL, &error))
    {
      show_message (self, _("The Calendar Was Not Saved"), error->message);
      return;
    }
  self->school_is_new = FALSE;
  show_page (self, "caseload");
}

/* ---- the caseload ---- */

static void
add_line (GtkListBox *list,
          const char *title,
          const char *subtitle)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
  gtk_list_box_append (list, row);
}

/* What a person reads in the column drop-downs: "Not read", then each field; index = field + 1. */
static const char *
field_label (ClRosterField field)
{
  static const char * const labels[CL_N_ROSTER_FIELDS] = {
    N_("Student id"), N_("Statewide id (SSID)"), N_("First name"), N_("Last name"),
    N_("Student name (Last, First)"), N_("Birth date"), N_("Grade"), N_("School"), N_("Case manager"),
    N_("Home language"), N_("English learner"), N_("Disability"), N_("Initial IEP meeting"),
    N_("Last annual IEP meeting"), N_("Last triennial IEP meeting"), N_("Next annual IEP due (compared)"),
    N_("Next triennial due (compared)"),
  };

  return field == CL_ROSTER_IGNORE ? _("Not read") : _(labels[field]);
}

static GSettings *
settings (void)
{
  GApplication *app = g_application_get_default ();

  return CL_IS_APPLICATION (app) ? cl_application_get_settings (CL_APPLICATION (app)) : NULL;
}

/* The key a set of headers is remembered by: each header squashed, in order. */
static char *
header_set_key (const ClCsvTable *table)
{
  GString *key = g_string_new (NULL);

  for (guint i = 0; i < table->n_columns; i++)
    {
      g_autofree char *squashed = cl_roster_squash_header (table->header[i]);
      g_string_append_printf (key, "%s%s", i ? "|" : "", squashed);
    }
  return g_string_free (key, FALSE);
}

static ClRosterField
column_field (ClSetupAssistant *self,
              guint             column)
{
  g_autofree char *key = cl_roster_squash_header (self->table->header[column]);
  gpointer value;

  if (self->map != NULL && g_hash_table_lookup_extended (self->map, key, NULL, &value))
    return (ClRosterField) GPOINTER_TO_INT (value);
  return cl_roster_guess_field (self->table->header[column]);
}

static void plan_roster (ClSetupAssistant *self);

static gboolean
replan (gpointer data)
{
  ClSetupAssistant *self = data;

  self->replan_id = 0;
  plan_roster (self);
  return G_SOURCE_REMOVE;
}

static void
on_column_chosen (AdwComboRow      *row,
                  GParamSpec       *pspec,
                  ClSetupAssistant *self)
{
  guint column = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "column"));
  ClRosterField field = (ClRosterField) ((int) adw_combo_row_get_selected (row) - 1);
  g_autofree char *key = cl_roster_squash_header (self->table->header[column]);

  if (field == column_field (self, column))
    return;
  if (self->map == NULL)
    self->map = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_hash_table_insert (self->map, g_steal_pointer (&key), GINT_TO_POINTER (field));
  /* Not from inside the row's own notification: the rows are made anew. */
  if (self->replan_id == 0)
    self->replan_id = g_idle_add (replan, self);
}

static void
fill_columns (ClSetupAssistant *self)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);

  for (int f = CL_ROSTER_IGNORE; f < CL_N_ROSTER_FIELDS; f++)
    gtk_string_list_append (names, field_label ((ClRosterField) f));
  clear_list (self->columns_list);
  for (guint i = 0; i < self->table->n_columns; i++)
    {
      GtkWidget *row = adw_combo_row_new ();

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), self->table->header[i]);
      adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (g_object_ref (names)));
      adw_combo_row_set_selected (ADW_COMBO_ROW (row), (guint) (column_field (self, i) + 1));
      g_object_set_data (G_OBJECT (row), "column", GUINT_TO_POINTER (i));
      g_signal_connect (row, "notify::selected", G_CALLBACK (on_column_chosen), self);
      gtk_list_box_append (self->columns_list, row);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->columns_list), TRUE);
}

/* The spreadsheet planned on the database as it is, with the columns as they are set now. */
static void
plan_roster (ClSetupAssistant *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ClRulePackSet) packs = NULL;
  g_autoptr(ClDeadlineEngine) engine = NULL;
  g_autofree char *user_rules = NULL;
  ClCaseload *caseload;

  g_clear_pointer (&self->plan, cl_roster_plan_free);
  gtk_widget_set_sensitive (GTK_WIDGET (self->roster_import), FALSE);
  if ((caseload = cl_store_load_caseload (self->store, &error)) == NULL)
    {
      show_message (self, _("This Spreadsheet Cannot Be Read"), error->message);
      return;
    }
  self->plan = cl_roster_plan_new (self->table, self->map, caseload);
  fill_columns (self);
  clear_list (self->roster_list);
  gtk_widget_set_visible (GTK_WIDGET (self->roster_summary), TRUE);
  gtk_widget_set_visible (GTK_WIDGET (self->roster_list), TRUE);
  if (self->plan->problems->len > 0)
    {
      g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                            "%u problem: nothing can be imported until it is "
                                                            "mended in the spreadsheet.",
                                                            "%u problems: nothing can be imported until they are "
                                                            "mended in the spreadsheet.", self->plan->problems->len),
                                               self->plan->problems->len);
      gtk_label_set_text (self->roster_summary, text);
      for (guint i = 0; i < self->plan->problems->len; i++)
        add_line (self->roster_list, g_ptr_array_index (self->plan->problems, i), NULL);
      return;
    }
  packs = cl_rule_pack_set_new_builtin (&error);
  user_rules = g_build_filename (g_get_user_data_dir (), "caseload", "rules", NULL);
  if (packs != NULL && cl_rule_pack_set_add_dir (packs, user_rules, &error))
    engine = cl_deadline_engine_new (packs);
  if (engine == NULL || !cl_roster_plan_compare (self->plan, self->table, engine, cl_date_today (), &error))
    {
      show_message (self, _("This Spreadsheet Cannot Be Read"), error->message);
      return;
    }
  {
    g_autofree char *summary = cl_roster_plan_dup_summary (self->plan, self->table, TRUE);
    gtk_label_set_text (self->roster_summary, g_strstrip (summary));
  }
  for (guint i = 0; i < self->plan->disagreements->len; i++)
    {
      g_autofree char *line = cl_roster_disagreement_dup_text (g_ptr_array_index (self->plan->disagreements, i));
      add_line (self->roster_list, _("The file’s due date differs"), line);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->roster_list), self->plan->disagreements->len > 0);
  gtk_widget_set_sensitive (GTK_WIDGET (self->roster_import), TRUE);
}

void
cl_setup_assistant_read_roster (ClSetupAssistant *self,
                                GFile            *file)
{
  g_autofree char *data = NULL;
  g_autofree char *key = NULL;
  g_autofree char *remembered = NULL;
  g_autoptr(GError) error = NULL;
  GSettings *s = settings ();
  gsize length = 0;

  g_return_if_fail (CL_IS_SETUP_ASSISTANT (self));

  g_clear_pointer (&self->plan, cl_roster_plan_free);
  g_clear_pointer (&self->table, cl_csv_table_free);
  g_clear_pointer (&self->map, g_hash_table_unref);
  gtk_widget_set_sensitive (GTK_WIDGET (self->roster_import), FALSE);
  if (!ensure_store (self))
    return;
  if (!g_file_load_contents (file, NULL, &data, &length, NULL, &error) ||
      (self->table = cl_csv_table_parse (data, length, &error)) == NULL)
    {
      show_message (self, _("This Spreadsheet Cannot Be Read"), error->message);
      return;
    }
  /* The same export as before is read the way it was set then. */
  key = header_set_key (self->table);
  if (s != NULL)
    {
      g_autoptr(GVariant) maps = g_settings_get_value (s, "column-maps");
      if (g_variant_lookup (maps, key, "s", &remembered))
        self->map = cl_roster_map_parse (remembered, -1, NULL);
    }
  plan_roster (self);
}

/* The columns as they were set, for the next file with the same headers. */
static void
remember_columns (ClSetupAssistant *self)
{
  GSettings *s = settings ();
  g_autoptr(GVariant) maps = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *json = NULL, *key = NULL;
  GVariantBuilder out;
  GVariantIter iter;
  const char *k, *v;

  if (s == NULL || self->map == NULL)
    return;
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "columns");
  json_builder_begin_object (builder);
  for (guint i = 0; i < self->table->n_columns; i++)
    {
      ClRosterField field = column_field (self, i);
      json_builder_set_member_name (builder, self->table->header[i]);
      json_builder_add_string_value (builder, field == CL_ROSTER_IGNORE ? "ignore" : cl_roster_field_names[field]);
    }
  json_builder_end_object (builder);
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json = json_generator_to_data (generator, NULL);
  key = header_set_key (self->table);

  maps = g_settings_get_value (s, "column-maps");
  g_variant_builder_init (&out, G_VARIANT_TYPE ("a{ss}"));
  g_variant_iter_init (&iter, maps);
  while (g_variant_iter_next (&iter, "{&s&s}", &k, &v))
    if (!g_str_equal (k, key))
      g_variant_builder_add (&out, "{ss}", k, v);
  g_variant_builder_add (&out, "{ss}", key, json);
  g_settings_set_value (s, "column-maps", g_variant_builder_end (&out));
}

static void
on_import_roster (ClSetupAssistant *self)
{
  g_autoptr(GError) error = NULL;

  if (self->plan == NULL || !ensure_store (self))
    return;
  if (!cl_store_apply_roster (self->store, self->plan, &error))
    {
      show_message (self, _("The Students Were Not Imported"), error->message);
      return;
    }
  remember_columns (self);
  g_signal_emit (self, signals[FINISHED], 0);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
on_finish (ClSetupAssistant *self)
{
  g_signal_emit (self, signals[FINISHED], 0);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
on_back (ClSetupAssistant *self)
{
  const char *page = gtk_stack_get_visible_child_name (self->stack);

  show_page (self, g_strcmp0 (page, "caseload") == 0 ? "calendar" : "school");
}

/* ---- file choosers ---- */

typedef void (*ReadFunc) (ClSetupAssistant *self,
                          GFile            *file);

static void
on_chooser_response (GtkNativeDialog  *chooser,
                     int               response,
                     ClSetupAssistant *self)
{
  ReadFunc read = g_object_get_data (G_OBJECT (chooser), "read-func");

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      read (self, file);
    }
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

static void
choose (ClSetupAssistant *self,
        const char       *title,
        const char       *filter_name,
        const char       *pattern,
        ReadFunc          read)
{
  GtkFileChooserNative *chooser = gtk_file_chooser_native_new (title, GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_OPEN,
                                                               _("_Open"), _("_Cancel"));
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, filter_name);
  gtk_file_filter_add_pattern (filter, pattern);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_object_set_data (G_OBJECT (chooser), "read-func", read);
  g_signal_connect (chooser, "response", G_CALLBACK (on_chooser_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
on_choose_calendar (ClSetupAssistant *self)
{
  choose (self, _("Choose the School Calendar"), _("iCalendar files"), "*.ics", cl_setup_assistant_read_calendar);
}

static void
on_choose_roster (ClSetupAssistant *self)
{
  choose (self, _("Choose the Student List"), _("CSV spreadsheets"), "*.csv", cl_setup_assistant_read_roster);
}

/* ---- the object ---- */

static void
cl_setup_assistant_dispose (GObject *object)
{
  ClSetupAssistant *self = CL_SETUP_ASSISTANT (object);

  g_clear_handle_id (&self->refill_id, g_source_remove);
  g_clear_handle_id (&self->replan_id, g_source_remove);
  g_clear_pointer (&self->map, g_hash_table_unref);
  g_clear_pointer (&self->plan, cl_roster_plan_free);
  g_clear_pointer (&self->table, cl_csv_table_free);
  g_clear_pointer (&self->year, cl_ical_school_year_free);
  g_clear_pointer (&self->hand_year, cl_calendar_year_free);
  g_clear_object (&self->store);
  g_clear_pointer (&self->pack_ids, g_strfreev);
  gtk_widget_dispose_template (GTK_WIDGET (self), CL_TYPE_SETUP_ASSISTANT);
  G_OBJECT_CLASS (cl_setup_assistant_parent_class)->dispose (object);
}

static void
cl_setup_assistant_finalize (GObject *object)
{
  ClSetupAssistant *self = CL_SETUP_ASSISTANT (object);

  g_free (self->database_path);
  g_free (self->school_id);
  G_OBJECT_CLASS (cl_setup_assistant_parent_class)->finalize (object);
}

static void
cl_setup_assistant_class_init (ClSetupAssistantClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cl_setup_assistant_dispose;
  object_class->finalize = cl_setup_assistant_finalize;

  /* The database has what the assistant saved: read it again. */
  signals[FINISHED] = g_signal_new ("finished", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                                    NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/caseload/Caseload/cl-setup-assistant.ui");
  gtk_widget_class_bind_template_child (widget_class, ClSetupAssistant, back_button);
  gtk_widget_class_bind_template_child (widget_class, ClSetupAssistant, stack);
  gtk_widget_class_bind_template_child (widget_class, ClSetupAssistant, school_row);
  gtk_widget_class_bind_template_child (widget_class, ClSetupAssistant, school_next);
  gtk_widget_class_bind_template_child (widget_class, ClSetupAssistant, rules_row);
  gtk_widget_class_bind_template_child (widget_class, ClSetupAssistant, hand_button);
  gtk_widget_class_bind_template_child (widget_class, ClSetupAssistant, hand_box);
  gtk_widget_class_bind_template_child (widget_class, ClSetupAssistant, first_row);
  gtk_widget_class_bind_template_child (widget_class, ClSetupAssistant, last_row);
  gtk_widget_class_bind_template_child (widget_class, ClSetupAssistant, closed_list);
  gtk_widget_class_bind_template_child (widget_class, ClSetupAssistant, closed_label_row);
  gtk_widget_class_bind_template_child (widget_class, ClSetupAssistant, closed_from_row);
  gtk_widget_class_bind_template_child (widget_class, ClSetupAssistant, closed_to_row);
  gtk_widget_class_bind_template_child (widget_class, ClSetupAssistant, closed_holiday_switch);
  gtk_widget_class_bind_template_child (widget_class, ClSetupAssistant, calendar_summary);
  gtk_widget_class_bind_template_child (widget_class, ClSetupAssistant, calendar_list);
  gtk_widget_class_bind_template_child (widget_class, ClSetupAssistant, calendar_save);
  gtk_widget_class_bind_template_child (widget_class, ClSetupAssistant, roster_summary);
  gtk_widget_class_bind_template_child (widget_class, ClSetupAssistant, columns_list);
  gtk_widget_class_bind_template_child (widget_class, ClSetupAssistant, roster_list);
  gtk_widget_class_bind_template_child (widget_class, ClSetupAssistant, roster_import);
  gtk_widget_class_bind_template_child (widget_class, ClSetupAssistant, finish_button);
  gtk_widget_class_bind_template_callback (widget_class, on_back);
  gtk_widget_class_bind_template_callback (widget_class, on_school_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_school_next);
  gtk_widget_class_bind_template_callback (widget_class, on_choose_calendar);
  gtk_widget_class_bind_template_callback (widget_class, on_save_calendar);
  gtk_widget_class_bind_template_callback (widget_class, on_enter_by_hand);
  gtk_widget_class_bind_template_callback (widget_class, on_hand_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_add_closed);
  gtk_widget_class_bind_template_callback (widget_class, on_choose_roster);
  gtk_widget_class_bind_template_callback (widget_class, on_import_roster);
  gtk_widget_class_bind_template_callback (widget_class, on_finish);
}

static void
cl_setup_assistant_init (ClSetupAssistant *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  cl_date_picker_attach (self->first_row);
  cl_date_picker_attach (self->last_row);
  cl_date_picker_attach (self->closed_from_row);
  cl_date_picker_attach (self->closed_to_row);
}

ClSetupAssistant *
cl_setup_assistant_new (GtkWindow  *parent,
                        const char *database_path)
{
  ClSetupAssistant *self = g_object_new (CL_TYPE_SETUP_ASSISTANT, "transient-for", parent, NULL);

  self->database_path = g_strdup (database_path);
  /* Opened now, so the rules it already counts with are the ones offered first. */
  self->store = cl_store_open (database_path, TRUE, NULL);
  fill_rules (self);
  return self;
}
