/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-setup-assistant.h — the first-run assistant: your school, its calendar, your caseload
 *
 * On an empty database a case manager starts from what the district already publishes: the
 * school's iCalendar feed (each event shown with what it was taken for, correctable before it is
 * saved) and the IEP system's CSV export (what will be created, updated and left alone, every
 * problem with its row and column, and where the file's due dates differ from the rules'). Each
 * save is one audited transaction on the database at @database_path, through a connection of the
 * assistant's own; "finished" says the window should read the database again.
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define CL_TYPE_SETUP_ASSISTANT (cl_setup_assistant_get_type ())
G_DECLARE_FINAL_TYPE (ClSetupAssistant, cl_setup_assistant, CL, SETUP_ASSISTANT, AdwWindow)

ClSetupAssistant *cl_setup_assistant_new           (GtkWindow        *parent,
                                                    const char       *database_path);
/* What choosing a file does (the file choosers hand their file here). */
void              cl_setup_assistant_read_calendar (ClSetupAssistant *self,
                                                    GFile            *file);
void              cl_setup_assistant_read_roster   (ClSetupAssistant *self,
                                                    GFile            *file);

G_END_DECLS
