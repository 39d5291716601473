/* test-ui-find.c: find and replace in the draft, and its length, with real keys
 *
 * Ctrl+F opens the find bar over the draft (GtkSourceView's search), Enter goes to the
 * next match, Escape closes it; Ctrl+H adds the replace row, and Replace All is one undo
 * step. The status under the draft counts its words and characters, against a target
 * length when the editor sets one ("cut to 600").
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "desk-draft-view.h"
#include "desk-text-count.h"
#include "ui-test-util.h"

static DeskDraftView *
draft_view (DeskWindow *window)
{
  return DESK_DRAFT_VIEW (desk_window_get_draft_view (window));
}

static char *
body_text (DeskWindow *window)
{
  GtkTextBuffer *buffer = desk_draft_view_get_body_buffer (draft_view (window));
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static guint
count_occurrences (const char *text,
                   const char *needle)
{
  g_autofree char *folded = g_utf8_casefold (text, -1);
  guint n = 0;

  for (const char *p = strstr (folded, needle); p != NULL; p = strstr (p + 1, needle))
    n++;
  return n;
}

static gboolean
counted (gpointer data)
{
  return desk_find_bar_get_n_matches (DESK_FIND_BAR (data)) >= 0;
}

static DeskWindow *
open_harbour_fire (void)
{
  DeskWindow *window = ui_test_open_roundup ("harbour-fire");
  GtkTextBuffer *buffer;
  GtkTextIter start;

  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 900);
  gtk_window_present (GTK_WINDOW (window));
  ui_test_settle (window);

  buffer = desk_draft_view_get_body_buffer (draft_view (window));
  gtk_text_buffer_get_start_iter (buffer, &start);
  gtk_text_buffer_place_cursor (buffer, &start);
  gtk_widget_grab_focus (GTK_WIDGET (desk_draft_view_get_body_view (draft_view (window))));
  return window;
}

static void
test_find (void)
{
  DeskWindow *window;
  DeskFindBar *bar;
  GtkTextBuffer *buffer;
  GtkTextIter start, end;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *selected = NULL;
  char expected[32];

  if (!ui_test_can_press_keys ())
    {
      g_test_skip ("xdotool or an X11 display is missing");
      return;
    }

  window = open_harbour_fire ();
  bar = desk_draft_view_get_find_bar (draft_view (window));
  buffer = desk_draft_view_get_body_buffer (draft_view (window));
  before = body_text (window);

  ui_test_xdotool (window, "key", "ctrl+f", NULL);
  g_assert_true (desk_find_bar_is_open (bar));
  ui_test_xdotool (window, "type", "harbour", NULL);
  g_assert_true (ui_test_wait_for (counted, bar, 5000));
  g_assert_cmpint (desk_find_bar_get_n_matches (bar), ==, (int)count_occurrences (before, "harbour"));
  g_assert_cmpint (desk_find_bar_get_n_matches (bar), >=, 2);

  ui_test_xdotool (window, "key", "Return", NULL);
  g_assert_true (gtk_text_buffer_get_selection_bounds (buffer, &start, &end));
  selected = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  g_assert_cmpstr (selected, ==, "harbour");
  g_snprintf (expected, sizeof expected, "1 of %d", desk_find_bar_get_n_matches (bar));
  g_assert_true (ui_test_shows_text (GTK_WIDGET (bar), expected));
  ui_test_screenshot (GTK_WIDGET (window), "find-01-harbour");

  /* Escape: the bar closes, the draft has the focus and is as it was. */
  ui_test_xdotool (window, "key", "Escape", NULL);
  g_assert_false (desk_find_bar_is_open (bar));
  g_assert_true (gtk_widget_has_focus (GTK_WIDGET (desk_draft_view_get_body_view (draft_view (window)))));
  after = body_text (window);
  g_assert_cmpstr (after, ==, before);

  ui_test_close_window (window);
}

static void
test_replace_all (void)
{
  DeskWindow *window;
  DeskFindBar *bar;
  GtkWidget *replace_entry;
  g_autofree char *before = NULL;
  g_autofree char *replaced = NULL;
  g_autofree char *undone = NULL;
  guint n;

  if (!ui_test_can_press_keys ())
    {
      g_test_skip ("xdotool or an X11 display is missing");
      return;
    }

  window = open_harbour_fire ();
  bar = desk_draft_view_get_find_bar (draft_view (window));
  before = body_text (window);
  n = count_occurrences (before, "harbour");

  ui_test_xdotool (window, "key", "ctrl+h", NULL);
  g_assert_true (desk_find_bar_is_open (bar));
  ui_test_xdotool (window, "type", "harbour", NULL);

  /* The replace entry comes first in the row of the Replace button. */
  g_assert_nonnull (ui_test_find_button (GTK_WIDGET (bar), "_Replace"));
  replace_entry = gtk_widget_get_first_child (gtk_widget_get_parent (ui_test_find_button (GTK_WIDGET (bar), "_Replace")));
  g_assert_true (GTK_IS_ENTRY (replace_entry));
  ui_test_click (window, replace_entry);
  ui_test_xdotool (window, "type", "harbor", NULL);
  ui_test_click (window, ui_test_find_button (GTK_WIDGET (bar), "Replace _All"));
  ui_test_settle (window);

  replaced = body_text (window);
  g_assert_cmpuint (count_occurrences (replaced, "harbour"), ==, 0);
  g_assert_cmpuint (count_occurrences (replaced, "harbor"), ==, count_occurrences (before, "harbor") + n);
  g_assert_true (ui_test_shows_text (GTK_WIDGET (window), "Replaced"));
  ui_test_screenshot (GTK_WIDGET (window), "find-02-replaced");

  /* One undo step takes every replacement back. */
  gtk_widget_grab_focus (GTK_WIDGET (desk_draft_view_get_body_view (draft_view (window))));
  ui_test_xdotool (window, "key", "ctrl+z", NULL);
  ui_test_settle (window);
  undone = body_text (window);
  g_assert_cmpstr (undone, ==, before);

  ui_test_close_window (window);
}

static void
test_length (void)
{
  DeskWindow *window;
  g_autofree char *body = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *over = NULL;
  guint words, characters;

  if (!ui_test_can_press_keys ())
    {
      g_test_skip ("xdotool or an X11 display is missing");
      return;
    }

  window = open_harbour_fire ();
  body = body_text (window);
  desk_text_count (body, &words, &characters);
  g_assert_cmpuint (words, >, 200);
  expected = g_strdup_printf ("%u words · %u characters", words, characters);
  g_assert_cmpstr (desk_draft_view_get_count_label (draft_view (window)), ==, expected);

  /* "Cut to 200": the editor types the target in the status's popover. */
  {
    GtkWidget *button = ui_test_find_button (GTK_WIDGET (draft_view (window)), expected);

    g_assert_nonnull (button);
    ui_test_click (window, button);
    GtkPopover *popover;
    GtkWidget *spin;

    g_assert_nonnull (button);
    ui_test_click (window, button);
    popover = gtk_menu_button_get_popover (GTK_MENU_BUTTON (button));
    g_assert_true (gtk_widget_get_visible (GTK_WIDGET (popover)));
    /* Keys typed into a popover do not reach it under Xvfb without a window manager (its
     * X window never gets the keyboard): the value goes in as the spin button's own. */
    for (spin = gtk_widget_get_first_child (gtk_popover_get_child (popover));
         spin != NULL && !GTK_IS_SPIN_BUTTON (spin);
         spin = gtk_widget_get_next_sibling (spin))
      ;
    g_assert_nonnull (spin);
    /* The popover opens on it. */
    g_assert_nonnull (gtk_widget_get_focus_child (spin));
    gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), 200);
    ui_test_screenshot (GTK_WIDGET (window), "find-03-target");
    gtk_popover_popdown (popover);
  }
  over = g_strdup_printf ("%u of 200 words · cut %u", words, words - 200);
  g_assert_cmpstr (desk_draft_view_get_count_label (draft_view (window)), ==, over);
  /* The draft is as it was: the keys went to the popover. */
  {
    g_autofree char *after = body_text (window);
    g_assert_cmpstr (after, ==, body);
  }

  ui_test_close_window (window);
}

int
main (int    argc,
      char **argv)
{
  ui_test_init (&argc, &argv);

  g_test_add_func ("/ui/find/find", test_find);
  g_test_add_func ("/ui/find/replace-all", test_replace_all);
  g_test_add_func ("/ui/find/length", test_length);

  return g_test_run ();
}
