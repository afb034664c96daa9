/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-removal-editor.c — the "Log a Removal" form, checked as it is typed
 *
 * A removal is what the 10-day rule and the California limits count: its first day, how many
 * school days (portions of days count, HB 9.2), its kind (an in-school suspension is listed but
 * not counted) and any special circumstance (weapon, drugs, serious bodily injury: HB 9.7). A short
 * description is kept in the event's extra, so the log says what happened.
 */
#define G_LOG_DOMAIN "cl-removal-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "cl-date-picker.h"
#include "cl-discipline.h"
#include "cl-form-rows.h"
#include "cl-removal-editor.h"

struct _ClRemovalEditor
{
  ClFormBin    parent_instance;

  AdwEntryRow *date_row;
  AdwEntryRow *days_row;
  AdwComboRow *kind_row;
  AdwComboRow *special_row;
  AdwEntryRow *description_row;
  GtkLabel    *hint_label;
  GtkLabel    *message_label;

  ClDate       today;
  ClEvent      base;       /* the removal being changed: what is not on the form is kept */
};

G_DEFINE_FINAL_TYPE (ClRemovalEditor, cl_removal_editor, CL_TYPE_FORM_BIN)

static void
validate (ClRemovalEditor *self)
{
  const char *days_text = gtk_editable_get_text (GTK_EDITABLE (self->days_row));
  ClRemovalKind kind = adw_combo_row_get_selected (self->kind_row);
  ClSpecialCircumstance special = adw_combo_row_get_selected (self->special_row);
  ClDate date;
  double days = 0;
  /* An impossible date or a count of days that is not a positive number cannot be saved; a
   * future date is questioned, not refused (a suspension may be decided for next week). */
  const char *message = cl_form_row_date_problem (self->date_row, _("Enter the first day of the removal."), &date);
  gboolean date_ok = message == NULL;
  gboolean days_ok = cl_form_parse_school_days (days_text, &days);
  const char *hint;

  if (date_ok && !days_ok)
    message = *days_text ? _("School days must be a number greater than 0, for example 3 or 2.5.")
                         : _("Enter how many school days the removal lasts, for example 3 or 2.5.");
  else if (date_ok && date > self->today)
    message = _("This date is in the future. Check the year, or log the removal when it starts.");
  cl_form_mark (self->days_row, *days_text != '\0' && !days_ok);
  cl_form_show_message (self->message_label, message);

  if (kind == CL_REMOVAL_IN_SCHOOL_SUSPENSION)
    hint = _("An in-school suspension is listed but does not count toward the 10 school days, as long as the "
             "student keeps receiving the services of the IEP (71 Fed. Reg. 46715).");
  else if (special != CL_SPECIAL_NONE)
    hint = _("With a weapon, drugs or a serious bodily injury the student may be placed in an interim "
             "alternative setting for up to 45 school days, whatever the manifestation determination finds "
             "(HB 9.7; 34 CFR 300.530(g)).");
  else
    hint = _("Suspensions and other removals count toward the 10 school days of the school year; portions "
             "of days count (HB 9.2, 9.3).");
  gtk_label_set_label (self->hint_label, hint);
  cl_form_bin_set_valid (CL_FORM_BIN (self), date_ok && days_ok);
}

static void
on_changed (ClRemovalEditor *self)
{
  g_assert (CL_IS_REMOVAL_EDITOR (self));
  validate (self);
}

static void
cl_removal_editor_dispose (GObject *object)
{
  ClRemovalEditor *self = CL_REMOVAL_EDITOR (object);

  cl_event_clear (&self->base);
  gtk_widget_dispose_template (GTK_WIDGET (self), CL_TYPE_REMOVAL_EDITOR);
  G_OBJECT_CLASS (cl_removal_editor_parent_class)->dispose (object);
}

static void
cl_removal_editor_class_init (ClRemovalEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cl_removal_editor_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/caseload/Caseload/cl-removal-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, ClRemovalEditor, date_row);
  gtk_widget_class_bind_template_child (widget_class, ClRemovalEditor, days_row);
  gtk_widget_class_bind_template_child (widget_class, ClRemovalEditor, kind_row);
  gtk_widget_class_bind_template_child (widget_class, ClRemovalEditor, special_row);
  gtk_widget_class_bind_template_child (widget_class, ClRemovalEditor, description_row);
  gtk_widget_class_bind_template_child (widget_class, ClRemovalEditor, hint_label);
  gtk_widget_class_bind_template_child (widget_class, ClRemovalEditor, message_label);
  gtk_widget_class_bind_template_callback (widget_class, on_changed);
}

static void
cl_removal_editor_init (ClRemovalEditor *self)
{
  /* In the order of ClRemovalKind and ClSpecialCircumstance. */
  const char *kinds[] = { _("Suspension"), _("In-school suspension"), _("Other removal"), NULL };
  const char *specials[] = { _("None"), _("Weapon"), _("Drugs"), _("Serious bodily injury"), NULL };
  g_autoptr(GtkStringList) kind_list = gtk_string_list_new (kinds);
  g_autoptr(GtkStringList) special_list = gtk_string_list_new (specials);

  G_STATIC_ASSERT (CL_N_REMOVAL_KINDS == 3 && CL_N_SPECIAL_CIRCUMSTANCES == 4);
  gtk_widget_init_template (GTK_WIDGET (self));
  cl_date_picker_attach (self->date_row);
  adw_combo_row_set_model (self->kind_row, G_LIST_MODEL (kind_list));
  adw_combo_row_set_model (self->special_row, G_LIST_MODEL (special_list));
}

ClRemovalEditor *
cl_removal_editor_new (const ClEvent *initial,
                       ClDate         today)
{
  ClRemovalEditor *self = g_object_new (CL_TYPE_REMOVAL_EDITOR, NULL);

  self->today = today;
  if (!cl_form_event_begin (&self->base, initial, today))
    {
      self->base.type = CL_EVENT_REMOVAL;
      self->base.kind = CL_REMOVAL_SUSPENSION;
    }
  cl_form_row_set_date (self->date_row, self->base.date);
  if (self->base.school_days > 0)
    cl_form_row_set_number (self->days_row, self->base.school_days);
  adw_combo_row_set_selected (self->kind_row, CLAMP (self->base.kind, 0, CL_N_REMOVAL_KINDS - 1));
  adw_combo_row_set_selected (self->special_row, CLAMP (self->base.special, 0, CL_N_SPECIAL_CIRCUMSTANCES - 1));
  cl_form_row_from_extra (self->description_row, self->base.extra, CL_REMOVAL_DESCRIPTION);
  validate (self);
  return self;
}

gboolean
cl_removal_editor_get_valid (ClRemovalEditor *self)
{
  g_return_val_if_fail (CL_IS_REMOVAL_EDITOR (self), FALSE);
  return cl_form_bin_get_valid (CL_FORM_BIN (self));
}

const char *
cl_removal_editor_get_message (ClRemovalEditor *self)
{
  g_return_val_if_fail (CL_IS_REMOVAL_EDITOR (self), "");
  return gtk_label_get_label (self->message_label);
}

void
cl_removal_editor_set_text (ClRemovalEditor *self,
                            const char      *date,
                            const char      *school_days,
                            int              kind,
                            const char      *description)
{
  g_return_if_fail (CL_IS_REMOVAL_EDITOR (self));
  if (date != NULL)
    gtk_editable_set_text (GTK_EDITABLE (self->date_row), date);
  if (school_days != NULL)
    gtk_editable_set_text (GTK_EDITABLE (self->days_row), school_days);
  if (kind >= 0 && kind < CL_N_REMOVAL_KINDS)
    adw_combo_row_set_selected (self->kind_row, kind);
  if (description != NULL)
    gtk_editable_set_text (GTK_EDITABLE (self->description_row), description);
}

gboolean
cl_removal_editor_get_event (ClRemovalEditor *self,
                             ClEvent         *out)
{
  g_return_val_if_fail (CL_IS_REMOVAL_EDITOR (self), FALSE);
  if (!cl_form_bin_get_valid (CL_FORM_BIN (self)))
    return FALSE;

  cl_form_event_from_base (&self->base, self->date_row, out);
  out->type = CL_EVENT_REMOVAL;
  cl_form_parse_school_days (gtk_editable_get_text (GTK_EDITABLE (self->days_row)), &out->school_days);
  out->kind = (int) adw_combo_row_get_selected (self->kind_row);
  out->special = (int) adw_combo_row_get_selected (self->special_row);
  cl_form_row_to_extra (self->description_row, out->extra, CL_REMOVAL_DESCRIPTION);
  cl_form_event_drop_empty_extra (out);
  return TRUE;
}
