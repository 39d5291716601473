/* desk-decode.h: bytes to clean UTF-8 text
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * DeskDecoded:
 * @text: the decoded, repaired and normalised UTF-8 text (NUL-terminated)
 * @length: length of @text in bytes
 * @encoding: the encoding the bytes were read as ("UTF-8", "UTF-8 with BOM", "UTF-16LE",
 *   "UTF-16BE", "Windows-1252"); a static string
 * @n_invalid: invalid byte sequences replaced by U+FFFD (never dropped silently)
 * @n_repaired: mojibake sequences repaired (UTF-8 once read as Windows-1252)
 */
typedef struct
{
  char       *text;
  gsize       length;
  const char *encoding;
  guint       n_invalid;
  guint       n_repaired;
} DeskDecoded;

DeskDecoded *desk_decode_bytes         (GBytes      *bytes,
                                        GError     **error);
void         desk_decoded_free         (DeskDecoded *decoded);

char        *desk_decode_repair_mojibake (const char *text,
                                          guint      *n_repaired);
char        *desk_decode_normalize_space (const char *text);
gboolean     desk_decode_looks_binary    (const guint8 *data,
                                          gsize         length);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DeskDecoded, desk_decoded_free)

G_END_DECLS
