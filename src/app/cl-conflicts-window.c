/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-conflicts-window.c — every conflict with the district server waiting for a choice
 *
 * It follows the session: a sync that brings new conflicts, or a choice made in a student's file,
 * shows here at once. Choosing is one click and goes through the session (cl_session_resolve_
 * conflict), which reads the caseload again.
 */
#define G_LOG_DOMAIN "cl-conflicts-window"

#include "config.h"

#include <glib/gi18n.h>

#include "cl-conflict-rows.h"
#include "cl-conflicts-window.h"

struct _ClConflictsWindow
{
  AdwWindow        parent_instance;

  ClSession       *session;
  GPtrArray       *groups;        /* the groups shown, one per conflict (borrowed from list_box) */

  AdwToastOverlay *toasts;
  AdwWindowTitle  *window_title;
  GtkStack        *stack;
  GtkBox          *list_box;
};

G_DEFINE_FINAL_TYPE (ClConflictsWindow, cl_conflicts_window, ADW_TYPE_WINDOW)

static void
refill (ClConflictsWindow *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) conflicts = cl_session_list_conflicts (self->session, &error);
  g_autofree char *subtitle = NULL;

  for (guint i = 0; i < self->groups->len; i++)
    gtk_box_remove (self->list_box, self->groups->pdata[i]);
  g_ptr_array_set_size (self->groups, 0);

  if (conflicts == NULL)
    {
      adw_toast_overlay_add_toast (self->toasts, adw_toast_new (error->message));
      return;
    }
  for (guint i = 0; i < conflicts->len; i++)
    {
      GtkWidget *group = cl_conflict_group_new (conflicts->pdata[i], TRUE, "conflicts.keep");

      gtk_box_append (self->list_box, group);
      g_ptr_array_add (self->groups, group);
    }
  if (conflicts->len > 0)
    subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u to settle", "%u to settle", conflicts->len),
                                conflicts->len);
  adw_window_title_set_subtitle (self->window_title, subtitle ? subtitle : "");
  gtk_stack_set_visible_child_name (self->stack, conflicts->len > 0 ? "list" : "empty");
}

static void
keep_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  ClConflictsWindow *self = CL_CONFLICTS_WINDOW (widget);
  g_autoptr(GError) error = NULL;
  const char *done = cl_conflict_keep (self->session, parameter, &error);

  /* On success ::reloaded refilled the list. */
  adw_toast_overlay_add_toast (self->toasts, adw_toast_new (done ? done : error->message));
}

static void
cl_conflicts_window_dispose (GObject *object)
{
  ClConflictsWindow *self = CL_CONFLICTS_WINDOW (object);

  if (self->session)
    g_signal_handlers_disconnect_by_data (self->session, self);
  g_clear_object (&self->session);
  g_clear_pointer (&self->groups, g_ptr_array_unref);
  G_OBJECT_CLASS (cl_conflicts_window_parent_class)->dispose (object);
}

static void
cl_conflicts_window_class_init (ClConflictsWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cl_conflicts_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/caseload/Caseload/cl-conflicts-window.ui");
  gtk_widget_class_bind_template_child (widget_class, ClConflictsWindow, toasts);
  gtk_widget_class_bind_template_child (widget_class, ClConflictsWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, ClConflictsWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, ClConflictsWindow, list_box);

  gtk_widget_class_install_action (widget_class, "conflicts.keep", "(xb)", keep_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
cl_conflicts_window_init (ClConflictsWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->groups = g_ptr_array_new ();
}

ClConflictsWindow *
cl_conflicts_window_new (GtkWindow *parent,
                         ClSession *session)
{
  ClConflictsWindow *self;

  g_return_val_if_fail (CL_IS_SESSION (session), NULL);

  self = g_object_new (CL_TYPE_CONFLICTS_WINDOW, "transient-for", parent, NULL);
  self->session = g_object_ref (session);
  g_signal_connect_swapped (session, "reloaded", G_CALLBACK (refill), self);
  refill (self);
  return self;
}

guint
cl_conflicts_window_get_n_shown (ClConflictsWindow *self)
{
  g_return_val_if_fail (CL_IS_CONFLICTS_WINDOW (self), 0);
  return self->groups->len;
}
