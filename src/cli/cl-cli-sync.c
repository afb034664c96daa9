/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-cli-sync.c — caseload-cli sync and server init: a laptop and the district's PostgreSQL */
#define G_LOG_DOMAIN "cl-cli-sync"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "cl-cli.h"
#include "cl-sync.h"

int
cl_cli_sync (int    argc,
             char **argv)
{
  g_autofree char *db_path = NULL;
  g_autofree char *url = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(ClStore) store = NULL;
  g_autofree char *position = NULL;
  ClSyncResult r = { 0 };
  gint64 conflicts, refusals = 0;
  GOptionEntry entries[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &db_path, N_("The database"), N_("DB") },
    { "url", 0, 0, G_OPTION_ARG_STRING, &url, N_("The district server, as a libpq connection string"), N_("URL") },
    { NULL }
  };

  if (!cl_cli_parse ("sync", _("— send this database's changes to the district server and bring back others'"),
              entries, &argc, &argv))
    return 2;
  if (db_path == NULL || url == NULL || argc != 1)
    {
      fprintf (stderr, "%s\n", _("usage: caseload-cli sync --db DB --url URL"));
      return 2;
    }
  store = cl_store_open (db_path, TRUE, &error);
  if (store == NULL || !cl_sync_run (store, url, &r, &error))
    {
      fprintf (stderr, "caseload-cli sync: %s\n", error->message);
      return 1;
    }
  position = g_strdup_printf ("%" G_GINT64_FORMAT, r.position);
  printf (_("Sent %u changes and received %u records (server position %s).\n"), r.pushed, r.pulled, position);
  if (r.refused > 0)
    printf (g_dngettext (GETTEXT_PACKAGE,
                         "%u change is not this login's to make (the server refused it); it is listed with the "
                         "conflicts (caseload-cli conflicts) until you discard it.\n",
                         "%u changes are not this login's to make (the server refused them); they are listed with "
                         "the conflicts (caseload-cli conflicts) until you discard them.\n", r.refused), r.refused);
  if ((conflicts = cl_store_count_conflicts (store, &error)) < 0 ||
      (refusals = cl_store_count_refusals (store, &error)) < 0)
    {
      fprintf (stderr, "caseload-cli sync: %s\n", error->message);
      return 1;
    }
  /* Refusals of earlier syncs still wait to be discarded: a choice too (exit 3). */
  if (refusals > 0 && r.refused == 0)
    printf (g_dngettext (GETTEXT_PACKAGE,
                         "%u change the server refused waits to be discarded (caseload-cli conflicts lists it).\n",
                         "%u changes the server refused wait to be discarded (caseload-cli conflicts lists them).\n",
                         (gulong) refusals), (guint) refusals);
  if (refusals > 0 && conflicts == refusals)
    return 3;
  conflicts -= refusals;
  if (conflicts > 0)
    {
      /* Exit 3: the sync worked, but someone has to choose between two values. */
      printf (g_dngettext (GETTEXT_PACKAGE,
                           "%u change waits for a choice: someone else's reached the server first and stands; "
                           "yours is kept on this computer (caseload-cli conflicts lists it).\n",
                           "%u changes wait for a choice: someone else's reached the server first and stand; "
                           "yours are kept on this computer (caseload-cli conflicts lists them).\n",
                           (gulong) conflicts), (guint) conflicts);
      return 3;
    }
  return 0;
}

static int
server_init (int    argc,
             char **argv)
{
  g_autofree char *url = NULL;
  g_autoptr(GError) error = NULL;
  int from = 0;
  GOptionEntry entries[] = {
    { "url", 0, 0, G_OPTION_ARG_STRING, &url, N_("The district server, as a libpq connection string"), N_("URL") },
    { NULL }
  };

  if (!cl_cli_parse ("server init", _("init — set up or upgrade Caseload's schema in the district's database"),
              entries, &argc, &argv))
    return 2;
  if (url == NULL || argc != 1)
    {
      fprintf (stderr, "%s\n", _("usage: caseload-cli server init --url URL"));
      return 2;
    }
  if (!cl_sync_server_init (url, &from, &error))
    {
      fprintf (stderr, "caseload-cli server init: %s\n", error->message);
      return 1;
    }
  if (from == cl_sync_server_schema_version ())
    printf (_("The server already has Caseload's schema %d; nothing was changed.\n"), from);
  else
    printf (_("The server now has Caseload's schema %d (it had %d).\n"), cl_sync_server_schema_version (), from);
  return 0;
}

/* The first line of standard input, without its line end; NULL when there is none. */
static char *
read_password (void)
{
  char line[1024];

  if (fgets (line, sizeof line, stdin) == NULL)
    return NULL;
  line[strcspn (line, "\r\n")] = '\0';
  return line[0] ? g_strdup (line) : NULL;
}

static int
server_add_user (int    argc,
                 char **argv)
{
  g_autofree char *url = NULL;
  g_autofree char *login = NULL;
  g_autofree char *role = NULL;
  g_autofree char *staff = NULL;
  g_autofree char *password = NULL;
  g_auto(GStrv) schools = NULL;
  g_autoptr(GError) error = NULL;
  gboolean password_stdin = FALSE;
  GOptionEntry entries[] = {
    { "url", 0, 0, G_OPTION_ARG_STRING, &url, N_("The district server, as a libpq connection string"), N_("URL") },
    { "login", 0, 0, G_OPTION_ARG_STRING, &login, N_("The login to create or change"), N_("NAME") },
    { "password-stdin", 0, 0, G_OPTION_ARG_NONE, &password_stdin, N_("Read the login's password from standard input"), NULL },
    { "role", 0, 0, G_OPTION_ARG_STRING, &role, N_("case_manager, principal or admin"), N_("ROLE") },
    { "staff", 0, 0, G_OPTION_ARG_STRING, &staff, N_("The staff member a case manager's login is"), N_("ID") },
    { "school", 0, 0, G_OPTION_ARG_STRING_ARRAY, &schools, N_("A school a principal's login reads (repeat for more)"), N_("ID") },
    { NULL }
  };

  if (!cl_cli_parse ("server add-user", _("add-user — a login on the district server, tied to a staff member or schools"),
                     entries, &argc, &argv))
    return 2;
  if (url == NULL || login == NULL || role == NULL || argc != 1)
    {
      fprintf (stderr, "%s\n", _("usage: caseload-cli server add-user --url URL --login NAME --password-stdin --role ROLE [--staff ID] [--school ID]…"));
      return 2;
    }
  if (password_stdin && (password = read_password ()) == NULL)
    {
      fprintf (stderr, "caseload-cli server add-user: %s\n", _("No password on standard input. Nothing was changed."));
      return 1;
    }
  if (!cl_sync_server_add_user (url, login, password, role, staff, (const char * const *) schools, &error))
    {
      fprintf (stderr, "caseload-cli server add-user: %s\n", error->message);
      return 1;
    }
  printf (_("%s is a %s login on the district server.\n"), login, role);
  return 0;
}

int
cl_cli_server (int    argc,
               char **argv)
{
  if (argc >= 2 && g_str_equal (argv[1], "init"))
    return server_init (argc - 1, argv + 1);
  if (argc >= 2 && g_str_equal (argv[1], "add-user"))
    return server_add_user (argc - 1, argv + 1);
  if (argc >= 2 && g_str_equal (argv[1], "load"))
    return _cl_cli_server_load (argc - 1, argv + 1);
  if (argc >= 2 && (g_str_equal (argv[1], "--help") || g_str_equal (argv[1], "-h")))
    {
      /* add-user's options are a superset of init's (--url): its help lists every option. */
      printf ("%s\n%s\n%s\n\n", _("usage: caseload-cli server init --url URL"),
              _("usage: caseload-cli server load --url URL [--synthetic N] [BUNDLE…]"),
              _("usage: caseload-cli server add-user --url URL --login NAME --password-stdin --role ROLE [--staff ID] [--school ID]…"));
      fflush (stdout);
      return server_add_user (argc, argv);
    }
  fprintf (stderr, "%s\n%s\n%s\n", _("usage: caseload-cli server init --url URL"),
           _("usage: caseload-cli server load --url URL [--synthetic N] [BUNDLE…]"),
           _("usage: caseload-cli server add-user --url URL --login NAME --password-stdin --role ROLE [--staff ID] [--school ID]…"));
  return 2;
}
