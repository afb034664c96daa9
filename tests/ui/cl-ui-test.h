/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-ui-test.h — what the UI tests share: the application under Xvfb, a window on a temporary
 * database holding the demo, the main loop run until something is so, and finding widgets,
 * windows and dialogs
 *
 * Compiled into each UI test program (tests/ui/meson.build). The names are the ones the tests
 * used before they shared them, so a test written against one file's old helpers still builds.
 * Every temporary directory made here is removed when the test that made it ends.
 */
#pragma once

#include <adwaita.h>

#include "cl-application.h"
#include "cl-test-util.h"
#include "cl-window-private.h"

G_BEGIN_DECLS

/* gtk_test_init(), libadwaita, and the application registered as the default one. */
ClApplication    *cl_ui_test_init          (int              *argc,
                                            char           ***argv);
/* g_test_run(), then @app released. */
int               cl_ui_test_run           (ClApplication    *app);

/* Runs what is pending in the main loop now (and what that queued in turn). */
void              iterate                  (void);
/* Runs the main loop until @done (@data) holds, at most 30 s; the test fails if it never does. */
void              wait_for                 (gboolean        (*done) (gpointer),
                                            gpointer          data);
/* Conditions for wait_for() on a ClWindow: its database is read; its import is over. */
gboolean          loaded                   (gpointer          window);
gboolean          imported                 (gpointer          window);
/* A database opens in the background: wait for it as a user would. */
void              wait_loaded              (ClWindow         *window);

/* A new directory under the temporary directory (@tmpl as for g_dir_make_tmp()); it and all it
 * holds are removed when the running test ends. */
char             *make_tmp_dir             (const char       *tmpl);
/* Waits at the end of the running test, before its directories are removed, until @window is
 * finalized (a window holds its database until then). */
void              watch_window             (ClWindow         *window);
/* @path, and all below it when it is a directory. */
void              remove_tree              (const char       *path);

/* A window on a new database (DIR/caseload.db, DIR into @out_dir when not NULL) holding the demo
 * caseload, imported as a user would: "today" is @today unless it is CL_DATE_NONE, and the window
 * @width × @height unless they are 0. */
ClWindow         *demo_database_window_at  (ClDate            today,
                                            int               width,
                                            int               height,
                                            char            **out_dir);
ClWindow         *demo_database_window     (char            **out_dir);

/* The first toplevel window of @type (visible ones only when @only_visible). */
gpointer          find_toplevel            (GType             type,
                                            gboolean          only_visible);
/* The visible message dialog, if any. */
AdwMessageDialog *find_dialog              (void);
/* The first widget of @type at or under @widget, depth first. */
GtkWidget        *find_type                (GtkWidget        *widget,
                                            GType             type);
/* The first preferences row under @widget whose title starts with @title (and that is of @type). */
GtkWidget        *find_row                 (GtkWidget        *widget,
                                            GType             type,
                                            const char       *title);
/* The first button at or under @widget that activates @action ("win.plan-meeting"). */
GtkWidget        *find_action_button       (GtkWidget        *widget,
                                            const char       *action);
/* Every title and subtitle of the preferences rows under @widget, as "title|subtitle" lines. */
void              collect_rows             (GtkWidget        *widget,
                                            GString          *out);
char             *rows_text                (GtkWidget        *widget);
/* Opens every expander row under @widget (the student page builds their rows when opened). */
void              expand_rows              (GtkWidget        *widget);

/* Saves @widget as DIR/@name.png when CASELOAD_SHOTS=DIR is set, to look at it. */
void              shot                     (GtkWidget        *widget,
                                            const char       *name);

/* What pressing @keyval with @mods does to @widget through its keyboard shortcuts (its class's,
 * then its ancestors'), as GTK handles a key press that no widget took before: the first shortcut
 * for that key that does something is activated; FALSE when none does. */
gboolean          press                    (GtkWidget        *widget,
                                            guint             keyval,
                                            GdkModifierType   mods);

G_END_DECLS
