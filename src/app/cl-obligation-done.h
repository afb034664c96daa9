/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-obligation-done.h — an open obligation completed from its own row (What Is Due, Everything Due)
 *
 * What completes each rule is core's one table (cl-rule-completion.h); this is the app's side of
 * it: the row's button, labelled from the table; the form, date or window it opens, set from the
 * rule; the save through the session; and the toast that says what changed, from the obligations
 * the session computed again. Rows are made again after every save, so an obligation is named by
 * a key that outlives its record: its student, rule, trigger date, meeting and role.
 */
#pragma once

#include <adwaita.h>

#include "cl-session.h"

G_BEGIN_DECLS

/* The type of the key: student id, rule id, trigger date, meeting id ("" for none), role. */
#define CL_OBLIGATION_KEY_TYPE "(ssusi)"

/* @ob's key, a floating reference. */
GVariant           *cl_obligation_done_key        (const ClObligation *ob);
gboolean            cl_obligation_done_matches    (const ClObligation *ob,
                                                   GVariant           *key);
/* The obligation of @obligations that @key names, or NULL. */
const ClObligation *cl_obligation_done_find       (GPtrArray          *obligations,
                                                   GVariant           *key);
/* The action's words for @ob, translated ("Record the Annual Review…"); NULL when nothing done
 * afterwards completes it (a violation) or the table does not know its rule. */
const char         *cl_obligation_done_label      (const ClObligation *ob);
/* A flat button that activates @action with @ob's key, its label as tooltip and accessible name;
 * NULL when nothing completes @ob. */
GtkWidget          *cl_obligation_done_button_new (const ClObligation *ob,
                                                   const char         *action);
/* The check a row just done shows in place for a moment, beside its status ("Done", "Done late"). */
GtkWidget          *cl_obligation_done_mark_new   (const ClObligation *ob);
/* How long a row just done stays in place before it moves to what is done. */
#define CL_OBLIGATION_DONE_SHOWN_MS 4000

/* Opens what completes the open obligation @key names, over @from's window: the event form set
 * from the rule, the notice's date, or the meeting's own window. Once saved, the window says what
 * changed, with Undo (win.show-saved), and opens the student's file when @show_file. */
void                cl_obligation_done_run        (GtkWidget          *from,
                                                   ClSession          *session,
                                                   GVariant           *key,
                                                   gboolean            show_file);

G_END_DECLS
