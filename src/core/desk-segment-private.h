/* desk-segment-private.h: cutting decoded text into segments (desk-segment.c)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* What Markdown structure made a segment, where it did. */
typedef enum
{
  DESK_SEGMENT_TEXT,      /* a paragraph or a line of text */
  DESK_SEGMENT_HEADING,   /* "# …" */
  DESK_SEGMENT_ITEM,      /* "- …", "1. …" and the lines under it */
  DESK_SEGMENT_RULE,      /* "* * *" */
} DeskSegmentShape;

/* A stretch of text that ingest treats as one unit before it has a role: a paragraph of
 * blank-line text, a line of one-paragraph-per-line text, or a run of hard-wrapped lines. */
typedef struct
{
  gsize  start;     /* byte offsets in the decoded text */
  gsize  end;
  char  *text;      /* the lines joined with single spaces, trimmed */
  guint  n_lines;
  guint  chunk;     /* which blank-line separated chunk it came from */
  DeskSegmentShape shape;
} DeskSegment;

void       _desk_segment_free (DeskSegment *segment);
GPtrArray *_desk_segment_text (const char  *text,
                               guint        max_segments);

G_END_DECLS
