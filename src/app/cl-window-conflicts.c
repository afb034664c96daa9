/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-window-conflicts.c — the window's way to the conflicts with the district server: the main
 * menu's Conflicts item while any wait, and a toast with Review when a sync leaves new ones (a
 * background sync says nothing else, so this is how the user learns of them) */
#define G_LOG_DOMAIN "cl-window-conflicts"

#include "config.h"

#include <glib/gi18n.h>

#include "cl-conflicts-window.h"
#include "cl-sync-state.h"
#include "cl-window-private.h"

static void
show_conflicts_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  ClWindow *self = CL_WINDOW (widget);
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l; l = l->next)
    if (CL_IS_CONFLICTS_WINDOW (l->data) && gtk_window_get_transient_for (l->data) == GTK_WINDOW (self))
      {
        gtk_window_present (l->data);
        return;
      }
  gtk_window_present (GTK_WINDOW (cl_conflicts_window_new (GTK_WINDOW (self), self->session)));
}

static void
on_conflicts (ClWindow    *self,
              GParamSpec  *pspec,
              ClSyncState *state)
{
  guint conflicts = cl_sync_state_get_conflicts (state);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.show-conflicts", conflicts > 0);
  if (conflicts > self->conflicts_seen && self->toast_overlay != NULL)
    {
      /* A conflict (which value to keep) or a refusal (to discard): a choice either way. */
      g_autofree char *title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                             "%u change with the district server needs your choice",
                                                             "%u changes with the district server need your choice",
                                                             conflicts), conflicts);
      AdwToast *toast = adw_toast_new (title);

      adw_toast_set_button_label (toast, _("_Review"));
      adw_toast_set_action_name (toast, "win.show-conflicts");
      adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
      adw_toast_overlay_add_toast (self->toast_overlay, toast);
    }
  self->conflicts_seen = conflicts;
}

void
_cl_window_conflicts_init (ClWindow *self)
{
  ClSyncState *state = cl_session_get_sync_state (self->session);

  self->conflicts_seen = cl_sync_state_get_conflicts (state);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.show-conflicts", self->conflicts_seen > 0);
  g_signal_connect_object (state, "notify::conflicts", G_CALLBACK (on_conflicts), self, G_CONNECT_SWAPPED);
}

void
_cl_window_class_conflicts_init (ClWindowClass *klass)
{
  gtk_widget_class_install_action (GTK_WIDGET_CLASS (klass), "win.show-conflicts", NULL, show_conflicts_action);
}
