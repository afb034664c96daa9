/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-store-schema.c — the tables of the case database, and how each version upgrades */
#define G_LOG_DOMAIN "cl-store-schema"

#include "cl-store-private.h"

/* Version 1. Each record keeps its position in the bundle (so an export reproduces the order it
 * was given) and an `extra` JSON object of members this version does not know. */
static const char schema_v1[] =
  "CREATE TABLE meta ("
  "  key TEXT PRIMARY KEY,"
  "  value TEXT NOT NULL);"
  "CREATE TABLE calendars ("
  "  id TEXT PRIMARY KEY,"
  "  position INTEGER NOT NULL,"
  "  first_day TEXT NOT NULL,"
  "  last_day TEXT NOT NULL,"
  "  extra TEXT);"
  "CREATE TABLE calendar_closed ("
  "  calendar_id TEXT NOT NULL REFERENCES calendars(id) ON DELETE CASCADE,"
  "  position INTEGER NOT NULL,"
  "  from_day TEXT NOT NULL,"
  "  to_day TEXT NOT NULL,"
  "  label TEXT,"
  "  holiday INTEGER NOT NULL DEFAULT 0,"
  "  extra TEXT,"
  "  PRIMARY KEY (calendar_id, position));"
  "CREATE TABLE schools ("
  "  id TEXT PRIMARY KEY,"
  "  position INTEGER NOT NULL,"
  "  name TEXT,"
  "  extra TEXT);"
  "CREATE TABLE school_calendars ("
  "  school_id TEXT NOT NULL REFERENCES schools(id) ON DELETE CASCADE,"
  "  position INTEGER NOT NULL,"
  "  calendar_id TEXT NOT NULL REFERENCES calendars(id),"
  "  PRIMARY KEY (school_id, position));"
  "CREATE TABLE staff ("
  "  id TEXT PRIMARY KEY,"
  "  position INTEGER NOT NULL,"
  "  name TEXT,"
  "  role TEXT NOT NULL,"
  "  email TEXT,"
  "  extra TEXT);"
  "CREATE TABLE students ("
  "  id TEXT PRIMARY KEY,"
  "  position INTEGER NOT NULL,"
  "  first_name TEXT,"
  "  last_name TEXT,"
  "  birth_date TEXT NOT NULL,"
  "  school_id TEXT NOT NULL REFERENCES schools(id),"
  "  grade TEXT,"
  "  case_manager_id TEXT REFERENCES staff(id),"
  "  home_language TEXT,"
  "  english_learner INTEGER NOT NULL DEFAULT 0,"
  "  eligibility_primary TEXT,"
  "  eligibility_secondary TEXT,"
  "  eligibility_extra TEXT,"
  "  conservatorship INTEGER NOT NULL DEFAULT 0,"
  "  part_c INTEGER NOT NULL DEFAULT 0,"
  "  emancipated_on TEXT,"
  "  jurisdiction TEXT,"
  "  extra TEXT);"
  "CREATE INDEX students_by_school ON students(school_id);"
  "CREATE INDEX students_by_case_manager ON students(case_manager_id);"
  "CREATE TABLE guardians ("
  "  student_id TEXT NOT NULL REFERENCES students(id) ON DELETE CASCADE,"
  "  position INTEGER NOT NULL,"
  "  name TEXT, relationship TEXT, language TEXT, phone TEXT, email TEXT, address TEXT,"
  "  extra TEXT,"
  "  PRIMARY KEY (student_id, position));"
  "CREATE TABLE events ("
  "  student_id TEXT NOT NULL REFERENCES students(id) ON DELETE CASCADE,"
  "  position INTEGER NOT NULL,"
  "  type TEXT NOT NULL,"
  "  date TEXT NOT NULL,"
  "  kind TEXT,"
  "  origin TEXT,"
  "  school_days REAL,"
  "  special TEXT,"
  "  eligible INTEGER,"
  "  transition_plan INTEGER,"
  "  age_of_majority_informed INTEGER,"
  "  has_iep INTEGER,"
  "  reason TEXT,"
  "  extra TEXT,"
  "  PRIMARY KEY (student_id, position));"
  "CREATE INDEX events_by_date ON events(date);"
  "CREATE TABLE meetings ("
  "  student_id TEXT NOT NULL REFERENCES students(id) ON DELETE CASCADE,"
  "  id TEXT NOT NULL,"
  "  position INTEGER NOT NULL,"
  "  kind TEXT NOT NULL,"
  "  date TEXT NOT NULL,"
  "  start_minutes INTEGER,"
  "  location TEXT,"
  "  notice_sent TEXT,"
  "  interpreter TEXT,"
  "  extra TEXT,"
  "  PRIMARY KEY (student_id, id));"
  "CREATE TABLE invitees ("
  "  student_id TEXT NOT NULL,"
  "  meeting_id TEXT NOT NULL,"
  "  position INTEGER NOT NULL,"
  "  role TEXT NOT NULL,"
  "  name TEXT,"
  "  staff_id TEXT,"
  "  attending INTEGER NOT NULL DEFAULT 1,"
  "  excusal INTEGER NOT NULL DEFAULT 0,"
  "  area_discussed INTEGER,"
  "  parent_written_consent TEXT,"
  "  written_input TEXT,"
  "  excusal_extra TEXT,"
  "  extra TEXT,"
  "  PRIMARY KEY (student_id, meeting_id, position),"
  "  FOREIGN KEY (student_id, meeting_id) REFERENCES meetings(student_id, id) ON DELETE CASCADE);"
  /* What the app adds to the bundle's facts: notes, the log of attempts to reach a parent before a
   * meeting, and the live meeting checklist. */
  "CREATE TABLE notes ("
  "  id INTEGER PRIMARY KEY,"
  "  student_id TEXT NOT NULL REFERENCES students(id) ON DELETE CASCADE,"
  "  written_at TEXT NOT NULL,"
  "  author TEXT,"
  "  text TEXT NOT NULL);"
  "CREATE TABLE attendance_attempts ("
  "  id INTEGER PRIMARY KEY,"
  "  student_id TEXT NOT NULL,"
  "  meeting_id TEXT NOT NULL,"
  "  date TEXT NOT NULL,"
  "  method TEXT NOT NULL CHECK (method IN ('phone', 'letter', 'email', 'home_visit', 'other')),"
  "  outcome TEXT,"
  "  FOREIGN KEY (student_id, meeting_id) REFERENCES meetings(student_id, id) ON DELETE CASCADE);"
  "CREATE TABLE checklist_state ("
  "  student_id TEXT NOT NULL,"
  "  meeting_id TEXT NOT NULL,"
  "  item TEXT NOT NULL,"
  "  done INTEGER NOT NULL DEFAULT 0,"
  "  PRIMARY KEY (student_id, meeting_id, item),"
  "  FOREIGN KEY (student_id, meeting_id) REFERENCES meetings(student_id, id) ON DELETE CASCADE);"
  /* The audit trail outlives what it describes: no foreign keys. */
  "CREATE TABLE audit ("
  "  id INTEGER PRIMARY KEY,"
  "  at TEXT NOT NULL,"
  "  os_user TEXT NOT NULL,"
  "  student_id TEXT,"
  "  table_name TEXT NOT NULL,"
  "  row_key TEXT NOT NULL,"
  "  field TEXT NOT NULL,"
  "  old_value TEXT,"
  "  new_value TEXT);"
  "CREATE INDEX audit_by_student ON audit(student_id, id);"
  "INSERT INTO meta (key, value) VALUES ('application', '" CL_STORE_APPLICATION "');";

/* Version 2, for the district server: events, notes and attendance attempts get a stable uid (a
 * position is local, and the store rewrites an edited event in place); the outbox the triggers of
 * cl-store-outbox.c fill in the transaction of each change; the changes sealed for a push; a row
 * in sync_capture once the database syncs (a laptop that never does pays nothing for the outbox);
 * and a row in sync_applying only while a pull writes the server's changes, so those are not
 * sent back. */
#define CL_UID_SQL "lower (hex (randomblob (16)))"
static const char schema_v2[] =
  "CREATE TABLE events_v2 ("
  "  student_id TEXT NOT NULL REFERENCES students(id) ON DELETE CASCADE,"
  "  position INTEGER NOT NULL,"
  "  type TEXT NOT NULL,"
  "  date TEXT NOT NULL,"
  "  kind TEXT,"
  "  origin TEXT,"
  "  school_days REAL,"
  "  special TEXT,"
  "  eligible INTEGER,"
  "  transition_plan INTEGER,"
  "  age_of_majority_informed INTEGER,"
  "  has_iep INTEGER,"
  "  reason TEXT,"
  "  extra TEXT,"
  "  uid TEXT NOT NULL DEFAULT (" CL_UID_SQL "),"
  "  PRIMARY KEY (student_id, position));"
  "INSERT INTO events_v2 SELECT *, " CL_UID_SQL " FROM events;"
  "DROP TABLE events;"
  "ALTER TABLE events_v2 RENAME TO events;"
  "CREATE UNIQUE INDEX events_by_uid ON events(uid);"
  "CREATE INDEX events_by_date ON events(date);"
  "CREATE TABLE notes_v2 ("
  "  id INTEGER PRIMARY KEY,"
  "  student_id TEXT NOT NULL REFERENCES students(id) ON DELETE CASCADE,"
  "  written_at TEXT NOT NULL,"
  "  author TEXT,"
  "  text TEXT NOT NULL,"
  "  uid TEXT NOT NULL UNIQUE DEFAULT (" CL_UID_SQL "));"
  "INSERT INTO notes_v2 SELECT *, " CL_UID_SQL " FROM notes;"
  "DROP TABLE notes;"
  "ALTER TABLE notes_v2 RENAME TO notes;"
  "CREATE TABLE attendance_attempts_v2 ("
  "  id INTEGER PRIMARY KEY,"
  "  student_id TEXT NOT NULL,"
  "  meeting_id TEXT NOT NULL,"
  "  date TEXT NOT NULL,"
  "  method TEXT NOT NULL CHECK (method IN ('phone', 'letter', 'email', 'home_visit', 'other')),"
  "  outcome TEXT,"
  "  uid TEXT NOT NULL UNIQUE DEFAULT (" CL_UID_SQL "),"
  "  FOREIGN KEY (student_id, meeting_id) REFERENCES meetings(student_id, id) ON DELETE CASCADE);"
  "INSERT INTO attendance_attempts_v2 SELECT *, " CL_UID_SQL " FROM attendance_attempts;"
  "DROP TABLE attendance_attempts;"
  "ALTER TABLE attendance_attempts_v2 RENAME TO attendance_attempts;"
  /* One row per row written: the row before (NULL when new) and after (NULL when deleted). */
  "CREATE TABLE outbox ("
  "  id INTEGER PRIMARY KEY,"
  "  at TEXT NOT NULL DEFAULT (strftime ('%Y-%m-%dT%H:%M:%fZ', 'now')),"
  "  table_name TEXT NOT NULL,"
  "  row_key TEXT NOT NULL,"
  "  student_id TEXT,"
  "  old_row TEXT,"
  "  new_row TEXT);"
  /* What one record became since the last push, under the id the server knows it by. */
  "CREATE TABLE sync_pending ("
  "  seq INTEGER PRIMARY KEY,"
  "  change_id TEXT NOT NULL UNIQUE,"
  "  at TEXT NOT NULL,"
  "  table_name TEXT NOT NULL,"
  "  row_key TEXT NOT NULL,"
  "  student_id TEXT,"
  "  base TEXT,"
  "  row TEXT);"
  "CREATE TABLE sync_capture (since TEXT NOT NULL);"
  "CREATE TABLE sync_applying (since TEXT NOT NULL);";

/* Version 3: a change of this laptop's that met another's on the server, kept until someone here
 * chooses (cl-store-conflicts.c). One row per field; field "*" for a record deleted on one side
 * and edited on the other. mine and theirs are JSON (a field's value, or the whole row; NULL: the
 * record deleted). Keyed by the change and field, so a push answered twice keeps it once. */
static const char schema_v3[] =
  "CREATE TABLE conflicts ("
  "  id INTEGER PRIMARY KEY,"
  "  change_id TEXT NOT NULL,"
  "  table_name TEXT NOT NULL,"
  "  row_key TEXT NOT NULL,"
  "  student_id TEXT,"
  "  field TEXT NOT NULL,"
  "  mine TEXT,"
  "  theirs TEXT,"
  "  their_author TEXT,"
  "  their_time TEXT,"
  "  my_time TEXT,"
  "  UNIQUE (change_id, field));";

/* Version 4: the students in the order they were given, so an export can read them one at a time
 * in that order, each table joined to this index, without sorting the whole database first
 * (cl-store-stream.c). Covering (position, id): the join needs nothing else of the student. */
static const char schema_v4[] =
  "CREATE UNIQUE INDEX students_by_position ON students(position, id);";

const char *
_cl_store_schema_sql (int version)
{
  switch (version)
    {
    case 1: return schema_v1;
    case 2: return schema_v2;
    case 3: return schema_v3;
    case 4: return schema_v4;
    default: return NULL;
    }
}

gboolean
_cl_store_migrate (ClStore  *self,
                   int       from_version,
                   GError  **error)
{
  g_autofree char *set_version = NULL;

  if (from_version < 1 && !_cl_store_exec (self, schema_v1, error))
    return FALSE;
  if (from_version < 2 &&
      (!_cl_store_exec (self, schema_v2, error) || !_cl_store_create_outbox_triggers (self, error)))
    return FALSE;
  if (from_version < 3 && !_cl_store_exec (self, schema_v3, error))
    return FALSE;
  if (from_version < 4 && !_cl_store_exec (self, schema_v4, error))
    return FALSE;
  /* Later versions add their steps here, each from the one before. */
  set_version = g_strdup_printf ("PRAGMA user_version = %d", CL_STORE_SCHEMA_VERSION);
  return _cl_store_exec (self, set_version, error);
}
