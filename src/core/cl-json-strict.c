/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-json-strict.c — strict JSON text into a flat document of values (see the header for why)
 *
 * A recursive descent over the bytes, appending each value as it starts and setting a
 * container's count and size once it ends. Values are found again by their index, since the
 * array they are in moves as it grows. The caller checks nothing beforehand: a string's bytes
 * are checked to be UTF-8 as they are copied, and anything else outside a string that is not
 * ASCII is a syntax error.
 */
#define G_LOG_DOMAIN "cl-json-strict"

#include <string.h>

#include "cl-json-strict.h"

/* As the bundle reader's check of the text: deeper documents are refused. */
#define MAX_DEPTH 512

ClJsonDoc *
cl_json_doc_new (void)
{
  ClJsonDoc *doc = g_new0 (ClJsonDoc, 1);

  doc->values = g_array_sized_new (FALSE, FALSE, sizeof (ClJsonValue), 1024);
  doc->text = g_string_sized_new (4096);
  return doc;
}

void
cl_json_doc_free (ClJsonDoc *doc)
{
  if (doc == NULL)
    return;
  g_array_unref (doc->values);
  g_string_free (doc->text, TRUE);
  g_free (doc);
}

void
cl_json_doc_clear (ClJsonDoc *doc)
{
  g_array_set_size (doc->values, 0);
  g_string_truncate (doc->text, 0);
}

const ClJsonValue *
cl_json_doc_member (ClJsonDoc         *doc,
                    const ClJsonValue *o,
                    const char        *name)
{
  const ClJsonValue *m = NULL;

  /* A bundle's objects have a few members to some twenty: a walk comparing the first letter
   * first is quicker than any hashing. */
  CL_JSON_FOREACH_CHILD (o, i, m)
    {
      const char *n = doc->text->str + m->name;

      if (n[0] == name[0] && strcmp (n, name) == 0)
        return m;
    }
  return NULL;
}

typedef struct {
  const char        *p;
  const char        *end;
  ClJsonDoc         *doc;
  guint              depth;
  const char        *member;     /* the root member whose array is handed over */
  ClJsonElementFunc  func;
  gpointer           user_data;
} Scan;

static gboolean parse_value (Scan *s, gsize name, gboolean root);

static inline void
skip_space (Scan *s)
{
  while (s->p < s->end && (*s->p == ' ' || *s->p == '\n' || *s->p == '\r' || *s->p == '\t'))
    s->p++;
}

/* The next byte, after white space, is @c: taken. */
static inline gboolean
take (Scan *s,
      char  c)
{
  skip_space (s);
  if (s->p < s->end && *s->p == c)
    {
      s->p++;
      return TRUE;
    }
  return FALSE;
}

static inline ClJsonValue *
value_at (Scan  *s,
          guint  index)
{
  return &g_array_index (s->doc->values, ClJsonValue, index);
}

/* A new value at the end; its index. */
static inline guint
append (Scan       *s,
        ClJsonType  type,
        gsize       name)
{
  guint index = s->doc->values->len;
  ClJsonValue *v;

  g_array_set_size (s->doc->values, index + 1);
  v = value_at (s, index);
  v->type = type;
  v->count = 0;
  v->size = 1;
  v->name = name;
  v->integer = 0;
  return index;
}

static gboolean
read_hex4 (Scan     *s,
           gunichar *out)
{
  gunichar c = 0;

  if (s->end - s->p < 4)
    return FALSE;
  for (int i = 0; i < 4; i++)
    {
      int v = g_ascii_xdigit_value (s->p[i]);
      if (v < 0)
        return FALSE;
      c = c * 16 + (gunichar) v;
    }
  s->p += 4;
  *out = c;
  return TRUE;
}

/* A string (s->p on its opening quote) onto the document's text, ended by a NUL; its offset. */
static gboolean
read_string (Scan  *s,
             gsize *offset)
{
  GString *text = s->doc->text;

  s->p++;
  *offset = text->len;
  for (;;)
    {
      const char *start = s->p;
      guchar high = 0;
      gunichar c;

      while (s->p < s->end && *s->p != '"' && *s->p != '\\' && (guchar) *s->p >= 0x20)
        high |= (guchar) *s->p++;
      /* Escapes give whole characters, and no byte of a multi-byte character is a quote or a
       * backslash: each run between them must be UTF-8 on its own. */
      if ((high & 0x80) && !g_utf8_validate_len (start, s->p - start, NULL))
        return FALSE;
      g_string_append_len (text, start, s->p - start);
      if (s->p >= s->end || (guchar) *s->p < 0x20)
        return FALSE;
      if (*s->p++ == '"')
        {
          g_string_append_c (text, '\0');
          return TRUE;
        }
      if (s->p >= s->end)
        return FALSE;
      switch (*s->p++)
        {
        case '"': g_string_append_c (text, '"'); break;
        case '\\': g_string_append_c (text, '\\'); break;
        case '/': g_string_append_c (text, '/'); break;
        case 'b': g_string_append_c (text, '\b'); break;
        case 'f': g_string_append_c (text, '\f'); break;
        case 'n': g_string_append_c (text, '\n'); break;
        case 'r': g_string_append_c (text, '\r'); break;
        case 't': g_string_append_c (text, '\t'); break;
        case 'u':
          if (!read_hex4 (s, &c))
            return FALSE;
          if (c >= 0xD800 && c < 0xDC00)
            {
              gunichar low;

              if (s->end - s->p < 2 || s->p[0] != '\\' || s->p[1] != 'u')
                return FALSE;
              s->p += 2;
              if (!read_hex4 (s, &low) || low < 0xDC00 || low >= 0xE000)
                return FALSE;
              c = 0x10000 + ((c - 0xD800) << 10) + (low - 0xDC00);
            }
          else if (c >= 0xDC00 && c < 0xE000)
            return FALSE;
          /* json-glib ends its C string at a NUL: leave that to it. */
          if (c == 0)
            return FALSE;
          g_string_append_unichar (text, c);
          break;
        default:
          return FALSE;
        }
    }
}

static gboolean
parse_number (Scan  *s,
              gsize  name)
{
  const char *start = s->p;
  gboolean negative = FALSE, fraction = FALSE;
  guint digits = 0;
  gint64 value = 0;

  if (*s->p == '-')
    {
      negative = TRUE;
      s->p++;
    }
  if (s->p >= s->end || !g_ascii_isdigit (*s->p))
    return FALSE;
  if (*s->p == '0')
    s->p++, digits = 1;
  else
    while (s->p < s->end && g_ascii_isdigit (*s->p))
      {
        value = value * 10 + (*s->p++ - '0');
        digits++;
      }
  if (s->p < s->end && *s->p == '.')
    {
      fraction = TRUE;
      if (++s->p >= s->end || !g_ascii_isdigit (*s->p))
        return FALSE;
      while (s->p < s->end && g_ascii_isdigit (*s->p))
        s->p++;
    }
  if (s->p < s->end && (*s->p == 'e' || *s->p == 'E'))
    {
      fraction = TRUE;
      s->p++;
      if (s->p < s->end && (*s->p == '+' || *s->p == '-'))
        s->p++;
      if (s->p >= s->end || !g_ascii_isdigit (*s->p))
        return FALSE;
      while (s->p < s->end && g_ascii_isdigit (*s->p))
        s->p++;
    }

  if (!fraction)
    {
      /* json-glib wraps integers past 64 bits around: leave those to it. */
      if (digits > 18)
        return FALSE;
      value_at (s, append (s, CL_JSON_INT, name))->integer = negative ? -value : value;
    }
  else
    {
      char buffer[G_ASCII_DTOSTR_BUF_SIZE + 16];
      gsize len = s->p - start;

      if (len >= sizeof buffer)
        return FALSE;
      memcpy (buffer, start, len);
      buffer[len] = '\0';
      value_at (s, append (s, CL_JSON_DOUBLE, name))->number = g_ascii_strtod (buffer, NULL);
    }
  return TRUE;
}

static gboolean
parse_literal (Scan       *s,
               const char *word,
               gsize       name)
{
  gsize len = strlen (word);
  guint index;

  if ((gsize) (s->end - s->p) < len || memcmp (s->p, word, len) != 0)
    return FALSE;
  s->p += len;
  index = append (s, word[0] == 'n' ? CL_JSON_NULL : CL_JSON_BOOLEAN, name);
  value_at (s, index)->boolean = word[0] == 't';
  return TRUE;
}

/* An array's elements; the root's handed-over array gives each to the callback as it is
 * complete, and drops those it takes. */
static gboolean
parse_array (Scan     *s,
             gsize     name,
             gboolean  handed_over)
{
  guint index = append (s, CL_JSON_ARRAY, name);
  guint count = 0, i = 0;

  s->p++;
  if (!take (s, ']'))
    {
      do
        {
          guint element = s->doc->values->len;
          gsize text_len = s->doc->text->len;

          if (!parse_value (s, 0, FALSE))
            return FALSE;
          if (handed_over && s->func (s->doc, element, i, s->user_data))
            {
              g_array_set_size (s->doc->values, element);
              g_string_truncate (s->doc->text, text_len);
            }
          else
            count++;
          i++;
        }
      while (take (s, ','));
      if (!take (s, ']'))
        return FALSE;
    }
  value_at (s, index)->count = count;
  value_at (s, index)->size = s->doc->values->len - index;
  return TRUE;
}

static gboolean
parse_object (Scan     *s,
              gsize     name,
              gboolean  root)
{
  guint index = append (s, CL_JSON_OBJECT, name);
  guint count = 0;

  s->p++;
  if (!take (s, '}'))
    {
      do
        {
          gsize member;

          skip_space (s);
          if (s->p >= s->end || *s->p != '"' || !read_string (s, &member))
            return FALSE;
          /* json-glib keeps the last of the same name: which one an array handed over while
           * parsing came from would be a guess, so leave the whole document to it. Asked
           * before the value is parsed, so that a second array is not handed over; the
           * object's count is of the members before this one. */
          if (cl_json_doc_member (s->doc, value_at (s, index), s->doc->text->str + member) != NULL)
            return FALSE;
          if (!take (s, ':'))
            return FALSE;
          skip_space (s);
          if (root && s->func != NULL && s->p < s->end && *s->p == '[' &&
              strcmp (s->doc->text->str + member, s->member) == 0)
            {
              if (++s->depth > MAX_DEPTH)
                return FALSE;
              if (!parse_array (s, member, TRUE))
                return FALSE;
              s->depth--;
            }
          else if (!parse_value (s, member, FALSE))
            return FALSE;
          /* Counted as each member ends: the callback sees the root as parsed so far. */
          value_at (s, index)->count = ++count;
        }
      while (take (s, ','));
      if (!take (s, '}'))
        return FALSE;
    }
  value_at (s, index)->size = s->doc->values->len - index;
  return TRUE;
}

static gboolean
parse_value (Scan     *s,
             gsize     name,
             gboolean  root)
{
  gsize string;
  gboolean ok;

  skip_space (s);
  if (s->p >= s->end)
    return FALSE;
  switch (*s->p)
    {
    case '{':
    case '[':
      if (++s->depth > MAX_DEPTH)
        return FALSE;
      ok = *s->p == '{' ? parse_object (s, name, root) : parse_array (s, name, FALSE);
      s->depth--;
      return ok;
    case '"':
      if (!read_string (s, &string))
        return FALSE;
      value_at (s, append (s, CL_JSON_STRING, name))->string = string;
      return TRUE;
    case 't':
      return parse_literal (s, "true", name);
    case 'f':
      return parse_literal (s, "false", name);
    case 'n':
      return parse_literal (s, "null", name);
    default:
      return (*s->p == '-' || g_ascii_isdigit (*s->p)) && parse_number (s, name);
    }
}

gboolean
cl_json_doc_parse (ClJsonDoc         *doc,
                   const char        *data,
                   gsize              length,
                   const char        *member,
                   ClJsonElementFunc  func,
                   gpointer           user_data)
{
  Scan s = { data, data + length, doc, 0, member, func, user_data };

  g_return_val_if_fail (doc != NULL && doc->values->len == 0, FALSE);
  g_return_val_if_fail (data != NULL || length == 0, FALSE);
  g_return_val_if_fail (func == NULL || member != NULL, FALSE);

  if (!parse_value (&s, 0, TRUE))
    return FALSE;
  skip_space (&s);
  return s.p == s.end;
}

/* Appends @node (and what it holds) named by the text at @name. */
static guint
add_node (ClJsonDoc *doc,
          JsonNode  *node,
          gsize      name)
{
  guint index = doc->values->len;
  ClJsonValue v = { CL_JSON_NULL, 0, 1, name, { 0 } };

  g_array_append_val (doc->values, v);
  switch (json_node_get_node_type (node))
    {
    case JSON_NODE_OBJECT:
      {
        JsonObject *o = json_node_get_object (node);
        GList *members = json_object_get_members (o);
        guint count = 0;

        /* In the order they came, as the parser would have written them. */
        for (GList *l = members; l != NULL; l = l->next)
          {
            gsize member = doc->text->len;

            g_string_append_len (doc->text, l->data, strlen (l->data) + 1);
            add_node (doc, json_object_get_member (o, l->data), member);
            count++;
          }
        g_list_free (members);
        g_array_index (doc->values, ClJsonValue, index).type = CL_JSON_OBJECT;
        g_array_index (doc->values, ClJsonValue, index).count = count;
      }
      break;
    case JSON_NODE_ARRAY:
      {
        JsonArray *a = json_node_get_array (node);
        guint n = json_array_get_length (a);

        for (guint i = 0; i < n; i++)
          add_node (doc, json_array_get_element (a, i), 0);
        g_array_index (doc->values, ClJsonValue, index).type = CL_JSON_ARRAY;
        g_array_index (doc->values, ClJsonValue, index).count = n;
      }
      break;
    case JSON_NODE_VALUE:
      {
        ClJsonValue *w = &g_array_index (doc->values, ClJsonValue, index);

        switch (json_node_get_value_type (node))
          {
          case G_TYPE_BOOLEAN:
            w->type = CL_JSON_BOOLEAN;
            w->boolean = json_node_get_boolean (node);
            break;
          case G_TYPE_INT64:
            w->type = CL_JSON_INT;
            w->integer = json_node_get_int (node);
            break;
          case G_TYPE_DOUBLE:
            w->type = CL_JSON_DOUBLE;
            w->number = json_node_get_double (node);
            break;
          default:
            {
              const char *string = json_node_get_string (node);

              w->type = CL_JSON_STRING;
              w->string = doc->text->len;
              g_string_append_len (doc->text, string ? string : "", string ? strlen (string) + 1 : 1);
            }
            break;
          }
      }
      break;
    case JSON_NODE_NULL:
    default:
      break;
    }
  g_array_index (doc->values, ClJsonValue, index).size = doc->values->len - index;
  return index;
}

guint
cl_json_doc_add_node (ClJsonDoc *doc,
                      JsonNode  *node)
{
  g_return_val_if_fail (doc != NULL && node != NULL, 0);

  return add_node (doc, node, 0);
}

JsonNode *
cl_json_doc_to_node (ClJsonDoc         *doc,
                     const ClJsonValue *value)
{
  JsonNode *node = json_node_alloc ();

  switch (value->type)
    {
    case CL_JSON_OBJECT:
      {
        JsonObject *o = json_object_new ();
        const ClJsonValue *m = NULL;

        CL_JSON_FOREACH_CHILD (value, i, m)
          json_object_set_member (o, doc->text->str + m->name, cl_json_doc_to_node (doc, m));
        json_node_init_object (node, o);
        json_object_unref (o);
      }
      break;
    case CL_JSON_ARRAY:
      {
        JsonArray *a = json_array_sized_new (value->count);
        const ClJsonValue *e = NULL;

        CL_JSON_FOREACH_CHILD (value, i, e)
          json_array_add_element (a, cl_json_doc_to_node (doc, e));
        json_node_init_array (node, a);
        json_array_unref (a);
      }
      break;
    case CL_JSON_STRING:
      json_node_init_string (node, doc->text->str + value->string);
      break;
    case CL_JSON_INT:
      json_node_init_int (node, value->integer);
      break;
    case CL_JSON_DOUBLE:
      json_node_init_double (node, value->number);
      break;
    case CL_JSON_BOOLEAN:
      json_node_init_boolean (node, value->boolean);
      break;
    case CL_JSON_NULL:
    default:
      json_node_init_null (node);
      break;
    }
  return node;
}

JsonNode *
cl_json_strict_parse (const char *data,
                      gsize       length)
{
  g_autoptr(ClJsonDoc) doc = cl_json_doc_new ();

  if (!cl_json_doc_parse (doc, data, length, NULL, NULL, NULL))
    return NULL;
  return cl_json_doc_to_node (doc, cl_json_doc_get (doc, 0));
}
