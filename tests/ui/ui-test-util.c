/* ui-test-util.c: driving the editor in-process for the ui tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <stdlib.h>

#include "ui-test-util.h"

static DeskApplication *application;

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
