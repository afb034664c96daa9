/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-bundle-writer.h — a ClCaseload as caseload-bundle/1 JSON
 *
 * The inverse of cl-bundle-reader: known fields in a fixed order, then the members this version
 * did not know, as they came in. Reading what it writes and writing again gives the same text.
 */
#pragma once

#include "cl-case-model.h"
#include "cl-json-writer.h"

G_BEGIN_DECLS

char *cl_bundle_write         (ClCaseload      *caseload);

/* The same text in parts, for a caller that writes it out as it goes (an export of 100,000
 * students): cl_bundle_write_begin() starts @w on @out and writes everything before the first
 * student, then one cl_bundle_write_student() per student in order, then cl_bundle_write_end().
 * The caller may empty @out between any two calls. */
void  cl_bundle_write_begin   (ClJsonWriter    *w,
                               GString         *out,
                               ClCaseload      *caseload);
void  cl_bundle_write_student (ClJsonWriter    *w,
                               const ClStudent *student);
void  cl_bundle_write_end     (ClJsonWriter    *w,
                               ClCaseload      *caseload);

G_END_DECLS
