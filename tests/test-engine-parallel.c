/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-engine-parallel.c — a district computed on several threads gives exactly the serial
 * obligations (issue 15): same order, same dates, same basis, same error */
#include <string.h>

#include "cl-deadline-engine.h"
#include "cl-obligation-format.h"
#include "cl-school-calendar.h"
#include "cl-synthetic-caseload.h"

#define TODAY cl_date_from_ymd (2026, 11, 24)

static ClDeadlineEngine *
new_engine (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ClRulePackSet) packs = cl_rule_pack_set_new_builtin (&error);

  g_assert_no_error (error);
  return cl_deadline_engine_new (packs);
}

/* Every obligation as the `alerts` contract writes it, basis and all. */
static char *
serial_json (ClCaseload *caseload)
{
  g_autoptr(ClDeadlineEngine) engine = new_engine ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) obligations = cl_deadline_engine_compute (engine, caseload, TODAY, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (obligations->len, >, 0);
  return cl_obligations_to_json (obligations);
}

/* Megabytes of JSON: on a difference, the first line that differs says more than both texts. */
static void
assert_same_json (const char *json,
                  const char *expected,
                  guint       n_threads)
{
  g_auto(GStrv) lines = g_strsplit (json, "\n", -1);
  g_auto(GStrv) expected_lines = g_strsplit (expected, "\n", -1);
  guint i;

  for (i = 0; lines[i] != NULL && expected_lines[i] != NULL; i++)
    if (!g_str_equal (lines[i], expected_lines[i]))
      {
        g_test_message ("%u threads: line %u differs:\n%s\n%s\nexpected:\n%s\n%s", n_threads, i,
                        lines[i], lines[i + 1] ? lines[i + 1] : "", expected_lines[i],
                        expected_lines[i + 1] ? expected_lines[i + 1] : "");
        g_assert_cmpstr (lines[i], ==, expected_lines[i]);
      }
  g_assert_cmpuint (g_strv_length (lines), ==, g_strv_length (expected_lines));
}

static void
test_same_obligations (void)
{
  /* More students than a few chunks, with every kind of history the district has. */
  g_autoptr(ClCaseload) serial = cl_synthetic_caseload_new (3000, 25, 15, TODAY);
  g_autofree char *expected = serial_json (serial);
  const guint threads[] = { 1, 2, 3, 4, 0 };

  for (guint t = 0; t < G_N_ELEMENTS (threads); t++)
    {
      /* A caseload of its own each time: its calendar tables are built, and widened, while the
       * workers count with them. */
      g_autoptr(ClCaseload) caseload = cl_synthetic_caseload_new (3000, 25, 15, TODAY);
      g_autoptr(ClDeadlineEngine) engine = new_engine ();
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) obligations = NULL;
      g_autofree char *json = NULL;

      obligations = cl_deadline_engine_compute_parallel (engine, caseload, TODAY, threads[t], &error);
      g_assert_no_error (error);
      json = cl_obligations_to_json (obligations);
      assert_same_json (json, expected, threads[t]);

      /* Computed again with the tables as they are now: still the same. */
      g_clear_pointer (&obligations, g_ptr_array_unref);
      g_clear_pointer (&json, g_free);
      obligations = cl_deadline_engine_compute_parallel (engine, caseload, TODAY, threads[t], &error);
      g_assert_no_error (error);
      json = cl_obligations_to_json (obligations);
      assert_same_json (json, expected, threads[t]);
    }
}

static void
test_empty (void)
{
  g_autoptr(ClCaseload) caseload = cl_caseload_new ();
  g_autoptr(ClDeadlineEngine) engine = new_engine ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) obligations = cl_deadline_engine_compute_parallel (engine, caseload, TODAY, 2, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (obligations->len, ==, 0);
}

typedef struct {
  GMutex      lock;
  GHashTable *calls;   /* ClStudent* -> GPtrArray, a copy of what each call was given */
  guint       workers; /* bit w set once worker w called */
} Seen;

static void
on_student_computed (ClStudent          *student,
                     ClObligation *const *obligations,
                     guint               n,
                     guint               worker,
                     gpointer            user_data)
{
  Seen *seen = user_data;
  GPtrArray *given = g_ptr_array_new ();

  g_assert_cmpuint (worker, <, CL_DEADLINE_ENGINE_MAX_THREADS);
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (given, obligations[i]);
  g_mutex_lock (&seen->lock);
  g_assert_false (g_hash_table_contains (seen->calls, student));
  g_hash_table_insert (seen->calls, student, given);
  seen->workers |= 1u << worker;
  g_mutex_unlock (&seen->lock);
}

/* Each student is handed, once, on the thread that computed them, exactly their run of the
 * result, also a student with no obligation at all. */
static void
test_each_student (void)
{
  g_autoptr(ClCaseload) caseload = cl_synthetic_caseload_new (3000, 10, 3, TODAY);
  g_autoptr(ClDeadlineEngine) engine = new_engine ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) obligations = NULL;
  GPtrArray *students = cl_caseload_get_students (caseload);
  ClStudent *nobody = cl_student_new ("S-ZZZZ-none");
  Seen seen = { .calls = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_ptr_array_unref) };
  guint at = 0, empty = 0;

  nobody->birth_date = TODAY;
  nobody->school = ((ClStudent *) g_ptr_array_index (students, 0))->school;
  cl_caseload_add_student (caseload, nobody);
  g_mutex_init (&seen.lock);
  obligations = cl_deadline_engine_compute_parallel_each (engine, caseload, TODAY, 2, on_student_computed, &seen, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_hash_table_size (seen.calls), ==, students->len);
  /* Both threads took students. */
  g_assert_cmpuint (seen.workers, ==, 3);
  while (at < obligations->len)
    {
      const ClStudent *student = ((ClObligation *) obligations->pdata[at])->student;
      GPtrArray *given = g_hash_table_lookup (seen.calls, student);

      g_assert_nonnull (given);
      g_assert_cmpuint (at + given->len, <=, obligations->len);
      for (guint i = 0; i < given->len; i++)
        g_assert_true (given->pdata[i] == obligations->pdata[at + i]);
      at += given->len;
      g_assert_true (at == obligations->len || ((ClObligation *) obligations->pdata[at])->student != student);
    }
  for (guint i = 0; i < students->len; i++)
    empty += ((GPtrArray *) g_hash_table_lookup (seen.calls, g_ptr_array_index (students, i)))->len == 0;
  g_assert_cmpuint (empty, >=, 1);
  g_assert_cmpuint (((GPtrArray *) g_hash_table_lookup (seen.calls, nobody))->len, ==, 0);
  g_hash_table_unref (seen.calls);
  g_mutex_clear (&seen.lock);
}

/* Two students who cannot be computed: the error is the first one's in id order, as serially. */
static void
test_same_error (void)
{
  g_autoptr(ClCaseload) caseload = cl_synthetic_caseload_new (1500, 10, 3, TODAY);
  g_autoptr(ClDeadlineEngine) serial_engine = new_engine ();
  g_autoptr(ClDeadlineEngine) engine = new_engine ();
  g_autoptr(GError) serial_error = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *students = cl_caseload_get_students (caseload);
  ClSchool *empty = cl_school_new ("school-without-calendar", "Nowhere Elementary");
  g_autoptr(GPtrArray) serial = NULL;
  g_autoptr(GPtrArray) parallel = NULL;
  ClStudent *late = g_ptr_array_index (students, 1200);
  ClStudent *early = g_ptr_array_index (students, 700);

  g_assert_true (cl_caseload_add_school (caseload, empty));
  late->school = empty;
  g_free (early->jurisdiction);
  early->jurisdiction = g_strdup ("XX");

  serial = cl_deadline_engine_compute (serial_engine, caseload, TODAY, &serial_error);
  g_assert_null (serial);
  g_assert_nonnull (serial_error);
  parallel = cl_deadline_engine_compute_parallel (engine, caseload, TODAY, 3, &error);
  g_assert_null (parallel);
  g_assert_error (error, serial_error->domain, serial_error->code);
  g_assert_cmpstr (error->message, ==, serial_error->message);
  g_assert_nonnull (strstr (error->message, g_strcmp0 (early->id, late->id) < 0 ? early->id : late->id));
}

/* Schools on the same calendars share one table; one school's own table (built before) is kept
 * and others on its calendars join it; the obligations are those of one table per school. */
static void
test_shared_calendars (void)
{
  g_autoptr(ClCaseload) own_tables = cl_synthetic_caseload_new (2000, 25, 15, TODAY);
  g_autoptr(ClCaseload) caseload = cl_synthetic_caseload_new (2000, 25, 15, TODAY);
  g_autofree char *expected = NULL;
  g_autofree char *json = NULL;
  g_autoptr(ClDeadlineEngine) engine = new_engine ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) obligations = NULL;
  GPtrArray *schools = cl_caseload_get_schools (own_tables);
  ClSchool *first;
  guint shared = 0;

  for (guint i = 0; i < schools->len; i++)
    {
      ClSchool *school = g_ptr_array_index (schools, i);
      school->table = cl_school_calendar_new (school);
    }
  expected = serial_json (own_tables);

  schools = cl_caseload_get_schools (caseload);
  g_assert_cmpuint (schools->len, >, 3);
  first = g_ptr_array_index (schools, 1);
  first->table = cl_school_calendar_new (first);
  obligations = cl_deadline_engine_compute_parallel (engine, caseload, TODAY, 2, &error);
  g_assert_no_error (error);
  json = cl_obligations_to_json (obligations);
  assert_same_json (json, expected, 2);

  for (guint i = 0; i < schools->len; i++)
    {
      ClSchool *a = g_ptr_array_index (schools, i);

      g_assert_nonnull (a->table);
      g_assert_true (cl_school_calendar_serves (a->table, a));
      for (guint j = 0; j < i; j++)
        {
          ClSchool *b = g_ptr_array_index (schools, j);
          gboolean same_calendars = cl_school_calendar_serves (a->table, b);

          g_assert_true (same_calendars == (a->table == b->table));
          shared += a->table == b->table;
        }
      if (cl_school_calendar_serves (first->table, a))
        g_assert_true (a->table == first->table);
    }
  /* The synthetic district's schools run on a few calendars. */
  g_assert_cmpuint (shared, >, 0);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/engine-parallel/same-obligations", test_same_obligations);
  g_test_add_func ("/engine-parallel/empty", test_empty);
  g_test_add_func ("/engine-parallel/each-student", test_each_student);
  g_test_add_func ("/engine-parallel/same-error", test_same_error);
  g_test_add_func ("/engine-parallel/shared-calendars", test_shared_calendars);
  return g_test_run ();
}
