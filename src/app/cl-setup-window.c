/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-setup-window.c — schools and their school years, staff and the rule pack, changed in place */
#define G_LOG_DOMAIN "cl-setup-window"

#include "config.h"

#include <glib/gi18n.h>

#include "cl-rules-row.h"
#include "cl-school-year-page.h"
#include "cl-session.h"
#include "cl-setup-window.h"

struct _ClSetupWindow
{
  AdwPreferencesWindow parent_instance;

  AdwPreferencesGroup *schools_group;
  AdwPreferencesGroup *staff_group;
  AdwEntryRow         *new_staff_row;
  AdwComboRow         *rules_row;

  ClSession           *session;      /* the open caseload: every change goes through it, undoably */
  AdwToast            *undo_toast;    /* shown now, owned by the overlay; NULL once dismissed */
  ClCaseload          *caseload;     /* as read after the last change */
  GPtrArray           *rows;         /* the rows filled in, (group, row) pairs */
  GStrv                pack_ids;
  ClSchoolYearPage    *year_page;     /* the school year shown as a subpage, or NULL */
  guint                refill_id;
};

G_DEFINE_FINAL_TYPE (ClSetupWindow, cl_setup_window, ADW_TYPE_PREFERENCES_WINDOW)

static void fill (ClSetupWindow *self);

static gboolean
refill (gpointer data)
{
  ClSetupWindow *self = data;

  self->refill_id = 0;
  fill (self);
  return G_SOURCE_REMOVE;
}

/* Shown again, not from inside a row's own signal: the rows are made anew. */
static void
on_reloaded (ClSetupWindow *self)
{
  if (self->refill_id == 0)
    self->refill_id = g_idle_add (refill, self);
}

static void
on_undo (AdwToast      *toast,
         ClSetupWindow *self)
{
  g_autoptr(GError) error = NULL;

  if (!cl_session_undo (self->session, NULL, &error))
    adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), adw_toast_new (error->message));
  on_reloaded (self);
}

static void
on_toast_dismissed (AdwToast      *toast,
                    ClSetupWindow *self)
{
  if (self->undo_toast == toast)
    self->undo_toast = NULL;
}

/* After a change, saved and audited: shown again, with the toast that takes it back (the
 * session keeps only the last change, so an older toast goes). */
static void
changed (ClSetupWindow *self)
{
  AdwToast *toast;

  /* One toast while it shows: its Undo takes back the last change, the only one the session
   * keeps (a toast per change would queue, and libadwaita 1.2's overlay asserts when they are
   * dismissed or pushed ahead quickly). */
  on_reloaded (self);
  if (self->undo_toast != NULL)
    {
      /* The toast shown speaks for this change now: Undo only if this change can be taken back
       * (adding someone cannot; an Undo left from before would take back the wrong change). */
      adw_toast_set_button_label (self->undo_toast, cl_session_get_can_undo (self->session) ? _("_Undo") : NULL);
      return;
    }
  toast = adw_toast_new (_("Saved"));
  if (cl_session_get_can_undo (self->session))
    adw_toast_set_button_label (toast, _("_Undo"));
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (on_undo), self, 0);
  self->undo_toast = toast;
  g_signal_connect_object (toast, "dismissed", G_CALLBACK (on_toast_dismissed), self, 0);
  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), toast);
}

static void
refused (ClSetupWindow *self,
         GError        *error)
{
  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), adw_toast_new (error->message));
}

/* A refusal that needs reading (which year it would overlap, which range falls outside), too long
 * for a toast. */
static void
refused_at_length (ClSetupWindow *self,
                   const char    *heading,
                   GError        *error)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, error->message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
add_row (ClSetupWindow       *self,
         AdwPreferencesGroup *group,
         GtkWidget           *row)
{
  adw_preferences_group_add (group, row);
  g_ptr_array_add (self->rows, group);
  g_ptr_array_add (self->rows, row);
}

/* ---- schools ---- */

static void
on_school_renamed (AdwEntryRow   *row,
                   ClSetupWindow *self)
{
  g_autoptr(GError) error = NULL;
  const char *id = g_object_get_data (G_OBJECT (row), "school");

  if (!cl_session_rename_school (self->session, id, gtk_editable_get_text (GTK_EDITABLE (row)), &error))
    refused (self, error);
  else
    changed (self);
}

static gboolean
school_has_year_like (const ClSchool       *school,
                      const ClCalendarYear *year)
{
  for (guint i = 0; i < school->calendars->len; i++)
    {
      const ClCalendarYear *c = g_ptr_array_index (school->calendars, i);
      if (c->first_day <= year->last_day && c->last_day >= year->first_day)
        return TRUE;
    }
  return FALSE;
}

static void
copy_year (ClSetupWindow *self,
           const char    *school_id,
           const char    *calendar_id)
{
  ClSchool *school = cl_caseload_lookup_school (self->caseload, school_id);
  ClCalendarYear *year = cl_caseload_lookup_calendar (self->caseload, calendar_id);
  g_autoptr(GError) error = NULL;
  g_autoptr(ClCalendarYear) next = NULL;
  g_autofree char *id = NULL;

  if (school == NULL || year == NULL)
    return;
  id = g_strdup_printf ("%s-%d", school->id, cl_date_year (year->first_day) + 1);
  next = cl_calendar_year_copy_to_next_year (year, id);
  /* Added beside the others: a year the school has already is never written over. */
  if (!cl_session_add_school_year (self->session, school->id, next, &error))
    refused_at_length (self, _("The School Year Was Not Copied"), error);
  else
    changed (self);
}

static void
on_copy_year (GtkButton     *button,
              ClSetupWindow *self)
{
  copy_year (self, g_object_get_data (G_OBJECT (button), "school"), g_object_get_data (G_OBJECT (button), "calendar"));
}

/* ---- one school year, in its subpage ---- */

static gboolean
on_year_save (ClSchoolYearPage *page,
              ClCalendarYear   *year,
              ClSetupWindow    *self)
{
  g_autoptr(GError) error = NULL;

  if (!cl_session_update_school_year (self->session, year, &error))
    {
      refused_at_length (self, _("The School Year Was Not Changed"), error);
      return FALSE;
    }
  changed (self);
  return TRUE;
}

static void
on_year_copy (ClSchoolYearPage *page,
              ClSetupWindow    *self)
{
  copy_year (self, cl_school_year_page_get_school_id (page), cl_school_year_page_get_calendar_id (page));
}

static void
on_year_remove (ClSchoolYearPage *page,
                ClSetupWindow    *self)
{
  g_autoptr(GError) error = NULL;

  if (!cl_session_delete_school_year (self->session, cl_school_year_page_get_school_id (page),
                                    cl_school_year_page_get_calendar_id (page), &error))
    {
      refused (self, error);
      return;
    }
  adw_preferences_window_close_subpage (ADW_PREFERENCES_WINDOW (self));
  changed (self);
}

/* The subpage shown again from the caseload as read; closed when its year is gone. */
static void
show_year_page (ClSetupWindow *self)
{
  ClSchool *school;
  ClCalendarYear *year = NULL;
  const char *cannot_copy = NULL, *cannot_remove = NULL;

  if (self->year_page == NULL || self->caseload == NULL)
    return;
  school = cl_caseload_lookup_school (self->caseload, cl_school_year_page_get_school_id (self->year_page));
  for (guint i = 0; school != NULL && i < school->calendars->len; i++)
    {
      ClCalendarYear *c = g_ptr_array_index (school->calendars, i);
      if (g_strcmp0 (c->id, cl_school_year_page_get_calendar_id (self->year_page)) == 0)
        year = c;
    }
  if (year == NULL)
    {
      adw_preferences_window_close_subpage (ADW_PREFERENCES_WINDOW (self));
      return;
    }
  {
    g_autoptr(ClCalendarYear) next = cl_calendar_year_copy_to_next_year (year, "next");
    if (school_has_year_like (school, next))
      cannot_copy = _("The school has a school year in the weeks this copy would take.");
  }
  if (school->calendars->len < 2)
    cannot_remove = _("A school needs at least one school year.");
  cl_school_year_page_show (self->year_page, school, year, cannot_copy, cannot_remove);
}

static void
on_year_page_unmapped (GtkWidget     *page,
                       ClSetupWindow *self)
{
  if (self->year_page == CL_SCHOOL_YEAR_PAGE (page))
    g_clear_object (&self->year_page);
}

static void
on_year_activated (AdwActionRow  *row,
                   ClSetupWindow *self)
{
  ClSchoolYearPage *page = cl_school_year_page_new ();
  ClSchool *school = cl_caseload_lookup_school (self->caseload, g_object_get_data (G_OBJECT (row), "school"));
  ClCalendarYear *year = cl_caseload_lookup_calendar (self->caseload, g_object_get_data (G_OBJECT (row), "calendar"));

  if (school == NULL || year == NULL)
    return;
  g_set_object (&self->year_page, page);
  cl_school_year_page_show (page, school, year, NULL, NULL);
  g_signal_connect (page, "save", G_CALLBACK (on_year_save), self);
  g_signal_connect (page, "copy", G_CALLBACK (on_year_copy), self);
  g_signal_connect (page, "remove", G_CALLBACK (on_year_remove), self);
  g_signal_connect (page, "unmap", G_CALLBACK (on_year_page_unmapped), self);
  adw_preferences_window_present_subpage (ADW_PREFERENCES_WINDOW (self), GTK_WIDGET (page));
  show_year_page (self);
}

static void
fill_school (ClSetupWindow  *self,
             const ClSchool *school)
{
  GtkWidget *name = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (name), _("School name"));
  gtk_editable_set_text (GTK_EDITABLE (name), school->name ? school->name : "");
  adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (name), TRUE);
  g_object_set_data_full (G_OBJECT (name), "school", g_strdup (school->id), g_free);
  g_signal_connect (name, "apply", G_CALLBACK (on_school_renamed), self);
  add_row (self, self->schools_group, name);

  for (guint i = 0; i < school->calendars->len; i++)
    {
      const ClCalendarYear *year = g_ptr_array_index (school->calendars, i);
      g_autoptr(ClCalendarYear) next = cl_calendar_year_copy_to_next_year (year, "next");
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *copy = gtk_button_new_with_mnemonic (_("_Copy to Next Year"));
      /* The dates as a person reads them; ISO is for files and the command line. */
      g_autofree char *first = cl_date_dup_long (year->first_day);
      g_autofree char *last = cl_date_dup_long (year->last_day);
      g_autofree char *title = NULL, *subtitle = NULL;

      /* TRANSLATORS: the years a school year spans, "School year 2026–2027" */
      title = g_strdup_printf (_("School year %d–%d"), cl_date_year (year->first_day), cl_date_year (year->last_day));
      subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s to %s, %u closed range", "%s to %s, %u closed ranges",
                                               year->closed->len), first, last, year->closed->len);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      gtk_widget_set_valign (copy, GTK_ALIGN_CENTER);
      /* A year the school has already is not written over by a draft; a button that can never
       * be pressed would only crowd the row (the subpage says why). */
      gtk_widget_set_visible (copy, !school_has_year_like (school, next));
      g_object_set_data_full (G_OBJECT (copy), "school", g_strdup (school->id), g_free);
      g_object_set_data_full (G_OBJECT (copy), "calendar", g_strdup (year->id), g_free);
      g_signal_connect (copy, "clicked", G_CALLBACK (on_copy_year), self);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), copy);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      g_object_set_data_full (G_OBJECT (row), "school", g_strdup (school->id), g_free);
      g_object_set_data_full (G_OBJECT (row), "calendar", g_strdup (year->id), g_free);
      g_signal_connect (row, "activated", G_CALLBACK (on_year_activated), self);
      add_row (self, self->schools_group, row);
    }
}

/* ---- staff ---- */

static ClStaff *
staff_of (ClSetupWindow *self,
          GObject       *row)
{
  return cl_caseload_lookup_staff (self->caseload, g_object_get_data (row, "staff"));
}

static void
save_staff (ClSetupWindow *self,
            ClStaff       *edited)
{
  g_autoptr(GError) error = NULL;

  if (!cl_session_update_staff (self->session, edited, &error))
    refused (self, error);
  else
    changed (self);
}

static void
on_staff_text (AdwEntryRow   *row,
               ClSetupWindow *self)
{
  ClStaff *staff = staff_of (self, G_OBJECT (row));
  g_autoptr(ClStaff) edited = NULL;
  gboolean is_email = g_object_get_data (G_OBJECT (row), "email") != NULL;

  if (staff == NULL)
    return;
  edited = cl_staff_new (staff->id, is_email ? staff->name : gtk_editable_get_text (GTK_EDITABLE (row)), staff->role);
  edited->email = g_strdup (is_email ? gtk_editable_get_text (GTK_EDITABLE (row)) : staff->email);
  save_staff (self, edited);
}

static void
on_staff_role (AdwComboRow   *row,
               GParamSpec    *pspec,
               ClSetupWindow *self)
{
  ClStaff *staff = staff_of (self, G_OBJECT (row));
  guint role = adw_combo_row_get_selected (row);
  g_autoptr(ClStaff) edited = NULL;

  if (staff == NULL || role >= CL_N_STAFF_ROLES || role == (guint) staff->role)
    return;
  edited = cl_staff_new (staff->id, staff->name, (ClStaffRole) role);
  edited->email = g_strdup (staff->email);
  save_staff (self, edited);
}

static void
on_staff_remove (GtkButton     *button,
                 ClSetupWindow *self)
{
  g_autoptr(GError) error = NULL;

  if (!cl_session_delete_staff (self->session, g_object_get_data (G_OBJECT (button), "staff"), &error))
    refused_at_length (self, _("The Staff Member Was Not Removed"), error);
  else
    changed (self);
}

/* What a person reads for each role; index = ClStaffRole. */
static const char * const role_labels[CL_N_STAFF_ROLES] = {
  N_("Case manager"), N_("Special education teacher"), N_("General education teacher"), N_("Administrator"),
  N_("School psychologist"), N_("Speech-language pathologist"), N_("Related service provider"), N_("Nurse"),
  N_("Interpreter"), N_("Other"),
};

static void
fill_staff (ClSetupWindow *self,
            const ClStaff *staff)
{
  g_autoptr(GtkStringList) roles = gtk_string_list_new (NULL);
  GtkWidget *expander = adw_expander_row_new ();
  GtkWidget *name = adw_entry_row_new ();
  GtkWidget *email = adw_entry_row_new ();
  GtkWidget *role = adw_combo_row_new ();

  for (guint i = 0; i < CL_N_STAFF_ROLES; i++)
    gtk_string_list_append (roles, _(role_labels[i]));
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (expander), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (expander), staff->name ? staff->name : staff->id);
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (expander), _(role_labels[staff->role]));

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (name), _("Name"));
  gtk_editable_set_text (GTK_EDITABLE (name), staff->name ? staff->name : "");
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (email), _("Email"));
  gtk_editable_set_text (GTK_EDITABLE (email), staff->email ? staff->email : "");
  g_object_set_data (G_OBJECT (email), "email", GINT_TO_POINTER (TRUE));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (role), _("Role"));
  adw_combo_row_set_model (ADW_COMBO_ROW (role), G_LIST_MODEL (roles));
  adw_combo_row_set_selected (ADW_COMBO_ROW (role), staff->role);
  for (GtkWidget **w = (GtkWidget *[]) { name, email, role, NULL }; *w != NULL; w++)
    {
      g_object_set_data_full (G_OBJECT (*w), "staff", g_strdup (staff->id), g_free);
      adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), *w);
    }
  {
    GtkWidget *remove_row = adw_action_row_new ();
    GtkWidget *remove = gtk_button_new_with_mnemonic (_("_Remove"));

    adw_preferences_row_set_title (ADW_PREFERENCES_ROW (remove_row), _("Remove From the District’s Staff"));
    adw_action_row_set_subtitle (ADW_ACTION_ROW (remove_row), _("Only someone who is no student’s case manager can be removed."));
    gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
    gtk_widget_add_css_class (remove, "destructive-action");
    g_object_set_data_full (G_OBJECT (remove), "staff", g_strdup (staff->id), g_free);
    g_signal_connect (remove, "clicked", G_CALLBACK (on_staff_remove), self);
    adw_action_row_add_suffix (ADW_ACTION_ROW (remove_row), remove);
    adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), remove_row);
  }
  adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (name), TRUE);
  adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (email), TRUE);
  g_signal_connect (name, "apply", G_CALLBACK (on_staff_text), self);
  g_signal_connect (email, "apply", G_CALLBACK (on_staff_text), self);
  g_signal_connect (role, "notify::selected", G_CALLBACK (on_staff_role), self);
  add_row (self, self->staff_group, expander);
}

static void
on_add_staff (ClSetupWindow *self)
{
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->new_staff_row))));
  g_autofree char *base = cl_make_id (name);
  g_autofree char *id = g_strdup (base);
  g_autoptr(ClStaff) staff = NULL;
  g_autoptr(GError) error = NULL;

  for (guint n = 2; cl_caseload_lookup_staff (self->caseload, id) != NULL; n++)
    {
      g_free (id);
      id = g_strdup_printf ("%s-%u", base, n);
    }
  staff = cl_staff_new (id, name, CL_STAFF_CASE_MANAGER);
  if (!cl_session_add_staff (self->session, staff, &error))
    {
      refused (self, error);
      return;
    }
  gtk_editable_set_text (GTK_EDITABLE (self->new_staff_row), "");
  changed (self);
}

/* ---- rules ---- */

static void
on_rules_chosen (AdwComboRow   *row,
                 GParamSpec    *pspec,
                 ClSetupWindow *self)
{
  g_autoptr(GError) error = NULL;
  guint selected = adw_combo_row_get_selected (row);

  if (self->pack_ids == NULL || selected >= g_strv_length (self->pack_ids) ||
      g_strcmp0 (self->pack_ids[selected], cl_caseload_get_jurisdiction (self->caseload)) == 0)
    return;
  if (!cl_session_set_jurisdiction (self->session, self->pack_ids[selected], &error))
    refused (self, error);
  else
    changed (self);
}

/* The pack at @path checked and copied in, the session counting with it from now on. */
gboolean
_cl_setup_window_add_pack (ClSetupWindow  *self,
                           const char     *path,
                           GError        **error)
{
  g_autofree char *id = NULL;

  if (!cl_rules_row_install_pack (path, &id, error) || !cl_session_reload_rules (self->session, error) ||
      !cl_session_set_jurisdiction (self->session, id, error))
    return FALSE;
  changed (self);
  return TRUE;
}

static void
on_pack_chosen (GtkNativeDialog *chooser,
                int              response,
                ClSetupWindow   *self)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  if (response == GTK_RESPONSE_ACCEPT && (file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser))) != NULL &&
      (path = g_file_get_path (file)) != NULL && !_cl_setup_window_add_pack (self, path, &error))
    refused_at_length (self, _("The Rule Pack Was Not Added"), error);
  g_object_unref (chooser);
}

static void
on_add_pack (ClSetupWindow *self)
{
  GtkFileChooserNative *chooser = gtk_file_chooser_native_new (_("Choose the District’s Rule Pack"), GTK_WINDOW (self),
                                                               GTK_FILE_CHOOSER_ACTION_OPEN, _("_Add"), _("_Cancel"));
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("Rule packs (JSON)"));
  gtk_file_filter_add_pattern (filter, "*.json");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (on_pack_chosen), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* ---- filling ---- */

static void
fill (ClSetupWindow *self)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *list;

  for (guint i = 0; i + 1 < self->rows->len; i += 2)
    adw_preferences_group_remove (g_ptr_array_index (self->rows, i), g_ptr_array_index (self->rows, i + 1));
  g_ptr_array_set_size (self->rows, 0);
  g_clear_object (&self->caseload);
  if (self->session == NULL || cl_session_get_caseload (self->session) == NULL)
    return;
  self->caseload = g_object_ref (cl_session_get_caseload (self->session));
  list = cl_caseload_get_schools (self->caseload);
  for (guint i = 0; i < list->len; i++)
    fill_school (self, g_ptr_array_index (list, i));
  list = cl_caseload_get_staff (self->caseload);
  for (guint i = 0; i < list->len; i++)
    fill_staff (self, g_ptr_array_index (list, i));

  show_year_page (self);

  g_signal_handlers_block_by_func (self->rules_row, on_rules_chosen, self);
  g_clear_pointer (&self->pack_ids, g_strfreev);
  self->pack_ids = cl_rules_row_fill (self->rules_row, cl_caseload_get_jurisdiction (self->caseload));
  g_signal_handlers_unblock_by_func (self->rules_row, on_rules_chosen, self);
}

static void
cl_setup_window_dispose (GObject *object)
{
  ClSetupWindow *self = CL_SETUP_WINDOW (object);

  g_clear_handle_id (&self->refill_id, g_source_remove);
  g_clear_object (&self->year_page);
  g_clear_object (&self->caseload);
  g_clear_object (&self->session);
  g_clear_pointer (&self->pack_ids, g_strfreev);
  gtk_widget_dispose_template (GTK_WIDGET (self), CL_TYPE_SETUP_WINDOW);
  G_OBJECT_CLASS (cl_setup_window_parent_class)->dispose (object);
}

static void
cl_setup_window_finalize (GObject *object)
{
  ClSetupWindow *self = CL_SETUP_WINDOW (object);

  g_ptr_array_unref (self->rows);
  G_OBJECT_CLASS (cl_setup_window_parent_class)->finalize (object);
}

static void
cl_setup_window_class_init (ClSetupWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cl_setup_window_dispose;
  object_class->finalize = cl_setup_window_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/caseload/Caseload/cl-setup-window.ui");
  gtk_widget_class_bind_template_child (widget_class, ClSetupWindow, schools_group);
  gtk_widget_class_bind_template_child (widget_class, ClSetupWindow, staff_group);
  gtk_widget_class_bind_template_child (widget_class, ClSetupWindow, new_staff_row);
  gtk_widget_class_bind_template_child (widget_class, ClSetupWindow, rules_row);
  gtk_widget_class_bind_template_callback (widget_class, on_add_staff);
  gtk_widget_class_bind_template_callback (widget_class, on_add_pack);
}

static void
cl_setup_window_init (ClSetupWindow *self)
{
  self->rows = g_ptr_array_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect (self->rules_row, "notify::selected", G_CALLBACK (on_rules_chosen), self);
}

ClSetupWindow *
cl_setup_window_new (GtkWindow *parent,
                     ClSession *session)
{
  ClSetupWindow *self = g_object_new (CL_TYPE_SETUP_WINDOW, "transient-for", parent, NULL);

  self->session = g_object_ref (session);
  /* An undo from the main window, a sync: shown as the session now holds it. */
  g_signal_connect_object (session, "reloaded", G_CALLBACK (on_reloaded), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (session, "student-changed", G_CALLBACK (on_reloaded), self, G_CONNECT_SWAPPED);
  fill (self);
  return self;
}
