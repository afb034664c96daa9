/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-cli-setup.c — `caseload-cli import-calendar | import-csv`: a district's own files into a
 * database — its calendar feed and the spreadsheet its IEP system exports */
#define G_LOG_DOMAIN "caseload-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "cl-ical-school-year.h"
#include "cl-roster-import.h"
#include "cl-store.h"
#include "cl-cli.h"

static const char *
verdict_word (ClIcalVerdict verdict)
{
  switch (verdict)
    {
    case CL_ICAL_FIRST_DAY:
      return _("first day");
    case CL_ICAL_LAST_DAY:
      return _("last day");
    case CL_ICAL_BREAK:
      return _("break");
    case CL_ICAL_HOLIDAY:
      return _("holiday");
    case CL_ICAL_TIMED:
      return _("timed, not a closure");
    case CL_ICAL_NOT_CLOSED:
    case CL_N_ICAL_VERDICTS:
    default:
      return _("not a closure");
    }
}

/* One line per event read, so the person sees what each was taken for. */
static void
print_entries (const ClIcalSchoolYear *year)
{
  for (guint i = 0; i < year->entries->len; i++)
    {
      const ClIcalEntry *e = &g_array_index (year->entries, ClIcalEntry, i);
      char from[11], to[11];
      g_autofree char *days = NULL;

      cl_date_format_iso (e->from, from);
      cl_date_format_iso (e->to, to);
      days = e->from == e->to ? g_strdup (from) : g_strdup_printf ("%s..%s", from, to);
      printf ("  %-25s %-40s %s\n", days, e->summary,
              e->outside ? _("outside the school year") : verdict_word (e->verdict));
    }
}

int
cl_cli_import_calendar (int    argc,
                        char **argv)
{
  g_autofree char *db_path = NULL, *school = NULL, *closed_if = NULL, *not_closed_if = NULL;
  g_autofree char *text = NULL, *school_id = NULL, *calendar_id = NULL, *label = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(ClStore) store = NULL;
  g_autoptr(ClIcalSchoolYear) year = NULL;
  g_autoptr(ClCalendarYear) calendar = NULL;
  gboolean dry_run = FALSE, new_school = FALSE;
  guint changes = 0, n_not_closed;
  char first[11], last[11];
  GOptionEntry entries[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &db_path, N_("The database"), N_("DB") },
    { "school", 0, 0, G_OPTION_ARG_STRING, &school, N_("The school whose year it is: its id or exact name (a new name adds the school)"), N_("SCHOOL") },
    { "closed-if", 0, 0, G_OPTION_ARG_STRING, &closed_if, N_("A closure is an all-day event whose summary matches REGEX (instead of the usual words)"), N_("REGEX") },
    { "not-closed-if", 0, 0, G_OPTION_ARG_STRING, &not_closed_if, N_("An all-day event whose summary matches REGEX is never a closure"), N_("REGEX") },
    { "dry-run", 0, 0, G_OPTION_ARG_NONE, &dry_run, N_("Print what would be saved, and save nothing"), NULL },
    { NULL }
  };
  ClIcalOptions options = { NULL, NULL };

  if (!cl_cli_parse ("import-calendar", _("FILE.ics — a school year from the district's calendar feed"),
                      entries, &argc, &argv))
    return 2;
  if (db_path == NULL || school == NULL || argc != 2)
    {
      fprintf (stderr, "%s\n", _("usage: caseload-cli import-calendar --db DB --school SCHOOL [--closed-if REGEX] "
                                 "[--not-closed-if REGEX] [--dry-run] FILE.ics"));
      return 2;
    }
  options.closed_if = closed_if;
  options.not_closed_if = not_closed_if;
  if (!g_file_get_contents (argv[1], &text, NULL, &error) ||
      (year = cl_ical_school_year_parse (text, &options, &error)) == NULL)
    {
      fprintf (stderr, "caseload-cli import-calendar: %s: %s\n", argv[1], error->message);
      return 1;
    }
  if ((store = cl_store_open (db_path, TRUE, &error)) == NULL ||
      ((school_id = cl_store_find_school (store, school, &error)) == NULL && error != NULL))
    {
      fprintf (stderr, "caseload-cli import-calendar: %s\n", error->message);
      return 1;
    }
  /* A school the database does not have yet is created with its first school year. */
  if (school_id == NULL)
    {
      new_school = TRUE;
      school_id = cl_make_id (school);
    }
  /* One id per school year of a school, so reading the feed again finds the year it replaces. */
  calendar_id = g_strdup_printf ("%s-%d", school_id, cl_date_year (year->first_day));
  calendar = cl_ical_school_year_build (year, calendar_id);
  if (!dry_run && !cl_store_set_school_year (store, school_id, new_school ? school : NULL, calendar, &changes, &error))
    {
      fprintf (stderr, "caseload-cli import-calendar: %s\n", error->message);
      return 1;
    }

  print_entries (year);
  if (new_school)
    printf (_("New school \"%s\" (id %s).\n"), school, school_id);
  label = cl_ical_school_year_dup_label (year);
  cl_date_format_iso (year->first_day, first);
  cl_date_format_iso (year->last_day, last);
  n_not_closed = cl_ical_school_year_count (year, CL_ICAL_NOT_CLOSED) + cl_ical_school_year_count (year, CL_ICAL_TIMED);
  /* TRANSLATORS: school id, school year ("2026-27"), its first and last day, then counts */
  printf (_("%s: school year %s, %s to %s: %u closed ranges (%u holidays, %u breaks); %u events that close "
            "nothing. "),
          school_id, label, first, last, calendar->closed->len, cl_ical_school_year_count (year, CL_ICAL_HOLIDAY),
          cl_ical_school_year_count (year, CL_ICAL_BREAK), n_not_closed);
  if (dry_run)
    printf ("%s\n", _("Dry run: nothing was saved."));
  else if (changes == 0)
    printf ("%s\n", _("The database already had this school year: nothing changed."));
  else
    printf (g_dngettext (GETTEXT_PACKAGE, "Saved as %s, %u change audited.\n", "Saved as %s, %u changes audited.\n",
                         changes), calendar_id, changes);
  return 0;
}

/* ---- import-csv ---- */

static void
print_plan (const ClRosterPlan *plan,
            const ClCsvTable   *table)
{
  g_autofree char *summary = cl_roster_plan_dup_summary (plan, table, FALSE);

  printf ("%s", summary);
  if (plan->disagreements->len > 0)
    printf (_("Where the file's due dates and Caseload's differ (%u):\n"), plan->disagreements->len);
  for (guint i = 0; i < plan->disagreements->len; i++)
    {
      g_autofree char *line = cl_roster_disagreement_dup_text (g_ptr_array_index (plan->disagreements, i));
      printf ("  %s\n", line);
    }
}

int
cl_cli_import_csv (int    argc,
                   char **argv)
{
  g_autofree char *db_path = NULL, *map_path = NULL, *today_text = NULL, *rules_dir = NULL;
  g_autofree char *data = NULL, *map_text = NULL, *user_rules = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) map = NULL;
  g_autoptr(ClCsvTable) table = NULL;
  g_autoptr(ClStore) store = NULL;
  g_autoptr(ClRosterPlan) plan = NULL;
  g_autoptr(ClRulePackSet) packs = NULL;
  g_autoptr(ClDeadlineEngine) engine = NULL;
  ClCaseload *caseload;
  gboolean dry_run = FALSE;
  ClDate today = cl_date_today ();
  gsize length = 0;
  GOptionEntry entries[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &db_path, N_("The database (created if missing)"), N_("DB") },
    { "dry-run", 0, 0, G_OPTION_ARG_NONE, &dry_run, N_("Print what would be saved, and save nothing"), NULL },
    { "map", 0, 0, G_OPTION_ARG_FILENAME, &map_path, N_("Which field each header is: {\"columns\": {\"Header\": \"field\"}}"), N_("MAP.json") },
    { "today", 0, 0, G_OPTION_ARG_STRING, &today_text, N_("Compare due dates as of this date"), N_("YYYY-MM-DD") },
    { "rules-dir", 0, 0, G_OPTION_ARG_FILENAME, &rules_dir, N_("Also load the rule packs in this directory"), N_("DIR") },
    { NULL }
  };

  if (!cl_cli_parse ("import-csv", _("FILE.csv — students, their IEP dates, schools and case managers from a spreadsheet"),
                      entries, &argc, &argv))
    return 2;
  if (db_path == NULL || argc != 2 || (today_text != NULL && !cl_date_parse_iso (today_text, &today)))
    {
      fprintf (stderr, "%s\n", _("usage: caseload-cli import-csv --db DB [--dry-run] [--map MAP.json] FILE.csv"));
      return 2;
    }
  if (map_path != NULL &&
      (!g_file_get_contents (map_path, &map_text, &length, &error) ||
       (map = cl_roster_map_parse (map_text, (gssize) length, &error)) == NULL))
    {
      fprintf (stderr, "caseload-cli import-csv: %s: %s\n", map_path, error->message);
      return 1;
    }
  if (!g_file_get_contents (argv[1], &data, &length, &error) ||
      (table = cl_csv_table_parse (data, length, &error)) == NULL)
    {
      fprintf (stderr, "caseload-cli import-csv: %s: %s\n", argv[1], error->message);
      return 1;
    }
  packs = cl_rule_pack_set_new_builtin (&error);
  user_rules = g_build_filename (g_get_user_data_dir (), "caseload", "rules", NULL);
  if (packs == NULL || !cl_rule_pack_set_add_dir (packs, user_rules, &error) ||
      (rules_dir != NULL && !cl_rule_pack_set_add_dir (packs, rules_dir, &error)) ||
      (store = cl_store_open (db_path, TRUE, &error)) == NULL ||
      (caseload = cl_store_load_caseload (store, &error)) == NULL)
    {
      fprintf (stderr, "caseload-cli import-csv: %s\n", error->message);
      return 1;
    }

  plan = cl_roster_plan_new (table, map, caseload);
  if (plan->problems->len > 0)
    {
      fprintf (stderr, g_dngettext (GETTEXT_PACKAGE, "caseload-cli import-csv: %s: %u problem; nothing was changed:\n",
                                    "caseload-cli import-csv: %s: %u problems; nothing was changed:\n", plan->problems->len),
               argv[1], plan->problems->len);
      for (guint i = 0; i < plan->problems->len; i++)
        fprintf (stderr, "  %s\n", (char *) g_ptr_array_index (plan->problems, i));
      return 1;
    }
  engine = cl_deadline_engine_new (packs);
  if (!cl_roster_plan_compare (plan, table, engine, today, &error) ||
      (!dry_run && !cl_store_apply_roster (store, plan, &error)))
    {
      fprintf (stderr, "caseload-cli import-csv: %s\n", error->message);
      return 1;
    }
  print_plan (plan, table);
  if (dry_run)
    printf ("%s\n", _("Dry run: nothing was saved."));
  return 0;
}
