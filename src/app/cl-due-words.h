/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-due-words.h — how far a due date is, in words: "3 days overdue", "Due today", "In 3 days"
 *
 * Everything Due and the start summary say it the same way, through ngettext so that every
 * language has its plural forms.
 */
#pragma once

#include <adwaita.h>

#include "cl-obligation.h"

G_BEGIN_DECLS

/* "3 days overdue", "Due today", "In 3 days" for @due seen from @today. */
char *_cl_due_words_relative (ClDate              due,
                              ClDate              today);
/* "Tue Dec 8, 2026" (the short date of the lists). */
char *_cl_due_words_date     (ClDate              date);
/* The subtitle of @ob's row in Everything Due: how far, the date and the case manager,
 * e.g. "3 days overdue · Fri Dec 4, 2026 · Chidi Okafor". */
char *_cl_due_words_subtitle (const ClObligation *ob,
                              ClDate              today);

G_END_DECLS
