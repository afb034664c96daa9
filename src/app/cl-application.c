/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-application.c — the Caseload application: one instance, one window per caseload */
#define G_LOG_DOMAIN "cl-application"

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "cl-application.h"
#include "cl-window-private.h"

struct _ClApplication
{
  AdwApplication  parent_instance;
  GSettings      *settings;
};

G_DEFINE_FINAL_TYPE (ClApplication, cl_application, ADW_TYPE_APPLICATION)

ClApplication *
cl_application_new (void)
{
  return g_object_new (CL_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_COMMAND_LINE,
                       "resource-base-path", "/io/github/caseload/Caseload",
                       NULL);
}

GSettings *
cl_application_get_settings (ClApplication *self)
{
  g_return_val_if_fail (CL_IS_APPLICATION (self), NULL);
  return self->settings;
}

char *
cl_application_dup_default_database (void)
{
  return g_build_filename (g_get_user_data_dir (), "caseload", "caseload.db", NULL);
}

/* Says, in words a case manager can act on, why @path cannot hold the caseload. The database
 * itself is opened by the store; this only refuses what can never work, before any window opens. */
static gboolean
check_database_path (const char  *path,
                     gboolean     is_default,
                     GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (path);

  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY,
                   _("“%s” is a folder. Give the path of a database file."), path);
      return FALSE;
    }
  if (g_file_test (path, G_FILE_TEST_EXISTS))
    {
      if (g_access (path, R_OK | W_OK) != 0)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED,
                       _("Cannot read and write “%s”: %s. Check the file’s permissions, or open another database."),
                       path, g_strerror (errno));
          return FALSE;
        }
      return TRUE;
    }
  if (is_default && g_mkdir_with_parents (dir, 0700) != 0)
    {
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (errno),
                   _("Cannot create the folder “%s”: %s."), dir, g_strerror (errno));
      return FALSE;
    }
  if (!g_file_test (dir, G_FILE_TEST_IS_DIR))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   _("The folder “%s” does not exist. Create it first, or choose another place for the database."),
                   dir);
      return FALSE;
    }
  if (g_access (dir, W_OK) != 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED,
                   _("Cannot create a database in “%s”: %s."), dir, g_strerror (errno));
      return FALSE;
    }
  return TRUE;
}

static ClWindow *
new_window (ClApplication *self)
{
  ClWindow *window = cl_window_new (self);
  gtk_window_present (GTK_WINDOW (window));
  return window;
}

/* The window already showing the database at @path (or the demo, when @path is NULL): a second
 * launch on the same caseload raises it instead of opening it twice, with two undo stacks. */
static ClWindow *
find_window (ClApplication *self,
             const char    *path)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    {
      ClWindow *window;

      if (!CL_IS_WINDOW (l->data))
        continue;
      window = l->data;
      if (path == NULL ? cl_session_get_demo (window->session) : g_strcmp0 (cl_session_get_path (window->session), path) == 0)
        return window;
    }
  return NULL;
}

static ClWindow *
first_window (ClApplication *self)
{
  GtkWindow *active = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (CL_IS_WINDOW (active))
    return CL_WINDOW (active);
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    if (CL_IS_WINDOW (l->data))
      return l->data;
  return NULL;
}

static void
show_in_window (ClWindow                *window,
                GApplicationCommandLine *command_line,
                const char              *view,
                const char              *student)
{
  if (view != NULL)
    _cl_window_show_view (window, view);
  if (student != NULL && !cl_window_select_student (window, student))
    g_application_command_line_printerr (command_line, _("caseload: no student with id “%s”\n"), student);
}

static int
cl_application_command_line (GApplication            *app,
                             GApplicationCommandLine *command_line)
{
  ClApplication *self = CL_APPLICATION (app);
  GVariantDict *options = g_application_command_line_get_options_dict (command_line);
  g_autoptr(GError) error = NULL;
  g_autofree char *db = NULL;
  g_autofree char *resolved = NULL;
  g_autofree char *student = NULL;
  g_autofree char *view = NULL;
  g_auto(GStrv) files = NULL;
  ClWindow *window;
  gboolean demo = FALSE;
  gboolean is_default = FALSE;

  g_variant_dict_lookup (options, "demo", "b", &demo);
  g_variant_dict_lookup (options, "db", "^ay", &db);
  g_variant_dict_lookup (options, "student", "s", &student);
  g_variant_dict_lookup (options, "view", "s", &view);
  g_variant_dict_lookup (options, G_OPTION_REMAINING, "^aay", &files);
  if (view != NULL && !g_str_equal (view, "due") && !g_str_equal (view, "compliance"))
    {
      g_application_command_line_printerr (command_line, _("caseload: --view is “due” or “compliance”\n"));
      return 1;
    }
  /* “caseload FILE” (a file manager, or a second launch handing its file to this one) is --db. */
  if (files != NULL && files[0] != NULL)
    {
      if (db != NULL || files[1] != NULL || demo)
        {
          g_application_command_line_printerr (command_line, _("caseload: give one database, as FILE or with --db\n"));
          return 1;
        }
      db = g_strdup (files[0]);
    }

  if (demo)
    {
      window = find_window (self, NULL);
      if (window != NULL)
        gtk_window_present (GTK_WINDOW (window));
      else
        {
          window = new_window (self);
          cl_window_open_demo (window);
        }
      show_in_window (window, command_line, view, student);
      return 0;
    }

  /* Launched again with no database named: the caseload already open is the one wanted. */
  if (db == NULL && (window = first_window (self)) != NULL)
    {
      gtk_window_present (GTK_WINDOW (window));
      show_in_window (window, command_line, view, student);
      return 0;
    }

  if (db != NULL)
    {
      g_autoptr(GFile) file = g_application_command_line_create_file_for_arg (command_line, db);
      resolved = g_file_get_path (file);
    }
  else
    {
      g_autofree char *last = g_settings_get_string (self->settings, "last-database");

      if (last[0] != '\0' && g_file_test (last, G_FILE_TEST_EXISTS))
        resolved = g_steal_pointer (&last);
      else
        {
          resolved = cl_application_dup_default_database ();
          is_default = TRUE;
        }
    }

  if ((window = find_window (self, resolved)) != NULL)
    {
      gtk_window_present (GTK_WINDOW (window));
      show_in_window (window, command_line, view, student);
      return 0;
    }

  if (!check_database_path (resolved, is_default, &error))
    {
      g_application_command_line_printerr (command_line, "caseload: %s\n", error->message);
      return 1;
    }

  /* Another database than the one open: asked for by name, so it gets a window of its own. */
  window = new_window (self);
  cl_window_open_database (window, resolved);
  g_settings_set_string (self->settings, "last-database", resolved);
  show_in_window (window, command_line, view, student);
  return 0;
}

/* --version is answered here, by the program that was started: it needs no window, no display and
 * no running instance. */
static int
cl_application_handle_local_options (GApplication *app,
                                     GVariantDict *options)
{
  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("caseload %s\n", PACKAGE_VERSION);
      return 0;
    }
  return -1;
}

static void
cl_application_activate (GApplication *app)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  if (window != NULL)
    gtk_window_present (window);
}

static void
about_action (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  ClApplication *self = user_data;
  const char *developers[] = { "Caseload developers", NULL };
  GtkWindow *about;

  g_assert (CL_IS_APPLICATION (self));

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", gtk_application_get_active_window (GTK_APPLICATION (self)),
                        "application-name", _("Caseload"),
                        "application-icon", APP_ID,
                        "developer-name", _("Caseload developers"),
                        "version", PACKAGE_VERSION,
                        "website", "https://github.com/caseload/caseload",
                        "issue-url", "https://github.com/caseload/caseload/issues",
                        "comments", _("Every IEP deadline, the reason for it, and what to bring to the meeting — offline."),
                        "license-type", GTK_LICENSE_GPL_3_0,
                        "developers", developers,
                        /* Translators: put your names here, one per line. */
                        "translator-credits", _("translator-credits"),
                        NULL);
  gtk_window_present (about);
}

static void
quit_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  g_application_quit (G_APPLICATION (user_data));
}

static const GActionEntry app_actions[] = {
  { "about", about_action },
  { "quit", quit_action },
};

static void
cl_application_startup (GApplication *app)
{
  ClApplication *self = CL_APPLICATION (app);
  static const struct { const char *action; const char *accels[3]; } accels[] = {
    { "app.quit", { "<Control>q", NULL } },
    { "window.close", { "<Control>w", NULL } },
    { "win.open", { "<Control>o", NULL } },
    { "win.import", { "<Control>i", NULL } },
    { "win.export", { "<Control>e", NULL } },
    { "win.preferences", { "<Control>comma", NULL } },
    { "win.search", { "<Control>f", NULL } },
    { "win.show-help-overlay", { "<Control>question", NULL } },
    { "win.undo", { "<Control>z", NULL } },
    { "win.add-event", { "<Control>n", NULL } },
  };

  G_APPLICATION_CLASS (cl_application_parent_class)->startup (app);

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions, G_N_ELEMENTS (app_actions), self);
  for (guint i = 0; i < G_N_ELEMENTS (accels); i++)
    gtk_application_set_accels_for_action (GTK_APPLICATION (self), accels[i].action, accels[i].accels);
}

static void
cl_application_finalize (GObject *object)
{
  ClApplication *self = CL_APPLICATION (object);

  g_clear_object (&self->settings);
  G_OBJECT_CLASS (cl_application_parent_class)->finalize (object);
}

static void
cl_application_class_init (ClApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->finalize = cl_application_finalize;
  app_class->command_line = cl_application_command_line;
  app_class->handle_local_options = cl_application_handle_local_options;
  app_class->activate = cl_application_activate;
  app_class->startup = cl_application_startup;
}

/* Installed, the schema is in the system's schema source; run from the build tree (the README's
 * quick start), it is the one compiled next to the build's data files. */
static GSettings *
cl_application_load_settings (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APP_ID, TRUE);
  if (schema == NULL)
    {
      g_autoptr(GSettingsSchemaSource) build =
        g_settings_schema_source_new_from_directory (BUILD_SCHEMA_DIR, source, FALSE, NULL);
      if (build != NULL)
        schema = g_settings_schema_source_lookup (build, APP_ID, FALSE);
    }
  if (schema == NULL)
    g_error ("The settings schema %s is not installed; run “meson install” or start Caseload "
             "from its build directory.", APP_ID);
  return g_settings_new_full (schema, NULL, NULL);
}

static void
cl_application_init (ClApplication *self)
{
  const GOptionEntry entries[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, NULL, N_("Open this case database"), N_("FILE") },
    { "demo", 0, 0, G_OPTION_ARG_NONE, NULL, N_("Open the demo caseload (read-only, made-up students)"), NULL },
    { "student", 0, 0, G_OPTION_ARG_STRING, NULL, N_("Open this student’s file"), N_("ID") },
    { "view", 0, 0, G_OPTION_ARG_STRING, NULL, N_("Open a view: “due” (everything due) or “compliance”"), N_("VIEW") },
    { "version", 0, 0, G_OPTION_ARG_NONE, NULL, N_("Print the version and quit"), NULL },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, NULL, NULL, N_("[FILE]") },
    { NULL }
  };

  self->settings = cl_application_load_settings ();
  g_application_add_main_option_entries (G_APPLICATION (self), entries);
  g_application_set_option_context_summary (G_APPLICATION (self),
                                            _("Caseload keeps a special-education caseload and tells what is due, and why."));
}
