/* desk-reader.c: what the readers of agency and web formats share
 *
 * Every reader hands desk-ingest.c the same parts as plain text does (DeskIngestPart):
 * blocks with roles, and the story's metadata; it never makes a source. Readers are called
 * by desk-ingest.c and call down into this toolkit, never up. Markup formats have no text
 * of their own to point into, so the reader writes one as it goes: a plain rendering of the
 * story, one paragraph per block, paragraphs separated by blank lines. Block offsets point
 * into that rendering.
 *
 * What a paragraph of a body is (a separator, an agency's sign-off, a contributor line, a
 * caption that slipped into the text) is decided by the one rulebook, desk-roles.c, which
 * plain text asks too: NITF, NewsML, ninjs, web pages and text all read alike. What the
 * markup itself says (a <byline>, an <hl2>, a <media-caption>) is taken as it is.
 *
 * Markup is parsed with libxml2 and never fetches anything: no network, no DTD, no
 * external entities; entities a file declares for itself are left as they are written
 * ("&name;"), never expanded.
 *
 * The readers' own regular expressions are not JIT-compiled (no G_REGEX_OPTIMIZE): they
 * run on short lines, and PCRE2's JIT reads past the end of its subject in a way that hides
 * real errors under valgrind. The rulebook's (desk-roles.c), which every reader's body
 * paragraphs go through, are, on valid UTF-8 only (build-aux/valgrind.supp covers the JIT).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include <libxml/HTMLparser.h>
#include <libxml/parser.h>

#include "desk-credit-line.h"
#include "desk-decode.h"
#include "desk-format.h"
#include "desk-hash.h"
#include "desk-organization.h"
#include "desk-prose.h"
#include "desk-reader-private.h"
#include "desk-roles-private.h"
#include "desk-segment-private.h"
#include "desk-wire-text-private.h"

/* Deeper markup than this is not walked (libxml2 itself stops at 256 without XML_PARSE_HUGE) */
#define MAX_DEPTH 200

/* A byline or credit is at most this many words */
#define BYLINE_MAX_WORDS 16

struct _DeskReaderDoc
{
  const char *format;

  GString    *text;             /* the rendering */
  GPtrArray  *blocks;
  gboolean    too_many_blocks;  /* more than DESK_INGEST_MAX_PARAGRAPHS were written */
  gboolean    has_bytes_hash;
  guint64     bytes_hash;       /* of the whole file, when it holds several stories */
  GPtrArray  *credits;
  GPtrArray  *bylines;
  GPtrArray  *notes;            /* folded editors' notes written so far */
  GPtrArray  *decks;            /* folded decks written so far */

  char       *title;
  char       *title_key;
  char       *dateline;
  char       *dateline_agency;
  char       *pending_dateline; /* printed in the file's head, written before the body */
  char       *agency;           /* a known organisation the file names as its source */
  char       *agency_fallback;  /* an organisation the file names, unknown to us */
  char       *date;
  char       *slug;
  char       *guid;
  char       *version_created;
  const char *signal;
  int         version;

  const char *encoding;
  guint       n_repaired;
  guint       n_invalid;

  guint       n_body;
  gboolean    dateline_done;
  gboolean    dateline_printed;
  gboolean    dateline_split;   /* taken off the head of a body paragraph */
  gboolean    after_separator;
};

/* ---- Text helpers --------------------------------------------------------------------- */

static gboolean
has_prefix_ci (const char *text,
               const char *prefix)
{
  return g_ascii_strncasecmp (text, prefix, strlen (prefix)) == 0;
}

static gboolean
has_letter (const char *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (g_unichar_isalpha (g_utf8_get_char (p)))
      return TRUE;
  return FALSE;
}

/* Entities escaped twice by the sender show as "&#39;" or "&quot;" in the text. */
static char *
unescape_entities (const char *text,
                   guint      *n_repaired)
{
  static const struct { const char *name; const char *utf8; } named[] = {
    { "quot", "\"" }, { "amp", "&" }, { "apos", "'" }, { "lt", "<" }, { "gt", ">" },
    { "nbsp", " " }, { "ndash", "\xe2\x80\x93" }, { "mdash", "\xe2\x80\x94" },
    { "laquo", "\xc2\xab" }, { "raquo", "\xc2\xbb" }, { "rsquo", "\xe2\x80\x99" },
    { "lsquo", "\xe2\x80\x98" }, { "rdquo", "\xe2\x80\x9d" }, { "ldquo", "\xe2\x80\x9c" },
  };
  GString *out;

  if (strchr (text, '&') == NULL)
    return g_strdup (text);

  out = g_string_sized_new (strlen (text));

  for (const char *p = text; *p != '\0'; p++)
    {
      const char *semi;
      gsize n;

      if (*p != '&' || !(semi = strchr (p, ';')) || (n = semi - p - 1) == 0 || n > 8)
        {
          g_string_append_c (out, *p);
          continue;
        }

      if (p[1] == '#')
        {
          gunichar c;
          char *end = NULL;

          if (p[2] == 'x' || p[2] == 'X')
            c = g_ascii_strtoull (p + 3, &end, 16);
          else
            c = g_ascii_strtoull (p + 2, &end, 10);

          if (end == semi && c > 0x1F && g_unichar_validate (c))
            {
              g_string_append_unichar (out, c);
              (*n_repaired)++;
              p = semi;
              continue;
            }
        }
      else
        {
          gboolean found = FALSE;

          for (guint i = 0; i < G_N_ELEMENTS (named); i++)
            {
              if (strlen (named[i].name) == n && strncmp (p + 1, named[i].name, n) == 0)
                {
                  g_string_append (out, named[i].utf8);
                  (*n_repaired)++;
                  p = semi;
                  found = TRUE;
                  break;
                }
            }
          if (found)
            continue;
        }

      g_string_append_c (out, *p);
    }

  return g_string_free (out, FALSE);
}

/**
 * _desk_reader_clean_text:
 * @raw: text from markup: any spacing, perhaps entities escaped twice, perhaps mojibake
 * @n_repaired: (inout) (optional): incremented by the repairs made
 *
 * Returns: (transfer full): the text on one line, single-spaced, trimmed, repaired
 */
char *
_desk_reader_clean_text (const char *raw,
                         guint      *n_repaired)
{
  g_autofree char *normalized = NULL;
  g_autofree char *unescaped = NULL;
  GString *collapsed;
  gboolean space = FALSE;
  guint repairs = 0;
  guint mojibake = 0;
  char *repaired;

  if (raw == NULL)
    return g_strdup ("");

  if (!g_utf8_validate (raw, -1, NULL))
    {
      g_autofree char *valid = g_utf8_make_valid (raw, -1);

      return _desk_reader_clean_text (valid, n_repaired);
    }

  normalized = desk_decode_normalize_space (raw);
  collapsed = g_string_sized_new (strlen (normalized));

  for (const char *p = normalized; *p != '\0'; p++)
    {
      if (*p == ' ' || *p == '\t' || *p == '\n')
        {
          space = collapsed->len > 0;
          continue;
        }
      if (space)
        g_string_append_c (collapsed, ' ');
      space = FALSE;
      g_string_append_c (collapsed, *p);
    }

  unescaped = unescape_entities (collapsed->str, &repairs);
  g_string_free (collapsed, TRUE);

  repaired = desk_decode_repair_mojibake (unescaped, &mojibake);
  if (n_repaired != NULL)
    *n_repaired += repairs + mojibake;

  return g_strstrip (repaired);
}

/* ---- Dates ---------------------------------------------------------------------------- */

/**
 * _desk_reader_parse_timestamp:
 * @text: a date or time as formats write them: "2017-10-11T10:41:00+0100",
 *   "20140829T134951+0000", "2013-03-01T15:09:04.000Z", "2014-07-17 00:24:11 GMT+00:00",
 *   "20180404", "4/4/2018 17:59:03", "07.09.2020 14:45"
 * @date: (out) (optional): the date, "2017-10-11"
 *
 * Returns: (transfer full) (nullable): the time in ISO 8601 ("2017-10-11T10:41:00+01:00"),
 *   UTC when the text gives no zone
 */
char *
_desk_reader_parse_timestamp (const char  *text,
                              char       **date)
{
  static GRegex *iso_re, *local_re;
  g_autoptr(GMatchInfo) match = NULL;
  g_autoptr(GDateTime) when = NULL;
  g_autofree char *iso = NULL;
  g_autofree char *zone = NULL;
  int year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0;

  if (date != NULL)
    *date = NULL;

  if (text == NULL)
    return NULL;

  if (g_once_init_enter (&iso_re))
    {
      local_re = g_regex_new ("^\\s*(\\d{1,2})([/.])(\\d{1,2})[/.](\\d{4})"
                              "(?:,?\\s+(\\d{1,2}):(\\d{2})(?::(\\d{2}))?)?",
                              0, 0, NULL);
      g_once_init_leave (&iso_re,
                         g_regex_new ("^\\s*(\\d{4})-?(\\d{2})-?(\\d{2})"
                                      "(?:[T ](\\d{2}):?(\\d{2})(?::?(\\d{2}))?(?:[.,]\\d+)?"
                                      "\\s*(Z|(?:GMT|UTC)?\\s*[+-]\\d{2}(?::?\\d{2})?|GMT|UTC)?)?",
                                      0, 0, NULL));
    }

  if (g_regex_match (iso_re, text, 0, &match))
    {
      g_autofree char *y = g_match_info_fetch (match, 1);
      g_autofree char *mo = g_match_info_fetch (match, 2);
      g_autofree char *d = g_match_info_fetch (match, 3);
      g_autofree char *h = g_match_info_fetch (match, 4);
      g_autofree char *mi = g_match_info_fetch (match, 5);
      g_autofree char *s = g_match_info_fetch (match, 6);
      g_autofree char *z = g_match_info_fetch (match, 7);

      year = atoi (y);
      month = atoi (mo);
      day = atoi (d);
      hour = h ? atoi (h) : 0;
      minute = mi ? atoi (mi) : 0;
      second = s ? atoi (s) : 0;

      if (z != NULL && z[0] != '\0')
        {
          const char *sign = strpbrk (z, "+-");

          if (sign == NULL)
            zone = g_strdup ("Z");
          else
            {
              /* "+0100", "+01", "+01:00" → "+01:00" */
              g_autofree char *digits = g_strdup (sign + 1);
              char *colon = strchr (digits, ':');

              if (colon != NULL)
                memmove (colon, colon + 1, strlen (colon));
              zone = g_strdup_printf ("%c%.2s:%.2s", sign[0], digits,
                                      strlen (digits) >= 4 ? digits + 2 : "00");
            }
        }
    }
  else
    {
      g_clear_pointer (&match, g_match_info_free);
      if (!g_regex_match (local_re, text, 0, &match))
        return NULL;

      {
        g_autofree char *a = g_match_info_fetch (match, 1);
        g_autofree char *sep = g_match_info_fetch (match, 2);
        g_autofree char *b = g_match_info_fetch (match, 3);
        g_autofree char *y = g_match_info_fetch (match, 4);
        g_autofree char *h = g_match_info_fetch (match, 5);
        g_autofree char *mi = g_match_info_fetch (match, 6);
        g_autofree char *s = g_match_info_fetch (match, 7);
        int first = atoi (a), other = atoi (b);

        /* "07.09.2020" is day first; "4/27/2018" month first where it must be, and where
         * both could be, the American order of the wires */
        if (g_str_equal (sep, ".") || first > 12)
          {
            day = first;
            month = other;
          }
        else
          {
            month = first;
            day = other;
          }
        year = atoi (y);
        hour = h && h[0] ? atoi (h) : 0;
        minute = mi && mi[0] ? atoi (mi) : 0;
        second = s && s[0] ? atoi (s) : 0;
      }
    }

  if (year < 1900 || year > 2200 || month < 1 || month > 12 || day < 1 || day > 31 ||
      hour > 23 || minute > 59 || second > 60)
    return NULL;

  iso = g_strdup_printf ("%04d-%02d-%02dT%02d:%02d:%02d%s", year, month, day, hour, minute,
                         MIN (second, 59), zone ? zone : "Z");
  when = g_date_time_new_from_iso8601 (iso, NULL);
  if (when == NULL)
    return NULL;

  if (date != NULL)
    *date = g_strdup_printf ("%04d-%02d-%02d", year, month, day);

  return g_steal_pointer (&iso);
}

/**
 * _desk_reader_looks_like_date:
 * @text: what a format calls a dateline
 *
 * Returns: whether @text is only a date or time ("4/4/2018", "2014-07-17 00:24:11
 *   GMT+00:00"), with no place in it
 */
gboolean
_desk_reader_looks_like_date (const char *text)
{
  static GRegex *words_re;
  g_autofree char *rest = NULL;
  gboolean digit = FALSE;

  if (g_once_init_enter (&words_re))
    g_once_init_leave (&words_re,
                       g_regex_new ("\\b(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)"
                                    "[a-z]*\\.?|"
                                    "\\b(gmt|utc|est|edt|cet|cest|am|pm|a\\.m\\.|p\\.m\\.)\\b"
                                    "|\\d+(st|nd|rd|th)?|[T]\\d",
                                    G_REGEX_CASELESS, 0, NULL));

  for (const char *p = text; *p != '\0'; p++)
    if (g_ascii_isdigit (*p))
      digit = TRUE;
  if (!digit)
    return FALSE;

  rest = g_regex_replace_literal (words_re, text, -1, 0, "", 0, NULL);
  return rest != NULL && !has_letter (rest);
}

/* ---- The story being read ----------------------------------------------------------------- */

DeskReaderDoc *
_desk_reader_doc_new (const char *format)
{
  DeskReaderDoc *doc = g_new0 (DeskReaderDoc, 1);

  doc->format = g_intern_string (format);
  doc->text = g_string_new (NULL);
  doc->blocks = g_ptr_array_new_with_free_func (g_object_unref);
  doc->credits = g_ptr_array_new_with_free_func (g_object_unref);
  doc->bylines = g_ptr_array_new_with_free_func (g_free);
  doc->notes = g_ptr_array_new_with_free_func (g_free);
  doc->decks = g_ptr_array_new_with_free_func (g_free);

  return doc;
}

void
_desk_reader_doc_free (DeskReaderDoc *doc)
{
  if (doc == NULL)
    return;

  g_string_free (doc->text, TRUE);
  g_ptr_array_unref (doc->blocks);
  g_ptr_array_unref (doc->credits);
  g_ptr_array_unref (doc->bylines);
  g_ptr_array_unref (doc->notes);
  g_ptr_array_unref (doc->decks);
  g_free (doc->title);
  g_free (doc->title_key);
  g_free (doc->dateline);
  g_free (doc->dateline_agency);
  g_free (doc->pending_dateline);
  g_free (doc->agency);
  g_free (doc->agency_fallback);
  g_free (doc->date);
  g_free (doc->slug);
  g_free (doc->guid);
  g_free (doc->version_created);
  g_free (doc);
}

static char *
clean (DeskReaderDoc *doc,
       const char    *raw)
{
  return _desk_reader_clean_text (raw, &doc->n_repaired);
}

/* Writes @text (clean) as the next paragraph of the rendering; returns its offset */
static gsize
append_paragraph (DeskReaderDoc *doc,
                  const char    *text)
{
  if (doc->text->len > 0)
    g_string_append (doc->text, "\n\n");

  g_string_append (doc->text, text);

  return doc->text->len - strlen (text);
}

static void
append_block (DeskReaderDoc *doc,
              DeskBlockRole  role,
              const char    *text,
              const char    *reason)
{
  gsize start;

  /* Past the limit nothing more is kept: the story is refused when it is finished. */
  if (doc->blocks->len >= DESK_INGEST_MAX_PARAGRAPHS)
    {
      doc->too_many_blocks = TRUE;
      return;
    }

  start = append_paragraph (doc, text);
  g_ptr_array_add (doc->blocks, desk_block_new (role, text, start, doc->text->len, reason));
}

/* Takes @credit; a credit already known, or known with its organisation, is dropped */
static void
add_credit_object (DeskReaderDoc *doc,
                   DeskCredit    *credit)
{
  const char *name = desk_credit_get_name (credit);
  const char *org = desk_credit_get_organization (credit);

  for (guint i = 0; i < doc->credits->len; i++)
    {
      DeskCredit *known = g_ptr_array_index (doc->credits, i);

      if (desk_credit_equal (known, credit) ||
          (name != NULL && org == NULL &&
           g_strcmp0 (desk_credit_get_name (known), name) == 0 &&
           g_strcmp0 (desk_credit_get_role (known), desk_credit_get_role (credit)) == 0))
        {
          g_object_unref (credit);
          return;
        }
    }

  g_ptr_array_add (doc->credits, credit);
}

/* Takes @credits */
static void
add_credits (DeskReaderDoc *doc,
             GPtrArray     *credits,
             gboolean       authors)
{
  for (guint i = 0; i < credits->len; i++)
    {
      DeskCredit *credit = g_ptr_array_index (credits, i);
      const char *name = desk_credit_get_name (credit);
      const char *org = desk_credit_get_organization (credit);

      if (authors && name != NULL && name[0] != '\0')
        {
          gboolean known = FALSE;

          for (guint b = 0; b < doc->bylines->len; b++)
            known |= g_str_equal (g_ptr_array_index (doc->bylines, b), name);
          if (!known)
            g_ptr_array_add (doc->bylines, g_strdup (name));
        }

      if (org != NULL && org[0] != '\0' &&
          g_strcmp0 (desk_credit_get_role (credit), DESK_CREDIT_ROLE_PHOTOGRAPHER) != 0)
        _desk_reader_doc_set_agency (doc, org);

      add_credit_object (doc, g_object_ref (credit));
    }

  g_ptr_array_unref (credits);
}

void
_desk_reader_doc_add_credit (DeskReaderDoc *doc,
                             const char    *name,
                             const char    *organization,
                             const char    *role)
{
  g_autofree char *clean_name = name ? clean (doc, name) : NULL;
  g_autofree char *clean_org = organization ? clean (doc, organization) : NULL;
  const char *canonical;

  if ((clean_name == NULL || clean_name[0] == '\0') && (clean_org == NULL || clean_org[0] == '\0'))
    return;

  canonical = clean_org ? desk_organization_canonical (clean_org) : NULL;
  add_credit_object (doc, desk_credit_new (clean_name && clean_name[0] ? clean_name : NULL,
                                           canonical ? canonical : clean_org, role));
}

static gboolean
looks_like_person (const char *text)
{
  guint words = _desk_wire_text_count_words (text);

  if (words == 0 || words > 5 || strlen (text) > 60)
    return FALSE;
  if (!g_unichar_isupper (g_utf8_get_char (text)))
    return FALSE;
  for (const char *p = text; *p != '\0'; p++)
    if (g_ascii_isdigit (*p) || *p == '@' || *p == ':')
      return FALSE;
  if (desk_organization_is_known (text))
    return FALSE;

  /* "NITF Network News Online", "AP Business Writer" */
  {
    static GRegex *org_re;

    if (g_once_init_enter (&org_re))
      g_once_init_leave (&org_re, g_regex_new ("\\b(news|press|network|online|agency|writer|"
                                               "correspondent|editor|reporter|staff|times|post|"
                                               "media|service|wire|daily|herald|tribune|radio|tv|"
                                               "television|gmbh|inc|ltd)\\b",
                                               G_REGEX_CASELESS, 0, NULL));
    if (g_regex_match (org_re, text, 0, NULL))
      return FALSE;
  }

  return TRUE;
}

static const char * const byline_prefixes[] = {
  "by ", "by:", "von ", "por ", "par ", "av ", "di ", "door ",
};

static const char *
skip_byline_prefix (const char *text)
{
  for (guint i = 0; i < G_N_ELEMENTS (byline_prefixes); i++)
    if (has_prefix_ci (text, byline_prefixes[i]))
      {
        text += strlen (byline_prefixes[i]);
        while (*text == ' ' || *text == ':')
          text++;
        return text;
      }
  return NULL;
}

/* The names and organisations in a byline field; FALSE if it names nobody. */
static gboolean
read_byline_names (DeskReaderDoc *doc,
                   const char    *text)
{
  static GRegex *split_re;
  g_autofree char *line = NULL;
  g_autoptr(GPtrArray) credits = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_auto(GStrv) parts = NULL;
  g_autofree char *org = NULL;
  const char *rest = skip_byline_prefix (text);

  if (g_once_init_enter (&split_re))
    g_once_init_leave (&split_re, g_regex_new ("\\s*(?:,|/|&|;|\\|)\\s*|"
                                               "\\s+(?:and|und|og|y|et|e|och|ja)\\s+",
                                               0, 0, NULL));

  line = rest != NULL ? g_strdup (text) : g_strconcat ("By ", text, NULL);
  if ((credits = desk_credit_line_parse_byline (line)) != NULL)
    {
      gboolean people = TRUE;

      /* "By Alan Karben, NITF Network News Online" is one person and a title */
      for (guint i = 0; i < credits->len; i++)
        {
          const char *name = desk_credit_get_name (g_ptr_array_index (credits, i));

          if (name != NULL && name[0] != '\0' && !looks_like_person (name))
            people = FALSE;
        }

      if (people)
        {
          add_credits (doc, g_steal_pointer (&credits), TRUE);
          return TRUE;
        }
    }

  parts = g_regex_split (split_re, rest != NULL ? rest : text, 0);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      char *part = g_strstrip (parts[i]);
      const char *canonical;

      if (part[0] == '\0')
        continue;

      if ((canonical = desk_organization_canonical (part)) != NULL)
        {
          g_free (org);
          org = g_strdup (canonical);
        }
      else if (strchr (part, '.') != NULL && strchr (part, ' ') == NULL)
        {
          /* "Faktisk.no" */
          g_free (org);
          org = g_strdup (part);
        }
      else if (looks_like_person (part))
        g_ptr_array_add (names, g_strdup (part));
    }

  for (guint i = 0; i < names->len; i++)
    {
      const char *name = g_ptr_array_index (names, i);

      add_credit_object (doc, desk_credit_new (name, org, DESK_CREDIT_ROLE_AUTHOR));
      g_ptr_array_add (doc->bylines, g_strdup (name));
    }

  if (org != NULL)
    {
      if (names->len == 0)
        add_credit_object (doc, desk_credit_new (NULL, org, DESK_CREDIT_ROLE_AGENCY));
      _desk_reader_doc_set_agency (doc, org);
    }

  return names->len > 0 || org != NULL;
}

void
_desk_reader_doc_add_byline (DeskReaderDoc *doc,
                             const char    *text)
{
  g_autofree char *line = clean (doc, text);

  if (line[0] == '\0')
    return;

  if (_desk_roles_is_initials (line))
    {
      append_block (doc, DESK_BLOCK_ROLE_CREDIT, line, "initials in the byline");
      return;
    }

  append_block (doc, DESK_BLOCK_ROLE_BYLINE, line, "byline");
  read_byline_names (doc, line);
}

void
_desk_reader_doc_add_author (DeskReaderDoc *doc,
                             const char    *name)
{
  g_autofree char *clean_name = clean (doc, name);

  if (!looks_like_person (clean_name))
    return;

  for (guint b = 0; b < doc->bylines->len; b++)
    if (g_str_equal (g_ptr_array_index (doc->bylines, b), clean_name))
      return;

  add_credit_object (doc, desk_credit_new (clean_name, NULL, DESK_CREDIT_ROLE_AUTHOR));
  g_ptr_array_add (doc->bylines, g_steal_pointer (&clean_name));
}

void
_desk_reader_doc_add_headline (DeskReaderDoc *doc,
                               const char    *text)
{
  g_autofree char *line = clean (doc, text);
  g_autofree char *key = NULL;

  if (line[0] == '\0')
    return;

  key = _desk_wire_text_fold_key (line);
  if (doc->title != NULL)
    {
      if (!g_str_equal (key, doc->title_key))
        _desk_reader_doc_add_deck (doc, line);
      return;
    }

  doc->title = g_strdup (line);
  doc->title_key = g_steal_pointer (&key);
  append_block (doc, DESK_BLOCK_ROLE_HEADLINE, line, "headline");
}

void
_desk_reader_doc_add_deck (DeskReaderDoc *doc,
                           const char    *text)
{
  g_autofree char *line = clean (doc, text);
  g_autofree char *key = _desk_wire_text_fold_key (line);

  if (key[0] == '\0' || g_strcmp0 (key, doc->title_key) == 0)
    return;
  for (guint i = 0; i < doc->decks->len; i++)
    if (g_str_equal (key, g_ptr_array_index (doc->decks, i)))
      return;

  g_ptr_array_add (doc->decks, g_steal_pointer (&key));
  append_block (doc, DESK_BLOCK_ROLE_DECK, line, "deck");
}

void
_desk_reader_doc_add_note (DeskReaderDoc *doc,
                           const char    *text)
{
  g_autofree char *line = clean (doc, text);
  g_autofree char *key = _desk_wire_text_fold_key (line);

  if (key[0] == '\0')
    return;

  /* Agencies repeat notes: dpa's notepad holds the notes sent again one by one. */
  for (guint i = 0; i < doc->notes->len; i++)
    if (strstr (g_ptr_array_index (doc->notes, i), key) != NULL)
      return;

  g_ptr_array_add (doc->notes, g_steal_pointer (&key));
  append_block (doc, DESK_BLOCK_ROLE_FURNITURE, line, "editors' note");
}

void
_desk_reader_doc_add_credit_line (DeskReaderDoc *doc,
                                  const char    *text)
{
  g_autofree char *line = clean (doc, text);
  g_autofree char *tag = NULL;
  GPtrArray *credits;
  const char *canonical;

  if (line[0] == '\0')
    return;

  append_block (doc, DESK_BLOCK_ROLE_CREDIT, line, "credit line");

  if ((credits = desk_credit_line_parse_contributors (line)) != NULL)
    add_credits (doc, credits, FALSE);
  else if ((canonical = desk_organization_canonical (line)) != NULL)
    _desk_reader_doc_add_credit (doc, NULL, canonical, DESK_CREDIT_ROLE_AGENCY);
  else if ((tag = desk_credit_line_parse_agency_tag (line)) != NULL)
    _desk_reader_doc_add_credit (doc, NULL, tag, DESK_CREDIT_ROLE_AGENCY);
  else if (_desk_wire_text_count_words (line) <= 4)
    _desk_reader_doc_add_credit (doc, NULL, line, DESK_CREDIT_ROLE_AGENCY);

  if (_desk_wire_text_count_words (line) <= 4)
    _desk_reader_doc_set_agency (doc, line);
}

static void
add_caption (DeskReaderDoc *doc,
             const char    *text,
             const char    *photographer,
             const char    *reason)
{
  g_autofree char *line = clean (doc, text);
  DeskCredit *credit;
  gsize credit_start = 0;

  if (line[0] == '\0')
    return;

  append_block (doc, DESK_BLOCK_ROLE_CAPTION, line, reason);

  if ((credit = desk_credit_line_parse_photo_credit (line, &credit_start)) != NULL)
    add_credit_object (doc, credit);
  if (photographer != NULL)
    _desk_reader_doc_add_credit (doc, photographer, NULL, DESK_CREDIT_ROLE_PHOTOGRAPHER);
}

void
_desk_reader_doc_add_caption (DeskReaderDoc *doc,
                              const char    *text,
                              const char    *photographer)
{
  add_caption (doc, text, photographer, "caption");
}

/* A body paragraph's role: the rulebook's (desk-roles.c), or else story text unless
 * desk_prose_not_story() says otherwise. */
static DeskBlockRole
classify_body (DeskReaderDoc  *doc,
               const char     *text,
               const char    **reason,
               GPtrArray     **credits)
{
  DeskRolesPlace place = DESK_ROLES_IN_STORY;
  DeskRoleVerdict verdict;
  DeskBlockRole role;

  *credits = NULL;

  if (doc->n_body > 0)
    place |= DESK_ROLES_AFTER_TEXT;
  if (doc->after_separator)
    place |= DESK_ROLES_AFTER_SEPARATOR;

  if (_desk_roles_judge (text, _desk_wire_text_count_words (text), place, &verdict))
    {
      if (g_str_equal (verdict.reason, "separator"))
        doc->after_separator = TRUE;
      if (verdict.date != NULL && doc->date == NULL)
        doc->date = g_steal_pointer (&verdict.date);
      *credits = g_steal_pointer (&verdict.credits);
      *reason = verdict.reason;
      role = verdict.role;
      _desk_role_verdict_clear (&verdict);
      return role;
    }

  if (desk_prose_not_story (text, &role, reason))
    return role;

  *reason = "paragraph";
  return DESK_BLOCK_ROLE_BODY;
}

/* A teaser over a story's dateline is a paragraph or two. */
#define TEASER_MAX_PARAGRAPHS 2

static void
write_pending_dateline (DeskReaderDoc *doc)
{
  if (doc->pending_dateline == NULL || doc->dateline_done)
    return;

  append_block (doc, DESK_BLOCK_ROLE_DATELINE, doc->pending_dateline, "dateline");
  doc->dateline_done = TRUE;
  g_clear_pointer (&doc->pending_dateline, g_free);
}

/* The body paragraphs read so far, set above the one that opens on the dateline, were the
 * teaser the agency puts over its story (dpa's, in NewsML-G2 and IPTC 7901 alike): decks,
 * as plain text reads them (desk-classify.c: the story starts at its first dateline). */
static void
make_teaser (DeskReaderDoc *doc)
{
  for (guint i = 0; i < doc->blocks->len; i++)
    {
      DeskBlock *block = g_ptr_array_index (doc->blocks, i);

      if (desk_block_get_guessed_role (block) != DESK_BLOCK_ROLE_BODY)
        continue;

      g_ptr_array_index (doc->blocks, i) =
        desk_block_new (DESK_BLOCK_ROLE_DECK, desk_block_get_text (block),
                        desk_block_get_start (block), desk_block_get_end (block),
                        "teaser above the dateline");
      g_object_unref (block);
    }

  doc->n_body = 0;
}

static void
add_body (DeskReaderDoc *doc,
          const char    *text,
          const char    *reason)
{
  g_autofree char *place = NULL;
  g_autofree char *agency = NULL;
  gsize length = 0;
  gboolean first = doc->n_body == 0 && !doc->dateline_done;
  gboolean under_teaser = doc->n_body > 0 && doc->n_body <= TEASER_MAX_PARAGRAPHS &&
                          !doc->dateline_split;

  if ((first || under_teaser) &&
      _desk_wire_text_split_dateline (text, FALSE, &length, &place, &agency) &&
      (first || doc->dateline == NULL ||
       g_ascii_strncasecmp (doc->dateline, place, strlen (place)) == 0))
    {
      gsize start;
      const char *rest = text + length;

      if (under_teaser)
        make_teaser (doc);
      start = append_paragraph (doc, text);
      doc->dateline_split = TRUE;

      g_ptr_array_add (doc->blocks, desk_block_new (DESK_BLOCK_ROLE_DATELINE, place,
                                                    start, start + length, "dateline"));
      g_ptr_array_add (doc->blocks, desk_block_new (DESK_BLOCK_ROLE_BODY, rest,
                                                    start + length, doc->text->len,
                                                    reason));
      g_free (doc->dateline);
      doc->dateline = g_steal_pointer (&place);
      if (agency != NULL && doc->dateline_agency == NULL)
        doc->dateline_agency = g_steal_pointer (&agency);
      doc->dateline_done = TRUE;
      g_clear_pointer (&doc->pending_dateline, g_free);
    }
  else
    {
      /* The dateline the format printed, in a form the patterns do not read ("Moskau/Berlin
       * (dpa) - "), opens a paragraph after the first: the story starts there all the same,
       * and its text keeps the dateline as it was printed. */
      if (under_teaser && doc->dateline_printed && doc->dateline != NULL &&
          g_ascii_strncasecmp (text, doc->dateline, strlen (doc->dateline)) == 0)
        {
          make_teaser (doc);
          doc->dateline_split = TRUE;
        }
      write_pending_dateline (doc);
      append_block (doc, DESK_BLOCK_ROLE_BODY, text, reason);
    }

  doc->n_body++;
}

/**
 * _desk_reader_doc_add_paragraph:
 * @text: a paragraph as the markup has it
 * @hint: what the markup says it is: %DESK_BLOCK_ROLE_BODY for a paragraph of the body,
 *   which the rulebook (desk-roles.c) looks at again (separators, sign-offs, contributor lines…)
 * @reason: (nullable): why, for roles other than body
 */
void
_desk_reader_doc_add_paragraph (DeskReaderDoc *doc,
                                const char    *text,
                                DeskBlockRole  hint,
                                const char    *reason)
{
  g_autofree char *line = clean (doc, text);
  g_autofree char *key = NULL;
  GPtrArray *credits = NULL;
  DeskBlockRole role;

  if (line[0] == '\0')
    return;

  switch (hint)
    {
    case DESK_BLOCK_ROLE_HEADLINE:
      key = _desk_wire_text_fold_key (line);
      if (doc->title == NULL)
        _desk_reader_doc_add_headline (doc, line);
      else if (g_str_equal (key, doc->title_key))
        append_block (doc, DESK_BLOCK_ROLE_FURNITURE, line, "repeated headline");
      else
        append_block (doc, DESK_BLOCK_ROLE_FURNITURE, line, "heading");
      return;

    case DESK_BLOCK_ROLE_DECK:
      _desk_reader_doc_add_deck (doc, line);
      return;

    case DESK_BLOCK_ROLE_BYLINE:
      if (_desk_wire_text_count_words (line) > BYLINE_MAX_WORDS * 2)
        append_block (doc, DESK_BLOCK_ROLE_FURNITURE, line, "about the author");
      else
        _desk_reader_doc_add_byline (doc, line);
      return;

    case DESK_BLOCK_ROLE_CAPTION:
      /* NITF's media-producer names the photographer */
      _desk_reader_doc_add_caption (doc, line,
                                    g_strcmp0 (reason, "photo credit") == 0 ? line : NULL);
      return;

    case DESK_BLOCK_ROLE_CREDIT:
      _desk_reader_doc_add_credit_line (doc, line);
      return;

    case DESK_BLOCK_ROLE_DATELINE:
      _desk_reader_doc_set_dateline (doc, line, TRUE);
      write_pending_dateline (doc);
      return;

    case DESK_BLOCK_ROLE_FURNITURE:
      /* "By The Associated Press" heading a table of agate */
      if ((g_strcmp0 (reason, "table heading") == 0 || g_strcmp0 (reason, "subheading") == 0) &&
          skip_byline_prefix (line) != NULL && _desk_wire_text_count_words (line) <= BYLINE_MAX_WORDS &&
          (credits = desk_credit_line_parse_byline (line)) != NULL)
        {
          append_block (doc, DESK_BLOCK_ROLE_BYLINE, line, "byline");
          add_credits (doc, g_steal_pointer (&credits), TRUE);
          return;
        }
      key = _desk_wire_text_fold_key (line);
      if (g_strcmp0 (key, doc->title_key) == 0)
        reason = "repeated headline";
      append_block (doc, DESK_BLOCK_ROLE_FURNITURE, line, reason ? reason : "furniture");
      return;

    case DESK_BLOCK_ROLE_BODY:
    default:
      break;
    }

  role = classify_body (doc, line, &reason, &credits);

  switch (role)
    {
    case DESK_BLOCK_ROLE_BODY:
      add_body (doc, line, reason);
      break;

    case DESK_BLOCK_ROLE_BYLINE:
      append_block (doc, role, line, reason);
      if (credits != NULL)
        add_credits (doc, g_steal_pointer (&credits), TRUE);
      break;

    case DESK_BLOCK_ROLE_CAPTION:
      /* The rulebook's reason: a caption by its marker, or by its photo credit. */
      add_caption (doc, line, NULL, reason);
      break;

    default:
      append_block (doc, role, line, reason);
      if (credits != NULL)
        add_credits (doc, g_steal_pointer (&credits), FALSE);
      break;
    }

  g_clear_pointer (&credits, g_ptr_array_unref);
}

static gboolean
is_indented (const char *line)
{
  return line[0] == '\t' || (line[0] == ' ' && line[1] == ' ');
}

/**
 * _desk_reader_doc_add_text_body:
 * @text: a body as plain text (wire copy in a text/plain rendition, ninjs body_text)
 *
 * Wire copy starts each paragraph on an indented line; other text is cut into paragraphs
 * as plain-text ingest cuts it (blank lines, one per line, or hard-wrapped).
 */
void
_desk_reader_doc_add_text_body (DeskReaderDoc *doc,
                                const char    *text)
{
  g_autofree char *normalized = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(GString) paragraph = g_string_new (NULL);
  guint indented = 0;

  if (text == NULL)
    return;

  normalized = desk_decode_normalize_space (text);
  lines = g_strsplit (normalized, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    if (is_indented (lines[i]) && strspn (lines[i], " \t") < strlen (lines[i]))
      indented++;

  if (indented < 2)
    {
      g_autoptr(GPtrArray) segments = _desk_segment_text (normalized,
                                                          DESK_INGEST_MAX_PARAGRAPHS);

      for (guint i = 0; i < segments->len; i++)
        {
          DeskSegment *segment = g_ptr_array_index (segments, i);

          _desk_reader_doc_add_paragraph (doc, segment->text, DESK_BLOCK_ROLE_BODY, NULL);
        }
      return;
    }

  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *line = lines[i];
      gboolean blank = strspn (line, " \t") == strlen (line);

      if (blank || is_indented (line))
        {
          if (paragraph->len > 0)
            _desk_reader_doc_add_paragraph (doc, paragraph->str, DESK_BLOCK_ROLE_BODY, NULL);
          g_string_truncate (paragraph, 0);
        }
      if (!blank)
        {
          g_string_append (paragraph, line);
          g_string_append_c (paragraph, ' ');
        }
    }

  if (paragraph->len > 0)
    _desk_reader_doc_add_paragraph (doc, paragraph->str, DESK_BLOCK_ROLE_BODY, NULL);
}

/**
 * _desk_reader_doc_add_end_matter:
 * @text: a line after the story: a notebook's contact line, a sign-off, a stamp
 *
 * Contributor lines ("Reporting by: A") become credits, desk initials a sign-off; the
 * rest is furniture.
 */
void
_desk_reader_doc_add_end_matter (DeskReaderDoc *doc,
                                 const char    *text)
{
  static GRegex *colon_re;
  g_autofree char *line = clean (doc, text);
  g_autofree char *unlisted = NULL;
  GPtrArray *credits;

  if (line[0] == '\0')
    return;

  if (g_once_init_enter (&colon_re))
    g_once_init_leave (&colon_re, g_regex_new ("^[-*\xe2\x80\xa2]\\s+|(?<=\\bby):",
                                               G_REGEX_CASELESS, 0, NULL));

  /* "- Reporting by: Wolfgang Schmidt" reads as "Reporting by Wolfgang Schmidt" */
  unlisted = g_regex_replace_literal (colon_re, line, -1, 0, "", 0, NULL);
  g_strstrip (unlisted);

  if ((credits = desk_credit_line_parse_contributors (unlisted)) != NULL)
    {
      append_block (doc, DESK_BLOCK_ROLE_CREDIT, line, "contributor line");
      add_credits (doc, credits, FALSE);
    }
  else if (_desk_roles_is_initials (line))
    {
      g_auto(GStrv) tokens = g_strsplit (line, " ", 2);
      const char *canonical = tokens[0] ? desk_organization_canonical (tokens[0]) : NULL;

      append_block (doc, DESK_BLOCK_ROLE_CREDIT, line, "sign-off");
      if (canonical != NULL)
        _desk_reader_doc_add_credit (doc, NULL, canonical, DESK_CREDIT_ROLE_AGENCY);
    }
  else if (_desk_roles_is_separator (line))
    append_block (doc, DESK_BLOCK_ROLE_FURNITURE, line, "separator");
  else
    append_block (doc, DESK_BLOCK_ROLE_FURNITURE, line, "end matter");
}

void
_desk_reader_doc_add (DeskReaderDoc *doc,
                      DeskBlockRole  role,
                      const char    *text,
                      const char    *reason)
{
  g_autofree char *line = clean (doc, text);

  if (line[0] != '\0')
    append_block (doc, role, line, reason);
}

/**
 * _desk_reader_doc_set_dateline:
 * @dateline: what the format calls the dateline ("FORT WASHINGTON, Pa.", "London (dpa) - ",
 *   "STOCKHOLM, Aug 29, 2014 (AFP) -"), or where the story happened ("Berlin"); a date
 *   alone ("4/4/2018") is taken as the story's date
 * @printed: whether the dateline is part of the story's text (NITF's, NewsML-G2's dateline)
 *   rather than metadata (located): a printed dateline becomes a block before the body
 *   when the body does not start with one
 */
void
_desk_reader_doc_set_dateline (DeskReaderDoc *doc,
                               const char    *dateline,
                               gboolean       printed)
{
  g_autofree char *line = clean (doc, dateline);
  g_autofree char *place = NULL;
  g_autofree char *agency = NULL;
  gsize length = 0;

  if (line[0] == '\0')
    return;

  if (_desk_reader_looks_like_date (line))
    {
      _desk_reader_doc_set_date (doc, line);
      return;
    }

  if (!_desk_wire_text_split_dateline (line, TRUE, &length, &place, &agency))
    {
      gsize n = strlen (line);

      while (n > 0 && strchr (" -_:,\xe2\x80\x94\xe2\x80\x93", line[n - 1]) != NULL)
        {
          /* the dashes are three bytes long; strip them whole */
          if ((guchar)line[n - 1] >= 0x80 && n >= 3)
            n -= 3;
          else
            n--;
        }
      place = g_strndup (line, n);
    }

  if (place[0] == '\0')
    return;

  if (agency != NULL && doc->dateline_agency == NULL)
    doc->dateline_agency = g_strdup (agency);

  /* A printed dateline says more than where the metadata puts the story */
  if (doc->dateline == NULL || (printed && !doc->dateline_printed && !doc->dateline_done))
    {
      g_free (doc->dateline);
      doc->dateline = g_strdup (place);
      doc->dateline_printed = printed;
    }

  if (printed && !doc->dateline_done && doc->pending_dateline == NULL)
    doc->pending_dateline = g_steal_pointer (&place);
}

/**
 * _desk_reader_doc_set_agency:
 * @organization: an organisation the file names as the story's source ("Reuters",
 *   "reuters.com", "Deutsche Presse-Agentur GmbH")
 *
 * The first known organisation wins; an unknown one is kept in case no other comes.
 */
void
_desk_reader_doc_set_agency (DeskReaderDoc *doc,
                             const char    *organization)
{
  g_autofree char *name = NULL;
  g_autofree char *domain = NULL;
  const char *canonical;

  if (organization == NULL)
    return;

  name = clean (doc, organization);
  /* "STT–", "dpa -" */
  while (name[0] != '\0' && strchr ("-_:,", name[strlen (name) - 1]) != NULL)
    name[strlen (name) - 1] = '\0';
  if (g_str_has_suffix (name, "\xe2\x80\x93") || g_str_has_suffix (name, "\xe2\x80\x94"))
    name[strlen (name) - 3] = '\0';
  g_strstrip (name);
  if (name[0] == '\0')
    return;

  canonical = desk_organization_canonical (name);

  /* "reuters.com", "ansa.it" */
  if (canonical == NULL && strchr (name, '.') != NULL && strchr (name, ' ') == NULL)
    {
      domain = g_strndup (name, strchr (name, '.') - name);
      canonical = desk_organization_canonical (domain);
    }

  /* "Deutsche Presse-Agentur GmbH" */
  if (canonical == NULL && (g_str_has_suffix (name, " GmbH") || g_str_has_suffix (name, " Ltd") ||
                            g_str_has_suffix (name, " Inc") || g_str_has_suffix (name, " LLP")))
    {
      g_autofree char *shorter = g_strndup (name, strrchr (name, ' ') - name);

      canonical = desk_organization_canonical (shorter);
    }

  if (canonical != NULL)
    {
      if (doc->agency == NULL)
        doc->agency = g_strdup (canonical);
    }
  else if (doc->agency_fallback == NULL && _desk_wire_text_count_words (name) <= 6)
    doc->agency_fallback = g_steal_pointer (&name);
}

void
_desk_reader_doc_set_date (DeskReaderDoc *doc,
                           const char    *timestamp)
{
  g_autofree char *date = NULL;
  g_autofree char *iso = NULL;

  if (doc->date != NULL || timestamp == NULL)
    return;

  iso = _desk_reader_parse_timestamp (timestamp, &date);
  doc->date = g_steal_pointer (&date);
}

void
_desk_reader_doc_set_version_created (DeskReaderDoc *doc,
                                      const char    *timestamp)
{
  g_autofree char *date = NULL;
  char *iso;

  if (doc->version_created != NULL || timestamp == NULL)
    return;

  if ((iso = _desk_reader_parse_timestamp (timestamp, &date)) != NULL)
    doc->version_created = iso;
  if (doc->date == NULL)
    doc->date = g_steal_pointer (&date);
}

void
_desk_reader_doc_set_slug (DeskReaderDoc *doc,
                           const char    *slug)
{
  g_autofree char *line = NULL;

  if (doc->slug != NULL || slug == NULL)
    return;

  line = clean (doc, slug);
  if (line[0] != '\0')
    doc->slug = g_steal_pointer (&line);
}

void
_desk_reader_doc_set_guid (DeskReaderDoc *doc,
                           const char    *guid)
{
  g_autofree char *line = NULL;

  if (doc->guid != NULL || guid == NULL)
    return;

  line = clean (doc, guid);
  if (line[0] != '\0')
    doc->guid = g_steal_pointer (&line);
}

void
_desk_reader_doc_set_version (DeskReaderDoc *doc,
                              int            version)
{
  if (version > 0)
    doc->version = version;
}

void
_desk_reader_doc_set_signal (DeskReaderDoc *doc,
                             const char    *signal)
{
  if (signal == NULL)
    return;

  /* A correction says more than an update */
  if (doc->signal == NULL || g_str_equal (signal, "correction"))
    doc->signal = g_intern_string (signal);
}

void
_desk_reader_doc_set_encoding (DeskReaderDoc *doc,
                               const char    *encoding,
                               guint          n_repaired,
                               guint          n_invalid)
{
  g_autofree char *upper = encoding ? g_ascii_strup (encoding, -1) : NULL;

  doc->encoding = upper ? g_intern_string (upper) : NULL;
  doc->n_repaired += n_repaired;
  doc->n_invalid += n_invalid;
}

const char *
_desk_reader_doc_get_title (DeskReaderDoc *doc)
{
  return doc->title;
}

const char *
_desk_reader_doc_get_slug (DeskReaderDoc *doc)
{
  return doc->slug;
}

int
_desk_reader_doc_get_version (DeskReaderDoc *doc)
{
  return doc->version;
}

guint
_desk_reader_doc_get_n_blocks (DeskReaderDoc *doc)
{
  return doc->blocks->len;
}

guint
_desk_reader_doc_get_n_body (DeskReaderDoc *doc)
{
  return doc->n_body;
}

/* How many blocks written so far have @role. */
guint
_desk_reader_doc_count_role (DeskReaderDoc *doc,
                             DeskBlockRole  role)
{
  guint n = 0;

  for (guint i = 0; i < doc->blocks->len; i++)
    if (desk_block_get_role (g_ptr_array_index (doc->blocks, i)) == role)
      n++;

  return n;
}

guint
_desk_reader_doc_get_n_authors (DeskReaderDoc *doc)
{
  return doc->bylines->len;
}

/**
 * _desk_reader_doc_finish:
 * @bytes: what the story was read from
 * @item: which story of the file this is, from 0
 *
 * Returns: (transfer full): the story's parts, or %NULL with @error set when the story has
 *   no text at all
 */
DeskIngestPart *
_desk_reader_doc_finish (DeskReaderDoc     *doc,
                         GBytes            *bytes,
                         guint              item,
                         GError           **error)
{
  DeskClassified *classified;
  DeskIngestPart *part;

  if (doc->too_many_blocks)
    {
      g_set_error (error, DESK_ERROR, DESK_ERROR_TOO_LARGE,
                   _("it has more than the %u paragraphs Copydesk reads in one story"),
                   DESK_INGEST_MAX_PARAGRAPHS);
      return NULL;
    }

  if (doc->blocks->len == 0)
    {
      if (g_str_equal (doc->format, DESK_FORMAT_HTML))
        g_set_error_literal (error, DESK_ERROR, DESK_ERROR_EMPTY, _("the web page has no text"));
      else
        g_set_error (error, DESK_ERROR, DESK_ERROR_EMPTY,
                     _("the %s item has no headline and no text"),
                     desk_format_get_display_name (doc->format));
      return NULL;
    }

  /* A dateline printed in the head of a story with no body */
  write_pending_dateline (doc);

  classified = g_new0 (DeskClassified, 1);
  classified->title = g_strdup (doc->title);
  classified->dateline = g_strdup (doc->dateline);
  classified->date = g_strdup (doc->date);
  classified->agency = g_strdup (doc->agency ? doc->agency
                                 : doc->dateline_agency ? doc->dateline_agency
                                 : doc->agency_fallback);
  classified->bylines = g_ptr_array_ref (doc->bylines);
  classified->credits = g_ptr_array_ref (doc->credits);
  classified->blocks = g_ptr_array_ref (doc->blocks);

  part = _desk_ingest_part_new (bytes, doc->format);
  part->text = g_strdup (doc->text->str);
  part->classified = classified;
  part->encoding = doc->encoding;
  part->n_repaired = doc->n_repaired;
  part->n_invalid = doc->n_invalid;
  part->slug = g_strdup (doc->slug);
  part->guid = g_strdup (doc->guid);
  part->version = doc->version;
  part->version_created = g_strdup (doc->version_created);
  part->signal = doc->signal;
  part->item = item;
  part->has_bytes_hash = doc->has_bytes_hash;
  part->bytes_hash = doc->bytes_hash;

  return part;
}

/* ---- Markup ------------------------------------------------------------------------------- */

static void
init_libxml (void)
{
  static gsize initialized;

  if (g_once_init_enter (&initialized))
    {
      xmlInitParser ();
      g_once_init_leave (&initialized, 1);
    }
}

/**
 * _desk_reader_parse_xml:
 * @bytes: an XML file
 * @format: the DESK_FORMAT_* name, for messages
 *
 * Parses without touching the network, without loading a DTD, and without expanding
 * entities; a file that declares entities which expand without end is refused.
 *
 * Returns: (transfer full): the document, or %NULL with @error set: "not valid NITF: …"
 */
xmlDoc *
_desk_reader_parse_xml (GBytes      *bytes,
                        const char  *format,
                        GError     **error)
{
  xmlParserCtxt *ctxt;
  xmlDoc *doc;
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);

  init_libxml ();

  if (size > G_MAXINT)
    {
      g_set_error (error, DESK_ERROR, DESK_ERROR_TOO_LARGE,
                   _("the %s file is too large"), desk_format_get_display_name (format));
      return NULL;
    }

  ctxt = xmlNewParserCtxt ();
  if (ctxt == NULL)
    {
      g_set_error_literal (error, DESK_ERROR, DESK_ERROR_MALFORMED, _("out of memory"));
      return NULL;
    }

  doc = xmlCtxtReadMemory (ctxt, data, (int)size, NULL, NULL,
                           XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING |
                           XML_PARSE_NOCDATA);

  if (doc == NULL || xmlDocGetRootElement (doc) == NULL)
    {
      g_autofree char *message = g_strdup (ctxt->lastError.message ? ctxt->lastError.message
                                                                   : _("no root element"));

      g_strstrip (message);
      if (ctxt->lastError.line > 0)
        g_set_error (error, DESK_ERROR, DESK_ERROR_MALFORMED,
                     _("not valid %s: %s (line %d)"),
                     desk_format_get_display_name (format), message, ctxt->lastError.line);
      else
        g_set_error (error, DESK_ERROR, DESK_ERROR_MALFORMED, _("not valid %s: %s"),
                     desk_format_get_display_name (format), message);
      g_clear_pointer (&doc, xmlFreeDoc);
    }

  xmlFreeParserCtxt (ctxt);

  return doc;
}

/* Deeper than this, inline formatting is taken out of the tree, its content kept: old CMS
 * output leaves <font> tags unclosed by the hundred, each nesting the rest of the page one
 * level deeper, which the walkers (bounded by MAX_DEPTH) would cut off. */
#define INLINE_FLATTEN_DEPTH 24
/* Deeper than this, an element's block children (and what follows them) are moved out to
 * follow it, so that blocks stay blocks but nest no deeper. */
#define ANY_FLATTEN_DEPTH 48

static gboolean
is_inline_formatting (const xmlNode *node)
{
  static const char * const names[] = {
    "abbr", "acronym", "b", "basefont", "big", "bdi", "bdo", "center", "cite", "code", "dfn",
    "em", "font", "i", "ins", "kbd", "mark", "nobr", "q", "s", "samp", "small", "span",
    "strike", "strong", "sub", "sup", "tt", "u", "var",
  };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (g_ascii_strcasecmp ((const char *)node->name, names[i]) == 0)
      return TRUE;

  return FALSE;
}

/* Replaces @node by its children in its parent's list; returns the node to visit next at
 * the same depth (the first child, or the node that followed). */
static xmlNode *
unwrap_node (xmlNode *node)
{
  xmlNode *parent = node->parent;
  xmlNode *first = node->children;
  xmlNode *last = node->last;
  xmlNode *next = node->next;

  if (first == NULL)
    {
      xmlUnlinkNode (node);
      xmlFreeNode (node);
      return next;
    }

  for (xmlNode *child = first; child != NULL; child = child->next)
    child->parent = parent;

  first->prev = node->prev;
  if (node->prev != NULL)
    node->prev->next = first;
  else
    parent->children = first;

  last->next = next;
  if (next != NULL)
    next->prev = last;
  else
    parent->last = last;

  node->children = node->last = NULL;
  node->next = node->prev = NULL;
  node->parent = NULL;
  xmlFreeNode (node);

  return first;
}

/* The node after @node's subtree in document order, below @root, or NULL; @depth follows. */
static xmlNode *
following (xmlNode *node,
           xmlNode *root,
           guint   *depth)
{
  while (node != root && node->next == NULL)
    {
      node = node->parent;
      (*depth)--;
    }

  return node == root ? NULL : node->next;
}

static gboolean
is_inline (const xmlNode *node)
{
  return node->type != XML_ELEMENT_NODE || is_inline_formatting (node) ||
         g_ascii_strcasecmp ((const char *)node->name, "a") == 0 ||
         g_ascii_strcasecmp ((const char *)node->name, "br") == 0 ||
         g_ascii_strcasecmp ((const char *)node->name, "img") == 0 ||
         g_ascii_strcasecmp ((const char *)node->name, "wbr") == 0;
}

/* Moves the children of @node from its first block child on to just after @node, so that
 * a block nested in another (unclosed <div><p><div><p>…) becomes its sibling, in the same
 * order. */
static void
split_off_blocks (xmlNode *node)
{
  xmlNode *first = node->children;

  while (first != NULL && is_inline (first))
    first = first->next;
  if (first == NULL)
    return;

  for (xmlNode *child = first; child != NULL; child = child->next)
    child->parent = node->parent;

  /* Cut the children's list before @first… */
  node->last->next = node->next;
  if (node->next != NULL)
    node->next->prev = node->last;
  else
    node->parent->last = node->last;
  node->last = first->prev;
  if (first->prev != NULL)
    first->prev->next = NULL;
  else
    node->children = NULL;

  /* …and hang the rest after @node. */
  first->prev = node;
  node->next = first;
}

/* Bounds the depth of an HTML tree without losing text (see INLINE_FLATTEN_DEPTH), walking
 * it without recursion. */
static void
flatten_deep_markup (xmlDoc *doc)
{
  xmlNode *root = xmlDocGetRootElement (doc);
  xmlNode *node = root;
  guint depth = 0;

  while (node != NULL)
    {
      /* Elements without content (<br>, <img>) stay: they take no depth. */
      if (node != root && node->type == XML_ELEMENT_NODE && node->children != NULL &&
          depth > INLINE_FLATTEN_DEPTH && is_inline_formatting (node))
        {
          xmlNode *parent = node->parent;
          xmlNode *next = unwrap_node (node);

          if (next == NULL)
            {
              depth--;
              next = following (parent, root, &depth);
            }
          node = next;
        }
      else if (node->type == XML_ELEMENT_NODE && node->children != NULL)
        {
          if (node != root && depth > ANY_FLATTEN_DEPTH)
            split_off_blocks (node);
          if (node->children != NULL)
            {
              node = node->children;
              depth++;
            }
          else
            node = following (node, root, &depth);
        }
      else
        node = following (node, root, &depth);
    }
}

/* Windows-1252's characters where ISO 8859-1 has C1 controls, 0x80 to 0x9F; 0 where it has
 * none. */
static const gunichar windows_1252_c1[32] = {
  0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
  0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017D, 0,
  0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
  0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178,
};

/* Rewrites numeric character references to 128–159 ("&#128;", "&#x92;") as the characters
 * Windows-1252 has there, as browsers do (HTML's parsing rules say so): pages write "€" and
 * "’" that way, and libxml2 would make C1 controls of them. Returns NULL when there is none. */
static GString *
map_windows_1252_references (const char *data,
                             gsize       length)
{
  GString *out = NULL;
  gsize copied = 0;

  for (const char *p = memchr (data, '&', length); p != NULL;
       p = memchr (p + 1, '&', length - (p + 1 - data)))
    {
      const char *q = p + 1;
      const char *end = data + length;
      gboolean hex = FALSE;
      guint value = 0;
      guint n_digits = 0;

      if (q >= end || *q != '#')
        continue;
      q++;
      if (q < end && (*q == 'x' || *q == 'X'))
        {
          hex = TRUE;
          q++;
        }
      while (q < end && n_digits < 8 && (hex ? g_ascii_isxdigit (*q) : g_ascii_isdigit (*q)))
        {
          value = value * (hex ? 16 : 10) + (hex ? g_ascii_xdigit_value (*q) : *q - '0');
          q++;
          n_digits++;
        }
      if (n_digits == 0 || n_digits == 8 || value < 0x80 || value > 0x9F ||
          windows_1252_c1[value - 0x80] == 0)
        continue;
      if (q < end && *q == ';')
        q++;

      if (out == NULL)
        out = g_string_sized_new (length + 64);
      g_string_append_len (out, data + copied, p - (data + copied));
      g_string_append_printf (out, "&#%u;", windows_1252_c1[value - 0x80]);
      copied = q - data;
    }

  if (out != NULL)
    g_string_append_len (out, data + copied, length - copied);

  return out;
}

/**
 * _desk_reader_parse_html:
 * @encoding: (nullable): what the bytes are in; %NULL to let the page say
 *
 * Parses HTML as browsers do, tolerating anything, fetching nothing: references to
 * 128–159 are Windows-1252's characters, and markup nested however deep keeps its text
 * (flatten_deep_markup()).
 *
 * Returns: (transfer full) (nullable): the document
 */
xmlDoc *
_desk_reader_parse_html (const char *data,
                         gsize       length,
                         const char *encoding)
{
  g_autoptr(GString) mapped = NULL;
  htmlParserCtxt *ctxt;
  xmlDoc *doc;

  init_libxml ();

  if (length == 0 || length > G_MAXINT)
    return NULL;

  if (!(ctxt = htmlNewParserCtxt ()))
    return NULL;

  mapped = map_windows_1252_references (data, length);
  if (mapped != NULL && mapped->len <= G_MAXINT)
    {
      data = mapped->str;
      length = mapped->len;
    }

  /* An encoding we were told overrides what the page says of itself. Without
   * XML_PARSE_HUGE libxml2 drops what is nested deeper than 256 levels; the input is
   * bounded by the size limit, and the tree is made shallow again at once. */
  doc = htmlCtxtReadMemory (ctxt, data, (int)length, NULL, encoding,
                            HTML_PARSE_NONET | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
                            HTML_PARSE_RECOVER | XML_PARSE_HUGE |
                            (encoding ? HTML_PARSE_IGNORE_ENC : 0));
  htmlFreeParserCtxt (ctxt);

  if (doc != NULL && xmlDocGetRootElement (doc) != NULL)
    flatten_deep_markup (doc);

  return doc;
}

gboolean
_desk_xml_is (const xmlNode *node,
              const char    *name)
{
  return node != NULL && node->type == XML_ELEMENT_NODE && node->name != NULL &&
         g_ascii_strcasecmp ((const char *)node->name, name) == 0;
}

xmlNode *
_desk_xml_child (const xmlNode *node,
                 const char    *name)
{
  if (node == NULL)
    return NULL;

  for (xmlNode *child = node->children; child != NULL; child = child->next)
    if (_desk_xml_is (child, name))
      return child;

  return NULL;
}

xmlNode *
_desk_xml_next (const xmlNode *node,
                const char    *name)
{
  if (node == NULL)
    return NULL;

  for (xmlNode *next = node->next; next != NULL; next = next->next)
    if (_desk_xml_is (next, name))
      return next;

  return NULL;
}

static xmlNode *
find_at_depth (const xmlNode *node,
               const char    *name,
               guint          depth)
{
  if (node == NULL || depth > MAX_DEPTH)
    return NULL;

  for (xmlNode *child = node->children; child != NULL; child = child->next)
    {
      xmlNode *found;

      if (child->type != XML_ELEMENT_NODE)
        continue;
      if (_desk_xml_is (child, name))
        return child;
      if ((found = find_at_depth (child, name, depth + 1)) != NULL)
        return found;
    }

  return NULL;
}

/* The first element called @name below @node, depth first */
xmlNode *
_desk_xml_find (const xmlNode *node,
                const char    *name)
{
  return find_at_depth (node, name, 0);
}

char *
_desk_xml_attr (const xmlNode *node,
                const char    *name)
{
  xmlChar *value;
  char *copy;

  if (node == NULL || node->type != XML_ELEMENT_NODE)
    return NULL;

  /* Any namespace: "xml:lang" is asked for as "lang" */
  if (!(value = xmlGetProp (node, (const xmlChar *)name)))
    {
      for (xmlAttr *attr = node->properties; attr != NULL; attr = attr->next)
        if (g_ascii_strcasecmp ((const char *)attr->name, name) == 0)
          {
            value = xmlNodeGetContent ((const xmlNode *)attr);
            break;
          }
    }
  if (value == NULL)
    return NULL;

  copy = g_strdup ((const char *)value);
  xmlFree (value);

  return copy;
}

static void
collect_text (GString       *out,
              const xmlNode *node,
              guint          depth)
{
  if (depth > MAX_DEPTH)
    return;

  for (const xmlNode *child = node->children; child != NULL; child = child->next)
    {
      switch (child->type)
        {
        case XML_TEXT_NODE:
        case XML_CDATA_SECTION_NODE:
          if (child->content != NULL)
            g_string_append (out, (const char *)child->content);
          break;

        case XML_ENTITY_REF_NODE:
          /* Never expanded: left as written */
          g_string_append_printf (out, "&%s;", (const char *)child->name);
          break;

        case XML_ELEMENT_NODE:
          if (_desk_xml_is (child, "br") || _desk_xml_is (child, "p"))
            g_string_append_c (out, ' ');
          collect_text (out, child, depth + 1);
          break;

        default:
          break;
        }
    }
}

/**
 * _desk_xml_text:
 *
 * Returns: (transfer full): the text inside @node, on one line, single-spaced; entities
 *   the file declared itself are left unexpanded
 */
char *
_desk_xml_text (const xmlNode *node)
{
  g_autoptr(GString) raw = g_string_new (NULL);

  if (node == NULL)
    return g_strdup ("");

  collect_text (raw, node, 0);

  return _desk_reader_clean_text (raw->str, NULL);
}

/* The text of @node's first child called @name, or %NULL if it has none or it is empty */
char *
_desk_xml_child_text (const xmlNode *node,
                      const char    *name)
{
  xmlNode *child = _desk_xml_child (node, name);
  char *text;

  if (child == NULL)
    return NULL;

  text = _desk_xml_text (child);
  if (text[0] == '\0')
    g_clear_pointer (&text, g_free);

  return text;
}

/**
 * _desk_reader_keep_first:
 * @slot: where the first value found is kept
 * @text: (transfer full) (nullable): a value found
 *
 * Keeps @text in @slot when the slot is empty and @text is not; frees it otherwise.
 */
void
_desk_reader_keep_first (char **slot,
                         char  *text)
{
  if (*slot == NULL && text != NULL && text[0] != '\0')
    *slot = text;
  else
    g_free (text);
}

/* ---- Walking a body --------------------------------------------------------------------- */

#define CELL_MARK  '\x1e'
#define ITEM_MARK  '\x1f'
#define BREAK_MARK '\x1d'

typedef struct
{
  DeskReaderDoc    *doc;
  GString          *para;
  gboolean          plain_text;
  DeskWalkHintFunc  hint_func;
  gpointer          user_data;

  gboolean          has_role;
  gboolean          strong;
  DeskBlockRole     role;
  const char       *reason;
  guint             collapse;
  guint             depth;
} Walker;

typedef struct
{
  const char    *name;
  guint          flags;
  DeskBlockRole  role;
  const char    *reason;
} ElementRule;

enum {
  RULE_SKIP     = 1 << 0,
  RULE_BLOCK    = 1 << 1,
  RULE_ROLE     = 1 << 2,
  RULE_STRONG   = 1 << 3,
  RULE_CELL     = 1 << 4,
  RULE_ROW      = 1 << 5,
  RULE_BREAK    = 1 << 6,
};

#define CONTAINER RULE_BLOCK
#define ROLE(r) (RULE_BLOCK | RULE_ROLE), DESK_BLOCK_ROLE_##r
#define STRONG(r) (RULE_BLOCK | RULE_ROLE | RULE_STRONG), DESK_BLOCK_ROLE_##r

/* What NITF's and HTML's elements are. Anything not here is inline. */
static const ElementRule element_rules[] = {
  /* Not shown */
  { "script", RULE_SKIP }, { "style", RULE_SKIP }, { "noscript", RULE_SKIP },
  { "template", RULE_SKIP }, { "head", RULE_SKIP }, { "title", RULE_SKIP },
  { "meta", RULE_SKIP }, { "link", RULE_SKIP }, { "iframe", RULE_SKIP },
  { "object", RULE_SKIP }, { "embed", RULE_SKIP }, { "svg", RULE_SKIP },
  { "canvas", RULE_SKIP }, { "button", RULE_SKIP }, { "input", RULE_SKIP },
  { "select", RULE_SKIP }, { "textarea", RULE_SKIP }, { "option", RULE_SKIP },
  { "audio", RULE_SKIP }, { "video", RULE_SKIP }, { "source", RULE_SKIP },
  { "track", RULE_SKIP }, { "map", RULE_SKIP }, { "img", RULE_SKIP }, { "base", RULE_SKIP },
  { "media-reference", RULE_SKIP }, { "media-metadata", RULE_SKIP },
  { "media-object", RULE_SKIP }, { "dialog", RULE_SKIP },

  /* Containers */
  { "html", CONTAINER }, { "body", CONTAINER }, { "body.content", CONTAINER },
  { "body.end", CONTAINER }, { "block", CONTAINER }, { "div", CONTAINER },
  { "section", CONTAINER }, { "article", CONTAINER }, { "main", CONTAINER },
  { "ul", CONTAINER }, { "ol", CONTAINER }, { "dl", CONTAINER }, { "table", CONTAINER },
  { "thead", CONTAINER }, { "tbody", CONTAINER }, { "tfoot", CONTAINER },
  { "blockquote", CONTAINER }, { "bq", CONTAINER }, { "center", CONTAINER },
  { "details", CONTAINER }, { "fieldset", CONTAINER }, { "nitf-table", CONTAINER },
  { "media", CONTAINER }, { "hr", CONTAINER }, { "picture", CONTAINER },

  /* Paragraphs */
  { "p", ROLE (BODY), "paragraph" }, { "li", ROLE (BODY), "list item" },
  { "dd", ROLE (BODY), "paragraph" }, { "dt", ROLE (BODY), "paragraph" },
  { "pre", ROLE (BODY), "paragraph" }, { "address", ROLE (BODY), "paragraph" },
  { "summary", ROLE (BODY), "paragraph" }, { "credit", ROLE (CREDIT), "credit" },
  { "h1", ROLE (HEADLINE), "heading" }, { "hl1", ROLE (HEADLINE), "heading" },
  { "h2", ROLE (FURNITURE), "subheading" }, { "h3", ROLE (FURNITURE), "subheading" },
  { "h4", ROLE (FURNITURE), "subheading" }, { "h5", ROLE (FURNITURE), "subheading" },
  { "h6", ROLE (FURNITURE), "subheading" }, { "hl2", ROLE (FURNITURE), "subheading" },
  { "caption", ROLE (FURNITURE), "table caption" },
  { "tr", RULE_BLOCK | RULE_ROLE | RULE_ROW, DESK_BLOCK_ROLE_BODY, "table row" },
  { "td", RULE_CELL }, { "th", RULE_CELL }, { "br", RULE_BREAK },

  /* Everything inside has the role */
  { "figure", STRONG (CAPTION), "caption" }, { "figcaption", STRONG (CAPTION), "caption" },
  { "media-caption", STRONG (CAPTION), "caption" },
  { "media-producer", STRONG (CAPTION), "photo credit" },
  { "tagline", STRONG (CREDIT), "tagline" }, { "note", STRONG (FURNITURE), "editors' note" },
  { "byline", STRONG (BYLINE), "byline" }, { "header", STRONG (FURNITURE), "page header" },
  { "footer", STRONG (FURNITURE), "page footer" },
  { "nav", STRONG (FURNITURE), "navigation" }, { "aside", STRONG (FURNITURE), "sidebar" },
  { "form", STRONG (FURNITURE), "form" }, { "menu", STRONG (FURNITURE), "navigation" },
};

static GHashTable *
element_rule_table (void)
{
  static GHashTable *table;

  if (g_once_init_enter (&table))
    {
      GHashTable *rules = g_hash_table_new (g_str_hash, g_str_equal);

      for (guint i = 0; i < G_N_ELEMENTS (element_rules); i++)
        g_hash_table_insert (rules, (gpointer)element_rules[i].name,
                             (gpointer)&element_rules[i]);
      g_once_init_leave (&table, rules);
    }

  return table;
}

static const ElementRule *
element_rule (const xmlNode *element)
{
  char name[32];
  gsize n = strlen ((const char *)element->name);

  if (n >= sizeof name)
    return NULL;
  for (gsize i = 0; i <= n; i++)
    name[i] = g_ascii_tolower (element->name[i]);

  return g_hash_table_lookup (element_rule_table (), name);
}

static gboolean
row_has_data (const xmlNode *row)
{
  return _desk_xml_child (row, "td") != NULL;
}

static void
emit (Walker     *w,
      const char *raw)
{
  DeskBlockRole role = w->has_role ? w->role : DESK_BLOCK_ROLE_BODY;
  const char *reason = w->has_role ? w->reason : "paragraph";

  if (strchr (raw, CELL_MARK) != NULL || strchr (raw, ITEM_MARK) != NULL)
    {
      /* Table cells and the items of a collapsed list, joined */
      const char separators[] = { CELL_MARK, ITEM_MARK, '\0' };
      g_auto(GStrv) parts = g_strsplit_set (raw, separators, -1);
      g_autoptr(GString) joined = g_string_new (NULL);
      const char *glue = strchr (raw, CELL_MARK) ? " | " : " \xc2\xb7 ";

      for (guint i = 0; parts[i] != NULL; i++)
        {
          g_autofree char *part = _desk_reader_clean_text (parts[i], NULL);

          if (part[0] == '\0')
            continue;
          if (joined->len > 0)
            g_string_append (joined, glue);
          g_string_append (joined, part);
        }

      if (joined->len > 0)
        _desk_reader_doc_add_paragraph (w->doc, joined->str, role, reason);
      return;
    }

  if (w->plain_text && role == DESK_BLOCK_ROLE_BODY)
    {
      _desk_reader_doc_add_text_body (w->doc, raw);
      return;
    }

  if (strchr (raw, BREAK_MARK) != NULL)
    {
      /* Two line breaks in a row end a paragraph; one is a space */
      static GRegex *breaks_re;
      g_autofree char *valid = NULL;
      g_auto(GStrv) parts = NULL;

      if (g_once_init_enter (&breaks_re))
        g_once_init_leave (&breaks_re, g_regex_new ("\x1d\\s*\x1d", 0, 0, NULL));

      /* GRegex reads only UTF-8: a page's stray bytes must not make it return NULL. */
      valid = g_utf8_make_valid (raw, -1);
      parts = g_regex_split (breaks_re, valid, 0);
      for (guint i = 0; parts[i] != NULL; i++)
        {
          char *first_break = strchr (parts[i], BREAK_MARK);

          /* Old pages set the headline as a line of text: "<b>Headline</b><br>" */
          if (first_break != NULL && role == DESK_BLOCK_ROLE_BODY &&
              _desk_reader_doc_get_title (w->doc) != NULL)
            {
              g_autofree char *line = g_strndup (parts[i], first_break - parts[i]);
              g_autofree char *clean_line = _desk_reader_clean_text (line, NULL);
              g_autofree char *key = _desk_wire_text_fold_key (clean_line);
              g_autofree char *title_key = _desk_wire_text_fold_key (_desk_reader_doc_get_title (w->doc));

              if (key[0] != '\0' && g_str_equal (key, title_key))
                {
                  _desk_reader_doc_add_paragraph (w->doc, line, DESK_BLOCK_ROLE_HEADLINE, NULL);
                  memmove (parts[i], first_break + 1, strlen (first_break + 1) + 1);
                }
            }

          g_strdelimit (parts[i], "\x1d", ' ');
          _desk_reader_doc_add_paragraph (w->doc, parts[i], role, reason);
        }
      return;
    }

  _desk_reader_doc_add_paragraph (w->doc, raw, role, reason);
}

static void
flush (Walker *w)
{
  if (w->para->len == 0)
    return;

  emit (w, w->para->str);
  g_string_truncate (w->para, 0);
}

static void walk_children (Walker *w, const xmlNode *node);

/* The text under @node, without recursion: for markup nested deeper than is sensible */
static void
append_flat_text (GString       *out,
                  const xmlNode *node)
{
  const xmlNode *current = node->children;

  while (current != NULL && current != node)
    {
      if (current->type == XML_TEXT_NODE || current->type == XML_CDATA_SECTION_NODE)
        {
          if (current->content != NULL)
            g_string_append (out, (const char *)current->content);
        }
      else if (current->type == XML_ENTITY_REF_NODE)
        g_string_append_printf (out, "&%s;", (const char *)current->name);
      else if (current->type == XML_ELEMENT_NODE && current->children != NULL &&
               !(element_rule (current) && (element_rule (current)->flags & RULE_SKIP)))
        {
          current = current->children;
          continue;
        }

      while (current != node && current->next == NULL)
        current = current->parent;
      if (current == node)
        break;
      g_string_append_c (out, ' ');
      current = current->next;
    }
}

static void
walk_element (Walker        *w,
              const xmlNode *element)
{
  const ElementRule *rule = element_rule (element);
  DeskWalkHint hint = { 0 };
  gboolean saved_has_role = w->has_role;
  gboolean saved_strong = w->strong;
  DeskBlockRole saved_role = w->role;
  const char *saved_reason = w->reason;

  if (w->depth > MAX_DEPTH)
    {
      /* Nothing is dropped: what is too deep becomes text of the paragraph it is in */
      append_flat_text (w->para, element);
      return;
    }

  if (rule != NULL)
    {
      hint.skip = (rule->flags & RULE_SKIP) != 0;
      hint.block = (rule->flags & RULE_BLOCK) != 0;
      hint.has_role = (rule->flags & RULE_ROLE) != 0;
      hint.strong = (rule->flags & RULE_STRONG) != 0;
      hint.role = rule->role;
      hint.reason = rule->reason;

      if ((rule->flags & RULE_ROW) && !row_has_data (element))
        {
          hint.role = DESK_BLOCK_ROLE_FURNITURE;
          hint.reason = "table heading";
        }
    }

  if (w->hint_func != NULL)
    w->hint_func (element, &hint, w->user_data);

  if (hint.skip)
    return;

  if (rule != NULL && (rule->flags & RULE_BREAK))
    {
      g_string_append_c (w->para, w->plain_text ? '\n' : BREAK_MARK);
      return;
    }

  if (rule != NULL && (rule->flags & RULE_CELL) && !hint.block)
    {
      g_string_append_c (w->para, CELL_MARK);
      w->depth++;
      walk_children (w, element);
      w->depth--;
      return;
    }

  if (!hint.block)
    {
      w->depth++;
      walk_children (w, element);
      w->depth--;
      return;
    }

  if (w->collapse > 0)
    {
      g_string_append_c (w->para, ITEM_MARK);
      w->depth++;
      walk_children (w, element);
      w->depth--;
      g_string_append_c (w->para, ITEM_MARK);
      return;
    }

  flush (w);

  if (hint.reset)
    {
      w->has_role = FALSE;
      w->strong = FALSE;
    }

  if (hint.has_role && (hint.override || !w->strong))
    {
      w->has_role = TRUE;
      w->role = hint.role;
      w->reason = hint.reason;
      if (hint.strong || hint.override)
        w->strong = TRUE;
    }

  /* A list in the page's furniture is one block: "Home · World · Sport" */
  if ((_desk_xml_is (element, "ul") || _desk_xml_is (element, "ol")) && w->has_role &&
      w->strong && w->role == DESK_BLOCK_ROLE_FURNITURE)
    hint.collapse = TRUE;

  if (hint.collapse)
    w->collapse++;

  w->depth++;
  walk_children (w, element);
  w->depth--;

  if (hint.collapse)
    w->collapse--;

  flush (w);

  w->has_role = saved_has_role;
  w->strong = saved_strong;
  w->role = saved_role;
  w->reason = saved_reason;
}

static void
walk_children (Walker        *w,
               const xmlNode *node)
{
  for (const xmlNode *child = node->children; child != NULL; child = child->next)
    {
      switch (child->type)
        {
        case XML_TEXT_NODE:
        case XML_CDATA_SECTION_NODE:
          if (child->content != NULL)
            g_string_append (w->para, (const char *)child->content);
          break;

        case XML_ENTITY_REF_NODE:
          g_string_append_printf (w->para, "&%s;", (const char *)child->name);
          break;

        case XML_ELEMENT_NODE:
          walk_element (w, child);
          break;

        default:
          break;
        }
    }
}

/**
 * _desk_reader_walk:
 * @node: a body: NITF's body.content, an XHTML body, a web page's body
 * @plain_text: the paragraphs hold wire copy as plain text, cut at indented lines
 * @hint_func: (nullable): says more about elements than their names do (web pages)
 *
 * Writes the paragraphs in @node to @doc in document order, each with the role its
 * markup gives it.
 */
void
_desk_reader_walk (DeskReaderDoc    *doc,
                   const xmlNode    *node,
                   gboolean          plain_text,
                   DeskWalkHintFunc  hint_func,
                   gpointer          user_data)
{
  Walker w = { 0 };

  if (node == NULL)
    return;

  w.doc = doc;
  w.para = g_string_new (NULL);
  w.plain_text = plain_text;
  w.hint_func = hint_func;
  w.user_data = user_data;

  if (node->type == XML_ELEMENT_NODE)
    walk_element (&w, node);
  else
    walk_children (&w, node);
  flush (&w);

  g_string_free (w.para, TRUE);
}

/**
 * _desk_reader_add_html_fragment:
 * @html: a body as HTML (ninjs body_html, NewsML 1.x's HTML content)
 * @plain_text: the HTML wraps wire copy written as plain text
 */
void
_desk_reader_add_html_fragment (DeskReaderDoc *doc,
                                const char    *html,
                                gboolean       plain_text)
{
  xmlDoc *parsed;
  xmlNode *root;
  xmlNode *body;

  if (html == NULL || strspn (html, " \t\r\n") == strlen (html))
    return;

  if (!(parsed = _desk_reader_parse_html (html, strlen (html), "UTF-8")))
    {
      _desk_reader_doc_add_text_body (doc, html);
      return;
    }

  root = xmlDocGetRootElement (parsed);
  body = _desk_xml_find (root, "body");
  _desk_reader_walk (doc, body ? body : root, plain_text, NULL, NULL);

  xmlFreeDoc (parsed);
}

/**
 * _desk_reader_read_items:
 * @xml: (transfer full): the parsed file, freed here
 * @items: (element-type xmlNode): its news items, in order
 * @read_item: fills a document from one item
 * @first_only: stop at the first item that reads
 *
 * The parts of each news item of a NewsML file (G2 message or 1.x), numbered "2 of 3"
 * when there are several. An item that cannot be read is skipped; if none can, the
 * first one's error is returned.
 *
 * Returns: (transfer container) (element-type DeskIngestPart): the parts, or %NULL with
 *   @error set
 */
GPtrArray *
_desk_reader_read_items (GBytes            *bytes,
                         const char        *format,
                         xmlDoc            *xml,
                         GPtrArray         *items,
                         DeskReaderItemFunc read_item,
                         gboolean           first_only,
                         GError           **error)
{
  g_autoptr(GPtrArray) parts =
    g_ptr_array_new_with_free_func ((GDestroyNotify)_desk_ingest_part_free);
  g_autoptr(GError) first_error = NULL;
  gsize size;
  const guchar *data = g_bytes_get_data (bytes, &size);
  guint64 bytes_hash = desk_hash_bytes (data, size, 0);

  for (guint i = 0; i < items->len; i++)
    {
      g_autoptr(DeskReaderDoc) doc = _desk_reader_doc_new (format);
      g_autoptr(GError) local_error = NULL;
      DeskIngestPart *part;

      _desk_reader_doc_set_encoding (doc, xml->encoding ? (const char *)xml->encoding : "UTF-8",
                                     0, 0);
      read_item (doc, g_ptr_array_index (items, i));
      doc->has_bytes_hash = TRUE;
      doc->bytes_hash = bytes_hash;

      part = _desk_reader_doc_finish (doc, bytes, i, &local_error);
      if (part == NULL)
        {
          if (first_error == NULL)
            first_error = g_steal_pointer (&local_error);
          continue;
        }

      if (items->len > 1 && !first_only)
        {
          part->number = i + 1;
          part->of = items->len;
        }
      g_ptr_array_add (parts, part);
      if (first_only)
        break;
    }

  xmlFreeDoc (xml);

  if (parts->len == 0)
    {
      g_propagate_error (error, g_steal_pointer (&first_error));
      return NULL;
    }

  return g_steal_pointer (&parts);
}

/**
 * _desk_reader_first:
 * @parts: (transfer full) (nullable) (element-type DeskIngestPart): parts, or %NULL
 *
 * Returns: (transfer full) (nullable): the first part
 */
DeskIngestPart *
_desk_reader_first (GPtrArray *parts)
{
  g_autoptr(GPtrArray) owned = parts;

  if (owned == NULL || owned->len == 0)
    return NULL;

  return g_ptr_array_steal_index (owned, 0);
}
