/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-window-actions.c — every command of the main window, as actions */
#define G_LOG_DOMAIN "cl-window-actions"

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>

#include "cl-setup-assistant.h"
#include "cl-setup-window.h"
#include "cl-bundle-reader.h"
#include "cl-bundle-writer.h"
#include "cl-document-window.h"
#include "cl-documents.h"
#include "cl-preferences-window.h"
#include "cl-window-private.h"

static void
show_failure (ClWindow   *self,
              const char *heading,
              const char *message)
{
  AdwMessageDialog *alert = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), heading, message));

  adw_message_dialog_add_response (alert, "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (alert));
}

/* Called in the main thread as the import goes. */
static void
show_progress (double   fraction,
               gpointer user_data)
{
  ClWindow *self = user_data;
  g_autofree char *text = g_strdup_printf (_("Importing… %d %%"), (int) (fraction * 100));

  /* Closed meanwhile (the import holds a reference): its widgets are gone. */
  if (self->import_progress == NULL)
    return;
  gtk_progress_bar_set_fraction (self->import_progress, fraction);
  gtk_progress_bar_set_text (self->import_progress, text);
}

static void
import_done (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(ClWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  gssize n = cl_session_import_finish (CL_SESSION (object), result, &error);

  if (self->import_progress == NULL)
    return;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.import", TRUE);
  gtk_widget_set_visible (GTK_WIDGET (self->import_progress), FALSE);
  if (n < 0)
    {
      show_failure (self, _("Import Failed"), error->message);
      return;
    }
  {
    g_autofree char *message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%zd student imported",
                                                             "%zd students imported", n), n);
    _cl_window_toast (self, message);
  }
}

void
_cl_window_import_file (ClWindow *self,
                        GFile    *file)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *basename = g_file_get_basename (file);
  gsize length;

  g_return_if_fail (CL_IS_WINDOW (self));

  if (cl_session_get_store (self->session) != NULL)
    {
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.import", FALSE);
      gtk_progress_bar_set_fraction (self->import_progress, 0);
      gtk_progress_bar_set_text (self->import_progress, _("Reading the bundle…"));
      gtk_widget_set_visible (GTK_WIDGET (self->import_progress), TRUE);
      /* The window is kept until the import is back: its progress bar shows it. */
      cl_session_import_async (self->session, file, show_progress, self, NULL, import_done, g_object_ref (self));
      return;
    }
  /* No database open (the demo): show the bundle, read-only. */
  if (!g_file_load_contents (file, NULL, &contents, &length, NULL, &error) ||
      !cl_window_load_bundle (self, contents, length, basename, &error))
    {
      g_autofree char *message = g_strdup_printf (_("“%s” was not imported: %s"), basename, error->message);
      show_failure (self, _("Import Failed"), message);
      return;
    }
  _cl_window_toast (self, _("Bundle opened read-only: open a case database to keep it"));
}

typedef void (*ChosenFunc) (ClWindow *self,
                            GFile    *file);

static void
on_chooser_response (GtkNativeDialog *dialog,
                     int              response,
                     ClWindow        *self)
{
  ChosenFunc chosen = g_object_get_data (G_OBJECT (dialog), "chosen-func");
  g_autoptr(GFile) file = NULL;

  g_assert (CL_IS_WINDOW (self));

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
  if (file != NULL)
    chosen (self, file);
}

/* A portal-friendly file chooser (works in the Flatpak sandbox) that hands the chosen file to
 * @chosen. @folder and @name, when given, are where it starts and the name it proposes. */
static void
choose_file (ClWindow             *self,
             const char           *title,
             GtkFileChooserAction  action,
             const char           *accept,
             const char           *filter_name,
             const char           *pattern,
             GFile                *folder,
             const char           *name,
             ChosenFunc            chosen)
{
  GtkFileChooserNative *chooser = gtk_file_chooser_native_new (title, GTK_WINDOW (self), action, accept, _("_Cancel"));
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, filter_name);
  gtk_file_filter_add_pattern (filter, pattern);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  if (folder != NULL)
    gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), folder, NULL);
  if (name != NULL)
    gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  g_object_set_data (G_OBJECT (chooser), "chosen-func", chosen);
  g_signal_connect (chooser, "response", G_CALLBACK (on_chooser_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
import_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  choose_file (CL_WINDOW (widget), _("Import Bundle"), GTK_FILE_CHOOSER_ACTION_OPEN, _("_Import"),
               _("Caseload bundles"), "*.json", NULL, NULL, _cl_window_import_file);
}

static void
open_chosen_database (ClWindow *self,
                      GFile    *file)
{
  g_autofree char *path = g_file_get_path (file);

  if (path == NULL)
    return;
  cl_window_open_database (self, path);
  g_settings_set_string (self->settings, "last-database", path);
}

static void
open_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  choose_file (CL_WINDOW (widget), _("Open Case Database"), GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"),
               _("Case databases"), "*.db", NULL, NULL, open_chosen_database);
}

static void
export_to (ClWindow *self,
           GFile    *file)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *json = NULL;
  g_autofree char *path = g_file_get_path (file);

  if (cl_session_get_caseload (self->session) == NULL)
    return;
  json = cl_bundle_write (cl_session_get_caseload (self->session));
  /* The bundle holds confidential records: readable by the user alone. */
  if (path == NULL ||
      !g_file_set_contents_full (path, json, -1, G_FILE_SET_CONTENTS_CONSISTENT, 0600, &error))
    {
      show_failure (self, _("Export Failed"), error ? error->message : _("The file cannot be written"));
      return;
    }
  _cl_window_toast (self, _("Caseload exported"));
}

static void
open_backup_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  ClWindow *self = CL_WINDOW (widget);
  g_autoptr(GFile) folder = NULL;

  /* The daily backups sit next to the database, in "<name>.backups". */
  if (cl_session_get_path (self->session) != NULL)
    {
      g_autofree char *dir = cl_store_dup_backup_dir (cl_session_get_path (self->session));

      if (g_file_test (dir, G_FILE_TEST_IS_DIR))
        folder = g_file_new_for_path (dir);
    }
  choose_file (self, _("Open a Backup"), GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), _("Case databases"),
               "*.db", folder, NULL, open_chosen_database);
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  choose_file (CL_WINDOW (widget), _("Export Bundle"), GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"),
               _("Caseload bundles"), "*.json", NULL, "caseload.json", export_to);
}

static void
open_demo_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  ClApplication *app = CL_APPLICATION (gtk_window_get_application (GTK_WINDOW (widget)));
  ClWindow *demo = cl_window_new (app);

  /* In a window of its own, so the user's database stays open and untouched. */
  gtk_window_present (GTK_WINDOW (demo));
  cl_window_open_demo (demo);
}

/* The demo, copied into a case database of its own in the cache folder (made anew each time), so
 * that a facilitator can plan and run a meeting, log removals or edit students on made-up data.
 * The user's own database is not opened, changed or remembered. */
static void
practice_demo_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  ClWindow *self = CL_WINDOW (widget);
  g_autofree char *dir = g_build_filename (g_get_user_cache_dir (), "caseload", NULL);
  g_autofree char *path = g_build_filename (dir, "demo-practice.db", NULL);
  const char *suffixes[] = { "", "-wal", "-shm" };
  g_autoptr(GError) error = NULL;
  g_autofree char *open_id = NULL;
  ClStudent *open;

  if (!cl_session_get_demo (self->session) || cl_session_get_caseload (self->session) == NULL)
    return;
  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      g_autofree char *message = g_strdup_printf (_("No practice copy: %s cannot be created (%s)"), dir,
                                                  g_strerror (errno));
      _cl_window_toast (self, message);
      return;
    }
  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (path, suffixes[i], NULL);
      g_unlink (file);
    }
  if (!cl_session_write_database (self->session, path, &error))
    {
      g_autofree char *message = g_strdup_printf (_("No practice copy: %s"), error->message);
      _cl_window_toast (self, message);
      return;
    }
  open = _cl_window_get_student (self);
  open_id = open ? g_strdup (open->id) : NULL;
  cl_window_open_database (self, path);
  /* The same student's file, once the copy is loaded. */
  if (open_id != NULL)
    cl_window_select_student (self, open_id);
  _cl_window_toast (self, _("A practice copy of the demo: change anything, nothing else is touched"));
}

static void
new_caseload_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  ClWindow *self = CL_WINDOW (widget);
  g_autofree char *path = cl_application_dup_default_database ();

  cl_window_open_database (self, cl_session_get_path (self->session) ? cl_session_get_path (self->session) : path);
  _cl_window_toast (self, _("An empty caseload: import a bundle to add students"));
}

static void
on_setup_finished (GObject          *source,
                   ClWindow         *self)
{
  g_autofree char *path = g_strdup (g_object_get_data (source, "database-path"));

  cl_window_open_database (self, path);
}

/* The first-run assistant (cl-setup-assistant.c), on the open database or the default one. */
static void
setup_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  ClWindow *self = CL_WINDOW (widget);
  g_autofree char *fallback = cl_application_dup_default_database ();
  const char *path = cl_session_get_path (self->session) ? cl_session_get_path (self->session) : fallback;
  ClSetupAssistant *assistant = cl_setup_assistant_new (GTK_WINDOW (self), path);

  g_object_set_data_full (G_OBJECT (assistant), "database-path", g_strdup (path), g_free);
  g_signal_connect_object (assistant, "finished", G_CALLBACK (on_setup_finished), self, 0);
  gtk_window_present (GTK_WINDOW (assistant));
}

/* The district's set-up as it is (cl-setup-window.c), on the open database. */
static void
district_setup_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  ClWindow *self = CL_WINDOW (widget);
  const char *path = cl_session_get_path (self->session);
  ClSetupWindow *setup;

  if (path == NULL || !cl_session_get_editable (self->session))
    return;
  setup = cl_setup_window_new (GTK_WINDOW (self), self->session);
  gtk_window_present (GTK_WINDOW (setup));
}

static void
preferences_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  ClWindow *self = CL_WINDOW (widget);
  GtkWindow *prefs = GTK_WINDOW (cl_preferences_window_new (GTK_WINDOW (self), self->settings,
                                                            cl_session_get_read_only (self->session) ? NULL : cl_session_get_path (self->session)));
  gtk_window_present (prefs);
}

#define DOCUMENT_ACTION_PREFIX "win.document-"

/* The Documents menu in the header bar and "win.document" hand the choice to the student page,
 * which owns the documents of the file it shows (student.document). */
static void
document_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  ClWindow *self = CL_WINDOW (widget);
  const char *menu_student = g_object_get_data (G_OBJECT (self->documents_button), "student-id");
  ClStudent *shown = cl_student_page_get_student (self->student_page);
  /* "win.document" names the kind in its parameter; "win.document-<kind>" in its name. */
  const char *kind_name = parameter ? g_variant_get_string (parameter, NULL) : action_name + strlen (DOCUMENT_ACTION_PREFIX);

  /* From the menu: the student whose file was open when it opened (closing the menu may move the
   * list's focus, and with it the selection), shown again if it moved. */
  if (parameter == NULL && menu_student != NULL && (shown == NULL || g_strcmp0 (shown->id, menu_student) != 0))
    {
      g_autofree char *id = g_strdup (menu_student);
      _cl_window_show_student (self, id);
    }
  gtk_widget_activate_action (GTK_WIDGET (self->student_page), "student.document", "s", kind_name);
}

/* The Documents menu offers what applies to the open student (its items hide when their action is
 * disabled), as the page says when the menu opens. */
static void
on_documents_menu_show (ClWindow *self)
{
  ClStudent *student = cl_student_page_get_student (self->student_page);

  g_assert (CL_IS_WINDOW (self));
  g_object_set_data_full (G_OBJECT (self->documents_button), "student-id", student ? g_strdup (student->id) : NULL, g_free);
  for (guint i = 0; i < CL_N_DOCUMENT_KINDS; i++)
    {
      g_autofree char *action = g_strconcat (DOCUMENT_ACTION_PREFIX, cl_document_kind_names[i], NULL);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), action, cl_student_page_offers_document (self->student_page, i));
    }
}

static void
toast_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  _cl_window_toast (CL_WINDOW (widget), g_variant_get_string (parameter, NULL));
}

static void
compliance_report_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  ClWindow *self = CL_WINDOW (widget);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) pdf = NULL;

  if (cl_session_get_caseload (self->session) == NULL)
    return;
  pdf = cl_document_render_school_report (cl_session_get_caseload (self->session), cl_session_get_obligations (self->session), NULL, NULL, cl_session_get_today (self->session), NULL, &error);
  if (pdf == NULL)
    {
      _cl_window_toast (self, error->message);
      return;
    }
  gtk_window_present (GTK_WINDOW (cl_document_window_new (GTK_WINDOW (self), pdf, _("School Compliance Report"),
                                                          "school-compliance-report.pdf")));
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  ClWindow *self = CL_WINDOW (widget);

  gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  ClWindow *self = CL_WINDOW (widget);

  /* Folded, the list is a page back; side by side, leaving the file shows the start again. Focus
   * goes to the list, where the user picks the next student. */
  if (adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
  else
    gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  gtk_widget_grab_focus (GTK_WIDGET (self->student_list));
}

void
_cl_window_class_actions_init (ClWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_install_action (widget_class, "win.open", NULL, open_action);
  gtk_widget_class_install_action (widget_class, "win.import", NULL, import_action);
  gtk_widget_class_install_action (widget_class, "win.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "win.open-backup", NULL, open_backup_action);
  gtk_widget_class_install_action (widget_class, "win.open-demo", NULL, open_demo_action);
  gtk_widget_class_install_action (widget_class, "win.practice-demo", NULL, practice_demo_action);
  gtk_widget_class_install_action (widget_class, "win.new-caseload", NULL, new_caseload_action);
  gtk_widget_class_install_action (widget_class, "win.set-up", NULL, setup_action);
  gtk_widget_class_install_action (widget_class, "win.district-setup", NULL, district_setup_action);
  gtk_widget_class_install_action (widget_class, "win.preferences", NULL, preferences_action);
  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "win.toast", "s", toast_action);
  gtk_widget_class_install_action (widget_class, "win.document", "s", document_action);
  for (guint i = 0; i < CL_N_DOCUMENT_KINDS; i++)
    {
      g_autofree char *action = g_strconcat (DOCUMENT_ACTION_PREFIX, cl_document_kind_names[i], NULL);
      gtk_widget_class_install_action (widget_class, action, NULL, document_action);
    }
  gtk_widget_class_bind_template_callback (widget_class, on_documents_menu_show);
  gtk_widget_class_install_action (widget_class, "win.compliance-report", NULL, compliance_report_action);
  gtk_widget_class_install_action (widget_class, "win.back", NULL, back_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK, "win.back", NULL);
}

void
_cl_window_actions_update (ClWindow *self)
{
  /* Export writes the open case database out as a bundle; a read-only bundle has none. While a
   * database loads, its connection belongs to the loading thread: nothing may write meanwhile. */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export", cl_session_get_store (self->session) != NULL && !cl_session_get_loading (self->session));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.import", !cl_session_get_loading (self->session));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.practice-demo", cl_session_get_demo (self->session) && !cl_session_get_loading (self->session));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.district-setup",
                                 cl_session_get_store (self->session) != NULL && !cl_session_get_read_only (self->session) &&
                                 !cl_session_get_loading (self->session));
  /* Edits go to the database: a read-only bundle has none. */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.add-event", cl_session_get_store (self->session) != NULL);
  {
    static const char * const student_actions[] = {
      "win.new-student", "win.edit-student",
    };
    for (guint i = 0; i < G_N_ELEMENTS (student_actions); i++)
      gtk_widget_action_set_enabled (GTK_WIDGET (self), student_actions[i], cl_session_get_store (self->session) != NULL && !cl_session_get_loading (self->session));
  }
  if (cl_session_get_store (self->session) == NULL)
    _cl_window_undo_clear (self);
}
