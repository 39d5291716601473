/* test-style.c: tests for the house style (desk-style.c)
 *
 * The spelling tests install a word check over a few words of each variety, as the
 * program does over its hunspell dictionaries, so that they do not depend on which
 * dictionaries the machine has.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "desk-aliases.h"
#include "desk-project.h"
#include "desk-style.h"
#include "desk-suggestion.h"

static char *
styled (DeskStylePunctuation  punctuation,
        const char           *text)
{
  g_autoptr(DeskStyle) style = desk_style_new ();

  desk_style_set_punctuation (style, punctuation);
  return desk_style_apply (style, text);
}

static void
assert_typographic (const char *text,
                    const char *expected)
{
  g_autofree char *out = styled (DESK_STYLE_PUNCTUATION_TYPOGRAPHIC, text);

  g_assert_cmpstr (out, ==, expected);
}

static void
test_typographic_quotes (void)
{
  assert_typographic ("\"We will rebuild,\" the mayor said.",
                      "“We will rebuild,” the mayor said.");
  assert_typographic ("He said: \"They told me 'leave now' and I did.\"",
                      "He said: “They told me ‘leave now’ and I did.”");
  assert_typographic ("Merkel's party won't say; the Joneses' dog; in the '90s.",
                      "Merkel’s party won’t say; the Joneses’ dog; in the ’90s.");
  /* The newsroom's unclosed quote that goes on in the next paragraph stays open. */
  assert_typographic ("\"The water came up fast. We had no time.",
                      "“The water came up fast. We had no time.");
  /* A bad splice without a space: read in order, the pair still closes. */
  assert_typographic ("\"It is over,\"he said, \"for now.\"",
                      "“It is over,”he said, “for now.”");
  assert_typographic ("(\"quoted\") and [\"this\"]", "(“quoted”) and [“this”]");
  /* German quotation marks stay, and straight quotes join them. */
  assert_typographic ("Das Bett „Malm“ und \"Mo\".", "Das Bett „Malm“ und „Mo“.");
  /* Existing curly quotes stay as they are. */
  assert_typographic ("“Already,” she said.", "“Already,” she said.");
}

static void
test_typographic_dashes (void)
{
  assert_typographic ("MOSCOW -- Russia said -- again -- that", "MOSCOW — Russia said — again — that");
  assert_typographic ("Fire--and water", "Fire — and water");
  assert_typographic ("LONDON (Reuters) - The fire", "LONDON (Reuters) — The fire");
  /* A score, a range and a compound keep their hyphens. */
  assert_typographic ("won 3 - 2 in a well-known 10-day event", "won 3 - 2 in a well-known 10-day event");
  assert_typographic ("and then... nothing. . . at all", "and then… nothing… at all");
}

static char *
styled_with (DeskStyleDash  dash,
             DeskStyleNbsp  nbsp,
             const char    *text)
{
  g_autoptr(DeskStyle) style = desk_style_new ();

  desk_style_set_punctuation (style, DESK_STYLE_PUNCTUATION_TYPOGRAPHIC);
  desk_style_set_dash (style, dash);
  desk_style_set_nbsp (style, nbsp);
  return desk_style_apply (style, text);
}

/* Every dash between parts of a sentence, as written, in each house form; applying the
 * form twice is applying it once. */
static void
test_dash_forms (void)
{
  static const struct {
    const char *text;
    const char *em;
    const char *em_closed;
    const char *en;
  } cases[] = {
    { "Fire -- and water", "Fire — and water", "Fire—and water", "Fire – and water" },
    { "Fire--and water", "Fire — and water", "Fire—and water", "Fire – and water" },
    { "Fire---and water", "Fire — and water", "Fire—and water", "Fire – and water" },
    { "Fire - and water", "Fire — and water", "Fire—and water", "Fire – and water" },
    { "Fire — and water", "Fire — and water", "Fire—and water", "Fire – and water" },
    { "Fire—and water", "Fire — and water", "Fire—and water", "Fire – and water" },
    { "Fire – and water", "Fire — and water", "Fire—and water", "Fire – and water" },
    { "Fire — and water", "Fire — and water", "Fire—and water", "Fire – and water" },
    /* At the ends, and next to quotes, brackets and punctuation: no space there. */
    { "\"I was going to --\" he said", "“I was going to —” he said",
      "“I was going to—” he said", "“I was going to –” he said" },
    { "-- and then", "— and then", "—and then", "– and then" },
    { "(-- aside)", "(— aside)", "(—aside)", "(– aside)" },
    { "she said -- \"no\"", "she said — “no”", "she said—“no”", "she said – “no”" },
    { "wait --, then", "wait —, then", "wait—, then", "wait –, then" },
    /* The dash after a dateline keeps its spaces in every form. */
    { "MOSCOW -- Russia said -- again", "MOSCOW — Russia said — again",
      "MOSCOW — Russia said—again", "MOSCOW – Russia said – again" },
    { "LONDON (Reuters) - The fire", "LONDON (Reuters) — The fire",
      "LONDON (Reuters) — The fire", "LONDON (Reuters) – The fire" },
    /* Hyphens in words, ranges, scores and closed en dashes stay as written. */
    { "a well-known 10-day event in 1990-95", "a well-known 10-day event in 1990-95",
      "a well-known 10-day event in 1990-95", "a well-known 10-day event in 1990-95" },
    { "won 3 - 2 and 3 – 2 in 1990–95 on the London–Paris line",
      "won 3 - 2 and 3 – 2 in 1990–95 on the London–Paris line",
      "won 3 - 2 and 3 – 2 in 1990–95 on the London–Paris line",
      "won 3 - 2 and 3 – 2 in 1990–95 on the London–Paris line" },
    /* Words and quotations are the speaker's; code is not touched. */
    { "\"It\'s over -- for now,\" she said", "“It’s over — for now,” she said",
      "“It’s over—for now,” she said", "“It’s over – for now,” she said" },
    { "see https://a.example/x--y -- now", "see https://a.example/x--y — now",
      "see https://a.example/x--y—now", "see https://a.example/x--y – now" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const char *expected[] = { cases[i].em, cases[i].em_closed, cases[i].en };

      for (DeskStyleDash dash = DESK_STYLE_DASH_EM; dash <= DESK_STYLE_DASH_EN; dash++)
        {
          g_autofree char *once = styled_with (dash, DESK_STYLE_NBSP_NONE, cases[i].text);
          g_autofree char *twice = styled_with (dash, DESK_STYLE_NBSP_NONE, once);

          g_test_message ("%s, %s", cases[i].text, desk_style_dash_to_string (dash));
          g_assert_cmpstr (once, ==, expected[dash]);
          g_assert_cmpstr (twice, ==, once);
        }
    }
}

/* The dash form is typographic style's: ASCII and as written ignore it. */
static void
test_dash_other_styles (void)
{
  g_autoptr(DeskStyle) style = desk_style_new ();
  g_autofree char *ascii = NULL;
  g_autofree char *as_written = NULL;
  g_autofree char *first = NULL;

  desk_style_set_dash (style, DESK_STYLE_DASH_EN);
  as_written = desk_style_apply (style, "Fire—and -- water");
  g_assert_cmpstr (as_written, ==, "Fire—and -- water");
  desk_style_set_punctuation (style, DESK_STYLE_PUNCTUATION_ASCII);
  ascii = desk_style_apply (style, "Fire—and – water");
  g_assert_cmpstr (ascii, ==, "Fire--and - water");

  /* A dateline written in the house form. */
  desk_style_set_punctuation (style, DESK_STYLE_PUNCTUATION_TYPOGRAPHIC);
  desk_style_set_dateline (style, DESK_STYLE_DATELINE_CAPS);
  first = desk_style_apply_first (style, "Moscow -- Russia said--again");
  g_assert_cmpstr (first, ==, "Moscow – Russia said – again");
  g_clear_pointer (&first, g_free);
  first = desk_style_apply_first (style, "MOSCOW -- Russia said--again");
  g_assert_cmpstr (first, ==, "MOSCOW – Russia said – again");
  g_assert_cmpstr (desk_style_dateline_separator (style), ==, " –");
  desk_style_set_dash (style, DESK_STYLE_DASH_EM_CLOSED);
  g_clear_pointer (&first, g_free);
  first = desk_style_apply_first (style, "MOSCOW -- Russia said -- again");
  g_assert_cmpstr (first, ==, "MOSCOW — Russia said—again");
  g_assert_cmpstr (desk_style_dateline_separator (style), ==, " —");
}

/* No-break spaces in each setting: U+00A0 between a figure and its unit; in French
 * U+202F before ; ! ?, U+00A0 before : and inside « ». */
static void
test_nbsp (void)
{
  static const struct {
    const char *text;
    const char *none;
    const char *units;
    const char *french;
  } cases[] = {
    { "a 300 km trip at 5 % and 20 € or 3 kg", "a 300 km trip at 5 % and 20 € or 3 kg",
      "a 300 km trip at 5 % and 20 € or 3 kg",
      "a 300 km trip at 5 % and 20 € or 3 kg" },
    { "1,200 kilometres, 40 dollars and 12 tonnes.", "1,200 kilometres, 40 dollars and 12 tonnes.",
      "1,200 kilometres, 40 dollars and 12 tonnes.",
      "1,200 kilometres, 40 dollars and 12 tonnes." },
    /* Not a unit: a word after a figure, a capital, a figure joined to its unit. */
    { "In 2019 the 3 won 5km in 3 Mo", "In 2019 the 3 won 5km in 3 Mo",
      "In 2019 the 3 won 5km in 3 Mo", "In 2019 the 3 won 5km in 3 Mo" },
    { "Quoi ? Il a dit : « non » ; vraiment !", "Quoi ? Il a dit : « non » ; vraiment !",
      "Quoi ? Il a dit : « non » ; vraiment !",
      "Quoi ? Il a dit : « non » ; vraiment !" },
    { "Quoi? Il a dit: «non»; vraiment!?", "Quoi? Il a dit: «non»; vraiment!?",
      "Quoi? Il a dit: «non»; vraiment!?",
      "Quoi ? Il a dit : « non » ; vraiment !?" },
    /* A time, a ratio, an address and »German« guillemets stay. */
    { "At 10:30, 3:2, see https://a.example/?q=1 and »so«",
      "At 10:30, 3:2, see https://a.example/?q=1 and »so«",
      "At 10:30, 3:2, see https://a.example/?q=1 and »so«",
      "At 10:30, 3:2, see https://a.example/?q=1 and »so«" },
    /* Quotations keep their words; their punctuation is the house's. */
    { "\"Why?\" he asked", "“Why?” he asked", "“Why?” he asked", "“Why ?” he asked" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const char *expected[] = { cases[i].none, cases[i].units, cases[i].french };

      for (DeskStyleNbsp nbsp = DESK_STYLE_NBSP_NONE; nbsp <= DESK_STYLE_NBSP_FRENCH; nbsp++)
        {
          g_autofree char *once = styled_with (DESK_STYLE_DASH_EM, nbsp, cases[i].text);
          g_autofree char *twice = styled_with (DESK_STYLE_DASH_EM, nbsp, once);
          g_autofree char *plain = styled (DESK_STYLE_PUNCTUATION_ASCII, once);
          g_autofree char *plain_expected = styled (DESK_STYLE_PUNCTUATION_ASCII, cases[i].none);

          g_test_message ("%s, %s", cases[i].text, desk_style_nbsp_to_string (nbsp));
          g_assert_cmpstr (once, ==, expected[nbsp]);
          g_assert_cmpstr (twice, ==, once);
          /* ASCII style writes plain spaces. */
          if (nbsp == DESK_STYLE_NBSP_UNITS)
            g_assert_cmpstr (plain, ==, plain_expected);
        }
    }
}

static void
test_code_like (void)
{
  assert_typographic ("See https://example.com/a--b?x=\"y\" and `it's \"raw\"` -- done",
                      "See https://example.com/a--b?x=\"y\" and `it's \"raw\"` — done");
  assert_typographic ("mail a--b@example.com or <a href=\"x\"> now", "mail a--b@example.com or <a href=\"x\"> now");
  /* The quotes around an address are the sentence's. */
  assert_typographic ("\"Read it: 'https://t.co/x.'\" he said", "“Read it: ‘https://t.co/x.’” he said");
  g_assert_true (desk_style_is_code_like ("www.example.org", 15));
  g_assert_false (desk_style_is_code_like ("don't", 5));
}

static void
test_ascii (void)
{
  g_autofree char *out = styled (DESK_STYLE_PUNCTUATION_ASCII,
                                 "“We won’t,” she said — twice… in\u00a0«Paris» 3–2");

  g_assert_cmpstr (out, ==, "\"We won't,\" she said -- twice... in \"Paris\" 3-2");
}

static void
test_round_trip (void)
{
  const char *text = "\"It's over -- for now,\" she said. 'Maybe'... \"Or not.\"";
  g_autofree char *typographic = styled (DESK_STYLE_PUNCTUATION_TYPOGRAPHIC, text);
  g_autofree char *ascii = styled (DESK_STYLE_PUNCTUATION_ASCII, typographic);
  g_autofree char *again = styled (DESK_STYLE_PUNCTUATION_TYPOGRAPHIC, ascii);

  g_assert_cmpstr (ascii, ==, text);
  g_assert_cmpstr (again, ==, typographic);
}

/* A few words of each variety, as hunspell's en_US and en_GB have them. */
static gboolean
check_cb (DeskStyleSpelling  variety,
          const char        *word,
          gpointer           user_data)
{
  static const char * const both[] = {
    "the", "fire", "in", "a", "at", "was", "said", "organize", "organized", "meter", "program",
    "filled", "filed", "harbor", "is",
  };
  static const char * const us[] = {
    "harbor", "harbors", "color", "center", "centered", "analyze", "traveled", "catalog",
    "defense", "judgment",
  };
  static const char * const gb[] = {
    "harbour", "harbours", "colour", "centre", "centred", "analyse", "travelled", "catalogue",
    "defence", "judgement", "organise", "organised", "metre", "programme",
  };
  const char * const *list = variety == DESK_STYLE_SPELLING_US ? us : gb;
  guint n = variety == DESK_STYLE_SPELLING_US ? G_N_ELEMENTS (us) : G_N_ELEMENTS (gb);

  (*(guint *)user_data)++;

  for (guint i = 0; i < G_N_ELEMENTS (both); i++)
    if (g_str_equal (word, both[i]) &&
        !(variety == DESK_STYLE_SPELLING_GB && g_str_equal (word, "harbor")))
      return TRUE;
  for (guint i = 0; i < n; i++)
    if (g_str_equal (word, list[i]))
      return TRUE;
  return FALSE;
}

static void
test_spelling (void)
{
  g_autoptr(DeskStyle) style = desk_style_new ();
  guint checks = 0;
  g_autofree char *gb = NULL;
  g_autofree char *us = NULL;
  g_autofree char *none = NULL;

  desk_style_set_word_check (style, check_cb, &checks, NULL);

  desk_style_set_spelling (style, DESK_STYLE_SPELLING_GB);
  gb = desk_style_apply (style,
                         "Harbor fire: the color of the harbors centered on a catalog, "
                         "traveled for defense. \"The harbor is gone,\" said the Pearl Harbor "
                         "meter program, organized.");
  /* Quotations and names keep their words; words British English has keep their form. */
  g_assert_cmpstr (gb, ==,
                   "Harbour fire: the colour of the harbours centred on a catalogue, "
                   "travelled for defence. \"The harbor is gone,\" said the Pearl Harbor "
                   "meter program, organized.");

  desk_style_set_spelling (style, DESK_STYLE_SPELLING_US);
  us = desk_style_apply (style, "The colour of the harbour; analyse the judgement, organised "
                                "at the centre. ‘Colour,’ he said.");
  g_assert_cmpstr (us, ==, "The color of the harbor; analyze the judgment, organized "
                           "at the center. ‘Colour,’ he said.");
  g_assert_cmpuint (checks, >, 0);

  /* Without dictionaries, spelling is as written. */
  desk_style_set_word_check (style, NULL, NULL, NULL);
  none = desk_style_apply (style, "The colour");
  g_assert_cmpstr (none, ==, "The colour");
}

/* Which dictionary the story is checked with: its language, and for English the house
 * spelling or the variety the story is spelled in. */
static void
test_spelling_language (void)
{
  static const char canadian[] =
    "The fire in the harbour was at the centre of the port, and the crews said the colour of "
    "the smoke was a sign of the defence works burning through the night.";
  static const char american[] =
    "The fire in the harbor was at the center of the port, and the crews said the color of "
    "the smoke was a sign of the defense works burning through the night.";
  static const char plain[] =
    "The fire in the port was at the end of the pier, and the crews said the smoke was a "
    "sign of the old works burning through the night.";
  static const char german[] =
    "Der Brand im Hafen hat in der Nacht die Fähre zerstört, sagte die Feuerwehr am Morgen. "
    "Die Besatzung wurde von einem Schlepper gerettet.";
  g_autoptr(DeskStyle) style = desk_style_new ();
  guint checks = 0;
  g_autofree char *ca = NULL;
  g_autofree char *us = NULL;
  g_autofree char *unknown = NULL;
  g_autofree char *house = NULL;
  g_autofree char *de = NULL;
  g_autofree char *no_dictionaries = NULL;

  /* Without dictionaries the variety is not known. */
  no_dictionaries = desk_style_dup_spelling_language (style, canadian);
  g_assert_cmpstr (no_dictionaries, ==, "en");

  desk_style_set_word_check (style, check_cb, &checks, NULL);
  g_assert_cmpint (desk_style_guess_variety (style, canadian), ==, DESK_STYLE_SPELLING_GB);
  g_assert_cmpint (desk_style_guess_variety (style, american), ==, DESK_STYLE_SPELLING_US);
  g_assert_cmpint (desk_style_guess_variety (style, plain), ==, DESK_STYLE_SPELLING_AS_WRITTEN);
  /* One word is not evidence; names are not words. */
  g_assert_cmpint (desk_style_guess_variety (style, "The harbour fire was at the port."), ==,
                   DESK_STYLE_SPELLING_AS_WRITTEN);
  g_assert_cmpint (desk_style_guess_variety (style, "Harbour Centre Colour Defence Catalogue"),
                   ==, DESK_STYLE_SPELLING_AS_WRITTEN);

  ca = desk_style_dup_spelling_language (style, canadian);
  us = desk_style_dup_spelling_language (style, american);
  unknown = desk_style_dup_spelling_language (style, plain);
  de = desk_style_dup_spelling_language (style, german);
  g_assert_cmpstr (ca, ==, "en_GB");
  g_assert_cmpstr (us, ==, "en_US");
  g_assert_cmpstr (unknown, ==, "en");
  g_assert_cmpstr (de, ==, "de_DE");
  g_assert_null (desk_style_dup_spelling_language (style, "Harbour fire"));

  /* The house spelling decides for English. */
  desk_style_set_spelling (style, DESK_STYLE_SPELLING_US);
  house = desk_style_dup_spelling_language (style, canadian);
  g_assert_cmpstr (house, ==, "en_US");
}

static void
test_dateline (void)
{
  g_autoptr(DeskStyle) style = desk_style_new ();
  g_autofree char *caps = NULL;
  g_autofree char *agency = NULL;
  g_autofree char *colon = NULL;
  g_autofree char *ascii = NULL;

  desk_style_set_punctuation (style, DESK_STYLE_PUNCTUATION_TYPOGRAPHIC);
  desk_style_set_dateline (style, DESK_STYLE_DATELINE_CAPS);
  caps = desk_style_apply_first (style, "Moscow (Reuters) - Russia said on Friday.");
  g_assert_cmpstr (caps, ==, "MOSCOW — Russia said on Friday.");

  desk_style_set_dateline (style, DESK_STYLE_DATELINE_CAPS_AGENCY);
  agency = desk_style_apply_first (style, "Moscow (Reuters) - Russia said on Friday.");
  g_assert_cmpstr (agency, ==, "MOSCOW (Reuters) — Russia said on Friday.");

  desk_style_set_dateline (style, DESK_STYLE_DATELINE_COLON);
  colon = desk_style_apply_first (style, "BUENOS AIRES, Argentina -- The fire");
  g_assert_cmpstr (colon, ==, "Buenos Aires, Argentina: The fire");

  desk_style_set_dateline (style, DESK_STYLE_DATELINE_CAPS);
  desk_style_set_punctuation (style, DESK_STYLE_PUNCTUATION_ASCII);
  ascii = desk_style_apply_first (style, "MOSCOW — Russia");
  g_assert_cmpstr (ascii, ==, "MOSCOW -- Russia");
}

static void
test_accept_and_apply (void)
{
  g_autoptr(DeskProject) project = desk_project_new ();
  DeskDraft *draft = desk_project_get_draft (project);
  DeskStyle *style = desk_project_get_style (project);
  g_autoptr(DeskSuggestion) missing = NULL;
  g_autoptr(DeskParagraph) typed = desk_paragraph_new ("Typed \"as is\" -- by the editor.");
  guint changed = 0;

  desk_draft_append (draft, typed);
  g_assert_true (desk_draft_get_style (draft) == style);

  desk_style_set_punctuation (style, DESK_STYLE_PUNCTUATION_TYPOGRAPHIC);
  missing = desk_suggestion_new (DESK_SUGGESTION_MISSING, "\"Accepted\" -- in house style...",
                                 0, -1, 1.0);
  g_assert_true (desk_suggestion_apply (missing, draft));

  /* The accepted paragraph arrives in house style; the typed one is left as typed. */
  g_assert_cmpstr (desk_paragraph_get_text (desk_draft_get_paragraph (draft, 0)), ==,
                   "Typed \"as is\" -- by the editor.");
  g_assert_cmpstr (desk_paragraph_get_text (desk_draft_get_paragraph (draft, 1)), ==,
                   "“Accepted” — in house style…");
  g_assert_false (desk_paragraph_get_edited (desk_draft_get_paragraph (draft, 1)));

  changed = desk_style_apply_to_draft (style, draft);
  g_assert_cmpuint (changed, ==, 1);
  g_assert_cmpstr (desk_paragraph_get_text (desk_draft_get_paragraph (draft, 0)), ==,
                   "Typed “as is” — by the editor.");

  /* A replaced draft gets the project's style too. */
  {
    g_autoptr(DeskDraft) other = desk_draft_new ();

    desk_project_set_draft (project, other);
    g_assert_true (desk_draft_get_style (other) == style);
  }
}

/* The letters and digits of @text, in order. */
static char *
alnum_of (const char *text)
{
  g_autoptr(GString) out = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (g_unichar_isalnum (g_utf8_get_char (p)))
      g_string_append_unichar (out, g_utf8_get_char (p));
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* Generated paragraphs of quotes, dashes, dots, spaces and code: the style's output is
 * valid UTF-8, keeps every letter and digit, and applying it twice changes nothing. */
static void
test_generated (void)
{
  static const char * const pieces[] = {
    "a", "Bo", "7", " ", " ", "\"", "'", "-", "--", ".", "...", ",", "“", "”", "‘", "’",
    "—", "–", "…", "„", "«", "»", "`", "@", "<", "://", "(", ")", "\u00a0", "\n",
  };

  for (guint round = 0; round < 2000; round++)
    {
      g_autoptr(GString) text = g_string_new (NULL);
      guint n = g_test_rand_int_range (0, 40);

      for (guint i = 0; i < n; i++)
        g_string_append (text, pieces[g_test_rand_int_range (0, G_N_ELEMENTS (pieces))]);

      for (DeskStylePunctuation p = DESK_STYLE_PUNCTUATION_TYPOGRAPHIC; p <= DESK_STYLE_PUNCTUATION_ASCII; p++)
        {
          g_autofree char *once = styled (p, text->str);
          g_autofree char *twice = styled (p, once);
          g_autofree char *before = alnum_of (text->str);
          g_autofree char *after = alnum_of (once);

          g_assert_true (g_utf8_validate (once, -1, NULL));
          g_assert_cmpstr (after, ==, before);
          g_assert_cmpstr (twice, ==, once);
        }

      /* Every dash form and no-break space setting, the same. */
      for (DeskStyleDash dash = DESK_STYLE_DASH_EM; dash <= DESK_STYLE_DASH_EN; dash++)
        for (DeskStyleNbsp nbsp = DESK_STYLE_NBSP_NONE; nbsp <= DESK_STYLE_NBSP_FRENCH; nbsp++)
          {
            g_autofree char *once = styled_with (dash, nbsp, text->str);
            g_autofree char *twice = styled_with (dash, nbsp, once);
            g_autofree char *before = alnum_of (text->str);
            g_autofree char *after = alnum_of (once);

            if (g_strcmp0 (twice, once) != 0)
              g_test_message ("%s → %s → %s", text->str, once, twice);
            g_assert_true (g_utf8_validate (once, -1, NULL));
            g_assert_cmpstr (after, ==, before);
            g_assert_cmpstr (twice, ==, once);
          }
    }
}

static DeskDraft *
draft_of (const char * const *paragraphs)
{
  DeskDraft *draft = desk_draft_new ();

  for (guint i = 0; paragraphs[i] != NULL; i++)
    {
      g_autoptr(DeskParagraph) paragraph = desk_paragraph_new (paragraphs[i]);

      desk_draft_append (draft, paragraph);
    }
  return draft;
}

static DeskSuggestion *
find_style (GPtrArray  *suggestions,
            const char *house)
{
  for (guint i = 0; i < suggestions->len; i++)
    {
      DeskSuggestion *suggestion = g_ptr_array_index (suggestions, i);

      g_assert_cmpint (desk_suggestion_get_kind (suggestion), ==, DESK_SUGGESTION_STYLE);
      if (g_str_equal (desk_suggestion_get_new_text (suggestion), house))
        return suggestion;
    }
  return NULL;
}

static void
test_style_suggestions (void)
{
  const char * const paragraphs[] = {
    "ISIS claimed the attack on NATO forces, officials in the U.S. said.",
    "The Islamic State group said its fighters held the harbor. Islamic State fighters also struck.",
    "\"ISIS will not stop,\" a spokesman said of Islamic State, the North Atlantic Treaty Organization said.",
    "NATO and NATO allies met in the United States, at the harbour and the harbour wall.",
    NULL
  };
  g_autoptr(DeskStyle) style = desk_style_new ();
  g_autoptr(DeskAliases) aliases = desk_aliases_new_default ();
  g_autoptr(DeskDraft) draft = draft_of (paragraphs);
  g_autoptr(GPtrArray) suggestions = NULL;
  g_autoptr(GPtrArray) again = NULL;
  DeskSuggestion *islamic_state, *nato, *harbour, *united_states;
  const char * const rejected[] = { "NATO, 3 × · North Atlantic Treaty Organization, 1 ×", NULL };
  guint checks = 0;

  desk_style_set_word_check (style, check_cb, &checks, NULL);
  suggestions = desk_style_suggest (style, draft, aliases, NULL);

  /* The form the draft uses most; the quotation's "ISIS" is not counted. */
  islamic_state = find_style (suggestions, "Islamic State");
  g_assert_nonnull (islamic_state);
  g_assert_cmpstr (desk_suggestion_get_text (islamic_state), ==,
                   "Islamic State, 2 × · ISIS, 1 × · Islamic State group, 1 ×");

  /* An acronym as the house form: the first mention in full. */
  nato = find_style (suggestions, "NATO");
  g_assert_nonnull (nato);
  g_assert_cmpstr (desk_suggestion_get_text (nato), ==,
                   "NATO, 3 × · North Atlantic Treaty Organization, 1 ×");
  g_assert_cmpstr (desk_suggestion_get_draft_text (nato), ==, "North Atlantic Treaty Organization");

  /* Spellings the dictionaries pair: as written, the draft's majority. */
  harbour = find_style (suggestions, "harbour");
  g_assert_nonnull (harbour);
  g_assert_cmpstr (desk_suggestion_get_text (harbour), ==, "harbour, 2 × · harbor, 1 ×");

  united_states = find_style (suggestions, "U.S.");
  if (united_states == NULL)
    united_states = find_style (suggestions, "United States");
  g_assert_nonnull (united_states);

  g_assert_true (desk_suggestion_apply (islamic_state, draft));
  g_assert_true (desk_suggestion_apply (nato, draft));
  g_assert_true (desk_suggestion_apply (harbour, draft));
  g_assert_cmpstr (desk_paragraph_get_text (desk_draft_get_paragraph (draft, 0)), ==,
                   "Islamic State claimed the attack on North Atlantic Treaty Organization forces, "
                   "officials in the U.S. said.");
  g_assert_cmpstr (desk_paragraph_get_text (desk_draft_get_paragraph (draft, 1)), ==,
                   "The Islamic State said its fighters held the harbour. Islamic State fighters also struck.");
  /* Quotations are never changed. */
  g_assert_cmpstr (desk_paragraph_get_text (desk_draft_get_paragraph (draft, 2)), ==,
                   "\"ISIS will not stop,\" a spokesman said of Islamic State, the NATO said.");

  /* Said one way now; a rejected summary is not proposed again. */
  again = desk_style_suggest (style, draft, aliases, rejected);
  g_assert_null (find_style (again, "Islamic State"));
  g_assert_null (find_style (again, "harbour"));
  g_assert_null (find_style (again, "NATO"));

  /* House spelling decides the form. */
  {
    const char * const us_paragraphs[] = { "The harbour and the harbour wall, by the harbor.", NULL };
    g_autoptr(DeskDraft) us_draft = draft_of (us_paragraphs);
    g_autoptr(GPtrArray) us = NULL;

    desk_style_set_spelling (style, DESK_STYLE_SPELLING_US);
    us = desk_style_suggest (style, us_draft, NULL, NULL);
    g_assert_nonnull (find_style (us, "harbor"));
    g_assert_cmpstr (desk_suggestion_get_text (find_style (us, "harbor")), ==, "harbor, 1 × · harbour, 2 ×");
    g_assert_true (desk_suggestion_apply (find_style (us, "harbor"), us_draft));
    g_assert_cmpstr (desk_paragraph_get_text (desk_draft_get_paragraph (us_draft, 0)), ==,
                     "The harbor and the harbor wall, by the harbor.");
  }
}

static void
test_full_stop (void)
{
  const char * const paragraphs[] = { "Talks in the U.S. Officials in the United States agreed.", NULL };
  g_autoptr(DeskDraft) draft = draft_of (paragraphs);
  const char * const forms[] = { "U.S.", NULL };

  g_assert_cmpuint (desk_style_replace_forms (draft, "United States", forms, NULL), ==, 1);
  g_assert_cmpstr (desk_paragraph_get_text (desk_draft_get_paragraph (draft, 0)), ==,
                   "Talks in the United States. Officials in the United States agreed.");
}

static void
test_names (void)
{
  DeskStylePunctuation punctuation;
  DeskStyleSpelling spelling;
  DeskStyleDateline dateline;

  g_assert_true (desk_style_punctuation_from_string ("typographic", &punctuation));
  g_assert_cmpint (punctuation, ==, DESK_STYLE_PUNCTUATION_TYPOGRAPHIC);
  g_assert_true (desk_style_punctuation_from_string ("ASCII", &punctuation));
  g_assert_cmpint (punctuation, ==, DESK_STYLE_PUNCTUATION_ASCII);
  g_assert_false (desk_style_punctuation_from_string ("fancy", &punctuation));
  g_assert_true (desk_style_spelling_from_string ("gb", &spelling));
  g_assert_cmpstr (desk_style_spelling_to_string (spelling), ==, "gb");
  g_assert_true (desk_style_dateline_from_string ("caps-agency", &dateline));
  g_assert_cmpstr (desk_style_dateline_to_string (dateline), ==, "caps-agency");

  for (DeskStyleDash dash = DESK_STYLE_DASH_EM; dash <= DESK_STYLE_DASH_EN; dash++)
    {
      DeskStyleDash back;

      g_assert_true (desk_style_dash_from_string (desk_style_dash_to_string (dash), &back));
      g_assert_cmpint (back, ==, dash);
    }
  for (DeskStyleNbsp nbsp = DESK_STYLE_NBSP_NONE; nbsp <= DESK_STYLE_NBSP_FRENCH; nbsp++)
    {
      DeskStyleNbsp back;

      g_assert_true (desk_style_nbsp_from_string (desk_style_nbsp_to_string (nbsp), &back));
      g_assert_cmpint (back, ==, nbsp);
    }
  {
    DeskStyleDash dash;
    DeskStyleNbsp nbsp;

    g_assert_cmpstr (desk_style_dash_to_string (DESK_STYLE_DASH_EM_CLOSED), ==, "em-closed");
    g_assert_false (desk_style_dash_from_string ("hyphen", &dash));
    g_assert_cmpstr (desk_style_nbsp_to_string (DESK_STYLE_NBSP_FRENCH), ==, "french");
    g_assert_false (desk_style_nbsp_from_string ("swiss", &nbsp));
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/style/typographic/quotes", test_typographic_quotes);
  g_test_add_func ("/style/typographic/dashes", test_typographic_dashes);
  g_test_add_func ("/style/typographic/dash-forms", test_dash_forms);
  g_test_add_func ("/style/typographic/dash-other-styles", test_dash_other_styles);
  g_test_add_func ("/style/typographic/nbsp", test_nbsp);
  g_test_add_func ("/style/code-like", test_code_like);
  g_test_add_func ("/style/ascii", test_ascii);
  g_test_add_func ("/style/round-trip", test_round_trip);
  g_test_add_func ("/style/spelling", test_spelling);
  g_test_add_func ("/style/spelling-language", test_spelling_language);
  g_test_add_func ("/style/dateline", test_dateline);
  g_test_add_func ("/style/accept-and-apply", test_accept_and_apply);
  g_test_add_func ("/style/generated", test_generated);
  g_test_add_func ("/style/names", test_names);
  g_test_add_func ("/style/suggestions", test_style_suggestions);
  g_test_add_func ("/style/full-stop", test_full_stop);

  return g_test_run ();
}
