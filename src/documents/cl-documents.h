/* cl-documents.h — the letters and reports Caseload writes from a case file, in the family's
 * language
 *
 * The wording of every document is data (data/documents/<language>.json in a GResource), so a
 * translator adds a language without touching C. A language without a table falls back to English.
 */
#pragma once

#include "cl-case-model.h"
#include "cl-obligation.h"

G_BEGIN_DECLS

#define CL_DOCUMENT_ERROR (cl_document_error_quark ())

typedef enum {
  CL_DOCUMENT_ERROR_NO_MEETING,
  CL_DOCUMENT_ERROR_FAILED,
} ClDocumentError;

GQuark cl_document_error_quark (void);

typedef enum {
  CL_DOCUMENT_MEETING_NOTICE,
  CL_DOCUMENT_STUDENT_SUMMARY,
  CL_N_DOCUMENT_KINDS
} ClDocumentKind;

extern const char * const cl_document_kind_names[CL_N_DOCUMENT_KINDS];

/* The language a family document for @student is written in: the first guardian's, when there is
 * a table for it, else English. */
const char *cl_document_family_language (const ClStudent *student);

/* Renders @kind for @student as a PDF. @meeting is the meeting a notice is about (NULL: the next
 * planned one); @obligations are the student's (for the summary); @lang NULL means the family's.
 * @caseload (may be NULL) names the staff invited by id. */
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
