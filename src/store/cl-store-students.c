/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-store-students.c — adding, changing and deleting a student and their family, as the app edits
 *
 * Each function is one user action: one transaction, and an audit row for each field it sets,
 * changes or removes, all with the same timestamp. What is refused leaves the database as it was.
 */
#define G_LOG_DOMAIN "cl-store-students"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "cl-store-private.h"

/* The student's own columns, the key first, in the order of the statements below. */
static const char * const student_columns[] = {
  "id", "first_name", "last_name", "birth_date", "school_id", "grade", "case_manager_id",
  "home_language", "english_learner", "eligibility_primary", "eligibility_secondary",
  "eligibility_extra", "conservatorship", "part_c", "emancipated_on", "jurisdiction", "extra",
};
#define N_STUDENT_COLUMNS G_N_ELEMENTS (student_columns)

static const char sql_select_student[] =
  "SELECT id, first_name, last_name, birth_date, school_id, grade, case_manager_id, home_language,"
  " english_learner, eligibility_primary, eligibility_secondary, eligibility_extra, conservatorship,"
  " part_c, emancipated_on, jurisdiction, extra FROM students WHERE id = ?";

static const char guardian_fields[][13] = { "name", "relationship", "language", "phone", "email", "address" };
#define N_GUARDIAN_FIELDS G_N_ELEMENTS (guardian_fields)

/* The column values of @s as the database holds them: text, NULL for SQL NULL. */
static void
student_values (const ClStudent *s,
                char            *values[N_STUDENT_COLUMNS])
{
  guint i = 0;

  values[i++] = g_strdup (s->id);
  values[i++] = g_strdup (s->first_name);
  values[i++] = g_strdup (s->last_name);
  values[i++] = cl_date_to_iso (s->birth_date);
  values[i++] = g_strdup (s->school ? s->school->id : NULL);
  values[i++] = g_strdup (s->grade);
  values[i++] = g_strdup (s->case_manager ? s->case_manager->id : NULL);
  values[i++] = g_strdup (s->home_language);
  values[i++] = g_strdup (s->english_learner ? "1" : "0");
  values[i++] = g_strdup (s->eligibility_primary);
  values[i++] = g_strdup (s->eligibility_secondary);
  values[i++] = _cl_store_json_text (s->eligibility_extra);
  values[i++] = g_strdup (s->conservatorship ? "1" : "0");
  values[i++] = g_strdup (s->part_c ? "1" : "0");
  values[i++] = cl_date_to_iso (s->emancipated_on);
  values[i++] = g_strdup (s->jurisdiction);
  values[i++] = _cl_store_json_text (s->extra);
  g_assert (i == N_STUDENT_COLUMNS);
  /* Blank text is no value: a cleared field is stored as NULL, as an import leaves it. */
  for (i = 0; i < N_STUDENT_COLUMNS; i++)
    if (values[i] != NULL && values[i][0] == '\0')
      g_clear_pointer (&values[i], g_free);
}

static void
free_values (char   **values,
             guint    n)
{
  for (guint i = 0; i < n; i++)
    g_clear_pointer (&values[i], g_free);
}

/* The stored columns of @id into @old; refused when there is no such student any more. */
static gboolean
read_student (ClStore     *self,
              const char  *id,
              char        *old[N_STUDENT_COLUMNS],
              GError     **error)
{
  sqlite3_stmt *stmt = _cl_store_prepare (self, sql_select_student, error);
  gboolean found = FALSE;
  int rc;

  memset (old, 0, sizeof (char *) * N_STUDENT_COLUMNS);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      found = TRUE;
      for (guint i = 0; i < N_STUDENT_COLUMNS; i++)
        old[i] = g_strdup ((const char *) sqlite3_column_text (stmt, i));
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return _cl_store_fail (self, rc, N_("reading a student"), error);
  if (!found)
    return _cl_store_invalid (error, _("There is no student %s any more; nothing was changed."), id);
  return TRUE;
}

/* What a student record needs before it is written, in words the form can show. */
static gboolean
check_student (ClStore          *self,
               const ClStudent  *s,
               GError          **error)
{
  if (_cl_store_is_blank (s->id))
    return _cl_store_invalid (error, _("A student needs an id; nothing was changed."));
  if (s->birth_date == CL_DATE_NONE)
    return _cl_store_invalid (error, _("%s needs a birth date; nothing was changed."), s->id);
  if (s->emancipated_on != CL_DATE_NONE && s->emancipated_on < s->birth_date)
    return _cl_store_invalid (error, _("%s cannot be emancipated before being born; nothing was changed."), s->id);
  if (s->school == NULL || s->school->id == NULL)
    return _cl_store_invalid (error, _("%s needs a school; nothing was changed."), s->id);
  if (!_cl_store_exists (self, "SELECT 1 FROM schools WHERE id = ?", s->school->id, NULL))
    return _cl_store_invalid (error, _("There is no school %s in this database; nothing was changed."), s->school->id);
  if (s->case_manager != NULL &&
      !_cl_store_exists (self, "SELECT 1 FROM staff WHERE id = ?", s->case_manager->id, NULL))
    return _cl_store_invalid (error, _("There is no staff member %s in this database; nothing was changed."),
                              s->case_manager->id);
  return TRUE;
}

static char *
guardian_row_key (const char *student_id,
                  guint       position)
{
  return g_strdup_printf ("%s/%u", student_id, position + 1);
}

static void
guardian_values (const ClGuardian *g,
                 char             *values[N_GUARDIAN_FIELDS])
{
  const char *v[] = { g->name, g->relationship, g->language, g->phone, g->email, g->address };

  G_STATIC_ASSERT (G_N_ELEMENTS (v) == N_GUARDIAN_FIELDS);
  for (guint i = 0; i < N_GUARDIAN_FIELDS; i++)
    values[i] = v[i] && *v[i] ? g_strdup (v[i]) : NULL;
}

/* Audits guardian @position going from @old to @new (either may be NULL: added, removed). */
static gboolean
audit_guardian (ClStoreAction  *action,
                const char     *student_id,
                guint           position,
                char * const   *old,
                char * const   *new,
                GError        **error)
{
  g_autofree char *row = guardian_row_key (student_id, position);

  for (guint i = 0; i < N_GUARDIAN_FIELDS; i++)
    {
      const char *before = old ? old[i] : NULL, *after = new ? new[i] : NULL;
      g_autofree char *field = NULL;

      if (g_strcmp0 (before, after) == 0)
        continue;
      field = g_strconcat ("guardian_", guardian_fields[i], NULL);
      if (!_cl_store_action_audit (action, student_id, "guardians", row, field, before, after, error))
        return FALSE;
    }
  return TRUE;
}

static void
add_guardian_values (sqlite3_stmt *stmt,
                     gpointer      values)
{
  for (guint i = 0; i < N_GUARDIAN_FIELDS; i++)
    {
      const char *text = (const char *) sqlite3_column_text (stmt, i);
      g_ptr_array_add (values, text && *text ? g_strdup (text) : NULL);
    }
}

/* Each stored guardian of @student_id, as N_GUARDIAN_FIELDS values (a flat array of strings). */
static GPtrArray *
read_guardians (ClStore     *self,
                const char  *student_id,
                GError     **error)
{
  static const char sql[] =
    "SELECT name, relationship, language, phone, email, address FROM guardians WHERE student_id = ?"
    " ORDER BY position";
  sqlite3_stmt *stmt = _cl_store_prepare (self, sql, error);
  g_autoptr(GPtrArray) values = g_ptr_array_new_with_free_func (g_free);

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, student_id, -1, SQLITE_TRANSIENT);
  if (!_cl_store_each_row (self, stmt, add_guardian_values, values, N_("reading the guardians"), error))
    return NULL;
  return g_steal_pointer (&values);
}

gboolean
_cl_store_add_student_in (ClStoreAction    *action,
                          const ClStudent  *student,
                          GError          **error)
{
  static const char sql_insert[] =
    "INSERT INTO students (id, first_name, last_name, birth_date, school_id, grade, case_manager_id,"
    " home_language, english_learner, eligibility_primary, eligibility_secondary, eligibility_extra,"
    " conservatorship, part_c, emancipated_on, jurisdiction, extra, position)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17,"
    " (SELECT COALESCE (MAX (position), -1) + 1 FROM students))";
  ClStore *self = action->store;
  char *values[N_STUDENT_COLUMNS] = { NULL };
  g_autoptr(GPtrArray) lines = NULL;
  sqlite3_stmt *stmt;
  gboolean ok;

  ok = check_student (self, student, error);
  if (ok && _cl_store_exists (self, "SELECT 1 FROM students WHERE id = ?", student->id, NULL))
    ok = _cl_store_invalid (error, _("There is already a student %s; nothing was changed."), student->id);
  if (ok)
    {
      student_values (student, values);
      ok = (stmt = _cl_store_prepare (self, sql_insert, error)) != NULL;
      if (ok)
        {
          _cl_store_bind_texts (stmt, values, N_STUDENT_COLUMNS);
          ok = _cl_store_step (self, stmt, N_("adding a student"), error);
        }
      /* A new record: every field it was given, from nothing. */
      for (guint i = 1; ok && i < N_STUDENT_COLUMNS; i++)
        if (values[i] != NULL)
          ok = _cl_store_action_audit (action, student->id, "students", student->id, student_columns[i], NULL, values[i], error);
      free_values (values, N_STUDENT_COLUMNS);
    }
  /* What it brings along (an undone delete brings back the whole file). */
  ok = ok && _cl_store_insert_student_children (self, (ClStudent *) student, error);
  for (guint i = 0; ok && i < student->guardians->len; i++)
    {
      char *g[N_GUARDIAN_FIELDS];

      guardian_values (&g_array_index (student->guardians, ClGuardian, i), g);
      ok = audit_guardian (action, student->id, i, NULL, g, error);
      free_values (g, N_GUARDIAN_FIELDS);
    }
  if (ok && student->events->len > 0)
    {
      lines = _cl_store_event_lines (self, student->id, error);
      for (guint i = 0; ok && i < lines->len; i++)
        ok = _cl_store_action_audit (action, student->id, "events", student->id, "event", NULL, g_ptr_array_index (lines, i), error);
    }
  for (guint i = 0; ok && i < student->meetings->len; i++)
    {
      const ClMeeting *m = g_ptr_array_index (student->meetings, i);
      g_autofree char *date = cl_date_to_iso (m->date);
      g_autofree char *line = g_strdup_printf ("%s %s", cl_meeting_kind_names[m->kind], date);

      ok = _cl_store_action_audit (action, student->id, "meetings", m->id, "meeting", NULL, line, error);
    }
  return ok;
}

gboolean
cl_store_add_student (ClStore          *self,
                      const ClStudent  *student,
                      GError          **error)
{
  ClStoreAction action;

  g_return_val_if_fail (CL_IS_STORE (self), FALSE);
  g_return_val_if_fail (student != NULL, FALSE);

  if (!_cl_store_begin (self, &action, error))
    return FALSE;
  return _cl_store_end (&action, _cl_store_add_student_in (&action, student, error), error);
}

gboolean
_cl_store_update_student_in (ClStoreAction    *action,
                             const ClStudent  *student,
                             GError          **error)
{
  static const char sql_update[] =
    "UPDATE students SET first_name = ?2, last_name = ?3, birth_date = ?4, school_id = ?5, grade = ?6,"
    " case_manager_id = ?7, home_language = ?8, english_learner = ?9, eligibility_primary = ?10,"
    " eligibility_secondary = ?11, eligibility_extra = ?12, conservatorship = ?13, part_c = ?14,"
    " emancipated_on = ?15, jurisdiction = ?16, extra = ?17 WHERE id = ?1";
  ClStore *self = action->store;
  char *values[N_STUDENT_COLUMNS] = { NULL };
  char *old[N_STUDENT_COLUMNS] = { NULL };
  gboolean ok;
  sqlite3_stmt *stmt;

  ok = check_student (self, student, error) && read_student (self, student->id, old, error);
  if (ok)
    {
      student_values (student, values);
      for (guint i = 1; ok && i < N_STUDENT_COLUMNS; i++)
        if (g_strcmp0 (old[i], values[i]) != 0)
          ok = _cl_store_action_audit (action, student->id, "students", student->id, student_columns[i], old[i], values[i], error);
      ok = ok && (stmt = _cl_store_prepare (self, sql_update, error)) != NULL;
      if (ok)
        {
          _cl_store_bind_texts (stmt, values, N_STUDENT_COLUMNS);
          ok = _cl_store_step (self, stmt, N_("changing a student"), error);
        }
    }
  free_values (values, N_STUDENT_COLUMNS);
  free_values (old, N_STUDENT_COLUMNS);
  return ok;
}

gboolean
cl_store_update_student (ClStore          *self,
                         const ClStudent  *student,
                         GError          **error)
{
  ClStoreAction action;

  g_return_val_if_fail (CL_IS_STORE (self), FALSE);
  g_return_val_if_fail (student != NULL, FALSE);

  if (!_cl_store_begin (self, &action, error))
    return FALSE;
  return _cl_store_end (&action, _cl_store_update_student_in (&action, student, error), error);
}

gboolean
cl_store_delete_student (ClStore     *self,
                         const char  *student_id,
                         GError     **error)
{
  static const char sql_meetings[] = "SELECT id, kind, date FROM meetings WHERE student_id = ? ORDER BY position";
  static const char sql_delete[] = "DELETE FROM students WHERE id = ?";
  char *old[N_STUDENT_COLUMNS] = { NULL };
  g_autoptr(GPtrArray) guardians = NULL;
  g_autoptr(GPtrArray) lines = NULL;
  gboolean ok;
  sqlite3_stmt *stmt;
  ClStoreAction action;

  g_return_val_if_fail (CL_IS_STORE (self), FALSE);
  g_return_val_if_fail (student_id != NULL, FALSE);

  if (!_cl_store_begin (self, &action, error))
    return FALSE;
  ok = read_student (self, student_id, old, error);

  /* Everything that goes, as it was: the trail is where a deleted file can still be read. */
  for (guint i = 1; ok && i < N_STUDENT_COLUMNS; i++)
    if (old[i] != NULL)
      ok = _cl_store_action_audit (&action, student_id, "students", student_id, student_columns[i], old[i], NULL, error);
  if (ok)
    ok = (guardians = read_guardians (self, student_id, error)) != NULL;
  for (guint i = 0; ok && i * N_GUARDIAN_FIELDS < guardians->len; i++)
    ok = audit_guardian (&action, student_id, i, (char **) guardians->pdata + i * N_GUARDIAN_FIELDS, NULL, error);
  if (ok)
    lines = _cl_store_event_lines (self, student_id, error);
  for (guint i = 0; ok && lines && i < lines->len; i++)
    ok = _cl_store_action_audit (&action, student_id, "events", student_id, "event", g_ptr_array_index (lines, i), NULL, error);
  if (ok && (stmt = _cl_store_prepare (self, sql_meetings, error)) != NULL)
    {
      g_autoptr(GPtrArray) meetings = g_ptr_array_new_with_free_func (g_free);

      sqlite3_bind_text (stmt, 1, student_id, -1, SQLITE_TRANSIENT);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          g_ptr_array_add (meetings, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
          g_ptr_array_add (meetings, g_strdup_printf ("%s %s", sqlite3_column_text (stmt, 1), sqlite3_column_text (stmt, 2)));
        }
      sqlite3_reset (stmt);
      for (guint i = 0; ok && i + 1 < meetings->len; i += 2)
        ok = _cl_store_action_audit (&action, student_id, "meetings", g_ptr_array_index (meetings, i), "meeting",
                    g_ptr_array_index (meetings, i + 1), NULL, error);
    }
  else
    ok = FALSE;

  /* Guardians, events, meetings and what the app keeps beside them go with it (ON DELETE CASCADE). */
  ok = ok && (stmt = _cl_store_prepare (self, sql_delete, error)) != NULL;
  if (ok)
    {
      sqlite3_bind_text (stmt, 1, student_id, -1, SQLITE_TRANSIENT);
      ok = _cl_store_step (self, stmt, N_("deleting a student"), error);
    }
  free_values (old, N_STUDENT_COLUMNS);
  return _cl_store_end (&action, ok, error);
}

gboolean
cl_store_set_guardians (ClStore     *self,
                        const char  *student_id,
                        GArray      *guardians,
                        GError     **error)
{
  static const char sql_clear[] = "DELETE FROM guardians WHERE student_id = ?";
  static const char sql_insert[] =
    "INSERT INTO guardians (student_id, position, name, relationship, language, phone, email, address, extra)"
    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";
  g_autoptr(GPtrArray) old = NULL;
  sqlite3_stmt *stmt;
  guint n_old;
  gboolean ok;
  ClStoreAction action;

  g_return_val_if_fail (CL_IS_STORE (self), FALSE);
  g_return_val_if_fail (student_id != NULL && guardians != NULL, FALSE);

  for (guint i = 0; i < guardians->len; i++)
    {
      const char *name = g_array_index (guardians, ClGuardian, i).name;
      if (name == NULL || *name == '\0')
        return _cl_store_invalid (error, _("Each guardian of %s needs a name; nothing was changed."), student_id);
    }

  if (!_cl_store_begin (self, &action, error))
    return FALSE;
  ok = _cl_store_exists (self, "SELECT 1 FROM students WHERE id = ?", student_id, NULL);
  if (!ok)
    _cl_store_invalid (error, _("There is no student %s any more; nothing was changed."), student_id);
  ok = ok && (old = read_guardians (self, student_id, error)) != NULL;
  n_old = old ? old->len / N_GUARDIAN_FIELDS : 0;

  /* Position by position: what changed, what is new, what is gone. */
  for (guint i = 0; ok && i < MAX (n_old, guardians->len); i++)
    {
      char *new[N_GUARDIAN_FIELDS] = { NULL };

      if (i < guardians->len)
        guardian_values (&g_array_index (guardians, ClGuardian, i), new);
      ok = audit_guardian (&action, student_id, i, i < n_old ? (char **) old->pdata + i * N_GUARDIAN_FIELDS : NULL,
                           i < guardians->len ? new : NULL, error);
      free_values (new, N_GUARDIAN_FIELDS);
    }

  ok = ok && (stmt = _cl_store_prepare (self, sql_clear, error)) != NULL;
  if (ok)
    {
      sqlite3_bind_text (stmt, 1, student_id, -1, SQLITE_TRANSIENT);
      ok = _cl_store_step (self, stmt, N_("changing the guardians"), error);
    }
  for (guint i = 0; ok && i < guardians->len; i++)
    {
      const ClGuardian *g = &g_array_index (guardians, ClGuardian, i);
      char *values[N_GUARDIAN_FIELDS];
      g_autofree char *extra = _cl_store_json_text (g->extra);

      if ((stmt = _cl_store_prepare (self, sql_insert, error)) == NULL)
        {
          ok = FALSE;
          break;
        }
      guardian_values (g, values);
      sqlite3_bind_text (stmt, 1, student_id, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int (stmt, 2, (int) i);
      for (guint k = 0; k < N_GUARDIAN_FIELDS; k++)
        if (values[k] != NULL)
          sqlite3_bind_text (stmt, 3 + k, values[k], -1, SQLITE_TRANSIENT);
      if (extra != NULL)
        sqlite3_bind_text (stmt, 9, extra, -1, SQLITE_TRANSIENT);
      ok = _cl_store_step (self, stmt, N_("writing a guardian"), error);
      free_values (values, N_GUARDIAN_FIELDS);
    }
  return _cl_store_end (&action, ok, error);
}
