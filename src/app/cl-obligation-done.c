/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-obligation-done.c — an open obligation completed from its own row (see the header) */
#define G_LOG_DOMAIN "cl-obligation-done"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "cl-date-picker.h"
#include "cl-event-editor.h"
#include "cl-form-bin.h"
#include "cl-form-rows.h"
#include "cl-meeting-labels.h"
#include "cl-meeting-window.h"
#include "cl-obligation-done.h"
#include "cl-rule-completion.h"

GVariant *
cl_obligation_done_key (const ClObligation *ob)
{
  g_return_val_if_fail (ob != NULL, NULL);
  return g_variant_new (CL_OBLIGATION_KEY_TYPE, ob->student->id, ob->rule->id, (guint32) ob->from,
                        ob->meeting != NULL ? ob->meeting->id : "", ob->role);
}

gboolean
cl_obligation_done_matches (const ClObligation *ob,
                            GVariant           *key)
{
  const char *student_id, *rule_id, *meeting_id;
  guint32 from;
  int role;

  if (ob == NULL || key == NULL || !g_variant_is_of_type (key, G_VARIANT_TYPE (CL_OBLIGATION_KEY_TYPE)))
    return FALSE;
  g_variant_get (key, "(&s&su&si)", &student_id, &rule_id, &from, &meeting_id, &role);
  return g_str_equal (ob->student->id, student_id) && g_str_equal (ob->rule->id, rule_id) && ob->from == from &&
         g_str_equal (ob->meeting != NULL ? ob->meeting->id : "", meeting_id) && ob->role == role;
}

const ClObligation *
cl_obligation_done_find (GPtrArray *obligations,
                         GVariant  *key)
{
  for (guint i = 0; obligations != NULL && i < obligations->len; i++)
    if (cl_obligation_done_matches (g_ptr_array_index (obligations, i), key))
      return g_ptr_array_index (obligations, i);
  return NULL;
}

static gboolean
is_open (const ClObligation *ob)
{
  return ob->status != CL_STATUS_MET && ob->status != CL_STATUS_MET_LATE;
}

/* What completes @ob, or NULL when nothing the app offers does: a violation, a rule the table
 * does not know, or a meeting's item with no planned meeting. */
static const ClRuleCompletion *
completion_of (const ClObligation *ob)
{
  const ClRuleCompletion *c = cl_rule_completion_lookup (ob->rule->id);

  if (c == NULL || c->by == CL_COMPLETED_NEVER || c->label == NULL ||
      (c->by != CL_COMPLETED_BY_EVENT && ob->meeting == NULL))
    return NULL;
  return c;
}

const char *
cl_obligation_done_label (const ClObligation *ob)
{
  const ClRuleCompletion *c;

  g_return_val_if_fail (ob != NULL, NULL);
  if ((c = completion_of (ob)) == NULL)
    return NULL;
  /* The table's msgids are in the application's catalogue (rule-completion in po/POTFILES). */
  return _(c->label);
}

GtkWidget *
cl_obligation_done_button_new (const ClObligation *ob,
                               const char         *action)
{
  const char *label = cl_obligation_done_label (ob);
  GtkWidget *button;

  if (label == NULL || !is_open (ob))
    return NULL;
  button = gtk_button_new_from_icon_name ("object-select-symbolic");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  gtk_widget_add_css_class (button, "flat");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button), cl_obligation_done_key (ob));
  return button;
}

GtkWidget *
cl_obligation_done_mark_new (const ClObligation *ob)
{
  /* The row's status ("Done") is read with its title already: the check is only drawn. */
  GtkWidget *check = g_object_new (GTK_TYPE_IMAGE, "icon-name", "emblem-ok-symbolic",
                                   "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION, NULL);

  gtk_widget_add_css_class (check, "success");
  gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
  return check;
}

/* ---- what completes it, and what the toast says then ---- */

typedef struct {
  GtkWidget     *from;
  ClSession     *session;
  GVariant      *key;
  char          *student_id;
  char          *meeting_id;
  GHashTable    *open_before;   /* printed keys of the student's open obligations of the same rule */
  gboolean       show_file;
  ClEventEditor *editor;        /* borrowed from the dialog: the event form */
  AdwEntryRow   *date_row;      /* borrowed from the dialog: the notice's date */
} DoneRequest;

static void
done_request_free (gpointer  data,
                   GClosure *closure)
{
  DoneRequest *request = data;

  g_clear_object (&request->from);
  g_clear_object (&request->session);
  g_clear_pointer (&request->key, g_variant_unref);
  g_free (request->student_id);
  g_free (request->meeting_id);
  g_clear_pointer (&request->open_before, g_hash_table_unref);
  g_free (request);
}

static char *
dup_printed_key (const ClObligation *ob)
{
  g_autoptr(GVariant) key = g_variant_ref_sink (cl_obligation_done_key (ob));

  return g_variant_print (key, FALSE);
}

static GPtrArray *
student_obligations (ClSession  *session,
                     const char *student_id)
{
  ClCaseload *caseload = cl_session_get_caseload (session);
  ClStudent *student = caseload != NULL ? cl_caseload_lookup_student (caseload, student_id) : NULL;

  return student != NULL ? cl_session_get_student_obligations (session, student) : NULL;
}

/* The toast, from what the session computed after the save: the next one of the same rule that
 * the change opened ("Annual IEP review now due December 6, 2027"), else that it is done. */
static char *
dup_message (DoneRequest *request,
             const char  *fallback)
{
  GPtrArray *obligations = student_obligations (request->session, request->student_id);
  const ClObligation *done = cl_obligation_done_find (obligations, request->key);
  const ClObligation *next = NULL;
  g_autofree char *due = NULL;

  if (done == NULL || is_open (done))
    return g_strdup (fallback);
  for (guint i = 0; i < obligations->len; i++)
    {
      const ClObligation *ob = g_ptr_array_index (obligations, i);
      g_autofree char *printed = NULL;

      if (!g_str_equal (ob->rule->id, done->rule->id) || !is_open (ob))
        continue;
      printed = dup_printed_key (ob);
      if (!g_hash_table_contains (request->open_before, printed) && (next == NULL || ob->due < next->due))
        next = ob;
    }
  if (next == NULL)
    /* Translators: a toast after an obligation was completed from its row, e.g. "Meeting notice done" */
    return g_strdup_printf (_("%s done"), _cl_translate (done->rule->title));
  due = cl_date_dup_long (next->due);
  /* Translators: a toast after an obligation was completed from its row: the next one the change
   * opened, e.g. "Annual IEP review now due December 6, 2027" */
  return g_strdup_printf (_("%s now due %s"), _cl_translate (next->rule->title), due);
}

static void
report_saved (DoneRequest *request,
              const char  *fallback)
{
  g_autofree char *message = dup_message (request, fallback);

  gtk_widget_activate_action (request->from, "win.show-saved", "(ss)",
                              request->show_file ? request->student_id : "", message);
}

static void
report_unsaved (DoneRequest *request,
                GError      *error)
{
  gtk_widget_activate_action (request->from, "win.show-unsaved", "s", error->message);
}

/* "Record the Annual Review" for a dialog's heading, from the button's "Record the Annual Review…". */
static char *
dup_heading (const char *label)
{
  if (g_str_has_suffix (label, "…"))
    return g_strndup (label, strlen (label) - strlen ("…"));
  return g_strdup (label);
}

static void
on_event_response (AdwMessageDialog *dialog,
                   const char       *response,
                   DoneRequest      *request)
{
  g_autoptr(GError) error = NULL;
  ClEvent event = { 0 };

  if (!g_str_equal (response, "save") || !cl_session_get_editable (request->session) ||
      !cl_event_editor_get_event (request->editor, &event))
    return;
  if (cl_session_save_event (request->session, request->student_id, FALSE, 0, &event, &error))
    report_saved (request, _("Event added"));
  else
    report_unsaved (request, error);
  cl_event_clear (&event);
}

static void
open_event_form (DoneRequest        *request,
                 const ClObligation *ob,
                 GtkWindow          *parent)
{
  ClDate today = cl_session_get_today (request->session);
  g_autofree char *heading = dup_heading (cl_obligation_done_label (ob));
  g_autofree char *name = cl_student_dup_display_name (ob->student);
  g_autofree char *body = NULL;
  AdwMessageDialog *dialog;
  ClEvent event = { 0 };

  if (!cl_rule_completion_event (ob, today, &event))
    {
      done_request_free (request, NULL);
      return;
    }
  /* Shown exactly as the rule says (type, kind, flags): a person checks the date and saves. */
  request->editor = cl_event_editor_new_for_student (ob->student, &event, today);
  cl_event_clear (&event);
  /* Translators: the text of the event form; %s is the student's name */
  body = g_strdup_printf (_("Saved at once to %s’s file; the deadlines are computed again."), name);
  dialog = cl_form_dialog_new (parent, heading, body, CL_FORM_BIN (request->editor), _("_Save"));
  g_signal_connect_data (dialog, "response", G_CALLBACK (on_event_response), request, done_request_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_notice_date_changed (AdwEntryRow      *row,
                        AdwMessageDialog *dialog)
{
  ClDate date;

  adw_message_dialog_set_response_enabled (dialog, "save", cl_date_picker_get_date (row, &date));
}

static void
on_notice_response (AdwMessageDialog *dialog,
                    const char       *response,
                    DoneRequest      *request)
{
  g_autoptr(GError) error = NULL;
  ClDate date;

  if (!g_str_equal (response, "save") || !cl_session_get_editable (request->session) ||
      !cl_date_picker_get_date (request->date_row, &date))
    return;
  if (cl_session_record_notice_sent (request->session, request->student_id, request->meeting_id, date, &error))
    report_saved (request, _("Notice recorded as sent"));
  else
    report_unsaved (request, error);
}

static void
open_notice_form (DoneRequest        *request,
                  const ClObligation *ob,
                  GtkWindow          *parent)
{
  g_autofree char *heading = dup_heading (cl_obligation_done_label (ob));
  g_autofree char *name = cl_student_dup_display_name (ob->student);
  g_autofree char *when = cl_date_dup_long (ob->meeting->date);
  g_autofree char *body = NULL;
  AdwMessageDialog *dialog;
  GtkWidget *list = gtk_list_box_new ();
  GtkWidget *row = adw_entry_row_new ();

  /* Translators: the text of Record the Notice as Sent: the meeting's date and kind, then the
   * student's name, e.g. "The notice of the meeting on January 14, 2027 (Triennial review), for
   * Lucas Mendoza’s family. …" */
  body = g_strdup_printf (_("The notice of the meeting on %s (%s), for %s’s family. Saved at once; the deadlines are computed again."),
                          when, _cl_meeting_kind_label (ob->meeting->kind), name);
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (parent, heading, body));
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Sent On"));
  cl_date_picker_attach (ADW_ENTRY_ROW (row));
  cl_form_row_set_date (ADW_ENTRY_ROW (row), cl_session_get_today (request->session));
  /* Enter in the date saves (the default response). */
  adw_entry_row_set_activates_default (ADW_ENTRY_ROW (row), TRUE);
  gtk_list_box_append (GTK_LIST_BOX (list), row);
  adw_message_dialog_set_extra_child (dialog, list);
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "save", _("_Save"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "save", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "save");
  adw_message_dialog_set_close_response (dialog, "cancel");
  request->date_row = ADW_ENTRY_ROW (row);
  g_signal_connect_object (row, "changed", G_CALLBACK (on_notice_date_changed), dialog, 0);
  g_signal_connect_data (dialog, "response", G_CALLBACK (on_notice_response), request, done_request_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* The meeting's own window (brought forward when it is open): an invitee or an excusal is added
 * there, with the rest of the team. */
static void
open_meeting (DoneRequest *request,
              GtkWindow   *parent)
{
  g_autoptr(GError) error = NULL;

  if (!cl_meeting_window_present (parent, request->session, request->student_id, request->meeting_id, &error))
    report_unsaved (request, error);
}

void
cl_obligation_done_run (GtkWidget *from,
                        ClSession *session,
                        GVariant  *key,
                        gboolean   show_file)
{
  const char *student_id = NULL;
  GPtrArray *obligations;
  const ClObligation *ob;
  const ClRuleCompletion *c;
  GtkWindow *parent;
  DoneRequest *request;

  g_return_if_fail (GTK_IS_WIDGET (from) && CL_IS_SESSION (session) && key != NULL);

  if (!cl_session_get_editable (session) || !g_variant_is_of_type (key, G_VARIANT_TYPE (CL_OBLIGATION_KEY_TYPE)))
    return;
  g_variant_get_child (key, 0, "&s", &student_id);
  obligations = student_obligations (session, student_id);
  ob = cl_obligation_done_find (obligations, key);
  c = ob != NULL ? completion_of (ob) : NULL;
  if (c == NULL || !is_open (ob))
    return;
  parent = GTK_WINDOW (gtk_widget_get_root (from));
  request = g_new0 (DoneRequest, 1);
  request->from = g_object_ref (from);
  request->session = g_object_ref (session);
  request->key = g_variant_ref_sink (cl_obligation_done_key (ob));
  request->student_id = g_strdup (student_id);
  request->meeting_id = g_strdup (ob->meeting != NULL ? ob->meeting->id : NULL);
  request->show_file = show_file;
  request->open_before = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint i = 0; i < obligations->len; i++)
    {
      const ClObligation *other = g_ptr_array_index (obligations, i);

      if (g_str_equal (other->rule->id, ob->rule->id) && is_open (other))
        g_hash_table_add (request->open_before, dup_printed_key (other));
    }

  switch (c->by)
    {
    case CL_COMPLETED_BY_EVENT:
      open_event_form (request, ob, parent);
      return;
    case CL_COMPLETED_BY_NOTICE_SENT:
      open_notice_form (request, ob, parent);
      return;
    case CL_COMPLETED_IN_MEETING:
      open_meeting (request, parent);
      done_request_free (request, NULL);
      return;
    case CL_COMPLETED_NEVER:
    default:
      done_request_free (request, NULL);
      return;
    }
}
