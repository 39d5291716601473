/* desk-json.c: reading JSON safely: its shape checked, NUL escapes replaced
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "desk-json.h"

/**
 * desk_json_replace_nul_escapes:
 * @data: JSON text, not necessarily valid
 * @length: its length in bytes
 *
 * json-glib 1.6 reads "\u0000" into a NUL byte and keeps the string as a C string, so
 * everything after it is lost: the rest of a ninjs body, a co-author. Before parsing, each
 * such escape becomes "\uFFFD", the replacement character, as a NUL byte in any text
 * Copydesk reads does (escaped backslashes, "\\u0000", are left alone).
 *
 * Returns: (transfer full) (nullable): the text with the escapes replaced, NUL-terminated,
 *   of the same length; %NULL when there is none
 */
char *
desk_json_replace_nul_escapes (const char *data,
                               gsize       length)
{
  char *copy = NULL;

  for (gsize i = 0; i + 1 < length; i++)
    {
      if (data[i] != '\\')
        continue;

      if (data[i + 1] == 'u' && i + 6 <= length && memcmp (data + i + 2, "0000", 4) == 0)
        {
          if (copy == NULL)
            copy = g_strndup (data, length);
          memcpy (copy + i + 2, "FFFD", 4);
          i += 5;
        }
      else
        i++;
    }

  return copy;
}

/**
 * desk_json_check_shape:
 * @data: JSON text, not necessarily valid
 * @length: its length in bytes
 * @max_depth: how deep arrays and objects may nest
 *
 * Looks at untrusted JSON before json-glib parses it: json-glib 1.6 recurses once per level
 * of nesting, and of a text holding several values it reads the first and leaks the rest.
 * Text that is merely invalid passes: the parser reports it.
 *
 * Returns: whether @data is one object or array, nested no deeper than @max_depth
 */
DeskJsonShape
desk_json_check_shape (const char *data,
                       gsize       length,
                       guint       max_depth)
{
  guint depth = 0;
  gboolean in_string = FALSE;
  gsize i = 0;

  while (i < length && g_ascii_isspace (data[i]))
    i++;
  if (i == length || (data[i] != '{' && data[i] != '['))
    return DESK_JSON_SHAPE_NOT_ONE;

  for (; i < length; i++)
    {
      char c = data[i];

      if (in_string)
        {
          if (c == '\\')
            i++;
          else if (c == '"')
            in_string = FALSE;
          continue;
        }

      if (c == '"')
        in_string = TRUE;
      else if (c == '{' || c == '[')
        {
          if (++depth > max_depth)
            return DESK_JSON_SHAPE_TOO_DEEP;
        }
      else if ((c == '}' || c == ']') && depth > 0 && --depth == 0)
        {
          i++;
          break;
        }
    }

  while (i < length && g_ascii_isspace (data[i]))
    i++;

  return i >= length ? DESK_JSON_SHAPE_OK : DESK_JSON_SHAPE_NOT_ONE;
}
