/* test-suggester.c: what the draft lacks, once, in the right place
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "desk-project-file.h"
#include "desk-sentence.h"
#include "desk-suggester.h"

static DeskSource *
source_from_text (const char *name,
                  const char *text)
{
  g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));
  g_autoptr(GError) error = NULL;
  DeskSource *source = desk_source_new_from_bytes (bytes, name, DESK_SOURCE_ORIGIN_PASTE, &error);

  g_assert_no_error (error);
  return source;
}

/* A project whose draft starts from the first text; the others are sources. */
static DeskProject *
project_from_texts (const char * const *names,
                    const char * const *texts)
{
  DeskProject *project = desk_project_new ();

  for (guint i = 0; texts[i] != NULL; i++)
    {
      g_autoptr(DeskSource) source = source_from_text (names[i], texts[i]);

      desk_project_add_source (project, source);
      if (i == 0)
        desk_project_start_draft_from (project, source);
    }

  return project;
}

static GPtrArray *
suggest (DeskProject *project)
{
  g_autoptr(DeskSuggester) suggester = desk_suggester_new ();

  return desk_suggester_suggest (suggester, project);
}

static guint
count_kind (GPtrArray          *suggestions,
            DeskSuggestionKind  kind)
{
  guint n = 0;

  for (guint i = 0; i < suggestions->len; i++)
    n += desk_suggestion_get_kind (g_ptr_array_index (suggestions, i)) == kind;

  return n;
}

static DeskSuggestion *
find_kind (GPtrArray          *suggestions,
           DeskSuggestionKind  kind,
           guint               nth)
{
  for (guint i = 0; i < suggestions->len; i++)
    {
      DeskSuggestion *suggestion = g_ptr_array_index (suggestions, i);

      if (desk_suggestion_get_kind (suggestion) == kind && nth-- == 0)
        return suggestion;
    }

  return NULL;
}

/* An invented story in three versions. */
static const char draft_text[] =
  "Harbour ferry catches fire\n\n"
  "HALIFAX, Nova Scotia -- A passenger ferry caught fire on Tuesday evening near the mouth "
  "of the harbour, and crews rescued most of the 212 people aboard.\n\n"
  "The fire started in the engine room shortly after the ferry left the terminal, the port "
  "authority said.\n\n"
  "Mayor Aisha Karimi said the city would open two shelters for the families overnight.\n";

static const char long_text[] =
  "Ferry fire in Halifax harbour\n\n"
  "HALIFAX, Nova Scotia -- A passenger ferry caught fire on Tuesday evening near the mouth "
  "of the harbour, and crews rescued most of the 212 people aboard.\n\n"
  "The fire started in the engine room shortly after the ferry left the terminal, the port "
  "authority said, although the cause of the blaze was not yet known.\n\n"
  "Coast guard cutters and a flotilla of fishing boats pulled survivors from the cold water "
  "within the first hour.\n\n"
  "Mayor Aisha Karimi said the city would open two shelters for the families overnight.\n\n"
  "The ferry, built in 1987, had passed its last safety inspection in March.\n";

static const char reprint_text[] =
  "Ferry fire in Halifax harbour\n\n"
  "HALIFAX, Nova Scotia -- A passenger ferry caught fire on Tuesday evening near the mouth "
  "of the harbour, and crews rescued most of the 214 people aboard.\n\n"
  "Coast guard cutters and a flotilla of fishing boats pulled survivors from the cold "
  "water within the first hour.\n\n"
  "The ferry, built in 1987, had passed its last safety inspection in March.\n";

static const char * const story_names[] = { "draft.txt", "long.txt", "reprint.txt", NULL };
static const char * const story_texts[] = { draft_text, long_text, reprint_text, NULL };

static void
test_missing_once_in_place (void)
{
  g_autoptr(DeskProject) project = project_from_texts (story_names, story_texts);
  g_autoptr(GPtrArray) suggestions = suggest (project);
  DeskSuggestion *cutters, *ferry;

  g_assert_cmpuint (count_kind (suggestions, DESK_SUGGESTION_MISSING), ==, 2);

  /* Both sources carry the coast guard paragraph: one suggestion naming both. */
  cutters = find_kind (suggestions, DESK_SUGGESTION_MISSING, 0);
  g_assert_true (g_str_has_prefix (desk_suggestion_get_text (cutters), "Coast guard cutters"));
  g_assert_cmpuint (desk_suggestion_get_n_sources (cutters), ==, 2);
  g_assert_cmpstr (desk_suggestion_get_source_name (cutters, 0), ==, "long.txt");
  g_assert_cmpstr (desk_suggestion_get_source_name (cutters, 1), ==, "reprint.txt");
  /* It follows the engine-room paragraph, the second of the draft. */
  g_assert_cmpint (desk_suggestion_get_after (cutters), ==, 1);

  ferry = find_kind (suggestions, DESK_SUGGESTION_MISSING, 1);
  g_assert_true (g_str_has_prefix (desk_suggestion_get_text (ferry), "The ferry, built in 1987"));
  g_assert_cmpint (desk_suggestion_get_after (ferry), ==, 2);
}

/* A version that tells first what the draft tells last did not write a new top: its
 * earlier paragraphs go where their words are, not above the draft's lead. A writethru
 * whose old story goes on under its new paragraph from the draft's lead did. */
static const char *order_draft =
  "Council backs new harbour plan\n\n"
  "HALIFAX, Nova Scotia \xe2\x80\x94 The city council approved a new plan for the harbour on "
  "Tuesday after a debate that lasted late into the night.\n\n"
  "The plan moves the ferry terminal to the north shore and adds a park where the old "
  "container yard stands today.\n\n"
  "Residents of the north shore said at the meeting that traffic on their streets would "
  "double once the terminal opened there.\n\n"
  "Mayor Aisha Karimi said the city would pay for new traffic lights and a bus lane on the "
  "north shore before the terminal opened.\n\n"
  "The port authority must still approve the move, which it is expected to consider at its "
  "meeting in March.\n";
static const char *order_other =
  "Harbour plan wins council vote\n\n"
  "Container yard workers asked the council to find them jobs at the new terminal, and the "
  "union said its members had not been consulted about the move.\n\n"
  "The port authority must still approve the move, which it is expected to consider at its "
  "meeting in March.\n";
static const char *order_writethru =
  "Harbour plan wins council vote\n\n"
  "HALIFAX, Nova Scotia \xe2\x80\x94 The port authority said on Wednesday it would fast-track "
  "its review of the harbour plan, a day after the council voted for it.\n\n"
  "The city council approved a new plan for the harbour on Tuesday after a debate that "
  "lasted late into the night.\n\n"
  "The plan moves the ferry terminal to the north shore and adds a park where the old "
  "container yard stands today.\n";

static void
test_new_top_only_from_the_top (void)
{
  static const char * const other_names[] = { "draft.txt", "other.txt", NULL };
  static const char * const writethru_names[] = { "draft.txt", "writethru.txt", NULL };
  const char * const other_texts[] = { order_draft, order_other, NULL };
  const char * const writethru_texts[] = { order_draft, order_writethru, NULL };
  g_autoptr(DeskProject) other = project_from_texts (other_names, other_texts);
  g_autoptr(DeskProject) writethru = project_from_texts (writethru_names, writethru_texts);
  g_autoptr(GPtrArray) from_other = suggest (other);
  g_autoptr(GPtrArray) from_writethru = suggest (writethru);
  DeskSuggestion *workers = find_kind (from_other, DESK_SUGGESTION_MISSING, 0);
  DeskSuggestion *fast_track = find_kind (from_writethru, DESK_SUGGESTION_MISSING, 0);

  g_assert_nonnull (workers);
  g_assert_true (g_str_has_prefix (desk_suggestion_get_text (workers), "Container yard workers"));
  /* Beside the container yard's paragraph, not above the lead. */
  g_assert_cmpint (desk_suggestion_get_after (workers), ==, 1);

  g_assert_nonnull (fast_track);
  g_assert_true (g_str_has_prefix (desk_suggestion_get_text (fast_track), "The port authority said"));
  g_assert_cmpint (desk_suggestion_get_after (fast_track), ==, -1);
}

/* A word that is a name elsewhere ("President Donald Trump") is not one where it is
 * written in small letters: "the president" in place of "Trump" is no conflict. */
static void
test_no_conflict_for_role_word (void)
{
  static const char * const names[] = { "draft.txt", "other.txt", NULL };
  static const char * const texts[] = {
    "Officials meet on election security\n\n"
    "PHILADELPHIA \xe2\x80\x94 State election officials met on Saturday to discuss the security "
    "of voting systems ahead of the midterm elections in November.\n\n"
    "Some of the officials say it is important for Trump, a Republican, to take a tougher "
    "stance to protect the public's confidence in fair elections.\n",
    "Officials meet on election security\n\n"
    "PHILADELPHIA \xe2\x80\x94 State election officials met on Saturday to discuss the security "
    "of voting systems ahead of the midterm elections in November, days before President "
    "Donald Trump meets Russia's leader.\n\n"
    "Some of the officials say it is important for the president to take a tougher stance "
    "to protect the public's confidence in fair elections.\n",
    NULL,
  };
  g_autoptr(DeskProject) project = project_from_texts (names, texts);
  g_autoptr(GPtrArray) suggestions = suggest (project);

  g_assert_cmpuint (count_kind (suggestions, DESK_SUGGESTION_CONFLICT), ==, 0);
}

static void
test_addition_marks_clause (void)
{
  g_autoptr(DeskProject) project = project_from_texts (story_names, story_texts);
  g_autoptr(GPtrArray) suggestions = suggest (project);
  DeskSuggestion *addition = find_kind (suggestions, DESK_SUGGESTION_ADDITION, 0);
  const char *text;
  guint start, end;

  g_assert_nonnull (addition);
  g_assert_cmpuint (count_kind (suggestions, DESK_SUGGESTION_ADDITION), ==, 1);
  g_assert_cmpint (desk_suggestion_get_target (addition), ==, 1);

  text = desk_suggestion_get_text (addition);
  g_assert_cmpstr (text, ==,
                   "The fire started in the engine room shortly after the ferry left the "
                   "terminal, the port authority said, although the cause of the blaze was "
                   "not yet known.");
  g_assert_cmpstr (desk_suggestion_get_new_text (addition), ==,
                   "although the cause of the blaze was not yet known");
  g_assert_cmpuint (desk_suggestion_get_n_marks (addition), ==, 1);
  desk_suggestion_get_mark (addition, 0, &start, &end);
  g_assert_cmpstr (text + start, ==, "although the cause of the blaze was not yet known.");
  g_assert_cmpuint (end, ==, strlen (text) - 1);
}

/* The parts of a card to single out come from the model: marks, else where the new text
 * occurs, part by part; nothing for a suggestion that is new as a whole. */
static void
test_highlights (void)
{
  g_autoptr(DeskSuggestion) conflict = NULL;
  g_autoptr(DeskSuggestion) missing = NULL;
  g_autoptr(DeskSuggestion) marked = NULL;
  g_autoptr(GArray) ranges = NULL;
  const char *text = "The toll rose to 14 on Tuesday, and 3 remain missing.";

  conflict = desk_suggestion_new (DESK_SUGGESTION_CONFLICT, text, -1, 0, 1.0);
  desk_suggestion_set_new_text (conflict, "3 remain missing \xe2\x80\xa6 14");
  ranges = desk_suggestion_dup_highlights (conflict);
  /* Both parts, in the order of the text, not of the new text. */
  g_assert_cmpuint (ranges->len, ==, 4);
  g_assert_cmpuint (g_array_index (ranges, guint, 0), ==, 17);
  g_assert_cmpuint (g_array_index (ranges, guint, 1), ==, 19);
  g_assert_cmpuint (g_array_index (ranges, guint, 2), ==, 36);
  g_assert_cmpuint (g_array_index (ranges, guint, 3), ==, 52);
  g_clear_pointer (&ranges, g_array_unref);

  missing = desk_suggestion_new (DESK_SUGGESTION_MISSING, text, 0, -1, 1.0);
  desk_suggestion_set_new_text (missing, "14");
  ranges = desk_suggestion_dup_highlights (missing);
  g_assert_cmpuint (ranges->len, ==, 0);
  g_clear_pointer (&ranges, g_array_unref);

  /* Marks win over the new text; a mark inside the one before is dropped. */
  marked = desk_suggestion_new (DESK_SUGGESTION_ADDITION, text, -1, 0, 1.0);
  desk_suggestion_set_new_text (marked, "Tuesday");
  desk_suggestion_add_mark (marked, 40, 45);
  desk_suggestion_add_mark (marked, 32, 52);
  ranges = desk_suggestion_dup_highlights (marked);
  g_assert_cmpuint (ranges->len, ==, 2);
  g_assert_cmpuint (g_array_index (ranges, guint, 0), ==, 32);
  g_assert_cmpuint (g_array_index (ranges, guint, 1), ==, 52);
}

/* A writethru that spells the draft's sentence out with words and names its paragraph
 * and its story already have adds no fact: no addition. One that adds a figure does. */
static void
test_restated_extension (void)
{
  static const char restated[] =
    "Ferry fire in Halifax harbour\n\n"
    "The fire started in the engine room of the harbour passenger ferry shortly after the "
    "ferry left the terminal, the port authority said.\n";
  static const char extended[] =
    "Ferry fire in Halifax harbour\n\n"
    "The fire started in the engine room shortly after the ferry left the terminal, the port "
    "authority said, and 40 firefighters fought it for six hours.\n";
  const char * const names[] = { "draft.txt", "restated.txt", NULL };
  const char * const texts[] = { draft_text, restated, NULL };
  const char * const names2[] = { "draft.txt", "extended.txt", NULL };
  const char * const texts2[] = { draft_text, extended, NULL };
  g_autoptr(DeskProject) project = project_from_texts (names, texts);
  g_autoptr(GPtrArray) suggestions = suggest (project);
  g_autoptr(DeskProject) project2 = project_from_texts (names2, texts2);
  g_autoptr(GPtrArray) suggestions2 = suggest (project2);
  DeskSuggestion *addition;

  g_assert_cmpuint (count_kind (suggestions, DESK_SUGGESTION_ADDITION), ==, 0);
  g_assert_cmpuint (count_kind (suggestions, DESK_SUGGESTION_MISSING), ==, 0);

  g_assert_cmpuint (count_kind (suggestions2, DESK_SUGGESTION_ADDITION), ==, 1);
  addition = find_kind (suggestions2, DESK_SUGGESTION_ADDITION, 0);
  g_assert_cmpint (desk_suggestion_get_target (addition), ==, 1);
  g_assert_nonnull (strstr (desk_suggestion_get_new_text (addition), "40 firefighters"));
}

static void
test_conflict_on_number (void)
{
  g_autoptr(DeskProject) project = project_from_texts (story_names, story_texts);
  g_autoptr(GPtrArray) suggestions = suggest (project);
  DeskSuggestion *conflict = find_kind (suggestions, DESK_SUGGESTION_CONFLICT, 0);

  g_assert_nonnull (conflict);
  g_assert_cmpuint (count_kind (suggestions, DESK_SUGGESTION_CONFLICT), ==, 1);
  g_assert_cmpstr (desk_suggestion_get_new_text (conflict), ==, "214");
  g_assert_cmpint (desk_suggestion_get_target (conflict), ==, 0);
  g_assert_nonnull (strstr (desk_suggestion_get_draft_text (conflict), "212 people"));
  g_assert_cmpstr (desk_suggestion_get_source_name (conflict, 0), ==, "reprint.txt");
  g_assert_false (desk_suggestion_is_applicable (conflict));
}

static void
test_headline_alternatives (void)
{
  g_autoptr(DeskProject) project = project_from_texts (story_names, story_texts);
  g_autoptr(GPtrArray) suggestions = suggest (project);
  DeskSuggestion *headline = g_ptr_array_index (suggestions, 0);

  /* Two sources, one headline: proposed once, first. */
  g_assert_cmpuint (count_kind (suggestions, DESK_SUGGESTION_HEADLINE), ==, 1);
  g_assert_cmpint (desk_suggestion_get_kind (headline), ==, DESK_SUGGESTION_HEADLINE);
  g_assert_cmpstr (desk_suggestion_get_text (headline), ==, "Ferry fire in Halifax harbour");
  g_assert_cmpuint (desk_suggestion_get_n_sources (headline), ==, 2);
}

/* A gallery's photo caption above the story that retells it in a long paragraph, credit
 * and all, lines up with a draft paragraph; its picture's description is not an addition.
 * A scrape that took the page's section title for the headline offers no headline. */
static const char gallery_text[] =
  "Obituaries and Notices\n\n"
  "Fireboats spray water on a burning passenger ferry near the mouth of the harbour in "
  "Halifax, Nova Scotia, Tuesday, May 5, 2026, as smoke drifts over the terminal behind "
  "them. The fire started in the engine room shortly after the ferry left the terminal, "
  "the port authority said. Crews rescued most of the 212 people aboard, and the city "
  "opened two shelters for their families overnight, officials said late on Tuesday as "
  "the last passengers were brought ashore by fishing boats and coast guard cutters from "
  "the harbour. Witnesses said the blaze could be seen from across the bay for more than "
  "an hour. (AP Photo/Jane Roe)\n\n"
  "HALIFAX, Nova Scotia -- A passenger ferry caught fire on Tuesday evening near the mouth "
  "of the harbour, and crews rescued most of the 212 people aboard.\n\n"
  "The fire started in the engine room shortly after the ferry left the terminal, the port "
  "authority said.\n\n"
  "Mayor Aisha Karimi said the city would open two shelters for the families overnight.\n";

static void
test_caption_retelling (void)
{
  static const char * const names[] = { "draft.txt", "gallery.txt", NULL };
  static const char * const texts[] = { draft_text, gallery_text, NULL };
  g_autoptr(DeskProject) project = project_from_texts (names, texts);
  g_autoptr(GPtrArray) suggestions = suggest (project);

  for (guint i = 0; i < suggestions->len; i++)
    {
      DeskSuggestion *suggestion = g_ptr_array_index (suggestions, i);

      if (strstr (desk_suggestion_get_text (suggestion), "Fireboats") != NULL ||
          desk_suggestion_get_kind (suggestion) == DESK_SUGGESTION_HEADLINE)
        g_error ("proposed: %s", desk_suggestion_get_text (suggestion));
    }
}

/* A name conflicts with the draft only where it stands in place of another name: a
 * fuller form of a name the draft gives is no other person, whatever other names the
 * draft's sentence goes on to give. */
static void
test_conflict_names (void)
{
  static const char draft[] =
    "Ferry fire in the harbour\n\n"
    "HALIFAX, Nova Scotia -- A passenger ferry caught fire on Tuesday evening near the "
    "mouth of the harbour, and crews rescued most of the 212 people aboard.\n\n"
    "Mayor Karimi thanked the crews at the harbour and the fishermen who pulled survivors "
    "from the cold water, with Chief Okafor saying the terminal would reopen.\n";
  static const char fuller[] =
    "Ferry fire in the harbour\n\n"
    "HALIFAX, Nova Scotia -- A passenger ferry caught fire on Tuesday evening near the "
    "mouth of the harbour, and crews rescued most of the 212 people aboard.\n\n"
    "Mayor Aisha Karimi thanked the crews at the harbour and the fishermen who pulled "
    "survivors from the cold water.\n";
  static const char * const names[] = { "draft.txt", "fuller.txt", NULL };
  static const char * const texts[] = { draft, fuller, NULL };
  g_autoptr(DeskProject) project = project_from_texts (names, texts);
  g_autoptr(GPtrArray) suggestions = suggest (project);

  g_assert_cmpuint (count_kind (suggestions, DESK_SUGGESTION_CONFLICT), ==, 0);
}

static void
test_accept_then_recompute (void)
{
  g_autoptr(DeskProject) project = project_from_texts (story_names, story_texts);
  g_autoptr(GPtrArray) before = suggest (project);
  g_autoptr(GPtrArray) after = NULL;
  DeskDraft *draft = desk_project_get_draft (project);
  DeskSuggestion *cutters = find_kind (before, DESK_SUGGESTION_MISSING, 0);
  DeskParagraph *inserted;

  g_assert_true (desk_suggestion_apply (cutters, draft));
  g_assert_cmpuint (desk_draft_get_n_paragraphs (draft), ==, 4);
  inserted = desk_draft_get_paragraph (draft, 2);
  g_assert_cmpstr (desk_paragraph_get_text (inserted), ==, desk_suggestion_get_text (cutters));
  /* Provenance: both sources that carried it. */
  g_assert_cmpuint (desk_paragraph_get_n_provenance (inserted), ==, 2);

  after = suggest (project);
  g_assert_cmpuint (count_kind (after, DESK_SUGGESTION_MISSING), ==, 1);
  g_assert_true (g_str_has_prefix (desk_suggestion_get_text (find_kind (after, DESK_SUGGESTION_MISSING, 0)),
                                   "The ferry, built in 1987"));
  /* The remaining missing paragraph now follows the mayor, at its new index. */
  g_assert_cmpint (desk_suggestion_get_after (find_kind (after, DESK_SUGGESTION_MISSING, 0)), ==, 3);
}

static void
test_reject_stays_rejected (void)
{
  g_autoptr(DeskProject) project = project_from_texts (story_names, story_texts);
  g_autoptr(GPtrArray) before = suggest (project);
  g_autoptr(GPtrArray) after = NULL;
  DeskSuggestion *cutters = find_kind (before, DESK_SUGGESTION_MISSING, 0);
  DeskSuggestion *conflict = find_kind (before, DESK_SUGGESTION_CONFLICT, 0);

  desk_project_add_rejected (project, desk_suggestion_get_text (cutters));
  desk_project_add_rejected (project, desk_suggestion_get_text (conflict));
  after = suggest (project);

  /* Rejected content is not proposed again, from either source that carries it. */
  g_assert_cmpuint (count_kind (after, DESK_SUGGESTION_MISSING), ==, 1);
  for (guint i = 0; i < after->len; i++)
    g_assert_null (strstr (desk_suggestion_get_text (g_ptr_array_index (after, i)), "cutters"));
  g_assert_cmpuint (count_kind (after, DESK_SUGGESTION_CONFLICT), ==, 0);
}

static void
test_apply_all_keeps_order (void)
{
  static const char * const names[] = { "draft.txt", "long.txt", NULL };
  static const char * const texts[] = {
    "Storm hits coast\n\nThe storm reached the coast at dawn with winds of 140 kilometres an hour.\n",
    "Storm hits coast\n\n"
    "The storm reached the coast at dawn with winds of 140 kilometres an hour.\n\n"
    "Power lines fell across the northern districts within minutes of landfall.\n\n"
    "Schools in the province will stay closed until further notice, officials announced.\n\n"
    "Emergency crews opened the stadium to residents whose homes were flooded overnight.\n",
    NULL
  };
  g_autoptr(DeskProject) project = project_from_texts (names, texts);
  g_autoptr(GPtrArray) suggestions = suggest (project);
  g_autoptr(GPtrArray) again = NULL;
  DeskDraft *draft = desk_project_get_draft (project);
  g_autofree char *text = NULL;

  g_assert_cmpuint (desk_suggestions_apply_all (suggestions, draft), ==, 3);
  text = desk_draft_to_text (draft);
  g_assert_cmpstr (text, ==,
                   "The storm reached the coast at dawn with winds of 140 kilometres an hour.\n\n"
                   "Power lines fell across the northern districts within minutes of landfall.\n\n"
                   "Schools in the province will stay closed until further notice, officials announced.\n\n"
                   "Emergency crews opened the stadium to residents whose homes were flooded overnight.\n");

  again = suggest (project);
  g_assert_cmpuint (count_kind (again, DESK_SUGGESTION_MISSING), ==, 0);
}

static void
test_accept_all_two_additions (void)
{
  static const char * const names[] = { "draft.txt", "one.txt", "two.txt", NULL };
  static const char * const texts[] = {
    "Vote\n\nThe council approved the budget on Monday after a long debate.\n",
    "Vote\n\nThe council approved the budget on Monday after a long debate over funding for rural school buses.\n",
    "Vote\n\nThe council approved the budget on Monday after a long debate, with nine members voting against it.\n",
    NULL
  };
  g_autoptr(DeskProject) project = project_from_texts (names, texts);
  g_autoptr(DeskSuggester) suggester = desk_suggester_new ();
  g_autoptr(GPtrArray) first = desk_suggester_suggest (suggester, project);
  g_autoptr(GPtrArray) last = NULL;
  const char *text;

  DeskSuggestion *addition;

  /* Two sources add to one paragraph, each a clause of its own: one suggestion, and the
   * merge writes no sentence of its own — the draft's sentence is offered in the words of
   * one source that says all it says, with the new words marked. The other source's
   * clause cannot join it without writing a sentence no version carries. */
  g_assert_cmpuint (count_kind (first, DESK_SUGGESTION_ADDITION), ==, 1);
  addition = find_kind (first, DESK_SUGGESTION_ADDITION, 0);
  g_assert_cmpstr (desk_suggestion_get_text (addition), ==,
                   "The council approved the budget on Monday after a long debate over funding "
                   "for rural school buses.");
  g_assert_cmpuint (desk_suggestion_get_n_marks (addition), ==, 1);
  g_assert_cmpstr (desk_suggestion_get_new_text (addition), ==, "over funding for rural school buses");

  /* Accept All takes it, converges by itself, and nothing is left. */
  g_assert_cmpuint (desk_suggester_accept_all (suggester, project), ==, 1);
  text = desk_paragraph_get_text (desk_draft_get_paragraph (desk_project_get_draft (project), 0));
  g_assert_cmpstr (text, ==, desk_suggestion_get_text (addition));
  last = desk_suggester_suggest (suggester, project);
  g_assert_cmpuint (count_kind (last, DESK_SUGGESTION_ADDITION), ==, 0);
}

static void
test_aliases_fold_entities (void)
{
  g_autoptr(DeskAliases) aliases = desk_aliases_new_default ();
  g_autoptr(DeskLexicon) lexicon = desk_lexicon_new (aliases);
  const char *a = "IS claimed the attack, U.S. officials said.";
  const char *b = "The Islamic State group claimed the attack, United States officials said.";
  g_autoptr(DeskSentence) sa = desk_sentence_new (lexicon, a, 0, strlen (a));
  g_autoptr(DeskSentence) sb = desk_sentence_new (lexicon, b, 0, strlen (b));
  g_autofree char *na = desk_sentence_normalize (lexicon, sa);
  const char *lower = "It is what it is.";
  g_autoptr(DeskSentence) sl = desk_sentence_new (lexicon, lower, 0, strlen (lower));
  g_autofree char *nl = desk_sentence_normalize (lexicon, sl);

  g_assert_cmpstr (na, ==, "=islamic_state claim the attack =united_states official said");
  g_assert_cmpuint (sa->hash, ==, sb->hash);
  /* "is" in lower case is a verb, not the Islamic State. */
  g_assert_null (strstr (nl, "islamic"));
  g_assert_cmpstr (desk_aliases_lookup (aliases, "Daesh"), ==, "Islamic State");
  g_assert_null (desk_aliases_lookup (aliases, "is"));
}

static void
test_project_aliases (void)
{
  static const char * const names[] = { "draft.txt", "other.txt", NULL };
  static const char * const texts[] = {
    "Dam\n\nOfficials of the Ministry of Water said the dam would be finished by 2027.\n",
    "Dam\n\nOfficials of Wizara ya Maji said the dam would be finished by 2027.\n",
    NULL
  };
  g_autoptr(DeskProject) project = project_from_texts (names, texts);
  g_autoptr(GPtrArray) before = suggest (project);
  g_autoptr(GPtrArray) after = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) saved = NULL;
  g_autoptr(DeskProject) reopened = NULL;

  /* Without the project's table the Swahili name reads as other content. */
  g_assert_cmpuint (count_kind (before, DESK_SUGGESTION_MISSING), ==, 1);

  g_assert_true (desk_project_set_aliases (project,
                                           "Ministry of Water = Ministry of Water | Wizara ya Maji\n",
                                           &error));
  g_assert_no_error (error);
  after = suggest (project);
  g_assert_cmpuint (after->len, ==, 0);

  /* A table that cannot be read is refused, and the old one kept. */
  g_assert_false (desk_project_set_aliases (project, "no equals sign\n", &error));
  g_assert_error (error, DESK_ERROR, DESK_ERROR_MALFORMED);
  g_clear_error (&error);
  g_assert_nonnull (strstr (desk_project_get_aliases (project), "Wizara ya Maji"));

  /* It is part of the project file. */
  saved = desk_project_file_save_to_bytes (project);
  reopened = desk_project_file_load_from_bytes (saved, "roundup.copydesk", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (desk_project_get_aliases (reopened), ==, desk_project_get_aliases (project));
}

static void
test_writethru_preferred (void)
{
  /* Two versions of one agency story (same uri) and a draft that lacks its lede. */
  static const char * const names[] = { "draft.txt", "v1.json", "v2.json", NULL };
  static const char * const texts[] = {
    "Quake\n\nRescue teams worked through the night in the mountain villages near the epicentre.\n",
    "{\"uri\": \"urn:example:quake\", \"version\": \"1\", \"type\": \"text\", "
    "\"headline\": \"Quake hits north\", \"body_text\": \"A strong earthquake struck the "
    "northern province on Sunday, killing at least 12 people and destroying hundreds of homes "
    "in the mountain districts.\\n\\nRescue teams worked through the night in the mountain "
    "villages near the epicentre.\"}",
    "{\"uri\": \"urn:example:quake\", \"version\": \"2\", \"type\": \"text\", "
    "\"headline\": \"Quake hits north\", \"body_text\": \"A strong earthquake struck the "
    "northern province on Sunday, killing at least 19 people and destroying hundreds of homes "
    "in the mountain districts.\\n\\nRescue teams worked through the night in the mountain "
    "villages near the epicentre.\"}",
    NULL
  };
  g_autoptr(DeskProject) project = project_from_texts (names, texts);
  g_autoptr(GPtrArray) suggestions = suggest (project);
  DeskSuggestion *lede = find_kind (suggestions, DESK_SUGGESTION_MISSING, 0);
  g_autoptr(DeskSource) v1 = g_list_model_get_item (desk_project_get_sources (project), 1);
  g_autoptr(DeskSource) v2 = g_list_model_get_item (desk_project_get_sources (project), 2);

  g_assert_true (desk_source_is_update_of (v2, v1));

  /* One lede, in the later version's words, naming both; the earlier is an alternative. */
  g_assert_cmpuint (count_kind (suggestions, DESK_SUGGESTION_MISSING), ==, 1);
  g_assert_nonnull (strstr (desk_suggestion_get_text (lede), "at least 19 people"));
  g_assert_cmpstr (desk_suggestion_get_source_name (lede, 0), ==, "v2.json");
  g_assert_cmpuint (desk_suggestion_get_n_sources (lede), ==, 2);
  g_assert_cmpuint (desk_suggestion_get_n_alternatives (lede), ==, 1);
  g_assert_nonnull (strstr (desk_suggestion_get_alternative_text (lede, 0), "at least 12 people"));
}

static void
test_learned_aliases (void)
{
  static const char * const names[] = { "draft.txt", "other.txt", NULL };
  static const char * const texts[] = {
    "Dam\n\nOfficials of the Ministry of Water said the dam on the northern river would be "
    "finished by 2027 and would irrigate the eastern plains.\n",
    "Dam\n\nOfficials of Wizara ya Maji said the dam on the northern river would be finished "
    "by 2027 and would irrigate the eastern plains.\n\n"
    "Herders said they had not been consulted.\n",
    NULL
  };
  static const char * const people_texts[] = {
    "Talks\n\nHollande said the coalition would strike only the terrorists and their training "
    "camps in the east.\n\nThe talks were welcomed by Putin.\n",
    "Talks\n\nPutin said the coalition would strike only the terrorists and their training "
    "camps in the east.\n\nThe talks were welcomed by Hollande.\n",
    NULL
  };
  g_autoptr(DeskProject) project = project_from_texts (names, texts);
  g_autoptr(DeskProject) people = project_from_texts (names, people_texts);
  g_autoptr(DeskSuggester) suggester = desk_suggester_new ();
  g_autoptr(GPtrArray) suggestions = desk_suggester_suggest (suggester, project);
  g_autoptr(GPtrArray) swapped = NULL;
  const char * const *learned = desk_suggester_get_learned_aliases (suggester);

  /* The renamed ministry is read as the same one: only the herders are new. */
  g_assert_nonnull (learned);
  g_assert_cmpstr (learned[0], ==, "Ministry of Water = Wizara ya Maji");
  g_assert_null (learned[1]);
  g_assert_cmpuint (suggestions->len, ==, 1);
  g_assert_true (g_str_has_prefix (desk_suggestion_get_text (g_ptr_array_index (suggestions, 0)),
                                   "Herders said"));

  /* Two people both texts name are two people: the swap is a conflict, nothing learned. */
  swapped = desk_suggester_suggest (suggester, people);
  g_assert_null (desk_suggester_get_learned_aliases (suggester)[0]);
  g_assert_cmpuint (count_kind (swapped, DESK_SUGGESTION_CONFLICT), ==, 1);
  g_assert_cmpstr (desk_suggestion_get_new_text (find_kind (swapped, DESK_SUGGESTION_CONFLICT, 0)),
                   ==, "Putin");
}

static void
test_aliases_text_form (void)
{
  g_autoptr(DeskAliases) aliases = desk_aliases_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;

  g_assert_true (desk_aliases_load_from_data (aliases,
                                              "# comment\nCoast Guard = Coast Guard | CCG\n",
                                              &error));
  g_assert_no_error (error);
  g_assert_cmpuint (desk_aliases_get_n_variants (aliases), ==, 2);
  g_assert_cmpstr (desk_aliases_lookup (aliases, "CCG"), ==, "Coast Guard");
  g_assert_cmpstr (desk_aliases_lookup (aliases, "coast guard"), ==, "Coast Guard");
  data = desk_aliases_to_data (aliases);
  g_assert_cmpstr (data, ==, "Coast Guard = Coast Guard | CCG\n");

  g_assert_false (desk_aliases_load_from_data (aliases, "no equals sign here\n", &error));
  g_assert_error (error, DESK_ERROR, DESK_ERROR_MALFORMED);
  g_assert_nonnull (strstr (error->message, "Line 1"));
}

static void
test_sentence_split (void)
{
  const char *text = "Gen. Smith met Mr. Jones in the U.S. capital on Nov. 3. "
                     "\"It went well,\" he said. Talks resume at 9 a.m. Friday! Really?";
  g_autoptr(GArray) bounds = desk_sentence_split (text);
  g_autoptr(GPtrArray) pieces = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i + 1 < bounds->len; i += 2)
    g_ptr_array_add (pieces, g_strndup (text + g_array_index (bounds, guint, i),
                                        g_array_index (bounds, guint, i + 1) -
                                        g_array_index (bounds, guint, i)));

  g_assert_cmpuint (pieces->len, ==, 4);
  g_assert_cmpstr (g_ptr_array_index (pieces, 0), ==,
                   "Gen. Smith met Mr. Jones in the U.S. capital on Nov. 3.");
  g_assert_cmpstr (g_ptr_array_index (pieces, 1), ==, "\"It went well,\" he said.");
  g_assert_cmpstr (g_ptr_array_index (pieces, 2), ==, "Talks resume at 9 a.m. Friday!");
  g_assert_cmpstr (g_ptr_array_index (pieces, 3), ==, "Really?");
}

/* A day written as an ordinal before a month's name does not end a sentence, in German
 * or French copy; a figure that ends one still does. */
static void
test_sentence_split_day_ordinal (void)
{
  static const struct { const char *text; guint n; const char *first; } cases[] = {
    { "Am 4. April 2017 trafen sich die Minister in Bonn. Sie einigten sich.", 2,
      "Am 4. April 2017 trafen sich die Minister in Bonn." },
    { "Die Wahl ist am 24. September. Danach wird gezählt.", 2,
      "Die Wahl ist am 24. September." },
    { "Le vote aura lieu le 3. Mars prochain, selon le maire. Il l'a dit.", 2,
      "Le vote aura lieu le 3. Mars prochain, selon le maire." },
    { "The vote was 52 to 48. Talks resume Friday.", 2, "The vote was 52 to 48." },
    { "The team finished 3. Mayors of both towns attended.", 2, "The team finished 3." },
  };

  for (guint c = 0; c < G_N_ELEMENTS (cases); c++)
    {
      g_autoptr(GArray) bounds = desk_sentence_split (cases[c].text);
      g_autofree char *first = g_strndup (cases[c].text, g_array_index (bounds, guint, 1));

      g_assert_cmpuint (bounds->len / 2, ==, cases[c].n);
      g_assert_cmpstr (first, ==, cases[c].first);
    }
}

static void
test_variants_off_by_default (void)
{
  static const char * const names[] = { "draft.txt", "other.txt", NULL };
  static const char * const texts[] = {
    "Talks\n\nThe delegations met for six hours because the deadline was close.\n",
    "Talks\n\nThe delegations met for six hours since the deadline was close.\n",
    NULL
  };
  g_autoptr(DeskProject) project = project_from_texts (names, texts);
  g_autoptr(DeskSuggester) suggester = desk_suggester_new ();
  g_autoptr(GPtrArray) plain = desk_suggester_suggest (suggester, project);
  g_autoptr(GPtrArray) with_variants = NULL;
  DeskSuggestion *variant;

  /* "since" / "because" is the same content: nothing to propose. */
  g_assert_cmpuint (plain->len, ==, 0);

  desk_suggester_set_show_variants (suggester, TRUE);
  with_variants = desk_suggester_suggest (suggester, project);
  g_assert_cmpuint (with_variants->len, ==, 1);
  variant = g_ptr_array_index (with_variants, 0);
  g_assert_cmpint (desk_suggestion_get_kind (variant), ==, DESK_SUGGESTION_VARIANT);
  g_assert_cmpstr (desk_suggestion_get_text (variant), ==,
                   "The delegations met for six hours since the deadline was close.");
}

/* ---- Precision and recall against answer keys ------------------------------------ */

typedef struct
{
  const char *key;
  const char *dir;      /* NULL: the project's seeds; else below COPYDESK_SHARED_DIR */
  const char *folder;
} Roundup;

static int
compare_paths (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *)a, *(const char * const *)b);
}

static GPtrArray *
list_texts (const char *dir)
{
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  GPtrArray *files = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  if (handle == NULL)
    return files;

  while ((name = g_dir_read_name (handle)) != NULL)
    if (g_str_has_suffix (name, ".txt"))
      g_ptr_array_add (files, g_build_filename (dir, name, NULL));

  g_ptr_array_sort (files, compare_paths);
  return files;
}

static void
measure (gconstpointer data)
{
  const Roundup *roundup = data;
  g_autofree char *dir = NULL;
  g_autofree char *key_path = g_test_build_filename (G_TEST_DIST, "data", "keys", roundup->key, NULL);
  g_autofree char *key = NULL;
  g_autoptr(GPtrArray) files = NULL;
  g_autoptr(DeskProject) project = desk_project_new ();
  g_autoptr(GPtrArray) suggestions = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(GError) error = NULL;
  guint items = 0, found = 0, useful = 0, total = 0, twice = 0;
  g_autofree gboolean *hit = NULL;

  if (roundup->dir == NULL)
    dir = g_build_filename (g_getenv ("COPYDESK_SEEDS_DIR"), roundup->folder, NULL);
  else if (g_getenv ("COPYDESK_SHARED_DIR") != NULL)
    dir = g_build_filename (g_getenv ("COPYDESK_SHARED_DIR"), roundup->dir, NULL);

  if (dir == NULL || !g_file_test (dir, G_FILE_TEST_IS_DIR))
    {
      g_test_skip ("the roundup's folder is absent");
      return;
    }

  files = list_texts (dir);
  g_assert_cmpuint (files->len, >=, 3);

  for (guint i = 0; i < files->len; i++)
    {
      g_autoptr(GFile) file = g_file_new_for_path (g_ptr_array_index (files, i));
      g_autoptr(DeskSource) source = desk_source_new_for_file (file, 0, NULL, &error);

      g_assert_no_error (error);
      desk_project_add_source (project, source);
      if (i == 0)
        desk_project_start_draft_from (project, source);
    }

  suggestions = suggest (project);
  hit = g_new0 (gboolean, suggestions->len);

  g_assert_true (g_file_get_contents (key_path, &key, NULL, &error));
  g_assert_no_error (error);
  lines = g_strsplit (key, "\n", -1);

  for (guint l = 0; lines[l] != NULL; l++)
    {
      const char *tab = strchr (lines[l], '\t');
      guint where = 0;

      if (lines[l][0] == '#' || tab == NULL)
        continue;

      items++;
      for (guint i = 0; i < suggestions->len; i++)
        {
          DeskSuggestion *suggestion = g_ptr_array_index (suggestions, i);
          const char *new_text = desk_suggestion_get_new_text (suggestion);

          if (strstr (desk_suggestion_get_text (suggestion), tab + 1) ||
              (new_text && strstr (new_text, tab + 1)))
            {
              hit[i] = TRUE;
              where++;
            }
        }

      if (where > 0)
        found++;
      else
        g_test_message ("%s: not proposed: %s", roundup->key, lines[l]);
      if (where > 1)
        {
          twice++;
          g_test_message ("%s: proposed more than once: %s", roundup->key, lines[l]);
        }
    }

  for (guint i = 0; i < suggestions->len; i++)
    {
      DeskSuggestion *suggestion = g_ptr_array_index (suggestions, i);

      if (desk_suggestion_get_kind (suggestion) == DESK_SUGGESTION_HEADLINE)
        continue;
      total++;
      if (hit[i])
        useful++;
      else
        g_test_message ("%s: not in the key: %s", roundup->key, desk_suggestion_get_text (suggestion));
    }

  g_test_message ("%s: recall %u/%u (%.0f%%), precision %u/%u (%.0f%%), twice %u",
                  roundup->key, found, items, 100.0 * found / items,
                  useful, total, total ? 100.0 * useful / total : 100.0, twice);

  /* What a desk editor needs: nearly everything the draft lacks, very little noise,
   * nothing twice. */
  g_assert_cmpfloat ((double)found / items, >=, 0.9);
  g_assert_cmpfloat ((double)useful / MAX (total, 1), >=, 0.85);
  g_assert_cmpuint (twice, <=, 1);
}

/* Where a suggestion stands now (desk_suggestion_place()). */

static void
notify_count_cb (GObject    *object,
                 GParamSpec *pspec,
                 guint      *count)
{
  (*count)++;
}

static void
test_place (void)
{
  g_autoptr(DeskSuggestion) suggestion = desk_suggestion_new (DESK_SUGGESTION_ADDITION, "text",
                                                              -1, 3, 0.5);
  guint notified = 0;

  g_signal_connect (suggestion, "notify::after", G_CALLBACK (notify_count_cb), &notified);
  g_assert_cmpint (desk_suggestion_placed_after (suggestion), ==, -1);
  g_assert_cmpint (desk_suggestion_placed_target (suggestion), ==, 3);

  desk_suggestion_place (suggestion, -1, 3);
  g_assert_cmpuint (notified, ==, 0);
  desk_suggestion_place (suggestion, -1, 4);
  g_assert_cmpuint (notified, ==, 1);
  g_assert_cmpint (desk_suggestion_placed_target (suggestion), ==, 4);
  /* The suggester's own place is kept. */
  g_assert_cmpint (desk_suggestion_get_target (suggestion), ==, 3);
  desk_suggestion_place (suggestion, -1, 4);
  g_assert_cmpuint (notified, ==, 1);
  desk_suggestion_place (suggestion, -1, 3);
  g_assert_cmpuint (notified, ==, 2);
  g_assert_cmpint (desk_suggestion_placed_target (suggestion), ==, 3);
}

/* Rebasing after an accept (desk_suggestions_rebase_after_accept()). */

static DeskSuggestion *
find_text (GPtrArray  *suggestions,
           const char *prefix,
           guint      *position)
{
  for (guint i = 0; i < suggestions->len; i++)
    {
      DeskSuggestion *suggestion = g_ptr_array_index (suggestions, i);

      if (g_str_has_prefix (desk_suggestion_get_text (suggestion), prefix))
        {
          if (position != NULL)
            *position = i;
          return suggestion;
        }
    }

  g_error ("no suggestion starts with “%s”", prefix);
  return NULL;
}

static GPtrArray *
hand_made (const DeskSuggestionKind *kinds,
           const int                *places,
           guint                     n)
{
  GPtrArray *suggestions = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *text = g_strdup_printf ("suggestion %u", i);
      gboolean missing = kinds[i] == DESK_SUGGESTION_MISSING;

      g_ptr_array_add (suggestions, desk_suggestion_new (kinds[i], text,
                                                         missing ? places[i] : -1,
                                                         missing ? -1 : places[i], 0.5));
    }

  return suggestions;
}

static void
test_rebase_missing_hand_made (void)
{
  static const DeskSuggestionKind kinds[] = {
    DESK_SUGGESTION_HEADLINE,  /* 0: no paragraph */
    DESK_SUGGESTION_MISSING,   /* 1: after 0 */
    DESK_SUGGESTION_MISSING,   /* 2: after 1, listed before the accepted one */
    DESK_SUGGESTION_MISSING,   /* 3: after 1, accepted */
    DESK_SUGGESTION_MISSING,   /* 4: after 1, listed after it */
    DESK_SUGGESTION_ADDITION,  /* 5: paragraph 1 */
    DESK_SUGGESTION_ADDITION,  /* 6: paragraph 2 */
    DESK_SUGGESTION_CONFLICT,  /* 7: paragraph 2 */
    DESK_SUGGESTION_VARIANT,   /* 8: paragraph 5 */
    DESK_SUGGESTION_MISSING,   /* 9: after 4 */
    DESK_SUGGESTION_MISSING,   /* 10: at the top */
  };
  static const int places[] = { -1, 0, 1, 1, 1, 1, 2, 2, 5, 4, -1 };
  static const guint want_index[] = { 0, 1, 2, 4, 5, 6, 7, 8, 9, 10 };
  static const int want_after[] = { -1, 0, 1, 2, -1, -1, -1, -1, 5, -1 };
  static const int want_target[] = { -1, -1, -1, -1, 1, 3, 3, 6, -1, -1 };
  g_autoptr(GPtrArray) suggestions = hand_made (kinds, places, G_N_ELEMENTS (kinds));
  g_autoptr(GPtrArray) kept = NULL;

  /* The accepted paragraph goes in at 2: what follows paragraph 2 or later moves down one;
   * of the others after paragraph 1, the one listed later follows the inserted one. */
  kept = desk_suggestions_rebase_after_accept (suggestions, 3);
  g_assert_cmpuint (kept->len, ==, G_N_ELEMENTS (want_index));
  for (guint i = 0; i < kept->len; i++)
    {
      DeskSuggestion *suggestion = g_ptr_array_index (kept, i);

      /* The same objects, in the same order. */
      g_assert_true (suggestion == g_ptr_array_index (suggestions, want_index[i]));
      g_assert_cmpint (desk_suggestion_placed_after (suggestion), ==, want_after[i]);
      g_assert_cmpint (desk_suggestion_placed_target (suggestion), ==, want_target[i]);
    }
  /* The accepted one stays where it was. */
  g_assert_cmpint (desk_suggestion_placed_after (g_ptr_array_index (suggestions, 3)), ==, 1);
}

static void
test_rebase_settles_versions (void)
{
  static const DeskSuggestionKind kinds[] = {
    DESK_SUGGESTION_HEADLINE,
    DESK_SUGGESTION_HEADLINE,
    DESK_SUGGESTION_MISSING,
    DESK_SUGGESTION_ADDITION,
    DESK_SUGGESTION_VARIANT,
    DESK_SUGGESTION_ADDITION,
    DESK_SUGGESTION_CONFLICT,
    DESK_SUGGESTION_ADDITION,
    DESK_SUGGESTION_STYLE,
  };
  static const int places[] = { -1, -1, 1, 2, 2, 2, 2, 3, -1 };
  g_autoptr(GPtrArray) suggestions = hand_made (kinds, places, G_N_ELEMENTS (kinds));
  g_autoptr(GPtrArray) kept = NULL;
  g_autoptr(GPtrArray) kept_headline = NULL;

  /* An addition to paragraph 2 settles the other addition and the variant of paragraph 2,
   * not the conflict there nor the addition to paragraph 3; it moves nothing. */
  kept = desk_suggestions_rebase_after_accept (suggestions, 5);
  g_assert_cmpuint (kept->len, ==, 6);
  g_assert_true (g_ptr_array_index (kept, 0) == g_ptr_array_index (suggestions, 0));
  g_assert_true (g_ptr_array_index (kept, 1) == g_ptr_array_index (suggestions, 1));
  g_assert_true (g_ptr_array_index (kept, 2) == g_ptr_array_index (suggestions, 2));
  g_assert_true (g_ptr_array_index (kept, 3) == g_ptr_array_index (suggestions, 6));
  g_assert_true (g_ptr_array_index (kept, 4) == g_ptr_array_index (suggestions, 7));
  g_assert_true (g_ptr_array_index (kept, 5) == g_ptr_array_index (suggestions, 8));
  for (guint i = 0; i < suggestions->len; i++)
    {
      DeskSuggestion *suggestion = g_ptr_array_index (suggestions, i);

      g_assert_cmpint (desk_suggestion_placed_after (suggestion), ==,
                       desk_suggestion_get_after (suggestion));
      g_assert_cmpint (desk_suggestion_placed_target (suggestion), ==,
                       desk_suggestion_get_target (suggestion));
    }

  /* A variant settles the additions of its paragraph too, by where they stand now. */
  desk_suggestion_place (g_ptr_array_index (suggestions, 7), -1, 2);
  g_clear_pointer (&kept, g_ptr_array_unref);
  kept = desk_suggestions_rebase_after_accept (suggestions, 4);
  g_assert_cmpuint (kept->len, ==, 5);
  g_assert_true (g_ptr_array_index (kept, 3) == g_ptr_array_index (suggestions, 6));
  g_assert_true (g_ptr_array_index (kept, 4) == g_ptr_array_index (suggestions, 8));

  /* A headline settles every other headline, and only those. */
  kept_headline = desk_suggestions_rebase_after_accept (suggestions, 1);
  g_assert_cmpuint (kept_headline->len, ==, suggestions->len - 2);
  g_assert_true (g_ptr_array_index (kept_headline, 0) == g_ptr_array_index (suggestions, 2));
}

/* An invented roundup: the wire copy has two paragraphs the draft lacks after its lead,
 * another figure in the third paragraph and one paragraph more at the end; a second
 * source adds a clause to the last paragraph. */
static const char bridge_draft[] =
  "Bridge closes for repairs\n\n"
  "The harbour bridge will close for three weekends starting Friday, the transport "
  "ministry said on Monday.\n\n"
  "Drivers should expect delays of up to 40 minutes on the detour through the city "
  "centre.\n\n"
  "The repairs will cost 18 million dollars, the ministry said.\n\n"
  "Mayor Lena Vogt urged residents to take the ferry or work from home.\n";

static const char bridge_wire[] =
  "Bridge to shut for three weekends\n\n"
  "The harbour bridge will close for three weekends starting Friday, the transport "
  "ministry said on Monday.\n\n"
  "Crews will replace the expansion joints and resurface the northbound deck.\n\n"
  "The work was postponed twice last year because of the wet autumn weather.\n\n"
  "Drivers should expect delays of up to 40 minutes on the detour through the city "
  "centre.\n\n"
  "The repairs will cost 21 million dollars, the ministry said.\n\n"
  "Mayor Lena Vogt urged residents to take the ferry or work from home.\n\n"
  "Extra buses will run every ten minutes across the older crossing upstream.\n";

static const char bridge_second[] =
  "Bridge closes for repairs\n\n"
  "The harbour bridge will close for three weekends starting Friday, the transport "
  "ministry said on Monday.\n\n"
  "Drivers should expect delays of up to 40 minutes on the detour through the city "
  "centre.\n\n"
  "The repairs will cost 18 million dollars, the ministry said.\n\n"
  "Mayor Lena Vogt urged residents to take the ferry or work from home, and the ferry "
  "service will add four sailings on each of the three weekends.\n";

/* Every suggestion kept stands where the suggester, run again on the changed draft,
 * puts the same suggestion: a missing paragraph by the paragraph it follows, the others
 * by the paragraph they concern (the suggester gives those an `after` equal to their
 * target, which the rebase leaves alone, as the window always did). */
static void
assert_placed_as_recomputed (GPtrArray   *kept,
                             DeskProject *project)
{
  g_autoptr(GPtrArray) again = suggest (project);

  g_assert_cmpuint (again->len, ==, kept->len);
  for (guint i = 0; i < kept->len; i++)
    {
      DeskSuggestion *suggestion = g_ptr_array_index (kept, i);
      DeskSuggestion *fresh = find_text (again, desk_suggestion_get_text (suggestion), NULL);

      g_assert_cmpint (desk_suggestion_get_kind (suggestion), ==, desk_suggestion_get_kind (fresh));
      if (desk_suggestion_get_kind (suggestion) == DESK_SUGGESTION_MISSING)
        g_assert_cmpint (desk_suggestion_placed_after (suggestion), ==, desk_suggestion_get_after (fresh));
      g_assert_cmpint (desk_suggestion_placed_target (suggestion), ==, desk_suggestion_get_target (fresh));
    }
}

static void
test_rebase_roundup (void)
{
  static const char * const names[] = { "draft.txt", "wire.txt", "second.txt", NULL };
  static const char * const texts[] = { bridge_draft, bridge_wire, bridge_second, NULL };
  g_autoptr(DeskProject) project = project_from_texts (names, texts);
  g_autoptr(GPtrArray) suggestions = suggest (project);
  g_autoptr(GPtrArray) kept = NULL;
  g_autoptr(GPtrArray) kept_again = NULL;
  DeskSuggestion *crews, *postponed, *addition, *conflict, *buses;
  guint position;

  g_assert_cmpuint (suggestions->len, ==, 6);
  crews = find_text (suggestions, "Crews will replace", &position);
  postponed = find_text (suggestions, "The work was postponed", NULL);
  addition = find_kind (suggestions, DESK_SUGGESTION_ADDITION, 0);
  conflict = find_kind (suggestions, DESK_SUGGESTION_CONFLICT, 0);
  buses = find_text (suggestions, "Extra buses", NULL);
  g_assert_nonnull (addition);
  g_assert_nonnull (conflict);
  g_assert_cmpint (desk_suggestion_get_after (crews), ==, 0);
  g_assert_cmpint (desk_suggestion_get_after (postponed), ==, 0);
  g_assert_cmpint (desk_suggestion_get_target (conflict), ==, 2);
  g_assert_cmpint (desk_suggestion_get_target (addition), ==, 3);
  g_assert_cmpint (desk_suggestion_get_after (buses), ==, 3);

  /* Accepting the first missing paragraph puts it at 1: the second, listed after it,
   * follows it, and everything from the old paragraph 1 on moves down one. */
  g_assert_true (desk_suggestion_apply (crews, desk_project_get_draft (project)));
  kept = desk_suggestions_rebase_after_accept (suggestions, position);
  g_assert_cmpuint (kept->len, ==, suggestions->len - 1);
  g_assert_cmpint (desk_suggestion_placed_after (postponed), ==, 1);
  g_assert_cmpint (desk_suggestion_placed_target (conflict), ==, 3);
  g_assert_cmpint (desk_suggestion_placed_target (addition), ==, 4);
  g_assert_cmpint (desk_suggestion_placed_after (buses), ==, 4);
  assert_placed_as_recomputed (kept, project);

  /* Accepting the addition moves nothing and keeps the others. */
  for (position = 0; g_ptr_array_index (kept, position) != addition; position++)
    ;
  kept_again = desk_suggestions_rebase_after_accept (kept, position);
  g_assert_cmpuint (kept_again->len, ==, kept->len - 1);
  g_assert_cmpint (desk_suggestion_placed_after (postponed), ==, 1);
  g_assert_cmpint (desk_suggestion_placed_target (conflict), ==, 3);
  g_assert_cmpint (desk_suggestion_placed_after (buses), ==, 4);
}

int
main (int   argc,
      char *argv[])
{
  static const Roundup shared = { "shared-seeds.key", "seeds", NULL };
  static const Roundup harbour = { "harbour-fire.key", NULL, "harbour-fire" };
  static const Roundup dam = { "dam-talks.key", NULL, "dam-talks" };

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/suggester/missing/once-in-place", test_missing_once_in_place);
  g_test_add_func ("/suggester/missing/new-top", test_new_top_only_from_the_top);
  g_test_add_func ("/suggester/conflict/role-word", test_no_conflict_for_role_word);
  g_test_add_func ("/suggester/addition/clause", test_addition_marks_clause);
  g_test_add_func ("/suggester/highlights", test_highlights);
  g_test_add_func ("/suggester/conflict/number", test_conflict_on_number);
  g_test_add_func ("/suggester/conflict/names", test_conflict_names);
  g_test_add_func ("/suggester/addition/restated", test_restated_extension);
  g_test_add_func ("/suggester/headline/alternatives", test_headline_alternatives);
  g_test_add_func ("/suggester/caption-retelling", test_caption_retelling);
  g_test_add_func ("/suggester/decisions/accept", test_accept_then_recompute);
  g_test_add_func ("/suggester/decisions/reject", test_reject_stays_rejected);
  g_test_add_func ("/suggester/decisions/apply-all", test_apply_all_keeps_order);
  g_test_add_func ("/suggester/decisions/accept-all", test_accept_all_two_additions);
  g_test_add_func ("/suggester/placement", test_place);
  g_test_add_func ("/suggester/rebase/missing", test_rebase_missing_hand_made);
  g_test_add_func ("/suggester/rebase/settles-versions", test_rebase_settles_versions);
  g_test_add_func ("/suggester/rebase/roundup", test_rebase_roundup);
  g_test_add_func ("/suggester/variants", test_variants_off_by_default);
  g_test_add_func ("/sentence/aliases", test_aliases_fold_entities);
  g_test_add_func ("/sentence/alias-table", test_aliases_text_form);
  g_test_add_func ("/suggester/project-aliases", test_project_aliases);
  g_test_add_func ("/suggester/writethru-preferred", test_writethru_preferred);
  g_test_add_func ("/suggester/learned-aliases", test_learned_aliases);
  g_test_add_func ("/sentence/split", test_sentence_split);
  g_test_add_func ("/sentence/split-day-ordinal", test_sentence_split_day_ordinal);
  g_test_add_data_func ("/suggester/keys/shared-seeds", &shared, measure);
  g_test_add_data_func ("/suggester/keys/harbour-fire", &harbour, measure);
  g_test_add_data_func ("/suggester/keys/dam-talks", &dam, measure);

  return g_test_run ();
}
