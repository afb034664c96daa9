/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-sync-button.h — the header bar's sync with the district server: its state (last synced,
 * changes waiting, offline, failed) and the syncs it starts, on a click, every few minutes and
 * when the network comes back */
#pragma once

#include <gtk/gtk.h>

#include "cl-session.h"

G_BEGIN_DECLS

#define CL_TYPE_SYNC_BUTTON (cl_sync_button_get_type ())
G_DECLARE_FINAL_TYPE (ClSyncButton, cl_sync_button, CL, SYNC_BUTTON, GtkButton)

/* Follows @session (its sync state) with the server set in @settings; shown only while a server
 * is set and the session holds a database of its own. */
void        cl_sync_button_bind         (ClSyncButton *self,
                                         ClSession    *session,
                                         GSettings    *settings);
/* Syncs now, as a click does. */
void        cl_sync_button_sync         (ClSyncButton *self);
/* What the tooltip and the accessible label say. */
const char *cl_sync_button_get_summary  (ClSyncButton *self);

G_END_DECLS
