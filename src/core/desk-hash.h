/* desk-hash.h: hashing whole paragraphs and files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

guint64 desk_hash_bytes (gconstpointer data,
                         gsize         size,
                         guint64       seed);
guint   desk_hash_text  (gconstpointer text);

G_END_DECLS
