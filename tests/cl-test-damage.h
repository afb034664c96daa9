/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-test-damage.h — a database damaged where only its integrity check looks
 *
 * Header-only (static inline), as cl-test-util.h.
 */
#pragma once

#include <glib.h>
#include <sqlite3.h>
#include <string.h>

G_BEGIN_DECLS

/* Spoils every page of the index of events by date, which reading the caseload never walks: the
 * load succeeds, only the integrity check finds the damage. */
static inline void
cl_test_damage_date_index (const char *path)
{
  g_autoptr(GArray) pages = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autofree char *contents = NULL;
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 page_size = 0;
  gsize length = 0;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  /* Folded into the file, so that the bytes below are the only copy. */
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA wal_checkpoint(TRUNCATE)", NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT pageno, pgsize FROM dbstat WHERE name = 'events_by_date'", -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 page = sqlite3_column_int64 (stmt, 0);

      page_size = sqlite3_column_int64 (stmt, 1);
      g_array_append_val (pages, page);
    }
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  g_assert_cmpuint (pages->len, >, 0);

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  for (guint i = 0; i < pages->len; i++)
    {
      gint64 at = (g_array_index (pages, gint64, i) - 1) * page_size;

      g_assert_cmpint (at + page_size, <=, (gint64) length);
      memset (contents + at + 8, 0x5a, 64);
    }
  g_assert_true (g_file_set_contents (path, contents, length, NULL));
}

G_END_DECLS
