/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-obligation-words.c — "how it was counted" and "counted from" in a person's words
 *
 * No raw id (iep_meeting, general_education_teacher) and no ISO date reaches a sentence; every
 * sentence starts with a capital; and every English word in one came through the reader's
 * translation, so a document in another language carries no English engine text. The last is
 * shown with a translation that wraps each text it is asked for in ⟦ ⟧ and a date that writes
 * ‹date›: once the wrapped texts are taken out, no letter may remain but the data's own (a
 * closure's name, a member's name). And every text asked for has its Spanish in the compiled
 * catalogue, so the Spanish sentences hold no English msgid.
 */
#include "config.h"

#include <libintl.h>
#include <string.h>

#include "cl-bundle-reader.h"
#include "cl-catalog.h"
#include "cl-deadline-engine.h"
#include "cl-event-labels.h"
#include "cl-obligation-words.h"
#include "cl-test-util.h"

/* English words: the msgid itself, and dates as the C locale writes them ("May 14, 2026"). */
static const char *
english_translate (gpointer    data,
                   const char *msgid)
{
  return msgid;
}

static char *
english_date (gpointer data,
              ClDate   date)
{
  return cl_date_dup_long (date);
}

static const ClWords english = { english_translate, english_date, NULL };

/* Marked words: each translation is kept alive by interning, as a catalogue's would be. */
static const char *
marked_translate (gpointer    data,
                  const char *msgid)
{
  g_autofree char *marked = g_strdup_printf ("⟦%s⟧", msgid);

  return g_intern_string (marked);
}

static char *
marked_date (gpointer data,
             ClDate   date)
{
  return g_strdup ("‹date›");
}

static const ClWords marked = { marked_translate, marked_date, NULL };

/* Spanish from the compiled catalogue; a msgid it has no translation for is kept in @data. */
typedef struct {
  ClCatalog  *catalog;
  GHashTable *missing;
} Spanish;

static const char *
spanish_translate (gpointer    data,
                   const char *msgid)
{
  Spanish *es = data;
  const char *text = cl_catalog_lookup (es->catalog, msgid);

  /* The catalogue answers with the msgid itself, the same pointer, only when it has none. */
  if (text == msgid)
    g_hash_table_add (es->missing, g_strdup (msgid));
  return text;
}

static Spanish *
spanish_get (void)
{
  static Spanish es;

  if (es.catalog == NULL)
    {
      bindtextdomain (GETTEXT_PACKAGE, cl_catalog_locale_dir ());
      es.catalog = cl_catalog_open (GETTEXT_PACKAGE, "es");
      g_assert_nonnull (es.catalog);
      es.missing = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
    }
  return &es;
}

static void
assert_spanish_complete (void)
{
  Spanish *es = spanish_get ();
  GHashTableIter iter;
  gpointer msgid;

  g_hash_table_iter_init (&iter, es->missing);
  while (g_hash_table_iter_next (&iter, &msgid, NULL))
    g_printerr ("no Spanish for “%s”\n", (const char *) msgid);
  g_assert_cmpuint (g_hash_table_size (es->missing), ==, 0);
}

/* What a person must never read: an id with an underscore, an ISO date, an unfilled {place}. */
static void
assert_plain (const char *text)
{
  static GRegex *id = NULL, *iso = NULL;
  gunichar first;

  if (id == NULL)
    {
      id = g_regex_new ("\\b[a-z]+_[a-z_]+\\b", 0, 0, NULL);
      iso = g_regex_new ("\\b\\d{4}-\\d{2}-\\d{2}\\b", 0, 0, NULL);
    }
  g_assert_nonnull (text);
  g_assert_cmpstr (text, !=, "");
  if (g_regex_match (id, text, 0, NULL) || g_regex_match (iso, text, 0, NULL) || strchr (text, '{'))
    g_error ("not plain words: “%s”", text);
  first = g_utf8_get_char (text);
  if (g_unichar_isalpha (first) && !g_unichar_isupper (first))
    g_error ("does not start with a capital: “%s”", text);
}

/* Every letter of @text came through the translation, but for @data (NULL-terminated). */
static void
assert_all_translated (const char         *text,
                       const char * const *data)
{
  g_autoptr(GRegex) innermost = g_regex_new ("⟦[^⟦⟧]*⟧", 0, 0, NULL);
  g_autofree char *rest = g_strdup (text);

  /* Capitalising the first letter of a marked text leaves the mark first: nothing to undo. */
  while (g_regex_match (innermost, rest, 0, NULL))
    {
      char *next = g_regex_replace_literal (innermost, rest, -1, 0, "", 0, NULL);
      g_free (rest);
      rest = next;
    }
  {
    GString *left = g_string_new (rest);

    g_string_replace (left, "‹date›", "", 0);
    for (guint i = 0; data != NULL && data[i] != NULL; i++)
      g_string_replace (left, data[i], "", 0);
    for (const char *p = left->str; *p; p = g_utf8_next_char (p))
      if (g_unichar_isalpha (g_utf8_get_char (p)))
        g_error ("English not through the translation in “%s”: “%s” is left", text, left->str);
    g_string_free (left, TRUE);
  }
}

static void
check_obligation (const ClObligation *ob,
                  const char * const *data)
{
  g_autofree char *counted = cl_obligation_dup_counted_text (ob, &english);
  g_autofree char *from = cl_obligation_dup_from_text (ob, &english);
  g_autofree char *counted_marked = cl_obligation_dup_counted_text (ob, &marked);
  g_autofree char *from_marked = cl_obligation_dup_from_text (ob, &marked);
  ClWords spanish = { spanish_translate, english_date, spanish_get () };
  g_autofree char *counted_es = cl_obligation_dup_counted_text (ob, &spanish);
  g_autofree char *from_es = cl_obligation_dup_from_text (ob, &spanish);

  assert_plain (counted);
  assert_plain (from);
  assert_all_translated (counted_marked, data);
  assert_all_translated (from_marked, data);
  assert_plain (counted_es);
  assert_plain (from_es);
}

/* Every way the engine counts, with every meeting kind and role it may name, a CA count that
 * skipped runs of each sort, an extension and a complaint's explanation. */
static void
test_every_way (void)
{
  static const char * const data[] = { "Winter break", "Ms Lee", NULL };
  g_autoptr(GArray) skipped = g_array_new (FALSE, FALSE, sizeof (ClSkippedRun));
  ClSkippedRun runs[] = {
    { D ("2026-12-19"), D ("2027-01-03"), "Winter break" },
    { D ("2027-06-11"), D ("2027-08-16"), NULL },
    { D ("2027-03-27"), D ("2027-04-04"), "vacation" },
  };
  guint checked = 0;

  g_array_append_vals (skipped, runs, G_N_ELEMENTS (runs));
  for (int way = 0; way < CL_N_COUNTED_WAYS; way++)
    for (int kind = 0; kind < CL_N_MEETING_KINDS; kind++)
      for (int role = 0; role < CL_N_ROLES; role++)
        for (int variant = 0; variant < 4; variant++)
          {
            ClObligation ob = {
              .due = D ("2027-05-14"), .met_on = CL_DATE_NONE, .from = D ("2026-05-14"),
              .from_event = way == CL_COUNTED_DAYS_BEFORE_MEETING || way == CL_COUNTED_MEMBER_NOT_INVITED ||
                            way == CL_COUNTED_EXCUSAL ? "meeting" : "iep_meeting",
              .role = role, .extended_on = CL_DATE_NONE,
              .counted = {
                .way = way, .count = variant % CL_N_COUNT_KINDS, .days = variant == 1 ? 1 : 15,
                .before = 12, .years = variant == 1 ? 1 : 3, .age = 16, .birthday = D ("2027-07-22"),
                .meeting_kind = kind, .day = D ("2026-08-17"), .day2 = D ("2027-06-10"),
                .total = 10.5, .limit = 10, .flag = variant & 1,
                .skipped = variant == 3 ? skipped : NULL, .name = variant & 2 ? "Ms Lee" : NULL,
                .explain = variant == 2 ? "30-day resolution period + 45 days" : NULL,
              },
            };

            if (variant == 3)
              {
                ob.counted.count = CL_COUNT_CA_PAUSE;
                ob.extended_on = D ("2026-12-17");
                ob.extended_was = D ("2027-01-10");
              }
            check_obligation (&ob, data);
            checked++;
          }
  g_assert_cmpuint (checked, ==, CL_N_COUNTED_WAYS * CL_N_MEETING_KINDS * CL_N_ROLES * 4);
  assert_spanish_complete ();
}

/* What a count started from: every event type, and a birthday, an emancipation, a planned meeting. */
static void
test_every_start (void)
{
  const char *others[] = { "birthday", "emancipation", "meeting", "iep_meeting" };

  for (int type = 0; type < CL_N_EVENT_TYPES + (int) G_N_ELEMENTS (others); type++)
    for (int age = 0; age <= 18; age += 18)
      {
        ClObligation ob = {
          .from = D ("2026-05-14"), .due = D ("2026-06-14"), .role = -1, .extended_on = CL_DATE_NONE,
          .from_event = type < CL_N_EVENT_TYPES ? cl_event_type_names[type] : others[type - CL_N_EVENT_TYPES],
          .counted = { .way = CL_COUNTED_DAYS, .count = CL_COUNT_CALENDAR, .days = 30, .age = age,
                       .meeting_kind = age ? CL_MEETING_ANNUAL : -1 },
        };

        check_obligation (&ob, NULL);
      }
  assert_spanish_complete ();
}

/* The labels a person reads for the case file's ids. */
static void
test_labels (void)
{
  for (int type = 0; type < CL_N_EVENT_TYPES; type++)
    {
      assert_plain (cl_event_type_label (type));
      assert_plain (cl_from_event_label (cl_event_type_names[type]));
    }
  for (int role = 0; role < CL_N_ROLES; role++)
    assert_plain (cl_role_label (role));
  for (int kind = 0; kind < CL_N_MEETING_KINDS; kind++)
    {
      const char *phrase = cl_meeting_kind_phrase (kind);

      g_assert_true (g_str_has_prefix (phrase, "the "));
      g_assert_null (strchr (phrase, '_'));
    }
}

/* Every obligation of the demo caseload and of each hand-worked scenario, as the app shows them. */
static void
check_caseload (ClCaseload *caseload,
                ClDate      today,
                guint      *n)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ClRulePackSet) packs = cl_rule_pack_set_new_builtin (&error);
  g_autoptr(ClDeadlineEngine) engine = NULL;
  g_autoptr(GPtrArray) obligations = NULL;

  g_assert_no_error (error);
  engine = cl_deadline_engine_new (packs);
  obligations = cl_deadline_engine_compute (engine, caseload, today, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < obligations->len; i++)
    {
      const ClObligation *ob = g_ptr_array_index (obligations, i);
      g_autofree char *counted = cl_obligation_dup_counted_text (ob, &english);
      g_autofree char *from = cl_obligation_dup_from_text (ob, &english);
      ClWords spanish = { spanish_translate, english_date, spanish_get () };
      g_autofree char *counted_es = cl_obligation_dup_counted_text (ob, &spanish);

      assert_plain (counted);
      assert_plain (from);
      assert_plain (counted_es);
      (*n)++;
    }
}

static void
test_demo_and_scenarios (void)
{
  g_autofree char *demo_path = g_test_build_filename (G_TEST_DIST, "..", "data", "demo", "demo-caseload.json", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *dir_path = g_test_build_filename (G_TEST_DIST, "scenarios", NULL);
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(ClCaseload) demo = NULL;
  const char *name;
  guint n = 0, files = 0;

  g_assert_true (g_file_get_contents (demo_path, &contents, NULL, &error));
  demo = cl_bundle_read_data (contents, -1, &error);
  g_assert_no_error (error);
  check_caseload (demo, D ("2026-11-24"), &n);

  dir = g_dir_open (dir_path, 0, &error);
  g_assert_no_error (error);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = NULL;
      g_autoptr(JsonParser) parser = json_parser_new ();
      g_autoptr(ClCaseload) caseload = NULL;
      JsonObject *scenario;
      ClDate today;

      if (!g_str_has_suffix (name, ".json"))
        continue;
      path = g_build_filename (dir_path, name, NULL);
      g_assert_true (json_parser_load_from_file (parser, path, &error));
      scenario = json_node_get_object (json_parser_get_root (parser));
      caseload = cl_bundle_read_node (json_object_get_member (scenario, "bundle"), &error);
      g_assert_no_error (error);
      today = D (json_object_get_string_member (scenario, "today"));
      check_caseload (caseload, today, &n);
      files++;
    }
  g_assert_cmpuint (files, >=, 8);
  g_assert_cmpuint (n, >, 200);
  assert_spanish_complete ();
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/obligation-words/every-way", test_every_way);
  g_test_add_func ("/obligation-words/every-start", test_every_start);
  g_test_add_func ("/obligation-words/labels", test_labels);
  g_test_add_func ("/obligation-words/demo-and-scenarios", test_demo_and_scenarios);
  return g_test_run ();
}
