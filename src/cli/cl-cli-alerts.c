/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-cli-alerts.c — `caseload-cli alerts`: every obligation, with its basis */
#define G_LOG_DOMAIN "caseload-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "cl-bundle-reader.h"
#include "cl-deadline-engine.h"
#include "cl-obligation-format.h"
#include "cl-store.h"
#include "cl-cli.h"

static gboolean
write_all (const char *text)
{
  return fputs (text, stdout) >= 0 && fflush (stdout) == 0;
}

/* Written out in pieces of about this size: few writes, and little held. */
#define FLUSH_BYTES (256 * 1024)

static gboolean
write_part (GString *out)
{
  gboolean ok = fwrite (out->str, 1, out->len, stdout) == out->len;

  g_string_truncate (out, 0);
  return ok;
}

/* Every student of the database @store (or only @student_id), in id order, computed and written
 * out one at a time, so memory holds one student whatever the size of the database; the output is
 * the same bytes as computing the whole caseload at once (cl_deadline_engine_compute() also goes
 * by id). Whether every student can be computed is checked first: a run that fails prints
 * nothing. */
static int
stream_alerts (ClStore          *store,
               const char       *source,
               ClDeadlineEngine *engine,
               ClDate            today,
               const char       *student_id,
               gboolean          text)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ClStoreStream) stream = cl_store_stream_new (store, CL_STORE_STREAM_BY_ID, CL_STORE_STREAM_READ_AHEAD, &error);
  g_autoptr(GPtrArray) firsts = NULL;
  g_autoptr(GString) out = g_string_sized_new (FLUSH_BYTES + 64 * 1024);
  ClCaseload *header;
  ClStudent *student;
  ClJsonWriter w;
  gboolean found = FALSE;

  if (stream == NULL || (firsts = cl_store_stream_list_firsts (stream, &error)) == NULL)
    {
      fprintf (stderr, "caseload-cli alerts: %s\n", error->message);
      return 1;
    }
  header = cl_store_stream_get_caseload (stream);
  /* (For one student, their own computation says it, before anything is written.) */
  for (guint i = 0; student_id == NULL && i < firsts->len; i++)
    if (!cl_deadline_engine_can_compute (engine, header, g_ptr_array_index (firsts, i), &error))
      {
        fprintf (stderr, "caseload-cli alerts: %s: %s\n", source, error->message);
        return 1;
      }

  if (text)
    cl_obligations_text_begin (out, today);
  else
    cl_obligations_json_begin (&w, out);
  for (;;)
    {
      g_autoptr(GPtrArray) obligations = NULL;

      if (!cl_store_stream_next (stream, &student, &error))
        {
          fprintf (stderr, "caseload-cli alerts: %s\n", error->message);
          return 1;
        }
      if (student == NULL)
        break;
      if (student_id != NULL && !(found = g_str_equal (student->id, student_id)))
        continue;
      obligations = cl_deadline_engine_compute_student (engine, header, student, today, &error);
      if (obligations == NULL)
        {
          fprintf (stderr, "caseload-cli alerts: %s: %s\n", source, error->message);
          return 1;
        }
      if (text)
        cl_obligations_text_add (out, obligations);
      else
        cl_obligations_json_add (&w, obligations);
      if (out->len >= FLUSH_BYTES && !write_part (out))
        return 1;
      if (found)
        break;
    }
  if (student_id != NULL && !found)
    {
      fprintf (stderr, _("caseload-cli alerts: %s: no student with id “%s”\n"), source, student_id);
      return 1;
    }
  if (!text)
    cl_obligations_json_end (&w);
  return write_part (out) && fflush (stdout) == 0 ? 0 : 1;
}

int
cl_cli_alerts (int    argc,
               char **argv)
{
  g_autofree char *bundle_path = NULL;
  g_autofree char *db_path = NULL;
  g_autofree char *url = NULL;
  g_autofree char *school_id = NULL;
  g_auto(ClCliServerCopy) server_copy = NULL;
  g_autofree char *today_text = NULL;
  g_autofree char *student_id = NULL;
  g_autofree char *format = NULL;
  g_autofree char *rules_dir = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(ClStore) store = NULL;
  g_autoptr(ClCaseload) caseload = NULL;
  g_autoptr(ClRulePackSet) packs = NULL;
  g_autoptr(ClDeadlineEngine) engine = NULL;
  g_autoptr(GPtrArray) obligations = NULL;
  g_autofree char *user_rules = NULL;
  const char *source;
  ClDate today;
  gsize length;
  GOptionEntry entries[] = {
    { "bundle", 'b', 0, G_OPTION_ARG_FILENAME, &bundle_path, N_("Read the caseload from a bundle"), N_("FILE") },
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &db_path, N_("Read the caseload from a database"), N_("FILE") },
    { "url", 0, 0, G_OPTION_ARG_STRING, &url, N_("Read the caseload from the district server, as a libpq connection string"), N_("URL") },
    { "school", 0, 0, G_OPTION_ARG_STRING, &school_id, N_("With --url: only this school's students"), N_("ID") },
    { "today", 0, 0, G_OPTION_ARG_STRING, &today_text, N_("Compute as of this date (default: today)"), N_("YYYY-MM-DD") },
    { "student", 0, 0, G_OPTION_ARG_STRING, &student_id, N_("Only this student"), N_("ID") },
    { "format", 0, 0, G_OPTION_ARG_STRING, &format, N_("json (default) or text"), N_("FORMAT") },
    { "rules-dir", 0, 0, G_OPTION_ARG_FILENAME, &rules_dir, N_("Also load the rule packs in this directory"), N_("DIR") },
    { NULL }
  };

  context = g_option_context_new (_("— list every obligation the rules derive"));
  g_option_context_set_summary (context,
                                _("Prints one object per obligation (met ones included), sorted by "
                                  "student, due date and rule, each with the rule's citation and "
                                  "the dates it was computed from."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      fprintf (stderr, "caseload-cli alerts: %s\n", error->message);
      return 2;
    }
  if (argc > 1)
    {
      fprintf (stderr, _("caseload-cli alerts: unexpected argument “%s”\n"), argv[1]);
      return 2;
    }
  if ((bundle_path != NULL) + (db_path != NULL) + (url != NULL) != 1 || (school_id != NULL && url == NULL))
    {
      fprintf (stderr, "%s\n", _("caseload-cli alerts: give exactly one of --bundle FILE, --db FILE or --url URL [--school ID]"));
      return 2;
    }
  if (format != NULL && !g_str_equal (format, "json") && !g_str_equal (format, "text"))
    {
      fprintf (stderr, _("caseload-cli alerts: unknown format “%s” (json or text)\n"), format);
      return 2;
    }
  if (today_text == NULL)
    today = cl_date_today ();
  else if (!cl_date_parse_iso (today_text, &today))
    {
      fprintf (stderr, _("caseload-cli alerts: --today: “%s” is not a date (YYYY-MM-DD)\n"), today_text);
      return 2;
    }
  /* The server's records are copied into a private database first, read as any other, and
   * removed when the command ends. */
  if (url != NULL)
    {
      if ((server_copy = _cl_cli_copy_from_server (url, school_id, &error)) == NULL)
        {
          fprintf (stderr, "caseload-cli alerts: %s\n", error->message);
          return 1;
        }
      db_path = g_strdup (server_copy);
    }
  if (db_path != NULL)
    {
      /* Only this thread ever uses the connection: no lock around each of the millions of
       * column reads a district's stream makes. */
      store = cl_store_open_with_flags (db_path, CL_STORE_OPEN_ONE_THREAD, &error);
      if (store == NULL)
        {
          fprintf (stderr, "caseload-cli alerts: %s\n", error->message);
          return 1;
        }
      source = db_path;
    }
  else
    {
      if (!g_file_get_contents (bundle_path, &contents, &length, &error))
        {
          fprintf (stderr, "caseload-cli alerts: %s\n", error->message);
          return 1;
        }
      caseload = cl_bundle_read_data (contents, length, &error);
      if (caseload == NULL)
        {
          fprintf (stderr, "caseload-cli alerts: %s: %s\n", bundle_path, error->message);
          return 1;
        }
      source = bundle_path;
    }

  packs = cl_rule_pack_set_new_builtin (&error);
  user_rules = g_build_filename (g_get_user_data_dir (), "caseload", "rules", NULL);
  if (packs == NULL ||
      !cl_rule_pack_set_add_dir (packs, user_rules, &error) ||
      (rules_dir != NULL && !cl_rule_pack_set_add_dir (packs, rules_dir, &error)))
    {
      fprintf (stderr, "caseload-cli alerts: %s\n", error->message);
      return 1;
    }
  engine = cl_deadline_engine_new (packs);

  if (caseload == NULL)
    return stream_alerts (store, source, engine, today, student_id,
                          format != NULL && g_str_equal (format, "text"));
  if (student_id != NULL)
    {
      ClStudent *student = cl_caseload_lookup_student (caseload, student_id);

      if (student == NULL)
        {
          fprintf (stderr, _("caseload-cli alerts: %s: no student with id “%s”\n"), source, student_id);
          return 1;
        }
      obligations = cl_deadline_engine_compute_student (engine, caseload, student, today, &error);
    }
  else
    obligations = cl_deadline_engine_compute (engine, caseload, today, &error);

  if (obligations == NULL)
    {
      fprintf (stderr, "caseload-cli alerts: %s: %s\n", source, error->message);
      return 1;
    }

  if (format != NULL && g_str_equal (format, "text"))
    {
      g_autofree char *text = cl_obligations_to_text (obligations, today);
      if (!write_all (text))
        return 1;
    }
  else
    {
      g_autofree char *json = cl_obligations_to_json (obligations);
      if (!write_all (json))
        return 1;
    }
  return 0;
}
