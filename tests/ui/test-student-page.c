/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-student-page.c — the student page builds its closed rows when they are opened
 *
 * Run under xvfb-run, like test-window.
 */
#include <string.h>

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

int
main (int argc, char **argv)
{
  app = cl_ui_test_init (&argc, &argv);

  g_test_add_func ("/ui/student-page/done-opens-and-stays-open", test_done_opens_and_stays_open);
  return cl_ui_test_run (app);
}
