/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-student-page-discipline.c — the discipline, records and complaint forms of a student's file
 *
 * student.log-discipline ("removal", "mdr", "records_request", "complaint", "placement_change_decision",
 * "iaes_placement", "removal_services") opens the form for a new entry; student.edit-discipline (an
 * event's position) opens the one for its type; student.discipline-follow-up ((type, position)) records
 * what answers a request or a complaint (records provided, resolution session, response, decision).
 * Each saves at once through the session (cl_session_save_event): one audited transaction, a toast with Undo.
 */
#define G_LOG_DOMAIN "cl-student-page"

#include "config.h"

#include <glib/gi18n.h>

#include "cl-case-form.h"
#include "cl-discipline-section.h"
#include "cl-mdr-editor.h"
#include "cl-removal-editor.h"
#include "cl-student-page-private.h"

typedef gboolean (*FormGetEvent) (gpointer  form,
                                  ClEvent  *out);

typedef struct {
  ClStudentPage  *page;
  GtkWidget      *form;
  FormGetEvent    get_event;
  char           *student_id;
  gboolean        editing;
  guint           position;
  char           *message;
  ClCaseFormSpec  spec;                              /* for a ClCaseForm, which borrows it */
  const char     *kind_labels[CL_N_COMPLAINT_KINDS];
} FormRequest;

static void
form_request_free (gpointer  data,
                   GClosure *closure)
{
  FormRequest *request = data;

  g_clear_object (&request->page);
  g_free (request->student_id);
  g_free (request->message);
  g_free (request);
}

static void
on_form_response (AdwMessageDialog *dialog,
                  const char       *response,
                  FormRequest      *request)
{
  ClEvent event = { 0 };

  if (!g_str_equal (response, "save") || !request->get_event (request->form, &event))
    return;
  _cl_student_page_save_event (request->page, request->student_id, request->editing, request->position, &event,
                               request->message);
  cl_event_clear (&event);
}

static FormRequest *
form_request_new (ClStudentPage *self,
                  ClStudent  *student,
                  gboolean    editing,
                  guint       position,
                  const char *message)
{
  FormRequest *request = g_new0 (FormRequest, 1);

  request->page = g_object_ref (self);
  request->student_id = g_strdup (student->id);
  request->editing = editing;
  request->position = position;
  request->message = g_strdup (message);
  return request;
}

static void
present_form (ClStudentPage *self,
              FormRequest *request,
              const char  *title,
              const char  *save_label)
{
  ClStudent *student = cl_caseload_lookup_student (cl_session_get_caseload (self->session), request->student_id);
  g_autofree char *name = cl_student_dup_display_name (student);
  /* Translators: the text of a discipline, records or complaint form; %s is the student's name */
  g_autofree char *body = g_strdup_printf (_("Saved at once to %s’s file; the deadlines are computed again."), name);
  AdwMessageDialog *dialog = cl_form_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))), title, body, CL_FORM_BIN (request->form),
                                                 save_label);

  g_signal_connect_data (dialog, "response", G_CALLBACK (on_form_response), request, form_request_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* What a ClCaseForm asks for each event type it records, and how the dialog is called. */
static void
fill_spec (FormRequest *request,
           ClEventType  type,
           const char **title,
           const char **message)
{
  ClCaseFormSpec *spec = &request->spec;

  spec->type = type;
  switch (type)
    {
    case CL_EVENT_RECORDS_REQUEST:
      *title = _("Records Request");
      *message = _("Records request saved");
      spec->date_title = _("Received (YYYY-MM-DD)");
      spec->text_title[0] = _("Who Asked");
      spec->text_key[0] = "requested_by";
      spec->text_required[0] = TRUE;
      spec->text_title[1] = _("Records Asked For");
      spec->text_key[1] = "records_requested";
      break;
    case CL_EVENT_RECORDS_PROVIDED:
      *title = _("Records Provided");
      *message = _("Records provided: saved");
      spec->date_title = _("Provided (YYYY-MM-DD)");
      break;
    case CL_EVENT_COMPLAINT:
      *title = _("Complaint");
      *message = _("Complaint saved");
      spec->date_title = _("Received (YYYY-MM-DD)");
      for (guint i = 0; i < CL_N_COMPLAINT_KINDS; i++)
        request->kind_labels[i] = cl_discipline_complaint_label (i);
      spec->kind_labels = request->kind_labels;
      spec->n_kinds = CL_N_COMPLAINT_KINDS;
      /* The complainant's name, free text; "filed_by" is the bundle's closed list of who
       * (parent, district…), chosen in the event form, and must never hold a name. */
      spec->text_title[0] = _("Filed By");
      spec->text_key[0] = "complainant";
      spec->text_title[1] = _("About");
      spec->text_key[1] = "subject";
      break;
    case CL_EVENT_COMPLAINT_RESOLVED:
      *title = _("Complaint Decided");
      *message = _("Decision saved");
      spec->date_title = _("Decided (YYYY-MM-DD)");
      spec->text_title[0] = _("Outcome");
      spec->text_key[0] = "outcome";
      spec->text_required[0] = TRUE;
      break;
    case CL_EVENT_RESOLUTION_SESSION:
      *title = _("Resolution Session Held");
      *message = _("Resolution session saved");
      spec->date_title = _("Held (YYYY-MM-DD)");
      spec->text_title[0] = _("Result");
      spec->text_key[0] = "outcome";
      break;
    case CL_EVENT_DUE_PROCESS_RESPONSE:
      *title = _("Response Sent");
      *message = _("Response saved");
      spec->date_title = _("Sent (YYYY-MM-DD)");
      break;
    case CL_EVENT_PLACEMENT_CHANGE_DECISION:
      *title = _("Decision to Change Placement");
      *message = _("Decision saved");
      spec->date_title = _("Decided (YYYY-MM-DD)");
      spec->text_title[0] = _("Why (a pattern of removals, expulsion…)");
      spec->text_key[0] = "description";
      break;
    case CL_EVENT_IAES_PLACEMENT:
      *title = _("Placement in an Interim Setting");
      *message = _("Placement saved");
      spec->date_title = _("Placed (YYYY-MM-DD)");
      spec->text_title[0] = _("Setting");
      spec->text_key[0] = "description";
      break;
    case CL_EVENT_REMOVAL_SERVICES:
      *title = _("Services During Removal Started");
      *message = _("Services saved");
      spec->date_title = _("Started (YYYY-MM-DD)");
      spec->text_title[0] = _("Services");
      spec->text_key[0] = "description";
      break;
    default:
      g_assert_not_reached ();
    }
}

static gboolean
has_case_form (ClEventType type)
{
  switch (type)
    {
    case CL_EVENT_RECORDS_REQUEST:
    case CL_EVENT_RECORDS_PROVIDED:
    case CL_EVENT_COMPLAINT:
    case CL_EVENT_COMPLAINT_RESOLVED:
    case CL_EVENT_RESOLUTION_SESSION:
    case CL_EVENT_DUE_PROCESS_RESPONSE:
    case CL_EVENT_PLACEMENT_CHANGE_DECISION:
    case CL_EVENT_IAES_PLACEMENT:
    case CL_EVENT_REMOVAL_SERVICES:
      return TRUE;
    default:
      return FALSE;
    }
}

/* @initial: the event being changed (@editing) or a preset for a new one; @trigger: the request
 * or complaint a follow-up answers, whose date it may not precede. */
static void
open_case_form (ClStudentPage *self,
                ClStudent     *student,
                ClEventType    type,
                const ClEvent *initial,
                gboolean       editing,
                const ClEvent *trigger)
{
  FormRequest *request = form_request_new (self, student, editing, editing ? initial->order : 0, NULL);
  const char *title = NULL, *message = NULL;

  fill_spec (request, type, &title, &message);
  request->message = g_strdup (message);
  request->form = GTK_WIDGET (cl_case_form_new (&request->spec, initial, cl_session_get_today (self->session),
                                                trigger ? trigger->date : CL_DATE_NONE,
                                                _("This date is before the request or complaint it answers.")));
  request->get_event = (FormGetEvent) cl_case_form_get_event;
  present_form (self, request, title, editing ? _("_Save") : _("_Add"));
}

static void
open_removal_editor (ClStudentPage *self,
                     ClStudent     *student,
                     const ClEvent *initial)
{
  FormRequest *request = form_request_new (self, student, initial != NULL, initial ? initial->order : 0,
                                           initial ? _("Removal changed") : _("Removal logged"));

  request->form = GTK_WIDGET (cl_removal_editor_new (initial, cl_session_get_today (self->session)));
  request->get_event = (FormGetEvent) cl_removal_editor_get_event;
  present_form (self, request, initial ? _("Change Removal") : _("Log a Removal"), initial ? _("_Save") : _("_Log"));
}

static void
open_mdr_editor (ClStudentPage *self,
                 ClStudent     *student,
                 const ClEvent *initial)
{
  FormRequest *request = form_request_new (self, student, initial != NULL, initial ? initial->order : 0,
                                           _("Manifestation determination recorded"));

  request->form = GTK_WIDGET (cl_mdr_editor_new (initial, cl_session_get_today (self->session)));
  request->get_event = (FormGetEvent) cl_mdr_editor_get_event;
  present_form (self, request, _("Manifestation Determination"), initial ? _("_Save") : _("_Record"));
}

static void
log_discipline_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  ClStudentPage *self = CL_STUDENT_PAGE (widget);
  ClStudent *student = self->student;
  const char *what = g_variant_get_string (parameter, NULL);
  int type;

  if (student == NULL || cl_session_get_store (self->session) == NULL)
    return;
  if (g_str_equal (what, "removal"))
    open_removal_editor (self, student, NULL);
  else if (g_str_equal (what, "mdr"))
    open_mdr_editor (self, student, NULL);
  else if ((type = cl_enum_from_name (cl_event_type_names, CL_N_EVENT_TYPES, what)) >= 0 && has_case_form (type))
    open_case_form (self, student, type, NULL, FALSE, NULL);
  else
    g_warning ("No discipline form for “%s”", what);
}

static void
edit_discipline_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  ClStudentPage *self = CL_STUDENT_PAGE (widget);
  ClStudent *student = self->student;
  const ClEvent *e = cl_session_event_at (student, g_variant_get_uint32 (parameter));

  if (e == NULL || cl_session_get_store (self->session) == NULL)
    return;
  if (e->type == CL_EVENT_REMOVAL)
    open_removal_editor (self, student, e);
  else if (e->type == CL_EVENT_IEP_MEETING && e->kind == CL_MEETING_MANIFESTATION)
    open_mdr_editor (self, student, e);
  else if (has_case_form (e->type))
    open_case_form (self, student, e->type, e, TRUE, NULL);
  else
    gtk_widget_activate_action (GTK_WIDGET (self), "student.edit-event", "u", e->order);
}

static void
follow_up_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  ClStudentPage *self = CL_STUDENT_PAGE (widget);
  ClStudent *student = self->student;
  const char *what = NULL;
  guint order = 0;
  const ClEvent *trigger;
  ClEvent preset = { 0 };
  int type;

  g_variant_get (parameter, "(&su)", &what, &order);
  trigger = cl_session_event_at (student, order);
  type = cl_enum_from_name (cl_event_type_names, CL_N_EVENT_TYPES, what);
  if (trigger == NULL || cl_session_get_store (self->session) == NULL || type < 0 || !has_case_form (type))
    return;
  preset.type = type;
  preset.date = cl_session_get_today (self->session);
  preset.from = -1;
  preset.eligible = TRUE;
  /* A decision names the complaint's kind, so it resolves that complaint and no other. */
  preset.kind = type == CL_EVENT_COMPLAINT_RESOLVED ? trigger->kind : -1;
  open_case_form (self, student, type, &preset, FALSE, trigger);
}

void
_cl_student_page_class_discipline_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "student.log-discipline", "s", log_discipline_action);
  gtk_widget_class_install_action (widget_class, "student.edit-discipline", "u", edit_discipline_action);
  gtk_widget_class_install_action (widget_class, "student.discipline-follow-up", "(su)", follow_up_action);
}
