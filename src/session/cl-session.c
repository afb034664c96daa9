/* cl-session.c — the open caseload, outside any window
 *
 * As gnome-text-editor's EditorSession: the session owns the database, the records read from it
 * and the obligations computed from them; windows and pages follow its signals and call it to
 * change things. Loading runs in a GTask so the first frame never waits for thousands of students.
 */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cl-session"

#include "config.h"

#include <glib/gi18n-lib.h>

#include <string.h>
#include <time.h>

#include "cl-bundle-reader.h"
#include "cl-session-computed.h"
#include "cl-session-private.h"

G_DEFINE_FINAL_TYPE (ClSession, cl_session, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_LOADING,
  PROP_CAN_UNDO,
  PROP_READ_ONLY,
  N_PROPS
};

enum {
  RELOADED,
  STUDENT_CHANGED,
  LOAD_FAILED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

ClSession *
cl_session_new (void)
{
  return g_object_new (CL_TYPE_SESSION, NULL);
}

static ClDeadlineEngine *
new_engine (GError **error)
{
  g_autoptr(ClRulePackSet) packs = cl_rule_pack_set_new_builtin (error);
  g_autofree char *user_rules = g_build_filename (g_get_user_data_dir (), "caseload", "rules", NULL);
  g_autoptr(GError) local_error = NULL;

  if (packs == NULL)
    return NULL;
  if (!cl_rule_pack_set_add_dir (packs, user_rules, &local_error))
    g_warning ("District rule packs in %s were not loaded: %s", user_rules, local_error->message);
  return cl_deadline_engine_new (packs);
}

static void
set_loading (ClSession *self,
             gboolean   loading)
{
  if (self->loading == loading)
    return;
  self->loading = loading;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

static void
set_read_only (ClSession *self,
               gboolean   read_only)
{
  if (self->read_only == read_only)
    return;
  self->read_only = read_only;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_READ_ONLY]);
}

static void
clear_computed (ClSession *self)
{
  g_clear_pointer (&self->by_student, g_hash_table_unref);
  g_clear_pointer (&self->due_counts, cl_due_count_table_free);
  g_clear_pointer (&self->obligations, g_ptr_array_unref);
  g_clear_object (&self->caseload);
}

/* Takes @caseload, what was computed of it by @engine (@computed, emptied) and, when the loading
 * thread made it, what the prepare function made (@prepared). */
static void
set_computed (ClSession         *self,
              ClCaseload        *caseload,
              ClSessionComputed *computed,
              ClDeadlineEngine  *engine,
              gpointer           prepared)
{
  clear_computed (self);
  self->caseload = caseload;
  self->obligations = g_steal_pointer (&computed->obligations);
  self->by_student = g_steal_pointer (&computed->by_student);
  self->due_counts = g_steal_pointer (&computed->due_counts);
  g_set_object (&self->engine, engine);
  self->prepared = prepared;
  g_signal_emit (self, signals[RELOADED], 0);
  if (self->prepared != NULL && self->prepared_free != NULL)
    self->prepared_free (self->prepared);
  self->prepared = NULL;
}

/* A damaged file found after its caseload was shown: off the screen, with what to do. Nothing
 * was written to it meanwhile (every write waited for the check). */
static void
show_damage (ClSession    *self,
             const GError *error)
{
  cl_session_forget_undo (self);
  g_clear_object (&self->store);
  g_signal_emit (self, signals[LOAD_FAILED], 0, error);
  /* After the windows have let go of what they showed, as when another file is opened. */
  clear_computed (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

/* The load still running is dropped for a caseload read on the main thread. */
static void
supersede_load (ClSession *self)
{
  self->load_generation++;
  set_loading (self, FALSE);
}

/* What the file's check found while the dropped load ran, told now instead of by that load. */
static void
show_damage_found_meanwhile (ClSession *self)
{
  g_autoptr(GError) damage = g_steal_pointer (&self->damage);

  if (damage != NULL)
    show_damage (self, damage);
}

/* Takes @caseload: computes every obligation at once with @engine, which the session keeps (the
 * obligations point into its rules; the old ones go before the old engine). */
static gboolean
compute_caseload (ClSession        *self,
                  ClDeadlineEngine *engine,
                  ClCaseload       *caseload,
                  GError          **error)
{
  ClSessionComputed computed;

  if (!_cl_session_compute (engine, caseload, self->today, &computed, error))
    {
      g_object_unref (caseload);
      return FALSE;
    }
  /* Fresher than any load still running: its result is dropped. */
  supersede_load (self);
  set_computed (self, caseload, &computed, engine, NULL);
  show_damage_found_meanwhile (self);
  return TRUE;
}

ClStore *
cl_session_get_store (ClSession *self)
{
  g_return_val_if_fail (CL_IS_SESSION (self), NULL);
  return self->store;
}

ClCaseload *
cl_session_get_caseload (ClSession *self)
{
  g_return_val_if_fail (CL_IS_SESSION (self), NULL);
  return self->caseload;
}

ClDeadlineEngine *
cl_session_get_engine (ClSession *self)
{
  g_return_val_if_fail (CL_IS_SESSION (self), NULL);
  return self->engine;
}

GPtrArray *
cl_session_get_obligations (ClSession *self)
{
  g_return_val_if_fail (CL_IS_SESSION (self), NULL);
  return self->obligations;
}

void
cl_session_get_due_counts (ClSession   *self,
                           const char  *case_manager_id,
                           ClDueCounts *out)
{
  g_return_if_fail (CL_IS_SESSION (self));
  g_return_if_fail (out != NULL);

  if (self->due_counts == NULL || !cl_due_count_table_lookup (self->due_counts, case_manager_id, self->today, out))
    cl_due_count (self->obligations, self->caseload, self->today, case_manager_id, out);
}

GPtrArray *
cl_session_get_student_obligations (ClSession *self,
                                    ClStudent *student)
{
  g_return_val_if_fail (CL_IS_SESSION (self), NULL);
  return self->by_student && student ? g_hash_table_lookup (self->by_student, student) : NULL;
}

ClDate
cl_session_get_today (ClSession *self)
{
  g_return_val_if_fail (CL_IS_SESSION (self), CL_DATE_NONE);
  return self->today;
}

void
cl_session_set_today (ClSession *self,
                      ClDate     today)
{
  g_return_if_fail (CL_IS_SESSION (self));
  self->today = today;
}

const char *
cl_session_get_path (ClSession *self)
{
  g_return_val_if_fail (CL_IS_SESSION (self), NULL);
  return self->store ? self->path : NULL;
}

gboolean
cl_session_get_read_only (ClSession *self)
{
  g_return_val_if_fail (CL_IS_SESSION (self), TRUE);
  return self->read_only;
}

gboolean
cl_session_get_demo (ClSession *self)
{
  g_return_val_if_fail (CL_IS_SESSION (self), FALSE);
  return self->demo;
}

void
cl_session_set_demo (ClSession *self,
                     gboolean   demo)
{
  g_return_if_fail (CL_IS_SESSION (self));
  self->demo = demo;
}

gboolean
cl_session_get_loading (ClSession *self)
{
  g_return_val_if_fail (CL_IS_SESSION (self), FALSE);
  return self->loading;
}

gboolean
cl_session_get_editable (ClSession *self)
{
  g_return_val_if_fail (CL_IS_SESSION (self), FALSE);
  return self->store != NULL && self->caseload != NULL && !self->loading;
}

gboolean
_cl_session_check_editable (ClSession  *self,
                            GError    **error)
{
  if (cl_session_get_editable (self))
    return cl_file_check_wait (self->check, error);
  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_READ_ONLY, _("This caseload cannot be changed"));
  return FALSE;
}

ClStudent *
_cl_session_editable_student (ClSession   *self,
                              const char  *student_id,
                              GError     **error)
{
  ClStudent *student;

  if (!_cl_session_check_editable (self, error))
    return NULL;
  if ((student = cl_caseload_lookup_student (self->caseload, student_id)) == NULL)
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, _("There is no student with id “%s”"), student_id);
  return student;
}

/* ---- loading ---- */

/* CPU time of the calling thread, in µs: on a machine shared with other work the wall clock of
 * a trace says more about the others than about Caseload. */
static gint64
thread_cpu_time (void)
{
  struct timespec ts;

  if (clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts) != 0)
    return 0;
  return (gint64) ts.tv_sec * G_USEC_PER_SEC + ts.tv_nsec / 1000;
}

typedef struct {
  ClStore          *store;       /* the session's: it is not used elsewhere while loading */
  ClFileCheck      *check;       /* the file's, running beside */
  GCancellable     *cancellable; /* cancelled when the check finds the file damaged */
  guint             generation;
  ClDate            today;
  ClCaseload       *caseload;
  ClSessionComputed computed;
  ClDeadlineEngine *engine;
  ClSessionPrepareFunc prepare_func; /* the session's, with its data: the task keeps the session */
  gpointer          prepare_data;
  GDestroyNotify    prepared_free;
  gpointer          prepared;
} LoadJob;

static void
load_job_free (LoadJob *job)
{
  if (job->prepared != NULL && job->prepared_free != NULL)
    job->prepared_free (job->prepared);
  _cl_session_computed_clear (&job->computed);
  g_clear_pointer (&job->check, cl_file_check_unref);
  g_clear_object (&job->cancellable);
  g_clear_object (&job->store);
  g_clear_object (&job->caseload);
  g_clear_object (&job->engine);
  g_free (job);
}

/* Off the main thread, with an engine of its own. The session's connection is lent to the
 * thread: nothing else uses it until the result is back (edits wait for the load; imports open
 * their own). */
static void
load_thread (GTask        *task,
             gpointer      source,
             gpointer      task_data,
             GCancellable *cancellable)
{
  LoadJob *job = task_data;
  g_autoptr(GError) error = NULL;
  gint64 t0 = g_get_monotonic_time (), t1 = 0, t2 = 0, cpu0 = thread_cpu_time (), cpu1 = 0, cpu2 = 0;
  gboolean ok;

  ok = (job->caseload = cl_store_load_caseload_cancellable (job->store, job->cancellable, &error)) != NULL &&
       (job->engine = new_engine (&error)) != NULL &&
       !g_cancellable_set_error_if_cancelled (job->cancellable, &error) &&
       (t1 = g_get_monotonic_time (), cpu1 = thread_cpu_time (),
        _cl_session_compute (job->engine, job->caseload, job->today, &job->computed, &error));
  if (!ok)
    {
      g_autoptr(GError) damaged = NULL;

      /* A damaged file explains a failed read: its error says what to do. */
      if (!cl_file_check_wait (job->check, &damaged) && !g_error_matches (damaged, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_task_return_error (task, g_steal_pointer (&damaged));
      else
        g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  /* What the main thread would otherwise do for every student before showing them. */
  t2 = g_get_monotonic_time ();
  cpu2 = thread_cpu_time ();
  if (job->prepare_func != NULL)
    job->prepared = job->prepare_func (job->caseload, job->computed.by_student, job->prepare_data);
  if (g_getenv ("CASELOAD_TRACE_STARTUP") != NULL)
    g_printerr ("caseload: loading thread: read %.1f ms (%.1f ms of CPU), compute %.1f ms (this thread's share "
                "%.1f ms of CPU), made ready to show %.1f ms (%.1f ms of CPU)\n",
                (t1 - t0) / 1000.0, (cpu1 - cpu0) / 1000.0, (t2 - t1) / 1000.0, (cpu2 - cpu1) / 1000.0,
                (g_get_monotonic_time () - t2) / 1000.0, (thread_cpu_time () - cpu2) / 1000.0);
  g_task_return_boolean (task, TRUE);
}

/* The open file's check, running or not, and what it found. */
static void
drop_check (ClSession *self)
{
  g_clear_error (&self->damage);
  if (self->check == NULL)
    return;
  cl_file_check_cancel (self->check);
  g_clear_pointer (&self->check, cl_file_check_unref);
}

static void
load_done (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  ClSession *self = CL_SESSION (object);
  LoadJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;

  /* A newer load (or a change saved meanwhile) has shown fresher data: drop this one. */
  if (job->generation != self->load_generation)
    return;
  /* What it read is not to be trusted when the check beside it failed. */
  if (!g_task_propagate_boolean (G_TASK (result), &error) || self->damage != NULL)
    {
      if (self->damage != NULL)
        {
          g_clear_error (&error);
          error = g_steal_pointer (&self->damage);
        }
      /* The error says already if the file is damaged. */
      drop_check (self);
      g_clear_object (&self->store);
      set_loading (self, FALSE);
      g_signal_emit (self, signals[LOAD_FAILED], 0, error);
      return;
    }
  self->loading = FALSE;
  if (self->check != NULL)
    cl_file_check_hurry (self->check);
  {
    gint64 t0 = g_get_monotonic_time (), cpu0 = thread_cpu_time ();

    set_computed (self, g_steal_pointer (&job->caseload), &job->computed, job->engine,
                  g_steal_pointer (&job->prepared));
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
    if (g_getenv ("CASELOAD_TRACE_STARTUP") != NULL)
      g_printerr ("caseload: the loaded caseload shown in %.1f ms (main thread, %.1f ms of CPU)\n",
                  (g_get_monotonic_time () - t0) / 1000.0, (thread_cpu_time () - cpu0) / 1000.0);
  }
}

void
cl_session_set_prepare_func (ClSession            *self,
                             ClSessionPrepareFunc  func,
                             gpointer              user_data,
                             GDestroyNotify        user_data_free,
                             GDestroyNotify        result_free)
{
  g_return_if_fail (CL_IS_SESSION (self));
  /* A load running now keeps the data it was given. */
  g_return_if_fail (!self->loading);

  if (self->prepare_data != NULL && self->prepare_data_free != NULL)
    self->prepare_data_free (self->prepare_data);
  self->prepare_func = func;
  self->prepare_data = user_data;
  self->prepare_data_free = user_data_free;
  self->prepared_free = result_free;
}

gpointer
cl_session_steal_prepared (ClSession *self)
{
  g_return_val_if_fail (CL_IS_SESSION (self), NULL);
  return g_steal_pointer (&self->prepared);
}

/* The file's check has ended: the file is sound (nothing more to wait for), or it is damaged. */
static void
check_finished (ClFileCheck *check,
                gpointer     user_data)
{
  ClSession *self = user_data;
  g_autoptr(GError) error = NULL;
  gboolean ok;

  if (check != self->check)
    return;
  if (g_getenv ("CASELOAD_TRACE_STARTUP") != NULL)
    g_printerr ("caseload: integrity check finished after %.1f ms (at idle priority, beside the loading)\n",
                cl_file_check_get_took (check) / 1000.0);
  /* Finished: it gives its answer at once. The report's source keeps @check meanwhile. */
  ok = cl_file_check_wait (check, &error);
  g_clear_pointer (&self->check, cl_file_check_unref);
  if (ok)
    return;
  /* A load still running reports it when it ends, instead of what it read: it is stopped. */
  if (self->loading)
    {
      self->damage = g_steal_pointer (&error);
      if (self->load_cancellable != NULL)
        g_cancellable_cancel (self->load_cancellable);
      return;
    }
  show_damage (self, error);
}

ClFileCheck *
_cl_session_ref_check (ClSession *self)
{
  return self->check != NULL ? cl_file_check_ref (self->check) : NULL;
}

gboolean
cl_session_open_database (ClSession   *self,
                          const char  *path,
                          GError     **error)
{
  g_autoptr(GTask) task = NULL;
  LoadJob *job;

  g_return_val_if_fail (CL_IS_SESSION (self), FALSE);

  cl_session_forget_undo (self);
  g_free (self->path);
  self->path = g_strdup (path);
  self->demo = FALSE;
  set_read_only (self, FALSE);
  g_clear_object (&self->store);
  clear_computed (self);
  drop_check (self);
  /* Opening creates the file and refuses one that is not a Caseload database at once; the
   * integrity check, which reads all of it, runs beside the loading (cl-file-check.c). */
  /* Lent to the loading thread, then the main thread's: never both at once. */
  self->store = cl_store_open_with_flags (path, CL_STORE_OPEN_CREATE | CL_STORE_OPEN_SKIP_CHECK |
                                          CL_STORE_OPEN_ONE_THREAD, error);
  if (self->store == NULL)
    {
      self->load_generation++;
      set_loading (self, FALSE);
      return FALSE;
    }

  self->check = cl_file_check_start (path, check_finished, g_object_ref (self), g_object_unref);
  job = g_new0 (LoadJob, 1);
  job->store = g_object_ref (self->store);
  job->check = cl_file_check_ref (self->check);
  job->cancellable = g_cancellable_new ();
  g_set_object (&self->load_cancellable, job->cancellable);
  job->generation = ++self->load_generation;
  job->today = self->today;
  job->prepare_func = self->prepare_func;
  job->prepare_data = self->prepare_data;
  job->prepared_free = self->prepared_free;
  set_loading (self, TRUE);
  task = g_task_new (self, NULL, load_done, NULL);
  g_task_set_task_data (task, job, (GDestroyNotify) load_job_free);
  g_task_run_in_thread (task, load_thread);
  return TRUE;
}

gboolean
cl_session_load_bundle (ClSession   *self,
                        const char  *data,
                        gsize        length,
                        GError     **error)
{
  ClCaseload *caseload;

  g_return_val_if_fail (CL_IS_SESSION (self), FALSE);

  caseload = cl_bundle_read_data (data, length, error);
  if (caseload == NULL)
    return FALSE;
  cl_session_forget_undo (self);
  drop_check (self);
  g_clear_object (&self->store);
  self->demo = FALSE;
  set_read_only (self, TRUE);
  return compute_caseload (self, self->engine, caseload, error);
}

gboolean
cl_session_reload (ClSession  *self,
                   GError    **error)
{
  ClCaseload *caseload;

  g_return_val_if_fail (CL_IS_SESSION (self), FALSE);

  if (self->store == NULL)
    return g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_INITIALIZED, _("No case database is open")), FALSE;
  caseload = cl_store_load_caseload (self->store, error);
  return caseload != NULL && compute_caseload (self, self->engine, caseload, error);
}

gboolean
cl_session_reload_rules (ClSession  *self,
                         GError    **error)
{
  g_autoptr(ClDeadlineEngine) engine = NULL;
  ClCaseload *caseload;

  g_return_val_if_fail (CL_IS_SESSION (self), FALSE);

  if (self->store == NULL)
    return g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_INITIALIZED, _("No case database is open")), FALSE;
  if ((engine = new_engine (error)) == NULL || (caseload = cl_store_load_caseload (self->store, error)) == NULL)
    return FALSE;
  return compute_caseload (self, engine, caseload, error);
}

void
cl_session_close (ClSession *self)
{
  g_return_if_fail (CL_IS_SESSION (self));

  cl_session_forget_undo (self);
  self->load_generation++;
  drop_check (self);
  g_clear_object (&self->store);
  clear_computed (self);
  set_loading (self, FALSE);
}

/* The first obligation of @obligations (sorted by student id first) whose student's id is not
 * before @id. */
static guint
first_obligation_of (GPtrArray  *obligations,
                     const char *id)
{
  guint lo = 0, hi = obligations->len;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;
      const ClObligation *ob = g_ptr_array_index (obligations, mid);

      if (strcmp (ob->student->id, id) < 0)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo;
}

gboolean
cl_session_recompute_student (ClSession  *self,
                              ClStudent  *student,
                              GError    **error)
{
  g_autoptr(GPtrArray) fresh = NULL;
  GPtrArray *old, *merged, *mine;
  guint start, end;

  g_return_val_if_fail (CL_IS_SESSION (self), FALSE);
  if (self->caseload == NULL || self->obligations == NULL || self->loading)
    return FALSE;

  fresh = cl_deadline_engine_compute_student (self->engine, self->caseload, student, self->today, error);
  if (fresh == NULL)
    return FALSE;

  /* The whole caseload's list stays sorted by student: the student's old run is swapped for the
   * new one in a single pass, without comparing anyone else's obligations. */
  old = self->obligations;
  start = first_obligation_of (old, student->id);
  for (end = start; end < old->len && ((ClObligation *) g_ptr_array_index (old, end))->student == student; end++)
    ;
  merged = g_ptr_array_new_full (old->len - (end - start) + fresh->len, (GDestroyNotify) cl_obligation_free);
  mine = g_ptr_array_new ();
  g_ptr_array_set_free_func (old, NULL);
  g_ptr_array_set_free_func (fresh, NULL);
  for (guint i = 0; i < start; i++)
    g_ptr_array_add (merged, g_ptr_array_index (old, i));
  for (guint i = 0; i < fresh->len; i++)
    {
      g_ptr_array_add (merged, g_ptr_array_index (fresh, i));
      g_ptr_array_add (mine, g_ptr_array_index (fresh, i));
    }
  for (guint i = end; i < old->len; i++)
    g_ptr_array_add (merged, g_ptr_array_index (old, i));
  for (guint i = start; i < end; i++)
    cl_obligation_free (g_ptr_array_index (old, i));
  g_ptr_array_unref (old);
  self->obligations = merged;
  g_hash_table_replace (self->by_student, student, mine);
  /* Counted for the caseload as loaded: cl_session_get_due_counts() counts afresh from now on. */
  g_clear_pointer (&self->due_counts, cl_due_count_table_free);
  g_signal_emit (self, signals[STUDENT_CHANGED], 0, student);
  return TRUE;
}

/* ---- saved changes and their undo ---- */

static void
keep_undo (ClSession *self,
           ClUndo    *undo)
{
  gboolean could = self->undo != NULL;

  g_clear_pointer (&self->undo, cl_undo_free);
  self->undo = undo;
  if (could != (undo != NULL))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_UNDO]);
}

gboolean
cl_session_saved (ClSession  *self,
                  ClUndo     *undo,
                  GError    **error)
{
  g_return_val_if_fail (CL_IS_SESSION (self), FALSE);

  keep_undo (self, undo);
  return cl_session_reload (self, error);
}

gboolean
cl_session_saved_student (ClSession  *self,
                          ClUndo     *undo,
                          ClStudent  *student,
                          GError    **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *id = g_strdup (student->id);

  g_return_val_if_fail (CL_IS_SESSION (self), FALSE);

  keep_undo (self, undo);
  /* One student changed: their obligations, not the whole caseload (~220 ms at 10,000). */
  if (cl_session_recompute_student (self, student, &local_error))
    return TRUE;
  if (local_error != NULL)
    g_warning ("Recomputing %s alone failed, reloading everything: %s", id, local_error->message);
  return cl_session_reload (self, error);
}

gboolean
cl_session_get_can_undo (ClSession *self)
{
  g_return_val_if_fail (CL_IS_SESSION (self), FALSE);
  return self->undo != NULL;
}

void
cl_session_forget_undo (ClSession *self)
{
  g_return_if_fail (CL_IS_SESSION (self));
  keep_undo (self, NULL);
}

gboolean
cl_session_undo (ClSession  *self,
                 char      **show_student,
                 GError    **error)
{
  g_autoptr(ClUndo) undo = NULL;
  ClStudent *changed;

  g_return_val_if_fail (CL_IS_SESSION (self), FALSE);

  if (show_student != NULL)
    *show_student = NULL;
  undo = g_steal_pointer (&self->undo);
  if (undo != NULL)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_UNDO]);
  if (undo == NULL || self->store == NULL)
    return g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, _("There is nothing to undo")), FALSE;
  if (!undo->revert (self->store, undo->data, error))
    return FALSE;
  if (show_student != NULL)
    *show_student = g_strdup (undo->show_student);
  changed = undo->apply && self->caseload ? undo->apply (self->caseload, undo->data) : NULL;
  if (changed != NULL && cl_session_recompute_student (self, changed, NULL))
    return TRUE;
  return cl_session_reload (self, error);
}

GPtrArray *
cl_session_list_history (ClSession   *self,
                         const char  *student_id,
                         GError     **error)
{
  g_return_val_if_fail (CL_IS_SESSION (self), NULL);

  if (self->store == NULL)
    return g_ptr_array_new ();
  return cl_store_list_audit (self->store, student_id, error);
}

/* ---- backups ---- */

typedef struct {
  char        *path;
  ClFileCheck *check;   /* the file's, when it had not passed yet */
} BackUpJob;

static void
back_up_job_free (BackUpJob *job)
{
  g_clear_pointer (&job->check, cl_file_check_unref);
  g_free (job->path);
  g_free (job);
}

/* Off the main thread, through a connection of its own: a daily copy of the database, once the
 * file is known sound (a damaged file never replaces a good copy). */
static void
back_up_thread (GTask        *task,
                gpointer      source,
                gpointer      task_data,
                GCancellable *cancellable)
{
  BackUpJob *job = task_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(ClStore) store = NULL;

  if (!cl_file_check_wait (job->check, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  /* Checked already: the copy does not read it all a second time first. */
  store = cl_store_open_with_flags (job->path, CL_STORE_OPEN_SKIP_CHECK, &error);
  if (store == NULL || !cl_store_rolling_backup (store, 7, &error))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

void
cl_session_back_up_async (ClSession           *self,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  BackUpJob *job;

  g_return_if_fail (CL_IS_SESSION (self));

  task = g_task_new (self, NULL, callback, user_data);
  g_task_set_source_tag (task, cl_session_back_up_async);
  if (self->store == NULL)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_INITIALIZED, _("No case database is open"));
      return;
    }
  job = g_new0 (BackUpJob, 1);
  job->path = g_strdup (self->path);
  job->check = _cl_session_ref_check (self);
  g_task_set_task_data (task, job, (GDestroyNotify) back_up_job_free);
  g_task_run_in_thread (task, back_up_thread);
}

gboolean
cl_session_back_up_finish (ClSession     *self,
                           GAsyncResult  *result,
                           GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

/* ---- the object ---- */

static void
cl_session_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  ClSession *self = CL_SESSION (object);

  switch (prop_id)
    {
    case PROP_LOADING:
      g_value_set_boolean (value, self->loading);
      break;
    case PROP_CAN_UNDO:
      g_value_set_boolean (value, self->undo != NULL);
      break;
    case PROP_READ_ONLY:
      g_value_set_boolean (value, self->read_only);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cl_session_finalize (GObject *object)
{
  ClSession *self = CL_SESSION (object);

  clear_computed (self);
  g_clear_pointer (&self->undo, cl_undo_free);
  g_clear_object (&self->engine);
  drop_check (self);
  g_clear_object (&self->load_cancellable);
  g_clear_object (&self->store);
  g_clear_object (&self->sync_state);
  if (self->prepare_data != NULL && self->prepare_data_free != NULL)
    self->prepare_data_free (self->prepare_data);
  g_free (self->path);
  G_OBJECT_CLASS (cl_session_parent_class)->finalize (object);
}

static void
cl_session_class_init (ClSessionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = cl_session_finalize;
  object_class->get_property = cl_session_get_property;

  properties[PROP_LOADING] = g_param_spec_boolean ("loading", NULL, NULL, FALSE,
                                                   G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CAN_UNDO] = g_param_spec_boolean ("can-undo", NULL, NULL, FALSE,
                                                    G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_READ_ONLY] = g_param_spec_boolean ("read-only", NULL, NULL, FALSE,
                                                     G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[RELOADED] = g_signal_new ("reloaded", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                    0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[STUDENT_CHANGED] = g_signal_new ("student-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                           0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_POINTER);
  signals[LOAD_FAILED] = g_signal_new ("load-failed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                       0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_ERROR);
}

static void
cl_session_init (ClSession *self)
{
  g_autoptr(GError) error = NULL;

  self->today = cl_date_today ();
  _cl_session_sync_init (self);
  self->engine = new_engine (&error);
  /* The built-in packs are compiled in: failing to read them is a broken build. */
  g_assert_no_error (error);
}
