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
 * its own: in process (ingest of every source at once, on as many threads as there are
 * processors, as the editor does it; then suggestion). Then end to end, as a user runs
 * it: the sources are written to files and `copydesk-merge suggest`, `suggest --json` and
 * `wc -w` run on them in turn, five rounds after one warm-up round, from the small parent
 * process (a child forked from a large process would count the parent's memory in its
 * peak). The median time and the largest peak memory are reported, with the peak of
 * `suggest --json` per megabyte of input and its CPU time as a multiple of `wc -w`'s on
 * the same files (the median of the rounds' ratios: the two run back to back, so a busy
 * machine slows both), and at the end how time and peak memory grow per megabyte from
 * the smallest roundup to the largest. Figures are measured, never asserted: this is a
 * benchmark, not a test.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <fcntl.h>
#include <sys/resource.h>
#include <time.h>
#include <sys/wait.h>
#include <unistd.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "desk-bench.h"
#include "desk-block.h"
#include "desk-json-writer.h"
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
  const char *dir;          /* (nullable): where to write the sources */
} Scale;

/* What a scale's child process measured in process, sent to the parent. */
typedef struct
{
  double bytes;
  guint  paragraphs;
  double ingest_ms;
  double suggest_ms;
  double peak_mb;
  guint  suggested;
  guint  n_files;
} InProcess;

/* What the end-to-end runs measured. */
typedef struct
{
  double text_ms;      /* suggest: median wall time */
  double text_mb;      /* suggest: largest peak memory */
  double json_ms;      /* suggest --json */
  double json_cpu_ms;  /* suggest --json: median CPU time */
  double json_mb;
  double wc_ratio;     /* suggest --json's CPU time over wc -w's, median of the rounds */
} EndToEnd;

#define CLI_RUNS 5

static int
compare_double (gconstpointer a,
                gconstpointer b)
{
  double x = *(const double *)a, y = *(const double *)b;

  return (x > y) - (x < y);
}

static double
median (double *values,
        guint   n)
{
  qsort (values, n, sizeof (double), compare_double);
  return values[n / 2];
}

/* Runs @argv with its output thrown away; gives its wall and CPU milliseconds and peak
 * memory in kilobytes. */
static gboolean
run_once (char   **argv,
          double  *wall_ms,
          double  *cpu_ms,
          long    *peak_kb)
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
      execvp (argv[0], argv);
      _exit (127);
    }
  if (pid < 0 || wait4 (pid, &status, 0, &usage) < 0 ||
      !WIFEXITED (status) || WEXITSTATUS (status) != 0)
    return FALSE;

  *wall_ms = g_get_monotonic_time () / 1000.0 - start;
  *cpu_ms = (usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * 1000.0 +
            (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1000.0;
  *peak_kb = usage.ru_maxrss;

  return TRUE;
}

static GPtrArray *
command_line (const char  *program,
              const char  *first,
              const char  *second,
              char       **paths)
{
  GPtrArray *args = g_ptr_array_new ();

  g_ptr_array_add (args, (gpointer)program);
  if (first != NULL)
    g_ptr_array_add (args, (gpointer)first);
  if (second != NULL)
    g_ptr_array_add (args, (gpointer)second);
  for (guint i = 0; paths[i] != NULL; i++)
    g_ptr_array_add (args, paths[i]);
  g_ptr_array_add (args, NULL);

  return args;
}

/* Runs `copydesk-merge suggest`, `suggest --json` and `wc -w` on @paths in turn, as many
 * rounds as asked after a warm-up round. FALSE if copydesk-merge failed; a missing wc
 * leaves the ratio at 0. */
static gboolean
run_end_to_end (const char  *self,
                char       **paths,
                EndToEnd    *result)
{
  g_autoptr(GPtrArray) text_args = command_line (self, "suggest", NULL, paths);
  g_autoptr(GPtrArray) json_args = command_line (self, "suggest", "--json", paths);
  g_autoptr(GPtrArray) wc_args = command_line ("wc", "-w", NULL, paths);
  double text_times[CLI_RUNS], json_times[CLI_RUNS], json_cpu[CLI_RUNS], ratios[CLI_RUNS];
  long text_kb = 0, json_kb = 0;
  gboolean have_wc = TRUE;

  for (int run = -1; run < CLI_RUNS; run++)
    {
      double wall, cpu, wc_wall, wc_cpu;
      long kb;

      if (!run_once ((char **)text_args->pdata, &wall, &cpu, &kb))
        return FALSE;
      if (run >= 0)
        {
          text_times[run] = wall;
          text_kb = MAX (text_kb, kb);
        }

      if (!run_once ((char **)json_args->pdata, &wall, &cpu, &kb))
        return FALSE;
      if (have_wc && !run_once ((char **)wc_args->pdata, &wc_wall, &wc_cpu, &(long){ 0 }))
        have_wc = FALSE;
      if (run >= 0)
        {
          json_times[run] = wall;
          json_cpu[run] = cpu;
          json_kb = MAX (json_kb, kb);
          /* wc's CPU time is a few milliseconds: a floor of one keeps a clock tick from
           * making the ratio infinite. */
          ratios[run] = have_wc ? cpu / MAX (wc_cpu, 1.0) : 0;
        }
    }

  result->text_ms = median (text_times, CLI_RUNS);
  result->text_mb = text_kb / 1024.0;
  result->json_ms = median (json_times, CLI_RUNS);
  result->json_cpu_ms = median (json_cpu, CLI_RUNS);
  result->json_mb = json_kb / 1024.0;
  result->wc_ratio = have_wc ? median (ratios, CLI_RUNS) : 0;

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

/* In the child process: generates the roundup, writes it into scale->dir if given, and
 * measures ingest and suggestion in process. */
static int
run_scale (GPtrArray   *pool,
           const Scale *scale,
           InProcess   *result)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (20151127 + scale->n_sources);
  g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(DeskProject) project = desk_project_new ();
  g_autoptr(DeskSuggester) suggester = desk_suggester_new ();
  g_autoptr(GPtrArray) suggestions = NULL;
  g_autoptr(GPtrArray) sources = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;
  struct rusage usage;
  gsize bytes = 0;
  guint paragraphs = 0;
  double t0, t1, t2;

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

      if (scale->dir != NULL)
        {
          g_autofree char *name = g_strdup_printf ("%03u.txt", s);
          g_autofree char *path = g_build_filename (scale->dir, name, NULL);

          if (!g_file_set_contents (path, text, -1, &error))
            {
              g_printerr ("copydesk-merge: %s\n", error->message);
              return 1;
            }
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
    paragraphs += desk_source_count_blocks (g_ptr_array_index (sources, s), DESK_BLOCK_ROLE_BODY);
  desk_project_add_sources (project, (DeskSource **)sources->pdata, sources->len);
  desk_project_start_draft_from (project, g_ptr_array_index (sources, 0));
  t1 = now_ms ();

  suggestions = desk_suggester_suggest (suggester, project);
  t2 = now_ms ();

  getrusage (RUSAGE_SELF, &usage);

  result->bytes = bytes;
  result->paragraphs = paragraphs;
  result->ingest_ms = t1 - t0;
  result->suggest_ms = t2 - t1;
  result->peak_mb = usage.ru_maxrss / 1024.0;
  result->suggested = suggestions->len;
  result->n_files = scale->dir != NULL ? scale->n_sources : 0;

  return 0;
}

/* The thread's CPU time in milliseconds: what the recompute itself costs, whatever else
 * the machine runs. */
static double
thread_cpu_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec * 1000.0 + ts.tv_nsec / 1e6;
}

#define RECOMPUTE_RUNS 50

/* --recompute: what the editor does after a decision. The roundup of one scale is
 * generated as for the other figures, the draft started from its first source and the
 * suggester run once (cold); then RECOMPUTE_RUNS times the draft is put back as it
 * started and suggested on (untimed; the cold run is the first time's), the first
 * applicable suggestion accepted with desk_suggestion_apply() (the call the editor's
 * accept makes) and the suggestions computed again with the same suggester, timed. Prints the cold run and the median, fastest and slowest recompute,
 * in CPU and wall milliseconds. */
static int
bench_recompute (GPtrArray   *pool,
                 const Scale *scale)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (20151127 + scale->n_sources);
  g_autoptr(GPtrArray) sources = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(DeskProject) project = desk_project_new ();
  g_autoptr(DeskSuggester) suggester = desk_suggester_new ();
  g_autoptr(GPtrArray) first = NULL;
  g_autoptr(DeskDraft) started = NULL;
  g_autoptr(GError) error = NULL;
  DeskSuggestion *accepted = NULL;
  double cpu[RECOMPUTE_RUNS], wall[RECOMPUTE_RUNS];
  double cold_cpu, cold_wall, t0, c0, cpu_median, wall_median;
  guint suggested = 0;

  /* The same roundup as the other figures draw for this size. */
  for (guint s = 0; s < scale->n_sources; s++)
    {
      guint count = scale->paragraphs == 0
                    ? (guint)g_rand_int_range (rand, 50, 73)
                    : scale->paragraphs * 6 / 5 + g_rand_int_range (rand, 0, 3);
      guint from = g_rand_int_range (rand, 0, pool->len);

      g_ptr_array_add (texts, make_version (pool, from, count, s, rand));
    }
  if (!ingest_all (texts, sources, &error))
    {
      g_printerr ("copydesk-merge: %s\n", error->message);
      return 1;
    }
  desk_project_add_sources (project, (DeskSource **)sources->pdata, sources->len);
  desk_project_start_draft_from (project, g_ptr_array_index (sources, 0));
  started = desk_draft_copy (desk_project_get_draft (project));

  c0 = thread_cpu_ms ();
  t0 = now_ms ();
  first = desk_suggester_suggest (suggester, project);
  cold_wall = now_ms () - t0;
  cold_cpu = thread_cpu_ms () - c0;

  for (guint i = 0; i < first->len && accepted == NULL; i++)
    {
      DeskSuggestion *suggestion = g_ptr_array_index (first, i);
      DeskSuggestionKind kind = desk_suggestion_get_kind (suggestion);

      if (desk_suggestion_is_applicable (suggestion) &&
          (kind == DESK_SUGGESTION_MISSING || kind == DESK_SUGGESTION_ADDITION))
        accepted = suggestion;
    }
  if (accepted == NULL)
    {
      g_printerr (_("copydesk-merge: nothing to accept with %u sources\n"), scale->n_sources);
      return 1;
    }

  for (guint r = 0; r < RECOMPUTE_RUNS; r++)
    {
      g_autoptr(DeskDraft) draft = desk_draft_copy (started);
      g_autoptr(GPtrArray) before = NULL;
      g_autoptr(GPtrArray) again = NULL;

      /* As in the editor, the run before the accept was on the draft without it: what
       * the suggester keeps from it is what it keeps across a decision. */
      desk_project_replace_draft (project, draft, desk_project_get_draft_source_id (project));
      if (r > 0)
        before = desk_suggester_suggest (suggester, project);
      desk_suggestion_apply (accepted, desk_project_get_draft (project));

      c0 = thread_cpu_ms ();
      t0 = now_ms ();
      again = desk_suggester_suggest (suggester, project);
      wall[r] = now_ms () - t0;
      cpu[r] = thread_cpu_ms () - c0;
      suggested = again->len;
    }

  /* median() sorts: the fastest and slowest are then at either end. */
  cpu_median = median (cpu, RECOMPUTE_RUNS);
  wall_median = median (wall, RECOMPUTE_RUNS);
  g_print ("%7u %10.2f %10.2f %10.3f %10.3f %10.3f %10.3f %9u\n",
           scale->n_sources, cold_cpu, cold_wall, cpu_median, cpu[0], cpu[RECOMPUTE_RUNS - 1],
           wall_median, suggested);
  fflush (stdout);

  return 0;
}

/* Runs one scale: in process in a child, then end to end from here. */
static gboolean
bench_scale (GPtrArray   *pool,
             const Scale *scale,
             const char  *self,
             InProcess   *in_process,
             EndToEnd    *end_to_end,
             gboolean    *ran_end_to_end)
{
  int fds[2];
  int status = 0;
  pid_t pid;
  gssize got;

  if (pipe (fds) != 0)
    return FALSE;

  fflush (stdout);
  pid = fork ();
  if (pid == 0)
    {
      InProcess result = { 0 };
      int rc;

      close (fds[0]);
      rc = run_scale (pool, scale, &result);
      if (rc == 0 && write (fds[1], &result, sizeof result) != sizeof result)
        rc = 1;
      _exit (rc);
    }
  close (fds[1]);
  if (pid < 0)
    {
      close (fds[0]);
      return FALSE;
    }

  got = read (fds[0], in_process, sizeof *in_process);
  close (fds[0]);
  if (waitpid (pid, &status, 0) < 0 || !WIFEXITED (status) || WEXITSTATUS (status) != 0 ||
      got != sizeof *in_process)
    return FALSE;

  *ran_end_to_end = FALSE;
  if (self != NULL && scale->dir != NULL)
    {
      g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);

      for (guint i = 0; i < in_process->n_files; i++)
        g_ptr_array_add (paths, g_strdup_printf ("%s/%03u.txt", scale->dir, i));
      g_ptr_array_add (paths, NULL);
      *ran_end_to_end = run_end_to_end (self, (char **)paths->pdata, end_to_end);
    }

  return TRUE;
}

static void
remove_sources (const char *dir,
                guint       n_sources)
{
  for (guint i = 0; i < n_sources; i++)
    {
      g_autofree char *name = g_strdup_printf ("%03u.txt", i);
      g_autofree char *path = g_build_filename (dir, name, NULL);

      g_unlink (path);
    }
  g_rmdir (dir);
}

/* ---- Main text of web pages ------------------------------------------------------------ */

typedef struct
{
  char   *id;
  GBytes *html;
  char   *body;
  double  ms;
} Page;

static void
page_free (gpointer data)
{
  Page *page = data;

  g_free (page->id);
  g_clear_pointer (&page->html, g_bytes_unref);
  g_free (page->body);
  g_free (page);
}

static GBytes *
read_page (const char  *path,
           GError     **error)
{
  g_autofree char *contents = NULL;
  gsize length;

  if (!g_file_get_contents (path, &contents, &length, error))
    return NULL;

  if (g_str_has_suffix (path, ".gz"))
    {
      g_autoptr(GConverter) gunzip =
        G_CONVERTER (g_zlib_decompressor_new (G_ZLIB_COMPRESSOR_FORMAT_GZIP));
      g_autoptr(GInputStream) raw =
        g_memory_input_stream_new_from_data (g_steal_pointer (&contents), length, g_free);
      g_autoptr(GInputStream) in = g_converter_input_stream_new (raw, gunzip);
      g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();

      if (g_output_stream_splice (out, in, G_OUTPUT_STREAM_SPLICE_CLOSE_SOURCE |
                                  G_OUTPUT_STREAM_SPLICE_CLOSE_TARGET, NULL, error) < 0)
        return NULL;
      return g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (out));
    }

  return g_bytes_new_take (g_steal_pointer (&contents), length);
}

/* The story's text as a reader of the page reads it, one paragraph a line: its body
 * paragraphs and the subheadings inside it (a subheading before the first paragraph or
 * between two). The article-extraction benchmark counts both; a draft started from the
 * page holds only the paragraphs. */
static char *
body_text (DeskSource *source)
{
  GListModel *blocks = desk_source_get_blocks (source);
  guint n = g_list_model_get_n_items (blocks);
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GPtrArray) held = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(DeskBlock) block = g_list_model_get_item (blocks, i);
      DeskBlockRole role = desk_block_get_role (block);

      if (role == DESK_BLOCK_ROLE_FURNITURE &&
          g_strcmp0 (desk_block_get_reason (block), "subheading") == 0)
        {
          /* held until a paragraph follows */
          g_ptr_array_add (held, g_object_ref (block));
          continue;
        }
      if (role != DESK_BLOCK_ROLE_BODY)
        {
          /* Only a subheading right before a paragraph, or inside the story, is kept; one
           * right before links to other stories is their label ("DON'T MISS") */
          if (text->len == 0 ||
              (role == DESK_BLOCK_ROLE_FURNITURE &&
               g_strcmp0 (desk_block_get_reason (block), "related links") == 0))
            g_ptr_array_set_size (held, 0);
          continue;
        }

      for (guint h = 0; h < held->len; h++)
        {
          if (text->len > 0)
            g_string_append_c (text, '\n');
          g_string_append (text, desk_block_get_text (held->pdata[h]));
        }
      g_ptr_array_set_size (held, 0);
      if (text->len > 0)
        g_string_append_c (text, '\n');
      g_string_append (text, desk_block_get_text (block));
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static int
compare_pages (gconstpointer a,
               gconstpointer b)
{
  const Page *pa = *(Page * const *)a;
  const Page *pb = *(Page * const *)b;

  return strcmp (pa->id, pb->id);
}

static int
bench_extraction (const char *dir,
                  const char *output)
{
  g_autoptr(GPtrArray) pages = g_ptr_array_new_with_free_func (page_free);
  g_autoptr(GError) error = NULL;
  g_autofree char *html_dir = g_build_filename (dir, "html", NULL);
  g_autoptr(GDir) listing = NULL;
  g_autofree double *times = NULL;
  const char *name;
  const char *slowest = NULL;
  double total = 0, slowest_ms = 0;
  guint empty = 0;
  gsize bytes = 0;

  if (!g_file_test (html_dir, G_FILE_TEST_IS_DIR))
    {
      g_free (html_dir);
      html_dir = g_strdup (dir);
    }
  if (!(listing = g_dir_open (html_dir, 0, &error)))
    {
      g_printerr ("copydesk-merge: %s\n", error->message);
      return 1;
    }

  /* Read and decompress every page first: only Copydesk's reading is timed. */
  while ((name = g_dir_read_name (listing)) != NULL)
    {
      g_autofree char *path = g_build_filename (html_dir, name, NULL);
      const char *end = g_strrstr (name, ".htm");
      Page *page;

      if (end == NULL)
        continue;
      page = g_new0 (Page, 1);
      page->id = g_strndup (name, end - name);
      if (!(page->html = read_page (path, &error)))
        {
          g_printerr ("copydesk-merge: %s: %s\n", path, error->message);
          page_free (page);
          return 1;
        }
      bytes += g_bytes_get_size (page->html);
      g_ptr_array_add (pages, page);
    }
  g_ptr_array_sort (pages, compare_pages);
  if (pages->len == 0)
    {
      g_printerr (_("copydesk-merge: “%s” holds no web pages (*.html or *.html.gz)\n"), dir);
      return 1;
    }

  times = g_new0 (double, pages->len);
  for (guint i = 0; i < pages->len; i++)
    {
      Page *page = pages->pdata[i];
      g_autofree char *file_name = g_strconcat (page->id, ".html", NULL);
      g_autoptr(DeskSource) source = NULL;
      g_autoptr(GError) page_error = NULL;
      double start = now_ms ();

      source = desk_source_new_from_bytes (page->html, file_name, DESK_SOURCE_ORIGIN_FILE,
                                           &page_error);
      page->body = source ? body_text (source) : g_strdup ("");
      page->ms = now_ms () - start;
      times[i] = page->ms;
      total += page->ms;
      if (page->ms > slowest_ms)
        {
          slowest_ms = page->ms;
          slowest = page->id;
        }
      if (page->body[0] == '\0')
        {
          empty++;
          g_print (_("# %s: no body text (%s)\n"), page->id,
                   page_error ? page_error->message : _("every paragraph is furniture"));
        }
    }

  g_print ("%7s %9s %10s %10s %10s %9s\n",
           "pages", "MB", "total ms", "median ms", "slowest ms", "no body");
  g_print ("%7u %9.2f %10.1f %10.2f %10.1f %9u\n", pages->len, bytes / 1e6, total,
           median (times, pages->len), slowest_ms, empty);
  if (slowest != NULL)
    g_print (_("# slowest: %s\n"), slowest);

  if (output != NULL)
    {
      FILE *file = g_str_equal (output, "-") ? stdout : fopen (output, "w");
      g_autoptr(DeskJsonWriter) writer = NULL;

      if (file == NULL)
        {
          g_printerr ("copydesk-merge: %s: %s\n", output, g_strerror (errno));
          return 1;
        }
      writer = desk_json_writer_new (file);
      desk_json_writer_begin_object (writer);
      for (guint i = 0; i < pages->len; i++)
        {
          Page *page = pages->pdata[i];

          desk_json_writer_member (writer, page->id);
          desk_json_writer_begin_object (writer);
          desk_json_writer_member (writer, "articleBody");
          desk_json_writer_string (writer, page->body);
          desk_json_writer_end_object (writer);
        }
      desk_json_writer_end_object (writer);
      if (!desk_json_writer_finish (writer, &error))
        {
          g_printerr ("copydesk-merge: %s: %s\n", output, error->message);
          if (file != stdout)
            fclose (file);
          return 1;
        }
      if (file != stdout && fclose (file) != 0)
        {
          g_printerr ("copydesk-merge: %s: %s\n", output, g_strerror (errno));
          return 1;
        }
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
  g_autofree char *extraction_dir = NULL;
  g_autofree char *output = NULL;
  g_autofree char *self = g_file_read_link ("/proc/self/exe", NULL);
  g_auto(GStrv) sizes = NULL;
  int paragraphs = 0;
  gboolean recompute = FALSE;
  g_autofree char *sizes_arg = NULL;
  EndToEnd first = { 0 }, last = { 0 };
  double first_mb = 0, last_mb = 0;
  guint first_n = 0, last_n = 0;
  const GOptionEntry entries[] = {
    { "sources", 's', 0, G_OPTION_ARG_STRING, &sizes_arg, N_("Roundup sizes, comma-separated (default 5,50,200)"), N_("N,…") },
    { "seeds", 0, 0, G_OPTION_ARG_FILENAME, &seeds_dir, N_("Folder of sample roundups to take text from"), N_("DIR") },
    { "paragraphs", 'p', 0, G_OPTION_ARG_INT, &paragraphs, N_("Body paragraphs per version (default 40 to 60)"), N_("N") },
    { "recompute", 0, 0, G_OPTION_ARG_NONE, &recompute, N_("Instead, time the recompute of the suggestions after an accept"), NULL },
    { "write", 0, 0, G_OPTION_ARG_FILENAME, &write_dir, N_("Also write the largest roundup’s sources into DIR"), N_("DIR") },
    { "extraction", 0, 0, G_OPTION_ARG_FILENAME, &extraction_dir, N_("Instead, time the reading of the web pages in DIR (or DIR/html)"), N_("DIR") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("With --extraction, write each page’s body text as JSON to FILE"), N_("FILE") },
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
      "end, as a user runs it (cli ms, cli MB), and of “suggest --json” (json ms; its\n"
      "median CPU time, json cpu, steadier than wall time on a busy machine; json MB), its\n"
      "peak memory per MB of input (MB/MB) and its CPU time as a multiple of “wc -w”\n"
      "on the same files (x wc); last, how much more peak memory and CPU time each MB of\n"
      "input costs “suggest --json” from the smallest roundup to the largest.\n\n"
      "With --extraction DIR, reads every web page in DIR (or DIR/html; *.html or\n"
      "*.html.gz) in process instead and prints the pages, megabytes, total, median and\n"
      "slowest milliseconds of reading them and how many gave no body text; --output\n"
      "writes {\"<page>\": {\"articleBody\": \"…\"}} with each page’s body paragraphs and\n"
      "the story’s subheadings among them, one a line, as the article-extraction benchmark\n"
      "scores them.\n\n"
      "With --recompute, starts the draft of each roundup, suggests once (cold), then 50\n"
      "times puts the draft back and suggests on it, accepts the first suggestion and\n"
      "suggests again with the same suggester (timed), as the editor does after an accept;\n"
      "prints the cold run's CPU and wall milliseconds and the recomputes' median, fastest\n"
      "and slowest CPU milliseconds and median wall milliseconds.\n\n"
      "Examples:\n"
      "  copydesk-merge bench\n"
      "  copydesk-merge bench --sources 200 --paragraphs 60\n"
      "  copydesk-merge bench --sources 5,200,1000 --paragraphs 60\n"
      "  copydesk-merge bench --sources 200 --write /tmp/roundup\n"
      "  copydesk-merge bench --recompute --sources 5,50,200\n"
      "  copydesk-merge bench --extraction article-extraction -o output/copydesk.json"));

  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("copydesk-merge: %s\n", error->message);
      return 2;
    }

  if (extraction_dir != NULL)
    return bench_extraction (extraction_dir, output);
  if (output != NULL)
    {
      g_printerr ("copydesk-merge: %s\n", _("--output goes with --extraction"));
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

  if (recompute)
    {
      g_print ("%7s %10s %10s %10s %10s %10s %10s %9s\n", "sources", "cold cpu", "cold ms",
               "cpu median", "cpu min", "cpu max", "ms median", "suggested");
      for (guint i = 0; sizes[i] != NULL; i++)
        {
          Scale scale = { 0 };
          guint64 n;

          if (!g_ascii_string_to_unsigned (sizes[i], 10, 1, 100000, &n, NULL))
            {
              g_printerr (_("copydesk-merge: “%s” is not a number of sources\n"), sizes[i]);
              return 2;
            }
          scale.n_sources = n;
          scale.paragraphs = paragraphs;
          if (bench_recompute (pool, &scale) != 0)
            return 1;
        }
      return 0;
    }

  g_print ("%7s %9s %10s %10s %11s %9s %9s %9s %9s %9s %9s %9s %9s %7s %6s\n",
           "sources", "MB", "paragraphs", "ingest ms", "suggest ms", "total ms", "peak MB",
           "suggested", "cli ms", "cli MB", "json ms", "json cpu", "json MB", "MB/MB", "x wc");
  fflush (stdout);

  for (guint i = 0; sizes[i] != NULL; i++)
    {
      Scale scale = { 0 };
      InProcess in_process = { 0 };
      EndToEnd end_to_end = { 0 };
      gboolean ran_end_to_end = FALSE;
      g_autofree char *temp_dir = NULL;
      gboolean keep = sizes[i + 1] == NULL && write_dir != NULL;
      guint64 n;
      double mb;

      if (!g_ascii_string_to_unsigned (sizes[i], 10, 1, 100000, &n, NULL))
        {
          g_printerr (_("copydesk-merge: “%s” is not a number of sources\n"), sizes[i]);
          return 2;
        }

      scale.n_sources = n;
      scale.paragraphs = paragraphs;
      if (keep)
        {
          g_mkdir_with_parents (write_dir, 0755);
          scale.dir = write_dir;
        }
      else if (self != NULL)
        {
          if (!(temp_dir = g_dir_make_tmp ("copydesk-bench-XXXXXX", &error)))
            {
              g_printerr ("copydesk-merge: %s\n", error->message);
              return 1;
            }
          scale.dir = temp_dir;
        }

      if (!bench_scale (pool, &scale, self, &in_process, &end_to_end, &ran_end_to_end))
        {
          if (temp_dir != NULL)
            remove_sources (temp_dir, scale.n_sources);
          g_printerr (_("copydesk-merge: the run with %s sources failed\n"), sizes[i]);
          return 1;
        }
      if (temp_dir != NULL)
        remove_sources (temp_dir, scale.n_sources);

      mb = in_process.bytes / 1e6;
      g_print ("%7u %9.2f %10u %10.1f %11.1f %9.1f %9.1f %9u",
               scale.n_sources, mb, in_process.paragraphs, in_process.ingest_ms,
               in_process.suggest_ms, in_process.ingest_ms + in_process.suggest_ms,
               in_process.peak_mb, in_process.suggested);
      if (ran_end_to_end)
        {
          g_print (" %9.1f %9.1f %9.1f %9.1f %9.1f %7.1f", end_to_end.text_ms, end_to_end.text_mb,
                   end_to_end.json_ms, end_to_end.json_cpu_ms, end_to_end.json_mb,
                   end_to_end.json_mb / mb);
          if (end_to_end.wc_ratio > 0)
            g_print (" %6.1f\n", end_to_end.wc_ratio);
          else
            g_print (" %6s\n", "-");

          if (first_mb == 0)
            {
              first_mb = mb;
              first_n = scale.n_sources;
              first = end_to_end;
            }
          last_mb = mb;
          last_n = scale.n_sources;
          last = end_to_end;
        }
      else
        g_print (" %9s %9s %9s %9s %9s %7s %6s\n", "-", "-", "-", "-", "-", "-", "-");
      fflush (stdout);
    }

  if (last_mb > first_mb)
    {
      /* The slope between the smallest and the largest roundup: what each further
       * megabyte of input costs, without the fixed cost of starting the process. */
      g_print (_("# suggest --json from %u to %u sources: %.1f MB of peak memory and %.0f ms "
                 "of CPU time more per MB of input\n"),
               first_n, last_n, (last.json_mb - first.json_mb) / (last_mb - first_mb),
               (last.json_cpu_ms - first.json_cpu_ms) / (last_mb - first_mb));
    }

  return 0;
}
