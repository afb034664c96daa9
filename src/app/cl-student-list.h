/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-student-list.h — the students the caseload list shows, filtered and in order */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define CL_TYPE_STUDENT_LIST (cl_student_list_get_type ())
G_DECLARE_FINAL_TYPE (ClStudentList, cl_student_list, CL, STUDENT_LIST, GObject)

/* The items of @source that @filter keeps, in @sorter's order: a GListModel that follows the
 * source, the filter's and the sorter's changes at once, each with a single items-changed
 * covering only the span that differs (so a keystroke is one update of the list, not thousands).
 * Holds references to all three. */
ClStudentList *cl_student_list_new        (GListModel    *source,
                                           GtkFilter     *filter,
                                           GtkSorter     *sorter);
/* How many items of the source there are, shown or not. */
guint          cl_student_list_get_n_all  (ClStudentList *self);
/* Names the filter's next state (a search's text) just before its change is announced: a change
 * that only loosens it back to a state it was narrowed from (the last letter erased) gives back
 * the items kept then, instead of asking the filter about every item again. Any other change
 * forgets what was kept. */
void           cl_student_list_set_filter_key (ClStudentList *self,
                                               const char    *key);

G_END_DECLS
