/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-case-form.h — a small dated form for requests, complaints and what answers them */
#pragma once

#include <adwaita.h>

#include "cl-case-model.h"
#include "cl-form-bin.h"

G_BEGIN_DECLS

/* What the form asks: a date, optionally a kind, and up to two short texts kept in the event's
 * extra under @text_key. Strings are already translated; the spec must outlive the form. */
typedef struct {
  ClEventType          type;
  const char          *date_title;         /* "Received (YYYY-MM-DD)" */
  const char * const  *kind_labels;        /* in the order of the event's kind enum, or NULL */
  guint                n_kinds;
  const char          *text_title[2];      /* NULL: no such row */
  const char          *text_key[2];
  gboolean             text_required[2];
} ClCaseFormSpec;

#define CL_TYPE_CASE_FORM (cl_case_form_get_type ())
G_DECLARE_FINAL_TYPE (ClCaseForm, cl_case_form, CL, CASE_FORM, ClFormBin)

/* Starts from @initial (NULL: a new event @today). A date before @not_before (CL_DATE_NONE: no
 * limit) is refused with @not_before_message: what answers a request cannot come before it. */
ClCaseForm *cl_case_form_new       (const ClCaseFormSpec *spec,
                                    const ClEvent        *initial,
                                    ClDate                today,
                                    ClDate                not_before,
                                    const char           *not_before_message);
gboolean    cl_case_form_get_valid (ClCaseForm           *self);
gboolean    cl_case_form_get_event (ClCaseForm           *self,
                                    ClEvent              *out);
/* As a person would type them; NULL leaves a field as it is, @kind -1 too. */
void        cl_case_form_set_text  (ClCaseForm           *self,
                                    const char           *date,
                                    int                   kind,
                                    const char           *first,
                                    const char           *second);

G_END_DECLS
