/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-guardian-editor.c — the form for one parent or guardian, checked as it is typed */
#define G_LOG_DOMAIN "cl-guardian-editor"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "cl-form-rows.h"
#include "cl-language-picker.h"
#include "cl-guardian-editor.h"

struct _ClGuardianEditor
{
  ClFormBin    parent_instance;

  AdwEntryRow *name_row;
  AdwEntryRow *relationship_row;
  AdwEntryRow *language_row;
  AdwEntryRow *phone_row;
  AdwEntryRow *email_row;
  AdwEntryRow *address_row;
  GtkLabel    *message_label;

  JsonObject  *extra;      /* kept from the guardian being edited */
  gboolean     filling;    /* being filled in from the initial guardian, not typed into */
  char        *message;
};

G_DEFINE_FINAL_TYPE (ClGuardianEditor, cl_guardian_editor, CL_TYPE_FORM_BIN)

/* "name@place.tld": enough to catch a phone number typed into the wrong row. */
static gboolean
looks_like_email (const char *text)
{
  const char *at = strchr (text, '@');

  return at != NULL && at != text && strchr (at + 1, '@') == NULL && strchr (at + 1, '.') != NULL &&
         text[strlen (text) - 1] != '.' && strpbrk (text, " \t,;") == NULL;
}

static guint
count_digits (const char *text)
{
  guint n = 0;

  for (; *text; text++)
    n += g_ascii_isdigit (*text);
  return n;
}

static void
validate (ClGuardianEditor *self)
{
  g_autofree char *name = cl_form_row_dup_text (self->name_row);
  g_autofree char *email = cl_form_row_dup_text (self->email_row);
  g_autofree char *phone = cl_form_row_dup_text (self->phone_row);
  g_autofree char *language = cl_form_row_dup_text (self->language_row);
  const char *problem = NULL, *question = NULL;
  gboolean email_wrong = email != NULL && !looks_like_email (email);

  if (name == NULL)
    problem = _("Enter the name of the parent or guardian.");
  else if (email_wrong)
    problem = _("That is not an email address; write it as name@example.org, or leave it empty.");
  if (phone != NULL && count_digits (phone) < 7)
    question = _("The phone number has fewer than seven digits. Check it; notices are followed up by phone.");
  else if (language != NULL && !cl_language_picker_is_known (language))
    question = _("Choose the language by name (Spanish) or write its two-letter code (es); letters are written in it.");

  cl_form_mark_touched (self->name_row, name == NULL);
  cl_form_mark_touched (self->email_row, email_wrong);
  /* A name still to be given reads as a hint; a wrong email address, however it came, is red. */
  cl_form_show_problem (self->message_label, &self->message, problem, question,
                        name == NULL ? self->name_row : NULL);
  cl_form_bin_set_valid (CL_FORM_BIN (self), problem == NULL);
}

static void
on_row_changed (AdwEntryRow      *row,
                ClGuardianEditor *self)
{
  g_assert (CL_IS_GUARDIAN_EDITOR (self));
  if (!self->filling)
    cl_form_row_touch (row);
  validate (self);
}

static void
cl_guardian_editor_dispose (GObject *object)
{
  ClGuardianEditor *self = CL_GUARDIAN_EDITOR (object);

  g_clear_pointer (&self->extra, json_object_unref);
  g_clear_pointer (&self->message, g_free);
  gtk_widget_dispose_template (GTK_WIDGET (self), CL_TYPE_GUARDIAN_EDITOR);
  G_OBJECT_CLASS (cl_guardian_editor_parent_class)->dispose (object);
}

static void
cl_guardian_editor_class_init (ClGuardianEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cl_guardian_editor_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/caseload/Caseload/cl-guardian-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, ClGuardianEditor, name_row);
  gtk_widget_class_bind_template_child (widget_class, ClGuardianEditor, relationship_row);
  gtk_widget_class_bind_template_child (widget_class, ClGuardianEditor, language_row);
  gtk_widget_class_bind_template_child (widget_class, ClGuardianEditor, phone_row);
  gtk_widget_class_bind_template_child (widget_class, ClGuardianEditor, email_row);
  gtk_widget_class_bind_template_child (widget_class, ClGuardianEditor, address_row);
  gtk_widget_class_bind_template_child (widget_class, ClGuardianEditor, message_label);
  gtk_widget_class_bind_template_callback (widget_class, on_row_changed);
}

static void
cl_guardian_editor_init (ClGuardianEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  cl_language_picker_attach (self->language_row);
}

ClGuardianEditor *
cl_guardian_editor_new (const ClGuardian *initial)
{
  ClGuardianEditor *self = g_object_new (CL_TYPE_GUARDIAN_EDITOR, NULL);

  self->filling = TRUE;
  if (initial != NULL)
    {
      cl_form_row_set_text (self->name_row, initial->name);
      cl_form_row_set_text (self->relationship_row, initial->relationship);
      cl_language_picker_set (self->language_row, initial->language);
      cl_form_row_set_text (self->phone_row, initial->phone);
      cl_form_row_set_text (self->email_row, initial->email);
      cl_form_row_set_text (self->address_row, initial->address);
      self->extra = initial->extra ? json_object_ref (initial->extra) : NULL;
    }
  self->filling = FALSE;
  validate (self);
  return self;
}

gboolean
cl_guardian_editor_get_valid (ClGuardianEditor *self)
{
  g_return_val_if_fail (CL_IS_GUARDIAN_EDITOR (self), FALSE);
  return cl_form_bin_get_valid (CL_FORM_BIN (self));
}

const char *
cl_guardian_editor_get_message (ClGuardianEditor *self)
{
  g_return_val_if_fail (CL_IS_GUARDIAN_EDITOR (self), NULL);
  return self->message;
}

gboolean
cl_guardian_editor_get_guardian (ClGuardianEditor *self,
                                 ClGuardian       *out)
{
  g_return_val_if_fail (CL_IS_GUARDIAN_EDITOR (self), FALSE);
  if (!cl_form_bin_get_valid (CL_FORM_BIN (self)))
    return FALSE;
  out->name = cl_form_row_dup_text (self->name_row);
  out->relationship = cl_form_row_dup_text (self->relationship_row);
  out->language = cl_language_picker_dup_code (self->language_row);
  out->phone = cl_form_row_dup_text (self->phone_row);
  out->email = cl_form_row_dup_text (self->email_row);
  out->address = cl_form_row_dup_text (self->address_row);
  out->extra = self->extra ? json_object_ref (self->extra) : NULL;
  return TRUE;
}

void
cl_guardian_editor_set_text (ClGuardianEditor *self,
                             const char       *row,
                             const char       *text)
{
  const struct { const char *name; AdwEntryRow *row; } rows[] = {
    { "name", self->name_row }, { "relationship", self->relationship_row }, { "language", self->language_row },
    { "phone", self->phone_row }, { "email", self->email_row }, { "address", self->address_row },
  };

  g_return_if_fail (CL_IS_GUARDIAN_EDITOR (self));
  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    if (g_str_equal (rows[i].name, row))
      {
        cl_form_row_set_text (rows[i].row, text);
        return;
      }
  g_critical ("No row %s in the guardian form", row);
}
