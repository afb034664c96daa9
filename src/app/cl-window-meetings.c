/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-window-meetings.c — planning a meeting from the student's file, opening its preparation, and
 * recording it as held (with undo)
 *
 * The meeting windows save through the store themselves; after each save this file rereads the
 * database, recomputes the obligations and hands every open meeting window its new state, so the
 * student's file, the alerts and the meeting window never disagree.
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

static gboolean
destroy_idle (gpointer data)
{
  gtk_window_destroy (data);
  return G_SOURCE_REMOVE;
}

/* Closed from an idle: a dialog of @mw may still be answering, and must go before its parent. */
static void
close_meeting_window (ClMeetingWindow *mw)
{
  if (g_object_get_data (G_OBJECT (mw), "cl-closing"))
    return;
  g_object_set_data (G_OBJECT (mw), "cl-closing", GINT_TO_POINTER (1));
  gtk_widget_set_visible (GTK_WIDGET (mw), FALSE);
  g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, destroy_idle, g_object_ref (mw), g_object_unref);
}

/* Every open meeting window, shown as the caseload is now (closed when its meeting is gone). */
void
_cl_window_meetings_sync (ClWindow *self)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l; l = l->next)
    {
      ClMeetingWindow *mw;
      ClStudent *student;

      if (!CL_IS_MEETING_WINDOW (l->data) || g_object_get_data (l->data, "cl-closing"))
        continue;
      mw = l->data;
      if (cl_meeting_window_get_store (mw) != cl_session_get_store (self->session))
        {
          close_meeting_window (mw);
          continue;
        }
      student = cl_caseload_lookup_student (cl_session_get_caseload (self->session), cl_meeting_window_get_student_id (mw));
      if (student == NULL ||
          !cl_meeting_window_update (mw, cl_session_get_caseload (self->session), cl_session_get_student_obligations (self->session, student), cl_session_get_today (self->session)))
        close_meeting_window (mw);
    }
}

static void
on_meeting_saved (ClMeetingWindow *mw,
                  const char      *message,
                  ClWindow        *self)
{
  g_autoptr(GError) error = NULL;
  ClStudent *open = _cl_window_get_student (self);
  /* Whichever file is open in the main window stays open. */
  g_autofree char *open_id = open ? g_strdup (open->id) : NULL;

  if (cl_session_get_store (self->session) == NULL || cl_meeting_window_get_store (mw) != cl_session_get_store (self->session))
    return;
  if (!_cl_window_reload (self, &error))
    {
      cl_meeting_window_toast (mw, error->message);
      return;
    }
  if (open_id != NULL)
    cl_window_select_student (self, open_id);
  _cl_window_meetings_sync (self);
}

static void
on_record_held (ClMeetingWindow *mw,
                const ClEvent   *event,
                ClWindow        *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *student_id = g_strdup (cl_meeting_window_get_student_id (mw));
  g_autofree char *meeting_id = g_strdup (cl_meeting_window_get_meeting_id (mw));

  if (cl_session_get_store (self->session) == NULL || cl_meeting_window_get_store (mw) != cl_session_get_store (self->session))
    return;
  if (!cl_session_record_meeting_held (self->session, student_id, meeting_id, event, &error))
    {
      g_autofree char *message = g_strdup_printf (_("Not saved: %s"), error->message);
      cl_meeting_window_toast (mw, message);
      return;
    }
  close_meeting_window (mw);
  _cl_window_show_saved (self, student_id, _("Meeting recorded as held"), TRUE);
}

static void
open_meeting (ClWindow   *self,
              const char *student_id,
              const char *meeting_id)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();
  ClStudent *student = cl_caseload_lookup_student (cl_session_get_caseload (self->session), student_id);
  ClMeetingWindow *mw;

  if (cl_session_get_store (self->session) == NULL || student == NULL)
    return;
  for (GList *l = toplevels; l; l = l->next)
    if (CL_IS_MEETING_WINDOW (l->data) && !g_object_get_data (l->data, "cl-closing") &&
        g_str_equal (cl_meeting_window_get_student_id (l->data), student_id) &&
        g_str_equal (cl_meeting_window_get_meeting_id (l->data), meeting_id))
      {
        gtk_window_present (l->data);
        return;
      }
  mw = cl_meeting_window_new (GTK_WINDOW (self), cl_session_get_store (self->session), student_id, meeting_id);
  if (!cl_meeting_window_update (mw, cl_session_get_caseload (self->session), cl_session_get_student_obligations (self->session, student), cl_session_get_today (self->session)))
    {
      gtk_window_destroy (GTK_WINDOW (mw));
      _cl_window_toast (self, _("That meeting is no longer planned"));
      return;
    }
  g_signal_connect_object (mw, "saved", G_CALLBACK (on_meeting_saved), self, 0);
  g_signal_connect_object (mw, "record-held", G_CALLBACK (on_record_held), self, 0);
  gtk_window_present (GTK_WINDOW (mw));
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
