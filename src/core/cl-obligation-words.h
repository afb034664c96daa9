/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-obligation-words.h — how an obligation was counted, in the words of the person who reads it
 *
 * The engine records what it counted (ClCounted); these sentences say it the way a person would
 * ("A year after the annual IEP meeting of May 14, 2026"), in the reader's language: the app's
 * through gettext in the user's locale, a document's through its own catalogue. Never an id, never
 * an ISO date. */
#pragma once

#include "cl-obligation.h"

G_BEGIN_DECLS

typedef struct {
  /* @msgid in the reader's language (the msgid itself when there is no translation) */
  const char *(*translate) (gpointer    data,
                            const char *msgid);
  /* @date as the reader writes it: "May 14, 2026" */
  char       *(*date)      (gpointer    data,
                            ClDate      date);
  gpointer    data;
} ClWords;

/* The process's language: gettext and the locale's long date (cl_date_dup_long). */
const ClWords *cl_words_for_locale             (void);

/* "The annual IEP meeting of May 14, 2026": what the count started from. */
char          *cl_obligation_dup_from_text     (const ClObligation *ob,
                                                const ClWords      *words);
/* "A year after the annual IEP meeting of May 14, 2026": how the due date was reached, with the
 * extension that moved it; capitalised, without a closing full stop. */
char          *cl_obligation_dup_counted_text  (const ClObligation *ob,
                                                const ClWords      *words);

G_END_DECLS
