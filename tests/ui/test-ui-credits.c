/* test-ui-credits.c: the credits dialog keeps its place while the editor decides
 *
 * Ticking a row made the whole list again: the list scrolled to the top and the next click
 * landed on another person. Names could not be corrected, a reprint of another agency's
 * copy was credited by default, and a credit change was no undo step. Driven in-process
 * under Xvfb, through the widgets the editor uses (a check button activated as by the
 * space bar, an entry row applied) and the window's own undo.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "desk-credit-row.h"
#include "desk-credits-dialog.h"
#include "desk-project.h"
#include "ui-test-util.h"

static GtkListBox *
credits_list (GtkWindow *dialog)
{
  GtkWidget *row = ui_test_find_child (GTK_WIDGET (dialog), DESK_TYPE_CREDIT_ROW);

  g_assert_nonnull (row);
  return GTK_LIST_BOX (gtk_widget_get_parent (row));
}

static DeskCreditRow *
row_at (GtkListBox *list,
        guint       position)
{
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (list, position);

  g_assert_true (DESK_IS_CREDIT_ROW (row));
  return DESK_CREDIT_ROW (row);
}

static GtkWindow *
open_credits (DeskWindow *window)
{
  GtkWindow *dialog;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.accept-all", NULL));
  ui_test_settle (window);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.credits", NULL));
  dialog = ui_test_find_toplevel (DESK_TYPE_CREDITS_DIALOG);
  g_assert_nonnull (dialog);
  gtk_window_set_default_size (dialog, 640, 560);
  ui_test_run_for (300);
  return dialog;
}

static void
test_tick_keeps_place (void)
{
  DeskWindow *window = ui_test_open_roundup ("harbour-fire");
  DeskCredits *credits = desk_project_get_credits (desk_window_get_project (window));
  GtkWindow *dialog = open_credits (window);
  GtkListBox *list = credits_list (dialog);
  GtkScrolledWindow *scrolled =
    GTK_SCROLLED_WINDOW (gtk_widget_get_ancestor (GTK_WIDGET (list), GTK_TYPE_SCROLLED_WINDOW));
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (scrolled);
  guint n_items = g_list_model_get_n_items (G_LIST_MODEL (credits));
  guint last = n_items - 1;
  DeskCreditRow *row;
  GtkWidget *check;
  g_autofree char *line_before = g_strdup (desk_credits_dialog_get_preview (DESK_CREDITS_DIALOG (dialog)));
  double scrolled_to;
  gboolean was_active;

  g_assert_cmpuint (n_items, >=, 8);
  g_assert_cmpfloat (gtk_adjustment_get_upper (adjustment), >, gtk_adjustment_get_page_size (adjustment));

  /* Scrolled to the end, the editor ticks the last entry. */
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment) -
                                        gtk_adjustment_get_page_size (adjustment));
  ui_test_run_for (200);
  scrolled_to = gtk_adjustment_get_value (adjustment);
  g_assert_cmpfloat (scrolled_to, >, 0);

  row = row_at (list, last);
  check = ui_test_find_child (GTK_WIDGET (row), GTK_TYPE_CHECK_BUTTON);
  was_active = desk_credits_get_active (credits, last);
  g_assert_true (gtk_widget_activate (check));
  ui_test_run_for (200);

  g_assert_cmpint (desk_credits_get_active (credits, last), ==, !was_active);
  g_assert_cmpint (gtk_check_button_get_active (GTK_CHECK_BUTTON (check)), ==, !was_active);
  /* The same row, the same place; the credit line follows. */
  g_assert_true (row_at (list, last) == row);
  g_assert_cmpfloat (gtk_adjustment_get_value (adjustment), ==, scrolled_to);
  g_assert_cmpstr (desk_credits_dialog_get_preview (DESK_CREDITS_DIALOG (dialog)), !=, line_before);
  ui_test_screenshot (GTK_WIDGET (dialog), "credits-ticked-at-end");

  /* And back. */
  g_assert_true (gtk_widget_activate (check));
  ui_test_run_for (100);
  g_assert_cmpint (desk_credits_get_active (credits, last), ==, was_active);
  g_assert_cmpstr (desk_credits_dialog_get_preview (DESK_CREDITS_DIALOG (dialog)), ==, line_before);
  g_assert_true (row_at (list, last) == row);

  gtk_window_destroy (dialog);
  ui_test_close_window (window);
}

static void
test_rename (void)
{
  DeskWindow *window = ui_test_open_roundup ("harbour-fire");
  DeskCredits *credits = desk_project_get_credits (desk_window_get_project (window));
  GtkWindow *dialog = open_credits (window);
  GtkListBox *list = credits_list (dialog);
  DeskCreditRow *row;
  GtkWidget *name_row;
  guint position;

  g_assert_true (desk_credits_find (credits, "Derek Oakes", "AP", &position));
  row = row_at (list, position);
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);
  ui_test_run_for (200);

  /* The name row is the first entry row in the opened row. */
  name_row = ui_test_find_child (GTK_WIDGET (row), ADW_TYPE_ENTRY_ROW);
  g_assert_nonnull (name_row);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (name_row)), ==, "Derek Oakes");
  gtk_editable_set_text (GTK_EDITABLE (name_row), "Derek J. Oakes");
  g_signal_emit_by_name (name_row, "apply");
  ui_test_run_for (200);

  g_assert_true (desk_credits_find (credits, "Derek J. Oakes", "AP", NULL));
  g_assert_nonnull (strstr (desk_credits_dialog_get_preview (DESK_CREDITS_DIALOG (dialog)),
                            "Derek J. Oakes"));
  ui_test_screenshot (GTK_WIDGET (dialog), "credits-renamed");

  gtk_window_destroy (dialog);
  ui_test_close_window (window);
}

/* The scraped reprint's text is all AP's: PTI is listed, unticked, and says why. */
static void
test_reprint_not_credited (void)
{
  DeskWindow *window = ui_test_open_roundup ("harbour-fire");
  DeskCredits *credits = desk_project_get_credits (desk_window_get_project (window));
  GtkWindow *dialog = open_credits (window);
  GtkListBox *list = credits_list (dialog);
  DeskCreditRow *row;
  guint position;

  g_assert_true (desk_credits_find (credits, NULL, "Press Trust of India", &position));
  row = row_at (list, position);
  g_assert_false (gtk_check_button_get_active (GTK_CHECK_BUTTON (ui_test_find_child (GTK_WIDGET (row),
                                                                             GTK_TYPE_CHECK_BUTTON))));
  g_assert_nonnull (strstr (adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (row)), "reprints"));
  g_assert_null (strstr (desk_credits_dialog_get_preview (DESK_CREDITS_DIALOG (dialog)),
                         "Press Trust of India"));

  gtk_window_destroy (dialog);
  ui_test_close_window (window);
}

/* A credit decision is one undo step: Ctrl+Z after a tick takes the tick back, not the
 * Accept All before it. */
static void
test_undo (void)
{
  DeskWindow *window = ui_test_open_roundup ("harbour-fire");
  DeskProject *project = desk_window_get_project (window);
  DeskCredits *credits = desk_project_get_credits (project);
  GtkWindow *dialog = open_credits (window);
  GtkListBox *list = credits_list (dialog);
  guint n_paragraphs = desk_draft_get_n_paragraphs (desk_project_get_draft (project));
  g_autofree char *line_before = g_strdup (desk_credits_dialog_get_preview (DESK_CREDITS_DIALOG (dialog)));
  GtkWidget *check;
  guint position;

  g_assert_true (desk_credits_find (credits, NULL, "Press Trust of India", &position));
  g_assert_false (desk_credits_get_active (credits, position));
  check = ui_test_find_child (GTK_WIDGET (row_at (list, position)), GTK_TYPE_CHECK_BUTTON);
  g_assert_true (gtk_widget_activate (check));
  ui_test_run_for (100);
  g_assert_true (desk_credits_get_active (credits, position));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  ui_test_run_for (200);
  g_assert_true (desk_credits_find (credits, NULL, "Press Trust of India", &position));
  g_assert_false (desk_credits_get_active (credits, position));
  g_assert_false (gtk_check_button_get_active (GTK_CHECK_BUTTON (check)));
  g_assert_cmpstr (desk_credits_dialog_get_preview (DESK_CREDITS_DIALOG (dialog)), ==, line_before);
  /* The Accept All before it stands. */
  g_assert_cmpuint (desk_draft_get_n_paragraphs (desk_project_get_draft (project)), ==, n_paragraphs);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.redo", NULL));
  ui_test_run_for (200);
  g_assert_true (desk_credits_get_active (credits, position));

  gtk_window_destroy (dialog);
  ui_test_close_window (window);
}

int
main (int   argc,
      char *argv[])
{
  ui_test_init (&argc, &argv);

  g_test_add_func ("/ui/credits/tick-keeps-place", test_tick_keeps_place);
  g_test_add_func ("/ui/credits/rename", test_rename);
  g_test_add_func ("/ui/credits/reprint-not-credited", test_reprint_not_credited);
  g_test_add_func ("/ui/credits/undo", test_undo);

  return g_test_run ();
}
