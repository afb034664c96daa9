/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-due-summary.c — Everything Due as a case manager reads it: how far each item is, only my
 * students (remembered), kept up to date when a file changes (under Xvfb, the demo in a database
 * on Monday 2026-12-07)
 */
#include <string.h>

#include "cl-due-words.h"
#include "cl-rule-completion.h"
#include "cl-rule-ids.h"
#include "cl-ui-test.h"

#define TODAY D ("2026-12-07")

/* The visible preferences group under @widget titled @title, or NULL. */
static AdwPreferencesGroup *
find_group (GtkWidget  *widget,
            const char *title)
{
  if (ADW_IS_PREFERENCES_GROUP (widget) && gtk_widget_get_visible (widget) &&
      g_strcmp0 (adw_preferences_group_get_title (ADW_PREFERENCES_GROUP (widget)), title) == 0)
    return ADW_PREFERENCES_GROUP (widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      AdwPreferencesGroup *found = find_group (child, title);
      if (found != NULL)
        return found;
    }
  return NULL;
}

/* How many items the due page's group @title lists, checked against the number of its rows and
 * what its description says; 0 when the group is hidden. */
static guint
group_count (ClWindow   *window,
             const char *title)
{
  AdwPreferencesGroup *group = find_group (GTK_WIDGET (window->due_page), title);
  g_autofree char *rows = NULL;
  guint n_rows = 0;
  guint64 said;

  if (group == NULL)
    return 0;
  rows = rows_text (GTK_WIDGET (group));
  for (const char *p = rows; *p; p++)
    n_rows += *p == '\n';
  said = g_ascii_strtoull (adw_preferences_group_get_description (group), NULL, 10);
  g_assert_cmpuint (said, ==, n_rows);
  return n_rows;
}

static AdwComboRow *
combo_row (ClWindow   *window,
           const char *title)
{
  GtkWidget *row = find_row (GTK_WIDGET (window->due_page), ADW_TYPE_COMBO_ROW, title);

  g_assert_nonnull (row);
  return ADW_COMBO_ROW (row);
}

/* Chooses @name in the combo row @title, as a click would. */
static void
choose (AdwComboRow *row,
        const char  *name)
{
  GListModel *model = adw_combo_row_get_model (row);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    if (g_str_equal (gtk_string_list_get_string (GTK_STRING_LIST (model), i), name))
      {
        adw_combo_row_set_selected (row, i);
        iterate ();
        return;
      }
  g_error ("no %s to choose", name);
}

/* The row of @rows (rows_text) whose title is @title, as "title|subtitle". */
static char *
row_line (const char *rows,
          const char *title)
{
  g_auto(GStrv) lines = g_strsplit (rows, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    if (g_str_has_prefix (lines[i], title) && lines[i][strlen (title)] == '|')
      return g_strdup (lines[i]);
  return NULL;
}

static void
test_words (void)
{
  g_autofree char *overdue1 = _cl_due_words_relative (TODAY - 1, TODAY);
  g_autofree char *overdue31 = _cl_due_words_relative (TODAY - 31, TODAY);
  g_autofree char *today = _cl_due_words_relative (TODAY, TODAY);
  g_autofree char *in1 = _cl_due_words_relative (TODAY + 1, TODAY);
  g_autofree char *in2 = _cl_due_words_relative (TODAY + 2, TODAY);

  g_assert_cmpstr (overdue1, ==, "1 day overdue");
  g_assert_cmpstr (overdue31, ==, "31 days overdue");
  g_assert_cmpstr (today, ==, "Due today");
  g_assert_cmpstr (in1, ==, "In 1 day");
  g_assert_cmpstr (in2, ==, "In 2 days");
}

/* Everything Due says how far each item is; a file's change shows there at once; only one case
 * manager's students, remembered for the next database. */
static void
test_due_page (void)
{
  g_autofree char *dir = NULL;
  ClWindow *window = demo_database_window_at (TODAY, 1366, 768, &dir);
  g_autofree char *path = g_build_filename (dir, "caseload.db", NULL);
  ClWindow *again;
  g_autofree char *rows = NULL;
  g_autofree char *line = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *obligations;
  const ClObligation *records = NULL;
  ClEvent event = { 0 };

  _cl_window_show_view (window, "due");
  iterate ();
  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->content_stack), ==, "due");
  g_assert_cmpuint (group_count (window, "Overdue"), ==, 13);
  g_assert_cmpuint (group_count (window, "This Week"), ==, 9);
  g_assert_cmpuint (group_count (window, "Next 30 Days"), ==, 5);
  g_assert_cmpuint (group_count (window, "Later"), ==, 165);

  rows = rows_text (GTK_WIDGET (window->due_page));
  line = row_line (rows, "Minh Nguyen — Annual IEP review");
  g_assert_cmpstr (line, ==, "Minh Nguyen — Annual IEP review|31 days overdue · Fri Nov 6, 2026 · Owen Whitaker");
  g_clear_pointer (&line, g_free);
  line = row_line (rows, "Min-jun Cho — Complaint decision");
  g_assert_cmpstr (line, ==, "Min-jun Cho — Complaint decision|7 days overdue · Mon Nov 30, 2026 · Chidi Okafor");
  g_clear_pointer (&line, g_free);
  /* Not overdue: a prompt to follow up, this week (rules.md §4 plan_decision_followup). */
  line = row_line (rows, "Arman Sargsyan — Parent's decision on the plan");
  g_assert_cmpstr (line, ==, "Arman Sargsyan — Parent's decision on the plan|No answer, 17 days later · Fri Nov 20, 2026 · Chidi Okafor");
  g_clear_pointer (&line, g_free);
  /* S-1035's written excusal for the meeting of December 8 is due tomorrow. */
  g_assert_nonnull (strstr (rows, "|In 1 day · Tue Dec 8, 2026 · Chidi Okafor\n"));
  g_assert_nonnull (strstr (rows, "|In 2 days · Wed Dec 9, 2026 · Marisol Delgado\n"));
  g_assert_null (strstr (rows, "|Due "));
  shot (GTK_WIDGET (window), "due-all");

  /* The records the parent asked for (S-1012), sent today from the student's file: the page,
   * still shown, no longer counts them overdue. */
  obligations = cl_session_get_student_obligations (window->session,
                                                    cl_caseload_lookup_student (cl_session_get_caseload (window->session), "S-1012"));
  for (guint i = 0; i < obligations->len; i++)
    if (g_str_equal (((ClObligation *) obligations->pdata[i])->rule->id, CL_RULE_RECORDS_REQUEST_DUE) &&
        ((ClObligation *) obligations->pdata[i])->status == CL_STATUS_OVERDUE)
      records = obligations->pdata[i];
  g_assert_nonnull (records);
  g_assert_true (cl_rule_completion_event (records, TODAY, &event));
  g_assert_true (cl_session_save_event (window->session, "S-1012", FALSE, 0, &event, &error));
  g_assert_no_error (error);
  cl_event_clear (&event);
  iterate ();
  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->content_stack), ==, "due");
  g_assert_cmpuint (group_count (window, "Overdue"), ==, 12);

  /* Only Chidi Okafor's students: 4 overdue, 4 this week. */
  choose (combo_row (window, "Case Manager"), "Chidi Okafor");
  g_assert_cmpstr (cl_due_page_get_case_manager (window->due_page), ==, "t-okafor");
  g_assert_cmpuint (group_count (window, "Overdue"), ==, 4);
  g_assert_cmpuint (group_count (window, "This Week"), ==, 4);
  g_free (rows);
  rows = rows_text (GTK_WIDGET (window->due_page));
  g_assert_null (strstr (rows, "Owen Whitaker\n"));
  shot (GTK_WIDGET (window), "due-okafor");

  /* Remembered: the database opens on the same students next time. */
  gtk_window_destroy (GTK_WINDOW (window));
  again = cl_window_new (CL_APPLICATION (g_application_get_default ()));
  watch_window (again);
  cl_session_set_today (again->session, TODAY);
  gtk_window_set_default_size (GTK_WINDOW (again), 1366, 768);
  gtk_window_present (GTK_WINDOW (again));
  cl_window_open_database (again, path);
  wait_loaded (again);
  g_assert_cmpstr (cl_due_page_get_case_manager (again->due_page), ==, "t-okafor");
  _cl_window_show_view (again, "due");
  iterate ();
  g_assert_cmpuint (group_count (again, "Overdue"), ==, 4);
  choose (combo_row (again, "Case Manager"), "All Case Managers");
  /* The records sent today are still sent. */
  g_assert_cmpuint (group_count (again, "Overdue"), ==, 12);

  /* One part of it: the planned meetings of the next 30 days, the notices still to send. */
  choose (combo_row (again, "Show"), "Meetings Coming");
  g_assert_cmpuint (group_count (again, "Meetings in the Next 30 Days"), ==, 3);
  g_assert_cmpuint (group_count (again, "Overdue"), ==, 0);
  g_free (rows);
  rows = rows_text (GTK_WIDGET (again->due_page));
  g_assert_nonnull (strstr (rows, "|In 1 day · Tue Dec 8, 2026, "));
  g_assert_nonnull (strstr (rows, "|In 8 days · Tue Dec 15, 2026, "));
  shot (GTK_WIDGET (again), "due-meetings");
  choose (combo_row (again, "Show"), "Notices to Send");
  g_assert_cmpuint (group_count (again, "Notices to Send"), ==, 7);
  g_assert_cmpuint (group_count (again, "Meetings in the Next 30 Days"), ==, 0);
  choose (combo_row (again, "Case Manager"), "Owen Whitaker");
  g_assert_cmpuint (group_count (again, "Notices to Send"), ==, 1);
  choose (combo_row (again, "Show"), "Overdue");
  g_assert_cmpuint (group_count (again, "Overdue"), ==, 3);
  g_assert_cmpuint (group_count (again, "This Week"), ==, 0);
  gtk_window_destroy (GTK_WINDOW (again));
}

/* The number on the start summary's line @title. */
static guint
summary_count (ClWindow   *window,
               const char *title)
{
  GtkWidget *row = find_row (GTK_WIDGET (window->summary), ADW_TYPE_ACTION_ROW, title);
  g_autoptr(GPtrArray) stack = g_ptr_array_new ();
  GtkWidget *label = NULL;

  g_assert_nonnull (row);
  /* The count is the row's label the summary styles as one. */
  g_ptr_array_add (stack, row);
  while (stack->len > 0 && label == NULL)
    {
      GtkWidget *w = g_ptr_array_steal_index (stack, stack->len - 1);

      if (GTK_IS_LABEL (w) && gtk_widget_has_css_class (w, "summary-count"))
        label = w;
      for (GtkWidget *c = gtk_widget_get_first_child (w); c; c = gtk_widget_get_next_sibling (c))
        g_ptr_array_add (stack, c);
    }
  g_assert_nonnull (label);
  return (guint) g_ascii_strtoull (gtk_label_get_label (GTK_LABEL (label)), NULL, 10);
}

/* The sidebar's view @name activated, as a click would. */
static void
activate_view (ClWindow   *window,
               const char *name)
{
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (window->views_list)); row;
       row = gtk_widget_get_next_sibling (row))
    if (g_str_equal (gtk_widget_get_name (row), name))
      {
        g_signal_emit_by_name (window->views_list, "row-activated", row);
        iterate ();
        return;
      }
  g_error ("no view %s", name);
}

typedef struct {
  const char *line;    /* on the summary */
  const char *show;    /* the due page's Show it opens */
  const char *group;   /* the due page's group that lists them */
} Link;

static const Link links[] = {
  { "Overdue", "Overdue", "Overdue" },
  { "Due This Week", "Due This Week", "This Week" },
  { "Meetings Coming", "Meetings Coming", "Meetings in the Next 30 Days" },
  { "Notices to Send", "Notices to Send", "Notices to Send" },
};

/* Each line of the start summary opens its part of Everything Due, which lists as many as the
 * line says: for everyone, then for one case manager's students chosen on the summary. */
static void
test_summary (void)
{
  ClWindow *window = demo_database_window_at (TODAY, 1366, 768, NULL);
  static const struct { const char *name, *id; guint counts[G_N_ELEMENTS (links)]; } whose[] = {
    { "All Case Managers", "", { 13, 9, 3, 7 } },
    { "Chidi Okafor", "t-okafor", { 4, 4, 1, 2 } },
    { "Owen Whitaker", "t-whitaker", { 3, 3, 2, 1 } },
  };

  for (guint w = 0; w < G_N_ELEMENTS (whose); w++)
    {
      activate_view (window, "summary");
      g_assert_cmpstr (gtk_stack_get_visible_child_name (window->content_stack), ==, "select");
      g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (window->summary)));
      choose (ADW_COMBO_ROW (find_row (GTK_WIDGET (window->summary), ADW_TYPE_COMBO_ROW, "Case Manager")), whose[w].name);
      /* One choice for both: Everything Due lists the students the summary counts. */
      g_assert_cmpstr (cl_caseload_summary_get_case_manager (window->summary), ==, whose[w].id);
      g_assert_cmpstr (cl_due_page_get_case_manager (window->due_page), ==, whose[w].id);
      if (w == 1)
        shot (GTK_WIDGET (window), "summary-okafor");
      for (guint i = 0; i < G_N_ELEMENTS (links); i++)
        {
          guint said;
          GtkWidget *row;

          activate_view (window, "summary");
          said = summary_count (window, links[i].line);
          g_test_message ("%s: %s %u", whose[w].name, links[i].line, said);
          g_assert_cmpuint (said, ==, whose[w].counts[i]);
          row = find_row (GTK_WIDGET (window->summary), ADW_TYPE_ACTION_ROW, links[i].line);
          g_signal_emit_by_name (row, "activated");
          iterate ();
          g_assert_cmpstr (gtk_stack_get_visible_child_name (window->content_stack), ==, "due");
          g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (adw_combo_row_get_model (combo_row (window, "Show"))),
                                                       adw_combo_row_get_selected (combo_row (window, "Show"))),
                           ==, links[i].show);
          g_assert_cmpuint (group_count (window, links[i].group), ==, said);
        }
    }
  /* The sidebar's Everything Due is all of it again. */
  activate_view (window, "due");
  g_assert_cmpint (cl_due_page_get_show (window->due_page), ==, CL_DUE_SHOW_ALL);
  g_assert_cmpuint (group_count (window, "Later"), ==, 40);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* The summary follows the session: an item done from a file is no longer counted, while the
 * summary is shown and without going anywhere else first. */
static void
test_summary_follows (void)
{
  ClWindow *window = demo_database_window_at (TODAY, 1366, 768, NULL);
  ClStudent *student = cl_caseload_lookup_student (cl_session_get_caseload (window->session), "S-1012");
  GPtrArray *obligations = cl_session_get_student_obligations (window->session, student);
  const ClObligation *records = NULL;
  g_autoptr(GError) error = NULL;
  ClEvent event = { 0 };

  activate_view (window, "summary");
  choose (ADW_COMBO_ROW (find_row (GTK_WIDGET (window->summary), ADW_TYPE_COMBO_ROW, "Case Manager")),
          "All Case Managers");
  g_assert_cmpuint (summary_count (window, "Overdue"), ==, 13);
  for (guint i = 0; i < obligations->len; i++)
    if (g_str_equal (((ClObligation *) obligations->pdata[i])->rule->id, CL_RULE_RECORDS_REQUEST_DUE) &&
        ((ClObligation *) obligations->pdata[i])->status == CL_STATUS_OVERDUE)
      records = obligations->pdata[i];
  g_assert_nonnull (records);
  g_assert_true (cl_rule_completion_event (records, TODAY, &event));
  g_assert_true (cl_session_save_event (window->session, "S-1012", FALSE, 0, &event, &error));
  g_assert_no_error (error);
  cl_event_clear (&event);
  iterate ();
  g_assert_cmpuint (summary_count (window, "Overdue"), ==, 12);
  g_assert_cmpuint (summary_count (window, "Due This Week"), ==, 9);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* At 400 px the list comes first: Today in the sidebar opens the summary, which fits. */
static void
test_summary_narrow (void)
{
  ClWindow *window = demo_database_window_at (TODAY, 400, 760, NULL);

  g_assert_true (adw_leaflet_get_folded (window->leaflet));
  /* Back to the list (the last test left Everything Due to be shown again). */
  adw_leaflet_navigate (window->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
  iterate ();
  g_assert_true (adw_leaflet_get_visible_child (window->leaflet) != window->content);
  activate_view (window, "summary");
  g_assert_true (adw_leaflet_get_visible_child (window->leaflet) == window->content);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (window->summary)));
  g_assert_cmpuint (summary_count (window, "Overdue"), ==, 13);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (window->summary)), <=, 400);
  shot (GTK_WIDGET (window), "summary-narrow");
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int    argc,
      char **argv)
{
  ClApplication *app = cl_ui_test_init (&argc, &argv);

  g_test_add_func ("/ui/due/words", test_words);
  g_test_add_func ("/ui/due/page", test_due_page);
  g_test_add_func ("/ui/due/summary", test_summary);
  g_test_add_func ("/ui/due/summary-follows", test_summary_follows);
  g_test_add_func ("/ui/due/summary-narrow", test_summary_narrow);
  return cl_ui_test_run (app);
}
