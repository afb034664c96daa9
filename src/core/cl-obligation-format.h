/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-obligation-format.h — obligations as the `alerts` JSON contract and as text for people */
#pragma once

#include <json-glib/json-glib.h>

#include "cl-json-writer.h"
#include "cl-obligation.h"

G_BEGIN_DECLS

/* How the due date was reached in the engine's English, as the `alerts` contract has always
 * printed it in basis.counted (and the CSV export's counted column): "60 days, not counting 16
 * days of Winter break". People read cl_obligation_dup_counted_text() instead. */
char     *cl_obligation_dup_counted_contract (const ClObligation *ob);
void      cl_obligation_append_counted_contract (GString      *out,
                                                 const ClObligation *ob);

/* One object as exchange-format.md specifies, with the basis spelled out. */
void      cl_obligation_write_json   (const ClObligation *ob,
                                      ClJsonWriter       *w);
/* A JSON array of @obligations in their order, one object per line. Written directly rather than
 * through a JsonBuilder tree: a district's alerts are hundreds of thousands of objects. */
char     *cl_obligations_to_json     (GPtrArray          *obligations);
/* Grouped by student; within a student, overdue first, then by due date; one line each. */
char     *cl_obligations_to_text     (GPtrArray          *obligations,
                                      ClDate              today);

/* The same two texts in parts, for a caller that writes them out as it goes (`alerts --db` over
 * 100,000 students): begin, then each student's obligations in student id order (any number of
 * calls; each student's in one), then for JSON the end. The caller may empty @out between calls;
 * the parts put together are the text of the functions above, byte for byte. */
void      cl_obligations_json_begin  (ClJsonWriter       *w,
                                      GString            *out);
void      cl_obligations_json_add    (ClJsonWriter       *w,
                                      GPtrArray          *obligations);
void      cl_obligations_json_end    (ClJsonWriter       *w);
void      cl_obligations_text_begin  (GString            *out,
                                      ClDate              today);
void      cl_obligations_text_add    (GString            *out,
                                      GPtrArray          *obligations);

G_END_DECLS
