/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-event-editor.h — the form for one event of a student's timeline, checked as it is typed */
#pragma once

#include <adwaita.h>

#include "cl-case-model.h"
#include "cl-form-bin.h"

G_BEGIN_DECLS

#define CL_TYPE_EVENT_EDITOR (cl_event_editor_get_type ())
G_DECLARE_FINAL_TYPE (ClEventEditor, cl_event_editor, CL, EVENT_EDITOR, ClFormBin)

/* Starts from @initial (NULL: a referral today). The "valid" property says whether it can be saved. */
ClEventEditor *cl_event_editor_new       (const ClEvent *initial,
                                          ClDate         today);
gboolean       cl_event_editor_get_valid (ClEventEditor *self);
/* The event as entered, into @out (clear it with cl_event_clear()); FALSE when not valid. */
gboolean       cl_event_editor_get_event (ClEventEditor *self,
                                          ClEvent       *out);
/* For tests and keyboard users alike: set the fields as a person would type them. */
void           cl_event_editor_set_date_text (ClEventEditor *self,
                                              const char    *text);

G_END_DECLS
