/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-pdf-layout.c — blocks of text laid out on Letter pages with Pango, drawn into a PDF with Cairo */
#define G_LOG_DOMAIN "cl-pdf-layout"

#include <glib/gi18n-lib.h>

#include <cairo-pdf.h>
#include <pango/pangocairo.h>
#include <string.h>

#include "cl-pdf-accessibility.h"
#include "cl-pdf-layout.h"

/* US Letter, in points, with three-quarter-inch side margins. */
#define PAGE_WIDTH   612.0
#define PAGE_HEIGHT  792.0
#define MARGIN_X     54.0
#define TEXT_TOP     84.0
#define TEXT_BOTTOM  (PAGE_HEIGHT - 72.0)
#define TEXT_WIDTH   (PAGE_WIDTH - 2 * MARGIN_X)
#define CELL_PAD     4.0
#define FONT_FAMILY  "Cantarell, DejaVu Sans, Sans"

typedef enum {
  BLOCK_HEADING,
  BLOCK_PARAGRAPH,
  BLOCK_FIELD,
  BLOCK_CHECKBOX,
  BLOCK_SIGNATURE,
  BLOCK_TABLE_START,
  BLOCK_TABLE_ROW,
  BLOCK_CHART,
  BLOCK_LINES,
  BLOCK_CHOICES,
  BLOCK_BULLET,
} BlockKind;

typedef struct {
  BlockKind kind;
  int       level;
  char    **texts;       /* NULL-terminated: one text, label + value, or a row's cells */
  gboolean  checked;
  gboolean  keep;        /* on the same page as the next block */
} Block;

struct _ClPdfLayout
{
  char    *title;
  char    *subject;
  char    *language;
  char    *header_left;
  char    *header_right;
  char    *page_format;
  char    *footer_note;
  GArray  *blocks;        /* of Block */
  /* the current table, while laying out */
  guint    n_columns;
  double   widths[8];
};

static void
block_clear (gpointer data)
{
  Block *b = data;
  g_strfreev (b->texts);
}

ClPdfLayout *
cl_pdf_layout_new (const char *title,
                   const char *subject,
                   const char *language)
{
  ClPdfLayout *self = g_new0 (ClPdfLayout, 1);

  self->title = g_strdup (title);
  self->subject = g_strdup (subject);
  self->language = g_strdup (language ? language : "en");
  self->page_format = g_strdup ("{page} / {pages}");
  self->blocks = g_array_new (FALSE, TRUE, sizeof (Block));
  g_array_set_clear_func (self->blocks, block_clear);
  return self;
}

void
cl_pdf_layout_free (ClPdfLayout *self)
{
  if (self == NULL)
    return;
  g_free (self->title);
  g_free (self->subject);
  g_free (self->language);
  g_free (self->header_left);
  g_free (self->header_right);
  g_free (self->page_format);
  g_free (self->footer_note);
  g_array_unref (self->blocks);
  g_free (self);
}

void
cl_pdf_layout_set_header (ClPdfLayout *self,
                          const char  *left,
                          const char  *right)
{
  g_free (self->header_left);
  g_free (self->header_right);
  self->header_left = g_strdup (left);
  self->header_right = g_strdup (right);
}

void
cl_pdf_layout_set_footer (ClPdfLayout *self,
                          const char  *page_format,
                          const char  *note)
{
  g_free (self->page_format);
  g_free (self->footer_note);
  self->page_format = g_strdup (page_format);
  self->footer_note = g_strdup (note);
}

static void
add (ClPdfLayout        *self,
     BlockKind           kind,
     int                 level,
     gboolean            checked,
     const char * const *texts)
{
  Block b = { kind, level, g_strdupv ((char **) texts), checked, FALSE };
  g_array_append_val (self->blocks, b);
}

void
cl_pdf_layout_heading (ClPdfLayout *self, int level, const char *text)
{
  const char *texts[] = { text, NULL };
  add (self, BLOCK_HEADING, level, FALSE, texts);
}

void
cl_pdf_layout_paragraph (ClPdfLayout *self, const char *text)
{
  const char *texts[] = { text, NULL };
  add (self, BLOCK_PARAGRAPH, 0, FALSE, texts);
}

void
cl_pdf_layout_bullet (ClPdfLayout *self, const char *text)
{
  const char *texts[] = { text, NULL };
  add (self, BLOCK_BULLET, 0, FALSE, texts);
}

void
cl_pdf_layout_field (ClPdfLayout *self, const char *label, const char *value)
{
  const char *texts[] = { label, value ? value : "", NULL };
  add (self, BLOCK_FIELD, 0, FALSE, texts);
}

void
cl_pdf_layout_checkbox (ClPdfLayout *self, gboolean checked, const char *text)
{
  const char *texts[] = { text, NULL };
  add (self, BLOCK_CHECKBOX, 0, checked, texts);
}

void
cl_pdf_layout_signature (ClPdfLayout *self, const char *label)
{
  const char *texts[] = { label, NULL };
  add (self, BLOCK_SIGNATURE, 0, FALSE, texts);
}

void
cl_pdf_layout_keep_with_next (ClPdfLayout *self)
{
  g_return_if_fail (self->blocks->len > 0);
  g_array_index (self->blocks, Block, self->blocks->len - 1).keep = TRUE;
}

void
cl_pdf_layout_lines (ClPdfLayout *self, const char *label, guint n_lines)
{
  const char *texts[] = { label ? label : "", NULL };
  add (self, BLOCK_LINES, (int) n_lines, FALSE, texts);
}

void
cl_pdf_layout_choices (ClPdfLayout        *self,
                       const char         *label,
                       const char * const *options,
                       int                 checked)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) texts = NULL;

  g_strv_builder_add (builder, label ? label : "");
  for (guint i = 0; options[i]; i++)
    g_strv_builder_add (builder, options[i]);
  texts = g_strv_builder_end (builder);
  add (self, BLOCK_CHOICES, checked, FALSE, (const char * const *) texts);
}

void
cl_pdf_layout_table (ClPdfLayout        *self,
                     guint               n_columns,
                     const double       *widths,
                     const char * const *header)
{
  g_autofree char *w = NULL;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) texts = NULL;

  g_return_if_fail (n_columns > 0 && n_columns <= G_N_ELEMENTS (self->widths));
  /* The widths travel as the block's first text, so a table is self-contained data. */
  for (guint i = 0; i < n_columns; i++)
    {
      char buf[G_ASCII_DTOSTR_BUF_SIZE];
      g_strv_builder_add (builder, g_ascii_dtostr (buf, sizeof buf, widths[i]));
    }
  for (guint i = 0; i < n_columns; i++)
    g_strv_builder_add (builder, header[i]);
  texts = g_strv_builder_end (builder);
  add (self, BLOCK_TABLE_START, (int) n_columns, FALSE, (const char * const *) texts);
}

void
cl_pdf_layout_table_row (ClPdfLayout        *self,
                         const char * const *cells)
{
  add (self, BLOCK_TABLE_ROW, 0, FALSE, cells);
}

void
cl_pdf_layout_bar_chart (ClPdfLayout        *self,
                         guint               n_bars,
                         const char * const *labels,
                         const guint        *first,
                         const guint        *second,
                         const char         *first_legend,
                         const char         *second_legend)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) texts = NULL;

  /* As texts, like a table: legend, legend, then label, first, second per bar. */
  g_strv_builder_add (builder, first_legend);
  g_strv_builder_add (builder, second_legend);
  for (guint i = 0; i < n_bars; i++)
    {
      g_autofree char *a = g_strdup_printf ("%u", first[i]);
      g_autofree char *b = g_strdup_printf ("%u", second[i]);
      g_strv_builder_add (builder, labels[i]);
      g_strv_builder_add (builder, a);
      g_strv_builder_add (builder, b);
    }
  texts = g_strv_builder_end (builder);
  add (self, BLOCK_CHART, (int) n_bars, FALSE, (const char * const *) texts);
}

/* ---- layout and drawing ---- */

typedef struct {
  ClPdfLayout *doc;
  cairo_t     *cr;
  gboolean     draw;    /* FALSE: only count pages */
  double       y;
  guint        page;
  guint        pages;   /* known on the drawing pass */
  const Block *table;   /* the table whose rows are being laid out */
  /* The structure elements open on the drawing pass, outermost first: a page break closes them
   * and opens them again on the next page, so the running header and footer are drawn outside
   * every element (cairo 1.16 cannot mark them as artifacts) and a table goes on as a table whose
   * header row is repeated. */
  const char  *open_tags[4];
  guint        n_open_tags;
} Layout;

static void
tag_begin (Layout     *l,
           const char *name)
{
  g_assert (l->n_open_tags < G_N_ELEMENTS (l->open_tags));
  l->open_tags[l->n_open_tags++] = name;
  if (l->draw)
    cairo_tag_begin (l->cr, name, NULL);
}

static void
tag_end (Layout *l)
{
  g_assert (l->n_open_tags > 0);
  l->n_open_tags--;
  if (l->draw)
    cairo_tag_end (l->cr, l->open_tags[l->n_open_tags]);
}

static PangoLayout *
new_layout (Layout     *l,
            const char *text,
            double      size,
            gboolean    bold,
            double      width)
{
  PangoLayout *layout = pango_cairo_create_layout (l->cr);
  g_autoptr(PangoFontDescription) font = pango_font_description_from_string (FONT_FAMILY);
  PangoContext *context = pango_layout_get_context (layout);
  g_autoptr(PangoAttrList) attrs = pango_attr_list_new ();

  pango_font_description_set_absolute_size (font, size * PANGO_SCALE);
  if (bold)
    pango_font_description_set_weight (font, PANGO_WEIGHT_BOLD);
  pango_context_set_language (context, pango_language_from_string (l->doc->language));
  pango_layout_context_changed (layout);
  pango_layout_set_font_description (layout, font);
  /* No ligatures: cairo writes a ligature's letters as a marked-content span inside the
   * paragraph's, where poppler (22.12, what Evince and pdfinfo read structure with) stops reading
   * the paragraph ("Notiﬁ" for "Notificación"). */
  pango_attr_list_insert (attrs, pango_attr_font_features_new ("liga=0, clig=0"));
  pango_layout_set_attributes (layout, attrs);
  pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_text (layout, text, -1);
  return layout;
}

static double
layout_height (PangoLayout *layout)
{
  int w, h;
  pango_layout_get_size (layout, &w, &h);
  return (double) h / PANGO_SCALE;
}

static char *
page_text (ClPdfLayout *doc,
           guint        page,
           guint        pages)
{
  g_autofree char *p = g_strdup_printf ("%u", page);
  g_autofree char *n = g_strdup_printf ("%u", pages);
  g_autoptr(GString) s = g_string_new (doc->page_format);

  g_string_replace (s, "{page}", p, 0);
  g_string_replace (s, "{pages}", n, 0);
  return g_string_free (g_steal_pointer (&s), FALSE);
}

/* Draws @line with its baseline at @baseline. A line that wraps after a space is drawn laid out on
 * its own: where it wraps, Pango gives that space no glyph, cairo then writes it as a
 * marked-content span inside the paragraph's, and poppler (22.12) takes that span's end for the
 * paragraph's: a screen reader reading through poppler would stop after the first line. */
static void
show_line (Layout          *l,
           PangoLayoutLine *line,
           double           x,
           double           baseline)
{
  const char *text = pango_layout_get_text (line->layout);

  cairo_move_to (l->cr, x, baseline);
  if (line->length > 0 && text[line->start_index + line->length - 1] == ' ')
    {
      g_autoptr(PangoLayout) unwrapped = pango_layout_copy (line->layout);

      pango_layout_set_width (unwrapped, -1);
      pango_layout_set_text (unwrapped, text + line->start_index, line->length);
      pango_cairo_show_layout_line (l->cr, pango_layout_get_line_readonly (unwrapped, 0));
    }
  else
    pango_cairo_show_layout_line (l->cr, line);
}

static void
draw_text_at (Layout      *l,
              PangoLayout *layout,
              double       x,
              double       y)
{
  PangoLayoutIter *iter;

  if (!l->draw)
    return;
  iter = pango_layout_get_iter (layout);
  do
    {
      PangoRectangle logical;

      pango_layout_iter_get_line_extents (iter, NULL, &logical);
      show_line (l, pango_layout_iter_get_line_readonly (iter), x + (double) logical.x / PANGO_SCALE,
                 y + (double) pango_layout_iter_get_baseline (iter) / PANGO_SCALE);
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);
}

static void
page_furniture (Layout *l)
{
  ClPdfLayout *doc = l->doc;
  g_autofree char *footer = NULL;

  if (!l->draw)
    return;
  cairo_set_source_rgb (l->cr, 0.35, 0.35, 0.35);
  if (doc->header_left)
    {
      g_autoptr(PangoLayout) left = new_layout (l, doc->header_left, 8.5, FALSE, TEXT_WIDTH / 2);
      draw_text_at (l, left, MARGIN_X, 40);
    }
  if (doc->header_right)
    {
      g_autoptr(PangoLayout) right = new_layout (l, doc->header_right, 8.5, FALSE, TEXT_WIDTH / 2);
      pango_layout_set_alignment (right, PANGO_ALIGN_RIGHT);
      draw_text_at (l, right, MARGIN_X + TEXT_WIDTH / 2, 40);
    }
  cairo_set_line_width (l->cr, 0.5);
  cairo_move_to (l->cr, MARGIN_X, 58);
  cairo_line_to (l->cr, MARGIN_X + TEXT_WIDTH, 58);
  cairo_stroke (l->cr);

  footer = page_text (doc, l->page, l->pages);
  {
    g_autoptr(PangoLayout) page = new_layout (l, footer, 8.5, FALSE, TEXT_WIDTH / 2);
    pango_layout_set_alignment (page, PANGO_ALIGN_RIGHT);
    draw_text_at (l, page, MARGIN_X + TEXT_WIDTH / 2, PAGE_HEIGHT - 48);
  }
  if (doc->footer_note)
    {
      g_autoptr(PangoLayout) note = new_layout (l, doc->footer_note, 8.5, FALSE, TEXT_WIDTH / 2);
      draw_text_at (l, note, MARGIN_X, PAGE_HEIGHT - 48);
    }
  cairo_set_source_rgb (l->cr, 0, 0, 0);
}

static void
new_page (Layout *l)
{
  if (l->draw)
    for (guint i = l->n_open_tags; i-- > 0; )
      cairo_tag_end (l->cr, l->open_tags[i]);
  if (l->page > 0 && l->draw)
    cairo_show_page (l->cr);
  l->page++;
  l->y = TEXT_TOP;
  page_furniture (l);
  if (l->draw)
    for (guint i = 0; i < l->n_open_tags; i++)
      cairo_tag_begin (l->cr, l->open_tags[i], NULL);
}

static void
ensure_room (Layout *l,
             double  height)
{
  if (l->y + height > TEXT_BOTTOM && l->y > TEXT_TOP)
    new_page (l);
}

static void
draw_box (Layout  *l,
          double   x,
          double   y,
          gboolean checked)
{
  if (!l->draw)
    return;
  cairo_set_line_width (l->cr, 0.8);
  cairo_rectangle (l->cr, x, y + 2, 10, 10);
  cairo_stroke (l->cr);
  if (checked)
    {
      cairo_move_to (l->cr, x + 2, y + 7);
      cairo_line_to (l->cr, x + 4.5, y + 10);
      cairo_line_to (l->cr, x + 9, y + 3.5);
      cairo_stroke (l->cr);
    }
}

/* A paragraph breaks between its lines. */
static void
place_lines (Layout      *l,
             PangoLayout *layout,
             double       x)
{
  PangoLayoutIter *iter = pango_layout_get_iter (layout);

  do
    {
      PangoLayoutLine *line = pango_layout_iter_get_line_readonly (iter);
      PangoRectangle logical;
      double height, baseline;

      pango_layout_iter_get_line_extents (iter, NULL, &logical);
      height = (double) logical.height / PANGO_SCALE;
      baseline = (double) (pango_layout_iter_get_baseline (iter) - logical.y) / PANGO_SCALE;
      ensure_room (l, height);
      if (l->draw)
        show_line (l, line, x + (double) logical.x / PANGO_SCALE, l->y + baseline);
      l->y += height;
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);
}

static double
table_widths (const Block *table,
              double      *widths)
{
  double total = 0;

  for (int i = 0; i < table->level; i++)
    {
      widths[i] = g_ascii_strtod (table->texts[i], NULL) * TEXT_WIDTH;
      total += widths[i];
    }
  return total;
}

/* One row: its cells side by side, never split; the header row repeats on a new page. */
static void
place_row (Layout             *l,
           const Block        *table,
           const char * const *cells,
           gboolean            header)
{
  double widths[8], x = MARGIN_X, height = 0;
  PangoLayout *layouts[8] = { NULL };
  int n = table->level;

  table_widths (table, widths);
  for (int i = 0; i < n; i++)
    {
      layouts[i] = new_layout (l, cells[i] ? cells[i] : "", 8.5, header, widths[i] - 2 * CELL_PAD);
      height = MAX (height, layout_height (layouts[i]));
    }
  height += 2 * CELL_PAD;

  if (l->y + height > TEXT_BOTTOM && l->y > TEXT_TOP)
    {
      new_page (l);
      if (!header)
        place_row (l, table, (const char * const *) table->texts + n, TRUE);
    }
  tag_begin (l, "TR");
  if (l->draw)
    {
      if (header)
        {
          cairo_set_source_rgb (l->cr, 0.92, 0.92, 0.92);
          cairo_rectangle (l->cr, MARGIN_X, l->y, TEXT_WIDTH, height);
          cairo_fill (l->cr);
          cairo_set_source_rgb (l->cr, 0, 0, 0);
        }
      cairo_set_line_width (l->cr, 0.4);
      cairo_move_to (l->cr, MARGIN_X, l->y + height);
      cairo_line_to (l->cr, MARGIN_X + TEXT_WIDTH, l->y + height);
      cairo_stroke (l->cr);
    }
  for (int i = 0; i < n; i++)
    {
      tag_begin (l, header ? "TH" : "TD");
      draw_text_at (l, layouts[i], x + CELL_PAD, l->y + CELL_PAD);
      tag_end (l);
      x += widths[i];
      g_object_unref (layouts[i]);
    }
  tag_end (l);
  l->y += height;
}

static void
place_block (Layout      *l,
             const Block *b,
             const Block *next)
{
  switch (b->kind)
    {
    case BLOCK_HEADING:
      {
        double size = b->level <= 1 ? 18 : 12.5;
        g_autoptr(PangoLayout) layout = new_layout (l, b->texts[0], size, TRUE, TEXT_WIDTH);
        double h = layout_height (layout);

        /* Never alone at the bottom: keep room for a few lines of what follows. */
        ensure_room (l, h + (next ? 48 : 0) + (b->level <= 1 ? 0 : 10));
        if (b->level > 1)
          l->y += 10;
        tag_begin (l, b->level <= 1 ? "H1" : "H2");
        draw_text_at (l, layout, MARGIN_X, l->y);
        tag_end (l);
        l->y += h + (b->level <= 1 ? 10 : 4);
      }
      break;
    case BLOCK_PARAGRAPH:
      {
        g_autoptr(PangoLayout) layout = new_layout (l, b->texts[0], 10.5, FALSE, TEXT_WIDTH);
        tag_begin (l, "P");
        place_lines (l, layout, MARGIN_X);
        tag_end (l);
        l->y += 6;
      }
      break;
    case BLOCK_BULLET:
      {
        g_autoptr(PangoLayout) layout = new_layout (l, b->texts[0], 10.5, FALSE, TEXT_WIDTH - 34);
        g_autoptr(PangoLayout) bullet = new_layout (l, "•", 10.5, FALSE, 12);

        /* Bullets in a row are one list. */
        if (l->n_open_tags == 0 || !g_str_equal (l->open_tags[l->n_open_tags - 1], "L"))
          tag_begin (l, "L");
        /* The bullet goes with the first line, on whichever page that lands. */
        ensure_room (l, layout_height (bullet));
        tag_begin (l, "LI");
        tag_begin (l, "Lbl");
        draw_text_at (l, bullet, MARGIN_X + 22, l->y);
        tag_end (l);
        tag_begin (l, "LBody");
        place_lines (l, layout, MARGIN_X + 34);
        tag_end (l);
        tag_end (l);
        if (next == NULL || next->kind != BLOCK_BULLET)
          tag_end (l);
        l->y += 3;
      }
      break;
    case BLOCK_FIELD:
      {
        g_autoptr(PangoLayout) label = new_layout (l, b->texts[0], 10.5, TRUE, 150);
        g_autoptr(PangoLayout) value = new_layout (l, b->texts[1], 10.5, FALSE, TEXT_WIDTH - 160);
        double h = MAX (layout_height (label), layout_height (value));

        ensure_room (l, h);
        /* One paragraph, label then value, so they are read together. */
        tag_begin (l, "P");
        draw_text_at (l, label, MARGIN_X, l->y);
        draw_text_at (l, value, MARGIN_X + 160, l->y);
        tag_end (l);
        l->y += h + 2;
      }
      break;
    case BLOCK_CHECKBOX:
      {
        g_autoptr(PangoLayout) text = new_layout (l, b->texts[0], 10.5, FALSE, TEXT_WIDTH - 20);
        double h = layout_height (text);

        ensure_room (l, h + 4);
        tag_begin (l, "P");
        draw_box (l, MARGIN_X, l->y, b->checked);
        draw_text_at (l, text, MARGIN_X + 18, l->y);
        tag_end (l);
        l->y += h + 6;
      }
      break;
    case BLOCK_SIGNATURE:
      {
        g_autoptr(PangoLayout) text = new_layout (l, b->texts[0], 9, FALSE, TEXT_WIDTH);

        ensure_room (l, 44);
        l->y += 28;
        if (l->draw)
          {
            cairo_set_line_width (l->cr, 0.6);
            cairo_move_to (l->cr, MARGIN_X, l->y);
            cairo_line_to (l->cr, MARGIN_X + TEXT_WIDTH * 0.6, l->y);
            cairo_stroke (l->cr);
          }
        tag_begin (l, "P");
        draw_text_at (l, text, MARGIN_X, l->y + 2);
        tag_end (l);
        l->y += 16;
      }
      break;
    case BLOCK_LINES:
      {
        const double line = 22;
        g_autoptr(PangoLayout) label = *b->texts[0] ? new_layout (l, b->texts[0], 10.5, TRUE, TEXT_WIDTH) : NULL;
        double h = label ? layout_height (label) : 0;

        /* Lines to write on are one piece: a form split over a page break invites a gap. */
        ensure_room (l, h + b->level * line + 4);
        if (label)
          {
            tag_begin (l, "P");
            draw_text_at (l, label, MARGIN_X, l->y);
            tag_end (l);
            l->y += h;
          }
        for (int i = 0; i < b->level; i++)
          {
            l->y += line;
            if (l->draw)
              {
                cairo_set_source_rgb (l->cr, 0.55, 0.55, 0.55);
                cairo_set_line_width (l->cr, 0.5);
                cairo_move_to (l->cr, MARGIN_X, l->y);
                cairo_line_to (l->cr, MARGIN_X + TEXT_WIDTH, l->y);
                cairo_stroke (l->cr);
                cairo_set_source_rgb (l->cr, 0, 0, 0);
              }
          }
        l->y += 10;
      }
      break;
    case BLOCK_CHOICES:
      {
        g_autoptr(PangoLayout) label = new_layout (l, b->texts[0], 10.5, FALSE, TEXT_WIDTH);
        double h = layout_height (label), x = MARGIN_X + 18, row = 0;
        guint n = g_strv_length (b->texts);

        /* The question, then its boxes on the next line, side by side (wrapping if they must). */
        for (guint i = 1; i < n; i++)
          {
            g_autoptr(PangoLayout) option = new_layout (l, b->texts[i], 10.5, FALSE, TEXT_WIDTH - 40);
            row = MAX (row, layout_height (option));
          }
        ensure_room (l, h + row + 8);
        tag_begin (l, "P");
        draw_text_at (l, label, MARGIN_X, l->y);
        l->y += h + 2;
        for (guint i = 1; i < n; i++)
          {
            g_autoptr(PangoLayout) option = new_layout (l, b->texts[i], 10.5, FALSE, TEXT_WIDTH - 40);
            int w, oh;

            pango_layout_get_pixel_size (option, &w, &oh);
            if (x > MARGIN_X + 18 && x + 16 + w > MARGIN_X + TEXT_WIDTH)
              {
                x = MARGIN_X + 18;
                l->y += row + 4;
                ensure_room (l, row);
              }
            draw_box (l, x, l->y, b->level == (int) i - 1);
            draw_text_at (l, option, x + 16, l->y);
            x += 16 + w + 24;
          }
        tag_end (l);
        l->y += row + 8;
      }
      break;
    case BLOCK_TABLE_START:
      l->table = b;
      l->y += 4;
      tag_begin (l, "Table");
      place_row (l, b, (const char * const *) b->texts + b->level, TRUE);
      if (next == NULL || next->kind != BLOCK_TABLE_ROW)
        {
          tag_end (l);
          l->table = NULL;
          l->y += 8;
        }
      break;
    case BLOCK_TABLE_ROW:
      if (l->table != NULL)
        place_row (l, l->table, (const char * const *) b->texts, FALSE);
      if (l->table != NULL && (next == NULL || next->kind != BLOCK_TABLE_ROW))
        {
          tag_end (l);
          l->table = NULL;
          l->y += 8;
        }
      break;
    case BLOCK_CHART:
      {
        const double bar = 14, gap = 6, label_width = 150;
        double max = 1, height = b->level * (bar + gap) + 22;
        const double colors[2][3] = { { 0.878, 0.106, 0.141 }, { 0.965, 0.827, 0.176 } };

        for (int i = 0; i < b->level; i++)
          max = MAX (max, g_ascii_strtod (b->texts[2 + 3 * i + 1], NULL) + g_ascii_strtod (b->texts[2 + 3 * i + 2], NULL));
        ensure_room (l, height);
        tag_begin (l, "Figure");
        for (int k = 0; k < 2; k++)
          {
            g_autoptr(PangoLayout) legend = new_layout (l, b->texts[k], 8.5, FALSE, 200);
            if (l->draw)
              {
                cairo_set_source_rgb (l->cr, colors[k][0], colors[k][1], colors[k][2]);
                cairo_rectangle (l->cr, MARGIN_X + k * 200, l->y + 2, 9, 9);
                cairo_fill (l->cr);
                cairo_set_source_rgb (l->cr, 0, 0, 0);
              }
            draw_text_at (l, legend, MARGIN_X + k * 200 + 14, l->y);
          }
        l->y += 20;
        for (int i = 0; i < b->level; i++)
          {
            const char *label = b->texts[2 + 3 * i];
            double first = g_ascii_strtod (b->texts[2 + 3 * i + 1], NULL);
            double second = g_ascii_strtod (b->texts[2 + 3 * i + 2], NULL);
            double span = TEXT_WIDTH - label_width - 40;
            g_autoptr(PangoLayout) name = new_layout (l, label, 8.5, FALSE, label_width - 8);
            g_autofree char *figures = g_strdup_printf ("%g · %g", first, second);
            g_autoptr(PangoLayout) value = new_layout (l, figures, 8.5, FALSE, 60);

            pango_layout_set_ellipsize (name, PANGO_ELLIPSIZE_END);
            draw_text_at (l, name, MARGIN_X, l->y);
            if (l->draw)
              {
                cairo_set_source_rgb (l->cr, colors[0][0], colors[0][1], colors[0][2]);
                cairo_rectangle (l->cr, MARGIN_X + label_width, l->y, span * first / max, bar);
                cairo_fill (l->cr);
                cairo_set_source_rgb (l->cr, colors[1][0], colors[1][1], colors[1][2]);
                cairo_rectangle (l->cr, MARGIN_X + label_width + span * first / max, l->y, span * second / max, bar);
                cairo_fill (l->cr);
                cairo_set_source_rgb (l->cr, 0, 0, 0);
              }
            draw_text_at (l, value, MARGIN_X + label_width + span * (first + second) / max + 4, l->y);
            l->y += bar + gap;
          }
        tag_end (l);
        l->y += 8;
      }
      break;
    default:
      break;
    }
}

/* Whether @b stays on the page of @next: when asked, and for a heading over a block that does not
 * break (a paragraph or a table may start under its heading and go on over the page). */
static gboolean
keeps (const Block *b,
       const Block *next)
{
  if (b->keep)
    return TRUE;
  if (b->kind != BLOCK_HEADING || next == NULL)
    return FALSE;
  /* A heading goes with a chain that is kept together, and with any block that does not break. */
  if (next->keep)
    return TRUE;
  return next->kind != BLOCK_PARAGRAPH && next->kind != BLOCK_TABLE_START && next->kind != BLOCK_BULLET &&
         next->kind != BLOCK_HEADING;
}

static guint
lay_out (ClPdfLayout *doc,
         cairo_t     *cr,
         gboolean     draw,
         guint        pages)
{
  Layout l = { doc, cr, draw, 0, 0, pages, NULL, { NULL }, 0 };

  new_page (&l);
  for (guint i = 0; i < doc->blocks->len; i++)
    {
      const Block *b = &g_array_index (doc->blocks, Block, i);

      /* A chain kept together: lay it out without drawing; if it would cross a page and starts
       * below the top, start it on the next page. */
      if (l.y > TEXT_TOP && keeps (b, i + 1 < doc->blocks->len ? b + 1 : NULL))
        {
          Layout probe = l;

          probe.draw = FALSE;
          for (guint j = i; j < doc->blocks->len; j++)
            {
              const Block *c = &g_array_index (doc->blocks, Block, j);
              const Block *after = j + 1 < doc->blocks->len ? c + 1 : NULL;

              place_block (&probe, c, after);
              if (!keeps (c, after))
                break;
            }
          if (probe.page != l.page)
            new_page (&l);
        }
      place_block (&l, b, i + 1 < doc->blocks->len ? &g_array_index (doc->blocks, Block, i + 1) : NULL);
    }
  g_assert (l.n_open_tags == 0);
  if (draw)
    cairo_show_page (cr);
  return l.page;
}

static cairo_status_t
discard (void                *closure,
         const unsigned char *data,
         unsigned int         length)
{
  return CAIRO_STATUS_SUCCESS;
}

static cairo_status_t
append_to_bytes (void                *closure,
                 const unsigned char *data,
                 unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

/* What a chart's bars say, for a reader who cannot see them: "Ana Ruiz: Overdue 4, Due in 30
 * days 1. …" */
static GStrv
figure_alternatives (ClPdfLayout *self)
{
  g_autoptr(GStrvBuilder) alts = g_strv_builder_new ();

  for (guint i = 0; i < self->blocks->len; i++)
    {
      const Block *b = &g_array_index (self->blocks, Block, i);
      g_autoptr(GString) alt = NULL;

      if (b->kind != BLOCK_CHART)
        continue;
      alt = g_string_new (NULL);
      for (int k = 0; k < b->level; k++)
        g_string_append_printf (alt, "%s%s: %s %s, %s %s.", k ? " " : "", b->texts[2 + 3 * k],
                                b->texts[0], b->texts[2 + 3 * k + 1], b->texts[1], b->texts[2 + 3 * k + 2]);
      g_strv_builder_add (alts, alt->str);
    }
  return g_strv_builder_end (alts);
}

GBytes *
cl_pdf_layout_render_pdf (ClPdfLayout *self,
                          GDateTime   *created,
                          guint       *out_pages,
                          GError     **error)
{
  g_autoptr(GByteArray) bytes = g_byte_array_new ();
  g_autoptr(GBytes) untagged = NULL;
  g_auto(GStrv) alts = figure_alternatives (self);
  GBytes *pdf;
  cairo_surface_t *measure_surface, *surface;
  cairo_t *cr;
  g_autofree char *date = g_date_time_format (created, "%Y-%m-%dT%H:%M:%S");
  guint pages;
  cairo_status_t status;

  /* First pass: count the pages, measuring on the same kind of surface (the same font metrics) but
   * writing nothing. */
  measure_surface = cairo_pdf_surface_create_for_stream (discard, NULL, PAGE_WIDTH, PAGE_HEIGHT);
  cr = cairo_create (measure_surface);
  pages = lay_out (self, cr, FALSE, 0);
  cairo_destroy (cr);
  cairo_surface_destroy (measure_surface);

  surface = cairo_pdf_surface_create_for_stream (append_to_bytes, bytes, PAGE_WIDTH, PAGE_HEIGHT);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, self->title);
  if (self->subject)
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_SUBJECT, self->subject);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Caseload");
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATE_DATE, date);
  cr = cairo_create (surface);
  lay_out (self, cr, TRUE, pages);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("The PDF could not be written: %s"),
                   cairo_status_to_string (status));
      return NULL;
    }
  untagged = g_byte_array_free_to_bytes (g_steal_pointer (&bytes));
  pdf = cl_pdf_add_accessibility (untagged, self->language, (const char * const *) alts, error);
  if (pdf != NULL && out_pages)
    *out_pages = pages;
  return pdf;
}
