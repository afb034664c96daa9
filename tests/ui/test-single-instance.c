/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-single-instance.c — one Caseload per user: a second launch hands its command line to the
 * running one, which raises the window already showing that caseload.
 *
 * Runs the installed-to-be program itself on a private session bus (GTestDBus) and counts the
 * windows the running instance exports there (GtkApplication puts each window's actions at
 * APP_PATH/window/N), so what is checked is what a second launch from the desktop really does. */
#define G_LOG_DOMAIN "test-single-instance"

#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>

#define APP_PATH "/io/github/caseload/Caseload"

typedef struct {
  GTestDBus       *bus;
  GDBusConnection *connection;
  char            *dir;
  char            *program;
  GSubprocess     *primary;
} Fixture;

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

static GSubprocess *
launch (Fixture     *f,
        const char  *first,
        ...) G_GNUC_NULL_TERMINATED;

static GSubprocess *
launch (Fixture    *f,
        const char *first,
        ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GSubprocessLauncher) launcher =
    g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_NONE);
  GSubprocess *process;
  va_list args;

  g_ptr_array_add (argv, f->program);
  va_start (args, first);
  for (const char *arg = first; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (char *) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  g_subprocess_launcher_set_cwd (launcher, f->dir);
  process = g_subprocess_launcher_spawnv (launcher, (const char * const *) argv->pdata, &error);
  g_assert_no_error (error);
  return process;
}

/* A second launch: it must hand over and be done, successfully, well before the test's timeout. */
static char *
run_second (Fixture    *f,
            const char *first,
            ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  char *out = NULL;
  va_list args;

  g_ptr_array_add (argv, f->program);
  va_start (args, first);
  for (const char *arg = first; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (char *) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  process = g_subprocess_newv ((const char * const *) argv->pdata,
                               G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, NULL, NULL, &out, &err, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (err, ==, "");
  g_assert_true (g_subprocess_get_if_exited (process));
  g_assert_cmpint (g_subprocess_get_exit_status (process), ==, 0);
  return out;
}

/* How many windows the running instance has, as it exports them on the bus. */
static guint
count_windows (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GVariant) reply = NULL;
  g_autoptr(GDBusNodeInfo) node = NULL;
  const char *xml;
  guint n = 0;

  reply = g_dbus_connection_call_sync (f->connection, "io.github.caseload.Caseload", APP_PATH "/window",
                                       "org.freedesktop.DBus.Introspectable", "Introspect", NULL,
                                       G_VARIANT_TYPE ("(s)"), G_DBUS_CALL_FLAGS_NONE, 10000, NULL, &error);
  g_assert_no_error (error);
  g_variant_get (reply, "(&s)", &xml);
  node = g_dbus_node_info_new_for_xml (xml, &error);
  g_assert_no_error (error);
  while (node->nodes != NULL && node->nodes[n] != NULL)
    n++;
  return n;
}

static gboolean
has_owner (Fixture *f)
{
  g_autoptr(GVariant) reply =
    g_dbus_connection_call_sync (f->connection, "org.freedesktop.DBus", "/org/freedesktop/DBus",
                                 "org.freedesktop.DBus", "NameHasOwner",
                                 g_variant_new ("(s)", "io.github.caseload.Caseload"),
                                 G_VARIANT_TYPE ("(b)"), G_DBUS_CALL_FLAGS_NONE, 10000, NULL, NULL);
  gboolean owned = FALSE;

  if (reply != NULL)
    g_variant_get (reply, "(b)", &owned);
  return owned;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *xdg = NULL;
  g_autofree char *display = NULL;
  gint64 deadline;

  f->dir = g_dir_make_tmp ("caseload-instance-XXXXXX", &error);
  g_assert_no_error (error);
  xdg = g_build_filename (f->dir, "data", NULL);
  g_setenv ("XDG_DATA_HOME", xdg, TRUE);
  f->program = g_test_build_filename (G_TEST_BUILT, "..", "..", "src", "app", "caseload", NULL);

  /* g_test_dbus_up() unsets DISPLAY (against X11 bus autolaunch); the app needs Xvfb's. */
  display = g_strdup (g_getenv ("DISPLAY"));
  f->bus = g_test_dbus_new (G_TEST_DBUS_NONE);
  g_test_dbus_up (f->bus);
  if (display != NULL)
    g_setenv ("DISPLAY", display, TRUE);
  f->connection = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, &error);
  g_assert_no_error (error);

  f->primary = launch (f, "--db", "first.db", NULL);
  deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;
  while (!has_owner (f) && g_get_monotonic_time () < deadline)
    g_usleep (100 * 1000);
  g_assert_true (has_owner (f));
  /* The name is taken before the first command line is run: wait for its window. */
  while (count_windows (f) == 0 && g_get_monotonic_time () < deadline)
    g_usleep (100 * 1000);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  /* Quit as the menu does, and the first instance ends normally. */
  g_dbus_connection_call_sync (f->connection, "io.github.caseload.Caseload", APP_PATH,
                               "org.gtk.Actions", "Activate",
                               g_variant_new ("(sava{sv})", "quit", NULL, NULL),
                               NULL, G_DBUS_CALL_FLAGS_NONE, 10000, NULL, &error);
  g_assert_no_error (error);
  g_subprocess_wait (f->primary, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (f->primary));
  g_assert_cmpint (g_subprocess_get_exit_status (f->primary), ==, 0);

  g_clear_object (&f->primary);
  g_clear_object (&f->connection);
  g_test_dbus_down (f->bus);
  g_clear_object (&f->bus);
  remove_tree (f->dir);
  g_free (f->program);
  g_free (f->dir);
}

static void
test_second_launch_presents (Fixture       *f,
                             gconstpointer  data)
{
  g_autofree char *first = g_build_filename (f->dir, "first.db", NULL);
  g_autofree char *second = g_build_filename (f->dir, "second.db", NULL);
  g_autofree char *out = NULL;

  g_assert_cmpuint (count_windows (f), ==, 1);

  /* From the desktop, no database named: the open caseload comes forward, nothing new opens. */
  g_free (run_second (f, NULL));
  g_assert_cmpuint (count_windows (f), ==, 1);

  /* The same database again, by its full path, and on a view: still its one window. */
  g_free (run_second (f, "--db", first, "--view", "due", NULL));
  g_assert_cmpuint (count_windows (f), ==, 1);

  /* Another database, asked for by name (as a file opened from a file manager): a second window,
   * opened by the running instance — the second program only hands it over. */
  g_free (run_second (f, second, NULL));
  g_assert_cmpuint (count_windows (f), ==, 2);
  g_assert_true (g_file_test (second, G_FILE_TEST_EXISTS));
  g_free (run_second (f, "--db", second, NULL));
  g_assert_cmpuint (count_windows (f), ==, 2);

  /* --version is answered by the program started, without the running instance. */
  out = run_second (f, "--version", NULL);
  g_assert_cmpstr (out, ==, "caseload " PACKAGE_VERSION "\n");
  g_assert_cmpuint (count_windows (f), ==, 2);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add ("/single-instance/second-launch-presents", Fixture, NULL,
              fixture_set_up, test_second_launch_presents, fixture_tear_down);
  return g_test_run ();
}
