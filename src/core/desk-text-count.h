/* desk-text-count.h: words and characters of a text, as a desk counts them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

void desk_text_count (const char *text,
                      guint      *words,
                      guint      *characters);

G_END_DECLS
