/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-cli-demo.c — `caseload-cli demo`: write a synthetic caseload as a bundle */
#define G_LOG_DOMAIN "caseload-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "cl-bundle-writer.h"
#include "cl-synthetic-caseload.h"
#include "cl-cli.h"

int
cl_cli_demo (int    argc,
             char **argv)
{
  int n_students = 40;
  int n_events = 25;
  int seed = 1;
  g_autofree char *output = NULL;
  g_autofree char *today_text = NULL;
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(ClCaseload) caseload = NULL;
  g_autofree char *json = NULL;
  ClDate today;
  GOptionEntry entries[] = {
    { "students", 0, 0, G_OPTION_ARG_INT, &n_students, N_("How many students (default 40)"), N_("N") },
    { "events", 0, 0, G_OPTION_ARG_INT, &n_events, N_("Events per student (default 25)"), N_("N") },
    { "seed", 0, 0, G_OPTION_ARG_INT, &seed, N_("Random seed: the same seed gives the same file"), N_("S") },
    { "today", 0, 0, G_OPTION_ARG_STRING, &today_text, N_("Build histories up to this date"), N_("YYYY-MM-DD") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("Write to FILE (- for standard output)"), N_("FILE") },
    { NULL }
  };

  context = g_option_context_new (_("— write a synthetic caseload bundle"));
  g_option_context_set_summary (context, _("Every name and date is made up; no real person is described."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error) || argc > 1 || output == NULL ||
      n_students < 0 || n_events < 4)
    {
      fprintf (stderr, "caseload-cli demo: %s\n",
               error ? error->message : _("usage: caseload-cli demo [--students N] [--seed S] -o FILE"));
      return 2;
    }
  if (today_text == NULL)
    today = cl_date_from_ymd (2026, 11, 24);
  else if (!cl_date_parse_iso (today_text, &today))
    {
      fprintf (stderr, _("caseload-cli demo: --today: “%s” is not a date (YYYY-MM-DD)\n"), today_text);
      return 2;
    }

  caseload = cl_synthetic_caseload_new (n_students, n_events, (guint32) seed, today);
  json = cl_bundle_write (caseload);
  if (g_str_equal (output, "-"))
    {
      if (fputs (json, stdout) < 0 || fflush (stdout) != 0)
        return 1;
    }
  else if (!_cl_cli_write_output (output, json, strlen (json), &error))
    {
      fprintf (stderr, "caseload-cli demo: %s\n", error->message);
      return 1;
    }
  return 0;
}
