/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-bundle.c — reading and writing caseload-bundle/1: fields, errors with paths, round trips,
 * and a fuzz run over truncated and mutated bundles that must never crash. */
#include <string.h>

#include "cl-bundle-reader.h"
#include "cl-bundle-writer.h"
#include "cl-json-strict.h"

static char *
demo_bundle (gsize *length)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "demo", "demo-caseload.json", NULL);
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_assert_true (g_file_get_contents (path, &contents, length, &error));
  g_assert_no_error (error);
  return contents;
}

#define CAL "\"calendars\": [{\"id\": \"c\", \"first_day\": \"2026-08-17\", \"last_day\": \"2027-06-10\"}], " \
            "\"schools\": [{\"id\": \"s\", \"name\": \"School\", \"calendars\": [\"c\"]}], "
#define HEAD "{\"format\": \"caseload-bundle/1\", \"jurisdiction\": \"CA\", "
#define STUDENT(extra) "\"students\": [{\"id\": \"S1\", \"birth_date\": \"2012-01-01\", \"school\": \"s\"" extra "}]}"

static void
test_fields (void)
{
  const char *text = HEAD CAL "\"staff\": [{\"id\": \"t1\", \"name\": \"T One\", \"role\": \"case_manager\"}], "
    STUDENT (", \"case_manager\": \"t1\", \"grade\": 7, \"part_c\": true, \"emancipated_on\": \"2030-01-01\", "
             "\"eligibility\": {\"primary\": \"SLD\", \"secondary\": \"SLI\"}, "
             "\"events\": [{\"type\": \"iep_meeting\", \"date\": \"2026-09-01\", \"kind\": \"annual\"}, "
             "{\"type\": \"removal\", \"date\": \"2026-09-01\", \"kind\": \"suspension\", \"school_days\": 2.5}, "
             "{\"type\": \"referral\", \"date\": \"2026-08-01\"}, "
             "{\"type\": \"iep_meeting\", \"date\": \"2025-09-01\", \"kind\": \"initial\"}], "
             "\"meetings\": [{\"id\": \"m1\", \"kind\": \"annual\", \"starts\": \"2027-02-10T15:30\", "
             "\"invitees\": [{\"role\": \"parent\"}, {\"role\": \"lea_representative\", \"attending\": false, "
             "\"excusal\": {\"area_discussed\": true, \"written_input\": \"2027-02-01\"}}]}]");
  g_autoptr(GError) error = NULL;
  g_autoptr(ClCaseload) c = cl_bundle_read_data (text, -1, &error);
  ClStudent *s;
  const ClEvent *e;
  const ClMeeting *m;
  const ClInvitee *inv;

  g_assert_no_error (error);
  s = cl_caseload_lookup_student (c, "S1");
  g_assert_nonnull (s);
  g_assert_cmpstr (s->grade, ==, "7");
  g_assert_true (s->part_c);
  g_assert_cmpstr (s->case_manager->name, ==, "T One");
  g_assert_cmpstr (s->eligibility_secondary, ==, "SLI");
  /* Sorted by date; same-day events keep their input order. */
  g_assert_cmpuint (s->events->len, ==, 4);
  e = &g_array_index (s->events, ClEvent, 0);
  g_assert_cmpint (e->kind, ==, CL_MEETING_INITIAL);
  g_assert_true (e->eligible);           /* absent = true */
  e = &g_array_index (s->events, ClEvent, 2);
  g_assert_cmpint (e->type, ==, CL_EVENT_IEP_MEETING);
  e = &g_array_index (s->events, ClEvent, 3);
  g_assert_cmpint (e->type, ==, CL_EVENT_REMOVAL);
  g_assert_cmpfloat (e->school_days, ==, 2.5);
  m = g_ptr_array_index (s->meetings, 0);
  g_assert_cmpint (m->start_minutes, ==, 15 * 60 + 30);
  inv = &g_array_index (m->invitees, ClInvitee, 0);
  g_assert_true (inv->attending);        /* absent = true */
  inv = &g_array_index (m->invitees, ClInvitee, 1);
  g_assert_false (inv->attending);
  g_assert_true (inv->excusal.present);
  g_assert_true (inv->excusal.area_discussed);
  g_assert_cmpuint (inv->excusal.parent_written_consent, ==, CL_DATE_NONE);
}

static void
test_errors (void)
{
  const struct { const char *text; const char *message; } cases[] = {
    { "", "(root): the file is empty" },
    { "{", "(root): not valid JSON" },
    { "[1, 2]", "(root): expected an object" },
    { "{\"jurisdiction\": \"CA\"}", "(root): missing required field \"format\"" },
    { "{\"format\": \"caseload-bundle/2\", \"jurisdiction\": \"CA\"}", "format: \"caseload-bundle/2\" is not caseload-bundle/1" },
    { HEAD "\"calendars\": [{\"id\": \"c\", \"first_day\": \"2026-02-30\", \"last_day\": \"2027-06-10\"}]}",
      "calendars[0].first_day: \"2026-02-30\" is not a date" },
    { HEAD "\"calendars\": [{\"id\": \"c\", \"first_day\": \"2026-08-17\", \"last_day\": \"2025-06-10\"}]}",
      "calendars[0].last_day: comes before first_day" },
    { HEAD CAL STUDENT (", \"events\": [{\"type\": \"referral\", \"date\": \"2026-02-30\"}]"),
      "students[0].events[0].date: \"2026-02-30\" is not a date" },
    { HEAD CAL STUDENT (", \"events\": [{\"type\": \"party\", \"date\": \"2026-02-03\"}]"),
      "students[0].events[0].type: unknown event type \"party\"" },
    { HEAD CAL STUDENT (", \"events\": [{\"type\": \"removal\", \"date\": \"2026-02-03\", \"kind\": \"suspension\", \"school_days\": \"3\"}]"),
      "students[0].events[0].school_days: expected a number, found a string" },
    { HEAD CAL STUDENT (", \"case_manager\": \"nobody\""), "students[0].case_manager: unknown staff member \"nobody\"" },
    { HEAD CAL "\"students\": [{\"id\": \"S1\", \"birth_date\": \"2012-01-01\", \"school\": \"x\"}]}",
      "students[0].school: unknown school \"x\"" },
    { HEAD CAL "\"students\": [{\"id\": \"S1\", \"school\": \"s\"}]}", "students[0]: missing required field \"birth_date\"" },
    { HEAD CAL "\"students\": [{\"id\": \"S1\", \"birth_date\": \"2012-01-01\", \"school\": \"s\"}, "
                             "{\"id\": \"S1\", \"birth_date\": \"2012-01-01\", \"school\": \"s\"}]}",
      "students[1].id: duplicate id \"S1\"" },
    { HEAD CAL STUDENT (", \"meetings\": [{\"id\": \"m\", \"kind\": \"annual\", \"starts\": \"2027-02-10T25:00\"}]"),
      "students[0].meetings[0].starts: \"2027-02-10T25:00\" is not a date and time" },
    { HEAD CAL STUDENT (", \"eligibility\": {\"primary\": \"XYZ\"}"),
      "students[0].eligibility.primary: unknown eligibility category \"XYZ\"" },
    { HEAD "\"calendars\": [], \"schools\": [{\"id\": \"s\", \"calendars\": []}]}",
      "schools[0].calendars: a school needs at least one calendar" },
    /* The fields rules.md §5 added. */
    { HEAD CAL STUDENT (", \"events\": [{\"type\": \"extension\", \"date\": \"2026-12-17\", \"rule\": \"iaes_ends\", \"until\": \"2027-01-22\"}]"),
      "students[0].events[0].rule: unknown rule an extension can move \"iaes_ends\"" },
    { HEAD CAL STUDENT (", \"events\": [{\"type\": \"extension\", \"date\": \"2026-12-17\", \"rule\": \"assessment_plan_due\", \"until\": \"2027-01-32\"}]"),
      "students[0].events[0].until: \"2027-01-32\" is not a date" },
    { HEAD CAL STUDENT (", \"events\": [{\"type\": \"hearing_scheduled\", \"date\": \"2026-11-02\", \"hearing_date\": 3}]"),
      "students[0].events[0].hearing_date: expected a string" },
    { HEAD CAL STUDENT (", \"events\": [{\"type\": \"transfer_in\", \"date\": \"2026-09-10\", \"last_enrolled\": \"June\"}]"),
      "students[0].events[0].last_enrolled: \"June\" is not a date" },
    { HEAD CAL STUDENT (", \"events\": [{\"type\": \"complaint\", \"date\": \"2026-10-01\", \"kind\": \"due_process\", \"filed_by\": \"lawyer\"}]"),
      "students[0].events[0].filed_by: unknown complainant \"lawyer\"" },
    { HEAD CAL STUDENT (", \"regular_education\": \"no\""),
      "students[0].regular_education: expected true or false, found a string" },
    { HEAD CAL STUDENT (", \"meetings\": [{\"id\": \"m\", \"kind\": \"annual\", \"starts\": \"2027-02-10\", "
                        "\"invitees\": [{\"role\": \"lea_representative\", \"attending\": false, "
                        "\"excusal\": {\"lea_consent\": \"soon\"}}]}]"),
      "students[0].meetings[0].invitees[0].excusal.lea_consent: \"soon\" is not a date" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(ClCaseload) c = cl_bundle_read_data (cases[i].text, -1, &error);

      g_test_message ("%s", error ? error->message : "(no error)");
      g_assert_null (c);
      g_assert_error (error, CL_BUNDLE_ERROR, error->code);
      g_assert_true (g_str_has_prefix (error->message, cases[i].message));
    }
}

static void
test_round_trip (void)
{
  gsize length;
  g_autofree char *text = demo_bundle (&length);
  g_autofree char *with_unknown = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(ClCaseload) first = NULL;
  g_autoptr(ClCaseload) second = NULL;
  g_autofree char *out1 = NULL;
  g_autofree char *out2 = NULL;

  /* Unknown members at several depths must survive. */
  with_unknown = g_strdup (text);
  {
    g_autoptr(GString) s = g_string_new (with_unknown);
    g_string_replace (s, "\"format\": \"caseload-bundle/1\"", "\"format\": \"caseload-bundle/1\", \"district\": {\"code\": 42}", 1);
    g_string_replace (s, "\"type\": \"referral\"", "\"type\": \"referral\", \"x_note\": \"kept\"", 1);
    g_free (with_unknown);
    with_unknown = g_string_free (g_steal_pointer (&s), FALSE);
  }

  first = cl_bundle_read_data (with_unknown, -1, &error);
  g_assert_no_error (error);
  out1 = cl_bundle_write (first);
  second = cl_bundle_read_data (out1, -1, &error);
  g_assert_no_error (error);
  out2 = cl_bundle_write (second);
  g_assert_cmpstr (out1, ==, out2);
  g_assert_nonnull (strstr (out1, "\"district\": {\"code\":42}"));
  g_assert_nonnull (strstr (out1, "\"x_note\": \"kept\""));
  g_assert_cmpuint (cl_caseload_get_students (first)->len, ==, cl_caseload_get_students (second)->len);
}

/* Every event type and field rules.md §5 added survives a write and a read, and the rules read the
 * fields back from where the reader keeps them. */
static void
test_new_fields_round_trip (void)
{
  const char *text = HEAD CAL
    STUDENT (", \"regular_education\": false, \"home_language\": \"es\", \"events\": ["
             "{\"type\": \"reassessment_request\", \"date\": \"2026-09-01\"}, "
             "{\"type\": \"assessment_refused\", \"date\": \"2026-09-02\"}, "
             "{\"type\": \"assessment_plan_declined\", \"date\": \"2026-09-03\"}, "
             "{\"type\": \"triennial_waiver\", \"date\": \"2026-09-04\"}, "
             "{\"type\": \"extension\", \"date\": \"2026-09-05\", \"rule\": \"complaint_decision_due\", \"until\": \"2026-12-01\"}, "
             "{\"type\": \"district_records_request\", \"date\": \"2026-09-06\"}, "
             "{\"type\": \"records_sent\", \"date\": \"2026-09-07\"}, "
             "{\"type\": \"surrogate_needed\", \"date\": \"2026-09-08\"}, "
             "{\"type\": \"surrogate_notice_sent\", \"date\": \"2026-09-09\"}, "
             "{\"type\": \"surrogate_appointed\", \"date\": \"2026-09-10\"}, "
             "{\"type\": \"enrollment\", \"date\": \"2026-09-11\"}, "
             "{\"type\": \"english_proficiency_assessed\", \"date\": \"2026-09-12\"}, "
             "{\"type\": \"primary_language_assessed\", \"date\": \"2026-09-13\"}, "
             "{\"type\": \"hearing_scheduled\", \"date\": \"2026-09-14\", \"hearing_date\": \"2026-10-20\"}, "
             "{\"type\": \"hearing_disclosure_sent\", \"date\": \"2026-09-15\"}, "
             "{\"type\": \"resolution_waived\", \"date\": \"2026-09-16\"}, "
             "{\"type\": \"transfer_in\", \"date\": \"2026-09-17\", \"from\": \"in_state\", \"has_iep\": true, \"last_enrolled\": \"2026-06-05\"}, "
             "{\"type\": \"complaint\", \"date\": \"2026-09-18\", \"kind\": \"due_process\", \"filed_by\": \"district\"}], "
             "\"meetings\": [{\"id\": \"m\", \"kind\": \"annual\", \"starts\": \"2027-02-10\", "
             "\"invitees\": [{\"role\": \"lea_representative\", \"attending\": false, "
             "\"excusal\": {\"parent_written_consent\": \"2027-02-01\", \"lea_consent\": \"2027-02-05\"}}]}]");
  g_autoptr(GError) error = NULL;
  g_autoptr(ClCaseload) first = cl_bundle_read_data (text, -1, &error);
  g_autoptr(ClCaseload) second = NULL;
  g_autofree char *out1 = NULL;
  g_autofree char *out2 = NULL;
  const char *kept[] = {
    "\"type\": \"reassessment_request\"", "\"type\": \"assessment_refused\"",
    "\"type\": \"assessment_plan_declined\"", "\"type\": \"triennial_waiver\"",
    "\"rule\": \"complaint_decision_due\"", "\"until\": \"2026-12-01\"",
    "\"type\": \"district_records_request\"", "\"type\": \"records_sent\"",
    "\"type\": \"surrogate_needed\"", "\"type\": \"surrogate_notice_sent\"",
    "\"type\": \"surrogate_appointed\"", "\"type\": \"enrollment\"",
    "\"type\": \"english_proficiency_assessed\"", "\"type\": \"primary_language_assessed\"",
    "\"hearing_date\": \"2026-10-20\"", "\"type\": \"hearing_disclosure_sent\"",
    "\"type\": \"resolution_waived\"", "\"last_enrolled\": \"2026-06-05\"",
    "\"filed_by\": \"district\"", "\"regular_education\": false", "\"lea_consent\": \"2027-02-05\"",
  };
  ClStudent *s;
  const ClEvent *e;

  g_assert_no_error (error);
  out1 = cl_bundle_write (first);
  second = cl_bundle_read_data (out1, -1, &error);
  g_assert_no_error (error);
  out2 = cl_bundle_write (second);
  g_assert_cmpstr (out1, ==, out2);
  for (guint i = 0; i < G_N_ELEMENTS (kept); i++)
    {
      g_test_message ("%s", kept[i]);
      g_assert_nonnull (strstr (out1, kept[i]));
    }

  s = cl_caseload_lookup_student (second, "S1");
  g_assert_cmpuint (s->events->len, ==, 18);
  e = &g_array_index (s->events, ClEvent, 4);
  g_assert_cmpint (e->type, ==, CL_EVENT_EXTENSION);
  g_assert_cmpint (cl_extra_get_enum (e->extra, "rule", cl_extended_rule_names, CL_N_EXTENDED_RULES), ==,
                   CL_EXTENDS_COMPLAINT_DECISION);
  g_assert_cmpuint (cl_extra_get_date (e->extra, "until"), ==, cl_date_from_ymd (2026, 12, 1));
  e = &g_array_index (s->events, ClEvent, 13);
  g_assert_cmpint (e->type, ==, CL_EVENT_HEARING_SCHEDULED);
  g_assert_cmpuint (cl_extra_get_date (e->extra, "hearing_date"), ==, cl_date_from_ymd (2026, 10, 20));
  e = &g_array_index (s->events, ClEvent, 17);
  g_assert_cmpint (cl_extra_get_enum (e->extra, "filed_by", cl_filed_by_names, CL_N_FILED_BY), ==,
                   CL_FILED_BY_DISTRICT);
  g_assert_false (cl_extra_get_bool (s->extra, "regular_education", TRUE));
}

/* Students are read while the parser goes when calendars, schools and staff come first; in any
 * other order, from the whole tree. Both give the same caseload. */
static void
test_member_order (void)
{
  gsize length;
  g_autofree char *text = demo_bundle (&length);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) reordered = NULL;
  g_autofree char *reordered_text = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(ClCaseload) streamed = NULL;
  g_autoptr(ClCaseload) from_tree = NULL;
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;
  JsonObject *root;
  const char *order[] = { "students", "staff", "schools", "calendars", "jurisdiction", "format" };

  g_assert_true (json_parser_load_from_data (parser, text, length, &error));
  root = json_node_get_object (json_parser_get_root (parser));
  json_builder_begin_object (builder);
  for (guint i = 0; i < G_N_ELEMENTS (order); i++)
    {
      json_builder_set_member_name (builder, order[i]);
      json_builder_add_value (builder, json_node_copy (json_object_get_member (root, order[i])));
    }
  json_builder_end_object (builder);
  reordered = json_builder_get_root (builder);
  reordered_text = json_to_string (reordered, FALSE);

  streamed = cl_bundle_read_data (text, length, &error);
  g_assert_no_error (error);
  from_tree = cl_bundle_read_data (reordered_text, -1, &error);
  g_assert_no_error (error);
  a = cl_bundle_write (streamed);
  b = cl_bundle_write (from_tree);
  g_assert_cmpstr (a, ==, b);
}

/* The reading of json-glib's whole tree, which the streamed readings must agree with. */
static ClCaseload *
read_from_json_glib (const char  *data,
                     gsize        length,
                     GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) local_error = NULL;

  if (!json_parser_load_from_data (parser, data, length, &local_error))
    {
      g_set_error (error, CL_BUNDLE_ERROR, CL_BUNDLE_ERROR_SYNTAX, "(root): not valid JSON: %s", local_error->message);
      return NULL;
    }
  return cl_bundle_read_node (json_parser_get_root (parser), error);
}

/* Every outcome of a damaged bundle is either a caseload or an error that names where, and the
 * same as reading json-glib's tree of it: the same caseload or the same message (but for what the
 * reader refuses before parsing and json-glib would take). */
static void
check_outcome (const char *data,
               gsize       length)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) tree_error = NULL;
  g_autoptr(ClCaseload) c = cl_bundle_read_data (data, length, &error);
  g_autoptr(ClCaseload) tree = read_from_json_glib (data, length, &tree_error);

  if (c != NULL)
    {
      g_autofree char *a = cl_bundle_write (c);
      g_autofree char *b = tree ? cl_bundle_write (tree) : NULL;

      g_assert_no_error (error);
      g_assert_cmpstr (a, ==, b);
      return;
    }
  g_assert_nonnull (error);
  g_assert_true (error->domain == CL_BUNDLE_ERROR);
  g_assert_nonnull (strstr (error->message, ": "));
  if (strstr (error->message, "nested more than") == NULL && strstr (error->message, "unexpected character") == NULL &&
      strstr (error->message, "not UTF-8") == NULL && strstr (error->message, "is empty") == NULL)
    {
      g_assert_nonnull (tree_error);
      g_assert_cmpstr (error->message, ==, tree_error->message);
    }
}

/* cl-json-strict.c builds json-glib's tree of strict JSON, and takes nothing else. */
static void
test_strict_parser (void)
{
  static const char * const same[] = {
    "{}", "[]", " [ ] ", "\"\"", "0", "-0", "-0.0", "12", "-7", "2.5", "1e5", "1.5E+3", "1.5e-3", "0.1",
    "1e400", "123456789012345678", "true", "false", "null",
    "[\"a\\\"b\", \"]\", \"}\", \"[{\", \"\\\\\", \"\\/\", \"\\b\\f\\n\\r\\t\"]",
    "[\"\\u00e9\\u00E9\", \"\\ud83d\\ude00\", \"caf\u00e9 \u4e2d\"]",
    "{\"\": 1, \"a\": [[1, [2, {\"b\": \"]}\\\"\"}]], []], \"c\\\"]}\": {\"d\": {}}}",
    "{\"students\": [1, {\"x\": [\"]\"]}, \"}]\"], \"z\": null}",
  };
  static const char * const refused[] = {
    "", " ", "[1,]", "{\"a\": 1,}", "[007]", "[0x10]", "[1.]", "[.5]", "[+1]", "[1e]", "# c\n[]", "/* c */ []",
    "['a']", "[\"\\u0000\"]", "[\"\\ud83d\"]", "[\"\\ude00\"]", "[\"a\tb\"]", "[\"\\x\"]",
    "{\"a\": 1, \"a\": 2}", "[12345678901234567890]", "[tru]", "[1] 2", "{\"a\" 1}", "\"abc", "[1 2]",
  };

  for (guint i = 0; i < G_N_ELEMENTS (same); i++)
    {
      g_autoptr(JsonParser) parser = json_parser_new ();
      g_autoptr(JsonNode) strict = cl_json_strict_parse (same[i], strlen (same[i]));
      g_autofree char *expected = NULL, *got = NULL;

      g_assert_true (json_parser_load_from_data (parser, same[i], -1, NULL));
      g_assert_nonnull (strict);
      expected = json_to_string (json_parser_get_root (parser), FALSE);
      got = json_to_string (strict, FALSE);
      g_assert_cmpstr (got, ==, expected);
      g_assert_true (json_node_equal (strict, json_parser_get_root (parser)));
    }
  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    g_assert_null (cl_json_strict_parse (refused[i], strlen (refused[i])));
}

/* A bundle whose strings hold quotes, brackets and braces, escapes and unicode, and whose unknown
 * members nest arrays: read while parsing, it is what json-glib's tree of it reads as. */
static void
test_tricky_strings (void)
{
  const char *text =
    HEAD CAL "\"staff\": [{\"id\": \"t]1\", \"name\": \"T \\\"One\\\" {x}\", \"role\": \"case_manager\"}], "
    "\"students\": [{\"id\": \"S1\", \"birth_date\": \"2012-01-01\", \"school\": \"s\", \"case_manager\": \"t]1\", "
    "\"first_name\": \"Jos\\u00e9 \\\"]}\\\"\", \"last_name\": \"O'Brien [\\\\] {\\/}\", "
    "\"x-notes\": [[1, [2.5, {\"b\": \"]}\\\"[{\"}]], [], {\"c\\\"]}\": [\"\\ud83d\\ude00\"]}], "
    "\"guardians\": [{\"name\": \"Ana \\u00d1u\\u00f1ez\\n(tutora)\", \"phone\": \"555 \\t 0100\"}]}, "
    "{\"id\": \"S2\\\"\", \"birth_date\": \"2013-02-02\", \"school\": \"s\", \"first_name\": \"}]},{\"}], "
    "\"x-after\": {\"students\": [{\"id\": \"decoy\"}]}}";
  g_autoptr(GError) error = NULL;
  g_autoptr(ClCaseload) streamed = cl_bundle_read_data (text, -1, &error);
  g_autoptr(ClCaseload) tree = NULL;
  g_autofree char *a = NULL, *b = NULL;
  ClStudent *s1, *s2;

  g_assert_no_error (error);
  tree = read_from_json_glib (text, strlen (text), &error);
  g_assert_no_error (error);
  a = cl_bundle_write (streamed);
  b = cl_bundle_write (tree);
  g_assert_cmpstr (a, ==, b);

  g_assert_cmpuint (cl_caseload_get_students (streamed)->len, ==, 2);
  s1 = cl_caseload_lookup_student (streamed, "S1");
  s2 = cl_caseload_lookup_student (streamed, "S2\"");
  g_assert_nonnull (s1);
  g_assert_nonnull (s2);
  g_assert_cmpstr (s1->first_name, ==, "Jos\u00e9 \"]}\"");
  g_assert_cmpstr (s1->last_name, ==, "O'Brien [\\] {/}");
  g_assert_cmpstr (s1->case_manager->name, ==, "T \"One\" {x}");
  g_assert_cmpstr (g_array_index (s1->guardians, ClGuardian, 0).name, ==, "Ana \u00d1u\u00f1ez\n(tutora)");
  g_assert_cmpstr (s2->first_name, ==, "}]},{");
  g_assert_null (cl_caseload_lookup_student (streamed, "decoy"));
  g_assert_nonnull (strstr (a, "\U0001F600"));   /* the unknown member kept, its escapes read */
}

static void
test_fuzz (void)
{
  gsize length;
  g_autofree char *text = demo_bundle (&length);
  g_autoptr(GRand) rand = g_rand_new_with_seed (20261124);
  const char *values[] = { "null", "[]", "{}", "1e400", "-5", "\"x\"", "true", "0.5", "\"2026-13-01\"" };

  /* Truncated anywhere. */
  for (guint i = 0; i < 300; i++)
    check_outcome (text, (gsize) g_rand_int_range (rand, 0, (gint32) length));

  /* Mutated: flipped bytes, deleted and duplicated spans, values of another type. */
  for (guint i = 0; i < 1500; i++)
    {
      GString *s = g_string_new_len (text, length);
      guint n = g_rand_int_range (rand, 1, 5);

      for (guint k = 0; k < n; k++)
        {
          gsize pos = g_rand_int_range (rand, 0, (gint32) s->len);
          switch (g_rand_int_range (rand, 0, 4))
            {
            case 0:
              s->str[pos] = (char) g_rand_int_range (rand, 1, 256);
              break;
            case 1:
              g_string_erase (s, pos, MIN ((gsize) g_rand_int_range (rand, 1, 40), s->len - pos));
              break;
            case 2:
              g_string_insert_len (s, pos, s->str + pos, MIN ((gsize) g_rand_int_range (rand, 1, 40), s->len - pos));
              break;
            default:
              {
                const char *colon = strstr (s->str + pos, ": ");
                if (colon != NULL)
                  {
                    g_autofree char *v = g_strconcat (values[g_rand_int_range (rand, 0, G_N_ELEMENTS (values))], ",", NULL);
                    g_string_insert (s, colon - s->str + 2, v);
                  }
              }
            }
        }
      check_outcome (s->str, s->len);
      g_string_free (s, TRUE);
    }
}

static void
test_meeting_times (void)
{
  const struct { const char *starts; int minutes; } cases[] = {
    { "2027-02-10T15:30", 15 * 60 + 30 },
    { "2027-02-10T15:30:45", 15 * 60 + 30 },
    { "2027-02-10", -1 },
    { "2027-02-10 08:05", 8 * 60 + 5 },
    { "2027-02-10T15:30Z", 15 * 60 + 30 },
    { "2027-02-10T15:30:00-08:00", 15 * 60 + 30 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = g_strdup_printf (HEAD CAL STUDENT (", \"meetings\": [{\"id\": \"m\", \"kind\": \"annual\", \"starts\": \"%s\"}]"),
                                               cases[i].starts);
      g_autoptr(GError) error = NULL;
      g_autoptr(ClCaseload) c = cl_bundle_read_data (text, -1, &error);
      const ClMeeting *m;

      g_assert_no_error (error);
      m = g_ptr_array_index (cl_caseload_lookup_student (c, "S1")->meetings, 0);
      g_assert_cmpuint (m->date, ==, cl_date_from_ymd (2027, 2, 10));
      g_assert_cmpint (m->start_minutes, ==, cases[i].minutes);
    }
}

/* What json-glib would take but strict JSON does not, and what would overflow its recursion, is
 * refused with a message; an unknown member holding student-like objects is kept as unknown, not
 * read as students. */
static void
test_hostile_text (void)
{
  g_autoptr(GString) deep = g_string_new (HEAD CAL "\"x\": ");
  g_autoptr(GError) error = NULL;
  g_autoptr(ClCaseload) c = NULL;
  const char *commented = HEAD CAL "/* note */ " STUDENT ("");
  const char *quoted = HEAD CAL "'students': []}";
  const char *decoy = HEAD CAL "\"x-notes\": {\"list\": [{\"id\": \"decoy\", \"birth_date\": \"2012-01-01\", "
                      "\"school\": \"s\"}]}, " STUDENT ("");

  for (guint i = 0; i < 100000; i++)
    g_string_append_c (deep, '[');
  c = cl_bundle_read_data (deep->str, deep->len, &error);
  g_assert_null (c);
  g_assert_error (error, CL_BUNDLE_ERROR, CL_BUNDLE_ERROR_SYNTAX);
  g_assert_nonnull (strstr (error->message, "nested more than 512 levels"));
  g_clear_error (&error);

  g_assert_null (cl_bundle_read_data (commented, -1, &error));
  g_assert_error (error, CL_BUNDLE_ERROR, CL_BUNDLE_ERROR_SYNTAX);
  g_assert_nonnull (strstr (error->message, "unexpected character `/'"));
  g_clear_error (&error);

  g_assert_null (cl_bundle_read_data (quoted, -1, &error));
  g_assert_error (error, CL_BUNDLE_ERROR, CL_BUNDLE_ERROR_SYNTAX);
  g_clear_error (&error);

  c = cl_bundle_read_data (decoy, -1, &error);
  g_assert_no_error (error);
  g_assert_nonnull (cl_caseload_lookup_student (c, "S1"));
  g_assert_null (cl_caseload_lookup_student (c, "decoy"));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/bundle/fields", test_fields);
  g_test_add_func ("/bundle/errors", test_errors);
  g_test_add_func ("/bundle/meeting-times", test_meeting_times);
  g_test_add_func ("/bundle/round-trip", test_round_trip);
  g_test_add_func ("/bundle/new-fields-round-trip", test_new_fields_round_trip);
  g_test_add_func ("/bundle/member-order", test_member_order);
  g_test_add_func ("/bundle/fuzz", test_fuzz);
  g_test_add_func ("/bundle/hostile-text", test_hostile_text);
  g_test_add_func ("/bundle/strict-parser", test_strict_parser);
  g_test_add_func ("/bundle/tricky-strings", test_tricky_strings);
  return g_test_run ();
}
