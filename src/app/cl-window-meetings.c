/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-window-meetings.c — a meeting's window opened (or brought forward) from the student's file,
 * and Ctrl+M
 *
 * The meeting windows follow the session themselves (cl-meeting-window.h): what they save, the
 * session reads again, and the student's file, the alerts and the meeting window never disagree.
 */
#define G_LOG_DOMAIN "cl-window-meetings"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "cl-documents.h"
#include "cl-meeting-labels.h"
#include "cl-meeting-window.h"
#include "cl-window-private.h"
#include "cl-rule-ids.h"

static void
open_meeting (ClWindow   *self,
              const char *student_id,
              const char *meeting_id)
{
  g_autoptr(GError) error = NULL;

  if (cl_session_get_store (self->session) == NULL)
    return;
  if (!cl_meeting_window_present (GTK_WINDOW (self), self->session, student_id, meeting_id, &error))
    _cl_window_toast (self, error->message);
}

static void
open_meeting_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  ClWindow *self = CL_WINDOW (widget);
  ClStudent *student = _cl_window_get_student (self);

  if (student != NULL)
    open_meeting (self, student->id, g_variant_get_string (parameter, NULL));
}

/* Ctrl+M anywhere in the window: a meeting for the shown student (the page's student.plan-meeting). */
static void
plan_meeting_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  gtk_widget_activate_action (GTK_WIDGET (CL_WINDOW (widget)->student_page), "student.plan-meeting", NULL);
}

void
_cl_window_class_meetings_init (ClWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_install_action (widget_class, "win.plan-meeting", NULL, plan_meeting_action);
  gtk_widget_class_install_action (widget_class, "win.open-meeting", "s", open_meeting_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_m, GDK_CONTROL_MASK, "win.plan-meeting", NULL);
}
