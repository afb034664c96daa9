/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-sync-ui.c — the district server from the app, against the PostgreSQL tests/with-postgres.sh
 * started (CASELOAD_TEST_PG_URL): Preferences → District Server keeps the address and login in
 * GSettings and never the password; the header's sync button syncs the open database off the main
 * thread and says how many changes wait; with the server unreachable it says so calmly and the
 * database is as it was. Also the connection string a sync is made with (cl_sync_conninfo).
 *
 * Pictures with CASELOAD_SHOTS=DIR.
 */
#include "cl-preferences-window.h"
#include "cl-sync.h"
#include "cl-ui-test.h"

static ClApplication *app;

static void
test_conninfo (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *plain = NULL, *replaced = NULL, *uri = NULL, *quoted = NULL;

  /* Nothing given: the URL's own keywords, and no password (libpq asks PGPASSWORD, ~/.pgpass). */
  plain = cl_sync_conninfo ("host=db.example port=5433 dbname=caseload sslmode=verify-full", NULL, "", &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (plain, "host='db.example'"));
  g_assert_nonnull (strstr (plain, "port='5433'"));
  g_assert_nonnull (strstr (plain, "sslmode='verify-full'"));
  g_assert_null (strstr (plain, "password"));
  g_assert_null (strstr (plain, "user="));

  /* The login and the keyring's password take the place of the URL's. */
  replaced = cl_sync_conninfo ("host=db.example user=old password=old", "cm.garcia", "s3cret", &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (replaced, "user='cm.garcia'"));
  g_assert_nonnull (strstr (replaced, "password='s3cret'"));
  g_assert_null (strstr (replaced, "old"));

  /* A URI is read as libpq reads it. */
  uri = cl_sync_conninfo ("postgresql://db.example:6000/district?sslmode=require", "p", NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (uri, "host='db.example'"));
  g_assert_nonnull (strstr (uri, "port='6000'"));
  g_assert_nonnull (strstr (uri, "dbname='district'"));
  g_assert_nonnull (strstr (uri, "user='p'"));

  /* Quotes and backslashes in a password stay the password. */
  quoted = cl_sync_conninfo ("host=h", NULL, "it's a \\ pass word", &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (quoted, "password='it\\'s a \\\\ pass word'"));

  g_assert_null (cl_sync_conninfo ("host=h nonsense", NULL, NULL, &error));
  g_assert_error (error, CL_SYNC_ERROR, CL_SYNC_ERROR_FAILED);
}

static gboolean
subtitle_changed (gpointer row)
{
  const char *subtitle = adw_action_row_get_subtitle (ADW_ACTION_ROW (row));

  return subtitle != NULL && strstr (subtitle, "never in a file") == NULL;
}

static void
test_preferences (void)
{
  ClWindow *window = demo_database_window (NULL);
  GSettings *settings = cl_application_get_settings (app);
  AdwPreferencesWindow *prefs;
  GtkWidget *url, *login, *password, *status;
  g_autofree char *kept_url = NULL, *kept_login = NULL;

  g_settings_reset (settings, "district-server-url");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.preferences", NULL));
  iterate ();
  prefs = find_toplevel (CL_TYPE_PREFERENCES_WINDOW, TRUE);
  g_assert_nonnull (prefs);

  url = find_row (GTK_WIDGET (prefs), ADW_TYPE_ENTRY_ROW, "Server Address");
  login = find_row (GTK_WIDGET (prefs), ADW_TYPE_ENTRY_ROW, "Login");
  password = find_row (GTK_WIDGET (prefs), ADW_TYPE_PASSWORD_ENTRY_ROW, "Password");
  status = find_row (GTK_WIDGET (prefs), ADW_TYPE_ACTION_ROW, "Password Storage");
  g_assert_nonnull (url);
  g_assert_nonnull (login);
  g_assert_nonnull (password);
  g_assert_nonnull (status);

  gtk_editable_set_text (GTK_EDITABLE (url), "  host=db.example dbname=caseload sslmode=verify-full ");
  g_signal_emit_by_name (url, "apply");
  gtk_editable_set_text (GTK_EDITABLE (login), "cm.garcia");
  g_signal_emit_by_name (login, "apply");
  kept_url = g_settings_get_string (settings, "district-server-url");
  kept_login = g_settings_get_string (settings, "district-server-login");
  g_assert_cmpstr (kept_url, ==, "host=db.example dbname=caseload sslmode=verify-full");
  g_assert_cmpstr (kept_login, ==, "cm.garcia");

  /* The password goes to the keyring: kept there, or (no Secret Service on this machine) a calm
   * message that says what to do instead. Either way it is in no setting and not left in the row. */
  gtk_editable_set_text (GTK_EDITABLE (password), "s3cret-test-password");
  g_signal_emit_by_name (password, "apply");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (password)), ==, "");
  wait_for (subtitle_changed, status);
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (status)), "keyring"));
  g_test_message ("keyring: %s", adw_action_row_get_subtitle (ADW_ACTION_ROW (status)));
  {
    g_autoptr(GSettingsSchema) schema = NULL;
    g_auto(GStrv) keys = NULL;

    g_object_get (settings, "settings-schema", &schema, NULL);
    keys = g_settings_schema_list_keys (schema);
    for (guint i = 0; keys[i]; i++)
      {
        g_autoptr(GVariant) value = g_settings_get_value (settings, keys[i]);
        g_autofree char *text = g_variant_print (value, FALSE);

        g_assert_null (strstr (text, "s3cret-test-password"));
      }
  }

  gtk_window_set_default_size (GTK_WINDOW (prefs), 640, 720);
  iterate ();
  shot (GTK_WIDGET (prefs), "preferences-wide");
  gtk_window_set_default_size (GTK_WINDOW (prefs), 360, 720);
  iterate ();
  shot (GTK_WIDGET (prefs), "preferences-narrow");
  gtk_window_destroy (GTK_WINDOW (prefs));
  g_settings_reset (settings, "district-server-url");
  g_settings_reset (settings, "district-server-login");
  gtk_window_destroy (GTK_WINDOW (window));
}

typedef struct {
  ClSyncState *state;
  guint        ended;      /* syncs over, whatever their outcome */
  gboolean     syncing;
  guint        want;
} SyncWait;

static void
on_status (ClSyncState *state,
           GParamSpec  *pspec,
           SyncWait    *w)
{
  gboolean syncing = cl_sync_state_get_status (state) == CL_SYNC_STATUS_SYNCING;

  if (w->syncing && !syncing)
    w->ended++;
  w->syncing = syncing;
}

static gboolean
sync_ended (gpointer data)
{
  SyncWait *w = data;

  return w->ended >= w->want;
}

/* Waits for the sync running or about to start to end, and checks how. */
static void
wait_sync (SyncWait     *w,
           ClSyncStatus  status)
{
  w->want = w->ended + 1;
  wait_for (sync_ended, w);
  g_test_message ("sync ended: %d %s", cl_sync_state_get_status (w->state),
                  cl_sync_state_get_message (w->state) ? cl_sync_state_get_message (w->state) : "");
  g_assert_cmpint (cl_sync_state_get_status (w->state), ==, status);
}

static char *
export_text (ClWindow *window)
{
  g_autoptr(GError) error = NULL;
  char *text = cl_store_export (cl_session_get_store (window->session), NULL, NULL, &error);

  g_assert_no_error (error);
  return text;
}

static void
test_sync_button (void)
{
  const char *server = g_getenv ("CASELOAD_TEST_PG_URL");
  g_autoptr(GError) error = NULL;
  ClWindow *window;
  GSettings *settings = cl_application_get_settings (app);
  ClSyncState *state;
  SyncWait w = { 0 };
  GArray *guardians;
  ClStudent *student;
  int from = -1;
  guint waiting;
  g_autofree char *before = NULL, *after = NULL;

  if (server == NULL)
    {
      g_test_skip ("no PostgreSQL: run under tests/with-postgres.sh");
      return;
    }
  g_assert_true (cl_sync_server_init (server, &from, &error));
  g_assert_no_error (error);

  g_settings_reset (settings, "district-server-url");
  g_settings_reset (settings, "district-last-synced");
  window = demo_database_window_at (CL_DATE_NONE, 1100, 720, NULL);
  state = cl_session_get_sync_state (window->session);
  w.state = state;
  g_signal_connect (state, "notify::status", G_CALLBACK (on_status), &w);
  /* No server set: nothing to sync with, no button. */
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (window->sync_button)));
  g_assert_cmpint (cl_sync_state_get_last_synced (state), ==, 0);

  /* Set in Preferences: the button shows and (the network being up) a sync starts by itself. */
  g_settings_set_string (settings, "district-server-url", server);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window->sync_button)));
  cl_sync_button_sync (window->sync_button);
  wait_sync (&w, CL_SYNC_STATUS_IDLE);
  g_assert_cmpint (cl_sync_state_get_last_synced (state), >, 0);
  g_assert_null (cl_sync_state_get_message (state));
  g_assert_cmpuint (cl_sync_state_get_changes_waiting (state), ==, 0);
  g_assert_cmpuint (cl_sync_state_get_conflicts (state), ==, 0);
  g_assert_cmpint (g_settings_get_int64 (settings, "district-last-synced"), ==, cl_sync_state_get_last_synced (state));
  g_assert_nonnull (strstr (cl_sync_button_get_summary (window->sync_button), "Last synced today"));

  /* A change from the app waits for the server, and the button says so. */
  student = g_ptr_array_index (cl_caseload_get_students (cl_session_get_caseload (window->session)), 0);
  guardians = g_array_new (FALSE, TRUE, sizeof (ClGuardian));
  g_assert_true (cl_session_set_guardians (window->session, student->id, guardians, &error));
  g_assert_no_error (error);
  g_array_unref (guardians);
  iterate ();
  /* One record per guardian taken out of the family. */
  waiting = cl_sync_state_get_changes_waiting (state);
  g_assert_cmpuint (waiting, >, 0);
  {
    g_autofree char *said = g_strdup_printf (waiting == 1 ? "%u change waiting" : "%u changes waiting", waiting);
    g_assert_nonnull (strstr (cl_sync_button_get_summary (window->sync_button), said));
  }
  shot (GTK_WIDGET (window), "sync-waiting-wide");

  /* The server unreachable: offline, said calmly; the changes still wait, the database as it was. */
  before = export_text (window);
  g_settings_set_string (settings, "district-server-url", "host=127.0.0.1 port=1 dbname=caseload connect_timeout=5");
  cl_sync_button_sync (window->sync_button);
  wait_sync (&w, CL_SYNC_STATUS_OFFLINE);
  g_assert_nonnull (cl_sync_state_get_message (state));
  g_assert_nonnull (strstr (cl_sync_state_get_message (state), "Could not reach the district server"));
  g_assert_cmpuint (cl_sync_state_get_changes_waiting (state), ==, waiting);
  g_assert_nonnull (strstr (cl_sync_button_get_summary (window->sync_button), "Offline"));
  after = export_text (window);
  g_assert_cmpstr (before, ==, after);
  shot (GTK_WIDGET (window), "sync-offline-wide");
  gtk_window_set_default_size (GTK_WINDOW (window), 400, 720);
  iterate ();
  shot (GTK_WIDGET (window), "sync-offline-narrow");

  /* Back to the server: the changes go, nothing waits. */
  g_settings_set_string (settings, "district-server-url", server);
  cl_sync_button_sync (window->sync_button);
  wait_sync (&w, CL_SYNC_STATUS_IDLE);
  g_assert_cmpuint (cl_sync_state_get_changes_waiting (state), ==, 0);
  g_assert_null (cl_sync_state_get_message (state));

  g_signal_handlers_disconnect_by_data (state, &w);
  g_settings_reset (settings, "district-server-url");
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (window->sync_button)));
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  app = cl_ui_test_init (&argc, &argv);
  g_test_add_func ("/sync-ui/conninfo", test_conninfo);
  g_test_add_func ("/sync-ui/preferences", test_preferences);
  g_test_add_func ("/sync-ui/sync-button", test_sync_button);
  return cl_ui_test_run (app);
}
