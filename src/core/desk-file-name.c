/* desk-file-name.c: the file name a story suggests for itself
 *
 * The export and the project file are named after the headline: its words in lower case
 * joined by hyphens, as many whole words as fit ("ferry-fire-off-halifax-kills-12-dozens-
 * pulled", never "…-pulled-fr"). A first word longer than the whole is cut at a character.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "desk-file-name.h"

/**
 * desk_file_name_from_headline:
 * @headline: (nullable): the story's headline
 * @max_stem: bytes at most, e.g. %DESK_FILE_NAME_MAX_STEM
 *
 * Returns: (transfer full) (nullable): the stem of a file name (no extension), or %NULL
 *   when the headline has no letters or digits
 */
char *
desk_file_name_from_headline (const char *headline,
                              gsize       max_stem)
{
  g_autoptr(GString) name = g_string_new (NULL);
  g_autoptr(GString) word = g_string_new (NULL);
  const char *p = headline ? headline : "";

  g_return_val_if_fail (max_stem > 0, NULL);

  for (;; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c != 0 && (g_unichar_isalnum (c) || g_unichar_ismark (c)))
        {
          g_string_append_unichar (word, g_unichar_tolower (c));
          continue;
        }

      if (word->len > 0)
        {
          gsize needed = word->len + (name->len > 0 ? 1 : 0);

          if (name->len + needed > max_stem)
            {
              /* A first word too long for the whole: as much of it as fits. */
              if (name->len == 0)
                {
                  const char *end = word->str;

                  while (*end != '\0' && (gsize)(g_utf8_next_char (end) - word->str) <= max_stem)
                    end = g_utf8_next_char (end);
                  g_string_append_len (name, word->str, end - word->str);
                }
              break;
            }
          if (name->len > 0)
            g_string_append_c (name, '-');
          g_string_append_len (name, word->str, word->len);
          g_string_truncate (word, 0);
        }

      if (c == 0)
        break;
    }

  if (name->len == 0)
    return NULL;
  return g_string_free (g_steal_pointer (&name), FALSE);
}
