/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-school-calendar.c — one school's days, classified once */
#define G_LOG_DOMAIN "cl-school-calendar"

#include "cl-school-calendar.h"

const char * const cl_count_kind_names[CL_N_COUNT_KINDS] = {
  "calendar", "ca_pause", "school", "business",
};

/* How far the table reaches past the dates asked about, so that counts started near a date never
 * run off its end; a query outside the margin rebuilds a wider table. */
#define MARGIN_DAYS 800

typedef struct {
  ClDate      from;
  ClDate      to;
  const char *label;
} Run;

/* The days of a range, classified. Never changed once built: a query outside it builds a wider
 * one in its place. */
typedef struct
{
  ClDate          start;         /* first day in the table */
  guint           n_days;
  guint8         *flags;         /* ClDayClass per day */
  gint16         *session_of;    /* index into sessions, -1 between sessions */
  guint32        *cum[CL_N_COUNT_KINDS]; /* cum[k][i] = counted days of kind k in [start, start + i) */
  GArray         *sessions;      /* of ClSchoolYear, by first_day */
  GArray         *skipped;       /* of Run: maximal runs of days a CA pause count skips */
} Table;

/* Several threads may count with one calendar at once (the engine computes a district on every
 * core): readers take the current table without a lock and keep to it for the query; widening
 * builds a new table under the lock and publishes it. A replaced table stays readable until
 * cl_school_calendar_trim(), which its owner calls once no other thread counts with it.
 *
 * It depends on the school's calendars alone (kept here, borrowed like the school's), so schools
 * on the same calendars can share one: a district's hundreds of schools run on a few. */
struct _ClSchoolCalendar
{
  gint            ref_count;
  GPtrArray      *calendars;     /* of ClCalendarYear*, borrowed, by first_day */
  ClDate          known_first;   /* first_day of the first known calendar */
  ClDate          known_last;    /* last_day of the last known calendar */

  Table          *table;         /* the current one (atomic) */
  GMutex          lock;          /* held while widening */
  GPtrArray      *retired;       /* of Table: replaced, maybe still read by another thread */
};

static void
table_free (Table *t)
{
  g_free (t->flags);
  g_free (t->session_of);
  for (guint k = 0; k < CL_N_COUNT_KINDS; k++)
    g_free (t->cum[k]);
  g_clear_pointer (&t->sessions, g_array_unref);
  g_clear_pointer (&t->skipped, g_array_unref);
  g_free (t);
}

static void
add_session (GArray               *sessions,
             ClDate                first_day,
             ClDate                last_day,
             gboolean              projected,
             const ClCalendarYear *source)
{
  ClSchoolYear s = { first_day, last_day, projected, source };
  g_array_append_val (sessions, s);
}

static int
compare_sessions (gconstpointer a,
                  gconstpointer b)
{
  const ClSchoolYear *sa = a, *sb = b;
  return (sa->first_day > sb->first_day) - (sa->first_day < sb->first_day);
}

/* Known calendars, then the ones projected from the nearest known one, shifted by whole years
 * (rules.md §2), until the table's range is covered. */
static GArray *
build_sessions (const ClSchoolCalendar *self,
                ClDate                  lo,
                ClDate                  hi)
{
  GPtrArray *calendars = self->calendars;
  const ClCalendarYear *first = g_ptr_array_index (calendars, 0);
  const ClCalendarYear *last = first;
  GArray *sessions = g_array_new (FALSE, FALSE, sizeof (ClSchoolYear));

  for (guint i = 0; i < calendars->len; i++)
    {
      const ClCalendarYear *cal = g_ptr_array_index (calendars, i);
      add_session (sessions, cal->first_day, cal->last_day, FALSE, cal);
      if (cal->last_day > last->last_day)
        last = cal;
    }

  for (int k = 1; ; k++)
    {
      ClDate f = cl_date_add_years (last->first_day, k);
      if (f > hi)
        break;
      add_session (sessions, f, cl_date_add_years (last->last_day, k), TRUE, last);
    }
  for (int k = 1; ; k++)
    {
      ClDate l = cl_date_add_years (first->last_day, -k);
      if (l < lo)
        break;
      add_session (sessions, cl_date_add_years (first->first_day, -k), l, TRUE, first);
    }

  g_array_sort (sessions, compare_sessions);
  return sessions;
}

static void
mark_closed (const ClSchoolCalendar *self,
             Table                  *t,
             guint8                 *holiday)
{
  GPtrArray *calendars = self->calendars;
  ClDate end = t->start + t->n_days - 1;

  for (guint i = 0; i < calendars->len; i++)
    {
      const ClCalendarYear *cal = g_ptr_array_index (calendars, i);

      for (guint j = 0; j < cal->closed->len; j++)
        {
          const ClClosedRange *r = &g_array_index (cal->closed, ClClosedRange, j);
          ClDate from = MAX (r->from, t->start);
          ClDate to = MIN (r->to, end);

          for (ClDate d = from; d <= to && from <= to; d++)
            {
              t->flags[d - t->start] |= CL_DAY_CLOSED;
              if (r->holiday)
                holiday[d - t->start] = 1;
            }
        }
    }
}

static const char *
label_of_closed_day (const ClSchoolCalendar *self,
                     ClDate                  from,
                     ClDate                  to)
{
  GPtrArray *calendars = self->calendars;

  for (guint i = 0; i < calendars->len; i++)
    {
      const ClCalendarYear *cal = g_ptr_array_index (calendars, i);

      for (guint j = 0; j < cal->closed->len; j++)
        {
          const ClClosedRange *r = &g_array_index (cal->closed, ClClosedRange, j);
          if (r->from <= to && r->to >= from && r->label && *r->label)
            return r->label;
        }
    }
  return NULL;
}

/* A vacation is a maximal run of non-school days inside a session; it is "in excess of five
 * school days" when it holds more than five Monday–Fridays. */
static void
mark_long_vacations (Table *t)
{
  for (guint s = 0; s < t->sessions->len; s++)
    {
      const ClSchoolYear *session = &g_array_index (t->sessions, ClSchoolYear, s);
      ClDate first = MAX (session->first_day, t->start);
      ClDate last = MIN (session->last_day, t->start + t->n_days - 1);
      ClDate d = first;

      while (d <= last)
        {
          ClDate run_start;
          guint weekdays = 0;

          if (t->flags[d - t->start] & CL_DAY_SCHOOL)
            {
              d++;
              continue;
            }
          run_start = d;
          while (d <= last && !(t->flags[d - t->start] & CL_DAY_SCHOOL))
            {
              if (cl_date_is_weekday (d))
                weekdays++;
              d++;
            }
          if (weekdays > 5)
            for (ClDate v = run_start; v < d; v++)
              t->flags[v - t->start] |= CL_DAY_LONG_VACATION;
        }
    }
}

static gboolean
counts_for (guint8      flags,
            ClDate      day,
            gboolean    is_holiday,
            ClCountKind kind)
{
  switch (kind)
    {
    case CL_COUNT_CALENDAR:
      return TRUE;
    case CL_COUNT_CA_PAUSE:
      return (flags & CL_DAY_IN_SESSION) && !(flags & CL_DAY_LONG_VACATION);
    case CL_COUNT_SCHOOL:
      return (flags & CL_DAY_SCHOOL) != 0;
    case CL_COUNT_BUSINESS:
      return cl_date_is_weekday (day) && !is_holiday;
    case CL_N_COUNT_KINDS:
    default:
      g_assert_not_reached ();
    }
  return FALSE;
}

static void
build_skipped_runs (const ClSchoolCalendar *self,
                    Table                  *t)
{
  guint i = 0;

  t->skipped = g_array_new (FALSE, FALSE, sizeof (Run));
  while (i < t->n_days)
    {
      guint8 f = t->flags[i];
      gboolean in_session;
      guint j;
      Run run;

      if ((f & CL_DAY_IN_SESSION) && !(f & CL_DAY_LONG_VACATION))
        {
          i++;
          continue;
        }
      in_session = (f & CL_DAY_IN_SESSION) != 0;
      j = i;
      while (j < t->n_days &&
             !((t->flags[j] & CL_DAY_IN_SESSION) && !(t->flags[j] & CL_DAY_LONG_VACATION)) &&
             ((t->flags[j] & CL_DAY_IN_SESSION) != 0) == in_session)
        j++;
      run.from = t->start + i;
      run.to = t->start + j - 1;
      run.label = in_session ? label_of_closed_day (self, run.from, run.to) : NULL;
      if (in_session && run.label == NULL)
        run.label = "vacation";
      g_array_append_val (t->skipped, run);
      i = j;
    }
}

static Table *
table_build (const ClSchoolCalendar *self,
             ClDate                  lo,
             ClDate                  hi)
{
  g_autofree guint8 *holiday = NULL;
  Table *t = g_new0 (Table, 1);

  t->start = lo;
  t->n_days = hi - lo + 1;
  t->flags = g_new0 (guint8, t->n_days);
  t->session_of = g_new (gint16, t->n_days);
  holiday = g_new0 (guint8, t->n_days);
  t->sessions = build_sessions (self, lo, hi);

  for (guint i = 0; i < t->n_days; i++)
    t->session_of[i] = -1;
  for (guint s = 0; s < t->sessions->len; s++)
    {
      const ClSchoolYear *session = &g_array_index (t->sessions, ClSchoolYear, s);
      ClDate from = MAX (session->first_day, lo);
      ClDate to = MIN (session->last_day, hi);

      for (ClDate d = from; d <= to && from <= to; d++)
        {
          t->session_of[d - lo] = (gint16) s;
          t->flags[d - lo] |= CL_DAY_IN_SESSION;
        }
    }

  mark_closed (self, t, holiday);

  for (guint i = 0; i < t->n_days; i++)
    {
      ClDate d = lo + i;
      guint8 f = t->flags[i];

      if ((f & CL_DAY_IN_SESSION) && !(f & CL_DAY_CLOSED) && cl_date_is_weekday (d))
        f |= CL_DAY_SCHOOL;
      if (cl_date_is_weekday (d) && !holiday[i])
        f |= CL_DAY_BUSINESS;
      if (d < self->known_first || d > self->known_last)
        f |= CL_DAY_PROJECTED;
      t->flags[i] = f;
    }

  mark_long_vacations (t);
  build_skipped_runs (self, t);

  for (guint k = 0; k < CL_N_COUNT_KINDS; k++)
    {
      guint32 *cum = g_new (guint32, t->n_days + 1);

      cum[0] = 0;
      for (guint i = 0; i < t->n_days; i++)
        cum[i + 1] = cum[i] + (counts_for (t->flags[i], lo + i, holiday[i], k) ? 1 : 0);
      t->cum[k] = cum;
    }
  return t;
}

static gboolean
table_covers (const Table *t,
              ClDate       lo,
              ClDate       hi)
{
  return t != NULL && lo >= t->start && hi < t->start + t->n_days;
}

/* A table in which [lo, hi] lies well inside. */
static const Table *
ensure_range (ClSchoolCalendar *self,
              ClDate            lo,
              ClDate            hi)
{
  Table *t = g_atomic_pointer_get (&self->table);
  ClDate want_lo, want_hi;

  if (table_covers (t, lo, hi))
    return t;

  g_mutex_lock (&self->lock);
  /* Another thread may have widened it meanwhile. */
  t = self->table;
  if (!table_covers (t, lo, hi))
    {
      want_lo = MIN (lo, self->known_first);
      want_hi = MAX (hi, self->known_last);
      if (t != NULL)
        {
          want_lo = MIN (want_lo, t->start);
          want_hi = MAX (want_hi, t->start + t->n_days - 1);
          g_ptr_array_add (self->retired, t);
        }
      want_lo = want_lo > MARGIN_DAYS ? want_lo - MARGIN_DAYS : 1;
      t = table_build (self, want_lo, want_hi + MARGIN_DAYS);
      g_atomic_pointer_set (&self->table, t);
    }
  g_mutex_unlock (&self->lock);
  return t;
}

ClSchoolCalendar *
cl_school_calendar_new (const ClSchool *school)
{
  ClSchoolCalendar *self;

  g_return_val_if_fail (school != NULL, NULL);
  g_return_val_if_fail (school->calendars->len > 0, NULL);

  self = g_new0 (ClSchoolCalendar, 1);
  self->ref_count = 1;
  self->calendars = g_ptr_array_copy (school->calendars, NULL, NULL);
  g_mutex_init (&self->lock);
  self->retired = g_ptr_array_new_with_free_func ((GDestroyNotify) table_free);
  self->known_first = ((ClCalendarYear *) g_ptr_array_index (school->calendars, 0))->first_day;
  self->known_last = self->known_first;
  for (guint i = 0; i < school->calendars->len; i++)
    {
      const ClCalendarYear *cal = g_ptr_array_index (school->calendars, i);
      self->known_last = MAX (self->known_last, cal->last_day);
    }
  ensure_range (self, self->known_first, self->known_last);
  return self;
}

ClSchoolCalendar *
cl_school_calendar_ref (ClSchoolCalendar *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_atomic_int_inc (&self->ref_count);
  return self;
}

void
cl_school_calendar_unref (ClSchoolCalendar *self)
{
  if (self == NULL || !g_atomic_int_dec_and_test (&self->ref_count))
    return;
  g_clear_pointer (&self->table, table_free);
  g_ptr_array_unref (self->retired);
  g_ptr_array_unref (self->calendars);
  g_mutex_clear (&self->lock);
  g_free (self);
}

gboolean
cl_school_calendar_serves (const ClSchoolCalendar *self,
                           const ClSchool         *school)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (school != NULL, FALSE);

  if (self->calendars->len != school->calendars->len)
    return FALSE;
  for (guint i = 0; i < self->calendars->len; i++)
    if (self->calendars->pdata[i] != school->calendars->pdata[i])
      return FALSE;
  return TRUE;
}

ClSchoolCalendar *
cl_school_calendar_of (ClSchool *school)
{
  ClSchoolCalendar *table;

  g_return_val_if_fail (school != NULL, NULL);

  if ((table = g_atomic_pointer_get (&school->table)) != NULL)
    return table;
  if (school->calendars->len == 0)
    return NULL;
  /* Two threads may get here for one school: one table is kept, the other dropped. */
  table = cl_school_calendar_new (school);
  if (!g_atomic_pointer_compare_and_exchange (&school->table, NULL, table))
    {
      cl_school_calendar_unref (table);
      table = g_atomic_pointer_get (&school->table);
    }
  return table;
}

static guint
calendars_hash (gconstpointer key)
{
  const GPtrArray *calendars = key;
  guint h = calendars->len;

  for (guint i = 0; i < calendars->len; i++)
    h = h * 31 + g_direct_hash (calendars->pdata[i]);
  return h;
}

static gboolean
calendars_equal (gconstpointer a,
                 gconstpointer b)
{
  const GPtrArray *ca = a, *cb = b;

  if (ca->len != cb->len)
    return FALSE;
  for (guint i = 0; i < ca->len; i++)
    if (ca->pdata[i] != cb->pdata[i])
      return FALSE;
  return TRUE;
}

void
cl_school_calendar_share (GPtrArray *schools)
{
  g_autoptr(GHashTable) by_calendars = NULL;

  g_return_if_fail (schools != NULL);

  by_calendars = g_hash_table_new (calendars_hash, calendars_equal);
  /* The tables there are first, so a school given a table earlier keeps it and others join it. */
  for (guint i = 0; i < schools->len; i++)
    {
      ClSchool *school = g_ptr_array_index (schools, i);

      if (school->table != NULL && cl_school_calendar_serves (school->table, school))
        g_hash_table_insert (by_calendars, school->table->calendars, school->table);
    }
  for (guint i = 0; i < schools->len; i++)
    {
      ClSchool *school = g_ptr_array_index (schools, i);
      ClSchoolCalendar *table;

      if (school->table != NULL || school->calendars->len == 0)
        continue;
      if ((table = g_hash_table_lookup (by_calendars, school->calendars)) != NULL)
        school->table = cl_school_calendar_ref (table);
      else
        {
          school->table = cl_school_calendar_new (school);
          g_hash_table_insert (by_calendars, school->table->calendars, school->table);
        }
    }
}

void
cl_school_calendar_trim (ClSchoolCalendar *self)
{
  g_return_if_fail (self != NULL);

  g_mutex_lock (&self->lock);
  g_ptr_array_set_size (self->retired, 0);
  g_mutex_unlock (&self->lock);
}

ClDayClass
cl_school_calendar_classify (ClSchoolCalendar *self,
                             ClDate            day)
{
  const Table *t = ensure_range (self, day, day);

  return t->flags[day - t->start];
}

gboolean
cl_school_calendar_is_projected (ClSchoolCalendar *self,
                                 ClDate            day)
{
  return day < self->known_first || day > self->known_last;
}

ClDate
cl_school_calendar_count (ClSchoolCalendar *self,
                          ClCountKind       kind,
                          ClDate            from,
                          guint             n,
                          gboolean         *estimated)
{
  const Table *t;
  const guint32 *cum;
  guint32 target;
  guint lo, hi;

  if (estimated)
    *estimated = FALSE;
  if (kind == CL_COUNT_CALENDAR || n == 0)
    return from + n;

  t = ensure_range (self, from, from + n);
  for (;;)
    {
      cum = t->cum[kind];
      target = cum[from - t->start + 1] + n;
      if (cum[t->n_days] >= target)
        break;
      /* The count runs past the table (a long count over long breaks): widen it. */
      t = ensure_range (self, from, t->start + t->n_days + n * 7 + 366);
    }

  /* The smallest index i with cum[i + 1] >= target: the day that brings the count to n. A count
   * grows by one a day at most, so that day is n - 1 days on at the earliest, and mostly a few
   * weeks past it: it is looked for from there in growing steps, then halving the last one. (A
   * binary search over the whole table, decades of days, took a cache miss at each of its first
   * probes: a sixth of computing a student.) */
  lo = MIN (from - t->start + n, t->n_days - 1);
  hi = t->n_days - 1;
  if (cum[lo + 1] >= target)
    hi = lo;
  /* (The last day reaches the target: the loop ends at a step that does.) */
  for (guint step = 1; lo < hi; step *= 2)
    {
      guint probe = MIN (lo + step, hi);

      if (cum[probe + 1] >= target)
        {
          /* After the step before, and at most here. */
          lo++;
          hi = probe;
          break;
        }
      lo = probe;
    }
  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;
      if (cum[mid + 1] >= target)
        hi = mid;
      else
        lo = mid + 1;
    }

  if (estimated && kind != CL_COUNT_BUSINESS)
    *estimated = (from + 1 < self->known_first) || (t->start + lo > self->known_last);
  return t->start + lo;
}

gboolean
cl_school_calendar_session (ClSchoolCalendar *self,
                            ClDate            day,
                            int               index_offset,
                            ClSchoolYear        *out_session)
{
  const Table *t = ensure_range (self, day, day + 400 * (index_offset > 0 ? index_offset + 1 : 1));
  int idx;

  idx = t->session_of[day - t->start];
  if (idx < 0)
    {
      /* Between sessions: the school year of the session that starts next. */
      for (guint s = 0; s < t->sessions->len; s++)
        if (g_array_index (t->sessions, ClSchoolYear, s).first_day > day)
          {
            idx = (int) s;
            break;
          }
    }
  if (idx < 0)
    return FALSE;
  idx += index_offset;
  if (idx < 0 || (guint) idx >= t->sessions->len)
    return FALSE;
  *out_session = g_array_index (t->sessions, ClSchoolYear, idx);
  return TRUE;
}

GArray *
cl_school_calendar_skipped (ClSchoolCalendar *self,
                            ClDate            from,
                            ClDate            to)
{
  GArray *result = g_array_new (FALSE, FALSE, sizeof (ClSkippedRun));
  const Table *t = ensure_range (self, from, to);
  guint lo = 0, hi;

  /* First run that ends after @from. */
  hi = t->skipped->len;
  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;
      if (g_array_index (t->skipped, Run, mid).to <= from)
        lo = mid + 1;
      else
        hi = mid;
    }
  for (guint i = lo; i < t->skipped->len; i++)
    {
      const Run *run = &g_array_index (t->skipped, Run, i);
      ClSkippedRun out;

      if (run->from > to)
        break;
      out.from = MAX (run->from, from + 1);
      out.to = MIN (run->to, to);
      out.label = run->label;
      if (out.from <= out.to)
        g_array_append_val (result, out);
    }
  return result;
}

char *
cl_school_year_dup_label (const ClSchoolYear *session)
{
  int y1 = cl_date_year (session->first_day);
  int y2 = cl_date_year (session->last_day);

  if (y1 == y2)
    return g_strdup_printf ("%d", y1);
  return g_strdup_printf ("%d-%02d", y1, y2 % 100);
}
