/* desk-decode.c: bytes to clean UTF-8 text
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "desk-decode.h"
#include "desk-types.h"

/* The repair pass runs until nothing changes, at most this often (double-encoded text). */
#define MAX_REPAIR_PASSES 3

/* Windows-1252 to Unicode. The five bytes Windows leaves undefined (0x81, 0x8D, 0x8F, 0x90,
 * 0x9D) map to the C1 controls of the same value, as Latin-1 would, so no byte vanishes.
 */
static const guint16 cp1252_table[256] = {
  0x0000, 0x0001, 0x0002, 0x0003, 0x0004, 0x0005, 0x0006, 0x0007,
  0x0008, 0x0009, 0x000A, 0x000B, 0x000C, 0x000D, 0x000E, 0x000F,
  0x0010, 0x0011, 0x0012, 0x0013, 0x0014, 0x0015, 0x0016, 0x0017,
  0x0018, 0x0019, 0x001A, 0x001B, 0x001C, 0x001D, 0x001E, 0x001F,
  0x0020, 0x0021, 0x0022, 0x0023, 0x0024, 0x0025, 0x0026, 0x0027,
  0x0028, 0x0029, 0x002A, 0x002B, 0x002C, 0x002D, 0x002E, 0x002F,
  0x0030, 0x0031, 0x0032, 0x0033, 0x0034, 0x0035, 0x0036, 0x0037,
  0x0038, 0x0039, 0x003A, 0x003B, 0x003C, 0x003D, 0x003E, 0x003F,
  0x0040, 0x0041, 0x0042, 0x0043, 0x0044, 0x0045, 0x0046, 0x0047,
  0x0048, 0x0049, 0x004A, 0x004B, 0x004C, 0x004D, 0x004E, 0x004F,
  0x0050, 0x0051, 0x0052, 0x0053, 0x0054, 0x0055, 0x0056, 0x0057,
  0x0058, 0x0059, 0x005A, 0x005B, 0x005C, 0x005D, 0x005E, 0x005F,
  0x0060, 0x0061, 0x0062, 0x0063, 0x0064, 0x0065, 0x0066, 0x0067,
  0x0068, 0x0069, 0x006A, 0x006B, 0x006C, 0x006D, 0x006E, 0x006F,
  0x0070, 0x0071, 0x0072, 0x0073, 0x0074, 0x0075, 0x0076, 0x0077,
  0x0078, 0x0079, 0x007A, 0x007B, 0x007C, 0x007D, 0x007E, 0x007F,
  0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
  0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,
  0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
  0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,
  0x00A0, 0x00A1, 0x00A2, 0x00A3, 0x00A4, 0x00A5, 0x00A6, 0x00A7,
  0x00A8, 0x00A9, 0x00AA, 0x00AB, 0x00AC, 0x00AD, 0x00AE, 0x00AF,
  0x00B0, 0x00B1, 0x00B2, 0x00B3, 0x00B4, 0x00B5, 0x00B6, 0x00B7,
  0x00B8, 0x00B9, 0x00BA, 0x00BB, 0x00BC, 0x00BD, 0x00BE, 0x00BF,
  0x00C0, 0x00C1, 0x00C2, 0x00C3, 0x00C4, 0x00C5, 0x00C6, 0x00C7,
  0x00C8, 0x00C9, 0x00CA, 0x00CB, 0x00CC, 0x00CD, 0x00CE, 0x00CF,
  0x00D0, 0x00D1, 0x00D2, 0x00D3, 0x00D4, 0x00D5, 0x00D6, 0x00D7,
  0x00D8, 0x00D9, 0x00DA, 0x00DB, 0x00DC, 0x00DD, 0x00DE, 0x00DF,
  0x00E0, 0x00E1, 0x00E2, 0x00E3, 0x00E4, 0x00E5, 0x00E6, 0x00E7,
  0x00E8, 0x00E9, 0x00EA, 0x00EB, 0x00EC, 0x00ED, 0x00EE, 0x00EF,
  0x00F0, 0x00F1, 0x00F2, 0x00F3, 0x00F4, 0x00F5, 0x00F6, 0x00F7,
  0x00F8, 0x00F9, 0x00FA, 0x00FB, 0x00FC, 0x00FD, 0x00FE, 0x00FF,
};

static const struct
{
  const char *magic;
  guint       length;
  const char *what;
} binary_magics[] = {
  { "\x89" "PNG\r\n\x1a\n", 8, N_("a PNG image") },
  { "\xff\xd8\xff", 3, N_("a JPEG image") },
  { "GIF87a", 6, N_("a GIF image") },
  { "GIF89a", 6, N_("a GIF image") },
  { "%PDF-", 5, N_("a PDF document") },
  { "PK\x03\x04", 4, N_("a ZIP archive, such as a Word or OpenDocument file") },
  { "PK\x05\x06", 4, N_("a ZIP archive, such as a Word or OpenDocument file") },
  { "\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", 8, N_("an old Microsoft Office document") },
  { "\x7f" "ELF", 4, N_("a program") },
  { "\x1f\x8b", 2, N_("gzip-compressed data") },
};

/* Control characters, counted to tell teletype text from binary data */
typedef struct
{
  gsize total;
  gsize hard;   /* controls text has no business containing */
  gsize wire;   /* controls agency wire formats (ANPA-1312, IPTC 7901) are full of */
} ControlCount;

/* Counts @c, a C0 control or DEL */
static inline void
control_count_add (ControlCount *cc,
                   guint         c)
{
  switch (c)
    {
    case '\t': case '\n': case '\r': case '\f':
      break;

    /* SOH STX ETX EOT, BS (ANPA tables), VT, DLE DC1-DC4 (ANPA headers), SYN, RS, US, DEL */
    case 0x01: case 0x02: case 0x03: case 0x04: case 0x08: case 0x0b:
    case 0x10: case 0x11: case 0x12: case 0x13: case 0x14:
    case 0x16: case 0x1e: case 0x1f: case 0x7f:
      cc->wire++;
      break;

    default:
      cc->hard++;
      break;
    }
}

static gboolean
control_count_looks_binary (const ControlCount *cc)
{
  /* A few stray controls pass; more than 2% of the text does not */
  if (cc->hard >= 4 && cc->hard * 50 > cc->total)
    return TRUE;

  /* Wire controls are tolerated in numbers (tables use RS as a column mark), not as the bulk */
  if (cc->hard + cc->wire >= 16 && (cc->hard + cc->wire) * 2 > cc->total)
    return TRUE;

  return FALSE;
}

static inline gunichar
read_utf16_unit (const guint8 *data,
                 gboolean      big_endian)
{
  if (big_endian)
    return ((gunichar) data[0] << 8) | data[1];
  else
    return ((gunichar) data[1] << 8) | data[0];
}

/* Finds UTF-16 by its byte order mark or, without one, by the NUL half of every ASCII
 * character: ASCII-heavy UTF-16 has a NUL in every other byte, on one side only.
 */
static gboolean
detect_utf16 (const guint8 *data,
              gsize         length,
              gboolean     *big_endian,
              gsize        *bom_length)
{
  gsize n_pairs;
  gsize le = 0;
  gsize be = 0;

  *big_endian = FALSE;
  *bom_length = 0;

  if (length >= 2 && data[0] == 0xff && data[1] == 0xfe)
    {
      *bom_length = 2;
      return TRUE;
    }

  if (length >= 2 && data[0] == 0xfe && data[1] == 0xff)
    {
      *big_endian = TRUE;
      *bom_length = 2;
      return TRUE;
    }

  if (length < 2 || memchr (data, 0, length) == NULL)
    return FALSE;

  n_pairs = length / 2;

  for (gsize i = 0; i < n_pairs; i++)
    {
      guint8 a = data[2 * i];
      guint8 b = data[2 * i + 1];

      if (a != 0 && b == 0)
        le++;
      else if (a == 0 && b != 0)
        be++;
    }

  if (le * 10 >= n_pairs * 4 && be * 10 <= le)
    return TRUE;

  if (be * 10 >= n_pairs * 4 && le * 10 <= be)
    {
      *big_endian = TRUE;
      return TRUE;
    }

  return FALSE;
}

static gunichar
read_utf32_unit (const guint8 *data,
                 gboolean      big_endian)
{
  return big_endian
    ? ((gunichar)data[0] << 24) | ((gunichar)data[1] << 16) | ((gunichar)data[2] << 8) | data[3]
    : ((gunichar)data[3] << 24) | ((gunichar)data[2] << 16) | ((gunichar)data[1] << 8) | data[0];
}

/* Finds UTF-32 by its byte order mark (checked before UTF-16's, which starts the same in
 * little-endian) or, without one, by text whose every unit is a character and most are
 * ASCII: three NUL bytes in every four, on one side. */
static gboolean
detect_utf32 (const guint8 *data,
              gsize         length,
              gboolean     *big_endian,
              gsize        *bom_length)
{
  gsize n_units = length / 4;
  gsize le = 0;
  gsize be = 0;

  *big_endian = FALSE;
  *bom_length = 0;

  if (length >= 4 && memcmp (data, "\xff\xfe\0\0", 4) == 0)
    {
      *bom_length = 4;
      return TRUE;
    }
  if (length >= 4 && memcmp (data, "\0\0\xfe\xff", 4) == 0)
    {
      *big_endian = TRUE;
      *bom_length = 4;
      return TRUE;
    }

  if (length < 8 || length % 4 != 0 || memchr (data, 0, length) == NULL)
    return FALSE;

  for (gsize i = 0; i < n_units; i++)
    {
      const guint8 *u = data + 4 * i;

      if (u[0] != 0 && u[1] == 0 && u[2] == 0 && u[3] == 0)
        le++;
      else if (u[0] == 0 && u[1] == 0 && u[2] == 0 && u[3] != 0)
        be++;
    }

  for (int side = 0; side < 2; side++)
    {
      gboolean big = side == 1;
      gsize ascii = big ? be : le;

      if (ascii * 10 < n_units * 6)
        continue;
      for (gsize i = 0; i < n_units; i++)
        if (read_utf32_unit (data + 4 * i, big) > 0x10ffff)
          return FALSE;
      *big_endian = big;
      return TRUE;
    }

  return FALSE;
}

/* UTF-32 to UTF-8; surrogates, NUL and units past U+10FFFF, and a last partial unit,
 * become U+FFFD */
static char *
decode_utf32 (const guint8 *data,
              gsize         length,
              gboolean      big_endian,
              guint        *n_invalid)
{
  gsize n_units = length / 4;
  char *out = g_malloc (n_units * 4 + 8);
  char *o = out;

  for (gsize i = 0; i < n_units; i++)
    {
      gunichar c = read_utf32_unit (data + 4 * i, big_endian);

      if (c == 0 || c > 0x10ffff || (c >= 0xd800 && c <= 0xdfff))
        {
          c = 0xfffd;
          (*n_invalid)++;
        }
      o += g_unichar_to_utf8 (c, o);
    }

  if (length % 4 != 0)
    {
      o += g_unichar_to_utf8 (0xfffd, o);
      (*n_invalid)++;
    }
  *o = '\0';

  return out;
}

/* Whether any of the eight bytes in @w is a C0 control (below 0x20) or DEL (0x7f). */
static inline gboolean
has_control_byte (guint64 w)
{
  const guint64 ones = G_GUINT64_CONSTANT (0x0101010101010101);
  const guint64 highs = G_GUINT64_CONSTANT (0x8080808080808080);
  guint64 del = w ^ (ones * 0x7f);

  /* A byte below n (n <= 128) leaves its high bit set in (w - n) where w's was clear; a
   * DEL is a zero byte in del. */
  return ((((w - ones * 0x20) & ~w) | ((del - ones) & ~del)) & highs) != 0;
}

/* Whether @data is valid UTF-8, as g_utf8_validate_len() says, reading ASCII eight bytes
 * at a time: agency copy and web pages are mostly ASCII, with a curly quote here and there. */
static gboolean
utf8_validate_fast (const guint8 *data,
                    gsize         length)
{
  const guint64 highs = G_GUINT64_CONSTANT (0x8080808080808080);
  gsize i = 0;

  while (i < length)
    {
      guint8 c;
      gsize char_length;

      if (i + 8 <= length)
        {
          guint64 w;

          memcpy (&w, data + i, 8);
          if ((w & highs) == 0)
            {
              /* A NUL is invalid for g_utf8_validate_len(): look byte by byte then. */
              if (((w - G_GUINT64_CONSTANT (0x0101010101010101)) & ~w & highs) == 0)
                {
                  i += 8;
                  continue;
                }
            }
        }

      c = data[i];
      if (c == 0)
        return FALSE;
      if (c < 0x80)
        {
          i++;
          continue;
        }

      /* One character, checked by GLib: overlong forms, surrogates, past U+10FFFF. */
      char_length = c >= 0xf0 ? 4 : c >= 0xe0 ? 3 : c >= 0xc0 ? 2 : 1;
      if (char_length > length - i ||
          !g_utf8_validate_len ((const char *) data + i, char_length, NULL))
        return FALSE;
      i += char_length;
    }

  return TRUE;
}

/* Returns TRUE for binary data; @what is then a translatable description or NULL */
static gboolean
sniff_binary (const guint8  *data,
              gsize          length,
              const char   **what)
{
  ControlCount cc = { 0, };
  gboolean big_endian;
  gsize bom_length;

  *what = NULL;

  if (length == 0)
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (binary_magics); i++)
    {
      if (length >= binary_magics[i].length &&
          memcmp (data, binary_magics[i].magic, binary_magics[i].length) == 0)
        {
          *what = binary_magics[i].what;
          return TRUE;
        }
    }

  if (detect_utf32 (data, length, &big_endian, &bom_length))
    {
      cc.total = (length - bom_length) / 4;

      for (gsize i = bom_length; i + 3 < length; i += 4)
        {
          gunichar u = read_utf32_unit (data + i, big_endian);

          if (G_UNLIKELY (u < 0x20 || u == 0x7f))
            control_count_add (&cc, u == 0 ? 0x1a : u);
        }

      return control_count_looks_binary (&cc);
    }

  if (detect_utf16 (data, length, &big_endian, &bom_length))
    {
      cc.total = (length - bom_length) / 2;

      for (gsize i = bom_length; i + 1 < length; i += 2)
        {
          gunichar u = read_utf16_unit (data + i, big_endian);

          /* a NUL unit is as wrong in UTF-16 as a NUL byte elsewhere */
          if (G_UNLIKELY (u < 0x20 || u == 0x7f))
            control_count_add (&cc, u == 0 ? 0x1a : u);
        }

      return control_count_looks_binary (&cc);
    }

  if (memchr (data, 0, length) != NULL)
    return TRUE;

  cc.total = length;

  for (gsize i = 0; i < length; )
    {
      /* Eight bytes at a time while none is below 0x20 or DEL. */
      if (i + 8 <= length)
        {
          guint64 w;

          memcpy (&w, data + i, 8);
          if (!has_control_byte (w))
            {
              i += 8;
              continue;
            }
        }

      if (G_UNLIKELY (data[i] < 0x20 || data[i] == 0x7f))
        control_count_add (&cc, data[i]);
      i++;
    }

  return control_count_looks_binary (&cc);
}

/* UTF-16 to UTF-8; unpaired surrogates, NUL units and an odd last byte become U+FFFD */
static char *
decode_utf16 (const guint8 *data,
              gsize         length,
              gboolean      big_endian,
              guint        *n_invalid)
{
  gsize n_units = length / 2;
  char *out = g_malloc (n_units * 3 + 4);
  char *o = out;

  for (gsize i = 0; i < n_units; i++)
    {
      gunichar u = read_utf16_unit (data + 2 * i, big_endian);
      gunichar c = u;

      if (u >= 0xd800 && u <= 0xdbff)
        {
          gunichar low = i + 1 < n_units ? read_utf16_unit (data + 2 * (i + 1), big_endian) : 0;

          if (low >= 0xdc00 && low <= 0xdfff)
            {
              c = 0x10000 + ((u - 0xd800) << 10) + (low - 0xdc00);
              i++;
            }
          else
            {
              c = 0xfffd;
              (*n_invalid)++;
            }
        }
      else if ((u >= 0xdc00 && u <= 0xdfff) || u == 0)
        {
          c = 0xfffd;
          (*n_invalid)++;
        }

      o += g_unichar_to_utf8 (c, o);
    }

  if (length % 2 != 0)
    {
      o += g_unichar_to_utf8 (0xfffd, o);
      (*n_invalid)++;
    }

  *o = '\0';

  return out;
}

/* Counts the bytes g_utf8_validate() stops at, and the multibyte characters between them;
 * gives up once there are more than @max_invalid invalid bytes.
 */
static void
scan_utf8 (const char *data,
           gsize       length,
           gsize       max_invalid,
           guint      *n_invalid,
           gsize      *n_multibyte)
{
  const char *p = data;
  const char *end = data + length;

  *n_invalid = 0;
  *n_multibyte = 0;

  while (p < end)
    {
      const char *valid_end;
      gboolean valid = g_utf8_validate_len (p, end - p, &valid_end);

      for (const char *q = p; q < valid_end; q++)
        {
          if ((guchar) *q >= 0xc0)
            (*n_multibyte)++;
        }

      if (valid)
        break;

      (*n_invalid)++;
      if (*n_invalid > max_invalid)
        break;
      p = valid_end + 1;
    }
}

/* UTF-8 with each invalid byte (NUL included) replaced by U+FFFD */
static char *
decode_utf8_lossy (const char *data,
                   gsize       length,
                   guint       n_invalid)
{
  char *out = g_malloc (length + 2 * (gsize) n_invalid + 1);
  char *o = out;
  const char *p = data;
  const char *end = data + length;

  while (p < end)
    {
      const char *valid_end;
      gboolean valid = g_utf8_validate_len (p, end - p, &valid_end);

      memcpy (o, p, valid_end - p);
      o += valid_end - p;

      if (valid)
        break;

      o += g_unichar_to_utf8 (0xfffd, o);
      p = valid_end + 1;
    }

  *o = '\0';

  return out;
}

static inline gsize
cp1252_utf8_length (guint8 b)
{
  if (b < 0x80)
    return 1;
  if (b >= 0xa0)
    return 2;
  return cp1252_table[b] < 0x800 ? 2 : 3;
}

/* Windows-1252 to UTF-8; a NUL byte becomes U+FFFD */
static char *
decode_cp1252 (const guint8 *data,
               gsize         length,
               guint        *n_invalid)
{
  gsize out_length = 0;
  char *out;
  char *o;

  for (gsize i = 0; i < length; i++)
    out_length += data[i] == 0 ? 3 : cp1252_utf8_length (data[i]);

  out = g_malloc (out_length + 1);
  o = out;

  for (gsize i = 0; i < length; i++)
    {
      guint8 b = data[i];

      if (b >= 0xa0)
        {
          *o++ = (char) (0xc0 | (b >> 6));
          *o++ = (char) (0x80 | (b & 0x3f));
        }
      else if (b >= 0x80)
        {
          o += g_unichar_to_utf8 (cp1252_table[b], o);
        }
      else if (b != 0)
        {
          *o++ = b;
        }
      else
        {
          o += g_unichar_to_utf8 (0xfffd, o);
          (*n_invalid)++;
        }
    }

  *o = '\0';

  return out;
}

/* The byte Windows-1252 (or Latin-1, for the C1 controls) shows as @c, or -1 */
static int
cp1252_byte_for (gunichar c)
{
  if (c < 0x100)
    return c;

  for (guint b = 0x80; b < 0xa0; b++)
    {
      if (cp1252_table[b] == c)
        return b;
    }

  return -1;
}

static int
cp1252_byte_at (const char *p,
                const char *end,
                gsize      *length)
{
  gunichar c;

  if ((guchar) *p < 0x80)
    {
      *length = 1;
      return (guchar) *p;
    }

  c = g_utf8_get_char_validated (p, end - p);
  if (c >= 0x110000)
    {
      *length = 1;
      return -1;
    }

  *length = g_utf8_next_char (p) - p;

  return cp1252_byte_for (c);
}

static gboolean
is_repair_boundary (const char *p,
                    const char *end)
{
  guchar c;

  if (p >= end)
    return TRUE;

  c = *p;

  return c < 0x80 && (g_ascii_isspace (c) || g_ascii_ispunct (c));
}

/* Latin-1 punctuation that ends words in real text: NBSP ¡ « » ¿ */
static gboolean
is_word_final_punct (int b)
{
  return b == 0xa0 || b == 0xa1 || b == 0xab || b == 0xbb || b == 0xbf;
}

static gboolean
is_word_char_at (const char *p,
                 const char *end)
{
  gunichar c;

  if (p >= end)
    return FALSE;

  c = g_utf8_get_char_validated (p, end - p);

  return c < 0x110000 && g_unichar_isalnum (c);
}

/* At @p, a character U+00C2..U+00F4 (always encoded C3 82..C3 B4): if it and the next
 * characters are the Windows-1252 reading of one UTF-8 character, append that to @out.
 */
static gboolean
repair_at (const char **pp,
           const char  *end,
           GString     *out)
{
  const char *p = *pp;
  const char *q;
  guint8 bytes[4];
  guint8 lead;
  guint n_cont;
  guint k;

  if (end - p < 3 || (guchar) p[1] < 0x82 || (guchar) p[1] > 0xb4)
    return FALSE;

  lead = 0xc0 + ((guchar) p[1] - 0x80);
  n_cont = lead < 0xe0 ? 1 : lead < 0xf0 ? 2 : 3;
  bytes[0] = lead;
  q = p + 2;

  for (k = 0; k < n_cont && q < end; k++)
    {
      gsize length;
      int b = cp1252_byte_at (q, end, &length);

      if (b < 0x80 || b > 0xbf)
        break;

      bytes[k + 1] = (guint8) b;
      q += length;
    }

  if (k == n_cont)
    {
      gunichar c = g_utf8_get_char_validated ((const char *) bytes, n_cont + 1);
      gboolean plausible = c < 0x110000 && c >= 0x80;

      /* "été »", "voilà »", "« ÉTÉ »": a real accented letter before French spacing or
       * a guillemet is not mojibake. Â and Ã are the leads mojibake is made of; keep them.
       */
      if (n_cont > 1 && bytes[1] == 0xa0)
        plausible = FALSE;
      else if (n_cont == 1 && lead != 0xc2 && lead != 0xc3 &&
               is_word_final_punct (bytes[1]) && !is_word_char_at (q, end))
        plausible = FALSE;

      if (plausible)
        {
          g_string_append_len (out, (const char *) bytes, n_cont + 1);
          *pp = q;
          return TRUE;
        }
    }

  /* "â€" is E2 80, the head of every general punctuation character; its last byte got lost */
  if (lead == 0xe2 && end - p >= 5 && memcmp (p + 2, "\xe2\x82\xac", 3) == 0)
    {
      q = p + 5;

      /* ” of — (E2 80 94) or “ of – (E2 80 93) straightened later: a dash */
      if (q < end && *q == '"')
        {
          g_string_append (out, "\xe2\x80\x94");
          *pp = q + 1;
          return TRUE;
        }

      if (q < end && *q == '\'')
        {
          g_string_append (out, "\xe2\x80\x99");
          *pp = q + 1;
          return TRUE;
        }

      /* 0x9D, undefined in Windows-1252, was dropped from ” (E2 80 9D) */
      if (is_repair_boundary (q, end))
        {
          g_string_append (out, "\xe2\x80\x9d");
          *pp = q;
          return TRUE;
        }
    }

  /* "Â " is C2 A0, a no-break space, whose A0 was later made a plain space */
  if (lead == 0xc2 && p[2] == ' ')
    {
      g_string_append_c (out, ' ');
      *pp = p + 3;
      return TRUE;
    }

  return FALSE;
}

static char *
repair_pass (const char *text,
             gsize       length,
             guint      *n_repaired)
{
  GString *out = g_string_sized_new (length + 1);
  const char *p = text;
  const char *end = text + length;

  while (p < end)
    {
      const char *lead = memchr (p, 0xc3, end - p);

      if (lead == NULL)
        {
          g_string_append_len (out, p, end - p);
          break;
        }

      g_string_append_len (out, p, lead - p);
      p = lead;

      if (repair_at (&p, end, out))
        {
          (*n_repaired)++;
        }
      else
        {
          g_string_append_c (out, *p);
          p++;
        }
    }

  return g_string_free (out, FALSE);
}

/* Repairs @text, consuming it; returns it as it is when there is nothing to repair */
static char *
repair_take (char  *text,
             guint *n_repaired)
{
  gsize length = strlen (text);

  *n_repaired = 0;

  for (guint pass = 0; pass < MAX_REPAIR_PASSES; pass++)
    {
      guint n = 0;
      char *next;

      if (memchr (text, 0xc3, length) == NULL)
        break;

      next = repair_pass (text, length, &n);
      g_free (text);
      text = next;

      if (n == 0)
        break;

      *n_repaired += n;
      length = strlen (text);
    }

  return text;
}

/**
 * desk_decode_repair_mojibake:
 * @text: UTF-8 text
 * @n_repaired: (out) (optional): where to store the number of repairs
 *
 * Repairs UTF-8 that was once read as Windows-1252 or Latin-1 and written out again:
 * "â€™" becomes "’", "Ã©" "é", "Â" and a no-break space a no-break space, and the damaged
 * forms a later clean-up leaves: "â€" with a straight double quote becomes an em dash, with
 * a straight single quote "’", and before a space, punctuation or the end "”"; "Â " becomes
 * a space. A sequence is only replaced when it spells one valid non-ASCII UTF-8 character,
 * so real accented text ("âge", "Ãlvaro", "voilà »") stays as it is. Text encoded twice is
 * repaired by repeating the pass, up to three times.
 *
 * Returns: (transfer full): the repaired text
 */
char *
desk_decode_repair_mojibake (const char *text,
                             guint      *n_repaired)
{
  guint n = 0;
  char *result;

  g_return_val_if_fail (text != NULL, NULL);

  result = repair_take (g_strdup (text), &n);

  if (n_repaired != NULL)
    *n_repaired = n;

  return result;
}

/* Bytes desk_decode_normalize_space() looks at: spaces, C0 controls, DEL, and the lead bytes
 * of the special spaces (C2, E2, EF). Everything else is copied as it is.
 */
static const guint8 normalize_special[256] = {
  1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
  1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
  1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1,
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
  0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
  0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1,
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
};

#define is_normalize_special(c) (normalize_special[(guchar) (c)] != 0)

/* Characters of combining class 0 that compose with the character before them (Indic
 * two-part vowel signs and length marks); Hangul jamo are tested apart. */
static const gunichar composing_starters[] = {
  0x09BE, 0x09D7, 0x0B3E, 0x0B56, 0x0B57, 0x0BBE, 0x0BD7, 0x0C56, 0x0CC2, 0x0CD5, 0x0CD6,
  0x0D3E, 0x0D57, 0x0DCF, 0x0DDF, 0x102E, 0x1B35,
};

/* Whether @c may change under NFC, with what is around it: combining marks, jamo and the
 * characters above, and those NFC replaces (singletons such as U+212B, and compositions
 * it excludes such as U+0958). */
static gboolean
needs_composing (gunichar c)
{
  gunichar a, b, again;

  if (g_unichar_combining_class (c) != 0 || (c >= 0x1100 && c <= 0x11FF))
    return TRUE;
  if (c >= 0xAC00 && c <= 0xD7A3)
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (composing_starters); i++)
    if (c == composing_starters[i])
      return TRUE;
  if (!g_unichar_decompose (c, &a, &b))
    return FALSE;

  return b == 0 || !g_unichar_compose (a, b, &again) || again != c;
}

/* Longest piece given to g_utf8_normalize() at once: it slows down badly on long text. */
#define COMPOSE_PIECE 256

/* Appends @run composed. Long runs are cut before a character that starts a new
 * combining sequence (class 0, composing with nothing before it). */
static void
compose_run (GString    *out,
             const char *run,
             gsize       length)
{
  const char *end = run + length;

  while (run < end)
    {
      const char *cut = end;
      g_autofree char *composed = NULL;

      if (end - run > COMPOSE_PIECE)
        {
          const char *q = run + COMPOSE_PIECE / 2;

          /* From a character's first byte on */
          while (q < end && ((guchar) *q & 0xc0) == 0x80)
            q++;
          while (q < end && q - run < COMPOSE_PIECE && needs_composing (g_utf8_get_char (q)))
            q = g_utf8_next_char (q);
          cut = q < end ? q : end;
        }

      composed = g_utf8_normalize (run, cut - run, G_NORMALIZE_NFC);
      if (composed != NULL)
        g_string_append (out, composed);
      else
        g_string_append_len (out, run, cut - run);
      run = cut;
    }
}

/* @text in Unicode NFC, or NULL when it is already. Only the runs of non-ASCII text that
 * hold a character that may change (with the ASCII letter before them) are composed. */
static char *
compose_text (const char *text,
              gsize       length)
{
  GString *out = NULL;
  const char *end = text + length;
  const char *copied = text;
  const char *p = text;

  while (p < end)
    {
      const char *run;
      const char *q;
      gboolean needs = FALSE;

      if ((guchar) *p < 0x80)
        {
          guint64 w;

          /* ASCII eight bytes at a time */
          while (end - p >= 8 && (memcpy (&w, p, 8), (w & G_GUINT64_CONSTANT (0x8080808080808080)) == 0))
            p += 8;
          if (p < end && (guchar) *p < 0x80)
            p++;
          continue;
        }

      run = p > text ? p - 1 : p;
      for (q = p; q < end && (guchar) *q >= 0x80; q = g_utf8_next_char (q))
        if (!needs && needs_composing (g_utf8_get_char (q)))
          needs = TRUE;
      if (q > end)
        q = end;

      if (needs)
        {
          if (out == NULL)
            out = g_string_sized_new (length + 16);
          g_string_append_len (out, copied, run - copied);
          compose_run (out, run, q - run);
          copied = q;
        }
      p = q;
    }

  if (out == NULL)
    return NULL;

  g_string_append_len (out, copied, end - copied);
  return g_string_free (out, FALSE);
}

/**
 * desk_decode_normalize_space:
 * @text: UTF-8 text
 *
 * Composes the text (Unicode NFC, so that the same words typed precomposed or with
 * combining accents are the same bytes), makes line ends "\n" (CRLF, lone CR, form feed and
 * NEL alike; U+2028 is a line end, U+2029 a paragraph end), turns no-break and fixed-width
 * spaces (U+00A0, U+2000–U+200A, U+202F) into plain spaces, removes zero-width spaces
 * (U+200B, U+2060, U+FEFF), soft hyphens, DEL and C0 controls other than tab and newline,
 * and strips spaces at the ends of lines. Zero-width joiners and non-joiners (U+200C,
 * U+200D) are kept: Persian spelling and emoji sequences need them. Runs of spaces inside
 * a line, quotes and dashes are kept as written.
 *
 * Returns: (transfer full): the normalised text
 */
char *
desk_decode_normalize_space (const char *text)
{
  g_autofree char *composed = NULL;
  const guchar *p;
  const guchar *end;
  gsize length;
  gsize pending = 0;
  char *out;
  char *o;

  g_return_val_if_fail (text != NULL, NULL);

  length = strlen (text);

  composed = compose_text (text, length);
  if (composed != NULL)
    {
      text = composed;
      length = strlen (text);
    }

  p = (const guchar *) text;
  end = p + length;
  out = g_malloc (length + 1);
  o = out;

#define FLUSH_SPACES() \
  G_STMT_START { \
    if (pending > 0) \
      { \
        memset (o, ' ', pending); \
        o += pending; \
        pending = 0; \
      } \
  } G_STMT_END

  while (p < end)
    {
      guchar c = *p;

      if (G_LIKELY (!is_normalize_special (c)))
        {
          FLUSH_SPACES ();

          /* stops at the latest at the terminating NUL, which is special. A single space
           * between words is copied here too: it is kept whatever follows it. */
          do
            {
              *o++ = c;
              c = *++p;
              if (c == ' ' && !is_normalize_special (p[1]))
                {
                  *o++ = ' ';
                  c = *++p;
                }
            }
          while (!is_normalize_special (c));
        }
      else if (c == ' ')
        {
          pending++;
          p++;
        }
      else if (c == '\n' || c == '\r' || c == '\f')
        {
          pending = 0;
          *o++ = '\n';
          if (c == '\r' && p + 1 < end && p[1] == '\n')
            p++;
          p++;
        }
      else if (c == '\t')
        {
          FLUSH_SPACES ();
          *o++ = '\t';
          p++;
        }
      else if (c < 0x80)
        {
          /* other C0 controls and DEL */
          p++;
        }
      else if (c == 0xc2 && end - p >= 2 && p[1] == 0x85)
        {
          /* NEL, the line end of EBCDIC text */
          pending = 0;
          *o++ = '\n';
          p += 2;
        }
      else if (c == 0xc2 && end - p >= 2 && (p[1] == 0xa0 || p[1] == 0xad))
        {
          if (p[1] == 0xa0)
            pending++;
          p += 2;
        }
      else if (c == 0xe2 && end - p >= 3 && p[1] == 0x80 &&
               ((p[2] >= 0x80 && p[2] <= 0x8b) || p[2] == 0xa8 || p[2] == 0xa9 ||
                p[2] == 0xaf))
        {
          if (p[2] <= 0x8a || p[2] == 0xaf)
            {
              pending++;
            }
          else if (p[2] == 0xa8 || p[2] == 0xa9)
            {
              pending = 0;
              *o++ = '\n';
              if (p[2] == 0xa9)
                *o++ = '\n';
            }
          p += 3;
        }
      else if ((c == 0xe2 && end - p >= 3 && p[1] == 0x81 && p[2] == 0xa0) ||
               (c == 0xef && end - p >= 3 && p[1] == 0xbb && p[2] == 0xbf))
        {
          p += 3;
        }
      else
        {
          FLUSH_SPACES ();
          *o++ = c;
          p++;
        }
    }

#undef FLUSH_SPACES

  *o = '\0';

  return out;
}

/**
 * desk_decode_looks_binary:
 * @data: (array length=length): raw bytes
 * @length: length of @data
 *
 * Tells binary data from text: known file signatures (PNG, JPEG, GIF, PDF, ZIP, old Office,
 * ELF, gzip), NUL bytes in text that is not UTF-16, or too many control characters. The
 * controls of agency wire formats (SOH, STX, ETX, EOT, SYN, RS, US, VT, DEL and the like)
 * are tolerated in the numbers teletype copy has them.
 *
 * Returns: %TRUE if @data does not look like text
 */
gboolean
desk_decode_looks_binary (const guint8 *data,
                          gsize         length)
{
  const char *what;

  g_return_val_if_fail (data != NULL || length == 0, FALSE);

  return sniff_binary (data, length, &what);
}

static gboolean
is_blank (const char *text)
{
  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p != ' ' && *p != '\t' && *p != '\n')
        return FALSE;
    }

  return TRUE;
}

/* ---- Non-Latin legacy encodings ------------------------------------------------------ */

/* The name an editor knows an encoding by, for the iconv name detection gives. */
static const char *
legacy_display_name (const char *encoding)
{
  static const struct { const char *iconv; const char *shown; } names[] = {
    { "SHIFT_JIS", "Shift-JIS" }, { "WINDOWS-1251", "Windows-1251" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (g_str_equal (encoding, names[i].iconv))
      return names[i].shown;

  return encoding;
}

/* What share of the characters of @utf8 beyond ASCII @in_script accepts, in percent. */
static guint
script_share (const char *utf8,
              gboolean  (*in_script) (gunichar c))
{
  gsize n = 0;
  gsize hits = 0;

  for (const char *p = utf8; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c < 0x80)
        continue;
      n++;
      if (in_script (c))
        hits++;
    }

  return n > 0 ? (guint)(hits * 100 / n) : 0;
}

static gboolean
is_kana (gunichar c)
{
  return c >= 0x3040 && c <= 0x30ff;
}

static gboolean
is_japanese (gunichar c)
{
  return is_kana (c) || (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3000 && c <= 0x303f) ||
         (c >= 0xff00 && c <= 0xffef);
}

static gboolean
is_chinese (gunichar c)
{
  return (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3000 && c <= 0x303f) ||
         (c >= 0xff00 && c <= 0xffef) || c == 0x2014 || c == 0x201c || c == 0x201d;
}

static gboolean
is_lower_cyrillic (gunichar c)
{
  return (c >= 0x0430 && c <= 0x044f) || c == 0x0451;
}

static char *
convert_strictly (const guint8 *data,
                  gsize         length,
                  const char   *encoding)
{
  return g_convert ((const char *) data, length, "UTF-8", encoding, NULL, NULL, NULL);
}

/* Text that is not UTF-8 is read as Windows-1252 unless its bytes say otherwise: in Western
 * text the bytes past ASCII are accented letters and punctuation, one at a time between
 * ASCII letters; Russian, Japanese or Chinese text is made of runs of them. Such text is
 * tried, strictly, as Shift-JIS and EUC-JP (mostly kana and kanji), GB18030 (mostly
 * ideographs), then Windows-1251 and KOI8-R (mostly lower-case Cyrillic: the one of the
 * two that reads the text in lower case). Returns the encoding, or NULL for Windows-1252. */
static const char *
detect_non_latin_legacy (const guint8 *data,
                         gsize         length)
{
  static const struct { const char *encoding; gboolean (*in_script) (gunichar); guint min; } cjk[] = {
    { "SHIFT_JIS", is_japanese, 90 }, { "CP932", is_japanese, 90 },
    { "EUC-JP", is_japanese, 90 }, { "GB18030", is_chinese, 90 },
  };
  gsize high = 0;
  gsize runs = 0;
  gsize letters = 0;
  guint best_lower = 0;
  const char *best = NULL;

  for (gsize i = 0; i < length; i++)
    {
      if (data[i] >= 0x80)
        {
          high++;
          if (i == 0 || data[i - 1] < 0x80)
            runs++;
        }
      if (data[i] >= 0x80 || g_ascii_isalpha (data[i]))
        letters++;
    }

  /* Enough to go by (a dozen letters at least), in runs of at least three bytes on
   * average, and a third of the letters. */
  if (high < 24 || high < runs * 3 || high * 3 < letters)
    return NULL;

  for (guint i = 0; i < G_N_ELEMENTS (cjk); i++)
    {
      g_autofree char *utf8 = convert_strictly (data, length, cjk[i].encoding);

      if (utf8 == NULL || script_share (utf8, cjk[i].in_script) < cjk[i].min)
        continue;
      /* Japanese has kana; text that is all ideographs is Chinese. */
      if (cjk[i].in_script == is_japanese && script_share (utf8, is_kana) < 10)
        continue;
      return g_str_equal (cjk[i].encoding, "CP932") ? "SHIFT_JIS" : cjk[i].encoding;
    }

  for (guint i = 0; i < 2; i++)
    {
      const char *encoding = i == 0 ? "WINDOWS-1251" : "KOI8-R";
      g_autofree char *utf8 = convert_strictly (data, length, encoding);
      guint lower = utf8 != NULL ? script_share (utf8, is_lower_cyrillic) : 0;

      if (lower >= 60 && lower > best_lower)
        {
          best = encoding;
          best_lower = lower;
        }
    }

  return best;
}

/**
 * desk_decode_bytes:
 * @bytes: the raw bytes of a story, as read from a file or pasted
 * @error: return location for a #DESK_ERROR
 *
 * Decodes @bytes to UTF-8, whatever they were written in: UTF-8 (with or without a byte
 * order mark), UTF-32 or UTF-16 of either byte order (with or without one), Shift-JIS,
 * EUC-JP, GB18030, Windows-1251 or KOI8-R when the bytes say so (detect_non_latin_legacy()),
 * or Windows-1252. UTF-8
 * with a few invalid bytes stays UTF-8, each such byte becoming U+FFFD. The text is then
 * repaired with desk_decode_repair_mojibake() and normalised with
 * desk_decode_normalize_space().
 *
 * Fails with %DESK_ERROR_EMPTY when there is no text but white space, and with
 * %DESK_ERROR_BINARY when the bytes are not text at all.
 *
 * Returns: (transfer full): the decoded text, or %NULL with @error set
 */
DeskDecoded *
desk_decode_bytes (GBytes  *bytes,
                   GError **error)
{
  g_autoptr(DeskDecoded) decoded = NULL;
  g_autofree char *raw = NULL;
  const guint8 *data;
  const char *what;
  gsize length;
  gsize bom_length;
  gboolean big_endian;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  data = g_bytes_get_data (bytes, &length);

  if (length == 0)
    {
      g_set_error_literal (error, DESK_ERROR, DESK_ERROR_EMPTY, _("The file is empty"));
      return NULL;
    }

  if (sniff_binary (data, length, &what))
    {
      if (what != NULL)
        g_set_error (error, DESK_ERROR, DESK_ERROR_BINARY,
                     _("The file looks like binary data (%s), not text"), _(what));
      else
        g_set_error_literal (error, DESK_ERROR, DESK_ERROR_BINARY,
                             _("The file looks like binary data, not text"));
      return NULL;
    }

  decoded = g_new0 (DeskDecoded, 1);

  if (length >= 3 && memcmp (data, "\xef\xbb\xbf", 3) == 0)
    {
      guint n_invalid;
      gsize n_multibyte;

      /* the mark says UTF-8: stray bytes become U+FFFD however many there are */
      scan_utf8 ((const char *) data + 3, length - 3, G_MAXSIZE, &n_invalid, &n_multibyte);
      raw = decode_utf8_lossy ((const char *) data + 3, length - 3, n_invalid);
      decoded->n_invalid = n_invalid;
      decoded->encoding = "UTF-8 with BOM";
    }
  else if (detect_utf32 (data, length, &big_endian, &bom_length))
    {
      raw = decode_utf32 (data + bom_length, length - bom_length, big_endian,
                          &decoded->n_invalid);
      decoded->encoding = big_endian ? "UTF-32BE" : "UTF-32LE";
    }
  else if (detect_utf16 (data, length, &big_endian, &bom_length))
    {
      raw = decode_utf16 (data + bom_length, length - bom_length, big_endian,
                          &decoded->n_invalid);
      decoded->encoding = big_endian ? "UTF-16BE" : "UTF-16LE";
    }
  else if (utf8_validate_fast (data, length))
    {
      raw = g_strndup ((const char *) data, length);
      decoded->encoding = "UTF-8";
    }
  else
    {
      guint n_invalid;
      gsize n_multibyte;

      /* UTF-8 with a few damaged bytes (under one in 200), or a legacy 8-bit encoding? */
      scan_utf8 ((const char *) data, length, length / 200, &n_invalid, &n_multibyte);

      if (n_multibyte > n_invalid && (gsize) n_invalid * 200 < length)
        {
          raw = decode_utf8_lossy ((const char *) data, length, n_invalid);
          decoded->n_invalid = n_invalid;
          decoded->encoding = "UTF-8";
        }
      else
        {
          const char *legacy = detect_non_latin_legacy (data, length);

          if (legacy != NULL)
            raw = g_convert ((const char *) data, length, "UTF-8", legacy, NULL, NULL, NULL);
          if (raw != NULL)
            decoded->encoding = legacy_display_name (legacy);
          else
            {
              raw = decode_cp1252 (data, length, &decoded->n_invalid);
              decoded->encoding = "Windows-1252";
            }
        }
    }

  raw = repair_take (g_steal_pointer (&raw), &decoded->n_repaired);
  decoded->text = desk_decode_normalize_space (raw);
  decoded->length = strlen (decoded->text);

  if (is_blank (decoded->text))
    {
      g_set_error_literal (error, DESK_ERROR, DESK_ERROR_EMPTY,
                           _("The file has no text, only white space"));
      return NULL;
    }

  return g_steal_pointer (&decoded);
}

/**
 * desk_decoded_free:
 * @decoded: (nullable): a #DeskDecoded
 *
 * Frees @decoded and its text.
 */
void
desk_decoded_free (DeskDecoded *decoded)
{
  if (decoded == NULL)
    return;

  g_free (decoded->text);
  g_free (decoded);
}
