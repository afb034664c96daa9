/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-sync-fetch.c — what a login reads on the district server, copied into a database of its own
 * to compute from (caseload-cli alerts --url): a school's students, or all the login may see
 *
 * Not a laptop's sync: nothing is captured or pushed, and the copy is made to be thrown away. The
 * server's row-level security decides what comes, as for every client.
 */
#define G_LOG_DOMAIN "cl-sync-fetch"

#include <glib/gi18n.h>

#include "cl-sync-private.h"

gboolean
cl_sync_fetch (const char  *url,
               const char  *school_id,
               ClStore     *into,
               guint       *out_students,
               GError     **error)
{
  /* The school's students through the index on their school (caseload.school_students: under
   * row-level security this query could not use it), their records through the index on
   * the student, and of the district's own records what they name: the school, its calendar
   * links, its staff (case managers and meeting teams) and the calendars. Not the state's staff. */
  static const char sql_school[] =
    "SELECT * FROM (SELECT tbl, key, student_id, row::text, seq FROM caseload.records"
    "               WHERE student_id IN (SELECT caseload.school_students ($1))"
    "               UNION ALL"
    "               SELECT tbl, key, student_id, row::text, seq FROM caseload.records"
    "               WHERE tbl = 'staff' AND key IN (SELECT caseload.staff_of_schools (ARRAY[$1]))"
    "               UNION ALL"
    "               SELECT tbl, key, student_id, row::text, seq FROM caseload.records"
    "               WHERE tbl = 'school_calendars' AND caseload.key_school (key) = $1"
    "               UNION ALL"
    "               SELECT tbl, key, student_id, row::text, seq FROM caseload.records"
    "               WHERE tbl = 'schools' AND key = $1"
    "               UNION ALL"
    "               SELECT tbl, key, student_id, row::text, seq FROM caseload.records"
    "               WHERE student_id IS NULL AND tbl IN ('calendars', 'calendar_closed')) AS r"
    " WHERE row IS NOT NULL ORDER BY seq";
  static const char sql_all[] =
    "SELECT tbl, key, student_id, row::text, seq FROM caseload.records WHERE row IS NOT NULL ORDER BY seq";
  g_autoptr(PGconn) conn = _cl_sync_connect_current (url, error);
  g_autoptr(PGresult) result = NULL;
  g_autoptr(GPtrArray) changes = g_ptr_array_new_with_free_func ((GDestroyNotify) cl_store_change_free);
  const char *values[1] = { school_id };
  gint64 position = 0;
  guint applied = 0, students = 0;

  g_return_val_if_fail (CL_IS_STORE (into), FALSE);

  if (conn == NULL)
    return FALSE;
  result = school_id ? PQexecParams (conn, sql_school, 1, NULL, values, NULL, NULL, 0) : PQexec (conn, sql_all);
  if (!_cl_sync_command_ok (conn, result, N_("to list the records"), error))
    return FALSE;
  _cl_sync_add_records (result, changes, &position);
  g_clear_pointer (&result, PQclear);
  for (guint i = 0; i < changes->len; i++)
    students += g_str_equal (((ClStoreChange *) changes->pdata[i])->table, "students");
  if (!cl_store_apply_remote_changes (into, changes, position, &applied, error))
    return FALSE;
  if (out_students)
    *out_students = students;
  return TRUE;
}
