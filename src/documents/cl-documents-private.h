/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-documents-private.h — what the document files share: the wording tables, dates in the
 * document's language, and the pieces every letter has (student block, contacts, closing) */
#pragma once

#include <json-glib/json-glib.h>

#include "cl-catalog.h"
#include "cl-pdf-layout.h"
#include "cl-documents.h"

G_BEGIN_DECLS

/* The string table of one language. */
typedef struct {
  JsonParser *parser;
  JsonObject *root;
  ClCatalog  *catalog;   /* the engine's words in this language; NULL for English */
} ClStrings;

gboolean    _cl_strings_load    (ClStrings  *s,
                                 const char *lang);
void        _cl_strings_clear   (ClStrings  *s);
/* "notice.title" -> the string; a missing key shows itself, so a gap in a table is visible. */
const char *_cl_str             (ClStrings  *s,
                                 const char *key);
/* The engine's @msgid (a rule's title or sentence, an event's label) in the document's language. */
const char *_cl_engine_text     (ClStrings  *s,
                                 const char *msgid);
/* "The annual IEP meeting of May 14, 2026": what @ob was counted from, in the document's language. */
char       *_cl_from_text       (ClStrings          *s,
                                 const ClObligation *ob);
/* "A year after the annual IEP meeting of May 14, 2026": how, in the document's language. */
char       *_cl_document_counted_text (ClStrings          *s,
                                       const ClObligation *ob);
/* The same for a key built from parts, e.g. ("purposes.%s", "annual"). */
const char *_cl_strf            (ClStrings  *s,
                                 const char *format,
                                 const char *part);
/* Replaces {name} with values; pairs of name, value, NULL-terminated. */
char       *_cl_fill            (const char *pattern,
                                 ...) G_GNUC_NULL_TERMINATED;
char       *_cl_date_text       (ClStrings  *s,
                                 ClDate      date);
char       *_cl_time_text       (ClStrings  *s,
                                 int         minutes);
const char *_cl_language_name   (ClStrings  *s,
                                 const char *code);

/* A document with the usual furniture: the school at the top left, @title at the top right and
 * "Prepared <today>" with the page count at the bottom. */
ClPdfLayout *_cl_pdf_layout_new_for     (ClStrings       *s,
                                         const char      *title,
                                         const char      *subject,
                                         const ClStudent *student,
                                         ClDate           today);
/* Name, date of birth, school, grade. */
void        _cl_student_fields  (ClPdfLayout     *doc,
                                 ClStrings       *s,
                                 const ClStudent *student);
/* The date line, "To the parent or guardian of …" (@to_key) and "Dear …,". */
void        _cl_letter_opening  (ClPdfLayout     *doc,
                                 ClStrings       *s,
                                 const ClStudent *student,
                                 const char      *to_key,
                                 ClDate           today);
/* Who to ask: the case manager, the district, and the state's help line for the jurisdiction. */
void        _cl_tick_list       (ClPdfLayout        *doc,
                                 ClStrings          *s,
                                 const char         *intro_key,
                                 const char * const *keys,
                                 guint               n_keys,
                                 const char         *other_key);
void        _cl_help_contacts   (ClPdfLayout     *doc,
                                 ClStrings       *s,
                                 ClCaseload      *caseload,
                                 const ClStudent *student);
/* "Sincerely," and the case manager's signature line. */
void        _cl_letter_closing  (ClPdfLayout     *doc,
                                 ClStrings       *s,
                                 const ClStudent *student);
/* The jurisdiction whose rules apply to @student ("CA", "UT", "US"). */
const char *_cl_jurisdiction    (ClCaseload      *caseload,
                                 const ClStudent *student);
/* The invitee's name: given, or the staff member's. "" when neither. */
const char *_cl_invitee_name    (ClCaseload      *caseload,
                                 const ClInvitee *invitee);

/* The obligation for @rule_id: the open one when there is one (the earliest due), else the one
 * with the latest trigger. NULL when the engine derived none. */
const ClObligation *_cl_find_obligation (GPtrArray  *obligations,
                                         const char *rule_id);
/* The latest planned meeting on or after @today (the soonest), else NULL. */
const ClMeeting    *_cl_next_meeting    (const ClStudent *student,
                                         ClDate           today);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (ClStrings, _cl_strings_clear)

/* The documents, one per file beside cl-documents.c. Each returns NULL with a GError when the
 * case file lacks what it needs. */
/* Whether the prior written notice is about a refusal to assess (written, or to write for a
 * request still open) rather than an IEP meeting. */
gboolean     _cl_prior_written_notice_refuses (const ClStudent *student,
                                               GPtrArray       *obligations,
                                               ClDate           today);
ClPdfLayout *_cl_prior_written_notice (ClStrings *s, ClCaseload *caseload, const ClStudent *student,
                                       const ClMeeting *meeting, GPtrArray *obligations, ClDate today,
                                       GError **error);
ClPdfLayout *_cl_excusal_agreement    (ClStrings *s, ClCaseload *caseload, const ClStudent *student,
                                       const ClMeeting *meeting, GPtrArray *obligations, ClDate today,
                                       GError **error);
ClPdfLayout *_cl_age_of_majority      (ClStrings *s, ClCaseload *caseload, const ClStudent *student,
                                       GPtrArray *obligations, ClDate today, GError **error);
ClPdfLayout *_cl_rights_transfer      (ClStrings *s, ClCaseload *caseload, const ClStudent *student,
                                       GPtrArray *obligations, ClDate today, GError **error);
ClPdfLayout *_cl_manifestation_review (ClStrings *s, ClCaseload *caseload, const ClStudent *student,
                                       const ClMeeting *meeting, GPtrArray *obligations, ClDate today,
                                       GError **error);
ClPdfLayout *_cl_transition_summary   (ClStrings *s, ClCaseload *caseload, const ClStudent *student,
                                       GPtrArray *obligations, ClDate today, GError **error);

/* The meeting with an invitee excused (not attending, not the parent or the student): @meeting
 * when given, else the soonest planned one from @today, else the latest before it. */
const ClMeeting *_cl_excusal_meeting (const ClStudent *student,
                                      const ClMeeting *meeting,
                                      ClDate           today);
gboolean         _cl_invitee_excused (const ClInvitee *invitee);

G_END_DECLS
