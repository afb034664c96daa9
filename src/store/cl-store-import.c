/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-store-import.c — a caseload into the database, all or nothing, with its audit trail
 *
 * The audit is written here, in C, next to each change, rather than by triggers: the trail needs
 * the OS user and one timestamp per user action, and a trigger knows neither.
 */
#define G_LOG_DOMAIN "cl-store-import"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "cl-store-private.h"

/* An import: one action, and the next free position of each table it adds to. */
typedef struct {
  ClStoreAction  action;
  GHashTable    *next_position;   /* table name -> the position a new record of it takes */
  gint64         position;        /* >= 0: the position the next new record takes instead */
} Audit;

static char *
date_text (ClDate date)
{
  return cl_date_to_iso (date);
}

static char *
bool_text (gboolean value)
{
  return g_strdup (value ? "1" : "0");
}

/* A record of a table with a text primary key: its columns (the key first) and their new values.
 * Writes it, and audits each column whose value changed. A new record goes after the others; the
 * next free position is looked up once per import, not once per record. */
typedef struct {
  const char  *table;
  const char  *select_sql;   /* SELECT <columns> FROM <table> WHERE id = ? */
  const char  *upsert_sql;   /* INSERT … (position = last + 1 for a new row) ON CONFLICT DO UPDATE */
  const char **columns;      /* NULL-terminated, without position */
} RecordKind;

static gboolean
write_record (Audit             *a,
              const RecordKind  *kind,
              const char        *student_id,
              char             **values,
              gboolean           audit_new_fields,
              gboolean          *existed,
              GError           **error)
{
  sqlite3_stmt *stmt = _cl_store_prepare (a->action.store, kind->select_sql, error);
  guint n = g_strv_length ((char **) kind->columns);
  g_autoptr(GPtrArray) old = NULL;
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, values[0], -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      old = g_ptr_array_new_with_free_func (g_free);
      for (guint i = 0; i < n; i++)
        g_ptr_array_add (old, g_strdup ((const char *) sqlite3_column_text (stmt, i)));
    }
  else if (rc != SQLITE_DONE)
    return _cl_store_fail (a->action.store, rc, N_("reading a record"), error);
  sqlite3_reset (stmt);
  *existed = old != NULL;

  if (old == NULL && !audit_new_fields)
    {
      if (!_cl_store_action_audit (&a->action, student_id, kind->table, values[0], "*", NULL, "created", error))
        return FALSE;
    }
  else
    for (guint i = 1; i < n; i++)
      {
        const char *before = old ? g_ptr_array_index (old, i) : NULL;
        if (g_strcmp0 (before, values[i]) != 0 &&
            !_cl_store_action_audit (&a->action, student_id, kind->table, values[0], kind->columns[i], before, values[i], error))
          return FALSE;
      }

  stmt = _cl_store_prepare (a->action.store, kind->upsert_sql, error);
  if (stmt == NULL)
    return FALSE;
  _cl_store_bind_texts (stmt, values, n);
  if (old == NULL)
    {
      gint64 position = a->position;

      if (position < 0)
        {
          position = GPOINTER_TO_SIZE (g_hash_table_lookup (a->next_position, kind->table));
          g_hash_table_insert (a->next_position, (gpointer) kind->table, GSIZE_TO_POINTER (position + 1));
        }
      sqlite3_bind_int64 (stmt, n + 1, position);
    }
  else
    sqlite3_bind_int64 (stmt, n + 1, 0);   /* unused: an update keeps its position */
  return _cl_store_step (a->action.store, stmt, N_("writing a record"), error);
}

static const char *calendar_columns[] = { "id", "first_day", "last_day", "extra", NULL };
static const RecordKind calendar_kind = {
  "calendars",
  "SELECT id, first_day, last_day, extra FROM calendars WHERE id = ?",
  "INSERT INTO calendars (id, first_day, last_day, extra, position)"
  " VALUES (?1, ?2, ?3, ?4, ?5)"
  " ON CONFLICT (id) DO UPDATE SET first_day = ?2, last_day = ?3, extra = ?4",
  calendar_columns,
};

static const char *school_columns[] = { "id", "name", "extra", NULL };
static const RecordKind school_kind = {
  "schools",
  "SELECT id, name, extra FROM schools WHERE id = ?",
  "INSERT INTO schools (id, name, extra, position)"
  " VALUES (?1, ?2, ?3, ?4)"
  " ON CONFLICT (id) DO UPDATE SET name = ?2, extra = ?3",
  school_columns,
};

static const char *staff_columns[] = { "id", "name", "role", "email", "extra", NULL };
static const RecordKind staff_kind = {
  "staff",
  "SELECT id, name, role, email, extra FROM staff WHERE id = ?",
  "INSERT INTO staff (id, name, role, email, extra, position)"
  " VALUES (?1, ?2, ?3, ?4, ?5, ?6)"
  " ON CONFLICT (id) DO UPDATE SET name = ?2, role = ?3, email = ?4, extra = ?5",
  staff_columns,
};

static const char *student_columns[] = {
  "id", "first_name", "last_name", "birth_date", "school_id", "grade", "case_manager_id",
  "home_language", "english_learner", "eligibility_primary", "eligibility_secondary",
  "eligibility_extra", "conservatorship", "part_c", "emancipated_on", "jurisdiction", "extra", NULL
};
static const RecordKind student_kind = {
  "students",
  "SELECT id, first_name, last_name, birth_date, school_id, grade, case_manager_id, home_language,"
  " english_learner, eligibility_primary, eligibility_secondary, eligibility_extra, conservatorship,"
  " part_c, emancipated_on, jurisdiction, extra FROM students WHERE id = ?",
  "INSERT INTO students (id, first_name, last_name, birth_date, school_id, grade, case_manager_id,"
  " home_language, english_learner, eligibility_primary, eligibility_secondary, eligibility_extra,"
  " conservatorship, part_c, emancipated_on, jurisdiction, extra, position)"
  " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18)"
  " ON CONFLICT (id) DO UPDATE SET first_name = ?2, last_name = ?3, birth_date = ?4, school_id = ?5,"
  " grade = ?6, case_manager_id = ?7, home_language = ?8, english_learner = ?9,"
  " eligibility_primary = ?10, eligibility_secondary = ?11, eligibility_extra = ?12,"
  " conservatorship = ?13, part_c = ?14, emancipated_on = ?15, jurisdiction = ?16, extra = ?17",
  student_columns,
};

static void
free_values (char **values,
             guint  n)
{
  for (guint i = 0; i < n; i++)
    g_free (values[i]);
}

static gboolean
import_calendar (Audit           *a,
                 ClCalendarYear  *cal,
                 gboolean         fresh,
                 GError         **error)
{
  static const char sql_clear[] = "DELETE FROM calendar_closed WHERE calendar_id = ?";
  static const char sql_closed[] =
    "INSERT INTO calendar_closed (calendar_id, position, from_day, to_day, label, holiday, extra)"
    " VALUES (?, ?, ?, ?, ?, ?, ?)";
  char *values[] = { g_strdup (cal->id), date_text (cal->first_day), date_text (cal->last_day),
                     _cl_store_json_text (cal->extra) };
  gboolean existed, ok;
  sqlite3_stmt *stmt;

  ok = write_record (a, &calendar_kind, NULL, values, FALSE, &existed, error);
  free_values (values, G_N_ELEMENTS (values));
  if (!ok)
    return FALSE;
  if (existed && !fresh)
    {
      if ((stmt = _cl_store_prepare (a->action.store, sql_clear, error)) == NULL)
        return FALSE;
      sqlite3_bind_text (stmt, 1, cal->id, -1, SQLITE_STATIC);
      if (!_cl_store_step (a->action.store, stmt, N_("updating a calendar"), error))
        return FALSE;
    }
  for (guint i = 0; i < cal->closed->len; i++)
    {
      const ClClosedRange *r = &g_array_index (cal->closed, ClClosedRange, i);
      g_autofree char *position = g_strdup_printf ("%u", i);
      char *v[] = { cal->id, position, date_text (r->from), date_text (r->to), r->label,
                    bool_text (r->holiday), _cl_store_json_text (r->extra) };

      if ((stmt = _cl_store_prepare (a->action.store, sql_closed, error)) == NULL)
        ok = FALSE;
      else
        {
          _cl_store_bind_texts (stmt, v, G_N_ELEMENTS (v));
          ok = _cl_store_step (a->action.store, stmt, N_("writing a calendar"), error);
        }
      g_free (v[2]);
      g_free (v[3]);
      g_free (v[5]);
      g_free (v[6]);
      if (!ok)
        return FALSE;
    }
  return TRUE;
}

static gboolean
import_school (Audit     *a,
               ClSchool  *school,
               GError   **error)
{
  static const char sql_clear[] = "DELETE FROM school_calendars WHERE school_id = ?";
  static const char sql_link[] = "INSERT INTO school_calendars (school_id, position, calendar_id) VALUES (?, ?, ?)";
  char *values[] = { g_strdup (school->id), g_strdup (school->name), _cl_store_json_text (school->extra) };
  gboolean existed, ok;
  sqlite3_stmt *stmt;

  ok = write_record (a, &school_kind, NULL, values, FALSE, &existed, error);
  free_values (values, G_N_ELEMENTS (values));
  if (!ok || (stmt = _cl_store_prepare (a->action.store, sql_clear, error)) == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, school->id, -1, SQLITE_STATIC);
  if (!_cl_store_step (a->action.store, stmt, N_("updating a school"), error))
    return FALSE;
  for (guint i = 0; i < school->calendars->len; i++)
    {
      const ClCalendarYear *cal = g_ptr_array_index (school->calendars, i);

      if ((stmt = _cl_store_prepare (a->action.store, sql_link, error)) == NULL)
        return FALSE;
      sqlite3_bind_text (stmt, 1, school->id, -1, SQLITE_STATIC);
      sqlite3_bind_int (stmt, 2, (int) i);
      sqlite3_bind_text (stmt, 3, cal->id, -1, SQLITE_STATIC);
      if (!_cl_store_step (a->action.store, stmt, N_("writing a school"), error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
import_staff (Audit    *a,
              ClStaff  *staff,
              GError  **error)
{
  char *values[] = { g_strdup (staff->id), g_strdup (staff->name),
                     g_strdup (cl_staff_role_names[staff->role]), g_strdup (staff->email),
                     _cl_store_json_text (staff->extra) };
  gboolean existed, ok;

  ok = write_record (a, &staff_kind, NULL, values, FALSE, &existed, error);
  free_values (values, G_N_ELEMENTS (values));
  return ok;
}

/* Audits what is in one list and not the other, as removed and added events. */
static gboolean
audit_event_changes (Audit       *a,
                     const char  *student_id,
                     GPtrArray   *before,
                     GPtrArray   *after,
                     GError     **error)
{
  g_autoptr(GHashTable) counts = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < before->len; i++)
    {
      gpointer key = g_ptr_array_index (before, i);
      g_hash_table_insert (counts, key, GINT_TO_POINTER (GPOINTER_TO_INT (g_hash_table_lookup (counts, key)) + 1));
    }
  for (guint i = 0; i < after->len; i++)
    {
      const char *line = g_ptr_array_index (after, i);
      int n = GPOINTER_TO_INT (g_hash_table_lookup (counts, line));

      if (n > 0)
        g_hash_table_insert (counts, (gpointer) line, GINT_TO_POINTER (n - 1));
      else if (!_cl_store_action_audit (&a->action, student_id, "events", student_id, "event", NULL, line, error))
        return FALSE;
    }
  for (guint i = 0; i < before->len; i++)
    {
      const char *line = g_ptr_array_index (before, i);
      int n = GPOINTER_TO_INT (g_hash_table_lookup (counts, line));

      if (n > 0)
        {
          g_hash_table_insert (counts, (gpointer) line, GINT_TO_POINTER (n - 1));
          if (!_cl_store_action_audit (&a->action, student_id, "events", student_id, "event", line, NULL, error))
            return FALSE;
        }
    }
  return TRUE;
}

static void
uid_queue_free (GQueue *q)
{
  g_queue_free_full (q, g_free);
}

/* The uids of @student_id's events by their audit line (of GQueue of uids, in position order). A
 * bundle carries no event ids: the same event imported again is the one with the same type, date
 * and kind, so it keeps the uid the district server knows it by. */
static GHashTable *
read_event_uids (ClStore     *self,
                 const char  *student_id,
                 GError     **error)
{
  static const char sql[] = "SELECT uid FROM events WHERE student_id = ? ORDER BY position";
  g_autoptr(GHashTable) uids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                       (GDestroyNotify) uid_queue_free);
  g_autoptr(GPtrArray) lines = _cl_store_event_lines (self, student_id, error);
  sqlite3_stmt *stmt = _cl_store_prepare (self, sql, error);
  guint i = 0;
  int rc = SQLITE_DONE;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, student_id, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW && i < lines->len)
    {
      const char *line = lines->pdata[i++];
      GQueue *q = g_hash_table_lookup (uids, line);

      if (q == NULL)
        g_hash_table_insert (uids, g_strdup (line), q = g_queue_new ());
      g_queue_push_tail (q, _cl_store_col_dup (stmt, 0));
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE && rc != SQLITE_ROW)
    {
      _cl_store_fail (self, rc, N_("reading a student's events"), error);
      return NULL;
    }
  return g_steal_pointer (&uids);
}

/* @uids: read_event_uids() of the student's events before they were cleared, NULL if new. */
static gboolean
insert_children (Audit      *a,
                 ClStudent  *s,
                 GHashTable *uids,
                 GError    **error)
{
  static const char sql_guardian[] =
    "INSERT INTO guardians (student_id, position, name, relationship, language, phone, email, address, extra)"
    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";
  sqlite3_stmt *stmt;

  for (guint i = 0; i < s->guardians->len; i++)
    {
      const ClGuardian *g = &g_array_index (s->guardians, ClGuardian, i);
      g_autofree char *extra = _cl_store_json_text (g->extra);

      if ((stmt = _cl_store_prepare (a->action.store, sql_guardian, error)) == NULL)
        return FALSE;
      sqlite3_bind_text (stmt, 1, s->id, -1, SQLITE_STATIC);
      sqlite3_bind_int (stmt, 2, (int) i);
      {
        char *v[] = { g->name, g->relationship, g->language, g->phone, g->email, g->address, extra };
        for (guint k = 0; k < G_N_ELEMENTS (v); k++)
          if (v[k]) sqlite3_bind_text (stmt, 3 + k, v[k], -1, SQLITE_STATIC);
      }
      if (!_cl_store_step (a->action.store, stmt, N_("writing a guardian"), error))
        return FALSE;
    }

  for (guint i = 0; i < s->events->len; i++)
    {
      const ClEvent *e = &g_array_index (s->events, ClEvent, i);
      g_autofree char *uid = NULL;

      if (uids != NULL)
        {
          g_autofree char *line = _cl_store_describe_event (e);
          GQueue *q = g_hash_table_lookup (uids, line);

          uid = q ? g_queue_pop_head (q) : NULL;
        }
      if (!_cl_store_insert_event (a->action.store, s->id, i, e, uid, error))
        return FALSE;
    }

  /* Meetings with their invitees, attempts and checklist: cl-store-meetings.c. */
  for (guint i = 0; i < s->meetings->len; i++)
    if (!_cl_store_insert_meeting (a->action.store, s->id, i, g_ptr_array_index (s->meetings, i), error))
      return FALSE;
  return TRUE;
}

static gboolean
import_student (Audit      *a,
                ClStudent  *s,
                gboolean    fresh,
                GError    **error)
{
  static const char sql_clear[] = "DELETE FROM events WHERE student_id = ?1";
  static const char sql_clear_g[] = "DELETE FROM guardians WHERE student_id = ?1";
  static const char sql_clear_m[] = "DELETE FROM meetings WHERE student_id = ?1";
  char *values[] = {
    g_strdup (s->id), g_strdup (s->first_name), g_strdup (s->last_name), date_text (s->birth_date),
    g_strdup (s->school ? s->school->id : NULL), g_strdup (s->grade),
    g_strdup (s->case_manager ? s->case_manager->id : NULL), g_strdup (s->home_language),
    bool_text (s->english_learner), g_strdup (s->eligibility_primary), g_strdup (s->eligibility_secondary),
    _cl_store_json_text (s->eligibility_extra), bool_text (s->conservatorship), bool_text (s->part_c),
    date_text (s->emancipated_on), g_strdup (s->jurisdiction), _cl_store_json_text (s->extra),
  };
  g_autoptr(GPtrArray) before = NULL;
  g_autoptr(GPtrArray) after = NULL;
  g_autoptr(GHashTable) uids = NULL;
  gboolean existed = FALSE, ok;
  const char *clears[] = { sql_clear, sql_clear_g, sql_clear_m };

  /* Only an update compares the student's old file with the new one. */
  if (!fresh)
    before = _cl_store_event_lines (a->action.store, s->id, error);
  ok = write_record (a, &student_kind, s->id, values, FALSE, &existed, error);
  free_values (values, G_N_ELEMENTS (values));
  if (!ok)
    return FALSE;

  if (existed)
    {
      if ((uids = read_event_uids (a->action.store, s->id, error)) == NULL)
        return FALSE;
      for (guint i = 0; i < G_N_ELEMENTS (clears); i++)
        {
          sqlite3_stmt *stmt = _cl_store_prepare (a->action.store, clears[i], error);
          if (stmt == NULL)
            return FALSE;
          sqlite3_bind_text (stmt, 1, s->id, -1, SQLITE_STATIC);
          if (!_cl_store_step (a->action.store, stmt, N_("updating a student"), error))
            return FALSE;
        }
      after = g_ptr_array_new_with_free_func (g_free);
      for (guint i = 0; i < s->events->len; i++)
        g_ptr_array_add (after, _cl_store_describe_event (&g_array_index (s->events, ClEvent, i)));
      if (!audit_event_changes (a, s->id, before, after, error))
        return FALSE;
    }
  return insert_children (a, s, uids, error);
}

static gboolean
empty_database (Audit   *a,
                GError **error)
{
  static const char sql[] =
    "DELETE FROM checklist_state; DELETE FROM attendance_attempts; DELETE FROM notes;"
    "DELETE FROM invitees; DELETE FROM meetings; DELETE FROM events; DELETE FROM guardians;"
    "DELETE FROM students; DELETE FROM staff; DELETE FROM school_calendars; DELETE FROM schools;"
    "DELETE FROM calendar_closed; DELETE FROM calendars; DELETE FROM meta WHERE key <> 'application';";

  return _cl_store_exec (a->action.store, sql, error) &&
         _cl_store_action_audit (&a->action, NULL, "*", "*", "*", "everything", "replaced by an import", error);
}

static gboolean
load_next_positions (Audit   *a,
                     GError **error)
{
  static const char * const tables[] = { "calendars", "schools", "staff", "students" };
  static const char * const queries[] = {
    "SELECT COALESCE (MAX (position), -1) + 1 FROM calendars",
    "SELECT COALESCE (MAX (position), -1) + 1 FROM schools",
    "SELECT COALESCE (MAX (position), -1) + 1 FROM staff",
    "SELECT COALESCE (MAX (position), -1) + 1 FROM students",
  };

  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    {
      sqlite3_stmt *stmt = _cl_store_prepare (a->action.store, queries[i], error);
      if (stmt == NULL)
        return FALSE;
      if (sqlite3_step (stmt) != SQLITE_ROW)
        return _cl_store_fail (a->action.store, sqlite3_errcode (a->action.store->db), N_("reading the database"),
                               error);
      g_hash_table_insert (a->next_position, (gpointer) tables[i], GSIZE_TO_POINTER (sqlite3_column_int64 (stmt, 0)));
      sqlite3_reset (stmt);
    }
  return TRUE;
}

static gboolean
set_meta (Audit       *a,
          const char  *key,
          const char  *value,
          GError     **error)
{
  static const char sql_set[] = "INSERT INTO meta (key, value) VALUES (?1, ?2) ON CONFLICT (key) DO UPDATE SET value = ?2";
  static const char sql_del[] = "DELETE FROM meta WHERE key = ?1";
  sqlite3_stmt *stmt = _cl_store_prepare (a->action.store, value ? sql_set : sql_del, error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_STATIC);
  if (value)
    sqlite3_bind_text (stmt, 2, value, -1, SQLITE_STATIC);
  return _cl_store_step (a->action.store, stmt, N_("writing the database settings"), error);
}

static gboolean
database_is_empty (ClStore *self)
{
  sqlite3_stmt *stmt = NULL;
  gboolean empty = TRUE;

  if (sqlite3_prepare_v2 (self->db, "SELECT EXISTS (SELECT 1 FROM students) OR EXISTS (SELECT 1 FROM calendars)",
                          -1, &stmt, NULL) == SQLITE_OK && sqlite3_step (stmt) == SQLITE_ROW)
    empty = sqlite3_column_int (stmt, 0) == 0;
  sqlite3_finalize (stmt);
  return empty;
}

static gboolean
set_journal_mode (ClStore    *self,
                  const char *mode)
{
  return _cl_store_set_journal_mode (self->db, mode) == SQLITE_OK;
}

/* A fresh import writes every page of the file anew. Through SQLite's rollback journal each is
 * written once, where the WAL writes it twice, to the log and then at the checkpoint (at 100,000
 * students 1.4 GB of copying in the kernel: 4.0-4.2 s of system time became 1.5-1.6 s, the import
 * 17.0 s became 13.8-14.4 s). The journal keeps what the empty file held, so a crash still leaves
 * it as it was. SQLite leaves WAL only when no other connection has the file open; otherwise the
 * import stays in WAL, as before. */
static gboolean
journal_for_fresh_import (ClStore *self)
{
  return database_is_empty (self) && set_journal_mode (self, "delete");
}

/* A fresh import writes every row of the tables below at once: their secondary indexes are built
 * once after the rows are in (one sort each) rather than kept up to date row by row, which at
 * 100,000 students outgrows the page cache and spills the transaction into the WAL and back. The
 * indexes come back with the SQL they were created with, in the same transaction: the schema is
 * the same after, and a uniqueness the rows break fails the import as a whole. */
static const char sql_deferred_indexes[] =
  "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL"
  " AND tbl_name IN ('students', 'guardians', 'events', 'meetings', 'invitees', 'audit')";

static GPtrArray *
drop_secondary_indexes (ClStore  *self,
                        GError  **error)
{
  g_autoptr(GPtrArray) create = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) drop = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt = NULL;
  int rc;

  if (sqlite3_prepare_v2 (self->db, sql_deferred_indexes, -1, &stmt, NULL) != SQLITE_OK)
    {
      _cl_store_fail (self, sqlite3_errcode (self->db), N_("reading the database"), error);
      return NULL;
    }
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_ptr_array_add (drop, g_strdup_printf ("DROP INDEX \"%s\"", sqlite3_column_text (stmt, 0)));
      g_ptr_array_add (create, _cl_store_col_dup (stmt, 1));
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      _cl_store_fail (self, rc, N_("reading the database"), error);
      return NULL;
    }
  for (guint i = 0; i < drop->len; i++)
    if (!_cl_store_exec (self, drop->pdata[i], error))
      return NULL;
  return g_steal_pointer (&create);
}

static gboolean
create_indexes (ClStore    *self,
                GPtrArray  *create,
                GError    **error)
{
  for (guint i = 0; i < create->len; i++)
    if (!_cl_store_exec (self, create->pdata[i], error))
      return FALSE;
  return TRUE;
}

/* One more record written of @total: the progress is told every 256 and at the end. */
static void
step_progress (ClStoreProgress  progress,
               gpointer         user_data,
               guint           *done,
               guint            total)
{
  if (progress != NULL && (++*done % 256 == 0 || *done == total))
    progress ((double) *done / MAX (total, 1), user_data);
}

typedef struct {
  ClStudent *student;
  guint      place;     /* in the bundle */
} Placed;

static int
compare_student_ids (gconstpointer a,
                     gconstpointer b)
{
  return strcmp (((const Placed *) a)->student->id, ((const Placed *) b)->student->id);
}

/* A fresh import writes the students in the order of their ids, each at the position of its
 * place in @students. Every table of a student's file is keyed by the student's id first, so
 * each row then goes at the end of its table's key: a bundle in another order (by name, by
 * school) otherwise writes all over those B-trees, which at 100,000 students outgrows the page
 * cache (a shuffled bundle took a quarter more CPU time and twice the system time). The positions
 * keep the bundle's order, which the export and the window's list follow. */
static gboolean
import_students_in_key_order (Audit            *a,
                              GPtrArray        *students,
                              ClStoreProgress   progress,
                              gpointer          user_data,
                              guint            *done,
                              guint             total,
                              GError          **error)
{
  g_autoptr(GArray) by_id = g_array_sized_new (FALSE, FALSE, sizeof (Placed), students->len);
  gint64 first = GPOINTER_TO_SIZE (g_hash_table_lookup (a->next_position, "students"));
  gboolean ok = TRUE;

  for (guint i = 0; i < students->len; i++)
    g_array_append_vals (by_id, &(Placed) { students->pdata[i], i }, 1);
  g_array_sort (by_id, compare_student_ids);
  for (guint i = 0; ok && i < by_id->len; i++)
    {
      const Placed *p = &g_array_index (by_id, Placed, i);

      a->position = first + p->place;
      ok = import_student (a, p->student, TRUE, error);
      step_progress (progress, user_data, done, total);
    }
  a->position = -1;
  g_hash_table_insert (a->next_position, (gpointer) "students", GSIZE_TO_POINTER (first + students->len));
  return ok;
}

/* Whether the import must keep the connection's triggers on: FALSE when the database does not
 * sync (nothing in sync_capture: it never has) and its only triggers are the outbox's. Then each
 * trigger's WHEN clause is false and it writes nothing, but SQLite still runs the trigger's
 * program for every row written to find that out: at 100,000 students, 2.8 million times. A
 * database that syncs keeps them, since its server must get every record the import writes; one
 * that starts syncing later sends all it holds then (cl_store_start_capturing_changes). A trigger
 * of another kind keeps them all on (TEMP triggers run either way). Asked inside the import's
 * transaction, whose write lock keeps another connection from starting to sync before the import
 * is committed. */
static gboolean
keeps_triggers (ClStore   *self,
                gboolean  *out_keep,
                GError   **error)
{
  static const char sql_other[] =
    "SELECT EXISTS (SELECT 1 FROM sqlite_master WHERE type = 'trigger' AND name NOT LIKE 'outbox\\_%' ESCAPE '\\')";
  gboolean capturing = TRUE;
  gint64 other = 1;

  if (!cl_store_is_capturing_changes (self, &capturing, error) ||
      !_cl_store_query_int (self, sql_other, NULL, NULL, N_("reading the database"), &other, error))
    return FALSE;
  *out_keep = capturing || other != 0;
  return TRUE;
}

gboolean
cl_store_import (ClStore          *self,
                 ClCaseload       *caseload,
                 gboolean          replace,
                 ClStoreProgress   progress,
                 gpointer          user_data,
                 GError          **error)
{
  g_autofree char *extra = _cl_store_json_text (cl_caseload_get_extra (caseload));
  g_autoptr(GHashTable) next_position = g_hash_table_new (g_str_hash, g_str_equal);
  Audit a = { { NULL, NULL }, next_position, -1 };
  g_autoptr(GPtrArray) deferred = NULL;
  GPtrArray *list;
  guint total, done = 0;
  gboolean fresh, ok = TRUE;
  gboolean keep_triggers = TRUE;
  gboolean left_wal = FALSE;
  int triggers_were = 1;

  g_return_val_if_fail (CL_IS_STORE (self), FALSE);
  g_return_val_if_fail (CL_IS_CASELOAD (caseload), FALSE);

  total = cl_caseload_get_calendars (caseload)->len + cl_caseload_get_schools (caseload)->len +
          cl_caseload_get_staff (caseload)->len + cl_caseload_get_students (caseload)->len;

  left_wal = !replace && journal_for_fresh_import (self);
  if (!_cl_store_begin (self, &a.action, error))
    {
      if (left_wal)
        set_journal_mode (self, "wal");
      return FALSE;
    }
  ok = keeps_triggers (self, &keep_triggers, error);
  /* sqlite3_db_config's last argument gets the setting after the call: asked first, then set. */
  if (ok && !keep_triggers)
    {
      sqlite3_db_config (self->db, SQLITE_DBCONFIG_ENABLE_TRIGGER, -1, &triggers_were);
      sqlite3_db_config (self->db, SQLITE_DBCONFIG_ENABLE_TRIGGER, 0, NULL);
    }
  if (ok && replace)
    ok = empty_database (&a, error);
  fresh = database_is_empty (self);
  if (ok && fresh)
    ok = (deferred = drop_secondary_indexes (self, error)) != NULL;
  ok = ok && load_next_positions (&a, error) && set_meta (&a, "jurisdiction", cl_caseload_get_jurisdiction (caseload), error) &&
       set_meta (&a, "extra", extra, error);

#define EACH(getter, import_one, ...)                                        \
  list = getter (caseload);                                                  \
  for (guint i = 0; ok && i < list->len; i++)                                \
    {                                                                        \
      ok = import_one (&a, g_ptr_array_index (list, i), ##__VA_ARGS__, error); \
      step_progress (progress, user_data, &done, total);                     \
    }
  EACH (cl_caseload_get_calendars, import_calendar, fresh);
  EACH (cl_caseload_get_schools, import_school);
  EACH (cl_caseload_get_staff, import_staff);
  if (fresh)
    ok = ok && import_students_in_key_order (&a, cl_caseload_get_students (caseload), progress, user_data, &done,
                                             total, error);
  else
    {
      EACH (cl_caseload_get_students, import_student, fresh);
    }
#undef EACH

  if (ok && deferred != NULL)
    ok = create_indexes (self, deferred, error);
  ok = _cl_store_end (&a.action, ok, error);
  /* The file goes on in WAL (cl_store_open() asks for it again at the next open if this fails). */
  if (left_wal && !set_journal_mode (self, "wal"))
    g_warning ("%s stays in rollback-journal mode after its import until it is opened again", self->path);
  /* Committed or rolled back, the connection's next change is recorded as before. */
  if (!keep_triggers)
    sqlite3_db_config (self->db, SQLITE_DBCONFIG_ENABLE_TRIGGER, triggers_were, NULL);
  return ok;
}

/* ---- shared with the store's other files (cl-store-private.h) ---- */

gboolean
_cl_store_insert_student_children (ClStore    *self,
                                   ClStudent  *student,
                                   GError    **error)
{
  Audit a = { { self, NULL }, NULL, -1 };

  return insert_children (&a, student, NULL, error);
}
