/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-history-words.h — a student's history (the audit trail) in words, not stored values */
#pragma once

#include "cl-case-model.h"

G_BEGIN_DECLS

/* @value of @field as the audit trail stored it, as a person reads it: "Spanish" for a language
 * "es", "May 14, 2026" for a date, a school's or case manager's name for their id, "Annual review,
 * May 14, 2026" for an event line "iep_meeting 2026-05-14 annual". NULL for NULL. */
char *_cl_history_value_text (ClCaseload *caseload,
                              const char *field,
                              const char *value);
/* "Student" for the table "students": what a whole record of @table is. */
const char *_cl_history_table_label (const char *table);

G_END_DECLS
