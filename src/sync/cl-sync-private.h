/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-sync-private.h — what the files speaking to PostgreSQL share: connecting, running a
 * statement, and the server's schema version, each failing with a CL_SYNC_ERROR that says what */
#pragma once

#include <libpq-fe.h>

#include "cl-sync.h"

G_BEGIN_DECLS

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PGconn, PQfinish)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PGresult, PQclear)

/* libpq's @message without its trailing newline. */
char     *_cl_sync_pq_message     (const char  *message);
/* A connection to @url, or NULL with CL_SYNC_ERROR_UNREACHABLE. */
PGconn   *_cl_sync_connect        (const char  *url,
                                   GError     **error);
/* TRUE when @result went through; else CL_SYNC_ERROR_FAILED naming what was @doing. */
gboolean  _cl_sync_command_ok     (PGconn      *conn,
                                   PGresult    *result,
                                   const char  *doing,
                                   GError     **error);
gboolean  _cl_sync_exec           (PGconn      *conn,
                                   const char  *sql,
                                   const char  *doing,
                                   GError     **error);
/* A connection to @url whose Caseload schema is this Caseload's; NULL with
 * CL_SYNC_ERROR_NOT_INITIALISED (none yet, or older: run server init) or SCHEMA_TOO_NEW. */
PGconn   *_cl_sync_connect_current (const char  *url,
                                    GError     **error);
/* The schema version of the server: 0 when it has none yet. */
gboolean  _cl_sync_server_version (PGconn      *conn,
                                   int         *out_version,
                                   GError     **error);
/* FALSE with CL_SYNC_ERROR_SCHEMA_TOO_NEW for a server at @version. */
gboolean  _cl_sync_refuse_newer   (int          version,
                                   GError     **error);

/* The rows of @result (tbl, key, student_id, row, seq) as ClStoreChange* added to @changes;
 * @position rises to the highest seq. */
void      _cl_sync_add_records    (PGresult    *result,
                                   GPtrArray   *changes,
                                   gint64      *position);

G_END_DECLS
