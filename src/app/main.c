/* SPDX-License-Identifier: GPL-3.0-or-later */
/* main.c — the caseload program */
#define G_LOG_DOMAIN "caseload"

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "cl-application.h"
#include "cl-catalog.h"

int
main (int    argc,
      char **argv)
{
  g_autoptr(ClApplication) app = NULL;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, cl_catalog_locale_dir ());
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  /* For measuring start-up: CASELOAD_TRACE_STARTUP=1 prints the time to the first frame. */
  g_setenv ("CASELOAD_STARTED_AT", g_strdup_printf ("%" G_GINT64_FORMAT, g_get_monotonic_time ()), FALSE);
  app = cl_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
