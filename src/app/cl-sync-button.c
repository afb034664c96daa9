/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-sync-button.c — the header bar's sync with the district server
 *
 * Syncs never block the window: the password comes from the keyring asynchronously and the sync
 * runs in the session's thread. In the background (every few minutes, and when the network comes
 * back) a failure is only the button's state; a sync the user asked for also says it in a toast.
 */
#define G_LOG_DOMAIN "cl-sync-button"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "cl-district-server.h"
#include "cl-sync-button.h"

/* Often enough that a principal sees the morning's work by lunch; rare enough to cost nothing. */
#define BACKGROUND_SYNC_SECONDS (5 * 60)

struct _ClSyncButton
{
  GtkButton     parent_instance;

  GtkStack     *icon_stack;
  GtkImage     *icon;
  GtkSpinner   *spinner;
  GtkLabel     *waiting_label;

  ClSession    *session;
  ClSyncState  *state;
  GSettings    *settings;
  GCancellable *cancellable;
  guint         timer_id;
  gboolean      starting;     /* the keyring is being asked; the sync has not started yet */
  char         *summary;
};

G_DEFINE_FINAL_TYPE (ClSyncButton, cl_sync_button, GTK_TYPE_BUTTON)

typedef struct {
  ClSyncButton *self;
  gboolean      asked;        /* the user clicked: say how it went */
} SyncRequest;

static SyncRequest *
sync_request_new (ClSyncButton *self,
                  gboolean      asked)
{
  SyncRequest *request = g_new0 (SyncRequest, 1);

  request->self = g_object_ref (self);
  request->asked = asked;
  return request;
}

static void
sync_request_free (SyncRequest *request)
{
  g_object_unref (request->self);
  g_free (request);
}

static gboolean
can_sync (ClSyncButton *self)
{
  return self->session != NULL && self->settings != NULL &&
         cl_district_server_configured (self->settings) &&
         cl_session_get_store (self->session) != NULL &&
         !cl_session_get_read_only (self->session) &&
         !cl_session_get_demo (self->session);
}

static char *
last_synced_text (gint64 when)
{
  g_autoptr(GDateTime) then = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *time = NULL;

  if (when <= 0)
    return g_strdup (_("Not synced yet"));
  then = g_date_time_new_from_unix_local (when);
  now = g_date_time_new_now_local ();
  time = g_date_time_format (then, "%X");
  if (g_date_time_get_year (then) == g_date_time_get_year (now) &&
      g_date_time_get_day_of_year (then) == g_date_time_get_day_of_year (now))
    /* Translators: %s is a time of day */
    return g_strdup_printf (_("Last synced today at %s"), time);
  else
    {
      g_autofree char *date = g_date_time_format (then, "%x");
      /* Translators: the first %s is a date, the second a time of day */
      return g_strdup_printf (_("Last synced on %s at %s"), date, time);
    }
}

static void
update (ClSyncButton *self)
{
  g_autoptr(GString) text = g_string_new (NULL);
  ClSyncStatus status = self->state ? cl_sync_state_get_status (self->state) : CL_SYNC_STATUS_IDLE;
  guint waiting = self->state ? cl_sync_state_get_changes_waiting (self->state) : 0;
  guint conflicts = self->state ? cl_sync_state_get_conflicts (self->state) : 0;
  const char *message = self->state ? cl_sync_state_get_message (self->state) : NULL;
  const char *icon = "emblem-synchronizing-symbolic";

  gtk_widget_set_visible (GTK_WIDGET (self), can_sync (self));

  switch (status)
    {
    case CL_SYNC_STATUS_SYNCING:
      g_string_append (text, _("Syncing with the district server…"));
      break;
    case CL_SYNC_STATUS_OFFLINE:
      icon = "network-offline-symbolic";
      g_string_append (text, _("Offline: the district server cannot be reached"));
      break;
    case CL_SYNC_STATUS_ERROR:
      icon = "dialog-warning-symbolic";
      g_string_append (text, _("The last sync failed"));
      break;
    case CL_SYNC_STATUS_IDLE:
    default:
      {
        g_autofree char *last = last_synced_text (self->state ? cl_sync_state_get_last_synced (self->state) : 0);
        g_string_append (text, last);
      }
      break;
    }
  if (waiting > 0)
    {
      g_string_append (text, " · ");
      g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "%u change waiting", "%u changes waiting", waiting),
                              waiting);
    }
  if (conflicts > 0)
    {
      g_string_append (text, " · ");
      g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "%u conflict to settle", "%u conflicts to settle",
                                                 conflicts), conflicts);
    }
  if (message && status != CL_SYNC_STATUS_SYNCING)
    g_string_append_printf (text, "\n%s", message);

  g_free (self->summary);
  self->summary = g_string_free (g_steal_pointer (&text), FALSE);

  gtk_image_set_from_icon_name (self->icon, icon);
  gtk_stack_set_visible_child_name (self->icon_stack, status == CL_SYNC_STATUS_SYNCING ? "syncing" : "icon");
  gtk_spinner_set_spinning (self->spinner, status == CL_SYNC_STATUS_SYNCING);
  if (waiting > 0)
    {
      g_autofree char *count = g_strdup_printf ("%u", waiting);
      gtk_label_set_text (self->waiting_label, count);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->waiting_label), waiting > 0);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self), self->summary);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, self->summary,
                                  -1);
}

static void
synced (GObject      *object,
        GAsyncResult *result,
        gpointer      user_data)
{
  SyncRequest *request = user_data;
  ClSyncButton *self = request->self;
  g_autoptr(GError) error = NULL;
  ClSyncResult outcome = { 0 };

  if (!cl_session_sync_finish (CL_SESSION (object), result, &outcome, &error))
    {
      if (request->asked && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_PENDING))
        gtk_widget_activate_action (GTK_WIDGET (self), "win.toast", "s", error->message);
    }
  /* Conflicts left: the window says so itself, with a way to review them (cl-window-conflicts.c). */
  else if (request->asked && outcome.conflicts == 0)
    gtk_widget_activate_action (GTK_WIDGET (self), "win.toast", "s", _("Synced with the district server"));
  sync_request_free (request);
}

static void
got_conninfo (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  SyncRequest *request = user_data;
  ClSyncButton *self = request->self;
  g_autoptr(GError) error = NULL;
  g_autofree char *conninfo = cl_district_server_conninfo_finish (result, &error);

  self->starting = FALSE;
  if (conninfo == NULL || self->session == NULL)
    {
      if (error && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          cl_sync_state_set_status (self->state, CL_SYNC_STATUS_ERROR, error->message);
          if (request->asked)
            gtk_widget_activate_action (GTK_WIDGET (self), "win.toast", "s", error->message);
        }
      sync_request_free (request);
      return;
    }
  cl_session_sync_async (self->session, conninfo, synced, request);
  memset (conninfo, 0, strlen (conninfo));
}

static void
start_sync (ClSyncButton *self,
            gboolean      asked)
{
  if (!can_sync (self) || self->starting ||
      cl_sync_state_get_status (self->state) == CL_SYNC_STATUS_SYNCING)
    return;
  self->starting = TRUE;
  cl_district_server_conninfo_async (self->settings, self->cancellable, got_conninfo,
                                     sync_request_new (self, asked));
}

void
cl_sync_button_sync (ClSyncButton *self)
{
  g_return_if_fail (CL_IS_SYNC_BUTTON (self));
  start_sync (self, TRUE);
}

const char *
cl_sync_button_get_summary (ClSyncButton *self)
{
  g_return_val_if_fail (CL_IS_SYNC_BUTTON (self), NULL);
  return self->summary;
}

static void
on_clicked (ClSyncButton *self)
{
  g_assert (CL_IS_SYNC_BUTTON (self));
  start_sync (self, TRUE);
}

static gboolean
background_sync (gpointer data)
{
  ClSyncButton *self = data;

  if (g_network_monitor_get_network_available (g_network_monitor_get_default ()))
    start_sync (self, FALSE);
  return G_SOURCE_CONTINUE;
}

static void
on_network_changed (ClSyncButton *self,
                    gboolean      available)
{
  if (available)
    start_sync (self, FALSE);
}

static void
on_last_synced (ClSyncButton *self)
{
  gint64 when = cl_sync_state_get_last_synced (self->state);

  if (when > 0 && g_settings_get_int64 (self->settings, "district-last-synced") != when)
    g_settings_set_int64 (self->settings, "district-last-synced", when);
}

static void
on_reloaded (ClSyncButton *self)
{
  gboolean was_visible = gtk_widget_get_visible (GTK_WIDGET (self));

  update (self);
  /* A database just opened with a server set: bring it up to date. */
  if (!was_visible && can_sync (self))
    background_sync (self);
}

static void
unbind (ClSyncButton *self)
{
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_handle_id (&self->timer_id, g_source_remove);
  g_signal_handlers_disconnect_by_data (g_network_monitor_get_default (), self);
  if (self->state)
    g_signal_handlers_disconnect_by_data (self->state, self);
  if (self->session)
    g_signal_handlers_disconnect_by_data (self->session, self);
  if (self->settings)
    g_signal_handlers_disconnect_by_data (self->settings, self);
  g_clear_object (&self->state);
  g_clear_object (&self->session);
  g_clear_object (&self->settings);
}

void
cl_sync_button_bind (ClSyncButton *self,
                     ClSession    *session,
                     GSettings    *settings)
{
  g_return_if_fail (CL_IS_SYNC_BUTTON (self));
  g_return_if_fail (CL_IS_SESSION (session));
  g_return_if_fail (G_IS_SETTINGS (settings));

  unbind (self);
  self->session = g_object_ref (session);
  self->settings = g_object_ref (settings);
  self->state = g_object_ref (cl_session_get_sync_state (session));
  self->cancellable = g_cancellable_new ();

  if (cl_sync_state_get_last_synced (self->state) == 0)
    cl_sync_state_set_last_synced (self->state, g_settings_get_int64 (settings, "district-last-synced"));
  g_signal_connect_swapped (self->state, "notify", G_CALLBACK (update), self);
  g_signal_connect_swapped (self->state, "notify::last-synced", G_CALLBACK (on_last_synced), self);
  g_signal_connect_swapped (session, "reloaded", G_CALLBACK (on_reloaded), self);
  g_signal_connect_swapped (session, "notify::read-only", G_CALLBACK (update), self);
  g_signal_connect_swapped (session, "load-failed", G_CALLBACK (update), self);
  g_signal_connect_swapped (settings, "changed::district-server-url", G_CALLBACK (on_reloaded), self);
  g_signal_connect_swapped (g_network_monitor_get_default (), "network-changed",
                            G_CALLBACK (on_network_changed), self);
  self->timer_id = g_timeout_add_seconds (BACKGROUND_SYNC_SECONDS, background_sync, self);
  update (self);
}

static void
cl_sync_button_dispose (GObject *object)
{
  ClSyncButton *self = CL_SYNC_BUTTON (object);

  unbind (self);
  G_OBJECT_CLASS (cl_sync_button_parent_class)->dispose (object);
}

static void
cl_sync_button_finalize (GObject *object)
{
  ClSyncButton *self = CL_SYNC_BUTTON (object);

  g_free (self->summary);
  G_OBJECT_CLASS (cl_sync_button_parent_class)->finalize (object);
}

static void
cl_sync_button_class_init (ClSyncButtonClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cl_sync_button_dispose;
  object_class->finalize = cl_sync_button_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/caseload/Caseload/cl-sync-button.ui");
  gtk_widget_class_bind_template_child (widget_class, ClSyncButton, icon_stack);
  gtk_widget_class_bind_template_child (widget_class, ClSyncButton, icon);
  gtk_widget_class_bind_template_child (widget_class, ClSyncButton, spinner);
  gtk_widget_class_bind_template_child (widget_class, ClSyncButton, waiting_label);
  gtk_widget_class_bind_template_callback (widget_class, on_clicked);
}

static void
cl_sync_button_init (ClSyncButton *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  update (self);
}
