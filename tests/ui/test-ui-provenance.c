/* test-ui-provenance.c: which source a sentence came from, by keyboard and in words
 *
 * An addition accepted with Ctrl+Return splices a source's sentence into a draft
 * paragraph. With the caret in that sentence, Alt+Return (pressed for real, with xdotool)
 * opens the status bar's popover naming the addition's source; in another sentence of the
 * paragraph it names the paragraph's own source. The status bar says the same as the caret
 * moves. Where no paragraph is under the cursor (the headline), a toast says why.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "desk-draft-view.h"
#include "desk-palette.h"
#include "ui-test-util.h"

static DeskDraftView *
draft_view (DeskWindow *window)
{
  return DESK_DRAFT_VIEW (desk_window_get_draft_view (window));
}

/* Puts the caret @offset bytes into draft paragraph @paragraph (one non-blank line each)
 * and the focus in the body, as a click there does. */
static void
caret_at (DeskWindow *window,
          guint       paragraph,
          guint       offset)
{
  GtkTextView *view = desk_draft_view_get_body_view (draft_view (window));
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  guint seen = 0;

  for (int line = 0; line < gtk_text_buffer_get_line_count (buffer); line++)
    {
      GtkTextIter iter, end;
      g_autofree char *text = NULL;

      gtk_text_buffer_get_iter_at_line (buffer, &iter, line);
      end = iter;
      if (!gtk_text_iter_ends_line (&end))
        gtk_text_iter_forward_to_line_end (&end);
      text = gtk_text_buffer_get_text (buffer, &iter, &end, FALSE);
      if (g_strstrip (text)[0] == '\0')
        continue;
      if (seen++ < paragraph)
        continue;

      gtk_text_iter_set_line_index (&iter, offset);
      gtk_text_buffer_place_cursor (buffer, &iter);
      gtk_widget_grab_focus (GTK_WIDGET (view));
      g_assert_true (gtk_widget_has_focus (GTK_WIDGET (view)));
      return;
    }

  g_error ("The body has no paragraph %u", paragraph);
}

static GtkWidget *
find_text_view (GtkWidget     *widget,
                GtkTextBuffer *buffer)
{
  if (GTK_IS_TEXT_VIEW (widget) && gtk_text_view_get_buffer (GTK_TEXT_VIEW (widget)) == buffer)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_text_view (child, buffer);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Alt+Return, for real; returns what the popover says (it must be open). */
static char *
press_show_provenance (DeskWindow *window)
{
  GtkPopover *popover = desk_draft_view_get_provenance_popover (draft_view (window));
  GtkWidget *label;

  ui_test_xdotool (window, "key", "alt+Return", NULL);
  ui_test_run_for (200);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (popover)));
  label = ui_test_find_child (GTK_WIDGET (popover), GTK_TYPE_LABEL);
  g_assert_nonnull (label);
  /* The text has the focus, for a screen reader to read. */
  g_assert_true (gtk_widget_has_focus (label));

  return g_strdup (gtk_label_get_text (GTK_LABEL (label)));
}

static const char *status_text;

static gboolean
status_shows (gpointer data)
{
  return ui_test_shows_text (GTK_WIDGET (data), status_text);
}

static char *
dup_label_of (DeskWindow *window,
              const char *source_id)
{
  DeskSource *source = desk_project_find_source (desk_window_get_project (window), source_id);

  g_assert_nonnull (source);
  return desk_source_dup_label (source);
}

static void
test_sentence_sources (void)
{
  DeskWindow *window;
  DeskDraft *draft;
  GListModel *list;
  DeskSuggestion *addition = NULL;
  g_autofree char *added = NULL;
  g_autofree char *addition_source = NULL;
  g_autofree char *draft_source = NULL;
  g_autofree char *in_added = NULL;
  g_autofree char *in_other = NULL;
  g_autofree char *status = NULL;
  const char *text;
  const char *found;
  guint target = 0;
  guint other_offset;
  int position = -1;

  if (!ui_test_can_press_keys ())
    {
      g_test_skip ("xdotool or an X11 display is missing");
      return;
    }

  window = ui_test_open_roundup ("harbour-fire");
  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 900);
  gtk_window_present (GTK_WINDOW (window));
  ui_test_settle (window);
  draft = desk_project_get_draft (desk_window_get_project (window));

  /* An addition whose first new stretch is a sentence of its own, from a source the draft
   * paragraph did not come from. */
  list = desk_window_get_suggestions (window);
  for (guint i = 0; i < g_list_model_get_n_items (list) && addition == NULL; i++)
    {
      g_autoptr(DeskSuggestion) suggestion = g_list_model_get_item (list, i);
      DeskParagraph *paragraph;
      guint start, end;

      if (desk_suggestion_get_kind (suggestion) != DESK_SUGGESTION_ADDITION ||
          desk_suggestion_get_n_marks (suggestion) == 0)
        continue;
      paragraph = desk_draft_get_paragraph (draft, desk_suggestion_get_target (suggestion));
      if (desk_paragraph_has_source (paragraph, desk_suggestion_get_source_id (suggestion, 0)))
        continue;
      desk_suggestion_get_mark (suggestion, 0, &start, &end);
      addition = suggestion;
      position = i;
      target = desk_suggestion_get_target (suggestion);
      added = g_strndup (desk_suggestion_get_text (suggestion) + start, end - start);
      addition_source = dup_label_of (window, desk_suggestion_get_source_id (suggestion, 0));
      draft_source = dup_label_of (window, desk_paragraph_get_provenance_source (paragraph, 0));
    }
  g_assert_nonnull (addition);
  g_assert_cmpstr (addition_source, !=, draft_source);

  /* Accepted with the key, as an editor does. */
  desk_window_select (window, position);
  caret_at (window, 0, 0);
  ui_test_xdotool (window, "key", "ctrl+Return", NULL);
  ui_test_settle (window);
  text = desk_paragraph_get_text (desk_draft_get_paragraph (draft, target));
  found = strstr (text, added);
  g_assert_nonnull (found);

  /* In the spliced sentence: the addition's source. */
  caret_at (window, target, found - text + 1);
  in_added = press_show_provenance (window);
  g_test_message ("In the added sentence: %s", in_added);
  g_assert_nonnull (strstr (in_added, addition_source));
  g_assert_nonnull (strstr (in_added, "this sentence"));
  ui_test_screenshot (GTK_WIDGET (window), "provenance-added-sentence");

  /* Escape: back in the draft, where the caret was. */
  ui_test_xdotool (window, "key", "Escape", NULL);
  ui_test_run_for (200);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (desk_draft_view_get_provenance_popover (draft_view (window)))));
  g_assert_true (gtk_widget_has_focus (GTK_WIDGET (desk_draft_view_get_body_view (draft_view (window)))));

  /* In a sentence the paragraph had before: its own source, not the addition's. */
  other_offset = found == text ? strlen (text) - 1 : 0;
  caret_at (window, target, other_offset);
  in_other = press_show_provenance (window);
  g_test_message ("In another sentence: %s", in_other);
  g_assert_nonnull (strstr (in_other, draft_source));
  if (strstr (draft_source, addition_source) == NULL)
    g_assert_null (strstr (in_other, addition_source));
  ui_test_xdotool (window, "key", "Escape", NULL);
  ui_test_run_for (200);

  /* The status bar follows the caret without a key. */
  caret_at (window, target, found - text + 1);
  status = desk_draft_view_dup_provenance (draft_view (window));
  g_assert_cmpstr (status, ==, in_added);
  status_text = in_added;
  if (!ui_test_wait_for (status_shows, window, 5000))
    g_error ("The status bar does not say “%s”", in_added);

  /* In the headline there is no sentence to trace: a toast says so, nothing opens. */
  {
    GtkWidget *headline = find_text_view (GTK_WIDGET (draft_view (window)),
                                          desk_draft_view_get_headline_buffer (draft_view (window)));

    g_assert_nonnull (headline);
    g_assert_true (headline != GTK_WIDGET (desk_draft_view_get_body_view (draft_view (window))));
    gtk_widget_grab_focus (headline);
    ui_test_xdotool (window, "key", "alt+Return", NULL);
    ui_test_run_for (200);
    g_assert_true (ui_test_shows_text (GTK_WIDGET (window),
                                       "Only the story’s paragraphs record their sources: put the cursor in one"));
    g_assert_false (gtk_widget_get_visible (GTK_WIDGET (desk_draft_view_get_provenance_popover (draft_view (window)))));
  }

  ui_test_close_window (window);
}

int
main (int    argc,
      char **argv)
{
  ui_test_init (&argc, &argv);

  g_test_add_func ("/ui/provenance/sentence-sources", test_sentence_sources);

  return g_test_run ();
}
