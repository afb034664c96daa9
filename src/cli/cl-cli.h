/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-cli.h — the subcommands of caseload-cli */
#pragma once

#include <glib.h>

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
/* server load (cl-cli-server-load.c), reached through cl_cli_server. */
int _cl_cli_server_load    (int argc, char **argv);

G_END_DECLS
