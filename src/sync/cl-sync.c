/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-sync.c — push the outbox to the district's PostgreSQL, pull what changed there */
#define G_LOG_DOMAIN "cl-sync"

#include <glib/gi18n.h>
#include <libpq-fe.h>

#include "cl-sync-private.h"
#include "cl-sync-resources.h"

#define SERVER_RESOURCE_PATH "/io/github/caseload/Caseload/server/"

/* The server's schema, in order: the file at index i takes a server from version i to i + 1. */
static const char * const server_scripts[] = { "001-records.sql", "002-roles.sql", "003-visibility.sql",
                                              "004-staff-scope.sql" };

G_DEFINE_QUARK (cl-sync-error-quark, cl_sync_error)

int
cl_sync_server_schema_version (void)
{
  return (int) G_N_ELEMENTS (server_scripts);
}

/* libpq's message without its trailing newline. */
char *
_cl_sync_pq_message (const char *message)
{
  return g_strchomp (g_strdup (message ? message : ""));
}

static void
ignore_notice (void       *user_data,
               const char *message)
{
}

PGconn *
_cl_sync_connect (const char  *url,
                  GError     **error)
{
  g_autoptr(PGconn) conn = PQconnectdb (url);

  if (PQstatus (conn) != CONNECTION_OK)
    {
      g_autofree char *why = _cl_sync_pq_message (PQerrorMessage (conn));
      g_set_error (error, CL_SYNC_ERROR, CL_SYNC_ERROR_UNREACHABLE,
                   _("Could not reach the district server (%s). Your changes are kept on this computer and go "
                     "with the next sync."), why);
      return NULL;
    }
  /* Our own messages say what happened; the server's NOTICEs are for its log. */
  PQsetNoticeProcessor (conn, ignore_notice, NULL);
  return g_steal_pointer (&conn);
}

gboolean
_cl_sync_command_ok (PGconn      *conn,
                     PGresult    *result,
                     const char  *doing,
                     GError     **error)
{
  ExecStatusType status = PQresultStatus (result);
  g_autofree char *why = NULL;

  if (status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK)
    return TRUE;
  why = _cl_sync_pq_message (result ? PQresultErrorMessage (result) : PQerrorMessage (conn));
  /* TRANSLATORS: what the server refused (e.g. "a change", "to list what changed"), then PostgreSQL's words */
  g_set_error (error, CL_SYNC_ERROR, CL_SYNC_ERROR_FAILED, _("The district server refused %s (%s)."), _(doing), why);
  return FALSE;
}

gboolean
_cl_sync_exec (PGconn      *conn,
               const char  *sql,
               const char  *doing,
               GError     **error)
{
  g_autoptr(PGresult) result = PQexec (conn, sql);

  return _cl_sync_command_ok (conn, result, doing, error);
}

/* The schema version of the server: 0 when it has none yet. */
gboolean
_cl_sync_server_version (PGconn  *conn,
                         int     *out_version,
                         GError **error)
{
  g_autoptr(PGresult) exists = PQexec (conn, "SELECT to_regclass ('caseload.meta') IS NOT NULL");
  g_autoptr(PGresult) result = NULL;

  if (!_cl_sync_command_ok (conn, exists, N_("to say its Caseload version"), error))
    return FALSE;
  *out_version = 0;
  if (g_strcmp0 (PQgetvalue (exists, 0, 0), "t") != 0)
    return TRUE;
  result = PQexec (conn, "SELECT value FROM caseload.meta WHERE key = 'schema_version'");
  if (!_cl_sync_command_ok (conn, result, N_("to say its Caseload version"), error))
    return FALSE;
  if (PQntuples (result) > 0)
    *out_version = (int) g_ascii_strtoll (PQgetvalue (result, 0, 0), NULL, 10);
  return TRUE;
}

gboolean
_cl_sync_refuse_newer (int      version,
                       GError **error)
{
  g_set_error (error, CL_SYNC_ERROR, CL_SYNC_ERROR_SCHEMA_TOO_NEW,
               _("The district server was set up by a newer Caseload (server schema %d; this one knows up to %d). "
                 "Update Caseload, then sync again. Nothing was changed."), version, cl_sync_server_schema_version ());
  return FALSE;
}

PGconn *
_cl_sync_connect_current (const char  *url,
                          GError     **error)
{
  g_autoptr(PGconn) conn = _cl_sync_connect (url, error);
  int version = 0;

  if (conn == NULL || !_cl_sync_server_version (conn, &version, error))
    return NULL;
  if (version > cl_sync_server_schema_version ())
    return _cl_sync_refuse_newer (version, error), NULL;
  if (version == 0)
    {
      g_set_error (error, CL_SYNC_ERROR, CL_SYNC_ERROR_NOT_INITIALISED,
                   _("The district server’s database has not been set up for Caseload. Ask the district’s IT to run "
                     "“caseload-cli server init”. Nothing was changed."));
      return NULL;
    }
  /* What this Caseload sends and asks for (readable_students, the position's sequence) comes
   * with the current schema: an older one is upgraded first, by the same command. */
  if (version < cl_sync_server_schema_version ())
    {
      g_set_error (error, CL_SYNC_ERROR, CL_SYNC_ERROR_NOT_INITIALISED,
                   _("The district server has Caseload’s schema %d and this Caseload needs %d. Ask the district’s IT "
                     "to run “caseload-cli server init” to upgrade it. Nothing was changed."),
                   version, cl_sync_server_schema_version ());
      return NULL;
    }
  return g_steal_pointer (&conn);
}

gboolean
cl_sync_server_init (const char  *url,
                     int         *out_from,
                     GError     **error)
{
  g_autoptr(PGconn) conn = _cl_sync_connect (url, error);
  int version = 0;
  gboolean ok;

  if (conn == NULL)
    return FALSE;
  ok = _cl_sync_exec (conn, "BEGIN", N_("to start setting up"), error) &&
       /* Two administrators running init at once: the second waits, then sees the first's. */
       _cl_sync_exec (conn, "SELECT pg_advisory_xact_lock (hashtext ('caseload.schema'))", N_("to set up Caseload"), error) &&
       _cl_sync_server_version (conn, &version, error);
  if (ok && version > cl_sync_server_schema_version ())
    ok = _cl_sync_refuse_newer (version, error);
  for (int i = version; ok && i < cl_sync_server_schema_version (); i++)
    {
      g_autofree char *path = g_strconcat (SERVER_RESOURCE_PATH, server_scripts[i], NULL);
      g_autoptr(GBytes) script = g_resource_lookup_data (cl_sync_get_resource (), path, 0, error);
      g_autofree char *sql = script ? g_strndup (g_bytes_get_data (script, NULL), g_bytes_get_size (script)) : NULL;
      g_autofree char *bump = g_strdup_printf ("UPDATE caseload.meta SET value = '%d' WHERE key = 'schema_version'", i + 1);

      ok = sql != NULL && _cl_sync_exec (conn, sql, N_("Caseload's schema"), error) && _cl_sync_exec (conn, bump, N_("Caseload's schema"), error);
    }
  ok = _cl_sync_exec (conn, ok ? "COMMIT" : "ROLLBACK", N_("to finish setting up"), ok ? error : NULL) && ok;
  if (ok && out_from != NULL)
    *out_from = version;
  return ok;
}

gboolean
cl_sync_server_add_user (const char          *url,
                         const char          *login,
                         const char          *password,
                         const char          *role,
                         const char          *staff_id,
                         const char * const  *schools,
                         GError             **error)
{
  static const char sql[] = "SELECT caseload.add_user ($1, $2, $3, $4, string_to_array ($5, E'\\x1f'))";
  g_autoptr(PGconn) conn = _cl_sync_connect_current (url, error);
  g_autoptr(PGresult) result = NULL;
  g_autofree char *joined = schools && schools[0] ? g_strjoinv ("\x1f", (char **) schools) : NULL;
  const char *values[] = { login, password, role, staff_id, joined };

  if (conn == NULL)
    return FALSE;
  result = PQexecParams (conn, sql, G_N_ELEMENTS (values), NULL, values, NULL, NULL, 0);
  return _cl_sync_command_ok (conn, result, N_("the login"), error);
}

/* ---- push ---- */

/* Sends @change: its own transaction on the server, so what the server has is exactly the
 * changes it answered, and a change sent again gets the answer it had. */
static gboolean
push_one (PGconn               *conn,
          const ClStoreChange  *change,
          const char          **out_answer,
          GError              **error)
{
  static const char sql[] = "SELECT caseload.push_change ($1::uuid, $2, $3, $4, $5::jsonb, $6::jsonb, $7::timestamptz)";
  const char *values[] = { change->change_id, change->table, change->row_key, change->student_id, change->base,
                           change->row, change->at };
  g_autoptr(PGresult) result = PQexecParams (conn, sql, G_N_ELEMENTS (values), NULL, values, NULL, NULL, 0);

  if (!_cl_sync_command_ok (conn, result, N_("a change"), error))
    return FALSE;
  /* The answers apply_change and push_change give, as static strings. */
  *out_answer = g_strcmp0 (PQgetvalue (result, 0, 0), "conflict") == 0 ? "conflict"
              : g_strcmp0 (PQgetvalue (result, 0, 0), "refused") == 0 ? "refused" : "applied";
  return TRUE;
}

/* What the server kept of @change that it could not take: each field someone else changed first,
 * with their value, who and when. */
static GPtrArray *
conflicts_of (PGconn               *conn,
              const ClStoreChange  *change,
              GError              **error)
{
  static const char sql[] =
    "SELECT field, mine::text, theirs::text, theirs_by,"
    "       to_char (theirs_at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"')"
    " FROM caseload.conflicts WHERE change_id = $1::uuid ORDER BY id";
  const char *values[] = { change->change_id };
  g_autoptr(PGresult) result = PQexecParams (conn, sql, 1, NULL, values, NULL, NULL, 0);
  g_autoptr(GPtrArray) conflicts = g_ptr_array_new_with_free_func ((GDestroyNotify) cl_store_server_conflict_free);

  if (!_cl_sync_command_ok (conn, result, N_("to say what it kept of a change"), error))
    return NULL;
  for (int i = 0; i < PQntuples (result); i++)
    {
      ClStoreServerConflict *c = g_new0 (ClStoreServerConflict, 1);

      c->field = g_strdup (PQgetvalue (result, i, 0));
      c->mine = PQgetisnull (result, i, 1) ? NULL : g_strdup (PQgetvalue (result, i, 1));
      c->theirs = PQgetisnull (result, i, 2) ? NULL : g_strdup (PQgetvalue (result, i, 2));
      c->their_author = PQgetisnull (result, i, 3) ? NULL : g_strdup (PQgetvalue (result, i, 3));
      c->their_time = PQgetisnull (result, i, 4) ? NULL : g_strdup (PQgetvalue (result, i, 4));
      g_ptr_array_add (conflicts, c);
    }
  return g_steal_pointer (&conflicts);
}

/* The record @change is about as the server has it and this login reads it (NULL: none). */
static gboolean
server_row_of (PGconn               *conn,
               const ClStoreChange  *change,
               char                **out_row,
               GError              **error)
{
  static const char sql[] = "SELECT row::text FROM caseload.records WHERE tbl = $1 AND key = $2";
  const char *values[] = { change->table, change->row_key };
  g_autoptr(PGresult) result = PQexecParams (conn, sql, G_N_ELEMENTS (values), NULL, values, NULL, NULL, 0);

  if (!_cl_sync_command_ok (conn, result, N_("to send the record a refused change was about"), error))
    return FALSE;
  *out_row = PQntuples (result) > 0 && !PQgetisnull (result, 0, 0) ? g_strdup (PQgetvalue (result, 0, 0)) : NULL;
  return TRUE;
}

static gboolean
push (PGconn        *conn,
      ClStore       *store,
      ClSyncResult  *r,
      GError       **error)
{
  g_autoptr(GPtrArray) changes = NULL;

  if (!cl_store_seal_changes (store, NULL, error) ||
      (changes = cl_store_list_pending_changes (store, error)) == NULL)
    return FALSE;
  for (guint i = 0; i < changes->len; i++)
    {
      const ClStoreChange *change = changes->pdata[i];
      g_autoptr(GPtrArray) conflicts = NULL;
      const char *answer = NULL;

      if (!push_one (conn, change, &answer, error))
        return FALSE;
      r->pushed++;
      /* A change the login may not make is no longer sent (the server would refuse it again) and
       * no longer holds the record back from the server's changes: it is kept as a refusal the
       * person sees, with the record as the server has it, and discards. Nothing is lost. */
      if (g_str_equal (answer, "refused"))
        {
          g_autofree char *server_row = NULL;

          if (!server_row_of (conn, change, &server_row, error) ||
              !cl_store_settle_refused_change (store, change, server_row, error))
            return FALSE;
          r->refused++;
          continue;
        }
      /* Cut off before the store has it, the change is sent again, answered from
       * caseload.changes, and its conflicts are read again. */
      if (g_str_equal (answer, "conflict") && (conflicts = conflicts_of (conn, change, error)) == NULL)
        return FALSE;
      if (!cl_store_settle_pushed_change (store, change, conflicts, error))
        return FALSE;
      r->conflicts += g_str_equal (answer, "conflict");
    }
  return TRUE;
}

/* ---- pull ---- */

void
_cl_sync_add_records (PGresult  *result,
                      GPtrArray *changes,
                      gint64    *position)
{
  for (int i = 0; i < PQntuples (result); i++)
    {
      ClStoreChange *c = g_new0 (ClStoreChange, 1);

      c->table = g_strdup (PQgetvalue (result, i, 0));
      c->row_key = g_strdup (PQgetvalue (result, i, 1));
      c->student_id = PQgetisnull (result, i, 2) ? NULL : g_strdup (PQgetvalue (result, i, 2));
      c->row = PQgetisnull (result, i, 3) ? NULL : g_strdup (PQgetvalue (result, i, 3));
      c->seq = g_ascii_strtoll (PQgetvalue (result, i, 4), NULL, 10);
      *position = MAX (*position, c->seq);
      g_ptr_array_add (changes, c);
    }
}

/* A student this laptop does not hold who comes in a pull after its first (reassigned to this
 * login's case manager, moved into the principal's school) brings all of their records, not only
 * those changed since: the rest sit below the position this laptop has reached. */
static gboolean
add_newly_visible (PGconn     *conn,
                   ClStore    *store,
                   GPtrArray  *changes,
                   gint64      since,
                   GError    **error)
{
  static const char sql[] =
    "SELECT tbl, key, student_id, row::text, seq FROM caseload.records"
    " WHERE student_id = ANY (string_to_array ($1, E'\\x1f')) AND seq <= $2::bigint AND tbl <> 'students'"
    " ORDER BY seq";
  g_autoptr(GPtrArray) ids = g_ptr_array_new_null_terminated (0, NULL, TRUE);
  g_autoptr(PGresult) result = NULL;
  g_autofree char *joined = NULL;
  g_autofree char *since_text = g_strdup_printf ("%" G_GINT64_FORMAT, since);
  const char *values[2];
  gint64 ignored = 0;

  if (since == 0)
    return TRUE;
  for (guint i = 0; i < changes->len; i++)
    {
      const ClStoreChange *c = changes->pdata[i];
      gboolean holds = TRUE;

      if (!g_str_equal (c->table, "students") || c->row == NULL)
        continue;
      if (!cl_store_holds_student (store, c->row_key, &holds, error))
        return FALSE;
      if (!holds)
        g_ptr_array_add (ids, c->row_key);
    }
  if (ids->len == 0)
    return TRUE;
  joined = g_strjoinv ("\x1f", (char **) ids->pdata);
  values[0] = joined;
  values[1] = since_text;
  result = PQexecParams (conn, sql, 2, NULL, values, NULL, NULL, 0);
  if (!_cl_sync_command_ok (conn, result, N_("to send a newly shared student's records"), error))
    return FALSE;
  _cl_sync_add_records (result, changes, &ignored);
  return TRUE;
}

/* A pull after the first that brings a student at a school new to this laptop (moved there,
 * newly shared) or names a staff member it does not hold (a new case manager, someone joining a
 * meeting team) brings the district's records the laptop now reads and has not read: they sit
 * below its position. Those are the staff and school calendar links it reads (server schema 4),
 * a few hundred records, read again whole rather than worked out one by one. */
static gboolean
add_newly_needed_district (PGconn     *conn,
                           ClStore    *store,
                           GPtrArray  *changes,
                           gint64      since,
                           GError    **error)
{
  static const char sql[] =
    "SELECT * FROM (SELECT tbl, key, student_id, row::text, seq FROM caseload.records"
    "               WHERE tbl = 'staff' AND key IN (SELECT caseload.readable_staff ())"
    "               UNION ALL"
    "               SELECT tbl, key, student_id, row::text, seq FROM caseload.records"
    "               WHERE tbl = 'school_calendars' AND caseload.key_school (key) IN (SELECT caseload.readable_schools ())) AS r"
    " WHERE seq <= $1::bigint ORDER BY seq";
  g_autoptr(PGresult) result = NULL;
  g_autofree char *since_text = g_strdup_printf ("%" G_GINT64_FORMAT, since);
  const char *values[1] = { since_text };
  gboolean needs = FALSE;
  gint64 ignored = 0;

  if (since == 0)
    return TRUE;
  for (guint i = 0; !needs && i < changes->len; i++)
    {
      const ClStoreChange *c = changes->pdata[i];

      if (!cl_store_needs_district_records (store, c->table, c->row, &needs, error))
        return FALSE;
    }
  if (!needs)
    return TRUE;
  result = PQexecParams (conn, sql, 1, NULL, values, NULL, NULL, 0);
  if (!_cl_sync_command_ok (conn, result, N_("to send the staff and calendars of a school new to this computer"), error))
    return FALSE;
  _cl_sync_add_records (result, changes, &ignored);
  return TRUE;
}

/* Where the server stands now: the position of its last write, every write up to it committed.
 * Writers take positions one at a time under an advisory lock held to their commit; taking it
 * shared waits for the one writing, if any. */
static gboolean
server_position (PGconn  *conn,
                 gint64  *out_position,
                 GError **error)
{
  g_autoptr(PGresult) result = NULL;

  if (!_cl_sync_exec (conn, "BEGIN", N_("to say where it stands"), error))
    return FALSE;
  result = PQexec (conn, "SELECT pg_advisory_xact_lock_shared (hashtext ('caseload.positions')),"
                         " CASE WHEN is_called THEN last_value ELSE 0 END FROM caseload.positions");
  if (!_cl_sync_command_ok (conn, result, N_("to say where it stands"), error))
    {
      _cl_sync_exec (conn, "ROLLBACK", N_("to say where it stands"), NULL);
      return FALSE;
    }
  *out_position = g_ascii_strtoll (PQgetvalue (result, 0, 1), NULL, 10);
  return _cl_sync_exec (conn, "COMMIT", N_("to say where it stands"), error);
}

static gboolean
pull (PGconn        *conn,
      ClStore       *store,
      ClSyncResult  *r,
      GError       **error)
{
  static const char sql[] =
    "SELECT tbl, key, student_id, row::text, seq FROM caseload.records WHERE seq > $1::bigint ORDER BY seq";
  /* A first pull of a login that reads a few schools out of a state's: found through the
   * students it reads, the staff and calendar links of the schools it works at, and the
   * district's schools and calendars, by index, not by reading every record the server holds and
   * filtering them. An admin reads everything and takes the plain pull. */
  static const char sql_first[] =
    "SELECT * FROM (SELECT tbl, key, student_id, row::text, seq FROM caseload.records"
    "               WHERE student_id IN (SELECT caseload.readable_students ())"
    "               UNION ALL"
    "               SELECT tbl, key, student_id, row::text, seq FROM caseload.records"
    "               WHERE tbl = 'staff' AND key IN (SELECT caseload.readable_staff ())"
    "               UNION ALL"
    "               SELECT tbl, key, student_id, row::text, seq FROM caseload.records"
    "               WHERE tbl = 'school_calendars' AND caseload.key_school (key) IN (SELECT caseload.readable_schools ())"
    "               UNION ALL"
    "               SELECT tbl, key, student_id, row::text, seq FROM caseload.records"
    "               WHERE student_id IS NULL AND tbl NOT IN ('staff', 'school_calendars')) AS r"
    " WHERE $1::bigint = 0 ORDER BY seq";
  g_autoptr(GPtrArray) changes = g_ptr_array_new_with_free_func ((GDestroyNotify) cl_store_change_free);
  g_autoptr(PGresult) result = NULL;
  g_autofree char *since_text = NULL;
  const char *values[1];
  gint64 since = 0, position, reached = 0;
  gboolean reads_part = FALSE;

  if (!cl_store_get_sync_position (store, &since, error))
    return FALSE;
  since_text = g_strdup_printf ("%" G_GINT64_FORMAT, since);
  values[0] = since_text;
  if (since == 0)
    {
      g_autoptr(PGresult) role = PQexec (conn, "SELECT caseload.my_role () IS DISTINCT FROM 'admin'");

      if (!_cl_sync_command_ok (conn, role, N_("to say what this login reads"), error))
        return FALSE;
      reads_part = g_strcmp0 (PQgetvalue (role, 0, 0), "t") == 0;
    }
  if (!server_position (conn, &reached, error))
    return FALSE;
  result = PQexecParams (conn, reads_part ? sql_first : sql, 1, NULL, values, NULL, NULL, 0);
  if (!_cl_sync_command_ok (conn, result, N_("to list what changed"), error))
    return FALSE;
  position = since;
  _cl_sync_add_records (result, changes, &position);
  /* Everything this login reads up to @reached is in @changes: the next pull starts there, not
   * at the last record it read, so the writes to other schools in between are not read again. */
  position = MAX (position, reached);
  if (!add_newly_visible (conn, store, changes, since, error) ||
      !add_newly_needed_district (conn, store, changes, since, error))
    return FALSE;
  r->position = position;
  return cl_store_apply_remote_changes (store, changes, position, &r->pulled, error);
}

gboolean
cl_sync_run (ClStore       *store,
             const char    *url,
             ClSyncResult  *out_result,
             GError       **error)
{
  g_autoptr(PGconn) conn = NULL;
  ClSyncResult r = { 0 };

  g_return_val_if_fail (CL_IS_STORE (store), FALSE);

  if ((conn = _cl_sync_connect_current (url, error)) == NULL)
    return FALSE;
  if (!cl_store_start_capturing_changes (store, error) || !push (conn, store, &r, error) ||
      !pull (conn, store, &r, error))
    return FALSE;
  if (out_result != NULL)
    *out_result = r;
  return TRUE;
}

/* A value as a connection string keeps it: in single quotes, with \ and ' escaped. */
static void
append_conninfo_value (GString    *out,
                       const char *keyword,
                       const char *value)
{
  if (out->len > 0)
    g_string_append_c (out, ' ');
  g_string_append_printf (out, "%s='", keyword);
  for (const char *p = value; *p; p++)
    {
      if (*p == '\\' || *p == '\'')
        g_string_append_c (out, '\\');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '\'');
}

char *
cl_sync_conninfo (const char  *url,
                  const char  *login,
                  const char  *password,
                  GError     **error)
{
  g_autoptr(GString) out = g_string_new (NULL);
  char *why = NULL;
  PQconninfoOption *options;

  g_return_val_if_fail (url != NULL, NULL);

  if ((options = PQconninfoParse (url, &why)) == NULL)
    {
      g_autofree char *message = _cl_sync_pq_message (why);
      g_set_error (error, CL_SYNC_ERROR, CL_SYNC_ERROR_FAILED,
                   _("The district server’s address is not one PostgreSQL reads (%s). Check it in Preferences."),
                   message);
      PQfreemem (why);
      return NULL;
    }
  for (PQconninfoOption *o = options; o->keyword; o++)
    {
      const char *value = o->val;

      if (g_str_equal (o->keyword, "user") && login && *login)
        value = login;
      else if (g_str_equal (o->keyword, "password") && password && *password)
        value = password;
      if (value && *value)
        append_conninfo_value (out, o->keyword, value);
    }
  PQconninfoFree (options);
  return g_string_free (g_steal_pointer (&out), FALSE);
}
