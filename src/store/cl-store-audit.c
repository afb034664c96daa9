/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-store-audit.c — reading back the audit trail the writes leave: one student's, newest first */
#define G_LOG_DOMAIN "cl-store-audit"

#include <glib/gi18n-lib.h>

#include "cl-store-private.h"

static void
add_audit_entry (sqlite3_stmt *stmt,
                 gpointer      entries)
{
  ClAuditEntry *e = g_new0 (ClAuditEntry, 1);

  e->at = _cl_store_col_dup (stmt, 0);
  e->os_user = _cl_store_col_dup (stmt, 1);
  e->table = _cl_store_col_dup (stmt, 2);
  e->row = _cl_store_col_dup (stmt, 3);
  e->field = _cl_store_col_dup (stmt, 4);
  e->old_value = _cl_store_col_dup (stmt, 5);
  e->new_value = _cl_store_col_dup (stmt, 6);
  g_ptr_array_add (entries, e);
}

GPtrArray *
cl_store_list_audit (ClStore     *self,
                     const char  *student_id,
                     GError     **error)
{
  static const char sql[] =
    "SELECT at, os_user, table_name, row_key, field, old_value, new_value FROM audit"
    " WHERE student_id = ? ORDER BY id DESC";
  sqlite3_stmt *stmt;
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func ((GDestroyNotify) cl_audit_entry_free);

  g_return_val_if_fail (CL_IS_STORE (self), NULL);

  if ((stmt = _cl_store_prepare (self, sql, error)) == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, student_id, -1, SQLITE_TRANSIENT);
  if (!_cl_store_each_row (self, stmt, add_audit_entry, entries, N_("reading the audit trail"), error))
    return NULL;
  return g_steal_pointer (&entries);
}
