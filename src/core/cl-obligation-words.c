/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-obligation-words.c — how an obligation was counted, in the words of the person who reads it */
#define G_LOG_DOMAIN "cl-obligation-words"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "cl-event-labels.h"
#include "cl-obligation-words.h"
#include "cl-school-calendar.h"
#include "cl-text-fill.h"

static const char *
locale_translate (gpointer    data,
                  const char *msgid)
{
  return g_dgettext (GETTEXT_PACKAGE, msgid);
}

static char *
locale_date (gpointer data,
             ClDate   date)
{
  return cl_date_dup_long (date);
}

const ClWords *
cl_words_for_locale (void)
{
  static const ClWords words = { locale_translate, locale_date, NULL };

  return &words;
}

#define T(msgid) (words->translate (words->data, (msgid)))

static char *
date_text (const ClWords *words,
           ClDate         date)
{
  return words->date (words->data, date);
}

static char *
number_text (double value)
{
  return g_strdup_printf ("%g", value);
}

/* Upper-cases the first letter: a phrase that starts with an article starts a sentence. */
static char *
capitalised (char *text)
{
  gunichar first;
  char buf[8];
  int len;

  if (text == NULL || *text == '\0')
    return text;
  first = g_utf8_get_char (text);
  if (!g_unichar_islower (first))
    return text;
  len = g_unichar_to_utf8 (g_unichar_toupper (first), buf);
  buf[len] = '\0';
  {
    char *out = g_strconcat (buf, g_utf8_next_char (text), NULL);

    g_free (text);
    return out;
  }
}

/* "the annual IEP meeting of May 14, 2026" */
static char *
meeting_of (const ClWords *words,
            int            kind,
            ClDate         date)
{
  const char *phrase = cl_meeting_kind_phrase (kind);
  g_autofree char *day = date_text (words, date);

  /* Translators: {meeting} is a meeting in the middle of a sentence ("the annual IEP meeting"),
   * {date} its date */
  return cl_text_fill (T (N_("{meeting} of {date}")), "meeting", T (*phrase ? phrase : N_("the IEP meeting")),
                       "date", day, NULL);
}

char *
cl_obligation_dup_from_text (const ClObligation *ob,
                             const ClWords      *words)
{
  const char *from_event = ob->from_event ? ob->from_event : "";
  g_autofree char *day = date_text (words, ob->from);
  const char *label;
  int kind = ob->counted.meeting_kind;

  if (g_str_equal (from_event, "iep_meeting") && kind >= 0)
    return capitalised (meeting_of (words, kind, ob->from));
  if (g_str_equal (from_event, "meeting") && kind >= 0)
    /* Translators: a planned meeting a deadline counts back from; {meeting} is "the annual IEP
     * meeting" */
    return capitalised (cl_text_fill (T (N_("{meeting} planned for {date}")), "meeting",
                                      T (cl_meeting_kind_phrase (kind)), "date", day, NULL));
  if (g_str_equal (from_event, "birthday") && ob->counted.age > 0)
    {
      g_autofree char *age = g_strdup_printf ("%d", ob->counted.age);

      /* Translators: what a deadline counts from: a birthday, e.g. "Turning 16 on July 22, 2026" */
      return cl_text_fill (T (N_("Turning {age} on {date}")), "age", age, "date", day, NULL);
    }
  label = cl_from_event_label (from_event);
  /* Translators: what started the count and when, e.g. "Referral for assessment received on
   * November 16, 2026" */
  return cl_text_fill (T (N_("{event} on {date}")), "event", T (label ? label : N_("The event")),
                       "date", day, NULL);
}

/* "15 days, not counting 16 days of Winter break and 3 days of vacation" */
static char *
days_text (const ClWords   *words,
           const ClCounted *c)
{
  g_autofree char *n = g_strdup_printf ("%u", c->days);
  g_autofree char *count = NULL;
  g_autofree char *skipped = NULL;

  switch (c->count)
    {
    case CL_COUNT_CALENDAR:
      return cl_text_fill (c->days == 1 ? T (N_("1 calendar day")) : T (N_("{days} calendar days")),
                           "days", n, NULL);
    case CL_COUNT_SCHOOL:
      return cl_text_fill (c->days == 1 ? T (N_("1 school day")) : T (N_("{days} school days")),
                           "days", n, NULL);
    case CL_COUNT_BUSINESS:
      return cl_text_fill (c->days == 1 ? T (N_("1 business day")) : T (N_("{days} business days")),
                           "days", n, NULL);
    case CL_COUNT_CA_PAUSE:
    case CL_N_COUNT_KINDS:
    default:
      break;
    }

  /* Translators: a count of days in which some days do not count (California's) */
  count = cl_text_fill (c->days == 1 ? T (N_("1 day")) : T (N_("{days} days")), "days", n, NULL);
  for (guint i = 0; c->skipped != NULL && i < c->skipped->len; i++)
    {
      const ClSkippedRun *r = &g_array_index (c->skipped, ClSkippedRun, i);
      g_autofree char *run_days = g_strdup_printf ("%u", r->to - r->from + 1);
      g_autofree char *run = NULL;

      if (r->label == NULL)
        /* Translators: the days between two school years that a count skipped */
        run = cl_text_fill (T (N_("{days} days between school years")), "days", run_days, NULL);
      else if (g_str_equal (r->label, "vacation"))
        /* Translators: days of a school's vacation that a count skipped */
        run = cl_text_fill (T (N_("{days} days of vacation")), "days", run_days, NULL);
      else
        /* Translators: days of a closure the school's calendar names ({name}, e.g. "Winter break")
         * that a count skipped */
        run = cl_text_fill (T (N_("{days} days of {name}")), "days", run_days, "name", r->label, NULL);
      if (skipped == NULL)
        skipped = g_steal_pointer (&run);
      else
        {
          g_autofree char *list = g_steal_pointer (&skipped);
          /* Translators: joins the runs of days a count skipped */
          skipped = cl_text_fill (T (N_("{list} and {item}")), "list", list, "item", run, NULL);
        }
    }
  if (skipped == NULL)
    return g_steal_pointer (&count);
  /* Translators: {count} is "15 days", {skipped} "16 days of Winter break" */
  return cl_text_fill (T (N_("{count}, not counting {skipped}")), "count", count, "skipped", skipped, NULL);
}

/* What the IEP in effect at a birthday must do: include a transition plan, or tell of the rights. */
static const char *
item_text (const ClWords   *words,
           const ClCounted *c)
{
  /* Translators: what the IEP in effect at a birthday must do, ending "so it must …" */
  return c->flag ? T (N_("say which rights transfer at the age of majority"))
                 : T (N_("include a transition plan"));
}

static char *
school_year_text (const ClCounted *c)
{
  ClSchoolYear year = { c->day, c->day2, FALSE, NULL };

  return cl_school_year_dup_label (&year);
}

static char *
way_text (const ClObligation *ob,
          const ClWords      *words)
{
  const ClCounted *c = &ob->counted;
  g_autofree char *from = date_text (words, ob->from);
  g_autofree char *birthday = date_text (words, c->birthday);
  g_autofree char *day = date_text (words, c->day);
  g_autofree char *age = g_strdup_printf ("%d", c->age);
  g_autofree char *days = g_strdup_printf ("%u", c->days);
  g_autofree char *years = g_strdup_printf ("%d", c->years);
  g_autofree char *meeting = NULL;

  switch (c->way)
    {
    case CL_COUNTED_DAYS:
      return days_text (words, c);
    case CL_COUNTED_END_OF_YEAR:
      {
        g_autofree char *before = g_strdup_printf ("%u", c->before);
        g_autofree char *first = date_text (words, c->day2);

        return cl_text_fill (c->flag ? T (N_("The referral came {before} days before the last day of the school "
                                             "year ({last}), so it is due {days} calendar days after the next "
                                             "school year starts ({first})"))
                                     : T (N_("The consent came {before} days before the last day of the school "
                                             "year ({last}), so it is due {days} calendar days after the next "
                                             "school year starts ({first})")),
                             "before", before, "last", day, "days", days, "first", first, NULL);
      }
    /* The meeting or the birthday it was counted from is said beside these. */
    case CL_COUNTED_IEP_IN_EFFECT:
      /* Translators: {item} is "include a transition plan" */
      return cl_text_fill (T (N_("The IEP written at that meeting is still in effect at {age} ({birthday}), so it "
                                 "must {item} by then")),
                           "age", age, "birthday", birthday, "item", item_text (words, c), NULL);
    case CL_COUNTED_REVIEW_WRITES_IEP:
      if (c->years == 1)
        return cl_text_fill (T (N_("The review due a year later writes the IEP in effect at {age} ({birthday}), "
                                   "so it must {item}")),
                             "age", age, "birthday", birthday, "item", item_text (words, c), NULL);
      return cl_text_fill (T (N_("The yearly review due {years} years later writes the IEP in effect at {age} "
                                 "({birthday}), so it must {item}")),
                           "years", years, "age", age, "birthday", birthday, "item", item_text (words, c), NULL);
    case CL_COUNTED_FIRST_MEETING_AFTER:
      return cl_text_fill (T (N_("No IEP meeting was held before then: the first one after, on {date}, writes the "
                                 "IEP in effect, so it must {item}")),
                           "date", day, "item", item_text (words, c), NULL);
    case CL_COUNTED_BIRTHDAY:
      return g_strdup (T (N_("On the birthday")));
    case CL_COUNTED_EMANCIPATED:
      return cl_text_fill (T (N_("Before turning {age} ({birthday})")), "age", age, "birthday", birthday, NULL);
    case CL_COUNTED_ELIGIBLE_THROUGH:
      {
        g_autofree char *due = date_text (words, ob->due);

        return cl_text_fill (T (N_("Eligible through {date}, as set for the birthday's month")), "date", due, NULL);
      }
    case CL_COUNTED_DAY_BEFORE_BIRTHDAY:
      return g_strdup (T (N_("The day before the birthday")));
    case CL_COUNTED_DAYS_BEFORE_BIRTHDAY:
      return cl_text_fill (T (N_("{days} calendar days before the birthday")), "days", days, NULL);
    /* What it was counted from is said beside this ("Counted from: the annual IEP meeting of …"). */
    case CL_COUNTED_YEARS_AFTER_MEETING:
    case CL_COUNTED_YEARS_AFTER_WAIVER:
      if (c->years == 1)
        return g_strdup (T (N_("A year later")));
      return cl_text_fill (T (N_("{years} years later")), "years", years, NULL);
    case CL_COUNTED_REMOVAL_TOTAL:
      {
        g_autofree char *year = school_year_text (c);
        g_autofree char *total = number_text (c->total);
        g_autofree char *limit = number_text (c->limit);
        g_autofree char *next = number_text (c->limit + 1);

        return cl_text_fill (T (N_("This removal brings the {year} school year to {total} school days of "
                                   "removal, more than {limit}: services are owed from day {next}")),
                             "year", year, "total", total, "limit", limit, "next", next, NULL);
      }
    case CL_COUNTED_SUSPENSION_INCIDENT:
      {
        g_autofree char *total = number_text (c->total);
        g_autofree char *limit = number_text (c->limit);

        return cl_text_fill (T (N_("A suspension of {total} school days for one incident (at most {limit})")),
                             "total", total, "limit", limit, NULL);
      }
    case CL_COUNTED_SUSPENSION_YEAR:
      {
        g_autofree char *year = school_year_text (c);
        g_autofree char *total = number_text (c->total);
        g_autofree char *limit = number_text (c->limit);

        return cl_text_fill (T (N_("Suspensions in the {year} school year reach {total} school days (at most "
                                   "{limit})")), "year", year, "total", total, "limit", limit, NULL);
      }
    case CL_COUNTED_DAYS_BEFORE_MEETING:
      return cl_text_fill (c->days == 1 ? T (N_("1 calendar day before the meeting"))
                                        : T (N_("{days} calendar days before the meeting")),
                           "days", days, NULL);
    case CL_COUNTED_MEMBER_NOT_INVITED:
      meeting = meeting_of (words, c->meeting_kind, ob->from);
      /* Translators: {role} is a member the meeting needs, e.g. "General education teacher" */
      return cl_text_fill (T (N_("Not invited to {meeting}: {role}")), "meeting", meeting,
                           "role", T (cl_role_label (ob->role)), NULL);
    case CL_COUNTED_EXCUSAL:
      {
        const char *role = T (cl_role_label (ob->role));
        g_autofree char *who = c->name != NULL
          /* Translators: an excused member: their name and their role */
          ? cl_text_fill (T (N_("{name} ({role})")), "name", c->name, "role", role, NULL)
          : g_strdup (role);

        return cl_text_fill (c->flag ? T (N_("{who} is excused and their area is discussed: the parent's "
                                             "written consent and the member's written input are both due "
                                             "by the meeting"))
                                     : T (N_("{who} is excused and their area is not discussed: the parent's "
                                             "written agreement is due by the meeting")),
                             "who", who, NULL);
      }
    case CL_COUNTED_BUSINESS_DAYS_BEFORE:
      return cl_text_fill (c->days == 1 ? T (N_("1 business day before the hearing on {date}"))
                                        : T (N_("{days} business days before the hearing on {date}")),
                           "days", days, "date", day, NULL);
    case CL_N_COUNTED_WAYS:
    default:
      return g_strdup ("");
    }
}

char *
cl_obligation_dup_counted_text (const ClObligation *ob,
                                const ClWords      *words)
{
  g_autofree char *text = way_text (ob, words);

  if (ob->counted.explain != NULL)
    {
      g_autofree char *plain = g_steal_pointer (&text);
      /* Translators: a count and the rule pack's words on it, e.g. "75 calendar days (30-day
       * resolution period + 45 days)" */
      text = cl_text_fill (T (N_("{count} ({explain})")), "count", plain, "explain", T (ob->counted.explain), NULL);
    }
  if (ob->extended_on != CL_DATE_NONE)
    {
      g_autofree char *plain = g_steal_pointer (&text);
      g_autofree char *on = date_text (words, ob->extended_on);
      g_autofree char *until = date_text (words, ob->due);
      g_autofree char *was = date_text (words, ob->extended_was);

      /* Translators: {count} is how the date was first counted */
      text = cl_text_fill (T (N_("{count}; extended in writing on {on} to {until} (it was due {was})")),
                           "count", plain, "on", on, "until", until, "was", was, NULL);
    }
  return capitalised (g_steal_pointer (&text));
}
