/* desk-ingest-part.c: what ingest hands over, made and freed
 *
 * Apart from desk-ingest.c, which calls the readers, so that the readers can make parts
 * without calling back up into it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "desk-ingest-part-private.h"

void
_desk_classified_free (DeskClassified *classified)
{
  if (classified == NULL)
    return;

  g_free (classified->title);
  g_free (classified->dateline);
  g_free (classified->agency);
  g_free (classified->date);
  g_clear_pointer (&classified->bylines, g_ptr_array_unref);
  g_clear_pointer (&classified->credits, g_ptr_array_unref);
  g_clear_pointer (&classified->blocks, g_ptr_array_unref);
  g_free (classified);
}

/**
 * _desk_ingest_part_new:
 * @bytes: what the story is read from
 * @format: a DESK_FORMAT_* name
 *
 * Returns: (transfer full): an empty part: the caller fills in the text and the blocks
 */
DeskIngestPart *
_desk_ingest_part_new (GBytes     *bytes,
                       const char *format)
{
  DeskIngestPart *part = g_new0 (DeskIngestPart, 1);

  part->bytes = g_bytes_ref (bytes);
  part->format = g_intern_string (format);

  return part;
}

void
_desk_ingest_part_free (DeskIngestPart *part)
{
  if (part == NULL)
    return;

  g_bytes_unref (part->bytes);
  g_free (part->text);
  _desk_classified_free (part->classified);
  g_free (part->slug);
  g_free (part->guid);
  g_free (part->version_created);
  g_free (part);
}
