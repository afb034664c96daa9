/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-documents-transition.c — the transition plan summary: what the case file knows (when the plan
 * is due, the agencies invited, when eligibility ends) and lines for what the team writes */
#define G_LOG_DOMAIN "cl-documents"

#include <glib/gi18n-lib.h>

#include "cl-documents-private.h"
#include "cl-rule-ids.h"

static ClDate
last_plan (const ClStudent *student)
{
  ClDate last = CL_DATE_NONE;

  for (guint i = 0; i < student->events->len; i++)
    {
      const ClEvent *e = &g_array_index (student->events, ClEvent, i);
      if (e->type == CL_EVENT_IEP_MEETING && e->transition_plan)
        last = e->date;
    }
  return last;
}

static guint
agencies (ClPdfLayout     *doc,
          ClStrings       *s,
          ClCaseload      *caseload,
          const ClStudent *student)
{
  guint n = 0;

  for (guint i = 0; i < student->meetings->len; i++)
    {
      const ClMeeting *m = g_ptr_array_index (student->meetings, i);

      for (guint j = 0; j < m->invitees->len; j++)
        {
          const ClInvitee *inv = &g_array_index (m->invitees, ClInvitee, j);
          const char *who = _cl_invitee_name (caseload, inv);
          g_autofree char *date = NULL, *text = NULL;

          if (inv->role != CL_ROLE_AGENCY_REPRESENTATIVE)
            continue;
          date = _cl_date_text (s, m->date);
          text = _cl_fill (_cl_str (s, "transition.agency_invited"), "name", *who ? who : _cl_str (s, "roles.agency_representative"),
                           "date", date, NULL);
          cl_pdf_layout_bullet (doc, text);
          n++;
        }
    }
  return n;
}

ClPdfLayout *
_cl_transition_summary (ClStrings        *s,
                        ClCaseload       *caseload,
                        const ClStudent  *student,
                        GPtrArray        *obligations,
                        ClDate            today,
                        GError          **error)
{
  const ClObligation *plan = _cl_find_obligation (obligations, CL_RULE_TRANSITION_PLAN_DUE);
  const ClObligation *aom = _cl_find_obligation (obligations, CL_RULE_AGE_OF_MAJORITY_NOTICE_DUE);
  const ClObligation *ends = _cl_find_obligation (obligations, CL_RULE_ELIGIBILITY_ENDS);
  g_autofree char *name = cl_student_dup_display_name (student);
  const char *first = student->first_name ? student->first_name : name;
  g_autofree char *subject = NULL, *due = NULL, *status = NULL, *education = NULL;
  const char *options[] = { NULL, NULL, NULL };
  ClDate last;
  ClPdfLayout *doc;

  if (plan == NULL)
    {
      g_set_error (error, CL_DOCUMENT_ERROR, CL_DOCUMENT_ERROR_NOT_APPLICABLE,
                   _("The rules derive no transition plan for %s (no IEP in effect at 16)"), student->id);
      return NULL;
    }
  subject = _cl_fill (_cl_str (s, "transition.subject"), "student", name, NULL);
  {
    g_autofree char *date = _cl_date_text (s, plan->due);
    due = g_strdup_printf ("%s (%s)", date, plan->citation);
  }
  if (plan->met_on != CL_DATE_NONE)
    {
      g_autofree char *met = _cl_date_text (s, plan->met_on);
      status = _cl_fill (_cl_str (s, "transition.in_iep"), "date", met, NULL);
    }
  else
    status = g_strdup (_cl_strf (s, "summary.statuses.%s", cl_status_names[plan->status]));
  education = _cl_fill (_cl_str (s, "transition.goal_education"), "first", first, NULL);
  options[0] = _cl_str (s, "transition.diploma");
  options[1] = _cl_str (s, "transition.certificate");

  doc = _cl_pdf_layout_new_for (s, _cl_str (s, "transition.title"), subject, student, today);
  cl_pdf_layout_heading (doc, 1, _cl_str (s, "transition.title"));
  cl_pdf_layout_paragraph (doc, _cl_str (s, "transition.intro"));
  _cl_student_fields (doc, s, student);
  if (student->case_manager && student->case_manager->name)
    cl_pdf_layout_field (doc, _cl_str (s, "transition.manager"), student->case_manager->name);

  cl_pdf_layout_heading (doc, 2, _cl_str (s, "transition.due_heading"));
  cl_pdf_layout_field (doc, _cl_str (s, "transition.due"), due);
  cl_pdf_layout_field (doc, _cl_str (s, "summary.status"), status);
  last = last_plan (student);
  if (last != CL_DATE_NONE)
    {
      g_autofree char *date = _cl_date_text (s, last);
      cl_pdf_layout_field (doc, _cl_str (s, "transition.last"), date);
    }
  if (ends != NULL)
    {
      g_autofree char *date = _cl_date_text (s, ends->due);
      cl_pdf_layout_field (doc, _cl_str (s, "transition.ends"), date);
    }

  cl_pdf_layout_heading (doc, 2, _cl_str (s, "transition.assessments_heading"));
  cl_pdf_layout_lines (doc, _cl_str (s, "transition.assessments"), 1);

  cl_pdf_layout_heading (doc, 2, _cl_str (s, "transition.goals_heading"));
  cl_pdf_layout_paragraph (doc, _cl_str (s, "transition.goals"));
  cl_pdf_layout_lines (doc, education, 2);
  cl_pdf_layout_lines (doc, _cl_str (s, "transition.goal_employment"), 2);
  cl_pdf_layout_lines (doc, _cl_str (s, "transition.goal_living"), 2);

  cl_pdf_layout_heading (doc, 2, _cl_str (s, "transition.services_heading"));
  cl_pdf_layout_paragraph (doc, _cl_str (s, "transition.services"));
  cl_pdf_layout_lines (doc, _cl_str (s, "transition.service_instruction"), 1);
  cl_pdf_layout_lines (doc, _cl_str (s, "transition.service_related"), 1);
  cl_pdf_layout_lines (doc, _cl_str (s, "transition.service_community"), 1);
  cl_pdf_layout_lines (doc, _cl_str (s, "transition.service_employment"), 1);
  cl_pdf_layout_lines (doc, _cl_str (s, "transition.service_living"), 1);

  cl_pdf_layout_heading (doc, 2, _cl_str (s, "transition.course_heading"));
  cl_pdf_layout_paragraph (doc, _cl_str (s, "transition.course"));
  cl_pdf_layout_lines (doc, NULL, 2);
  cl_pdf_layout_choices (doc, _cl_str (s, "transition.working_toward"), options, -1);
  cl_pdf_layout_lines (doc, _cl_str (s, "transition.completion"), 1);

  cl_pdf_layout_heading (doc, 2, _cl_str (s, "transition.agencies_heading"));
  if (agencies (doc, s, caseload, student) == 0)
    cl_pdf_layout_paragraph (doc, _cl_str (s, "transition.no_agency"));
  cl_pdf_layout_checkbox (doc, FALSE, _cl_str (s, "transition.agency_consent"));
  cl_pdf_layout_lines (doc, _cl_str (s, "transition.agency_lines"), 1);

  cl_pdf_layout_heading (doc, 2, _cl_str (s, "transition.rights_heading"));
  if (student->conservatorship)
    cl_pdf_layout_paragraph (doc, _cl_str (s, "transition.conservator"));
  else if (aom != NULL)
    {
      g_autofree char *date = _cl_date_text (s, aom->met_on != CL_DATE_NONE ? aom->met_on : aom->due);
      g_autofree char *text = _cl_fill (_cl_str (s, aom->met_on != CL_DATE_NONE ? "transition.rights_informed" : "transition.rights_due"),
                                        "first", first, "date", date, "citation", aom->citation, NULL);
      cl_pdf_layout_paragraph (doc, text);
    }
  else
    cl_pdf_layout_paragraph (doc, _cl_str (s, "transition.rights_none"));
  return doc;
}
