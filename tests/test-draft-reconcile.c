/* test-draft-reconcile.c: the draft's paragraphs after the editor typed
 *
 * desk_draft_reconcile() is what the window calls with its body's lines; these tests call
 * it as the window would, without a window.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "desk-draft.h"
#include "desk-paragraph.h"

static const char *const LINES[] = {
  "Fire crews fought the warehouse blaze on the harbour front until dawn.",
  "Two firefighters were treated for smoke inhalation and released.",
  "The cause of the fire is under investigation, the fire marshal said.",
  "Traffic on the harbour road was diverted for most of the morning.",
};

/* A draft of LINES, paragraph i from block i of source "wire". */
static DeskDraft *
draft_new (void)
{
  DeskDraft *draft = desk_draft_new ();

  for (guint i = 0; i < G_N_ELEMENTS (LINES); i++)
    {
      g_autoptr(DeskParagraph) paragraph = desk_paragraph_new_from_block (LINES[i], "wire", i);

      desk_draft_append (draft, paragraph);
    }

  return draft;
}

typedef struct
{
  guint changed;
  guint items_changed;
} Counts;

static void
changed_cb (DeskDraft *draft,
            Counts    *counts)
{
  counts->changed++;
}

static void
items_changed_cb (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  Counts     *counts)
{
  counts->items_changed++;
}

static void
watch (DeskDraft *draft,
       Counts    *counts)
{
  g_signal_connect (draft, "changed", G_CALLBACK (changed_cb), counts);
  g_signal_connect (desk_draft_get_paragraphs (draft), "items-changed",
                    G_CALLBACK (items_changed_cb), counts);
}

/* The paragraph's provenance as "source:block,…"; "" for none. */
static char *
provenance (DeskDraft *draft,
            guint      position)
{
  DeskParagraph *paragraph = desk_draft_get_paragraph (draft, position);
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < desk_paragraph_get_n_provenance (paragraph); i++)
    g_string_append_printf (text, "%s%s:%u", i > 0 ? "," : "",
                            desk_paragraph_get_provenance_source (paragraph, i),
                            desk_paragraph_get_provenance_block (paragraph, i));

  return g_string_free (text, FALSE);
}

#define assert_provenance(draft, position, expected)                    \
  G_STMT_START {                                                        \
    g_autofree char *_got = provenance ((draft), (position));           \
    g_assert_cmpstr (_got, ==, (expected));                             \
  } G_STMT_END

static void
assert_texts (DeskDraft          *draft,
              const char * const *expected,
              guint               n_expected)
{
  g_assert_cmpuint (desk_draft_get_n_paragraphs (draft), ==, n_expected);
  for (guint i = 0; i < n_expected; i++)
    g_assert_cmpstr (desk_paragraph_get_text (desk_draft_get_paragraph (draft, i)), ==, expected[i]);
}

static void
test_unchanged (void)
{
  g_autoptr(DeskDraft) draft = draft_new ();
  /* Blank lines between paragraphs and space around them are not paragraphs. */
  const char *lines[] = {
    "", LINES[0], "", "  ", LINES[1], "", LINES[2] , "\t", "", LINES[3], "",
  };
  g_autofree char *padded = g_strconcat ("  ", LINES[1], " ", NULL);
  Counts counts = { 0, };

  watch (draft, &counts);

  g_assert_false (desk_draft_reconcile (draft, LINES, G_N_ELEMENTS (LINES)));
  g_assert_false (desk_draft_reconcile (draft, lines, G_N_ELEMENTS (lines)));
  lines[4] = padded;
  g_assert_false (desk_draft_reconcile (draft, lines, G_N_ELEMENTS (lines)));

  g_assert_cmpuint (counts.changed, ==, 0);
  g_assert_cmpuint (counts.items_changed, ==, 0);
  assert_texts (draft, LINES, G_N_ELEMENTS (LINES));
  for (guint i = 0; i < G_N_ELEMENTS (LINES); i++)
    g_assert_false (desk_paragraph_get_edited (desk_draft_get_paragraph (draft, i)));
}

static void
test_typed_inside (void)
{
  g_autoptr(DeskDraft) draft = draft_new ();
  DeskParagraph *second = desk_draft_get_paragraph (draft, 1);
  const char *lines[] = {
    LINES[0],
    "Two firefighters were briefly treated for smoke inhalation and released.",
    LINES[2],
    LINES[3],
  };
  Counts counts = { 0, };

  watch (draft, &counts);

  g_assert_true (desk_draft_reconcile (draft, lines, G_N_ELEMENTS (lines)));

  assert_texts (draft, lines, G_N_ELEMENTS (lines));
  /* The same paragraph, its text changed: no paragraph removed or inserted. */
  g_assert_true (desk_draft_get_paragraph (draft, 1) == second);
  g_assert_true (desk_paragraph_get_edited (second));
  assert_provenance (draft, 1, "wire:1");
  g_assert_false (desk_paragraph_get_edited (desk_draft_get_paragraph (draft, 0)));
  g_assert_false (desk_paragraph_get_edited (desk_draft_get_paragraph (draft, 2)));
  g_assert_cmpuint (counts.changed, ==, 1);
  g_assert_cmpuint (counts.items_changed, ==, 0);
}

static void
test_split (void)
{
  g_autoptr(DeskDraft) draft = draft_new ();
  const char *lines[] = {
    LINES[0],
    "Two firefighters were treated",
    "for smoke inhalation and released.",
    LINES[2],
    LINES[3],
  };

  g_assert_true (desk_draft_reconcile (draft, lines, G_N_ELEMENTS (lines)));

  assert_texts (draft, lines, G_N_ELEMENTS (lines));
  assert_provenance (draft, 0, "wire:0");
  assert_provenance (draft, 1, "wire:1");
  assert_provenance (draft, 2, "wire:1");
  assert_provenance (draft, 3, "wire:2");
  g_assert_true (desk_paragraph_get_edited (desk_draft_get_paragraph (draft, 1)));
  g_assert_true (desk_paragraph_get_edited (desk_draft_get_paragraph (draft, 2)));
  g_assert_false (desk_paragraph_get_edited (desk_draft_get_paragraph (draft, 3)));
}

/* Half of a paragraph's words is enough to keep its provenance; less is not. */
static void
test_half_the_words (void)
{
  g_autoptr(DeskDraft) draft = draft_new ();
  const char *lines[] = {
    LINES[0],
    /* 4 words, 2 of them (two, firefighters) from the old paragraph: a half. */
    "Two firefighters hurt, officials",
    /* 4 words, 1 of them (released) from it: a quarter. */
    "Both later released home",
    LINES[2],
    LINES[3],
  };

  g_assert_true (desk_draft_reconcile (draft, lines, G_N_ELEMENTS (lines)));

  assert_texts (draft, lines, G_N_ELEMENTS (lines));
  assert_provenance (draft, 1, "wire:1");
  assert_provenance (draft, 2, "");
  /* Typed by the editor, so edited too. */
  g_assert_true (desk_paragraph_get_edited (desk_draft_get_paragraph (draft, 2)));
}

static void
test_merge (void)
{
  g_autoptr(DeskDraft) draft = draft_new ();
  g_autofree char *merged = g_strconcat (LINES[1], " ", LINES[2], NULL);
  const char *lines[] = { LINES[0], merged, LINES[3] };

  g_assert_true (desk_draft_reconcile (draft, lines, G_N_ELEMENTS (lines)));

  assert_texts (draft, lines, G_N_ELEMENTS (lines));
  assert_provenance (draft, 0, "wire:0");
  assert_provenance (draft, 1, "wire:1,wire:2");
  assert_provenance (draft, 2, "wire:3");
  g_assert_true (desk_paragraph_get_edited (desk_draft_get_paragraph (draft, 1)));
}

static void
test_delete (void)
{
  g_autoptr(DeskDraft) draft = draft_new ();
  const char *lines[] = { LINES[0], LINES[2], LINES[3] };
  DeskParagraph *third = desk_draft_get_paragraph (draft, 2);
  Counts counts = { 0, };

  watch (draft, &counts);

  g_assert_true (desk_draft_reconcile (draft, lines, G_N_ELEMENTS (lines)));

  assert_texts (draft, lines, G_N_ELEMENTS (lines));
  assert_provenance (draft, 0, "wire:0");
  assert_provenance (draft, 1, "wire:2");
  assert_provenance (draft, 2, "wire:3");
  /* Only the deleted paragraph goes: the others are the same objects, unedited. */
  g_assert_true (desk_draft_get_paragraph (draft, 1) == third);
  g_assert_false (desk_paragraph_get_edited (third));
  g_assert_cmpuint (counts.changed, ==, 1);
  g_assert_cmpuint (counts.items_changed, ==, 1);
}

static void
test_new_paragraph (void)
{
  g_autoptr(DeskDraft) draft = draft_new ();
  const char *lines[] = {
    LINES[0],
    LINES[1],
    "Neighbours said they heard an explosion shortly after midnight.",
    LINES[2],
    LINES[3],
  };

  g_assert_true (desk_draft_reconcile (draft, lines, G_N_ELEMENTS (lines)));

  assert_texts (draft, lines, G_N_ELEMENTS (lines));
  assert_provenance (draft, 1, "wire:1");
  assert_provenance (draft, 2, "");
  assert_provenance (draft, 3, "wire:2");
  g_assert_true (desk_paragraph_get_edited (desk_draft_get_paragraph (draft, 2)));
  g_assert_false (desk_paragraph_get_edited (desk_draft_get_paragraph (draft, 3)));
}

/* A paragraph moved (cut and pasted, dragged): as many paragraphs as before, each still
 * crediting its own block, none edited. */
static void
test_moved (void)
{
  g_autoptr(DeskDraft) draft = draft_new ();
  const char *swapped[] = { LINES[0], LINES[2], LINES[1], LINES[3] };
  const char *to_end[] = { LINES[1], LINES[2], LINES[3], LINES[0] };

  g_assert_true (desk_draft_reconcile (draft, swapped, G_N_ELEMENTS (swapped)));

  assert_texts (draft, swapped, G_N_ELEMENTS (swapped));
  assert_provenance (draft, 0, "wire:0");
  assert_provenance (draft, 1, "wire:2");
  assert_provenance (draft, 2, "wire:1");
  assert_provenance (draft, 3, "wire:3");
  for (guint i = 0; i < G_N_ELEMENTS (swapped); i++)
    g_assert_false (desk_paragraph_get_edited (desk_draft_get_paragraph (draft, i)));

  g_assert_true (desk_draft_reconcile (draft, to_end, G_N_ELEMENTS (to_end)));

  assert_texts (draft, to_end, G_N_ELEMENTS (to_end));
  assert_provenance (draft, 0, "wire:1");
  assert_provenance (draft, 1, "wire:2");
  assert_provenance (draft, 2, "wire:3");
  assert_provenance (draft, 3, "wire:0");
  for (guint i = 0; i < G_N_ELEMENTS (to_end); i++)
    g_assert_false (desk_paragraph_get_edited (desk_draft_get_paragraph (draft, i)));
}

/* Retyped in place around a paragraph left as it was: all three stay the same objects. */
static void
test_typed_around (void)
{
  g_autoptr(DeskDraft) draft = draft_new ();
  DeskParagraph *second = desk_draft_get_paragraph (draft, 1);
  DeskParagraph *third = desk_draft_get_paragraph (draft, 2);
  const char *lines[] = {
    "Fire crews fought the blaze on the harbour front until dawn.",
    LINES[1],
    LINES[2],
    "Traffic on the harbour road was diverted all morning.",
  };

  g_assert_true (desk_draft_reconcile (draft, lines, G_N_ELEMENTS (lines)));

  assert_texts (draft, lines, G_N_ELEMENTS (lines));
  g_assert_true (desk_draft_get_paragraph (draft, 1) == second);
  g_assert_true (desk_draft_get_paragraph (draft, 2) == third);
  assert_provenance (draft, 0, "wire:0");
  assert_provenance (draft, 3, "wire:3");
  g_assert_true (desk_paragraph_get_edited (desk_draft_get_paragraph (draft, 0)));
  g_assert_false (desk_paragraph_get_edited (second));
}

/* A paragraph moved while another is added: the moved one is as it was. */
static void
test_moved_and_added (void)
{
  g_autoptr(DeskDraft) draft = draft_new ();
  const char *lines[] = {
    LINES[0],
    LINES[2],
    "Neighbours said they heard an explosion shortly after midnight.",
    LINES[1],
    LINES[3],
  };

  g_assert_true (desk_draft_reconcile (draft, lines, G_N_ELEMENTS (lines)));

  assert_texts (draft, lines, G_N_ELEMENTS (lines));
  assert_provenance (draft, 1, "wire:2");
  assert_provenance (draft, 2, "");
  assert_provenance (draft, 3, "wire:1");
  g_assert_false (desk_paragraph_get_edited (desk_draft_get_paragraph (draft, 1)));
  g_assert_false (desk_paragraph_get_edited (desk_draft_get_paragraph (draft, 3)));
}

static void
test_emptied (void)
{
  g_autoptr(DeskDraft) draft = draft_new ();
  const char *lines[] = { "", "  " };

  g_assert_true (desk_draft_reconcile (draft, lines, G_N_ELEMENTS (lines)));
  g_assert_cmpuint (desk_draft_get_n_paragraphs (draft), ==, 0);
  g_assert_false (desk_draft_reconcile (draft, NULL, 0));

  g_assert_true (desk_draft_reconcile (draft, LINES, 1));
  assert_texts (draft, LINES, 1);
  assert_provenance (draft, 0, "");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/draft-reconcile/unchanged", test_unchanged);
  g_test_add_func ("/draft-reconcile/typed-inside", test_typed_inside);
  g_test_add_func ("/draft-reconcile/split", test_split);
  g_test_add_func ("/draft-reconcile/half-the-words", test_half_the_words);
  g_test_add_func ("/draft-reconcile/merge", test_merge);
  g_test_add_func ("/draft-reconcile/delete", test_delete);
  g_test_add_func ("/draft-reconcile/new-paragraph", test_new_paragraph);
  g_test_add_func ("/draft-reconcile/moved", test_moved);
  g_test_add_func ("/draft-reconcile/moved-and-added", test_moved_and_added);
  g_test_add_func ("/draft-reconcile/typed-around", test_typed_around);
  g_test_add_func ("/draft-reconcile/emptied", test_emptied);

  return g_test_run ();
}
