/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-session-computed.c — a caseload's obligations, each student's, and what is due, at once
 *
 * A district's 1.8 million obligations are read three times after they are computed: to give
 * each student theirs, to count what is due for the start page, and for the list's rows. The
 * first two happen here on the thread that has just computed each student, while the student's
 * obligations are in that core's cache; done afterwards on one thread, they took 90-110 ms of
 * the time before 100,000 students are listed. */
#define G_LOG_DOMAIN "cl-session"

#include "config.h"

#include <string.h>

#include "cl-session-computed.h"

typedef struct {
  ClStudent *student;
  GPtrArray *obligations;
} StudentObligations;

/* What each worker gathered: only that worker touches its slot. */
typedef struct {
  ClDate           today;
  GArray          *students[CL_DEADLINE_ENGINE_MAX_THREADS]; /* of StudentObligations */
  ClDueCountTable *counts[CL_DEADLINE_ENGINE_MAX_THREADS];
} Gathered;

static void
on_student_computed (ClStudent          *student,
                     ClObligation *const *obligations,
                     guint               n,
                     guint               worker,
                     gpointer            user_data)
{
  Gathered *gathered = user_data;
  StudentObligations mine = { student, g_ptr_array_sized_new (n) };

  if (gathered->students[worker] == NULL)
    {
      gathered->students[worker] = g_array_new (FALSE, FALSE, sizeof (StudentObligations));
      gathered->counts[worker] = cl_due_count_table_new (gathered->today);
    }
  g_ptr_array_set_size (mine.obligations, n);
  if (n > 0)
    memcpy (mine.obligations->pdata, obligations, n * sizeof (gpointer));
  g_array_append_val (gathered->students[worker], mine);
  cl_due_count_table_add_obligations (gathered->counts[worker], student, obligations, n);
  cl_due_count_table_add_meetings (gathered->counts[worker], student);
}

gboolean
_cl_session_compute (ClDeadlineEngine   *engine,
                     ClCaseload         *caseload,
                     ClDate              today,
                     ClSessionComputed  *out,
                     GError            **error)
{
  Gathered gathered = { today, { NULL }, { NULL } };
  GPtrArray *obligations;

  obligations = cl_deadline_engine_compute_parallel_each (engine, caseload, today, 0, on_student_computed,
                                                          &gathered, error);
  *out = (ClSessionComputed) { obligations, NULL, NULL };
  if (obligations != NULL)
    {
      out->by_student = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_ptr_array_unref);
      out->due_counts = cl_due_count_table_new (today);
    }
  for (guint w = 0; w < CL_DEADLINE_ENGINE_MAX_THREADS; w++)
    {
      GArray *students = gathered.students[w];

      for (guint i = 0; students != NULL && i < students->len; i++)
        {
          StudentObligations *mine = &g_array_index (students, StudentObligations, i);

          if (out->by_student != NULL)
            g_hash_table_insert (out->by_student, mine->student, mine->obligations);
          else
            g_ptr_array_unref (mine->obligations);
        }
      if (gathered.counts[w] != NULL && out->due_counts != NULL)
        cl_due_count_table_merge (out->due_counts, gathered.counts[w]);
      g_clear_pointer (&gathered.students[w], g_array_unref);
      g_clear_pointer (&gathered.counts[w], cl_due_count_table_free);
    }
  return obligations != NULL;
}

void
_cl_session_computed_clear (ClSessionComputed *computed)
{
  g_clear_pointer (&computed->by_student, g_hash_table_unref);
  g_clear_pointer (&computed->due_counts, cl_due_count_table_free);
  g_clear_pointer (&computed->obligations, g_ptr_array_unref);
}
