/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-language-picker.c — an entry row with a list of languages by name */
#define G_LOG_DOMAIN "cl-language-picker"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "cl-form-rows.h"
#include "cl-roster-columns.h"
#include "cl-language-picker.h"

/* The code whose name, in the reader's language or in English, is @text; else what the import
 * tables know (codes, other names); NULL when none. */
static const char *
code_of (const char *text)
{
  g_autofree char *folded = g_utf8_casefold (text, -1);
  g_autofree char *reason = NULL;
  const char *code;

  for (guint i = 0; (code = cl_roster_language_code_at (i)) != NULL; i++)
    {
      const char *name = cl_roster_language_name (code);
      g_autofree char *local = g_utf8_casefold (_(name), -1);
      g_autofree char *english = g_utf8_casefold (name, -1);

      if (g_str_equal (folded, local) || g_str_equal (folded, english))
        return code;
    }
  return cl_roster_parse_language (text, &code, &reason) ? code : NULL;
}

static void
on_language_activated (GtkListBox    *list,
                       GtkListBoxRow *item,
                       AdwEntryRow   *row)
{
  const char *code = g_object_get_data (G_OBJECT (item), "code");
  GtkWidget *popover = gtk_widget_get_ancestor (GTK_WIDGET (list), GTK_TYPE_POPOVER);

  cl_language_picker_set (row, code);
  cl_form_row_touch (row);
  if (popover != NULL)
    gtk_popover_popdown (GTK_POPOVER (popover));
}

void
cl_language_picker_attach (AdwEntryRow *row)
{
  GtkWidget *button = gtk_menu_button_new ();
  GtkWidget *popover = gtk_popover_new ();
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *list = gtk_list_box_new ();
  const char *code;

  for (guint i = 0; (code = cl_roster_language_code_at (i)) != NULL; i++)
    {
      GtkWidget *label = gtk_label_new (_(cl_roster_language_name (code)));
      GtkWidget *item = gtk_list_box_row_new ();

      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_widget_set_margin_start (label, 6);
      gtk_widget_set_margin_end (label, 6);
      gtk_widget_set_margin_top (label, 6);
      gtk_widget_set_margin_bottom (label, 6);
      gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (item), label);
      g_object_set_data (G_OBJECT (item), "code", (gpointer) code);
      gtk_list_box_append (GTK_LIST_BOX (list), item);
    }
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), list);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_width (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_widget_set_size_request (scrolled, -1, 280);
  gtk_popover_set_child (GTK_POPOVER (popover), scrolled);
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (button), popover);
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (button), "view-list-symbolic");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, _("Choose a Language"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Choose a Language"), -1);
  g_signal_connect (list, "row-activated", G_CALLBACK (on_language_activated), row);
  adw_entry_row_add_suffix (row, button);
}

void
cl_language_picker_set (AdwEntryRow *row,
                        const char  *code)
{
  const char *name = code ? cl_roster_language_name (code) : NULL;

  cl_form_row_set_text (row, name ? _(name) : code);
}

char *
cl_language_picker_dup_code (AdwEntryRow *row)
{
  char *text = cl_form_row_dup_text (row);
  const char *code;

  if (text == NULL)
    return NULL;
  if ((code = code_of (text)) != NULL)
    {
      g_free (text);
      return g_strdup (code);
    }
  /* A two-letter code Caseload has no name for is still a code. */
  if (strlen (text) == 2)
    for (char *p = text; *p; p++)
      *p = g_ascii_tolower (*p);
  return text;
}

gboolean
cl_language_picker_is_known (const char *text)
{
  return code_of (text) != NULL ||
         (strlen (text) == 2 && g_ascii_isalpha (text[0]) && g_ascii_isalpha (text[1]));
}
