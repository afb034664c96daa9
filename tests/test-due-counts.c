/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-due-counts.c — what Everything Due and the start summary count, for all and per case
 * manager
 *
 * A small caseload made by hand (every obligation and meeting on the edges of a group, with the
 * expected counts worked out below), then the demo caseload on 2026-12-07, whose counts were
 * worked out from `caseload-cli alerts --today 2026-12-07` and the demo's planned meetings; the
 * table a load counts every case manager in says the same.
 */
#include "cl-deadline-engine.h"
#include "cl-bundle-reader.h"
#include "cl-due-counts.h"
#include "cl-rule-ids.h"
#include "cl-test-util.h"

#define TODAY "2026-12-07"

typedef struct {
  const char *case_manager;   /* NULL: everyone */
  guint       overdue, week, next_30, later, notices, meetings;
} Expected;

/* The table of every case manager's counts, as the session makes it while loading: each run of
 * one student's obligations at once (the hand-made ones are in no order: runs of one), every
 * other run and student in a second table, as a second thread would, merged into the first. */
static ClDueCountTable *
table_of (GPtrArray  *obligations,
          ClCaseload *caseload)
{
  ClDueCountTable *tables[2] = { cl_due_count_table_new (D (TODAY)), cl_due_count_table_new (D (TODAY)) };
  GPtrArray *students = caseload != NULL ? cl_caseload_get_students (caseload) : NULL;
  guint run = 0;

  for (guint i = 0; students != NULL && i < students->len; i++)
    cl_due_count_table_add_meetings (tables[i % 2], g_ptr_array_index (students, i));
  for (guint i = 0, end; obligations != NULL && i < obligations->len; i = end, run++)
    {
      const ClStudent *student = ((ClObligation *) obligations->pdata[i])->student;

      for (end = i + 1; end < obligations->len && ((ClObligation *) obligations->pdata[end])->student == student; end++)
        ;
      cl_due_count_table_add_obligations (tables[run % 2], student, (ClObligation * const *) obligations->pdata + i, end - i);
    }
  cl_due_count_table_merge (tables[0], tables[1]);
  cl_due_count_table_free (tables[1]);
  return tables[0];
}

static void
assert_counts (GPtrArray      *obligations,
               ClCaseload     *caseload,
               const Expected *e)
{
  g_autoptr(ClDueCountTable) table = table_of (obligations, caseload);
  ClDueCounts counts, counted;
  g_autoptr(GPtrArray) open = cl_due_list_open (obligations, e->case_manager);
  g_autoptr(GArray) meetings = cl_due_list_meetings (caseload, D (TODAY), e->case_manager);

  g_test_message ("case manager %s", e->case_manager ? e->case_manager : "(all)");
  cl_due_count (obligations, caseload, D (TODAY), e->case_manager, &counts);
  g_assert_cmpuint (counts.when[CL_DUE_OVERDUE], ==, e->overdue);
  g_assert_cmpuint (counts.when[CL_DUE_THIS_WEEK], ==, e->week);
  g_assert_cmpuint (counts.when[CL_DUE_NEXT_30], ==, e->next_30);
  g_assert_cmpuint (counts.when[CL_DUE_LATER], ==, e->later);
  g_assert_cmpuint (counts.notices, ==, e->notices);
  g_assert_cmpuint (counts.meetings, ==, e->meetings);
  /* The table counted the same, and only for its day. */
  g_assert_true (cl_due_count_table_lookup (table, e->case_manager, D (TODAY), &counted));
  for (guint i = 0; i < CL_N_DUE_WHEN; i++)
    g_assert_cmpuint (counted.when[i], ==, counts.when[i]);
  g_assert_cmpuint (counted.notices, ==, e->notices);
  g_assert_cmpuint (counted.meetings, ==, e->meetings);
  g_assert_false (cl_due_count_table_lookup (table, e->case_manager, D ("2026-12-08"), &counted));
  /* The lists the page shows hold as many as the counts say, in order. */
  g_assert_cmpuint (open->len, ==, e->overdue + e->week + e->next_30 + e->later);
  for (guint i = 1; i < open->len; i++)
    g_assert_cmpuint (((ClObligation *) open->pdata[i - 1])->due, <=, ((ClObligation *) open->pdata[i])->due);
  g_assert_cmpuint (meetings->len, ==, e->meetings);
  for (guint i = 1; i < meetings->len; i++)
    g_assert_cmpuint (g_array_index (meetings, ClDueMeeting, i - 1).meeting->date, <=,
                      g_array_index (meetings, ClDueMeeting, i).meeting->date);
}

static ClRule annual = { .id = (char *) CL_RULE_ANNUAL_REVIEW_DUE, .title = (char *) "Annual IEP review" };
static ClRule notice = { .id = (char *) CL_RULE_MEETING_NOTICE_DUE, .title = (char *) "Meeting notice" };

typedef struct {
  const char        *student;
  const ClRule      *rule;
  const char        *due;
  ClObligationStatus status;
} Given;

/* Today is Monday 2026-12-07: this week runs to 12-14, the next 30 days to 2027-01-06. */
static const Given given[] = {
  { "s1", &annual, "2026-12-01", CL_STATUS_OVERDUE },   /* overdue */
  { "s1", &annual, "2026-12-07", CL_STATUS_DUE_SOON },  /* this week: due today */
  { "s1", &notice, "2026-12-14", CL_STATUS_DUE_SOON },  /* this week, its last day; a notice */
  { "s2", &notice, "2026-12-15", CL_STATUS_UPCOMING },  /* next 30 days, the first; a notice */
  { "s2", &annual, "2027-01-06", CL_STATUS_UPCOMING },  /* next 30 days, the last */
  { "s2", &annual, "2027-01-07", CL_STATUS_UPCOMING },  /* later */
  { "s3", &annual, "2026-11-01", CL_STATUS_MET },       /* done: not counted */
  { "s1", &notice, "2026-12-02", CL_STATUS_MET_LATE },  /* done late: not counted */
  { "s3", &annual, "2026-12-06", CL_STATUS_OVERDUE },   /* overdue since yesterday; no case manager */
};

/* Planned meetings: only those from today to 30 days ahead are coming. */
static const struct { const char *student, *id, *date; } planned[] = {
  { "s1", "m-past", "2026-12-06" },   /* passed, not recorded as held: not coming */
  { "s1", "m-today", "2026-12-07" },
  { "s2", "m-30", "2027-01-06" },
  { "s2", "m-31", "2027-01-07" },     /* too far ahead */
  { "s3", "m-soon", "2026-12-20" },
};

static const Expected synthetic_expected[] = {
  { NULL,   2, 2, 2, 1, 2, 3 },
  { "",     2, 2, 2, 1, 2, 3 },
  { "cm-a", 1, 2, 0, 0, 1, 1 },
  { "cm-b", 0, 0, 2, 1, 1, 1 },
  { "cm-c", 0, 0, 0, 0, 0, 0 },   /* a case manager with no students */
};

static void
test_synthetic (void)
{
  g_autoptr(ClCaseload) caseload = cl_caseload_new ();
  g_autoptr(GPtrArray) obligations = g_ptr_array_new_with_free_func (g_free);

  cl_caseload_add_staff (caseload, cl_staff_new ("cm-a", "Ana", CL_STAFF_CASE_MANAGER));
  cl_caseload_add_staff (caseload, cl_staff_new ("cm-b", "Ben", CL_STAFF_CASE_MANAGER));
  cl_caseload_add_staff (caseload, cl_staff_new ("cm-c", "Cam", CL_STAFF_CASE_MANAGER));
  for (guint i = 0; i < 3; i++)
    {
      static const char *ids[] = { "s1", "s2", "s3" };
      static const char *managers[] = { "cm-a", "cm-b", NULL };
      ClStudent *student = cl_student_new (ids[i]);

      student->case_manager = managers[i] ? cl_caseload_lookup_staff (caseload, managers[i]) : NULL;
      cl_caseload_add_student (caseload, student);
    }
  for (guint i = 0; i < G_N_ELEMENTS (planned); i++)
    cl_student_add_meeting (cl_caseload_lookup_student (caseload, planned[i].student), planned[i].id,
                            CL_MEETING_ANNUAL, D (planned[i].date));
  /* Plain structs: the engine's obligations own only their counted text, left NULL here. */
  for (guint i = 0; i < G_N_ELEMENTS (given); i++)
    {
      ClObligation *ob = g_new0 (ClObligation, 1);

      ob->student = cl_caseload_lookup_student (caseload, given[i].student);
      ob->rule = given[i].rule;
      ob->due = D (given[i].due);
      ob->status = given[i].status;
      ob->role = -1;
      g_ptr_array_add (obligations, ob);
    }

  for (guint i = 0; i < G_N_ELEMENTS (synthetic_expected); i++)
    assert_counts (obligations, caseload, &synthetic_expected[i]);

  /* The groups' edges, one by one. */
  g_assert_cmpint (cl_due_when (D ("2026-12-06"), D (TODAY)), ==, CL_DUE_OVERDUE);
  g_assert_cmpint (cl_due_when (D ("2026-12-07"), D (TODAY)), ==, CL_DUE_THIS_WEEK);
  g_assert_cmpint (cl_due_when (D ("2026-12-14"), D (TODAY)), ==, CL_DUE_THIS_WEEK);
  g_assert_cmpint (cl_due_when (D ("2026-12-15"), D (TODAY)), ==, CL_DUE_NEXT_30);
  g_assert_cmpint (cl_due_when (D ("2027-01-06"), D (TODAY)), ==, CL_DUE_NEXT_30);
  g_assert_cmpint (cl_due_when (D ("2027-01-07"), D (TODAY)), ==, CL_DUE_LATER);
  /* A done notice is not one to send. */
  g_assert_true (cl_due_is_notice (obligations->pdata[2]));
  g_assert_false (cl_due_is_notice (obligations->pdata[7]));
  g_assert_false (cl_due_is_notice (obligations->pdata[0]));
  /* Nothing open at all. */
  assert_counts (NULL, NULL, &(Expected) { NULL, 0, 0, 0, 0, 0, 0 });
}

/* The demo on 2026-12-07. Open obligations by case manager, from the alerts (met and met late
 * left out), grouped by their due date against today; notices: the open meeting_notice_due ones
 * (S-1003, S-1014 for Delgado; S-1009 Whitaker; S-1025, S-1031 Okafor; S-1020, S-1028 Park);
 * meetings: m-5 (Dec 8, S-1011) and m-6 (Dec 15, S-1005) for Whitaker, m-4 (Dec 8, S-1035) for
 * Okafor — the others are past (m-1, m-2, m-3) or after January 6. The new obligations of issue
 * 16 (each worked out in build-aux/make-demo-bundle.py's story): Delgado's S-1006 plan moves
 * from overdue (12-01) to this week (extended to 12-09), S-1007's primary-language assessment
 * (11-22) and S-1016's reassessment answer (12-01) are overdue; Whitaker's S-1013 surrogate
 * (12-02) and Okafor's S-1033 records for Fresno (12-04) too; Park's S-1022 triennial waived
 * (met) opens the next one, still later; Okafor's S-1039 parents have not answered the plan of
 * 11-05 by 11-20: a prompt to follow up, this week (not overdue). */
static const Expected demo_expected[] = {
  { NULL,         13, 9, 5, 165, 7, 3 },
  { "t-delgado",   5, 2, 0,  40, 2, 0 },
  { "t-whitaker",  3, 3, 1,  40, 1, 2 },
  { "t-okafor",    4, 4, 1,  43, 2, 1 },
  { "t-park",      1, 0, 3,  42, 2, 0 },
  { "t-sarkisian", 0, 0, 0,   0, 0, 0 },   /* a teacher, not a case manager */
};

/* A prompt (plan_decision_followup) past its day is one to follow up this week, never Overdue;
 * before its day it is grouped by its date like any other. */
static void
test_prompt_group (void)
{
  ClObligation ob = { .due = D ("2026-11-20"), .status = CL_STATUS_OVERDUE, .prompt = TRUE };

  g_assert_cmpint (cl_due_when_obligation (&ob, D (TODAY)), ==, CL_DUE_THIS_WEEK);
  ob.prompt = FALSE;
  g_assert_cmpint (cl_due_when_obligation (&ob, D (TODAY)), ==, CL_DUE_OVERDUE);
  ob = (ClObligation) { .due = D ("2026-12-20"), .status = CL_STATUS_DUE_SOON, .prompt = TRUE };
  g_assert_cmpint (cl_due_when_obligation (&ob, D (TODAY)), ==, CL_DUE_NEXT_30);
}

static void
test_demo (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "demo", "demo-caseload.json", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(ClCaseload) caseload = NULL;
  g_autoptr(ClRulePackSet) packs = NULL;
  g_autoptr(ClDeadlineEngine) engine = NULL;
  g_autoptr(GPtrArray) obligations = NULL;

  g_assert_true (g_file_get_contents (path, &contents, NULL, &error));
  caseload = cl_bundle_read_data (contents, -1, &error);
  g_assert_no_error (error);
  packs = cl_rule_pack_set_new_builtin (&error);
  g_assert_no_error (error);
  engine = cl_deadline_engine_new (packs);
  obligations = cl_deadline_engine_compute (engine, caseload, D (TODAY), &error);
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (demo_expected); i++)
    assert_counts (obligations, caseload, &demo_expected[i]);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/due-counts/synthetic", test_synthetic);
  g_test_add_func ("/due-counts/prompt-group", test_prompt_group);
  g_test_add_func ("/due-counts/demo", test_demo);
  return g_test_run ();
}
