/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-json-strict.h — strict JSON text into json-glib nodes, one array's elements handed over as
 * they are parsed
 *
 * json-glib 1.6 parses through GScanner and emits a signal per member and element: on a
 * district's bundle (hundreds of megabytes) that is most of an import's parsing time. This parser
 * builds the same JsonNode tree for strict JSON (RFC 8259) and nothing else: anything it does not
 * take — a syntax error, or what json-glib accepts beyond JSON (comments, hex or octal numbers,
 * integers beyond 64 bits, "\u0000", lone surrogates, raw control characters in strings) and
 * duplicate member names — makes it return NULL, and the caller parses with json-glib, which
 * then says what is wrong in its own words.
 */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* Called with each element of the root object's @member array as soon as it is complete, with the
 * root object as parsed so far (the members before it). Returns TRUE when it took the element
 * (which is then freed, not kept in the tree), FALSE to keep it in the array. */
typedef gboolean (*ClJsonElementFunc) (JsonObject *root,
                                       JsonNode   *element,
                                       guint       index,
                                       gpointer    user_data);

JsonNode *cl_json_strict_parse (const char        *data,
                                gsize              length,
                                const char        *member,
                                ClJsonElementFunc  func,
                                gpointer           user_data);

G_END_DECLS
