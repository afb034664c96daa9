/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-cli-conflicts.c — caseload-cli conflicts: the changes of this laptop that met another's */
#define G_LOG_DOMAIN "cl-cli-conflicts"

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <stdio.h>

#include "cl-cli.h"
#include "cl-store.h"

static void
print_json (GPtrArray *conflicts)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(JsonGenerator) gen = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *text = NULL;

  json_builder_begin_array (b);
  for (guint i = 0; i < conflicts->len; i++)
    {
      const ClConflict *c = conflicts->pdata[i];

      json_builder_begin_object (b);
      json_builder_set_member_name (b, "id");
      json_builder_add_int_value (b, c->id);
      json_builder_set_member_name (b, "student");
      c->student_uid ? json_builder_add_string_value (b, c->student_uid) : json_builder_add_null_value (b);
      json_builder_set_member_name (b, "student_name");
      json_builder_add_string_value (b, c->student_name);
      json_builder_set_member_name (b, "what");
      json_builder_add_string_value (b, c->what);
      json_builder_set_member_name (b, "field");
      json_builder_add_string_value (b, c->field);
      json_builder_set_member_name (b, "mine");
      json_builder_add_string_value (b, c->mine);
      json_builder_set_member_name (b, "theirs");
      json_builder_add_string_value (b, c->theirs);
      json_builder_set_member_name (b, "their_author");
      c->their_author ? json_builder_add_string_value (b, c->their_author) : json_builder_add_null_value (b);
      json_builder_set_member_name (b, "their_time");
      c->their_time ? json_builder_add_string_value (b, c->their_time) : json_builder_add_null_value (b);
      json_builder_set_member_name (b, "refused");
      json_builder_add_boolean_value (b, c->refused);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  root = json_builder_get_root (b);
  json_generator_set_pretty (gen, TRUE);
  json_generator_set_root (gen, root);
  text = json_generator_to_data (gen, NULL);
  printf ("%s\n", text);
}

static void
print_text (GPtrArray *conflicts)
{
  if (conflicts->len == 0)
    {
      printf ("%s\n", _("No conflicts: every change here agrees with the district server."));
      return;
    }
  for (guint i = 0; i < conflicts->len; i++)
    {
      const ClConflict *c = conflicts->pdata[i];
      g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, c->id);

      if (c->refused)
        {
          /* TRANSLATORS: a change the server refused: its id, the student, the kind of record;
           * then what this laptop did to it and what the server has */
          printf (_("#%s  %s (%s) — %s, refused by the district server (this login may not make it)\n"
                    "    mine:   %s\n    theirs: %s\n"),
                  id, c->student_name, c->student_uid ? c->student_uid : "—", c->what, c->mine, c->theirs);
          continue;
        }
      /* TRANSLATORS: a conflict: its id, the student, the kind of record and field; then this
       * laptop's value, the server's, and who sent the server's and when. */
      printf (_("#%s  %s (%s) — %s, %s\n    mine:   %s\n    theirs: %s (%s, %s)\n"),
              id, c->student_name, c->student_uid ? c->student_uid : "—", c->what, c->field, c->mine, c->theirs,
              c->their_author ? c->their_author : "?", c->their_time ? c->their_time : "?");
    }
}

int
cl_cli_conflicts (int    argc,
                  char **argv)
{
  g_autofree char *db_path = NULL;
  g_autofree char *format = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(ClStore) store = NULL;
  g_autoptr(GPtrArray) conflicts = NULL;
  GOptionEntry entries[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &db_path, N_("The database"), N_("DB") },
    { "format", 0, 0, G_OPTION_ARG_STRING, &format, N_("text (default) or json"), N_("FORMAT") },
    { NULL }
  };

  if (!cl_cli_parse ("conflicts", _("— list the changes of this database that met someone else's on the server"),
                     entries, &argc, &argv))
    return 2;
  if (db_path == NULL || argc != 1 ||
      (format != NULL && !g_str_equal (format, "json") && !g_str_equal (format, "text")))
    {
      fprintf (stderr, "%s\n", _("usage: caseload-cli conflicts --db DB [--format text|json]"));
      return 2;
    }
  store = cl_store_open (db_path, FALSE, &error);
  if (store == NULL || (conflicts = cl_store_list_conflicts (store, &error)) == NULL)
    {
      fprintf (stderr, "caseload-cli conflicts: %s\n", error->message);
      return 1;
    }
  if (format != NULL && g_str_equal (format, "json"))
    print_json (conflicts);
  else
    print_text (conflicts);
  return 0;
}
