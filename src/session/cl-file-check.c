/* cl-file-check.c — the integrity check of a database being opened, on a thread of its own
 *
 * The check reads the whole file (about a second at 100,000 students), so neither the first frame
 * nor the list waits for it: it runs at idle priority beside the loading, which has the cores
 * first, until the list is shown or somebody waits for the check. What must not happen before it passes waits for it instead: every write (the file is
 * never changed before it is known sound), the daily backup (a damaged file never replaces a
 * good copy) and a sync. A check that fails takes the caseload off the screen with its error.
 */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cl-session"
/* SCHED_IDLE */
#define _GNU_SOURCE

#include "config.h"

#ifdef __linux__
#include <sched.h>
#include <sys/syscall.h>
#include <unistd.h>
#define HAVE_THREAD_POLICY 1
#endif

#include <errno.h>

#include "cl-file-check.h"

struct _ClFileCheck
{
  gatomicrefcount   ref_count;
  char             *path;
  GCancellable     *cancellable;
  GMutex            lock;
  GCond             finished_cond;
  gboolean          finished;        /* under @lock, with the two below */
  gboolean          ok;
  GError           *error;
  gint64            took;            /* µs, once finished */
  gboolean          hurried;         /* under @lock: at normal priority from now on */
  long              thread_id;       /* under @lock: the kernel's, once known; 0 before */
  GMainContext     *context;         /* where @done is called */
  ClFileCheckFunc   done;
  gpointer          done_data;
  GDestroyNotify    done_data_free;
};

ClFileCheck *
cl_file_check_ref (ClFileCheck *self)
{
  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
cl_file_check_unref (ClFileCheck *self)
{
  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;
  if (self->done_data != NULL && self->done_data_free != NULL)
    self->done_data_free (self->done_data);
  g_clear_pointer (&self->context, g_main_context_unref);
  g_clear_error (&self->error);
  g_clear_object (&self->cancellable);
  g_mutex_clear (&self->lock);
  g_cond_clear (&self->finished_cond);
  g_free (self->path);
  g_free (self);
}

static gboolean
report_finished (gpointer data)
{
  ClFileCheck *self = data;

  if (self->done != NULL)
    self->done (self, self->done_data);
  return G_SOURCE_REMOVE;
}

static gpointer
check_thread (gpointer data)
{
  ClFileCheck *self = data;
  g_autoptr(GError) error = NULL;
  gint64 started = g_get_monotonic_time ();
  GSource *source;
  gboolean ok;

#ifdef HAVE_THREAD_POLICY
  g_mutex_lock (&self->lock);
  self->thread_id = syscall (SYS_gettid);
  /* Only the CPU the loading leaves: on two cores it would otherwise slow the list by a second. */
  if (!self->hurried)
    {
      struct sched_param param = { 0 };
      sched_setscheduler (0, SCHED_IDLE, &param);
    }
  g_mutex_unlock (&self->lock);
#endif
  ok = cl_store_quick_check_file (self->path, self->cancellable, &error);

  g_mutex_lock (&self->lock);
  self->ok = ok;
  self->error = g_steal_pointer (&error);
  self->took = g_get_monotonic_time () - started;
  self->finished = TRUE;
  g_cond_broadcast (&self->finished_cond);
  g_mutex_unlock (&self->lock);

  /* Always through the context, never here: g_main_context_invoke() would run it on this thread
   * whenever the main thread is not iterating (blocked in cl_file_check_wait(), say). */
  source = g_idle_source_new ();
  g_source_set_priority (source, G_PRIORITY_DEFAULT);
  g_source_set_callback (source, report_finished, self, (GDestroyNotify) cl_file_check_unref);
  g_source_set_static_name (source, "[caseload] integrity check finished");
  g_source_attach (source, self->context);
  g_source_unref (source);
  return NULL;
}

ClFileCheck *
cl_file_check_start (const char      *path,
                     ClFileCheckFunc  done,
                     gpointer         done_data,
                     GDestroyNotify   done_data_free)
{
  ClFileCheck *self = g_new0 (ClFileCheck, 1);
  g_autoptr(GThread) thread = NULL;

  g_atomic_ref_count_init (&self->ref_count);
  self->path = g_strdup (path);
  self->cancellable = g_cancellable_new ();
  g_mutex_init (&self->lock);
  g_cond_init (&self->finished_cond);
  self->context = g_main_context_ref_thread_default ();
  self->done = done;
  self->done_data = done_data;
  self->done_data_free = done_data_free;
  /* The thread's reference goes with the report to the main context. */
  thread = g_thread_new ("caseload-check", check_thread, cl_file_check_ref (self));
  return self;
}

void
cl_file_check_cancel (ClFileCheck *self)
{
  g_cancellable_cancel (self->cancellable);
}

/* Under @lock. */
static void
hurry_locked (ClFileCheck *self)
{
  if (self->hurried)
    return;
  self->hurried = TRUE;
#ifdef HAVE_THREAD_POLICY
  if (self->thread_id != 0 && !self->finished)
    {
      struct sched_param param = { 0 };
      /* An idle thread may never run on a busy machine: whoever waits would wait for ever. */
      if (sched_setscheduler (self->thread_id, SCHED_OTHER, &param) != 0)
        g_warning ("The integrity check could not be given its normal priority back: %s", g_strerror (errno));
    }
#endif
}

void
cl_file_check_hurry (ClFileCheck *self)
{
  g_mutex_lock (&self->lock);
  hurry_locked (self);
  g_mutex_unlock (&self->lock);
}

gboolean
cl_file_check_wait (ClFileCheck  *self,
                    GError      **error)
{
  gboolean ok;

  if (self == NULL)
    return TRUE;
  g_mutex_lock (&self->lock);
  hurry_locked (self);
  while (!self->finished)
    g_cond_wait (&self->finished_cond, &self->lock);
  ok = self->ok;
  if (!ok && error != NULL)
    *error = g_error_copy (self->error);
  g_mutex_unlock (&self->lock);
  return ok;
}

gint64
cl_file_check_get_took (ClFileCheck *self)
{
  gint64 took;

  g_mutex_lock (&self->lock);
  took = self->took;
  g_mutex_unlock (&self->lock);
  return took;
}
