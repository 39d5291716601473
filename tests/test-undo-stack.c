/* test-undo-stack.c: one decision, one undo step, headless
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "desk-undo-stack.h"

static const char story[] =
  "Ferry fire in the harbour\n\n"
  "A passenger ferry caught fire on Tuesday evening near the mouth of the harbour, and "
  "crews rescued most of the 212 people aboard.\n\n"
  "The fire started in the engine room shortly after the ferry left the terminal, the "
  "port authority said.\n";

static DeskProject *
project_new (void)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static (story, strlen (story));
  g_autoptr(GError) error = NULL;
  g_autoptr(DeskSource) source = NULL;
  DeskProject *project = desk_project_new ();

  source = desk_source_new_from_bytes (bytes, "story.txt", DESK_SOURCE_ORIGIN_PASTE, &error);
  g_assert_no_error (error);
  desk_project_add_source (project, source);
  desk_project_start_draft_from (project, source);

  return project;
}

static void
append (DeskProject *project,
        const char  *text)
{
  g_autoptr(DeskParagraph) paragraph = desk_paragraph_new (text);

  desk_draft_append (desk_project_get_draft (project), paragraph);
}

static guint
n_paragraphs (DeskProject *project)
{
  return desk_draft_get_n_paragraphs (desk_project_get_draft (project));
}

static void
restore (DeskUndoStack *stack,
         DeskProject   *project,
         gboolean       redo)
{
  DeskDraftState *state = redo ? desk_undo_stack_redo (stack) : desk_undo_stack_undo (stack);

  g_assert_nonnull (state);
  desk_draft_state_restore (state, project);
}

/* A decision that changes the draft is one step; undo and redo put it back and forth. */
static void
test_decision (void)
{
  g_autoptr(DeskProject) project = project_new ();
  g_autoptr(DeskUndoStack) stack = desk_undo_stack_new ();
  guint before = n_paragraphs (project);

  g_assert_false (desk_undo_stack_get_can_undo (stack));
  desk_undo_stack_begin_decision (stack, project);
  g_assert_true (desk_undo_stack_in_decision (stack));
  append (project, "Coast guard cutters pulled survivors from the water.");
  desk_project_add_rejected (project, "The mayor opened two shelters.");
  g_assert_true (desk_undo_stack_end_decision (stack, "Accept Suggestion", FALSE));
  g_assert_false (desk_undo_stack_in_decision (stack));

  g_assert_true (desk_undo_stack_get_can_undo (stack));
  g_assert_cmpstr (desk_undo_stack_get_undo_label (stack), ==, "Accept Suggestion");

  restore (stack, project, FALSE);
  g_assert_cmpuint (n_paragraphs (project), ==, before);
  g_assert_null (desk_project_get_rejected (project)[0]);
  g_assert_true (desk_undo_stack_get_can_redo (stack));

  restore (stack, project, TRUE);
  g_assert_cmpuint (n_paragraphs (project), ==, before + 1);
  g_assert_cmpstr (desk_project_get_rejected (project)[0], ==, "The mayor opened two shelters.");
}

/* A decision that changed nothing, or was refused, leaves no step. */
static void
test_no_change (void)
{
  g_autoptr(DeskProject) project = project_new ();
  g_autoptr(DeskUndoStack) stack = desk_undo_stack_new ();

  desk_undo_stack_begin_decision (stack, project);
  g_assert_false (desk_undo_stack_end_decision (stack, "Apply House Style", FALSE));
  g_assert_false (desk_undo_stack_get_can_undo (stack));

  desk_undo_stack_begin_decision (stack, project);
  desk_undo_stack_cancel_decision (stack);
  g_assert_false (desk_undo_stack_in_decision (stack));
  /* An end without a begin records nothing. */
  append (project, "A paragraph typed outside any decision.");
  g_assert_false (desk_undo_stack_end_decision (stack, "Typing", TRUE));
  g_assert_false (desk_undo_stack_get_can_undo (stack));
}

/* A decision begun inside an open one belongs to it: the outer pair makes one step. */
static void
test_nested (void)
{
  g_autoptr(DeskProject) project = project_new ();
  g_autoptr(DeskUndoStack) stack = desk_undo_stack_new ();
  guint before = n_paragraphs (project);

  desk_undo_stack_begin_decision (stack, project);
  append (project, "First of two paragraphs accepted together.");
  desk_undo_stack_begin_decision (stack, project);
  append (project, "Second of two paragraphs accepted together.");
  g_assert_true (desk_undo_stack_end_decision (stack, "Accept All", FALSE));
  g_assert_false (desk_undo_stack_end_decision (stack, "Accept All", FALSE));

  restore (stack, project, FALSE);
  g_assert_cmpuint (n_paragraphs (project), ==, before);
  g_assert_false (desk_undo_stack_get_can_undo (stack));
}

/* Typing close together is one step; a decision between two bursts closes the first. */
static void
test_typing_coalesces (void)
{
  g_autoptr(DeskProject) project = project_new ();
  g_autoptr(DeskUndoStack) stack = desk_undo_stack_new ();
  guint before = n_paragraphs (project);

  for (guint i = 0; i < 3; i++)
    {
      desk_undo_stack_begin_decision (stack, project);
      append (project, "Typed.");
      g_assert_true (desk_undo_stack_end_decision (stack, "Typing", TRUE));
    }
  desk_undo_stack_begin_decision (stack, project);
  desk_project_add_rejected (project, "Rejected between two bursts of typing.");
  desk_undo_stack_end_decision (stack, "Reject Suggestion", FALSE);
  desk_undo_stack_begin_decision (stack, project);
  append (project, "Typed again.");
  desk_undo_stack_end_decision (stack, "Typing", TRUE);

  restore (stack, project, FALSE);
  g_assert_cmpuint (n_paragraphs (project), ==, before + 3);
  restore (stack, project, FALSE);
  g_assert_null (desk_project_get_rejected (project)[0]);
  restore (stack, project, FALSE);
  g_assert_cmpuint (n_paragraphs (project), ==, before);
  g_assert_false (desk_undo_stack_get_can_undo (stack));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/undo-stack/decision", test_decision);
  g_test_add_func ("/undo-stack/no-change", test_no_change);
  g_test_add_func ("/undo-stack/nested", test_nested);
  g_test_add_func ("/undo-stack/typing-coalesces", test_typing_coalesces);

  return g_test_run ();
}
