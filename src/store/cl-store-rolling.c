/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-store-rolling.c — one backup a day next to the database, the last seven kept */
#define G_LOG_DOMAIN "cl-store-rolling"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>

#include "cl-store-private.h"

#define PREFIX "caseload-"
#define SUFFIX ".db"

char *
cl_store_dup_backup_dir (const char *database_path)
{
  return g_strconcat (database_path, ".backups", NULL);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(char * const *) a, *(char * const *) b);
}

gboolean
cl_store_rolling_backup (ClStore  *self,
                         guint     keep,
                         GError  **error)
{
  g_autofree char *dir = cl_store_dup_backup_dir (self->path);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *day = g_date_time_format (now, "%Y-%m-%d");
  g_autofree char *name = g_strconcat (PREFIX, day, SUFFIX, NULL);
  g_autofree char *target = g_build_filename (dir, name, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GDir) listing = NULL;
  const char *entry;

  g_return_val_if_fail (CL_IS_STORE (self), FALSE);

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      g_set_error (error, CL_STORE_ERROR, CL_STORE_ERROR_IO, _("Cannot create the backup folder %s"), dir);
      return FALSE;
    }
  /* Names sort by date: the ISO day is the only thing that differs. */
  if (!g_file_test (target, G_FILE_TEST_EXISTS) && !cl_store_backup (self, target, NULL, NULL, error))
    return FALSE;

  listing = g_dir_open (dir, 0, error);
  if (listing == NULL)
    return FALSE;
  while ((entry = g_dir_read_name (listing)) != NULL)
    if (g_str_has_prefix (entry, PREFIX) && g_str_has_suffix (entry, SUFFIX) &&
        strlen (entry) == strlen (PREFIX "YYYY-MM-DD" SUFFIX))
      g_ptr_array_add (names, g_strdup (entry));
  g_ptr_array_sort (names, compare_names);
  for (guint i = 0; i + keep < names->len; i++)
    {
      g_autofree char *old = g_build_filename (dir, g_ptr_array_index (names, i), NULL);
      g_unlink (old);
    }
  return TRUE;
}
