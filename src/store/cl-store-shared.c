/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-store-shared.c — what the store's files share: one user action (a transaction and the
 * timestamp its audit rows carry), and the few ways their statements are stepped, bound and read
 *
 * Every store file that writes for the app begins and ends its actions here, so that each is
 * committed whole or rolled back whole, and audited, in the same way.
 */
#define G_LOG_DOMAIN "cl-store-shared"

#include <glib/gi18n-lib.h>

#include "cl-store-private.h"

/* ---- one user action ---- */

gboolean
_cl_store_begin (ClStore        *self,
                 ClStoreAction  *action,
                 GError        **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  action->store = self;
  action->at = g_date_time_format_iso8601 (now);
  if (_cl_store_exec (self, "BEGIN IMMEDIATE", error))
    return TRUE;
  /* Not begun: there is no _cl_store_end() to come. */
  g_clear_pointer (&action->at, g_free);
  return FALSE;
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
  static const char sql[] =
    "INSERT INTO audit (at, os_user, student_id, table_name, row_key, field, old_value, new_value)"
    " VALUES (?, ?, ?, ?, ?, ?, ?, ?)";
  sqlite3_stmt *stmt = _cl_store_prepare (action->store, sql, error);
  char *values[] = { action->at, (char *) g_get_user_name (), (char *) student_id, (char *) table, (char *) row,
                     (char *) field, (char *) old_value, (char *) new_value };

  if (stmt == NULL)
    return FALSE;
  _cl_store_bind_texts (stmt, values, G_N_ELEMENTS (values));
  return _cl_store_step (action->store, stmt, N_("writing the audit trail"), error);
}

/* ---- statements ---- */

gboolean
_cl_store_step (ClStore       *self,
                sqlite3_stmt  *stmt,
                const char    *doing,
                GError       **error)
{
  int rc = sqlite3_step (stmt);

  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE && rc != SQLITE_ROW)
    return _cl_store_fail (self, rc, doing, error);
  return TRUE;
}

void
_cl_store_bind_text_or_null (sqlite3_stmt *stmt,
                             int           i,
                             const char   *text)
{
  if (text != NULL)
    sqlite3_bind_text (stmt, i, text, -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_null (stmt, i);
}

void
_cl_store_bind_texts (sqlite3_stmt *stmt,
                      char * const *values,
                      guint         n)
{
  for (guint i = 0; i < n; i++)
    _cl_store_bind_text_or_null (stmt, i + 1, values[i]);
}

gboolean
_cl_store_each_row (ClStore         *self,
                    sqlite3_stmt    *stmt,
                    ClStoreRowFunc   func,
                    gpointer         user_data,
                    const char      *doing,
                    GError         **error)
{
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    func (stmt, user_data);
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return _cl_store_fail (self, rc, doing, error);
  return TRUE;
}

char *
_cl_store_col_dup (sqlite3_stmt *stmt,
                   int           i)
{
  return g_strdup ((const char *) sqlite3_column_text (stmt, i));
}

char *
_cl_store_json_text (JsonObject *object)
{
  g_autoptr(JsonNode) node = NULL;

  if (object == NULL)
    return NULL;
  node = json_node_init_object (json_node_alloc (), object);
  return json_to_string (node, FALSE);
}

/* ---- questions every file asks ---- */

gboolean
_cl_store_exists (ClStore     *self,
                  const char  *sql,
                  const char  *id,
                  GError     **error)
{
  sqlite3_stmt *stmt = _cl_store_prepare (self, sql, error);
  gboolean found;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_TRANSIENT);
  found = sqlite3_step (stmt) == SQLITE_ROW;
  sqlite3_reset (stmt);
  return found;
}

gboolean
_cl_store_query_int (ClStore     *self,
                     const char  *sql,
                     const char  *a,
                     const char  *b,
                     const char  *doing,
                     gint64      *out_value,
                     GError     **error)
{
  sqlite3_stmt *stmt = _cl_store_prepare (self, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  /* Static: the texts outlive the step, and the bindings are cleared before returning. */
  if (a != NULL)
    sqlite3_bind_text (stmt, 1, a, -1, SQLITE_STATIC);
  if (b != NULL)
    sqlite3_bind_text (stmt, 2, b, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    *out_value = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  if (rc != SQLITE_ROW)
    return _cl_store_fail (self, rc, doing, error);
  return TRUE;
}

gboolean
_cl_store_student_exists (ClStore     *self,
                          const char  *student_id,
                          GError     **error)
{
  static const char sql[] = "SELECT 1 FROM students WHERE id = ?";
  g_autoptr(GError) failed = NULL;

  if (_cl_store_exists (self, sql, student_id, &failed))
    return TRUE;
  if (failed != NULL)
    g_propagate_error (error, g_steal_pointer (&failed));
  else
    g_set_error (error, CL_STORE_ERROR, CL_STORE_ERROR_INVALID, _("There is no student %s in %s"), student_id,
                 self->path);
  return FALSE;
}

gboolean
_cl_store_next_position (ClStore     *self,
                         const char  *sql,
                         const char  *student_id,
                         guint       *out_position,
                         GError     **error)
{
  sqlite3_stmt *stmt = _cl_store_prepare (self, sql, error);

  *out_position = 0;
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, student_id, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    *out_position = sqlite3_column_int (stmt, 0);
  sqlite3_reset (stmt);
  return TRUE;
}

gboolean
_cl_store_invalid (GError     **error,
                   const char  *format,
                   ...)
{
  va_list args;
  GError *refused;

  va_start (args, format);
  refused = g_error_new_valist (CL_STORE_ERROR, CL_STORE_ERROR_INVALID, format, args);
  va_end (args);
  g_propagate_error (error, refused);
  return FALSE;
}

gboolean
_cl_store_is_blank (const char *text)
{
  for (; text && *text; text++)
    if (!g_ascii_isspace (*text))
      return FALSE;
  return TRUE;
}
