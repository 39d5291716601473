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

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/text-count/count", test_count);
  return g_test_run ();
}
