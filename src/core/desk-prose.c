/* desk-prose.c: whether a block of text reads as a paragraph of a news story
 *
 * The suggester proposes only what reads as running text. What a page puts around a
 * story — labels and buttons, related headlines, photo captions and credits, embedded
 * posts, pitches to the reader, copyright lines, contact blocks — is told apart here by
 * what the text is, not by which words a particular site uses:
 *
 *  - running text has enough words to be a sentence, ends as a sentence ends, and is not
 *    set in title case (headlines and labels capitalise nearly every word; German prose
 *    still writes its function words in lower case);
 *  - news copy speaks about people, not to the reader: second-person address outside a
 *    quotation is a prompt or a pitch;
 *  - captions follow the genre's own conventions in every agency and language: a credit
 *    "Agency/Photographer", "(… Photo …)", "Photo:", "file photo", "FILE –";
 *  - web addresses, handles, copyright notices, telephone numbers and e-mail addresses
 *    are not part of a story's prose.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "desk-hash.h"
#include "desk-prose.h"
#include "desk-wire-text-private.h"

/* A paragraph of fewer words is a label, a button or a stamp, not a paragraph of a story. */
#define PARAGRAPH_MIN_WORDS     4
/* A sentence of fewer words inside a paragraph is still a sentence ("He declined."). */
#define SENTENCE_MIN_WORDS      2
/* Running text writes at least this share of its words (after the first) in lower case;
 * title case writes only its short function words so. Measured: English news prose
 * 0.55–0.85, German 0.40–0.60, English headlines 0.05–0.30. */
#define PROSE_MIN_LOWER_SHARE   0.34
/* A block of at most this many words that carries a web address or contact details is a
 * link, an embed (a post runs to some 20 to 30 words) or a contact line; a longer
 * paragraph of running text that mentions an address is story text. */
#define LINK_BLOCK_MAX_WORDS    35
/* "Copyright" or "trademark" without a sign, a year or "all rights reserved" makes a notice
 * of a block of at most this many words ("Copyright The Courier", "Copyright 2026 AP. This
 * material may not be published, broadcast, rewritten or redistributed."); a paragraph of
 * the story may name the words (a dispute over a trademark, a copyright case). */
#define NOTICE_WORD_MAX_WORDS   LINK_BLOCK_MAX_WORDS
/* A block of at most this many words that opens on a verb of the calls to action is one. */
#define PROMPT_MAX_WORDS        12
/* No paragraph of a story is longer than this; a block that is (a page's text run into
 * one line) is not judged by the patterns, whose cost grows with it, and counts as text. */
#define JUDGE_MAX_BYTES         (16 * 1024)
/* Second-person address is a prompt only in a block of at most this many words; a long
 * paragraph that speaks to the reader once is still prose (a feature's aside). */
#define ADDRESS_MAX_WORDS       60

typedef struct
{
  GRegex *caption;
  GRegex *link;
  GRegex *notice;
  GRegex *notice_word;
  GRegex *contact;
  GRegex *offer;
} Patterns;

static const Patterns *
patterns (void)
{
  static Patterns patterns;
  static gsize ready = 0;

  if (g_once_init_enter (&ready))
    {
      GRegexCompileFlags flags = G_REGEX_CASELESS | G_REGEX_OPTIMIZE;

      /* The conventions of a caption or a photo credit, in the agencies' languages. */
      patterns.caption =
        g_regex_new ("\\b(?:photos?|fotos?|images?|pictures?|bild|bilder|video)\\s*[:/|]"
                     "|\\([^()]{0,80}\\b(?:photos?|fotos?|images?|bild|pictures?)\\b[^()]{0,80}\\)"
                     "|\\b(?:file|archive|archiv)\\s+(?:photos?|images?|pictures?|fotos?|bild)\\b"
                     "|^\\W*(?:file|archiv|archive)\\s*[-\\x{2013}\\x{2014}:]"
                     "|\\bin this\\s+(?:\\S+\\s+){0,8}(?:photo|image|picture)\\b"
                     "|\\b(?:getty images|shutterstock|picture alliance)\\b"
                     "|(?-i:\\b[A-Z]{2,}[A-Za-z]*\\s?/\\s?[A-Z][a-z]+)"
                     /* a news video's description ends on the day it was shot, then
                      * the agency: "… toward fixing relations. (July 16) AP" */
                     "|\\((?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\\.?"
                     "\\s+\\d{1,2}\\)\\s*(?:\\S+\\s*){0,3}$",
                     flags, 0, NULL);
      patterns.link =
        g_regex_new ("https?://|\\bwww\\.|\\bpic\\.twitter\\.com|\\(@\\w+\\)"
                     "|\\b[\\w-]+\\.(?:com|org|net|de|fr|co\\.uk|html?)/",
                     flags, 0, NULL);
      patterns.notice =
        g_regex_new ("\\x{00A9}|\\(c\\)\\s*\\d{4}"
                     "|\\ball rights reserved\\b|\\balle rechte vorbehalten\\b"
                     "|\\btous droits r\\x{00E9}serv\\x{00E9}s\\b"
                     /* an agency's note that what follows is for the desk only */
                     "|\\bnot for publication\\b|\\bnicht zur ver\\x{00F6}ffentlichung\\b"
                     "|\\bne pas publier\\b",
                     flags, 0, NULL);
      /* The bare words name a notice only in a short block (see NOTICE_WORD_MAX_WORDS) */
      patterns.notice_word = g_regex_new ("\\bcopyright\\b|\\btrademark\\b", flags, 0, NULL);
      patterns.contact =
        g_regex_new ("\\b[\\w.+-]+@[\\w-]+(?:\\.[\\w-]+)+\\b"
                     "|\\+\\d[\\d\\s/().-]{7,}\\d"
                     "|\\b(?:tel|telefon|phone|fax|t\\x{00E9}l)\\b\\.?:?\\s*[\\d+(]",
                     flags, 0, NULL);
      /* A price by the period: what a subscription or a membership pitch offers
       * ("$1 for 4 weeks", "0,99 € im Monat", "4 Wochen für 1 €"). */
      patterns.offer =
        g_regex_new ("(?:[$\\x{20AC}\\x{00A3}]\\s?\\d|\\d[\\d.,]*\\s?(?:\\x{20AC}|\\x{00A3}|\\$|eur\\b|euro\\b))"
                     "[^.!?]{0,30}?\\b(?:for|per|a|an|im|pro|f\\x{00FC}r|par|pour)\\s+(?:\\d+\\s+)?"
                     "(?:weeks?|months?|years?|wochen?|monate?|jahre?|semaines?|mois|ans?)\\b"
                     "|\\b\\d+\\s+(?:weeks?|months?|wochen|monate|semaines|mois)\\s+"
                     "(?:for|f\\x{00FC}r|pour)\\s+(?:[$\\x{20AC}\\x{00A3}]\\s?\\d|\\d[\\d.,]*\\s?(?:\\x{20AC}|\\x{00A3}|\\$))",
                     flags, 0, NULL);
      g_assert (patterns.caption && patterns.link && patterns.notice && patterns.notice_word &&
                patterns.contact &&
                patterns.offer);
      g_once_init_leave (&ready, 1);
    }

  return &patterns;
}

/* Whether @lower (in ASCII lower case) contains one of @needles: the words a pattern
 * cannot match without, looked for before the pattern runs, which costs far more. */
static gboolean
has_any (const char         *lower,
         const char * const *needles)
{
  for (guint i = 0; needles[i] != NULL; i++)
    if (strstr (lower, needles[i]) != NULL)
      return TRUE;
  return FALSE;
}

static const char * const notice_words[] = {
  "\xc2\xa9", "(c)", "copyright", "trademark", "rights reserved", "rechte vorbehalten",
  "droits r", "publication", "ffentlichung", "publier", NULL
};
static const char * const contact_words[] = { "@", "+", "tel", "phone", "fax", "t\xc3\xa9l", NULL };
static const char * const link_words[] = {
  "://", "www.", "pic.twitter", "(@", ".com/", ".org/", ".net/", ".de/", ".fr/", ".co.uk/",
  ".htm", NULL
};
static const char * const caption_words[] = {
  "photo", "foto", "image", "picture", "bild", "video", "file", "archiv", "getty",
  "shutterstock", "alliance", "in this", "/", "(jan", "(feb", "(mar", "(apr", "(may", "(jun",
  "(jul", "(aug", "(sep", "(oct", "(nov", "(dec", NULL
};
static const char * const offer_words[] = { "$", "\xe2\x82\xac", "\xc2\xa3", "eur", NULL };

/* Whether all of @text stands inside one pair of brackets: an editors' note or a service
 * message ("(This story was refiled to correct …)", "[Editor's note: …]"), which the
 * agencies set apart so, not a paragraph of the story. */
static gboolean
is_bracketed (const char *text)
{
  gsize length = strlen (text);
  int depth = 0;

  if (length < 2 || !((text[0] == '(' && text[length - 1] == ')') ||
                      (text[0] == '[' && text[length - 1] == ']') ||
                      (text[0] == '(' && length > 2 && text[length - 2] == ')' && text[length - 1] == '.')))
    return FALSE;

  /* The bracket that opens it closes it, at the end: not "(AP) — … (left)". */
  for (gsize i = 0; i < length; i++)
    {
      depth += text[i] == '(' || text[i] == '[';
      depth -= text[i] == ')' || text[i] == ']';
      if (depth == 0 && i + 1 < length && !(i + 2 == length && text[i + 1] == '.'))
        return FALSE;
    }

  return TRUE;
}

static gboolean
is_quote_mark (gunichar c)
{
  return c == '"' || c == 0x201C || c == 0x201D || c == 0x201E || c == 0x00AB || c == 0x00BB;
}

static gboolean
is_sentence_end (gunichar c)
{
  return c == '.' || c == '!' || c == '?' || c == 0x2026 || c == ':';
}

static gboolean
is_closer (gunichar c)
{
  return is_quote_mark (c) || c == '\'' || c == 0x2019 || c == 0x2018 || c == ')' || c == ']' ||
         c == 0x203A || c == 0x2039;
}

/* Whether @word, the first of a short block, is a verb that opens a call to action: "Sign
 * up", "Be the first to know", "Abonnez-vous". The genre's own verbs, in the languages the
 * desk reads; a story's paragraph does not open on an imperative. */
static gboolean
is_prompt_verb (const char *word)
{
  static const char * const verbs[] = {
    "click", "tap", "subscribe", "sign", "follow", "share", "download", "join", "register",
    "log", "like", "be", "get", "read", "watch", "listen", "learn", "discover", "upgrade",
    "try", "abonnieren", "folgen", "teilen", "jetzt", "abonnez-vous", "inscrivez-vous",
    "suivez", "partagez", "lisez", "t\xc3\xa9l\xc3\xa9" "chargez",
  };
  g_autofree char *lower = g_utf8_strdown (word, -1);

  for (guint i = 0; i < G_N_ELEMENTS (verbs); i++)
    if (g_str_equal (lower, verbs[i]))
      return TRUE;
  return FALSE;
}

/* Whether @word, outside any quotation, asks something of the reader: "please read the
 * guidelines", "bitte beachten Sie". German "Bitte" capitalised inside a sentence is the
 * noun (a request someone made), not the word that asks. */
static gboolean
is_request (const char *word,
            gboolean    sentence_start)
{
  if (g_ascii_strcasecmp (word, "please") == 0 || g_ascii_strcasecmp (word, "veuillez") == 0)
    return TRUE;
  return g_str_equal (word, "bitte") || (sentence_start && g_str_equal (word, "Bitte"));
}

/* Whether @word, a word outside any quotation, addresses the reader. German and French
 * formal address is capitalised mid-sentence; at the start of a sentence "Sie" is "they". */
static gboolean
is_address (const char *word,
            gboolean    sentence_start)
{
  static const char * const any_case[] = {
    "you", "your", "yours", "yourself", "you're", "you've", "you'll", "you'd",
    "vous", "votre", "vos", "usted", "ustedes",
  };
  static const char * const capitalised[] = { "Sie", "Ihnen", "Ihr", "Ihre", "Ihren", "Ihrem" };

  /* Every form above is plain ASCII: most words are ruled out by their first letter. */
  if (word[0] == '\0' || strchr ("yYvVuUIS", word[0]) == NULL)
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (any_case); i++)
    if (g_ascii_strcasecmp (word, any_case[i]) == 0)
      return TRUE;
  if (!sentence_start)
    for (guint i = 0; i < G_N_ELEMENTS (capitalised); i++)
      if (g_str_equal (word, capitalised[i]))
        return TRUE;

  return FALSE;
}

/* What was judged, for as long as the process runs: a roundup repeats most of its
 * paragraphs in every version, and ingest, the suggester and its next run ask of the same
 * texts again. Bounded: emptied when it holds JUDGED_MAX texts. */
#define JUDGED_MAX 65536

static GMutex      judged_lock;
static GHashTable *judged[2];   /* by DeskProseFlags: text → kind + 1 */

static DeskProseKind judge_text (const char *text, DeskProseFlags flags);

/**
 * desk_prose_judge:
 * @text: the text of a block or of one sentence
 * @length: its length in bytes, or -1 when nul-terminated
 * @flags: whether @text is a whole paragraph or a sentence inside one
 *
 * Tells whether @text reads as running text of a story, and if not, what it is.
 *
 * Returns: the kind of text
 */
DeskProseKind
desk_prose_judge (const char     *text,
                  gssize          length,
                  DeskProseFlags  flags)
{
  g_autofree char *copy = NULL;
  guint index = (flags & DESK_PROSE_IN_PARAGRAPH) ? 1 : 0;
  gpointer known;
  DeskProseKind kind;

  g_return_val_if_fail (text != NULL, DESK_PROSE_FRAGMENT);

  if ((length < 0 ? strlen (text) : (gsize)length) > JUDGE_MAX_BYTES)
    return DESK_PROSE_SENTENCE;

  if (length >= 0)
    text = copy = g_strndup (text, length);

  g_mutex_lock (&judged_lock);
  if (judged[index] == NULL)
    judged[index] = g_hash_table_new_full (desk_hash_text, g_str_equal, g_free, NULL);
  known = g_hash_table_lookup (judged[index], text);
  g_mutex_unlock (&judged_lock);
  if (known != NULL)
    return GPOINTER_TO_INT (known) - 1;

  kind = judge_text (text, flags);

  g_mutex_lock (&judged_lock);
  if (g_hash_table_size (judged[index]) >= JUDGED_MAX)
    g_hash_table_remove_all (judged[index]);
  g_hash_table_insert (judged[index], copy ? g_steal_pointer (&copy) : g_strdup (text),
                       GINT_TO_POINTER (kind + 1));
  g_mutex_unlock (&judged_lock);

  return kind;
}

static DeskProseKind
judge_text (const char     *text,
            DeskProseFlags  flags)
{
  const Patterns *p = patterns ();
  g_autofree char *copy = NULL;
  g_autofree char *lower = NULL;
  g_autoptr(GString) word = g_string_new (NULL);
  guint n_words = 0, n_later = 0, n_lower = 0, n_address = 0, n_request = 0;
  gboolean in_quote = FALSE, sentence_start = TRUE, prompt = FALSE, opens_quote = FALSE;
  gunichar last = 0;

  /* The patterns run on UTF-8 they do not check again: text that is not (it should never
   * come here, but a decoder's slip must not become a crash) is judged as repaired. */
  copy = g_utf8_validate (text, -1, NULL) ? g_strdup (text) : g_utf8_make_valid (text, -1);
  g_strstrip (copy);
  lower = g_ascii_strdown (copy, -1);

  if (has_any (lower, notice_words) &&
      (g_regex_match (p->notice, copy, 0, NULL) ||
       (_desk_wire_text_count_words (copy) <= NOTICE_WORD_MAX_WORDS &&
        g_regex_match (p->notice_word, copy, 0, NULL))))
    return DESK_PROSE_NOTICE;
  if (has_any (lower, caption_words) && g_regex_match (p->caption, copy, 0, NULL))
    return DESK_PROSE_CAPTION;
  if (is_bracketed (copy))
    return DESK_PROSE_NOTICE;

  for (const char *s = copy; ; s = g_utf8_next_char (s))
    {
      gunichar c = g_utf8_get_char (s);
      gboolean inner = (c == '\'' || c == 0x2019 || c == '-') && word->len > 0 &&
                       g_unichar_isalnum (g_utf8_get_char (g_utf8_next_char (s)));

      if (c != 0 && (g_unichar_isalnum (c) || inner))
        {
          g_string_append_unichar (word, c == 0x2019 ? '\'' : c);
          continue;
        }

      /* A lone letter is an initial or part of "p.m.", not a word of its own. */
      if (word->len > 0 && g_utf8_strlen (word->str, -1) < 2)
        g_string_truncate (word, 0);

      if (word->len > 0)
        {
          gunichar first = g_utf8_get_char (word->str);

          n_words++;
          if (n_words == 1)
            prompt = is_prompt_verb (word->str);
          /* A quotation opens with a capital as a sentence does ("responded: "We
           * agree.""): that capital does not make a line a title. */
          if (n_words > 1 && g_unichar_isalpha (first) && !opens_quote)
            {
              n_later++;
              n_lower += g_unichar_islower (first);
            }
          if (!in_quote && is_address (word->str, sentence_start))
            n_address++;
          if (!in_quote && is_request (word->str, sentence_start))
            n_request++;
          sentence_start = FALSE;
          opens_quote = FALSE;
          g_string_truncate (word, 0);
        }

      if (c == 0)
        break;
      if (is_quote_mark (c))
        {
          in_quote = !in_quote;
          opens_quote = in_quote;
        }
      else if (c == '.' || c == '!' || c == '?')
        sentence_start = TRUE;
    }

  /* The last character that is not a closing quote or bracket. */
  for (const char *s = copy + strlen (copy); s > copy;)
    {
      s = g_utf8_prev_char (s);
      last = g_utf8_get_char (s);
      if (!is_closer (last) && !g_unichar_isspace (last))
        break;
    }

  /* An address in a long paragraph of running text is part of the story (where a report
   * can be read); a shorter block that carries one is a link, an embed or a contact line. */
  if (n_words <= LINK_BLOCK_MAX_WORDS || !is_sentence_end (last))
    {
      if (has_any (lower, contact_words) && g_regex_match (p->contact, copy, 0, NULL))
        return DESK_PROSE_CONTACT;
      if (has_any (lower, link_words) && g_regex_match (p->link, copy, 0, NULL))
        return DESK_PROSE_LINK;
    }

  /* A block that asks the reader for something, sentence or not, is addressed to them. */
  if (n_request > 0 && n_words <= ADDRESS_MAX_WORDS && !(flags & DESK_PROSE_IN_PARAGRAPH))
    return DESK_PROSE_ADDRESSED;
  if (n_words < ((flags & DESK_PROSE_IN_PARAGRAPH) ? SENTENCE_MIN_WORDS : PARAGRAPH_MIN_WORDS))
    return DESK_PROSE_FRAGMENT;
  if (!is_sentence_end (last))
    return DESK_PROSE_FRAGMENT;
  if (n_later >= 3 && n_lower < PROSE_MIN_LOWER_SHARE * n_later)
    return DESK_PROSE_FRAGMENT;
  if (n_address > 0 && n_words <= ADDRESS_MAX_WORDS)
    return DESK_PROSE_ADDRESSED;
  if (prompt && n_words <= PROMPT_MAX_WORDS && !(flags & DESK_PROSE_IN_PARAGRAPH))
    return DESK_PROSE_ADDRESSED;
  /* A short block that names a price by the period is an offer to the reader. */
  if (n_words <= PROMPT_MAX_WORDS && !(flags & DESK_PROSE_IN_PARAGRAPH) &&
      has_any (lower, offer_words) && g_regex_match (p->offer, copy, 0, NULL))
    return DESK_PROSE_ADDRESSED;

  return DESK_PROSE_SENTENCE;
}

/**
 * desk_prose_kind_describe:
 * @kind: a kind of text
 *
 * Returns: a short description in English, for logs and the command line's reasons
 */
const char *
desk_prose_kind_describe (DeskProseKind kind)
{
  switch (kind)
    {
    case DESK_PROSE_SENTENCE:
      return "running text";
    case DESK_PROSE_FRAGMENT:
      return "not a sentence";
    case DESK_PROSE_ADDRESSED:
      return "speaks to the reader";
    case DESK_PROSE_CAPTION:
      return "a photo caption or credit";
    case DESK_PROSE_LINK:
      return "a web address or handle";
    case DESK_PROSE_NOTICE:
      return "a copyright notice";
    case DESK_PROSE_CONTACT:
      return "contact details";
    default:
      return "text";
    }
}

/**
 * desk_prose_dateline_length:
 * @text: the first sentence of a paragraph
 *
 * The dateline that opens a story's first paragraph, as every reader finds it ("NEW YORK
 * (AP) — ", "Berlin (dpa) - "): a place and an agency, not news.
 *
 * Returns: the bytes of the dateline at the head of @text with its separator, or 0
 */
gsize
desk_prose_dateline_length (const char *text)
{
  g_autofree char *place = NULL;
  g_autofree char *agency = NULL;
  gsize length = 0;

  g_return_val_if_fail (text != NULL, 0);

  if (!_desk_wire_text_split_dateline (text, FALSE, &length, &place, &agency))
    return 0;
  return length;
}

/**
 * desk_prose_not_story:
 * @text: a paragraph that its position would make a paragraph of the story
 * @role: (out): the role it has instead
 * @reason: (out): why, in a few words
 *
 * The last word on a paragraph before it is taken for story text, the same whichever way
 * it arrived (plain text, a web page, an agency format): a caption or its credit, a web
 * address, a copyright notice or a contact block is not story text, whatever its place.
 * Labels, headlines and pitches are left to the suggester, which weighs them against the
 * other versions.
 *
 * Returns: %TRUE if @text is not story text; then @role and @reason are set
 */
gboolean
desk_prose_not_story (const char     *text,
                      DeskBlockRole  *role,
                      const char    **reason)
{
  DeskProseKind kind;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (role != NULL && reason != NULL, FALSE);

  kind = desk_prose_judge (text, -1, DESK_PROSE_PARAGRAPH);
  switch (kind)
    {
    case DESK_PROSE_CAPTION:
      *role = DESK_BLOCK_ROLE_CAPTION;
      break;
    case DESK_PROSE_LINK:
    case DESK_PROSE_NOTICE:
    case DESK_PROSE_CONTACT:
      *role = DESK_BLOCK_ROLE_FURNITURE;
      break;
    case DESK_PROSE_SENTENCE:
    case DESK_PROSE_FRAGMENT:
    case DESK_PROSE_ADDRESSED:
    default:
      return FALSE;
    }

  *reason = desk_prose_kind_describe (kind);
  return TRUE;
}
