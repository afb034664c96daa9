/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-window-trace.c — CASELOAD_TRACE_SEARCH=1 and CASELOAD_TRACE_STUDENT=1: how long a keystroke,
 * or opening a student, takes until the next frame is painted (and how much of that was building
 * the page), measured as the user sees it */
#define G_LOG_DOMAIN "cl-window-trace"

#include "config.h"

#include "cl-window-private.h"

static void
trace_painted (GdkFrameClock *clock,
               gpointer       data)
{
  ClPaintTrace *trace = data;
  g_autofree char *built = trace->built >= 0 ? g_strdup_printf (" (page built in %.1f ms)", trace->built / 1000.0)
                                             : g_strdup ("");

  g_printerr ("caseload: %s painted %.1f ms after the %s%s\n", trace->what,
              (g_get_monotonic_time () - trace->started) / 1000.0, trace->after, built);
  g_signal_handlers_disconnect_by_func (clock, trace_painted, data);
  g_free (trace);
}

ClPaintTrace *
_cl_window_trace_paint (ClWindow   *self,
                        const char *variable,
                        const char *what,
                        const char *after)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (self));
  ClPaintTrace *trace;

  if (clock == NULL || g_getenv (variable) == NULL)
    return NULL;
  trace = g_new0 (ClPaintTrace, 1);
  trace->what = what;
  trace->after = after;
  trace->started = g_get_monotonic_time ();
  trace->built = -1;
  g_signal_connect (clock, "after-paint", G_CALLBACK (trace_painted), trace);
  return trace;
}
