/* fuzz-common.h: what Copydesk's libFuzzer targets share
 *
 * Every target treats a GLib critical or warning as a crash (a g_return_if_fail that
 * fires on some input is a bug too), and checks what it got back: the text of a source is
 * valid UTF-8 and every block lies inside it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

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
    "!DOCTYPE html>", "html ", "/html>", "head>", "/head>", "meta ", "title>", "/title>",
    "style>", "/style>", "script ", "/script>", "body>", "/body>", "article>", "/article>",
    "h1>", "/h1>", "p>", "p ", "/p>", "span ", "/span>", "footer>", "/footer>",
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
