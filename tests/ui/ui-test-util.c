/* ui-test-util.c: driving the editor in-process for the ui tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <gdk/x11/gdkx.h>

#include "ui-test-util.h"

static DeskApplication *application;

/* GTK 4.8 warns "Trying to snapshot GtkGizmo … without a current allocation" when a
 * scrolled window's overlay scrollbar is shown by keyboard scrolling between a layout and
 * the next frame (fixed in later GTK); real key presses in the draft (test-ui-keys.c) do
 * that. That one warning is about GTK's own scrollbar and is let through; every other
 * warning stays fatal. */
static GLogWriterOutput
log_writer (GLogLevelFlags   level,
            const GLogField *fields,
            gsize            n_fields,
            gpointer         user_data)
{
  for (gsize i = 0; i < n_fields; i++)
    if (g_str_equal (fields[i].key, "MESSAGE") && fields[i].length < 0 &&
        g_str_has_prefix (fields[i].value, "Trying to snapshot GtkGizmo") &&
        g_str_has_suffix (fields[i].value, "without a current allocation"))
      {
        gpointer widget = NULL;

        if (sscanf ((const char *)fields[i].value + strlen ("Trying to snapshot GtkGizmo "), "%p",
                    &widget) == 1 &&
            GTK_IS_WIDGET (widget) &&
            gtk_widget_get_ancestor (widget, GTK_TYPE_SCROLLBAR) != NULL)
          return G_LOG_WRITER_HANDLED;
      }

  return g_log_writer_default (level, fields, n_fields, user_data);
}

/* GTK's warnings are fatal under gtk_test_init(); so are ours. Animations are off, so a
 * screenshot shows the state and not a transition into it. */
void
ui_test_init (int    *argc,
              char ***argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *data_home = NULL;

  /* Without a display (meson test outside xvfb-run) there is nothing to test: skip. */
  if (g_getenv ("DISPLAY") == NULL && g_getenv ("WAYLAND_DISPLAY") == NULL)
    {
      g_print ("1..0 # SKIP no display: run under xvfb-run\n");
      exit (0);
    }

  /* Autosaves and recent projects go to a folder of the test's own, unless the test
   * (the recovery test's child) was given one. */
  if (g_getenv ("COPYDESK_TEST_KEEP_DATA_HOME") == NULL)
    {
      data_home = g_dir_make_tmp ("copydesk-test-XXXXXX", &error);
      g_assert_no_error (error);
      g_setenv ("XDG_DATA_HOME", data_home, TRUE);
    }

  g_log_set_writer_func (log_writer, NULL, NULL);
  gtk_test_init (argc, argv, NULL);
  adw_init ();
  desk_ui_init ();
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

  application = desk_application_new (G_APPLICATION_NON_UNIQUE);
  if (!g_application_register (G_APPLICATION (application), NULL, &error))
    g_error ("Cannot register the application: %s", error->message);
  /* The windows keep the application; tests close them. */
  g_application_hold (G_APPLICATION (application));
}

DeskApplication *
ui_test_get_application (void)
{
  return application;
}

GPtrArray *
ui_test_seed_files (const char *roundup)
{
  const char *seeds = g_getenv ("COPYDESK_SEEDS_DIR");
  g_autofree char *dir = NULL;
  g_autoptr(GDir) listing = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  GPtrArray *files = g_ptr_array_new_with_free_func (g_object_unref);
  const char *name;

  g_assert_nonnull (seeds);
  dir = g_build_filename (seeds, roundup, NULL);
  listing = g_dir_open (dir, 0, NULL);
  g_assert_nonnull (listing);

  while ((name = g_dir_read_name (listing)) != NULL)
    if (g_str_has_suffix (name, ".txt"))
      g_ptr_array_add (names, g_strdup (name));

  /* Sorted by name, as a shell expands seeds/harbour-fire/… */
  for (guint i = 0; i < names->len; i++)
    for (guint j = i + 1; j < names->len; j++)
      if (g_strcmp0 (names->pdata[i], names->pdata[j]) > 0)
        {
          gpointer tmp = names->pdata[i];
          names->pdata[i] = names->pdata[j];
          names->pdata[j] = tmp;
        }

  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *path = g_build_filename (dir, g_ptr_array_index (names, i), NULL);
      g_ptr_array_add (files, g_file_new_for_path (path));
    }

  return files;
}

/* Opens a roundup as `copydesk seeds/ROUNDUP/…` does, and waits until the suggester
 * has reported. */
DeskWindow *
ui_test_open_roundup (const char *roundup)
{
  g_autoptr(GPtrArray) files = ui_test_seed_files (roundup);
  GtkWindow *window;

  /* A fresh window for the roundup, like a second `copydesk FILE…`. */
  g_application_open (G_APPLICATION (application), (GFile **)files->pdata, files->len, "");
  window = gtk_application_get_active_window (GTK_APPLICATION (application));
  if (window == NULL)
    window = GTK_WINDOW (gtk_application_get_windows (GTK_APPLICATION (application))->data);
  g_assert_true (DESK_IS_WINDOW (window));

  ui_test_settle (DESK_WINDOW (window));
  g_assert_cmpuint (g_list_model_get_n_items (desk_project_get_sources (desk_window_get_project (DESK_WINDOW (window)))),
                    ==, files->len);

  return DESK_WINDOW (window);
}

typedef struct
{
  gboolean timed_out;
} Wait;

static gboolean
timeout_cb (gpointer data)
{
  ((Wait *)data)->timed_out = TRUE;
  return G_SOURCE_REMOVE;
}

gboolean
ui_test_wait_for (gboolean (*condition) (gpointer data),
                  gpointer   data,
                  guint      timeout_ms)
{
  Wait wait = { FALSE };
  guint id = g_timeout_add (timeout_ms, timeout_cb, &wait);

  while (!condition (data) && !wait.timed_out)
    g_main_context_iteration (NULL, TRUE);

  if (!wait.timed_out)
    g_source_remove (id);

  return condition (data);
}

static gboolean
settled (gpointer data)
{
  return desk_window_is_settled (DESK_WINDOW (data));
}

/* Waits until the window has stored the typing, read the files and heard the suggester. */
void
ui_test_settle (DeskWindow *window)
{
  g_assert_true (ui_test_wait_for (settled, window, 30000));
  /* Let idle handlers (redraws, refreshes) run. */
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_true (desk_window_is_settled (window));
}

static gboolean
never (gpointer data)
{
  return FALSE;
}

void
ui_test_run_for (guint ms)
{
  ui_test_wait_for (never, NULL, ms);
}

typedef struct
{
  GtkWidget *widget;
  char      *path;
  gboolean   done;
} Shot;

static void
take_shot (Shot *shot)
{
  GtkWidget *widget = shot->widget;
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  GtkSnapshot *snapshot;
  GskRenderer *renderer;
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);

  g_assert_cmpint (width, >, 0);
  g_assert_cmpint (height, >, 0);

  paintable = gtk_widget_paintable_new (widget);
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (snapshot);
  g_assert_nonnull (node);

  renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));
  texture = gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, width, height));
  g_assert_true (gdk_texture_save_to_png (texture, shot->path));
  shot->done = TRUE;
}

/* Right after a frame is painted the widgets have their allocation: snapshot then. */
static void
after_paint_cb (GdkFrameClock *clock,
                Shot          *shot)
{
  if (!shot->done)
    take_shot (shot);
}

static gboolean
shot_done (gpointer data)
{
  return ((Shot *)data)->done;
}

/* Renders @widget as it is on screen into $COPYDESK_SCREENSHOT_DIR/NAME.png (PLATFORM.md). */
void
ui_test_screenshot (GtkWidget  *widget,
                    const char *name)
{
  const char *dir = g_getenv ("COPYDESK_SCREENSHOT_DIR");
  g_autofree char *file_name = NULL;
  GdkFrameClock *clock;
  Shot shot = { widget, NULL, FALSE };
  gulong handler;

  if (dir == NULL)
    return;

  g_mkdir_with_parents (dir, 0755);
  ui_test_run_for (300);
  gtk_test_widget_wait_for_draw (widget);

  file_name = g_strconcat (name, ".png", NULL);
  shot.path = g_build_filename (dir, file_name, NULL);

  clock = gtk_widget_get_frame_clock (widget);
  handler = g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), &shot);
  gtk_widget_queue_draw (widget);
  g_assert_true (ui_test_wait_for (shot_done, &shot, 5000));
  g_signal_handler_disconnect (clock, handler);

  g_test_message ("screenshot: %s", shot.path);
  g_free (shot.path);
}

/* Closes a window without the unsaved-work question. */
void
ui_test_close_window (DeskWindow *window)
{
  g_object_set_data (G_OBJECT (window), "desk-closing", GINT_TO_POINTER (TRUE));
  gtk_window_destroy (GTK_WINDOW (window));
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

/* ---- Real key presses (PLATFORM.md: xdotool on the X server) ------------------------ */

gboolean
ui_test_can_press_keys (void)
{
  g_autofree char *xdotool = g_find_program_in_path ("xdotool");

  return xdotool != NULL && GDK_IS_X11_DISPLAY (gdk_display_get_default ());
}

typedef struct
{
  gboolean done;
  gboolean ok;
} Press;

static void
press_done_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  Press *press = user_data;

  press->ok = g_subprocess_wait_check_finish (G_SUBPROCESS (object), result, NULL);
  press->done = TRUE;
}

static gboolean
press_finished (gpointer data)
{
  return ((Press *)data)->done;
}

/* Focuses @window on the X server and runs `xdotool ARGS…` (a NULL-terminated list such
 * as "key", "ctrl+Return"): keys reach the window as a person's keyboard sends them, through
 * GTK's capture, the focused widget and its bindings. Then lets the window react. */
static void
run_xdotool (DeskWindow *window,
             gboolean    focus,
             va_list     args)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) argv = NULL;
  g_autofree char *xid = NULL;
  GdkSurface *surface;
  Press press = { FALSE, FALSE };
  const char *arg;

  gtk_window_present (GTK_WINDOW (window));
  ui_test_run_for (100);
  surface = gtk_native_get_surface (GTK_NATIVE (window));
  xid = g_strdup_printf ("%lu", (gulong)gdk_x11_surface_get_xid (surface));

  g_strv_builder_add (builder, "xdotool");
  if (focus)
    g_strv_builder_add_many (builder, "windowfocus", "--sync", xid, NULL);
  while ((arg = va_arg (args, const char *)) != NULL)
    g_strv_builder_add (builder, arg);
  argv = g_strv_builder_end (builder);

  process = g_subprocess_newv ((const char * const *)argv, G_SUBPROCESS_FLAGS_NONE, &error);
  g_assert_no_error (error);
  g_subprocess_wait_check_async (process, NULL, press_done_cb, &press);
  g_assert_true (ui_test_wait_for (press_finished, &press, 20000));
  g_assert_true (press.ok);
  ui_test_run_for (400);
}

void
ui_test_xdotool (DeskWindow *window,
                 ...)
{
  va_list args;

  va_start (args, window);
  run_xdotool (window, TRUE, args);
  va_end (args);
}

/* As ui_test_xdotool(), without focusing the window first: for keys to an open popover,
 * which would close on the focus change. */
void
ui_test_xdotool_in_popup (DeskWindow *window,
                          ...)
{
  va_list args;

  va_start (args, window);
  run_xdotool (window, FALSE, args);
  va_end (args);
}

static gboolean
find_label (GtkWidget  *widget,
            const char *text)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget) &&
      strstr (gtk_label_get_label (GTK_LABEL (widget)), text) != NULL)
    return TRUE;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (find_label (child, text))
      return TRUE;

  return FALSE;
}

/* Whether a label on screen in @root (a toast, a card) says @text. */
gboolean
ui_test_shows_text (GtkWidget  *root,
                    const char *text)
{
  return find_label (root, text);
}

/* Clicks the middle of @widget with the pointer, on the X server (ui_test_xdotool()). */
void
ui_test_click (DeskWindow *window,
               GtkWidget  *widget)
{
  graphene_point_t point;
  double surface_x, surface_y;
  g_autofree char *x = NULL;
  g_autofree char *y = NULL;
  g_autofree char *xid = NULL;

  g_assert_true (gtk_widget_get_mapped (widget));
  g_assert_true (gtk_widget_compute_point (widget, GTK_WIDGET (window),
                                           &GRAPHENE_POINT_INIT (gtk_widget_get_width (widget) / 2.0,
                                                                 gtk_widget_get_height (widget) / 2.0),
                                           &point));
  gtk_native_get_surface_transform (GTK_NATIVE (window), &surface_x, &surface_y);
  x = g_strdup_printf ("%d", (int)(point.x + surface_x));
  y = g_strdup_printf ("%d", (int)(point.y + surface_y));
  xid = g_strdup_printf ("%lu", (gulong)gdk_x11_surface_get_xid (gtk_native_get_surface (GTK_NATIVE (window))));
  ui_test_xdotool (window, "mousemove", "--window", xid, x, y, "click", "1", NULL);
}

static GtkWidget *
find_button (GtkWidget  *widget,
             const char *label)
{
  if (GTK_IS_BUTTON (widget) && gtk_widget_get_mapped (widget) &&
      g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0)
    return widget;
  if (GTK_IS_MENU_BUTTON (widget) && gtk_widget_get_mapped (widget) &&
      g_strcmp0 (gtk_menu_button_get_label (GTK_MENU_BUTTON (widget)), label) == 0)
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_button (child, label);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* The button on screen in @root whose label is @label, or NULL. */
GtkWidget *
ui_test_find_button (GtkWidget  *root,
                     const char *label)
{
  return find_button (root, label);
}

/* The first toplevel window of @type (a dialog the window opened), or NULL. */
GtkWindow *
ui_test_find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type))
        return window;
    }
  return NULL;
}

/* The first descendant of @widget of @type, depth first, or NULL. */
GtkWidget *
ui_test_find_child (GtkWidget *widget,
                    GType      type)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (G_TYPE_CHECK_INSTANCE_TYPE (child, type))
        return child;
      if ((found = ui_test_find_child (child, type)) != NULL)
        return found;
    }
  return NULL;
}
