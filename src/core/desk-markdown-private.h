/* desk-markdown-private.h: the markup that scrapers leave in plain text (desk-markdown.c)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

char *_desk_markdown_strip (const char *text,
                            gboolean   *is_heading);

/* A span of a text, in bytes: [start, end). */
typedef struct
{
  gsize start;
  gsize end;
} DeskTextRange;

void  _desk_markdown_ranges (const char *text,
                             gsize       start,
                             gsize       end,
                             GArray     *ranges);

G_END_DECLS
