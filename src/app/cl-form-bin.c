/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-form-bin.c — the parent of the forms shown inside a dialog: their "valid" property
 *
 * The event, removal, manifestation-determination, case and guardian forms each check what is
 * typed by their own rules; whether it can be saved is one read-only property they all have,
 * defined here once. (The student editor is a window of its own and has the same property from
 * cl_form_valid_param_spec().)
 */
#define G_LOG_DOMAIN "cl-form-bin"

#include "config.h"

#include <glib/gi18n.h>

#include "cl-form-bin.h"
#include "cl-form-rows.h"

typedef struct
{
  gboolean valid;
} ClFormBinPrivate;

enum { PROP_0, PROP_VALID, N_PROPS };
static GParamSpec *properties[N_PROPS];

G_DEFINE_TYPE_WITH_PRIVATE (ClFormBin, cl_form_bin, ADW_TYPE_BIN)

static void
cl_form_bin_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  ClFormBin *self = CL_FORM_BIN (object);

  switch (prop_id)
    {
    case PROP_VALID:
      g_value_set_boolean (value, cl_form_bin_get_valid (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cl_form_bin_class_init (ClFormBinClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = cl_form_bin_get_property;
  properties[PROP_VALID] = cl_form_valid_param_spec ();
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
cl_form_bin_init (ClFormBin *self)
{
}

gboolean
cl_form_bin_get_valid (ClFormBin *self)
{
  ClFormBinPrivate *priv = cl_form_bin_get_instance_private (self);

  g_return_val_if_fail (CL_IS_FORM_BIN (self), FALSE);
  return priv->valid;
}

void
cl_form_bin_set_valid (ClFormBin *self,
                       gboolean   valid)
{
  ClFormBinPrivate *priv = cl_form_bin_get_instance_private (self);

  g_return_if_fail (CL_IS_FORM_BIN (self));
  cl_form_set_valid (self, &priv->valid, valid, properties[PROP_VALID]);
}

static void
on_valid (ClFormBin        *form,
          GParamSpec       *pspec,
          AdwMessageDialog *dialog)
{
  adw_message_dialog_set_response_enabled (dialog, "save", cl_form_bin_get_valid (form));
}

AdwMessageDialog *
cl_form_dialog_new (GtkWindow  *parent,
                    const char *heading,
                    const char *body,
                    ClFormBin  *form,
                    const char *save_label)
{
  AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (parent, heading, body));

  g_return_val_if_fail (CL_IS_FORM_BIN (form), dialog);
  adw_message_dialog_set_extra_child (dialog, GTK_WIDGET (form));
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "save", save_label, NULL);
  adw_message_dialog_set_response_appearance (dialog, "save", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "save");
  adw_message_dialog_set_close_response (dialog, "cancel");
  adw_message_dialog_set_response_enabled (dialog, "save", cl_form_bin_get_valid (form));
  g_signal_connect_object (form, "notify::valid", G_CALLBACK (on_valid), dialog, 0);
  return dialog;
}
