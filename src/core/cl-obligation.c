/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-obligation.c — one thing that is due, and why */
#define G_LOG_DOMAIN "cl-obligation"

#include <string.h>

#include "cl-obligation.h"
#include "cl-obligation-format.h"

const char * const cl_status_names[CL_N_STATUSES] = {
  "met", "met_late", "overdue", "due_soon", "upcoming",
};

const char * const cl_severity_names[CL_N_SEVERITIES] = {
  "info", "warning", "critical",
};

void
cl_obligation_free (ClObligation *self)
{
  if (self == NULL)
    return;
  g_clear_pointer (&self->counted.skipped, g_array_unref);
  g_free (self);
}

char *
cl_obligation_dup_estimate_note (const ClObligation *self)
{
  const ClSchool *school = self->student->school;
  const ClCalendarYear *first, *last;
  char first_buf[11], last_buf[11];

  if (!self->estimated || school == NULL || school->calendars->len == 0)
    return NULL;
  first = g_ptr_array_index (school->calendars, 0);
  last = first;
  for (guint i = 0; i < school->calendars->len; i++)
    {
      const ClCalendarYear *cal = g_ptr_array_index (school->calendars, i);
      if (cal->last_day > last->last_day)
        last = cal;
    }
  cl_date_format_iso (first->first_day, first_buf);
  cl_date_format_iso (last->last_day, last_buf);
  return g_strdup_printf ("Estimated: the count runs outside the school calendars known for %s "
                          "(%s to %s); the missing school years are projected from the nearest "
                          "known one. Add the school's calendar to make it exact.",
                          school->name ? school->name : school->id, first_buf, last_buf);
}

#define CMP(a, b) (((a) > (b)) - ((a) < (b)))

int
cl_obligation_compare (gconstpointer a,
                       gconstpointer b)
{
  const ClObligation *oa = *(ClObligation * const *) a;
  const ClObligation *ob = *(ClObligation * const *) b;
  int c;

  if (oa->student != ob->student && (c = strcmp (oa->student->id, ob->student->id)) != 0)
    return c;
  if ((c = CMP (oa->due, ob->due)) != 0)
    return c;
  if ((c = strcmp (oa->rule->id, ob->rule->id)) != 0)
    return c;
  if ((c = CMP (oa->from, ob->from)) != 0)
    return c;
  if (oa->meeting != ob->meeting && oa->meeting && ob->meeting &&
      (c = g_strcmp0 (oa->meeting->id, ob->meeting->id)) != 0)
    return c;
  if ((c = CMP (oa->role, ob->role)) != 0)
    return c;
  /* Last, the words the contract prints: the order `alerts` always had. Rarely reached. */
  {
    g_autofree char *ca = cl_obligation_dup_counted_contract (oa);
    g_autofree char *cb = cl_obligation_dup_counted_contract (ob);

    return g_strcmp0 (ca, cb);
  }
}
