/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-store-meetings.c — planned meetings in the case database: add, change, delete with invitees
 * and excusals; attempts to reach the parent; checklist ticks; a plan recorded as held (and the
 * engine's transition_plan_due met by it); undo of that; the export/import round trip of all of
 * it; and failing writes that leave the database exactly as it was. */
#include <glib/gstdio.h>
#include <string.h>

#include "cl-test-util.h"
#include "cl-bundle-reader.h"
#include "cl-deadline-engine.h"
#include "cl-store.h"

static char *tmpdir;

/* A fresh database holding the demo caseload. */
static ClStore *
demo_store (const char *name)
{
  g_autofree char *path = g_build_filename (tmpdir, name, NULL);
  g_autofree char *demo = g_test_build_filename (G_TEST_DIST, "..", "data", "demo", "demo-caseload.json", NULL);
  g_autofree char *text = NULL;
  g_autoptr(ClCaseload) c = NULL;
  g_autoptr(GError) error = NULL;
  ClStore *store;

  g_assert_true (g_file_get_contents (demo, &text, NULL, &error));
  c = cl_bundle_read_data (text, -1, &error);
  g_assert_no_error (error);
  store = cl_store_open (path, TRUE, &error);
  g_assert_no_error (error);
  g_assert_true (cl_store_import (store, c, TRUE, NULL, NULL, &error));
  g_assert_no_error (error);
  return store;
}

/* A meeting owned by a scratch student (freed with it): an annual review of S-1023 on
 * 2026-12-14 at 15:30, with a parent, an excused general education teacher whose area is
 * discussed, and a special education teacher. */
static ClMeeting *
sample_meeting (ClStudent *owner)
{
  ClMeeting *m = cl_student_add_meeting (owner, "m-plan-1", CL_MEETING_ANNUAL, D ("2026-12-14"));
  ClInvitee *inv;

  m->start_minutes = 15 * 60 + 30;
  m->location = g_strdup ("Room 12");
  m->interpreter = g_strdup ("hy");
  inv = cl_meeting_add_invitee (m, CL_ROLE_PARENT);
  inv->name = g_strdup ("Ani Grigoryan");
  inv = cl_meeting_add_invitee (m, CL_ROLE_GENERAL_EDUCATION_TEACHER);
  inv->staff_id = g_strdup ("t-lindqvist");
  inv->attending = FALSE;
  inv->excusal.present = TRUE;
  inv->excusal.area_discussed = TRUE;
  inv->excusal.parent_written_consent = D ("2026-12-03");
  inv = cl_meeting_add_invitee (m, CL_ROLE_SPECIAL_EDUCATION_TEACHER);
  inv->staff_id = g_strdup ("t-sarkisian");
  return m;
}

static ClMeeting *
find_meeting (ClCaseload *c,
              const char *student_id,
              const char *meeting_id)
{
  ClStudent *s = cl_caseload_lookup_student (c, student_id);

  for (guint i = 0; s && i < s->meetings->len; i++)
    if (g_str_equal (((ClMeeting *) g_ptr_array_index (s->meetings, i))->id, meeting_id))
      return g_ptr_array_index (s->meetings, i);
  return NULL;
}

static guint
audit_count (ClStore    *store,
             const char *student_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) trail = cl_store_list_audit (store, student_id, &error);

  g_assert_no_error (error);
  return trail->len;
}

static void
test_add_update_delete (void)
{
  g_autoptr(ClStore) store = demo_store ("meetings-crud.db");
  g_autoptr(ClStudent) owner = cl_student_new ("scratch");
  g_autoptr(GError) error = NULL;
  ClMeeting *m = sample_meeting (owner);
  guint audited = audit_count (store, "S-1023");
  ClInvitee *gen;

  g_assert_true (cl_store_add_meeting (store, "S-1023", m, &error));
  g_assert_no_error (error);
  /* One row for the meeting and one per invitee. */
  g_assert_cmpuint (audit_count (store, "S-1023"), ==, audited + 4);
  {
    g_autoptr(ClCaseload) c = cl_store_load_caseload (store, &error);
    ClMeeting *got = find_meeting (c, "S-1023", "m-plan-1");
    const ClInvitee *x;

    g_assert_nonnull (got);
    g_assert_cmpint (got->kind, ==, CL_MEETING_ANNUAL);
    g_assert_cmpuint (got->date, ==, D ("2026-12-14"));
    g_assert_cmpint (got->start_minutes, ==, 930);
    g_assert_cmpstr (got->location, ==, "Room 12");
    g_assert_cmpstr (got->interpreter, ==, "hy");
    g_assert_cmpuint (got->invitees->len, ==, 3);
    x = &g_array_index (got->invitees, ClInvitee, 1);
    g_assert_cmpint (x->role, ==, CL_ROLE_GENERAL_EDUCATION_TEACHER);
    g_assert_cmpstr (x->staff_id, ==, "t-lindqvist");
    g_assert_false (x->attending);
    g_assert_true (x->excusal.present);
    g_assert_true (x->excusal.area_discussed);
    g_assert_cmpuint (x->excusal.parent_written_consent, ==, D ("2026-12-03"));
    g_assert_cmpuint (x->excusal.written_input, ==, CL_DATE_NONE);
  }

  /* An attempt and a tick, then an update: both survive it. */
  g_assert_true (cl_store_add_attendance_attempt (store, "S-1023", "m-plan-1", D ("2026-12-01"),
                                                  CL_CONTACT_PHONE, "No answer", NULL, &error));
  g_assert_true (cl_store_set_checklist_item (store, "S-1023", "m-plan-1", "attendance", TRUE, &error));
  g_assert_no_error (error);

  audited = audit_count (store, "S-1023");
  gen = &g_array_index (m->invitees, ClInvitee, 1);
  gen->excusal.written_input = D ("2026-12-10");
  m->notice_sent = D ("2026-12-01");
  g_assert_true (cl_store_update_meeting (store, "S-1023", m, &error));
  g_assert_no_error (error);
  /* notice_sent changed, and one invitee line. */
  g_assert_cmpuint (audit_count (store, "S-1023"), ==, audited + 2);
  {
    g_autoptr(ClCaseload) c = cl_store_load_caseload (store, &error);
    ClMeeting *got = find_meeting (c, "S-1023", "m-plan-1");
    g_autoptr(GPtrArray) attempts = cl_store_list_attendance_attempts (store, "S-1023", "m-plan-1", &error);
    g_autoptr(GHashTable) ticks = cl_store_list_checklist (store, "S-1023", "m-plan-1", &error);

    g_assert_cmpuint (got->notice_sent, ==, D ("2026-12-01"));
    g_assert_cmpuint (g_array_index (got->invitees, ClInvitee, 1).excusal.written_input, ==, D ("2026-12-10"));
    g_assert_cmpuint (attempts->len, ==, 1);
    g_assert_true (GPOINTER_TO_INT (g_hash_table_lookup (ticks, "attendance")));
  }

  /* Deleting the meeting takes its attempts and checklist with it. */
  g_assert_true (cl_store_delete_meeting (store, "S-1023", "m-plan-1", &error));
  g_assert_no_error (error);
  {
    g_autoptr(ClCaseload) c = cl_store_load_caseload (store, &error);
    g_autoptr(GPtrArray) attempts = cl_store_list_attendance_attempts (store, "S-1023", "m-plan-1", &error);

    g_assert_null (find_meeting (c, "S-1023", "m-plan-1"));
    g_assert_cmpuint (attempts->len, ==, 0);
  }
  g_assert_false (cl_store_delete_meeting (store, "S-1023", "m-plan-1", &error));
  g_assert_error (error, CL_STORE_ERROR, CL_STORE_ERROR_INVALID);
}

static void
test_attempts_and_checklist (void)
{
  g_autoptr(ClStore) store = demo_store ("meetings-attempts.db");
  g_autoptr(ClStudent) owner = cl_student_new ("scratch");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) attempts = NULL;
  g_autoptr(GHashTable) ticks = NULL;
  ClMeeting *m = sample_meeting (owner);
  gint64 first = 0, second = 0;

  g_assert_true (cl_store_add_meeting (store, "S-1023", m, &error));
  g_assert_true (cl_store_add_attendance_attempt (store, "S-1023", "m-plan-1", D ("2026-12-04"),
                                                  CL_CONTACT_LETTER, NULL, &first, &error));
  g_assert_true (cl_store_add_attendance_attempt (store, "S-1023", "m-plan-1", D ("2026-12-02"),
                                                  CL_CONTACT_PHONE, "Left a message", &second, &error));
  g_assert_no_error (error);
  g_assert_cmpint (first, !=, second);

  /* By date; and two attempts by two methods before the meeting are enough (HB 7.5). */
  attempts = cl_store_list_attendance_attempts (store, "S-1023", "m-plan-1", &error);
  g_assert_cmpuint (attempts->len, ==, 2);
  {
    const ClAttendanceAttempt *a0 = g_ptr_array_index (attempts, 0), *a1 = g_ptr_array_index (attempts, 1);
    ClContactAttempt plain[2] = { { a0->date, a0->method }, { a1->date, a1->method } };

    g_assert_cmpuint (a0->date, ==, D ("2026-12-02"));
    g_assert_cmpint (a0->method, ==, CL_CONTACT_PHONE);
    g_assert_cmpstr (a0->outcome, ==, "Left a message");
    g_assert_cmpint (a1->method, ==, CL_CONTACT_LETTER);
    g_assert_null (a1->outcome);
    g_assert_true (cl_meeting_prep_attempts_enough (plain, 2, m->date, 2, 2));
  }
  g_clear_pointer (&attempts, g_ptr_array_unref);

  g_assert_true (cl_store_delete_attendance_attempt (store, first, &error));
  attempts = cl_store_list_attendance_attempts (store, "S-1023", "m-plan-1", &error);
  g_assert_cmpuint (attempts->len, ==, 1);
  g_assert_false (cl_store_delete_attendance_attempt (store, first, &error));
  g_assert_error (error, CL_STORE_ERROR, CL_STORE_ERROR_INVALID);
  g_clear_error (&error);

  /* A tick, untick and another: the last word stays; the audit has each. */
  g_assert_true (cl_store_set_checklist_item (store, "S-1023", "m-plan-1", "rights", TRUE, &error));
  g_assert_true (cl_store_set_checklist_item (store, "S-1023", "m-plan-1", "rights", FALSE, &error));
  g_assert_true (cl_store_set_checklist_item (store, "S-1023", "m-plan-1", "attendance", TRUE, &error));
  g_assert_no_error (error);
  ticks = cl_store_list_checklist (store, "S-1023", "m-plan-1", &error);
  g_assert_cmpuint (g_hash_table_size (ticks), ==, 2);
  g_assert_false (GPOINTER_TO_INT (g_hash_table_lookup (ticks, "rights")));
  g_assert_true (GPOINTER_TO_INT (g_hash_table_lookup (ticks, "attendance")));
  {
    g_autoptr(GPtrArray) trail = cl_store_list_audit (store, "S-1023", &error);
    const ClAuditEntry *last = g_ptr_array_index (trail, 0), *before = g_ptr_array_index (trail, 1);

    g_assert_cmpstr (last->table, ==, "checklist_state");
    g_assert_cmpstr (last->field, ==, "attendance");
    g_assert_null (last->old_value);
    g_assert_cmpstr (last->new_value, ==, "done");
    g_assert_cmpstr (before->old_value, ==, "done");
    g_assert_cmpstr (before->new_value, ==, "not done");
  }
}

static const ClObligation *
find_obligation (GPtrArray  *obligations,
                 const char *student_id,
                 const char *rule_id)
{
  for (guint i = 0; i < obligations->len; i++)
    {
      const ClObligation *ob = g_ptr_array_index (obligations, i);
      if (g_str_equal (ob->student->id, student_id) && g_str_equal (ob->rule->id, rule_id))
        return ob;
    }
  return NULL;
}

static void
test_record_held (void)
{
  g_autoptr(ClStore) store = demo_store ("meetings-held.db");
  g_autoptr(ClStudent) owner = cl_student_new ("scratch");
  g_autoptr(ClRulePackSet) packs = cl_rule_pack_set_new_builtin (NULL);
  g_autoptr(ClDeadlineEngine) engine = cl_deadline_engine_new (packs);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) attempts = NULL;
  g_autoptr(GHashTable) ticks = NULL;
  ClMeeting *m = sample_meeting (owner);
  ClEvent held = { 0 };
  guint position = 0, n_events;
  ClDate today = D ("2026-12-14");

  g_assert_true (cl_store_add_meeting (store, "S-1023", m, &error));
  g_assert_true (cl_store_add_attendance_attempt (store, "S-1023", "m-plan-1", D ("2026-12-02"),
                                                  CL_CONTACT_PHONE, NULL, NULL, &error));
  g_assert_true (cl_store_set_checklist_item (store, "S-1023", "m-plan-1", "decisions", TRUE, &error));
  g_assert_no_error (error);

  /* Before: S-1023 (born 2010-09-02, last annual 2026-02-26) has no transition plan; rules.md:
   * M = 2026-02-26 before B16 = 2026-09-02, A = 2027-02-26 > B16, so due = B16, overdue. */
  {
    g_autoptr(ClCaseload) c = cl_store_load_caseload (store, &error);
    g_autoptr(GPtrArray) obs = cl_deadline_engine_compute (engine, c, today, &error);
    const ClObligation *tp = find_obligation (obs, "S-1023", "transition_plan_due");

    g_assert_nonnull (tp);
    g_assert_cmpuint (tp->due, ==, D ("2026-09-02"));
    g_assert_cmpint (tp->status, ==, CL_STATUS_OVERDUE);
    n_events = cl_caseload_lookup_student (c, "S-1023")->events->len;
  }

  attempts = cl_store_list_attendance_attempts (store, "S-1023", "m-plan-1", &error);
  ticks = cl_store_list_checklist (store, "S-1023", "m-plan-1", &error);
  held.type = CL_EVENT_IEP_MEETING;
  held.date = m->date;
  held.kind = CL_MEETING_ANNUAL;
  held.eligible = TRUE;
  held.transition_plan = TRUE;
  held.age_of_majority_informed = FALSE;
  g_assert_true (cl_store_record_meeting_held (store, "S-1023", "m-plan-1", &held, &position, &error));
  g_assert_no_error (error);
  {
    g_autoptr(ClCaseload) c = cl_store_load_caseload (store, &error);
    g_autoptr(GPtrArray) obs = cl_deadline_engine_compute (engine, c, today, &error);
    ClStudent *s = cl_caseload_lookup_student (c, "S-1023");
    const ClObligation *tp = find_obligation (obs, "S-1023", "transition_plan_due");
    g_autoptr(GPtrArray) left = cl_store_list_attendance_attempts (store, "S-1023", "m-plan-1", &error);
    const ClEvent *last;
    guint at = s->events->len;

    for (guint i = 0; i < s->events->len; i++)
      if (g_array_index (s->events, ClEvent, i).order == position)
        at = i;
    g_assert_cmpuint (s->events->len, ==, n_events + 1);
    g_assert_cmpuint (at, <, s->events->len);
    last = &g_array_index (s->events, ClEvent, MIN (at, s->events->len - 1));
    g_assert_cmpint (last->type, ==, CL_EVENT_IEP_MEETING);
    g_assert_cmpint (last->kind, ==, CL_MEETING_ANNUAL);
    g_assert_true (last->transition_plan);
    g_assert_false (last->age_of_majority_informed);
    g_assert_null (find_meeting (c, "S-1023", "m-plan-1"));
    g_assert_cmpuint (left->len, ==, 0);
    /* Met by the held meeting, after its due date. */
    g_assert_cmpuint (tp->met_on, ==, D ("2026-12-14"));
    g_assert_cmpint (tp->status, ==, CL_STATUS_MET_LATE);
  }
  {
    g_autoptr(GPtrArray) trail = cl_store_list_audit (store, "S-1023", &error);
    const ClAuditEntry *gone = g_ptr_array_index (trail, 0), *added = g_ptr_array_index (trail, 1);

    g_assert_cmpstr (gone->table, ==, "meetings");
    g_assert_cmpstr (gone->new_value, ==, "held");
    g_assert_cmpstr (added->table, ==, "events");
    g_assert_cmpstr (added->new_value, ==, "iep_meeting 2026-12-14 annual");
  }

  /* Undo: the event goes, the plan comes back with its attempt and its tick. */
  g_assert_true (cl_store_unrecord_meeting_held (store, "S-1023", position, m, attempts, ticks, &error));
  g_assert_no_error (error);
  {
    g_autoptr(ClCaseload) c = cl_store_load_caseload (store, &error);
    g_autoptr(GPtrArray) back = cl_store_list_attendance_attempts (store, "S-1023", "m-plan-1", &error);
    g_autoptr(GHashTable) ticked = cl_store_list_checklist (store, "S-1023", "m-plan-1", &error);

    g_assert_cmpuint (cl_caseload_lookup_student (c, "S-1023")->events->len, ==, n_events);
    g_assert_nonnull (find_meeting (c, "S-1023", "m-plan-1"));
    g_assert_cmpuint (back->len, ==, 1);
    g_assert_true (GPOINTER_TO_INT (g_hash_table_lookup (ticked, "decisions")));
  }
}

static void
test_round_trip (void)
{
  g_autoptr(ClStore) store = demo_store ("meetings-export.db");
  g_autofree char *path = g_build_filename (tmpdir, "meetings-import.db", NULL);
  g_autoptr(ClStudent) owner = cl_student_new ("scratch");
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *again = NULL;
  g_autoptr(ClCaseload) read = NULL;
  g_autoptr(ClStore) copy = NULL;
  ClMeeting *m = sample_meeting (owner);

  /* Unknown data of the meeting is kept alongside. */
  m->extra = json_object_new ();
  json_object_set_string_member (m->extra, "x_room_booking", "B-17");
  g_assert_true (cl_store_add_meeting (store, "S-1023", m, &error));
  g_assert_true (cl_store_add_attendance_attempt (store, "S-1023", "m-plan-1", D ("2026-12-02"),
                                                  CL_CONTACT_HOME_VISIT, "Spoke with the mother", NULL, &error));
  g_assert_true (cl_store_set_checklist_item (store, "S-1023", "m-plan-1", "rights", TRUE, &error));
  g_assert_no_error (error);

  text = cl_store_export (store, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (text, "\"attendance_attempts\""));
  g_assert_nonnull (strstr (text, "\"home_visit\""));
  g_assert_nonnull (strstr (text, "\"x_room_booking\""));

  read = cl_bundle_read_data (text, -1, &error);
  g_assert_no_error (error);
  g_unlink (path);
  copy = cl_store_open (path, TRUE, &error);
  g_assert_true (cl_store_import (copy, read, FALSE, NULL, NULL, &error));
  g_assert_no_error (error);
  {
    g_autoptr(GPtrArray) attempts = cl_store_list_attendance_attempts (copy, "S-1023", "m-plan-1", &error);
    g_autoptr(GHashTable) ticks = cl_store_list_checklist (copy, "S-1023", "m-plan-1", &error);
    g_autoptr(ClCaseload) c = cl_store_load_caseload (copy, &error);
    ClMeeting *got = find_meeting (c, "S-1023", "m-plan-1");

    g_assert_cmpuint (attempts->len, ==, 1);
    g_assert_cmpstr (((ClAttendanceAttempt *) g_ptr_array_index (attempts, 0))->outcome, ==, "Spoke with the mother");
    g_assert_true (GPOINTER_TO_INT (g_hash_table_lookup (ticks, "rights")));
    /* In the tables, not in the meeting's unknown data. */
    g_assert_false (json_object_has_member (got->extra, "attendance_attempts"));
    g_assert_cmpstr (json_object_get_string_member (got->extra, "x_room_booking"), ==, "B-17");
  }
  again = cl_store_export (copy, NULL, NULL, &error);
  g_assert_cmpstr (again, ==, text);
}

/* The database after a refused write is what it was: the same export, the same audit trail. */
static void
test_failure_changes_nothing (void)
{
  g_autoptr(ClStore) store = demo_store ("meetings-fail.db");
  g_autoptr(ClStudent) owner = cl_student_new ("scratch");
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  ClMeeting *m = sample_meeting (owner);
  ClEvent held = { 0 };
  guint audited;

  g_assert_true (cl_store_add_meeting (store, "S-1023", m, &error));
  before = cl_store_export (store, NULL, NULL, &error);
  audited = audit_count (store, "S-1023");

  /* The same id again: refused by the primary key after the row was half written. */
  g_assert_false (cl_store_add_meeting (store, "S-1023", m, &error));
  g_assert_error (error, CL_STORE_ERROR, CL_STORE_ERROR_INVALID);
  g_clear_error (&error);
  /* A student that does not exist. */
  g_assert_false (cl_store_add_meeting (store, "S-404", m, &error));
  g_clear_error (&error);
  /* A change to a time that does not exist. */
  m->start_minutes = 25 * 60;
  g_assert_false (cl_store_update_meeting (store, "S-1023", m, &error));
  g_clear_error (&error);
  m->start_minutes = 930;
  /* An attempt without a date, on a meeting that does not exist, and a held meeting that is not. */
  g_assert_false (cl_store_add_attendance_attempt (store, "S-1023", "m-plan-1", CL_DATE_NONE,
                                                   CL_CONTACT_PHONE, NULL, NULL, &error));
  g_clear_error (&error);
  g_assert_false (cl_store_add_attendance_attempt (store, "S-1023", "m-none", D ("2026-12-01"),
                                                   CL_CONTACT_PHONE, NULL, NULL, &error));
  g_clear_error (&error);
  g_assert_false (cl_store_set_checklist_item (store, "S-1023", "m-none", "rights", TRUE, &error));
  g_clear_error (&error);
  held.type = CL_EVENT_IEP_MEETING;
  held.date = m->date;
  held.kind = CL_MEETING_ANNUAL;
  g_assert_false (cl_store_record_meeting_held (store, "S-1023", "m-none", &held, NULL, &error));
  g_clear_error (&error);
  held.type = CL_EVENT_REFERRAL;
  g_assert_false (cl_store_record_meeting_held (store, "S-1023", "m-plan-1", &held, NULL, &error));
  g_clear_error (&error);

  {
    g_autofree char *after = cl_store_export (store, NULL, NULL, &error);
    g_assert_cmpstr (after, ==, before);
  }
  g_assert_cmpuint (audit_count (store, "S-1023"), ==, audited);

  /* A failure after part of the work is done: undoing a held meeting deletes its event, then
   * cannot put the plan back because a plan with that id exists again. The event stays. */
  {
    g_autofree char *middle = NULL;
    g_autofree char *after = NULL;
    guint position = 0;

    held.type = CL_EVENT_IEP_MEETING;
    g_assert_true (cl_store_record_meeting_held (store, "S-1023", "m-plan-1", &held, &position, &error));
    g_assert_true (cl_store_add_meeting (store, "S-1023", m, &error));
    g_assert_no_error (error);
    middle = cl_store_export (store, NULL, NULL, &error);
    audited = audit_count (store, "S-1023");
    g_assert_false (cl_store_unrecord_meeting_held (store, "S-1023", position, m, NULL, NULL, &error));
    g_assert_error (error, CL_STORE_ERROR, CL_STORE_ERROR_INVALID);
    g_clear_error (&error);
    after = cl_store_export (store, NULL, NULL, &error);
    g_assert_cmpstr (after, ==, middle);
    g_assert_cmpuint (audit_count (store, "S-1023"), ==, audited);
  }
}

/* An agency representative's consent date (kept in the invitee's extra by the meeting window)
 * is stored with the invitee and comes back, also through an export. */
static void
test_invitee_consent (void)
{
  g_autoptr(ClStore) store = demo_store ("meetings-consent.db");
  g_autoptr(ClStudent) owner = cl_student_new ("scratch");
  g_autoptr(GError) error = NULL;
  g_autoptr(ClCaseload) c = NULL;
  g_autofree char *text = NULL;
  ClMeeting *m = sample_meeting (owner);
  ClInvitee *agency = cl_meeting_add_invitee (m, CL_ROLE_AGENCY_REPRESENTATIVE);
  const ClMeeting *got = NULL;
  ClStudent *s;

  agency->name = g_strdup ("Regional Center");
  agency->extra = json_object_new ();
  json_object_set_string_member (agency->extra, "consent", "2026-12-03");
  g_assert_true (cl_store_add_meeting (store, "S-1023", m, &error));
  g_assert_no_error (error);

  c = cl_store_load_caseload (store, &error);
  g_assert_no_error (error);
  s = cl_caseload_lookup_student (c, "S-1023");
  for (guint i = 0; i < s->meetings->len; i++)
    if (g_str_equal (((ClMeeting *) g_ptr_array_index (s->meetings, i))->id, m->id))
      got = g_ptr_array_index (s->meetings, i);
  g_assert_nonnull (got);
  for (guint i = 0; i < got->invitees->len; i++)
    {
      const ClInvitee *inv = &g_array_index (got->invitees, ClInvitee, i);
      if (inv->role != CL_ROLE_AGENCY_REPRESENTATIVE)
        continue;
      g_assert_nonnull (inv->extra);
      g_assert_cmpstr (json_object_get_string_member (inv->extra, "consent"), ==, "2026-12-03");
    }
  text = cl_store_export (store, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (text, "\"consent\": \"2026-12-03\""));
}

int
main (int argc, char **argv)
{
  int status;

  g_test_init (&argc, &argv, NULL);
  tmpdir = g_dir_make_tmp ("caseload-store-meetings-XXXXXX", NULL);
  g_test_add_func ("/store/meetings/add-update-delete", test_add_update_delete);
  g_test_add_func ("/store/meetings/attempts-and-checklist", test_attempts_and_checklist);
  g_test_add_func ("/store/meetings/record-held", test_record_held);
  g_test_add_func ("/store/meetings/round-trip", test_round_trip);
  g_test_add_func ("/store/meetings/failure-changes-nothing", test_failure_changes_nothing);
  g_test_add_func ("/store/meetings/invitee-consent", test_invitee_consent);
  status = g_test_run ();
  {
    g_autoptr(GDir) dir = g_dir_open (tmpdir, 0, NULL);
    const char *name;
    while (dir && (name = g_dir_read_name (dir)))
      {
        g_autofree char *path = g_build_filename (tmpdir, name, NULL);
        g_unlink (path);
      }
    g_rmdir (tmpdir);
  }
  return status;
}
