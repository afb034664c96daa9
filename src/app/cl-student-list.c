/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-student-list.c — the students the caseload list shows, filtered and in order
 *
 * GtkFilterListModel under a GtkSortListModel cost 70–220 ms for a keystroke that shows or hides
 * thousands of 10,000 students: the filter model reports its change, then the sort model sorts
 * the rows that came back and reports again. Here the whole caseload is sorted once (when it or
 * the sort changes) and a filter change only walks that order again, which keeps it: the new
 * visible list is found in one pass and announced with one items-changed for the span between
 * the first and the last row that differ. Everything is synchronous, so whoever reads the list
 * right after a change (the sidebar's No Results, selecting a student) sees it finished. */
#define G_LOG_DOMAIN "cl-student-list"

#include "config.h"

#include "cl-student-list.h"

struct _ClStudentList
{
  GObject     parent_instance;

  GListModel *source;
  GtkFilter  *filter;
  GtkSorter  *sorter;
  gulong      source_handler;
  gulong      filter_handler;
  gulong      sorter_handler;
  GPtrArray  *all;      /* every item of the source, in the sorter's order (owns references) */
  GPtrArray  *visible;  /* the ones the filter keeps, in the same order (owns references) */
  char       *key;      /* what the filter is now, as its owner names it (cl_student_list_set_filter_key) */
  char       *narrowed_key; /* what it was before the change being announced, or NULL */
  GPtrArray  *narrowed; /* of Narrowed: the visible items before each narrowing, the latest last */
};

/* The visible items under the filter named @key, before it was narrowed. */
typedef struct {
  char      *key;
  GPtrArray *visible;
} Narrowed;

static void
narrowed_free (gpointer data)
{
  Narrowed *n = data;

  g_free (n->key);
  g_ptr_array_unref (n->visible);
  g_free (n);
}

static void cl_student_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (ClStudentList, cl_student_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, cl_student_list_model_init))

static GType
cl_student_list_get_item_type (GListModel *model)
{
  ClStudentList *self = CL_STUDENT_LIST (model);

  return self->source ? g_list_model_get_item_type (self->source) : G_TYPE_OBJECT;
}

static guint
cl_student_list_get_n_items (GListModel *model)
{
  return CL_STUDENT_LIST (model)->visible->len;
}

static gpointer
cl_student_list_get_item (GListModel *model,
                          guint       position)
{
  ClStudentList *self = CL_STUDENT_LIST (model);

  if (position >= self->visible->len)
    return NULL;
  return g_object_ref (g_ptr_array_index (self->visible, position));
}

static void
cl_student_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = cl_student_list_get_item_type;
  iface->get_n_items = cl_student_list_get_n_items;
  iface->get_item = cl_student_list_get_item;
}

/* Replaces the visible items with @visible (taken) and tells the list what changed: the rows
 * before the first difference and after the last one stay, whatever lies between is one change.
 * The old items keep their references until the list has been told, so no pointer compared here
 * can be one freed and reused meanwhile. */
static void
set_visible (ClStudentList *self,
             GPtrArray     *visible)
{
  g_autoptr(GPtrArray) old = self->visible;
  guint prefix = 0, suffix = 0, common;

  common = MIN (old->len, visible->len);
  while (prefix < common && old->pdata[prefix] == visible->pdata[prefix])
    prefix++;
  while (suffix < common - prefix &&
         old->pdata[old->len - 1 - suffix] == visible->pdata[visible->len - 1 - suffix])
    suffix++;
  self->visible = visible;
  if (prefix + suffix == old->len && old->len == visible->len)
    return;
  g_list_model_items_changed (G_LIST_MODEL (self), prefix,
                              old->len - prefix - suffix, visible->len - prefix - suffix);
}

/* The items are walked in the list's order, which is not the order they lie in memory: asking
 * for an item a few steps ahead lets its cache misses overlap the filter's work on this one. */
static inline void
prefetch_ahead (GPtrArray *items,
                guint      i)
{
#if defined(__GNUC__)
  if (i + 16 < items->len)
    {
      const char *item = items->pdata[i + 16];

      __builtin_prefetch (item);
      __builtin_prefetch (item + 64);
    }
#endif
}

static gboolean
keeps (ClStudentList *self,
       gpointer       item)
{
  return self->filter == NULL || gtk_filter_match (self->filter, item);
}

/* The visible items after a change of the filter: a stricter filter can only drop visible items
 * and a looser one only bring hidden ones back, so only those are asked about. Both lists are in
 * the order of all, so which item is visible is found by walking them side by side. */
static void
refilter (ClStudentList   *self,
          GtkFilterChange  change)
{
  GPtrArray *visible;

  /* Back to a filter seen before this narrowing (a search's last letter erased): its items were
   * kept, so the 100,000 students are not asked again. */
  if (change == GTK_FILTER_CHANGE_LESS_STRICT && self->narrowed->len > 0 && self->key != NULL &&
      g_str_equal (((Narrowed *) g_ptr_array_index (self->narrowed, self->narrowed->len - 1))->key, self->key))
    {
      Narrowed *last = g_ptr_array_steal_index (self->narrowed, self->narrowed->len - 1);

      g_clear_pointer (&self->narrowed_key, g_free);
      set_visible (self, g_steal_pointer (&last->visible));
      g_free (last->key);
      g_free (last);
      return;
    }
  if (change == GTK_FILTER_CHANGE_MORE_STRICT && self->narrowed_key != NULL)
    {
      Narrowed *before = g_new0 (Narrowed, 1);

      before->key = g_steal_pointer (&self->narrowed_key);
      before->visible = g_ptr_array_ref (self->visible);
      g_ptr_array_add (self->narrowed, before);
    }
  else
    g_ptr_array_set_size (self->narrowed, 0);
  g_clear_pointer (&self->narrowed_key, g_free);

  visible = g_ptr_array_new_full (self->all->len, g_object_unref);
  if (change == GTK_FILTER_CHANGE_MORE_STRICT)
    {
      for (guint i = 0; i < self->visible->len; i++)
        {
          prefetch_ahead (self->visible, i);
          if (keeps (self, self->visible->pdata[i]))
            g_ptr_array_add (visible, g_object_ref (self->visible->pdata[i]));
        }
    }
  else
    {
      guint j = 0;

      for (guint i = 0; i < self->all->len; i++)
        {
          gpointer item = self->all->pdata[i];
          gboolean was;

          prefetch_ahead (self->all, i);
          was = change == GTK_FILTER_CHANGE_LESS_STRICT && j < self->visible->len &&
                         self->visible->pdata[j] == item;

          if (was)
            j++;
          if (was || keeps (self, item))
            g_ptr_array_add (visible, g_object_ref (item));
        }
    }
  set_visible (self, visible);
}

static int
compare_items (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  ClStudentList *self = user_data;

  return gtk_sorter_compare (self->sorter, *(gpointer *) a, *(gpointer *) b);
}

/* Items that come in order already (a window's rows are made sorted on the loading thread) are
 * looked at once instead of sorted again. */
static gboolean
is_sorted (ClStudentList *self)
{
  for (guint i = 1; i < self->all->len; i++)
    if (gtk_sorter_compare (self->sorter, self->all->pdata[i - 1], self->all->pdata[i]) > 0)
      return FALSE;
  return TRUE;
}

/* All the source's items again, sorted (a stable sort: equal items keep the source's order). */
static void
resort (ClStudentList *self)
{
  g_autoptr(GPtrArray) old = self->all;
  guint n = self->source ? g_list_model_get_n_items (self->source) : 0;

  self->all = g_ptr_array_new_full (n, g_object_unref);
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (self->all, g_list_model_get_item (self->source, i));
  if (self->sorter != NULL && !is_sorted (self))
    g_ptr_array_sort_with_data (self->all, compare_items, self);
  /* Who is visible is asked again of everyone: the filter may depend on what changed. */
  refilter (self, GTK_FILTER_CHANGE_DIFFERENT);
}

static void
on_source_changed (ClStudentList *self,
                   guint          position,
                   guint          removed,
                   guint          added)
{
  resort (self);
}

static void
on_filter_changed (ClStudentList   *self,
                   GtkFilterChange  change)
{
  refilter (self, change);
}

static void
on_sorter_changed (ClStudentList   *self,
                   GtkSorterChange  change)
{
  resort (self);
}

static void
cl_student_list_dispose (GObject *object)
{
  ClStudentList *self = CL_STUDENT_LIST (object);

  g_clear_signal_handler (&self->source_handler, self->source);
  g_clear_signal_handler (&self->filter_handler, self->filter);
  g_clear_signal_handler (&self->sorter_handler, self->sorter);
  g_clear_object (&self->source);
  g_clear_object (&self->filter);
  g_clear_object (&self->sorter);
  G_OBJECT_CLASS (cl_student_list_parent_class)->dispose (object);
}

static void
cl_student_list_finalize (GObject *object)
{
  ClStudentList *self = CL_STUDENT_LIST (object);

  g_ptr_array_unref (self->narrowed);
  g_ptr_array_unref (self->visible);
  g_ptr_array_unref (self->all);
  g_free (self->key);
  g_free (self->narrowed_key);
  G_OBJECT_CLASS (cl_student_list_parent_class)->finalize (object);
}

static void
cl_student_list_class_init (ClStudentListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = cl_student_list_dispose;
  object_class->finalize = cl_student_list_finalize;
}

static void
cl_student_list_init (ClStudentList *self)
{
  self->all = g_ptr_array_new_with_free_func (g_object_unref);
  self->visible = g_ptr_array_new_with_free_func (g_object_unref);
  self->narrowed = g_ptr_array_new_with_free_func (narrowed_free);
  self->key = g_strdup ("");
}

ClStudentList *
cl_student_list_new (GListModel *source,
                     GtkFilter  *filter,
                     GtkSorter  *sorter)
{
  ClStudentList *self;

  g_return_val_if_fail (G_IS_LIST_MODEL (source), NULL);
  g_return_val_if_fail (filter == NULL || GTK_IS_FILTER (filter), NULL);
  g_return_val_if_fail (sorter == NULL || GTK_IS_SORTER (sorter), NULL);

  self = g_object_new (CL_TYPE_STUDENT_LIST, NULL);
  self->source = g_object_ref (source);
  self->filter = filter ? g_object_ref (filter) : NULL;
  self->sorter = sorter ? g_object_ref (sorter) : NULL;
  self->source_handler = g_signal_connect_swapped (source, "items-changed", G_CALLBACK (on_source_changed), self);
  if (filter != NULL)
    self->filter_handler = g_signal_connect_swapped (filter, "changed", G_CALLBACK (on_filter_changed), self);
  if (sorter != NULL)
    self->sorter_handler = g_signal_connect_swapped (sorter, "changed", G_CALLBACK (on_sorter_changed), self);
  resort (self);
  return self;
}

guint
cl_student_list_get_n_all (ClStudentList *self)
{
  g_return_val_if_fail (CL_IS_STUDENT_LIST (self), 0);
  return self->all->len;
}

void
cl_student_list_set_filter_key (ClStudentList *self,
                                const char    *key)
{
  g_return_if_fail (CL_IS_STUDENT_LIST (self));

  g_free (self->narrowed_key);
  self->narrowed_key = g_steal_pointer (&self->key);
  self->key = g_strdup (key);
}
