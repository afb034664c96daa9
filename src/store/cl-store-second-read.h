/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-store-second-read.h — a large district's later rows, read on a second connection */
#pragma once

#include "cl-store-private.h"

G_BEGIN_DECLS

typedef struct _ClStoreSecondRead ClStoreSecondRead;

/* Starts reading, on a connection and thread of its own, the events of @path past rowid @after,
 * then (once told the students are read) every guardian and meeting onto @caseload's students.
 * The caller holds the write lock on @path until _cl_store_second_read_finish(). */
ClStoreSecondRead *_cl_store_second_read_start         (const char         *path,
                                                        ClCaseload         *caseload,
                                                        sqlite3_int64       after,
                                                        GCancellable       *cancellable);
/* @caseload's students are all in (@read), or will not be. */
void               _cl_store_second_read_students_read (ClStoreSecondRead  *self,
                                                        gboolean            read);
/* Waits for the reading to end and frees @self. When @keep (the first connection's reads went
 * well) and it went well, the events it read go to their students. FALSE, with its SQLite code in
 * @rc and the message in @message (free it), when its reading failed. */
gboolean           _cl_store_second_read_finish        (ClStoreSecondRead  *self,
                                                        gboolean            keep,
                                                        int                *rc,
                                                        char              **message);

G_END_DECLS
