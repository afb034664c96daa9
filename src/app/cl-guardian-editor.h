/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-guardian-editor.h — the form for one parent or guardian, checked as it is typed */
#pragma once

#include <adwaita.h>

#include "cl-case-model.h"
#include "cl-form-bin.h"

G_BEGIN_DECLS

#define CL_TYPE_GUARDIAN_EDITOR (cl_guardian_editor_get_type ())
G_DECLARE_FINAL_TYPE (ClGuardianEditor, cl_guardian_editor, CL, GUARDIAN_EDITOR, ClFormBin)

/* Starts from @initial (NULL: nobody yet). The "valid" property says whether it can be saved. */
ClGuardianEditor *cl_guardian_editor_new          (const ClGuardian *initial);
gboolean          cl_guardian_editor_get_valid    (ClGuardianEditor *self);
/* The question or problem the form shows now, or NULL. */
const char       *cl_guardian_editor_get_message  (ClGuardianEditor *self);
/* The guardian as entered into @out, with strings of its own (what the form does not show is
 * kept from the initial one); FALSE when not valid. */
gboolean          cl_guardian_editor_get_guardian (ClGuardianEditor *self,
                                                   ClGuardian       *out);
/* For tests and keyboard users alike: type @text into the row named @row ("name",
 * "relationship", "language", "phone", "email", "address"). */
void              cl_guardian_editor_set_text     (ClGuardianEditor *self,
                                                   const char       *row,
                                                   const char       *text);

G_END_DECLS
