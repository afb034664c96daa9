/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-event-editor.c — the form for one event of a student's timeline, checked as it is typed */
#define G_LOG_DOMAIN "cl-event-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "cl-date-picker.h"
#include "cl-event-editor.h"
#include "cl-meeting-labels.h"
#include "cl-form-rows.h"

struct _ClEventEditor
{
  ClFormBin    parent_instance;

  AdwComboRow *type_row;
  AdwEntryRow *date_row;
  AdwComboRow *kind_row;
  AdwEntryRow *days_row;
  GtkLabel    *message_label;

  ClDate       today;
  ClEvent      base;       /* what is not on the form is kept from the event being edited */
};

G_DEFINE_FINAL_TYPE (ClEventEditor, cl_event_editor, CL_TYPE_FORM_BIN)

/* Which kinds an event type takes, if any. */
static const char * const *
kinds_for (ClEventType type,
           guint      *n)
{
  switch (type)
    {
    case CL_EVENT_IEP_MEETING:
      *n = CL_N_MEETING_KINDS;
      return cl_meeting_kind_names;
    case CL_EVENT_REMOVAL:
      *n = CL_N_REMOVAL_KINDS;
      return cl_removal_kind_names;
    case CL_EVENT_COMPLAINT:
    case CL_EVENT_COMPLAINT_RESOLVED:
      *n = CL_N_COMPLAINT_KINDS;
      return cl_complaint_kind_names;
    default:
      *n = 0;
      return NULL;
    }
}

static ClEventType
selected_type (ClEventEditor *self)
{
  return (ClEventType) adw_combo_row_get_selected (self->type_row);
}

static void
validate (ClEventEditor *self)
{
  ClEventType type = selected_type (self);
  ClDate date;
  /* An impossible date cannot be saved; a future one is questioned, not refused: it may be a
   * date planned on paper, but most often it is a typo for a day that has happened. */
  const char *message = cl_form_row_date_problem (self->date_row, _("Enter the date it happened."), &date);
  gboolean ok = message == NULL;

  if (ok && date > self->today)
    message = _("This date is in the future. Events are what has happened; check the year.");
  if (ok && type == CL_EVENT_REMOVAL)
    {
      double days;
      gboolean days_ok = cl_form_parse_school_days (gtk_editable_get_text (GTK_EDITABLE (self->days_row)), &days);

      if (!days_ok)
        {
          ok = FALSE;
          message = _("Enter the school days of the removal, for example 3 or 2.5.");
        }
      cl_form_mark (self->days_row, !days_ok);
    }

  cl_form_show_message (self->message_label, message);
  cl_form_bin_set_valid (CL_FORM_BIN (self), ok);
}

static void
on_type_changed (ClEventEditor *self)
{
  ClEventType type = selected_type (self);
  const char * const *names;
  g_autoptr(GtkStringList) kinds = gtk_string_list_new (NULL);
  guint n;

  g_assert (CL_IS_EVENT_EDITOR (self));

  names = kinds_for (type, &n);
  for (guint i = 0; i < n; i++)
    gtk_string_list_append (kinds, names[i]);
  adw_combo_row_set_model (self->kind_row, G_LIST_MODEL (kinds));
  gtk_widget_set_visible (GTK_WIDGET (self->kind_row), n > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->days_row), type == CL_EVENT_REMOVAL);
  validate (self);
}

static void
on_changed (ClEventEditor *self)
{
  g_assert (CL_IS_EVENT_EDITOR (self));
  validate (self);
}

static void
cl_event_editor_dispose (GObject *object)
{
  ClEventEditor *self = CL_EVENT_EDITOR (object);

  cl_event_clear (&self->base);
  gtk_widget_dispose_template (GTK_WIDGET (self), CL_TYPE_EVENT_EDITOR);
  G_OBJECT_CLASS (cl_event_editor_parent_class)->dispose (object);
}

static void
cl_event_editor_class_init (ClEventEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cl_event_editor_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/caseload/Caseload/cl-event-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, ClEventEditor, type_row);
  gtk_widget_class_bind_template_child (widget_class, ClEventEditor, date_row);
  gtk_widget_class_bind_template_child (widget_class, ClEventEditor, kind_row);
  gtk_widget_class_bind_template_child (widget_class, ClEventEditor, days_row);
  gtk_widget_class_bind_template_child (widget_class, ClEventEditor, message_label);
  gtk_widget_class_bind_template_callback (widget_class, on_type_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_changed);
}

static void
cl_event_editor_init (ClEventEditor *self)
{
  g_autoptr(GtkStringList) types = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));
  cl_date_picker_attach (self->date_row);
  for (guint i = 0; i < CL_N_EVENT_TYPES; i++)
    gtk_string_list_append (types, _cl_event_type_label (i));
  adw_combo_row_set_model (self->type_row, G_LIST_MODEL (types));
}

ClEventEditor *
cl_event_editor_new (const ClEvent *initial,
                     ClDate         today)
{
  ClEventEditor *self = g_object_new (CL_TYPE_EVENT_EDITOR, NULL);

  self->today = today;
  if (!cl_form_event_begin (&self->base, initial, today))
    self->base.type = CL_EVENT_REFERRAL;
  adw_combo_row_set_selected (self->type_row, self->base.type);
  on_type_changed (self);
  if (self->base.kind >= 0)
    adw_combo_row_set_selected (self->kind_row, self->base.kind);
  cl_form_row_set_date (self->date_row, self->base.date);
  if (self->base.type == CL_EVENT_REMOVAL)
    cl_form_row_set_number (self->days_row, self->base.school_days);
  validate (self);
  return self;
}

gboolean
cl_event_editor_get_valid (ClEventEditor *self)
{
  g_return_val_if_fail (CL_IS_EVENT_EDITOR (self), FALSE);
  return cl_form_bin_get_valid (CL_FORM_BIN (self));
}

void
cl_event_editor_set_date_text (ClEventEditor *self,
                               const char    *text)
{
  g_return_if_fail (CL_IS_EVENT_EDITOR (self));
  gtk_editable_set_text (GTK_EDITABLE (self->date_row), text);
}

gboolean
cl_event_editor_get_event (ClEventEditor *self,
                           ClEvent       *out)
{
  ClEventType type;
  guint n;

  g_return_val_if_fail (CL_IS_EVENT_EDITOR (self), FALSE);
  if (!cl_form_bin_get_valid (CL_FORM_BIN (self)))
    return FALSE;

  type = selected_type (self);
  cl_event_copy (&self->base, out);
  if (type != self->base.type)
    {
      /* Another type: nothing of the old one's own fields applies. */
      g_clear_pointer (&out->reason, g_free);
      out->kind = -1;
      out->from = -1;
      out->school_days = 0;
      out->special = CL_SPECIAL_NONE;
      out->eligible = TRUE;
      out->transition_plan = FALSE;
      out->age_of_majority_informed = FALSE;
      out->has_iep = FALSE;
    }
  out->type = type;
  cl_date_parse_iso (gtk_editable_get_text (GTK_EDITABLE (self->date_row)), &out->date);
  if (kinds_for (type, &n) != NULL)
    out->kind = (int) adw_combo_row_get_selected (self->kind_row);
  if (type == CL_EVENT_REMOVAL)
    cl_form_parse_school_days (gtk_editable_get_text (GTK_EDITABLE (self->days_row)), &out->school_days);
  return TRUE;
}
