/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-documents.c — a student's documents opened from the main window and read in the preview:
 * pages and thumbnails drawn, a thumbnail or Page Down to move, zoom in, out and back to the
 * width, driven as a case manager would (under Xvfb)
 *
 * The demo caseload in a temporary database, "today" pinned to 2026-11-24. Every document is US
 * Letter, 612 × 792 points. The preview draws a page at 150 dpi (612 × 150/72 = 1275 by
 * 792 × 150/72 = 1650 pixels) and its thumbnail 110 pixels wide (792 × 110/612 = 142.4 -> 142
 * high); 100 % is the paper at 96 pixels an inch (612 × 96/72 = 816 by 792 × 96/72 = 1056), and
 * the zoom steps are 50, 75, 100, 125, 150, 200 and 300 %. At each, the page is checked as laid
 * out (the picture's allocation) and as drawn (where the frame's render nodes put the page
 * texture): both exactly the zoomed size, centred when smaller than the view. Fitted, it is
 * as wide as the view less its 18-pixel margins and 1650/1275 as tall. (In the 890 × 758 window
 * Xvfb's 768-pixel screen allows, the view is 739 × 711: 50 % is smaller than it both ways, 75 %
 * narrower only.)
 *
 * S-1027 (Tyrell Jackson) has suspensions of 5, 4 and 2 school days in 2026-27 and a decision to
 * change his placement: his manifestation determination review is 3 pages (as tests/test-documents.c
 * reads it back). S-1001 has no removal and no planned meeting.
 *
 * With CASELOAD_SHOTS=DIR set, the preview is also saved as PNG files in DIR, to look at it.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "cl-document-window.h"
#include "cl-page-paintable.h"
#include "cl-ui-test.h"

static ClApplication *app;

/* What the user sees of the preview: the page strip, the page, the title bar, the zoom label. */
typedef struct {
  ClDocumentWindow *window;
  GtkStack         *stack;
  GtkListBox       *thumbnails;
  GtkWidget        *scroller;
  GtkPicture       *page;
  AdwWindowTitle   *title;
  GtkLabel         *zoom_label;
} Preview;

static gboolean
has_pages (gpointer window)
{
  return cl_document_window_get_n_pages (window) > 0;
}

/* The item of a menu that reads @text, as shown (mnemonic underline left out). A menu's items
 * are not actionable widgets, and the ones whose action is off are not there at all. */
static GtkWidget *
find_menu_item (GtkWidget  *widget,
                const char *text)
{
  if (GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0)
    return gtk_widget_get_ancestor (widget, g_type_from_name ("GtkModelButton"));
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_menu_item (child, text);
      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The preview that opened, once its pages are drawn. */
static Preview
preview_opened (void)
{
  Preview p = { find_toplevel (CL_TYPE_DOCUMENT_WINDOW, TRUE) };
  GtkWidget *flap;

  g_assert_nonnull (p.window);
  /* Pages are drawn off the main thread: a spinner until then. */
  wait_for (has_pages, p.window);
  flap = find_type (GTK_WIDGET (p.window), ADW_TYPE_FLAP);
  g_assert_nonnull (flap);
  p.stack = GTK_STACK (gtk_widget_get_parent (flap));
  p.thumbnails = GTK_LIST_BOX (find_type (adw_flap_get_flap (ADW_FLAP (flap)), GTK_TYPE_LIST_BOX));
  p.scroller = adw_flap_get_content (ADW_FLAP (flap));
  p.page = GTK_PICTURE (find_type (p.scroller, GTK_TYPE_PICTURE));
  p.title = ADW_WINDOW_TITLE (find_type (GTK_WIDGET (p.window), ADW_TYPE_WINDOW_TITLE));
  /* The zoom level is the label of the menu's Fit Width button. */
  p.zoom_label = GTK_LABEL (gtk_button_get_child (GTK_BUTTON (find_action_button (GTK_WIDGET (p.window), "doc.zoom-fit"))));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (p.stack), ==, "pages");
  return p;
}

static guint
n_thumbnails (Preview *p)
{
  guint n = 0;

  while (gtk_list_box_get_row_at_index (p->thumbnails, (int) n) != NULL)
    n++;
  return n;
}

static GdkPaintable *
thumbnail (Preview *p,
           int      index)
{
  GtkWidget *row = GTK_WIDGET (gtk_list_box_get_row_at_index (p->thumbnails, index));

  return gtk_picture_get_paintable (GTK_PICTURE (find_type (row, GTK_TYPE_PICTURE)));
}

/* The page texture the preview shows (the picture draws it through a paintable that holds the
 * zoomed size). */
static GdkPaintable *
shown_page (Preview *p)
{
  return cl_page_paintable_get_page (CL_PAGE_PAINTABLE (gtk_picture_get_paintable (p->page)));
}

static int
selected_thumbnail (Preview *p)
{
  GtkListBoxRow *row = gtk_list_box_get_selected_row (p->thumbnails);

  return row ? gtk_list_box_row_get_index (row) : -1;
}

/* A key pressed in the preview goes first to what has the focus, if anything does; whether a
 * shortcut did something with it. */
static gboolean
press_in (Preview         *p,
          guint            keyval,
          GdkModifierType  mods)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (p->window));

  return press (focus ? focus : GTK_WIDGET (p->window), keyval, mods);
}

/* Layout happens on the next frame: wait until the page is @width × @height on screen (a
 * height of 0: any). */
typedef struct {
  GtkWidget *widget;
  int        width;
  int        height;
} SizeWait;

static gboolean
is_sized (gpointer data)
{
  SizeWait *w = data;
  return gtk_widget_get_width (w->widget) == w->width
         && (w->height == 0 || gtk_widget_get_height (w->widget) == w->height);
}

static void
assert_page_size (Preview *p,
                  int      width,
                  int      height)
{
  SizeWait w = { GTK_WIDGET (p->page), width, height };

  wait_for (is_sized, &w);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (p->page)), ==, width);
  if (height > 0)
    g_assert_cmpint (gtk_widget_get_height (GTK_WIDGET (p->page)), ==, height);
}

/* Where @node draws its (first) texture, in @node's coordinates. */
static gboolean
texture_bounds (GskRenderNode   *node,
                graphene_rect_t *out)
{
  switch (gsk_render_node_get_node_type (node))
    {
    case GSK_TEXTURE_NODE:
      gsk_render_node_get_bounds (node, out);
      return TRUE;
    case GSK_CONTAINER_NODE:
      for (guint i = 0; i < gsk_container_node_get_n_children (node); i++)
        if (texture_bounds (gsk_container_node_get_child (node, i), out))
          return TRUE;
      return FALSE;
    case GSK_TRANSFORM_NODE:
      {
        graphene_rect_t inner;

        if (!texture_bounds (gsk_transform_node_get_child (node), &inner))
          return FALSE;
        gsk_transform_transform_bounds (gsk_transform_node_get_transform (node), &inner, out);
        return TRUE;
      }
    case GSK_CLIP_NODE:
      return texture_bounds (gsk_clip_node_get_child (node), out);
    case GSK_ROUNDED_CLIP_NODE:
      return texture_bounds (gsk_rounded_clip_node_get_child (node), out);
    case GSK_OPACITY_NODE:
      return texture_bounds (gsk_opacity_node_get_child (node), out);
    case GSK_DEBUG_NODE:
      return texture_bounds (gsk_debug_node_get_child (node), out);
    default:
      return FALSE;
    }
}

/* Where the picture drew the page on the last frame, in its own coordinates: what it rendered
 * (card and all), the page texture's rectangle in that; FALSE until it has been drawn since
 * its size last changed. */
static gboolean
page_drawn_at (GtkWidget       *picture,
               graphene_rect_t *out)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (picture);
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;

  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), gtk_widget_get_width (picture), gtk_widget_get_height (picture));
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  return node != NULL && texture_bounds (node, out);
}

static gboolean
is_drawn (gpointer picture)
{
  graphene_rect_t bounds;

  return page_drawn_at (picture, &bounds);
}

/* Waits for the next frame that draws the page, and says where it drew it. */
static graphene_rect_t
drawn_page (Preview *p)
{
  graphene_rect_t bounds;

  wait_for (is_drawn, p->page);
  g_assert_true (page_drawn_at (GTK_WIDGET (p->page), &bounds));
  return bounds;
}

/* The page at @percent: its size is the paper's at that scale of 96 dpi, asked for and drawn
 * at exactly that size, centred in the view when smaller, scrolled when larger. */
static void
assert_zoom (Preview *p,
             int      percent,
             int      width,
             int      height)
{
  g_autofree char *label = g_strdup_printf ("%d %%", percent);
  GtkWidget *picture = GTK_WIDGET (p->page);
  int w, h;
  graphene_rect_t drawn;
  graphene_point_t at;

  g_assert_cmpstr (gtk_label_get_label (p->zoom_label), ==, label);
  gtk_widget_get_size_request (picture, &w, &h);
  g_assert_cmpint (w, ==, width);
  g_assert_cmpint (h, ==, height);
  /* On screen: the widget (and the card drawn round it) is the page's size, and what it
   * draws fills it, whether the page is smaller than the view or larger. */
  assert_page_size (p, width, height);
  drawn = drawn_page (p);
  if (g_test_verbose ())
    g_printerr ("%d %%: widget %d x %d, page drawn %g x %g at %g, %g\n", percent, gtk_widget_get_width (picture),
                gtk_widget_get_height (picture), drawn.size.width, drawn.size.height, drawn.origin.x, drawn.origin.y);
  g_assert_cmpfloat_with_epsilon (drawn.origin.x, 0, 0.01);
  g_assert_cmpfloat_with_epsilon (drawn.origin.y, 0, 0.01);
  g_assert_cmpfloat_with_epsilon (drawn.size.width, width, 0.01);
  g_assert_cmpfloat_with_epsilon (drawn.size.height, height, 0.01);
  g_assert_true (gtk_widget_compute_point (picture, p->scroller, &GRAPHENE_POINT_INIT (0, 0), &at));
  if (width + 2 * 18 <= gtk_widget_get_width (p->scroller))
    /* Centred across (to a pixel: an odd remainder is split). */
    g_assert_cmpint (abs ((int) at.x - (gtk_widget_get_width (p->scroller) - width) / 2), <=, 1);
  if (height + 2 * 18 <= gtk_widget_get_height (p->scroller))
    g_assert_cmpint (abs ((int) at.y - (gtk_widget_get_height (p->scroller) - height) / 2), <=, 1);
}

/* Fitted: the page as wide as the view less its margins (@width), and as tall as the paper's
 * shape makes that (GTK rounds the height up to a whole pixel), drawn filling it: taller than
 * the view here, so scrolled. */
static void
assert_fit (Preview *p,
            int      width)
{
  int height = (int) ceil (width / (1275.0 / 1650));
  graphene_rect_t drawn;

  g_assert_cmpstr (gtk_label_get_label (p->zoom_label), ==, "Fit Width");
  assert_page_size (p, width, height);
  g_assert_cmpint (height, >, gtk_widget_get_height (p->scroller));
  drawn = drawn_page (p);
  if (g_test_verbose ())
    g_printerr ("Fit: view %d x %d, widget %d x %d, page drawn %g x %g\n", gtk_widget_get_width (p->scroller),
                gtk_widget_get_height (p->scroller), gtk_widget_get_width (GTK_WIDGET (p->page)),
                gtk_widget_get_height (GTK_WIDGET (p->page)), drawn.size.width, drawn.size.height);
  g_assert_cmpfloat_with_epsilon (drawn.size.width, width, 0.01);
  g_assert_cmpfloat (fabs (drawn.size.height - width * 792.0 / 612), <, 1);
}

/* The Documents menu offers @item for the open student. */
static gboolean
menu_offers (ClWindow   *window,
             const char *item_text)
{
  GtkPopover *menu = gtk_menu_button_get_popover (window->documents_button);
  GtkWidget *item;
  gboolean shown;

  gtk_menu_button_popup (window->documents_button);
  iterate ();
  item = find_menu_item (GTK_WIDGET (menu), item_text);
  shown = item != NULL && gtk_widget_get_visible (item);
  gtk_menu_button_popdown (window->documents_button);
  iterate ();
  return shown;
}

/* Chooses @item in the Documents menu, as a click on it does. */
static void
choose_from_menu (ClWindow   *window,
                  const char *item_text)
{
  GtkPopover *menu = gtk_menu_button_get_popover (window->documents_button);
  GtkWidget *item;

  gtk_menu_button_popup (window->documents_button);
  iterate ();
  item = find_menu_item (GTK_WIDGET (menu), item_text);
  g_assert_nonnull (item);
  g_assert_true (gtk_widget_get_visible (item));
  g_signal_emit_by_name (item, "clicked");
  iterate ();
}

static void
test_pages_thumbnails_zoom (void)
{
  ClWindow *window = demo_database_window_at (D ("2026-11-24"), 1366, 768, NULL);
  GdkPaintable *first, *third;
  Preview p;
  int fit;

  g_assert_true (cl_window_select_student (window, "S-1027"));
  iterate ();
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window->documents_button)));
  g_assert_true (menu_offers (window, "Manifestation Determination…"));
  choose_from_menu (window, "Manifestation Determination…");
  p = preview_opened ();
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (p.window)), ==, "Manifestation Determination — Tyrell Jackson");
  g_assert_cmpstr (adw_window_title_get_title (p.title), ==, "Manifestation Determination — Tyrell Jackson");

  /* Three pages, each with its thumbnail, the first shown and its thumbnail selected. */
  g_assert_cmpuint (cl_document_window_get_n_pages (p.window), ==, 3);
  g_assert_cmpuint (n_thumbnails (&p), ==, 3);
  for (int i = 0; i < 3; i++)
    {
      GtkWidget *row = GTK_WIDGET (gtk_list_box_get_row_at_index (p.thumbnails, i));
      g_autofree char *number = g_strdup_printf ("%d", i + 1);

      g_assert_cmpint (gdk_paintable_get_intrinsic_width (thumbnail (&p, i)), ==, 110);
      g_assert_cmpint (gdk_paintable_get_intrinsic_height (thumbnail (&p, i)), ==, 142);
      g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (find_type (row, GTK_TYPE_LABEL))), ==, number);
    }
  g_assert_cmpstr (adw_window_title_get_subtitle (p.title), ==, "Page 1 of 3");
  g_assert_cmpint (selected_thumbnail (&p), ==, 0);
  first = shown_page (&p);
  g_assert_nonnull (first);
  g_assert_cmpint (gdk_paintable_get_intrinsic_width (first), ==, 1275);
  g_assert_cmpint (gdk_paintable_get_intrinsic_height (first), ==, 1650);
  /* The strip is on screen, its thumbnails at their size. */
  g_assert_cmpint (gtk_widget_get_width (find_type (GTK_WIDGET (gtk_list_box_get_row_at_index (p.thumbnails, 0)),
                                                    GTK_TYPE_PICTURE)), ==, 110);
  g_assert_false (gtk_widget_is_sensitive (find_action_button (GTK_WIDGET (p.window), "doc.previous")));
  shot (GTK_WIDGET (p.window), "preview-fit");

  /* Page Down moves on one page at a time and stops at the last; Page Up comes back. */
  g_assert_true (press_in (&p, GDK_KEY_Page_Down, 0));
  g_assert_cmpstr (adw_window_title_get_subtitle (p.title), ==, "Page 2 of 3");
  g_assert_cmpint (selected_thumbnail (&p), ==, 1);
  g_assert_true (gtk_widget_is_sensitive (find_action_button (GTK_WIDGET (p.window), "doc.previous")));
  g_assert_true (shown_page (&p) != first);
  g_assert_true (press_in (&p, GDK_KEY_Page_Down, 0));
  g_assert_cmpstr (adw_window_title_get_subtitle (p.title), ==, "Page 3 of 3");
  g_assert_cmpint (selected_thumbnail (&p), ==, 2);
  third = shown_page (&p);
  g_assert_true (third != first);
  g_assert_cmpint (gdk_paintable_get_intrinsic_width (third), ==, 1275);
  g_assert_false (gtk_widget_is_sensitive (find_action_button (GTK_WIDGET (p.window), "doc.next")));
  g_assert_false (press_in (&p, GDK_KEY_Page_Down, 0));
  g_assert_cmpstr (adw_window_title_get_subtitle (p.title), ==, "Page 3 of 3");
  g_assert_true (press_in (&p, GDK_KEY_Page_Up, 0));
  g_assert_cmpstr (adw_window_title_get_subtitle (p.title), ==, "Page 2 of 3");
  g_assert_cmpint (selected_thumbnail (&p), ==, 1);

  /* Activating a thumbnail (a click, or Enter on it) shows its page. */
  gtk_widget_activate (GTK_WIDGET (gtk_list_box_get_row_at_index (p.thumbnails, 2)));
  iterate ();
  g_assert_cmpstr (adw_window_title_get_subtitle (p.title), ==, "Page 3 of 3");
  g_assert_cmpint (selected_thumbnail (&p), ==, 2);
  g_assert_true (shown_page (&p) == third);
  gtk_widget_activate (GTK_WIDGET (gtk_list_box_get_row_at_index (p.thumbnails, 0)));
  iterate ();
  g_assert_cmpstr (adw_window_title_get_subtitle (p.title), ==, "Page 1 of 3");
  g_assert_cmpint (selected_thumbnail (&p), ==, 0);
  g_assert_true (shown_page (&p) == first);
  g_assert_false (gtk_widget_is_sensitive (find_action_button (GTK_WIDGET (p.window), "doc.previous")));

  /* It opens fitted to the width: the view's width less the page's 18-pixel margins, which is
   * less than 100 % in a 900-pixel window beside the strip. */
  g_assert_cmpstr (gtk_label_get_label (p.zoom_label), ==, "Fit Width");
  fit = gtk_widget_get_width (p.scroller) - 2 * 18;
  assert_fit (&p, fit);
  g_assert_cmpint (fit, <, 816);
  g_assert_cmpint (fit, >, 612);

  /* Ctrl+plus from there: the next step above the fitted size, 100 %; then 125 %. */
  g_assert_true (press_in (&p, GDK_KEY_plus, GDK_CONTROL_MASK));
  assert_zoom (&p, 100, 816, 1056);
  shot (GTK_WIDGET (p.window), "preview-100");
  g_assert_true (press_in (&p, GDK_KEY_plus, GDK_CONTROL_MASK));
  assert_zoom (&p, 125, 1020, 1320);
  shot (GTK_WIDGET (p.window), "preview-125");
  /* Ctrl+minus twice: 100 %, 75 %. */
  g_assert_true (press_in (&p, GDK_KEY_minus, GDK_CONTROL_MASK));
  assert_zoom (&p, 100, 816, 1056);
  g_assert_true (press_in (&p, GDK_KEY_minus, GDK_CONTROL_MASK));
  assert_zoom (&p, 75, 612, 792);
  /* Ctrl+0: the width again. */
  g_assert_true (press_in (&p, GDK_KEY_0, GDK_CONTROL_MASK));
  assert_fit (&p, fit);

  /* The menu's buttons do the same; at 300 % Zoom In is off, at 50 % Zoom Out. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (p.window), "doc.zoom-out", NULL));
  iterate ();
  assert_zoom (&p, 75, 612, 792);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (p.window), "doc.zoom-out", NULL));
  iterate ();
  assert_zoom (&p, 50, 408, 528);
  shot (GTK_WIDGET (p.window), "preview-50");
  g_assert_false (gtk_widget_is_sensitive (find_action_button (GTK_WIDGET (p.window), "doc.zoom-out")));
  for (int i = 0; i < 5; i++)
    g_signal_emit_by_name (find_action_button (GTK_WIDGET (p.window), "doc.zoom-in"), "clicked");
  iterate ();
  assert_zoom (&p, 200, 1632, 2112);
  shot (GTK_WIDGET (p.window), "preview-200");
  g_signal_emit_by_name (find_action_button (GTK_WIDGET (p.window), "doc.zoom-in"), "clicked");
  iterate ();
  assert_zoom (&p, 300, 2448, 3168);
  g_assert_false (gtk_widget_is_sensitive (find_action_button (GTK_WIDGET (p.window), "doc.zoom-in")));
  g_assert_false (press_in (&p, GDK_KEY_plus, GDK_CONTROL_MASK));
  assert_zoom (&p, 300, 2448, 3168);
  /* Zooming keeps the page shown. */
  g_assert_cmpstr (adw_window_title_get_subtitle (p.title), ==, "Page 1 of 3");

  /* Escape closes the preview. */
  g_assert_true (press_in (&p, GDK_KEY_Escape, 0));
  g_assert_null (find_toplevel (CL_TYPE_DOCUMENT_WINDOW, TRUE));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* A one-page document: page 1 of 1, and Page Down goes nowhere. */
static void
test_one_page (void)
{
  ClWindow *window = demo_database_window_at (D ("2026-11-24"), 1366, 768, NULL);
  Preview p;

  g_assert_true (cl_window_select_student (window, "S-1002"));
  iterate ();
  choose_from_menu (window, "Compliance Summary…");
  p = preview_opened ();
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (p.window)), ==, "Compliance Summary — Minh Nguyen");
  g_assert_cmpuint (cl_document_window_get_n_pages (p.window), ==, 1);
  g_assert_cmpuint (n_thumbnails (&p), ==, 1);
  g_assert_cmpstr (adw_window_title_get_subtitle (p.title), ==, "Page 1 of 1");
  g_assert_false (gtk_widget_is_sensitive (find_action_button (GTK_WIDGET (p.window), "doc.next")));
  g_assert_false (press_in (&p, GDK_KEY_Page_Down, 0));
  g_assert_cmpstr (adw_window_title_get_subtitle (p.title), ==, "Page 1 of 1");
  gtk_window_destroy (GTK_WINDOW (p.window));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* The toasts shown now in @window, one title a line. */
static GType
toast_widget_type (void)
{
  GType type = g_type_from_name ("AdwToastWidget");

  g_assert_true (type != G_TYPE_INVALID);
  return type;
}

static void
collect_toasts (GtkWidget *widget,
                GPtrArray *out)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, toast_widget_type ()))
    g_ptr_array_add (out, widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    collect_toasts (child, out);
}

typedef struct {
  ClWindow   *window;
  const char *title;
  GHashTable *dismissed;   /* the toasts closed on the way */
} ToastWait;

/* Whether a toast says @title; closes the others (as a user does), so a queued one comes up. */
static gboolean
toast_shown (gpointer data)
{
  ToastWait *w = data;
  g_autoptr(GPtrArray) toasts = g_ptr_array_new ();

  collect_toasts (GTK_WIDGET (w->window->toast_overlay), toasts);
  for (guint i = 0; i < toasts->len; i++)
    {
      GtkWidget *toast = g_ptr_array_index (toasts, i);
      GtkWidget *label = find_type (toast, GTK_TYPE_LABEL);

      if (label != NULL && g_strcmp0 (gtk_label_get_label (GTK_LABEL (label)), w->title) == 0)
        return TRUE;
      if (!g_hash_table_contains (w->dismissed, toast))
        {
          g_hash_table_add (w->dismissed, toast);
          gtk_widget_activate_action (toast, "toast.dismiss", NULL);
        }
    }
  return FALSE;
}

static void
assert_toast (ClWindow   *window,
              const char *title)
{
  g_autoptr(GHashTable) dismissed = g_hash_table_new (NULL, NULL);
  ToastWait w = { window, title, dismissed };

  wait_for (toast_shown, &w);
}

/* What a document needs is not on file: the menu does not offer it, and asked for all the same,
 * the window says why instead of opening an empty preview. */
static void
test_not_on_file (void)
{
  ClWindow *window = demo_database_window_at (D ("2026-11-24"), 1366, 768, NULL);

  g_assert_true (cl_window_select_student (window, "S-1001"));
  iterate ();
  g_assert_false (menu_offers (window, "Manifestation Determination…"));
  g_assert_false (menu_offers (window, "Meeting Notice…"));
  g_assert_true (menu_offers (window, "Compliance Summary…"));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.document", "s", "mdr"));
  iterate ();
  g_assert_null (find_toplevel (CL_TYPE_DOCUMENT_WINDOW, FALSE));
  assert_toast (window, "S-1001 has no disciplinary removal on file for a manifestation determination");
  shot (GTK_WIDGET (window), "not-on-file");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.document", "s", "meeting-notice"));
  iterate ();
  g_assert_null (find_toplevel (CL_TYPE_DOCUMENT_WINDOW, FALSE));
  assert_toast (window, "S-1001 has no planned meeting to send a notice for");
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int argc, char **argv)
{
  app = cl_ui_test_init (&argc, &argv);
  g_test_add_func ("/ui/documents/pages-thumbnails-zoom", test_pages_thumbnails_zoom);
  g_test_add_func ("/ui/documents/one-page", test_one_page);
  g_test_add_func ("/ui/documents/not-on-file", test_not_on_file);
  return cl_ui_test_run (app);
}
