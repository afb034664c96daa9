/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-store-outbox.c — every change waiting for the district server, caught where it is written
 *
 * Triggers write the outbox, so whatever changes a row — a form, an import, an undo, a cascade —
 * leaves its trace in the same transaction, and a rolled-back change leaves none. Before a push
 * the outbox is sealed: all that happened to one record becomes one pending change, what it was
 * (its base, for the server's per-field merge) and what it is now, under an id of its own, so a
 * push repeated after it was cut off applies once.
 */
#define G_LOG_DOMAIN "cl-store-outbox"

#include <glib/gi18n-lib.h>

#include "cl-store-private.h"

/* A table that syncs: the columns that name one of its rows, and the one naming its student. */
typedef struct {
  const char        *table;
  const char * const key[4];
  const char        *student;
} SyncedTable;

static const SyncedTable synced_tables[] = {
  { "calendars",           { "id" },                                NULL },
  { "calendar_closed",     { "calendar_id", "position" },           NULL },
  { "schools",             { "id" },                                NULL },
  { "school_calendars",    { "school_id", "position" },             NULL },
  { "staff",               { "id" },                                NULL },
  { "students",            { "id" },                                "id" },
  { "guardians",           { "student_id", "position" },            "student_id" },
  { "events",              { "uid" },                               "student_id" },
  { "meetings",            { "student_id", "id" },                  "student_id" },
  { "invitees",            { "student_id", "meeting_id", "position" }, "student_id" },
  { "notes",               { "uid" },                               "student_id" },
  { "attendance_attempts", { "uid" },                               "student_id" },
  { "checklist_state",     { "student_id", "meeting_id", "item" },  "student_id" },
};

/* The SQL naming @t's row @alias (NEW or OLD; NULL: the table's own): its key columns joined
 * by '/'. */
static char *
key_sql (const SyncedTable *t,
         const char        *alias)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (t->key) && t->key[i] != NULL; i++)
    g_string_append_printf (s, "%s%s%s%s", i > 0 ? " || '/' || " : "", alias ? alias : "", alias ? "." : "",
                            t->key[i]);
  return g_string_free (s, FALSE);
}

char *
_cl_store_synced_key_sql (const char *table)
{
  for (guint i = 0; i < G_N_ELEMENTS (synced_tables); i++)
    if (g_str_equal (synced_tables[i].table, table))
      return key_sql (&synced_tables[i], NULL);
  return NULL;
}

/* json_object() of every column of @table in row @alias. */
static char *
row_sql (ClStore     *self,
         const char  *table,
         const char  *alias,
         GError     **error)
{
  g_autofree char *sql = g_strdup_printf ("SELECT name FROM pragma_table_info ('%s') ORDER BY cid", table);
  g_autoptr(GString) s = g_string_new ("json_object (");
  sqlite3_stmt *stmt = NULL;
  guint n = 0;
  int rc;

  rc = sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      _cl_store_fail (self, rc, N_("reading the database's tables"), error);
      return NULL;
    }
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *column = (const char *) sqlite3_column_text (stmt, 0);
      g_string_append_printf (s, "%s'%s', %s.%s", n++ > 0 ? ", " : "", column, alias, column);
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      _cl_store_fail (self, rc, N_("reading the database's tables"), error);
      return NULL;
    }
  g_string_append_c (s, ')');
  return g_string_free (g_steal_pointer (&s), FALSE);
}

static gboolean
create_triggers_for (ClStore            *self,
                     const SyncedTable  *t,
                     GError            **error)
{
  g_autofree char *new_key = key_sql (t, "NEW");
  g_autofree char *old_key = key_sql (t, "OLD");
  g_autofree char *new_row = row_sql (self, t->table, "NEW", error);
  g_autofree char *old_row = new_row ? row_sql (self, t->table, "OLD", error) : NULL;
  g_autofree char *new_student = t->student ? g_strconcat ("NEW.", t->student, NULL) : g_strdup ("NULL");
  g_autofree char *old_student = t->student ? g_strconcat ("OLD.", t->student, NULL) : g_strdup ("NULL");
  g_autofree char *sql = NULL;
  const char *insert = "INSERT INTO outbox (table_name, row_key, student_id, old_row, new_row)";
  /* A pull writes the server's rows with sync_applying set: those are not changes to send. */
  const char *when = "WHEN EXISTS (SELECT 1 FROM sync_capture) AND NOT EXISTS (SELECT 1 FROM sync_applying)";

  if (old_row == NULL)
    return FALSE;
  sql = g_strdup_printf (
    "CREATE TRIGGER outbox_%1$s_insert AFTER INSERT ON %1$s %2$s BEGIN"
    "  %3$s VALUES ('%1$s', %4$s, %5$s, NULL, %6$s); END;"
    "CREATE TRIGGER outbox_%1$s_delete AFTER DELETE ON %1$s %2$s BEGIN"
    "  %3$s VALUES ('%1$s', %7$s, %8$s, %9$s, NULL); END;"
    /* A row whose key changed is one record gone and another come. */
    "CREATE TRIGGER outbox_%1$s_update AFTER UPDATE ON %1$s %2$s BEGIN"
    "  %3$s SELECT '%1$s', %7$s, %8$s, %9$s, NULL WHERE (%7$s) IS NOT (%4$s);"
    "  %3$s SELECT '%1$s', %4$s, %5$s, CASE WHEN (%7$s) IS (%4$s) THEN %9$s END, %6$s; END;",
    t->table, when, insert, new_key, new_student, new_row, old_key, old_student, old_row);
  return _cl_store_exec (self, sql, error);
}

gboolean
_cl_store_create_outbox_triggers (ClStore  *self,
                                  GError  **error)
{
  for (guint i = 0; i < G_N_ELEMENTS (synced_tables); i++)
    if (!create_triggers_for (self, &synced_tables[i], error))
      return FALSE;
  return TRUE;
}

/* SELECT of every row @t holds, as the outbox sends a record: key, student id (or NULL), row. */
static char *
records_sql (ClStore            *self,
             const SyncedTable  *t,
             GError            **error)
{
  g_autofree char *key = key_sql (t, t->table);
  g_autofree char *row = row_sql (self, t->table, t->table, error);

  if (row == NULL)
    return NULL;
  return g_strdup_printf ("SELECT %s AS record_key, %s%s%s AS record_student, %s AS record_row FROM %s", key, t->student ? t->table : "", t->student ? "." : "",
                          t->student ? t->student : "NULL", row, t->table);
}

/* Every row @t holds now, into the outbox as new: what the laptop held before it first synced. */
static gboolean
queue_existing (ClStore            *self,
                const SyncedTable  *t,
                GError            **error)
{
  g_autofree char *select = records_sql (self, t, error);
  g_autofree char *sql = NULL;

  if (select == NULL)
    return FALSE;
  sql = g_strdup_printf ("INSERT INTO outbox (table_name, row_key, student_id, old_row, new_row)"
                         " SELECT '%s', record_key, record_student, NULL, record_row FROM (%s)",
                         t->table, select);
  return _cl_store_exec (self, sql, error);
}

gboolean
cl_store_foreach_record (ClStore          *self,
                         ClStoreRecordFunc each,
                         gpointer          user_data,
                         GError          **error)
{
  g_return_val_if_fail (CL_IS_STORE (self), FALSE);
  g_return_val_if_fail (each != NULL, FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (synced_tables); i++)
    {
      g_autofree char *sql = records_sql (self, &synced_tables[i], error);
      sqlite3_stmt *stmt = NULL;
      gboolean ok = TRUE;
      int rc;

      if (sql == NULL)
        return FALSE;
      rc = sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL);
      while (rc == SQLITE_OK && (rc = sqlite3_step (stmt)) == SQLITE_ROW &&
             (ok = each (synced_tables[i].table, (const char *) sqlite3_column_text (stmt, 0),
                         (const char *) sqlite3_column_text (stmt, 1), (const char *) sqlite3_column_text (stmt, 2),
                         user_data, error)))
        rc = SQLITE_OK;
      sqlite3_finalize (stmt);
      if (!ok)
        return FALSE;
      if (rc != SQLITE_DONE)
        return _cl_store_fail (self, rc, N_("reading the records to send"), error);
    }
  return TRUE;
}

gboolean
cl_store_start_capturing_changes (ClStore  *self,
                                  GError  **error)
{
  static const char sql[] = "INSERT INTO sync_capture (since) VALUES (strftime ('%Y-%m-%dT%H:%M:%fZ', 'now'))";
  gboolean capturing = FALSE;
  gboolean ok;
  ClStoreAction a;

  g_return_val_if_fail (CL_IS_STORE (self), FALSE);

  if (!_cl_store_begin (self, &a, error))
    return FALSE;
  ok = cl_store_is_capturing_changes (self, &capturing, error);
  /* The first time, what the database already holds goes too: a laptop that worked before it
   * ever synced sends its work, as new records the server merges with what it has. */
  if (ok && !capturing)
    {
      ok = _cl_store_exec (self, sql, error);
      for (guint i = 0; ok && i < G_N_ELEMENTS (synced_tables); i++)
        ok = queue_existing (self, &synced_tables[i], error);
    }
  return _cl_store_end (&a, ok, error);
}

gboolean
cl_store_is_capturing_changes (ClStore  *self,
                               gboolean *out_capturing,
                               GError  **error)
{
  static const char sql[] = "SELECT EXISTS (SELECT 1 FROM sync_capture)";
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (CL_IS_STORE (self), FALSE);

  if ((stmt = _cl_store_prepare (self, sql, error)) == NULL)
    return FALSE;
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    *out_capturing = sqlite3_column_int (stmt, 0) != 0;
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW)
    return _cl_store_fail (self, rc, N_("reading whether the database syncs"), error);
  return TRUE;
}

/* ---- sealing ---- */

typedef struct {
  char *table;
  char *row_key;
  char *student_id;
  char *at;      /* of its latest write */
  char *base;    /* the row before its first write since the last seal; NULL: it was new */
  char *row;     /* the row after its last write; NULL: it is gone */
} Record;

static void
record_free (Record *r)
{
  g_free (r->table);
  g_free (r->row_key);
  g_free (r->student_id);
  g_free (r->at);
  g_free (r->base);
  g_free (r->row);
  g_free (r);
}

typedef struct {
  GHashTable *by_key;   /* "table\x1frow_key" -> Record* (owned by order) */
  GPtrArray  *order;    /* Record*, in the order each was first written */
  gint64      last_id;
} Collapse;

static void
collapse_row (sqlite3_stmt *stmt,
              gpointer      user_data)
{
  Collapse *c = user_data;
  const char *table = (const char *) sqlite3_column_text (stmt, 1);
  const char *row_key = (const char *) sqlite3_column_text (stmt, 2);
  char *key = g_strconcat (table, "\x1f", row_key, NULL);
  Record *r = g_hash_table_lookup (c->by_key, key);

  c->last_id = sqlite3_column_int64 (stmt, 0);
  if (r == NULL)
    {
      r = g_new0 (Record, 1);
      r->table = g_strdup (table);
      r->row_key = g_strdup (row_key);
      r->base = _cl_store_col_dup (stmt, 5);
      g_ptr_array_add (c->order, r);
      g_hash_table_insert (c->by_key, key, r);
    }
  else
    g_free (key);
  g_free (r->at);
  r->at = _cl_store_col_dup (stmt, 3);
  g_free (r->row);
  r->row = _cl_store_col_dup (stmt, 6);
  /* A student deleted keeps the id it had. */
  if (sqlite3_column_type (stmt, 4) != SQLITE_NULL)
    {
      g_free (r->student_id);
      r->student_id = _cl_store_col_dup (stmt, 4);
    }
}

static gboolean
write_pending (ClStore      *self,
               const Record *r,
               GError      **error)
{
  static const char sql[] =
    "INSERT INTO sync_pending (change_id, at, table_name, row_key, student_id, base, row)"
    " VALUES (?, ?, ?, ?, ?, ?, ?)";
  g_autofree char *change_id = g_uuid_string_random ();
  sqlite3_stmt *stmt = _cl_store_prepare (self, sql, error);

  if (stmt == NULL)
    return FALSE;
  {
    char *values[] = { change_id, r->at, r->table, r->row_key, r->student_id, r->base, r->row };
    _cl_store_bind_texts (stmt, values, G_N_ELEMENTS (values));
  }
  return _cl_store_step (self, stmt, N_("sealing the changes to sync"), error);
}

gboolean
cl_store_seal_changes (ClStore  *self,
                       guint    *out_sealed,
                       GError  **error)
{
  static const char sql_read[] =
    "SELECT id, table_name, row_key, at, student_id, old_row, new_row FROM outbox ORDER BY id";
  static const char sql_clear[] = "DELETE FROM outbox WHERE id <= ?";
  g_autoptr(GHashTable) by_key = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) order = g_ptr_array_new_with_free_func ((GDestroyNotify) record_free);
  Collapse c = { by_key, order, 0 };
  guint sealed = 0;
  sqlite3_stmt *stmt;
  gboolean ok;
  ClStoreAction a;

  g_return_val_if_fail (CL_IS_STORE (self), FALSE);

  if (!_cl_store_begin (self, &a, error))
    return FALSE;
  ok = (stmt = _cl_store_prepare (self, sql_read, error)) != NULL &&
       _cl_store_each_row (self, stmt, collapse_row, &c, N_("reading the changes to sync"), error);
  for (guint i = 0; ok && i < order->len; i++)
    {
      const Record *r = order->pdata[i];

      /* Written and written back (an import of the same file, an edit undone): nothing to send. */
      if (g_strcmp0 (r->base, r->row) == 0)
        continue;
      ok = write_pending (self, r, error);
      sealed++;
    }
  if (ok && c.last_id > 0)
    {
      ok = (stmt = _cl_store_prepare (self, sql_clear, error)) != NULL;
      if (ok)
        {
          sqlite3_bind_int64 (stmt, 1, c.last_id);
          ok = _cl_store_step (self, stmt, N_("sealing the changes to sync"), error);
        }
    }
  if (!_cl_store_end (&a, ok, error))
    return FALSE;
  if (out_sealed != NULL)
    *out_sealed = sealed;
  return TRUE;
}

void
cl_store_change_free (ClStoreChange *change)
{
  if (change == NULL)
    return;
  g_free (change->change_id);
  g_free (change->at);
  g_free (change->table);
  g_free (change->row_key);
  g_free (change->student_id);
  g_free (change->base);
  g_free (change->row);
  g_free (change);
}

static void
add_change (sqlite3_stmt *stmt,
            gpointer      user_data)
{
  ClStoreChange *change = g_new0 (ClStoreChange, 1);

  change->seq = sqlite3_column_int64 (stmt, 0);
  change->change_id = _cl_store_col_dup (stmt, 1);
  change->at = _cl_store_col_dup (stmt, 2);
  change->table = _cl_store_col_dup (stmt, 3);
  change->row_key = _cl_store_col_dup (stmt, 4);
  change->student_id = _cl_store_col_dup (stmt, 5);
  change->base = _cl_store_col_dup (stmt, 6);
  change->row = _cl_store_col_dup (stmt, 7);
  g_ptr_array_add (user_data, change);
}

GPtrArray *
cl_store_list_pending_changes (ClStore  *self,
                               GError  **error)
{
  static const char sql[] =
    "SELECT seq, change_id, at, table_name, row_key, student_id, base, row FROM sync_pending ORDER BY seq";
  g_autoptr(GPtrArray) changes = g_ptr_array_new_with_free_func ((GDestroyNotify) cl_store_change_free);
  sqlite3_stmt *stmt;

  g_return_val_if_fail (CL_IS_STORE (self), NULL);

  if ((stmt = _cl_store_prepare (self, sql, error)) == NULL ||
      !_cl_store_each_row (self, stmt, add_change, changes, N_("reading the changes to sync"), error))
    return NULL;
  return g_steal_pointer (&changes);
}

gboolean
cl_store_forget_pending_change (ClStore     *self,
                                const char  *change_id,
                                GError     **error)
{
  static const char sql[] = "DELETE FROM sync_pending WHERE change_id = ?";
  sqlite3_stmt *stmt;

  g_return_val_if_fail (CL_IS_STORE (self), FALSE);

  if ((stmt = _cl_store_prepare (self, sql, error)) == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, change_id, -1, SQLITE_TRANSIENT);
  return _cl_store_step (self, stmt, N_("noting a change the server has"), error);
}

gboolean
cl_store_count_unsynced (ClStore  *self,
                         guint    *out_count,
                         GError  **error)
{
  /* Records, not writes: an event edited three times is one change waiting. */
  static const char sql[] =
    "SELECT (SELECT count(*) FROM sync_pending)"
    " + (SELECT count(*) FROM (SELECT DISTINCT table_name, row_key FROM outbox))";
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (CL_IS_STORE (self), FALSE);

  if ((stmt = _cl_store_prepare (self, sql, error)) == NULL)
    return FALSE;
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW && out_count != NULL)
    *out_count = (guint) sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW)
    return _cl_store_fail (self, rc, N_("counting the changes to sync"), error);
  return TRUE;
}
