/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-district-server.c — the district server's address, login and keyring password */
#define G_LOG_DOMAIN "cl-district-server"

#include "config.h"

#include <glib/gi18n.h>
#include <libsecret/secret.h>

#include "cl-district-server.h"
#include "cl-sync.h"

static const SecretSchema *
secret_schema (void)
{
  static const SecretSchema schema = {
    CL_DISTRICT_SERVER_SECRET_SCHEMA, SECRET_SCHEMA_NONE,
    {
      { "server", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { "login", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { NULL, 0 },
    },
    0, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
  };
  return &schema;
}

gboolean
cl_district_server_configured (GSettings *settings)
{
  g_autofree char *url = g_settings_get_string (settings, "district-server-url");

  return *g_strstrip (url) != '\0';
}

static void
password_stored (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  gboolean ok = g_task_get_task_data (task) != NULL
    ? secret_password_store_finish (result, &error)
    : (secret_password_clear_finish (result, &error), error == NULL);

  if (!ok)
    {
      /* libsecret's own words name D-Bus and the Secret Service; say what it means here. */
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_FAILED,
                               _("The password could not be kept in the login keyring (%s). Caseload never "
                                 "writes it to a file: without a keyring, set PGPASSWORD or use ~/.pgpass."),
                               error->message);
      return;
    }
  g_task_return_boolean (task, TRUE);
}

void
cl_district_server_store_password (GSettings           *settings,
                                   const char          *password,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  g_autofree char *url = g_settings_get_string (settings, "district-server-url");
  g_autofree char *login = g_settings_get_string (settings, "district-server-login");
  GTask *task = g_task_new (NULL, cancellable, callback, user_data);

  g_task_set_source_tag (task, cl_district_server_store_password);
  if (password && *password)
    {
      g_autofree char *label = g_strdup_printf (_("Caseload district server (%s)"), url);

      /* Non-NULL task data: this is a store, not a clear. */
      g_task_set_task_data (task, GINT_TO_POINTER (1), NULL);
      secret_password_store (secret_schema (), SECRET_COLLECTION_DEFAULT, label, password, cancellable,
                             password_stored, task, "server", url, "login", login, NULL);
    }
  else
    secret_password_clear (secret_schema (), cancellable, password_stored, task,
                           "server", url, "login", login, NULL);
}

gboolean
cl_district_server_store_password_finish (GAsyncResult  *result,
                                          GError       **error)
{
  return g_task_propagate_boolean (G_TASK (result), error);
}

typedef struct {
  char *url;
  char *login;
} Server;

static void
server_free (Server *server)
{
  g_free (server->url);
  g_free (server->login);
  g_free (server);
}

static void
password_found (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Server *server = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  char *password = secret_password_lookup_finish (result, &error);
  char *conninfo;

  /* No keyring is not a failure: libpq still has PGPASSWORD and ~/.pgpass. */
  if (error != NULL)
    g_debug ("No password from the login keyring: %s", error->message);
  conninfo = cl_sync_conninfo (server->url, server->login, password, &error);
  if (password)
    secret_password_free (password);
  if (conninfo == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, conninfo, g_free);
}

void
cl_district_server_conninfo_async (GSettings           *settings,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  GTask *task = g_task_new (NULL, cancellable, callback, user_data);
  Server *server = g_new0 (Server, 1);

  g_task_set_source_tag (task, cl_district_server_conninfo_async);
  server->url = g_strstrip (g_settings_get_string (settings, "district-server-url"));
  server->login = g_strstrip (g_settings_get_string (settings, "district-server-login"));
  g_task_set_task_data (task, server, (GDestroyNotify) server_free);
  if (*server->url == '\0')
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_INITIALIZED,
                               _("No district server is set: add its address in Preferences"));
      g_object_unref (task);
      return;
    }
  secret_password_lookup (secret_schema (), cancellable, password_found, task,
                          "server", server->url, "login", server->login, NULL);
}

char *
cl_district_server_conninfo_finish (GAsyncResult  *result,
                                    GError       **error)
{
  return g_task_propagate_pointer (G_TASK (result), error);
}
