/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-store-setup.c — what a district's set-up brings: schools, staff and school calendars
 *
 * Each function is one action: one transaction with its audit rows; a refusal changes nothing.
 * A school year is replaced whole when its feed is read again, and the audit trail says which
 * session dates and closed ranges came and went.
 */
#define G_LOG_DOMAIN "cl-store-setup"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "cl-store-private.h"

/* ---- schools and staff ---- */

/* Links @calendar_id to @school_id after its other calendars. */
static gboolean
link_calendar (ClStore     *self,
               const char  *school_id,
               const char  *calendar_id,
               gint64       position,
               GError     **error)
{
  static const char sql_link[] =
    "INSERT INTO school_calendars (school_id, calendar_id, position) VALUES (?1, ?2,"
    " CASE WHEN ?3 >= 0 THEN ?3 ELSE (SELECT COALESCE (MAX (position), -1) + 1 FROM school_calendars WHERE school_id = ?1) END)";
  sqlite3_stmt *stmt = _cl_store_prepare (self, sql_link, error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, school_id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, calendar_id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 3, position);
  return _cl_store_step (self, stmt, N_("writing a school's calendars"), error);
}

gboolean
_cl_store_add_school_in (ClStoreAction       *action,
                         const char          *id,
                         const char          *name,
                         const char * const  *calendar_ids,
                         GError             **error)
{
  static const char sql[] =
    "INSERT INTO schools (id, name, position) VALUES (?1, ?2,"
    " (SELECT COALESCE (MAX (position), -1) + 1 FROM schools))";
  g_autofree char *calendars = NULL;
  sqlite3_stmt *stmt;

  if (_cl_store_is_blank (id) || _cl_store_is_blank (name))
    return _cl_store_invalid (error, _("A school needs an id and a name; nothing was changed."));
  /* The engine counts every date on a school's calendar: a school without one could not be counted. */
  if (calendar_ids == NULL || calendar_ids[0] == NULL)
    return _cl_store_invalid (error, _("The school %s needs a school calendar; nothing was changed."), name);
  if (_cl_store_exists (action->store, "SELECT 1 FROM schools WHERE id = ?", id, NULL))
    return _cl_store_invalid (error, _("There is already a school %s; nothing was changed."), id);
  for (guint i = 0; calendar_ids[i] != NULL; i++)
    if (!_cl_store_exists (action->store, "SELECT 1 FROM calendars WHERE id = ?", calendar_ids[i], NULL))
      return _cl_store_invalid (error, _("There is no calendar %s in this database; nothing was changed."),
                                calendar_ids[i]);
  if ((stmt = _cl_store_prepare (action->store, sql, error)) == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, name, -1, SQLITE_TRANSIENT);
  if (!_cl_store_step (action->store, stmt, N_("adding a school"), error))
    return FALSE;
  for (guint i = 0; calendar_ids[i] != NULL; i++)
    if (!link_calendar (action->store, id, calendar_ids[i], -1, error))
      return FALSE;
  calendars = g_strjoinv (", ", (char **) calendar_ids);
  return _cl_store_action_audit (action, NULL, "schools", id, "name", NULL, name, error) &&
         _cl_store_action_audit (action, NULL, "schools", id, "calendars", NULL, calendars, error);
}

gboolean
_cl_store_add_staff_in (ClStoreAction  *action,
                        const ClStaff  *staff,
                        GError        **error)
{
  static const char sql[] =
    "INSERT INTO staff (id, name, role, email, position) VALUES (?1, ?2, ?3, ?4,"
    " (SELECT COALESCE (MAX (position), -1) + 1 FROM staff))";
  const char *role = cl_staff_role_names[staff->role];
  const char *email = _cl_store_is_blank (staff->email) ? NULL : staff->email;
  sqlite3_stmt *stmt;

  if (_cl_store_is_blank (staff->id) || _cl_store_is_blank (staff->name))
    return _cl_store_invalid (error, _("A staff member needs an id and a name; nothing was changed."));
  if (_cl_store_exists (action->store, "SELECT 1 FROM staff WHERE id = ?", staff->id, NULL))
    return _cl_store_invalid (error, _("There is already a staff member %s; nothing was changed."), staff->id);
  if ((stmt = _cl_store_prepare (action->store, sql, error)) == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, staff->id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, staff->name, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, role, -1, SQLITE_STATIC);
  _cl_store_bind_text_or_null (stmt, 4, email);
  return _cl_store_step (action->store, stmt, N_("adding a staff member"), error) &&
         _cl_store_action_audit (action, NULL, "staff", staff->id, "name", NULL, staff->name, error) &&
         _cl_store_action_audit (action, NULL, "staff", staff->id, "role", NULL, role, error) &&
         (email == NULL || _cl_store_action_audit (action, NULL, "staff", staff->id, "email", NULL, email, error));
}

gboolean
cl_store_add_school (ClStore             *self,
                     const char          *id,
                     const char          *name,
                     const char * const  *calendar_ids,
                     GError             **error)
{
  ClStoreAction action;

  g_return_val_if_fail (CL_IS_STORE (self), FALSE);

  if (!_cl_store_begin (self, &action, error))
    return FALSE;
  return _cl_store_end (&action, _cl_store_add_school_in (&action, id, name, calendar_ids, error), error);
}

gboolean
cl_store_add_staff (ClStore        *self,
                    const ClStaff  *staff,
                    GError        **error)
{
  ClStoreAction action;

  g_return_val_if_fail (CL_IS_STORE (self), FALSE);
  g_return_val_if_fail (staff != NULL, FALSE);

  if (!_cl_store_begin (self, &action, error))
    return FALSE;
  return _cl_store_end (&action, _cl_store_add_staff_in (&action, staff, error), error);
}

char *
cl_store_find_school (ClStore     *self,
                      const char  *id_or_name,
                      GError     **error)
{
  static const char sql[] =
    "SELECT id FROM schools WHERE id = ?1 UNION ALL SELECT id FROM schools WHERE name = ?1 AND id <> ?1";
  sqlite3_stmt *stmt;
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  int rc;

  g_return_val_if_fail (CL_IS_STORE (self), NULL);

  if ((stmt = _cl_store_prepare (self, sql, error)) == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, id_or_name, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (ids, _cl_store_col_dup (stmt, 0));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _cl_store_fail (self, rc, N_("reading the schools"), error);
      return NULL;
    }
  if (ids->len == 0)
    return NULL;
  /* An id is exact; only a name can be shared. */
  if (ids->len > 1 && !g_str_equal (g_ptr_array_index (ids, 0), id_or_name))
    {
      _cl_store_invalid (error,
                         g_dngettext (GETTEXT_PACKAGE, "%u school is named \"%s\": give the id of the one you mean.",
                                      "%u schools are named \"%s\": give the id of the one you mean.", ids->len),
                         ids->len, id_or_name);
      return NULL;
    }
  return g_strdup (g_ptr_array_index (ids, 0));
}

/* ---- a school year ---- */

static char *
session_line (ClDate first,
              ClDate last)
{
  char a[11], b[11];

  cl_date_format_iso (first, a);
  cl_date_format_iso (last, b);
  return g_strdup_printf ("session %s..%s", a, b);
}

static char *
closed_line (ClDate      from,
             ClDate      to,
             const char *label,
             gboolean    holiday)
{
  char a[11], b[11];

  cl_date_format_iso (from, a);
  cl_date_format_iso (to, b);
  return g_strdup_printf ("closed %s..%s %s%s", a, b, label ? label : "", holiday ? " (holiday)" : "");
}

/* What a school year says, one line each: its session, then each closed range. */
GPtrArray *
_cl_store_calendar_lines (const ClCalendarYear *cal)
{
  GPtrArray *lines = g_ptr_array_new_with_free_func (g_free);

  g_ptr_array_add (lines, session_line (cal->first_day, cal->last_day));
  for (guint i = 0; i < cal->closed->len; i++)
    {
      const ClClosedRange *r = &g_array_index (cal->closed, ClClosedRange, i);
      g_ptr_array_add (lines, closed_line (r->from, r->to, r->label, r->holiday));
    }
  return lines;
}

typedef struct {
  char   *id;
  gint64  position;       /* in calendars */
  gint64  link_position;  /* in school_calendars */
  GPtrArray *lines;
} OldYear;

static void
old_year_free (gpointer data)
{
  OldYear *y = data;

  g_free (y->id);
  g_clear_pointer (&y->lines, g_ptr_array_unref);
  g_free (y);
}

static void
add_closed_line (sqlite3_stmt *stmt,
                 gpointer      lines)
{
  ClDate from = CL_DATE_NONE, to = CL_DATE_NONE;

  cl_date_parse_iso ((const char *) sqlite3_column_text (stmt, 0), &from);
  cl_date_parse_iso ((const char *) sqlite3_column_text (stmt, 1), &to);
  g_ptr_array_add (lines, closed_line (from, to, (const char *) sqlite3_column_text (stmt, 2),
                                       sqlite3_column_int (stmt, 3)));
}

/* The calendars of @school_id whose session overlaps first..last: the same school year. */
static GPtrArray *
read_overlapping_years (ClStore     *self,
                        const char  *school_id,
                        ClDate       first,
                        ClDate       last,
                        GError     **error)
{
  static const char sql[] =
    "SELECT c.id, c.position, sc.position, c.first_day, c.last_day FROM school_calendars sc"
    " JOIN calendars c ON c.id = sc.calendar_id"
    " WHERE sc.school_id = ?1 AND c.first_day <= ?3 AND c.last_day >= ?2 ORDER BY sc.position";
  static const char sql_closed[] =
    "SELECT from_day, to_day, label, holiday FROM calendar_closed WHERE calendar_id = ? ORDER BY position";
  g_autoptr(GPtrArray) years = g_ptr_array_new_with_free_func (old_year_free);
  char a[11], b[11];
  sqlite3_stmt *stmt = _cl_store_prepare (self, sql, error);
  int rc;

  if (stmt == NULL)
    return NULL;
  cl_date_format_iso (first, a);
  cl_date_format_iso (last, b);
  sqlite3_bind_text (stmt, 1, school_id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, a, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, b, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      OldYear *y = g_new0 (OldYear, 1);
      ClDate f = CL_DATE_NONE, l = CL_DATE_NONE;

      y->id = _cl_store_col_dup (stmt, 0);
      y->position = sqlite3_column_int64 (stmt, 1);
      y->link_position = sqlite3_column_int64 (stmt, 2);
      cl_date_parse_iso ((const char *) sqlite3_column_text (stmt, 3), &f);
      cl_date_parse_iso ((const char *) sqlite3_column_text (stmt, 4), &l);
      y->lines = g_ptr_array_new_with_free_func (g_free);
      g_ptr_array_add (y->lines, session_line (f, l));
      g_ptr_array_add (years, y);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _cl_store_fail (self, rc, N_("reading the calendars"), error);
      return NULL;
    }
  for (guint i = 0; i < years->len; i++)
    {
      OldYear *y = g_ptr_array_index (years, i);

      if ((stmt = _cl_store_prepare (self, sql_closed, error)) == NULL)
        return NULL;
      sqlite3_bind_text (stmt, 1, y->id, -1, SQLITE_TRANSIENT);
      if (!_cl_store_each_row (self, stmt, add_closed_line, y->lines, N_("reading a calendar"), error))
        return NULL;
    }
  return g_steal_pointer (&years);
}

static gboolean
same_lines (GPtrArray *a,
            GPtrArray *b)
{
  if (a->len != b->len)
    return FALSE;
  for (guint i = 0; i < a->len; i++)
    if (!g_str_equal (g_ptr_array_index (a, i), g_ptr_array_index (b, i)))
      return FALSE;
  return TRUE;
}

/* Takes @old off @school_id, and deletes it when no other school uses it. */
static gboolean
remove_year (ClStore      *self,
             const char   *school_id,
             const OldYear *old,
             GError      **error)
{
  static const char sql_unlink[] = "DELETE FROM school_calendars WHERE school_id = ? AND calendar_id = ?";
  static const char sql_delete[] =
    "DELETE FROM calendars WHERE id = ?1 AND NOT EXISTS (SELECT 1 FROM school_calendars WHERE calendar_id = ?1)";
  sqlite3_stmt *stmt;

  if ((stmt = _cl_store_prepare (self, sql_unlink, error)) == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, school_id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, old->id, -1, SQLITE_TRANSIENT);
  if (!_cl_store_step (self, stmt, N_("replacing a calendar"), error))
    return FALSE;
  if ((stmt = _cl_store_prepare (self, sql_delete, error)) == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, old->id, -1, SQLITE_TRANSIENT);
  return _cl_store_step (self, stmt, N_("replacing a calendar"), error);
}

static gboolean
insert_year (ClStore              *self,
             const char           *school_id,
             const ClCalendarYear *cal,
             const char           *id,
             const OldYear        *place,
             GError              **error)
{
  static const char sql_calendar[] =
    "INSERT INTO calendars (id, first_day, last_day, position)"
    " VALUES (?1, ?2, ?3, COALESCE (?4, (SELECT COALESCE (MAX (position), -1) + 1 FROM calendars)))";
  static const char sql_closed[] =
    "INSERT INTO calendar_closed (calendar_id, position, from_day, to_day, label, holiday) VALUES (?, ?, ?, ?, ?, ?)";
  char a[11], b[11];
  sqlite3_stmt *stmt;

  if ((stmt = _cl_store_prepare (self, sql_calendar, error)) == NULL)
    return FALSE;
  cl_date_format_iso (cal->first_day, a);
  cl_date_format_iso (cal->last_day, b);
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, a, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, b, -1, SQLITE_TRANSIENT);
  if (place != NULL)
    sqlite3_bind_int64 (stmt, 4, place->position);
  if (!_cl_store_step (self, stmt, N_("writing a calendar"), error))
    return FALSE;
  for (guint i = 0; i < cal->closed->len; i++)
    {
      const ClClosedRange *r = &g_array_index (cal->closed, ClClosedRange, i);

      if ((stmt = _cl_store_prepare (self, sql_closed, error)) == NULL)
        return FALSE;
      cl_date_format_iso (r->from, a);
      cl_date_format_iso (r->to, b);
      sqlite3_bind_text (stmt, 1, id, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int (stmt, 2, (int) i);
      sqlite3_bind_text (stmt, 3, a, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 4, b, -1, SQLITE_TRANSIENT);
      _cl_store_bind_text_or_null (stmt, 5, r->label);
      sqlite3_bind_int (stmt, 6, r->holiday ? 1 : 0);
      if (!_cl_store_step (self, stmt, N_("writing a calendar"), error))
        return FALSE;
    }
  /* A new school links its first year itself. */
  return school_id == NULL || link_calendar (self, school_id, id, place ? place->link_position : -1, error);
}

/* Audits the lines in one list and not the other, as removed and added. */
gboolean
_cl_store_audit_line_changes (ClStoreAction  *action,
                              const char     *row,
                              GPtrArray      *before,
                              GPtrArray      *after,
                              guint          *changes,
                              GError        **error)
{
  g_autoptr(GHashTable) counts = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < before->len; i++)
    {
      gpointer key = g_ptr_array_index (before, i);
      g_hash_table_insert (counts, key, GINT_TO_POINTER (GPOINTER_TO_INT (g_hash_table_lookup (counts, key)) + 1));
    }
  for (guint i = 0; i < after->len; i++)
    {
      const char *line = g_ptr_array_index (after, i);
      int n = GPOINTER_TO_INT (g_hash_table_lookup (counts, line));

      if (n > 0)
        g_hash_table_insert (counts, (gpointer) line, GINT_TO_POINTER (n - 1));
      else if (!_cl_store_action_audit (action, NULL, "calendars", row, "day", NULL, line, error))
        return FALSE;
      else
        (*changes)++;
    }
  for (guint i = 0; i < before->len; i++)
    {
      const char *line = g_ptr_array_index (before, i);
      int n = GPOINTER_TO_INT (g_hash_table_lookup (counts, line));

      if (n > 0)
        {
          g_hash_table_insert (counts, (gpointer) line, GINT_TO_POINTER (n - 1));
          if (!_cl_store_action_audit (action, NULL, "calendars", row, "day", line, NULL, error))
            return FALSE;
          (*changes)++;
        }
    }
  return TRUE;
}

/* @id, or @id-2, @id-3… when a calendar no longer replaced (another school's) holds @id. */
static char *
free_calendar_id (ClStore     *self,
                  const char  *id)
{
  char *candidate = g_strdup (id);

  for (guint n = 2; _cl_store_exists (self, "SELECT 1 FROM calendars WHERE id = ?", candidate, NULL); n++)
    {
      g_free (candidate);
      candidate = g_strdup_printf ("%s-%u", id, n);
    }
  return candidate;
}

gboolean
cl_store_set_school_year (ClStore               *self,
                          const char            *school_id,
                          const char            *new_school_name,
                          const ClCalendarYear  *calendar,
                          guint                 *out_changes,
                          GError               **error)
{
  g_autoptr(GPtrArray) old = NULL;
  g_autoptr(GPtrArray) before = g_ptr_array_new ();
  g_autoptr(GPtrArray) after = NULL;
  g_autofree char *id = NULL;
  guint changes = 0;
  gboolean ok = TRUE;
  ClStoreAction action;

  g_return_val_if_fail (CL_IS_STORE (self), FALSE);
  g_return_val_if_fail (calendar != NULL && calendar->id != NULL, FALSE);

  if (out_changes != NULL)
    *out_changes = 0;
  if (calendar->first_day == CL_DATE_NONE || calendar->last_day < calendar->first_day)
    return _cl_store_invalid (error,
                              _("A school year needs a first day on or before its last day; nothing was changed."));
  for (guint i = 0; i < calendar->closed->len; i++)
    {
      const ClClosedRange *r = &g_array_index (calendar->closed, ClClosedRange, i);
      if (r->to < r->from)
        return _cl_store_invalid (error, _("The closed range \"%s\" ends before it starts; nothing was changed."),
                       r->label ? r->label : "");
    }

  if (!_cl_store_begin (self, &action, error))
    return FALSE;
  after = _cl_store_calendar_lines (calendar);
  if (!_cl_store_exists (self, "SELECT 1 FROM schools WHERE id = ?", school_id, NULL))
    {
      const char *ids[2] = { NULL, NULL };

      /* A new school comes with its first school year, in the same transaction. */
      if (new_school_name == NULL)
        return _cl_store_end (&action,
                              _cl_store_invalid (error, _("There is no school %s in this database; nothing "
                                                          "was changed."), school_id),
                              error);
      ids[0] = id = free_calendar_id (self, calendar->id);
      ok = insert_year (self, NULL, calendar, id, NULL, error) &&
           _cl_store_add_school_in (&action, school_id, new_school_name, ids, error) &&
           _cl_store_audit_line_changes (&action, id, before, after, &changes, error);
      if (ok && out_changes != NULL)
        *out_changes = changes;
      return _cl_store_end (&action, ok, error);
    }
  old = read_overlapping_years (self, school_id, calendar->first_day, calendar->last_day, error);
  ok = old != NULL;
  /* The same feed again: nothing to write, and nothing to audit. */
  if (ok && old->len == 1 && g_str_equal (((OldYear *) g_ptr_array_index (old, 0))->id, calendar->id) &&
      same_lines (((OldYear *) g_ptr_array_index (old, 0))->lines, after))
    return _cl_store_end (&action, TRUE, error);

  for (guint i = 0; ok && i < old->len; i++)
    {
      const OldYear *y = g_ptr_array_index (old, i);

      for (guint k = 0; k < y->lines->len; k++)
        g_ptr_array_add (before, g_ptr_array_index (y->lines, k));
      ok = remove_year (self, school_id, y, error);
    }
  if (ok)
    {
      id = free_calendar_id (self, calendar->id);
      /* A year replaced by one keeps its place, so an export lists the calendars as before. */
      ok = insert_year (self, school_id, calendar, id, old->len == 1 ? g_ptr_array_index (old, 0) : NULL, error) &&
           _cl_store_audit_line_changes (&action, id, before, after, &changes, error);
    }
  if (!_cl_store_end (&action, ok, error))
    return FALSE;
  if (out_changes != NULL)
    *out_changes = changes;
  return TRUE;
}

/* ---- changing what is there ---- */

/* The text @sql (one column, bound to @key) reads, or NULL. */
static char *
read_text (ClStore     *self,
           const char  *sql,
           const char  *key)
{
  sqlite3_stmt *stmt = _cl_store_prepare (self, sql, NULL);
  char *text = NULL;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    text = _cl_store_col_dup (stmt, 0);
  sqlite3_reset (stmt);
  return text;
}

char *
cl_store_dup_jurisdiction (ClStore *self)
{
  g_return_val_if_fail (CL_IS_STORE (self), NULL);

  return read_text (self, "SELECT value FROM meta WHERE key = ?", "jurisdiction");
}

gboolean
cl_store_set_jurisdiction (ClStore     *self,
                           const char  *pack_id,
                           GError     **error)
{
  static const char sql[] =
    "INSERT INTO meta (key, value) VALUES ('jurisdiction', ?1) ON CONFLICT (key) DO UPDATE SET value = ?1";
  g_autofree char *old = NULL;
  sqlite3_stmt *stmt;
  ClStoreAction action;
  gboolean ok;

  g_return_val_if_fail (CL_IS_STORE (self), FALSE);

  if (_cl_store_is_blank (pack_id))
    return _cl_store_invalid (error, _("A rule pack needs an id (US, CA, UT or a district's); nothing was changed."));
  if (!_cl_store_begin (self, &action, error))
    return FALSE;
  old = read_text (self, "SELECT value FROM meta WHERE key = ?", "jurisdiction");
  if (g_strcmp0 (old, pack_id) == 0)
    return _cl_store_end (&action, TRUE, error);
  ok = (stmt = _cl_store_prepare (self, sql, error)) != NULL;
  if (ok)
    {
      sqlite3_bind_text (stmt, 1, pack_id, -1, SQLITE_TRANSIENT);
      ok = _cl_store_step (self, stmt, N_("setting the rule pack"), error) &&
           _cl_store_action_audit (&action, NULL, "meta", "jurisdiction", "value", old, pack_id, error);
    }
  return _cl_store_end (&action, ok, error);
}

gboolean
cl_store_rename_school (ClStore     *self,
                        const char  *school_id,
                        const char  *name,
                        GError     **error)
{
  static const char sql[] = "UPDATE schools SET name = ?2 WHERE id = ?1";
  g_autofree char *old = NULL;
  sqlite3_stmt *stmt;
  ClStoreAction action;
  gboolean ok;

  g_return_val_if_fail (CL_IS_STORE (self), FALSE);

  if (_cl_store_is_blank (name))
    return _cl_store_invalid (error, _("A school needs a name; nothing was changed."));
  if (!_cl_store_begin (self, &action, error))
    return FALSE;
  if (!_cl_store_exists (self, "SELECT 1 FROM schools WHERE id = ?", school_id, NULL))
    return _cl_store_end (&action,
                          _cl_store_invalid (error, _("There is no school %s in this database; nothing "
                                                      "was changed."), school_id),
                          error);
  old = read_text (self, "SELECT name FROM schools WHERE id = ?", school_id);
  if (g_strcmp0 (old, name) == 0)
    return _cl_store_end (&action, TRUE, error);
  ok = (stmt = _cl_store_prepare (self, sql, error)) != NULL;
  if (ok)
    {
      sqlite3_bind_text (stmt, 1, school_id, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 2, name, -1, SQLITE_TRANSIENT);
      ok = _cl_store_step (self, stmt, N_("renaming a school"), error) &&
           _cl_store_action_audit (&action, NULL, "schools", school_id, "name", old, name, error);
    }
  return _cl_store_end (&action, ok, error);
}

gboolean
cl_store_update_staff (ClStore        *self,
                       const ClStaff  *staff,
                       GError        **error)
{
  static const char sql_select[] = "SELECT name, role, email FROM staff WHERE id = ?";
  static const char sql_update[] = "UPDATE staff SET name = ?2, role = ?3, email = ?4 WHERE id = ?1";
  static const char * const fields[] = { "name", "role", "email" };
  const char *values[3];
  char *old[3] = { NULL };
  sqlite3_stmt *stmt;
  ClStoreAction action;
  gboolean ok, found = FALSE;

  g_return_val_if_fail (CL_IS_STORE (self), FALSE);
  g_return_val_if_fail (staff != NULL, FALSE);

  values[0] = staff->name;
  values[1] = cl_staff_role_names[staff->role];
  values[2] = _cl_store_is_blank (staff->email) ? NULL : staff->email;
  if (_cl_store_is_blank (staff->name))
    return _cl_store_invalid (error, _("A staff member needs a name; nothing was changed."));
  if (!_cl_store_begin (self, &action, error))
    return FALSE;
  ok = (stmt = _cl_store_prepare (self, sql_select, error)) != NULL;
  if (ok)
    {
      sqlite3_bind_text (stmt, 1, staff->id, -1, SQLITE_TRANSIENT);
      if ((found = sqlite3_step (stmt) == SQLITE_ROW))
        for (guint i = 0; i < G_N_ELEMENTS (old); i++)
          old[i] = _cl_store_col_dup (stmt, (int) i);
      sqlite3_reset (stmt);
      if (!found)
        ok = _cl_store_invalid (error, _("There is no staff member %s in this database; nothing was changed."),
                                staff->id);
    }
  for (guint i = 0; ok && i < G_N_ELEMENTS (fields); i++)
    if (g_strcmp0 (old[i], values[i]) != 0)
      ok = _cl_store_action_audit (&action, NULL, "staff", staff->id, fields[i], old[i], values[i], error);
  ok = ok && (stmt = _cl_store_prepare (self, sql_update, error)) != NULL;
  if (ok)
    {
      sqlite3_bind_text (stmt, 1, staff->id, -1, SQLITE_TRANSIENT);
      for (guint i = 0; i < G_N_ELEMENTS (values); i++)
        _cl_store_bind_text_or_null (stmt, (int) i + 2, values[i]);
      ok = _cl_store_step (self, stmt, N_("changing a staff member"), error);
    }
  for (guint i = 0; i < G_N_ELEMENTS (old); i++)
    g_free (old[i]);
  return _cl_store_end (&action, ok, error);
}

/* ---- removing ---- */

gboolean
cl_store_delete_staff (ClStore     *self,
                       const char  *staff_id,
                       GError     **error)
{
  static const char sql_select[] = "SELECT name, role, email FROM staff WHERE id = ?";
  static const char sql_delete[] = "DELETE FROM staff WHERE id = ?";
  static const char sql_students[] = "SELECT count(*) FROM students WHERE case_manager_id = ?";
  static const char * const fields[] = { "name", "role", "email" };
  char *old[3] = { NULL };
  sqlite3_stmt *stmt;
  ClStoreAction action;
  gboolean ok, found = FALSE;
  gint64 students = 0;

  g_return_val_if_fail (CL_IS_STORE (self), FALSE);

  if (!_cl_store_begin (self, &action, error))
    return FALSE;
  ok = (stmt = _cl_store_prepare (self, sql_select, error)) != NULL;
  if (ok)
    {
      sqlite3_bind_text (stmt, 1, staff_id, -1, SQLITE_TRANSIENT);
      if ((found = sqlite3_step (stmt) == SQLITE_ROW))
        for (guint i = 0; i < G_N_ELEMENTS (old); i++)
          old[i] = _cl_store_col_dup (stmt, (int) i);
      sqlite3_reset (stmt);
      if (!found)
        ok = _cl_store_invalid (error, _("There is no staff member %s in this database; nothing was changed."),
                                staff_id);
    }
  /* A student is never left without the case manager the file names. */
  ok = ok && _cl_store_query_int (self, sql_students, staff_id, NULL, N_("removing a staff member"), &students, error);
  if (ok && students != 0)
    ok = _cl_store_invalid (error,
                            g_dngettext (GETTEXT_PACKAGE,
                                         "%s is the case manager of %d student: give them another case manager "
                                         "first; nothing was changed.",
                                         "%s is the case manager of %d students: give them another case manager "
                                         "first; nothing was changed.", (gulong) students),
                            old[0] ? old[0] : staff_id, (int) students);
  ok = ok && (stmt = _cl_store_prepare (self, sql_delete, error)) != NULL;
  if (ok)
    {
      sqlite3_bind_text (stmt, 1, staff_id, -1, SQLITE_TRANSIENT);
      ok = _cl_store_step (self, stmt, N_("removing a staff member"), error);
    }
  for (guint i = 0; ok && i < G_N_ELEMENTS (fields); i++)
    if (old[i] != NULL)
      ok = _cl_store_action_audit (&action, NULL, "staff", staff_id, fields[i], old[i], NULL, error);
  for (guint i = 0; i < G_N_ELEMENTS (old); i++)
    g_free (old[i]);
  return _cl_store_end (&action, ok, error);
}
