/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-documents.c — the letters and reports Caseload writes from a case file */
#define G_LOG_DOMAIN "cl-documents"

#include <glib/gi18n-lib.h>

#include <json-glib/json-glib.h>
#include <string.h>

#include "cl-compliance.h"
#include "cl-documents-private.h"
#include "cl-rule-ids.h"

G_DEFINE_QUARK (cl-document-error-quark, cl_document_error)

const char * const cl_document_kind_names[CL_N_DOCUMENT_KINDS] = {
  "meeting-notice", "student-summary", "prior-written-notice", "excusal", "age-of-majority",
  "rights-transfer", "mdr", "transition",
};

const char *
cl_document_family_language (const ClStudent *student)
{
  const char *lang = NULL;

  if (student->guardians->len > 0)
    lang = g_array_index (student->guardians, ClGuardian, 0).language;
  if (lang == NULL)
    lang = student->home_language;
  return lang && cl_document_has_language (lang) ? lang : "en";
}




static ClPdfLayout *
meeting_notice (ClStrings        *s,
                ClCaseload       *caseload,
                const ClStudent  *student,
                const ClMeeting  *m,
                ClDate            today)
{
  g_autofree char *name = cl_student_dup_display_name (student);
  const char *guardian = student->guardians->len > 0 ? g_array_index (student->guardians, ClGuardian, 0).name : NULL;
  g_autofree char *subject = _cl_fill (_cl_str (s, "notice.subject"), "student", name, NULL);
  g_autofree char *to = _cl_fill (_cl_str (s, "notice.to"), "student", name, NULL);
  g_autofree char *dear = _cl_fill (_cl_str (s, "notice.dear"), "guardian", guardian ? guardian : to, NULL);
  g_autofree char *purpose_key = g_strdup_printf ("purposes.%s", cl_meeting_kind_names[m->kind]);
  g_autofree char *intro = _cl_fill (_cl_str (s, "notice.intro"), "purpose", _cl_str (s, purpose_key), NULL);
  g_autofree char *date = _cl_date_text (s, m->date);
  g_autofree char *time = _cl_time_text (s, m->start_minutes);
  g_autofree char *today_text = _cl_date_text (s, today);
  g_autofree char *generated = _cl_fill (_cl_str (s, "generated"), "date", today_text, NULL);
  ClPdfLayout *doc = cl_pdf_layout_new (_cl_str (s, "notice.title"), subject, json_object_get_string_member (s->root, "language"));
  gboolean transition = cl_date_add_years (student->birth_date, 16) <= cl_date_add_years (m->date, 1);

  cl_pdf_layout_set_header (doc, student->school ? student->school->name : "", _cl_str (s, "notice.title"));
  cl_pdf_layout_set_footer (doc, _cl_str (s, "page"), generated);
  cl_pdf_layout_heading (doc, 1, _cl_str (s, "notice.title"));
  cl_pdf_layout_paragraph (doc, to);
  cl_pdf_layout_paragraph (doc, dear);
  cl_pdf_layout_paragraph (doc, intro);

  cl_pdf_layout_heading (doc, 2, _cl_str (s, "notice.when_heading"));
  cl_pdf_layout_field (doc, _cl_str (s, "notice.date"), date);
  cl_pdf_layout_field (doc, _cl_str (s, "notice.time"), time);
  cl_pdf_layout_field (doc, _cl_str (s, "notice.place"), m->location ? m->location : _cl_str (s, "notice.no_place"));

  _cl_student_fields (doc, s, student);

  cl_pdf_layout_heading (doc, 2, _cl_str (s, "notice.who_heading"));
  cl_pdf_layout_paragraph (doc, _cl_str (s, "notice.who_intro"));
  for (guint i = 0; i < m->invitees->len; i++)
    {
      const ClInvitee *inv = &g_array_index (m->invitees, ClInvitee, i);
      g_autofree char *role_key = g_strdup_printf ("roles.%s", cl_role_names[inv->role]);
      const ClStaff *staff = caseload && inv->staff_id ? cl_caseload_lookup_staff (caseload, inv->staff_id) : NULL;

      cl_pdf_layout_field (doc, _cl_str (s, role_key), inv->name ? inv->name : staff && staff->name ? staff->name : "");
    }

  cl_pdf_layout_heading (doc, 2, _cl_str (s, "notice.rights_heading"));
  cl_pdf_layout_paragraph (doc, _cl_str (s, "notice.bring_others"));
  if (m->interpreter != NULL && *m->interpreter)
    {
      g_autofree char *interp = _cl_fill (_cl_str (s, "notice.interpreter"), "language", _cl_language_name (s, m->interpreter), NULL);
      cl_pdf_layout_paragraph (doc, interp);
    }
  if (transition)
    cl_pdf_layout_paragraph (doc, _cl_str (s, "notice.transition"));

  cl_pdf_layout_heading (doc, 2, _cl_str (s, "notice.reschedule_heading"));
  cl_pdf_layout_paragraph (doc, _cl_str (s, "notice.reschedule"));
  if (student->case_manager && student->case_manager->name)
    {
      g_autofree char *contact = _cl_fill (_cl_str (s, "notice.contact"), "manager", student->case_manager->name, NULL);
      cl_pdf_layout_paragraph (doc, contact);
    }
  cl_pdf_layout_checkbox (doc, FALSE, _cl_str (s, "notice.sign_attend"));
  cl_pdf_layout_checkbox (doc, FALSE, _cl_str (s, "notice.sign_reschedule"));
  cl_pdf_layout_signature (doc, _cl_str (s, "notice.signature"));
  return doc;
}

static ClPdfLayout *
student_summary (ClStrings        *s,
                 const ClStudent  *student,
                 GPtrArray        *obligations,
                 ClDate            today)
{
  g_autofree char *name = cl_student_dup_display_name (student);
  g_autofree char *subject = _cl_fill (_cl_str (s, "summary.subject"), "student", name, NULL);
  g_autofree char *today_text = _cl_date_text (s, today);
  g_autofree char *as_of = _cl_fill (_cl_str (s, "summary.as_of"), "date", today_text, NULL);
  g_autofree char *generated = _cl_fill (_cl_str (s, "generated"), "date", today_text, NULL);
  ClPdfLayout *doc = cl_pdf_layout_new (_cl_str (s, "summary.title"), subject, json_object_get_string_member (s->root, "language"));
  const double widths[] = { 0.22, 0.13, 0.11, 0.34, 0.20 };
  const char *header[] = {
    _cl_str (s, "summary.rule"), _cl_str (s, "summary.due"), _cl_str (s, "summary.status"),
    _cl_str (s, "summary.basis"), _cl_str (s, "summary.citation"),
  };

  cl_pdf_layout_set_header (doc, name, _cl_str (s, "summary.title"));
  cl_pdf_layout_set_footer (doc, _cl_str (s, "page"), generated);
  cl_pdf_layout_heading (doc, 1, _cl_str (s, "summary.title"));
  cl_pdf_layout_paragraph (doc, as_of);
  _cl_student_fields (doc, s, student);
  cl_pdf_layout_heading (doc, 2, _cl_str (s, "summary.obligations"));
  cl_pdf_layout_table (doc, G_N_ELEMENTS (widths), widths, header);
  for (guint i = 0; obligations && i < obligations->len; i++)
    {
      const ClObligation *ob = g_ptr_array_index (obligations, i);
      g_autofree char *due = _cl_date_text (s, ob->due);
      g_autofree char *status_key = g_strdup_printf ("summary.statuses.%s", cl_status_names[ob->status]);
      g_autofree char *status = ob->estimated ? g_strdup_printf ("%s %s", _cl_str (s, status_key), _cl_str (s, "summary.estimated"))
                                              : g_strdup (_cl_str (s, status_key));
      g_autofree char *from = _cl_from_text (s, ob);
      g_autofree char *counted = _cl_document_counted_text (s, ob);
      g_autofree char *basis = g_strdup_printf ("%s — %s: %s", _cl_engine_text (s, ob->rule->sentence),
                                                from, counted);
      const char *cells[] = { _cl_engine_text (s, ob->rule->title), due, status, basis, ob->citation, NULL };

      cl_pdf_layout_table_row (doc, cells);
    }
  return doc;
}

static gboolean
load_strings (ClStrings   *s,
              const char  *lang,
              GError     **error)
{
  g_autofree char *languages = NULL;

  if (_cl_strings_load (s, lang))
    return TRUE;
  languages = cl_document_dup_languages ();
  g_set_error (error, CL_DOCUMENT_ERROR, CL_DOCUMENT_ERROR_UNKNOWN_LANGUAGE,
               _("There is no document wording for the language “%s” (there is: %s)"), lang, languages);
  return FALSE;
}

static gboolean
has_removal (const ClStudent *student)
{
  for (guint i = 0; i < student->events->len; i++)
    if (g_array_index (student->events, ClEvent, i).type == CL_EVENT_REMOVAL)
      return TRUE;
  return FALSE;
}

static gboolean
has_iep_meeting (const ClStudent *student)
{
  for (guint i = 0; i < student->events->len; i++)
    if (g_array_index (student->events, ClEvent, i).type == CL_EVENT_IEP_MEETING)
      return TRUE;
  return student->meetings->len > 0;
}

/* Open, or past its warning window: what the engine says is due now or was. */
static gboolean
timely (const ClObligation *ob)
{
  return ob != NULL && ob->status != CL_STATUS_UPCOMING;
}

gboolean
cl_document_applies (ClDocumentKind    kind,
                     const ClStudent  *student,
                     GPtrArray        *obligations,
                     ClDate            today)
{
  /* The team considers transition for an IEP in effect at 16 (as the meeting notice says): from
   * a year before the 16th birthday. */
  gboolean near_16 = cl_date_add_years (student->birth_date, 16) <= cl_date_add_years (today, 1);
  /* The notice goes in the IEP in effect at 17: from a year before the 17th birthday. */
  gboolean near_17 = cl_date_add_years (student->birth_date, 17) <= cl_date_add_years (today, 1);
  gboolean under_18 = cl_date_add_years (student->birth_date, 18) > today;

  switch (kind)
    {
    case CL_DOCUMENT_MEETING_NOTICE:
      return _cl_next_meeting (student, today) != NULL;
    case CL_DOCUMENT_STUDENT_SUMMARY:
      return TRUE;
    case CL_DOCUMENT_PRIOR_WRITTEN_NOTICE:
      return has_iep_meeting (student) || _cl_prior_written_notice_refuses (student, obligations, today);
    case CL_DOCUMENT_EXCUSAL:
      return _cl_excusal_meeting (student, NULL, today) != NULL;
    case CL_DOCUMENT_AGE_OF_MAJORITY:
      return near_17 && under_18 && _cl_find_obligation (obligations, CL_RULE_AGE_OF_MAJORITY_NOTICE_DUE) != NULL;
    case CL_DOCUMENT_RIGHTS_TRANSFER:
      return timely (_cl_find_obligation (obligations, CL_RULE_RIGHTS_TRANSFER_NOTICE_DUE));
    case CL_DOCUMENT_MDR:
      return has_removal (student);
    case CL_DOCUMENT_TRANSITION:
      return near_16 && _cl_find_obligation (obligations, CL_RULE_TRANSITION_PLAN_DUE) != NULL;
    case CL_N_DOCUMENT_KINDS:
    default:
      return FALSE;
    }
}

GBytes *
cl_document_render (ClDocumentKind    kind,
                    ClCaseload       *caseload,
                    const ClStudent  *student,
                    const ClMeeting  *meeting,
                    GPtrArray        *obligations,
                    const char       *lang,
                    ClDate            today,
                    guint            *out_pages,
                    GError          **error)
{
  g_auto(ClStrings) strings = { NULL, NULL };
  ClStrings *s = &strings;
  g_autoptr(ClPdfLayout) doc = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  if (lang == NULL)
    lang = cl_document_family_language (student);
  if (!load_strings (s, lang, error))
    return NULL;

  switch (kind)
    {
    case CL_DOCUMENT_MEETING_NOTICE:
      if (meeting == NULL)
        meeting = _cl_next_meeting (student, today);
      if (meeting == NULL)
        {
          g_set_error (error, CL_DOCUMENT_ERROR, CL_DOCUMENT_ERROR_NO_MEETING,
                       _("%s has no planned meeting to send a notice for"), student->id);
          return NULL;
        }
      doc = meeting_notice (s, caseload, student, meeting, today);
      break;
    case CL_DOCUMENT_STUDENT_SUMMARY:
      doc = student_summary (s, student, obligations, today);
      break;
    case CL_DOCUMENT_PRIOR_WRITTEN_NOTICE:
      doc = _cl_prior_written_notice (s, caseload, student, meeting, obligations, today, error);
      break;
    case CL_DOCUMENT_EXCUSAL:
      doc = _cl_excusal_agreement (s, caseload, student, meeting, obligations, today, error);
      break;
    case CL_DOCUMENT_AGE_OF_MAJORITY:
      doc = _cl_age_of_majority (s, caseload, student, obligations, today, error);
      break;
    case CL_DOCUMENT_RIGHTS_TRANSFER:
      doc = _cl_rights_transfer (s, caseload, student, obligations, today, error);
      break;
    case CL_DOCUMENT_MDR:
      doc = _cl_manifestation_review (s, caseload, student, meeting, obligations, today, error);
      break;
    case CL_DOCUMENT_TRANSITION:
      doc = _cl_transition_summary (s, caseload, student, obligations, today, error);
      break;
    case CL_N_DOCUMENT_KINDS:
    default:
      g_set_error (error, CL_DOCUMENT_ERROR, CL_DOCUMENT_ERROR_FAILED, _("Unknown document"));
      return NULL;
    }
  if (doc == NULL)
    return NULL;
  return cl_pdf_layout_render_pdf (doc, now, out_pages, error);
}

static char *
report_line (ClStrings               *s,
             const ClComplianceTally *t)
{
  g_autofree char *students = g_strdup_printf ("%u", t->students);
  g_autofree char *overdue = g_strdup_printf ("%u", t->overdue);
  g_autofree char *due30 = g_strdup_printf ("%u", t->due_30);
  g_autofree char *percent = g_strdup_printf ("%d", cl_compliance_on_time_percent (t));
  g_autofree char *rate = cl_compliance_on_time_percent (t) >= 0
                            ? _cl_fill (_cl_str (s, "school_report.rate"), "percent", percent, NULL)
                            : g_strdup (_cl_str (s, "school_report.no_rate"));

  return _cl_fill (_cl_str (s, "school_report.summary"), "students", students, "overdue", overdue,
               "due30", due30, "rate", rate, NULL);
}

static void
tally_row (ClPdfLayout             *doc,
           const ClComplianceTally *t)
{
  g_autofree char *students = g_strdup_printf ("%u", t->students);
  g_autofree char *over = g_strdup_printf ("%u", t->overdue);
  g_autofree char *due30 = g_strdup_printf ("%u", t->due_30);
  int percent = cl_compliance_on_time_percent (t);
  g_autofree char *rate = percent >= 0 ? g_strdup_printf ("%d %%", percent) : g_strdup ("—");
  const char *cells[] = { t->name, students, over, due30, rate, NULL };

  cl_pdf_layout_table_row (doc, cells);
}

static int
compare_oldest_due (gconstpointer a,
                    gconstpointer b)
{
  const ClObligation *oa = *(const ClObligation * const *) a;
  const ClObligation *ob = *(const ClObligation * const *) b;

  if (oa->due != ob->due)
    return oa->due < ob->due ? -1 : 1;
  return g_strcmp0 (oa->student->id, ob->student->id);
}

/* What a principal asks first: what is overdue, whose, since when — oldest first. */
static void
overdue_table (ClPdfLayout *doc,
               ClStrings  *s,
               GPtrArray  *obligations,
               const char *school_id,
               ClDate      today)
{
  g_autoptr(GPtrArray) overdue = g_ptr_array_new ();
  const double widths[] = { 0.24, 0.30, 0.16, 0.10, 0.20 };
  const char *header[] = {
    _cl_str (s, "school_report.student"), _cl_str (s, "school_report.obligation"), _cl_str (s, "school_report.due"),
    _cl_str (s, "school_report.days_overdue"), _cl_str (s, "school_report.manager"),
  };

  for (guint i = 0; obligations && i < obligations->len; i++)
    {
      ClObligation *ob = g_ptr_array_index (obligations, i);

      if (ob->status == CL_STATUS_OVERDUE &&
          (school_id == NULL || (ob->student->school && g_strcmp0 (ob->student->school->id, school_id) == 0)))
        g_ptr_array_add (overdue, ob);
    }
  cl_pdf_layout_heading (doc, 2, _cl_str (s, "school_report.overdue_heading"));
  if (overdue->len == 0)
    {
      cl_pdf_layout_paragraph (doc, _cl_str (s, "school_report.none_overdue"));
      return;
    }
  g_ptr_array_sort (overdue, compare_oldest_due);
  cl_pdf_layout_table (doc, G_N_ELEMENTS (widths), widths, header);
  for (guint i = 0; i < overdue->len; i++)
    {
      const ClObligation *ob = g_ptr_array_index (overdue, i);
      g_autofree char *name = cl_student_dup_display_name (ob->student);
      g_autofree char *due = _cl_date_text (s, ob->due);
      g_autofree char *days = g_strdup_printf ("%u", today - ob->due);
      const ClStaff *manager = ob->student->case_manager;
      const char *cells[] = {
        name, _cl_engine_text (s, ob->rule->title), due, days,
        manager && manager->name ? manager->name : "—", NULL
      };

      cl_pdf_layout_table_row (doc, cells);
    }
}

GBytes *
cl_document_render_school_report (ClCaseload  *caseload,
                                  GPtrArray   *obligations,
                                  const char  *school_id,
                                  const char  *lang,
                                  ClDate       today,
                                  guint       *out_pages,
                                  GError     **error)
{
  g_auto(ClStrings) strings = { NULL, NULL };
  ClStrings *s = &strings;
  g_autoptr(ClComplianceReport) report = cl_compliance_report_new (caseload, obligations, today, school_id);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  ClSchool *school = school_id ? cl_caseload_lookup_school (caseload, school_id) : NULL;
  g_autoptr(ClPdfLayout) doc = NULL;
  g_autofree char *school_name = NULL;
  g_autofree char *subject = NULL;
  g_autofree char *today_text = NULL;
  g_autofree char *as_of = NULL;
  g_autofree char *generated = NULL;
  g_autofree char *summary = NULL;
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();
  g_autoptr(GArray) overdue = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GArray) soon = g_array_new (FALSE, FALSE, sizeof (guint));
  const double widths[] = { 0.34, 0.14, 0.14, 0.18, 0.20 };
  const char *header[5];

  if (school_id != NULL && school == NULL)
    {
      g_set_error (error, CL_DOCUMENT_ERROR, CL_DOCUMENT_ERROR_FAILED, _("There is no school “%s”"), school_id);
      return NULL;
    }
  if (!load_strings (s, lang ? lang : "en", error))
    return NULL;

  school_name = g_strdup (school ? (school->name ? school->name : school->id) : _cl_str (s, "school_report.all_schools"));
  subject = _cl_fill (_cl_str (s, "school_report.subject"), "school", school_name, NULL);
  today_text = _cl_date_text (s, today);
  as_of = _cl_fill (_cl_str (s, "school_report.as_of"), "date", today_text, NULL);
  generated = _cl_fill (_cl_str (s, "generated"), "date", today_text, NULL);
  summary = report_line (s, &report->total);

  doc = cl_pdf_layout_new (_cl_str (s, "school_report.title"), subject, json_object_get_string_member (s->root, "language"));
  cl_pdf_layout_set_header (doc, school_name, _cl_str (s, "school_report.title"));
  cl_pdf_layout_set_footer (doc, _cl_str (s, "page"), generated);
  cl_pdf_layout_heading (doc, 1, _cl_str (s, "school_report.title"));
  cl_pdf_layout_paragraph (doc, school_name);
  cl_pdf_layout_paragraph (doc, as_of);
  cl_pdf_layout_paragraph (doc, summary);

  for (guint i = 0; i < report->managers->len; i++)
    {
      const ClComplianceTally *t = g_ptr_array_index (report->managers, i);
      g_ptr_array_add (labels, t->name);
      g_array_append_val (overdue, t->overdue);
      g_array_append_val (soon, t->due_30);
    }
  cl_pdf_layout_heading (doc, 2, _cl_str (s, "school_report.chart_heading"));
  cl_pdf_layout_bar_chart (doc, labels->len, (const char * const *) labels->pdata, (const guint *) (gpointer) overdue->data,
                           (const guint *) (gpointer) soon->data, _cl_str (s, "school_report.overdue"), _cl_str (s, "school_report.due30"));

  cl_pdf_layout_heading (doc, 2, _cl_str (s, "school_report.table_heading"));
  header[0] = _cl_str (s, "school_report.manager");
  header[1] = _cl_str (s, "school_report.students");
  header[2] = _cl_str (s, "school_report.overdue");
  header[3] = _cl_str (s, "school_report.due30");
  header[4] = _cl_str (s, "school_report.on_time");
  cl_pdf_layout_table (doc, G_N_ELEMENTS (widths), widths, header);
  for (guint i = 0; i < report->managers->len; i++)
    tally_row (doc, g_ptr_array_index (report->managers, i));
  if (school_id == NULL && report->schools->len > 1)
    {
      header[0] = _cl_str (s, "school_report.school");
      cl_pdf_layout_heading (doc, 2, _cl_str (s, "school_report.schools_heading"));
      cl_pdf_layout_table (doc, G_N_ELEMENTS (widths), widths, header);
      for (guint i = 0; i < report->schools->len; i++)
        tally_row (doc, g_ptr_array_index (report->schools, i));
    }
  overdue_table (doc, s, obligations, school_id, today);
  return cl_pdf_layout_render_pdf (doc, now, out_pages, error);
}
