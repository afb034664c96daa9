/* test-session.c — the open caseload outside any window: loading in the background, changes saved
 * through the session recomputing only the student they touch, undo, and a read-only bundle */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib/gstdio.h>
#include <string.h>

#include "cl-bundle-reader.h"
#include "cl-file-check.h"
#include "cl-test-damage.h"
#include "cl-session.h"
#include "cl-test-util.h"

typedef struct {
  char      *dir;
  char      *path;
  ClSession *session;
  guint      reloaded;
  guint      student_changed;
  ClStudent *changed;
} Fixture;

static char *
demo_contents (void)
{
  g_autofree char *demo = g_test_build_filename (G_TEST_DIST, "..", "data", "demo", "demo-caseload.json", NULL);
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_assert_true (g_file_get_contents (demo, &contents, NULL, &error));
  g_assert_no_error (error);
  return contents;
}

static void
on_reloaded (Fixture *f)
{
  f->reloaded++;
}

static void
on_student_changed (Fixture   *f,
                    ClStudent *student)
{
  f->student_changed++;
  f->changed = student;
}

static void
wait_loaded (Fixture *f)
{
  gint64 deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;

  while (cl_session_get_loading (f->session) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (cl_session_get_loading (f->session));
}

/* A database holding the demo caseload, opened by a session pinned to 2026-12-07. */
static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *contents = demo_contents ();
  g_autoptr(ClCaseload) bundle = NULL;
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("caseload-session-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, "caseload.db", NULL);
  bundle = cl_bundle_read_data (contents, -1, &error);
  g_assert_no_error (error);
  {
    g_autoptr(ClStore) store = cl_store_open (f->path, TRUE, &error);

    g_assert_no_error (error);
    g_assert_true (cl_store_import (store, bundle, FALSE, NULL, NULL, &error));
    g_assert_no_error (error);
  }
  f->session = cl_session_new ();
  cl_session_set_today (f->session, D ("2026-12-07"));
  g_signal_connect_swapped (f->session, "reloaded", G_CALLBACK (on_reloaded), f);
  g_signal_connect_swapped (f->session, "student-changed", G_CALLBACK (on_student_changed), f);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  g_clear_object (&f->session);
  /* The database and its WAL, and the backups folder if one was made. */
  dir = g_dir_open (f->dir, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (f->dir, name, NULL);
      g_unlink (child);
    }
  g_rmdir (f->dir);
  g_free (f->path);
  g_free (f->dir);
}

/* "student rule due status" for every obligation, in the session's order. */
static GStrv
describe (GPtrArray *obligations)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; obligations && i < obligations->len; i++)
    {
      const ClObligation *ob = g_ptr_array_index (obligations, i);
      g_autofree char *due = cl_date_to_iso (ob->due);
      g_autofree char *line = g_strdup_printf ("%s %s %s %s", ob->student->id, ob->rule->id, due,
                                               cl_status_names[ob->status]);
      g_strv_builder_add (builder, line);
    }
  return g_strv_builder_end (builder);
}

/* What a fresh read of the database computes: the session's obligations must always equal it. */
static GStrv
describe_database (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ClStore) store = cl_store_open (f->path, FALSE, &error);
  g_autoptr(ClCaseload) caseload = NULL;
  g_autoptr(GPtrArray) all = NULL;

  g_assert_no_error (error);
  caseload = cl_store_load_caseload (store, &error);
  g_assert_no_error (error);
  all = cl_deadline_engine_compute (cl_session_get_engine (f->session), caseload, cl_session_get_today (f->session), &error);
  g_assert_no_error (error);
  return describe (all);
}

static void
assert_matches_database (Fixture *f)
{
  g_auto(GStrv) shown = describe (cl_session_get_obligations (f->session));
  g_auto(GStrv) stored = describe_database (f);

  g_assert_cmpstrv (shown, stored);
}

static void
test_open_in_background (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  ClStudent *student;

  g_assert_true (cl_session_open_database (f->session, f->path, &error));
  g_assert_no_error (error);
  /* Nothing is shown until the thread is back; nothing can be changed meanwhile. */
  g_assert_true (cl_session_get_loading (f->session));
  g_assert_false (cl_session_get_editable (f->session));
  g_assert_null (cl_session_get_caseload (f->session));
  wait_loaded (f);
  g_assert_cmpuint (f->reloaded, ==, 1);
  g_assert_true (cl_session_get_editable (f->session));
  g_assert_false (cl_session_get_read_only (f->session));
  g_assert_cmpstr (cl_session_get_path (f->session), ==, f->path);
  g_assert_cmpuint (cl_caseload_get_students (cl_session_get_caseload (f->session))->len, ==, 40);
  assert_matches_database (f);
  /* Each student's own obligations are theirs, and all of them. */
  student = cl_caseload_lookup_student (cl_session_get_caseload (f->session), "S-1002");
  g_assert_nonnull (student);
  {
    GPtrArray *mine = cl_session_get_student_obligations (f->session, student);
    guint n = 0;

    g_assert_nonnull (mine);
    for (guint i = 0; i < cl_session_get_obligations (f->session)->len; i++)
      n += ((ClObligation *) g_ptr_array_index (cl_session_get_obligations (f->session), i))->student == student;
    g_assert_cmpuint (mine->len, ==, n);
    for (guint i = 0; i < mine->len; i++)
      g_assert_true (((ClObligation *) g_ptr_array_index (mine, i))->student == student);
  }
}

/* An event saved through the session: one student computed again (no reload), the result the
 * same as reading the whole database again; undo puts everything back. */
static void
test_event_and_undo (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) before = NULL;
  g_auto(GStrv) after = NULL;
  g_auto(GStrv) undone = NULL;
  g_autofree char *show = NULL;
  ClEvent event = { 0 };
  ClStudent *student;
  guint n_events;

  g_assert_true (cl_session_open_database (f->session, f->path, &error));
  wait_loaded (f);
  before = describe (cl_session_get_obligations (f->session));
  student = cl_caseload_lookup_student (cl_session_get_caseload (f->session), "S-1002");
  n_events = student->events->len;
  g_assert_false (cl_session_get_can_undo (f->session));

  /* Minh's annual review is overdue (Nov 6, 2026): holding it today meets it. */
  event.type = CL_EVENT_IEP_MEETING;
  event.kind = CL_MEETING_ANNUAL;
  event.date = D ("2026-12-07");
  g_assert_true (cl_session_save_event (f->session, "S-1002", FALSE, 0, &event, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (f->student_changed, ==, 1);
  g_assert_true (f->changed == student);
  g_assert_cmpuint (f->reloaded, ==, 1);
  g_assert_cmpuint (student->events->len, ==, n_events + 1);
  g_assert_true (cl_session_get_can_undo (f->session));
  after = describe (cl_session_get_obligations (f->session));
  g_assert_false (g_strv_equal ((const char * const *) before, (const char * const *) after));
  assert_matches_database (f);

  g_assert_true (cl_session_undo (f->session, &show, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (show, ==, "S-1002");
  g_assert_false (cl_session_get_can_undo (f->session));
  undone = describe (cl_session_get_obligations (f->session));
  g_assert_cmpstrv (undone, before);
  assert_matches_database (f);
  /* Nothing left to undo says so, and changes nothing. */
  g_assert_false (cl_session_undo (f->session, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
}

/* A deleted student comes back whole with undo: their timeline and obligations as before. */
static void
test_delete_student_and_undo (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) before = NULL;
  g_auto(GStrv) undone = NULL;

  g_assert_true (cl_session_open_database (f->session, f->path, &error));
  wait_loaded (f);
  before = describe (cl_session_get_obligations (f->session));
  g_assert_true (cl_session_delete_student (f->session, "S-1002", &error));
  g_assert_no_error (error);
  g_assert_null (cl_caseload_lookup_student (cl_session_get_caseload (f->session), "S-1002"));
  g_assert_cmpuint (cl_caseload_get_students (cl_session_get_caseload (f->session))->len, ==, 39);
  assert_matches_database (f);
  g_assert_true (cl_session_undo (f->session, NULL, &error));
  g_assert_no_error (error);
  g_assert_nonnull (cl_caseload_lookup_student (cl_session_get_caseload (f->session), "S-1002"));
  undone = describe (cl_session_get_obligations (f->session));
  g_assert_cmpstrv (undone, before);
  assert_matches_database (f);
  /* One that is not there: refused, named. */
  g_assert_false (cl_session_delete_student (f->session, "S-9999", &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
}

/* A meeting's life through the session: planned, changed, its checklist ticked and the parent's
 * attempts logged, then cancelled; each change in the database, what the session shows equal to it. */
static void
test_meeting_through_session (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ClStudent) owner = cl_student_new ("plan");
  g_autoptr(GHashTable) ticks = NULL;
  g_autoptr(GPtrArray) attempts = NULL;
  ClMeeting *plan;
  const ClMeeting *saved;
  ClStudent *student;
  guint reloaded;

  g_assert_true (cl_session_open_database (f->session, f->path, &error));
  wait_loaded (f);
  plan = cl_student_add_meeting (owner, "m-session-test", CL_MEETING_ANNUAL, D ("2026-12-14"));
  plan->start_minutes = -1;
  g_assert_true (cl_session_plan_meeting (f->session, "S-1023", plan, &error));
  g_assert_no_error (error);
  student = cl_caseload_lookup_student (cl_session_get_caseload (f->session), "S-1023");
  g_assert_nonnull (cl_session_find_meeting (student, "m-session-test"));

  /* The notice sent: saved, and read again. */
  reloaded = f->reloaded;
  plan->notice_sent = D ("2026-12-07");
  g_assert_true (cl_session_update_meeting (f->session, "S-1023", plan, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (f->reloaded, ==, reloaded + 1);
  student = cl_caseload_lookup_student (cl_session_get_caseload (f->session), "S-1023");
  saved = cl_session_find_meeting (student, "m-session-test");
  g_assert_nonnull (saved);
  g_assert_cmpuint (saved->notice_sent, ==, D ("2026-12-07"));
  assert_matches_database (f);

  /* A tick and an attempt change no obligation: nothing is read again. */
  reloaded = f->reloaded;
  g_assert_true (cl_session_set_meeting_item (f->session, "S-1023", "m-session-test", "agenda:test", TRUE, &error));
  g_assert_no_error (error);
  ticks = cl_session_list_meeting_items (f->session, "S-1023", "m-session-test", &error);
  g_assert_no_error (error);
  g_assert_true (GPOINTER_TO_INT (g_hash_table_lookup (ticks, "agenda:test")));
  g_assert_true (cl_session_add_attendance_attempt (f->session, "S-1023", "m-session-test", D ("2026-12-07"),
                                                    CL_CONTACT_PHONE, "left a message", &error));
  g_assert_no_error (error);
  attempts = cl_session_list_attendance_attempts (f->session, "S-1023", "m-session-test", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (attempts->len, ==, 1);
  g_assert_cmpstr (((ClAttendanceAttempt *) g_ptr_array_index (attempts, 0))->outcome, ==, "left a message");
  g_assert_true (cl_session_delete_attendance_attempt (f->session, ((ClAttendanceAttempt *) g_ptr_array_index (attempts, 0))->id, &error));
  g_assert_no_error (error);
  g_clear_pointer (&attempts, g_ptr_array_unref);
  attempts = cl_session_list_attendance_attempts (f->session, "S-1023", "m-session-test", &error);
  g_assert_cmpuint (attempts->len, ==, 0);
  g_assert_cmpuint (f->reloaded, ==, reloaded);

  /* Cancelled: gone from the caseload. A student who is not there is refused, named. */
  g_assert_true (cl_session_cancel_meeting (f->session, "S-1023", "m-session-test", &error));
  g_assert_no_error (error);
  student = cl_caseload_lookup_student (cl_session_get_caseload (f->session), "S-1023");
  g_assert_null (cl_session_find_meeting (student, "m-session-test"));
  assert_matches_database (f);
  g_assert_false (cl_session_set_meeting_item (f->session, "S-9999", "m-session-test", "agenda:test", TRUE, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
}

/* The state of @rule_id's obligation for @student_id's meeting on @meeting_date. */
static const ClObligation *
meeting_obligation (Fixture    *f,
                    const char *student_id,
                    const char *rule_id,
                    ClDate      meeting_date)
{
  ClStudent *student = cl_caseload_lookup_student (cl_session_get_caseload (f->session), student_id);
  GPtrArray *obligations = cl_session_get_student_obligations (f->session, student);

  for (guint i = 0; obligations && i < obligations->len; i++)
    {
      const ClObligation *ob = g_ptr_array_index (obligations, i);
      if (g_str_equal (ob->rule->id, rule_id) && ob->meeting != NULL && ob->meeting->date == meeting_date)
        return ob;
    }
  return NULL;
}

/* The session's counts for @case_manager are those counted afresh from its obligations, and
 * @fewer_notices below @was's. */
static void
assert_due_counts (Fixture           *f,
                   const char        *case_manager,
                   const ClDueCounts *was,
                   guint              fewer_notices)
{
  ClDueCounts counts, afresh;

  cl_session_get_due_counts (f->session, case_manager, &counts);
  cl_due_count (cl_session_get_obligations (f->session), cl_session_get_caseload (f->session),
                cl_session_get_today (f->session), case_manager, &afresh);
  for (guint i = 0; i < CL_N_DUE_WHEN; i++)
    g_assert_cmpuint (counts.when[i], ==, afresh.when[i]);
  g_assert_cmpuint (counts.meetings, ==, afresh.meetings);
  g_assert_cmpuint (counts.notices, ==, afresh.notices);
  g_assert_cmpuint (counts.notices + fewer_notices, ==, was->notices);
}

/* Lucas's triennial of January 14, 2027 (S-1009) owes its notice by January 4: recorded as sent
 * today, only he is computed again, and undo takes it back, in the database too. */
static void
test_notice_sent_and_undo (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) before = NULL;
  g_auto(GStrv) undone = NULL;
  g_autofree char *show = NULL;
  const ClObligation *ob;
  ClStudent *student;
  guint reloaded;
  ClDueCounts loaded, mine_loaded;

  g_assert_true (cl_session_open_database (f->session, f->path, &error));
  wait_loaded (f);
  before = describe (cl_session_get_obligations (f->session));
  /* Counted while loading, for everyone and for the case manager: as counted afresh. */
  cl_session_get_due_counts (f->session, "", &loaded);
  assert_due_counts (f, "", &loaded, 0);
  cl_session_get_due_counts (f->session, "t-whitaker", &mine_loaded);
  assert_due_counts (f, "t-whitaker", &mine_loaded, 0);
  ob = meeting_obligation (f, "S-1009", "meeting_notice_due", D ("2027-01-14"));
  g_assert_nonnull (ob);
  g_assert_cmpuint (ob->met_on, ==, CL_DATE_NONE);
  student = cl_caseload_lookup_student (cl_session_get_caseload (f->session), "S-1009");
  reloaded = f->reloaded;
  g_assert_true (cl_session_record_notice_sent (f->session, "S-1009", ob->meeting->id, D ("2026-12-07"), &error));
  g_assert_no_error (error);
  g_assert_cmpuint (f->reloaded, ==, reloaded);
  g_assert_true (f->changed == student);
  ob = meeting_obligation (f, "S-1009", "meeting_notice_due", D ("2027-01-14"));
  g_assert_cmpuint (ob->met_on, ==, D ("2026-12-07"));
  g_assert_true (cl_session_get_can_undo (f->session));
  assert_matches_database (f);
  /* One notice fewer to send, for everyone and for Lucas's case manager, not as loaded. */
  assert_due_counts (f, "", &loaded, 1);
  assert_due_counts (f, "t-whitaker", &mine_loaded, 1);

  g_assert_true (cl_session_undo (f->session, &show, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (show, ==, "S-1009");
  undone = describe (cl_session_get_obligations (f->session));
  g_assert_cmpstrv (undone, before);
  ob = meeting_obligation (f, "S-1009", "meeting_notice_due", D ("2027-01-14"));
  g_assert_cmpuint (ob->met_on, ==, CL_DATE_NONE);
  assert_matches_database (f);
  assert_due_counts (f, "", &loaded, 0);

  /* A meeting that is not planned: refused, named, nothing written. */
  g_assert_false (cl_session_record_notice_sent (f->session, "S-1009", "m-none", D ("2026-12-07"), &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
}

static void
on_progress (double   fraction,
             gpointer user_data)
{
  double *last = user_data;

  g_assert_cmpfloat (fraction, >=, *last);
  *last = fraction;
}

static void
on_imported (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

static gssize
import_and_wait (Fixture    *f,
                 GFile      *bundle,
                 double     *progress,
                 GError    **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  cl_session_import_async (f->session, bundle, on_progress, progress, NULL, on_imported, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  return cl_session_import_finish (f->session, result, error);
}

/* A bundle imported off the main thread: the progress reported in order in the caller's context,
 * and the session showing what was written; a bad file changes nothing and says why. */
static void
test_import_in_background (Fixture       *f,
                           gconstpointer  data)
{
  g_autofree char *empty = g_build_filename (f->dir, "empty.db", NULL);
  g_autofree char *bad = g_build_filename (f->dir, "bad.json", NULL);
  g_autofree char *demo = g_test_build_filename (G_TEST_DIST, "..", "data", "demo", "demo-caseload.json", NULL);
  g_autoptr(GFile) demo_file = g_file_new_for_path (demo);
  g_autoptr(GFile) bad_file = g_file_new_for_path (bad);
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) imported = NULL;
  double progress = 0;

  g_assert_true (cl_session_open_database (f->session, empty, &error));
  wait_loaded (f);
  g_assert_cmpuint (cl_caseload_get_students (cl_session_get_caseload (f->session))->len, ==, 0);
  g_assert_cmpint (import_and_wait (f, demo_file, &progress, &error), ==, 40);
  g_assert_no_error (error);
  g_assert_cmpfloat (progress, >, 0);
  g_assert_cmpuint (cl_caseload_get_students (cl_session_get_caseload (f->session))->len, ==, 40);
  imported = describe (cl_session_get_obligations (f->session));
  g_assert_cmpuint (g_strv_length (imported), >, 0);

  g_assert_true (g_file_set_contents (bad, "{\"students\": [ {\"id\": ", -1, &error));
  g_assert_cmpint (import_and_wait (f, bad_file, &progress, &error), ==, -1);
  g_assert_nonnull (error);
  g_clear_error (&error);
  {
    g_auto(GStrv) after = describe (cl_session_get_obligations (f->session));
    g_assert_cmpstrv (after, imported);
  }
  g_unlink (bad);
}

/* A bundle is shown read-only: computed, but nothing can be saved into it. */
static void
test_bundle_read_only (Fixture       *f,
                       gconstpointer  data)
{
  g_autofree char *contents = demo_contents ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) history = NULL;
  ClEvent event = { .type = CL_EVENT_REFERRAL, .date = D ("2026-12-07") };
  guint n;

  g_assert_true (cl_session_load_bundle (f->session, contents, strlen (contents), &error));
  g_assert_no_error (error);
  g_assert_cmpuint (f->reloaded, ==, 1);
  g_assert_true (cl_session_get_read_only (f->session));
  g_assert_false (cl_session_get_editable (f->session));
  g_assert_null (cl_session_get_store (f->session));
  g_assert_null (cl_session_get_path (f->session));
  n = cl_session_get_obligations (f->session)->len;
  g_assert_cmpuint (n, >, 0);
  g_assert_false (cl_session_save_event (f->session, "S-1002", FALSE, 0, &event, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_READ_ONLY);
  g_clear_error (&error);
  g_assert_cmpuint (cl_session_get_obligations (f->session)->len, ==, n);
  history = cl_session_list_history (f->session, "S-1002", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (history->len, ==, 0);
  /* A meeting's checklist has nowhere to be read from or written to. */
  g_assert_false (cl_session_set_meeting_item (f->session, "S-1023", "m-1", "agenda:test", TRUE, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_READ_ONLY);
  g_clear_error (&error);
  g_assert_null (cl_session_list_meeting_items (f->session, "S-1023", "m-1", &error));
  g_assert_nonnull (error);
}

/* A file that is not a case database is refused at once; nothing stays open. */
static void
test_refuses_bad_file (Fixture       *f,
                       gconstpointer  data)
{
  g_autofree char *bad = g_build_filename (f->dir, "not-a-database.db", NULL);
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_set_contents (bad, "this is a note, not a database\n", -1, &error));
  g_assert_false (cl_session_open_database (f->session, bad, &error));
  g_assert_nonnull (error);
  g_assert_false (cl_session_get_loading (f->session));
  g_assert_null (cl_session_get_store (f->session));
  g_assert_false (cl_session_get_editable (f->session));
}

/* What the prepare function makes on the loading thread is handed over during ::reloaded, once;
 * what nobody takes is freed; a reload on the main thread has none. */
typedef struct {
  GThread   *main_thread;
  gboolean   off_main;
  guint      students;
  guint      obligations;
  char      *taken;
  guint      reloads;
  ClSession *session;
} Prepared;

static gpointer
prepare_count (ClCaseload *caseload,
               GHashTable *obligations_of,
               gpointer    user_data)
{
  Prepared *p = user_data;
  GHashTableIter iter;
  gpointer student, mine;

  p->off_main = g_thread_self () != p->main_thread;
  p->students = cl_caseload_get_students (caseload)->len;
  p->obligations = 0;
  g_hash_table_iter_init (&iter, obligations_of);
  while (g_hash_table_iter_next (&iter, &student, &mine))
    p->obligations += ((GPtrArray *) mine)->len;
  return g_strdup ("made on the loading thread");
}

static void
take_prepared (Prepared *p)
{
  p->reloads++;
  g_free (p->taken);
  p->taken = cl_session_steal_prepared (p->session);
  /* Taken once. */
  g_assert_null (cl_session_steal_prepared (p->session));
}

static void
test_prepare_func (Fixture       *f,
                   gconstpointer  data)
{
  Prepared p = { g_thread_self (), FALSE, 0, 0, NULL, 0, f->session };
  g_autoptr(GError) error = NULL;

  cl_session_set_prepare_func (f->session, prepare_count, &p, NULL, g_free);
  g_signal_connect_swapped (f->session, "reloaded", G_CALLBACK (take_prepared), &p);
  g_assert_true (cl_session_open_database (f->session, f->path, &error));
  wait_loaded (f);
  g_assert_true (p.off_main);
  g_assert_cmpuint (p.students, ==, 40);
  g_assert_cmpuint (p.obligations, ==, cl_session_get_obligations (f->session)->len);
  g_assert_cmpstr (p.taken, ==, "made on the loading thread");

  g_assert_true (cl_session_reload (f->session, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (p.reloads, ==, 2);
  g_assert_null (p.taken);

  /* Nobody takes it: freed (the suite's leak checks would see it otherwise). */
  g_signal_handlers_disconnect_by_func (f->session, take_prepared, &p);
  g_assert_true (cl_session_open_database (f->session, f->path, &error));
  wait_loaded (f);
  g_assert_nonnull (cl_session_get_caseload (f->session));
  cl_session_close (f->session);
  cl_session_set_prepare_func (f->session, NULL, NULL, NULL, NULL);
}

static void
on_check_done (ClFileCheck *check,
               gpointer     user_data)
{
  (*(guint *) user_data)++;
}

static void
test_file_check (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  guint reports = 0;

  {
    g_autoptr(ClFileCheck) sound = cl_file_check_start (f->path, on_check_done, &reports, NULL);

    g_assert_true (cl_file_check_wait (sound, &error));
    g_assert_no_error (error);
    /* Asked again, the same answer without checking again. */
    g_assert_true (cl_file_check_wait (sound, NULL));
    while (reports == 0)
      g_main_context_iteration (NULL, TRUE);
    g_assert_cmpuint (reports, ==, 1);
  }
  cl_test_damage_date_index (f->path);
  {
    g_autoptr(ClFileCheck) damaged = cl_file_check_start (f->path, on_check_done, &reports, NULL);

    g_assert_false (cl_file_check_wait (damaged, &error));
    g_assert_error (error, CL_STORE_ERROR, CL_STORE_ERROR_CORRUPT);
    while (reports == 1)
      g_main_context_iteration (NULL, TRUE);
  }
}

static void
on_load_failed (GError       **failed,
                const GError  *error)
{
  g_assert_null (*failed);
  *failed = g_error_copy (error);
}

/* A file whose caseload reads well but whose check fails: it may be shown for the moment the check
 * takes, then it is taken off with the damage explained, and nothing was written to it. */
static void
test_damaged_after_shown (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) failed = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gint64 deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;
  ClEvent event = { .type = CL_EVENT_REFERRAL, .date = D ("2026-12-07") };

  cl_test_damage_date_index (f->path);
  before = cl_test_file_checksum (f->path);
  g_signal_connect_swapped (f->session, "load-failed", G_CALLBACK (on_load_failed), &failed);
  g_assert_true (cl_session_open_database (f->session, f->path, &error));
  g_assert_no_error (error);
  wait_loaded (f);
  /* Either the load was shown and the check came after, or the check came first. */
  if (failed == NULL)
    {
      g_assert_false (cl_session_save_event (f->session, "S-1002", FALSE, 0, &event, &error));
      g_assert_error (error, CL_STORE_ERROR, CL_STORE_ERROR_CORRUPT);
      g_clear_error (&error);
    }
  while (failed == NULL && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_assert_error (failed, CL_STORE_ERROR, CL_STORE_ERROR_CORRUPT);
  g_assert_nonnull (strstr (failed->message, "backups"));
  g_assert_false (cl_session_get_loading (f->session));
  g_assert_null (cl_session_get_store (f->session));
  g_assert_null (cl_session_get_caseload (f->session));
  g_assert_false (cl_session_get_editable (f->session));
  g_assert_false (cl_session_save_event (f->session, "S-1002", FALSE, 0, &event, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_READ_ONLY);
  after = cl_test_file_checksum (f->path);
  g_assert_cmpstr (before, ==, after);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add ("/session/open-in-background", Fixture, NULL, fixture_set_up, test_open_in_background, fixture_tear_down);
  g_test_add ("/session/event-and-undo", Fixture, NULL, fixture_set_up, test_event_and_undo, fixture_tear_down);
  g_test_add ("/session/delete-student-and-undo", Fixture, NULL, fixture_set_up, test_delete_student_and_undo, fixture_tear_down);
  g_test_add ("/session/meeting-through-session", Fixture, NULL, fixture_set_up, test_meeting_through_session, fixture_tear_down);
  g_test_add ("/session/notice-sent-and-undo", Fixture, NULL, fixture_set_up, test_notice_sent_and_undo, fixture_tear_down);
  g_test_add ("/session/import-in-background", Fixture, NULL, fixture_set_up, test_import_in_background, fixture_tear_down);
  g_test_add ("/session/bundle-read-only", Fixture, NULL, fixture_set_up, test_bundle_read_only, fixture_tear_down);
  g_test_add ("/session/prepare-func", Fixture, NULL, fixture_set_up, test_prepare_func, fixture_tear_down);
  g_test_add ("/session/file-check", Fixture, NULL, fixture_set_up, test_file_check, fixture_tear_down);
  g_test_add ("/session/damaged-after-shown", Fixture, NULL, fixture_set_up, test_damaged_after_shown, fixture_tear_down);
  g_test_add ("/session/refuses-bad-file", Fixture, NULL, fixture_set_up, test_refuses_bad_file, fixture_tear_down);
  return g_test_run ();
}
