/* SPDX-License-Identifier: GPL-3.0-or-later */
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
#include <time.h>
#include <unistd.h>

#include <fcntl.h>
#include <gio/gunixoutputstream.h>
#include <glib/gstdio.h>
#include <sqlite3.h>

#include "cl-bundle-reader.h"
#include "cl-bundle-writer.h"
#include "cl-deadline-engine.h"
#include "cl-documents.h"
#include <poppler.h>
#include "cl-store.h"
#include "cl-obligation-format.h"
#include "cl-obligation-words.h"
#include "cl-student-search.h"
#include "cl-synthetic-caseload.h"
#include "cl-cli.h"

#define RUNS 5

/* poppler-glib 22.12 does not define these yet. */
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PopplerDocument, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PopplerPage, g_object_unref)

typedef struct {
  const char *name;
  double      value;
  const char *unit;
  const char *detail;
  double      ratio;     /* 0 when the measure has none */
} Measure;

/* The CPU time the process has used, in ms: on a machine shared with other work the wall time
 * says as much about the others as about us, the CPU time only about us. */
static double
cpu_now_ms (void)
{
  struct timespec ts;

  if (clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &ts) != 0)
    return 0;
  return ts.tv_sec * 1000.0 + ts.tv_nsec / 1e6;
}

/* What SQLite alone needs to hand over every row the caseload is made of: the floor any loader
 * stands on, to compare `alerts` from the database with. */
static double
raw_read_ms (const char *path,
             double     *out_cpu_ms)
{
  static const char * const queries[] = {
    "SELECT * FROM calendars", "SELECT * FROM calendar_closed", "SELECT * FROM schools",
    "SELECT * FROM school_calendars", "SELECT * FROM staff", "SELECT * FROM students ORDER BY position",
    "SELECT * FROM guardians ORDER BY student_id, position", "SELECT * FROM events ORDER BY student_id, position",
    "SELECT * FROM meetings ORDER BY student_id, position",
    "SELECT * FROM invitees ORDER BY student_id, meeting_id, position",
  };
  sqlite3 *db = NULL;
  gint64 t0;
  double c0;
  guint64 touched = 0;

  if (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK)
    return -1;
  t0 = g_get_monotonic_time ();
  c0 = cpu_now_ms ();
  sqlite3_exec (db, "BEGIN", NULL, NULL, NULL);
  for (guint q = 0; q < G_N_ELEMENTS (queries); q++)
    {
      sqlite3_stmt *stmt = NULL;

      if (sqlite3_prepare_v2 (db, queries[q], -1, &stmt, NULL) != SQLITE_OK)
        continue;
      while (sqlite3_step (stmt) == SQLITE_ROW)
        for (int c = 0; c < sqlite3_column_count (stmt); c++)
          touched += sqlite3_column_bytes (stmt, c);
      sqlite3_finalize (stmt);
    }
  sqlite3_exec (db, "COMMIT", NULL, NULL, NULL);
  sqlite3_close (db);
  *out_cpu_ms = cpu_now_ms () - c0;
  return (g_get_monotonic_time () - t0) / 1000.0 + (touched == G_MAXUINT64);
}

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

/* Import as a user does it: the bundle's text read, checked and written into a new database at
 * @db_path in one transaction. The store is kept open in @out_store when it is not NULL. */
static gboolean
timed_import (const char  *bundle,
              const char  *db_path,
              double      *out_wall_ms,
              double      *out_cpu_ms,
              ClStore    **out_store,
              GError     **error)
{
  g_autoptr(ClCaseload) read_back = NULL;
  g_autoptr(ClStore) store = NULL;
  gint64 t0;
  double c0;

  /* What an earlier import left for the disk is written out first, not during this one: the
   * tenth comes right after the 470 MB of 100,000 students. */
  sync ();
  t0 = g_get_monotonic_time ();
  c0 = cpu_now_ms ();

  read_back = cl_bundle_read_data (bundle, -1, error);
  store = read_back ? cl_store_open (db_path, TRUE, error) : NULL;
  if (store == NULL || !cl_store_import (store, read_back, FALSE, NULL, NULL, error))
    return FALSE;
  *out_wall_ms = (g_get_monotonic_time () - t0) / 1000.0;
  *out_cpu_ms = cpu_now_ms () - c0;
  if (out_store != NULL)
    *out_store = g_steal_pointer (&store);
  return TRUE;
}

static double
peak_rss_mb (void)
{
  struct rusage usage;

  if (getrusage (RUSAGE_SELF, &usage) != 0)
    return 0;
  return usage.ru_maxrss / 1024.0;   /* Linux reports kilobytes */
}

/* What a keystroke in the list's search does: fold the query once, then test every student's
 * precomputed key (the window's filter does the same through cl_student_row_matches()). */
static guint
search_all (GPtrArray  *keys,
            const char *text)
{
  g_autoptr(ClStudentQuery) query = cl_student_query_new (text);
  guint found = 0;

  for (guint i = 0; i < keys->len; i++)
    found += cl_student_query_matches (query, g_ptr_array_index (keys, i));
  return found;
}


/* The texts of a student's file as cl-student-page.c writes them (without the widgets): each
 * obligation's title, dates and basis, the details, the family and the timeline. Returns how many
 * bytes that is, so the work cannot be optimised away. */
static gsize
format_student_page (const ClStudent *s,
                     GPtrArray       *obligations,
                     ClDate           today)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autofree char *name = cl_student_dup_display_name (s);
  g_autofree char *birth = cl_date_dup_long (s->birth_date);

  g_string_append_printf (out, "%s\n%u obligations\n", name, obligations->len);
  for (guint i = 0; i < obligations->len; i++)
    {
      const ClObligation *ob = g_ptr_array_index (obligations, i);
      g_autofree char *due = cl_date_dup_long (ob->due);
      g_autofree char *from = cl_obligation_dup_from_text (ob, cl_words_for_locale ());
      g_autofree char *counted = cl_obligation_dup_counted_text (ob, cl_words_for_locale ());
      g_autofree char *met = ob->met_on != CL_DATE_NONE ? cl_date_dup_long (ob->met_on) : NULL;

      g_string_append_printf (out, "%s\n", ob->rule->title);
      if (met)
        g_string_append_printf (out, "Due %s · done %s\n", due, met);
      else
        g_string_append_printf (out, "Due %s\n", due);
      g_string_append_printf (out, "%s\n%s\n%s\n%s\n", ob->rule->sentence, ob->citation, from, counted);
      if (ob->note)
        g_string_append_printf (out, "%s\n", ob->note);
      if (ob->estimated)
        {
          g_autofree char *note = cl_obligation_dup_estimate_note (ob);
          g_string_append_printf (out, "%s\n", note ? note : "");
        }
    }
  g_string_append_printf (out, "%s\n%s (age %d)\n%s\n%s\n%s\n%s\n%s\n", s->id, birth,
                          cl_date_age_on (s->birth_date, today), s->grade ? s->grade : "—",
                          s->school && s->school->name ? s->school->name : "—",
                          s->case_manager && s->case_manager->name ? s->case_manager->name : "—",
                          s->eligibility_primary ? s->eligibility_primary : "—",
                          s->home_language ? s->home_language : "—");
  for (guint i = 0; i < s->guardians->len; i++)
    {
      const ClGuardian *g = &g_array_index (s->guardians, ClGuardian, i);
      g_string_append_printf (out, "%s\n%s · %s · %s\n", g->name, g->relationship ? g->relationship : "",
                              g->phone ? g->phone : "", g->language ? g->language : "");
    }
  for (guint i = s->events->len; i > 0; i--)
    {
      const ClEvent *e = &g_array_index (s->events, ClEvent, i - 1);
      g_autofree char *when = cl_date_dup_long (e->date);
      g_string_append_printf (out, "%s\n%s\n", cl_event_type_names[e->type], when);
    }
  return out->len;
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
  {
    g_autofree char *dir = g_dir_make_tmp ("caseload-bench-XXXXXX", NULL);
    g_autofree char *db_path = g_build_filename (dir, "bench.db", NULL);
    g_autofree char *bundle = cl_bundle_write (caseload);
    g_autoptr(ClStore) store = NULL;
    double raw, alerts_db, raw_cpu, alerts_db_cpu, import_ms, import_cpu;
    double cpu_samples[3];
    g_autoptr(ClStore) alerts_store = NULL;

    if (!timed_import (bundle, db_path, &import_ms, &import_cpu, &store, &error))
      {
        fprintf (stderr, "caseload-cli bench: %s\n", error->message);
        return 1;
      }
    g_clear_pointer (&bundle, g_free);
    g_array_append_vals (measures, &(Measure) { "import", import_ms, "ms",
                                                "bundle text to a new database, one transaction" }, 1);
    g_array_append_vals (measures, &(Measure) { "import_cpu", import_cpu, "ms", "the import's CPU time" }, 1);

    /* Whether the import grows linearly, in one run (the machine's load is the same for both):
     * a district a tenth the size imported the same way, after the full one. */
    if (n_students >= 20000)
      {
        g_autofree char *tenth_path = g_build_filename (dir, "tenth.db", NULL);
        g_autofree char *tenth_detail = g_strdup_printf ("%d students, as import, median of 3", n_students / 10);
        g_autoptr(ClCaseload) tenth = cl_synthetic_caseload_new (n_students / 10, n_events, 42, today);
        g_autofree char *tenth_bundle = cl_bundle_write (tenth);
        double tenth_ms, tenth_cpu, tenth_samples[3];

        /* A one-second import, where a second of the machine's own doing shows: the median of three. */
        g_clear_object (&tenth);
        for (guint i = 0; i < G_N_ELEMENTS (tenth_samples); i++)
          {
            if (!timed_import (tenth_bundle, tenth_path, &tenth_samples[i], &cpu_samples[i], NULL, &error))
              {
                fprintf (stderr, "caseload-cli bench: %s\n", error->message);
                return 1;
              }
            _cl_cli_remove_database (tenth_path);
          }
        tenth_ms = median_ms (tenth_samples, G_N_ELEMENTS (tenth_samples));
        tenth_cpu = median_ms (cpu_samples, G_N_ELEMENTS (cpu_samples));
        g_array_append_vals (measures, &(Measure) { "import_tenth", tenth_ms, "ms", g_steal_pointer (&tenth_detail) }, 1);
        g_array_append_vals (measures, &(Measure) { "import_tenth_cpu", tenth_cpu, "ms", "its CPU time" }, 1);
        g_array_append_vals (measures, &(Measure) { "import_growth", import_ms / MAX (tenth_ms, 0.001), "×",
                                                    "import ÷ import_tenth (linear: 10; target ≤ 12)",
                                                    import_ms / MAX (tenth_ms, 0.001) }, 1);
        g_array_append_vals (measures, &(Measure) { "import_growth_cpu", import_cpu / MAX (tenth_cpu, 0.001), "×",
                                                    "import_cpu ÷ import_tenth_cpu",
                                                    import_cpu / MAX (tenth_cpu, 0.001) }, 1);
      }

    /* As `caseload-cli export` does it: streamed, one student at a time, here into /dev/null. */
    for (guint run = 0; run < 3; run++)
      {
        g_autoptr(GOutputStream) sink = NULL;
        int fd = g_open ("/dev/null", O_WRONLY | O_CLOEXEC, 0);

        sink = g_unix_output_stream_new (fd, TRUE);
        t0 = g_get_monotonic_time ();
        if (!cl_store_export_to_stream (store, sink, NULL, NULL, NULL, &error))
          {
            fprintf (stderr, "caseload-cli bench: %s\n", error->message);
            return 1;
          }
        samples[run] = (g_get_monotonic_time () - t0) / 1000.0;
      }
    g_array_append_vals (measures, &(Measure) { "export", median_ms (samples, 3), "ms",
                                                "database to bundle text, streamed, median of 3" }, 1);
    for (guint run = 0; run < 3; run++)
      {
        g_autoptr(ClCaseload) loaded = NULL;

        t0 = g_get_monotonic_time ();
        loaded = cl_store_load_caseload (store, NULL);
        samples[run] = (g_get_monotonic_time () - t0) / 1000.0;
      }
    g_array_append_vals (measures, &(Measure) { "load_caseload", median_ms (samples, 3), "ms",
                                                "the whole database into memory, as the window reads it, median of 3" }, 1);

    for (guint run = 0; run < 3; run++)
      samples[run] = raw_read_ms (db_path, &cpu_samples[run]);
    raw = median_ms (samples, 3);
    raw_cpu = median_ms (cpu_samples, 3);
    /* As `caseload-cli alerts --db` does it: on a connection opened as alerts opens it (less the
     * check of a file written a moment ago), students streamed by id, each computed as it comes. */
    alerts_store = cl_store_open_with_flags (db_path, CL_STORE_OPEN_ONE_THREAD | CL_STORE_OPEN_SKIP_CHECK, &error);
    if (alerts_store == NULL)
      {
        fprintf (stderr, "caseload-cli bench: %s\n", error->message);
        return 1;
      }
    for (guint run = 0; run < 3; run++)
      {
        g_autoptr(ClStoreStream) stream = NULL;
        ClStudent *student;
        guint n = 0;
        double c0 = cpu_now_ms ();

        t0 = g_get_monotonic_time ();
        stream = cl_store_stream_new (alerts_store, CL_STORE_STREAM_BY_ID, CL_STORE_STREAM_READ_AHEAD, NULL);
        while (stream != NULL && cl_store_stream_next (stream, &student, NULL) && student != NULL)
          {
            g_autoptr(GPtrArray) obligations =
              cl_deadline_engine_compute_student (engine, cl_store_stream_get_caseload (stream), student, today, NULL);
            n += obligations ? obligations->len : 0;
          }
        samples[run] = (g_get_monotonic_time () - t0) / 1000.0;
        cpu_samples[run] = cpu_now_ms () - c0;
        if (n != n_obligations)
          {
            fprintf (stderr, "caseload-cli bench: %u obligations from the database, %u in memory\n", n, n_obligations);
            return 1;
          }
      }
    alerts_db = median_ms (samples, 3);
    alerts_db_cpu = median_ms (cpu_samples, 3);
    g_array_append_vals (measures, &(Measure) { "alerts_db", alerts_db, "ms",
                                                "read from the database student by student and compute, median of 3" }, 1);
    g_array_append_vals (measures, &(Measure) { "alerts_db_cpu", alerts_db_cpu, "ms", "its CPU time, median of 3" }, 1);
    g_array_append_vals (measures, &(Measure) { "raw_read", raw, "ms", "SQLite alone stepping over the same rows" }, 1);
    g_array_append_vals (measures, &(Measure) { "raw_read_cpu", raw_cpu, "ms", "its CPU time, median of 3" }, 1);
    g_array_append_vals (measures, &(Measure) { "alerts_vs_raw_read", alerts_db / MAX (raw, 0.001), "×",
                                                "alerts_db ÷ raw_read", alerts_db / MAX (raw, 0.001) }, 1);
    g_array_append_vals (measures, &(Measure) { "alerts_vs_raw_read_cpu", alerts_db_cpu / MAX (raw_cpu, 0.001), "×",
                                                "alerts_db_cpu ÷ raw_read_cpu", alerts_db_cpu / MAX (raw_cpu, 0.001) }, 1);
    g_clear_object (&alerts_store);
    g_clear_object (&store);
    _cl_cli_remove_database (db_path);
    g_rmdir (dir);
  }
  /* Documents: a meeting notice for a student with a planned meeting, and its first page drawn by
   * Poppler at 150 dpi, as the preview does. */
  {
    GPtrArray *students = cl_caseload_get_students (caseload);
    ClStudent *with_meeting = NULL;
    g_autoptr(GBytes) pdf = NULL;
    guint pages = 0;

    for (guint i = 0; i < students->len && with_meeting == NULL; i++)
      if (((ClStudent *) g_ptr_array_index (students, i))->meetings->len > 0)
        with_meeting = g_ptr_array_index (students, i);
    for (guint run = 0; with_meeting && run < RUNS; run++)
      {
        g_autoptr(GBytes) one = NULL;

        t0 = g_get_monotonic_time ();
        one = cl_document_render (CL_DOCUMENT_MEETING_NOTICE, caseload, with_meeting, NULL, NULL, "en", today, &pages, NULL);
        samples[run] = (g_get_monotonic_time () - t0) / 1000.0;
        if (run == 0)
          pdf = g_steal_pointer (&one);
      }
    if (pdf != NULL)
      {
        g_autofree char *detail = g_strdup_printf ("a %u-page meeting notice, median of %d", pages, RUNS);
        g_autoptr(PopplerDocument) doc = poppler_document_new_from_bytes (pdf, NULL, NULL);

        g_array_append_vals (measures, &(Measure) { "notice_pdf", median_ms (samples, RUNS), "ms", g_steal_pointer (&detail) }, 1);
        for (guint run = 0; doc && run < RUNS; run++)
          {
            g_autoptr(PopplerPage) page = poppler_document_get_page (doc, 0);
            double w, h;
            cairo_surface_t *surface;
            cairo_t *cr;

            t0 = g_get_monotonic_time ();
            poppler_page_get_size (page, &w, &h);
            surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int) (w * 150 / 72), (int) (h * 150 / 72));
            cr = cairo_create (surface);
            cairo_scale (cr, 150.0 / 72, 150.0 / 72);
            cairo_set_source_rgb (cr, 1, 1, 1);
            cairo_paint (cr);
            poppler_page_render (page, cr);
            cairo_destroy (cr);
            cairo_surface_destroy (surface);
            samples[run] = (g_get_monotonic_time () - t0) / 1000.0;
          }
        if (doc != NULL)
          g_array_append_vals (measures, &(Measure) { "preview_page", median_ms (samples, RUNS), "ms", "page 1 at 150 dpi with Poppler, median of 5" }, 1);
      }
  }
  /* The principal's report over the first 5,000 students (its target is set at that size). */
  {
    g_autoptr(ClCaseload) five = cl_synthetic_caseload_new (MIN (n_students, 5000), n_events, 7, today);
    g_autoptr(GPtrArray) obligations = cl_deadline_engine_compute (engine, five, today, NULL);

    for (guint run = 0; obligations && run < 3; run++)
      {
        g_autoptr(GBytes) report = NULL;

        t0 = g_get_monotonic_time ();
        report = cl_document_render_school_report (five, obligations, NULL, "en", today, NULL, NULL);
        samples[run] = (g_get_monotonic_time () - t0) / 1000.0;
      }
    if (obligations)
      g_array_append_vals (measures, &(Measure) { "compliance_report", median_ms (samples, 3), "ms",
                                                  "school report PDF for 5,000 students, median of 3" }, 1);
  }
  /* The list's search, per keystroke: typical queries typed into the search field, each matched
   * against every student (their folded keys are made once, when the list is filled). */
  {
    static const char * const queries[] = {
      "g", "ga", "gar", "garcia", "s-1", "S-10042", "ramos", "mateo al", "nguyen minh", "zz",
    };
    GPtrArray *students = cl_caseload_get_students (caseload);
    g_autoptr(GPtrArray) keys = g_ptr_array_new_full (students->len, g_free);
    double per_query[G_N_ELEMENTS (queries) * RUNS];
    g_autofree char *detail = NULL;
    double worst = 0;
    guint found = 0;

    t0 = g_get_monotonic_time ();
    for (guint i = 0; i < students->len; i++)
      g_ptr_array_add (keys, cl_student_search_key (g_ptr_array_index (students, i)));
    {
      double key_ms = (g_get_monotonic_time () - t0) / 1000.0;

      for (guint run = 0; run < RUNS; run++)
        for (guint q = 0; q < G_N_ELEMENTS (queries); q++)
          {
            t0 = g_get_monotonic_time ();
            found += search_all (keys, queries[q]);
            per_query[run * G_N_ELEMENTS (queries) + q] = (g_get_monotonic_time () - t0) / 1000.0;
            worst = MAX (worst, per_query[run * G_N_ELEMENTS (queries) + q]);
          }
      detail = g_strdup_printf ("one keystroke over %u students, median of %u queries × %d (slowest %.2f ms; "
                                "keys made once in %.1f ms; target < 16 ms)",
                                students->len, (guint) G_N_ELEMENTS (queries), RUNS, worst, key_ms);
    }
    g_array_append_vals (measures, &(Measure) { "search", median_ms (per_query, G_N_ELEMENTS (per_query)), "ms",
                                                g_steal_pointer (&detail) }, 1);
    (void) found;
  }

  /* Opening a student's file: their obligations computed by the engine, and every text the page
   * shows formatted; over students spread through the caseload. */
  {
    GPtrArray *students = cl_caseload_get_students (caseload);
    guint n = MIN (students->len, 50);
    g_autofree double *open_samples = g_new0 (double, n);
    g_autofree char *detail = NULL;
    double worst = 0;
    gsize bytes = 0;

    for (guint i = 0; i < n; i++)
      {
        ClStudent *student = g_ptr_array_index (students, i * (students->len / n));
        g_autoptr(GPtrArray) obligations = NULL;

        t0 = g_get_monotonic_time ();
        obligations = cl_deadline_engine_compute_student (engine, caseload, student, today, NULL);
        if (obligations != NULL)
          bytes += format_student_page (student, obligations, today);
        open_samples[i] = (g_get_monotonic_time () - t0) / 1000.0;
        worst = MAX (worst, open_samples[i]);
      }
    detail = g_strdup_printf ("one student's obligations computed and the page's texts formatted, median of %u "
                              "students (slowest %.2f ms; target < 50 ms)", n, worst);
    if (bytes > 0)
      g_array_append_vals (measures, &(Measure) { "open_student", median_ms (open_samples, n), "ms",
                                                  g_steal_pointer (&detail) }, 1);
  }
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
          if (m->ratio > 0)
            json_builder_add_double_value (b, m->ratio);
          else
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
        printf ("%-22s %10.1f %-3s %s\n", m->name, m->value, m->unit, m->detail);
      }
  return 0;
}
