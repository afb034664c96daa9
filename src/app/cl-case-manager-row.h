/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-case-manager-row.h — a combo row choosing whose students a view counts: everyone's, or one
 * case manager's ("my students")
 *
 * Everything Due and the start summary each have one; the window keeps them on the same choice
 * and remembers it.
 */
#pragma once

#include <adwaita.h>

#include "cl-case-model.h"

G_BEGIN_DECLS

/* Lists "All Case Managers" and @caseload's case managers (by name) in @row, choosing
 * @case_manager_id; returns the id chosen: @case_manager_id, or "" when @caseload does not have
 * them. Notifies ::selected. */
const char *_cl_case_manager_row_fill   (AdwComboRow *row,
                                         ClCaseload  *caseload,
                                         const char  *case_manager_id);
/* Chooses @case_manager_id ("" for all) if the row lists them; FALSE when it does not. */
gboolean    _cl_case_manager_row_select (AdwComboRow *row,
                                         const char  *case_manager_id);
/* The id chosen, "" for all (borrowed). */
const char *_cl_case_manager_row_get_id (AdwComboRow *row);

G_END_DECLS
