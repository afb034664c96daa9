/* test-documents.c — documents rendered for demo students in English and Spanish, read back with
 * poppler: names, dates in the language's format, place, headings, page counts, metadata, and a
 * long history flowing over pages inside the margins. */
#include <poppler.h>
#include <string.h>

#include "cl-bundle-reader.h"
#include "cl-deadline-engine.h"
#include "cl-documents.h"

/* poppler-glib 22.12 does not define these yet. */
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PopplerDocument, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PopplerPage, g_object_unref)

static ClCaseload *caseload;
static ClRulePackSet *packs;

static GPtrArray *
obligations_of (ClStudent *student,
                ClDate     today)
{
  g_autoptr(ClDeadlineEngine) engine = cl_deadline_engine_new (packs);
  g_autoptr(GError) error = NULL;
  GPtrArray *obligations = cl_deadline_engine_compute_student (engine, caseload, student, today, &error);

  g_assert_no_error (error);
  return obligations;
}

/* The text of every page, and the page count. */
static char *
read_back (GBytes    *pdf,
           guint     *pages,
           char     **title,
           gboolean   check_margins)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PopplerDocument) doc = poppler_document_new_from_bytes (pdf, NULL, &error);
  GString *text = g_string_new (NULL);

  g_assert_no_error (error);
  *pages = poppler_document_get_n_pages (doc);
  if (title)
    *title = poppler_document_get_title (doc);
  for (guint i = 0; i < *pages; i++)
    {
      g_autoptr(PopplerPage) page = poppler_document_get_page (doc, i);
      g_autofree char *page_text = poppler_page_get_text (page);
      PopplerRectangle *rects = NULL;
      guint n_rects = 0;
      double width, height;

      g_string_append (text, page_text);
      g_string_append_c (text, '\n');
      if (!check_margins)
        continue;
      /* Nothing clipped: every character lies inside the page's margins. */
      poppler_page_get_size (page, &width, &height);
      g_assert_true (poppler_page_get_text_layout (page, &rects, &n_rects));
      for (guint r = 0; r < n_rects; r++)
        {
          g_assert_cmpfloat (rects[r].x1, >=, 40);
          g_assert_cmpfloat (rects[r].x2, <=, width - 40);
          g_assert_cmpfloat (rects[r].y2, <=, height - 30);
        }
      g_free (rects);
    }
  return g_string_free (text, FALSE);
}

static void
test_notice_english (void)
{
  ClStudent *student = cl_caseload_lookup_student (caseload, "S-1002");
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) pdf = cl_document_render (CL_DOCUMENT_MEETING_NOTICE, caseload, student, NULL, NULL, "en",
                                              cl_date_from_ymd (2026, 11, 24), NULL, &error);
  g_autofree char *title = NULL;
  g_autofree char *text = NULL;
  guint pages;

  g_assert_no_error (error);
  text = read_back (pdf, &pages, &title, TRUE);
  g_assert_cmpstr (title, ==, "Notice of IEP Team Meeting");
  g_assert_cmpuint (pages, >=, 1);
  g_assert_nonnull (strstr (text, "Notice of IEP Team Meeting"));
  g_assert_nonnull (strstr (text, "Minh Nguyen"));
  g_assert_nonnull (strstr (text, "December 3, 2026"));
  g_assert_nonnull (strstr (text, "3:30 p.m."));
  g_assert_nonnull (strstr (text, "Room 22"));
  g_assert_nonnull (strstr (text, "Who has been invited"));
  g_assert_nonnull (strstr (text, "Your rights"));
}

static void
test_notice_spanish (void)
{
  ClStudent *student = cl_caseload_lookup_student (caseload, "S-1035");
  g_autoptr(GError) error = NULL;
  /* No language given: the family's, Spanish. */
  g_autoptr(GBytes) pdf = cl_document_render (CL_DOCUMENT_MEETING_NOTICE, caseload, student, NULL, NULL, NULL,
                                              cl_date_from_ymd (2026, 11, 24), NULL, &error);
  g_autofree char *title = NULL;
  g_autofree char *text = NULL;
  guint pages;

  g_assert_no_error (error);
  g_assert_cmpstr (cl_document_family_language (student), ==, "es");
  text = read_back (pdf, &pages, &title, TRUE);
  g_assert_cmpstr (title, ==, "Aviso de reunión del equipo del IEP");
  g_assert_nonnull (strstr (text, "José Luis Ortega"));
  g_assert_nonnull (strstr (text, "8 de diciembre de 2026"));
  g_assert_nonnull (strstr (text, "15:30"));
  g_assert_nonnull (strstr (text, "Career center"));
  g_assert_nonnull (strstr (text, "Quiénes están invitados"));
  g_assert_nonnull (strstr (text, "reunión"));
}

static void
test_summary_long_history (void)
{
  ClStudent *student = cl_caseload_lookup_student (caseload, "S-1004");
  g_autoptr(GPtrArray) obligations = NULL;
  g_autoptr(GBytes) pdf = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *last_due = NULL;
  const ClObligation *last;
  guint pages, counted;

  /* 200 records requests: 200 more rows to flow over pages. */
  for (guint i = 0; i < 200; i++)
    cl_student_add_event (student, CL_EVENT_RECORDS_REQUEST, cl_date_from_ymd (2026, 1, 5) + i);
  cl_student_sort_events (student);
  obligations = obligations_of (student, cl_date_from_ymd (2026, 11, 24));
  pdf = cl_document_render (CL_DOCUMENT_STUDENT_SUMMARY, caseload, student, NULL, obligations, "en",
                            cl_date_from_ymd (2026, 11, 24), &counted, &error);
  g_assert_no_error (error);
  text = read_back (pdf, &pages, NULL, TRUE);
  g_assert_cmpuint (pages, ==, counted);
  g_assert_cmpuint (pages, >, 5);
  /* The table's header repeats on every page, and the last row made it. */
  g_assert_nonnull (strstr (text, "How the date was reached"));
  last = g_ptr_array_index (obligations, obligations->len - 1);
  {
    /* Narrow columns wrap: every run of white space made one space. */
    g_autoptr(GRegex) spaces = g_regex_new ("\\s+", 0, 0, NULL);
    g_autofree char *flat = g_regex_replace_literal (spaces, text, -1, 0, " ", 0, NULL);
    g_auto(GStrv) words = g_strsplit (last->citation, " ", -1);

    /* Text extraction interleaves the lines of neighbouring cells: look for each word. */
    g_assert_nonnull (strstr (flat, last->rule->title));
    for (guint i = 0; words[i]; i++)
      g_assert_nonnull (strstr (flat, words[i]));
  }
  {
    g_autofree char *footer = g_strdup_printf ("Page %u of %u", pages, pages);
    g_assert_nonnull (strstr (text, footer));
  }
}

static void
test_school_report (void)
{
  g_autoptr(ClDeadlineEngine) engine = cl_deadline_engine_new (packs);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) all = cl_deadline_engine_compute (engine, caseload, cl_date_from_ymd (2026, 11, 24), &error);
  g_autoptr(GBytes) pdf = NULL;
  g_autoptr(GBytes) es = NULL;
  g_autofree char *text = NULL;
  g_autofree char *es_text = NULL;
  g_autofree char *title = NULL;
  guint pages;

  g_assert_no_error (error);
  pdf = cl_document_render_school_report (caseload, all, "riverside-hs", "en", cl_date_from_ymd (2026, 11, 24), NULL, &error);
  g_assert_no_error (error);
  text = read_back (pdf, &pages, &title, TRUE);
  g_assert_cmpstr (title, ==, "School Compliance Report");
  g_assert_nonnull (strstr (text, "Riverside High School"));
  g_assert_nonnull (strstr (text, "By case manager"));
  g_assert_nonnull (strstr (text, "Chidi Okafor"));
  /* Oldest overdue first: Riverside's overdue items, each with its case manager. */
  g_assert_nonnull (strstr (text, "Overdue, oldest first"));
  g_assert_nonnull (strstr (text, "Andrés Gutiérrez"));
  g_assert_true (strstr (text, "Andrés Gutiérrez") < strstr (text, "Vartan Grigoryan"));
  /* Only Riverside's case managers. */
  g_assert_null (strstr (text, "Owen Whitaker"));

  es = cl_document_render_school_report (caseload, all, NULL, "es", cl_date_from_ymd (2026, 11, 24), NULL, &error);
  g_assert_no_error (error);
  es_text = read_back (es, &pages, NULL, TRUE);
  g_assert_nonnull (strstr (es_text, "Informe de cumplimiento de la escuela"));
  g_assert_nonnull (strstr (es_text, "Todas las escuelas"));
  g_assert_nonnull (strstr (es_text, "24 de noviembre de 2026"));

  g_assert_null (cl_document_render_school_report (caseload, all, "nowhere", "en", cl_date_from_ymd (2026, 11, 24), NULL, &error));
  g_assert_error (error, CL_DOCUMENT_ERROR, CL_DOCUMENT_ERROR_FAILED);
}

static void
test_no_meeting (void)
{
  ClStudent *student = cl_caseload_lookup_student (caseload, "S-1001");
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) pdf = cl_document_render (CL_DOCUMENT_MEETING_NOTICE, caseload, student, NULL, NULL, "en",
                                              cl_date_from_ymd (2026, 11, 24), NULL, &error);

  g_assert_null (pdf);
  g_assert_error (error, CL_DOCUMENT_ERROR, CL_DOCUMENT_ERROR_NO_MEETING);
}

int
main (int argc, char **argv)
{
  g_autofree char *path = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);
  path = g_test_build_filename (G_TEST_DIST, "..", "data", "demo", "demo-caseload.json", NULL);
  g_assert_true (g_file_get_contents (path, &contents, NULL, &error));
  caseload = cl_bundle_read_data (contents, -1, &error);
  g_assert_no_error (error);
  packs = cl_rule_pack_set_new_builtin (&error);
  g_assert_no_error (error);

  g_test_add_func ("/documents/notice-english", test_notice_english);
  g_test_add_func ("/documents/notice-spanish", test_notice_spanish);
  g_test_add_func ("/documents/summary-long-history", test_summary_long_history);
  g_test_add_func ("/documents/no-meeting", test_no_meeting);
  g_test_add_func ("/documents/school-report", test_school_report);
  status = g_test_run ();
  g_object_unref (packs);
  g_object_unref (caseload);
  return status;
}
