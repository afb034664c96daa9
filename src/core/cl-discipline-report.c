/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-discipline-report.c — the principal's discipline watch: who is near 10 days, open MDRs, IAES
 *
 * The days are summed as the 10-day rule sums them (cl_discipline_year_of); the MDR and IAES
 * dates are the engine's obligations, never recomputed here.
 */
#define G_LOG_DOMAIN "cl-discipline-report"

#include "cl-discipline-report.h"
#include "cl-rule-ids.h"

static void
school_free (gpointer data)
{
  ClDisciplineSchool *s = data;

  g_ptr_array_unref (s->students);
  g_free (s);
}

static gboolean
is_open (const ClObligation *ob)
{
  return ob->status == CL_STATUS_OVERDUE || ob->status == CL_STATUS_DUE_SOON || ob->status == CL_STATUS_UPCOMING;
}

static int
compare_watch (gconstpointer a,
               gconstpointer b)
{
  const ClDisciplineWatch *wa = *(ClDisciplineWatch * const *) a;
  const ClDisciplineWatch *wb = *(ClDisciplineWatch * const *) b;
  int by_name;

  if (wa->counted_days != wb->counted_days)
    return wa->counted_days > wb->counted_days ? -1 : 1;
  by_name = g_utf8_collate (wa->student->last_name ? wa->student->last_name : "",
                            wb->student->last_name ? wb->student->last_name : "");
  return by_name != 0 ? by_name : g_strcmp0 (wa->student->id, wb->student->id);
}

GPtrArray *
cl_discipline_report_new (ClCaseload *caseload,
                          GPtrArray  *obligations,
                          ClDate      today,
                          double      near_days)
{
  GPtrArray *schools = g_ptr_array_new_with_free_func (school_free);
  GPtrArray *all_schools = cl_caseload_get_schools (caseload);
  GPtrArray *students = cl_caseload_get_students (caseload);
  g_autoptr(GHashTable) watch = g_hash_table_new_full (NULL, NULL, NULL, g_free);

  for (guint i = 0; i < students->len; i++)
    {
      ClStudent *student = g_ptr_array_index (students, i);
      ClRemovalYear year = cl_discipline_year_of (student, today);
      ClDisciplineWatch *w = g_new0 (ClDisciplineWatch, 1);

      w->student = student;
      w->counted_days = year.counted_days;
      w->mdr_due = CL_DATE_NONE;
      w->iaes_ends = CL_DATE_NONE;
      g_hash_table_insert (watch, student, w);
    }

  for (guint i = 0; obligations != NULL && i < obligations->len; i++)
    {
      const ClObligation *ob = g_ptr_array_index (obligations, i);
      ClDisciplineWatch *w = g_hash_table_lookup (watch, ob->student);

      if (w == NULL)
        continue;
      /* Past 10 days this school year, met or not: the engine says so, with its own count. */
      if (g_str_equal (ob->rule->id, CL_RULE_REMOVAL_SERVICES_REQUIRED) &&
          cl_discipline_year_of (w->student, ob->from).session.first_day ==
            cl_discipline_year_of (w->student, today).session.first_day)
        {
          w->services_required = TRUE;
          w->services_status = ob->status;
        }
      if (!is_open (ob))
        continue;
      if (g_str_equal (ob->rule->id, CL_RULE_MANIFESTATION_DETERMINATION_DUE) &&
          (w->mdr_due == CL_DATE_NONE || ob->due < w->mdr_due))
        {
          w->mdr_due = ob->due;
          w->mdr_status = ob->status;
        }
      else if (g_str_equal (ob->rule->id, CL_RULE_IAES_ENDS) &&
               (w->iaes_ends == CL_DATE_NONE || ob->due < w->iaes_ends))
        {
          w->iaes_ends = ob->due;
          w->iaes_status = ob->status;
        }
    }

  for (guint i = 0; i < all_schools->len; i++)
    {
      ClSchool *school = g_ptr_array_index (all_schools, i);
      ClDisciplineSchool *s = g_new0 (ClDisciplineSchool, 1);

      s->school = school;
      s->students = g_ptr_array_new_with_free_func (g_free);
      for (guint j = 0; j < students->len; j++)
        {
          ClStudent *student = g_ptr_array_index (students, j);
          ClDisciplineWatch *w;

          if (student->school != school)
            continue;
          w = g_hash_table_lookup (watch, student);
          if (w->counted_days >= near_days || w->mdr_due != CL_DATE_NONE || w->iaes_ends != CL_DATE_NONE)
            {
              g_hash_table_steal (watch, student);
              g_ptr_array_add (s->students, w);
            }
        }
      if (s->students->len == 0)
        {
          school_free (s);
          continue;
        }
      g_ptr_array_sort (s->students, compare_watch);
      g_ptr_array_add (schools, s);
    }
  return schools;
}
