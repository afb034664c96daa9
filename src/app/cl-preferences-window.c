/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-preferences-window.c — where the caseload lives, and how it is kept safe */
#define G_LOG_DOMAIN "cl-preferences-window"

#include "config.h"

#include <glib/gi18n.h>

#include "cl-district-server.h"
#include "cl-preferences-window.h"

struct _ClPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;
  AdwActionRow         *database_row;
  GtkSwitch            *backups_switch;
  AdwEntryRow          *server_url_row;
  AdwEntryRow          *server_login_row;
  AdwPasswordEntryRow  *server_password_row;
  AdwActionRow         *server_status_row;
  GSettings            *settings;
  GCancellable         *cancellable;
};

G_DEFINE_FINAL_TYPE (ClPreferencesWindow, cl_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

static void
password_stored (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ClPreferencesWindow) self = user_data;

  if (!cl_district_server_store_password_finish (result, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      adw_action_row_set_subtitle (self->server_status_row, error->message);
      return;
    }
  adw_action_row_set_subtitle (self->server_status_row, _("The password is in your login keyring."));
  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), adw_toast_new (_("Password kept in the login keyring")));
}

static void
on_password_apply (ClPreferencesWindow *self)
{
  const char *password = gtk_editable_get_text (GTK_EDITABLE (self->server_password_row));

  g_assert (CL_IS_PREFERENCES_WINDOW (self));

  cl_district_server_store_password (self->settings, password, self->cancellable,
                                     password_stored, g_object_ref (self));
  /* Not kept in the widget longer than needed. */
  gtk_editable_set_text (GTK_EDITABLE (self->server_password_row), "");
}

static void
on_server_apply (ClPreferencesWindow *self,
                 AdwEntryRow         *row)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));

  g_assert (CL_IS_PREFERENCES_WINDOW (self));

  g_settings_set_string (self->settings,
                         row == self->server_url_row ? "district-server-url" : "district-server-login", text);
}

static void
cl_preferences_window_dispose (GObject *object)
{
  ClPreferencesWindow *self = CL_PREFERENCES_WINDOW (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->settings);
  G_OBJECT_CLASS (cl_preferences_window_parent_class)->dispose (object);
}

static void
cl_preferences_window_class_init (ClPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cl_preferences_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/caseload/Caseload/cl-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, ClPreferencesWindow, database_row);
  gtk_widget_class_bind_template_child (widget_class, ClPreferencesWindow, backups_switch);
  gtk_widget_class_bind_template_child (widget_class, ClPreferencesWindow, server_url_row);
  gtk_widget_class_bind_template_child (widget_class, ClPreferencesWindow, server_login_row);
  gtk_widget_class_bind_template_child (widget_class, ClPreferencesWindow, server_password_row);
  gtk_widget_class_bind_template_child (widget_class, ClPreferencesWindow, server_status_row);
  gtk_widget_class_bind_template_callback (widget_class, on_server_apply);
  gtk_widget_class_bind_template_callback (widget_class, on_password_apply);
}

static void
cl_preferences_window_init (ClPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
}

ClPreferencesWindow *
cl_preferences_window_new (GtkWindow  *parent,
                           GSettings  *settings,
                           const char *database_path)
{
  ClPreferencesWindow *self = g_object_new (CL_TYPE_PREFERENCES_WINDOW, "transient-for", parent, NULL);
  g_autofree char *url = g_settings_get_string (settings, "district-server-url");
  g_autofree char *login = g_settings_get_string (settings, "district-server-login");

  self->settings = g_object_ref (settings);
  adw_action_row_set_subtitle (self->database_row,
                               database_path ? database_path : _("None: the demo caseload is read-only"));
  g_settings_bind (settings, "automatic-backups", self->backups_switch, "active", G_SETTINGS_BIND_DEFAULT);
  gtk_editable_set_text (GTK_EDITABLE (self->server_url_row), url);
  gtk_editable_set_text (GTK_EDITABLE (self->server_login_row), login);
  return self;
}
