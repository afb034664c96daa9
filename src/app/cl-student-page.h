/* cl-student-page.h — one student's file: who they are, what is due and why, their family */
#pragma once

#include <adwaita.h>

#include "cl-case-model.h"
#include "cl-store.h"

G_BEGIN_DECLS

#define CL_TYPE_STUDENT_PAGE (cl_student_page_get_type ())
G_DECLARE_FINAL_TYPE (ClStudentPage, cl_student_page, CL, STUDENT_PAGE, AdwBin)

/* Shows @student with @obligations (theirs only, borrowed, in due order) as of @today, and the
 * audit trail from @store when there is one. */
void cl_student_page_show (ClStudentPage *self,
                           ClStudent     *student,
                           GPtrArray     *obligations,
                           ClStore       *store,
                           ClDate         today);
/* Whether the timeline offers Add, Change and Delete (win.add-event, win.edit-event, …). */
void cl_student_page_set_editable (ClStudentPage *self,
                                   gboolean       editable);

G_END_DECLS
