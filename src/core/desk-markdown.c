/* desk-markdown.c: the markup that scrapers leave in plain text
 *
 * Text scraped off a page may keep Markdown: `#` heading marks, `**bold**`, `[text](address)`
 * links. desk-classify.c reads each segment without it (and learns from a `#` that the
 * line was a heading); the text itself keeps it, as received, and a view hides the marks
 * where _desk_markdown_ranges() finds them.
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

static void
add_range (GArray *ranges,
           gsize   start,
           gsize   end)
{
  DeskTextRange range = { start, end };

  if (end > start)
    g_array_append_val (ranges, range);
}

/* Bold marks and links between @p and @stop. */
static void
inline_markup_ranges (const char *text,
                      const char *p,
                      const char *stop,
                      GArray     *ranges)
{
  while (p < stop)
    {
      if (p + 1 < stop && ((p[0] == '*' && p[1] == '*') || (p[0] == '_' && p[1] == '_')))
        {
          add_range (ranges, p - text, p + 2 - text);
          p += 2;
          continue;
        }

      if (*p == '[' && p + 1 < stop)
        {
          const char *close = memchr (p + 1, ']', (gsize)(stop - (p + 1)));

          if (close != NULL && close > p + 1 && close + 1 < stop && close[1] == '(')
            {
              const char *a = link_destination_end (close + 1);

              if (a != NULL && a < stop)
                {
                  add_range (ranges, p - text, p + 1 - text);
                  /* The text between the brackets may hold bold marks too. */
                  inline_markup_ranges (text, p + 1, close, ranges);
                  add_range (ranges, close - text, a + 1 - text);
                  p = a + 1;
                  continue;
                }
            }
        }
      p++;
    }
}

/**
 * _desk_markdown_ranges:
 * @text: a source's text
 * @start: where a block starts in @text, in bytes
 * @end: where it ends
 * @ranges: (element-type DeskTextRange): where to add the ranges
 *
 * Finds in one block of @text the markup _desk_markdown_strip() removes from
 * it: the `#` marks of a heading (and trailing ones), every `**` and `__`, and the
 * brackets and address of a `[text](address)` link. A view hides them to show the block
 * as its reader saw it. Ranges are added in order, in bytes into @text.
 */
void
_desk_markdown_ranges (const char *text,
                              gsize       start,
                              gsize       end,
                              GArray     *ranges)
{
  g_autofree char *block = g_strndup (text + start, end - start);
  const char *p = text + start;
  const char *stop = text + end;
  gboolean heading = FALSE;

  if (_desk_roles_is_separator (block))
    return;

  while (p < stop && (*p == ' ' || *p == '\t'))
    p++;
  if (p < stop && *p == '#')
    {
      const char *q = p;

      while (q < stop && *q == '#')
        q++;
      if (q < stop && *q == ' ' && q - p <= 6)
        {
          add_range (ranges, p - text, q + 1 - text);
          p = q + 1;
          heading = TRUE;
        }
    }

  /* A heading's closing marks: "## Title ##". */
  if (heading)
    {
      const char *q = stop;

      while (q > p && (q[-1] == ' ' || q[-1] == '\n' || q[-1] == '\r'))
        q--;
      if (q > p && q[-1] == '#')
        {
          const char *marks = q;

          while (marks > p && marks[-1] == '#')
            marks--;
          while (marks > p && marks[-1] == ' ')
            marks--;
          stop = marks;
          add_range (ranges, marks - text, q - text);
        }
    }

  inline_markup_ranges (text, p, stop, ranges);
}
