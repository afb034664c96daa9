/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-rules-row.h — the rule pack a database counts with, chosen by name in a combo row
 *
 * The packs shipped (US, CA, UT) and the district's own in ~/.local/share/caseload/rules; a
 * district pack with a mistake is named in the row's subtitle with the path of the mistake.
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* Fills @row with every pack by name, @current (or US) selected; the ids in the row's order. */
GStrv cl_rules_row_fill (AdwComboRow *row,
                         const char  *current);

/* The district pack at @path checked against the shipped packs and the district's own (the path of
 * any mistake in the message: "lodi.json: rules.meeting_notice_due.days_before: expected a whole
 * number of days") and, when sound, copied into ~/.local/share/caseload/rules; its id in @out_id. */
gboolean cl_rules_row_install_pack (const char  *path,
                                    char       **out_id,
                                    GError     **error);

G_END_DECLS
