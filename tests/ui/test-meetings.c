/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-meetings.c — a meeting planned, prepared, run and recorded from the student's file, driven
 * as a facilitator would (under Xvfb)
 *
 * The demo caseload in a temporary database; S-1023 (Vartan Grigoryan, born 2010-09-02, so 16;
 * family language Armenian; last annual review 2026-02-26, no transition plan yet, so
 * transition_plan_due is overdue since his 16th birthday, rules.md). An annual review is planned
 * for 2026-12-14 with the general education teacher excused, the excusal completed, the notice
 * sent, two attempts to reach the parent logged, every checklist item ticked, and the meeting
 * recorded as held with its transition plan: transition_plan_due is then met on 2026-12-14.
 *
 * With CASELOAD_SNAPSHOT_DIR set, each step is also saved there as PNGs (wide and 400 px).
 */
#include <string.h>

#include "cl-meeting-window-private.h"
#include "cl-ui-test.h"

static ClApplication *app;

static void scroll_to (GtkWidget *target);

/* Saves @window as OUTDIR/NAME-wide.png and NAME-narrow.png (400 px wide), scrolled to @target. */
static void
snapshot_window_at (GtkWindow  *window,
                    GtkWidget  *target,
                    const char *name)
{
  const char *dir = g_getenv ("CASELOAD_SNAPSHOT_DIR");
  static const struct { const char *suffix; int width, height; } sizes[] = {
    { "wide", 1366, 768 }, { "narrow", 400, 760 },
  };
  int width, height;

  if (dir == NULL)
    return;
  gtk_window_get_default_size (window, &width, &height);
  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    {
      /* A dialog keeps its natural width when there is room for it. */
      int w = ADW_IS_MESSAGE_DIALOG (window) && i == 0 ? -1 : sizes[i].width;
      int h = ADW_IS_MESSAGE_DIALOG (window) ? -1 : sizes[i].height;
      g_autoptr(GdkPaintable) paintable = NULL;
      g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
      g_autoptr(GskRenderNode) node = NULL;
      g_autoptr(GdkTexture) texture = NULL;
      g_autofree char *file = g_strdup_printf ("%s/%s-%s.png", dir, name, sizes[i].suffix);
      gint64 until = g_get_monotonic_time () + G_USEC_PER_SEC / 2;

      gtk_window_set_default_size (window, w, h);
      while (g_get_monotonic_time () < until)
        g_main_context_iteration (NULL, FALSE);
      iterate ();
      /* Twice: the first scroll may come before the new width's layout. */
      for (int pass = 0; target != NULL && pass < 2; pass++)
        {
          scroll_to (target);
          until = g_get_monotonic_time () + G_USEC_PER_SEC / 4;
          while (g_get_monotonic_time () < until)
            g_main_context_iteration (NULL, FALSE);
          iterate ();
        }
      paintable = gtk_widget_paintable_new (GTK_WIDGET (window));
      gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), gtk_widget_get_width (GTK_WIDGET (window)),
                              gtk_widget_get_height (GTK_WIDGET (window)));
      node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
      if (node == NULL)
        continue;
      texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (window)), node, NULL);
      gdk_texture_save_to_png (texture, file);
    }
  gtk_window_set_default_size (window, width, height);
  iterate ();
}

static void
snapshot_window (GtkWindow  *window,
                 const char *name)
{
  snapshot_window_at (window, NULL, name);
}

/* Scrolls the scrolled window around @target so that @target is at the top. */
static void
scroll_to (GtkWidget *target)
{
  GtkWidget *scroller = gtk_widget_get_ancestor (target, GTK_TYPE_SCROLLED_WINDOW);
  GtkAdjustment *adjustment;
  double x, y;

  if (scroller == NULL)
    return;
  adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));
  /* Where @target is in the visible part, plus how far it is scrolled already. */
  if (gtk_widget_translate_coordinates (target, scroller, 0, 0, &x, &y))
    gtk_adjustment_set_value (adjustment, gtk_adjustment_get_value (adjustment) + y - 12);
  iterate ();
}

static void
snapshot_at (GtkWindow  *window,
             GtkWidget  *target,
             const char *name)
{
  if (g_getenv ("CASELOAD_SNAPSHOT_DIR") == NULL)
    return;
  snapshot_window_at (window, target, name);
}

static ClMeetingWindow *
find_meeting_window (void)
{
  return find_toplevel (CL_TYPE_MEETING_WINDOW, FALSE);
}

static void
collect_checks (GtkWidget *widget,
                GPtrArray *out)
{
  if (GTK_IS_CHECK_BUTTON (widget))
    g_ptr_array_add (out, widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    collect_checks (child, out);
}

/* Whether a label below @widget reads @text (a pill, say). */
static gboolean
has_label (GtkWidget  *widget,
           const char *text)
{
  if (GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_label (GTK_LABEL (widget)), text) == 0)
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    if (has_label (child, text))
      return TRUE;
  return FALSE;
}

static void
apply_entry (GtkWidget  *root,
             const char *title,
             const char *text)
{
  GtkWidget *row = find_row (root, ADW_TYPE_ENTRY_ROW, title);

  g_assert_nonnull (row);
  gtk_editable_set_text (GTK_EDITABLE (row), text);
  g_signal_emit_by_name (row, "apply");
  iterate ();
}

static const ClObligation *
obligation (ClWindow   *window,
            const char *student_id,
            const char *rule_id,
            int         role)
{
  for (guint i = 0; i < cl_session_get_obligations (window->session)->len; i++)
    {
      const ClObligation *ob = g_ptr_array_index (cl_session_get_obligations (window->session), i);
      if (g_str_equal (ob->student->id, student_id) && g_str_equal (ob->rule->id, rule_id) &&
          (role < 0 || ob->role == role))
        return ob;
    }
  return NULL;
}

static GtkWidget *
general_teacher_row (ClMeetingWindow *mw)
{
  GtkWidget *row = find_row (GTK_WIDGET (mw->team_group), ADW_TYPE_EXPANDER_ROW, "General education teacher");

  g_assert_nonnull (row);
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);
  return row;
}

static void
test_plan_prepare_hold (void)
{
  g_autofree char *dir = NULL;
  /* The morning of December 1, 2026. */
  ClWindow *window = demo_database_window_at (D ("2026-12-01"), 0, 0, &dir);
  g_autofree char *path = g_build_filename (dir, "caseload.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *meeting_id = NULL;
  AdwMessageDialog *dialog;
  ClMeetingWindow *mw;
  ClStudent *student;
  const ClObligation *ob;
  GtkWidget *row;
  guint n_events;

  g_assert_true (cl_window_select_student (window, "S-1023"));
  iterate ();
  student = _cl_window_get_student (window);
  g_assert_cmpstr (student->id, ==, "S-1023");
  g_assert_cmpuint (student->meetings->len, ==, 0);
  n_events = student->events->len;
  ob = obligation (window, "S-1023", "transition_plan_due", -1);
  g_assert_nonnull (ob);
  g_assert_cmpint (ob->status, ==, CL_STATUS_OVERDUE);
  g_assert_cmpuint (ob->due, ==, D ("2026-09-02"));

  /* Plan a Meeting… from the Planned Meetings group. */
  g_assert_true (gtk_widget_get_visible (find_action_button (GTK_WIDGET (window->student_page), "student.plan-meeting")));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window->student_page), "student.plan-meeting", NULL));
  iterate ();
  dialog = find_dialog ();
  g_assert_nonnull (dialog);
  {
    GtkWidget *form = adw_message_dialog_get_extra_child (dialog);
    GtkWidget *date = find_row (form, ADW_TYPE_ENTRY_ROW, "Date");
    GtkWidget *interpreter = find_row (form, ADW_TYPE_ENTRY_ROW, "Interpreter");

    /* The meeting the engine says is due next: his annual review (due 2027-02-26). */
    g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (find_row (form, ADW_TYPE_COMBO_ROW, "Kind"))), ==,
                      CL_MEETING_ANNUAL);
    /* The family speaks Armenian: the interpreter's language is proposed. */
    g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (interpreter)), ==, "hy");
    gtk_editable_set_text (GTK_EDITABLE (date), "2026-02-30");
    g_assert_false (adw_message_dialog_get_response_enabled (dialog, "plan"));
    gtk_editable_set_text (GTK_EDITABLE (date), "2026-12-14");
    g_assert_true (adw_message_dialog_get_response_enabled (dialog, "plan"));
    gtk_editable_set_text (GTK_EDITABLE (find_row (form, ADW_TYPE_ENTRY_ROW, "Place")), "Room 12");
  }
  snapshot_window (GTK_WINDOW (dialog), "1-plan");
  adw_message_dialog_response (dialog, "plan");
  iterate ();

  student = _cl_window_get_student (window);
  g_assert_cmpuint (student->meetings->len, ==, 1);
  /* The file lists it, with the notice still to send. */
  {
    g_autofree char *text = rows_text (GTK_WIDGET (window->student_page));
    g_assert_nonnull (strstr (text, "Annual review|December 14, 2026, 15:30 · Room 12 · invited: Parent, "));
  }
  meeting_id = g_strdup (((ClMeeting *) g_ptr_array_index (student->meetings, 0))->id);
  mw = find_meeting_window ();
  g_assert_nonnull (mw);
  iterate ();
  snapshot_at (GTK_WINDOW (window),
               gtk_widget_get_ancestor (find_row (GTK_WIDGET (window->student_page), ADW_TYPE_ACTION_ROW, "Annual review"),
                                        ADW_TYPE_PREFERENCES_GROUP),
               "1b-planned");

  /* The proposed team: the student is invited (16: transition is considered), an Armenian
   * interpreter, the parent by name, each with its reason; no required role is missing. */
  {
    g_autofree char *team = rows_text (GTK_WIDGET (mw->team_group));

    g_assert_nonnull (strstr (team, "Parent|Karine Grigoryan · attending"));
    g_assert_nonnull (strstr (team, "Student|Vartan Grigoryan · attending"));
    g_assert_nonnull (strstr (team, "Special education teacher|Chidi Okafor · attending"));
    g_assert_nonnull (strstr (team, "Language interpreter|"));
    g_assert_nonnull (strstr (team, "Why|Transition is considered at this meeting: the student is invited."));
    g_assert_nonnull (strstr (team, "Proposed: Agency representative|"));
    g_assert_null (strstr (team, "not invited"));
  }
  g_assert_null (obligation (window, "S-1023", "required_member_missing", -1));

  /* Without a district representative the engine says one is missing, and Invite fixes it. */
  {
    guint lea = G_MAXUINT;
    g_autofree char *team = NULL;

    for (guint i = 0; i < mw->draft->invitees->len; i++)
      if (g_array_index (mw->draft->invitees, ClInvitee, i).role == CL_ROLE_LEA_REPRESENTATIVE)
        lea = i;
    g_assert_cmpuint (lea, !=, G_MAXUINT);
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (mw), "meeting.remove-invitee", "u", lea));
    iterate ();
    ob = obligation (window, "S-1023", "required_member_missing", CL_ROLE_LEA_REPRESENTATIVE);
    g_assert_nonnull (ob);
    g_assert_cmpuint (ob->due, ==, D ("2026-12-14"));
    team = rows_text (GTK_WIDGET (mw->team_group));
    g_assert_nonnull (strstr (team, "District representative: not invited|Due December 14, 2026"));
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (mw), "meeting.invite", "i", (gint32) CL_ROLE_LEA_REPRESENTATIVE));
    iterate ();
    g_assert_null (obligation (window, "S-1023", "required_member_missing", -1));
  }

  /* The general education teacher, from the staff list. */
  row = general_teacher_row (mw);
  {
    AdwComboRow *who = ADW_COMBO_ROW (find_row (row, ADW_TYPE_COMBO_ROW, "Who"));
    GListModel *names = adw_combo_row_get_model (who);
    guint erik = GTK_INVALID_LIST_POSITION;

    for (guint i = 0; i < g_list_model_get_n_items (names); i++)
      if (g_str_equal (gtk_string_list_get_string (GTK_STRING_LIST (names), i), "Erik Lindqvist"))
        erik = i;
    /* Only general education teachers are offered. */
    g_assert_cmpuint (g_list_model_get_n_items (names), ==, 3);
    g_assert_cmpuint (erik, !=, GTK_INVALID_LIST_POSITION);
    adw_combo_row_set_selected (who, erik);
    iterate ();
  }

  /* Not attending: the excusal flow opens, and the engine's excusal_incomplete shows on it. */
  row = general_teacher_row (mw);
  gtk_switch_set_active (GTK_SWITCH (find_type (find_row (row, ADW_TYPE_ACTION_ROW, "Attending"), GTK_TYPE_SWITCH)), FALSE);
  iterate ();
  row = general_teacher_row (mw);
  {
    g_autofree char *text = rows_text (row);

    g_assert_nonnull (strstr (text, "General education teacher|Erik Lindqvist · not attending, excusal not complete"));
    g_assert_nonnull (strstr (text, "Excusal not complete yet|Not attending and not excused"));
    g_assert_nonnull (strstr (text, "Written excusal|Due December 14, 2026. An absent team member must be excused in writing"));
  }
  ob = obligation (window, "S-1023", "excusal_incomplete", CL_ROLE_GENERAL_EDUCATION_TEACHER);
  g_assert_nonnull (ob);
  g_assert_cmpuint (ob->met_on, ==, CL_DATE_NONE);

  /* Their area is discussed: the parent's written consent, then their written input. */
  adw_combo_row_set_selected (ADW_COMBO_ROW (find_row (row, ADW_TYPE_COMBO_ROW, "Is their area discussed")), 2);
  iterate ();
  row = general_teacher_row (mw);
  apply_entry (row, "Parent’s written consent", "2026-12-03");
  row = general_teacher_row (mw);
  {
    g_autofree char *text = rows_text (row);
    g_assert_nonnull (strstr (text, "Excusal not complete yet|Their area is discussed: their written input"));
  }
  apply_entry (row, "Their written input", "2026-12-10");
  row = general_teacher_row (mw);
  {
    g_autofree char *text = rows_text (row);
    g_assert_nonnull (strstr (text, "Erik Lindqvist · not attending, excused in writing"));
    g_assert_nonnull (strstr (text, "Excusal complete since December 10, 2026|"));
  }
  ob = obligation (window, "S-1023", "excusal_incomplete", CL_ROLE_GENERAL_EDUCATION_TEACHER);
  g_assert_cmpuint (ob->met_on, ==, D ("2026-12-10"));
  g_assert_cmpint (ob->status, ==, CL_STATUS_MET);

  /* An agency for transition services is invited only with written consent (34 CFR
   * 300.321(b)(3)): its row asks for the date, and says so until it has one. */
  {
    guint agency_index = mw->draft->invitees->len;
    GtkWidget *agency;

    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (mw), "meeting.invite", "i",
                                               (gint32) CL_ROLE_AGENCY_REPRESENTATIVE));
    iterate ();
    agency = find_row (GTK_WIDGET (mw->team_group), ADW_TYPE_EXPANDER_ROW, "Agency representative");
    g_assert_nonnull (agency);
    g_assert_true (has_label (agency, "Consent needed"));
    apply_entry (agency, "Consent in writing on", "2026-12-02");
    agency = find_row (GTK_WIDGET (mw->team_group), ADW_TYPE_EXPANDER_ROW, "Agency representative");
    g_assert_true (has_label (agency, "Consent given"));
    g_assert_false (has_label (agency, "Consent needed"));
    g_assert_cmpstr (json_object_get_string_member (g_array_index (mw->draft->invitees, ClInvitee, agency_index).extra,
                                                    "consent"), ==, "2026-12-02");
    snapshot_at (GTK_WINDOW (mw), agency, "2f-agency");
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (mw), "meeting.remove-invitee", "u", agency_index));
    iterate ();
  }

  /* The notice: due ten days before, sent today. */
  {
    g_autofree char *text = rows_text (GTK_WIDGET (mw->notice_group));
    g_assert_nonnull (strstr (text, "Send the notice by December 4, 2026|Due December 4, 2026"));
    g_assert_nonnull (strstr (text, "Notice Language|English (no Armenian wording yet); interpreter at the meeting: Armenian"));
  }
  apply_entry (GTK_WIDGET (mw->notice_group), "Notice sent on", "2026-12-01");
  ob = obligation (window, "S-1023", "meeting_notice_due", -1);
  g_assert_cmpuint (ob->met_on, ==, D ("2026-12-01"));
  /* Saved through the session, which read the caseload again: the main window keeps his file open,
   * on the records read now. */
  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->content_stack), ==, "student");
  g_assert_nonnull (cl_student_page_get_student (window->student_page));
  g_assert_cmpstr (cl_student_page_get_student (window->student_page)->id, ==, "S-1023");
  g_assert_true (cl_student_page_get_student (window->student_page) ==
                 cl_caseload_lookup_student (cl_session_get_caseload (window->session), "S-1023"));
  {
    g_autofree char *text = rows_text (GTK_WIDGET (mw->notice_group));
    g_assert_nonnull (strstr (text, "Notice sent in time|"));
  }

  /* Two attempts to reach the parent, by phone and by letter: enough to go ahead without her. */
  gtk_editable_set_text (GTK_EDITABLE (mw->attempt_date_row), "2026-12-02");
  adw_combo_row_set_selected (mw->attempt_method_row, CL_CONTACT_PHONE);
  gtk_editable_set_text (GTK_EDITABLE (mw->attempt_outcome_row), "Left a message");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (mw), "meeting.log-attempt", NULL));
  iterate ();
  {
    g_autofree char *text = rows_text (GTK_WIDGET (mw->parent_group));
    g_assert_nonnull (strstr (text, "Not yet enough to hold the meeting without the parent|1 attempt logged, by 1 means"));
    g_assert_nonnull (strstr (text, "Phone call, December 2, 2026|Left a message"));
  }
  gtk_editable_set_text (GTK_EDITABLE (mw->attempt_date_row), "2026-12-04");
  adw_combo_row_set_selected (mw->attempt_method_row, CL_CONTACT_LETTER);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (mw), "meeting.log-attempt", NULL));
  iterate ();
  {
    g_autofree char *text = rows_text (GTK_WIDGET (mw->parent_group));
    g_assert_nonnull (strstr (text, "The record is enough to hold the meeting without the parent|2 attempts logged, by 2 means"));
  }

  /* The agenda by age: the transition plan (overdue since his 16th birthday) and the
   * age-of-majority statement (due 2027-02-26), each with the engine's reason. */
  {
    g_autofree char *text = rows_text (GTK_WIDGET (mw->agenda_group));
    g_assert_nonnull (strstr (text, "Transition plan|Due September 2, 2026"));
    g_assert_nonnull (strstr (text, "Measurable postsecondary goal for employment|"));
    g_assert_nonnull (strstr (text, "Citation|EC 56043(g)(1), EC 56345(a)(8), 34 CFR 300.320(b)"));
    g_assert_nonnull (strstr (text, "Age-of-majority statement|Due February 26, 2027"));
    g_assert_null (strstr (text, "Transfer of rights"));
  }
  snapshot_window (GTK_WINDOW (mw), "2-prepare");
  snapshot_at (GTK_WINDOW (mw), GTK_WIDGET (mw->team_group), "2a-team");
  snapshot_at (GTK_WINDOW (mw), general_teacher_row (mw), "2b-excusal");
  snapshot_at (GTK_WINDOW (mw), GTK_WIDGET (mw->notice_group), "2c-notice");
  snapshot_at (GTK_WINDOW (mw), GTK_WIDGET (mw->parent_group), "2d-parent");
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (find_row (GTK_WIDGET (mw->agenda_group), ADW_TYPE_EXPANDER_ROW,
                                                             "Transition plan")), TRUE);
  snapshot_at (GTK_WINDOW (mw), GTK_WIDGET (mw->agenda_group), "2e-agenda");
  scroll_to (GTK_WIDGET (mw->meeting_group));

  /* In the meeting room: every item ticked, each saved at once. */
  cl_meeting_window_show_page (mw, "checklist");
  iterate ();
  {
    g_autoptr(GPtrArray) checks = g_ptr_array_new ();
    g_autoptr(GHashTable) saved = NULL;
    g_autoptr(ClStore) other = NULL;
    g_autofree char *text = rows_text (GTK_WIDGET (mw->checklist_group));

    g_assert_nonnull (strstr (text, "Excusals confirmed|General education teacher (Erik Lindqvist): excused in writing"));
    g_assert_nonnull (strstr (text, "Interpreter present (Armenian)|"));
    g_assert_nonnull (strstr (text, "Transition plan|Due September 2, 2026."));
    collect_checks (GTK_WIDGET (mw->checklist_group), checks);
    /* attendance, excusals, rights, interpreter, transition, age of majority, decisions, next dates */
    g_assert_cmpuint (checks->len, ==, 8);
    for (guint i = 0; i < checks->len; i++)
      {
        gtk_check_button_set_active (g_ptr_array_index (checks, i), TRUE);
        if (i == 2)
          snapshot_window (GTK_WINDOW (mw), "3-checklist");
      }
    iterate ();
    g_assert_cmpstr (gtk_label_get_label (mw->progress_label), ==, "8 of 8 done");
    /* Committed: another connection, as after a crash, reads every tick. */
    other = cl_store_open (path, FALSE, &error);
    g_assert_no_error (error);
    saved = cl_store_list_checklist (other, "S-1023", meeting_id, &error);
    g_assert_cmpuint (g_hash_table_size (saved), ==, 8);
    g_assert_true (GPOINTER_TO_INT (g_hash_table_lookup (saved, "agenda:transition_plan_due")));
  }

  /* Before the day, Record as Held is refused. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (mw), "meeting.record-held", NULL));
  iterate ();
  dialog = find_dialog ();
  g_assert_nonnull (dialog);
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "record"));
  adw_message_dialog_response (dialog, "cancel");
  iterate ();

  /* The day of the meeting: recorded as held, with its transition plan (ticked in the room). */
  cl_session_set_today (window->session, D ("2026-12-14"));
  mw->today = cl_session_get_today (window->session);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (mw), "meeting.record-held", NULL));
  iterate ();
  dialog = find_dialog ();
  g_assert_nonnull (dialog);
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "record"));
  {
    GtkWidget *box = adw_message_dialog_get_extra_child (dialog);
    g_assert_true (gtk_check_button_get_active (g_object_get_data (G_OBJECT (box), "transition")));
    g_assert_true (gtk_check_button_get_active (g_object_get_data (G_OBJECT (box), "majority")));
  }
  snapshot_window (GTK_WINDOW (dialog), "4-record-held");
  adw_message_dialog_response (dialog, "record");
  iterate ();

  g_assert_null (find_meeting_window ());
  student = _cl_window_get_student (window);
  g_assert_cmpstr (student->id, ==, "S-1023");
  g_assert_cmpuint (student->meetings->len, ==, 0);
  g_assert_cmpuint (student->events->len, ==, n_events + 1);
  {
    const ClEvent *held = &g_array_index (student->events, ClEvent, student->events->len - 1);
    g_assert_cmpint (held->type, ==, CL_EVENT_IEP_MEETING);
    g_assert_cmpuint (held->date, ==, D ("2026-12-14"));
    g_assert_cmpint (held->kind, ==, CL_MEETING_ANNUAL);
    g_assert_true (held->transition_plan);
    g_assert_true (held->age_of_majority_informed);
  }
  /* The alerts moved at once: the transition plan is met (late: due at 16). */
  ob = obligation (window, "S-1023", "transition_plan_due", -1);
  g_assert_cmpuint (ob->met_on, ==, D ("2026-12-14"));
  g_assert_cmpint (ob->status, ==, CL_STATUS_MET_LATE);
  ob = obligation (window, "S-1023", "age_of_majority_notice_due", -1);
  g_assert_cmpint (ob->status, ==, CL_STATUS_MET);
  snapshot_window (GTK_WINDOW (window), "5-after");

  /* Undo brings the plan back, with its attempts and ticks. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  iterate ();
  student = _cl_window_get_student (window);
  g_assert_cmpuint (student->meetings->len, ==, 1);
  g_assert_cmpuint (student->events->len, ==, n_events);
  ob = obligation (window, "S-1023", "transition_plan_due", -1);
  g_assert_cmpuint (ob->met_on, ==, CL_DATE_NONE);
  {
    g_autoptr(GPtrArray) attempts = cl_store_list_attendance_attempts (cl_session_get_store (window->session), "S-1023", meeting_id, &error);
    g_autoptr(GHashTable) ticks = cl_store_list_checklist (cl_session_get_store (window->session), "S-1023", meeting_id, &error);
    g_assert_cmpuint (attempts->len, ==, 2);
    g_assert_cmpuint (g_hash_table_size (ticks), ==, 8);
  }

  /* And the plan opens again from its row. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.open-meeting", "s", meeting_id));
  iterate ();
  mw = find_meeting_window ();
  g_assert_nonnull (mw);
  iterate ();

  /* A tick that cannot be saved does not stay: here the meeting was removed behind the window's
   * back (another Caseload on the same file). */
  {
    g_autoptr(ClStore) other = cl_store_open (path, FALSE, &error);
    g_autoptr(GPtrArray) checks = g_ptr_array_new ();
    GtkCheckButton *first;

    g_assert_true (cl_store_delete_meeting (other, "S-1023", meeting_id, &error));
    g_assert_no_error (error);
    collect_checks (GTK_WIDGET (mw->checklist_group), checks);
    g_assert_cmpuint (checks->len, ==, 8);
    first = g_ptr_array_index (checks, 0);
    g_assert_true (gtk_check_button_get_active (first));
    gtk_check_button_set_active (first, FALSE);
    iterate ();
    g_assert_true (gtk_check_button_get_active (first));
  }
  gtk_window_destroy (GTK_WINDOW (mw));
  gtk_window_destroy (GTK_WINDOW (window));
  iterate ();
}

/* The meeting's log as the store has it, one line each: the attempts by date (as the parent
 * section lists them), then the checklist items, sorted. */
static char *
meeting_log (ClStore    *store,
             const char *student_id,
             const char *meeting_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) attempts = cl_store_list_attendance_attempts (store, student_id, meeting_id, &error);
  g_autoptr(GHashTable) ticks = cl_store_list_checklist (store, student_id, meeting_id, &error);
  g_autoptr(GList) items = NULL;
  GString *out = g_string_new (NULL);

  g_assert_no_error (error);
  for (guint i = 0; i < attempts->len; i++)
    {
      const ClAttendanceAttempt *t = g_ptr_array_index (attempts, i);
      g_autofree char *day = cl_date_to_iso (t->date);

      g_string_append_printf (out, "%s %s %s\n", day, cl_contact_method_names[t->method], t->outcome ? t->outcome : "-");
    }
  items = g_list_sort (g_hash_table_get_keys (ticks), (GCompareFunc) strcmp);
  for (GList *l = items; l; l = l->next)
    g_string_append_printf (out, "%s %s\n", (char *) l->data,
                            GPOINTER_TO_INT (g_hash_table_lookup (ticks, l->data)) ? "done" : "not done");
  return g_string_free (out, FALSE);
}

/* Delete Student… then Undo: the planned meeting comes back with its log of attempts to reach the
 * parent and its checklist, exactly as the facilitator left them, and the meeting window shows
 * them again. */
static void
test_delete_student_undo_keeps_log (void)
{
  ClWindow *window = cl_window_new (app);
  g_autofree char *dir = g_dir_make_tmp ("caseload-meetings-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "caseload.db", NULL);
  g_autofree char *demo = g_test_build_filename (G_TEST_DIST, "..", "..", "data", "demo", "demo-caseload.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (demo);
  g_autofree char *meeting_id = NULL;
  g_autofree char *before = NULL;
  g_autofree char *deleted = NULL;
  g_autofree char *after = NULL;
  g_autofree char *progress = NULL;
  AdwMessageDialog *dialog;
  ClMeetingWindow *mw;
  ClStudent *student;

  cl_session_set_today (window->session, D ("2026-12-01"));
  gtk_window_present (GTK_WINDOW (window));
  cl_window_open_database (window, path);
  wait_for (loaded, window);
  _cl_window_import_file (window, file);
  wait_for (imported, window);
  g_assert_true (cl_window_select_student (window, "S-1023"));
  iterate ();

  /* An annual review planned, two attempts logged (the second without an outcome), three items
   * ticked in the room and one of them taken back. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window->student_page), "student.plan-meeting", NULL));
  iterate ();
  dialog = find_dialog ();
  g_assert_nonnull (dialog);
  gtk_editable_set_text (GTK_EDITABLE (find_row (adw_message_dialog_get_extra_child (dialog), ADW_TYPE_ENTRY_ROW, "Date")),
                         "2026-12-14");
  adw_message_dialog_response (dialog, "plan");
  iterate ();
  student = _cl_window_get_student (window);
  g_assert_cmpuint (student->meetings->len, ==, 1);
  meeting_id = g_strdup (((ClMeeting *) g_ptr_array_index (student->meetings, 0))->id);
  mw = find_meeting_window ();
  g_assert_nonnull (mw);
  iterate ();
  gtk_editable_set_text (GTK_EDITABLE (mw->attempt_date_row), "2026-12-04");
  adw_combo_row_set_selected (mw->attempt_method_row, CL_CONTACT_LETTER);
  gtk_editable_set_text (GTK_EDITABLE (mw->attempt_outcome_row), "Sent in Armenian");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (mw), "meeting.log-attempt", NULL));
  iterate ();
  gtk_editable_set_text (GTK_EDITABLE (mw->attempt_date_row), "2026-12-02");
  adw_combo_row_set_selected (mw->attempt_method_row, CL_CONTACT_PHONE);
  gtk_editable_set_text (GTK_EDITABLE (mw->attempt_outcome_row), "");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (mw), "meeting.log-attempt", NULL));
  iterate ();
  cl_meeting_window_show_page (mw, "checklist");
  iterate ();
  {
    g_autoptr(GPtrArray) checks = g_ptr_array_new ();

    collect_checks (GTK_WIDGET (mw->checklist_group), checks);
    g_assert_cmpuint (checks->len, >=, 3);
    for (guint i = 0; i < 3; i++)
      {
        gtk_check_button_set_active (g_ptr_array_index (checks, i), TRUE);
        iterate ();
      }
    gtk_check_button_set_active (g_ptr_array_index (checks, 1), FALSE);
    iterate ();
    progress = g_strdup_printf ("2 of %u done", checks->len);
  }
  g_assert_cmpstr (gtk_label_get_label (mw->progress_label), ==, progress);
  before = meeting_log (cl_session_get_store (window->session), "S-1023", meeting_id);
  {
    g_auto(GStrv) lines = g_strsplit (before, "\n", -1);

    /* Two attempts, by date, and three items: two done, one not. */
    g_assert_cmpuint (g_strv_length (lines), ==, 6);
    g_assert_cmpstr (lines[0], ==, "2026-12-02 phone -");
    g_assert_cmpstr (lines[1], ==, "2026-12-04 letter Sent in Armenian");
    g_assert_nonnull (strstr (before, " not done\n"));
  }

  /* Deleted from the main window: the meeting window closes, and the log is gone with them. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window->student_page), "student.delete-student", NULL));
  iterate ();
  dialog = find_dialog ();
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Delete Vartan Grigoryan?");
  adw_message_dialog_response (dialog, "delete");
  iterate ();
  g_assert_null (cl_caseload_lookup_student (cl_session_get_caseload (window->session), "S-1023"));
  g_assert_null (find_meeting_window ());
  deleted = meeting_log (cl_session_get_store (window->session), "S-1023", meeting_id);
  g_assert_cmpstr (deleted, ==, "");

  /* Undo: the student, the plan and its whole log, as they were. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  iterate ();
  student = _cl_window_get_student (window);
  g_assert_nonnull (student);
  g_assert_cmpstr (student->id, ==, "S-1023");
  g_assert_cmpuint (student->meetings->len, ==, 1);
  after = meeting_log (cl_session_get_store (window->session), "S-1023", meeting_id);
  g_assert_cmpstr (after, ==, before);

  /* And the meeting window reads them back. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.open-meeting", "s", meeting_id));
  iterate ();
  mw = find_meeting_window ();
  g_assert_nonnull (mw);
  iterate ();
  {
    g_autofree char *text = rows_text (GTK_WIDGET (mw->parent_group));
    g_assert_nonnull (strstr (text, "2 attempts logged, by 2 means"));
  }
  cl_meeting_window_show_page (mw, "checklist");
  iterate ();
  g_assert_cmpstr (gtk_label_get_label (mw->progress_label), ==, progress);
  gtk_window_destroy (GTK_WINDOW (mw));
  gtk_window_destroy (GTK_WINDOW (window));
  iterate ();
  remove_tree (dir);
}

int
main (int argc, char **argv)
{
  app = cl_ui_test_init (&argc, &argv);

  g_test_add_func ("/ui/meetings/plan-prepare-hold", test_plan_prepare_hold);
  g_test_add_func ("/ui/meetings/delete-student-undo-keeps-log", test_delete_student_undo_keeps_log);
  return cl_ui_test_run (app);
}
