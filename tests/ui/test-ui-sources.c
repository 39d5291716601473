/* test-ui-sources.c: sources are called by their outlet, and by the name the editor gives
 *
 * Cards, menus and tooltips showed file names ("002_41805ab46882eb0b"). Driven in-process
 * under Xvfb, through the window's actions and the rename dialog the sources menu opens.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "desk-project.h"
#include "desk-source-view.h"
#include "desk-sources-panel.h"
#include "ui-test-util.h"

/* Whether a label under @widget shows @text (all of it, or within it when @within). */
static gboolean
find_label (GtkWidget  *widget,
            const char *text,
            gboolean    within)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_LABEL (child) && gtk_widget_get_mapped (child) &&
          (within ? strstr (gtk_label_get_label (GTK_LABEL (child)), text) != NULL
                  : g_strcmp0 (gtk_label_get_label (GTK_LABEL (child)), text) == 0))
        return TRUE;
      if (find_label (child, text, within))
        return TRUE;
    }
  return FALSE;
}

static gboolean
shows_label (GtkWidget  *widget,
             const char *text)
{
  return find_label (widget, text, FALSE);
}

static void
test_outlet_names (void)
{
  DeskWindow *window = ui_test_open_roundup ("harbour-fire");
  GListModel *sources = desk_project_get_sources (desk_window_get_project (window));
  g_autoptr(DeskSource) reprint = NULL;
  g_autoptr(DeskSource) agency = NULL;

  g_assert_cmpuint (g_list_model_get_n_items (sources), ==, 4);
  agency = g_list_model_get_item (sources, 0);
  reprint = g_list_model_get_item (sources, 2);

  /* The reprint is called by its site and the agency whose copy it is; AP's versions by
   * AP and their length. */
  g_assert_nonnull (strstr (desk_source_get_label (reprint), "(PTI)"));
  g_assert_true (g_str_has_prefix (desk_source_get_label (agency), "AP · "));
  g_assert_true (shows_label (GTK_WIDGET (window), desk_source_get_label (reprint)));
  /* Nowhere a file name: not on the cards, not in the suggestions' source chips. */
  g_assert_false (find_label (GTK_WIDGET (window), "scraped", TRUE));
  g_assert_false (find_label (GTK_WIDGET (window), "newspaper", TRUE));
  g_assert_true (find_label (desk_window_get_suggestions_panel (window), "(PTI)", TRUE));
  ui_test_screenshot (GTK_WIDGET (window), "sources-by-outlet");

  ui_test_close_window (window);
}

static void
test_rename (void)
{
  DeskWindow *window = ui_test_open_roundup ("harbour-fire");
  GListModel *sources = desk_project_get_sources (desk_window_get_project (window));
  g_autoptr(DeskSource) source = g_list_model_get_item (sources, 1);
  GtkWindow *dialog;
  GtkWidget *entry;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.rename-source", "s",
                                             desk_source_get_id (source)));
  ui_test_run_for (200);
  dialog = ui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (dialog);
  entry = adw_message_dialog_get_extra_child (ADW_MESSAGE_DIALOG (dialog));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, desk_source_get_label (source));

  gtk_editable_set_text (GTK_EDITABLE (entry), "Chronicle-Herald, staff");
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "rename");
  ui_test_run_for (300);

  g_assert_cmpstr (desk_source_get_label (source), ==, "Chronicle-Herald, staff");
  g_assert_true (shows_label (GTK_WIDGET (window), "Chronicle-Herald, staff"));
  ui_test_screenshot (GTK_WIDGET (window), "sources-renamed");

  /* Empty: the name it is given again. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.set-source-label",
                                             "(ss)", desk_source_get_id (source), ""));
  ui_test_run_for (200);
  g_assert_null (desk_source_get_custom_label (source));
  g_assert_false (shows_label (GTK_WIDGET (window), "Chronicle-Herald, staff"));

  ui_test_close_window (window);
}

static gboolean
has_two_sources (gpointer data)
{
  return g_list_model_get_n_items (desk_project_get_sources (desk_window_get_project (data))) == 2;
}

/* Versions added to a window without a draft wait for one: nothing is suggested against an
 * empty draft ("Accept All 38 Additions" of everything), until a draft is started. */
static void
test_no_suggestions_before_start (void)
{
  g_autoptr(GPtrArray) files = ui_test_seed_files ("dam-talks");
  DeskWindow *window = DESK_WINDOW (desk_application_new_window (ui_test_get_application ()));
  DeskProject *project = desk_window_get_project (window);

  g_ptr_array_set_size (files, 2);
  desk_window_add_files (window, (GFile **)files->pdata, files->len, FALSE);
  g_assert_true (ui_test_wait_for (has_two_sources, window, 5000));
  ui_test_settle (window);

  g_assert_null (desk_project_get_draft_source_id (project));
  g_assert_cmpuint (g_list_model_get_n_items (desk_window_get_suggestions (window)), ==, 0);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.accept-all", NULL);
  g_assert_cmpuint (desk_draft_get_n_paragraphs (desk_project_get_draft (project)), ==, 0);
  ui_test_screenshot (GTK_WIDGET (window), "sources-waiting-for-start");

  /* Started from the second version: now the first one's news is proposed. */
  {
    g_autoptr(DeskSource) second = g_list_model_get_item (desk_project_get_sources (project), 1);

    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.start-draft", "s",
                                               desk_source_get_id (second)));
  }
  ui_test_settle (window);
  g_assert_cmpuint (g_list_model_get_n_items (desk_window_get_suggestions (window)), >, 0);

  ui_test_close_window (window);
}

/* Every label under @widget, shown or not (a list view's rows below the fold are not, nor
 * is a window not yet mapped). */
static void
collect_labels (GtkWidget  *widget,
                GHashTable *texts)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_LABEL (child))
        g_hash_table_add (texts, g_strdup (gtk_label_get_label (GTK_LABEL (child))));
      collect_labels (child, texts);
    }
}

static gboolean
list_shows (GtkWidget  *widget,
            const char *text)
{
  g_autoptr(GHashTable) texts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  collect_labels (widget, texts);
  return g_hash_table_contains (texts, text);
}

typedef struct
{
  guint n_items_changed;
  guint n_added;
  guint n_project_changed;
} Batch;

static void
sources_changed_cb (GListModel *model,
                    guint       position,
                    guint       removed,
                    guint       added,
                    Batch      *batch)
{
  batch->n_items_changed++;
  batch->n_added += added;
}

static void
project_changed_cb (DeskProject *project,
                    Batch       *batch)
{
  batch->n_project_changed++;
}

static gboolean
has_n_sources (gpointer data)
{
  DeskWindow *window = data;
  guint wanted = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (window), "test-wanted"));

  return g_list_model_get_n_items (desk_project_get_sources (desk_window_get_project (window))) == wanted;
}

#define N_BATCH 40

/* A folder of versions opened at once, as from the command line (GApplication::open): the
 * panel says how far the reading is, the project takes them in one change, and the list
 * shows every one by its label; a row is still selected and renamed as before. */
static void
test_batch (void)
{
  DeskApplication *application = ui_test_get_application ();
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("copydesk-batch-XXXXXX", &error);
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GList) before = NULL;
  DeskWindow *window = NULL;
  DeskProject *project;
  GListModel *sources;
  GtkWidget *panel;
  GtkWidget *list;
  Batch batch = { 0 };

  g_assert_no_error (error);
  for (guint i = 0; i < N_BATCH; i++)
    {
      g_autofree char *name = g_strdup_printf ("harbour-%02u.txt", i);
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_autofree char *text =
        g_strdup_printf ("Harbour ferry story, version %u of the desk\n\n"
                         "HALIFAX - The %u ferries of the harbour stopped on Tuesday after a fire "
                         "in the engine room of the vessel number %u, the operator said.\n\n"
                         "Crews worked through the night, and %u passengers were taken ashore "
                         "by the coast guard before dawn.\n", i, i + 2, i * 7 + 1, i * 11 + 3);

      g_file_set_contents (path, text, -1, &error);
      g_assert_no_error (error);
      g_ptr_array_add (files, g_file_new_for_path (path));
    }

  /* The way copydesk's command line opens files: a new window unless one is empty. */
  before = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (application)));
  g_application_open (G_APPLICATION (application), (GFile **)files->pdata, files->len, "");
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (application)); l != NULL; l = l->next)
    if (DESK_IS_WINDOW (l->data) && (g_list_find (before, l->data) == NULL ||
                                     gtk_application_get_active_window (GTK_APPLICATION (application)) == l->data))
      window = l->data;
  g_assert_nonnull (window);
  project = desk_window_get_project (window);
  sources = desk_project_get_sources (project);
  panel = ui_test_find_child (GTK_WIDGET (window), DESK_TYPE_SOURCES_PANEL);
  list = ui_test_find_child (panel, GTK_TYPE_LIST_VIEW);
  g_assert_nonnull (list);

  /* The files are read in the background; the panel counts them meanwhile. */
  g_assert_cmpuint (g_list_model_get_n_items (sources), ==, 0);
  {
    g_autofree char *reading = g_strdup_printf ("Reading 0 of %u files…", N_BATCH);

    g_assert_true (list_shows (panel, reading));
  }

  g_signal_connect (sources, "items-changed", G_CALLBACK (sources_changed_cb), &batch);
  g_signal_connect (project, "changed", G_CALLBACK (project_changed_cb), &batch);
  g_object_set_data (G_OBJECT (window), "test-wanted", GUINT_TO_POINTER (N_BATCH));
  g_assert_true (ui_test_wait_for (has_n_sources, window, 30000));
  ui_test_settle (window);
  g_signal_handlers_disconnect_by_data (sources, &batch);
  g_signal_handlers_disconnect_by_data (project, &batch);

  /* One change for the batch: the list once, the project once for the sources and once
   * for the draft started from the first of them. */
  g_assert_cmpuint (batch.n_items_changed, ==, 1);
  g_assert_cmpuint (batch.n_added, ==, N_BATCH);
  g_assert_cmpuint (batch.n_project_changed, ==, 2);
  g_assert_true (ui_test_shows_text (panel, "40 versions of the story"));

  /* Every version in the list, by its label, in the order given. */
  for (guint i = 0; i < N_BATCH; i++)
    {
      g_autoptr(DeskSource) source = g_list_model_get_item (sources, i);
      g_autofree char *name = g_strdup_printf ("harbour-%02u.txt", i);

      g_assert_true (g_str_has_suffix (desk_source_get_name (source), name));
      g_assert_true (list_shows (list, desk_source_get_label (source)));
    }
  ui_test_screenshot (GTK_WIDGET (window), "sources-batch");

  /* A row far down the list: activating it shows that source and selects its row. */
  {
    GtkSelectionModel *selection = gtk_list_view_get_model (GTK_LIST_VIEW (list));
    g_autoptr(DeskSource) source = g_list_model_get_item (sources, 33);
    GtkWidget *source_view = desk_window_get_source_view (window);

    g_signal_emit_by_name (list, "activate", 33);
    ui_test_run_for (200);
    g_assert_true (desk_source_view_get_source (DESK_SOURCE_VIEW (source_view)) == source);
    g_assert_true (gtk_selection_model_is_selected (selection, 33));
    {
      g_autoptr(GtkBitset) selected = gtk_selection_model_get_selection (selection);

      g_assert_cmpuint (gtk_bitset_get_size (selected), ==, 1);
    }

    /* Renamed: its row says the new name, and only its row. */
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.set-source-label", "(ss)",
                                               desk_source_get_id (source), "Desk copy 33"));
    ui_test_run_for (200);
    g_assert_cmpstr (desk_source_get_label (source), ==, "Desk copy 33");
    g_assert_true (list_shows (list, "Desk copy 33"));
    for (guint i = 0; i < N_BATCH; i++)
      {
        g_autoptr(DeskSource) other = g_list_model_get_item (sources, i);

        if (other != source)
          g_assert_true (list_shows (list, desk_source_get_label (other)));
      }
    g_assert_true (gtk_selection_model_is_selected (selection, 33));

    /* Back to the list: nothing selected. */
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-source", "s", ""));
    ui_test_run_for (100);
    {
      g_autoptr(GtkBitset) selected = gtk_selection_model_get_selection (selection);

      g_assert_true (gtk_bitset_is_empty (selected));
    }
  }

  ui_test_close_window (window);
  for (guint i = 0; i < files->len; i++)
    g_file_delete (g_ptr_array_index (files, i), NULL, NULL);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  ui_test_init (&argc, &argv);

  g_test_add_func ("/ui/sources/outlet-names", test_outlet_names);
  g_test_add_func ("/ui/sources/rename", test_rename);
  g_test_add_func ("/ui/sources/no-suggestions-before-start", test_no_suggestions_before_start);
  g_test_add_func ("/ui/sources/batch", test_batch);

  return g_test_run ();
}
