/* test-file-name.c: file names from headlines, cut between words
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "desk-file-name.h"

static void
test_from_headline (void)
{
  const struct { const char *headline; gsize max; const char *expected; } cases[] = {
    { "Ferry Fire Off Halifax Kills 12; Dozens Pulled From Frigid Harbour", 48,
      "ferry-fire-off-halifax-kills-12-dozens-pulled" },
    { "Ferry Fire Off Halifax Kills 12; Dozens Pulled From Frigid Harbour", 50,
      "ferry-fire-off-halifax-kills-12-dozens-pulled-from" },
    { "Short one", 48, "short-one" },
    { "  — Déjà vu: ÉTÉ 2026! ", 48, "déjà-vu-été-2026" },
    { "Supercalifragilisticexpialidocious", 10, "supercalif" },
    { "Äääääää", 5, "ää" },
    { "“” — !!", 48, NULL },
    { NULL, 48, NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *name = desk_file_name_from_headline (cases[i].headline, cases[i].max);

      g_assert_cmpstr (name, ==, cases[i].expected);
      if (name != NULL)
        g_assert_cmpuint (strlen (name), <=, cases[i].max);
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/file-name/from-headline", test_from_headline);
  return g_test_run ();
}
