/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-due-page.c — everything due across the open caseload, most urgent first */
#define G_LOG_DOMAIN "cl-due-page"

#include "config.h"

#include <glib/gi18n.h>

#include "cl-due-page.h"
#include "cl-group-rows.h"
#include "cl-meeting-labels.h"

/* A district's caseload has tens of thousands of open items: a group lists the first ones and
 * says how many more there are, rather than building rows nobody scrolls to. */
#define MAX_ROWS_PER_GROUP 200

enum { GROUP_OVERDUE, GROUP_WEEK, GROUP_MONTH, GROUP_LATER, N_GROUPS };

struct _ClDuePage
{
  AdwBin               parent_instance;
  AdwPreferencesGroup *groups[N_GROUPS];
  AdwStatusPage       *empty_page;
  GPtrArray           *rows;   /* (group, row) pairs */
};

enum { STUDENT_ACTIVATED, N_SIGNALS };
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (ClDuePage, cl_due_page, ADW_TYPE_BIN)

static void
cl_due_page_dispose (GObject *object)
{
  ClDuePage *self = CL_DUE_PAGE (object);

  g_clear_pointer (&self->rows, g_ptr_array_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), CL_TYPE_DUE_PAGE);
  G_OBJECT_CLASS (cl_due_page_parent_class)->dispose (object);
}

static void
cl_due_page_class_init (ClDuePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cl_due_page_dispose;

  signals[STUDENT_ACTIVATED] = g_signal_new ("student-activated", G_TYPE_FROM_CLASS (klass),
                                             G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                             G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/caseload/Caseload/cl-due-page.ui");
  gtk_widget_class_bind_template_child_full (widget_class, "overdue_group", FALSE,
                                             G_STRUCT_OFFSET (ClDuePage, groups[GROUP_OVERDUE]));
  gtk_widget_class_bind_template_child_full (widget_class, "week_group", FALSE,
                                             G_STRUCT_OFFSET (ClDuePage, groups[GROUP_WEEK]));
  gtk_widget_class_bind_template_child_full (widget_class, "month_group", FALSE,
                                             G_STRUCT_OFFSET (ClDuePage, groups[GROUP_MONTH]));
  gtk_widget_class_bind_template_child_full (widget_class, "later_group", FALSE,
                                             G_STRUCT_OFFSET (ClDuePage, groups[GROUP_LATER]));
  gtk_widget_class_bind_template_child (widget_class, ClDuePage, empty_page);
}

static void
cl_due_page_init (ClDuePage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->rows = _cl_group_rows_new ();
}

static void
on_row_activated (AdwActionRow *row,
                  ClDuePage    *self)
{
  g_signal_emit (self, signals[STUDENT_ACTIVATED], 0, g_object_get_data (G_OBJECT (row), "student-id"));
}

static GtkWidget *
obligation_row (ClDuePage          *self,
                const ClObligation *ob)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *name = cl_student_dup_display_name (ob->student);
  g_autofree char *title = g_strdup_printf ("%s — %s", name, _(ob->rule->title));
  g_autoptr(GDateTime) when = NULL;
  g_autofree char *date = NULL;
  g_autofree char *subtitle = NULL;
  int y, m, d;

  cl_date_to_ymd (ob->due, &y, &m, &d);
  when = g_date_time_new_local (y, m, d, 0, 0, 0);
  /* Translators: a due date in the list of everything due, see strftime(3) */
  date = g_date_time_format (when, _("%a %b %-d, %Y"));
  /* Translators: due date and case manager of an obligation */
  subtitle = g_strdup_printf (_("Due %s · %s"), date,
                              ob->student->case_manager && ob->student->case_manager->name
                                ? ob->student->case_manager->name : _("no case manager"));
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  _cl_describe_obligation_row (row, ob->status, subtitle);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
  g_object_set_data_full (G_OBJECT (row), "student-id", g_strdup (ob->student->id), g_free);
  g_signal_connect (row, "activated", G_CALLBACK (on_row_activated), self);
  return row;
}

/* Across students: by due date, then student and rule, so the order never jumps. */
static int
compare_by_due (gconstpointer a,
                gconstpointer b)
{
  const ClObligation *oa = *(ClObligation * const *) a;
  const ClObligation *ob = *(ClObligation * const *) b;

  if (oa->due != ob->due)
    return oa->due < ob->due ? -1 : 1;
  return cl_obligation_compare (a, b);
}

void
cl_due_page_show (ClDuePage *self,
                  GPtrArray *obligations,
                  ClDate     today)
{
  g_autoptr(GPtrArray) open = g_ptr_array_new ();
  guint counts[N_GROUPS] = { 0 };

  g_return_if_fail (CL_IS_DUE_PAGE (self));

  _cl_group_rows_clear (self->rows);

  for (guint i = 0; obligations && i < obligations->len; i++)
    {
      ClObligation *ob = g_ptr_array_index (obligations, i);
      if (ob->status != CL_STATUS_MET && ob->status != CL_STATUS_MET_LATE)
        g_ptr_array_add (open, ob);
    }
  g_ptr_array_sort (open, compare_by_due);
  for (guint i = 0; i < open->len; i++)
    {
      const ClObligation *ob = g_ptr_array_index (open, i);
      int group = ob->due < today ? GROUP_OVERDUE
                  : ob->due <= today + 7 ? GROUP_WEEK
                  : ob->due <= today + 30 ? GROUP_MONTH
                  : GROUP_LATER;

      if (counts[group]++ < MAX_ROWS_PER_GROUP)
        _cl_group_rows_add (self->rows, self->groups[group], obligation_row (self, ob));
    }
  for (int g = 0; g < N_GROUPS; g++)
    {
      gtk_widget_set_visible (GTK_WIDGET (self->groups[g]), counts[g] > 0);
      if (counts[g] > MAX_ROWS_PER_GROUP)
        {
          g_autofree char *more = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "and %u more", "and %u more",
                                                                counts[g] - MAX_ROWS_PER_GROUP),
                                                   counts[g] - MAX_ROWS_PER_GROUP);
          GtkWidget *row = adw_action_row_new ();
          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), more);
          gtk_widget_add_css_class (row, "dim-label");
          _cl_group_rows_add (self->rows, self->groups[g], row);
        }
      {
        g_autofree char *description = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u item", "%u items", counts[g]),
                                                         counts[g]);
        adw_preferences_group_set_description (self->groups[g], description);
      }
    }
  /* The stack is the bin's child: reached through the bin, not bound, so that only the bin
   * unparents it when the page goes away. */
  gtk_stack_set_visible_child_name (GTK_STACK (adw_bin_get_child (ADW_BIN (self))),
                                    open->len > 0 ? "list" : "empty");
}
