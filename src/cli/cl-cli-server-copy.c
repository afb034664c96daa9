/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-cli-server-copy.c — a school's records from the district server in a private temporary
 * database, for a command to read as it reads any case database (alerts --url --school) */
#define G_LOG_DOMAIN "cl-cli-server-copy"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "cl-cli.h"
#include "cl-sync.h"

char *
_cl_cli_copy_from_server (const char  *url,
                          const char  *school_id,
                          GError     **error)
{
  g_autofree char *dir = g_dir_make_tmp ("caseload-server-XXXXXX", error);
  g_autofree char *path = NULL;
  g_autoptr(ClStore) store = NULL;

  if (dir == NULL)
    return NULL;
  path = g_build_filename (dir, "copy.db", NULL);
  store = cl_store_open (path, TRUE, error);
  if (store == NULL || !cl_sync_fetch (url, school_id, store, NULL, error))
    {
      g_clear_object (&store);
      _cl_cli_remove_copy (path);
      return NULL;
    }
  return g_steal_pointer (&path);
}

void
_cl_cli_remove_copy (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);

  _cl_cli_remove_database (path);
  g_rmdir (dir);
}

void
_cl_cli_server_copy_free (ClCliServerCopy copy)
{
  if (copy == NULL)
    return;
  _cl_cli_remove_copy (copy);
  g_free (copy);
}
