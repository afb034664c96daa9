/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-student-search.c — finding a student by name, id or case manager as it is typed */
#define G_LOG_DOMAIN "cl-student-search"

#include <string.h>

#include "cl-student-search.h"

struct _ClStudentQuery
{
  char   *buffer;   /* the folded words, each ended by a NUL */
  char  **words;    /* into buffer, NULL-terminated */
  guint   n_words;
};

static gboolean
is_ascii (const char *text)
{
  for (const unsigned char *p = (const unsigned char *) text; *p; p++)
    if (*p >= 0x80)
      return FALSE;
  return TRUE;
}

char *
cl_search_fold (const char *text)
{
  g_autofree char *folded = NULL;
  g_autofree char *decomposed = NULL;
  GString *out;

  if (text == NULL)
    return g_strdup ("");
  /* Plain ASCII, most names: casefolding is lowering it, and it has nothing to decompose (the
   * general way below was most of making 100,000 rows for the list). */
  if (is_ascii (text) || !g_utf8_validate (text, -1, NULL))
    return g_ascii_strdown (text, -1);
  /* Casefold first ("ß" -> "ss"), then decompose so an accent becomes a mark of its own, and drop
   * the marks: "Gutiérrez", "GUTIERREZ" and "gutierrez" all read "gutierrez". NFKD also turns
   * ligatures and full-width letters into plain ones. */
  folded = g_utf8_casefold (text, -1);
  decomposed = g_utf8_normalize (folded, -1, G_NORMALIZE_NFKD);
  if (decomposed == NULL)
    return g_steal_pointer (&folded);
  out = g_string_sized_new (strlen (decomposed));
  for (const char *p = decomposed; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_type (c) != G_UNICODE_NON_SPACING_MARK)
        g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

char *
cl_student_search_key (const ClStudent *student)
{
  g_autofree char *name = NULL;
  g_autofree char *text = NULL;

  g_return_val_if_fail (student != NULL, NULL);

  name = cl_student_dup_display_name (student);
  text = g_strdup_printf ("%s\n%s\n%s", name, student->id ? student->id : "",
                          student->case_manager && student->case_manager->name ? student->case_manager->name : "");
  return cl_search_fold (text);
}

ClStudentQuery *
cl_student_query_new (const char *text)
{
  ClStudentQuery *query = g_new0 (ClStudentQuery, 1);
  g_autoptr(GPtrArray) words = g_ptr_array_new ();
  char *p;

  query->buffer = cl_search_fold (text);
  p = query->buffer;
  while (*p)
    {
      char *start;

      while (*p && g_unichar_isspace (g_utf8_get_char (p)))
        p = g_utf8_next_char (p);
      if (*p == '\0')
        break;
      start = p;
      while (*p && !g_unichar_isspace (g_utf8_get_char (p)))
        p = g_utf8_next_char (p);
      if (*p)
        {
          char *space_end = g_utf8_next_char (p);
          /* End the word here; the rest of the space character is skipped with it. */
          memset (p, 0, space_end - p);
          p = space_end;
        }
      g_ptr_array_add (words, start);
    }
  query->n_words = words->len;
  g_ptr_array_add (words, NULL);
  query->words = (char **) g_ptr_array_steal (words, NULL);
  return query;
}

void
cl_student_query_free (ClStudentQuery *query)
{
  if (query == NULL)
    return;
  g_free (query->words);
  g_free (query->buffer);
  g_free (query);
}

gboolean
cl_student_query_is_empty (const ClStudentQuery *query)
{
  return query == NULL || query->n_words == 0;
}

gboolean
cl_student_query_matches (const ClStudentQuery *query,
                          const char           *key)
{
  if (cl_student_query_is_empty (query))
    return TRUE;
  if (key == NULL)
    return FALSE;
  for (guint i = 0; i < query->n_words; i++)
    if (strstr (key, query->words[i]) == NULL)
      return FALSE;
  return TRUE;
}
