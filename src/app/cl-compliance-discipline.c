/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-compliance-discipline.c — the Discipline section of the compliance page
 *
 * What a principal watches (HB 9.2: "the principal or designee shall monitor the number of days"):
 * per school, students with 8 or more counted days of removal this school year — services are
 * required from the 11th — and every open manifestation determination and interim setting, each
 * row opening the student's file. The figures are cl_discipline_report_new()'s.
 */
#define G_LOG_DOMAIN "cl-compliance-discipline"

#include "config.h"

#include <glib/gi18n.h>

#include "cl-compliance-discipline.h"
#include "cl-discipline-report.h"

/* The principal's threshold: two school days before the 10 that start the services. */
#define NEAR_DAYS 8


static void
on_row_activated (AdwActionRow *row,
                  GObject      *page)
{
  g_signal_emit (page, GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "signal-id")), 0,
                 g_object_get_data (G_OBJECT (row), "student-id"));
}

static GtkWidget *
pill (const char *text,
      const char *status)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_widget_add_css_class (label, "status-pill");
  gtk_widget_add_css_class (label, status);
  gtk_widget_set_valign (label, GTK_ALIGN_CENTER);
  return label;
}

static GtkWidget *
watch_row (const ClDisciplineWatch *w,
           GObject                 *page,
           guint                    signal_id)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *name = cl_student_dup_display_name (w->student);
  g_autoptr(GString) subtitle = g_string_new (NULL);

  /* Translators: counted days of removal of a student this school year */
  g_string_append_printf (subtitle, _("%g school days of removal this school year"), w->counted_days);
  if (w->mdr_due != CL_DATE_NONE)
    {
      g_autofree char *due = cl_date_dup_long (w->mdr_due);
      /* Translators: appended to a student's discipline line; %s is a date */
      g_string_append_printf (subtitle, _(" · manifestation determination due %s"), due);
    }
  if (w->iaes_ends != CL_DATE_NONE)
    {
      g_autofree char *ends = cl_date_dup_long (w->iaes_ends);
      g_string_append_printf (subtitle, _(" · interim setting ends %s"), ends);
    }
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle->str);

  /* One pill, the most pressing (the subtitle says the rest): a narrow window has room for one. */
  if (w->mdr_due != CL_DATE_NONE && w->mdr_status == CL_STATUS_OVERDUE)
    adw_action_row_add_suffix (ADW_ACTION_ROW (row), pill (_("MDR overdue"), "overdue"));
  else if (w->services_required)
    adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                               pill (_("Over 10 days"), w->services_status == CL_STATUS_OVERDUE ? "overdue" : "met_late"));
  else if (w->mdr_due != CL_DATE_NONE)
    adw_action_row_add_suffix (ADW_ACTION_ROW (row), pill (_("MDR open"), "due_soon"));
  else if (w->counted_days >= NEAR_DAYS)
    adw_action_row_add_suffix (ADW_ACTION_ROW (row), pill (_("Near 10 days"), "due_soon"));
  else if (w->iaes_ends != CL_DATE_NONE)
    adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                               pill (_("IAES"), w->iaes_status == CL_STATUS_OVERDUE ? "overdue" : "upcoming"));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_object_set_data_full (G_OBJECT (row), "student-id", g_strdup (w->student->id), g_free);
  g_object_set_data (G_OBJECT (row), "signal-id", GUINT_TO_POINTER (signal_id));
  g_signal_connect (row, "activated", G_CALLBACK (on_row_activated), page);
  return row;
}

void
_cl_compliance_page_show_discipline (GtkBox     *box,
                                     GObject    *page,
                                     guint       signal_id,
                                     ClCaseload *caseload,
                                     GPtrArray  *obligations,
                                     ClDate      today)
{
  g_autoptr(GPtrArray) report = cl_discipline_report_new (caseload, obligations, today, NEAR_DAYS);
  const char *description = _("Students with 8 or more school days of removal this school year (services are "
                              "required from the 11th), and every open manifestation determination and interim "
                              "setting. Select a student to open their file.");
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (box))) != NULL)
    gtk_box_remove (box, child);

  for (guint i = 0; i < report->len; i++)
    {
      const ClDisciplineSchool *s = g_ptr_array_index (report, i);
      AdwPreferencesGroup *group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
      /* Translators: the title of a school's discipline list on the compliance page */
      g_autofree char *title = g_strdup_printf (_("Discipline · %s"), s->school->name);

      adw_preferences_group_set_title (group, title);
      if (i == 0)
        adw_preferences_group_set_description (group, description);
      for (guint j = 0; j < s->students->len; j++)
        adw_preferences_group_add (group, watch_row (g_ptr_array_index (s->students, j), page, signal_id));
      gtk_box_append (box, GTK_WIDGET (group));
    }
  if (report->len == 0)
    {
      AdwPreferencesGroup *group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_group_set_title (group, _("Discipline"));
      adw_preferences_group_set_description (group, description);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     _("No student is near 10 days of removal, and no determination or interim setting is open."));
      adw_preferences_group_add (group, row);
      gtk_box_append (box, GTK_WIDGET (group));
    }
}
