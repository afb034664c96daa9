/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-keyboard.c — the case manager's way through the app with the keyboard alone: Ctrl+F and a
 * name, Enter opens the one student found, Ctrl+M plans a meeting for them, Escape leaves the file
 * and focus is back on the list
 *
 * Keys go through the widgets' own shortcuts and signals as GTK handles a key press (press() in
 * cl-ui-test.c; Enter in an entry is its ::activate). Run under xvfb-run.
 */
#include <string.h>

#include "cl-ui-test.h"

static ClApplication *app;

static void
test_search_enter_escape (void)
{
  ClWindow *window = demo_database_window_at (cl_date_from_ymd (2026, 12, 7), 1366, 768, NULL);
  ClStudent *student;

  /* Ctrl+F: the search, focused. */
  g_assert_true (press (GTK_WIDGET (window), GDK_KEY_f, GDK_CONTROL_MASK));
  g_assert_true (gtk_search_bar_get_search_mode (window->search_bar));
  g_assert_true (gtk_widget_is_focus (GTK_WIDGET (window->search_entry)) ||
                 gtk_widget_has_focus (gtk_widget_get_first_child (GTK_WIDGET (window->search_entry))) ||
                 gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (window)), GTK_WIDGET (window->search_entry)));

  /* A search that finds several: Enter goes to the list, no file opens. */
  gtk_editable_set_text (GTK_EDITABLE (window->search_entry), "Okafor");
  g_signal_emit_by_name (window->search_entry, "search-changed");
  iterate ();
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (window->visible)), >, 1);
  g_signal_emit_by_name (window->search_entry, "activate");
  iterate ();
  g_assert_null (_cl_window_get_student (window));
  g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (window)), GTK_WIDGET (window->student_list)));

  /* One found: Enter opens their file. */
  gtk_editable_set_text (GTK_EDITABLE (window->search_entry), "S-1002");
  g_signal_emit_by_name (window->search_entry, "search-changed");
  iterate ();
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (window->visible)), ==, 1);
  g_signal_emit_by_name (window->search_entry, "activate");
  iterate ();
  student = _cl_window_get_student (window);
  g_assert_nonnull (student);
  g_assert_cmpstr (student->id, ==, "S-1002");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->content_stack), !=, "select");

  /* Escape in the file: the file closes, the list has focus. */
  g_assert_true (press (GTK_WIDGET (window->student_page), GDK_KEY_Escape, 0));
  g_assert_null (_cl_window_get_student (window));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->content_stack), ==, "select");
  g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (window)), GTK_WIDGET (window->student_list)));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* Folded at a phone's width, Escape goes back from the file to the list. */
static void
test_escape_narrow (void)
{
  ClWindow *window = demo_database_window_at (cl_date_from_ymd (2026, 12, 7), 400, 760, NULL);

  iterate ();
  g_assert_true (adw_leaflet_get_folded (window->leaflet));
  g_assert_true (cl_window_select_student (window, "S-1002"));
  adw_leaflet_navigate (window->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
  iterate ();
  g_assert_false (gtk_widget_is_ancestor (GTK_WIDGET (window->student_list), adw_leaflet_get_visible_child (window->leaflet)));
  g_assert_true (press (GTK_WIDGET (window->student_page), GDK_KEY_Escape, 0));
  iterate ();
  g_assert_true (gtk_widget_is_ancestor (GTK_WIDGET (window->student_list), adw_leaflet_get_visible_child (window->leaflet)));
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int argc, char **argv)
{
  app = cl_ui_test_init (&argc, &argv);

  g_test_add_func ("/ui/keyboard/search-enter-escape", test_search_enter_escape);
  g_test_add_func ("/ui/keyboard/escape-narrow", test_escape_narrow);
  return cl_ui_test_run (app);
}
