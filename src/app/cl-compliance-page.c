/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-compliance-page.c — the principal's view: what is overdue, whose, and how often on time */
#define G_LOG_DOMAIN "cl-compliance-page"

#include "config.h"

#include <glib/gi18n.h>

#include "cl-compliance.h"
#include "cl-compliance-page.h"
#include "cl-compliance-discipline.h"
#include "cl-group-rows.h"

struct _ClCompliancePage
{
  AdwBin               parent_instance;
  AdwPreferencesGroup *schools_group;
  AdwPreferencesGroup *managers_group;
  GtkDrawingArea      *chart;
  GtkLabel            *summary_label;
  GtkBox              *discipline_box;
  GPtrArray           *rows;       /* (group, row) pairs */
  ClComplianceReport  *report;     /* what the chart and the rows show */
};

enum { CASE_MANAGER_ACTIVATED, STUDENT_ACTIVATED, N_SIGNALS };
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (ClCompliancePage, cl_compliance_page, ADW_TYPE_BIN)

#define BAR_HEIGHT 22
#define BAR_GAP 10
#define LABEL_WIDTH 170

static void
cl_compliance_page_dispose (GObject *object)
{
  ClCompliancePage *self = CL_COMPLIANCE_PAGE (object);

  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_pointer (&self->report, cl_compliance_report_free);
  gtk_widget_dispose_template (GTK_WIDGET (self), CL_TYPE_COMPLIANCE_PAGE);
  G_OBJECT_CLASS (cl_compliance_page_parent_class)->dispose (object);
}

/* Horizontal bars, one per case manager: overdue in the error colour, then what falls due in the
 * next 30 days in the warning colour. The numbers are also in the rows below: the chart is a
 * picture of them, never the only place they are. */
static void
draw_chart (GtkDrawingArea *area,
            cairo_t        *cr,
            int             width,
            int             height,
            gpointer        user_data)
{
  ClCompliancePage *self = user_data;
  guint max = 1;
  double bar_space = MAX (width - LABEL_WIDTH - 60, 40);
  GdkRGBA fg;

  gtk_style_context_get_color (gtk_widget_get_style_context (GTK_WIDGET (area)), &fg);
  for (guint i = 0; i < (self->report ? self->report->managers->len : 0); i++)
    {
      const ClComplianceTally *t = g_ptr_array_index (self->report->managers, i);
      max = MAX (max, t->overdue + t->due_30);
    }
  for (guint i = 0; i < (self->report ? self->report->managers->len : 0); i++)
    {
      const ClComplianceTally *t = g_ptr_array_index (self->report->managers, i);
      double y = i * (BAR_HEIGHT + BAR_GAP);
      double overdue_w = bar_space * t->overdue / max;
      double soon_w = bar_space * t->due_30 / max;
      g_autoptr(PangoLayout) name = gtk_widget_create_pango_layout (GTK_WIDGET (area), t->name);
      g_autofree char *figure = g_strdup_printf ("%u · %u", t->overdue, t->due_30);
      g_autoptr(PangoLayout) value = gtk_widget_create_pango_layout (GTK_WIDGET (area), figure);
      int lw, lh;

      pango_layout_set_width (name, (LABEL_WIDTH - 12) * PANGO_SCALE);
      pango_layout_set_ellipsize (name, PANGO_ELLIPSIZE_END);
      pango_layout_get_pixel_size (name, &lw, &lh);
      gdk_cairo_set_source_rgba (cr, &fg);
      cairo_move_to (cr, 0, y + (BAR_HEIGHT - lh) / 2.0);
      pango_cairo_show_layout (cr, name);

      cairo_set_source_rgb (cr, 0.878, 0.106, 0.141);            /* GNOME red 3 */
      cairo_rectangle (cr, LABEL_WIDTH, y, overdue_w, BAR_HEIGHT);
      cairo_fill (cr);
      cairo_set_source_rgb (cr, 0.965, 0.827, 0.176);            /* GNOME yellow 3 */
      cairo_rectangle (cr, LABEL_WIDTH + overdue_w, y, soon_w, BAR_HEIGHT);
      cairo_fill (cr);

      gdk_cairo_set_source_rgba (cr, &fg);
      pango_layout_get_pixel_size (value, &lw, &lh);
      cairo_move_to (cr, LABEL_WIDTH + overdue_w + soon_w + 8, y + (BAR_HEIGHT - lh) / 2.0);
      pango_cairo_show_layout (cr, value);
    }
}

static void
on_chart_pressed (GtkGestureClick  *gesture,
                  int               n_press,
                  double            x,
                  double            y,
                  ClCompliancePage *self)
{
  guint index = (guint) (y / (BAR_HEIGHT + BAR_GAP));

  if (index < (self->report ? self->report->managers->len : 0))
    {
      const ClComplianceTally *t = g_ptr_array_index (self->report->managers, index);
      g_signal_emit (self, signals[CASE_MANAGER_ACTIVATED], 0, t->id);
    }
}

static void
cl_compliance_page_class_init (ClCompliancePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cl_compliance_page_dispose;

  signals[CASE_MANAGER_ACTIVATED] = g_signal_new ("case-manager-activated", G_TYPE_FROM_CLASS (klass),
                                                  G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                                  G_TYPE_NONE, 1, G_TYPE_STRING);

  /* A student of the Discipline section: the window opens their file. */
  signals[STUDENT_ACTIVATED] = g_signal_new ("student-activated", G_TYPE_FROM_CLASS (klass),
                                             G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                             G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/caseload/Caseload/cl-compliance-page.ui");
  gtk_widget_class_bind_template_child (widget_class, ClCompliancePage, schools_group);
  gtk_widget_class_bind_template_child (widget_class, ClCompliancePage, managers_group);
  gtk_widget_class_bind_template_child (widget_class, ClCompliancePage, chart);
  gtk_widget_class_bind_template_child (widget_class, ClCompliancePage, summary_label);
  gtk_widget_class_bind_template_child (widget_class, ClCompliancePage, discipline_box);
}

static void
cl_compliance_page_init (ClCompliancePage *self)
{
  GtkGesture *click = gtk_gesture_click_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  self->rows = _cl_group_rows_new ();
  gtk_drawing_area_set_draw_func (self->chart, draw_chart, self, NULL);
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self->chart), "pointer");
  g_signal_connect (click, "pressed", G_CALLBACK (on_chart_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self->chart), GTK_EVENT_CONTROLLER (click));
}

static char *
describe (const ClComplianceTally *t)
{
  int percent = cl_compliance_on_time_percent (t);
  g_autofree char *rate = percent >= 0 ? g_strdup_printf (_("%u %% on time over 12 months"), (guint) percent)
                                       : g_strdup (_("nothing due in the last 12 months"));
  /* Translators: one line of the compliance page */
  return g_strdup_printf (_("%'u students · %'u overdue · %'u due in 30 days · %s"),
                          t->students, t->overdue, t->due_30, rate);
}

static void
on_manager_row_activated (AdwActionRow     *row,
                          ClCompliancePage *self)
{
  g_signal_emit (self, signals[CASE_MANAGER_ACTIVATED], 0, g_object_get_data (G_OBJECT (row), "staff-id"));
}

static GtkWidget *
tally_row (ClCompliancePage *self,
           const ClComplianceTally *t,
           gboolean          manager)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *subtitle = describe (t);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), t->name);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  if (manager)
    {
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
      g_object_set_data_full (G_OBJECT (row), "staff-id", g_strdup (t->id), g_free);
      g_signal_connect (row, "activated", G_CALLBACK (on_manager_row_activated), self);
    }
  return row;
}

void
cl_compliance_page_show (ClCompliancePage *self,
                         ClCaseload       *caseload,
                         GPtrArray        *obligations,
                         ClDate            today)
{
  g_autofree char *summary = NULL;

  g_return_if_fail (CL_IS_COMPLIANCE_PAGE (self));

  _cl_group_rows_clear (self->rows);
  g_clear_pointer (&self->report, cl_compliance_report_free);
  self->report = cl_compliance_report_new (caseload, obligations, today, NULL);

  for (guint i = 0; i < self->report->schools->len; i++)
    _cl_group_rows_add (self->rows, self->schools_group,
                        tally_row (self, g_ptr_array_index (self->report->schools, i), FALSE));
  for (guint i = 0; i < self->report->managers->len; i++)
    _cl_group_rows_add (self->rows, self->managers_group,
                        tally_row (self, g_ptr_array_index (self->report->managers, i), TRUE));

  summary = describe (&self->report->total);
  gtk_label_set_label (self->summary_label, summary);
  gtk_widget_set_size_request (GTK_WIDGET (self->chart), -1,
                               MAX (1, self->report->managers->len) * (BAR_HEIGHT + BAR_GAP));
  {
    g_autofree char *label = g_strdup_printf (_("Bar chart of overdue and soon-due obligations per case manager. %s"), summary);
    gtk_accessible_update_property (GTK_ACCESSIBLE (self->chart), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  }
  gtk_widget_queue_draw (GTK_WIDGET (self->chart));
  _cl_compliance_page_show_discipline (self->discipline_box, G_OBJECT (self), signals[STUDENT_ACTIVATED],
                                       caseload, obligations, today);
}
