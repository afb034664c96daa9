/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-documents.c — documents rendered for demo students in English and Spanish, read back with
 * poppler: names, dates in the language's format, place, headings, page counts, metadata, and a
 * long history flowing over pages inside the margins. */
#include <libintl.h>
#include <poppler.h>
#include <string.h>

#include "cl-bundle-reader.h"
#include "cl-catalog.h"
#include "cl-deadline-engine.h"
#include "cl-documents.h"
#include "cl-event-labels.h"
#include "cl-obligation-format.h"
#include "cl-obligation-words.h"

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


/* Renders @kind for a demo student as of 2026-11-24 (the demo's "today") and returns the text of
 * every page with each run of white space made one space, so wrapped lines read as one. */
static char *
render_text (ClDocumentKind kind,
             const char    *student_id,
             const char    *lang,
             const char    *meeting_id,
             guint         *pages,
             char         **title)
{
  ClStudent *student = cl_caseload_lookup_student (caseload, student_id);
  const ClDate today = cl_date_from_ymd (2026, 11, 24);
  g_autoptr(GPtrArray) obligations = obligations_of (student, today);
  const ClMeeting *meeting = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) pdf = NULL;
  g_autoptr(GRegex) spaces = g_regex_new ("\\s+", 0, 0, NULL);
  g_autofree char *text = NULL;
  guint counted = 0;

  for (guint i = 0; meeting_id && i < student->meetings->len; i++)
    if (g_str_equal (((ClMeeting *) g_ptr_array_index (student->meetings, i))->id, meeting_id))
      meeting = g_ptr_array_index (student->meetings, i);
  g_assert_true (meeting_id == NULL || meeting != NULL);
  pdf = cl_document_render (kind, caseload, student, meeting, obligations, lang, today, &counted, &error);
  g_assert_no_error (error);
  text = read_back (pdf, pages, title, TRUE);
  g_assert_cmpuint (*pages, ==, counted);
  return g_regex_replace_literal (spaces, text, -1, 0, " ", 0, NULL);
}

#define assert_has(text, needle) G_STMT_START { \
  if (strstr ((text), (needle)) == NULL) \
    g_error ("“%s” is not in the document:\n%s", (needle), (text)); \
} G_STMT_END

/* A label and its value. Poppler reads a run of fields column by column, so each is looked for on
 * its own. */
static void
assert_field (const char *text,
              const char *label,
              const char *value)
{
  assert_has (text, label);
  assert_has (text, value);
}

/* A table row: poppler reads its cells one after the other with nothing between them, so the row
 * is looked for with every space taken out. */
G_GNUC_NULL_TERMINATED
static void
assert_row (const char *text,
            ...)
{
  g_autoptr(GString) flat = g_string_new (text);
  g_autoptr(GString) row = g_string_new (NULL);
  const char *cell;
  va_list ap;

  va_start (ap, text);
  while ((cell = va_arg (ap, const char *)) != NULL)
    g_string_append (row, cell);
  va_end (ap);
  g_string_replace (flat, " ", "", 0);
  g_string_replace (row, " ", "", 0);
  assert_has (flat->str, row->str);
}

static void
assert_footer (const char *text,
               const char *format,
               guint       pages)
{
  g_autofree char *p = g_strdup_printf ("%u", pages);
  g_autoptr(GString) footer = g_string_new (format);

  g_string_replace (footer, "{page}", p, 0);
  g_string_replace (footer, "{pages}", p, 0);
  assert_has (text, footer->str);
}

static void
test_prior_written_notice (void)
{
  g_autofree char *title = NULL;
  g_autofree char *en = NULL, *es = NULL, *planned = NULL;
  guint pages;

  /* S-1002's latest IEP meeting: the annual review of 2025-11-06. */
  en = render_text (CL_DOCUMENT_PRIOR_WRITTEN_NOTICE, "S-1002", "en", NULL, &pages, &title);
  g_assert_cmpstr (title, ==, "Prior Written Notice");
  g_assert_cmpuint (pages, ==, 2);
  assert_footer (en, "Page {page} of {pages}", pages);
  assert_has (en, "November 24, 2026");
  assert_has (en, "Dear Lan Nguyen,");
  assert_has (en, "The annual IEP meeting held on November 6, 2025");
  assert_has (en, "carry out the IEP developed at the annual review of November 6, 2025");
  /* Every element the handbook lists (HB chapter 4, appendix A), in order. */
  g_assert_true (strstr (en, "1. What the district proposes or refuses") < strstr (en, "2. Why the district proposes"));
  assert_has (en, "3. Other options the team considered, and why they were rejected");
  assert_has (en, "4. Assessments, records and reports the decision was based on");
  assert_has (en, "5. Other factors relevant to this decision");
  assert_has (en, "6. Your procedural safeguards");
  g_assert_true (strstr (en, "6. Your procedural safeguards") < strstr (en, "7. Where to get help"));
  assert_has (en, "Owen Whitaker");
  assert_has (en, "(800) 926-0648");
  assert_has (en, "34 CFR 300.503; EC 56329, 56500.4");

  es = render_text (CL_DOCUMENT_PRIOR_WRITTEN_NOTICE, "S-1035", "es", NULL, &pages, NULL);
  assert_footer (es, "Página {page} de {pages}", pages);
  assert_has (es, "Notificación previa por escrito");
  assert_has (es, "Estimado/a Elena Ortega:");
  assert_has (es, "La reunión anual del IEP celebrada el 11 de diciembre de 2025");
  assert_has (es, "1. Lo que el distrito propone o rechaza");
  assert_has (es, "3. Otras opciones que el equipo consideró y por qué se descartaron");
  assert_has (es, "7. Dónde obtener ayuda");
  assert_has (es, "Encargado del caso");
  g_assert_null (strstr (es, "Sincerely"));

  /* About the planned meeting instead. */
  planned = render_text (CL_DOCUMENT_PRIOR_WRITTEN_NOTICE, "S-1035", "es", "m-4", &pages, NULL);
  assert_has (planned, "La reunión anual del IEP prevista para el 8 de diciembre de 2026");
}

static void
test_excusal (void)
{
  g_autofree char *en = NULL, *es = NULL;
  ClStudent *none = cl_caseload_lookup_student (caseload, "S-1001");
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) pdf = NULL;
  guint pages;

  /* S-1010, meeting m-2: the general education teacher is excused, area discussed, written input
   * 2026-11-23, the parent's consent 2026-11-19; the engine's excusal obligation is due on the
   * meeting's date. */
  en = render_text (CL_DOCUMENT_EXCUSAL, "S-1010", "en", NULL, &pages, NULL);
  g_assert_cmpuint (pages, ==, 1);
  assert_has (en, "Agreement to Excuse an IEP Team Member");
  assert_has (en, "Aaliyah Johnson");
  assert_has (en, "General education teacher: Erik Lindqvist");
  assert_field (en, "Written input dated", "November 23, 2026");
  assert_has (en, "Attached, or where it can be read:");
  assert_field (en, "Your agreement received", "November 19, 2026");
  assert_has (en, "District representative (Gwen Holloway): signature, title and date");
  assert_has (en, "Parent or guardian signature and date");
  assert_has (en, "to Marisol Delgado by December 1, 2026");

  /* S-1035, meeting m-4: the district representative is excused; nothing says whether the area is
   * discussed, so no box is ticked for it. */
  es = render_text (CL_DOCUMENT_EXCUSAL, "S-1035", "es", "m-4", &pages, NULL);
  assert_has (es, "Acuerdo para dispensar a un miembro del equipo del IEP");
  assert_has (es, "Representante del distrito: Vincent Tran");
  assert_has (es, "8 de diciembre de 2026: reunión anual del IEP");
  assert_has (es, "Acuerdo del distrito");
  assert_has (es, "Su acuerdo (marque una opción)");
  assert_footer (es, "Página {page} de {pages}", pages);

  /* Two excused at once: a section each. The second one's area is discussed but no written input
   * is on file yet: a line to write its date on, the attachment box left empty. */
  {
    ClStudent *student = cl_caseload_lookup_student (caseload, "S-1035");
    ClMeeting *m = g_ptr_array_index (student->meetings, 0);
    ClInvitee *inv = cl_meeting_add_invitee (m, CL_ROLE_RELATED_SERVICE_PROVIDER);
    g_autofree char *both = NULL;

    inv->name = g_strdup ("Dana Whitfield");
    inv->attending = FALSE;
    inv->excusal.present = TRUE;
    inv->excusal.area_discussed = TRUE;
    both = render_text (CL_DOCUMENT_EXCUSAL, "S-1035", "en", "m-4", &pages, NULL);
    g_assert_true (strstr (both, "District representative: Vincent Tran") < strstr (both, "Related service provider: Dana Whitfield"));
    assert_field (both, "Written input dated", "____________________");
    assert_has (both, "Attached, or where it can be read:");
    /* Leave the demo as it was for the tests after this one. */
    g_array_remove_index (m->invitees, m->invitees->len - 1);
  }

  pdf = cl_document_render (CL_DOCUMENT_EXCUSAL, caseload, none, NULL, NULL, "en", cl_date_from_ymd (2026, 11, 24), NULL, &error);
  g_assert_null (pdf);
  g_assert_error (error, CL_DOCUMENT_ERROR, CL_DOCUMENT_ERROR_NO_EXCUSAL);
}

static void
test_age_of_majority (void)
{
  g_autofree char *en = NULL, *es = NULL, *title = NULL;
  ClStudent *conserved = cl_caseload_lookup_student (caseload, "S-1022");
  g_autoptr(GPtrArray) obligations = obligations_of (conserved, cl_date_from_ymd (2026, 11, 24));
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) pdf = NULL;
  guint pages;

  /* S-1026, born 2010-05-19: rights transfer on B18 2028-05-19; the notice is due by the IEP in
   * effect at 17, the one of 2026-10-08, still in effect on B17 2027-05-19. */
  en = render_text (CL_DOCUMENT_AGE_OF_MAJORITY, "S-1026", "en", NULL, &pages, &title);
  g_assert_cmpstr (title, ==, "Notice of Rights That Transfer at Age 18");
  g_assert_cmpuint (pages, ==, 2);
  assert_has (en, "Dear Jasmine and family,");
  assert_has (en, "When Jasmine turns 18 on May 19, 2028");
  assert_field (en, "Rights transfer on", "May 19, 2028");
  assert_field (en, "Notice due by", "May 19, 2027");
  assert_has (en, "The rights that transfer");
  assert_has (en, "When the rights do not transfer");
  assert_has (en, "appoints a conservator");
  assert_has (en, "Student signature and date");

  /* S-1021, born 2009-07-22: B18 2027-07-22; the notice was due 2026-07-22. */
  es = render_text (CL_DOCUMENT_AGE_OF_MAJORITY, "S-1021", "es", NULL, &pages, NULL);
  assert_has (es, "Aviso sobre los derechos que se transfieren a los 18 años");
  assert_has (es, "Estimado/a Andrés y familia:");
  assert_has (es, "el 22 de julio de 2027");
  assert_field (es, "Fecha límite del aviso", "22 de julio de 2026");
  assert_has (es, "Cuándo no se transfieren los derechos");
  assert_has (es, "tutor legal (conservator)");
  assert_footer (es, "Página {page} de {pages}", pages);

  /* A conservator: rights do not transfer, the engine derives no notice. */
  pdf = cl_document_render (CL_DOCUMENT_AGE_OF_MAJORITY, caseload, conserved, NULL, obligations, "en",
                            cl_date_from_ymd (2026, 11, 24), NULL, &error);
  g_assert_null (pdf);
  g_assert_error (error, CL_DOCUMENT_ERROR, CL_DOCUMENT_ERROR_NOT_APPLICABLE);
  g_assert_nonnull (strstr (error->message, "conservator"));
}

static void
test_rights_transfer (void)
{
  g_autofree char *en = NULL, *es = NULL;
  guint pages;

  /* S-1040 turned 18 on 2026-09-12. */
  en = render_text (CL_DOCUMENT_RIGHTS_TRANSFER, "S-1040", "en", NULL, &pages, NULL);
  g_assert_cmpuint (pages, ==, 2);
  assert_has (en, "Notice of Transfer of Educational Rights");
  assert_has (en, "On September 12, 2026, Tiana turned 18");
  assert_field (en, "Rights transferred on", "September 12, 2026");
  assert_has (en, "What changes now");
  assert_has (en, "EC 56041.5");
  assert_footer (en, "Page {page} of {pages}", pages);

  es = render_text (CL_DOCUMENT_RIGHTS_TRANSFER, "S-1040", "es", NULL, &pages, NULL);
  assert_has (es, "Aviso de transferencia de los derechos educativos");
  assert_has (es, "El 12 de septiembre de 2026, Tiana cumplió 18 años");
  assert_has (es, "Lo que cambia ahora");
  assert_has (es, "Hemos recibido este aviso");
  g_assert_null (strstr (es, "September"));
}

static void
test_manifestation_review (void)
{
  g_autofree char *en = NULL, *es = NULL, *running = NULL;
  ClStudent *none = cl_caseload_lookup_student (caseload, "S-1001");
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) pdf = NULL;
  guint pages;

  /* S-1027: suspensions of 5, 4 and 2 days in 2026-27 (totals 5, 9, 11); the decision of
   * 2026-11-19 puts the review 10 school days later, Thanksgiving week skipped: 2026-12-10. */
  en = render_text (CL_DOCUMENT_MDR, "S-1027", "en", NULL, &pages, NULL);
  g_assert_cmpuint (pages, ==, 3);
  assert_has (en, "Manifestation Determination Review");
  assert_has (en, "Tyrell Jackson");
  assert_has (en, "Removals in school year 2026-27");
  assert_row (en, "September 21, 2026", "Suspension", "5", "5", NULL);
  assert_row (en, "October 19, 2026", "Suspension", "4", "9", NULL);
  assert_row (en, "November 18, 2026", "Suspension", "2", "11", NULL);
  assert_field (en, "Decision to change placement", "November 19, 2026");
  assert_field (en, "Review due by", "December 10, 2026 (EC 48915.5");
  assert_field (en, "Meeting", "December 2, 2026, 10:00 a.m.");
  assert_has (en, "Question 1");
  assert_has (en, "caused by, or did it have a direct and substantial relationship to, Tyrell's disability");
  assert_has (en, "Question 2");
  assert_has (en, "failure to carry out Tyrell's IEP");
  assert_has (en, "functional behavioral assessment");
  assert_has (en, "returns to the placement");
  assert_has (en, "Vincent Tran, District representative: signature and date");

  /* rules.md §6 example 14: 3, 4, 2.5, an in-school 2 (not counted), 1 -> 10.5. */
  running = render_text (CL_DOCUMENT_MDR, "S-1004", "en", NULL, &pages, NULL);
  assert_row (running, "October 26, 2026", "Suspension", "2.5", "9.5", NULL);
  assert_row (running, "November 2, 2026", "In-school suspension", "2", "9.5 (not counted)", NULL);
  assert_row (running, "November 9, 2026", "Suspension", "1", "10.5", NULL);
  assert_has (running, "10.5 school days (5 removals in all)");

  es = render_text (CL_DOCUMENT_MDR, "S-1027", "es", NULL, &pages, NULL);
  assert_has (es, "Revisión de determinación de manifestación");
  assert_has (es, "Separaciones en el año escolar 2026-27");
  assert_row (es, "21 de septiembre de 2026", "Suspensión", "5", "5", NULL);
  assert_field (es, "Fecha límite de la revisión", "10 de diciembre de 2026");
  assert_has (es, "Pregunta 1");
  assert_has (es, "Pregunta 2");
  assert_has (es, "Determinación");
  assert_footer (es, "Página {page} de {pages}", pages);

  pdf = cl_document_render (CL_DOCUMENT_MDR, caseload, none, NULL, NULL, "en", cl_date_from_ymd (2026, 11, 24), NULL, &error);
  g_assert_null (pdf);
  g_assert_error (error, CL_DOCUMENT_ERROR, CL_DOCUMENT_ERROR_NO_REMOVAL);
}

static void
test_transition (void)
{
  g_autofree char *en = NULL, *es = NULL;
  guint pages;

  /* S-1026: transition_plan_due 2026-05-19 (B16), met by the IEP of 2025-10-16; eligibility ends
   * 2032-06-30 (B22 2032-05-19, in May: June 30). */
  en = render_text (CL_DOCUMENT_TRANSITION, "S-1026", "en", NULL, &pages, NULL);
  g_assert_cmpuint (pages, ==, 2);
  assert_has (en, "Transition Plan Summary");
  assert_has (en, "Jasmine Moore");
  assert_field (en, "Transition plan due", "May 19, 2026 (EC 56043(g)(1)");
  assert_has (en, "Included in the IEP of October 16, 2025");
  assert_field (en, "Eligibility ends no later than", "June 30, 2032");
  assert_has (en, "Measurable postsecondary goals");
  assert_has (en, "Training or education: after high school, Jasmine will…");
  assert_has (en, "Employment:");
  assert_has (en, "Independent living (where appropriate):");
  assert_has (en, "Transition services");
  assert_has (en, "Course of study");
  assert_has (en, "No outside agency is on file.");

  es = render_text (CL_DOCUMENT_TRANSITION, "S-1035", "es", NULL, &pages, NULL);
  assert_has (es, "Resumen del plan de transición");
  assert_field (es, "Fecha límite del plan", "3 de agosto de 2025");
  assert_has (es, "Incluido en el IEP del 12 de diciembre de 2024");
  assert_field (es, "Elegibilidad hasta el", "30 de junio de 2031");
  assert_has (es, "Metas medibles para después de la secundaria");
  assert_has (es, "Programa de estudios");
  assert_has (es, "Se informó a José Luis de los derechos que se transfieren a los 18 años en el IEP del 11 de diciembre de 2025.");
  assert_footer (es, "Página {page} de {pages}", pages);
}

static void
test_unknown_language (void)
{
  ClStudent *student = cl_caseload_lookup_student (caseload, "S-1002");
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) pdf = cl_document_render (CL_DOCUMENT_STUDENT_SUMMARY, caseload, student, NULL, NULL, "fr",
                                              cl_date_from_ymd (2026, 11, 24), NULL, &error);

  g_assert_null (pdf);
  g_assert_error (error, CL_DOCUMENT_ERROR, CL_DOCUMENT_ERROR_UNKNOWN_LANGUAGE);
  g_assert_nonnull (strstr (error->message, "“fr”"));
  g_assert_true (cl_document_has_language ("es"));
  g_assert_false (cl_document_has_language ("../en"));
  /* S-1002's family reads Vietnamese, which has no table: English. */
  g_assert_cmpstr (cl_document_family_language (student), ==, "en");
}

/* What the student page's Documents menu offers. */
static void
test_applies (void)
{
  const ClDate today = cl_date_from_ymd (2026, 11, 24);
  struct { const char *student; ClDocumentKind kind; gboolean applies; } cases[] = {
    { "S-1010", CL_DOCUMENT_EXCUSAL, TRUE },          /* m-2 has an excused teacher */
    { "S-1002", CL_DOCUMENT_EXCUSAL, FALSE },
    { "S-1027", CL_DOCUMENT_MDR, TRUE },              /* removals on file */
    { "S-1002", CL_DOCUMENT_MDR, FALSE },
    { "S-1026", CL_DOCUMENT_AGE_OF_MAJORITY, TRUE },  /* 16, notice due 2027-05-19 */
    { "S-1010", CL_DOCUMENT_AGE_OF_MAJORITY, FALSE }, /* 12: not yet */
    { "S-1027", CL_DOCUMENT_AGE_OF_MAJORITY, FALSE }, /* 15: 17 only in 2028 */
    { "S-1027", CL_DOCUMENT_TRANSITION, TRUE },       /* 16 on 2027-05-14 */
    { "S-1022", CL_DOCUMENT_AGE_OF_MAJORITY, FALSE }, /* conservator */
    { "S-1040", CL_DOCUMENT_RIGHTS_TRANSFER, TRUE },  /* turned 18 on 2026-09-12 */
    { "S-1026", CL_DOCUMENT_RIGHTS_TRANSFER, FALSE }, /* 18 in 2028 */
    { "S-1035", CL_DOCUMENT_TRANSITION, TRUE },
    { "S-1010", CL_DOCUMENT_TRANSITION, FALSE },      /* 16 in 2030 */
    { "S-1002", CL_DOCUMENT_PRIOR_WRITTEN_NOTICE, TRUE },
    { "S-1006", CL_DOCUMENT_PRIOR_WRITTEN_NOTICE, TRUE },  /* no IEP meeting: a refusal of the open referral */
    { "S-1001", CL_DOCUMENT_MEETING_NOTICE, FALSE },
    { "S-1002", CL_DOCUMENT_MEETING_NOTICE, TRUE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      ClStudent *student = cl_caseload_lookup_student (caseload, cases[i].student);
      g_autoptr(GPtrArray) obligations = obligations_of (student, today);

      if (cl_document_applies (cases[i].kind, student, obligations, today) != cases[i].applies)
        g_error ("%s %s: expected %s", cases[i].student, cl_document_kind_names[cases[i].kind],
                 cases[i].applies ? "offered" : "not offered");
    }
}

/* A refusal to assess is the prior written notice (rules.md: assessment_refused completes the
 * assessment plan): for a referral still open, with no IEP meeting to be about, the notice says
 * the district refuses the assessment the referral asked for, in English and Spanish. */
static void
test_pwn_refusal (void)
{
  guint pages = 0;
  g_autofree char *en = render_text (CL_DOCUMENT_PRIOR_WRITTEN_NOTICE, "S-1006", "en", NULL, &pages, NULL);
  g_autofree char *es = render_text (CL_DOCUMENT_PRIOR_WRITTEN_NOTICE, "S-1006", "es", NULL, &pages, NULL);

  g_assert_nonnull (strstr (en, "The referral for assessment received on November 16, 2026"));
  g_assert_nonnull (strstr (en, "The district refuses to assess"));
  g_assert_null (strstr (en, "IEP meeting held"));
  g_assert_nonnull (strstr (es, "La remisión para evaluación recibida el 16 de noviembre de 2026"));
  g_assert_nonnull (strstr (es, "El distrito se niega a evaluar"));
}

/* Everything the engine says in a Spanish document is Spanish, whatever the process locale (the
 * test runs in C): rule titles and sentences from the catalogue, what a count started from by
 * its label, never its id ("iep_meeting"). The Spanish expected is es.po's, read by hand. */
static void
test_engine_text_spanish (void)
{
  ClStudent *student = cl_caseload_lookup_student (caseload, "S-1004");
  g_autoptr(GPtrArray) obligations = obligations_of (student, cl_date_from_ymd (2026, 11, 24));
  g_autoptr(GRegex) spaces = g_regex_new ("\\s+", 0, 0, NULL);
  gboolean annual = FALSE;

  for (guint i = 0; i < obligations->len; i++)
    annual |= g_str_equal (((ClObligation *) g_ptr_array_index (obligations, i))->rule->title, "Annual IEP review");
  g_assert_true (annual);

  for (guint d = 0; d < 2; d++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GBytes) pdf = d == 0
        ? cl_document_render (CL_DOCUMENT_STUDENT_SUMMARY, caseload, student, NULL, obligations, "es",
                              cl_date_from_ymd (2026, 11, 24), NULL, &error)
        : cl_document_render_school_report (caseload, obligations, NULL, "es", cl_date_from_ymd (2026, 11, 24),
                                            NULL, &error);
      g_autofree char *text = NULL;
      g_autofree char *flat = NULL;
      guint pages;

      g_assert_no_error (error);
      text = read_back (pdf, &pages, NULL, FALSE);
      flat = g_regex_replace_literal (spaces, text, -1, 0, " ", 0, NULL);
      for (guint i = 0; i < CL_N_EVENT_TYPES; i++)
        if (strchr (cl_event_type_names[i], '_') != NULL)
          g_assert_null (strstr (flat, cl_event_type_names[i]));
      for (guint i = 0; i < obligations->len; i++)
        {
          const ClObligation *ob = g_ptr_array_index (obligations, i);

          if (d == 0 || ob->status == CL_STATUS_OVERDUE)
            g_assert_null (strstr (flat, ob->rule->title));
          if (d == 0)
            {
              /* How it was counted: neither the alerts contract's English nor the app's. */
              g_autofree char *contract = cl_obligation_dup_counted_contract (ob);
              g_autofree char *english = cl_obligation_dup_counted_text (ob, cl_words_for_locale ());

              g_assert_null (strstr (flat, ob->rule->sentence));
              g_assert_null (strstr (flat, contract));
              g_assert_null (strstr (flat, english));
            }
        }
      if (d == 0)
        {
          g_assert_nonnull (strstr (flat, "Revisión anual del IEP"));
          g_assert_nonnull (strstr (flat, "La reunión anual del IEP del "));
          g_assert_nonnull (strstr (flat, "Un año después"));
        }
    }
}

/* The English a Spanish document must not hold: the catalogue's msgids of the engine's words (rule
 * titles and sentences, event, meeting and role labels) wherever their Spanish differs. */
static GPtrArray *
english_engine_texts (ClCatalog *es)
{
  GPtrArray *texts = g_ptr_array_new ();
  g_auto(GStrv) ids = cl_rule_pack_set_list_ids (packs);

#define ADD_IF_TRANSLATED(msgid) \
  G_STMT_START { \
    const char *m_ = (msgid); \
    if (m_ != NULL && *m_ != '\0' && !g_str_equal (cl_catalog_lookup (es, m_), m_)) \
      g_ptr_array_add (texts, (gpointer) m_); \
  } G_STMT_END

  for (guint p = 0; ids[p] != NULL; p++)
    {
      GPtrArray *rules = cl_rule_pack_get_rules (cl_rule_pack_set_lookup (packs, ids[p], NULL));

      for (guint r = 0; r < rules->len; r++)
        {
          const ClRule *rule = g_ptr_array_index (rules, r);

          ADD_IF_TRANSLATED (rule->title);
          ADD_IF_TRANSLATED (rule->sentence);
        }
    }
  for (int i = 0; i < CL_N_EVENT_TYPES; i++)
    ADD_IF_TRANSLATED (cl_event_type_label (i));
  for (int i = 0; i < CL_N_MEETING_KINDS; i++)
    ADD_IF_TRANSLATED (cl_meeting_kind_phrase (i));
  for (int i = 0; i < CL_N_ROLES; i++)
    ADD_IF_TRANSLATED (cl_role_label (i));
#undef ADD_IF_TRANSLATED
  return texts;
}

#define KIND_NAME(kind) ((kind) < CL_N_DOCUMENT_KINDS ? cl_document_kind_names[kind] : "compliance-report")

/* Every document kind in Spanish, for a student it applies to: no English engine text, no id of
 * an event type, no alerts-contract English for an obligation (issue 19). */
static void
test_every_document_spanish (void)
{
  const ClDate today = cl_date_from_ymd (2026, 11, 24);
  /* NULL: the principal's report of every school, the ninth kind. */
  struct { const char *student; ClDocumentKind kind; } cases[] = {
    { "S-1002", CL_DOCUMENT_MEETING_NOTICE }, { "S-1021", CL_DOCUMENT_STUDENT_SUMMARY },
    { "S-1002", CL_DOCUMENT_PRIOR_WRITTEN_NOTICE }, { "S-1010", CL_DOCUMENT_EXCUSAL },
    { "S-1026", CL_DOCUMENT_AGE_OF_MAJORITY }, { "S-1040", CL_DOCUMENT_RIGHTS_TRANSFER },
    { "S-1027", CL_DOCUMENT_MDR }, { "S-1035", CL_DOCUMENT_TRANSITION },
    { NULL, CL_N_DOCUMENT_KINDS },
  };
  g_autoptr(ClCatalog) es = cl_catalog_open (GETTEXT_PACKAGE, "es");
  g_autoptr(GPtrArray) english = NULL;
  g_autoptr(GRegex) spaces = g_regex_new ("\\s+", 0, 0, NULL);
  gboolean kinds[CL_N_DOCUMENT_KINDS + 1] = { FALSE, };

  g_assert_nonnull (es);
  english = english_engine_texts (es);
  g_assert_cmpuint (english->len, >, 50);
  for (guint c = 0; c < G_N_ELEMENTS (cases); c++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GBytes) pdf = NULL;
      g_autoptr(GPtrArray) obligations = NULL;
      g_autofree char *text = NULL;
      g_autofree char *flat = NULL;
      guint pages;

      if (cases[c].student != NULL)
        {
          ClStudent *student = cl_caseload_lookup_student (caseload, cases[c].student);

          obligations = obligations_of (student, today);
          if (!cl_document_applies (cases[c].kind, student, obligations, today))
            g_error ("%s does not apply to %s", KIND_NAME (cases[c].kind), cases[c].student);
          pdf = cl_document_render (cases[c].kind, caseload, student, NULL, obligations, "es", today, NULL, &error);
        }
      else
        {
          g_autoptr(ClDeadlineEngine) engine = cl_deadline_engine_new (packs);

          obligations = cl_deadline_engine_compute (engine, caseload, today, &error);
          g_assert_no_error (error);
          pdf = cl_document_render_school_report (caseload, obligations, NULL, "es", today, NULL, &error);
        }
      g_assert_no_error (error);
      kinds[cases[c].kind] = TRUE;
      text = read_back (pdf, &pages, NULL, FALSE);
      flat = g_regex_replace_literal (spaces, text, -1, 0, " ", 0, NULL);
      for (guint i = 0; i < english->len; i++)
        if (strstr (flat, g_ptr_array_index (english, i)) != NULL)
          g_error ("%s in Spanish holds the English “%s”", KIND_NAME (cases[c].kind),
                   (const char *) g_ptr_array_index (english, i));
      for (guint i = 0; i < CL_N_EVENT_TYPES; i++)
        if (strchr (cl_event_type_names[i], '_') != NULL && strstr (flat, cl_event_type_names[i]) != NULL)
          g_error ("%s in Spanish holds the id %s", KIND_NAME (cases[c].kind), cl_event_type_names[i]);
      for (guint i = 0; cases[c].student != NULL && i < obligations->len; i++)
        {
          g_autofree char *contract = cl_obligation_dup_counted_contract (g_ptr_array_index (obligations, i));

          if (strstr (flat, contract) != NULL)
            g_error ("%s in Spanish holds the English “%s”", KIND_NAME (cases[c].kind), contract);
        }
    }
  for (guint k = 0; k <= CL_N_DOCUMENT_KINDS; k++)
    g_assert_true (kinds[k]);
}

int
main (int argc, char **argv)
{
  g_autofree char *path = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);
  bindtextdomain (GETTEXT_PACKAGE, cl_catalog_locale_dir ());
  path = g_test_build_filename (G_TEST_DIST, "..", "data", "demo", "demo-caseload.json", NULL);
  g_assert_true (g_file_get_contents (path, &contents, NULL, &error));
  caseload = cl_bundle_read_data (contents, -1, &error);
  g_assert_no_error (error);
  packs = cl_rule_pack_set_new_builtin (&error);
  g_assert_no_error (error);

  /* First: later tests add to the demo caseload (a notice sent, a removal). */
  g_test_add_func ("/documents/pwn-refusal", test_pwn_refusal);
  g_test_add_func ("/documents/every-document-spanish", test_every_document_spanish);
  g_test_add_func ("/documents/notice-english", test_notice_english);
  g_test_add_func ("/documents/notice-spanish", test_notice_spanish);
  g_test_add_func ("/documents/summary-long-history", test_summary_long_history);
  g_test_add_func ("/documents/no-meeting", test_no_meeting);
  g_test_add_func ("/documents/school-report", test_school_report);
  g_test_add_func ("/documents/prior-written-notice", test_prior_written_notice);
  g_test_add_func ("/documents/excusal", test_excusal);
  g_test_add_func ("/documents/age-of-majority", test_age_of_majority);
  g_test_add_func ("/documents/rights-transfer", test_rights_transfer);
  g_test_add_func ("/documents/manifestation-review", test_manifestation_review);
  g_test_add_func ("/documents/transition", test_transition);
  g_test_add_func ("/documents/unknown-language", test_unknown_language);
  g_test_add_func ("/documents/applies", test_applies);
  g_test_add_func ("/documents/engine-text-spanish", test_engine_text_spanish);
  status = g_test_run ();
  g_object_unref (packs);
  g_object_unref (caseload);
  return status;
}
