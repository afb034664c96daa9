/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-meeting-prep.c — the proposed team by meeting kind and age, each excusal state, and the
 * parent-attempts threshold (rules.md §4 required_member_missing, excusal_incomplete; HB 7.2.B,
 * 7.4, 7.5). */
#include "cl-meeting-prep.h"
#include "cl-rule-ids.h"
#include "cl-test-util.h"

static const ClRule *
required_rule (ClRulePackSet *packs)
{
  const ClRulePack *ca = cl_rule_pack_set_lookup (packs, "CA", NULL);
  return cl_rule_pack_lookup (ca, "required_member_missing");
}

static gboolean
has (GArray        *team,
     ClInviteeRole  role,
     gboolean       required)
{
  for (guint i = 0; i < team->len; i++)
    {
      const ClProposedRole *p = &g_array_index (team, ClProposedRole, i);
      if (p->role == role)
        return p->required == required;
    }
  return FALSE;
}

static gboolean
absent (GArray        *team,
        ClInviteeRole  role)
{
  for (guint i = 0; i < team->len; i++)
    if (g_array_index (team, ClProposedRole, i).role == role)
      return FALSE;
  return TRUE;
}

static void
test_team (void)
{
  g_autoptr(ClRulePackSet) packs = cl_rule_pack_set_new_builtin (NULL);
  const ClRule *rule = required_rule (packs);
  g_autoptr(ClStudent) young = cl_student_new ("Y");
  g_autoptr(ClStudent) fifteen = cl_student_new ("F");
  g_autoptr(ClStudent) toddler = cl_student_new ("T");
  ClGuardian g = { 0 };

  young->birth_date = D ("2014-06-01");
  young->home_language = g_strdup ("en");
  fifteen->birth_date = D ("2011-05-01");
  toddler->birth_date = D ("2024-03-15");
  toddler->part_c = TRUE;
  g.language = g_strdup ("es");
  cl_student_add_guardian (fifteen, &g);

  /* An annual for a 12-year-old, English at home: the four core members, no student, no interpreters. */
  {
    g_autoptr(GArray) team = cl_meeting_prep_propose_team (rule, young, CL_MEETING_ANNUAL, D ("2026-12-01"));
    g_assert_true (has (team, CL_ROLE_PARENT, TRUE));
    g_assert_true (has (team, CL_ROLE_GENERAL_EDUCATION_TEACHER, TRUE));
    g_assert_true (has (team, CL_ROLE_SPECIAL_EDUCATION_TEACHER, TRUE));
    g_assert_true (has (team, CL_ROLE_LEA_REPRESENTATIVE, TRUE));
    g_assert_true (absent (team, CL_ROLE_ASSESSMENT_INTERPRETER));
    g_assert_true (absent (team, CL_ROLE_STUDENT));
    g_assert_true (absent (team, CL_ROLE_INTERPRETER));
  }
  /* A triennial adds someone to interpret the assessments. */
  {
    g_autoptr(GArray) team = cl_meeting_prep_propose_team (rule, young, CL_MEETING_TRIENNIAL, D ("2026-12-01"));
    g_assert_true (has (team, CL_ROLE_ASSESSMENT_INTERPRETER, TRUE));
  }
  /* 15 and a half at an annual on 2026-12-01: B16 2027-05-01 is within a year, so transition is
   * considered: the student, and agencies (with consent); a Spanish-speaking parent: an interpreter. */
  {
    g_autoptr(GArray) team = cl_meeting_prep_propose_team (rule, fifteen, CL_MEETING_ANNUAL, D ("2026-12-01"));
    g_assert_true (has (team, CL_ROLE_STUDENT, TRUE));
    g_assert_true (has (team, CL_ROLE_AGENCY_REPRESENTATIVE, FALSE));
    g_assert_true (has (team, CL_ROLE_INTERPRETER, FALSE));
  }
  /* An amendment at 15: no student required (the birthday has not passed); at 16 it is. */
  {
    g_autoptr(GArray) team = cl_meeting_prep_propose_team (rule, fifteen, CL_MEETING_AMENDMENT, D ("2026-12-01"));
    g_autoptr(GArray) later = cl_meeting_prep_propose_team (rule, fifteen, CL_MEETING_AMENDMENT, D ("2027-05-01"));
    g_assert_true (absent (team, CL_ROLE_STUDENT));
    g_assert_true (has (later, CL_ROLE_STUDENT, TRUE));
  }
  /* A Part C child's initial meeting before 3: the Early Start coordinator is proposed. */
  {
    g_autoptr(GArray) team = cl_meeting_prep_propose_team (rule, toddler, CL_MEETING_INITIAL, D ("2027-02-01"));
    g_assert_true (has (team, CL_ROLE_PART_C_COORDINATOR, FALSE));
    g_assert_true (has (team, CL_ROLE_ASSESSMENT_INTERPRETER, TRUE));
  }
}

static void
test_excusals (void)
{
  const struct {
    gboolean attending, present, discussed;
    const char *consent, *input;
    ClExcusalState state;
    const char *completed;
  } cases[] = {
    { TRUE, FALSE, FALSE, NULL, NULL, CL_EXCUSAL_NOT_NEEDED, NULL },
    { FALSE, FALSE, FALSE, NULL, NULL, CL_EXCUSAL_MISSING, NULL },
    { FALSE, TRUE, FALSE, NULL, NULL, CL_EXCUSAL_NEEDS_CONSENT, NULL },
    { FALSE, TRUE, FALSE, "2026-12-11", NULL, CL_EXCUSAL_NEEDS_CONSENT, NULL },   /* after the meeting */
    { FALSE, TRUE, FALSE, "2026-12-01", NULL, CL_EXCUSAL_COMPLETE, "2026-12-01" },
    { FALSE, TRUE, TRUE, "2026-12-01", NULL, CL_EXCUSAL_NEEDS_INPUT, NULL },
    { FALSE, TRUE, TRUE, "2026-12-01", "2026-12-12", CL_EXCUSAL_NEEDS_INPUT, NULL },
    { FALSE, TRUE, TRUE, "2026-12-01", "2026-12-08", CL_EXCUSAL_COMPLETE, "2026-12-08" },
    { FALSE, TRUE, TRUE, "2026-12-10", "2026-12-08", CL_EXCUSAL_COMPLETE, "2026-12-10" },   /* on the day */
    /* Input "prior to the meeting" (HB 7.4, lines 6292–6294): the day before will do, the day of does not. */
    { FALSE, TRUE, TRUE, "2026-12-01", "2026-12-09", CL_EXCUSAL_COMPLETE, "2026-12-09" },
    { FALSE, TRUE, TRUE, "2026-12-01", "2026-12-10", CL_EXCUSAL_NEEDS_INPUT, NULL },
  };
  ClDate meeting = D ("2026-12-10");

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      ClInvitee inv = { 0 };
      ClDate completed = 42;

      inv.attending = cases[i].attending;
      inv.excusal.present = cases[i].present;
      inv.excusal.area_discussed = cases[i].discussed;
      if (cases[i].consent)
        inv.excusal.parent_written_consent = D (cases[i].consent);
      if (cases[i].input)
        inv.excusal.written_input = D (cases[i].input);
      g_assert_cmpint (cl_meeting_prep_excusal_state (&inv, meeting, &completed), ==, cases[i].state);
      g_assert_cmpuint (completed, ==, cases[i].completed ? D (cases[i].completed) : CL_DATE_NONE);
      g_assert_cmpstr (cl_excusal_state_explain (cases[i].state), !=, "");
    }
}

/* rules.md §4 required_member_missing: no general education teacher for a student outside regular
 * education (HB lines 6221–6223); absent, the student takes part (as before). */
static void
test_team_regular_education (void)
{
  g_autoptr(ClRulePackSet) packs = cl_rule_pack_set_new_builtin (NULL);
  const ClRule *rule = required_rule (packs);
  g_autoptr(ClStudent) outside = cl_student_new ("O");
  g_autoptr(ClStudent) inside = cl_student_new ("I");
  g_autoptr(GArray) team_outside = NULL;
  g_autoptr(GArray) team_inside = NULL;

  outside->birth_date = inside->birth_date = D ("2014-06-01");
  outside->extra = json_object_new ();
  json_object_set_boolean_member (outside->extra, "regular_education", FALSE);
  team_outside = cl_meeting_prep_propose_team (rule, outside, CL_MEETING_ANNUAL, D ("2026-12-01"));
  team_inside = cl_meeting_prep_propose_team (rule, inside, CL_MEETING_ANNUAL, D ("2026-12-01"));
  g_assert_true (absent (team_outside, CL_ROLE_GENERAL_EDUCATION_TEACHER));
  g_assert_true (has (team_outside, CL_ROLE_SPECIAL_EDUCATION_TEACHER, TRUE));
  g_assert_true (has (team_inside, CL_ROLE_GENERAL_EDUCATION_TEACHER, TRUE));
}

/* The district's written agreement (rules.md §4 excusal_incomplete, HB lines 6279–6280, 6290):
 * meeting 2026-12-10, area not discussed, parent's consent 2026-12-01. */
static void
test_excusal_lea_consent (void)
{
  const struct { const char *lea; ClExcusalState state; const char *completed; } cases[] = {
    /* Absent: the parent's date stands for both. */
    { NULL, CL_EXCUSAL_COMPLETE, "2026-12-01" },
    /* The later of the two. */
    { "2026-12-05", CL_EXCUSAL_COMPLETE, "2026-12-05" },
    { "2026-11-20", CL_EXCUSAL_COMPLETE, "2026-12-01" },
    /* On the meeting day will do; the day after will not. */
    { "2026-12-10", CL_EXCUSAL_COMPLETE, "2026-12-10" },
    { "2026-12-11", CL_EXCUSAL_NEEDS_LEA_CONSENT, NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      ClInvitee inv = { 0 };
      ClDate completed = 42;

      inv.excusal.present = TRUE;
      inv.excusal.parent_written_consent = D ("2026-12-01");
      if (cases[i].lea != NULL)
        {
          inv.excusal.extra = json_object_new ();
          json_object_set_string_member (inv.excusal.extra, "lea_consent", cases[i].lea);
        }
      g_assert_cmpint (cl_meeting_prep_excusal_state (&inv, D ("2026-12-10"), &completed), ==, cases[i].state);
      g_assert_cmpuint (completed, ==, cases[i].completed ? D (cases[i].completed) : CL_DATE_NONE);
      g_assert_cmpstr (cl_excusal_state_explain (cases[i].state), !=, "");
      g_clear_pointer (&inv.excusal.extra, json_object_unref);
    }
}

static void
test_attempts (void)
{
  ClDate meeting = D ("2026-12-10");
  const ClContactAttempt two_phone[] = { { D ("2026-11-30"), CL_CONTACT_PHONE }, { D ("2026-12-02"), CL_CONTACT_PHONE } };
  const ClContactAttempt phone_letter[] = { { D ("2026-11-30"), CL_CONTACT_PHONE }, { D ("2026-12-02"), CL_CONTACT_LETTER } };
  const ClContactAttempt one_late[] = { { D ("2026-11-30"), CL_CONTACT_PHONE }, { D ("2026-12-11"), CL_CONTACT_LETTER } };

  g_assert_false (cl_meeting_prep_attempts_enough (NULL, 0, meeting, 2, 2));
  g_assert_false (cl_meeting_prep_attempts_enough (two_phone, 2, meeting, 2, 2));   /* one method */
  g_assert_true (cl_meeting_prep_attempts_enough (phone_letter, 2, meeting, 2, 2));
  g_assert_false (cl_meeting_prep_attempts_enough (one_late, 2, meeting, 2, 2));     /* after the meeting */
  g_assert_true (cl_meeting_prep_attempts_enough (two_phone, 2, meeting, 2, 1));
}

/* The student's own pack names who must attend, else the caseload's; a pack that is not there: none. */
static void
test_required_rule_lookup (void)
{
  g_autoptr(ClRulePackSet) packs = cl_rule_pack_set_new_builtin (NULL);
  g_autoptr(ClCaseload) caseload = cl_caseload_new ();
  g_autoptr(ClStudent) student = cl_student_new ("S");
  const ClRule *rule;

  /* A new caseload follows the federal floor. */
  rule = cl_meeting_prep_required_rule (packs, caseload, student);
  g_assert_true (rule == cl_rule_pack_lookup (cl_rule_pack_set_lookup (packs, "US", NULL), CL_RULE_REQUIRED_MEMBER_MISSING));
  cl_caseload_set_jurisdiction (caseload, "CA");
  rule = cl_meeting_prep_required_rule (packs, caseload, student);
  g_assert_nonnull (rule);
  g_assert_cmpstr (rule->id, ==, CL_RULE_REQUIRED_MEMBER_MISSING);
  g_assert_true (rule == cl_rule_pack_lookup (cl_rule_pack_set_lookup (packs, "CA", NULL), CL_RULE_REQUIRED_MEMBER_MISSING));
  student->jurisdiction = g_strdup ("UT");
  rule = cl_meeting_prep_required_rule (packs, caseload, student);
  g_assert_true (rule == cl_rule_pack_lookup (cl_rule_pack_set_lookup (packs, "UT", NULL), CL_RULE_REQUIRED_MEMBER_MISSING));
  g_free (student->jurisdiction);
  student->jurisdiction = g_strdup ("XX");
  g_assert_null (cl_meeting_prep_required_rule (packs, caseload, student));
}

/* The meeting to plan is the one the soonest open obligation calls for; met ones and rules that
 * are not meetings do not count; none open: an annual review. */
static void
test_suggested_kind (void)
{
  g_autoptr(ClRulePackSet) packs = cl_rule_pack_set_new_builtin (NULL);
  const ClRulePack *ca = cl_rule_pack_set_lookup (packs, "CA", NULL);
  ClObligation triennial = { .rule = cl_rule_pack_lookup (ca, CL_RULE_TRIENNIAL_DUE), .due = D ("2027-03-01") };
  ClObligation mdr = { .rule = cl_rule_pack_lookup (ca, CL_RULE_MANIFESTATION_DETERMINATION_DUE), .due = D ("2027-01-10") };
  ClObligation initial = { .rule = cl_rule_pack_lookup (ca, CL_RULE_INITIAL_IEP_DUE), .due = D ("2026-12-01"),
                           .met_on = D ("2026-11-20") };
  ClObligation plan = { .rule = cl_rule_pack_lookup (ca, CL_RULE_ASSESSMENT_PLAN_DUE), .due = D ("2026-11-01") };
  g_autoptr(GPtrArray) obligations = g_ptr_array_new ();

  g_assert_nonnull (triennial.rule);
  g_assert_nonnull (mdr.rule);
  g_assert_cmpint (cl_meeting_prep_suggested_kind (obligations), ==, CL_MEETING_ANNUAL);
  g_assert_cmpint (cl_meeting_prep_suggested_kind (NULL), ==, CL_MEETING_ANNUAL);
  g_ptr_array_add (obligations, &triennial);
  g_ptr_array_add (obligations, &initial);
  g_ptr_array_add (obligations, &plan);
  g_assert_cmpint (cl_meeting_prep_suggested_kind (obligations), ==, CL_MEETING_TRIENNIAL);
  g_ptr_array_add (obligations, &mdr);
  g_assert_cmpint (cl_meeting_prep_suggested_kind (obligations), ==, CL_MEETING_MANIFESTATION);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/meeting-prep/team", test_team);
  g_test_add_func ("/meeting-prep/excusals", test_excusals);
  g_test_add_func ("/meeting-prep/team-regular-education", test_team_regular_education);
  g_test_add_func ("/meeting-prep/excusal-lea-consent", test_excusal_lea_consent);
  g_test_add_func ("/meeting-prep/attempts", test_attempts);
  g_test_add_func ("/meeting-prep/required-rule-lookup", test_required_rule_lookup);
  g_test_add_func ("/meeting-prep/suggested-kind", test_suggested_kind);
  return g_test_run ();
}
