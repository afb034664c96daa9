/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-store-students.c — adding, changing and deleting students and guardians: one audited
 * transaction each, and a refused write that changes nothing */
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>

#include "cl-bundle-reader.h"
#include "cl-store.h"

typedef struct {
  char       *dir;
  char       *path;
  ClStore    *store;
  ClCaseload *caseload;   /* as loaded from the store */
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *demo = g_test_build_filename (G_TEST_DIST, "..", "data", "demo", "demo-caseload.json", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(ClCaseload) bundle = NULL;
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("caseload-students-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, "caseload.db", NULL);
  g_assert_true (g_file_get_contents (demo, &contents, NULL, &error));
  bundle = cl_bundle_read_data (contents, -1, &error);
  g_assert_no_error (error);
  f->store = cl_store_open (f->path, TRUE, &error);
  g_assert_no_error (error);
  g_assert_true (cl_store_import (f->store, bundle, FALSE, NULL, NULL, &error));
  g_assert_no_error (error);
  f->caseload = cl_store_load_caseload (f->store, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *wal = g_strconcat (f->path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (f->path, "-shm", NULL);

  g_clear_object (&f->caseload);
  g_clear_object (&f->store);
  g_unlink (f->path);
  g_unlink (wal);
  g_unlink (shm);
  g_rmdir (f->dir);
  g_free (f->path);
  g_free (f->dir);
}

static ClCaseload *
reload (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  ClCaseload *c = cl_store_load_caseload (f->store, &error);

  g_assert_no_error (error);
  return c;
}

/* Counts the audit rows of the whole database through a connection of its own. */
static int
count_audit (Fixture *f)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  int n = -1;

  g_assert_cmpint (sqlite3_open_v2 (f->path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT count(*) FROM audit", -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    n = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return n;
}

/* The newest audit row of @trail for @field, which must be there. */
static const ClAuditEntry *
find_audit (GPtrArray  *trail,
            const char *field)
{
  for (guint i = 0; i < trail->len; i++)
    {
      const ClAuditEntry *e = g_ptr_array_index (trail, i);
      if (g_str_equal (e->field, field))
        return e;
    }
  g_error ("no audit row for %s", field);
}

static gboolean
has_audit (GPtrArray  *trail,
           const char *field)
{
  for (guint i = 0; i < trail->len; i++)
    if (g_str_equal (((ClAuditEntry *) g_ptr_array_index (trail, i))->field, field))
      return TRUE;
  return FALSE;
}

static ClStudent *
new_student (ClCaseload *c,
             const char *id)
{
  ClStudent *s = cl_student_new (id);

  s->first_name = g_strdup ("Valeria");
  s->last_name = g_strdup ("Gutiérrez");
  s->birth_date = cl_date_from_ymd (2014, 5, 9);
  s->school = cl_caseload_lookup_school (c, "lincoln-ms");
  s->case_manager = cl_caseload_lookup_staff (c, "t-delgado");
  s->grade = g_strdup ("7");
  s->home_language = g_strdup ("es");
  s->english_learner = TRUE;
  s->eligibility_primary = g_strdup ("SLD");
  return s;
}

static void
test_add (Fixture       *f,
          gconstpointer  data)
{
  g_autoptr(ClStudent) s = new_student (f->caseload, "S-2001");
  g_autoptr(GError) error = NULL;
  g_autoptr(ClCaseload) after = NULL;
  g_autoptr(GPtrArray) trail = NULL;
  guint before = cl_caseload_get_students (f->caseload)->len;
  ClStudent *read;

  g_assert_nonnull (s->school);
  g_assert_nonnull (s->case_manager);
  g_assert_true (cl_store_add_student (f->store, s, &error));
  g_assert_no_error (error);

  after = reload (f);
  g_assert_cmpuint (cl_caseload_get_students (after)->len, ==, before + 1);
  read = cl_caseload_lookup_student (after, "S-2001");
  g_assert_nonnull (read);
  g_assert_cmpstr (read->last_name, ==, "Gutiérrez");
  g_assert_cmpuint (read->birth_date, ==, cl_date_from_ymd (2014, 5, 9));
  g_assert_cmpstr (read->school->id, ==, "lincoln-ms");
  g_assert_cmpstr (read->case_manager->id, ==, "t-delgado");
  g_assert_true (read->english_learner);
  g_assert_false (read->part_c);
  g_assert_cmpstr (read->eligibility_primary, ==, "SLD");
  g_assert_null (read->eligibility_secondary);
  /* A new student goes after the others. */
  g_assert_true (g_ptr_array_index (cl_caseload_get_students (after), before) == read);

  /* One row per field given, from nothing, all at one time. */
  trail = cl_store_list_audit (f->store, "S-2001", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (find_audit (trail, "last_name")->new_value, ==, "Gutiérrez");
  g_assert_null (find_audit (trail, "last_name")->old_value);
  g_assert_cmpstr (find_audit (trail, "birth_date")->new_value, ==, "2014-05-09");
  g_assert_cmpstr (find_audit (trail, "school_id")->new_value, ==, "lincoln-ms");
  g_assert_cmpstr (find_audit (trail, "english_learner")->new_value, ==, "1");
  g_assert_false (has_audit (trail, "eligibility_secondary"));
  for (guint i = 0; i < trail->len; i++)
    {
      const ClAuditEntry *e = g_ptr_array_index (trail, i);
      g_assert_cmpstr (e->table, ==, "students");
      g_assert_cmpstr (e->at, ==, ((ClAuditEntry *) g_ptr_array_index (trail, 0))->at);
    }
  /* first_name, last_name, birth_date, school_id, grade, case_manager_id, home_language,
   * english_learner, eligibility_primary, conservatorship, part_c: 11. */
  g_assert_cmpuint (trail->len, ==, 11);
}

static void
test_update (Fixture       *f,
             gconstpointer  data)
{
  ClStudent *s = cl_caseload_lookup_student (f->caseload, "S-1002");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) before = cl_store_list_audit (f->store, "S-1002", NULL);
  g_autoptr(GPtrArray) trail = NULL;
  g_autoptr(ClCaseload) after = NULL;
  g_autofree char *old_grade = g_strdup (s->grade);
  ClStudent *read;

  g_free (s->grade);
  s->grade = g_strdup ("9");
  s->part_c = TRUE;
  g_assert_true (cl_store_update_student (f->store, s, &error));
  g_assert_no_error (error);

  after = reload (f);
  read = cl_caseload_lookup_student (after, "S-1002");
  g_assert_cmpstr (read->grade, ==, "9");
  g_assert_true (read->part_c);
  /* What was not changed stays, the family and the timeline too. */
  g_assert_cmpstr (read->last_name, ==, s->last_name);
  g_assert_cmpuint (read->events->len, ==, s->events->len);
  g_assert_cmpuint (read->guardians->len, ==, s->guardians->len);

  /* Exactly the two fields that changed, with what they were. */
  trail = cl_store_list_audit (f->store, "S-1002", &error);
  g_assert_cmpuint (trail->len, ==, before->len + 2);
  g_assert_cmpstr (find_audit (trail, "grade")->old_value, ==, old_grade);
  g_assert_cmpstr (find_audit (trail, "grade")->new_value, ==, "9");
  g_assert_cmpstr (find_audit (trail, "part_c")->old_value, ==, "0");
  g_assert_cmpstr (find_audit (trail, "part_c")->new_value, ==, "1");

  /* Writing it again unchanged audits nothing. */
  g_assert_true (cl_store_update_student (f->store, s, &error));
  g_clear_pointer (&trail, g_ptr_array_unref);
  trail = cl_store_list_audit (f->store, "S-1002", &error);
  g_assert_cmpuint (trail->len, ==, before->len + 2);
}

static void
test_delete_and_add_back (Fixture       *f,
                          gconstpointer  data)
{
  ClStudent *s = cl_caseload_lookup_student (f->caseload, "S-1002");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) trail = NULL;
  g_autoptr(ClCaseload) after = NULL;
  g_autoptr(ClCaseload) back = NULL;
  guint n_students = cl_caseload_get_students (f->caseload)->len;
  guint n_events = s->events->len, n_guardians = s->guardians->len, n_meetings = s->meetings->len;
  guint n_removed = 0;

  g_assert_cmpuint (n_events, >, 0);
  g_assert_cmpuint (n_guardians, >, 0);
  g_assert_true (cl_store_delete_student (f->store, "S-1002", &error));
  g_assert_no_error (error);
  after = reload (f);
  g_assert_cmpuint (cl_caseload_get_students (after)->len, ==, n_students - 1);
  g_assert_null (cl_caseload_lookup_student (after, "S-1002"));

  /* The trail keeps every field, guardian and event it had. */
  trail = cl_store_list_audit (f->store, "S-1002", &error);
  g_assert_cmpstr (find_audit (trail, "last_name")->old_value, ==, s->last_name);
  g_assert_null (find_audit (trail, "last_name")->new_value);
  g_assert_cmpstr (find_audit (trail, "guardian_name")->old_value, ==,
                   g_array_index (s->guardians, ClGuardian, n_guardians - 1).name);
  for (guint i = 0; i < trail->len; i++)
    {
      const ClAuditEntry *e = g_ptr_array_index (trail, i);
      if (g_str_equal (e->field, "event") && e->new_value == NULL)
        n_removed++;
    }
  g_assert_cmpuint (n_removed, ==, n_events);

  /* Deleting it again is refused. */
  g_assert_false (cl_store_delete_student (f->store, "S-1002", &error));
  g_assert_error (error, CL_STORE_ERROR, CL_STORE_ERROR_INVALID);
  g_clear_error (&error);

  /* Undo: the record as it was loaded comes back whole. */
  g_assert_true (cl_store_add_student (f->store, s, &error));
  g_assert_no_error (error);
  back = reload (f);
  {
    ClStudent *read = cl_caseload_lookup_student (back, "S-1002");

    g_assert_nonnull (read);
    g_assert_cmpuint (read->events->len, ==, n_events);
    g_assert_cmpuint (read->guardians->len, ==, n_guardians);
    g_assert_cmpuint (read->meetings->len, ==, n_meetings);
    for (guint i = 0; i < n_events; i++)
      {
        g_assert_cmpint (g_array_index (read->events, ClEvent, i).type, ==, g_array_index (s->events, ClEvent, i).type);
        g_assert_cmpuint (g_array_index (read->events, ClEvent, i).date, ==, g_array_index (s->events, ClEvent, i).date);
      }
    g_assert_cmpstr (g_array_index (read->guardians, ClGuardian, 0).phone, ==,
                     g_array_index (s->guardians, ClGuardian, 0).phone);
  }
}

static void
test_guardians (Fixture       *f,
                gconstpointer  data)
{
  ClStudent *s = cl_caseload_lookup_student (f->caseload, "S-1002");
  g_autoptr(GArray) list = g_array_new (FALSE, TRUE, sizeof (ClGuardian));
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) trail = NULL;
  g_autoptr(ClCaseload) after = NULL;
  g_autofree char *row = g_strdup_printf ("S-1002/%u", s->guardians->len + 1);
  ClGuardian added = { 0 };
  ClStudent *read;
  guint n = s->guardians->len;

  /* The first keeps all but a new phone; a grandmother is added at the end. */
  for (guint i = 0; i < n; i++)
    g_array_append_val (list, g_array_index (s->guardians, ClGuardian, i));   /* borrowed strings */
  g_array_index (list, ClGuardian, 0).phone = (char *) "555-0199";
  added.name = (char *) "Carmen Núñez";
  added.relationship = (char *) "grandmother";
  added.language = (char *) "es";
  added.phone = (char *) "555-0123";
  g_array_append_val (list, added);

  g_assert_true (cl_store_set_guardians (f->store, "S-1002", list, &error));
  g_assert_no_error (error);
  after = reload (f);
  read = cl_caseload_lookup_student (after, "S-1002");
  g_assert_cmpuint (read->guardians->len, ==, n + 1);
  g_assert_cmpstr (g_array_index (read->guardians, ClGuardian, 0).phone, ==, "555-0199");
  g_assert_cmpstr (g_array_index (read->guardians, ClGuardian, 0).name, ==, g_array_index (s->guardians, ClGuardian, 0).name);
  g_assert_cmpstr (g_array_index (read->guardians, ClGuardian, n).name, ==, "Carmen Núñez");
  g_assert_null (g_array_index (read->guardians, ClGuardian, n).email);

  trail = cl_store_list_audit (f->store, "S-1002", &error);
  g_assert_cmpstr (find_audit (trail, "guardian_phone")->table, ==, "guardians");
  /* Newest first: the added guardian's phone, then the changed one. */
  {
    const ClAuditEntry *changed = NULL;
    guint new_fields = 0;

    for (guint i = 0; i < trail->len; i++)
      {
        const ClAuditEntry *e = g_ptr_array_index (trail, i);
        if (g_str_equal (e->row, "S-1002/1") && g_str_equal (e->field, "guardian_phone"))
          changed = e;
        if (g_str_equal (e->row, row))
          new_fields++;
      }
    g_assert_nonnull (changed);
    g_assert_cmpstr (changed->old_value, ==, g_array_index (s->guardians, ClGuardian, 0).phone);
    g_assert_cmpstr (changed->new_value, ==, "555-0199");
    /* name, relationship, language, phone */
    g_assert_cmpuint (new_fields, ==, 4);
  }

  /* Removing them all: each field of each goes, old value kept. */
  g_array_set_size (list, 0);
  g_assert_true (cl_store_set_guardians (f->store, "S-1002", list, &error));
  g_assert_no_error (error);
  g_clear_object (&after);
  after = reload (f);
  g_assert_cmpuint (cl_caseload_get_students (after)->len, ==, cl_caseload_get_students (f->caseload)->len);
  g_assert_cmpuint (cl_caseload_lookup_student (after, "S-1002")->guardians->len, ==, 0);
}

/* Whatever is refused leaves every table and the audit trail as they were. */
static void
test_refused (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *before = cl_store_export (f->store, NULL, NULL, &error);
  int audit_before = count_audit (f);
  ClStudent *existing = cl_caseload_lookup_student (f->caseload, "S-1002");
  g_autoptr(ClStudent) duplicate = new_student (f->caseload, "S-1002");
  g_autoptr(ClStudent) nowhere = new_student (f->caseload, "S-2002");
  g_autoptr(ClStudent) unborn = new_student (f->caseload, "S-2003");
  g_autoptr(ClStudent) ghost = new_student (f->caseload, "S-4040");
  g_autoptr(ClSchool) no_school = cl_school_new ("atlantis-hs", "Atlantis High");
  g_autoptr(GArray) nameless = g_array_new (FALSE, TRUE, sizeof (ClGuardian));
  ClGuardian g = { 0 };
  g_autofree char *after = NULL;

  g_assert_no_error (error);
  g_assert_cmpint (audit_before, >, 0);

  /* An id that is taken. */
  g_assert_false (cl_store_add_student (f->store, duplicate, &error));
  g_assert_error (error, CL_STORE_ERROR, CL_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "already"));
  g_clear_error (&error);
  /* A school the database does not have. */
  nowhere->school = no_school;
  g_assert_false (cl_store_add_student (f->store, nowhere, &error));
  g_assert_error (error, CL_STORE_ERROR, CL_STORE_ERROR_INVALID);
  g_clear_error (&error);
  /* No birth date. */
  unborn->birth_date = CL_DATE_NONE;
  g_assert_false (cl_store_add_student (f->store, unborn, &error));
  g_assert_error (error, CL_STORE_ERROR, CL_STORE_ERROR_INVALID);
  g_clear_error (&error);
  /* Emancipated before being born, on an existing student. */
  existing->emancipated_on = existing->birth_date - 1;
  g_assert_false (cl_store_update_student (f->store, existing, &error));
  g_assert_error (error, CL_STORE_ERROR, CL_STORE_ERROR_INVALID);
  g_clear_error (&error);
  /* A student who is not there. */
  g_assert_false (cl_store_update_student (f->store, ghost, &error));
  g_assert_error (error, CL_STORE_ERROR, CL_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (cl_store_set_guardians (f->store, "S-4040", nameless, &error));
  g_assert_error (error, CL_STORE_ERROR, CL_STORE_ERROR_INVALID);
  g_clear_error (&error);
  /* A guardian with no name. */
  g.phone = (char *) "555-0100";
  g_array_append_val (nameless, g);
  g_assert_false (cl_store_set_guardians (f->store, "S-1002", nameless, &error));
  g_assert_error (error, CL_STORE_ERROR, CL_STORE_ERROR_INVALID);
  g_clear_error (&error);

  after = cl_store_export (f->store, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpint (count_audit (f), ==, audit_before);
  /* And the database is sound. */
  g_assert_null (cl_store_check (f->store, &error));
  g_assert_no_error (error);
}

/* Runs @sql on the database through a connection of its own (what no store function writes). */
static void
exec_sql (Fixture    *f,
          const char *sql)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open_v2 (f->path, &db, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
}

/* The app's own rows of @student_id's meeting @meeting_id and notes, one line each, in order. */
static char *
app_rows (Fixture    *f,
          const char *student_id,
          const char *meeting_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) attempts = cl_store_list_attendance_attempts (f->store, student_id, meeting_id, &error);
  g_autoptr(GHashTable) ticks = cl_store_list_checklist (f->store, student_id, meeting_id, &error);
  g_autoptr(GList) items = NULL;
  GString *out = g_string_new (NULL);
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;

  g_assert_no_error (error);
  for (guint i = 0; i < attempts->len; i++)
    {
      const ClAttendanceAttempt *t = g_ptr_array_index (attempts, i);
      g_autofree char *day = cl_date_to_iso (t->date);

      g_string_append_printf (out, "attempt %s %s %s\n", day, cl_contact_method_names[t->method],
                              t->outcome ? t->outcome : "(none)");
    }
  items = g_list_sort (g_hash_table_get_keys (ticks), (GCompareFunc) strcmp);
  for (GList *l = items; l; l = l->next)
    g_string_append_printf (out, "tick %s %d\n", (char *) l->data,
                            GPOINTER_TO_INT (g_hash_table_lookup (ticks, l->data)));
  g_assert_cmpint (sqlite3_open_v2 (f->path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT written_at, author, text FROM notes WHERE student_id = ? ORDER BY id",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_text (stmt, 1, student_id, -1, SQLITE_STATIC);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_string_append_printf (out, "note %s %s %s\n", sqlite3_column_text (stmt, 0),
                            sqlite3_column_type (stmt, 1) == SQLITE_NULL ? "(none)" : (const char *) sqlite3_column_text (stmt, 1),
                            sqlite3_column_text (stmt, 2));
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return g_string_free (out, FALSE);
}

/* An undone delete brings back what the record does not hold: the attempts to reach the parent
 * (same-day ones in the order logged, an outcome left blank), the checklist (a tick taken back
 * stays "not done", not "never ticked") and the notes, exactly. */
static void
test_delete_and_restore_app_records (Fixture       *f,
                                     gconstpointer  data)
{
  g_autoptr(ClStudent) owner = cl_student_new ("scratch");
  g_autoptr(GError) error = NULL;
  g_autoptr(ClAppRecords) records = NULL;
  g_autoptr(ClCaseload) loaded = NULL;
  g_autoptr(ClCaseload) back = NULL;
  g_autofree char *before = NULL;
  g_autofree char *gone = NULL;
  g_autofree char *after = NULL;
  g_autofree char *again = NULL;
  ClMeeting *m = cl_student_add_meeting (owner, "m-log", CL_MEETING_ANNUAL, cl_date_from_ymd (2026, 12, 14));
  ClInvitee *parent = cl_meeting_add_invitee (m, CL_ROLE_PARENT);
  ClStudent *s;
  int audit_before;

  parent->name = g_strdup ("Lan Nguyen");
  g_assert_true (cl_store_add_meeting (f->store, "S-1002", m, &error));
  g_assert_true (cl_store_add_attendance_attempt (f->store, "S-1002", "m-log", cl_date_from_ymd (2026, 12, 4),
                                                  CL_CONTACT_LETTER, "Sent home in Vietnamese", NULL, &error));
  g_assert_true (cl_store_add_attendance_attempt (f->store, "S-1002", "m-log", cl_date_from_ymd (2026, 12, 2),
                                                  CL_CONTACT_PHONE, "No answer", NULL, &error));
  g_assert_true (cl_store_add_attendance_attempt (f->store, "S-1002", "m-log", cl_date_from_ymd (2026, 12, 2),
                                                  CL_CONTACT_EMAIL, NULL, NULL, &error));
  g_assert_true (cl_store_set_checklist_item (f->store, "S-1002", "m-log", "decisions", TRUE, &error));
  g_assert_true (cl_store_set_checklist_item (f->store, "S-1002", "m-log", "signatures", TRUE, &error));
  g_assert_true (cl_store_set_checklist_item (f->store, "S-1002", "m-log", "signatures", FALSE, &error));
  g_assert_no_error (error);
  exec_sql (f, "INSERT INTO notes (student_id, written_at, author, text) VALUES"
               " ('S-1002', '2026-11-30T15:00:00Z', 'jdelgado', 'Prefers calls after 4 pm'),"
               " ('S-1002', '2026-11-29T09:00:00Z', NULL, 'Older brother interprets'),"
               " ('S-1003', '2026-11-29T09:00:00Z', NULL, 'Not this student')");

  before = app_rows (f, "S-1002", "m-log");
  g_assert_cmpstr (before, ==,
                   "attempt 2026-12-02 phone No answer\n"
                   "attempt 2026-12-02 email (none)\n"
                   "attempt 2026-12-04 letter Sent home in Vietnamese\n"
                   "tick decisions 1\n"
                   "tick signatures 0\n"
                   "note 2026-11-30T15:00:00Z jdelgado Prefers calls after 4 pm\n"
                   "note 2026-11-29T09:00:00Z (none) Older brother interprets\n");

  /* As the app does it: the file as loaded, its app rows read, then the delete. */
  loaded = reload (f);
  s = cl_caseload_lookup_student (loaded, "S-1002");
  /* The demo's planned meeting of S-1002, and this one. */
  g_assert_cmpuint (s->meetings->len, ==, 2);
  records = cl_store_dup_app_records (f->store, "S-1002", &error);
  g_assert_no_error (error);
  g_assert_nonnull (records);
  g_assert_true (cl_store_delete_student (f->store, "S-1002", &error));
  g_assert_no_error (error);
  gone = app_rows (f, "S-1002", "m-log");
  g_assert_cmpstr (gone, ==, "");

  /* The undo: all of it back, in one transaction with the record. */
  g_assert_true (cl_store_restore_student (f->store, s, records, &error));
  g_assert_no_error (error);
  after = app_rows (f, "S-1002", "m-log");
  g_assert_cmpstr (after, ==, before);
  back = reload (f);
  g_assert_cmpuint (cl_caseload_lookup_student (back, "S-1002")->meetings->len, ==, 2);
  g_assert_cmpuint (cl_caseload_lookup_student (back, "S-1002")->events->len, ==, s->events->len);
  /* Another student's note was never touched. */
  {
    g_autofree char *other = app_rows (f, "S-1003", "none");
    g_assert_cmpstr (other, ==, "note 2026-11-29T09:00:00Z (none) Not this student\n");
  }

  /* Restoring again is refused (the student exists) and writes no second copy of the log. */
  audit_before = count_audit (f);
  g_assert_false (cl_store_restore_student (f->store, s, records, &error));
  g_assert_error (error, CL_STORE_ERROR, CL_STORE_ERROR_INVALID);
  g_clear_error (&error);
  again = app_rows (f, "S-1002", "m-log");
  g_assert_cmpstr (again, ==, before);
  g_assert_cmpint (count_audit (f), ==, audit_before);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/store-students/add", test_add);
  ADD ("/store-students/update", test_update);
  ADD ("/store-students/delete-and-add-back", test_delete_and_add_back);
  ADD ("/store-students/guardians", test_guardians);
  ADD ("/store-students/refused", test_refused);
  ADD ("/store-students/delete-and-restore-app-records", test_delete_and_restore_app_records);
#undef ADD
  return g_test_run ();
}
