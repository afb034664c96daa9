/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-store-remote.c — the district server's records written into the laptop's database
 *
 * A pull hands the store whole rows as the server holds them (the JSON objects the outbox sent);
 * they are written in one transaction, with sync_applying set so the outbox does not send them
 * back, and the server position they reach is remembered with them.
 */
#define G_LOG_DOMAIN "cl-store-remote"

#include <glib/gi18n-lib.h>

#include "cl-store-private.h"

gboolean
cl_store_get_sync_position (ClStore  *self,
                            gint64   *out_position,
                            GError  **error)
{
  static const char sql[] = "SELECT COALESCE ((SELECT CAST (value AS INTEGER) FROM meta WHERE key = 'sync_position'), 0)";
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (CL_IS_STORE (self), FALSE);

  if ((stmt = _cl_store_prepare (self, sql, error)) == NULL)
    return FALSE;
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    *out_position = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW)
    return _cl_store_fail (self, rc, N_("reading the last sync"), error);
  return TRUE;
}

gboolean
cl_store_holds_student (ClStore     *self,
                        const char  *student_id,
                        gboolean    *out_holds,
                        GError     **error)
{
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (CL_IS_STORE (self), FALSE);

  *out_holds = _cl_store_exists (self, "SELECT 1 FROM students WHERE id = ?", student_id, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  return TRUE;
}

gboolean
cl_store_needs_district_records (ClStore     *self,
                                 const char  *table,
                                 const char  *row,
                                 gboolean    *out_needs,
                                 GError     **error)
{
  static const char sql_student[] =
    "SELECT 1 WHERE NOT EXISTS (SELECT 1 FROM students WHERE school_id = json_extract (?1, '$.school_id'))"
    " OR NOT EXISTS (SELECT 1 FROM staff WHERE id = json_extract (?1, '$.case_manager_id'))"
    "    AND json_extract (?1, '$.case_manager_id') IS NOT NULL";
  static const char sql_invitee[] =
    "SELECT 1 WHERE NOT EXISTS (SELECT 1 FROM staff WHERE id = json_extract (?1, '$.staff_id'))"
    " AND json_extract (?1, '$.staff_id') IS NOT NULL";
  g_autoptr(GError) local_error = NULL;
  const char *sql = g_strcmp0 (table, "students") == 0 ? sql_student
                  : g_strcmp0 (table, "invitees") == 0 ? sql_invitee : NULL;

  g_return_val_if_fail (CL_IS_STORE (self), FALSE);

  *out_needs = FALSE;
  if (sql == NULL || row == NULL)
    return TRUE;
  *out_needs = _cl_store_exists (self, sql, row, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  return TRUE;
}

/* "INSERT INTO @table (c, …) VALUES (json_extract (?1, '$.c'), …)" for every column @table has,
 * or with @key, "UPDATE @table SET c = json_extract (?1, '$.c'), … WHERE @key = ?2". An update,
 * not a delete and insert: deleting a student would delete their events with it. */
char *
_cl_store_write_row_sql (ClStore     *self,
           const char  *table,
           const char  *key,
           GError     **error)
{
  g_autofree char *sql = g_strdup_printf ("SELECT name FROM pragma_table_info ('%s') ORDER BY cid", table);
  g_autoptr(GString) columns = g_string_new (NULL);
  g_autoptr(GString) values = g_string_new (NULL);
  sqlite3_stmt *stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL);
  while (rc == SQLITE_OK && sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *column = (const char *) sqlite3_column_text (stmt, 0);
      g_string_append_printf (columns, "%s%s", columns->len ? ", " : "", column);
      if (key != NULL)
        g_string_append_printf (values, "%s%s = json_extract (?1, '$.%s')", values->len ? ", " : "", column, column);
      else
        g_string_append_printf (values, "%sjson_extract (?1, '$.%s')", values->len ? ", " : "", column);
    }
  if (rc == SQLITE_OK)
    rc = sqlite3_reset (stmt);
  sqlite3_finalize (stmt);
  if (rc != SQLITE_OK)
    {
      _cl_store_fail (self, rc, N_("reading the database's tables"), error);
      return NULL;
    }
  if (key != NULL)
    return g_strdup_printf ("UPDATE %s SET %s WHERE %s = ?2", table, values->str, key);
  return g_strdup_printf ("INSERT INTO %s (%s) VALUES (%s)", table, columns->str, values->str);
}

/* What a pull prepares once for all its records: the SQL written for each table and the
 * statements compiled from it (a pull of a school brings tens of thousands of records). */
typedef struct {
  GHashTable *sql;      /* "table\x1fupdate|insert|delete" -> SQL text */
  GHashTable *stmts;    /* SQL text -> sqlite3_stmt* */
  GHashTable *empty;    /* table -> whether it held no row when the pull first wrote to it */
  gboolean    own;      /* whether this laptop had changes of its own waiting when the pull began */
} ApplyCache;

static void
finalize_stmt (gpointer stmt)
{
  sqlite3_finalize (stmt);
}

static void
apply_cache_init (ApplyCache *cache)
{
  cache->sql = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  cache->stmts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, finalize_stmt);
  cache->empty = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  cache->own = TRUE;
}

static void
apply_cache_clear (ApplyCache *cache)
{
  g_clear_pointer (&cache->stmts, g_hash_table_unref);
  g_clear_pointer (&cache->empty, g_hash_table_unref);
  g_clear_pointer (&cache->sql, g_hash_table_unref);
}

/* The SQL that writes (@how: "update", "insert", "delete") a row of @table keyed by @key. */
static const char *
cached_sql (ClStore     *self,
            ApplyCache  *cache,
            const char  *table,
            const char  *key,
            const char  *how,
            GError     **error)
{
  g_autofree char *name = g_strconcat (table, "\x1f", how, NULL);
  char *sql = g_hash_table_lookup (cache->sql, name);

  if (sql != NULL)
    return sql;
  if (g_str_equal (how, "delete"))
    sql = g_strdup_printf ("DELETE FROM %s WHERE %s = ?1", table, key);
  else if ((sql = _cl_store_write_row_sql (self, table, g_str_equal (how, "update") ? key : NULL, error)) == NULL)
    return NULL;
  g_hash_table_insert (cache->sql, g_steal_pointer (&name), sql);
  return sql;
}

/* @sql run with @a as ?1 and @b (if any) as ?2, compiled once per pull. */
static gboolean
run_cached (ClStore      *self,
            ApplyCache   *cache,
            const char   *sql,
            const char   *a,
            const char   *b,
            GError      **error)
{
  sqlite3_stmt *stmt = g_hash_table_lookup (cache->stmts, sql);
  int rc = SQLITE_OK;

  if (stmt == NULL)
    {
      rc = sqlite3_prepare_v3 (self->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL);
      if (rc != SQLITE_OK)
        {
          sqlite3_finalize (stmt);
          return _cl_store_fail (self, rc, N_("writing the district server's changes"), error);
        }
      g_hash_table_insert (cache->stmts, g_strdup (sql), stmt);
    }
  sqlite3_clear_bindings (stmt);
  sqlite3_bind_text (stmt, 1, a, -1, SQLITE_STATIC);
  if (b != NULL)
    sqlite3_bind_text (stmt, 2, b, -1, SQLITE_STATIC);
  return _cl_store_step (self, stmt, N_("writing the district server's changes"), error);
}

/* Whether this laptop has a change of its own to @table's @key that the server has not merged. */
static gboolean
has_own_change (ClStore     *self,
                const char  *table,
                const char  *key,
                gboolean    *out_has,
                GError     **error)
{
  static const char sql[] =
    "SELECT EXISTS (SELECT 1 FROM outbox WHERE table_name = ?1 AND row_key = ?2)"
    " OR EXISTS (SELECT 1 FROM sync_pending WHERE table_name = ?1 AND row_key = ?2)";
  gint64 has = 0;

  if (!_cl_store_query_int (self, sql, table, key, N_("reading the changes to sync"), &has, error))
    return FALSE;
  *out_has = has != 0;
  return TRUE;
}

/* Whether this laptop has any change of its own the server has not merged. */
static gboolean
waiting_changes (ClStore   *self,
                 gboolean  *out_waiting,
                 GError   **error)
{
  static const char sql[] = "SELECT EXISTS (SELECT 1 FROM outbox) OR EXISTS (SELECT 1 FROM sync_pending)";
  gint64 waiting = 0;

  if (!_cl_store_query_int (self, sql, NULL, NULL, N_("reading the changes to sync"), &waiting, error))
    return FALSE;
  *out_waiting = waiting != 0;
  return TRUE;
}

/* Whether @table held no row when this pull first wrote to it: then each of its records the pull
 * brings is new (a pull brings a record once), and is inserted without looking for it first. A
 * first sync's tens of thousands of records each save a statement. */
static gboolean
was_empty (ClStore     *self,
           ApplyCache  *cache,
           const char  *table,
           gboolean    *out_empty,
           GError     **error)
{
  g_autofree char *sql = NULL;
  gpointer known;
  sqlite3_stmt *stmt = NULL;
  int rc;

  if (g_hash_table_lookup_extended (cache->empty, table, NULL, &known))
    {
      *out_empty = GPOINTER_TO_INT (known);
      return TRUE;
    }
  sql = g_strdup_printf ("SELECT NOT EXISTS (SELECT 1 FROM %s)", table);
  rc = sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL);
  if (rc == SQLITE_OK && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    *out_empty = sqlite3_column_int (stmt, 0) != 0;
  sqlite3_finalize (stmt);
  if (rc != SQLITE_ROW)
    return _cl_store_fail (self, rc, N_("reading the database's tables"), error);
  g_hash_table_insert (cache->empty, g_strdup (table), GINT_TO_POINTER (*out_empty));
  return TRUE;
}

static gboolean
apply_one (ClStore              *self,
           ApplyCache           *cache,
           const ClStoreChange  *change,
           gboolean             *out_applied,
           GError              **error)
{
  /* Events are ordered by a position each laptop gives: one from elsewhere that lands on a
   * position taken here by another event goes after the student's others. */
  static const char sql_event_position[] =
    "SELECT CASE WHEN EXISTS (SELECT 1 FROM events WHERE student_id = json_extract (?1, '$.student_id')"
    "                          AND position = json_extract (?1, '$.position')"
    "                          AND uid IS NOT json_extract (?1, '$.uid'))"
    " THEN json_set (?1, '$.position', (SELECT MAX (position) + 1 FROM events"
    "                                   WHERE student_id = json_extract (?1, '$.student_id')))"
    " ELSE ?1 END";
  g_autofree char *key = _cl_store_synced_key_sql (change->table);
  g_autofree char *row = NULL;
  const char *sql;
  gboolean own = FALSE, empty = FALSE;

  *out_applied = FALSE;
  if (key == NULL)
    return _cl_store_invalid (error, _("The district server sent a record of \"%s\", which this Caseload does not "
                                       "know. Update Caseload, then sync again. Nothing was changed."), change->table);
  /* With nothing of its own waiting, the laptop has no change a record could hold back. */
  if (cache->own && !has_own_change (self, change->table, change->row_key, &own, error))
    return FALSE;
  if (own)
    return TRUE;
  if (change->row == NULL)
    {
      sql = cached_sql (self, cache, change->table, key, "delete", error);
      *out_applied = sql != NULL && run_cached (self, cache, sql, change->row_key, NULL, error);
      return *out_applied;
    }

  row = g_strdup (change->row);
  if (g_str_equal (change->table, "events"))
    {
      sqlite3_stmt *stmt = _cl_store_prepare (self, sql_event_position, error);
      int rc;

      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_text (stmt, 1, change->row, -1, SQLITE_STATIC);
      if ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          g_free (row);
          row = _cl_store_col_dup (stmt, 0);
        }
      sqlite3_reset (stmt);
      if (rc != SQLITE_ROW)
        return _cl_store_fail (self, rc, N_("placing an event from the district server"), error);
    }
  if (!was_empty (self, cache, change->table, &empty, error))
    return FALSE;
  if (!empty &&
      ((sql = cached_sql (self, cache, change->table, key, "update", error)) == NULL ||
       !run_cached (self, cache, sql, row, change->row_key, error)))
    return FALSE;
  if ((empty || sqlite3_changes (self->db) == 0) &&
      ((sql = cached_sql (self, cache, change->table, key, "insert", error)) == NULL ||
       !run_cached (self, cache, sql, row, NULL, error)))
    return FALSE;
  *out_applied = TRUE;
  return TRUE;
}

gboolean
cl_store_apply_remote_changes (ClStore    *self,
                               GPtrArray  *changes,
                               gint64      position,
                               guint      *out_applied,
                               GError    **error)
{
  static const char sql_position[] =
    "INSERT INTO meta (key, value) VALUES ('sync_position', ?1) ON CONFLICT (key) DO UPDATE SET value = ?1";
  g_autofree char *position_text = g_strdup_printf ("%" G_GINT64_FORMAT, position);
  sqlite3_stmt *stmt = NULL;
  guint applied = 0;
  gint64 refusals = 0;
  gboolean ok;
  ClStoreAction a;
  ApplyCache cache;

  g_return_val_if_fail (CL_IS_STORE (self), FALSE);

  if (!_cl_store_begin (self, &a, error))
    return FALSE;
  apply_cache_init (&cache);
  ok = waiting_changes (self, &cache.own, error);
  /* The server's records come in the order it took them: a child may come before the parent it
   * names, so the foreign keys are checked at the end. */
  ok = ok && _cl_store_exec (self, "PRAGMA defer_foreign_keys = ON", error) &&
       _cl_store_exec (self, "INSERT INTO sync_applying (since) VALUES (strftime ('%Y-%m-%dT%H:%M:%fZ', 'now'))", error);
  /* A refused change of this laptop's waits to be discarded for the server's version: the one
   * this pull brings. */
  if (ok && (refusals = cl_store_count_refusals (self, error)) < 0)
    ok = FALSE;
  for (guint i = 0; ok && i < changes->len; i++)
    {
      const ClStoreChange *change = changes->pdata[i];
      gboolean one = FALSE;

      ok = apply_one (self, &cache, change, &one, error) &&
           (!one || refusals == 0 || _cl_store_follow_refused (self, change->table, change->row_key, change->row, error));
      applied += one;
    }
  apply_cache_clear (&cache);
  ok = ok && _cl_store_exec (self, "DELETE FROM sync_applying", error) &&
       (stmt = _cl_store_prepare (self, sql_position, error)) != NULL;
  if (ok)
    {
      sqlite3_bind_text (stmt, 1, position_text, -1, SQLITE_STATIC);
      ok = _cl_store_step (self, stmt, N_("remembering the district server's position"), error);
    }
  if (!_cl_store_end (&a, ok, error))
    return FALSE;
  if (out_applied != NULL)
    *out_applied = applied;
  return TRUE;
}
