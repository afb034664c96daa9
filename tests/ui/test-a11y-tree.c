/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-a11y-tree.c — every interactive widget a screen reader reaches has a name
 *
 * Walks the widget tree of each page and window the app shows (the student list, a student's
 * file with every row opened, Everything Due, Compliance, the start summary, a meeting's window,
 * the event form, Preferences, District Set-Up, the conflicts list) and fails, naming the widget
 * and where it is, on a button, switch, check, entry or menu button that is mapped and has no
 * accessible name: no label property, no labelled-by relation, no text of its own. An icon-only
 * button with a tooltip alone is unnamed for a screen reader in GTK 4.8. On the same pages, no
 * label a person reads shows a raw id (iep_meeting) or an ISO date.
 */
#include <string.h>

#include "cl-conflicts-window.h"
#include "cl-event-editor.h"
#include "cl-meeting-window.h"
#include "cl-preferences-window.h"
#include "cl-setup-window.h"
#include "cl-ui-test.h"

static ClApplication *app;

static gboolean
is_interactive (GtkWidget *w)
{
  return GTK_IS_BUTTON (w) || GTK_IS_MENU_BUTTON (w) || GTK_IS_SWITCH (w) || GTK_IS_CHECK_BUTTON (w) ||
         GTK_IS_TEXT (w) || GTK_IS_DROP_DOWN (w) || GTK_IS_SPIN_BUTTON (w) || GTK_IS_SCALE (w);
}

/* The text a widget shows of its own: a label (or image-and-label) child's. */
static gboolean
has_own_text (GtkWidget *w)
{
  if (GTK_IS_LABEL (w))
    return gtk_label_get_text (GTK_LABEL (w))[0] != '\0';
  if (ADW_IS_BUTTON_CONTENT (w))
    return adw_button_content_get_label (ADW_BUTTON_CONTENT (w)) != NULL &&
           adw_button_content_get_label (ADW_BUTTON_CONTENT (w))[0] != '\0';
  for (GtkWidget *c = gtk_widget_get_first_child (w); c; c = gtk_widget_get_next_sibling (c))
    if (gtk_widget_get_visible (c) && has_own_text (c))
      return TRUE;
  return FALSE;
}

static gboolean
has_name (GtkWidget *w)
{
  GtkWidget *parent = gtk_widget_get_parent (w);

  if (gtk_test_accessible_has_property (GTK_ACCESSIBLE (w), GTK_ACCESSIBLE_PROPERTY_LABEL))
    return TRUE;
  /* GTK points a button's labelled-by at its own child, an icon included: for buttons only the
   * text they show counts (has_own_text below). */
  if (!GTK_IS_BUTTON (w) && !GTK_IS_MENU_BUTTON (w) &&
      gtk_test_accessible_has_relation (GTK_ACCESSIBLE (w), GTK_ACCESSIBLE_RELATION_LABELLED_BY))
    return TRUE;
  /* A check button or a switch is named by its label, or by the row it is the activatable widget
   * of (libadwaita labels it with the row's title). */
  if (GTK_IS_CHECK_BUTTON (w) && gtk_check_button_get_label (GTK_CHECK_BUTTON (w)) != NULL)
    return TRUE;
  if (GTK_IS_TEXT (w))
    {
      /* A GtkText inside an entry, a search entry, a spin button or an entry row is named by it. */
      for (GtkWidget *p = parent; p != NULL; p = gtk_widget_get_parent (p))
        {
          if (ADW_IS_ENTRY_ROW (p) || ADW_IS_PASSWORD_ENTRY_ROW (p))
            return adw_preferences_row_get_title (ADW_PREFERENCES_ROW (p))[0] != '\0';
          if (GTK_IS_ENTRY (p) || GTK_IS_SEARCH_ENTRY (p) || GTK_IS_SPIN_BUTTON (p) || GTK_IS_PASSWORD_ENTRY (p))
            return gtk_test_accessible_has_property (GTK_ACCESSIBLE (p), GTK_ACCESSIBLE_PROPERTY_LABEL) ||
                   gtk_test_accessible_has_relation (GTK_ACCESSIBLE (p), GTK_ACCESSIBLE_RELATION_LABELLED_BY) ||
                   gtk_test_accessible_has_property (GTK_ACCESSIBLE (p), GTK_ACCESSIBLE_PROPERTY_PLACEHOLDER) ||
                   gtk_test_accessible_has_property (GTK_ACCESSIBLE (w), GTK_ACCESSIBLE_PROPERTY_PLACEHOLDER);
        }
      return FALSE;
    }
  if (GTK_IS_BUTTON (w) || GTK_IS_MENU_BUTTON (w))
    return has_own_text (w);
  return FALSE;
}

/* Parts of composite widgets that a screen reader reaches through their owner. */
static gboolean
is_inner_part (GtkWidget *w)
{
  for (GtkWidget *p = gtk_widget_get_parent (w); p != NULL; p = gtk_widget_get_parent (p))
    {
      /* An expander row's arrow and a combo row's popover button are the row itself. */
      if ((ADW_IS_EXPANDER_ROW (p) || ADW_IS_COMBO_ROW (p)) && !GTK_IS_TEXT (w) &&
          gtk_widget_get_ancestor (w, GTK_TYPE_LIST_BOX_ROW) == gtk_widget_get_ancestor (p, GTK_TYPE_LIST_BOX_ROW))
        return TRUE;
      /* The toggle inside a GtkMenuButton, the buttons of a spin button, a window's controls. */
      if (GTK_IS_MENU_BUTTON (p) || GTK_IS_SPIN_BUTTON (p) || GTK_IS_WINDOW_CONTROLS (p) || GTK_IS_DROP_DOWN (p))
        return TRUE;
      /* libadwaita 1.2's own, named by a tooltip alone (theirs to fix, not ours): a toast's close
       * button, a password row's Show Text (Caseload adds no button to a password row). */
      if (g_str_equal (G_OBJECT_TYPE_NAME (p), "AdwToastWidget") ||
          (ADW_IS_PASSWORD_ENTRY_ROW (p) && GTK_IS_BUTTON (w)))
        return TRUE;
    }
  return FALSE;
}

static void
where (GtkWidget *w,
       GString   *out)
{
  for (GtkWidget *p = w; p != NULL; p = gtk_widget_get_parent (p))
    {
      const char *title = NULL;

      if (ADW_IS_PREFERENCES_ROW (p))
        title = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (p));
      else if (ADW_IS_PREFERENCES_GROUP (p))
        title = adw_preferences_group_get_title (ADW_PREFERENCES_GROUP (p));
      g_string_append_printf (out, " < %s%s%s%s", G_OBJECT_TYPE_NAME (p), title ? " \"" : "", title ? title : "",
                              title ? "\"" : "");
    }
}

static void
collect_unnamed (GtkWidget *widget,
                 GString   *out,
                 guint     *n_checked)
{
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    {
      if (!gtk_widget_get_mapped (c))
        continue;
      if (is_interactive (c) && !is_inner_part (c))
        (*n_checked)++;
      if (is_interactive (c) && !is_inner_part (c) && !has_name (c))
        {
          g_string_append (out, "\n  unnamed");
          where (c, out);
          if (gtk_widget_get_tooltip_text (c))
            g_string_append_printf (out, " (tooltip \"%s\")", gtk_widget_get_tooltip_text (c));
        }
      collect_unnamed (c, out, n_checked);
    }
}

/* Every text a person reads under @widget (labels shown, in rows, buttons and headings) that
 * carries a raw id ("iep_meeting", "general_education_teacher") or an ISO date ("2026-05-14"):
 * those are for files and the command line, never for a label. */
static void
collect_raw_ids (GtkWidget *widget,
                 GRegex    *raw,
                 GString   *out)
{
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    {
      if (!gtk_widget_get_mapped (c) || GTK_IS_TEXT (c))
        continue;
      if (GTK_IS_LABEL (c))
        {
          g_autoptr(GMatchInfo) match = NULL;
          const char *text = gtk_label_get_text (GTK_LABEL (c));

          for (g_regex_match (raw, text, 0, &match); g_match_info_matches (match); g_match_info_next (match, NULL))
            {
              g_autofree char *found = g_match_info_fetch (match, 0);
              g_string_append_printf (out, "\n  \"%s\" in \"%s\"", found, text);
              where (c, out);
            }
        }
      collect_raw_ids (c, raw, out);
    }
}

static void
assert_all_named_at_least (GtkWidget  *widget,
                           const char *what,
                           guint       at_least)
{
  g_autoptr(GRegex) raw = g_regex_new ("\\b[a-z]+(_[a-z]+)+\\b|\\b[0-9]{4}-[0-9]{2}-[0-9]{2}\\b", 0, 0, NULL);
  g_autoptr(GString) raw_found = g_string_new (NULL);

  g_autoptr(GString) out = g_string_new (NULL);
  guint n_checked = 0;

  collect_unnamed (widget, out, &n_checked);
  if (out->len > 0)
    g_error ("%s has interactive widgets with no accessible name:%s", what, out->str);
  collect_raw_ids (widget, raw, raw_found);
  if (raw_found->len > 0)
    g_error ("%s shows raw ids or ISO dates:%s", what, raw_found->str);
  /* A walk that saw nothing checked nothing. */
  g_assert_cmpuint (n_checked, >=, at_least);
  g_test_message ("%s: %u interactive widgets, each named", what, n_checked);
}

static void
assert_all_named (GtkWidget  *widget,
                  const char *what)
{
  assert_all_named_at_least (widget, what, 3);
}

/* The walk itself: an icon-only button with only a tooltip is reported, named it is not. */
static void
test_walk_finds_unnamed (void)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *icon_only = gtk_button_new_from_icon_name ("list-add-symbolic");
  GtkWidget *worded = gtk_button_new_with_label ("Add");
  g_autoptr(GString) out = g_string_new (NULL);
  guint n_checked = 0;

  gtk_widget_set_tooltip_text (icon_only, "Add");
  gtk_box_append (GTK_BOX (box), icon_only);
  gtk_box_append (GTK_BOX (box), worded);
  gtk_box_append (GTK_BOX (box), gtk_switch_new ());
  gtk_window_set_child (GTK_WINDOW (window), box);
  gtk_window_present (GTK_WINDOW (window));
  iterate ();

  collect_unnamed (window, out, &n_checked);
  g_assert_cmpuint (n_checked, ==, 3);
  g_assert_nonnull (strstr (out->str, "unnamed < GtkButton"));
  g_assert_nonnull (strstr (out->str, "(tooltip \"Add\")"));
  g_assert_nonnull (strstr (out->str, "unnamed < GtkSwitch"));
  {
    g_autoptr(GRegex) raw = g_regex_new ("\\b[a-z]+(_[a-z]+)+\\b|\\b[0-9]{4}-[0-9]{2}-[0-9]{2}\\b", 0, 0, NULL);
    g_autoptr(GString) raw_found = g_string_new (NULL);

    gtk_box_append (GTK_BOX (box), gtk_label_new ("Counted From: iep_meeting on 2026-05-14"));
    iterate ();
    collect_raw_ids (window, raw, raw_found);
    g_assert_nonnull (strstr (raw_found->str, "\"iep_meeting\""));
    g_assert_nonnull (strstr (raw_found->str, "\"2026-05-14\""));
  }

  gtk_accessible_update_property (GTK_ACCESSIBLE (icon_only), GTK_ACCESSIBLE_PROPERTY_LABEL, "Add", -1);
  g_string_truncate (out, 0);
  collect_unnamed (window, out, &n_checked);
  g_assert_null (strstr (out->str, "GtkButton"));
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_main_window (void)
{
  ClWindow *window = demo_database_window_at (cl_date_from_ymd (2026, 12, 7), 1366, 768, NULL);

  iterate ();
  assert_all_named (GTK_WIDGET (window), "the start (student list and summary)");

  g_assert_true (cl_window_select_student (window, "S-1002"));
  iterate ();
  expand_rows (GTK_WIDGET (window->student_page));
  iterate ();
  assert_all_named (GTK_WIDGET (window), "a student's file, every row open");

  gtk_widget_activate_action (GTK_WIDGET (window), "win.back", NULL);
  iterate ();
  _cl_window_show_view (window, "due");
  iterate ();
  assert_all_named (GTK_WIDGET (window), "Everything Due");
  _cl_window_show_view (window, "compliance");
  iterate ();
  assert_all_named (GTK_WIDGET (window), "Compliance");
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_windows (void)
{
  ClWindow *window = demo_database_window_at (cl_date_from_ymd (2026, 12, 7), 1366, 768, NULL);
  GtkWindow *other;

  g_assert_true (cl_window_select_student (window, "S-1002"));
  iterate ();

  /* The event form. */
  gtk_widget_activate_action (GTK_WIDGET (window->student_page), "student.add-event", NULL);
  iterate ();
  other = GTK_WINDOW (find_dialog ());
  g_assert_nonnull (other);
  g_assert_true (CL_IS_EVENT_EDITOR (adw_message_dialog_get_extra_child (ADW_MESSAGE_DIALOG (other))));
  assert_all_named (GTK_WIDGET (other), "the event form");
  gtk_window_destroy (other);

  /* A meeting's window: planned first. */
  gtk_widget_activate_action (GTK_WIDGET (window->student_page), "student.plan-meeting", NULL);
  iterate ();
  if ((other = GTK_WINDOW (find_dialog ())) != NULL)
    {
      assert_all_named (GTK_WIDGET (other), "the plan-a-meeting dialog");
      gtk_window_destroy (other);
    }

  /* A planned meeting's window, each of its pages. */
  {
    ClCaseload *caseload = cl_session_get_caseload (window->session);
    GPtrArray *students = cl_caseload_get_students (caseload);
    ClStudent *with_meeting = NULL;
    const ClMeeting *meeting;
    AdwViewStack *pages;

    for (guint i = 0; with_meeting == NULL && i < students->len; i++)
      if (((ClStudent *) students->pdata[i])->meetings->len > 0)
        with_meeting = students->pdata[i];
    if (with_meeting == NULL)
      g_error ("the demo has no planned meeting");
    meeting = g_ptr_array_index (with_meeting->meetings, 0);
    g_assert_true (cl_window_select_student (window, with_meeting->id));
    iterate ();
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.open-meeting", "s", meeting->id));
    iterate ();
    other = find_toplevel (CL_TYPE_MEETING_WINDOW, TRUE);
    g_assert_nonnull (other);
    pages = ADW_VIEW_STACK (find_type (GTK_WIDGET (other), ADW_TYPE_VIEW_STACK));
    g_assert_nonnull (pages);
    {
      g_autoptr(GtkSelectionModel) model = adw_view_stack_get_pages (pages);

      for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (model)); i++)
        {
          g_autoptr(AdwViewStackPage) page = g_list_model_get_item (G_LIST_MODEL (model), i);
          g_autofree char *what = g_strdup_printf ("the meeting window's %s page", adw_view_stack_page_get_name (page));

          adw_view_stack_set_visible_child (pages, adw_view_stack_page_get_child (page));
          iterate ();
          expand_rows (GTK_WIDGET (other));
          iterate ();
          assert_all_named_at_least (GTK_WIDGET (other), what, 1);
        }
    }
    gtk_window_destroy (other);
  }

  gtk_widget_activate_action (GTK_WIDGET (window), "win.preferences", NULL);
  iterate ();
  other = find_toplevel (CL_TYPE_PREFERENCES_WINDOW, TRUE);
  g_assert_nonnull (other);
  assert_all_named (GTK_WIDGET (other), "Preferences");
  gtk_window_destroy (other);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.district-setup", NULL);
  iterate ();
  other = find_toplevel (CL_TYPE_SETUP_WINDOW, TRUE);
  g_assert_nonnull (other);
  assert_all_named (GTK_WIDGET (other), "District Set-Up");
  gtk_window_destroy (other);

  other = GTK_WINDOW (cl_conflicts_window_new (GTK_WINDOW (window), window->session));
  gtk_window_present (other);
  iterate ();
  assert_all_named_at_least (GTK_WIDGET (other), "the conflicts list", 0);
  gtk_window_destroy (other);

  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int argc, char **argv)
{
  app = cl_ui_test_init (&argc, &argv);

  g_test_add_func ("/ui/a11y-tree/walk-finds-unnamed", test_walk_finds_unnamed);
  g_test_add_func ("/ui/a11y-tree/main-window", test_main_window);
  g_test_add_func ("/ui/a11y-tree/windows", test_windows);
  return cl_ui_test_run (app);
}
