/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-conflicts.c — conflicts with the district server in the app: the toast with Review when
 * they appear, the main menu's Conflicts window with both values, who and when, the student's
 * file showing its own, and one click keeping either (the database and the counts follow)
 *
 * The server's answer is given to the store directly (cl_store_settle_pushed_change, as the sync
 * does with what PostgreSQL answered), so this runs with no server; the sync suites test the
 * answer itself. Pictures with CASELOAD_SHOTS=DIR.
 */
#include <string.h>

#include "cl-conflicts-window.h"
#include "cl-student-page-private.h"
#include "cl-sync-state.h"
#include "cl-ui-test.h"

static ClApplication *app;

/* The server kept @theirs for S-1002's @field (JSON values) when this laptop sent @mine. */
static void
server_answers (ClWindow   *window,
                const char *change_id,
                const char *field,
                const char *mine,
                const char *theirs)
{
  ClStore *store = cl_session_get_store (window->session);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) conflicts = g_ptr_array_new_with_free_func ((GDestroyNotify) cl_store_server_conflict_free);
  ClStoreServerConflict *c = g_new0 (ClStoreServerConflict, 1);
  ClStoreChange change = {
    .change_id = (char *) change_id, .table = (char *) "students", .row_key = (char *) "S-1002",
    .student_id = (char *) "S-1002", .at = (char *) "2026-12-07T08:00:00Z",
  };

  c->field = g_strdup (field);
  c->mine = g_strdup (mine);
  c->theirs = g_strdup (theirs);
  c->their_author = g_strdup ("cm.rivera");
  c->their_time = g_strdup ("2026-12-07T09:30:00Z");
  g_ptr_array_add (conflicts, c);
  g_assert_true (cl_store_settle_pushed_change (store, &change, conflicts, &error));
  g_assert_no_error (error);
  /* As a sync that brought conflicts does: the caseload is read again. */
  g_assert_true (cl_session_reload (window->session, &error));
  g_assert_no_error (error);
  iterate ();
}

static GtkWidget *
find_button_labelled (GtkWidget  *widget,
                      const char *label,
                      guint       nth)
{
  guint seen = 0;

  for (GtkWidget *w = widget; w != NULL;)
    {
      if (GTK_IS_BUTTON (w) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (w)), label) == 0 &&
          gtk_widget_get_mapped (w) && seen++ == nth)
        return w;
      /* Depth first over the whole tree under @widget. */
      if (gtk_widget_get_first_child (w))
        w = gtk_widget_get_first_child (w);
      else
        {
          while (w != widget && gtk_widget_get_next_sibling (w) == NULL)
            w = gtk_widget_get_parent (w);
          w = w == widget ? NULL : gtk_widget_get_next_sibling (w);
        }
    }
  return NULL;
}

static gboolean
conflicts_window_shown (gpointer data)
{
  return find_toplevel (CL_TYPE_CONFLICTS_WINDOW, TRUE) != NULL;
}

static void
test_conflicts_listed_and_settled (void)
{
  ClWindow *window = demo_database_window (NULL);
  ClSyncState *state = cl_session_get_sync_state (window->session);
  ClConflictsWindow *conflicts_window;
  ClStudent *student;
  GtkWidget *button;
  g_autoptr(GError) error = NULL;
  g_autofree char *first_name = NULL;
  g_autofree char *listed = NULL;
  g_autofree char *in_file = NULL;
  guint waiting_before;

  g_assert_true (cl_window_select_student (window, "S-1002"));
  iterate ();
  student = _cl_window_get_student (window);
  first_name = g_strdup (student->first_name);
  g_assert_true (cl_store_start_capturing_changes (cl_session_get_store (window->session), &error));
  g_assert_no_error (error);

  /* Nothing waits: no Conflicts item in the menu, no conflicts in the file. */
  g_assert_cmpuint (cl_sync_state_get_conflicts (state), ==, 0);
  g_assert_false (gtk_widget_is_visible (GTK_WIDGET (window->student_page->conflicts_box)));

  {
    g_autofree char *mine = g_strdup_printf ("\"%s\"", first_name);
    server_answers (window, "change-1", "first_name", mine, "\"Minnie\"");
    server_answers (window, "change-2", "grade", "\"9\"", "\"10\"");
  }
  g_assert_cmpuint (cl_sync_state_get_conflicts (state), ==, 2);

  /* The student's own file shows both, each with its two values and who kept the other. */
  g_assert_true (gtk_widget_is_visible (GTK_WIDGET (window->student_page->conflicts_box)));
  in_file = rows_text (GTK_WIDGET (window->student_page->conflicts_box));
  g_assert_nonnull (strstr (in_file, "Minnie|Kept by the district server: cm.rivera’s change of December 7, 2026"));
  g_assert_nonnull (g_strstr_len (in_file, -1, first_name));
  g_assert_nonnull (strstr (in_file, "10|Kept by the district server"));
  shot (GTK_WIDGET (window), "conflicts-student");
  gtk_window_set_default_size (GTK_WINDOW (window), 400, 760);
  iterate ();
  shot (GTK_WIDGET (window), "conflicts-student-narrow");
  gtk_window_set_default_size (GTK_WINDOW (window), 1366, 768);
  iterate ();

  /* The main menu's Conflicts item (and the toast's Review) opens the list of every conflict. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-conflicts", NULL));
  wait_for (conflicts_window_shown, NULL);
  conflicts_window = find_toplevel (CL_TYPE_CONFLICTS_WINDOW, TRUE);
  iterate ();
  g_assert_cmpuint (cl_conflicts_window_get_n_shown (conflicts_window), ==, 2);
  listed = rows_text (GTK_WIDGET (conflicts_window));
  g_assert_nonnull (strstr (listed, "Minnie|"));
  shot (GTK_WIDGET (conflicts_window), "conflicts-window");
  /* At a phone's width the values and buttons still fit. */
  gtk_window_set_default_size (GTK_WINDOW (conflicts_window), 360, 640);
  iterate ();
  g_assert_nonnull (find_button_labelled (GTK_WIDGET (conflicts_window), "Keep Theirs", 1));
  shot (GTK_WIDGET (conflicts_window), "conflicts-window-narrow");

  /* Keep Theirs on the first: the server's name is written here, nothing goes out. */
  waiting_before = cl_sync_state_get_changes_waiting (state);
  button = find_button_labelled (GTK_WIDGET (conflicts_window), "Keep Theirs", 0);
  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
  iterate ();
  g_assert_cmpuint (cl_conflicts_window_get_n_shown (conflicts_window), ==, 1);
  g_assert_cmpuint (cl_sync_state_get_conflicts (state), ==, 1);
  student = cl_caseload_lookup_student (cl_session_get_caseload (window->session), "S-1002");
  g_assert_nonnull (student);
  g_assert_cmpstr (student->first_name, ==, "Minnie");

  /* Keep Mine on the grade, from the student's file: it stays 9 and waits to go to the server. */
  button = find_button_labelled (GTK_WIDGET (window->student_page->conflicts_box), "Keep Mine", 0);
  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
  iterate ();
  g_assert_cmpuint (cl_sync_state_get_conflicts (state), ==, 0);
  student = cl_caseload_lookup_student (cl_session_get_caseload (window->session), "S-1002");
  g_assert_cmpstr (student->grade, ==, "9");
  g_assert_cmpuint (cl_sync_state_get_changes_waiting (state), >=, waiting_before);
  g_assert_false (gtk_widget_is_visible (GTK_WIDGET (window->student_page->conflicts_box)));
  g_assert_cmpuint (cl_conflicts_window_get_n_shown (conflicts_window), ==, 0);
  shot (GTK_WIDGET (conflicts_window), "conflicts-none");

  gtk_window_destroy (GTK_WINDOW (conflicts_window));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* A change the server refused (a principal's edit): the student's file lists it with Discard
 * alone, nothing to keep; Discard puts the server's version back and nothing waits to go. */
static void
test_refused_discarded (void)
{
  ClWindow *window = demo_database_window (NULL);
  ClSyncState *state = cl_session_get_sync_state (window->session);
  ClStore *store = cl_session_get_store (window->session);
  g_autoptr(ClStudent) edited = NULL;
  g_autoptr(GPtrArray) changes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *grade = NULL;
  g_autofree char *in_file = NULL;
  const ClStoreChange *change = NULL;
  ClStudent *student;
  GtkWidget *button;
  guint waiting = 1;

  g_assert_true (cl_window_select_student (window, "S-1002"));
  iterate ();
  g_assert_true (cl_store_start_capturing_changes (store, &error));
  g_assert_no_error (error);
  /* The first sync has sent what the database held: the server has S-1002 as it is. */
  g_assert_true (cl_store_seal_changes (store, NULL, &error));
  changes = cl_store_list_pending_changes (store, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < changes->len; i++)
    g_assert_true (cl_store_forget_pending_change (store, ((ClStoreChange *) changes->pdata[i])->change_id, &error));
  g_clear_pointer (&changes, g_ptr_array_unref);
  student = _cl_window_get_student (window);
  grade = g_strdup (student->grade);
  edited = cl_student_copy_details (student);
  g_free (edited->grade);
  edited->grade = g_strdup ("11");
  g_assert_true (cl_store_update_student (store, edited, &error));
  g_assert_no_error (error);
  g_assert_true (cl_store_seal_changes (store, NULL, &error));
  changes = cl_store_list_pending_changes (store, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < changes->len; i++)
    if (g_str_equal (((ClStoreChange *) changes->pdata[i])->table, "students") &&
        g_str_equal (((ClStoreChange *) changes->pdata[i])->row_key, "S-1002"))
      change = changes->pdata[i];
  g_assert_nonnull (change);
  g_assert_nonnull (change->base);
  /* As the sync does with the server's answer: the server has the record as it was. */
  g_assert_true (cl_store_settle_refused_change (store, change, change->base, &error));
  g_assert_no_error (error);
  g_assert_true (cl_session_reload (window->session, &error));
  g_assert_no_error (error);
  iterate ();
  g_assert_cmpuint (cl_sync_state_get_conflicts (state), ==, 1);

  g_assert_true (gtk_widget_is_visible (GTK_WIDGET (window->student_page->conflicts_box)));
  in_file = rows_text (GTK_WIDGET (window->student_page->conflicts_box));
  /* The row names what this computer changed: the grade. */
  g_assert_nonnull (strstr (in_file, "Changed: grade|Changed on this computer, refused by the district server"));
  g_assert_null (find_button_labelled (GTK_WIDGET (window->student_page->conflicts_box), "Keep Mine", 0));
  shot (GTK_WIDGET (window), "conflicts-refused");
  button = find_button_labelled (GTK_WIDGET (window->student_page->conflicts_box), "Discard", 0);
  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
  iterate ();
  g_assert_cmpuint (cl_sync_state_get_conflicts (state), ==, 0);
  student = cl_caseload_lookup_student (cl_session_get_caseload (window->session), "S-1002");
  g_assert_cmpstr (student->grade, ==, grade);
  g_assert_true (cl_store_count_unsynced (store, &waiting, &error));
  g_assert_cmpuint (waiting, ==, 0);
  g_assert_false (gtk_widget_is_visible (GTK_WIDGET (window->student_page->conflicts_box)));

  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int argc, char **argv)
{
  app = cl_ui_test_init (&argc, &argv);

  g_test_add_func ("/ui/conflicts/listed-and-settled", test_conflicts_listed_and_settled);
  g_test_add_func ("/ui/conflicts/refused-discarded", test_refused_discarded);
  return cl_ui_test_run (app);
}
