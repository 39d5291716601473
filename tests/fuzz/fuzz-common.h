/* fuzz-common.h: what Copydesk's libFuzzer targets share
 *
 * Every target treats a GLib critical or warning as a crash (a g_return_if_fail that
 * fires on some input is a bug too), and checks what it got back: the text of a source is
 * valid UTF-8 and every block lies inside it.
 *
 * Every target also runs each input under a resource watchdog (FuzzWatch): an input that
 * takes longer than a budget that grows with its size, or raises the process's peak memory
 * by more than ten times its size and a fixed allowance, is a crash too. Sanitizers find
 * memory errors; the watchdog finds the quadratic paths and blow-ups that they do not
 * (libFuzzer's own -timeout and -rss_limit_mb are far too lax for 64 kB inputs).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <sys/resource.h>

#include <glib.h>

#include "desk-export.h"
#include "desk-project.h"
#include "desk-source.h"

int LLVMFuzzerInitialize (int *argc, char ***argv);
int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

#define fuzz_check(expr) \
  G_STMT_START { \
    if (G_UNLIKELY (!(expr))) \
      { \
        g_printerr ("%s:%d: check failed: %s\n", __FILE__, __LINE__, #expr); \
        abort (); \
      } \
  } G_STMT_END

/* The budget of one input: FUZZ_BASE_US and FUZZ_US_PER_KB of time (sanitizers included;
 * times COPYDESK_FUZZ_BUDGET_FACTOR when set), and of memory ten times its size and
 * FUZZ_BASE_KB. A 64 kB input has 1.5 s and 64.6 MB. */
#define FUZZ_BASE_US  (200 * 1000)
#define FUZZ_US_PER_KB 20000
#define FUZZ_BASE_KB  (64 * 1024)

typedef struct
{
  gint64 start;
  long   peak_kb;
  size_t size;
} FuzzWatch;

static inline long
fuzz_peak_kb (void)
{
  struct rusage usage;

  return getrusage (RUSAGE_SELF, &usage) == 0 ? usage.ru_maxrss : 0;
}

static inline FuzzWatch
fuzz_watch (size_t size)
{
  FuzzWatch watch = { g_get_monotonic_time (), fuzz_peak_kb (), size };

  return watch;
}

static inline void
fuzz_watch_check (FuzzWatch *watch)
{
  static gboolean warm;
  const char *factor_env = g_getenv ("COPYDESK_FUZZ_BUDGET_FACTOR");
  double factor = factor_env != NULL ? g_ascii_strtod (factor_env, NULL) : 1.0;
  gint64 elapsed = g_get_monotonic_time () - watch->start;
  gint64 time_budget = (gint64)((FUZZ_BASE_US + (gint64)(watch->size / 1024 + 1) * FUZZ_US_PER_KB) *
                                MAX (factor, 1.0));
  long grown = fuzz_peak_kb () - watch->peak_kb;
  long memory_budget = (long)(10 * (watch->size / 1024 + 1)) + FUZZ_BASE_KB;

  /* The first input also pays for what is made once (regular expressions, tables). */
  if (!warm)
    {
      warm = TRUE;
      return;
    }

  if (elapsed > time_budget)
    {
      g_printerr ("ALARM: watchdog: an input of %zu bytes took %.3f s, over its budget of "
                  "%.3f s\n", watch->size, elapsed / 1e6, time_budget / 1e6);
      abort ();
    }
  if (grown > memory_budget)
    {
      g_printerr ("ALARM: watchdog: an input of %zu bytes raised peak memory by %ld kB, over "
                  "its budget of %ld kB\n", watch->size, grown, memory_budget);
      abort ();
    }
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (FuzzWatch, fuzz_watch_check)

static inline void
fuzz_init (void)
{
  /* G_SLICE=always-malloc must come from the environment (build-aux/fuzz sets it): GLib
   * reads it in its constructor, before any code of ours runs. Without it GLib 2.74 hides
   * leaked GObjects in its slice allocator. */
  g_setenv ("LC_ALL", "C.UTF-8", TRUE);
  g_log_set_always_fatal (G_LOG_LEVEL_ERROR | G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
  g_log_set_fatal_mask ("Copydesk", G_LOG_LEVEL_ERROR | G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
}

/* Reads everything a caller may read of @source, checking what must hold. */
static inline void
fuzz_walk_source (DeskSource *source)
{
  const char *text = desk_source_get_text (source);
  const char * const *bylines = desk_source_get_bylines (source);
  GListModel *blocks = desk_source_get_blocks (source);
  GListModel *credits = desk_source_get_credits (source);
  gsize length;

  fuzz_check (text != NULL);
  length = strlen (text);
  fuzz_check (g_utf8_validate (text, length, NULL));
  fuzz_check (desk_source_get_id (source) != NULL);
  fuzz_check (desk_source_get_name (source) != NULL);

  for (const char *s = desk_source_get_title (source); s != NULL; s = NULL)
    fuzz_check (g_utf8_validate (s, -1, NULL));
  for (const char *s = desk_source_get_dateline (source); s != NULL; s = NULL)
    fuzz_check (g_utf8_validate (s, -1, NULL));
  for (const char *s = desk_source_get_agency (source); s != NULL; s = NULL)
    fuzz_check (g_utf8_validate (s, -1, NULL));
  for (guint i = 0; bylines != NULL && bylines[i] != NULL; i++)
    fuzz_check (g_utf8_validate (bylines[i], -1, NULL));

  for (guint i = 0; i < g_list_model_get_n_items (blocks); i++)
    {
      g_autoptr(DeskBlock) block = g_list_model_get_item (blocks, i);
      const char *block_text = desk_block_get_text (block);

      fuzz_check (desk_block_get_start (block) <= desk_block_get_end (block));
      fuzz_check (desk_block_get_end (block) <= length);
      fuzz_check (block_text != NULL && g_utf8_validate (block_text, -1, NULL));
      fuzz_check ((guint)desk_block_get_role (block) <= DESK_BLOCK_ROLE_LAST);
    }

  for (guint i = 0; i < g_list_model_get_n_items (credits); i++)
    {
      g_autoptr(DeskCredit) credit = g_list_model_get_item (credits, i);

      for (const char *s = desk_credit_get_name (credit); s != NULL; s = NULL)
        fuzz_check (g_utf8_validate (s, -1, NULL));
      for (const char *s = desk_credit_get_organization (credit); s != NULL; s = NULL)
        fuzz_check (g_utf8_validate (s, -1, NULL));
    }

  (void)desk_source_get_n_words (source);
  (void)desk_source_get_slug (source);
  (void)desk_source_get_version (source);
}

/* Every tag in an HTML export is one the exporter writes: text that reached the output
 * unescaped shows as another tag ("<img", "<iframe", "<!--" …) or a second script. */
static inline void
fuzz_check_html (const char *html)
{
  static const char * const tags[] = {
    "!DOCTYPE html>", "html ", "html>", "/html>", "head>", "/head>", "meta ", "title>",
    "/title>", "style>", "/style>", "script ", "/script>", "body>", "/body>", "article>",
    "/article>", "h1>", "/h1>", "p>", "p ", "/p>", "span ", "/span>", "footer>", "/footer>",
  };
  guint scripts = 0;

  for (const char *p = strchr (html, '<'); p != NULL; p = strchr (p + 1, '<'))
    {
      gboolean known = FALSE;

      for (guint i = 0; i < G_N_ELEMENTS (tags) && !known; i++)
        known = strncmp (p + 1, tags[i], strlen (tags[i])) == 0;
      if (!known)
        {
          g_printerr ("HTML export has an unexpected tag: %.40s\n", p);
          abort ();
        }
      if (strncmp (p + 1, "script ", 7) == 0)
        scripts++;
    }
  fuzz_check (scripts <= 1);
}

/* Exports @project in every format. */
static inline void
fuzz_export (DeskProject *project)
{
  static const DeskExportFormat formats[] = {
    DESK_EXPORT_FORMAT_TEXT, DESK_EXPORT_FORMAT_HTML, DESK_EXPORT_FORMAT_MARKDOWN,
    DESK_EXPORT_FORMAT_NINJS, DESK_EXPORT_FORMAT_HTML,
  };

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      DeskExportOptions options;
      g_autofree char *text = NULL;

      desk_export_options_init_for_project (&options, project);
      options.format = formats[i];
      options.provenance = (i % 2) == 0;
      options.wrap_width = formats[i] == DESK_EXPORT_FORMAT_TEXT ? 72 : 0;
      options.fragment = i == G_N_ELEMENTS (formats) - 1;
      options.ascii_quotes = i == G_N_ELEMENTS (formats) - 1;
      text = desk_export_to_string (project, &options);
      fuzz_check (text != NULL && g_utf8_validate (text, -1, NULL));
      if (formats[i] == DESK_EXPORT_FORMAT_HTML)
        fuzz_check_html (text);
    }
}
