/* test-model.c: tests for the draft model: paragraphs, drafts, projects
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "desk-draft.h"
#include "desk-paragraph.h"
#include "desk-project.h"
#include "desk-source.h"

static const char STORY[] =
  "Storm knocks out power across Nova Scotia\n"
  "\n"
  "By Jane Doe, The Associated Press\n"
  "\n"
  "HALIFAX, Nova Scotia -- A fierce autumn storm knocked out power to more than 200,000 "
  "homes and businesses across Nova Scotia on Tuesday, the provincial utility said.\n"
  "\n"
  "Winds gusting to 130 kilometres an hour toppled trees onto lines from Yarmouth to "
  "Sydney, and crews expected some customers to be without power for several days.\n"
  "\n"
  "Schools in the Halifax area were closed, and ferry crossings to Prince Edward Island "
  "were cancelled until Wednesday morning.\n";

static const char OTHER_STORY[] =
  "Ferries cancelled as storm hits Maritimes\n"
  "\n"
  "By John Roe, Reuters\n"
  "\n"
  "HALIFAX (Reuters) - Ferry crossings between Nova Scotia and Prince Edward Island were "
  "cancelled on Tuesday as a storm swept across the Maritime provinces.\n";

static DeskSource *
source_new (const char *text,
            const char *name)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static (text, strlen (text));
  g_autoptr(GError) error = NULL;
  DeskSource *source;

  source = desk_source_new_from_bytes (bytes, name, DESK_SOURCE_ORIGIN_FILE, &error);
  g_assert_no_error (error);
  g_assert_nonnull (source);

  return source;
}

static void
count_cb (gpointer  instance,
          guint    *count)
{
  (*count)++;
}

static void
count_notify_cb (GObject    *object,
                 GParamSpec *pspec,
                 guint      *count)
{
  (*count)++;
}

typedef struct
{
  guint n_emissions;
  guint position;
  guint removed;
  guint added;
} ItemsChanged;

static void
items_changed_cb (GListModel   *model,
                  guint         position,
                  guint         removed,
                  guint         added,
                  ItemsChanged *record)
{
  record->n_emissions++;
  record->position = position;
  record->removed = removed;
  record->added = added;
}

static void
assert_items_changed (ItemsChanged *record,
                      guint         n_emissions,
                      guint         position,
                      guint         removed,
                      guint         added)
{
  g_assert_cmpuint (record->n_emissions, ==, n_emissions);
  g_assert_cmpuint (record->position, ==, position);
  g_assert_cmpuint (record->removed, ==, removed);
  g_assert_cmpuint (record->added, ==, added);
}

/* ---- Paragraphs ------------------------------------------------------------------------- */

static void
test_paragraph_typed (void)
{
  g_autoptr(DeskParagraph) paragraph = desk_paragraph_new ("Typed by the editor.");

  g_assert_cmpstr (desk_paragraph_get_text (paragraph), ==, "Typed by the editor.");
  g_assert_false (desk_paragraph_get_edited (paragraph));
  g_assert_cmpuint (desk_paragraph_get_n_provenance (paragraph), ==, 0);
  g_assert_false (desk_paragraph_has_source (paragraph, "abc"));
}

static void
test_paragraph_provenance (void)
{
  g_autoptr(DeskParagraph) paragraph = desk_paragraph_new_from_block ("Text.", "aaaa", 3);

  g_assert_cmpuint (desk_paragraph_get_n_provenance (paragraph), ==, 1);
  g_assert_cmpstr (desk_paragraph_get_provenance_source (paragraph, 0), ==, "aaaa");
  g_assert_cmpuint (desk_paragraph_get_provenance_block (paragraph, 0), ==, 3);
  g_assert_true (desk_paragraph_has_source (paragraph, "aaaa"));
  g_assert_false (desk_paragraph_has_source (paragraph, "bbbb"));
  g_assert_false (desk_paragraph_get_edited (paragraph));

  /* An exact duplicate is ignored; the same block of another source, or another block
   * of the same source, is not a duplicate. */
  desk_paragraph_add_provenance (paragraph, "aaaa", 3);
  g_assert_cmpuint (desk_paragraph_get_n_provenance (paragraph), ==, 1);

  desk_paragraph_add_provenance (paragraph, "bbbb", 3);
  desk_paragraph_add_provenance (paragraph, "aaaa", 4);
  desk_paragraph_add_provenance (paragraph, "bbbb", 3);
  g_assert_cmpuint (desk_paragraph_get_n_provenance (paragraph), ==, 3);
  g_assert_cmpstr (desk_paragraph_get_provenance_source (paragraph, 1), ==, "bbbb");
  g_assert_cmpuint (desk_paragraph_get_provenance_block (paragraph, 1), ==, 3);
  g_assert_cmpstr (desk_paragraph_get_provenance_source (paragraph, 2), ==, "aaaa");
  g_assert_cmpuint (desk_paragraph_get_provenance_block (paragraph, 2), ==, 4);
  g_assert_true (desk_paragraph_has_source (paragraph, "bbbb"));
}

static void
test_paragraph_edited (void)
{
  g_autoptr(DeskParagraph) paragraph = desk_paragraph_new_from_block ("Old.", "aaaa", 0);
  g_autoptr(DeskParagraph) built = g_object_new (DESK_TYPE_PARAGRAPH, "text", "Built.", NULL);
  g_autofree char *text = NULL;
  gboolean edited = FALSE;
  guint n_text = 0;
  guint n_edited = 0;

  /* A text given at construction is not an edit. */
  g_assert_cmpstr (desk_paragraph_get_text (built), ==, "Built.");
  g_assert_false (desk_paragraph_get_edited (built));

  g_signal_connect (paragraph, "notify::text", G_CALLBACK (count_notify_cb), &n_text);
  g_signal_connect (paragraph, "notify::edited", G_CALLBACK (count_notify_cb), &n_edited);

  /* Setting the same text changes nothing. */
  desk_paragraph_set_text (paragraph, "Old.");
  g_assert_false (desk_paragraph_get_edited (paragraph));
  g_assert_cmpuint (n_text, ==, 0);
  g_assert_cmpuint (n_edited, ==, 0);

  desk_paragraph_set_text (paragraph, "New.");
  g_assert_cmpstr (desk_paragraph_get_text (paragraph), ==, "New.");
  g_assert_true (desk_paragraph_get_edited (paragraph));
  g_assert_cmpuint (n_text, ==, 1);
  g_assert_cmpuint (n_edited, ==, 1);

  /* "edited" notifies only when it turns TRUE. */
  g_object_set (paragraph, "text", "Newer.", NULL);
  g_assert_cmpuint (n_text, ==, 2);
  g_assert_cmpuint (n_edited, ==, 1);

  g_object_get (paragraph, "text", &text, "edited", &edited, NULL);
  g_assert_cmpstr (text, ==, "Newer.");
  g_assert_true (edited);

  /* Edits keep the provenance. */
  g_assert_cmpuint (desk_paragraph_get_n_provenance (paragraph), ==, 1);
}

static void
test_paragraph_copy (void)
{
  g_autoptr(DeskParagraph) paragraph = desk_paragraph_new_from_block ("Text.", "aaaa", 1);
  g_autoptr(DeskParagraph) fresh_copy = NULL;
  g_autoptr(DeskParagraph) copy = NULL;

  desk_paragraph_add_provenance (paragraph, "bbbb", 7);

  fresh_copy = desk_paragraph_copy (paragraph);
  g_assert_false (desk_paragraph_get_edited (fresh_copy));

  desk_paragraph_set_text (paragraph, "Edited text.");
  copy = desk_paragraph_copy (paragraph);

  g_assert_true (copy != paragraph);
  g_assert_cmpstr (desk_paragraph_get_text (copy), ==, "Edited text.");
  g_assert_true (desk_paragraph_get_edited (copy));
  g_assert_cmpuint (desk_paragraph_get_n_provenance (copy), ==, 2);
  g_assert_cmpstr (desk_paragraph_get_provenance_source (copy, 0), ==, "aaaa");
  g_assert_cmpuint (desk_paragraph_get_provenance_block (copy, 0), ==, 1);
  g_assert_cmpstr (desk_paragraph_get_provenance_source (copy, 1), ==, "bbbb");
  g_assert_cmpuint (desk_paragraph_get_provenance_block (copy, 1), ==, 7);

  /* Deep: changing the copy leaves the original alone. */
  desk_paragraph_set_text (copy, "Copy text.");
  desk_paragraph_add_provenance (copy, "cccc", 0);
  g_assert_cmpstr (desk_paragraph_get_text (paragraph), ==, "Edited text.");
  g_assert_cmpuint (desk_paragraph_get_n_provenance (paragraph), ==, 2);
  g_assert_false (desk_paragraph_has_source (paragraph, "cccc"));
}

/* ---- Drafts ----------------------------------------------------------------------------- */

static void
test_draft_empty (void)
{
  g_autoptr(DeskDraft) draft = desk_draft_new ();
  g_autofree char *text = desk_draft_to_text (draft);

  g_assert_null (desk_draft_get_headline (draft));
  g_assert_null (desk_draft_get_byline (draft));
  g_assert_null (desk_draft_get_dateline (draft));
  g_assert_cmpuint (desk_draft_get_n_paragraphs (draft), ==, 0);
  g_assert_true (G_IS_LIST_MODEL (desk_draft_get_paragraphs (draft)));
  g_assert_true (g_list_model_get_item_type (desk_draft_get_paragraphs (draft)) ==
                 DESK_TYPE_PARAGRAPH);
  g_assert_cmpstr (text, ==, "");
}

static void
test_draft_metadata (void)
{
  g_autoptr(DeskDraft) draft = desk_draft_new ();
  g_autofree char *byline = NULL;
  guint n_changed = 0;
  guint n_headline = 0;

  g_signal_connect (draft, "changed", G_CALLBACK (count_cb), &n_changed);
  g_signal_connect (draft, "notify::headline", G_CALLBACK (count_notify_cb), &n_headline);

  desk_draft_set_headline (draft, "Storm hits");
  g_assert_cmpstr (desk_draft_get_headline (draft), ==, "Storm hits");
  g_assert_cmpuint (n_changed, ==, 1);
  g_assert_cmpuint (n_headline, ==, 1);

  desk_draft_set_headline (draft, "Storm hits");
  g_assert_cmpuint (n_changed, ==, 1);
  g_assert_cmpuint (n_headline, ==, 1);

  desk_draft_set_byline (draft, "Jane Doe");
  desk_draft_set_dateline (draft, "HALIFAX");
  g_assert_cmpuint (n_changed, ==, 3);
  g_assert_cmpstr (desk_draft_get_dateline (draft), ==, "HALIFAX");

  g_object_set (draft, "byline", "John Roe", NULL);
  g_object_get (draft, "byline", &byline, NULL);
  g_assert_cmpstr (byline, ==, "John Roe");
  g_assert_cmpuint (n_changed, ==, 4);

  desk_draft_set_headline (draft, NULL);
  g_assert_null (desk_draft_get_headline (draft));
  g_assert_cmpuint (n_changed, ==, 5);
  g_assert_cmpuint (n_headline, ==, 2);
}

static void
test_draft_paragraphs (void)
{
  g_autoptr(DeskDraft) draft = desk_draft_new ();
  g_autoptr(DeskParagraph) a = desk_paragraph_new ("A.");
  g_autoptr(DeskParagraph) b = desk_paragraph_new ("B.");
  g_autoptr(DeskParagraph) c = desk_paragraph_new ("C.");
  g_autoptr(DeskParagraph) d = desk_paragraph_new ("D.");
  GListModel *model = desk_draft_get_paragraphs (draft);
  ItemsChanged record = { 0 };
  guint n_changed = 0;
  g_autofree char *text = NULL;

  g_signal_connect (draft, "changed", G_CALLBACK (count_cb), &n_changed);
  g_signal_connect (model, "items-changed", G_CALLBACK (items_changed_cb), &record);

  desk_draft_append (draft, a);
  assert_items_changed (&record, 1, 0, 0, 1);
  desk_draft_append (draft, c);
  assert_items_changed (&record, 2, 1, 0, 1);
  desk_draft_insert (draft, 1, b);
  assert_items_changed (&record, 3, 1, 0, 1);
  g_assert_cmpuint (n_changed, ==, 3);

  g_assert_cmpuint (desk_draft_get_n_paragraphs (draft), ==, 3);
  g_assert_true (desk_draft_get_paragraph (draft, 0) == a);
  g_assert_true (desk_draft_get_paragraph (draft, 1) == b);
  g_assert_true (desk_draft_get_paragraph (draft, 2) == c);

  text = desk_draft_to_text (draft);
  g_assert_cmpstr (text, ==, "A.\n\nB.\n\nC.\n");
  g_clear_pointer (&text, g_free);

  /* Replacing is one items-changed: one removed, one added. */
  desk_draft_replace (draft, 1, d);
  assert_items_changed (&record, 4, 1, 1, 1);
  g_assert_cmpuint (n_changed, ==, 4);
  g_assert_true (desk_draft_get_paragraph (draft, 1) == d);

  desk_draft_remove (draft, 0);
  assert_items_changed (&record, 5, 0, 1, 0);
  g_assert_cmpuint (n_changed, ==, 5);
  g_assert_cmpuint (desk_draft_get_n_paragraphs (draft), ==, 2);

  text = desk_draft_to_text (draft);
  g_assert_cmpstr (text, ==, "D.\n\nC.\n");
  g_clear_pointer (&text, g_free);

  /* Text edits: through the draft, and straight on a paragraph it holds. Neither changes
   * the list. */
  desk_draft_set_paragraph_text (draft, 0, "D, edited.");
  g_assert_cmpuint (n_changed, ==, 6);
  g_assert_true (desk_paragraph_get_edited (d));

  desk_draft_set_paragraph_text (draft, 0, "D, edited.");
  g_assert_cmpuint (n_changed, ==, 6);

  desk_paragraph_set_text (c, "C, edited.");
  g_assert_cmpuint (n_changed, ==, 7);
  g_assert_cmpuint (record.n_emissions, ==, 5);

  text = desk_draft_to_text (draft);
  g_assert_cmpstr (text, ==, "D, edited.\n\nC, edited.\n");
  g_clear_pointer (&text, g_free);

  /* Paragraphs that left the draft no longer change it. */
  desk_paragraph_set_text (a, "A, edited.");
  desk_paragraph_set_text (b, "B, edited.");
  g_assert_cmpuint (n_changed, ==, 7);

  /* A paragraph in the draft twice is still watched after one of them is removed. */
  desk_draft_append (draft, c);
  g_assert_cmpuint (n_changed, ==, 8);
  desk_draft_remove (draft, 2);
  g_assert_cmpuint (n_changed, ==, 9);
  desk_paragraph_set_text (c, "C, again.");
  g_assert_cmpuint (n_changed, ==, 10);

  desk_draft_remove (draft, 1);
  desk_draft_remove (draft, 0);
  g_assert_cmpuint (n_changed, ==, 12);
  assert_items_changed (&record, 9, 0, 1, 0);
  desk_paragraph_set_text (c, "C, after.");
  desk_paragraph_set_text (d, "D, after.");
  g_assert_cmpuint (n_changed, ==, 12);

  text = desk_draft_to_text (draft);
  g_assert_cmpstr (text, ==, "");
}

static void
test_draft_outlived_by_paragraph (void)
{
  g_autoptr(DeskParagraph) paragraph = desk_paragraph_new ("Survivor.");
  DeskDraft *draft = desk_draft_new ();

  desk_draft_append (draft, paragraph);
  g_object_unref (draft);

  /* The draft is gone; editing its former paragraph must not reach it. */
  desk_paragraph_set_text (paragraph, "Still here.");
  g_assert_cmpstr (desk_paragraph_get_text (paragraph), ==, "Still here.");
}

static void
test_draft_copy (void)
{
  g_autoptr(DeskDraft) draft = desk_draft_new ();
  g_autoptr(DeskParagraph) paragraph = desk_paragraph_new_from_block ("One.", "aaaa", 2);
  g_autoptr(DeskDraft) copy = NULL;
  DeskParagraph *copied;
  guint n_changed = 0;

  desk_draft_set_headline (draft, "Headline");
  desk_draft_set_byline (draft, "Jane Doe");
  desk_draft_set_dateline (draft, "HALIFAX");
  desk_draft_append (draft, paragraph);

  copy = desk_draft_copy (draft);
  g_assert_cmpstr (desk_draft_get_headline (copy), ==, "Headline");
  g_assert_cmpstr (desk_draft_get_byline (copy), ==, "Jane Doe");
  g_assert_cmpstr (desk_draft_get_dateline (copy), ==, "HALIFAX");
  g_assert_cmpuint (desk_draft_get_n_paragraphs (copy), ==, 1);

  copied = desk_draft_get_paragraph (copy, 0);
  g_assert_true (copied != paragraph);
  g_assert_cmpstr (desk_paragraph_get_text (copied), ==, "One.");
  g_assert_cmpstr (desk_paragraph_get_provenance_source (copied, 0), ==, "aaaa");
  g_assert_cmpuint (desk_paragraph_get_provenance_block (copied, 0), ==, 2);

  /* The copy watches its own paragraphs, and only those. */
  g_signal_connect (copy, "changed", G_CALLBACK (count_cb), &n_changed);
  desk_paragraph_set_text (paragraph, "One, in the original.");
  g_assert_cmpuint (n_changed, ==, 0);
  desk_paragraph_set_text (copied, "One, in the copy.");
  g_assert_cmpuint (n_changed, ==, 1);
  g_assert_cmpstr (desk_paragraph_get_text (paragraph), ==, "One, in the original.");

  desk_draft_set_headline (copy, "Other");
  g_assert_cmpstr (desk_draft_get_headline (draft), ==, "Headline");
}

static void
test_draft_from_source (void)
{
  g_autoptr(DeskSource) source = source_new (STORY, "test.txt");
  g_autoptr(DeskDraft) draft = NULL;
  g_autofree char *text = NULL;
  const char *id = desk_source_get_id (source);
  GListModel *blocks = desk_source_get_blocks (source);
  guint n_blocks = g_list_model_get_n_items (blocks);

  /* What ingest made of the story, for when the expectations below stop holding. */
  for (guint i = 0; i < n_blocks; i++)
    {
      g_autoptr(DeskBlock) block = g_list_model_get_item (blocks, i);

      g_test_message ("block %u: %s (%s): \"%s\"", i,
                      desk_block_role_to_string (desk_block_get_role (block)),
                      desk_block_get_reason (block) ? desk_block_get_reason (block) : "-",
                      desk_block_get_text (block));
    }

  g_assert_cmpuint (n_blocks, ==, 6);

  draft = desk_draft_new_from_source (source);

  g_assert_cmpstr (desk_draft_get_headline (draft), ==,
                   "Storm knocks out power across Nova Scotia");
  g_assert_cmpstr (desk_draft_get_byline (draft), ==, "Jane Doe");
  g_assert_cmpstr (desk_draft_get_dateline (draft), ==, "HALIFAX, Nova Scotia");

  /* Blocks: headline, byline, dateline, then the three paragraphs. */
  g_assert_cmpuint (desk_draft_get_n_paragraphs (draft), ==, 3);
  for (guint i = 0; i < 3; i++)
    {
      DeskParagraph *paragraph = desk_draft_get_paragraph (draft, i);

      g_assert_false (desk_paragraph_get_edited (paragraph));
      g_assert_cmpuint (desk_paragraph_get_n_provenance (paragraph), ==, 1);
      g_assert_cmpstr (desk_paragraph_get_provenance_source (paragraph, 0), ==, id);
      g_assert_cmpuint (desk_paragraph_get_provenance_block (paragraph, 0), ==, 3 + i);
      g_assert_true (desk_paragraph_has_source (paragraph, id));
    }

  g_assert_cmpstr (desk_paragraph_get_text (desk_draft_get_paragraph (draft, 0)), ==,
                   "A fierce autumn storm knocked out power to more than 200,000 homes and "
                   "businesses across Nova Scotia on Tuesday, the provincial utility said.");
  g_assert_cmpstr (desk_paragraph_get_text (desk_draft_get_paragraph (draft, 2)), ==,
                   "Schools in the Halifax area were closed, and ferry crossings to Prince "
                   "Edward Island were cancelled until Wednesday morning.");

  text = desk_draft_to_text (draft);
  g_assert_true (g_str_has_prefix (text, "A fierce autumn storm"));
  g_assert_true (g_str_has_suffix (text, "until Wednesday morning.\n"));
  g_assert_nonnull (strstr (text, "said.\n\nWinds gusting"));
  g_assert_nonnull (strstr (text, "several days.\n\nSchools"));
}

static void
test_draft_from_source_two_bylines (void)
{
  static const char two[] =
    "Storm knocks out power across Nova Scotia\n"
    "\n"
    "By Jane Doe and John Roe, The Associated Press\n"
    "\n"
    "HALIFAX, Nova Scotia -- A fierce autumn storm knocked out power to more than 200,000 "
    "homes and businesses across Nova Scotia on Tuesday, the provincial utility said.\n";
  g_autoptr(DeskSource) source = source_new (two, "two.txt");
  g_autoptr(DeskDraft) draft = desk_draft_new_from_source (source);
  const char * const *bylines = desk_source_get_bylines (source);

  g_test_message ("bylines: %u", g_strv_length ((char **)bylines));
  g_assert_cmpuint (g_strv_length ((char **)bylines), ==, 2);
  g_assert_cmpstr (desk_draft_get_byline (draft), ==, "Jane Doe and John Roe");
}

/* A draft starts with what a reader of the version read first: a standfirst right under the
 * headline that reads as running text (a web page that sets its lead there), and not a deck
 * that is a label, one the body says again, or one further down among the bylines. */
static void
test_draft_from_source_standfirst (void)
{
  static const struct { const char *deck; const char *between; gboolean leads; } cases[] = {
    { "The city council voted on Tuesday to close the harbour ferry for the winter after a "
      "second engine failure.", "", TRUE },
    { "Second engine failure in a month", "", FALSE },
    { "The city council voted on Tuesday to close the harbour ferry for the winter after a "
      "second engine failure.", "<p class=\"byline\">By Jane Doe</p>", FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *page = g_strdup_printf (
        "<html><head><title>Council closes the ferry</title></head><body><article>"
        "<h1>Council closes the ferry</h1>%s<p class=\"standfirst\">%s</p>"
        "<p>\u201cWe had no choice,\u201d the mayor told reporters after the vote, adding that "
        "the crew would keep their jobs.</p>"
        "<p>The ferry carried about 1,200 passengers a day across the harbour before it broke "
        "down last month.</p></article></body></html>", cases[i].between, cases[i].deck);
      g_autoptr(DeskSource) source = source_new (page, "page.html");
      g_autoptr(DeskDraft) draft = desk_draft_new_from_source (source);
      const char *first = desk_paragraph_get_text (desk_draft_get_paragraph (draft, 0));

      if (cases[i].leads)
        {
          g_assert_cmpuint (desk_draft_get_n_paragraphs (draft), ==, 3);
          g_assert_cmpstr (first, ==, cases[i].deck);
          g_assert_cmpstr (desk_paragraph_get_provenance_source (desk_draft_get_paragraph (draft, 0), 0),
                           ==, desk_source_get_id (source));
        }
      else
        {
          g_assert_cmpuint (desk_draft_get_n_paragraphs (draft), ==, 2);
          g_assert_true (g_str_has_prefix (first, "\u201cWe had no choice"));
        }
    }
}

/* ---- Projects --------------------------------------------------------------------------- */

static void
test_project_new (void)
{
  g_autoptr(DeskProject) project = desk_project_new ();
  g_autoptr(GListModel) sources = NULL;
  g_autoptr(DeskDraft) draft = NULL;

  g_assert_nonnull (desk_project_get_draft (project));
  g_assert_cmpuint (desk_draft_get_n_paragraphs (desk_project_get_draft (project)), ==, 0);
  g_assert_null (desk_project_get_draft_source_id (project));
  g_assert_cmpuint (g_list_model_get_n_items (desk_project_get_sources (project)), ==, 0);
  g_assert_nonnull (desk_project_get_rejected (project));
  g_assert_null (desk_project_get_rejected (project)[0]);
  g_assert_nonnull (desk_project_get_organization_order (project));
  g_assert_null (desk_project_get_organization_order (project)[0]);

  g_object_get (project, "sources", &sources, "draft", &draft, NULL);
  g_assert_true (sources == desk_project_get_sources (project));
  g_assert_true (draft == desk_project_get_draft (project));
}

static void
test_project_sources (void)
{
  g_autoptr(DeskProject) project = desk_project_new ();
  g_autoptr(DeskSource) source = source_new (STORY, "story.txt");
  g_autoptr(DeskSource) same = source_new (STORY, "copy of story.txt");
  g_autoptr(DeskSource) other = source_new (OTHER_STORY, "other.txt");
  GListModel *sources = desk_project_get_sources (project);
  ItemsChanged record = { 0 };
  guint n_changed = 0;

  g_signal_connect (project, "changed", G_CALLBACK (count_cb), &n_changed);
  g_signal_connect (sources, "items-changed", G_CALLBACK (items_changed_cb), &record);

  desk_project_add_source (project, source);
  desk_project_add_source (project, other);
  g_assert_cmpuint (g_list_model_get_n_items (sources), ==, 2);
  g_assert_cmpuint (n_changed, ==, 2);
  assert_items_changed (&record, 2, 1, 0, 1);

  /* The same bytes under another name are the same source. */
  g_assert_cmpstr (desk_source_get_id (same), ==, desk_source_get_id (source));
  desk_project_add_source (project, same);
  desk_project_add_source (project, source);
  g_assert_cmpuint (g_list_model_get_n_items (sources), ==, 2);
  g_assert_cmpuint (n_changed, ==, 2);
  g_assert_cmpuint (record.n_emissions, ==, 2);

  g_assert_true (desk_project_find_source (project, desk_source_get_id (source)) == source);
  g_assert_true (desk_project_find_source (project, desk_source_get_id (other)) == other);
  g_assert_null (desk_project_find_source (project, "0000000000000000"));

  /* A block role overridden in a source changes the project. */
  {
    g_autoptr(DeskBlock) block = g_list_model_get_item (desk_source_get_blocks (other), 0);

    desk_block_set_role (block, DESK_BLOCK_ROLE_FURNITURE);
    g_assert_cmpuint (n_changed, ==, 3);
  }

  desk_project_remove_source (project, 0);
  g_assert_cmpuint (n_changed, ==, 4);
  assert_items_changed (&record, 3, 0, 1, 0);
  g_assert_cmpuint (g_list_model_get_n_items (sources), ==, 1);
  g_assert_null (desk_project_find_source (project, desk_source_get_id (source)));
  g_assert_true (desk_project_find_source (project, desk_source_get_id (other)) == other);

  /* A removed source no longer changes the project. */
  {
    g_autoptr(DeskBlock) block = g_list_model_get_item (desk_source_get_blocks (source), 0);

    desk_block_set_role (block, DESK_BLOCK_ROLE_FURNITURE);
    g_assert_cmpuint (n_changed, ==, 4);
  }

  /* Once removed, the same story can come back. */
  desk_project_add_source (project, same);
  g_assert_cmpuint (g_list_model_get_n_items (sources), ==, 2);
  g_assert_cmpuint (n_changed, ==, 5);
  g_assert_true (desk_project_find_source (project, desk_source_get_id (source)) == same);
}

/* N versions added at once are one change: one items-changed on the list, one "changed"
 * on the project, one new credit list; repeats (of a source already there, or within the
 * batch) are left out, and the order is kept. */
static void
test_project_add_sources (void)
{
  g_autoptr(DeskProject) project = desk_project_new ();
  g_autoptr(GPtrArray) batch = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(DeskSource) first = source_new (STORY, "story.txt");
  GListModel *sources = desk_project_get_sources (project);
  GListModel *credits = G_LIST_MODEL (desk_project_get_credits (project));
  ItemsChanged record = { 0 };
  ItemsChanged credit_record = { 0 };
  guint n_changed = 0;
  const guint n_versions = 30;

  desk_project_add_source (project, first);

  static const char * const given[] = { "Anna", "Boris", "Carla", "David", "Elena", "Farid" };
  static const char * const family[] = { "Berg", "Lindqvist", "Moreau", "Okafor", "Tanaka" };

  for (guint i = 0; i < n_versions; i++)
    {
      g_autofree char *text = g_strdup_printf ("Story number %u about the ferry\n\n"
                                               "By %s %s, Reuters\n\n"
                                               "HALIFAX (Reuters) - Paragraph one of version %u "
                                               "tells what happened on Tuesday.\n\n"
                                               "Paragraph two of version %u says more.\n",
                                               i, given[i % 6], family[i / 6], i, i);
      g_autofree char *name = g_strdup_printf ("%02u.txt", i);

      g_ptr_array_add (batch, source_new (text, name));
    }
  /* One already in the project, and the tenth version twice. */
  g_ptr_array_insert (batch, 5, g_object_ref (first));
  g_ptr_array_add (batch, g_object_ref (g_ptr_array_index (batch, 10)));

  g_signal_connect (project, "changed", G_CALLBACK (count_cb), &n_changed);
  g_signal_connect (sources, "items-changed", G_CALLBACK (items_changed_cb), &record);
  g_signal_connect (credits, "items-changed", G_CALLBACK (items_changed_cb), &credit_record);

  g_assert_cmpuint (desk_project_add_sources (project, (DeskSource **)batch->pdata, batch->len),
                    ==, n_versions);
  g_assert_cmpuint (n_changed, ==, 1);
  assert_items_changed (&record, 1, 1, 0, n_versions);
  g_assert_cmpuint (credit_record.n_emissions, ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (sources), ==, n_versions + 1);
  g_assert_cmpuint (g_list_model_get_n_items (credits), >=, n_versions);

  for (guint i = 0; i < n_versions; i++)
    {
      g_autoptr(DeskSource) source = g_list_model_get_item (sources, i + 1);
      g_autofree char *name = g_strdup_printf ("%02u.txt", i);

      g_assert_cmpstr (desk_source_get_name (source), ==, name);
      g_assert_true (desk_project_find_source (project, desk_source_get_id (source)) == source);
    }

  /* Nothing new: no change at all. */
  g_assert_cmpuint (desk_project_add_sources (project, (DeskSource **)batch->pdata, batch->len),
                    ==, 0);
  g_assert_cmpuint (desk_project_add_sources (project, NULL, 0), ==, 0);
  g_assert_cmpuint (n_changed, ==, 1);
  g_assert_cmpuint (record.n_emissions, ==, 1);

  /* A source added in a batch changes the project when it changes. */
  {
    g_autoptr(DeskSource) source = g_list_model_get_item (sources, 7);
    g_autoptr(DeskBlock) block = g_list_model_get_item (desk_source_get_blocks (source), 0);

    desk_block_set_role (block, DESK_BLOCK_ROLE_FURNITURE);
    g_assert_cmpuint (n_changed, ==, 2);
  }
}

static void
test_project_draft (void)
{
  g_autoptr(DeskProject) project = desk_project_new ();
  g_autoptr(DeskSource) source = source_new (STORY, "story.txt");
  g_autoptr(DeskDraft) mine = desk_draft_new ();
  g_autoptr(DeskParagraph) typed = desk_paragraph_new ("Typed paragraph.");
  DeskDraft *first;
  DeskDraft *started;
  guint n_changed = 0;
  guint n_draft = 0;
  guint n_source_id = 0;

  g_signal_connect (project, "changed", G_CALLBACK (count_cb), &n_changed);
  g_signal_connect (project, "notify::draft", G_CALLBACK (count_notify_cb), &n_draft);
  g_signal_connect (project, "notify::draft-source-id",
                    G_CALLBACK (count_notify_cb), &n_source_id);

  /* Changes inside the draft change the project. */
  first = desk_project_get_draft (project);
  desk_draft_set_headline (first, "Typed headline");
  g_assert_cmpuint (n_changed, ==, 1);

  desk_project_add_source (project, source);
  g_assert_cmpuint (n_changed, ==, 2);

  desk_project_start_draft_from (project, source);
  started = desk_project_get_draft (project);
  g_assert_true (started != first);
  g_assert_cmpstr (desk_project_get_draft_source_id (project), ==, desk_source_get_id (source));
  g_assert_cmpuint (desk_draft_get_n_paragraphs (started), ==, 3);
  g_assert_cmpuint (n_changed, ==, 3);
  g_assert_cmpuint (n_draft, ==, 1);
  g_assert_cmpuint (n_source_id, ==, 1);

  /* The project follows the new draft, and paragraph edits in it, not the old draft. */
  desk_draft_set_paragraph_text (started, 0, "Rewritten lede.");
  g_assert_cmpuint (n_changed, ==, 4);
  desk_paragraph_set_text (desk_draft_get_paragraph (started, 1), "Rewritten second.");
  g_assert_cmpuint (n_changed, ==, 5);

  /* Starting again from the same source gives a new draft; the id stays. */
  desk_project_start_draft_from (project, source);
  g_assert_cmpuint (n_changed, ==, 6);
  g_assert_cmpuint (n_draft, ==, 2);
  g_assert_cmpuint (n_source_id, ==, 1);

  desk_project_set_draft (project, mine);
  g_assert_true (desk_project_get_draft (project) == mine);
  g_assert_null (desk_project_get_draft_source_id (project));
  g_assert_cmpuint (n_changed, ==, 7);
  g_assert_cmpuint (n_draft, ==, 3);
  g_assert_cmpuint (n_source_id, ==, 2);

  /* Setting the same draft again changes nothing. */
  desk_project_set_draft (project, mine);
  g_object_set (project, "draft", mine, NULL);
  g_assert_cmpuint (n_changed, ==, 7);
  g_assert_cmpuint (n_draft, ==, 3);

  desk_draft_append (mine, typed);
  g_assert_cmpuint (n_changed, ==, 8);
}

static void
test_project_draft_replaced_unwatched (void)
{
  g_autoptr(DeskProject) project = desk_project_new ();
  g_autoptr(DeskDraft) old = g_object_ref (desk_project_get_draft (project));
  g_autoptr(DeskDraft) replacement = desk_draft_new ();
  guint n_changed = 0;

  g_signal_connect (project, "changed", G_CALLBACK (count_cb), &n_changed);

  desk_project_set_draft (project, replacement);
  g_assert_cmpuint (n_changed, ==, 1);

  desk_draft_set_headline (old, "Nobody is listening");
  g_assert_cmpuint (n_changed, ==, 1);

  desk_draft_set_headline (replacement, "Somebody is");
  g_assert_cmpuint (n_changed, ==, 2);
}

static void
test_project_rejected (void)
{
  g_autoptr(DeskProject) project = desk_project_new ();
  const char * const *rejected;
  guint n_changed = 0;

  g_signal_connect (project, "changed", G_CALLBACK (count_cb), &n_changed);

  desk_project_add_rejected (project, "First rejected text.");
  desk_project_add_rejected (project, "Second rejected text.");
  desk_project_add_rejected (project, "First rejected text.");
  g_assert_cmpuint (n_changed, ==, 2);

  rejected = desk_project_get_rejected (project);
  g_assert_cmpuint (g_strv_length ((char **)rejected), ==, 2);
  g_assert_cmpstr (rejected[0], ==, "First rejected text.");
  g_assert_cmpstr (rejected[1], ==, "Second rejected text.");

  g_assert_false (desk_project_remove_rejected (project, "Never rejected."));
  g_assert_cmpuint (n_changed, ==, 2);

  g_assert_true (desk_project_remove_rejected (project, "First rejected text."));
  g_assert_cmpuint (n_changed, ==, 3);
  rejected = desk_project_get_rejected (project);
  g_assert_cmpuint (g_strv_length ((char **)rejected), ==, 1);
  g_assert_cmpstr (rejected[0], ==, "Second rejected text.");

  g_assert_false (desk_project_remove_rejected (project, "First rejected text."));
  g_assert_true (desk_project_remove_rejected (project, "Second rejected text."));
  g_assert_cmpuint (n_changed, ==, 4);

  rejected = desk_project_get_rejected (project);
  g_assert_nonnull (rejected);
  g_assert_null (rejected[0]);
}

static void
test_project_organization_order (void)
{
  g_autoptr(DeskProject) project = desk_project_new ();
  const char * const order[] = { "The Associated Press", "Reuters", NULL };
  const char * const same[] = { "The Associated Press", "Reuters", NULL };
  const char * const reversed[] = { "Reuters", "The Associated Press", NULL };
  const char * const *got;
  g_auto(GStrv) from_property = NULL;
  guint n_changed = 0;
  guint n_notify = 0;

  g_signal_connect (project, "changed", G_CALLBACK (count_cb), &n_changed);
  g_signal_connect (project, "notify::organization-order",
                    G_CALLBACK (count_notify_cb), &n_notify);

  desk_project_set_organization_order (project, order);
  got = desk_project_get_organization_order (project);
  g_assert_true (got != order);
  g_assert_true (g_strv_equal (got, order));
  g_assert_cmpuint (n_changed, ==, 1);
  g_assert_cmpuint (n_notify, ==, 1);

  desk_project_set_organization_order (project, same);
  g_assert_cmpuint (n_changed, ==, 1);
  g_assert_cmpuint (n_notify, ==, 1);

  desk_project_set_organization_order (project, reversed);
  g_assert_cmpstr (desk_project_get_organization_order (project)[0], ==, "Reuters");
  g_assert_cmpuint (n_changed, ==, 2);

  g_object_get (project, "organization-order", &from_property, NULL);
  g_assert_true (g_strv_equal ((const char * const *)from_property, reversed));

  desk_project_set_organization_order (project, NULL);
  g_assert_nonnull (desk_project_get_organization_order (project));
  g_assert_null (desk_project_get_organization_order (project)[0]);
  g_assert_cmpuint (n_changed, ==, 3);
  g_assert_cmpuint (n_notify, ==, 3);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/model/paragraph/typed", test_paragraph_typed);
  g_test_add_func ("/model/paragraph/provenance", test_paragraph_provenance);
  g_test_add_func ("/model/paragraph/edited", test_paragraph_edited);
  g_test_add_func ("/model/paragraph/copy", test_paragraph_copy);
  g_test_add_func ("/model/draft/empty", test_draft_empty);
  g_test_add_func ("/model/draft/metadata", test_draft_metadata);
  g_test_add_func ("/model/draft/paragraphs", test_draft_paragraphs);
  g_test_add_func ("/model/draft/outlived-by-paragraph", test_draft_outlived_by_paragraph);
  g_test_add_func ("/model/draft/copy", test_draft_copy);
  g_test_add_func ("/model/draft/from-source", test_draft_from_source);
  g_test_add_func ("/model/draft/from-source-two-bylines", test_draft_from_source_two_bylines);
  g_test_add_func ("/model/draft/from-source-standfirst", test_draft_from_source_standfirst);
  g_test_add_func ("/model/project/new", test_project_new);
  g_test_add_func ("/model/project/sources", test_project_sources);
  g_test_add_func ("/model/project/add-sources", test_project_add_sources);
  g_test_add_func ("/model/project/draft", test_project_draft);
  g_test_add_func ("/model/project/draft-replaced-unwatched",
                   test_project_draft_replaced_unwatched);
  g_test_add_func ("/model/project/rejected", test_project_rejected);
  g_test_add_func ("/model/project/organization-order", test_project_organization_order);

  return g_test_run ();
}
