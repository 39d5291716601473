/* desk-text-count.h: words and characters of a text, as a desk counts them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

void desk_text_count     (const char *text,
                          guint      *words,
                          guint      *characters);
void desk_text_add_words (const char *text,
                          gsize       min_length,
                          GHashTable *words);

G_END_DECLS
