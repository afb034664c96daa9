/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-event-editor.h — the form for one event of a student's timeline, checked as it is typed */
#pragma once

#include <adwaita.h>

#include "cl-case-model.h"
#include "cl-form-bin.h"

G_BEGIN_DECLS

#define CL_TYPE_EVENT_EDITOR (cl_event_editor_get_type ())
G_DECLARE_FINAL_TYPE (ClEventEditor, cl_event_editor, CL, EVENT_EDITOR, ClFormBin)

/* Starts from @initial, shown exactly as given (its type, kind, flags and extra), or else (NULL) a
 * new event of @today: the one @student's timeline expects next (a referral without a student),
 * listed first. Knowing @student (copied; may be NULL), the form questions what the history makes
 * unlikely. The "valid" property says whether it can be saved. */
ClEventEditor *cl_event_editor_new_for_student (const ClStudent *student,
                                                const ClEvent   *initial,
                                                ClDate           today);
/* The same without a student. */
ClEventEditor *cl_event_editor_new       (const ClEvent *initial,
                                          ClDate         today);
gboolean       cl_event_editor_get_valid (ClEventEditor *self);
/* The event as entered, into @out (clear it with cl_event_clear()); FALSE when not valid. */
gboolean       cl_event_editor_get_event (ClEventEditor *self,
                                          ClEvent       *out);
/* For tests and keyboard users alike: set the fields as a person would type them. */
void           cl_event_editor_set_date_text (ClEventEditor *self,
                                              const char    *text);
ClEventType    cl_event_editor_get_event_type (ClEventEditor *self);
void           cl_event_editor_set_event_type (ClEventEditor *self,
                                               ClEventType    type);
/* Sets the row of @field (a bundle member's name: "kind", "transition_plan", "until"…) as a
 * person would: a switch by "true"/"false", a list by the label shown, an entry by its text.
 * FALSE when the type chosen has no such row or the list no such label. */
gboolean       cl_event_editor_set_field      (ClEventEditor *self,
                                               const char    *field,
                                               const char    *value);
/* The problem or question shown under the form, or NULL. */
const char    *cl_event_editor_get_message    (ClEventEditor *self);

G_END_DECLS
