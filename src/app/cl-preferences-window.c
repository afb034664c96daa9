/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-preferences-window.c — where the caseload lives, and how it is kept safe */
#define G_LOG_DOMAIN "cl-preferences-window"

#include "config.h"

#include <glib/gi18n.h>

#include "cl-preferences-window.h"

struct _ClPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;
  AdwActionRow         *database_row;
  GtkSwitch            *backups_switch;
};

G_DEFINE_FINAL_TYPE (ClPreferencesWindow, cl_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

static void
cl_preferences_window_class_init (ClPreferencesWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/caseload/Caseload/cl-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, ClPreferencesWindow, database_row);
  gtk_widget_class_bind_template_child (widget_class, ClPreferencesWindow, backups_switch);
}

static void
cl_preferences_window_init (ClPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

ClPreferencesWindow *
cl_preferences_window_new (GtkWindow  *parent,
                           GSettings  *settings,
                           const char *database_path)
{
  ClPreferencesWindow *self = g_object_new (CL_TYPE_PREFERENCES_WINDOW, "transient-for", parent, NULL);

  adw_action_row_set_subtitle (self->database_row,
                               database_path ? database_path : _("None: the demo caseload is read-only"));
  g_settings_bind (settings, "automatic-backups", self->backups_switch, "active", G_SETTINGS_BIND_DEFAULT);
  return self;
}
