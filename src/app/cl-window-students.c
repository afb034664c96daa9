/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-window-students.c — the window's commands about students that no file shown owns: a new one,
 * and the shortcut to the shown one's details (the page's student.edit-student) */
#define G_LOG_DOMAIN "cl-window-students"

#include "config.h"

#include <glib/gi18n.h>

#include "cl-student-page-private.h"
#include "cl-window-private.h"

/* ---- the student form ---- */

static void
new_student_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  ClWindow *self = CL_WINDOW (widget);

  _cl_student_form_open (widget, self->session, NULL);
}

/* Alt+Return anywhere in the window: the shown student's details. */
static void
edit_student_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  gtk_widget_activate_action (GTK_WIDGET (CL_WINDOW (widget)->student_page), "student.edit-student", NULL);
}

void
_cl_window_class_students_init (ClWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_install_action (widget_class, "win.new-student", NULL, new_student_action);
  gtk_widget_class_install_action (widget_class, "win.edit-student", NULL, edit_student_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.new-student", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_ALT_MASK, "win.edit-student", NULL);
}
