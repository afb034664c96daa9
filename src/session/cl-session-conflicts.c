/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-session-conflicts.c — the changes of this laptop that met another's on the district server,
 * listed and settled through the session so the files shown and the sync state follow
 *
 * Settling one is a choice made on purpose (one click keeps either value), and keeping this
 * laptop's value sends it with the next sync: it is not an undoable edit of the file.
 */
#define G_LOG_DOMAIN "cl-session-conflicts"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "cl-session-private.h"

GPtrArray *
cl_session_list_conflicts (ClSession  *self,
                           GError    **error)
{
  g_return_val_if_fail (CL_IS_SESSION (self), NULL);

  if (self->store == NULL)
    return g_ptr_array_new_with_free_func ((GDestroyNotify) cl_conflict_free);
  return cl_store_list_conflicts (self->store, error);
}

void
_cl_session_count_conflicts (ClSession *self)
{
  g_autoptr(GError) error = NULL;
  gint64 count;

  if (self->store == NULL)
    {
      cl_sync_state_set_conflicts (self->sync_state, 0);
      return;
    }
  count = cl_store_count_conflicts (self->store, &error);
  if (count < 0)
    {
      g_warning ("Counting the conflicts with the district server failed: %s", error->message);
      return;
    }
  cl_sync_state_set_conflicts (self->sync_state, (guint) count);
}

gboolean
cl_session_resolve_conflict (ClSession  *self,
                             gint64      id,
                             gboolean    keep_mine,
                             GError    **error)
{
  g_return_val_if_fail (CL_IS_SESSION (self), FALSE);

  if (!_cl_session_check_editable (self, error))
    return FALSE;
  if (!cl_store_resolve_conflict (self->store, id, keep_mine, error))
    return FALSE;
  /* Keeping the server's value may write it here: every file shown reads it (and ::reloaded
   * counts the conflicts and the changes waiting again). */
  return cl_session_reload (self, error);
}
