/* cl-store-private.h — what the store's files share */
#pragma once

#include <sqlite3.h>

#include "cl-store.h"

G_BEGIN_DECLS

#define CL_STORE_SCHEMA_VERSION 1
#define CL_STORE_APPLICATION    "caseload"

struct _ClStore
{
  GObject     parent_instance;
  sqlite3    *db;
  char       *path;
  GHashTable *statements;   /* SQL text (static) -> sqlite3_stmt*, prepared once */
};

/* A cached prepared statement, reset and cleared of bindings. */
sqlite3_stmt *_cl_store_prepare      (ClStore     *self,
                                      const char  *sql,
                                      GError     **error);
gboolean      _cl_store_exec         (ClStore     *self,
                                      const char  *sql,
                                      GError     **error);
/* Sets @error from the connection's last error, in words a user can act on. */
gboolean      _cl_store_fail         (ClStore     *self,
                                      int          rc,
                                      const char  *doing,
                                      GError     **error);
/* Creates or upgrades the schema inside the current transaction. */
gboolean      _cl_store_migrate      (ClStore     *self,
                                      int          from_version,
                                      GError     **error);

G_END_DECLS
