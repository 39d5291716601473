/* desk-segment.c: cutting decoded text into paragraphs
 *
 * Desk material comes in three shapes, often mixed in one file: paragraphs separated by
 * blank lines, one paragraph per line, and text hard-wrapped at a fixed width. A chunk
 * between blank lines is read as hard-wrapped when its lines are of a similar, moderate
 * width and run on into each other; otherwise each of its lines is a paragraph.
 *
 * Text written in Markdown (a scraper's output, an agency's text rendition) has structure of
 * its own that wrapping must not blur: a "# heading" line and a rule ("* * *") stand alone,
 * and a list item ("- …", "1. …") is a paragraph of its own with the indented lines under
 * it, even where the list has no blank line around it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "desk-segment-private.h"

/* A hard-wrapped line is at most this wide; longer lines are whole paragraphs. */
#define WRAP_MAX_WIDTH 100
#define WRAP_MIN_WIDTH 30

/* With a limit on paragraphs, a chunk between blank lines is cut after this many lines. */
#define MAX_CHUNK_LINES 65536

typedef struct
{
  gsize start;     /* of the line's text, without indentation */
  gsize end;       /* without trailing spaces */
  guint width;     /* in characters */
  gboolean indented;
} Line;

void
_desk_segment_free (DeskSegment *segment)
{
  if (segment == NULL)
    return;

  g_free (segment->text);
  g_free (segment);
}

static gboolean
is_blank (const char *p,
          const char *end)
{
  for (; p < end; p++)
    if (*p != ' ' && *p != '\t')
      return FALSE;
  return TRUE;
}

static gboolean
ends_sentence (const char *text,
               const Line *line)
{
  const char *p = text + line->end;

  /* Step back over closing quotes and brackets. */
  while (p > text + line->start)
    {
      const char *prev = g_utf8_find_prev_char (text + line->start, p);
      gunichar c = g_utf8_get_char (prev);

      if (c == '"' || c == '\'' || c == ')' || c == 0x201D || c == 0x2019 || c == '*')
        p = prev;
      else
        return c == '.' || c == '!' || c == '?' || c == ':';
    }

  return FALSE;
}

static gboolean
starts_lower (const char *text,
              const Line *line)
{
  return g_unichar_islower (g_utf8_get_char (text + line->start));
}

static void
add_segment (GPtrArray  *segments,
             const char *text,
             const Line *lines,
             guint       first,
             guint       last,
             guint       chunk,
             DeskSegmentShape shape)
{
  DeskSegment *segment = g_new0 (DeskSegment, 1);
  GString *joined = g_string_new (NULL);

  for (guint i = first; i <= last; i++)
    {
      if (joined->len > 0)
        g_string_append_c (joined, ' ');
      g_string_append_len (joined, text + lines[i].start, lines[i].end - lines[i].start);
    }

  segment->start = lines[first].start;
  segment->end = lines[last].end;
  segment->text = g_string_free (joined, FALSE);
  segment->n_lines = last - first + 1;
  segment->chunk = chunk;
  segment->shape = shape;

  g_ptr_array_add (segments, segment);
}

static gboolean
chunk_is_hard_wrapped (const char *text,
                       const Line *lines,
                       guint       n_lines)
{
  guint max_width = 0;
  guint run_on = 0;
  guint full = 0;

  if (n_lines < 2)
    return FALSE;

  for (guint i = 0; i + 1 < n_lines; i++)
    max_width = MAX (max_width, lines[i].width);

  if (max_width > WRAP_MAX_WIDTH || max_width < WRAP_MIN_WIDTH)
    return FALSE;

  /* Wrapping fills lines: most lines but the last are near the widest. A short line
   * among them (a URL, an agency tag) means lines of their own. */
  for (guint i = 0; i + 1 < n_lines; i++)
    if (lines[i].width * 10 >= max_width * 6)
      full++;
  if (full * 10 < (n_lines - 1) * 8)
    return FALSE;

  /* Wrapped lines run on: a line that does not end a sentence, or a next line that
   * starts in lower case. One-line-per-item text (headline, caption, agency) does not. */
  for (guint i = 0; i + 1 < n_lines; i++)
    {
      if (!ends_sentence (text, &lines[i]) || starts_lower (text, &lines[i + 1]))
        run_on++;
    }

  return run_on * 2 >= (n_lines - 1);
}

static void
segment_plain_run (GPtrArray  *segments,
                   const char *text,
                   const Line *lines,
                   guint       n_lines,
                   guint       chunk)
{
  guint max_width = 0;
  guint first = 0;

  if (!chunk_is_hard_wrapped (text, lines, n_lines))
    {
      for (guint i = 0; i < n_lines; i++)
        add_segment (segments, text, lines, i, i, chunk, DESK_SEGMENT_TEXT);
      return;
    }

  for (guint i = 0; i + 1 < n_lines; i++)
    max_width = MAX (max_width, lines[i].width);

  /* Within wrapped text a paragraph ends before an indented line, or at a short line that
   * ends a sentence or is followed by one that does not start in lower case (a headline
   * above the text): wrapping would have filled a line that goes on. */
  for (guint i = 0; i < n_lines; i++)
    {
      gboolean last = (i + 1 == n_lines);
      gboolean is_short = lines[i].width * 4 < max_width * 3;
      gboolean short_end = is_short && (ends_sentence (text, &lines[i]) ||
                                        (!last && !starts_lower (text, &lines[i + 1])));
      gboolean next_indented = !last && lines[i + 1].indented;

      if (last || short_end || next_indented)
        {
          add_segment (segments, text, lines, first, i, chunk, DESK_SEGMENT_TEXT);
          first = i + 1;
        }
    }
}

/* "# Heading" to "###### Heading" */
static gboolean
is_markdown_heading (const char *text,
                     const Line *line)
{
  const char *p = text + line->start;
  const char *end = text + line->end;
  guint level = 0;

  while (p < end && *p == '#')
    p++, level++;

  return level >= 1 && level <= 6 && p < end && *p == ' ';
}

/* A thematic break: three or more of one of '*', '-' or '_', spaces between allowed. */
static gboolean
is_markdown_rule (const char *text,
                  const Line *line)
{
  const char *p = text + line->start;
  const char *end = text + line->end;
  char mark = *p;
  guint n = 0;

  if (mark != '*' && mark != '-' && mark != '_')
    return FALSE;

  for (; p < end; p++)
    {
      if (*p == mark)
        n++;
      else if (*p != ' ')
        return FALSE;
    }

  return n >= 3;
}

/* "- item", "* item", "+ item", "1. item", "1) item", with text after the marker. */
static gboolean
has_list_marker (const char *text,
                 const Line *line)
{
  const char *p = text + line->start;
  const char *end = text + line->end;
  guint digits = 0;

  if (*p == '-' || *p == '*' || *p == '+')
    return end - p > 2 && p[1] == ' ' && p[2] != ' ';

  while (p < end && g_ascii_isdigit (*p) && digits < 3)
    p++, digits++;

  return digits > 0 && end - p > 2 && (*p == '.' || *p == ')') && p[1] == ' ' && p[2] != ' ';
}

/* Whether the lines after a would-be item leave it standing: the end of the chunk, an
 * indented line under it, or more structure. A line running on flush left makes it the
 * head of a wrapped paragraph ("2. Bundesliga: …") instead. */
static gboolean
item_stands_apart (const char *text,
                   const Line *lines,
                   guint       n_lines,
                   guint       i)
{
  const Line *next;

  while (i + 1 < n_lines && lines[i + 1].indented)
    i++;
  if (i + 1 >= n_lines)
    return TRUE;

  next = &lines[i + 1];
  return has_list_marker (text, next) || is_markdown_heading (text, next) ||
         is_markdown_rule (text, next);
}

/* Cuts a chunk between blank lines at its Markdown structure, and the runs of plain lines
 * between as wrapped or line-per-paragraph text. A line with a list marker opens an item
 * only where a list can start, at the top of the chunk, under a heading or after another
 * item: in a paragraph wrapped at a fixed width, a line may begin with a dash that is
 * punctuation ("… the bed - which …"). */
static void
segment_chunk (GPtrArray  *segments,
               const char *text,
               const Line *lines,
               guint       n_lines,
               guint       chunk)
{
  guint run = 0;
  gboolean in_list = FALSE;

  for (guint i = 0; i < n_lines; i++)
    {
      gboolean after_heading = i > 0 && is_markdown_heading (text, &lines[i - 1]);
      gboolean heading = is_markdown_heading (text, &lines[i]);
      gboolean rule = !heading && is_markdown_rule (text, &lines[i]);
      gboolean item = !heading && !rule && has_list_marker (text, &lines[i]) &&
                      (i == 0 || after_heading || in_list) &&
                      item_stands_apart (text, lines, n_lines, i);

      if (!heading && !rule && !item)
        {
          in_list = FALSE;
          continue;
        }

      if (run < i)
        segment_plain_run (segments, text, lines + run, i - run, chunk);

      if (item)
        {
          guint last = i;

          /* The indented lines under an item are the item's. */
          while (last + 1 < n_lines && lines[last + 1].indented &&
                 !has_list_marker (text, &lines[last + 1]))
            last++;
          add_segment (segments, text, lines, i, last, chunk, DESK_SEGMENT_ITEM);
          i = last;
        }
      else
        add_segment (segments, text, lines, i, i, chunk,
                     heading ? DESK_SEGMENT_HEADING : DESK_SEGMENT_RULE);

      in_list = item;
      run = i + 1;
    }

  if (run < n_lines)
    segment_plain_run (segments, text, lines + run, n_lines - run, chunk);
}

/* Characters in @length bytes of valid UTF-8: the bytes that do not continue one. */
static guint
count_chars (const char *text,
             gsize       length)
{
  guint n = 0;

  for (gsize i = 0; i < length; i++)
    n += ((guchar)text[i] & 0xc0) != 0x80;

  return n;
}

/**
 * _desk_segment_text:
 * @text: decoded, normalised text (LF line ends)
 * @max_segments: stop once there are more paragraphs than this (the caller refuses the
 *   text then); 0 for no limit
 *
 * Returns: (transfer full) (element-type DeskSegment): the paragraphs of @text in order,
 *   or the first @max_segments + 1 of them
 */
GPtrArray *
_desk_segment_text (const char *text,
                    guint       max_segments)
{
  g_autoptr(GPtrArray) segments = g_ptr_array_new_with_free_func ((GDestroyNotify)_desk_segment_free);
  g_autoptr(GArray) lines = g_array_new (FALSE, FALSE, sizeof (Line));
  const char *p = text;
  guint chunk = 0;

  g_return_val_if_fail (text != NULL, NULL);

  while (TRUE)
    {
      const char *eol = strchr (p, '\n');
      const char *line_end = eol ? eol : p + strlen (p);

      if (is_blank (p, line_end))
        {
          if (lines->len > 0)
            {
              segment_chunk (segments, text, (Line *)(gpointer)lines->data, lines->len, chunk++);
              g_array_set_size (lines, 0);
            }
        }
      else if (max_segments > 0 && lines->len >= MAX_CHUNK_LINES)
        {
          /* A chunk this long is no story's: cut it, so that the limit is seen early. */
          segment_chunk (segments, text, (Line *)(gpointer)lines->data, lines->len, chunk++);
          g_array_set_size (lines, 0);
          continue;
        }
      else
        {
          Line line = { 0 };
          const char *s = p;
          const char *e = line_end;

          while (*s == ' ' || *s == '\t')
            s++;
          while (e > s && (e[-1] == ' ' || e[-1] == '\t'))
            e--;

          line.start = s - text;
          line.end = e - text;
          line.width = count_chars (s, e - s);
          line.indented = (s - p) >= 2 || (s > p && *p == '\t');
          g_array_append_val (lines, line);
        }

      if (eol == NULL || (max_segments > 0 && segments->len > max_segments))
        break;
      p = eol + 1;
    }

  if (lines->len > 0 && (max_segments == 0 || segments->len <= max_segments))
    segment_chunk (segments, text, (Line *)(gpointer)lines->data, lines->len, chunk);

  return g_steal_pointer (&segments);
}
