/* desk-conflict.c: the two values of a conflict, choosing one, and where else the draft says it
 *
 * A conflict is a source's sentence that says the same thing as a sentence of the draft
 * with another fact in it ("that 14 had been confirmed dead" against "that 12 …"). The
 * editor chooses one of the two; the merge never writes a value itself: using the
 * source's value puts the source's whole sentence in place of the draft's (as a variant
 * is taken), keeping the draft's means dismissing the conflict. The values are the words
 * the two sentences do not share, for the buttons; the other mentions are the places
 * the draft says the draft's value again (the headline, the lead, later paragraphs), so
 * the editor can change them together.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "desk-block.h"
#include "desk-conflict.h"

/* Characters of context either side of a mention in its excerpt. */
#define EXCERPT_CONTEXT 32

void
desk_mention_free (DeskMention *mention)
{
  if (mention == NULL)
    return;
  g_free (mention->excerpt);
  g_free (mention);
}

typedef struct
{
  const char *start;
  const char *end;
} Token;

/* The whitespace-separated words of @text, as ranges of it. */
static GArray *
tokenize (const char *text)
{
  GArray *tokens = g_array_new (FALSE, FALSE, sizeof (Token));
  const char *p = text;

  while (*p != '\0')
    {
      Token token;

      while (*p != '\0' && g_unichar_isspace (g_utf8_get_char (p)))
        p = g_utf8_next_char (p);
      if (*p == '\0')
        break;
      token.start = p;
      while (*p != '\0' && !g_unichar_isspace (g_utf8_get_char (p)))
        p = g_utf8_next_char (p);
      token.end = p;
      g_array_append_val (tokens, token);
    }

  return tokens;
}

static gboolean
token_equal (const Token *a,
             const Token *b)
{
  return a->end - a->start == b->end - b->start &&
         memcmp (a->start, b->start, a->end - a->start) == 0;
}

static gboolean
is_word_char (gunichar c)
{
  return g_unichar_isalnum (c) || g_unichar_ismark (c);
}

/* @start..@end without the punctuation the two values share at their edges ("12," and
 * "14," are 12 and 14), and without any left unpaired at the edges. */
static char *
trim_value (const char *start,
            const char *end)
{
  while (start < end && !is_word_char (g_utf8_get_char (start)))
    start = g_utf8_next_char (start);
  while (end > start && !is_word_char (g_utf8_get_char (g_utf8_prev_char (end))))
    end = g_utf8_prev_char (end);
  return g_strndup (start, end - start);
}

/**
 * desk_conflict_get_values:
 * @conflict: a conflict suggestion (with the draft's sentence as its draft text)
 * @source_value: (out) (optional) (transfer full): what the source says ("14")
 * @draft_value: (out) (optional) (transfer full): what the draft says there ("12")
 *
 * Finds the words where the source's sentence and the draft's differ: what is left of
 * each once the words they share at the start and at the end are set aside.
 *
 * Returns: %TRUE if both sentences have a value of their own there
 */
gboolean
desk_conflict_get_values (DeskSuggestion  *conflict,
                          char           **source_value,
                          char           **draft_value)
{
  const char *source_text;
  const char *draft_text;
  g_autoptr(GArray) source = NULL;
  g_autoptr(GArray) draft = NULL;
  g_autofree char *source_found = NULL;
  g_autofree char *draft_found = NULL;
  guint prefix = 0;
  guint suffix = 0;

  g_return_val_if_fail (DESK_IS_SUGGESTION (conflict), FALSE);

  if (source_value != NULL)
    *source_value = NULL;
  if (draft_value != NULL)
    *draft_value = NULL;

  source_text = desk_suggestion_get_text (conflict);
  draft_text = desk_suggestion_get_draft_text (conflict);
  if (source_text == NULL || draft_text == NULL)
    return FALSE;

  source = tokenize (source_text);
  draft = tokenize (draft_text);

  while (prefix < source->len && prefix < draft->len &&
         token_equal (&g_array_index (source, Token, prefix), &g_array_index (draft, Token, prefix)))
    prefix++;
  while (suffix < source->len - prefix && suffix < draft->len - prefix &&
         token_equal (&g_array_index (source, Token, source->len - 1 - suffix),
                      &g_array_index (draft, Token, draft->len - 1 - suffix)))
    suffix++;

  if (prefix + suffix >= source->len || prefix + suffix >= draft->len)
    return FALSE;

  source_found = trim_value (g_array_index (source, Token, prefix).start,
                             g_array_index (source, Token, source->len - 1 - suffix).end);
  draft_found = trim_value (g_array_index (draft, Token, prefix).start,
                            g_array_index (draft, Token, draft->len - 1 - suffix).end);
  if (source_found[0] == '\0' || draft_found[0] == '\0' || g_str_equal (source_found, draft_found))
    return FALSE;

  if (source_value != NULL)
    *source_value = g_steal_pointer (&source_found);
  if (draft_value != NULL)
    *draft_value = g_steal_pointer (&draft_found);
  return TRUE;
}

/**
 * desk_conflict_use_source:
 * @conflict: a conflict suggestion, placed for @draft
 * @draft: the draft
 *
 * Puts the source's sentence in place of the draft's, in the conflict's paragraph, as a
 * variant is taken (desk_suggestion_apply()): the text comes from the source, in the
 * draft's house style, and the paragraph records the sources that carried it.
 *
 * Returns: %TRUE if the draft changed; %FALSE if the draft's sentence is no longer there
 */
gboolean
desk_conflict_use_source (DeskSuggestion *conflict,
                          DeskDraft      *draft)
{
  g_autoptr(DeskSuggestion) variant = NULL;

  g_return_val_if_fail (DESK_IS_SUGGESTION (conflict), FALSE);
  g_return_val_if_fail (DESK_IS_DRAFT (draft), FALSE);
  g_return_val_if_fail (desk_suggestion_get_kind (conflict) == DESK_SUGGESTION_CONFLICT, FALSE);

  if (desk_suggestion_get_draft_text (conflict) == NULL)
    return FALSE;

  variant = desk_suggestion_new (DESK_SUGGESTION_VARIANT, desk_suggestion_get_text (conflict),
                                 desk_suggestion_get_after (conflict),
                                 desk_suggestion_get_target (conflict),
                                 desk_suggestion_get_score (conflict));
  desk_suggestion_set_draft_text (variant, desk_suggestion_get_draft_text (conflict));
  desk_suggestion_set_new_text (variant, desk_suggestion_get_new_text (conflict));
  for (guint i = 0; i < desk_suggestion_get_n_sources (conflict); i++)
    desk_suggestion_add_source (variant, desk_suggestion_get_source_id (conflict, i),
                                desk_suggestion_get_source_name (conflict, i),
                                desk_suggestion_get_source_block (conflict, i));

  return desk_suggestion_apply (variant, draft);
}

/* @text[at..at+length] is a whole word (or words) of @text, not part of a longer one. */
static gboolean
is_whole (const char *text,
          gsize       at,
          gsize       length)
{
  if (at > 0 && is_word_char (g_utf8_get_char (g_utf8_prev_char (text + at))))
    return FALSE;
  if (text[at + length] != '\0' && is_word_char (g_utf8_get_char (text + at + length)))
    return FALSE;
  return TRUE;
}

static char *
excerpt_of (const char *text,
            gsize       start,
            gsize       end)
{
  const char *from = text + start;
  const char *to = text + end;
  g_autoptr(GString) excerpt = g_string_new (NULL);

  for (guint i = 0; i < EXCERPT_CONTEXT && from > text; i++)
    from = g_utf8_prev_char (from);
  /* Whole words: start after a space unless at the start of the text. */
  if (from > text)
    {
      const char *space = from;

      while (*space != '\0' && space < text + start && !g_unichar_isspace (g_utf8_get_char (space)))
        space = g_utf8_next_char (space);
      from = space < text + start ? g_utf8_next_char (space) : text + start;
      g_string_append (excerpt, "…");
    }

  for (guint i = 0; i < EXCERPT_CONTEXT && *to != '\0'; i++)
    to = g_utf8_next_char (to);
  if (*to != '\0')
    {
      const char *space = to;

      while (space > text + end && !g_unichar_isspace (g_utf8_get_char (g_utf8_prev_char (space))))
        space = g_utf8_prev_char (space);
      to = space > text + end ? g_utf8_prev_char (space) : text + end;
    }

  g_string_append_len (excerpt, from, to - from);
  if (*to != '\0')
    g_string_append (excerpt, "…");

  return g_string_free (g_steal_pointer (&excerpt), FALSE);
}

static void
find_in (GPtrArray  *mentions,
         const char *text,
         int         paragraph,
         const char *value,
         const char *skip_sentence)
{
  gsize length = strlen (value);
  const char *skip = skip_sentence != NULL && skip_sentence[0] != '\0' ? strstr (text, skip_sentence) : NULL;
  const char *found = text;

  if (text == NULL)
    return;

  while ((found = strstr (found, value)) != NULL)
    {
      gsize at = found - text;

      if (is_whole (text, at, length) &&
          !(skip != NULL && found >= skip && found < skip + strlen (skip_sentence)))
        {
          DeskMention *mention = g_new0 (DeskMention, 1);

          mention->paragraph = paragraph;
          mention->start = at;
          mention->end = at + length;
          mention->excerpt = excerpt_of (text, at, at + length);
          g_ptr_array_add (mentions, mention);
        }
      found += length;
    }
}

/**
 * desk_conflict_find_mentions:
 * @conflict: a conflict suggestion, placed for @draft
 * @draft: the draft
 *
 * Finds where else the draft says the draft's value of the conflict (as a whole word):
 * in the headline and in every paragraph, leaving out the conflicting sentence itself.
 *
 * Returns: (transfer full) (element-type DeskMention): the mentions, headline first,
 *   then in the order of the draft; empty when the conflict has no values
 */
GPtrArray *
desk_conflict_find_mentions (DeskSuggestion *conflict,
                             DeskDraft      *draft)
{
  GPtrArray *mentions = g_ptr_array_new_with_free_func ((GDestroyNotify)desk_mention_free);
  g_autofree char *draft_value = NULL;
  int target;

  g_return_val_if_fail (DESK_IS_SUGGESTION (conflict), mentions);
  g_return_val_if_fail (DESK_IS_DRAFT (draft), mentions);

  if (!desk_conflict_get_values (conflict, NULL, &draft_value))
    return mentions;

  /* Where the conflict stands now: an accept above it may have moved its sentence down. */
  target = desk_suggestion_placed_target (conflict);
  find_in (mentions, desk_draft_get_headline (draft), -1, draft_value, NULL);
  for (guint i = 0; i < desk_draft_get_n_paragraphs (draft); i++)
    find_in (mentions, desk_paragraph_get_text (desk_draft_get_paragraph (draft, i)), i,
             draft_value, (int)i == target ? desk_suggestion_get_draft_text (conflict) : NULL);

  return mentions;
}

/* Whether @source says it updates an earlier version: a version of 2 or more, an update
 * or correction signal, or a writethru header or note the rulebook found in it. */
static gboolean
says_update (DeskSource *source)
{
  GListModel *blocks = desk_source_get_blocks (source);

  if (desk_source_get_version (source) >= 2 || desk_source_get_signal (source) != NULL)
    return TRUE;

  for (guint i = 0; i < g_list_model_get_n_items (blocks); i++)
    {
      g_autoptr(DeskBlock) block = g_list_model_get_item (blocks, i);
      const char *reason = desk_block_get_reason (block);

      if (g_strcmp0 (reason, "writethru header") == 0 || g_strcmp0 (reason, "writethru note") == 0)
        return TRUE;
    }

  return FALSE;
}

/**
 * desk_source_is_newer:
 * @self: a source
 * @other: (nullable): another source, usually the one the draft started from
 *
 * Whether what @self says is newer than what @other says, so that a conflict between
 * them offers @self's value first: @self updates @other (desk_source_is_update_of()), or
 * @self says it is an update and @other does not, or both are dated and @self later.
 *
 * Returns: %TRUE if @self is the newer
 */
gboolean
desk_source_is_newer (DeskSource *self,
                      DeskSource *other)
{
  const char *date;
  const char *other_date;

  g_return_val_if_fail (DESK_IS_SOURCE (self), FALSE);

  if (other == NULL || other == self)
    return FALSE;
  if (desk_source_is_update_of (self, other))
    return TRUE;
  if (desk_source_is_update_of (other, self))
    return FALSE;
  if (says_update (self) != says_update (other))
    return says_update (self);

  date = desk_source_get_date (self);
  other_date = desk_source_get_date (other);
  return date != NULL && other_date != NULL && g_strcmp0 (date, other_date) > 0;
}

/**
 * desk_conflict_is_newer:
 * @conflict: a conflict suggestion
 * @project: its project
 *
 * Returns: %TRUE if a source carrying the conflict is newer than the source the draft
 *   started from (desk_source_is_newer()): its value is offered first
 */
gboolean
desk_conflict_is_newer (DeskSuggestion *conflict,
                        DeskProject    *project)
{
  DeskSource *draft_source;

  g_return_val_if_fail (DESK_IS_SUGGESTION (conflict), FALSE);
  g_return_val_if_fail (DESK_IS_PROJECT (project), FALSE);

  if (desk_project_get_draft_source_id (project) == NULL)
    return FALSE;
  draft_source = desk_project_find_source (project, desk_project_get_draft_source_id (project));
  if (draft_source == NULL)
    return FALSE;

  for (guint i = 0; i < desk_suggestion_get_n_sources (conflict); i++)
    {
      DeskSource *source = desk_project_find_source (project, desk_suggestion_get_source_id (conflict, i));

      if (source != NULL && desk_source_is_newer (source, draft_source))
        return TRUE;
    }

  return FALSE;
}
