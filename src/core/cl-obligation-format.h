/* cl-obligation-format.h — obligations as the `alerts` JSON contract and as text for people */
#pragma once

#include <json-glib/json-glib.h>

#include "cl-obligation.h"

G_BEGIN_DECLS

/* One object as exchange-format.md specifies, with the basis spelled out. */
JsonNode *cl_obligation_to_json_node (const ClObligation *ob);
/* A JSON array of @obligations, in their order. */
JsonNode *cl_obligations_to_json     (GPtrArray          *obligations);
/* Grouped by student; within a student, overdue first, then by due date; one line each. */
char     *cl_obligations_to_text     (GPtrArray          *obligations,
                                      ClDate              today);

G_END_DECLS
