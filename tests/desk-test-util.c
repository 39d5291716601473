/* desk-test-util.c: what the hostile and command-line tests share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <sys/wait.h>

#include <glib/gstdio.h>

#include "desk-test-util.h"

const char desk_test_story[] =
  "Ferry fire kills 14 in Halifax harbour\n"
  "\n"
  "By Jane Roe, The Associated Press\n"
  "\n"
  "HALIFAX, Nova Scotia (AP) — A fire swept through a commuter ferry in Halifax harbour on "
  "Friday, killing 14 people and injuring 30, officials said.\n"
  "\n"
  "The ferry, carrying 212 passengers, was crossing to Dartmouth when smoke was seen.\n"
  "\n"
  "“We heard a bang and then everyone was running,” said passenger Ahmed Ali.\n";

const char desk_test_other_story[] =
  "Ferry fire kills 13 in Halifax\n"
  "\n"
  "HALIFAX (Reuters) - A fire swept through a commuter ferry on Friday, killing 13 people, "
  "officials said.\n"
  "\n"
  "Firefighters battled the blaze for three hours, the fire chief said.\n"
  "\n"
  "Reporting by John Doe; editing by Ann Lee\n";

double
desk_test_time_factor (void)
{
  const char *factor = g_getenv ("COPYDESK_TEST_TIME_FACTOR");
  double value = factor != NULL ? g_ascii_strtod (factor, NULL) : 1.0;

  return value >= 1.0 ? value : 1.0;
}

gsize
desk_test_scaled (gsize size)
{
  return desk_test_time_factor () >= 10.0 ? size / 10 : size;
}

void
desk_test_note_time (gint64      start,
                     const char *what)
{
  double seconds = (g_get_monotonic_time () - start) / (double)G_USEC_PER_SEC;

  g_test_message ("%s: %.2f s", what, seconds);
}

char *
desk_test_make_temp_dir (const char *prefix)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *template = g_strdup_printf ("%s-XXXXXX", prefix);
  char *dir = g_dir_make_tmp (template, &error);

  g_assert_no_error (error);
  return dir;
}

void
desk_test_remove_tree (const char *path)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  if (g_file_test (path, G_FILE_TEST_IS_SYMLINK) || (dir = g_dir_open (path, 0, NULL)) == NULL)
    {
      g_remove (path);
      return;
    }

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      desk_test_remove_tree (child);
    }
  g_rmdir (path);
}

void
desk_test_run_clear (DeskTestRun *run)
{
  g_clear_pointer (&run->out, g_free);
  g_clear_pointer (&run->err, g_free);
}

gboolean
desk_test_have_tool (void)
{
  if (g_getenv ("COPYDESK_MERGE") != NULL)
    return TRUE;
  g_test_skip ("COPYDESK_MERGE is not set");
  return FALSE;
}

void
desk_test_run_tool_argv (DeskTestRun        *run,
                         const char         *dir,
                         const char * const *args)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  int wait_status = 0;
  gint64 start = g_get_monotonic_time ();

  g_ptr_array_add (argv, (gpointer)g_getenv ("COPYDESK_MERGE"));
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer)args[i]);
  g_ptr_array_add (argv, NULL);

  g_spawn_sync (dir, (char **)argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                &run->out, &run->err, &wait_status, &error);
  g_assert_no_error (error);
  desk_test_note_time (start, args[0] != NULL ? args[0] : "copydesk-merge");
  if (!WIFEXITED (wait_status))
    g_error ("copydesk-merge %s died (signal %d):\n%s", args[0] != NULL ? args[0] : "",
             WTERMSIG (wait_status), run->err);
  run->status = WEXITSTATUS (wait_status);
}
