/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-event-type-row.h — the event form's "What Happened": every event type by its full label,
 * grouped by stage, the one the timeline expects next first
 *
 * The labels wrap in the list (a choice is never cut short), and the row shows the chosen one as
 * its subtitle. Types, labels and stages are core's (cl-event-labels.h).
 */
#pragma once

#include <adwaita.h>

#include "cl-case-model.h"

G_BEGIN_DECLS

/* Fills @row; @suggested (or -1) is listed once more at the top, under "Expected next". */
void        cl_event_type_row_setup (AdwComboRow *row,
                                     int          suggested);
ClEventType cl_event_type_row_get   (AdwComboRow *row);
/* Selects @type (at the top when it is the suggested one). */
void        cl_event_type_row_set   (AdwComboRow *row,
                                     ClEventType  type);

/* Any combo row of strings the same way: the choice as the row's subtitle, the list wrapping. */
void        cl_combo_row_show_in_full (AdwComboRow *row);

G_END_DECLS
