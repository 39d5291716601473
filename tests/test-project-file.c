/* test-project-file.c: tests for saving and opening .copydesk project files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <unistd.h>

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "desk-credits.h"
#include "desk-project-file.h"
#include "desk-suggester.h"

/* The harbour-fire roundup, merged, with one of each decision an editor takes. */
static DeskProject *
edited_harbour_fire (void)
{
  const char *files[] = {
    "01-agency-short.txt", "02-newspaper-long.txt", "03-scraped-reprint.txt", "04-writethru.txt",
  };
  g_autoptr(DeskProject) project = desk_project_new ();
  g_autoptr(DeskSuggester) suggester = desk_suggester_new ();
  g_autoptr(GPtrArray) suggestions = NULL;
  g_autoptr(DeskParagraph) typed = NULL;
  g_autoptr(DeskBlock) block = NULL;
  const char *order[] = { "Reuters", "The Associated Press", NULL };
  DeskCredits *credits;
  DeskDraft *draft;
  DeskSource *reprint;
  guint position;

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
        desk_project_start_draft_from (project, source);
    }

  /* A role override: the reprint's first furniture line read as a deck. */
  reprint = g_list_model_get_item (desk_project_get_sources (project), 2);
  g_object_unref (reprint);
  block = g_list_model_get_item (desk_source_get_blocks (reprint), 0);
  g_assert_cmpint (desk_block_get_role (block), ==, DESK_BLOCK_ROLE_FURNITURE);
  desk_block_set_role (block, DESK_BLOCK_ROLE_DECK);

  suggestions = desk_suggester_suggest (suggester, project);
  desk_suggestions_apply_all (suggestions, desk_project_get_draft (project));
  for (guint i = 0; i < suggestions->len; i++)
    {
      DeskSuggestion *suggestion = g_ptr_array_index (suggestions, i);

      if (desk_suggestion_get_kind (suggestion) == DESK_SUGGESTION_CONFLICT)
        desk_project_add_rejected (project, desk_suggestion_get_text (suggestion));
    }

  draft = desk_project_get_draft (project);
  desk_draft_set_headline (draft, "Halifax ferry fire kills 14");
  desk_draft_set_dateline (draft, "HALIFAX, Nova Scotia");
  desk_draft_set_paragraph_text (draft, 1, "An edited paragraph, with “quotes”.");
  typed = desk_paragraph_new ("A paragraph the editor typed.");
  desk_draft_append (draft, typed);
  desk_project_set_organization_order (project, order);

  credits = desk_project_get_credits (project);
  g_assert_true (desk_credits_find (credits, "Karen Lindqvist", "Bloomberg", &position));
  desk_credits_set_active (credits, position, FALSE);
  g_assert_true (desk_credits_find (credits, "Ross Hennessey", "Getty", &position));
  desk_credits_set_active (credits, position, TRUE);
  g_assert_true (desk_credits_find (credits, "Derek Oakes", "AP", &position));
  desk_credits_rename (credits, position, "Derek J. Oakes", "AP");
  desk_credits_move (credits, position, 0);
  g_assert_true (desk_credits_find (credits, "Paul Brannigan", "AP", &position));
  desk_credits_set_main (credits, position);
  desk_credits_add (credits, "Ann Poe", "Halifax Herald", NULL);
  desk_credits_set_organization_name (credits, "NYT", "the Times");
  desk_credits_set_style (credits, DESK_CREDIT_STYLE_AGENCY_LINE);

  return g_steal_pointer (&project);
}

static void
assert_same_sources (DeskProject *a,
                     DeskProject *b)
{
  GListModel *sources_a = desk_project_get_sources (a);
  GListModel *sources_b = desk_project_get_sources (b);
  guint n = g_list_model_get_n_items (sources_a);

  g_assert_cmpuint (g_list_model_get_n_items (sources_b), ==, n);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(DeskSource) sa = g_list_model_get_item (sources_a, i);
      g_autoptr(DeskSource) sb = g_list_model_get_item (sources_b, i);
      GListModel *blocks_a = desk_source_get_blocks (sa);
      GListModel *blocks_b = desk_source_get_blocks (sb);

      g_assert_cmpstr (desk_source_get_id (sa), ==, desk_source_get_id (sb));
      g_assert_cmpstr (desk_source_get_name (sa), ==, desk_source_get_name (sb));
      g_assert_cmpint (desk_source_get_origin (sa), ==, desk_source_get_origin (sb));
      g_assert_true (g_bytes_equal (desk_source_get_bytes (sa), desk_source_get_bytes (sb)));
      g_assert_cmpstr (desk_source_get_text (sa), ==, desk_source_get_text (sb));

      g_assert_cmpuint (g_list_model_get_n_items (blocks_a), ==,
                        g_list_model_get_n_items (blocks_b));
      for (guint j = 0; j < g_list_model_get_n_items (blocks_a); j++)
        {
          g_autoptr(DeskBlock) ba = g_list_model_get_item (blocks_a, j);
          g_autoptr(DeskBlock) bb = g_list_model_get_item (blocks_b, j);

          g_assert_cmpint (desk_block_get_role (ba), ==, desk_block_get_role (bb));
          g_assert_cmpint (desk_block_get_role_overridden (ba), ==,
                           desk_block_get_role_overridden (bb));
        }
    }
}

static void
assert_same_draft (DeskDraft *a,
                   DeskDraft *b)
{
  guint n = desk_draft_get_n_paragraphs (a);

  g_assert_cmpstr (desk_draft_get_headline (a), ==, desk_draft_get_headline (b));
  g_assert_cmpstr (desk_draft_get_byline (a), ==, desk_draft_get_byline (b));
  g_assert_cmpstr (desk_draft_get_dateline (a), ==, desk_draft_get_dateline (b));
  g_assert_cmpuint (desk_draft_get_n_paragraphs (b), ==, n);

  for (guint i = 0; i < n; i++)
    {
      DeskParagraph *pa = desk_draft_get_paragraph (a, i);
      DeskParagraph *pb = desk_draft_get_paragraph (b, i);
      guint n_provenance = desk_paragraph_get_n_provenance (pa);

      g_assert_cmpstr (desk_paragraph_get_text (pa), ==, desk_paragraph_get_text (pb));
      g_assert_cmpint (desk_paragraph_get_edited (pa), ==, desk_paragraph_get_edited (pb));
      g_assert_cmpuint (desk_paragraph_get_n_provenance (pb), ==, n_provenance);

      for (guint j = 0; j < n_provenance; j++)
        {
          g_assert_cmpstr (desk_paragraph_get_provenance_source (pa, j), ==,
                           desk_paragraph_get_provenance_source (pb, j));
          g_assert_cmpuint (desk_paragraph_get_provenance_block (pa, j), ==,
                            desk_paragraph_get_provenance_block (pb, j));
        }
    }
}

static void
assert_same_credits (DeskCredits *a,
                     DeskCredits *b)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (a));
  g_autoptr(JsonNode) decisions_a = desk_credits_save_decisions (a);
  g_autoptr(JsonNode) decisions_b = desk_credits_save_decisions (b);

  g_assert_true (json_node_equal (decisions_a, decisions_b));
  g_assert_cmpint (desk_credits_get_style (a), ==, desk_credits_get_style (b));
  g_assert_cmpuint (desk_credits_get_main (a), ==, desk_credits_get_main (b));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (b)), ==, n);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(DeskCredit) ca = g_list_model_get_item (G_LIST_MODEL (a), i);
      g_autoptr(DeskCredit) cb = g_list_model_get_item (G_LIST_MODEL (b), i);

      g_assert_cmpstr (desk_credit_get_name (ca), ==, desk_credit_get_name (cb));
      g_assert_cmpstr (desk_credit_get_organization (ca), ==, desk_credit_get_organization (cb));
      g_assert_cmpstr (desk_credit_get_role (ca), ==, desk_credit_get_role (cb));
      g_assert_cmpint (desk_credits_get_active (a, i), ==, desk_credits_get_active (b, i));
      g_assert_cmpint (desk_credits_get_added (a, i), ==, desk_credits_get_added (b, i));
    }

  for (guint style = 0; style <= DESK_CREDIT_STYLE_NONE; style++)
    {
      g_autofree char *line_a = desk_credits_format_line (a, style);
      g_autofree char *line_b = desk_credits_format_line (b, style);

      g_assert_cmpstr (line_a, ==, line_b);
    }
}

static void
assert_same_project (DeskProject *a,
                     DeskProject *b)
{
  assert_same_sources (a, b);
  g_assert_cmpstr (desk_project_get_draft_source_id (a), ==, desk_project_get_draft_source_id (b));
  assert_same_draft (desk_project_get_draft (a), desk_project_get_draft (b));
  g_assert_true (g_strv_equal (desk_project_get_rejected (a), desk_project_get_rejected (b)));
  g_assert_true (g_strv_equal (desk_project_get_organization_order (a),
                               desk_project_get_organization_order (b)));
  assert_same_credits (desk_project_get_credits (a), desk_project_get_credits (b));
}

static void
test_round_trip (void)
{
  g_autoptr(DeskProject) project = edited_harbour_fire ();
  g_autoptr(DeskProject) loaded = NULL;
  g_autoptr(GBytes) saved = NULL;
  g_autoptr(GBytes) saved_again = NULL;
  g_autoptr(GError) error = NULL;
  DeskDraft *draft = desk_project_get_draft (project);

  g_assert_true (desk_paragraph_get_edited (desk_draft_get_paragraph (draft, 1)));
  g_assert_false (desk_paragraph_get_edited (desk_draft_get_paragraph (draft, 0)));
  g_assert_cmpuint (desk_project_get_rejected (project)[0] != NULL, ==, TRUE);

  saved = desk_project_file_save_to_bytes (project);
  loaded = desk_project_file_load_from_bytes (saved, "harbour-fire.copydesk", &error);
  g_assert_no_error (error);
  g_assert_nonnull (loaded);

  assert_same_project (project, loaded);

  /* Saving what was opened gives the same file. */
  saved_again = desk_project_file_save_to_bytes (loaded);
  g_assert_true (g_bytes_equal (saved, saved_again));
}

static void
test_empty_project (void)
{
  g_autoptr(DeskProject) project = desk_project_new ();
  g_autoptr(DeskProject) loaded = NULL;
  g_autoptr(GBytes) saved = desk_project_file_save_to_bytes (project);
  g_autoptr(GError) error = NULL;

  loaded = desk_project_file_load_from_bytes (saved, NULL, &error);
  g_assert_no_error (error);
  assert_same_project (project, loaded);
  g_assert_null (desk_project_get_draft_source_id (loaded));
}

static void
test_files (void)
{
  g_autoptr(DeskProject) project = edited_harbour_fire ();
  g_autoptr(DeskProject) loaded = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("copydesk-project-XXXXXX", &error);
  g_autofree char *path = NULL;
  g_autofree char *missing_path = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFile) missing = NULL;
  g_autoptr(GFile) folder = NULL;

  g_assert_no_error (error);
  path = g_build_filename (dir, "story." DESK_PROJECT_FILE_EXTENSION, NULL);
  file = g_file_new_for_path (path);

  g_assert_true (desk_project_file_save (project, file, NULL, &error));
  g_assert_no_error (error);
  /* And over itself. */
  g_assert_true (desk_project_file_save (project, file, NULL, &error));
  g_assert_no_error (error);

  loaded = desk_project_file_load (file, NULL, &error);
  g_assert_no_error (error);
  assert_same_project (project, loaded);

  missing_path = g_build_filename (dir, "nothing.copydesk", NULL);
  missing = g_file_new_for_path (missing_path);
  g_assert_null (desk_project_file_load (missing, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "nothing.copydesk"));
  g_clear_error (&error);

  folder = g_file_new_for_path (dir);
  g_assert_null (desk_project_file_load (folder, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY);
  g_clear_error (&error);

  g_unlink (path);
  g_rmdir (dir);
}

/* Runs a main loop until an async call reports, and hands back its result. */
typedef struct
{
  GMainLoop    *loop;
  GAsyncResult *result;
} Waiter;

static void
store_result_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  Waiter *waiter = user_data;

  g_assert_true (g_main_context_is_owner (g_main_context_default ()));
  waiter->result = g_object_ref (result);
  g_main_loop_quit (waiter->loop);
}

static GAsyncResult *
wait_for_result (Waiter *waiter)
{
  g_main_loop_run (waiter->loop);
  g_assert_nonnull (waiter->result);
  return g_steal_pointer (&waiter->result);
}

/* Loads @file through the async API; the result or the error. */
static DeskProject *
load_async (GFile   *file,
            GError **error)
{
  Waiter waiter = { g_main_loop_new (NULL, FALSE), NULL };
  g_autoptr(GAsyncResult) result = NULL;

  desk_project_file_load_async (file, NULL, store_result_cb, &waiter);
  result = wait_for_result (&waiter);
  g_main_loop_unref (waiter.loop);
  g_assert_true (g_task_is_valid (result, file));
  return desk_project_file_load_finish (result, error);
}

static void
test_async (void)
{
  g_autoptr(DeskProject) project = edited_harbour_fire ();
  g_autoptr(DeskProject) loaded = NULL;
  g_autoptr(GAsyncResult) saved = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("copydesk-project-XXXXXX", &error);
  g_autofree char *path = NULL;
  g_autofree char *sync_path = NULL;
  g_autofree char *async_text = NULL;
  g_autofree char *sync_text = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFile) sync_file = NULL;
  Waiter waiter = { g_main_loop_new (NULL, FALSE), NULL };

  g_assert_no_error (error);
  path = g_build_filename (dir, "async.copydesk", NULL);
  file = g_file_new_for_path (path);
  sync_path = g_build_filename (dir, "sync.copydesk", NULL);
  sync_file = g_file_new_for_path (sync_path);

  /* What the file needs is taken at the call: changing the project afterwards, while the
   * worker writes, does not reach the file. */
  desk_project_file_save_async (project, file, NULL, store_result_cb, &waiter);
  g_assert_true (desk_project_file_save (project, sync_file, NULL, &error));
  g_assert_no_error (error);
  desk_draft_set_headline (desk_project_get_draft (project), "Changed after the save began");
  saved = wait_for_result (&waiter);
  g_assert_true (desk_project_file_save_finish (saved, &error));
  g_assert_no_error (error);

  /* The same bytes as the synchronous save. */
  g_assert_true (g_file_get_contents (path, &async_text, NULL, NULL));
  g_assert_true (g_file_get_contents (sync_path, &sync_text, NULL, NULL));
  g_assert_cmpstr (async_text, ==, sync_text);
  g_assert_null (strstr (async_text, "Changed after the save began"));

  loaded = load_async (sync_file, &error);
  g_assert_no_error (error);
  g_assert_nonnull (loaded);
  desk_draft_set_headline (desk_project_get_draft (loaded), "Changed after the save began");
  assert_same_project (project, loaded);

  g_main_loop_unref (waiter.loop);
  g_unlink (path);
  g_unlink (sync_path);
  g_rmdir (dir);
}

/* Every failure of an async open comes back through the GError, naming the file. */
static void
test_async_errors (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("copydesk-project-XXXXXX", &error);
  g_autofree char *missing_path = NULL;
  g_autofree char *malformed_path = NULL;
  g_autofree char *damaged_path = NULL;
  g_autofree char *locked_path = NULL;
  g_autoptr(GFile) missing = NULL;
  g_autoptr(GFile) malformed = NULL;
  g_autoptr(GFile) damaged = NULL;
  g_autoptr(GFile) locked = NULL;
  g_autoptr(GFile) folder = NULL;
  g_autoptr(GFile) nowhere = NULL;
  g_autoptr(DeskProject) loaded = NULL;
  g_autoptr(DeskProject) project = desk_project_new ();
  g_autoptr(GAsyncResult) result = NULL;
  Waiter waiter = { g_main_loop_new (NULL, FALSE), NULL };

  g_assert_no_error (error);

  missing_path = g_build_filename (dir, "missing.copydesk", NULL);
  missing = g_file_new_for_path (missing_path);
  loaded = load_async (missing, &error);
  g_assert_null (loaded);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "missing.copydesk"));
  g_clear_error (&error);

  malformed_path = g_build_filename (dir, "malformed.copydesk", NULL);
  malformed = g_file_new_for_path (malformed_path);
  g_assert_true (g_file_set_contents (malformed_path, "{\"format\": \"copydesk-project\", \"ver", -1,
                                      NULL));
  loaded = load_async (malformed, &error);
  g_assert_null (loaded);
  g_assert_error (error, DESK_ERROR, DESK_ERROR_MALFORMED);
  g_assert_nonnull (strstr (error->message, "malformed.copydesk"));
  g_clear_error (&error);

  damaged_path = g_build_filename (dir, "damaged.copydesk", NULL);
  damaged = g_file_new_for_path (damaged_path);
  g_assert_true (g_file_set_contents (damaged_path,
                                      "{\"format\": \"copydesk-project\", \"version\": 1, "
                                      "\"sources\": [], \"draft\": {\"headline\": 12}}", -1, NULL));
  loaded = load_async (damaged, &error);
  g_assert_null (loaded);
  g_assert_error (error, DESK_ERROR, DESK_ERROR_MALFORMED);
  g_assert_nonnull (strstr (error->message, "damaged.copydesk"));
  g_assert_nonnull (strstr (error->message, "draft.headline"));
  g_clear_error (&error);

  folder = g_file_new_for_path (dir);
  loaded = load_async (folder, &error);
  g_assert_null (loaded);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY);
  g_clear_error (&error);

  /* A file without read permission: only where permissions apply (not as root). */
  locked_path = g_build_filename (dir, "locked.copydesk", NULL);
  locked = g_file_new_for_path (locked_path);
  g_assert_true (g_file_set_contents (locked_path, "{}", -1, NULL));
  g_assert_cmpint (g_chmod (locked_path, 0), ==, 0);
  if (g_access (locked_path, R_OK) != 0)
    {
      loaded = load_async (locked, &error);
      g_assert_null (loaded);
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED);
      g_assert_nonnull (strstr (error->message, "locked.copydesk"));
      g_clear_error (&error);
    }
  else
    g_test_message ("locked.copydesk is readable anyway (root): permission case not run");

  /* Unreadable for anyone, root included: a path through a file as if it were a folder. */
  {
    g_autoptr(GFile) inside = g_file_get_child (malformed, "inside.copydesk");

    loaded = load_async (inside, &error);
    g_assert_null (loaded);
    g_assert_true (error != NULL && error->domain == G_IO_ERROR);
    g_assert_nonnull (strstr (error->message, "inside.copydesk"));
    g_clear_error (&error);
  }

  /* A save into a folder that does not exist fails and says where. */
  nowhere = g_file_new_build_filename (dir, "no-such-folder", "p.copydesk", NULL);
  desk_project_file_save_async (project, nowhere, NULL, store_result_cb, &waiter);
  result = wait_for_result (&waiter);
  g_assert_false (desk_project_file_save_finish (result, &error));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "p.copydesk"));
  g_clear_error (&error);

  g_main_loop_unref (waiter.loop);
  g_unlink (missing_path);
  g_unlink (malformed_path);
  g_unlink (damaged_path);
  g_unlink (locked_path);
  g_rmdir (dir);
}

static void
test_truncated (void)
{
  g_autoptr(DeskProject) project = edited_harbour_fire ();
  g_autoptr(GBytes) saved = desk_project_file_save_to_bytes (project);
  gsize length = g_bytes_get_size (saved);

  for (guint tenth = 0; tenth < 10; tenth++)
    {
      g_autoptr(GBytes) cut = g_bytes_new_from_bytes (saved, 0, length * tenth / 10);
      g_autoptr(GError) error = NULL;
      g_autoptr(DeskProject) loaded = NULL;

      loaded = desk_project_file_load_from_bytes (cut, "cut.copydesk", &error);

      g_assert_null (loaded);
      g_assert_nonnull (error);
      g_assert_true (error->domain == DESK_ERROR);
      g_assert_true (error->code == (tenth == 0 ? DESK_ERROR_EMPTY : DESK_ERROR_MALFORMED));
      g_assert_nonnull (strstr (error->message, "cut.copydesk"));
      g_test_message ("%u/10: %s", tenth, error->message);
    }

  /* Near the end, too: a missing closing brace. */
    {
      g_autoptr(GBytes) cut = g_bytes_new_from_bytes (saved, 0, length - 2);
      g_autoptr(GError) error = NULL;
      g_autoptr(DeskProject) loaded = desk_project_file_load_from_bytes (cut, NULL, &error);

      g_assert_null (loaded);
      g_assert_error (error, DESK_ERROR, DESK_ERROR_MALFORMED);
    }
}

static JsonNode *
parse (GBytes *bytes)
{
  g_autoptr(GError) error = NULL;
  JsonNode *node = json_from_string (g_bytes_get_data (bytes, NULL), &error);

  g_assert_no_error (error);
  return node;
}

static GBytes *
serialize (JsonNode *node)
{
  char *text = json_to_string (node, FALSE);

  return g_bytes_new_take (text, strlen (text));
}

static void
test_newer_version (void)
{
  g_autoptr(DeskProject) project = desk_project_new ();
  g_autoptr(GBytes) saved = desk_project_file_save_to_bytes (project);
  g_autoptr(JsonNode) root = parse (saved);
  g_autoptr(GBytes) newer = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(DeskProject) loaded = NULL;

  json_object_set_int_member (json_node_get_object (root), "version", 7);
  /* A newer version may change anything else too. */
  json_object_set_string_member (json_node_get_object (root), "sources", "elsewhere");
  newer = serialize (root);

  loaded = desk_project_file_load_from_bytes (newer, "new.copydesk", &error);
  g_assert_null (loaded);
  g_assert_error (error, DESK_ERROR, DESK_ERROR_UNSUPPORTED);
  g_assert_nonnull (strstr (error->message,
                            "newer Copydesk (format version 7); this one reads version 1"));
  g_assert_nonnull (strstr (error->message, "new.copydesk"));
}

/* A damage: the member at @path ("draft.paragraphs[0].text") set to the JSON @value, or
 * removed when @value is NULL. A path ending in "[]" appends to a list. */
typedef struct
{
  const char *path;
  const char *value;
} Damage;

static const Damage damages[] = {
  { "format", "\"something-else\"" },
  { "format", NULL },
  { "version", "\"1\"" },
  { "version", "1.5" },
  { "version", "0" },
  { "sources", "{}" },
  { "sources", NULL },
  { "sources[]", "null" },
  { "sources[0].name", "3" },
  { "sources[0].name", NULL },
  { "sources[0].bytes", "\"not base64!\"" },
  { "sources[0].bytes", "\"\"" },
  { "sources[0].bytes", "\"AAECAwQFBgcICQoLDA0ODw==\"" },
  { "sources[0].origin", "\"carrier pigeon\"" },
  { "sources[0].roles", "[]" },
  { "sources[0].roles.99999", "\"body\"" },
  { "sources[0].roles.-1", "\"body\"" },
  { "sources[0].roles.0", "\"sidebar\"" },
  { "sources[0].roles.0", "4" },
  { "draft", "[]" },
  { "draft", NULL },
  { "draft.headline", "true" },
  { "draft.paragraphs", "\"none\"" },
  { "draft.paragraphs[0].text", "1" },
  { "draft.paragraphs[0].text", NULL },
  { "draft.paragraphs[0].edited", "\"yes\"" },
  { "draft.paragraphs[0].provenance", "{}" },
  { "draft.paragraphs[0].provenance[0].block", "-1" },
  { "draft.paragraphs[0].provenance[0].block", "9223372036854775807" },
  { "draft.paragraphs[0].provenance[0].block", "\"7\"" },
  { "draft.paragraphs[0].provenance[0].source", "null" },
  { "rejected", "[4]" },
  { "organization_order", "\"AP\"" },
  { "credits", "5" },
  { "credits.main", "5" },
  { "credits.decisions[0].include", "\"yes\"" },
  { "settings", "\"default\"" },
  { "settings.credit_style", "\"fancy\"" },
  { "settings.punctuation", "\"fancy\"" },
  { "settings.spelling", "3" },
  { "settings.dateline", "\"sideways\"" },
  { "settings.dash", "\"hyphen\"" },
  { "settings.dash", "2" },
  { "settings.nbsp", "\"swiss\"" },
  { "settings.nbsp", "true" },
};

static void
apply_damage (JsonNode     *root,
              const Damage *damage)
{
  g_auto(GStrv) segments = g_strsplit (damage->path, ".", -1);
  JsonNode *node = root;
  JsonNode *value = NULL;
  guint n = g_strv_length (segments);

  if (damage->value != NULL)
    {
      g_autoptr(GError) error = NULL;

      value = json_from_string (damage->value, &error);
      g_assert_no_error (error);
    }

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *name = g_strdup (segments[i]);
      char *bracket = strchr (name, '[');
      gboolean last = i + 1 == n;
      JsonObject *object = json_node_get_object (node);

      if (bracket == NULL)
        {
          if (!last)
            node = json_object_get_member (object, name);
          else if (value != NULL)
            json_object_set_member (object, name, g_steal_pointer (&value));
          else
            json_object_remove_member (object, name);
          continue;
        }

      *bracket = '\0';
      node = json_object_get_member (object, name);
      g_assert_nonnull (node);

      if (bracket[1] == ']')
        {
          g_assert_true (last);
          json_array_add_element (json_node_get_array (node), g_steal_pointer (&value));
          continue;
        }

      node = json_array_get_element (json_node_get_array (node),
                                     (guint)g_ascii_strtoull (bracket + 1, NULL, 10));
      g_assert_nonnull (node);
      g_assert_false (last);
    }

  g_clear_pointer (&value, json_node_unref);
}

static void
test_damaged (void)
{
  g_autoptr(DeskProject) project = edited_harbour_fire ();
  g_autoptr(GBytes) saved = desk_project_file_save_to_bytes (project);

  for (guint i = 0; i < G_N_ELEMENTS (damages); i++)
    {
      g_autoptr(JsonNode) root = parse (saved);
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(DeskProject) loaded = NULL;

      apply_damage (root, &damages[i]);
      bytes = serialize (root);

      loaded = desk_project_file_load_from_bytes (bytes, "damaged.copydesk", &error);
      g_test_message ("%s = %s: %s", damages[i].path, damages[i].value,
                      error != NULL ? error->message : "(loaded)");
      g_assert_null (loaded);
      g_assert_error (error, DESK_ERROR, DESK_ERROR_MALFORMED);
      g_assert_nonnull (strstr (error->message, "damaged.copydesk"));
    }
}

static void
test_not_projects (void)
{
  const char *inputs[] = {
    "[]",
    "null",
    "\"copydesk-project\"",
    "{}",
    "{\"format\": 1, \"version\": 1}",
    "not json at all",
    "{\"format\": \"copydesk-project\", \"version\": 1",
    "\xff\xfe{}",
  };
  g_autoptr(GString) deep =
    g_string_new ("{\"format\": \"copydesk-project\", \"version\": 1, \"x\": ");
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(DeskProject) loaded = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (inputs); i++)
    {
      g_autoptr(GBytes) input = g_bytes_new_static (inputs[i], strlen (inputs[i]));
      g_autoptr(GError) input_error = NULL;
      g_autoptr(DeskProject) input_loaded = desk_project_file_load_from_bytes (input, NULL,
                                                                               &input_error);

      g_assert_null (input_loaded);
      g_assert_error (input_error, DESK_ERROR, DESK_ERROR_MALFORMED);
    }

  /* Nesting deep enough to exhaust a recursive parser. */
  for (guint i = 0; i < 100000; i++)
    g_string_append_c (deep, '[');

  bytes = g_bytes_new_static (deep->str, deep->len);
  loaded = desk_project_file_load_from_bytes (bytes, NULL, &error);
  g_assert_null (loaded);
  g_assert_error (error, DESK_ERROR, DESK_ERROR_MALFORMED);
}

static void
test_minimal_file (void)
{
  /* The smallest project a person could write by hand. */
  const char *text =
    "{ \"format\": \"copydesk-project\", \"version\": 1,\n"
    "  \"sources\": [ { \"name\": \"story.txt\",\n"
    "                 \"bytes\": \"U3Rvcm0gaGl0cyBIYWxpZmF4\\n"
    "CgpBIHN0b3JtIGhpdCBIYWxpZmF4IG9uIFR1ZXNkYXkuCg==\" } ],\n"
    "  \"draft\": { \"headline\": \"Storm\", \"paragraphs\": [ { \"text\": \"A storm.\" } ] },\n"
    "  \"future_member\": { \"ignored\": true } }\n";
  g_autoptr(GBytes) bytes = g_bytes_new_static (text, strlen (text));
  g_autoptr(GError) error = NULL;
  g_autoptr(DeskProject) loaded = desk_project_file_load_from_bytes (bytes, NULL, &error);
  DeskDraft *draft;

  g_assert_no_error (error);
  g_assert_nonnull (loaded);
  g_assert_cmpuint (g_list_model_get_n_items (desk_project_get_sources (loaded)), ==, 1);
  draft = desk_project_get_draft (loaded);
  g_assert_cmpstr (desk_draft_get_headline (draft), ==, "Storm");
  g_assert_cmpuint (desk_draft_get_n_paragraphs (draft), ==, 1);
  g_assert_false (desk_paragraph_get_edited (desk_draft_get_paragraph (draft, 0)));
  g_assert_cmpint (desk_credits_get_style (desk_project_get_credits (loaded)), ==,
                   DESK_CREDIT_STYLE_CONTRIBUTOR_LINE);
  /* A file from before house style: as written. */
  g_assert_true (desk_style_is_as_written (desk_project_get_style (loaded)));
}

static void
count_cb (guint *count)
{
  (*count)++;
}

static void
test_house_style (void)
{
  g_autoptr(DeskProject) project = desk_project_new ();
  g_autoptr(DeskProject) loaded = NULL;
  g_autoptr(GBytes) saved = NULL;
  g_autoptr(GError) error = NULL;
  DeskStyle *style = desk_project_get_style (project);
  guint changes = 0;

  g_signal_connect_swapped (project, "changed", G_CALLBACK (count_cb), &changes);
  desk_style_set_punctuation (style, DESK_STYLE_PUNCTUATION_ASCII);
  desk_style_set_spelling (style, DESK_STYLE_SPELLING_GB);
  desk_style_set_dateline (style, DESK_STYLE_DATELINE_COLON);
  desk_style_set_dash (style, DESK_STYLE_DASH_EM_CLOSED);
  desk_style_set_nbsp (style, DESK_STYLE_NBSP_FRENCH);
  g_assert_cmpuint (changes, ==, 5);

  saved = desk_project_file_save_to_bytes (project);
  loaded = desk_project_file_load_from_bytes (saved, NULL, &error);
  g_assert_no_error (error);
  style = desk_project_get_style (loaded);
  g_assert_cmpint (desk_style_get_punctuation (style), ==, DESK_STYLE_PUNCTUATION_ASCII);
  g_assert_cmpint (desk_style_get_spelling (style), ==, DESK_STYLE_SPELLING_GB);
  g_assert_cmpint (desk_style_get_dateline (style), ==, DESK_STYLE_DATELINE_COLON);
  g_assert_cmpint (desk_style_get_dash (style), ==, DESK_STYLE_DASH_EM_CLOSED);
  g_assert_cmpint (desk_style_get_nbsp (style), ==, DESK_STYLE_NBSP_FRENCH);
  g_assert_true (desk_draft_get_style (desk_project_get_draft (loaded)) == style);
}

static DeskSource *
text_source (const char *text,
             const char *name)
{
  g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));
  g_autoptr(GError) error = NULL;
  DeskSource *source = desk_source_new_from_bytes (bytes, name, DESK_SOURCE_ORIGIN_FILE, &error);

  g_assert_no_error (error);
  return source;
}

/* Sources are called by their outlet, told apart when one outlet sent several; the name
 * the editor gives one is kept, saved and loaded. */
static void
test_source_labels (void)
{
  g_autoptr(DeskProject) project = desk_project_new ();
  g_autoptr(DeskProject) loaded = NULL;
  g_autoptr(GBytes) saved = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(DeskSource) short_take = text_source (
    "Storm hits Halifax\n\nHALIFAX, Nova Scotia (AP) -- A storm knocked out power to "
    "200,000 homes on Tuesday, the utility said.\n", "002_41805ab46882eb0b.txt");
  g_autoptr(DeskSource) long_take = text_source (
    "Storm hits Halifax\n\nHALIFAX, Nova Scotia (AP) -- A storm knocked out power to "
    "200,000 homes on Tuesday, the utility said.\n\nCrews expected some customers to be "
    "without power for several days, the utility added on Tuesday evening.\n", "000_6a068567.txt");
  g_autoptr(DeskSource) reprint = text_source (
    "examplenews24.com :http://www.examplenews24.com: Example News\n\nStorm hits "
    "Halifax\n\nHalifax, Nov 27 (PTI) A storm knocked out power to 200,000 homes on "
    "Tuesday, the utility said.\n", "003_c763d9ff.txt");
  g_autoptr(DeskSource) unknown = text_source (
    "Storm\n\nThe storm knocked out power to many homes on Tuesday, the utility said.\n",
    "notes.txt");
  DeskSource *sources[] = { short_take, long_take, reprint, unknown };
  GListModel *loaded_sources;

  desk_project_add_sources (project, sources, G_N_ELEMENTS (sources));
  g_assert_cmpstr (desk_source_get_label (reprint), ==, "examplenews24.com (PTI)");
  g_assert_cmpstr (desk_source_get_label (unknown), ==, "notes");
  /* Two takes from AP: their lengths tell them apart. */
  g_assert_true (g_str_has_prefix (desk_source_get_label (short_take), "AP · "));
  g_assert_true (g_str_has_prefix (desk_source_get_label (long_take), "AP · "));
  g_assert_cmpstr (desk_source_get_label (short_take), !=, desk_source_get_label (long_take));

  /* Named by the editor. */
  desk_source_set_label (long_take, "  AP, second take ");
  g_assert_cmpstr (desk_source_get_label (long_take), ==, "AP, second take");
  g_assert_cmpstr (desk_source_get_custom_label (long_take), ==, "AP, second take");

  saved = desk_project_file_save_to_bytes (project);
  loaded = desk_project_file_load_from_bytes (saved, NULL, &error);
  g_assert_no_error (error);
  loaded_sources = desk_project_get_sources (loaded);
  {
    g_autoptr(DeskSource) first = g_list_model_get_item (loaded_sources, 0);
    g_autoptr(DeskSource) second = g_list_model_get_item (loaded_sources, 1);

    g_assert_null (desk_source_get_custom_label (first));
    g_assert_cmpstr (desk_source_get_label (second), ==, "AP, second take");
  }

  /* Named back: the outlet's name again. */
  desk_source_set_label (long_take, "");
  g_assert_null (desk_source_get_custom_label (long_take));
  g_assert_true (g_str_has_prefix (desk_source_get_label (long_take), "AP · "));
}

/* Where and how the story was last exported is kept with it. */
static void
test_export_settings (void)
{
  g_autoptr(DeskProject) project = desk_project_new ();
  g_autoptr(DeskProject) loaded = NULL;
  g_autoptr(DeskProject) older = NULL;
  g_autoptr(GBytes) saved = NULL;
  g_autoptr(GBytes) saved_before = NULL;
  g_autoptr(GError) error = NULL;
  guint changes = 0;

  saved_before = desk_project_file_save_to_bytes (project);
  g_signal_connect_swapped (project, "changed", G_CALLBACK (count_cb), &changes);
  desk_project_set_export (project, "html", "/srv/desk/exports");
  desk_project_set_export (project, "html", "/srv/desk/exports");
  g_assert_cmpuint (changes, ==, 1);

  saved = desk_project_file_save_to_bytes (project);
  loaded = desk_project_file_load_from_bytes (saved, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (desk_project_get_export_format (loaded), ==, "html");
  g_assert_cmpstr (desk_project_get_export_folder (loaded), ==, "/srv/desk/exports");

  /* A project never exported has none. */
  older = desk_project_file_load_from_bytes (saved_before, NULL, &error);
  g_assert_no_error (error);
  g_assert_null (desk_project_get_export_format (older));
  g_assert_null (desk_project_get_export_folder (older));
}

/* The dash form and the no-break spaces: files from before them load with the em dash and
 * none; a value this version does not know is damage that names the member. */
static void
test_house_style_dash_nbsp (void)
{
  g_autoptr(DeskProject) project = desk_project_new ();
  g_autoptr(GBytes) saved = NULL;
  static const struct {
    const char *member;
    const char *value;
  } bad[] = {
    { "dash", "\"hyphen\"" },
    { "nbsp", "\"swiss\"" },
  };

  desk_style_set_punctuation (desk_project_get_style (project), DESK_STYLE_PUNCTUATION_TYPOGRAPHIC);
  desk_style_set_dash (desk_project_get_style (project), DESK_STYLE_DASH_EN);
  desk_style_set_nbsp (desk_project_get_style (project), DESK_STYLE_NBSP_UNITS);
  saved = desk_project_file_save_to_bytes (project);

  {
    g_autoptr(JsonNode) root = parse (saved);
    JsonObject *settings = json_object_get_object_member (json_node_get_object (root), "settings");
    g_autoptr(GBytes) bytes = NULL;
    g_autoptr(DeskProject) loaded = NULL;
    g_autoptr(GError) error = NULL;

    g_assert_cmpstr (json_object_get_string_member (settings, "dash"), ==, "en");
    g_assert_cmpstr (json_object_get_string_member (settings, "nbsp"), ==, "units");
    json_object_remove_member (settings, "dash");
    json_object_remove_member (settings, "nbsp");
    bytes = serialize (root);
    loaded = desk_project_file_load_from_bytes (bytes, "old.copydesk", &error);
    g_assert_no_error (error);
    g_assert_cmpint (desk_style_get_punctuation (desk_project_get_style (loaded)), ==,
                     DESK_STYLE_PUNCTUATION_TYPOGRAPHIC);
    g_assert_cmpint (desk_style_get_dash (desk_project_get_style (loaded)), ==, DESK_STYLE_DASH_EM);
    g_assert_cmpint (desk_style_get_nbsp (desk_project_get_style (loaded)), ==, DESK_STYLE_NBSP_NONE);
  }

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(JsonNode) root = parse (saved);
      JsonObject *settings = json_object_get_object_member (json_node_get_object (root), "settings");
      g_autofree char *path = g_strdup_printf ("settings.%s", bad[i].member);
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(DeskProject) loaded = NULL;
      g_autoptr(GError) error = NULL;

      json_object_set_member (settings, bad[i].member, json_from_string (bad[i].value, NULL));
      bytes = serialize (root);
      loaded = desk_project_file_load_from_bytes (bytes, "bad.copydesk", &error);
      g_assert_null (loaded);
      g_assert_error (error, DESK_ERROR, DESK_ERROR_MALFORMED);
      g_test_message ("%s", error->message);
      g_assert_nonnull (strstr (error->message, path));
    }
}

typedef struct
{
  DeskProjectFileSnapshot *snapshot;
  GBytes                  *bytes;
} SnapshotWork;

static gpointer
snapshot_thread (gpointer data)
{
  SnapshotWork *work = data;

  work->bytes = desk_project_file_snapshot_to_bytes (work->snapshot);
  return NULL;
}

/* A snapshot is the project as it was when taken, written out in another thread while the
 * project changes on this one: the same bytes desk_project_file_save_to_bytes() gave
 * then, and they read back into the project as it was. */
static void
test_snapshot (void)
{
  g_autoptr(DeskProject) project = edited_harbour_fire ();
  g_autoptr(GBytes) before = desk_project_file_save_to_bytes (project);
  g_autoptr(GBytes) after = NULL;
  g_autoptr(DeskProject) reread = NULL;
  g_autoptr(DeskBlock) block = NULL;
  g_autoptr(DeskSource) source = NULL;
  g_autoptr(GError) error = NULL;
  SnapshotWork work = { desk_project_file_snapshot_new (project), NULL };
  GThread *thread = g_thread_new ("snapshot", snapshot_thread, &work);
  DeskDraft *draft = desk_project_get_draft (project);

  /* Meanwhile: the draft edited, a role overridden, a source removed, the style set. */
  desk_draft_set_headline (draft, "A headline typed after the snapshot");
  desk_draft_set_paragraph_text (draft, 0, "A paragraph typed after the snapshot.");
  source = g_list_model_get_item (desk_project_get_sources (project), 1);
  block = g_list_model_get_item (desk_source_get_blocks (source), 3);
  desk_block_set_role (block, DESK_BLOCK_ROLE_FURNITURE);
  desk_project_remove_source (project, 3);
  desk_credits_set_style (desk_project_get_credits (project), DESK_CREDIT_STYLE_NONE);

  g_thread_join (thread);
  g_assert_true (g_bytes_equal (work.bytes, before));

  after = desk_project_file_save_to_bytes (project);
  g_assert_false (g_bytes_equal (after, before));

  reread = desk_project_file_load_from_bytes (work.bytes, "snapshot.copydesk", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (desk_project_get_sources (reread)), ==, 4);
  g_assert_cmpstr (desk_draft_get_headline (desk_project_get_draft (reread)), ==,
                   "Halifax ferry fire kills 14");

  g_bytes_unref (work.bytes);
  desk_project_file_snapshot_free (work.snapshot);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/project-file/round-trip", test_round_trip);
  g_test_add_func ("/project-file/source-labels", test_source_labels);
  g_test_add_func ("/project-file/export-settings", test_export_settings);
  g_test_add_func ("/project-file/empty-project", test_empty_project);
  g_test_add_func ("/project-file/files", test_files);
  g_test_add_func ("/project-file/async", test_async);
  g_test_add_func ("/project-file/async-errors", test_async_errors);
  g_test_add_func ("/project-file/snapshot", test_snapshot);
  g_test_add_func ("/project-file/truncated", test_truncated);
  g_test_add_func ("/project-file/newer-version", test_newer_version);
  g_test_add_func ("/project-file/damaged", test_damaged);
  g_test_add_func ("/project-file/not-projects", test_not_projects);
  g_test_add_func ("/project-file/minimal", test_minimal_file);
  g_test_add_func ("/project-file/house-style", test_house_style);
  g_test_add_func ("/project-file/house-style-dash-nbsp", test_house_style_dash_nbsp);

  return g_test_run ();
}
