/* desk-wire-text.c: the conventions of wire copy that every ingest path shares
 *
 * Plain text, the readers and the rulebook count words, fold a line to a key, see where a
 * sentence ends, split an agency's dateline off a story's first paragraph, find the date
 * in a stamp and read a keyword line's slug and version the same way, with these
 * functions; each exists once.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "desk-organization.h"
#include "desk-wire-text-private.h"

/* ---- Words and sentences ------------------------------------------------------------------ */

/**
 * _desk_wire_text_count_words:
 * @text: UTF-8 text
 *
 * Returns: how many runs of characters other than white space @text has
 */
guint
_desk_wire_text_count_words (const char *text)
{
  guint n = 0;
  gboolean in_word = FALSE;

  for (const char *p = text; *p; )
    {
      gboolean space;

      /* ASCII without a table lookup; the rest through GLib. */
      if ((guchar)*p < 0x80)
        {
          space = g_ascii_isspace (*p);
          p++;
        }
      else
        {
          space = g_unichar_isspace (g_utf8_get_char (p));
          p = g_utf8_next_char (p);
        }

      if (space)
        in_word = FALSE;
      else if (!in_word)
        {
          in_word = TRUE;
          n++;
        }
    }

  return n;
}

/**
 * _desk_wire_text_fold_key:
 * @text: (nullable): UTF-8 text
 *
 * The key that tells whether two lines say the same thing, whatever their case, spacing
 * and punctuation: the letters and digits of @text, in lower case, with nothing between
 * them.
 *
 * Returns: (transfer full): the key; "" for %NULL
 */
char *
_desk_wire_text_fold_key (const char *text)
{
  GString *key = g_string_new (NULL);

  if (text == NULL)
    return g_string_free (key, FALSE);

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isalnum (c))
        g_string_append_unichar (key, g_unichar_tolower (c));
    }

  return g_string_free (key, FALSE);
}

/**
 * _desk_wire_text_ends_sentence:
 * @text: UTF-8 text
 * @ends: whether a colon ends it too
 *
 * Whether @text ends with a full stop, a question or an exclamation mark or an ellipsis (or
 * a colon, if @ends says so), before any closing quotation marks, guillemets, brackets and
 * white space.
 */
gboolean
_desk_wire_text_ends_sentence (const char      *text,
                               DeskSentenceEnd  ends)
{
  const char *end = text + strlen (text);

  while (end > text)
    {
      const char *prev = g_utf8_find_prev_char (text, end);
      gunichar c = g_utf8_get_char (prev);

      if (c == '"' || c == '\'' || c == ')' || c == 0x201D || c == 0x2019 || c == 0xBB ||
          g_unichar_isspace (c))
        end = prev;
      else
        return c == '.' || c == '!' || c == '?' || c == 0x2026 ||
               ((ends & DESK_SENTENCE_END_COLON) && c == ':');
    }

  return FALSE;
}

/* ---- Datelines ---------------------------------------------------------------------------- */

static gboolean
agency_is_plausible (const char *agency)
{
  gsize n = strlen (agency);

  if (desk_organization_canonical (agency) != NULL)
    return TRUE;

  /* "dpa", "EFE", "ANSA", "AAP": short, one word */
  if (n < 2 || n > 8)
    return FALSE;
  for (const char *p = agency; *p != '\0'; p++)
    if (!g_ascii_isalpha (*p) && *p != '-')
      return FALSE;
  return TRUE;
}

static const char * const not_places[] = {
  "FILE", "UPDATE", "UPDATED", "BREAKING", "URGENT", "EXCLUSIVE", "ANALYSIS", "CORRECTION",
  "REFILE", "WRAPUP", "NOTE", "EDITORS", "PHOTO", "VIDEO", "WATCH", "LIVE", "OPINION",
  "COMMENT", "EDITORIAL", "REVIEW", "FEATURE", "ADVISORY", "BULLETIN", "FLASH",
};

/**
 * _desk_wire_text_split_dateline:
 * @text: the first paragraph of a story, or (with @whole) a dateline on its own
 * @whole: whether @text is all dateline ("STOCKHOLM, Aug 29, 2014 (AFP) -")
 * @length: (out): bytes of the dateline at the head of @text, with its separator
 * @place: (out): the place, "BUENOS AIRES, Argentina"
 * @agency: (out) (nullable): the agency in brackets, canonical where known
 *
 * Finds "BUENOS AIRES, Argentina (AP) _ ", "London (dpa) - ", "Tegucigalpa, Jan 2
 * (EFE).- ", "(ANSA) - Rome, October 11 - " and "MOSCOW -- ".
 *
 * Returns: whether @text starts with a dateline
 */
gboolean
_desk_wire_text_split_dateline (const char  *text,
                             gboolean     whole,
                             gsize       *length,
                             char       **place,
                             char       **agency)
{
  static GRegex *after_re, *before_re, *caps_re;
  g_autoptr(GMatchInfo) match = NULL;
  g_autofree char *found_place = NULL;
  g_autofree char *found_agency = NULL;
  const char *second;
  gboolean bracket;
  gboolean capitals;
  int end = 0;

  *length = 0;
  *place = NULL;
  *agency = NULL;

  if (g_once_init_enter (&after_re))
    {
      /* PLACE[, Region][, Mon 2[, 2014]] (AGENCY) SEPARATOR */
      before_re = g_regex_new ("^\\(([\\p{L}]{2,10})\\)\\s*(?:--|[\xe2\x80\x94\xe2\x80\x93-])\\s*"
                               "(\\p{Lu}[\\p{L}\\p{M}.'\xe2\x80\x99 -]{1,40}?)"
                               "(?:,? \\p{L}{3,9}\\.? \\d{1,2}(?:, \\d{4})?)?"
                               "\\s*(?:--|[\xe2\x80\x94\xe2\x80\x93_-]|:)(?:\\s+|$)",
                               0, 0, NULL);
      caps_re = g_regex_new ("^(\\p{Lu}[\\p{Lu} .'\xe2\x80\x99-]{1,30}[\\p{Lu}.]"
                             "(?:, \\p{Lu}[\\p{L} .]{1,30}?)?)"
                             "\\s*(?:--|[\xe2\x80\x94\xe2\x80\x93_-])(?:\\s+|$)",
                             0, 0, NULL);
      g_once_init_leave (&after_re,
                         g_regex_new ("^(\\p{Lu}[\\p{L}\\p{M}.'\xe2\x80\x99 -]{0,40}?"
                                      "(?:, \\p{L}[\\p{L}\\p{M}.'\xe2\x80\x99 -]{0,30}?)?)"
                                      "(?:,? \\p{L}{3,9}\\.? \\d{1,2}(?:, \\d{4})?)?"
                                      "\\s*\\(([\\p{L}][\\p{L}./ -]{0,29})\\)"
                                      "(?:\\s*\\.?\\s*(?:--|[\xe2\x80\x94\xe2\x80\x93_-]|:)"
                                      "(?:\\s+|$)|\\s*$)",
                                      0, 0, NULL));
    }

  /* Each pattern needs what most paragraphs lack: an opening bracket (the agency's), or
   * for capitals a second character that is not a lower-case ASCII letter. A paragraph
   * that cannot match is not given to the patterns, which cost far more than this look
   * (a match allocates its data, and the place's lazy repetition backtracks word by word). */
  if (text[0] == '\0')
    return FALSE;
  bracket = strchr (text, '(') != NULL;
  second = g_utf8_next_char (text);
  capitals = !(*second >= 'a' && *second <= 'z');

  if (bracket && g_regex_match (after_re, text, 0, &match))
    {
      found_place = g_match_info_fetch (match, 1);
      found_agency = g_match_info_fetch (match, 2);
    }
  else
    {
      g_clear_pointer (&match, g_match_info_free);
      if (text[0] == '(' && g_regex_match (before_re, text, 0, &match))
        {
          found_agency = g_match_info_fetch (match, 1);
          found_place = g_match_info_fetch (match, 2);
        }
      else
        {
          g_clear_pointer (&match, g_match_info_free);
          if (!capitals || !g_regex_match (caps_re, text, 0, &match))
            return FALSE;
          found_place = g_match_info_fetch (match, 1);
        }
    }

  g_match_info_fetch_pos (match, 0, NULL, &end);
  g_strstrip (found_place);

  if (found_place[0] == '\0' || (!whole && text[end] == '\0'))
    return FALSE;
  if (found_agency != NULL && found_agency[0] != '\0' && !agency_is_plausible (found_agency))
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (not_places); i++)
    if (g_ascii_strcasecmp (found_place, not_places[i]) == 0)
      return FALSE;

  *length = end;
  *place = g_steal_pointer (&found_place);
  if (found_agency != NULL && found_agency[0] != '\0')
    {
      const char *canonical = desk_organization_canonical (found_agency);

      *agency = g_strdup (canonical ? canonical : found_agency);
    }

  return TRUE;
}

/* ---- Dates ------------------------------------------------------------------------------ */

static const char * const month_names[] = {
  "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"
};

static int
month_from_name (const char *name)
{
  g_autofree char *lower = g_ascii_strdown (name, 3);

  for (guint i = 0; i < G_N_ELEMENTS (month_names); i++)
    if (g_str_has_prefix (lower, month_names[i]))
      return i + 1;

  return 0;
}

static char *
format_date (int year,
             int month,
             int day)
{
  if (year < 100)
    year += 2000;
  if (month < 1 || month > 12 || day < 1 || day > 31 || year < 1900 || year > 2200)
    return NULL;

  return g_strdup_printf ("%04d-%02d-%02d", year, month, day);
}

/**
 * _desk_wire_text_find_date:
 * @text: a line
 *
 * Finds a date in a stamp: 27/11/2015, 11/27/2015, 2015-11-27, Nov. 27, 2015,
 * 27 November 2015.
 *
 * Returns: (transfer full) (nullable): the date as YYYY-MM-DD
 */
char *
_desk_wire_text_find_date (const char *text)
{
  static GRegex *numeric_re, *iso_re, *mdy_re, *dmy_re;
  g_autoptr(GMatchInfo) match = NULL;

  if (g_once_init_enter (&numeric_re))
    {
      iso_re = g_regex_new ("\\b(\\d{4})-(\\d{2})-(\\d{2})\\b", G_REGEX_OPTIMIZE, 0, NULL);
      mdy_re = g_regex_new ("\\b([A-Z][a-z]{2,8})\\.? (\\d{1,2}),? (\\d{4})\\b", G_REGEX_OPTIMIZE, 0, NULL);
      dmy_re = g_regex_new ("\\b(\\d{1,2})\\.? ([A-Z][a-z]{2,8})\\.?,? (\\d{4})\\b", G_REGEX_OPTIMIZE, 0, NULL);
      g_once_init_leave (&numeric_re,
                         g_regex_new ("\\b(\\d{1,2})[/.](\\d{1,2})[/.](\\d{2,4})\\b",
                                      G_REGEX_OPTIMIZE, 0, NULL));
    }

  if (g_regex_match (iso_re, text, 0, &match))
    {
      g_autofree char *y = g_match_info_fetch (match, 1);
      g_autofree char *m = g_match_info_fetch (match, 2);
      g_autofree char *d = g_match_info_fetch (match, 3);

      return format_date (atoi (y), atoi (m), atoi (d));
    }
  g_clear_pointer (&match, g_match_info_free);

  if (g_regex_match (numeric_re, text, 0, &match))
    {
      g_autofree char *a = g_match_info_fetch (match, 1);
      g_autofree char *b = g_match_info_fetch (match, 2);
      g_autofree char *y = g_match_info_fetch (match, 3);
      int first = atoi (a), second = atoi (b);

      /* Day first where it must be (27/11), month first where it must be (11/27);
       * where both could be, the American order of the wires. */
      if (first > 12)
        return format_date (atoi (y), second, first);
      return format_date (atoi (y), first, second);
    }
  g_clear_pointer (&match, g_match_info_free);

  if (g_regex_match (mdy_re, text, 0, &match))
    {
      g_autofree char *m = g_match_info_fetch (match, 1);
      g_autofree char *d = g_match_info_fetch (match, 2);
      g_autofree char *y = g_match_info_fetch (match, 3);
      int month = month_from_name (m);

      if (month > 0)
        return format_date (atoi (y), month, atoi (d));
    }
  g_clear_pointer (&match, g_match_info_free);

  if (g_regex_match (dmy_re, text, 0, &match))
    {
      g_autofree char *d = g_match_info_fetch (match, 1);
      g_autofree char *m = g_match_info_fetch (match, 2);
      g_autofree char *y = g_match_info_fetch (match, 3);
      int month = month_from_name (m);

      if (month > 0)
        return format_date (atoi (y), month, atoi (d));
    }

  return NULL;
}

/* ---- Slugs and versions ----------------------------------------------------------------- */

/**
 * _desk_wire_text_parse_keyword:
 * @keyword: a keyword or slug line: "BC-US--Ethanol-Losing Grassland, 1st Ld-Writethru,1140",
 *   "BC-US--Ethanol-LosingGra 1stLd-Writethru   11-13 1693", "1ST LEAD"
 * @slug: (out) (optional): the slug without version and word count, or %NULL
 * @version: (out) (optional): 2 for a first lead or writethru, 3 for a second…; 0 when
 *   the keyword gives none
 * @signal: (out) (optional): "update" for a lead or writethru, "correction" for a
 *   correction, or %NULL
 *
 * Returns: whether @keyword had a slug or a version
 */
gboolean
_desk_wire_text_parse_keyword (const char  *keyword,
                            char       **slug,
                            int         *version,
                            const char **signal)
{
  static GRegex *version_re, *count_re;
  g_autoptr(GMatchInfo) match = NULL;
  g_autofree char *text = NULL;
  int found_version = 0;
  const char *found_signal = NULL;
  int cut = -1;

  if (slug != NULL)
    *slug = NULL;
  if (version != NULL)
    *version = 0;
  if (signal != NULL)
    *signal = NULL;

  if (keyword == NULL)
    return FALSE;

  if (g_once_init_enter (&version_re))
    {
      count_re = g_regex_new ("(?:,\\s*\\d{1,5}|\\s+\\d{2}-\\d{2}\\s+\\d{3,5}|\\s+\\d{2}-\\d{2})"
                              "\\s*<?\\s*$",
                              0, 0, NULL);
      g_once_init_leave (&version_re,
                         g_regex_new ("(?:^|[\\s,;/])(?:(\\d{1,2})\\s*(?:st|nd|rd|th)\\s*"
                                      "(?:ld|lead|writethru|write-thru)\\b(?:-?\\s*writethru)?"
                                      "|(writethru|write-thru)|(correct(?:ion|ive|s|ed))\\b"
                                      "|(urgent|bulletin|advisory|update)\\b)",
                                      G_REGEX_CASELESS, 0, NULL));
    }

  text = g_strstrip (g_strdup (keyword));
  if (text[0] == '^')
    memmove (text, text + 1, strlen (text));

  if (g_regex_match (version_re, text, 0, &match))
    {
      g_autofree char *number = g_match_info_fetch (match, 1);
      g_autofree char *writethru = g_match_info_fetch (match, 2);
      g_autofree char *correction = g_match_info_fetch (match, 3);

      g_match_info_fetch_pos (match, 0, &cut, NULL);

      if (number != NULL && number[0] != '\0')
        {
          found_version = atoi (number) + 1;
          found_signal = "update";
        }
      else if (writethru != NULL && writethru[0] != '\0')
        {
          found_version = 2;
          found_signal = "update";
        }
      else if (correction != NULL && correction[0] != '\0')
        found_signal = "correction";
    }

  if (cut >= 0)
    text[cut] = '\0';

  /* The word count and date that follow a keyword */
  {
    g_autofree char *stripped = g_regex_replace_literal (count_re, text, -1, 0, "", 0, NULL);

    g_free (text);
    text = g_steal_pointer (&stripped);
  }
  g_strstrip (text);
  while (text[0] != '\0' && strchr (",;<=-/ ", text[strlen (text) - 1]) != NULL)
    {
      text[strlen (text) - 1] = '\0';
      g_strstrip (text);
    }

  if (version != NULL)
    *version = found_version;
  if (signal != NULL)
    *signal = found_signal;
  if (slug != NULL && text[0] != '\0')
    *slug = g_steal_pointer (&text);

  return found_version > 0 || found_signal != NULL || (slug != NULL && *slug != NULL);
}

/**
 * _desk_wire_text_scan_keyword_line:
 * @text: the text of a plain-text source
 * @slug: (inout): set to the slug of an AP-style keyword line near the top, if there is one
 * @version: (inout): set to its version (1 when it gives none)
 * @signal: (inout): set to "update" for a writethru
 *
 * Wire copy pasted as text may keep its keyword line ("BC-US--Fire, 1st Ld-Writethru").
 */
void
_desk_wire_text_scan_keyword_line (const char  *text,
                                char       **slug,
                                int         *version,
                                const char **signal)
{
  static GRegex *keyword_re;
  g_auto(GStrv) lines = NULL;
  guint seen = 0;

  g_return_if_fail (text != NULL);

  if (g_once_init_enter (&keyword_re))
    g_once_init_leave (&keyword_re,
                       g_regex_new ("^\\^?(?:BC|AP|AM|PM)-[A-Za-z0-9]{1,12}-{1,2}\\S",
                                    0, 0, NULL));

  lines = g_strsplit (text, "\n", 40);
  for (guint i = 0; lines[i] != NULL && seen < 12; i++)
    {
      g_autofree char *found_slug = NULL;
      const char *found_signal = NULL;
      int found_version = 0;
      const char *line = lines[i];

      while (*line == ' ' || *line == '\t')
        line++;
      if (*line == '\0')
        continue;
      seen++;

      /* A keyword line starts "^", "BC", "AP", "AM" or "PM": a line that cannot is not
       * given to the pattern (a match costs an allocation and more). */
      if (strchr ("^BAP", line[0]) == NULL || !g_regex_match (keyword_re, line, 0, NULL))
        continue;

      if (_desk_wire_text_parse_keyword (line, &found_slug, &found_version, &found_signal) &&
          found_slug != NULL)
        {
          g_free (*slug);
          *slug = g_steal_pointer (&found_slug);
          *version = MAX (found_version, 1);
          if (found_signal != NULL)
            *signal = g_intern_static_string (found_signal);
          return;
        }
    }
}
