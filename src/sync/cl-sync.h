/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-sync.h — the laptop and the district's PostgreSQL: the server's schema, push and pull
 *
 * The only code that speaks to PostgreSQL (libpq). A URL is a libpq connection string or URI, so
 * PGPASSWORD, ~/.pgpass and sslmode work as libpq users expect. Nothing here waits for the
 * network unless asked to sync: the laptop's database is the working copy.
 */
#pragma once

#include "cl-store.h"

G_BEGIN_DECLS

#define CL_SYNC_ERROR (cl_sync_error_quark ())

typedef enum {
  CL_SYNC_ERROR_UNREACHABLE,      /* no connection: server down, no network, login refused */
  CL_SYNC_ERROR_NOT_INITIALISED,  /* the database has no Caseload schema */
  CL_SYNC_ERROR_SCHEMA_TOO_NEW,   /* a newer Caseload set the server up */
  CL_SYNC_ERROR_FAILED,           /* the server refused a statement or the connection broke */
} ClSyncError;

GQuark cl_sync_error_quark (void);

/* The server schema version this Caseload ships (data/server/NNN-*.sql). */
int      cl_sync_server_schema_version (void);

/* Creates or upgrades the Caseload schema in the database at @url, in one transaction; a server
 * already at this version is left as it is, a newer one refused. @out_from: its version before. */
gboolean cl_sync_server_init           (const char  *url,
                                        int         *out_from,
                                        GError     **error);

/* A PostgreSQL login @login (created, or its password and ties replaced) of @role ("case_manager",
 * "principal" or "admin"), tied to the staff member @staff_id (a case manager's) or to @schools
 * (NULL-terminated: a principal's); @password may be NULL (the login's own stays). Run by a
 * login that may create roles. */
gboolean cl_sync_server_add_user       (const char          *url,
                                        const char          *login,
                                        const char          *password,
                                        const char          *role,
                                        const char          *staff_id,
                                        const char * const  *schools,
                                        GError             **error);

typedef struct {
  guint  pushed;       /* changes of this laptop the server has now */
  guint  conflicts;    /* of them, those that left a conflict */
  guint  refused;      /* of them, those the login may not make (a principal's edit): kept here, sent and
                        * reported again each sync */
  guint  pulled;       /* records written here from the server */
  gint64 position;     /* the server position this laptop has pulled up to */
} ClSyncResult;

/* Pushes @store's changes, each applied once however often a push is repeated, then pulls what
 * changed on the server since the last sync into @store in one transaction. From the first sync
 * on, @store keeps every change for the server. On failure what was pushed stays pushed, the
 * rest stays pending, and nothing was pulled. */
gboolean cl_sync_run                   (ClStore       *store,
                                        const char    *url,
                                        ClSyncResult  *out_result,
                                        GError       **error);

/* Seeding the server (cl-sync-load.c): every record of the stores added goes to @url by COPY in
 * one transaction, replacing what the server holds under the same keys; nothing is written until
 * cl_sync_loader_commit(), and a loader freed before that leaves the server as it was. Only the
 * schema's owner or a superuser may (CL_SYNC_ERROR_FAILED otherwise). */
typedef struct _ClSyncLoader ClSyncLoader;

ClSyncLoader *cl_sync_loader_new       (const char    *url,
                                        GError       **error);
gboolean      cl_sync_loader_add_store (ClSyncLoader  *self,
                                        ClStore       *store,
                                        GError       **error);
/* @out_records: how many records the server took. */
gboolean      cl_sync_loader_commit    (ClSyncLoader  *self,
                                        guint64       *out_records,
                                        GError       **error);
void          cl_sync_loader_free      (ClSyncLoader  *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ClSyncLoader, cl_sync_loader_free)

/* What @url's login reads — only the students of @school_id when it is not NULL, with the
 * district's schools, staff and calendars — written into @into, an empty database, in one
 * transaction, to compute from. Nothing is captured or pushed: it is not a sync. @out_students:
 * how many students came. */
gboolean      cl_sync_fetch            (const char    *url,
                                        const char    *school_id,
                                        ClStore       *into,
                                        guint         *out_students,
                                        GError       **error);

/* @url (a libpq connection string or URI) with @login and @password in place of its own user and
 * password, as a connection string; NULL or empty ones leave the URL's (so PGPASSWORD and
 * ~/.pgpass still answer). NULL with CL_SYNC_ERROR_FAILED when @url is not one libpq reads. */
char    *cl_sync_conninfo              (const char  *url,
                                        const char  *login,
                                        const char  *password,
                                        GError     **error);

G_END_DECLS
