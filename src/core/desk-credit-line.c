/* desk-credit-line.c: reading contributor lines, bylines, agency tags, photo credits
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "desk-credit-line.h"
#include "desk-organization.h"

/*
 * Everything here reads one line (or one caption) and either recognises it completely or
 * returns %NULL: a line that is only partly a credit is body text, and the classifier must
 * not lose it. Names are checked against a small grammar (capitalised words, a few lowercase
 * particles, no common English words), which is what keeps "By Thursday, the talks had
 * failed." from being a byline.
 */

/* Lowercase parts of names: "Ursula von der Leyen", "Bashar al-Assad". */
static const char * const name_particles[] = {
  "al", "bin", "bint", "da", "das", "de", "del", "della", "den", "der", "des", "di", "do",
  "dos", "du", "el", "ibn", "la", "le", "st", "ten", "ter", "van", "von", "y", "zu",
};

/* Capitalised words that start sentences or name times and jobs, never people. Words that
 * are also given names ("May", "Will", "Said", "Can") are deliberately absent. */
static const char * const non_name_words[] = {
  "a", "about", "after", "afternoon", "all", "an", "and", "are", "as", "at", "be", "because",
  "been", "before", "but", "by", "contributed", "did", "does", "during", "editing", "evening",
  "file", "for", "friday", "from", "government", "had", "has", "have", "he", "her", "here",
  "his", "how", "i", "if", "in", "into", "is", "it", "its", "last", "minister", "monday",
  "month", "more", "morning", "most", "my", "next", "night", "no", "not", "now", "of",
  "officials", "on", "or", "our", "over", "photo", "police", "president", "reporting",
  "saturday", "says", "she", "since", "so", "some", "staff", "sunday", "than", "that", "the",
  "their", "then", "there", "these", "they", "this", "those", "thursday", "to", "today",
  "tomorrow", "tonight", "tuesday", "under", "until", "was", "we", "wednesday", "week",
  "weekend", "were", "what", "when", "where", "which", "while", "who", "why", "with",
  "without", "writing", "year", "yesterday", "you", "your",
};

/* Job titles after a byline: "Associated Press Writer", "Staff Writer", "Bureau Chief". */
static const char * const title_words[] = {
  "chief", "columnist", "columnists", "contributor", "contributors", "correspondent",
  "correspondents", "editor", "editors", "journalist", "journalists", "photographer",
  "photographers", "reporter", "reporters", "staff", "writer", "writers",
};

static const char * const title_modifiers[] = {
  "associate", "bureau", "business", "chief", "deputy", "diplomatic", "economic", "economics",
  "education", "energy", "entertainment", "environment", "environmental", "foreign", "health",
  "international", "investigative", "legal", "managing", "medical", "national", "news",
  "political", "politics", "religion", "science", "senior", "special", "sports", "staff",
  "tech", "technology", "travel",
};

/* Words that stand for an organisation's people as a whole: "staff of The Associated Press". */
static const char * const staff_words[] = {
  "correspondents", "reporters", "staff", "staff members", "staff writers", "writers",
};

/* Words that stand for "some agency" in a trailing tag. */
static const char * const generic_agency_words[] = {
  "agencies", "agency", "news agencies", "wire reports", "wire services", "wires",
};

static gboolean
word_in (const char         *word,
         const char * const *list,
         gsize               n_list)
{
  g_autofree char *lower = g_utf8_strdown (word, -1);
  gsize len = strlen (lower);

  /* A trailing full stop does not count: "Jr." is "jr", "Staff." is "staff". */
  if (len > 1 && lower[len - 1] == '.')
    lower[len - 1] = '\0';

  for (gsize i = 0; i < n_list; i++)
    if (g_str_equal (lower, list[i]))
      return TRUE;

  return FALSE;
}

#define WORD_IN(word, list) word_in ((word), (list), G_N_ELEMENTS (list))

static gboolean
is_space (gunichar c)
{
  return g_unichar_isspace (c) || c == 0x00A0 || c == 0x2007 || c == 0x202F;
}

static gboolean
is_dash (gunichar c)
{
  return c == '-' || (c >= 0x2010 && c <= 0x2015) || c == 0x2212;
}

/* @text with every run of white space as one space and none at either end. */
static char *
collapse_spaces (const char *text)
{
  GString *out = g_string_new (NULL);
  gboolean pending = FALSE;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (is_space (c))
        {
          pending = out->len > 0;
          continue;
        }

      if (pending)
        g_string_append_c (out, ' ');
      pending = FALSE;
      g_string_append_unichar (out, c);
    }

  return g_string_free (out, FALSE);
}

/* Removes characters in @chars from both ends of @text, in place. */
static char *
strip_chars (char       *text,
             const char *chars)
{
  gsize len;
  char *start = text;

  while (*start != '\0' && (strchr (chars, *start) != NULL || *start == ' '))
    start++;

  memmove (text, start, strlen (start) + 1);

  len = strlen (text);
  while (len > 0 && (strchr (chars, text[len - 1]) != NULL || text[len - 1] == ' '))
    text[--len] = '\0';

  return text;
}

/* Drops a sentence's final full stop, but not the one of an initial or "Jr.". */
static void
strip_final_period (char *text)
{
  gsize len = strlen (text);
  const char *word;

  while (len > 0 && text[len - 1] == ' ')
    text[--len] = '\0';

  if (len == 0 || text[len - 1] != '.')
    return;

  word = strrchr (text, ' ');
  word = word != NULL ? word + 1 : text;

  if ((len - (word - text) == 2 && g_ascii_isupper (word[0])) ||
      g_ascii_strcasecmp (word, "Jr.") == 0 ||
      g_ascii_strcasecmp (word, "Sr.") == 0)
    return;

  text[--len] = '\0';

  while (len > 0 && text[len - 1] == ' ')
    text[--len] = '\0';
}

/* If all of @text is one parenthesised group, its inside; else @text. In place. */
static char *
unwrap_parens (char *text)
{
  gsize len = strlen (text);
  int depth = 0;

  if (len < 2 || text[0] != '(' || text[len - 1] != ')')
    return text;

  for (gsize i = 0; i < len; i++)
    {
      if (text[i] == '(')
        depth++;
      else if (text[i] == ')')
        depth--;

      if (depth == 0 && i < len - 1)
        return text;
    }

  text[len - 1] = '\0';
  memmove (text, text + 1, len - 1);

  return strip_chars (text, "");
}

/* The line with spaces collapsed and Markdown emphasis and its final full stop removed. */
static char *
clean_line (const char *line)
{
  char *text = collapse_spaces (line);

  strip_chars (text, "*_");
  strip_final_period (text);

  return text;
}

static gboolean
has_prefix_ci (const char *text,
               const char *prefix)
{
  return g_ascii_strncasecmp (text, prefix, strlen (prefix)) == 0;
}

static gboolean
is_upper_initial (const char *word)
{
  gunichar c = g_utf8_get_char (word);

  return g_unichar_isupper (c) || g_unichar_istitle (c);
}

static gboolean
has_lowercase (const char *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (g_unichar_islower (g_utf8_get_char (p)))
      return TRUE;

  return FALSE;
}

/* "al-Assad", "d'Alembert": a lowercase particle glued to a capitalised name. */
static gboolean
is_glued_particle_word (const char *word)
{
  const char *p;

  for (p = word; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == '-' || c == '\'' || c == 0x2019)
        {
          g_autofree char *prefix = g_strndup (word, p - word);
          const char *rest = g_utf8_next_char (p);

          if (*rest == '\0' || !is_upper_initial (rest))
            return FALSE;

          return (g_str_equal (prefix, "d") || g_str_equal (prefix, "l") ||
                  WORD_IN (prefix, name_particles));
        }

      if (!g_unichar_islower (c))
        return FALSE;
    }

  return FALSE;
}

/* A capitalised word of letters, apostrophes, hyphens and full stops. */
static gboolean
is_name_word (const char *word)
{
  if (*word == '\0' || !is_upper_initial (word))
    return is_glued_particle_word (word);

  for (const char *p = word; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!g_unichar_isalpha (c) && !g_unichar_ismark (c) &&
          c != '\'' && c != 0x2019 && c != '-' && c != '.')
        return FALSE;
    }

  return !WORD_IN (word, non_name_words);
}

/* Whether @text is one person's name: @min_words to @max_words capitalised words, with
 * lowercase particles between them. */
static gboolean
looks_like_name (const char *text,
                 guint       min_words,
                 guint       max_words)
{
  g_auto(GStrv) words = NULL;
  guint n_words;
  guint n_name_words = 0;

  if (text == NULL || *text == '\0')
    return FALSE;

  words = g_strsplit (text, " ", -1);
  n_words = g_strv_length (words);

  for (guint i = 0; i < n_words; i++)
    {
      gboolean inside = i > 0 && i < n_words - 1;

      /* "de", "von der", also in capitals ("MARÍA DE LA CRUZ"): not counted */
      if (inside && WORD_IN (words[i], name_particles))
        continue;

      if (!is_name_word (words[i]))
        return FALSE;

      n_name_words++;
    }

  return n_name_words >= min_words && n_name_words <= max_words && n_words <= max_words + 3;
}

/* Whether @text can be an organisation we do not know: capitalised words and connectives. */
static gboolean
looks_like_organization (const char *text)
{
  static const char * const connectives[] = { "&", "and", "de", "del", "des", "di", "du", "el",
                                              "for", "la", "le", "of", "the", "und", "y" };
  g_auto(GStrv) words = NULL;
  guint n_words;

  if (text == NULL || *text == '\0')
    return FALSE;

  /* "the Arkansas Democrat-Gazette" in running text */
  if (g_str_has_prefix (text, "the "))
    text += 4;

  if (!is_upper_initial (text))
    return FALSE;

  words = g_strsplit (text, " ", -1);
  n_words = g_strv_length (words);

  if (n_words > 7)
    return FALSE;

  for (guint i = 0; i < n_words; i++)
    {
      gunichar c = g_utf8_get_char (words[i]);

      if (g_unichar_isupper (c) || g_unichar_istitle (c) || g_unichar_isdigit (c))
        continue;
      if (i > 0 && i < n_words - 1 && WORD_IN (words[i], connectives))
        continue;

      return FALSE;
    }

  return TRUE;
}

/* "JANE DOE" → "Jane Doe", "URSULA VON DER LEYEN" → "Ursula von der Leyen"; a name that is
 * not all capitals comes back unchanged. */
static char *
name_from_text (const char *text)
{
  g_auto(GStrv) words = NULL;
  GString *out;

  if (has_lowercase (text) || g_utf8_strlen (text, -1) < 3)
    return g_strdup (text);

  words = g_strsplit (text, " ", -1);
  out = g_string_new (NULL);

  for (guint i = 0; words[i] != NULL; i++)
    {
      gboolean start = TRUE;

      if (i > 0)
        g_string_append_c (out, ' ');

      if (i > 0 && words[i + 1] != NULL && WORD_IN (words[i], name_particles))
        {
          g_autofree char *lower = g_utf8_strdown (words[i], -1);

          g_string_append (out, lower);
          continue;
        }

      for (const char *p = words[i]; *p != '\0'; p = g_utf8_next_char (p))
        {
          gunichar c = g_utf8_get_char (p);

          g_string_append_unichar (out, start ? g_unichar_totitle (c) : g_unichar_tolower (c));
          start = (c == '-' || c == '\'' || c == 0x2019 || c == '.');
        }
    }

  return g_string_free (out, FALSE);
}

/* The canonical name of a known organisation, else @text as written (trimmed). */
static char *
organization_from_text (const char *text)
{
  const char *canonical = desk_organization_canonical (text);
  char *written;

  if (canonical != NULL)
    return g_strdup (canonical);

  written = collapse_spaces (text);
  strip_chars (written, ".,;:");

  /* A lowercase "the" belongs to the sentence ("of the Arkansas Democrat-Gazette"), a
   * capitalised one to the name ("The Arizona Republic"). */
  if (g_str_has_prefix (written, "the ") && written[4] != '\0')
    memmove (written, written + 4, strlen (written + 4) + 1);

  return written;
}

/* @text without a trailing job title: "Jane Doe Associated Press Writer" → "Jane Doe
 * Associated Press", "Staff Writer" → "". Sets @had_title. */
static char *
strip_title (const char *text,
             gboolean   *had_title)
{
  g_auto(GStrv) words = g_strsplit (text, " ", -1);
  guint n = g_strv_length (words);
  GString *out = g_string_new (NULL);

  *had_title = FALSE;

  if (n > 0 && WORD_IN (words[n - 1], title_words))
    {
      *had_title = TRUE;
      n--;

      while (n > 0 && (WORD_IN (words[n - 1], title_modifiers) ||
                       WORD_IN (words[n - 1], title_words)))
        n--;
    }

  for (guint i = 0; i < n; i++)
    {
      if (i > 0)
        g_string_append_c (out, ' ');
      g_string_append (out, words[i]);
    }

  return g_string_free (out, FALSE);
}

static GRegex *
regex_get (GRegex     **slot,
           const char  *pattern)
{
  if (g_once_init_enter (slot))
    {
      g_autoptr(GError) error = NULL;
      GRegex *regex = g_regex_new (pattern, G_REGEX_CASELESS, 0, &error);

      if (regex == NULL)
        g_error ("Bad pattern %s: %s", pattern, error->message);

      g_once_init_leave (slot, regex);
    }

  return *slot;
}

static const char * const contribution_words[] = {
  "contribut", "reporting", "writing", "editing", "compil", "research", "checking", NULL
};

static const char * const photo_words[] = { "photo", "pic", "image", "credit", NULL };

/* Whether @text has one of @words (lower case), in any case: a cheap test before the
 * patterns run. */
static gboolean
mentions_any (const char         *text,
              const char * const *words)
{
  g_autofree char *lower = g_ascii_strdown (text, -1);

  for (guint i = 0; words[i] != NULL; i++)
    if (strstr (lower, words[i]) != NULL)
      return TRUE;

  return FALSE;
}

/* Splits @text at every match of @regex, dropping empty pieces. */
static GPtrArray *
split_by (GRegex     *regex,
          const char *text)
{
  g_auto(GStrv) pieces = g_regex_split (regex, text, 0);
  GPtrArray *out = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; pieces[i] != NULL; i++)
    {
      char *piece = collapse_spaces (pieces[i]);

      if (*piece == '\0')
        g_free (piece);
      else
        g_ptr_array_add (out, piece);
    }

  return out;
}

/* "A, B and C" → A, B, C. */
static GPtrArray *
split_name_list (const char *text)
{
  static GRegex *regex;

  return split_by (regex_get (&regex, "\\s*,\\s*(?:and\\s+|&\\s*)?|\\s+(?:and|&)\\s+"), text);
}

/* Cuts "in Paris", "from Moscow", "at the UN", "(Paris)" off a name. */
static gboolean
strip_location (char *item)
{
  static const char * const markers[] = { " in ", " from ", " at ", " on ", " (" };
  char *cut = NULL;

  g_autofree char *lower = g_ascii_strdown (item, -1);

  /* Case-insensitive: Reuters lines are sometimes in title case ("Jane Doe In London"). */
  for (guint i = 0; i < G_N_ELEMENTS (markers); i++)
    {
      const char *found = strstr (lower, markers[i]);

      if (found != NULL && (cut == NULL || item + (found - lower) < cut))
        cut = item + (found - lower);
    }

  if (cut == NULL)
    return FALSE;

  *cut = '\0';
  return TRUE;
}

typedef struct
{
  char     *name;        /* "" for an organisation-only credit */
  char     *org;         /* NULL when none is known yet */
} Person;

static void
person_clear (gpointer data)
{
  Person *person = data;

  g_free (person->name);
  g_free (person->org);
}

/* Gives @org to every person from @from on who has a name but no organisation. */
static void
fill_back (GArray     *people,
           guint       from,
           const char *org)
{
  for (guint i = from; i < people->len; i++)
    {
      Person *person = &g_array_index (people, Person, i);

      if (person->org == NULL && *person->name != '\0')
        person->org = g_strdup (org);
    }
}

/* Splits "Jane Doe of Press Trust of India" at the " of " before a known organisation (or,
 * failing that, the first " of " after a valid name). Returns the organisation or NULL. */
static char *
split_of_organization (char  *item,
                       guint  min_words,
                       guint  max_words)
{
  char *fallback = NULL;

  for (char *of = strstr (item, " of "); of != NULL; of = strstr (of + 1, " of "))
    {
      const char *rhs = of + 4;

      if (desk_organization_is_known (rhs))
        {
          char *org = organization_from_text (rhs);

          *of = '\0';
          return org;
        }

      if (fallback == NULL && looks_like_organization (rhs))
        {
          g_autofree char *lhs = g_strndup (item, of - item);

          strip_location (lhs);
          if (looks_like_name (lhs, min_words, max_words))
            fallback = of;
        }
    }

  if (fallback != NULL)
    {
      char *org = organization_from_text (fallback + 4);

      *fallback = '\0';
      return org;
    }

  return NULL;
}

/* An organisation standing alone in a list of people: it goes to the names before it that
 * have none, or, when there are none, becomes a credit of its own. */
static void
read_organization_item (GArray     *people,
                        guint      *pending,
                        const char *item)
{
  g_autofree char *org = organization_from_text (item);

  if (*pending < people->len)
    {
      fill_back (people, *pending, org);
    }
  else
    {
      Person person = { g_strdup (""), g_steal_pointer (&org) };

      g_array_append_val (people, person);
    }

  *pending = people->len;
}

/* Reads a list of people ("A, B and C of ORG", "A (AP), B (Reuters)", "The Associated
 * Press") into @people. An organisation after " of " or standing alone as the last item
 * goes to every earlier name of the list that has none. With @strict, any item that is not
 * a name or an organisation rejects the whole list; otherwise such items are skipped.
 * Returns FALSE when the list was rejected. */
static gboolean
read_people (const char *text,
             guint       min_words,
             guint       max_words,
             gboolean    strict,
             GArray     *people)
{
  g_autoptr(GPtrArray) items = split_name_list (text);
  guint pending = people->len;
  gboolean previous_had_location = FALSE;

  for (guint i = 0; i < items->len; i++)
    {
      char *item = g_ptr_array_index (items, i);
      g_autofree char *org = NULL;
      gboolean had_location;
      Person person;

      if (has_prefix_ci (item, "by "))
        memmove (item, item + 3, strlen (item + 3) + 1);
      strip_chars (item, ",.;:");

      if (*item == '\0')
        continue;

      if (desk_organization_is_known (item))
        {
          read_organization_item (people, &pending, item);
          previous_had_location = FALSE;
          continue;
        }

      /* "Jane Doe (AP)" */
      {
        gsize len = strlen (item);
        char *open = strrchr (item, '(');

        if (len > 0 && item[len - 1] == ')' && open != NULL && open > item)
          {
            g_autofree char *inside = g_strndup (open + 1, item + len - 1 - (open + 1));

            if (desk_organization_is_known (inside) || looks_like_organization (inside))
              {
                org = organization_from_text (inside);
                *open = '\0';
                strip_chars (item, "");
              }
          }
      }

      /* "Ana Ruiz of The Associated Press" */
      if (org == NULL)
        {
          org = split_of_organization (item, min_words, max_words);

          if (org != NULL)
            {
              fill_back (people, pending, org);
              pending = people->len + 1;

              /* "staff of The Associated Press" */
              strip_chars (item, "");
              if (WORD_IN (item, staff_words))
                {
                  person.name = g_strdup ("");
                  person.org = g_steal_pointer (&org);
                  g_array_append_val (people, person);
                  previous_had_location = FALSE;
                  continue;
                }
            }
        }

      /* "Jane Doe and John Roe, The Arizona Republic" */
      if (org == NULL && i == items->len - 1 && pending < people->len &&
          !looks_like_name (item, 1, 5) && looks_like_organization (item))
        {
          read_organization_item (people, &pending, item);
          continue;
        }

      had_location = strip_location (item);
      strip_chars (item, ",.;:");

      /* "Jane Doe in Paris, France, and John Roe": "France" belongs to the place. */
      if (previous_had_location && org == NULL && strchr (item, ' ') == NULL)
        continue;
      previous_had_location = had_location;

      if (!looks_like_name (item, min_words, max_words))
        {
          if (strict)
            return FALSE;
          continue;
        }

      person.name = name_from_text (item);
      person.org = g_steal_pointer (&org);
      g_array_append_val (people, person);
    }

  return TRUE;
}

static void
add_people (GPtrArray  *credits,
            GArray     *people,
            const char *default_org,
            const char *role)
{
  for (guint i = 0; i < people->len; i++)
    {
      Person *person = &g_array_index (people, Person, i);
      const char *org = person->org != NULL ? person->org : default_org;

      g_ptr_array_add (credits, desk_credit_new (person->name, org, role));
    }
}

static GArray *
people_new (void)
{
  GArray *people = g_array_new (FALSE, TRUE, sizeof (Person));

  g_array_set_clear_func (people, person_clear);

  return people;
}

static GPtrArray *
credits_or_null (GPtrArray *credits)
{
  if (credits->len == 0)
    {
      g_ptr_array_unref (credits);
      return NULL;
    }

  return credits;
}

/* "Reporting by Jane Doe in London; Additional reporting by …; Editing by John Roe" */
static GPtrArray *
parse_reuters_style (const char *text)
{
  static GRegex *segment_regex;
  static GRegex *part_regex;
  static GRegex *role_regex;
  g_autoptr(GPtrArray) segments = NULL;
  g_autoptr(GPtrArray) credits = NULL;

  GRegex *role_re;

  role_re = regex_get (&role_regex,
                    "^((?:additional\\s+)?reporting(?:\\s+and\\s+writing)?|"
                       "writing(?:\\s+and\\s+(?:additional\\s+)?reporting)?|"
                       "editing|compiled|compiling|research|fact[- ]checking)"
                       "\\s+by\\s+(.+)$");

  if (!g_regex_match (role_re, text, 0, NULL))
    return NULL;

  segments = split_by (regex_get (&segment_regex, "\\s*;\\s*"), text);
  credits = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < segments->len; i++)
    {
      g_autoptr(GPtrArray) parts = NULL;

      parts = split_by (regex_get (&part_regex,
                                   ",\\s*(?=(?:additional\\s+reporting|reporting|writing|"
                                   "editing)\\s+by\\s)"),
                        g_ptr_array_index (segments, i));

      for (guint j = 0; j < parts->len; j++)
        {
          g_autoptr(GMatchInfo) match = NULL;
          g_autoptr(GArray) people = NULL;
          g_autofree char *what = NULL;
          g_autofree char *names = NULL;
          const char *role;

          if (!g_regex_match (role_re, g_ptr_array_index (parts, j), 0, &match))
            continue;

          what = g_match_info_fetch (match, 1);
          names = g_match_info_fetch (match, 2);
          role = has_prefix_ci (what, "editing") ? DESK_CREDIT_ROLE_EDITOR
                                                 : DESK_CREDIT_ROLE_CONTRIBUTOR;
          people = people_new ();

          if (read_people (names, 1, 5, FALSE, people))
            add_people (credits, people, NULL, role);
        }
    }

  return credits_or_null (g_steal_pointer (&credits));
}

/* "Information for this article was contributed by A, B and C of ORG; by D of ORG2; …" */
static GPtrArray *
parse_contributed_by (const char *text)
{
  static const char * const article_words[] = {
    "article", "coverage", "information", "report", "research", "story",
  };
  static GRegex *group_regex;
  g_autoptr(GPtrArray) groups = NULL;
  g_autoptr(GPtrArray) credits = NULL;
  g_autofree char *lower = g_ascii_strdown (text, -1);
  g_autofree char *prefix = NULL;
  const char *found = strstr (lower, "contributed by ");
  gboolean about_article = FALSE;

  if (found == NULL)
    return NULL;

  prefix = g_strndup (lower, found - lower);

  for (guint i = 0; i < G_N_ELEMENTS (article_words); i++)
    if (strstr (prefix, article_words[i]) != NULL)
      about_article = TRUE;

  if (*prefix != '\0' && (!about_article || strlen (prefix) > 80))
    return NULL;

  groups = split_by (regex_get (&group_regex,
                                "\\s*;\\s*(?:and\\s+)?(?:by\\s+)?|,?\\s+and\\s+by\\s+|"
                                ",\\s*by\\s+"),
                     text + (found - lower) + strlen ("contributed by "));
  credits = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < groups->len; i++)
    {
      g_autoptr(GArray) people = people_new ();

      if (read_people (g_ptr_array_index (groups, i), 1, 5, FALSE, people))
        add_people (credits, people, NULL, DESK_CREDIT_ROLE_CONTRIBUTOR);
    }

  return credits_or_null (g_steal_pointer (&credits));
}

/* "Contributing: Jane Doe (AP), John Roe (Reuters)", "Contributing: A and B, USA TODAY;
 * The Associated Press" */
static GPtrArray *
parse_contributing (const char *text)
{
  static GRegex *prefix_regex;
  static GRegex *group_regex;
  g_autoptr(GMatchInfo) match = NULL;
  g_autoptr(GPtrArray) groups = NULL;
  g_autoptr(GPtrArray) credits = NULL;
  gint end;

  if (!g_regex_match (regex_get (&prefix_regex,
                                 "^(?:contributing(?:\\s+(?:writers?|reporters?|reporting|"
                                 "editors?))?|contributors?|with\\s+contributions\\s+by)"
                                 "\\s*:\\s*"),
                      text, 0, &match))
    return NULL;

  g_match_info_fetch_pos (match, 0, NULL, &end);
  groups = split_by (regex_get (&group_regex, "\\s*;\\s*"), text + end);
  credits = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < groups->len; i++)
    {
      g_autoptr(GArray) people = people_new ();

      if (read_people (g_ptr_array_index (groups, i), 1, 5, FALSE, people))
        add_people (credits, people, NULL, DESK_CREDIT_ROLE_CONTRIBUTOR);
    }

  return credits_or_null (g_steal_pointer (&credits));
}

/* "Associated Press writers Jane Doe in Paris and John Roe in Moscow contributed to this
 * report", "Jane Doe contributed reporting", "The Associated Press contributed to this
 * report" */
static GPtrArray *
parse_contributed_to (const char *text)
{
  static GRegex *regex;
  static GRegex *writers_regex;
  g_autoptr(GMatchInfo) match = NULL;
  g_autoptr(GMatchInfo) writers = NULL;
  g_autoptr(GArray) people = NULL;
  g_autoptr(GPtrArray) credits = NULL;
  g_autofree char *head = NULL;
  g_autofree char *org = NULL;
  g_autofree char *names = NULL;

  if (!g_regex_match (regex_get (&regex,
                                 "^(.+?),?\\s+(?:also\\s+)?contributed"
                                 "(?:\\s+(?:to\\s+(?:this|the)\\s+(?:report|story|article)|"
                                 "(?:additional\\s+)?reporting|research)\\b.*)?$"),
                      text, 0, &match))
    return NULL;

  head = g_match_info_fetch (match, 1);

  if (g_regex_match (regex_get (&writers_regex,
                                "^(.+?)\\s+(?:staff\\s+)?(?:writers?|reporters?|"
                                "correspondents?|journalists?|photographers?)\\s+(.+)$"),
                     head, 0, &writers))
    {
      g_autofree char *who = g_match_info_fetch (writers, 1);

      if (!desk_organization_is_known (who) && !looks_like_organization (who))
        return NULL;

      org = organization_from_text (who);
      names = g_match_info_fetch (writers, 2);
    }
  else
    {
      names = g_steal_pointer (&head);
    }

  people = people_new ();

  if (!read_people (names, 2, 4, TRUE, people) || people->len == 0)
    return NULL;

  credits = g_ptr_array_new_with_free_func (g_object_unref);
  add_people (credits, people, org, DESK_CREDIT_ROLE_CONTRIBUTOR);

  return g_steal_pointer (&credits);
}

/**
 * desk_credit_line_parse_contributors:
 * @line: one line of a story
 *
 * Reads a contributor line: "Information for this article was contributed by A and B of
 * The Associated Press; by C of Bloomberg News", "Contributing: A (AP), B (Reuters)",
 * "Associated Press writers A in Paris and B in Moscow contributed to this report",
 * "A contributed reporting", and Reuters' "Reporting by A; Editing by B".
 *
 * Each person becomes a #DeskCredit with role "contributor" ("editor" for "Editing by"),
 * the organisation canonical when known, else as written, else %NULL. Names keep their
 * spelling and accents; names written in capitals are given ordinary case. An organisation
 * credited without a person ("The Associated Press contributed to this report") gives a
 * credit with an empty name.
 *
 * Returns: (transfer full) (element-type DeskCredit) (nullable): the credits, or %NULL if
 *   @line is not a contributor line
 */
GPtrArray *
desk_credit_line_parse_contributors (const char *line)
{
  g_autofree char *text = NULL;
  GPtrArray *credits;

  g_return_val_if_fail (line != NULL, NULL);

  /* Every form says what its people did: contributed, reported, wrote, edited, compiled,
   * researched or checked. Most paragraphs are turned away here, cheaply. */
  if (!mentions_any (line, contribution_words))
    return NULL;

  if (!g_utf8_validate (line, -1, NULL))
    return NULL;

  text = clean_line (line);
  unwrap_parens (text);
  strip_final_period (text);

  if (*text == '\0')
    return NULL;

  if ((credits = parse_reuters_style (text)) != NULL ||
      (credits = parse_contributed_by (text)) != NULL ||
      (credits = parse_contributing (text)) != NULL ||
      (credits = parse_contributed_to (text)) != NULL)
    return credits;

  return NULL;
}

/* The position of the first " | ", " — ", " – ", " - " or " -- " in @text, and its length. */
static const char *
find_byline_separator (const char *text,
                       gsize      *sep_len)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == '|')
        {
          *sep_len = 1;
          return p;
        }

      if (c == ' ' && is_dash (g_utf8_get_char (p + 1)))
        {
          const char *q = g_utf8_next_char (p + 1);

          while (is_dash (g_utf8_get_char (q)))
            q = g_utf8_next_char (q);

          if (*q == ' ')
            {
              *sep_len = q + 1 - p;
              return p;
            }
        }
    }

  return NULL;
}

static GPtrArray *
agency_credit (const char *canonical,
               const char *role)
{
  GPtrArray *credits = g_ptr_array_new_with_free_func (g_object_unref);

  g_ptr_array_add (credits, desk_credit_new ("", canonical, role));

  return credits;
}

/* Takes a known organisation off the end of @name ("Jane Doe Associated Press"), leaving at
 * least two words. Returns it, or NULL. */
static char *
split_trailing_organization (char    *name,
                             gboolean require_long)
{
  g_auto(GStrv) words = g_strsplit (name, " ", -1);
  guint n = g_strv_length (words);

  if (n < 3)
    return NULL;

  for (guint k = MIN (n - 2, 7); k >= 1; k--)
    {
      g_autofree char *tail = g_strjoinv (" ", words + (n - k));
      const char *canonical;

      if (require_long && k < 2)
        break;

      canonical = desk_organization_canonical (tail);

      if (canonical != NULL)
        {
          char *cut = name;

          for (guint i = 0; i < n - k; i++)
            cut += strlen (words[i]) + 1;
          cut[-1] = '\0';

          return g_strdup (canonical);
        }
    }

  return NULL;
}

/* The length of the word a byline opens with, in the languages the desk reads ("By",
 * "Von", "Par", "Por"), when @text opens with one followed by a space or a colon; else 0.
 * What follows must still read as names: "Von Anfang an war klar" is not a byline. */
static gsize
byline_word_length (const char *text)
{
  static const char * const words[] = { "by", "von", "par", "por" };

  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    {
      gsize length = strlen (words[i]);

      if (g_ascii_strncasecmp (text, words[i], length) == 0 &&
          (text[length] == ' ' || text[length] == ':'))
        return length;
    }

  return 0;
}

/**
 * desk_credit_line_parse_byline:
 * @line: one line of a story
 *
 * Reads a byline: "By NAME", "By NAME, The Associated Press", "By NAME and NAME2 |
 * Reuters", "BY NAME Associated Press Writer", "By NAME, AP", "Von NAME, dpa", "Par NAME,
 * AFP", and "NAME and NAME2, Associated Press" (a known news organisation after the names
 * stands for the missing "By"). Every name gets a credit with
 * role "author" and the organisation, if any. A line that is only a news organisation
 * ("The Associated Press", "Reuters"), or "By" and one ("By Reuters Staff"), gives one
 * credit with an empty name and role "agency".
 *
 * The names must look like names (two to four capitalised words, with particles such as
 * "de" or "von"), so "By Thursday, the talks had failed." is not a byline.
 *
 * Returns: (transfer full) (element-type DeskCredit) (nullable): the credits, or %NULL if
 *   @line is not a byline
 */
GPtrArray *
desk_credit_line_parse_byline (const char *line)
{
  g_autofree char *text = NULL;
  g_autofree char *org = NULL;
  g_autofree char *names_text = NULL;
  g_autoptr(GPtrArray) segments = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GPtrArray) credits = NULL;
  const char *rest;
  const char *sep;
  gsize sep_len = 0;
  gboolean had_title;
  gsize by_length;

  g_return_val_if_fail (line != NULL, NULL);

  if (!g_utf8_validate (line, -1, NULL))
    return NULL;

  text = clean_line (line);

  if (*text == '\0')
    return NULL;

  /* An agency on its own line, under the headline. */
  by_length = byline_word_length (text);
  if (by_length == 0)
    {
      const char *canonical = desk_organization_canonical (text);

      /* "- PTI" and "(AP)" are agency tags, not bylines. */
      if (!g_unichar_isalnum (g_utf8_get_char (text)))
        return NULL;

      if (canonical != NULL && !desk_organization_is_photo_agency (canonical))
        return agency_credit (canonical, DESK_CREDIT_ROLE_AGENCY);

      /* "NAME and NAME, Associated Press": a web page prints the byline without its "By".
       * Without the word, the names must be followed by a news organisation the desk
       * knows, not one that only looks like one. */
      if (strpbrk (text, ",|") != NULL)
        {
          g_autofree char *with_by = g_strconcat ("By ", text, NULL);
          g_autoptr(GPtrArray) named = desk_credit_line_parse_byline (with_by);

          if (named == NULL)
            return NULL;
          for (guint i = 0; i < named->len; i++)
            {
              DeskCredit *credit = g_ptr_array_index (named, i);
              const char *organization = desk_credit_get_organization (credit);

              if (g_strcmp0 (desk_credit_get_role (credit), DESK_CREDIT_ROLE_AUTHOR) != 0 ||
                  organization == NULL || !desk_organization_is_known (organization) ||
                  desk_organization_is_photo_agency (organization))
                return NULL;
            }
          return g_steal_pointer (&named);
        }

      return NULL;
    }

  rest = text + by_length;
  while (*rest == ' ' || *rest == ':')
    rest++;

  /* "NAME | Reuters", "NAME - The Associated Press" */
  sep = find_byline_separator (rest, &sep_len);

  if (sep != NULL)
    {
      g_autofree char *right = collapse_spaces (sep + sep_len);
      g_autofree char *stripped = strip_title (right, &had_title);

      if (*stripped != '\0')
        {
          if (!desk_organization_is_known (stripped) && !looks_like_organization (stripped))
            return NULL;

          org = organization_from_text (stripped);
        }

      names_text = g_strndup (rest, sep - rest);
    }
  else
    {
      names_text = g_strdup (rest);
    }

  /* "NAME, The Associated Press", "NAME, Associated Press Writer", "NAME, Staff Writer" */
  segments = g_ptr_array_new_with_free_func (g_free);
  {
    g_auto(GStrv) pieces = g_strsplit (names_text, ",", -1);

    for (guint i = 0; pieces[i] != NULL; i++)
      g_ptr_array_add (segments, collapse_spaces (pieces[i]));
  }

  while (segments->len > 1)
    {
      const char *last = g_ptr_array_index (segments, segments->len - 1);
      g_autofree char *stripped = NULL;

      /* "Special to The Washington Post", "For The Associated Press" */
      if (has_prefix_ci (last, "special to "))
        last += strlen ("special to ");
      else if (has_prefix_ci (last, "for "))
        last += strlen ("for ");

      stripped = strip_title (last, &had_title);

      if (*stripped == '\0' && had_title)
        ;
      else if (desk_organization_is_known (stripped) ||
               (had_title && looks_like_organization (stripped)))
        {
          g_free (org);
          org = organization_from_text (stripped);
        }
      else
        break;

      g_ptr_array_remove_index (segments, segments->len - 1);
    }

  g_ptr_array_add (segments, NULL);
  g_free (names_text);
  names_text = g_strjoinv (", ", (char **) segments->pdata);
  strip_chars (names_text, ",");

  /* "By The Associated Press", "By Reuters Staff" */
  {
    g_autofree char *stripped = strip_title (names_text, &had_title);
    const char *canonical = desk_organization_canonical (stripped);

    if (canonical != NULL && (org == NULL || g_str_equal (org, canonical)))
      return agency_credit (canonical, DESK_CREDIT_ROLE_AGENCY);
  }

  items = split_name_list (names_text);

  if (items->len == 0)
    return NULL;

  /* "JANE DOE Associated Press Writer" */
  {
    char *last = g_ptr_array_index (items, items->len - 1);
    g_autofree char *stripped = strip_title (last, &had_title);
    g_autofree char *trailing = split_trailing_organization (stripped, !had_title);

    if (trailing != NULL || had_title)
      {
        if (trailing != NULL && org == NULL)
          org = g_steal_pointer (&trailing);

        g_ptr_array_index (items, items->len - 1) = g_steal_pointer (&stripped);
        g_free (last);
      }
  }

  credits = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < items->len; i++)
    {
      const char *item = g_ptr_array_index (items, i);
      g_autofree char *name = NULL;

      if (!looks_like_name (item, 2, 4))
        return NULL;

      name = name_from_text (item);
      g_ptr_array_add (credits, desk_credit_new (name, org, DESK_CREDIT_ROLE_AUTHOR));
    }

  return g_steal_pointer (&credits);
}

static gboolean
is_acronym (const char *word)
{
  gsize len = strlen (word);

  if (len < 2 || len > 6)
    return FALSE;

  for (gsize i = 0; i < len; i++)
    if (!g_ascii_isupper (word[i]) && !g_ascii_isdigit (word[i]))
      return FALSE;

  return g_ascii_isupper (word[0]);
}

/**
 * desk_credit_line_parse_agency_tag:
 * @line: one line of a story
 *
 * Reads a trailing agency tag on a line of its own: "- PTI", "— Reuters", "(AP)",
 * "-- AFP", "PTI", "Agencies", "(With inputs from agencies)". An unknown acronym counts
 * after a dash or in parentheses ("- IANS"), not on its own; a photo agency never does.
 *
 * Returns: (transfer full) (nullable): the canonical name of the organisation ("Press
 *   Trust of India"), the words as written for one we do not know ("IANS", "Agencies"),
 *   several joined by ", ", or %NULL if @line is not an agency tag
 */
char *
desk_credit_line_parse_agency_tag (const char *line)
{
  static GRegex *inputs_regex;
  g_autofree char *text = NULL;
  g_autofree char *body = NULL;
  g_autoptr(GMatchInfo) match = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GString) result = NULL;
  const char *p;
  gboolean marked = FALSE;

  g_return_val_if_fail (line != NULL, NULL);

  if (!g_utf8_validate (line, -1, NULL))
    return NULL;

  text = clean_line (line);

  for (p = text; is_dash (g_utf8_get_char (p)); p = g_utf8_next_char (p))
    marked = TRUE;

  body = g_strdup (p);
  strip_chars (body, "");

  if (body[0] == '(')
    {
      gsize len = strlen (body);

      unwrap_parens (body);
      marked = marked || strlen (body) != len;
      strip_final_period (body);
    }

  if (*body == '\0')
    return NULL;

  if (g_regex_match (regex_get (&inputs_regex,
                                "^(?:with\\s+)?(?:(?:additional\\s+)?inputs?\\s+from\\s+(.+)|"
                                "(agency|agencies|wire)\\s+inputs?)$"),
                     body, 0, &match))
    {
      g_autofree char *from = g_match_info_fetch (match, 1);

      marked = TRUE;

      if (from == NULL || *from == '\0')
        return g_strdup ("Agencies");

      g_free (body);
      body = g_steal_pointer (&from);
    }

  items = split_name_list (body);
  result = g_string_new (NULL);

  if (items->len == 0)
    return NULL;

  for (guint i = 0; i < items->len; i++)
    {
      char *item = g_ptr_array_index (items, i);
      const char *canonical;

      strip_chars (item, ".,;:");
      canonical = desk_organization_canonical (item);

      if (result->len > 0)
        g_string_append (result, ", ");

      /* A photo agency supplies pictures, not the story: "(Getty Images)" is a credit. */
      if (canonical != NULL && desk_organization_is_photo_agency (canonical))
        {
          return NULL;
        }
      else if (canonical != NULL)
        {
          g_string_append (result, canonical);
        }
      else if (WORD_IN (item, generic_agency_words))
        {
          g_string_append_unichar (result, g_unichar_toupper (g_utf8_get_char (item)));
          g_string_append (result, g_utf8_next_char (item));
        }
      else if (marked && is_acronym (item))
        {
          g_string_append (result, item);
        }
      else
        {
          return NULL;
        }
    }

  return g_string_free (g_steal_pointer (&result), FALSE);
}

/* "AP Photo" → "The Associated Press", "REUTERS" → "Reuters", "AFP PHOTO" → AFP. */
static const char *
photo_organization (const char *text)
{
  const char *canonical = desk_organization_canonical (text);
  g_autofree char *copy = NULL;
  gsize len;

  if (canonical != NULL)
    return canonical;

  copy = collapse_spaces (text);
  len = strlen (copy);

  if (len > 6 && g_ascii_strcasecmp (copy + len - 6, " photo") == 0)
    copy[len - 6] = '\0';
  else if (len > 7 && g_ascii_strcasecmp (copy + len - 7, " photos") == 0)
    copy[len - 7] = '\0';
  else
    return NULL;

  return desk_organization_canonical (copy);
}

typedef enum
{
  PHOTO_BARE,       /* "... 2014. Thierry Chesnot/Getty Images" */
  PHOTO_PARENS,     /* "(AP Photo/Jane Doe, File)" */
  PHOTO_KEYWORD,    /* "Photo: Jane Doe / Reuters" */
} PhotoForm;

static const char * const photo_keywords[] = {
  "Photo credit:", "Photograph:", "Photographs:", "Photos:", "Photo:", "Pictures:",
  "Picture:", "Pic:", "Image:", "Credit:", "Photographed by ", "Photos by ", "Photo by ",
};

static gboolean
ends_with_ci (const char *text,
              const char *suffix)
{
  gsize length = strlen (text), suffix_length = strlen (suffix);

  return length >= suffix_length &&
         g_ascii_strcasecmp (text + length - suffix_length, suffix) == 0;
}

static guint
count_spaces (const char *text)
{
  guint n = 0;

  for (const char *p = text; *p; p++)
    n += *p == ' ';

  return n;
}

/* Reads the credit itself (without parentheses or keyword) into a photographer credit. */
static DeskCredit *
parse_photo_credit_body (const char *body,
                         PhotoForm   form)
{
  static GRegex *suffix_regex;
  g_autofree char *text = collapse_spaces (body);
  g_autofree char *plain = NULL;
  guint min_words = form == PHOTO_BARE ? 2 : 1;
  const char *org;

  /* ", File", "/Pool", ", Handout" at the end; the pattern only where one may be. */
  if (ends_with_ci (text, "file") || ends_with_ci (text, "pool") || ends_with_ci (text, "handout"))
    plain = g_regex_replace_literal (regex_get (&suffix_regex,
                                                "\\s*[,/]\\s*(?:file|pool|handout)$"),
                                     text, -1, 0, "", 0, NULL);
  else
    plain = g_strdup (text);
  if (plain == NULL)
    return NULL;
  strip_chars (plain, ".,;");

  if (form == PHOTO_PARENS)
    {
      for (guint i = 0; i < G_N_ELEMENTS (photo_keywords); i++)
        {
          if (has_prefix_ci (plain, photo_keywords[i]))
            {
              char *after = plain + strlen (photo_keywords[i]);

              memmove (plain, after, strlen (after) + 1);
              strip_chars (plain, "");
              form = PHOTO_KEYWORD;
              break;
            }
        }
    }

  if (*plain == '\0')
    return NULL;

  /* "AFP/Getty Images", "AP Photo", "Getty Images" */
  if ((org = photo_organization (plain)) != NULL)
    {
      /* Without a keyword, a news agency's name alone ("The Associated Press", "(AFP)") is
       * more likely an agency line or a body paragraph's source than a photo credit: take
       * only photo agencies and "AP Photo". */
      if (form != PHOTO_KEYWORD && !desk_organization_is_photo_agency (org) &&
          desk_organization_is_known (plain))
        return NULL;

      return desk_credit_new ("", org, DESK_CREDIT_ROLE_PHOTOGRAPHER);
    }

  for (char *slash = strchr (plain, '/'); slash != NULL; slash = strchr (slash + 1, '/'))
    {
      g_autofree char *left = g_strndup (plain, slash - plain);
      g_autofree char *right = g_strdup (slash + 1);
      const char *left_org;
      const char *right_org;

      strip_chars (left, "");
      strip_chars (right, "");
      left_org = photo_organization (left);
      right_org = desk_organization_canonical (right);

      /* "AP Photo/Jane Doe", "REUTERS/Maxim Shemetov" */
      if (left_org != NULL && looks_like_name (right, min_words, 5))
        {
          g_autofree char *name = name_from_text (right);

          return desk_credit_new (name, left_org, DESK_CREDIT_ROLE_PHOTOGRAPHER);
        }

      /* "Thierry Chesnot/Getty Images", "Jane Doe/AFP via Getty Images" */
      if (right_org != NULL && looks_like_name (left, min_words, 5))
        {
          g_autofree char *name = name_from_text (left);

          return desk_credit_new (name, right_org, DESK_CREDIT_ROLE_PHOTOGRAPHER);
        }

      /* "Jane Doe/The Hindu" when the caption says it is a credit */
      if (form != PHOTO_BARE && left_org == NULL && looks_like_name (left, 1, 5) &&
          (looks_like_organization (right) || is_acronym (right)))
        {
          g_autofree char *name = name_from_text (left);

          return desk_credit_new (name, right, DESK_CREDIT_ROLE_PHOTOGRAPHER);
        }
    }

  /* "Jane Doe for The New York Times" */
  {
    const char *for_ = strstr (plain, " for ");

    if (for_ != NULL)
      {
        g_autofree char *left = g_strndup (plain, for_ - plain);
        const char *right = for_ + strlen (" for ");
        const char *right_org = desk_organization_canonical (right);

        if ((right_org != NULL || (form != PHOTO_BARE && looks_like_organization (right))) &&
            looks_like_name (left, min_words, 5))
          {
            g_autofree char *name = name_from_text (left);
            g_autofree char *written = organization_from_text (right);

            return desk_credit_new (name, written, DESK_CREDIT_ROLE_PHOTOGRAPHER);
          }
      }
  }

  if (form == PHOTO_KEYWORD)
    {
      /* "Photo: Jane Doe, Reuters" or "Photo: Jane Doe" */
      const char *comma = strrchr (plain, ',');

      if (comma != NULL)
        {
          g_autofree char *left = g_strndup (plain, comma - plain);
          const char *right_org = desk_organization_canonical (comma + 1);

          strip_chars (left, "");
          if (right_org != NULL && looks_like_name (left, 1, 5))
            {
              g_autofree char *name = name_from_text (left);

              return desk_credit_new (name, right_org, DESK_CREDIT_ROLE_PHOTOGRAPHER);
            }
        }

      if (looks_like_name (plain, 2, 4))
        {
          g_autofree char *name = name_from_text (plain);

          return desk_credit_new (name, NULL, DESK_CREDIT_ROLE_PHOTOGRAPHER);
        }
    }

  return NULL;
}

/* The byte offset just after the last sentence end before @end (0 if none): a '.', '?' or
 * '!', maybe followed by closing quotes or a bracket, then a space; a full stop after a
 * single capital ("Jane Q. Doe") ends an initial, not a sentence. */
static gsize
last_sentence_end (const char *text,
                   gsize       end)
{
  for (gsize i = end; i > 1; i--)
    {
      const char *p;

      if (text[i - 1] != ' ')
        continue;

      /* Step back over closing quotes and brackets, ASCII or not. */
      p = g_utf8_find_prev_char (text, text + i - 1);
      while (p != NULL)
        {
          gunichar c = g_utf8_get_char (p);

          if (c != '"' && c != '\'' && c != ')' && c != 0x201D && c != 0x2019 && c != 0x00BB)
            break;
          p = g_utf8_find_prev_char (text, p);
        }

      if (p == NULL || (*p != '.' && *p != '?' && *p != '!'))
        continue;

      if (*p == '.' && p > text && g_ascii_isupper (p[-1]) &&
          (p - 1 == text || p[-2] == ' ' || p[-2] == '.'))
        continue;

      return i;
    }

  return 0;
}

/* The first @n of @words, a space between each. */
static char *
join_words (char  **words,
            guint   n)
{
  char *last = words[n];
  char *joined;

  words[n] = NULL;
  joined = g_strjoinv (" ", words);
  words[n] = last;

  return joined;
}

/* "AP Photo", "Reuters Photo": a known organisation's name and the word for a photo. */
static gboolean
is_org_photo (char  **words,
              guint   n)
{
  g_autofree char *org = NULL;
  const char *last = words[n - 1];

  if (n < 2 || (g_ascii_strcasecmp (last, "photo") != 0 && g_ascii_strcasecmp (last, "foto") != 0))
    return FALSE;

  org = join_words (words, n - 1);
  return desk_organization_is_known (org);
}

/* "Evan Vucci AP Photo" as "Evan Vucci/AP Photo": the last words name a photo agency and
 * the words before them, one to three, are a name in capitals. NULL when not. */
static char *
join_name_and_agency (const char *tail)
{
  g_auto(GStrv) words = g_strsplit (tail, " ", -1);
  guint n = g_strv_length (words);

  for (guint k = 1; k <= 3 && k < n; k++)
    {
      g_autofree char *agency = g_strjoinv (" ", words + (n - k));
      g_autofree char *name = NULL;
      gboolean capitals = TRUE;

      if (!desk_organization_is_photo_agency (agency) && !is_org_photo (words + (n - k), k))
        continue;
      if (n - k > 3)
        return NULL;
      for (guint w = 0; w < n - k && capitals; w++)
        capitals = g_unichar_isupper (g_utf8_get_char (words[w]));
      if (!capitals)
        return NULL;

      name = join_words (words, n - k);
      /* "AP Photo" is credited as its organisation, "AP". */
      if (!desk_organization_is_photo_agency (agency))
        agency[strlen (agency) - strlen (words[n - 1]) - 1] = '\0';
      return g_strdup_printf ("%s/%s", name, agency);
    }

  return NULL;
}

/* A run of this many spaces between a caption and a bracket is a page's layout, not a
 * sentence's spacing. */
#define CREDIT_GAP_SPACES 3

/* A name of one to four words, each with a capital, and nothing that ends a sentence. */
static gboolean
looks_like_credit_name (const char *text)
{
  g_auto(GStrv) words = g_strsplit (text, " ", -1);
  guint n = g_strv_length (words);

  if (n == 0 || n > 4 || strpbrk (text, ".!?:;,") != NULL)
    return FALSE;
  for (guint w = 0; w < n; w++)
    if (!g_unichar_isupper (g_utf8_get_char (words[w])))
      return FALSE;
  return TRUE;
}

/**
 * desk_credit_line_parse_photo_credit:
 * @caption: a photo caption
 * @credit_start: (out) (optional): where the credit starts in @caption, in bytes
 *
 * Finds the credit at the end of a photo caption: "… on June 5, 2014. Thierry
 * Chesnot/Getty Images", "(AP Photo/Jane Doe)", "(AP Photo/Jane Doe, File)", "Photo: Jane
 * Doe / Reuters", "REUTERS/Jane Doe", "Getty Images". The caption before @credit_start,
 * trimmed, is the caption without its credit.
 *
 * Returns: (transfer full) (nullable): a credit with role "photographer" (an empty name
 *   when only the agency is credited), or %NULL if the caption carries no credit
 */
DeskCredit *
desk_credit_line_parse_photo_credit (const char *caption,
                                     gsize      *credit_start)
{
  DeskCredit *credit;
  gsize end;
  gsize best = 0;
  const char *best_keyword = NULL;

  g_return_val_if_fail (caption != NULL, NULL);

  if (credit_start != NULL)
    *credit_start = 0;

  if (!g_utf8_validate (caption, -1, NULL))
    return NULL;

  end = strlen (caption);
  while (end > 0 && (g_ascii_isspace (caption[end - 1]) || caption[end - 1] == '.'))
    end--;

  if (end == 0)
    return NULL;

  /* "(AP Photo/Jane Doe, File)" */
  if (caption[end - 1] == ')')
    {
      int depth = 0;

      for (gsize i = end; i > 0; i--)
        {
          if (caption[i - 1] == ')')
            depth++;
          else if (caption[i - 1] == '(' && --depth == 0)
            {
              g_autofree char *inside = g_strndup (caption + i, end - 1 - i);
              gsize before = i - 1;

              /* A name in parentheses inside a sentence ("… one charity (Dispensers for
               * Safe Water).", "… die Patientenakte (ePA)") is the sentence's; a credit
               * there says it is one ("Soldiers patrol Brussels (AFP PHOTO / JOHN THYS)") */
              guint gap = 0;

              /* Spaces, and no-break spaces (0xC2 0xA0), between the text and the bracket. */
              while (before > 0 && (g_ascii_isspace (caption[before - 1]) ||
                                    (before > 1 && (guchar)caption[before - 2] == 0xC2 &&
                                     (guchar)caption[before - 1] == 0xA0)))
                {
                  before -= g_ascii_isspace (caption[before - 1]) ? 1 : 2;
                  gap++;
                }
              /* ... unless a wide gap sets it apart, as a page sets a credit beside its
               * caption ("… the site of the talks        (Lehtikuva)"). */
              if (before > 0 && gap < CREDIT_GAP_SPACES && strchr (".!?\"", caption[before - 1]) == NULL &&
                  !(before >= 3 && memcmp (caption + before - 3, "\xe2\x80\x9d", 3) == 0) &&
                  !mentions_any (inside, photo_words))
                break;

              credit = parse_photo_credit_body (inside, PHOTO_PARENS);
              /* Set apart by the gap, a name in brackets is whose the photo is: "(AP)",
               * "(Lehtikuva)". */
              if (credit == NULL && gap >= CREDIT_GAP_SPACES && looks_like_credit_name (inside))
                {
                  g_autofree char *org = organization_from_text (inside);

                  credit = desk_credit_new ("", org, DESK_CREDIT_ROLE_PHOTOGRAPHER);
                }
              if (credit != NULL)
                {
                  /* The caption ends where the gap begins. */
                  if (credit_start != NULL)
                    *credit_start = gap >= CREDIT_GAP_SPACES ? before : i - 1;
                  return credit;
                }
              break;
            }
        }
    }

  /* "Photo: Jane Doe / Reuters": every keyword names a photo, picture, image or credit. */
  for (guint k = 0; k < G_N_ELEMENTS (photo_keywords) && mentions_any (caption, photo_words); k++)
    {
      gsize len = strlen (photo_keywords[k]);

      for (gsize i = 0; i + len <= end; i++)
        {
          if (g_ascii_tolower (caption[i]) != g_ascii_tolower (photo_keywords[k][0]) ||
              g_ascii_strncasecmp (caption + i, photo_keywords[k], len) != 0)
            continue;
          if (i > 0 && !g_ascii_isspace (caption[i - 1]) && strchr ("(|.", caption[i - 1]) == NULL)
            continue;
          if (best_keyword == NULL || i > best)
            {
              best = i;
              best_keyword = photo_keywords[k];
            }
        }
    }

  if (best_keyword != NULL)
    {
      g_autofree char *body = g_strndup (caption + best + strlen (best_keyword),
                                         end - best - strlen (best_keyword));

      credit = parse_photo_credit_body (body, PHOTO_KEYWORD);
      if (credit != NULL)
        {
          if (credit_start != NULL)
            *credit_start = best;
          return credit;
        }
    }

  /* "… 2014. Thierry Chesnot/Getty Images" */
  {
    gsize start = last_sentence_end (caption, end);
    g_autofree char *tail = NULL;

    while (start < end && g_ascii_isspace (caption[start]))
      start++;

    tail = g_strndup (caption + start, end - start);
    /* "Evan Vucci AP Photo": a name and the agency's credit side by side, as a scraper
     * leaves "Evan Vucci / AP Photo" when it drops the markup between them. */
    if (strchr (tail, '/') == NULL && strstr (tail, " for ") == NULL &&
        count_spaces (tail) <= 5 && !desk_organization_is_photo_agency (tail))
      {
        char *joined = join_name_and_agency (tail);

        if (joined != NULL)
          {
            g_free (tail);
            tail = joined;
          }
      }
    /* A bare credit is "Name/Agency", "Name for Organisation" or an agency's name: a
     * sentence that is none of these is turned away cheaply. */
    if (strchr (tail, '/') == NULL && strstr (tail, " for ") == NULL &&
        (count_spaces (tail) > 5 || !desk_organization_is_photo_agency (tail)))
      return NULL;
    credit = parse_photo_credit_body (tail, PHOTO_BARE);

    if (credit != NULL)
      {
        if (credit_start != NULL)
          *credit_start = start;
        return credit;
      }
  }

  return NULL;
}
