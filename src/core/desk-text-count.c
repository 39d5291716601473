/* desk-text-count.c: words and characters of a text, as a desk counts them
 *
 * A word is what stands between spaces and has a letter or a digit in it: "Forty-one",
 * "U.S." and "11:52" are one word each, a dash or a bullet standing alone is none.
 * Characters are every character but the line breaks between paragraphs (spaces count,
 * as in a word processor's "characters with spaces").
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "desk-text-count.h"

/**
 * desk_text_count:
 * @text: (nullable): UTF-8 text, paragraphs a line each
 * @words: (out) (optional): the words
 * @characters: (out) (optional): the characters, line breaks left out
 */
void
desk_text_count (const char *text,
                 guint      *words,
                 guint      *characters)
{
  guint n_words = 0;
  guint n_characters = 0;
  gboolean in_token = FALSE;
  gboolean token_has_word = FALSE;

  for (const char *p = text ? text : ""; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c != '\n' && c != '\r')
        n_characters++;

      if (g_unichar_isspace (c))
        {
          if (in_token && token_has_word)
            n_words++;
          in_token = FALSE;
          token_has_word = FALSE;
          continue;
        }

      in_token = TRUE;
      if (g_unichar_isalnum (c))
        token_has_word = TRUE;
    }
  if (in_token && token_has_word)
    n_words++;

  if (words != NULL)
    *words = n_words;
  if (characters != NULL)
    *characters = n_characters;
}

/**
 * desk_text_add_words:
 * @text: UTF-8 text
 * @min_length: the shortest run of letters and digits that counts, in bytes (numbers of
 *   any length count)
 * @words: (element-type utf8 utf8): a set (g_hash_table_new_full() with g_str_hash,
 *   g_str_equal and g_free for keys) to add @text's words to, case-folded
 *
 * Adds the words of @text to @words: what two texts share, told word by word.
 */
void
desk_text_add_words (const char *text,
                     gsize       min_length,
                     GHashTable *words)
{
  g_autofree char *folded = NULL;
  const char *p;

  g_return_if_fail (words != NULL);

  if (text == NULL)
    return;

  folded = g_utf8_casefold (text, -1);
  p = folded;
  while (*p != '\0')
    {
      const char *start;

      while (*p != '\0' && !g_unichar_isalnum (g_utf8_get_char (p)))
        p = g_utf8_next_char (p);
      start = p;
      while (*p != '\0' && g_unichar_isalnum (g_utf8_get_char (p)))
        p = g_utf8_next_char (p);
      if (p > start && ((gsize)(p - start) >= min_length || g_ascii_isdigit (*start)))
        g_hash_table_add (words, g_strndup (start, p - start));
    }
}
