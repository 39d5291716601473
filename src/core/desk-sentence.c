/* desk-sentence.c: sentences, and the words matching compares
 *
 * This is the one place where text is normalised for matching. A paragraph is cut into
 * sentences (not after "Dr.", "Nov.", "U.S." or an initial), and each sentence into
 * words that are folded so that what real versions of a story do to the same sentence
 * does not count as a difference:
 *
 *  - case, accents, quote styles and dashes (only letters and digits are words);
 *  - entity variants, through the alias table ("IS", "ISIS" and "the Islamic State" are
 *    one word);
 *  - plurals and tenses, by a light stemmer ("continues", "continuing" → "continu");
 *  - number words ("two" → "2");
 *  - possessives ("Merkel's" → "merkel").
 *
 * Function words are kept, flagged as stop words: they take part in finding new clauses
 * but not in measuring overlap.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "desk-sentence.h"

struct _DeskLexicon
{
  DeskAliases *aliases;
  GHashTable  *ids;      /* word → id + 1 */
  GPtrArray   *words;    /* id → word */
  GArray      *flags;    /* id → DeskTokenFlags the word has been seen with (NAME) */
  GHashTable  *stop;
  GHashTable  *days;
  GHashTable  *numbers;  /* number word → digits */
  GHashTable  *known;    /* folded word (not an alias) → KnownWord: what it normalised to */
};

/* A word as normalisation left it: the id of its stem (or digits) and whether it is a
 * stop word, a number or a day. A roundup repeats its vocabulary in every paragraph, and
 * normalising a word takes several lookups and a copy. */
typedef struct
{
  guint id;
  guint flags;
} KnownWord;

static const char * const stop_words[] = {
  "a", "an", "the", "of", "in", "on", "at", "to", "for", "from", "by", "with", "as", "into",
  "and", "or", "but", "nor", "so", "than", "then", "that", "this", "these", "those", "there",
  "is", "are", "was", "were", "be", "been", "being", "am", "has", "have", "had", "do", "does",
  "did", "will", "would", "shall", "should", "can", "could", "may", "might", "must",
  "it", "its", "he", "she", "they", "them", "their", "his", "her", "him", "we", "our", "us",
  "you", "your", "i", "me", "my", "who", "whom", "whose", "which", "what", "when", "where",
  "while", "also", "said", "say", "says", "told", "according", "s", "t", "about", "over",
  "after", "before", "up", "out", "just", "very", "both", "some", "such", "all", "any",
  "since", "because", "although", "though", "however", "if", "whether", "other", "more",
  "most", "not", "no", "only", "own", "same", "too", "via", "per", "well", "being", "group",
  /* German function words, folded ("für" is "fur"); not those that are English words of
   * their own ("war", "will", "also", "hat", "man", "bad", "gift", "rat", "kind"). */
  "der", "die", "das", "dem", "den", "des", "ein", "eine", "einer", "einen", "einem", "eines",
  "und", "oder", "aber", "nicht", "mit", "von", "vom", "zu", "zum", "zur", "auf", "aus", "bei",
  "beim", "nach", "uber", "fur", "gegen", "durch", "ohne", "unter", "sich", "sie", "er", "es",
  "wir", "ihr", "ihre", "ihren", "ihrem", "ihrer", "sein", "seine", "seinen", "seinem", "seiner",
  "ist", "sind", "wird", "werden", "wurde", "wurden", "worden", "habe", "haben", "hatte",
  "hatten", "kann", "konnen", "konnte", "soll", "sollen", "sollte", "muss", "mussen", "dass",
  "wie", "wenn", "als", "auch", "noch", "nur", "schon", "mehr", "sehr", "bereits", "diese",
  "dieser", "dieses", "diesen", "diesem", "dort", "hier", "jedoch", "sowie", "sagte", "sagt",
  "laut", "zwischen", "seit", "bis", "vor", "im", "ins", "um", "ob", "denn", "doch", "dabei",
  "damit", "dazu", "jetzt", "nun", "keine", "kein", "keinen",
  /* French function words, folded ("été" is "ete"); not "son", "pour", "sale". */
  "le", "la", "les", "un", "une", "du", "de", "et", "ou", "mais", "dans", "sur", "par", "avec",
  "sans", "sous", "est", "sont", "ete", "etait", "avait", "ont", "au", "aux", "ce", "cette",
  "ces", "qui", "que", "qu", "il", "elle", "ils", "elles", "nous", "vous", "leur", "leurs",
  "sa", "ses", "se", "ne", "pas", "plus", "selon", "entre", "apres", "avant", "comme", "aussi",
  "tres", "deja", "dit", "lors", "dont", "ainsi",
};

static const char * const day_words[] = {
  "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
  "today", "tomorrow", "yesterday", "tonight",
  "january", "february", "march", "april", "june", "july", "august", "september",
  "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug",
  "sep", "sept", "oct", "nov", "dec",
};

static const char * const number_words[][2] = {
  { "one", "1" }, { "two", "2" }, { "three", "3" }, { "four", "4" }, { "five", "5" },
  { "six", "6" }, { "seven", "7" }, { "eight", "8" }, { "nine", "9" }, { "ten", "10" },
  { "eleven", "11" }, { "twelve", "12" }, { "dozen", "12" }, { "first", "1st" },
  { "second", "2nd" }, { "third", "3rd" },
};

/* Words after which a full stop does not end a sentence. */
static const char * const abbreviations[] = {
  "Mr", "Mrs", "Ms", "Dr", "Gen", "Sen", "Rep", "Gov", "Lt", "Col", "Sgt", "Capt", "Maj",
  "Prof", "St", "Rev", "Adm", "Cmdr", "Supt", "Insp", "Cpl", "Pvt", "Gens", "Sens", "Reps",
  "Jan", "Feb", "Mar", "Apr", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec",
  "No", "Nos", "vs", "Inc", "Co", "Corp", "Ltd", "Jr", "Sr", "Bros", "Ft", "Mt", "Ave", "Blvd",
  "Ala", "Ariz", "Ark", "Calif", "Colo", "Conn", "Del", "Fla", "Ga", "Ill", "Ind", "Kan", "Ky",
  "La", "Md", "Mass", "Mich", "Minn", "Miss", "Mo", "Mont", "Neb", "Nev", "Okla", "Ore", "Pa",
  "Tenn", "Tex", "Va", "Vt", "Wash", "Wis", "Wyo", "approx", "est", "Gov't", "ca", "cf", "etc",
};

static GHashTable *
set_from (const char * const *words,
          guint               n)
{
  GHashTable *set = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < n; i++)
    g_hash_table_add (set, (gpointer)words[i]);

  return set;
}

/* The abbreviations as a set, made once for the process and never changed. */
static GHashTable *
abbreviation_set (void)
{
  static GHashTable *set;

  if (g_once_init_enter (&set))
    g_once_init_leave (&set, set_from (abbreviations, G_N_ELEMENTS (abbreviations)));
  return set;
}

/**
 * desk_lexicon_new:
 * @aliases: (nullable): the alias table to fold entity names with
 *
 * Returns: (transfer full): a new lexicon
 */
DeskLexicon *
desk_lexicon_new (DeskAliases *aliases)
{
  DeskLexicon *lexicon = g_new0 (DeskLexicon, 1);

  lexicon->aliases = aliases ? g_object_ref (aliases) : NULL;
  lexicon->ids = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, NULL);
  lexicon->words = g_ptr_array_new_with_free_func (g_free);
  lexicon->flags = g_array_new (FALSE, FALSE, sizeof (guint));
  lexicon->stop = set_from (stop_words, G_N_ELEMENTS (stop_words));
  lexicon->days = set_from (day_words, G_N_ELEMENTS (day_words));
  lexicon->numbers = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < G_N_ELEMENTS (number_words); i++)
    g_hash_table_insert (lexicon->numbers, (gpointer)number_words[i][0],
                         (gpointer)number_words[i][1]);
  lexicon->known = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  return lexicon;
}

void
desk_lexicon_free (DeskLexicon *lexicon)
{
  if (lexicon == NULL)
    return;

  g_clear_object (&lexicon->aliases);
  g_hash_table_unref (lexicon->ids);
  g_ptr_array_unref (lexicon->words);
  g_array_unref (lexicon->flags);
  g_hash_table_unref (lexicon->stop);
  g_hash_table_unref (lexicon->days);
  g_hash_table_unref (lexicon->numbers);
  g_hash_table_unref (lexicon->known);
  g_free (lexicon);
}

/**
 * desk_lexicon_is_name:
 *
 * Returns: whether the word has been seen capitalised inside a sentence in this run: a
 *   name, even where it opens a sentence
 */
gboolean
desk_lexicon_is_name (DeskLexicon *lexicon,
                      guint        id)
{
  g_return_val_if_fail (id < lexicon->flags->len, FALSE);
  return (g_array_index (lexicon->flags, guint, id) & DESK_TOKEN_NAME) != 0;
}

const char *
desk_lexicon_word (DeskLexicon *lexicon,
                   guint        id)
{
  g_return_val_if_fail (id < lexicon->words->len, NULL);
  return g_ptr_array_index (lexicon->words, id);
}

static guint
intern (DeskLexicon *lexicon,
        const char  *word,
        guint        flags)
{
  gpointer value = g_hash_table_lookup (lexicon->ids, word);
  char *copy;
  guint id;

  if (value != NULL)
    return GPOINTER_TO_UINT (value) - 1;

  id = lexicon->words->len;
  copy = g_strdup (word);
  g_ptr_array_add (lexicon->words, copy);
  g_array_append_val (lexicon->flags, flags);
  g_hash_table_insert (lexicon->ids, copy, GUINT_TO_POINTER (id + 1));

  return id;
}

/**
 * desk_lexicon_get_n_words:
 *
 * Returns: how many words the lexicon holds (their ids are 0 to this, less one)
 */
guint
desk_lexicon_get_n_words (DeskLexicon *lexicon)
{
  return lexicon->words->len;
}

/**
 * desk_lexicon_import:
 * @lexicon: this run's lexicon
 * @other: a lexicon with the same alias table, that parsed other texts
 * @id: a word of @other
 * @name: whether the text @other read it in has it as a name (desk_token_names_word())
 *
 * Adds a word of @other to @lexicon, as parsing the text @other read it in would have.
 * Importing the words of a text in the order they first appear in it (and so in the order
 * a parse of that text interns them), the text's sentences copied with
 * desk_sentence_copy_mapped() are what desk_sentence_parse() with @lexicon gives, word
 * ids included.
 *
 * Returns: the word's id in @lexicon
 */
guint
desk_lexicon_import (DeskLexicon *lexicon,
                     DeskLexicon *other,
                     guint        id,
                     gboolean     name)
{
  guint mine;

  g_return_val_if_fail (id < other->words->len, 0);

  mine = intern (lexicon, g_ptr_array_index (other->words, id), 0);
  if (name)
    g_array_index (lexicon->flags, guint, mine) |= DESK_TOKEN_NAME;

  return mine;
}

/**
 * desk_lexicon_set_name:
 *
 * Marks a word as a name (desk_lexicon_is_name()), as a text that has it as one does.
 */
void
desk_lexicon_set_name (DeskLexicon *lexicon,
                       guint        id)
{
  g_return_if_fail (id < lexicon->flags->len);
  g_array_index (lexicon->flags, guint, id) |= DESK_TOKEN_NAME;
}

/**
 * desk_token_names_word:
 *
 * Returns: whether parsing @token marked its word as a name in the lexicon
 *   (desk_lexicon_is_name())
 */
gboolean
desk_token_names_word (const DeskToken *token)
{
  return (token->flags & DESK_TOKEN_NAME) != 0 && (token->flags & DESK_TOKEN_ALIAS) == 0;
}

/* ---- Sentences ----------------------------------------------------------------------- */

static gboolean
is_closing (gunichar c)
{
  return c == '"' || c == '\'' || c == ')' || c == ']' || c == 0x201D || c == 0x2019 ||
         c == 0x00BB;
}

static gboolean
is_opening (gunichar c)
{
  return c == '"' || c == '\'' || c == '(' || c == '[' || c == 0x201C || c == 0x2018 ||
         c == 0x00AB;
}

/* Whether the full stop at @dot closes an abbreviation rather than a sentence. */
static gboolean
is_abbreviation (const char *text,
                 const char *dot)
{
  const char *start = dot;
  g_autofree char *word = NULL;

  while (start > text && g_ascii_isalpha (start[-1]))
    start--;

  if (start == dot)
    return FALSE;

  /* An initial ("John F. Kennedy"), or part of "U.S." or "a.m." */
  if (dot - start == 1 && g_ascii_isupper (*start))
    return TRUE;
  if (start > text && start[-1] == '.')
    return TRUE;

  word = g_strndup (start, dot - start);
  return g_hash_table_contains (abbreviation_set (), word);
}

/* Month names of the languages a desk receives, folded: a day written as an ordinal
 * before one ("am 4. April", "1. Mai") does not end a sentence. */
static const char * const month_words[] = {
  "januar", "februar", "marz", "april", "mai", "juni", "juli", "august", "september",
  "oktober", "november", "dezember", "janner",
  "janvier", "fevrier", "mars", "avril", "juin", "juillet", "aout", "septembre", "octobre",
  "novembre", "decembre",
  "january", "february", "march", "may", "june", "july", "october", "december",
};

static GHashTable *
month_set (void)
{
  static GHashTable *set = NULL;

  if (g_once_init_enter (&set))
    g_once_init_leave (&set, set_from (month_words, G_N_ELEMENTS (month_words)));
  return set;
}

/* Whether the full stop at @dot makes the day before it an ordinal: one or two digits
 * standing alone, and a month's name after it. */
static gboolean
is_day_ordinal (const char *text,
                const char *dot)
{
  const char *start = dot, *word, *end;
  g_autofree char *lower = NULL;
  g_autofree char *folded = NULL;
  g_autoptr(GString) plain = g_string_new (NULL);

  while (start > text && g_ascii_isdigit (start[-1]))
    start--;
  if (start == dot || dot - start > 2)
    return FALSE;
  if (start > text && g_unichar_isalnum (g_utf8_get_char (g_utf8_prev_char (start))))
    return FALSE;

  word = dot + 1;
  while (*word == ' ')
    word++;
  for (end = word; *end && g_unichar_isalpha (g_utf8_get_char (end)); end = g_utf8_next_char (end))
    ;
  if (end == word)
    return FALSE;

  lower = g_utf8_casefold (word, end - word);
  folded = g_utf8_normalize (lower, -1, G_NORMALIZE_NFKD);
  for (const char *q = folded; *q; q = g_utf8_next_char (q))
    if (!g_unichar_ismark (g_utf8_get_char (q)))
      g_string_append_unichar (plain, g_utf8_get_char (q));

  return g_hash_table_contains (month_set (), plain->str);
}

/**
 * desk_sentence_split:
 * @text: a paragraph
 *
 * Returns: (transfer full) (element-type guint): pairs of byte offsets, start and end of
 *   each sentence, without the spaces between sentences
 */
GArray *
desk_sentence_split (const char *text)
{
  GArray *bounds = g_array_new (FALSE, FALSE, sizeof (guint));
  const char *p = text;
  const char *start;

  while (*p == ' ')
    p++;
  start = p;

  while (*p)
    {
      gunichar c = g_utf8_get_char (p);
      const char *next = g_utf8_next_char (p);

      if ((c == '.' || c == '!' || c == '?' || c == 0x2026) &&
          !(c == '.' && (is_abbreviation (text, p) || is_day_ordinal (text, p))))
        {
          const char *end = next;
          const char *q;

          while (*end && is_closing (g_utf8_get_char (end)))
            end = g_utf8_next_char (end);

          q = end;
          if (*q == ' ')
            {
              gunichar after;

              while (*q == ' ')
                q++;
              after = g_utf8_get_char (q);

              if (g_unichar_isupper (after) || g_unichar_isdigit (after) || is_opening (after))
                {
                  guint s = start - text, e = end - text;

                  g_array_append_val (bounds, s);
                  g_array_append_val (bounds, e);
                  start = q;
                  p = q;
                  continue;
                }
            }
        }

      p = next;
    }

  if (*start)
    {
      const char *end = start + strlen (start);
      guint s = start - text, e;

      while (end > start && end[-1] == ' ')
        end--;
      e = end - text;
      g_array_append_val (bounds, s);
      g_array_append_val (bounds, e);
    }

  return bounds;
}

/* ---- Words --------------------------------------------------------------------------- */

typedef struct
{
  const char *start;
  const char *end;
  const char *written;  /* (nullable): as written, where it has capitals */
  const char *folded;   /* case-folded, accents removed */
} Word;

/* The word's folded form, kept in @strings (a sentence's words live as long as it is
 * being read, and a chunk saves an allocation apiece). */
static const char *
fold_word (GStringChunk *strings,
           const char   *start,
           gsize         length)
{
  g_autofree char *lower = NULL;
  g_autofree char *decomposed = NULL;
  g_autoptr(GString) out = NULL;
  gboolean ascii = TRUE;

  for (gsize i = 0; i < length && ascii; i++)
    ascii = (guchar)start[i] < 0x80;

  /* Plain ASCII, by far the most words: no case folding tables, no decomposition. */
  if (ascii)
    {
      char *word = g_string_chunk_insert_len (strings, start, length);

      for (gsize i = 0; i < length; i++)
        if (word[i] >= 'A' && word[i] <= 'Z')
          word[i] += 'a' - 'A';
      return word;
    }

  lower = g_utf8_casefold (start, length);
  decomposed = g_utf8_normalize (lower, -1, G_NORMALIZE_NFKD);
  out = g_string_new (NULL);
  for (const char *p = decomposed; p && *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_ismark (c))
        continue;
      g_string_append_unichar (out, c);
    }

  return g_string_chunk_insert_len (strings, out->str, out->len);
}

static void
stem (char *word)
{
  gsize len = strlen (word);

  for (gsize i = 0; i < len; i++)
    if (!g_ascii_isalpha (word[i]))
      return;

  if (len >= 6 && g_str_has_suffix (word, "ing"))
    len -= 3;
  else if (len >= 5 && g_str_has_suffix (word, "ied"))
    {
      len -= 3;
      word[len++] = 'y';
    }
  else if (len >= 5 && g_str_has_suffix (word, "ies"))
    {
      len -= 3;
      word[len++] = 'y';
    }
  else if (len >= 5 && g_str_has_suffix (word, "ed"))
    len -= 2;
  else if (len >= 4 && word[len - 1] == 's' && word[len - 2] != 's' && word[len - 2] != 'u')
    len -= 1;

  if (len >= 4 && word[len - 1] == 'e')
    len -= 1;

  word[len] = '\0';
}

static gsize
possessive_length (const char *p,
                   const char *limit)
{
  gsize quote = 0;

  if (p < limit && *p == '\'')
    quote = 1;
  else if (limit - p >= 3 && memcmp (p, "\xe2\x80\x99", 3) == 0)
    quote = 3;

  if (quote == 0 || p + quote >= limit || p[quote] != 's')
    return 0;
  if (p + quote + 1 < limit && g_unichar_isalnum (g_utf8_get_char (p + quote + 1)))
    return 0;

  return quote + 1;
}

static int
compare_ids (gconstpointer a,
             gconstpointer b)
{
  guint ia = *(const guint *)a, ib = *(const guint *)b;

  return ia < ib ? -1 : ia > ib;
}

/* Whether the character at @p is a letter or a digit; ASCII without a table lookup. */
static inline gboolean
is_alnum_at (const char *p)
{
  if ((guchar)*p < 0x80)
    return g_ascii_isalnum (*p);
  return g_unichar_isalnum (g_utf8_get_char (p));
}

/* What @folded, a word that is not part of an alias, stands for. */
static const KnownWord *
normalize_word (DeskLexicon *lexicon,
                const char  *folded)
{
  KnownWord *known = g_hash_table_lookup (lexicon->known, folded);
  g_autofree char *normal = NULL;
  const char *digits;

  if (known != NULL)
    return known;

  known = g_new0 (KnownWord, 1);
  normal = g_strdup (folded);
  digits = g_hash_table_lookup (lexicon->numbers, normal);

  if (g_hash_table_contains (lexicon->stop, normal))
    known->flags |= DESK_TOKEN_STOP;
  else if (digits != NULL)
    {
      g_free (normal);
      normal = g_strdup (digits);
      known->flags |= DESK_TOKEN_NUMBER;
    }
  else if (g_ascii_isdigit (normal[0]))
    known->flags |= DESK_TOKEN_NUMBER;
  else if (g_hash_table_contains (lexicon->days, normal))
    known->flags |= DESK_TOKEN_DAY;
  else
    stem (normal);

  known->id = intern (lexicon, normal, 0);
  g_hash_table_insert (lexicon->known, g_strdup (folded), known);

  return known;
}

/* A sentence's content words (sorted and unique, for overlap by merging) and the hashes
 * of its content and its wording, from its tokens. */
static void
finish_sentence (DeskSentence *sentence)
{
  guint *content = g_new (guint, MAX (sentence->n_tokens, 1));
  guint n_content = 0;
  guint64 hash = 1469598103934665603ull;
  guint64 wording = 1469598103934665603ull;

  for (guint i = 0; i < sentence->n_tokens; i++)
    {
      const DeskToken *token = &sentence->tokens[i];

      wording = (wording ^ token->id) * 1099511628211ull;
      if (!(token->flags & DESK_TOKEN_STOP))
        {
          content[n_content++] = token->id;
          hash = (hash ^ token->id) * 1099511628211ull;
        }
    }

  qsort (content, n_content, sizeof (guint), compare_ids);
  if (n_content > 1)
    {
      guint kept = 1;

      for (guint i = 1; i < n_content; i++)
        if (content[i] != content[kept - 1])
          content[kept++] = content[i];
      n_content = kept;
    }

  sentence->hash = hash;
  sentence->wording = wording;
  sentence->n_content = n_content;
  sentence->content = content;
}

/**
 * desk_sentence_new:
 * @lexicon: the lexicon of this run
 * @text: the paragraph
 * @start: byte offset of the sentence in @text
 * @end: byte offset just past it
 *
 * Returns: (transfer full): the sentence with its normalised words
 */
DeskSentence *
desk_sentence_new (DeskLexicon *lexicon,
                   const char  *text,
                   guint        start,
                   guint        end)
{
  DeskSentence *sentence = g_new0 (DeskSentence, 1);
  g_autoptr(GStringChunk) strings = g_string_chunk_new (CLAMP ((end - start) * 2 + 32, 64, 4096));
  g_autofree Word *words = NULL;
  guint n_words = 0, words_size = 0;
  DeskToken *tokens;
  guint n_tokens = 0;
  g_autofree const char **written = NULL;
  g_autofree const char **folded = NULL;
  const char *p = text + start;
  const char *limit = text + end;

  sentence->start = start;
  sentence->end = end;

  while (p < limit)
    {
      Word word = { 0 };

      while (p < limit && !is_alnum_at (p))
        p = g_utf8_next_char (p);
      if (p >= limit)
        break;

      word.start = p;
      while (p < limit && is_alnum_at (p))
        p = g_utf8_next_char (p);
      word.end = p;

      /* "Merkel's", "Merkel’s": the possessive is not a word of its own. */
      p += possessive_length (p, limit);

      word.folded = fold_word (strings, word.start, word.end - word.start);
      /* As written, only where it differs: alias variants in capitals match only words
       * in capitals. */
      if (g_unichar_isupper (g_utf8_get_char (word.start)))
        word.written = g_string_chunk_insert_len (strings, word.start, word.end - word.start);

      if (n_words == words_size)
        {
          words_size = MAX (32, words_size * 2);
          words = g_renew (Word, words, words_size);
        }
      words[n_words++] = word;
    }

  written = g_new0 (const char *, n_words + 1);
  folded = g_new0 (const char *, n_words + 1);
  /* A token is a word or several: never more tokens than words. */
  tokens = g_new (DeskToken, MAX (n_words, 1));
  for (guint i = 0; i < n_words; i++)
    {
      written[i] = words[i].written ? words[i].written : words[i].folded;
      folded[i] = words[i].folded;
    }

  for (guint i = 0; i < n_words;)
    {
      Word *word = &words[i];
      DeskToken token = { 0 };
      const char *canonical = NULL;
      guint matched = 1;
      gunichar first = g_utf8_get_char (word->start);

      if (lexicon->aliases != NULL)
        canonical = _desk_aliases_match (lexicon->aliases, written + i, folded + i,
                                         n_words - i, &matched);

      if (canonical != NULL)
        {
          token.id = intern (lexicon, canonical, 0);
          token.flags = DESK_TOKEN_ALIAS | DESK_TOKEN_NAME;
        }
      else
        {
          const KnownWord *known = normalize_word (lexicon, word->folded);

          matched = 1;
          token.id = known->id;
          token.flags = known->flags;

          if (i > 0 && g_unichar_isupper (first) && !(token.flags & (DESK_TOKEN_STOP | DESK_TOKEN_DAY)))
            token.flags |= DESK_TOKEN_NAME;

          /* Remember it as a name, for when it opens a sentence elsewhere. */
          if (desk_token_names_word (&token))
            g_array_index (lexicon->flags, guint, token.id) |= DESK_TOKEN_NAME;
        }

      token.start = word->start - text;
      token.end = words[i + matched - 1].end - text;
      token.words = matched;
      tokens[n_tokens++] = token;

      i += matched;
    }

  sentence->tokens = tokens;
  sentence->n_tokens = n_tokens;
  finish_sentence (sentence);

  return sentence;
}

/**
 * desk_sentence_copy_mapped:
 * @sentence: a sentence parsed with another lexicon
 * @map: for every word id of that lexicon, the id of the same word in this run's
 *   (desk_lexicon_import())
 *
 * The same sentence in this run's words: what desk_sentence_new() gives on the same text
 * once this run's lexicon holds the other's words.
 *
 * Returns: (transfer full): the copy
 */
DeskSentence *
desk_sentence_copy_mapped (const DeskSentence *sentence,
                           const guint        *map)
{
  DeskSentence *copy = g_new0 (DeskSentence, 1);

  copy->start = sentence->start;
  copy->end = sentence->end;
  copy->n_tokens = sentence->n_tokens;
  copy->tokens = g_new (DeskToken, MAX (sentence->n_tokens, 1));
  for (guint i = 0; i < sentence->n_tokens; i++)
    {
      copy->tokens[i] = sentence->tokens[i];
      copy->tokens[i].id = map[sentence->tokens[i].id];
    }
  finish_sentence (copy);

  return copy;
}

void
desk_sentence_free (DeskSentence *sentence)
{
  if (sentence == NULL)
    return;

  g_free (sentence->tokens);
  g_free (sentence->content);
  g_free (sentence);
}

/**
 * desk_sentence_parse:
 * @lexicon: the lexicon of this run
 * @text: a paragraph
 *
 * Returns: (transfer full) (element-type DeskSentence): the sentences of @text
 */
GPtrArray *
desk_sentence_parse (DeskLexicon *lexicon,
                     const char  *text)
{
  g_autoptr(GArray) bounds = desk_sentence_split (text);
  GPtrArray *sentences = g_ptr_array_new_with_free_func ((GDestroyNotify)desk_sentence_free);

  for (guint i = 0; i + 1 < bounds->len; i += 2)
    g_ptr_array_add (sentences,
                     desk_sentence_new (lexicon, text,
                                        g_array_index (bounds, guint, i),
                                        g_array_index (bounds, guint, i + 1)));

  return sentences;
}

/**
 * desk_sentence_normalize:
 *
 * Returns: (transfer full): the sentence's words as matching sees them, for tests and
 *   debugging ("=islamic_state claim responsibility …")
 */
char *
desk_sentence_normalize (DeskLexicon        *lexicon,
                         const DeskSentence *sentence)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < sentence->n_tokens; i++)
    {
      if (i > 0)
        g_string_append_c (out, ' ');
      g_string_append (out, desk_lexicon_word (lexicon, sentence->tokens[i].id));
    }

  return g_string_free (out, FALSE);
}

/**
 * desk_sentence_overlap:
 *
 * Returns: how many content words @a and @b share
 */
guint
desk_sentence_overlap (const DeskSentence *a,
                       const DeskSentence *b)
{
  guint i = 0, j = 0, n = 0;

  while (i < a->n_content && j < b->n_content)
    {
      if (a->content[i] == b->content[j])
        {
          n++;
          i++;
          j++;
        }
      else if (a->content[i] < b->content[j])
        i++;
      else
        j++;
    }

  return n;
}

/**
 * desk_sentence_contained:
 *
 * Returns: the share of @a's content words that @b has too (1.0 when @a has none)
 */
double
desk_sentence_contained (const DeskSentence *a,
                         const DeskSentence *b)
{
  if (a->n_content == 0)
    return 1.0;

  return (double)desk_sentence_overlap (a, b) / a->n_content;
}
