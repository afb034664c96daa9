/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-case-form.c — a small dated form for requests, complaints and what answers them
 *
 * Records requests (who asked, for what), complaints (kind, who filed, about what) and the events
 * that answer them (records provided, resolution session, response, decision with its outcome)
 * all need a date, sometimes a kind and a few words. One form, configured by a spec, rather than
 * one per event type; the texts go in the event's extra, which the store and bundles keep.
 */
#define G_LOG_DOMAIN "cl-case-form"

#include "config.h"

#include <glib/gi18n.h>

#include "cl-date-picker.h"
#include "cl-case-form.h"
#include "cl-form-rows.h"

struct _ClCaseForm
{
  ClFormBin             parent_instance;

  AdwEntryRow          *date_row;
  AdwComboRow          *kind_row;
  AdwEntryRow          *first_row;
  AdwEntryRow          *second_row;
  GtkLabel             *message_label;

  const ClCaseFormSpec *spec;
  ClDate                today;
  ClDate                not_before;
  char                 *not_before_message;
  char                 *required_message;
  ClEvent               base;
};

G_DEFINE_FINAL_TYPE (ClCaseForm, cl_case_form, CL_TYPE_FORM_BIN)

static AdwEntryRow *
text_row (ClCaseForm *self,
          guint       i)
{
  return i == 0 ? self->first_row : self->second_row;
}

static void
validate (ClCaseForm *self)
{
  ClDate date;
  const char *message = cl_form_row_date_problem (self->date_row, _("Enter the date."), &date);
  gboolean ok = message == NULL;

  /* A date before that of what it answers is as wrong as no date: red, and it cannot be saved. */
  if (ok && self->not_before != CL_DATE_NONE && date < self->not_before)
    {
      ok = FALSE;
      message = self->not_before_message;
      cl_form_mark (self->date_row, TRUE);
    }

  for (guint i = 0; ok && i < 2; i++)
    {
      g_autofree char *text = cl_form_row_dup_text (text_row (self, i));

      if (self->spec->text_title[i] != NULL && self->spec->text_required[i] && text == NULL)
        {
          ok = FALSE;
          g_free (self->required_message);
          /* Translators: %s is the title of an empty field of a form, e.g. "Who Asked" */
          self->required_message = g_strdup_printf (_("Fill in “%s”."), self->spec->text_title[i]);
          message = self->required_message;
        }
    }
  if (ok && date > self->today)
    message = _("This date is in the future. Check the year.");
  cl_form_show_message (self->message_label, message);
  cl_form_bin_set_valid (CL_FORM_BIN (self), ok);
}

static void
on_changed (ClCaseForm *self)
{
  g_assert (CL_IS_CASE_FORM (self));
  validate (self);
}

static void
cl_case_form_dispose (GObject *object)
{
  ClCaseForm *self = CL_CASE_FORM (object);

  cl_event_clear (&self->base);
  g_clear_pointer (&self->not_before_message, g_free);
  g_clear_pointer (&self->required_message, g_free);
  gtk_widget_dispose_template (GTK_WIDGET (self), CL_TYPE_CASE_FORM);
  G_OBJECT_CLASS (cl_case_form_parent_class)->dispose (object);
}

static void
cl_case_form_class_init (ClCaseFormClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cl_case_form_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/caseload/Caseload/cl-case-form.ui");
  gtk_widget_class_bind_template_child (widget_class, ClCaseForm, date_row);
  gtk_widget_class_bind_template_child (widget_class, ClCaseForm, kind_row);
  gtk_widget_class_bind_template_child (widget_class, ClCaseForm, first_row);
  gtk_widget_class_bind_template_child (widget_class, ClCaseForm, second_row);
  gtk_widget_class_bind_template_child (widget_class, ClCaseForm, message_label);
  gtk_widget_class_bind_template_callback (widget_class, on_changed);
}

static void
cl_case_form_init (ClCaseForm *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  cl_date_picker_attach (self->date_row);
}

ClCaseForm *
cl_case_form_new (const ClCaseFormSpec *spec,
                  const ClEvent        *initial,
                  ClDate                today,
                  ClDate                not_before,
                  const char           *not_before_message)
{
  ClCaseForm *self = g_object_new (CL_TYPE_CASE_FORM, NULL);

  self->spec = spec;
  self->today = today;
  self->not_before = not_before;
  self->not_before_message = g_strdup (not_before_message);
  cl_form_event_begin (&self->base, initial, today);
  self->base.type = spec->type;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->date_row), spec->date_title);
  if (spec->kind_labels != NULL)
    {
      g_autoptr(GtkStringList) kinds = gtk_string_list_new (NULL);

      for (guint i = 0; i < spec->n_kinds; i++)
        gtk_string_list_append (kinds, spec->kind_labels[i]);
      adw_combo_row_set_model (self->kind_row, G_LIST_MODEL (kinds));
      adw_combo_row_set_selected (self->kind_row, CLAMP (self->base.kind, 0, (int) spec->n_kinds - 1));
    }
  gtk_widget_set_visible (GTK_WIDGET (self->kind_row), spec->kind_labels != NULL);
  for (guint i = 0; i < 2; i++)
    {
      AdwEntryRow *row = text_row (self, i);

      gtk_widget_set_visible (GTK_WIDGET (row), spec->text_title[i] != NULL);
      if (spec->text_title[i] == NULL)
        continue;
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), spec->text_title[i]);
      cl_form_row_from_extra (row, self->base.extra, spec->text_key[i]);
    }
  cl_form_row_set_date (self->date_row, self->base.date);
  validate (self);
  return self;
}

gboolean
cl_case_form_get_valid (ClCaseForm *self)
{
  g_return_val_if_fail (CL_IS_CASE_FORM (self), FALSE);
  return cl_form_bin_get_valid (CL_FORM_BIN (self));
}

void
cl_case_form_set_text (ClCaseForm *self,
                       const char *date,
                       int         kind,
                       const char *first,
                       const char *second)
{
  g_return_if_fail (CL_IS_CASE_FORM (self));
  if (date != NULL)
    gtk_editable_set_text (GTK_EDITABLE (self->date_row), date);
  if (kind >= 0 && self->spec->kind_labels != NULL && (guint) kind < self->spec->n_kinds)
    adw_combo_row_set_selected (self->kind_row, kind);
  if (first != NULL)
    gtk_editable_set_text (GTK_EDITABLE (self->first_row), first);
  if (second != NULL)
    gtk_editable_set_text (GTK_EDITABLE (self->second_row), second);
}

gboolean
cl_case_form_get_event (ClCaseForm *self,
                        ClEvent    *out)
{
  g_return_val_if_fail (CL_IS_CASE_FORM (self), FALSE);
  if (!cl_form_bin_get_valid (CL_FORM_BIN (self)))
    return FALSE;

  cl_form_event_from_base (&self->base, self->date_row, out);
  if (self->spec->kind_labels != NULL)
    out->kind = (int) adw_combo_row_get_selected (self->kind_row);
  for (guint i = 0; i < 2; i++)
    if (self->spec->text_title[i] != NULL)
      cl_form_row_to_extra (text_row (self, i), out->extra, self->spec->text_key[i]);
  cl_form_event_drop_empty_extra (out);
  return TRUE;
}
