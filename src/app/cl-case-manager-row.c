/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-case-manager-row.c — a combo row choosing whose students a view counts */
#define G_LOG_DOMAIN "cl-case-manager-row"

#include "config.h"

#include <glib/gi18n.h>

#include "cl-case-manager-row.h"

/* The ids in the order of the row's names: "" first, for all. */
#define IDS_KEY "cl-case-manager-ids"

const char *
_cl_case_manager_row_fill (AdwComboRow *row,
                           ClCaseload  *caseload,
                           const char  *case_manager_id)
{
  GPtrArray *staff = caseload != NULL ? cl_caseload_get_staff (caseload) : NULL;
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autoptr(GStrvBuilder) ids = g_strv_builder_new ();

  gtk_string_list_append (names, _("All Case Managers"));
  g_strv_builder_add (ids, "");
  for (guint i = 0; staff != NULL && i < staff->len; i++)
    {
      const ClStaff *member = g_ptr_array_index (staff, i);

      if (member->role != CL_STAFF_CASE_MANAGER)
        continue;
      gtk_string_list_append (names, member->name ? member->name : member->id);
      g_strv_builder_add (ids, member->id);
    }
  g_object_set_data_full (G_OBJECT (row), IDS_KEY, g_strv_builder_end (ids), (GDestroyNotify) g_strfreev);
  adw_combo_row_set_model (row, G_LIST_MODEL (names));
  if (!_cl_case_manager_row_select (row, case_manager_id ? case_manager_id : ""))
    adw_combo_row_set_selected (row, 0);
  return _cl_case_manager_row_get_id (row);
}

gboolean
_cl_case_manager_row_select (AdwComboRow *row,
                             const char  *case_manager_id)
{
  GStrv ids = g_object_get_data (G_OBJECT (row), IDS_KEY);

  for (guint i = 0; ids != NULL && ids[i] != NULL; i++)
    if (g_str_equal (ids[i], case_manager_id))
      {
        adw_combo_row_set_selected (row, i);
        return TRUE;
      }
  return FALSE;
}

const char *
_cl_case_manager_row_get_id (AdwComboRow *row)
{
  GStrv ids = g_object_get_data (G_OBJECT (row), IDS_KEY);
  guint selected = adw_combo_row_get_selected (row);

  if (ids == NULL || selected == GTK_INVALID_LIST_POSITION || selected >= g_strv_length (ids))
    return "";
  return ids[selected];
}
