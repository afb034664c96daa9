/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-cli-server-load.c — caseload-cli server load: an administrator seeds the district server with
 * bundles, or with a synthetic district of any size, all or nothing
 *
 * Each bundle (or each part of a synthetic district) is written into a database of its own in a
 * private temporary folder, and its records stream from there to the server by COPY as a laptop's
 * outbox would send them; memory holds one part at a time, so a state's worth of students loads
 * on a laptop. The server keeps nothing until the end, in one transaction.
 */
#define G_LOG_DOMAIN "cl-cli-server-load"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <stdio.h>

#include "cl-bundle-reader.h"
#include "cl-cli.h"
#include "cl-synthetic-caseload.h"
#include "cl-sync.h"

/* @caseload written into a new database in @dir and streamed to @loader. */
static gboolean
load_caseload (ClSyncLoader  *loader,
               ClCaseload    *caseload,
               const char    *dir,
               GError       **error)
{
  g_autofree char *path = g_build_filename (dir, "part.db", NULL);
  gboolean ok;

  {
    g_autoptr(ClStore) store = cl_store_open (path, TRUE, error);

    ok = store != NULL && cl_store_import (store, caseload, FALSE, NULL, NULL, error) &&
         cl_sync_loader_add_store (loader, store, error);
  }
  _cl_cli_remove_database (path);
  return ok;
}

static gboolean
load_bundle (ClSyncLoader  *loader,
             const char    *file,
             const char    *dir,
             GError       **error)
{
  g_autofree char *contents = NULL;
  g_autoptr(ClCaseload) caseload = NULL;
  gsize length;

  if (!g_file_get_contents (file, &contents, &length, error) ||
      (caseload = cl_bundle_read_data (contents, length, error)) == NULL)
    {
      g_prefix_error (error, "%s: ", file);
      return FALSE;
    }
  g_clear_pointer (&contents, g_free);
  return load_caseload (loader, caseload, dir, error);
}

static gboolean
load_synthetic (ClSyncLoader  *loader,
                guint          n_students,
                guint          part_size,
                ClDate         today,
                const char    *dir,
                GError       **error)
{
  guint n_parts = (n_students + part_size - 1) / part_size;

  for (guint part = 0; part < n_parts; part++)
    {
      guint n = MIN (part_size, n_students - part * part_size);
      /* One region of the district per part: ids that never meet another part's. */
      g_autofree char *prefix = n_parts > 1 ? g_strdup_printf ("r%u-", part + 1) : g_strdup ("");
      g_autoptr(ClCaseload) caseload = cl_synthetic_caseload_new_part (n, 25, 1 + part, today, prefix);

      if (!load_caseload (loader, caseload, dir, error))
        return FALSE;
      fputc ('\r', stderr);
      fprintf (stderr, _("Sent %u of %u students"), part * part_size + n, n_students);
      fflush (stderr);
    }
  if (n_parts > 0)
    fputc ('\n', stderr);
  return TRUE;
}

int
_cl_cli_server_load (int    argc,
                     char **argv)
{
  g_autofree char *url = NULL;
  g_autofree char *today_text = NULL;
  g_autofree char *dir = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(ClSyncLoader) loader = NULL;
  gint64 started = g_get_monotonic_time ();
  int synthetic = 0, part_size = 10000;
  guint64 records = 0;
  ClDate today = cl_date_from_ymd (2026, 11, 24);
  gboolean ok = TRUE;
  GOptionEntry entries[] = {
    { "url", 0, 0, G_OPTION_ARG_STRING, &url, N_("The district server, as a libpq connection string"), N_("URL") },
    { "synthetic", 0, 0, G_OPTION_ARG_INT, &synthetic, N_("Also load a made-up district of N students"), N_("N") },
    { "part-size", 0, 0, G_OPTION_ARG_INT, &part_size, N_("Students made and sent at a time (default 10000)"), N_("N") },
    { "today", 0, 0, G_OPTION_ARG_STRING, &today_text, N_("Build the made-up histories up to this date"), N_("YYYY-MM-DD") },
    { NULL }
  };

  if (!cl_cli_parse ("server load", _("[BUNDLE…] — seed the district server with bundles, all or nothing"),
                     entries, &argc, &argv))
    return 2;
  if (url == NULL || synthetic < 0 || part_size < 1 || (argc < 2 && synthetic == 0))
    {
      fprintf (stderr, "%s\n", _("usage: caseload-cli server load --url URL [--synthetic N] [BUNDLE…]"));
      return 2;
    }
  if (today_text != NULL && !cl_date_parse_iso (today_text, &today))
    {
      fprintf (stderr, _("caseload-cli server load: --today: “%s” is not a date (YYYY-MM-DD)\n"), today_text);
      return 2;
    }
  if ((dir = g_dir_make_tmp ("caseload-load-XXXXXX", &error)) == NULL ||
      (loader = cl_sync_loader_new (url, &error)) == NULL)
    ok = FALSE;
  for (int i = 1; ok && i < argc; i++)
    ok = load_bundle (loader, argv[i], dir, &error);
  if (ok && synthetic > 0)
    ok = load_synthetic (loader, (guint) synthetic, (guint) part_size, today, dir, &error);
  ok = ok && cl_sync_loader_commit (loader, &records, &error);
  if (dir)
    g_rmdir (dir);
  if (!ok)
    {
      fprintf (stderr, "caseload-cli server load: %s\n", error->message);
      return 1;
    }
  {
    g_autofree char *count = g_strdup_printf ("%" G_GUINT64_FORMAT, records);

    printf (g_dngettext (GETTEXT_PACKAGE, "The district server took %s record in %.1f s.\n",
                         "The district server took %s records in %.1f s.\n", (gulong) MIN (records, G_MAXULONG)),
            count, (g_get_monotonic_time () - started) / 1e6);
  }
  return 0;
}
