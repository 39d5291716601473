/* test-ui-conflict.c: a conflict settled either way, with clicks on its card
 *
 * The harbour-fire writethru says 14 dead where the draft (the agency's first story) says
 * 12. The card offers "Use 14" first (the writethru is the newer), and "Keep 12"; it lists
 * the draft's other mentions of 12 (the headline). Using 14 puts the writethru's sentence
 * in place of the draft's, as one undo step; keeping 12 dismisses the conflict.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "desk-draft-view.h"
#include "ui-test-util.h"

static int
find_conflict (DeskWindow *window)
{
  GListModel *list = desk_window_get_suggestions (window);

  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(DeskSuggestion) suggestion = g_list_model_get_item (list, i);

      if (desk_suggestion_get_kind (suggestion) == DESK_SUGGESTION_CONFLICT)
        return i;
    }
  return -1;
}

static DeskWindow *
open_conflict (DeskSuggestion **conflict)
{
  DeskWindow *window = ui_test_open_roundup ("harbour-fire");
  int position;

  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 900);
  gtk_window_present (GTK_WINDOW (window));
  ui_test_settle (window);

  position = find_conflict (window);
  g_assert_cmpint (position, >=, 0);
  desk_window_select (window, position);
  ui_test_run_for (300);
  *conflict = g_list_model_get_item (desk_window_get_suggestions (window), position);
  g_assert_cmpstr (desk_suggestion_get_draft_text (*conflict), ==,
                   "Mayor Aisha Karimi said 231 passengers and 38 crew members had been on board, "
                   "and that 12 had been confirmed dead.");
  return window;
}

static const char *
paragraph_text (DeskWindow *window,
                guint       index)
{
  DeskDraft *draft = desk_project_get_draft (desk_window_get_project (window));

  return desk_paragraph_get_text (desk_draft_get_paragraph (draft, index));
}

static void
test_use_source_value (void)
{
  g_autoptr(DeskSuggestion) conflict = NULL;
  DeskWindow *window;
  GtkWidget *panel;
  GtkWidget *use;
  GtkWidget *keep;
  DeskDraft *draft;
  g_autofree char *lead_before = NULL;
  g_autofree char *headline_before = NULL;
  int target;

  if (!ui_test_can_press_keys ())
    {
      g_test_skip ("xdotool or an X11 display is missing");
      return;
    }

  window = open_conflict (&conflict);
  draft = desk_project_get_draft (desk_window_get_project (window));
  target = desk_suggestion_get_target (conflict);
  lead_before = g_strdup (paragraph_text (window, target));
  headline_before = g_strdup (desk_draft_get_headline (draft));
  panel = desk_window_get_suggestions_panel (window);

  use = ui_test_find_button (panel, "Use 14");
  keep = ui_test_find_button (panel, "Keep 12");
  g_assert_nonnull (use);
  g_assert_nonnull (keep);
  /* The writethru's newer value is offered first. */
  g_assert_true (gtk_widget_get_parent (use) == gtk_widget_get_parent (keep));
  g_assert_true (gtk_widget_get_next_sibling (use) == keep);
  /* Short values side by side; long ones would go one above the other. */
  g_assert_cmpint (gtk_orientable_get_orientation (GTK_ORIENTABLE (gtk_widget_get_parent (use))), ==,
                   GTK_ORIENTATION_HORIZONTAL);
  /* The headline says 12 too: the card says so. */
  g_assert_true (ui_test_shows_text (panel, "Also 12 in the draft:"));
  g_assert_true (ui_test_shows_text (panel, "Ferry Fire Off Halifax Kills 12"));
  ui_test_screenshot (GTK_WIDGET (window), "conflict-01-card");

  ui_test_click (window, use);
  ui_test_settle (window);

  /* The writethru's sentence, word for word, in place of the draft's. */
  g_assert_nonnull (strstr (paragraph_text (window, target), desk_suggestion_get_text (conflict)));
  g_assert_null (strstr (paragraph_text (window, target), "that 12 had been confirmed dead"));
  g_assert_cmpstr (desk_draft_get_headline (draft), ==, headline_before);
  /* The headline, and the agency version's lead ("killed at least 12 people"). */
  g_assert_true (ui_test_shows_text (GTK_WIDGET (window), "12 is still in the draft 2 more times"));
  /* The sources that still say 12 are not offered as a new conflict: the editor chose. */
  g_assert_cmpint (find_conflict (window), <, 0);
  ui_test_screenshot (GTK_WIDGET (window), "conflict-02-used-14");

  /* The other mention, shown from the card's link (the toast's Show does the same). */
  {
    GtkTextBuffer *headline = desk_draft_view_get_headline_buffer (DESK_DRAFT_VIEW (desk_window_get_draft_view (window)));
    GtkTextIter start, end;
    g_autofree char *selected = NULL;

    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-mention", "(iuu)", -1,
                                               (guint)strlen ("Ferry Fire Off Halifax Kills "),
                                               (guint)strlen ("Ferry Fire Off Halifax Kills 12")));
    g_assert_true (gtk_text_buffer_get_selection_bounds (headline, &start, &end));
    selected = gtk_text_buffer_get_text (headline, &start, &end, FALSE);
    g_assert_cmpstr (selected, ==, "12");
  }

  /* One undo step: the draft's sentence is back. */
  ui_test_xdotool (window, "key", "ctrl+z", NULL);
  ui_test_settle (window);
  g_assert_cmpstr (paragraph_text (window, target), ==, lead_before);

  ui_test_close_window (window);
}

static void
test_keep_draft_value (void)
{
  g_autoptr(DeskSuggestion) conflict = NULL;
  DeskWindow *window;
  GtkWidget *keep;
  g_autofree char *lead_before = NULL;
  int target;

  if (!ui_test_can_press_keys ())
    {
      g_test_skip ("xdotool or an X11 display is missing");
      return;
    }

  window = open_conflict (&conflict);
  target = desk_suggestion_get_target (conflict);
  lead_before = g_strdup (paragraph_text (window, target));

  keep = ui_test_find_button (desk_window_get_suggestions_panel (window), "Keep 12");
  g_assert_nonnull (keep);
  ui_test_click (window, keep);
  ui_test_settle (window);

  g_assert_cmpstr (paragraph_text (window, target), ==, lead_before);
  g_assert_cmpint (find_conflict (window), <, 0);
  ui_test_screenshot (GTK_WIDGET (window), "conflict-03-kept-12");

  ui_test_close_window (window);
}

int
main (int    argc,
      char **argv)
{
  ui_test_init (&argc, &argv);

  g_test_add_func ("/ui/conflict/use-source-value", test_use_source_value);
  g_test_add_func ("/ui/conflict/keep-draft-value", test_keep_draft_value);

  return g_test_run ();
}
