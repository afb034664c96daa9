/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-store.c — opening the case database, and refusing what is not one */
#define G_LOG_DOMAIN "cl-store"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cl-store-private.h"

G_DEFINE_QUARK (cl-store-error-quark, cl_store_error)

G_DEFINE_FINAL_TYPE (ClStore, cl_store, G_TYPE_OBJECT)

static void
cl_store_finalize (GObject *object)
{
  ClStore *self = CL_STORE (object);

  /* Statements first: a connection with live statements does not close. */
  g_clear_pointer (&self->statements, g_hash_table_unref);
  if (self->db != NULL)
    sqlite3_close (self->db);
  g_free (self->path);
  G_OBJECT_CLASS (cl_store_parent_class)->finalize (object);
}

static void
cl_store_class_init (ClStoreClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = cl_store_finalize;
}

static void
finalize_statement (gpointer stmt)
{
  sqlite3_finalize (stmt);
}

static void
cl_store_init (ClStore *self)
{
  self->statements = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL, finalize_statement);
}

void
cl_audit_entry_free (ClAuditEntry *entry)
{
  if (entry == NULL)
    return;
  g_free (entry->at);
  g_free (entry->os_user);
  g_free (entry->table);
  g_free (entry->row);
  g_free (entry->field);
  g_free (entry->old_value);
  g_free (entry->new_value);
  g_free (entry);
}

gboolean
_cl_store_fail (ClStore     *self,
                int          rc,
                const char  *doing,
                GError     **error)
{
  return _cl_store_fail_with (self, rc, self->db ? sqlite3_errmsg (self->db) : sqlite3_errstr (rc), doing, error);
}

gboolean
_cl_store_fail_with (ClStore     *self,
                     int          rc,
                     const char  *detail,
                     const char  *doing,
                     GError     **error)
{
  /* The callers mark @doing with N_(): it is put in the user's language here. */
  doing = _(doing);

  switch (rc & 0xff)
    {
    case SQLITE_NOTADB:
      g_set_error (error, CL_STORE_ERROR, CL_STORE_ERROR_NOT_A_DATABASE,
                   _("%s is not a Caseload database (%s). Nothing was changed."), self->path, detail);
      break;
    case SQLITE_CORRUPT:
      g_set_error (error, CL_STORE_ERROR, CL_STORE_ERROR_CORRUPT,
                   /* TRANSLATORS: the file, SQLite's reason (English), then what Caseload was doing,
                    * "adding a school" (translated on its own) */
                   _("%s is damaged (%s) while %s. Open one of its backups instead."), self->path, detail, doing);
      break;
    case SQLITE_FULL:
      g_set_error (error, CL_STORE_ERROR, CL_STORE_ERROR_IO,
                   /* TRANSLATORS: %s is what Caseload was doing, "adding a school" (translated on its own) */
                   _("The disk is full while %s; nothing was changed. Free some space and try again."), doing);
      break;
    case SQLITE_CONSTRAINT:
      g_set_error (error, CL_STORE_ERROR, CL_STORE_ERROR_INVALID,
                   /* TRANSLATORS: what Caseload was doing, "adding a school" (translated on its own), then
                    * SQLite's reason (English) */
                   _("The records could not be stored while %s (%s); nothing was changed."), doing, detail);
      break;
    default:
      /* TRANSLATORS: what Caseload was doing ("adding a school", translated on its own), the file,
       * then SQLite's reason (English) */
      g_set_error (error, CL_STORE_ERROR, CL_STORE_ERROR_IO, _("Error while %s in %s: %s"), doing,
                   self->path, detail);
      break;
    }
  return FALSE;
}

sqlite3_stmt *
_cl_store_prepare (ClStore     *self,
                   const char  *sql,
                   GError     **error)
{
  sqlite3_stmt *stmt = g_hash_table_lookup (self->statements, sql);
  int rc;

  if (stmt != NULL)
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      return stmt;
    }
  rc = sqlite3_prepare_v3 (self->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      _cl_store_fail (self, rc, N_("preparing a query"), error);
      return NULL;
    }
  /* Keyed by the address of the (static) SQL text. */
  g_hash_table_insert (self->statements, (gpointer) sql, stmt);
  return stmt;
}

gboolean
_cl_store_exec (ClStore     *self,
                const char  *sql,
                GError     **error)
{
  int rc = sqlite3_exec (self->db, sql, NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    return _cl_store_fail (self, rc, N_("updating the database"), error);
  return TRUE;
}

static int
pragma_int (ClStore    *self,
            const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  int value = -1;

  if (sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    value = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  return value;
}

/* "SQLite format 3\0": anything else with content is some other kind of file. */
static gboolean
check_header (const char  *path,
              gboolean    *empty,
              GError     **error)
{
  static const char magic[16] = "SQLite format 3";
  char header[16] = { 0 };
  ssize_t n;
  int fd = g_open (path, O_RDONLY | O_CLOEXEC, 0);

  if (fd < 0)
    {
      int saved = errno;
      g_set_error (error, CL_STORE_ERROR, CL_STORE_ERROR_IO, _("Cannot open %s: %s"), path, g_strerror (saved));
      return FALSE;
    }
  n = read (fd, header, sizeof header);
  close (fd);
  *empty = n == 0;
  if (n != 0 && (n < (ssize_t) sizeof header || memcmp (header, magic, sizeof magic) != 0))
    {
      g_set_error (error, CL_STORE_ERROR, CL_STORE_ERROR_NOT_A_DATABASE,
                   _("%s is not a Caseload database: it is not an SQLite file at all. Nothing was changed."), path);
      return FALSE;
    }
  return TRUE;
}

static gboolean
create_private_file (const char  *path,
                     GError     **error)
{
  int fd = g_open (path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);

  if (fd < 0)
    {
      int saved = errno;
      g_set_error (error, CL_STORE_ERROR, CL_STORE_ERROR_IO, _("Cannot create %s: %s"), path, g_strerror (saved));
      return FALSE;
    }
  close (fd);
  return TRUE;
}

static gboolean
is_caseload (ClStore *self)
{
  sqlite3_stmt *stmt = NULL;
  gboolean yes = FALSE;

  if (sqlite3_prepare_v2 (self->db, "SELECT value FROM meta WHERE key = 'application'", -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    yes = g_strcmp0 ((const char *) sqlite3_column_text (stmt, 0), CL_STORE_APPLICATION) == 0;
  sqlite3_finalize (stmt);
  return yes;
}

static gboolean
quick_check_ok (ClStore *self)
{
  sqlite3_stmt *stmt = NULL;
  gboolean ok = FALSE;

  if (sqlite3_prepare_v2 (self->db, "PRAGMA quick_check", -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    ok = g_strcmp0 ((const char *) sqlite3_column_text (stmt, 0), "ok") == 0;
  sqlite3_finalize (stmt);
  return ok;
}

static GError *
damaged_error (const char *path)
{
  return g_error_new (CL_STORE_ERROR, CL_STORE_ERROR_CORRUPT,
                      _("%s is damaged (its integrity check failed). Open one of its backups instead; "
                        "nothing was changed."), path);
}

ClStore *
cl_store_open (const char  *path,
               gboolean     create,
               GError     **error)
{
  return cl_store_open_with_flags (path, create ? CL_STORE_OPEN_CREATE : CL_STORE_OPEN_NONE, error);
}

ClStore *
cl_store_open_with_flags (const char        *path,
                          ClStoreOpenFlags   flags,
                          GError           **error)
{
  gboolean create = (flags & CL_STORE_OPEN_CREATE) != 0;
  g_autoptr(ClStore) self = NULL;
  gboolean empty = TRUE;
  int version, rc, tables;

  g_return_val_if_fail (path != NULL, NULL);

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      if (!create)
        {
          g_set_error (error, CL_STORE_ERROR, CL_STORE_ERROR_IO, _("%s does not exist"), path);
          return NULL;
        }
      if (!create_private_file (path, error))
        return NULL;
    }
  else if (!check_header (path, &empty, error))
    return NULL;

  self = g_object_new (CL_TYPE_STORE, NULL);
  self->path = g_strdup (path);
  rc = sqlite3_open_v2 (path, &self->db,
                        SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOFOLLOW |
                        ((flags & CL_STORE_OPEN_ONE_THREAD) ? SQLITE_OPEN_NOMUTEX : 0), NULL);
  if (rc != SQLITE_OK)
    {
      _cl_store_fail (self, rc, N_("opening the database"), error);
      return NULL;
    }
  sqlite3_extended_result_codes (self->db, 1);
  sqlite3_busy_timeout (self->db, CL_STORE_BUSY_TIMEOUT_MS);

  /* Everything up to here only reads: a file we refuse is left exactly as it was. */
  version = pragma_int (self, "PRAGMA user_version");
  if (version < 0)
    {
      _cl_store_fail (self, sqlite3_errcode (self->db), N_("reading the database"), error);
      return NULL;
    }
  if (version > CL_STORE_SCHEMA_VERSION)
    {
      g_set_error (error, CL_STORE_ERROR, CL_STORE_ERROR_NEWER_SCHEMA,
                   _("%s was written by a newer Caseload (database version %d; this one reads up to %d). "
                     "Update Caseload to open it. Nothing was changed."), path, version, CL_STORE_SCHEMA_VERSION);
      return NULL;
    }
  tables = pragma_int (self, "SELECT count(*) FROM sqlite_master");
  if (tables < 0)
    {
      _cl_store_fail (self, sqlite3_errcode (self->db), N_("reading the database"), error);
      return NULL;
    }
  if (tables > 0 && !is_caseload (self))
    {
      g_set_error (error, CL_STORE_ERROR, CL_STORE_ERROR_NOT_CASELOAD,
                   _("%s is an SQLite database of another program, not a Caseload database. "
                     "Nothing was changed."), path);
      return NULL;
    }
  if (tables > 0 && ((flags & CL_STORE_OPEN_SKIP_CHECK) == 0 || version < CL_STORE_SCHEMA_VERSION) &&
      !quick_check_ok (self))
    {
      g_propagate_error (error, damaged_error (path));
      return NULL;
    }

  if (!_cl_store_exec (self, "PRAGMA foreign_keys = ON", error) ||
      !_cl_store_exec (self, "PRAGMA journal_mode = WAL", error) ||
      !_cl_store_exec (self, "PRAGMA synchronous = NORMAL", error))
    return NULL;

  if (version < CL_STORE_SCHEMA_VERSION)
    {
      if (!_cl_store_exec (self, "BEGIN IMMEDIATE", error))
        return NULL;
      if (!_cl_store_migrate (self, tables > 0 ? version : 0, error))
        {
          sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
          return NULL;
        }
      if (!_cl_store_exec (self, "COMMIT", error))
        return NULL;
    }
  return g_steal_pointer (&self);
}

int
_cl_store_set_journal_mode (sqlite3    *db,
                            const char *mode)
{
  g_autofree char *sql = g_strdup_printf ("PRAGMA journal_mode = %s", mode);
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);

  /* The mode it is in after: still the old one when it could not leave it. */
  if (rc == SQLITE_OK && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    rc = g_ascii_strcasecmp ((const char *) sqlite3_column_text (stmt, 0), mode) == 0 ? SQLITE_OK : SQLITE_BUSY;
  sqlite3_finalize (stmt);
  return rc;
}

int
_cl_store_cancelled_yet (void *cancellable)
{
  return g_cancellable_is_cancelled (cancellable);
}

/* Reads @path once from start to end, in large pieces, so that it is in the page cache: on a file
 * not read since the computer started, the check's page reads, in the order of its b-trees, each
 * waited for the disk (8.7 s for the 473 MB of 100,000 students, while the same bytes read in
 * order take 0.3 s), and the loading beside it waited with them. Only an optimisation: a failure
 * leaves the check to read the file itself. */
static void
read_into_cache (const char   *path,
                 GCancellable *cancellable)
{
  g_autofree char *buffer = NULL;
  int fd = g_open (path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW, 0);

  if (fd < 0)
    return;
#ifdef POSIX_FADV_SEQUENTIAL
  posix_fadvise (fd, 0, 0, POSIX_FADV_SEQUENTIAL);
#endif
  buffer = g_malloc (1024 * 1024);
  while (!g_cancellable_is_cancelled (cancellable) && read (fd, buffer, 1024 * 1024) > 0)
    ;
  close (fd);
}

gboolean
cl_store_quick_check_file (const char    *path,
                           GCancellable  *cancellable,
                           GError       **error)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gboolean ok = FALSE;
  int rc;

  g_return_val_if_fail (path != NULL, FALSE);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;
  read_into_cache (path, cancellable);
  rc = sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOFOLLOW, NULL);
  if (rc != SQLITE_OK)
    {
      g_set_error (error, CL_STORE_ERROR, CL_STORE_ERROR_IO, _("Cannot check %s: %s"), path, sqlite3_errstr (rc));
      sqlite3_close (db);
      return FALSE;
    }
  sqlite3_busy_timeout (db, CL_STORE_BUSY_TIMEOUT_MS);
  if (cancellable != NULL)
    sqlite3_progress_handler (db, 10000, _cl_store_cancelled_yet, cancellable);
  rc = sqlite3_prepare_v2 (db, "PRAGMA quick_check", -1, &stmt, NULL);
  if (rc == SQLITE_OK && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    ok = g_strcmp0 ((const char *) sqlite3_column_text (stmt, 0), "ok") == 0;
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;
  if (rc == SQLITE_ROW && !ok)
    {
      g_propagate_error (error, damaged_error (path));
      return FALSE;
    }
  if (rc != SQLITE_ROW)
    {
      /* A file damaged enough that the check cannot even run is damaged all the same. */
      if ((rc & 0xff) == SQLITE_CORRUPT || (rc & 0xff) == SQLITE_NOTADB)
        g_propagate_error (error, damaged_error (path));
      else
        g_set_error (error, CL_STORE_ERROR, CL_STORE_ERROR_IO, _("Cannot check %s: %s"), path, sqlite3_errstr (rc));
      return FALSE;
    }
  return TRUE;
}

const char *
cl_store_get_path (ClStore *self)
{
  g_return_val_if_fail (CL_IS_STORE (self), NULL);
  return self->path;
}

int
cl_store_get_schema_version (ClStore *self)
{
  g_return_val_if_fail (CL_IS_STORE (self), -1);
  return pragma_int (self, "PRAGMA user_version");
}

GStrv
cl_store_check (ClStore  *self,
                GError  **error)
{
  g_autoptr(GStrvBuilder) problems = g_strv_builder_new ();
  sqlite3_stmt *stmt = NULL;
  GStrv result;
  int version;

  g_return_val_if_fail (CL_IS_STORE (self), NULL);

  if (sqlite3_prepare_v2 (self->db, "PRAGMA integrity_check", -1, &stmt, NULL) != SQLITE_OK)
    {
      _cl_store_fail (self, sqlite3_errcode (self->db), N_("checking the database"), error);
      return NULL;
    }
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *line = (const char *) sqlite3_column_text (stmt, 0);
      if (g_strcmp0 (line, "ok") != 0)
        g_strv_builder_add (problems, line);
    }
  sqlite3_finalize (stmt);

  if (sqlite3_prepare_v2 (self->db, "PRAGMA foreign_key_check", -1, &stmt, NULL) == SQLITE_OK)
    {
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          g_autofree char *line = g_strdup_printf ("a row of %s refers to a missing row of %s",
                                                   sqlite3_column_text (stmt, 0),
                                                   sqlite3_column_text (stmt, 2));
          g_strv_builder_add (problems, line);
        }
      sqlite3_finalize (stmt);
    }
  version = pragma_int (self, "PRAGMA user_version");
  if (version != CL_STORE_SCHEMA_VERSION)
    {
      g_autofree char *line = g_strdup_printf ("schema version %d, expected %d", version,
                                               CL_STORE_SCHEMA_VERSION);
      g_strv_builder_add (problems, line);
    }
  if (!is_caseload (self))
    g_strv_builder_add (problems, "the Caseload marker is missing from the meta table");

  result = g_strv_builder_end (problems);
  if (result[0] == NULL)
    {
      g_strfreev (result);
      return NULL;
    }
  return result;
}

gboolean
cl_store_backup (ClStore          *self,
                 const char       *destination,
                 ClStoreProgress   progress,
                 gpointer          user_data,
                 GError          **error)
{
  g_autofree char *partial = g_strconcat (destination, ".partial", NULL);
  sqlite3 *dest = NULL;
  sqlite3_backup *backup;
  int rc;

  g_return_val_if_fail (CL_IS_STORE (self), FALSE);

  /* Renamed over, a device or a link would be replaced by the copy (caseload-cli backup -o
   * /dev/null once replaced the machine's /dev/null). */
  {
    GStatBuf st;

    if (g_lstat (destination, &st) == 0 && !S_ISREG (st.st_mode))
      {
        g_set_error (error, CL_STORE_ERROR, CL_STORE_ERROR_IO,
                     _("Cannot write the backup %s: it is not a file. A backup is written only to a file."),
                     destination);
        return FALSE;
      }
  }
  /* Written beside the destination, then renamed: a crash never leaves half a backup in place. */
  g_unlink (partial);
  if (!create_private_file (partial, error))
    return FALSE;
  rc = sqlite3_open_v2 (partial, &dest, SQLITE_OPEN_READWRITE, NULL);
  if (rc != SQLITE_OK)
    {
      g_set_error (error, CL_STORE_ERROR, CL_STORE_ERROR_IO, _("Cannot write the backup %s: %s"),
                   destination, sqlite3_errstr (rc));
      sqlite3_close (dest);
      g_unlink (partial);
      return FALSE;
    }
  backup = sqlite3_backup_init (dest, "main", self->db, "main");
  if (backup == NULL)
    {
      g_set_error (error, CL_STORE_ERROR, CL_STORE_ERROR_IO, _("Cannot back up to %s: %s"), destination,
                   sqlite3_errmsg (dest));
      sqlite3_close (dest);
      g_unlink (partial);
      return FALSE;
    }
  do
    {
      rc = sqlite3_backup_step (backup, 256);
      if (progress != NULL && sqlite3_backup_pagecount (backup) > 0)
        progress (1.0 - (double) sqlite3_backup_remaining (backup) / sqlite3_backup_pagecount (backup),
                  user_data);
      if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED)
        sqlite3_sleep (50);
    }
  while (rc == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED);
  sqlite3_backup_finish (backup);
  if (rc == SQLITE_DONE)
    rc = sqlite3_exec (dest, "PRAGMA journal_mode = DELETE", NULL, NULL, NULL);
  sqlite3_close (dest);
  if (rc != SQLITE_OK && rc != SQLITE_DONE)
    {
      g_set_error (error, CL_STORE_ERROR, (rc & 0xff) == SQLITE_FULL ? CL_STORE_ERROR_IO : CL_STORE_ERROR_IO,
                   _("The backup to %s failed: %s"), destination, sqlite3_errstr (rc));
      g_unlink (partial);
      return FALSE;
    }
  if (g_rename (partial, destination) != 0)
    {
      int saved = errno;
      g_set_error (error, CL_STORE_ERROR, CL_STORE_ERROR_IO, _("Cannot write %s: %s"), destination, g_strerror (saved));
      g_unlink (partial);
      return FALSE;
    }
  return TRUE;
}

/* Whether another process has a connection to @path open, idle or not: in WAL mode each holds a
 * read lock on the dead-man-switch byte of the shared-memory file for as long as it is open
 * (SQLite's unix VFS, UNIX_SHM_DMS). An idle connection holds no lock on the database itself,
 * so nothing SQLite offers finds it. */
static gboolean
open_elsewhere (const char *path)
{
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);
  struct flock lock = { .l_type = F_WRLCK, .l_whence = SEEK_SET, .l_start = 128, .l_len = 1 };
  int fd = g_open (shm, O_RDWR | O_NOFOLLOW | O_CLOEXEC, 0);
  gboolean locked;

  if (fd < 0)
    return FALSE;
  locked = fcntl (fd, F_GETLK, &lock) == 0 && lock.l_type != F_UNLCK;
  close (fd);
  return locked;
}

/* A connection to @path that has it alone until release_hold(): the file set aside then holds
 * everything committed to it, the write-ahead log folded in (leaving the journal mode that keeps
 * one does it, and needs every other connection closed), and nobody reads or writes it while it is
 * renamed. NULL with CL_STORE_ERROR_IN_USE when another program (Caseload's window) has it open:
 * moving the file from under that connection would lose what it writes next. */
static sqlite3 *
hold_alone (const char  *path,
            GError     **error)
{
  sqlite3 *db = NULL;
  int rc = open_elsewhere (path) ? SQLITE_BUSY : sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOFOLLOW, NULL);

  if (rc == SQLITE_OK)
    rc = _cl_store_set_journal_mode (db, "delete");
  if (rc == SQLITE_OK)
    rc = sqlite3_exec (db, "BEGIN EXCLUSIVE", NULL, NULL, NULL);
  if (rc == SQLITE_OK)
    return db;
  if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED)
    g_set_error (error, CL_STORE_ERROR, CL_STORE_ERROR_IN_USE,
                 _("%s is open in Caseload or another program. Close it there, then restore; nothing was changed."),
                 path);
  else
    g_set_error (error, CL_STORE_ERROR, CL_STORE_ERROR_IO, _("Cannot set %s aside: %s"), path,
                 db != NULL ? sqlite3_errmsg (db) : sqlite3_errstr (rc));
  sqlite3_close (db);
  return NULL;
}

static void
release_hold (sqlite3 *db)
{
  if (db == NULL)
    return;
  sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL);
  sqlite3_close (db);
}

gboolean
cl_store_restore (const char  *path,
                  const char  *backup,
                  GError     **error)
{
  g_autoptr(ClStore) candidate = NULL;
  g_autoptr(ClStore) restored = NULL;
  g_autofree char *kept = g_strconcat (path, ".before-restore", NULL);
  g_autofree char *incoming = g_strconcat (path, ".restoring", NULL);
  g_auto(GStrv) problems = NULL;
  sqlite3 *holder = NULL;

  candidate = cl_store_open (backup, FALSE, error);
  if (candidate == NULL)
    return FALSE;
  problems = cl_store_check (candidate, error);
  if (problems != NULL)
    {
      g_set_error (error, CL_STORE_ERROR, CL_STORE_ERROR_CORRUPT,
                   _("The backup %s is not sound (%s); nothing was restored."), backup, problems[0]);
      return FALSE;
    }
  /* A consistent copy next to the database, then two renames. */
  g_unlink (incoming);
  if (!cl_store_backup (candidate, incoming, NULL, NULL, error))
    return FALSE;
  g_clear_object (&candidate);
  if (g_file_test (path, G_FILE_TEST_EXISTS) && (holder = hold_alone (path, error)) == NULL)
    {
      g_unlink (incoming);
      return FALSE;
    }
  if (holder != NULL && g_rename (path, kept) != 0)
    {
      int saved = errno;
      g_set_error (error, CL_STORE_ERROR, CL_STORE_ERROR_IO, _("Cannot set %s aside: %s"), path, g_strerror (saved));
      g_unlink (incoming);
      release_hold (holder);
      return FALSE;
    }
  {
    g_autofree char *wal = g_strconcat (path, "-wal", NULL);
    g_autofree char *shm = g_strconcat (path, "-shm", NULL);
    g_unlink (wal);
    g_unlink (shm);
  }
  if (g_rename (incoming, path) != 0)
    {
      int saved = errno;
      if (holder != NULL)
        g_rename (kept, path);
      release_hold (holder);
      g_set_error (error, CL_STORE_ERROR, CL_STORE_ERROR_IO, _("Cannot restore %s: %s"), path, g_strerror (saved));
      return FALSE;
    }
  release_hold (holder);
  restored = cl_store_open (path, FALSE, error);
  return restored != NULL;
}
