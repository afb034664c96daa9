/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-preferences-window.h — where the caseload lives, and how it is kept safe */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define CL_TYPE_PREFERENCES_WINDOW (cl_preferences_window_get_type ())
G_DECLARE_FINAL_TYPE (ClPreferencesWindow, cl_preferences_window, CL, PREFERENCES_WINDOW, AdwPreferencesWindow)

/* @database_path: the open database, or NULL when a read-only caseload is shown. */
ClPreferencesWindow *cl_preferences_window_new (GtkWindow  *parent,
                                                GSettings  *settings,
                                                const char *database_path);

G_END_DECLS
