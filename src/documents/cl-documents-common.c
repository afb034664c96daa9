/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-documents-common.c — the wording tables and the pieces every letter shares */
#define G_LOG_DOMAIN "cl-documents"

#include <string.h>

#include "cl-documents-private.h"
#include "cl-event-labels.h"
#include "cl-obligation-words.h"
#include "cl-text-fill.h"
#include "cl-documents-resources.h"

#define STRINGS_PATH "/io/github/caseload/Caseload/documents/%s.json"

void
_cl_strings_clear (ClStrings *s)
{
  g_clear_object (&s->parser);
  g_clear_pointer (&s->catalog, cl_catalog_free);
  s->root = NULL;
}

const char *
_cl_engine_text (ClStrings  *s,
                 const char *msgid)
{
  return cl_catalog_lookup (s->catalog, msgid);
}

static const char *
document_translate (gpointer    data,
                    const char *msgid)
{
  return _cl_engine_text (data, msgid);
}

static char *
document_date (gpointer data,
               ClDate   date)
{
  return _cl_date_text (data, date);
}

/* The engine's sentences in the document's language and its way of writing dates. */
static ClWords
document_words (ClStrings *s)
{
  return (ClWords) { document_translate, document_date, s };
}

char *
_cl_from_text (ClStrings          *s,
               const ClObligation *ob)
{
  ClWords words = document_words (s);

  return cl_obligation_dup_from_text (ob, &words);
}

char *
_cl_document_counted_text (ClStrings          *s,
                           const ClObligation *ob)
{
  ClWords words = document_words (s);

  return cl_obligation_dup_counted_text (ob, &words);
}

gboolean
_cl_strings_load (ClStrings  *s,
                  const char *lang)
{
  g_autofree char *path = NULL;
  g_autoptr(GBytes) bytes = NULL;
  gsize size;
  const char *data;

  /* A language code is letters (and a region): never a path. */
  if (lang == NULL || *lang == '\0' || strspn (lang, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ_-") != strlen (lang))
    return FALSE;
  path = g_strdup_printf (STRINGS_PATH, lang);
  bytes = g_resource_lookup_data (cl_documents_get_resource (), path, 0, NULL);
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
  s->catalog = cl_catalog_open (GETTEXT_PACKAGE, lang);
  return TRUE;
}

gboolean
cl_document_has_language (const char *lang)
{
  g_auto(ClStrings) s = { NULL, NULL };
  return _cl_strings_load (&s, lang);
}

char *
cl_document_dup_languages (void)
{
  g_auto(GStrv) names = g_resource_enumerate_children (cl_documents_get_resource (),
                                                       "/io/github/caseload/Caseload/documents/", 0, NULL);
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint i = 0; names && names[i]; i++)
    if (g_str_has_suffix (names[i], ".json"))
      {
        if (out->len > 0)
          g_string_append (out, ", ");
        g_string_append_len (out, names[i], strlen (names[i]) - strlen (".json"));
      }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

const char *
_cl_str (ClStrings  *s,
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

const char *
_cl_strf (ClStrings  *s,
          const char *format,
          const char *part)
{
  g_autoptr(GString) built = g_string_new (format);
  g_autofree char *key = NULL;
  const char *value;

  /* @format has one "%s"; built by hand so the format need not be a literal. */
  g_string_replace (built, "%s", part, 1);
  key = g_string_free (g_steal_pointer (&built), FALSE);
  value = _cl_str (s, key);

  /* A gap shows the key; keep it alive with the table by interning it. */
  return value == key ? g_intern_string (key) : value;
}

char *
_cl_fill (const char *pattern,
          ...)
{
  va_list args;
  char *text;

  va_start (args, pattern);
  text = cl_text_fill_valist (pattern, args);
  va_end (args);
  return text;
}

char *
_cl_date_text (ClStrings *s,
               ClDate     date)
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
  return _cl_fill (_cl_str (s, "date"), "day", day, "month", json_array_get_string_element (months, m - 1),
                   "year", year, NULL);
}

char *
_cl_time_text (ClStrings *s,
               int        minutes)
{
  g_autofree char *h12 = NULL, *h24 = NULL, *mm = NULL;
  int h = minutes / 60;

  if (minutes < 0)
    return g_strdup ("—");
  h12 = g_strdup_printf ("%d", h % 12 == 0 ? 12 : h % 12);
  h24 = g_strdup_printf ("%d", h);
  mm = g_strdup_printf ("%02d", minutes % 60);
  return _cl_fill (_cl_str (s, "time"), "hour12", h12, "hour24", h24, "minute", mm,
                   "ampm", _cl_str (s, h < 12 ? "am" : "pm"), NULL);
}

const char *
_cl_language_name (ClStrings  *s,
                   const char *code)
{
  g_autofree char *key = g_strdup_printf ("languages.%s", code);
  const char *name = _cl_str (s, key);

  return name == key ? code : name;
}

ClPdfLayout *
_cl_pdf_layout_new_for (ClStrings       *s,
                        const char      *title,
                        const char      *subject,
                        const ClStudent *student,
                        ClDate           today)
{
  g_autofree char *today_text = _cl_date_text (s, today);
  g_autofree char *generated = _cl_fill (_cl_str (s, "generated"), "date", today_text, NULL);
  ClPdfLayout *doc = cl_pdf_layout_new (title, subject, json_object_get_string_member (s->root, "language"));

  cl_pdf_layout_set_header (doc, student->school ? student->school->name : "", title);
  cl_pdf_layout_set_footer (doc, _cl_str (s, "page"), generated);
  return doc;
}

void
_cl_student_fields (ClPdfLayout     *doc,
                    ClStrings       *s,
                    const ClStudent *student)
{
  g_autofree char *name = cl_student_dup_display_name (student);
  g_autofree char *birth = _cl_date_text (s, student->birth_date);

  cl_pdf_layout_heading (doc, 2, _cl_str (s, "notice.student_heading"));
  cl_pdf_layout_field (doc, _cl_str (s, "notice.name"), name);
  cl_pdf_layout_field (doc, _cl_str (s, "notice.birth"), birth);
  cl_pdf_layout_field (doc, _cl_str (s, "notice.school"), student->school ? student->school->name : "");
  cl_pdf_layout_field (doc, _cl_str (s, "notice.grade"), student->grade);
}

void
_cl_letter_opening (ClPdfLayout     *doc,
                    ClStrings       *s,
                    const ClStudent *student,
                    const char      *to_key,
                    ClDate           today)
{
  g_autofree char *name = cl_student_dup_display_name (student);
  g_autofree char *date = _cl_date_text (s, today);
  g_autofree char *to = _cl_fill (_cl_str (s, to_key), "student", name, NULL);
  const char *guardian = student->guardians->len > 0 ? g_array_index (student->guardians, ClGuardian, 0).name : NULL;
  g_autofree char *to_parent = _cl_fill (_cl_str (s, "notice.to"), "student", name, NULL);
  g_autofree char *dear = _cl_fill (_cl_str (s, "notice.dear"), "guardian", guardian ? guardian : to_parent, NULL);

  cl_pdf_layout_paragraph (doc, date);
  cl_pdf_layout_paragraph (doc, to);
  cl_pdf_layout_paragraph (doc, dear);
}

const char *
_cl_jurisdiction (ClCaseload      *caseload,
                  const ClStudent *student)
{
  if (student->jurisdiction != NULL)
    return student->jurisdiction;
  if (caseload != NULL && cl_caseload_get_jurisdiction (caseload) != NULL)
    return cl_caseload_get_jurisdiction (caseload);
  return "US";
}

const char *
_cl_invitee_name (ClCaseload      *caseload,
                  const ClInvitee *invitee)
{
  const ClStaff *staff = caseload && invitee->staff_id ? cl_caseload_lookup_staff (caseload, invitee->staff_id) : NULL;

  if (invitee->name != NULL && *invitee->name)
    return invitee->name;
  return staff && staff->name ? staff->name : "";
}

/* A list of boxes to tick under its introduction, kept on one page with it, then a line for
 * anything else (records used, evidence reviewed). */
void
_cl_tick_list (ClPdfLayout        *doc,
               ClStrings          *s,
               const char         *intro_key,
               const char * const *keys,
               guint               n_keys,
               const char         *other_key)
{
  cl_pdf_layout_paragraph (doc, _cl_str (s, intro_key));
  cl_pdf_layout_keep_with_next (doc);
  for (guint i = 0; i < n_keys; i++)
    {
      cl_pdf_layout_checkbox (doc, FALSE, _cl_str (s, keys[i]));
      cl_pdf_layout_keep_with_next (doc);
    }
  cl_pdf_layout_lines (doc, _cl_str (s, other_key), 1);
}

void
_cl_help_contacts (ClPdfLayout     *doc,
                   ClStrings       *s,
                   ClCaseload      *caseload,
                   const ClStudent *student)
{
  const ClStaff *manager = student->case_manager;
  const char *jurisdiction = _cl_jurisdiction (caseload, student);
  g_autofree char *state_key = g_strdup_printf ("help.state_%s", jurisdiction);
  const char *state = _cl_str (s, state_key);

  /* The contacts are one group: never split over a page. */
  cl_pdf_layout_paragraph (doc, _cl_str (s, "help.intro"));
  cl_pdf_layout_keep_with_next (doc);
  if (manager && manager->name)
    {
      g_autofree char *who = _cl_fill (_cl_str (s, "help.manager"), "manager", manager->name,
                                       "school", student->school ? student->school->name : "", NULL);
      g_autofree char *value = manager->email && *manager->email ? g_strdup_printf ("%s · %s", who, manager->email)
                                                                 : g_strdup (who);
      cl_pdf_layout_field (doc, _cl_str (s, "help.manager_label"), value);
      cl_pdf_layout_keep_with_next (doc);
    }
  cl_pdf_layout_field (doc, _cl_str (s, "help.district_label"), _cl_str (s, "help.district"));
  cl_pdf_layout_keep_with_next (doc);
  cl_pdf_layout_field (doc, _cl_str (s, "help.state_label"), state == state_key ? _cl_str (s, "help.state_US") : state);
  cl_pdf_layout_keep_with_next (doc);
  cl_pdf_layout_field (doc, _cl_str (s, "help.parents_label"), _cl_str (s, "help.parents"));
}

void
_cl_letter_closing (ClPdfLayout     *doc,
                    ClStrings       *s,
                    const ClStudent *student)
{
  const ClStaff *manager = student->case_manager;
  g_autofree char *who = manager && manager->name
                           ? _cl_fill (_cl_str (s, "closing.manager"), "manager", manager->name, NULL)
                           : g_strdup (_cl_str (s, "closing.team"));

  cl_pdf_layout_paragraph (doc, _cl_str (s, "closing.sincerely"));
  cl_pdf_layout_keep_with_next (doc);
  cl_pdf_layout_signature (doc, who);
}

static gboolean
is_open (const ClObligation *ob)
{
  return ob->status == CL_STATUS_OVERDUE || ob->status == CL_STATUS_DUE_SOON || ob->status == CL_STATUS_UPCOMING;
}

const ClObligation *
_cl_find_obligation (GPtrArray  *obligations,
                     const char *rule_id)
{
  const ClObligation *open = NULL, *latest = NULL;

  for (guint i = 0; obligations && i < obligations->len; i++)
    {
      const ClObligation *ob = g_ptr_array_index (obligations, i);

      if (!g_str_equal (ob->rule->id, rule_id))
        continue;
      if (is_open (ob) && (open == NULL || ob->due < open->due))
        open = ob;
      if (latest == NULL || ob->from > latest->from)
        latest = ob;
    }
  return open ? open : latest;
}

const ClMeeting *
_cl_next_meeting (const ClStudent *student,
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

gboolean
_cl_invitee_excused (const ClInvitee *invitee)
{
  return !invitee->attending && invitee->role != CL_ROLE_PARENT && invitee->role != CL_ROLE_STUDENT;
}

static gboolean
has_excused (const ClMeeting *m)
{
  for (guint i = 0; i < m->invitees->len; i++)
    if (_cl_invitee_excused (&g_array_index (m->invitees, ClInvitee, i)))
      return TRUE;
  return FALSE;
}

const ClMeeting *
_cl_excusal_meeting (const ClStudent *student,
                     const ClMeeting *meeting,
                     ClDate           today)
{
  const ClMeeting *next = NULL, *past = NULL;

  if (meeting != NULL)
    return has_excused (meeting) ? meeting : NULL;
  for (guint i = 0; i < student->meetings->len; i++)
    {
      const ClMeeting *m = g_ptr_array_index (student->meetings, i);

      if (!has_excused (m))
        continue;
      if (m->date >= today && (next == NULL || m->date < next->date))
        next = m;
      if (m->date < today && (past == NULL || m->date > past->date))
        past = m;
    }
  return next ? next : past;
}
