/* desk-hash.c: hashing whole paragraphs and files
 *
 * g_str_hash() reads a byte at a time, which is right for words and names. Copydesk also
 * keys tables by whole paragraphs (the same agency paragraph comes back in source after
 * source) and names each source by a hash of its bytes; those read eight bytes at a time.
 * The hash is not cryptographic: nothing here defends against a forged collision, and
 * nothing needs to.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "desk-hash.h"

#define K1 G_GUINT64_CONSTANT (0x9e3779b97f4a7c15)
#define K2 G_GUINT64_CONSTANT (0xc2b2ae3d27d4eb4f)

static inline guint64
mix (guint64 h,
     guint64 w)
{
  h ^= w * K1;
  return ((h << 31) | (h >> 33)) * K2;
}

/**
 * desk_hash_bytes:
 * @data: (array length=size): the bytes
 * @size: how many
 * @seed: mixed in, to tell apart equal bytes that stand for different things
 *
 * The same bytes give the same hash on every machine (the words are read little-endian).
 *
 * Returns: a 64-bit hash of @data
 */
guint64
desk_hash_bytes (gconstpointer data,
                 gsize         size,
                 guint64       seed)
{
  const guchar *bytes = data;
  guint64 h = K2 ^ ((guint64)size * K1) ^ seed;
  gsize i = 0;

  for (; i + 8 <= size; i += 8)
    {
      guint64 w;

      memcpy (&w, bytes + i, 8);
      h = mix (h, GUINT64_FROM_LE (w));
    }
  if (i < size)
    {
      guint64 w = 0;

      for (guint k = 0; i + k < size; k++)
        w |= (guint64)bytes[i + k] << (8 * k);
      h = mix (h, w);
    }

  /* Every bit of the input reaches every bit of the output. */
  h ^= h >> 33;
  h *= G_GUINT64_CONSTANT (0xff51afd7ed558ccd);
  h ^= h >> 33;
  h *= G_GUINT64_CONSTANT (0xc4ceb9fe1a85ec53);
  h ^= h >> 33;

  return h;
}

/**
 * desk_hash_text:
 * @text: (type utf8): a nul-terminated string
 *
 * A #GHashFunc for tables keyed by long strings, such as paragraphs; use it with
 * g_str_equal().
 *
 * Returns: a hash of @text
 */
guint
desk_hash_text (gconstpointer text)
{
  guint64 h = desk_hash_bytes (text, strlen (text), 0);

  return (guint)(h ^ (h >> 32));
}
