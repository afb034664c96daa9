/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-bundle-writer.c — a ClCaseload as caseload-bundle/1 JSON */
#define G_LOG_DOMAIN "cl-bundle-writer"

#include "cl-bundle-writer.h"
#include "cl-json-writer.h"

/* Unknown members last, in the order they were read. */
static void
write_extra (ClJsonWriter *w,
             JsonObject   *extra)
{
  JsonObjectIter iter;
  const char *name;
  JsonNode *node;

  if (extra == NULL)
    return;
  json_object_iter_init (&iter, extra);
  while (json_object_iter_next (&iter, &name, &node))
    {
      g_autofree char *json = json_to_string (node, FALSE);

      cl_json_writer_name (w, name);
      cl_json_writer_raw (w, json);
    }
}

static void
write_optional_string (ClJsonWriter *w,
                       const char   *name,
                       const char   *value)
{
  if (value != NULL)
    cl_json_writer_member_string (w, name, value);
}

static void
write_optional_date (ClJsonWriter *w,
                     const char   *name,
                     ClDate        value)
{
  if (value != CL_DATE_NONE)
    cl_json_writer_member_date (w, name, value);
}

static void
write_calendar (ClJsonWriter         *w,
                const ClCalendarYear *cal)
{
  cl_json_writer_begin_object (w);
  cl_json_writer_member_string (w, "id", cal->id);
  cl_json_writer_member_date (w, "first_day", cal->first_day);
  cl_json_writer_member_date (w, "last_day", cal->last_day);
  cl_json_writer_name (w, "closed");
  cl_json_writer_begin_array (w);
  for (guint i = 0; i < cal->closed->len; i++)
    {
      const ClClosedRange *r = &g_array_index (cal->closed, ClClosedRange, i);

      cl_json_writer_begin_object (w);
      cl_json_writer_member_date (w, "from", r->from);
      cl_json_writer_member_date (w, "to", r->to);
      write_optional_string (w, "label", r->label);
      cl_json_writer_member_bool (w, "holiday", r->holiday);
      write_extra (w, r->extra);
      cl_json_writer_end_object (w);
    }
  cl_json_writer_end_array (w);
  write_extra (w, cal->extra);
  cl_json_writer_end_object (w);
}

static void
write_school (ClJsonWriter   *w,
              const ClSchool *school)
{
  cl_json_writer_begin_object (w);
  cl_json_writer_member_string (w, "id", school->id);
  write_optional_string (w, "name", school->name);
  cl_json_writer_name (w, "calendars");
  cl_json_writer_begin_array (w);
  for (guint i = 0; i < school->calendars->len; i++)
    cl_json_writer_string (w, ((ClCalendarYear *) g_ptr_array_index (school->calendars, i))->id);
  cl_json_writer_end_array (w);
  write_extra (w, school->extra);
  cl_json_writer_end_object (w);
}

static void
write_staff (ClJsonWriter  *w,
             const ClStaff *staff)
{
  cl_json_writer_begin_object (w);
  cl_json_writer_member_string (w, "id", staff->id);
  write_optional_string (w, "name", staff->name);
  cl_json_writer_member_string (w, "role", cl_staff_role_names[staff->role]);
  write_optional_string (w, "email", staff->email);
  write_extra (w, staff->extra);
  cl_json_writer_end_object (w);
}

static void
write_event (ClJsonWriter  *w,
             const ClEvent *e)
{
  cl_json_writer_begin_object (w);
  cl_json_writer_member_string (w, "type", cl_event_type_names[e->type]);
  cl_json_writer_member_date (w, "date", e->date);
  switch (e->type)
    {
    case CL_EVENT_REFERRAL:
      if (e->from >= 0)
        cl_json_writer_member_string (w, "source", cl_referral_source_names[e->from]);
      break;
    case CL_EVENT_IEP_MEETING:
      if (e->kind >= 0)
        cl_json_writer_member_string (w, "kind", cl_meeting_kind_names[e->kind]);
      cl_json_writer_member_bool (w, "transition_plan", e->transition_plan);
      cl_json_writer_member_bool (w, "age_of_majority_informed", e->age_of_majority_informed);
      if (e->kind == CL_MEETING_INITIAL || e->kind == CL_MEETING_TRIENNIAL)
        cl_json_writer_member_bool (w, "eligible", e->eligible);
      break;
    case CL_EVENT_TRANSFER_IN:
      if (e->from >= 0)
        cl_json_writer_member_string (w, "from", cl_transfer_from_names[e->from]);
      cl_json_writer_member_bool (w, "has_iep", e->has_iep);
      break;
    case CL_EVENT_REMOVAL:
      cl_json_writer_member_number (w, "school_days", e->school_days);
      if (e->kind >= 0)
        cl_json_writer_member_string (w, "kind", cl_removal_kind_names[e->kind]);
      if (e->special > CL_SPECIAL_NONE)
        cl_json_writer_member_string (w, "special_circumstance", cl_special_circumstance_names[e->special]);
      break;
    case CL_EVENT_COMPLAINT:
    case CL_EVENT_COMPLAINT_RESOLVED:
      if (e->kind >= 0)
        cl_json_writer_member_string (w, "kind", cl_complaint_kind_names[e->kind]);
      break;
    case CL_EVENT_EXIT:
      write_optional_string (w, "reason", e->reason);
      break;
    default:
      break;
    }
  write_extra (w, e->extra);
  cl_json_writer_end_object (w);
}

static void
write_invitee (ClJsonWriter    *w,
               const ClInvitee *inv)
{
  cl_json_writer_begin_object (w);
  cl_json_writer_member_string (w, "role", cl_role_names[inv->role]);
  write_optional_string (w, "name", inv->name);
  write_optional_string (w, "staff", inv->staff_id);
  cl_json_writer_member_bool (w, "attending", inv->attending);
  if (inv->excusal.present)
    {
      cl_json_writer_name (w, "excusal");
      cl_json_writer_begin_object (w);
      cl_json_writer_member_bool (w, "area_discussed", inv->excusal.area_discussed);
      write_optional_date (w, "parent_written_consent", inv->excusal.parent_written_consent);
      write_optional_date (w, "written_input", inv->excusal.written_input);
      write_extra (w, inv->excusal.extra);
      cl_json_writer_end_object (w);
    }
  write_extra (w, inv->extra);
  cl_json_writer_end_object (w);
}

static void
write_meeting (ClJsonWriter    *w,
               const ClMeeting *m)
{
  char date[11];

  cl_json_writer_begin_object (w);
  cl_json_writer_member_string (w, "id", m->id);
  cl_json_writer_member_string (w, "kind", cl_meeting_kind_names[m->kind]);
  cl_date_format_iso (m->date, date);
  if (m->start_minutes >= 0)
    {
      g_autofree char *starts = g_strdup_printf ("%sT%02d:%02d", date, m->start_minutes / 60,
                                                 m->start_minutes % 60);
      cl_json_writer_member_string (w, "starts", starts);
    }
  else
    cl_json_writer_member_string (w, "starts", date);
  write_optional_string (w, "location", m->location);
  write_optional_date (w, "notice_sent", m->notice_sent);
  write_optional_string (w, "interpreter", m->interpreter);
  cl_json_writer_name (w, "invitees");
  cl_json_writer_begin_array (w);
  for (guint i = 0; i < m->invitees->len; i++)
    write_invitee (w, &g_array_index (m->invitees, ClInvitee, i));
  cl_json_writer_end_array (w);
  write_extra (w, m->extra);
  cl_json_writer_end_object (w);
}

static void
write_student (ClJsonWriter    *w,
               const ClStudent *s)
{
  cl_json_writer_begin_object (w);
  cl_json_writer_member_string (w, "id", s->id);
  write_optional_string (w, "first_name", s->first_name);
  write_optional_string (w, "last_name", s->last_name);
  cl_json_writer_member_date (w, "birth_date", s->birth_date);
  cl_json_writer_member_string (w, "school", s->school ? s->school->id : NULL);
  write_optional_string (w, "grade", s->grade);
  if (s->case_manager)
    cl_json_writer_member_string (w, "case_manager", s->case_manager->id);
  write_optional_string (w, "home_language", s->home_language);
  cl_json_writer_member_bool (w, "english_learner", s->english_learner);
  if (s->eligibility_primary || s->eligibility_secondary || s->eligibility_extra)
    {
      cl_json_writer_name (w, "eligibility");
      cl_json_writer_begin_object (w);
      write_optional_string (w, "primary", s->eligibility_primary);
      write_optional_string (w, "secondary", s->eligibility_secondary);
      write_extra (w, s->eligibility_extra);
      cl_json_writer_end_object (w);
    }
  cl_json_writer_member_bool (w, "conservatorship", s->conservatorship);
  cl_json_writer_member_bool (w, "part_c", s->part_c);
  write_optional_date (w, "emancipated_on", s->emancipated_on);
  write_optional_string (w, "jurisdiction", s->jurisdiction);

  cl_json_writer_name (w, "guardians");
  cl_json_writer_begin_array (w);
  for (guint i = 0; i < s->guardians->len; i++)
    {
      const ClGuardian *g = &g_array_index (s->guardians, ClGuardian, i);

      cl_json_writer_begin_object (w);
      write_optional_string (w, "name", g->name);
      write_optional_string (w, "relationship", g->relationship);
      write_optional_string (w, "language", g->language);
      write_optional_string (w, "phone", g->phone);
      write_optional_string (w, "email", g->email);
      write_optional_string (w, "address", g->address);
      write_extra (w, g->extra);
      cl_json_writer_end_object (w);
    }
  cl_json_writer_end_array (w);

  cl_json_writer_name (w, "events");
  cl_json_writer_begin_array (w);
  for (guint i = 0; i < s->events->len; i++)
    write_event (w, &g_array_index (s->events, ClEvent, i));
  cl_json_writer_end_array (w);

  cl_json_writer_name (w, "meetings");
  cl_json_writer_begin_array (w);
  for (guint i = 0; i < s->meetings->len; i++)
    write_meeting (w, g_ptr_array_index (s->meetings, i));
  cl_json_writer_end_array (w);
  write_extra (w, s->extra);
  cl_json_writer_end_object (w);
}

void
cl_bundle_write_begin (ClJsonWriter *w,
                       GString      *out,
                       ClCaseload   *caseload)
{
  GPtrArray *list;

  g_return_if_fail (CL_IS_CASELOAD (caseload));

  /* Records one per line inside each top-level list: diffable, and small enough to read. */
  cl_json_writer_init (w, out, 2);
  cl_json_writer_begin_object (w);
  cl_json_writer_member_string (w, "format", "caseload-bundle/1");
  cl_json_writer_member_string (w, "jurisdiction", cl_caseload_get_jurisdiction (caseload));

#define WRITE_LIST(name, getter, write_one)                    \
  list = getter (caseload);                                    \
  cl_json_writer_name (w, name);                               \
  cl_json_writer_begin_array (w);                              \
  for (guint i = 0; i < list->len; i++)                        \
    write_one (w, g_ptr_array_index (list, i));                \
  cl_json_writer_end_array (w);

  WRITE_LIST ("calendars", cl_caseload_get_calendars, write_calendar);
  WRITE_LIST ("schools", cl_caseload_get_schools, write_school);
  WRITE_LIST ("staff", cl_caseload_get_staff, write_staff);
#undef WRITE_LIST

  cl_json_writer_name (w, "students");
  cl_json_writer_begin_array (w);
}

void
cl_bundle_write_student (ClJsonWriter    *w,
                         const ClStudent *student)
{
  write_student (w, student);
}

void
cl_bundle_write_end (ClJsonWriter *w,
                     ClCaseload   *caseload)
{
  g_return_if_fail (CL_IS_CASELOAD (caseload));

  cl_json_writer_end_array (w);
  write_extra (w, cl_caseload_get_extra (caseload));
  cl_json_writer_end_object (w);
}

char *
cl_bundle_write (ClCaseload *caseload)
{
  GString *out;
  ClJsonWriter w;
  GPtrArray *students;

  g_return_val_if_fail (CL_IS_CASELOAD (caseload), NULL);

  out = g_string_sized_new (4096);
  students = cl_caseload_get_students (caseload);
  cl_bundle_write_begin (&w, out, caseload);
  for (guint i = 0; i < students->len; i++)
    cl_bundle_write_student (&w, g_ptr_array_index (students, i));
  cl_bundle_write_end (&w, caseload);
  return g_string_free (out, FALSE);
}
