/* desk-markdown.c: the markup that scrapers leave in plain text
 *
 * Text scraped off a page may keep Markdown: `#` heading marks, `**bold**`, `[text](address)`
 * links. desk-classify.c reads each segment without it (and learns from a `#` that the
 * line was a heading); the text itself keeps it, as received.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "desk-markdown-private.h"
#include "desk-roles-private.h"

/* The end of a link's "(address "title")" that starts at @open, as CommonMark reads it:
 * the address in <angle brackets> (which may hold spaces), or without white space with
 * its parentheses balanced ("wiki/Budget_(2024)"); then an optional title in quotes.
 * Returns the closing ")", or NULL. */
static const char *
link_destination_end (const char *open)
{
  const char *a = open + 1;
  int depth = 0;

  if (*a == '<')
    {
      for (a++; *a != '>'; a++)
        if (*a == '\0' || *a == '\n' || *a == '<')
          return NULL;
      a++;
    }
  else
    {
      const char *start = a;

      for (; *a != '\0' && !g_ascii_isspace (*a); a++)
        {
          if (*a == '(')
            depth++;
          else if (*a == ')' && depth-- == 0)
            break;
        }
      if (a == start || depth > 0)
        return NULL;
    }

  while (*a == ' ' || *a == '\t')
    a++;
  if (*a == '"' || *a == '\'')
    {
      const char *title_end = strchr (a + 1, *a);

      if (title_end == NULL)
        return NULL;
      a = title_end + 1;
      while (*a == ' ' || *a == '\t')
        a++;
    }

  return *a == ')' ? a : NULL;
}

/* Removes "[text](address)" links from @str in place, keeping the text: the text is
 * anything up to the first "]", the address as link_destination_end() reads it. */
static void
unlink_in_place (char *str)
{
  char *w = str;

  for (const char *r = str; *r != '\0';)
    {
      if (*r == '[')
        {
          const char *close = strchr (r + 1, ']');

          if (close != NULL && close > r + 1 && close[1] == '(')
            {
              const char *a = link_destination_end (close + 1);

              if (a != NULL)
                {
                  memmove (w, r + 1, close - (r + 1));
                  w += close - (r + 1);
                  r = a + 1;
                  continue;
                }
            }
        }
      *w++ = *r++;
    }
  *w = '\0';
}

/**
 * _desk_markdown_strip:
 * @text: a paragraph of scraped text
 * @is_heading: (out) (optional): whether it was a `#` heading
 *
 * Removes the markup that scrapers leave: `#` heading marks, `**bold**` and `__bold__`,
 * and `[text](address)` links (the text stays).
 *
 * Returns: (transfer full): the clean text
 */
char *
_desk_markdown_strip (const char *text,
                               gboolean   *is_heading)
{
  char *out;
  const char *p = text;
  gboolean heading = FALSE;
  gsize len = 0;

  /* A line of marks ("___", "* * *") is a separator, not markup around text. */
  if (_desk_roles_is_separator (text))
    {
      if (is_heading != NULL)
        *is_heading = FALSE;
      return g_strstrip (g_strdup (text));
    }

  out = g_malloc (strlen (text) + 1);

  if (*p == '#')
    {
      const char *q = p;

      while (*q == '#')
        q++;
      if (*q == ' ' && q - p <= 6)
        {
          p = q + 1;
          heading = TRUE;
        }
    }

  for (; *p; p++)
    {
      if ((p[0] == '*' && p[1] == '*') || (p[0] == '_' && p[1] == '_'))
        {
          p++;
          continue;
        }
      out[len++] = *p;
    }

  /* Trailing heading marks: "## Title ##" */
  while (heading && is_heading != NULL && len > 0 && (out[len - 1] == '#' || out[len - 1] == ' '))
    len--;
  out[len] = '\0';

  if (memchr (out, '[', len) != NULL)
    unlink_in_place (out);

  if (is_heading != NULL)
    *is_heading = heading;

  return g_strstrip (out);
}
