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
