/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-mdr-editor.h — the manifestation determination: the meeting, the two questions, the outcome */
#pragma once

#include <adwaita.h>

#include "cl-case-model.h"
#include "cl-form-bin.h"

G_BEGIN_DECLS

#define CL_TYPE_MDR_EDITOR (cl_mdr_editor_get_type ())
G_DECLARE_FINAL_TYPE (ClMdrEditor, cl_mdr_editor, CL, MDR_EDITOR, ClFormBin)

/* Starts from @initial (a manifestation `iep_meeting` being changed; NULL: a meeting @today). */
ClMdrEditor *cl_mdr_editor_new         (const ClEvent *initial,
                                        ClDate         today);
gboolean     cl_mdr_editor_get_valid   (ClMdrEditor   *self);
/* The meeting as an `iep_meeting` of kind manifestation, the answers and the outcome in its
 * extra; FALSE when not valid. */
gboolean     cl_mdr_editor_get_event   (ClMdrEditor   *self,
                                        ClEvent       *out);
/* As a person would answer: @date (NULL: unchanged), each answer 1 yes, 0 no, -1 unanswered. */
void         cl_mdr_editor_set_answers (ClMdrEditor   *self,
                                        const char    *date,
                                        int            caused_by_disability,
                                        int            failure_to_implement);
/* What the outcome line says now. */
const char  *cl_mdr_editor_get_outcome_text (ClMdrEditor *self);

G_END_DECLS
