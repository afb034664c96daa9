/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-session-import.c — a bundle imported into the open database off the main thread, and the
 * caseload shown written into a database of its own (the demo's practice copy)
 *
 * The import reads, checks and writes through a connection of its own, in one transaction: the
 * window stays responsive, and the database changes all at once or not at all.
 */
#define G_LOG_DOMAIN "cl-session"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "cl-bundle-reader.h"
#include "cl-session-private.h"

typedef struct {
  GFile          *bundle;
  char           *database;
  GMainContext   *context;        /* the caller's, where progress is reported */
  ClStoreProgress progress;
  gpointer        progress_data;
} ImportData;

static void
import_data_free (gpointer data)
{
  ImportData *d = data;

  g_object_unref (d->bundle);
  g_free (d->database);
  g_main_context_unref (d->context);
  g_free (d);
}

typedef struct {
  ClStoreProgress progress;
  gpointer        progress_data;
  double          fraction;
} Progress;

static gboolean
report_idle (gpointer data)
{
  Progress *p = data;

  p->progress (p->fraction, p->progress_data);
  return G_SOURCE_REMOVE;
}

/* Called in the import thread: hands the fraction to the caller's context. */
static void
report_progress (double   fraction,
                 gpointer user_data)
{
  ImportData *d = user_data;
  Progress *p = g_new0 (Progress, 1);

  p->progress = d->progress;
  p->progress_data = d->progress_data;
  p->fraction = fraction;
  g_main_context_invoke_full (d->context, G_PRIORITY_DEFAULT, report_idle, p, g_free);
}

static void
import_thread (GTask        *task,
               gpointer      source,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ImportData *d = task_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(ClCaseload) caseload = NULL;
  g_autoptr(ClStore) store = NULL;
  gsize length;

  if (!g_file_load_contents (d->bundle, cancellable, &contents, &length, NULL, &error) ||
      (caseload = cl_bundle_read_data (contents, length, &error)) == NULL ||
      (store = cl_store_open (d->database, TRUE, &error)) == NULL ||
      !cl_store_import (store, caseload, FALSE, d->progress ? report_progress : NULL, d, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  g_task_return_int (task, cl_caseload_get_students (caseload)->len);
}

void
cl_session_import_async (ClSession           *self,
                         GFile               *bundle,
                         ClStoreProgress      progress,
                         gpointer             progress_data,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GError) error = NULL;
  ImportData *d;

  g_return_if_fail (CL_IS_SESSION (self));
  g_return_if_fail (G_IS_FILE (bundle));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, cl_session_import_async);
  if (!_cl_session_check_editable (self, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  d = g_new0 (ImportData, 1);
  d->bundle = g_object_ref (bundle);
  d->database = g_strdup (self->path);
  d->context = g_main_context_ref_thread_default ();
  d->progress = progress;
  d->progress_data = progress_data;
  g_task_set_task_data (task, d, import_data_free);
  g_task_run_in_thread (task, import_thread);
}

gssize
cl_session_import_finish (ClSession     *self,
                          GAsyncResult  *result,
                          GError       **error)
{
  gssize n;

  g_return_val_if_fail (CL_IS_SESSION (self), -1);
  g_return_val_if_fail (g_task_is_valid (result, self), -1);

  n = g_task_propagate_int (G_TASK (result), error);
  /* What the import wrote, read through the session's own connection. */
  if (n < 0 || !cl_session_reload (self, error))
    return -1;
  return n;
}

gboolean
cl_session_write_database (ClSession   *self,
                           const char  *path,
                           GError     **error)
{
  g_autoptr(ClStore) store = NULL;

  g_return_val_if_fail (CL_IS_SESSION (self), FALSE);

  if (self->caseload == NULL)
    return g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_INITIALIZED, _("No caseload is open")), FALSE;
  store = cl_store_open (path, TRUE, error);
  return store != NULL && cl_store_import (store, self->caseload, FALSE, NULL, NULL, error);
}
