/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-conflicts-window.h — the changes made here that met someone else's on the district server:
 * both values, who and when, and one click keeps either */
#pragma once

#include <adwaita.h>

#include "cl-session.h"

G_BEGIN_DECLS

#define CL_TYPE_CONFLICTS_WINDOW (cl_conflicts_window_get_type ())
G_DECLARE_FINAL_TYPE (ClConflictsWindow, cl_conflicts_window, CL, CONFLICTS_WINDOW, AdwWindow)

/* The conflicts of @session's database, kept up to date as it is read again. */
ClConflictsWindow *cl_conflicts_window_new (GtkWindow *parent,
                                            ClSession *session);

/* The conflicts shown now. */
guint              cl_conflicts_window_get_n_shown (ClConflictsWindow *self);

G_END_DECLS
