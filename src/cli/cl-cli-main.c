/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-cli-main.c — caseload-cli, the headless Caseload */
#define G_LOG_DOMAIN "caseload-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <stdio.h>
#include <string.h>

#include "cl-catalog.h"
#include "cl-cli.h"

typedef struct {
  const char *name;
  int       (*run) (int argc, char **argv);
  const char *summary;
} ClCliCommand;

gboolean
cl_cli_parse (const char     *command,
              const char     *parameter,
              GOptionEntry   *entries,
              int            *argc,
              char         ***argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (parameter);
  g_autoptr(GError) error = NULL;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, argc, argv, &error))
    {
      fprintf (stderr, "caseload-cli %s: %s\n", command, error->message);
      return FALSE;
    }
  return TRUE;
}

static const ClCliCommand commands[] = {
  { "alerts", cl_cli_alerts, N_("List every obligation the rules derive, with its basis") },
  { "import", cl_cli_import, N_("Add a bundle to a case database, all or nothing") },
  { "import-calendar", cl_cli_import_calendar, N_("Read a school year from the district's iCalendar feed") },
  { "import-csv", cl_cli_import_csv, N_("Read students and their IEP dates from a spreadsheet (CSV)") },
  { "export", cl_cli_export, N_("Write a case database as a bundle") },
  { "backup", cl_cli_backup, N_("Copy a case database safely, even while it is in use") },
  { "restore", cl_cli_restore, N_("Put a backup back in place of a case database") },
  { "check", cl_cli_check, N_("Check a case database for damage") },
  { "sync", cl_cli_sync, N_("Send a case database's changes to the district server and bring back others'") },
  { "conflicts", cl_cli_conflicts, N_("List the changes of a case database that met someone else's on the server") },
  { "server", cl_cli_server, N_("Set up the district server: server init, server load, server add-user") },
  { "render", cl_cli_render, N_("Write a document for a student as a PDF") },
  { "demo", cl_cli_demo, N_("Write a synthetic caseload bundle (made-up students)") },
  { "bench", cl_cli_bench, N_("Measure the engine on a synthetic caseload of real size") },
};

static void
print_usage (FILE *out)
{
  fprintf (out, "%s\n  caseload-cli COMMAND [OPTIONS…]\n\n%s\n", _("Usage:"), _("Commands:"));
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    fprintf (out, "  %-16s %s\n", commands[i].name, _(commands[i].summary));
  fprintf (out, "\n%s\n", _("Run “caseload-cli COMMAND --help” for the options of a command."));
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, cl_catalog_locale_dir ());
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  if (argc < 2)
    {
      print_usage (stderr);
      return 2;
    }
  if (g_str_equal (argv[1], "--help") || g_str_equal (argv[1], "-h") || g_str_equal (argv[1], "help"))
    {
      print_usage (stdout);
      return 0;
    }
  if (g_str_equal (argv[1], "--version"))
    {
      printf ("caseload-cli %s\n", PACKAGE_VERSION);
      return 0;
    }
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (g_str_equal (argv[1], commands[i].name))
      return commands[i].run (argc - 1, argv + 1);

  fprintf (stderr, _("caseload-cli: unknown command “%s”\n\n"), argv[1]);
  print_usage (stderr);
  return 2;
}
