/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-setup-window.c — District Set-Up on the demo copied into a database: a school year copied
 * to the next, a school renamed, a staff member's role changed and one added, the rule pack
 * chosen; each saved at once, and the main window reading it all when the set-up closes
 *
 * Pictures with CASELOAD_SHOTS=DIR.
 */
#include <glib/gstdio.h>
#include <string.h>

#include "cl-school-year-page.h"
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

/* The button under @widget whose label is @label. */
static GtkWidget *
find_labelled (GtkWidget  *widget,
               const char *label)
{
  if (GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_labelled (child, label);
      if (found != NULL)
        return found;
    }
  return NULL;
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
  row = find_row (GTK_WIDGET (setup), ADW_TYPE_ACTION_ROW, "School year 2025–2026");
  g_assert_false (gtk_widget_get_visible (suffix_button (row)));
  row = find_row (GTK_WIDGET (setup), ADW_TYPE_ACTION_ROW, "School year 2026–2027");
  g_assert_true (gtk_widget_get_visible (suffix_button (row)));
  g_signal_emit_by_name (suffix_button (row), "clicked");
  iterate ();
  row = find_row (GTK_WIDGET (setup), ADW_TYPE_ACTION_ROW, "School year 2027–2028");
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

  /* Marisol Delgado manages students: not removed, and the dialog says so; Pat Kim is removed,
   * and comes back from the toast. */
  staff = find_row (GTK_WIDGET (setup), ADW_TYPE_EXPANDER_ROW, "Marisol Delgado");
  g_signal_emit_by_name (find_type (find_row (staff, ADW_TYPE_ACTION_ROW, "Remove From"), GTK_TYPE_BUTTON), "clicked");
  iterate ();
  {
    AdwMessageDialog *dialog = find_dialog ();

    g_assert_nonnull (dialog);
    g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "Marisol Delgado is the case manager of"));
    gtk_window_destroy (GTK_WINDOW (dialog));
  }
  g_assert_nonnull (cl_caseload_lookup_staff (cl_session_get_caseload (window->session), "t-delgado"));
  staff = find_row (GTK_WIDGET (setup), ADW_TYPE_EXPANDER_ROW, "Pat Kim");
  g_signal_emit_by_name (find_type (find_row (staff, ADW_TYPE_ACTION_ROW, "Remove From"), GTK_TYPE_BUTTON), "clicked");
  iterate ();
  g_assert_null (find_row (GTK_WIDGET (setup), ADW_TYPE_EXPANDER_ROW, "Pat Kim"));
  g_assert_null (cl_caseload_lookup_staff (cl_session_get_caseload (window->session), "pat-kim"));
  g_signal_emit_by_name (find_labelled (GTK_WIDGET (setup), "_Undo"), "clicked");
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

/* A school year changed in place, in its subpage: the last day typed, a closed range added, its
 * label and holiday changed and removed; a first day that would overlap the year before refused
 * with a toast, nothing changed. */
static void
test_school_year_page (void)
{
  ClWindow *window = demo_database_window (NULL);
  ClSetupWindow *setup;
  ClSchoolYearPage *page;
  GtkWidget *row, *expander, *entry, *add, *group;
  g_autoptr(ClStore) store = NULL;
  g_autoptr(ClCalendarYear) year = NULL;
  g_autoptr(GError) error = NULL;
  guint n_closed;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.district-setup", NULL));
  iterate ();
  setup = find_toplevel (CL_TYPE_SETUP_WINDOW, TRUE);
  row = find_row (GTK_WIDGET (setup), ADW_TYPE_ACTION_ROW, "School year 2026–2027");
  g_signal_emit_by_name (row, "activated");
  iterate ();
  page = CL_SCHOOL_YEAR_PAGE (find_type (GTK_WIDGET (setup), CL_TYPE_SCHOOL_YEAR_PAGE));
  g_assert_nonnull (page);
  g_assert_cmpstr (cl_school_year_page_get_calendar_id (page), ==, "lincoln-2026");
  gtk_window_set_default_size (GTK_WINDOW (setup), 640, 720);
  iterate ();
  shot (GTK_WIDGET (setup), "school-year-wide");
  gtk_window_set_default_size (GTK_WINDOW (setup), 400, 720);
  iterate ();
  shot (GTK_WIDGET (setup), "school-year-narrow");

  store = cl_store_open (cl_session_get_path (window->session), FALSE, &error);
  g_assert_no_error (error);
  year = cl_store_dup_school_year (store, "lincoln-2026", &error);
  n_closed = year->closed->len;
  g_clear_pointer (&year, cl_calendar_year_free);

  entry = find_row (GTK_WIDGET (page), ADW_TYPE_ENTRY_ROW, "Last day of school");
  g_assert_nonnull (find_type (entry, GTK_TYPE_MENU_BUTTON));
  gtk_editable_set_text (GTK_EDITABLE (entry), "6/9/2027");
  g_signal_emit_by_name (entry, "apply");
  iterate ();
  year = cl_store_dup_school_year (store, "lincoln-2026", &error);
  g_assert_cmpuint (year->last_day, ==, cl_date_from_ymd (2027, 6, 9));
  g_clear_pointer (&year, cl_calendar_year_free);
  /* Undone from the window's toast: the day as it was, the page showing it again. */
  g_assert_nonnull (find_labelled (GTK_WIDGET (setup), "_Undo"));
  shot (GTK_WIDGET (setup), "school-year-saved");
  g_signal_emit_by_name (find_labelled (GTK_WIDGET (setup), "_Undo"), "clicked");
  iterate ();
  year = cl_store_dup_school_year (store, "lincoln-2026", &error);
  g_assert_cmpuint (year->last_day, ==, cl_date_from_ymd (2027, 6, 10));
  g_clear_pointer (&year, cl_calendar_year_free);
  entry = find_row (GTK_WIDGET (page), ADW_TYPE_ENTRY_ROW, "Last day of school");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "2027-06-10");
  g_assert_cmpuint (cl_caseload_lookup_calendar (cl_session_get_caseload (window->session), "lincoln-2026")->last_day, ==,
                    cl_date_from_ymd (2027, 6, 10));

  /* Lincoln's 2025-26 runs into June 2026. */
  entry = find_row (GTK_WIDGET (page), ADW_TYPE_ENTRY_ROW, "First day of school");
  gtk_editable_set_text (GTK_EDITABLE (entry), "2026-06-01");
  g_signal_emit_by_name (entry, "apply");
  iterate ();
  year = cl_store_dup_school_year (store, "lincoln-2026", &error);
  g_assert_cmpuint (year->first_day, ==, cl_date_from_ymd (2026, 8, 17));
  g_clear_pointer (&year, cl_calendar_year_free);
  {
    AdwMessageDialog *dialog = find_dialog ();

    g_assert_nonnull (dialog);
    g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "The School Year Was Not Changed");
    g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "Lincoln Middle School has another school year from"));
    shot (GTK_WIDGET (dialog), "school-year-refused");
    gtk_window_destroy (GTK_WINDOW (dialog));
  }
  gtk_editable_set_text (GTK_EDITABLE (entry), "2026-08-17");

  add = find_labelled (GTK_WIDGET (page), "_Add Closed Days");
  group = gtk_widget_get_ancestor (add, ADW_TYPE_PREFERENCES_GROUP);
  gtk_editable_set_text (GTK_EDITABLE (find_row (group, ADW_TYPE_ENTRY_ROW, "Closed for (")), "Staff Day");
  gtk_editable_set_text (GTK_EDITABLE (find_row (group, ADW_TYPE_ENTRY_ROW, "From")), "10/9/2026");
  g_signal_emit_by_name (add, "clicked");
  iterate ();
  year = cl_store_dup_school_year (store, "lincoln-2026", &error);
  g_assert_cmpuint (year->closed->len, ==, n_closed + 1);
  g_assert_cmpstr (g_array_index (year->closed, ClClosedRange, n_closed).label, ==, "Staff Day");
  g_assert_cmpuint (g_array_index (year->closed, ClClosedRange, n_closed).to, ==, cl_date_from_ymd (2026, 10, 9));
  g_clear_pointer (&year, cl_calendar_year_free);

  expander = find_row (GTK_WIDGET (page), ADW_TYPE_EXPANDER_ROW, "Staff Day");
  g_assert_nonnull (expander);
  entry = find_row (expander, ADW_TYPE_ENTRY_ROW, "Closed for");
  gtk_editable_set_text (GTK_EDITABLE (entry), "Staff Development Day");
  g_signal_emit_by_name (entry, "apply");
  iterate ();
  expander = find_row (GTK_WIDGET (page), ADW_TYPE_EXPANDER_ROW, "Staff Development Day");
  g_assert_nonnull (expander);
  gtk_switch_set_active (GTK_SWITCH (find_type (find_row (expander, ADW_TYPE_ACTION_ROW, "Offices closed"), GTK_TYPE_SWITCH)), TRUE);
  iterate ();
  year = cl_store_dup_school_year (store, "lincoln-2026", &error);
  g_assert_cmpstr (g_array_index (year->closed, ClClosedRange, n_closed).label, ==, "Staff Development Day");
  g_assert_true (g_array_index (year->closed, ClClosedRange, n_closed).holiday);
  g_clear_pointer (&year, cl_calendar_year_free);
  shot (GTK_WIDGET (setup), "school-year-edited");

  expander = find_row (GTK_WIDGET (page), ADW_TYPE_EXPANDER_ROW, "Staff Development Day");
  g_signal_emit_by_name (find_type (find_row (expander, ADW_TYPE_ACTION_ROW, "Remove These"), GTK_TYPE_BUTTON), "clicked");
  iterate ();
  year = cl_store_dup_school_year (store, "lincoln-2026", &error);
  g_assert_cmpuint (year->closed->len, ==, n_closed);
  g_clear_pointer (&year, cl_calendar_year_free);

  gtk_window_close (GTK_WINDOW (setup));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* A district pack file: one with a mistake is refused with the path of the mistake and changes
 * nothing; a sound one is copied in, offered by name and counted with at once. */
static void
test_district_pack (void)
{
  ClWindow *window = demo_database_window (NULL);
  ClSetupWindow *setup;
  g_autofree char *dir = make_tmp_dir ("caseload-pack-XXXXXX");
  g_autofree char *bad = g_build_filename (dir, "test-bad.json", NULL);
  g_autofree char *good = g_build_filename (dir, "test-district.json", NULL);
  g_autofree char *installed = g_build_filename (g_get_user_data_dir (), "caseload", "rules", "test-district.json", NULL);
  g_autofree char *jurisdiction = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *combo;
  GListModel *names;

  g_assert_true (g_file_set_contents (bad, "{\"id\": \"CA-TEST\", \"name\": \"Test District\", \"extends\": \"CA\","
                                      " \"rules\": {\"meeting_notice_due\": {\"days_before\": \"ten\"}}}", -1, NULL));
  g_assert_true (g_file_set_contents (good, "{\"id\": \"CA-TEST\", \"name\": \"Test District\", \"extends\": \"CA\","
                                       " \"rules\": {\"meeting_notice_due\": {\"days_before\": 14}}}", -1, NULL));
  jurisdiction = g_strdup (cl_caseload_get_jurisdiction (cl_session_get_caseload (window->session)));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.district-setup", NULL));
  iterate ();
  setup = find_toplevel (CL_TYPE_SETUP_WINDOW, TRUE);

  g_assert_false (_cl_setup_window_add_pack (setup, bad, &error));
  g_assert_nonnull (error);
  if (strstr (error->message, "test-bad.json: rules.meeting_notice_due.days_before") == NULL)
    g_error ("the mistake's path is not in “%s”", error->message);
  g_clear_error (&error);
  g_assert_false (g_file_test (installed, G_FILE_TEST_EXISTS));
  g_assert_cmpstr (cl_caseload_get_jurisdiction (cl_session_get_caseload (window->session)), ==, jurisdiction);

  g_assert_true (_cl_setup_window_add_pack (setup, good, &error));
  g_assert_no_error (error);
  iterate ();
  g_assert_true (g_file_test (installed, G_FILE_TEST_EXISTS));
  g_assert_cmpstr (cl_caseload_get_jurisdiction (cl_session_get_caseload (window->session)), ==, "CA-TEST");
  combo = find_row (GTK_WIDGET (setup), ADW_TYPE_COMBO_ROW, "Rule pack");
  names = adw_combo_row_get_model (ADW_COMBO_ROW (combo));
  g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (names), adw_combo_row_get_selected (ADW_COMBO_ROW (combo))),
                   ==, "Test District (CA-TEST)");
  adw_preferences_window_set_visible_page_name (ADW_PREFERENCES_WINDOW (setup), "rules");
  iterate ();
  shot (GTK_WIDGET (setup), "district-pack");
  g_unlink (installed);
  gtk_window_close (GTK_WINDOW (setup));
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
  g_autofree char *data_home = g_dir_make_tmp ("caseload-data-XXXXXX", NULL);
  int status;

  /* The district pack is copied into a data directory of the test's own, never the user's. */
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);
  app = cl_ui_test_init (&argc, &argv);

  g_test_add_func ("/ui/setup-window/district-setup", test_district_setup);
  g_test_add_func ("/ui/setup-window/school-year-page", test_school_year_page);
  g_test_add_func ("/ui/setup-window/district-pack", test_district_pack);
  g_test_add_func ("/ui/setup-window/student-form-pickers", test_student_form_pickers);
  status = cl_ui_test_run (app);
  remove_tree (data_home);
  return status;
}
