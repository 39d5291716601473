/* desk-ingest-private.h: from bytes to parts (desk-ingest.c)
 *
 * desk-ingest.c detects the format; plain text goes through desk-decode.c, desk-segment.c
 * and desk-classify.c, every other format through its reader (desk-reader-private.h). Either
 * way the answer is a DeskIngestPart per story (desk-ingest-part-private.h), which
 * desk-source.c makes a source of.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "desk-ingest-part-private.h"

G_BEGIN_DECLS

/* Entry points (desk-ingest.c). Each fails with a message a person can act on, without the
 * file's name (the caller adds it). */
DeskIngestPart *_desk_ingest_read        (GBytes      *bytes,
                                          GError     **error);
GPtrArray      *_desk_ingest_read_all    (GBytes      *bytes,
                                          GError     **error);
DeskIngestPart *_desk_ingest_read_as     (const char  *format,
                                          GBytes      *bytes,
                                          GError     **error);
GPtrArray      *_desk_ingest_read_all_as (const char  *format,
                                          GBytes      *bytes,
                                          GError     **error);

G_END_DECLS
