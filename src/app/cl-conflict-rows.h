/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-conflict-rows.h — one conflict with the district server as a group of two rows, this
 * computer's value and the server's, each with the button that keeps it */
#pragma once

#include <adwaita.h>

#include "cl-session.h"

G_BEGIN_DECLS

/* A group for @conflict whose buttons activate @keep_action with "(xb)": the conflict's id, and
 * TRUE to keep this computer's value. @with_student names the student in the title (a list of
 * every student's conflicts), else the record and field alone (the student's own file). */
GtkWidget *cl_conflict_group_new   (const ClConflict *conflict,
                                    gboolean          with_student,
                                    const char       *keep_action);

/* When the server's value was written, in the reader's local time ("December 7, 2026, 09:30");
 * the ISO 8601 text itself when it cannot be read. */
char      *cl_conflict_dup_when    (const char       *iso8601);

/* What a keep button asked (@parameter: "(xb)" as above) settled through @session; the sentence
 * to tell the user (static), or NULL with @error. */
const char *cl_conflict_keep       (ClSession        *session,
                                    GVariant         *parameter,
                                    GError          **error);

G_END_DECLS
