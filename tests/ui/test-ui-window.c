/* test-ui-window.c: the desk editor's workflow, through the actions a user triggers
 *
 * Opens the seed roundup as `copydesk seeds/harbour-fire/…` does and checks that the
 * window shows what the core reports; accepts, undoes, rejects, accepts all and exports
 * through win.* actions, comparing with the core and with `copydesk-merge merge`; and
 * takes screenshots of the window at each step (<build>/screenshots).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "desk-aliases.h"
#include "desk-draft-view.h"
#include "desk-export.h"
#include "desk-export-dialog.h"
#include "desk-credits-dialog.h"
#include "desk-source-view.h"
#include "desk-suggester.h"
#include "ui-test-util.h"

/* The project `copydesk-merge` builds from the same files: the first starts the draft. */
static DeskProject *
core_project (const char *roundup)
{
  g_autoptr(GPtrArray) files = ui_test_seed_files (roundup);
  DeskProject *project = desk_project_new ();

  for (guint i = 0; i < files->len; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(DeskSource) source = desk_source_new_for_file (g_ptr_array_index (files, i), 0, NULL, &error);

      g_assert_no_error (error);
      if (i == 0)
        desk_project_start_draft_from (project, source);
      desk_project_add_source (project, source);
    }

  return project;
}

static char *
draft_text (DeskProject *project)
{
  DeskDraft *draft = desk_project_get_draft (project);
  g_autofree char *body = desk_draft_to_text (draft);

  return g_strdup_printf ("%s\n\n%s", desk_draft_get_headline (draft) ? desk_draft_get_headline (draft) : "",
                          body);
}

static gboolean
same_suggestion (DeskSuggestion *a,
                 DeskSuggestion *b)
{
  return desk_suggestion_get_kind (a) == desk_suggestion_get_kind (b) &&
         desk_suggestion_get_after (a) == desk_suggestion_get_after (b) &&
         desk_suggestion_get_target (a) == desk_suggestion_get_target (b) &&
         g_strcmp0 (desk_suggestion_get_text (a), desk_suggestion_get_text (b)) == 0;
}

static int
find_suggestion (GListModel *list,
                 const char *text)
{
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(DeskSuggestion) suggestion = g_list_model_get_item (list, i);

      if (g_strcmp0 (desk_suggestion_get_text (suggestion), text) == 0)
        return i;
    }
  return -1;
}

static int
find_kind (GListModel         *list,
           DeskSuggestionKind  kind,
           guint               nth)
{
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(DeskSuggestion) suggestion = g_list_model_get_item (list, i);

      if (desk_suggestion_get_kind (suggestion) == kind && nth-- == 0)
        return i;
    }
  return -1;
}

static void
activate (DeskWindow *window,
          const char *action)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), action, NULL));
}

/* ---- The empty window -------------------------------------------------------------- */

static void
test_empty (void)
{
  DeskWindow *window;

  g_application_activate (G_APPLICATION (ui_test_get_application ()));
  window = DESK_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (ui_test_get_application ())));
  g_assert_nonnull (window);
  g_assert_true (desk_window_is_empty (window));
  g_assert_cmpuint (g_list_model_get_n_items (desk_window_get_suggestions (window)), ==, 0);

  ui_test_screenshot (GTK_WIDGET (window), "01-empty");

  ui_test_close_window (window);
}

/* ---- The roundup ------------------------------------------------------------------- */

static void
test_roundup_matches_core (void)
{
  DeskWindow *window = ui_test_open_roundup ("harbour-fire");
  g_autoptr(DeskProject) core = core_project ("harbour-fire");
  g_autoptr(DeskSuggester) suggester = desk_suggester_new ();
  g_autoptr(GPtrArray) expected = desk_suggester_suggest (suggester, core);
  GListModel *shown = desk_window_get_suggestions (window);
  g_autofree char *window_draft = draft_text (desk_window_get_project (window));
  g_autofree char *core_draft = draft_text (core);

  /* The first file started the draft. */
  g_assert_cmpstr (window_draft, ==, core_draft);

  /* The list holds what the core reports, in its order, and then the house style's. */
  {
    g_autoptr(DeskAliases) aliases = desk_aliases_new_default ();
    g_autoptr(GPtrArray) style = desk_style_suggest (desk_project_get_style (desk_window_get_project (window)),
                                                     desk_project_get_draft (core), aliases, NULL);

    for (guint i = 0; i < style->len; i++)
      g_ptr_array_add (expected, g_object_ref (g_ptr_array_index (style, i)));
  }
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, expected->len);
  for (guint i = 0; i < expected->len; i++)
    {
      g_autoptr(DeskSuggestion) suggestion = g_list_model_get_item (shown, i);
      g_assert_true (same_suggestion (suggestion, g_ptr_array_index (expected, i)));
    }

  /* Keyboard navigation: next and previous, greyed out at the ends. */
  desk_window_select (window, 0);
  activate (window, "win.next-suggestion");
  g_assert_cmpint (desk_window_get_selected (window), ==, 1);
  activate (window, "win.previous-suggestion");
  g_assert_cmpint (desk_window_get_selected (window), ==, 0);

  /* Select the first missing paragraph for the picture. */
  desk_window_select (window, find_kind (shown, DESK_SUGGESTION_MISSING, 1));
  ui_test_screenshot (GTK_WIDGET (window), "02-roundup");

  ui_test_close_window (window);
}

/* ---- Accept, undo, reject ---------------------------------------------------------- */

static void
test_accept_undo_reject (void)
{
  DeskWindow *window = ui_test_open_roundup ("harbour-fire");
  DeskProject *project = desk_window_get_project (window);
  DeskDraft *draft = desk_project_get_draft (project);
  GListModel *shown = desk_window_get_suggestions (window);
  g_autoptr(DeskSuggestion) chosen = NULL;
  g_autofree char *before = draft_text (project);
  g_autofree char *text = NULL;
  g_autofree char *after_undo = NULL;
  guint n_paragraphs = desk_draft_get_n_paragraphs (draft);
  guint n_suggestions = g_list_model_get_n_items (shown);
  int position;
  int after;

  /* A missing paragraph that goes after a paragraph of the draft. */
  position = -1;
  for (guint i = 0; i < n_suggestions && position < 0; i++)
    {
      g_autoptr(DeskSuggestion) suggestion = g_list_model_get_item (shown, i);

      if (desk_suggestion_get_kind (suggestion) == DESK_SUGGESTION_MISSING &&
          desk_suggestion_get_after (suggestion) >= 0)
        position = i;
    }
  g_assert_cmpint (position, >=, 0);
  chosen = g_list_model_get_item (shown, position);
  after = desk_suggestion_get_after (chosen);
  /* It arrives in the project's house style. */
  text = desk_style_apply (desk_project_get_style (project), desk_suggestion_get_text (chosen));

  desk_window_select (window, position);
  g_assert_cmpint (desk_window_get_selected (window), ==, position);
  activate (window, "win.accept");

  /* The draft has it, right after its paragraph, and once. */
  g_assert_cmpuint (desk_draft_get_n_paragraphs (draft), ==, n_paragraphs + 1);
  g_assert_cmpstr (desk_paragraph_get_text (desk_draft_get_paragraph (draft, after + 1)), ==, text);
  g_assert_true (desk_paragraph_get_n_provenance (desk_draft_get_paragraph (draft, after + 1)) > 0);

  /* The buffer shows it (one paragraph a line). */
  {
    GtkTextBuffer *buffer = desk_draft_view_get_body_buffer (DESK_DRAFT_VIEW (desk_window_get_draft_view (window)));
    GtkTextIter start, end;
    g_autofree char *shown_text = NULL;

    gtk_text_buffer_get_bounds (buffer, &start, &end);
    shown_text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
    g_assert_nonnull (strstr (shown_text, text));
  }

  /* The list no longer offers it, now and once the suggester has run again. */
  g_assert_cmpint (find_suggestion (shown, text), ==, -1);
  g_assert_cmpuint (g_list_model_get_n_items (shown), <, n_suggestions);
  ui_test_settle (window);
  g_assert_cmpint (find_suggestion (shown, text), ==, -1);
  ui_test_screenshot (GTK_WIDGET (window), "03-accepted");

  /* Undo: the draft as it was, the suggestion back. */
  activate (window, "win.undo");
  after_undo = draft_text (project);
  g_assert_cmpstr (after_undo, ==, before);
  ui_test_settle (window);
  g_assert_cmpint (find_suggestion (shown, text), >=, 0);
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, n_suggestions);

  /* Redo puts it back in. */
  activate (window, "win.redo");
  g_assert_cmpuint (desk_draft_get_n_paragraphs (draft), ==, n_paragraphs + 1);
  activate (window, "win.undo");
  ui_test_settle (window);

  /* Reject: it goes, and stays gone. */
  position = find_suggestion (shown, text);
  desk_window_select (window, position);
  activate (window, "win.reject");
  g_assert_cmpint (find_suggestion (shown, text), ==, -1);
  g_assert_true (g_strv_contains (desk_project_get_rejected (project), text));
  ui_test_settle (window);
  g_assert_cmpint (find_suggestion (shown, text), ==, -1);
  /* ... even after the draft changes and everything is computed again. */
  activate (window, "win.next-suggestion");
  {
    int missing = find_kind (shown, DESK_SUGGESTION_MISSING, 0);

    desk_window_select (window, missing);
    activate (window, "win.accept");
    ui_test_settle (window);
  }
  g_assert_cmpint (find_suggestion (shown, text), ==, -1);
  n_paragraphs = desk_draft_get_n_paragraphs (draft);

  /* A conflict cannot be accepted, only dismissed. */
  position = find_kind (shown, DESK_SUGGESTION_CONFLICT, 0);
  g_assert_cmpint (position, >=, 0);
  desk_window_select (window, position);
  {
    g_autofree char *unchanged = draft_text (project);
    g_autofree char *now = NULL;

    gtk_widget_activate_action (GTK_WIDGET (window), "win.accept", NULL);
    now = draft_text (project);
    g_assert_cmpstr (now, ==, unchanged);
    g_assert_cmpuint (desk_draft_get_n_paragraphs (draft), ==, n_paragraphs);
  }
  ui_test_screenshot (GTK_WIDGET (window), "04-conflict");

  ui_test_close_window (window);
}

/* ---- Typing ------------------------------------------------------------------------ */

static void
test_typing_is_one_history (void)
{
  DeskWindow *window = ui_test_open_roundup ("harbour-fire");
  DeskProject *project = desk_window_get_project (window);
  DeskDraft *draft = desk_project_get_draft (project);
  GtkTextBuffer *buffer = desk_draft_view_get_body_buffer (DESK_DRAFT_VIEW (desk_window_get_draft_view (window)));
  g_autofree char *before = draft_text (project);
  g_autofree char *undone = NULL;
  GtkTextIter end;
  guint n = desk_draft_get_n_paragraphs (draft);

  /* The editor types a paragraph of their own at the end. */
  gtk_text_buffer_get_end_iter (buffer, &end);
  gtk_text_buffer_insert (buffer, &end, "\nThe desk added this line.", -1);
  ui_test_settle (window);

  g_assert_cmpuint (desk_draft_get_n_paragraphs (draft), ==, n + 1);
  g_assert_cmpstr (desk_paragraph_get_text (desk_draft_get_paragraph (draft, n)), ==, "The desk added this line.");
  g_assert_cmpuint (desk_paragraph_get_n_provenance (desk_draft_get_paragraph (draft, n)), ==, 0);
  /* The paragraphs before keep where they came from. */
  g_assert_cmpuint (desk_paragraph_get_n_provenance (desk_draft_get_paragraph (draft, 0)), >, 0);

  /* A paragraph typed at the top comes from nowhere; the one it pushed down keeps its
   * source. */
  {
    GtkTextIter top;
    g_autofree char *before_top = draft_text (project);

    gtk_text_buffer_get_start_iter (buffer, &top);
    gtk_text_buffer_insert (buffer, &top, "A first paragraph, typed by the desk.\n", -1);
    ui_test_settle (window);
    g_assert_cmpstr (desk_paragraph_get_text (desk_draft_get_paragraph (draft, 0)), ==,
                     "A first paragraph, typed by the desk.");
    g_assert_cmpuint (desk_paragraph_get_n_provenance (desk_draft_get_paragraph (draft, 0)), ==, 0);
    g_assert_cmpuint (desk_paragraph_get_n_provenance (desk_draft_get_paragraph (draft, 1)), >, 0);
    activate (window, "win.undo");
    g_clear_pointer (&before_top, g_free);
  }

  /* Ctrl+Z undoes the typing, through the same history as the accepts. */
  activate (window, "win.undo");
  undone = draft_text (project);
  g_assert_cmpstr (undone, ==, before);

  ui_test_close_window (window);
}

/* ---- Accept All, export ------------------------------------------------------------ */

static char *
run_merge (const char *format,
           const char *style,
           GPtrArray  *files)
{
  const char *merge = g_getenv ("COPYDESK_MERGE");
  g_autoptr(GPtrArray) argv = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  int status = 0;

  if (merge == NULL || !g_file_test (merge, G_FILE_TEST_IS_EXECUTABLE))
    return NULL;

  g_ptr_array_add (argv, g_strdup (merge));
  g_ptr_array_add (argv, g_strdup ("merge"));
  g_ptr_array_add (argv, g_strdup ("--format"));
  g_ptr_array_add (argv, g_strdup (format));
  g_ptr_array_add (argv, g_strdup ("--style"));
  g_ptr_array_add (argv, g_strdup (style));
  for (guint i = 0; i < files->len; i++)
    g_ptr_array_add (argv, g_file_get_path (g_ptr_array_index (files, i)));
  g_ptr_array_add (argv, NULL);

  if (!g_spawn_sync (NULL, (char **)argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err, &status, &error))
    g_error ("copydesk-merge did not run: %s", error->message);
  if (!g_spawn_check_wait_status (status, &error))
    g_error ("copydesk-merge failed: %s\n%s", error->message, err);

  return g_steal_pointer (&out);
}

static void
test_accept_all_and_export (void)
{
  DeskWindow *window = ui_test_open_roundup ("harbour-fire");
  DeskProject *project = desk_window_get_project (window);
  g_autoptr(DeskProject) core = core_project ("harbour-fire");
  g_autoptr(DeskSuggester) suggester = desk_suggester_new ();
  g_autoptr(GPtrArray) suggestions = desk_suggester_suggest (suggester, core);
  g_autoptr(GPtrArray) files = ui_test_seed_files ("harbour-fire");
  g_autofree char *merged = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *shown = NULL;
  g_autofree char *tmpdir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *written = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  GtkWindow *dialog;
  GListModel *list = desk_window_get_suggestions (window);

  /* The core merge in the window's house style (a new project's: the default). */
  desk_style_copy_settings (desk_project_get_style (core), desk_project_get_style (project));
  g_assert_cmpint (desk_style_get_punctuation (desk_project_get_style (project)), ==,
                   DESK_STYLE_PUNCTUATION_TYPOGRAPHIC);
  desk_suggester_accept_all (suggester, core);
  expected = draft_text (core);

  activate (window, "win.accept-all");
  shown = draft_text (project);
  g_assert_cmpstr (shown, ==, expected);

  /* Conflicts are never applied: each is still there, as a conflict. */
  ui_test_settle (window);
  for (guint i = 0; i < suggestions->len; i++)
    {
      DeskSuggestion *suggestion = g_ptr_array_index (suggestions, i);
      int position;

      if (desk_suggestion_get_kind (suggestion) != DESK_SUGGESTION_CONFLICT)
        continue;
      position = find_suggestion (list, desk_suggestion_get_text (suggestion));
      g_assert_cmpint (position, >=, 0);
      {
        g_autoptr(DeskSuggestion) still = g_list_model_get_item (list, position);
        g_assert_cmpint (desk_suggestion_get_kind (still), ==, DESK_SUGGESTION_CONFLICT);
      }
    }
  ui_test_screenshot (GTK_WIDGET (window), "05-accepted-all");

  /* Export writes what copydesk-merge merge writes. */
  activate (window, "win.export");
  dialog = ui_test_find_toplevel (DESK_TYPE_EXPORT_DIALOG);
  g_assert_nonnull (dialog);
  ui_test_screenshot (GTK_WIDGET (dialog), "06-export");

  tmpdir = g_dir_make_tmp ("copydesk-export-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (tmpdir, "story.txt", NULL);
  file = g_file_new_for_path (path);
  g_assert_true (desk_export_dialog_export_to (DESK_EXPORT_DIALOG (dialog), file, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &written, NULL, NULL));

  merged = run_merge ("text", "typographic", files);
  if (merged != NULL)
    g_assert_cmpstr (written, ==, merged);
  else
    g_test_message ("copydesk-merge not found: export compared with the core only");

  {
    DeskExportOptions options;
    g_autofree char *core_text = NULL;

    desk_export_options_init (&options);
    core_text = desk_export_to_string (core, &options);
    g_assert_cmpstr (written, ==, core_text);
  }

  gtk_window_destroy (dialog);
  g_unlink (path);
  g_rmdir (tmpdir);

  /* Undo takes the whole Accept All back at once. */
  activate (window, "win.undo");
  {
    g_autoptr(DeskProject) fresh = core_project ("harbour-fire");
    g_autofree char *original = draft_text (fresh);
    g_autofree char *undone = draft_text (project);

    g_assert_cmpstr (undone, ==, original);
  }

  ui_test_close_window (window);
}

/* ---- House style ------------------------------------------------------------------- */

static void
test_house_style (void)
{
  DeskWindow *window = ui_test_open_roundup ("harbour-fire");
  DeskProject *project = desk_window_get_project (window);
  DeskStyle *style = desk_project_get_style (project);
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autofree char *before = draft_text (project);
  g_autofree char *ascii = NULL;
  g_autofree char *undone = NULL;
  g_autofree char *remembered = NULL;

  /* The agency's draft has curly quotes: in ASCII house style they go, in one step. */
  g_assert_nonnull (strstr (before, "“"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "house.punctuation", "s", "ascii"));
  g_assert_cmpint (desk_style_get_punctuation (style), ==, DESK_STYLE_PUNCTUATION_ASCII);
  remembered = g_settings_get_string (settings, "house-punctuation");
  g_assert_cmpstr (remembered, ==, "ascii");

  activate (window, "win.apply-house-style");
  ascii = draft_text (project);
  g_assert_null (strstr (ascii, "“"));
  g_assert_null (strstr (ascii, "’"));
  g_assert_nonnull (strstr (ascii, "\"This is the darkest night"));
  ui_test_screenshot (GTK_WIDGET (window), "11-house-style-ascii");

  activate (window, "win.undo");
  undone = draft_text (project);
  g_assert_cmpstr (undone, ==, before);

  /* British spelling, where the dictionaries confirm both forms: what Accept All takes
   * arrives in it (the newspaper's "harbor's mouth"). */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "house.spelling", "s", "gb"));
  if (desk_style_can_respell (style))
    {
      g_autofree char *british = NULL;

      ui_test_settle (window);
      activate (window, "win.accept-all");
      british = draft_text (project);
      g_assert_null (strstr (british, "harbor's mouth"));
      g_assert_nonnull (strstr (british, "harbour's mouth"));
    }
  else
    g_test_message ("no en_US/en_GB dictionaries: house spelling not checked");

  /* Back to the defaults for the tests that follow. */
  g_settings_reset (settings, "house-punctuation");
  g_settings_reset (settings, "house-spelling");
  ui_test_close_window (window);
}

/* The dash form and the no-break spaces: chosen in the House Style menu's radio groups
 * (only with typographic punctuation), remembered, and applied to the draft in one step. */
static void
test_house_dash_nbsp (void)
{
  DeskWindow *window = ui_test_open_roundup ("harbour-fire");
  DeskProject *project = desk_window_get_project (window);
  DeskStyle *style = desk_project_get_style (project);
  DeskDraft *draft = desk_project_get_draft (project);
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autofree char *dash = NULL;
  g_autofree char *nbsp = NULL;
  guint last;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "house.punctuation", "s", "typographic"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "house.dash", "s", "en"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "house.nbsp", "s", "french"));
  g_assert_cmpint (desk_style_get_dash (style), ==, DESK_STYLE_DASH_EN);
  g_assert_cmpint (desk_style_get_nbsp (style), ==, DESK_STYLE_NBSP_FRENCH);
  dash = g_settings_get_string (settings, "house-dash");
  nbsp = g_settings_get_string (settings, "house-nbsp");
  g_assert_cmpstr (dash, ==, "en");
  g_assert_cmpstr (nbsp, ==, "french");

  /* Text typed by the editor stays as typed until the style is applied, in one step. */
  {
    GtkTextBuffer *buffer = desk_draft_view_get_body_buffer (DESK_DRAFT_VIEW (desk_window_get_draft_view (window)));
    GtkTextIter end;

    gtk_text_buffer_get_end_iter (buffer, &end);
    gtk_text_buffer_insert (buffer, &end, "\nThe ferry -- late again -- ran 300 km: why?", -1);
    ui_test_settle (window);
  }
  last = desk_draft_get_n_paragraphs (draft) - 1;
  g_assert_cmpstr (desk_paragraph_get_text (desk_draft_get_paragraph (draft, last)), ==,
                   "The ferry -- late again -- ran 300 km: why?");
  activate (window, "win.apply-house-style");
  g_assert_cmpstr (desk_paragraph_get_text (desk_draft_get_paragraph (draft, last)), ==,
                   "The ferry – late again – ran 300\u00a0km\u00a0: why\u202f?");
  activate (window, "win.undo");
  g_assert_cmpstr (desk_paragraph_get_text (desk_draft_get_paragraph (draft, last)), ==,
                   "The ferry -- late again -- ran 300 km: why?");

  /* In ASCII style the two groups are greyed out and change nothing. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "house.punctuation", "s", "ascii"));
  gtk_widget_activate_action (GTK_WIDGET (window), "house.dash", "s", "em-closed");
  g_assert_cmpint (desk_style_get_dash (style), ==, DESK_STYLE_DASH_EN);

  g_settings_reset (settings, "house-punctuation");
  g_settings_reset (settings, "house-dash");
  g_settings_reset (settings, "house-nbsp");
  ui_test_close_window (window);
}

/* A style suggestion ("harbour, 5 × · harbor, 2 ×") in the window's list, or -1. */
static int
find_style_suggestion (GListModel *list)
{
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(DeskSuggestion) suggestion = g_list_model_get_item (list, i);

      if (desk_suggestion_get_kind (suggestion) == DESK_SUGGESTION_STYLE)
        return i;
    }
  return -1;
}

static void
test_style_suggestions (void)
{
  DeskWindow *window = ui_test_open_roundup ("harbour-fire");
  DeskProject *project = desk_window_get_project (window);
  GListModel *list = desk_window_get_suggestions (window);
  g_autoptr(DeskSuggestion) style = NULL;
  g_autofree char *house = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  const char * const *forms;
  int position;

  if (!desk_style_can_respell (desk_project_get_style (project)))
    {
      g_test_skip ("no en_US/en_GB dictionaries: spellings are not paired");
      ui_test_close_window (window);
      return;
    }

  /* After Accept All the draft spells harbour two ways. */
  activate (window, "win.accept-all");
  ui_test_settle (window);
  position = find_style_suggestion (list);
  g_assert_cmpint (position, >=, 0);
  style = g_list_model_get_item (list, position);
  house = g_strdup (desk_suggestion_get_new_text (style));
  forms = desk_suggestion_get_forms (style);
  g_assert_nonnull (forms);
  g_assert_nonnull (strstr (desk_suggestion_get_text (style), " × · "));

  desk_window_select (window, position);
  ui_test_screenshot (GTK_WIDGET (window), "12-style-suggestion");

  /* Accepting it says it one way everywhere outside quotations: one undo step. */
  before = draft_text (project);
  activate (window, "win.accept");
  after = draft_text (project);
  g_assert_cmpstr (after, !=, before);
  for (guint i = 0; forms[i] != NULL; i++)
    {
      g_autofree char *mention = g_strdup_printf (" %s ", forms[i]);

      g_assert_null (strstr (after, mention));
    }
  activate (window, "win.undo");
  {
    g_autofree char *undone = draft_text (project);

    g_assert_cmpstr (undone, ==, before);
  }

  ui_test_close_window (window);
}

/* ---- Credits ----------------------------------------------------------------------- */

static void
test_credits (void)
{
  DeskWindow *window = ui_test_open_roundup ("harbour-fire");
  GtkWindow *dialog;

  activate (window, "win.accept-all");
  ui_test_settle (window);
  activate (window, "win.credits");
  dialog = ui_test_find_toplevel (DESK_TYPE_CREDITS_DIALOG);
  g_assert_nonnull (dialog);
  ui_test_run_for (200);
  g_assert_nonnull (desk_credits_dialog_get_preview (DESK_CREDITS_DIALOG (dialog)));
  g_assert_nonnull (strstr (desk_credits_dialog_get_preview (DESK_CREDITS_DIALOG (dialog)), "contributed"));
  ui_test_screenshot (GTK_WIDGET (dialog), "07-credits");
  gtk_window_destroy (dialog);

  ui_test_close_window (window);
}

/* ---- A source, its roles ------------------------------------------------------------ */

static void
test_source_roles (void)
{
  DeskWindow *window = ui_test_open_roundup ("harbour-fire");
  DeskProject *project = desk_window_get_project (window);
  DeskSourceView *view = DESK_SOURCE_VIEW (desk_window_get_source_view (window));
  GListModel *shown = desk_window_get_suggestions (window);
  g_autoptr(DeskSource) source = g_list_model_get_item (desk_project_get_sources (project), 2);
  GListModel *blocks = desk_source_get_blocks (source);
  guint n_before = g_list_model_get_n_items (shown);
  int suggested = -1;
  int furniture = -1;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-source", "s",
                                             desk_source_get_id (source)));
  g_assert_true (desk_source_view_get_source (view) == source);

  for (guint i = 0; i < g_list_model_get_n_items (blocks); i++)
    {
      g_autoptr(DeskBlock) block = g_list_model_get_item (blocks, i);

      if (suggested < 0 && desk_block_get_role (block) == DESK_BLOCK_ROLE_BODY &&
          desk_source_view_get_block_state (view, i) == DESK_BLOCK_STATE_SUGGESTED)
        suggested = i;
      if (furniture < 0 && desk_block_get_role (block) == DESK_BLOCK_ROLE_FURNITURE)
        furniture = i;
    }
  g_assert_cmpint (suggested, >=, 0);
  g_assert_cmpint (furniture, >=, 0);

  desk_window_select (window, find_kind (shown, DESK_SUGGESTION_ADDITION, 0));
  ui_test_screenshot (GTK_WIDGET (window), "08-source");

  /* Calling a suggested paragraph furniture: the suggestions follow. */
  g_assert_true (desk_source_view_set_block_role (view, suggested, "furniture"));
  ui_test_settle (window);
  g_assert_cmpuint (g_list_model_get_n_items (shown), !=, 0);
  {
    g_autoptr(DeskBlock) block = g_list_model_get_item (blocks, suggested);
    g_assert_true (desk_block_get_role_overridden (block));
  }
  (void)n_before;

  ui_test_close_window (window);
}

/* ---- Dark, narrow ------------------------------------------------------------------ */

static void
test_dark_and_narrow (void)
{
  DeskWindow *window = ui_test_open_roundup ("harbour-fire");
  AdwStyleManager *style = adw_style_manager_get_default ();

  desk_window_select (window, find_kind (desk_window_get_suggestions (window), DESK_SUGGESTION_ADDITION, 0));
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_DARK);
  ui_test_screenshot (GTK_WIDGET (window), "10-dark");
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);

  gtk_window_set_default_size (GTK_WINDOW (window), 720, 800);
  ui_test_run_for (300);
  ui_test_screenshot (GTK_WIDGET (window), "11-narrow");

  ui_test_close_window (window);
}

/* ---- Other versions, headlines ------------------------------------------------------ */

static void
test_versions_and_headline (void)
{
  DeskWindow *window = ui_test_open_roundup ("harbour-fire");
  DeskDraft *draft = desk_project_get_draft (desk_window_get_project (window));
  GListModel *shown = desk_window_get_suggestions (window);
  int with_versions = -1;
  int headline;
  g_autofree char *alternative = NULL;
  g_autofree char *headline_text = NULL;

  /* Another version of a missing paragraph goes in instead of the proposed one. */
  for (guint i = 0; i < g_list_model_get_n_items (shown) && with_versions < 0; i++)
    {
      g_autoptr(DeskSuggestion) suggestion = g_list_model_get_item (shown, i);

      if (desk_suggestion_get_kind (suggestion) == DESK_SUGGESTION_MISSING &&
          desk_suggestion_get_n_alternatives (suggestion) > 0)
        {
          with_versions = i;
          alternative = g_strdup (desk_suggestion_get_alternative_text (suggestion, 0));
        }
    }
  g_assert_cmpint (with_versions, >=, 0);
  desk_window_select (window, with_versions);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.accept-version", "u", 0));
  {
    gboolean found = FALSE;

    for (guint i = 0; i < desk_draft_get_n_paragraphs (draft); i++)
      found |= g_str_equal (desk_paragraph_get_text (desk_draft_get_paragraph (draft, i)), alternative);
    g_assert_true (found);
  }
  ui_test_settle (window);

  /* A headline replaces the headline; the other headlines are settled with it. */
  headline = find_kind (shown, DESK_SUGGESTION_HEADLINE, 0);
  g_assert_cmpint (headline, >=, 0);
  {
    g_autoptr(DeskSuggestion) suggestion = g_list_model_get_item (shown, headline);
    headline_text = g_strdup (desk_suggestion_get_text (suggestion));
  }
  desk_window_select (window, headline);
  activate (window, "win.accept");
  g_assert_cmpstr (desk_draft_get_headline (draft), ==, headline_text);
  g_assert_cmpint (find_kind (shown, DESK_SUGGESTION_HEADLINE, 0), ==, -1);
  {
    GtkTextBuffer *buffer = desk_draft_view_get_headline_buffer (DESK_DRAFT_VIEW (desk_window_get_draft_view (window)));
    GtkTextIter start, end;
    g_autofree char *shown_headline = NULL;

    gtk_text_buffer_get_bounds (buffer, &start, &end);
    shown_headline = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
    g_assert_cmpstr (shown_headline, ==, headline_text);
  }

  ui_test_close_window (window);
}

/* ---- Starting the draft, pasting, closing --------------------------------------------- */

static gboolean
has_n_sources (gpointer data)
{
  DeskWindow *window = data;
  guint wanted = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (window), "test-wanted"));

  return g_list_model_get_n_items (desk_project_get_sources (desk_window_get_project (window))) == wanted;
}

/* The visible labels with @css_class below @widget, their texts in order. */
static void
collect_labels (GtkWidget  *widget,
                const char *css_class,
                GPtrArray  *texts)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_has_css_class (widget, css_class) &&
      gtk_widget_get_visible (widget))
    g_ptr_array_add (texts, g_strdup (gtk_label_get_label (GTK_LABEL (widget))));

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_labels (child, css_class, texts);
}

static void
test_wire_versions (void)
{
  const char *dir = g_getenv ("COPYDESK_FORMATS_DIR");
  const char * const names[] = { "ferry-v1.anpa", "ferry-v2.anpa", "ferry-g2-message.xml" };
  DeskWindow *window = DESK_WINDOW (desk_application_new_window (ui_test_get_application ()));
  DeskProject *project = desk_window_get_project (window);
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) notes = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    g_ptr_array_add (files, g_file_new_build_filename (dir, names[i], NULL));

  /* Agency files: the news message holds two stories, so four sources from three files. */
  g_object_set_data (G_OBJECT (window), "test-wanted", GUINT_TO_POINTER (4));
  desk_window_add_files (window, (GFile **)files->pdata, files->len, TRUE);
  g_assert_true (ui_test_wait_for (has_n_sources, window, 5000));
  ui_test_settle (window);

  /* The writethru says which version it updates. */
  collect_labels (GTK_WIDGET (window), "update-note", notes);
  g_assert_cmpuint (notes->len, ==, 1);
  g_assert_nonnull (strstr (g_ptr_array_index (notes, 0), "Update of"));
  {
    /* Named as everywhere else: by its label (its outlet), not its file. */
    g_autoptr(DeskSource) first = g_list_model_get_item (desk_project_get_sources (project), 0);

    g_assert_nonnull (strstr (desk_source_get_name (first), "ferry-v1"));
    g_assert_nonnull (strstr (g_ptr_array_index (notes, 0), desk_source_get_label (first)));
  }
  ui_test_screenshot (GTK_WIDGET (window), "17-wire-versions");

  g_assert_cmpuint (g_list_model_get_n_items (desk_project_get_sources (project)), ==, 4);
  ui_test_close_window (window);
}

static void
test_start_paste_close (void)
{
  g_autoptr(GPtrArray) files = ui_test_seed_files ("dam-talks");
  DeskWindow *window = DESK_WINDOW (desk_application_new_window (ui_test_get_application ()));
  DeskProject *project = desk_window_get_project (window);
  DeskDraft *draft = desk_project_get_draft (project);
  g_autoptr(DeskSource) second = NULL;
  GdkClipboard *clipboard;
  AdwMessageDialog *dialog = NULL;
  GListModel *toplevels;

  /* Opened from the Open dialog: the editor chooses where the draft starts. */
  desk_window_add_files (window, (GFile **)files->pdata, files->len, FALSE);
  ui_test_settle (window);
  g_assert_cmpuint (desk_draft_get_n_paragraphs (draft), ==, 0);
  ui_test_screenshot (GTK_WIDGET (window), "14-start-the-draft");

  second = g_list_model_get_item (desk_project_get_sources (project), 1);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.start-draft", "s",
                                             desk_source_get_id (second)));
  draft = desk_project_get_draft (project);
  g_assert_cmpstr (desk_project_get_draft_source_id (project), ==, desk_source_get_id (second));
  g_assert_cmpuint (desk_draft_get_n_paragraphs (draft), >, 0);
  ui_test_settle (window);

  /* Ctrl+Shift+V: the clipboard's text becomes a source. */
  clipboard = gtk_widget_get_clipboard (GTK_WIDGET (window));
  gdk_clipboard_set_text (clipboard, "NAIROBI, Kenya -- A pasted version of the story said the talks "
                                     "on the Oloibor dam would resume on Monday, officials said.");
  g_object_set_data (G_OBJECT (window), "test-wanted", GUINT_TO_POINTER (files->len + 1));
  activate (window, "win.paste-source");
  g_assert_true (ui_test_wait_for (has_n_sources, window, 5000));
  ui_test_settle (window);

  /* Closing with unsaved work asks first; Discard closes. */
  activate (window, "win.close");
  ui_test_run_for (200);
  toplevels = gtk_window_get_toplevels ();
  for (guint i = 0; i < g_list_model_get_n_items (toplevels) && dialog == NULL; i++)
    {
      g_autoptr(GtkWindow) toplevel = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (toplevel))
        dialog = ADW_MESSAGE_DIALOG (toplevel);
    }
  g_assert_nonnull (dialog);
  g_assert_true (adw_message_dialog_has_response (dialog, "save"));
  ui_test_screenshot (GTK_WIDGET (dialog), "15-save-changes");
  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *)&window);
  adw_message_dialog_response (dialog, "discard");
  ui_test_run_for (200);
  g_assert_null (window);
}

/* ---- A large roundup stays responsive --------------------------------------------- */

typedef struct
{
  gint64 last;
  gint64 worst;
} Stall;

static gboolean
stall_tick_cb (gpointer data)
{
  Stall *stall = data;
  gint64 now = g_get_monotonic_time ();

  if (stall->last != 0)
    stall->worst = MAX (stall->worst, now - stall->last);
  stall->last = now;
  return G_SOURCE_CONTINUE;
}

/* 200 versions: the seeds, each with one paragraph left out and one of its own added. */
static GPtrArray *
make_large_roundup (const char *dir)
{
  g_autoptr(GPtrArray) seeds = ui_test_seed_files ("harbour-fire");
  GPtrArray *files = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < 200; i++)
    {
      g_autofree char *contents = NULL;
      g_auto(GStrv) paragraphs = NULL;
      g_autoptr(GString) text = g_string_new (NULL);
      g_autofree char *name = g_strdup_printf ("%03u-version.txt", i);
      g_autofree char *path = g_build_filename (dir, name, NULL);
      guint n;

      g_assert_true (g_file_load_contents (g_ptr_array_index (seeds, i % seeds->len), NULL, &contents,
                                           NULL, NULL, NULL));
      paragraphs = g_strsplit (contents, "\n\n", -1);
      n = g_strv_length (paragraphs);
      for (guint p = 0; p < n; p++)
        {
          if (p == 4 + i % MAX (n - 4, 1u))
            continue;
          if (p == 3)
            g_string_append_printf (text, "Officials at desk %u said the review of harbour procedure "
                                    "number %u would continue into next week, a spokesperson said.\n\n",
                                    i, i * 13);
          g_string_append (text, paragraphs[p]);
          g_string_append (text, "\n\n");
        }
      g_assert_true (g_file_set_contents (path, text->str, -1, NULL));
      g_ptr_array_add (files, g_file_new_for_path (path));
    }

  return files;
}

static void
test_large_roundup (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("copydesk-large-XXXXXX", &error);
  g_autoptr(GPtrArray) files = NULL;
  Stall stall = { 0 };
  DeskWindow *window;
  GtkTextBuffer *buffer;
  GtkTextIter start;
  gint64 begin;
  guint tick;

  g_assert_no_error (error);
  files = make_large_roundup (dir);

  begin = g_get_monotonic_time ();
  g_application_open (G_APPLICATION (ui_test_get_application ()), (GFile **)files->pdata, files->len, "");
  window = DESK_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (ui_test_get_application ())));
  ui_test_settle (window);
  g_test_message ("200 sources opened and compared in %.0f ms, %u suggestions",
                  (g_get_monotonic_time () - begin) / 1000.0,
                  g_list_model_get_n_items (desk_window_get_suggestions (window)));
  g_assert_cmpuint (g_list_model_get_n_items (desk_project_get_sources (desk_window_get_project (window))), ==, files->len);

  /* Typing a paragraph at the top moves every suggestion: the main loop keeps turning. */
  tick = g_timeout_add (5, stall_tick_cb, &stall);
  buffer = desk_draft_view_get_body_buffer (DESK_DRAFT_VIEW (desk_window_get_draft_view (window)));
  for (guint i = 0; i < 5; i++)
    {
      gtk_text_buffer_get_start_iter (buffer, &start);
      gtk_text_buffer_insert (buffer, &start, "A new first paragraph, typed by the desk.\n", -1);
      ui_test_run_for (60);
    }
  begin = g_get_monotonic_time ();
  ui_test_settle (window);
  g_source_remove (tick);
  g_test_message ("settled %.0f ms after typing; the longest the main loop waited: %.0f ms",
                  (g_get_monotonic_time () - begin) / 1000.0, stall.worst / 1000.0);
  ui_test_screenshot (GTK_WIDGET (window), "13-large");
  /* Generous: Xvfb renders in software. A frame of the window takes ~120 ms there. */
  g_assert_cmpint (stall.worst, <, 600 * G_TIME_SPAN_MILLISECOND);

  ui_test_close_window (window);
  for (guint i = 0; i < files->len; i++)
    g_file_delete (g_ptr_array_index (files, i), NULL, NULL);
  g_rmdir (dir);
}

int
main (int    argc,
      char **argv)
{
  ui_test_init (&argc, &argv);

  g_test_add_func ("/ui/window/empty", test_empty);
  g_test_add_func ("/ui/window/roundup", test_roundup_matches_core);
  g_test_add_func ("/ui/window/accept-undo-reject", test_accept_undo_reject);
  g_test_add_func ("/ui/window/typing", test_typing_is_one_history);
  g_test_add_func ("/ui/window/accept-all-export", test_accept_all_and_export);
  g_test_add_func ("/ui/window/house-style", test_house_style);
  g_test_add_func ("/ui/window/house-dash-nbsp", test_house_dash_nbsp);
  g_test_add_func ("/ui/window/style-suggestions", test_style_suggestions);
  g_test_add_func ("/ui/window/credits", test_credits);
  g_test_add_func ("/ui/window/source-roles", test_source_roles);
  g_test_add_func ("/ui/window/dark-narrow", test_dark_and_narrow);
  g_test_add_func ("/ui/window/versions-headline", test_versions_and_headline);
  g_test_add_func ("/ui/window/start-paste-close", test_start_paste_close);
  g_test_add_func ("/ui/window/wire-versions", test_wire_versions);
  g_test_add_func ("/ui/window/large", test_large_roundup);

  return g_test_run ();
}
