/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-cli-render.c — `caseload-cli render`: a document for one student, as a PDF file */
#define G_LOG_DOMAIN "caseload-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "cl-bundle-reader.h"
#include "cl-deadline-engine.h"
#include "cl-documents.h"
#include "cl-store.h"
#include "cl-cli.h"

static ClCaseload *
load (const char  *bundle_path,
      const char  *db_path,
      GError     **error)
{
  g_autofree char *contents = NULL;
  gsize length;

  if (db_path != NULL)
    {
      g_autoptr(ClStore) store = cl_store_open (db_path, FALSE, error);
      return store ? cl_store_load_caseload (store, error) : NULL;
    }
  if (!g_file_get_contents (bundle_path, &contents, &length, error))
    return NULL;
  return cl_bundle_read_data (contents, length, error);
}

/* Every student's obligations, then the principal's report. */
static GBytes *
render_school_report (ClDeadlineEngine  *engine,
                      ClCaseload        *caseload,
                      const char        *school_id,
                      const char        *lang,
                      ClDate             today,
                      GError           **error)
{
  g_autoptr(GPtrArray) obligations = engine ? cl_deadline_engine_compute (engine, caseload, today, error) : NULL;

  if (obligations == NULL)
    return NULL;
  return cl_document_render_school_report (caseload, obligations, school_id, lang, today, NULL, error);
}

static GBytes *
render_student_document (ClDeadlineEngine  *engine,
                         ClCaseload        *caseload,
                         const char        *student_id,
                         const char        *meeting_id,
                         ClDocumentKind     kind,
                         const char        *lang,
                         ClDate             today,
                         GError           **error)
{
  ClStudent *student = cl_caseload_lookup_student (caseload, student_id);
  const ClMeeting *meeting = NULL;
  g_autoptr(GPtrArray) obligations = NULL;

  if (student == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, _("no student with id “%s”"), student_id);
      return NULL;
    }
  for (guint i = 0; meeting_id && i < student->meetings->len; i++)
    if (g_str_equal (((ClMeeting *) g_ptr_array_index (student->meetings, i))->id, meeting_id))
      meeting = g_ptr_array_index (student->meetings, i);
  if (meeting_id != NULL && meeting == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, _("%s has no meeting “%s”"), student_id, meeting_id);
      return NULL;
    }
  obligations = engine ? cl_deadline_engine_compute_student (engine, caseload, student, today, error) : NULL;
  if (obligations == NULL)
    return NULL;
  return cl_document_render (kind, caseload, student, meeting, obligations, lang, today, NULL, error);
}

/* "meeting-notice, student-summary, …, compliance-report" */
static char *
document_kinds (void)
{
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint i = 0; i < CL_N_DOCUMENT_KINDS; i++)
    g_string_append_printf (out, "%s, ", cl_document_kind_names[i]);
  g_string_append (out, "compliance-report");
  return g_string_free (g_steal_pointer (&out), FALSE);
}

int
cl_cli_render (int    argc,
               char **argv)
{
  g_autofree char *bundle_path = NULL, *db_path = NULL, *student_id = NULL, *kind_name = NULL;
  g_autofree char *meeting_id = NULL, *lang = NULL, *today_text = NULL, *output = NULL, *school_id = NULL;
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(ClCaseload) caseload = NULL;
  g_autoptr(ClRulePackSet) packs = NULL;
  g_autoptr(ClDeadlineEngine) engine = NULL;
  g_autoptr(GBytes) pdf = NULL;
  g_autofree char *kinds = NULL;
  ClDate today;
  int kind;
  GOptionEntry entries[] = {
    { "bundle", 'b', 0, G_OPTION_ARG_FILENAME, &bundle_path, N_("Read the caseload from a bundle"), N_("FILE") },
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &db_path, N_("Read the caseload from a database"), N_("DB") },
    { "student", 0, 0, G_OPTION_ARG_STRING, &student_id, N_("The student"), N_("ID") },
    { "doc", 0, 0, G_OPTION_ARG_STRING, &kind_name, N_("The document (listed above)"), N_("KIND") },
    { "school", 0, 0, G_OPTION_ARG_STRING, &school_id, N_("For compliance-report: the school (default: every school)"), N_("ID") },
    { "meeting", 0, 0, G_OPTION_ARG_STRING, &meeting_id, N_("The planned meeting a notice, excusal, prior written notice or review is about (default: chosen from the case file)"), N_("ID") },
    { "lang", 0, 0, G_OPTION_ARG_STRING, &lang, N_("Language (default: the family's)"), N_("LL") },
    { "today", 0, 0, G_OPTION_ARG_STRING, &today_text, N_("As of this date"), N_("YYYY-MM-DD") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("Write the PDF to FILE"), N_("FILE") },
    { NULL }
  };

  kinds = document_kinds ();
  context = g_option_context_new (_("— write a document for a student as a PDF"));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  {
    /* Translators: %s is the list of document names */
    g_autofree char *summary = g_strdup_printf (_("Documents: %s"), kinds);
    g_option_context_set_summary (context, summary);
  }
  if (!g_option_context_parse (context, &argc, &argv, &error) || argc > 1 ||
      (bundle_path == NULL) == (db_path == NULL) || kind_name == NULL || output == NULL ||
      (student_id == NULL && g_strcmp0 (kind_name, "compliance-report") != 0))
    {
      fprintf (stderr, "caseload-cli render: %s\n",
               error ? error->message : _("usage: caseload-cli render (--bundle FILE | --db DB) --student ID --doc KIND [--meeting ID] [--lang LL] -o OUT.pdf"));
      return 2;
    }
  /* A wrong name is bad input, not a usage mistake: exit 1, before anything is read or written. */
  kind = cl_enum_from_name (cl_document_kind_names, CL_N_DOCUMENT_KINDS, kind_name);
  if (kind < 0 && !g_str_equal (kind_name, "compliance-report"))
    {
      fprintf (stderr, _("caseload-cli render: unknown document “%s” (%s)\n"), kind_name, kinds);
      return 1;
    }
  if (lang != NULL && !cl_document_has_language (lang))
    {
      g_autofree char *languages = cl_document_dup_languages ();
      fprintf (stderr, _("caseload-cli render: no documents in the language “%s” (%s)\n"), lang, languages);
      return 1;
    }
  if (today_text == NULL)
    today = cl_date_today ();
  else if (!cl_date_parse_iso (today_text, &today))
    {
      fprintf (stderr, _("caseload-cli render: --today: “%s” is not a date (YYYY-MM-DD)\n"), today_text);
      return 2;
    }

  caseload = load (bundle_path, db_path, &error);
  if (caseload == NULL)
    {
      fprintf (stderr, "caseload-cli render: %s\n", error->message);
      return 1;
    }
  packs = cl_rule_pack_set_new_builtin (&error);
  engine = packs ? cl_deadline_engine_new (packs) : NULL;
  if (kind < 0)
    pdf = render_school_report (engine, caseload, school_id, lang, today, &error);
  else
    pdf = render_student_document (engine, caseload, student_id, meeting_id, kind, lang, today, &error);
  if (pdf == NULL)
    {
      fprintf (stderr, "caseload-cli render: %s\n", error->message);
      return 1;
    }
  if (!_cl_cli_write_output (output, g_bytes_get_data (pdf, NULL), g_bytes_get_size (pdf), &error))
    {
      fprintf (stderr, "caseload-cli render: %s\n", error->message);
      return 1;
    }
  return 0;
}
