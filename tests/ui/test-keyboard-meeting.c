/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-keyboard-meeting.c — the README's meeting flow with the keyboard alone: find a student and
 * open their file, plan a meeting, tick the meeting-room checklist, record the meeting held
 *
 * Every step is a key press through the X server (XTest, sent by xdotool into the test's own
 * Xvfb), so it goes where a real one goes: the focused widget of the focused window, its
 * mnemonics and bindings, Tab's focus chain, a dialog's default widget. Nothing here clicks,
 * activates a widget or sets a value; the test only reads what the keys did, in the session and
 * in the database (through a second connection, as after a crash).
 *
 * Without a window manager nobody gives the focus back to a window when the dialog on it
 * closes; focus_window() does what the window manager would (it presents the window, which
 * already had the focus before).
 *
 * S-1023 (Vartan Grigoryan, 16, family language Armenian, transition plan overdue since
 * 2026-09-02): an annual review planned for today, 2026-12-14, at 09:00 in Room 12.
 */
#include <string.h>

#include "cl-meeting-window-private.h"
#include "cl-ui-test.h"

static ClApplication *app;

/* Lets the main loop take what the X server sent for the key (xdotool has returned once the
 * server has it), and what handling it queued. Not "until idle": an animation keeps the loop busy. */
static void
settle (void)
{
  gint64 until = g_get_monotonic_time () + G_USEC_PER_SEC / 12;

  while (g_get_monotonic_time () < until)
    if (!g_main_context_iteration (NULL, FALSE))
      g_usleep (G_USEC_PER_SEC / 500);
  iterate ();
}

static void
xdotool (const char * const *args)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) argv = NULL;
  g_autoptr(GError) error = NULL;
  int status = 0;

  g_strv_builder_add (builder, "xdotool");
  g_strv_builder_addv (builder, (const char **) args);
  argv = g_strv_builder_end (builder);
  g_assert_true (g_spawn_sync (NULL, argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL,
                               NULL, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  settle ();
}

/* Presses and releases each key of @keys in turn ("Tab", "ctrl+m", "alt+2"). */
static void
key (const char *keys)
{
  g_auto(GStrv) each = g_strsplit (keys, " ", -1);

  for (guint i = 0; each[i]; i++)
    xdotool ((const char *[]) { "key", "--clearmodifiers", each[i], NULL });
}

/* Types @text into whatever has the keyboard focus. */
static void
type (const char *text)
{
  xdotool ((const char *[]) { "type", "--delay", "15", text, NULL });
}

static gboolean
is_active (gpointer window)
{
  return gtk_window_is_active (GTK_WINDOW (window));
}

static void
focus_window (GtkWindow *window)
{
  gtk_window_present (window);
  wait_for (is_active, window);
}

static GtkWidget *
focus_of (GtkWindow *window)
{
  return gtk_root_get_focus (GTK_ROOT (window));
}

/* Whether the keyboard focus of @window is on @widget or inside it. */
static gboolean
focus_in (GtkWindow *window,
          gpointer   widget)
{
  GtkWidget *focus = focus_of (window);

  return focus != NULL && (focus == widget || gtk_widget_is_ancestor (focus, widget));
}

/* Tabs forward until the focus is on or in @widget, at most @max times; FALSE if it never is. */
static gboolean
tab_to (GtkWindow *window,
        gpointer   widget,
        guint      max)
{
  for (guint i = 0; i < max; i++)
    {
      if (focus_in (window, widget))
        return TRUE;
      key ("Tab");
    }
  return focus_in (window, widget);
}

static ClMeetingWindow *
meeting_window (void)
{
  return find_toplevel (CL_TYPE_MEETING_WINDOW, TRUE);
}

static gboolean
has_meeting_window (gpointer data)
{
  return meeting_window () != NULL;
}

static gboolean
has_dialog (gpointer data)
{
  return find_dialog () != NULL;
}

static gboolean
no_dialog (gpointer data)
{
  return find_dialog () == NULL;
}

static gboolean
no_meeting_window (gpointer data)
{
  return meeting_window () == NULL;
}

/* The database as another connection reads it now. */
static ClCaseload *
saved_caseload (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ClStore) other = cl_store_open (path, FALSE, &error);
  ClCaseload *caseload;

  g_assert_no_error (error);
  caseload = cl_store_load_caseload (other, &error);
  g_assert_no_error (error);
  return caseload;
}

static GHashTable *
saved_checklist (const char *path,
                 const char *meeting_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ClStore) other = cl_store_open (path, FALSE, &error);
  GHashTable *ticks;

  g_assert_no_error (error);
  ticks = cl_store_list_checklist (other, "S-1023", meeting_id, &error);
  g_assert_no_error (error);
  return ticks;
}

static const ClObligation *
obligation (ClWindow   *window,
            const char *rule_id)
{
  GPtrArray *obligations = cl_session_get_obligations (window->session);

  for (guint i = 0; i < obligations->len; i++)
    {
      const ClObligation *ob = g_ptr_array_index (obligations, i);

      if (g_str_equal (ob->student->id, "S-1023") && g_str_equal (ob->rule->id, rule_id))
        return ob;
    }
  return NULL;
}

static void
collect_checks (GtkWidget *widget,
                GPtrArray *out)
{
  if (GTK_IS_CHECK_BUTTON (widget) && gtk_widget_get_mapped (widget))
    g_ptr_array_add (out, widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    collect_checks (child, out);
}

static void
test_plan_tick_hold (void)
{
  g_autofree char *dir = NULL;
  ClWindow *window = demo_database_window_at (D ("2026-12-14"), 1366, 768, &dir);
  g_autofree char *path = g_build_filename (dir, "caseload.db", NULL);
  g_autofree char *meeting_id = NULL;
  g_autoptr(GPtrArray) checks = g_ptr_array_new ();
  AdwMessageDialog *dialog;
  ClMeetingWindow *mw;
  ClStudent *student;
  const ClObligation *ob;
  guint n_events;

  focus_window (GTK_WINDOW (window));
  ob = obligation (window, "transition_plan_due");
  g_assert_nonnull (ob);
  g_assert_cmpint (ob->status, ==, CL_STATUS_OVERDUE);

  /* 1. Ctrl+F, his id, Enter: his file. */
  key ("ctrl+f");
  g_assert_true (gtk_search_bar_get_search_mode (window->search_bar));
  type ("S-1023");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (window->search_entry)), ==, "S-1023");
  key ("Return");
  student = _cl_window_get_student (window);
  g_assert_nonnull (student);
  g_assert_cmpstr (student->id, ==, "S-1023");
  g_assert_cmpuint (student->meetings->len, ==, 0);
  n_events = student->events->len;

  /* 2. Ctrl+M: Plan a Meeting, its first field focused. The kind the engine proposes (his annual
   * review) is kept; Tab to the date, select what is there and type today's; the time; the
   * place; Enter in the last field plans it (the dialog's default response). */
  key ("ctrl+m");
  wait_for (has_dialog, NULL);
  dialog = find_dialog ();
  {
    GtkWidget *form = adw_message_dialog_get_extra_child (dialog);
    GtkWidget *date = find_row (form, ADW_TYPE_ENTRY_ROW, "Date");
    GtkWidget *time = find_row (form, ADW_TYPE_ENTRY_ROW, "Starts at");
    GtkWidget *place = find_row (form, ADW_TYPE_ENTRY_ROW, "Place");

    g_assert_true (focus_in (GTK_WINDOW (dialog), form));
    g_assert_true (tab_to (GTK_WINDOW (dialog), date, 3));
    key ("ctrl+a");
    type ("2026-12-14");
    g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (date)), ==, "2026-12-14");
    g_assert_true (tab_to (GTK_WINDOW (dialog), time, 3));
    key ("ctrl+a");
    type ("09:00");
    g_assert_true (tab_to (GTK_WINDOW (dialog), place, 3));
    type ("Room 12");
    g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (place)), ==, "Room 12");
    key ("Return");
  }
  wait_for (no_dialog, NULL);
  wait_for (has_meeting_window, NULL);

  /* Saved: in the session and in the file. */
  student = _cl_window_get_student (window);
  g_assert_cmpuint (student->meetings->len, ==, 1);
  {
    ClMeeting *m = g_ptr_array_index (student->meetings, 0);
    g_autoptr(ClCaseload) saved = saved_caseload (path);
    ClStudent *on_disk = cl_caseload_lookup_student (saved, "S-1023");
    ClMeeting *m_disk;

    meeting_id = g_strdup (m->id);
    g_assert_cmpuint (m->date, ==, D ("2026-12-14"));
    g_assert_cmpint (m->kind, ==, CL_MEETING_ANNUAL);
    g_assert_cmpint (m->start_minutes, ==, 9 * 60);
    g_assert_cmpstr (m->location, ==, "Room 12");
    g_assert_cmpuint (on_disk->meetings->len, ==, 1);
    m_disk = g_ptr_array_index (on_disk->meetings, 0);
    g_assert_cmpstr (m_disk->id, ==, meeting_id);
    g_assert_cmpstr (m_disk->location, ==, "Room 12");
    g_assert_cmpint (m_disk->start_minutes, ==, 9 * 60);
  }

  /* 3. Its window has the focus; Alt+2: In the Meeting, the focus on its first item. Space ticks
   * the focused item, Tab goes to the next; each tick is in the file at once. */
  mw = meeting_window ();
  g_assert_cmpstr (mw->meeting_id, ==, meeting_id);
  wait_for (is_active, mw);
  key ("alt+2");
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (mw->stack), ==, "checklist");
  collect_checks (GTK_WIDGET (mw->checklist_group), checks);
  /* attendance, rights, interpreter, transition, age of majority, decisions, next dates */
  g_assert_cmpuint (checks->len, ==, 7);
  g_assert_true (focus_in (GTK_WINDOW (mw), mw->checklist_group));
  for (guint i = 0; i < checks->len; i++)
    {
      GtkCheckButton *check = g_ptr_array_index (checks, i);
      GtkWidget *row = gtk_widget_get_ancestor (GTK_WIDGET (check), ADW_TYPE_ACTION_ROW);
      const char *item = g_object_get_data (G_OBJECT (check), "cl-item");
      g_autoptr(GHashTable) ticks = NULL;
      g_autofree char *progress = g_strdup_printf ("%u of %u done", i + 1, checks->len);

      g_assert_true (tab_to (GTK_WINDOW (mw), row, 3));
      g_assert_false (gtk_check_button_get_active (check));
      /* Enter for one, Space for the rest: both tick a focused row. */
      key (i == 0 ? "Return" : "space");
      g_assert_true (gtk_check_button_get_active (check));
      g_assert_cmpstr (gtk_label_get_label (mw->progress_label), ==, progress);
      ticks = saved_checklist (path, meeting_id);
      g_assert_cmpuint (g_hash_table_size (ticks), ==, i + 1);
      g_assert_true (GPOINTER_TO_INT (g_hash_table_lookup (ticks, item)));
      /* The tick did not move the focus off its row. */
      g_assert_true (focus_in (GTK_WINDOW (mw), row));
    }

  /* 4. Ctrl+Enter: Record as Held, with the transition plan and the age-of-majority statement
   * ticked from the checklist; Enter records it (the default response). */
  key ("ctrl+Return");
  wait_for (has_dialog, NULL);
  dialog = find_dialog ();
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "record"));
  {
    GtkWidget *box = adw_message_dialog_get_extra_child (dialog);
    g_assert_true (gtk_check_button_get_active (g_object_get_data (G_OBJECT (box), "transition")));
    g_assert_true (gtk_check_button_get_active (g_object_get_data (G_OBJECT (box), "majority")));
  }
  /* The focus is on Record as Held, not on a check that Enter would untick. */
  g_assert_true (focus_of (GTK_WINDOW (dialog)) == gtk_window_get_default_widget (GTK_WINDOW (dialog)));
  key ("Return");
  wait_for (no_dialog, NULL);
  wait_for (no_meeting_window, NULL);

  /* Held: the plan is an IEP meeting in the timeline, in the session and in the file, and the
   * transition plan is met (late) on the day. */
  student = _cl_window_get_student (window);
  g_assert_cmpstr (student->id, ==, "S-1023");
  g_assert_cmpuint (student->meetings->len, ==, 0);
  g_assert_cmpuint (student->events->len, ==, n_events + 1);
  {
    g_autoptr(ClCaseload) saved = saved_caseload (path);
    ClStudent *on_disk = cl_caseload_lookup_student (saved, "S-1023");
    const ClEvent *held = NULL;

    g_assert_cmpuint (on_disk->meetings->len, ==, 0);
    for (guint i = 0; i < on_disk->events->len; i++)
      {
        const ClEvent *e = &g_array_index (on_disk->events, ClEvent, i);
        if (e->type == CL_EVENT_IEP_MEETING && e->date == D ("2026-12-14"))
          held = e;
      }
    g_assert_nonnull (held);
    g_assert_cmpint (held->kind, ==, CL_MEETING_ANNUAL);
    g_assert_true (held->transition_plan);
    g_assert_true (held->age_of_majority_informed);
    /* It remembers the plan, for the calendar's one event (cl_event_set_held_from()). */
    g_assert_cmpstr (cl_event_get_planned_meeting (held), ==, meeting_id);
    g_assert_cmpstr (cl_extra_get_string (held->extra, "starts"), ==, "2026-12-14T09:00");
    g_assert_cmpstr (cl_extra_get_string (held->extra, "location"), ==, "Room 12");
  }
  ob = obligation (window, "transition_plan_due");
  g_assert_cmpuint (ob->met_on, ==, D ("2026-12-14"));
  g_assert_cmpint (ob->status, ==, CL_STATUS_MET_LATE);
  ob = obligation (window, "age_of_majority_notice_due");
  g_assert_cmpint (ob->status, ==, CL_STATUS_MET);

  /* 5. And Ctrl+Z, from the main window the focus went back to, takes it back. */
  focus_window (GTK_WINDOW (window));
  key ("ctrl+z");
  student = _cl_window_get_student (window);
  g_assert_cmpuint (student->meetings->len, ==, 1);
  g_assert_cmpuint (student->events->len, ==, n_events);
  gtk_window_destroy (GTK_WINDOW (window));
  iterate ();
}

int
main (int argc, char **argv)
{
  app = cl_ui_test_init (&argc, &argv);

  g_test_add_func ("/ui/keyboard/plan-tick-hold", test_plan_tick_hold);
  return cl_ui_test_run (app);
}
