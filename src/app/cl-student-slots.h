/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-student-slots.h — the rows of the caseload list, kept while what they show changes */
#pragma once

#include <gtk/gtk.h>

#include "cl-student-list.h"
#include "cl-student-row.h"

G_BEGIN_DECLS

#define CL_TYPE_STUDENT_SLOT (cl_student_slot_get_type ())
G_DECLARE_FINAL_TYPE (ClStudentSlot, cl_student_slot, CL, STUDENT_SLOT, GObject)

/* The student row a place of the list shows now ("notify::row" when it changes). */
ClStudentRow   *cl_student_slot_get_row         (ClStudentSlot  *self);

#define CL_TYPE_STUDENT_SLOTS (cl_student_slots_get_type ())
G_DECLARE_FINAL_TYPE (ClStudentSlots, cl_student_slots, CL, STUDENT_SLOTS, GObject)

/* A GListModel of ClStudentSlot, one for each row of @rows: when @rows changes, the slots that
 * stay get the rows now at their place and only the ones past the end come or go, so the list
 * view fills the widgets it has instead of making new ones. */
ClStudentSlots *cl_student_slots_new            (ClStudentList  *rows);
/* The selection over the slots (not referenced): kept on the same student as rows move, and
 * cleared when that student is no longer in the list. */
void            cl_student_slots_set_selection  (ClStudentSlots     *self,
                                                 GtkSingleSelection *selection);

G_END_DECLS
