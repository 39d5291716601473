/* test-corpus.c: the suggester on 27 real roundups, scored as the held-out set is scored
 *
 * Runs ../shared/roundups/tools/run-corpus.py (the scorer that also judges roundups the
 * team never sees) on copydesk-merge as a user runs it, on the plain-text keys and on the
 * NewsML-G2 keys, and fails when the micro totals fall below the floor this version
 * reaches. The floor only rises: it is what was measured, less a little, never a target
 * the suggester has not met. Skips (77) where ../shared or python3 is absent.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gio/gio.h>
#include <stdlib.h>
#include <string.h>

/* Measured on the 27 cases: recall 206/211 (0.976), precision 178/197 (0.904; 181/200 on
 * the NewsML-G2 keys), 1 furniture phrase, no false suggestion where nothing is missing,
 * placement 61/62, no repeated sentence; one sentence of a NewsML-G2 draft keeps its
 * "Place/Place (dpa) -" dateline, which the scorer does not strip. The targets
 * (precision 0.95, recall 0.98, no furniture) are not met yet; these floors keep what is,
 * less a little. */
#define FLOOR_RECALL          0.96
#define FLOOR_PRECISION       0.89
#define MAX_FURNITURE         2
#define MAX_NONE_FALSE        0
#define FLOOR_PLACEMENT       0.96
#define MAX_REPEATED          0
#define MAX_INVENTED          1

static double
ratio (GMatchInfo *match,
       int         numerator,
       int         denominator)
{
  g_autofree char *n = g_match_info_fetch (match, numerator);
  g_autofree char *d = g_match_info_fetch (match, denominator);

  return atof (d) > 0 ? atof (n) / atof (d) : 1.0;
}

static guint
count (GMatchInfo *match,
       int         group)
{
  g_autofree char *n = g_match_info_fetch (match, group);

  return (guint)atoi (n);
}

static void
run_corpus (gconstpointer data)
{
  gboolean xml = GPOINTER_TO_INT (data);
  const char *shared = g_getenv ("COPYDESK_SHARED_DIR");
  const char *cli = g_getenv ("COPYDESK_MERGE");
  g_autofree char *roundups = shared ? g_build_filename (shared, "roundups", NULL) : NULL;
  g_autofree char *scorer = roundups ? g_build_filename (roundups, "tools", "run-corpus.py", NULL) : NULL;
  g_autofree char *python = g_find_program_in_path ("python3");
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GRegex) total = NULL;
  g_autoptr(GMatchInfo) match = NULL;
  const char *argv[] = { python, scorer, cli, roundups, xml ? "--xml" : NULL, NULL };
  int status = 0;

  if (scorer == NULL || !g_file_test (scorer, G_FILE_TEST_IS_REGULAR) || python == NULL)
    {
      g_test_skip ("../shared/roundups or python3 is absent");
      return;
    }
  g_assert_nonnull (cli);

  g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err, &status, &error);
  g_assert_no_error (error);
  g_spawn_check_wait_status (status, &error);
  g_assert_no_error (error);
  g_test_message ("%s", out);

  total = g_regex_new ("TOTAL: recall (\\d+)/(\\d+) = [\\d.]+\\s+precision (\\d+)/(\\d+) = [\\d.]+\\s+"
                       "false \\d+ \\(nothing-missing cases (\\d+)\\)\\s+furniture leaks (\\d+)\\s+"
                       "placement (\\d+)/(\\d+)\\s+merged sentences repeated (\\d+), in no input (\\d+)\\s+"
                       "failed (\\d+)",
                       0, 0, NULL);
  if (!g_regex_match (total, out, 0, &match))
    g_error ("the scorer printed no TOTAL line:\n%s\n%s", out, err);

  g_assert_cmpuint (count (match, 11), ==, 0);
  g_assert_cmpfloat (ratio (match, 1, 2), >=, FLOOR_RECALL);
  g_assert_cmpfloat (ratio (match, 3, 4), >=, FLOOR_PRECISION);
  g_assert_cmpuint (count (match, 5), <=, MAX_NONE_FALSE);
  g_assert_cmpuint (count (match, 6), <=, MAX_FURNITURE);
  g_assert_cmpfloat (ratio (match, 7, 8), >=, FLOOR_PLACEMENT);
  g_assert_cmpuint (count (match, 9), <=, MAX_REPEATED);
  g_assert_cmpuint (count (match, 10), <=, MAX_INVENTED);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_data_func ("/corpus/text", GINT_TO_POINTER (FALSE), run_corpus);
  g_test_add_data_func ("/corpus/newsml-g2", GINT_TO_POINTER (TRUE), run_corpus);

  return g_test_run ();
}
