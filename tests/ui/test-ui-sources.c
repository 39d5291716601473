/* test-ui-sources.c: sources are called by their outlet, and by the name the editor gives
 *
 * Cards, menus and tooltips showed file names ("002_41805ab46882eb0b"). Driven in-process
 * under Xvfb, through the window's actions and the rename dialog the sources menu opens.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "desk-project.h"
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

int
main (int   argc,
      char *argv[])
{
  ui_test_init (&argc, &argv);

  g_test_add_func ("/ui/sources/outlet-names", test_outlet_names);
  g_test_add_func ("/ui/sources/rename", test_rename);
  g_test_add_func ("/ui/sources/no-suggestions-before-start", test_no_suggestions_before_start);

  return g_test_run ();
}
