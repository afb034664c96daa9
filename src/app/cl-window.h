/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-window.h — the main window: the caseload beside one student's file */
#pragma once

#include <adwaita.h>

#include "cl-application.h"

G_BEGIN_DECLS

#define CL_TYPE_WINDOW (cl_window_get_type ())
G_DECLARE_FINAL_TYPE (ClWindow, cl_window, CL, WINDOW, AdwApplicationWindow)

ClWindow *cl_window_new            (ClApplication *application);
/* The demo caseload shipped with Caseload, read-only; it never touches the user's database. */
void      cl_window_open_demo      (ClWindow      *self);
void      cl_window_open_database  (ClWindow      *self,
                                    const char    *path);
/* Opens the file of the student with @id; FALSE when there is none. */
gboolean  cl_window_select_student (ClWindow      *self,
                                    const char    *id);
/* Loads a bundle's text into the window, read-only; FALSE with a message naming the JSON path. */
gboolean  cl_window_load_bundle    (ClWindow      *self,
                                    const char    *data,
                                    gsize          length,
                                    const char    *title,
                                    GError       **error);

G_END_DECLS
