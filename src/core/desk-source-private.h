/* desk-source-private.h: making sources from what a format reader found
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "desk-ingest-private.h"
#include "desk-source.h"

G_BEGIN_DECLS

/**
 * DeskSourceWire:
 * @encoding: (nullable): what the bytes were read as; %NULL for "UTF-8"
 * @n_repaired: mojibake sequences repaired
 * @n_invalid: invalid byte sequences replaced by U+FFFD
 * @slug: (nullable): the story's slug or keyword, without its version
 * @guid: (nullable): the identifier that every version of the story shares
 * @version: the version of the story, from 1; 0 when unknown
 * @version_created: (nullable): when this version was made, ISO 8601
 * @signal: (nullable): "update" or "correction"
 * @item: which story of a file with several this is, from 0
 * @bytes_hash: (nullable): desk_hash_bytes() of the whole file with seed 0, when the caller
 *   knows it already (a file with thousands of stories is then hashed once, not once per
 *   story)
 *
 * What a wire format says about a story besides its text.
 */
typedef struct
{
  const char *encoding;
  guint       n_repaired;
  guint       n_invalid;
  const char *slug;
  const char *guid;
  int         version;
  const char *version_created;
  const char *signal;
  guint       item;
  const guint64 *bytes_hash;
} DeskSourceWire;

void        _desk_source_set_shown_label (DeskSource         *self,
                                          const char         *label);
void        _desk_source_set_id        (DeskSource           *self,
                                        const char           *id);
DeskSource *_desk_source_new_from_parts (GBytes               *bytes,
                                         const char           *name,
                                         DeskSourceOrigin      origin,
                                         const char           *format,
                                         const char           *text,
                                         DeskClassified       *classified,
                                         const DeskSourceWire *wire);

G_END_DECLS
