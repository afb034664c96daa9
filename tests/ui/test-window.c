/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-window.c — the main window on the demo caseload, driven as a user would (under Xvfb) */
#include <string.h>

#include "cl-bundle-writer.h"
#include "cl-document-window.h"
#include "cl-event-editor.h"
#include "cl-guardian-editor.h"
#include "cl-student-editor.h"
#include "cl-student-row.h"
#include "cl-synthetic-caseload.h"
#include "cl-test-damage.h"
#include "cl-ui-test.h"

static ClApplication *app;

static ClWindow *
demo_window (void)
{
  ClWindow *window = cl_window_new (app);

  gtk_window_present (GTK_WINDOW (window));
  cl_window_open_demo (window);
  iterate ();
  return window;
}

static void
test_parts (void)
{
  ClWindow *window = demo_window ();

  g_assert_true (ADW_IS_LEAFLET (window->leaflet));
  g_assert_true (GTK_IS_LIST_VIEW (window->student_list));
  g_assert_true (GTK_IS_SEARCH_ENTRY (window->search_entry));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->sidebar_stack), ==, "list");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->content_stack), ==, "select");
  /* The demo is about 40 students over two schools. */
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (window->students)), >=, 35);
  g_assert_true (cl_session_get_read_only (window->session));
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
collect_student_rows (GtkWidget *widget,
                      GPtrArray *rows)
{
  if (gtk_widget_has_css_class (widget, "student-row"))
    g_ptr_array_add (rows, widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    collect_student_rows (child, rows);
}

/* The list's rows shorten the next item's title, never its date ("Dec 2, 20…" said less than
 * the row is for); at 400 px, every row shown has its whole date. */
static void
test_row_keeps_date (void)
{
  ClWindow *window = cl_window_new (app);
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  guint shortened = 0, dated = 0;

  gtk_window_set_default_size (GTK_WINDOW (window), 400, 760);
  gtk_window_present (GTK_WINDOW (window));
  cl_window_open_demo (window);
  iterate ();
  collect_student_rows (GTK_WIDGET (window->student_list), rows);
  g_assert_cmpuint (rows->len, >, 3);
  for (guint i = 0; i < rows->len; i++)
    {
      GtkWidget *text = gtk_widget_get_first_child (rows->pdata[i]);
      GtkWidget *next_due = gtk_widget_get_last_child (text);
      GtkWidget *title = gtk_widget_get_first_child (next_due);
      GtkWidget *date = gtk_widget_get_next_sibling (title);
      const char *date_text = gtk_label_get_label (GTK_LABEL (date));
      int natural = 0;

      if (!gtk_widget_get_mapped (rows->pdata[i]) || !gtk_widget_get_visible (date))
        continue;
      g_assert_true (g_str_has_prefix (date_text, " · "));
      g_assert_true (g_str_has_suffix (date_text, "2026") || g_str_has_suffix (date_text, "2027") ||
                     g_str_has_suffix (date_text, "2025"));
      gtk_widget_measure (date, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &natural, NULL, NULL);
      g_assert_cmpint (gtk_widget_get_width (date), >=, natural);
      dated++;
      /* Squeezed, the line gives up the title first: its least width keeps the whole date and
       * only an ellipsis of the title. */
      {
        int line_minimum = 0, title_minimum = 0, title_natural = 0, date_natural = natural;

        gtk_widget_measure (next_due, GTK_ORIENTATION_HORIZONTAL, -1, &line_minimum, NULL, NULL, NULL);
        gtk_widget_measure (title, GTK_ORIENTATION_HORIZONTAL, -1, &title_minimum, &title_natural, NULL, NULL);
        g_assert_cmpint (line_minimum, >=, date_natural);
        g_assert_cmpint (title_minimum, <, title_natural);
        shortened += line_minimum < date_natural + title_natural;
      }
    }
  g_assert_cmpuint (dated, >, 3);
  g_assert_cmpuint (shortened, ==, dated);
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_search (void)
{
  ClWindow *window = demo_window ();
  guint all = g_list_model_get_n_items (G_LIST_MODEL (window->visible));

  /* By name, case-insensitively and accent-aware as typed. */
  gtk_editable_set_text (GTK_EDITABLE (window->search_entry), "nguyen");
  g_signal_emit_by_name (window->search_entry, "search-changed");
  iterate ();
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (window->visible)), >=, 1);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (window->visible)), <, all);

  /* By id. */
  gtk_editable_set_text (GTK_EDITABLE (window->search_entry), "S-1002");
  g_signal_emit_by_name (window->search_entry, "search-changed");
  iterate ();
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (window->visible)), ==, 1);

  /* Nothing: the No Results page. */
  gtk_editable_set_text (GTK_EDITABLE (window->search_entry), "zzzz-nobody");
  g_signal_emit_by_name (window->search_entry, "search-changed");
  iterate ();
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (window->visible)), ==, 0);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->sidebar_stack), ==, "no-results");

  gtk_editable_set_text (GTK_EDITABLE (window->search_entry), "");
  g_signal_emit_by_name (window->search_entry, "search-changed");
  iterate ();
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (window->visible)), ==, all);
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
search_for (ClWindow   *window,
            const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (window->search_entry), text);
  g_signal_emit_by_name (window->search_entry, "search-changed");
  iterate ();
}

/* What the list view shows, place by place, is what @reference (GTK's own filter and sort
 * models over the same students, filter and sorter) holds. */
static void
assert_list_is (ClWindow   *window,
                GListModel *reference)
{
  GListModel *shown = G_LIST_MODEL (window->selection);
  guint n = g_list_model_get_n_items (reference);

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (window->visible)), ==, n);
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, n);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ClStudentRow) expected = g_list_model_get_item (reference, i);
      g_autoptr(ClStudentRow) row = g_list_model_get_item (G_LIST_MODEL (window->visible), i);
      g_autoptr(ClStudentSlot) slot = g_list_model_get_item (shown, i);

      g_assert_true (row == expected);
      g_assert_true (cl_student_slot_get_row (slot) == expected);
    }
}

static void
test_search_list_order (void)
{
  ClWindow *window = demo_window ();
  g_autoptr(GtkSortListModel) reference =
    gtk_sort_list_model_new (G_LIST_MODEL (gtk_filter_list_model_new (g_object_ref (G_LIST_MODEL (window->students)),
                                                                      g_object_ref (GTK_FILTER (window->filter)))),
                             g_object_ref (GTK_SORTER (window->sorter)));
  /* Erasing back through what was typed gives back the lists kept while narrowing. */
  const char *typed[] = { "n", "ng", "ngu", "ng", "", "a", "an", "ann", "a", "e", "", "s-1", "s-10", "zz", "",
                          "m", "mi", "min", "mi", "m", "", "r", "ra", "r", "ro", "r", "" };

  assert_list_is (window, G_LIST_MODEL (reference));
  /* Narrowing, widening, and a different search each time. */
  for (guint i = 0; i < G_N_ELEMENTS (typed); i++)
    {
      search_for (window, typed[i]);
      assert_list_is (window, G_LIST_MODEL (reference));
    }
  /* The other filters and the sort go through the same list. */
  search_for (window, "e");
  g_action_group_activate_action (G_ACTION_GROUP (window->list_actions), "show", g_variant_new_string ("attention"));
  iterate ();
  assert_list_is (window, G_LIST_MODEL (reference));
  g_action_group_activate_action (G_ACTION_GROUP (window->list_actions), "sort", g_variant_new_string ("name"));
  iterate ();
  assert_list_is (window, G_LIST_MODEL (reference));
  /* What was kept while narrowing is forgotten when another filter changes. */
  search_for (window, "ea");
  assert_list_is (window, G_LIST_MODEL (reference));
  g_action_group_activate_action (G_ACTION_GROUP (window->list_actions), "show", g_variant_new_string ("overdue"));
  iterate ();
  search_for (window, "e");
  assert_list_is (window, G_LIST_MODEL (reference));
  g_action_group_activate_action (G_ACTION_GROUP (window->list_actions), "show", g_variant_new_string ("all"));
  search_for (window, "");
  assert_list_is (window, G_LIST_MODEL (reference));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (window->visible)), ==,
                    g_list_model_get_n_items (G_LIST_MODEL (window->students)));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* The student whose file is open stays selected, in whatever place of the list the search puts
 * them, as long as the search finds them; the file is not opened again meanwhile. */
static void
assert_still_selected (ClWindow   *window,
                       ClStudentRow *row)
{
  guint position = gtk_single_selection_get_selected (window->selection);
  g_autoptr(ClStudentRow) at = NULL;

  g_assert_cmpuint (position, !=, GTK_INVALID_LIST_POSITION);
  at = g_list_model_get_item (G_LIST_MODEL (window->visible), position);
  g_assert_true (at == row);
  g_assert_true (_cl_window_get_student (window) == cl_student_row_get_student (row));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->content_stack), ==, "student");
}

static void
test_search_keeps_selection (void)
{
  ClWindow *window = demo_window ();
  g_autoptr(ClStudentRow) row = NULL;
  guint first, moved = 0;
  const char *typed[] = { "n", "ng", "ngu", "nguyen", "ngu", "n", "", "minh", "i", "" };

  g_assert_true (cl_window_select_student (window, "S-1002"));
  iterate ();
  first = gtk_single_selection_get_selected (window->selection);
  row = g_list_model_get_item (G_LIST_MODEL (window->visible), first);
  g_assert_cmpstr (cl_student_row_get_student (row)->id, ==, "S-1002");
  for (guint i = 0; i < G_N_ELEMENTS (typed); i++)
    {
      search_for (window, typed[i]);
      assert_still_selected (window, row);
      if (gtk_single_selection_get_selected (window->selection) != first)
        moved++;
    }
  /* The searches did move the student to other places of the list. */
  g_assert_cmpuint (moved, >, 0);

  /* A search that does not find them: nothing is selected, and no file is open. */
  search_for (window, "zzzz-nobody");
  g_assert_cmpuint (gtk_single_selection_get_selected (window->selection), ==, GTK_INVALID_LIST_POSITION);
  g_assert_null (_cl_window_get_student (window));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->content_stack), ==, "select");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->sidebar_stack), ==, "no-results");
  search_for (window, "");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->sidebar_stack), ==, "list");

  /* Selecting the first row right after a keystroke gets the first student found. */
  search_for (window, "minh nguyen");
  gtk_single_selection_set_selected (window->selection, 0);
  iterate ();
  g_assert_cmpstr (_cl_window_get_student (window)->id, ==, "S-1002");
  gtk_window_destroy (GTK_WINDOW (window));
}


/* Shows each page of the open view menu in turn, as a user going through its submenus. */
static void
show_every_view_menu_page (ClWindow *window)
{
  for (GtkWidget *page = gtk_widget_get_first_child (GTK_WIDGET (window->view_menu_stack)); page != NULL;
       page = gtk_widget_get_next_sibling (page))
    {
      gtk_stack_set_visible_child (window->view_menu_stack, page);
      iterate ();
    }
}

/* Whether @id has a student at @school. */
static gboolean
case_manager_at (ClCaseload *caseload,
                 const char *id,
                 const char *school)
{
  for (guint i = 0; i < cl_caseload_get_students (caseload)->len; i++)
    {
      ClStudent *student = cl_caseload_get_students (caseload)->pdata[i];
      if (student->case_manager && student->school && g_str_equal (student->case_manager->id, id) &&
          g_str_equal (student->school->id, school))
        return TRUE;
    }
  return FALSE;
}

/* With @school chosen (or none) and @chosen the case manager filter, the Case Manager submenu,
 * shown, holds "All Case Managers", then @chosen if any and the school's case managers; without
 * a school, a heading saying to choose one. */
static void
assert_case_manager_menu (ClWindow   *window,
                          const char *school,
                          const char *chosen)
{
  ClCaseload *caseload = cl_session_get_caseload (window->session);
  g_autoptr(GMenuModel) managers = NULL;
  g_autofree char *heading = NULL;
  guint expected = 1;

  g_action_group_activate_action (G_ACTION_GROUP (window->list_actions), "school", g_variant_new_string (school));
  gtk_menu_button_popup (window->view_button);
  iterate ();
  show_every_view_menu_page (window);
  managers = g_menu_model_get_item_link (G_MENU_MODEL (window->case_manager_menu), 0, G_MENU_LINK_SECTION);
  g_assert_nonnull (managers);
  for (guint i = 0; i < cl_caseload_get_staff (caseload)->len; i++)
    {
      ClStaff *member = cl_caseload_get_staff (caseload)->pdata[i];
      if (member->role == CL_STAFF_CASE_MANAGER &&
          (g_str_equal (member->id, chosen) || (*school && case_manager_at (caseload, member->id, school))))
        expected++;
    }
  g_assert_cmpint (g_menu_model_get_n_items (managers), ==, expected);
  if (*school)
    g_assert_cmpint (expected, >, 1);
  g_assert_true (g_menu_model_get_item_attribute (G_MENU_MODEL (window->case_manager_menu), 0, G_MENU_ATTRIBUTE_LABEL,
                                                  "s", &heading) == (*school == '\0'));
  if (heading)
    g_assert_nonnull (strstr (heading, "choose a school"));
  gtk_menu_button_popdown (window->view_button);
  iterate ();
}

static void
test_sort_and_filter (void)
{
  ClWindow *window = demo_window ();
  GListModel *model = G_LIST_MODEL (window->visible);
  guint all = g_list_model_get_n_items (model);
  ClDate previous = 0;

  /* By next due date, the most pressing first. */
  for (guint i = 0; i < all; i++)
    {
      g_autoptr(ClStudentRow) row = g_list_model_get_item (model, i);
      g_assert_cmpuint (cl_student_row_get_next_due_date (row), >=, previous);
      previous = cl_student_row_get_next_due_date (row);
    }

  /* Overdue only: every row's most pressing item is overdue, and there are fewer rows. */
  g_action_group_activate_action (G_ACTION_GROUP (window->list_actions), "show", g_variant_new_string ("overdue"));
  iterate ();
  g_assert_cmpuint (g_list_model_get_n_items (model), >, 0);
  g_assert_cmpuint (g_list_model_get_n_items (model), <, all);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(ClStudentRow) row = g_list_model_get_item (model, i);
      g_assert_cmpint (cl_student_row_get_next_status (row), ==, CL_STATUS_OVERDUE);
    }
  g_action_group_activate_action (G_ACTION_GROUP (window->list_actions), "show", g_variant_new_string ("all"));

  /* One school. */
  g_action_group_activate_action (G_ACTION_GROUP (window->list_actions), "school", g_variant_new_string ("lincoln-ms"));
  iterate ();
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(ClStudentRow) row = g_list_model_get_item (model, i);
      g_assert_cmpstr (cl_student_row_get_student (row)->school->id, ==, "lincoln-ms");
    }
  g_assert_cmpuint (g_list_model_get_n_items (model), <, all);
  g_action_group_activate_action (G_ACTION_GROUP (window->list_actions), "school", g_variant_new_string (""));

  /* The School and Case Manager submenus list the caseload's once each is shown (not before: a
   * district's thousands of case managers would hold back the list, then the menu). */
  gtk_menu_button_popup (window->view_button);
  iterate ();
  g_assert_nonnull (window->view_menu_stack);
  g_assert_cmpint (g_menu_model_get_n_items (G_MENU_MODEL (window->school_menu)), ==, 0);
  g_assert_cmpint (g_menu_model_get_n_items (G_MENU_MODEL (window->case_manager_menu)), ==, 0);
  show_every_view_menu_page (window);
  {
    ClCaseload *caseload = cl_session_get_caseload (window->session);
    GMenuModel *schools = g_menu_model_get_item_link (G_MENU_MODEL (window->school_menu), 0, G_MENU_LINK_SECTION);
    GMenuModel *managers = g_menu_model_get_item_link (G_MENU_MODEL (window->case_manager_menu), 0, G_MENU_LINK_SECTION);
    guint n_managers = 0;
    g_autofree char *target = NULL;

    for (guint i = 0; i < cl_caseload_get_staff (caseload)->len; i++)
      n_managers += ((ClStaff *) cl_caseload_get_staff (caseload)->pdata[i])->role == CL_STAFF_CASE_MANAGER;
    g_assert_nonnull (schools);
    g_assert_nonnull (managers);
    /* "All Schools" / "All Case Managers", then each. */
    g_assert_cmpint (g_menu_model_get_n_items (schools), ==, cl_caseload_get_schools (caseload)->len + 1);
    g_assert_cmpint (g_menu_model_get_n_items (managers), ==, n_managers + 1);
    g_assert_true (g_menu_model_get_item_attribute (schools, 1, G_MENU_ATTRIBUTE_TARGET, "s", &target));
    g_assert_cmpstr (target, ==, ((ClSchool *) cl_caseload_get_schools (caseload)->pdata[0])->id);
    g_object_unref (schools);
    g_object_unref (managers);
  }
  gtk_menu_button_popdown (window->view_button);
  iterate ();

  /* A district with more case managers than a menu holds usefully (here: more than 2): the
   * submenu says to choose a school, then lists that school's case managers only, and keeps the
   * one chosen. */
  window->case_manager_menu_max = 2;
  g_menu_remove_all (window->case_manager_menu);
  window->case_manager_menu_empty = TRUE;
  assert_case_manager_menu (window, "", "");
  assert_case_manager_menu (window, "lincoln-ms", "");
  {
    ClStaff *other = NULL;
    ClCaseload *caseload = cl_session_get_caseload (window->session);

    /* A case manager with no student at Lincoln, chosen before Lincoln was. */
    for (guint i = 0; i < cl_caseload_get_students (caseload)->len && other == NULL; i++)
      {
        ClStudent *student = cl_caseload_get_students (caseload)->pdata[i];
        if (student->case_manager && !case_manager_at (caseload, student->case_manager->id, "lincoln-ms"))
          other = student->case_manager;
      }
    g_assert_nonnull (other);
    g_action_group_activate_action (G_ACTION_GROUP (window->list_actions), "case-manager", g_variant_new_string (other->id));
    assert_case_manager_menu (window, "lincoln-ms", other->id);
    g_action_group_activate_action (G_ACTION_GROUP (window->list_actions), "case-manager", g_variant_new_string (""));
  }
  g_action_group_activate_action (G_ACTION_GROUP (window->list_actions), "school", g_variant_new_string (""));
  window->case_manager_menu_max = G_MAXUINT;
  g_menu_remove_all (window->case_manager_menu);
  window->case_manager_menu_empty = TRUE;

  /* By name. */
  g_action_group_activate_action (G_ACTION_GROUP (window->list_actions), "sort", g_variant_new_string ("name"));
  iterate ();
  for (guint i = 1; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(ClStudentRow) a = g_list_model_get_item (model, i - 1);
      g_autoptr(ClStudentRow) b = g_list_model_get_item (model, i);
      g_assert_cmpint (g_utf8_collate (cl_student_row_get_student (a)->last_name,
                                       cl_student_row_get_student (b)->last_name), <=, 0);
    }
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_views (void)
{
  ClWindow *window = demo_window ();
  guint all = g_list_model_get_n_items (G_LIST_MODEL (window->visible));
  ClStudent *student = cl_caseload_get_students (cl_session_get_caseload (window->session))->pdata[0];
  const char *manager = student->case_manager->id;

  _cl_window_show_view (window, "due");
  iterate ();
  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->content_stack), ==, "due");
  g_assert_cmpstr (adw_window_title_get_title (window->content_title), ==, "Everything Due");

  /* A row of the due list opens the student's file. */
  g_signal_emit_by_name (window->due_page, "student-activated", student->id);
  iterate ();
  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->content_stack), ==, "student");

  /* A case manager's bar drills down to their students. */
  _cl_window_show_view (window, "compliance");
  iterate ();
  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->content_stack), ==, "compliance");
  g_signal_emit_by_name (window->compliance_page, "case-manager-activated", manager);
  iterate ();
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (window->visible)), <, all);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (window->visible)); i++)
    {
      g_autoptr(ClStudentRow) row = g_list_model_get_item (G_LIST_MODEL (window->visible), i);
      g_assert_cmpstr (cl_student_row_get_student (row)->case_manager->id, ==, manager);
    }
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_student_page (void)
{
  ClWindow *window = demo_window ();

  g_assert_true (cl_window_select_student (window, "S-1002"));
  iterate ();
  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->content_stack), ==, "student");
  g_assert_cmpstr (adw_window_title_get_title (window->content_title), ==, "Minh Nguyen");
  g_assert_false (cl_window_select_student (window, "S-404"));
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_database (void)
{
  ClWindow *window = cl_window_new (app);
  g_autofree char *dir = make_tmp_dir ("caseload-ui-XXXXXX");
  g_autofree char *path = g_build_filename (dir, "caseload.db", NULL);
  g_autoptr(GError) error = NULL;

  watch_window (window);

  /* A new database: the first-run page. */
  gtk_window_present (GTK_WINDOW (window));
  cl_window_open_database (window, path);
  g_assert_nonnull (cl_session_get_store (window->session));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->sidebar_stack), ==, "loading");
  wait_loaded (window);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->sidebar_stack), ==, "empty");
  g_assert_cmpstr (adw_status_page_get_title (window->empty_page), ==, "No Students Yet");
  g_assert_false (cl_session_get_read_only (window->session));

  /* Students written to it show up when it is read again. */
  {
    g_autoptr(ClCaseload) c = cl_synthetic_caseload_new (12, 8, 5, cl_date_from_ymd (2026, 11, 24));
    g_assert_true (cl_store_import (cl_session_get_store (window->session), c, FALSE, NULL, NULL, &error));
    g_assert_no_error (error);
  }
  g_assert_true (cl_session_reload (window->session, &error));
  g_assert_no_error (error);
  iterate ();
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (window->students)), ==, 12);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->sidebar_stack), ==, "list");

  /* Importing the demo bundle adds its students, in the background, behind a progress bar. */
  {
    g_autofree char *demo = g_test_build_filename (G_TEST_DIST, "..", "..", "data", "demo", "demo-caseload.json", NULL);
    g_autoptr(GFile) file = g_file_new_for_path (demo);
    gint64 deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;

    _cl_window_import_file (window, file);
    g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window->import_progress)));
    while (gtk_widget_get_visible (GTK_WIDGET (window->import_progress)) && g_get_monotonic_time () < deadline)
      g_main_context_iteration (NULL, TRUE);
    g_assert_false (gtk_widget_get_visible (GTK_WIDGET (window->import_progress)));
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (window->students)), >, 12 + 35);
  }
  gtk_window_destroy (GTK_WINDOW (window));
}

/* The case manager's morning: the demo in a database, a student found by search, their file with
 * an overdue item and its citation, an event changed, then undone, and both in the history. */
static void
test_edit_and_undo (void)
{
  ClWindow *window = demo_database_window (NULL);
  g_autoptr(GString) rows = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) trail = NULL;
  ClStudent *student;
  const ClEvent *event;
  ClDate original;
  guint position, n_events;
  AdwMessageDialog *dialog;

  /* Search finds the student; the file shows an overdue annual review with its citation. */
  gtk_editable_set_text (GTK_EDITABLE (window->search_entry), "minh nguyen");
  g_signal_emit_by_name (window->search_entry, "search-changed");
  iterate ();
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (window->visible)), ==, 1);
  gtk_single_selection_set_selected (window->selection, 0);
  iterate ();
  student = _cl_window_get_student (window);
  g_assert_cmpstr (student->id, ==, "S-1002");
  expand_rows (GTK_WIDGET (window->student_page));
  collect_rows (GTK_WIDGET (window->student_page), rows);
  g_assert_nonnull (strstr (rows->str, "Annual IEP review|Due November 6, 2026"));
  g_assert_nonnull (strstr (rows->str, "Citation|EC 56343(d), 34 CFR 300.324(b)(1)"));

  /* Change the date of the latest event through the form. */
  n_events = student->events->len;
  event = &g_array_index (student->events, ClEvent, n_events - 1);
  position = event->order;
  original = event->date;
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window->student_page), "student.edit-event", "u", position));
  iterate ();
  dialog = find_dialog ();
  g_assert_nonnull (dialog);
  /* An impossible date cannot be saved. */
  cl_event_editor_set_date_text (CL_EVENT_EDITOR (adw_message_dialog_get_extra_child (dialog)), "2026-02-30");
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "save"));
  cl_event_editor_set_date_text (CL_EVENT_EDITOR (adw_message_dialog_get_extra_child (dialog)), "2020-01-02");
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "save"));
  adw_message_dialog_response (dialog, "save");
  iterate ();

  student = _cl_window_get_student (window);
  g_assert_cmpstr (student->id, ==, "S-1002");
  g_assert_cmpuint (g_array_index (student->events, ClEvent, 0).date, ==, cl_date_from_ymd (2020, 1, 2));

  /* Undo puts it back, and the history has both. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  iterate ();
  student = _cl_window_get_student (window);
  g_assert_cmpuint (g_array_index (student->events, ClEvent, student->events->len - 1).date, ==, original);
  trail = cl_store_list_audit (cl_session_get_store (window->session), "S-1002", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (trail->len, >=, 3);
  {
    ClAuditEntry *undo = g_ptr_array_index (trail, 0), *edit = g_ptr_array_index (trail, 1);
    g_assert_cmpstr (edit->field, ==, "event");
    g_assert_nonnull (strstr (edit->new_value, "2020-01-02"));
    g_assert_nonnull (strstr (undo->old_value, "2020-01-02"));
  }
  /* The history says it in words: the event by its label and a long date, no id, no ISO date. */
  g_string_truncate (rows, 0);
  expand_rows (GTK_WIDGET (window->student_page));
  collect_rows (GTK_WIDGET (window->student_page), rows);
  g_assert_nonnull (strstr (rows->str, "Event: Annual review, November 6, 2025 → Annual review, January 2, 2020|"));
  g_assert_null (strstr (rows->str, "2020-01-02"));
  g_assert_null (strstr (rows->str, "iep_meeting"));
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_document_preview (void)
{
  ClWindow *window = demo_window ();
  gint64 deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;
  ClDocumentWindow *preview = NULL;

  g_assert_true (cl_window_select_student (window, "S-1035"));
  iterate ();
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window->documents_button)));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.document", "s", "meeting-notice"));
  iterate ();
  preview = find_toplevel (CL_TYPE_DOCUMENT_WINDOW, FALSE);
  g_assert_nonnull (preview);
  /* Pages are drawn in the background. */
  while (cl_document_window_get_n_pages (preview) == 0 && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (cl_document_window_get_n_pages (preview), >=, 1);
  gtk_window_destroy (GTK_WINDOW (preview));

  /* A student with no planned meeting: a message, no window. */
  g_assert_true (cl_window_select_student (window, "S-1001"));
  iterate ();
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.document", "s", "meeting-notice"));
  iterate ();
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_damaged_database (void)
{
  ClWindow *window = cl_window_new (app);
  g_autofree char *dir = make_tmp_dir ("caseload-ui-XXXXXX");
  g_autofree char *path = g_build_filename (dir, "broken.db", NULL);

  g_assert_true (g_file_set_contents (path, "this is not a database at all, just some text", -1, NULL));
  gtk_window_present (GTK_WINDOW (window));
  cl_window_open_database (window, path);
  iterate ();
  g_assert_null (cl_session_get_store (window->session));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->sidebar_stack), ==, "error");
  g_assert_nonnull (strstr (adw_status_page_get_description (window->error_page), "not a Caseload database"));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* A file whose students read well but whose integrity check fails: they are shown at most until
 * the check is back, then the error page says the file is damaged and what to do. */
static void
test_damaged_after_shown (void)
{
  ClWindow *window = cl_window_new (app);
  g_autofree char *dir = make_tmp_dir ("caseload-ui-XXXXXX");
  g_autofree char *path = g_build_filename (dir, "caseload.db", NULL);
  g_autoptr(GError) error = NULL;
  gint64 deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;

  {
    g_autoptr(ClCaseload) c = cl_synthetic_caseload_new (40, 8, 5, cl_date_from_ymd (2026, 11, 24));
    g_autoptr(ClStore) store = cl_store_open (path, TRUE, &error);

    g_assert_no_error (error);
    g_assert_true (cl_store_import (store, c, FALSE, NULL, NULL, &error));
    g_assert_no_error (error);
  }
  cl_test_damage_date_index (path);
  gtk_window_present (GTK_WINDOW (window));
  cl_window_open_database (window, path);
  while (g_strcmp0 (gtk_stack_get_visible_child_name (window->sidebar_stack), "error") != 0 &&
         g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  iterate ();
  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->sidebar_stack), ==, "error");
  g_assert_nonnull (strstr (adw_status_page_get_description (window->error_page), "damaged"));
  g_assert_nonnull (strstr (adw_status_page_get_description (window->error_page), "backups"));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (window->students)), ==, 0);
  g_assert_null (cl_session_get_store (window->session));
  g_assert_false (cl_session_get_loading (window->session));
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_actions (void)
{
  ClWindow *window = demo_window ();

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.search", NULL));
  iterate ();
  g_assert_true (gtk_search_bar_get_search_mode (window->search_bar));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.preferences", NULL));
  iterate ();
  g_action_group_activate_action (G_ACTION_GROUP (app), "about", NULL);
  iterate ();
  gtk_window_destroy (GTK_WINDOW (window));
}

/* ---- students and families (issue 6): added, edited, undone, in the history ---- */

/* What a click on a response button does: the response, then the dialog closes. */
static void
respond (AdwMessageDialog *dialog,
         const char       *response)
{
  g_assert_nonnull (dialog);
  adw_message_dialog_response (dialog, response);
  gtk_window_destroy (GTK_WINDOW (dialog));
  iterate ();
}

static ClStudentEditor *
find_student_editor (void)
{
  return find_toplevel (CL_TYPE_STUDENT_EDITOR, TRUE);
}

static gboolean
trail_has (GPtrArray  *trail,
           const char *field,
           const char *old_value,
           const char *new_value)
{
  for (guint i = 0; i < trail->len; i++)
    {
      const ClAuditEntry *e = g_ptr_array_index (trail, i);
      if (g_str_equal (e->field, field) && g_strcmp0 (e->old_value, old_value) == 0 &&
          g_strcmp0 (e->new_value, new_value) == 0)
        return TRUE;
    }
  return FALSE;
}

/* Borrowed: the action group keeps its state alive until it changes. */
static const char *
list_state_of (ClWindow   *window,
               const char *action)
{
  g_autoptr(GVariant) state = g_action_group_get_action_state (G_ACTION_GROUP (window->list_actions), action);
  return g_variant_get_string (state, NULL);
}

/* After a change made in place (one student recomputed, not a reload), what the window holds is
 * what the database holds, and its obligations are what a full computation gives. */
static void
assert_in_step (ClWindow *window)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *in_memory = cl_bundle_write (cl_session_get_caseload (window->session));
  g_autofree char *stored = cl_store_export (cl_session_get_store (window->session), NULL, NULL, &error);
  g_autoptr(GPtrArray) all = NULL;

  g_assert_no_error (error);
  g_assert_cmpstr (in_memory, ==, stored);
  all = cl_deadline_engine_compute (cl_session_get_engine (window->session), cl_session_get_caseload (window->session), cl_session_get_today (window->session), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (all->len, ==, cl_session_get_obligations (window->session)->len);
  for (guint i = 0; i < all->len; i++)
    {
      const ClObligation *a = g_ptr_array_index (all, i), *b = g_ptr_array_index (cl_session_get_obligations (window->session), i);

      g_assert_true (a->student == b->student);
      g_assert_true (a->rule == b->rule);
      g_assert_cmpuint (a->due, ==, b->due);
      g_assert_cmpint (a->status, ==, b->status);
    }
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (window->students)), ==,
                    cl_caseload_get_students (cl_session_get_caseload (window->session))->len);
}

static void
test_student_add_edit_guardian_undo (void)
{
  g_autofree char *dir = NULL;
  ClWindow *window = demo_database_window (&dir);
  guint n_students = g_list_model_get_n_items (G_LIST_MODEL (window->students));
  g_autoptr(GPtrArray) trail = NULL;
  g_autoptr(GString) rows = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  ClStudentEditor *editor;
  AdwMessageDialog *dialog;
  ClGuardianEditor *family;
  ClStudent *student;

  /* New Student…: an empty form cannot be saved. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.new-student", NULL));
  iterate ();
  editor = find_student_editor ();
  g_assert_nonnull (editor);
  g_assert_false (cl_student_editor_get_valid (editor));
  cl_student_editor_set_text (editor, "id", "S-1002");
  cl_student_editor_set_text (editor, "first-name", "Valeria");
  cl_student_editor_set_text (editor, "last-name", "Gutiérrez");
  cl_student_editor_set_text (editor, "birth-date", "2014-05-09");
  /* An id that is taken. */
  g_assert_false (cl_student_editor_get_valid (editor));
  g_assert_nonnull (strstr (cl_student_editor_get_message (editor), "S-1002"));
  cl_student_editor_set_text (editor, "id", "S-3001");
  g_assert_true (cl_student_editor_get_valid (editor));
  g_assert_null (cl_student_editor_get_message (editor));
  /* An impossible date cannot be saved; a future one or one past 22 is questioned, not refused. */
  cl_student_editor_set_text (editor, "birth-date", "2014-02-30");
  g_assert_false (cl_student_editor_get_valid (editor));
  g_assert_nonnull (strstr (cl_student_editor_get_message (editor), "not a date"));
  cl_student_editor_set_text (editor, "birth-date", "2099-01-01");
  g_assert_true (cl_student_editor_get_valid (editor));
  g_assert_nonnull (strstr (cl_student_editor_get_message (editor), "future"));
  cl_student_editor_set_text (editor, "birth-date", "1990-01-01");
  g_assert_true (cl_student_editor_get_valid (editor));
  g_assert_nonnull (strstr (cl_student_editor_get_message (editor), "22"));
  /* Emancipated before being born is refused. */
  cl_student_editor_set_text (editor, "birth-date", "2014-05-09");
  cl_student_editor_set_text (editor, "emancipated-on", "2010-01-01");
  g_assert_false (cl_student_editor_get_valid (editor));
  cl_student_editor_set_text (editor, "emancipated-on", "");
  cl_student_editor_set_text (editor, "grade", "6");
  cl_student_editor_set_text (editor, "home-language", "es");
  g_assert_true (cl_student_editor_get_valid (editor));
  cl_student_editor_save (editor);
  iterate ();
  g_assert_null (find_student_editor ());

  /* Saved at once: listed, and their file open. */
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (window->students)), ==, n_students + 1);
  student = _cl_window_get_student (window);
  g_assert_nonnull (student);
  g_assert_cmpstr (student->id, ==, "S-3001");
  g_assert_cmpstr (student->last_name, ==, "Gutiérrez");
  assert_in_step (window);
  g_assert_cmpstr (adw_window_title_get_title (window->content_title), ==, "Valeria Gutiérrez");
  /* Found by search without the accent. */
  gtk_editable_set_text (GTK_EDITABLE (window->search_entry), "valeria gutierrez");
  g_signal_emit_by_name (window->search_entry, "search-changed");
  iterate ();
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (window->visible)), ==, 1);
  gtk_editable_set_text (GTK_EDITABLE (window->search_entry), "");
  g_signal_emit_by_name (window->search_entry, "search-changed");
  iterate ();
  g_assert_true (cl_window_select_student (window, "S-3001"));
  iterate ();

  /* Edit Details…: the id cannot be changed; the grade can. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window->student_page), "student.edit-student", NULL));
  iterate ();
  editor = find_student_editor ();
  g_assert_nonnull (editor);
  g_assert_true (cl_student_editor_get_valid (editor));
  cl_student_editor_set_text (editor, "grade", "7");
  cl_student_editor_save (editor);
  iterate ();
  student = _cl_window_get_student (window);
  g_assert_cmpstr (student->grade, ==, "7");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (window->students)), ==, n_students + 1);
  assert_in_step (window);

  /* Add Family Member…: a name is required and an email must look like one. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window->student_page), "student.add-guardian", NULL));
  iterate ();
  dialog = find_dialog ();
  g_assert_nonnull (dialog);
  family = CL_GUARDIAN_EDITOR (adw_message_dialog_get_extra_child (dialog));
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "save"));
  cl_guardian_editor_set_text (family, "name", "Rosa Gutiérrez");
  cl_guardian_editor_set_text (family, "relationship", "mother");
  cl_guardian_editor_set_text (family, "language", "es");
  cl_guardian_editor_set_text (family, "phone", "555-0177");
  cl_guardian_editor_set_text (family, "email", "rosa at example");
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "save"));
  cl_guardian_editor_set_text (family, "email", "rosa@example.org");
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "save"));
  respond (dialog, "save");
  iterate ();
  student = _cl_window_get_student (window);
  g_assert_cmpstr (student->id, ==, "S-3001");
  g_assert_cmpuint (student->guardians->len, ==, 1);
  g_assert_cmpstr (g_array_index (student->guardians, ClGuardian, 0).email, ==, "rosa@example.org");
  collect_rows (GTK_WIDGET (window->student_page), rows);
  g_assert_nonnull (strstr (rows->str, "Rosa Gutiérrez|mother · 555-0177 · rosa@example.org · Spanish"));
  g_assert_nonnull (strstr (rows->str, "Grade|7"));
  assert_in_step (window);

  /* A referral on their timeline: what is due appears at once, computed for them alone. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window->student_page), "student.add-event", NULL));
  iterate ();
  dialog = find_dialog ();
  cl_event_editor_set_date_text (CL_EVENT_EDITOR (adw_message_dialog_get_extra_child (dialog)), "2026-11-02");
  respond (dialog, "save");
  iterate ();
  student = _cl_window_get_student (window);
  g_assert_cmpstr (student->id, ==, "S-3001");
  g_assert_cmpuint (student->events->len, ==, 1);
  g_assert_cmpuint (((GPtrArray *) cl_session_get_student_obligations (window->session, student))->len, >, 0);
  assert_in_step (window);
  /* Undo that first, then the family member. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  iterate ();
  g_assert_cmpuint (_cl_window_get_student (window)->events->len, ==, 0);
  assert_in_step (window);
  /* Only the last change can be undone: the family member stays; remove and add them again. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window->student_page), "student.delete-guardian", "u", 0));
  iterate ();
  g_assert_cmpuint (_cl_window_get_student (window)->guardians->len, ==, 0);
  assert_in_step (window);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  iterate ();
  g_assert_cmpuint (_cl_window_get_student (window)->guardians->len, ==, 1);
  assert_in_step (window);

  /* Adding them again and undoing takes them back off (Ctrl+Z is win.undo). */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window->student_page), "student.delete-guardian", "u", 0));
  iterate ();
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window->student_page), "student.add-guardian", NULL));
  iterate ();
  dialog = find_dialog ();
  family = CL_GUARDIAN_EDITOR (adw_message_dialog_get_extra_child (dialog));
  cl_guardian_editor_set_text (family, "name", "Rosa Gutiérrez");
  respond (dialog, "save");
  iterate ();
  g_assert_cmpuint (_cl_window_get_student (window)->guardians->len, ==, 1);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  iterate ();
  student = _cl_window_get_student (window);
  g_assert_cmpstr (student->id, ==, "S-3001");
  g_assert_cmpuint (student->guardians->len, ==, 0);
  g_assert_cmpstr (student->grade, ==, "7");

  /* The history has each step, field by field. */
  trail = cl_store_list_audit (cl_session_get_store (window->session), "S-3001", &error);
  g_assert_no_error (error);
  g_assert_true (trail_has (trail, "last_name", NULL, "Gutiérrez"));
  g_assert_true (trail_has (trail, "birth_date", NULL, "2014-05-09"));
  g_assert_true (trail_has (trail, "grade", "6", "7"));
  g_assert_true (trail_has (trail, "guardian_name", NULL, "Rosa Gutiérrez"));
  g_assert_true (trail_has (trail, "guardian_name", "Rosa Gutiérrez", NULL));
  /* Newest first: the undo is on top. */
  g_assert_cmpstr (((ClAuditEntry *) g_ptr_array_index (trail, 0))->old_value, !=, NULL);
  g_assert_null (((ClAuditEntry *) g_ptr_array_index (trail, 0))->new_value);
  g_string_truncate (rows, 0);
  expand_rows (GTK_WIDGET (window->student_page));
  collect_rows (GTK_WIDGET (window->student_page), rows);
  g_assert_nonnull (strstr (rows->str, "Grade: 6 → 7|"));
  g_assert_nonnull (strstr (rows->str, "Family member 1, name removed: Rosa Gutiérrez|"));
  g_assert_nonnull (strstr (rows->str, "Birth date added: May 9, 2014|"));
  g_assert_nonnull (strstr (rows->str, "Family member 1, language added: Spanish|"));
  g_assert_null (strstr (rows->str, "2014-05-09"));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* Delete Student… asks first, naming them; Undo brings back the whole file. */
static void
test_student_delete_and_undo (void)
{
  g_autofree char *dir = NULL;
  ClWindow *window = demo_database_window (&dir);
  guint n_students = g_list_model_get_n_items (G_LIST_MODEL (window->students));
  ClStudent *student;
  AdwMessageDialog *dialog;
  guint n_events, n_guardians;

  g_assert_true (cl_window_select_student (window, "S-1002"));
  iterate ();
  student = _cl_window_get_student (window);
  n_events = student->events->len;
  n_guardians = student->guardians->len;
  g_assert_cmpuint (n_guardians, >, 0);

  /* Their details changed and changed back: the undo is made in place, as the database has it. */
  {
    g_autofree char *grade = g_strdup (student->grade);
    ClStudentEditor *editor;

    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window->student_page), "student.edit-student", NULL));
    iterate ();
    editor = find_student_editor ();
    cl_student_editor_set_text (editor, "grade", "11");
    cl_student_editor_set_text (editor, "home-language", "VI");
    cl_student_editor_save (editor);
    iterate ();
    g_assert_cmpstr (_cl_window_get_student (window)->grade, ==, "11");
    g_assert_cmpstr (_cl_window_get_student (window)->home_language, ==, "vi");
    assert_in_step (window);
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
    iterate ();
    student = _cl_window_get_student (window);
    g_assert_cmpstr (student->id, ==, "S-1002");
    g_assert_cmpstr (student->grade, ==, grade);
    assert_in_step (window);
  }

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window->student_page), "student.delete-student", NULL));
  iterate ();
  dialog = find_dialog ();
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Delete Minh Nguyen?");
  /* Cancel keeps them. */
  respond (dialog, "cancel");
  iterate ();
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (window->students)), ==, n_students);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window->student_page), "student.delete-student", NULL));
  iterate ();
  respond (find_dialog (), "delete");
  iterate ();
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (window->students)), ==, n_students - 1);
  g_assert_null (cl_caseload_lookup_student (cl_session_get_caseload (window->session), "S-1002"));
  g_assert_null (_cl_window_get_student (window));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  iterate ();
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (window->students)), ==, n_students);
  student = _cl_window_get_student (window);
  g_assert_nonnull (student);
  g_assert_cmpstr (student->id, ==, "S-1002");
  g_assert_cmpuint (student->events->len, ==, n_events);
  g_assert_cmpuint (student->guardians->len, ==, n_guardians);
  assert_in_step (window);
  /* Its events are where the database has them: the latest can be changed. */
  {
    const ClEvent *last = &g_array_index (student->events, ClEvent, n_events - 1);
    guint position = last->order;
    ClDate date = last->date;
    AdwMessageDialog *change;

    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window->student_page), "student.edit-event", "u", position));
    iterate ();
    change = find_dialog ();
    cl_event_editor_set_date_text (CL_EVENT_EDITOR (adw_message_dialog_get_extra_child (change)), "2021-03-04");
    respond (change, "save");
    iterate ();
    assert_in_step (window);
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
    iterate ();
    assert_in_step (window);
    student = _cl_window_get_student (window);
    g_assert_cmpuint (g_array_index (student->events, ClEvent, student->events->len - 1).date, ==, date);
  }
  gtk_window_destroy (GTK_WINDOW (window));
}

/* The sort, the filters and the page are there again when the database is opened next time. */
static void
test_remembered_state (void)
{
  g_autofree char *dir = NULL;
  ClWindow *window = demo_database_window (&dir);
  g_autofree char *path = g_build_filename (dir, "caseload.db", NULL);
  GSettings *settings = cl_application_get_settings (app);
  ClWindow *again;

  g_action_group_activate_action (G_ACTION_GROUP (window->list_actions), "sort", g_variant_new_string ("name"));
  g_action_group_activate_action (G_ACTION_GROUP (window->list_actions), "school", g_variant_new_string ("lincoln-ms"));
  g_assert_true (cl_window_select_student (window, "S-1002"));
  iterate ();
  gtk_window_destroy (GTK_WINDOW (window));

  again = cl_window_new (app);
  watch_window (again);
  gtk_window_present (GTK_WINDOW (again));
  cl_window_open_database (again, path);
  wait_loaded (again);
  g_assert_cmpstr (list_state_of (again, "sort"), ==, "name");
  g_assert_cmpstr (list_state_of (again, "school"), ==, "lincoln-ms");
  g_assert_nonnull (_cl_window_get_student (again));
  g_assert_cmpstr (_cl_window_get_student (again)->id, ==, "S-1002");

  /* A file asked for while a search hides it: the search is cleared at once and the file opens. */
  gtk_editable_set_text (GTK_EDITABLE (again->search_entry), "nguyen");
  g_signal_emit_by_name (again->search_entry, "search-changed");
  iterate ();
  g_assert_true (_cl_window_show_student (again, "S-1001"));
  g_assert_cmpstr (_cl_window_get_student (again)->id, ==, "S-1001");

  /* A view is remembered too. */
  _cl_window_show_view (again, "due");
  {
    g_autofree char *view = g_settings_get_string (settings, "last-view");
    g_assert_cmpstr (view, ==, "due");
  }
  gtk_window_destroy (GTK_WINDOW (again));

  /* The read-only demo neither uses nor changes them. */
  window = demo_window ();
  g_assert_cmpstr (list_state_of (window, "sort"), ==, "due");
  g_action_group_activate_action (G_ACTION_GROUP (window->list_actions), "sort", g_variant_new_string ("due"));
  g_assert_true (cl_window_select_student (window, "S-1001"));
  iterate ();
  {
    g_autofree char *sort = g_settings_get_string (settings, "list-sort");
    g_autofree char *view = g_settings_get_string (settings, "last-view");
    g_assert_cmpstr (sort, ==, "name");
    g_assert_cmpstr (view, ==, "due");
  }
  gtk_window_destroy (GTK_WINDOW (window));
  g_settings_reset (settings, "list-sort");
  g_settings_reset (settings, "list-school");
  g_settings_reset (settings, "last-view");
  g_settings_reset (settings, "last-student");
}

int
main (int argc, char **argv)
{
  app = cl_ui_test_init (&argc, &argv);

  g_test_add_func ("/ui/window/parts", test_parts);
  g_test_add_func ("/ui/window/search", test_search);
  g_test_add_func ("/ui/window/row-keeps-date", test_row_keeps_date);
  g_test_add_func ("/ui/window/search-list-order", test_search_list_order);
  g_test_add_func ("/ui/window/search-keeps-selection", test_search_keeps_selection);
  g_test_add_func ("/ui/window/student-page", test_student_page);
  g_test_add_func ("/ui/window/sort-and-filter", test_sort_and_filter);
  g_test_add_func ("/ui/window/views", test_views);
  g_test_add_func ("/ui/window/database", test_database);
  g_test_add_func ("/ui/window/damaged-database", test_damaged_database);
  g_test_add_func ("/ui/window/damaged-after-shown", test_damaged_after_shown);
  g_test_add_func ("/ui/window/edit-and-undo", test_edit_and_undo);
  g_test_add_func ("/ui/window/document-preview", test_document_preview);
  g_test_add_func ("/ui/window/actions", test_actions);
  g_test_add_func ("/ui/window/student-add-edit-guardian-undo", test_student_add_edit_guardian_undo);
  g_test_add_func ("/ui/window/student-delete-and-undo", test_student_delete_and_undo);
  g_test_add_func ("/ui/window/remembered-state", test_remembered_state);
  return cl_ui_test_run (app);
}
