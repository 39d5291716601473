/* test-recompute.c: a suggester that keeps what it read of the sources suggests what a new
 * one does
 *
 * The suggester keeps, between runs, what it read of each source alone (its sentences, its
 * captions, which paragraphs read as running text). These tests take decisions one by one
 * on real roundups, as an editor does, and compare after each what the suggester that has
 * run all along proposes with what a new suggester proposes on the same project; and they
 * correct a block's role and check that the source is read again.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <json-glib/json-glib.h>

#include "desk-block-model.h"
#include "desk-suggester.h"

/* Decisions taken on each roundup, at most: enough to go through most of a case. */
#define MAX_STEPS 24

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

static DeskSource *
source_from_file (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  DeskSource *source = desk_source_new_for_file (file, 0, NULL, &error);

  g_assert_no_error (error);
  return source;
}

/* Two suggestions are the same when everything the editor sees and accepts is. */
static void
assert_same_suggestions (GPtrArray  *cached,
                         GPtrArray  *fresh,
                         const char *where,
                         guint       step)
{
  if (cached->len != fresh->len)
    g_error ("%s, step %u: %u suggestions, a new suggester makes %u", where, step,
             cached->len, fresh->len);

  for (guint i = 0; i < fresh->len; i++)
    {
      DeskSuggestion *a = g_ptr_array_index (cached, i);
      DeskSuggestion *b = g_ptr_array_index (fresh, i);

      g_assert_cmpint (desk_suggestion_get_kind (a), ==, desk_suggestion_get_kind (b));
      g_assert_cmpstr (desk_suggestion_get_text (a), ==, desk_suggestion_get_text (b));
      g_assert_cmpstr (desk_suggestion_get_new_text (a), ==, desk_suggestion_get_new_text (b));
      g_assert_cmpstr (desk_suggestion_get_draft_text (a), ==, desk_suggestion_get_draft_text (b));
      g_assert_cmpint (desk_suggestion_get_after (a), ==, desk_suggestion_get_after (b));
      g_assert_cmpint (desk_suggestion_get_target (a), ==, desk_suggestion_get_target (b));
      g_assert_cmpfloat (desk_suggestion_get_score (a), ==, desk_suggestion_get_score (b));
      g_assert_cmpuint (desk_suggestion_get_n_sources (a), ==, desk_suggestion_get_n_sources (b));
      for (guint k = 0; k < desk_suggestion_get_n_sources (b); k++)
        {
          g_assert_cmpstr (desk_suggestion_get_source_id (a, k), ==,
                           desk_suggestion_get_source_id (b, k));
          g_assert_cmpuint (desk_suggestion_get_source_block (a, k), ==,
                            desk_suggestion_get_source_block (b, k));
        }
      g_assert_cmpuint (desk_suggestion_get_n_alternatives (a), ==,
                        desk_suggestion_get_n_alternatives (b));
      for (guint k = 0; k < desk_suggestion_get_n_alternatives (b); k++)
        g_assert_cmpstr (desk_suggestion_get_alternative_text (a, k), ==,
                         desk_suggestion_get_alternative_text (b, k));
      g_assert_cmpuint (desk_suggestion_get_n_marks (a), ==, desk_suggestion_get_n_marks (b));
    }
}

static GPtrArray *
suggest_fresh (DeskProject *project)
{
  g_autoptr(DeskSuggester) suggester = desk_suggester_new ();

  return desk_suggester_suggest (suggester, project);
}

/* Takes decisions one by one: accepts the first missing paragraph or addition, and every
 * third step rejects it instead; after each, the suggester that has run all along must
 * propose what a new one does. Returns how many decisions were taken. */
static guint
decide_and_compare (DeskProject *project,
                    const char  *where)
{
  g_autoptr(DeskSuggester) suggester = desk_suggester_new ();
  guint step;

  for (step = 0; step < MAX_STEPS; step++)
    {
      g_autoptr(GPtrArray) cached = desk_suggester_suggest (suggester, project);
      g_autoptr(GPtrArray) fresh = suggest_fresh (project);
      DeskSuggestion *next = NULL;

      assert_same_suggestions (cached, fresh, where, step);

      for (guint i = 0; i < cached->len && next == NULL; i++)
        {
          DeskSuggestion *suggestion = g_ptr_array_index (cached, i);
          DeskSuggestionKind kind = desk_suggestion_get_kind (suggestion);

          if ((kind == DESK_SUGGESTION_MISSING || kind == DESK_SUGGESTION_ADDITION) &&
              desk_suggestion_is_applicable (suggestion))
            next = suggestion;
        }
      if (next == NULL)
        break;

      if (step % 3 == 2)
        desk_project_add_rejected (project, desk_suggestion_get_text (next));
      else
        g_assert_true (desk_suggestion_apply (next, desk_project_get_draft (project)));
    }

  return step;
}

/* A project whose draft starts from @draft_path; the others are sources. */
static DeskProject *
project_from_files (const char  *draft_path,
                    GPtrArray   *source_paths)
{
  DeskProject *project = desk_project_new ();
  g_autoptr(DeskSource) draft = source_from_file (draft_path);

  desk_project_add_source (project, draft);
  desk_project_start_draft_from (project, draft);
  for (guint i = 0; i < source_paths->len; i++)
    {
      g_autoptr(DeskSource) source = source_from_file (g_ptr_array_index (source_paths, i));

      desk_project_add_source (project, source);
    }

  return project;
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *)a, *(const char * const *)b);
}

/* The project's seeds: each folder's first version (by name) is the draft. */
static void
test_seeds (void)
{
  const char *seeds = g_getenv ("COPYDESK_SEEDS_DIR");
  const char * const folders[] = { "harbour-fire", "dam-talks" };

  g_assert_nonnull (seeds);
  for (guint f = 0; f < G_N_ELEMENTS (folders); f++)
    {
      g_autofree char *dir = g_build_filename (seeds, folders[f], NULL);
      g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
      g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);
      g_autoptr(DeskProject) project = NULL;
      g_autofree char *draft = NULL;
      const char *name;
      guint steps;

      g_assert_nonnull (handle);
      while ((name = g_dir_read_name (handle)) != NULL)
        if (g_str_has_suffix (name, ".txt"))
          g_ptr_array_add (paths, g_build_filename (dir, name, NULL));
      g_ptr_array_sort (paths, compare_names);
      g_assert_cmpuint (paths->len, >=, 3);

      draft = g_ptr_array_steal_index (paths, 0);
      project = project_from_files (draft, paths);
      steps = decide_and_compare (project, folders[f]);
      g_test_message ("%s: %u decisions", folders[f], steps);
      g_assert_cmpuint (steps, >, 0);
    }
}

/* A file a key names, as its scorer finds it: the name, or the name with ".txt". */
static char *
case_file (const char *dir,
           const char *name)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autofree char *with_txt = g_strconcat (path, ".txt", NULL);

  if (g_file_test (path, G_FILE_TEST_IS_REGULAR))
    return g_steal_pointer (&path);
  return g_steal_pointer (&with_txt);
}

/* A case of ../shared: a folder with a key.json naming the draft and the sources. */
static gboolean
run_keyed_case (const char *dir)
{
  g_autofree char *key_path = g_build_filename (dir, "key.json", NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(DeskProject) project = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *draft = NULL;
  g_autofree char *where = g_path_get_basename (dir);
  JsonObject *key;
  JsonArray *sources;

  if (!g_file_test (key_path, G_FILE_TEST_IS_REGULAR))
    return FALSE;
  g_assert_true (json_parser_load_from_file (parser, key_path, &error));
  g_assert_no_error (error);
  key = json_node_get_object (json_parser_get_root (parser));
  draft = case_file (dir, json_object_get_string_member (key, "draft"));
  sources = json_object_get_array_member (key, "sources");
  for (guint i = 0; i < json_array_get_length (sources); i++)
    g_ptr_array_add (paths, case_file (dir, json_array_get_string_element (sources, i)));

  project = project_from_files (draft, paths);
  g_test_message ("%s: %u decisions", where, decide_and_compare (project, where));

  return TRUE;
}

static void
test_shared_seeds (void)
{
  const char *shared = g_getenv ("COPYDESK_SHARED_DIR");
  g_autofree char *dir = shared ? g_build_filename (shared, "seeds", NULL) : NULL;

  if (dir == NULL || !g_file_test (dir, G_FILE_TEST_IS_DIR))
    {
      g_test_skip ("../shared/seeds is absent");
      return;
    }
  g_assert_true (run_keyed_case (dir));
}

static void
test_shared_roundups (void)
{
  const char *shared = g_getenv ("COPYDESK_SHARED_DIR");
  g_autofree char *root = shared ? g_build_filename (shared, "roundups", NULL) : NULL;
  g_autoptr(GDir) handle = NULL;
  g_autoptr(GPtrArray) cases = g_ptr_array_new_with_free_func (g_free);
  const char *name;
  guint ran = 0;

  if (root == NULL || !(handle = g_dir_open (root, 0, NULL)))
    {
      g_test_skip ("../shared/roundups is absent");
      return;
    }
  while ((name = g_dir_read_name (handle)) != NULL)
    g_ptr_array_add (cases, g_build_filename (root, name, NULL));
  g_ptr_array_sort (cases, compare_names);

  for (guint i = 0; i < cases->len; i++)
    ran += run_keyed_case (g_ptr_array_index (cases, i));
  g_test_message ("%u cases", ran);
  g_assert_cmpuint (ran, >, 0);
}

static const char draft_text[] =
  "Ferry fire forces 300 off ship in Halifax\n\n"
  "HALIFAX -- A fire broke out on a passenger ferry in Halifax harbour on Tuesday, and all "
  "300 people on board were taken off safely, the port authority said.\n\n"
  "Firefighters reached the ship within twenty minutes of the first call.\n";

static const char source_text[] =
  "Ferry fire forces 300 off ship in Halifax\n\n"
  "HALIFAX -- A fire broke out on a passenger ferry in Halifax harbour on Tuesday, and all "
  "300 people on board were taken off safely, the port authority said.\n\n"
  "Firefighters reached the ship within twenty minutes of the first call.\n\n"
  "The ferry's operator said the vessel would stay out of service until inspectors had "
  "examined the engine room where the fire began.\n";

static const char new_paragraph[] =
  "The ferry's operator said the vessel would stay out of service until inspectors had "
  "examined the engine room where the fire began.";

static gboolean
proposes (GPtrArray  *suggestions,
          const char *text)
{
  for (guint i = 0; i < suggestions->len; i++)
    if (g_strcmp0 (desk_suggestion_get_text (g_ptr_array_index (suggestions, i)), text) == 0)
      return TRUE;
  return FALSE;
}

/* Correcting a block's role reads the source again: a paragraph marked furniture is no
 * longer proposed by the suggester that read it as body text, and is again once its role
 * is restored, as a new suggester has it each time. */
static void
test_role_change_reads_again (void)
{
  g_autoptr(DeskProject) project = desk_project_new ();
  g_autoptr(DeskSource) draft = source_from_text ("draft.txt", draft_text);
  g_autoptr(DeskSource) source = source_from_text ("source.txt", source_text);
  g_autoptr(DeskSuggester) suggester = desk_suggester_new ();
  g_autoptr(GPtrArray) before = NULL;
  g_autoptr(GPtrArray) marked = NULL;
  g_autoptr(GPtrArray) marked_fresh = NULL;
  g_autoptr(GPtrArray) restored = NULL;
  g_autoptr(GPtrArray) restored_fresh = NULL;
  DeskBlock * const *blocks;
  DeskBlock *block = NULL;
  guint n_blocks;

  desk_project_add_source (project, draft);
  desk_project_start_draft_from (project, draft);
  desk_project_add_source (project, source);

  before = desk_suggester_suggest (suggester, project);
  g_assert_true (proposes (before, new_paragraph));

  blocks = desk_block_model_peek (DESK_BLOCK_MODEL (desk_source_get_blocks (source)), &n_blocks);
  for (guint b = 0; b < n_blocks; b++)
    if (g_str_equal (desk_block_get_text (blocks[b]), new_paragraph))
      block = blocks[b];
  g_assert_nonnull (block);
  g_assert_cmpint (desk_block_get_role (block), ==, DESK_BLOCK_ROLE_BODY);

  desk_block_set_role (block, DESK_BLOCK_ROLE_FURNITURE);
  marked = desk_suggester_suggest (suggester, project);
  marked_fresh = suggest_fresh (project);
  g_assert_false (proposes (marked, new_paragraph));
  assert_same_suggestions (marked, marked_fresh, "marked furniture", 0);

  desk_block_reset_role (block);
  g_assert_cmpint (desk_block_get_role (block), ==, DESK_BLOCK_ROLE_BODY);
  restored = desk_suggester_suggest (suggester, project);
  restored_fresh = suggest_fresh (project);
  g_assert_true (proposes (restored, new_paragraph));
  assert_same_suggestions (restored, restored_fresh, "restored", 0);
  assert_same_suggestions (restored, before, "restored against the first run", 0);
}

/* Sources removed and added between runs: the suggester suggests from what the project
 * has now. */
static void
test_sources_change (void)
{
  g_autoptr(DeskProject) project = desk_project_new ();
  g_autoptr(DeskSource) draft = source_from_text ("draft.txt", draft_text);
  g_autoptr(DeskSource) source = source_from_text ("source.txt", source_text);
  g_autoptr(DeskSuggester) suggester = desk_suggester_new ();
  g_autoptr(GPtrArray) with_source = NULL;
  g_autoptr(GPtrArray) without = NULL;
  g_autoptr(GPtrArray) again = NULL;
  g_autoptr(GPtrArray) again_fresh = NULL;

  desk_project_add_source (project, draft);
  desk_project_start_draft_from (project, draft);
  desk_project_add_source (project, source);

  with_source = desk_suggester_suggest (suggester, project);
  g_assert_true (proposes (with_source, new_paragraph));

  desk_project_remove_source (project, 1);
  without = desk_suggester_suggest (suggester, project);
  g_assert_cmpuint (without->len, ==, 0);

  desk_project_add_source (project, source);
  again = desk_suggester_suggest (suggester, project);
  again_fresh = suggest_fresh (project);
  g_assert_true (proposes (again, new_paragraph));
  assert_same_suggestions (again, again_fresh, "added again", 0);
}

/* An editor typing: a draft paragraph rewritten run after run with words no text has had.
 * The suggester's cache grows with them until it reads everything afresh; each run still
 * proposes what a new suggester does. */
static void
test_typed_drafts (void)
{
  g_autoptr(DeskProject) project = desk_project_new ();
  g_autoptr(DeskSource) draft = source_from_text ("draft.txt", draft_text);
  g_autoptr(DeskSource) source = source_from_text ("source.txt", source_text);
  g_autoptr(DeskSuggester) suggester = desk_suggester_new ();
  DeskDraft *story;
  guint last;

  desk_project_add_source (project, draft);
  desk_project_start_draft_from (project, draft);
  desk_project_add_source (project, source);
  story = desk_project_get_draft (project);
  last = desk_draft_get_n_paragraphs (story) - 1;

  for (guint run = 0; run < 12; run++)
    {
      g_autoptr(GString) typed = g_string_new ("Firefighters reached the ship");
      g_autoptr(GPtrArray) cached = NULL;
      g_autoptr(GPtrArray) fresh = NULL;

      /* Made-up words, a hundred new ones a run: the words of a draft being typed. */
      for (guint w = 0; w < 100; w++)
        g_string_append_printf (typed, " %s%c%c%c", w % 7 == 0 ? "Zq" : "zq",
                                'a' + run, 'a' + w / 26, 'a' + w % 26);
      g_string_append (typed, " within twenty minutes of the first call.");
      desk_draft_set_paragraph_text (story, last, typed->str);

      cached = desk_suggester_suggest (suggester, project);
      fresh = suggest_fresh (project);
      assert_same_suggestions (cached, fresh, "typed draft", run);
      g_assert_true (proposes (cached, new_paragraph));
    }
}

typedef struct
{
  guint      pending;
  GPtrArray *results[4];
  gboolean   cancelled[4];
} Runs;

typedef struct
{
  Runs *runs;
  guint index;
} RunSlot;

static void
suggested_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  RunSlot *slot = user_data;
  g_autoptr(GError) error = NULL;

  slot->runs->results[slot->index] = desk_suggester_suggest_finish (DESK_SUGGESTER (object),
                                                                    result, &error);
  if (slot->runs->results[slot->index] == NULL)
    {
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
      slot->runs->cancelled[slot->index] = TRUE;
    }
  slot->runs->pending--;
}

/* The editor's worker runs: one cancelled as the next starts, and several at once on one
 * suggester. Each run that finishes proposes what a new suggester does, whatever the
 * others did to the cache meanwhile. */
static void
test_worker_runs_take_turns (void)
{
  g_autofree char *dir = g_build_filename (g_getenv ("COPYDESK_SEEDS_DIR"), "harbour-fire", NULL);
  g_autofree char *draft = g_build_filename (dir, "01-agency-short.txt", NULL);
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(DeskProject) project = NULL;
  g_autoptr(DeskSuggester) suggester = desk_suggester_new ();
  g_autoptr(GPtrArray) fresh = NULL;
  Runs runs = { 0 };
  RunSlot slots[G_N_ELEMENTS (runs.results)];

  g_ptr_array_add (paths, g_build_filename (dir, "02-newspaper-long.txt", NULL));
  g_ptr_array_add (paths, g_build_filename (dir, "03-scraped-reprint.txt", NULL));
  g_ptr_array_add (paths, g_build_filename (dir, "04-writethru.txt", NULL));
  project = project_from_files (draft, paths);
  fresh = suggest_fresh (project);
  g_assert_cmpuint (fresh->len, >, 0);

  for (guint i = 0; i < G_N_ELEMENTS (runs.results); i++)
    {
      g_autoptr(GCancellable) cancellable = g_cancellable_new ();

      slots[i].runs = &runs;
      slots[i].index = i;
      runs.pending++;
      desk_suggester_suggest_async (suggester, project, cancellable, suggested_cb, &slots[i]);
      /* The first is cancelled at once, as the editor does when the draft changes. */
      if (i == 0)
        g_cancellable_cancel (cancellable);
    }

  while (runs.pending > 0)
    g_main_context_iteration (NULL, TRUE);

  for (guint i = 0; i < G_N_ELEMENTS (runs.results); i++)
    {
      if (i > 0)
        g_assert_false (runs.cancelled[i]);
      if (runs.results[i] != NULL)
        assert_same_suggestions (runs.results[i], fresh, "worker run", i);
      g_clear_pointer (&runs.results[i], g_ptr_array_unref);
    }
}

/* A page that shows a paragraph of another source as a photo's caption, added and removed
 * between runs: the paragraph is proposed only while no source shows it as a caption, as
 * a new suggester has it each time. */
static void
test_captions_change (void)
{
  g_autofree char *gallery_text = g_strconcat ("Ferry fire forces 300 off ship in Halifax\n\n",
                                               new_paragraph, "\n\n(AP Photo/Jane Roe)\n\n",
                                               "HALIFAX -- A fire broke out on a passenger ferry "
                                               "in Halifax harbour on Tuesday.\n", NULL);
  g_autoptr(DeskProject) project = desk_project_new ();
  g_autoptr(DeskSource) draft = source_from_text ("draft.txt", draft_text);
  g_autoptr(DeskSource) source = source_from_text ("source.txt", source_text);
  g_autoptr(DeskSource) gallery = source_from_text ("gallery.txt", gallery_text);
  g_autoptr(DeskSuggester) suggester = desk_suggester_new ();

  desk_project_add_source (project, draft);
  desk_project_start_draft_from (project, draft);
  desk_project_add_source (project, source);

  for (guint step = 0; step < 4; step++)
    {
      g_autoptr(GPtrArray) cached = NULL;
      g_autoptr(GPtrArray) fresh = NULL;

      if (step == 1)
        desk_project_add_source (project, gallery);
      else if (step == 2)
        desk_project_remove_source (project, 2);
      else if (step == 3)
        desk_project_add_source (project, gallery);

      cached = desk_suggester_suggest (suggester, project);
      fresh = suggest_fresh (project);
      assert_same_suggestions (cached, fresh, "captions", step);
      g_assert_true (proposes (cached, new_paragraph) == (step % 2 == 0));
    }
}

/* The alias tables change between runs: the suggester's own grows, the project's is set;
 * and a run learns a name another source calls otherwise. Each run proposes what a new
 * suggester with the same tables does. */
static void
test_aliases_change (void)
{
  static const char dam_draft[] =
    "Dam\n\nOfficials of the Ministry of Water said the dam on the northern river would be "
    "finished by 2027 and would irrigate the eastern plains.\n";
  static const char dam_source[] =
    "Dam\n\nOfficials of Wizara ya Maji said the dam on the northern river would be finished "
    "by 2027 and would irrigate the eastern plains.\n\n"
    "Herders said they had not been consulted.\n\n"
    "Wizara ya Maji said the plains would see their first harvest under irrigation in 2028.\n";
  g_autoptr(DeskProject) project = desk_project_new ();
  g_autoptr(DeskSource) draft = source_from_text ("draft.txt", dam_draft);
  g_autoptr(DeskSource) source = source_from_text ("source.txt", dam_source);
  g_autoptr(DeskSuggester) suggester = desk_suggester_new ();
  g_autoptr(GError) error = NULL;
  DeskDraft *story;

  desk_project_add_source (project, draft);
  desk_project_start_draft_from (project, draft);
  desk_project_add_source (project, source);
  story = desk_project_get_draft (project);

  for (guint step = 0; step < 5; step++)
    {
      g_autoptr(GPtrArray) cached = NULL;
      g_autoptr(GPtrArray) fresh = NULL;
      g_autoptr(DeskSuggester) other = desk_suggester_new ();

      switch (step)
        {
        case 1:
          /* A paragraph typed with the name the source uses, after a run learned it. */
          {
            g_autoptr(DeskParagraph) typed =
              desk_paragraph_new ("Wizara ya Maji has not said who will run the dam.");

            desk_draft_append (story, typed);
          }
          break;
        case 2:
          desk_aliases_add (desk_suggester_get_aliases (suggester), "northern river", "Mto Kaskazini");
          break;
        case 3:
          g_assert_true (desk_project_set_aliases (project, "eastern plains = Tambarare za Mashariki\n",
                                                   &error));
          g_assert_no_error (error);
          break;
        case 4:
          g_assert_true (desk_project_set_aliases (project, "", &error));
          g_assert_no_error (error);
          break;
        default:
          break;
        }
      if (step >= 2)
        desk_aliases_add (desk_suggester_get_aliases (other), "northern river", "Mto Kaskazini");

      cached = desk_suggester_suggest (suggester, project);
      fresh = desk_suggester_suggest (other, project);
      assert_same_suggestions (cached, fresh, "aliases", step);
      g_assert_cmpstrv (desk_suggester_get_learned_aliases (suggester),
                        desk_suggester_get_learned_aliases (other));
      if (step == 0)
        g_assert_cmpstr (desk_suggester_get_learned_aliases (suggester)[0], ==,
                         "Ministry of Water = Wizara ya Maji");
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/recompute/seeds", test_seeds);
  g_test_add_func ("/recompute/shared-seeds", test_shared_seeds);
  g_test_add_func ("/recompute/shared-roundups", test_shared_roundups);
  g_test_add_func ("/recompute/role-change", test_role_change_reads_again);
  g_test_add_func ("/recompute/sources-change", test_sources_change);
  g_test_add_func ("/recompute/worker-runs", test_worker_runs_take_turns);
  g_test_add_func ("/recompute/typed-drafts", test_typed_drafts);
  g_test_add_func ("/recompute/aliases-change", test_aliases_change);
  g_test_add_func ("/recompute/captions-change", test_captions_change);

  return g_test_run ();
}
