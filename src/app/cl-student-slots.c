/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-student-slots.c — the rows of the caseload list, kept while what they show changes
 *
 * GTK 4.8's list view keeps some 200 row widgets around the visible ones, and a row whose item
 * leaves the model is destroyed: a keystroke that brings up other students made ~200 new rows
 * (about 1,400 widgets, styled and laid out) — most of the 40–90 ms it took. The list view here
 * shows slots instead, one per place in the list: the slots stay, what they show changes, and
 * the bound widgets only get new text. Only the slots past the end of the shorter list come or
 * go. Since a slot's student can change under it, the selection is moved by hand to wherever
 * the selected student is now. A slot is made when the list first asks for its place: a list of
 * 100,000 students shows a few dozen, and made every slot at once on the main thread. */
#define G_LOG_DOMAIN "cl-student-slots"

#include "config.h"

#include "cl-student-slots.h"

struct _ClStudentSlot
{
  GObject       parent_instance;
  ClStudentRow *row;
};

enum { SLOT_PROP_0, SLOT_PROP_ROW, SLOT_N_PROPS };
static GParamSpec *slot_props[SLOT_N_PROPS];

G_DEFINE_FINAL_TYPE (ClStudentSlot, cl_student_slot, G_TYPE_OBJECT)

static void
cl_student_slot_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  ClStudentSlot *self = CL_STUDENT_SLOT (object);

  switch (prop_id)
    {
    case SLOT_PROP_ROW:
      g_value_set_object (value, self->row);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cl_student_slot_finalize (GObject *object)
{
  g_clear_object (&CL_STUDENT_SLOT (object)->row);
  G_OBJECT_CLASS (cl_student_slot_parent_class)->finalize (object);
}

static void
cl_student_slot_class_init (ClStudentSlotClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = cl_student_slot_get_property;
  object_class->finalize = cl_student_slot_finalize;
  slot_props[SLOT_PROP_ROW] = g_param_spec_object ("row", NULL, NULL, CL_TYPE_STUDENT_ROW,
                                                   G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, SLOT_N_PROPS, slot_props);
}

static void
cl_student_slot_init (ClStudentSlot *self)
{
}

ClStudentRow *
cl_student_slot_get_row (ClStudentSlot *self)
{
  g_return_val_if_fail (CL_IS_STUDENT_SLOT (self), NULL);
  return self->row;
}

static void
slot_set_row (ClStudentSlot *self,
              ClStudentRow  *row)
{
  if (g_set_object (&self->row, row))
    g_object_notify_by_pspec (G_OBJECT (self), slot_props[SLOT_PROP_ROW]);
}

struct _ClStudentSlots
{
  GObject             parent_instance;
  ClStudentList      *rows;
  gulong              rows_handler;
  GPtrArray          *slots;      /* of ClStudentSlot, one per row of rows; NULL where none was asked for */
  GtkSingleSelection *selection;  /* weak */
};

static void cl_student_slots_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (ClStudentSlots, cl_student_slots, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, cl_student_slots_model_init))

static GType
cl_student_slots_get_item_type (GListModel *model)
{
  return CL_TYPE_STUDENT_SLOT;
}

static guint
cl_student_slots_get_n_items (GListModel *model)
{
  return CL_STUDENT_SLOTS (model)->slots->len;
}

static ClStudentRow *row_at (ClStudentSlots *self, guint position);

static gpointer
cl_student_slots_get_item (GListModel *model,
                           guint       position)
{
  ClStudentSlots *self = CL_STUDENT_SLOTS (model);
  ClStudentSlot *slot;

  if (position >= self->slots->len)
    return NULL;
  if ((slot = g_ptr_array_index (self->slots, position)) == NULL)
    {
      slot = g_object_new (CL_TYPE_STUDENT_SLOT, NULL);
      slot->row = g_object_ref (row_at (self, position));
      self->slots->pdata[position] = slot;
    }
  return g_object_ref (slot);
}

static void
cl_student_slots_model_init (GListModelInterface *iface)
{
  iface->get_item_type = cl_student_slots_get_item_type;
  iface->get_n_items = cl_student_slots_get_n_items;
  iface->get_item = cl_student_slots_get_item;
}

static ClStudentRow *
row_at (ClStudentSlots *self,
        guint           position)
{
  /* The list keeps a reference to each row it shows. */
  g_autoptr(ClStudentRow) row = g_list_model_get_item (G_LIST_MODEL (self->rows), position);

  return row;
}

static void
on_rows_changed (ClStudentSlots *self,
                 guint           position,
                 guint           removed,
                 guint           added)
{
  guint old_n = self->slots->len;
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->rows));
  guint common = MIN (old_n, n);
  guint selected = self->selection ? gtk_single_selection_get_selected (self->selection) : GTK_INVALID_LIST_POSITION;
  g_autoptr(ClStudentRow) selected_row = NULL;
  guint now = GTK_INVALID_LIST_POSITION;

  /* The selected place was asked for: its slot is there. */
  if (selected < old_n && g_ptr_array_index (self->slots, selected) != NULL)
    selected_row = g_object_ref (cl_student_slot_get_row (g_ptr_array_index (self->slots, selected)));

  /* Before @position nothing changed; from there on each kept slot shows its new row. */
  for (guint i = position; i < common; i++)
    if (g_ptr_array_index (self->slots, i) != NULL)
      slot_set_row (g_ptr_array_index (self->slots, i), row_at (self, i));

  if (selected_row != NULL)
    {
      if (selected < position)
        now = selected;
      for (guint i = position; now == GTK_INVALID_LIST_POSITION && i < n; i++)
        if (row_at (self, i) == selected_row)
          now = i;
    }
  /* The selection follows its student (or is cleared) before slots past the end go away, so
   * it is never dropped with a slot the student merely moved out of. */
  if (selected_row != NULL && now != selected && (now == GTK_INVALID_LIST_POSITION || now < common))
    gtk_single_selection_set_selected (self->selection, now);

  if (n < old_n)
    {
      g_ptr_array_remove_range (self->slots, n, old_n - n);
      g_list_model_items_changed (G_LIST_MODEL (self), n, old_n - n, 0);
    }
  else if (n > old_n)
    {
      /* Made when asked for (cl_student_slots_get_item). */
      g_ptr_array_set_size (self->slots, n);
      g_list_model_items_changed (G_LIST_MODEL (self), old_n, 0, n - old_n);
    }

  if (selected_row != NULL && now != selected && now != GTK_INVALID_LIST_POSITION && now >= common &&
      self->selection != NULL)
    gtk_single_selection_set_selected (self->selection, now);
}

static void
cl_student_slots_dispose (GObject *object)
{
  ClStudentSlots *self = CL_STUDENT_SLOTS (object);

  g_clear_signal_handler (&self->rows_handler, self->rows);
  g_clear_object (&self->rows);
  cl_student_slots_set_selection (self, NULL);
  G_OBJECT_CLASS (cl_student_slots_parent_class)->dispose (object);
}

static void
cl_student_slots_finalize (GObject *object)
{
  g_ptr_array_unref (CL_STUDENT_SLOTS (object)->slots);
  G_OBJECT_CLASS (cl_student_slots_parent_class)->finalize (object);
}

static void
cl_student_slots_class_init (ClStudentSlotsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = cl_student_slots_dispose;
  object_class->finalize = cl_student_slots_finalize;
}

static void
unref_slot (gpointer slot)
{
  if (slot != NULL)
    g_object_unref (slot);
}

static void
cl_student_slots_init (ClStudentSlots *self)
{
  self->slots = g_ptr_array_new_with_free_func (unref_slot);
}

ClStudentSlots *
cl_student_slots_new (ClStudentList *rows)
{
  ClStudentSlots *self;

  g_return_val_if_fail (CL_IS_STUDENT_LIST (rows), NULL);

  self = g_object_new (CL_TYPE_STUDENT_SLOTS, NULL);
  self->rows = g_object_ref (rows);
  self->rows_handler = g_signal_connect_swapped (rows, "items-changed", G_CALLBACK (on_rows_changed), self);
  on_rows_changed (self, 0, 0, g_list_model_get_n_items (G_LIST_MODEL (rows)));
  return self;
}

void
cl_student_slots_set_selection (ClStudentSlots     *self,
                                GtkSingleSelection *selection)
{
  g_return_if_fail (CL_IS_STUDENT_SLOTS (self));

  if (self->selection != NULL)
    g_object_remove_weak_pointer (G_OBJECT (self->selection), (gpointer *) &self->selection);
  self->selection = selection;
  if (selection != NULL)
    g_object_add_weak_pointer (G_OBJECT (selection), (gpointer *) &self->selection);
}
