/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-student-page.h — one student's file: who they are, what is due and why, their family */
#pragma once

#include <adwaita.h>

#include "cl-case-model.h"
#include "cl-documents.h"
#include "cl-session.h"

G_BEGIN_DECLS

#define CL_TYPE_STUDENT_PAGE (cl_student_page_get_type ())
G_DECLARE_FINAL_TYPE (ClStudentPage, cl_student_page, CL, STUDENT_PAGE, AdwBin)

/* The session whose students the page shows (once, before the first is shown). */
void cl_student_page_set_session  (ClStudentPage *self,
                                   ClSession     *session);
/* Shows @student (of the session's caseload) with their obligations as the session computed them,
 * and the history of their file when there is a database. */
void cl_student_page_show         (ClStudentPage *self,
                                   ClStudent     *student);
/* The student shown, or NULL. */
ClStudent *cl_student_page_get_student (ClStudentPage *self);
/* Whether the document @kind applies to the student shown: what student.document offers. */
gboolean cl_student_page_offers_document (ClStudentPage  *self,
                                          ClDocumentKind  kind);
/* Whether the file offers Add, Change and Delete (student.add-event, student.edit-event, …). */
void cl_student_page_set_editable (ClStudentPage *self,
                                   gboolean       editable);

G_END_DECLS
