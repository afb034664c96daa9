/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-district-server.h — the district server this laptop syncs with: its address and login (in
 * GSettings) and the password (in the login keyring, through libsecret; never in a file) */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* The keyring's schema: a password per server address and login. */
#define CL_DISTRICT_SERVER_SECRET_SCHEMA "io.github.caseload.Caseload.DistrictServer"

/* Whether an address is set: a laptop without one never tries to sync. */
gboolean  cl_district_server_configured        (GSettings           *settings);

/* Keeps @password (an empty one forgets it) for the address and login now in @settings. */
void      cl_district_server_store_password     (GSettings           *settings,
                                                 const char          *password,
                                                 GCancellable        *cancellable,
                                                 GAsyncReadyCallback  callback,
                                                 gpointer             user_data);
gboolean  cl_district_server_store_password_finish (GAsyncResult     *result,
                                                    GError          **error);

/* The connection string to sync with: the address, the login, and the keyring's password when it
 * holds one; without (or when the keyring cannot be reached) libpq's own ways answer — PGPASSWORD,
 * ~/.pgpass. Fails only when no address is set or it is not a connection string. */
void      cl_district_server_conninfo_async     (GSettings           *settings,
                                                 GCancellable        *cancellable,
                                                 GAsyncReadyCallback  callback,
                                                 gpointer             user_data);
char     *cl_district_server_conninfo_finish    (GAsyncResult        *result,
                                                 GError             **error);

G_END_DECLS
