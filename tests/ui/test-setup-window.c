/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-setup-window.c — District Set-Up on the demo copied into a database: a school year copied
 * to the next, a school renamed, a staff member's role changed and one added, the rule pack
 * chosen; each saved at once, and the main window reading it all when the set-up closes
 *
 * Pictures with CASELOAD_SHOTS=DIR.
 */
#include "cl-setup-window.h"
#include "cl-student-editor.h"
#include "cl-ui-test.h"

static ClApplication *app;

static gboolean
reloaded (gpointer window)
{
  ClCaseload *c = cl_session_get_caseload (CL_WINDOW (window)->session);

  return loaded (window) && c != NULL && g_strcmp0 (cl_caseload_get_jurisdiction (c), "UT") == 0;
}

static GtkWidget *
suffix_button (GtkWidget *row)
{
  return find_type (row, GTK_TYPE_BUTTON);
}

static void
test_district_setup (void)
{
  ClWindow *window = demo_database_window (NULL);
  ClSetupWindow *setup;
  GtkWidget *row, *staff, *combo;
  ClSchool *lincoln;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.district-setup", NULL));
  iterate ();
  setup = find_toplevel (CL_TYPE_SETUP_WINDOW, TRUE);
  g_assert_nonnull (setup);
  gtk_window_set_default_size (GTK_WINDOW (setup), 640, 640);
  iterate ();
  shot (GTK_WIDGET (setup), "district-setup-wide");
  gtk_window_set_default_size (GTK_WINDOW (setup), 360, 640);
  iterate ();
  shot (GTK_WIDGET (setup), "district-setup-narrow");

  /* 2025-26 cannot be copied over the 2026-27 the school has; 2026-27 can. */
  row = find_row (GTK_WIDGET (setup), ADW_TYPE_ACTION_ROW, "2025 to 2026 (lincoln-2025)");
  g_assert_false (gtk_widget_is_sensitive (suffix_button (row)));
  row = find_row (GTK_WIDGET (setup), ADW_TYPE_ACTION_ROW, "2026 to 2027 (lincoln-2026)");
  g_assert_true (gtk_widget_is_sensitive (suffix_button (row)));
  g_signal_emit_by_name (suffix_button (row), "clicked");
  iterate ();
  row = find_row (GTK_WIDGET (setup), ADW_TYPE_ACTION_ROW, "2027 to 2028 (lincoln-ms-2027)");
  g_assert_nonnull (row);
  /* 52 weeks after the demo's Mon 2026-08-17 .. Thu 2027-06-10, with its 7 closed ranges. */
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==, "August 16, 2027 to June 8, 2028, 7 closed ranges");

  row = find_row (GTK_WIDGET (setup), ADW_TYPE_ENTRY_ROW, "School name");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, "Lincoln Middle School");
  gtk_editable_set_text (GTK_EDITABLE (row), "Lincoln Academy");
  g_signal_emit_by_name (row, "apply");
  iterate ();

  staff = find_row (GTK_WIDGET (setup), ADW_TYPE_EXPANDER_ROW, "Marisol Delgado");
  combo = find_row (staff, ADW_TYPE_COMBO_ROW, "Role");
  adw_combo_row_set_selected (ADW_COMBO_ROW (combo), CL_STAFF_ADMINISTRATOR);
  iterate ();
  staff = find_row (GTK_WIDGET (setup), ADW_TYPE_EXPANDER_ROW, "Marisol Delgado");
  g_assert_cmpstr (adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (staff)), ==, "Administrator");

  row = find_row (GTK_WIDGET (setup), ADW_TYPE_ENTRY_ROW, "Add a staff member");
  gtk_editable_set_text (GTK_EDITABLE (row), "Pat Kim");
  g_signal_emit_by_name (row, "apply");
  iterate ();
  g_assert_nonnull (find_row (GTK_WIDGET (setup), ADW_TYPE_EXPANDER_ROW, "Pat Kim"));

  combo = find_row (GTK_WIDGET (setup), ADW_TYPE_COMBO_ROW, "Rule pack");
  {
    GListModel *names = adw_combo_row_get_model (ADW_COMBO_ROW (combo));
    for (guint i = 0; i < g_list_model_get_n_items (names); i++)
      if (g_str_has_suffix (gtk_string_list_get_string (GTK_STRING_LIST (names), i), "(UT)"))
        adw_combo_row_set_selected (ADW_COMBO_ROW (combo), i);
  }
  iterate ();

  /* Closed: the main window reads the database again. */
  gtk_window_close (GTK_WINDOW (setup));
  wait_for (reloaded, window);
  lincoln = cl_caseload_lookup_school (cl_session_get_caseload (window->session), "lincoln-ms");
  g_assert_cmpstr (lincoln->name, ==, "Lincoln Academy");
  g_assert_cmpuint (lincoln->calendars->len, ==, 4);
  g_assert_cmpint (cl_caseload_lookup_staff (cl_session_get_caseload (window->session), "t-delgado")->role, ==, CL_STAFF_ADMINISTRATOR);
  g_assert_nonnull (cl_caseload_lookup_staff (cl_session_get_caseload (window->session), "pat-kim"));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* The student form's dates and language: a calendar beside each date row, a list of languages
 * beside the language row; what is picked is what is saved. */
static void
test_student_form_pickers (void)
{
  ClWindow *window = demo_database_window (NULL);
  ClStudentEditor *editor;
  GtkWidget *birth, *picker, *language;
  GtkCalendar *calendar;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.new-student", NULL));
  iterate ();
  editor = find_toplevel (CL_TYPE_STUDENT_EDITOR, TRUE);
  g_assert_nonnull (editor);
  birth = find_row (GTK_WIDGET (editor), ADW_TYPE_ENTRY_ROW, "Birth");
  g_assert_nonnull (birth);
  picker = find_type (birth, GTK_TYPE_MENU_BUTTON);
  g_assert_nonnull (picker);
  calendar = GTK_CALENDAR (gtk_popover_get_child (gtk_menu_button_get_popover (GTK_MENU_BUTTON (picker))));
  {
    g_autoptr(GDateTime) day = g_date_time_new_local (2014, 3, 22, 0, 0, 0);
    gtk_calendar_select_day (calendar, day);
    g_signal_emit_by_name (calendar, "day-selected");
  }
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (birth)), ==, "2014-03-22");
  language = find_row (GTK_WIDGET (editor), ADW_TYPE_ENTRY_ROW, "Home Language");
  g_assert_nonnull (language);
  g_assert_nonnull (find_type (language, GTK_TYPE_MENU_BUTTON));
  shot (GTK_WIDGET (editor), "student-form-pickers");
  gtk_window_destroy (GTK_WINDOW (editor));
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int argc, char **argv)
{
  app = cl_ui_test_init (&argc, &argv);

  g_test_add_func ("/ui/setup-window/district-setup", test_district_setup);
  g_test_add_func ("/ui/setup-window/student-form-pickers", test_student_form_pickers);
  return cl_ui_test_run (app);
}
