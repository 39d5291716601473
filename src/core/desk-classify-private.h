/* desk-classify-private.h: what position and repetition tell of plain text (desk-classify.c)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "desk-ingest-part-private.h"
#include "desk-segment-private.h"

G_BEGIN_DECLS

DeskClassified *_desk_classify (const char *text,
                                GPtrArray  *segments);

G_END_DECLS
