/* desk-draft.c: the story being composed
 *
 * A draft is a headline, its masthead (byline, dateline, deck and credit line) and a list
 * of paragraphs. The masthead is what the story goes out with: the export prints exactly
 * these fields, and the window shows and edits them. The credit line is the editor's own
 * when set; unset (%NULL) it follows the credits (desk_credits_dup_credit_line()). The
 * paragraphs
 * live in a GListStore so a view can follow them; "changed" is emitted after every change
 * to the draft, including a change to the text of one of its paragraphs, so that whoever
 * keeps the draft safe (autosave, undo) needs to listen to one signal only.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "desk-draft.h"
#include "desk-prose.h"
#include "desk-sentence.h"
#include "desk-text-count.h"
#include "desk-wire-text-private.h"

struct _DeskDraft
{
  GObject     parent_instance;

  char       *headline;
  char       *byline;
  char       *dateline;
  char       *deck;
  char       *credit_line; /* the editor's; NULL: what the credits write */
  GListStore *paragraphs;
  DeskStyle  *style;       /* the project's house style, for what is accepted; or NULL */
};

G_DEFINE_FINAL_TYPE (DeskDraft, desk_draft, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_HEADLINE,
  PROP_BYLINE,
  PROP_DATELINE,
  PROP_DECK,
  PROP_CREDIT_LINE,
  PROP_PARAGRAPHS,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
paragraph_text_changed_cb (DeskDraft     *self,
                           GParamSpec    *pspec,
                           DeskParagraph *paragraph)
{
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
watch_paragraph (DeskDraft     *self,
                 DeskParagraph *paragraph)
{
  g_signal_connect_object (paragraph, "notify::text",
                           G_CALLBACK (paragraph_text_changed_cb), self, G_CONNECT_SWAPPED);
}

/* Disconnects one handler only: a paragraph in the draft twice is watched twice. */
static void
unwatch_paragraph (DeskDraft     *self,
                   DeskParagraph *paragraph)
{
  gulong handler_id;

  handler_id = g_signal_handler_find (paragraph, G_SIGNAL_MATCH_FUNC | G_SIGNAL_MATCH_DATA,
                                      0, 0, NULL, paragraph_text_changed_cb, self);
  if (handler_id != 0)
    g_signal_handler_disconnect (paragraph, handler_id);
}

static void
desk_draft_dispose (GObject *object)
{
  DeskDraft *self = (DeskDraft *)object;

  if (self->paragraphs != NULL)
    {
      guint n_items = g_list_model_get_n_items (G_LIST_MODEL (self->paragraphs));

      for (guint i = 0; i < n_items; i++)
        {
          g_autoptr(DeskParagraph) paragraph =
            g_list_model_get_item (G_LIST_MODEL (self->paragraphs), i);

          g_signal_handlers_disconnect_by_data (paragraph, self);
        }
    }

  g_clear_object (&self->paragraphs);

  G_OBJECT_CLASS (desk_draft_parent_class)->dispose (object);
}

static void
desk_draft_finalize (GObject *object)
{
  DeskDraft *self = (DeskDraft *)object;

  g_clear_pointer (&self->headline, g_free);
  g_clear_pointer (&self->byline, g_free);
  g_clear_pointer (&self->dateline, g_free);
  g_clear_pointer (&self->deck, g_free);
  g_clear_pointer (&self->credit_line, g_free);
  g_clear_object (&self->style);

  G_OBJECT_CLASS (desk_draft_parent_class)->finalize (object);
}

static void
desk_draft_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  DeskDraft *self = DESK_DRAFT (object);

  switch (prop_id)
    {
    case PROP_HEADLINE:
      g_value_set_string (value, self->headline);
      break;

    case PROP_BYLINE:
      g_value_set_string (value, self->byline);
      break;

    case PROP_DATELINE:
      g_value_set_string (value, self->dateline);
      break;

    case PROP_DECK:
      g_value_set_string (value, self->deck);
      break;

    case PROP_CREDIT_LINE:
      g_value_set_string (value, self->credit_line);
      break;

    case PROP_PARAGRAPHS:
      g_value_set_object (value, self->paragraphs);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
desk_draft_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  DeskDraft *self = DESK_DRAFT (object);

  switch (prop_id)
    {
    case PROP_HEADLINE:
      desk_draft_set_headline (self, g_value_get_string (value));
      break;

    case PROP_BYLINE:
      desk_draft_set_byline (self, g_value_get_string (value));
      break;

    case PROP_DATELINE:
      desk_draft_set_dateline (self, g_value_get_string (value));
      break;

    case PROP_DECK:
      desk_draft_set_deck (self, g_value_get_string (value));
      break;

    case PROP_CREDIT_LINE:
      desk_draft_set_credit_line (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
desk_draft_class_init (DeskDraftClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->dispose = desk_draft_dispose;
  object_class->finalize = desk_draft_finalize;
  object_class->get_property = desk_draft_get_property;
  object_class->set_property = desk_draft_set_property;

  properties[PROP_HEADLINE] = g_param_spec_string ("headline", NULL, NULL, NULL, rw);
  properties[PROP_BYLINE] = g_param_spec_string ("byline", NULL, NULL, NULL, rw);
  properties[PROP_DATELINE] = g_param_spec_string ("dateline", NULL, NULL, NULL, rw);
  properties[PROP_DECK] = g_param_spec_string ("deck", NULL, NULL, NULL, rw);
  /**
   * DeskDraft:credit-line:
   *
   * The credit line as the editor wrote it, or %NULL to follow the credits.
   */
  properties[PROP_CREDIT_LINE] = g_param_spec_string ("credit-line", NULL, NULL, NULL, rw);

  /**
   * DeskDraft:paragraphs:
   *
   * A #GListModel of #DeskParagraph: the body of the draft, in order.
   */
  properties[PROP_PARAGRAPHS] =
    g_param_spec_object ("paragraphs", NULL, NULL, G_TYPE_LIST_MODEL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * DeskDraft::changed:
   *
   * Emitted after any change to the draft: its headline, a masthead field, the list of
   * paragraphs, or the text of one of its paragraphs.
   */
  signals[CHANGED] = g_signal_new ("changed",
                                   G_TYPE_FROM_CLASS (klass),
                                   G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL,
                                   G_TYPE_NONE, 0);
}

static void
desk_draft_init (DeskDraft *self)
{
  self->paragraphs = g_list_store_new (DESK_TYPE_PARAGRAPH);
}

/**
 * desk_draft_new:
 *
 * Returns: (transfer full): a new, empty draft
 */
DeskDraft *
desk_draft_new (void)
{
  return g_object_new (DESK_TYPE_DRAFT, NULL);
}

/* Appends without emitting "changed": for drafts nobody can be listening to yet. */
static void
append_quietly (DeskDraft     *self,
                DeskParagraph *paragraph)
{
  g_list_store_append (self->paragraphs, paragraph);
  watch_paragraph (self, paragraph);
}

/* Whether the block at @position comes right after the headline. */
static gboolean
follows_headline (GListModel *blocks,
                  guint       position)
{
  g_autoptr(DeskBlock) before = NULL;

  if (position == 0)
    return FALSE;
  before = g_list_model_get_item (blocks, position - 1);
  return desk_block_get_role (before) == DESK_BLOCK_ROLE_HEADLINE;
}

/* A standfirst that sums up the story says again what its lead says: this share of its
 * words (of four letters or more, and numbers) are in the first body paragraphs. A lead
 * set as a standfirst shares little with the paragraphs that follow it. */
#define RESTATED_SHARE 0.5
/* ... in this many paragraphs: a lead is sometimes cut in two. */
#define LEAD_PARAGRAPHS 2
/* Words shorter than this (in bytes) are mostly function words, which tell nothing. */
#define TELLING_LENGTH 4

/* Whether the version's lead (its first body paragraphs) says what @deck says. */
static gboolean
lead_restates (GListModel *blocks,
               const char *deck)
{
  g_autoptr(GHashTable) deck_words = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) lead_words = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guint n_blocks = g_list_model_get_n_items (blocks);
  guint n_lead = 0;
  guint shared = 0;
  GHashTableIter iter;
  gpointer word;

  for (guint i = 0; i < n_blocks && n_lead < LEAD_PARAGRAPHS; i++)
    {
      g_autoptr(DeskBlock) block = g_list_model_get_item (blocks, i);

      if (desk_block_get_role (block) != DESK_BLOCK_ROLE_BODY)
        continue;
      desk_text_add_words (desk_block_get_text (block), TELLING_LENGTH, lead_words);
      n_lead++;
    }

  desk_text_add_words (deck, TELLING_LENGTH, deck_words);
  if (g_hash_table_size (deck_words) == 0)
    return TRUE;

  g_hash_table_iter_init (&iter, deck_words);
  while (g_hash_table_iter_next (&iter, &word, NULL))
    shared += g_hash_table_contains (lead_words, word);

  return shared >= RESTATED_SHARE * g_hash_table_size (deck_words);
}

/* A sentence of this many words or more is one a story says once; shorter ones ("He
 * declined to comment.") may come back. */
#define SAYS_ONCE_WORDS 4

/* Whether every sentence of @text that a story says once is in @said already (folded); if
 * not, they are added to it. */
static gboolean
says_again (GHashTable *said,
            const char *text)
{
  g_autoptr(GArray) spans = desk_sentence_split (text);
  g_autoptr(GPtrArray) keys = g_ptr_array_new_with_free_func (g_free);
  gboolean all_said = TRUE;

  for (guint s = 0; s + 1 < spans->len; s += 2)
    {
      guint start = g_array_index (spans, guint, s);
      guint end = g_array_index (spans, guint, s + 1);
      g_autofree char *sentence = g_strndup (text + start, end - start);
      char *key;

      if (_desk_wire_text_count_words (sentence) < SAYS_ONCE_WORDS)
        continue;
      key = _desk_wire_text_fold_key (sentence);
      all_said &= g_hash_table_contains (said, key);
      g_ptr_array_add (keys, key);
    }

  if (all_said && keys->len > 0)
    return TRUE;

  for (guint k = 0; k < keys->len; k++)
    g_hash_table_add (said, g_strdup (g_ptr_array_index (keys, k)));
  return FALSE;
}

/**
 * desk_draft_new_from_source:
 * @source: a source
 *
 * Starts a draft from @source: its title as the headline; a masthead of its bylines'
 * names joined with " and ", its dateline and the deck right under its headline (unless
 * that deck opens the body, see below); and one paragraph for each of its body blocks, in
 * order, each recording the block it came from.
 *
 * Returns: (transfer full): a new draft
 */
DeskDraft *
desk_draft_new_from_source (DeskSource *source)
{
  DeskDraft *self;
  const char * const *bylines;
  const char *source_id;
  GListModel *blocks;
  guint n_blocks;
  g_autoptr(GHashTable) said = NULL;

  g_return_val_if_fail (DESK_IS_SOURCE (source), NULL);

  said = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self = desk_draft_new ();
  self->headline = g_strdup (desk_source_get_title (source));
  self->dateline = g_strdup (desk_source_get_dateline (source));

  source_id = desk_source_get_id (source);
  blocks = desk_source_get_blocks (source);
  n_blocks = g_list_model_get_n_items (blocks);

  /* An agency's own byline ("The Associated Press") names no one: the credit line credits
   * the agency, and the masthead's byline stays for the editor to write. */
  bylines = desk_source_get_bylines (source);
  if (bylines != NULL && bylines[0] != NULL)
    self->byline = g_strjoinv (" and ", (char **)bylines);

  for (guint i = 0; i < n_blocks; i++)
    {
      g_autoptr(DeskBlock) block = g_list_model_get_item (blocks, i);
      g_autoptr(DeskParagraph) paragraph = NULL;

      /* A reader of the version read its standfirst first: a deck right under the
       * headline that reads as running text (a web page that sets its lead there) opens
       * the draft, unless the version's lead says it again (a standfirst that sums up). A deck further down, among bylines and
       * stamps, is a caption's or a teaser's place. */
      if (desk_block_get_role (block) == DESK_BLOCK_ROLE_DECK &&
          desk_draft_get_n_paragraphs (self) == 0 && follows_headline (blocks, i) &&
          desk_prose_judge (desk_block_get_text (block), -1, DESK_PROSE_PARAGRAPH) == DESK_PROSE_SENTENCE &&
          !lead_restates (blocks, desk_block_get_text (block)))
        {
          paragraph = desk_paragraph_new_from_block (desk_block_get_text (block), source_id, i);
          append_quietly (self, paragraph);
          continue;
        }

      /* The deck under the headline that does not open the body is the masthead's. */
      if (desk_block_get_role (block) == DESK_BLOCK_ROLE_DECK && self->deck == NULL &&
          desk_draft_get_n_paragraphs (self) == 0 && follows_headline (blocks, i))
        {
          self->deck = g_strdup (desk_block_get_text (block));
          continue;
        }

      if (desk_block_get_role (block) != DESK_BLOCK_ROLE_BODY)
        continue;

      /* A page that shows a paragraph twice (a caption over its photo and again with the
       * credit) gives the draft each of its sentences once. */
      if (says_again (said, desk_block_get_text (block)))
        continue;

      paragraph = desk_paragraph_new_from_block (desk_block_get_text (block), source_id, i);
      append_quietly (self, paragraph);
    }

  return self;
}

/**
 * desk_draft_copy:
 *
 * Copies the draft, paragraphs included: editing the copy leaves @self alone.
 *
 * Returns: (transfer full): a new draft
 */
DeskDraft *
desk_draft_copy (DeskDraft *self)
{
  DeskDraft *copy;
  guint n_items;

  g_return_val_if_fail (DESK_IS_DRAFT (self), NULL);

  copy = desk_draft_new ();
  copy->headline = g_strdup (self->headline);
  copy->byline = g_strdup (self->byline);
  copy->dateline = g_strdup (self->dateline);
  copy->deck = g_strdup (self->deck);
  copy->credit_line = g_strdup (self->credit_line);
  g_set_object (&copy->style, self->style);

  n_items = g_list_model_get_n_items (G_LIST_MODEL (self->paragraphs));
  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(DeskParagraph) paragraph =
        g_list_model_get_item (G_LIST_MODEL (self->paragraphs), i);
      g_autoptr(DeskParagraph) paragraph_copy = desk_paragraph_copy (paragraph);

      append_quietly (copy, paragraph_copy);
    }

  return copy;
}

static void
set_string (DeskDraft   *self,
            char       **field,
            const char  *value,
            guint        prop_id)
{
  if (g_strcmp0 (*field, value) == 0)
    return;

  g_free (*field);
  *field = g_strdup (value);

  g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
  g_signal_emit (self, signals[CHANGED], 0);
}

/**
 * desk_draft_get_headline:
 *
 * Returns: (nullable): the headline
 */
const char *
desk_draft_get_headline (DeskDraft *self)
{
  g_return_val_if_fail (DESK_IS_DRAFT (self), NULL);

  return self->headline;
}

/**
 * desk_draft_set_headline:
 * @headline: (nullable): the new headline
 */
void
desk_draft_set_headline (DeskDraft  *self,
                         const char *headline)
{
  g_return_if_fail (DESK_IS_DRAFT (self));

  set_string (self, &self->headline, headline, PROP_HEADLINE);
}

/**
 * desk_draft_get_byline:
 *
 * Returns: (nullable): the byline: the names, without "By"
 */
const char *
desk_draft_get_byline (DeskDraft *self)
{
  g_return_val_if_fail (DESK_IS_DRAFT (self), NULL);

  return self->byline;
}

/**
 * desk_draft_set_byline:
 * @byline: (nullable): the new byline
 */
void
desk_draft_set_byline (DeskDraft  *self,
                       const char *byline)
{
  g_return_if_fail (DESK_IS_DRAFT (self));

  set_string (self, &self->byline, byline, PROP_BYLINE);
}

/**
 * desk_draft_get_dateline:
 *
 * Returns: (nullable): the dateline: the place, without its separator
 */
const char *
desk_draft_get_dateline (DeskDraft *self)
{
  g_return_val_if_fail (DESK_IS_DRAFT (self), NULL);

  return self->dateline;
}

/**
 * desk_draft_set_dateline:
 * @dateline: (nullable): the new dateline
 */
void
desk_draft_set_dateline (DeskDraft  *self,
                         const char *dateline)
{
  g_return_if_fail (DESK_IS_DRAFT (self));

  set_string (self, &self->dateline, dateline, PROP_DATELINE);
}

/**
 * desk_draft_get_deck:
 *
 * Returns: (nullable): the deck: the line under the headline that sums up the story
 */
const char *
desk_draft_get_deck (DeskDraft *self)
{
  g_return_val_if_fail (DESK_IS_DRAFT (self), NULL);

  return self->deck;
}

/**
 * desk_draft_set_deck:
 * @deck: (nullable): the new deck
 */
void
desk_draft_set_deck (DeskDraft  *self,
                     const char *deck)
{
  g_return_if_fail (DESK_IS_DRAFT (self));

  set_string (self, &self->deck, deck, PROP_DECK);
}

/**
 * desk_draft_get_credit_line:
 *
 * Returns: (nullable): the credit line the editor wrote, or %NULL when the story goes out
 *   with the line its credits write (desk_credits_dup_credit_line())
 */
const char *
desk_draft_get_credit_line (DeskDraft *self)
{
  g_return_val_if_fail (DESK_IS_DRAFT (self), NULL);

  return self->credit_line;
}

/**
 * desk_draft_set_credit_line:
 * @credit_line: (nullable): the editor's credit line, or %NULL to follow the credits
 */
void
desk_draft_set_credit_line (DeskDraft  *self,
                            const char *credit_line)
{
  g_return_if_fail (DESK_IS_DRAFT (self));

  set_string (self, &self->credit_line, credit_line, PROP_CREDIT_LINE);
}

/**
 * desk_draft_get_paragraphs:
 *
 * Returns: (transfer none): a #GListModel of #DeskParagraph
 */
GListModel *
desk_draft_get_paragraphs (DeskDraft *self)
{
  g_return_val_if_fail (DESK_IS_DRAFT (self), NULL);

  return G_LIST_MODEL (self->paragraphs);
}

guint
desk_draft_get_n_paragraphs (DeskDraft *self)
{
  g_return_val_if_fail (DESK_IS_DRAFT (self), 0);

  return g_list_model_get_n_items (G_LIST_MODEL (self->paragraphs));
}

/**
 * desk_draft_get_paragraph:
 * @position: a position below desk_draft_get_n_paragraphs()
 *
 * Returns: (transfer none): the paragraph at @position
 */
DeskParagraph *
desk_draft_get_paragraph (DeskDraft *self,
                          guint      position)
{
  g_autoptr(DeskParagraph) paragraph = NULL;

  g_return_val_if_fail (DESK_IS_DRAFT (self), NULL);
  g_return_val_if_fail (position < desk_draft_get_n_paragraphs (self), NULL);

  /* The store keeps its own reference. */
  paragraph = g_list_model_get_item (G_LIST_MODEL (self->paragraphs), position);

  return paragraph;
}

/**
 * desk_draft_insert:
 * @position: where to insert, at most desk_draft_get_n_paragraphs()
 * @paragraph: the paragraph to insert; the draft takes a reference
 */
void
desk_draft_insert (DeskDraft     *self,
                   guint          position,
                   DeskParagraph *paragraph)
{
  g_return_if_fail (DESK_IS_DRAFT (self));
  g_return_if_fail (DESK_IS_PARAGRAPH (paragraph));
  g_return_if_fail (position <= desk_draft_get_n_paragraphs (self));

  g_list_store_insert (self->paragraphs, position, paragraph);
  watch_paragraph (self, paragraph);

  g_signal_emit (self, signals[CHANGED], 0);
}

/**
 * desk_draft_append:
 * @paragraph: the paragraph to add at the end; the draft takes a reference
 */
void
desk_draft_append (DeskDraft     *self,
                   DeskParagraph *paragraph)
{
  g_return_if_fail (DESK_IS_DRAFT (self));
  g_return_if_fail (DESK_IS_PARAGRAPH (paragraph));

  desk_draft_insert (self, desk_draft_get_n_paragraphs (self), paragraph);
}

/**
 * desk_draft_remove:
 * @position: a position below desk_draft_get_n_paragraphs()
 */
void
desk_draft_remove (DeskDraft *self,
                   guint      position)
{
  g_autoptr(DeskParagraph) paragraph = NULL;

  g_return_if_fail (DESK_IS_DRAFT (self));
  g_return_if_fail (position < desk_draft_get_n_paragraphs (self));

  paragraph = g_list_model_get_item (G_LIST_MODEL (self->paragraphs), position);
  unwatch_paragraph (self, paragraph);
  g_list_store_remove (self->paragraphs, position);

  g_signal_emit (self, signals[CHANGED], 0);
}

/**
 * desk_draft_replace:
 * @position: a position below desk_draft_get_n_paragraphs()
 * @paragraph: the paragraph to put there; the draft takes a reference
 *
 * Replaces the paragraph at @position, with a single #GListModel::items-changed.
 */
void
desk_draft_replace (DeskDraft     *self,
                    guint          position,
                    DeskParagraph *paragraph)
{
  g_autoptr(DeskParagraph) old = NULL;

  g_return_if_fail (DESK_IS_DRAFT (self));
  g_return_if_fail (DESK_IS_PARAGRAPH (paragraph));
  g_return_if_fail (position < desk_draft_get_n_paragraphs (self));

  old = g_list_model_get_item (G_LIST_MODEL (self->paragraphs), position);
  if (old == paragraph)
    return;

  unwatch_paragraph (self, old);
  g_list_store_splice (self->paragraphs, position, 1, (gpointer *)&paragraph, 1);
  watch_paragraph (self, paragraph);

  g_signal_emit (self, signals[CHANGED], 0);
}

/**
 * desk_draft_set_paragraph_text:
 * @position: a position below desk_draft_get_n_paragraphs()
 * @text: the new text
 *
 * Changes the text of the paragraph at @position, as desk_paragraph_set_text() does;
 * the draft emits "changed" when the text really changed.
 */
void
desk_draft_set_paragraph_text (DeskDraft  *self,
                               guint       position,
                               const char *text)
{
  g_autoptr(DeskParagraph) paragraph = NULL;

  g_return_if_fail (DESK_IS_DRAFT (self));
  g_return_if_fail (text != NULL);
  g_return_if_fail (position < desk_draft_get_n_paragraphs (self));

  paragraph = g_list_model_get_item (G_LIST_MODEL (self->paragraphs), position);

  /* "changed" comes from paragraph_text_changed_cb(), once. */
  desk_paragraph_set_text (paragraph, text);
}

/* A paragraph the editor rewrote, split or merged still credits the paragraphs it came
 * from when it keeps at least this share of their words (of the smaller of the two word
 * sets, so each half of a split paragraph counts in full): rewording a sentence or two
 * does not make the copy the desk's own. Below it, the text is the editor's. */
#define KEPT_WORDS_SHARE 0.5

/* The distinct words of @text (desk_text_add_words(), every length). */
static GHashTable *
word_set (const char *text)
{
  GHashTable *words = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  desk_text_add_words (text, 1, words);
  return words;
}

/* How much of the smaller of two word sets the other has: 1 for a half of a split. */
static double
shared_words (GHashTable *a,
              GHashTable *b)
{
  GHashTable *smaller = g_hash_table_size (a) <= g_hash_table_size (b) ? a : b;
  GHashTable *larger = smaller == a ? b : a;
  GHashTableIter iter;
  gpointer word;
  guint shared = 0;

  if (g_hash_table_size (smaller) == 0)
    return 0;

  g_hash_table_iter_init (&iter, smaller);
  while (g_hash_table_iter_next (&iter, &word, NULL))
    if (g_hash_table_contains (larger, word))
      shared++;

  return (double)shared / g_hash_table_size (smaller);
}

/* Gives @paragraph the spans of @old within @old's text from @from for @length bytes,
 * moved to @at in @paragraph's text. */
static void
take_spans (DeskParagraph *paragraph,
            DeskParagraph *old,
            guint          from,
            guint          length,
            guint          at)
{
  for (guint i = 0; i < desk_paragraph_get_n_spans (old); i++)
    {
      guint start, end;
      guint n_sources = desk_paragraph_get_span (old, i, &start, &end);

      start = MAX (start, from);
      end = MIN (end, from + length);
      if (start >= end)
        continue;
      for (guint j = 0; j < n_sources; j++)
        desk_paragraph_add_span (paragraph, at + start - from, at + end - from,
                                 desk_paragraph_get_span_source (old, i, j),
                                 desk_paragraph_get_span_block (old, i, j));
    }
}

/* The paragraphs in @texts: each trimmed, the blank ones left out. */
static GPtrArray *
collect_paragraphs (const char * const *texts,
                    guint               n_texts)
{
  GPtrArray *paragraphs = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < n_texts; i++)
    {
      g_autofree char *text = g_strstrip (g_strdup (texts[i]));

      if (text[0] != '\0')
        g_ptr_array_add (paragraphs, g_steal_pointer (&text));
    }

  return paragraphs;
}

/* Whether a paragraph among the @n_middle from @prefix now has the text another one there
 * had: paragraphs moved, not retyped in place. */
static gboolean
middle_moved (DeskDraft *self,
              GPtrArray *wanted,
              guint      prefix,
              guint      n_middle)
{
  for (guint i = 0; i < n_middle; i++)
    for (guint o = 0; o < n_middle; o++)
      if (o != i &&
          g_str_equal (desk_paragraph_get_text (desk_draft_get_paragraph (self, prefix + o)),
                       g_ptr_array_index (wanted, prefix + i)))
        return TRUE;

  return FALSE;
}

/**
 * desk_draft_reconcile:
 * @texts: (array length=n_texts): the body as the editor now has it, one line each
 * @n_texts: the number of @texts
 *
 * Makes the draft's paragraphs the non-blank lines of @texts (each trimmed), keeping
 * where each came from as far as the typing allows. Paragraphs equal at the start and at
 * the end are left alone. When as many paragraphs as before lie between them and none has
 * the text of another one there, they were retyped in place and keep their provenance.
 * Otherwise each new paragraph that has the text of an old one there (a moved paragraph)
 * is that paragraph as it was; any other is marked edited and takes the provenance of
 * every old paragraph there that shares at least half of the words of the smaller of the
 * two (a split, a merge or a rewrite); a wholly new paragraph has none. A half of a split
 * paragraph, and paragraphs merged whole, also keep which of their sentences came from
 * where (desk_paragraph_get_span()); a rewrite does not. The old paragraphs
 * between are then removed and the new ones inserted.
 *
 * When the texts are the draft's paragraphs already, nothing changes and no signal is
 * emitted.
 *
 * Returns: whether the draft's paragraphs changed
 */
gboolean
desk_draft_reconcile (DeskDraft          *self,
                      const char * const *texts,
                      guint               n_texts)
{
  g_autoptr(GPtrArray) wanted = NULL;
  g_autoptr(GPtrArray) made = NULL;
  g_autoptr(GPtrArray) old_words = NULL;
  guint n_old, n_new;
  guint prefix = 0;
  guint suffix = 0;
  guint old_middle, new_middle;

  g_return_val_if_fail (DESK_IS_DRAFT (self), FALSE);
  g_return_val_if_fail (texts != NULL || n_texts == 0, FALSE);

  wanted = collect_paragraphs (texts, n_texts);
  n_old = desk_draft_get_n_paragraphs (self);
  n_new = wanted->len;

  while (prefix < n_old && prefix < n_new &&
         g_str_equal (desk_paragraph_get_text (desk_draft_get_paragraph (self, prefix)),
                      g_ptr_array_index (wanted, prefix)))
    prefix++;
  while (suffix < n_old - prefix && suffix < n_new - prefix &&
         g_str_equal (desk_paragraph_get_text (desk_draft_get_paragraph (self, n_old - 1 - suffix)),
                      g_ptr_array_index (wanted, n_new - 1 - suffix)))
    suffix++;

  old_middle = n_old - prefix - suffix;
  new_middle = n_new - prefix - suffix;

  if (old_middle == 0 && new_middle == 0)
    return FALSE;

  if (old_middle == new_middle && !middle_moved (self, wanted, prefix, new_middle))
    {
      /* Paragraphs retyped in place keep where they came from. */
      for (guint i = 0; i < new_middle; i++)
        desk_draft_set_paragraph_text (self, prefix + i, g_ptr_array_index (wanted, prefix + i));
      return TRUE;
    }

  made = g_ptr_array_new_with_free_func (g_object_unref);
  old_words = g_ptr_array_new_with_free_func ((GDestroyNotify)g_hash_table_unref);

  for (guint o = 0; o < old_middle; o++)
    g_ptr_array_add (old_words,
                     word_set (desk_paragraph_get_text (desk_draft_get_paragraph (self, prefix + o))));

  for (guint i = 0; i < new_middle; i++)
    {
      const char *new_text = g_ptr_array_index (wanted, prefix + i);
      DeskParagraph *paragraph = NULL;

      /* The same text as an old paragraph (moved): that paragraph, as it was. */
      for (guint o = 0; o < old_middle && paragraph == NULL; o++)
        {
          DeskParagraph *old = desk_draft_get_paragraph (self, prefix + o);

          if (g_str_equal (desk_paragraph_get_text (old), new_text))
            paragraph = desk_paragraph_copy (old);
        }

      if (paragraph == NULL)
        {
          g_autoptr(GHashTable) words = word_set (new_text);

          paragraph = desk_paragraph_new ("");
          for (guint o = 0; o < old_middle; o++)
            {
              DeskParagraph *old = desk_draft_get_paragraph (self, prefix + o);

              if (shared_words (words, g_ptr_array_index (old_words, o)) < KEPT_WORDS_SHARE)
                continue;
              for (guint p = 0; p < desk_paragraph_get_n_provenance (old); p++)
                desk_paragraph_add_provenance (paragraph,
                                               desk_paragraph_get_provenance_source (old, p),
                                               desk_paragraph_get_provenance_block (old, p));
            }
          /* Set after making: a paragraph that came from somewhere is now edited. */
          desk_paragraph_set_text (paragraph, new_text);

          /* A half of a split paragraph, or paragraphs merged whole, keep which sentence
           * came from where; a rewrite keeps only the paragraph-wide provenance. */
          for (guint o = 0; o < old_middle; o++)
            {
              DeskParagraph *old = desk_draft_get_paragraph (self, prefix + o);
              const char *old_text = desk_paragraph_get_text (old);
              const char *found;

              if (*old_text == '\0')
                continue;
              if ((found = strstr (old_text, new_text)) != NULL)
                take_spans (paragraph, old, found - old_text, strlen (new_text), 0);
              else if ((found = strstr (new_text, old_text)) != NULL)
                take_spans (paragraph, old, 0, strlen (old_text), found - new_text);
            }
        }

      g_ptr_array_add (made, paragraph);
    }

  for (guint o = old_middle; o > 0; o--)
    desk_draft_remove (self, prefix + o - 1);
  for (guint i = 0; i < made->len; i++)
    desk_draft_insert (self, prefix + i, g_ptr_array_index (made, i));

  return TRUE;
}

/**
 * desk_draft_get_style:
 *
 * Returns: (transfer none) (nullable): the house style accepted text arrives in
 */
DeskStyle *
desk_draft_get_style (DeskDraft *self)
{
  g_return_val_if_fail (DESK_IS_DRAFT (self), NULL);
  return self->style;
}

/**
 * desk_draft_set_style:
 * @style: (nullable): the house style
 *
 * Sets the house style that accepted suggestions are written in (desk_suggestion_apply());
 * the project sets its own. Text already in the draft is left alone.
 */
void
desk_draft_set_style (DeskDraft *self,
                      DeskStyle *style)
{
  g_return_if_fail (DESK_IS_DRAFT (self));
  g_return_if_fail (style == NULL || DESK_IS_STYLE (style));

  g_set_object (&self->style, style);
}

/**
 * desk_draft_to_text:
 *
 * Returns: (transfer full): the paragraphs' texts, separated by blank lines and ending
 *   with a newline; "" for a draft without paragraphs
 */
char *
desk_draft_to_text (DeskDraft *self)
{
  g_autoptr(GString) text = NULL;
  guint n_items;

  g_return_val_if_fail (DESK_IS_DRAFT (self), NULL);

  text = g_string_new (NULL);
  n_items = g_list_model_get_n_items (G_LIST_MODEL (self->paragraphs));

  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(DeskParagraph) paragraph =
        g_list_model_get_item (G_LIST_MODEL (self->paragraphs), i);

      if (i > 0)
        g_string_append (text, "\n\n");
      g_string_append (text, desk_paragraph_get_text (paragraph));
    }

  if (n_items > 0)
    g_string_append_c (text, '\n');

  return g_string_free (g_steal_pointer (&text), FALSE);
}
