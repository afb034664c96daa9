/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-conflict-rows.c — one conflict with the district server as a group of two rows */
#define G_LOG_DOMAIN "cl-conflict-rows"

#include "config.h"

#include <glib/gi18n.h>

#include "cl-conflict-rows.h"

char *
cl_conflict_dup_when (const char *iso8601)
{
  g_autoptr(GDateTime) utc = NULL;
  g_autoptr(GDateTime) local = NULL;

  if (iso8601 == NULL)
    return g_strdup ("");
  utc = g_date_time_new_from_iso8601 (iso8601, NULL);
  if (utc == NULL)
    return g_strdup (iso8601);
  local = g_date_time_to_local (utc);
  /* Translators: when someone's change reached the district server, see strftime(3) */
  return g_date_time_format (local, _("%B %-d, %Y, %H:%M"));
}

static GtkWidget *
value_row (const char *value,
           const char *whose,
           const char *button_label,
           const char *button_description,
           GVariant   *target,
           const char *keep_action)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *button = gtk_button_new_with_label (button_label);
  g_autofree char *escaped = g_markup_escape_text (value && *value ? value : _("(empty)"), -1);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), escaped);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), whose);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), keep_action);
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button), target);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, button_description,
                                  -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  return row;
}

GtkWidget *
cl_conflict_group_new (const ClConflict *conflict,
                       gboolean          with_student,
                       const char       *keep_action)
{
  GtkWidget *group = adw_preferences_group_new ();
  g_autofree char *title = NULL;
  g_autofree char *when = cl_conflict_dup_when (conflict->their_time);
  g_autofree char *theirs_whose = NULL;
  g_autofree char *mine_description = NULL, *theirs_description = NULL;
  g_autofree char *field = g_strdup (conflict->field);
  g_autofree char *escaped = NULL;
  g_autofree char *description = NULL;

  if (field[0] != '\0')
    field[0] = g_ascii_toupper (field[0]);
  if (with_student)
    {
      /* Translators: a conflict's heading: the student, the kind of record ("Timeline event") */
      title = g_strdup_printf (_("%s · %s"), conflict->student_name ? conflict->student_name : "", conflict->what);
      description = g_strdup (field);
    }
  else
    {
      /* In the student's own file: the field is the heading, and what happened to it. */
      title = g_strdup (field);
      /* Translators: under a field's name in a student's file, e.g. "Student record" */
      description = g_strdup_printf (_("%s: changed here and on the district server. Choose which to keep."),
                                     conflict->what);
    }
  /* A refused change has nothing to choose between: the login may not make it. */
  if (conflict->refused)
    {
      if (!with_student)
        {
          g_free (title);
          title = g_strdup (_("Change Refused by the District Server"));
        }
      g_free (description);
      /* Translators: under a refused change's heading; "Student record", then the login's words */
      description = g_strdup_printf (_("%s: the district server refused this change; your login may not make it. "
                                       "Discard it to have the server’s version here."), conflict->what);
    }
  escaped = g_markup_escape_text (title, -1);
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), escaped);
  g_clear_pointer (&escaped, g_free);
  escaped = g_markup_escape_text (description, -1);
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), escaped);

  if (conflict->refused)
    {
      /* Translators: what the button does, for a screen reader: the kind of record */
      mine_description = g_strdup_printf (_("Discard this computer’s change to the %s"), conflict->what);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                                 value_row (conflict->mine, _("Changed on this computer, refused by the district server"),
                                            _("Discard"), mine_description, g_variant_new ("(xb)", conflict->id, FALSE),
                                            keep_action));
      return group;
    }
  /* Translators: whose value this is: the login of the person whose change the server kept, and when */
  theirs_whose = g_strdup_printf (_("Kept by the district server: %s’s change of %s"),
                                  conflict->their_author && *conflict->their_author ? conflict->their_author : _("someone else"),
                                  when);
  /* Translators: what the button does, for a screen reader: the field, the value */
  mine_description = g_strdup_printf (_("Keep this computer’s %s: %s"), conflict->field, conflict->mine ? conflict->mine : "");
  theirs_description = g_strdup_printf (_("Keep the district server’s %s: %s"), conflict->field,
                                        conflict->theirs ? conflict->theirs : "");

  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                             value_row (conflict->mine, _("Changed on this computer"), _("Keep Mine"),
                                        mine_description, g_variant_new ("(xb)", conflict->id, TRUE), keep_action));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                             value_row (conflict->theirs, theirs_whose, _("Keep Theirs"),
                                        theirs_description, g_variant_new ("(xb)", conflict->id, FALSE), keep_action));
  return group;
}

const char *
cl_conflict_keep (ClSession  *session,
                  GVariant   *parameter,
                  GError    **error)
{
  gint64 id;
  gboolean keep_mine;

  g_variant_get (parameter, "(xb)", &id, &keep_mine);
  if (!cl_session_resolve_conflict (session, id, keep_mine, error))
    return NULL;
  return keep_mine ? _("Kept yours: it goes to the district server with the next sync")
                   : _("Kept the district server’s value");
}
