/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-cli-alerts.c — `caseload-cli alerts`: every obligation, with its basis */
#define G_LOG_DOMAIN "caseload-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "cl-bundle-reader.h"
#include "cl-deadline-engine.h"
#include "cl-obligation-format.h"
#include "cl-store.h"
#include "cl-cli.h"

static gboolean
write_all (const char *text)
{
  return fputs (text, stdout) >= 0 && fflush (stdout) == 0;
}

int
cl_cli_alerts (int    argc,
               char **argv)
{
  g_autofree char *bundle_path = NULL;
  g_autofree char *db_path = NULL;
  g_autofree char *url = NULL;
  g_autofree char *school_id = NULL;
  g_auto(ClCliServerCopy) server_copy = NULL;
  g_autofree char *today_text = NULL;
  g_autofree char *student_id = NULL;
  g_autofree char *format = NULL;
  g_autofree char *rules_dir = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(ClCaseload) caseload = NULL;
  g_autoptr(ClRulePackSet) packs = NULL;
  g_autoptr(ClDeadlineEngine) engine = NULL;
  g_autoptr(GPtrArray) obligations = NULL;
  g_autofree char *user_rules = NULL;
  const char *source;
  ClDate today;
  gsize length;
  GOptionEntry entries[] = {
    { "bundle", 'b', 0, G_OPTION_ARG_FILENAME, &bundle_path, N_("Read the caseload from a bundle"), N_("FILE") },
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &db_path, N_("Read the caseload from a database"), N_("FILE") },
    { "url", 0, 0, G_OPTION_ARG_STRING, &url, N_("Read the caseload from the district server, as a libpq connection string"), N_("URL") },
    { "school", 0, 0, G_OPTION_ARG_STRING, &school_id, N_("With --url: only this school's students"), N_("ID") },
    { "today", 0, 0, G_OPTION_ARG_STRING, &today_text, N_("Compute as of this date (default: today)"), N_("YYYY-MM-DD") },
    { "student", 0, 0, G_OPTION_ARG_STRING, &student_id, N_("Only this student"), N_("ID") },
    { "format", 0, 0, G_OPTION_ARG_STRING, &format, N_("json (default) or text"), N_("FORMAT") },
    { "rules-dir", 0, 0, G_OPTION_ARG_FILENAME, &rules_dir, N_("Also load the rule packs in this directory"), N_("DIR") },
    { NULL }
  };

  context = g_option_context_new (_("— list every obligation the rules derive"));
  g_option_context_set_summary (context,
                                _("Prints one object per obligation (met ones included), sorted by "
                                  "student, due date and rule, each with the rule's citation and "
                                  "the dates it was computed from."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      fprintf (stderr, "caseload-cli alerts: %s\n", error->message);
      return 2;
    }
  if (argc > 1)
    {
      fprintf (stderr, _("caseload-cli alerts: unexpected argument “%s”\n"), argv[1]);
      return 2;
    }
  if ((bundle_path != NULL) + (db_path != NULL) + (url != NULL) != 1 || (school_id != NULL && url == NULL))
    {
      fprintf (stderr, "%s\n", _("caseload-cli alerts: give exactly one of --bundle FILE, --db FILE or --url URL [--school ID]"));
      return 2;
    }
  if (format != NULL && !g_str_equal (format, "json") && !g_str_equal (format, "text"))
    {
      fprintf (stderr, _("caseload-cli alerts: unknown format “%s” (json or text)\n"), format);
      return 2;
    }
  if (today_text == NULL)
    today = cl_date_today ();
  else if (!cl_date_parse_iso (today_text, &today))
    {
      fprintf (stderr, _("caseload-cli alerts: --today: “%s” is not a date (YYYY-MM-DD)\n"), today_text);
      return 2;
    }
  /* The server's records are copied into a private database first, read as any other, and
   * removed when the command ends. */
  if (url != NULL)
    {
      if ((server_copy = _cl_cli_copy_from_server (url, school_id, &error)) == NULL)
        {
          fprintf (stderr, "caseload-cli alerts: %s\n", error->message);
          return 1;
        }
      db_path = g_strdup (server_copy);
    }
  if (db_path != NULL)
    {
      g_autoptr(ClStore) store = cl_store_open (db_path, FALSE, &error);

      if (store == NULL || (caseload = cl_store_load_caseload (store, &error)) == NULL)
        {
          fprintf (stderr, "caseload-cli alerts: %s\n", error->message);
          return 1;
        }
      source = db_path;
    }
  else
    {
      if (!g_file_get_contents (bundle_path, &contents, &length, &error))
        {
          fprintf (stderr, "caseload-cli alerts: %s\n", error->message);
          return 1;
        }
      caseload = cl_bundle_read_data (contents, length, &error);
      if (caseload == NULL)
        {
          fprintf (stderr, "caseload-cli alerts: %s: %s\n", bundle_path, error->message);
          return 1;
        }
      source = bundle_path;
    }

  packs = cl_rule_pack_set_new_builtin (&error);
  user_rules = g_build_filename (g_get_user_data_dir (), "caseload", "rules", NULL);
  if (packs == NULL ||
      !cl_rule_pack_set_add_dir (packs, user_rules, &error) ||
      (rules_dir != NULL && !cl_rule_pack_set_add_dir (packs, rules_dir, &error)))
    {
      fprintf (stderr, "caseload-cli alerts: %s\n", error->message);
      return 1;
    }
  engine = cl_deadline_engine_new (packs);

  if (student_id != NULL)
    {
      ClStudent *student = cl_caseload_lookup_student (caseload, student_id);

      if (student == NULL)
        {
          fprintf (stderr, _("caseload-cli alerts: %s: no student with id “%s”\n"), source, student_id);
          return 1;
        }
      obligations = cl_deadline_engine_compute_student (engine, caseload, student, today, &error);
    }
  else
    obligations = cl_deadline_engine_compute (engine, caseload, today, &error);

  if (obligations == NULL)
    {
      fprintf (stderr, "caseload-cli alerts: %s: %s\n", source, error->message);
      return 1;
    }

  if (format != NULL && g_str_equal (format, "text"))
    {
      g_autofree char *text = cl_obligations_to_text (obligations, today);
      if (!write_all (text))
        return 1;
    }
  else
    {
      g_autofree char *json = cl_obligations_to_json (obligations);
      if (!write_all (json))
        return 1;
    }
  return 0;
}
