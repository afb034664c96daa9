/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-form-bin.h — the parent of the forms shown inside a dialog: their "valid" property */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define CL_TYPE_FORM_BIN (cl_form_bin_get_type ())
G_DECLARE_DERIVABLE_TYPE (ClFormBin, cl_form_bin, CL, FORM_BIN, AdwBin)

struct _ClFormBinClass
{
  AdwBinClass parent_class;
};

/* Whether what is typed can be saved: the dialog's Save follows "notify::valid". */
gboolean cl_form_bin_get_valid (ClFormBin *self);
/* For the form itself, each time it has checked what is typed; notifies only on a change. */
void     cl_form_bin_set_valid (ClFormBin *self,
                                gboolean   valid);

/* A dialog around @form: Cancel, and @save_label ("save" response) enabled while @form is valid. */
AdwMessageDialog *cl_form_dialog_new (GtkWindow  *parent,
                                      const char *heading,
                                      const char *body,
                                      ClFormBin  *form,
                                      const char *save_label);

G_END_DECLS
