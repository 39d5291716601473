/* desk-file-name.h: the file name a story suggests for itself
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Bytes of a suggested file name before its extension, at most. */
#define DESK_FILE_NAME_MAX_STEM 48

char *desk_file_name_from_headline (const char *headline,
                                    gsize       max_stem);

G_END_DECLS
