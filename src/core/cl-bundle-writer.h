/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-bundle-writer.h — a ClCaseload as caseload-bundle/1 JSON
 *
 * The inverse of cl-bundle-reader: known fields in a fixed order, then the members this version
 * did not know, as they came in. Reading what it writes and writing again gives the same text.
 */
#pragma once

#include "cl-case-model.h"

G_BEGIN_DECLS

char *cl_bundle_write (ClCaseload *caseload);

G_END_DECLS
