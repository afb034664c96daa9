/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-removal-editor.h — the "Log a Removal" form: first day, school days, kind, circumstance */
#pragma once

#include <adwaita.h>

#include "cl-case-model.h"
#include "cl-form-bin.h"

G_BEGIN_DECLS

#define CL_TYPE_REMOVAL_EDITOR (cl_removal_editor_get_type ())
G_DECLARE_FINAL_TYPE (ClRemovalEditor, cl_removal_editor, CL, REMOVAL_EDITOR, ClFormBin)

/* Starts from @initial (a removal being changed; NULL: a suspension starting @today). The "valid"
 * property says whether it can be saved. */
ClRemovalEditor *cl_removal_editor_new       (const ClEvent   *initial,
                                              ClDate           today);
gboolean         cl_removal_editor_get_valid (ClRemovalEditor *self);
/* The removal as entered into @out (clear it with cl_event_clear()); FALSE when not valid. */
gboolean         cl_removal_editor_get_event (ClRemovalEditor *self,
                                              ClEvent         *out);
/* Fills the form as a person would type it (for tests and keyboard users alike); NULL leaves a
 * field as it is. */
void             cl_removal_editor_set_text  (ClRemovalEditor *self,
                                              const char      *date,
                                              const char      *school_days,
                                              int              kind,
                                              const char      *description);
/* The message under the form ("" when none). */
const char      *cl_removal_editor_get_message (ClRemovalEditor *self);

G_END_DECLS
