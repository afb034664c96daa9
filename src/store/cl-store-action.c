/* cl-store-action.c — one user action: a transaction and the timestamp its audit rows share
 *
 * Every store file that writes for the app begins and ends its actions here, so that each is
 * committed whole or rolled back whole in the same way.
 */
#define G_LOG_DOMAIN "cl-store-action"

#include "cl-store-private.h"

gboolean
_cl_store_begin (ClStore        *self,
                 ClStoreAction  *action,
                 GError        **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  action->store = self;
  action->at = g_date_time_format_iso8601 (now);
  return _cl_store_exec (self, "BEGIN IMMEDIATE", error);
}

gboolean
_cl_store_end (ClStoreAction  *action,
               gboolean        ok,
               GError        **error)
{
  g_clear_pointer (&action->at, g_free);
  if (ok && _cl_store_exec (action->store, "COMMIT", error))
    return TRUE;
  sqlite3_exec (action->store->db, "ROLLBACK", NULL, NULL, NULL);
  return FALSE;
}

gboolean
_cl_store_action_audit (ClStoreAction  *action,
                        const char     *student_id,
                        const char     *table,
                        const char     *row,
                        const char     *field,
                        const char     *old_value,
                        const char     *new_value,
                        GError        **error)
{
  return _cl_store_audit (action->store, action->at, student_id, table, row, field, old_value, new_value, error);
}
