/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-rules-meetings.c — what a planned meeting needs before it is held
 *
 * meeting_notice_due, required_member_missing and excusal_incomplete (rules.md §4; HB 7.2, 7.4).
 */
#define G_LOG_DOMAIN "cl-rules-meetings"

#include "cl-deadline-engine-private.h"
#include "cl-meeting-prep.h"

static gboolean
string_in_array (JsonArray  *array,
                 const char *value)
{
  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      JsonNode *item = json_array_get_element (array, i);
      if (JSON_NODE_HOLDS_VALUE (item) && json_node_get_value_type (item) == G_TYPE_STRING &&
          g_strcmp0 (json_node_get_string (item), value) == 0)
        return TRUE;
    }
  return FALSE;
}

static JsonArray *
rule_array (const ClRule *rule,
            const char   *member)
{
  JsonNode *node = cl_rule_get_member (rule, member);
  return node && JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;
}

static void
meeting_notice_due (ClRuleContext *ctx,
                    const ClRule  *rule)
{
  int days_before = cl_rule_get_int (rule, "days_before", 10);

  for (guint i = 0; i < ctx->student->meetings->len; i++)
    {
      const ClMeeting *m = g_ptr_array_index (ctx->student->meetings, i);
      ClDate met_on = m->notice_sent != CL_DATE_NONE && m->notice_sent <= m->date ? m->notice_sent
                                                                                 : CL_DATE_NONE;
      ClObligation *ob = _cl_rule_emit (ctx, rule, CL_EMIT_DEFAULT, m->date - days_before, met_on,
                                        m->date, "meeting",
                                        &(ClCounted) { .way = CL_COUNTED_DAYS_BEFORE_MEETING,
                                                       .days = (guint) days_before,
                                                       .meeting_kind = m->kind });
      if (ob != NULL)
        ob->meeting = m;
    }
}

static gboolean
has_role (const ClMeeting *m,
          ClInviteeRole    role)
{
  for (guint i = 0; i < m->invitees->len; i++)
    if (g_array_index (m->invitees, ClInvitee, i).role == role)
      return TRUE;
  return FALSE;
}

static void
required_member_missing (ClRuleContext *ctx,
                         const ClRule  *rule)
{
  JsonArray *required = rule_array (rule, "required");

  for (guint i = 0; i < ctx->student->meetings->len; i++)
    {
      const ClMeeting *m = g_ptr_array_index (ctx->student->meetings, i);

      for (guint r = 0; required != NULL && r < json_array_get_length (required); r++)
        {
          JsonNode *req_node = json_array_get_element (required, r);
          JsonObject *req = JSON_NODE_HOLDS_OBJECT (req_node) ? json_node_get_object (req_node) : NULL;
          const char *role_name = req ? json_object_get_string_member_with_default (req, "role", NULL)
                                      : NULL;
          int role = cl_enum_from_name (cl_role_names, CL_N_ROLES, role_name);
          ClObligation *ob;

          if (role < 0 || !cl_meeting_prep_role_required (req, ctx->student, m->kind, m->date) ||
              has_role (m, role))
            continue;
          ob = _cl_rule_emit (ctx, rule, CL_EMIT_DEFAULT, m->date, CL_DATE_NONE, m->date, "meeting",
                              &(ClCounted) { .way = CL_COUNTED_MEMBER_NOT_INVITED,
                                             .meeting_kind = m->kind });
          if (ob != NULL)
            {
              ob->meeting = m;
              ob->role = role;
            }
        }
    }
}

static ClDate
excusal_completed_on (const ClInvitee *invitee,
                      ClDate           meeting_date)
{
  ClDate completed_on;

  cl_meeting_prep_excusal_state (invitee, meeting_date, &completed_on);
  return completed_on;
}

static void
excusal_incomplete (ClRuleContext *ctx,
                    const ClRule  *rule)
{
  JsonArray *roles = rule_array (rule, "roles");

  for (guint i = 0; i < ctx->student->meetings->len; i++)
    {
      const ClMeeting *m = g_ptr_array_index (ctx->student->meetings, i);

      for (guint j = 0; j < m->invitees->len; j++)
        {
          const ClInvitee *inv = &g_array_index (m->invitees, ClInvitee, j);
          ClObligation *ob;

          if (inv->attending || !string_in_array (roles, cl_role_names[inv->role]))
            continue;
          ob = _cl_rule_emit (ctx, rule, CL_EMIT_DEFAULT, m->date,
                              excusal_completed_on (inv, m->date), m->date, "meeting",
                              &(ClCounted) { .way = CL_COUNTED_EXCUSAL, .name = inv->name,
                                             .flag = inv->excusal.area_discussed,
                                             .meeting_kind = m->kind });
          if (ob != NULL)
            {
              ob->meeting = m;
              ob->role = inv->role;
            }
        }
    }
}

const ClRuleAlgorithm _cl_rules_meetings[] = {
  { "meeting_notice_due", meeting_notice_due },
  { "required_member_missing", required_member_missing },
  { "excusal_incomplete", excusal_incomplete },
  { NULL, NULL },
};
