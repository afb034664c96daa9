/* cl-session-students.c — students and their families added, changed and deleted, and their undo
 *
 * Like the timeline (cl-session-events.c): every change is saved at once as one audited
 * transaction and made to the open caseload's record as a reload would read it back.
 */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cl-session"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "cl-session-private.h"

/* ---- what an undo needs, held apart from the caseload (a reload frees that) ---- */

GArray *
cl_guardians_copy (GArray *src)
{
  GArray *copy = g_array_new (FALSE, TRUE, sizeof (ClGuardian));

  g_array_set_clear_func (copy, (GDestroyNotify) cl_guardian_clear);
  g_array_set_size (copy, src->len);
  for (guint i = 0; i < src->len; i++)
    cl_guardian_copy (&g_array_index (src, ClGuardian, i), &g_array_index (copy, ClGuardian, i));
  return copy;
}

/* A student record with its school and case manager: the record borrows them from the caseload,
 * so the copy borrows stand-ins (id and name) that it owns. */
typedef struct {
  ClStudent    *student;
  ClSchool     *school;
  ClStaff      *case_manager;
  ClAppRecords *records;   /* a deleted student's attempts, checklists and notes */
} StudentCopy;

static void
student_copy_free (gpointer data)
{
  StudentCopy *copy = data;

  cl_student_free (copy->student);
  cl_school_free (copy->school);
  cl_staff_free (copy->case_manager);
  cl_app_records_free (copy->records);
  g_free (copy);
}

/* @src whole: its own fields (what an undone change of details writes back) and its family,
 * timeline and planned meetings (what an undone delete writes back). */
static StudentCopy *
student_copy_new (const ClStudent *src)
{
  StudentCopy *copy = g_new0 (StudentCopy, 1);

  copy->student = cl_student_copy (src);
  if (src->school != NULL)
    copy->school = cl_school_new (src->school->id, src->school->name);
  if (src->case_manager != NULL)
    copy->case_manager = cl_staff_new (src->case_manager->id, src->case_manager->name, src->case_manager->role);
  copy->student->school = copy->school;
  copy->student->case_manager = copy->case_manager;
  return copy;
}

static gboolean
revert_student_added (ClStore  *store,
                      gpointer  data,
                      GError  **error)
{
  return cl_store_delete_student (store, data, error);
}

static gboolean
revert_student_changed (ClStore  *store,
                        gpointer  data,
                        GError  **error)
{
  return cl_store_update_student (store, ((StudentCopy *) data)->student, error);
}

static gboolean
revert_student_deleted (ClStore  *store,
                        gpointer  data,
                        GError  **error)
{
  StudentCopy *copy = data;

  return cl_store_restore_student (store, copy->student, copy->records, error);
}

typedef struct {
  char   *student_id;
  GArray *guardians;   /* of ClGuardian, as they were */
} GuardiansUndo;

static void
guardians_undo_free (gpointer data)
{
  GuardiansUndo *undo = data;

  g_free (undo->student_id);
  g_array_unref (undo->guardians);
  g_free (undo);
}

static gboolean
revert_guardians (ClStore  *store,
                  gpointer  data,
                  GError  **error)
{
  GuardiansUndo *undo = data;
  return cl_store_set_guardians (store, undo->student_id, undo->guardians, error);
}

/* ---- the saved change, made to the open caseload's record too (as a reload reads it back) ---- */

/* @src's own fields (as cl_student_editor_dup_student() made them) moved into @dest. */
static void
take_fields (ClStudent *dest,
             ClStudent *src)
{
#define TAKE(field) G_STMT_START { g_free (dest->field); dest->field = g_steal_pointer (&src->field); } G_STMT_END
  TAKE (first_name);
  TAKE (last_name);
  TAKE (grade);
  TAKE (home_language);
  TAKE (eligibility_primary);
  TAKE (eligibility_secondary);
  TAKE (jurisdiction);
#undef TAKE
  dest->birth_date = src->birth_date;
  dest->school = src->school;
  dest->case_manager = src->case_manager;
  dest->english_learner = src->english_learner;
  dest->conservatorship = src->conservatorship;
  dest->part_c = src->part_c;
  dest->emancipated_on = src->emancipated_on;
  g_clear_pointer (&dest->eligibility_extra, json_object_unref);
  dest->eligibility_extra = g_steal_pointer (&src->eligibility_extra);
  g_clear_pointer (&dest->extra, json_object_unref);
  dest->extra = g_steal_pointer (&src->extra);
}

static char *
dup_nonempty (const char *text)
{
  return text && *text ? g_strdup (text) : NULL;
}

/* @guardians as the student's; empty texts become none, as the database stores them. */
static void
apply_guardians (ClStudent *student,
                 GArray    *guardians)
{
  g_array_set_size (student->guardians, 0);
  for (guint i = 0; i < guardians->len; i++)
    {
      const ClGuardian *g = &g_array_index (guardians, ClGuardian, i);
      ClGuardian copy = { dup_nonempty (g->name), dup_nonempty (g->relationship), dup_nonempty (g->language),
                          dup_nonempty (g->phone), dup_nonempty (g->email), dup_nonempty (g->address),
                          g->extra ? json_object_ref (g->extra) : NULL };

      g_array_append_val (student->guardians, copy);
    }
}

/* The copy's stand-in school and case manager swapped for the caseload's own; FALSE when the
 * caseload does not have them (it must be read again). */
static gboolean
borrow_from (ClCaseload  *caseload,
             StudentCopy *copy)
{
  ClSchool *school = copy->school ? cl_caseload_lookup_school (caseload, copy->school->id) : NULL;
  ClStaff *manager = copy->case_manager ? cl_caseload_lookup_staff (caseload, copy->case_manager->id) : NULL;

  if (school == NULL || (copy->case_manager != NULL && manager == NULL))
    return FALSE;
  copy->student->school = school;
  copy->student->case_manager = manager;
  return TRUE;
}

static ClStudent *
apply_student_changed_undo (ClCaseload *caseload,
                            gpointer    data)
{
  StudentCopy *copy = data;
  ClStudent *student = cl_caseload_lookup_student (caseload, copy->student->id);

  if (student == NULL || !borrow_from (caseload, copy))
    return NULL;
  /* The undo is spent once applied: its fields can move. */
  take_fields (student, copy->student);
  return student;
}

static ClStudent *
apply_student_deleted_undo (ClCaseload *caseload,
                            gpointer    data)
{
  StudentCopy *copy = data;
  ClStudent *student = copy->student;

  if (cl_caseload_lookup_student (caseload, student->id) != NULL || !borrow_from (caseload, copy))
    return NULL;
  /* The whole file comes back, after the others, as the database put it: its events at the
   * positions they were written to, which are their places in the timeline. */
  copy->student = NULL;
  for (guint i = 0; i < student->events->len; i++)
    g_array_index (student->events, ClEvent, i).order = i;
  cl_caseload_add_student (caseload, student);
  return student;
}

static ClStudent *
apply_guardians_undo (ClCaseload *caseload,
                      gpointer    data)
{
  GuardiansUndo *undo = data;
  ClStudent *student = cl_caseload_lookup_student (caseload, undo->student_id);

  if (student != NULL)
    apply_guardians (student, undo->guardians);
  return student;
}

/* ---- the changes ---- */

gboolean
cl_session_save_student (ClSession  *self,
                         ClStudent  *student,
                         gboolean    is_new,
                         GError    **error)
{
  g_autoptr(ClStudent) owned = student;
  g_autofree char *id = NULL;
  ClStudent *before = NULL;
  StudentCopy *copy = NULL;
  gboolean ok, in_place;

  g_return_val_if_fail (CL_IS_SESSION (self), FALSE);

  if (!_cl_session_check_editable (self, error))
    return FALSE;
  id = g_strdup (student->id);
  before = cl_caseload_lookup_student (self->caseload, id);
  /* Editing keeps what the student was for the undo; a new one is undone by deleting it. */
  if (!is_new && before != NULL)
    {
      copy = student_copy_new (before);
      ok = cl_store_update_student (self->store, student, error);
    }
  else
    ok = cl_store_add_student (self->store, student, error);
  if (!ok)
    {
      if (copy != NULL)
        student_copy_free (copy);
      return FALSE;
    }
  /* The form borrowed school and case manager from the caseload open when it was opened; if a
   * reload came in between, the saved record is read back whole instead of changed in place. */
  in_place = student->school != NULL &&
             cl_caseload_lookup_school (self->caseload, student->school->id) == student->school &&
             (student->case_manager == NULL ||
              cl_caseload_lookup_staff (self->caseload, student->case_manager->id) == student->case_manager);
  if (copy != NULL)
    {
      ClUndo *undo = cl_undo_new (revert_student_changed, apply_student_changed_undo, copy, student_copy_free, id);

      if (in_place && before != NULL)
        {
          take_fields (before, student);
          return cl_session_saved_student (self, undo, before, error);
        }
      return cl_session_saved (self, undo, error);
    }
  else
    {
      ClUndo *undo = cl_undo_new (revert_student_added, NULL, g_strdup (id), g_free, NULL);

      if (in_place)
        {
          /* Goes after the others, where the database put it too. */
          cl_caseload_add_student (self->caseload, g_steal_pointer (&owned));
          return cl_session_saved_student (self, undo, student, error);
        }
      return cl_session_saved (self, undo, error);
    }
}

gboolean
cl_session_delete_student (ClSession   *self,
                           const char  *student_id,
                           GError     **error)
{
  g_autofree char *id = g_strdup (student_id);
  ClStudent *student;
  ClAppRecords *records;
  StudentCopy *copy;

  g_return_val_if_fail (CL_IS_SESSION (self), FALSE);

  if ((student = _cl_session_editable_student (self, id, error)) == NULL)
    return FALSE;
  /* What the record does not hold goes too (the meetings' logs, the notes): the undo needs it. */
  records = cl_store_dup_app_records (self->store, id, error);
  if (records == NULL)
    return FALSE;
  copy = student_copy_new (student);
  copy->records = records;
  if (!cl_store_delete_student (self->store, id, error))
    {
      student_copy_free (copy);
      return FALSE;
    }
  return cl_session_saved (self, cl_undo_new (revert_student_deleted, apply_student_deleted_undo, copy, student_copy_free, id),
                           error);
}

gboolean
cl_session_set_guardians (ClSession   *self,
                          const char  *student_id,
                          GArray      *guardians,
                          GError     **error)
{
  GuardiansUndo *undo;
  ClStudent *student;

  g_return_val_if_fail (CL_IS_SESSION (self), FALSE);

  if ((student = _cl_session_editable_student (self, student_id, error)) == NULL)
    return FALSE;
  undo = g_new0 (GuardiansUndo, 1);
  undo->student_id = g_strdup (student->id);
  undo->guardians = cl_guardians_copy (student->guardians);
  if (!cl_store_set_guardians (self->store, student->id, guardians, error))
    {
      guardians_undo_free (undo);
      return FALSE;
    }
  apply_guardians (student, guardians);
  return cl_session_saved_student (self, cl_undo_new (revert_guardians, apply_guardians_undo, undo, guardians_undo_free, undo->student_id),
                                   student, error);
}
