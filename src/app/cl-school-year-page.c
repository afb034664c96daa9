/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-school-year-page.c — a school year's session and closed ranges, changed in place */
#define G_LOG_DOMAIN "cl-school-year-page"

#include "config.h"

#include <glib/gi18n.h>

#include "cl-date-picker.h"
#include "cl-school-year-page.h"

struct _ClSchoolYearPage
{
  GtkBox               parent_instance;

  AdwWindowTitle      *title;
  AdwEntryRow         *first_row;
  AdwEntryRow         *last_row;
  AdwPreferencesGroup *closed_group;
  AdwEntryRow         *new_label_row;
  AdwEntryRow         *new_from_row;
  AdwEntryRow         *new_to_row;
  GtkSwitch           *new_holiday_switch;
  AdwActionRow        *copy_row;
  GtkWidget           *copy_button;
  AdwActionRow        *remove_row;
  GtkWidget           *remove_button;

  char                *school_id;
  ClCalendarYear      *year;          /* as last shown: each change is made to a copy of it */
  GPtrArray           *closed_rows;   /* the expander rows of closed_group, in the year's order */
  int                  expanded;      /* the closed range open before the page was shown again */
};

G_DEFINE_FINAL_TYPE (ClSchoolYearPage, cl_school_year_page, GTK_TYPE_BOX)

enum { SAVE, COPY, REMOVE, N_SIGNALS };
static guint signals[N_SIGNALS];

/* The year with @change made to a copy, handed to ::save; TRUE when it was saved. */
static gboolean
save (ClSchoolYearPage *self,
      ClCalendarYear   *edited)
{
  g_autoptr(ClCalendarYear) owned = edited;
  gboolean saved = FALSE;

  g_signal_emit (self, signals[SAVE], 0, edited, &saved);
  return saved;
}

static void
say (ClSchoolYearPage *self,
     const char       *message)
{
  GtkWidget *window = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_PREFERENCES_WINDOW);

  if (window != NULL)
    adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (window), adw_toast_new (message));
}

static gboolean
read_date (ClSchoolYearPage *self,
           AdwEntryRow      *row,
           ClDate           *out)
{
  if (cl_date_picker_get_date (row, out))
    return TRUE;
  say (self, _("Not a date: type it as M/D/YYYY or YYYY-MM-DD, or pick it"));
  gtk_widget_grab_focus (GTK_WIDGET (row));
  return FALSE;
}

static void
set_date_text (AdwEntryRow *row,
               ClDate       date)
{
  char text[11] = "";

  if (date != CL_DATE_NONE)
    cl_date_format_iso (date, text);
  gtk_editable_set_text (GTK_EDITABLE (row), text);
}

/* ---- the session ---- */

static void
on_session_apply (ClSchoolYearPage *self)
{
  ClCalendarYear *edited;
  ClDate first, last;

  if (self->year == NULL || !read_date (self, self->first_row, &first) || !read_date (self, self->last_row, &last))
    return;
  edited = cl_calendar_year_copy (self->year);
  edited->first_day = first;
  edited->last_day = last;
  save (self, edited);
}

/* ---- the closed ranges ---- */

static char *
describe_range (const ClClosedRange *r)
{
  g_autofree char *from = cl_date_dup_long (r->from);
  g_autofree char *to = cl_date_dup_long (r->to);
  const char *kind = r->holiday ? _("Holiday: offices closed") : _("School break: offices open");

  if (r->from == r->to)
    /* TRANSLATORS: a day, then whether the offices are closed */
    return g_strdup_printf (_("%s · %s"), from, kind);
  /* TRANSLATORS: the first and last closed day, then whether the offices are closed */
  return g_strdup_printf (_("%s to %s · %s"), from, to, kind);
}

static guint
range_index (GtkWidget *row)
{
  return GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "range-index"));
}

/* The range a row of the expander at @row edits, changed by what its rows say. */
static void
save_range_from_rows (ClSchoolYearPage *self,
                      GtkWidget        *row)
{
  guint index = range_index (row);
  GtkWidget *expander = g_ptr_array_index (self->closed_rows, index);
  AdwEntryRow *label = g_object_get_data (G_OBJECT (expander), "label-row");
  AdwEntryRow *from = g_object_get_data (G_OBJECT (expander), "from-row");
  AdwEntryRow *to = g_object_get_data (G_OBJECT (expander), "to-row");
  GtkSwitch *holiday = g_object_get_data (G_OBJECT (expander), "holiday-switch");
  ClCalendarYear *edited;
  ClClosedRange *r;
  ClDate f, t;

  if (self->year == NULL || index >= self->year->closed->len ||
      !read_date (self, from, &f) || !read_date (self, to, &t))
    return;
  edited = cl_calendar_year_copy (self->year);
  r = &g_array_index (edited->closed, ClClosedRange, index);
  g_free (r->label);
  r->label = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (label))));
  r->from = f;
  r->to = t;
  r->holiday = gtk_switch_get_active (holiday) ? 1 : 0;
  self->expanded = (int) index;
  save (self, edited);
}

static void
on_range_apply (AdwEntryRow      *row,
                ClSchoolYearPage *self)
{
  save_range_from_rows (self, GTK_WIDGET (row));
}

static void
on_range_holiday (GtkSwitch        *button,
                  GParamSpec       *pspec,
                  ClSchoolYearPage *self)
{
  save_range_from_rows (self, GTK_WIDGET (button));
}

static void
on_range_remove (GtkButton        *button,
                 ClSchoolYearPage *self)
{
  guint index = range_index (GTK_WIDGET (button));
  ClCalendarYear *edited;

  if (self->year == NULL || index >= self->year->closed->len)
    return;
  edited = cl_calendar_year_copy (self->year);
  g_array_remove_index (edited->closed, index);
  self->expanded = -1;
  save (self, edited);
}

static GtkWidget *
range_entry (ClSchoolYearPage *self,
             GtkWidget        *expander,
             guint             index,
             const char       *title,
             const char       *text,
             gboolean          is_date)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_editable_set_text (GTK_EDITABLE (row), text);
  adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (row), TRUE);
  if (is_date)
    cl_date_picker_attach (ADW_ENTRY_ROW (row));
  g_object_set_data (G_OBJECT (row), "range-index", GUINT_TO_POINTER (index));
  g_signal_connect (row, "apply", G_CALLBACK (on_range_apply), self);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), row);
  return row;
}

static GtkWidget *
range_row (ClSchoolYearPage    *self,
           const ClClosedRange *r,
           guint                index)
{
  GtkWidget *expander = adw_expander_row_new ();
  g_autofree char *subtitle = describe_range (r);
  char from[11], to[11];
  GtkWidget *holiday_row = adw_action_row_new ();
  GtkWidget *holiday = gtk_switch_new ();
  GtkWidget *remove_row = adw_action_row_new ();
  GtkWidget *remove = gtk_button_new_with_mnemonic (_("_Remove"));

  cl_date_format_iso (r->from, from);
  cl_date_format_iso (r->to, to);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (expander), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (expander), r->label && *r->label ? r->label : _("Closed"));
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (expander), subtitle);

  g_object_set_data (G_OBJECT (expander), "label-row",
                     range_entry (self, expander, index, _("Closed for"), r->label ? r->label : "", FALSE));
  g_object_set_data (G_OBJECT (expander), "from-row", range_entry (self, expander, index, _("From"), from, TRUE));
  g_object_set_data (G_OBJECT (expander), "to-row", range_entry (self, expander, index, _("To"), to, TRUE));

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (holiday_row), _("Offices closed too (a holiday)"));
  gtk_switch_set_active (GTK_SWITCH (holiday), r->holiday);
  gtk_widget_set_valign (holiday, GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (ADW_ACTION_ROW (holiday_row), holiday);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (holiday_row), holiday);
  g_object_set_data (G_OBJECT (holiday), "range-index", GUINT_TO_POINTER (index));
  g_object_set_data (G_OBJECT (expander), "holiday-switch", holiday);
  g_signal_connect (holiday, "notify::active", G_CALLBACK (on_range_holiday), self);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), holiday_row);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (remove_row), _("Remove These Closed Days"));
  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (remove, "destructive-action");
  g_object_set_data (G_OBJECT (remove), "range-index", GUINT_TO_POINTER (index));
  g_signal_connect (remove, "clicked", G_CALLBACK (on_range_remove), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (remove_row), remove);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), remove_row);
  return expander;
}

static void
on_add_closed (ClSchoolYearPage *self)
{
  g_autofree char *label = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->new_label_row))));
  g_autofree char *to_text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->new_to_row))));
  ClCalendarYear *edited;
  ClDate from, to;

  if (self->year == NULL || !read_date (self, self->new_from_row, &from))
    return;
  if (*to_text == '\0')
    to = from;
  else if (!read_date (self, self->new_to_row, &to))
    return;
  edited = cl_calendar_year_copy (self->year);
  cl_calendar_year_add_closed (edited, from, to, label, gtk_switch_get_active (self->new_holiday_switch));
  self->expanded = -1;
  if (!save (self, edited))
    return;
  gtk_editable_set_text (GTK_EDITABLE (self->new_label_row), "");
  gtk_editable_set_text (GTK_EDITABLE (self->new_from_row), "");
  gtk_editable_set_text (GTK_EDITABLE (self->new_to_row), "");
  gtk_switch_set_active (self->new_holiday_switch, FALSE);
}

/* ---- the year ---- */

static void
on_copy (ClSchoolYearPage *self)
{
  g_signal_emit (self, signals[COPY], 0);
}

static void
on_remove (ClSchoolYearPage *self)
{
  g_signal_emit (self, signals[REMOVE], 0);
}

static void
on_back (ClSchoolYearPage *self)
{
  GtkWidget *window = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_PREFERENCES_WINDOW);

  if (window != NULL)
    adw_preferences_window_close_subpage (ADW_PREFERENCES_WINDOW (window));
}

void
cl_school_year_page_show (ClSchoolYearPage     *self,
                          const ClSchool       *school,
                          const ClCalendarYear *year,
                          const char           *cannot_copy,
                          const char           *cannot_remove)
{
  g_autofree char *title = NULL;
  gboolean same = self->year != NULL && g_strcmp0 (self->year->id, year->id) == 0;

  g_return_if_fail (CL_IS_SCHOOL_YEAR_PAGE (self));

  if (!same)
    self->expanded = -1;
  g_free (self->school_id);
  self->school_id = g_strdup (school->id);
  g_clear_pointer (&self->year, cl_calendar_year_free);
  self->year = cl_calendar_year_copy (year);

  /* TRANSLATORS: a school year, "2026 to 2027" */
  title = g_strdup_printf (_("%d to %d"), cl_date_year (year->first_day), cl_date_year (year->last_day));
  adw_window_title_set_title (self->title, title);
  adw_window_title_set_subtitle (self->title, school->name ? school->name : school->id);
  set_date_text (self->first_row, year->first_day);
  set_date_text (self->last_row, year->last_day);

  for (guint i = 0; i < self->closed_rows->len; i++)
    adw_preferences_group_remove (self->closed_group, g_ptr_array_index (self->closed_rows, i));
  g_ptr_array_set_size (self->closed_rows, 0);
  for (guint i = 0; i < year->closed->len; i++)
    {
      GtkWidget *row = range_row (self, &g_array_index (year->closed, ClClosedRange, i), i);

      adw_preferences_group_add (self->closed_group, row);
      g_ptr_array_add (self->closed_rows, row);
      if ((int) i == self->expanded)
        adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);
    }

  gtk_widget_set_sensitive (self->copy_button, cannot_copy == NULL);
  if (cannot_copy != NULL)
    adw_action_row_set_subtitle (self->copy_row, cannot_copy);
  else
    adw_action_row_set_subtitle (self->copy_row,
                                 _("A draft of next year: every day 52 weeks on, so Mondays stay Mondays. Import the "
                                   "district’s calendar over it when it is published."));
  gtk_widget_set_sensitive (self->remove_button, cannot_remove == NULL);
  adw_action_row_set_subtitle (self->remove_row, cannot_remove ? cannot_remove : "");
}

const char *
cl_school_year_page_get_school_id (ClSchoolYearPage *self)
{
  g_return_val_if_fail (CL_IS_SCHOOL_YEAR_PAGE (self), NULL);
  return self->school_id;
}

const char *
cl_school_year_page_get_calendar_id (ClSchoolYearPage *self)
{
  g_return_val_if_fail (CL_IS_SCHOOL_YEAR_PAGE (self), NULL);
  return self->year ? self->year->id : NULL;
}

static void
cl_school_year_page_dispose (GObject *object)
{
  ClSchoolYearPage *self = CL_SCHOOL_YEAR_PAGE (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), CL_TYPE_SCHOOL_YEAR_PAGE);
  G_OBJECT_CLASS (cl_school_year_page_parent_class)->dispose (object);
}

static void
cl_school_year_page_finalize (GObject *object)
{
  ClSchoolYearPage *self = CL_SCHOOL_YEAR_PAGE (object);

  g_free (self->school_id);
  g_clear_pointer (&self->year, cl_calendar_year_free);
  g_ptr_array_unref (self->closed_rows);
  G_OBJECT_CLASS (cl_school_year_page_parent_class)->finalize (object);
}

static void
cl_school_year_page_class_init (ClSchoolYearPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cl_school_year_page_dispose;
  object_class->finalize = cl_school_year_page_finalize;

  /* ::save (ClCalendarYear *year) -> gboolean: @year (borrowed) is the year as it should be. */
  signals[SAVE] = g_signal_new ("save", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                g_signal_accumulator_first_wins, NULL, NULL, G_TYPE_BOOLEAN, 1, G_TYPE_POINTER);
  signals[COPY] = g_signal_new ("copy", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                G_TYPE_NONE, 0);
  signals[REMOVE] = g_signal_new ("remove", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                  G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/caseload/Caseload/cl-school-year-page.ui");
  gtk_widget_class_bind_template_child (widget_class, ClSchoolYearPage, title);
  gtk_widget_class_bind_template_child (widget_class, ClSchoolYearPage, first_row);
  gtk_widget_class_bind_template_child (widget_class, ClSchoolYearPage, last_row);
  gtk_widget_class_bind_template_child (widget_class, ClSchoolYearPage, closed_group);
  gtk_widget_class_bind_template_child (widget_class, ClSchoolYearPage, new_label_row);
  gtk_widget_class_bind_template_child (widget_class, ClSchoolYearPage, new_from_row);
  gtk_widget_class_bind_template_child (widget_class, ClSchoolYearPage, new_to_row);
  gtk_widget_class_bind_template_child (widget_class, ClSchoolYearPage, new_holiday_switch);
  gtk_widget_class_bind_template_child (widget_class, ClSchoolYearPage, copy_row);
  gtk_widget_class_bind_template_child (widget_class, ClSchoolYearPage, copy_button);
  gtk_widget_class_bind_template_child (widget_class, ClSchoolYearPage, remove_row);
  gtk_widget_class_bind_template_child (widget_class, ClSchoolYearPage, remove_button);
  gtk_widget_class_bind_template_callback (widget_class, on_session_apply);
  gtk_widget_class_bind_template_callback (widget_class, on_add_closed);
  gtk_widget_class_bind_template_callback (widget_class, on_copy);
  gtk_widget_class_bind_template_callback (widget_class, on_remove);
  gtk_widget_class_bind_template_callback (widget_class, on_back);
}

static void
cl_school_year_page_init (ClSchoolYearPage *self)
{
  self->closed_rows = g_ptr_array_new ();
  self->expanded = -1;
  gtk_widget_init_template (GTK_WIDGET (self));
  cl_date_picker_attach (self->first_row);
  cl_date_picker_attach (self->last_row);
  cl_date_picker_attach (self->new_from_row);
  cl_date_picker_attach (self->new_to_row);
}

ClSchoolYearPage *
cl_school_year_page_new (void)
{
  return g_object_new (CL_TYPE_SCHOOL_YEAR_PAGE, NULL);
}
