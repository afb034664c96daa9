/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-meeting-window.c — one planned meeting: its details and notice, the shell of the Prepare and
 * In the Meeting pages, saving, and Record as Held
 *
 * The window follows its session: each change is saved through it at once, and everything on screen
 * is rebuilt from the caseload the session holds after each save or reload, so what the window shows
 * is always what the database holds and what the engine computed from it. It closes itself when its
 * meeting is no longer planned there, or another database is opened.
 */
#define G_LOG_DOMAIN "cl-meeting-window"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "cl-documents.h"
#include "cl-group-rows.h"
#include "cl-meeting-window-private.h"
#include "cl-rule-ids.h"

G_DEFINE_FINAL_TYPE (ClMeetingWindow, cl_meeting_window, ADW_TYPE_WINDOW)


static void
meeting_obligation_clear (gpointer data)
{
  ClMeetingObligation *ob = data;

  g_free (ob->rule_id);
  g_free (ob->title);
  g_free (ob->sentence);
  g_free (ob->citation);
  g_free (ob->counted);
  g_free (ob->from_text);
}

static void
cl_meeting_window_dispose (GObject *object)
{
  ClMeetingWindow *self = CL_MEETING_WINDOW (object);

  g_clear_handle_id (&self->rebuild_id, g_source_remove);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), CL_TYPE_MEETING_WINDOW);
  G_OBJECT_CLASS (cl_meeting_window_parent_class)->dispose (object);
}

static void
cl_meeting_window_finalize (GObject *object)
{
  ClMeetingWindow *self = CL_MEETING_WINDOW (object);

  g_clear_pointer (&self->scratch, cl_student_free);
  g_clear_pointer (&self->obligations, g_array_unref);
  g_clear_pointer (&self->team, g_array_unref);
  g_clear_pointer (&self->expanded, g_hash_table_unref);
  g_clear_pointer (&self->keyed, g_hash_table_unref);
  g_clear_object (&self->caseload);
  g_clear_object (&self->packs);
  g_clear_weak_pointer (&self->opened_on);
  g_clear_object (&self->session);
  g_free (self->student_id);
  g_free (self->meeting_id);
  G_OBJECT_CLASS (cl_meeting_window_parent_class)->finalize (object);
}

void
cl_meeting_window_toast (ClMeetingWindow *self,
                         const char      *message)
{
  g_return_if_fail (CL_IS_MEETING_WINDOW (self));
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
}

void
_cl_meeting_window_add_row (ClMeetingWindow     *self,
                            AdwPreferencesGroup *group,
                            GtkWidget           *row)
{
  _cl_group_rows_add (self->rows, group, row);
}

const ClMeetingObligation *
_cl_meeting_window_find_obligation (ClMeetingWindow *self,
                                    const char      *rule_id,
                                    int              role)
{
  for (guint i = 0; self->obligations && i < self->obligations->len; i++)
    {
      const ClMeetingObligation *ob = &g_array_index (self->obligations, ClMeetingObligation, i);
      if (ob->this_meeting && g_str_equal (ob->rule_id, rule_id) && (role < 0 || ob->role == role))
        return ob;
    }
  return NULL;
}

GtkWidget *
_cl_meeting_obligation_row (const ClMeetingObligation *ob,
                            const char                *title,
                            const char * const        *items)
{
  GtkWidget *row = adw_expander_row_new ();
  g_autofree char *due = cl_date_dup_long (ob->due);
  g_autofree char *from = cl_date_dup_long (ob->from);
  g_autofree char *subtitle = NULL;
  g_autofree char *from_text = NULL;

  if (ob->met_on != CL_DATE_NONE)
    {
      g_autofree char *met = cl_date_dup_long (ob->met_on);
      /* Translators: an obligation's dates, e.g. "Due March 3, 2026 · done March 1, 2026" */
      subtitle = g_strdup_printf (_("Due %s · done %s"), due, met);
    }
  else
    /* Translators: an obligation's due date */
    subtitle = g_strdup_printf (_("Due %s"), due);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title ? title : _cl_translate (ob->title));
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), subtitle);
  adw_expander_row_add_action (ADW_EXPANDER_ROW (row), _cl_pill_new (_cl_status_label (ob->status),
                                                                     cl_status_names[ob->status]));
  for (guint i = 0; items && items[i]; i++)
    {
      GtkWidget *item = _cl_info_row_new (_(items[i]), NULL);
      GtkWidget *bullet;

      adw_action_row_set_subtitle (ADW_ACTION_ROW (item), "");
      bullet = gtk_label_new ("•");
      /* A bullet, not a check box: what the IEP must hold, not something ticked off here. */
      gtk_widget_add_css_class (bullet, "dim-label");
      adw_action_row_add_prefix (ADW_ACTION_ROW (item), bullet);
      adw_expander_row_add_row (ADW_EXPANDER_ROW (row), item);
    }
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row), _cl_info_row_new (_("Rule"), _cl_translate (ob->sentence)));
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row), _cl_info_row_new (_("Citation"), ob->citation));
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row), _cl_info_row_new (_("Counted From"), ob->from_text));
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row), _cl_info_row_new (_("How It Was Counted"), ob->counted));
  return row;
}

GtkWidget *
_cl_meeting_obligation_info_row (const ClMeetingObligation *ob)
{
  g_autofree char *due = cl_date_dup_long (ob->due);
  g_autofree char *dates = NULL;
  g_autofree char *subtitle = NULL;
  GtkWidget *row;

  if (ob->met_on != CL_DATE_NONE)
    {
      g_autofree char *met = cl_date_dup_long (ob->met_on);
      dates = g_strdup_printf (_("Due %s · done %s"), due, met);
    }
  else
    dates = g_strdup_printf (_("Due %s"), due);
  /* Translators: an obligation in one row: its dates, the rule's sentence, the citation */
  subtitle = g_strdup_printf (_("%s. %s (%s)"), dates, _cl_translate (ob->sentence), ob->citation);
  row = _cl_info_row_new (_cl_translate (ob->title), subtitle);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), _cl_pill_new (_cl_status_label (ob->status),
                                                                 cl_status_names[ob->status]));
  return row;
}

static void
on_expanded (GtkWidget       *row,
             GParamSpec      *pspec,
             ClMeetingWindow *self)
{
  const char *key = g_object_get_data (G_OBJECT (row), "cl-key");

  if (adw_expander_row_get_expanded (ADW_EXPANDER_ROW (row)))
    g_hash_table_add (self->expanded, g_strdup (key));
  else
    g_hash_table_remove (self->expanded, key);
}

void
_cl_meeting_window_track_expander (ClMeetingWindow *self,
                                   GtkWidget       *row,
                                   const char      *key)
{
  g_object_set_data_full (G_OBJECT (row), "cl-key", g_strdup (key), g_free);
  g_hash_table_insert (self->keyed, g_strdup (key), row);
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), g_hash_table_contains (self->expanded, key));
  g_signal_connect (row, "notify::expanded", G_CALLBACK (on_expanded), self);
}

/* ---- the draft: a copy of the planned meeting that the rows edit ---- */

static void
copy_meeting (ClMeetingWindow *self,
              const ClMeeting *src)
{
  g_clear_pointer (&self->scratch, cl_student_free);
  self->scratch = cl_student_new ("draft");
  self->draft = cl_meeting_copy (src, self->scratch);
}

static const ClMeeting *
planned_meeting (ClMeetingWindow *self)
{
  for (guint i = 0; self->student && i < self->student->meetings->len; i++)
    {
      const ClMeeting *m = g_ptr_array_index (self->student->meetings, i);
      if (g_str_equal (m->id, self->meeting_id))
        return m;
    }
  return NULL;
}

static void rebuild (ClMeetingWindow *self);

static gboolean
rebuild_idle (gpointer data)
{
  ClMeetingWindow *self = data;

  self->rebuild_id = 0;
  rebuild (self);
  return G_SOURCE_REMOVE;
}

/* Later, not now: the row whose signal asked for it may be among those the rebuild removes. */
void
_cl_meeting_window_queue_rebuild (ClMeetingWindow *self)
{
  if (self->rebuild_id == 0)
    self->rebuild_id = g_idle_add (rebuild_idle, self);
}

gboolean
_cl_meeting_window_save (ClMeetingWindow *self)
{
  g_autoptr(GError) error = NULL;
  const ClMeeting *planned;

  /* Saved, the session reads the caseload again and this window follows (on_session_reloaded). */
  if (cl_session_update_meeting (self->session, self->student_id, self->draft, &error))
    return TRUE;
  {
    g_autofree char *text = g_strdup_printf (_("Not saved: %s"), error->message);
    cl_meeting_window_toast (self, text);
  }
  planned = planned_meeting (self);
  if (planned != NULL)
    copy_meeting (self, planned);
  _cl_meeting_window_queue_rebuild (self);
  return FALSE;
}

/* ---- the meeting's own rows ---- */

static void
mark_invalid (AdwEntryRow *row,
              gboolean     invalid)
{
  if (invalid)
    gtk_widget_add_css_class (GTK_WIDGET (row), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (row), "error");
}

/* "" is no date; anything else must be a real one. */
static gboolean
parse_optional_date (AdwEntryRow     *row,
                     ClMeetingWindow *self,
                     ClDate          *out)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (row));

  *out = CL_DATE_NONE;
  if (*text == '\0' || cl_date_parse_iso (text, out))
    {
      mark_invalid (row, FALSE);
      return TRUE;
    }
  mark_invalid (row, TRUE);
  cl_meeting_window_toast (self, _("Not a date: write it as YYYY-MM-DD, for example 2026-12-14."));
  return FALSE;
}

static void
on_kind_selected (ClMeetingWindow *self)
{
  guint kind = adw_combo_row_get_selected (self->kind_row);

  if (self->updating || self->draft == NULL || kind >= CL_N_MEETING_KINDS || kind == (guint) self->draft->kind)
    return;
  self->draft->kind = kind;
  _cl_meeting_window_save (self);
}

static void
on_date_apply (ClMeetingWindow *self)
{
  ClDate date;

  if (!parse_optional_date (self->date_row, self, &date))
    return;
  if (date == CL_DATE_NONE)
    {
      mark_invalid (self->date_row, TRUE);
      cl_meeting_window_toast (self, _("A meeting needs a date."));
      return;
    }
  self->draft->date = date;
  _cl_meeting_window_save (self);
}

static void
on_time_apply (ClMeetingWindow *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->time_row));
  int h = -1, m = -1;
  char end = 0;

  if (*text == '\0')
    self->draft->start_minutes = -1;
  else if (sscanf (text, "%d:%d%c", &h, &m, &end) == 2 && h >= 0 && h < 24 && m >= 0 && m < 60)
    self->draft->start_minutes = h * 60 + m;
  else
    {
      mark_invalid (self->time_row, TRUE);
      cl_meeting_window_toast (self, _("Not a time: write it as HH:MM, for example 15:30."));
      return;
    }
  mark_invalid (self->time_row, FALSE);
  _cl_meeting_window_save (self);
}

static void
on_place_apply (ClMeetingWindow *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->place_row));

  g_free (self->draft->location);
  self->draft->location = *text ? g_strdup (text) : NULL;
  _cl_meeting_window_save (self);
}

static void
on_interpreter_apply (ClMeetingWindow *self)
{
  g_autofree char *code = g_ascii_strdown (gtk_editable_get_text (GTK_EDITABLE (self->interpreter_row)), -1);
  gsize n = strlen (g_strstrip (code));

  for (gsize i = 0; i < n; i++)
    if (!g_ascii_isalpha (code[i]))
      n = 0;
  if (*code && (n < 2 || n > 3))
    {
      mark_invalid (self->interpreter_row, TRUE);
      cl_meeting_window_toast (self, _("Write the language as its two-letter code, for example es for Spanish."));
      return;
    }
  mark_invalid (self->interpreter_row, FALSE);
  g_free (self->draft->interpreter);
  self->draft->interpreter = *code ? g_strdup (code) : NULL;
  _cl_meeting_window_save (self);
}

static void
on_notice_apply (ClMeetingWindow *self)
{
  ClDate date;

  if (!parse_optional_date (self->notice_row, self, &date))
    return;
  self->draft->notice_sent = date;
  _cl_meeting_window_save (self);
}

static void
set_entry (AdwEntryRow *row,
           const char  *text)
{
  gtk_editable_set_text (GTK_EDITABLE (row), text ? text : "");
  mark_invalid (row, FALSE);
}

static void
build_notice (ClMeetingWindow *self)
{
  const ClMeetingObligation *ob = _cl_meeting_window_find_obligation (self, CL_RULE_MEETING_NOTICE_DUE, -1);
  const char *family = cl_document_family_language (self->student);
  const char *spoken;
  g_autofree char *language = NULL;

  if (ob != NULL)
    {
      g_autofree char *due = cl_date_dup_long (ob->due);
      /* Translators: %s is a date */
      g_autofree char *title = ob->met_on ? g_strdup (_("Notice sent in time"))
                                          : g_strdup_printf (_("Send the notice by %s"), due);
      _cl_meeting_window_add_row (self, self->notice_group, _cl_meeting_obligation_row (ob, title, NULL));
    }
  /* The family's own language, when the documents cannot be written in it yet. */
  if (self->student->guardians->len > 0 && g_array_index (self->student->guardians, ClGuardian, 0).language)
    spoken = g_array_index (self->student->guardians, ClGuardian, 0).language;
  else
    spoken = self->student->home_language;
  if (spoken && *spoken && !g_str_equal (spoken, family))
    /* Translators: the notice's language, then the family's, e.g. "English (no Armenian wording yet)" */
    language = g_strdup_printf (_("%s (no %s wording yet)"), _cl_language_label (family), _cl_language_label (spoken));
  else
    language = g_strdup (_cl_language_label (family));
  if (self->draft->interpreter && !g_str_equal (self->draft->interpreter, family))
    {
      g_autofree char *plain = g_steal_pointer (&language);
      /* Translators: the notice's language, then the meeting interpreter's */
      language = g_strdup_printf (_("%s; interpreter at the meeting: %s"), plain,
                                  _cl_language_label (self->draft->interpreter));
    }
  _cl_meeting_window_add_row (self, self->notice_group, _cl_info_row_new (_("Notice Language"), language));
}

static void
rebuild (ClMeetingWindow *self)
{
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (self->prepare_scroller);
  double scrolled = gtk_adjustment_get_value (adjustment);
  g_autofree char *name = NULL;
  g_autofree char *when = NULL;
  g_autofree char *date = NULL;
  g_autofree char *time = NULL;
  g_autofree char *subtitle = NULL;

  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));
  GtkWidget *focus_row = focus ? gtk_widget_get_ancestor (focus, ADW_TYPE_EXPANDER_ROW) : NULL;
  g_autofree char *focus_key = focus_row ? g_strdup (g_object_get_data (G_OBJECT (focus_row), "cl-key")) : NULL;

  g_clear_handle_id (&self->rebuild_id, g_source_remove);
  if (self->draft == NULL)
    return;
  g_hash_table_remove_all (self->keyed);
  _cl_group_rows_clear (self->rows);

  name = cl_student_dup_display_name (self->student);
  when = cl_date_dup_long (self->draft->date);
  time = _cl_format_minutes (self->draft->start_minutes);
  /* Translators: the meeting window's subtitle: student, date and time */
  subtitle = time ? g_strdup_printf (_("%s · %s, %s"), name, when, time) : g_strdup_printf (_("%s · %s"), name, when);
  if (self->draft->location && *self->draft->location)
    {
      g_autofree char *plain = g_steal_pointer (&subtitle);
      /* Translators: the meeting's subtitle, then its place */
      subtitle = g_strdup_printf (_("%s · %s"), plain, self->draft->location);
    }
  adw_view_switcher_title_set_title (self->switcher_title, _cl_meeting_kind_label (self->draft->kind));
  adw_view_switcher_title_set_subtitle (self->switcher_title, subtitle);
  gtk_window_set_title (GTK_WINDOW (self), _cl_meeting_kind_label (self->draft->kind));
  gtk_label_set_label (self->prepare_title, _cl_meeting_kind_label (self->draft->kind));
  gtk_label_set_label (self->prepare_subtitle, subtitle);
  gtk_label_set_label (self->checklist_title, _cl_meeting_kind_label (self->draft->kind));
  gtk_label_set_label (self->checklist_subtitle, subtitle);

  self->updating = TRUE;
  adw_combo_row_set_selected (self->kind_row, self->draft->kind);
  date = cl_date_to_iso (self->draft->date);
  set_entry (self->date_row, date);
  set_entry (self->time_row, time);
  set_entry (self->place_row, self->draft->location);
  set_entry (self->interpreter_row, self->draft->interpreter);
  {
    g_autofree char *notice = cl_date_to_iso (self->draft->notice_sent);
    set_entry (self->notice_row, notice);
  }
  self->updating = FALSE;

  _cl_meeting_team_build (self);
  build_notice (self);
  _cl_meeting_parent_build (self);
  _cl_meeting_agenda_build (self);
  _cl_meeting_checklist_build (self);

  /* The rows were replaced; the place the user was reading stays, and so does the keyboard focus
   * (on the member's row it was in). */
  gtk_adjustment_set_value (adjustment, scrolled);
  if (focus_key != NULL && g_hash_table_lookup (self->keyed, focus_key))
    gtk_widget_grab_focus (g_hash_table_lookup (self->keyed, focus_key));
}

/* The meeting as the session holds it now; FALSE when it is no longer planned there (or another
 * database was opened since). */
static gboolean
update (ClMeetingWindow *self)
{
  ClCaseload *caseload = cl_session_get_caseload (self->session);
  const ClMeeting *planned;
  GPtrArray *obligations;

  if (caseload == NULL || self->opened_on == NULL || cl_session_get_store (self->session) != self->opened_on)
    return FALSE;
  g_set_object (&self->caseload, caseload);
  self->student = cl_caseload_lookup_student (caseload, self->student_id);
  self->today = cl_session_get_today (self->session);
  planned = planned_meeting (self);
  if (planned == NULL)
    return FALSE;
  obligations = cl_session_get_student_obligations (self->session, self->student);
  copy_meeting (self, planned);

  g_array_set_size (self->obligations, 0);
  for (guint i = 0; obligations && i < obligations->len; i++)
    {
      const ClObligation *ob = g_ptr_array_index (obligations, i);
      ClMeetingObligation copy = {
        /* A district pack's rule may lack a title or sentence; gettext must never see NULL. */
        g_strdup (ob->rule->id), g_strdup (ob->rule->title ? ob->rule->title : ob->rule->id),
        g_strdup (ob->rule->sentence ? ob->rule->sentence : ""),
        g_strdup (ob->citation ? ob->citation : ""), _cl_counted_text (ob), _cl_obligation_from_text (ob),
        ob->due, ob->met_on, ob->from, ob->status, ob->role,
        ob->meeting != NULL && g_strcmp0 (ob->meeting->id, self->meeting_id) == 0,
      };
      g_array_append_val (self->obligations, copy);
    }
  g_clear_pointer (&self->team, g_array_unref);
  self->team = cl_meeting_prep_propose_team (cl_meeting_prep_required_rule (self->packs, self->caseload, self->student), self->student, self->draft->kind, self->draft->date);
  _cl_meeting_window_queue_rebuild (self);
  return TRUE;
}

static gboolean
destroy_idle (gpointer data)
{
  gtk_window_destroy (data);
  return G_SOURCE_REMOVE;
}

/* Closed from an idle: a dialog of the window may still be answering, and must go before it. */
static void
close_later (ClMeetingWindow *self)
{
  if (self->closing)
    return;
  self->closing = TRUE;
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
  g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, destroy_idle, g_object_ref (self), g_object_unref);
}

static void
on_session_reloaded (ClMeetingWindow *self)
{
  if (!self->closing && !update (self))
    close_later (self);
}

static void
on_session_student_changed (ClMeetingWindow *self,
                            ClStudent       *student)
{
  if (!self->closing && g_strcmp0 (student->id, self->student_id) == 0 && !update (self))
    close_later (self);
}

void
cl_meeting_window_show_page (ClMeetingWindow *self,
                             const char      *page)
{
  g_return_if_fail (CL_IS_MEETING_WINDOW (self));
  adw_view_stack_set_visible_child_name (self->stack, page);
}

const char *
cl_meeting_window_get_student_id (ClMeetingWindow *self)
{
  g_return_val_if_fail (CL_IS_MEETING_WINDOW (self), NULL);
  return self->student_id;
}

const char *
cl_meeting_window_get_meeting_id (ClMeetingWindow *self)
{
  g_return_val_if_fail (CL_IS_MEETING_WINDOW (self), NULL);
  return self->meeting_id;
}

/* ---- actions ---- */

/* Alt+1, Alt+2: the page, and the keyboard focus in it. The focus was on the page now hidden
 * (GTK drops it there), so without moving it the next Tab would start again from the header bar. */
static void
page_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  ClMeetingWindow *self = CL_MEETING_WINDOW (widget);
  GtkWidget *focus, *page;

  cl_meeting_window_show_page (self, g_variant_get_string (parameter, NULL));
  page = adw_view_stack_get_visible_child (self->stack);
  focus = gtk_root_get_focus (GTK_ROOT (self));
  if (page != NULL && (focus == NULL || !gtk_widget_is_ancestor (focus, page)))
    gtk_widget_child_focus (page, GTK_DIR_TAB_FORWARD);
}

static GtkWidget *
held_check (const char *label,
            gboolean    active)
{
  GtkWidget *check = gtk_check_button_new_with_mnemonic (label);

  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), active);
  return check;
}

static void
on_held_response (AdwMessageDialog *dialog,
                  const char       *response,
                  ClMeetingWindow  *self)
{
  GtkWidget *box = adw_message_dialog_get_extra_child (dialog);
  g_autoptr(GError) error = NULL;
  g_autofree char *student_id = NULL;
  GtkWindow *parent;
  ClEvent event = { 0 };

  if (!g_str_equal (response, "record") || self->draft == NULL)
    return;
  event.type = CL_EVENT_IEP_MEETING;
  event.date = self->draft->date;
  event.kind = self->draft->kind;
  event.from = -1;
  event.transition_plan = gtk_check_button_get_active (g_object_get_data (G_OBJECT (box), "transition"));
  event.age_of_majority_informed = gtk_check_button_get_active (g_object_get_data (G_OBJECT (box), "majority"));
  event.eligible = gtk_check_button_get_active (g_object_get_data (G_OBJECT (box), "eligible"));
  student_id = g_strdup (self->student_id);
  if (!cl_session_record_meeting_held (self->session, student_id, self->meeting_id, &event, &error))
    {
      g_autofree char *message = g_strdup_printf (_("Not saved: %s"), error->message);
      cl_meeting_window_toast (self, message);
      return;
    }
  /* The plan is gone (this window with it); the main window shows the file with Undo. */
  parent = gtk_window_get_transient_for (GTK_WINDOW (self));
  if (parent != NULL)
    gtk_widget_activate_action (GTK_WIDGET (parent), "win.show-saved", "(ss)", student_id, _("Meeting recorded as held"));
}

static void
record_held_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  ClMeetingWindow *self = CL_MEETING_WINDOW (widget);
  g_autoptr(GHashTable) ticks = NULL;
  g_autofree char *when = NULL;
  g_autofree char *body = NULL;
  GtkWidget *box, *transition, *majority, *eligible;
  AdwMessageDialog *dialog;
  gboolean future;

  if (self->draft == NULL)
    return;
  ticks = cl_session_list_meeting_items (self->session, self->student_id, self->meeting_id, NULL);
  when = cl_date_dup_long (self->draft->date);
  future = self->draft->date > self->today;
  body = future
    /* Translators: %s is the meeting's date */
    ? g_strdup_printf (_("This meeting is planned for %s, after today. Record it on the day it is held."), when)
    : g_strdup_printf (_("The plan becomes an IEP meeting held on %s in the timeline, and what is due is computed again. You can undo it."), when);
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), _("Record the Meeting as Held?"), body));

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  transition = held_check (_("The IEP includes the _transition plan"),
                           ticks && g_hash_table_lookup (ticks, "agenda:" CL_RULE_TRANSITION_PLAN_DUE));
  majority = held_check (_("The student was told which _rights transfer at 18"),
                         ticks && g_hash_table_lookup (ticks, "agenda:" CL_RULE_AGE_OF_MAJORITY_NOTICE_DUE));
  eligible = held_check (_("The student is _eligible for special education"), TRUE);
  gtk_widget_set_visible (eligible, self->draft->kind == CL_MEETING_INITIAL || self->draft->kind == CL_MEETING_TRIENNIAL);
  gtk_box_append (GTK_BOX (box), transition);
  gtk_box_append (GTK_BOX (box), majority);
  gtk_box_append (GTK_BOX (box), eligible);
  g_object_set_data (G_OBJECT (box), "transition", transition);
  g_object_set_data (G_OBJECT (box), "majority", majority);
  g_object_set_data (G_OBJECT (box), "eligible", eligible);
  adw_message_dialog_set_extra_child (dialog, box);

  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "record", _("_Record as Held"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "record", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_response_enabled (dialog, "record", !future);
  adw_message_dialog_set_default_response (dialog, future ? "cancel" : "record");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect (dialog, "response", G_CALLBACK (on_held_response), self);
  gtk_window_present (GTK_WINDOW (dialog));
  /* The focus on the default answer, not on the first check (where the dialog puts it when it
   * maps): there Enter would untick "the IEP includes the transition plan" instead of recording
   * the meeting. Tab goes back to the checks. */
  if (gtk_window_get_default_widget (GTK_WINDOW (dialog)) != NULL)
    gtk_widget_grab_focus (gtk_window_get_default_widget (GTK_WINDOW (dialog)));
}

static void
on_delete_response (AdwMessageDialog *dialog,
                    const char       *response,
                    ClMeetingWindow  *self)
{
  g_autoptr(GError) error = NULL;

  if (!g_str_equal (response, "delete"))
    return;
  /* Gone from the caseload, the meeting's window closes as the session reloads. */
  if (!cl_session_cancel_meeting (self->session, self->student_id, self->meeting_id, &error))
    {
      g_autofree char *text = g_strdup_printf (_("Not saved: %s"), error->message);
      cl_meeting_window_toast (self, text);
    }
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  ClMeetingWindow *self = CL_MEETING_WINDOW (widget);
  AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (
    adw_message_dialog_new (GTK_WINDOW (self), _("Cancel This Meeting?"),
                            _("The plan, its invitations, the record of attempts to reach the parent and the checklist are removed. The history keeps a line for it.")));

  adw_message_dialog_add_responses (dialog, "cancel", _("_Keep"), "delete", _("_Cancel Meeting"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "delete", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect (dialog, "response", G_CALLBACK (on_delete_response), self);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
cl_meeting_window_class_init (ClMeetingWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cl_meeting_window_dispose;
  object_class->finalize = cl_meeting_window_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/caseload/Caseload/cl-meeting-window.ui");
  gtk_widget_class_bind_template_child (widget_class, ClMeetingWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, ClMeetingWindow, switcher_title);
  gtk_widget_class_bind_template_child (widget_class, ClMeetingWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, ClMeetingWindow, prepare_scroller);
  gtk_widget_class_bind_template_child (widget_class, ClMeetingWindow, prepare_title);
  gtk_widget_class_bind_template_child (widget_class, ClMeetingWindow, prepare_subtitle);
  gtk_widget_class_bind_template_child (widget_class, ClMeetingWindow, checklist_title);
  gtk_widget_class_bind_template_child (widget_class, ClMeetingWindow, checklist_subtitle);
  gtk_widget_class_bind_template_child (widget_class, ClMeetingWindow, meeting_group);
  gtk_widget_class_bind_template_child (widget_class, ClMeetingWindow, kind_row);
  gtk_widget_class_bind_template_child (widget_class, ClMeetingWindow, date_row);
  gtk_widget_class_bind_template_child (widget_class, ClMeetingWindow, time_row);
  gtk_widget_class_bind_template_child (widget_class, ClMeetingWindow, place_row);
  gtk_widget_class_bind_template_child (widget_class, ClMeetingWindow, interpreter_row);
  gtk_widget_class_bind_template_child (widget_class, ClMeetingWindow, team_group);
  gtk_widget_class_bind_template_child (widget_class, ClMeetingWindow, notice_group);
  gtk_widget_class_bind_template_child (widget_class, ClMeetingWindow, notice_row);
  gtk_widget_class_bind_template_child (widget_class, ClMeetingWindow, parent_group);
  gtk_widget_class_bind_template_child (widget_class, ClMeetingWindow, attempt_date_row);
  gtk_widget_class_bind_template_child (widget_class, ClMeetingWindow, attempt_method_row);
  gtk_widget_class_bind_template_child (widget_class, ClMeetingWindow, attempt_outcome_row);
  gtk_widget_class_bind_template_child (widget_class, ClMeetingWindow, agenda_group);
  gtk_widget_class_bind_template_child (widget_class, ClMeetingWindow, checklist_group);
  gtk_widget_class_bind_template_child (widget_class, ClMeetingWindow, progress_label);

  gtk_widget_class_install_action (widget_class, "meeting.page", "s", page_action);
  gtk_widget_class_install_action (widget_class, "meeting.record-held", NULL, record_held_action);
  gtk_widget_class_install_action (widget_class, "meeting.delete", NULL, delete_action);
  _cl_meeting_team_class_init (widget_class);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1, GDK_ALT_MASK, "meeting.page", "s", "prepare");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_2, GDK_ALT_MASK, "meeting.page", "s", "checklist");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK, "meeting.record-held", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Enter, GDK_CONTROL_MASK, "meeting.record-held", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, GDK_CONTROL_MASK, "meeting.delete", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_l, GDK_CONTROL_MASK, "meeting.log-attempt", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
cl_meeting_window_init (ClMeetingWindow *self)
{
  g_autoptr(GtkStringList) kinds = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) methods = gtk_string_list_new (NULL);
  gtk_widget_init_template (GTK_WIDGET (self));
  self->rows = _cl_group_rows_new ();
  self->expanded = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->keyed = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->obligations = g_array_new (FALSE, TRUE, sizeof (ClMeetingObligation));
  g_array_set_clear_func (self->obligations, meeting_obligation_clear);

  for (guint i = 0; i < CL_N_MEETING_KINDS; i++)
    gtk_string_list_append (kinds, _cl_meeting_kind_label (i));
  adw_combo_row_set_model (self->kind_row, G_LIST_MODEL (kinds));
  for (guint i = 0; i < CL_N_CONTACT_METHODS; i++)
    gtk_string_list_append (methods, _cl_contact_method_label (i));
  adw_combo_row_set_model (self->attempt_method_row, G_LIST_MODEL (methods));

  g_signal_connect_swapped (self->kind_row, "notify::selected", G_CALLBACK (on_kind_selected), self);
  g_signal_connect_swapped (self->date_row, "apply", G_CALLBACK (on_date_apply), self);
  g_signal_connect_swapped (self->time_row, "apply", G_CALLBACK (on_time_apply), self);
  g_signal_connect_swapped (self->place_row, "apply", G_CALLBACK (on_place_apply), self);
  g_signal_connect_swapped (self->interpreter_row, "apply", G_CALLBACK (on_interpreter_apply), self);
  g_signal_connect_swapped (self->notice_row, "apply", G_CALLBACK (on_notice_apply), self);
}

ClMeetingWindow *
cl_meeting_window_new (GtkWindow   *parent,
                       ClSession   *session,
                       const char  *student_id,
                       const char  *meeting_id,
                       GError     **error)
{
  ClMeetingWindow *self;

  g_return_val_if_fail (CL_IS_SESSION (session), NULL);

  self = g_object_new (CL_TYPE_MEETING_WINDOW, "transient-for", parent, "destroy-with-parent", TRUE, NULL);
  if (parent != NULL)
    gtk_window_set_application (GTK_WINDOW (self), gtk_window_get_application (parent));
  self->session = g_object_ref (session);
  g_set_weak_pointer (&self->opened_on, cl_session_get_store (session));
  /* The same packs as the session's engine, for the roles the pack requires. */
  self->packs = g_object_ref (cl_deadline_engine_get_packs (cl_session_get_engine (session)));
  self->student_id = g_strdup (student_id);
  self->meeting_id = g_strdup (meeting_id);
  if (!update (self))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, _("That meeting is no longer planned"));
      gtk_window_destroy (GTK_WINDOW (self));
      return NULL;
    }
  g_signal_connect_object (session, "reloaded", G_CALLBACK (on_session_reloaded), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (session, "student-changed", G_CALLBACK (on_session_student_changed), self, G_CONNECT_SWAPPED);
  return self;
}

gboolean
cl_meeting_window_present (GtkWindow   *parent,
                           ClSession   *session,
                           const char  *student_id,
                           const char  *meeting_id,
                           GError     **error)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();
  ClMeetingWindow *self;

  g_return_val_if_fail (CL_IS_SESSION (session), FALSE);
  g_return_val_if_fail (student_id != NULL && meeting_id != NULL, FALSE);

  /* One window per meeting: a second would save over the first's changes. */
  for (GList *l = toplevels; l != NULL; l = l->next)
    if (CL_IS_MEETING_WINDOW (l->data) && gtk_widget_get_visible (l->data) &&
        g_str_equal (CL_MEETING_WINDOW (l->data)->student_id, student_id) &&
        g_str_equal (CL_MEETING_WINDOW (l->data)->meeting_id, meeting_id))
      {
        gtk_window_present (l->data);
        return TRUE;
      }
  self = cl_meeting_window_new (parent, session, student_id, meeting_id, error);
  if (self == NULL)
    return FALSE;
  gtk_window_present (GTK_WINDOW (self));
  return TRUE;
}
