/* test-ui-small.c: small things a desk editor sees
 *
 * The export suggests a file name cut between words, and the window has one suggested
 * (blue) action at a time: the selected card's Accept.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "desk-suggestion.h"
#include "ui-test-util.h"

static DeskWindow *
open_harbour_fire (void)
{
  DeskWindow *window = ui_test_open_roundup ("harbour-fire");

  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 900);
  gtk_window_present (GTK_WINDOW (window));
  ui_test_settle (window);
  return window;
}

static void
test_export_name (void)
{
  DeskWindow *window;
  GtkWindow *dialog;

  if (!ui_test_can_press_keys ())
    {
      g_test_skip ("xdotool or an X11 display is missing");
      return;
    }

  window = open_harbour_fire ();
  g_assert_cmpstr (desk_draft_get_headline (desk_project_get_draft (desk_window_get_project (window))), ==,
                   "Ferry Fire Off Halifax Kills 12; Dozens Pulled From Frigid Harbour");

  ui_test_xdotool (window, "key", "ctrl+e", NULL);
  dialog = NULL;
  {
    GListModel *toplevels = gtk_window_get_toplevels ();  /* transfer none */

    for (guint i = 0; i < g_list_model_get_n_items (toplevels) && dialog == NULL; i++)
      {
        g_autoptr(GtkWindow) other = g_list_model_get_item (toplevels, i);

        if (other != GTK_WINDOW (window) && gtk_widget_get_visible (GTK_WIDGET (other)) &&
            gtk_window_get_transient_for (other) == GTK_WINDOW (window))
          dialog = other;
      }
  }
  g_assert_nonnull (dialog);
  /* Whole words of the headline ("…-pulled", not "…-pulled-fr"). */
  g_assert_true (ui_test_shows_text (GTK_WIDGET (dialog), "(ferry-fire-off-halifax-kills-12-dozens-pulled."));
  ui_test_screenshot (GTK_WIDGET (dialog), "small-01-export-name");
  gtk_window_destroy (dialog);

  ui_test_close_window (window);
}

static void
count_suggested (GtkWidget *widget,
                 guint     *n)
{
  if (!gtk_widget_get_mapped (widget))
    return;
  if (gtk_widget_has_css_class (widget, "suggested-action"))
    (*n)++;
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    count_suggested (child, n);
}

static void
test_one_suggested_action (void)
{
  DeskWindow *window = open_harbour_fire ();
  GListModel *list = desk_window_get_suggestions (window);
  guint n = 0;
  int addition = -1;

  count_suggested (GTK_WIDGET (window), &n);
  g_assert_cmpuint (n, <=, 1);

  for (guint i = 0; i < g_list_model_get_n_items (list) && addition < 0; i++)
    {
      g_autoptr(DeskSuggestion) suggestion = g_list_model_get_item (list, i);

      if (desk_suggestion_get_kind (suggestion) == DESK_SUGGESTION_ADDITION)
        addition = i;
    }
  g_assert_cmpint (addition, >=, 0);
  desk_window_select (window, addition);
  ui_test_run_for (300);

  n = 0;
  count_suggested (GTK_WIDGET (window), &n);
  g_assert_cmpuint (n, ==, 1);
  ui_test_screenshot (GTK_WIDGET (window), "small-02-one-suggested-action");

  ui_test_close_window (window);
}

int
main (int    argc,
      char **argv)
{
  ui_test_init (&argc, &argv);

  g_test_add_func ("/ui/small/export-name", test_export_name);
  g_test_add_func ("/ui/small/one-suggested-action", test_one_suggested_action);

  return g_test_run ();
}
