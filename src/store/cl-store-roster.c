/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-store-roster.c — a planned spreadsheet import written as one action
 *
 * The plan (cl-roster-import.h) was worked out on the database's records; here it is written in
 * one transaction with the audit rows of each school, staff member, student field and event it
 * adds or changes. A plan with problems is refused before anything is begun.
 */
#define G_LOG_DOMAIN "cl-store-roster"

#include <glib/gi18n-lib.h>

#include "cl-store-private.h"

static gboolean
add_school (ClStoreAction   *action,
            const ClSchool  *school,
            GError         **error)
{
  g_autoptr(GPtrArray) ids = g_ptr_array_new ();

  for (guint i = 0; i < school->calendars->len; i++)
    g_ptr_array_add (ids, ((ClCalendarYear *) g_ptr_array_index (school->calendars, i))->id);
  g_ptr_array_add (ids, NULL);
  return _cl_store_add_school_in (action, school->id, school->name, (const char * const *) ids->pdata, error);
}

static gboolean
add_event (ClStoreAction        *action,
           const ClRosterEvent  *e,
           GError              **error)
{
  g_autofree char *line = NULL;
  guint position = 0;

  if (!_cl_store_insert_event_at_end (action->store, e->student_id, &e->event, &position, error))
    return FALSE;
  line = _cl_store_event_line_at (action->store, e->student_id, position);
  return _cl_store_action_audit (action, e->student_id, "events", e->student_id, "event", NULL, line, error);
}

gboolean
cl_store_apply_roster (ClStore             *self,
                       const ClRosterPlan  *plan,
                       GError             **error)
{
  ClStoreAction action;
  gboolean ok = TRUE;

  g_return_val_if_fail (CL_IS_STORE (self), FALSE);
  g_return_val_if_fail (plan != NULL, FALSE);

  if (plan->problems->len > 0)
    {
      g_set_error (error, CL_STORE_ERROR, CL_STORE_ERROR_INVALID,
                   g_dngettext (GETTEXT_PACKAGE, "The file has %u problem; nothing was changed.",
                                "The file has %u problems; nothing was changed.", plan->problems->len),
                   plan->problems->len);
      return FALSE;
    }
  if (!_cl_store_begin (self, &action, error))
    return FALSE;
  for (guint i = 0; ok && i < plan->new_schools->len; i++)
    ok = add_school (&action, g_ptr_array_index (plan->new_schools, i), error);
  for (guint i = 0; ok && i < plan->new_staff->len; i++)
    ok = _cl_store_add_staff_in (&action, g_ptr_array_index (plan->new_staff, i), error);
  for (guint i = 0; ok && i < plan->new_students->len; i++)
    ok = _cl_store_add_student_in (&action, g_ptr_array_index (plan->new_students, i), error);
  for (guint i = 0; ok && i < plan->updated_students->len; i++)
    ok = _cl_store_update_student_in (&action, g_ptr_array_index (plan->updated_students, i), error);
  for (guint i = 0; ok && i < plan->new_events->len; i++)
    ok = add_event (&action, &g_array_index (plan->new_events, ClRosterEvent, i), error);
  return _cl_store_end (&action, ok, error);
}
