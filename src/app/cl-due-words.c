/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-due-words.c — how far a due date is, in words */
#define G_LOG_DOMAIN "cl-due-words"

#include "config.h"

#include <glib/gi18n.h>

#include "cl-due-words.h"

char *
_cl_due_words_relative (ClDate due,
                        ClDate today)
{
  if (due < today)
    {
      guint days = today - due;
      /* Translators: how long ago an item of Everything Due was due */
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u day overdue", "%u days overdue", days), days);
    }
  if (due == today)
    return g_strdup (_("Due today"));
  {
    guint days = due - today;
    /* Translators: how soon an item of Everything Due is due, or a planned meeting is held */
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "In %u day", "In %u days", days), days);
  }
}

char *
_cl_due_words_date (ClDate date)
{
  g_autoptr(GDateTime) when = NULL;
  int y, m, d;

  cl_date_to_ymd (date, &y, &m, &d);
  when = g_date_time_new_local (y, m, d, 0, 0, 0);
  /* Translators: a due date in the list of everything due, see strftime(3) */
  return g_date_time_format (when, _("%a %b %-d, %Y"));
}

char *
_cl_due_words_subtitle (const ClObligation *ob,
                        ClDate              today)
{
  g_autofree char *relative = NULL;
  g_autofree char *date = _cl_due_words_date (ob->due);
  const ClStaff *manager = ob->student->case_manager;

  /* A prompt past its day is not overdue (rules.md §4 plan_decision_followup). */
  if (ob->prompt && ob->due < today)
    {
      guint days = today - ob->due;
      /* Translators: a reminder in Everything Due: the parent has not answered, %u days after the
       * day shown next (the end of the 15 days to decide on the assessment plan) */
      relative = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "No answer, %u day later",
                                               "No answer, %u days later", days), days);
    }
  else
    relative = _cl_due_words_relative (ob->due, today);

  /* Translators: an item of Everything Due: how far its due date is, the date, and the student's
   * case manager, e.g. "3 days overdue · Fri Dec 4, 2026 · Chidi Okafor" */
  return g_strdup_printf (_("%s · %s · %s"), relative, date,
                          manager != NULL && manager->name != NULL ? manager->name : _("no case manager"));
}
