/* bench-ui-add-sources.c: how long the editor takes to settle after many sources at once
 *
 * A benchmark, not a test: it prints figures and asserts nothing about time. It opens an
 * empty window, adds every .txt file of DIR in one batch, as opening them on the command
 * line does (the first starts the draft; with --drop, as dropping them on a window that
 * has a draft already does), and reports
 *
 * - added: from the call to the moment the project holds them all,
 * - settled: from the call to the last frame drawn after the window settled (the files
 *   read, the suggester's results shown, nothing scheduled),
 * - the longest main-loop stall: the longest time the main loop did not get round to a
 *   1 ms timeout (a callback that runs that long freezes the window), and how many stalls
 *   were longer than a frame (16 ms),
 * - the main thread's CPU time from the call to the last frame: on a shared machine wall
 *   times and stalls include time the thread waited for a processor (or, with GL on
 *   Xvfb, for the software renderer's threads); this does not.
 *
 * Make the files with `copydesk-merge bench --sources 200 --paragraphs 60 --write DIR`.
 * Run under Xvfb:
 *
 *   dbus-run-session -- xvfb-run -a -s "-screen 0 1280x1024x24" env GDK_BACKEND=x11 \
 *     GSETTINGS_BACKEND=memory GSETTINGS_SCHEMA_DIR=_build/data GTK_A11Y=none \
 *     _build/tests/ui/bench-ui-add-sources --runs 3 DIR
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdlib.h>
#include <sys/resource.h>
#include "desk-project.h"
#include "ui-test-util.h"

#define FRAME_MS 16.0

typedef struct
{
  gint64 last;        /* when the probe last ran, µs */
  gint64 longest;     /* the longest gap, µs */
  guint  over_frame;  /* gaps longer than a frame */
  double report_ms;   /* report stalls longer than this, or 0 */
} Stalls;

static gboolean
probe_cb (gpointer data)
{
  Stalls *stalls = data;
  gint64 now = g_get_monotonic_time ();
  /* The probe asks to run every millisecond: what is beyond that, something else held
   * the main loop for. */
  gint64 gap = now - stalls->last - 1000;

  if (gap > stalls->longest)
    stalls->longest = gap;
  if (gap > FRAME_MS * 1000)
    stalls->over_frame++;
  /* COPYDESK_BENCH_STALLS=ms: say when each stall longer than that ended, in monotonic
   * time, to find it in a profile (perf record -k CLOCK_MONOTONIC). */
  if (stalls->report_ms > 0 && gap > stalls->report_ms * 1000)
    g_printerr ("stall of %.1f ms ending at %.6f s\n", gap / 1000.0, now / 1e6);
  stalls->last = now;

  return G_SOURCE_CONTINUE;
}

typedef struct
{
  DeskWindow *window;
  guint       expected;
  gint64      added_at;
} Watch;

static gboolean
settled (gpointer data)
{
  Watch *watch = data;
  DeskProject *project = desk_window_get_project (watch->window);
  guint n = g_list_model_get_n_items (desk_project_get_sources (project));

  if (watch->added_at == 0 && n >= watch->expected)
    watch->added_at = g_get_monotonic_time ();

  return n >= watch->expected && desk_window_is_settled (watch->window);
}

static void
after_paint_cb (GdkFrameClock *clock,
                gint64        *painted_at)
{
  *painted_at = g_get_monotonic_time ();
}

static gboolean
painted (gpointer data)
{
  return *(gint64 *)data != 0;
}

/* The calling thread's CPU time, in ms. */
static double
thread_cpu_ms (void)
{
  struct rusage usage;

  getrusage (RUSAGE_THREAD, &usage);
  return (usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * 1000.0 +
         (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1000.0;
}

static int
compare_double (gconstpointer a,
                gconstpointer b)
{
  double x = *(const double *)a, y = *(const double *)b;

  return (x > y) - (x < y);
}

static double
median (GArray *values)
{
  g_array_sort (values, compare_double);
  return g_array_index (values, double, values->len / 2);
}

/* g_ptr_array_sort() passes pointers to the elements. */
static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(char * const *)a, *(char * const *)b);
}

static GPtrArray *
files_in (const char *dir)
{
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  GPtrArray *files = g_ptr_array_new_with_free_func (g_object_unref);
  const char *name;

  if (listing == NULL)
    return files;

  while ((name = g_dir_read_name (listing)) != NULL)
    if (g_str_has_suffix (name, ".txt"))
      g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);

  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *path = g_build_filename (dir, g_ptr_array_index (names, i), NULL);
      g_ptr_array_add (files, g_file_new_for_path (path));
    }

  return files;
}

static gboolean
run_once (GPtrArray *files,
          gboolean   drop,
          double    *added_ms,
          double    *settled_ms,
          double    *stall_ms,
          double    *cpu_ms,
          guint     *over_frame)
{
  DeskApplication *application = ui_test_get_application ();
  DeskWindow *window = desk_window_new (GTK_APPLICATION (application));
  GdkFrameClock *clock;
  Stalls stalls = { 0 };
  Watch watch = { window, files->len, 0 };
  gint64 painted_at = 0;
  gint64 start;
  double cpu_start;
  guint probe;
  gulong handler;

  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 900);
  gtk_window_present (GTK_WINDOW (window));
  ui_test_settle (window);

  if (drop)
    {
      /* A window with a draft from a first version, as a desk has when more arrive. */
      desk_window_add_files (window, (GFile **)files->pdata, 1, TRUE);
      ui_test_settle (window);
    }
  ui_test_run_for (200);

  stalls.last = g_get_monotonic_time ();
  if (g_getenv ("COPYDESK_BENCH_STALLS") != NULL)
    stalls.report_ms = g_ascii_strtod (g_getenv ("COPYDESK_BENCH_STALLS"), NULL);
  probe = g_timeout_add_full (G_PRIORITY_HIGH, 1, probe_cb, &stalls, NULL);

  start = g_get_monotonic_time ();
  cpu_start = thread_cpu_ms ();
  desk_window_add_files (window, (GFile **)files->pdata, files->len, !drop);

  if (!ui_test_wait_for (settled, &watch, 600000))
    {
      g_source_remove (probe);
      return FALSE;
    }

  /* The last frame: ask for one and wait until it is painted. */
  clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));
  handler = g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), &painted_at);
  gtk_widget_queue_draw (GTK_WIDGET (window));
  ui_test_wait_for (painted, &painted_at, 10000);
  g_signal_handler_disconnect (clock, handler);
  g_source_remove (probe);
  *cpu_ms = thread_cpu_ms () - cpu_start;
  *added_ms = (watch.added_at - start) / 1000.0;
  *settled_ms = (painted_at - start) / 1000.0;
  *stall_ms = stalls.longest / 1000.0;
  *over_frame = stalls.over_frame;

  ui_test_close_window (window);
  return TRUE;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) files = NULL;
  g_autoptr(GArray) added = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) settle = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) stall = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) cpu = g_array_new (FALSE, FALSE, sizeof (double));
  gboolean drop = FALSE;
  int runs = 3;
  guint max_over = 0;
  const GOptionEntry entries[] = {
    { "runs", 'r', 0, G_OPTION_ARG_INT, &runs, "How many runs (default 3)", "N" },
    { "drop", 0, 0, G_OPTION_ARG_NONE, &drop, "Add to a window that has a draft already", NULL },
    { NULL }
  };

  context = g_option_context_new ("DIR — add DIR/*.txt to a window at once and time it");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || argc != 2 || runs < 1)
    {
      g_printerr ("%s\n", error ? error->message : "usage: bench-ui-add-sources [--runs N] [--drop] DIR");
      return 2;
    }

  files = files_in (argv[1]);
  if (files->len == 0)
    {
      g_printerr ("no .txt files in %s\n", argv[1]);
      return 1;
    }

  ui_test_init (&argc, &argv);

  for (int run = 0; run < runs; run++)
    {
      double a, s, st, c;
      guint over;

      if (!run_once (files, drop, &a, &s, &st, &c, &over))
        {
          g_printerr ("the window did not settle within ten minutes\n");
          return 1;
        }
      g_print ("run %d: %u sources added in %.0f ms, settled (last frame) in %.0f ms, "
               "main thread CPU %.0f ms, longest main-loop stall %.1f ms, %u stalls over a frame\n",
               run + 1, files->len, a, s, c, st, over);
      g_array_append_val (added, a);
      g_array_append_val (settle, s);
      g_array_append_val (stall, st);
      g_array_append_val (cpu, c);
      max_over = MAX (max_over, over);
    }

  g_print ("median of %d: %u sources added in %.0f ms, settled in %.0f ms, main thread CPU %.0f ms, "
           "longest stall %.1f ms (most stalls over a frame in a run: %u)\n",
           runs, files->len, median (added), median (settle), median (cpu), median (stall), max_over);

  return 0;
}
