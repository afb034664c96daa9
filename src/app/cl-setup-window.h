/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-setup-window.h — the district's set-up as it is: schools and their school years, staff, and
 * the rule pack, each change saved at once as one audited transaction
 *
 * Every change goes through @session (undoable from the window's toast, and from the main
 * window's Undo), which reads the caseload again; the window shows what the session holds.
 */
#pragma once

#include <adwaita.h>

#include "cl-session.h"

G_BEGIN_DECLS

#define CL_TYPE_SETUP_WINDOW (cl_setup_window_get_type ())
G_DECLARE_FINAL_TYPE (ClSetupWindow, cl_setup_window, CL, SETUP_WINDOW, AdwPreferencesWindow)

ClSetupWindow *cl_setup_window_new (GtkWindow *parent,
                                    ClSession *session);

/* What choosing a district pack file does (the tests call it without the file chooser): FALSE
 * with the mistake and its path in @error, nothing changed. */
gboolean       _cl_setup_window_add_pack (ClSetupWindow  *self,
                                          const char     *path,
                                          GError        **error);

G_END_DECLS
