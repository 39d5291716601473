/* test-ui-templates.c: every composite template instantiates without a warning
 *
 * gtk_test_init() makes warnings and criticals fatal, so a template that names a missing
 * child, a wrong property or an unknown signal handler fails here.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "desk-credits-dialog.h"
#include "desk-draft-view.h"
#include "desk-export-dialog.h"
#include "desk-preferences-window.h"
#include "desk-source-view.h"
#include "desk-sources-panel.h"
#include "desk-suggestion-row.h"
#include "desk-suggestions-panel.h"
#include "ui-test-util.h"

static void
realize_in_window (GtkWidget *widget)
{
  GtkWidget *window = gtk_window_new ();

  gtk_window_set_child (GTK_WINDOW (window), widget);
  gtk_window_present (GTK_WINDOW (window));
  gtk_test_widget_wait_for_draw (window);
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_panels (void)
{
  realize_in_window (g_object_new (DESK_TYPE_DRAFT_VIEW, NULL));
  realize_in_window (g_object_new (DESK_TYPE_SOURCE_VIEW, NULL));
  realize_in_window (g_object_new (DESK_TYPE_SOURCES_PANEL, NULL));
  realize_in_window (g_object_new (DESK_TYPE_SUGGESTIONS_PANEL, NULL));
}

static void
test_suggestion_rows (void)
{
  g_autoptr(DeskProject) project = desk_project_new ();
  const DeskSuggestionKind kinds[] = {
    DESK_SUGGESTION_MISSING, DESK_SUGGESTION_ADDITION, DESK_SUGGESTION_CONFLICT,
    DESK_SUGGESTION_VARIANT, DESK_SUGGESTION_HEADLINE,
  };

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      g_autoptr(DeskSuggestion) suggestion = desk_suggestion_new (kinds[i], "Twelve <people> & one dog died.", 1, 2, 0.5);
      GtkWidget *list = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
      GtkWidget *row;

      desk_suggestion_add_source (suggestion, "abc", "/tmp/02-newspaper.txt", 3);
      desk_suggestion_add_alternative (suggestion, "/tmp/03-reprint.txt", "Twelve people died.");
      desk_suggestion_add_mark (suggestion, 0, 6);
      desk_suggestion_set_draft_text (suggestion, "Eleven people died.");
      desk_suggestion_set_new_text (suggestion, "Twelve");
      row = desk_suggestion_row_new (suggestion, project);
      gtk_box_append (GTK_BOX (list), row);
      g_assert_true (desk_suggestion_row_get_suggestion (DESK_SUGGESTION_ROW (row)) == suggestion);
      realize_in_window (list);
    }
}

static void
test_window (void)
{
  DeskWindow *window = DESK_WINDOW (desk_application_new_window (ui_test_get_application ()));

  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  ui_test_close_window (window);
}

static void
test_dialogs (void)
{
  g_autoptr(DeskProject) project = desk_project_new ();
  GtkWindow *dialog;

  dialog = desk_export_dialog_new (NULL, project);
  gtk_window_present (dialog);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (dialog));
  gtk_window_destroy (dialog);

  dialog = desk_credits_dialog_new (NULL, project);
  gtk_window_present (dialog);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (dialog));
  gtk_window_destroy (dialog);

  dialog = desk_preferences_window_new (NULL);
  gtk_window_present (dialog);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (dialog));
  gtk_window_destroy (dialog);
}

static void
open_app_window (gconstpointer data)
{
  const char *action = data;
  DeskWindow *window = DESK_WINDOW (desk_application_new_window (ui_test_get_application ()));
  GList *windows;

  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  g_action_group_activate_action (G_ACTION_GROUP (ui_test_get_application ()), action, NULL);
  ui_test_run_for (300);

  windows = NULL;
  for (guint i = 0; i < g_list_model_get_n_items (gtk_window_get_toplevels ()); i++)
    {
      g_autoptr(GtkWindow) toplevel = g_list_model_get_item (gtk_window_get_toplevels (), i);

      if (gtk_widget_get_visible (GTK_WIDGET (toplevel)))
        windows = g_list_prepend (windows, toplevel);
    }
  for (GList *l = windows; l != NULL; l = l->next)
    if (l->data != (gpointer)window)
      {
        g_autofree char *name = g_strdup_printf ("16-%s", action);

        gtk_test_widget_wait_for_draw (GTK_WIDGET (l->data));
        ui_test_screenshot (GTK_WIDGET (l->data), name);
        gtk_window_destroy (GTK_WINDOW (l->data));
      }
  g_list_free (windows);

  ui_test_close_window (window);
}

int
main (int    argc,
      char **argv)
{
  ui_test_init (&argc, &argv);

  g_test_add_func ("/ui/templates/panels", test_panels);
  g_test_add_func ("/ui/templates/suggestion-rows", test_suggestion_rows);
  g_test_add_func ("/ui/templates/window", test_window);
  g_test_add_func ("/ui/templates/dialogs", test_dialogs);
  g_test_add_data_func ("/ui/templates/about", "about", open_app_window);
  g_test_add_data_func ("/ui/templates/preferences", "preferences", open_app_window);
  g_test_add_data_func ("/ui/templates/shortcuts", "shortcuts", open_app_window);

  return g_test_run ();
}
