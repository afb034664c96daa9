/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-student-page-conflicts.c — the student's own conflicts with the district server, at the top
 * of their file: what was changed here and there, and one click keeps either (student.keep-conflict)
 *
 * Whoever opens the file sees them before working on it, so nothing is built on a value that the
 * next sync would take back.
 */
#define G_LOG_DOMAIN "cl-student-page-conflicts"

#include "config.h"

#include <glib/gi18n.h>

#include "cl-conflict-rows.h"
#include "cl-student-page-private.h"
#include "cl-sync-state.h"

void
_cl_student_page_show_conflicts (ClStudentPage *self,
                                 ClStudent     *student)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) conflicts = NULL;
  GtkWidget *child;
  guint shown = 0;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->conflicts_box))) != NULL)
    gtk_box_remove (self->conflicts_box, child);

  /* Opening a file is a hot path: ask the database only when the session counts any. */
  if (cl_sync_state_get_conflicts (cl_session_get_sync_state (self->session)) == 0)
    {
      gtk_widget_set_visible (GTK_WIDGET (self->conflicts_box), FALSE);
      return;
    }
  conflicts = cl_session_list_conflicts (self->session, &error);
  if (conflicts == NULL)
    g_warning ("Listing the conflicts with the district server failed: %s", error->message);
  for (guint i = 0; conflicts != NULL && i < conflicts->len; i++)
    {
      const ClConflict *c = conflicts->pdata[i];

      if (g_strcmp0 (c->student_uid, student->id) != 0)
        continue;
      gtk_box_append (self->conflicts_box, cl_conflict_group_new (c, FALSE, "student.keep-conflict"));
      shown++;
    }
  gtk_widget_set_visible (GTK_WIDGET (self->conflicts_box), shown > 0);
}

static void
keep_conflict_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  ClStudentPage *self = CL_STUDENT_PAGE (widget);
  g_autoptr(GError) error = NULL;
  const char *done = cl_conflict_keep (self->session, parameter, &error);

  if (done == NULL)
    _cl_report_unsaved (widget, error);
  else
    gtk_widget_activate_action (widget, "win.toast", "s", done);
}

void
_cl_student_page_class_conflicts_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "student.keep-conflict", "(xb)", keep_conflict_action);
}
