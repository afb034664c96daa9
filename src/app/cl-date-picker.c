/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-date-picker.c — an entry row with a calendar popover */
#define G_LOG_DOMAIN "cl-date-picker"

#include "config.h"

#include <glib/gi18n.h>

#include "cl-roster-columns.h"
#include "cl-date-picker.h"

static void
on_day_selected (GtkCalendar *calendar,
                 AdwEntryRow *row)
{
  g_autoptr(GDateTime) day = gtk_calendar_get_date (calendar);
  g_autofree char *text = g_date_time_format (day, "%Y-%m-%d");
  GtkWidget *popover = gtk_widget_get_ancestor (GTK_WIDGET (calendar), GTK_TYPE_POPOVER);

  gtk_editable_set_text (GTK_EDITABLE (row), text);
  if (popover != NULL)
    gtk_popover_popdown (GTK_POPOVER (popover));
}

/* The calendar opens on the row's date when it has one. */
static void
on_popover_shown (GtkPopover  *popover,
                  AdwEntryRow *row)
{
  GtkCalendar *calendar = GTK_CALENDAR (gtk_popover_get_child (popover));
  ClDate date;
  int y, m, d;

  if (!cl_date_picker_get_date (row, &date))
    return;
  cl_date_to_ymd (date, &y, &m, &d);
  {
    g_autoptr(GDateTime) day = g_date_time_new_local (y, m, d, 0, 0, 0);
    g_signal_handlers_block_by_func (calendar, on_day_selected, row);
    gtk_calendar_select_day (calendar, day);
    g_signal_handlers_unblock_by_func (calendar, on_day_selected, row);
  }
}

void
cl_date_picker_attach (AdwEntryRow *row)
{
  GtkWidget *button = gtk_menu_button_new ();
  GtkWidget *popover = gtk_popover_new ();
  GtkWidget *calendar = gtk_calendar_new ();

  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (button), "x-office-calendar-symbolic");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, _("Pick a Date"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Pick a Date"), -1);
  gtk_popover_set_child (GTK_POPOVER (popover), calendar);
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (button), popover);
  g_signal_connect (calendar, "day-selected", G_CALLBACK (on_day_selected), row);
  g_signal_connect (popover, "show", G_CALLBACK (on_popover_shown), row);
  adw_entry_row_add_suffix (row, button);
}

gboolean
cl_date_picker_get_date (AdwEntryRow *row,
                         ClDate      *out_date)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
  g_autofree char *reason = NULL;

  return *text != '\0' && cl_roster_parse_date (text, out_date, &reason);
}
