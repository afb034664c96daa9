/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-case-model.c — the case file as plain data */
#define G_LOG_DOMAIN "cl-case-model"

#include <string.h>

#include "cl-case-model.h"
#include "cl-rule-ids.h"
#include "cl-school-calendar.h"

const char * const cl_event_type_names[CL_N_EVENT_TYPES] = {
  "referral", "assessment_plan_provided", "assessment_plan_consent", "reassessment_consent",
  "iep_meeting", "transfer_in", "removal", "placement_change_decision", "iaes_placement",
  "records_request", "rights_transfer_notice", "complaint", "exit", "meeting_request",
  "removal_services", "records_provided", "resolution_session", "due_process_response",
  "complaint_resolved", "transition_conference", "reassessment_request", "assessment_refused",
  "assessment_plan_declined", "triennial_waiver", "extension", "district_records_request",
  "records_sent", "surrogate_needed", "surrogate_notice_sent", "surrogate_appointed", "enrollment",
  "english_proficiency_assessed", "primary_language_assessed", "hearing_scheduled",
  "hearing_disclosure_sent", "resolution_waived",
};
const char * const cl_meeting_kind_names[CL_N_MEETING_KINDS] = {
  "initial", "annual", "triennial", "amendment", "interim", "manifestation", "transition", "other",
};
const char * const cl_transfer_from_names[CL_N_TRANSFER_FROMS] = {
  "same_selpa", "in_state", "out_of_state",
};
const char * const cl_removal_kind_names[CL_N_REMOVAL_KINDS] = {
  "suspension", "in_school_suspension", "other_removal",
};
const char * const cl_special_circumstance_names[CL_N_SPECIAL_CIRCUMSTANCES] = {
  "", "weapon", "drugs", "serious_bodily_injury",
};
const char * const cl_complaint_kind_names[CL_N_COMPLAINT_KINDS] = {
  "ucp", "state", "due_process", "expedited_due_process",
};
const char * const cl_referral_source_names[CL_N_REFERRAL_SOURCES] = {
  "parent", "teacher", "other",
};
const char * const cl_role_names[CL_N_ROLES] = {
  "parent", "student", "general_education_teacher", "special_education_teacher",
  "lea_representative", "assessment_interpreter", "related_service_provider",
  "agency_representative", "part_c_coordinator", "interpreter", "other",
};
const char * const cl_staff_role_names[CL_N_STAFF_ROLES] = {
  "case_manager", "special_education_teacher", "general_education_teacher", "administrator",
  "school_psychologist", "speech_language_pathologist", "related_service_provider", "nurse",
  "interpreter", "other",
};

const char * const cl_extended_rule_names[CL_N_EXTENDED_RULES] = {
  CL_RULE_ASSESSMENT_PLAN_DUE, CL_RULE_COMPLAINT_DECISION_DUE,
};
const char * const cl_filed_by_names[CL_N_FILED_BY] = {
  "parent", "district", "student", "other",
};

const char *
cl_extra_get_string (JsonObject *extra,
                     const char *name)
{
  JsonNode *node = extra ? json_object_get_member (extra, name) : NULL;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

ClDate
cl_extra_get_date (JsonObject *extra,
                   const char *name)
{
  const char *text = cl_extra_get_string (extra, name);
  ClDate date;

  return text && cl_date_parse_iso (text, &date) ? date : CL_DATE_NONE;
}

gboolean
cl_extra_get_bool (JsonObject *extra,
                   const char *name,
                   gboolean    fallback)
{
  JsonNode *node = extra ? json_object_get_member (extra, name) : NULL;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_BOOLEAN)
    return fallback;
  return json_node_get_boolean (node);
}

int
cl_extra_get_enum (JsonObject         *extra,
                   const char         *name,
                   const char * const *names,
                   guint               n_names)
{
  return cl_enum_from_name (names, n_names, cl_extra_get_string (extra, name));
}

int
cl_enum_from_name (const char * const *names,
                   guint               n_names,
                   const char         *name)
{
  if (name == NULL || name[0] == '\0')
    return -1;
  /* The first letter before the call: a database's every event row names its type and its
   * special circumstance, each among a dozen or more names. (An empty name is no value's.) */
  for (guint i = 0; i < n_names; i++)
    if (names[i][0] == name[0] && strcmp (names[i] + 1, name + 1) == 0)
      return (int) i;
  return -1;
}

struct _ClCaseload
{
  GObject     parent_instance;

  char       *jurisdiction;
  JsonObject *extra;
  GPtrArray  *calendars;
  GPtrArray  *schools;
  GPtrArray  *staff;
  GPtrArray  *students;
  GHashTable *calendars_by_id;
  GHashTable *schools_by_id;
  GHashTable *staff_by_id;
  GHashTable *students_by_id;
};

G_DEFINE_FINAL_TYPE (ClCaseload, cl_caseload, G_TYPE_OBJECT)

static void
cl_caseload_finalize (GObject *object)
{
  ClCaseload *self = CL_CASELOAD (object);

  g_clear_pointer (&self->calendars_by_id, g_hash_table_unref);
  g_clear_pointer (&self->schools_by_id, g_hash_table_unref);
  g_clear_pointer (&self->staff_by_id, g_hash_table_unref);
  g_clear_pointer (&self->students_by_id, g_hash_table_unref);
  /* Students borrow schools and staff; schools borrow calendars: free in that order. */
  g_clear_pointer (&self->students, g_ptr_array_unref);
  g_clear_pointer (&self->staff, g_ptr_array_unref);
  g_clear_pointer (&self->schools, g_ptr_array_unref);
  g_clear_pointer (&self->calendars, g_ptr_array_unref);
  g_clear_pointer (&self->jurisdiction, g_free);
  g_clear_pointer (&self->extra, json_object_unref);

  G_OBJECT_CLASS (cl_caseload_parent_class)->finalize (object);
}

static void
cl_caseload_class_init (ClCaseloadClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = cl_caseload_finalize;
}

static void
cl_caseload_init (ClCaseload *self)
{
  self->jurisdiction = g_strdup ("US");
  self->calendars = g_ptr_array_new_with_free_func ((GDestroyNotify) cl_calendar_year_free);
  self->schools = g_ptr_array_new_with_free_func ((GDestroyNotify) cl_school_free);
  self->staff = g_ptr_array_new_with_free_func ((GDestroyNotify) cl_staff_free);
  self->students = g_ptr_array_new_with_free_func ((GDestroyNotify) cl_student_free);
  self->calendars_by_id = g_hash_table_new (g_str_hash, g_str_equal);
  self->schools_by_id = g_hash_table_new (g_str_hash, g_str_equal);
  self->staff_by_id = g_hash_table_new (g_str_hash, g_str_equal);
  self->students_by_id = g_hash_table_new (g_str_hash, g_str_equal);
}

ClCaseload *
cl_caseload_new (void)
{
  return g_object_new (CL_TYPE_CASELOAD, NULL);
}

const char *
cl_caseload_get_jurisdiction (ClCaseload *self)
{
  g_return_val_if_fail (CL_IS_CASELOAD (self), NULL);
  return self->jurisdiction;
}

void
cl_caseload_set_jurisdiction (ClCaseload *self,
                              const char *jurisdiction)
{
  g_return_if_fail (CL_IS_CASELOAD (self));
  g_return_if_fail (jurisdiction != NULL);
  g_free (self->jurisdiction);
  self->jurisdiction = g_strdup (jurisdiction);
}

JsonObject *
cl_caseload_get_extra (ClCaseload *self)
{
  g_return_val_if_fail (CL_IS_CASELOAD (self), NULL);
  return self->extra;
}

void
cl_caseload_set_extra (ClCaseload *self,
                       JsonObject *extra)
{
  g_return_if_fail (CL_IS_CASELOAD (self));
  if (extra)
    json_object_ref (extra);
  g_clear_pointer (&self->extra, json_object_unref);
  self->extra = extra;
}

#define GETTER(field)                                                    \
  GPtrArray *                                                            \
  cl_caseload_get_##field (ClCaseload *self)                             \
  {                                                                      \
    g_return_val_if_fail (CL_IS_CASELOAD (self), NULL);                  \
    return self->field;                                                  \
  }
GETTER (calendars)
GETTER (schools)
GETTER (staff)
GETTER (students)
#undef GETTER

ClCalendarYear *
cl_caseload_lookup_calendar (ClCaseload *self, const char *id)
{
  g_return_val_if_fail (CL_IS_CASELOAD (self), NULL);
  return id ? g_hash_table_lookup (self->calendars_by_id, id) : NULL;
}

ClSchool *
cl_caseload_lookup_school (ClCaseload *self, const char *id)
{
  g_return_val_if_fail (CL_IS_CASELOAD (self), NULL);
  return id ? g_hash_table_lookup (self->schools_by_id, id) : NULL;
}

ClStaff *
cl_caseload_lookup_staff (ClCaseload *self, const char *id)
{
  g_return_val_if_fail (CL_IS_CASELOAD (self), NULL);
  return id ? g_hash_table_lookup (self->staff_by_id, id) : NULL;
}

ClStudent *
cl_caseload_lookup_student (ClCaseload *self, const char *id)
{
  g_return_val_if_fail (CL_IS_CASELOAD (self), NULL);
  return id ? g_hash_table_lookup (self->students_by_id, id) : NULL;
}

static gboolean
add_unique (GPtrArray  *array,
            GHashTable *index,
            const char *id,
            gpointer    record)
{
  if (id == NULL || g_hash_table_contains (index, id))
    return FALSE;
  g_ptr_array_add (array, record);
  g_hash_table_insert (index, (gpointer) id, record);
  return TRUE;
}

gboolean
cl_caseload_add_calendar (ClCaseload *self, ClCalendarYear *calendar)
{
  g_return_val_if_fail (CL_IS_CASELOAD (self), FALSE);
  return add_unique (self->calendars, self->calendars_by_id, calendar->id, calendar);
}

gboolean
cl_caseload_add_school (ClCaseload *self, ClSchool *school)
{
  g_return_val_if_fail (CL_IS_CASELOAD (self), FALSE);
  return add_unique (self->schools, self->schools_by_id, school->id, school);
}

gboolean
cl_caseload_add_staff (ClCaseload *self, ClStaff *staff)
{
  g_return_val_if_fail (CL_IS_CASELOAD (self), FALSE);
  return add_unique (self->staff, self->staff_by_id, staff->id, staff);
}

gboolean
cl_caseload_add_student (ClCaseload *self, ClStudent *student)
{
  g_return_val_if_fail (CL_IS_CASELOAD (self), FALSE);
  return add_unique (self->students, self->students_by_id, student->id, student);
}

static void
closed_range_clear (gpointer data)
{
  ClClosedRange *range = data;
  g_free (range->label);
  g_clear_pointer (&range->extra, json_object_unref);
}

ClCalendarYear *
cl_calendar_year_new (const char *id,
                      ClDate      first_day,
                      ClDate      last_day)
{
  ClCalendarYear *self = g_new0 (ClCalendarYear, 1);

  self->id = g_strdup (id);
  self->first_day = first_day;
  self->last_day = last_day;
  self->closed = g_array_new (FALSE, TRUE, sizeof (ClClosedRange));
  g_array_set_clear_func (self->closed, closed_range_clear);
  return self;
}

void
cl_calendar_year_add_closed (ClCalendarYear *self,
                             ClDate          from,
                             ClDate          to,
                             const char     *label,
                             gboolean        holiday)
{
  ClClosedRange range = { from, to, g_strdup (label), holiday ? 1 : 0, NULL };
  g_array_append_val (self->closed, range);
}

void
cl_calendar_year_free (ClCalendarYear *self)
{
  if (self == NULL)
    return;
  g_free (self->id);
  g_array_unref (self->closed);
  g_clear_pointer (&self->extra, json_object_unref);
  g_free (self);
}

ClSchool *
cl_school_new (const char *id,
               const char *name)
{
  ClSchool *self = g_new0 (ClSchool, 1);

  self->id = g_strdup (id);
  self->name = g_strdup (name);
  self->calendars = g_ptr_array_new ();
  return self;
}

static int
compare_calendar_years (gconstpointer a,
                        gconstpointer b)
{
  const ClCalendarYear *ca = *(ClCalendarYear * const *) a;
  const ClCalendarYear *cb = *(ClCalendarYear * const *) b;
  return (ca->first_day > cb->first_day) - (ca->first_day < cb->first_day);
}

void
cl_school_add_calendar (ClSchool       *self,
                        ClCalendarYear *calendar)
{
  g_ptr_array_add (self->calendars, calendar);
  g_ptr_array_sort (self->calendars, compare_calendar_years);
  g_clear_pointer (&self->table, cl_school_calendar_unref);
}

void
cl_school_free (ClSchool *self)
{
  if (self == NULL)
    return;
  g_free (self->id);
  g_free (self->name);
  g_ptr_array_unref (self->calendars);
  g_clear_pointer (&self->table, cl_school_calendar_unref);
  g_clear_pointer (&self->extra, json_object_unref);
  g_free (self);
}

ClStaff *
cl_staff_new (const char  *id,
              const char  *name,
              ClStaffRole  role)
{
  ClStaff *self = g_new0 (ClStaff, 1);

  self->id = g_strdup (id);
  self->name = g_strdup (name);
  self->role = role;
  return self;
}

void
cl_staff_free (ClStaff *self)
{
  if (self == NULL)
    return;
  g_free (self->id);
  g_free (self->name);
  g_free (self->email);
  g_clear_pointer (&self->extra, json_object_unref);
  g_free (self);
}

static void
guardian_clear (gpointer data)
{
  ClGuardian *g = data;
  g_free (g->name);
  g_free (g->relationship);
  g_free (g->language);
  g_free (g->phone);
  g_free (g->email);
  g_free (g->address);
  g_clear_pointer (&g->extra, json_object_unref);
}

void
cl_guardian_copy (const ClGuardian *src,
                  ClGuardian       *dest)
{
  dest->name = g_strdup (src->name);
  dest->relationship = g_strdup (src->relationship);
  dest->language = g_strdup (src->language);
  dest->phone = g_strdup (src->phone);
  dest->email = g_strdup (src->email);
  dest->address = g_strdup (src->address);
  dest->extra = src->extra ? json_object_ref (src->extra) : NULL;
}

void
cl_guardian_clear (ClGuardian *guardian)
{
  guardian_clear (guardian);
  memset (guardian, 0, sizeof *guardian);
}

static void
event_clear (gpointer data)
{
  ClEvent *e = data;
  g_free (e->reason);
  g_clear_pointer (&e->extra, json_object_unref);
}

void
cl_event_copy (const ClEvent *src,
               ClEvent       *dest)
{
  *dest = *src;
  dest->reason = g_strdup (src->reason);
  dest->extra = src->extra ? json_object_ref (src->extra) : NULL;
}

void
cl_event_clear (ClEvent *event)
{
  event_clear (event);
  event->reason = NULL;
  event->extra = NULL;
}

void
cl_event_set_held_from (ClEvent         *event,
                        const ClMeeting *planned)
{
  JsonObject *extra = json_object_new ();
  char day[11];

  g_return_if_fail (event != NULL && planned != NULL && planned->id != NULL);

  if (event->extra != NULL)
    {
      g_autoptr(GList) names = json_object_get_members (event->extra);

      for (GList *l = names; l; l = l->next)
        json_object_set_member (extra, l->data, json_node_copy (json_object_get_member (event->extra, l->data)));
    }
  json_object_set_string_member (extra, "planned_meeting", planned->id);
  /* What a copy of an older held event said of its plan gives way to this plan's. */
  for (guint i = 0; i < 2; i++)
    if (json_object_has_member (extra, i == 0 ? "starts" : "location"))
      json_object_remove_member (extra, i == 0 ? "starts" : "location");
  if (planned->start_minutes >= 0)
    {
      g_autofree char *starts = NULL;

      cl_date_format_iso (planned->date, day);
      starts = g_strdup_printf ("%sT%02d:%02d", day, planned->start_minutes / 60, planned->start_minutes % 60);
      json_object_set_string_member (extra, "starts", starts);
    }
  if (planned->location != NULL)
    json_object_set_string_member (extra, "location", planned->location);
  g_clear_pointer (&event->extra, json_object_unref);
  event->extra = extra;
}

const char *
cl_event_get_planned_meeting (const ClEvent *event)
{
  g_return_val_if_fail (event != NULL, NULL);
  return event->type == CL_EVENT_IEP_MEETING ? cl_extra_get_string (event->extra, "planned_meeting") : NULL;
}

static void
invitee_clear (gpointer data)
{
  ClInvitee *i = data;
  g_free (i->name);
  g_free (i->staff_id);
  g_clear_pointer (&i->excusal.extra, json_object_unref);
  g_clear_pointer (&i->extra, json_object_unref);
}

static void
meeting_free (gpointer data)
{
  ClMeeting *m = data;
  g_free (m->id);
  g_free (m->location);
  g_free (m->interpreter);
  g_array_unref (m->invitees);
  g_clear_pointer (&m->extra, json_object_unref);
  g_free (m);
}

ClStudent *
cl_student_new (const char *id)
{
  ClStudent *self = g_new0 (ClStudent, 1);

  self->id = g_strdup (id);
  self->guardians = g_array_new (FALSE, TRUE, sizeof (ClGuardian));
  g_array_set_clear_func (self->guardians, guardian_clear);
  self->events = cl_event_array_new ();
  self->meetings = g_ptr_array_new_with_free_func (meeting_free);
  return self;
}

ClEvent *
cl_student_add_event (ClStudent   *self,
                      ClEventType  type,
                      ClDate       date)
{
  ClEvent event = { 0 };

  event.type = type;
  event.date = date;
  event.order = self->events->len;
  event.kind = -1;
  event.from = -1;
  event.eligible = TRUE;
  g_array_append_val (self->events, event);
  return &g_array_index (self->events, ClEvent, self->events->len - 1);
}

static int
compare_events (gconstpointer a,
                gconstpointer b)
{
  const ClEvent *ea = a;
  const ClEvent *eb = b;

  if (ea->date != eb->date)
    return ea->date < eb->date ? -1 : 1;
  return (ea->order > eb->order) - (ea->order < eb->order);
}

void
cl_student_sort_events (ClStudent *self)
{
  const ClEvent *e = (const ClEvent *) (gpointer) self->events->data;

  /* A file is mostly written in date order, and a database gives its rows in that order: a look
   * costs less than the sort's copies (and a stable sort of a sorted array changes nothing). */
  for (guint i = 1; i < self->events->len; i++)
    if (compare_events (&e[i - 1], &e[i]) > 0)
      {
        g_array_sort (self->events, compare_events);
        return;
      }
}

GArray *
cl_event_array_new (void)
{
  GArray *events = g_array_new (FALSE, TRUE, sizeof (ClEvent));

  g_array_set_clear_func (events, event_clear);
  return events;
}

void
cl_student_take_events (ClStudent *self,
                        GArray    *events)
{
  if (self->events->len == 0)
    {
      g_array_unref (self->events);
      self->events = events;
      return;
    }
  g_array_append_vals (self->events, events->data, events->len);
  /* Moved, not copied: what they point to is the student's now. */
  g_array_set_clear_func (events, NULL);
  g_array_unref (events);
}

void
cl_student_reserve_events (ClStudent *self,
                           guint      n)
{
  GArray *sized;

  if (self->events->len > 0 || n == 0)
    return;
  sized = g_array_sized_new (FALSE, TRUE, sizeof (ClEvent), n);
  g_array_set_clear_func (sized, event_clear);
  g_array_unref (self->events);
  self->events = sized;
}

void
cl_student_add_guardian (ClStudent  *self,
                         ClGuardian *guardian)
{
  g_array_append_vals (self->guardians, guardian, 1);
}

ClMeeting *
cl_student_add_meeting (ClStudent     *self,
                        const char    *id,
                        ClMeetingKind  kind,
                        ClDate         date)
{
  ClMeeting *m = g_new0 (ClMeeting, 1);

  m->id = g_strdup (id);
  m->kind = kind;
  m->date = date;
  m->start_minutes = -1;
  m->invitees = g_array_new (FALSE, TRUE, sizeof (ClInvitee));
  g_array_set_clear_func (m->invitees, invitee_clear);
  g_ptr_array_add (self->meetings, m);
  return m;
}

ClInvitee *
cl_meeting_add_invitee (ClMeeting     *self,
                        ClInviteeRole  role)
{
  ClInvitee invitee = { 0 };

  invitee.role = role;
  invitee.attending = TRUE;
  g_array_append_val (self->invitees, invitee);
  return &g_array_index (self->invitees, ClInvitee, self->invitees->len - 1);
}

ClMeeting *
cl_meeting_copy (const ClMeeting *src,
                 ClStudent       *owner)
{
  ClMeeting *m = cl_student_add_meeting (owner, src->id, src->kind, src->date);

  m->start_minutes = src->start_minutes;
  m->location = g_strdup (src->location);
  m->notice_sent = src->notice_sent;
  m->interpreter = g_strdup (src->interpreter);
  m->extra = src->extra ? json_object_ref (src->extra) : NULL;
  for (guint i = 0; i < src->invitees->len; i++)
    {
      const ClInvitee *s = &g_array_index (src->invitees, ClInvitee, i);
      ClInvitee *d = cl_meeting_add_invitee (m, s->role);

      d->name = g_strdup (s->name);
      d->staff_id = g_strdup (s->staff_id);
      d->attending = s->attending;
      d->excusal = s->excusal;
      d->excusal.extra = s->excusal.extra ? json_object_ref (s->excusal.extra) : NULL;
      d->extra = s->extra ? json_object_ref (s->extra) : NULL;
    }
  return m;
}

ClStudent *
cl_student_copy_details (const ClStudent *src)
{
  ClStudent *s = cl_student_new (src->id);

  s->first_name = g_strdup (src->first_name);
  s->last_name = g_strdup (src->last_name);
  s->birth_date = src->birth_date;
  s->school = src->school;
  s->grade = g_strdup (src->grade);
  s->case_manager = src->case_manager;
  s->home_language = g_strdup (src->home_language);
  s->english_learner = src->english_learner;
  s->eligibility_primary = g_strdup (src->eligibility_primary);
  s->eligibility_secondary = g_strdup (src->eligibility_secondary);
  s->conservatorship = src->conservatorship;
  s->part_c = src->part_c;
  s->emancipated_on = src->emancipated_on;
  s->jurisdiction = g_strdup (src->jurisdiction);
  s->eligibility_extra = src->eligibility_extra ? json_object_ref (src->eligibility_extra) : NULL;
  s->extra = src->extra ? json_object_ref (src->extra) : NULL;
  return s;
}

ClStudent *
cl_student_copy (const ClStudent *src)
{
  ClStudent *s = cl_student_copy_details (src);

  g_array_set_size (s->guardians, src->guardians->len);
  for (guint i = 0; i < src->guardians->len; i++)
    cl_guardian_copy (&g_array_index (src->guardians, ClGuardian, i), &g_array_index (s->guardians, ClGuardian, i));
  g_array_set_size (s->events, src->events->len);
  for (guint i = 0; i < src->events->len; i++)
    cl_event_copy (&g_array_index (src->events, ClEvent, i), &g_array_index (s->events, ClEvent, i));
  for (guint i = 0; i < src->meetings->len; i++)
    cl_meeting_copy (g_ptr_array_index (src->meetings, i), s);
  return s;
}

char *
cl_student_dup_display_name (const ClStudent *self)
{
  if (self->first_name && self->last_name)
    return g_strdup_printf ("%s %s", self->first_name, self->last_name);
  return g_strdup (self->last_name ? self->last_name : self->first_name ? self->first_name : self->id);
}

void
cl_student_free (ClStudent *self)
{
  if (self == NULL)
    return;
  g_free (self->id);
  g_free (self->first_name);
  g_free (self->last_name);
  g_free (self->grade);
  g_free (self->home_language);
  g_free (self->eligibility_primary);
  g_free (self->eligibility_secondary);
  g_free (self->jurisdiction);
  g_array_unref (self->guardians);
  g_array_unref (self->events);
  g_ptr_array_unref (self->meetings);
  g_clear_pointer (&self->eligibility_extra, json_object_unref);
  g_clear_pointer (&self->extra, json_object_unref);
  g_free (self);
}

GPtrArray *
_cl_ptr_array_dup (GPtrArray *array)
{
  GPtrArray *copy = g_ptr_array_sized_new (array->len);

  for (guint i = 0; i < array->len; i++)
    g_ptr_array_add (copy, g_ptr_array_index (array, i));
  return copy;
}

char *
cl_make_id (const char *name)
{
  g_autofree char *ascii = g_str_to_ascii (name ? name : "", "C");
  GString *id = g_string_new (NULL);

  for (const char *p = ascii; *p != '\0'; p++)
    {
      if (g_ascii_isalnum (*p))
        g_string_append_c (id, g_ascii_tolower (*p));
      else if (id->len > 0 && id->str[id->len - 1] != '-')
        g_string_append_c (id, '-');
    }
  if (id->len > 0 && id->str[id->len - 1] == '-')
    g_string_truncate (id, id->len - 1);
  if (id->len == 0)
    g_string_append_c (id, 'x');
  return g_string_free (id, FALSE);
}

ClCalendarYear *
cl_calendar_year_copy (const ClCalendarYear *self)
{
  ClCalendarYear *copy = cl_calendar_year_new (self->id, self->first_day, self->last_day);

  for (guint i = 0; i < self->closed->len; i++)
    {
      const ClClosedRange *r = &g_array_index (self->closed, ClClosedRange, i);

      cl_calendar_year_add_closed (copy, r->from, r->to, r->label, r->holiday);
      if (r->extra != NULL)
        g_array_index (copy->closed, ClClosedRange, i).extra = json_object_ref (r->extra);
    }
  if (self->extra != NULL)
    copy->extra = json_object_ref (self->extra);
  return copy;
}

ClCalendarYear *
cl_calendar_year_copy_to_next_year (const ClCalendarYear *self,
                                    const char           *id)
{
  const ClDate shift = 52 * 7;
  ClCalendarYear *next;

  next = cl_calendar_year_new (id, self->first_day + shift, self->last_day + shift);
  for (guint i = 0; i < self->closed->len; i++)
    {
      const ClClosedRange *r = &g_array_index (self->closed, ClClosedRange, i);
      cl_calendar_year_add_closed (next, r->from + shift, r->to + shift, r->label, r->holiday);
    }
  return next;
}
