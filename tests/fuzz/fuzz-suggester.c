/* fuzz-suggester.c: the suggester, on a draft and sources made of any text
 *
 * The input is cut at NUL bytes into up to four texts: the first starts the draft, every
 * one is a source (an input without NUL is cut in half). The suggestions are read, applied
 * one by one and then all at once, the remaining ones accepted, and the draft exported in
 * every format.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "desk-project-file.h"
#include "desk-suggester.h"
#include "fuzz-common.h"

#define MAX_TEXTS 4

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  fuzz_init ();
  return 0;
}

static void
walk_suggestions (GPtrArray *suggestions,
                  DeskDraft *draft)
{
  guint n_paragraphs = desk_draft_get_n_paragraphs (draft);

  for (guint i = 0; i < suggestions->len; i++)
    {
      DeskSuggestion *suggestion = g_ptr_array_index (suggestions, i);
      const char *text = desk_suggestion_get_text (suggestion);

      fuzz_check (text != NULL && g_utf8_validate (text, -1, NULL));
      fuzz_check (desk_suggestion_get_n_sources (suggestion) > 0);
      fuzz_check (desk_suggestion_get_after (suggestion) >= -1);
      fuzz_check (desk_suggestion_get_after (suggestion) < (int)n_paragraphs ||
                  n_paragraphs == 0);
      (void)desk_suggestion_kind_to_string (desk_suggestion_get_kind (suggestion));
      for (guint j = 0; j < desk_suggestion_get_n_sources (suggestion); j++)
        fuzz_check (desk_suggestion_get_source_id (suggestion, j) != NULL);
      for (guint j = 0; j < desk_suggestion_get_n_alternatives (suggestion); j++)
        (void)desk_suggestion_get_alternative_text (suggestion, j);
    }
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  /* First, so that its check runs last, after everything below is freed. */
  g_auto(FuzzWatch) watch = fuzz_watch (size);
  g_autoptr(DeskProject) project = desk_project_new ();
  g_autoptr(DeskSuggester) suggester = desk_suggester_new ();
  g_autoptr(GPtrArray) suggestions = NULL;
  g_autoptr(GBytes) saved = NULL;
  g_autoptr(DeskProject) reopened = NULL;
  g_autoptr(GError) error = NULL;
  const uint8_t *start = data;
  const uint8_t *end = data + size;
  guint n_texts = 0;
  DeskDraft *draft;

  if (memchr (data, '\0', size) == NULL && size > 1)
    end = data + size / 2;

  while (n_texts < MAX_TEXTS && start <= data + size)
    {
      const uint8_t *nul = memchr (start, '\0', (data + size) - start);
      const uint8_t *stop = nul != NULL ? nul : (end > start ? end : data + size);
      g_autoptr(GBytes) bytes = g_bytes_new (start, stop - start);
      g_autofree char *name = g_strdup_printf ("text %u", n_texts + 1);
      g_autoptr(DeskSource) source = NULL;

      source = desk_source_new_from_bytes (bytes, name, DESK_SOURCE_ORIGIN_PASTE, NULL);
      if (source != NULL)
        {
          desk_project_add_source (project, source);
          if (n_texts == 0)
            desk_project_start_draft_from (project, source);
        }
      n_texts++;
      start = stop + 1;
      end = data + size;
    }

  draft = desk_project_get_draft (project);
  desk_suggester_set_show_variants (suggester, size % 2 == 0);
  suggestions = desk_suggester_suggest (suggester, project);
  fuzz_check (suggestions != NULL);
  walk_suggestions (suggestions, draft);

  /* Apply the first few singly (each may move the others' anchors), then the rest. */
  for (guint i = 0; i < MIN (suggestions->len, 3); i++)
    {
      DeskSuggestion *suggestion = g_ptr_array_index (suggestions, i);

      if (desk_suggestion_is_applicable (suggestion))
        (void)desk_suggestion_apply (suggestion, draft);
    }
  (void)desk_suggestions_apply_all (suggestions, draft);
  (void)desk_suggester_accept_all (suggester, project);

  fuzz_export (project);

  /* What the editor did survives a save. */
  saved = desk_project_file_save_to_bytes (project);
  reopened = desk_project_file_load_from_bytes (saved, "fuzz.copydesk", &error);
  if (reopened == NULL)
    {
      g_printerr ("A saved project does not open again: %s\n", error->message);
      abort ();
    }
  fuzz_check (desk_draft_get_n_paragraphs (desk_project_get_draft (reopened)) ==
              desk_draft_get_n_paragraphs (draft));

  return 0;
}
