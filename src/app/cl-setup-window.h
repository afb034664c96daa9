/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-setup-window.h — the district's set-up as it is: schools and their school years, staff, and
 * the rule pack, each change saved at once as one audited transaction
 *
 * Works on the database at @database_path through a connection of its own; "changed", when it
 * closes after a change, says the main window should read the database again.
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define CL_TYPE_SETUP_WINDOW (cl_setup_window_get_type ())
G_DECLARE_FINAL_TYPE (ClSetupWindow, cl_setup_window, CL, SETUP_WINDOW, AdwPreferencesWindow)

ClSetupWindow *cl_setup_window_new (GtkWindow  *parent,
                                    const char *database_path);

G_END_DECLS
