/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-caseload-summary.c — the start page: where the caseload stands, before a student is chosen */
#define G_LOG_DOMAIN "cl-caseload-summary"

#include "config.h"

#include <glib/gi18n.h>

#include "cl-case-manager-row.h"
#include "cl-caseload-summary.h"
#include "cl-due-counts.h"

/* The lines, each linking to its part of Everything Due. */
enum { LINE_OVERDUE, LINE_WEEK, LINE_MEETINGS, LINE_NOTICES, N_LINES };

static const ClDueShow line_shows[N_LINES] = {
  CL_DUE_SHOW_OVERDUE, CL_DUE_SHOW_WEEK, CL_DUE_SHOW_MEETINGS, CL_DUE_SHOW_NOTICES,
};

struct _ClCaseloadSummary
{
  AdwBin        parent_instance;
  GtkLabel     *date_label;
  GtkLabel     *students_label;
  AdwComboRow  *case_manager_row;
  AdwActionRow *rows[N_LINES];
  GtkLabel     *counts[N_LINES];

  ClSession    *session;
  char         *case_manager;  /* "" for everyone */
  gboolean      filling;       /* the case manager row is being filled */
  gboolean      stale;         /* the session changed while the summary was not shown */
};

enum { PROP_0, PROP_CASE_MANAGER, N_PROPS };
static GParamSpec *properties[N_PROPS];

enum { SHOW_DUE, N_SIGNALS };
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (ClCaseloadSummary, cl_caseload_summary, ADW_TYPE_BIN)

static void refresh (ClCaseloadSummary *self);

static void
cl_caseload_summary_dispose (GObject *object)
{
  ClCaseloadSummary *self = CL_CASELOAD_SUMMARY (object);

  if (self->session != NULL)
    g_signal_handlers_disconnect_by_data (self->session, self);
  g_clear_object (&self->session);
  gtk_widget_dispose_template (GTK_WIDGET (self), CL_TYPE_CASELOAD_SUMMARY);
  G_OBJECT_CLASS (cl_caseload_summary_parent_class)->dispose (object);
}

static void
cl_caseload_summary_finalize (GObject *object)
{
  ClCaseloadSummary *self = CL_CASELOAD_SUMMARY (object);

  g_free (self->case_manager);
  G_OBJECT_CLASS (cl_caseload_summary_parent_class)->finalize (object);
}

static void
cl_caseload_summary_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  ClCaseloadSummary *self = CL_CASELOAD_SUMMARY (object);

  switch (prop_id)
    {
    case PROP_CASE_MANAGER:
      g_value_set_string (value, self->case_manager);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cl_caseload_summary_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  ClCaseloadSummary *self = CL_CASELOAD_SUMMARY (object);

  switch (prop_id)
    {
    case PROP_CASE_MANAGER:
      cl_caseload_summary_set_case_manager (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* Counted when shown: a change made while a student's file is open costs nothing here. */
static void
cl_caseload_summary_map (GtkWidget *widget)
{
  ClCaseloadSummary *self = CL_CASELOAD_SUMMARY (widget);

  GTK_WIDGET_CLASS (cl_caseload_summary_parent_class)->map (widget);
  if (self->stale)
    refresh (self);
}

static void
on_case_manager_selected (ClCaseloadSummary *self)
{
  g_assert (CL_IS_CASELOAD_SUMMARY (self));
  if (!self->filling)
    cl_caseload_summary_set_case_manager (self, _cl_case_manager_row_get_id (self->case_manager_row));
}

static void
on_line_activated (ClCaseloadSummary *self,
                   AdwActionRow      *row)
{
  g_assert (CL_IS_CASELOAD_SUMMARY (self));
  for (guint i = 0; i < N_LINES; i++)
    if (self->rows[i] == row)
      g_signal_emit (self, signals[SHOW_DUE], 0, (guint) line_shows[i]);
}

static void
cl_caseload_summary_class_init (ClCaseloadSummaryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cl_caseload_summary_dispose;
  object_class->finalize = cl_caseload_summary_finalize;
  object_class->get_property = cl_caseload_summary_get_property;
  object_class->set_property = cl_caseload_summary_set_property;
  widget_class->map = cl_caseload_summary_map;

  properties[PROP_CASE_MANAGER] = g_param_spec_string ("case-manager", NULL, NULL, "",
                                                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY |
                                                       G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[SHOW_DUE] = g_signal_new ("show-due", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                    NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_UINT);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/caseload/Caseload/cl-caseload-summary.ui");
  gtk_widget_class_bind_template_child (widget_class, ClCaseloadSummary, date_label);
  gtk_widget_class_bind_template_child (widget_class, ClCaseloadSummary, students_label);
  gtk_widget_class_bind_template_child (widget_class, ClCaseloadSummary, case_manager_row);
  gtk_widget_class_bind_template_child_full (widget_class, "overdue_row", FALSE,
                                             G_STRUCT_OFFSET (ClCaseloadSummary, rows[LINE_OVERDUE]));
  gtk_widget_class_bind_template_child_full (widget_class, "week_row", FALSE,
                                             G_STRUCT_OFFSET (ClCaseloadSummary, rows[LINE_WEEK]));
  gtk_widget_class_bind_template_child_full (widget_class, "meetings_row", FALSE,
                                             G_STRUCT_OFFSET (ClCaseloadSummary, rows[LINE_MEETINGS]));
  gtk_widget_class_bind_template_child_full (widget_class, "notices_row", FALSE,
                                             G_STRUCT_OFFSET (ClCaseloadSummary, rows[LINE_NOTICES]));
  gtk_widget_class_bind_template_child_full (widget_class, "overdue_count", FALSE,
                                             G_STRUCT_OFFSET (ClCaseloadSummary, counts[LINE_OVERDUE]));
  gtk_widget_class_bind_template_child_full (widget_class, "week_count", FALSE,
                                             G_STRUCT_OFFSET (ClCaseloadSummary, counts[LINE_WEEK]));
  gtk_widget_class_bind_template_child_full (widget_class, "meetings_count", FALSE,
                                             G_STRUCT_OFFSET (ClCaseloadSummary, counts[LINE_MEETINGS]));
  gtk_widget_class_bind_template_child_full (widget_class, "notices_count", FALSE,
                                             G_STRUCT_OFFSET (ClCaseloadSummary, counts[LINE_NOTICES]));
  gtk_widget_class_bind_template_callback (widget_class, on_case_manager_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_line_activated);
}

static void
cl_caseload_summary_init (ClCaseloadSummary *self)
{
  self->case_manager = g_strdup ("");
  self->stale = TRUE;
  gtk_widget_init_template (GTK_WIDGET (self));
  _cl_case_manager_row_fill (self->case_manager_row, NULL, "");
}

/* How many students are counted, of how many. */
static guint
count_students (ClCaseload *caseload,
                const char *case_manager_id)
{
  GPtrArray *students = cl_caseload_get_students (caseload);
  guint n = 0;

  for (guint i = 0; i < students->len; i++)
    n += cl_due_for_case_manager (g_ptr_array_index (students, i), case_manager_id);
  return n;
}

/* The stack is the bin's child: reached through the bin, not bound, so that only the bin
 * unparents it when the summary goes away. */
static void
show_page (ClCaseloadSummary *self,
           const char        *name)
{
  gtk_stack_set_visible_child_name (GTK_STACK (adw_bin_get_child (ADW_BIN (self))), name);
}

static void
refresh (ClCaseloadSummary *self)
{
  ClCaseload *caseload = self->session ? cl_session_get_caseload (self->session) : NULL;
  ClDate today;
  ClDueCounts counts;
  guint values[N_LINES];
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *date = NULL;
  g_autofree char *students = NULL;
  guint n;
  int y, m, d;

  self->stale = FALSE;
  if (caseload == NULL || cl_session_get_loading (self->session))
    {
      show_page (self, "none");
      return;
    }
  today = cl_session_get_today (self->session);
  cl_session_get_due_counts (self->session, self->case_manager, &counts);
  values[LINE_OVERDUE] = counts.when[CL_DUE_OVERDUE];
  values[LINE_WEEK] = counts.when[CL_DUE_THIS_WEEK];
  values[LINE_MEETINGS] = counts.meetings;
  values[LINE_NOTICES] = counts.notices;
  for (guint i = 0; i < N_LINES; i++)
    {
      g_autofree char *number = g_strdup_printf ("%'u", values[i]);

      gtk_label_set_label (self->counts[i], number);
      /* A screen reader hears the number with the line's title. */
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->rows[i]), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                      number, -1);
    }
  if (values[LINE_OVERDUE] > 0)
    gtk_widget_add_css_class (GTK_WIDGET (self->counts[LINE_OVERDUE]), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->counts[LINE_OVERDUE]), "error");

  cl_date_to_ymd (today, &y, &m, &d);
  now = g_date_time_new_local (y, m, d, 0, 0, 0);
  /* Translators: the start page's title, today's date, see strftime(3) */
  date = g_date_time_format (now, _("%A, %B %-d, %Y"));
  gtk_label_set_label (self->date_label, date);
  n = count_students (caseload, self->case_manager);
  students = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%'u student · select one to see their file",
                                           "%'u students · select one to see their file", n), n);
  gtk_label_set_label (self->students_label, students);
  show_page (self, "summary");
}

/* Now when shown, else the next time it is. */
static void
queue_refresh (ClCaseloadSummary *self)
{
  self->stale = TRUE;
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    refresh (self);
}

/* A load starting hides the counts; one ending was counted at ::reloaded, which comes first
 * (counting 100,000 students' obligations again took ~100 ms of the main thread). */
static void
on_session_loading (ClCaseloadSummary *self)
{
  if (cl_session_get_loading (self->session) || cl_session_get_caseload (self->session) == NULL)
    queue_refresh (self);
}

static void
on_session_reloaded (ClCaseloadSummary *self)
{
  g_autofree char *was = g_strdup (self->case_manager);
  const char *now;

  g_assert (CL_IS_CASELOAD_SUMMARY (self));
  self->filling = TRUE;
  now = _cl_case_manager_row_fill (self->case_manager_row, cl_session_get_caseload (self->session), was);
  self->filling = FALSE;
  /* A case manager this caseload does not have would count nobody. */
  if (!g_str_equal (now, was))
    cl_caseload_summary_set_case_manager (self, now);
  queue_refresh (self);
}

void
cl_caseload_summary_set_session (ClCaseloadSummary *self,
                                 ClSession         *session)
{
  g_return_if_fail (CL_IS_CASELOAD_SUMMARY (self));
  g_return_if_fail (CL_IS_SESSION (session));

  if (self->session != NULL)
    g_signal_handlers_disconnect_by_data (self->session, self);
  g_set_object (&self->session, session);
  g_signal_connect_object (session, "reloaded", G_CALLBACK (on_session_reloaded), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (session, "student-changed", G_CALLBACK (queue_refresh), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (session, "notify::loading", G_CALLBACK (on_session_loading), self, G_CONNECT_SWAPPED);
  on_session_reloaded (self);
}

void
cl_caseload_summary_set_case_manager (ClCaseloadSummary *self,
                                      const char        *case_manager_id)
{
  g_return_if_fail (CL_IS_CASELOAD_SUMMARY (self));

  if (case_manager_id == NULL)
    case_manager_id = "";
  if (g_str_equal (self->case_manager, case_manager_id))
    return;
  g_free (self->case_manager);
  self->case_manager = g_strdup (case_manager_id);
  self->filling = TRUE;
  _cl_case_manager_row_select (self->case_manager_row, case_manager_id);
  self->filling = FALSE;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CASE_MANAGER]);
  queue_refresh (self);
}

const char *
cl_caseload_summary_get_case_manager (ClCaseloadSummary *self)
{
  g_return_val_if_fail (CL_IS_CASELOAD_SUMMARY (self), "");
  return self->case_manager;
}
