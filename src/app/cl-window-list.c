/* cl-window-list.c — the window's student list: its filters and order ("list." actions), and
 * its rows, filled lazily off screen */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cl-window-list"

#include "config.h"

#include <glib/gi18n.h>

#include "cl-meeting-labels.h"
#include "cl-student-row.h"
#include "cl-window-private.h"

const char *
_cl_window_list_state (ClWindow   *self,
            const char *action)
{
  GVariant *state = g_action_group_get_action_state (G_ACTION_GROUP (self->list_actions), action);
  const char *value;

  /* The group keeps the state alive: a borrowed string is safe until it changes. */
  value = g_variant_get_string (state, NULL);
  g_variant_unref (state);
  return value;
}

static gboolean
filter_student (gpointer item,
                gpointer user_data)
{
  ClWindow *self = user_data;
  ClStudentRow *row = item;
  ClStudent *student = cl_student_row_get_student (row);
  ClObligationStatus status = cl_student_row_get_next_status (row);
  const char *show = self->filter_show;
  const char *school = self->filter_school;
  const char *case_manager = self->filter_case_manager;

  if (g_str_equal (show, "overdue") && status != CL_STATUS_OVERDUE)
    return FALSE;
  if (g_str_equal (show, "attention") && status != CL_STATUS_OVERDUE && status != CL_STATUS_DUE_SOON)
    return FALSE;
  if (*school && (student->school == NULL || g_strcmp0 (student->school->id, school) != 0))
    return FALSE;
  if (*case_manager && (student->case_manager == NULL || g_strcmp0 (student->case_manager->id, case_manager) != 0))
    return FALSE;
  return cl_student_row_matches (row, self->query);
}

/* The list's filters as the filter reads them, for each of 10,000 students: looking the actions'
 * states up each time was a third of a keystroke's filtering. Borrowed from the states. */
static void
cache_list_filters (ClWindow *self)
{
  self->filter_show = _cl_window_list_state (self, "show");
  self->filter_school = _cl_window_list_state (self, "school");
  self->filter_case_manager = _cl_window_list_state (self, "case-manager");
}

static int
compare_students (gconstpointer a,
                  gconstpointer b,
                  gpointer      user_data)
{
  ClWindow *self = user_data;

  return cl_student_row_compare ((ClStudentRow *) a, (ClStudentRow *) b, self->sort_by_due);
}

/* The GSettings key of each list action. */
static const struct { const char *action; const char *key; } list_keys[] = {
  { "sort", "list-sort" },
  { "show", "list-show" },
  { "school", "list-school" },
  { "case-manager", "list-case-manager" },
};

/* Empties a filter submenu, to be made again when it is next shown. */
static void
forget_submenu (GMenu    *menu,
                gboolean *empty)
{
  g_menu_remove_all (menu);
  *empty = TRUE;
}

static void
on_list_state_changed (GSimpleAction *action,
                       GVariant      *value,
                       gpointer       user_data)
{
  ClWindow *self = user_data;
  const char *name = g_action_get_name (G_ACTION (action));

  g_simple_action_set_state (action, value);
  cache_list_filters (self);
  if (g_str_equal (name, "sort"))
    {
      self->sort_by_due = g_str_equal (g_variant_get_string (value, NULL), "due");
      /* The order the next load's rows are made in. */
      g_atomic_int_set (self->load_sort_by_due, self->sort_by_due);
    }
  for (guint i = 0; _cl_window_remembers (self) && i < G_N_ELEMENTS (list_keys); i++)
    if (g_str_equal (list_keys[i].action, name))
      g_settings_set_string (self->settings, list_keys[i].key, g_variant_get_string (value, NULL));
  /* A large district's Case Manager submenu lists the chosen school's: made again when shown. */
  if (g_str_equal (name, "school"))
    forget_submenu (self->case_manager_menu, &self->case_manager_menu_empty);
  if (g_str_equal (name, "sort"))
    gtk_sorter_changed (GTK_SORTER (self->sorter), GTK_SORTER_CHANGE_DIFFERENT);
  else
    gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  gtk_widget_add_css_class (GTK_WIDGET (self->view_button), "accent");
  if (g_str_equal (_cl_window_list_state (self, "show"), "all") && !*_cl_window_list_state (self, "school") &&
      !*_cl_window_list_state (self, "case-manager"))
    gtk_widget_remove_css_class (GTK_WIDGET (self->view_button), "accent");
}

static const GActionEntry list_entries[] = {
  { "sort", NULL, "s", "'due'", on_list_state_changed },
  { "show", NULL, "s", "'all'", on_list_state_changed },
  { "school", NULL, "s", "''", on_list_state_changed },
  { "case-manager", NULL, "s", "''", on_list_state_changed },
};

/* The School and Case Manager submenus list what the open caseload has: a district has hundreds of
 * schools and thousands of case managers, and GTK's menu makes a button for each, built and then
 * styled and measured when the menu is shown (~3 s of the main thread for 3,718 case managers at
 * 100,000 students, 8 s on this shared machine: every first opening of the view menu waited for
 * both submenus). So each submenu is filled when it is first shown, not with the caseload (which
 * would hold back the list) nor with the menu; each list is made in a menu no one watches yet and
 * put in as one section. */
static void
fill_school_menu (ClWindow   *self,
                  ClCaseload *caseload)
{
  GPtrArray *schools = cl_caseload_get_schools (caseload);
  g_autoptr(GMenu) school_items = g_menu_new ();

  g_menu_append (school_items, _("All Schools"), "list.school::");
  for (guint i = 0; i < schools->len; i++)
    {
      const ClSchool *school = g_ptr_array_index (schools, i);
      g_autoptr(GMenuItem) item = g_menu_item_new (school->name ? school->name : school->id, NULL);

      g_menu_item_set_action_and_target (item, "list.school", "s", school->id);
      g_menu_append_item (school_items, item);
    }
  g_menu_remove_all (self->school_menu);
  g_menu_append_section (self->school_menu, NULL, G_MENU_MODEL (school_items));
}

/* More case managers than a menu can show usefully, or quickly: GTK lays out a button for each
 * (8-13 s for 3,718 at 100,000 students). Past this, the submenu lists the chosen school's only;
 * a district of 10,000 students (~370) keeps the whole list. */
#define CASE_MANAGER_MENU_MAX 400

static void
fill_case_manager_menu (ClWindow   *self,
                        ClCaseload *caseload)
{
  GPtrArray *staff = cl_caseload_get_staff (caseload);
  GPtrArray *students = cl_caseload_get_students (caseload);
  const char *school = self->filter_school;
  const char *chosen = self->filter_case_manager;
  g_autoptr(GMenu) case_manager_items = g_menu_new ();
  g_autoptr(GHashTable) at_school = NULL;
  g_autofree char *heading = NULL;
  guint n_case_managers = 0;

  for (guint i = 0; i < staff->len; i++)
    n_case_managers += ((const ClStaff *) g_ptr_array_index (staff, i))->role == CL_STAFF_CASE_MANAGER;
  if (n_case_managers > self->case_manager_menu_max)
    {
      /* Those of the chosen school's students (a school has tens), or none until one is chosen;
       * the one chosen already stays, so the menu shows what the list is filtered by. */
      at_school = g_hash_table_new (g_str_hash, g_str_equal);
      for (guint i = 0; *school && i < students->len; i++)
        {
          const ClStudent *student = g_ptr_array_index (students, i);

          if (student->school && student->case_manager && g_strcmp0 (student->school->id, school) == 0)
            g_hash_table_add (at_school, student->case_manager->id);
        }
      if (*chosen)
        g_hash_table_add (at_school, (gpointer) chosen);
      if (!*school)
        /* Translators: the Case Manager submenu's heading in a large district; %'u is a count of
         * several hundred or more, grouped in thousands */
        heading = g_strdup_printf (ngettext ("%'u case manager: choose a school first",
                                             "%'u case managers: choose a school first",
                                             n_case_managers), n_case_managers);
    }

  g_menu_append (case_manager_items, _("All Case Managers"), "list.case-manager::");
  for (guint i = 0; i < staff->len; i++)
    {
      const ClStaff *member = g_ptr_array_index (staff, i);
      g_autoptr(GMenuItem) item = NULL;

      if (member->role != CL_STAFF_CASE_MANAGER || (at_school && !g_hash_table_contains (at_school, member->id)))
        continue;
      item = g_menu_item_new (member->name ? member->name : member->id, NULL);
      g_menu_item_set_action_and_target (item, "list.case-manager", "s", member->id);
      g_menu_append_item (case_manager_items, item);
    }
  g_menu_remove_all (self->case_manager_menu);
  g_menu_append_section (self->case_manager_menu, heading, G_MENU_MODEL (case_manager_items));
}

/* Whether a page name of the menu is @label's (its mnemonic's underscore or not). */
static gboolean
is_submenu (const char *name,
            const char *label)
{
  g_autoptr(GString) a = g_string_new (name);
  g_autoptr(GString) b = g_string_new (label);

  g_string_replace (a, "_", "", 0);
  g_string_replace (b, "_", "", 0);
  return g_str_equal (a->str, b->str);
}

/* Fills the submenus left empty that are shown now (@all: both, wherever the menu is). */
static void
fill_shown_submenus (ClWindow *self,
                     gboolean  all)
{
  ClCaseload *caseload = cl_session_get_caseload (self->session);
  const char *name = self->view_menu_stack ? gtk_stack_get_visible_child_name (self->view_menu_stack) : NULL;
  gboolean known;

  if (caseload == NULL)
    return;
  /* The page names are the submenus' labels (GTK's popover menu names its first page "main"). */
  known = name != NULL && (g_str_equal (name, "main") || is_submenu (name, _("_School")) ||
                           is_submenu (name, _("_Case Manager")));
  if (!known)
    all = TRUE;
  if (self->school_menu_empty && (all || is_submenu (name, _("_School"))))
    {
      self->school_menu_empty = FALSE;
      fill_school_menu (self, caseload);
    }
  if (self->case_manager_menu_empty && (all || is_submenu (name, _("_Case Manager"))))
    {
      self->case_manager_menu_empty = FALSE;
      fill_case_manager_menu (self, caseload);
    }
}

static void
on_view_submenu_shown (ClWindow *self)
{
  fill_shown_submenus (self, FALSE);
}

static GtkStack *
find_stack (GtkWidget *widget)
{
  if (GTK_IS_STACK (widget))
    return GTK_STACK (widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkStack *stack = find_stack (child);
      if (stack != NULL)
        return stack;
    }
  return NULL;
}

static void
on_view_menu_opening (GtkMenuButton *button,
                      gpointer       user_data)
{
  ClWindow *self = user_data;
  GtkPopover *popover = gtk_menu_button_get_popover (self->view_button);

  g_assert (CL_IS_WINDOW (self));

  /* The popover menu's pages are a stack: its submenus are filled as they are shown. */
  if (self->view_menu_stack == NULL && popover != NULL && (self->view_menu_stack = find_stack (GTK_WIDGET (popover))) != NULL)
    {
      g_object_add_weak_pointer (G_OBJECT (self->view_menu_stack), (gpointer *) &self->view_menu_stack);
      g_signal_connect_object (self->view_menu_stack, "notify::visible-child-name", G_CALLBACK (on_view_submenu_shown),
                               self, G_CONNECT_SWAPPED);
    }
  if (self->filter_menus_stale)
    {
      self->filter_menus_stale = FALSE;
      forget_submenu (self->school_menu, &self->school_menu_empty);
      forget_submenu (self->case_manager_menu, &self->case_manager_menu_empty);
    }
  /* A GTK whose popover menu is not a stack: both now, as before. */
  fill_shown_submenus (self, self->view_menu_stack == NULL);
}

void
_cl_window_filter_menus_changed (ClWindow *self)
{
  GtkPopover *popover = gtk_menu_button_get_popover (self->view_button);

  self->filter_menus_stale = TRUE;
  /* Open already: now. */
  if (popover != NULL && gtk_widget_get_visible (GTK_WIDGET (popover)))
    on_view_menu_opening (self->view_button, self);
}

static GtkWidget *
row_label (const char *css_class)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  if (css_class)
    gtk_widget_add_css_class (label, css_class);
  return label;
}

static void
setup_student_item (GtkSignalListItemFactory *factory,
                    GtkListItem              *item)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *text = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *pill = gtk_label_new (NULL);
  GtkWidget *next_due, *date;

  gtk_widget_add_css_class (box, "student-row");
  gtk_widget_set_hexpand (text, TRUE);
  gtk_box_append (GTK_BOX (text), row_label ("heading"));
  gtk_box_append (GTK_BOX (text), row_label ("dim-label"));
  /* The next item's title gives way before its date, which says how pressing it is. */
  next_due = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  gtk_box_append (GTK_BOX (next_due), row_label ("next-due"));
  date = gtk_label_new (NULL);
  gtk_widget_add_css_class (date, "next-due");
  gtk_box_append (GTK_BOX (next_due), date);
  gtk_box_append (GTK_BOX (text), next_due);
  gtk_box_append (GTK_BOX (box), text);
  gtk_widget_add_css_class (pill, "status-pill");
  gtk_widget_set_valign (pill, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (box), pill);
  gtk_list_item_set_child (item, box);
}

static const char *
pill_text (const char *status)
{
  if (g_str_equal (status, "overdue") || g_str_equal (status, "due_soon") ||
      g_str_equal (status, "upcoming") || g_str_equal (status, "follow_up") ||
      g_str_equal (status, "awaiting"))
    return _cl_status_class_label (status);
  return _("Up to date");
}

/* Shows the student now in @item's slot: when the slot is bound, and when a search puts another
 * student there (the row's widgets stay, only their text changes). */
static void
fill_student_item (GtkListItem *item)
{
  ClStudentRow *row = cl_student_slot_get_row (gtk_list_item_get_item (item));
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkWidget *text = gtk_widget_get_first_child (box);
  GtkWidget *name = gtk_widget_get_first_child (text);
  GtkWidget *subtitle = gtk_widget_get_next_sibling (name);
  GtkWidget *next_due = gtk_widget_get_next_sibling (subtitle);
  GtkWidget *pill = gtk_widget_get_next_sibling (text);
  const char *status = cl_student_row_get_status (row);
  const char *classes[] = { "status-pill", status, NULL };
  g_autofree char *label = NULL;

  gtk_label_set_label (GTK_LABEL (name), cl_student_row_get_name (row));
  gtk_label_set_label (GTK_LABEL (subtitle), cl_student_row_get_subtitle (row));
  {
    GtkWidget *title = gtk_widget_get_first_child (next_due);
    GtkWidget *date = gtk_widget_get_next_sibling (title);
    const char *date_text = cl_student_row_get_next_date (row);
    g_autofree char *date_words = date_text ? g_strdup_printf (" · %s", date_text) : NULL;

    gtk_label_set_label (GTK_LABEL (title), cl_student_row_get_next_title (row));
    gtk_label_set_label (GTK_LABEL (date), date_words ? date_words : "");
    gtk_widget_set_visible (date, date_words != NULL);
  }
  gtk_label_set_label (GTK_LABEL (pill), pill_text (status));
  /* Setting the same classes again would still restyle the pill. */
  if (!gtk_widget_has_css_class (pill, status))
    gtk_widget_set_css_classes (pill, classes);
  /* Translators: how a screen reader reads a student row: name, status, next due item */
  label = g_strdup_printf (_("%s, %s, next: %s"), cl_student_row_get_name (row), pill_text (status),
                           cl_student_row_get_next_due (row));
  gtk_accessible_update_property (GTK_ACCESSIBLE (box), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
}

/* Whether @item's row is on screen now: as a slot keeps its place in the list, where its widget
 * was last laid out is where it is. The list view leaves the rows it keeps beyond the visible
 * ones unmapped, or without a place. */
static gboolean
item_on_screen (ClWindow    *self,
                GtkListItem *item)
{
  GtkWidget *list = GTK_WIDGET (self->student_list);
  GtkWidget *child = gtk_list_item_get_child (item);
  graphene_rect_t bounds;

  if (!gtk_widget_get_mapped (child) || !gtk_widget_compute_bounds (child, list, &bounds))
    return FALSE;
  return bounds.origin.y + bounds.size.height >= 0 && bounds.origin.y <= gtk_widget_get_height (list);
}

/* Fills up to @max of the rows left for later. */
static void
fill_later_some (ClWindow *self,
                 guint     max)
{
  for (guint n = 0; n < max && self->fill_later->len > 0; n++)
    {
      g_autoptr(GtkListItem) item = g_ptr_array_steal_index (self->fill_later, self->fill_later->len - 1);

      if (g_object_steal_data (G_OBJECT (item), "cl-fill-later") && gtk_list_item_get_item (item) != NULL)
        fill_student_item (item);
    }
}

/* Fills the rows left for later a few at a time, between frames and keystrokes. */
static gboolean
fill_later_rows (gpointer data)
{
  ClWindow *self = data;

  fill_later_some (self, 24);
  if (self->fill_later->len > 0)
    return G_SOURCE_CONTINUE;
  self->fill_later_id = 0;
  return G_SOURCE_REMOVE;
}

/* Scrolled before they were all filled: all of them at once, before they come into view. */
static void
on_list_scrolled (ClWindow *self)
{
  if (self->fill_later != NULL)
    fill_later_some (self, G_MAXUINT);
}

/* Only once the keystroke's frame is painted: an idle would run before it, waiting for its
 * frame time. */
static void
start_filling_later (ClWindow *self)
{
  /* By function: a frame clock that was disposed (the window unrealized) dropped it already. */
  if (self->fill_later_clock != NULL)
    g_signal_handlers_disconnect_by_func (self->fill_later_clock, start_filling_later, self);
  self->fill_later_paint = 0;
  g_clear_object (&self->fill_later_clock);
  if (self->fill_later_id == 0)
    self->fill_later_id = g_idle_add (fill_later_rows, self);
}

/* Another student was put in @item's slot. GTK keeps some 200 rows bound, but only a dozen or
 * two are on screen: those are filled at once, for the frame that answers the keystroke, and the
 * others just after it (setting the text of all of them measures and shapes ~800 labels). */
static void
on_slot_changed (GtkListItem *item)
{
  ClWindow *self = CL_WINDOW (gtk_widget_get_root (gtk_list_item_get_child (item)));

  if (self == NULL || self->fill_later == NULL || item_on_screen (self, item))
    {
      g_object_steal_data (G_OBJECT (item), "cl-fill-later");
      fill_student_item (item);
      return;
    }
  if (g_object_get_data (G_OBJECT (item), "cl-fill-later") != NULL)
    return;
  g_object_set_data (G_OBJECT (item), "cl-fill-later", GINT_TO_POINTER (TRUE));
  g_ptr_array_add (self->fill_later, g_object_ref (item));
  if (self->fill_later_id == 0 && self->fill_later_paint == 0)
    {
      GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (self));

      if (clock != NULL)
        {
          self->fill_later_clock = g_object_ref (clock);
          self->fill_later_paint = g_signal_connect_swapped (clock, "after-paint", G_CALLBACK (start_filling_later), self);
        }
      else
        self->fill_later_id = g_idle_add (fill_later_rows, self);
    }
}

static void
bind_student_item (GtkSignalListItemFactory *factory,
                   GtkListItem              *item)
{
  g_object_steal_data (G_OBJECT (item), "cl-fill-later");
  fill_student_item (item);
  g_signal_connect_swapped (gtk_list_item_get_item (item), "notify::row", G_CALLBACK (on_slot_changed), item);
}

static void
unbind_student_item (GtkSignalListItemFactory *factory,
                     GtkListItem              *item)
{
  g_object_steal_data (G_OBJECT (item), "cl-fill-later");
  g_signal_handlers_disconnect_by_func (gtk_list_item_get_item (item), on_slot_changed, item);
}


void
_cl_window_list_restore (ClWindow *self)
{
  for (guint i = 0; self->settings != NULL && i < G_N_ELEMENTS (list_keys); i++)
    {
      g_autofree char *value = g_settings_get_string (self->settings, list_keys[i].key);
      g_action_group_change_action_state (G_ACTION_GROUP (self->list_actions), list_keys[i].action,
                                          g_variant_new_string (value));
    }
}

void
_cl_window_list_dispose (ClWindow *self)
{
  if (self->view_menu_stack != NULL)
    {
      g_signal_handlers_disconnect_by_func (self->view_menu_stack, on_view_submenu_shown, self);
      g_object_remove_weak_pointer (G_OBJECT (self->view_menu_stack), (gpointer *) &self->view_menu_stack);
      self->view_menu_stack = NULL;
    }
  g_clear_handle_id (&self->fill_later_id, g_source_remove);
  /* By function: a frame clock that was disposed (the window unrealized) dropped it already. */
  if (self->fill_later_clock != NULL)
    g_signal_handlers_disconnect_by_func (self->fill_later_clock, start_filling_later, self);
  self->fill_later_paint = 0;
  g_clear_object (&self->fill_later_clock);
  g_clear_pointer (&self->fill_later, g_ptr_array_unref);
}

/* The list's actions ("list."), its filter and order, and how its rows are made. */
/* Enter in the search: when it found one student, their file opens, as a click on the row
 * would; with more, focus goes to the list to choose with the arrows. */
static void
on_search_activate (ClWindow *self)
{
  GListModel *model = G_LIST_MODEL (self->visible);

  /* The search entry tells what was typed a moment later (search-delay): Enter right after the
   * last key acts on the text as it is, not on the list as it was a key ago. */
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self->search_entry)), self->search_text) != 0)
    g_signal_emit_by_name (self->search_entry, "search-changed");
  if (g_list_model_get_n_items (model) == 1)
    {
      g_autoptr(ClStudentRow) row = g_list_model_get_item (model, 0);

      cl_window_select_student (self, cl_student_row_get_student (row)->id);
      adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
      gtk_widget_grab_focus (GTK_WIDGET (self->student_page));
    }
  else if (g_list_model_get_n_items (model) > 1)
    gtk_widget_grab_focus (GTK_WIDGET (self->student_list));
}

/* On the loading thread: the rows of every student, in the list's order, so the main thread only
 * puts them in the list (at 100,000 students, making and sorting them was most of a second). */
static gpointer
prepare_rows (ClCaseload *caseload,
              GHashTable *obligations_of,
              gpointer    user_data)
{
  return cl_student_rows_new (caseload, obligations_of, g_atomic_int_get ((gint *) user_data));
}

void
_cl_window_list_init (ClWindow *self)
{
  self->sort_by_due = TRUE;
  self->case_manager_menu_max = CASE_MANAGER_MENU_MAX;
  /* The session's (it may outlive the window while a load finishes); written here only. */
  self->load_sort_by_due = g_new (gint, 1);
  *self->load_sort_by_due = self->sort_by_due;
  cl_session_set_prepare_func (self->session, prepare_rows, self->load_sort_by_due, g_free,
                               (GDestroyNotify) g_ptr_array_unref);
  self->list_actions = g_simple_action_group_new ();
  g_action_map_add_action_entries (G_ACTION_MAP (self->list_actions), list_entries,
                                   G_N_ELEMENTS (list_entries), self);
  cache_list_filters (self);
  g_signal_connect_swapped (self->search_entry, "activate", G_CALLBACK (on_search_activate), self);
  gtk_widget_insert_action_group (GTK_WIDGET (self), "list", G_ACTION_GROUP (self->list_actions));

  self->students = g_list_store_new (CL_TYPE_STUDENT_ROW);
  self->filter = gtk_custom_filter_new (filter_student, self, NULL);
  self->sorter = gtk_custom_sorter_new (compare_students, self, NULL);
  /* Not a GtkFilterListModel and a GtkSortListModel: see cl-student-list.c. */
  self->visible = cl_student_list_new (G_LIST_MODEL (self->students), GTK_FILTER (self->filter),
                                       GTK_SORTER (self->sorter));
  self->slots = cl_student_slots_new (self->visible);
  self->fill_later = g_ptr_array_new_with_free_func (g_object_unref);
  g_signal_connect_object (gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (self->student_list)), "value-changed",
                           G_CALLBACK (on_list_scrolled), self, G_CONNECT_SWAPPED);
  self->factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (self->factory, "setup", G_CALLBACK (setup_student_item), NULL);
  g_signal_connect (self->factory, "bind", G_CALLBACK (bind_student_item), NULL);
  g_signal_connect (self->factory, "unbind", G_CALLBACK (unbind_student_item), NULL);
  gtk_menu_button_set_create_popup_func (self->view_button, on_view_menu_opening, self, NULL);

}
