/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-date-picker.h — a date typed or picked: an entry row with a calendar popover
 *
 * The row stays a text entry (M/D/YYYY or YYYY-MM-DD, as typed), and a calendar button beside it
 * writes the day picked into it, so a date is never only clicked nor only typed.
 */
#pragma once

#include <adwaita.h>

#include "cl-date.h"

G_BEGIN_DECLS

/* Adds the calendar button to @row. */
void     cl_date_picker_attach   (AdwEntryRow *row);
/* The row's date; FALSE when its text is not a date (an empty row is not one either). */
gboolean cl_date_picker_get_date (AdwEntryRow *row,
                                  ClDate      *out_date);

G_END_DECLS
