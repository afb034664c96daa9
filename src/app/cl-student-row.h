/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-student-row.h — one student as the caseload list shows it */
#pragma once

#include <glib-object.h>

#include "cl-case-model.h"
#include "cl-obligation.h"
#include "cl-student-search.h"

G_BEGIN_DECLS

#define CL_TYPE_STUDENT_ROW (cl_student_row_get_type ())
G_DECLARE_FINAL_TYPE (ClStudentRow, cl_student_row, CL, STUDENT_ROW, GObject)

/* @next_due: the student's most pressing open obligation, or NULL (borrowed; must outlive the row). */
ClStudentRow       *cl_student_row_new            (ClStudent          *student,
                                                   const ClObligation *next_due);
/* With the most pressing of @obligations (the student's, borrowed; may be NULL): overdue, due soon,
 * a prompt to follow up, then the rest, each the soonest due first. */
ClStudentRow       *cl_student_row_new_for        (ClStudent          *student,
                                                   GPtrArray          *obligations);
/* A row for every student of @caseload, @obligations_of giving each one's obligations (ClStudent*
 * -> GPtrArray), in the list's order (cl_student_row_compare()), made on every core: the window
 * makes them on the loading thread. */
GPtrArray          *cl_student_rows_new           (ClCaseload         *caseload,
                                                   GHashTable         *obligations_of,
                                                   gboolean            by_due);
ClStudent          *cl_student_row_get_student    (ClStudentRow *self);
const char         *cl_student_row_get_name       (ClStudentRow *self);
const char         *cl_student_row_get_subtitle   (ClStudentRow *self);
const char         *cl_student_row_get_next_due   (ClStudentRow *self);
/* The two parts of next_due: the title (or "Nothing due"), and the short date (or NULL). */
const char         *cl_student_row_get_next_title (ClStudentRow *self);
const char         *cl_student_row_get_next_date  (ClStudentRow *self);
const char         *cl_student_row_get_status     (ClStudentRow *self);
/* The due date of the most pressing open obligation (G_MAXUINT32 when nothing is open), and its
 * status (CL_STATUS_MET when nothing is open). */
ClDate              cl_student_row_get_next_due_date (ClStudentRow *self);
ClObligationStatus  cl_student_row_get_next_status   (ClStudentRow *self);
/* Whether every word of @query is in the name, id or case manager (no allocation). */
gboolean            cl_student_row_matches        (ClStudentRow         *self,
                                                   const ClStudentQuery *query);
/* By last name, then first name (as the locale sorts them), then id; from keys made once. */
int                 cl_student_row_compare_names  (ClStudentRow *a,
                                                   ClStudentRow *b);
/* The list's order: by the next due date first when @by_due, then by name. */
int                 cl_student_row_compare        (ClStudentRow *a,
                                                   ClStudentRow *b,
                                                   gboolean      by_due);

G_END_DECLS
