/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-case-model.c — the deep copies of the case model (cl_student_copy, cl_meeting_copy,
 * cl_guardian_copy): every field copied, and the copy whole after its source is freed (run it
 * under valgrind to see that nothing is read from the freed source) */
#include <string.h>

#include "cl-bundle-reader.h"
#include "cl-bundle-writer.h"
#include "cl-case-model.h"
#include "cl-event-labels.h"
#include "cl-student-history.h"

static JsonObject *
extra_with (const char *member,
            const char *value)
{
  JsonObject *o = json_object_new ();

  json_object_set_string_member (o, member, value);
  return o;
}

/* A triennial review with every field of a meeting, an invitee and an excusal set (none at its
 * default), each extra a member of its own. */
static ClMeeting *
full_meeting (ClStudent *owner)
{
  ClMeeting *m = cl_student_add_meeting (owner, "m-1", CL_MEETING_TRIENNIAL, cl_date_from_ymd (2026, 12, 14));
  ClInvitee *inv;

  m->start_minutes = 15 * 60 + 30;
  m->location = g_strdup ("Room 12");
  m->notice_sent = cl_date_from_ymd (2026, 12, 1);
  m->interpreter = g_strdup ("hy");
  m->extra = extra_with ("x-meeting", "kept");
  inv = cl_meeting_add_invitee (m, CL_ROLE_PARENT);
  inv->name = g_strdup ("Karine Grigoryan");
  inv = cl_meeting_add_invitee (m, CL_ROLE_GENERAL_EDUCATION_TEACHER);
  inv->staff_id = g_strdup ("t-lindqvist");
  inv->name = g_strdup ("Erik Lindqvist");
  inv->attending = FALSE;
  inv->excusal.present = TRUE;
  inv->excusal.area_discussed = TRUE;
  inv->excusal.parent_written_consent = cl_date_from_ymd (2026, 12, 3);
  inv->excusal.written_input = cl_date_from_ymd (2026, 12, 10);
  inv->excusal.extra = extra_with ("x-excusal", "kept");
  inv->extra = extra_with ("x-invitee", "kept");
  return m;
}

static void
assert_full_meeting (const ClMeeting *m)
{
  const ClInvitee *parent, *teacher;

  g_assert_cmpstr (m->id, ==, "m-1");
  g_assert_cmpint (m->kind, ==, CL_MEETING_TRIENNIAL);
  g_assert_cmpuint (m->date, ==, cl_date_from_ymd (2026, 12, 14));
  g_assert_cmpint (m->start_minutes, ==, 15 * 60 + 30);
  g_assert_cmpstr (m->location, ==, "Room 12");
  g_assert_cmpuint (m->notice_sent, ==, cl_date_from_ymd (2026, 12, 1));
  g_assert_cmpstr (m->interpreter, ==, "hy");
  g_assert_cmpstr (json_object_get_string_member (m->extra, "x-meeting"), ==, "kept");
  g_assert_cmpuint (m->invitees->len, ==, 2);
  parent = &g_array_index (m->invitees, ClInvitee, 0);
  teacher = &g_array_index (m->invitees, ClInvitee, 1);
  g_assert_cmpint (parent->role, ==, CL_ROLE_PARENT);
  g_assert_cmpstr (parent->name, ==, "Karine Grigoryan");
  g_assert_null (parent->staff_id);
  g_assert_true (parent->attending);
  g_assert_false (parent->excusal.present);
  g_assert_null (parent->extra);
  g_assert_cmpint (teacher->role, ==, CL_ROLE_GENERAL_EDUCATION_TEACHER);
  g_assert_cmpstr (teacher->name, ==, "Erik Lindqvist");
  g_assert_cmpstr (teacher->staff_id, ==, "t-lindqvist");
  g_assert_false (teacher->attending);
  g_assert_true (teacher->excusal.present);
  g_assert_true (teacher->excusal.area_discussed);
  g_assert_cmpuint (teacher->excusal.parent_written_consent, ==, cl_date_from_ymd (2026, 12, 3));
  g_assert_cmpuint (teacher->excusal.written_input, ==, cl_date_from_ymd (2026, 12, 10));
  g_assert_cmpstr (json_object_get_string_member (teacher->excusal.extra, "x-excusal"), ==, "kept");
  g_assert_cmpstr (json_object_get_string_member (teacher->extra, "x-invitee"), ==, "kept");
}

/* Every field of a student set, with two guardians, two events (an exit with its reason, a
 * removal with its days and circumstance) and the meeting above. */
static ClStudent *
full_student (ClSchool *school,
              ClStaff  *manager)
{
  ClStudent *s = cl_student_new ("S-9001");
  ClGuardian g = { 0 };
  ClEvent *e;

  s->first_name = g_strdup ("Valeria");
  s->last_name = g_strdup ("Gutiérrez");
  s->birth_date = cl_date_from_ymd (2010, 9, 2);
  s->school = school;
  s->grade = g_strdup ("10");
  s->case_manager = manager;
  s->home_language = g_strdup ("es");
  s->english_learner = TRUE;
  s->eligibility_primary = g_strdup ("SLD");
  s->eligibility_secondary = g_strdup ("SLI");
  s->conservatorship = TRUE;
  s->part_c = TRUE;
  s->emancipated_on = cl_date_from_ymd (2028, 9, 2);
  s->jurisdiction = g_strdup ("CA");
  s->eligibility_extra = extra_with ("x-eligibility", "kept");
  s->extra = extra_with ("x-student", "kept");

  g.name = g_strdup ("Rosa Gutiérrez");
  g.relationship = g_strdup ("mother");
  g.language = g_strdup ("es");
  g.phone = g_strdup ("555-0100");
  g.email = g_strdup ("rosa@example.org");
  g.address = g_strdup ("1 Elm St");
  g.extra = extra_with ("x-guardian", "kept");
  cl_student_add_guardian (s, &g);
  memset (&g, 0, sizeof g);
  g.name = g_strdup ("Ana Gutiérrez");
  cl_student_add_guardian (s, &g);

  e = cl_student_add_event (s, CL_EVENT_REMOVAL, cl_date_from_ymd (2026, 10, 5));
  e->kind = CL_REMOVAL_SUSPENSION;
  e->school_days = 2.5;
  e->special = CL_SPECIAL_WEAPON;
  e->extra = extra_with ("x-event", "kept");
  e = cl_student_add_event (s, CL_EVENT_EXIT, cl_date_from_ymd (2026, 11, 1));
  e->from = CL_TRANSFER_IN_STATE;
  e->eligible = FALSE;
  e->transition_plan = TRUE;
  e->age_of_majority_informed = TRUE;
  e->has_iep = TRUE;
  e->reason = g_strdup ("moved");
  full_meeting (s);
  return s;
}

static void
test_student_copy (void)
{
  ClSchool *school = cl_school_new ("lincoln-ms", "Lincoln Middle School");
  ClStaff *manager = cl_staff_new ("t-delgado", "J. Delgado", CL_STAFF_CASE_MANAGER);
  ClStudent *src = full_student (school, manager);
  ClStudent *copy = cl_student_copy (src);
  const ClGuardian *g;
  const ClEvent *removal, *left;

  /* Nothing of the copy is the source's own memory. */
  g_assert_true (copy->first_name != src->first_name);
  g_assert_true (copy->guardians != src->guardians);
  g_assert_true (copy->events != src->events);
  g_assert_true (copy->meetings != src->meetings);
  g_assert_true (g_ptr_array_index (copy->meetings, 0) != g_ptr_array_index (src->meetings, 0));
  g_assert_true (g_array_index (copy->guardians, ClGuardian, 0).name != g_array_index (src->guardians, ClGuardian, 0).name);
  g_assert_true (g_array_index (copy->events, ClEvent, 1).reason != g_array_index (src->events, ClEvent, 1).reason);
  cl_student_free (src);

  g_assert_cmpstr (copy->id, ==, "S-9001");
  g_assert_cmpstr (copy->first_name, ==, "Valeria");
  g_assert_cmpstr (copy->last_name, ==, "Gutiérrez");
  g_assert_cmpuint (copy->birth_date, ==, cl_date_from_ymd (2010, 9, 2));
  /* Borrowed, as the source borrowed them. */
  g_assert_true (copy->school == school);
  g_assert_true (copy->case_manager == manager);
  g_assert_cmpstr (copy->grade, ==, "10");
  g_assert_cmpstr (copy->home_language, ==, "es");
  g_assert_true (copy->english_learner);
  g_assert_cmpstr (copy->eligibility_primary, ==, "SLD");
  g_assert_cmpstr (copy->eligibility_secondary, ==, "SLI");
  g_assert_true (copy->conservatorship);
  g_assert_true (copy->part_c);
  g_assert_cmpuint (copy->emancipated_on, ==, cl_date_from_ymd (2028, 9, 2));
  g_assert_cmpstr (copy->jurisdiction, ==, "CA");
  g_assert_cmpstr (json_object_get_string_member (copy->eligibility_extra, "x-eligibility"), ==, "kept");
  g_assert_cmpstr (json_object_get_string_member (copy->extra, "x-student"), ==, "kept");

  g_assert_cmpuint (copy->guardians->len, ==, 2);
  g = &g_array_index (copy->guardians, ClGuardian, 0);
  g_assert_cmpstr (g->name, ==, "Rosa Gutiérrez");
  g_assert_cmpstr (g->relationship, ==, "mother");
  g_assert_cmpstr (g->language, ==, "es");
  g_assert_cmpstr (g->phone, ==, "555-0100");
  g_assert_cmpstr (g->email, ==, "rosa@example.org");
  g_assert_cmpstr (g->address, ==, "1 Elm St");
  g_assert_cmpstr (json_object_get_string_member (g->extra, "x-guardian"), ==, "kept");
  g = &g_array_index (copy->guardians, ClGuardian, 1);
  g_assert_cmpstr (g->name, ==, "Ana Gutiérrez");
  g_assert_null (g->phone);
  g_assert_null (g->extra);

  /* The events in their order, each field as it was, the position in the input too. */
  g_assert_cmpuint (copy->events->len, ==, 2);
  removal = &g_array_index (copy->events, ClEvent, 0);
  left = &g_array_index (copy->events, ClEvent, 1);
  g_assert_cmpint (removal->type, ==, CL_EVENT_REMOVAL);
  g_assert_cmpuint (removal->date, ==, cl_date_from_ymd (2026, 10, 5));
  g_assert_cmpuint (removal->order, ==, 0);
  g_assert_cmpint (removal->kind, ==, CL_REMOVAL_SUSPENSION);
  g_assert_cmpint (removal->from, ==, -1);
  g_assert_cmpfloat (removal->school_days, ==, 2.5);
  g_assert_cmpint (removal->special, ==, CL_SPECIAL_WEAPON);
  g_assert_true (removal->eligible);
  g_assert_false (removal->transition_plan);
  g_assert_null (removal->reason);
  g_assert_cmpstr (json_object_get_string_member (removal->extra, "x-event"), ==, "kept");
  g_assert_cmpint (left->type, ==, CL_EVENT_EXIT);
  g_assert_cmpuint (left->date, ==, cl_date_from_ymd (2026, 11, 1));
  g_assert_cmpuint (left->order, ==, 1);
  g_assert_cmpint (left->kind, ==, -1);
  g_assert_cmpint (left->from, ==, CL_TRANSFER_IN_STATE);
  g_assert_false (left->eligible);
  g_assert_true (left->transition_plan);
  g_assert_true (left->age_of_majority_informed);
  g_assert_true (left->has_iep);
  g_assert_cmpstr (left->reason, ==, "moved");
  g_assert_null (left->extra);

  g_assert_cmpuint (copy->meetings->len, ==, 1);
  assert_full_meeting (g_ptr_array_index (copy->meetings, 0));

  /* The copy is freed as any student is (valgrind: no leak, no double free). */
  cl_student_free (copy);
  cl_staff_free (manager);
  cl_school_free (school);
}

static void
test_meeting_copy (void)
{
  ClStudent *src_owner = cl_student_new ("from");
  g_autoptr(ClStudent) owner = cl_student_new ("to");
  ClMeeting *src = full_meeting (src_owner);
  ClMeeting *copy;

  /* Added to the owner's meetings, after what it has. */
  cl_student_add_meeting (owner, "m-0", CL_MEETING_ANNUAL, cl_date_from_ymd (2026, 11, 2));
  copy = cl_meeting_copy (src, owner);
  g_assert_cmpuint (owner->meetings->len, ==, 2);
  g_assert_true (g_ptr_array_index (owner->meetings, 1) == copy);
  g_assert_true (copy->invitees != src->invitees);
  g_assert_true (g_array_index (copy->invitees, ClInvitee, 1).staff_id != g_array_index (src->invitees, ClInvitee, 1).staff_id);
  /* The extras are shared, not duplicated: one more reference each. */
  g_assert_true (copy->extra == src->extra);
  cl_student_free (src_owner);
  assert_full_meeting (copy);

  /* A meeting with nothing optional set copies as that. */
  {
    ClMeeting *bare = cl_student_add_meeting (owner, "m-bare", CL_MEETING_OTHER, cl_date_from_ymd (2027, 1, 4));
    ClMeeting *again = cl_meeting_copy (bare, owner);

    g_assert_cmpstr (again->id, ==, "m-bare");
    g_assert_cmpint (again->start_minutes, ==, -1);
    g_assert_null (again->location);
    g_assert_cmpuint (again->notice_sent, ==, CL_DATE_NONE);
    g_assert_null (again->interpreter);
    g_assert_null (again->extra);
    g_assert_cmpuint (again->invitees->len, ==, 0);
  }
}

static void
test_guardian_copy_and_clear (void)
{
  ClGuardian src = { 0 }, copy = { 0 };

  src.name = g_strdup ("Rosa Gutiérrez");
  src.phone = g_strdup ("555-0100");
  src.extra = extra_with ("x-guardian", "kept");
  cl_guardian_copy (&src, &copy);
  cl_guardian_clear (&src);
  /* Cleared: nothing left to free twice. */
  g_assert_null (src.name);
  g_assert_null (src.phone);
  g_assert_null (src.extra);
  g_assert_cmpstr (copy.name, ==, "Rosa Gutiérrez");
  g_assert_cmpstr (copy.phone, ==, "555-0100");
  g_assert_null (copy.relationship);
  g_assert_cmpstr (json_object_get_string_member (copy.extra, "x-guardian"), ==, "kept");
  cl_guardian_clear (&copy);
}

/* The whole demo caseload, and the hand-made student with every field: copies of its students,
 * with the source caseload gone, are written as the same bundle text the originals were. */
static void
test_demo_students_copied (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "demo", "demo-caseload.json", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *written = NULL;
  g_autofree char *again = NULL;
  g_autoptr(GError) error = NULL;
  ClCaseload *demo;
  g_autoptr(ClCaseload) copies = cl_caseload_new ();
  GPtrArray *students;
  const char *from, *to;

  g_assert_true (g_file_get_contents (path, &contents, NULL, &error));
  demo = cl_bundle_read_data (contents, -1, &error);
  g_assert_no_error (error);
  g_assert_true (cl_caseload_add_student (demo, full_student (cl_caseload_lookup_school (demo, "lincoln-ms"),
                                                              cl_caseload_lookup_staff (demo, "t-delgado"))));
  students = cl_caseload_get_students (demo);
  g_assert_cmpuint (students->len, >=, 40);
  for (guint i = 0; i < students->len; i++)
    {
      ClStudent *copy = cl_student_copy (g_ptr_array_index (students, i));
      ClSchool *school = NULL;
      ClStaff *manager = NULL;

      /* Stand-ins for what the copy borrows, owned by the new caseload. */
      if (copy->school != NULL && (school = cl_caseload_lookup_school (copies, copy->school->id)) == NULL)
        {
          school = cl_school_new (copy->school->id, copy->school->name);
          cl_caseload_add_school (copies, school);
        }
      if (copy->case_manager != NULL &&
          (manager = cl_caseload_lookup_staff (copies, copy->case_manager->id)) == NULL)
        {
          manager = cl_staff_new (copy->case_manager->id, copy->case_manager->name, copy->case_manager->role);
          cl_caseload_add_staff (copies, manager);
        }
      copy->school = school;
      copy->case_manager = manager;
      g_assert_true (cl_caseload_add_student (copies, copy));
    }
  written = cl_bundle_write (demo);
  g_object_unref (demo);

  /* The students' part of each bundle, from its list to the end. */
  again = cl_bundle_write (copies);
  from = strstr (written, "\"students\"");
  to = strstr (again, "\"students\"");
  g_assert_nonnull (from);
  g_assert_nonnull (to);
  g_assert_nonnull (strstr (from, "\"x-guardian\""));
  g_assert_cmpstr (to, ==, from);
}

/* The event the timeline expects next (cl_student_next_event), worked out from the path referral →
 * plan → consent → initial IEP, then annual reviews with a triennial every three years:
 * - nothing: a referral; a referral: the plan; a plan with no IEP: the consent; the consent: the
 *   initial meeting;
 * - an eligible initial meeting of 2025-03-10: the annual review (its three years end 2028-03-10,
 *   after the next annual review of 2026-03-10);
 * - a triennial of 2023-05-01 (three years end 2026-05-01) and an annual of 2025-04-28: the next
 *   annual review (2026-04-28) comes first, so the annual; with the annual of 2025-05-05 instead,
 *   the next one (2026-05-05) comes after 2026-05-01: the triennial;
 * - a reassessment consent: its triennial review; a transfer with an IEP: the interim meeting;
 * - an initial meeting found not eligible: no IEP, a referral again. */
static void
test_next_event (void)
{
  static const struct {
    const char *events;         /* "type:kind:date" separated by spaces; kind "" for none */
    ClEventType type;
    int         kind;
  } cases[] = {
    { "", CL_EVENT_REFERRAL, -1 },
    { "referral::2025-01-06", CL_EVENT_ASSESSMENT_PLAN_PROVIDED, -1 },
    { "referral::2025-01-06 assessment_plan_provided::2025-01-13", CL_EVENT_ASSESSMENT_PLAN_CONSENT, -1 },
    { "assessment_plan_consent::2025-01-20", CL_EVENT_IEP_MEETING, CL_MEETING_INITIAL },
    { "iep_meeting:initial:2025-03-10", CL_EVENT_IEP_MEETING, CL_MEETING_ANNUAL },
    { "iep_meeting:triennial:2023-05-01 iep_meeting:annual:2025-04-28", CL_EVENT_IEP_MEETING, CL_MEETING_ANNUAL },
    { "iep_meeting:triennial:2023-05-01 iep_meeting:annual:2025-05-05", CL_EVENT_IEP_MEETING, CL_MEETING_TRIENNIAL },
    { "iep_meeting:annual:2025-05-05 reassessment_consent::2025-10-01", CL_EVENT_IEP_MEETING, CL_MEETING_TRIENNIAL },
    { "transfer_in::2025-09-02", CL_EVENT_IEP_MEETING, CL_MEETING_INTERIM },
  };
  ClDate today = cl_date_from_ymd (2025, 11, 3);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(ClStudent) student = cl_student_new ("S-1");
      g_auto(GStrv) events = g_strsplit (cases[i].events, " ", -1);
      ClEventType type;
      int kind;

      for (guint j = 0; events[j] && *events[j]; j++)
        {
          g_auto(GStrv) parts = g_strsplit (events[j], ":", 3);
          ClDate date;
          ClEvent *e;

          g_assert_true (cl_date_parse_iso (parts[2], &date));
          e = cl_student_add_event (student, cl_enum_from_name (cl_event_type_names, CL_N_EVENT_TYPES, parts[0]), date);
          e->kind = *parts[1] ? cl_enum_from_name (cl_meeting_kind_names, CL_N_MEETING_KINDS, parts[1]) : -1;
          e->eligible = TRUE;
          e->has_iep = e->type == CL_EVENT_TRANSFER_IN;
        }
      cl_student_sort_events (student);
      cl_student_next_event (student, today, &type, &kind);
      g_test_message ("case %u: %s", i, cases[i].events);
      g_assert_cmpint (type, ==, cases[i].type);
      g_assert_cmpint (kind, ==, cases[i].kind);
    }

  /* Found not eligible at the initial meeting: no IEP follows, the history starts over. */
  {
    g_autoptr(ClStudent) student = cl_student_new ("S-2");
    ClEvent *e = cl_student_add_event (student, CL_EVENT_IEP_MEETING, cl_date_from_ymd (2025, 3, 10));
    ClEventType type;
    int kind;

    e->kind = CL_MEETING_INITIAL;
    e->eligible = FALSE;
    g_assert_false (cl_student_has_iep_on (student, today));
    cl_student_next_event (student, today, &type, &kind);
    g_assert_cmpint (type, ==, CL_EVENT_REFERRAL);
  }
}

/* Every event type belongs to one stage, and every stage has a label and at least one type. */
static void
test_event_stages (void)
{
  guint counts[CL_N_EVENT_STAGES] = { 0 };

  for (ClEventType t = 0; t < CL_N_EVENT_TYPES; t++)
    {
      ClEventStage stage = cl_event_type_stage (t);
      g_assert_cmpint (stage, <, CL_N_EVENT_STAGES);
      counts[stage]++;
    }
  for (ClEventStage s = 0; s < CL_N_EVENT_STAGES; s++)
    {
      g_assert_cmpuint (counts[s], >, 0);
      g_assert_cmpstr (cl_event_stage_label (s), !=, "");
    }
  g_assert_cmpint (cl_event_type_stage (CL_EVENT_IEP_MEETING), ==, CL_STAGE_IEP_MEETINGS);
  g_assert_cmpint (cl_event_type_stage (CL_EVENT_REMOVAL), ==, CL_STAGE_DISCIPLINE);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/case-model/student-copy", test_student_copy);
  g_test_add_func ("/case-model/meeting-copy", test_meeting_copy);
  g_test_add_func ("/case-model/guardian-copy-and-clear", test_guardian_copy_and_clear);
  g_test_add_func ("/case-model/demo-students-copied", test_demo_students_copied);
  g_test_add_func ("/case-model/next-event", test_next_event);
  g_test_add_func ("/case-model/event-stages", test_event_stages);
  return g_test_run ();
}
