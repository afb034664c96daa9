/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-cli.h — the subcommands of caseload-cli */
#pragma once

#include <glib.h>
#include <gio/gio.h>

G_BEGIN_DECLS

/* Parses the options of @command (its own name in messages; @parameter, the help's summary
 * line); a mistake is told on stderr and FALSE returned, for the command to exit 2. */
gboolean cl_cli_parse (const char     *command,
                       const char     *parameter,
                       GOptionEntry   *entries,
                       int            *argc,
                       char         ***argv);

/* Each subcommand gets argv with argv[0] = its own name; returns the exit status:
 * 0 success, 1 bad input, 2 usage. */
int cl_cli_alerts (int    argc,
                   char **argv);

int cl_cli_bench  (int    argc,
                   char **argv);

int cl_cli_demo   (int    argc,
                   char **argv);

int cl_cli_import  (int argc, char **argv);
int cl_cli_export  (int argc, char **argv);
int cl_cli_backup  (int argc, char **argv);
int cl_cli_restore (int argc, char **argv);
int cl_cli_check   (int argc, char **argv);

int cl_cli_render  (int argc, char **argv);

int cl_cli_import_calendar (int argc, char **argv);
int cl_cli_import_csv      (int argc, char **argv);

/* Exit 3 from sync: it worked, and left conflicts for someone to settle. */
int cl_cli_sync            (int argc, char **argv);
int cl_cli_server          (int argc, char **argv);
int cl_cli_conflicts       (int argc, char **argv);
/* Where -o writes (cl-cli-output.c): a file replaced whole and private (0600), anything else (a
 * device, a pipe, a link such as /dev/stdout) written straight into. */
gboolean _cl_cli_output_is_special   (const char  *path);
/* @path opened for writing as it is, or NULL with @error. */
GOutputStream *_cl_cli_open_special_output (const char  *path,
                                            GError     **error);
gboolean _cl_cli_write_output        (const char  *path,
                                      const void  *data,
                                      gsize        length,
                                      GError     **error);
/* A scratch database at @path removed with its journal files (cl-cli-store.c). */
void  _cl_cli_remove_database  (const char  *path);
/* What @url's login reads of @school_id (NULL: all of it), copied into a new database in a
 * private temporary folder (cl-cli-server-copy.c); its path, to remove with _cl_cli_remove_copy(). */
char *_cl_cli_copy_from_server (const char  *url,
                                const char  *school_id,
                                GError     **error);
void  _cl_cli_remove_copy      (const char  *path);
/* The path of such a copy, removed with its file when it goes out of scope (g_auto). */
typedef char *ClCliServerCopy;
void  _cl_cli_server_copy_free (ClCliServerCopy copy);
G_DEFINE_AUTO_CLEANUP_FREE_FUNC (ClCliServerCopy, _cl_cli_server_copy_free, NULL)
/* server load (cl-cli-server-load.c), reached through cl_cli_server. */
int _cl_cli_server_load    (int argc, char **argv);

G_END_DECLS
