/* desk-language.c: which language a story is written in
 *
 * From its function words: every language writes its articles, prepositions, pronouns
 * and auxiliaries in nearly every sentence, and each language's most frequent ones are
 * few and its own. Words are compared case-folded, accents kept ("für", "été").
 * A language is named when its function words are a plausible share of the text and
 * clearly outnumber the next language's; otherwise the language is not known, and the
 * caller says nothing rather than something wrong.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "desk-language.h"

/* Fewer words than this say too little to tell. */
#define MIN_WORDS 12

/* Running prose has about a third to a half of its words from these lists (about 0.4 in
 * English news copy, 0.35 in German); a text where the best language's share is under a
 * tenth is a list, a table or a language not listed here. */
#define MIN_SHARE 0.10

/* The best language must have this many times the hits of the runner-up: the lists
 * overlap a little ("de", "la", "en", "die" in English and German text quoted). */
#define MIN_LEAD 1.5

typedef struct
{
  const char         *code;   /* BCP 47 */
  const char * const *words;  /* case-folded */
} Language;

static const char * const english[] = {
  "the", "and", "of", "to", "in", "is", "that", "for", "was", "with", "on", "said", "he", "it",
  "as", "by", "at", "from", "his", "have", "has", "are", "were", "be", "this", "which", "not",
  "but", "an", "they", "their", "who", "would", "will", "been", "she", "her", "had", NULL
};

static const char * const german[] = {
  "der", "die", "und", "das", "den", "des", "dem", "ist", "nicht", "mit", "sich", "auf",
  "für", "von", "zu", "ein", "eine", "einer", "einen", "auch", "es", "im", "dass", "wie",
  "wurde", "werden", "hat", "bei", "nach", "aus", "sind", "noch", "um", "über", "vor", "sagte",
  "zum", "zur", NULL
};

static const char * const french[] = {
  "le", "la", "les", "des", "et", "est", "un", "une", "du", "que", "qui", "dans", "pour",
  "pas", "sur", "au", "avec", "ce", "il", "elle", "ont", "sont", "été", "par", "plus", "aux",
  "cette", "ses", "mais", "leur", "selon", "a", NULL
};

static const char * const spanish[] = {
  "el", "la", "los", "las", "del", "y", "que", "en", "un", "una", "por", "con", "para", "es",
  "se", "su", "al", "lo", "como", "más", "pero", "sus", "ha", "fue", "este", "esta", "según",
  NULL
};

static const char * const italian[] = {
  "il", "lo", "la", "gli", "le", "di", "e", "che", "è", "per", "un", "una", "del", "della",
  "dei", "non", "con", "sono", "ha", "nel", "alla", "anche", "più", "questo", "ai", "nella",
  NULL
};

static const char * const dutch[] = {
  "de", "het", "een", "en", "van", "is", "dat", "niet", "op", "te", "met", "voor", "zijn",
  "er", "aan", "ook", "als", "maar", "door", "bij", "om", "werd", "wordt", "naar", NULL
};

static const char * const portuguese[] = {
  "o", "os", "a", "as", "de", "do", "da", "dos", "das", "e", "que", "em", "um", "uma", "para",
  "com", "não", "por", "mais", "no", "na", "se", "foi", "ao", "pelo", "pela", NULL
};

static const Language languages[] = {
  { "en", english },
  { "de", german },
  { "fr", french },
  { "es", spanish },
  { "it", italian },
  { "nl", dutch },
  { "pt", portuguese },
};

/* word -> bit set of the languages that use it */
static GHashTable *
lexicon (void)
{
  static GHashTable *table;
  static gsize initialized;

  if (g_once_init_enter (&initialized))
    {
      GHashTable *words = g_hash_table_new (g_str_hash, g_str_equal);

      for (guint i = 0; i < G_N_ELEMENTS (languages); i++)
        for (guint j = 0; languages[i].words[j] != NULL; j++)
          {
            guint bits = GPOINTER_TO_UINT (g_hash_table_lookup (words, languages[i].words[j]));

            g_hash_table_insert (words, (gpointer)languages[i].words[j],
                                 GUINT_TO_POINTER (bits | (1u << i)));
          }
      table = words;
      g_once_init_leave (&initialized, 1);
    }

  return table;
}

/**
 * desk_language_guess:
 * @text: a story, or part of one, in UTF-8
 * @length: its length in bytes, or -1 when it ends in a NUL
 *
 * Returns: (nullable): the BCP 47 code of the language @text is written in ("en", "de",
 *   "fr", "es", "it", "nl", "pt"), or %NULL when it cannot be told
 */
const char *
desk_language_guess (const char *text,
                     gssize      length)
{
  GHashTable *words = lexicon ();
  guint hits[G_N_ELEMENTS (languages)] = { 0 };
  guint n_words = 0;
  const char *end;
  const char *p;
  guint best = 0;
  guint second = 0;

  if (text == NULL)
    return NULL;
  if (length < 0)
    length = strlen (text);
  if (!g_utf8_validate_len (text, length, NULL))
    return NULL;

  end = text + length;
  p = text;
  while (p < end)
    {
      const char *start;
      g_autofree char *folded = NULL;
      guint bits;

      while (p < end && !g_unichar_isalpha (g_utf8_get_char (p)))
        p = g_utf8_next_char (p);
      start = p;
      while (p < end && g_unichar_isalpha (g_utf8_get_char (p)))
        p = g_utf8_next_char (p);
      if (p == start)
        break;

      n_words++;
      if (p - start > 8)
        continue;
      folded = g_utf8_casefold (start, p - start);
      bits = GPOINTER_TO_UINT (g_hash_table_lookup (words, folded));
      for (guint i = 0; bits != 0; i++, bits >>= 1)
        if (bits & 1)
          hits[i]++;
    }

  if (n_words < MIN_WORDS)
    return NULL;

  for (guint i = 1; i < G_N_ELEMENTS (languages); i++)
    if (hits[i] > hits[best])
      best = i;
  second = best == 0 ? 1 : 0;
  for (guint i = 0; i < G_N_ELEMENTS (languages); i++)
    if (i != best && hits[i] > hits[second])
      second = i;

  if (hits[best] < MIN_SHARE * n_words || hits[best] < MIN_LEAD * hits[second])
    return NULL;

  return languages[best].code;
}
