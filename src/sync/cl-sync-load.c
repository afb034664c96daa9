/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-sync-load.c — an administrator seeds the district server: every record of one or more
 * caseloads sent by COPY in one transaction, all or nothing
 *
 * The records go as a laptop's outbox would send them (cl_store_foreach_record), so laptops pull
 * them exactly as they pull each other's changes. They are streamed into a temporary table and
 * written into caseload.records with one statement at the end, each with its own server position;
 * a record the server already holds is replaced. Only the schema's owner (who ran `server init`)
 * or a superuser may: the group roles write only through caseload.push_change.
 */
#define G_LOG_DOMAIN "cl-sync-load"

#include <glib/gi18n.h>
#include <string.h>

#include "cl-sync-private.h"

struct _ClSyncLoader
{
  PGconn  *conn;
  GString *buffer;     /* COPY text not yet handed to libpq */
  guint64  records;
  gboolean copying;
};

/* Handed to libpq in pieces of about this size: a few round trips, bounded memory. */
#define FLUSH_AT (256 * 1024)

static gboolean
check_may_load (PGconn  *conn,
                GError **error)
{
  g_autoptr(PGresult) result =
    PQexec (conn, "SELECT caseload.my_role () = 'admin' AND has_table_privilege ('caseload.records', 'INSERT')");

  if (!_cl_sync_command_ok (conn, result, N_("to say who may load records"), error))
    return FALSE;
  if (g_strcmp0 (PQgetvalue (result, 0, 0), "t") != 0)
    {
      g_set_error (error, CL_SYNC_ERROR, CL_SYNC_ERROR_FAILED,
                   _("Only the login that set the server up (with server init) or a superuser may load records. "
                     "Nothing was changed."));
      return FALSE;
    }
  return TRUE;
}

ClSyncLoader *
cl_sync_loader_new (const char  *url,
                    GError     **error)
{
  g_autoptr(PGconn) conn = _cl_sync_connect_current (url, error);
  g_autoptr(PGresult) copy = NULL;
  ClSyncLoader *self;

  if (conn == NULL)
    return NULL;
  if (!check_may_load (conn, error) ||
      !_cl_sync_exec (conn, "BEGIN", N_("to start loading"), error) ||
      !_cl_sync_exec (conn, "CREATE TEMPORARY TABLE load_records (n bigserial, tbl text NOT NULL, key text NOT NULL,"
                            " student_id text, row jsonb NOT NULL) ON COMMIT DROP",
                      N_("to start loading"), error))
    return NULL;
  copy = PQexec (conn, "COPY load_records (tbl, key, student_id, row) FROM STDIN");
  if (PQresultStatus (copy) != PGRES_COPY_IN)
    {
      _cl_sync_command_ok (conn, copy, N_("to take the records"), error);
      return NULL;
    }
  self = g_new0 (ClSyncLoader, 1);
  self->conn = g_steal_pointer (&conn);
  self->buffer = g_string_sized_new (FLUSH_AT + 4096);
  self->copying = TRUE;
  return self;
}

/* @value as a field of COPY's text format (\N for NULL; backslash, tab and line ends escaped). */
static void
append_field (GString    *out,
              const char *value)
{
  if (value == NULL)
    {
      g_string_append (out, "\\N");
      return;
    }
  for (const char *p = value; *p; p++)
    switch (*p)
      {
      case '\\': g_string_append (out, "\\\\"); break;
      case '\t': g_string_append (out, "\\t"); break;
      case '\n': g_string_append (out, "\\n"); break;
      case '\r': g_string_append (out, "\\r"); break;
      default: g_string_append_c (out, *p); break;
      }
}

static gboolean
flush (ClSyncLoader  *self,
       GError       **error)
{
  if (self->buffer->len == 0)
    return TRUE;
  if (PQputCopyData (self->conn, self->buffer->str, (int) self->buffer->len) != 1)
    {
      g_autofree char *why = _cl_sync_pq_message (PQerrorMessage (self->conn));
      g_set_error (error, CL_SYNC_ERROR, CL_SYNC_ERROR_FAILED,
                   _("The connection to the district server broke while loading (%s). Nothing was changed."), why);
      return FALSE;
    }
  g_string_truncate (self->buffer, 0);
  return TRUE;
}

static gboolean
add_record (const char  *table,
            const char  *key,
            const char  *student_id,
            const char  *row,
            gpointer     user_data,
            GError     **error)
{
  ClSyncLoader *self = user_data;

  append_field (self->buffer, table);
  g_string_append_c (self->buffer, '\t');
  append_field (self->buffer, key);
  g_string_append_c (self->buffer, '\t');
  append_field (self->buffer, student_id);
  g_string_append_c (self->buffer, '\t');
  append_field (self->buffer, row);
  g_string_append_c (self->buffer, '\n');
  self->records++;
  return self->buffer->len < FLUSH_AT || flush (self, error);
}

gboolean
cl_sync_loader_add_store (ClSyncLoader  *self,
                          ClStore       *store,
                          GError       **error)
{
  g_return_val_if_fail (self != NULL && self->copying, FALSE);

  return cl_store_foreach_record (store, add_record, self, error) && flush (self, error);
}

gboolean
cl_sync_loader_commit (ClSyncLoader  *self,
                       guint64       *out_records,
                       GError       **error)
{
  g_autoptr(PGresult) copied = NULL;
  gboolean ok;

  g_return_val_if_fail (self != NULL && self->copying, FALSE);

  self->copying = FALSE;
  if (!flush (self, error))
    return FALSE;
  if (PQputCopyEnd (self->conn, NULL) != 1)
    {
      g_autofree char *why = _cl_sync_pq_message (PQerrorMessage (self->conn));
      g_set_error (error, CL_SYNC_ERROR, CL_SYNC_ERROR_FAILED,
                   _("The connection to the district server broke while loading (%s). Nothing was changed."), why);
      return FALSE;
    }
  copied = PQgetResult (self->conn);
  ok = _cl_sync_command_ok (self->conn, copied, N_("the records"), error);
  /* libpq wants every result read before the next statement. */
  for (PGresult *more; (more = PQgetResult (self->conn)) != NULL;)
    PQclear (more);
  /* One writer at a time takes positions (as caseload.apply_change does), so a laptop pulling
   * after position N never misses a record committed later with a smaller one. */
  ok = ok &&
       _cl_sync_exec (self->conn, "SELECT pg_advisory_xact_lock (hashtext ('caseload.positions'))",
                      N_("to take positions for the records"), error) &&
       _cl_sync_exec (self->conn,
                      "INSERT INTO caseload.records AS r (tbl, key, student_id, row, seq)"
                      /* A record loaded twice (the calendars every part of a synthetic district
                       * shares, a student in two bundles) counts once: the last one loaded. */
                      " SELECT tbl, key, student_id, row, nextval ('caseload.positions') FROM"
                      "   (SELECT DISTINCT ON (tbl, key) tbl, key, student_id, row FROM load_records"
                      "    ORDER BY tbl, key, n DESC) AS latest"
                      " ON CONFLICT (tbl, key) DO UPDATE"
                      "   SET row = EXCLUDED.row, seq = EXCLUDED.seq, student_id = EXCLUDED.student_id,"
                      "       changed_by = current_user, changed_at = now()",
                      N_("the records"), error) &&
       _cl_sync_exec (self->conn, "COMMIT", N_("to keep the records"), error) &&
       /* The planner's statistics describe the table before the load: without them a pull
        * after position N reads every record (seconds at a million students) instead of the
        * index. */
       _cl_sync_exec (self->conn, "ANALYZE caseload.records", N_("to update its statistics"), error);
  if (ok && out_records)
    *out_records = self->records;
  return ok;
}

void
cl_sync_loader_free (ClSyncLoader *self)
{
  if (self == NULL)
    return;
  /* Not committed: closing the connection rolls everything back. */
  PQfinish (self->conn);
  g_string_free (self->buffer, TRUE);
  g_free (self);
}
