/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-event-type-row.c — the event types by stage, in a combo row whose list wraps */
#define G_LOG_DOMAIN "cl-event-type-row"

#include "config.h"

#include <glib/gi18n.h>

#include "cl-event-labels.h"
#include "cl-event-type-row.h"
#include "cl-meeting-labels.h"

/* What each position of the row's list is: the types in stage order, after the suggested one. */
typedef struct {
  guint       n;
  gboolean    has_suggestion;
  ClEventType types[CL_N_EVENT_TYPES + 1];
} TypeOrder;

static const TypeOrder *
order_of (AdwComboRow *row)
{
  return g_object_get_data (G_OBJECT (row), "cl-type-order");
}

/* The heading above a position: its stage when it is the first of it, else NULL. */
static const char *
heading_at (const TypeOrder *order,
            guint            position)
{
  if (order->has_suggestion && position == 0)
    return _("Expected next");
  if (position == (order->has_suggestion ? 1u : 0u) ||
      cl_event_type_stage (order->types[position]) != cl_event_type_stage (order->types[position - 1]))
    return _(cl_event_stage_label (cl_event_type_stage (order->types[position])));
  return NULL;
}

/* An item of the list: [heading above] the label, wrapping, and the check of the chosen one. */
static void
setup_item (GtkSignalListItemFactory *factory,
            GtkListItem              *item,
            gpointer                  data)
{
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *heading = gtk_label_new (NULL);
  GtkWidget *label = gtk_label_new (NULL);
  GtkWidget *check = gtk_image_new_from_icon_name ("object-select-symbolic");

  gtk_label_set_xalign (GTK_LABEL (heading), 0);
  gtk_widget_add_css_class (heading, "heading");
  gtk_widget_add_css_class (heading, "dim-label");
  gtk_widget_set_margin_top (heading, 6);
  gtk_widget_set_visible (heading, FALSE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 34);
  gtk_widget_set_hexpand (box, TRUE);
  gtk_widget_set_valign (check, GTK_ALIGN_END);
  gtk_box_append (GTK_BOX (box), heading);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (row), box);
  gtk_box_append (GTK_BOX (row), check);
  gtk_list_item_set_child (item, row);
}

static GtkWidget *
item_part (GtkListItem *item,
           guint        n)
{
  GtkWidget *row = gtk_list_item_get_child (item);
  GtkWidget *box = gtk_widget_get_first_child (row);

  /* 0: heading, 1: label, 2: check */
  if (n == 2)
    return gtk_widget_get_last_child (row);
  return n == 0 ? gtk_widget_get_first_child (box) : gtk_widget_get_last_child (box);
}

static void
update_check (AdwComboRow *row,
              GParamSpec  *pspec,
              GtkListItem *item)
{
  gtk_widget_set_opacity (item_part (item, 2),
                          gtk_list_item_get_position (item) == adw_combo_row_get_selected (row) ? 1 : 0);
}

static void
bind_item (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           AdwComboRow              *row)
{
  const TypeOrder *order = order_of (row);
  GtkStringObject *string = gtk_list_item_get_item (item);
  const char *text = order ? heading_at (order, gtk_list_item_get_position (item)) : NULL;
  gulong handler;

  gtk_label_set_label (GTK_LABEL (item_part (item, 0)), text ? text : "");
  gtk_widget_set_visible (item_part (item, 0), text != NULL);
  gtk_label_set_label (GTK_LABEL (item_part (item, 1)), gtk_string_object_get_string (string));
  handler = g_signal_connect (row, "notify::selected", G_CALLBACK (update_check), item);
  g_object_set_data (G_OBJECT (item), "cl-check-handler", GSIZE_TO_POINTER (handler));
  update_check (row, NULL, item);
}

static void
unbind_item (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             AdwComboRow              *row)
{
  gulong handler = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (item), "cl-check-handler"));

  if (handler != 0)
    g_signal_handler_disconnect (row, handler);
  g_object_set_data (G_OBJECT (item), "cl-check-handler", NULL);
}

void
cl_combo_row_show_in_full (AdwComboRow *row)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkExpression) expression = gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string");

  g_signal_connect (factory, "setup", G_CALLBACK (setup_item), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_item), row);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_item), row);
  adw_combo_row_set_expression (row, expression);
  adw_combo_row_set_use_subtitle (row, TRUE);
  adw_combo_row_set_list_factory (row, factory);
}

void
cl_event_type_row_setup (AdwComboRow *row,
                         int          suggested)
{
  TypeOrder *order = g_new0 (TypeOrder, 1);
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);

  if (suggested >= 0 && suggested < CL_N_EVENT_TYPES)
    {
      order->types[order->n++] = suggested;
      order->has_suggestion = TRUE;
    }
  for (ClEventStage stage = 0; stage < CL_N_EVENT_STAGES; stage++)
    for (ClEventType type = 0; type < CL_N_EVENT_TYPES; type++)
      if (cl_event_type_stage (type) == stage)
        order->types[order->n++] = type;
  g_assert (order->n == CL_N_EVENT_TYPES + (order->has_suggestion ? 1 : 0));
  for (guint i = 0; i < order->n; i++)
    gtk_string_list_append (labels, _cl_event_type_label (order->types[i]));
  g_object_set_data_full (G_OBJECT (row), "cl-type-order", order, g_free);

  cl_combo_row_show_in_full (row);
  adw_combo_row_set_model (row, G_LIST_MODEL (labels));
}

ClEventType
cl_event_type_row_get (AdwComboRow *row)
{
  const TypeOrder *order = order_of (row);
  guint position = adw_combo_row_get_selected (row);

  g_return_val_if_fail (order != NULL, CL_EVENT_REFERRAL);
  return position < order->n ? order->types[position] : CL_EVENT_REFERRAL;
}

void
cl_event_type_row_set (AdwComboRow *row,
                       ClEventType  type)
{
  const TypeOrder *order = order_of (row);

  g_return_if_fail (order != NULL);
  for (guint i = 0; i < order->n; i++)
    if (order->types[i] == type)
      {
        adw_combo_row_set_selected (row, i);
        return;
      }
}
