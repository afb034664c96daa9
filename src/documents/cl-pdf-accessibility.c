/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-pdf-accessibility.c — the language, the Marked flag, a Document root and figure alternatives,
 * added to cairo's tagged PDF as an incremental update (ISO 32000-1 §7.5.6) */
#define G_LOG_DOMAIN "cl-pdf-accessibility"

#include <glib/gi18n-lib.h>

#include <stdlib.h>
#include <string.h>

#include "cl-pdf-accessibility.h"

typedef struct {
  const char *data;
  gsize       len;
  GArray     *offsets;    /* of gsize, by object number, from cairo's cross-reference table */
} Pdf;

/* The last occurrence of @needle in the first @len bytes of @hay (the streams hold NUL bytes). */
static const char *
find_last (const char *hay,
           gsize       len,
           const char *needle)
{
  gsize n = strlen (needle);

  for (gsize i = len >= n ? len - n + 1 : 0; i-- > 0; )
    if (memcmp (hay + i, needle, n) == 0)
      return hay + i;
  return NULL;
}

/* The integer after @key in @dict ("/Size 86", "/Root 85 0 R"), or -1. */
static long
dict_int (const char *dict,
          const char *key)
{
  const char *p = strstr (dict, key);

  return p ? strtol (p + strlen (key), NULL, 10) : -1;
}

/* The dictionary of object @num without its closing ">>" (cairo writes these objects plainly, one
 * dictionary each), or NULL. */
static char *
object_dict (const Pdf *pdf,
             long       num)
{
  const char *start, *end, *open, *close;
  gsize offset;

  if (num <= 0 || (guint) num >= pdf->offsets->len)
    return NULL;
  offset = g_array_index (pdf->offsets, gsize, num);
  if (offset == 0 || offset >= pdf->len)
    return NULL;
  start = pdf->data + offset;
  end = NULL;
  for (const char *p = start; p + 6 <= pdf->data + pdf->len; p++)
    if (memcmp (p, "endobj", 6) == 0)
      {
        end = p;
        break;
      }
  if (end == NULL || (open = g_strstr_len (start, end - start, "<<")) == NULL ||
      (close = find_last (open, end - open, ">>")) == NULL)
    return NULL;
  return g_strndup (open, close - open);
}

/* The classic cross-reference table cairo 1.16 writes: "xref\n0 N\n" and N 20-byte entries. */
static gboolean
read_xref (Pdf  *pdf,
           long  xref)
{
  const char *p = pdf->data + xref;
  char *end;
  long first, count;

  if (xref <= 0 || (gsize) xref + 5 > pdf->len || memcmp (p, "xref", 4) != 0)
    return FALSE;
  first = strtol (p + 4, &end, 10);
  count = strtol (end, &end, 10);
  while (*end == '\r' || *end == '\n' || *end == ' ')
    end++;
  if (first != 0 || count <= 0 || (gsize) (end - pdf->data) + (gsize) count * 20 > pdf->len)
    return FALSE;
  for (long i = 0; i < count; i++)
    {
      gsize offset = g_ascii_strtoull (end + 20 * i, NULL, 10);
      g_array_append_val (pdf->offsets, offset);
    }
  return TRUE;
}

/* A PDF text string in UTF-16BE with its byte-order mark, as hex. */
static void
append_text_string (GString    *out,
                    const char *utf8)
{
  g_autofree gunichar2 *utf16 = g_utf8_to_utf16 (utf8, -1, NULL, NULL, NULL);

  g_string_append (out, "<FEFF");
  for (const gunichar2 *u = utf16; u && *u; u++)
    g_string_append_printf (out, "%04X", *u);
  g_string_append_c (out, '>');
}

static gboolean
is_language_tag (const char *language)
{
  for (const char *p = language; *p; p++)
    if (!g_ascii_isalnum (*p) && *p != '-')
      return FALSE;
  return *language != '\0';
}

/* The object numbers in "/K [ 3 0 R 4 0 R ]" or "/K 3 0 R", and where that value ends. */
static GArray *
kids (const char  *dict,
      const char **value_start,
      const char **value_end)
{
  const char *k = strstr (dict, "/K ");
  GArray *numbers = g_array_new (FALSE, FALSE, sizeof (long));
  gboolean list;
  const char *p;

  if (k == NULL)
    return numbers;
  p = k + 3;
  list = *p == '[';
  *value_start = p;
  if (list)
    p++;
  for (;;)
    {
      char *end;
      long num = strtol (p, &end, 10);

      if (end == p || strncmp (end, " 0 R", 4) != 0)
        break;
      g_array_append_val (numbers, num);
      p = end + 4;
      if (!list)
        break;
    }
  while (list && *p == ' ')
    p++;
  *value_end = list && *p == ']' ? p + 1 : p;
  return numbers;
}

static void
write_object (GString *out,
              GArray  *numbers,
              GArray  *offsets,
              long     num,
              const char *dict)
{
  g_array_append_val (numbers, num);
  g_array_append_val (offsets, out->len);
  g_string_append_printf (out, "%ld 0 obj\n%s>>\nendobj\n", num, dict);
}

GBytes *
cl_pdf_add_accessibility (GBytes             *bytes,
                          const char         *language,
                          const char * const *figure_alts,
                          GError            **error)
{
  g_autoptr(GArray) object_offsets = g_array_new (FALSE, TRUE, sizeof (gsize));
  Pdf pdf = { NULL, 0, object_offsets };
  const char *trailer, *startxref, *k_start = NULL, *k_end = NULL;
  g_autoptr(GString) out = NULL;
  g_autoptr(GString) tree = NULL;
  g_autoptr(GArray) offsets = g_array_new (FALSE, FALSE, sizeof (gsize));
  g_autoptr(GArray) numbers = g_array_new (FALSE, FALSE, sizeof (long));
  g_autoptr(GArray) top = NULL;
  g_autoptr(GHashTable) changed = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL, g_free);
  g_autofree char *trailer_dict = NULL;
  g_autofree char *catalog = NULL;
  g_autofree char *tree_dict = NULL;
  g_autofree char *root_ref = NULL;
  long size, root, info, prev, tree_num, document;
  guint n_alts = figure_alts ? g_strv_length ((char **) figure_alts) : 0, n_figures = 0;
  gsize xref;

  pdf.data = g_bytes_get_data (bytes, &pdf.len);
  trailer = find_last (pdf.data, pdf.len, "trailer");
  startxref = find_last (pdf.data, pdf.len, "startxref");
  if (trailer == NULL || startxref == NULL || startxref < trailer || !is_language_tag (language))
    goto malformed;
  trailer_dict = g_strndup (trailer, startxref - trailer);
  size = dict_int (trailer_dict, "/Size");
  root = dict_int (trailer_dict, "/Root");
  info = dict_int (trailer_dict, "/Info");
  prev = strtol (startxref + strlen ("startxref"), NULL, 10);
  if (size <= 0 || !read_xref (&pdf, prev) || (catalog = object_dict (&pdf, root)) == NULL ||
      (tree_num = dict_int (catalog, "/StructTreeRoot")) <= 0 || (tree_dict = object_dict (&pdf, tree_num)) == NULL)
    goto malformed;

  /* One Document element under the root, holding what cairo put there (a tagged PDF's root has
   * one child). */
  document = size;
  top = kids (tree_dict, &k_start, &k_end);
  if (top->len == 0)
    goto malformed;
  root_ref = g_strdup_printf ("/P %ld 0 R", tree_num);
  for (guint i = 0; i < top->len; i++)
    {
      long num = g_array_index (top, long, i);
      g_autofree char *dict = object_dict (&pdf, num);
      g_autoptr(GString) s = NULL;
      char *p;

      if (dict == NULL || (p = strstr (dict, root_ref)) == NULL)
        goto malformed;
      s = g_string_new_len (dict, p - dict);
      g_string_append_printf (s, "/P %ld 0 R%s", document, p + strlen (root_ref));
      g_hash_table_insert (changed, GINT_TO_POINTER (num), g_string_free (g_steal_pointer (&s), FALSE));
    }

  /* The figures, in the order cairo numbered their elements, which is the order they were drawn. */
  for (long num = 1; num < size; num++)
    {
      char *dict = g_hash_table_lookup (changed, GINT_TO_POINTER (num));
      g_autofree char *original = dict ? NULL : object_dict (&pdf, num);
      GString *s;

      if (dict == NULL)
        dict = original;
      if (dict == NULL || strstr (dict, "/Type /StructElem") == NULL || strstr (dict, "/S /Figure\n") == NULL)
        continue;
      if (n_figures < n_alts)
        {
          s = g_string_new (dict);
          g_string_append (s, "   /Alt ");
          append_text_string (s, figure_alts[n_figures]);
          g_string_append_c (s, '\n');
          g_hash_table_insert (changed, GINT_TO_POINTER (num), g_string_free (s, FALSE));
        }
      n_figures++;
    }
  if (n_figures != n_alts)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("The PDF could not be written: it has %u figures for %u descriptions"), n_figures, n_alts);
      return NULL;
    }

  out = g_string_new_len (pdf.data, pdf.len);
  if (out->str[out->len - 1] != '\n')
    g_string_append_c (out, '\n');

  {
    g_autoptr(GString) s = g_string_new (catalog);

    g_string_append (s, "   /Lang ");
    append_text_string (s, language);
    g_string_append (s, "\n   /MarkInfo << /Marked true >>\n   /ViewerPreferences << /DisplayDocTitle true >>\n");
    write_object (out, numbers, offsets, root, s->str);
  }
  tree = g_string_new_len (tree_dict, k_start - tree_dict);
  g_string_append_printf (tree, "[ %ld 0 R ]%s", document, k_end);
  write_object (out, numbers, offsets, tree_num, tree->str);
  {
    g_autoptr(GString) s = g_string_new (NULL);

    g_string_append_printf (s, "<< /Type /StructElem\n   /S /Document\n   /P %ld 0 R\n   /K [", tree_num);
    for (guint i = 0; i < top->len; i++)
      g_string_append_printf (s, " %ld 0 R", g_array_index (top, long, i));
    g_string_append (s, " ]\n");
    write_object (out, numbers, offsets, document, s->str);
  }
  for (long num = 1; num < size; num++)
    {
      const char *dict = g_hash_table_lookup (changed, GINT_TO_POINTER (num));
      if (dict != NULL)
        write_object (out, numbers, offsets, num, dict);
    }

  xref = out->len;
  g_string_append (out, "xref\n");
  for (guint i = 0; i < numbers->len; i++)
    g_string_append_printf (out, "%ld 1\n%010" G_GSIZE_FORMAT " 00000 n \n",
                            g_array_index (numbers, long, i), g_array_index (offsets, gsize, i));
  g_string_append_printf (out, "trailer\n<< /Size %ld\n   /Root %ld 0 R\n", size + 1, root);
  if (info > 0)
    g_string_append_printf (out, "   /Info %ld 0 R\n", info);
  g_string_append_printf (out, "   /Prev %ld\n>>\nstartxref\n%" G_GSIZE_FORMAT "\n%%%%EOF\n", prev, xref);
  return g_string_free_to_bytes (g_steal_pointer (&out));

malformed:
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
               _("The PDF could not be written: its structure could not be completed"));
  return NULL;
}
