/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-ui-test.c — what the UI tests share (see cl-ui-test.h) */
#define G_LOG_DOMAIN "cl-ui-test"

#include <glib/gstdio.h>

#include "cl-ui-test.h"

ClApplication *
cl_ui_test_init (int    *argc,
                 char ***argv)
{
  ClApplication *app;

  gtk_test_init (argc, argv, NULL);
  adw_init ();
  app = cl_application_new ();
  g_application_register (G_APPLICATION (app), NULL, NULL);
  g_application_set_default (G_APPLICATION (app));
  return app;
}

int
cl_ui_test_run (ClApplication *app)
{
  int status = g_test_run ();

  g_object_unref (app);
  return status;
}

void
iterate (void)
{
  /* Three rounds: what one round runs may queue more (a relayout, an idle after a change). */
  for (int i = 0; i < 3; i++)
    while (g_main_context_iteration (NULL, FALSE))
      ;
}

void
wait_for (gboolean (*done) (gpointer),
          gpointer data)
{
  gint64 deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;

  while (!done (data) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (done (data));
  iterate ();
}

gboolean
loaded (gpointer window)
{
  return !cl_session_get_loading (CL_WINDOW (window)->session);
}

gboolean
imported (gpointer window)
{
  return !gtk_widget_get_visible (GTK_WIDGET (CL_WINDOW (window)->import_progress));
}

void
wait_loaded (ClWindow *window)
{
  wait_for (loaded, window);
}

void
remove_tree (const char *path)
{
  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
      const char *name;

      while (dir && (name = g_dir_read_name (dir)))
        {
          g_autofree char *child = g_build_filename (path, name, NULL);
          remove_tree (child);
        }
      g_rmdir (path);
    }
  else
    g_unlink (path);
}

static void
remove_tree_at_teardown (gpointer path)
{
  remove_tree (path);
  g_free (path);
}

char *
make_tmp_dir (const char *tmpl)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp (tmpl, &error);

  g_assert_no_error (error);
  g_test_queue_destroy (remove_tree_at_teardown, g_strdup (dir));
  return dir;
}

/* At the end of a test its windows are destroyed, but the daily backup a window starts when its
 * database is read may still be writing into the test's directory from its thread, and it holds
 * the window until it is done: once the window is finalized nothing writes there any more. */
static void
wait_finalized (gpointer data)
{
  GWeakRef *ref = data;
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  GObject *alive;

  while ((alive = g_weak_ref_get (ref)) != NULL && g_get_monotonic_time () < deadline)
    {
      g_object_unref (alive);
      if (!g_main_context_iteration (NULL, FALSE))
        g_usleep (G_USEC_PER_SEC / 100);
    }
  g_clear_object (&alive);
  g_weak_ref_clear (ref);
  g_free (ref);
}

void
watch_window (ClWindow *window)
{
  GWeakRef *ref = g_new0 (GWeakRef, 1);

  g_weak_ref_init (ref, window);
  /* Queued after the directory was: run before it is removed. */
  g_test_queue_destroy (wait_finalized, ref);
}

ClWindow *
demo_database_window_at (ClDate   today,
                         int      width,
                         int      height,
                         char   **out_dir)
{
  ClWindow *window = cl_window_new (CL_APPLICATION (g_application_get_default ()));
  g_autofree char *dir = make_tmp_dir ("caseload-ui-XXXXXX");
  g_autofree char *path = g_build_filename (dir, "caseload.db", NULL);
  g_autofree char *demo = g_test_build_filename (G_TEST_DIST, "..", "..", "data", "demo", "demo-caseload.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (demo);

  watch_window (window);
  if (today != CL_DATE_NONE)
    cl_session_set_today (window->session, today);
  if (width > 0 && height > 0)
    gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  gtk_window_present (GTK_WINDOW (window));
  cl_window_open_database (window, path);
  wait_for (loaded, window);
  _cl_window_import_file (window, file);
  wait_for (imported, window);
  /* The demo is about 40 students over two schools. */
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (window->students)), >=, 35);
  if (out_dir != NULL)
    *out_dir = g_steal_pointer (&dir);
  return window;
}

ClWindow *
demo_database_window (char **out_dir)
{
  return demo_database_window_at (CL_DATE_NONE, 0, 0, out_dir);
}

gpointer
find_toplevel (GType    type,
               gboolean only_visible)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l; l = l->next)
    if (G_TYPE_CHECK_INSTANCE_TYPE (l->data, type) && (!only_visible || gtk_widget_get_visible (l->data)))
      return l->data;
  return NULL;
}

AdwMessageDialog *
find_dialog (void)
{
  return find_toplevel (ADW_TYPE_MESSAGE_DIALOG, TRUE);
}

GtkWidget *
find_type (GtkWidget *widget,
           GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_type (child, type);
      if (found != NULL)
        return found;
    }
  return NULL;
}

GtkWidget *
find_row (GtkWidget  *widget,
          GType       type,
          const char *title)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type) && ADW_IS_PREFERENCES_ROW (widget) &&
      g_str_has_prefix (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_row (child, type, title);
      if (found != NULL)
        return found;
    }
  return NULL;
}

GtkWidget *
find_action_button (GtkWidget  *widget,
                    const char *action)
{
  if (GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), action) == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_action_button (child, action);
      if (found != NULL)
        return found;
    }
  return NULL;
}

void
collect_rows (GtkWidget *widget,
              GString   *out)
{
  if (ADW_IS_ACTION_ROW (widget))
    g_string_append_printf (out, "%s|%s\n", adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)),
                            adw_action_row_get_subtitle (ADW_ACTION_ROW (widget)));
  else if (ADW_IS_EXPANDER_ROW (widget))
    g_string_append_printf (out, "%s|%s\n", adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)),
                            adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (widget)));
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    collect_rows (child, out);
}

void
expand_rows (GtkWidget *widget)
{
  /* Opened before walking the children: opening may add them (and expanders inside them). */
  if (ADW_IS_EXPANDER_ROW (widget))
    adw_expander_row_set_expanded (ADW_EXPANDER_ROW (widget), TRUE);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    expand_rows (child);
}

char *
rows_text (GtkWidget *widget)
{
  GString *out = g_string_new (NULL);

  collect_rows (widget, out);
  return g_string_free (out, FALSE);
}

/* Saves @widget as DIR/@name.png when CASELOAD_SHOTS=DIR. */
void
shot (GtkWidget  *widget,
      const char *name)
{
  const char *dir = g_getenv ("CASELOAD_SHOTS");
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GtkSnapshot) snapshot = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *path = NULL;
  int width, height;

  if (dir == NULL)
    return;
  iterate ();
  g_usleep (200000);
  iterate ();
  width = gtk_widget_get_width (widget);
  height = gtk_widget_get_height (widget);
  paintable = gtk_widget_paintable_new (widget);
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  if (node == NULL)
    return;
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (gtk_widget_get_native (widget)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  path = g_strdup_printf ("%s/%s.png", dir, name);
  gdk_texture_save_to_png (texture, path);
}

/* The shortcut of @controller, a shortcut controller, that @trigger's key sets off, if any. */
static GtkShortcut *
shortcut_for (GtkEventController *controller,
              GtkShortcutTrigger *trigger)
{
  GListModel *shortcuts = G_LIST_MODEL (controller);

  for (guint i = 0; i < g_list_model_get_n_items (shortcuts); i++)
    {
      g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (shortcuts, i);

      if (gtk_shortcut_trigger_equal (gtk_shortcut_get_trigger (shortcut), trigger))
        return g_steal_pointer (&shortcut);
    }
  return NULL;
}

gboolean
press (GtkWidget       *widget,
       guint            keyval,
       GdkModifierType  mods)
{
  g_autoptr(GtkShortcutTrigger) trigger = gtk_keyval_trigger_new (keyval, mods);

  /* As a key press bubbles: the widget's own shortcuts first, then each ancestor's. */
  for (GtkWidget *w = widget; w != NULL; w = gtk_widget_get_parent (w))
    {
      g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (w);

      for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
        {
          g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);
          g_autoptr(GtkShortcut) shortcut = NULL;

          if (!GTK_IS_SHORTCUT_CONTROLLER (controller) || (shortcut = shortcut_for (controller, trigger)) == NULL)
            continue;
          /* A shortcut that does nothing now (a scroll already at its end) lets the key go on. */
          if (gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut), 0, w, gtk_shortcut_get_arguments (shortcut)))
            {
              iterate ();
              return TRUE;
            }
        }
    }
  return FALSE;
}
