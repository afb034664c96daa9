/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-bundle-reader.c — a caseload-bundle/1 JSON document into a ClCaseload
 *
 * Required: top-level "format" ("caseload-bundle/1") and "jurisdiction"; calendar id, first_day,
 * last_day; closed range from and to; school id and at least one calendar; staff id and role;
 * student id, birth_date and school; event type and date; meeting id, kind and starts; invitee
 * role. Everything else is optional. Members this version does not know are kept in the record's
 * `extra` for the round trip, never an error. Any problem fails the whole read with a message that
 * starts with its JSON path.
 */
#define G_LOG_DOMAIN "cl-bundle-reader"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "cl-bundle-reader.h"
#include "cl-json-strict.h"

G_DEFINE_QUARK (cl-bundle-error-quark, cl_bundle_error)

#define BUNDLE_FORMAT "caseload-bundle/1"

static const char * const eligibility_codes[] = {
  "AUT", "DB", "DHH", "HI", "ID", "MD", "OI", "OHI", "ED", "SLD", "SLI", "TBI", "VI", "EMD",
};

typedef const ClJsonValue Value;

typedef struct {
  ClCaseload *caseload;
  ClJsonDoc  *doc;       /* what is being read */
  GString    *path;      /* the JSON path of what is being read */
  GError    **error;
} Reader;

G_GNUC_PRINTF (2, 3)
static gboolean
fail (Reader     *r,
      const char *format,
      ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_set_error (r->error, CL_BUNDLE_ERROR, CL_BUNDLE_ERROR_INVALID, "%s: %s",
               r->path->len ? r->path->str : _("(root)"), message);
  return FALSE;
}

/* Path helpers: push a member or an index, pop back to a saved length. */
static gsize
push_member (Reader     *r,
             const char *name)
{
  gsize len = r->path->len;

  if (len > 0)
    g_string_append_c (r->path, '.');
  g_string_append (r->path, name);
  return len;
}

static gsize
push_index (Reader *r,
            guint   index)
{
  gsize len = r->path->len;
  char digits[16];
  guint n = 0;

  /* Once per element of every list, so not through printf. */
  do
    digits[n++] = (char) ('0' + index % 10);
  while ((index /= 10) > 0);
  g_string_append_c (r->path, '[');
  while (n > 0)
    g_string_append_c (r->path, digits[--n]);
  g_string_append_c (r->path, ']');
  return len;
}

static void
pop (Reader *r,
     gsize   len)
{
  g_string_truncate (r->path, len);
}

static const char *
type_name (Value *node)
{
  switch (node->type)
    {
    case CL_JSON_OBJECT: return _("an object");
    case CL_JSON_ARRAY: return _("an array");
    case CL_JSON_NULL: return "null";
    case CL_JSON_STRING: return _("a string");
    case CL_JSON_BOOLEAN: return _("a boolean");
    case CL_JSON_INT:
    case CL_JSON_DOUBLE:
    default: return _("a number");
    }
}

static inline const char *
text_of (Reader *r,
         Value  *node)
{
  return cl_json_doc_text (r->doc, node->string);
}

/* Each getter reports a wrong type with the member's path. A null member counts as absent. */
typedef enum { OPTIONAL, REQUIRED } Need;

static Value *
member (Reader     *r,
        Value      *o,
        const char *name)
{
  Value *node = cl_json_doc_member (r->doc, o, name);
  return node && node->type != CL_JSON_NULL ? node : NULL;
}

static gboolean
missing (Reader     *r,
         const char *name)
{
  return fail (r, _("missing required field \"%s\""), name);
}

static gboolean
get_string (Reader      *r,
            Value       *o,
            const char  *name,
            Need         need,
            const char **out)
{
  Value *node = member (r, o, name);
  gsize len;

  *out = NULL;
  if (node == NULL)
    return need == OPTIONAL || missing (r, name);
  if (node->type != CL_JSON_STRING)
    {
      len = push_member (r, name);
      fail (r, _("expected a string, found %s"), type_name (node));
      pop (r, len);
      return FALSE;
    }
  *out = text_of (r, node);
  if (need == REQUIRED && **out == '\0')
    {
      len = push_member (r, name);
      fail (r, _("must not be empty"));
      pop (r, len);
      return FALSE;
    }
  return TRUE;
}

static gboolean
get_dup_string (Reader     *r,
                Value      *o,
                const char *name,
                char      **out)
{
  const char *value;

  if (!get_string (r, o, name, OPTIONAL, &value))
    return FALSE;
  *out = g_strdup (value);
  return TRUE;
}

static gboolean
get_bool (Reader     *r,
          Value      *o,
          const char *name,
          gboolean    fallback,
          gboolean   *out)
{
  Value *node = member (r, o, name);

  *out = fallback;
  if (node == NULL)
    return TRUE;
  if (node->type != CL_JSON_BOOLEAN)
    {
      gsize len = push_member (r, name);
      fail (r, _("expected true or false, found %s"), type_name (node));
      pop (r, len);
      return FALSE;
    }
  *out = node->boolean;
  return TRUE;
}

static gboolean
get_date (Reader     *r,
          Value      *o,
          const char *name,
          Need        need,
          ClDate     *out)
{
  const char *text;
  gsize len;

  *out = CL_DATE_NONE;
  if (!get_string (r, o, name, need, &text))
    return FALSE;
  if (text == NULL)
    return TRUE;
  if (cl_date_parse_iso (text, out))
    return TRUE;
  len = push_member (r, name);
  fail (r, _("\"%s\" is not a date"), text);
  pop (r, len);
  return FALSE;
}

static gboolean
get_enum (Reader             *r,
          Value              *o,
          const char         *name,
          Need                need,
          const char * const *names,
          guint               n_names,
          const char         *what,
          int                *out)
{
  const char *text;
  gsize len;

  *out = -1;
  if (!get_string (r, o, name, need, &text))
    return FALSE;
  if (text == NULL)
    return TRUE;
  *out = cl_enum_from_name (names, n_names, text);
  if (*out >= 0)
    return TRUE;
  len = push_member (r, name);
  /* TRANSLATORS: what the field names ("staff role", translated on its own), then the text found */
  fail (r, _("unknown %s \"%s\""), _(what), text);
  pop (r, len);
  return FALSE;
}

static gboolean
get_object (Reader  *r,
            Value   *node,
            Value  **out)
{
  if (node == NULL || node->type != CL_JSON_OBJECT)
    return fail (r, _("expected an object, found %s"), node ? type_name (node) : _("nothing"));
  *out = node;
  return TRUE;
}

/* An optional array member; absent gives NULL. */
static gboolean
get_array (Reader      *r,
           Value       *o,
           const char  *name,
           Need         need,
           Value      **out)
{
  Value *node = member (r, o, name);

  *out = NULL;
  if (node == NULL)
    return need == OPTIONAL || missing (r, name);
  if (node->type != CL_JSON_ARRAY)
    {
      gsize len = push_member (r, name);
      fail (r, _("expected an array, found %s"), type_name (node));
      pop (r, len);
      return FALSE;
    }
  *out = node;
  return TRUE;
}

static inline gboolean
is_known (const char         *name,
          const char * const *known)
{
  /* Every member of every record passes here: the first letter is compared first. */
  for (guint k = 0; known[k] != NULL; k++)
    if (known[k][0] == name[0] && strcmp (known[k], name) == 0)
      return TRUE;
  return FALSE;
}

/* The members of @o not in @known, or NULL when there are none. */
static JsonObject *
collect_extra (Reader             *r,
               Value              *o,
               const char * const *known)
{
  g_autoptr(JsonObject) all = NULL;
  JsonObject *extra = NULL;
  JsonObjectIter iter;
  const char *name;
  JsonNode *node;
  Value *m = NULL;
  gboolean unknown = FALSE;

  CL_JSON_FOREACH_CHILD (o, i, m)
    if ((unknown = !is_known (cl_json_doc_text (r->doc, m->name), known)))
      break;
  if (!unknown)
    return NULL;

  /* The unknown members go in the order of a json-glib object of them all (its hash table's,
   * which is also the order they are written in): the known ones are there for that, as null. */
  all = json_object_new ();
  CL_JSON_FOREACH_CHILD (o, i, m)
    {
      const char *n = cl_json_doc_text (r->doc, m->name);

      json_object_set_member (all, n, is_known (n, known) ? json_node_new (JSON_NODE_NULL)
                                                          : cl_json_doc_to_node (r->doc, m));
    }
  json_object_iter_init (&iter, all);
  while (json_object_iter_next (&iter, &name, &node))
    {
      if (is_known (name, known))
        continue;
      if (extra == NULL)
        extra = json_object_new ();
      json_object_set_member (extra, name, json_node_copy (node));
    }
  return extra;
}

static gboolean
read_calendar (Reader     *r,
               Value      *o)
{
  static const char * const known[] = { "id", "first_day", "last_day", "closed", NULL };
  static const char * const known_range[] = { "from", "to", "label", "holiday", NULL };
  g_autoptr(ClCalendarYear) cal = NULL;
  const char *id;
  ClDate first, last;
  Value *closed, *item;

  if (!get_string (r, o, "id", REQUIRED, &id) ||
      !get_date (r, o, "first_day", REQUIRED, &first) ||
      !get_date (r, o, "last_day", REQUIRED, &last) ||
      !get_array (r, o, "closed", OPTIONAL, &closed))
    return FALSE;
  if (last < first)
    {
      gsize len = push_member (r, "last_day");
      fail (r, _("comes before first_day"));
      pop (r, len);
      return FALSE;
    }

  cal = cl_calendar_year_new (id, first, last);
  cal->extra = collect_extra (r, o, known);
  CL_JSON_FOREACH_CHILD (closed, i, item)
    {
      gsize len = push_member (r, "closed");
      Value *ro = NULL;
      ClDate from, to;
      const char *label;
      gboolean holiday;
      ClClosedRange *range;

      push_index (r, i);
      if (!get_object (r, item, &ro) ||
          !get_date (r, ro, "from", REQUIRED, &from) ||
          !get_date (r, ro, "to", REQUIRED, &to) ||
          !get_string (r, ro, "label", OPTIONAL, &label) ||
          !get_bool (r, ro, "holiday", FALSE, &holiday))
        return FALSE;
      if (to < from)
        {
          push_member (r, "to");
          return fail (r, _("comes before from"));
        }
      cl_calendar_year_add_closed (cal, from, to, label, holiday);
      range = &g_array_index (cal->closed, ClClosedRange, cal->closed->len - 1);
      range->extra = collect_extra (r, ro, known_range);
      pop (r, len);
    }

  if (!cl_caseload_add_calendar (r->caseload, cal))
    {
      push_member (r, "id");
      return fail (r, _("duplicate id \"%s\""), id);
    }
  g_steal_pointer (&cal);
  return TRUE;
}

static gboolean
read_school (Reader     *r,
             Value      *o)
{
  static const char * const known[] = { "id", "name", "calendars", NULL };
  g_autoptr(ClSchool) school = NULL;
  const char *id, *name;
  Value *calendars, *node;
  gsize len;

  if (!get_string (r, o, "id", REQUIRED, &id) ||
      !get_string (r, o, "name", OPTIONAL, &name) ||
      !get_array (r, o, "calendars", REQUIRED, &calendars))
    return FALSE;
  school = cl_school_new (id, name);
  school->extra = collect_extra (r, o, known);

  len = push_member (r, "calendars");
  if (calendars->count == 0)
    return fail (r, _("a school needs at least one calendar"));
  CL_JSON_FOREACH_CHILD (calendars, i, node)
    {
      gsize item = push_index (r, i);
      ClCalendarYear *cal;

      if (node->type != CL_JSON_STRING)
        return fail (r, _("expected a calendar id, found %s"), type_name (node));
      cal = cl_caseload_lookup_calendar (r->caseload, text_of (r, node));
      if (cal == NULL)
        return fail (r, _("unknown calendar \"%s\""), text_of (r, node));
      for (guint j = 0; j < school->calendars->len; j++)
        if (g_ptr_array_index (school->calendars, j) == cal)
          return fail (r, _("calendar \"%s\" listed twice"), cal->id);
      cl_school_add_calendar (school, cal);
      pop (r, item);
    }
  pop (r, len);

  if (!cl_caseload_add_school (r->caseload, school))
    {
      push_member (r, "id");
      return fail (r, _("duplicate id \"%s\""), id);
    }
  g_steal_pointer (&school);
  return TRUE;
}

static gboolean
read_staff (Reader     *r,
            Value      *o)
{
  static const char * const known[] = { "id", "name", "role", "email", NULL };
  g_autoptr(ClStaff) staff = NULL;
  const char *id, *name, *email;
  int role;

  if (!get_string (r, o, "id", REQUIRED, &id) ||
      !get_string (r, o, "name", OPTIONAL, &name) ||
      !get_enum (r, o, "role", REQUIRED, cl_staff_role_names, CL_N_STAFF_ROLES, N_("staff role"), &role) ||
      !get_string (r, o, "email", OPTIONAL, &email))
    return FALSE;
  staff = cl_staff_new (id, name, role);
  staff->email = g_strdup (email);
  staff->extra = collect_extra (r, o, known);
  if (!cl_caseload_add_staff (r->caseload, staff))
    {
      push_member (r, "id");
      return fail (r, _("duplicate id \"%s\""), id);
    }
  g_steal_pointer (&staff);
  return TRUE;
}

static gboolean
read_guardian (Reader     *r,
               Value      *o,
               ClStudent  *student)
{
  static const char * const known[] = {
    "name", "relationship", "language", "phone", "email", "address", NULL
  };
  ClGuardian g = { 0 };

  if (!get_dup_string (r, o, "name", &g.name) ||
      !get_dup_string (r, o, "relationship", &g.relationship) ||
      !get_dup_string (r, o, "language", &g.language) ||
      !get_dup_string (r, o, "phone", &g.phone) ||
      !get_dup_string (r, o, "email", &g.email) ||
      !get_dup_string (r, o, "address", &g.address))
    {
      g_free (g.name);
      g_free (g.relationship);
      g_free (g.language);
      g_free (g.phone);
      g_free (g.email);
      g_free (g.address);
      return FALSE;
    }
  g.extra = collect_extra (r, o, known);
  cl_student_add_guardian (student, &g);
  return TRUE;
}

static gboolean
read_number (Reader     *r,
             Value      *o,
             const char *name,
             Need        need,
             double     *out)
{
  Value *node = member (r, o, name);
  gsize len;

  *out = 0;
  if (node == NULL)
    return need == OPTIONAL || missing (r, name);
  len = push_member (r, name);
  if (node->type != CL_JSON_INT && node->type != CL_JSON_DOUBLE)
    return fail (r, _("expected a number, found %s"), type_name (node));
  *out = node->type == CL_JSON_INT ? (double) node->integer : node->number;
  if (!isfinite (*out) || *out < 0 || *out > 366)
    return fail (r, _("%g is not a number of school days"), *out);
  pop (r, len);
  return TRUE;
}

static gboolean
read_event (Reader     *r,
            Value      *o,
            ClStudent  *student)
{
  static const char * const known[] = {
    "type", "date", "source", "kind", "transition_plan", "age_of_majority_informed", "eligible",
    "from", "has_iep", "school_days", "special_circumstance", "reason", NULL
  };
  int type;
  ClDate date;
  ClEvent *e;
  gboolean flag;
  ClDate checked_date;
  int checked_enum;

  if (!get_enum (r, o, "type", REQUIRED, cl_event_type_names, CL_N_EVENT_TYPES, N_("event type"), &type) ||
      !get_date (r, o, "date", REQUIRED, &date))
    return FALSE;
  e = cl_student_add_event (student, type, date);
  e->extra = collect_extra (r, o, known);

  switch (type)
    {
    case CL_EVENT_REFERRAL:
      return get_enum (r, o, "source", OPTIONAL, cl_referral_source_names, CL_N_REFERRAL_SOURCES,
                       N_("referral source"), &e->from);
    case CL_EVENT_IEP_MEETING:
      if (!get_enum (r, o, "kind", REQUIRED, cl_meeting_kind_names, CL_N_MEETING_KINDS,
                     N_("meeting kind"), &e->kind))
        return FALSE;
      if (!get_bool (r, o, "transition_plan", FALSE, &flag))
        return FALSE;
      e->transition_plan = flag;
      if (!get_bool (r, o, "age_of_majority_informed", FALSE, &flag))
        return FALSE;
      e->age_of_majority_informed = flag;
      if (!get_bool (r, o, "eligible", TRUE, &flag))
        return FALSE;
      e->eligible = flag;
      return TRUE;
    case CL_EVENT_TRANSFER_IN:
      if (!get_enum (r, o, "from", OPTIONAL, cl_transfer_from_names, CL_N_TRANSFER_FROMS,
                     N_("transfer origin"), &e->from) ||
          !get_bool (r, o, "has_iep", FALSE, &flag))
        return FALSE;
      e->has_iep = flag;
      /* Checked here, kept in extra (see cl_extra_get_date()). */
      return get_date (r, o, "last_enrolled", OPTIONAL, &checked_date);
    case CL_EVENT_REMOVAL:
      if (!read_number (r, o, "school_days", REQUIRED, &e->school_days) ||
          !get_enum (r, o, "kind", REQUIRED, cl_removal_kind_names, CL_N_REMOVAL_KINDS,
                     N_("removal kind"), &e->kind) ||
          !get_enum (r, o, "special_circumstance", OPTIONAL, cl_special_circumstance_names,
                     CL_N_SPECIAL_CIRCUMSTANCES, N_("special circumstance"), &e->special))
        return FALSE;
      if (e->special < 0)
        e->special = CL_SPECIAL_NONE;
      return TRUE;
    case CL_EVENT_COMPLAINT:
      return get_enum (r, o, "kind", REQUIRED, cl_complaint_kind_names, CL_N_COMPLAINT_KINDS,
                       N_("complaint kind"), &e->kind) &&
             get_enum (r, o, "filed_by", OPTIONAL, cl_filed_by_names, CL_N_FILED_BY,
                       N_("complainant"), &checked_enum);
    /* Optional, like a referral's source: the app's event form can record these events by their
     * date alone, and what it saved must export and import again. Without them the engine moves
     * no date and counts back from no hearing. */
    case CL_EVENT_EXTENSION:
      return get_enum (r, o, "rule", OPTIONAL, cl_extended_rule_names, CL_N_EXTENDED_RULES,
                       N_("rule an extension can move"), &checked_enum) &&
             get_date (r, o, "until", OPTIONAL, &checked_date);
    case CL_EVENT_HEARING_SCHEDULED:
      return get_date (r, o, "hearing_date", OPTIONAL, &checked_date);
    case CL_EVENT_COMPLAINT_RESOLVED:
      return get_enum (r, o, "kind", OPTIONAL, cl_complaint_kind_names, CL_N_COMPLAINT_KINDS,
                       N_("complaint kind"), &e->kind);
    case CL_EVENT_EXIT:
      return get_dup_string (r, o, "reason", &e->reason);
    default:
      return TRUE;
    }
}

/* "2027-02-10T15:30", with optional seconds, or a bare date. A meeting's time is local to the
 * school: a zone suffix ("Z", "-08:00") is accepted and ignored, and a space may stand for "T". */
static gboolean
parse_starts (const char *text,
              ClDate     *date,
              int        *minutes)
{
  char day[11];
  int h, m, sec;
  gsize n = strlen (text);

  *minutes = -1;
  if (n < 10)
    return FALSE;
  memcpy (day, text, 10);
  day[10] = '\0';
  if (!cl_date_parse_iso (day, date))
    return FALSE;
  if (n == 10)
    return TRUE;
  if (n > 19 && (text[19] == 'Z' || text[19] == '+' || text[19] == '-'))
    n = 19;
  else if (n > 16 && (text[16] == 'Z' || text[16] == '+' || text[16] == '-'))
    n = 16;
  if ((n != 16 && n != 19) || (text[10] != 'T' && text[10] != ' ') || text[13] != ':' ||
      (n == 19 && text[16] != ':'))
    return FALSE;
  for (gsize i = 11; i < n; i++)
    if (i != 13 && i != 16 && !g_ascii_isdigit (text[i]))
      return FALSE;
  h = (text[11] - '0') * 10 + (text[12] - '0');
  m = (text[14] - '0') * 10 + (text[15] - '0');
  sec = n == 19 ? (text[17] - '0') * 10 + (text[18] - '0') : 0;
  if (h > 23 || m > 59 || sec > 59)
    return FALSE;
  *minutes = h * 60 + m;
  return TRUE;
}

static gboolean
read_invitee (Reader     *r,
              Value      *o,
              ClMeeting  *meeting)
{
  static const char * const known[] = { "role", "name", "staff", "attending", "excusal", NULL };
  static const char * const known_excusal[] = {
    "area_discussed", "parent_written_consent", "written_input", NULL
  };
  int role;
  const char *name, *staff_id;
  gboolean attending, discussed;
  ClDate lea_consent;
  Value *excusal_node;
  ClInvitee *inv;

  if (!get_enum (r, o, "role", REQUIRED, cl_role_names, CL_N_ROLES, N_("role"), &role) ||
      !get_string (r, o, "name", OPTIONAL, &name) ||
      !get_string (r, o, "staff", OPTIONAL, &staff_id) ||
      !get_bool (r, o, "attending", TRUE, &attending))
    return FALSE;
  if (staff_id != NULL && cl_caseload_lookup_staff (r->caseload, staff_id) == NULL)
    {
      push_member (r, "staff");
      return fail (r, _("unknown staff member \"%s\""), staff_id);
    }
  inv = cl_meeting_add_invitee (meeting, role);
  inv->name = g_strdup (name);
  inv->staff_id = g_strdup (staff_id);
  inv->attending = attending;
  inv->extra = collect_extra (r, o, known);

  excusal_node = member (r, o, "excusal");
  if (excusal_node != NULL)
    {
      gsize len = push_member (r, "excusal");
      Value *x = NULL;

      if (!get_object (r, excusal_node, &x) ||
          !get_bool (r, x, "area_discussed", FALSE, &discussed) ||
          !get_date (r, x, "parent_written_consent", OPTIONAL, &inv->excusal.parent_written_consent) ||
          !get_date (r, x, "written_input", OPTIONAL, &inv->excusal.written_input) ||
          !get_date (r, x, "lea_consent", OPTIONAL, &lea_consent))
        return FALSE;
      inv->excusal.present = TRUE;
      inv->excusal.area_discussed = discussed;
      inv->excusal.extra = collect_extra (r, x, known_excusal);
      pop (r, len);
    }
  return TRUE;
}

static gboolean
read_meeting (Reader     *r,
              Value      *o,
              ClStudent  *student)
{
  static const char * const known[] = {
    "id", "kind", "starts", "location", "notice_sent", "interpreter", "invitees", NULL
  };
  const char *id, *starts, *location, *interpreter;
  int kind, minutes;
  ClDate date, notice;
  Value *invitees, *item;
  ClMeeting *m;

  if (!get_string (r, o, "id", REQUIRED, &id) ||
      !get_enum (r, o, "kind", REQUIRED, cl_meeting_kind_names, CL_N_MEETING_KINDS, N_("meeting kind"), &kind) ||
      !get_string (r, o, "starts", REQUIRED, &starts) ||
      !get_string (r, o, "location", OPTIONAL, &location) ||
      !get_date (r, o, "notice_sent", OPTIONAL, &notice) ||
      !get_string (r, o, "interpreter", OPTIONAL, &interpreter) ||
      !get_array (r, o, "invitees", OPTIONAL, &invitees))
    return FALSE;
  if (!parse_starts (starts, &date, &minutes))
    {
      push_member (r, "starts");
      return fail (r, _("\"%s\" is not a date and time (YYYY-MM-DDTHH:MM)"), starts);
    }
  for (guint i = 0; i < student->meetings->len; i++)
    if (g_str_equal (((ClMeeting *) g_ptr_array_index (student->meetings, i))->id, id))
      {
        push_member (r, "id");
        return fail (r, _("duplicate meeting id \"%s\""), id);
      }

  m = cl_student_add_meeting (student, id, kind, date);
  m->start_minutes = minutes;
  m->location = g_strdup (location);
  m->notice_sent = notice;
  m->interpreter = g_strdup (interpreter);
  m->extra = collect_extra (r, o, known);

  CL_JSON_FOREACH_CHILD (invitees, i, item)
    {
      gsize len = push_member (r, "invitees");
      Value *io = NULL;

      push_index (r, i);
      if (!get_object (r, item, &io) ||
          !read_invitee (r, io, m))
        return FALSE;
      pop (r, len);
    }
  return TRUE;
}

static gboolean
read_eligibility (Reader     *r,
                  Value      *o,
                  ClStudent  *student)
{
  static const char * const known[] = { "primary", "secondary", NULL };
  const char * const names[] = { "primary", "secondary" };
  char **fields[] = { &student->eligibility_primary, &student->eligibility_secondary };
  Value *node = member (r, o, "eligibility");
  Value *e = NULL;
  gsize len;

  if (node == NULL)
    return TRUE;
  len = push_member (r, "eligibility");
  if (!get_object (r, node, &e))
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      int code;

      if (!get_enum (r, e, names[i], OPTIONAL, eligibility_codes, G_N_ELEMENTS (eligibility_codes),
                     N_("eligibility category"), &code))
        return FALSE;
      if (code >= 0)
        *fields[i] = g_strdup (eligibility_codes[code]);
    }
  student->eligibility_extra = collect_extra (r, e, known);
  pop (r, len);
  return TRUE;
}

static gboolean
read_student (Reader     *r,
              Value      *o)
{
  static const char * const known[] = {
    "id", "first_name", "last_name", "birth_date", "school", "grade", "case_manager",
    "home_language", "english_learner", "eligibility", "conservatorship", "part_c",
    "emancipated_on", "jurisdiction", "guardians", "events", "meetings", NULL
  };
  g_autoptr(ClStudent) student = NULL;
  const char *id, *school_id, *cm_id;
  Value *guardians, *events, *meetings, *element;
  gboolean flag;
  Value *grade;

  if (!get_string (r, o, "id", REQUIRED, &id))
    return FALSE;
  student = cl_student_new (id);
  if (!get_dup_string (r, o, "first_name", &student->first_name) ||
      !get_dup_string (r, o, "last_name", &student->last_name) ||
      !get_date (r, o, "birth_date", REQUIRED, &student->birth_date) ||
      !get_string (r, o, "school", REQUIRED, &school_id) ||
      !get_string (r, o, "case_manager", OPTIONAL, &cm_id) ||
      !get_dup_string (r, o, "home_language", &student->home_language) ||
      !get_dup_string (r, o, "jurisdiction", &student->jurisdiction) ||
      !get_date (r, o, "emancipated_on", OPTIONAL, &student->emancipated_on) ||
      !read_eligibility (r, o, student) ||
      !get_array (r, o, "guardians", OPTIONAL, &guardians) ||
      !get_array (r, o, "events", OPTIONAL, &events) ||
      !get_array (r, o, "meetings", OPTIONAL, &meetings))
    return FALSE;
  if (!get_bool (r, o, "english_learner", FALSE, &flag))
    return FALSE;
  student->english_learner = flag;
  if (!get_bool (r, o, "conservatorship", FALSE, &flag))
    return FALSE;
  student->conservatorship = flag;
  /* Checked here, kept in extra (see cl_extra_get_bool()). */
  if (!get_bool (r, o, "regular_education", TRUE, &flag))
    return FALSE;
  if (!get_bool (r, o, "part_c", FALSE, &flag))
    return FALSE;
  student->part_c = flag;

  /* Grades come as "10" or 10 or "K"; keep them as text. */
  grade = member (r, o, "grade");
  if (grade != NULL)
    {
      if (grade->type == CL_JSON_STRING)
        student->grade = g_strdup (text_of (r, grade));
      else if (grade->type == CL_JSON_INT)
        student->grade = g_strdup_printf ("%" G_GINT64_FORMAT, grade->integer);
      else
        {
          push_member (r, "grade");
          return fail (r, _("expected a string, found %s"), type_name (grade));
        }
    }

  student->school = cl_caseload_lookup_school (r->caseload, school_id);
  if (student->school == NULL)
    {
      push_member (r, "school");
      return fail (r, _("unknown school \"%s\""), school_id);
    }
  if (cm_id != NULL)
    {
      student->case_manager = cl_caseload_lookup_staff (r->caseload, cm_id);
      if (student->case_manager == NULL)
        {
          push_member (r, "case_manager");
          return fail (r, _("unknown staff member \"%s\""), cm_id);
        }
    }
  student->extra = collect_extra (r, o, known);

#define READ_LIST(array, name, read_one)                                  \
  CL_JSON_FOREACH_CHILD (array, i, element)                               \
    {                                                                     \
      gsize len = push_member (r, name);                                  \
      Value *item;                                                        \
                                                                          \
      push_index (r, i);                                                  \
      if (!get_object (r, element, &item) ||                              \
          !read_one (r, item, student))                                   \
        return FALSE;                                                     \
      pop (r, len);                                                       \
    }
  READ_LIST (guardians, "guardians", read_guardian);
  READ_LIST (events, "events", read_event);
  READ_LIST (meetings, "meetings", read_meeting);
#undef READ_LIST

  cl_student_sort_events (student);
  if (!cl_caseload_add_student (r->caseload, student))
    {
      push_member (r, "id");
      return fail (r, _("duplicate id \"%s\""), id);
    }
  g_steal_pointer (&student);
  return TRUE;
}

typedef gboolean (*ReadRecord) (Reader *r, Value *o);

/* Reads @name's elements from @first on; the ones before were read as they were parsed. */
static gboolean
read_list_from (Reader     *r,
                Value      *root,
                const char *name,
                ReadRecord  read_one,
                guint       first)
{
  Value *array, *element;
  gsize len;

  if (!get_array (r, root, name, OPTIONAL, &array))
    return FALSE;
  len = push_member (r, name);
  CL_JSON_FOREACH_CHILD (array, i, element)
    {
      gsize item;
      Value *o = NULL;

      if (i < first)
        continue;
      item = push_index (r, i);
      if (!get_object (r, element, &o) || !read_one (r, o))
        return FALSE;
      pop (r, item);
    }
  pop (r, len);
  return TRUE;
}

static gboolean
read_list (Reader     *r,
           Value      *root,
           const char *name,
           ReadRecord  read_one)
{
  return read_list_from (r, root, name, read_one, 0);
}

/* Everything before the students: the format, the jurisdiction, calendars, schools and staff. */
static gboolean
read_head (Reader     *r,
           Value      *o)
{
  const char *format, *jurisdiction;

  if (!get_string (r, o, "format", REQUIRED, &format))
    return FALSE;
  if (!g_str_equal (format, BUNDLE_FORMAT))
    {
      push_member (r, "format");
      return fail (r, _("\"%s\" is not %s"), format, BUNDLE_FORMAT);
    }
  if (!get_string (r, o, "jurisdiction", REQUIRED, &jurisdiction))
    return FALSE;
  cl_caseload_set_jurisdiction (r->caseload, jurisdiction);
  return read_list (r, o, "calendars", read_calendar) &&
         read_list (r, o, "schools", read_school) &&
         read_list (r, o, "staff", read_staff);
}

static ClCaseload *
read_rest (Reader     *r,
           Value      *o,
           guint       students_read)
{
  static const char * const known[] = {
    "format", "jurisdiction", "calendars", "schools", "staff", "students", NULL
  };
  g_autoptr(JsonObject) extra = NULL;

  if (!read_list_from (r, o, "students", read_student, students_read))
    return NULL;
  extra = collect_extra (r, o, known);
  cl_caseload_set_extra (r->caseload, extra);
  return g_object_ref (r->caseload);
}

/* The whole of @r->doc, from its root. */
static ClCaseload *
read_root (Reader *r)
{
  Value *o = NULL;

  if (!get_object (r, r->doc->values->len ? cl_json_doc_get (r->doc, 0) : NULL, &o) || !read_head (r, o))
    return NULL;
  return read_rest (r, o, 0);
}

ClCaseload *
cl_bundle_read_node (JsonNode  *root,
                     GError   **error)
{
  g_autoptr(ClCaseload) caseload = cl_caseload_new ();
  g_autoptr(GString) path = g_string_new (NULL);
  g_autoptr(ClJsonDoc) doc = cl_json_doc_new ();
  Reader r = { caseload, doc, path, error };

  if (root != NULL)
    cl_json_doc_add_node (doc, root);
  return read_root (&r);
}

/* The values of @object, for reading. */
static Value *
doc_of_object (ClJsonDoc  *doc,
               JsonObject *object)
{
  g_autoptr(JsonNode) node = json_node_init_object (json_node_alloc (), object);

  cl_json_doc_clear (doc);
  cl_json_doc_add_node (doc, node);
  return cl_json_doc_get (doc, 0);
}

/* Reading while json-glib parses, for what cl-json-strict.c does not take. Each student is read
 * as soon as the parser has finished it, and its subtree freed, so that json-glib's tree of a
 * large bundle is not all there at once. This needs calendars, schools and staff before the
 * students (the order Caseload writes); a bundle in another order is read from the whole tree.
 *
 * The parser's signals do not say where in the document an array is, so what was read while
 * parsing is checked once the tree is complete: the object the head was read from must be the
 * root, and the array the students came from must be the root's "students". When it was not (an
 * unknown member holding student-like objects, a root that is not an object), the document is
 * parsed again and read from the tree alone. */
typedef struct {
  Reader      r;
  ClJsonDoc  *head;          /* the values the head was read from */
  ClJsonDoc  *student;       /* the values of the student being read */
  JsonObject *root;          /* the top-level object, guessed from its first member */
  JsonArray  *students;      /* the array students were read from while parsing */
  gboolean    head_done;
  gboolean    give_up;       /* not in the streaming order: read from the tree at the end */
  guint       students_read;
  GError     *error;         /* a problem in what was read while parsing */
} Stream;

static void
on_object_member (JsonParser *parser,
                  JsonObject *object,
                  const char *member,
                  Stream     *stream)
{
  if (stream->root == NULL &&
      (g_str_equal (member, "format") || g_str_equal (member, "jurisdiction") ||
       g_str_equal (member, "calendars")))
    stream->root = object;
}

static void
on_array_element (JsonParser *parser,
                  JsonArray  *array,
                  int         index,
                  Stream     *stream)
{
  JsonNode *node = json_array_get_element (array, index);
  JsonObject *student;
  gsize len;

  if (stream->give_up || stream->error != NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return;
  student = json_node_get_object (node);
  if (!json_object_has_member (student, "birth_date") || !json_object_has_member (student, "school"))
    return;

  if (!stream->head_done)
    {
      /* Only a student of the top-level list, with everything it refers to already parsed. */
      if (stream->root == NULL || index != 0 ||
          !json_object_has_member (stream->root, "format") ||
          !json_object_has_member (stream->root, "jurisdiction") ||
          !json_object_has_member (stream->root, "calendars") ||
          !json_object_has_member (stream->root, "schools") ||
          !json_object_has_member (stream->root, "staff"))
        {
          stream->give_up = TRUE;
          return;
        }
      stream->r.error = &stream->error;
      stream->students = array;
      stream->r.doc = stream->head;
      if (!read_head (&stream->r, doc_of_object (stream->head, stream->root)))
        return;
      stream->head_done = TRUE;
    }
  if (array != stream->students || (guint) index != stream->students_read)
    {
      stream->give_up = TRUE;
      return;
    }

  g_string_assign (stream->r.path, "");
  len = push_member (&stream->r, "students");
  push_index (&stream->r, index);
  stream->r.doc = stream->student;
  if (!read_student (&stream->r, doc_of_object (stream->student, student)))
    return;
  pop (&stream->r, len);
  stream->students_read++;
  json_node_init_null (node);
}

/* Whether what was read while parsing came from where it had to: see above. */
static gboolean
stream_was_right (Stream   *stream,
                  JsonNode *root)
{
  JsonNode *students;

  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root) || json_node_get_object (root) != stream->root)
    return FALSE;
  if (stream->students == NULL)
    return TRUE;
  students = json_object_get_member (stream->root, "students");
  return students != NULL && JSON_NODE_HOLDS_ARRAY (students) &&
         json_node_get_array (students) == stream->students;
}

/* json-glib 1.6 parses nested values by recursion with no limit, so a few hundred thousand "["
 * would overflow the stack. This pass bounds the nesting before the parser sees the text. It also
 * refuses what strict JSON does not have but json-glib's scanner would take (comments, strings in
 * single quotes), so that its idea of where strings are is the parser's. */
#define MAX_NESTING 512

static gboolean
check_text (const char *data,
            gsize       length,
            GError    **error)
{
  guint depth = 0;
  guint line = 1;
  gsize line_start = 0;
  gboolean in_string = FALSE;

  for (gsize i = 0; i < length; i++)
    {
      char c = data[i];

      if (c == '\n')
        {
          line++;
          line_start = i + 1;
          continue;
        }
      if (in_string)
        {
          if (c == '\\')
            i++;
          else if (c == '"')
            in_string = FALSE;
          continue;
        }
      switch (c)
        {
        case '"':
          in_string = TRUE;
          break;
        case '{':
        case '[':
          if (++depth > MAX_NESTING)
            {
              g_set_error (error, CL_BUNDLE_ERROR, CL_BUNDLE_ERROR_SYNTAX,
                           /* TRANSLATORS: the line and column, as JSON-GLib's own messages give them */
                           _("(root): not valid JSON: <data>:%u:%u: nested more than %u levels deep"), line,
                           (guint) (i - line_start + 1), MAX_NESTING);
              return FALSE;
            }
          break;
        case '}':
        case ']':
          if (depth > 0)
            depth--;
          break;
        case '/':
        case '\'':
          g_set_error (error, CL_BUNDLE_ERROR, CL_BUNDLE_ERROR_SYNTAX,
                       _("(root): not valid JSON: <data>:%u:%u: unexpected character `%c'"), line,
                       (guint) (i - line_start + 1), c);
          return FALSE;
        default:
          break;
        }
    }
  return TRUE;
}

/* Parses @data with json-glib and reads it; with @streaming, students as they are parsed. Sets
 * @retry (and no error) when the streamed reading turned out to have read the wrong thing. */
static ClCaseload *
read_data (const char  *data,
           gsize        length,
           gboolean     streaming,
           gboolean    *retry,
           GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) local_error = NULL;
  g_autoptr(ClCaseload) caseload = cl_caseload_new ();
  g_autoptr(GString) path = g_string_new (NULL);
  g_autoptr(ClJsonDoc) head = cl_json_doc_new ();
  g_autoptr(ClJsonDoc) student = cl_json_doc_new ();
  Stream stream = { { caseload, NULL, path, NULL }, head, student, NULL, NULL, FALSE, FALSE, 0, NULL };
  JsonNode *root;

  *retry = FALSE;
  if (streaming)
    {
      g_signal_connect (parser, "object-member", G_CALLBACK (on_object_member), &stream);
      g_signal_connect (parser, "array-element", G_CALLBACK (on_array_element), &stream);
    }
  if (!json_parser_load_from_data (parser, data, length, &local_error))
    {
      g_clear_error (&stream.error);
      g_set_error (error, CL_BUNDLE_ERROR, CL_BUNDLE_ERROR_SYNTAX, _("(root): not valid JSON: %s"),
                   local_error->message);
      return NULL;
    }
  root = json_parser_get_root (parser);
  if (stream.error == NULL && !stream.head_done)
    return cl_bundle_read_node (root, error);   /* nothing was read while parsing */
  if (!stream_was_right (&stream, root))
    {
      g_clear_error (&stream.error);
      *retry = TRUE;
      return NULL;
    }
  if (stream.error != NULL)
    {
      g_propagate_error (error, stream.error);
      return NULL;
    }

  /* The students not read while parsing (none, normally), then what follows them: from the
   * values of the root, whose students read are null by now. */
  g_string_assign (path, "");
  stream.r.error = error;
  stream.r.doc = head;
  return read_rest (&stream.r, doc_of_object (head, stream.root), stream.students_read);
}

/* The reading over cl-json-strict.c's parser, which hands over each element of the root's
 * "students" as it is complete: read then (in the document's order, with the same messages as
 * from the whole document) once the head before it is there, and dropped. Returns FALSE (and no
 * error) when the text is not strict JSON, for json-glib to parse and judge. */
typedef struct {
  Reader   r;
  gboolean head_done;
  gboolean keep;            /* the head is not all before the students: read the whole */
  guint    students_read;
  GError  *error;           /* the first problem in what was read */
} StrictStream;

static gboolean
on_strict_student (ClJsonDoc *doc,
                   guint      element,
                   guint      index,
                   gpointer   user_data)
{
  static const char * const head[] = { "format", "jurisdiction", "calendars", "schools", "staff" };
  StrictStream *stream = user_data;
  Value *root = cl_json_doc_get (doc, 0);
  Value *student = NULL;
  gsize len;

  if (stream->keep)
    return FALSE;
  if (stream->error != NULL)
    return TRUE;   /* nothing after the first problem is read */
  if (!stream->head_done)
    {
      for (guint i = 0; i < G_N_ELEMENTS (head); i++)
        if (cl_json_doc_member (doc, root, head[i]) == NULL)
          {
            stream->keep = TRUE;
            return FALSE;
          }
      stream->r.error = &stream->error;
      stream->head_done = TRUE;
      if (!read_head (&stream->r, root))
        return TRUE;
    }

  g_string_assign (stream->r.path, "");
  len = push_member (&stream->r, "students");
  push_index (&stream->r, index);
  if (get_object (&stream->r, cl_json_doc_get (doc, element), &student) &&
      read_student (&stream->r, student))
    {
      pop (&stream->r, len);
      stream->students_read++;
    }
  return TRUE;
}

static gboolean
read_strict (const char  *data,
             gsize        length,
             ClCaseload **out,
             GError     **error)
{
  g_autoptr(ClCaseload) caseload = cl_caseload_new ();
  g_autoptr(GString) path = g_string_new (NULL);
  g_autoptr(ClJsonDoc) doc = cl_json_doc_new ();
  StrictStream stream = { { caseload, doc, path, NULL }, FALSE, FALSE, 0, NULL };

  *out = NULL;
  if (!cl_json_doc_parse (doc, data, length, "students", on_strict_student, &stream))
    {
      g_clear_error (&stream.error);
      return FALSE;
    }
  stream.r.error = error;
  if (stream.error != NULL)
    g_propagate_error (error, stream.error);
  else if (!stream.head_done)
    *out = read_root (&stream.r);   /* nothing was read while parsing */
  else
    {
      /* The students were all read; then what follows them. */
      g_string_assign (path, "");
      *out = read_rest (&stream.r, cl_json_doc_get (doc, 0), stream.students_read);
    }
  return TRUE;
}

ClCaseload *
cl_bundle_read_data (const char  *data,
                     gssize       length,
                     GError     **error)
{
  ClCaseload *result;
  gboolean retry;

  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (length < 0)
    length = strlen (data);
  if (length == 0)
    {
      g_set_error (error, CL_BUNDLE_ERROR, CL_BUNDLE_ERROR_SYNTAX, _("(root): the file is empty"));
      return NULL;
    }
  /* Strict JSON is UTF-8 (the parser checks its strings, and takes nothing else outside them)
   * and nested no deeper than check_text() allows: the checks of the text before json-glib
   * would find nothing in what the strict parser took, so they are only made when it did not. */
  if (read_strict (data, length, &result, error))
    return result;
  if (!g_utf8_validate (data, length, NULL))
    {
      g_set_error (error, CL_BUNDLE_ERROR, CL_BUNDLE_ERROR_SYNTAX,
                   _("(root): not a JSON bundle (the file is not UTF-8 text)"));
      return NULL;
    }
  if (!check_text (data, length, error))
    return NULL;
  result = read_data (data, length, TRUE, &retry, error);
  if (retry)
    result = read_data (data, length, FALSE, &retry, error);
  return result;
}
