/* cl-student-page-actions.c — what can be done to the student whose file is shown: "student."
 *
 * The page owns the student it shows, so the commands about that student are its actions (as
 * gnome-text-editor's page actions): the timeline's events, the details, the family. Each change
 * is saved by the session; the window says what happened ("win.show-saved", "win.show-unsaved").
 */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cl-student-page"

#include "config.h"

#include <glib/gi18n.h>

#include "cl-event-editor.h"
#include "cl-form-bin.h"
#include "cl-guardian-editor.h"
#include "cl-obligation-done.h"
#include "cl-student-editor.h"
#include "cl-student-page-private.h"

void
_cl_report_saved (GtkWidget  *from,
                  const char *student_id,
                  const char *message)
{
  gtk_widget_activate_action (from, "win.show-saved", "(ss)", student_id ? student_id : "", message);
}

void
_cl_report_unsaved (GtkWidget *from,
                    GError    *error)
{
  gtk_widget_activate_action (from, "win.show-unsaved", "s", error->message);
}

typedef struct {
  ClStudentPage *page;
  ClEventEditor *editor;
  char          *student_id;
  gboolean       editing;
  guint          position;
} EditorRequest;

static void
editor_request_free (gpointer  data,
                     GClosure *closure)
{
  EditorRequest *request = data;

  g_clear_object (&request->page);
  g_free (request->student_id);
  g_free (request);
}

void
_cl_student_page_save_event (ClStudentPage *self,
                             const char    *student_id,
                             gboolean       editing,
                             guint          position,
                             const ClEvent *event,
                             const char    *message)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *id = g_strdup (student_id);

  if (!cl_session_save_event (self->session, id, editing, position, event, &error))
    {
      _cl_report_unsaved (GTK_WIDGET (self), error);
      return;
    }
  _cl_report_saved (GTK_WIDGET (self), id, message ? message : editing ? _("Event changed") : _("Event added"));
}

static void
on_editor_response (AdwMessageDialog *dialog,
                    const char       *response,
                    EditorRequest    *request)
{
  ClEvent event = { 0 };

  if (!g_str_equal (response, "save") || !cl_session_get_editable (request->page->session) ||
      !cl_event_editor_get_event (request->editor, &event))
    return;
  _cl_student_page_save_event (request->page, request->student_id, request->editing, request->position, &event, NULL);
  cl_event_clear (&event);
}

static void
open_editor (ClStudentPage *self,
             const ClEvent *initial,
             guint          position)
{
  ClStudent *student = self->student;
  EditorRequest *request;
  AdwMessageDialog *dialog;
  g_autofree char *name = NULL;
  g_autofree char *body = NULL;

  if (student == NULL || cl_session_get_store (self->session) == NULL)
    return;
  name = cl_student_dup_display_name (student);
  /* Translators: the text of the event form; %s is the student's name */
  body = g_strdup_printf (_("Saved at once to %s’s file; the deadlines are computed again."), name);
  request = g_new0 (EditorRequest, 1);
  request->page = g_object_ref (self);
  request->editor = cl_event_editor_new_for_student (student, initial, cl_session_get_today (self->session));
  request->student_id = g_strdup (student->id);
  request->editing = initial != NULL;
  request->position = position;
  dialog = cl_form_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))), initial ? _("Change Event") : _("Add Event"), body,
                               CL_FORM_BIN (request->editor), initial ? _("_Save") : _("_Add"));
  g_signal_connect_data (dialog, "response", G_CALLBACK (on_editor_response), request,
                         editor_request_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
add_event_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  open_editor (CL_STUDENT_PAGE (widget), NULL, 0);
}

static void
edit_event_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  ClStudentPage *self = CL_STUDENT_PAGE (widget);
  guint position = g_variant_get_uint32 (parameter);
  const ClEvent *event = cl_session_event_at (self->student, position);

  if (event != NULL)
    open_editor (self, event, position);
}

static void
delete_event_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  ClStudentPage *self = CL_STUDENT_PAGE (widget);
  ClStudent *student = self->student;
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;

  if (student == NULL)
    return;
  id = g_strdup (student->id);
  if (!cl_session_delete_event (self->session, id, g_variant_get_uint32 (parameter), &error))
    {
      _cl_report_unsaved (GTK_WIDGET (self), error);
      return;
    }
  _cl_report_saved (GTK_WIDGET (self), id, _("Event deleted"));
}

static void
on_student_save (ClStudentEditor *editor,
                 GtkWidget       *from)
{
  ClSession *session = g_object_get_data (G_OBJECT (editor), "session");
  ClStudent *student = cl_student_editor_dup_student (editor);
  gboolean is_new = g_object_get_data (G_OBJECT (editor), "new") != NULL ||
                    student == NULL || cl_session_get_caseload (session) == NULL ||
                    cl_caseload_lookup_student (cl_session_get_caseload (session), student->id) == NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *id = NULL;
  g_autofree char *message = NULL;

  if (student == NULL)
    return;
  name = cl_student_dup_display_name (student);
  id = g_strdup (student->id);
  if (!cl_session_save_student (session, student, is_new, &error))
    {
      g_autofree char *shown = g_strdup_printf (_("Not saved: %s"), error->message);

      /* The form stays open with what was typed, and says why. */
      cl_student_editor_show_error (editor, shown);
      return;
    }
  gtk_window_destroy (GTK_WINDOW (editor));
  message = is_new
    /* Translators: a toast; %s is the student's name */
    ? g_strdup_printf (_("%s added"), name)
    : g_strdup (_("Details changed"));
  _cl_report_saved (from, id, message);
}

void
_cl_student_form_open (GtkWidget       *from,
                       ClSession       *session,
                       const ClStudent *initial)
{
  ClStudentEditor *editor;

  if (!cl_session_get_editable (session))
    return;
  editor = cl_student_editor_new (GTK_WINDOW (gtk_widget_get_root (from)), cl_session_get_caseload (session), initial,
                                  cl_session_get_today (session));
  g_object_set_data_full (G_OBJECT (editor), "session", g_object_ref (session), g_object_unref);
  if (initial == NULL)
    g_object_set_data (G_OBJECT (editor), "new", GINT_TO_POINTER (TRUE));
  g_signal_connect_object (editor, "save", G_CALLBACK (on_student_save), from, 0);
  gtk_window_present (GTK_WINDOW (editor));
}

static void
edit_student_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  ClStudentPage *self = CL_STUDENT_PAGE (widget);
  ClStudent *student = self->student;

  if (student != NULL)
    _cl_student_form_open (GTK_WIDGET (self), self->session, student);
}

static void
on_delete_response (AdwMessageDialog *dialog,
                    const char       *response,
                    ClStudentPage    *self)
{
  const char *id = g_object_get_data (G_OBJECT (dialog), "student-id");
  ClCaseload *caseload = cl_session_get_caseload (self->session);
  ClStudent *student = caseload ? cl_caseload_lookup_student (caseload, id) : NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *message = NULL;

  if (!g_str_equal (response, "delete") || student == NULL)
    return;
  name = cl_student_dup_display_name (student);
  if (!cl_session_delete_student (self->session, id, &error))
    {
      _cl_report_unsaved (GTK_WIDGET (self), error);
      return;
    }
  /* Translators: a toast; %s is the student's name */
  message = g_strdup_printf (_("%s deleted"), name);
  _cl_report_saved (GTK_WIDGET (self), NULL, message);
}

static void
delete_student_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  ClStudentPage *self = CL_STUDENT_PAGE (widget);
  ClStudent *student = self->student;
  AdwMessageDialog *dialog;
  g_autofree char *name = NULL;
  g_autofree char *heading = NULL;

  if (student == NULL || cl_session_get_store (self->session) == NULL)
    return;
  name = cl_student_dup_display_name (student);
  /* Translators: %s is the student's name */
  heading = g_strdup_printf (_("Delete %s?"), name);
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))), heading,
    _("Their details, family, timeline and planned meetings are removed from this case database. "
      "The history keeps a record of what was deleted, and Undo brings it all back.")));
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "delete", _("_Delete"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "delete", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "student-id", g_strdup (student->id), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_delete_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* ---- the family ---- */

/* Saves @guardians as @student's, undoably, and says @message. */
static void
save_guardians (ClStudentPage *self,
                ClStudent  *student,
                GArray     *guardians,
                const char *message)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *id = g_strdup (student->id);

  if (!cl_session_set_guardians (self->session, id, guardians, &error))
    {
      _cl_report_unsaved (GTK_WIDGET (self), error);
      return;
    }
  _cl_report_saved (GTK_WIDGET (self), id, message);
}

typedef struct {
  ClStudentPage    *page;
  ClGuardianEditor *editor;
  char             *student_id;
  guint             index;     /* G_MAXUINT: a new one */
} GuardianRequest;

static void
guardian_request_free (gpointer  data,
                       GClosure *closure)
{
  GuardianRequest *request = data;

  g_clear_object (&request->page);
  g_free (request->student_id);
  g_free (request);
}

static void
on_guardian_response (AdwMessageDialog *dialog,
                      const char       *response,
                      GuardianRequest  *request)
{
  ClStudentPage *self = request->page;
  ClStudent *student;
  g_autoptr(GArray) guardians = NULL;
  ClGuardian entered = { 0 };

  if (!g_str_equal (response, "save") || cl_session_get_store (self->session) == NULL || cl_session_get_caseload (self->session) == NULL)
    return;
  student = cl_caseload_lookup_student (cl_session_get_caseload (self->session), request->student_id);
  if (student == NULL || !cl_guardian_editor_get_guardian (request->editor, &entered))
    return;
  guardians = cl_guardians_copy (student->guardians);
  if (request->index < guardians->len)
    {
      cl_guardian_clear (&g_array_index (guardians, ClGuardian, request->index));
      g_array_index (guardians, ClGuardian, request->index) = entered;
      save_guardians (self, student, guardians, _("Family member changed"));
    }
  else
    {
      g_array_append_val (guardians, entered);
      save_guardians (self, student, guardians, _("Family member added"));
    }
}

static void
open_guardian_editor (ClStudentPage *self,
                      guint     index)
{
  ClStudent *student = self->student;
  const ClGuardian *initial = NULL;
  GuardianRequest *request;
  AdwMessageDialog *dialog;
  g_autofree char *name = NULL;
  g_autofree char *body = NULL;

  if (student == NULL || cl_session_get_store (self->session) == NULL)
    return;
  if (index != G_MAXUINT)
    {
      if (index >= student->guardians->len)
        return;
      initial = &g_array_index (student->guardians, ClGuardian, index);
    }
  name = cl_student_dup_display_name (student);
  /* Translators: the text of the family form; %s is the student's name */
  body = g_strdup_printf (_("A parent or guardian of %s. Notices and letters go to them, in their language."), name);
  request = g_new0 (GuardianRequest, 1);
  request->page = g_object_ref (self);
  request->editor = cl_guardian_editor_new (initial);
  request->student_id = g_strdup (student->id);
  request->index = index;
  dialog = cl_form_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))), initial ? _("Change Family Member") : _("Add Family Member"), body,
                               CL_FORM_BIN (request->editor), initial ? _("_Save") : _("_Add"));
  g_signal_connect_data (dialog, "response", G_CALLBACK (on_guardian_response), request,
                         guardian_request_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
add_guardian_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  open_guardian_editor (CL_STUDENT_PAGE (widget), G_MAXUINT);
}

static void
edit_guardian_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  open_guardian_editor (CL_STUDENT_PAGE (widget), g_variant_get_uint32 (parameter));
}

static void
delete_guardian_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  ClStudentPage *self = CL_STUDENT_PAGE (widget);
  ClStudent *student = self->student;
  guint index = g_variant_get_uint32 (parameter);
  g_autoptr(GArray) guardians = NULL;
  g_autofree char *message = NULL;

  if (student == NULL || cl_session_get_store (self->session) == NULL || index >= student->guardians->len)
    return;
  message = g_strdup (_("Family member removed"));
  guardians = cl_guardians_copy (student->guardians);
  g_array_remove_index (guardians, index);
  save_guardians (self, student, guardians, message);
}

/* ---- What Is Due: an obligation completed from its row ---- */

void
_cl_student_page_forget_just_done (ClStudentPage *self)
{
  g_clear_handle_id (&self->just_done_source, g_source_remove);
  g_clear_pointer (&self->just_done, g_variant_unref);
}

/* The form (or the date, or the meeting) that completes the obligation: once it is saved, the
 * page shows it done in place for a moment (cl_student_page_show). */
static void
complete_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  ClStudentPage *self = CL_STUDENT_PAGE (widget);

  if (self->student == NULL)
    return;
  _cl_student_page_forget_just_done (self);
  self->just_done = g_variant_ref (parameter);
  cl_obligation_done_run (widget, self->session, parameter, TRUE);
}

/* Enabled only while the session can save: a read-only bundle or the demo offers none of them. */
void
_cl_student_page_actions_update (ClStudentPage *self)
{
  static const char * const names[] = {
    "student.add-event", "student.edit-event", "student.delete-event",
    "student.edit-student", "student.delete-student",
    "student.add-guardian", "student.edit-guardian", "student.delete-guardian",
    "student.plan-meeting", "student.complete", "student.log-discipline", "student.edit-discipline", "student.discipline-follow-up",
  };
  gboolean editable = self->session != NULL && cl_session_get_editable (self->session) && self->student != NULL;

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    gtk_widget_action_set_enabled (GTK_WIDGET (self), names[i], editable);
}

void
_cl_student_page_class_actions_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "student.add-event", NULL, add_event_action);
  gtk_widget_class_install_action (widget_class, "student.edit-event", "u", edit_event_action);
  gtk_widget_class_install_action (widget_class, "student.complete", CL_OBLIGATION_KEY_TYPE, complete_action);
  gtk_widget_class_install_action (widget_class, "student.delete-event", "u", delete_event_action);
  gtk_widget_class_install_action (widget_class, "student.edit-student", NULL, edit_student_action);
  gtk_widget_class_install_action (widget_class, "student.delete-student", NULL, delete_student_action);
  gtk_widget_class_install_action (widget_class, "student.add-guardian", NULL, add_guardian_action);
  gtk_widget_class_install_action (widget_class, "student.edit-guardian", "u", edit_guardian_action);
  gtk_widget_class_install_action (widget_class, "student.delete-guardian", "u", delete_guardian_action);
}
