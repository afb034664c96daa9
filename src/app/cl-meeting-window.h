/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-meeting-window.h — one planned meeting: prepare it, run it from a checklist, record it held
 *
 * The window saves each change at once through the store and says so with "saved"; its owner
 * reloads the caseload and hands the new state back with cl_meeting_window_update(). Recording the
 * meeting as held is the owner's to do (it keeps the undo): the window asks with "record-held".
 */
#pragma once

#include <adwaita.h>

#include "cl-store.h"

G_BEGIN_DECLS

#define CL_TYPE_MEETING_WINDOW (cl_meeting_window_get_type ())
G_DECLARE_FINAL_TYPE (ClMeetingWindow, cl_meeting_window, CL, MEETING_WINDOW, AdwWindow)

ClMeetingWindow *cl_meeting_window_new            (GtkWindow       *parent,
                                                   ClStore         *store,
                                                   const char      *student_id,
                                                   const char      *meeting_id);
const char      *cl_meeting_window_get_student_id (ClMeetingWindow *self);
const char      *cl_meeting_window_get_meeting_id (ClMeetingWindow *self);
ClStore         *cl_meeting_window_get_store      (ClMeetingWindow *self);
/* Shows the meeting as it is in @caseload, with the student's @obligations (read now, not kept)
 * as of @today. FALSE when the meeting is no longer planned there. */
gboolean         cl_meeting_window_update         (ClMeetingWindow *self,
                                                   ClCaseload      *caseload,
                                                   GPtrArray       *obligations,
                                                   ClDate           today);
/* "prepare" or "checklist". */
void             cl_meeting_window_show_page      (ClMeetingWindow *self,
                                                   const char      *page);
void             cl_meeting_window_toast          (ClMeetingWindow *self,
                                                   const char      *message);

G_END_DECLS
