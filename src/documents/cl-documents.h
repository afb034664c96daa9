/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-documents.h — the letters and reports Caseload writes from a case file, in the family's
 * language
 *
 * The wording of every document is data (data/documents/<language>.json in a GResource), so a
 * translator adds a language without touching C. Asking for a language without a table is an error;
 * a family whose language has no table gets English.
 */
#pragma once

#include "cl-case-model.h"
#include "cl-obligation.h"

G_BEGIN_DECLS

#define CL_DOCUMENT_ERROR (cl_document_error_quark ())

typedef enum {
  CL_DOCUMENT_ERROR_NO_MEETING,
  CL_DOCUMENT_ERROR_FAILED,
  CL_DOCUMENT_ERROR_UNKNOWN_LANGUAGE,
  CL_DOCUMENT_ERROR_NO_EXCUSAL,       /* no invitee excused from the meeting */
  CL_DOCUMENT_ERROR_NO_REMOVAL,       /* no disciplinary removal on file */
  CL_DOCUMENT_ERROR_NOT_APPLICABLE,   /* the engine derived no obligation the document is about */
} ClDocumentError;

GQuark cl_document_error_quark (void);

typedef enum {
  CL_DOCUMENT_MEETING_NOTICE,
  CL_DOCUMENT_STUDENT_SUMMARY,
  CL_DOCUMENT_PRIOR_WRITTEN_NOTICE,
  CL_DOCUMENT_EXCUSAL,
  CL_DOCUMENT_AGE_OF_MAJORITY,
  CL_DOCUMENT_RIGHTS_TRANSFER,
  CL_DOCUMENT_MDR,
  CL_DOCUMENT_TRANSITION,
  CL_N_DOCUMENT_KINDS
} ClDocumentKind;

extern const char * const cl_document_kind_names[CL_N_DOCUMENT_KINDS];

/* Whether there is a wording table for @lang ("en", "es"). */
gboolean    cl_document_has_language  (const char *lang);
/* The languages with a table, "en, es", for messages. */
char       *cl_document_dup_languages (void);

/* The language a family document for @student is written in: the first guardian's, when there is
 * a table for it, else English. */
const char *cl_document_family_language (const ClStudent *student);

/* Whether @kind is worth offering for @student today: what it needs is on file and it is timely
 * (the transition plan from a year before 16, the age-of-majority notice from a year before 17,
 * the rights transfer from its warning window). cl_document_render() renders a document whenever what it needs is on file. */
gboolean cl_document_applies (ClDocumentKind    kind,
                              const ClStudent  *student,
                              GPtrArray        *obligations,
                              ClDate            today);

/* Renders @kind for @student as a PDF. @meeting is the meeting a notice, an excusal, a prior
 * written notice or a manifestation review is about (NULL: chosen from the case file);
 * @obligations are the student's, as the engine computed them on @today (every due date a
 * document shows comes from them); @lang NULL means the family's. @caseload (may be NULL) names
 * the staff invited by id and gives the jurisdiction. */
GBytes *cl_document_render (ClDocumentKind    kind,
                            ClCaseload       *caseload,
                            const ClStudent  *student,
                            const ClMeeting  *meeting,
                            GPtrArray        *obligations,
                            const char       *lang,
                            ClDate            today,
                            guint            *out_pages,
                            GError          **error);

/* The principal's report: figures per case manager with a bar chart, for @school_id or every
 * school (NULL), from @obligations (the whole caseload's). */
GBytes *cl_document_render_school_report (ClCaseload  *caseload,
                                          GPtrArray   *obligations,
                                          const char  *school_id,
                                          const char  *lang,
                                          ClDate       today,
                                          guint       *out_pages,
                                          GError     **error);

G_END_DECLS
