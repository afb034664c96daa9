/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-bundle-reader.h — a caseload-bundle/1 JSON document into a ClCaseload
 *
 * Reads exchange-format.md (with the event types rules.md adds). Unknown fields are ignored. Any
 * missing required field, bad date, unknown enum value, dangling or duplicate id fails the whole
 * read with CL_BUNDLE_ERROR and a message that starts with the JSON path, e.g.
 *   students[3].events[2].date: "2026-02-30" is not a date
 * Nothing partial is ever returned.
 */
#pragma once

#include <json-glib/json-glib.h>

#include "cl-case-model.h"

G_BEGIN_DECLS

#define CL_BUNDLE_ERROR (cl_bundle_error_quark ())

typedef enum {
  CL_BUNDLE_ERROR_SYNTAX,     /* not JSON at all, or truncated */
  CL_BUNDLE_ERROR_INVALID,    /* JSON, but not a valid bundle */
} ClBundleError;

GQuark      cl_bundle_error_quark        (void);

ClCaseload *cl_bundle_read_data          (const char  *data,
                                          gssize       length,
                                          GError     **error);
ClCaseload *cl_bundle_read_node          (JsonNode    *root,
                                          GError     **error);

G_END_DECLS
