/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-rule-pack.c — jurisdiction rule packs, loaded from data */
#define G_LOG_DOMAIN "cl-rule-pack"

#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <string.h>

#include "cl-rule-pack.h"
#include "cl-core-resources.h"

#define RULES_RESOURCE_PATH "/io/github/caseload/Caseload/rules"
#define DEFAULT_WARNING_DAYS 14
#define MAX_EXTENDS_DEPTH 16

G_DEFINE_QUARK (cl-rule-pack-error-quark, cl_rule_pack_error)

struct _ClRulePack
{
  char       *id;
  char       *name;
  GHashTable *rules;        /* id -> ClRule* */
  GPtrArray  *ordered;      /* of ClRule*, by id */
};

struct _ClRulePackSet
{
  GObject     parent_instance;
  GHashTable *sources;      /* pack id -> JsonObject* as loaded */
  GHashTable *origins;      /* pack id -> where it came from, for errors */
  GHashTable *resolved;     /* pack id -> ClRulePack* */
};

G_DEFINE_FINAL_TYPE (ClRulePackSet, cl_rule_pack_set, G_TYPE_OBJECT)

struct _ClRuleMember
{
  const char *name;      /* the params object's own */
  JsonNode   *node;
  gboolean    is_int;    /* json_node_get_value_type () == G_TYPE_INT64 */
  gint64      int_value;
};

/* A pack's rules are read for every student, and have a handful of members each: searched in an
 * array, first letter first, they are found without hashing the name. */
static void
rule_index_members (ClRule *rule)
{
  g_autoptr(GList) names = json_object_get_members (rule->params);
  struct _ClRuleMember *members = g_new0 (struct _ClRuleMember, MAX (g_list_length (names), 1));
  guint n = 0;

  for (GList *l = names; l != NULL; l = l->next, n++)
    {
      members[n].name = l->data;
      members[n].node = json_object_get_member (rule->params, l->data);
      members[n].is_int = json_node_get_value_type (members[n].node) == G_TYPE_INT64;
      if (members[n].is_int)
        members[n].int_value = json_node_get_int (members[n].node);
    }
  rule->members = members;
  rule->n_members = n;
}

static const struct _ClRuleMember *
rule_find_member (const ClRule *rule,
                  const char   *name)
{
  for (guint i = 0; i < rule->n_members; i++)
    if (rule->members[i].name[0] == name[0] && strcmp (rule->members[i].name, name) == 0)
      return &rule->members[i];
  return NULL;
}

static void
rule_free (ClRule *rule)
{
  g_free (rule->id);
  g_free (rule->title);
  g_free (rule->sentence);
  g_free (rule->citation);
  g_free (rule->source);
  g_free ((gpointer) rule->members);
  g_clear_pointer (&rule->params, json_object_unref);
  g_free (rule);
}

static void
rule_pack_free (ClRulePack *pack)
{
  g_free (pack->id);
  g_free (pack->name);
  g_hash_table_unref (pack->rules);
  g_ptr_array_unref (pack->ordered);
  g_free (pack);
}

static void
cl_rule_pack_set_finalize (GObject *object)
{
  ClRulePackSet *self = CL_RULE_PACK_SET (object);

  g_hash_table_unref (self->resolved);
  g_hash_table_unref (self->sources);
  g_hash_table_unref (self->origins);
  G_OBJECT_CLASS (cl_rule_pack_set_parent_class)->finalize (object);
}

static void
cl_rule_pack_set_class_init (ClRulePackSetClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = cl_rule_pack_set_finalize;
}

static void
cl_rule_pack_set_init (ClRulePackSet *self)
{
  self->sources = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                         (GDestroyNotify) json_object_unref);
  self->origins = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->resolved = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                          (GDestroyNotify) rule_pack_free);
}

/* What a rule's parameters must look like, so that a district pack with a typo is refused when it
 * is loaded, with the path of the mistake, rather than computing wrong dates. Members not listed
 * here are allowed (a newer pack may carry them). */
typedef enum {
  PARAM_COUNT,        /* a whole number >= 0 of days, years… */
  PARAM_NUMBER,       /* a whole number >= 1 of anything else (attempts, means) */
  PARAM_STRING,
  PARAM_BOOL,
  PARAM_COUNT_KIND,
  PARAM_STRINGS,      /* an array of strings */
  PARAM_OBJECT,       /* checked by its own table */
  PARAM_OBJECTS,      /* an array of objects, checked by its own table */
  PARAM_MONTH_DAYS,   /* twelve "MM-DD" */
} ParamType;

typedef struct _ParamSpec ParamSpec;
struct _ParamSpec {
  const char      *name;
  ParamType        type;
  const ParamSpec *members;   /* for PARAM_OBJECT / PARAM_OBJECTS; for "kinds", each value */
  gboolean         map;       /* PARAM_OBJECT whose every member is an object of @members */
};

static const ParamSpec end_of_year_params[] = {
  { "window_days", PARAM_COUNT }, { "days_after_first_day", PARAM_COUNT }, { NULL },
};
static const ParamSpec complaint_kind_params[] = {
  { "days", PARAM_COUNT }, { "count", PARAM_COUNT_KIND }, { "citation", PARAM_STRING },
  { "explain", PARAM_STRING }, { "extension_citation", PARAM_STRING }, { NULL },
};
static const ParamSpec required_role_params[] = {
  { "role", PARAM_STRING }, { "kinds", PARAM_STRINGS }, { "transition_age", PARAM_COUNT }, { NULL },
};
static const ParamSpec rule_params[] = {
  { "days", PARAM_COUNT }, { "years", PARAM_COUNT }, { "age", PARAM_COUNT },
  { "warning_days", PARAM_COUNT }, { "days_before", PARAM_COUNT }, { "threshold_days", PARAM_COUNT },
  { "per_incident_days", PARAM_COUNT }, { "per_year_days", PARAM_COUNT },
  { "consecutive_days_change_placement", PARAM_COUNT },
  { "title", PARAM_STRING }, { "sentence", PARAM_STRING }, { "citation", PARAM_STRING },
  { "source", PARAM_STRING }, { "extension_citation", PARAM_STRING },
  { "count", PARAM_COUNT_KIND },
  { "disabled", PARAM_BOOL }, { "skip_when_conservatorship", PARAM_BOOL },
  { "emancipation_transfers_rights", PARAM_BOOL },
  { "transfers_from", PARAM_STRINGS }, { "roles", PARAM_STRINGS },
  { "end_by_month", PARAM_MONTH_DAYS },
  { "end_of_year", PARAM_OBJECT, end_of_year_params },
  { "kinds", PARAM_OBJECT, complaint_kind_params, TRUE },
  { "required", PARAM_OBJECTS, required_role_params },
  { "parent_attempts", PARAM_NUMBER }, { "parent_attempt_methods", PARAM_NUMBER },
  { "earliest_months_before", PARAM_NUMBER },
  { NULL },
};

static gboolean check_params (JsonObject *object, const ParamSpec *specs, const char *path,
                              GError **error);

static gboolean
is_type (JsonNode *node,
         GType     type)
{
  return node != NULL && JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == type;
}

static gboolean
check_param (JsonNode        *node,
             const ParamSpec *spec,
             const char      *path,
             GError         **error)
{
  const char *problem = NULL;

  switch (spec->type)
    {
    case PARAM_COUNT:
      if (!is_type (node, G_TYPE_INT64) || json_node_get_int (node) < 0 ||
          json_node_get_int (node) > 100000)
        problem = _("expected a whole number of days (0 or more)");
      break;
    case PARAM_NUMBER:
      if (!is_type (node, G_TYPE_INT64) || json_node_get_int (node) < 1 || json_node_get_int (node) > 100)
        problem = _("expected a whole number from 1 to 100");
      break;
    case PARAM_STRING:
      if (!is_type (node, G_TYPE_STRING))
        problem = _("expected a string");
      break;
    case PARAM_BOOL:
      if (!is_type (node, G_TYPE_BOOLEAN))
        problem = _("expected true or false");
      break;
    case PARAM_COUNT_KIND:
      problem = _("expected one of calendar, ca_pause, school, business");
      for (guint k = 0; k < CL_N_COUNT_KINDS && is_type (node, G_TYPE_STRING); k++)
        if (g_str_equal (json_node_get_string (node), cl_count_kind_names[k]))
          problem = NULL;
      break;
    case PARAM_STRINGS:
    case PARAM_MONTH_DAYS:
    case PARAM_OBJECTS:
      if (!JSON_NODE_HOLDS_ARRAY (node))
        {
          problem = _("expected an array");
          break;
        }
      {
        JsonArray *array = json_node_get_array (node);
        guint n = json_array_get_length (array);

        if (spec->type == PARAM_MONTH_DAYS && n != 12)
          problem = _("expected twelve \"MM-DD\" dates, one per month");
        for (guint i = 0; i < n && problem == NULL; i++)
          {
            JsonNode *item = json_array_get_element (array, i);
            g_autofree char *item_path = g_strdup_printf ("%s[%u]", path, i);
            int m, d;

            if (spec->type == PARAM_OBJECTS)
              {
                if (!JSON_NODE_HOLDS_OBJECT (item))
                  {
                    g_set_error (error, CL_RULE_PACK_ERROR, CL_RULE_PACK_ERROR_INVALID,
                                 _("%s: expected an object"), item_path);
                    return FALSE;
                  }
                if (!check_params (json_node_get_object (item), spec->members, item_path, error))
                  return FALSE;
              }
            else if (!is_type (item, G_TYPE_STRING))
              {
                g_set_error (error, CL_RULE_PACK_ERROR, CL_RULE_PACK_ERROR_INVALID,
                             _("%s: expected a string"), item_path);
                return FALSE;
              }
            else if (spec->type == PARAM_MONTH_DAYS &&
                     (sscanf (json_node_get_string (item), "%2d-%2d", &m, &d) != 2 ||
                      !g_date_valid_dmy (d, m, 2001)))
              {
                g_set_error (error, CL_RULE_PACK_ERROR, CL_RULE_PACK_ERROR_INVALID,
                             _("%s: expected \"MM-DD\" (a day that exists every year)"), item_path);
                return FALSE;
              }
          }
      }
      break;
    case PARAM_OBJECT:
      if (!JSON_NODE_HOLDS_OBJECT (node))
        problem = _("expected an object");
      else if (!spec->map)
        return check_params (json_node_get_object (node), spec->members, path, error);
      else
        {
          JsonObjectIter iter;
          const char *member;
          JsonNode *value;

          json_object_iter_init (&iter, json_node_get_object (node));
          while (json_object_iter_next (&iter, &member, &value))
            {
              g_autofree char *member_path = g_strdup_printf ("%s.%s", path, member);

              if (!JSON_NODE_HOLDS_OBJECT (value))
                {
                  g_set_error (error, CL_RULE_PACK_ERROR, CL_RULE_PACK_ERROR_INVALID,
                               _("%s: expected an object"), member_path);
                  return FALSE;
                }
              if (!check_params (json_node_get_object (value), spec->members, member_path, error))
                return FALSE;
            }
        }
      break;
    default:
      g_assert_not_reached ();
    }

  if (problem != NULL)
    {
      g_set_error (error, CL_RULE_PACK_ERROR, CL_RULE_PACK_ERROR_INVALID, "%s: %s", path, problem);
      return FALSE;
    }
  return TRUE;
}

static gboolean
check_params (JsonObject      *object,
              const ParamSpec *specs,
              const char      *path,
              GError         **error)
{
  for (const ParamSpec *spec = specs; spec->name != NULL; spec++)
    {
      JsonNode *node = json_object_get_member (object, spec->name);
      g_autofree char *member_path = NULL;

      if (node == NULL)
        continue;
      member_path = g_strdup_printf ("%s.%s", path, spec->name);
      if (!check_param (node, spec, member_path, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
check_rules (JsonObject  *rules,
             const char  *origin,
             GError     **error)
{
  JsonObjectIter iter;
  const char *member;
  JsonNode *node;

  json_object_iter_init (&iter, rules);
  while (json_object_iter_next (&iter, &member, &node))
    {
      g_autofree char *path = g_strdup_printf ("%s: rules.%s", origin, member);

      if (!JSON_NODE_HOLDS_OBJECT (node))
        {
          g_set_error (error, CL_RULE_PACK_ERROR, CL_RULE_PACK_ERROR_INVALID,
                       _("%s: expected an object"), path);
          return FALSE;
        }
      if (!check_params (json_node_get_object (node), rule_params, path, error))
        return FALSE;
    }
  return TRUE;
}

gboolean
cl_rule_pack_set_add_data (ClRulePackSet  *self,
                           const char     *data,
                           gssize          length,
                           const char     *origin,
                           GError        **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) local_error = NULL;
  JsonNode *root;
  JsonObject *object;
  JsonNode *rules;
  const char *id;

  g_return_val_if_fail (CL_IS_RULE_PACK_SET (self), FALSE);

  if (!json_parser_load_from_data (parser, data, length, &local_error))
    {
      g_set_error (error, CL_RULE_PACK_ERROR, CL_RULE_PACK_ERROR_INVALID,
                   "%s: %s", origin, local_error->message);
      return FALSE;
    }
  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      g_set_error (error, CL_RULE_PACK_ERROR, CL_RULE_PACK_ERROR_INVALID,
                   _("%s: a rule pack is a JSON object"), origin);
      return FALSE;
    }
  object = json_node_get_object (root);
  id = is_type (json_object_get_member (object, "id"), G_TYPE_STRING)
         ? json_object_get_string_member (object, "id") : NULL;
  if (id == NULL || *id == '\0')
    {
      g_set_error (error, CL_RULE_PACK_ERROR, CL_RULE_PACK_ERROR_INVALID,
                   _("%s: id: missing pack id"), origin);
      return FALSE;
    }
  rules = json_object_get_member (object, "rules");
  if (rules == NULL || !JSON_NODE_HOLDS_OBJECT (rules))
    {
      g_set_error (error, CL_RULE_PACK_ERROR, CL_RULE_PACK_ERROR_INVALID,
                   _("%s: rules: expected an object of rules"), origin);
      return FALSE;
    }
  if (!check_rules (json_node_get_object (rules), origin, error))
    return FALSE;
  if (json_object_has_member (object, "extends") &&
      !is_type (json_object_get_member (object, "extends"), G_TYPE_STRING))
    {
      g_set_error (error, CL_RULE_PACK_ERROR, CL_RULE_PACK_ERROR_INVALID,
                   _("%s: extends: expected the id of a pack"), origin);
      return FALSE;
    }

  g_hash_table_insert (self->sources, g_strdup (id), json_object_ref (object));
  g_hash_table_insert (self->origins, g_strdup (id), g_strdup (origin));
  /* A new or replaced pack changes what every pack extending it resolves to. */
  g_hash_table_remove_all (self->resolved);
  return TRUE;
}

ClRulePackSet *
cl_rule_pack_set_new_builtin (GError **error)
{
  static const char * const builtin[] = { "us.json", "ca.json", "ut.json" };
  g_autoptr(ClRulePackSet) self = g_object_new (CL_TYPE_RULE_PACK_SET, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (builtin); i++)
    {
      g_autofree char *path = g_strdup_printf ("%s/%s", RULES_RESOURCE_PATH, builtin[i]);
      g_autoptr(GBytes) bytes = g_resource_lookup_data (cl_core_get_resource (), path, 0, error);
      gsize size;
      const char *data;

      if (bytes == NULL)
        return NULL;
      data = g_bytes_get_data (bytes, &size);
      if (!cl_rule_pack_set_add_data (self, data, size, builtin[i], error))
        return NULL;
    }
  return g_steal_pointer (&self);
}

static int
compare_strings (const void *a,
                 const void *b)
{
  return g_strcmp0 (*(char * const *) a, *(char * const *) b);
}

gboolean
cl_rule_pack_set_add_dir (ClRulePackSet  *self,
                          const char     *dir,
                          GError        **error)
{
  g_autoptr(GDir) gdir = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  g_return_val_if_fail (CL_IS_RULE_PACK_SET (self), FALSE);

  if (!g_file_test (dir, G_FILE_TEST_IS_DIR))
    return TRUE;
  gdir = g_dir_open (dir, 0, error);
  if (gdir == NULL)
    return FALSE;
  while ((name = g_dir_read_name (gdir)) != NULL)
    if (g_str_has_suffix (name, ".json"))
      g_ptr_array_add (names, g_strdup (name));
  /* A stable order, so that two files with the same id resolve the same way every time. */
  g_ptr_array_sort (names, compare_strings);
  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *path = g_build_filename (dir, g_ptr_array_index (names, i), NULL);
      g_autofree char *contents = NULL;
      gsize length;

      if (!g_file_get_contents (path, &contents, &length, error))
        return FALSE;
      if (!cl_rule_pack_set_add_data (self, contents, length, path, error))
        return FALSE;
    }
  return TRUE;
}

/* Members of @over replace those of @base; objects merge member by member. */
static JsonObject *
merge_objects (JsonObject *base,
               JsonObject *over)
{
  JsonObject *result = json_object_new ();
  JsonObjectIter iter;
  const char *member;
  JsonNode *node;

  if (base != NULL)
    {
      json_object_iter_init (&iter, base);
      while (json_object_iter_next (&iter, &member, &node))
        json_object_set_member (result, member, json_node_copy (node));
    }
  json_object_iter_init (&iter, over);
  while (json_object_iter_next (&iter, &member, &node))
    {
      JsonNode *old = json_object_get_member (result, member);

      if (old != NULL && JSON_NODE_HOLDS_OBJECT (old) && JSON_NODE_HOLDS_OBJECT (node))
        {
          JsonObject *merged = merge_objects (json_node_get_object (old), json_node_get_object (node));
          json_object_set_object_member (result, member, merged);
        }
      else
        json_object_set_member (result, member, json_node_copy (node));
    }
  return result;
}

static int
compare_rules (gconstpointer a,
               gconstpointer b)
{
  const ClRule *ra = *(ClRule * const *) a;
  const ClRule *rb = *(ClRule * const *) b;
  return strcmp (ra->id, rb->id);
}

/* The merged rule objects of @id and its ancestors: id -> JsonObject*. */
static GHashTable *
collect_rules (ClRulePackSet  *self,
               const char     *id,
               guint           depth,
               GError        **error)
{
  JsonObject *source = g_hash_table_lookup (self->sources, id);
  const char *parent_id;
  g_autoptr(GHashTable) rules = NULL;
  JsonObjectIter iter;
  const char *member;
  JsonNode *node;

  if (source == NULL)
    {
      g_set_error (error, CL_RULE_PACK_ERROR, CL_RULE_PACK_ERROR_UNKNOWN_PACK,
                   _("unknown rule pack “%s”"), id);
      return NULL;
    }
  if (depth > MAX_EXTENDS_DEPTH)
    {
      g_set_error (error, CL_RULE_PACK_ERROR, CL_RULE_PACK_ERROR_CYCLE,
                   _("rule pack “%s” extends itself"), id);
      return NULL;
    }

  parent_id = json_object_get_string_member_with_default (source, "extends", NULL);
  if (parent_id != NULL)
    {
      rules = collect_rules (self, parent_id, depth + 1, error);
      if (rules == NULL)
        return NULL;
    }
  else
    rules = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                   (GDestroyNotify) json_object_unref);

  json_object_iter_init (&iter, json_object_get_object_member (source, "rules"));
  while (json_object_iter_next (&iter, &member, &node))
    {
      JsonObject *merged;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        {
          g_set_error (error, CL_RULE_PACK_ERROR, CL_RULE_PACK_ERROR_INVALID,
                       _("%s: rules.%s: expected an object"),
                       (const char *) g_hash_table_lookup (self->origins, id), member);
          return NULL;
        }
      merged = merge_objects (g_hash_table_lookup (rules, member), json_node_get_object (node));
      if (json_object_get_boolean_member_with_default (merged, "disabled", FALSE))
        {
          g_hash_table_remove (rules, member);
          json_object_unref (merged);
        }
      else
        g_hash_table_insert (rules, g_strdup (member), merged);
    }
  return g_steal_pointer (&rules);
}

static ClRulePack *
resolve (ClRulePackSet  *self,
         const char     *id,
         GError        **error)
{
  g_autoptr(GHashTable) rules = collect_rules (self, id, 0, error);
  JsonObject *source;
  ClRulePack *pack;
  GHashTableIter iter;
  gpointer key, value;

  if (rules == NULL)
    return NULL;

  source = g_hash_table_lookup (self->sources, id);
  pack = g_new0 (ClRulePack, 1);
  pack->id = g_strdup (id);
  pack->name = g_strdup (is_type (json_object_get_member (source, "name"), G_TYPE_STRING)
                           ? json_object_get_string_member (source, "name") : id);
  pack->rules = g_hash_table_new (g_str_hash, g_str_equal);
  pack->ordered = g_ptr_array_new_with_free_func ((GDestroyNotify) rule_free);

  g_hash_table_iter_init (&iter, rules);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      JsonObject *params = value;
      ClRule *rule = g_new0 (ClRule, 1);

      rule->id = g_strdup (key);
      rule->params = json_object_ref (params);
      rule->title = g_strdup (json_object_get_string_member_with_default (params, "title", key));
      rule->sentence = g_strdup (json_object_get_string_member_with_default (params, "sentence", ""));
      rule->citation = g_strdup (json_object_get_string_member_with_default (params, "citation", ""));
      rule->source = g_strdup (json_object_get_string_member_with_default (params, "source", ""));
      rule->warning_days = (int) json_object_get_int_member_with_default (params, "warning_days",
                                                                          DEFAULT_WARNING_DAYS);
      rule_index_members (rule);
      g_ptr_array_add (pack->ordered, rule);
      g_hash_table_insert (pack->rules, rule->id, rule);
    }
  g_ptr_array_sort (pack->ordered, compare_rules);
  return pack;
}

const ClRulePack *
cl_rule_pack_set_lookup (ClRulePackSet  *self,
                         const char     *id,
                         GError        **error)
{
  ClRulePack *pack;

  g_return_val_if_fail (CL_IS_RULE_PACK_SET (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  pack = g_hash_table_lookup (self->resolved, id);
  if (pack != NULL)
    return pack;
  pack = resolve (self, id, error);
  if (pack != NULL)
    g_hash_table_insert (self->resolved, g_strdup (id), pack);
  return pack;
}

GStrv
cl_rule_pack_set_list_ids (ClRulePackSet *self)
{
  g_autofree const char **keys = NULL;
  GStrv ids;
  guint n;

  g_return_val_if_fail (CL_IS_RULE_PACK_SET (self), NULL);
  keys = (const char **) g_hash_table_get_keys_as_array (self->sources, &n);
  ids = g_new0 (char *, n + 1);
  for (guint i = 0; i < n; i++)
    ids[i] = g_strdup (keys[i]);
  qsort (ids, n, sizeof (char *), compare_strings);
  return ids;
}

const char *
cl_rule_pack_get_id (const ClRulePack *pack)
{
  return pack->id;
}

const char *
cl_rule_pack_get_name (const ClRulePack *pack)
{
  return pack->name;
}

const ClRule *
cl_rule_pack_lookup (const ClRulePack *pack,
                     const char       *rule_id)
{
  return g_hash_table_lookup (pack->rules, rule_id);
}

GPtrArray *
cl_rule_pack_get_rules (const ClRulePack *pack)
{
  return pack->ordered;
}

JsonNode *
cl_rule_get_member (const ClRule *rule,
                    const char   *member)
{
  const struct _ClRuleMember *m;

  if (rule->members == NULL)
    return json_object_get_member (rule->params, member);
  m = rule_find_member (rule, member);
  return m != NULL ? m->node : NULL;
}

int
cl_rule_get_int (const ClRule *rule,
                 const char   *member,
                 int           fallback)
{
  const struct _ClRuleMember *m;
  JsonNode *node;

  if (rule->members != NULL)
    {
      m = rule_find_member (rule, member);
      return m != NULL && m->is_int ? (int) m->int_value : fallback;
    }
  node = json_object_get_member (rule->params, member);
  if (node == NULL || json_node_get_value_type (node) != G_TYPE_INT64)
    return fallback;
  return (int) json_node_get_int (node);
}

/* (Below, anything but a missing member or a plain value of the type asked is left to
 * json-glib, to answer exactly as it did.) */
gboolean
cl_rule_get_bool (const ClRule *rule,
                  const char   *member,
                  gboolean      fallback)
{
  const struct _ClRuleMember *m = rule->members != NULL ? rule_find_member (rule, member) : NULL;

  if (rule->members != NULL && m == NULL)
    return fallback;
  if (m != NULL && json_node_get_value_type (m->node) == G_TYPE_BOOLEAN)
    return json_node_get_boolean (m->node);
  return json_object_get_boolean_member_with_default (rule->params, member, fallback);
}

const char *
cl_rule_get_string (const ClRule *rule,
                    const char   *member,
                    const char   *fallback)
{
  const struct _ClRuleMember *m = rule->members != NULL ? rule_find_member (rule, member) : NULL;

  if (rule->members != NULL && m == NULL)
    return fallback;
  if (m != NULL && json_node_get_value_type (m->node) == G_TYPE_STRING)
    return json_node_get_string (m->node);
  return json_object_get_string_member_with_default (rule->params, member, fallback);
}

ClCountKind
cl_rule_get_count_kind (const ClRule *rule,
                        const char   *member,
                        ClCountKind   fallback)
{
  const char *name = cl_rule_get_string (rule, member, NULL);

  for (guint k = 0; name != NULL && k < CL_N_COUNT_KINDS; k++)
    if (name[0] == cl_count_kind_names[k][0] && g_str_equal (name, cl_count_kind_names[k]))
      return (ClCountKind) k;
  return fallback;
}

JsonObject *
cl_rule_get_object (const ClRule *rule,
                    const char   *member)
{
  JsonNode *node = cl_rule_get_member (rule, member);

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return NULL;
  return json_node_get_object (node);
}
