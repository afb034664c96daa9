/* cl-student-page-private.h — what the student page's files share */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "cl-discipline-section.h"
#include "cl-student-page.h"

G_BEGIN_DECLS

/* The Student group's rows, in their order on the page. */
enum {
  DETAIL_ID, DETAIL_BORN, DETAIL_GRADE, DETAIL_SCHOOL, DETAIL_CASE_MANAGER, DETAIL_ELIGIBILITY,
  DETAIL_LANGUAGE, DETAIL_ENGLISH_LEARNER, DETAIL_RIGHTS, N_DETAILS
};

struct _ClStudentPage
{
  AdwBin               parent_instance;

  GtkLabel            *name_label;
  GtkLabel            *summary_label;
  AdwPreferencesGroup *details_group;
  GtkFlowBox          *sections_box;    /* links to each section shown (cl-student-page-sections.c) */
  GtkBox              *conflicts_box;   /* the student's conflicts with the district server */
  AdwPreferencesGroup *due_group;
  AdwPreferencesGroup *done_group;
  AdwPreferencesGroup *family_group;
  AdwPreferencesGroup *meetings_group;
  AdwPreferencesGroup *timeline_group;
  ClDisciplineSection *discipline_section;
  AdwPreferencesGroup *history_group;

  GPtrArray           *rows;   /* (group, row) pairs added for the current student */
  GtkWidget           *detail_rows[N_DETAILS];   /* the same rows for every student, made once */
  /* The closed rows built when opened (borrowed, among @rows), and whose file they show: opened
   * ones stay open when the same student's file is shown again after a change. */
  GtkWidget           *older_row;
  GtkWidget           *done_row;
  GtkWidget           *history_row;
  char                *shown_id;
  GtkWidget           *add_button;
  GtkWidget           *details_buttons;   /* Edit Details…, Delete Student… */
  GtkWidget           *add_guardian_button;
  GtkWidget           *plan_button;
  gboolean             editable;
  /* The obligation completed from its row (student.complete), shown done in place for a moment
   * before it moves to Done: its key (cl-obligation-done.h) and the timeout that moves it. */
  GVariant            *just_done;
  guint                just_done_source;
  ClSession           *session;     /* whose caseload the student is of */
  ClStudent           *student;     /* shown, borrowed from the session's caseload; NULL: none */
};

/* cl-student-page-discipline.c */
void _cl_student_page_class_discipline_init (GtkWidgetClass *widget_class);

/* cl-student-page-sections.c */
void _cl_student_page_class_sections_init (GtkWidgetClass *widget_class);
void _cl_student_page_sections_init       (ClStudentPage  *self);

/* cl-student-page-conflicts.c */
void _cl_student_page_class_conflicts_init (GtkWidgetClass *widget_class);
void _cl_student_page_show_conflicts       (ClStudentPage  *self,
                                            ClStudent      *student);

/* cl-student-page-documents.c */
void _cl_student_page_class_documents_init (GtkWidgetClass *widget_class);

/* cl-student-page-plan.c */
void _cl_student_page_class_plan_init   (GtkWidgetClass *widget_class);

/* cl-student-page-actions.c */
void _cl_student_page_class_actions_init (GtkWidgetClass *widget_class);
/* Forgets the obligation shown done in place (a new one is being done, or another file shown). */
void _cl_student_page_forget_just_done   (ClStudentPage  *self);
void _cl_student_page_actions_update     (ClStudentPage  *self);
/* The window says what happened to a change made from @from (win.show-saved, win.show-unsaved). */
void _cl_report_saved                    (GtkWidget      *from,
                                          const char     *student_id,
                                          const char     *message);
void _cl_report_unsaved                  (GtkWidget      *from,
                                          GError         *error);
/* @event saved for @student_id (a new one, or in place of the one at @position when @editing);
 * the window says @message (NULL: "Event added"/"Event changed") with Undo, or why it was not. */
void _cl_student_page_save_event         (ClStudentPage   *self,
                                          const char      *student_id,
                                          gboolean         editing,
                                          guint            position,
                                          const ClEvent   *event,
                                          const char      *message);
/* The student form, adding one (@initial NULL) or changing @initial, saved through @session. */
void _cl_student_form_open               (GtkWidget       *from,
                                          ClSession       *session,
                                          const ClStudent *initial);

G_END_DECLS
