/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-student-row.c — one student as the caseload list shows it */
#define G_LOG_DOMAIN "cl-student-row"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>
#include "cl-student-row.h"
#include "cl-meeting-labels.h"
#include "cl-student-search.h"

struct _ClStudentRow
{
  GObject    parent_instance;
  /* What a search reads of each of 100,000 rows comes first and together, the key held in the
   * row itself when it fits: the rows lie in memory in the order they were made, not in the
   * list's, so every further place a keystroke reads is one more cache miss per row. */
  ClStudent *student;
  ClObligationStatus next_status;
  ClDate     next_due_date;
  char      *search_key; /* folded name, id and case manager (cl-student-search.h): search_key_here or allocated */
  char       search_key_here[80];
  char      *name;
  char      *subtitle;
  char      *next_due;   /* made when first asked for: only the rows on screen show it */
  char      *next_date;  /* its date alone, likewise */
  const char *next_title; /* the next obligation's rule title, translated (interned) */
  const char *status;     /* static */
  char      *last_key;   /* collation keys of the names: sorting compares bytes, not locales */
  char      *first_key;
};

enum {
  PROP_0,
  PROP_NAME,
  PROP_SUBTITLE,
  PROP_NEXT_DUE,
  PROP_STATUS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (ClStudentRow, cl_student_row, G_TYPE_OBJECT)

static void
cl_student_row_finalize (GObject *object)
{
  ClStudentRow *self = CL_STUDENT_ROW (object);

  g_free (self->name);
  g_free (self->subtitle);
  g_free (self->next_due);
  g_free (self->next_date);
  if (self->search_key != self->search_key_here)
    g_free (self->search_key);
  g_free (self->last_key);
  g_free (self->first_key);
  G_OBJECT_CLASS (cl_student_row_parent_class)->finalize (object);
}

static void
cl_student_row_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  ClStudentRow *self = CL_STUDENT_ROW (object);

  switch (prop_id)
    {
    case PROP_NAME: g_value_set_string (value, self->name); break;
    case PROP_SUBTITLE: g_value_set_string (value, self->subtitle); break;
    case PROP_NEXT_DUE: g_value_set_string (value, cl_student_row_get_next_due (self)); break;
    case PROP_STATUS: g_value_set_string (value, self->status); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cl_student_row_class_init (ClStudentRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = cl_student_row_finalize;
  object_class->get_property = cl_student_row_get_property;

  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, NULL,
                                               G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_SUBTITLE] = g_param_spec_string ("subtitle", NULL, NULL, NULL,
                                                   G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_NEXT_DUE] = g_param_spec_string ("next-due", NULL, NULL, NULL,
                                                   G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_STATUS] = g_param_spec_string ("status", NULL, NULL, NULL,
                                                 G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
cl_student_row_init (ClStudentRow *self)
{
}

/* "Dec 3, 2026" */
static char *
describe_date (ClDate due)
{
  g_autoptr(GDateTime) when = NULL;
  int y, m, d;

  cl_date_to_ymd (due, &y, &m, &d);
  /* A day, not a moment: UTC prints the same day and month without reading the local time zone
   * (a file lookup each time, most of making 100,000 rows). */
  when = g_date_time_new_utc (y, m, d, 0, 0, 0);
  /* Translators: a short date in the caseload list, see strftime(3) */
  return g_date_time_format (when, _("%b %-d, %Y"));
}

/* Takes @key. */
static void
set_search_key (ClStudentRow *self,
                char         *key)
{
  size_t len = strlen (key);

  if (len >= sizeof self->search_key_here)
    {
      self->search_key = key;
      return;
    }
  memcpy (self->search_key_here, key, len + 1);
  self->search_key = self->search_key_here;
  g_free (key);
}

ClStudentRow *
cl_student_row_new (ClStudent          *student,
                    const ClObligation *next_due)
{
  ClStudentRow *self = g_object_new (CL_TYPE_STUDENT_ROW, NULL);

  self->student = student;
  self->name = cl_student_dup_display_name (student);
  /* Translators: grade and school of a student, e.g. "Grade 7 · Lincoln Middle School" */
  self->subtitle = g_strdup_printf (_("Grade %s · %s"), student->grade ? student->grade : "—",
                                    student->school && student->school->name ? student->school->name : "");
  self->next_due_date = next_due ? next_due->due : G_MAXUINT32;
  self->next_status = next_due ? next_due->status : CL_STATUS_MET;
  /* A prompt to follow up does not make the student overdue or due soon for the list's filters
   * (rules.md §4 plan_decision_followup); its pill says what it is. */
  if (next_due != NULL && next_due->prompt)
    self->next_status = CL_STATUS_UPCOMING;
  /* The text waits until the row is shown; what it needs is kept, not the obligation, which a
   * recomputation may free while the row is still about. The translated titles are a few dozen. */
  if (next_due != NULL)
    {
      self->next_title = g_intern_string (_(next_due->rule->title));
      self->status = _cl_obligation_status_class (next_due);
    }
  else
    self->status = "met";
  set_search_key (self, cl_student_search_key (student));
  self->last_key = g_utf8_collate_key (student->last_name ? student->last_name : "", -1);
  self->first_key = g_utf8_collate_key (student->first_name ? student->first_name : "", -1);
  return self;
}

/* How soon a case manager should look at an open @ob: overdue, due soon, then a prompt to
 * follow up (plan_decision_followup, nobody's missed deadline: rules.md §4), then the rest. */
static int
pressing_rank (const ClObligation *ob)
{
  if (ob->prompt)
    return 2;
  if (ob->status == CL_STATUS_OVERDUE)
    return 0;
  return ob->status == CL_STATUS_DUE_SOON ? 1 : 3;
}

/* The open obligation a case manager should look at first: by rank, then the soonest due. */
static const ClObligation *
most_pressing (GPtrArray *obligations)
{
  const ClObligation *best = NULL;

  for (guint i = 0; obligations && i < obligations->len; i++)
    {
      const ClObligation *ob = g_ptr_array_index (obligations, i);

      if (ob->status == CL_STATUS_MET || ob->status == CL_STATUS_MET_LATE)
        continue;
      if (best == NULL || pressing_rank (ob) < pressing_rank (best) ||
          (pressing_rank (ob) == pressing_rank (best) && ob->due < best->due))
        best = ob;
    }
  return best;
}

ClStudentRow *
cl_student_row_new_for (ClStudent *student,
                        GPtrArray *obligations)
{
  return cl_student_row_new (student, most_pressing (obligations));
}

typedef struct {
  GPtrArray  *students;
  GHashTable *obligations_of;
  gboolean    by_due;
  guint       from, to;
  GPtrArray  *rows;      /* the rows of [from, to), sorted */
} RowsPart;

static int
compare_rows (gconstpointer a,
              gconstpointer b,
              gpointer      user_data)
{
  return cl_student_row_compare (*(ClStudentRow **) a, *(ClStudentRow **) b, *(gboolean *) user_data);
}

static gpointer
make_rows_part (gpointer data)
{
  RowsPart *part = data;

  part->rows = g_ptr_array_new_full (part->to - part->from, g_object_unref);
  for (guint i = part->from; i < part->to; i++)
    {
      ClStudent *student = g_ptr_array_index (part->students, i);
      g_ptr_array_add (part->rows, cl_student_row_new_for (student, g_hash_table_lookup (part->obligations_of, student)));
    }
  g_ptr_array_sort_with_data (part->rows, compare_rows, &part->by_due);
  return NULL;
}

/* @a and @b (sorted) as one sorted array; takes both. */
static GPtrArray *
merge_rows (GPtrArray *a,
            GPtrArray *b,
            gboolean   by_due)
{
  GPtrArray *out = g_ptr_array_new_full (a->len + b->len, g_object_unref);
  guint i = 0, j = 0;

  while (i < a->len || j < b->len)
    {
      if (j == b->len || (i < a->len && cl_student_row_compare (a->pdata[i], b->pdata[j], by_due) <= 0))
        g_ptr_array_add (out, a->pdata[i++]);
      else
        g_ptr_array_add (out, b->pdata[j++]);
    }
  /* The references moved to @out. */
  g_ptr_array_set_free_func (a, NULL);
  g_ptr_array_set_free_func (b, NULL);
  g_ptr_array_unref (a);
  g_ptr_array_unref (b);
  return out;
}

GPtrArray *
cl_student_rows_new (ClCaseload *caseload,
                     GHashTable *obligations_of,
                     gboolean    by_due)
{
  GPtrArray *students = cl_caseload_get_students (caseload);
  /* A part is a few thousand rows at least: below that a thread costs more than it saves. */
  guint n_parts = CLAMP (MIN ((guint) g_get_num_processors (), students->len / 4096), 1, 8);
  g_autofree RowsPart *parts = g_new0 (RowsPart, n_parts);
  g_autofree GThread **threads = g_new0 (GThread *, n_parts);
  GPtrArray *rows;

  for (guint p = 0; p < n_parts; p++)
    {
      parts[p].students = students;
      parts[p].obligations_of = obligations_of;
      parts[p].by_due = by_due;
      parts[p].from = (guint) ((guint64) students->len * p / n_parts);
      parts[p].to = (guint) ((guint64) students->len * (p + 1) / n_parts);
    }
  for (guint p = 1; p < n_parts; p++)
    threads[p] = g_thread_new ("caseload-rows", make_rows_part, &parts[p]);
  make_rows_part (&parts[0]);
  rows = parts[0].rows;
  for (guint p = 1; p < n_parts; p++)
    {
      g_thread_join (threads[p]);
      rows = merge_rows (rows, parts[p].rows, by_due);
    }
  return rows;
}

ClStudent *
cl_student_row_get_student (ClStudentRow *self)
{
  g_return_val_if_fail (CL_IS_STUDENT_ROW (self), NULL);
  return self->student;
}

const char *
cl_student_row_get_name (ClStudentRow *self)
{
  g_return_val_if_fail (CL_IS_STUDENT_ROW (self), NULL);
  return self->name;
}

const char *
cl_student_row_get_subtitle (ClStudentRow *self)
{
  g_return_val_if_fail (CL_IS_STUDENT_ROW (self), NULL);
  return self->subtitle;
}

const char *
cl_student_row_get_next_due (ClStudentRow *self)
{
  g_return_val_if_fail (CL_IS_STUDENT_ROW (self), NULL);
  /* "Annual IEP review · Dec 3, 2026" */
  if (self->next_due == NULL)
    self->next_due = self->next_title != NULL ? g_strdup_printf ("%s · %s", self->next_title,
                                                                 cl_student_row_get_next_date (self))
                                              : g_strdup (_("Nothing due"));
  return self->next_due;
}

const char *
cl_student_row_get_next_title (ClStudentRow *self)
{
  g_return_val_if_fail (CL_IS_STUDENT_ROW (self), NULL);
  return self->next_title != NULL ? self->next_title : _("Nothing due");
}

const char *
cl_student_row_get_next_date (ClStudentRow *self)
{
  g_return_val_if_fail (CL_IS_STUDENT_ROW (self), NULL);
  if (self->next_date == NULL && self->next_title != NULL)
    self->next_date = describe_date (self->next_due_date);
  return self->next_date;
}

const char *
cl_student_row_get_status (ClStudentRow *self)
{
  g_return_val_if_fail (CL_IS_STUDENT_ROW (self), NULL);
  return self->status;
}

ClDate
cl_student_row_get_next_due_date (ClStudentRow *self)
{
  g_return_val_if_fail (CL_IS_STUDENT_ROW (self), G_MAXUINT32);
  return self->next_due_date;
}

ClObligationStatus
cl_student_row_get_next_status (ClStudentRow *self)
{
  g_return_val_if_fail (CL_IS_STUDENT_ROW (self), CL_STATUS_MET);
  return self->next_status;
}

gboolean
cl_student_row_matches (ClStudentRow         *self,
                        const ClStudentQuery *query)
{
  g_return_val_if_fail (CL_IS_STUDENT_ROW (self), FALSE);
  return cl_student_query_matches (query, self->search_key);
}

int
cl_student_row_compare_names (ClStudentRow *a,
                              ClStudentRow *b)
{
  int c = strcmp (a->last_key, b->last_key);

  if (c == 0)
    c = strcmp (a->first_key, b->first_key);
  return c != 0 ? c : g_strcmp0 (a->student->id, b->student->id);
}

int
cl_student_row_compare (ClStudentRow *a,
                        ClStudentRow *b,
                        gboolean      by_due)
{
  /* Called some 1,700,000 times when 100,000 rows are sorted: no lookups, no locale. */
  if (by_due && a->next_due_date != b->next_due_date)
    return a->next_due_date < b->next_due_date ? -1 : 1;
  return cl_student_row_compare_names (a, b);
}
