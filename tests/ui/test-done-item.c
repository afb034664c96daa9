/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-done-item.c — what is due, done from the item itself (issue 20): from a fresh database of
 * the demo, each in at most three activations (the student, the item's action, Save) and with no
 * id or date typed: the overdue annual review, an overdue age-of-majority notice, a meeting's
 * notice, the services after a removal. Each time the engine has the obligation completed, the
 * row shows it done in place before it moves to Done, and the toast names what changed.
 *
 * Run under xvfb-run, like test-window. With CASELOAD_SHOTS=DIR set, the rows are saved as PNG
 * files in DIR, to look at.
 */
#include <string.h>

#include "cl-event-editor.h"
#include "cl-meeting-window.h"
#include "cl-student-page-private.h"
#include "cl-ui-test.h"

static ClApplication *app;

/* The demo's dates are counted as of this Monday. */
#define TODAY cl_date_from_ymd (2026, 12, 7)

/* ---- the toasts ---- */

static GType
toast_widget_type (void)
{
  GType type = g_type_from_name ("AdwToastWidget");

  g_assert_true (type != G_TYPE_INVALID);
  return type;
}

static void
collect_toasts (GtkWidget *widget,
                GPtrArray *out)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, toast_widget_type ()))
    g_ptr_array_add (out, widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    collect_toasts (child, out);
}

typedef struct {
  ClWindow   *window;
  const char *title;
  GHashTable *dismissed;   /* the toasts closed on the way */
  GtkWidget  *found;
} ToastWait;

/* Whether a toast says @title; closes the others (as a user does), so a queued one comes up. */
static gboolean
toast_shown (gpointer data)
{
  ToastWait *w = data;
  g_autoptr(GPtrArray) toasts = g_ptr_array_new ();

  collect_toasts (GTK_WIDGET (w->window->toast_overlay), toasts);
  for (guint i = 0; i < toasts->len; i++)
    {
      GtkWidget *toast = g_ptr_array_index (toasts, i);
      GtkWidget *label = find_type (toast, GTK_TYPE_LABEL);

      if (label != NULL && g_strcmp0 (gtk_label_get_label (GTK_LABEL (label)), w->title) == 0)
        {
          w->found = toast;
          return TRUE;
        }
      if (!g_hash_table_contains (w->dismissed, toast))
        {
          g_hash_table_add (w->dismissed, toast);
          gtk_widget_activate_action (toast, "toast.dismiss", NULL);
        }
    }
  return FALSE;
}

/* Waits for the toast that says @title, and checks it offers Undo. */
static void
assert_toast (ClWindow   *window,
              const char *title)
{
  g_autoptr(GHashTable) dismissed = g_hash_table_new (NULL, NULL);
  ToastWait w = { window, title, dismissed, NULL };
  GtkWidget *undo;

  wait_for (toast_shown, &w);
  undo = find_action_button (w.found, "win.undo");
  g_assert_nonnull (undo);
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (undo)), ==, "_Undo");
}

/* ---- the engine's state ---- */

/* @student_id's obligation of @rule_id counted from @from, as the session has it now. */
static const ClObligation *
find_obligation (ClWindow   *window,
                 const char *student_id,
                 const char *rule_id,
                 ClDate      from)
{
  ClStudent *student = cl_caseload_lookup_student (cl_session_get_caseload (window->session), student_id);
  GPtrArray *obligations = cl_session_get_student_obligations (window->session, student);

  for (guint i = 0; obligations && i < obligations->len; i++)
    {
      const ClObligation *ob = g_ptr_array_index (obligations, i);
      if (g_str_equal (ob->rule->id, rule_id) && ob->from == from)
        return ob;
    }
  g_error ("%s has no %s counted from %u", student_id, rule_id, from);
  return NULL;
}

static void
assert_open (ClWindow   *window,
             const char *student_id,
             const char *rule_id,
             ClDate      from)
{
  const ClObligation *ob = find_obligation (window, student_id, rule_id, from);

  g_assert_cmpuint (ob->met_on, ==, CL_DATE_NONE);
  g_assert_true (ob->status != CL_STATUS_MET && ob->status != CL_STATUS_MET_LATE);
}

static void
assert_completed_today (ClWindow   *window,
                        const char *student_id,
                        const char *rule_id,
                        ClDate      from)
{
  const ClObligation *ob = find_obligation (window, student_id, rule_id, from);

  g_assert_cmpuint (ob->met_on, ==, TODAY);
  g_assert_true (ob->status == CL_STATUS_MET || ob->status == CL_STATUS_MET_LATE);
}

/* ---- the clicks ---- */

/* Activation 1: the student's row in the list. */
static void
open_file (ClWindow   *window,
           const char *student_id)
{
  g_assert_true (cl_window_select_student (window, student_id));
  iterate ();
}

/* The row of What Is Due titled @title whose dates start with @dates. */
static GtkWidget *
due_row (ClWindow   *window,
         const char *title,
         const char *dates)
{
  GtkWidget *group = GTK_WIDGET (window->student_page->due_group);

  for (GtkWidget *row = find_row (group, ADW_TYPE_EXPANDER_ROW, title); row != NULL; row = gtk_widget_get_next_sibling (row))
    if (ADW_IS_EXPANDER_ROW (row) && g_str_equal (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), title) &&
        g_str_has_prefix (adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (row)), dates))
      return row;
  return NULL;
}

/* Activation 2: the action of the row, named as the rule-completion table says. Returns the
 * dialog it opened. */
static AdwMessageDialog *
activate_action (GtkWidget  *row,
                 const char *action,
                 const char *label)
{
  GtkWidget *button;
  AdwMessageDialog *dialog;

  g_assert_nonnull (row);
  button = find_action_button (row, action);
  g_assert_nonnull (button);
  g_assert_cmpstr (gtk_widget_get_tooltip_text (button), ==, label);
  g_assert_true (gtk_widget_get_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
  iterate ();
  dialog = find_dialog ();
  g_assert_nonnull (dialog);
  return dialog;
}

/* Activation 3: Save, enabled as the form opened. */
static void
save (AdwMessageDialog *dialog)
{
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "save"));
  adw_message_dialog_response (dialog, "save");
  gtk_window_destroy (GTK_WINDOW (dialog));
  iterate ();
}

/* The event the form would save, as it opened. */
static void
get_event (AdwMessageDialog *dialog,
           ClEvent          *out)
{
  ClEventEditor *form = CL_EVENT_EDITOR (adw_message_dialog_get_extra_child (dialog));

  g_assert_true (CL_IS_EVENT_EDITOR (form));
  g_assert_true (cl_event_editor_get_event (form, out));
}

typedef struct {
  ClWindow   *window;
  const char *title;
  const char *dates;
} RowWait;

static gboolean
row_gone (gpointer data)
{
  RowWait *w = data;

  return due_row (w->window, w->title, w->dates) == NULL;
}

/* Minh Nguyen's annual review (S-1002) was due November 6, 2026: recorded from its row, it is
 * done, shows so in place, then moves to Done; the toast says when the next one is due. */
static void
test_annual_review (void)
{
  ClWindow *window = demo_database_window_at (TODAY, 1000, 700, NULL);
  AdwMessageDialog *dialog;
  ClEvent event = { 0 };
  GtkWidget *row;
  RowWait w = { window, "Annual IEP review", "Due November 6, 2026 · done" };

  assert_open (window, "S-1002", "annual_review_due", cl_date_from_ymd (2025, 11, 6));
  open_file (window, "S-1002");
  row = due_row (window, "Annual IEP review", "Due November 6, 2026");
  shot (GTK_WIDGET (window), "done-item-before");
  dialog = activate_action (row, "student.complete", "Record the Annual Review…");
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Record the Annual Review");
  shot (GTK_WIDGET (dialog), "done-item-form");
  get_event (dialog, &event);
  g_assert_cmpint (event.type, ==, CL_EVENT_IEP_MEETING);
  g_assert_cmpint (event.kind, ==, CL_MEETING_ANNUAL);
  g_assert_cmpuint (event.date, ==, TODAY);
  cl_event_clear (&event);
  save (dialog);

  assert_completed_today (window, "S-1002", "annual_review_due", cl_date_from_ymd (2025, 11, 6));
  /* Done in place, with what it was, then in Done. */
  row = due_row (window, "Annual IEP review", "Due November 6, 2026 · done December 7, 2026");
  g_assert_nonnull (row);
  g_assert_nonnull (find_type (row, GTK_TYPE_IMAGE));
  g_assert_null (find_action_button (row, "student.complete"));
  g_assert_nonnull (due_row (window, "Annual IEP review", "Due December 7, 2027"));
  shot (GTK_WIDGET (window), "done-item-in-place");
  assert_toast (window, "Annual IEP review now due December 7, 2027");
  wait_for (row_gone, &w);
  g_assert_nonnull (due_row (window, "Annual IEP review", "Due December 7, 2027"));

  /* Undo from the toast takes it back. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  iterate ();
  assert_open (window, "S-1002", "annual_review_due", cl_date_from_ymd (2025, 11, 6));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* Andrés Gutiérrez (S-1021) turned 17 on July 22, 2026 with no IEP telling of the rights at 18:
 * the form opens on an amendment meeting with the rights explained. */
static void
test_age_of_majority (void)
{
  ClWindow *window = demo_database_window_at (TODAY, 1000, 700, NULL);
  ClDate from = cl_date_from_ymd (2026, 5, 14);
  AdwMessageDialog *dialog;
  ClEvent event = { 0 };

  assert_open (window, "S-1021", "age_of_majority_notice_due", from);
  open_file (window, "S-1021");
  dialog = activate_action (due_row (window, "Age-of-majority notice", "Due July 22, 2026"),
                            "student.complete", "Record the Rights as Explained…");
  get_event (dialog, &event);
  g_assert_cmpint (event.type, ==, CL_EVENT_IEP_MEETING);
  g_assert_cmpint (event.kind, ==, CL_MEETING_AMENDMENT);
  g_assert_true (event.age_of_majority_informed);
  g_assert_cmpuint (event.date, ==, TODAY);
  cl_event_clear (&event);
  save (dialog);

  assert_completed_today (window, "S-1021", "age_of_majority_notice_due", from);
  assert_toast (window, "Age-of-majority notice done");
  gtk_window_destroy (GTK_WINDOW (window));
}

/* Lucas Mendoza's triennial of January 14, 2027 (S-1009) owes its notice by January 4: recorded
 * as sent today, from the row. */
static void
test_meeting_notice (void)
{
  ClWindow *window = demo_database_window_at (TODAY, 1000, 700, NULL);
  ClDate from = cl_date_from_ymd (2027, 1, 14);
  AdwMessageDialog *dialog;

  assert_open (window, "S-1009", "meeting_notice_due", from);
  open_file (window, "S-1009");
  dialog = activate_action (due_row (window, "Meeting notice", "Due January 4, 2027"),
                            "student.complete", "Record the Notice as Sent…");
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Record the Notice as Sent");
  shot (GTK_WIDGET (dialog), "done-item-notice");
  save (dialog);

  assert_completed_today (window, "S-1009", "meeting_notice_due", from);
  assert_toast (window, "Meeting notice done");
  gtk_window_destroy (GTK_WINDOW (window));
}

/* Jasmine Moore (S-1026) was suspended 3 school days in October: a removal of 8 more today brings
 * the year past 10, and the services owed from today are logged from the row. */
static void
test_services_after_removal (void)
{
  ClWindow *window = demo_database_window_at (TODAY, 1000, 700, NULL);
  g_autoptr(GError) error = NULL;
  AdwMessageDialog *dialog;
  ClEvent removal = { 0 }, event = { 0 };

  removal.type = CL_EVENT_REMOVAL;
  removal.kind = CL_REMOVAL_OTHER;
  removal.date = TODAY;
  removal.from = -1;
  removal.school_days = 8;
  g_assert_true (cl_session_save_event (window->session, "S-1026", FALSE, 0, &removal, &error));
  g_assert_no_error (error);
  assert_open (window, "S-1026", "removal_services_required", TODAY);

  open_file (window, "S-1026");
  dialog = activate_action (due_row (window, "Services during removal", "Due December 7, 2026"),
                            "student.complete", "Log the Services…");
  get_event (dialog, &event);
  g_assert_cmpint (event.type, ==, CL_EVENT_REMOVAL_SERVICES);
  g_assert_cmpuint (event.date, ==, TODAY);
  cl_event_clear (&event);
  save (dialog);

  assert_completed_today (window, "S-1026", "removal_services_required", TODAY);
  assert_toast (window, "Services during removal done");
  gtk_window_destroy (GTK_WINDOW (window));
}

/* Tuan Pham's triennial of December 8 (S-1011) has no interpreter for the assessments invited:
 * the row opens that meeting's window, where the team is, in one activation. */
static void
test_in_the_meeting (void)
{
  ClWindow *window = demo_database_window_at (TODAY, 1000, 700, NULL);
  GtkWidget *row, *button;
  ClMeetingWindow *meeting;

  open_file (window, "S-1011");
  row = due_row (window, "Required team member not invited", "Due December 8, 2026");
  g_assert_nonnull (row);
  button = find_action_button (row, "student.complete");
  g_assert_nonnull (button);
  g_assert_cmpstr (gtk_widget_get_tooltip_text (button), ==, "Invite in the Meeting…");
  g_assert_null (find_toplevel (CL_TYPE_MEETING_WINDOW, TRUE));
  g_signal_emit_by_name (button, "clicked");
  iterate ();
  meeting = find_toplevel (CL_TYPE_MEETING_WINDOW, TRUE);
  g_assert_nonnull (meeting);
  g_assert_cmpstr (cl_meeting_window_get_student_id (meeting), ==, "S-1011");
  /* Asked again, the same window comes forward. */
  g_signal_emit_by_name (find_action_button (due_row (window, "Required team member not invited", "Due December 8, 2026"),
                                             "student.complete"), "clicked");
  iterate ();
  g_assert_true (find_toplevel (CL_TYPE_MEETING_WINDOW, TRUE) == meeting);
  gtk_window_destroy (GTK_WINDOW (meeting));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* The row of Everything Due titled @title whose dates start with @dates, or NULL. */
static GtkWidget *
everything_due_row_in (GtkWidget  *widget,
                       const char *title,
                       const char *dates)
{
  if (ADW_IS_ACTION_ROW (widget) && g_str_equal (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) &&
      g_str_has_prefix (adw_action_row_get_subtitle (ADW_ACTION_ROW (widget)), dates))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = everything_due_row_in (child, title, dates);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static GtkWidget *
everything_due_row (ClWindow   *window,
                    const char *title,
                    const char *dates)
{
  return everything_due_row_in (GTK_WIDGET (window->due_page), title, dates);
}

typedef struct {
  ClWindow   *window;
  const char *title;
  const char *dates;
} DueRowWait;

static gboolean
due_row_gone (gpointer data)
{
  DueRowWait *w = data;

  return everything_due_row (w->window, w->title, w->dates) == NULL;
}

/* From Everything Due (activation 1: the view), the same without leaving the list: Tuan Pham's
 * overdue annual review (S-1011, due December 4, 2026), then Lucas Mendoza's meeting notice. */
static void
test_from_everything_due (void)
{
  ClWindow *window = demo_database_window_at (TODAY, 1000, 700, NULL);
  DueRowWait w = { window, "Tuan Pham — Annual IEP review", "Done today · was due Fri Dec 4, 2026" };
  AdwMessageDialog *dialog;
  GtkWidget *row;
  ClEvent event = { 0 };

  assert_open (window, "S-1011", "annual_review_due", cl_date_from_ymd (2025, 12, 4));
  _cl_window_show_view (window, "due");
  iterate ();
  row = everything_due_row (window, "Tuan Pham — Annual IEP review", "3 days overdue · Fri Dec 4, 2026");
  shot (GTK_WIDGET (window), "done-item-everything-due");
  dialog = activate_action (row, "due.complete", "Record the Annual Review…");
  get_event (dialog, &event);
  g_assert_cmpint (event.kind, ==, CL_MEETING_ANNUAL);
  cl_event_clear (&event);
  save (dialog);

  assert_completed_today (window, "S-1011", "annual_review_due", cl_date_from_ymd (2025, 12, 4));
  /* Still on the list, the row in its place with a check, then gone. */
  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->content_stack), ==, "due");
  row = everything_due_row (window, "Tuan Pham — Annual IEP review", "Done today · was due Fri Dec 4, 2026");
  g_assert_nonnull (row);
  g_assert_null (find_action_button (row, "due.complete"));
  shot (GTK_WIDGET (window), "done-item-everything-due-in-place");
  assert_toast (window, "Annual IEP review now due December 7, 2027");
  wait_for (due_row_gone, &w);
  g_assert_nonnull (everything_due_row (window, "Tuan Pham — Annual IEP review", "In 365 days · Tue Dec 7, 2027"));

  dialog = activate_action (everything_due_row (window, "Lucas Mendoza — Meeting notice", "In 28 days · Mon Jan 4, 2027"), "due.complete",
                            "Record the Notice as Sent…");
  save (dialog);
  assert_completed_today (window, "S-1009", "meeting_notice_due", cl_date_from_ymd (2027, 1, 14));
  assert_toast (window, "Meeting notice done");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->content_stack), ==, "due");
  gtk_window_destroy (GTK_WINDOW (window));
}

/* At 400 px the action stays on the row, whole, beside the status and the chevron. */
static void
test_narrow (void)
{
  ClWindow *window = demo_database_window_at (TODAY, 400, 760, NULL);
  GtkWidget *row, *button;
  graphene_rect_t bounds;

  open_file (window, "S-1021");
  shot (GTK_WIDGET (window), "done-item-narrow");
  row = due_row (window, "Age-of-majority notice", "Due July 22, 2026");
  g_assert_nonnull (row);
  button = find_action_button (row, "student.complete");
  g_assert_nonnull (button);
  g_assert_true (gtk_widget_get_mapped (button));
  g_assert_true (gtk_widget_compute_bounds (button, GTK_WIDGET (window), &bounds));
  g_assert_cmpfloat (bounds.size.width, >, 0);
  g_assert_cmpfloat (bounds.origin.x + bounds.size.width, <=, gtk_widget_get_width (GTK_WIDGET (window)));

  _cl_window_show_view (window, "due");
  iterate ();
  shot (GTK_WIDGET (window), "done-item-everything-due-narrow");
  row = everything_due_row (window, "Andrés Gutiérrez — Age-of-majority notice", "138 days overdue · Wed Jul 22, 2026");
  g_assert_nonnull (row);
  button = find_action_button (row, "due.complete");
  g_assert_nonnull (button);
  g_assert_true (gtk_widget_get_mapped (button));
  g_assert_true (gtk_widget_compute_bounds (button, GTK_WIDGET (window), &bounds));
  g_assert_cmpfloat (bounds.size.width, >, 0);
  g_assert_cmpfloat (bounds.origin.x + bounds.size.width, <=, gtk_widget_get_width (GTK_WIDGET (window)));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* The demo is read-only: its rows offer nothing to do. */
static void
test_demo_offers_none (void)
{
  ClWindow *window = cl_window_new (CL_APPLICATION (g_application_get_default ()));
  GtkWidget *row;

  watch_window (window);
  cl_session_set_today (window->session, TODAY);
  gtk_window_present (GTK_WINDOW (window));
  cl_window_open_demo (window);
  iterate ();
  open_file (window, "S-1002");
  row = due_row (window, "Annual IEP review", "Due November 6, 2026");
  g_assert_nonnull (row);
  g_assert_null (find_action_button (row, "student.complete"));
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int    argc,
      char **argv)
{
  app = cl_ui_test_init (&argc, &argv);

  g_test_add_func ("/done-item/annual-review", test_annual_review);
  g_test_add_func ("/done-item/age-of-majority", test_age_of_majority);
  g_test_add_func ("/done-item/meeting-notice", test_meeting_notice);
  g_test_add_func ("/done-item/services-after-removal", test_services_after_removal);
  g_test_add_func ("/done-item/in-the-meeting", test_in_the_meeting);
  g_test_add_func ("/done-item/from-everything-due", test_from_everything_due);
  g_test_add_func ("/done-item/narrow", test_narrow);
  g_test_add_func ("/done-item/demo-offers-none", test_demo_offers_none);
  return cl_ui_test_run (app);
}
