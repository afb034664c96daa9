/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-pdf-layout.h — a small layout layer: blocks of text laid out on Letter pages with Pango,
 * drawn into a PDF with Cairo
 *
 * A document is a list of blocks (headings, paragraphs, label/value fields, tables, checkboxes,
 * signature lines). Rendering lays them out once to count the pages, then draws them with a header
 * and a "Page N of M" footer. Paragraphs break between lines; table rows never break and the header
 * row repeats; a heading is never left alone at the bottom of a page.
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef struct _ClPdfLayout ClPdfLayout;

ClPdfLayout *cl_pdf_layout_new             (const char *title,
                                            const char *subject,
                                            const char *language);
void         cl_pdf_layout_free            (ClPdfLayout *self);

/* Shown at the top of every page, left and right. */
void         cl_pdf_layout_set_header      (ClPdfLayout *self,
                                            const char  *left,
                                            const char  *right);
/* @page_format has "{page}" and "{pages}"; @note goes at the left of the footer. */
void         cl_pdf_layout_set_footer      (ClPdfLayout *self,
                                            const char  *page_format,
                                            const char  *note);

void         cl_pdf_layout_heading         (ClPdfLayout *self,
                                            int          level,  /* 1 title, 2 section */
                                            const char  *text);
void         cl_pdf_layout_paragraph       (ClPdfLayout *self,
                                            const char  *text);
/* A paragraph with a bullet, its lines indented. */
void         cl_pdf_layout_bullet          (ClPdfLayout *self,
                                            const char  *text);
void         cl_pdf_layout_field           (ClPdfLayout *self,
                                            const char  *label,
                                            const char  *value);
void         cl_pdf_layout_checkbox        (ClPdfLayout *self,
                                            gboolean     checked,
                                            const char  *text);
void         cl_pdf_layout_signature       (ClPdfLayout *self,
                                            const char  *label);
/* @n_lines ruled lines to write on, under @label (may be NULL); kept on one page. */
void         cl_pdf_layout_lines           (ClPdfLayout *self,
                                            const char  *label,
                                            guint        n_lines);
/* A question with its answer boxes on one line: "@label  ☐ Yes  ☐ No"; @checked is the index of
 * the ticked option, or -1. */
void         cl_pdf_layout_choices         (ClPdfLayout        *self,
                                            const char         *label,
                                            const char * const *options,
                                            int                 checked);
/* Keeps the block added last on the same page as the one added next (a chain of them moves to
 * the next page together, when it fits on one). */
void         cl_pdf_layout_keep_with_next  (ClPdfLayout *self);
/* Starts a table: column widths as fractions of the text width, and the header row. */
void         cl_pdf_layout_table           (ClPdfLayout        *self,
                                            guint               n_columns,
                                            const double       *widths,
                                            const char * const *header);
void         cl_pdf_layout_table_row       (ClPdfLayout        *self,
                                            const char * const *cells);

/* Horizontal stacked bars, one per label: @first (drawn red) then @second (drawn amber), with a
 * legend; the numbers are written at the end of each bar. */
void         cl_pdf_layout_bar_chart       (ClPdfLayout        *self,
                                            guint               n_bars,
                                            const char * const *labels,
                                            const guint        *first,
                                            const guint        *second,
                                            const char         *first_legend,
                                            const char         *second_legend);

/* The PDF, with its metadata (title, subject, creator "Caseload", creation date). */
GBytes      *cl_pdf_layout_render_pdf      (ClPdfLayout *self,
                                            GDateTime   *created,
                                            guint       *out_pages,
                                            GError     **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ClPdfLayout, cl_pdf_layout_free)

G_END_DECLS
