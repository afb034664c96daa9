/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-csv.h — a spreadsheet's CSV as rows of text
 *
 * What Excel, LibreOffice, Google Sheets and the IEP systems write: RFC 4180 quoting (fields with
 * the delimiter, quotes or line breaks inside quotes, "" for a quote), CRLF, LF or CR line ends,
 * comma, semicolon or tab between fields, and UTF-8 (with or without a BOM) or, when the bytes are
 * not UTF-8, Windows-1252. Rows are numbered as a spreadsheet shows them: the header is row 1, and
 * a field with a line break in it does not start a new row.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define CL_CSV_ERROR (cl_csv_error_quark ())

typedef enum {
  CL_CSV_ERROR_ENCODING,   /* neither UTF-8 nor Windows-1252 */
  CL_CSV_ERROR_SYNTAX,     /* a quote left open, text after a closing quote */
  CL_CSV_ERROR_EMPTY,      /* no header row */
} ClCsvError;

GQuark cl_csv_error_quark (void);

typedef enum {
  CL_CSV_UTF8,
  CL_CSV_UTF8_BOM,
  CL_CSV_WINDOWS_1252,
} ClCsvEncoding;

typedef struct {
  guint   number;      /* as a spreadsheet numbers it: the header is row 1 */
  guint   line;        /* the line of the file it starts on, from 1 */
  GStrv   cells;       /* UTF-8 */
  guint   n_cells;
} ClCsvRow;

typedef struct {
  GStrv          header;      /* trimmed */
  guint          n_columns;
  GPtrArray     *rows;        /* of ClCsvRow*, blank rows left out */
  char           delimiter;   /* ',', ';' or '\t' */
  ClCsvEncoding  encoding;
} ClCsvTable;

ClCsvTable *cl_csv_table_parse      (const char *data,
                                     gsize       length,
                                     GError    **error);
void        cl_csv_table_free       (ClCsvTable *table);
/* The cell of @row in @column, "" past the row's end. */
const char *cl_csv_row_get          (const ClCsvRow *row,
                                     guint           column);
/* "UTF-8", "UTF-8 with BOM", "Windows-1252". */
const char *cl_csv_encoding_name    (ClCsvEncoding encoding);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ClCsvTable, cl_csv_table_free)

G_END_DECLS
