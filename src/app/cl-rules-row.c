/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-rules-row.c — the rule packs by name in a combo row */
#define G_LOG_DOMAIN "cl-rules-row"

#include "config.h"

#include <glib/gi18n.h>

#include "cl-rule-pack.h"
#include "cl-rules-row.h"

GStrv
cl_rules_row_fill (AdwComboRow *row,
                   const char  *current)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ClRulePackSet) packs = cl_rule_pack_set_new_builtin (&error);
  g_autofree char *user_rules = g_build_filename (g_get_user_data_dir (), "caseload", "rules", NULL);
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  GStrv ids;
  guint selected = 0;

  if (packs == NULL)
    return NULL;
  if (!cl_rule_pack_set_add_dir (packs, user_rules, &error))
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), error->message);
  ids = cl_rule_pack_set_list_ids (packs);
  for (guint i = 0; ids[i] != NULL; i++)
    {
      const ClRulePack *pack = cl_rule_pack_set_lookup (packs, ids[i], NULL);
      g_autofree char *label = g_strdup_printf ("%s (%s)", pack ? cl_rule_pack_get_name (pack) : ids[i], ids[i]);

      gtk_string_list_append (names, label);
      if (g_strcmp0 (ids[i], current ? current : "US") == 0)
        selected = i;
    }
  adw_combo_row_set_model (row, G_LIST_MODEL (names));
  adw_combo_row_set_selected (row, selected);
  return ids;
}

gboolean
cl_rules_row_install_pack (const char  *path,
                           char       **out_id,
                           GError     **error)
{
  g_autofree char *user_rules = g_build_filename (g_get_user_data_dir (), "caseload", "rules", NULL);
  g_autofree char *name = g_path_get_basename (path);
  g_autofree char *dest = NULL, *contents = NULL;
  g_autoptr(ClRulePackSet) packs = NULL;
  g_auto(GStrv) before = NULL, after = NULL;
  const char *id = NULL;
  gsize length;

  if (!g_file_get_contents (path, &contents, &length, error) || (packs = cl_rule_pack_set_new_builtin (error)) == NULL)
    return FALSE;
  before = cl_rule_pack_set_list_ids (packs);
  if (!cl_rule_pack_set_add_data (packs, contents, length, name, error))
    return FALSE;
  after = cl_rule_pack_set_list_ids (packs);
  for (guint i = 0; after[i] != NULL; i++)
    if (!g_strv_contains ((const char * const *) before, after[i]))
      id = after[i];
  /* The shipped packs are the law as written: a district's changes come as a pack of its own. */
  if (id == NULL)
    return g_set_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS,
                        _("%s: a district pack needs an id of its own (such as “CA-LODI”), not a shipped pack’s"),
                        name), FALSE;
  /* Its "extends" resolved, and every rule it changes checked. */
  if (cl_rule_pack_set_lookup (packs, id, error) == NULL)
    return FALSE;
  dest = g_build_filename (user_rules, name, NULL);
  if (g_mkdir_with_parents (user_rules, 0700) != 0 || !g_file_set_contents (dest, contents, length, error))
    {
      if (error != NULL && *error == NULL)
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("The pack could not be copied into %s"), user_rules);
      return FALSE;
    }
  if (out_id != NULL)
    *out_id = g_strdup (id);
  return TRUE;
}
