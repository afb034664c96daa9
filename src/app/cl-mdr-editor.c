/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-mdr-editor.c — the manifestation determination: the meeting, the two questions, the outcome
 *
 * Within 10 school days of a decision to change placement the team answers two questions
 * (HB 9.6; 34 CFR 300.530(e)). The outcome follows from the answers (cl_discipline_mdr_outcome)
 * and the form says what it implies (HB 9.6.A, 9.6.B). Saved as the `iep_meeting` of kind
 * `manifestation` that completes manifestation_determination_due, the answers in its extra.
 */
#define G_LOG_DOMAIN "cl-mdr-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "cl-discipline.h"
#include "cl-form-rows.h"
#include "cl-mdr-editor.h"

struct _ClMdrEditor
{
  ClFormBin        parent_instance;

  AdwEntryRow     *date_row;
  GtkToggleButton *caused_yes;
  GtkToggleButton *caused_no;
  GtkToggleButton *failure_yes;
  GtkToggleButton *failure_no;
  GtkLabel        *outcome_label;
  GtkLabel        *implies_label;
  GtkLabel        *message_label;

  ClDate           today;
  ClEvent          base;
};

G_DEFINE_FINAL_TYPE (ClMdrEditor, cl_mdr_editor, CL_TYPE_FORM_BIN)

static int
answer (GtkToggleButton *yes,
        GtkToggleButton *no)
{
  if (gtk_toggle_button_get_active (yes))
    return 1;
  if (gtk_toggle_button_get_active (no))
    return 0;
  return -1;
}

static void
set_answer (GtkToggleButton *yes,
            GtkToggleButton *no,
            int              value)
{
  /* A toggle group cannot be emptied by activating a member: clear both, then set one. */
  gtk_toggle_button_set_active (yes, FALSE);
  gtk_toggle_button_set_active (no, FALSE);
  if (value == 1)
    gtk_toggle_button_set_active (yes, TRUE);
  else if (value == 0)
    gtk_toggle_button_set_active (no, TRUE);
}

static void
validate (ClMdrEditor *self)
{
  ClMdrOutcome outcome = cl_discipline_mdr_outcome (answer (self->caused_yes, self->caused_no),
                                                    answer (self->failure_yes, self->failure_no));
  ClDate date;
  const char *message = cl_form_row_date_problem (self->date_row, _("Enter the date of the meeting."), &date);
  gboolean date_ok = message == NULL;

  switch (outcome)
    {
    case CL_MDR_MANIFESTATION:
      gtk_label_set_label (self->outcome_label, _("The conduct is a manifestation of the disability"));
      gtk_label_set_label (self->implies_label,
                           _("Return the student to the placement they were removed from, unless the parent and "
                             "the district agree to a change, or there are special circumstances (weapon, drugs, "
                             "serious bodily injury). Conduct a functional behavioral assessment and put a "
                             "behavioral intervention plan in place, or review and change the one there is "
                             "(HB 9.6.A; 34 CFR 300.530(f))."));
      break;
    case CL_MDR_NOT_MANIFESTATION:
      gtk_label_set_label (self->outcome_label, _("The conduct is not a manifestation of the disability"));
      gtk_label_set_label (self->implies_label,
                           _("Discipline may proceed as it would for a student without a disability, but services "
                             "continue so the student can take part in the general curriculum and progress toward "
                             "the IEP goals, with a functional behavioral assessment and behavior interventions "
                             "as appropriate (HB 9.6.B; 34 CFR 300.530(c), (d))."));
      break;
    case CL_MDR_UNDECIDED:
    case CL_N_MDR_OUTCOMES:
    default:
      gtk_label_set_label (self->outcome_label, _("No outcome yet"));
      gtk_label_set_label (self->implies_label,
                           _("Answer both questions. If either answer is yes, the conduct is a manifestation "
                             "of the disability; if both are no, it is not (HB 9.6)."));
      break;
    }

  if (date_ok && outcome == CL_MDR_UNDECIDED)
    message = _("The determination is recorded once the team has answered.");
  else if (date_ok && date > self->today)
    message = _("This date is in the future. Record the determination once the meeting is held.");
  cl_form_show_message (self->message_label, message);
  cl_form_bin_set_valid (CL_FORM_BIN (self), date_ok && outcome != CL_MDR_UNDECIDED);
}

static void
on_changed (ClMdrEditor *self)
{
  g_assert (CL_IS_MDR_EDITOR (self));
  validate (self);
}

static void
cl_mdr_editor_dispose (GObject *object)
{
  ClMdrEditor *self = CL_MDR_EDITOR (object);

  cl_event_clear (&self->base);
  gtk_widget_dispose_template (GTK_WIDGET (self), CL_TYPE_MDR_EDITOR);
  G_OBJECT_CLASS (cl_mdr_editor_parent_class)->dispose (object);
}

static void
cl_mdr_editor_class_init (ClMdrEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cl_mdr_editor_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/caseload/Caseload/cl-mdr-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, ClMdrEditor, date_row);
  gtk_widget_class_bind_template_child (widget_class, ClMdrEditor, caused_yes);
  gtk_widget_class_bind_template_child (widget_class, ClMdrEditor, caused_no);
  gtk_widget_class_bind_template_child (widget_class, ClMdrEditor, failure_yes);
  gtk_widget_class_bind_template_child (widget_class, ClMdrEditor, failure_no);
  gtk_widget_class_bind_template_child (widget_class, ClMdrEditor, outcome_label);
  gtk_widget_class_bind_template_child (widget_class, ClMdrEditor, implies_label);
  gtk_widget_class_bind_template_child (widget_class, ClMdrEditor, message_label);
  gtk_widget_class_bind_template_callback (widget_class, on_changed);
}

static void
cl_mdr_editor_init (ClMdrEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

ClMdrEditor *
cl_mdr_editor_new (const ClEvent *initial,
                   ClDate         today)
{
  ClMdrEditor *self = g_object_new (CL_TYPE_MDR_EDITOR, NULL);
  int caused = -1, failure = -1;

  self->today = today;
  if (cl_form_event_begin (&self->base, initial, today))
    cl_discipline_mdr_read (initial, &caused, &failure);
  self->base.type = CL_EVENT_IEP_MEETING;
  self->base.kind = CL_MEETING_MANIFESTATION;
  cl_form_row_set_date (self->date_row, self->base.date);
  set_answer (self->caused_yes, self->caused_no, caused);
  set_answer (self->failure_yes, self->failure_no, failure);
  validate (self);
  return self;
}

gboolean
cl_mdr_editor_get_valid (ClMdrEditor *self)
{
  g_return_val_if_fail (CL_IS_MDR_EDITOR (self), FALSE);
  return cl_form_bin_get_valid (CL_FORM_BIN (self));
}

const char *
cl_mdr_editor_get_outcome_text (ClMdrEditor *self)
{
  g_return_val_if_fail (CL_IS_MDR_EDITOR (self), "");
  return gtk_label_get_label (self->outcome_label);
}

void
cl_mdr_editor_set_answers (ClMdrEditor *self,
                           const char  *date,
                           int          caused_by_disability,
                           int          failure_to_implement)
{
  g_return_if_fail (CL_IS_MDR_EDITOR (self));
  if (date != NULL)
    gtk_editable_set_text (GTK_EDITABLE (self->date_row), date);
  set_answer (self->caused_yes, self->caused_no, caused_by_disability);
  set_answer (self->failure_yes, self->failure_no, failure_to_implement);
}

gboolean
cl_mdr_editor_get_event (ClMdrEditor *self,
                         ClEvent     *out)
{
  int caused, failure;

  g_return_val_if_fail (CL_IS_MDR_EDITOR (self), FALSE);
  if (!cl_form_bin_get_valid (CL_FORM_BIN (self)))
    return FALSE;

  caused = answer (self->caused_yes, self->caused_no);
  failure = answer (self->failure_yes, self->failure_no);
  cl_form_event_from_base (&self->base, self->date_row, out);
  if (caused >= 0)
    json_object_set_boolean_member (out->extra, CL_MDR_CAUSED_BY_DISABILITY, caused == 1);
  else if (json_object_has_member (out->extra, CL_MDR_CAUSED_BY_DISABILITY))
    json_object_remove_member (out->extra, CL_MDR_CAUSED_BY_DISABILITY);
  if (failure >= 0)
    json_object_set_boolean_member (out->extra, CL_MDR_FAILURE_TO_IMPLEMENT, failure == 1);
  else if (json_object_has_member (out->extra, CL_MDR_FAILURE_TO_IMPLEMENT))
    json_object_remove_member (out->extra, CL_MDR_FAILURE_TO_IMPLEMENT);
  json_object_set_string_member (out->extra, CL_MDR_OUTCOME,
                                 cl_mdr_outcome_names[cl_discipline_mdr_outcome (caused, failure)]);
  return TRUE;
}
