/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-text-fill.c — sentences with named places */
#include "cl-text-fill.h"

char *
cl_text_fill_valist (const char *pattern,
                     va_list     args)
{
  GString *out = g_string_new (pattern);
  const char *name;

  while ((name = va_arg (args, const char *)) != NULL)
    {
      const char *value = va_arg (args, const char *);
      g_autofree char *token = g_strdup_printf ("{%s}", name);

      g_string_replace (out, token, value ? value : "", 0);
    }
  return g_string_free (out, FALSE);
}

char *
cl_text_fill (const char *pattern,
              ...)
{
  va_list args;
  char *text;

  va_start (args, pattern);
  text = cl_text_fill_valist (pattern, args);
  va_end (args);
  return text;
}
