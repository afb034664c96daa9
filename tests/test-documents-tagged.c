/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-documents-tagged.c — every document, in English and Spanish, is a tagged PDF a screen reader
 * can follow: read back with poppler's structure API (what Evince and pdfinfo -struct-text read) and
 * with pdfinfo itself. One Document element holding an H1 (the title), H2 sections, paragraphs,
 * lists of items with label and body, tables whose first row is header cells, the chart as a Figure
 * whose /Alt says what its bars say; the running header and footer outside the tree; the document's
 * language in the catalog. */
#include <glib/gstdio.h>
#include <poppler.h>
#include <string.h>

#include "cl-bundle-reader.h"
#include "cl-deadline-engine.h"
#include "cl-documents.h"

/* poppler-glib 22.12 does not define these yet. */
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PopplerDocument, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PopplerStructureElementIter, poppler_structure_element_iter_free)

static ClCaseload *caseload;
static ClRulePackSet *packs;
static ClDate today;

/* An element's text. poppler-glib 22.12 encodes the UTF-8 it reads from the page once more, as if it
 * were Latin-1 ("reunión" comes back as "reuniÃ³n"); pdfinfo -struct-text does not: undo it. */
static char *
element_text (PopplerStructureElement *e)
{
  g_autofree char *text = poppler_structure_element_get_text (e, POPPLER_STRUCTURE_GET_TEXT_RECURSIVE);
  g_autofree char *once = text ? g_convert (text, -1, "ISO-8859-1", "UTF-8", NULL, NULL, NULL) : NULL;

  if (once != NULL && g_utf8_validate (once, -1, NULL))
    return g_steal_pointer (&once);
  return g_steal_pointer (&text);
}

typedef struct {
  guint counts[POPPLER_STRUCTURE_ELEMENT_FORM + 1];
  guint tables_without_header;   /* a Table whose first row is not all TH */
  guint rows_not_cells;          /* a TR holding something other than TH/TD */
  guint items_without_body;      /* an LI with no LBody */
  GPtrArray *h1;                 /* the H1 texts */
  GPtrArray *alts;               /* the Figure alternatives */
} Tree;

static void
walk (PopplerStructureElementIter *iter,
      Tree                        *tree,
      PopplerStructureElementKind  parent)
{
  gboolean first_row = TRUE;

  do
    {
      PopplerStructureElement *e = poppler_structure_element_iter_get_element (iter);
      PopplerStructureElementKind kind = poppler_structure_element_get_kind (e);
      g_autoptr(PopplerStructureElementIter) child = poppler_structure_element_iter_get_child (iter);

      tree->counts[kind]++;
      if (kind == POPPLER_STRUCTURE_ELEMENT_HEADING_1)
        g_ptr_array_add (tree->h1, element_text (e));
      if (kind == POPPLER_STRUCTURE_ELEMENT_FIGURE)
        g_ptr_array_add (tree->alts, poppler_structure_element_get_alt_text (e));
      if (parent == POPPLER_STRUCTURE_ELEMENT_TABLE_ROW && kind != POPPLER_STRUCTURE_ELEMENT_TABLE_HEADING &&
          kind != POPPLER_STRUCTURE_ELEMENT_TABLE_DATA)
        tree->rows_not_cells++;
      if (kind == POPPLER_STRUCTURE_ELEMENT_TABLE_ROW && parent == POPPLER_STRUCTURE_ELEMENT_TABLE && first_row)
        {
          g_autoptr(PopplerStructureElementIter) cell = poppler_structure_element_iter_get_child (iter);

          first_row = FALSE;
          do
            if (cell == NULL ||
                poppler_structure_element_get_kind (poppler_structure_element_iter_get_element (cell)) !=
                  POPPLER_STRUCTURE_ELEMENT_TABLE_HEADING)
              {
                tree->tables_without_header++;
                break;
              }
          while (poppler_structure_element_iter_next (cell));
        }
      if (kind == POPPLER_STRUCTURE_ELEMENT_LIST_ITEM)
        {
          gboolean body = FALSE;

          if (child != NULL)
            {
              g_autoptr(PopplerStructureElementIter) c = poppler_structure_element_iter_get_child (iter);
              do
                body |= poppler_structure_element_get_kind (poppler_structure_element_iter_get_element (c)) ==
                        POPPLER_STRUCTURE_ELEMENT_LIST_BODY;
              while (poppler_structure_element_iter_next (c));
            }
          if (!body)
            tree->items_without_body++;
        }
      if (child != NULL)
        walk (child, tree, kind);
    }
  while (poppler_structure_element_iter_next (iter));
}

/* The structure tree of @pdf; its whole text in @text. */
static void
read_tree (GBytes  *pdf,
           Tree    *tree,
           char   **title,
           char   **text)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PopplerDocument) doc = poppler_document_new_from_bytes (pdf, NULL, &error);
  g_autoptr(PopplerStructureElementIter) root = NULL;
  g_autoptr(PopplerStructureElementIter) again = NULL;

  g_assert_no_error (error);
  *title = poppler_document_get_title (doc);
  root = poppler_structure_element_iter_new (doc);
  g_assert_nonnull (root);
  /* One Document element at the root. */
  g_assert_cmpint (poppler_structure_element_get_kind (poppler_structure_element_iter_get_element (root)), ==,
                   POPPLER_STRUCTURE_ELEMENT_DOCUMENT);
  again = poppler_structure_element_iter_new (doc);
  g_assert_false (poppler_structure_element_iter_next (again));
  *text = element_text (poppler_structure_element_iter_get_element (root));
  walk (root, tree, POPPLER_STRUCTURE_ELEMENT_DOCUMENT);
}

/* What pdfinfo says of @pdf, and nothing on its standard error (poppler's complaints about a
 * malformed structure tree go there). */
static char *
pdfinfo (GBytes     *pdf,
         const char *option)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("caseload-tagged-XXXXXX", &error);
  g_autofree char *path = NULL;
  g_autofree char *err = NULL;
  char *out = NULL;
  int status;
  const char *argv[4] = { "pdfinfo", NULL, NULL, NULL };

  g_assert_no_error (error);
  path = g_build_filename (dir, "doc.pdf", NULL);
  g_assert_true (g_file_set_contents (path, g_bytes_get_data (pdf, NULL), g_bytes_get_size (pdf), &error));
  argv[1] = option ? option : path;
  argv[2] = option ? path : NULL;
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, &err, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  g_assert_cmpstr (err, ==, "");
  g_unlink (path);
  g_rmdir (dir);
  return out;
}

/* Whether @pdf holds @needle (its streams hold NUL bytes: no strstr). */
static gboolean
pdf_has (GBytes     *pdf,
         const char *needle)
{
  gsize len, n = strlen (needle);
  const char *data = g_bytes_get_data (pdf, &len);

  for (gsize i = 0; i + n <= len; i++)
    if (memcmp (data + i, needle, n) == 0)
      return TRUE;
  return FALSE;
}

typedef struct {
  ClDocumentKind kind;
  const char    *student;      /* NULL: the school report */
  gboolean       table;
  gboolean       list;
} Case;

/* Students for whom each document applies in the demo (as in test-documents.c). */
static const Case cases[] = {
  { CL_DOCUMENT_MEETING_NOTICE, "S-1002", FALSE, FALSE },
  { CL_DOCUMENT_STUDENT_SUMMARY, "S-1004", TRUE, FALSE },
  { CL_DOCUMENT_PRIOR_WRITTEN_NOTICE, "S-1002", FALSE, FALSE },
  { CL_DOCUMENT_EXCUSAL, "S-1010", FALSE, FALSE },
  { CL_DOCUMENT_AGE_OF_MAJORITY, "S-1026", FALSE, TRUE },
  { CL_DOCUMENT_RIGHTS_TRANSFER, "S-1040", FALSE, TRUE },
  { CL_DOCUMENT_MDR, "S-1027", FALSE, FALSE },
  { CL_DOCUMENT_TRANSITION, "S-1026", FALSE, FALSE },
  { CL_N_DOCUMENT_KINDS, NULL, TRUE, FALSE },
};

static GBytes *
render (const Case *c,
        const char *lang)
{
  g_autoptr(ClDeadlineEngine) engine = cl_deadline_engine_new (packs);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) obligations = NULL;
  GBytes *pdf;

  if (c->student == NULL)
    {
      obligations = cl_deadline_engine_compute (engine, caseload, today, &error);
      g_assert_no_error (error);
      pdf = cl_document_render_school_report (caseload, obligations, NULL, lang, today, NULL, &error);
    }
  else
    {
      ClStudent *student = cl_caseload_lookup_student (caseload, c->student);

      obligations = cl_deadline_engine_compute_student (engine, caseload, student, today, &error);
      g_assert_no_error (error);
      pdf = cl_document_render (c->kind, caseload, student, NULL, obligations, lang, today, NULL, &error);
    }
  g_assert_no_error (error);
  return pdf;
}

static void
test_every_document (void)
{
  const char *langs[] = { "en", "es" };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    for (guint j = 0; j < G_N_ELEMENTS (langs); j++)
      {
        const Case *c = &cases[i];
        g_autoptr(GBytes) pdf = render (c, langs[j]);
        g_autoptr(GPtrArray) h1 = g_ptr_array_new_with_free_func (g_free);
        g_autoptr(GPtrArray) alts = g_ptr_array_new_with_free_func (g_free);
        Tree tree = { { 0 }, 0, 0, 0, h1, alts };
        g_autofree char *title = NULL;
        g_autofree char *text = NULL;
        g_autofree char *info = pdfinfo (pdf, NULL);
        g_autofree char *structure = pdfinfo (pdf, "-struct-text");
        g_autofree char *lang_hex = g_strdup_printf ("/Lang <FEFF00%02X00%02X>", langs[j][0], langs[j][1]);
        const char *footer = j == 0 ? "Page 1 of" : "Página 1 de";
        const char *prepared = j == 0 ? "Prepared " : "Preparado el ";

        g_test_message ("%s in %s", c->student ? cl_document_kind_names[c->kind] : "school report", langs[j]);
        g_assert_nonnull (strstr (info, "Tagged:          yes"));
        g_assert_true (g_str_has_prefix (structure, "Document\n  H1"));
        read_tree (pdf, &tree, &title, &text);
        {
          g_autofree char *h1_line = g_strdup_printf ("Document\n  H1 (block)\n    \"%s\"\n", title);
          g_assert_true (g_str_has_prefix (structure, h1_line));
        }
        /* The title once, as the H1, and in the metadata. */
        g_assert_cmpuint (h1->len, ==, 1);
        g_assert_cmpstr (g_ptr_array_index (h1, 0), ==, title);
        g_assert_cmpuint (tree.counts[POPPLER_STRUCTURE_ELEMENT_HEADING_2], >=, 1);
        g_assert_cmpuint (tree.counts[POPPLER_STRUCTURE_ELEMENT_PARAGRAPH], >=, 1);
        /* Page furniture is not read. */
        g_assert_null (strstr (text, footer));
        g_assert_null (strstr (text, prepared));
        g_assert_true (pdf_has (pdf, lang_hex));
        g_assert_true (pdf_has (pdf, "/DisplayDocTitle true"));
        if (c->table)
          {
            g_assert_cmpuint (tree.counts[POPPLER_STRUCTURE_ELEMENT_TABLE], >=, 1);
            g_assert_cmpuint (tree.counts[POPPLER_STRUCTURE_ELEMENT_TABLE_HEADING], >=, 2);
            g_assert_cmpuint (tree.counts[POPPLER_STRUCTURE_ELEMENT_TABLE_DATA], >=, 2);
          }
        g_assert_cmpuint (tree.tables_without_header, ==, 0);
        g_assert_cmpuint (tree.rows_not_cells, ==, 0);
        if (c->list)
          {
            g_assert_cmpuint (tree.counts[POPPLER_STRUCTURE_ELEMENT_LIST], >=, 1);
            g_assert_cmpuint (tree.counts[POPPLER_STRUCTURE_ELEMENT_LIST_ITEM], >=, 2);
            g_assert_cmpuint (tree.counts[POPPLER_STRUCTURE_ELEMENT_LIST_LABEL], ==,
                              tree.counts[POPPLER_STRUCTURE_ELEMENT_LIST_ITEM]);
          }
        g_assert_cmpuint (tree.items_without_body, ==, 0);
        if (c->student == NULL)
          {
            /* 40 students, the school report of test-documents.c: Chidi Okafor's bars. */
            g_assert_cmpuint (alts->len, ==, 1);
            g_assert_nonnull (strstr (g_ptr_array_index (alts, 0), "Chidi Okafor: "));
            g_assert_nonnull (strstr (g_ptr_array_index (alts, 0), j == 0 ? "Overdue " : "Vencidas "));
          }
        else
          g_assert_cmpuint (alts->len, ==, 0);
      }
}

/* A table over many pages goes on as a table on each, its header row first; a cell's wrapped lines
 * are all read (poppler stopped at the first before show_line() in cl-pdf-layout.c). */
static void
test_long_table (void)
{
  ClStudent *student = cl_caseload_lookup_student (caseload, "S-1004");
  g_autoptr(ClDeadlineEngine) engine = cl_deadline_engine_new (packs);
  g_autoptr(GPtrArray) obligations = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) pdf = NULL;
  g_autoptr(GPtrArray) h1 = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) alts = g_ptr_array_new_with_free_func (g_free);
  Tree tree = { { 0 }, 0, 0, 0, h1, alts };
  g_autofree char *title = NULL;
  g_autofree char *text = NULL;
  guint pages;

  for (guint i = 0; i < 200; i++)
    cl_student_add_event (student, CL_EVENT_RECORDS_REQUEST, cl_date_from_ymd (2026, 1, 5) + i);
  cl_student_sort_events (student);
  obligations = cl_deadline_engine_compute_student (engine, caseload, student, today, &error);
  g_assert_no_error (error);
  pdf = cl_document_render (CL_DOCUMENT_STUDENT_SUMMARY, caseload, student, NULL, obligations, "en", today,
                            &pages, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (pages, >, 5);
  read_tree (pdf, &tree, &title, &text);
  /* One table per page it is on, each opening with its header row. */
  g_assert_cmpuint (tree.counts[POPPLER_STRUCTURE_ELEMENT_TABLE], ==, pages);
  g_assert_cmpuint (tree.tables_without_header, ==, 0);
  g_assert_cmpuint (tree.counts[POPPLER_STRUCTURE_ELEMENT_TABLE_ROW], ==, obligations->len + pages);
  /* "EC 56343(d), 34 CFR 300.324(b)(1)" wraps in its narrow column. */
  g_assert_nonnull (strstr (text, "EC 56343(d), 34 CFR 300.324(b)(1)"));
}

int
main (int argc, char **argv)
{
  g_autofree char *path = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);
  today = cl_date_from_ymd (2026, 11, 24);
  path = g_test_build_filename (G_TEST_DIST, "..", "data", "demo", "demo-caseload.json", NULL);
  g_assert_true (g_file_get_contents (path, &contents, NULL, &error));
  caseload = cl_bundle_read_data (contents, -1, &error);
  g_assert_no_error (error);
  packs = cl_rule_pack_set_new_builtin (&error);
  g_assert_no_error (error);

  g_test_add_func ("/documents-tagged/every-document", test_every_document);
  g_test_add_func ("/documents-tagged/long-table", test_long_table);
  status = g_test_run ();
  g_object_unref (packs);
  g_object_unref (caseload);
  return status;
}
