/* cl-documents.c — the letters and reports Caseload writes from a case file */
#define G_LOG_DOMAIN "cl-documents"

#include <json-glib/json-glib.h>
#include <string.h>

#include "cl-compliance.h"
#include "cl-doc.h"
#include "cl-documents.h"
#include "cl-documents-resources.h"

G_DEFINE_QUARK (cl-document-error-quark, cl_document_error)

const char * const cl_document_kind_names[CL_N_DOCUMENT_KINDS] = {
  "meeting-notice", "student-summary",
};

#define STRINGS_PATH "/io/github/caseload/Caseload/documents/%s.json"

/* The string table of one language. */
typedef struct {
  JsonParser *parser;
  JsonObject *root;
} Strings;

static void
strings_clear (Strings *s)
{
  g_clear_object (&s->parser);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Strings, strings_clear)

static gboolean
strings_load (Strings    *s,
              const char *lang)
{
  g_autofree char *path = g_strdup_printf (STRINGS_PATH, lang);
  g_autoptr(GBytes) bytes = g_resource_lookup_data (cl_documents_get_resource (), path, 0, NULL);
  gsize size;
  const char *data;

  if (bytes == NULL)
    return FALSE;
  data = g_bytes_get_data (bytes, &size);
  s->parser = json_parser_new ();
  if (!json_parser_load_from_data (s->parser, data, size, NULL) ||
      !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (s->parser)))
    {
      g_clear_object (&s->parser);
      return FALSE;
    }
  s->root = json_node_get_object (json_parser_get_root (s->parser));
  return TRUE;
}

/* "notice.title" -> the string; a missing key shows itself, so a gap in a table is visible. */
static const char *
str (Strings    *s,
     const char *key)
{
  g_auto(GStrv) parts = g_strsplit (key, ".", -1);
  JsonObject *o = s->root;

  for (guint i = 0; parts[i]; i++)
    {
      JsonNode *node = json_object_get_member (o, parts[i]);

      if (node == NULL)
        return key;
      if (parts[i + 1] == NULL)
        return JSON_NODE_HOLDS_VALUE (node) ? json_node_get_string (node) : key;
      if (!JSON_NODE_HOLDS_OBJECT (node))
        return key;
      o = json_node_get_object (node);
    }
  return key;
}

/* Replaces {name} with values; pairs of name, value, NULL-terminated. */
G_GNUC_NULL_TERMINATED
static char *
fill (const char *pattern,
      ...)
{
  g_autoptr(GString) out = g_string_new (pattern);
  const char *name;
  va_list ap;

  va_start (ap, pattern);
  while ((name = va_arg (ap, const char *)) != NULL)
    {
      const char *value = va_arg (ap, const char *);
      g_autofree char *token = g_strdup_printf ("{%s}", name);
      g_string_replace (out, token, value ? value : "", 0);
    }
  va_end (ap);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static char *
format_date (Strings *s,
             ClDate   date)
{
  JsonArray *months = json_object_get_array_member (s->root, "months");
  g_autofree char *day = NULL;
  g_autofree char *year = NULL;
  int y, m, d;

  if (date == CL_DATE_NONE)
    return g_strdup ("—");
  cl_date_to_ymd (date, &y, &m, &d);
  day = g_strdup_printf ("%d", d);
  year = g_strdup_printf ("%d", y);
  return fill (str (s, "date"), "day", day, "month", json_array_get_string_element (months, m - 1),
               "year", year, NULL);
}

static char *
format_time (Strings *s,
             int      minutes)
{
  g_autofree char *h12 = NULL, *h24 = NULL, *mm = NULL;
  int h = minutes / 60;

  if (minutes < 0)
    return g_strdup ("—");
  h12 = g_strdup_printf ("%d", h % 12 == 0 ? 12 : h % 12);
  h24 = g_strdup_printf ("%d", h);
  mm = g_strdup_printf ("%02d", minutes % 60);
  return fill (str (s, "time"), "hour12", h12, "hour24", h24, "minute", mm,
               "ampm", str (s, h < 12 ? "am" : "pm"), NULL);
}

const char *
cl_document_family_language (const ClStudent *student)
{
  static const char * const available[] = { "en", "es" };
  const char *lang = NULL;

  if (student->guardians->len > 0)
    lang = g_array_index (student->guardians, ClGuardian, 0).language;
  if (lang == NULL)
    lang = student->home_language;
  for (guint i = 0; lang && i < G_N_ELEMENTS (available); i++)
    if (g_str_equal (lang, available[i]))
      return available[i];
  return "en";
}

/* The name of a language, in the document's language; the code itself when the table lacks it. */
static const char *
language_name (Strings    *s,
               const char *code)
{
  g_autofree char *key = g_strdup_printf ("languages.%s", code);
  const char *name = str (s, key);

  return name == key ? code : name;
}

static const ClMeeting *
next_meeting (const ClStudent *student,
              ClDate           today)
{
  const ClMeeting *best = NULL;

  for (guint i = 0; i < student->meetings->len; i++)
    {
      const ClMeeting *m = g_ptr_array_index (student->meetings, i);
      if (m->date >= today && (best == NULL || m->date < best->date))
        best = m;
    }
  return best;
}

static void
student_fields (ClDoc           *doc,
                Strings         *s,
                const ClStudent *student)
{
  g_autofree char *name = cl_student_dup_display_name (student);
  g_autofree char *birth = format_date (s, student->birth_date);

  cl_doc_heading (doc, 2, str (s, "notice.student_heading"));
  cl_doc_field (doc, str (s, "notice.name"), name);
  cl_doc_field (doc, str (s, "notice.birth"), birth);
  cl_doc_field (doc, str (s, "notice.school"), student->school ? student->school->name : "");
  cl_doc_field (doc, str (s, "notice.grade"), student->grade);
}

static ClDoc *
meeting_notice (Strings          *s,
                ClCaseload       *caseload,
                const ClStudent  *student,
                const ClMeeting  *m,
                ClDate            today)
{
  g_autofree char *name = cl_student_dup_display_name (student);
  const char *guardian = student->guardians->len > 0 ? g_array_index (student->guardians, ClGuardian, 0).name : NULL;
  g_autofree char *subject = fill (str (s, "notice.subject"), "student", name, NULL);
  g_autofree char *to = fill (str (s, "notice.to"), "student", name, NULL);
  g_autofree char *dear = fill (str (s, "notice.dear"), "guardian", guardian ? guardian : to, NULL);
  g_autofree char *purpose_key = g_strdup_printf ("purposes.%s", cl_meeting_kind_names[m->kind]);
  g_autofree char *intro = fill (str (s, "notice.intro"), "purpose", str (s, purpose_key), NULL);
  g_autofree char *date = format_date (s, m->date);
  g_autofree char *time = format_time (s, m->start_minutes);
  g_autofree char *today_text = format_date (s, today);
  g_autofree char *generated = fill (str (s, "generated"), "date", today_text, NULL);
  ClDoc *doc = cl_doc_new (str (s, "notice.title"), subject, json_object_get_string_member (s->root, "language"));
  gboolean transition = cl_date_add_years (student->birth_date, 16) <= cl_date_add_years (m->date, 1);

  cl_doc_set_header (doc, student->school ? student->school->name : "", str (s, "notice.title"));
  cl_doc_set_footer (doc, str (s, "page"), generated);
  cl_doc_heading (doc, 1, str (s, "notice.title"));
  cl_doc_paragraph (doc, to);
  cl_doc_paragraph (doc, dear);
  cl_doc_paragraph (doc, intro);

  cl_doc_heading (doc, 2, str (s, "notice.when_heading"));
  cl_doc_field (doc, str (s, "notice.date"), date);
  cl_doc_field (doc, str (s, "notice.time"), time);
  cl_doc_field (doc, str (s, "notice.place"), m->location ? m->location : str (s, "notice.no_place"));

  student_fields (doc, s, student);

  cl_doc_heading (doc, 2, str (s, "notice.who_heading"));
  cl_doc_paragraph (doc, str (s, "notice.who_intro"));
  for (guint i = 0; i < m->invitees->len; i++)
    {
      const ClInvitee *inv = &g_array_index (m->invitees, ClInvitee, i);
      g_autofree char *role_key = g_strdup_printf ("roles.%s", cl_role_names[inv->role]);
      const ClStaff *staff = caseload && inv->staff_id ? cl_caseload_lookup_staff (caseload, inv->staff_id) : NULL;

      cl_doc_field (doc, str (s, role_key), inv->name ? inv->name : staff && staff->name ? staff->name : "");
    }

  cl_doc_heading (doc, 2, str (s, "notice.rights_heading"));
  cl_doc_paragraph (doc, str (s, "notice.bring_others"));
  if (m->interpreter != NULL && *m->interpreter)
    {
      g_autofree char *interp = fill (str (s, "notice.interpreter"), "language", language_name (s, m->interpreter), NULL);
      cl_doc_paragraph (doc, interp);
    }
  if (transition)
    cl_doc_paragraph (doc, str (s, "notice.transition"));

  cl_doc_heading (doc, 2, str (s, "notice.reschedule_heading"));
  cl_doc_paragraph (doc, str (s, "notice.reschedule"));
  if (student->case_manager && student->case_manager->name)
    {
      g_autofree char *contact = fill (str (s, "notice.contact"), "manager", student->case_manager->name, NULL);
      cl_doc_paragraph (doc, contact);
    }
  cl_doc_checkbox (doc, FALSE, str (s, "notice.sign_attend"));
  cl_doc_checkbox (doc, FALSE, str (s, "notice.sign_reschedule"));
  cl_doc_signature (doc, str (s, "notice.signature"));
  return doc;
}

static ClDoc *
student_summary (Strings          *s,
                 const ClStudent  *student,
                 GPtrArray        *obligations,
                 ClDate            today)
{
  g_autofree char *name = cl_student_dup_display_name (student);
  g_autofree char *subject = fill (str (s, "summary.subject"), "student", name, NULL);
  g_autofree char *today_text = format_date (s, today);
  g_autofree char *as_of = fill (str (s, "summary.as_of"), "date", today_text, NULL);
  g_autofree char *generated = fill (str (s, "generated"), "date", today_text, NULL);
  ClDoc *doc = cl_doc_new (str (s, "summary.title"), subject, json_object_get_string_member (s->root, "language"));
  const double widths[] = { 0.22, 0.13, 0.11, 0.34, 0.20 };
  const char *header[] = {
    str (s, "summary.rule"), str (s, "summary.due"), str (s, "summary.status"),
    str (s, "summary.basis"), str (s, "summary.citation"),
  };

  cl_doc_set_header (doc, name, str (s, "summary.title"));
  cl_doc_set_footer (doc, str (s, "page"), generated);
  cl_doc_heading (doc, 1, str (s, "summary.title"));
  cl_doc_paragraph (doc, as_of);
  student_fields (doc, s, student);
  cl_doc_heading (doc, 2, str (s, "summary.obligations"));
  cl_doc_table (doc, G_N_ELEMENTS (widths), widths, header);
  for (guint i = 0; obligations && i < obligations->len; i++)
    {
      const ClObligation *ob = g_ptr_array_index (obligations, i);
      g_autofree char *due = format_date (s, ob->due);
      g_autofree char *status_key = g_strdup_printf ("summary.statuses.%s", cl_status_names[ob->status]);
      g_autofree char *status = ob->estimated ? g_strdup_printf ("%s %s", str (s, status_key), str (s, "summary.estimated"))
                                              : g_strdup (str (s, status_key));
      g_autofree char *from = format_date (s, ob->from);
      g_autofree char *basis = g_strdup_printf ("%s — %s %s: %s", g_dgettext ("caseload", ob->rule->sentence),
                                                ob->from_event, from, ob->counted);
      const char *cells[] = { g_dgettext ("caseload", ob->rule->title), due, status, basis, ob->citation, NULL };

      cl_doc_table_row (doc, cells);
    }
  return doc;
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
  g_auto(Strings) strings = { NULL, NULL };
  g_autoptr(ClDoc) doc = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  if (lang == NULL)
    lang = cl_document_family_language (student);
  if (!strings_load (&strings, lang) && !strings_load (&strings, "en"))
    {
      g_set_error (error, CL_DOCUMENT_ERROR, CL_DOCUMENT_ERROR_FAILED, "The document wording is missing");
      return NULL;
    }

  switch (kind)
    {
    case CL_DOCUMENT_MEETING_NOTICE:
      if (meeting == NULL)
        meeting = next_meeting (student, today);
      if (meeting == NULL)
        {
          g_set_error (error, CL_DOCUMENT_ERROR, CL_DOCUMENT_ERROR_NO_MEETING,
                       "%s has no planned meeting to send a notice for", student->id);
          return NULL;
        }
      doc = meeting_notice (&strings, caseload, student, meeting, today);
      break;
    case CL_DOCUMENT_STUDENT_SUMMARY:
      doc = student_summary (&strings, student, obligations, today);
      break;
    case CL_N_DOCUMENT_KINDS:
    default:
      g_set_error (error, CL_DOCUMENT_ERROR, CL_DOCUMENT_ERROR_FAILED, "Unknown document");
      return NULL;
    }
  return cl_doc_render_pdf (doc, now, out_pages, error);
}

static char *
report_line (Strings                 *s,
             const ClComplianceTally *t)
{
  g_autofree char *students = g_strdup_printf ("%u", t->students);
  g_autofree char *overdue = g_strdup_printf ("%u", t->overdue);
  g_autofree char *due30 = g_strdup_printf ("%u", t->due_30);
  g_autofree char *percent = g_strdup_printf ("%d", cl_compliance_on_time_percent (t));
  g_autofree char *rate = cl_compliance_on_time_percent (t) >= 0
                            ? fill (str (s, "school_report.rate"), "percent", percent, NULL)
                            : g_strdup (str (s, "school_report.no_rate"));

  return fill (str (s, "school_report.summary"), "students", students, "overdue", overdue,
               "due30", due30, "rate", rate, NULL);
}

static void
tally_row (ClDoc                   *doc,
           const ClComplianceTally *t)
{
  g_autofree char *students = g_strdup_printf ("%u", t->students);
  g_autofree char *over = g_strdup_printf ("%u", t->overdue);
  g_autofree char *due30 = g_strdup_printf ("%u", t->due_30);
  int percent = cl_compliance_on_time_percent (t);
  g_autofree char *rate = percent >= 0 ? g_strdup_printf ("%d %%", percent) : g_strdup ("—");
  const char *cells[] = { t->name, students, over, due30, rate, NULL };

  cl_doc_table_row (doc, cells);
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
overdue_table (ClDoc      *doc,
               Strings    *s,
               GPtrArray  *obligations,
               const char *school_id,
               ClDate      today)
{
  g_autoptr(GPtrArray) overdue = g_ptr_array_new ();
  const double widths[] = { 0.24, 0.30, 0.16, 0.10, 0.20 };
  const char *header[] = {
    str (s, "school_report.student"), str (s, "school_report.obligation"), str (s, "school_report.due"),
    str (s, "school_report.days_overdue"), str (s, "school_report.manager"),
  };

  for (guint i = 0; obligations && i < obligations->len; i++)
    {
      ClObligation *ob = g_ptr_array_index (obligations, i);

      if (ob->status == CL_STATUS_OVERDUE &&
          (school_id == NULL || (ob->student->school && g_strcmp0 (ob->student->school->id, school_id) == 0)))
        g_ptr_array_add (overdue, ob);
    }
  cl_doc_heading (doc, 2, str (s, "school_report.overdue_heading"));
  if (overdue->len == 0)
    {
      cl_doc_paragraph (doc, str (s, "school_report.none_overdue"));
      return;
    }
  g_ptr_array_sort (overdue, compare_oldest_due);
  cl_doc_table (doc, G_N_ELEMENTS (widths), widths, header);
  for (guint i = 0; i < overdue->len; i++)
    {
      const ClObligation *ob = g_ptr_array_index (overdue, i);
      g_autofree char *name = cl_student_dup_display_name (ob->student);
      g_autofree char *due = format_date (s, ob->due);
      g_autofree char *days = g_strdup_printf ("%u", today - ob->due);
      const ClStaff *manager = ob->student->case_manager;
      const char *cells[] = {
        name, g_dgettext ("caseload", ob->rule->title), due, days,
        manager && manager->name ? manager->name : "—", NULL
      };

      cl_doc_table_row (doc, cells);
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
  g_auto(Strings) strings = { NULL, NULL };
  Strings *s = &strings;
  g_autoptr(ClComplianceReport) report = cl_compliance_report_new (caseload, obligations, today, school_id);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  ClSchool *school = school_id ? cl_caseload_lookup_school (caseload, school_id) : NULL;
  g_autoptr(ClDoc) doc = NULL;
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
      g_set_error (error, CL_DOCUMENT_ERROR, CL_DOCUMENT_ERROR_FAILED, "There is no school “%s”", school_id);
      return NULL;
    }
  if (!strings_load (s, lang ? lang : "en") && !strings_load (s, "en"))
    {
      g_set_error (error, CL_DOCUMENT_ERROR, CL_DOCUMENT_ERROR_FAILED, "The document wording is missing");
      return NULL;
    }

  school_name = g_strdup (school ? (school->name ? school->name : school->id) : str (s, "school_report.all_schools"));
  subject = fill (str (s, "school_report.subject"), "school", school_name, NULL);
  today_text = format_date (s, today);
  as_of = fill (str (s, "school_report.as_of"), "date", today_text, NULL);
  generated = fill (str (s, "generated"), "date", today_text, NULL);
  summary = report_line (s, &report->total);

  doc = cl_doc_new (str (s, "school_report.title"), subject, json_object_get_string_member (s->root, "language"));
  cl_doc_set_header (doc, school_name, str (s, "school_report.title"));
  cl_doc_set_footer (doc, str (s, "page"), generated);
  cl_doc_heading (doc, 1, str (s, "school_report.title"));
  cl_doc_paragraph (doc, school_name);
  cl_doc_paragraph (doc, as_of);
  cl_doc_paragraph (doc, summary);

  for (guint i = 0; i < report->managers->len; i++)
    {
      const ClComplianceTally *t = g_ptr_array_index (report->managers, i);
      g_ptr_array_add (labels, t->name);
      g_array_append_val (overdue, t->overdue);
      g_array_append_val (soon, t->due_30);
    }
  cl_doc_heading (doc, 2, str (s, "school_report.chart_heading"));
  cl_doc_bar_chart (doc, labels->len, (const char * const *) labels->pdata, (const guint *) (gpointer) overdue->data,
                    (const guint *) (gpointer) soon->data, str (s, "school_report.overdue"), str (s, "school_report.due30"));

  cl_doc_heading (doc, 2, str (s, "school_report.table_heading"));
  header[0] = str (s, "school_report.manager");
  header[1] = str (s, "school_report.students");
  header[2] = str (s, "school_report.overdue");
  header[3] = str (s, "school_report.due30");
  header[4] = str (s, "school_report.on_time");
  cl_doc_table (doc, G_N_ELEMENTS (widths), widths, header);
  for (guint i = 0; i < report->managers->len; i++)
    tally_row (doc, g_ptr_array_index (report->managers, i));
  if (school_id == NULL && report->schools->len > 1)
    {
      header[0] = str (s, "school_report.school");
      cl_doc_heading (doc, 2, str (s, "school_report.schools_heading"));
      cl_doc_table (doc, G_N_ELEMENTS (widths), widths, header);
      for (guint i = 0; i < report->schools->len; i++)
        tally_row (doc, g_ptr_array_index (report->schools, i));
    }
  overdue_table (doc, s, obligations, school_id, today);
  return cl_doc_render_pdf (doc, now, out_pages, error);
}
