/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-store-events.c — one event at a time, as the app edits, and the event rows and audit lines
 * the import and the meetings share
 */
#define G_LOG_DOMAIN "cl-store-events"

#include <glib/gi18n-lib.h>

#include "cl-store-private.h"

static const char *
enum_name (const char * const *names,
           guint               n,
           int                 value)
{
  return value >= 0 && (guint) value < n && names[value][0] ? names[value] : NULL;
}

/* One line per event, as the audit trail shows it and as an update compares old and new. */
static char *
event_line (const char *type,
            const char *date,
            const char *kind,
            double      school_days)
{
  if (g_strcmp0 (type, "removal") == 0)
    return g_strdup_printf ("%s %s %s %g days", type, date, kind ? kind : "", school_days);
  return kind ? g_strdup_printf ("%s %s %s", type, date, kind) : g_strdup_printf ("%s %s", type, date);
}

static const char *
event_kind_name (const ClEvent *e)
{
  if (e->type == CL_EVENT_IEP_MEETING)
    return enum_name (cl_meeting_kind_names, CL_N_MEETING_KINDS, e->kind);
  if (e->type == CL_EVENT_REMOVAL)
    return enum_name (cl_removal_kind_names, CL_N_REMOVAL_KINDS, e->kind);
  if (e->type == CL_EVENT_COMPLAINT || e->type == CL_EVENT_COMPLAINT_RESOLVED)
    return enum_name (cl_complaint_kind_names, CL_N_COMPLAINT_KINDS, e->kind);
  return NULL;
}

static char *
describe_event (const ClEvent *e)
{
  char date[11];

  cl_date_format_iso (e->date, date);
  return event_line (cl_event_type_names[e->type], date, event_kind_name (e), e->school_days);
}

/* The line of the current row of a "SELECT type, date, kind, school_days" statement. */
static char *
event_line_of_row (sqlite3_stmt *stmt)
{
  return event_line ((const char *) sqlite3_column_text (stmt, 0), (const char *) sqlite3_column_text (stmt, 1),
                     (const char *) sqlite3_column_text (stmt, 2), sqlite3_column_double (stmt, 3));
}

GPtrArray *
_cl_store_event_lines (ClStore     *self,
                       const char  *student_id,
                       GError     **error)
{
  static const char sql[] =
    "SELECT type, date, kind, school_days FROM events WHERE student_id = ? ORDER BY position";
  sqlite3_stmt *stmt = _cl_store_prepare (self, sql, error);
  GPtrArray *lines = g_ptr_array_new_with_free_func (g_free);
  int rc;

  if (stmt == NULL)
    return lines;
  sqlite3_bind_text (stmt, 1, student_id, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (lines, event_line_of_row (stmt));
  sqlite3_reset (stmt);
  return lines;
}

/* @uid: the event's stable id, kept when a row is written again; NULL for a new event. */
static gboolean
insert_event (ClStore        *store,
              const char     *student_id,
              guint           position,
              const ClEvent  *e,
              const char     *uid,
              GError        **error)
{
  static const char sql_event[] =
    "INSERT INTO events (student_id, position, type, date, kind, origin, school_days, special, eligible,"
    " transition_plan, age_of_majority_informed, has_iep, reason, extra, uid)"
    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, COALESCE (?, lower (hex (randomblob (16)))))";
  g_autofree char *date = cl_date_to_iso (e->date);
  g_autofree char *extra = _cl_store_json_text (e->extra);
  const char *kind = event_kind_name (e), *origin = NULL;
  sqlite3_stmt *stmt;

  if (e->type == CL_EVENT_REFERRAL)
    origin = enum_name (cl_referral_source_names, CL_N_REFERRAL_SOURCES, e->from);
  else if (e->type == CL_EVENT_TRANSFER_IN)
    origin = enum_name (cl_transfer_from_names, CL_N_TRANSFER_FROMS, e->from);

  if ((stmt = _cl_store_prepare (store, sql_event, error)) == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, student_id, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 2, (int) position);
  sqlite3_bind_text (stmt, 3, cl_event_type_names[e->type], -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, date, -1, SQLITE_STATIC);
  if (kind) sqlite3_bind_text (stmt, 5, kind, -1, SQLITE_STATIC);
  if (origin) sqlite3_bind_text (stmt, 6, origin, -1, SQLITE_STATIC);
  if (e->type == CL_EVENT_REMOVAL) sqlite3_bind_double (stmt, 7, e->school_days);
  if (e->special > CL_SPECIAL_NONE) sqlite3_bind_text (stmt, 8, cl_special_circumstance_names[e->special], -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 9, e->eligible);
  sqlite3_bind_int (stmt, 10, e->transition_plan);
  sqlite3_bind_int (stmt, 11, e->age_of_majority_informed);
  sqlite3_bind_int (stmt, 12, e->has_iep);
  if (e->reason) sqlite3_bind_text (stmt, 13, e->reason, -1, SQLITE_STATIC);
  if (extra) sqlite3_bind_text (stmt, 14, extra, -1, SQLITE_STATIC);
  if (uid) sqlite3_bind_text (stmt, 15, uid, -1, SQLITE_STATIC);
  return _cl_store_step (store, stmt, N_("writing an event"), error);
}

/* ---- one event at a time, as the app edits ---- */

/* The event at @position as an audit line, or NULL when there is none. */
static char *
event_line_at (ClStore     *self,
               const char  *student_id,
               guint        position)
{
  static const char sql[] =
    "SELECT type, date, kind, school_days, special, extra FROM events WHERE student_id = ? AND position = ?";
  sqlite3_stmt *stmt = _cl_store_prepare (self, sql, NULL);
  char *line = NULL;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, student_id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 2, (int) position);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      /* A user's change may touch only the special circumstance or what the forms keep in extra
       * (a removal's description, a determination's answers): the line says them too. */
      const char *special = (const char *) sqlite3_column_text (stmt, 4);
      const char *extra = (const char *) sqlite3_column_text (stmt, 5);
      g_autofree char *base = event_line_of_row (stmt);

      line = g_strjoin (" ", base, special ? special : extra, special ? extra : NULL, NULL);
    }
  sqlite3_reset (stmt);
  return line;
}

/* The event an update or a delete is about, as its audit line; an error when it is gone. */
static char *
existing_event_line (ClStore     *self,
                     const char  *student_id,
                     guint        position,
                     GError     **error)
{
  char *line = event_line_at (self, student_id, position);

  if (line == NULL)
    g_set_error (error, CL_STORE_ERROR, CL_STORE_ERROR_INVALID, _("That event of %s no longer exists"), student_id);
  return line;
}

static gboolean
delete_event_row (ClStore     *self,
                  const char  *student_id,
                  guint        position,
                  GError     **error)
{
  static const char sql[] = "DELETE FROM events WHERE student_id = ? AND position = ?";
  sqlite3_stmt *stmt = _cl_store_prepare (self, sql, error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, student_id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 2, (int) position);
  return _cl_store_step (self, stmt, N_("deleting an event"), error);
}

/* A new event of @student_id after the others: its position is the next free one. */
static gboolean
insert_event_at_end (ClStore        *self,
                     const char     *student_id,
                     const ClEvent  *event,
                     guint          *out_position,
                     GError        **error)
{
  static const char sql_next[] = "SELECT COALESCE (MAX (position), -1) + 1 FROM events WHERE student_id = ?";

  return _cl_store_next_position (self, sql_next, student_id, out_position, error) &&
         insert_event (self, student_id, *out_position, event, NULL, error);
}

gboolean
cl_store_add_event (ClStore        *self,
                    const char     *student_id,
                    const ClEvent  *event,
                    guint          *out_position,
                    GError        **error)
{
  g_autofree char *line = NULL;
  guint position = 0;
  gboolean ok;
  ClStoreAction a;

  g_return_val_if_fail (CL_IS_STORE (self), FALSE);

  if (!_cl_store_begin (self, &a, error))
    return FALSE;
  ok = _cl_store_student_exists (self, student_id, error) &&
       insert_event_at_end (self, student_id, event, &position, error);
  if (ok)
    {
      line = event_line_at (self, student_id, position);
      ok = _cl_store_action_audit (&a, student_id, "events", student_id, "event", NULL, line, error);
    }
  if (out_position != NULL)
    *out_position = position;
  return _cl_store_end (&a, ok, error);
}

static char *
event_uid_at (ClStore     *self,
              const char  *student_id,
              guint        position,
              GError     **error)
{
  static const char sql[] = "SELECT uid FROM events WHERE student_id = ? AND position = ?";
  sqlite3_stmt *stmt = _cl_store_prepare (self, sql, error);
  char *uid = NULL;
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, student_id, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 2, (int) position);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    uid = _cl_store_col_dup (stmt, 0);
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW)
    _cl_store_fail (self, rc == SQLITE_DONE ? SQLITE_NOTFOUND : rc, N_("reading an event"), error);
  return uid;
}

gboolean
cl_store_update_event (ClStore        *self,
                       const char     *student_id,
                       guint           position,
                       const ClEvent  *event,
                       GError        **error)
{
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *uid = NULL;
  gboolean ok;
  ClStoreAction a;

  g_return_val_if_fail (CL_IS_STORE (self), FALSE);

  if (!_cl_store_begin (self, &a, error))
    return FALSE;
  before = existing_event_line (self, student_id, position, error);
  ok = before != NULL;
  /* The row keeps its position, so its same-day order does not change, and its uid, so the
   * district server sees the same event changed. */
  uid = ok ? event_uid_at (self, student_id, position, error) : NULL;
  ok = uid != NULL && delete_event_row (self, student_id, position, error) &&
       insert_event (self, student_id, position, event, uid, error);
  if (ok)
    {
      after = event_line_at (self, student_id, position);
      ok = _cl_store_action_audit (&a, student_id, "events", student_id, "event", before, after, error);
    }
  return _cl_store_end (&a, ok, error);
}

gboolean
cl_store_delete_event (ClStore     *self,
                       const char  *student_id,
                       guint        position,
                       GError     **error)
{
  g_autofree char *before = NULL;
  gboolean ok;
  ClStoreAction a;

  g_return_val_if_fail (CL_IS_STORE (self), FALSE);

  if (!_cl_store_begin (self, &a, error))
    return FALSE;
  before = existing_event_line (self, student_id, position, error);
  ok = before != NULL && delete_event_row (self, student_id, position, error) &&
       _cl_store_action_audit (&a, student_id, "events", student_id, "event", before, NULL, error);
  return _cl_store_end (&a, ok, error);
}

/* ---- shared with the store's other files (cl-store-private.h) ---- */

gboolean
_cl_store_insert_event (ClStore        *self,
                        const char     *student_id,
                        guint           position,
                        const ClEvent  *event,
                        const char     *uid,
                        GError        **error)
{
  return insert_event (self, student_id, position, event, uid, error);
}


gboolean
_cl_store_insert_event_at_end (ClStore        *self,
                               const char     *student_id,
                               const ClEvent  *event,
                               guint          *out_position,
                               GError        **error)
{
  return insert_event_at_end (self, student_id, event, out_position, error);
}

char *
_cl_store_describe_event (const ClEvent *event)
{
  return describe_event (event);
}

char *
_cl_store_event_line_at (ClStore    *self,
                         const char *student_id,
                         guint       position)
{
  return event_line_at (self, student_id, position);
}

gboolean
_cl_store_delete_event_row (ClStore     *self,
                            const char  *student_id,
                            guint        position,
                            GError     **error)
{
  return delete_event_row (self, student_id, position, error);
}
