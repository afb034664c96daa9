/* cl-cli-bench.c — `caseload-cli bench`: how fast the engine is on a caseload of real size
 *
 * Builds a synthetic caseload (cl-synthetic-caseload.c) and times each measure several times,
 * reporting the median, so one slow run on a busy laptop does not decide the figure.
 */
#define G_LOG_DOMAIN "caseload-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <sys/resource.h>

#include "cl-deadline-engine.h"
#include "cl-obligation-format.h"
#include "cl-synthetic-caseload.h"
#include "cl-cli.h"

#define RUNS 5

typedef struct {
  const char *name;
  double      value;
  const char *unit;
  const char *detail;
} Measure;

static int
compare_doubles (const void *a,
                 const void *b)
{
  double da = *(const double *) a, db = *(const double *) b;
  return (da > db) - (da < db);
}

static double
median_ms (double *samples,
           guint   n)
{
  qsort (samples, n, sizeof (double), compare_doubles);
  return samples[n / 2];
}

static double
peak_rss_mb (void)
{
  struct rusage usage;

  if (getrusage (RUSAGE_SELF, &usage) != 0)
    return 0;
  return usage.ru_maxrss / 1024.0;   /* Linux reports kilobytes */
}

int
cl_cli_bench (int    argc,
              char **argv)
{
  int n_students = 10000;
  int n_events = 25;
  g_autofree char *format = NULL;
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(ClCaseload) caseload = NULL;
  g_autoptr(ClRulePackSet) packs = NULL;
  g_autoptr(ClDeadlineEngine) engine = NULL;
  g_autoptr(GArray) measures = g_array_new (FALSE, FALSE, sizeof (Measure));
  g_autofree char *build_detail = NULL;
  g_autofree char *alerts_detail = NULL;
  double samples[RUNS];
  ClDate today = cl_date_from_ymd (2026, 11, 24);
  gint64 t0;
  guint n_obligations = 0;
  GOptionEntry entries[] = {
    { "students", 0, 0, G_OPTION_ARG_INT, &n_students, N_("Students in the caseload (default 10000)"), N_("N") },
    { "events", 0, 0, G_OPTION_ARG_INT, &n_events, N_("Events per student (default 25)"), N_("N") },
    { "format", 0, 0, G_OPTION_ARG_STRING, &format, N_("text (default) or json"), N_("FORMAT") },
    { NULL }
  };

  context = g_option_context_new (_("— measure Caseload on a synthetic caseload"));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error) || argc > 1 ||
      n_students < 1 || n_events < 4 ||
      (format && !g_str_equal (format, "json") && !g_str_equal (format, "text")))
    {
      fprintf (stderr, "caseload-cli bench: %s\n",
               error ? error->message : _("usage: caseload-cli bench [--students N] [--events N] [--format text|json]"));
      return 2;
    }

  t0 = g_get_monotonic_time ();
  caseload = cl_synthetic_caseload_new (n_students, n_events, 42, today);
  build_detail = g_strdup_printf ("%d students × %d events, in memory", n_students, n_events);
  g_array_append_vals (measures, &(Measure) { "build_caseload", (g_get_monotonic_time () - t0) / 1000.0, "ms", build_detail }, 1);

  packs = cl_rule_pack_set_new_builtin (&error);
  if (packs == NULL)
    {
      fprintf (stderr, "caseload-cli bench: %s\n", error->message);
      return 1;
    }
  engine = cl_deadline_engine_new (packs);

  for (guint run = 0; run < RUNS; run++)
    {
      g_autoptr(GPtrArray) obligations = NULL;

      t0 = g_get_monotonic_time ();
      obligations = cl_deadline_engine_compute (engine, caseload, today, &error);
      samples[run] = (g_get_monotonic_time () - t0) / 1000.0;
      if (obligations == NULL)
        {
          fprintf (stderr, "caseload-cli bench: %s\n", error->message);
          return 1;
        }
      n_obligations = obligations->len;
    }
  alerts_detail = g_strdup_printf ("%u obligations, one core, median of %d", n_obligations, RUNS);
  g_array_append_vals (measures, &(Measure) { "alerts_engine", median_ms (samples, RUNS), "ms", alerts_detail }, 1);

  for (guint run = 0; run < RUNS; run++)
    {
      g_autoptr(GPtrArray) obligations = cl_deadline_engine_compute (engine, caseload, today, NULL);
      g_autofree char *json = NULL;

      t0 = g_get_monotonic_time ();
      json = cl_obligations_to_json (obligations);
      samples[run] = (g_get_monotonic_time () - t0) / 1000.0;
    }
  g_array_append_vals (measures, &(Measure) { "alerts_json", median_ms (samples, RUNS), "ms", "formatting every obligation as JSON" }, 1);
  g_array_append_vals (measures, &(Measure) { "peak_rss", peak_rss_mb (), "MB", "whole run" }, 1);

  if (format && g_str_equal (format, "json"))
    {
      g_autoptr(JsonBuilder) b = json_builder_new ();
      g_autoptr(JsonNode) root = NULL;
      g_autofree char *text = NULL;

      json_builder_begin_object (b);
      for (guint i = 0; i < measures->len; i++)
        {
          const Measure *m = &g_array_index (measures, Measure, i);
          json_builder_set_member_name (b, m->name);
          json_builder_begin_object (b);
          json_builder_set_member_name (b, "value");
          json_builder_add_double_value (b, m->value);
          json_builder_set_member_name (b, "unit");
          json_builder_add_string_value (b, m->unit);
          json_builder_set_member_name (b, "ratio");
          json_builder_add_null_value (b);
          json_builder_end_object (b);
        }
      json_builder_end_object (b);
      root = json_builder_get_root (b);
      text = json_to_string (root, TRUE);
      printf ("%s\n", text);
    }
  else
    for (guint i = 0; i < measures->len; i++)
      {
        const Measure *m = &g_array_index (measures, Measure, i);
        printf ("%-16s %10.1f %-3s %s\n", m->name, m->value, m->unit, m->detail);
      }
  return 0;
}
