/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-group-rows.c — rows a page adds to its preferences groups, removed together */
#define G_LOG_DOMAIN "cl-group-rows"

#include "cl-group-rows.h"

/* Stored as (group, row) pairs. */
GPtrArray *
_cl_group_rows_new (void)
{
  return g_ptr_array_new ();
}

void
_cl_group_rows_add (GPtrArray           *rows,
                    AdwPreferencesGroup *group,
                    GtkWidget           *row)
{
  adw_preferences_group_add (group, row);
  g_ptr_array_add (rows, group);
  g_ptr_array_add (rows, row);
}

void
_cl_group_rows_clear (GPtrArray *rows)
{
  for (guint i = 0; i + 1 < rows->len; i += 2)
    adw_preferences_group_remove (g_ptr_array_index (rows, i), g_ptr_array_index (rows, i + 1));
  g_ptr_array_set_size (rows, 0);
}
