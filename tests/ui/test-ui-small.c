/* test-ui-small.c: small things a desk editor sees
 *
 * The export suggests a file name cut between words, and the window has one suggested
 * (blue) action at a time: the selected card's Accept. Every card shows its whole text, the
 * Other Versions list fits in the window, a block's role has its own menu, and a scraped
 * source shows without its markup.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <gdk/x11/gdkx.h>
#include <glib/gstdio.h>

#include "desk-export.h"
#include "desk-export-dialog.h"
#include "desk-project.h"
#include "desk-source-view.h"
#include "desk-suggestion.h"
#include "desk-suggestion-row.h"
#include "ui-test-util.h"

static DeskWindow *
open_harbour_fire (void)
{
  DeskWindow *window = ui_test_open_roundup ("harbour-fire");

  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 900);
  gtk_window_present (GTK_WINDOW (window));
  ui_test_settle (window);
  return window;
}

static void
test_export_name (void)
{
  DeskWindow *window;
  GtkWindow *dialog;

  if (!ui_test_can_press_keys ())
    {
      g_test_skip ("xdotool or an X11 display is missing");
      return;
    }

  window = open_harbour_fire ();
  g_assert_cmpstr (desk_draft_get_headline (desk_project_get_draft (desk_window_get_project (window))), ==,
                   "Ferry Fire Off Halifax Kills 12; Dozens Pulled From Frigid Harbour");

  ui_test_xdotool (window, "key", "ctrl+e", NULL);
  dialog = NULL;
  {
    GListModel *toplevels = gtk_window_get_toplevels ();  /* transfer none */

    for (guint i = 0; i < g_list_model_get_n_items (toplevels) && dialog == NULL; i++)
      {
        g_autoptr(GtkWindow) other = g_list_model_get_item (toplevels, i);

        if (other != GTK_WINDOW (window) && gtk_widget_get_visible (GTK_WIDGET (other)) &&
            gtk_window_get_transient_for (other) == GTK_WINDOW (window))
          dialog = other;
      }
  }
  g_assert_nonnull (dialog);
  /* Whole words of the headline ("…-pulled", not "…-pulled-fr"). */
  g_assert_true (ui_test_shows_text (GTK_WIDGET (dialog), "(ferry-fire-off-halifax-kills-12-dozens-pulled."));
  ui_test_screenshot (GTK_WIDGET (dialog), "small-01-export-name");
  gtk_window_destroy (dialog);

  ui_test_close_window (window);
}

/* The export dialog remembers this story's format and folder: the next export starts
 * there, whatever another story was exported as since. */
static void
test_export_remembered (void)
{
  DeskWindow *window = open_harbour_fire ();
  DeskProject *project = desk_window_get_project (window);
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GSettings) settings = g_settings_new ("io.github.copydesk.Copydesk");
  GtkWindow *dialog;
  guint format;

  dir = g_dir_make_tmp ("copydesk-export-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (dir, "story.md", NULL);
  file = g_file_new_for_path (path);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.export", NULL));
  dialog = ui_test_find_toplevel (DESK_TYPE_EXPORT_DIALOG);
  g_assert_nonnull (dialog);
  desk_export_dialog_set_format (DESK_EXPORT_DIALOG (dialog), DESK_EXPORT_FORMAT_MARKDOWN);
  g_assert_true (desk_export_dialog_export_to (DESK_EXPORT_DIALOG (dialog), file, &error));
  g_assert_no_error (error);
  gtk_window_destroy (dialog);

  g_assert_cmpstr (desk_project_get_export_format (project), ==, "markdown");
  g_assert_cmpstr (desk_project_get_export_folder (project), ==, dir);

  /* Another story goes out as HTML meanwhile: the default for new stories. */
  g_settings_set_string (settings, "export-format", "html");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.export", NULL));
  dialog = ui_test_find_toplevel (DESK_TYPE_EXPORT_DIALOG);
  g_assert_nonnull (dialog);
  g_assert_true (ui_test_shows_text (GTK_WIDGET (dialog), ".md)"));
  format = adw_combo_row_get_selected (ADW_COMBO_ROW (ui_test_find_child (GTK_WIDGET (dialog),
                                                                     ADW_TYPE_COMBO_ROW)));
  g_assert_cmpuint (format, ==, DESK_EXPORT_FORMAT_MARKDOWN);
  gtk_window_destroy (dialog);

  g_unlink (path);
  g_rmdir (dir);
  ui_test_close_window (window);
}

static void
count_suggested (GtkWidget *widget,
                 guint     *n)
{
  if (!gtk_widget_get_mapped (widget))
    return;
  if (gtk_widget_has_css_class (widget, "suggested-action"))
    (*n)++;
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    count_suggested (child, n);
}

static void
test_one_suggested_action (void)
{
  DeskWindow *window = open_harbour_fire ();
  GListModel *list = desk_window_get_suggestions (window);
  guint n = 0;
  int addition = -1;

  count_suggested (GTK_WIDGET (window), &n);
  g_assert_cmpuint (n, <=, 1);

  for (guint i = 0; i < g_list_model_get_n_items (list) && addition < 0; i++)
    {
      g_autoptr(DeskSuggestion) suggestion = g_list_model_get_item (list, i);

      if (desk_suggestion_get_kind (suggestion) == DESK_SUGGESTION_ADDITION)
        addition = i;
    }
  g_assert_cmpint (addition, >=, 0);
  desk_window_select (window, addition);
  ui_test_run_for (300);

  n = 0;
  count_suggested (GTK_WIDGET (window), &n);
  g_assert_cmpuint (n, ==, 1);
  ui_test_screenshot (GTK_WIDGET (window), "small-02-one-suggested-action");

  ui_test_close_window (window);
}

/* A card's text: its label with the suggestion-text class. */
static GtkLabel *
find_card_text (GtkWidget *widget)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_has_css_class (widget, "suggestion-text"))
    return GTK_LABEL (widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkLabel *found = find_card_text (child);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* The texts of the cards on screen that are not the selected one. */
static void
unselected_texts (GtkWidget *widget,
                  GPtrArray *texts)
{
  if (DESK_IS_SUGGESTION_ROW (widget))
    {
      gboolean selected;

      g_object_get (widget, "selected", &selected, NULL);
      if (!selected && gtk_widget_get_mapped (widget))
        g_ptr_array_add (texts, find_card_text (widget));
      return;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    unselected_texts (child, texts);
}

/* A card that is not selected shows its whole text: it was cut at five lines, so the
 * editor could not judge a paragraph without selecting it first. */
static void
test_cards_whole_text (void)
{
  DeskWindow *window;
  g_autoptr(GPtrArray) texts = g_ptr_array_new ();
  guint n_long = 0;

  if (!ui_test_can_press_keys ())
    {
      g_test_skip ("xdotool or an X11 display is missing");
      return;
    }

  window = open_harbour_fire ();
  /* The editor moves on to the next suggestion: the first card is one of the others now. */
  ui_test_xdotool (window, "key", "alt+Down", NULL);
  ui_test_run_for (300);
  g_assert_cmpint (desk_window_get_selected (window), ==, 1);

  unselected_texts (desk_window_get_suggestions_panel (window), texts);
  g_assert_cmpuint (texts->len, >, 1);
  for (guint i = 0; i < texts->len; i++)
    {
      GtkLabel *label = g_ptr_array_index (texts, i);
      PangoLayout *layout;

      g_assert_nonnull (label);
      layout = gtk_label_get_layout (label);
      g_assert_false (pango_layout_is_ellipsized (layout));
      if (pango_layout_get_line_count (layout) > 5)
        n_long++;
    }
  /* Cards long enough to have been cut are on screen, whole. */
  g_test_message ("%u unselected cards, %u of more than five lines", texts->len, n_long);
  g_assert_cmpuint (n_long, >, 0);
  ui_test_screenshot (GTK_WIDGET (window), "small-03-cards-whole-text");

  ui_test_close_window (window);
}

/* The lowest "Other Versions" button on screen. */
static void
lowest_versions_button (GtkWidget  *widget,
                        GtkWidget  *window,
                        GtkWidget **lowest,
                        double     *lowest_y)
{
  graphene_rect_t bounds;

  if (GTK_IS_MENU_BUTTON (widget) && gtk_widget_get_mapped (widget) &&
      gtk_widget_get_ancestor (widget, DESK_TYPE_SUGGESTION_ROW) != NULL &&
      gtk_widget_compute_bounds (widget, window, &bounds) &&
      bounds.origin.y + bounds.size.height <= gtk_widget_get_height (window) &&
      bounds.origin.y > *lowest_y)
    {
      *lowest = widget;
      *lowest_y = bounds.origin.y;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    lowest_versions_button (child, window, lowest, lowest_y);
}

static gboolean
popover_shown (gpointer data)
{
  GtkPopover *popover = gtk_menu_button_get_popover (GTK_MENU_BUTTON (data));

  return popover != NULL && gtk_widget_get_mapped (GTK_WIDGET (popover));
}

/* The Other Versions list of a card low in the window opens upwards, whole: it ran off
 * the bottom of the window, its Accept This Version cut off. */
static void
test_versions_popover_fits (void)
{
  DeskWindow *window;
  GtkWidget *button = NULL;
  double y = -1;
  GtkPopover *popover;
  GtkWidget *scroller;
  GtkWidget *accept;

  if (!ui_test_can_press_keys ())
    {
      g_test_skip ("xdotool or an X11 display is missing");
      return;
    }

  window = open_harbour_fire ();
  /* Tall enough for the first card with other versions to show its button, low down. */
  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 1000);
  ui_test_settle (window);
  ui_test_run_for (300);
  lowest_versions_button (GTK_WIDGET (window), GTK_WIDGET (window), &button, &y);
  g_assert_nonnull (button);
  g_test_message ("the lowest Other Versions button is at y = %.0f of %d", y,
                  gtk_widget_get_height (GTK_WIDGET (window)));
  g_assert_cmpfloat (y, >, gtk_widget_get_height (GTK_WIDGET (window)) / 2.0);

  /* A click selects the card; the list opens on a click on a selected card. */
  for (guint i = 0; i < 3 && !popover_shown (button); i++)
    {
      ui_test_click (window, button);
      ui_test_wait_for (popover_shown, button, 1000);
    }
  g_assert_true (popover_shown (button));
  ui_test_run_for (300);

  popover = gtk_menu_button_get_popover (GTK_MENU_BUTTON (button));
  g_assert_cmpint (gtk_popover_get_position (popover), ==, GTK_POS_TOP);
  scroller = gtk_popover_get_child (popover);
  accept = ui_test_find_button (scroller, "_Accept This Version");
  g_assert_nonnull (accept);
  {
    graphene_rect_t bounds;

    /* The last button shows whole, without scrolling. */
    g_assert_true (gtk_widget_compute_bounds (accept, scroller, &bounds));
    g_test_message ("button bottom %.0f, list height %d", bounds.origin.y + bounds.size.height,
                    gtk_widget_get_height (scroller));
    g_assert_cmpfloat (bounds.origin.y + bounds.size.height, <=, gtk_widget_get_height (scroller));
  }
  {
    /* On screen, the list is inside the window: its X11 window against the editor's. */
    GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (popover));
    GdkSurface *window_surface = gtk_native_get_surface (GTK_NATIVE (window));
    Display *display = gdk_x11_display_get_xdisplay (gdk_surface_get_display (surface));
    int x, y;
    Window child;

    XTranslateCoordinates (display, gdk_x11_surface_get_xid (surface),
                           gdk_x11_surface_get_xid (window_surface), 0, 0, &x, &y, &child);
    g_test_message ("list at %d,%d, %dx%d; window %dx%d", x, y,
                    gdk_surface_get_width (surface), gdk_surface_get_height (surface),
                    gdk_surface_get_width (window_surface), gdk_surface_get_height (window_surface));
    g_assert_cmpint (y, >=, 0);
    g_assert_cmpint (y + gdk_surface_get_height (surface), <=, gdk_surface_get_height (window_surface));
  }
  ui_test_screenshot (GTK_WIDGET (window), "small-04-versions-popover");

  gtk_menu_button_popdown (GTK_MENU_BUTTON (button));
  ui_test_close_window (window);
}

/* A click at @x, @y of @widget, as the pointer does it: in the X11 window of the widget's
 * own surface (the window's, or a popover's). */
static void
click_at (DeskWindow *window,
          GtkWidget  *widget,
          double      x,
          double      y)
{
  GtkNative *native = gtk_widget_get_native (widget);
  graphene_point_t point;
  double surface_x, surface_y;
  g_autofree char *sx = NULL;
  g_autofree char *sy = NULL;
  g_autofree char *xid = NULL;

  g_assert_true (gtk_widget_compute_point (widget, GTK_WIDGET (native), &GRAPHENE_POINT_INIT (x, y), &point));
  gtk_native_get_surface_transform (native, &surface_x, &surface_y);
  sx = g_strdup_printf ("%d", (int)(point.x + surface_x));
  sy = g_strdup_printf ("%d", (int)(point.y + surface_y));
  xid = g_strdup_printf ("%lu", (gulong)gdk_x11_surface_get_xid (gtk_native_get_surface (native)));
  if (native == GTK_NATIVE (window))
    ui_test_xdotool (window, "mousemove", "--window", xid, sx, sy, "click", "1", NULL);
  else
    ui_test_xdotool_in_popup (window, "mousemove", "--window", xid, sx, sy, "click", "1", NULL);
}

static GtkWidget *
find_label_text (GtkWidget  *widget,
                 const char *text)
{
  if (GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0)
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_label_text (child, text);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static gboolean
widget_mapped (gpointer data)
{
  return gtk_widget_get_mapped (GTK_WIDGET (data));
}

/* A block's role is corrected from its own menu: a click on its role in the margin. It
 * was only at the bottom of the text view's Cut/Copy/Paste menu. */
static void
test_role_menu (void)
{
  DeskWindow *window;
  DeskProject *project;
  DeskSourceView *view;
  g_autoptr(DeskSource) source = NULL;
  GListModel *blocks;
  GtkTextView *text_view;
  GtkWidget *margin;
  GtkWidget *popover;
  GtkWidget *item;
  int furniture = -1;
  GtkTextIter start;
  GdkRectangle location;
  int wx, wy;
  graphene_point_t in_margin;

  if (!ui_test_can_press_keys ())
    {
      g_test_skip ("xdotool or an X11 display is missing");
      return;
    }

  window = open_harbour_fire ();
  project = desk_window_get_project (window);
  view = DESK_SOURCE_VIEW (desk_window_get_source_view (window));
  source = g_list_model_get_item (desk_project_get_sources (project), 2);
  blocks = desk_source_get_blocks (source);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-source", "s",
                                             desk_source_get_id (source)));
  ui_test_run_for (500);

  for (guint i = 0; i < g_list_model_get_n_items (blocks) && furniture < 0; i++)
    {
      g_autoptr(DeskBlock) block = g_list_model_get_item (blocks, i);

      if (desk_block_get_role (block) == DESK_BLOCK_ROLE_FURNITURE)
        furniture = i;
    }
  g_assert_cmpint (furniture, >=, 0);

  /* The pointer on the block's role, in the margin beside its first line. */
  text_view = desk_source_view_get_text_view (view);
  {
    g_autoptr(DeskBlock) block = g_list_model_get_item (blocks, furniture);
    GtkTextBuffer *buffer = gtk_text_view_get_buffer (text_view);

    gtk_text_buffer_get_iter_at_offset (buffer, &start,
                                        g_utf8_pointer_to_offset (desk_source_get_text (source),
                                                                  desk_source_get_text (source) +
                                                                  desk_block_get_start (block)));
  }
  gtk_text_view_scroll_to_iter (text_view, &start, 0.0, TRUE, 0.0, 0.3);
  ui_test_run_for (300);
  gtk_text_view_get_iter_location (text_view, &start, &location);
  gtk_text_view_buffer_to_window_coords (text_view, GTK_TEXT_WINDOW_WIDGET,
                                         location.x, location.y + location.height / 2, &wx, &wy);
  popover = desk_source_view_get_role_popover (view);
  margin = gtk_widget_get_parent (popover);
  g_assert_true (gtk_widget_compute_point (GTK_WIDGET (text_view), margin,
                                           &GRAPHENE_POINT_INIT (0, wy), &in_margin));
  click_at (window, margin, gtk_widget_get_width (margin) / 2.0, in_margin.y);
  ui_test_wait_for (widget_mapped, popover, 2000);
  g_assert_true (gtk_widget_get_mapped (popover));

  /* The block's menu, its role ticked; the editor calls it a body paragraph. */
  item = find_label_text (popover, "Body Paragraph");
  g_assert_nonnull (item);
  click_at (window, item, gtk_widget_get_width (item) / 2.0, gtk_widget_get_height (item) / 2.0);
  ui_test_run_for (300);
  {
    g_autoptr(DeskBlock) block = g_list_model_get_item (blocks, furniture);

    g_assert_cmpint (desk_block_get_role (block), ==, DESK_BLOCK_ROLE_BODY);
    g_assert_true (desk_block_get_role_overridden (block));
  }
  ui_test_screenshot (GTK_WIDGET (window), "small-05-role-menu");

  ui_test_close_window (window);
}

/* The source view shows a scraped page as its reader saw it: no "## " before its
 * headings, no "**" around its dateline. */
static void
test_source_without_markup (void)
{
  DeskWindow *window = open_harbour_fire ();
  DeskProject *project = desk_window_get_project (window);
  DeskSourceView *view = DESK_SOURCE_VIEW (desk_window_get_source_view (window));
  g_autoptr(DeskSource) source = g_list_model_get_item (desk_project_get_sources (project), 2);
  GtkTextBuffer *buffer;
  GtkTextIter start, end;
  g_autofree char *shown = NULL;

  /* The scraped reprint has them in its text. */
  g_assert_true (g_str_has_prefix (desk_source_get_text (source), "## "));
  g_assert_nonnull (strstr (desk_source_get_text (source), "**Halifax:**"));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-source", "s",
                                             desk_source_get_id (source)));
  ui_test_run_for (300);
  buffer = gtk_text_view_get_buffer (desk_source_view_get_text_view (view));
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  shown = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);

  g_assert_null (strstr (shown, "## "));
  g_assert_null (strstr (shown, "**"));
  g_assert_nonnull (strstr (shown, "\nHalifax: A fire tore through a passenger ferry"));
  g_assert_nonnull (strstr (shown, "12 killed as fire engulfs ferry off Canada's Halifax\n"));
  ui_test_screenshot (GTK_WIDGET (window), "small-06-source-without-markup");

  ui_test_close_window (window);
}

static char *opened_file;

static gboolean
opened (gpointer data)
{
  g_autofree char *contents = NULL;

  /* Written, not only created. */
  return g_file_get_contents (opened_file, &contents, NULL, NULL) && g_str_has_suffix (contents, ".html");
}

/* No Yelp here: F1 opens the HTML guide in the web browser, a stand-in that writes down
 * the URI it was given (the default for text/html in this test's own XDG directories). */
static void
test_help_fallback (void)
{
  g_autofree char *applications = g_build_filename (g_get_user_data_dir (), "applications", NULL);
  g_autofree char *desktop = g_build_filename (applications, "copydesk-test-browser.desktop", NULL);
  g_autofree char *mimeapps = g_build_filename (g_get_user_config_dir (), "mimeapps.list", NULL);
  g_autofree char *entry = NULL;
  g_autofree char *uri = NULL;
  g_autoptr(GError) error = NULL;
  DeskWindow *window;

  if (!ui_test_can_press_keys ())
    {
      g_test_skip ("xdotool or an X11 display is missing");
      return;
    }
  if (g_getenv ("COPYDESK_HELP_HTML_DIR") == NULL)
    {
      g_test_skip ("the HTML guide was not built (yelp-build is missing)");
      return;
    }
  {
    g_autoptr(GAppInfo) help = g_app_info_get_default_for_uri_scheme ("help");

    if (help != NULL)
      {
        g_test_skip ("a help browser is installed: F1 uses it");
        return;
      }
  }

  opened_file = g_build_filename (g_get_user_data_dir (), "browser-opened", NULL);
  g_assert_cmpint (g_mkdir_with_parents (applications, 0700), ==, 0);
  entry = g_strdup_printf ("[Desktop Entry]\nType=Application\nName=Test Browser\n"
                           "Exec=sh -c 'printf %%s \"$1\" > %s' sh %%u\nMimeType=text/html;\n",
                           opened_file);
  g_assert_true (g_file_set_contents (desktop, entry, -1, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_set_contents (mimeapps, "[Default Applications]\n"
                                      "text/html=copydesk-test-browser.desktop\n", -1, &error));
  g_assert_no_error (error);

  window = open_harbour_fire ();
  ui_test_xdotool (window, "key", "F1", NULL);
  g_assert_true (ui_test_wait_for (opened, NULL, 10000));
  g_assert_true (g_file_get_contents (opened_file, &uri, NULL, &error));
  g_assert_no_error (error);
  g_test_message ("the browser was given %s", uri);
  g_assert_true (g_str_has_prefix (uri, "file://") || g_str_has_prefix (uri, "/"));
  g_assert_true (g_str_has_suffix (uri, "/html/index.html"));
  g_assert_false (ui_test_shows_text (GTK_WIDGET (window), "Operation not supported"));

  g_clear_pointer (&opened_file, g_free);
  ui_test_close_window (window);
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *config_home = g_dir_make_tmp ("copydesk-test-config-XXXXXX", NULL);

  /* The test's own default applications (test_help_fallback). */
  g_setenv ("XDG_CONFIG_HOME", config_home, TRUE);
  ui_test_init (&argc, &argv);

  g_test_add_func ("/ui/small/export-name", test_export_name);
  g_test_add_func ("/ui/small/export-remembered", test_export_remembered);
  g_test_add_func ("/ui/small/one-suggested-action", test_one_suggested_action);
  g_test_add_func ("/ui/small/cards-whole-text", test_cards_whole_text);
  g_test_add_func ("/ui/small/versions-popover-fits", test_versions_popover_fits);
  g_test_add_func ("/ui/small/role-menu", test_role_menu);
  g_test_add_func ("/ui/small/source-without-markup", test_source_without_markup);
  g_test_add_func ("/ui/small/help-fallback", test_help_fallback);

  return g_test_run ();
}
