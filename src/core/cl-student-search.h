/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-student-search.h — finding a student by name, id or case manager as it is typed
 *
 * Each student gets a folded key once (case folded, accents dropped: "Gutiérrez" -> "gutierrez");
 * each keystroke folds the query once and then only compares bytes, so filtering ten thousand
 * students allocates nothing per student.
 */
#pragma once

#include "cl-case-model.h"

G_BEGIN_DECLS

/* @text case folded, compatibility-decomposed and without combining marks (accents). */
char           *cl_search_fold              (const char *text);
/* The folded text @student is found by: their name, id and case manager's name. */
char           *cl_student_search_key       (const ClStudent *student);

typedef struct _ClStudentQuery ClStudentQuery;

/* The words of @text (NULL or blank: a query everything matches), folded. */
ClStudentQuery *cl_student_query_new        (const char           *text);
void            cl_student_query_free       (ClStudentQuery       *query);
gboolean        cl_student_query_is_empty   (const ClStudentQuery *query);
/* Whether every word of @query is somewhere in @key (from cl_student_search_key()). */
gboolean        cl_student_query_matches    (const ClStudentQuery *query,
                                             const char           *key);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ClStudentQuery, cl_student_query_free)

G_END_DECLS
