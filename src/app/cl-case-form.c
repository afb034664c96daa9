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

#include "cl-case-form.h"
#include "cl-discipline.h"

struct _ClCaseForm
{
  AdwBin                parent_instance;

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
  gboolean              valid;
};

enum { PROP_0, PROP_VALID, N_PROPS };
static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (ClCaseForm, cl_case_form, ADW_TYPE_BIN)

static AdwEntryRow *
text_row (ClCaseForm *self,
          guint       i)
{
  return i == 0 ? self->first_row : self->second_row;
}

static void
set_valid (ClCaseForm *self,
           gboolean    valid)
{
  if (self->valid == valid)
    return;
  self->valid = valid;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VALID]);
}

static void
validate (ClCaseForm *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->date_row));
  ClDate date = CL_DATE_NONE;
  gboolean ok = cl_date_parse_iso (text, &date);
  const char *message = NULL;

  if (!ok)
    message = *text ? _("Not a date: write it as YYYY-MM-DD, for example 2026-11-24.") : _("Enter the date.");
  else if (self->not_before != CL_DATE_NONE && date < self->not_before)
    {
      ok = FALSE;
      message = self->not_before_message;
    }
  if (ok)
    gtk_widget_remove_css_class (GTK_WIDGET (self->date_row), "error");
  else
    gtk_widget_add_css_class (GTK_WIDGET (self->date_row), "error");

  for (guint i = 0; ok && i < 2; i++)
    {
      g_autofree char *stripped = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (text_row (self, i)))));

      if (self->spec->text_title[i] != NULL && self->spec->text_required[i] && *stripped == '\0')
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
  gtk_label_set_label (self->message_label, message ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->message_label), message != NULL);
  set_valid (self, ok);
}

static void
on_changed (ClCaseForm *self)
{
  g_assert (CL_IS_CASE_FORM (self));
  validate (self);
}

static void
cl_case_form_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  ClCaseForm *self = CL_CASE_FORM (object);

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
  object_class->get_property = cl_case_form_get_property;

  properties[PROP_VALID] = g_param_spec_boolean ("valid", NULL, NULL, FALSE,
                                                 G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

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
}

ClCaseForm *
cl_case_form_new (const ClCaseFormSpec *spec,
                  const ClEvent        *initial,
                  ClDate                today,
                  ClDate                not_before,
                  const char           *not_before_message)
{
  ClCaseForm *self = g_object_new (CL_TYPE_CASE_FORM, NULL);
  g_autofree char *date = NULL;

  self->spec = spec;
  self->today = today;
  self->not_before = not_before;
  self->not_before_message = g_strdup (not_before_message);
  if (initial != NULL)
    cl_event_copy (initial, &self->base);
  else
    {
      self->base.date = today;
      self->base.kind = -1;
      self->base.from = -1;
      self->base.eligible = TRUE;
    }
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
      if (self->base.extra != NULL)
        gtk_editable_set_text (GTK_EDITABLE (row),
                               json_object_get_string_member_with_default (self->base.extra, spec->text_key[i], ""));
    }
  date = cl_date_to_iso (self->base.date);
  gtk_editable_set_text (GTK_EDITABLE (self->date_row), date);
  validate (self);
  return self;
}

gboolean
cl_case_form_get_valid (ClCaseForm *self)
{
  g_return_val_if_fail (CL_IS_CASE_FORM (self), FALSE);
  return self->valid;
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
  if (!self->valid)
    return FALSE;

  cl_event_copy (&self->base, out);
  g_clear_pointer (&out->extra, json_object_unref);
  out->extra = cl_discipline_dup_extra (&self->base);
  cl_date_parse_iso (gtk_editable_get_text (GTK_EDITABLE (self->date_row)), &out->date);
  if (self->spec->kind_labels != NULL)
    out->kind = (int) adw_combo_row_get_selected (self->kind_row);
  for (guint i = 0; i < 2; i++)
    {
      g_autofree char *value = NULL;

      if (self->spec->text_title[i] == NULL)
        continue;
      value = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (text_row (self, i)))));
      if (*value)
        json_object_set_string_member (out->extra, self->spec->text_key[i], value);
      else if (json_object_has_member (out->extra, self->spec->text_key[i]))
        json_object_remove_member (out->extra, self->spec->text_key[i]);
    }
  if (json_object_get_size (out->extra) == 0)
    g_clear_pointer (&out->extra, json_object_unref);
  return TRUE;
}
