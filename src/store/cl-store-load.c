/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-store-load.c — the whole case database as a ClCaseload */
#define G_LOG_DOMAIN "cl-store-load"

#include <glib/gi18n-lib.h>

#include "cl-bundle-writer.h"
#include "cl-store-private.h"
#include "cl-store-second-read.h"

static const char *
col_text (sqlite3_stmt *stmt,
          int           i)
{
  return (const char *) sqlite3_column_text (stmt, i);
}

static char *
col_dup (sqlite3_stmt *stmt,
         int           i)
{
  return g_strdup (col_text (stmt, i));
}

static ClDate
col_date (sqlite3_stmt *stmt,
          int           i)
{
  ClDate date = CL_DATE_NONE;
  const char *text = col_text (stmt, i);

  if (text != NULL && !cl_date_parse_iso (text, &date))
    return CL_DATE_NONE;
  return date;
}

static JsonObject *
col_json (sqlite3_stmt *stmt,
          int           i)
{
  const char *text = col_text (stmt, i);
  g_autoptr(JsonNode) node = NULL;

  if (text == NULL)
    return NULL;
  node = json_from_string (text, NULL);
  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return NULL;
  return json_object_ref (json_node_get_object (node));
}

static int
col_enum (sqlite3_stmt       *stmt,
          int                 i,
          const char * const *names,
          guint               n)
{
  return cl_enum_from_name (names, n, col_text (stmt, i));
}

/* The student of a row whose first column is their id: @last again while the rows stay with one
 * student (they come grouped, written together), else looked up; NULL for an id not in @c. */
static ClStudent *
student_of_row (ClCaseload   *c,
                ClStudent    *last,
                sqlite3_stmt *stmt)
{
  const char *id = col_text (stmt, 0);

  return last != NULL && g_strcmp0 (last->id, id) == 0 ? last : cl_caseload_lookup_student (c, id);
}

static gboolean
step_failed (ClStore  *self,
             int       rc,
             GError  **error)
{
  return rc != SQLITE_DONE && !_cl_store_fail (self, rc, N_("reading the database"), error);
}

static gboolean
load_calendars (ClStore     *self,
                ClCaseload  *c,
                GError     **error)
{
  static const char sql[] = "SELECT id, first_day, last_day, extra FROM calendars ORDER BY position";
  static const char sql_closed[] =
    "SELECT calendar_id, from_day, to_day, label, holiday, extra FROM calendar_closed ORDER BY calendar_id, position";
  sqlite3_stmt *stmt = _cl_store_prepare (self, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      ClCalendarYear *cal = cl_calendar_year_new (col_text (stmt, 0), col_date (stmt, 1), col_date (stmt, 2));
      cal->extra = col_json (stmt, 3);
      cl_caseload_add_calendar (c, cal);
    }
  if (step_failed (self, rc, error) || (stmt = _cl_store_prepare (self, sql_closed, error)) == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      ClCalendarYear *cal = cl_caseload_lookup_calendar (c, col_text (stmt, 0));
      if (cal == NULL)
        continue;
      cl_calendar_year_add_closed (cal, col_date (stmt, 1), col_date (stmt, 2), col_text (stmt, 3),
                                   sqlite3_column_int (stmt, 4));
      g_array_index (cal->closed, ClClosedRange, cal->closed->len - 1).extra = col_json (stmt, 5);
    }
  return !step_failed (self, rc, error);
}

static gboolean
load_schools_and_staff (ClStore     *self,
                        ClCaseload  *c,
                        GError     **error)
{
  static const char sql_schools[] = "SELECT id, name, extra FROM schools ORDER BY position";
  static const char sql_links[] = "SELECT school_id, calendar_id FROM school_calendars ORDER BY school_id, position";
  static const char sql_staff[] = "SELECT id, name, role, email, extra FROM staff ORDER BY position";
  sqlite3_stmt *stmt = _cl_store_prepare (self, sql_schools, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      ClSchool *school = cl_school_new (col_text (stmt, 0), col_text (stmt, 1));
      school->extra = col_json (stmt, 2);
      cl_caseload_add_school (c, school);
    }
  if (step_failed (self, rc, error) || (stmt = _cl_store_prepare (self, sql_links, error)) == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      ClSchool *school = cl_caseload_lookup_school (c, col_text (stmt, 0));
      ClCalendarYear *cal = cl_caseload_lookup_calendar (c, col_text (stmt, 1));
      if (school && cal)
        cl_school_add_calendar (school, cal);
    }
  if (step_failed (self, rc, error) || (stmt = _cl_store_prepare (self, sql_staff, error)) == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      int role = col_enum (stmt, 2, cl_staff_role_names, CL_N_STAFF_ROLES);
      ClStaff *staff = cl_staff_new (col_text (stmt, 0), col_text (stmt, 1), role < 0 ? CL_STAFF_OTHER : role);
      staff->email = col_dup (stmt, 3);
      staff->extra = col_json (stmt, 4);
      cl_caseload_add_staff (c, staff);
    }
  return !step_failed (self, rc, error);
}

ClStudent *
_cl_store_student_from_row (sqlite3_stmt *stmt,
                            ClCaseload   *c)
{
  ClStudent *s = cl_student_new (col_text (stmt, 0));

  s->first_name = col_dup (stmt, 1);
  s->last_name = col_dup (stmt, 2);
  s->birth_date = col_date (stmt, 3);
  s->school = cl_caseload_lookup_school (c, col_text (stmt, 4));
  s->grade = col_dup (stmt, 5);
  s->case_manager = cl_caseload_lookup_staff (c, col_text (stmt, 6));
  s->home_language = col_dup (stmt, 7);
  s->english_learner = sqlite3_column_int (stmt, 8);
  s->eligibility_primary = col_dup (stmt, 9);
  s->eligibility_secondary = col_dup (stmt, 10);
  s->eligibility_extra = col_json (stmt, 11);
  s->conservatorship = sqlite3_column_int (stmt, 12);
  s->part_c = sqlite3_column_int (stmt, 13);
  s->emancipated_on = col_date (stmt, 14);
  s->jurisdiction = col_dup (stmt, 15);
  s->extra = col_json (stmt, 16);
  return s;
}

static gboolean
load_students (ClStore     *self,
               ClCaseload  *c,
               GError     **error)
{
  static const char sql[] =
    "SELECT " CL_STORE_STUDENT_COLUMNS " FROM students ORDER BY position, id";
  sqlite3_stmt *stmt = _cl_store_prepare (self, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    cl_caseload_add_student (c, _cl_store_student_from_row (stmt, c));
  return !step_failed (self, rc, error);
}

void
_cl_store_add_guardian_row (ClStudent    *s,
                            sqlite3_stmt *stmt)
{
  ClGuardian g = { 0 };

  g.name = col_dup (stmt, 1);
  g.relationship = col_dup (stmt, 2);
  g.language = col_dup (stmt, 3);
  g.phone = col_dup (stmt, 4);
  g.email = col_dup (stmt, 5);
  g.address = col_dup (stmt, 6);
  g.extra = col_json (stmt, 7);
  cl_student_add_guardian (s, &g);
}

/* @e from a row of CL_STORE_EVENT_COLUMNS; FALSE for a row of a type this version does not know. */
gboolean
_cl_store_event_from_row (ClEvent      *e,
                          sqlite3_stmt *stmt)
{
  int type = col_enum (stmt, 1, cl_event_type_names, CL_N_EVENT_TYPES);

  if (type < 0)
    return FALSE;
  *e = (ClEvent) { .type = type, .date = col_date (stmt, 2), .kind = -1, .from = -1 };
  /* The row's position: same-day order, and the key an edit of this event writes to. */
  e->order = sqlite3_column_int (stmt, 13);
  switch (type)
    {
    case CL_EVENT_IEP_MEETING:
      e->kind = col_enum (stmt, 3, cl_meeting_kind_names, CL_N_MEETING_KINDS);
      break;
    case CL_EVENT_REMOVAL:
      e->kind = col_enum (stmt, 3, cl_removal_kind_names, CL_N_REMOVAL_KINDS);
      break;
    case CL_EVENT_COMPLAINT:
    case CL_EVENT_COMPLAINT_RESOLVED:
      e->kind = col_enum (stmt, 3, cl_complaint_kind_names, CL_N_COMPLAINT_KINDS);
      break;
    case CL_EVENT_REFERRAL:
      e->from = col_enum (stmt, 4, cl_referral_source_names, CL_N_REFERRAL_SOURCES);
      break;
    case CL_EVENT_TRANSFER_IN:
      e->from = col_enum (stmt, 4, cl_transfer_from_names, CL_N_TRANSFER_FROMS);
      break;
    default:
      break;
    }
  e->school_days = sqlite3_column_double (stmt, 5);
  e->special = MAX (0, col_enum (stmt, 6, cl_special_circumstance_names, CL_N_SPECIAL_CIRCUMSTANCES));
  e->eligible = sqlite3_column_type (stmt, 7) == SQLITE_NULL ? TRUE : sqlite3_column_int (stmt, 7) != 0;
  e->transition_plan = sqlite3_column_int (stmt, 8) != 0;
  e->age_of_majority_informed = sqlite3_column_int (stmt, 9) != 0;
  e->has_iep = sqlite3_column_int (stmt, 10) != 0;
  e->reason = col_dup (stmt, 11);
  e->extra = col_json (stmt, 12);
  return TRUE;
}

void
_cl_store_add_event_row (ClStudent    *s,
                         sqlite3_stmt *stmt)
{
  ClEvent e;

  if (_cl_store_event_from_row (&e, stmt))
    g_array_append_val (s->events, e);
}

int
_cl_store_read_meetings (sqlite3    *db,
                         ClCaseload *c)
{
  static const char sql_meetings[] =
    "SELECT " CL_STORE_MEETING_COLUMNS " FROM meetings ORDER BY student_id, position";
  static const char sql_invitees[] =
    "SELECT " CL_STORE_INVITEE_COLUMNS " FROM invitees ORDER BY student_id, meeting_id, position";
  sqlite3_stmt *stmt = NULL;
  ClStudent *s = NULL;
  ClMeeting *m = NULL;
  int rc;

  if ((rc = sqlite3_prepare_v2 (db, sql_meetings, -1, &stmt, NULL)) != SQLITE_OK)
    return rc;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      if ((s = student_of_row (c, s, stmt)) != NULL)
        _cl_store_add_meeting_row (s, stmt);
    }
  sqlite3_finalize (stmt);
  stmt = NULL;
  if (rc != SQLITE_DONE || (rc = sqlite3_prepare_v2 (db, sql_invitees, -1, &stmt, NULL)) != SQLITE_OK)
    return rc;
  /* In the order of their meetings: each meeting is looked up among its student's few once per
   * run of its invitees (no key made for each of 140,000 rows at 100,000 students). */
  s = NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      ClStudent *of = student_of_row (c, s, stmt);
      const char *meeting_id = col_text (stmt, 1);

      if (of != s || m == NULL || g_strcmp0 (m->id, meeting_id) != 0)
        m = meeting_id != NULL ? _cl_store_find_meeting (of, meeting_id) : NULL;
      s = of;
      if (m != NULL)
        _cl_store_add_invitee_row (m, stmt);
    }
  sqlite3_finalize (stmt);
  return rc;
}

/* The last rowid of the events table, when it is worth splitting. */
static sqlite3_int64
events_split_point (ClStore *self)
{
  static const char sql[] = "SELECT max(rowid) FROM events";
  sqlite3_stmt *stmt = _cl_store_prepare (self, sql, NULL);
  sqlite3_int64 last = 0;

  if (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
    last = sqlite3_column_int64 (stmt, 0);
  if (stmt != NULL)
    sqlite3_reset (stmt);
  return last >= (self->split_events_from > 0 ? self->split_events_from : CL_STORE_SPLIT_EVENTS_FROM) ? last / 2 : 0;
}

void
_cl_store_set_split_events_from (ClStore *self,
                                 gint64   rows)
{
  self->split_events_from = rows;
}

guint
_cl_store_get_split_reads (ClStore *self)
{
  return self->split_reads;
}

int
_cl_store_read_guardians (sqlite3    *db,
                          ClCaseload *c)
{
  static const char sql[] =
    "SELECT " CL_STORE_GUARDIAN_COLUMNS " FROM guardians ORDER BY student_id, position";
  sqlite3_stmt *stmt = NULL;
  ClStudent *s = NULL;
  int rc;

  if ((rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL)) != SQLITE_OK)
    return rc;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      if ((s = student_of_row (c, s, stmt)) != NULL)
        _cl_store_add_guardian_row (s, stmt);
    }
  sqlite3_finalize (stmt);
  return rc;
}

static gboolean
load_guardians (ClStore     *self,
                ClCaseload  *c,
                GError     **error)
{
  /* A second connection reading beside this one reads them. */
  if (self->second_read != NULL)
    return TRUE;
  return !step_failed (self, _cl_store_read_guardians (self->db, c), error);
}

static gboolean
load_events_and_meetings (ClStore     *self,
                          ClCaseload  *c,
                          GError     **error)
{
  /* In the table's own order, not the key's: walking the key's index looks every row up in the
   * table again (a third of reading a district). Each student's events are sorted by date and
   * position afterwards, so the order read in changes nothing (student_of_row() looks each
   * student up once per group of rows). */
  static const char sql_all[] = "SELECT " CL_STORE_EVENT_COLUMNS " FROM events";
  static const char sql_earlier[] = "SELECT " CL_STORE_EVENT_COLUMNS " FROM events WHERE rowid <= ?";
  sqlite3_stmt *stmt;
  ClStudent *s = NULL;
  int rc;

  /* With a second connection reading the later rows and the meetings, only the earlier rows. */
  stmt = _cl_store_prepare (self, self->second_read != NULL ? sql_earlier : sql_all, error);
  if (stmt == NULL)
    return FALSE;
  if (self->second_read != NULL)
    sqlite3_bind_int64 (stmt, 1, self->split_after);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      if ((s = student_of_row (c, s, stmt)) != NULL)
        _cl_store_add_event_row (s, stmt);
    }
  if (rc == SQLITE_DONE && self->second_read == NULL)
    rc = _cl_store_read_meetings (self->db, c);
  return !step_failed (self, rc, error);
}

ClMeeting *
_cl_store_add_meeting_row (ClStudent    *s,
                           sqlite3_stmt *stmt)
{
  int kind = col_enum (stmt, 2, cl_meeting_kind_names, CL_N_MEETING_KINDS);
  ClMeeting *m;

  if (kind < 0)
    return NULL;
  m = cl_student_add_meeting (s, col_text (stmt, 1), kind, col_date (stmt, 3));
  m->start_minutes = sqlite3_column_type (stmt, 4) == SQLITE_NULL ? -1 : sqlite3_column_int (stmt, 4);
  m->location = col_dup (stmt, 5);
  m->notice_sent = col_date (stmt, 6);
  m->interpreter = col_dup (stmt, 7);
  m->extra = col_json (stmt, 8);
  return m;
}

void
_cl_store_add_invitee_row (ClMeeting    *m,
                           sqlite3_stmt *stmt)
{
  int role = col_enum (stmt, 2, cl_role_names, CL_N_ROLES);
  ClInvitee *inv;

  if (role < 0)
    return;
  inv = cl_meeting_add_invitee (m, role);
  inv->name = col_dup (stmt, 3);
  inv->staff_id = col_dup (stmt, 4);
  inv->attending = sqlite3_column_int (stmt, 5) != 0;
  inv->excusal.present = sqlite3_column_int (stmt, 6) != 0;
  inv->excusal.area_discussed = sqlite3_column_int (stmt, 7) != 0;
  inv->excusal.parent_written_consent = col_date (stmt, 8);
  inv->excusal.written_input = col_date (stmt, 9);
  inv->excusal.extra = col_json (stmt, 10);
  inv->extra = col_json (stmt, 11);
}

static gboolean
load_meta (ClStore     *self,
           ClCaseload  *c,
           GError     **error)
{
  static const char sql[] = "SELECT key, value FROM meta";
  sqlite3_stmt *stmt = _cl_store_prepare (self, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *key = col_text (stmt, 0);

      if (g_str_equal (key, "jurisdiction"))
        cl_caseload_set_jurisdiction (c, col_text (stmt, 1));
      else if (g_str_equal (key, "extra"))
        {
          g_autoptr(JsonObject) extra = col_json (stmt, 1);
          cl_caseload_set_extra (c, extra);
        }
    }
  return !step_failed (self, rc, error);
}

gboolean
_cl_store_load_header (ClStore     *self,
                       ClCaseload  *c,
                       GError     **error)
{
  return load_meta (self, c, error) && load_calendars (self, c, error) &&
         load_schools_and_staff (self, c, error);
}

/* A large district is read on two connections (cl-store-second-read.c), which see the same data
 * only when nobody can commit between their reads: this one then takes the write lock, if it gets
 * it at once (another writer is not waited for: the read is then on one connection, as for a
 * file opened read-only). Nothing is written; COMMIT lets the lock go. */
static gboolean
begin_read (ClStore  *self,
            GError  **error)
{
  int rc;

  if (events_split_point (self) > 0)
    {
      sqlite3_busy_timeout (self->db, 0);
      rc = sqlite3_exec (self->db, "BEGIN IMMEDIATE", NULL, NULL, NULL);
      sqlite3_busy_timeout (self->db, CL_STORE_BUSY_TIMEOUT_MS);
      if (rc == SQLITE_OK)
        return TRUE;
    }
  return _cl_store_exec (self, "BEGIN", error);
}

typedef gboolean (*LoadStep) (ClStore *self, ClCaseload *c, GError **error);

static ClCaseload *
load_with_progress (ClStore          *self,
                    GCancellable     *cancellable,
                    ClStoreProgress   progress,
                    gpointer          user_data,
                    double            share,
                    GError          **error)
{
  /* Events are most of the rows: their step weighs the most. */
  static const struct { LoadStep step; double weight; } steps[] = {
    { load_meta, 0.01 }, { load_calendars, 0.02 }, { load_schools_and_staff, 0.02 },
    { load_students, 0.15 }, { load_guardians, 0.05 }, { load_events_and_meetings, 0.75 },
  };
  g_autoptr(ClCaseload) c = cl_caseload_new ();
  gboolean ok = TRUE;
  double done = 0;
  GPtrArray *students;

  /* One read transaction: a consistent picture even if another process writes meanwhile. */
  if (!begin_read (self, error))
    return NULL;
  if (cancellable != NULL)
    sqlite3_progress_handler (self->db, 10000, _cl_store_cancelled_yet, cancellable);
  /* Only while no other connection can commit: the second connection then reads the same data
   * as this one. */
  if (sqlite3_txn_state (self->db, NULL) == SQLITE_TXN_WRITE && (self->split_after = events_split_point (self)) > 0)
    {
      self->second_read = _cl_store_second_read_start (self->path, c, self->split_after, cancellable);
      self->split_reads++;
    }
  for (guint i = 0; ok && i < G_N_ELEMENTS (steps); i++)
    {
      ok = steps[i].step (self, c, error);
      if (steps[i].step == load_students && self->second_read != NULL)
        _cl_store_second_read_students_read (self->second_read, ok);
      done += steps[i].weight;
      if (ok && progress != NULL)
        progress (done * share, user_data);
    }
  if (self->second_read != NULL)
    {
      g_autofree char *message = NULL;
      int rc;

      if (!_cl_store_second_read_finish (g_steal_pointer (&self->second_read), ok, &rc, &message) && ok)
        ok = _cl_store_fail_with (self, rc, message, N_("reading the database"), error);
    }
  if (cancellable != NULL)
    sqlite3_progress_handler (self->db, 0, NULL, NULL);
  sqlite3_exec (self->db, "COMMIT", NULL, NULL, NULL);
  /* Interrupted: said as such, not as a failed read. */
  if (!ok && g_cancellable_is_cancelled (cancellable))
    {
      g_clear_error (error);
      g_cancellable_set_error_if_cancelled (cancellable, error);
    }
  if (!ok)
    return NULL;

  students = cl_caseload_get_students (c);
  for (guint i = 0; i < students->len; i++)
    cl_student_sort_events (g_ptr_array_index (students, i));
  return g_steal_pointer (&c);
}

ClCaseload *
cl_store_load_caseload (ClStore  *self,
                        GError  **error)
{
  g_return_val_if_fail (CL_IS_STORE (self), NULL);
  return load_with_progress (self, NULL, NULL, NULL, 1.0, error);
}

ClCaseload *
cl_store_load_caseload_cancellable (ClStore       *self,
                                    GCancellable  *cancellable,
                                    GError       **error)
{
  g_return_val_if_fail (CL_IS_STORE (self), NULL);
  return load_with_progress (self, cancellable, NULL, NULL, 1.0, error);
}

char *
cl_store_export (ClStore          *self,
                 ClStoreProgress   progress,
                 gpointer          user_data,
                 GError          **error)
{
  g_autoptr(ClCaseload) c = NULL;
  char *text;

  g_return_val_if_fail (CL_IS_STORE (self), NULL);

  /* Reading is about four fifths of an export; writing the text the rest. */
  c = load_with_progress (self, NULL, progress, user_data, 0.8, error);
  if (c == NULL || !_cl_store_meetings_add_app_data (self, c, error))
    return NULL;
  text = cl_bundle_write (c);
  if (progress != NULL)
    progress (1.0, user_data);
  return text;
}
