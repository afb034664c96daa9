/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-documents-rights.c — the age of majority: the notice by 17 that rights will transfer at 18,
 * and the notice at 18 that they have */
#define G_LOG_DOMAIN "cl-documents"

#include <glib/gi18n-lib.h>

#include "cl-documents-private.h"
#include "cl-rule-ids.h"

static const char *
state_law (ClStrings       *s,
           ClCaseload      *caseload,
           const ClStudent *student)
{
  const char *law = _cl_strf (s, "law.%s", _cl_jurisdiction (caseload, student));
  return g_str_has_prefix (law, "law.") ? _cl_str (s, "law.US") : law;
}

/* "To José and to the parent or guardian", "Dear José and family,". */
static void
opening (ClPdfLayout     *doc,
         ClStrings       *s,
         const ClStudent *student,
         ClDate           today)
{
  g_autofree char *name = cl_student_dup_display_name (student);
  g_autofree char *date = _cl_date_text (s, today);
  g_autofree char *to = _cl_fill (_cl_str (s, "aom.to"), "student", name, NULL);
  g_autofree char *dear = _cl_fill (_cl_str (s, "aom.dear"), "first", student->first_name ? student->first_name : name, NULL);

  cl_pdf_layout_paragraph (doc, date);
  cl_pdf_layout_paragraph (doc, to);
  cl_pdf_layout_paragraph (doc, dear);
}

/* The rights that move from the parents to the student. */
static void
rights_list (ClPdfLayout *doc,
             ClStrings *s,
             const char *first)
{
  const char *keys[] = { "aom.right_consent", "aom.right_meetings", "aom.right_notices", "aom.right_records",
                         "aom.right_disagree" };

  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    {
      g_autofree char *text = _cl_fill (_cl_str (s, keys[i]), "first", first, NULL);
      cl_pdf_layout_bullet (doc, text);
    }
}

static gboolean
no_transfer (const ClStudent  *student,
             const char       *what,
             GError          **error)
{
  if (student->conservatorship)
    g_set_error (error, CL_DOCUMENT_ERROR, CL_DOCUMENT_ERROR_NOT_APPLICABLE,
                 _("%s has a conservator: educational rights do not transfer at 18, so there is no %s"), student->id, what);
  else
    g_set_error (error, CL_DOCUMENT_ERROR, CL_DOCUMENT_ERROR_NOT_APPLICABLE,
                 _("The rules derive no %s for %s (no IEP in effect at the age it concerns)"), what, student->id);
  return FALSE;
}

static void
acknowledgement (ClPdfLayout *doc,
                 ClStrings *s,
                 const char *first,
                 const char *statement_key)
{
  g_autofree char *statement = _cl_fill (_cl_str (s, statement_key), "first", first, NULL);

  cl_pdf_layout_heading (doc, 2, _cl_str (s, "aom.ack_heading"));
  cl_pdf_layout_keep_with_next (doc);
  cl_pdf_layout_paragraph (doc, statement);
  cl_pdf_layout_keep_with_next (doc);
  cl_pdf_layout_signature (doc, _cl_str (s, "aom.student_signature"));
  cl_pdf_layout_keep_with_next (doc);
  cl_pdf_layout_signature (doc, _cl_str (s, "notice.signature"));
}

ClPdfLayout *
_cl_age_of_majority (ClStrings        *s,
                     ClCaseload       *caseload,
                     const ClStudent  *student,
                     GPtrArray        *obligations,
                     ClDate            today,
                     GError          **error)
{
  const ClObligation *notice = _cl_find_obligation (obligations, CL_RULE_AGE_OF_MAJORITY_NOTICE_DUE);
  const ClObligation *transfer = _cl_find_obligation (obligations, CL_RULE_RIGHTS_TRANSFER_NOTICE_DUE);
  g_autofree char *name = cl_student_dup_display_name (student);
  const char *first = student->first_name ? student->first_name : name;
  const char *law = state_law (s, caseload, student);
  g_autofree char *subject = NULL, *transfer_date = NULL, *intro = NULL, *due = NULL, *why = NULL;
  g_autofree char *parents = NULL, *exception = NULL, *status = NULL;
  ClPdfLayout *doc;

  if (notice == NULL)
    {
      no_transfer (student, _("age-of-majority notice"), error);
      return NULL;
    }
  subject = _cl_fill (_cl_str (s, "aom.subject"), "student", name, NULL);
  transfer_date = transfer ? _cl_date_text (s, transfer->due) : NULL;
  intro = transfer ? _cl_fill (_cl_str (s, "aom.intro"), "student", name, "first", first, "date", transfer_date, "law", law, NULL)
                   : _cl_fill (_cl_str (s, "aom.intro_undated"), "student", name, "first", first, "law", law, NULL);
  due = _cl_date_text (s, notice->due);
  why = _cl_fill (_cl_str (s, "aom.why"), "first", first, "date", due, "citation", notice->citation, NULL);
  if (notice->met_on != CL_DATE_NONE)
    {
      g_autofree char *met = _cl_date_text (s, notice->met_on);
      status = _cl_fill (_cl_str (s, "aom.informed_on"), "date", met, NULL);
    }
  parents = _cl_fill (_cl_str (s, "aom.parents"), "first", first, NULL);
  exception = _cl_fill (_cl_str (s, "aom.exception"), "first", first, NULL);

  doc = _cl_pdf_layout_new_for (s, _cl_str (s, "aom.title"), subject, student, today);
  cl_pdf_layout_heading (doc, 1, _cl_str (s, "aom.title"));
  opening (doc, s, student, today);
  cl_pdf_layout_paragraph (doc, intro);
  cl_pdf_layout_paragraph (doc, why);
  cl_pdf_layout_field (doc, _cl_str (s, "notice.name"), name);
  cl_pdf_layout_field (doc, _cl_str (s, "aom.transfer_label"), transfer_date ? transfer_date : _cl_str (s, "aom.at_18"));
  cl_pdf_layout_field (doc, _cl_str (s, "aom.due_label"), due);
  if (status)
    cl_pdf_layout_field (doc, _cl_str (s, "aom.status_label"), status);

  cl_pdf_layout_heading (doc, 2, _cl_str (s, "aom.rights_heading"));
  rights_list (doc, s, first);
  cl_pdf_layout_heading (doc, 2, _cl_str (s, "aom.parents_heading"));
  cl_pdf_layout_paragraph (doc, parents);
  cl_pdf_layout_heading (doc, 2, _cl_str (s, "aom.exception_heading"));
  cl_pdf_layout_paragraph (doc, exception);
  cl_pdf_layout_heading (doc, 2, _cl_str (s, "aom.help_heading"));
  _cl_help_contacts (doc, s, caseload, student);
  _cl_letter_closing (doc, s, student);
  acknowledgement (doc, s, first, "aom.ack");
  return doc;
}

ClPdfLayout *
_cl_rights_transfer (ClStrings        *s,
                     ClCaseload       *caseload,
                     const ClStudent  *student,
                     GPtrArray        *obligations,
                     ClDate            today,
                     GError          **error)
{
  const ClObligation *transfer = _cl_find_obligation (obligations, CL_RULE_RIGHTS_TRANSFER_NOTICE_DUE);
  g_autofree char *name = cl_student_dup_display_name (student);
  const char *first = student->first_name ? student->first_name : name;
  const char *law = state_law (s, caseload, student);
  g_autofree char *subject = NULL, *date = NULL, *intro = NULL, *due = NULL, *parents = NULL, *why = NULL;
  g_autofree char *birth = _cl_date_text (s, student->birth_date);
  gboolean past, emancipated;
  const char *intro_key;
  ClPdfLayout *doc;

  if (transfer == NULL)
    {
      no_transfer (student, _("rights-transfer notice"), error);
      return NULL;
    }
  /* The day rights transfer is the engine's trigger: the 18th birthday, or in Utah an earlier
   * marriage or emancipation. */
  past = transfer->from <= today;
  emancipated = g_strcmp0 (transfer->from_event, "emancipation") == 0;
  intro_key = emancipated ? (past ? "rt.intro_emancipated" : "rt.intro_emancipated_future")
                          : (past ? "rt.intro" : "rt.intro_future");
  subject = _cl_fill (_cl_str (s, "rt.subject"), "student", name, NULL);
  date = _cl_date_text (s, transfer->from);
  due = _cl_date_text (s, transfer->due);
  intro = _cl_fill (_cl_str (s, intro_key), "student", name, "first", first, "date", date, "law", law, NULL);
  why = _cl_fill (_cl_str (s, "rt.why"), "citation", transfer->citation, NULL);
  parents = _cl_fill (_cl_str (s, "rt.parents"), "first", first, NULL);

  doc = _cl_pdf_layout_new_for (s, _cl_str (s, "rt.title"), subject, student, today);
  cl_pdf_layout_heading (doc, 1, _cl_str (s, "rt.title"));
  opening (doc, s, student, today);
  cl_pdf_layout_paragraph (doc, intro);
  cl_pdf_layout_paragraph (doc, why);
  cl_pdf_layout_field (doc, _cl_str (s, "notice.name"), name);
  cl_pdf_layout_field (doc, _cl_str (s, "notice.birth"), birth);
  cl_pdf_layout_field (doc, _cl_str (s, "rt.transfer_label"), date);
  cl_pdf_layout_field (doc, _cl_str (s, "aom.due_label"), due);

  cl_pdf_layout_heading (doc, 2, _cl_str (s, past ? "rt.now_heading" : "rt.now_heading_future"));
  rights_list (doc, s, first);
  cl_pdf_layout_checkbox (doc, past, _cl_str (s, "rt.box_transferred"));
  cl_pdf_layout_checkbox (doc, FALSE, _cl_str (s, "rt.box_conservator"));
  cl_pdf_layout_lines (doc, _cl_str (s, "rt.conservator_name"), 1);

  cl_pdf_layout_heading (doc, 2, _cl_str (s, "aom.parents_heading"));
  cl_pdf_layout_paragraph (doc, parents);
  cl_pdf_layout_heading (doc, 2, _cl_str (s, "aom.help_heading"));
  _cl_help_contacts (doc, s, caseload, student);
  _cl_letter_closing (doc, s, student);
  acknowledgement (doc, s, first, "rt.ack");
  return doc;
}
