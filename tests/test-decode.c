/* test-decode.c: tests for desk-decode
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "desk-decode.h"
#include "desk-types.h"

/* Decodes @length bytes of @data (-1: a C string), expecting success */
static DeskDecoded *
decode_ok (const char *data,
           gssize      length)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  DeskDecoded *decoded;

  if (length < 0)
    length = strlen (data);

  bytes = g_bytes_new (data, length);
  decoded = desk_decode_bytes (bytes, &error);
  g_assert_no_error (error);
  g_assert_nonnull (decoded);
  g_assert_true (g_utf8_validate (decoded->text, -1, NULL));
  g_assert_cmpuint (decoded->length, ==, strlen (decoded->text));

  return decoded;
}

static void
assert_decodes_to (const char *data,
                   gssize      length,
                   const char *expected_text,
                   const char *expected_encoding)
{
  g_autoptr(DeskDecoded) decoded = decode_ok (data, length);

  g_assert_cmpstr (decoded->text, ==, expected_text);
  g_assert_cmpstr (decoded->encoding, ==, expected_encoding);
}

static void
assert_decode_fails (const char *data,
                     gsize       length,
                     DeskError   code)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, length);
  g_autoptr(GError) error = NULL;
  g_autoptr(DeskDecoded) decoded = desk_decode_bytes (bytes, &error);

  g_assert_null (decoded);
  g_assert_error (error, DESK_ERROR, (int) code);
  g_assert_nonnull (error->message);
  g_assert_cmpstr (error->message, !=, "");
}

static void
assert_repairs_to (const char *text,
                   const char *expected,
                   guint       expected_repairs)
{
  g_autofree char *repaired = NULL;
  guint n_repaired = 12345;

  repaired = desk_decode_repair_mojibake (text, &n_repaired);
  g_assert_cmpstr (repaired, ==, expected);
  g_assert_cmpuint (n_repaired, ==, expected_repairs);
}

static void
assert_normalizes_to (const char *text,
                      const char *expected)
{
  g_autofree char *normalized = desk_decode_normalize_space (text);

  g_assert_cmpstr (normalized, ==, expected);
}

/* UTF-8 */

static void
test_utf8_plain (void)
{
  g_autoptr(DeskDecoded) decoded = NULL;

  assert_decodes_to ("Hello, world\n", -1, "Hello, world\n", "UTF-8");

  decoded = decode_ok ("Caf\xc3\xa9 \xe2\x80\x9cna\xc3\xafve\xe2\x80\x9d \xe2\x80\x94 "
                       "\xe2\x80\x98ok\xe2\x80\x99 \xf0\x9f\x98\x80", -1);
  /* typographic quotes and dashes stay as they are */
  g_assert_cmpstr (decoded->text, ==,
                   "Caf\xc3\xa9 \xe2\x80\x9cna\xc3\xafve\xe2\x80\x9d \xe2\x80\x94 "
                   "\xe2\x80\x98ok\xe2\x80\x99 \xf0\x9f\x98\x80");
  g_assert_cmpstr (decoded->encoding, ==, "UTF-8");
  g_assert_cmpuint (decoded->n_invalid, ==, 0);
  g_assert_cmpuint (decoded->n_repaired, ==, 0);
}

static void
test_utf8_bom (void)
{
  g_autoptr(DeskDecoded) decoded = NULL;

  assert_decodes_to ("\xef\xbb\xbf" "Caf\xc3\xa9\n", -1, "Caf\xc3\xa9\n", "UTF-8 with BOM");

  /* with the mark, stray bytes are U+FFFD however many there are */
  decoded = decode_ok ("\xef\xbb\xbf" "a\xff" "b\xfe", -1);
  g_assert_cmpstr (decoded->text, ==, "a\xef\xbf\xbd" "b\xef\xbf\xbd");
  g_assert_cmpstr (decoded->encoding, ==, "UTF-8 with BOM");
  g_assert_cmpuint (decoded->n_invalid, ==, 2);
}

static void
test_utf8_invalid (void)
{
  g_autoptr(GString) input = g_string_new (NULL);
  g_autoptr(GString) expected = g_string_new (NULL);
  g_autoptr(DeskDecoded) decoded = NULL;

  /* Much real UTF-8 with two bad bytes: stays UTF-8, each bad byte one U+FFFD */
  for (guint i = 0; i < 20; i++)
    {
      g_string_append (input, "Fran\xc3\xa7ois Hollande met Vladimir Putin in Moscow. ");
      g_string_append (expected, "Fran\xc3\xa7ois Hollande met Vladimir Putin in Moscow. ");
    }
  g_string_append (input, "Bad \xff byte and a cut \xe2\x80 sequence.");
  g_string_append (expected, "Bad \xef\xbf\xbd byte and a cut \xef\xbf\xbd\xef\xbf\xbd sequence.");

  decoded = decode_ok (input->str, input->len);
  g_assert_cmpstr (decoded->encoding, ==, "UTF-8");
  g_assert_cmpuint (decoded->n_invalid, ==, 3);
  g_assert_cmpstr (decoded->text, ==, expected->str);
}

/* UTF-16 */

static void
test_utf16_le_bom (void)
{
  /* BOM, "Caf", é, " ", “, "x", ”, 😀 (surrogate pair), "\r\n" */
  static const char data[] =
    "\xff\xfe" "C\0a\0f\0\xe9\0 \0\x1c\x20x\0\x1d\x20\x3d\xd8\x00\xde\r\0\n\0";
  g_autoptr(DeskDecoded) decoded = decode_ok (data, sizeof data - 1);

  g_assert_cmpstr (decoded->encoding, ==, "UTF-16LE");
  g_assert_cmpstr (decoded->text, ==,
                   "Caf\xc3\xa9 \xe2\x80\x9cx\xe2\x80\x9d\xf0\x9f\x98\x80\n");
  g_assert_cmpuint (decoded->n_invalid, ==, 0);
}

static void
test_utf16_be_bom (void)
{
  static const char data[] = "\xfe\xff" "\0C\0a\0f\0\xe9\0 \x20\x14\0x";
  g_autoptr(DeskDecoded) decoded = decode_ok (data, sizeof data - 1);

  g_assert_cmpstr (decoded->encoding, ==, "UTF-16BE");
  g_assert_cmpstr (decoded->text, ==, "Caf\xc3\xa9 \xe2\x80\x94x");
}

static void
test_utf16_le_nobom (void)
{
  static const char data[] = "H\0e\0l\0l\0o\0,\0 \0w\0o\0r\0l\0d\0\n\0";

  assert_decodes_to (data, sizeof data - 1, "Hello, world\n", "UTF-16LE");
}

static void
test_utf16_be_nobom (void)
{
  static const char data[] = "\0H\0e\0l\0l\0o\0,\0 \0w\0o\0r\0l\0d\0\n";

  assert_decodes_to (data, sizeof data - 1, "Hello, world\n", "UTF-16BE");
}

static void
test_utf16_invalid (void)
{
  /* a lone high surrogate, a lone low surrogate and an odd last byte */
  static const char data[] = "\xff\xfe" "a\0\x00\xd8" "b\0\x00\xdc" "c\0d";
  g_autoptr(DeskDecoded) decoded = decode_ok (data, sizeof data - 1);

  g_assert_cmpstr (decoded->encoding, ==, "UTF-16LE");
  g_assert_cmpstr (decoded->text, ==,
                   "a\xef\xbf\xbd" "b\xef\xbf\xbd" "c\xef\xbf\xbd");
  g_assert_cmpuint (decoded->n_invalid, ==, 3);
}

/* Windows-1252 */

static void
test_cp1252 (void)
{
  g_autoptr(DeskDecoded) decoded = NULL;

  assert_decodes_to ("caf\xe9", -1, "caf\xc3\xa9", "Windows-1252");
  assert_decodes_to ("\x93quoted\x94", -1, "\xe2\x80\x9cquoted\xe2\x80\x9d", "Windows-1252");
  assert_decodes_to ("It\x92s 5\x80 \x96 \x85", -1,
                     "It\xe2\x80\x99s 5\xe2\x82\xac \xe2\x80\x93 \xe2\x80\xa6", "Windows-1252");

  /* the five undefined bytes survive as C1 controls */
  decoded = decode_ok ("x\x81\x8d\x8f\x90\x9dy", -1);
  g_assert_cmpstr (decoded->encoding, ==, "Windows-1252");
  g_assert_cmpstr (decoded->text, ==, "x\xc2\x81\xc2\x8d\xc2\x8f\xc2\x90\xc2\x9dy");
  g_assert_cmpuint (decoded->n_invalid, ==, 0);
}

static void
test_cp1252_mostly_ascii (void)
{
  g_autoptr(GString) input = g_string_new (NULL);
  g_autoptr(DeskDecoded) decoded = NULL;

  /* One Latin-1 byte in a long ASCII text has no UTF-8 around it: not UTF-8 */
  for (guint i = 0; i < 100; i++)
    g_string_append (input, "The quick brown fox jumps over the lazy dog. ");
  g_string_append (input, "Se\xf1or.");

  decoded = decode_ok (input->str, input->len);
  g_assert_cmpstr (decoded->encoding, ==, "Windows-1252");
  g_assert_true (g_str_has_suffix (decoded->text, "Se\xc3\xb1or."));
  g_assert_cmpuint (decoded->n_invalid, ==, 0);
}

/* Mojibake */

static void
test_mojibake_forms (void)
{
  assert_repairs_to ("It\xc3\xa2\xe2\x82\xac\xe2\x84\xa2s", "It\xe2\x80\x99s", 1);
  assert_repairs_to ("\xc3\xa2\xe2\x82\xac\xc5\x93quoted\xc3\xa2\xe2\x82\xac\xc2\x9d",
                     "\xe2\x80\x9cquoted\xe2\x80\x9d", 2);
  assert_repairs_to ("caf\xc3\x83\xc2\xa9", "caf\xc3\xa9", 1);
  assert_repairs_to ("a \xc3\xa2\xe2\x82\xac\xe2\x80\x9d b", "a \xe2\x80\x94 b", 1);
  assert_repairs_to ("a \xc3\xa2\xe2\x82\xac\xe2\x80\x9c b", "a \xe2\x80\x93 b", 1);
  assert_repairs_to ("wait\xc3\xa2\xe2\x82\xac\xc2\xa6", "wait\xe2\x80\xa6", 1);
  /* "Â" and a no-break space is a no-break space */
  assert_repairs_to ("50\xc3\x82\xc2\xa0km", "50\xc2\xa0km", 1);
  /* Latin-1 reading: C1 controls instead of Windows-1252 punctuation */
  assert_repairs_to ("It\xc3\xa2\xc2\x80\xc2\x99s", "It\xe2\x80\x99s", 1);
  /* Cyrillic, Polish, and the byte order mark read as Windows-1252 */
  assert_repairs_to ("\xc3\x90\xc5\xb8\xc3\x91\xe2\x82\xac\xc3\x90\xc2\xb8", "\xd0\x9f\xd1\x80\xd0\xb8", 3);
  assert_repairs_to ("\xc3\x85\xe2\x80\x9a\xc3\xb3" "d\xc3\x85\xc2\xba", "\xc5\x82\xc3\xb3" "d\xc5\xba", 2);
  assert_repairs_to ("\xc3\xaf\xc2\xbb\xc2\xbfHi", "\xef\xbb\xbfHi", 1);
  /* "Ê»" inside a word is the Hawaiian okina, not a guillemet */
  assert_repairs_to ("Hawai\xc3\x8a\xc2\xbbi", "Hawai\xca\xbbi", 1);
}

static void
test_mojibake_damaged (void)
{
  /* the desk's real case: "â€" and a straight double quote where an em dash stood */
  assert_repairs_to ("selecting targets \xc3\xa2\xe2\x82\xac\" two days after",
                     "selecting targets \xe2\x80\x94 two days after", 1);
  assert_repairs_to ("don\xc3\xa2\xe2\x82\xac't", "don\xe2\x80\x99t", 1);
  /* the 0x9D of ” dropped */
  assert_repairs_to ("\xc3\xa2\xe2\x82\xac\xc5\x93Yes\xc3\xa2\xe2\x82\xac, he said",
                     "\xe2\x80\x9cYes\xe2\x80\x9d, he said", 2);
  assert_repairs_to ("\xc3\xa2\xe2\x82\xac\xc5\x93Yes\xc3\xa2\xe2\x82\xac",
                     "\xe2\x80\x9cYes\xe2\x80\x9d", 2);
  assert_repairs_to ("\xc3\xa2\xe2\x82\xac\xc5\x93Yes\xc3\xa2\xe2\x82\xac\n",
                     "\xe2\x80\x9cYes\xe2\x80\x9d\n", 2);
  /* "Â " whose no-break space became a plain space */
  assert_repairs_to ("50\xc3\x82 km", "50 km", 1);
  /* "â€" before a letter is left: nothing says which character it was */
  assert_repairs_to ("\xc3\xa2\xe2\x82\xac" "abc", "\xc3\xa2\xe2\x82\xac" "abc", 0);
}

static void
test_mojibake_double (void)
{
  /* ’ encoded twice: "Ã¢â‚¬â„¢" */
  assert_repairs_to ("It\xc3\x83\xc2\xa2\xc3\xa2\xe2\x80\x9a\xc2\xac\xc3\xa2\xe2\x80\x9e\xc2\xa2s",
                     "It\xe2\x80\x99s", 4);
  /* é encoded twice: "ÃƒÂ©" */
  assert_repairs_to ("caf\xc3\x83\xc6\x92\xc3\x82\xc2\xa9", "caf\xc3\xa9", 3);
}

static void
test_mojibake_legit (void)
{
  static const char *legit[] = {
    "\xc3\x83lvaro",                                  /* Ãlvaro */
    "l'\xc3\xa2ge d'or",                              /* l'âge d'or */
    "S\xc3\x83O PAULO",                               /* SÃO PAULO */
    "voil\xc3\xa0\xc2\xa0\xc2\xbb",                   /* voilà » with a no-break space */
    "\xc2\xab\xc2\xa0\xc3\x89T\xc3\x89\xc2\xa0\xc2\xbb", /* « ÉTÉ » */
    "l'\xc3\xa9t\xc3\xa9\xc2\xa0\xc2\xbb.",           /* l'été ». */
    "\xc2\xab\xc3\x89T\xc3\x89\xc2\xbb",              /* «ÉTÉ» */
    "\xc3\x89T\xc3\x89\xc2\xa0!",                     /* ÉTÉ ! */
    "na\xc3\xafve caf\xc3\xa9 \xc3\xa0 la cr\xc3\xa8me",
    "Stra\xc3\x9f" "e, \xc3\x96l, \xc3\x84rger, \xc3\x9c" "ber",
    "M\xc3\xbcnchen \xe2\x80\x94 \xe2\x80\x9cquoted\xe2\x80\x9d \xe2\x80\x93 it\xe2\x80\x99s",
    "\xc3\x82",
    "\xc3\xa2",
    "end \xc3\xa2\xe2\x82",
  };

  for (guint i = 0; i < G_N_ELEMENTS (legit); i++)
    assert_repairs_to (legit[i], legit[i], 0);
}

static void
test_mojibake_in_decode (void)
{
  g_autoptr(DeskDecoded) decoded = NULL;

  /* UTF-8 file whose dash became mojibake, then a straight quote */
  decoded = decode_ok ("targets \xc3\xa2\xe2\x82\xac\" two days", -1);
  g_assert_cmpstr (decoded->text, ==, "targets \xe2\x80\x94 two days");
  g_assert_cmpstr (decoded->encoding, ==, "UTF-8");
  g_assert_cmpuint (decoded->n_repaired, ==, 1);
  g_clear_pointer (&decoded, desk_decoded_free);

  /* mojibake saved as Windows-1252: "Ã©" is C3 A9, valid UTF-8 on its own; "â€™" is not */
  decoded = decode_ok ("caf\xc3\xa9 and it\xe2\x80\x99s \xe9t\xe9", -1);
  g_assert_cmpstr (decoded->encoding, ==, "Windows-1252");
  g_assert_cmpstr (decoded->text, ==, "caf\xc3\xa9 and it\xe2\x80\x99s \xc3\xa9t\xc3\xa9");
  g_assert_cmpuint (decoded->n_repaired, ==, 2);
  g_clear_pointer (&decoded, desk_decoded_free);

  /* "Â" and a no-break space ends as a plain space */
  decoded = decode_ok ("50\xc3\x82\xc2\xa0km", -1);
  g_assert_cmpstr (decoded->text, ==, "50 km");
  g_assert_cmpuint (decoded->n_repaired, ==, 1);
}

/* Normalisation */

static void
test_normalize (void)
{
  assert_normalizes_to ("a\r\nb\rc\nd", "a\nb\nc\nd");
  assert_normalizes_to ("a\r\n\r\nb", "a\n\nb");
  assert_normalizes_to ("page\fnext", "page\nnext");
  assert_normalizes_to ("50\xc2\xa0km, 1\xe2\x80\xaf" "000, 2\xe2\x80\x87" "3, "
                        "a\xe2\x80\x80" "b\xe2\x80\x8a" "c\xe2\x80\x89" "d",
                        "50 km, 1 000, 2 3, a b c d");
  assert_normalizes_to ("zero\xe2\x80\x8bwidth\xe2\x81\xa0space\xef\xbb\xbf",
                        "zerowidthspace");
  /* Joiners and non-joiners are spelling: Persian "mi-khaham", a family emoji */
  assert_normalizes_to ("\xd9\x85\xdb\x8c\xe2\x80\x8c\xd8\xae\xd9\x88\xd8\xa7\xd9\x87\xd9\x85",
                        "\xd9\x85\xdb\x8c\xe2\x80\x8c\xd8\xae\xd9\x88\xd8\xa7\xd9\x87\xd9\x85");
  assert_normalizes_to ("\xf0\x9f\x91\xa8\xe2\x80\x8d\xf0\x9f\x91\xa9\xe2\x80\x8d\xf0\x9f\x91\xa7",
                        "\xf0\x9f\x91\xa8\xe2\x80\x8d\xf0\x9f\x91\xa9\xe2\x80\x8d\xf0\x9f\x91\xa7");
  /* NEL ends a line; decomposed accents are composed (NFC) */
  assert_normalizes_to ("one\xc2\x85two", "one\ntwo");
  assert_normalizes_to ("Montre\xcc\x81" "al, Sa\xcc\x83" "o Paulo", "Montr\xc3\xa9" "al, S\xc3\xa3" "o Paulo");
  assert_normalizes_to ("\xef\xbb\xbfstart", "start");
  assert_normalizes_to ("co\xc2\xad" "operation", "cooperation");
  assert_normalizes_to ("\x01\x02" "BC-AS\x1f" "x\x16\x03\x04\x7f\x1b end", "BC-ASx end");
  assert_normalizes_to ("tab\tkept\tand  two  spaces", "tab\tkept\tand  two  spaces");
  assert_normalizes_to ("trailing   \nspaces \xc2\xa0\r\nend  ", "trailing\nspaces\nend");
  assert_normalizes_to ("line\xe2\x80\xa8" "sep\xe2\x80\xa9" "para", "line\nsep\n\npara");
  assert_normalizes_to ("\xe2\x80\x9cq\xe2\x80\x9d \xe2\x80\x94 \xe2\x80\x93 \xe2\x80\x98s\xe2\x80\x99",
                        "\xe2\x80\x9cq\xe2\x80\x9d \xe2\x80\x94 \xe2\x80\x93 \xe2\x80\x98s\xe2\x80\x99");
  assert_normalizes_to ("", "");
}

static void
test_normalize_in_decode (void)
{
  assert_decodes_to ("Para one.\r\n\r\nPara\xc2\xa0two\xe2\x80\x8b.\r\n", -1,
                     "Para one.\n\nPara two.\n", "UTF-8");
  /* ANPA teletype: wire controls are not binary, and go */
  assert_decodes_to ("\x16\x16\x01" "W2870\x1f" "asian\n\x02^BC-LT--Test<\n\tNEW YORK (AP) _ Text.\n"
                     "\x03\x04", -1,
                     "W2870asian\n^BC-LT--Test<\n\tNEW YORK (AP) _ Text.\n", "UTF-8");
}

/* Errors */

static void
test_empty (void)
{
  assert_decode_fails ("", 0, DESK_ERROR_EMPTY);
  assert_decode_fails (" \n\t\r\n  ", 7, DESK_ERROR_EMPTY);
  assert_decode_fails ("\xef\xbb\xbf", 3, DESK_ERROR_EMPTY);
  assert_decode_fails ("\xef\xbb\xbf \xc2\xa0\xe2\x80\x8b\n", 10, DESK_ERROR_EMPTY);
  assert_decode_fails ("\xff\xfe", 2, DESK_ERROR_EMPTY);
  assert_decode_fails ("\xff\xfe \0\n\0", 6, DESK_ERROR_EMPTY);
}

static void
test_binary_magic (void)
{
  static const char png[] = "\x89PNG\r\n\x1a\n\0\0\0\rIHDR";
  static const char pdf[] = "%PDF-1.7\n%\xe2\xe3\xcf\xd3\n";
  static const char zip[] = "PK\x03\x04\x14\0\0\0";
  g_autoptr(GBytes) bytes = g_bytes_new (png, sizeof png - 1);
  g_autoptr(GError) error = NULL;
  g_autoptr(DeskDecoded) decoded = desk_decode_bytes (bytes, &error);

  g_assert_null (decoded);
  g_assert_error (error, DESK_ERROR, DESK_ERROR_BINARY);
  g_assert_nonnull (strstr (error->message, "PNG"));

  g_assert_true (desk_decode_looks_binary ((const guint8 *) png, sizeof png - 1));
  g_assert_true (desk_decode_looks_binary ((const guint8 *) pdf, sizeof pdf - 1));
  g_assert_true (desk_decode_looks_binary ((const guint8 *) zip, sizeof zip - 1));
  g_assert_true (desk_decode_looks_binary ((const guint8 *) "\xff\xd8\xff\xe0", 4));
  g_assert_true (desk_decode_looks_binary ((const guint8 *) "GIF89a", 6));
  g_assert_true (desk_decode_looks_binary ((const guint8 *) "\x7f" "ELF\x02\x01", 6));
  g_assert_true (desk_decode_looks_binary ((const guint8 *) "\x1f\x8b\x08", 3));
  assert_decode_fails (pdf, sizeof pdf - 1, DESK_ERROR_BINARY);
}

/* Controls are read eight bytes at a time: one at any place in a word counts. */
static void
test_binary_any_position (void)
{
  for (guint place = 0; place < 8; place++)
    {
      g_autofree guint8 *data = g_malloc (800);

      for (guint i = 0; i < 800; i++)
        data[i] = i % 8 == place ? 0x07 : 'a' + i % 26;
      g_assert_true (desk_decode_looks_binary (data, 800));

      /* Below the 2% that passes, a stray control does not make text binary. */
      for (guint i = 0; i < 800; i++)
        data[i] = (i == 8 * 50 + place) ? 0x07 : 'a' + i % 26;
      g_assert_false (desk_decode_looks_binary (data, 800));
    }
}

/* Valid UTF-8 is read eight bytes at a time while it is ASCII: a character that straddles
 * eight-byte words, or a bad sequence anywhere, is still found. */
static void
test_utf8_any_position (void)
{
  static const char * const good[] = { "\xc3\xa9", "\xe2\x80\x99", "\xf0\x9f\x98\x80" };
  static const char * const bad[] = { "\xc0\xaf", "\xed\xa0\x80", "\xf4\x90\x80\x80", "\xe2\x80", "\x80" };

  for (guint offset = 0; offset < 17; offset++)
    {
      for (guint g = 0; g < G_N_ELEMENTS (good); g++)
        {
          g_autofree char *text = g_strdup_printf ("The minister said %.*s%s that talks had failed on Friday.",
                                                   (int)offset, "aaaaaaaaaaaaaaaaa", good[g]);
          g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));
          g_autoptr(GError) error = NULL;
          g_autoptr(DeskDecoded) decoded = desk_decode_bytes (bytes, &error);

          g_assert_no_error (error);
          g_assert_cmpstr (decoded->encoding, ==, "UTF-8");
          g_assert_cmpuint (decoded->n_invalid, ==, 0);
          g_assert_cmpstr (decoded->text, ==, text);
        }

      for (guint b = 0; b < G_N_ELEMENTS (bad); b++)
        {
          g_autofree char *text = g_strdup_printf ("The minister said %.*s%s that talks had failed on Friday.",
                                                   (int)offset, "aaaaaaaaaaaaaaaaa", bad[b]);
          g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));
          g_autoptr(GError) error = NULL;
          g_autoptr(DeskDecoded) decoded = desk_decode_bytes (bytes, &error);

          /* Not valid UTF-8: repaired as damaged UTF-8, or read as Windows-1252. */
          g_assert_no_error (error);
          g_assert_true (decoded->n_invalid > 0 || g_str_equal (decoded->encoding, "Windows-1252"));
          g_assert_true (g_utf8_validate (decoded->text, -1, NULL));
        }
    }
}

static void
test_binary_random (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (42);
  g_autofree guint8 *data = g_malloc (4096);
  g_autofree guint8 *controls = g_malloc (1000);

  for (guint i = 0; i < 4096; i++)
    data[i] = g_rand_int_range (rand, 0, 256);

  g_assert_true (desk_decode_looks_binary (data, 4096));
  assert_decode_fails ((const char *) data, 4096, DESK_ERROR_BINARY);

  /* No NUL, but every tenth byte an escape or bell */
  for (guint i = 0; i < 1000; i++)
    controls[i] = i % 10 == 0 ? (i % 20 == 0 ? 0x1b : 0x07) : 'a' + i % 26;
  g_assert_true (desk_decode_looks_binary (controls, 1000));

  /* A NUL in text that is not UTF-16 */
  g_assert_true (desk_decode_looks_binary ((const guint8 *) "Some text\0with a NUL in it", 26));
}

static void
test_binary_not (void)
{
  static const char utf16[] = "\xff\xfe" "h\0i\0";
  g_autoptr(GString) wire = g_string_new (NULL);

  g_assert_false (desk_decode_looks_binary ((const guint8 *) "", 0));
  g_assert_false (desk_decode_looks_binary ((const guint8 *) "Plain text.\n", 12));
  g_assert_false (desk_decode_looks_binary ((const guint8 *) utf16, sizeof utf16 - 1));
  g_assert_false (desk_decode_looks_binary ((const guint8 *) "h\0i\0!\0", 6));

  /* An ANPA sports table: SYN SOH header, BS and RS column marks, a few percent */
  g_string_append (wire, "\x16\x16\x01s0284\x1f-----\nr s\x14\x12 BC-BBO--Glance\r\n\x02^Glance<\r\n");
  for (guint i = 0; i < 30; i++)
    g_string_append (wire, "\x08Tampa\x10 Bay\x1f\x1e 73\x1e \x1e 52\x1e \x1e .584\x1e \x1e _\r\n");
  g_string_append (wire, "\x03\x04");
  g_assert_false (desk_decode_looks_binary ((const guint8 *) wire->str, wire->len));
}

/* Size */

static void
test_big (void)
{
  g_autoptr(GString) input = g_string_sized_new (5 * 1024 * 1024 + 100);
  g_autoptr(DeskDecoded) decoded = NULL;
  gint64 start;

  while (input->len < 5 * 1024 * 1024)
    g_string_append (input, "Fran\xc3\xa7ois said \xe2\x80\x9cyes\xe2\x80\x9d \xc3\xa2\xe2\x82\xac\" "
                     "and left.\xc2\xa0\r\n");

  start = g_get_monotonic_time ();
  decoded = decode_ok (input->str, input->len);
  g_test_message ("5 MB decoded in %" G_GINT64_FORMAT " ms",
                  (g_get_monotonic_time () - start) / 1000);

  g_assert_cmpstr (decoded->encoding, ==, "UTF-8");
  g_assert_true (g_str_has_prefix (decoded->text,
                                   "Fran\xc3\xa7ois said \xe2\x80\x9cyes\xe2\x80\x9d \xe2\x80\x94 "
                                   "and left.\nFran"));
  g_assert_null (strstr (decoded->text, "\xc3\xa2\xe2\x82\xac"));
  g_assert_null (strchr (decoded->text, '\r'));
  g_assert_cmpuint (decoded->n_repaired, >, 100000);
}

static void
test_big_single_line (void)
{
  gsize size = 20 * 1024 * 1024;
  g_autofree char *input = g_malloc (size);
  g_autoptr(DeskDecoded) decoded = NULL;

  /* One line, no line ends, with a Windows-1252 byte now and then */
  for (gsize i = 0; i < size; i++)
    input[i] = i % 997 == 0 ? '\xe9' : (char) ('a' + i % 26);

  decoded = decode_ok (input, size);
  g_assert_cmpstr (decoded->encoding, ==, "Windows-1252");
  g_assert_cmpuint (decoded->length, >, size);
}

/* The desk's reprint with a mangled dash */

static void
test_seed_reprint (void)
{
  const char *shared = g_getenv ("COPYDESK_SHARED_DIR");
  g_autofree char *path = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(DeskDecoded) decoded = NULL;
  gsize length;

  if (shared != NULL)
    path = g_build_filename (shared, "seeds", "003_c763d9ffe44cf6a1.txt", NULL);

  if (path == NULL || !g_file_test (path, G_FILE_TEST_IS_REGULAR))
    {
      g_test_skip ("COPYDESK_SHARED_DIR/seeds/003_c763d9ffe44cf6a1.txt is not available");
      return;
    }

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);

  bytes = g_bytes_new_take (g_steal_pointer (&contents), length);
  decoded = desk_decode_bytes (bytes, &error);
  g_assert_no_error (error);
  g_assert_nonnull (decoded);

  g_assert_null (strstr (decoded->text, "\xc3\xa2\xe2\x82\xac"));
  g_assert_nonnull (strstr (decoded->text, "targets \xe2\x80\x94 two days"));
  g_assert_cmpuint (decoded->n_repaired, >=, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/decode/utf8/plain", test_utf8_plain);
  g_test_add_func ("/decode/utf8/bom", test_utf8_bom);
  g_test_add_func ("/decode/utf8/invalid", test_utf8_invalid);
  g_test_add_func ("/decode/utf16/le-bom", test_utf16_le_bom);
  g_test_add_func ("/decode/utf16/be-bom", test_utf16_be_bom);
  g_test_add_func ("/decode/utf16/le-nobom", test_utf16_le_nobom);
  g_test_add_func ("/decode/utf16/be-nobom", test_utf16_be_nobom);
  g_test_add_func ("/decode/utf16/invalid", test_utf16_invalid);
  g_test_add_func ("/decode/cp1252/basic", test_cp1252);
  g_test_add_func ("/decode/cp1252/mostly-ascii", test_cp1252_mostly_ascii);
  g_test_add_func ("/decode/mojibake/forms", test_mojibake_forms);
  g_test_add_func ("/decode/mojibake/damaged", test_mojibake_damaged);
  g_test_add_func ("/decode/mojibake/double", test_mojibake_double);
  g_test_add_func ("/decode/mojibake/legit", test_mojibake_legit);
  g_test_add_func ("/decode/mojibake/in-decode", test_mojibake_in_decode);
  g_test_add_func ("/decode/normalize/space", test_normalize);
  g_test_add_func ("/decode/normalize/in-decode", test_normalize_in_decode);
  g_test_add_func ("/decode/error/empty", test_empty);
  g_test_add_func ("/decode/error/binary-magic", test_binary_magic);
  g_test_add_func ("/decode/error/binary-random", test_binary_random);
  g_test_add_func ("/decode/binary/not-binary", test_binary_not);
  g_test_add_func ("/decode/binary/any-position", test_binary_any_position);
  g_test_add_func ("/decode/utf8/any-position", test_utf8_any_position);
  g_test_add_func ("/decode/size/big", test_big);
  g_test_add_func ("/decode/size/big-single-line", test_big_single_line);
  g_test_add_func ("/decode/seed/reprint", test_seed_reprint);

  return g_test_run ();
}
