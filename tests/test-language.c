/* test-language.c: the language of a story, told from its function words
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "desk-language.h"

static void
test_languages (void)
{
  static const struct { const char *code; const char *text; } stories[] = {
    { "en", "The council voted on Tuesday to close the harbour ferry for the winter, and the "
            "mayor said the decision was made with the safety of the crews in mind." },
    { "de", "Der Stadtrat hat am Dienstag beschlossen, die Hafenfähre über den Winter zu "
            "schließen. Die Entscheidung sei mit Blick auf die Sicherheit der Besatzung "
            "gefallen, sagte der Bürgermeister." },
    { "fr", "Le conseil municipal a voté mardi la fermeture du traversier pour l'hiver, et le "
            "maire a déclaré que la décision avait été prise pour la sécurité des équipages." },
    { "es", "El concejo votó el martes cerrar el transbordador del puerto durante el "
            "invierno, y el alcalde dijo que la decisión se tomó por la seguridad de las "
            "tripulaciones." },
    { "it", "Il consiglio comunale ha votato martedì la chiusura del traghetto del porto per "
            "l'inverno, e il sindaco ha detto che la decisione è stata presa per la sicurezza "
            "degli equipaggi." },
    { "nl", "De gemeenteraad heeft dinsdag besloten de veerboot in de haven voor de winter te "
            "sluiten, en de burgemeester zei dat het besluit is genomen voor de veiligheid "
            "van de bemanning." },
    { "pt", "A câmara municipal votou na terça-feira o fecho do ferry do porto durante o "
            "inverno, e o presidente disse que a decisão foi tomada pela segurança das "
            "tripulações." },
  };

  for (guint i = 0; i < G_N_ELEMENTS (stories); i++)
    g_assert_cmpstr (desk_language_guess (stories[i].text, -1), ==, stories[i].code);
}

/* Too little to tell, or nothing of any listed language: not known, rather than wrong. */
static void
test_unknown (void)
{
  g_assert_null (desk_language_guess (NULL, -1));
  g_assert_null (desk_language_guess ("", 0));
  g_assert_null (desk_language_guess ("The council voted.", -1));
  g_assert_null (desk_language_guess ("Halifax Dartmouth Bedford Sackville Truro Windsor "
                                      "Yarmouth Digby Lunenburg Antigonish Sydney Amherst "
                                      "Pictou Kentville Wolfville", -1));
  g_assert_null (desk_language_guess ("Городской совет во вторник утвердил бюджет города на "
                                      "следующий год, сообщил мэр журналистам после заседания.",
                                      -1));
  g_assert_null (desk_language_guess ("\xff\xfe not text at all, and the council voted on the "
                                      "budget of the city for the year to come.", -1));
}

/* An English story that quotes a German sentence is English. */
static void
test_quoted (void)
{
  g_assert_cmpstr (desk_language_guess ("The chancellor told reporters in Berlin that the "
                                        "decision had been made with the partners, and said "
                                        "in German: \"Wir haben das gemeinsam entschieden.\" "
                                        "The opposition was not consulted, its leader said.",
                                        -1), ==, "en");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/language/languages", test_languages);
  g_test_add_func ("/language/unknown", test_unknown);
  g_test_add_func ("/language/quoted", test_quoted);

  return g_test_run ();
}
