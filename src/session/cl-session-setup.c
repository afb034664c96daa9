/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-session-setup.c — the district's set-up changed through the session, undoably: a school's
 * name, its school years, staff and the rule pack
 *
 * Every change is the store's one audited transaction; its undo writes what was there back (an
 * audited transaction of its own). Set-up changes what every student is counted with, so the
 * caseload is read again after each.
 */
#define G_LOG_DOMAIN "cl-session"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "cl-session-private.h"

/* ---- school years ---- */

static gboolean
revert_school_year (ClStore  *store,
                    gpointer  data,
                    GError  **error)
{
  return cl_store_update_school_year (store, data, error);
}

gboolean
cl_session_update_school_year (ClSession             *self,
                               const ClCalendarYear  *year,
                               GError               **error)
{
  g_autoptr(ClCalendarYear) before = NULL;

  g_return_val_if_fail (CL_IS_SESSION (self), FALSE);
  g_return_val_if_fail (year != NULL, FALSE);

  if (!_cl_session_check_editable (self, error))
    return FALSE;
  /* As the database holds it, not as the caseload read it: the undo writes back what was there. */
  if ((before = cl_store_dup_school_year (self->store, year->id, error)) == NULL ||
      !cl_store_update_school_year (self->store, year, error))
    return FALSE;
  return cl_session_saved (self, cl_undo_new (revert_school_year, NULL, g_steal_pointer (&before),
                                              (GDestroyNotify) cl_calendar_year_free, NULL), error);
}

typedef struct {
  char           *school_id;
  ClCalendarYear *year;
} SchoolYearUndo;

static void
school_year_undo_free (gpointer data)
{
  SchoolYearUndo *undo = data;

  g_free (undo->school_id);
  cl_calendar_year_free (undo->year);
  g_free (undo);
}

static gboolean
revert_year_added (ClStore  *store,
                   gpointer  data,
                   GError  **error)
{
  SchoolYearUndo *undo = data;
  return cl_store_delete_school_year (store, undo->school_id, undo->year->id, error);
}

static gboolean
revert_year_removed (ClStore  *store,
                     gpointer  data,
                     GError  **error)
{
  SchoolYearUndo *undo = data;
  return cl_store_add_school_year (store, undo->school_id, undo->year, error);
}

static SchoolYearUndo *
school_year_undo_new (const char           *school_id,
                      const ClCalendarYear *year)
{
  SchoolYearUndo *undo = g_new0 (SchoolYearUndo, 1);

  undo->school_id = g_strdup (school_id);
  undo->year = cl_calendar_year_copy (year);
  return undo;
}

gboolean
cl_session_add_school_year (ClSession             *self,
                            const char            *school_id,
                            const ClCalendarYear  *year,
                            GError               **error)
{
  g_return_val_if_fail (CL_IS_SESSION (self), FALSE);
  g_return_val_if_fail (year != NULL, FALSE);

  if (!_cl_session_check_editable (self, error) || !cl_store_add_school_year (self->store, school_id, year, error))
    return FALSE;
  return cl_session_saved (self, cl_undo_new (revert_year_added, NULL, school_year_undo_new (school_id, year),
                                              school_year_undo_free, NULL), error);
}

gboolean
cl_session_delete_school_year (ClSession   *self,
                               const char  *school_id,
                               const char  *calendar_id,
                               GError     **error)
{
  g_autoptr(ClCalendarYear) before = NULL;
  ClUndo *undo = NULL;

  g_return_val_if_fail (CL_IS_SESSION (self), FALSE);

  if (!_cl_session_check_editable (self, error) ||
      (before = cl_store_dup_school_year (self->store, calendar_id, error)) == NULL ||
      !cl_store_delete_school_year (self->store, school_id, calendar_id, error))
    return FALSE;
  /* A year no other school used is gone and comes back whole; one that another school still uses
   * stays, and taking it off this school is not undone from a toast. */
  {
    g_autoptr(ClCalendarYear) still = cl_store_dup_school_year (self->store, calendar_id, NULL);
    if (still == NULL)
      undo = cl_undo_new (revert_year_removed, NULL, school_year_undo_new (school_id, before), school_year_undo_free, NULL);
  }
  return cl_session_saved (self, undo, error);
}

/* ---- a school's name, staff, the rule pack ---- */

typedef struct {
  char *id;
  char *value;
} TextUndo;

static void
text_undo_free (gpointer data)
{
  TextUndo *undo = data;

  g_free (undo->id);
  g_free (undo->value);
  g_free (undo);
}

static TextUndo *
text_undo_new (const char *id,
               const char *value)
{
  TextUndo *undo = g_new0 (TextUndo, 1);

  undo->id = g_strdup (id);
  undo->value = g_strdup (value);
  return undo;
}

static gboolean
revert_school_name (ClStore  *store,
                    gpointer  data,
                    GError  **error)
{
  TextUndo *undo = data;
  return cl_store_rename_school (store, undo->id, undo->value, error);
}

gboolean
cl_session_rename_school (ClSession   *self,
                          const char  *school_id,
                          const char  *name,
                          GError     **error)
{
  ClSchool *school;
  TextUndo *undo;

  g_return_val_if_fail (CL_IS_SESSION (self), FALSE);

  if (!_cl_session_check_editable (self, error))
    return FALSE;
  school = cl_caseload_lookup_school (self->caseload, school_id);
  undo = text_undo_new (school_id, school ? school->name : NULL);
  if (!cl_store_rename_school (self->store, school_id, name, error))
    {
      text_undo_free (undo);
      return FALSE;
    }
  if (undo->value == NULL)
    {
      /* A school with no name before has none to go back to. */
      text_undo_free (undo);
      return cl_session_saved (self, NULL, error);
    }
  return cl_session_saved (self, cl_undo_new (revert_school_name, NULL, undo, text_undo_free, NULL), error);
}

static gboolean
revert_jurisdiction (ClStore  *store,
                     gpointer  data,
                     GError  **error)
{
  TextUndo *undo = data;
  return cl_store_set_jurisdiction (store, undo->value, error);
}

gboolean
cl_session_set_jurisdiction (ClSession   *self,
                             const char  *pack_id,
                             GError     **error)
{
  g_autofree char *before = NULL;

  g_return_val_if_fail (CL_IS_SESSION (self), FALSE);

  if (!_cl_session_check_editable (self, error))
    return FALSE;
  before = cl_store_dup_jurisdiction (self->store);
  if (!cl_store_set_jurisdiction (self->store, pack_id, error))
    return FALSE;
  /* A database that never named one counted with the federal floor. */
  return cl_session_saved (self, cl_undo_new (revert_jurisdiction, NULL, text_undo_new (NULL, before ? before : "US"),
                                              text_undo_free, NULL), error);
}

static gboolean
revert_staff (ClStore  *store,
              gpointer  data,
              GError  **error)
{
  return cl_store_update_staff (store, data, error);
}

gboolean
cl_session_update_staff (ClSession      *self,
                         const ClStaff  *staff,
                         GError        **error)
{
  ClStaff *before, *copy = NULL;

  g_return_val_if_fail (CL_IS_SESSION (self), FALSE);
  g_return_val_if_fail (staff != NULL, FALSE);

  if (!_cl_session_check_editable (self, error))
    return FALSE;
  if ((before = cl_caseload_lookup_staff (self->caseload, staff->id)) != NULL)
    {
      copy = cl_staff_new (before->id, before->name, before->role);
      copy->email = g_strdup (before->email);
    }
  if (!cl_store_update_staff (self->store, staff, error))
    {
      cl_staff_free (copy);
      return FALSE;
    }
  return cl_session_saved (self, copy ? cl_undo_new (revert_staff, NULL, copy, (GDestroyNotify) cl_staff_free, NULL) : NULL,
                           error);
}

gboolean
cl_session_add_staff (ClSession      *self,
                      const ClStaff  *staff,
                      GError        **error)
{
  g_return_val_if_fail (CL_IS_SESSION (self), FALSE);

  if (!_cl_session_check_editable (self, error) || !cl_store_add_staff (self->store, staff, error))
    return FALSE;
  /* Nothing refers to someone just added; removing them is the way back (District Set-Up). */
  return cl_session_saved (self, NULL, error);
}

static gboolean
revert_staff_deleted (ClStore  *store,
                      gpointer  data,
                      GError  **error)
{
  return cl_store_add_staff (store, data, error);
}

gboolean
cl_session_delete_staff (ClSession   *self,
                         const char  *staff_id,
                         GError     **error)
{
  ClStaff *before, *copy = NULL;

  g_return_val_if_fail (CL_IS_SESSION (self), FALSE);

  if (!_cl_session_check_editable (self, error))
    return FALSE;
  if ((before = cl_caseload_lookup_staff (self->caseload, staff_id)) != NULL)
    {
      copy = cl_staff_new (before->id, before->name, before->role);
      copy->email = g_strdup (before->email);
    }
  if (!cl_store_delete_staff (self->store, staff_id, error))
    {
      cl_staff_free (copy);
      return FALSE;
    }
  return cl_session_saved (self, copy ? cl_undo_new (revert_staff_deleted, NULL, copy, (GDestroyNotify) cl_staff_free, NULL)
                                      : NULL, error);
}
