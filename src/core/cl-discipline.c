/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-discipline.c — a student's removals, totalled per school year as the rules count them */
#define G_LOG_DOMAIN "cl-discipline"

#include "cl-discipline.h"

const char * const cl_mdr_outcome_names[CL_N_MDR_OUTCOMES] = {
  "", "manifestation", "not_manifestation",
};

static ClSchoolCalendar *
calendar_of (ClStudent *student)
{
  return student->school != NULL ? cl_school_calendar_of (student->school) : NULL;
}

GArray *
cl_discipline_removal_years (ClStudent *student)
{
  GArray *years = g_array_new (FALSE, TRUE, sizeof (ClRemovalYear));
  ClSchoolCalendar *table = calendar_of (student);
  ClRemovalYear *current = NULL;

  if (table == NULL)
    return years;

  for (guint i = 0; i < student->events->len; i++)
    {
      const ClEvent *e = &g_array_index (student->events, ClEvent, i);
      ClSchoolYear session;

      if (e->type != CL_EVENT_REMOVAL || !cl_school_calendar_session (table, e->date, 0, &session))
        continue;
      if (current == NULL || current->session.first_day != session.first_day)
        {
          ClRemovalYear year = { 0 };

          year.session = session;
          g_array_append_val (years, year);
          current = &g_array_index (years, ClRemovalYear, years->len - 1);
        }
      current->removals++;
      switch (e->kind)
        {
        case CL_REMOVAL_SUSPENSION:
          current->suspension_days += e->school_days;
          current->counted_days += e->school_days;
          current->longest_suspension = MAX (current->longest_suspension, e->school_days);
          break;
        case CL_REMOVAL_OTHER:
          current->counted_days += e->school_days;
          break;
        case CL_REMOVAL_IN_SCHOOL_SUSPENSION:
          current->in_school_days += e->school_days;
          break;
        default:
          break;
        }
    }
  return years;
}

GArray *
cl_discipline_removal_log (ClStudent *student)
{
  GArray *log = g_array_new (FALSE, TRUE, sizeof (ClRemovalEntry));
  ClSchoolCalendar *table = calendar_of (student);
  ClDate year = CL_DATE_NONE;
  double total = 0;

  if (table == NULL)
    return log;
  for (guint i = 0; i < student->events->len; i++)
    {
      const ClEvent *e = &g_array_index (student->events, ClEvent, i);
      ClRemovalEntry entry = { 0 };

      if (e->type != CL_EVENT_REMOVAL || !cl_school_calendar_session (table, e->date, 0, &entry.session))
        continue;
      if (entry.session.first_day != year)
        {
          year = entry.session.first_day;
          total = 0;
        }
      entry.event = e;
      entry.counts = e->kind == CL_REMOVAL_SUSPENSION || e->kind == CL_REMOVAL_OTHER;
      if (entry.counts)
        total += e->school_days;
      entry.running_total = total;
      g_array_append_val (log, entry);
    }
  return log;
}

ClRemovalYear
cl_discipline_year_of (ClStudent *student,
                       ClDate     day)
{
  ClRemovalYear none = { 0 };
  ClSchoolCalendar *table = calendar_of (student);
  g_autoptr(GArray) years = NULL;
  ClSchoolYear session;

  if (table == NULL || !cl_school_calendar_session (table, day, 0, &session))
    return none;
  none.session = session;
  years = cl_discipline_removal_years (student);
  for (guint i = 0; i < years->len; i++)
    if (g_array_index (years, ClRemovalYear, i).session.first_day == session.first_day)
      return g_array_index (years, ClRemovalYear, i);
  return none;
}

ClMdrOutcome
cl_discipline_mdr_outcome (int caused_by_disability,
                           int failure_to_implement)
{
  /* "If … either of the above is applicable for the child, the conduct shall be determined to be
   * a manifestation" (HB 9.6; 34 CFR 300.530(e)(2)): one yes is enough, even with the other
   * question still open; "not a manifestation" needs both answered no. */
  if (caused_by_disability == 1 || failure_to_implement == 1)
    return CL_MDR_MANIFESTATION;
  if (caused_by_disability == 0 && failure_to_implement == 0)
    return CL_MDR_NOT_MANIFESTATION;
  return CL_MDR_UNDECIDED;
}

static int
read_answer (JsonObject *extra,
             const char *member)
{
  JsonNode *node = extra ? json_object_get_member (extra, member) : NULL;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_BOOLEAN)
    return -1;
  return json_node_get_boolean (node) ? 1 : 0;
}

ClMdrOutcome
cl_discipline_mdr_read (const ClEvent *meeting,
                        int           *caused_by_disability,
                        int           *failure_to_implement)
{
  int caused = read_answer (meeting->extra, CL_MDR_CAUSED_BY_DISABILITY);
  int failure = read_answer (meeting->extra, CL_MDR_FAILURE_TO_IMPLEMENT);

  if (caused_by_disability != NULL)
    *caused_by_disability = caused;
  if (failure_to_implement != NULL)
    *failure_to_implement = failure;
  return cl_discipline_mdr_outcome (caused, failure);
}

const ClObligation *
cl_discipline_find_obligation (GPtrArray       *obligations,
                               const ClStudent *student,
                               const ClEvent   *e,
                               const char      *rule_id)
{
  const char *type = cl_event_type_names[e->type];
  guint nth = 0;

  /* Which of the same-day events of this type @e is. */
  for (guint i = 0; i < student->events->len; i++)
    {
      const ClEvent *other = &g_array_index (student->events, ClEvent, i);

      if (other == e)
        break;
      if (other->type == e->type && other->date == e->date)
        nth++;
    }
  for (guint i = 0; obligations != NULL && i < obligations->len; i++)
    {
      const ClObligation *ob = g_ptr_array_index (obligations, i);

      if (ob->student != student || ob->from != e->date || g_strcmp0 (ob->from_event, type) != 0 ||
          !g_str_equal (ob->rule->id, rule_id))
        continue;
      if (nth-- == 0)
        return ob;
    }
  return NULL;
}

/* json_node_copy() only adds a reference to objects and arrays: copy them member by member. */
static JsonNode *
deep_copy (JsonNode *node)
{
  JsonNode *copy;

  if (JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObject *object = json_object_new ();
      JsonObjectIter iter;
      const char *name;
      JsonNode *member;

      json_object_iter_init (&iter, json_node_get_object (node));
      while (json_object_iter_next (&iter, &name, &member))
        json_object_set_member (object, name, deep_copy (member));
      copy = json_node_init_object (json_node_alloc (), object);
      json_object_unref (object);
    }
  else if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_array_new ();
      JsonArray *source = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (source); i++)
        json_array_add_element (array, deep_copy (json_array_get_element (source, i)));
      copy = json_node_init_array (json_node_alloc (), array);
      json_array_unref (array);
    }
  else
    copy = json_node_copy (node);
  return copy;
}

JsonObject *
cl_discipline_dup_extra (const ClEvent *e)
{
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(JsonNode) copy = NULL;

  if (e == NULL || e->extra == NULL)
    return json_object_new ();
  node = json_node_init_object (json_node_alloc (), e->extra);
  copy = deep_copy (node);
  return json_node_dup_object (copy);
}
