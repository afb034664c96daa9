/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-csv.c — CSV as spreadsheets save it: dialects, encodings, quoting and bad files
 *
 * Each input is written out byte by byte; the expected rows were read off it by hand. Cells are
 * shown joined with "|" and rows with "/", each row prefixed by its spreadsheet number ("2:").
 */
#include <string.h>

#include "cl-csv.h"

typedef struct {
  const char *name;
  const char *data;
  gssize      length;       /* -1: strlen */
  const char *header;       /* joined with | */
  const char *rows;         /* "2:a|b/3:c|d" */
  char        delimiter;
  ClCsvEncoding encoding;
} Good;

static const Good good[] = {
  { "comma-lf", "Student ID,First Name\nS-1,Ana\nS-2,Luis\n", -1,
    "Student ID|First Name", "2:S-1|Ana/3:S-2|Luis", ',', CL_CSV_UTF8 },
  /* No line end after the last row. */
  { "no-final-newline", "a,b\n1,2", -1, "a|b", "2:1|2", ',', CL_CSV_UTF8 },
  { "crlf", "a,b\r\n1,2\r\n3,4\r\n", -1, "a|b", "2:1|2/3:3|4", ',', CL_CSV_UTF8 },
  /* Old Mac Excel ends lines with CR alone. */
  { "cr-only", "a,b\r1,2\r", -1, "a|b", "2:1|2", ',', CL_CSV_UTF8 },
  { "semicolon", "Name;DOB\n\"Ruiz; Ana\";3/4/2012\n", -1, "Name|DOB", "2:Ruiz; Ana|3/4/2012", ';', CL_CSV_UTF8 },
  { "tab", "Name\tDOB\tGrade\nAna\t3/4/2012\t5\n", -1, "Name|DOB|Grade", "2:Ana|3/4/2012|5", '\t', CL_CSV_UTF8 },
  /* The header's comma inside quotes does not count towards the delimiter. */
  { "quoted-comma", "\"Last, First\";Grade\n\"Ruiz, Ana\";5\n", -1, "Last, First|Grade", "2:Ruiz, Ana|5", ';', CL_CSV_UTF8 },
  { "doubled-quote", "a,b\n\"say \"\"hi\"\"\",x\n", -1, "a|b", "2:say \"hi\"|x", ',', CL_CSV_UTF8 },
  /* A line break inside quotes is part of the cell: the row after it is row 3, on line 4. */
  { "embedded-newline", "a,b\r\n\"line one\r\nline two\",x\r\ny,z\r\n", -1,
    "a|b", "2:line one\nline two|x/3:y|z", ',', CL_CSV_UTF8 },
  { "empty-cells", "a,b,c\n,,3\n1,,\n", -1, "a|b|c", "2:||3/3:1||", ',', CL_CSV_UTF8 },
  /* A blank row is left out but still counted, as the spreadsheet shows it. */
  { "blank-row", "a,b\n1,2\n\n,\n3,4\n", -1, "a|b", "2:1|2/5:3|4", ',', CL_CSV_UTF8 },
  { "padded", " a , b \n 1 ,\" 2 \"\n", -1, "a|b", "2:1|2", ',', CL_CSV_UTF8 },
  { "bom", "\xEF\xBB\xBFName,Grade\nJos\xC3\xA9,5\n", -1, "Name|Grade", "2:Jos\xC3\xA9|5", ',', CL_CSV_UTF8_BOM },
  /* Windows-1252: é is E9, the curly quotes 93/94 and the euro 80. */
  { "cp1252", "Name,Note\r\nJos\xE9,\x93ok\x94 \x80\r\n", -1,
    "Name|Note", "2:Jos\xC3\xA9|\xE2\x80\x9Cok\xE2\x80\x9D \xE2\x82\xAC", ',', CL_CSV_WINDOWS_1252 },
  /* A short row, and a longer one than the header. */
  { "ragged", "a,b,c\n1\n1,2,3,4\n", -1, "a|b|c", "2:1/3:1|2|3|4", ',', CL_CSV_UTF8 },
  { "header-only", "a,b\r\n", -1, "a|b", "", ',', CL_CSV_UTF8 },
  /* Blank lines before the header are skipped, but count. */
  { "leading-blank", "\n\na\n1\n", -1, "a", "4:1", ',', CL_CSV_UTF8 },
};

static char *
join_rows (const ClCsvTable *t)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < t->rows->len; i++)
    {
      const ClCsvRow *row = g_ptr_array_index (t->rows, i);
      g_autofree char *cells = g_strjoinv ("|", row->cells);

      g_string_append_printf (out, "%s%u:%s", i ? "/" : "", row->number, cells);
    }
  return g_string_free (out, FALSE);
}

static void
test_good (gconstpointer data)
{
  const Good *c = data;
  g_autoptr(GError) error = NULL;
  gsize length = c->length < 0 ? strlen (c->data) : (gsize) c->length;
  g_autoptr(ClCsvTable) t = cl_csv_table_parse (c->data, length, &error);
  g_autofree char *header = NULL, *rows = NULL;

  g_assert_no_error (error);
  g_assert_nonnull (t);
  header = g_strjoinv ("|", t->header);
  rows = join_rows (t);
  g_assert_cmpstr (header, ==, c->header);
  g_assert_cmpstr (rows, ==, c->rows);
  g_assert_cmpint (t->delimiter, ==, c->delimiter);
  g_assert_cmpint (t->encoding, ==, c->encoding);
}

static void
test_line_numbers (void)
{
  /* Row 3 starts on line 4 of the file: row 2's cell holds a line break. */
  static const char data[] = "a,b\n\"x\ny\",1\nz,2\n";
  g_autoptr(ClCsvTable) t = cl_csv_table_parse (data, strlen (data), NULL);
  const ClCsvRow *row;

  g_assert_nonnull (t);
  g_assert_cmpuint (t->rows->len, ==, 2);
  row = g_ptr_array_index (t->rows, 1);
  g_assert_cmpuint (row->number, ==, 3);
  g_assert_cmpuint (row->line, ==, 4);
  g_assert_cmpstr (cl_csv_row_get (row, 1), ==, "2");
  g_assert_cmpstr (cl_csv_row_get (row, 7), ==, "");
}

typedef struct {
  const char *name;
  const char *data;
  gsize       length;
  int         code;
  const char *message_part;
} Bad;

static const Bad bad[] = {
  { "empty", "", 0, CL_CSV_ERROR_EMPTY, "empty" },
  { "only-blank-lines", "\r\n\r\n", 4, CL_CSV_ERROR_EMPTY, "header row" },
  /* The quote opened on line 3 (row 3) never closes. */
  { "open-quote", "a,b\n1,2\n\"3,4\n5,6\n", 0, CL_CSV_ERROR_SYNTAX, "Row 3 (line 3 of the file): a quoted field is never closed" },
  { "text-after-quote", "a,b\n\"1\"x,2\n", 0, CL_CSV_ERROR_SYNTAX, "Row 2 (line 2 of the file): there is text after the closing quote" },
  { "xlsx", "PK\003\004\024\000\006\000", 8, CL_CSV_ERROR_ENCODING, "workbook" },
  /* UTF-16LE "a,b" as Excel's "Unicode Text" writes it. */
  { "utf16", "\xFF\xFE" "a\000,\000b\000", 8, CL_CSV_ERROR_ENCODING, "NUL bytes" },
  { "bom-then-cp1252", "\xEF\xBB\xBF" "a\nJos\xE9\n", 0, CL_CSV_ERROR_ENCODING, "not UTF-8 throughout" },
};

static void
test_bad (gconstpointer data)
{
  const Bad *c = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(ClCsvTable) t = cl_csv_table_parse (c->data, c->length ? c->length : strlen (c->data), &error);

  g_assert_null (t);
  g_assert_error (error, CL_CSV_ERROR, c->code);
  g_assert_nonnull (strstr (error->message, c->message_part));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      g_autofree char *path = g_strdup_printf ("/csv/good/%s", good[i].name);
      g_test_add_data_func (path, &good[i], test_good);
    }
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autofree char *path = g_strdup_printf ("/csv/bad/%s", bad[i].name);
      g_test_add_data_func (path, &bad[i], test_bad);
    }
  g_test_add_func ("/csv/line-numbers", test_line_numbers);
  return g_test_run ();
}
