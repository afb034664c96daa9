/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-student-page.c — the student page builds its closed rows when they are opened
 *
 * Run under xvfb-run, like test-window.
 */
#include <string.h>

#include "cl-student-page-private.h"
#include "cl-ui-test.h"

static ClApplication *app;

static void
show_again (ClWindow *window)
{
  ClStudent *student = _cl_window_get_student (window);

  cl_student_page_show (window->student_page, student);
  iterate ();
}

/* Minh Nguyen (S-1002) met two annual reviews and sent a meeting notice late: the Done group is
 * one closed "3 items" row whose obligations appear when it is opened, and it stays open when the
 * same file is shown again after a change, but not for another student. */
static void
test_done_opens_and_stays_open (void)
{
  ClWindow *window = demo_database_window (NULL);
  GtkWidget *page;
  GtkWidget *done;
  g_autofree char *closed = NULL;
  g_autofree char *opened = NULL;
  g_autofree char *again = NULL;

  g_assert_true (cl_window_select_student (window, "S-1002"));
  iterate ();
  page = GTK_WIDGET (window->student_page);
  done = find_row (page, ADW_TYPE_EXPANDER_ROW, "3 items");
  g_assert_nonnull (done);
  closed = rows_text (page);
  g_assert_null (strstr (closed, "Annual IEP review|Due November 9, 2024 · done November 7, 2024"));

  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (done), TRUE);
  iterate ();
  opened = rows_text (done);
  g_assert_nonnull (strstr (opened, "Annual IEP review|Due November 9, 2024 · done November 7, 2024"));
  g_assert_nonnull (strstr (opened, "Annual IEP review|Due November 7, 2025 · done November 6, 2025"));
  g_assert_nonnull (strstr (opened, "Meeting notice|Due November 23, 2026 · done November 24, 2026"));
  /* Each obligation's explanation waits for it to be opened in turn. */
  g_assert_null (strstr (opened, "Citation|"));
  /* A screen reader hears the status pill and the dates with the title. */
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (find_row (done, ADW_TYPE_EXPANDER_ROW, "Meeting notice")),
                                       GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                       "Done late. Due November 23, 2026 · done November 24, 2026");

  show_again (window);
  done = find_row (page, ADW_TYPE_EXPANDER_ROW, "3 items");
  g_assert_nonnull (done);
  g_assert_true (adw_expander_row_get_expanded (ADW_EXPANDER_ROW (done)));
  again = rows_text (done);
  g_assert_nonnull (strstr (again, "Meeting notice|Due November 23, 2026 · done November 24, 2026"));

  g_assert_true (cl_window_select_student (window, "S-1001"));
  iterate ();
  g_assert_true (cl_window_select_student (window, "S-1002"));
  iterate ();
  done = find_row (page, ADW_TYPE_EXPANDER_ROW, "3 items");
  g_assert_nonnull (done);
  g_assert_false (adw_expander_row_get_expanded (ADW_EXPANDER_ROW (done)));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* The pixels of the arrow of @row itself (the first one under it: its header's). */
static GBytes *
arrow_pixels (GtkWidget *row)
{
  g_autoptr(GPtrArray) stack = g_ptr_array_new ();
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GtkSnapshot) snapshot = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  GtkWidget *arrow = NULL;
  int width, height;
  guchar *data;

  g_ptr_array_add (stack, row);
  while (stack->len > 0 && arrow == NULL)
    {
      GtkWidget *w = g_ptr_array_steal_index (stack, 0);

      if (GTK_IS_IMAGE (w) && gtk_widget_has_css_class (w, "expander-row-arrow"))
        arrow = w;
      for (GtkWidget *c = gtk_widget_get_first_child (w); c; c = gtk_widget_get_next_sibling (c))
        g_ptr_array_add (stack, c);
    }
  g_assert_nonnull (arrow);
  /* Its style follows the row's state at the next frames, not at once. */
  for (guint i = 0; i < 3; i++)
    {
      iterate ();
      g_usleep (G_USEC_PER_SEC / 10);
    }
  iterate ();
  width = gtk_widget_get_width (arrow);
  height = gtk_widget_get_height (arrow);
  g_assert_cmpint (width, >, 0);
  paintable = gtk_widget_paintable_new (arrow);
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (gtk_widget_get_native (arrow)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  data = g_malloc (width * height * 4);
  gdk_texture_download (texture, data, width * 4);
  return g_bytes_new_take (data, width * height * 4);
}

/* Inside the open Done row, each obligation's arrow says whether that obligation is open, as a
 * row's arrow does anywhere else: closed when it is closed (libadwaita 1.2 showed them all open). */
static void
test_done_arrows (void)
{
  ClWindow *window = demo_database_window (NULL);
  GtkWidget *page, *done, *notice;
  g_autoptr(GBytes) closed = NULL;
  g_autoptr(GBytes) open = NULL;
  g_autoptr(GBytes) nested_closed = NULL;
  g_autoptr(GBytes) nested_open = NULL;

  /* The arrow turns in an animation: its end is what is compared. */
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);
  g_assert_true (cl_window_select_student (window, "S-1002"));
  iterate ();
  page = GTK_WIDGET (window->student_page);
  done = find_row (page, ADW_TYPE_EXPANDER_ROW, "3 items");
  g_assert_nonnull (done);
  closed = arrow_pixels (done);
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (done), TRUE);
  iterate ();
  open = arrow_pixels (done);
  g_assert_false (g_bytes_equal (closed, open));

  notice = find_row (done, ADW_TYPE_EXPANDER_ROW, "Meeting notice");
  g_assert_nonnull (notice);
  nested_closed = arrow_pixels (notice);
  g_assert_true (g_bytes_equal (nested_closed, closed));
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (notice), TRUE);
  iterate ();
  nested_open = arrow_pixels (notice);
  g_assert_true (g_bytes_equal (nested_open, open));
  /* Its neighbours stay closed. */
  g_bytes_unref (nested_closed);
  nested_closed = arrow_pixels (find_row (done, ADW_TYPE_EXPANDER_ROW, "Annual IEP review"));
  g_assert_true (g_bytes_equal (nested_closed, closed));
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", TRUE, NULL);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* The links under the name go to each section shown: the page scrolls to the timeline and the
 * focus is in it; back up to What Is Due. */
static void
test_jump_to_section (void)
{
  ClWindow *window = demo_database_window (NULL);
  ClStudentPage *page;
  GtkAdjustment *adjustment;
  GtkWidget *focus;
  double at_timeline;

  g_assert_true (cl_window_select_student (window, "S-1002"));
  iterate ();
  page = window->student_page;
  adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (adw_bin_get_child (ADW_BIN (page))));
  g_assert_cmpfloat (gtk_adjustment_get_value (adjustment), ==, 0);
  g_assert_nonnull (find_action_button (GTK_WIDGET (page->sections_box), "student.jump-to"));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "student.jump-to", "s", "timeline"));
  iterate ();
  at_timeline = gtk_adjustment_get_value (adjustment);
  g_assert_cmpfloat (at_timeline, >, 0);
  focus = gtk_root_get_focus (GTK_ROOT (window));
  g_assert_nonnull (focus);
  g_assert_true (gtk_widget_is_ancestor (focus, GTK_WIDGET (page->timeline_group)));
  shot (GTK_WIDGET (window), "jump-timeline");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "student.jump-to", "s", "due"));
  iterate ();
  g_assert_cmpfloat (gtk_adjustment_get_value (adjustment), <, at_timeline);
  g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (window)), GTK_WIDGET (page->due_group)));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* Arman Sargsyan (S-1039) on 2026-12-07: his parents have not answered the reassessment plan of
 * 2026-11-05 in the 15 days they have (to 11-20). That is a prompt to follow up, not a missed
 * deadline (rules.md §4 plan_decision_followup): the pill says Follow up, the header counts none
 * overdue, and the list shows his age-of-majority statement, due soon, as the most pressing. */
static void
test_prompt_is_not_overdue (void)
{
  ClWindow *window = demo_database_window_at (cl_date_from_ymd (2026, 12, 7), 1366, 768, NULL);
  GListModel *students = G_LIST_MODEL (window->students);
  GtkWidget *row;
  gboolean found = FALSE;

  g_assert_true (cl_window_select_student (window, "S-1039"));
  iterate ();
  row = find_row (GTK_WIDGET (window->student_page), ADW_TYPE_EXPANDER_ROW, "Parent's decision on the plan");
  g_assert_nonnull (row);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                       "Follow up. Due November 20, 2026");
  g_assert_cmpstr (gtk_label_get_label (window->student_page->summary_label), ==,
                   "5 open obligations, none overdue");
  for (guint i = 0; i < g_list_model_get_n_items (students); i++)
    {
      g_autoptr(ClStudentRow) student = g_list_model_get_item (students, i);

      if (!g_str_equal (cl_student_row_get_student (student)->id, "S-1039"))
        continue;
      found = TRUE;
      g_assert_cmpstr (cl_student_row_get_status (student), ==, "due_soon");
      g_assert_true (g_str_has_prefix (cl_student_row_get_next_due (student), "Age-of-majority notice"));
    }
  g_assert_true (found);
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int argc, char **argv)
{
  app = cl_ui_test_init (&argc, &argv);

  g_test_add_func ("/ui/student-page/done-opens-and-stays-open", test_done_opens_and_stays_open);
  g_test_add_func ("/ui/student-page/done-arrows", test_done_arrows);
  g_test_add_func ("/ui/student-page/jump-to-section", test_jump_to_section);
  g_test_add_func ("/ui/student-page/prompt-is-not-overdue", test_prompt_is_not_overdue);
  return cl_ui_test_run (app);
}
