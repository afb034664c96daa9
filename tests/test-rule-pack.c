/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-rule-pack.c — packs as data: inheritance, district overrides, refusal of bad packs */
#include <glib/gstdio.h>

#include "cl-rule-pack.h"

static ClRulePackSet *
builtin (void)
{
  g_autoptr(GError) error = NULL;
  ClRulePackSet *set = cl_rule_pack_set_new_builtin (&error);

  g_assert_no_error (error);
  g_assert_nonnull (set);
  return set;
}

static void
test_builtin_packs (void)
{
  g_autoptr(ClRulePackSet) set = builtin ();
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) ids = cl_rule_pack_set_list_ids (set);
  const ClRulePack *us, *ca, *ut;
  const ClRule *rule;
  /* rules.md §4: rules every pack computes, and those only California adds. */
  const char *all_packs[] = {
    "initial_iep_due", "annual_review_due", "triennial_due", "transition_plan_due",
    "age_of_majority_notice_due", "rights_transfer_notice_due", "manifestation_determination_due",
    "removal_services_required", "iaes_ends", "records_request_due", "meeting_notice_due",
    "excusal_incomplete", "required_member_missing", "complaint_decision_due",
    "resolution_session_due", "due_process_response_due", "transition_conference_due",
    "preschool_iep_due", "eligibility_ends", "surrogate_parent_due", "hearing_disclosure_due",
  };
  const char *ca_only[] = {
    "assessment_plan_due", "interim_iep_due", "requested_meeting_due", "suspension_limit_exceeded",
    "reassessment_response_due", "reassessment_iep_due", "records_transfer_due",
    "surrogate_notice_due", "el_assessment_due", "primary_language_assessment_due",
    "plan_decision_followup",
  };

  g_assert_cmpstrv (ids, ((const char *[]) { "CA", "US", "UT", NULL }));
  us = cl_rule_pack_set_lookup (set, "US", &error);
  g_assert_no_error (error);
  ca = cl_rule_pack_set_lookup (set, "CA", &error);
  g_assert_no_error (error);
  ut = cl_rule_pack_set_lookup (set, "UT", &error);
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (all_packs); i++)
    {
      const ClRulePack *packs[] = { us, ca, ut };
      for (guint p = 0; p < G_N_ELEMENTS (packs); p++)
        {
          rule = cl_rule_pack_lookup (packs[p], all_packs[i]);
          g_assert_nonnull (rule);
          g_assert_cmpstr (rule->sentence, !=, "");
          g_assert_cmpstr (rule->citation, !=, "");
        }
    }
  for (guint i = 0; i < G_N_ELEMENTS (ca_only); i++)
    {
      g_assert_nonnull (cl_rule_pack_lookup (ca, ca_only[i]));
      g_assert_null (cl_rule_pack_lookup (us, ca_only[i]));
      g_assert_null (cl_rule_pack_lookup (ut, ca_only[i]));
    }
  g_assert_cmpuint (cl_rule_pack_get_rules (ca)->len, ==, G_N_ELEMENTS (all_packs) + G_N_ELEMENTS (ca_only));

  /* CA overrides the count and keeps the inherited sentence. */
  rule = cl_rule_pack_lookup (us, "initial_iep_due");
  g_assert_cmpint (cl_rule_get_count_kind (rule, "count", CL_COUNT_SCHOOL), ==, CL_COUNT_CALENDAR);
  rule = cl_rule_pack_lookup (ca, "initial_iep_due");
  g_assert_cmpint (cl_rule_get_count_kind (rule, "count", CL_COUNT_SCHOOL), ==, CL_COUNT_CA_PAUSE);
  g_assert_cmpstr (rule->sentence, ==, "Hold the initial IEP meeting within 60 days of the signed assessment plan.");
  g_assert_cmpstr (rule->citation, ==, "EC 56043(c), EC 56043(f), EC 56344(a)");

  /* rules.md §3 warning windows. */
  g_assert_cmpint (cl_rule_pack_lookup (ca, "annual_review_due")->warning_days, ==, 30);
  g_assert_cmpint (cl_rule_pack_lookup (ca, "transition_plan_due")->warning_days, ==, 60);
  g_assert_cmpint (cl_rule_pack_lookup (ca, "eligibility_ends")->warning_days, ==, 60);
  g_assert_cmpint (cl_rule_pack_lookup (ca, "records_request_due")->warning_days, ==, 14);
  /* rules.md §4 surrogate_parent_due: 30 calendar days (US, UT: 002 line 143), CA 5 working days. */
  rule = cl_rule_pack_lookup (us, "surrogate_parent_due");
  g_assert_cmpint (cl_rule_get_count_kind (rule, "count", CL_COUNT_SCHOOL), ==, CL_COUNT_CALENDAR);
  g_assert_cmpint (cl_rule_get_int (rule, "days", 0), ==, 30);
  rule = cl_rule_pack_lookup (ut, "surrogate_parent_due");
  g_assert_cmpint (cl_rule_get_int (rule, "days", 0), ==, 30);
  g_assert_cmpstr (rule->citation, ==, "UT Rules IV.T, 34 CFR 300.519(h)");
  rule = cl_rule_pack_lookup (ca, "surrogate_parent_due");
  g_assert_cmpint (cl_rule_get_count_kind (rule, "count", CL_COUNT_SCHOOL), ==, CL_COUNT_BUSINESS);
  g_assert_cmpint (cl_rule_get_int (rule, "days", 0), ==, 5);
  g_assert_cmpint (cl_rule_get_int (cl_rule_pack_lookup (ut, "hearing_disclosure_due"), "days_before", 0), ==, 5);
  g_assert_true (cl_rule_get_bool (cl_rule_pack_lookup (ut, "rights_transfer_notice_due"),
                                   "emancipation_transfers_rights", FALSE));
  g_assert_false (cl_rule_get_bool (cl_rule_pack_lookup (ca, "rights_transfer_notice_due"),
                                    "emancipation_transfers_rights", FALSE));
}

static void
test_district_pack (void)
{
  g_autoptr(ClRulePackSet) set = builtin ();
  g_autoptr(GError) error = NULL;
  const char *district =
    "{ \"id\": \"CA-LODI\", \"name\": \"Lodi Unified\", \"extends\": \"CA\", \"rules\": {"
    "  \"assessment_plan_due\": { \"end_of_year\": { \"window_days\": 10 } },"
    "  \"meeting_notice_due\": { \"days_before\": 14 },"
    "  \"suspension_limit_exceeded\": { \"disabled\": true } } }";
  const ClRulePack *pack;
  const ClRule *rule;
  JsonObject *eoy;

  g_assert_true (cl_rule_pack_set_add_data (set, district, -1, "lodi.json", &error));
  g_assert_no_error (error);
  pack = cl_rule_pack_set_lookup (set, "CA-LODI", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (cl_rule_pack_get_name (pack), ==, "Lodi Unified");

  /* Nested objects merge member by member: the statute's 10 days, the same 10 days after. */
  rule = cl_rule_pack_lookup (pack, "assessment_plan_due");
  eoy = cl_rule_get_object (rule, "end_of_year");
  g_assert_cmpint (json_object_get_int_member (eoy, "window_days"), ==, 10);
  g_assert_cmpint (json_object_get_int_member (eoy, "days_after_first_day"), ==, 10);
  g_assert_cmpint (cl_rule_get_int (rule, "days", 0), ==, 15);
  g_assert_cmpint (cl_rule_get_int (cl_rule_pack_lookup (pack, "meeting_notice_due"), "days_before", 0), ==, 14);
  g_assert_null (cl_rule_pack_lookup (pack, "suspension_limit_exceeded"));
  /* The state pack itself is untouched. */
  g_assert_nonnull (cl_rule_pack_lookup (cl_rule_pack_set_lookup (set, "CA", NULL), "suspension_limit_exceeded"));
}

static void
test_bad_packs (void)
{
  const struct { const char *json; const char *message; int code; } cases[] = {
    { "{", "x.json: ", CL_RULE_PACK_ERROR_INVALID },
    { "[]", "x.json: a rule pack is a JSON object", CL_RULE_PACK_ERROR_INVALID },
    { "{\"rules\": {}}", "x.json: id: missing pack id", CL_RULE_PACK_ERROR_INVALID },
    { "{\"id\": 4, \"rules\": {}}", "x.json: id: missing pack id", CL_RULE_PACK_ERROR_INVALID },
    { "{\"id\": \"X\"}", "x.json: rules: expected an object of rules", CL_RULE_PACK_ERROR_INVALID },
    { "{\"id\": \"X\", \"rules\": {\"a\": 3}}", "x.json: rules.a: expected an object", CL_RULE_PACK_ERROR_INVALID },
    { "{\"id\": \"X\", \"rules\": {\"a\": {\"days\": \"15\"}}}", "x.json: rules.a.days: expected a whole number", CL_RULE_PACK_ERROR_INVALID },
    { "{\"id\": \"X\", \"rules\": {\"a\": {\"days\": -1}}}", "x.json: rules.a.days: expected a whole number", CL_RULE_PACK_ERROR_INVALID },
    { "{\"id\": \"X\", \"rules\": {\"a\": {\"count\": \"weekdays\"}}}", "x.json: rules.a.count: expected one of", CL_RULE_PACK_ERROR_INVALID },
    { "{\"id\": \"X\", \"rules\": {\"a\": {\"end_by_month\": [\"06-30\"]}}}", "x.json: rules.a.end_by_month: expected twelve", CL_RULE_PACK_ERROR_INVALID },
    { "{\"id\": \"X\", \"rules\": {\"a\": {\"kinds\": {\"ucp\": {\"days\": true}}}}}", "x.json: rules.a.kinds.ucp.days: expected a whole number", CL_RULE_PACK_ERROR_INVALID },
    { "{\"id\": \"X\", \"rules\": {\"a\": {\"required\": [{\"role\": 1}]}}}", "x.json: rules.a.required[0].role: expected a string", CL_RULE_PACK_ERROR_INVALID },
    { "{\"id\": \"X\", \"extends\": 5, \"rules\": {}}", "x.json: extends: expected the id of a pack", CL_RULE_PACK_ERROR_INVALID },
    { "{\"id\": \"X\", \"rules\": {\"a\": {\"parent_attempts\": 0}}}", "x.json: rules.a.parent_attempts: expected a whole number from 1", CL_RULE_PACK_ERROR_INVALID },
    { "{\"id\": \"X\", \"rules\": {\"a\": {\"parent_attempt_methods\": \"two\"}}}", "x.json: rules.a.parent_attempt_methods: expected a whole number from 1", CL_RULE_PACK_ERROR_INVALID },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(ClRulePackSet) set = builtin ();
      g_autoptr(GError) error = NULL;

      g_assert_false (cl_rule_pack_set_add_data (set, cases[i].json, -1, "x.json", &error));
      g_assert_error (error, CL_RULE_PACK_ERROR, cases[i].code);
      g_test_message ("%s -> %s", cases[i].json, error->message);
      g_assert_true (g_str_has_prefix (error->message, cases[i].message));
    }
}

static void
test_unknown_and_cycles (void)
{
  g_autoptr(ClRulePackSet) set = builtin ();
  g_autoptr(GError) error = NULL;

  g_assert_null (cl_rule_pack_set_lookup (set, "TX", &error));
  g_assert_error (error, CL_RULE_PACK_ERROR, CL_RULE_PACK_ERROR_UNKNOWN_PACK);
  g_clear_error (&error);

  g_assert_true (cl_rule_pack_set_add_data (set, "{\"id\":\"A\",\"extends\":\"B\",\"rules\":{}}", -1, "a", NULL));
  g_assert_true (cl_rule_pack_set_add_data (set, "{\"id\":\"B\",\"extends\":\"A\",\"rules\":{}}", -1, "b", NULL));
  g_assert_null (cl_rule_pack_set_lookup (set, "A", &error));
  g_assert_error (error, CL_RULE_PACK_ERROR, CL_RULE_PACK_ERROR_CYCLE);
  g_clear_error (&error);

  g_assert_true (cl_rule_pack_set_add_data (set, "{\"id\":\"C\",\"extends\":\"NOPE\",\"rules\":{}}", -1, "c", NULL));
  g_assert_null (cl_rule_pack_set_lookup (set, "C", &error));
  g_assert_error (error, CL_RULE_PACK_ERROR, CL_RULE_PACK_ERROR_UNKNOWN_PACK);
}

static void
test_pack_directory (void)
{
  g_autoptr(ClRulePackSet) set = builtin ();
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("caseload-rules-XXXXXX", &error);
  g_autofree char *file = NULL;
  g_autofree char *other = NULL;

  g_assert_no_error (error);
  file = g_build_filename (dir, "district.json", NULL);
  other = g_build_filename (dir, "README.txt", NULL);
  g_assert_true (g_file_set_contents (file, "{\"id\":\"UT-LOGAN\",\"extends\":\"UT\",\"rules\":{}}", -1, NULL));
  g_assert_true (g_file_set_contents (other, "not a pack", -1, NULL));
  g_assert_true (cl_rule_pack_set_add_dir (set, dir, &error));
  g_assert_no_error (error);
  g_assert_nonnull (cl_rule_pack_set_lookup (set, "UT-LOGAN", &error));
  g_assert_true (cl_rule_pack_set_add_dir (set, "/nonexistent/caseload/rules", &error));
  g_assert_no_error (error);

  g_unlink (file);
  g_unlink (other);
  g_rmdir (dir);
}

/* The parent-attempt threshold for holding a meeting without the parent (HB 7.5 gives no number):
 * 2 attempts by 2 means in the US pack, inherited by the states, changed by a district. */
static void
test_parent_attempts (void)
{
  g_autoptr(ClRulePackSet) set = builtin ();
  g_autoptr(GError) error = NULL;
  const ClRule *ut, *district;

  ut = cl_rule_pack_lookup (cl_rule_pack_set_lookup (set, "UT", NULL), "required_member_missing");
  g_assert_cmpint (cl_rule_get_int (ut, "parent_attempts", 0), ==, 2);
  g_assert_cmpint (cl_rule_get_int (ut, "parent_attempt_methods", 0), ==, 2);
  g_assert_true (cl_rule_pack_set_add_data (set, "{\"id\": \"CA-X\", \"extends\": \"CA\", \"rules\": "
                                                 "{\"required_member_missing\": {\"parent_attempts\": 3}}}",
                                            -1, "x.json", &error));
  g_assert_no_error (error);
  district = cl_rule_pack_lookup (cl_rule_pack_set_lookup (set, "CA-X", NULL), "required_member_missing");
  g_assert_cmpint (cl_rule_get_int (district, "parent_attempts", 0), ==, 3);
  g_assert_cmpint (cl_rule_get_int (district, "parent_attempt_methods", 0), ==, 2);
  /* The roles are still there: objects merge member by member. */
  g_assert_true (json_object_has_member (district->params, "required"));
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (district->params, "required")), ==, 6);
}

/* The getters find members in an array of the rule's own: they must answer as json-glib does on
 * the rule's object, for every member of every pack, for members of other types than asked, and
 * for members a rule does not have. */
static void
test_getters_match_json (void)
{
  g_autoptr(ClRulePackSet) set = builtin ();
  g_autoptr(GError) error = NULL;
  const char *odd =
    "{ \"id\": \"US-ODD\", \"extends\": \"US\", \"rules\": {"
    "  \"annual_review_due\": { \"months\": \"ten\", \"flag\": null, \"ratio\": 1.5,"
    "                           \"yes\": true, \"o\": { \"a\": 1 }, \"list\": [1], \"\": 3 } } }";
  g_auto(GStrv) ids = NULL;

  g_assert_true (cl_rule_pack_set_add_data (set, odd, -1, "odd.json", &error));
  g_assert_no_error (error);
  g_assert_no_error (error);
  ids = cl_rule_pack_set_list_ids (set);
  for (guint p = 0; ids[p] != NULL; p++)
    {
      const ClRulePack *pack = cl_rule_pack_set_lookup (set, ids[p], &error);
      GPtrArray *rules;

      g_assert_no_error (error);
      rules = cl_rule_pack_get_rules (pack);
      for (guint r = 0; r < rules->len; r++)
        {
          const ClRule *rule = g_ptr_array_index (rules, r);
          g_autoptr(GList) names = json_object_get_members (rule->params);

          names = g_list_append (names, (gpointer) "no_such_member");
          names = g_list_append (names, (gpointer) "d");
          for (GList *l = names; l != NULL; l = l->next)
            {
              const char *name = l->data;
              JsonNode *node = json_object_get_member (rule->params, name);
              JsonNode *expected_int = node;

              g_assert_true (cl_rule_get_member (rule, name) == node);
              if (expected_int == NULL || json_node_get_value_type (expected_int) != G_TYPE_INT64)
                g_assert_cmpint (cl_rule_get_int (rule, name, -7), ==, -7);
              else
                g_assert_cmpint (cl_rule_get_int (rule, name, -7), ==, (int) json_node_get_int (expected_int));
              g_assert_true (cl_rule_get_object (rule, name) ==
                             (node && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL));
              /* (json-glib refuses to read an object or an array as a string or a boolean.) */
              if (node != NULL && !JSON_NODE_HOLDS_VALUE (node) && !JSON_NODE_HOLDS_NULL (node))
                continue;
              g_assert_true (cl_rule_get_string (rule, name, "fallback") ==
                             json_object_get_string_member_with_default (rule->params, name, "fallback"));
              g_assert_cmpint (cl_rule_get_bool (rule, name, 2), ==,
                               json_object_get_boolean_member_with_default (rule->params, name, 2));
            }
        }
    }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/rule-pack/builtin", test_builtin_packs);
  g_test_add_func ("/rule-pack/district", test_district_pack);
  g_test_add_func ("/rule-pack/bad", test_bad_packs);
  g_test_add_func ("/rule-pack/unknown-and-cycles", test_unknown_and_cycles);
  g_test_add_func ("/rule-pack/directory", test_pack_directory);
  g_test_add_func ("/rule-pack/parent-attempts", test_parent_attempts);
  g_test_add_func ("/rule-pack/getters-match-json", test_getters_match_json);
  return g_test_run ();
}
