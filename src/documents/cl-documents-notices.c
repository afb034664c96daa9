/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-documents-notices.c — the prior written notice and the team member excusal agreement */
#define G_LOG_DOMAIN "cl-documents"

#include <glib/gi18n-lib.h>

#include "cl-documents-private.h"
#include "cl-rule-ids.h"

/* What a prior written notice is about: a meeting held (an iep_meeting event) or one planned. */
typedef struct {
  ClMeetingKind kind;
  ClDate        date;
  gboolean      planned;
  gboolean      eligible;
} NoticeSubject;

static gboolean
notice_subject (const ClStudent *student,
                const ClMeeting *meeting,
                ClDate           today,
                NoticeSubject   *out)
{
  const ClEvent *latest = NULL;

  if (meeting == NULL)
    {
      for (guint i = 0; i < student->events->len; i++)
        {
          const ClEvent *ev = &g_array_index (student->events, ClEvent, i);
          if (ev->type == CL_EVENT_IEP_MEETING && ev->date <= today)
            latest = ev;   /* events are in date order: the last one wins */
        }
      if (latest != NULL)
        {
          out->kind = latest->kind >= 0 && latest->kind < CL_N_MEETING_KINDS ? latest->kind : CL_MEETING_OTHER;
          out->date = latest->date;
          out->planned = FALSE;
          out->eligible = latest->eligible;
          return TRUE;
        }
      meeting = _cl_next_meeting (student, today);
    }
  if (meeting == NULL)
    return FALSE;
  out->kind = meeting->kind;
  out->date = meeting->date;
  out->planned = TRUE;
  out->eligible = TRUE;
  return TRUE;
}

/* A refusal to assess: the request it answers (a referral, or a parent's request for a
 * reassessment) and its date. A written notice refusing an assessment is itself the prior written
 * notice (rules.md: assessment_refused completes assessment_plan_due and reassessment_response_due),
 * so this notice is about the refusal when it is the latest thing on file — an assessment_refused
 * after the last IEP meeting held — or, with no meeting held or planned, when a request is still
 * open and the district is about to answer it. */
typedef struct {
  ClEventType request;
  ClDate      requested_on;
} RefusalSubject;

static const ClEvent *
latest_request_by (const ClStudent *student,
                   ClDate           on_or_before)
{
  const ClEvent *found = NULL;

  for (guint i = 0; i < student->events->len; i++)
    {
      const ClEvent *ev = &g_array_index (student->events, ClEvent, i);
      if ((ev->type == CL_EVENT_REFERRAL || ev->type == CL_EVENT_REASSESSMENT_REQUEST) && ev->date <= on_or_before)
        found = ev;
    }
  return found;
}

static gboolean
refusal_subject (const ClStudent *student,
                 const ClMeeting *meeting,
                 GPtrArray       *obligations,
                 ClDate           today,
                 RefusalSubject  *out)
{
  const ClEvent *refused = NULL, *held = NULL, *request;

  if (meeting != NULL)
    return FALSE;
  for (guint i = 0; i < student->events->len; i++)
    {
      const ClEvent *ev = &g_array_index (student->events, ClEvent, i);
      if (ev->date > today)
        continue;
      if (ev->type == CL_EVENT_ASSESSMENT_REFUSED)
        refused = ev;
      else if (ev->type == CL_EVENT_IEP_MEETING)
        held = ev;
    }
  if (refused != NULL && (held == NULL || refused->date >= held->date) &&
      (request = latest_request_by (student, refused->date)) != NULL)
    {
      out->request = request->type;
      out->requested_on = request->date;
      return TRUE;
    }
  if (held != NULL || _cl_next_meeting (student, today) != NULL)
    return FALSE;
  for (guint i = 0; obligations != NULL && i < obligations->len; i++)
    {
      const ClObligation *ob = g_ptr_array_index (obligations, i);
      gboolean open = ob->status != CL_STATUS_MET && ob->status != CL_STATUS_MET_LATE;

      if (open && (g_str_equal (ob->rule->id, CL_RULE_ASSESSMENT_PLAN_DUE) ||
                   g_str_equal (ob->rule->id, CL_RULE_REASSESSMENT_RESPONSE_DUE)) &&
          (request = latest_request_by (student, today)) != NULL)
        {
          out->request = request->type;
          out->requested_on = request->date;
          return TRUE;
        }
    }
  return FALSE;
}

gboolean
_cl_prior_written_notice_refuses (const ClStudent *student,
                                  GPtrArray       *obligations,
                                  ClDate           today)
{
  RefusalSubject refusal;

  return refusal_subject (student, NULL, obligations, today, &refusal);
}

static const char *
action_key (const NoticeSubject *n)
{
  if (n->planned)
    return "pwn.planned.%s";
  if (!n->eligible && (n->kind == CL_MEETING_INITIAL || n->kind == CL_MEETING_TRIENNIAL))
    return "pwn.ineligible.%s";
  return "pwn.action.%s";
}

ClPdfLayout *
_cl_prior_written_notice (ClStrings        *s,
                          ClCaseload       *caseload,
                          const ClStudent  *student,
                          const ClMeeting  *meeting,
                          GPtrArray        *obligations,
                          ClDate            today,
                          GError          **error)
{
  g_autofree char *name = cl_student_dup_display_name (student);
  g_autofree char *subject = _cl_fill (_cl_str (s, "pwn.subject"), "student", name, NULL);
  const char *jurisdiction = _cl_jurisdiction (caseload, student);
  const char *law = _cl_strf (s, "law.%s", jurisdiction);
  const char *kind_name;
  g_autofree char *date = NULL, *meeting_text = NULL, *intro = NULL, *action = NULL, *reason = NULL;
  g_autofree char *safeguards = NULL;
  NoticeSubject n;
  RefusalSubject refusal;
  const char *meeting_label = "pwn.meeting";
  ClPdfLayout *doc;
  const char *sources[] = {
    "pwn.used.assessments", "pwn.used.iep", "pwn.used.observations", "pwn.used.parent",
    "pwn.used.tests", "pwn.used.records",
  };

  if (g_str_has_prefix (law, "law."))
    law = _cl_str (s, "law.US");
  intro = _cl_fill (_cl_str (s, "pwn.intro"), "law", law,
                    "citation", _cl_str (s, g_str_equal (jurisdiction, "CA") ? "pwn.citation_CA" : "pwn.citation"), NULL);
  safeguards = _cl_fill (_cl_str (s, "pwn.safeguards"), "law", law, NULL);
  if (refusal_subject (student, meeting, obligations, today, &refusal))
    {
      const char *request = refusal.request == CL_EVENT_REASSESSMENT_REQUEST ? "reassessment_request" : "referral";

      date = _cl_date_text (s, refusal.requested_on);
      meeting_label = "pwn.request";
      meeting_text = _cl_fill (_cl_strf (s, "pwn.request_text.%s", request), "date", date, NULL);
      action = _cl_fill (_cl_strf (s, "pwn.refuse.%s", request), "student", name, "date", date, NULL);
      reason = _cl_fill (_cl_str (s, "pwn.refuse_reason"), "student", name, NULL);
    }
  else
    {
      if (!notice_subject (student, meeting, today, &n))
        {
          g_set_error (error, CL_DOCUMENT_ERROR, CL_DOCUMENT_ERROR_NO_MEETING,
                       _("%s has no IEP meeting, held or planned, for a prior written notice to be about"), student->id);
          return NULL;
        }
      kind_name = cl_meeting_kind_names[n.kind];
      date = _cl_date_text (s, n.date);
      meeting_text = _cl_fill (_cl_str (s, n.planned ? "pwn.meeting_planned" : "pwn.meeting_held"),
                               "kind", _cl_strf (s, "kinds.%s", kind_name), "date", date, NULL);
      action = _cl_fill (_cl_strf (s, action_key (&n), kind_name), "student", name, "date", date, NULL);
      reason = _cl_fill (_cl_strf (s, !n.eligible && !n.planned && (n.kind == CL_MEETING_INITIAL || n.kind == CL_MEETING_TRIENNIAL)
                                        ? "pwn.reason_ineligible.%s" : "pwn.reason.%s", kind_name),
                         "student", name, NULL);
    }

  doc = _cl_pdf_layout_new_for (s, _cl_str (s, "pwn.title"), subject, student, today);
  cl_pdf_layout_heading (doc, 1, _cl_str (s, "pwn.title"));
  _cl_letter_opening (doc, s, student, "notice.to", today);
  cl_pdf_layout_paragraph (doc, intro);
  cl_pdf_layout_field (doc, _cl_str (s, "notice.name"), name);
  cl_pdf_layout_field (doc, _cl_str (s, "notice.school"), student->school ? student->school->name : "");
  cl_pdf_layout_field (doc, _cl_str (s, meeting_label), meeting_text);

  cl_pdf_layout_heading (doc, 2, _cl_str (s, "pwn.action_heading"));
  cl_pdf_layout_paragraph (doc, action);
  cl_pdf_layout_lines (doc, _cl_str (s, "pwn.details"), 3);

  cl_pdf_layout_heading (doc, 2, _cl_str (s, "pwn.reason_heading"));
  cl_pdf_layout_paragraph (doc, reason);
  cl_pdf_layout_lines (doc, NULL, 2);

  cl_pdf_layout_heading (doc, 2, _cl_str (s, "pwn.options_heading"));
  cl_pdf_layout_paragraph (doc, _cl_str (s, "pwn.options"));
  cl_pdf_layout_lines (doc, NULL, 4);

  cl_pdf_layout_heading (doc, 2, _cl_str (s, "pwn.used_heading"));
  _cl_tick_list (doc, s, "pwn.used_intro", sources, G_N_ELEMENTS (sources), "pwn.used.other");

  cl_pdf_layout_heading (doc, 2, _cl_str (s, "pwn.factors_heading"));
  cl_pdf_layout_paragraph (doc, _cl_str (s, "pwn.factors"));
  cl_pdf_layout_lines (doc, NULL, 2);

  cl_pdf_layout_heading (doc, 2, _cl_str (s, "pwn.safeguards_heading"));
  cl_pdf_layout_paragraph (doc, safeguards);
  cl_pdf_layout_paragraph (doc, _cl_str (s, "pwn.disagree"));

  cl_pdf_layout_heading (doc, 2, _cl_str (s, "pwn.help_heading"));
  _cl_help_contacts (doc, s, caseload, student);
  _cl_letter_closing (doc, s, student);
  return doc;
}

/* The engine's excusal obligation for this meeting and role: its due date is when the signed
 * agreement must be back. */
static const ClObligation *
excusal_obligation (GPtrArray       *obligations,
                    const ClMeeting *m)
{
  for (guint i = 0; obligations && i < obligations->len; i++)
    {
      const ClObligation *ob = g_ptr_array_index (obligations, i);
      if (ob->meeting == m && g_str_equal (ob->rule->id, CL_RULE_EXCUSAL_INCOMPLETE))
        return ob;
    }
  return NULL;
}

ClPdfLayout *
_cl_excusal_agreement (ClStrings        *s,
                       ClCaseload       *caseload,
                       const ClStudent  *student,
                       const ClMeeting  *meeting,
                       GPtrArray        *obligations,
                       ClDate            today,
                       GError          **error)
{
  const ClMeeting *m = _cl_excusal_meeting (student, meeting, today);
  g_autofree char *name = cl_student_dup_display_name (student);
  g_autofree char *subject = NULL, *date = NULL, *time = NULL, *meeting_text = NULL, *intro = NULL;
  g_autofree char *return_by = NULL, *return_text = NULL;
  g_autofree char *birth = _cl_date_text (s, student->birth_date);
  const ClObligation *ob;
  const char *lea = NULL;
  const char *manager = student->case_manager && student->case_manager->name ? student->case_manager->name : NULL;
  const char *yes_no[] = { NULL, NULL, NULL };
  ClPdfLayout *doc;

  if (m == NULL)
    {
      if (meeting != NULL)
        g_set_error (error, CL_DOCUMENT_ERROR, CL_DOCUMENT_ERROR_NO_EXCUSAL,
                     _("No one invited to meeting %s of %s is marked as not attending"), meeting->id, student->id);
      else
        g_set_error (error, CL_DOCUMENT_ERROR, CL_DOCUMENT_ERROR_NO_EXCUSAL,
                     _("%s has no meeting with an invitee marked as not attending"), student->id);
      return NULL;
    }
  subject = _cl_fill (_cl_str (s, "excusal.subject"), "student", name, NULL);
  date = _cl_date_text (s, m->date);
  time = _cl_time_text (s, m->start_minutes);
  meeting_text = _cl_fill (_cl_str (s, "excusal.meeting_text"), "kind", _cl_strf (s, "kinds.%s", cl_meeting_kind_names[m->kind]),
                           "date", date, NULL);
  intro = _cl_fill (_cl_str (s, "excusal.intro"), "date", date, NULL);
  ob = excusal_obligation (obligations, m);
  return_by = _cl_date_text (s, ob ? ob->due : m->date);
  return_text = manager ? _cl_fill (_cl_str (s, "excusal.return"), "manager", manager, "date", return_by, NULL)
                        : _cl_fill (_cl_str (s, "excusal.return_team"), "date", return_by, NULL);
  yes_no[0] = _cl_str (s, "yes");
  yes_no[1] = _cl_str (s, "no");

  doc = _cl_pdf_layout_new_for (s, _cl_str (s, "excusal.title"), subject, student, today);
  cl_pdf_layout_heading (doc, 1, _cl_str (s, "excusal.title"));
  cl_pdf_layout_paragraph (doc, intro);
  cl_pdf_layout_field (doc, _cl_str (s, "notice.name"), name);
  cl_pdf_layout_field (doc, _cl_str (s, "notice.birth"), birth);
  cl_pdf_layout_field (doc, _cl_str (s, "excusal.meeting"), meeting_text);
  cl_pdf_layout_field (doc, _cl_str (s, "notice.time"), time);
  cl_pdf_layout_field (doc, _cl_str (s, "notice.place"), m->location ? m->location : _cl_str (s, "notice.no_place"));

  for (guint i = 0; i < m->invitees->len; i++)
    {
      const ClInvitee *inv = &g_array_index (m->invitees, ClInvitee, i);
      const char *who = _cl_invitee_name (caseload, inv);
      const char *role = _cl_strf (s, "roles.%s", cl_role_names[inv->role]);
      g_autofree char *heading = NULL;

      if (inv->role == CL_ROLE_LEA_REPRESENTATIVE && inv->attending && *who)
        lea = who;
      if (!_cl_invitee_excused (inv))
        continue;
      heading = *who ? g_strdup_printf ("%s: %s", role, who) : g_strdup (role);
      cl_pdf_layout_heading (doc, 2, heading);
      cl_pdf_layout_choices (doc, _cl_str (s, "excusal.discussed_question"), yes_no, inv->excusal.present ? (inv->excusal.area_discussed ? 0 : 1) : -1);
      if (inv->excusal.present && inv->excusal.area_discussed)
        {
          g_autofree char *input = inv->excusal.written_input != CL_DATE_NONE ? _cl_date_text (s, inv->excusal.written_input) : NULL;

          cl_pdf_layout_paragraph (doc, _cl_str (s, "excusal.discussed"));
          cl_pdf_layout_field (doc, _cl_str (s, "excusal.input_date"), input ? input : "____________________");
          cl_pdf_layout_checkbox (doc, input != NULL, _cl_str (s, "excusal.input_attached"));
          cl_pdf_layout_lines (doc, _cl_str (s, "excusal.input_where"), 1);
        }
      else if (inv->excusal.present)
        cl_pdf_layout_paragraph (doc, _cl_str (s, "excusal.not_discussed"));
      else
        cl_pdf_layout_paragraph (doc, _cl_str (s, "excusal.unknown"));
      if (inv->excusal.present && inv->excusal.parent_written_consent != CL_DATE_NONE)
        {
          g_autofree char *consent = _cl_date_text (s, inv->excusal.parent_written_consent);
          cl_pdf_layout_field (doc, _cl_str (s, "excusal.consent_on"), consent);
        }
    }

  cl_pdf_layout_heading (doc, 2, _cl_str (s, "excusal.district_heading"));
  cl_pdf_layout_paragraph (doc, _cl_str (s, "excusal.district"));
  {
    g_autofree char *label = lea ? _cl_fill (_cl_str (s, "excusal.district_signature_named"), "name", lea, NULL)
                                 : g_strdup (_cl_str (s, "excusal.district_signature"));
    cl_pdf_layout_signature (doc, label);
  }

  cl_pdf_layout_heading (doc, 2, _cl_str (s, "excusal.parent_heading"));
  cl_pdf_layout_checkbox (doc, FALSE, _cl_str (s, "excusal.parent_agree"));
  cl_pdf_layout_keep_with_next (doc);
  cl_pdf_layout_checkbox (doc, FALSE, _cl_str (s, "excusal.parent_reschedule"));
  cl_pdf_layout_keep_with_next (doc);
  cl_pdf_layout_signature (doc, _cl_str (s, "notice.signature"));
  cl_pdf_layout_paragraph (doc, return_text);
  return doc;
}
