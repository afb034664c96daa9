/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-sync-state.h — where the open caseload stands with the district server: when it last synced,
 * how many changes wait, and whether a sync runs, could not reach the server or failed */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef enum {
  CL_SYNC_STATUS_IDLE,        /* nothing running; the last sync (if any) went through */
  CL_SYNC_STATUS_SYNCING,
  CL_SYNC_STATUS_OFFLINE,     /* the server could not be reached: the changes wait */
  CL_SYNC_STATUS_ERROR,       /* the server answered but the sync failed: see the message */
} ClSyncStatus;

#define CL_TYPE_SYNC_STATE (cl_sync_state_get_type ())
G_DECLARE_FINAL_TYPE (ClSyncState, cl_sync_state, CL, SYNC_STATE, GObject)

/* Properties (each notified when it changes): status, message (what the last failure said, NULL
 * otherwise), last-synced (seconds since 1970 UTC of the last sync that went through, 0: never),
 * changes-waiting (records changed here the server does not have), conflicts (those the last
 * sync left to settle). */
ClSyncState  *cl_sync_state_new                 (void);

ClSyncStatus  cl_sync_state_get_status          (ClSyncState  *self);
const char   *cl_sync_state_get_message         (ClSyncState  *self);
gint64        cl_sync_state_get_last_synced     (ClSyncState  *self);
guint         cl_sync_state_get_changes_waiting (ClSyncState  *self);
guint         cl_sync_state_get_conflicts       (ClSyncState  *self);

void          cl_sync_state_set_status          (ClSyncState  *self,
                                                 ClSyncStatus  status,
                                                 const char   *message);
void          cl_sync_state_set_last_synced     (ClSyncState  *self,
                                                 gint64        last_synced);
void          cl_sync_state_set_changes_waiting (ClSyncState  *self,
                                                 guint         changes_waiting);
void          cl_sync_state_set_conflicts       (ClSyncState  *self,
                                                 guint         conflicts);

G_END_DECLS
