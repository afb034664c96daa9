/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-window.c — the main window: the caseload beside one student's file */
#define G_LOG_DOMAIN "cl-window"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "cl-bundle-reader.h"
#include "cl-student-list.h"
#include "cl-student-row.h"
#include "cl-student-slots.h"
#include "cl-sync-button.h"
#include "cl-window-private.h"

#define DEMO_RESOURCE "/io/github/caseload/Caseload/demo/demo-caseload.json"

G_DEFINE_FINAL_TYPE (ClWindow, cl_window, ADW_TYPE_APPLICATION_WINDOW)

ClWindow *
cl_window_new (ClApplication *application)
{
  ClWindow *self = g_object_new (CL_TYPE_WINDOW, "application", application, NULL);

  self->settings = g_object_ref (cl_application_get_settings (application));
  cl_sync_button_bind (self->sync_button, self->session, self->settings);
  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));
  return self;
}

void
_cl_window_toast (ClWindow   *self,
                  const char *message)
{
  /* A background task may report after the window was closed. */
  if (self->toast_overlay == NULL)
    return;
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
}

/* What a case database window shows is remembered for next time; the demo and bundles opened
 * read-only are a look around and leave the user's settings alone. */
gboolean
_cl_window_remembers (ClWindow *self)
{
  return self->settings != NULL && !cl_session_get_read_only (self->session) && cl_session_get_store (self->session) != NULL;
}

static void
update_sidebar (ClWindow *self)
{
  const char *page;

  if (self->visible == NULL)
    return;

  if (cl_session_get_loading (self->session))
    page = "loading";
  else if (cl_session_get_caseload (self->session) == NULL)
    page = "error";
  else if (g_list_model_get_n_items (G_LIST_MODEL (self->students)) == 0)
    page = "empty";
  else if (g_list_model_get_n_items (G_LIST_MODEL (self->visible)) == 0)
    page = "no-results";
  else
    page = "list";
  gtk_stack_set_visible_child_name (self->sidebar_stack, page);
}

static void
on_search_changed (ClWindow *self)
{
  GtkFilterChange change = GTK_FILTER_CHANGE_DIFFERENT;
  const char *text;

  g_assert (CL_IS_WINDOW (self));
  text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  /* Typing on only narrows what was found, and erasing the end only widens it: the list then
   * checks just the rows that can change, instead of every student. */
  if (self->search_text != NULL && g_str_has_prefix (text, self->search_text))
    change = GTK_FILTER_CHANGE_MORE_STRICT;
  else if (self->search_text != NULL && g_str_has_prefix (self->search_text, text))
    change = GTK_FILTER_CHANGE_LESS_STRICT;
  g_free (self->search_text);
  self->search_text = g_strdup (text);
  /* Folded once here, so the filter compares bytes for each of thousands of students. */
  g_clear_pointer (&self->query, cl_student_query_free);
  self->query = cl_student_query_new (text);
  _cl_window_trace_paint (self, "CASELOAD_TRACE_SEARCH", "search", "keystroke");
  cl_student_list_set_filter_key (self->visible, text);
  gtk_filter_changed (GTK_FILTER (self->filter), change);
  update_sidebar (self);
}

/* The student row selected in the list, or NULL. */
static ClStudentRow *
selected_row (ClWindow *self)
{
  ClStudentSlot *slot = gtk_single_selection_get_selected_item (self->selection);

  return slot ? cl_student_slot_get_row (slot) : NULL;
}

static void
on_selection_changed (ClWindow *self)
{
  ClStudentRow *row;
  ClStudent *student;
  ClPaintTrace *trace;

  g_assert (CL_IS_WINDOW (self));

  row = selected_row (self);
  /* The selection moves with its student when a search moves them to another place of the
   * list: still the same file. */
  if (row != NULL && row == self->shown_row)
    return;
  g_set_object (&self->shown_row, row);
  gtk_widget_set_visible (GTK_WIDGET (self->documents_button), row != NULL);
  g_clear_pointer (&self->shown_id, g_free);
  if (row == NULL)
    {
      gtk_stack_set_visible_child_name (self->content_stack, "select");
      adw_window_title_set_title (self->content_title, "");
      adw_window_title_set_subtitle (self->content_title, "");
      return;
    }
  student = cl_student_row_get_student (row);
  self->shown_id = g_strdup (student->id);
  cl_student_page_set_editable (self->student_page, cl_session_get_store (self->session) != NULL);
  trace = _cl_window_trace_paint (self, "CASELOAD_TRACE_STUDENT", "student", "selection");
  cl_student_page_show (self->student_page, student);
  if (trace != NULL)
    trace->built = g_get_monotonic_time () - trace->started;
  adw_window_title_set_title (self->content_title, cl_student_row_get_name (row));
  adw_window_title_set_subtitle (self->content_title, cl_student_row_get_subtitle (row));
  gtk_stack_set_visible_child_name (self->content_stack, "student");
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
  if (_cl_window_remembers (self))
    {
      g_settings_set_string (self->settings, "last-view", "student");
      g_settings_set_string (self->settings, "last-student", student->id);
    }
}

static void
on_row_activated (ClWindow *self,
                  guint     position)
{
  g_assert (CL_IS_WINDOW (self));
  gtk_single_selection_set_selected (self->selection, position);
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
}

static void
clear_caseload (ClWindow *self)
{
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  g_list_store_remove_all (self->students);
}

static void
show_title (ClWindow *self)
{
  g_autofree char *basename = NULL;

  if (cl_session_get_path (self->session) == NULL)
    return;
  basename = g_path_get_basename (cl_session_get_path (self->session));
  adw_window_title_set_title (self->sidebar_title, _("Caseload"));
  adw_window_title_set_subtitle (self->sidebar_title, basename);
}

static void apply_pending (ClWindow *self);

/* The session's caseload, new or read again: the list is made anew. The file that was open stays
 * open when the same database was read again (a meeting window's change, say), as it was seen. */
static void
on_session_reloaded (ClWindow *self)
{
  /* Made on the loading thread, in the list's order, after a load. */
  g_autoptr(GPtrArray) rows = cl_session_steal_prepared (self->session);
  ClCaseload *caseload = cl_session_get_caseload (self->session);
  g_autofree char *was_shown = g_steal_pointer (&self->shown_id);
  gboolean same_database = self->listed_path != NULL && g_strcmp0 (self->listed_path, cl_session_get_path (self->session)) == 0;
  gboolean on_list = adw_leaflet_get_folded (self->leaflet) &&
                     adw_leaflet_get_visible_child (self->leaflet) != GTK_WIDGET (self->content);
  GPtrArray *students;

  clear_caseload (self);
  g_free (self->listed_path);
  self->listed_path = g_strdup (cl_session_get_path (self->session));
  if (caseload == NULL)
    return;
  students = cl_caseload_get_students (caseload);
  if (rows == NULL)
    {
      rows = g_ptr_array_new_full (students->len, g_object_unref);
      for (guint i = 0; i < students->len; i++)
        {
          ClStudent *student = g_ptr_array_index (students, i);
          g_ptr_array_add (rows, cl_student_row_new_for (student, cl_session_get_student_obligations (self->session, student)));
        }
    }
  g_list_store_splice (self->students, 0, 0, rows->pdata, rows->len);
  _cl_window_filter_menus_changed (self);
  /* A remembered school or case manager this caseload does not have would hide everyone. */
  if (*_cl_window_list_state (self, "school") && cl_caseload_lookup_school (caseload, _cl_window_list_state (self, "school")) == NULL)
    g_action_group_change_action_state (G_ACTION_GROUP (self->list_actions), "school", g_variant_new_string (""));
  if (*_cl_window_list_state (self, "case-manager") &&
      cl_caseload_lookup_staff (caseload, _cl_window_list_state (self, "case-manager")) == NULL)
    g_action_group_change_action_state (G_ACTION_GROUP (self->list_actions), "case-manager", g_variant_new_string (""));
  update_sidebar (self);
  _cl_window_actions_update (self);
  show_title (self);
  if (self->after_load)
    {
      self->after_load = FALSE;
      apply_pending (self);
    }
  else if (same_database && was_shown != NULL && cl_window_select_student (self, was_shown) && on_list)
    adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

/* Only the student's row is made again. */
static void
on_session_student_changed (ClWindow  *self,
                            ClStudent *student)
{
  guint n_rows = g_list_model_get_n_items (G_LIST_MODEL (self->students));
  guint position = G_MAXUINT;
  ClStudentRow *row;

  for (guint i = 0; i < n_rows && position == G_MAXUINT; i++)
    {
      g_autoptr(ClStudentRow) existing = g_list_model_get_item (G_LIST_MODEL (self->students), i);

      if (cl_student_row_get_student (existing) == student)
        position = i;
    }
  row = cl_student_row_new_for (student, cl_session_get_student_obligations (self->session, student));
  if (position != G_MAXUINT)
    g_list_store_splice (self->students, position, 1, (gpointer *) &row, 1);
  else
    g_list_store_append (self->students, row);
  g_object_unref (row);
  update_sidebar (self);
}

gboolean
cl_window_load_bundle (ClWindow    *self,
                       const char  *data,
                       gsize        length,
                       const char  *title,
                       GError     **error)
{
  guint n;
  g_autofree char *count = NULL;

  g_return_val_if_fail (CL_IS_WINDOW (self), FALSE);

  self->after_load = FALSE;
  if (!cl_session_load_bundle (self->session, data, length, error))
    return FALSE;
  n = cl_caseload_get_students (cl_session_get_caseload (self->session))->len;
  adw_window_title_set_title (self->sidebar_title, title);
  count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%'u student", "%'u students", n), n);
  adw_window_title_set_subtitle (self->sidebar_title, count);
  return TRUE;
}

void
_cl_window_show_view (ClWindow   *self,
                      const char *view)
{
  g_return_if_fail (CL_IS_WINDOW (self));

  if (cl_session_get_loading (self->session))
    {
      g_free (self->pending_view);
      self->pending_view = g_strdup (view);
      return;
    }
  if (cl_session_get_caseload (self->session) == NULL)
    return;
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  if (g_str_equal (view, "due"))
    {
      adw_window_title_set_title (self->content_title, _("Everything Due"));
    }
  else
    {
      cl_compliance_page_show (self->compliance_page, cl_session_get_caseload (self->session), cl_session_get_obligations (self->session), cl_session_get_today (self->session));
      adw_window_title_set_title (self->content_title, _("Compliance"));
    }
  adw_window_title_set_subtitle (self->content_title, adw_window_title_get_title (self->sidebar_title));
  gtk_stack_set_visible_child_name (self->content_stack, view);
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
  if (_cl_window_remembers (self))
    g_settings_set_string (self->settings, "last-view", view);
}

/* The start summary, also where a narrow window (the list first) finds it. */
static void
show_summary (ClWindow *self)
{
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  gtk_stack_set_visible_child_name (self->content_stack, "select");
  adw_window_title_set_title (self->content_title, "");
  adw_window_title_set_subtitle (self->content_title, "");
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
  if (_cl_window_remembers (self))
    g_settings_set_string (self->settings, "last-view", "");
}

static void
on_view_activated (ClWindow      *self,
                   GtkListBoxRow *row)
{
  g_assert (CL_IS_WINDOW (self));
  if (g_str_equal (gtk_widget_get_name (GTK_WIDGET (row)), "summary"))
    {
      show_summary (self);
      return;
    }
  /* The sidebar's Everything Due is all of it; the start summary's links show a part. */
  if (g_str_equal (gtk_widget_get_name (GTK_WIDGET (row)), "due"))
    cl_due_page_set_show (self->due_page, CL_DUE_SHOW_ALL);
  _cl_window_show_view (self, gtk_widget_get_name (GTK_WIDGET (row)));
}

static void
reset_list_filters (ClWindow *self)
{
  g_action_group_change_action_state (G_ACTION_GROUP (self->list_actions), "show", g_variant_new_string ("all"));
  g_action_group_change_action_state (G_ACTION_GROUP (self->list_actions), "school", g_variant_new_string (""));
  g_action_group_change_action_state (G_ACTION_GROUP (self->list_actions), "case-manager", g_variant_new_string (""));
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  /* At once, not after the entry's typing delay: the caller opens a file in the list next. */
  on_search_changed (self);
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
}

gboolean
_cl_window_show_student (ClWindow   *self,
                         const char *id)
{
  g_return_val_if_fail (CL_IS_WINDOW (self), FALSE);
  if (cl_window_select_student (self, id))
    return TRUE;
  /* Hidden by a search or a filter: show everyone, then open the file. */
  reset_list_filters (self);
  return cl_window_select_student (self, id);
}

/* A line of the start summary: its part of Everything Due. */
static void
on_summary_show_due (ClWindow *self,
                     guint     show)
{
  g_assert (CL_IS_WINDOW (self));
  cl_due_page_set_show (self->due_page, show);
  _cl_window_show_view (self, "due");
}

static void
on_due_student_activated (ClWindow   *self,
                          const char *id)
{
  g_assert (CL_IS_WINDOW (self));
  _cl_window_show_student (self, id);
}

/* The principal's drill-down: the students of one case manager, in the list. */
static void
on_case_manager_activated (ClWindow   *self,
                           const char *staff_id)
{
  g_assert (CL_IS_WINDOW (self));
  reset_list_filters (self);
  g_action_group_change_action_state (G_ACTION_GROUP (self->list_actions), "case-manager",
                                      g_variant_new_string (staff_id));
  update_sidebar (self);
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

ClStudent *
_cl_window_get_student (ClWindow *self)
{
  ClStudentRow *row;

  g_return_val_if_fail (CL_IS_WINDOW (self), NULL);
  row = selected_row (self);
  return row ? cl_student_row_get_student (row) : NULL;
}

gboolean
cl_window_select_student (ClWindow   *self,
                          const char *id)
{
  GListModel *model;

  g_return_val_if_fail (CL_IS_WINDOW (self), FALSE);

  if (cl_session_get_loading (self->session))
    {
      g_free (self->pending_student);
      self->pending_student = g_strdup (id);
      return TRUE;
    }
  model = G_LIST_MODEL (self->visible);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(ClStudentRow) row = g_list_model_get_item (model, i);

      if (g_str_equal (cl_student_row_get_student (row)->id, id))
        {
          gtk_single_selection_set_selected (self->selection, i);
          /* Also moves the list's focus to the row (GTK 4.8 tracks focus through this action):
           * otherwise focus coming back to the list, say when a menu closes, lands on the first
           * row and selects that student instead. */
          gtk_widget_activate_action (GTK_WIDGET (self->student_list), "list.scroll-to-item", "u", i);
          return TRUE;
        }
    }
  return FALSE;
}

static void
show_error (ClWindow   *self,
            const char *title,
            const char *message)
{
  clear_caseload (self);
  adw_status_page_set_title (self->error_page, title);
  adw_status_page_set_description (self->error_page, message);
  update_sidebar (self);
}

void
cl_window_open_demo (ClWindow *self)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  gsize size;
  const char *data;

  g_return_if_fail (CL_IS_WINDOW (self));

  bytes = g_resources_lookup_data (DEMO_RESOURCE, 0, &error);
  if (bytes != NULL)
    {
      data = g_bytes_get_data (bytes, &size);
      if (cl_window_load_bundle (self, data, size, _("Demo Caseload"), &error))
        {
          AdwToast *toast = adw_toast_new (_("The demo caseload: made-up students, read-only"));

          cl_session_set_demo (self->session, TRUE);
          _cl_window_actions_update (self);
          /* To try planning and running a meeting, or editing, without touching a real caseload. */
          adw_toast_set_button_label (toast, _("_Practice on a Copy"));
          adw_toast_set_action_name (toast, "win.practice-demo");
          adw_toast_set_timeout (toast, 10);
          if (self->toast_overlay != NULL)
            adw_toast_overlay_add_toast (self->toast_overlay, toast);
          return;
        }
    }
  show_error (self, _("The Demo Caseload Could Not Be Opened"), error->message);
}

static void
backed_up (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(ClWindow) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!cl_session_back_up_finish (CL_SESSION (object), result, &error))
    {
      g_autofree char *message = g_strdup_printf (_("Today’s backup could not be made: %s"), error->message);
      _cl_window_toast (self, message);
    }
}

/* The page shown when the database was open last, unless the command line asked for another.
 * A student who is no longer there is quietly not shown. */
static void
restore_last_page (ClWindow *self)
{
  g_autofree char *view = g_settings_get_string (self->settings, "last-view");
  g_autofree char *student = g_settings_get_string (self->settings, "last-student");

  if (g_str_equal (view, "student") && *student && cl_caseload_lookup_student (cl_session_get_caseload (self->session), student) != NULL)
    cl_window_select_student (self, student);
  else if (g_str_equal (view, "due") || g_str_equal (view, "compliance"))
    _cl_window_show_view (self, view);
}

/* CASELOAD_TRACE_STARTUP, with the time main.c noted when the process started. */
static gboolean
tracing_startup (void)
{
  return g_getenv ("CASELOAD_TRACE_STARTUP") != NULL && g_getenv ("CASELOAD_STARTED_AT") != NULL;
}

static double
ms_since_start (void)
{
  return (g_get_monotonic_time () - g_ascii_strtoll (g_getenv ("CASELOAD_STARTED_AT"), NULL, 10)) / 1000.0;
}

/* Listed means seen: the time is taken when the first frame with the students has been painted,
 * not when they were handed to the list (the main thread still lays them out after that). */
static void
on_listed_frame (GdkFrameClock *clock,
                 ClWindow      *self)
{
  g_signal_handlers_disconnect_by_func (clock, on_listed_frame, self);
  g_printerr ("caseload: %u students listed %.1f ms after start\n",
              g_list_model_get_n_items (G_LIST_MODEL (self->students)), ms_since_start ());
}

static void
trace_listed_when_painted (ClWindow *self)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (self));

  if (clock == NULL)
    return;
  g_signal_connect (clock, "after-paint", G_CALLBACK (on_listed_frame), self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
apply_pending (ClWindow *self)
{
  g_autofree char *student = g_steal_pointer (&self->pending_student);
  g_autofree char *view = g_steal_pointer (&self->pending_view);

  if (view == NULL && student == NULL && _cl_window_remembers (self))
    restore_last_page (self);
  if (view != NULL)
    _cl_window_show_view (self, view);
  if (student != NULL && !cl_window_select_student (self, student))
    {
      g_autofree char *message = g_strdup_printf (_("There is no student with id “%s”"), student);
      _cl_window_toast (self, message);
    }
  if (tracing_startup ())
    trace_listed_when_painted (self);
  if (self->settings != NULL && g_settings_get_boolean (self->settings, "automatic-backups"))
    cl_session_back_up_async (self->session, backed_up, g_object_ref (self));
}

static void
on_session_load_failed (ClWindow     *self,
                        const GError *error)
{
  self->after_load = FALSE;
  if (tracing_startup ())
    g_printerr ("caseload: the database could not be opened, %.1f ms after start: %s\n", ms_since_start (), error->message);
  if (self->toast_overlay == NULL)
    return;
  show_error (self, _("The Case Database Could Not Be Opened"), error->message);
  _cl_window_actions_update (self);
}

static void
on_session_can_undo (ClWindow *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo", cl_session_get_can_undo (self->session));
}

static void
on_session_loading (ClWindow *self)
{
  update_sidebar (self);
  _cl_window_actions_update (self);
}

void
cl_window_open_database (ClWindow   *self,
                         const char *path)
{
  g_autoptr(GError) error = NULL;

  g_return_if_fail (CL_IS_WINDOW (self));

  clear_caseload (self);
  /* The sort and filters used last time with a database. */
  _cl_window_list_restore (self);
  if (self->settings != NULL)
    {
      g_autofree char *case_manager = g_settings_get_string (self->settings, "due-case-manager");
      cl_due_page_set_case_manager (self->due_page, case_manager);
    }
  self->after_load = TRUE;
  if (!cl_session_open_database (self->session, path, &error))
    {
      self->after_load = FALSE;
      show_error (self, _("The Case Database Could Not Be Opened"), error->message);
      _cl_window_actions_update (self);
    }
}

static void
save_window_state (ClWindow *self)
{
  int width, height;

  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  g_settings_set_int (self->settings, "window-width", width);
  g_settings_set_int (self->settings, "window-height", height);
  g_settings_set_boolean (self->settings, "window-maximized", gtk_window_is_maximized (GTK_WINDOW (self)));
}

static gboolean
cl_window_close_request (GtkWindow *window)
{
  save_window_state (CL_WINDOW (window));
  return GTK_WINDOW_CLASS (cl_window_parent_class)->close_request (window);
}

static void
on_first_frame (GdkFrameClock *clock,
                ClWindow      *self)
{
  g_signal_handlers_disconnect_by_func (clock, on_first_frame, self);
  if (g_getenv ("CASELOAD_STARTED_AT") != NULL)
    g_printerr ("caseload: first frame %.1f ms after start, %u students\n", ms_since_start (),
                g_list_model_get_n_items (G_LIST_MODEL (self->students)));
}

static void
cl_window_realize (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (cl_window_parent_class)->realize (widget);
  if (g_getenv ("CASELOAD_TRACE_STARTUP") != NULL)
    g_signal_connect (gtk_widget_get_frame_clock (widget), "after-paint", G_CALLBACK (on_first_frame), widget);
}

static void
cl_window_dispose (GObject *object)
{
  ClWindow *self = CL_WINDOW (object);

  if (self->selection != NULL)
    clear_caseload (self);
  g_clear_object (&self->selection);
  _cl_window_list_dispose (self);
  g_clear_object (&self->slots);
  g_clear_object (&self->factory);
  g_clear_object (&self->visible);
  g_clear_object (&self->shown_row);
  g_clear_object (&self->students);
  g_clear_object (&self->filter);
  g_clear_object (&self->sorter);
  g_clear_object (&self->list_actions);
  g_clear_object (&self->settings);
  if (self->session != NULL)
    g_signal_handlers_disconnect_by_data (self->session, self);
  g_clear_object (&self->session);
  g_clear_pointer (&self->query, cl_student_query_free);
  g_clear_pointer (&self->search_text, g_free);
  g_clear_pointer (&self->pending_student, g_free);
  g_clear_pointer (&self->shown_id, g_free);
  g_clear_pointer (&self->listed_path, g_free);
  g_clear_pointer (&self->pending_view, g_free);
  gtk_widget_dispose_template (GTK_WIDGET (self), CL_TYPE_WINDOW);
  G_OBJECT_CLASS (cl_window_parent_class)->dispose (object);
}

static void
cl_window_class_init (ClWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = cl_window_dispose;
  window_class->close_request = cl_window_close_request;
  widget_class->realize = cl_window_realize;

  g_type_ensure (CL_TYPE_STUDENT_PAGE);
  g_type_ensure (CL_TYPE_CASELOAD_SUMMARY);
  g_type_ensure (CL_TYPE_DUE_PAGE);
  g_type_ensure (CL_TYPE_COMPLIANCE_PAGE);
  g_type_ensure (CL_TYPE_SYNC_BUTTON);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/caseload/Caseload/cl-window.ui");
  gtk_widget_class_bind_template_child (widget_class, ClWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, ClWindow, search_bar);
  gtk_widget_class_bind_template_child (widget_class, ClWindow, search_entry);
  gtk_widget_class_bind_template_child (widget_class, ClWindow, search_button);
  gtk_widget_class_bind_template_child (widget_class, ClWindow, sidebar_stack);
  gtk_widget_class_bind_template_child (widget_class, ClWindow, student_list);
  gtk_widget_class_bind_template_child (widget_class, ClWindow, empty_page);
  gtk_widget_class_bind_template_child (widget_class, ClWindow, error_page);
  gtk_widget_class_bind_template_child (widget_class, ClWindow, content_stack);
  gtk_widget_class_bind_template_child (widget_class, ClWindow, content_title);
  gtk_widget_class_bind_template_child (widget_class, ClWindow, sync_button);
  gtk_widget_class_bind_template_child (widget_class, ClWindow, sidebar_title);
  gtk_widget_class_bind_template_child (widget_class, ClWindow, student_page);
  gtk_widget_class_bind_template_child (widget_class, ClWindow, summary);
  gtk_widget_class_bind_template_child (widget_class, ClWindow, due_page);
  gtk_widget_class_bind_template_child (widget_class, ClWindow, compliance_page);
  gtk_widget_class_bind_template_child (widget_class, ClWindow, views_list);
  gtk_widget_class_bind_template_child (widget_class, ClWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, ClWindow, import_progress);
  gtk_widget_class_bind_template_child (widget_class, ClWindow, documents_button);
  gtk_widget_class_bind_template_child (widget_class, ClWindow, content);
  gtk_widget_class_bind_template_child (widget_class, ClWindow, school_menu);
  gtk_widget_class_bind_template_child (widget_class, ClWindow, case_manager_menu);
  gtk_widget_class_bind_template_child (widget_class, ClWindow, view_button);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_row_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_view_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_due_student_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_summary_show_due);
  gtk_widget_class_bind_template_callback (widget_class, on_case_manager_activated);

  _cl_window_class_actions_init (klass);
  _cl_window_class_edit_init (klass);
  _cl_window_class_students_init (klass);
  _cl_window_class_meetings_init (klass);
  _cl_window_class_conflicts_init (klass);
}

/* Whose students Everything Due and the start summary count ("my students"), remembered. */
static void
on_due_case_manager_changed (ClWindow *self)
{
  if (_cl_window_remembers (self))
    g_settings_set_string (self->settings, "due-case-manager", cl_due_page_get_case_manager (self->due_page));
}

static void
cl_window_init (ClWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->session = cl_session_new ();
  cl_student_page_set_session (self->student_page, self->session);
  cl_due_page_set_session (self->due_page, self->session);
  g_signal_connect_swapped (self->due_page, "notify::case-manager", G_CALLBACK (on_due_case_manager_changed), self);
  /* The start summary counts the students Everything Due lists: the same choice in both. */
  cl_caseload_summary_set_session (self->summary, self->session);
  g_object_bind_property (self->due_page, "case-manager", self->summary, "case-manager",
                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  g_signal_connect_swapped (self->session, "reloaded", G_CALLBACK (on_session_reloaded), self);
  g_signal_connect_swapped (self->session, "student-changed", G_CALLBACK (on_session_student_changed), self);
  g_signal_connect_swapped (self->session, "load-failed", G_CALLBACK (on_session_load_failed), self);
  g_signal_connect_swapped (self->session, "notify::loading", G_CALLBACK (on_session_loading), self);
  g_signal_connect_swapped (self->session, "notify::can-undo", G_CALLBACK (on_session_can_undo), self);

  _cl_window_conflicts_init (self);
  _cl_window_list_init (self);
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->slots)));
  cl_student_slots_set_selection (self->slots, self->selection);
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  g_signal_connect_swapped (self->selection, "notify::selected-item", G_CALLBACK (on_selection_changed), self);
  gtk_list_view_set_model (self->student_list, GTK_SELECTION_MODEL (self->selection));
  gtk_list_view_set_factory (self->student_list, self->factory);

  /* Nothing typed yet: the first letter only narrows. */
  self->search_text = g_strdup ("");
  gtk_search_bar_connect_entry (self->search_bar, GTK_EDITABLE (self->search_entry));
  gtk_search_bar_set_key_capture_widget (self->search_bar, GTK_WIDGET (self));
  g_object_bind_property (self->search_button, "active", self->search_bar, "search-mode-enabled",
                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  update_sidebar (self);
}
