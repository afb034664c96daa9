/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-scenarios.c — hand-worked scenario files against the engine
 *
 * Each JSON file in tests/scenarios holds a bundle, a `today`, and the obligations a person worked out by
 * hand from rules.md (see tests/scenarios/README.md). One test case per file.
 */
#include "cl-bundle-reader.h"
#include "cl-deadline-engine.h"
#include "cl-obligation-format.h"

static ClRulePackSet *packs;

static const char *
member_string (JsonObject *o,
               const char *name)
{
  JsonNode *node = json_object_get_member (o, name);
  return node && JSON_NODE_HOLDS_VALUE (node) ? json_node_get_string (node) : NULL;
}

static gboolean
field_matches (JsonObject *expected,
               JsonObject *actual,
               const char *name)
{
  JsonNode *e = json_object_get_member (expected, name);
  JsonNode *a = json_object_get_member (actual, name);

  if (e == NULL)
    return TRUE;
  if (JSON_NODE_HOLDS_NULL (e) || a == NULL || JSON_NODE_HOLDS_NULL (a))
    return (JSON_NODE_HOLDS_NULL (e)) == (a == NULL || JSON_NODE_HOLDS_NULL (a));
  if (json_node_get_value_type (e) == G_TYPE_BOOLEAN)
    return json_node_get_value_type (a) == G_TYPE_BOOLEAN &&
           json_node_get_boolean (e) == json_node_get_boolean (a);
  return g_strcmp0 (json_node_get_string (e), json_node_get_string (a)) == 0;
}

static char *
describe (JsonObject *o)
{
  g_autoptr(JsonNode) node = json_node_init_object (json_node_alloc (), o);
  return json_to_string (node, FALSE);
}

static void
run_scenario (gconstpointer data)
{
  const char *path = data;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(ClCaseload) caseload = NULL;
  g_autoptr(ClDeadlineEngine) engine = NULL;
  g_autoptr(GPtrArray) obligations = NULL;
  g_autoptr(JsonParser) output_parser = json_parser_new ();
  g_autofree char *output = NULL;
  g_autofree gboolean *used = NULL;
  JsonObject *scenario;
  JsonArray *actual, *expect, *absent;
  ClDate today;
  guint failures = 0;

  g_assert_true (json_parser_load_from_file (parser, path, &error));
  g_assert_no_error (error);
  scenario = json_node_get_object (json_parser_get_root (parser));
  g_test_message ("%s", member_string (scenario, "description"));

  g_assert_true (cl_date_parse_iso (member_string (scenario, "today"), &today));
  caseload = cl_bundle_read_node (json_object_get_member (scenario, "bundle"), &error);
  g_assert_no_error (error);
  engine = cl_deadline_engine_new (packs);
  obligations = cl_deadline_engine_compute (engine, caseload, today, &error);
  g_assert_no_error (error);
  /* Compare what `caseload-cli alerts` would print, parsed back. */
  output = cl_obligations_to_json (obligations);
  g_assert_true (json_parser_load_from_data (output_parser, output, -1, &error));
  g_assert_no_error (error);
  actual = json_node_get_array (json_parser_get_root (output_parser));
  used = g_new0 (gboolean, json_array_get_length (actual) + 1);

  expect = json_object_has_member (scenario, "expect")
             ? json_object_get_array_member (scenario, "expect") : NULL;
  for (guint i = 0; expect && i < json_array_get_length (expect); i++)
    {
      JsonObject *e = json_array_get_object_element (expect, i);
      gboolean found = FALSE;

      for (guint j = 0; j < json_array_get_length (actual) && !found; j++)
        {
          JsonObject *a = json_array_get_object_element (actual, j);

          if (used[j] || !field_matches (e, a, "student") || !field_matches (e, a, "rule") ||
              !field_matches (e, a, "due"))
            continue;
          if (!field_matches (e, a, "status") || !field_matches (e, a, "met_on") ||
              !field_matches (e, a, "estimated") || !field_matches (e, a, "severity"))
            continue;
          used[j] = TRUE;
          found = TRUE;
        }
      if (!found)
        {
          g_autofree char *text = describe (e);
          g_printerr ("%s: expected, not produced: %s\n", path, text);
          for (guint j = 0; j < json_array_get_length (actual); j++)
            {
              JsonObject *a = json_array_get_object_element (actual, j);
              if (field_matches (e, a, "student") && field_matches (e, a, "rule"))
                {
                  g_autofree char *got = describe (a);
                  g_printerr ("    engine has: %s\n", got);
                }
            }
          failures++;
        }
    }

  /* "only": every alert of an expected (student, rule) pair must be expected. */
  if (expect && json_object_get_boolean_member_with_default (scenario, "only", FALSE))
    for (guint j = 0; j < json_array_get_length (actual); j++)
      {
        JsonObject *a = json_array_get_object_element (actual, j);
        gboolean pair_expected = FALSE;

        if (used[j])
          continue;
        for (guint i = 0; i < json_array_get_length (expect) && !pair_expected; i++)
          {
            JsonObject *e = json_array_get_object_element (expect, i);
            pair_expected = field_matches (e, a, "student") && field_matches (e, a, "rule");
          }
        if (pair_expected)
          {
            g_autofree char *text = describe (a);
            g_printerr ("%s: produced, not expected: %s\n", path, text);
            failures++;
          }
      }

  absent = json_object_has_member (scenario, "absent")
             ? json_object_get_array_member (scenario, "absent") : NULL;
  for (guint i = 0; absent && i < json_array_get_length (absent); i++)
    {
      JsonObject *e = json_array_get_object_element (absent, i);

      for (guint j = 0; j < json_array_get_length (actual); j++)
        {
          JsonObject *a = json_array_get_object_element (actual, j);
          if (field_matches (e, a, "student") && field_matches (e, a, "rule"))
            {
              g_autofree char *text = describe (a);
              g_printerr ("%s: must be absent, produced: %s\n", path, text);
              failures++;
            }
        }
    }

  g_assert_cmpuint (failures, ==, 0);
}

static int
compare_paths (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(char * const *) a, *(char * const *) b);
}

int
main (int argc, char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *dir_path = NULL;
  const char *name;
  int status;

  g_test_init (&argc, &argv, NULL);

  packs = cl_rule_pack_set_new_builtin (&error);
  g_assert_no_error (error);

  dir_path = g_test_build_filename (G_TEST_DIST, "scenarios", NULL);
  dir = g_dir_open (dir_path, 0, &error);
  g_assert_no_error (error);
  while ((name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_suffix (name, ".json"))
      g_ptr_array_add (files, g_build_filename (dir_path, name, NULL));
  g_ptr_array_sort (files, compare_paths);
  g_assert_cmpuint (files->len, >, 0);

  for (guint i = 0; i < files->len; i++)
    {
      const char *file = g_ptr_array_index (files, i);
      g_autofree char *base = g_path_get_basename (file);
      g_autofree char *test_path = g_strdup_printf ("/scenarios/%s", base);
      g_test_add_data_func (test_path, file, run_scenario);
    }

  status = g_test_run ();
  g_object_unref (packs);
  return status;
}
