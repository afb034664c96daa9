/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-sync-state.c — where the open caseload stands with the district server */
#define G_LOG_DOMAIN "cl-sync-state"

#include "cl-sync-state.h"

struct _ClSyncState
{
  GObject       parent_instance;
  ClSyncStatus  status;
  char         *message;
  gint64        last_synced;
  guint         changes_waiting;
  guint         conflicts;
};

G_DEFINE_FINAL_TYPE (ClSyncState, cl_sync_state, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_STATUS,
  PROP_MESSAGE,
  PROP_LAST_SYNCED,
  PROP_CHANGES_WAITING,
  PROP_CONFLICTS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
cl_sync_state_finalize (GObject *object)
{
  ClSyncState *self = CL_SYNC_STATE (object);

  g_free (self->message);
  G_OBJECT_CLASS (cl_sync_state_parent_class)->finalize (object);
}

static void
cl_sync_state_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  ClSyncState *self = CL_SYNC_STATE (object);

  switch (prop_id)
    {
    case PROP_STATUS:
      g_value_set_int (value, self->status);
      break;
    case PROP_MESSAGE:
      g_value_set_string (value, self->message);
      break;
    case PROP_LAST_SYNCED:
      g_value_set_int64 (value, self->last_synced);
      break;
    case PROP_CHANGES_WAITING:
      g_value_set_uint (value, self->changes_waiting);
      break;
    case PROP_CONFLICTS:
      g_value_set_uint (value, self->conflicts);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cl_sync_state_class_init (ClSyncStateClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = cl_sync_state_finalize;
  object_class->get_property = cl_sync_state_get_property;

  /* An int, not a registered enum: nothing outside C reads it. */
  properties[PROP_STATUS] = g_param_spec_int ("status", NULL, NULL, CL_SYNC_STATUS_IDLE, CL_SYNC_STATUS_ERROR,
                                              CL_SYNC_STATUS_IDLE, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_MESSAGE] = g_param_spec_string ("message", NULL, NULL, NULL,
                                                  G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_LAST_SYNCED] = g_param_spec_int64 ("last-synced", NULL, NULL, 0, G_MAXINT64, 0,
                                                     G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_CHANGES_WAITING] = g_param_spec_uint ("changes-waiting", NULL, NULL, 0, G_MAXUINT, 0,
                                                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_CONFLICTS] = g_param_spec_uint ("conflicts", NULL, NULL, 0, G_MAXUINT, 0,
                                                  G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
cl_sync_state_init (ClSyncState *self)
{
}

ClSyncState *
cl_sync_state_new (void)
{
  return g_object_new (CL_TYPE_SYNC_STATE, NULL);
}

ClSyncStatus
cl_sync_state_get_status (ClSyncState *self)
{
  g_return_val_if_fail (CL_IS_SYNC_STATE (self), CL_SYNC_STATUS_IDLE);
  return self->status;
}

const char *
cl_sync_state_get_message (ClSyncState *self)
{
  g_return_val_if_fail (CL_IS_SYNC_STATE (self), NULL);
  return self->message;
}

gint64
cl_sync_state_get_last_synced (ClSyncState *self)
{
  g_return_val_if_fail (CL_IS_SYNC_STATE (self), 0);
  return self->last_synced;
}

guint
cl_sync_state_get_changes_waiting (ClSyncState *self)
{
  g_return_val_if_fail (CL_IS_SYNC_STATE (self), 0);
  return self->changes_waiting;
}

guint
cl_sync_state_get_conflicts (ClSyncState *self)
{
  g_return_val_if_fail (CL_IS_SYNC_STATE (self), 0);
  return self->conflicts;
}

void
cl_sync_state_set_status (ClSyncState  *self,
                          ClSyncStatus  status,
                          const char   *message)
{
  g_return_if_fail (CL_IS_SYNC_STATE (self));

  g_object_freeze_notify (G_OBJECT (self));
  if (g_strcmp0 (self->message, message) != 0)
    {
      g_free (self->message);
      self->message = g_strdup (message);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MESSAGE]);
    }
  if (self->status != status)
    {
      self->status = status;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS]);
    }
  g_object_thaw_notify (G_OBJECT (self));
}

void
cl_sync_state_set_last_synced (ClSyncState *self,
                               gint64       last_synced)
{
  g_return_if_fail (CL_IS_SYNC_STATE (self));
  if (self->last_synced == last_synced)
    return;
  self->last_synced = last_synced;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LAST_SYNCED]);
}

void
cl_sync_state_set_changes_waiting (ClSyncState *self,
                                   guint        changes_waiting)
{
  g_return_if_fail (CL_IS_SYNC_STATE (self));
  if (self->changes_waiting == changes_waiting)
    return;
  self->changes_waiting = changes_waiting;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CHANGES_WAITING]);
}

void
cl_sync_state_set_conflicts (ClSyncState *self,
                             guint        conflicts)
{
  g_return_if_fail (CL_IS_SYNC_STATE (self));
  if (self->conflicts == conflicts)
    return;
  self->conflicts = conflicts;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONFLICTS]);
}
