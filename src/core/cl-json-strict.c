/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-json-strict.c — strict JSON text into json-glib nodes (see the header for why)
 *
 * A recursive descent over the bytes. The text is already UTF-8 (the bundle reader checks), so a
 * string's bytes are copied as they are between escapes. Numbers become what json-glib makes of
 * them: an int64 without fraction or exponent, a double (g_ascii_strtod) with one.
 */
#define G_LOG_DOMAIN "cl-json-strict"

#include <string.h>

#include "cl-json-strict.h"

/* As the bundle reader's check of the text: deeper documents are refused before parsing. */
#define MAX_DEPTH 512

typedef struct {
  const char        *p;
  const char        *end;
  GString           *text;       /* the string being read, reused */
  guint              depth;
  const char        *member;     /* the root member whose array is handed over */
  ClJsonElementFunc  func;
  gpointer           user_data;
} Scan;

static JsonNode *parse_value (Scan *s, gboolean root);

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

/* A string (s->p on its opening quote) into s->text. */
static gboolean
read_string (Scan *s)
{
  s->p++;
  g_string_truncate (s->text, 0);
  for (;;)
    {
      const char *start = s->p;
      gunichar c;

      while (s->p < s->end && *s->p != '"' && *s->p != '\\' && (guchar) *s->p >= 0x20)
        s->p++;
      g_string_append_len (s->text, start, s->p - start);
      if (s->p >= s->end || (guchar) *s->p < 0x20)
        return FALSE;
      if (*s->p++ == '"')
        return TRUE;
      if (s->p >= s->end)
        return FALSE;
      switch (*s->p++)
        {
        case '"': g_string_append_c (s->text, '"'); break;
        case '\\': g_string_append_c (s->text, '\\'); break;
        case '/': g_string_append_c (s->text, '/'); break;
        case 'b': g_string_append_c (s->text, '\b'); break;
        case 'f': g_string_append_c (s->text, '\f'); break;
        case 'n': g_string_append_c (s->text, '\n'); break;
        case 'r': g_string_append_c (s->text, '\r'); break;
        case 't': g_string_append_c (s->text, '\t'); break;
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
          g_string_append_unichar (s->text, c);
          break;
        default:
          return FALSE;
        }
    }
}

static JsonNode *
parse_number (Scan *s)
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
    return NULL;
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
        return NULL;
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
        return NULL;
      while (s->p < s->end && g_ascii_isdigit (*s->p))
        s->p++;
    }

  if (!fraction)
    {
      JsonNode *node;

      /* json-glib wraps integers past 64 bits around: leave those to it. */
      if (digits > 18)
        return NULL;
      node = json_node_alloc ();
      return json_node_init_int (node, negative ? -value : value);
    }
  else
    {
      char buffer[G_ASCII_DTOSTR_BUF_SIZE + 16];
      gsize len = s->p - start;
      JsonNode *node;

      if (len >= sizeof buffer)
        return NULL;
      memcpy (buffer, start, len);
      buffer[len] = '\0';
      node = json_node_alloc ();
      return json_node_init_double (node, g_ascii_strtod (buffer, NULL));
    }
}

static JsonNode *
parse_literal (Scan       *s,
               const char *word)
{
  gsize len = strlen (word);
  JsonNode *node;

  if ((gsize) (s->end - s->p) < len || memcmp (s->p, word, len) != 0)
    return NULL;
  s->p += len;
  node = json_node_alloc ();
  if (word[0] == 'n')
    return json_node_init_null (node);
  return json_node_init_boolean (node, word[0] == 't');
}

/* The root's handed-over array: each element to the callback as it is complete. */
static gboolean
parse_elements (Scan       *s,
                JsonArray  *array,
                JsonObject *root)
{
  guint index = 0;

  if (take (s, ']'))
    return TRUE;
  do
    {
      JsonNode *element = parse_value (s, FALSE);

      if (element == NULL)
        return FALSE;
      if (root != NULL && s->func (root, element, index, s->user_data))
        json_node_unref (element);
      else
        json_array_add_element (array, element);
      index++;
    }
  while (take (s, ','));
  return take (s, ']');
}

static JsonNode *
parse_array (Scan       *s,
             JsonObject *root)
{
  g_autoptr(JsonArray) array = json_array_new ();
  JsonNode *node;

  s->p++;
  if (!parse_elements (s, array, root))
    return NULL;
  node = json_node_alloc ();
  return json_node_init_array (node, array);
}

static JsonNode *
parse_object (Scan     *s,
              gboolean  root)
{
  g_autoptr(JsonObject) object = json_object_new ();
  JsonNode *node;

  s->p++;
  if (!take (s, '}'))
    {
      do
        {
          /* The value's strings reuse s->text: a member's name is kept aside, on the stack
           * when it is short (all of a bundle's are). */
          char short_name[64];
          g_autofree char *long_name = NULL;
          const char *name;
          guint size = json_object_get_size (object);
          JsonNode *value;

          skip_space (s);
          if (s->p >= s->end || *s->p != '"' || !read_string (s))
            return NULL;
          /* The root's is asked first: a second array handed over would be read for nothing. */
          if (root && json_object_has_member (object, s->text->str))
            return NULL;
          if (s->text->len < sizeof short_name)
            name = memcpy (short_name, s->text->str, s->text->len + 1);
          else
            name = long_name = g_strndup (s->text->str, s->text->len);
          if (!take (s, ':'))
            return NULL;
          skip_space (s);
          if (root && s->func != NULL && g_str_equal (name, s->member) && s->p < s->end && *s->p == '[')
            {
              s->depth++;
              value = parse_array (s, object);
              s->depth--;
            }
          else
            value = parse_value (s, FALSE);
          if (value == NULL)
            return NULL;
          json_object_set_member (object, name, value);
          /* json-glib keeps the last of the same name: which one an array handed over while
           * parsing came from would be a guess, so leave the whole document to it. A name seen
           * before leaves the object its size (one lookup fewer than asking first). */
          if (json_object_get_size (object) == size)
            return NULL;
        }
      while (take (s, ','));
      if (!take (s, '}'))
        return NULL;
    }
  node = json_node_alloc ();
  return json_node_init_object (node, object);
}

static JsonNode *
parse_value (Scan     *s,
             gboolean  root)
{
  JsonNode *node = NULL;

  skip_space (s);
  if (s->p >= s->end)
    return NULL;
  switch (*s->p)
    {
    case '{':
    case '[':
      if (++s->depth > MAX_DEPTH)
        return NULL;
      node = *s->p == '{' ? parse_object (s, root) : parse_array (s, NULL);
      s->depth--;
      return node;
    case '"':
      if (!read_string (s))
        return NULL;
      node = json_node_alloc ();
      json_node_init_string (node, s->text->str);
      return node;
    case 't':
      return parse_literal (s, "true");
    case 'f':
      return parse_literal (s, "false");
    case 'n':
      return parse_literal (s, "null");
    default:
      return *s->p == '-' || g_ascii_isdigit (*s->p) ? parse_number (s) : NULL;
    }
}

JsonNode *
cl_json_strict_parse (const char        *data,
                      gsize              length,
                      const char        *member,
                      ClJsonElementFunc  func,
                      gpointer           user_data)
{
  g_autoptr(GString) text = g_string_sized_new (256);
  Scan s = { data, data + length, text, 0, member, func, user_data };
  g_autoptr(JsonNode) root = NULL;

  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (func == NULL || member != NULL, NULL);

  root = parse_value (&s, TRUE);
  if (root == NULL)
    return NULL;
  skip_space (&s);
  if (s.p != s.end)
    return NULL;
  return g_steal_pointer (&root);
}
