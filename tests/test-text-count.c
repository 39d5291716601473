/* test-text-count.c: words and characters as a desk counts them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "desk-text-count.h"

static void
test_count (void)
{
  const struct { const char *text; guint words, characters; } cases[] = {
    { NULL, 0, 0 },
    { "", 0, 0 },
    { "   \n\n  ", 0, 5 },
    { "One word", 2, 8 },
    { "Forty-one people — U.S. citizens — left at 11:52 p.m.", 8, 53 },
    { "First paragraph.\nSecond one here.", 5, 32 },
    { "Mélanie Doucet, 34, said “go up.”", 6, 33 },
    { "• – — …", 0, 7 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      guint words = 99, characters = 99;

      desk_text_count (cases[i].text, &words, &characters);
      g_assert_cmpuint (words, ==, cases[i].words);
      g_assert_cmpuint (characters, ==, cases[i].characters);
    }
}

static void
test_add_words (void)
{
  g_autoptr(GHashTable) all = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) telling = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  const char *text = "The Ferry’s crew: 12 of them, and Mélanie — all SAFE; the end.";

  desk_text_add_words (text, 1, all);
  desk_text_add_words (text, 4, telling);
  desk_text_add_words (NULL, 1, all);

  /* Case-folded, split at anything not a letter or digit, each once. */
  g_assert_true (g_hash_table_contains (all, "the"));
  g_assert_true (g_hash_table_contains (all, "ferry"));
  g_assert_true (g_hash_table_contains (all, "s"));
  g_assert_true (g_hash_table_contains (all, "mélanie"));
  g_assert_true (g_hash_table_contains (all, "safe"));
  g_assert_cmpuint (g_hash_table_size (all), ==, 12);

  /* Short words left out, numbers kept. */
  g_assert_true (g_hash_table_contains (telling, "ferry"));
  g_assert_true (g_hash_table_contains (telling, "12"));
  g_assert_false (g_hash_table_contains (telling, "the"));
  g_assert_false (g_hash_table_contains (telling, "all"));
  g_assert_cmpuint (g_hash_table_size (telling), ==, 6);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/text-count/count", test_count);
  g_test_add_func ("/text-count/add-words", test_add_words);
  return g_test_run ();
}
