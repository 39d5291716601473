/* desk-classify.c: what position and repetition tell of the paragraphs of plain text
 *
 * What a paragraph is by its own text (a stamp, a web address, a note, a byline, a
 * caption…) is the rulebook's, desk-roles.c, which the readers of every other format ask
 * too. What is left here is what only plain text needs to learn from where a paragraph
 * stands and what comes back. It works in passes over the segments of a source:
 *
 *  0. a writethru slug ("UPDATE 2-") is split off the head of its line, to be furniture;
 *  1. the rulebook's verdict on each segment's text alone;
 *  2. where the story starts (the first dateline, or the first full paragraph after the
 *     headline's company of captions, bylines and stamps);
 *  3. lines that repeat: a headline printed twice, a caption printed twice, a site header
 *     repeated on every page;
 *  4. the head (headline, decks, the agency's name under the headline as its byline) and
 *     the story (leftover widget titles after the credits, markdown subheadings, and the
 *     rulebook's rules that need a place: sign-offs after story text, end notes after a
 *     separator, subheadings in capitals);
 *  5. the dateline split off the first paragraph, a stray character left by a broken
 *     encoding taken off the head of a paragraph, and paragraphs that a page break or
 *     furniture cut in two joined again.
 *
 * Then what the blocks say of the story: the title, the dateline, the agency (the one in the
 * dateline, or else the first credited), the date of a stamp, and the credits; under an
 * agency's own dateline its bylines and "(Reporting by …)" trailer name its staff.
 *
 * Nothing is dropped: every segment ends up as a block with a role and a reason. Patterns are
 * compiled once; each pass is linear in the number of segments.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "desk-classify-private.h"
#include "desk-credit-line.h"
#include "desk-hash.h"
#include "desk-markdown-private.h"
#include "desk-organization.h"
#include "desk-prose.h"
#include "desk-roles-private.h"
#include "desk-wire-text-private.h"

#define ROLE_UNKNOWN ((int)-1)

/* A paragraph of at least this many words is story text, not a headline or a deck. */
#define FULL_PARAGRAPH_WORDS 25

/* A markdown "## heading" inside the story of at most this many words is a subheading. */
#define MARKDOWN_SUBHEADING_MAX_WORDS 12

/* The first line of the head of at most this many words is the headline; a line under it
 * of at most DECK_MAX_WORDS is a deck. */
#define HEADLINE_MAX_WORDS 30
#define DECK_MAX_WORDS 60

/* After the last sentence of the story, a line this short that ends no sentence is what a
 * web page left (a widget title, a tag). */
#define LEFTOVER_MAX_WORDS 8

/* A dateline with its place, region, date and agency fits in this many bytes. */
#define DATELINE_HEAD_BYTES 256

typedef struct
{
  DeskSegment *segment;
  const char  *raw;          /* the segment's text after any writethru slug */
  gsize        slug_length;  /* bytes of a writethru slug ("UPDATE 2-") split off the head */
  char        *clean;
  char        *key;          /* folded for comparing repeated lines */
  guint        key_hash;
  guint        words;
  gboolean     heading;
  int          role;
  const char  *reason;
  GPtrArray   *credits;      /* DeskCredit found in this item */
  char        *date;
  gboolean     agency_only;  /* a byline that names only an organisation */
  gboolean     merged_away;  /* joined into an earlier body item */
  GString     *joined_text;  /* body text after rejoining */
  gsize        own_length;   /* of joined_text before anything was joined to it */
  gsize        joined_end;
  gsize        stray_length; /* bytes of a stray character (and its space) at the head */
} Item;

static void
item_clear (Item *item)
{
  g_clear_pointer (&item->clean, g_free);
  g_clear_pointer (&item->key, g_free);
  g_clear_pointer (&item->credits, g_ptr_array_unref);
  g_clear_pointer (&item->date, g_free);
  if (item->joined_text != NULL)
    g_string_free (item->joined_text, TRUE);
  item->joined_text = NULL;
}

/* ---- Text helpers ------------------------------------------------------------------- */

static char *
fold_key (const char *text)
{
  /* A character of n bytes gives at most a space and 4 bytes. */
  char *key = g_malloc (3 * strlen (text) + 1);
  gsize len = 0;
  gboolean space = FALSE;

  for (const char *p = text; *p; )
    {
      gunichar c;

      if ((guchar)*p < 0x80)
        {
          c = (guchar)*p++;
          if (g_ascii_isalnum (c))
            {
              if (space && len > 0)
                key[len++] = ' ';
              key[len++] = (c >= 'A' && c <= 'Z') ? c + ('a' - 'A') : c;
              space = FALSE;
            }
          else
            space = TRUE;
          continue;
        }

      c = g_unichar_tolower (g_utf8_get_char (p));
      p = g_utf8_next_char (p);

      if (g_unichar_isalnum (c))
        {
          if (space && len > 0)
            key[len++] = ' ';
          len += g_unichar_to_utf8 (c, key + len);
          space = FALSE;
        }
      else
        space = TRUE;
    }
  key[len] = '\0';

  return g_realloc (key, len + 1);
}

static gboolean
text_starts_lower (const char *text)
{
  return g_unichar_islower (g_utf8_get_char (text));
}

/* ---- Pass 1: what a segment is by itself ----------------------------------------------- */

/* The slug a wire service puts before a writethru's headline: "UPDATE 2-", "REFILE-UPDATE 1-",
 * "CORRECTED-". Returns its length in bytes at the head of @raw, or 0. */
static gsize
find_writethru_slug (const char *raw)
{
  static GRegex *re;
  g_autoptr(GMatchInfo) match = NULL;
  int end = 0;

  if (g_once_init_enter (&re))
    g_once_init_leave (&re, g_regex_new ("^(?:(?:UPDATE|WRAPUP|REFILE|CORRECTED|RPT|REPEAT)"
                                         "(?: \\d{1,2})?-)+(?=\\S)",
                                         G_REGEX_OPTIMIZE, 0, NULL));

  /* Every note starts with one of the words' first letters: a paragraph that does not
   * is not given to the pattern (a match costs an allocation, on every paragraph). */
  if (raw[0] == '\0' || strchr ("UWRC", raw[0]) == NULL || !g_regex_match (re, raw, 0, &match))
    return 0;

  g_match_info_fetch_pos (match, 0, NULL, &end);
  return end;
}

/* Takes @credit. */
static void
add_credit (Item       *item,
            DeskCredit *credit)
{
  if (item->credits == NULL)
    item->credits = g_ptr_array_new_with_free_func (g_object_unref);

  g_ptr_array_add (item->credits, credit);
}

/* Takes @credits. */
static void
add_credits (Item      *item,
             GPtrArray *credits)
{
  for (guint i = 0; i < credits->len; i++)
    add_credit (item, g_object_ref (g_ptr_array_index (credits, i)));

  g_ptr_array_unref (credits);
}

/* What the rulebook (desk-roles.c) says of a paragraph by its text alone. */
static void
classify_alone (Item *item)
{
  DeskRoleVerdict verdict;

  if (!_desk_roles_judge (item->clean, item->words, DESK_ROLES_ANYWHERE, &verdict))
    return;

  item->role = verdict.role;
  item->reason = verdict.reason;
  item->agency_only = verdict.agency_only;
  item->date = g_steal_pointer (&verdict.date);
  if (verdict.credits != NULL)
    add_credits (item, g_steal_pointer (&verdict.credits));
  _desk_role_verdict_clear (&verdict);
}

/* What pass 1 decides depends on a paragraph's text alone, and a roundup repeats the same
 * agency paragraphs in source after source: the decisions, and the clean text and key they
 * were made on, are remembered by the paragraph's raw text for every ingest in the process
 * (threads included), up to a bound. */

#define ALONE_CACHE_SIZE 16384

typedef struct
{
  char        *clean;
  gboolean     heading;
  char        *key;
  guint        key_hash;
  guint        words;
  int          role;
  const char  *reason;       /* static strings */
  GPtrArray   *credits;      /* DeskCredit, immutable; or NULL */
  char        *date;
  gboolean     agency_only;
} Alone;

static GRWLock     alone_lock;   /* read for lookups, write for stores */
static GHashTable *alone_cache;

static void
alone_free (Alone *alone)
{
  g_clear_pointer (&alone->credits, g_ptr_array_unref);
  g_free (alone->clean);
  g_free (alone->key);
  g_free (alone->date);
  g_free (alone);
}

static gboolean
alone_cache_lookup (Item *item)
{
  g_autoptr(GRWLockReaderLocker) locker = g_rw_lock_reader_locker_new (&alone_lock);
  Alone *alone;

  if (alone_cache == NULL || !(alone = g_hash_table_lookup (alone_cache, item->raw)))
    return FALSE;

  item->clean = g_strdup (alone->clean);
  item->heading = alone->heading;
  item->key = g_strdup (alone->key);
  item->key_hash = alone->key_hash;
  item->words = alone->words;
  item->role = alone->role;
  item->reason = alone->reason;
  item->date = g_strdup (alone->date);
  item->agency_only = alone->agency_only;
  if (alone->credits != NULL)
    {
      item->credits = g_ptr_array_new_with_free_func (g_object_unref);
      for (guint i = 0; i < alone->credits->len; i++)
        g_ptr_array_add (item->credits, g_object_ref (g_ptr_array_index (alone->credits, i)));
    }

  return TRUE;
}

static void
alone_cache_store (const Item *item)
{
  g_autoptr(GRWLockWriterLocker) locker = g_rw_lock_writer_locker_new (&alone_lock);
  Alone *alone = g_new0 (Alone, 1);

  if (alone_cache == NULL)
    alone_cache = g_hash_table_new_full (desk_hash_text, g_str_equal, g_free, (GDestroyNotify)alone_free);
  else if (g_hash_table_size (alone_cache) >= ALONE_CACHE_SIZE)
    g_hash_table_remove_all (alone_cache);

  alone->clean = g_strdup (item->clean);
  alone->heading = item->heading;
  alone->key = g_strdup (item->key);
  alone->key_hash = item->key_hash;
  alone->words = item->words;
  alone->role = item->role;
  alone->reason = item->reason;
  alone->date = g_strdup (item->date);
  alone->agency_only = item->agency_only;
  if (item->credits != NULL)
    {
      alone->credits = g_ptr_array_new_with_free_func (g_object_unref);
      for (guint i = 0; i < item->credits->len; i++)
        g_ptr_array_add (alone->credits, g_object_ref (g_ptr_array_index (item->credits, i)));
    }

  g_hash_table_replace (alone_cache, g_strdup (item->raw), alone);
}

/* ---- Pass 2: where the story starts -------------------------------------------------- */

typedef struct
{
  gsize  length;      /* bytes of the dateline prefix, with its separator */
  char  *place;
  char  *agency;      /* "(AP)" in the dateline, canonical, or NULL */
} Dateline;

static void
dateline_clear (Dateline *dateline)
{
  g_clear_pointer (&dateline->place, g_free);
  g_clear_pointer (&dateline->agency, g_free);
}

/* "MOSCOW --", "HALIFAX, Nova Scotia --", "WASHINGTON (AP) —", "CAIRO (AP) _",
 * "**Moscow:**" (before markdown is stripped), "New Delhi, Nov 27 (PTI):". */
static gboolean
find_dateline (const char *raw,
               Dateline   *dateline)
{
  static GRegex *caps_re, *bold_re, *agency_re;
  g_autoptr(GMatchInfo) match = NULL;
  int end;

  if (g_once_init_enter (&caps_re))
    {
      bold_re = g_regex_new ("^\\*\\*([\\p{Lu}][\\p{L} .,'\xe2\x80\x99-]{1,40}?)\\s*[:,]?\\s*\\*\\*\\s*[:\xe2\x80\x94-]?\\s*",
                             G_REGEX_OPTIMIZE, 0, NULL);
      agency_re = g_regex_new ("^([\\p{Lu}][\\p{L}.' -]{1,30}?)(?:, [\\p{Lu}][\\p{L}.]+ \\d{1,2})? "
                               "\\((PTI|AP|AFP|IANS|Reuters|ANI|UNI|Xinhua|dpa|AAP|UPI|EFE|ANSA)\\)"
                               "\\s*(?:--|\xe2\x80\x94|\xe2\x80\x93|-|_|:)?\\s+",
                               G_REGEX_OPTIMIZE, 0, NULL);
      g_once_init_leave (&caps_re,
                         g_regex_new ("^([\\p{Lu}][\\p{Lu} .'\xe2\x80\x99-]{1,30}[\\p{Lu}.]"
                                      "(?:, [\\p{Lu}][\\p{L} .]{1,30})?)"
                                      "(?: \\(([\\p{L} ]{2,20})\\))?"
                                      "\\s*(?:--|\xe2\x80\x94|\xe2\x80\x93|_|-)\\s+",
                                      G_REGEX_OPTIMIZE, 0, NULL));
    }

  GRegex *patterns[] = { caps_re, bold_re, agency_re };
  /* What each pattern needs at least, looked at before it is run (most paragraphs have
   * none of it): a second character that is not a lower-case ASCII letter, "**", a "(". */
  const char *second = raw[0] != '\0' ? g_utf8_next_char (raw) : raw;
  gboolean possible[] = {
    raw[0] != '\0' && !(*second >= 'a' && *second <= 'z'),
    raw[0] == '*' && raw[1] == '*',
    strchr (raw, '(') != NULL,
  };

  for (guint i = 0; i < G_N_ELEMENTS (patterns); i++)
    {
      g_autofree char *agency = NULL;
      const char *canonical;

      g_clear_pointer (&match, g_match_info_free);
      if (!possible[i] || !g_regex_match (patterns[i], raw, 0, &match))
        continue;

      if (g_match_info_get_match_count (match) > 2)
        agency = g_match_info_fetch (match, 2);

      g_match_info_fetch_pos (match, 0, NULL, &end);
      dateline->length = end;
      dateline->place = g_strstrip (g_match_info_fetch (match, 1));
      if (agency != NULL && agency[0] != '\0')
        {
          canonical = desk_organization_canonical (agency);
          dateline->agency = g_strdup (canonical ? canonical : agency);
        }
      return dateline->place[0] != '\0';
    }

  /* The agencies' other forms, as the readers find them: "Madrid (EFE).-",
   * "(ANSA) - Rome, December 7 -". A dateline is at the head of its paragraph: only the
   * head is looked at, so a paragraph of megabytes costs no more than a short one. */
  {
    g_autofree char *head = NULL;
    gsize length = 0;
    char *place = NULL;
    char *agency = NULL;
    const char *cut = raw;

    while (*cut != '\0' && cut - raw < DATELINE_HEAD_BYTES)
      cut = g_utf8_next_char (cut);
    head = g_strndup (raw, cut - raw);

    if (_desk_wire_text_split_dateline (head, FALSE, &length, &place, &agency))
      {
        dateline->length = length;
        dateline->place = place;
        dateline->agency = agency;
        return TRUE;
      }
  }

  return FALSE;
}

static gboolean
item_is_full_paragraph (const Item *item)
{
  return item->role == ROLE_UNKNOWN && item->words >= FULL_PARAGRAPH_WORDS;
}

static guint
find_story_start (Item  *items,
                  guint  n_items)
{
  int last_meta = -1;

  for (guint i = 0; i < n_items && i < 16; i++)
    {
      Dateline dateline = { 0 };

      if (items[i].role == ROLE_UNKNOWN && find_dateline (items[i].segment->text, &dateline))
        {
          dateline_clear (&dateline);
          return i;
        }
    }

  for (guint i = 0; i < n_items; i++)
    {
      if (item_is_full_paragraph (&items[i]))
        return (last_meta >= 0 && (guint)last_meta < i) ? (guint)last_meta + 1 : i;

      if (items[i].role != ROLE_UNKNOWN)
        last_meta = i;
    }

  /* No full paragraph at all: everything after the first line is story. */
  return MIN (n_items, 1);
}

/* ---- Pass 3: repeated lines ------------------------------------------------------------ */

typedef struct
{
  Item     *first;      /* the first item with the key */
  guint     count;
  gboolean  in_story;   /* the key comes back after the story's start */
} Repeat;

static guint
item_key_hash (gconstpointer item)
{
  return ((const Item *)item)->key_hash;
}

static gboolean
item_key_equal (gconstpointer a,
                gconstpointer b)
{
  const Item *item_a = a;
  const Item *item_b = b;

  return item_a->key_hash == item_b->key_hash && strcmp (item_a->key, item_b->key) == 0;
}

static void
classify_repeats (Item  *items,
                  guint  n_items,
                  guint  story_start)
{
  g_autoptr(GHashTable) repeats = g_hash_table_new_full (item_key_hash, item_key_equal, NULL, g_free);
  g_autofree Repeat **repeat_of = g_new0 (Repeat *, n_items);

  for (guint i = 0; i < n_items; i++)
    {
      Repeat *repeat;

      if (items[i].key[0] == '\0')
        continue;
      if (!(repeat = g_hash_table_lookup (repeats, &items[i])))
        {
          repeat = g_new0 (Repeat, 1);
          repeat->first = &items[i];
          g_hash_table_insert (repeats, &items[i], repeat);
        }
      repeat->count++;
      if (i >= story_start)
        repeat->in_story = TRUE;
      repeat_of[i] = repeat;
    }

  for (guint i = 0; i < n_items; i++)
    {
      Item *item = &items[i];
      Item *first;

      if (repeat_of[i] == NULL || repeat_of[i]->count < 2)
        continue;

      first = repeat_of[i]->first != item ? repeat_of[i]->first : NULL;

      if (item->role == DESK_BLOCK_ROLE_CAPTION || (first && first->role == DESK_BLOCK_ROLE_CAPTION))
        {
          item->role = DESK_BLOCK_ROLE_CAPTION;
          if (first != NULL)
            item->reason = "repeated caption";
          continue;
        }

      if (item->role != ROLE_UNKNOWN)
        continue;

      if (item->words < FULL_PARAGRAPH_WORDS && repeat_of[i]->in_story &&
          (first == NULL || first->role != DESK_BLOCK_ROLE_FURNITURE))
        {
          /* A short line that comes back inside the story is a page header or footer. */
          item->role = DESK_BLOCK_ROLE_FURNITURE;
          item->reason = "repeated page header";
        }
      else if (first != NULL)
        {
          item->role = DESK_BLOCK_ROLE_FURNITURE;
          item->reason = first->words >= FULL_PARAGRAPH_WORDS
                         ? "duplicate paragraph" : "repeated headline";
        }
    }
}

/* ---- Pass 4: head and tail -------------------------------------------------------------- */

static void
classify_head (Item  *items,
               guint  story_start)
{
  gboolean have_headline = FALSE;

  for (guint i = 0; i < story_start; i++)
    {
      Item *item = &items[i];

      /* The agency's name on a line of its own under the headline is its byline. */
      if (item->role == DESK_BLOCK_ROLE_CREDIT && item->agency_only)
        {
          item->role = DESK_BLOCK_ROLE_BYLINE;
          item->reason = "agency byline";
          continue;
        }

      if (item->role != ROLE_UNKNOWN)
        continue;

      /* A line of the head set wholly in brackets is the agency's note on the version
       * ("(Adds comments)", "(Aktualisierung: …)", "(KORR-Bericht)") or on its pictures
       * ("(Foto - aktuell)"), never its headline or deck. */
      switch (desk_prose_judge (item->clean, -1, DESK_PROSE_PARAGRAPH))
        {
        case DESK_PROSE_NOTICE:
          item->role = DESK_BLOCK_ROLE_FURNITURE;
          item->reason = "service note";
          continue;
        case DESK_PROSE_CAPTION:
          item->role = DESK_BLOCK_ROLE_CAPTION;
          item->reason = "photo caption";
          continue;
        case DESK_PROSE_ADDRESSED:
          /* Sent to the reader of the page ("please read the guidelines"), not a title. */
          item->role = DESK_BLOCK_ROLE_FURNITURE;
          item->reason = desk_prose_kind_describe (DESK_PROSE_ADDRESSED);
          continue;
        default:
          break;
        }

      /* A sentence with a photo credit under it is the photo's caption. */
      if (i + 1 < story_start &&
          _desk_wire_text_ends_sentence (item->clean, DESK_SENTENCE_END_MARKS) &&
          desk_prose_judge (items[i + 1].clean, -1, DESK_PROSE_PARAGRAPH) == DESK_PROSE_CAPTION)
        {
          item->role = DESK_BLOCK_ROLE_CAPTION;
          item->reason = "photo caption";
          continue;
        }

      if (!have_headline && item->words <= HEADLINE_MAX_WORDS)
        {
          item->role = DESK_BLOCK_ROLE_HEADLINE;
          item->reason = item->heading ? "heading" : "first line";
          have_headline = TRUE;
        }
      else if (have_headline && _desk_roles_in_capitals (item->clean) &&
               !_desk_wire_text_ends_sentence (item->clean, DESK_SENTENCE_END_COLON))
        {
          /* A deck is written in sentence case; a line in capitals under the headline
           * that says nothing is the page's buttons ("SHARE TWEET EMAIL"). */
          item->role = DESK_BLOCK_ROLE_FURNITURE;
          item->reason = "web page widget";
        }
      else if (have_headline && item->words <= DECK_MAX_WORDS)
        {
          item->role = DESK_BLOCK_ROLE_DECK;
          item->reason = "under the headline";
        }
      else
        {
          item->role = DESK_BLOCK_ROLE_BODY;
          item->reason = "paragraph";
        }
    }
}

/* Where the story gives way to end matter in Markdown: a heading after the story's text
 * under which, to the end, there are only headings, list items and rules, what is already
 * known not to be story, and lines after a rule. A story is told in paragraphs; what a text
 * lists under headings after it is its apparatus (notes for the desk, links, places,
 * contacts). Returns the heading's index, or @n_items when there is none. */
static guint
find_end_matter (Item  *items,
                 guint  n_items,
                 guint  story_start)
{
  g_autofree guint *rule_before = g_new (guint, n_items + 1);
  guint start = n_items;
  guint need = n_items;     /* the region must start at or before this rule */
  guint rule = n_items;
  gboolean listed = FALSE;

  for (guint i = story_start; i < n_items; i++)
    {
      rule_before[i] = rule;
      if (items[i].segment->shape == DESK_SEGMENT_RULE)
        rule = i;
    }

  for (guint i = n_items; i-- > story_start;)
    {
      Item *item = &items[i];
      DeskSegmentShape shape = item->segment->shape;

      if (shape == DESK_SEGMENT_ITEM)
        listed = TRUE;
      else if (shape == DESK_SEGMENT_HEADING)
        start = i;
      else if (shape == DESK_SEGMENT_TEXT && item->role == ROLE_UNKNOWN)
        {
          /* Text after a rule is end matter too if the rule is; else the story. */
          if (rule_before[i] == n_items)
            break;
          need = MIN (need, rule_before[i]);
        }
    }

  if (!listed || start > need)
    return n_items;

  /* Only after some story text. */
  for (guint i = story_start; i < start; i++)
    if (items[i].segment->shape == DESK_SEGMENT_TEXT && items[i].role == ROLE_UNKNOWN)
      return start;

  return n_items;
}

/* Whether the body item nearest @i in direction @step is a paragraph that ends a sentence. */
static gboolean
body_neighbour_ends_sentence (Item  *items,
                              guint  n_items,
                              guint  story_start,
                              guint  i,
                              int    step)
{
  for (int j = (int)i + step; j >= (int)story_start && j < (int)n_items; j += step)
    if (items[j].role == DESK_BLOCK_ROLE_BODY)
      return _desk_wire_text_ends_sentence (items[j].clean, DESK_SENTENCE_END_MARKS);

  return FALSE;
}

/* A line with the shape of a labelled link ("More: What to expect from the summit") alone
 * between two paragraphs of the story is a link to another story set into it. Among other
 * lines like it, it is an item of a list of headlines, which a digest is. */
static void
classify_links_between (Item  *items,
                        guint  n_items,
                        guint  story_start)
{
  for (guint i = story_start; i < n_items; i++)
    {
      Item *item = &items[i];

      if (item->role != DESK_BLOCK_ROLE_BODY ||
          !_desk_roles_is_labelled_link (item->clean, item->words) ||
          !body_neighbour_ends_sentence (items, n_items, story_start, i, -1) ||
          !body_neighbour_ends_sentence (items, n_items, story_start, i, +1))
        continue;

      item->role = DESK_BLOCK_ROLE_FURNITURE;
      item->reason = "link to another story";
    }
}

static void
classify_story (Item  *items,
                guint  n_items,
                guint  story_start)
{
  DeskRolesPlace place = DESK_ROLES_IN_STORY;
  int last_text = -1;
  guint end_matter;

  /* Walk back from the end over what is not story text: short lines with no sentence
   * after the credits are leftovers of the web page. */
  for (int i = (int)n_items - 1; i >= (int)story_start; i--)
    {
      Item *item = &items[i];

      if (item->role != ROLE_UNKNOWN)
        continue;

      if (item->words <= LEFTOVER_MAX_WORDS &&
          !_desk_wire_text_ends_sentence (item->clean, DESK_SENTENCE_END_MARKS))
        {
          item->role = DESK_BLOCK_ROLE_FURNITURE;
          item->reason = "leftover page text";
          continue;
        }

      last_text = i;
      break;
    }

  end_matter = find_end_matter (items, n_items, story_start);

  for (guint i = story_start; i < n_items; i++)
    {
      Item *item = &items[i];
      DeskRoleVerdict verdict;

      if (i > end_matter && item->role == ROLE_UNKNOWN)
        {
          item->role = DESK_BLOCK_ROLE_FURNITURE;
          item->reason = "notes after the story";
          continue;
        }

      if (item->role == DESK_BLOCK_ROLE_BYLINE && item->agency_only && (int)i > last_text)
        {
          item->role = DESK_BLOCK_ROLE_CREDIT;
          item->reason = "agency tag";
        }

      if (g_strcmp0 (item->reason, "separator") == 0)
        place |= DESK_ROLES_AFTER_SEPARATOR;

      if (item->role != ROLE_UNKNOWN)
        continue;

      if (item->heading && item->words <= MARKDOWN_SUBHEADING_MAX_WORDS)
        {
          item->role = DESK_BLOCK_ROLE_FURNITURE;
          item->reason = "subheading";
          continue;
        }

      /* The rules that need to know where the paragraph stands. */
      if (_desk_roles_judge (item->clean, item->words, place | DESK_ROLES_PLACED_ONLY, &verdict))
        {
          item->role = verdict.role;
          item->reason = verdict.reason;
          if (verdict.credits != NULL)
            add_credits (item, g_steal_pointer (&verdict.credits));
          _desk_role_verdict_clear (&verdict);
          continue;
        }

      DeskBlockRole role = DESK_BLOCK_ROLE_BODY;

      item->reason = "paragraph";
      desk_prose_not_story (item->clean, &role, &item->reason);
      item->role = role;
      if (role == DESK_BLOCK_ROLE_BODY)
        place |= DESK_ROLES_AFTER_TEXT;
    }

  classify_links_between (items, n_items, story_start);
}

/* ---- Pass 5: datelines and paragraphs cut by furniture ------------------------------------ */

/* A stray character left by a broken encoding at the head of a paragraph: "Å Despite…",
 * "¦ Uganda has…". Returns how many bytes of @text it takes, with the space after it. */
static gsize
stray_character_length (const char *text)
{
  gunichar c = g_utf8_get_char (text);
  const char *next = g_utf8_next_char (text);

  if ((c == 0x00A6 || c == 0x00C2 || c == 0x00C3 || c == 0x00C5 || c == 0xFFFD) && *next == ' ')
    {
      gunichar after = g_utf8_get_char (next + 1);

      if (g_unichar_isupper (after) || after == '"' || after == 0x201C || g_unichar_isdigit (after))
        return next + 1 - text;
    }

  return 0;
}

/* Whether a paragraph stops in the middle of a sentence, on a word or a comma, where a page
 * break or furniture may have cut it. */
static gboolean
text_breaks_off (const char *text)
{
  const char *end = text + strlen (text);
  gunichar c;

  if (end == text)
    return FALSE;

  c = g_utf8_get_char (g_utf8_find_prev_char (text, end));
  return g_unichar_isalnum (c) || c == ',' || c == ';' || c == '-' || c == 0x2013 || c == 0x2014;
}

static void
rejoin_cut_paragraphs (Item  *items,
                       guint  n_items)
{
  for (guint i = 0; i < n_items; i++)
    {
      Item *item = &items[i];

      if (item->role != DESK_BLOCK_ROLE_BODY || item->merged_away ||
          item->segment->shape == DESK_SEGMENT_ITEM)
        continue;

      while (!_desk_wire_text_ends_sentence (item->joined_text->str, DESK_SENTENCE_END_MARKS))
        {
          guint j = i + 1;
          gboolean crossed_furniture = FALSE;

          while (j < n_items && items[j].role == DESK_BLOCK_ROLE_FURNITURE)
            {
              crossed_furniture = TRUE;
              j++;
            }

          /* A list item opens a paragraph of its own. */
          if (j >= n_items || items[j].role != DESK_BLOCK_ROLE_BODY || items[j].merged_away ||
              items[j].segment->shape == DESK_SEGMENT_ITEM)
            break;

          /* The sentence goes on: the next paragraph starts in lower case, or furniture
           * stood between two pieces of one paragraph (in one chunk of lines, or cut off
           * on a word or a comma). */
          if (!text_starts_lower (items[j].joined_text->str) &&
              !(crossed_furniture && items[j].segment->chunk == items[j - 1].segment->chunk) &&
              !(crossed_furniture && text_breaks_off (item->joined_text->str)))
            break;

          g_string_append_c (item->joined_text, ' ');
          g_string_append (item->joined_text, items[j].joined_text->str);
          item->joined_end = items[j].joined_end;
          item->reason = "paragraph rejoined across a page break";
          items[j].merged_away = TRUE;
        }
    }
}

/* ---- Putting it together ------------------------------------------------------------ */

static void
collect_credit (GPtrArray  *credits,
                DeskCredit *credit)
{
  for (guint i = 0; i < credits->len; i++)
    if (desk_credit_equal (g_ptr_array_index (credits, i), credit))
      return;

  g_ptr_array_add (credits, g_object_ref (credit));
}

/* Bylines, and the wire's own trailer in parentheses ("(Reporting by …; Editing by …)"), name
 * the agency's staff: in a story under the agency's own dateline ("NAIROBI, April 22
 * (Reuters) -") they are the agency's people even where the line does not say so. Contributor
 * lines of a newspaper ("Staff writer … contributed") are not. */
static gboolean
credits_agency_staff (const Item *item)
{
  return item->role == DESK_BLOCK_ROLE_BYLINE ||
         (item->role == DESK_BLOCK_ROLE_CREDIT && item->clean[0] == '(');
}

static void
collect_credits (DeskClassified *result,
                 GPtrArray      *found,
                 GPtrArray      *staff,
                 const char     *wire)
{
  for (guint i = 0; i < found->len; i++)
    {
      g_autoptr(DeskCredit) credit = g_object_ref (g_ptr_array_index (found, i));
      const char *org = desk_credit_get_organization (credit);
      const char *role = desk_credit_get_role (credit);

      if (wire != NULL && (org == NULL || org[0] == '\0') &&
          g_ptr_array_find (staff, credit, NULL))
        {
          DeskCredit *staffed = desk_credit_new (desk_credit_get_name (credit), wire, role);

          g_object_unref (credit);
          credit = staffed;
          org = wire;
          role = desk_credit_get_role (credit);
        }

      collect_credit (result->credits, credit);

      if (result->agency == NULL && org != NULL && org[0] != '\0' &&
          g_strcmp0 (role, DESK_CREDIT_ROLE_PHOTOGRAPHER) != 0)
        result->agency = g_strdup (org);
    }
}

/**
 * _desk_classify:
 * @text: the decoded text of a source
 * @segments: (element-type DeskSegment): its segments
 *
 * Returns: (transfer full): the blocks with their roles, and what they say of the story
 */
DeskClassified *
_desk_classify (const char *text,
                GPtrArray  *segments)
{
  g_autoptr(DeskClassified) result = g_new0 (DeskClassified, 1);
  g_autofree Item *items = g_new0 (Item, MAX (segments->len, 1));
  g_autoptr(GPtrArray) found = g_ptr_array_new ();   /* DeskCredit, as the items give them */
  g_autoptr(GPtrArray) staff = g_ptr_array_new ();   /* those of them that name wire staff */
  g_autofree char *wire = NULL;                      /* the agency in the dateline */
  guint n_items = segments->len;
  guint story_start;
  gboolean dateline_done = FALSE;

  result->blocks = g_ptr_array_new_with_free_func (g_object_unref);
  result->credits = g_ptr_array_new_with_free_func (g_object_unref);
  result->bylines = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < n_items; i++)
    {
      Item *item = &items[i];

      item->segment = g_ptr_array_index (segments, i);
      item->slug_length = find_writethru_slug (item->segment->text);
      item->raw = item->segment->text + item->slug_length;
      if (!alone_cache_lookup (item))
        {
          item->clean = _desk_markdown_strip (item->raw, &item->heading);
          item->key = fold_key (item->clean);
          item->key_hash = desk_hash_text (item->key);
          item->words = _desk_wire_text_count_words (item->clean);
          item->role = ROLE_UNKNOWN;
          classify_alone (item);
          alone_cache_store (item);
        }
    }

  story_start = find_story_start (items, n_items);
  classify_repeats (items, n_items, story_start);
  classify_head (items, story_start);
  classify_story (items, n_items, story_start);

  for (guint i = 0; i < n_items; i++)
    {
      items[i].stray_length = stray_character_length (items[i].clean);
      items[i].joined_text = g_string_new (items[i].clean + items[i].stray_length);
      items[i].own_length = items[i].joined_text->len;
      items[i].joined_end = items[i].segment->end;
    }

  rejoin_cut_paragraphs (items, n_items);

  for (guint i = 0; i < n_items; i++)
    {
      Item *item = &items[i];
      gsize start = item->segment->start;
      Dateline dateline = { 0 };

      if (item->merged_away)
        continue;

      if (item->slug_length > 0)
        {
          g_autofree char *slug = g_strndup (item->segment->text, item->slug_length);

          g_ptr_array_add (result->blocks,
                           desk_block_new (DESK_BLOCK_ROLE_FURNITURE, slug,
                                           start, start + item->slug_length, "writethru slug"));
          start += item->slug_length;
        }

      /* Where the stray character is in the text too, the block starts after it. */
      if (item->stray_length > 0 && strncmp (item->raw, item->clean, item->stray_length) == 0)
        start += item->stray_length;

      if (item->role == DESK_BLOCK_ROLE_BODY && !dateline_done && i < story_start + 3 &&
          find_dateline (item->raw, &dateline))
        {
          g_autofree char *place = _desk_markdown_strip (dateline.place, NULL);
          g_autofree char *own = _desk_markdown_strip (item->raw + dateline.length, NULL);
          /* The body is what follows the dateline, and whatever rejoining added to it. */
          g_autofree char *rest = g_strconcat (own, item->joined_text->str + item->own_length, NULL);

          g_ptr_array_add (result->blocks,
                           desk_block_new (DESK_BLOCK_ROLE_DATELINE, place,
                                           start, start + dateline.length, "dateline"));
          g_ptr_array_add (result->blocks,
                           desk_block_new (DESK_BLOCK_ROLE_BODY, rest,
                                           start + dateline.length, item->joined_end,
                                           item->reason));

          result->dateline = g_steal_pointer (&place);
          if (dateline.agency != NULL)
            wire = g_strdup (dateline.agency);
          dateline_clear (&dateline);
          dateline_done = TRUE;
        }
      else
        {
          g_ptr_array_add (result->blocks,
                           desk_block_new (item->role, item->joined_text->str,
                                           start, item->joined_end, item->reason));
        }

      if (item->role == DESK_BLOCK_ROLE_HEADLINE && result->title == NULL)
        result->title = g_strdup (item->clean);

      if (item->date != NULL && result->date == NULL)
        result->date = g_strdup (item->date);

      for (guint c = 0; item->credits != NULL && c < item->credits->len; c++)
        {
          DeskCredit *credit = g_ptr_array_index (item->credits, c);
          const char *name = desk_credit_get_name (credit);

          g_ptr_array_add (found, credit);
          if (credits_agency_staff (item))
            g_ptr_array_add (staff, credit);

          if (item->role == DESK_BLOCK_ROLE_BYLINE && name != NULL && name[0] != '\0')
            g_ptr_array_add (result->bylines, g_strdup (name));
        }
    }

  /* The agency is the one in the dateline, or else the first one credited. */
  result->agency = g_strdup (wire);
  collect_credits (result, found, staff, wire);

  for (guint i = 0; i < n_items; i++)
    item_clear (&items[i]);

  return g_steal_pointer (&result);
}
