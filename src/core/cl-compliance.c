/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-compliance.c — a school's figures, per case manager and per school */
#define G_LOG_DOMAIN "cl-compliance"

#include <glib/gi18n-lib.h>

#include "cl-compliance.h"

static void
tally_free (ClComplianceTally *t)
{
  g_free (t->id);
  g_free (t->name);
  g_free (t);
}

static ClComplianceTally *
tally_for (GHashTable *table,
           GPtrArray  *order,
           const char *id,
           const char *name)
{
  ClComplianceTally *t = g_hash_table_lookup (table, id);

  if (t == NULL)
    {
      t = g_new0 (ClComplianceTally, 1);
      t->id = g_strdup (id);
      t->name = g_strdup (name);
      g_hash_table_insert (table, t->id, t);
      g_ptr_array_add (order, t);
    }
  return t;
}

static void
count (ClComplianceTally  *t,
       const ClObligation *ob,
       ClDate              today)
{
  /* A prompt to follow up is nobody's missed deadline (rules.md §4 plan_decision_followup). */
  if (ob->prompt)
    return;
  if (ob->status == CL_STATUS_OVERDUE)
    t->overdue++;
  else if ((ob->status == CL_STATUS_DUE_SOON || ob->status == CL_STATUS_UPCOMING) && ob->due <= today + 30)
    t->due_30++;
  if (ob->due < today && ob->due + 365 >= today &&
      (ob->status == CL_STATUS_MET || ob->status == CL_STATUS_MET_LATE || ob->status == CL_STATUS_OVERDUE))
    {
      t->counted++;
      if (ob->status == CL_STATUS_MET)
        t->on_time++;
    }
}

static int
compare_by_overdue (gconstpointer a,
                    gconstpointer b)
{
  const ClComplianceTally *ta = *(ClComplianceTally * const *) a;
  const ClComplianceTally *tb = *(ClComplianceTally * const *) b;

  if (ta->overdue != tb->overdue)
    return ta->overdue > tb->overdue ? -1 : 1;
  return g_utf8_collate (ta->name, tb->name);
}

static const char *
manager_key (const ClStudent *s)
{
  return s->case_manager ? s->case_manager->id : "";
}

ClComplianceReport *
cl_compliance_report_new (ClCaseload *caseload,
                          GPtrArray  *obligations,
                          ClDate      today,
                          const char *school_id)
{
  ClComplianceReport *report = g_new0 (ClComplianceReport, 1);
  g_autoptr(GHashTable) schools = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) managers = g_hash_table_new (g_str_hash, g_str_equal);
  GPtrArray *students = cl_caseload_get_students (caseload);

  report->schools = g_ptr_array_new_with_free_func ((GDestroyNotify) tally_free);
  report->managers = g_ptr_array_new_with_free_func ((GDestroyNotify) tally_free);

  for (guint i = 0; i < students->len; i++)
    {
      const ClStudent *s = g_ptr_array_index (students, i);

      if (school_id != NULL && g_strcmp0 (s->school->id, school_id) != 0)
        continue;
      tally_for (schools, report->schools, s->school->id, s->school->name ? s->school->name : s->school->id)->students++;
      tally_for (managers, report->managers, manager_key (s),
                 s->case_manager && s->case_manager->name ? s->case_manager->name : _("No case manager"))->students++;
      report->total.students++;
    }
  for (guint i = 0; obligations && i < obligations->len; i++)
    {
      const ClObligation *ob = g_ptr_array_index (obligations, i);
      ClComplianceTally *school = g_hash_table_lookup (schools, ob->student->school->id);

      if (school == NULL)
        continue;
      count (school, ob, today);
      count (g_hash_table_lookup (managers, manager_key (ob->student)), ob, today);
      count (&report->total, ob, today);
    }
  g_ptr_array_sort (report->managers, compare_by_overdue);
  return report;
}

void
cl_compliance_report_free (ClComplianceReport *report)
{
  if (report == NULL)
    return;
  g_ptr_array_unref (report->schools);
  g_ptr_array_unref (report->managers);
  g_free (report);
}

int
cl_compliance_on_time_percent (const ClComplianceTally *tally)
{
  if (tally->counted == 0)
    return -1;
  return (int) (100.0 * tally->on_time / tally->counted + 0.5);
}
