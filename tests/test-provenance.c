/* test-provenance.c: which source carried which sentence of a draft paragraph
 *
 * A paragraph taken from a block is one span of that block's source; an accepted addition
 * splices a sentence in with the addition's sources; the spans follow typing, splits and
 * merges, undo and redo, and a save and open of the project.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include <json-glib/json-glib.h>

#include "desk-project-file.h"
#include "desk-suggester.h"
#include "desk-undo-stack.h"

/* An invented story: the newspaper's version has a sentence more in its lead paragraph. */
static const char wire_text[] =
  "Harbour ferry catches fire\n\n"
  "HALIFAX, Nova Scotia -- A passenger ferry caught fire on Tuesday evening near the mouth "
  "of the harbour. Crews rescued most of the 212 people aboard within the hour.\n\n"
  "Mayor Aisha Karimi said the city would open two shelters for the families overnight.\n";

static const char paper_text[] =
  "Ferry fire in Halifax harbour\n\n"
  "HALIFAX, Nova Scotia -- A passenger ferry caught fire on Tuesday evening near the mouth "
  "of the harbour. The blaze started in the engine room, the port authority said. Crews "
  "rescued most of the 212 people aboard within the hour.\n\n"
  "Mayor Aisha Karimi said the city would open two shelters for the families overnight.\n";

#define ADDED "The blaze started in the engine room, the port authority said."
#define FIRST "A passenger ferry"
#define LAST  "Crews rescued"

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

typedef struct
{
  DeskProject *project;
  DeskSource  *wire;
  DeskSource  *paper;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->project = desk_project_new ();
  fixture->wire = source_from_text ("wire.txt", wire_text);
  fixture->paper = source_from_text ("paper.txt", paper_text);
  desk_project_add_source (fixture->project, fixture->wire);
  desk_project_add_source (fixture->project, fixture->paper);
  desk_project_start_draft_from (fixture->project, fixture->wire);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->wire);
  g_clear_object (&fixture->paper);
  g_clear_object (&fixture->project);
}

/* The draft paragraph that holds @needle. */
static guint
paragraph_with (DeskProject *project,
                const char  *needle)
{
  DeskDraft *draft = desk_project_get_draft (project);

  for (guint i = 0; i < desk_draft_get_n_paragraphs (draft); i++)
    if (strstr (desk_paragraph_get_text (desk_draft_get_paragraph (draft, i)), needle) != NULL)
      return i;

  g_error ("No paragraph holds “%s”", needle);
}

/* The one source id that carried the text at @needle (plus @shift bytes) in @paragraph. */
static char *
dup_source_at (DeskParagraph *paragraph,
               const char    *needle,
               guint          shift)
{
  const char *text = desk_paragraph_get_text (paragraph);
  const char *found = strstr (text, needle);
  g_auto(GStrv) ids = NULL;

  g_assert_nonnull (found);
  ids = desk_paragraph_dup_sources_at (paragraph, found - text + shift);
  g_assert_nonnull (ids);
  g_assert_cmpuint (g_strv_length (ids), ==, 1);

  return g_strdup (ids[0]);
}

#define assert_source_at(paragraph, needle, source) \
  G_STMT_START { \
    g_autofree char *_id = dup_source_at ((paragraph), (needle), 0); \
    g_assert_cmpstr (_id, ==, desk_source_get_id (source)); \
  } G_STMT_END

/* Accepts the addition the paper's version brings to the lead. */
static void
accept_addition (Fixture *fixture)
{
  g_autoptr(DeskSuggester) suggester = desk_suggester_new ();
  g_autoptr(GPtrArray) suggestions = desk_suggester_suggest (suggester, fixture->project);
  DeskSuggestion *addition = NULL;

  for (guint i = 0; i < suggestions->len; i++)
    if (desk_suggestion_get_kind (g_ptr_array_index (suggestions, i)) == DESK_SUGGESTION_ADDITION)
      addition = g_ptr_array_index (suggestions, i);
  g_assert_nonnull (addition);
  g_assert_nonnull (strstr (desk_suggestion_get_text (addition), ADDED));

  g_assert_true (desk_suggestion_apply (addition, desk_project_get_draft (fixture->project)));
}

/* A paragraph taken from a block is all that block's source. */
static void
test_from_block (Fixture       *fixture,
                 gconstpointer  data)
{
  DeskDraft *draft = desk_project_get_draft (fixture->project);
  DeskParagraph *lead = desk_draft_get_paragraph (draft, paragraph_with (fixture->project, FIRST));
  guint start, end;

  g_assert_cmpuint (desk_paragraph_get_n_spans (lead), ==, 1);
  g_assert_cmpuint (desk_paragraph_get_span (lead, 0, &start, &end), ==, 1);
  g_assert_cmpuint (start, ==, 0);
  g_assert_cmpuint (end, ==, strlen (desk_paragraph_get_text (lead)));
  assert_source_at (lead, FIRST, fixture->wire);
  assert_source_at (lead, LAST, fixture->wire);
  /* The end of the text (the caret after the last word) belongs to the last span. */
  g_assert_cmpint (desk_paragraph_find_span (lead, end), ==, 0);
}

/* The spliced sentence is the paper's; the rest of the paragraph stays the wire's. */
static void
test_addition (Fixture       *fixture,
               gconstpointer  data)
{
  DeskDraft *draft = desk_project_get_draft (fixture->project);
  DeskParagraph *lead;
  const char *text;
  guint start, end;
  int span;

  accept_addition (fixture);
  lead = desk_draft_get_paragraph (draft, paragraph_with (fixture->project, ADDED));
  text = desk_paragraph_get_text (lead);

  assert_source_at (lead, FIRST, fixture->wire);
  assert_source_at (lead, ADDED, fixture->paper);
  assert_source_at (lead, "port authority", fixture->paper);
  assert_source_at (lead, LAST, fixture->wire);

  /* The paper's span is the sentence, first character to last. */
  span = desk_paragraph_find_span (lead, strstr (text, ADDED) - text);
  g_assert_cmpint (span, >=, 0);
  desk_paragraph_get_span (lead, span, &start, &end);
  g_assert_cmpuint (end - start, ==, strlen (ADDED));
  g_assert_true (strncmp (text + start, ADDED, end - start) == 0);
  g_assert_cmpuint (desk_paragraph_get_n_spans (lead), ==, 3);

  /* The paragraph as a whole came from both. */
  g_assert_true (desk_paragraph_has_source (lead, desk_source_get_id (fixture->wire)));
  g_assert_true (desk_paragraph_has_source (lead, desk_source_get_id (fixture->paper)));
}

/* Undo and redo put the spans back with the text. */
static void
test_undo (Fixture       *fixture,
           gconstpointer  data)
{
  g_autoptr(DeskUndoStack) stack = desk_undo_stack_new ();
  DeskDraft *draft = desk_project_get_draft (fixture->project);
  DeskDraftState *state;
  DeskParagraph *lead;

  desk_undo_stack_begin_decision (stack, fixture->project);
  accept_addition (fixture);
  g_assert_true (desk_undo_stack_end_decision (stack, "Accept Addition", FALSE));

  state = desk_undo_stack_undo (stack);
  desk_draft_state_restore (state, fixture->project);
  lead = desk_draft_get_paragraph (draft, paragraph_with (fixture->project, FIRST));
  g_assert_null (strstr (desk_paragraph_get_text (lead), ADDED));
  g_assert_cmpuint (desk_paragraph_get_n_spans (lead), ==, 1);
  assert_source_at (lead, LAST, fixture->wire);

  state = desk_undo_stack_redo (stack);
  desk_draft_state_restore (state, fixture->project);
  lead = desk_draft_get_paragraph (draft, paragraph_with (fixture->project, ADDED));
  assert_source_at (lead, ADDED, fixture->paper);
  assert_source_at (lead, LAST, fixture->wire);
}

/* Saved and opened again, each sentence keeps its sources. */
static void
test_round_trip (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("copydesk-provenance-XXXXXX", &error);
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(DeskProject) opened = NULL;
  DeskDraft *draft, *opened_draft;

  g_assert_no_error (error);
  path = g_build_filename (dir, "ferry.copydesk", NULL);
  file = g_file_new_for_path (path);

  accept_addition (fixture);
  g_assert_true (desk_project_file_save (fixture->project, file, NULL, &error));
  g_assert_no_error (error);
  opened = desk_project_file_load (file, NULL, &error);
  g_assert_no_error (error);

  draft = desk_project_get_draft (fixture->project);
  opened_draft = desk_project_get_draft (opened);
  g_assert_cmpuint (desk_draft_get_n_paragraphs (opened_draft), ==,
                    desk_draft_get_n_paragraphs (draft));
  for (guint i = 0; i < desk_draft_get_n_paragraphs (draft); i++)
    g_assert_true (desk_paragraph_provenance_equal (desk_draft_get_paragraph (draft, i),
                                                    desk_draft_get_paragraph (opened_draft, i)));
  {
    DeskParagraph *lead = desk_draft_get_paragraph (opened_draft, paragraph_with (opened, ADDED));
    g_autofree char *added = dup_source_at (lead, ADDED, 0);
    g_autofree char *last = dup_source_at (lead, LAST, 0);

    g_assert_cmpstr (added, ==, desk_source_get_id (fixture->paper));
    g_assert_cmpstr (last, ==, desk_source_get_id (fixture->wire));
  }

  g_unlink (path);
  g_rmdir (dir);
}

/* A file from before spans (or one whose spans do not fit) opens: without spans, or not. */
static void
test_file_without_spans (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("copydesk-provenance-XXXXXX", &error);
  g_autofree char *path = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(DeskProject) opened = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  JsonArray *paragraphs;
  DeskParagraph *lead;
  g_auto(GStrv) ids = NULL;

  g_assert_no_error (error);
  path = g_build_filename (dir, "ferry.copydesk", NULL);
  file = g_file_new_for_path (path);
  accept_addition (fixture);
  g_assert_true (desk_project_file_save (fixture->project, file, NULL, &error));
  g_assert_no_error (error);

  /* As an older Copydesk wrote it: no "spans". */
  g_assert_true (json_parser_load_from_file (parser, path, &error));
  g_assert_no_error (error);
  paragraphs = json_object_get_array_member (
    json_object_get_object_member (json_node_get_object (json_parser_get_root (parser)), "draft"),
    "paragraphs");
  for (guint i = 0; i < json_array_get_length (paragraphs); i++)
    json_object_remove_member (json_array_get_object_element (paragraphs, i), "spans");
  json_generator_set_root (generator, json_parser_get_root (parser));
  g_assert_true (json_generator_to_file (generator, path, &error));
  g_assert_no_error (error);

  opened = desk_project_file_load (file, NULL, &error);
  g_assert_no_error (error);
  lead = desk_draft_get_paragraph (desk_project_get_draft (opened), paragraph_with (opened, ADDED));
  g_assert_cmpuint (desk_paragraph_get_n_spans (lead), ==, 0);
  /* Every sentence answers with the paragraph's sources. */
  ids = desk_paragraph_dup_sources_at (lead, 0);
  g_assert_cmpuint (g_strv_length (ids), ==, 2);
  g_clear_object (&opened);

  /* A span past the end of its paragraph's text is damage, named. */
  {
    JsonObject *first = json_array_get_object_element (paragraphs, 0);
    JsonArray *spans = json_array_new ();
    JsonObject *span = json_object_new ();

    json_object_set_int_member (span, "start", 0);
    json_object_set_int_member (span, "end", 100000);
    json_object_set_array_member (span, "sources", json_array_new ());
    json_array_add_object_element (spans, span);
    json_object_set_array_member (first, "spans", spans);
  }
  g_assert_true (json_generator_to_file (generator, path, &error));
  g_assert_no_error (error);
  opened = desk_project_file_load (file, NULL, &error);
  g_assert_null (opened);
  g_assert_error (error, DESK_ERROR, DESK_ERROR_MALFORMED);
  g_assert_nonnull (strstr (error->message, "draft.paragraphs[0].spans[0]"));

  g_unlink (path);
  g_rmdir (dir);
}

/* @text with the first @from in it replaced by @to. */
static char *
replace_once (const char *text,
              const char *from,
              const char *to)
{
  const char *found = strstr (text, from);

  g_assert_nonnull (found);
  return g_strdup_printf ("%.*s%s%s", (int)(found - text), text, to, found + strlen (from));
}

static void
reconcile_lines (DeskDraft          *draft,
                 const char * const *lines)
{
  desk_draft_reconcile (draft, lines, g_strv_length ((char **)lines));
}

/* Typing inside a sentence keeps the spans; a sentence deleted takes its span along; a
 * split keeps each half's; a rewrite drops to the paragraph's sources. */
static void
test_typing (Fixture       *fixture,
             gconstpointer  data)
{
  DeskDraft *draft = desk_project_get_draft (fixture->project);
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);
  DeskParagraph *lead;
  guint at;
  char *text;
  char *found;

  accept_addition (fixture);
  at = paragraph_with (fixture->project, ADDED);
  for (guint i = 0; i < desk_draft_get_n_paragraphs (draft); i++)
    g_ptr_array_add (lines, g_strdup (desk_paragraph_get_text (desk_draft_get_paragraph (draft, i))));
  g_ptr_array_add (lines, NULL);

  /* A word typed into the added sentence, one into the wire's last sentence. */
  text = lines->pdata[at];
  lines->pdata[at] = replace_once (text, "engine room", "ship's engine room");
  g_free (text);
  text = lines->pdata[at];
  lines->pdata[at] = replace_once (text, "within the hour", "within the first hour");
  g_free (text);
  reconcile_lines (draft, (const char * const *)lines->pdata);
  lead = desk_draft_get_paragraph (draft, at);
  g_assert_nonnull (strstr (desk_paragraph_get_text (lead), "ship's engine room"));
  assert_source_at (lead, "ship's", fixture->paper);
  assert_source_at (lead, "the port authority said", fixture->paper);
  assert_source_at (lead, "first hour", fixture->wire);
  assert_source_at (lead, FIRST, fixture->wire);
  g_assert_cmpuint (desk_paragraph_get_n_spans (lead), ==, 3);

  /* Text typed at the end of the paper's sentence is part of it. */
  text = lines->pdata[at];
  lines->pdata[at] = replace_once (text, "authority said.", "authority said on Wednesday.");
  g_free (text);
  reconcile_lines (draft, (const char * const *)lines->pdata);
  lead = desk_draft_get_paragraph (draft, at);
  assert_source_at (lead, "on Wednesday", fixture->paper);

  /* Split after the paper's sentence: the first half ends with it, the second is the wire's. */
  text = lines->pdata[at];
  found = strstr (text, " " LAST);
  g_assert_nonnull (found);
  g_ptr_array_insert (lines, at + 1, g_strdup (found + 1));
  *found = '\0';
  reconcile_lines (draft, (const char * const *)lines->pdata);
  lead = desk_draft_get_paragraph (draft, at);
  assert_source_at (lead, FIRST, fixture->wire);
  assert_source_at (lead, "port authority", fixture->paper);
  g_assert_cmpuint (desk_paragraph_get_n_spans (desk_draft_get_paragraph (draft, at + 1)), ==, 1);
  assert_source_at (desk_draft_get_paragraph (draft, at + 1), LAST, fixture->wire);

  /* The paper's sentence deleted: the rest is the wire's, one span. */
  text = lines->pdata[at];
  found = strstr (text, " The blaze");
  g_assert_nonnull (found);
  *found = '\0';
  reconcile_lines (draft, (const char * const *)lines->pdata);
  lead = desk_draft_get_paragraph (draft, at);
  g_assert_cmpuint (desk_paragraph_get_n_spans (lead), ==, 1);
  assert_source_at (lead, FIRST, fixture->wire);

  /* Retyped from scratch in place: no span is left, the paragraph's sources answer. */
  desk_draft_set_paragraph_text (draft, at, "Entirely new words from the desk.");
  lead = desk_draft_get_paragraph (draft, at);
  g_assert_cmpuint (desk_paragraph_get_n_spans (lead), ==, 0);
  {
    g_auto(GStrv) ids = desk_paragraph_dup_sources_at (lead, 3);

    g_assert_true (g_strv_contains ((const char * const *)ids, desk_source_get_id (fixture->wire)));
  }
}

/* Spans given by hand: a span inside another splits it; edits move what follows. */
static void
test_spans_follow_text (void)
{
  g_autoptr(DeskParagraph) paragraph = desk_paragraph_new_from_block ("One two. Three four. Five six.",
                                                                       "a", 0);
  guint start, end;

  desk_paragraph_add_span (paragraph, 9, 20, "b", 3);
  g_assert_cmpuint (desk_paragraph_get_n_spans (paragraph), ==, 3);
  desk_paragraph_get_span (paragraph, 2, &start, &end);
  g_assert_cmpuint (start, ==, 20);
  g_assert_cmpuint (end, ==, 30);
  /* A second source for the same sentence joins its span. */
  desk_paragraph_add_span (paragraph, 9, 20, "c", 1);
  g_assert_cmpuint (desk_paragraph_get_n_spans (paragraph), ==, 3);
  g_assert_cmpuint (desk_paragraph_get_span (paragraph, 1, NULL, NULL), ==, 2);

  /* Words typed at the start move every span after them. */
  desk_paragraph_set_text (paragraph, "Zero. One two. Three four. Five six.");
  desk_paragraph_get_span (paragraph, 1, &start, &end);
  g_assert_cmpuint (start, ==, 15);
  g_assert_cmpuint (end, ==, 26);
  g_assert_cmpstr (desk_paragraph_get_span_source (paragraph, 1, 1), ==, "c");
  g_assert_cmpuint (desk_paragraph_get_span_block (paragraph, 1, 0), ==, 3);

  /* Non-ASCII replaced in two places at once (house style): the middle span stays put. */
  desk_paragraph_set_text (paragraph, "Zero. One – two. Three four. Five – six.");
  desk_paragraph_get_span (paragraph, 1, &start, &end);
  g_assert_cmpstr (desk_paragraph_get_text (paragraph) + start, ==, "Three four. Five – six.");
  g_assert_cmpuint (end - start, ==, strlen ("Three four."));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/provenance/spans-follow-text", test_spans_follow_text);
  g_test_add ("/provenance/from-block", Fixture, NULL, fixture_set_up, test_from_block,
              fixture_tear_down);
  g_test_add ("/provenance/addition", Fixture, NULL, fixture_set_up, test_addition,
              fixture_tear_down);
  g_test_add ("/provenance/undo", Fixture, NULL, fixture_set_up, test_undo, fixture_tear_down);
  g_test_add ("/provenance/round-trip", Fixture, NULL, fixture_set_up, test_round_trip,
              fixture_tear_down);
  g_test_add ("/provenance/file-without-spans", Fixture, NULL, fixture_set_up,
              test_file_without_spans, fixture_tear_down);
  g_test_add ("/provenance/typing", Fixture, NULL, fixture_set_up, test_typing,
              fixture_tear_down);

  return g_test_run ();
}
