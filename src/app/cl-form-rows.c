/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-form-rows.c — what the forms that check as they are typed share
 *
 * The event, removal, manifestation-determination, case, student and guardian forms each have
 * their own rules and messages; what they share is here, so that a date row, the red of a wrong
 * row or the message under a form behaves the same everywhere and is changed in one place.
 */
#define G_LOG_DOMAIN "cl-form-rows"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "cl-discipline.h"
#include "cl-form-rows.h"

GParamSpec *
cl_form_valid_param_spec (void)
{
  return g_param_spec_boolean ("valid", NULL, NULL, FALSE, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
}

void
cl_form_set_valid (gpointer    object,
                   gboolean   *valid,
                   gboolean    value,
                   GParamSpec *pspec)
{
  value = !!value;
  if (*valid == value)
    return;
  *valid = value;
  g_object_notify_by_pspec (G_OBJECT (object), pspec);
}

char *
cl_form_row_dup_text (AdwEntryRow *row)
{
  char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));

  if (*text == '\0')
    g_clear_pointer (&text, g_free);
  return text;
}

void
cl_form_row_set_text (AdwEntryRow *row,
                      const char  *text)
{
  gtk_editable_set_text (GTK_EDITABLE (row), text ? text : "");
}

void
cl_form_row_set_date (AdwEntryRow *row,
                      ClDate       date)
{
  g_autofree char *text = date != CL_DATE_NONE ? cl_date_to_iso (date) : NULL;

  cl_form_row_set_text (row, text);
}

void
cl_form_row_set_number (AdwEntryRow *row,
                        double       value)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  cl_form_row_set_text (row, g_ascii_formatd (buf, sizeof buf, "%g", value));
}

void
cl_form_mark (gpointer row,
              gboolean wrong)
{
  if (wrong)
    gtk_widget_add_css_class (GTK_WIDGET (row), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (row), "error");
}

void
cl_form_row_touch (AdwEntryRow *row)
{
  g_object_set_data (G_OBJECT (row), "touched", GINT_TO_POINTER (TRUE));
}

gboolean
cl_form_row_touched (AdwEntryRow *row)
{
  return g_object_get_data (G_OBJECT (row), "touched") != NULL;
}

void
cl_form_mark_touched (AdwEntryRow *row,
                      gboolean     wrong)
{
  cl_form_mark (row, wrong && cl_form_row_touched (row));
}

const char *
cl_form_row_date_problem (AdwEntryRow *row,
                          const char  *empty_message,
                          ClDate      *out)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (row));
  gboolean ok;

  *out = CL_DATE_NONE;
  ok = cl_date_parse_iso (text, out);
  cl_form_mark (row, !ok);
  if (ok)
    return NULL;
  return *text ? _("Not a date: write it as YYYY-MM-DD, for example 2026-11-24.") : empty_message;
}

gboolean
cl_form_parse_school_days (const char *text,
                           double     *out)
{
  char *end = NULL;
  double value;

  if (text == NULL || *text == '\0')
    return FALSE;
  value = g_ascii_strtod (text, &end);
  /* !(value > 0) also refuses "nan", which compares false with everything. */
  if (end == NULL || *end != '\0' || !(value > 0) || value > 366)
    return FALSE;
  *out = value;
  return TRUE;
}

void
cl_form_show_message (GtkLabel   *label,
                      const char *message)
{
  gtk_label_set_label (label, message ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (label), message != NULL);
}

void
cl_form_show_problem (GtkLabel    *label,
                      char       **shown,
                      const char  *problem,
                      const char  *question,
                      AdwEntryRow *problem_row)
{
  char *message = g_strdup (problem ? problem : question);

  g_free (*shown);
  *shown = message;
  cl_form_show_message (label, message);
  gtk_widget_remove_css_class (GTK_WIDGET (label), "error");
  gtk_widget_remove_css_class (GTK_WIDGET (label), "warning");
  gtk_widget_remove_css_class (GTK_WIDGET (label), "dim-label");
  gtk_widget_add_css_class (GTK_WIDGET (label),
                            problem == NULL ? "warning"
                            : problem_row != NULL && !cl_form_row_touched (problem_row) ? "dim-label"
                            : "error");
}

gboolean
cl_form_event_begin (ClEvent       *base,
                     const ClEvent *initial,
                     ClDate         today)
{
  if (initial != NULL)
    {
      cl_event_copy (initial, base);
      return TRUE;
    }
  base->date = today;
  base->kind = -1;
  base->from = -1;
  base->eligible = TRUE;
  return FALSE;
}

void
cl_form_event_from_base (const ClEvent *base,
                         AdwEntryRow   *date_row,
                         ClEvent       *out)
{
  cl_event_copy (base, out);
  /* cl_event_copy() shares the extra with @base, which must stay as it was opened. */
  g_clear_pointer (&out->extra, json_object_unref);
  out->extra = cl_discipline_dup_extra (base);
  cl_date_parse_iso (gtk_editable_get_text (GTK_EDITABLE (date_row)), &out->date);
}

void
cl_form_row_from_extra (AdwEntryRow *row,
                        JsonObject  *extra,
                        const char  *key)
{
  if (extra != NULL && json_object_has_member (extra, key))
    gtk_editable_set_text (GTK_EDITABLE (row), json_object_get_string_member_with_default (extra, key, ""));
}

void
cl_form_row_to_extra (AdwEntryRow *row,
                      JsonObject  *extra,
                      const char  *key)
{
  g_autofree char *value = cl_form_row_dup_text (row);

  if (value != NULL)
    json_object_set_string_member (extra, key, value);
  else if (json_object_has_member (extra, key))
    json_object_remove_member (extra, key);
}

void
cl_form_event_drop_empty_extra (ClEvent *event)
{
  if (event->extra != NULL && json_object_get_size (event->extra) == 0)
    g_clear_pointer (&event->extra, json_object_unref);
}
