/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-store-school-year.c — one school year changed in place: its first and last day and its
 * closed ranges, or a new year added beside a school's others
 *
 * Unlike a feed read again (cl_store_set_school_year(), which replaces the year it covers), a
 * change made by hand never takes another year's place: a session that would overlap another
 * school year of a school using this calendar is refused, and so is a closed range outside the
 * session, so nothing is dropped without the person seeing it. Each change is one transaction
 * with an audit row per session or closed range that went or came; the calendar keeps its id,
 * its place and the schools that use it, and its closed ranges keep their rows where they can
 * (the district server merges them by position).
 */
#define G_LOG_DOMAIN "cl-store-school-year"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "cl-store-private.h"

static ClDate
col_date (sqlite3_stmt *stmt,
          int           i)
{
  ClDate date = CL_DATE_NONE;
  const char *text = (const char *) sqlite3_column_text (stmt, i);

  if (text == NULL || !cl_date_parse_iso (text, &date))
    return CL_DATE_NONE;
  return date;
}

static JsonObject *
col_json (sqlite3_stmt *stmt,
          int           i)
{
  const char *text = (const char *) sqlite3_column_text (stmt, i);
  g_autoptr(JsonNode) node = text ? json_from_string (text, NULL) : NULL;

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return NULL;
  return json_object_ref (json_node_get_object (node));
}

/* The calendar @id as stored; with @out_positions, the position of each closed range's row. */
static ClCalendarYear *
read_year (ClStore     *self,
           const char  *id,
           GArray     **out_positions,
           GError     **error)
{
  static const char sql[] = "SELECT first_day, last_day, extra FROM calendars WHERE id = ?";
  static const char sql_closed[] =
    "SELECT from_day, to_day, label, holiday, extra, position FROM calendar_closed WHERE calendar_id = ? ORDER BY position";
  g_autoptr(ClCalendarYear) year = NULL;
  g_autoptr(GArray) positions = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt;
  int rc;

  if ((stmt = _cl_store_prepare (self, sql, error)) == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_TRANSIENT);
  if ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      year = cl_calendar_year_new (id, col_date (stmt, 0), col_date (stmt, 1));
      year->extra = col_json (stmt, 2);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return _cl_store_fail (self, rc, N_("reading a calendar"), error), NULL;
  if (year == NULL)
    {
      g_set_error (error, CL_STORE_ERROR, CL_STORE_ERROR_INVALID,
                   _("There is no school year %s in this database; nothing was changed."), id);
      return NULL;
    }
  if ((stmt = _cl_store_prepare (self, sql_closed, error)) == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 position = sqlite3_column_int64 (stmt, 5);

      cl_calendar_year_add_closed (year, col_date (stmt, 0), col_date (stmt, 1),
                                   (const char *) sqlite3_column_text (stmt, 2), sqlite3_column_int (stmt, 3));
      g_array_index (year->closed, ClClosedRange, year->closed->len - 1).extra = col_json (stmt, 4);
      g_array_append_val (positions, position);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return _cl_store_fail (self, rc, N_("reading a calendar"), error), NULL;
  if (out_positions != NULL)
    *out_positions = g_steal_pointer (&positions);
  return g_steal_pointer (&year);
}

ClCalendarYear *
cl_store_dup_school_year (ClStore     *self,
                          const char  *calendar_id,
                          GError     **error)
{
  g_return_val_if_fail (CL_IS_STORE (self), NULL);
  g_return_val_if_fail (calendar_id != NULL, NULL);

  return read_year (self, calendar_id, NULL, error);
}

static gboolean
range_inside (const ClClosedRange  *range,
              const ClCalendarYear *year)
{
  return range->from >= year->first_day && range->to <= year->last_day;
}

static gboolean
same_range (const ClClosedRange *a,
            const ClClosedRange *b)
{
  return a->from == b->from && a->to == b->to && !a->holiday == !b->holiday && g_strcmp0 (a->label, b->label) == 0;
}

/* A range the year had already is kept as it came (a feed may have brought one outside the
 * session, or with no label); one added or changed by hand needs a label and its days in order,
 * inside the session. */
static gboolean
check_closed (const ClCalendarYear *old,
              const ClCalendarYear *year,
              GError              **error)
{
  for (guint i = 0; i < year->closed->len; i++)
    {
      const ClClosedRange *r = &g_array_index (year->closed, ClClosedRange, i);
      gboolean kept = FALSE;
      g_autofree char *from = NULL, *to = NULL;

      for (guint k = 0; old != NULL && k < old->closed->len && !kept; k++)
        {
          const ClClosedRange *o = &g_array_index (old->closed, ClClosedRange, k);
          /* ...unless the session moved and left it outside. */
          kept = same_range (o, r) && (range_inside (r, year) || !range_inside (o, old));
        }
      if (kept)
        continue;
      if (_cl_store_is_blank (r->label))
        return g_set_error_literal (error, CL_STORE_ERROR, CL_STORE_ERROR_INVALID,
                                    _("Say what the school is closed for (“Winter Break”); nothing was changed.")), FALSE;
      if (r->from == CL_DATE_NONE || r->to < r->from)
        return g_set_error (error, CL_STORE_ERROR, CL_STORE_ERROR_INVALID,
                            _("The closed range “%s” ends before it starts; nothing was changed."), r->label), FALSE;
      if (range_inside (r, year))
        continue;
      from = cl_date_dup_long (year->first_day);
      to = cl_date_dup_long (year->last_day);
      return g_set_error (error, CL_STORE_ERROR, CL_STORE_ERROR_INVALID,
                          _("The closed range “%s” would fall outside the school year (%s to %s): change or remove it "
                            "first; nothing was changed."), r->label, from, to), FALSE;
    }
  return TRUE;
}

/* Refuses a session of @calendar_id from @first to @last that overlaps another school year of a
 * school using it (or of @school_id, for a year not linked yet). */
static gboolean
check_overlap (ClStore     *self,
               const char  *calendar_id,
               const char  *school_id,
               ClDate       first,
               ClDate       last,
               GError     **error)
{
  static const char sql[] =
    "SELECT s.name, c.first_day, c.last_day FROM schools s"
    " JOIN school_calendars other ON other.school_id = s.id"
    " JOIN calendars c ON c.id = other.calendar_id"
    " WHERE (s.id = ?4 OR s.id IN (SELECT school_id FROM school_calendars WHERE calendar_id = ?1))"
    "   AND c.id <> ?1 AND c.first_day <= ?3 AND c.last_day >= ?2"
    " ORDER BY s.position, c.first_day LIMIT 1";
  sqlite3_stmt *stmt = _cl_store_prepare (self, sql, error);
  g_autofree char *school = NULL;
  ClDate other_first = CL_DATE_NONE, other_last = CL_DATE_NONE;
  char a[11], b[11];
  int rc;

  if (stmt == NULL)
    return FALSE;
  cl_date_format_iso (first, a);
  cl_date_format_iso (last, b);
  sqlite3_bind_text (stmt, 1, calendar_id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, a, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, b, -1, SQLITE_TRANSIENT);
  _cl_store_bind_text_or_null (stmt, 4, school_id);
  if ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      school = _cl_store_col_dup (stmt, 0);
      other_first = col_date (stmt, 1);
      other_last = col_date (stmt, 2);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return _cl_store_fail (self, rc, N_("reading the calendars"), error);
  if (school != NULL)
    {
      g_autofree char *from = cl_date_dup_long (other_first), *to = cl_date_dup_long (other_last);

      /* TRANSLATORS: a school's name, then the first and last day of its other school year */
      return g_set_error (error, CL_STORE_ERROR, CL_STORE_ERROR_INVALID,
                          _("%s has another school year from %s to %s, which these dates would overlap; "
                            "nothing was changed."), school, from, to), FALSE;
    }
  return TRUE;
}

static gboolean
write_closed_row (ClStore             *self,
                  const char          *sql,
                  const char          *calendar_id,
                  gint64               position,
                  const ClClosedRange *r,
                  GError             **error)
{
  sqlite3_stmt *stmt = _cl_store_prepare (self, sql, error);
  g_autofree char *extra = NULL;
  char a[11], b[11];

  if (stmt == NULL)
    return FALSE;
  cl_date_format_iso (r->from, a);
  cl_date_format_iso (r->to, b);
  extra = _cl_store_json_text (r->extra);
  sqlite3_bind_text (stmt, 1, calendar_id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, position);
  sqlite3_bind_text (stmt, 3, a, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, b, -1, SQLITE_TRANSIENT);
  _cl_store_bind_text_or_null (stmt, 5, r->label);
  sqlite3_bind_int (stmt, 6, r->holiday ? 1 : 0);
  _cl_store_bind_text_or_null (stmt, 7, extra);
  return _cl_store_step (self, stmt, N_("writing a calendar"), error);
}

static gboolean
same_extra (JsonObject *a,
            JsonObject *b)
{
  g_autofree char *ta = _cl_store_json_text (a), *tb = _cl_store_json_text (b);

  return g_strcmp0 (ta, tb) == 0;
}

/* @year written over the stored @old (whose closed ranges are at @positions): only the rows that
 * differ are written, so a sync sends only what changed. */
static gboolean
write_year (ClStore              *self,
            const ClCalendarYear *old,
            GArray               *positions,
            const ClCalendarYear *year,
            GError              **error)
{
  static const char sql_days[] = "UPDATE calendars SET first_day = ?2, last_day = ?3 WHERE id = ?1";
  static const char sql_update[] =
    "UPDATE calendar_closed SET from_day = ?3, to_day = ?4, label = ?5, holiday = ?6, extra = ?7"
    " WHERE calendar_id = ?1 AND position = ?2";
  static const char sql_insert[] =
    "INSERT INTO calendar_closed (calendar_id, position, from_day, to_day, label, holiday, extra)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)";
  static const char sql_delete[] = "DELETE FROM calendar_closed WHERE calendar_id = ?1 AND position = ?2";
  gint64 next = positions->len > 0 ? g_array_index (positions, gint64, positions->len - 1) + 1 : 0;
  sqlite3_stmt *stmt;

  if (old->first_day != year->first_day || old->last_day != year->last_day)
    {
      char a[11], b[11];

      if ((stmt = _cl_store_prepare (self, sql_days, error)) == NULL)
        return FALSE;
      cl_date_format_iso (year->first_day, a);
      cl_date_format_iso (year->last_day, b);
      sqlite3_bind_text (stmt, 1, old->id, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 2, a, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 3, b, -1, SQLITE_TRANSIENT);
      if (!_cl_store_step (self, stmt, N_("changing a school year"), error))
        return FALSE;
    }
  for (guint i = 0; i < MAX (old->closed->len, year->closed->len); i++)
    {
      const ClClosedRange *was = i < old->closed->len ? &g_array_index (old->closed, ClClosedRange, i) : NULL;
      const ClClosedRange *now = i < year->closed->len ? &g_array_index (year->closed, ClClosedRange, i) : NULL;

      if (was != NULL && now != NULL)
        {
          if (!same_range (was, now) || !same_extra (was->extra, now->extra))
            if (!write_closed_row (self, sql_update, old->id, g_array_index (positions, gint64, i), now, error))
              return FALSE;
        }
      else if (now != NULL)
        {
          if (!write_closed_row (self, sql_insert, old->id, next++, now, error))
            return FALSE;
        }
      else
        {
          if ((stmt = _cl_store_prepare (self, sql_delete, error)) == NULL)
            return FALSE;
          sqlite3_bind_text (stmt, 1, old->id, -1, SQLITE_TRANSIENT);
          sqlite3_bind_int64 (stmt, 2, g_array_index (positions, gint64, i));
          if (!_cl_store_step (self, stmt, N_("changing a school year"), error))
            return FALSE;
        }
    }
  return TRUE;
}

gboolean
cl_store_update_school_year (ClStore               *self,
                             const ClCalendarYear  *year,
                             GError               **error)
{
  g_autoptr(ClCalendarYear) old = NULL;
  g_autoptr(GArray) positions = NULL;
  g_autoptr(GPtrArray) before = NULL, after = NULL;
  ClStoreAction action;
  guint changes = 0;
  gboolean ok;

  g_return_val_if_fail (CL_IS_STORE (self), FALSE);
  g_return_val_if_fail (year != NULL && year->id != NULL, FALSE);

  if (year->first_day == CL_DATE_NONE || year->last_day == CL_DATE_NONE || year->last_day < year->first_day)
    return g_set_error_literal (error, CL_STORE_ERROR, CL_STORE_ERROR_INVALID,
                                _("A school year needs a first day on or before its last day; nothing was changed.")), FALSE;
  if (!_cl_store_begin (self, &action, error))
    return FALSE;
  ok = (old = read_year (self, year->id, &positions, error)) != NULL &&
       check_closed (old, year, error) &&
       check_overlap (self, year->id, NULL, year->first_day, year->last_day, error);
  if (ok)
    {
      before = _cl_store_calendar_lines (old);
      after = _cl_store_calendar_lines (year);
      ok = _cl_store_audit_line_changes (&action, year->id, before, after, &changes, error) &&
           (changes == 0 || write_year (self, old, positions, year, error));
    }
  return _cl_store_end (&action, ok, error);
}

/* The stored year @calendar_id, changed by @change, written back in place. */
typedef gboolean (*ChangeFunc) (ClCalendarYear *year,
                                gpointer        data,
                                GError        **error);

static gboolean
change_year (ClStore     *self,
             const char  *calendar_id,
             ChangeFunc   change,
             gpointer     data,
             GError     **error)
{
  g_autoptr(ClCalendarYear) year = NULL;

  g_return_val_if_fail (CL_IS_STORE (self), FALSE);
  g_return_val_if_fail (calendar_id != NULL, FALSE);

  if ((year = read_year (self, calendar_id, NULL, error)) == NULL || !change (year, data, error))
    return FALSE;
  return cl_store_update_school_year (self, year, error);
}

typedef struct {
  ClDate first, last;
  guint index;
  const ClClosedRange *range;
} Change;

static gboolean
set_days (ClCalendarYear *year,
          gpointer        data,
          GError        **error)
{
  const Change *c = data;

  year->first_day = c->first;
  year->last_day = c->last;
  return TRUE;
}

static gboolean
check_index (ClCalendarYear *year,
             guint           index,
             GError        **error)
{
  if (index < year->closed->len)
    return TRUE;
  return g_set_error (error, CL_STORE_ERROR, CL_STORE_ERROR_INVALID,
                      _("The school year %s has no such closed range (it may have just changed); nothing was changed."),
                      year->id), FALSE;
}

static void
copy_range_into (ClClosedRange       *dest,
                 const ClClosedRange *src)
{
  g_free (dest->label);
  dest->label = g_strstrip (g_strdup (src->label ? src->label : ""));
  dest->from = src->from;
  dest->to = src->to;
  dest->holiday = src->holiday ? 1 : 0;
}

static gboolean
add_range (ClCalendarYear *year,
           gpointer        data,
           GError        **error)
{
  const Change *c = data;

  cl_calendar_year_add_closed (year, CL_DATE_NONE, CL_DATE_NONE, NULL, FALSE);
  copy_range_into (&g_array_index (year->closed, ClClosedRange, year->closed->len - 1), c->range);
  return TRUE;
}

static gboolean
update_range (ClCalendarYear *year,
              gpointer        data,
              GError        **error)
{
  const Change *c = data;

  if (!check_index (year, c->index, error))
    return FALSE;
  copy_range_into (&g_array_index (year->closed, ClClosedRange, c->index), c->range);
  return TRUE;
}

static gboolean
delete_range (ClCalendarYear *year,
              gpointer        data,
              GError        **error)
{
  const Change *c = data;

  if (!check_index (year, c->index, error))
    return FALSE;
  g_array_remove_index (year->closed, c->index);
  return TRUE;
}

gboolean
cl_store_set_school_year_days (ClStore     *self,
                               const char  *calendar_id,
                               ClDate       first_day,
                               ClDate       last_day,
                               GError     **error)
{
  Change c = { first_day, last_day, 0, NULL };

  return change_year (self, calendar_id, set_days, &c, error);
}

gboolean
cl_store_add_closed_range (ClStore              *self,
                           const char           *calendar_id,
                           const ClClosedRange  *range,
                           GError              **error)
{
  Change c = { CL_DATE_NONE, CL_DATE_NONE, 0, range };

  g_return_val_if_fail (range != NULL, FALSE);
  return change_year (self, calendar_id, add_range, &c, error);
}

gboolean
cl_store_update_closed_range (ClStore              *self,
                              const char           *calendar_id,
                              guint                 index,
                              const ClClosedRange  *range,
                              GError              **error)
{
  Change c = { CL_DATE_NONE, CL_DATE_NONE, index, range };

  g_return_val_if_fail (range != NULL, FALSE);
  return change_year (self, calendar_id, update_range, &c, error);
}

gboolean
cl_store_delete_closed_range (ClStore     *self,
                              const char  *calendar_id,
                              guint        index,
                              GError     **error)
{
  Change c = { CL_DATE_NONE, CL_DATE_NONE, index, NULL };

  return change_year (self, calendar_id, delete_range, &c, error);
}

/* ---- a year added beside the others ---- */

static gboolean
link_year (ClStore     *self,
           const char  *school_id,
           const char  *calendar_id,
           GError     **error)
{
  static const char sql[] =
    "INSERT INTO school_calendars (school_id, calendar_id, position) VALUES (?1, ?2,"
    " (SELECT COALESCE (MAX (position), -1) + 1 FROM school_calendars WHERE school_id = ?1))";
  sqlite3_stmt *stmt = _cl_store_prepare (self, sql, error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, school_id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, calendar_id, -1, SQLITE_TRANSIENT);
  return _cl_store_step (self, stmt, N_("writing a school's calendars"), error);
}

gboolean
cl_store_add_school_year (ClStore               *self,
                          const char            *school_id,
                          const ClCalendarYear  *year,
                          GError               **error)
{
  static const char sql[] =
    "INSERT INTO calendars (id, first_day, last_day, position)"
    " VALUES (?1, ?2, ?3, (SELECT COALESCE (MAX (position), -1) + 1 FROM calendars))";
  static const char sql_closed[] =
    "INSERT INTO calendar_closed (calendar_id, position, from_day, to_day, label, holiday, extra)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)";
  g_autoptr(GPtrArray) before = g_ptr_array_new (), after = NULL;
  ClStoreAction action;
  sqlite3_stmt *stmt;
  guint changes = 0;
  char a[11], b[11];
  gboolean ok;

  g_return_val_if_fail (CL_IS_STORE (self), FALSE);
  g_return_val_if_fail (year != NULL && year->id != NULL, FALSE);

  if (year->first_day == CL_DATE_NONE || year->last_day == CL_DATE_NONE || year->last_day < year->first_day)
    return g_set_error_literal (error, CL_STORE_ERROR, CL_STORE_ERROR_INVALID,
                                _("A school year needs a first day on or before its last day; nothing was changed.")), FALSE;
  if (!_cl_store_begin (self, &action, error))
    return FALSE;
  ok = check_closed (NULL, year, error);
  if (ok && !_cl_store_exists (self, "SELECT 1 FROM schools WHERE id = ?", school_id, NULL))
    ok = _cl_store_invalid (error, _("There is no school %s in this database; nothing was changed."), school_id);
  if (ok && _cl_store_exists (self, "SELECT 1 FROM calendars WHERE id = ?", year->id, NULL))
    ok = _cl_store_invalid (error, _("There is already a calendar %s; nothing was changed."), year->id);
  ok = ok && check_overlap (self, year->id, school_id, year->first_day, year->last_day, error);
  ok = ok && (stmt = _cl_store_prepare (self, sql, error)) != NULL;
  if (ok)
    {
      cl_date_format_iso (year->first_day, a);
      cl_date_format_iso (year->last_day, b);
      sqlite3_bind_text (stmt, 1, year->id, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 2, a, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 3, b, -1, SQLITE_TRANSIENT);
      ok = _cl_store_step (self, stmt, N_("writing a calendar"), error);
    }
  for (guint i = 0; ok && i < year->closed->len; i++)
    ok = write_closed_row (self, sql_closed, year->id, i, &g_array_index (year->closed, ClClosedRange, i), error);
  if (ok)
    {
      after = _cl_store_calendar_lines (year);
      ok = link_year (self, school_id, year->id, error) &&
           _cl_store_audit_line_changes (&action, year->id, before, after, &changes, error) &&
           _cl_store_action_audit (&action, NULL, "school_calendars", school_id, "calendar", NULL, year->id, error);
    }
  return _cl_store_end (&action, ok, error);
}

gboolean
cl_store_delete_school_year (ClStore     *self,
                             const char  *school_id,
                             const char  *calendar_id,
                             GError     **error)
{
  static const char sql_unlink[] = "DELETE FROM school_calendars WHERE school_id = ?1 AND calendar_id = ?2";
  static const char sql_delete[] =
    "DELETE FROM calendars WHERE id = ?1 AND NOT EXISTS (SELECT 1 FROM school_calendars WHERE calendar_id = ?1)";
  static const char sql_count[] = "SELECT count(*) FROM school_calendars WHERE school_id = ?";
  g_autoptr(ClCalendarYear) old = NULL;
  g_autoptr(GPtrArray) before = NULL, after = g_ptr_array_new ();
  ClStoreAction action;
  sqlite3_stmt *stmt;
  guint changes = 0;
  gboolean ok, shared;
  int n = 0;

  g_return_val_if_fail (CL_IS_STORE (self), FALSE);

  if (!_cl_store_begin (self, &action, error))
    return FALSE;
  ok = (old = read_year (self, calendar_id, NULL, error)) != NULL &&
       (stmt = _cl_store_prepare (self, sql_count, error)) != NULL;
  if (ok)
    {
      sqlite3_bind_text (stmt, 1, school_id, -1, SQLITE_TRANSIENT);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        n = sqlite3_column_int (stmt, 0);
      sqlite3_reset (stmt);
      /* The engine counts every date on a school's calendar. */
      if (n <= 1)
        {
          g_set_error_literal (error, CL_STORE_ERROR, CL_STORE_ERROR_INVALID,
                               _("A school needs at least one school year; nothing was changed."));
          ok = FALSE;
        }
    }
  ok = ok && (stmt = _cl_store_prepare (self, sql_unlink, error)) != NULL;
  if (ok)
    {
      sqlite3_bind_text (stmt, 1, school_id, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 2, calendar_id, -1, SQLITE_TRANSIENT);
      ok = _cl_store_step (self, stmt, N_("removing a school year"), error) &&
           _cl_store_action_audit (&action, NULL, "school_calendars", school_id, "calendar", calendar_id, NULL, error);
    }
  if (ok)
    {
      shared = _cl_store_exists (self, "SELECT 1 FROM school_calendars WHERE calendar_id = ?", calendar_id, NULL);
      before = _cl_store_calendar_lines (old);
      ok = (stmt = _cl_store_prepare (self, sql_delete, error)) != NULL;
      if (ok)
        {
          sqlite3_bind_text (stmt, 1, calendar_id, -1, SQLITE_TRANSIENT);
          /* A year another school still uses stays; only its link to this school went. */
          ok = _cl_store_step (self, stmt, N_("removing a school year"), error) &&
               (shared || _cl_store_audit_line_changes (&action, calendar_id, before, after, &changes, error));
        }
    }
  return _cl_store_end (&action, ok, error);
}
