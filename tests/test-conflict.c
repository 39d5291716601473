/* test-conflict.c: a conflict's two values, using the source's, and the other mentions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "desk-conflict.h"
#include "desk-project.h"
#include "desk-suggester.h"

static DeskSuggestion *
conflict_new (const char *source_sentence,
              const char *draft_sentence,
              int         target)
{
  DeskSuggestion *conflict = desk_suggestion_new (DESK_SUGGESTION_CONFLICT, source_sentence,
                                                  target - 1, target, 1.0);

  desk_suggestion_set_draft_text (conflict, draft_sentence);
  desk_suggestion_add_source (conflict, "writethru", "AP", 3);
  return conflict;
}

static void
test_values (void)
{
  const struct { const char *source, *draft, *source_value, *draft_value; } cases[] = {
    { "The toll rose to 14, officials said.", "The toll rose to 12, officials said.", "14", "12" },
    { "It left at 11:52 p.m. on Thursday.", "It left at 11:25 p.m. on Thursday.", "11:52", "11:25" },
    { "Mayor Ana Díaz said so.", "Mayor Anna Diaz said so.", "Ana Díaz", "Anna Diaz" },
    { "Forty-one people were hurt.", "Forty people were hurt.", "Forty-one", "Forty" },
    { "Three people were missing", "One person was missing", "Three people were", "One person was" },
    /* Nothing of its own on one side: no values to offer. */
    { "The toll rose to 14.", "The toll rose sharply to 14.", NULL, NULL },
    { "Same words.", "Same words.", NULL, NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(DeskSuggestion) conflict = conflict_new (cases[i].source, cases[i].draft, 0);
      g_autofree char *source_value = NULL;
      g_autofree char *draft_value = NULL;
      gboolean found = desk_conflict_get_values (conflict, &source_value, &draft_value);

      g_assert_cmpint (found, ==, cases[i].source_value != NULL);
      g_assert_cmpstr (source_value, ==, cases[i].source_value);
      g_assert_cmpstr (draft_value, ==, cases[i].draft_value);
    }
}

static DeskDraft *
draft_new (void)
{
  DeskDraft *draft = desk_draft_new ();
  const char *paragraphs[] = {
    "A fire killed 12 people on a ferry. The mayor said that 12 had been confirmed dead.",
    "Of the 120 passengers, 12 were taken to hospital in 2012.",
    "Nobody else was hurt.",
  };

  desk_draft_set_headline (draft, "Ferry fire kills 12");
  for (guint i = 0; i < G_N_ELEMENTS (paragraphs); i++)
    {
      g_autoptr(DeskParagraph) paragraph = desk_paragraph_new (paragraphs[i]);
      desk_draft_append (draft, paragraph);
    }
  return draft;
}

static void
test_mentions (void)
{
  g_autoptr(DeskDraft) draft = draft_new ();
  g_autoptr(DeskSuggestion) conflict = conflict_new ("The mayor said that 14 had been confirmed dead.",
                                                     "The mayor said that 12 had been confirmed dead.", 0);
  g_autoptr(GPtrArray) mentions = desk_conflict_find_mentions (conflict, draft);
  DeskMention *mention;

  /* The headline, the lead's first sentence, paragraph 2's "12 were": not the conflicting
   * sentence itself, not "120" nor "2012". */
  g_assert_cmpuint (mentions->len, ==, 3);
  mention = g_ptr_array_index (mentions, 0);
  g_assert_cmpint (mention->paragraph, ==, -1);
  g_assert_cmpuint (mention->start, ==, strlen ("Ferry fire kills "));
  g_assert_cmpuint (mention->end, ==, strlen ("Ferry fire kills 12"));
  g_assert_cmpstr (mention->excerpt, ==, "Ferry fire kills 12");

  mention = g_ptr_array_index (mentions, 1);
  g_assert_cmpint (mention->paragraph, ==, 0);
  g_assert_cmpuint (mention->start, ==, strlen ("A fire killed "));
  g_assert_cmpstr (mention->excerpt, ==, "A fire killed 12 people on a ferry. The mayor…");

  mention = g_ptr_array_index (mentions, 2);
  g_assert_cmpint (mention->paragraph, ==, 1);
  g_assert_cmpuint (mention->start, ==, strlen ("Of the 120 passengers, "));
  g_assert_cmpstr (mention->excerpt, ==, "Of the 120 passengers, 12 were taken to hospital in 2012.");

  /* A paragraph accepted above the conflict moves its sentence down one: the sentence is
   * still left out where it now stands, not looked for where it stood. */
  {
    g_autoptr(DeskParagraph) above = desk_paragraph_new ("Crews worked through the night.");
    g_autoptr(GPtrArray) moved = NULL;

    desk_draft_insert (draft, 0, above);
    desk_suggestion_place (conflict, 0, 1);
    moved = desk_conflict_find_mentions (conflict, draft);
    g_assert_cmpuint (moved->len, ==, 3);
    g_assert_cmpint (((DeskMention *)g_ptr_array_index (moved, 1))->paragraph, ==, 1);
    g_assert_cmpstr (((DeskMention *)g_ptr_array_index (moved, 1))->excerpt, ==,
                     "A fire killed 12 people on a ferry. The mayor…");
  }
}

static void
test_use_source (void)
{
  g_autoptr(DeskDraft) draft = draft_new ();
  g_autoptr(DeskSuggestion) conflict = conflict_new ("The mayor said that 14 had been confirmed dead.",
                                                     "The mayor said that 12 had been confirmed dead.", 0);
  g_autoptr(DeskSuggestion) gone = conflict_new ("It sank.", "It floated.", 2);
  DeskParagraph *paragraph;

  g_assert_true (desk_conflict_use_source (conflict, draft));
  paragraph = desk_draft_get_paragraph (draft, 0);
  g_assert_cmpstr (desk_paragraph_get_text (paragraph), ==,
                   "A fire killed 12 people on a ferry. The mayor said that 14 had been confirmed dead.");
  g_assert_true (desk_paragraph_has_source (paragraph, "writethru"));
  g_assert_cmpstr (desk_draft_get_headline (draft), ==, "Ferry fire kills 12");

  /* The draft's sentence is not there: nothing changes. */
  g_assert_false (desk_conflict_use_source (gone, draft));
  g_assert_cmpstr (desk_paragraph_get_text (desk_draft_get_paragraph (draft, 2)), ==, "Nobody else was hurt.");
}

/* The sample roundup: the writethru's toll (14) against the draft's (12). */
static void
test_harbour_fire (void)
{
  const char *files[] = { "01-agency-short.txt", "02-newspaper-long.txt", "03-scraped-reprint.txt",
                          "04-writethru.txt" };
  g_autoptr(DeskProject) project = desk_project_new ();
  g_autoptr(DeskSuggester) suggester = desk_suggester_new ();
  g_autoptr(GPtrArray) suggestions = NULL;
  DeskSuggestion *conflict = NULL;
  g_autofree char *source_value = NULL;
  g_autofree char *draft_value = NULL;
  g_autoptr(GPtrArray) mentions = NULL;
  DeskSource *writethru = NULL;
  DeskSource *first = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autofree char *path = g_build_filename (g_getenv ("COPYDESK_SEEDS_DIR"), "harbour-fire",
                                                files[i], NULL);
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autoptr(GError) error = NULL;
      g_autoptr(DeskSource) source = desk_source_new_for_file (file, 0, NULL, &error);

      g_assert_no_error (error);
      desk_project_add_source (project, source);
      if (i == 0)
        {
          desk_project_start_draft_from (project, source);
          first = source;
        }
      if (i == 3)
        writethru = source;
    }
  /* The writethru says so ("UPDATED", "This story has been updated…"); the draft's does not. */
  g_assert_true (desk_source_is_newer (writethru, first));
  g_assert_false (desk_source_is_newer (first, writethru));

  suggestions = desk_suggester_suggest (suggester, project);
  for (guint i = 0; i < suggestions->len && conflict == NULL; i++)
    if (desk_suggestion_get_kind (g_ptr_array_index (suggestions, i)) == DESK_SUGGESTION_CONFLICT)
      conflict = g_ptr_array_index (suggestions, i);
  g_assert_nonnull (conflict);
  g_assert_true (desk_conflict_is_newer (conflict, project));

  g_assert_true (desk_conflict_get_values (conflict, &source_value, &draft_value));
  g_assert_cmpstr (source_value, ==, "14");
  g_assert_cmpstr (draft_value, ==, "12");

  /* "Ferry Fire Off Halifax Kills 12; …" */
  mentions = desk_conflict_find_mentions (conflict, desk_project_get_draft (project));
  g_assert_cmpuint (mentions->len, >=, 1);
  g_assert_cmpint (((DeskMention *)g_ptr_array_index (mentions, 0))->paragraph, ==, -1);

  g_assert_true (desk_conflict_use_source (conflict, desk_project_get_draft (project)));
  g_assert_nonnull (strstr (desk_paragraph_get_text (desk_draft_get_paragraph (desk_project_get_draft (project),
                                                                               desk_suggestion_get_target (conflict))),
                            desk_suggestion_get_text (conflict)));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/conflict/values", test_values);
  g_test_add_func ("/conflict/mentions", test_mentions);
  g_test_add_func ("/conflict/use-source", test_use_source);
  g_test_add_func ("/conflict/harbour-fire", test_harbour_fire);

  return g_test_run ();
}
