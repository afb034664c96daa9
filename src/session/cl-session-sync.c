/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-session-sync.c — the open caseload synced with the district server, off the main thread
 *
 * The sync runs on a database connection of its own, so the window keeps reading and saving on
 * the session's; what it pulls is written in one transaction (cl_sync_run), then the session reads
 * the database again. A failure leaves the database as it was and says why in the sync state.
 */
#define G_LOG_DOMAIN "cl-session-sync"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "cl-session-private.h"
#include "cl-sync.h"

typedef struct {
  char         *path;
  char         *conninfo;
  guint         generation;
  ClSyncResult  result;
  guint         waiting;
  ClFileCheck  *check;   /* the file's, when it had not passed yet */
} SyncJob;

static void
sync_job_free (SyncJob *job)
{
  g_clear_pointer (&job->check, cl_file_check_unref);
  g_free (job->path);
  /* It may hold the password. */
  if (job->conninfo)
    memset (job->conninfo, 0, strlen (job->conninfo));
  g_free (job->conninfo);
  g_free (job);
}

static void
count_waiting (ClSession *self)
{
  g_autoptr(GError) error = NULL;
  guint waiting = 0;

  if (self->store == NULL)
    {
      cl_sync_state_set_changes_waiting (self->sync_state, 0);
      return;
    }
  if (!cl_store_count_unsynced (self->store, &waiting, &error))
    {
      g_warning ("Counting the changes waiting for the district server failed: %s", error->message);
      return;
    }
  cl_sync_state_set_changes_waiting (self->sync_state, waiting);
}

static void
on_changed (ClSession *self)
{
  count_waiting (self);
  _cl_session_count_conflicts (self);
}

void
_cl_session_sync_init (ClSession *self)
{
  self->sync_state = cl_sync_state_new ();
  /* Every save ends in one of these: the count of changes waiting follows them. */
  g_signal_connect (self, "reloaded", G_CALLBACK (on_changed), NULL);
  g_signal_connect (self, "student-changed", G_CALLBACK (on_changed), NULL);
}

ClSyncState *
cl_session_get_sync_state (ClSession *self)
{
  g_return_val_if_fail (CL_IS_SESSION (self), NULL);
  return self->sync_state;
}

static void
sync_thread (GTask        *task,
             gpointer      source,
             gpointer      task_data,
             GCancellable *cancellable)
{
  SyncJob *job = task_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(ClStore) store = NULL;

  /* Nothing is written to a file before it is known sound. */
  if (!cl_file_check_wait (job->check, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  store = cl_store_open_with_flags (job->path, CL_STORE_OPEN_SKIP_CHECK, &error);
  if (store == NULL || !cl_sync_run (store, job->conninfo, &job->result, &error))
    {
      /* What waits is still counted, on this connection (the session's is the main thread's). */
      if (store != NULL)
        cl_store_count_unsynced (store, &job->waiting, NULL);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  if (!cl_store_count_unsynced (store, &job->waiting, &error))
    g_warning ("Counting the changes waiting for the district server failed: %s", error->message);
  g_task_return_boolean (task, TRUE);
}

static void
sync_done (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  ClSession *self = CL_SESSION (object);
  g_autoptr(GTask) task = user_data;
  SyncJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  gboolean same_database = job->generation == self->load_generation;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      gboolean offline = g_error_matches (error, CL_SYNC_ERROR, CL_SYNC_ERROR_UNREACHABLE);

      cl_sync_state_set_status (self->sync_state, offline ? CL_SYNC_STATUS_OFFLINE : CL_SYNC_STATUS_ERROR,
                                error->message);
      if (same_database)
        cl_sync_state_set_changes_waiting (self->sync_state, job->waiting);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  cl_sync_state_set_status (self->sync_state, CL_SYNC_STATUS_IDLE, NULL);
  cl_sync_state_set_last_synced (self->sync_state, g_get_real_time () / G_USEC_PER_SEC);
  if (same_database)
    {
      cl_sync_state_set_changes_waiting (self->sync_state, job->waiting);
      /* Every conflict waiting, those of earlier syncs not yet settled included. */
      _cl_session_count_conflicts (self);
      /* What came from the server is in the file: show it (::reloaded). */
      if ((job->result.pulled > 0 || job->result.conflicts > 0) && !cl_session_reload (self, &error))
        {
          g_task_return_error (task, g_steal_pointer (&error));
          return;
        }
    }
  g_task_set_task_data (task, g_memdup2 (&job->result, sizeof job->result), g_free);
  g_task_return_boolean (task, TRUE);
}

void
cl_session_sync_async (ClSession           *self,
                       const char          *conninfo,
                       GAsyncReadyCallback  callback,
                       gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GTask) inner = NULL;
  SyncJob *job;

  g_return_if_fail (CL_IS_SESSION (self));
  g_return_if_fail (conninfo != NULL);

  task = g_task_new (self, NULL, callback, user_data);
  g_task_set_source_tag (task, cl_session_sync_async);
  /* Not _cl_session_check_editable(): the thread waits for the file's check, not the window. */
  if (!cl_session_get_editable (self) || self->demo)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_INITIALIZED,
                               _("Only a case database of your own syncs with the district server"));
      return;
    }
  if (cl_sync_state_get_status (self->sync_state) == CL_SYNC_STATUS_SYNCING)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_PENDING, _("A sync is already running"));
      return;
    }

  job = g_new0 (SyncJob, 1);
  job->path = g_strdup (self->path);
  job->conninfo = g_strdup (conninfo);
  job->generation = self->load_generation;
  job->check = _cl_session_ref_check (self);
  cl_sync_state_set_status (self->sync_state, CL_SYNC_STATUS_SYNCING, NULL);
  inner = g_task_new (self, NULL, sync_done, g_steal_pointer (&task));
  g_task_set_task_data (inner, job, (GDestroyNotify) sync_job_free);
  g_task_run_in_thread (inner, sync_thread);
}

gboolean
cl_session_sync_finish (ClSession     *self,
                        GAsyncResult  *result,
                        ClSyncResult  *out_result,
                        GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  if (!g_task_propagate_boolean (G_TASK (result), error))
    return FALSE;
  if (out_result)
    *out_result = *(ClSyncResult *) g_task_get_task_data (G_TASK (result));
  return TRUE;
}
