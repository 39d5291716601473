/* desk-ingest-part-private.h: what ingest hands over, a story's parts (desk-ingest-part.c)
 *
 * Plain text (desk-classify.c) and the readers (desk-reader.c) fill them; desk-ingest.c
 * returns them; desk-source.c makes a source of each.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "desk-block.h"
#include "desk-credit.h"

G_BEGIN_DECLS

/* The most paragraphs (blocks) one story may have. The size limit alone does not bound
 * memory: 20 MB of two-word lines made 1.8 million blocks, 1.3 GB and 25 s of ingest. A
 * story refused for it says so. */
#define DESK_INGEST_MAX_PARAGRAPHS 100000

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

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DeskClassified, _desk_classified_free)

/**
 * DeskIngestPart:
 * @bytes: what the story was read from: the whole file, or its own stretch of a file of
 *   several ANPA-1312 or IPTC 7901 transmissions
 * @format: a DESK_FORMAT_* name, interned
 * @number: with @of, the story is number @number (from 1) of @of in a file that holds
 *   several and was read whole, and is named so; both 0 otherwise
 * @of: see @number
 * @text: the text the blocks of @classified point into: the decoded text, or for markup
 *   formats a plain rendering of the story that the reader wrote
 * @classified: the blocks with their roles, and what they say of the story
 * @encoding: (nullable): what the bytes were read as, interned; %NULL for "UTF-8"
 * @n_repaired: mojibake sequences repaired
 * @n_invalid: invalid byte sequences replaced by U+FFFD
 * @slug: (nullable): the story's slug or keyword, without its version
 * @guid: (nullable): the identifier that every version of the story shares
 * @version: the version of the story, from 1; 0 when unknown
 * @version_created: (nullable): when this version was made, ISO 8601
 * @signal: (nullable): "update" or "correction", interned
 * @item: which story of a file with several this is, from 0 (part of the source's id)
 * @has_bytes_hash: whether @bytes_hash is known
 * @bytes_hash: desk_hash_bytes() of @bytes with seed 0, when the reader hashed it already
 *   (a file with thousands of stories is then hashed once, not once per story)
 *
 * One story as ingest read it. It knows nothing of #DeskSource: desk-source.c makes one.
 */
typedef struct
{
  GBytes         *bytes;
  const char     *format;
  guint           number;
  guint           of;
  char           *text;
  DeskClassified *classified;
  const char     *encoding;
  guint           n_repaired;
  guint           n_invalid;
  char           *slug;
  char           *guid;
  int             version;
  char           *version_created;
  const char     *signal;
  guint           item;
  gboolean        has_bytes_hash;
  guint64         bytes_hash;
} DeskIngestPart;

DeskIngestPart *_desk_ingest_part_new  (GBytes         *bytes,
                                        const char     *format);
void            _desk_ingest_part_free (DeskIngestPart *part);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DeskIngestPart, _desk_ingest_part_free)

G_END_DECLS
