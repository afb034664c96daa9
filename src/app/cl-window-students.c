/* cl-window-students.c — adding, changing and deleting students and their families
 *
 * Like the timeline (cl-window-edit.c): every change is saved at once as one audited transaction,
 * and _cl_window_saved() is handed how to undo it, for the toast and Ctrl+Z.
 */
#define G_LOG_DOMAIN "cl-window-students"

#include "config.h"

#include <glib/gi18n.h>

#include "cl-guardian-editor.h"
#include "cl-student-editor.h"
#include "cl-window-private.h"

/* ---- what an undo needs, held apart from the caseload (a reload frees that) ---- */

static GArray *
guardians_copy (GArray *src)
{
  GArray *copy = g_array_new (FALSE, TRUE, sizeof (ClGuardian));

  g_array_set_clear_func (copy, (GDestroyNotify) cl_guardian_clear);
  g_array_set_size (copy, src->len);
  for (guint i = 0; i < src->len; i++)
    cl_guardian_copy (&g_array_index (src, ClGuardian, i), &g_array_index (copy, ClGuardian, i));
  return copy;
}

/* A student record with its school and case manager: the record borrows them from the caseload,
 * so the copy borrows stand-ins (id and name) that it owns. */
typedef struct {
  ClStudent    *student;
  ClSchool     *school;
  ClStaff      *case_manager;
  ClAppRecords *records;   /* a deleted student's attempts, checklists and notes */
} StudentCopy;

static void
student_copy_free (gpointer data)
{
  StudentCopy *copy = data;

  cl_student_free (copy->student);
  cl_school_free (copy->school);
  cl_staff_free (copy->case_manager);
  cl_app_records_free (copy->records);
  g_free (copy);
}

/* @src whole: its own fields (what an undone change of details writes back) and its family,
 * timeline and planned meetings (what an undone delete writes back). */
static StudentCopy *
student_copy_new (const ClStudent *src)
{
  StudentCopy *copy = g_new0 (StudentCopy, 1);

  copy->student = cl_student_copy (src);
  if (src->school != NULL)
    copy->school = cl_school_new (src->school->id, src->school->name);
  if (src->case_manager != NULL)
    copy->case_manager = cl_staff_new (src->case_manager->id, src->case_manager->name, src->case_manager->role);
  copy->student->school = copy->school;
  copy->student->case_manager = copy->case_manager;
  return copy;
}

static gboolean
revert_student_added (ClStore  *store,
                      gpointer  data,
                      GError  **error)
{
  return cl_store_delete_student (store, data, error);
}

static gboolean
revert_student_changed (ClStore  *store,
                        gpointer  data,
                        GError  **error)
{
  return cl_store_update_student (store, ((StudentCopy *) data)->student, error);
}

static gboolean
revert_student_deleted (ClStore  *store,
                        gpointer  data,
                        GError  **error)
{
  StudentCopy *copy = data;

  return cl_store_restore_student (store, copy->student, copy->records, error);
}

typedef struct {
  char   *student_id;
  GArray *guardians;   /* of ClGuardian, as they were */
} GuardiansUndo;

static void
guardians_undo_free (gpointer data)
{
  GuardiansUndo *undo = data;

  g_free (undo->student_id);
  g_array_unref (undo->guardians);
  g_free (undo);
}

static gboolean
revert_guardians (ClStore  *store,
                  gpointer  data,
                  GError  **error)
{
  GuardiansUndo *undo = data;
  return cl_store_set_guardians (store, undo->student_id, undo->guardians, error);
}

/* ---- the saved change, made to the open caseload's record too (as a reload reads it back) ---- */

/* @src's own fields (as cl_student_editor_dup_student() made them) moved into @dest. */
static void
take_fields (ClStudent *dest,
             ClStudent *src)
{
#define TAKE(field) G_STMT_START { g_free (dest->field); dest->field = g_steal_pointer (&src->field); } G_STMT_END
  TAKE (first_name);
  TAKE (last_name);
  TAKE (grade);
  TAKE (home_language);
  TAKE (eligibility_primary);
  TAKE (eligibility_secondary);
  TAKE (jurisdiction);
#undef TAKE
  dest->birth_date = src->birth_date;
  dest->school = src->school;
  dest->case_manager = src->case_manager;
  dest->english_learner = src->english_learner;
  dest->conservatorship = src->conservatorship;
  dest->part_c = src->part_c;
  dest->emancipated_on = src->emancipated_on;
  g_clear_pointer (&dest->eligibility_extra, json_object_unref);
  dest->eligibility_extra = g_steal_pointer (&src->eligibility_extra);
  g_clear_pointer (&dest->extra, json_object_unref);
  dest->extra = g_steal_pointer (&src->extra);
}

static char *
dup_nonempty (const char *text)
{
  return text && *text ? g_strdup (text) : NULL;
}

/* @guardians as the student's; empty texts become none, as the database stores them. */
static void
apply_guardians (ClStudent *student,
                 GArray    *guardians)
{
  g_array_set_size (student->guardians, 0);
  for (guint i = 0; i < guardians->len; i++)
    {
      const ClGuardian *g = &g_array_index (guardians, ClGuardian, i);
      ClGuardian copy = { dup_nonempty (g->name), dup_nonempty (g->relationship), dup_nonempty (g->language),
                          dup_nonempty (g->phone), dup_nonempty (g->email), dup_nonempty (g->address),
                          g->extra ? json_object_ref (g->extra) : NULL };

      g_array_append_val (student->guardians, copy);
    }
}

/* The copy's stand-in school and case manager swapped for the caseload's own; FALSE when the
 * caseload does not have them (it must be read again). */
static gboolean
borrow_from (ClCaseload  *caseload,
             StudentCopy *copy)
{
  ClSchool *school = copy->school ? cl_caseload_lookup_school (caseload, copy->school->id) : NULL;
  ClStaff *manager = copy->case_manager ? cl_caseload_lookup_staff (caseload, copy->case_manager->id) : NULL;

  if (school == NULL || (copy->case_manager != NULL && manager == NULL))
    return FALSE;
  copy->student->school = school;
  copy->student->case_manager = manager;
  return TRUE;
}

static ClStudent *
apply_student_changed_undo (ClCaseload *caseload,
                            gpointer    data)
{
  StudentCopy *copy = data;
  ClStudent *student = cl_caseload_lookup_student (caseload, copy->student->id);

  if (student == NULL || !borrow_from (caseload, copy))
    return NULL;
  /* The undo is spent once applied: its fields can move. */
  take_fields (student, copy->student);
  return student;
}

static ClStudent *
apply_student_deleted_undo (ClCaseload *caseload,
                            gpointer    data)
{
  StudentCopy *copy = data;
  ClStudent *student = copy->student;

  if (cl_caseload_lookup_student (caseload, student->id) != NULL || !borrow_from (caseload, copy))
    return NULL;
  /* The whole file comes back, after the others, as the database put it: its events at the
   * positions they were written to, which are their places in the timeline. */
  copy->student = NULL;
  for (guint i = 0; i < student->events->len; i++)
    g_array_index (student->events, ClEvent, i).order = i;
  cl_caseload_add_student (caseload, student);
  return student;
}

static ClStudent *
apply_guardians_undo (ClCaseload *caseload,
                      gpointer    data)
{
  GuardiansUndo *undo = data;
  ClStudent *student = cl_caseload_lookup_student (caseload, undo->student_id);

  if (student != NULL)
    apply_guardians (student, undo->guardians);
  return student;
}

/* ---- the student form ---- */

static void
on_student_save (ClStudentEditor *editor,
                 ClWindow        *self)
{
  g_autoptr(ClStudent) student = cl_student_editor_dup_student (editor);
  ClStudent *before = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *message = NULL;
  StudentCopy *copy = NULL;
  gboolean ok, in_place;

  g_assert (CL_IS_WINDOW (self));

  if (student == NULL || cl_session_get_store (self->session) == NULL)
    return;
  if (cl_session_get_caseload (self->session) != NULL)
    before = cl_caseload_lookup_student (cl_session_get_caseload (self->session), student->id);
  /* Editing keeps what the student was for the undo; a new one is undone by deleting it. */
  if (!g_object_get_data (G_OBJECT (editor), "new") && before != NULL)
    {
      copy = student_copy_new (before);
      ok = cl_store_update_student (cl_session_get_store (self->session), student, &error);
    }
  else
    ok = cl_store_add_student (cl_session_get_store (self->session), student, &error);
  if (!ok)
    {
      g_autofree char *shown = g_strdup_printf (_("Not saved: %s"), error->message);

      if (copy != NULL)
        student_copy_free (copy);
      /* The form stays open with what was typed, and says why. */
      cl_student_editor_show_error (editor, shown);
      return;
    }
  name = cl_student_dup_display_name (student);
  gtk_window_destroy (GTK_WINDOW (editor));
  /* The form borrowed school and case manager from the caseload open when it was opened; if a
   * reload came in between, the saved record is read back whole instead of changed in place. */
  in_place = student->school != NULL && cl_session_get_caseload (self->session) != NULL &&
             cl_caseload_lookup_school (cl_session_get_caseload (self->session), student->school->id) == student->school &&
             (student->case_manager == NULL ||
              cl_caseload_lookup_staff (cl_session_get_caseload (self->session), student->case_manager->id) == student->case_manager);
  if (copy != NULL)
    {
      ClUndo *undo = cl_undo_new (revert_student_changed, apply_student_changed_undo, copy, student_copy_free, student->id);

      /* Short: a narrow window cuts a toast; the file under it names the student. */
      message = g_strdup (_("Details changed"));
      before = cl_caseload_lookup_student (cl_session_get_caseload (self->session), student->id);
      if (in_place && before != NULL)
        {
          take_fields (before, student);
          _cl_window_saved_student (self, undo, before, message);
        }
      else
        _cl_window_saved (self, undo, student->id, message);
    }
  else
    {
      ClUndo *undo = cl_undo_new (revert_student_added, NULL, g_strdup (student->id), g_free, NULL);

      /* Translators: a toast; %s is the student's name */
      message = g_strdup_printf (_("%s added"), name);
      if (in_place)
        {
          ClStudent *added = g_steal_pointer (&student);

          /* Goes after the others, where the database put it too. */
          cl_caseload_add_student (cl_session_get_caseload (self->session), added);
          _cl_window_saved_student (self, undo, added, message);
        }
      else
        _cl_window_saved (self, undo, student->id, message);
    }
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
  ClStudent *student = cl_session_get_caseload (self->session) ? cl_caseload_lookup_student (cl_session_get_caseload (self->session), id) : NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *message = NULL;
  ClAppRecords *records;
  StudentCopy *copy;

  if (!g_str_equal (response, "delete") || student == NULL || cl_session_get_store (self->session) == NULL)
    return;
  /* What the record does not hold goes too (the meetings' logs, the notes): the undo needs it. */
  records = cl_store_dup_app_records (cl_session_get_store (self->session), id, &error);
  if (records == NULL)
    {
      _cl_window_report_unsaved (self, error);
      return;
    }
  copy = student_copy_new (student);
  copy->records = records;
  if (!cl_store_delete_student (cl_session_get_store (self->session), id, &error))
    {
      student_copy_free (copy);
      _cl_window_report_unsaved (self, error);
      return;
    }
  name = cl_student_dup_display_name (copy->student);
  /* Translators: a toast; %s is the student's name */
  message = g_strdup_printf (_("%s deleted"), name);
  _cl_window_saved (self, cl_undo_new (revert_student_deleted, apply_student_deleted_undo, copy, student_copy_free, copy->student->id),
                    NULL, message);
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

/* Saves @guardians as the open student's, undoably, and says @message. */
static void
save_guardians (ClWindow   *self,
                ClStudent  *student,
                GArray     *guardians,
                const char *message)
{
  g_autoptr(GError) error = NULL;
  GuardiansUndo *undo;

  undo = g_new0 (GuardiansUndo, 1);
  undo->student_id = g_strdup (student->id);
  undo->guardians = guardians_copy (student->guardians);
  if (!cl_store_set_guardians (cl_session_get_store (self->session), student->id, guardians, &error))
    {
      guardians_undo_free (undo);
      _cl_window_report_unsaved (self, error);
      return;
    }
  apply_guardians (student, guardians);
  _cl_window_saved_student (self, cl_undo_new (revert_guardians, apply_guardians_undo, undo, guardians_undo_free, undo->student_id),
                            student, message);
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
  guardians = guardians_copy (student->guardians);
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
  guardians = guardians_copy (student->guardians);
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
