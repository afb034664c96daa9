/* cl-window-students.c — adding, changing and deleting students and their families
 *
 * The forms are here; the session saves each change (cl-session-students.c) and keeps its undo.
 */
#define G_LOG_DOMAIN "cl-window-students"

#include "config.h"

#include <glib/gi18n.h>

#include "cl-guardian-editor.h"
#include "cl-student-editor.h"
#include "cl-window-private.h"

/* ---- the student form ---- */

static void
on_student_save (ClStudentEditor *editor,
                 ClWindow        *self)
{
  ClStudent *student = cl_student_editor_dup_student (editor);
  gboolean is_new = g_object_get_data (G_OBJECT (editor), "new") != NULL ||
                    student == NULL || cl_session_get_caseload (self->session) == NULL ||
                    cl_caseload_lookup_student (cl_session_get_caseload (self->session), student->id) == NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *id = NULL;
  g_autofree char *message = NULL;

  g_assert (CL_IS_WINDOW (self));

  if (student == NULL)
    return;
  name = cl_student_dup_display_name (student);
  id = g_strdup (student->id);
  if (!cl_session_save_student (self->session, student, is_new, &error))
    {
      g_autofree char *shown = g_strdup_printf (_("Not saved: %s"), error->message);

      /* The form stays open with what was typed, and says why. */
      cl_student_editor_show_error (editor, shown);
      return;
    }
  gtk_window_destroy (GTK_WINDOW (editor));
  /* Translators: a toast; %s is the student's name */
  message = is_new ? g_strdup_printf (_("%s added"), name) : g_strdup (_("Details changed"));
  _cl_window_show_saved (self, id, message, TRUE);
}

static void
open_student_editor (ClWindow        *self,
                     const ClStudent *initial)
{
  ClStudentEditor *editor;

  if (cl_session_get_store (self->session) == NULL || cl_session_get_caseload (self->session) == NULL)
    return;
  editor = cl_student_editor_new (GTK_WINDOW (self), cl_session_get_caseload (self->session), initial, cl_session_get_today (self->session));
  if (initial == NULL)
    g_object_set_data (G_OBJECT (editor), "new", GINT_TO_POINTER (TRUE));
  g_signal_connect_object (editor, "save", G_CALLBACK (on_student_save), self, 0);
  gtk_window_present (GTK_WINDOW (editor));
}

static void
new_student_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  open_student_editor (CL_WINDOW (widget), NULL);
}

static void
edit_student_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  ClWindow *self = CL_WINDOW (widget);
  ClStudent *student = _cl_window_get_student (self);

  if (student != NULL)
    open_student_editor (self, student);
}

static void
on_delete_response (AdwMessageDialog *dialog,
                    const char       *response,
                    ClWindow         *self)
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
      _cl_window_report_unsaved (self, error);
      return;
    }
  /* Translators: a toast; %s is the student's name */
  message = g_strdup_printf (_("%s deleted"), name);
  _cl_window_show_saved (self, NULL, message, TRUE);
}

static void
delete_student_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  ClWindow *self = CL_WINDOW (widget);
  ClStudent *student = _cl_window_get_student (self);
  AdwMessageDialog *dialog;
  g_autofree char *name = NULL;
  g_autofree char *heading = NULL;

  if (student == NULL || cl_session_get_store (self->session) == NULL)
    return;
  name = cl_student_dup_display_name (student);
  /* Translators: %s is the student's name */
  heading = g_strdup_printf (_("Delete %s?"), name);
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), heading,
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
save_guardians (ClWindow   *self,
                ClStudent  *student,
                GArray     *guardians,
                const char *message)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *id = g_strdup (student->id);

  if (!cl_session_set_guardians (self->session, id, guardians, &error))
    {
      _cl_window_report_unsaved (self, error);
      return;
    }
  _cl_window_show_saved (self, id, message, TRUE);
}

typedef struct {
  ClWindow         *window;
  ClGuardianEditor *editor;
  char             *student_id;
  guint             index;     /* G_MAXUINT: a new one */
} GuardianRequest;

static void
guardian_request_free (gpointer  data,
                       GClosure *closure)
{
  GuardianRequest *request = data;

  g_free (request->student_id);
  g_free (request);
}

static void
on_guardian_response (AdwMessageDialog *dialog,
                      const char       *response,
                      GuardianRequest  *request)
{
  ClWindow *self = request->window;
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
open_guardian_editor (ClWindow *self,
                      guint     index)
{
  ClStudent *student = _cl_window_get_student (self);
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
  request->window = self;
  request->editor = cl_guardian_editor_new (initial);
  request->student_id = g_strdup (student->id);
  request->index = index;
  dialog = cl_form_dialog_new (GTK_WINDOW (self), initial ? _("Change Family Member") : _("Add Family Member"), body,
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
  open_guardian_editor (CL_WINDOW (widget), G_MAXUINT);
}

static void
edit_guardian_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  open_guardian_editor (CL_WINDOW (widget), g_variant_get_uint32 (parameter));
}

static void
delete_guardian_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  ClWindow *self = CL_WINDOW (widget);
  ClStudent *student = _cl_window_get_student (self);
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

void
_cl_window_class_students_init (ClWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_install_action (widget_class, "win.new-student", NULL, new_student_action);
  gtk_widget_class_install_action (widget_class, "win.edit-student", NULL, edit_student_action);
  gtk_widget_class_install_action (widget_class, "win.delete-student", NULL, delete_student_action);
  gtk_widget_class_install_action (widget_class, "win.add-guardian", NULL, add_guardian_action);
  gtk_widget_class_install_action (widget_class, "win.edit-guardian", "u", edit_guardian_action);
  gtk_widget_class_install_action (widget_class, "win.delete-guardian", "u", delete_guardian_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.new-student", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_ALT_MASK, "win.edit-student", NULL);
}
