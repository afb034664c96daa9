/* cl-session-private.h — what the session's files share */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "cl-file-check.h"
#include "cl-session.h"
#include "cl-sync-state.h"

G_BEGIN_DECLS

struct _ClSession
{
  GObject           parent_instance;

  char             *path;
  ClStore          *store;          /* the open case database, NULL for a read-only bundle */
  ClCaseload       *caseload;
  ClDeadlineEngine *engine;         /* the obligations point into its rules */
  GPtrArray        *obligations;    /* of the whole caseload, by student then due date */
  GHashTable       *by_student;     /* ClStudent* -> GPtrArray of its obligations (borrowed) */
  ClDueCountTable  *due_counts;     /* counted as loaded, until a student's obligations change */
  ClDate            today;
  gboolean          read_only;
  gboolean          demo;           /* the built-in demo caseload, read-only */
  gboolean          loading;
  guint             load_generation; /* bumped by every load: a late result of an older one is dropped */
  ClFileCheck      *check;          /* the open file's integrity check, until it has passed */
  GError           *damage;         /* its failure, while the load beside it still runs */
  GCancellable     *load_cancellable; /* the last load's: the check's failure stops it */
  ClUndo           *undo;           /* the last change, until it is undone or replaced */
  ClSyncState      *sync_state;     /* where it stands with the district server (cl-session-sync.c) */
  ClSessionPrepareFunc prepare_func; /* run on the loading thread (cl_session_set_prepare_func) */
  gpointer          prepare_data;
  GDestroyNotify    prepare_data_free;
  GDestroyNotify    prepared_free;
  gpointer          prepared;       /* what it made for the caseload being shown, during ::reloaded */
};

/* The sync state made and kept up to date with every save (cl-session-sync.c). */
void       _cl_session_sync_init         (ClSession   *self);

/* The sync state's count of conflicts, read from the database (cl-session-conflicts.c). */
void       _cl_session_count_conflicts   (ClSession   *self);

/* FALSE with G_IO_ERROR_READ_ONLY unless a database is open and loaded, and with the reason the
 * file was found damaged when it was: waits for the file's integrity check if it has not passed
 * yet. On the main thread, before a write; a thread that writes waits on _cl_session_ref_check(). */
gboolean   _cl_session_check_editable    (ClSession   *self,
                                          GError     **error);
/* The open file's integrity check while it runs (a reference), or NULL when it has passed. */
ClFileCheck *_cl_session_ref_check       (ClSession   *self);
/* @student_id's record when the caseload can be changed; NULL with the reason otherwise. */
ClStudent *_cl_session_editable_student  (ClSession   *self,
                                          const char  *student_id,
                                          GError     **error);

G_END_DECLS
