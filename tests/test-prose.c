/* test-prose.c: what reads as a story's running text, and what does not
 *
 * Examples written for this test, in the forms the genre uses everywhere (a caption's
 * credit, a pitch, a related headline), in English, German and French.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "desk-prose.h"

typedef struct
{
  const char    *text;
  DeskProseKind  kind;
} Case;

static const Case paragraphs[] = {
  /* Running text. */
  { "The council approved the budget on Monday after a long debate over school buses.", DESK_PROSE_SENTENCE },
  { "\"We will not give up,\" the mayor said, adding that the vote was close.", DESK_PROSE_SENTENCE },
  { "Der Stadtrat hat den Haushalt am Montag nach langer Debatte beschlossen.", DESK_PROSE_SENTENCE },
  { "Le conseil a adopté le budget lundi après un long débat sur les transports.", DESK_PROSE_SENTENCE },
  { "The talks continue today.", DESK_PROSE_SENTENCE },
  /* A quotation may speak to "you": the story still speaks about people. */
  { "\"You cannot build a bridge in a week,\" the engineer told the committee on Tuesday.", DESK_PROSE_SENTENCE },
  /* A short reply whose quotation opens with a capital, after names: still a sentence. */
  { "The Harbour Port Authority replied: \"We disagree.\"", DESK_PROSE_SENTENCE },
  { "Die Kieler Hafen Behörde antwortete: «Wir widersprechen.»", DESK_PROSE_SENTENCE },
  { "La Mairie De Lyon a répondu : « Nous refusons. »", DESK_PROSE_SENTENCE },
  /* ... but a quoted title is no sentence. */
  { "Watch: \"Council Approves Budget After Long Debate\"", DESK_PROSE_FRAGMENT },
  /* Labels, buttons, stamps, headlines. */
  { "Image 2 of 5", DESK_PROSE_FRAGMENT },
  { "Now Playing:", DESK_PROSE_FRAGMENT },
  { "3:15 p.m.", DESK_PROSE_FRAGMENT },
  { "Council Approves Budget After Long Debate Over School Buses", DESK_PROSE_FRAGMENT },
  { "Mayor says vote on the budget was close", DESK_PROSE_FRAGMENT },
  /* Speaking to the reader. */
  { "Sign up for our newsletter and never miss a story from your neighbourhood.", DESK_PROSE_ADDRESSED },
  { "Be the first to hear about the budget.", DESK_PROSE_ADDRESSED },
  { "Abonnez-vous pour lire la suite.", DESK_PROSE_ADDRESSED },
  /* A story's sentence may open on such a word when it is no call to action. */
  { "Read by thousands each morning, the council's bulletin lists every vote the members "
    "cast on the budget and on the new school buses.", DESK_PROSE_SENTENCE },
  { "Melden Sie sich jetzt für unseren Newsletter an.", DESK_PROSE_ADDRESSED },
  /* Captions and credits. */
  { "(AP Photo/Jane Doe)", DESK_PROSE_CAPTION },
  { "In this March 3, 2019, file photo, the mayor speaks to reporters at city hall.", DESK_PROSE_CAPTION },
  { "FILE - The mayor speaks to reporters at city hall on March 3, 2019.", DESK_PROSE_CAPTION },
  { "Foto: Max Mustermann/dpa", DESK_PROSE_CAPTION },
  /* A news video's description: the day it was shot, then the agency. */
  { "Firefighters battled the blaze on the ferry for three hours before it was brought "
    "under control. (May 5) AP", DESK_PROSE_CAPTION },
  /* A date in brackets inside running text is not one. */
  { "The council, which last met in the spring (May 5) and again in the summer, approved "
    "the budget on Monday.", DESK_PROSE_SENTENCE },
  /* Offers: a price by the period, in a short block. */
  { "Full Digital Access. $2 for 8 weeks.", DESK_PROSE_ADDRESSED },
  { "Jetzt testen: 4 Wochen für 1 € lesen.", DESK_PROSE_ADDRESSED },
  { "Tout le site pour 1 € par mois.", DESK_PROSE_ADDRESSED },
  /* A story's price is no offer: a longer paragraph, or no period. */
  { "The ferry company said tickets would rise to $4 for a month of weekday crossings, a "
    "change the council must still approve before the winter schedule starts.", DESK_PROSE_SENTENCE },
  { "The ferry fare rose to $4 on Monday.", DESK_PROSE_SENTENCE },
  /* Links, notices, contacts. */
  { "Read more at https://example.org/news/budget.", DESK_PROSE_LINK },
  /* An address inside a long paragraph of running text is part of the story. */
  { "The report, which the council published on Tuesday at https://example.org/report after "
    "a debate that ran past midnight, runs to 300 pages and sets out how the budget will pay "
    "for new school buses, road repairs and two more firefighters over the next three years.",
    DESK_PROSE_SENTENCE },
  { "A better budget is possible. pic.twitter.com/abc123", DESK_PROSE_LINK },
  { "© 2019 Example News. All rights reserved.", DESK_PROSE_NOTICE },
  { "Copyright 2019 Example Media Group. This material may not be published.", DESK_PROSE_NOTICE },
  { "(This story has been refiled to correct the spelling of the mayor's name.)", DESK_PROSE_NOTICE },
  { "(AP) — The council voted on Tuesday to pass the budget (after a long debate).", DESK_PROSE_SENTENCE },
  { "Die folgenden Informationen sind nicht zur Veröffentlichung bestimmt.", DESK_PROSE_NOTICE },
  { "Redaktion: Erika Beispiel, +49 30 1234 5678, desk@example.org", DESK_PROSE_CONTACT },
};

static void
test_paragraphs (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (paragraphs); i++)
    {
      DeskProseKind kind = desk_prose_judge (paragraphs[i].text, -1, DESK_PROSE_PARAGRAPH);

      if (kind != paragraphs[i].kind)
        g_error ("\"%s\": %s, expected %s", paragraphs[i].text, desk_prose_kind_describe (kind),
                 desk_prose_kind_describe (paragraphs[i].kind));
    }
}

static void
test_sentence_in_paragraph (void)
{
  /* A short sentence is a sentence inside a paragraph, not a paragraph of its own. */
  g_assert_cmpint (desk_prose_judge ("He declined.", -1, DESK_PROSE_IN_PARAGRAPH), ==,
                   DESK_PROSE_SENTENCE);
  g_assert_cmpint (desk_prose_judge ("He declined.", -1, DESK_PROSE_PARAGRAPH), ==,
                   DESK_PROSE_FRAGMENT);
  /* The length given, not the nul, ends the text. */
  g_assert_cmpint (desk_prose_judge ("The talks continue today. (AP Photo/Jane Doe)", 25,
                                     DESK_PROSE_PARAGRAPH), ==, DESK_PROSE_SENTENCE);
}

static void
test_dateline (void)
{
  g_assert_cmpuint (desk_prose_dateline_length ("HALIFAX, Nova Scotia (AP) — A fire tore through a ferry."),
                    ==, strlen ("HALIFAX, Nova Scotia (AP) — "));
  g_assert_cmpuint (desk_prose_dateline_length ("Berlin (dpa) - Der Stadtrat hat beschlossen."),
                    ==, strlen ("Berlin (dpa) - "));
  g_assert_cmpuint (desk_prose_dateline_length ("The council approved the budget."), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/prose/paragraphs", test_paragraphs);
  g_test_add_func ("/prose/sentence-in-paragraph", test_sentence_in_paragraph);
  g_test_add_func ("/prose/dateline", test_dateline);

  return g_test_run ();
}
