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
