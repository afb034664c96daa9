/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-deadline-engine-parallel.c — a whole district's obligations computed on several cores
 *
 * Each student's obligations depend on that student, their school's calendar and the rule pack
 * alone, so students can be computed in any order on any thread. What the engine builds lazily is
 * built first, on the calling thread: the bindings of every pack in use and every school's
 * calendar table, one for the schools on the same calendars (widening a table later is safe from any thread, see cl-school-calendar.c).
 * Workers then take chunks of students in id order and each chunk's obligations are put back in
 * that order, so the result is the serial one, pointer for pointer in the same places.
 */
#define G_LOG_DOMAIN "cl-deadline-engine"

#include <string.h>

#include "cl-deadline-engine-private.h"

/* Small enough that two threads finish together, large enough that taking one is rare. */
#define CHUNK_STUDENTS 256

typedef struct {
  ClDeadlineEngine *engine;
  ClCaseload       *caseload;
  ClDate            today;
  GPtrArray        *students;   /* in id order */
  GPtrArray       **chunks;     /* each chunk's obligations, not owned until joined */
  guint             n_chunks;
  gint              next;       /* the next chunk to take (atomic) */
  gint              workers;    /* threads started so far, the calling one too (atomic) */
  ClStudentComputedFunc func;
  gpointer          user_data;
} Work;

static int
compare_student_ids (gconstpointer a,
                     gconstpointer b)
{
  return strcmp ((*(ClStudent * const *) a)->id, (*(ClStudent * const *) b)->id);
}

static gpointer
work_thread (gpointer data)
{
  Work *work = data;
  guint worker = (guint) g_atomic_int_add (&work->workers, 1);
  guint chunk;

  while ((chunk = (guint) g_atomic_int_add (&work->next, 1)) < work->n_chunks)
    {
      guint end = MIN ((chunk + 1) * CHUNK_STUDENTS, work->students->len);
      GPtrArray *out = g_ptr_array_new ();

      for (guint i = chunk * CHUNK_STUDENTS; i < end; i++)
        {
          guint first = out->len;

          /* Cannot fail: every student was checked before the workers started. */
          _cl_deadline_engine_compute_student_into (work->engine, work->caseload,
                                                    g_ptr_array_index (work->students, i),
                                                    work->today, out, NULL);
          qsort (out->pdata + first, out->len - first, sizeof (gpointer), cl_obligation_compare);
          if (work->func != NULL)
            work->func (g_ptr_array_index (work->students, i), (ClObligation *const *) out->pdata + first,
                        out->len - first, worker, work->user_data);
        }
      work->chunks[chunk] = out;
    }
  return NULL;
}

GPtrArray *
cl_deadline_engine_compute_parallel (ClDeadlineEngine  *self,
                                     ClCaseload        *caseload,
                                     ClDate             today,
                                     guint              n_threads,
                                     GError           **error)
{
  return cl_deadline_engine_compute_parallel_each (self, caseload, today, n_threads, NULL, NULL, error);
}

GPtrArray *
cl_deadline_engine_compute_parallel_each (ClDeadlineEngine      *self,
                                          ClCaseload            *caseload,
                                          ClDate                 today,
                                          guint                  n_threads,
                                          ClStudentComputedFunc  func,
                                          gpointer               user_data,
                                          GError               **error)
{
  g_autoptr(GPtrArray) students = NULL;
  g_autoptr(GPtrArray) threads = NULL;
  g_autofree GPtrArray **chunks = NULL;
  GPtrArray *schools, *out;
  Work work = { 0 };
  guint total = 0;

  g_return_val_if_fail (CL_IS_DEADLINE_ENGINE (self), NULL);
  g_return_val_if_fail (CL_IS_CASELOAD (caseload), NULL);

  if (n_threads == 0)
    n_threads = g_get_num_processors ();
  n_threads = CLAMP (n_threads, 1, CL_DEADLINE_ENGINE_MAX_THREADS);
  students = _cl_ptr_array_dup (cl_caseload_get_students (caseload));
  g_ptr_array_sort (students, compare_student_ids);
  /* One table per set of calendars, not per school (286 schools on 3 sets in the synthetic
   * district): fewer built, and the workers' counts stay in a few tables the caches hold. */
  cl_school_calendar_share (cl_caseload_get_schools (caseload));
  /* The serial compute stops at the first student in id order that cannot be computed; so does
   * this check, with the same error, before any rule runs. It also builds what the workers share. */
  for (guint i = 0; i < students->len; i++)
    if (!cl_deadline_engine_can_compute (self, caseload, g_ptr_array_index (students, i), error))
      return NULL;

  work.engine = self;
  work.caseload = caseload;
  work.today = today;
  work.func = func;
  work.user_data = user_data;
  work.students = students;
  work.n_chunks = (students->len + CHUNK_STUDENTS - 1) / CHUNK_STUDENTS;
  work.chunks = chunks = g_new0 (GPtrArray *, MAX (work.n_chunks, 1));
  threads = g_ptr_array_new ();
  for (guint i = 1; i < MIN (n_threads, work.n_chunks); i++)
    g_ptr_array_add (threads, g_thread_new ("caseload-compute", work_thread, &work));
  work_thread (&work);
  for (guint i = 0; i < threads->len; i++)
    g_thread_join (g_ptr_array_index (threads, i));

  /* No thread counts with the calendars any more: the tables that wider ones replaced can go. */
  schools = cl_caseload_get_schools (caseload);
  for (guint i = 0; i < schools->len; i++)
    {
      ClSchool *school = g_ptr_array_index (schools, i);
      if (school->table != NULL)
        cl_school_calendar_trim (school->table);
    }

  for (guint c = 0; c < work.n_chunks; c++)
    total += chunks[c]->len;
  out = g_ptr_array_new_full (total, (GDestroyNotify) cl_obligation_free);
  for (guint c = 0; c < work.n_chunks; c++)
    {
      g_ptr_array_extend (out, chunks[c], NULL, NULL);
      g_ptr_array_unref (chunks[c]);
    }
  return out;
}
