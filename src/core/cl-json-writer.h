/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-json-writer.h — JSON text written straight into a GString
 *
 * Bundles and alerts run to hundreds of thousands of objects; building a JsonNode tree first costs
 * several times the memory and time of writing the text directly. The writer keeps track of commas
 * and, optionally, breaks lines and indents up to a given depth.
 */
#pragma once

#include <glib.h>

#include "cl-date.h"

G_BEGIN_DECLS

typedef struct {
  GString *out;
  guint    depth;
  guint    pretty_depth;   /* containers deeper than this stay on one line */
  guint64  need_comma;     /* bit per depth: something was written at that depth */
  gboolean after_name;
} ClJsonWriter;

void cl_json_writer_init         (ClJsonWriter *w,
                                  GString      *out,
                                  guint         pretty_depth);
void cl_json_writer_begin_object (ClJsonWriter *w);
void cl_json_writer_end_object   (ClJsonWriter *w);
void cl_json_writer_begin_array  (ClJsonWriter *w);
void cl_json_writer_end_array    (ClJsonWriter *w);
void cl_json_writer_name         (ClJsonWriter *w,
                                  const char   *name);
void cl_json_writer_string       (ClJsonWriter *w,
                                  const char   *value);  /* NULL writes null */
void cl_json_writer_date         (ClJsonWriter *w,
                                  ClDate        value);  /* CL_DATE_NONE writes null */
void cl_json_writer_bool         (ClJsonWriter *w,
                                  gboolean      value);
void cl_json_writer_number       (ClJsonWriter *w,
                                  double        value);
void cl_json_writer_null         (ClJsonWriter *w);
/* Pre-rendered JSON (e.g. an unknown member kept for the round trip). */
void cl_json_writer_raw          (ClJsonWriter *w,
                                  const char   *json);

/* Shorthands for "name": value. */
void cl_json_writer_member_string (ClJsonWriter *w, const char *name, const char *value);
void cl_json_writer_member_date   (ClJsonWriter *w, const char *name, ClDate value);
void cl_json_writer_member_bool   (ClJsonWriter *w, const char *name, gboolean value);
void cl_json_writer_member_number (ClJsonWriter *w, const char *name, double value);

G_END_DECLS
