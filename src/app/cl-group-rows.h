/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-group-rows.h — rows a page adds to its preferences groups, removed together
 *
 * The student, due and compliance pages rebuild their rows each time they show something else;
 * libadwaita 1.2 has no "remove all" for a group, so each page remembers what it added.
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* An empty set; free with g_ptr_array_unref(). */
GPtrArray *_cl_group_rows_new   (void);
void       _cl_group_rows_add   (GPtrArray           *rows,
                                 AdwPreferencesGroup *group,
                                 GtkWidget           *row);
void       _cl_group_rows_clear (GPtrArray           *rows);

G_END_DECLS
