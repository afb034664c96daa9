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

#include "cl-discipline.h"
#include "cl-removal-editor.h"

struct _ClRemovalEditor
{
  AdwBin       parent_instance;

  AdwEntryRow *date_row;
  AdwEntryRow *days_row;
  AdwComboRow *kind_row;
  AdwComboRow *special_row;
  AdwEntryRow *description_row;
  GtkLabel    *hint_label;
  GtkLabel    *message_label;

  ClDate       today;
  ClEvent      base;       /* the removal being changed: what is not on the form is kept */
  gboolean     valid;
};

enum { PROP_0, PROP_VALID, N_PROPS };
static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (ClRemovalEditor, cl_removal_editor, ADW_TYPE_BIN)

static void
set_valid (ClRemovalEditor *self,
           gboolean         valid)
{
  if (self->valid == valid)
    return;
  self->valid = valid;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VALID]);
}

static void
mark (gpointer row,
      gboolean bad)
{
  if (bad)
    gtk_widget_add_css_class (GTK_WIDGET (row), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (row), "error");
}

static gboolean
parse_days (const char *text,
            double     *out)
{
  char *end = NULL;
  double value;

  if (text == NULL || *text == '\0')
    return FALSE;
  value = g_ascii_strtod (text, &end);
  if (end == NULL || *end != '\0' || !(value > 0) || value > 366)
    return FALSE;
  *out = value;
  return TRUE;
}

static void
validate (ClRemovalEditor *self)
{
  const char *date_text = gtk_editable_get_text (GTK_EDITABLE (self->date_row));
  const char *days_text = gtk_editable_get_text (GTK_EDITABLE (self->days_row));
  ClRemovalKind kind = adw_combo_row_get_selected (self->kind_row);
  ClSpecialCircumstance special = adw_combo_row_get_selected (self->special_row);
  gboolean date_ok, days_ok;
  ClDate date = CL_DATE_NONE;
  double days = 0;
  const char *message = NULL;
  const char *hint;

  date_ok = cl_date_parse_iso (date_text, &date);
  days_ok = parse_days (days_text, &days);
  /* An impossible date or a count of days that is not a positive number cannot be saved; a
   * future date is questioned, not refused (a suspension may be decided for next week). */
  if (!date_ok)
    message = *date_text ? _("Not a date: write it as YYYY-MM-DD, for example 2026-11-24.")
                         : _("Enter the first day of the removal.");
  else if (!days_ok)
    message = *days_text ? _("School days must be a number greater than 0, for example 3 or 2.5.")
                         : _("Enter how many school days the removal lasts, for example 3 or 2.5.");
  else if (date > self->today)
    message = _("This date is in the future. Check the year, or log the removal when it starts.");
  mark (self->date_row, !date_ok);
  mark (self->days_row, *days_text != '\0' && !days_ok);
  gtk_label_set_label (self->message_label, message ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->message_label), message != NULL);

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
  set_valid (self, date_ok && days_ok);
}

static void
on_changed (ClRemovalEditor *self)
{
  g_assert (CL_IS_REMOVAL_EDITOR (self));
  validate (self);
}

static void
cl_removal_editor_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  ClRemovalEditor *self = CL_REMOVAL_EDITOR (object);

  switch (prop_id)
    {
    case PROP_VALID:
      g_value_set_boolean (value, self->valid);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
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
  object_class->get_property = cl_removal_editor_get_property;

  properties[PROP_VALID] = g_param_spec_boolean ("valid", NULL, NULL, FALSE,
                                                 G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

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
  adw_combo_row_set_model (self->kind_row, G_LIST_MODEL (kind_list));
  adw_combo_row_set_model (self->special_row, G_LIST_MODEL (special_list));
}

ClRemovalEditor *
cl_removal_editor_new (const ClEvent *initial,
                       ClDate         today)
{
  ClRemovalEditor *self = g_object_new (CL_TYPE_REMOVAL_EDITOR, NULL);
  g_autofree char *date = NULL;

  self->today = today;
  if (initial != NULL)
    cl_event_copy (initial, &self->base);
  else
    {
      self->base.type = CL_EVENT_REMOVAL;
      self->base.date = today;
      self->base.kind = CL_REMOVAL_SUSPENSION;
      self->base.from = -1;
      self->base.eligible = TRUE;
    }
  date = cl_date_to_iso (self->base.date);
  gtk_editable_set_text (GTK_EDITABLE (self->date_row), date);
  if (self->base.school_days > 0)
    {
      char buf[G_ASCII_DTOSTR_BUF_SIZE];
      gtk_editable_set_text (GTK_EDITABLE (self->days_row),
                             g_ascii_formatd (buf, sizeof buf, "%g", self->base.school_days));
    }
  adw_combo_row_set_selected (self->kind_row, CLAMP (self->base.kind, 0, CL_N_REMOVAL_KINDS - 1));
  adw_combo_row_set_selected (self->special_row, CLAMP (self->base.special, 0, CL_N_SPECIAL_CIRCUMSTANCES - 1));
  if (self->base.extra != NULL && json_object_has_member (self->base.extra, CL_REMOVAL_DESCRIPTION))
    gtk_editable_set_text (GTK_EDITABLE (self->description_row),
                           json_object_get_string_member_with_default (self->base.extra, CL_REMOVAL_DESCRIPTION, ""));
  validate (self);
  return self;
}

gboolean
cl_removal_editor_get_valid (ClRemovalEditor *self)
{
  g_return_val_if_fail (CL_IS_REMOVAL_EDITOR (self), FALSE);
  return self->valid;
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
  g_autofree char *description = NULL;

  g_return_val_if_fail (CL_IS_REMOVAL_EDITOR (self), FALSE);
  if (!self->valid)
    return FALSE;

  cl_event_copy (&self->base, out);
  g_clear_pointer (&out->extra, json_object_unref);
  out->extra = cl_discipline_dup_extra (&self->base);
  out->type = CL_EVENT_REMOVAL;
  cl_date_parse_iso (gtk_editable_get_text (GTK_EDITABLE (self->date_row)), &out->date);
  parse_days (gtk_editable_get_text (GTK_EDITABLE (self->days_row)), &out->school_days);
  out->kind = (int) adw_combo_row_get_selected (self->kind_row);
  out->special = (int) adw_combo_row_get_selected (self->special_row);
  description = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->description_row))));
  if (*description)
    json_object_set_string_member (out->extra, CL_REMOVAL_DESCRIPTION, description);
  else if (json_object_has_member (out->extra, CL_REMOVAL_DESCRIPTION))
    json_object_remove_member (out->extra, CL_REMOVAL_DESCRIPTION);
  if (json_object_get_size (out->extra) == 0)
    g_clear_pointer (&out->extra, json_object_unref);
  return TRUE;
}
