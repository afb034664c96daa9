/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-meeting-prep.c — who must be there, excusals, and attempts to bring the parent */
#define G_LOG_DOMAIN "cl-meeting-prep"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "cl-meeting-prep.h"
#include "cl-rule-ids.h"

const char * const cl_contact_method_names[CL_N_CONTACT_METHODS] = {
  "phone", "letter", "email", "home_visit", "other",
};

static gboolean
kind_listed (JsonObject    *requirement,
             ClMeetingKind  kind)
{
  JsonNode *kinds = json_object_get_member (requirement, "kinds");
  JsonArray *array;

  if (kinds == NULL)
    return TRUE;
  if (!JSON_NODE_HOLDS_ARRAY (kinds))
    return FALSE;
  array = json_node_get_array (kinds);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *item = json_array_get_element (array, i);
      if (JSON_NODE_HOLDS_VALUE (item) && json_node_get_value_type (item) == G_TYPE_STRING &&
          g_strcmp0 (json_node_get_string (item), cl_meeting_kind_names[kind]) == 0)
        return TRUE;
    }
  return FALSE;
}

gboolean
cl_meeting_prep_role_required (JsonObject      *requirement,
                               const ClStudent *student,
                               ClMeetingKind    kind,
                               ClDate           date)
{
  gint64 age = json_object_get_int_member_with_default (requirement, "transition_age", -1);
  ClDate birthday;

  if (g_strcmp0 (json_object_get_string_member_with_default (requirement, "role", NULL),
                 cl_role_names[CL_ROLE_GENERAL_EDUCATION_TEACHER]) == 0 &&
      !cl_extra_get_bool (student->extra, "regular_education", TRUE))
    return FALSE;
  if (age < 0)
    return kind_listed (requirement, kind);
  /* Transition is considered: the birthday falls within a year of the meeting, or has passed. */
  birthday = cl_date_add_years (student->birth_date, (int) age);
  if (birthday <= date)
    return TRUE;
  return kind_listed (requirement, kind) && birthday <= cl_date_add_years (date, 1);
}

static void
propose (GArray        *team,
         ClInviteeRole  role,
         gboolean       required,
         const char    *reason)
{
  ClProposedRole proposed = { role, required, reason };

  for (guint i = 0; i < team->len; i++)
    if (g_array_index (team, ClProposedRole, i).role == role)
      return;
  g_array_append_val (team, proposed);
}

static const char *
required_reason (ClInviteeRole role)
{
  switch (role)
    {
    case CL_ROLE_PARENT: return N_("The parent is a member of every IEP team.");
    case CL_ROLE_GENERAL_EDUCATION_TEACHER: return N_("At least one general education teacher, if the student is or may be in general education.");
    case CL_ROLE_SPECIAL_EDUCATION_TEACHER: return N_("At least one special education teacher or provider of the student.");
    case CL_ROLE_LEA_REPRESENTATIVE: return N_("A district representative who can commit resources.");
    case CL_ROLE_ASSESSMENT_INTERPRETER: return N_("Someone who can interpret the instructional implications of the assessment results.");
    case CL_ROLE_STUDENT: return N_("Transition is considered at this meeting: the student is invited.");
    default: return N_("Required by the rule pack.");
    }
}

static gboolean
family_needs_interpreter (const ClStudent *student)
{
  if (student->home_language && *student->home_language && !g_str_equal (student->home_language, "en"))
    return TRUE;
  for (guint i = 0; i < student->guardians->len; i++)
    {
      const ClGuardian *g = &g_array_index (student->guardians, ClGuardian, i);
      if (g->language && *g->language && !g_str_equal (g->language, "en"))
        return TRUE;
    }
  return FALSE;
}

GArray *
cl_meeting_prep_propose_team (const ClRule    *required_rule,
                              const ClStudent *student,
                              ClMeetingKind    kind,
                              ClDate           date)
{
  GArray *team = g_array_new (FALSE, FALSE, sizeof (ClProposedRole));
  JsonNode *required = required_rule ? json_object_get_member (required_rule->params, "required") : NULL;
  gboolean transition = FALSE;

  if (required != NULL && JSON_NODE_HOLDS_ARRAY (required))
    {
      JsonArray *list = json_node_get_array (required);

      for (guint i = 0; i < json_array_get_length (list); i++)
        {
          JsonNode *node = json_array_get_element (list, i);
          JsonObject *req;
          int role;

          if (!JSON_NODE_HOLDS_OBJECT (node))
            continue;
          req = json_node_get_object (node);
          role = cl_enum_from_name (cl_role_names, CL_N_ROLES,
                                    json_object_get_string_member_with_default (req, "role", NULL));
          if (role < 0 || !cl_meeting_prep_role_required (req, student, kind, date))
            continue;
          propose (team, role, TRUE, required_reason (role));
          if (role == CL_ROLE_STUDENT)
            transition = TRUE;
        }
    }

  /* What the handbook adds for this student (HB 7.2.B). */
  if (family_needs_interpreter (student))
    propose (team, CL_ROLE_INTERPRETER, FALSE, N_("The family's language is not English: arrange an interpreter."));
  if (transition)
    propose (team, CL_ROLE_AGENCY_REPRESENTATIVE, FALSE,
             N_("Agencies likely to provide or pay for transition services, with the parent's or adult student's consent."));
  if (student->part_c && kind == CL_MEETING_INITIAL &&
      date < cl_date_add_years (student->birth_date, 3) + 1)
    propose (team, CL_ROLE_PART_C_COORDINATOR, FALSE,
             N_("Part C transition: invite the Early Start service coordinator, at the parent's request."));
  propose (team, CL_ROLE_RELATED_SERVICE_PROVIDER, FALSE,
           N_("Others with knowledge or special expertise about the student, at the parent's or district's discretion."));
  return team;
}

ClExcusalState
cl_meeting_prep_excusal_state (const ClInvitee *invitee,
                               ClDate           meeting_date,
                               ClDate          *completed_on)
{
  const ClExcusal *x = &invitee->excusal;
  ClDate lea_consent;

  if (completed_on != NULL)
    *completed_on = CL_DATE_NONE;
  if (invitee->attending)
    return CL_EXCUSAL_NOT_NEEDED;
  if (!x->present)
    return CL_EXCUSAL_MISSING;
  if (x->parent_written_consent == CL_DATE_NONE || x->parent_written_consent > meeting_date)
    return CL_EXCUSAL_NEEDS_CONSENT;
  /* The member's input must reach the parent and the team "prior to the meeting" (HB 7.4,
   * lines 6292–6294): input dated the day of the meeting is too late. */
  if (x->area_discussed && (x->written_input == CL_DATE_NONE || x->written_input >= meeting_date))
    return CL_EXCUSAL_NEEDS_INPUT;
  /* The district must agree too (HB lines 6279–6280, 6290). */
  lea_consent = cl_extra_get_date (x->extra, "lea_consent");
  if (lea_consent > meeting_date)
    return CL_EXCUSAL_NEEDS_LEA_CONSENT;
  if (completed_on != NULL)
    *completed_on = MAX (x->area_discussed ? MAX (x->parent_written_consent, x->written_input)
                                           : x->parent_written_consent,
                         lea_consent);
  return CL_EXCUSAL_COMPLETE;
}

const char *
cl_excusal_state_explain (ClExcusalState state)
{
  switch (state)
    {
    case CL_EXCUSAL_NOT_NEEDED: return N_("Attending: no excusal needed.");
    case CL_EXCUSAL_COMPLETE: return N_("Excused in writing, as the law requires.");
    case CL_EXCUSAL_MISSING: return N_("Not attending and not excused: get the parent's written agreement, or invite them again.");
    case CL_EXCUSAL_NEEDS_CONSENT: return N_("The parent's written agreement is missing or dated after the meeting.");
    case CL_EXCUSAL_NEEDS_INPUT: return N_("Their area is discussed: their written input must reach the parent and the team before the meeting.");
    case CL_EXCUSAL_NEEDS_LEA_CONSENT: return N_("The district's written agreement to the excusal is dated after the meeting.");
    default: return "";
    }
}

gboolean
cl_meeting_prep_attempts_enough (const ClContactAttempt *attempts,
                                 guint                   n_attempts,
                                 ClDate                  meeting_date,
                                 guint                   min_attempts,
                                 guint                   min_methods)
{
  gboolean used[CL_N_CONTACT_METHODS] = { FALSE };
  guint count = 0, methods = 0;

  for (guint i = 0; i < n_attempts; i++)
    {
      if (attempts[i].date == CL_DATE_NONE || attempts[i].date > meeting_date ||
          attempts[i].method >= CL_N_CONTACT_METHODS)
        continue;
      count++;
      if (!used[attempts[i].method])
        {
          used[attempts[i].method] = TRUE;
          methods++;
        }
    }
  return count >= min_attempts && methods >= min_methods;
}

const ClRule *
cl_meeting_prep_required_rule (ClRulePackSet   *packs,
                               ClCaseload      *caseload,
                               const ClStudent *student)
{
  const char *pack_id = student->jurisdiction ? student->jurisdiction : cl_caseload_get_jurisdiction (caseload);
  const ClRulePack *pack = pack_id && packs ? cl_rule_pack_set_lookup (packs, pack_id, NULL) : NULL;

  return pack ? cl_rule_pack_lookup (pack, CL_RULE_REQUIRED_MEMBER_MISSING) : NULL;
}

ClMeetingKind
cl_meeting_prep_suggested_kind (GPtrArray *obligations)
{
  static const struct { const char *rule; ClMeetingKind kind; } kinds[] = {
    { CL_RULE_INITIAL_IEP_DUE, CL_MEETING_INITIAL }, { CL_RULE_PRESCHOOL_IEP_DUE, CL_MEETING_INITIAL },
    { CL_RULE_TRIENNIAL_DUE, CL_MEETING_TRIENNIAL }, { CL_RULE_ANNUAL_REVIEW_DUE, CL_MEETING_ANNUAL },
    { CL_RULE_INTERIM_IEP_DUE, CL_MEETING_INTERIM }, { CL_RULE_MANIFESTATION_DETERMINATION_DUE, CL_MEETING_MANIFESTATION },
  };
  ClMeetingKind best = CL_MEETING_ANNUAL;
  ClDate best_due = G_MAXUINT32;

  for (guint i = 0; obligations && i < obligations->len; i++)
    {
      const ClObligation *ob = g_ptr_array_index (obligations, i);

      if (ob->met_on != CL_DATE_NONE || ob->due >= best_due)
        continue;
      for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
        if (g_str_equal (ob->rule->id, kinds[k].rule))
          {
            best = kinds[k].kind;
            best_due = ob->due;
          }
    }
  return best;
}
