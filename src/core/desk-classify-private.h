/* desk-classify-private.h: what position and repetition tell of plain text (desk-classify.c)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "desk-ingest-part-private.h"
#include "desk-segment-private.h"

G_BEGIN_DECLS

DeskClassified *_desk_classify        (const char     *text,
                                       GPtrArray      *segments);
char           *_desk_classify_strip_markdown (const char *text,
                                               gboolean   *is_heading);

G_END_DECLS
