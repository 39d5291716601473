/* fuzz-style.c: any text, put in house style
 *
 * The first byte chooses the punctuation, the spelling (with a word check that knows a
 * few words of each variety) and the dateline form; the rest, when it is UTF-8, is a
 * paragraph given to desk_style_apply() and desk_style_apply_first(). The result must be
 * UTF-8, keep every letter and digit when only punctuation changes, and not change when
 * the style is applied again.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "desk-style.h"
#include "fuzz-common.h"

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  fuzz_init ();
  return 0;
}

static gboolean
check_cb (DeskStyleSpelling  variety,
          const char        *word,
          gpointer           user_data)
{
  static const char * const us[] = { "color", "harbor", "center", "analyze", "traveled", "meter" };
  static const char * const gb[] = { "colour", "harbour", "centre", "analyse", "travelled", "metre",
                                     "meter" };
  const char * const *list = variety == DESK_STYLE_SPELLING_GB ? gb : us;
  guint n = variety == DESK_STYLE_SPELLING_GB ? G_N_ELEMENTS (gb) : G_N_ELEMENTS (us);

  for (guint i = 0; i < n; i++)
    if (g_str_equal (word, list[i]))
      return TRUE;
  return FALSE;
}

static char *
alnum_of (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (g_unichar_isalnum (g_utf8_get_char (p)))
      g_string_append_unichar (out, g_utf8_get_char (p));
  return g_string_free (out, FALSE);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(DeskStyle) style = desk_style_new ();
  g_autofree char *text = NULL;
  g_autofree char *once = NULL;
  g_autofree char *twice = NULL;
  g_autofree char *first = NULL;
  guint8 choice;

  if (size < 1)
    return 0;
  choice = data[0];
  text = g_strndup ((const char *)data + 1, size - 1);
  if (!g_utf8_validate (text, -1, NULL))
    return 0;

  desk_style_set_punctuation (style, choice % 3);
  desk_style_set_spelling (style, (choice / 3) % 3);
  desk_style_set_dateline (style, (choice / 9) % 4);
  desk_style_set_dash (style, (choice / 36) % 3);
  desk_style_set_nbsp (style, (choice / 108) % 3);
  desk_style_set_word_check (style, check_cb, NULL, NULL);

  once = desk_style_apply (style, text);
  fuzz_check (once != NULL && g_utf8_validate (once, -1, NULL));
  twice = desk_style_apply (style, once);
  fuzz_check (g_str_equal (once, twice));

  if (desk_style_get_spelling (style) == DESK_STYLE_SPELLING_AS_WRITTEN)
    {
      g_autofree char *before = alnum_of (text);
      g_autofree char *after = alnum_of (once);

      fuzz_check (g_str_equal (before, after));
    }

  first = desk_style_apply_first (style, text);
  fuzz_check (first != NULL && g_utf8_validate (first, -1, NULL));

  return 0;
}
