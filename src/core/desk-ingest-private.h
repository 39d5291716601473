/* desk-ingest-private.h: the stages between decoded text and a source's blocks
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "desk-block.h"
#include "desk-credit.h"

G_BEGIN_DECLS

/* A stretch of text that ingest treats as one unit before it has a role: a paragraph of
 * blank-line text, a line of one-paragraph-per-line text, or a run of hard-wrapped lines. */
typedef struct
{
  gsize  start;     /* byte offsets in the decoded text */
  gsize  end;
  char  *text;      /* the lines joined with single spaces, trimmed */
  guint  n_lines;
  guint  chunk;     /* which blank-line separated chunk it came from */
} DeskSegment;

void       _desk_segment_free (DeskSegment *segment);
GPtrArray *_desk_segment_text (const char  *text,
                               guint        max_segments);

/* What classification learns about the story, besides the blocks. */
typedef struct
{
  char      *title;
  char      *dateline;
  char      *agency;
  char      *date;      /* ISO 8601 date, or NULL */
  GPtrArray *bylines;   /* char *, names as written */
  GPtrArray *credits;   /* DeskCredit, deduplicated */
  GPtrArray *blocks;    /* DeskBlock, in document order */
} DeskClassified;

void            _desk_classified_free (DeskClassified *classified);
DeskClassified *_desk_classify        (const char     *text,
                                       GPtrArray      *segments);
char           *_desk_classify_strip_markdown (const char *text,
                                               gboolean   *is_heading);

/* A span of a text, in bytes: [start, end). */
typedef struct
{
  gsize start;
  gsize end;
} DeskTextRange;

void            _desk_classify_markup_ranges  (const char *text,
                                               gsize       start,
                                               gsize       end,
                                               GArray     *ranges);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DeskClassified, _desk_classified_free)

G_END_DECLS
