/* test-ui-masthead.c: what is exported is what the window shows
 *
 * The Byline and Dateline fields stayed empty while the export printed "HALIFAX, Nova
 * Scotia —" and a byline from the credits' star: two unconnected bylines, and a dateline
 * the editor never saw. The export preview of HTML showed its source code. Driven under
 * Xvfb with real key presses and clicks (xdotool) on the seed roundup.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "desk-credit-row.h"
#include "desk-credits-dialog.h"
#include "desk-export.h"
#include "desk-export-dialog.h"
#include "desk-project.h"
#include "ui-test-util.h"

/* The masthead field whose placeholder is @placeholder. */
static GtkEntry *
find_entry (GtkWidget  *widget,
            const char *placeholder)
{
  if (GTK_IS_ENTRY (widget) &&
      g_strcmp0 (gtk_entry_get_placeholder_text (GTK_ENTRY (widget)), placeholder) == 0)
    return GTK_ENTRY (widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkEntry *found = find_entry (child, placeholder);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static const char *
shown (DeskWindow *window,
       const char *placeholder)
{
  GtkEntry *entry = find_entry (desk_window_get_draft_view (window), placeholder);

  g_assert_nonnull (entry);
  return gtk_editable_get_text (GTK_EDITABLE (entry));
}

typedef struct
{
  DeskWindow *window;
  const char *placeholder;
  const char *text;
} Shown;

static gboolean
shows (gpointer data)
{
  Shown *wanted = data;

  return g_strcmp0 (shown (wanted->window, wanted->placeholder), wanted->text) == 0;
}

/* Waits until the masthead field shows @text (the masthead follows the project once its
 * changes are over). */
static void
wait_shown (DeskWindow *window,
            const char *placeholder,
            const char *text)
{
  Shown wanted = { window, placeholder, text };

  ui_test_wait_for (shows, &wanted, 2000);
  g_assert_cmpstr (shown (window, placeholder), ==, text);
}

static char *
export_text (DeskWindow *window)
{
  DeskProject *project = desk_window_get_project (window);
  DeskExportOptions options;

  desk_export_options_init_for_project (&options, project);
  options.format = DESK_EXPORT_FORMAT_TEXT;
  return desk_export_to_string (project, &options);
}

static DeskWindow *
open_harbour_fire (void)
{
  DeskWindow *window = ui_test_open_roundup ("harbour-fire");

  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 860);
  ui_test_settle (window);
  return window;
}

/* The export's lines above the story: the headline, the deck, "By …". */
static void
assert_export_is_masthead (DeskWindow *window)
{
  g_autofree char *text = export_text (window);
  g_autoptr(GString) expected = g_string_new (NULL);
  DeskDraft *draft = desk_project_get_draft (desk_window_get_project (window));
  const char *dateline = shown (window, "Dateline");
  const char *credit_line = shown (window, "Credit line");

  g_string_append_printf (expected, "%s\n\n", desk_draft_get_headline (draft));
  if (*shown (window, "Deck") != '\0')
    g_string_append_printf (expected, "%s\n\n", shown (window, "Deck"));
  if (*shown (window, "Byline") != '\0')
    g_string_append_printf (expected, "By %s\n\n", shown (window, "Byline"));
  if (*dateline != '\0')
    g_string_append_printf (expected, "%s — ", dateline);
  g_test_message ("export begins: %.200s", text);
  g_assert_true (g_str_has_prefix (text, expected->str));
  if (*credit_line != '\0')
    {
      g_autofree char *end = g_strdup_printf ("\n\n%s\n", credit_line);

      g_assert_true (g_str_has_suffix (text, end));
    }
}

/* The masthead after the start and after Accept All; the byline edited by typing is the
 * export's, and one undo step. */
static void
test_masthead_is_export (void)
{
  DeskWindow *window;
  DeskProject *project;
  GtkEntry *byline;
  guint n_paragraphs;
  g_autofree char *text = NULL;

  if (!ui_test_can_press_keys ())
    {
      g_test_skip ("xdotool or an X11 display is missing");
      return;
    }

  window = open_harbour_fire ();
  project = desk_window_get_project (window);

  /* Started from the agency's version: no byline of a person, no dateline; the credit
   * line credits the agency. */
  g_assert_cmpstr (shown (window, "Byline"), ==, "");
  g_assert_cmpstr (shown (window, "Dateline"), ==, "");
  g_assert_nonnull (strstr (shown (window, "Credit line"), "staff members of The Associated Press"));
  assert_export_is_masthead (window);
  ui_test_screenshot (GTK_WIDGET (window), "masthead-01-started");

  /* Accept All by key: the datelined versions' text comes in, and so does their dateline,
   * in the masthead where the editor sees it. */
  ui_test_xdotool (window, "key", "ctrl+shift+Return", NULL);
  ui_test_settle (window);
  wait_shown (window, "Dateline", "HALIFAX, Nova Scotia");
  g_assert_nonnull (strstr (shown (window, "Credit line"), "Information for this article"));
  assert_export_is_masthead (window);
  ui_test_screenshot (GTK_WIDGET (window), "masthead-02-accept-all");
  n_paragraphs = desk_draft_get_n_paragraphs (desk_project_get_draft (project));

  /* The editor retypes the byline. */
  byline = find_entry (desk_window_get_draft_view (window), "Byline");
  ui_test_click (window, GTK_WIDGET (byline));
  ui_test_xdotool (window, "key", "ctrl+a", NULL);
  ui_test_xdotool (window, "type", "Ann Poe", NULL);
  ui_test_xdotool (window, "key", "Return", NULL);
  ui_test_run_for (200);
  g_assert_cmpstr (desk_draft_get_byline (desk_project_get_draft (project)), ==, "Ann Poe");
  text = export_text (window);
  g_assert_nonnull (strstr (text, "\n\nBy Ann Poe\n\n"));
  assert_export_is_masthead (window);
  ui_test_screenshot (GTK_WIDGET (window), "masthead-03-byline-edited");

  /* One undo step: the byline comes back; the Accept All before it stands. */
  ui_test_xdotool (window, "key", "ctrl+z", NULL);
  wait_shown (window, "Byline", "");
  g_assert_null (desk_draft_get_byline (desk_project_get_draft (project)));
  g_assert_cmpuint (desk_draft_get_n_paragraphs (desk_project_get_draft (project)), ==, n_paragraphs);
  assert_export_is_masthead (window);

  ui_test_close_window (window);
}

/* The credits' star and the masthead's byline are one value. */
static void
test_star_is_byline (void)
{
  DeskWindow *window;
  DeskCredits *credits;
  GtkWindow *dialog;
  GtkWidget *row;
  GtkWidget *star;
  guint position;

  if (!ui_test_can_press_keys ())
    {
      g_test_skip ("xdotool or an X11 display is missing");
      return;
    }

  window = open_harbour_fire ();
  credits = desk_project_get_credits (desk_window_get_project (window));
  ui_test_xdotool (window, "key", "ctrl+shift+Return", NULL);
  ui_test_settle (window);

  ui_test_xdotool (window, "key", "ctrl+k", NULL);
  ui_test_run_for (300);
  dialog = ui_test_find_toplevel (DESK_TYPE_CREDITS_DIALOG);
  g_assert_nonnull (dialog);

  g_assert_true (desk_credits_find (credits, "Derek Oakes", "AP", &position));
  row = GTK_WIDGET (gtk_list_box_get_row_at_index (GTK_LIST_BOX (gtk_widget_get_parent (
    ui_test_find_child (GTK_WIDGET (dialog), DESK_TYPE_CREDIT_ROW))), position));
  star = ui_test_find_child (row, GTK_TYPE_TOGGLE_BUTTON);
  g_assert_nonnull (star);
  g_assert_true (gtk_widget_activate (star));

  /* The masthead says what the star says, and the credit line leaves him out. */
  wait_shown (window, "Byline", "Derek Oakes, The Associated Press");
  g_assert_null (strstr (shown (window, "Credit line"), "Derek Oakes"));
  assert_export_is_masthead (window);
  gtk_window_destroy (dialog);
  ui_test_screenshot (GTK_WIDGET (window), "masthead-04-starred");

  /* And the other way: typing another entry's byline moves the star. */
  ui_test_click (window, GTK_WIDGET (find_entry (desk_window_get_draft_view (window), "Byline")));
  ui_test_xdotool (window, "key", "ctrl+a", NULL);
  ui_test_xdotool (window, "type", "Paul Brannigan, The Associated Press", NULL);
  ui_test_xdotool (window, "key", "Return", NULL);
  ui_test_run_for (200);
  g_assert_true (desk_credits_find (credits, "Paul Brannigan", "AP", &position));
  g_assert_cmpuint (desk_credits_get_main (credits), ==, position);
  g_assert_nonnull (strstr (shown (window, "Credit line"), "Derek Oakes"));
  assert_export_is_masthead (window);

  ui_test_close_window (window);
}

/* The HTML preview is the story as a reader sees it, not its source. */
static void
test_preview_renders (void)
{
  DeskWindow *window;
  GtkWindow *dialog;
  GtkTextView *preview;
  GtkTextBuffer *buffer;
  GtkTextIter start, end;
  g_autofree char *text = NULL;

  if (!ui_test_can_press_keys ())
    {
      g_test_skip ("xdotool or an X11 display is missing");
      return;
    }

  window = open_harbour_fire ();
  ui_test_xdotool (window, "key", "ctrl+shift+Return", NULL);
  ui_test_settle (window);
  ui_test_xdotool (window, "key", "ctrl+e", NULL);
  ui_test_run_for (300);
  dialog = ui_test_find_toplevel (DESK_TYPE_EXPORT_DIALOG);
  g_assert_nonnull (dialog);
  desk_export_dialog_set_format (DESK_EXPORT_DIALOG (dialog), DESK_EXPORT_FORMAT_HTML);
  ui_test_run_for (200);

  preview = GTK_TEXT_VIEW (ui_test_find_child (GTK_WIDGET (dialog), GTK_TYPE_TEXT_VIEW));
  buffer = gtk_text_view_get_buffer (preview);
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  g_test_message ("preview begins: %.200s", text);

  g_assert_null (strstr (text, "<"));
  g_assert_null (strstr (text, "schema.org"));
  g_assert_true (g_str_has_prefix (text, "Ferry Fire Off Halifax Kills 12; Dozens Pulled From "
                                         "Frigid Harbour\n\n"
                                         "HALIFAX, Nova Scotia — A fire tore through"));
  g_assert_nonnull (strstr (text, "\n\nInformation for this article was contributed by"));
  ui_test_screenshot (GTK_WIDGET (dialog), "masthead-05-html-preview");

  gtk_window_destroy (dialog);
  ui_test_close_window (window);
}

int
main (int   argc,
      char *argv[])
{
  ui_test_init (&argc, &argv);

  g_test_add_func ("/ui/masthead/is-export", test_masthead_is_export);
  g_test_add_func ("/ui/masthead/star-is-byline", test_star_is_byline);
  g_test_add_func ("/ui/masthead/preview-renders", test_preview_renders);

  return g_test_run ();
}
