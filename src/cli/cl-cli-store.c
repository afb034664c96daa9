/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-cli-store.c — `caseload-cli import | export | backup | restore | check` on a case database */
#define G_LOG_DOMAIN "caseload-cli"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <gio/gunixoutputstream.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <unistd.h>

#include "cl-bundle-reader.h"
#include "cl-bundle-writer.h"
#include "cl-calendar-export.h"
#include "cl-deadline-engine.h"
#include "cl-store.h"
#include "cl-cli.h"

/* A percentage on the terminal, only when a person is watching it. */
static void
print_progress (double   fraction,
                gpointer user_data)
{
  const char *what = user_data;

  if (isatty (STDERR_FILENO))
    fprintf (stderr, "\r%s %3d%%", what, (int) (fraction * 100));
}

static void
end_progress (void)
{
  if (isatty (STDERR_FILENO))
    fprintf (stderr, "\n");
}

int
cl_cli_import (int    argc,
               char **argv)
{
  g_autofree char *db_path = NULL;
  gboolean replace = FALSE;
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(ClCaseload) caseload = NULL;
  g_autoptr(ClStore) store = NULL;
  gsize length;
  GOptionEntry entries[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &db_path, N_("The database (created if missing)"), N_("DB") },
    { "replace", 0, 0, G_OPTION_ARG_NONE, &replace, N_("Empty the database first"), NULL },
    { NULL }
  };

  if (!cl_cli_parse ("import", _("FILE — add a bundle to a case database, all or nothing"), entries, &argc, &argv))
    return 2;
  if (db_path == NULL || argc != 2)
    {
      fprintf (stderr, "%s\n", _("usage: caseload-cli import --db DB [--replace] FILE"));
      return 2;
    }
  /* The bundle is read and checked whole before the database is touched. */
  if (!g_file_get_contents (argv[1], &contents, &length, &error) ||
      (caseload = cl_bundle_read_data (contents, length, &error)) == NULL)
    {
      fprintf (stderr, "caseload-cli import: %s: %s\n", argv[1], error->message);
      return 1;
    }
  store = cl_store_open (db_path, TRUE, &error);
  if (store == NULL ||
      !cl_store_import (store, caseload, replace, print_progress, (gpointer) _("Importing"), &error))
    {
      end_progress ();
      fprintf (stderr, "caseload-cli import: %s\n", error->message);
      return 1;
    }
  end_progress ();
  return 0;
}

/* The bundle of @store written to @path as it is read: through a temporary file beside it (mode
 * 0600: it holds students' records), on disk and then renamed over @path, so a failed or
 * interrupted export leaves what was there; "-" is standard output, and a device, pipe or link
 * is written straight into (_cl_cli_output_is_special). */
static gboolean
export_bundle (ClStore     *store,
               const char  *path,
               GError     **error)
{
  g_autofree char *dir = NULL;
  g_autofree char *base = NULL;
  g_autofree char *partial = NULL;
  g_autoptr(GOutputStream) out = NULL;
  gboolean ok;
  int fd;

  if (g_str_equal (path, "-"))
    {
      out = g_unix_output_stream_new (STDOUT_FILENO, FALSE);
      ok = cl_store_export_to_stream (store, out, NULL, NULL, NULL, error);
      return ok && g_output_stream_close (out, NULL, error);
    }
  if (_cl_cli_output_is_special (path))
    {
      if ((out = _cl_cli_open_special_output (path, error)) == NULL)
        return FALSE;
      ok = cl_store_export_to_stream (store, out, NULL, NULL, NULL, error);
      return g_output_stream_close (out, NULL, ok ? error : NULL) && ok;
    }
  dir = g_path_get_dirname (path);
  base = g_path_get_basename (path);
  partial = g_strdup_printf ("%s/.%s.XXXXXX", dir, base);
  fd = g_mkstemp_full (partial, O_WRONLY | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      int saved = errno;
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved), _("Cannot write %s: %s"), path,
                   g_strerror (saved));
      return FALSE;
    }
  out = g_unix_output_stream_new (fd, TRUE);
  ok = cl_store_export_to_stream (store, out, print_progress, (gpointer) _("Exporting"), NULL, error);
  end_progress ();
  if (ok && fsync (fd) != 0)
    {
      int saved = errno;
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved), _("Cannot write %s: %s"), path,
                   g_strerror (saved));
      ok = FALSE;
    }
  /* Closed whether or not it was written whole; an error closing it only matters then. */
  if (!g_output_stream_close (out, NULL, ok ? error : NULL))
    ok = FALSE;
  if (ok && g_rename (partial, path) != 0)
    {
      int saved = errno;
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved), _("Cannot write %s: %s"), path,
                   g_strerror (saved));
      ok = FALSE;
    }
  if (!ok)
    g_unlink (partial);
  return ok;
}

int
cl_cli_export (int    argc,
               char **argv)
{
  g_autofree char *db_path = NULL;
  g_autofree char *output = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(ClStore) store = NULL;
  g_autoptr(ClCaseload) caseload = NULL;
  g_autofree char *json = NULL;
  g_autofree char *today_text = NULL;
  g_autoptr(ClRulePackSet) packs = NULL;
  g_autoptr(ClDeadlineEngine) engine = NULL;
  g_autoptr(GPtrArray) obligations = NULL;
  ClDate today = cl_date_today ();
  gboolean ics = FALSE, csv = FALSE, no_bom = FALSE, initials = FALSE;
  GOptionEntry entries[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &db_path, N_("The database"), N_("DB") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("Write the bundle to FILE (- for standard output)"), N_("FILE") },
    { "ics", 0, 0, G_OPTION_ARG_NONE, &ics, N_("Write meetings and open due dates as iCalendar instead"), NULL },
    { "alerts-csv", 0, 0, G_OPTION_ARG_NONE, &csv, N_("Write every obligation as CSV instead"), NULL },
    { "today", 0, 0, G_OPTION_ARG_STRING, &today_text, N_("For --ics and --alerts-csv: as of this date"), N_("YYYY-MM-DD") },
    { "no-bom", 0, 0, G_OPTION_ARG_NONE, &no_bom, N_("For --alerts-csv: no UTF-8 byte-order mark (spreadsheets need it for accents)"), NULL },
    { "initials", 0, 0, G_OPTION_ARG_NONE, &initials, N_("For --ics: students by their initials, for a calendar synced to a cloud service"), NULL },
    { NULL }
  };

  if (!cl_cli_parse ("export", _("— write a case database as a bundle"), entries, &argc, &argv))
    return 2;
  if (db_path == NULL || output == NULL || argc != 1 || (ics && csv))
    {
      fprintf (stderr, "%s\n", _("usage: caseload-cli export --db DB [--ics | --alerts-csv] -o FILE"));
      return 2;
    }
  store = cl_store_open (db_path, FALSE, &error);
  if (store == NULL)
    {
      fprintf (stderr, "caseload-cli export: %s\n", error->message);
      return 1;
    }
  if (!ics && !csv)
    {
      if (!export_bundle (store, output, &error))
        {
          fprintf (stderr, "caseload-cli export: %s\n", error->message);
          return 1;
        }
      return 0;
    }
  if ((caseload = cl_store_load_caseload (store, &error)) == NULL)
    {
      fprintf (stderr, "caseload-cli export: %s\n", error->message);
      return 1;
    }
  if (today_text != NULL && !cl_date_parse_iso (today_text, &today))
    {
      fprintf (stderr, _("caseload-cli export: --today: “%s” is not a date (YYYY-MM-DD)\n"), today_text);
      return 2;
    }
  packs = cl_rule_pack_set_new_builtin (&error);
  engine = cl_deadline_engine_new (packs);
  obligations = cl_deadline_engine_compute (engine, caseload, today, &error);
  if (obligations == NULL)
    {
      fprintf (stderr, "caseload-cli export: %s\n", error->message);
      return 1;
    }
  if (ics)
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
      g_autoptr(GTimeZone) zone = g_time_zone_new_local ();
      json = cl_caseload_to_ics (caseload, obligations, now, zone,
                                 initials ? CL_EXPORT_INITIALS_ONLY : CL_EXPORT_DEFAULT);
    }
  else
    json = cl_obligations_to_csv (obligations, no_bom ? CL_EXPORT_NO_BOM : CL_EXPORT_DEFAULT);
  if (g_str_equal (output, "-"))
    return fputs (json, stdout) >= 0 && fflush (stdout) == 0 ? 0 : 1;
  if (!_cl_cli_write_output (output, json, strlen (json), &error))
    {
      fprintf (stderr, "caseload-cli export: %s\n", error->message);
      return 1;
    }
  return 0;
}

int
cl_cli_backup (int    argc,
               char **argv)
{
  g_autofree char *db_path = NULL;
  g_autofree char *output = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(ClStore) store = NULL;
  GOptionEntry entries[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &db_path, N_("The database"), N_("DB") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("The backup file to write"), N_("FILE") },
    { NULL }
  };

  if (!cl_cli_parse ("backup", _("— copy a case database safely, even while it is in use"), entries, &argc, &argv))
    return 2;
  if (db_path == NULL || output == NULL || argc != 1)
    {
      fprintf (stderr, "%s\n", _("usage: caseload-cli backup --db DB -o FILE"));
      return 2;
    }
  store = cl_store_open (db_path, FALSE, &error);
  if (store == NULL || !cl_store_backup (store, output, print_progress, (gpointer) _("Backing up"), &error))
    {
      end_progress ();
      fprintf (stderr, "caseload-cli backup: %s\n", error->message);
      return 1;
    }
  end_progress ();
  return 0;
}

int
cl_cli_restore (int    argc,
                char **argv)
{
  g_autofree char *db_path = NULL;
  g_autoptr(GError) error = NULL;
  GOptionEntry entries[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &db_path, N_("The database to replace"), N_("DB") },
    { NULL }
  };

  if (!cl_cli_parse ("restore", _("BACKUP — put a backup back in place of a case database"), entries, &argc, &argv))
    return 2;
  if (db_path == NULL || argc != 2)
    {
      fprintf (stderr, "%s\n", _("usage: caseload-cli restore --db DB BACKUP"));
      return 2;
    }
  if (!cl_store_restore (db_path, argv[1], &error))
    {
      fprintf (stderr, "caseload-cli restore: %s\n", error->message);
      return 1;
    }
  fprintf (stderr, _("Restored %s from %s; the previous file is kept as %s.before-restore\n"),
           db_path, argv[1], db_path);
  return 0;
}

int
cl_cli_check (int    argc,
              char **argv)
{
  g_autofree char *db_path = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(ClStore) store = NULL;
  g_auto(GStrv) problems = NULL;
  GOptionEntry entries[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &db_path, N_("The database"), N_("DB") },
    { NULL }
  };

  if (!cl_cli_parse ("check", _("— check a case database for damage"), entries, &argc, &argv))
    return 2;
  if (db_path == NULL || argc != 1)
    {
      fprintf (stderr, "%s\n", _("usage: caseload-cli check --db DB"));
      return 2;
    }
  store = cl_store_open (db_path, FALSE, &error);
  if (store == NULL)
    {
      fprintf (stderr, "caseload-cli check: %s\n", error->message);
      return 1;
    }
  problems = cl_store_check (store, &error);
  if (error != NULL)
    {
      fprintf (stderr, "caseload-cli check: %s\n", error->message);
      return 1;
    }
  if (problems != NULL)
    {
      for (guint i = 0; problems[i]; i++)
        printf ("%s: %s\n", db_path, problems[i]);
      return 1;
    }
  printf (_("%s: ok (schema version %d)\n"), db_path, cl_store_get_schema_version (store));
  return 0;
}

void
_cl_cli_remove_database (const char *path)
{
  const char *suffixes[] = { "", "-wal", "-shm", "-journal" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (path, suffixes[i], NULL);
      g_unlink (file);
    }
}
