/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-discipline.c — removals, the manifestation determination, records requests, complaints and
 * the principal's view, driven through the forms as a case manager would (under Xvfb)
 *
 * The demo caseload goes into a fresh database and "today" is pinned to 2026-11-24, so every date
 * below is worked out by hand from the demo's Lincoln Middle School 2026-27 calendar: first day
 * 2026-08-17; closed 2026-09-07 (Labor Day), 2026-11-11 (Veterans Day), 2026-11-23..27
 * (Thanksgiving, holiday), 2026-12-21..2027-01-01 (winter break).
 *
 * With CASELOAD_SHOTS=DIR set, the forms and sections are also saved as PNG files in DIR, to look
 * at them.
 */
#include <string.h>

#include "cl-bundle-reader.h"
#include "cl-bundle-writer.h"
#include "cl-case-form.h"
#include "cl-discipline.h"
#include "cl-discipline-section.h"
#include "cl-mdr-editor.h"
#include "cl-removal-editor.h"
#include "cl-student-row.h"
#include "cl-ui-test.h"

static ClApplication *app;

static ClDisciplineSection *
section_of (ClWindow *window)
{
  return CL_DISCIPLINE_SECTION (find_type (GTK_WIDGET (window->student_page), CL_TYPE_DISCIPLINE_SECTION));
}

static const char *
banners (ClWindow *window)
{
  return cl_discipline_section_get_banner_text (section_of (window));
}

/* Opens student.log-discipline @what and returns its dialog. */
static AdwMessageDialog *
open_form (ClWindow   *window,
           const char *what)
{
  AdwMessageDialog *dialog;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window->student_page), "student.log-discipline", "s", what));
  iterate ();
  dialog = find_dialog ();
  g_assert_nonnull (dialog);
  return dialog;
}

static void
save (AdwMessageDialog *dialog)
{
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "save"));
  adw_message_dialog_response (dialog, "save");
  iterate ();
}

static void
log_removal (ClWindow   *window,
             const char *date,
             const char *days,
             int         kind,
             const char *description)
{
  AdwMessageDialog *dialog = open_form (window, "removal");
  ClRemovalEditor *editor = CL_REMOVAL_EDITOR (adw_message_dialog_get_extra_child (dialog));

  cl_removal_editor_set_text (editor, date, days, kind, description);
  g_assert_true (cl_removal_editor_get_valid (editor));
  save (dialog);
}

/* Minh Nguyen (S-1002, Lincoln) has no removal in the demo. Four are logged:
 *   2026-09-14 suspension 4         counted 4
 *   2026-10-05 other removal 4      counted 8
 *   2026-11-02 in-school 3          counted 8 (not counted)
 *   2026-11-16 suspension 2.5       counted 10.5: more than 10 -> services required from this
 *                                   removal, due 2026-11-16 (34 CFR 300.530(d); EC 48911)
 * Then the team decides on Tue 2026-11-17 that the pattern is a change of placement: the
 * determination is due 10 school days later — Nov 18, 19, 20 (3), Nov 23-27 closed, Nov 30 and
 * Dec 1, 2, 3, 4 (8), Dec 7, 8 (10) -> 2026-12-08 (34 CFR 300.530(e); EC 48915.5). */
static void
test_removals_to_mdr (void)
{
  g_autofree char *dir = NULL;
  ClWindow *window = demo_database_window_at (D ("2026-11-24"), 1366, 768, &dir);
  AdwMessageDialog *dialog;
  ClRemovalEditor *editor;
  ClMdrEditor *mdr;
  ClStudent *student;
  g_autofree char *rows = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) trail = NULL;
  const ClEvent *meeting = NULL;

  g_assert_true (cl_window_select_student (window, "S-1002"));
  iterate ();
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (section_of (window))));
  g_assert_cmpstr (banners (window), ==, "");

  /* The form checks what is typed: no days, a day count of 0, a word, an impossible date. */
  dialog = open_form (window, "removal");
  editor = CL_REMOVAL_EDITOR (adw_message_dialog_get_extra_child (dialog));
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "save"));
  cl_removal_editor_set_text (editor, "2026-09-14", "0", CL_REMOVAL_SUSPENSION, NULL);
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "save"));
  g_assert_nonnull (strstr (cl_removal_editor_get_message (editor), "greater than 0"));
  cl_removal_editor_set_text (editor, NULL, "three", -1, NULL);
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "save"));
  cl_removal_editor_set_text (editor, "2026-09-31", "4", -1, NULL);
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "save"));
  g_assert_nonnull (strstr (cl_removal_editor_get_message (editor), "Not a date"));
  /* A future date is questioned, not refused. */
  cl_removal_editor_set_text (editor, "2026-12-14", NULL, -1, NULL);
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "save"));
  g_assert_nonnull (strstr (cl_removal_editor_get_message (editor), "future"));
  cl_removal_editor_set_text (editor, "2026-09-14", NULL, -1, "Pushed a classmate in the hallway");
  g_assert_cmpstr (cl_removal_editor_get_message (editor), ==, "");
  shot (GTK_WIDGET (dialog), "removal-form");
  save (dialog);

  log_removal (window, "2026-10-05", "4", CL_REMOVAL_OTHER, NULL);
  g_assert_cmpstr (banners (window), ==, "");
  log_removal (window, "2026-11-02", "3", CL_REMOVAL_IN_SCHOOL_SUSPENSION, NULL);
  g_assert_cmpstr (banners (window), ==, "");
  log_removal (window, "2026-11-16", "2.5", CL_REMOVAL_SUSPENSION, "Left class without permission");

  /* The 10-day banner, with the engine's date and citation. */
  g_assert_nonnull (strstr (banners (window), "services required since November 16, 2026"));
  g_assert_nonnull (strstr (banners (window), "34 CFR 300.530(b)(2), (d)"));
  g_assert_null (strstr (banners (window), "manifestation determination due"));
  rows = rows_text (GTK_WIDGET (section_of (window)));
  g_assert_nonnull (strstr (rows, "School year 2026-27|10.5 school days counted · 3 in-school days not counted · 4 removals"));
  g_assert_nonnull (strstr (rows, "Suspension · 2.5 school days|November 16, 2026 · 10.5 days counted so far · Left class without permission"));
  g_assert_nonnull (strstr (rows, "In-school suspension · 3 school days|November 2, 2026 · not counted"));
  g_clear_pointer (&rows, g_free);
  shot (GTK_WIDGET (section_of (window)), "removal-log");

  /* The team's decision that the pattern is a change of placement: the MDR banner and its date. */
  dialog = open_form (window, "placement_change_decision");
  cl_case_form_set_text (CL_CASE_FORM (adw_message_dialog_get_extra_child (dialog)), "2026-11-17", -1,
                         "A pattern of removals", NULL);
  save (dialog);
  g_assert_nonnull (strstr (banners (window), "Change of placement: manifestation determination due December 8, 2026"));
  g_assert_nonnull (strstr (banners (window), "on the day it is made"));
  g_assert_nonnull (strstr (banners (window), "EC 48915.5"));
  shot (GTK_WIDGET (section_of (window)), "banners");

  /* The determination: both answers no -> not a manifestation; saved, the MDR is met. */
  dialog = open_form (window, "mdr");
  mdr = CL_MDR_EDITOR (adw_message_dialog_get_extra_child (dialog));
  cl_mdr_editor_set_answers (mdr, "2026-11-20", 0, -1);
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "save"));
  cl_mdr_editor_set_answers (mdr, NULL, 0, 1);
  g_assert_cmpstr (cl_mdr_editor_get_outcome_text (mdr), ==, "The conduct is a manifestation of the disability");
  cl_mdr_editor_set_answers (mdr, NULL, 0, 0);
  g_assert_cmpstr (cl_mdr_editor_get_outcome_text (mdr), ==, "The conduct is not a manifestation of the disability");
  shot (GTK_WIDGET (dialog), "mdr-form");
  save (dialog);

  g_assert_null (strstr (banners (window), "manifestation determination due"));
  rows = rows_text (GTK_WIDGET (section_of (window)));
  g_assert_nonnull (strstr (rows, "Determination held November 20, 2026 (due December 8, 2026)"));
  g_assert_nonnull (strstr (rows, "Meeting of November 20, 2026: not a manifestation"));
  g_clear_pointer (&rows, g_free);
  student = _cl_window_get_student (window);
  for (guint i = 0; i < student->events->len; i++)
    if (g_array_index (student->events, ClEvent, i).type == CL_EVENT_IEP_MEETING &&
        g_array_index (student->events, ClEvent, i).kind == CL_MEETING_MANIFESTATION)
      meeting = &g_array_index (student->events, ClEvent, i);
  g_assert_nonnull (meeting);
  g_assert_cmpuint (meeting->date, ==, D ("2026-11-20"));
  g_assert_cmpstr (json_object_get_string_member (meeting->extra, CL_MDR_OUTCOME), ==, "not_manifestation");
  g_assert_false (json_object_get_boolean_member (meeting->extra, CL_MDR_CAUSED_BY_DISABILITY));
  g_assert_false (json_object_get_boolean_member (meeting->extra, CL_MDR_FAILURE_TO_IMPLEMENT));
  shot (GTK_WIDGET (section_of (window)), "mdr-done");

  /* Undo takes the meeting back out: the determination is due again. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  iterate ();
  g_assert_nonnull (strstr (banners (window), "manifestation determination due December 8, 2026"));

  /* Special circumstances (here, say, a weapon on 2026-11-20): an interim setting for at most 45
   * school days. From Fri 2026-11-20: Nov 23-27 closed; Nov 30-Dec 18 (15), winter break, Jan 4-15
   * (25), Jan 18 closed, Jan 19-Feb 12 (44), Feb 15 closed (Presidents' Day), Feb 16 (45) ->
   * 2027-02-16 (34 CFR 300.530(g); HB 9.7). */
  dialog = open_form (window, "iaes_placement");
  cl_case_form_set_text (CL_CASE_FORM (adw_message_dialog_get_extra_child (dialog)), "2026-11-20", -1,
                         "District learning center", NULL);
  save (dialog);
  g_assert_nonnull (strstr (banners (window), "Interim alternative setting ends February 16, 2027"));
  g_assert_nonnull (strstr (banners (window), "34 CFR 300.530(g)"));

  /* Every change is in the audit trail. */
  trail = cl_store_list_audit (cl_session_get_store (window->session), "S-1002", &error);
  g_assert_no_error (error);
  {
    g_autoptr(GString) all = g_string_new (NULL);

    for (guint i = 0; i < trail->len; i++)
      {
        const ClAuditEntry *a = g_ptr_array_index (trail, i);
        g_string_append_printf (all, "%s|%s\n", a->old_value ? a->old_value : "", a->new_value ? a->new_value : "");
      }
    g_assert_nonnull (strstr (all->str, "|removal 2026-11-16 suspension 2.5 days"));
    g_assert_nonnull (strstr (all->str, "|placement_change_decision 2026-11-17"));
    /* The determination's answers are in the line of the meeting added, then taken out by Undo. */
    g_assert_nonnull (strstr (all->str, "|iep_meeting 2026-11-20 manifestation {\"conduct_caused_by_disability\":false,"
                                        "\"failure_to_implement\":false,\"outcome\":\"not_manifestation\"}\n"));
    g_assert_nonnull (strstr (all->str, "iep_meeting 2026-11-20 manifestation {\"conduct_caused_by_disability\":false,"
                                        "\"failure_to_implement\":false,\"outcome\":\"not_manifestation\"}|\n"));
    g_assert_nonnull (strstr (all->str, "|removal 2026-09-14 suspension 4 days {\"description\":\"Pushed a classmate in the hallway\"}"));
  }

  /* The principal's view lists Minh at Lincoln with the open determination; the row opens the file. */
  _cl_window_show_view (window, "compliance");
  iterate ();
  rows = rows_text (GTK_WIDGET (window->compliance_page));
  g_assert_nonnull (strstr (rows, "Minh Nguyen|10.5 school days of removal this school year · manifestation determination "
                                  "due December 8, 2026 · interim setting ends February 16, 2027"));
  shot (GTK_WIDGET (window), "compliance");
  g_signal_emit_by_name (window->compliance_page, "student-activated", "S-1002");
  iterate ();
  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->content_stack), ==, "student");
  g_assert_cmpstr (_cl_window_get_student (window)->id, ==, "S-1002");

  /* Export and import again: what the forms keep in the events' extra survives. */
  {
    g_autofree char *bundle = cl_store_export (cl_session_get_store (window->session), NULL, NULL, &error);
    g_autoptr(ClCaseload) back = NULL;
    g_autofree char *path2 = g_build_filename (dir, "again.db", NULL);
    g_autoptr(ClStore) store2 = NULL;
    g_autoptr(ClCaseload) loaded = NULL;
    ClStudent *s;
    gboolean found_description = FALSE, found_pattern = FALSE;

    g_assert_no_error (error);
    back = cl_bundle_read_data (bundle, -1, &error);
    g_assert_no_error (error);
    store2 = cl_store_open (path2, TRUE, &error);
    g_assert_no_error (error);
    g_assert_true (cl_store_import (store2, back, FALSE, NULL, NULL, &error));
    g_assert_no_error (error);
    loaded = cl_store_load_caseload (store2, &error);
    g_assert_no_error (error);
    s = cl_caseload_lookup_student (loaded, "S-1002");
    for (guint i = 0; i < s->events->len; i++)
      {
        const ClEvent *e = &g_array_index (s->events, ClEvent, i);

        if (e->type == CL_EVENT_REMOVAL && e->date == D ("2026-09-14"))
          found_description = g_strcmp0 (json_object_get_string_member_with_default (e->extra, CL_REMOVAL_DESCRIPTION, NULL),
                                         "Pushed a classmate in the hallway") == 0;
        if (e->type == CL_EVENT_PLACEMENT_CHANGE_DECISION)
          found_pattern = g_strcmp0 (json_object_get_string_member_with_default (e->extra, "description", NULL),
                                     "A pattern of removals") == 0;
      }
    g_assert_true (found_description);
    g_assert_true (found_pattern);
  }
  gtk_window_destroy (GTK_WINDOW (window));
}

/* A records request (CA: 5 business days; holidays don't count): received Fri 2026-11-20 ->
 * Nov 30, Dec 1, 2, 3, 4 -> due 2026-12-04 (EC 56504). A due-process complaint received
 * 2026-11-02: response due 10 calendar days later, 2026-11-12 (34 CFR 300.508(e)); resolution
 * session 15, 2026-11-17 (34 CFR 300.510(a)(1)); decision 75, 2027-01-16 (34 CFR 300.510(b),
 * 300.515(a)). */
static void
test_requests_and_complaints (void)
{
  g_autofree char *dir = NULL;
  ClWindow *window = demo_database_window_at (D ("2026-11-24"), 1366, 768, &dir);
  AdwMessageDialog *dialog;
  ClCaseForm *form;
  ClStudent *student;
  const ClEvent *request = NULL, *complaint = NULL;
  g_autofree char *rows = NULL;

  g_assert_true (cl_window_select_student (window, "S-1002"));
  iterate ();

  dialog = open_form (window, "records_request");
  form = CL_CASE_FORM (adw_message_dialog_get_extra_child (dialog));
  /* Who asked is needed. */
  cl_case_form_set_text (form, "2026-11-20", -1, "", "Attendance and discipline records");
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "save"));
  cl_case_form_set_text (form, NULL, -1, "Parent (synthetic)", NULL);
  shot (GTK_WIDGET (dialog), "records-form");
  save (dialog);
  rows = rows_text (GTK_WIDGET (section_of (window)));
  g_assert_nonnull (strstr (rows, "Requested by Parent (synthetic)|Received November 20, 2026 · due December 4, 2026 (5 business days, EC 56504, EC 49065) · Attendance and discipline records"));
  g_clear_pointer (&rows, g_free);

  student = _cl_window_get_student (window);
  for (guint i = 0; i < student->events->len; i++)
    if (g_array_index (student->events, ClEvent, i).type == CL_EVENT_RECORDS_REQUEST)
      request = &g_array_index (student->events, ClEvent, i);
  g_assert_nonnull (request);
  /* Provided: not before the request; then the records_provided event meets it. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window->student_page), "student.discipline-follow-up", "(su)",
                                             "records_provided", request->order));
  iterate ();
  dialog = find_dialog ();
  form = CL_CASE_FORM (adw_message_dialog_get_extra_child (dialog));
  cl_case_form_set_text (form, "2026-11-19", -1, NULL, NULL);
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "save"));
  cl_case_form_set_text (form, "2026-11-24", -1, NULL, NULL);
  save (dialog);
  rows = rows_text (GTK_WIDGET (section_of (window)));
  g_assert_nonnull (strstr (rows, " · provided November 24, 2026"));
  g_clear_pointer (&rows, g_free);

  dialog = open_form (window, "complaint");
  cl_case_form_set_text (CL_CASE_FORM (adw_message_dialog_get_extra_child (dialog)), "2026-11-02",
                         CL_COMPLAINT_DUE_PROCESS, "Parent (synthetic)", "Speech services");
  save (dialog);
  rows = rows_text (GTK_WIDGET (section_of (window)));
  g_assert_nonnull (strstr (rows, "Due-process complaint · filed by Parent (synthetic)|Received November 2, 2026 · Speech services"));
  g_assert_nonnull (strstr (rows, "Response to due-process complaint|Due November 12, 2026"));
  g_assert_nonnull (strstr (rows, "Resolution session|Due November 17, 2026"));
  g_assert_nonnull (strstr (rows, "Complaint decision|Due January 16, 2027"));
  g_clear_pointer (&rows, g_free);

  student = _cl_window_get_student (window);
  for (guint i = 0; i < student->events->len; i++)
    if (g_array_index (student->events, ClEvent, i).type == CL_EVENT_COMPLAINT)
      complaint = &g_array_index (student->events, ClEvent, i);
  g_assert_nonnull (complaint);
  /* The name is kept as the complainant, not as the bundle's "filed_by" (a closed list): the
   * caseload exported with it reads back. */
  g_assert_cmpstr (cl_extra_get_string (complaint->extra, "complainant"), ==, "Parent (synthetic)");
  g_assert_null (cl_extra_get_string (complaint->extra, "filed_by"));
  {
    g_autofree char *bundle = cl_bundle_write (cl_session_get_caseload (window->session));
    g_autoptr(GError) error = NULL;
    g_autoptr(ClCaseload) back = cl_bundle_read_data (bundle, -1, &error);

    g_assert_no_error (error);
    g_assert_nonnull (back);
  }
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window->student_page), "student.discipline-follow-up", "(su)",
                                             "complaint_resolved", complaint->order));
  iterate ();
  dialog = find_dialog ();
  cl_case_form_set_text (CL_CASE_FORM (adw_message_dialog_get_extra_child (dialog)), "2026-11-23", -1,
                         "Settled: speech services restored", NULL);
  save (dialog);
  rows = rows_text (GTK_WIDGET (section_of (window)));
  g_assert_nonnull (strstr (rows, "Received November 2, 2026 · Speech services · outcome: Settled: speech services restored"));
  g_assert_nonnull (strstr (rows, "Complaint decision|Due January 16, 2027 · done November 23, 2026"));
  shot (GTK_WIDGET (section_of (window)), "requests");

  /* California: one suspension of more than 5 school days is over the limit (EC 48903(a)); the
   * banner is the engine's, and so is its sentence. */
  log_removal (window, "2026-11-16", "6", CL_REMOVAL_SUSPENSION, NULL);
  g_assert_nonnull (strstr (banners (window), "Suspension over the California limit (November 16, 2026)"));
  g_assert_nonnull (strstr (banners (window), "A suspension of 6 school days for one incident (at most 5)"));
  g_assert_nonnull (strstr (banners (window), "EC 48903(a), EC 48911(a)"));
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int argc, char **argv)
{
  app = cl_ui_test_init (&argc, &argv);

  g_test_add_func ("/ui/discipline/removals-to-mdr", test_removals_to_mdr);
  g_test_add_func ("/ui/discipline/requests-and-complaints", test_requests_and_complaints);
  return cl_ui_test_run (app);
}
