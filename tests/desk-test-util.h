/* desk-test-util.h: what the hostile and command-line tests share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A short agency story (a headline, a byline, a dateline, a quote) and another version of
 * it, for tests that need a real-looking story and not its text. */
extern const char desk_test_story[];
extern const char desk_test_other_story[];

/* How much slower than a plain run this one is: COPYDESK_TEST_TIME_FACTOR, which the
 * valgrind and sanitizer jobs set; 1 otherwise. */
double   desk_test_time_factor     (void);

/* @size, or a tenth of it when the run is ten or more times slower than a plain one: the
 * biggest generated inputs shrink so that valgrind gets through them in minutes. */
gsize    desk_test_scaled          (gsize size);

/* Records in the test log how long @what took since @start (g_get_monotonic_time()).
 * Speed is not asserted here: it is measured by `copydesk-merge bench`; a hang is caught by
 * the test's meson timeout. */
void     desk_test_note_time       (gint64      start,
                                    const char *what);

/* A new temporary folder named after @prefix; aborts the test if it cannot be made. */
char    *desk_test_make_temp_dir   (const char *prefix);

/* Removes @path and everything under it; symbolic links are removed, not followed. */
void     desk_test_remove_tree     (const char *path);

/* One run of copydesk-merge (COPYDESK_MERGE): what it printed and its exit status. */
typedef struct
{
  char *out;
  char *err;
  int   status;
} DeskTestRun;

void     desk_test_run_clear       (DeskTestRun *run);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (DeskTestRun, desk_test_run_clear)

/* Whether COPYDESK_MERGE is set; marks the test skipped when it is not. */
gboolean desk_test_have_tool       (void);

/* Runs copydesk-merge with @args (NULL-terminated) in @dir (NULL: the current folder).
 * A run that dies of a signal fails the test with what it printed on standard error. */
void     desk_test_run_tool_argv   (DeskTestRun        *run,
                                    const char         *dir,
                                    const char * const *args);

#define desk_test_run_tool(run, dir, ...) \
  desk_test_run_tool_argv ((run), (dir), (const char * const[]) { __VA_ARGS__, NULL })

G_END_DECLS
