/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-student-page-sections.c — a long file made navigable: a row of links under the student's
 * name to each section shown (What Is Due, Student, Family, Meetings, Discipline, Timeline, Done,
 * History), and student.jump-to, which scrolls there and moves the focus into it
 *
 * A case manager in a meeting goes from what is due to the timeline and back without scrolling
 * past everything between; keyboard users land inside the section, not only in front of it.
 */
#define G_LOG_DOMAIN "cl-student-page-sections"

#include "config.h"

#include <glib/gi18n.h>

#include "cl-student-page-private.h"

typedef struct {
  const char *name;
  const char *label;
  gsize       offset;   /* of the section's widget in ClStudentPage */
} Section;

static const Section sections[] = {
  { "due",        N_("What Is Due"), G_STRUCT_OFFSET (ClStudentPage, due_group) },
  { "student",    N_("Student"),     G_STRUCT_OFFSET (ClStudentPage, details_group) },
  { "family",     N_("Family"),      G_STRUCT_OFFSET (ClStudentPage, family_group) },
  { "meetings",   N_("Meetings"),    G_STRUCT_OFFSET (ClStudentPage, meetings_group) },
  { "discipline", N_("Discipline"),  G_STRUCT_OFFSET (ClStudentPage, discipline_section) },
  { "timeline",   N_("Timeline"),    G_STRUCT_OFFSET (ClStudentPage, timeline_group) },
  { "done",       N_("Done"),        G_STRUCT_OFFSET (ClStudentPage, done_group) },
  { "history",    N_("History"),     G_STRUCT_OFFSET (ClStudentPage, history_group) },
};

static GtkWidget *
section_widget (ClStudentPage *self,
                const char    *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (sections); i++)
    if (g_str_equal (sections[i].name, name))
      return *(GtkWidget **) G_STRUCT_MEMBER_P (self, sections[i].offset);
  return NULL;
}

static void
jump_to_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  ClStudentPage *self = CL_STUDENT_PAGE (widget);
  GtkWidget *target = section_widget (self, g_variant_get_string (parameter, NULL));
  /* The page is an AdwBin around its scrolled window (not a template child: the bin owns it). */
  GtkScrolledWindow *scroller = GTK_SCROLLED_WINDOW (adw_bin_get_child (ADW_BIN (self)));
  /* The viewport's child: the page's content, whose coordinates do not move as it scrolls. */
  GtkWidget *content = gtk_widget_get_first_child (gtk_scrolled_window_get_child (scroller));
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (scroller);
  graphene_point_t at;

  if (target == NULL || !gtk_widget_get_visible (target) || content == NULL ||
      !gtk_widget_compute_point (target, content, &GRAPHENE_POINT_INIT (0, 0), &at))
    return;
  /* The section's heading at the top, with the page's own margin above it. */
  gtk_adjustment_set_value (adjustment, MAX (0, at.y - 12));
  gtk_widget_child_focus (target, GTK_DIR_TAB_FORWARD);
}

void
_cl_student_page_sections_init (ClStudentPage *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (sections); i++)
    {
      GtkWidget *button = gtk_button_new_with_label (_(sections[i].label));
      GtkWidget *section = section_widget (self, sections[i].name);

      gtk_widget_add_css_class (button, "flat");
      gtk_widget_add_css_class (button, "caption");
      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "student.jump-to");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", sections[i].name);
      GtkWidget *child;

      gtk_flow_box_append (self->sections_box, button);
      child = gtk_widget_get_parent (button);
      /* The button is the one stop for Tab, not the flow box's child around it too. */
      gtk_widget_set_focusable (child, FALSE);
      /* A link to a section that is not shown (no family, no discipline) is not shown either. */
      g_object_bind_property (section, "visible", child, "visible", G_BINDING_SYNC_CREATE);
    }
}

void
_cl_student_page_class_sections_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "student.jump-to", "s", jump_to_action);
}
