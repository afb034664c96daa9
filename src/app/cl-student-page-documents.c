/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-student-page-documents.c — the documents of the student whose file is shown (student.document)
 *
 * Each document is rendered from the session's caseload and the student's obligations as the
 * session computed them, and opens in its own preview window. What a document needs and the file
 * lacks is said in a toast instead of an empty preview.
 */
#define G_LOG_DOMAIN "cl-student-page"

#include "config.h"

#include <glib/gi18n.h>

#include "cl-document-window.h"
#include "cl-student-page-private.h"

/* The preview window's title for each document, by ClDocumentKind. */
static const char * const document_titles[CL_N_DOCUMENT_KINDS] = {
  N_("Meeting Notice"), N_("Compliance Summary"), N_("Prior Written Notice"), N_("Excusal Agreement"),
  N_("Age of Majority Notice"), N_("Rights Transfer Notice"), N_("Manifestation Determination"),
  N_("Transition Plan Summary"),
};

gboolean
cl_student_page_offers_document (ClStudentPage  *self,
                                 ClDocumentKind  kind)
{
  g_return_val_if_fail (CL_IS_STUDENT_PAGE (self), FALSE);
  g_return_val_if_fail (kind < CL_N_DOCUMENT_KINDS, FALSE);

  return self->student != NULL &&
         cl_document_applies (kind, self->student, cl_session_get_student_obligations (self->session, self->student),
                              cl_session_get_today (self->session));
}

static void
document_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  ClStudentPage *self = CL_STUDENT_PAGE (widget);
  int kind = cl_enum_from_name (cl_document_kind_names, CL_N_DOCUMENT_KINDS, g_variant_get_string (parameter, NULL));
  GtkRoot *root = gtk_widget_get_root (widget);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) pdf = NULL;
  g_autofree char *name = NULL;
  g_autofree char *title = NULL;
  g_autofree char *file_name = NULL;

  if (self->student == NULL || kind < 0)
    return;
  pdf = cl_document_render (kind, cl_session_get_caseload (self->session), self->student, NULL,
                            cl_session_get_student_obligations (self->session, self->student), NULL,
                            cl_session_get_today (self->session), NULL, &error);
  if (pdf == NULL)
    {
      gtk_widget_activate_action (widget, "win.toast", "s", error->message);
      return;
    }
  name = cl_student_dup_display_name (self->student);
  title = g_strdup_printf ("%s — %s", _(document_titles[kind]), name);
  file_name = g_strdup_printf ("%s-%s.pdf", self->student->id, cl_document_kind_names[kind]);
  gtk_window_present (GTK_WINDOW (cl_document_window_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                          pdf, title, file_name)));
}

void
_cl_student_page_class_documents_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "student.document", "s", document_action);
}
