/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-meeting-window.h — one planned meeting: prepare it, run it from a checklist, record it held
 *
 * The window follows its session: each change is saved at once through it, and the window shows
 * what the session holds after every save or reload, closing itself when its meeting is no longer
 * planned. Recorded as held, the file is shown in the main window with Undo (win.show-saved).
 */
#pragma once

#include <adwaita.h>

#include "cl-session.h"

G_BEGIN_DECLS

#define CL_TYPE_MEETING_WINDOW (cl_meeting_window_get_type ())
G_DECLARE_FINAL_TYPE (ClMeetingWindow, cl_meeting_window, CL, MEETING_WINDOW, AdwWindow)

/* The window of the planned meeting @meeting_id of @student_id; NULL when it is not planned. */
ClMeetingWindow *cl_meeting_window_new            (GtkWindow       *parent,
                                                   ClSession       *session,
                                                   const char      *student_id,
                                                   const char      *meeting_id,
                                                   GError         **error);
/* The window of that meeting shown: brought forward when one is open, else a new one. FALSE with
 * @error when the meeting is not planned. */
gboolean         cl_meeting_window_present        (GtkWindow       *parent,
                                                   ClSession       *session,
                                                   const char      *student_id,
                                                   const char      *meeting_id,
                                                   GError         **error);
const char      *cl_meeting_window_get_student_id (ClMeetingWindow *self);
const char      *cl_meeting_window_get_meeting_id (ClMeetingWindow *self);
/* "prepare" or "checklist". */
void             cl_meeting_window_show_page      (ClMeetingWindow *self,
                                                   const char      *page);
void             cl_meeting_window_toast          (ClMeetingWindow *self,
                                                   const char      *message);

G_END_DECLS
