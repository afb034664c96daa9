/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-store-conflicts.c — changes of this laptop's that met another's on the district server
 *
 * The server keeps the value that reached it first and answers the later change with what it
 * could not take; the laptop keeps that here, with both values, who and when, until someone
 * chooses. Choosing mine writes it back through the outbox, with a base that names the server's
 * value, so the server's per-field merge takes it; choosing theirs makes sure this laptop holds
 * the server's value without sending anything.
 */
#define G_LOG_DOMAIN "cl-store-conflicts"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "cl-store-private.h"

/* A whole record deleted on one side and edited on the other. */
#define WHOLE_RECORD "*"
/* A change the server refused: mine is the row this laptop made, theirs the server's. */
#define REFUSED "!"

G_DEFINE_BOXED_TYPE (ClConflict, cl_conflict, cl_conflict_copy, cl_conflict_free)

ClConflict *
cl_conflict_copy (const ClConflict *conflict)
{
  ClConflict *copy = g_new0 (ClConflict, 1);

  copy->id = conflict->id;
  copy->student_uid = g_strdup (conflict->student_uid);
  copy->student_name = g_strdup (conflict->student_name);
  copy->what = g_strdup (conflict->what);
  copy->field = g_strdup (conflict->field);
  copy->mine = g_strdup (conflict->mine);
  copy->theirs = g_strdup (conflict->theirs);
  copy->their_author = g_strdup (conflict->their_author);
  copy->their_time = g_strdup (conflict->their_time);
  copy->refused = conflict->refused;
  return copy;
}

void
cl_conflict_free (ClConflict *conflict)
{
  if (conflict == NULL)
    return;
  g_free (conflict->student_uid);
  g_free (conflict->student_name);
  g_free (conflict->what);
  g_free (conflict->field);
  g_free (conflict->mine);
  g_free (conflict->theirs);
  g_free (conflict->their_author);
  g_free (conflict->their_time);
  g_free (conflict);
}

void
cl_store_server_conflict_free (ClStoreServerConflict *conflict)
{
  if (conflict == NULL)
    return;
  g_free (conflict->field);
  g_free (conflict->mine);
  g_free (conflict->theirs);
  g_free (conflict->their_author);
  g_free (conflict->their_time);
  g_free (conflict);
}

/* ---- kept from the server's answer ---- */

static gboolean
keep_one (ClStore                     *self,
          const ClStoreChange         *change,
          const ClStoreServerConflict *c,
          GError                     **error)
{
  static const char sql[] =
    "INSERT OR IGNORE INTO conflicts (change_id, table_name, row_key, student_id, field, mine, theirs,"
    "                                 their_author, their_time, my_time)"
    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
  sqlite3_stmt *stmt = _cl_store_prepare (self, sql, error);

  if (stmt == NULL)
    return FALSE;
  {
    char *values[] = { change->change_id, change->table, change->row_key, change->student_id, c->field, c->mine,
                       c->theirs, c->their_author, c->their_time, change->at };
    _cl_store_bind_texts (stmt, values, G_N_ELEMENTS (values));
  }
  return _cl_store_step (self, stmt, N_("keeping a conflict"), error);
}

gboolean
cl_store_settle_pushed_change (ClStore              *self,
                               const ClStoreChange  *change,
                               GPtrArray            *conflicts,
                               GError              **error)
{
  static const char sql_forget[] = "DELETE FROM sync_pending WHERE change_id = ?";
  sqlite3_stmt *stmt;
  gboolean ok = TRUE;
  ClStoreAction a;

  g_return_val_if_fail (CL_IS_STORE (self), FALSE);

  if (!_cl_store_begin (self, &a, error))
    return FALSE;
  for (guint i = 0; ok && conflicts != NULL && i < conflicts->len; i++)
    ok = keep_one (self, change, conflicts->pdata[i], error);
  if (ok && (ok = (stmt = _cl_store_prepare (self, sql_forget, error)) != NULL))
    {
      sqlite3_bind_text (stmt, 1, change->change_id, -1, SQLITE_TRANSIENT);
      ok = _cl_store_step (self, stmt, N_("noting a change the server has"), error);
    }
  return _cl_store_end (&a, ok, error);
}

gboolean
cl_store_settle_refused_change (ClStore             *self,
                                const ClStoreChange *change,
                                const char          *server_row,
                                GError             **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *when = g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
  ClStoreServerConflict refusal = { (char *) REFUSED, change->row, (char *) server_row, NULL, when };
  g_autoptr(GPtrArray) kept = g_ptr_array_new ();

  g_return_val_if_fail (CL_IS_STORE (self), FALSE);

  g_ptr_array_add (kept, &refusal);
  return cl_store_settle_pushed_change (self, change, kept, error);
}

gboolean
_cl_store_follow_refused (ClStore     *self,
                          const char  *table,
                          const char  *row_key,
                          const char  *row,
                          GError     **error)
{
  static const char sql[] = "UPDATE conflicts SET theirs = ?3 WHERE field = '" REFUSED "' AND table_name = ?1 AND row_key = ?2";
  sqlite3_stmt *stmt = _cl_store_prepare (self, sql, error);

  if (stmt == NULL)
    return FALSE;
  _cl_store_bind_text_or_null (stmt, 1, table);
  _cl_store_bind_text_or_null (stmt, 2, row_key);
  _cl_store_bind_text_or_null (stmt, 3, row);
  return _cl_store_step (self, stmt, N_("following a refused change"), error);
}

gint64
cl_store_count_refusals (ClStore  *self,
                         GError  **error)
{
  static const char sql[] = "SELECT count (*) FROM conflicts WHERE field = '" REFUSED "'";
  gint64 count;

  g_return_val_if_fail (CL_IS_STORE (self), -1);

  return _cl_store_query_int (self, sql, NULL, NULL, N_("counting the refused changes"), &count, error) ? count : -1;
}

/* ---- listed ---- */

static const char *
what_in_words (const char *table)
{
  static const struct { const char *table; const char *words; } kinds[] = {
    { "students",            N_("Student record") },
    { "guardians",           N_("Parent or guardian") },
    { "events",              N_("Timeline event") },
    { "meetings",            N_("Meeting") },
    { "invitees",            N_("Meeting invitee") },
    { "notes",               N_("Note") },
    { "attendance_attempts", N_("Attempt to reach the parent") },
    { "checklist_state",     N_("Meeting checklist") },
    { "schools",             N_("School") },
    { "staff",               N_("Staff member") },
    { "calendars",           N_("School calendar") },
    { "calendar_closed",     N_("Day the school is closed") },
    { "school_calendars",    N_("School's calendar") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    if (g_strcmp0 (kinds[i].table, table) == 0)
      return _(kinds[i].words);
  return table;
}

/* A field's JSON value as a person reads it (sqlite's json_extract(…, '$') did the unquoting). */
static char *
value_in_words (sqlite3_stmt *stmt,
                int           i)
{
  if (sqlite3_column_type (stmt, i) == SQLITE_NULL)
    return g_strdup (_("(empty)"));
  return _cl_store_col_dup (stmt, i);
}

static void
add_conflict (sqlite3_stmt *stmt,
              gpointer      user_data)
{
  ClConflict *c = g_new0 (ClConflict, 1);
  const char *field = (const char *) sqlite3_column_text (stmt, 4);

  c->id = sqlite3_column_int64 (stmt, 0);
  c->student_uid = _cl_store_col_dup (stmt, 1);
  c->student_name = _cl_store_col_dup (stmt, 2);
  c->what = g_strdup (what_in_words ((const char *) sqlite3_column_text (stmt, 3)));
  if (g_strcmp0 (field, REFUSED) == 0)
    {
      const char *fields = (const char *) sqlite3_column_text (stmt, 11);

      c->refused = TRUE;
      c->field = g_strdup (_("whole record"));
      if (sqlite3_column_type (stmt, 5) == SQLITE_NULL)
        c->mine = g_strdup (_("Deleted"));
      else if (fields != NULL && *fields != '\0')
        {
          g_autofree char *words = g_strdelimit (g_strdup (fields), "_", ' ');

          /* Translators: a refused change's row: the fields changed on this computer, e.g. "date, kind" */
          c->mine = g_strdup_printf (_("Changed: %s"), words);
        }
      else
        c->mine = g_strdup (_("Changed"));
      c->theirs = g_strdup (sqlite3_column_type (stmt, 6) == SQLITE_NULL ? _("Not on the district server")
                                                                         : _("As the district server has it"));
    }
  else if (g_strcmp0 (field, WHOLE_RECORD) == 0)
    {
      c->field = g_strdup (_("whole record"));
      c->mine = g_strdup (sqlite3_column_type (stmt, 5) == SQLITE_NULL ? _("Deleted") : _("Changed"));
      c->theirs = g_strdup (sqlite3_column_type (stmt, 6) == SQLITE_NULL ? _("Deleted") : _("Changed"));
    }
  else
    {
      c->field = g_strdelimit (g_strdup (field), "_", ' ');
      c->mine = value_in_words (stmt, 7);
      c->theirs = value_in_words (stmt, 8);
    }
  c->their_author = _cl_store_col_dup (stmt, 9);
  c->their_time = _cl_store_col_dup (stmt, 10);
  g_ptr_array_add (user_data, c);
}

GPtrArray *
cl_store_list_conflicts (ClStore  *store,
                         GError  **error)
{
  /* The student's name as this laptop has it, or as the conflict's own row has it when the
   * student record itself is what was deleted. */
  static const char sql[] =
    "SELECT c.id, c.student_id,"
    "  COALESCE (NULLIF (trim (COALESCE (s.first_name, '') || ' ' || COALESCE (s.last_name, '')), ''),"
    "            CASE WHEN c.table_name = 'students' AND c.field IN ('" WHOLE_RECORD "', '" REFUSED "') THEN"
    "              NULLIF (trim (COALESCE (json_extract (COALESCE (c.mine, c.theirs), '$.first_name'), '') || ' ' ||"
    "                            COALESCE (json_extract (COALESCE (c.mine, c.theirs), '$.last_name'), '')), '') END,"
    "            c.student_id, ''),"
    "  c.table_name, c.field, c.mine, c.theirs,"
    "  CASE WHEN c.field NOT IN ('" WHOLE_RECORD "', '" REFUSED "') THEN json_extract (c.mine, '$') END,"
    "  CASE WHEN c.field NOT IN ('" WHOLE_RECORD "', '" REFUSED "') THEN json_extract (c.theirs, '$') END,"
    "  c.their_author, c.their_time,"
    /* A refused change names the fields in which this computer's row differs from the server's.
     * A field the server's row leaves empty is not named: an edit writes every field of the
     * row, so a default the import left empty (an event's eligible) would read as changed. */
    "  CASE WHEN c.field = '" REFUSED "' AND json_valid (c.mine) AND json_valid (c.theirs) THEN"
    "    (SELECT group_concat (m.key, ', ') FROM json_each (c.mine) m"
    "       JOIN json_each (c.theirs) t ON t.key = m.key"
    "      WHERE t.type <> 'null' AND (m.type IS NOT t.type OR m.atom IS NOT t.atom)) END"
    " FROM conflicts c LEFT JOIN students s ON s.id = c.student_id ORDER BY c.id";
  g_autoptr(GPtrArray) conflicts = g_ptr_array_new_with_free_func ((GDestroyNotify) cl_conflict_free);
  sqlite3_stmt *stmt;

  g_return_val_if_fail (CL_IS_STORE (store), NULL);

  if ((stmt = _cl_store_prepare (store, sql, error)) == NULL ||
      !_cl_store_each_row (store, stmt, add_conflict, conflicts, N_("reading the conflicts"), error))
    return NULL;
  return g_steal_pointer (&conflicts);
}

gint64
cl_store_count_conflicts (ClStore  *store,
                          GError  **error)
{
  static const char sql[] = "SELECT count (*) FROM conflicts";
  gint64 count;

  g_return_val_if_fail (CL_IS_STORE (store), -1);

  return _cl_store_query_int (store, sql, NULL, NULL, N_("counting the conflicts"), &count, error) ? count : -1;
}

/* ---- settled ---- */

typedef struct {
  char *table;
  char *row_key;
  char *student_id;
  char *field;
  char *mine;
  char *theirs;
  char *key_sql;   /* the SQL naming the record by its sync key */
} Kept;

static void
kept_clear (Kept *k)
{
  g_free (k->table);
  g_free (k->row_key);
  g_free (k->student_id);
  g_free (k->field);
  g_free (k->mine);
  g_free (k->theirs);
  g_free (k->key_sql);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Kept, kept_clear)

static void
read_kept (sqlite3_stmt *stmt,
           gpointer      user_data)
{
  Kept *k = user_data;

  k->table = _cl_store_col_dup (stmt, 0);
  k->row_key = _cl_store_col_dup (stmt, 1);
  k->student_id = _cl_store_col_dup (stmt, 2);
  k->field = _cl_store_col_dup (stmt, 3);
  k->mine = _cl_store_col_dup (stmt, 4);
  k->theirs = _cl_store_col_dup (stmt, 5);
}

/* Runs @sql with the texts @a, @b, @c (NULL: SQL NULL) as ?1, ?2, ?3. */
static gboolean
run3 (ClStore     *self,
      const char  *sql,
      const char  *a,
      const char  *b,
      const char  *c,
      GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL);

  if (rc == SQLITE_OK)
    {
      int n = sqlite3_bind_parameter_count (stmt);
      const char *values[] = { a, b, c };

      for (int i = 0; i < n && i < 3; i++)
        _cl_store_bind_text_or_null (stmt, i + 1, values[i]);
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        ;
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    return _cl_store_fail (self, rc, N_("settling a conflict"), error);
  return TRUE;
}

static gboolean
record_exists (ClStore     *self,
               const Kept  *k,
               gboolean    *out_exists,
               GError     **error)
{
  g_autofree char *sql = g_strdup_printf ("SELECT EXISTS (SELECT 1 FROM %s WHERE %s = ?1)", k->table, k->key_sql);
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL);

  if (rc == SQLITE_OK)
    {
      sqlite3_bind_text (stmt, 1, k->row_key, -1, SQLITE_STATIC);
      if ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        *out_exists = sqlite3_column_int (stmt, 0) != 0;
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_ROW)
    return _cl_store_fail (self, rc, N_("settling a conflict"), error);
  return TRUE;
}

/* Whether @field is a column of @k's table: the name the server sent goes into SQL. */
static gboolean
is_column (ClStore     *self,
           const Kept  *k,
           GError     **error)
{
  static const char sql[] = "SELECT EXISTS (SELECT 1 FROM pragma_table_info (?1) WHERE name = ?2)";
  sqlite3_stmt *stmt = NULL;
  gboolean found = FALSE;
  int rc = sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL);

  if (rc == SQLITE_OK)
    {
      sqlite3_bind_text (stmt, 1, k->table, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, k->field, -1, SQLITE_STATIC);
      if ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        found = sqlite3_column_int (stmt, 0) != 0;
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_ROW)
    return _cl_store_fail (self, rc, N_("settling a conflict"), error);
  if (!found)
    return _cl_store_invalid (error, _("The conflict names a field \"%s\" this Caseload does not know. Update "
                                       "Caseload, then settle it. Nothing was changed."), k->field);
  return TRUE;
}

static gboolean
set_field (ClStore     *self,
           const Kept  *k,
           const char  *json_value,
           GError     **error)
{
  g_autofree char *sql = g_strdup_printf ("UPDATE %s SET %s = json_extract (?1, '$') WHERE %s = ?2",
                                          k->table, k->field, k->key_sql);

  return run3 (self, sql, json_value, k->row_key, NULL, error);
}

static gboolean
delete_record (ClStore     *self,
               const Kept  *k,
               GError     **error)
{
  g_autofree char *sql = g_strdup_printf ("DELETE FROM %s WHERE %s = ?1", k->table, k->key_sql);

  return run3 (self, sql, k->row_key, NULL, NULL, error);
}

static gboolean
insert_record (ClStore     *self,
               const Kept  *k,
               const char  *json_row,
               GError     **error)
{
  g_autofree char *sql = _cl_store_write_row_sql (self, k->table, NULL, error);

  return sql != NULL && run3 (self, sql, json_row, NULL, NULL, error);
}

/* A change for the server written straight into the outbox: for a record whose state here is
 * already the one to send, where no write would leave a trace. */
static gboolean
queue (ClStore     *self,
       const Kept  *k,
       const char  *old_row,
       const char  *new_row,
       GError     **error)
{
  static const char sql[] =
    "INSERT INTO outbox (table_name, row_key, student_id, old_row, new_row) VALUES (?1, ?2, ?3, ?4, ?5)";
  sqlite3_stmt *stmt = _cl_store_prepare (self, sql, error);

  if (stmt == NULL)
    return FALSE;
  {
    char *values[] = { k->table, k->row_key, k->student_id, (char *) old_row, (char *) new_row };
    _cl_store_bind_texts (stmt, values, G_N_ELEMENTS (values));
  }
  return _cl_store_step (self, stmt, N_("queueing a change for the district server"), error);
}

/* Mine over theirs: this laptop's value goes out again, from a base holding the server's
 * value for the field, so the server's merge sees a change to take and writes it. */
static gboolean
keep_mine (ClStore     *self,
           const Kept  *k,
           gboolean     exists,
           GError     **error)
{
  static const char sql_base[] =
    "UPDATE outbox SET old_row = json_set (old_row, '$.' || ?3, json (?4))"
    " WHERE id = (SELECT min (id) FROM outbox WHERE table_name = ?1 AND row_key = ?2) AND old_row IS NOT NULL";
  sqlite3_stmt *stmt;

  if (g_strcmp0 (k->field, WHOLE_RECORD) == 0 && k->mine == NULL)
    return exists ? delete_record (self, k, error) : queue (self, k, k->theirs, NULL, error);
  if (g_strcmp0 (k->field, WHOLE_RECORD) == 0)
    return exists ? queue (self, k, NULL, k->mine, error) : insert_record (self, k, k->mine, error);
  if (!exists)
    return _cl_store_invalid (error, _("That record is no longer on this computer, so its value cannot be kept. "
                                       "Sync, then look again. Nothing was changed."));
  if (!is_column (self, k, error) || !set_field (self, k, k->mine, error))
    return FALSE;
  /* The write above was caught by the trigger; where this laptop already held its own value
   * the caught row is unchanged, and the base names the server's value instead. */
  if ((stmt = _cl_store_prepare (self, sql_base, error)) == NULL)
    return FALSE;
  {
    char *values[] = { k->table, k->row_key, k->field, k->theirs };
    _cl_store_bind_texts (stmt, values, G_N_ELEMENTS (values));
  }
  return _cl_store_step (self, stmt, N_("queueing a change for the district server"), error);
}

/* A refusal discarded: the record as the server has it (kept up to date by each pull) written
 * here whole, as a pull writes it (nothing goes out). */
static gboolean
discard_refused (ClStore     *self,
                 const Kept  *k,
                 gboolean     exists,
                 GError     **error)
{
  g_autofree char *update = NULL;
  gboolean ok = _cl_store_exec (self, "INSERT INTO sync_applying (since) VALUES (strftime ('%Y-%m-%dT%H:%M:%fZ', 'now'))",
                                error);

  if (ok && k->theirs == NULL)
    ok = !exists || delete_record (self, k, error);
  else if (ok && !exists)
    ok = insert_record (self, k, k->theirs, error);
  else if (ok)
    ok = (update = _cl_store_write_row_sql (self, k->table, k->key_sql, error)) != NULL &&
         run3 (self, update, k->theirs, k->row_key, NULL, error);
  return ok && _cl_store_exec (self, "DELETE FROM sync_applying", error);
}

/* Theirs stands: written here as the server has it, as a pull writes (nothing goes out). */
static gboolean
keep_theirs (ClStore     *self,
             const Kept  *k,
             gboolean     exists,
             GError     **error)
{
  gboolean ok = _cl_store_exec (self, "INSERT INTO sync_applying (since) VALUES (strftime ('%Y-%m-%dT%H:%M:%fZ', 'now'))",
                                error);

  if (ok && g_strcmp0 (k->field, WHOLE_RECORD) == 0)
    {
      if (k->theirs == NULL && exists)
        ok = delete_record (self, k, error);
      else if (k->theirs != NULL && !exists)
        ok = insert_record (self, k, k->theirs, error);
    }
  else if (ok && exists)
    ok = is_column (self, k, error) && set_field (self, k, k->theirs, error);
  return ok && _cl_store_exec (self, "DELETE FROM sync_applying", error);
}

gboolean
cl_store_resolve_conflict (ClStore   *store,
                           gint64     id,
                           gboolean   keep_mine_value,
                           GError   **error)
{
  static const char sql_read[] =
    "SELECT table_name, row_key, student_id, field, mine, theirs FROM conflicts WHERE id = ?";
  static const char sql_forget[] = "DELETE FROM conflicts WHERE id = ?";
  g_auto(Kept) k = { 0 };
  gboolean exists = FALSE, refusal;
  sqlite3_stmt *stmt;
  gboolean ok;
  ClStoreAction a;

  g_return_val_if_fail (CL_IS_STORE (store), FALSE);

  if (!_cl_store_begin (store, &a, error))
    return FALSE;
  ok = (stmt = _cl_store_prepare (store, sql_read, error)) != NULL;
  if (ok)
    {
      sqlite3_bind_int64 (stmt, 1, id);
      ok = _cl_store_each_row (store, stmt, read_kept, &k, N_("reading the conflict"), error);
    }
  if (ok && k.table == NULL)
    ok = _cl_store_invalid (error, _("That conflict was already settled. Nothing was changed."));
  if (ok && (k.key_sql = _cl_store_synced_key_sql (k.table)) == NULL)
    ok = _cl_store_invalid (error, _("The conflict is about a record of \"%s\", which this Caseload does not know. "
                                     "Update Caseload, then settle it. Nothing was changed."), k.table);
  refusal = ok && g_strcmp0 (k.field, REFUSED) == 0;
  if (refusal && keep_mine_value)
    ok = _cl_store_invalid (error, _("The district server does not let your login make this change, so it "
                                     "cannot be kept. Discard it to have the server's version. Nothing was "
                                     "changed."));
  ok = ok && record_exists (store, &k, &exists, error) &&
       (refusal ? discard_refused (store, &k, exists, error)
        : keep_mine_value ? keep_mine (store, &k, exists, error) : keep_theirs (store, &k, exists, error)) &&
       _cl_store_action_audit (&a, k.student_id, k.table, k.row_key, refusal ? WHOLE_RECORD : k.field,
                               keep_mine_value ? k.theirs : k.mine, keep_mine_value ? k.mine : k.theirs, error);
  if (ok && (ok = (stmt = _cl_store_prepare (store, sql_forget, error)) != NULL))
    {
      sqlite3_bind_int64 (stmt, 1, id);
      ok = _cl_store_step (store, stmt, N_("settling a conflict"), error);
    }
  return _cl_store_end (&a, ok, error);
}
