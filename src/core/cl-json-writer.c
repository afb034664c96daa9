/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-json-writer.c — JSON text written straight into a GString */
#define G_LOG_DOMAIN "cl-json-writer"

#include "cl-json-writer.h"

void
cl_json_writer_init (ClJsonWriter *w,
                     GString      *out,
                     guint         pretty_depth)
{
  w->out = out;
  w->depth = 0;
  w->pretty_depth = pretty_depth;
  w->need_comma = 0;
  w->after_name = FALSE;
}

static void
newline (ClJsonWriter *w)
{
  g_string_append_c (w->out, '\n');
  for (guint i = 0; i < w->depth; i++)
    g_string_append (w->out, "  ");
}

/* Before any value or name: the comma and line break or space it needs. */
static void
separate (ClJsonWriter *w)
{
  guint64 bit = G_GUINT64_CONSTANT (1) << MIN (w->depth, 63);
  gboolean first = (w->need_comma & bit) == 0;

  if (w->after_name)
    {
      w->after_name = FALSE;
      return;
    }
  w->need_comma |= bit;
  if (!first)
    g_string_append_c (w->out, ',');
  if (w->depth == 0)
    return;
  if (w->depth <= w->pretty_depth)
    newline (w);
  else if (!first)
    g_string_append_c (w->out, ' ');
}

static void
open_container (ClJsonWriter *w,
                char          c)
{
  separate (w);
  g_string_append_c (w->out, c);
  w->depth++;
  w->need_comma &= ~(G_GUINT64_CONSTANT (1) << MIN (w->depth, 63));
}

static void
close_container (ClJsonWriter *w,
                 char          c)
{
  gboolean had_items = (w->need_comma & (G_GUINT64_CONSTANT (1) << MIN (w->depth, 63))) != 0;

  w->depth--;
  if (had_items && w->depth < w->pretty_depth)
    newline (w);
  g_string_append_c (w->out, c);
  if (w->depth == 0)
    g_string_append_c (w->out, '\n');
}

void cl_json_writer_begin_object (ClJsonWriter *w) { open_container (w, '{'); }
void cl_json_writer_end_object (ClJsonWriter *w) { close_container (w, '}'); }
void cl_json_writer_begin_array (ClJsonWriter *w) { open_container (w, '['); }
void cl_json_writer_end_array (ClJsonWriter *w) { close_container (w, ']'); }

static void
append_escaped (GString    *out,
                const char *text)
{
  const char *run = text;

  g_string_append_c (out, '"');
  for (const char *p = text; *p; p++)
    {
      guchar c = (guchar) *p;

      if (c >= 0x20 && c != '"' && c != '\\')
        continue;
      g_string_append_len (out, run, p - run);
      run = p + 1;
      switch (c)
        {
        case '"': g_string_append (out, "\\\""); break;
        case '\\': g_string_append (out, "\\\\"); break;
        case '\n': g_string_append (out, "\\n"); break;
        case '\r': g_string_append (out, "\\r"); break;
        case '\t': g_string_append (out, "\\t"); break;
        default: g_string_append_printf (out, "\\u%04x", c); break;
        }
    }
  g_string_append (out, run);
  g_string_append_c (out, '"');
}

void
cl_json_writer_name (ClJsonWriter *w,
                     const char   *name)
{
  separate (w);
  append_escaped (w->out, name);
  g_string_append (w->out, ": ");
  w->after_name = TRUE;
}

void
cl_json_writer_string (ClJsonWriter *w,
                       const char   *value)
{
  separate (w);
  if (value == NULL)
    g_string_append (w->out, "null");
  else
    append_escaped (w->out, value);
}

void
cl_json_writer_date (ClJsonWriter *w,
                     ClDate        value)
{
  char buf[11];

  separate (w);
  if (value == CL_DATE_NONE)
    {
      g_string_append (w->out, "null");
      return;
    }
  cl_date_format_iso (value, buf);
  g_string_append_c (w->out, '"');
  g_string_append_len (w->out, buf, 10);
  g_string_append_c (w->out, '"');
}

void
cl_json_writer_bool (ClJsonWriter *w,
                     gboolean      value)
{
  separate (w);
  g_string_append (w->out, value ? "true" : "false");
}

void
cl_json_writer_number (ClJsonWriter *w,
                       double        value)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  separate (w);
  if (value == (double) (gint64) value && value > -1e15 && value < 1e15)
    g_string_append_printf (w->out, "%" G_GINT64_FORMAT, (gint64) value);
  else
    g_string_append (w->out, g_ascii_dtostr (buf, sizeof buf, value));
}

void
cl_json_writer_null (ClJsonWriter *w)
{
  separate (w);
  g_string_append (w->out, "null");
}

void
cl_json_writer_raw (ClJsonWriter *w,
                    const char   *json)
{
  separate (w);
  g_string_append (w->out, json);
}

void
cl_json_writer_member_string (ClJsonWriter *w, const char *name, const char *value)
{
  cl_json_writer_name (w, name);
  cl_json_writer_string (w, value);
}

void
cl_json_writer_member_date (ClJsonWriter *w, const char *name, ClDate value)
{
  cl_json_writer_name (w, name);
  cl_json_writer_date (w, value);
}

void
cl_json_writer_member_bool (ClJsonWriter *w, const char *name, gboolean value)
{
  cl_json_writer_name (w, name);
  cl_json_writer_bool (w, value);
}

void
cl_json_writer_member_number (ClJsonWriter *w, const char *name, double value)
{
  cl_json_writer_name (w, name);
  cl_json_writer_number (w, value);
}
