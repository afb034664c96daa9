/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-csv.c — RFC 4180 as spreadsheets write it */
#define G_LOG_DOMAIN "cl-csv"

#include <glib/gi18n-lib.h>

#include <string.h>

#include "cl-csv.h"

G_DEFINE_QUARK (cl-csv-error-quark, cl_csv_error)

/* Windows-1252's 0x80–0x9F; the five bytes it leaves undefined decode to the C1 controls, as
 * Windows itself decodes them. 0xA0–0xFF are Latin-1. */
static const gunichar cp1252_high[32] = {
  0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
  0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,
  0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
  0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,
};

static char *
decode_cp1252 (const char *data,
               gsize       length)
{
  GString *out = g_string_sized_new (length + length / 8);

  for (gsize i = 0; i < length; i++)
    {
      guchar c = (guchar) data[i];

      if (c < 0x80)
        g_string_append_c (out, (char) c);
      else
        g_string_append_unichar (out, c < 0xA0 ? cp1252_high[c - 0x80] : c);
    }
  return g_string_free (out, FALSE);
}

/* @data as UTF-8 text, without a BOM. */
static char *
decode (const char     *data,
        gsize           length,
        ClCsvEncoding  *encoding,
        GError        **error)
{
  if (length >= 4 && memcmp (data, "PK\003\004", 4) == 0)
    {
      g_set_error_literal (error, CL_CSV_ERROR, CL_CSV_ERROR_ENCODING,
                           _("This is a spreadsheet workbook (.xlsx or .ods), not CSV: open it in "
                             "the spreadsheet and save it as CSV first."));
      return NULL;
    }
  if (memchr (data, '\0', length) != NULL)
    {
      g_set_error_literal (error, CL_CSV_ERROR, CL_CSV_ERROR_ENCODING,
                           _("This file is not CSV text (it holds NUL bytes, as "
                             "UTF-16 or binary files do): save it as \"CSV UTF-8\" and try again."));
      return NULL;
    }
  if (length >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    {
      if (!g_utf8_validate_len (data + 3, length - 3, NULL))
        {
          g_set_error_literal (error, CL_CSV_ERROR, CL_CSV_ERROR_ENCODING,
                               _("This file starts as UTF-8 but is not UTF-8 throughout: save it "
                                 "again as \"CSV UTF-8\" and try again."));
          return NULL;
        }
      *encoding = CL_CSV_UTF8_BOM;
      return g_strndup (data + 3, length - 3);
    }
  if (g_utf8_validate_len (data, length, NULL))
    {
      *encoding = CL_CSV_UTF8;
      return g_strndup (data, length);
    }
  *encoding = CL_CSV_WINDOWS_1252;
  return decode_cp1252 (data, length);
}

/* The delimiter of the header line: whichever of comma, semicolon and tab occurs most outside
 * quotes (comma when none does, as for a one-column file). */
static char
guess_delimiter (const char *text)
{
  guint commas = 0, semicolons = 0, tabs = 0;
  gboolean quoted = FALSE;

  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '"')
        quoted = !quoted;
      else if (!quoted && (*p == '\n' || *p == '\r'))
        break;
      else if (!quoted)
        {
          commas += *p == ',';
          semicolons += *p == ';';
          tabs += *p == '\t';
        }
    }
  if (tabs > commas && tabs >= semicolons)
    return '\t';
  if (semicolons > commas)
    return ';';
  return ',';
}

typedef struct {
  const char *p;
  guint       line;        /* of p */
  guint       number;      /* spreadsheet row of the record being read */
  char        delimiter;
} Reader;

static gboolean
at_line_end (const char *p)
{
  return *p == '\n' || *p == '\r';
}

/* Steps over one line end (CRLF, LF or CR). */
static void
skip_line_end (Reader *r)
{
  if (r->p[0] == '\r' && r->p[1] == '\n')
    r->p += 2;
  else
    r->p++;
  r->line++;
}

/* One field at r->p into @out; leaves r->p on the delimiter, the line end or the end. */
static gboolean
read_field (Reader   *r,
            GString  *out,
            GError  **error)
{
  g_string_truncate (out, 0);
  if (*r->p != '"')
    {
      while (*r->p != '\0' && *r->p != r->delimiter && !at_line_end (r->p))
        g_string_append_c (out, *r->p++);
      return TRUE;
    }

  guint opened_on = r->line;
  r->p++;
  for (;;)
    {
      if (*r->p == '\0')
        {
          g_set_error (error, CL_CSV_ERROR, CL_CSV_ERROR_SYNTAX,
                       _("Row %u (line %u of the file): a quoted field is never closed; the file "
                         "may be cut short."), r->number, opened_on);
          return FALSE;
        }
      if (r->p[0] == '"' && r->p[1] == '"')
        {
          g_string_append_c (out, '"');
          r->p += 2;
        }
      else if (r->p[0] == '"')
        {
          r->p++;
          break;
        }
      else if (at_line_end (r->p))
        {
          /* A line break inside a cell is kept as one LF, whatever the file's line ends. */
          g_string_append_c (out, '\n');
          skip_line_end (r);
        }
      else
        g_string_append_c (out, *r->p++);
    }
  if (*r->p != '\0' && *r->p != r->delimiter && !at_line_end (r->p))
    {
      g_set_error (error, CL_CSV_ERROR, CL_CSV_ERROR_SYNTAX,
                   _("Row %u (line %u of the file): there is text after the closing quote of a "
                     "field (a quote inside a quoted field is written as two quotes, \"\")."),
                   r->number, r->line);
      return FALSE;
    }
  return TRUE;
}

static void
row_free (gpointer data)
{
  ClCsvRow *row = data;

  g_strfreev (row->cells);
  g_free (row);
}

/* Trims the spaces a spreadsheet pads cells with; TRUE when every cell is then empty. */
static gboolean
trim_cells (GPtrArray *cells)
{
  gboolean blank = TRUE;

  for (guint i = 0; i < cells->len; i++)
    if (g_strstrip ((char *) g_ptr_array_index (cells, i))[0] != '\0')
      blank = FALSE;
  return blank;
}

/* Reads one record; NULL with @error on a syntax mistake. The result ends with a NULL. */
static GPtrArray *
read_record (Reader   *r,
             GString  *field,
             GError  **error)
{
  g_autoptr(GPtrArray) cells = g_ptr_array_new_with_free_func (g_free);

  for (;;)
    {
      if (!read_field (r, field, error))
        return NULL;
      g_ptr_array_add (cells, g_strdup (field->str));
      if (*r->p == r->delimiter)
        {
          r->p++;
          continue;
        }
      if (at_line_end (r->p))
        skip_line_end (r);
      break;
    }
  return g_steal_pointer (&cells);
}

ClCsvTable *
cl_csv_table_parse (const char *data,
                    gsize       length,
                    GError    **error)
{
  g_autoptr(ClCsvTable) table = g_new0 (ClCsvTable, 1);
  g_autofree char *text = NULL;
  g_autoptr(GString) field = g_string_new (NULL);
  g_autoptr(GPtrArray) header = NULL;
  Reader r;

  g_return_val_if_fail (data != NULL || length == 0, NULL);

  table->rows = g_ptr_array_new_with_free_func (row_free);
  if ((text = decode (data ? data : "", length, &table->encoding, error)) == NULL)
    return NULL;
  table->delimiter = guess_delimiter (text);
  r = (Reader) { text, 1, 1, table->delimiter };

  /* Blank lines before the header are not a header. */
  while (*r.p != '\0' && at_line_end (r.p))
    {
      skip_line_end (&r);
      r.number++;
    }
  if (*r.p == '\0')
    {
      g_set_error_literal (error, CL_CSV_ERROR, CL_CSV_ERROR_EMPTY,
                           _("The file is empty: it needs a header row naming its columns."));
      return NULL;
    }
  if ((header = read_record (&r, field, error)) == NULL)
    return NULL;
  trim_cells (header);
  table->n_columns = header->len;
  g_ptr_array_add (header, NULL);
  table->header = (GStrv) g_ptr_array_free (g_steal_pointer (&header), FALSE);

  while (*r.p != '\0')
    {
      guint line = r.line;
      g_autoptr(GPtrArray) cells = NULL;
      ClCsvRow *row;

      r.number++;
      if ((cells = read_record (&r, field, error)) == NULL)
        return NULL;
      if (trim_cells (cells))
        continue;
      row = g_new0 (ClCsvRow, 1);
      row->number = r.number;
      row->line = line;
      row->n_cells = cells->len;
      g_ptr_array_add (cells, NULL);
      row->cells = (GStrv) g_ptr_array_free (g_steal_pointer (&cells), FALSE);
      g_ptr_array_add (table->rows, row);
    }
  return g_steal_pointer (&table);
}

void
cl_csv_table_free (ClCsvTable *table)
{
  if (table == NULL)
    return;
  g_strfreev (table->header);
  g_clear_pointer (&table->rows, g_ptr_array_unref);
  g_free (table);
}

const char *
cl_csv_row_get (const ClCsvRow *row,
                guint           column)
{
  return column < row->n_cells ? row->cells[column] : "";
}

const char *
cl_csv_encoding_name (ClCsvEncoding encoding)
{
  switch (encoding)
    {
    case CL_CSV_UTF8:
      return "UTF-8";
    case CL_CSV_UTF8_BOM:
      return "UTF-8 with BOM";
    case CL_CSV_WINDOWS_1252:
    default:
      return "Windows-1252";
    }
}
