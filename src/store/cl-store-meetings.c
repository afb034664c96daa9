/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-store-meetings.c — planned meetings as the facilitator edits them: the meeting with its
 * invitees and excusals, the log of attempts to bring the parent, the live checklist, and the
 * moment a plan becomes a held meeting
 *
 * Each public function is one user action: one transaction, with an audit row per change. An
 * update rewrites the meeting's row in place (never delete + insert), so that the attempts and the
 * checklist, which cascade from it, survive.
 *
 * The attempts and the checklist are not facts of the bundle format; an export carries them as two
 * members of the meeting ("attendance_attempts", "checklist"), which an older reader keeps as
 * unknown data and an import here puts back in their tables.
 */
#define G_LOG_DOMAIN "cl-store-meetings"

#include <glib/gi18n-lib.h>
#include <stdlib.h>
#include <string.h>

#include "cl-store-private.h"

#define MEMBER_ATTEMPTS  "attendance_attempts"
#define MEMBER_CHECKLIST "checklist"

void
cl_attendance_attempt_free (ClAttendanceAttempt *attempt)
{
  if (attempt == NULL)
    return;
  g_free (attempt->outcome);
  g_free (attempt);
}

/* The meetings' own JSON: an empty extra is stored as none. */
static char *
json_text (JsonObject *object)
{
  if (object == NULL || json_object_get_size (object) == 0)
    return NULL;
  return _cl_store_json_text (object);
}

/* @sql prepared with the meeting's key bound: ?1 the student, ?2 the meeting. */
static sqlite3_stmt *
prepare_for (ClStore     *self,
             const char  *sql,
             const char  *student_id,
             const char  *meeting_id,
             GError     **error)
{
  sqlite3_stmt *stmt = _cl_store_prepare (self, sql, error);

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, student_id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, meeting_id, -1, SQLITE_TRANSIENT);
  return stmt;
}

/* ---- what a meeting looks like in the audit trail ---- */

static char *
minutes_text (int minutes)
{
  return minutes >= 0 ? g_strdup_printf ("%02d:%02d", minutes / 60, minutes % 60) : NULL;
}

static char *
meeting_line (const ClMeeting *m)
{
  g_autofree char *date = cl_date_to_iso (m->date);
  g_autofree char *time = minutes_text (m->start_minutes);
  GString *line = g_string_new (cl_meeting_kind_names[m->kind]);

  g_string_append_printf (line, " %s", date);
  if (time)
    g_string_append_printf (line, " %s", time);
  if (m->location && *m->location)
    g_string_append_printf (line, ", %s", m->location);
  return g_string_free (line, FALSE);
}

static char *
invitee_line (const ClInvitee *inv)
{
  GString *line = g_string_new (cl_role_names[inv->role]);

  if (inv->staff_id)
    g_string_append_printf (line, " %s", inv->staff_id);
  else if (inv->name)
    g_string_append_printf (line, " %s", inv->name);
  if (!inv->attending)
    g_string_append (line, ", not attending");
  if (inv->excusal.present)
    {
      g_autofree char *consent = cl_date_to_iso (inv->excusal.parent_written_consent);
      g_autofree char *input = cl_date_to_iso (inv->excusal.written_input);

      g_string_append_printf (line, ", excusal (area %s; parent %s; input %s)",
                              inv->excusal.area_discussed ? "discussed" : "not discussed",
                              consent ? consent : "-", input ? input : "-");
    }
  return g_string_free (line, FALSE);
}

/* ---- the attempts and checklist as members of an exported meeting ---- */

static gboolean
attempts_member_valid (JsonNode *node)
{
  JsonArray *array;

  if (!JSON_NODE_HOLDS_ARRAY (node))
    return FALSE;
  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *item = json_array_get_element (array, i);
      JsonObject *o;
      ClDate date;

      if (!JSON_NODE_HOLDS_OBJECT (item))
        return FALSE;
      o = json_node_get_object (item);
      if (!cl_date_parse_iso (json_object_get_string_member_with_default (o, "date", ""), &date) ||
          cl_enum_from_name (cl_contact_method_names, CL_N_CONTACT_METHODS,
                             json_object_get_string_member_with_default (o, "method", "")) < 0)
        return FALSE;
    }
  return TRUE;
}

static gboolean
checklist_member_valid (JsonNode *node)
{
  JsonObjectIter iter;
  const char *name;
  JsonNode *value;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return FALSE;
  json_object_iter_init (&iter, json_node_get_object (node));
  while (json_object_iter_next (&iter, &name, &value))
    if (!JSON_NODE_HOLDS_VALUE (value) || json_node_get_value_type (value) != G_TYPE_BOOLEAN)
      return FALSE;
  return TRUE;
}

/* Whether @member of @extra is app data this store reads into its own table. A malformed one
 * stays in extra, as unknown data, rather than being dropped. */
static JsonNode *
app_member (JsonObject *extra,
            const char *member)
{
  JsonNode *node = extra ? json_object_get_member (extra, member) : NULL;

  if (node == NULL)
    return NULL;
  if (g_str_equal (member, MEMBER_ATTEMPTS) ? attempts_member_valid (node) : checklist_member_valid (node))
    return node;
  return NULL;
}

/* The meeting's extra without the members that go to tables of their own. */
static char *
meeting_extra_text (JsonObject *extra)
{
  g_autoptr(JsonObject) copy = NULL;
  JsonObjectIter iter;
  const char *name;
  JsonNode *value;

  if (extra == NULL)
    return NULL;
  copy = json_object_new ();
  json_object_iter_init (&iter, extra);
  while (json_object_iter_next (&iter, &name, &value))
    if (!((g_str_equal (name, MEMBER_ATTEMPTS) || g_str_equal (name, MEMBER_CHECKLIST)) &&
          app_member (extra, name) != NULL))
      json_object_set_member (copy, name, json_node_copy (value));
  return json_text (copy);
}

static gboolean
insert_attempt (ClStore     *self,
                const char  *student_id,
                const char  *meeting_id,
                ClDate       date,
                int          method,
                const char  *outcome,
                gint64      *out_id,
                GError     **error)
{
  static const char sql[] =
    "INSERT INTO attendance_attempts (student_id, meeting_id, date, method, outcome) VALUES (?, ?, ?, ?, ?)";
  sqlite3_stmt *stmt = _cl_store_prepare (self, sql, error);
  g_autofree char *day = cl_date_to_iso (date);

  if (stmt == NULL)
    return FALSE;
  if (day == NULL || method < 0 || method >= CL_N_CONTACT_METHODS)
    {
      g_set_error (error, CL_STORE_ERROR, CL_STORE_ERROR_INVALID,
                   _("An attempt to reach the parent needs a date and a method; nothing was changed."));
      return FALSE;
    }
  sqlite3_bind_text (stmt, 1, student_id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, meeting_id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, day, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, cl_contact_method_names[method], -1, SQLITE_STATIC);
  _cl_store_bind_text_or_null (stmt, 5, outcome && *outcome ? outcome : NULL);
  if (!_cl_store_step (self, stmt, N_("writing an attempt to reach the parent"), error))
    return FALSE;
  if (out_id != NULL)
    *out_id = sqlite3_last_insert_rowid (self->db);
  return TRUE;
}

static gboolean
write_checklist_item (ClStore     *self,
                      const char  *student_id,
                      const char  *meeting_id,
                      const char  *item,
                      gboolean     done,
                      GError     **error)
{
  static const char sql[] =
    "INSERT INTO checklist_state (student_id, meeting_id, item, done) VALUES (?1, ?2, ?3, ?4)"
    " ON CONFLICT (student_id, meeting_id, item) DO UPDATE SET done = ?4";
  sqlite3_stmt *stmt = _cl_store_prepare (self, sql, error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, student_id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, meeting_id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, item, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 4, done ? 1 : 0);
  return _cl_store_step (self, stmt, N_("ticking a checklist item"), error);
}

static gboolean
insert_app_data (ClStore          *self,
                 const char       *student_id,
                 const ClMeeting  *m,
                 GError          **error)
{
  JsonNode *attempts = app_member (m->extra, MEMBER_ATTEMPTS);
  JsonNode *checklist = app_member (m->extra, MEMBER_CHECKLIST);

  if (attempts != NULL)
    {
      JsonArray *array = json_node_get_array (attempts);

      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          JsonObject *o = json_array_get_object_element (array, i);
          ClDate date = CL_DATE_NONE;

          cl_date_parse_iso (json_object_get_string_member (o, "date"), &date);
          if (!insert_attempt (self, student_id, m->id, date,
                               cl_enum_from_name (cl_contact_method_names, CL_N_CONTACT_METHODS,
                                                  json_object_get_string_member (o, "method")),
                               json_object_get_string_member_with_default (o, "outcome", NULL), NULL, error))
            return FALSE;
        }
    }
  if (checklist != NULL)
    {
      JsonObjectIter iter;
      const char *name;
      JsonNode *value;

      json_object_iter_init (&iter, json_node_get_object (checklist));
      while (json_object_iter_next (&iter, &name, &value))
        if (!write_checklist_item (self, student_id, m->id, name, json_node_get_boolean (value), error))
          return FALSE;
    }
  return TRUE;
}

static gboolean
insert_invitees (ClStore          *self,
                 const char       *student_id,
                 const ClMeeting  *m,
                 GError          **error)
{
  static const char sql[] =
    "INSERT INTO invitees (student_id, meeting_id, position, role, name, staff_id, attending, excusal,"
    " area_discussed, parent_written_consent, written_input, excusal_extra, extra)"
    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

  for (guint j = 0; j < m->invitees->len; j++)
    {
      const ClInvitee *inv = &g_array_index (m->invitees, ClInvitee, j);
      g_autofree char *consent = cl_date_to_iso (inv->excusal.parent_written_consent);
      g_autofree char *input = cl_date_to_iso (inv->excusal.written_input);
      g_autofree char *x_extra = json_text (inv->excusal.extra);
      g_autofree char *i_extra = json_text (inv->extra);
      sqlite3_stmt *stmt = _cl_store_prepare (self, sql, error);

      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_text (stmt, 1, student_id, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 2, m->id, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int (stmt, 3, (int) j);
      sqlite3_bind_text (stmt, 4, cl_role_names[inv->role], -1, SQLITE_STATIC);
      _cl_store_bind_text_or_null (stmt, 5, inv->name);
      _cl_store_bind_text_or_null (stmt, 6, inv->staff_id);
      sqlite3_bind_int (stmt, 7, inv->attending);
      sqlite3_bind_int (stmt, 8, inv->excusal.present);
      sqlite3_bind_int (stmt, 9, inv->excusal.area_discussed);
      _cl_store_bind_text_or_null (stmt, 10, consent);
      _cl_store_bind_text_or_null (stmt, 11, input);
      _cl_store_bind_text_or_null (stmt, 12, x_extra);
      _cl_store_bind_text_or_null (stmt, 13, i_extra);
      if (!_cl_store_step (self, stmt, N_("writing an invitee"), error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
meeting_valid (const ClMeeting  *m,
               GError          **error)
{
  if (m->id == NULL || !*m->id || m->date == CL_DATE_NONE || m->kind >= CL_N_MEETING_KINDS ||
      m->start_minutes >= 24 * 60)
    {
      g_set_error (error, CL_STORE_ERROR, CL_STORE_ERROR_INVALID,
                   _("A meeting needs an id, a kind and a date; nothing was changed."));
      return FALSE;
    }
  for (guint i = 0; i < m->invitees->len; i++)
    if (g_array_index (m->invitees, ClInvitee, i).role >= CL_N_ROLES)
      {
        g_set_error (error, CL_STORE_ERROR, CL_STORE_ERROR_INVALID,
                     _("An invitee of meeting %s has no role; nothing was changed."), m->id);
        return FALSE;
      }
  return TRUE;
}

gboolean
_cl_store_insert_meeting (ClStore          *self,
                          const char       *student_id,
                          guint             position,
                          const ClMeeting  *m,
                          GError          **error)
{
  static const char sql[] =
    "INSERT INTO meetings (student_id, id, position, kind, date, start_minutes, location, notice_sent,"
    " interpreter, extra) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
  g_autofree char *date = cl_date_to_iso (m->date);
  g_autofree char *notice = cl_date_to_iso (m->notice_sent);
  g_autofree char *extra = meeting_extra_text (m->extra);
  sqlite3_stmt *stmt;

  if (!meeting_valid (m, error) || (stmt = _cl_store_prepare (self, sql, error)) == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, student_id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, m->id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 3, (int) position);
  sqlite3_bind_text (stmt, 4, cl_meeting_kind_names[m->kind], -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, date, -1, SQLITE_TRANSIENT);
  if (m->start_minutes >= 0)
    sqlite3_bind_int (stmt, 6, m->start_minutes);
  _cl_store_bind_text_or_null (stmt, 7, m->location);
  _cl_store_bind_text_or_null (stmt, 8, notice);
  _cl_store_bind_text_or_null (stmt, 9, m->interpreter);
  _cl_store_bind_text_or_null (stmt, 10, extra);
  return _cl_store_step (self, stmt, N_("writing a meeting"), error) &&
         insert_invitees (self, student_id, m, error) &&
         insert_app_data (self, student_id, m, error);
}

/* ---- export: the attempts and checklist into each meeting's extra ---- */

ClMeeting *
_cl_store_find_meeting (ClStudent  *student,
                        const char *meeting_id)
{
  for (guint i = 0; student && i < student->meetings->len; i++)
    {
      ClMeeting *m = g_ptr_array_index (student->meetings, i);
      if (g_str_equal (m->id, meeting_id))
        return m;
    }
  return NULL;
}

static JsonObject *
ensure_extra (ClMeeting *m)
{
  if (m->extra == NULL)
    m->extra = json_object_new ();
  return m->extra;
}

void
_cl_store_add_attempt_row (ClMeeting    *m,
                           sqlite3_stmt *stmt)
{
  JsonObject *extra = ensure_extra (m), *o;

  if (!json_object_has_member (extra, MEMBER_ATTEMPTS))
    json_object_set_array_member (extra, MEMBER_ATTEMPTS, json_array_new ());
  o = json_object_new ();
  json_object_set_string_member (o, "date", (const char *) sqlite3_column_text (stmt, 2));
  json_object_set_string_member (o, "method", (const char *) sqlite3_column_text (stmt, 3));
  if (sqlite3_column_type (stmt, 4) != SQLITE_NULL)
    json_object_set_string_member (o, "outcome", (const char *) sqlite3_column_text (stmt, 4));
  json_array_add_object_element (json_object_get_array_member (extra, MEMBER_ATTEMPTS), o);
}

void
_cl_store_add_checklist_row (ClMeeting    *m,
                             sqlite3_stmt *stmt)
{
  JsonObject *extra = ensure_extra (m);

  if (!json_object_has_member (extra, MEMBER_CHECKLIST))
    json_object_set_object_member (extra, MEMBER_CHECKLIST, json_object_new ());
  json_object_set_boolean_member (json_object_get_object_member (extra, MEMBER_CHECKLIST),
                                  (const char *) sqlite3_column_text (stmt, 2),
                                  sqlite3_column_int (stmt, 3) != 0);
}

/* The meeting of the caseload @c that the current row's first two columns (student, meeting)
 * name; NULL when the caseload has no such meeting. */
static ClMeeting *
row_meeting (sqlite3_stmt *stmt,
             ClCaseload   *c)
{
  ClStudent *s = cl_caseload_lookup_student (c, (const char *) sqlite3_column_text (stmt, 0));

  return _cl_store_find_meeting (s, (const char *) sqlite3_column_text (stmt, 1));
}

static void
add_attempt_member (sqlite3_stmt *stmt,
                    gpointer      caseload)
{
  ClMeeting *m = row_meeting (stmt, caseload);

  if (m != NULL)
    _cl_store_add_attempt_row (m, stmt);
}

static void
add_checklist_member (sqlite3_stmt *stmt,
                      gpointer      caseload)
{
  ClMeeting *m = row_meeting (stmt, caseload);

  if (m != NULL)
    _cl_store_add_checklist_row (m, stmt);
}

gboolean
_cl_store_meetings_add_app_data (ClStore     *self,
                                 ClCaseload  *caseload,
                                 GError     **error)
{
  static const char sql_attempts[] =
    "SELECT " CL_STORE_ATTEMPT_COLUMNS " FROM attendance_attempts ORDER BY student_id, meeting_id, date, id";
  static const char sql_checklist[] =
    "SELECT " CL_STORE_CHECKLIST_COLUMNS " FROM checklist_state ORDER BY student_id, meeting_id, item";
  sqlite3_stmt *stmt;

  if ((stmt = _cl_store_prepare (self, sql_attempts, error)) == NULL ||
      !_cl_store_each_row (self, stmt, add_attempt_member, caseload, N_("reading the attempts to reach parents"),
                           error))
    return FALSE;
  if ((stmt = _cl_store_prepare (self, sql_checklist, error)) == NULL ||
      !_cl_store_each_row (self, stmt, add_checklist_member, caseload, N_("reading the meeting checklists"), error))
    return FALSE;
  return TRUE;
}

/* ---- one meeting at a time ---- */

/* The stored meeting as the store reads it (kind, date, start, place, notice, interpreter, and
 * one line per invitee), or NULL with an error when there is none. */
typedef struct {
  char      *line;
  char      *kind;
  char      *date;
  char      *start;
  char      *location;
  char      *notice_sent;
  char      *interpreter;
  GPtrArray *invitees;
} StoredMeeting;

static void
stored_meeting_free (StoredMeeting *m)
{
  g_free (m->line);
  g_free (m->kind);
  g_free (m->date);
  g_free (m->start);
  g_free (m->location);
  g_free (m->notice_sent);
  g_free (m->interpreter);
  g_clear_pointer (&m->invitees, g_ptr_array_unref);
  g_free (m);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (StoredMeeting, stored_meeting_free)

/* The audit line of the current row of a "SELECT role, name, staff_id, attending, excusal,
 * area_discussed, parent_written_consent, written_input" statement, added to @lines. */
static void
add_invitee_line (sqlite3_stmt *stmt,
                  gpointer      lines)
{
  ClInvitee inv = { 0 };

  inv.role = MAX (0, cl_enum_from_name (cl_role_names, CL_N_ROLES, (const char *) sqlite3_column_text (stmt, 0)));
  inv.name = (char *) sqlite3_column_text (stmt, 1);
  inv.staff_id = (char *) sqlite3_column_text (stmt, 2);
  inv.attending = sqlite3_column_int (stmt, 3) != 0;
  inv.excusal.present = sqlite3_column_int (stmt, 4) != 0;
  inv.excusal.area_discussed = sqlite3_column_int (stmt, 5) != 0;
  if (sqlite3_column_type (stmt, 6) != SQLITE_NULL)
    cl_date_parse_iso ((const char *) sqlite3_column_text (stmt, 6), &inv.excusal.parent_written_consent);
  if (sqlite3_column_type (stmt, 7) != SQLITE_NULL)
    cl_date_parse_iso ((const char *) sqlite3_column_text (stmt, 7), &inv.excusal.written_input);
  g_ptr_array_add (lines, invitee_line (&inv));
}

static StoredMeeting *
read_stored (ClStore     *self,
             const char  *student_id,
             const char  *meeting_id,
             GError     **error)
{
  static const char sql[] =
    "SELECT kind, date, start_minutes, location, notice_sent, interpreter FROM meetings WHERE student_id = ? AND id = ?";
  static const char sql_invitees[] =
    "SELECT role, name, staff_id, attending, excusal, area_discussed, parent_written_consent, written_input"
    " FROM invitees WHERE student_id = ? AND meeting_id = ? ORDER BY position";
  sqlite3_stmt *stmt = prepare_for (self, sql, student_id, meeting_id, error);
  g_autoptr(StoredMeeting) m = NULL;
  ClMeeting shape = { 0 };
  int rc;

  if (stmt == NULL)
    return NULL;
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      sqlite3_reset (stmt);
      if (rc != SQLITE_DONE)
        _cl_store_fail (self, rc, N_("reading a meeting"), error);
      else
        g_set_error (error, CL_STORE_ERROR, CL_STORE_ERROR_INVALID,
                     _("The meeting %s of %s no longer exists; nothing was changed."), meeting_id, student_id);
      return NULL;
    }
  m = g_new0 (StoredMeeting, 1);
  m->kind = _cl_store_col_dup (stmt, 0);
  m->date = _cl_store_col_dup (stmt, 1);
  m->start = sqlite3_column_type (stmt, 2) == SQLITE_NULL ? NULL : minutes_text (sqlite3_column_int (stmt, 2));
  m->location = _cl_store_col_dup (stmt, 3);
  m->notice_sent = _cl_store_col_dup (stmt, 4);
  m->interpreter = _cl_store_col_dup (stmt, 5);
  sqlite3_reset (stmt);

  shape.kind = MAX (0, cl_enum_from_name (cl_meeting_kind_names, CL_N_MEETING_KINDS, m->kind));
  cl_date_parse_iso (m->date, &shape.date);
  shape.start_minutes = -1;
  if (m->start)
    shape.start_minutes = atoi (m->start) * 60 + atoi (m->start + 3);
  shape.location = m->location;
  m->line = meeting_line (&shape);

  m->invitees = g_ptr_array_new_with_free_func (g_free);
  if ((stmt = prepare_for (self, sql_invitees, student_id, meeting_id, error)) == NULL ||
      !_cl_store_each_row (self, stmt, add_invitee_line, m->invitees, N_("reading a meeting's invitees"), error))
    return NULL;
  return g_steal_pointer (&m);
}

static gboolean
delete_meeting_row (ClStore     *self,
                    const char  *student_id,
                    const char  *meeting_id,
                    GError     **error)
{
  static const char sql[] = "DELETE FROM meetings WHERE student_id = ? AND id = ?";
  sqlite3_stmt *stmt = prepare_for (self, sql, student_id, meeting_id, error);

  return stmt != NULL && _cl_store_step (self, stmt, N_("deleting a meeting"), error);
}

static gboolean
add_meeting_in (ClStoreAction    *a,
                const char       *student_id,
                const ClMeeting  *meeting,
                GError          **error)
{
  static const char sql_next[] = "SELECT COALESCE (MAX (position), -1) + 1 FROM meetings WHERE student_id = ?";
  g_autofree char *line = NULL;
  guint position = 0;

  if (!_cl_store_student_exists (a->store, student_id, error) ||
      !_cl_store_next_position (a->store, sql_next, student_id, &position, error) ||
      !_cl_store_insert_meeting (a->store, student_id, position, meeting, error))
    return FALSE;
  line = meeting_line (meeting);
  if (!_cl_store_action_audit (a, student_id, "meetings", meeting->id, "meeting", NULL, line, error))
    return FALSE;
  for (guint i = 0; i < meeting->invitees->len; i++)
    {
      g_autofree char *who = invitee_line (&g_array_index (meeting->invitees, ClInvitee, i));
      if (!_cl_store_action_audit (a, student_id, "invitees", meeting->id, "invitee", NULL, who, error))
        return FALSE;
    }
  return TRUE;
}

gboolean
cl_store_add_meeting (ClStore          *self,
                      const char       *student_id,
                      const ClMeeting  *meeting,
                      GError          **error)
{
  ClStoreAction a;

  g_return_val_if_fail (CL_IS_STORE (self), FALSE);
  g_return_val_if_fail (student_id != NULL && meeting != NULL, FALSE);

  if (!_cl_store_begin (self, &a, error))
    return FALSE;
  return _cl_store_end (&a, add_meeting_in (&a, student_id, meeting, error), error);
}

static gboolean
audit_field (ClStoreAction  *a,
             const char     *student_id,
             const char     *meeting_id,
             const char     *field,
             const char     *before,
             const char     *after,
             GError        **error)
{
  if (g_strcmp0 (before, after) == 0)
    return TRUE;
  return _cl_store_action_audit (a, student_id, "meetings", meeting_id, field, before, after, error);
}

gboolean
cl_store_update_meeting (ClStore          *self,
                         const char       *student_id,
                         const ClMeeting  *meeting,
                         GError          **error)
{
  static const char sql[] =
    "UPDATE meetings SET kind = ?, date = ?, start_minutes = ?, location = ?, notice_sent = ?, interpreter = ?,"
    " extra = ? WHERE student_id = ? AND id = ?";
  static const char sql_clear[] = "DELETE FROM invitees WHERE student_id = ? AND meeting_id = ?";
  g_autoptr(StoredMeeting) before = NULL;
  g_autofree char *date = NULL;
  g_autofree char *notice = NULL;
  g_autofree char *start = NULL;
  g_autofree char *extra = NULL;
  sqlite3_stmt *stmt;
  gboolean ok;
  guint n_before, n_after;
  ClStoreAction a;

  g_return_val_if_fail (CL_IS_STORE (self), FALSE);
  g_return_val_if_fail (student_id != NULL && meeting != NULL, FALSE);

  if (!_cl_store_begin (self, &a, error))
    return FALSE;
  before = read_stored (self, student_id, meeting->id, error);
  ok = before != NULL && meeting_valid (meeting, error) && (stmt = _cl_store_prepare (self, sql, error)) != NULL;
  if (!ok)
    return _cl_store_end (&a, FALSE, error);

  date = cl_date_to_iso (meeting->date);
  notice = cl_date_to_iso (meeting->notice_sent);
  start = minutes_text (meeting->start_minutes);
  extra = meeting_extra_text (meeting->extra);
  sqlite3_bind_text (stmt, 1, cl_meeting_kind_names[meeting->kind], -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, date, -1, SQLITE_TRANSIENT);
  if (meeting->start_minutes >= 0)
    sqlite3_bind_int (stmt, 3, meeting->start_minutes);
  else
    sqlite3_bind_null (stmt, 3);
  _cl_store_bind_text_or_null (stmt, 4, meeting->location);
  _cl_store_bind_text_or_null (stmt, 5, notice);
  _cl_store_bind_text_or_null (stmt, 6, meeting->interpreter);
  _cl_store_bind_text_or_null (stmt, 7, extra);
  sqlite3_bind_text (stmt, 8, student_id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 9, meeting->id, -1, SQLITE_TRANSIENT);
  ok = _cl_store_step (self, stmt, N_("changing a meeting"), error) &&
       audit_field (&a, student_id, meeting->id, "kind", before->kind, cl_meeting_kind_names[meeting->kind], error) &&
       audit_field (&a, student_id, meeting->id, "date", before->date, date, error) &&
       audit_field (&a, student_id, meeting->id, "starts", before->start, start, error) &&
       audit_field (&a, student_id, meeting->id, "location", before->location, meeting->location, error) &&
       audit_field (&a, student_id, meeting->id, "notice_sent", before->notice_sent, notice, error) &&
       audit_field (&a, student_id, meeting->id, "interpreter", before->interpreter, meeting->interpreter, error);

  /* The invitees are rewritten whole; the audit says which lines changed. */
  if (ok && (stmt = _cl_store_prepare (self, sql_clear, error)) != NULL)
    {
      sqlite3_bind_text (stmt, 1, student_id, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 2, meeting->id, -1, SQLITE_TRANSIENT);
      ok = _cl_store_step (self, stmt, N_("changing a meeting's invitees"), error) &&
           insert_invitees (self, student_id, meeting, error);
    }
  else
    ok = FALSE;
  n_before = before->invitees->len;
  n_after = meeting->invitees->len;
  for (guint i = 0; ok && i < MAX (n_before, n_after); i++)
    {
      const char *old_line = i < n_before ? g_ptr_array_index (before->invitees, i) : NULL;
      g_autofree char *new_line = i < n_after ? invitee_line (&g_array_index (meeting->invitees, ClInvitee, i)) : NULL;

      if (g_strcmp0 (old_line, new_line) != 0)
        ok = _cl_store_action_audit (&a, student_id, "invitees", meeting->id, "invitee", old_line, new_line, error);
    }
  return _cl_store_end (&a, ok, error);
}

gboolean
cl_store_delete_meeting (ClStore     *self,
                         const char  *student_id,
                         const char  *meeting_id,
                         GError     **error)
{
  g_autoptr(StoredMeeting) before = NULL;
  gboolean ok;
  ClStoreAction a;

  g_return_val_if_fail (CL_IS_STORE (self), FALSE);

  if (!_cl_store_begin (self, &a, error))
    return FALSE;
  before = read_stored (self, student_id, meeting_id, error);
  ok = before != NULL && delete_meeting_row (self, student_id, meeting_id, error) &&
       _cl_store_action_audit (&a, student_id, "meetings", meeting_id, "meeting", before->line, NULL, error);
  return _cl_store_end (&a, ok, error);
}

/* ---- the parent's attendance: attempts to arrange it ---- */

static char *
attempt_line (ClDate      date,
              int         method,
              const char *outcome)
{
  g_autofree char *day = cl_date_to_iso (date);

  return g_strdup_printf ("%s %s%s%s", day ? day : "-",
                          method >= 0 && method < CL_N_CONTACT_METHODS ? cl_contact_method_names[method] : "?",
                          outcome && *outcome ? ": " : "", outcome && *outcome ? outcome : "");
}

gboolean
cl_store_add_attendance_attempt (ClStore          *self,
                                 const char       *student_id,
                                 const char       *meeting_id,
                                 ClDate            date,
                                 ClContactMethod   method,
                                 const char       *outcome,
                                 gint64           *out_id,
                                 GError          **error)
{
  g_autoptr(StoredMeeting) meeting = NULL;
  g_autofree char *line = NULL;
  gboolean ok;
  ClStoreAction a;

  g_return_val_if_fail (CL_IS_STORE (self), FALSE);

  if (!_cl_store_begin (self, &a, error))
    return FALSE;
  meeting = read_stored (self, student_id, meeting_id, error);
  line = attempt_line (date, method, outcome);
  ok = meeting != NULL && insert_attempt (self, student_id, meeting_id, date, method, outcome, out_id, error) &&
       _cl_store_action_audit (&a, student_id, "attendance_attempts", meeting_id, "attempt", NULL, line, error);
  return _cl_store_end (&a, ok, error);
}

gboolean
cl_store_delete_attendance_attempt (ClStore     *self,
                                    gint64       attempt_id,
                                    GError     **error)
{
  static const char sql_read[] = "SELECT student_id, meeting_id, date, method, outcome FROM attendance_attempts WHERE id = ?";
  static const char sql_delete[] = "DELETE FROM attendance_attempts WHERE id = ?";
  g_autofree char *student_id = NULL;
  g_autofree char *meeting_id = NULL;
  g_autofree char *line = NULL;
  sqlite3_stmt *stmt;
  gboolean ok = FALSE;
  ClStoreAction a;

  g_return_val_if_fail (CL_IS_STORE (self), FALSE);

  if (!_cl_store_begin (self, &a, error))
    return FALSE;
  if ((stmt = _cl_store_prepare (self, sql_read, error)) != NULL)
    {
      sqlite3_bind_int64 (stmt, 1, attempt_id);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        {
          ClDate date = CL_DATE_NONE;

          student_id = _cl_store_col_dup (stmt, 0);
          meeting_id = _cl_store_col_dup (stmt, 1);
          cl_date_parse_iso ((const char *) sqlite3_column_text (stmt, 2), &date);
          line = attempt_line (date, cl_enum_from_name (cl_contact_method_names, CL_N_CONTACT_METHODS,
                                                        (const char *) sqlite3_column_text (stmt, 3)),
                               (const char *) sqlite3_column_text (stmt, 4));
        }
      sqlite3_reset (stmt);
      if (line == NULL)
        g_set_error (error, CL_STORE_ERROR, CL_STORE_ERROR_INVALID,
                     _("That attempt to reach the parent no longer exists; nothing was changed."));
      else if ((stmt = _cl_store_prepare (self, sql_delete, error)) != NULL)
        {
          sqlite3_bind_int64 (stmt, 1, attempt_id);
          ok = _cl_store_step (self, stmt, N_("deleting an attempt to reach the parent"), error) &&
               _cl_store_action_audit (&a, student_id, "attendance_attempts", meeting_id, "attempt", line, NULL, error);
        }
    }
  return _cl_store_end (&a, ok, error);
}

static void
add_attempt_row (sqlite3_stmt *stmt,
                 gpointer      list)
{
  ClAttendanceAttempt *attempt = g_new0 (ClAttendanceAttempt, 1);

  attempt->id = sqlite3_column_int64 (stmt, 0);
  cl_date_parse_iso ((const char *) sqlite3_column_text (stmt, 1), &attempt->date);
  attempt->method = MAX (0, cl_enum_from_name (cl_contact_method_names, CL_N_CONTACT_METHODS,
                                               (const char *) sqlite3_column_text (stmt, 2)));
  attempt->outcome = _cl_store_col_dup (stmt, 3);
  g_ptr_array_add (list, attempt);
}

GPtrArray *
cl_store_list_attendance_attempts (ClStore     *self,
                                   const char  *student_id,
                                   const char  *meeting_id,
                                   GError     **error)
{
  static const char sql[] =
    "SELECT id, date, method, outcome FROM attendance_attempts WHERE student_id = ? AND meeting_id = ?"
    " ORDER BY date, id";
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) cl_attendance_attempt_free);
  sqlite3_stmt *stmt;

  g_return_val_if_fail (CL_IS_STORE (self), NULL);

  if ((stmt = prepare_for (self, sql, student_id, meeting_id, error)) == NULL ||
      !_cl_store_each_row (self, stmt, add_attempt_row, list, N_("reading the attempts to reach the parent"), error))
    return NULL;
  return g_steal_pointer (&list);
}

/* ---- the live checklist ---- */

gboolean
cl_store_set_checklist_item (ClStore     *self,
                             const char  *student_id,
                             const char  *meeting_id,
                             const char  *item,
                             gboolean     done,
                             GError     **error)
{
  static const char sql_old[] = "SELECT done FROM checklist_state WHERE student_id = ? AND meeting_id = ? AND item = ?";
  g_autoptr(StoredMeeting) meeting = NULL;
  const char *before = NULL;
  sqlite3_stmt *stmt;
  gboolean ok;
  ClStoreAction a;

  g_return_val_if_fail (CL_IS_STORE (self), FALSE);
  g_return_val_if_fail (item != NULL && *item, FALSE);

  if (!_cl_store_begin (self, &a, error))
    return FALSE;
  meeting = read_stored (self, student_id, meeting_id, error);
  ok = meeting != NULL && (stmt = prepare_for (self, sql_old, student_id, meeting_id, error)) != NULL;
  if (ok)
    {
      sqlite3_bind_text (stmt, 3, item, -1, SQLITE_TRANSIENT);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        before = sqlite3_column_int (stmt, 0) ? "done" : "not done";
      sqlite3_reset (stmt);
      ok = write_checklist_item (self, student_id, meeting_id, item, done, error) &&
           (g_strcmp0 (before, done ? "done" : "not done") == 0 ||
            _cl_store_action_audit (&a, student_id, "checklist_state", meeting_id, item, before, done ? "done" : "not done", error));
    }
  return _cl_store_end (&a, ok, error);
}

static void
add_checklist_row (sqlite3_stmt *stmt,
                   gpointer      items)
{
  g_hash_table_insert (items, _cl_store_col_dup (stmt, 0), GINT_TO_POINTER (sqlite3_column_int (stmt, 1) != 0));
}

GHashTable *
cl_store_list_checklist (ClStore     *self,
                         const char  *student_id,
                         const char  *meeting_id,
                         GError     **error)
{
  static const char sql[] = "SELECT item, done FROM checklist_state WHERE student_id = ? AND meeting_id = ?";
  g_autoptr(GHashTable) items = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  sqlite3_stmt *stmt;

  g_return_val_if_fail (CL_IS_STORE (self), NULL);

  if ((stmt = prepare_for (self, sql, student_id, meeting_id, error)) == NULL ||
      !_cl_store_each_row (self, stmt, add_checklist_row, items, N_("reading a meeting checklist"), error))
    return NULL;
  return g_steal_pointer (&items);
}

/* ---- after the meeting ---- */

gboolean
cl_store_record_meeting_held (ClStore        *self,
                              const char     *student_id,
                              const char     *meeting_id,
                              const ClEvent  *event,
                              guint          *out_position,
                              GError        **error)
{
  g_autoptr(StoredMeeting) meeting = NULL;
  g_autofree char *line = NULL;
  gboolean ok;
  guint position = 0;
  ClStoreAction a;

  g_return_val_if_fail (CL_IS_STORE (self), FALSE);
  g_return_val_if_fail (event != NULL, FALSE);

  if (event->type != CL_EVENT_IEP_MEETING)
    {
      g_set_error (error, CL_STORE_ERROR, CL_STORE_ERROR_INVALID,
                   _("A held meeting is recorded as an IEP meeting event; nothing was changed."));
      return FALSE;
    }
  if (!_cl_store_begin (self, &a, error))
    return FALSE;
  meeting = read_stored (self, student_id, meeting_id, error);
  ok = meeting != NULL && _cl_store_insert_event_at_end (self, student_id, event, &position, error);
  if (ok)
    {
      line = _cl_store_describe_event (event);
      ok = _cl_store_action_audit (&a, student_id, "events", student_id, "event", NULL, line, error) &&
           delete_meeting_row (self, student_id, meeting_id, error) &&
           _cl_store_action_audit (&a, student_id, "meetings", meeting_id, "meeting", meeting->line, "held", error);
    }
  if (out_position != NULL)
    *out_position = position;
  return _cl_store_end (&a, ok, error);
}

gboolean
cl_store_unrecord_meeting_held (ClStore          *self,
                                const char       *student_id,
                                guint             event_position,
                                const ClMeeting  *meeting,
                                GPtrArray        *attempts,
                                GHashTable       *checklist,
                                GError          **error)
{
  g_autofree char *line = NULL;
  gboolean ok;
  ClStoreAction a;

  g_return_val_if_fail (CL_IS_STORE (self), FALSE);
  g_return_val_if_fail (meeting != NULL, FALSE);

  if (!_cl_store_begin (self, &a, error))
    return FALSE;
  line = _cl_store_event_line_at (self, student_id, event_position);
  if (line == NULL)
    {
      g_set_error (error, CL_STORE_ERROR, CL_STORE_ERROR_INVALID,
                   _("The held meeting of %s is no longer in the timeline; nothing was changed."), student_id);
      return _cl_store_end (&a, FALSE, error);
    }
  ok = _cl_store_delete_event_row (self, student_id, event_position, error) &&
       _cl_store_action_audit (&a, student_id, "events", student_id, "event", line, NULL, error) &&
       add_meeting_in (&a, student_id, meeting, error) &&
       _cl_store_write_meeting_records (self, student_id, meeting->id, attempts, checklist, error);
  return _cl_store_end (&a, ok, error);
}

/* ---- for the undo of a deleted student (cl-store-app-records.c) ---- */

gboolean
_cl_store_write_meeting_records (ClStore      *self,
                                 const char   *student_id,
                                 const char   *meeting_id,
                                 GPtrArray    *attempts,
                                 GHashTable   *checklist,
                                 GError      **error)
{
  gboolean ok = TRUE;

  /* In the order given (by date): the new ids keep it among same-day attempts. */
  for (guint i = 0; ok && attempts && i < attempts->len; i++)
    {
      const ClAttendanceAttempt *t = g_ptr_array_index (attempts, i);
      ok = insert_attempt (self, student_id, meeting_id, t->date, t->method, t->outcome, NULL, error);
    }
  if (ok && checklist != NULL)
    {
      GHashTableIter iter;
      gpointer key, value;

      g_hash_table_iter_init (&iter, checklist);
      while (ok && g_hash_table_iter_next (&iter, &key, &value))
        ok = write_checklist_item (self, student_id, meeting_id, key, GPOINTER_TO_INT (value), error);
    }
  return ok;
}
