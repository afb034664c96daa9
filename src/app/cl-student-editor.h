/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-student-editor.h — the form for a student's details, checked as it is typed */
#pragma once

#include <adwaita.h>

#include "cl-case-model.h"

G_BEGIN_DECLS

#define CL_TYPE_STUDENT_EDITOR (cl_student_editor_get_type ())
G_DECLARE_FINAL_TYPE (ClStudentEditor, cl_student_editor, CL, STUDENT_EDITOR, AdwWindow)

/* A dialog over @parent for @initial's details (NULL: a new student), offering the schools and
 * case managers of @caseload. It emits "save" when Save is pressed on a valid form; the handler
 * writes cl_student_editor_dup_student() and closes it, or shows why not with
 * cl_student_editor_show_error(). */
ClStudentEditor *cl_student_editor_new          (GtkWindow        *parent,
                                                 ClCaseload       *caseload,
                                                 const ClStudent  *initial,
                                                 ClDate            today);
gboolean         cl_student_editor_get_valid    (ClStudentEditor  *self);
/* The question or problem the form shows now, or NULL. */
const char      *cl_student_editor_get_message  (ClStudentEditor  *self);
/* The student as entered: the initial one's id, family, timeline and meetings are not copied,
 * only its own fields (and what the form does not show, such as the jurisdiction). School and
 * case manager are borrowed from the caseload. Free with cl_student_free(). */
ClStudent       *cl_student_editor_dup_student  (ClStudentEditor  *self);
void             cl_student_editor_show_error   (ClStudentEditor  *self,
                                                 const char       *message);
/* What Save does: emits "save" when the form is valid. */
void             cl_student_editor_save         (ClStudentEditor  *self);
/* For tests and keyboard users alike: type @text into the row named @row ("id", "first-name",
 * "last-name", "birth-date", "grade", "home-language", "emancipated-on"). */
void             cl_student_editor_set_text     (ClStudentEditor  *self,
                                                 const char       *row,
                                                 const char       *text);

/* "SLD · Specific learning disability" for a known code, the code itself otherwise. */
char            *cl_student_editor_describe_eligibility (const char *code);

G_END_DECLS
