/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-student-editor.c — the form for a student's details, checked as it is typed */
#define G_LOG_DOMAIN "cl-student-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "cl-date-picker.h"
#include "cl-form-rows.h"
#include "cl-language-picker.h"
#include "cl-student-editor.h"

/* The 13 federal categories (34 CFR 300.8) and California's EMD, as the bundle spells them. */
static const struct { const char *code; const char *name; } eligibility[] = {
  { "AUT", N_("Autism") },
  { "DB", N_("Deaf-blindness") },
  { "DHH", N_("Deafness") },
  { "HI", N_("Hearing impairment") },
  { "ID", N_("Intellectual disability") },
  { "MD", N_("Multiple disabilities") },
  { "OI", N_("Orthopedic impairment") },
  { "OHI", N_("Other health impairment") },
  { "ED", N_("Emotional disturbance") },
  { "SLD", N_("Specific learning disability") },
  { "SLI", N_("Speech or language impairment") },
  { "TBI", N_("Traumatic brain injury") },
  { "VI", N_("Visual impairment, including blindness") },
  { "EMD", N_("Established medical disability (CA, ages 3–5)") },
};

/* Past 22 a student has left special education in every state Caseload knows. */
#define OLDEST_AGE 22

struct _ClStudentEditor
{
  AdwWindow    parent_instance;

  GtkButton   *save_button;
  GtkLabel    *message_label;
  AdwEntryRow *id_row;
  AdwEntryRow *first_row;
  AdwEntryRow *last_row;
  AdwEntryRow *birth_row;
  AdwComboRow *school_row;
  AdwEntryRow *grade_row;
  AdwComboRow *case_manager_row;
  AdwEntryRow *language_row;
  GtkSwitch   *english_learner_switch;
  AdwComboRow *primary_row;
  AdwComboRow *secondary_row;
  GtkSwitch   *conservatorship_switch;
  GtkSwitch   *part_c_switch;
  AdwEntryRow *emancipated_row;

  ClCaseload  *caseload;
  GPtrArray   *schools;         /* borrowed ClSchool*, in the combo's order */
  GPtrArray   *case_managers;   /* borrowed ClStaff*, after "None" */
  ClStudent   *base;            /* what the form does not show is kept from it; NULL when new */
  ClDate       today;
  gboolean     valid;
  gboolean     filling;         /* the form is being filled in, not typed into */
  char        *message;
};

enum { PROP_0, PROP_VALID, N_PROPS };
static GParamSpec *properties[N_PROPS];

enum { SAVE, N_SIGNALS };
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (ClStudentEditor, cl_student_editor, ADW_TYPE_WINDOW)

static const char *
text_of (AdwEntryRow *row)
{
  return gtk_editable_get_text (GTK_EDITABLE (row));
}

static gboolean
is_blank (const char *text)
{
  for (; *text; text++)
    if (!g_ascii_isspace (*text))
      return FALSE;
  return TRUE;
}

/* Whether @row holds a date or nothing; the date (or CL_DATE_NONE) into @out. */
static gboolean
row_date (AdwEntryRow *row,
          ClDate      *out)
{
  g_autofree char *text = cl_form_row_dup_text (row);

  *out = CL_DATE_NONE;
  return text == NULL || cl_date_parse_iso (text, out);
}

/* The code an eligibility combo shows (its items are "None", then the codes), or NULL for None. */
static const char *
selected_code (AdwComboRow *row)
{
  GtkStringObject *item = adw_combo_row_get_selected_item (row);
  const char *code = item ? g_object_get_data (G_OBJECT (item), "code") : NULL;

  return code;
}

/* Checks every field; the first problem (which blocks Save) or else the first question (which
 * does not) is shown above the form. */
static void
validate (ClStudentEditor *self)
{
  g_autofree char *problem = NULL;
  g_autofree char *question = NULL;
  const char *birth_text = text_of (self->birth_row);
  g_autofree char *language = cl_form_row_dup_text (self->language_row);
  g_autofree char *id = cl_form_row_dup_text (self->id_row);
  ClDate birth = CL_DATE_NONE, emancipated = CL_DATE_NONE;
  gboolean birth_ok = row_date (self->birth_row, &birth) && birth != CL_DATE_NONE;
  gboolean emancipated_ok = row_date (self->emancipated_row, &emancipated);
  gboolean id_wrong = FALSE, name_wrong = FALSE;

  AdwEntryRow *problem_row = NULL;
#define PROBLEM_AT(row, ...) G_STMT_START { if (problem == NULL) { problem = g_strdup_printf (__VA_ARGS__); problem_row = (row); } } G_STMT_END
#define PROBLEM(...) PROBLEM_AT (NULL, __VA_ARGS__)
#define QUESTION(...) G_STMT_START { if (question == NULL) question = g_strdup_printf (__VA_ARGS__); } G_STMT_END

  if (self->base == NULL)
    {
      if (id == NULL)
        {
          id_wrong = TRUE;
          PROBLEM_AT (self->id_row, "%s", _("Enter the student’s ID as the district’s system writes it, for example S-1042."));
        }
      else if (cl_caseload_lookup_student (self->caseload, id) != NULL)
        {
          id_wrong = TRUE;
          PROBLEM_AT (self->id_row, _("There is already a student with the ID %s."), id);
        }
    }
  if (is_blank (text_of (self->first_row)) || is_blank (text_of (self->last_row)))
    {
      name_wrong = TRUE;
      PROBLEM_AT (is_blank (text_of (self->first_row)) ? self->first_row : self->last_row, "%s",
                  _("Enter the student’s first and last name."));
    }
  if (!birth_ok)
    PROBLEM_AT (self->birth_row, "%s", is_blank (birth_text) ? _("Enter the birth date.")
                                         : _("The birth date is not a date: write it as YYYY-MM-DD, for example 2014-05-09."));
  else if (birth > self->today)
    QUESTION ("%s", _("The birth date is in the future. Check the year."));
  else if (cl_date_age_on (birth, self->today) > OLDEST_AGE)
    QUESTION (_("That makes the student %d years old; special education ends at 22. Check the year."),
              cl_date_age_on (birth, self->today));
  if (self->schools->len == 0)
    PROBLEM ("%s", _("This case database has no schools yet. Import your district’s bundle first."));
  if (!emancipated_ok)
    PROBLEM_AT (self->emancipated_row, "%s", _("The emancipation date is not a date: write it as YYYY-MM-DD, or leave it empty."));
  else if (emancipated != CL_DATE_NONE && birth_ok && emancipated < birth)
    {
      emancipated_ok = FALSE;
      PROBLEM ("%s", _("The emancipation date is before the birth date."));
    }
  else if (emancipated != CL_DATE_NONE && emancipated > self->today)
    QUESTION ("%s", _("The emancipation date is in the future. Check the year."));
  if (adw_combo_row_get_selected (self->secondary_row) > 0 &&
      g_strcmp0 (selected_code (self->secondary_row), selected_code (self->primary_row)) == 0)
    PROBLEM ("%s", _("The secondary eligibility is the same as the primary one; choose another or None."));
  else if (adw_combo_row_get_selected (self->secondary_row) > 0 && adw_combo_row_get_selected (self->primary_row) == 0)
    PROBLEM ("%s", _("Choose the primary eligibility before a secondary one."));
  if (language != NULL && !cl_language_picker_is_known (language))
    QUESTION ("%s", _("Choose the home language by name (Spanish) or write its two-letter code (es); letters to the family are written in it."));
#undef PROBLEM
#undef PROBLEM_AT
#undef QUESTION

  cl_form_mark_touched (self->id_row, id_wrong);
  cl_form_mark_touched (self->first_row, name_wrong && is_blank (text_of (self->first_row)));
  cl_form_mark_touched (self->last_row, name_wrong && is_blank (text_of (self->last_row)));
  cl_form_mark_touched (self->birth_row, !birth_ok);
  cl_form_mark_touched (self->emancipated_row, !emancipated_ok);

  cl_form_show_problem (self->message_label, &self->message, problem, question, problem_row);
  cl_form_set_valid (self, &self->valid, problem == NULL, properties[PROP_VALID]);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.save", self->valid);
}

static void
on_row_changed (AdwEntryRow     *row,
                ClStudentEditor *self)
{
  g_assert (CL_IS_STUDENT_EDITOR (self));
  if (!self->filling)
    cl_form_row_touch (row);
  if (self->schools != NULL)
    validate (self);
}

static void
on_changed (ClStudentEditor *self)
{
  g_assert (CL_IS_STUDENT_EDITOR (self));
  /* The form is filled in before the caseload is known: nothing to check yet. */
  if (self->schools != NULL)
    validate (self);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  cl_student_editor_save (CL_STUDENT_EDITOR (widget));
}

static void
cl_student_editor_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  ClStudentEditor *self = CL_STUDENT_EDITOR (object);

  switch (prop_id)
    {
    case PROP_VALID:
      g_value_set_boolean (value, self->valid);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cl_student_editor_dispose (GObject *object)
{
  ClStudentEditor *self = CL_STUDENT_EDITOR (object);

  g_clear_pointer (&self->base, cl_student_free);
  g_clear_pointer (&self->schools, g_ptr_array_unref);
  g_clear_pointer (&self->case_managers, g_ptr_array_unref);
  g_clear_object (&self->caseload);
  g_clear_pointer (&self->message, g_free);
  gtk_widget_dispose_template (GTK_WIDGET (self), CL_TYPE_STUDENT_EDITOR);
  G_OBJECT_CLASS (cl_student_editor_parent_class)->dispose (object);
}

static void
cl_student_editor_class_init (ClStudentEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cl_student_editor_dispose;
  object_class->get_property = cl_student_editor_get_property;

  properties[PROP_VALID] = cl_form_valid_param_spec ();
  g_object_class_install_properties (object_class, N_PROPS, properties);
  signals[SAVE] = g_signal_new ("save", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/caseload/Caseload/cl-student-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, ClStudentEditor, save_button);
  gtk_widget_class_bind_template_child (widget_class, ClStudentEditor, message_label);
  gtk_widget_class_bind_template_child (widget_class, ClStudentEditor, id_row);
  gtk_widget_class_bind_template_child (widget_class, ClStudentEditor, first_row);
  gtk_widget_class_bind_template_child (widget_class, ClStudentEditor, last_row);
  gtk_widget_class_bind_template_child (widget_class, ClStudentEditor, birth_row);
  gtk_widget_class_bind_template_child (widget_class, ClStudentEditor, school_row);
  gtk_widget_class_bind_template_child (widget_class, ClStudentEditor, grade_row);
  gtk_widget_class_bind_template_child (widget_class, ClStudentEditor, case_manager_row);
  gtk_widget_class_bind_template_child (widget_class, ClStudentEditor, language_row);
  gtk_widget_class_bind_template_child (widget_class, ClStudentEditor, english_learner_switch);
  gtk_widget_class_bind_template_child (widget_class, ClStudentEditor, primary_row);
  gtk_widget_class_bind_template_child (widget_class, ClStudentEditor, secondary_row);
  gtk_widget_class_bind_template_child (widget_class, ClStudentEditor, conservatorship_switch);
  gtk_widget_class_bind_template_child (widget_class, ClStudentEditor, part_c_switch);
  gtk_widget_class_bind_template_child (widget_class, ClStudentEditor, emancipated_row);
  gtk_widget_class_bind_template_callback (widget_class, on_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_row_changed);

  gtk_widget_class_install_action (widget_class, "editor.save", NULL, save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "editor.save", NULL);
}

char *
cl_student_editor_describe_eligibility (const char *code)
{
  if (code == NULL)
    return NULL;
  for (guint i = 0; i < G_N_ELEMENTS (eligibility); i++)
    if (g_str_equal (eligibility[i].code, code))
      /* Translators: an eligibility code and its category, e.g. "AUT · Autism"; the code first,
       * so it still shows when a narrow window cuts the rest */
      return g_strdup_printf (_("%s · %s"), code, _(eligibility[i].name));
  return g_strdup (code);
}

static void
cl_student_editor_init (ClStudentEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  cl_date_picker_attach (self->birth_row);
  cl_date_picker_attach (self->emancipated_row);
  cl_language_picker_attach (self->language_row);
}

/* "None", the codes, and @current when it is none of them (a district's own code is kept, not
 * silently replaced); @current selected. Each item carries its code as "code". */
static void
fill_eligibility (AdwComboRow *row,
                  const char  *none_label,
                  const char  *current)
{
  g_autoptr(GtkStringList) list = gtk_string_list_new (NULL);
  guint selected = 0;
  gboolean known = current == NULL;

  gtk_string_list_append (list, none_label);
  for (guint i = 0; i < G_N_ELEMENTS (eligibility); i++)
    {
      g_autofree char *label = cl_student_editor_describe_eligibility (eligibility[i].code);

      gtk_string_list_append (list, label);
      g_object_set_data (g_list_model_get_item (G_LIST_MODEL (list), i + 1), "code", (gpointer) eligibility[i].code);
      g_object_unref (g_list_model_get_item (G_LIST_MODEL (list), i + 1));
      if (current && g_str_equal (current, eligibility[i].code))
        {
          selected = i + 1;
          known = TRUE;
        }
    }
  if (!known)
    {
      GObject *item;

      gtk_string_list_append (list, current);
      item = g_list_model_get_item (G_LIST_MODEL (list), G_N_ELEMENTS (eligibility) + 1);
      g_object_set_data_full (item, "code", g_strdup (current), g_free);
      g_object_unref (item);
      selected = G_N_ELEMENTS (eligibility) + 1;
    }
  adw_combo_row_set_model (row, G_LIST_MODEL (list));
  adw_combo_row_set_selected (row, selected);
}

ClStudentEditor *
cl_student_editor_new (GtkWindow       *parent,
                       ClCaseload      *caseload,
                       const ClStudent *initial,
                       ClDate           today)
{
  ClStudentEditor *self = g_object_new (CL_TYPE_STUDENT_EDITOR, "transient-for", parent, NULL);
  g_autoptr(GtkStringList) schools = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) managers = gtk_string_list_new (NULL);
  GPtrArray *all_schools = cl_caseload_get_schools (caseload);
  GPtrArray *staff = cl_caseload_get_staff (caseload);
  guint school = 0, manager = 0;

  g_return_val_if_fail (CL_IS_CASELOAD (caseload), NULL);

  self->caseload = g_object_ref (caseload);
  self->today = today;
  self->filling = TRUE;
  self->base = initial ? cl_student_copy_details (initial) : NULL;
  self->schools = g_ptr_array_new ();
  self->case_managers = g_ptr_array_new ();

  for (guint i = 0; i < all_schools->len; i++)
    {
      ClSchool *s = g_ptr_array_index (all_schools, i);

      g_ptr_array_add (self->schools, s);
      gtk_string_list_append (schools, s->name ? s->name : s->id);
      if (initial && initial->school == s)
        school = i;
    }
  gtk_string_list_append (managers, _("None"));
  for (guint i = 0; i < staff->len; i++)
    {
      ClStaff *m = g_ptr_array_index (staff, i);

      /* Whoever manages this student now stays offered, whatever their role. */
      if (m->role != CL_STAFF_CASE_MANAGER && !(initial && initial->case_manager == m))
        continue;
      g_ptr_array_add (self->case_managers, m);
      gtk_string_list_append (managers, m->name ? m->name : m->id);
      if (initial && initial->case_manager == m)
        manager = self->case_managers->len;
    }
  adw_combo_row_set_model (self->school_row, G_LIST_MODEL (schools));
  adw_combo_row_set_model (self->case_manager_row, G_LIST_MODEL (managers));
  adw_combo_row_set_selected (self->school_row, school);
  adw_combo_row_set_selected (self->case_manager_row, manager);

  gtk_window_set_title (GTK_WINDOW (self), initial ? _("Edit Student") : _("New Student"));
  gtk_button_set_label (self->save_button, initial ? _("_Save") : _("_Add"));
  /* The id is the key every other record and the district's system use: set once, when new. */
  gtk_widget_set_sensitive (GTK_WIDGET (self->id_row), initial == NULL);
  if (initial != NULL)
    {
      cl_form_row_set_text (self->id_row, initial->id);
      cl_form_row_set_text (self->first_row, initial->first_name);
      cl_form_row_set_text (self->last_row, initial->last_name);
      cl_form_row_set_date (self->birth_row, initial->birth_date);
      cl_form_row_set_text (self->grade_row, initial->grade);
      cl_language_picker_set (self->language_row, initial->home_language);
      gtk_switch_set_active (self->english_learner_switch, initial->english_learner);
      gtk_switch_set_active (self->conservatorship_switch, initial->conservatorship);
      gtk_switch_set_active (self->part_c_switch, initial->part_c);
      cl_form_row_set_date (self->emancipated_row, initial->emancipated_on);
    }
  /* A student being assessed has no eligibility yet. */
  fill_eligibility (self->primary_row, _("None yet"), initial ? initial->eligibility_primary : NULL);
  fill_eligibility (self->secondary_row, _("None"), initial ? initial->eligibility_secondary : NULL);
  self->filling = FALSE;
  validate (self);
  /* Typing starts in the first field that can be typed into, not on Cancel. */
  gtk_window_set_focus (GTK_WINDOW (self), GTK_WIDGET (initial ? self->first_row : self->id_row));
  return self;
}

gboolean
cl_student_editor_get_valid (ClStudentEditor *self)
{
  g_return_val_if_fail (CL_IS_STUDENT_EDITOR (self), FALSE);
  return self->valid;
}

const char *
cl_student_editor_get_message (ClStudentEditor *self)
{
  g_return_val_if_fail (CL_IS_STUDENT_EDITOR (self), NULL);
  return self->message;
}

ClStudent *
cl_student_editor_dup_student (ClStudentEditor *self)
{
  g_autofree char *id = NULL;
  ClStudent *s;
  guint i;

  g_return_val_if_fail (CL_IS_STUDENT_EDITOR (self), NULL);
  if (!self->valid)
    return NULL;

  if (self->base != NULL)
    s = cl_student_copy_details (self->base);
  else
    {
      id = cl_form_row_dup_text (self->id_row);
      s = cl_student_new (id);
    }
  g_free (s->first_name);
  s->first_name = cl_form_row_dup_text (self->first_row);
  g_free (s->last_name);
  s->last_name = cl_form_row_dup_text (self->last_row);
  row_date (self->birth_row, &s->birth_date);
  i = adw_combo_row_get_selected (self->school_row);
  s->school = i < self->schools->len ? g_ptr_array_index (self->schools, i) : NULL;
  g_free (s->grade);
  s->grade = cl_form_row_dup_text (self->grade_row);
  i = adw_combo_row_get_selected (self->case_manager_row);
  s->case_manager = i > 0 && i <= self->case_managers->len ? g_ptr_array_index (self->case_managers, i - 1) : NULL;
  g_free (s->home_language);
  s->home_language = cl_language_picker_dup_code (self->language_row);
  s->english_learner = gtk_switch_get_active (self->english_learner_switch);
  g_free (s->eligibility_primary);
  s->eligibility_primary = g_strdup (selected_code (self->primary_row));
  g_free (s->eligibility_secondary);
  s->eligibility_secondary = g_strdup (selected_code (self->secondary_row));
  s->conservatorship = gtk_switch_get_active (self->conservatorship_switch);
  s->part_c = gtk_switch_get_active (self->part_c_switch);
  row_date (self->emancipated_row, &s->emancipated_on);
  return s;
}

void
cl_student_editor_show_error (ClStudentEditor *self,
                              const char      *message)
{
  g_return_if_fail (CL_IS_STUDENT_EDITOR (self));
  gtk_label_set_label (self->message_label, message);
  gtk_widget_remove_css_class (GTK_WIDGET (self->message_label), "warning");
  gtk_widget_add_css_class (GTK_WIDGET (self->message_label), "error");
  gtk_widget_set_visible (GTK_WIDGET (self->message_label), TRUE);
}

void
cl_student_editor_save (ClStudentEditor *self)
{
  g_return_if_fail (CL_IS_STUDENT_EDITOR (self));
  if (self->valid)
    g_signal_emit (self, signals[SAVE], 0);
}

void
cl_student_editor_set_text (ClStudentEditor *self,
                            const char      *row,
                            const char      *text)
{
  const struct { const char *name; AdwEntryRow *row; } rows[] = {
    { "id", self->id_row }, { "first-name", self->first_row }, { "last-name", self->last_row },
    { "birth-date", self->birth_row }, { "grade", self->grade_row }, { "home-language", self->language_row },
    { "emancipated-on", self->emancipated_row },
  };

  g_return_if_fail (CL_IS_STUDENT_EDITOR (self));
  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    if (g_str_equal (rows[i].name, row))
      {
        cl_form_row_set_text (rows[i].row, text);
        return;
      }
  g_critical ("No row %s in the student form", row);
}
