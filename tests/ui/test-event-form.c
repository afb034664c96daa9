/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-event-form.c — the event form: each event type with its own fields, the defaults and
 * questions that come from the student's history, and each of issue 16's event types added
 * through it, its obligation appearing and closing
 *
 * Run under xvfb-run, like test-window. With CASELOAD_SHOTS=DIR set, the form is saved as PNG files
 * in DIR (wide and narrow window), to look at.
 */
#include <string.h>

#include "cl-event-editor.h"
#include "cl-ui-test.h"

static ClApplication *app;

/* Every date of these tests is counted on the demo's California calendar as of this Monday. */
#define TODAY cl_date_from_ymd (2026, 12, 7)

static ClEventEditor *
open_form (ClWindow          *window,
           AdwMessageDialog **out_dialog)
{
  AdwMessageDialog *dialog;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window->student_page), "student.add-event", NULL));
  iterate ();
  dialog = find_dialog ();
  g_assert_nonnull (dialog);
  *out_dialog = dialog;
  return CL_EVENT_EDITOR (adw_message_dialog_get_extra_child (dialog));
}

static void
save (AdwMessageDialog *dialog)
{
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "save"));
  adw_message_dialog_response (dialog, "save");
  gtk_window_destroy (GTK_WINDOW (dialog));
  iterate ();
}

/* Adds an event of @type on @date through the form, its fields set as "name", "value" pairs. */
static void
add_event (ClWindow    *window,
           ClEventType  type,
           const char  *date,
           ...)
{
  AdwMessageDialog *dialog;
  ClEventEditor *form = open_form (window, &dialog);
  const char *field;
  va_list args;

  cl_event_editor_set_event_type (form, type);
  g_assert_cmpint (cl_event_editor_get_event_type (form), ==, type);
  cl_event_editor_set_date_text (form, date);
  va_start (args, date);
  while ((field = va_arg (args, const char *)) != NULL)
    {
      const char *value = va_arg (args, const char *);
      g_assert_true (cl_event_editor_set_field (form, field, value));
    }
  va_end (args);
  save (dialog);
}

/* The obligation of @rule_id whose count started on @from, or NULL. */
static const ClObligation *
find_obligation (ClWindow   *window,
                 const char *rule_id,
                 const char *from)
{
  GPtrArray *obligations = cl_session_get_student_obligations (window->session, _cl_window_get_student (window));
  ClDate day;

  g_assert_true (cl_date_parse_iso (from, &day));
  for (guint i = 0; obligations && i < obligations->len; i++)
    {
      const ClObligation *ob = g_ptr_array_index (obligations, i);
      if (g_str_equal (ob->rule->id, rule_id) && ob->from == day)
        return ob;
    }
  return NULL;
}

static void
assert_open (ClWindow   *window,
             const char *rule_id,
             const char *from)
{
  const ClObligation *ob = find_obligation (window, rule_id, from);

  if (ob == NULL)
    g_error ("no %s from %s", rule_id, from);
  g_assert_cmpuint (ob->met_on, ==, CL_DATE_NONE);
}

static void
assert_closed (ClWindow   *window,
               const char *rule_id,
               const char *from,
               const char *on)
{
  const ClObligation *ob = find_obligation (window, rule_id, from);
  ClDate day;

  if (ob == NULL)
    g_error ("no %s from %s", rule_id, from);
  g_assert_true (cl_date_parse_iso (on, &day));
  g_assert_cmpuint (ob->met_on, ==, day);
}

/* Camila Flores (S-1015, CA, Spanish at home) has an IEP since her triennial of April 24, 2025
 * and her annual review of April 21, 2026. Each of issue 16's sixteen event types is added
 * through the form, and what it starts appears open, then closes with the event that answers it. */
static void
test_new_event_types (void)
{
  ClWindow *window = demo_database_window_at (TODAY, 1000, 700, NULL);
  const ClObligation *ob;

  g_assert_true (cl_window_select_student (window, "S-1015"));
  iterate ();

  /* A parent asks for a reassessment; a written refusal answers it (rules.md
   * reassessment_response_due). */
  add_event (window, CL_EVENT_REASSESSMENT_REQUEST, "2026-11-02", NULL);
  assert_open (window, "reassessment_response_due", "2026-11-02");
  add_event (window, CL_EVENT_ASSESSMENT_REFUSED, "2026-11-05", NULL);
  assert_closed (window, "reassessment_response_due", "2026-11-02", "2026-11-05");

  /* A plan given is followed up until the parent decides; declining in writing is a decision
   * (plan_decision_followup). */
  add_event (window, CL_EVENT_ASSESSMENT_PLAN_PROVIDED, "2026-11-09", NULL);
  assert_open (window, "plan_decision_followup", "2026-11-09");
  add_event (window, CL_EVENT_ASSESSMENT_PLAN_DECLINED, "2026-11-12", NULL);
  assert_closed (window, "plan_decision_followup", "2026-11-09", "2026-11-12");

  /* A waiver closes the three years counted from April 24, 2025 and starts the next three. */
  assert_open (window, "triennial_due", "2025-04-24");
  add_event (window, CL_EVENT_TRIENNIAL_WAIVER, "2026-11-16", NULL);
  assert_closed (window, "triennial_due", "2025-04-24", "2026-11-16");
  ob = find_obligation (window, "triennial_due", "2026-11-16");
  g_assert_nonnull (ob);
  g_assert_cmpuint (ob->due, ==, cl_date_from_ymd (2029, 11, 16));

  /* A UCP complaint, its decision extended in writing to February 1, 2027, then decided. */
  add_event (window, CL_EVENT_COMPLAINT, "2026-11-17", "kind", "Uniform complaint (UCP)", NULL);
  assert_open (window, "complaint_decision_due", "2026-11-17");
  add_event (window, CL_EVENT_EXTENSION, "2026-11-18", "rule", "The complaint decision", "until", "2/1/2027", NULL);
  ob = find_obligation (window, "complaint_decision_due", "2026-11-17");
  g_assert_cmpuint (ob->due, ==, cl_date_from_ymd (2027, 2, 1));
  g_assert_cmpuint (ob->extended_on, ==, cl_date_from_ymd (2026, 11, 18));
  add_event (window, CL_EVENT_COMPLAINT_RESOLVED, "2026-12-01", "kind", "Uniform complaint (UCP)", NULL);
  assert_closed (window, "complaint_decision_due", "2026-11-17", "2026-12-01");

  /* The parent's due-process request: the session waived in writing is the session done. A
   * request the district filed owes none (rules.md complaints table). */
  add_event (window, CL_EVENT_COMPLAINT, "2026-11-19", "kind", "Due-process complaint", "filed_by", "The district", NULL);
  g_assert_null (find_obligation (window, "resolution_session_due", "2026-11-19"));
  add_event (window, CL_EVENT_COMPLAINT, "2026-11-20", "kind", "Due-process complaint", NULL);
  assert_open (window, "resolution_session_due", "2026-11-20");
  add_event (window, CL_EVENT_RESOLUTION_WAIVED, "2026-11-23", NULL);
  assert_closed (window, "resolution_session_due", "2026-11-20", "2026-11-23");

  /* A hearing set for January 15, 2027: the disclosure is due 5 business days before it. */
  add_event (window, CL_EVENT_HEARING_SCHEDULED, "2026-11-24", "hearing_date", "2027-01-15", NULL);
  assert_open (window, "hearing_disclosure_due", "2026-11-24");
  add_event (window, CL_EVENT_HEARING_DISCLOSURE_SENT, "2026-11-30", NULL);
  assert_closed (window, "hearing_disclosure_due", "2026-11-24", "2026-11-30");

  /* Her new district asks for the records; they are sent the next day. */
  add_event (window, CL_EVENT_DISTRICT_RECORDS_REQUEST, "2026-11-24", NULL);
  assert_open (window, "records_transfer_due", "2026-11-24");
  add_event (window, CL_EVENT_RECORDS_SENT, "2026-11-25", NULL);
  assert_closed (window, "records_transfer_due", "2026-11-24", "2026-11-25");

  /* A surrogate parent is needed: the SELPA director is told, then one is appointed. */
  add_event (window, CL_EVENT_SURROGATE_NEEDED, "2026-11-30", NULL);
  assert_open (window, "surrogate_notice_due", "2026-11-30");
  assert_open (window, "surrogate_parent_due", "2026-11-30");
  add_event (window, CL_EVENT_SURROGATE_NOTICE_SENT, "2026-12-01", NULL);
  assert_closed (window, "surrogate_notice_due", "2026-11-30", "2026-12-01");
  assert_open (window, "surrogate_parent_due", "2026-11-30");
  add_event (window, CL_EVENT_SURROGATE_APPOINTED, "2026-12-02", NULL);
  assert_closed (window, "surrogate_parent_due", "2026-11-30", "2026-12-02");

  /* First enrolled in a California school, with Spanish at home: both language assessments. */
  add_event (window, CL_EVENT_ENROLLMENT, "2026-12-01", NULL);
  assert_open (window, "el_assessment_due", "2026-12-01");
  assert_open (window, "primary_language_assessment_due", "2026-12-01");
  add_event (window, CL_EVENT_ENGLISH_PROFICIENCY_ASSESSED, "2026-12-03", NULL);
  assert_closed (window, "el_assessment_due", "2026-12-01", "2026-12-03");
  add_event (window, CL_EVENT_PRIMARY_LANGUAGE_ASSESSED, "2026-12-04", NULL);
  assert_closed (window, "primary_language_assessment_due", "2026-12-01", "2026-12-04");

  /* What was written is what the bundle says: the extension's members in extra. */
  {
    const ClStudent *student = _cl_window_get_student (window);
    const ClEvent *extension = NULL;

    for (guint i = 0; i < student->events->len; i++)
      if (g_array_index (student->events, ClEvent, i).type == CL_EVENT_EXTENSION)
        extension = &g_array_index (student->events, ClEvent, i);
    g_assert_nonnull (extension);
    g_assert_cmpstr (cl_extra_get_string (extension->extra, "rule"), ==, "complaint_decision_due");
    g_assert_cmpuint (cl_extra_get_date (extension->extra, "until"), ==, cl_date_from_ymd (2027, 2, 1));
  }
  gtk_window_destroy (GTK_WINDOW (window));
}

/* The form that knows the student: Camila's next event is her annual review, not a referral; an
 * initial IEP meeting for her is questioned but can be saved; a removal needs its days; an
 * extension its date, after the agreement. Adrián Vega (S-1037, grade 10, born March 19, 2011)
 * has the transition plan since December 2025: his next meeting keeps it, and asks nothing about
 * the rights at 18 (17 on March 19, 2028 is more than a year after a meeting today). */
static void
test_defaults_and_questions (void)
{
  ClWindow *window = demo_database_window_at (TODAY, 1000, 700, NULL);
  AdwMessageDialog *dialog;
  ClEventEditor *form;
  ClEvent event = { 0 };

  g_assert_true (cl_window_select_student (window, "S-1015"));
  iterate ();
  form = open_form (window, &dialog);
  shot (GTK_WIDGET (dialog), "event-form-wide");
  g_assert_cmpint (cl_event_editor_get_event_type (form), ==, CL_EVENT_IEP_MEETING);
  g_assert_true (cl_event_editor_get_event (form, &event));
  g_assert_cmpint (event.kind, ==, CL_MEETING_ANNUAL);
  g_assert_cmpuint (event.date, ==, TODAY);
  cl_event_clear (&event);
  g_assert_null (cl_event_editor_get_message (form));

  g_assert_true (cl_event_editor_set_field (form, "kind", "Initial IEP meeting"));
  g_assert_nonnull (strstr (cl_event_editor_get_message (form), "already has an IEP (since April 24, 2025)"));
  g_assert_true (cl_event_editor_get_valid (form));
  /* The eligible switch is the initial and triennial meetings' only. */
  g_assert_true (cl_event_editor_set_field (form, "eligible", "false"));
  g_assert_true (cl_event_editor_set_field (form, "kind", "Amendment meeting"));
  g_assert_false (cl_event_editor_set_field (form, "eligible", "true"));
  g_assert_null (cl_event_editor_get_message (form));

  /* A removal needs its school days; a referral has no such row. */
  cl_event_editor_set_event_type (form, CL_EVENT_REMOVAL);
  g_assert_false (cl_event_editor_get_valid (form));
  g_assert_true (cl_event_editor_set_field (form, "school_days", "2.5"));
  g_assert_true (cl_event_editor_get_valid (form));
  cl_event_editor_set_event_type (form, CL_EVENT_REFERRAL);
  g_assert_false (cl_event_editor_set_field (form, "school_days", "3"));

  /* An extension needs the date agreed, on or after the agreement; typed either way. */
  cl_event_editor_set_event_type (form, CL_EVENT_EXTENSION);
  g_assert_false (cl_event_editor_get_valid (form));
  g_assert_true (cl_event_editor_set_field (form, "until", "2026-12-01"));
  g_assert_false (cl_event_editor_get_valid (form));
  g_assert_true (cl_event_editor_set_field (form, "until", "12/21/2026"));
  g_assert_true (cl_event_editor_get_valid (form));
  g_assert_true (cl_event_editor_get_event (form, &event));
  g_assert_cmpstr (cl_extra_get_string (event.extra, "rule"), ==, "assessment_plan_due");
  g_assert_cmpuint (cl_extra_get_date (event.extra, "until"), ==, cl_date_from_ymd (2026, 12, 21));
  cl_event_clear (&event);

  /* A three-year review is questioned for a student with no IEP on that day. */
  cl_event_editor_set_event_type (form, CL_EVENT_TRIENNIAL_WAIVER);
  cl_event_editor_set_date_text (form, "2024-01-10");
  g_assert_nonnull (strstr (cl_event_editor_get_message (form), "has no IEP on this date"));
  g_assert_true (cl_event_editor_get_valid (form));
  adw_message_dialog_response (dialog, "cancel");
  gtk_window_destroy (GTK_WINDOW (dialog));
  iterate ();

  g_assert_true (cl_window_select_student (window, "S-1037"));
  iterate ();
  form = open_form (window, &dialog);
  g_assert_true (cl_event_editor_get_event (form, &event));
  g_assert_cmpint (event.type, ==, CL_EVENT_IEP_MEETING);
  g_assert_cmpint (event.kind, ==, CL_MEETING_ANNUAL);
  g_assert_true (event.transition_plan);
  g_assert_false (event.age_of_majority_informed);
  cl_event_clear (&event);
  g_assert_null (cl_event_editor_get_message (form));
  /* A date still to come is questioned, not refused. */
  cl_event_editor_set_date_text (form, "2027-06-01");
  g_assert_nonnull (strstr (cl_event_editor_get_message (form), "in the future"));
  g_assert_true (cl_event_editor_get_valid (form));
  adw_message_dialog_response (dialog, "cancel");
  gtk_window_destroy (GTK_WINDOW (dialog));
  iterate ();
  gtk_window_destroy (GTK_WINDOW (window));
}

/* An overdue age-of-majority notice is completed from the form (issue 20): S-1021, born July 22,
 * 2009, turned 17 on July 22, 2026 with no IEP telling of the rights at 18. */
static void
test_age_of_majority_from_the_form (void)
{
  ClWindow *window = demo_database_window_at (TODAY, 1000, 700, NULL);
  GPtrArray *obligations;
  gboolean found = FALSE;
  AdwMessageDialog *dialog;
  ClEventEditor *form;

  g_assert_true (cl_window_select_student (window, "S-1021"));
  iterate ();
  /* The form asks, and says why; the switch is on the form for every kind of meeting. */
  form = open_form (window, &dialog);
  g_assert_true (cl_event_editor_set_field (form, "kind", "Amendment meeting"));
  g_assert_nonnull (strstr (cl_event_editor_get_message (form), "turns 17 on July 22, 2026"));
  g_assert_true (cl_event_editor_set_field (form, "age_of_majority_informed", "true"));
  g_assert_null (cl_event_editor_get_message (form));
  save (dialog);
  obligations = cl_session_get_student_obligations (window->session, _cl_window_get_student (window));
  for (guint i = 0; i < obligations->len; i++)
    {
      const ClObligation *ob = g_ptr_array_index (obligations, i);
      if (g_str_equal (ob->rule->id, "age_of_majority_notice_due"))
        {
          found = TRUE;
          g_assert_cmpuint (ob->met_on, ==, TODAY);
        }
    }
  g_assert_true (found);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* An event given to the form is shown exactly as given, and saved so when nothing is changed:
 * its kind, flags and the members of extra, those the form shows and those it does not. */
static void
test_initial_exactly (void)
{
  ClEvent initial = { 0 }, out = { 0 };
  g_autoptr(ClEventEditor) form = NULL;
  g_autoptr(JsonObject) extra = json_object_new ();
  ClStudent *student = cl_student_new ("S-9");

  initial.type = CL_EVENT_IEP_MEETING;
  initial.date = cl_date_from_ymd (2026, 5, 14);
  initial.kind = CL_MEETING_TRIENNIAL;
  initial.from = -1;
  initial.eligible = FALSE;
  initial.transition_plan = TRUE;
  initial.age_of_majority_informed = TRUE;
  json_object_set_string_member (extra, "note", "kept");
  initial.extra = json_object_ref (extra);
  form = g_object_ref_sink (cl_event_editor_new_for_student (student, &initial, TODAY));
  g_assert_true (cl_event_editor_get_event (form, &out));
  g_assert_cmpint (out.type, ==, CL_EVENT_IEP_MEETING);
  g_assert_cmpint (out.kind, ==, CL_MEETING_TRIENNIAL);
  g_assert_false (out.eligible);
  g_assert_true (out.transition_plan);
  g_assert_true (out.age_of_majority_informed);
  g_assert_cmpstr (cl_extra_get_string (out.extra, "note"), ==, "kept");
  cl_event_clear (&out);

  /* A transfer with its last day there, and a complaint whose complainant another form wrote in
   * words: both kept as they were. */
  cl_event_clear (&initial);
  g_clear_object (&form);
  initial = (ClEvent) { .type = CL_EVENT_TRANSFER_IN, .date = cl_date_from_ymd (2026, 9, 1), .kind = -1,
                        .from = CL_TRANSFER_IN_STATE, .has_iep = TRUE, .eligible = TRUE };
  initial.extra = json_object_new ();
  json_object_set_string_member (initial.extra, "last_enrolled", "2026-06-12");
  form = g_object_ref_sink (cl_event_editor_new_for_student (student, &initial, TODAY));
  g_assert_true (cl_event_editor_get_event (form, &out));
  g_assert_cmpint (out.from, ==, CL_TRANSFER_IN_STATE);
  g_assert_true (out.has_iep);
  g_assert_cmpuint (cl_extra_get_date (out.extra, "last_enrolled"), ==, cl_date_from_ymd (2026, 6, 12));
  cl_event_clear (&out);
  cl_event_clear (&initial);
  g_clear_object (&form);

  initial = (ClEvent) { .type = CL_EVENT_COMPLAINT, .date = cl_date_from_ymd (2026, 9, 1),
                        .kind = CL_COMPLAINT_STATE, .from = -1, .eligible = TRUE };
  initial.extra = json_object_new ();
  json_object_set_string_member (initial.extra, "filed_by", "Mrs. Flores");
  form = g_object_ref_sink (cl_event_editor_new_for_student (student, &initial, TODAY));
  g_assert_true (cl_event_editor_get_event (form, &out));
  g_assert_cmpint (out.kind, ==, CL_COMPLAINT_STATE);
  g_assert_cmpstr (cl_extra_get_string (out.extra, "filed_by"), ==, "Mrs. Flores");
  cl_event_clear (&out);
  cl_event_clear (&initial);
  cl_student_free (student);
}

/* The form in a narrow window, to look at (CASELOAD_SHOTS). */
static void
test_narrow (void)
{
  ClWindow *window = demo_database_window_at (TODAY, 400, 760, NULL);
  AdwMessageDialog *dialog;
  ClEventEditor *form;

  g_assert_true (cl_window_select_student (window, "S-1037"));
  iterate ();
  form = open_form (window, &dialog);
  g_assert_true (cl_event_editor_set_field (form, "kind", "Triennial review"));
  shot (GTK_WIDGET (dialog), "event-form-narrow");
  /* The list of types, by stage, each label whole. */
  {
    GtkWidget *row = find_row (GTK_WIDGET (form), ADW_TYPE_COMBO_ROW, "What Happened");
    GtkWidget *popover;

    g_assert_nonnull (row);
    gtk_widget_activate (row);
    iterate ();
    popover = find_type (row, GTK_TYPE_POPOVER);
    g_assert_nonnull (popover);
    g_assert_true (gtk_widget_get_visible (popover));
    shot (popover, "event-form-types");
    gtk_popover_popdown (GTK_POPOVER (popover));
  }
  cl_event_editor_set_event_type (form, CL_EVENT_EXTENSION);
  shot (GTK_WIDGET (dialog), "event-form-extension");
  g_assert_true (gtk_widget_get_width (GTK_WIDGET (form)) <= 400);
  adw_message_dialog_response (dialog, "cancel");
  gtk_window_destroy (GTK_WINDOW (dialog));
  iterate ();
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int argc, char **argv)
{
  app = cl_ui_test_init (&argc, &argv);

  g_test_add_func ("/ui/event-form/new-event-types", test_new_event_types);
  g_test_add_func ("/ui/event-form/defaults-and-questions", test_defaults_and_questions);
  g_test_add_func ("/ui/event-form/age-of-majority", test_age_of_majority_from_the_form);
  g_test_add_func ("/ui/event-form/initial-exactly", test_initial_exactly);
  g_test_add_func ("/ui/event-form/narrow", test_narrow);
  return cl_ui_test_run (app);
}
