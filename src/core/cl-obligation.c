/* cl-obligation.c — one thing that is due, and why */
#define G_LOG_DOMAIN "cl-obligation"

#include <string.h>

#include "cl-obligation.h"

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
  g_free (self->counted);
  g_free (self->note);
  g_free (self);
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
  return g_strcmp0 (oa->counted, ob->counted);
}
