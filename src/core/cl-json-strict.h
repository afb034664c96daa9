/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-json-strict.h — strict JSON text into a flat document of values, one array's elements
 * handed over as they are parsed
 *
 * json-glib 1.6 parses through GScanner and emits a signal per member and element, and its tree
 * costs a hash table per object, a copy of each member's name and a slice per value, all freed
 * again: on a district's bundle (hundreds of megabytes) that was most of an import's reading.
 * This parser writes the values of strict JSON (RFC 8259) one after another into an array it
 * reuses, and their names and strings into one buffer. Anything it does not take — a syntax
 * error, bytes that are not UTF-8, what json-glib accepts beyond JSON (comments, hex or octal
 * numbers, integers beyond 64 bits, "\u0000", lone surrogates, raw control characters in
 * strings) and duplicate member names — makes it fail, and the caller parses with json-glib,
 * which then says what is wrong in its own words. Numbers are what json-glib makes of them: an
 * int64 without fraction or exponent, a double (g_ascii_strtod) with one.
 *
 * A container is followed by its members or elements, each followed by its own: the next
 * sibling of a value is `size` values on.
 */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

typedef enum {
  CL_JSON_NULL,
  CL_JSON_BOOLEAN,
  CL_JSON_INT,
  CL_JSON_DOUBLE,
  CL_JSON_STRING,
  CL_JSON_ARRAY,
  CL_JSON_OBJECT,
} ClJsonType;

typedef struct {
  ClJsonType type;
  guint      count;      /* an array's elements, an object's members */
  guint      size;       /* this value and all it holds, in values */
  gsize      name;       /* a member's name: its offset in the document's text */
  union {
    gboolean boolean;
    gint64   integer;
    double   number;
    gsize    string;     /* offset in the document's text, NUL-terminated */
  };
} ClJsonValue;

/* Each member of an object or element of an array in turn, as @child (a const ClJsonValue *
 * the caller declares), @i its index; none when @container is NULL. A container's children
 * follow it, each after the one before and everything that one holds. */
#define CL_JSON_FOREACH_CHILD(container, i, child)                                        \
  for (guint i = 0; (container) != NULL && i < (container)->count &&                      \
                    ((child) = i == 0 ? (container) + 1 : (child) + (child)->size, TRUE); \
       i++)

typedef struct {
  GArray  *values;       /* of ClJsonValue */
  GString *text;         /* names and strings, each ending in NUL */
} ClJsonDoc;

ClJsonDoc *cl_json_doc_new   (void);
void       cl_json_doc_free  (ClJsonDoc *doc);
void       cl_json_doc_clear (ClJsonDoc *doc);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ClJsonDoc, cl_json_doc_free)

static inline const ClJsonValue *
cl_json_doc_get (ClJsonDoc *doc,
                 guint      index)
{
  return &g_array_index (doc->values, ClJsonValue, index);
}

static inline const char *
cl_json_doc_text (ClJsonDoc *doc,
                  gsize      offset)
{
  return doc->text->str + offset;
}

/* The member of object @o named @name, or NULL. */
const ClJsonValue *cl_json_doc_member (ClJsonDoc         *doc,
                                       const ClJsonValue *o,
                                       const char        *name);

/* Called with each element of the root object's @member array as soon as it is complete, with
 * the root object (index 0) as parsed so far: the members before the array. Returns TRUE when
 * it took the element, which is then dropped from the document, FALSE to keep it. */
typedef gboolean (*ClJsonElementFunc) (ClJsonDoc *doc,
                                       guint      element,
                                       guint      index,
                                       gpointer   user_data);

/* Parses @data into the empty @doc, its root at index 0. */
gboolean   cl_json_doc_parse      (ClJsonDoc         *doc,
                                   const char        *data,
                                   gsize              length,
                                   const char        *member,
                                   ClJsonElementFunc  func,
                                   gpointer           user_data);

/* json-glib's nodes to values and back, for what is kept as JsonObject and what json-glib
 * parsed. */
guint      cl_json_doc_add_node   (ClJsonDoc         *doc,
                                   JsonNode          *node);
JsonNode  *cl_json_doc_to_node    (ClJsonDoc         *doc,
                                   const ClJsonValue *value);

/* The tree json-glib would build of strict JSON, or NULL for anything else (for the tests). */
JsonNode  *cl_json_strict_parse   (const char        *data,
                                   gsize              length);

G_END_DECLS
