/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-documents-mdr.c — the manifestation determination worksheet: this school year's removals,
 * the two questions, and what each outcome requires */
#define G_LOG_DOMAIN "cl-documents"

#include <glib/gi18n-lib.h>

#include "cl-discipline.h"
#include "cl-documents-private.h"
#include "cl-rule-ids.h"

/* The school year the review is about: the one holding @day, else the latest with removals. */
static const ClRemovalYear *
pick_year (GArray *years,
           ClDate  day)
{
  for (guint i = 0; i < years->len; i++)
    {
      const ClRemovalYear *y = &g_array_index (years, ClRemovalYear, i);
      if (day <= y->session.last_day)
        return y;
    }
  return years->len > 0 ? &g_array_index (years, ClRemovalYear, years->len - 1) : NULL;
}

static char *
days_text (double days)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];
  /* 2.5 stays 2.5, 3 stays 3: portions of days count. */
  return g_strdup (g_ascii_formatd (buf, sizeof buf, "%g", days));
}

/* The removals of @year in date order with the running total the 10-day rule counts; returns the
 * special circumstances seen (a bit per ClSpecialCircumstance). */
static guint
removals_table (ClPdfLayout         *doc,
                ClStrings           *s,
                const ClStudent     *student,
                const ClRemovalYear *year)
{
  const double widths[] = { 0.24, 0.30, 0.18, 0.28 };
  const char *header[] = {
    _cl_str (s, "mdr.col_date"), _cl_str (s, "mdr.col_kind"), _cl_str (s, "mdr.col_days"), _cl_str (s, "mdr.col_total"),
  };
  ClSchoolCalendar *table = student->school->table;
  double total = 0;
  guint special = 0;

  cl_pdf_layout_table (doc, G_N_ELEMENTS (widths), widths, header);
  for (guint i = 0; i < student->events->len; i++)
    {
      const ClEvent *e = &g_array_index (student->events, ClEvent, i);
      ClSchoolYear session;
      g_autofree char *date = NULL, *days = NULL, *running = NULL, *kind = NULL;
      gboolean counted;

      if (e->type != CL_EVENT_REMOVAL || !cl_school_calendar_session (table, e->date, 0, &session) ||
          session.first_day != year->session.first_day)
        continue;
      /* In-school suspension is listed, not counted (rules.md, removal_services_required). */
      counted = e->kind != CL_REMOVAL_IN_SCHOOL_SUSPENSION;
      if (counted)
        total += e->school_days;
      if (e->special > CL_SPECIAL_NONE && e->special < CL_N_SPECIAL_CIRCUMSTANCES)
        special |= 1u << e->special;
      date = _cl_date_text (s, e->date);
      days = days_text (e->school_days);
      running = days_text (total);
      if (!counted)
        {
          g_autofree char *same = g_steal_pointer (&running);
          running = _cl_fill (_cl_str (s, "mdr.not_counted"), "total", same, NULL);
        }
      kind = g_strdup (_cl_strf (s, "removal_kinds.%s", e->kind >= 0 && e->kind < CL_N_REMOVAL_KINDS ? cl_removal_kind_names[e->kind] : "other_removal"));
      {
        const char *cells[] = { date, kind, days, running, NULL };
        cl_pdf_layout_table_row (doc, cells);
      }
    }
  return special;
}

static const ClMeeting *
review_meeting (const ClStudent *student,
                const ClMeeting *meeting,
                ClDate           today)
{
  const ClMeeting *best = NULL;

  if (meeting != NULL)
    return meeting;
  for (guint i = 0; i < student->meetings->len; i++)
    {
      const ClMeeting *m = g_ptr_array_index (student->meetings, i);
      if (m->kind == CL_MEETING_MANIFESTATION && m->date >= today && (best == NULL || m->date < best->date))
        best = m;
    }
  return best;
}

static void
team_signatures (ClPdfLayout     *doc,
                 ClStrings       *s,
                 ClCaseload      *caseload,
                 const ClMeeting *m)
{
  const char *generic[] = { "roles.parent", "roles.lea_representative", "roles.special_education_teacher",
                            "roles.general_education_teacher", "roles.other" };
  guint signed_lines = 0;

  for (guint i = 0; m && i < m->invitees->len; i++)
    {
      const ClInvitee *inv = &g_array_index (m->invitees, ClInvitee, i);
      const char *who = _cl_invitee_name (caseload, inv);
      const char *role = _cl_strf (s, "roles.%s", cl_role_names[inv->role]);
      g_autofree char *label = NULL;

      if (!inv->attending)
        continue;
      label = *who ? _cl_fill (_cl_str (s, "mdr.signature_named"), "name", who, "role", role, NULL)
                   : _cl_fill (_cl_str (s, "mdr.signature_role"), "role", role, NULL);
      cl_pdf_layout_signature (doc, label);
      signed_lines++;
    }
  if (signed_lines > 0)
    {
      cl_pdf_layout_signature (doc, _cl_str (s, "mdr.signature_other"));
      return;
    }
  for (guint i = 0; i < G_N_ELEMENTS (generic); i++)
    {
      g_autofree char *label = _cl_fill (_cl_str (s, "mdr.signature_role"), "role", _cl_str (s, generic[i]), NULL);
      cl_pdf_layout_signature (doc, label);
    }
}

ClPdfLayout *
_cl_manifestation_review (ClStrings        *s,
                          ClCaseload       *caseload,
                          const ClStudent  *student,
                          const ClMeeting  *meeting,
                          GPtrArray        *obligations,
                          ClDate            today,
                          GError          **error)
{
  g_autoptr(GArray) years = NULL;
  const ClObligation *review = _cl_find_obligation (obligations, CL_RULE_MANIFESTATION_DETERMINATION_DUE);
  const ClRemovalYear *year;
  const ClMeeting *m;
  g_autofree char *name = cl_student_dup_display_name (student);
  const char *first = student->first_name ? student->first_name : name;
  g_autofree char *subject = NULL, *label = NULL, *heading = NULL, *total = NULL, *counted = NULL, *in_school = NULL;
  g_autofree char *summary = NULL, *q1 = NULL, *q2 = NULL, *eligibility = NULL;
  const char *yes_no[] = { NULL, NULL, NULL };
  const char *reviewed[] = { "mdr.reviewed_iep", "mdr.reviewed_observations", "mdr.reviewed_parent",
                             "mdr.reviewed_assessments", "mdr.reviewed_discipline" };
  guint special;
  ClPdfLayout *doc;

  years = cl_discipline_removal_years ((ClStudent *) student);
  year = pick_year (years, review ? review->from : today);
  if (year == NULL)
    {
      g_set_error (error, CL_DOCUMENT_ERROR, CL_DOCUMENT_ERROR_NO_REMOVAL,
                   _("%s has no disciplinary removal on file for a manifestation determination"), student->id);
      return NULL;
    }
  m = review_meeting (student, meeting, today);
  subject = _cl_fill (_cl_str (s, "mdr.subject"), "student", name, NULL);
  label = cl_school_year_dup_label (&year->session);
  heading = _cl_fill (_cl_str (s, "mdr.removals_heading"), "year", label, NULL);
  total = days_text (year->counted_days);
  counted = g_strdup_printf ("%u", year->removals);
  in_school = days_text (year->in_school_days);
  summary = _cl_fill (_cl_str (s, year->in_school_days > 0 ? "mdr.total_in_school" : "mdr.total"),
                      "total", total, "removals", counted, "in_school", in_school, NULL);
  q1 = _cl_fill (_cl_str (s, "mdr.q1"), "first", first, NULL);
  q2 = _cl_fill (_cl_str (s, "mdr.q2"), "first", first, NULL);
  yes_no[0] = _cl_str (s, "yes");
  yes_no[1] = _cl_str (s, "no");
  if (student->eligibility_primary)
    {
      const char *primary = _cl_strf (s, "eligibility.%s", student->eligibility_primary);
      eligibility = student->eligibility_secondary
                      ? g_strdup_printf ("%s; %s", primary, _cl_strf (s, "eligibility.%s", student->eligibility_secondary))
                      : g_strdup (primary);
    }

  doc = _cl_pdf_layout_new_for (s, _cl_str (s, "mdr.title"), subject, student, today);
  cl_pdf_layout_heading (doc, 1, _cl_str (s, "mdr.title"));
  cl_pdf_layout_paragraph (doc, _cl_str (s, "mdr.intro"));
  _cl_student_fields (doc, s, student);
  if (eligibility)
    cl_pdf_layout_field (doc, _cl_str (s, "mdr.eligibility"), eligibility);

  cl_pdf_layout_heading (doc, 2, _cl_str (s, "mdr.review_heading"));
  if (review != NULL)
    {
      g_autofree char *decided = _cl_date_text (s, review->from);
      g_autofree char *due = _cl_date_text (s, review->due);
      g_autofree char *due_text = g_strdup_printf ("%s (%s)", due, review->citation);

      cl_pdf_layout_field (doc, _cl_str (s, g_strcmp0 (review->from_event, "removal") == 0 ? "mdr.removal_from" : "mdr.decided"), decided);
      cl_pdf_layout_field (doc, _cl_str (s, "mdr.due"), due_text);
      if (review->met_on != CL_DATE_NONE)
        {
          g_autofree char *held = _cl_date_text (s, review->met_on);
          cl_pdf_layout_field (doc, _cl_str (s, "mdr.held"), held);
        }
    }
  else
    cl_pdf_layout_field (doc, _cl_str (s, "mdr.due"), _cl_str (s, "mdr.no_decision"));
  if (m != NULL)
    {
      g_autofree char *date = _cl_date_text (s, m->date);
      g_autofree char *time = _cl_time_text (s, m->start_minutes);
      g_autofree char *when = m->start_minutes >= 0 ? g_strdup_printf ("%s, %s", date, time) : g_strdup (date);

      cl_pdf_layout_field (doc, _cl_str (s, "mdr.meeting"), when);
      cl_pdf_layout_field (doc, _cl_str (s, "notice.place"), m->location ? m->location : _cl_str (s, "notice.no_place"));
    }
  else if (review == NULL || review->met_on == CL_DATE_NONE)
    cl_pdf_layout_field (doc, _cl_str (s, "mdr.meeting"), "____________________");

  cl_pdf_layout_heading (doc, 2, heading);
  special = removals_table (doc, s, student, year);
  cl_pdf_layout_paragraph (doc, summary);
  if (special != 0)
    {
      g_autoptr(GString) list = g_string_new (NULL);
      g_autofree char *text = NULL;

      for (int c = CL_SPECIAL_WEAPON; c < CL_N_SPECIAL_CIRCUMSTANCES; c++)
        if (special & (1u << c))
          g_string_append_printf (list, "%s%s", list->len ? ", " : "", _cl_strf (s, "special.%s", cl_special_circumstance_names[c]));
      text = _cl_fill (_cl_str (s, "mdr.special"), "list", list->str, NULL);
      cl_pdf_layout_paragraph (doc, text);
    }

  cl_pdf_layout_heading (doc, 2, _cl_str (s, "mdr.conduct_heading"));
  cl_pdf_layout_lines (doc, _cl_str (s, "mdr.conduct"), 3);
  cl_pdf_layout_heading (doc, 2, _cl_str (s, "mdr.reviewed_heading"));
  _cl_tick_list (doc, s, "mdr.reviewed", reviewed, G_N_ELEMENTS (reviewed), "pwn.used.other");

  cl_pdf_layout_heading (doc, 2, _cl_str (s, "mdr.q1_heading"));
  cl_pdf_layout_choices (doc, q1, yes_no, -1);
  cl_pdf_layout_keep_with_next (doc);
  cl_pdf_layout_lines (doc, _cl_str (s, "mdr.basis"), 2);
  cl_pdf_layout_heading (doc, 2, _cl_str (s, "mdr.q2_heading"));
  cl_pdf_layout_choices (doc, q2, yes_no, -1);
  cl_pdf_layout_keep_with_next (doc);
  cl_pdf_layout_paragraph (doc, _cl_str (s, "mdr.q2_remedy"));
  cl_pdf_layout_keep_with_next (doc);
  cl_pdf_layout_lines (doc, _cl_str (s, "mdr.basis"), 2);

  cl_pdf_layout_heading (doc, 2, _cl_str (s, "mdr.outcome_heading"));
  cl_pdf_layout_checkbox (doc, FALSE, _cl_str (s, "mdr.is_manifestation"));
  cl_pdf_layout_keep_with_next (doc);
  cl_pdf_layout_bullet (doc, _cl_str (s, "mdr.is_fba"));
  cl_pdf_layout_keep_with_next (doc);
  cl_pdf_layout_bullet (doc, _cl_str (s, "mdr.is_return"));
  cl_pdf_layout_checkbox (doc, FALSE, _cl_str (s, "mdr.not_manifestation"));
  cl_pdf_layout_keep_with_next (doc);
  cl_pdf_layout_bullet (doc, _cl_str (s, "mdr.not_discipline"));
  cl_pdf_layout_keep_with_next (doc);
  cl_pdf_layout_bullet (doc, _cl_str (s, "mdr.not_services"));
  cl_pdf_layout_keep_with_next (doc);
  cl_pdf_layout_bullet (doc, _cl_str (s, "mdr.not_fba"));
  cl_pdf_layout_paragraph (doc, _cl_str (s, "mdr.special_any"));

  cl_pdf_layout_heading (doc, 2, _cl_str (s, "mdr.parent_heading"));
  cl_pdf_layout_paragraph (doc, _cl_str (s, "mdr.parent"));
  cl_pdf_layout_lines (doc, _cl_str (s, "mdr.safeguards_given"), 1);

  cl_pdf_layout_heading (doc, 2, _cl_str (s, "mdr.team_heading"));
  team_signatures (doc, s, caseload, m);
  return doc;
}
