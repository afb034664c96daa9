/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-roster-import.c — a spreadsheet's rows as students, their schools, case managers and IEP
 * meetings, planned on the database's records before anything is written */
#define G_LOG_DOMAIN "cl-roster-import"

#include <glib/gi18n-lib.h>

#include <string.h>

#include "cl-rule-ids.h"
#include "cl-roster-import.h"
#include "cl-obligation-words.h"

G_DEFINE_QUARK (cl-roster-error-quark, cl_roster_error)

/* What each field is, for the messages about a column that is missing. */
static const char *
field_description (ClRosterField field)
{
  switch (field)
    {
    case CL_ROSTER_ID:
      return _("the student's id (a header such as \"Student ID\", \"Local ID\" or \"Perm ID\")");
    case CL_ROSTER_BIRTH_DATE:
      return _("the birth date (a header such as \"Birthdate\" or \"DOB\")");
    case CL_ROSTER_SCHOOL:
      return _("the school (a header such as \"School\" or \"School of Attendance\")");
    case CL_ROSTER_FIRST_NAME:
    case CL_ROSTER_LAST_NAME:
    case CL_ROSTER_STUDENT_NAME:
      return _("the student's name (\"First Name\" and \"Last Name\", or \"Student Name\" as \"Last, First\")");
    default:
      return cl_roster_field_names[field];
    }
}

GHashTable *
cl_roster_map_parse (const char  *json,
                     gssize       length,
                     GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GHashTable) map = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GList) members = NULL;
  JsonNode *root;
  JsonObject *columns;

  if (!json_parser_load_from_data (parser, json, length, error))
    return NULL;
  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root) ||
      !json_object_has_member (json_node_get_object (root), "columns") ||
      !JSON_NODE_HOLDS_OBJECT (json_object_get_member (json_node_get_object (root), "columns")))
    {
      g_set_error_literal (error, CL_ROSTER_ERROR, CL_ROSTER_ERROR_MAP,
                           _("columns: expected an object of \"Header\": \"field\""));
      return NULL;
    }
  columns = json_object_get_object_member (json_node_get_object (root), "columns");
  members = json_object_get_members (columns);
  for (GList *l = members; l != NULL; l = l->next)
    {
      JsonNode *value = json_object_get_member (columns, l->data);
      const char *name = JSON_NODE_HOLDS_VALUE (value) && json_node_get_value_type (value) == G_TYPE_STRING
                         ? json_node_get_string (value) : NULL;
      ClRosterField field;

      if (!cl_roster_field_from_name (name, &field))
        {
          g_autofree char *known = g_strjoinv (", ", (char **) cl_roster_field_names);
          g_set_error (error, CL_ROSTER_ERROR, CL_ROSTER_ERROR_MAP,
                       _("columns.%s: \"%s\" is not a field (one of %s, or ignore)"),
                       (const char *) l->data, name ? name : "", known);
          return NULL;
        }
      g_hash_table_insert (map, cl_roster_squash_header (l->data), GINT_TO_POINTER (field));
    }
  return g_steal_pointer (&map);
}

/* ---- the plan ---- */

typedef struct {
  ClRosterPlan     *plan;
  const ClCsvTable *table;
  GHashTable       *row_of_student;                  /* id -> row number, for duplicates */
  GHashTable       *touched;                         /* ClStudent* whose events changed */
} Planner;

static void problem (Planner *p, const char *format, ...) G_GNUC_PRINTF (2, 3);

static void
problem (Planner    *p,
         const char *format,
         ...)
{
  va_list args;

  va_start (args, format);
  g_ptr_array_add (p->plan->problems, g_strdup_vprintf (format, args));
  va_end (args);
}

static void
cell_problem (Planner        *p,
              const ClCsvRow *row,
              ClRosterField   field,
              const char     *cell,
              const char     *reason)
{
  const char *header = p->table->header[p->plan->column_of[field]];

  if (cell != NULL && *cell != '\0')
    /* TRANSLATORS: row 12, column "DOB": "13/45/2011" is not a date */
    problem (p, _("row %u, column \"%s\": \"%s\" %s"), row->number, header, cell, reason);
  else
    problem (p, _("row %u, column \"%s\": %s"), row->number, header, reason);
}

/* The trimmed cell of @field in @row; "" when the file has no such column. */
static const char *
cell_of (Planner        *p,
         const ClCsvRow *row,
         ClRosterField   field)
{
  return p->plan->column_of[field] < 0 ? "" : cl_csv_row_get (row, (guint) p->plan->column_of[field]);
}

static void
map_columns (Planner    *p,
             GHashTable *map)
{
  const ClCsvTable *t = p->table;

  for (guint f = 0; f < CL_N_ROSTER_FIELDS; f++)
    p->plan->column_of[f] = -1;
  for (guint i = 0; i < t->n_columns; i++)
    {
      g_autofree char *key = cl_roster_squash_header (t->header[i]);
      gpointer value;
      ClRosterField field;

      if (map != NULL && g_hash_table_lookup_extended (map, key, NULL, &value))
        field = (ClRosterField) GPOINTER_TO_INT (value);
      else
        field = cl_roster_guess_field (t->header[i]);
      if (field == CL_ROSTER_IGNORE)
        {
          g_ptr_array_add (p->plan->unread_columns, g_strdup (t->header[i]));
          continue;
        }
      if (p->plan->column_of[field] >= 0)
        {
          problem (p, _("columns \"%s\" and \"%s\" both give %s: say which to read with a --map file"),
                   t->header[p->plan->column_of[field]], t->header[i], cl_roster_field_names[field]);
          continue;
        }
      p->plan->column_of[field] = (int) i;
    }

  static const ClRosterField required[] = { CL_ROSTER_ID, CL_ROSTER_BIRTH_DATE, CL_ROSTER_SCHOOL };
  for (guint i = 0; i < G_N_ELEMENTS (required); i++)
    if (p->plan->column_of[required[i]] < 0)
      problem (p, _("no column gives %s"), field_description (required[i]));
  if (p->plan->column_of[CL_ROSTER_STUDENT_NAME] < 0 &&
      (p->plan->column_of[CL_ROSTER_FIRST_NAME] < 0 || p->plan->column_of[CL_ROSTER_LAST_NAME] < 0))
    problem (p, _("no column gives %s"), field_description (CL_ROSTER_STUDENT_NAME));
}

/* What one row says, every cell read. */
typedef struct {
  const char *id;
  const char *ssid;
  char       *first_name;
  char       *last_name;
  ClDate      birth_date;
  const char *grade;
  const char *school;
  const char *case_manager;
  const char *language;        /* ISO 639-1, or NULL */
  int         english_learner; /* -1: not given */
  const char *disability;      /* code, or NULL */
  ClDate      dates[CL_N_ROSTER_FIELDS];
} RowFacts;

static void
row_facts_clear (RowFacts *f)
{
  g_free (f->first_name);
  g_free (f->last_name);
}

static gboolean
read_date (Planner        *p,
           const ClCsvRow *row,
           ClRosterField   field,
           ClDate         *out)
{
  const char *cell = cell_of (p, row, field);
  g_autofree char *reason = NULL;

  *out = CL_DATE_NONE;
  if (*cell == '\0')
    return TRUE;
  if (cl_roster_parse_date (cell, out, &reason))
    return TRUE;
  cell_problem (p, row, field, cell, reason);
  return FALSE;
}

static gboolean
read_row (Planner        *p,
          const ClCsvRow *row,
          RowFacts       *f)
{
  g_autofree char *reason = NULL;
  guint problems = p->plan->problems->len;
  const char *cell;

  memset (f, 0, sizeof *f);
  f->english_learner = -1;
  if (row->n_cells > p->table->n_columns)
    for (guint i = p->table->n_columns; i < row->n_cells; i++)
      if (row->cells[i][0] != '\0')
        {
          problem (p, _("row %u: has more cells than the header has columns (\"%s\" is in column %u)"),
                   row->number, row->cells[i], i + 1);
          break;
        }

  f->id = cell_of (p, row, CL_ROSTER_ID);
  if (*f->id == '\0')
    cell_problem (p, row, CL_ROSTER_ID, NULL, _("a student id is needed"));
  f->ssid = cell_of (p, row, CL_ROSTER_SSID);

  if (p->plan->column_of[CL_ROSTER_STUDENT_NAME] >= 0 &&
      (p->plan->column_of[CL_ROSTER_FIRST_NAME] < 0 || p->plan->column_of[CL_ROSTER_LAST_NAME] < 0))
    {
      cell = cell_of (p, row, CL_ROSTER_STUDENT_NAME);
      const char *comma = strchr (cell, ',');
      if (comma == NULL)
        cell_problem (p, row, CL_ROSTER_STUDENT_NAME, cell, _("is not a name written \"Last, First\""));
      else
        {
          f->last_name = g_strstrip (g_strndup (cell, comma - cell));
          f->first_name = g_strstrip (g_strdup (comma + 1));
        }
    }
  else
    {
      f->first_name = g_strdup (cell_of (p, row, CL_ROSTER_FIRST_NAME));
      f->last_name = g_strdup (cell_of (p, row, CL_ROSTER_LAST_NAME));
      if (*f->last_name == '\0' && *f->first_name == '\0')
        cell_problem (p, row, CL_ROSTER_LAST_NAME, NULL, _("a name is needed"));
    }

  if (read_date (p, row, CL_ROSTER_BIRTH_DATE, &f->birth_date) && f->birth_date == CL_DATE_NONE)
    cell_problem (p, row, CL_ROSTER_BIRTH_DATE, NULL, _("a birth date is needed"));
  f->grade = cell_of (p, row, CL_ROSTER_GRADE);
  f->school = cell_of (p, row, CL_ROSTER_SCHOOL);
  if (*f->school == '\0')
    cell_problem (p, row, CL_ROSTER_SCHOOL, NULL, _("a school is needed"));
  f->case_manager = cell_of (p, row, CL_ROSTER_CASE_MANAGER);

  cell = cell_of (p, row, CL_ROSTER_HOME_LANGUAGE);
  if (*cell != '\0' && !cl_roster_parse_language (cell, &f->language, &reason))
    cell_problem (p, row, CL_ROSTER_HOME_LANGUAGE, cell, reason);
  g_clear_pointer (&reason, g_free);
  cell = cell_of (p, row, CL_ROSTER_ENGLISH_LEARNER);
  if (*cell != '\0')
    {
      gboolean el = FALSE;
      if (cl_roster_parse_el (cell, &el, &reason))
        f->english_learner = el;
      else
        cell_problem (p, row, CL_ROSTER_ENGLISH_LEARNER, cell, reason);
      g_clear_pointer (&reason, g_free);
    }
  cell = cell_of (p, row, CL_ROSTER_DISABILITY);
  if (*cell != '\0' && !cl_roster_parse_disability (cell, &f->disability, &reason))
    cell_problem (p, row, CL_ROSTER_DISABILITY, cell, reason);

  static const ClRosterField dates[] = { CL_ROSTER_INITIAL_IEP, CL_ROSTER_LAST_ANNUAL, CL_ROSTER_LAST_TRIENNIAL,
                                         CL_ROSTER_NEXT_ANNUAL, CL_ROSTER_NEXT_TRIENNIAL };
  for (guint i = 0; i < G_N_ELEMENTS (dates); i++)
    read_date (p, row, dates[i], &f->dates[dates[i]]);

  if (*f->id != '\0')
    {
      gpointer earlier = g_hash_table_lookup (p->row_of_student, f->id);
      if (earlier != NULL)
        problem (p, _("row %u: student %s is on row %u too"), row->number, f->id, GPOINTER_TO_UINT (earlier));
      else
        g_hash_table_insert (p->row_of_student, (gpointer) f->id, GUINT_TO_POINTER (row->number));
    }
  return p->plan->problems->len == problems;
}

/* A school by exact name or id; else a new one on the calendars of the database's first school
 * that has any (a district calendar, until the school's own is imported). */
static ClSchool *
school_for (Planner    *p,
            const char *name)
{
  GPtrArray *schools = cl_caseload_get_schools (p->plan->caseload);
  ClSchool *model = NULL, *school;
  g_autofree char *base = NULL, *id = NULL;

  for (guint i = 0; i < schools->len; i++)
    {
      ClSchool *s = g_ptr_array_index (schools, i);
      if (g_strcmp0 (s->name, name) == 0 || g_strcmp0 (s->id, name) == 0)
        return s;
      if (model == NULL && s->calendars->len > 0)
        model = s;
    }
  if (model == NULL)
    return NULL;
  base = cl_make_id (name);
  id = g_strdup (base);
  for (guint n = 2; cl_caseload_lookup_school (p->plan->caseload, id) != NULL; n++)
    {
      g_free (id);
      id = g_strdup_printf ("%s-%u", base, n);
    }
  school = cl_school_new (id, name);
  for (guint i = 0; i < model->calendars->len; i++)
    cl_school_add_calendar (school, g_ptr_array_index (model->calendars, i));
  cl_caseload_add_school (p->plan->caseload, school);
  g_ptr_array_add (p->plan->new_schools, school);
  return school;
}

static ClStaff *
case_manager_for (Planner    *p,
                  const char *name)
{
  GPtrArray *staff = cl_caseload_get_staff (p->plan->caseload);
  g_autofree char *base = NULL, *id = NULL;
  ClStaff *added;

  for (guint i = 0; i < staff->len; i++)
    {
      ClStaff *s = g_ptr_array_index (staff, i);
      if ((s->name && g_utf8_collate (s->name, name) == 0) || g_strcmp0 (s->id, name) == 0)
        return s;
    }
  base = cl_make_id (name);
  id = g_strdup (base);
  for (guint n = 2; cl_caseload_lookup_staff (p->plan->caseload, id) != NULL; n++)
    {
      g_free (id);
      id = g_strdup_printf ("%s-%u", base, n);
    }
  added = cl_staff_new (id, name, CL_STAFF_CASE_MANAGER);
  cl_caseload_add_staff (p->plan->caseload, added);
  g_ptr_array_add (p->plan->new_staff, added);
  return added;
}

/* Sets *@field to @value when the file gives one that differs; TRUE when it changed. */
static gboolean
set_text (char       **field,
          const char  *value)
{
  if (value == NULL || *value == '\0' || g_strcmp0 (*field, value) == 0)
    return FALSE;
  g_free (*field);
  *field = g_strdup (value);
  return TRUE;
}

static gboolean
set_ssid (ClStudent  *s,
          const char *ssid)
{
  if (ssid == NULL || *ssid == '\0')
    return FALSE;
  if (s->extra == NULL)
    s->extra = json_object_new ();
  if (json_object_has_member (s->extra, "ssid") &&
      g_strcmp0 (json_object_get_string_member (s->extra, "ssid"), ssid) == 0)
    return FALSE;
  json_object_set_string_member (s->extra, "ssid", ssid);
  return TRUE;
}

/* Whether @s has an initial, annual or triennial meeting on @date. One meeting is often listed
 * twice ("Initial IEP Date" and "Last Evaluation Date" of a student evaluated once; "Last
 * Annual" and "Last Triennial" of a triennial): it was one meeting, and is added once. */
static gboolean
has_meeting_on (const ClStudent *s,
                ClDate           date)
{
  for (guint i = 0; i < s->events->len; i++)
    {
      const ClEvent *e = &g_array_index (s->events, ClEvent, i);
      if (e->type == CL_EVENT_IEP_MEETING && e->date == date &&
          (e->kind == CL_MEETING_INITIAL || e->kind == CL_MEETING_ANNUAL || e->kind == CL_MEETING_TRIENNIAL))
        return TRUE;
    }
  return FALSE;
}

/* The IEP meetings a row's dates stand for; TRUE when one was added. */
static gboolean
add_meetings (Planner   *p,
              ClStudent *s,
              gboolean   is_new,
              RowFacts  *f)
{
  /* The most telling kind first: a date that is both the initial and the last evaluation is the
   * initial meeting; both the last triennial and the last annual, the triennial. */
  static const struct {
    ClRosterField field;
    ClMeetingKind kind;
  } meetings[] = {
    { CL_ROSTER_INITIAL_IEP, CL_MEETING_INITIAL },
    { CL_ROSTER_LAST_TRIENNIAL, CL_MEETING_TRIENNIAL },
    { CL_ROSTER_LAST_ANNUAL, CL_MEETING_ANNUAL },
  };
  gboolean added = FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (meetings); i++)
    {
      ClDate date = f->dates[meetings[i].field];
      ClEvent *e;

      if (date == CL_DATE_NONE || has_meeting_on (s, date))
        continue;
      e = cl_student_add_event (s, CL_EVENT_IEP_MEETING, date);
      e->kind = meetings[i].kind;
      /* Held initial and triennial meetings in an IEP system's list found the student eligible. */
      e->eligible = TRUE;
      if (!is_new)
        {
          ClRosterEvent copy = { g_strdup (s->id) };
          cl_event_copy (e, &copy.event);
          g_array_append_val (p->plan->new_events, copy);
        }
      added = TRUE;
    }
  if (added)
    g_hash_table_add (p->touched, s);
  return added;
}

static gboolean
apply_row (Planner  *p,
           RowFacts *f)
{
  ClCaseload *c = p->plan->caseload;
  ClStudent *s = cl_caseload_lookup_student (c, f->id);
  gboolean is_new = s == NULL, changed = FALSE;
  ClSchool *school = school_for (p, f->school);
  ClStaff *cm = *f->case_manager ? case_manager_for (p, f->case_manager) : NULL;

  if (school == NULL)
    {
      problem (p, _("this database has no school calendar yet, so \"%s\" cannot be counted: import the "
                    "district's calendar first (caseload-cli import-calendar --school \"%s\" FILE.ics)"),
               f->school, f->school);
      return FALSE;
    }
  if (is_new)
    {
      s = cl_student_new (f->id);
      cl_caseload_add_student (c, s);
      g_ptr_array_add (p->plan->new_students, s);
    }
  changed |= set_text (&s->first_name, f->first_name);
  changed |= set_text (&s->last_name, f->last_name);
  if (s->birth_date != f->birth_date)
    {
      s->birth_date = f->birth_date;
      changed = TRUE;
    }
  changed |= set_text (&s->grade, f->grade);
  if (s->school != school)
    {
      s->school = school;
      changed = TRUE;
    }
  if (cm != NULL && s->case_manager != cm)
    {
      s->case_manager = cm;
      changed = TRUE;
    }
  changed |= set_text (&s->home_language, f->language);
  if (f->english_learner >= 0 && s->english_learner != f->english_learner)
    {
      s->english_learner = f->english_learner;
      changed = TRUE;
    }
  changed |= set_text (&s->eligibility_primary, f->disability);
  changed |= set_ssid (s, f->ssid);

  if (!add_meetings (p, s, is_new, f) && !changed && !is_new)
    p->plan->n_unchanged++;
  else if (changed && !is_new)
    g_ptr_array_add (p->plan->updated_students, s);
  return TRUE;
}

static void
disagreement_free (gpointer data)
{
  ClRosterDisagreement *d = data;

  g_free (d->basis);
  g_free (d);
}

static void
roster_event_clear (gpointer data)
{
  ClRosterEvent *e = data;

  g_free (e->student_id);
  cl_event_clear (&e->event);
}

static void
sort_events (gpointer key,
             gpointer value,
             gpointer user_data)
{
  cl_student_sort_events (key);
}

ClRosterPlan *
cl_roster_plan_new (const ClCsvTable *table,
                    GHashTable       *map,
                    ClCaseload       *caseload)
{
  ClRosterPlan *plan = g_new0 (ClRosterPlan, 1);
  g_autoptr(GHashTable) rows = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) touched = g_hash_table_new (NULL, NULL);
  Planner p = { plan, table, rows, touched };
  g_autoptr(GArray) facts = g_array_new (FALSE, TRUE, sizeof (RowFacts));

  g_return_val_if_fail (table != NULL && CL_IS_CASELOAD (caseload), NULL);

  g_array_set_clear_func (facts, (GDestroyNotify) row_facts_clear);
  plan->caseload = caseload;
  plan->encoding = table->encoding;
  plan->n_rows = table->rows->len;
  plan->unread_columns = g_ptr_array_new_with_free_func (g_free);
  plan->new_schools = g_ptr_array_new ();
  plan->new_staff = g_ptr_array_new ();
  plan->new_students = g_ptr_array_new ();
  plan->updated_students = g_ptr_array_new ();
  plan->new_events = g_array_new (FALSE, TRUE, sizeof (ClRosterEvent));
  g_array_set_clear_func (plan->new_events, roster_event_clear);
  plan->problems = g_ptr_array_new_with_free_func (g_free);
  plan->disagreements = g_ptr_array_new_with_free_func (disagreement_free);

  map_columns (&p, map);
  if (plan->problems->len > 0)
    return plan;
  /* Every row is read before any is applied: a bad file leaves the records as they were. */
  g_array_set_size (facts, table->rows->len);
  for (guint i = 0; i < table->rows->len; i++)
    read_row (&p, g_ptr_array_index (table->rows, i), &g_array_index (facts, RowFacts, i));
  if (table->rows->len == 0)
    problem (&p, _("the file has a header row and no students"));
  for (guint i = 0; plan->problems->len == 0 && i < facts->len; i++)
    apply_row (&p, &g_array_index (facts, RowFacts, i));
  g_hash_table_foreach (touched, sort_events, NULL);
  return plan;
}

/* ---- the file's due dates against the engine's ---- */

/* The obligation of @rule_id the file's date is about: the open one due first, else the last met. */
static const ClObligation *
pick_obligation (GPtrArray  *obligations,
                 const char *rule_id)
{
  const ClObligation *open = NULL, *met = NULL;

  for (guint i = 0; i < obligations->len; i++)
    {
      const ClObligation *o = g_ptr_array_index (obligations, i);

      if (!g_str_equal (o->rule->id, rule_id))
        continue;
      if (o->met_on == CL_DATE_NONE && (open == NULL || o->due < open->due))
        open = o;
      else if (o->met_on != CL_DATE_NONE && (met == NULL || o->due > met->due))
        met = o;
    }
  return open ? open : met;
}

gboolean
cl_roster_plan_compare (ClRosterPlan      *plan,
                        const ClCsvTable  *table,
                        ClDeadlineEngine  *engine,
                        ClDate             today,
                        GError           **error)
{
  static const struct {
    ClRosterField field;
    const char   *rule_id;
  } compared[] = {
    { CL_ROSTER_NEXT_ANNUAL, CL_RULE_ANNUAL_REVIEW_DUE },
    { CL_ROSTER_NEXT_TRIENNIAL, CL_RULE_TRIENNIAL_DUE },
  };
  Planner p = { plan, table, NULL, NULL };

  g_return_val_if_fail (plan->problems->len == 0, FALSE);

  for (guint i = 0; i < table->rows->len; i++)
    {
      const ClCsvRow *row = g_ptr_array_index (table->rows, i);
      ClStudent *s = cl_caseload_lookup_student (plan->caseload, cell_of (&p, row, CL_ROSTER_ID));
      g_autoptr(GPtrArray) obligations = NULL;

      if (s == NULL)
        continue;
      for (guint k = 0; k < G_N_ELEMENTS (compared); k++)
        {
          const char *cell = cell_of (&p, row, compared[k].field);
          g_autofree char *reason = NULL;
          const ClObligation *o;
          ClRosterDisagreement *d;
          ClDate date;

          if (*cell == '\0' || !cl_roster_parse_date (cell, &date, &reason))
            continue;
          if (obligations == NULL &&
              (obligations = cl_deadline_engine_compute_student (engine, plan->caseload, s, today, error)) == NULL)
            return FALSE;
          o = pick_obligation (obligations, compared[k].rule_id);
          if (o != NULL && o->due == date)
            continue;
          d = g_new0 (ClRosterDisagreement, 1);
          d->student = s;
          d->rule_id = compared[k].rule_id;
          d->column = table->header[plan->column_of[compared[k].field]];
          d->row = row->number;
          d->file_date = date;
          if (o != NULL)
            {
              g_autofree char *from = cl_obligation_dup_from_text (o, cl_words_for_locale ());
              g_autofree char *counted = cl_obligation_dup_counted_text (o, cl_words_for_locale ());

              d->caseload_date = o->due;
              /* TRANSLATORS: what the date was counted from ("The annual IEP meeting of October 2,
               * 2025"), how ("A year later"), the citation: two sentences */
              d->basis = g_strdup_printf (_("%s. %s (%s)"), from, counted, o->citation ? o->citation : "");
            }
          else
            d->basis = g_strdup (_("The rules give no such date from what the file and the database hold"));
          g_ptr_array_add (plan->disagreements, d);
        }
    }
  return TRUE;
}

/* ---- in words ---- */

static const char *
delimiter_name (char delimiter)
{
  switch (delimiter)
    {
    case ';':
      return _("semicolon-separated");
    case '\t':
      return _("tab-separated");
    default:
      return _("comma-separated");
    }
}

char *
cl_roster_plan_dup_summary (const ClRosterPlan *plan,
                            const ClCsvTable   *table,
                            gboolean            in_app)
{
  GString *out = g_string_new (NULL);

  /* TRANSLATORS: "Read 12 rows (Windows-1252, comma-separated)." */
  g_string_append_printf (out, _("Read %u rows (%s, %s)."), plan->n_rows,
                          plan->encoding == CL_CSV_WINDOWS_1252 ? _("Windows-1252: the file is not UTF-8")
                                                                : cl_csv_encoding_name (plan->encoding),
                          delimiter_name (table->delimiter));
  if (plan->unread_columns->len > 0)
    {
      g_string_append_printf (out, " %s ", _("Columns not read:"));
      for (guint i = 0; i < plan->unread_columns->len; i++)
        g_string_append_printf (out, "%s\"%s\"", i ? ", " : "", (char *) g_ptr_array_index (plan->unread_columns, i));
      g_string_append_c (out, '.');
    }
  g_string_append_c (out, '\n');
  for (guint i = 0; i < plan->new_schools->len; i++)
    {
      const ClSchool *s = g_ptr_array_index (plan->new_schools, i);
      const ClCalendarYear *cal = g_ptr_array_index (s->calendars, s->calendars->len - 1);
      if (in_app)
        g_string_append_printf (out, _("New school “%s”: its deadlines are counted on the calendar already here "
                                       "until its own is added in District Set-Up.\n"), s->name);
      else
        /* TRANSLATORS: the school's name, its id, a calendar id */
        g_string_append_printf (out, _("New school \"%s\" (id %s), counted on calendar %s until its own is imported "
                                       "(caseload-cli import-calendar).\n"), s->name, s->id, cal->id);
    }
  for (guint i = 0; i < plan->new_staff->len; i++)
    {
      const ClStaff *s = g_ptr_array_index (plan->new_staff, i);
      if (in_app)
        g_string_append_printf (out, _("New case manager “%s”.\n"), s->name);
      else
        g_string_append_printf (out, _("New case manager \"%s\" (id %s).\n"), s->name, s->id);
    }
  g_string_append_printf (out, _("Students: %u new, %u updated, %u unchanged; %u IEP meetings added to students already here.\n"),
                          plan->new_students->len, plan->updated_students->len, plan->n_unchanged, plan->new_events->len);
  return g_string_free (out, FALSE);
}

char *
cl_roster_disagreement_dup_text (const ClRosterDisagreement *d)
{
  g_autofree char *name = cl_student_dup_display_name (d->student);
  g_autofree char *file = cl_date_dup_long (d->file_date);
  g_autofree char *ours = d->caseload_date != CL_DATE_NONE ? cl_date_dup_long (d->caseload_date) : g_strdup ("—");
  /* TRANSLATORS: student id and name, the item, the file's date, row, column, Caseload's date, its basis */
  return g_strdup_printf (_("%s %s, %s: the file says %s (row %u, \"%s\"), Caseload %s: %s"), d->student->id, name,
                          g_str_equal (d->rule_id, CL_RULE_ANNUAL_REVIEW_DUE) ? _("annual review") : _("triennial"),
                          file, d->row, d->column, ours, d->basis);
}

void
cl_roster_plan_free (ClRosterPlan *plan)
{
  if (plan == NULL)
    return;
  g_clear_pointer (&plan->unread_columns, g_ptr_array_unref);
  g_clear_pointer (&plan->new_schools, g_ptr_array_unref);
  g_clear_pointer (&plan->new_staff, g_ptr_array_unref);
  g_clear_pointer (&plan->new_students, g_ptr_array_unref);
  g_clear_pointer (&plan->updated_students, g_ptr_array_unref);
  g_clear_pointer (&plan->new_events, g_array_unref);
  g_clear_pointer (&plan->problems, g_ptr_array_unref);
  g_clear_pointer (&plan->disagreements, g_ptr_array_unref);
  g_clear_object (&plan->caseload);
  g_free (plan);
}
