/* test-ui-keys.c: the keyboard, pressed for real (xdotool on the X server)
 *
 * Every shortcut either does what it says or, when it cannot apply, says why in a toast
 * and leaves the draft as it was: no accelerator reaches the draft as a newline or a
 * deleted word. A decision is one undo step, and typing is steps of its own.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "desk-draft-view.h"
#include "ui-test-util.h"

static int
find_kind (GListModel         *list,
           DeskSuggestionKind  kind)
{
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(DeskSuggestion) suggestion = g_list_model_get_item (list, i);

      if (desk_suggestion_get_kind (suggestion) == kind)
        return i;
    }
  return -1;
}

static GtkTextView *
body_view (DeskWindow *window)
{
  return desk_draft_view_get_body_view (DESK_DRAFT_VIEW (desk_window_get_draft_view (window)));
}

/* Everything the editor sees of the draft: the headline and the body, as in the buffers. */
static char *
shown_draft (DeskWindow *window)
{
  DeskDraftView *view = DESK_DRAFT_VIEW (desk_window_get_draft_view (window));
  GtkTextBuffer *buffers[] = { desk_draft_view_get_headline_buffer (view),
                               desk_draft_view_get_body_buffer (view) };
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (buffers); i++)
    {
      GtkTextIter start, end;
      g_autofree char *part = NULL;

      gtk_text_buffer_get_bounds (buffers[i], &start, &end);
      part = gtk_text_buffer_get_text (buffers[i], &start, &end, FALSE);
      g_string_append_printf (text, "%s\n--\n", part);
    }

  return g_string_free (text, FALSE);
}

/* Puts the caret in the draft's body, @offset characters into its first paragraph, as a
 * click there does. */
static void
caret_in_draft (DeskWindow *window,
                int         offset)
{
  GtkTextView *view = body_view (window);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter iter;

  gtk_text_buffer_get_iter_at_offset (buffer, &iter, offset);
  gtk_text_buffer_place_cursor (buffer, &iter);
  gtk_widget_grab_focus (GTK_WIDGET (view));
  g_assert_true (gtk_widget_has_focus (GTK_WIDGET (view)));
}

static GtkWidget *
find_text_view (GtkWidget     *widget,
                GtkTextBuffer *buffer)
{
  if (GTK_IS_TEXT_VIEW (widget) && gtk_text_view_get_buffer (GTK_TEXT_VIEW (widget)) == buffer)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_text_view (child, buffer);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static DeskWindow *
open_harbour_fire (void)
{
  DeskWindow *window = ui_test_open_roundup ("harbour-fire");

  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 900);
  gtk_window_present (GTK_WINDOW (window));
  ui_test_settle (window);
  g_assert_cmpuint (desk_draft_get_n_paragraphs (desk_project_get_draft (desk_window_get_project (window))), >, 3);
  return window;
}

/* Ctrl+Return on a conflict: the action cannot apply; the key must not split the
 * paragraph the caret is in. */
static void
test_accept_on_conflict (void)
{
  DeskWindow *window;
  GListModel *list;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *after_keypad = NULL;
  int conflict;
  guint n;

  if (!ui_test_can_press_keys ())
    {
      g_test_skip ("xdotool or an X11 display is missing");
      return;
    }

  window = open_harbour_fire ();
  list = desk_window_get_suggestions (window);
  conflict = find_kind (list, DESK_SUGGESTION_CONFLICT);
  g_assert_cmpint (conflict, >=, 0);
  desk_window_select (window, conflict);
  n = g_list_model_get_n_items (list);

  /* Mid-word in the first paragraph. */
  caret_in_draft (window, 7);
  before = shown_draft (window);

  ui_test_xdotool (window, "key", "ctrl+Return", NULL);
  after = shown_draft (window);
  g_assert_cmpstr (after, ==, before);
  g_assert_true (ui_test_shows_text (GTK_WIDGET (window), "A conflict is not accepted"));
  ui_test_screenshot (GTK_WIDGET (window), "keys-01-accept-on-conflict");

  ui_test_xdotool (window, "key", "ctrl+KP_Enter", NULL);
  after_keypad = shown_draft (window);
  g_assert_cmpstr (after_keypad, ==, before);

  ui_test_settle (window);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, n);

  ui_test_close_window (window);
}

/* Ctrl+Backspace rejects the selected suggestion with the caret in the draft, and takes
 * no word with it; Alt+Backspace deletes the previous word there. */
static void
test_reject_in_draft (void)
{
  DeskWindow *window;
  GListModel *list;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *selected_text = NULL;
  g_autofree char *word_deleted = NULL;
  int addition;
  guint n;

  if (!ui_test_can_press_keys ())
    {
      g_test_skip ("xdotool or an X11 display is missing");
      return;
    }

  window = open_harbour_fire ();
  list = desk_window_get_suggestions (window);
  addition = find_kind (list, DESK_SUGGESTION_ADDITION);
  g_assert_cmpint (addition, >=, 0);
  desk_window_select (window, addition);
  {
    g_autoptr(DeskSuggestion) suggestion = g_list_model_get_item (list, addition);
    selected_text = g_strdup (desk_suggestion_get_text (suggestion));
  }
  n = g_list_model_get_n_items (list);

  /* After the first word of the body. */
  {
    GtkTextBuffer *buffer = gtk_text_view_get_buffer (body_view (window));
    GtkTextIter iter;

    gtk_text_buffer_get_start_iter (buffer, &iter);
    gtk_text_iter_forward_word_end (&iter);
    caret_in_draft (window, gtk_text_iter_get_offset (&iter));
  }
  before = shown_draft (window);

  ui_test_xdotool (window, "key", "ctrl+BackSpace", NULL);
  after = shown_draft (window);
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, n - 1);
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(DeskSuggestion) suggestion = g_list_model_get_item (list, i);
      g_assert_cmpstr (desk_suggestion_get_text (suggestion), !=, selected_text);
    }

  /* The caret is still after the first word: Alt+Backspace takes it. */
  g_assert_true (gtk_widget_has_focus (GTK_WIDGET (body_view (window))));
  ui_test_xdotool (window, "key", "alt+BackSpace", NULL);
  word_deleted = shown_draft (window);
  g_assert_cmpuint (strlen (word_deleted), <, strlen (before));

  /* In the headline too: "Ferry Fire…" loses "Ferry". */
  {
    DeskDraftView *view = DESK_DRAFT_VIEW (desk_window_get_draft_view (window));
    GtkTextBuffer *headline = desk_draft_view_get_headline_buffer (view);
    GtkWidget *headline_view = find_text_view (GTK_WIDGET (view), headline);
    GtkTextIter iter, start, end;
    g_autofree char *text = NULL;

    g_assert_nonnull (headline_view);
    gtk_text_buffer_get_start_iter (headline, &iter);
    gtk_text_iter_forward_word_end (&iter);
    gtk_text_buffer_place_cursor (headline, &iter);
    gtk_widget_grab_focus (headline_view);
    ui_test_xdotool (window, "key", "alt+BackSpace", NULL);
    gtk_text_buffer_get_bounds (headline, &start, &end);
    text = gtk_text_buffer_get_text (headline, &start, &end, FALSE);
    g_assert_true (g_str_has_prefix (text, " Fire Off Halifax"));
  }

  ui_test_close_window (window);
}

/* Alt+Down past the last suggestion and Ctrl+Z with nothing to undo: toasts, and the
 * draft as it was. */
static void
test_nothing_to_do (void)
{
  DeskWindow *window;
  GListModel *list;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  if (!ui_test_can_press_keys ())
    {
      g_test_skip ("xdotool or an X11 display is missing");
      return;
    }

  window = open_harbour_fire ();
  list = desk_window_get_suggestions (window);
  desk_window_select (window, g_list_model_get_n_items (list) - 1);
  caret_in_draft (window, 3);
  before = shown_draft (window);

  ui_test_xdotool (window, "key", "alt+Down", NULL);
  g_assert_true (ui_test_shows_text (GTK_WIDGET (window), "This is the last suggestion"));
  ui_test_xdotool (window, "key", "ctrl+z", NULL);
  g_assert_true (ui_test_shows_text (GTK_WIDGET (window), "Nothing to undo"));
  after = shown_draft (window);
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpint (desk_window_get_selected (window), ==, (int)g_list_model_get_n_items (list) - 1);

  ui_test_close_window (window);
}

/* Typing, then Ctrl+Return on an addition: Ctrl+Z takes back the accept alone, and a
 * second Ctrl+Z the typing. */
static void
test_undo_steps (void)
{
  DeskWindow *window;
  GListModel *list;
  g_autofree char *start = NULL;
  g_autofree char *typed = NULL;
  g_autofree char *accepted = NULL;
  g_autofree char *undone_once = NULL;
  g_autofree char *undone_twice = NULL;
  int addition;
  guint n;

  if (!ui_test_can_press_keys ())
    {
      g_test_skip ("xdotool or an X11 display is missing");
      return;
    }

  window = open_harbour_fire ();
  list = desk_window_get_suggestions (window);
  addition = find_kind (list, DESK_SUGGESTION_ADDITION);
  g_assert_cmpint (addition, >=, 0);
  desk_window_select (window, addition);
  n = g_list_model_get_n_items (list);

  {
    GtkTextBuffer *buffer = gtk_text_view_get_buffer (body_view (window));
    GtkTextIter iter;

    gtk_text_buffer_get_start_iter (buffer, &iter);
    gtk_text_iter_forward_word_end (&iter);
    caret_in_draft (window, gtk_text_iter_get_offset (&iter));
  }
  start = shown_draft (window);

  ui_test_xdotool (window, "type", " Xyzzy", NULL);
  typed = shown_draft (window);
  g_assert_nonnull (strstr (typed, " Xyzzy"));

  ui_test_xdotool (window, "key", "ctrl+Return", NULL);
  ui_test_settle (window);
  accepted = shown_draft (window);
  g_assert_cmpstr (accepted, !=, typed);
  g_assert_nonnull (strstr (accepted, " Xyzzy"));
  g_assert_cmpuint (g_list_model_get_n_items (list), <, n + 5);

  ui_test_xdotool (window, "key", "ctrl+z", NULL);
  undone_once = shown_draft (window);
  g_assert_cmpstr (undone_once, ==, typed);

  ui_test_xdotool (window, "key", "ctrl+z", NULL);
  undone_twice = shown_draft (window);
  g_assert_cmpstr (undone_twice, ==, start);

  ui_test_close_window (window);
}

int
main (int    argc,
      char **argv)
{
  ui_test_init (&argc, &argv);

  g_test_add_func ("/ui/keys/accept-on-conflict", test_accept_on_conflict);
  g_test_add_func ("/ui/keys/reject-in-draft", test_reject_in_draft);
  g_test_add_func ("/ui/keys/nothing-to-do", test_nothing_to_do);
  g_test_add_func ("/ui/keys/undo-steps", test_undo_steps);

  return g_test_run ();
}
