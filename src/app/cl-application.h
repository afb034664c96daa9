/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-application.h — the Caseload application: one instance, one window per caseload */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define CL_TYPE_APPLICATION (cl_application_get_type ())
G_DECLARE_FINAL_TYPE (ClApplication, cl_application, CL, APPLICATION, AdwApplication)

ClApplication *cl_application_new           (void);
GSettings     *cl_application_get_settings  (ClApplication *self);
/* Where the user's own database lives when none was named: $XDG_DATA_HOME/caseload/caseload.db */
char          *cl_application_dup_default_database (void);

G_END_DECLS
