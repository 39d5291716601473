/* desk-bench.c: copydesk-merge bench — ingest and suggestion on generated roundups
 *
 * A roundup of N sources is generated from the body paragraphs of the sample roundups in
 * seeds/ (written for Copydesk), so that the text is realistic. Each source is a version a
 * desk could receive: paragraphs cut, a reprint cut short, sentences reworded ("because"
 * for "since", straight quotes for curly ones), nearby paragraphs swapped, page furniture
 * (a site header with its address, share widgets) between paragraphs and once in the
 * middle of a sentence, and now and then mojibake. The first source is the draft.
 *
 * Every scale runs in a child process of its own, so that the peak memory it reports is
 * its own: first in process (ingest of every source at once, on as many threads as there
 * are processors, as the editor does it; then suggestion), then end
 * to end, as a user runs it: the sources are written to files and `copydesk-merge suggest`
 * runs on them, five times after one warm-up run, and the median time and the largest peak
 * memory are reported. Figures are measured, never asserted: this is a benchmark, not a
 * test.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <fcntl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "desk-bench.h"
#include "desk-project.h"
#include "desk-suggester.h"

static GPtrArray *
collect_paragraphs (const char  *seeds_dir,
                    GError     **error)
{
  g_autoptr(GPtrArray) paragraphs = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GDir) dir = g_dir_open (seeds_dir, 0, error);
  const char *roundup;

  if (dir == NULL)
    return NULL;

  while ((roundup = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *folder = g_build_filename (seeds_dir, roundup, NULL);
      g_autoptr(GDir) inner = g_dir_open (folder, 0, NULL);
      const char *name;

      if (inner == NULL)
        continue;

      while ((name = g_dir_read_name (inner)) != NULL)
        {
          g_autofree char *path = g_build_filename (folder, name, NULL);
          g_autoptr(GFile) file = g_file_new_for_path (path);
          g_autoptr(DeskSource) source = NULL;
          GListModel *blocks;

          if (!g_str_has_suffix (name, ".txt"))
            continue;
          if (!(source = desk_source_new_for_file (file, 0, NULL, NULL)))
            continue;

          blocks = desk_source_get_blocks (source);
          for (guint i = 0; i < g_list_model_get_n_items (blocks); i++)
            {
              g_autoptr(DeskBlock) block = g_list_model_get_item (blocks, i);
              const char *text = desk_block_get_text (block);

              if (desk_block_get_role (block) == DESK_BLOCK_ROLE_BODY &&
                  !g_hash_table_contains (seen, text) && strlen (text) > 80)
                {
                  char *copy = g_strdup (text);

                  g_hash_table_add (seen, copy);
                  g_ptr_array_add (paragraphs, copy);
                }
            }
        }
    }

  if (paragraphs->len < 10)
    {
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT,
                   _("“%s” has too few sample paragraphs to build roundups from"), seeds_dir);
      return NULL;
    }

  return g_steal_pointer (&paragraphs);
}

static char *
reword (const char *text,
        GRand      *rand)
{
  GString *out = g_string_new (text);

  if (g_rand_int_range (rand, 0, 3) == 0)
    g_string_replace (out, " since ", " because ", 1);
  if (g_rand_int_range (rand, 0, 3) == 0)
    {
      g_string_replace (out, "\xe2\x80\x9c", "\"", 0);
      g_string_replace (out, "\xe2\x80\x9d", "\"", 0);
      g_string_replace (out, "\xe2\x80\x99", "'", 0);
    }
  if (g_rand_int_range (rand, 0, 8) == 0)
    g_string_replace (out, "'", "\xc3\xa2\xe2\x82\xac\xe2\x84\xa2", 1);  /* mojibake ’ */

  return g_string_free (out, FALSE);
}

/* One version of the story: the body paragraphs from @first for @count, with the damage
 * versions do. */
static char *
make_version (GPtrArray *pool,
              guint      first,
              guint      count,
              guint      number,
              GRand     *rand)
{
  GString *out = g_string_new (NULL);
  guint cut_short = g_rand_int_range (rand, 0, 4) == 0 ? count * 3 / 4 : count;
  g_autofree guint *order = g_new (guint, count);

  for (guint i = 0; i < count; i++)
    order[i] = (first + i) % pool->len;
  /* Nearby paragraphs swapped. */
  for (guint i = 0; i + 1 < count; i++)
    if (g_rand_int_range (rand, 0, 12) == 0)
      {
        guint tmp = order[i];
        order[i] = order[i + 1];
        order[i + 1] = tmp;
      }

  g_string_append_printf (out, "## site%u.example :https://site%u.example/: News Network\n\n", number, number);
  g_string_append_printf (out, "Story headline number %u about the harbour and the dam\n\n", number % 7);
  g_string_append (out, "12/03/2026 09:15 by admin\n\n");

  for (guint i = 0; i < cut_short; i++)
    {
      g_autofree char *text = NULL;

      /* Versions drop paragraphs. */
      if (i > 0 && g_rand_int_range (rand, 0, 6) == 0)
        continue;

      text = reword (g_ptr_array_index (pool, order[i]), rand);

      if (i > 0 && i % 17 == 0)
        {
          /* A page break in the middle of a sentence. */
          const char *space = strchr (text + strlen (text) / 2, ' ');

          if (space != NULL)
            {
              g_string_append_len (out, text, space - text);
              g_string_append_printf (out, "\n\n## site%u.example :https://site%u.example/: News Network\n\n"
                                      "https://site%u.example\n\n", number, number, number);
              g_string_append (out, space + 1);
              g_string_append (out, "\n\n");
              continue;
            }
        }

      g_string_append (out, text);
      g_string_append (out, "\n\n");

      if (i % 11 == 5)
        g_string_append (out, "Share this:\n\nClick to share on Facebook (Opens in new window)\n\n");
    }

  g_string_append (out, "- PTI\n");
  return g_string_free (out, FALSE);
}

typedef struct
{
  guint       n_sources;
  guint       paragraphs;   /* body paragraphs per version, about; 0 for 40 to 60 */
  const char *write_dir;    /* (nullable): where to leave the sources */
  const char *self;         /* (nullable): this program, to run end to end */
} Scale;

#define CLI_RUNS 5

static int
compare_double (gconstpointer a,
                gconstpointer b)
{
  double x = *(const double *)a, y = *(const double *)b;

  return (x > y) - (x < y);
}

/* Runs `copydesk-merge suggest` on @paths with its output thrown away, as many times as
 * asked after a warm-up run; gives the median milliseconds and the largest peak memory. */
static gboolean
run_cli (const char *self,
         GPtrArray  *paths,
         double     *median_ms,
         double     *peak_mb)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  double times[CLI_RUNS];
  long peak_kb = 0;

  g_ptr_array_add (args, (gpointer)self);
  g_ptr_array_add (args, (gpointer)"suggest");
  for (guint i = 0; i < paths->len; i++)
    g_ptr_array_add (args, g_ptr_array_index (paths, i));
  g_ptr_array_add (args, NULL);

  for (int run = -1; run < CLI_RUNS; run++)
    {
      struct rusage usage;
      double start = g_get_monotonic_time () / 1000.0;
      int status = 0;
      pid_t pid;

      fflush (stdout);
      pid = fork ();
      if (pid == 0)
        {
          int null = open ("/dev/null", O_WRONLY);

          if (null >= 0)
            dup2 (null, STDOUT_FILENO);
          execv (self, (char **)args->pdata);
          _exit (127);
        }
      if (pid < 0 || wait4 (pid, &status, 0, &usage) < 0 ||
          !WIFEXITED (status) || WEXITSTATUS (status) != 0)
        return FALSE;

      if (run >= 0)
        {
          times[run] = g_get_monotonic_time () / 1000.0 - start;
          peak_kb = MAX (peak_kb, usage.ru_maxrss);
        }
    }

  qsort (times, CLI_RUNS, sizeof (double), compare_double);
  *median_ms = times[CLI_RUNS / 2];
  *peak_mb = peak_kb / 1024.0;

  return TRUE;
}

static double
now_ms (void)
{
  return g_get_monotonic_time () / 1000.0;
}

/* Ingest as the editor and the command line do it: the sources at once, on as many
 * threads as there are processors. */
typedef struct
{
  GPtrArray *texts;
  GPtrArray *sources;    /* in the order of texts */
  GError    *error;      /* the first failure */
  guint      pending;
  GMutex     lock;
  GCond      done;
} Ingest;

static void
ingest_one (gpointer data,
            gpointer user_data)
{
  Ingest *ingest = user_data;
  guint index = GPOINTER_TO_UINT (data) - 1;
  const char *text = g_ptr_array_index (ingest->texts, index);
  g_autoptr(GBytes) bytes = g_bytes_new_static (text, strlen (text));
  g_autofree char *name = g_strdup_printf ("%03u.txt", index);
  GError *error = NULL;
  DeskSource *source = desk_source_new_from_bytes (bytes, name, DESK_SOURCE_ORIGIN_PASTE, &error);

  g_mutex_lock (&ingest->lock);
  ingest->sources->pdata[index] = source;
  if (error != NULL && ingest->error == NULL)
    ingest->error = error;
  else
    g_clear_error (&error);
  if (--ingest->pending == 0)
    g_cond_signal (&ingest->done);
  g_mutex_unlock (&ingest->lock);
}

static gboolean
ingest_all (GPtrArray  *texts,
            GPtrArray  *sources,
            GError    **error)
{
  Ingest ingest = { texts, sources, NULL, texts->len };
  GThreadPool *pool;

  g_mutex_init (&ingest.lock);
  g_cond_init (&ingest.done);
  g_ptr_array_set_size (sources, texts->len);

  pool = g_thread_pool_new (ingest_one, &ingest, MAX (2, (int)g_get_num_processors ()), FALSE, NULL);
  for (guint i = 0; i < texts->len; i++)
    g_thread_pool_push (pool, GUINT_TO_POINTER (i + 1), NULL);

  g_mutex_lock (&ingest.lock);
  while (ingest.pending > 0)
    g_cond_wait (&ingest.done, &ingest.lock);
  g_mutex_unlock (&ingest.lock);

  g_thread_pool_free (pool, FALSE, TRUE);
  g_mutex_clear (&ingest.lock);
  g_cond_clear (&ingest.done);

  if (ingest.error != NULL)
    {
      g_propagate_error (error, ingest.error);
      return FALSE;
    }

  return TRUE;
}

static int
run_scale (GPtrArray   *pool,
           const Scale *scale)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (20151127 + scale->n_sources);
  g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(DeskProject) project = desk_project_new ();
  g_autoptr(DeskSuggester) suggester = desk_suggester_new ();
  g_autoptr(GPtrArray) suggestions = NULL;
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) sources = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;
  g_autofree char *temp_dir = NULL;
  const char *dir = scale->write_dir;
  struct rusage usage;
  gsize bytes = 0;
  guint paragraphs = 0;
  double t0, t1, t2;
  double cli_ms = 0, cli_mb = 0;
  gboolean cli_ran = FALSE;

  if (dir == NULL && scale->self != NULL)
    {
      if (!(temp_dir = g_dir_make_tmp ("copydesk-bench-XXXXXX", &error)))
        {
          g_printerr ("copydesk-merge: %s\n", error->message);
          return 1;
        }
      dir = temp_dir;
    }

  for (guint s = 0; s < scale->n_sources; s++)
    {
      /* Drawn so that, after the paragraphs a version drops (one in six), 40 to 60 remain,
       * or about as many as asked. */
      guint count = scale->paragraphs == 0
                    ? (guint)g_rand_int_range (rand, 50, 73)
                    : scale->paragraphs * 6 / 5 + g_rand_int_range (rand, 0, 3);
      guint first = g_rand_int_range (rand, 0, pool->len);
      char *text = make_version (pool, first, count, s, rand);

      bytes += strlen (text);
      g_ptr_array_add (texts, text);

      if (dir != NULL)
        {
          g_autofree char *name = g_strdup_printf ("%03u.txt", s);
          g_autofree char *path = g_build_filename (dir, name, NULL);

          if (!g_file_set_contents (path, text, -1, &error))
            {
              g_printerr ("copydesk-merge: %s\n", error->message);
              return 1;
            }
          g_ptr_array_add (paths, g_steal_pointer (&path));
        }
    }

  /* One untimed source first: patterns compile and tables load once per process, and
   * the figures below are for the work itself. */
  {
    g_autoptr(GBytes) data = g_bytes_new_static (texts->pdata[0], strlen (texts->pdata[0]));
    g_autoptr(DeskSource) warm = desk_source_new_from_bytes (data, "warm-up", DESK_SOURCE_ORIGIN_PASTE, NULL);
  }

  t0 = now_ms ();
  if (!ingest_all (texts, sources, &error))
    {
      g_printerr ("copydesk-merge: %s\n", error->message);
      return 1;
    }
  for (guint s = 0; s < sources->len; s++)
    {
      DeskSource *source = g_ptr_array_index (sources, s);

      paragraphs += desk_source_count_blocks (source, DESK_BLOCK_ROLE_BODY);
      desk_project_add_source (project, source);
      if (s == 0)
        desk_project_start_draft_from (project, source);
    }
  t1 = now_ms ();

  suggestions = desk_suggester_suggest (suggester, project);
  t2 = now_ms ();

  getrusage (RUSAGE_SELF, &usage);

  if (scale->self != NULL)
    cli_ran = run_cli (scale->self, paths, &cli_ms, &cli_mb);

  g_print ("%7u %9.2f %10u %10.1f %11.1f %9.1f %9.1f %9u",
           scale->n_sources, bytes / 1e6, paragraphs,
           t1 - t0, t2 - t1, t2 - t0, usage.ru_maxrss / 1024.0, suggestions->len);
  if (cli_ran)
    g_print (" %9.1f %9.1f\n", cli_ms, cli_mb);
  else
    g_print (" %9s %9s\n", "-", "-");

  if (temp_dir != NULL)
    {
      for (guint i = 0; i < paths->len; i++)
        g_unlink (g_ptr_array_index (paths, i));
      g_rmdir (temp_dir);
    }

  return 0;
}

int
desk_bench_run (int    argc,
                char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GPtrArray) pool = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *seeds_dir = NULL;
  g_autofree char *write_dir = NULL;
  g_autofree char *self = g_file_read_link ("/proc/self/exe", NULL);
  g_auto(GStrv) sizes = NULL;
  int paragraphs = 0;
  g_autofree char *sizes_arg = NULL;
  const GOptionEntry entries[] = {
    { "sources", 's', 0, G_OPTION_ARG_STRING, &sizes_arg, N_("Roundup sizes, comma-separated (default 5,50,200)"), N_("N,…") },
    { "seeds", 0, 0, G_OPTION_ARG_FILENAME, &seeds_dir, N_("Folder of sample roundups to take text from"), N_("DIR") },
    { "paragraphs", 'p', 0, G_OPTION_ARG_INT, &paragraphs, N_("Body paragraphs per version (default 40 to 60)"), N_("N") },
    { "write", 0, 0, G_OPTION_ARG_FILENAME, &write_dir, N_("Also write the largest roundup’s sources into DIR"), N_("DIR") },
    { NULL }
  };

  context = g_option_context_new (_("— measure ingest and suggestion on generated roundups"));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_description (context,
    _("Generates roundups of 5, 50 and 200 sources of 40 to 60 paragraphs from the sample\n"
      "roundups, with cuts, rewording, reordering, mojibake and page furniture, and prints\n"
      "for each: megabytes, body paragraphs, ingest, suggestion and total milliseconds,\n"
      "peak memory (MB) and the number of suggestions, measured in one process that reads\n"
      "the sources at once on every processor, as the editor does (after one untimed\n"
      "source: patterns compile once per process); then the median time and the peak\n"
      "memory of “copydesk-merge suggest” on the same sources written to files, end to\n"
      "end, as a user runs it (cli ms, cli MB).\n\n"
      "Examples:\n"
      "  copydesk-merge bench\n"
      "  copydesk-merge bench --sources 200 --paragraphs 60\n"
      "  copydesk-merge bench --sources 200 --write /tmp/roundup"));

  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("copydesk-merge: %s\n", error->message);
      return 2;
    }

  if (seeds_dir == NULL)
    {
      const char *env = g_getenv ("COPYDESK_SEEDS_DIR");

      if (env != NULL)
        seeds_dir = g_strdup (env);
      else if (g_file_test ("seeds", G_FILE_TEST_IS_DIR))
        seeds_dir = g_strdup ("seeds");
      else
        seeds_dir = g_build_filename (PKGDATADIR, "seeds", NULL);
    }

  if (!(pool = collect_paragraphs (seeds_dir, &error)))
    {
      g_printerr ("copydesk-merge: %s\n", error->message);
      return 1;
    }

  sizes = g_strsplit (sizes_arg ? sizes_arg : "5,50,200", ",", -1);

  g_print ("# %u sample paragraphs from %s\n", pool->len, seeds_dir);
  if (paragraphs < 0 || paragraphs > 10000)
    {
      g_printerr (_("copydesk-merge: %d is not a number of paragraphs\n"), paragraphs);
      return 2;
    }

  g_print ("%7s %9s %10s %10s %11s %9s %9s %9s %9s %9s\n",
           "sources", "MB", "paragraphs", "ingest ms", "suggest ms", "total ms", "peak MB",
           "suggested", "cli ms", "cli MB");
  fflush (stdout);

  for (guint i = 0; sizes[i] != NULL; i++)
    {
      Scale scale = { 0 };
      guint64 n;
      pid_t pid;
      int status = 0;

      if (!g_ascii_string_to_unsigned (sizes[i], 10, 1, 100000, &n, NULL))
        {
          g_printerr (_("copydesk-merge: “%s” is not a number of sources\n"), sizes[i]);
          return 2;
        }

      scale.n_sources = n;
      scale.paragraphs = paragraphs;
      scale.write_dir = sizes[i + 1] == NULL ? write_dir : NULL;
      scale.self = self;
      if (scale.write_dir != NULL)
        g_mkdir_with_parents (scale.write_dir, 0755);

      fflush (stdout);
      pid = fork ();
      if (pid == 0)
        {
          int rc = run_scale (pool, &scale);
          fflush (stdout);
          _exit (rc);
        }
      if (pid < 0 || waitpid (pid, &status, 0) < 0 || !WIFEXITED (status) || WEXITSTATUS (status) != 0)
        {
          g_printerr (_("copydesk-merge: the run with %s sources failed\n"), sizes[i]);
          return 1;
        }
    }

  return 0;
}
