/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-due-page.c — everything due across the open caseload, most urgent first */
#define G_LOG_DOMAIN "cl-due-page"

#include "config.h"

#include <glib/gi18n.h>

#include "cl-case-manager-row.h"
#include "cl-due-counts.h"
#include "cl-due-page.h"
#include "cl-due-words.h"
#include "cl-group-rows.h"
#include "cl-meeting-labels.h"
#include "cl-obligation-done.h"

/* A district's caseload has tens of thousands of open items: a group lists the first ones and
 * says how many more there are, rather than building rows nobody scrolls to. */
#define MAX_ROWS_PER_GROUP 200

enum { GROUP_OVERDUE, GROUP_WEEK, GROUP_MONTH, GROUP_LATER, GROUP_NOTICES, GROUP_MEETINGS, N_GROUPS };

struct _ClDuePage
{
  AdwBin               parent_instance;
  AdwPreferencesGroup *groups[N_GROUPS];
  AdwComboRow         *show_row;
  AdwComboRow         *case_manager_row;
  GtkWidget           *empty_box;
  GtkLabel            *empty_title;
  GtkLabel            *empty_description;
  GPtrArray           *rows;   /* (group, row) pairs */

  ClSession           *session;
  ClDate               today;         /* of the rows shown */
  ClDueShow            show;
  char                *case_manager;  /* "" for everyone */
  gboolean             filling;       /* the case manager row is being filled */
  gboolean             stale;         /* the session changed while the page was not shown */
  /* The obligation completed from its row (due.complete), kept in its place with a check for a
   * moment: its key (cl-obligation-done.h) and the timeout that lets it go. */
  GVariant            *just_done;
  guint                just_done_source;
};

enum { PROP_0, PROP_CASE_MANAGER, N_PROPS };
static GParamSpec *properties[N_PROPS];

enum { STUDENT_ACTIVATED, N_SIGNALS };
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (ClDuePage, cl_due_page, ADW_TYPE_BIN)

static void refresh (ClDuePage *self);

static void
cl_due_page_dispose (GObject *object)
{
  ClDuePage *self = CL_DUE_PAGE (object);

  if (self->session != NULL)
    g_signal_handlers_disconnect_by_data (self->session, self);
  g_clear_handle_id (&self->just_done_source, g_source_remove);
  g_clear_pointer (&self->just_done, g_variant_unref);
  g_clear_object (&self->session);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), CL_TYPE_DUE_PAGE);
  G_OBJECT_CLASS (cl_due_page_parent_class)->dispose (object);
}

static void
cl_due_page_finalize (GObject *object)
{
  ClDuePage *self = CL_DUE_PAGE (object);

  g_free (self->case_manager);
  G_OBJECT_CLASS (cl_due_page_parent_class)->finalize (object);
}

static void
cl_due_page_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  ClDuePage *self = CL_DUE_PAGE (object);

  switch (prop_id)
    {
    case PROP_CASE_MANAGER:
      g_value_set_string (value, self->case_manager);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cl_due_page_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  ClDuePage *self = CL_DUE_PAGE (object);

  switch (prop_id)
    {
    case PROP_CASE_MANAGER:
      cl_due_page_set_case_manager (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* Built when shown: a change made while another page is shown costs nothing here. */
static void
cl_due_page_map (GtkWidget *widget)
{
  ClDuePage *self = CL_DUE_PAGE (widget);

  GTK_WIDGET_CLASS (cl_due_page_parent_class)->map (widget);
  if (self->stale)
    refresh (self);
}

static void
on_show_selected (ClDuePage *self)
{
  g_assert (CL_IS_DUE_PAGE (self));
  cl_due_page_set_show (self, MIN (adw_combo_row_get_selected (self->show_row), CL_N_DUE_SHOWS - 1));
}

static void
on_case_manager_selected (ClDuePage *self)
{
  g_assert (CL_IS_DUE_PAGE (self));
  if (!self->filling)
    cl_due_page_set_case_manager (self, _cl_case_manager_row_get_id (self->case_manager_row));
}

/* The form (or date, or meeting window) that completes the row's obligation; once saved, the
 * row stays where it was, done, for a moment, and the window says what changed without leaving
 * the list. */
static void
complete_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  ClDuePage *self = CL_DUE_PAGE (widget);

  if (self->session == NULL)
    return;
  g_clear_handle_id (&self->just_done_source, g_source_remove);
  g_clear_pointer (&self->just_done, g_variant_unref);
  self->just_done = g_variant_ref (parameter);
  cl_obligation_done_run (widget, self->session, parameter, FALSE);
}

static void
cl_due_page_class_init (ClDuePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cl_due_page_dispose;
  object_class->finalize = cl_due_page_finalize;
  object_class->get_property = cl_due_page_get_property;
  object_class->set_property = cl_due_page_set_property;
  widget_class->map = cl_due_page_map;

  properties[PROP_CASE_MANAGER] = g_param_spec_string ("case-manager", NULL, NULL, "",
                                                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY |
                                                       G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[STUDENT_ACTIVATED] = g_signal_new ("student-activated", G_TYPE_FROM_CLASS (klass),
                                             G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                             G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/caseload/Caseload/cl-due-page.ui");
  gtk_widget_class_bind_template_child_full (widget_class, "overdue_group", FALSE,
                                             G_STRUCT_OFFSET (ClDuePage, groups[GROUP_OVERDUE]));
  gtk_widget_class_bind_template_child_full (widget_class, "week_group", FALSE,
                                             G_STRUCT_OFFSET (ClDuePage, groups[GROUP_WEEK]));
  gtk_widget_class_bind_template_child_full (widget_class, "month_group", FALSE,
                                             G_STRUCT_OFFSET (ClDuePage, groups[GROUP_MONTH]));
  gtk_widget_class_bind_template_child_full (widget_class, "later_group", FALSE,
                                             G_STRUCT_OFFSET (ClDuePage, groups[GROUP_LATER]));
  gtk_widget_class_bind_template_child_full (widget_class, "notices_group", FALSE,
                                             G_STRUCT_OFFSET (ClDuePage, groups[GROUP_NOTICES]));
  gtk_widget_class_bind_template_child_full (widget_class, "meetings_group", FALSE,
                                             G_STRUCT_OFFSET (ClDuePage, groups[GROUP_MEETINGS]));
  gtk_widget_class_bind_template_child (widget_class, ClDuePage, show_row);
  gtk_widget_class_bind_template_child (widget_class, ClDuePage, case_manager_row);
  gtk_widget_class_bind_template_child (widget_class, ClDuePage, empty_box);
  gtk_widget_class_bind_template_child (widget_class, ClDuePage, empty_title);
  gtk_widget_class_bind_template_child (widget_class, ClDuePage, empty_description);
  gtk_widget_class_bind_template_callback (widget_class, on_show_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_case_manager_selected);
  gtk_widget_class_install_action (widget_class, "due.complete", CL_OBLIGATION_KEY_TYPE, complete_action);
}

static void
cl_due_page_init (ClDuePage *self)
{
  self->case_manager = g_strdup ("");
  self->stale = TRUE;
  gtk_widget_init_template (GTK_WIDGET (self));
  self->rows = _cl_group_rows_new ();
  _cl_case_manager_row_fill (self->case_manager_row, NULL, "");
}

static void
on_row_activated (AdwActionRow *row,
                  ClDuePage    *self)
{
  g_signal_emit (self, signals[STUDENT_ACTIVATED], 0, g_object_get_data (G_OBJECT (row), "student-id"));
}

/* The subtitle of a row done in place: when it was done, when it was due, the case manager. */
static char *
done_subtitle (const ClObligation *ob,
               ClDate              today)
{
  g_autofree char *due = _cl_due_words_date (ob->due);
  g_autofree char *met = _cl_due_words_date (ob->met_on);
  const ClStaff *manager = ob->student->case_manager;
  /* Translators: when an item of Everything Due was done; %s is a date, e.g. "Done Fri Dec 4, 2026" */
  g_autofree char *done = ob->met_on == today ? g_strdup (_("Done today")) : g_strdup_printf (_("Done %s"), met);

  /* Translators: an item of Everything Due just completed from its row: when it was done, when it
   * was due, and the student's case manager, e.g. "Done today · was due Fri Dec 4, 2026 · Owen Whitaker" */
  return g_strdup_printf (_("%s · was due %s · %s"), done, due,
                          manager != NULL && manager->name != NULL ? manager->name : _("no case manager"));
}

static GtkWidget *
obligation_row (ClDuePage          *self,
                const ClObligation *ob,
                gboolean            just_done)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *name = cl_student_dup_display_name (ob->student);
  g_autofree char *title = g_strdup_printf ("%s — %s", name, _(ob->rule->title));
  g_autofree char *subtitle = just_done ? done_subtitle (ob, self->today) : _cl_due_words_subtitle (ob, self->today);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  _cl_describe_obligation_row (row, _cl_obligation_status_label (ob), subtitle);
  if (just_done)
    {
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), cl_obligation_done_mark_new (ob));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), _cl_obligation_pill_new (ob));
    }
  else if (self->session != NULL && cl_session_get_editable (self->session))
    {
      GtkWidget *button = cl_obligation_done_button_new (ob, "due.complete");

      if (button != NULL)
        adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
    }
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
  g_object_set_data_full (G_OBJECT (row), "student-id", g_strdup (ob->student->id), g_free);
  g_signal_connect (row, "activated", G_CALLBACK (on_row_activated), self);
  return row;
}

/* A planned meeting that is coming: whose, which, when, and the case manager. */
static GtkWidget *
meeting_row (ClDuePage          *self,
             const ClDueMeeting *coming)
{
  GtkWidget *row = adw_action_row_new ();
  const ClStaff *manager = coming->student->case_manager;
  g_autofree char *name = cl_student_dup_display_name (coming->student);
  g_autofree char *title = g_strdup_printf ("%s — %s", name, _cl_meeting_kind_label (coming->meeting->kind));
  g_autofree char *relative = coming->meeting->date == self->today ? g_strdup (_("Today"))
                              : _cl_due_words_relative (coming->meeting->date, self->today);
  g_autofree char *date = _cl_due_words_date (coming->meeting->date);
  g_autofree char *time = _cl_format_minutes (coming->meeting->start_minutes);
  g_autofree char *when = time ? g_strdup_printf ("%s, %s", date, time) : g_steal_pointer (&date);
  /* Translators: a planned meeting in Everything Due: how soon, its date and time, and the
   * student's case manager, e.g. "In 3 days · Thu Dec 10, 2026, 15:30 · Chidi Okafor" */
  g_autofree char *subtitle = g_strdup_printf (_("%s · %s · %s"), relative, when,
                                               manager != NULL && manager->name != NULL ? manager->name
                                                                                        : _("no case manager"));

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
  g_object_set_data_full (G_OBJECT (row), "student-id", g_strdup (coming->student->id), g_free);
  g_signal_connect (row, "activated", G_CALLBACK (on_row_activated), self);
  return row;
}

/* The group @ob is listed in for the page's choice, or -1 when it is not listed. */
static int
group_of (ClDuePage          *self,
          const ClObligation *ob)
{
  ClDueWhen when = cl_due_when_obligation (ob, self->today);

  switch (self->show)
    {
    case CL_DUE_SHOW_ALL:
      return (int) when;   /* GROUP_OVERDUE … GROUP_LATER, in ClDueWhen's order */
    case CL_DUE_SHOW_OVERDUE:
      return when == CL_DUE_OVERDUE ? GROUP_OVERDUE : -1;
    case CL_DUE_SHOW_WEEK:
      return when == CL_DUE_THIS_WEEK ? GROUP_WEEK : -1;
    case CL_DUE_SHOW_NOTICES:
      return cl_due_is_notice (ob) ? GROUP_NOTICES : -1;
    case CL_DUE_SHOW_MEETINGS:
    case CL_N_DUE_SHOWS:
    default:
      return -1;
    }
}

/* What the page says when the choice lists nothing. */
static void
show_empty (ClDuePage *self)
{
  static const char *titles[CL_N_DUE_SHOWS] = {
    N_("Nothing Is Due"), N_("Nothing Is Overdue"), N_("Nothing Is Due This Week"),
    N_("No Meetings Coming"), N_("No Notices to Send"),
  };
  static const char *descriptions[CL_N_DUE_SHOWS] = {
    N_("Every obligation of these students is met."), N_("Every item due before today is done."),
    N_("Nothing falls due in the next seven days."), N_("No meeting is planned in the next 30 days."),
    N_("Every planned meeting’s notice was recorded as sent."),
  };

  gtk_label_set_label (self->empty_title, _(titles[self->show]));
  gtk_label_set_label (self->empty_description, _(descriptions[self->show]));
}

static void queue_refresh (ClDuePage *self);

/* The moment is over: the row done in place goes. */
static gboolean
on_just_done_shown (gpointer data)
{
  ClDuePage *self = data;

  self->just_done_source = 0;
  g_clear_pointer (&self->just_done, g_variant_unref);
  queue_refresh (self);
  return G_SOURCE_REMOVE;
}

/* The obligation done from its row, back among the open ones at its place by due date, until
 * the moment is over. */
static void
keep_just_done (ClDuePage *self,
                GPtrArray *obligations,
                GPtrArray *open)
{
  const ClObligation *done = cl_obligation_done_find (obligations, self->just_done);
  guint at = 0;

  if (done == NULL || (done->status != CL_STATUS_MET && done->status != CL_STATUS_MET_LATE))
    return;
  while (at < open->len && ((const ClObligation *) g_ptr_array_index (open, at))->due <= done->due)
    at++;
  g_ptr_array_insert (open, at, (gpointer) done);
  if (self->just_done_source == 0)
    self->just_done_source = g_timeout_add (CL_OBLIGATION_DONE_SHOWN_MS, on_just_done_shown, self);
}

static void
refresh (ClDuePage *self)
{
  GPtrArray *obligations = self->session ? cl_session_get_obligations (self->session) : NULL;
  ClCaseload *caseload = self->session ? cl_session_get_caseload (self->session) : NULL;
  g_autoptr(GPtrArray) open = cl_due_list_open (obligations, self->case_manager);
  guint counts[N_GROUPS] = { 0 };
  guint total = 0;

  self->stale = FALSE;
  self->today = self->session ? cl_session_get_today (self->session) : cl_date_today ();
  _cl_group_rows_clear (self->rows);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "due.complete",
                                 self->session != NULL && cl_session_get_editable (self->session));
  if (self->just_done != NULL)
    keep_just_done (self, obligations, open);

  for (guint i = 0; i < open->len; i++)
    {
      const ClObligation *ob = g_ptr_array_index (open, i);
      int group = group_of (self, ob);

      if (group >= 0 && counts[group]++ < MAX_ROWS_PER_GROUP)
        _cl_group_rows_add (self->rows, self->groups[group],
                            obligation_row (self, ob, self->just_done != NULL && cl_obligation_done_matches (ob, self->just_done)));
    }
  if (self->show == CL_DUE_SHOW_MEETINGS)
    {
      g_autoptr(GArray) meetings = cl_due_list_meetings (caseload, self->today, self->case_manager);

      for (guint i = 0; i < meetings->len; i++)
        if (counts[GROUP_MEETINGS]++ < MAX_ROWS_PER_GROUP)
          _cl_group_rows_add (self->rows, self->groups[GROUP_MEETINGS],
                              meeting_row (self, &g_array_index (meetings, ClDueMeeting, i)));
    }
  for (int g = 0; g < N_GROUPS; g++)
    {
      g_autofree char *description = NULL;

      total += counts[g];
      gtk_widget_set_visible (GTK_WIDGET (self->groups[g]), counts[g] > 0);
      if (counts[g] > MAX_ROWS_PER_GROUP)
        {
          g_autofree char *more = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "and %u more", "and %u more",
                                                                counts[g] - MAX_ROWS_PER_GROUP),
                                                   counts[g] - MAX_ROWS_PER_GROUP);
          GtkWidget *row = adw_action_row_new ();
          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), more);
          gtk_widget_add_css_class (row, "dim-label");
          _cl_group_rows_add (self->rows, self->groups[g], row);
        }
      if (g == GROUP_MEETINGS)
        description = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u meeting", "%u meetings", counts[g]),
                                       counts[g]);
      else
        description = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u item", "%u items", counts[g]),
                                       counts[g]);
      adw_preferences_group_set_description (self->groups[g], description);
    }
  /* The choices stay above an empty list, so another one is a click away. */
  gtk_widget_set_visible (self->empty_box, total == 0);
  if (total == 0)
    show_empty (self);
}

/* Now when shown, else the next time it is. */
static void
queue_refresh (ClDuePage *self)
{
  self->stale = TRUE;
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    refresh (self);
}

static void
on_session_reloaded (ClDuePage *self)
{
  g_autofree char *was = g_strdup (self->case_manager);
  const char *now;

  g_assert (CL_IS_DUE_PAGE (self));
  self->filling = TRUE;
  now = _cl_case_manager_row_fill (self->case_manager_row, cl_session_get_caseload (self->session), was);
  self->filling = FALSE;
  /* A case manager this caseload does not have would hide everyone. */
  if (!g_str_equal (now, was))
    cl_due_page_set_case_manager (self, now);
  queue_refresh (self);
}

void
cl_due_page_set_session (ClDuePage *self,
                         ClSession *session)
{
  g_return_if_fail (CL_IS_DUE_PAGE (self));
  g_return_if_fail (CL_IS_SESSION (session));

  if (self->session != NULL)
    g_signal_handlers_disconnect_by_data (self->session, self);
  g_set_object (&self->session, session);
  g_signal_connect_object (session, "reloaded", G_CALLBACK (on_session_reloaded), self, G_CONNECT_SWAPPED);
  /* The file's change (an event saved, a meeting planned) is seen here too. */
  g_signal_connect_object (session, "student-changed", G_CALLBACK (queue_refresh), self, G_CONNECT_SWAPPED);
  on_session_reloaded (self);
}

void
cl_due_page_set_show (ClDuePage *self,
                      ClDueShow  show)
{
  g_return_if_fail (CL_IS_DUE_PAGE (self));
  g_return_if_fail (show < CL_N_DUE_SHOWS);

  if (adw_combo_row_get_selected (self->show_row) != (guint) show)
    adw_combo_row_set_selected (self->show_row, show);
  if (self->show == show)
    return;
  self->show = show;
  queue_refresh (self);
}

ClDueShow
cl_due_page_get_show (ClDuePage *self)
{
  g_return_val_if_fail (CL_IS_DUE_PAGE (self), CL_DUE_SHOW_ALL);
  return self->show;
}

void
cl_due_page_set_case_manager (ClDuePage  *self,
                              const char *case_manager_id)
{
  g_return_if_fail (CL_IS_DUE_PAGE (self));

  if (case_manager_id == NULL)
    case_manager_id = "";
  if (g_str_equal (self->case_manager, case_manager_id))
    return;
  g_free (self->case_manager);
  self->case_manager = g_strdup (case_manager_id);
  self->filling = TRUE;
  _cl_case_manager_row_select (self->case_manager_row, case_manager_id);
  self->filling = FALSE;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CASE_MANAGER]);
  queue_refresh (self);
}

const char *
cl_due_page_get_case_manager (ClDuePage *self)
{
  g_return_val_if_fail (CL_IS_DUE_PAGE (self), "");
  return self->case_manager;
}
