/* desk-reader-anpa.c: teletype copy, ANPA-1312 and IPTC 7901
 *
 * Both frame a story with control characters: SOH, a header, STX, the text, ETX, a
 * trailer, EOT.
 *
 * ANPA-1312 (the AP's wire): after SYN SYN SOH come the service level and story number,
 * then a line with priority, category and the keyword with its version
 * ("BC-US--Ethanol-LosingGra 1stLd-Writethru   11-13 1693"). The text starts with caret
 * lines: the full keyword ("^BC-US--Ethanol-Losing Grassland, 1st Ld-Writethru,1140<"),
 * the headline, photo and editors' notes, the byline ("^By NAME=" and "^Associated
 * Press="). "<" ends a line set flush left, "=" a centred one. Paragraphs start on a tab;
 * table rows on BS, their columns split by ";" (or RS), DLE standing for a fixed space and
 * "{" for a half. "_" between spaces is a dash, `` and '' are curly quotes. The trailer
 * stamps the transmission ("AP-WF-11-13-13 1509GMT").
 *
 * IPTC 7901 (dpa and others): SOH, a header ("eca062 4 i 211 ccccb   dpa 061"), the
 * keyword ("Germany-politics/"), STX, the headline block ending in "=" (with a version line
 * such as "1ST LEAD" and a byline), paragraphs separated by blank lines, a notebook for
 * editors ("# dpa NOTEBOOK"), the desk's initials, ETX, a time stamp.
 *
 * A file may hold several transmissions one after the other, as a wire capture does: each
 * story starts at an SOH that follows the previous one's ETX (with the SYN bytes before it)
 * and is read on its own, from its own bytes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "desk-decode.h"
#include "desk-format.h"
#include "desk-organization.h"
#include "desk-reader-private.h"
#include "desk-wire-text-private.h"

#define SOH 0x01
#define STX 0x02
#define ETX 0x03
#define EOT 0x04
#define BS  0x08
#define DLE 0x10
#define RS  0x1E
#define US  0x1F

typedef enum
{
  LINE_TEXT,       /* continues the paragraph */
  LINE_INDENTED,   /* starts a paragraph */
  LINE_CARET,      /* "^…": head lines, subheadings */
  LINE_ROW,        /* a table row */
  LINE_BLANK,
} LineKind;

typedef struct
{
  LineKind  kind;
  char     *text;       /* UTF-8, controls gone, marker and terminator removed */
  char      end;        /* '<', '=' or '\0' */
  gboolean  heading;    /* a table row that heads its columns ("^;W;L;Pct") */
} Line;

static void
line_free (gpointer data)
{
  Line *line = data;

  g_free (line->text);
  g_free (line);
}

static char *
to_utf8 (const char *data,
         gsize       length,
         const char *encoding)
{
  char *utf8;

  if (g_str_has_prefix (encoding, "UTF-8"))
    return g_utf8_make_valid (data, length);

  utf8 = g_convert_with_fallback (data, length, "UTF-8", "WINDOWS-1252", "?", NULL, NULL, NULL);
  return utf8 ? utf8 : g_utf8_make_valid (data, length);
}

/* ANPA's typography: "``" and "''" are curly quotes, "`" an opening single one, "_"
 * between spaces a dash. */
static char *
anpa_typography (const char *text)
{
  GString *out = g_string_sized_new (strlen (text) + 8);

  for (const char *p = text; *p != '\0'; p++)
    {
      if (p[0] == '`' && p[1] == '`')
        {
          g_string_append (out, "\xe2\x80\x9c");
          p++;
        }
      else if (p[0] == '\'' && p[1] == '\'')
        {
          g_string_append (out, "\xe2\x80\x9d");
          p++;
        }
      else if (p[0] == '`')
        g_string_append (out, "\xe2\x80\x98");
      else if (p[0] == '_' && p > text && p[-1] == ' ' && (p[1] == ' ' || p[1] == '\0') &&
               !(p > text + 1 && p[-2] == '_'))
        g_string_append (out, "\xe2\x80\x94");
      else
        g_string_append_c (out, *p);
    }

  return g_string_free (out, FALSE);
}

/* Cuts the raw text between STX and ETX into lines */
static GPtrArray *
split_lines (const char *data,
             gsize       length,
             const char *encoding,
             gboolean    anpa)
{
  GPtrArray *lines = g_ptr_array_new_with_free_func (line_free);
  const char *end = data + length;
  const char *p = data;

  while (p < end)
    {
      const char *eol = memchr (p, '\n', end - p);
      const char *line_end = eol ? eol : end;
      g_autoptr(GString) raw = g_string_new (NULL);
      g_autofree char *utf8 = NULL;
      Line *line = g_new0 (Line, 1);
      gboolean in_columns = FALSE;
      const char *q = p;

      while (q < line_end && (*q == ' ' || *q == '\r'))
        q++;

      if (anpa && q < line_end && *q == BS)
        line->kind = LINE_ROW;
      else if (q < line_end && *q == '\t')
        line->kind = LINE_INDENTED;
      else if (!anpa && q - p >= 2 && q < line_end)
        line->kind = LINE_INDENTED;
      else if (anpa && q < line_end && *q == '^')
        line->kind = LINE_CARET;
      else
        line->kind = LINE_TEXT;

      for (; q < line_end; q++)
        {
          guchar c = *q;

          if (c == RS || c == US)
            {
              /* Column marks, with the spaces that align them, make one ";" */
              if (!in_columns)
                {
                  while (raw->len > 0 && raw->str[raw->len - 1] == ' ')
                    g_string_truncate (raw, raw->len - 1);
                  g_string_append_c (raw, ';');
                }
              in_columns = TRUE;
              continue;
            }
          if (in_columns && c == ' ')
            continue;
          in_columns = FALSE;

          if (c == DLE)
            g_string_append_c (raw, ' ');
          else if (c == '\t')
            g_string_append_c (raw, ' ');
          else if (c < 0x20 || c == 0x7F)
            continue;
          else
            g_string_append_c (raw, c);
        }

      g_strstrip (raw->str);
      g_string_set_size (raw, strlen (raw->str));

      if (line->kind == LINE_CARET && raw->str[0] == '^')
        g_string_erase (raw, 0, 1);
      if (line->kind == LINE_ROW && raw->str[0] == '^')
        {
          g_string_erase (raw, 0, 1);
          line->heading = TRUE;
        }

      /* Line terminators: "<" flush left, "=" centred */
      if (anpa && raw->len > 0 && (raw->str[raw->len - 1] == '<' || raw->str[raw->len - 1] == '='))
        {
          line->end = raw->str[raw->len - 1];
          g_string_truncate (raw, raw->len - 1);
          g_strchomp (raw->str);
          g_string_set_size (raw, strlen (raw->str));
        }
      else if (!anpa && raw->len > 0 && raw->str[raw->len - 1] == '=')
        {
          line->end = '=';
          g_string_truncate (raw, raw->len - 1);
          g_strchomp (raw->str);
          g_string_set_size (raw, strlen (raw->str));
        }

      if (raw->len == 0 && line->kind != LINE_ROW)
        line->kind = LINE_BLANK;

      utf8 = to_utf8 (raw->str, raw->len, encoding);
      if (anpa)
        {
          line->text = anpa_typography (utf8);
          if (line->kind == LINE_ROW)
            {
              /* "{" is a half in agate: "13{" */
              g_autoptr(GString) row = g_string_new (line->text);

              g_string_replace (row, "{", "\xc2\xbd", 0);
              g_free (line->text);
              line->text = g_string_free (g_steal_pointer (&row), FALSE);
            }
        }
      else
        line->text = g_steal_pointer (&utf8);

      g_ptr_array_add (lines, line);

      if (eol == NULL)
        break;
      p = eol + 1;
    }

  return lines;
}

static const char *
find_byte (const char *p,
           const char *end,
           char        c)
{
  return p < end ? memchr (p, c, end - p) : NULL;
}

/* The text of the header between SOH and STX, on one line, controls gone */
static char *
header_text (const char *start,
             const char *end,
             const char *encoding)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *utf8 = NULL;

  for (const char *p = start; p < end; p++)
    {
      guchar c = *p;

      if (c == '\n' || c == '\r' || c == '\t' || c == US || c == RS)
        g_string_append_c (text, ' ');
      else if (c >= 0x20 && c != 0x7F)
        g_string_append_c (text, c);
    }

  utf8 = to_utf8 (text->str, text->len, encoding);
  return _desk_reader_clean_text (utf8, NULL);
}

static gboolean
is_media_note (const char *text)
{
  static const char * const prefixes[] = {
    "AP Photo", "AP Video", "AP Graphic", "AP Audio", "AP Interactive", "With AP Photo",
  };

  for (guint i = 0; i < G_N_ELEMENTS (prefixes); i++)
    if (g_str_has_prefix (text, prefixes[i]))
      return TRUE;
  return FALSE;
}

static gboolean
is_editors_note (const char *text)
{
  static const char * const prefixes[] = {
    "eds:", "(eds:", "eds note", "editor's note", "editors' note", "editors note",
    "editor\xe2\x80\x99s note", "advisory",
  };
  g_autofree char *lower = g_utf8_strdown (text, -1);

  for (guint i = 0; i < G_N_ELEMENTS (prefixes); i++)
    if (g_str_has_prefix (lower, prefixes[i]))
      return TRUE;
  return FALSE;
}

static gboolean
is_byline (const char *text)
{
  return g_ascii_strncasecmp (text, "By ", 3) == 0;
}

/* The line under a byline: "Associated Press", "AP Sports Writer" */
static gboolean
is_byline_title (const char *text)
{
  static const char * const words[] = {
    "writer", "correspondent", "editor", "reporter", "columnist", "press", "staff",
  };
  g_autofree char *lower = g_utf8_strdown (text, -1);

  if (desk_organization_is_known (text))
    return TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    if (strstr (lower, words[i]) != NULL)
      return TRUE;
  return FALSE;
}

/* ---- ANPA-1312 ------------------------------------------------------------------------- */

static void
read_anpa_keyword_header (DeskReaderDoc *doc,
                          const char    *header,
                          char         **short_keyword)
{
  g_auto(GStrv) tokens = NULL;
  g_autofree char *slug = NULL;
  const char *signal = NULL;
  const char *keyword;
  int version = 0;

  /* "W2870 asian f l BC-LT--Argentina-CancerB 11-13 1049": the keyword starts at "BC-"
   * or at the first word with "--" or more than two letters after the selector codes */
  keyword = strstr (header, "BC-");
  if (keyword == NULL)
    {
      tokens = g_strsplit (header, " ", -1);
      for (guint i = 0; tokens[i] != NULL; i++)
        if (strchr (tokens[i], '-') != NULL && strlen (tokens[i]) > 5)
          {
            keyword = strstr (header, tokens[i]);
            break;
          }
    }
  if (keyword == NULL)
    return;

  _desk_wire_text_parse_keyword (keyword, &slug, &version, &signal);
  _desk_reader_doc_set_version (doc, version);
  _desk_reader_doc_set_signal (doc, signal);
  *short_keyword = g_steal_pointer (&slug);
}

/* "AP-WF-11-13-13 1509GMT" */
static void
read_anpa_trailer (DeskReaderDoc *doc,
                   const char    *trailer)
{
  static GRegex *stamp_re;
  g_autoptr(GMatchInfo) match = NULL;

  if (g_once_init_enter (&stamp_re))
    g_once_init_leave (&stamp_re, g_regex_new ("(\\d{2})-(\\d{2})-(\\d{2}) (\\d{2})(\\d{2}) ?GMT",
                                               0, 0, NULL));

  g_autofree char *stamp = g_strdup (trailer);

  g_strdelimit (stamp, "<", ' ');
  g_strstrip (stamp);
  if (stamp[0] == '\0')
    return;

  _desk_reader_doc_add (doc, DESK_BLOCK_ROLE_FURNITURE, stamp, "transmission stamp");

  if (g_str_has_prefix (trailer, "AP"))
    _desk_reader_doc_set_agency (doc, "AP");

  if (g_regex_match (stamp_re, trailer, 0, &match))
    {
      g_autofree char *month = g_match_info_fetch (match, 1);
      g_autofree char *day = g_match_info_fetch (match, 2);
      g_autofree char *year = g_match_info_fetch (match, 3);
      g_autofree char *hour = g_match_info_fetch (match, 4);
      g_autofree char *minute = g_match_info_fetch (match, 5);
      g_autofree char *iso = g_strdup_printf ("20%s-%s-%sT%s:%s:00Z",
                                              year, month, day, hour, minute);

      _desk_reader_doc_set_version_created (doc, iso);
    }
}

/* The first caret line repeats the keyword: "BC-LT--Argentina-Cancer Beauty,466",
 * "*9006< ^AP-Top-Entertainment-Headlines,0176" */
static gboolean
is_keyword_line (const char *text,
                 const char *short_keyword)
{
  if (strstr (text, "BC-") != NULL || text[0] == '*')
    return TRUE;

  if (short_keyword != NULL && strlen (short_keyword) >= 8)
    {
      g_autofree char *start = g_strndup (short_keyword, 8);

      return strstr (text, start) != NULL;
    }

  return FALSE;
}

static void
flush_paragraph (DeskReaderDoc *doc,
                 GString       *paragraph)
{
  if (paragraph->len > 0)
    _desk_reader_doc_add_paragraph (doc, paragraph->str, DESK_BLOCK_ROLE_BODY, NULL);
  g_string_truncate (paragraph, 0);
}

static void
read_anpa_text (DeskReaderDoc *doc,
                GPtrArray     *lines,
                const char    *short_keyword)
{
  g_autoptr(GString) paragraph = g_string_new (NULL);
  g_autoptr(GString) byline = NULL;
  gboolean in_head = TRUE;
  gboolean keyword_seen = FALSE;
  guint i = 0;

  /* The head: caret lines up to the byline */
  for (; i < lines->len && in_head; i++)
    {
      Line *line = g_ptr_array_index (lines, i);

      if (line->kind == LINE_BLANK)
        continue;

      if (line->kind != LINE_CARET)
        break;

      /* The keyword again, in full */
      if (!keyword_seen && is_keyword_line (line->text, short_keyword))
        {
          const char *keyword = strrchr (line->text, '^');
          g_autofree char *slug = NULL;
          const char *signal = NULL;
          int version = 0;

          keyword = keyword ? keyword + 1 : line->text;
          _desk_wire_text_parse_keyword (keyword, &slug, &version, &signal);
          _desk_reader_doc_set_slug (doc, slug);
          if (version > _desk_reader_doc_get_version (doc))
            _desk_reader_doc_set_version (doc, version);
          _desk_reader_doc_set_signal (doc, signal);
          _desk_reader_doc_add (doc, DESK_BLOCK_ROLE_FURNITURE, line->text, "keyword line");
          keyword_seen = TRUE;
          continue;
        }
      keyword_seen = TRUE;

      if (byline != NULL)
        {
          /* "^Associated Press=" under "^By NAME=" */
          if (line->end == '=' && is_byline_title (line->text) && !is_byline (line->text))
            {
              g_string_append_printf (byline, ", %s", line->text);
              continue;
            }
          in_head = FALSE;
          break;
        }

      if (is_byline (line->text))
        {
          byline = g_string_new (line->text);
          continue;
        }

      if (is_media_note (line->text))
        {
          _desk_reader_doc_add (doc, DESK_BLOCK_ROLE_FURNITURE, line->text, "photo note");
          continue;
        }

      if (is_editors_note (line->text))
        {
          _desk_reader_doc_add_note (doc, line->text);
          continue;
        }

      /* A line left unterminated after the headline is copy, not head */
      if (_desk_reader_doc_get_title (doc) != NULL && line->end == '\0')
        break;

      if (_desk_reader_doc_get_title (doc) == NULL)
        _desk_reader_doc_add_headline (doc, line->text);
      else
        _desk_reader_doc_add_deck (doc, line->text);
    }

  if (byline != NULL)
    _desk_reader_doc_add_byline (doc, byline->str);

  /* The body */
  for (; i < lines->len; i++)
    {
      Line *line = g_ptr_array_index (lines, i);

      switch (line->kind)
        {
        case LINE_BLANK:
          flush_paragraph (doc, paragraph);
          break;

        case LINE_INDENTED:
          flush_paragraph (doc, paragraph);
          g_string_append (paragraph, line->text);
          if (line->end == '=')
            {
              /* A centred line: a separator or a subheading */
              _desk_reader_doc_add_paragraph (doc, paragraph->str, DESK_BLOCK_ROLE_FURNITURE,
                                              strspn (line->text, "_-*") == strlen (line->text)
                                              ? "separator" : "subheading");
              g_string_truncate (paragraph, 0);
            }
          break;

        case LINE_ROW:
          flush_paragraph (doc, paragraph);
          if (line->heading)
            _desk_reader_doc_add_paragraph (doc, line->text, DESK_BLOCK_ROLE_FURNITURE,
                                            "table heading");
          else
            _desk_reader_doc_add_paragraph (doc, line->text, DESK_BLOCK_ROLE_BODY, NULL);
          break;

        case LINE_CARET:
          flush_paragraph (doc, paragraph);
          if (line->end == '=')
            _desk_reader_doc_add_paragraph (doc, line->text, DESK_BLOCK_ROLE_FURNITURE,
                                            "subheading");
          else
            _desk_reader_doc_add_paragraph (doc, line->text, DESK_BLOCK_ROLE_BODY, NULL);
          break;

        case LINE_TEXT:
        default:
          if (paragraph->len > 0)
            g_string_append_c (paragraph, ' ');
          g_string_append (paragraph, line->text);
          break;
        }
    }

  flush_paragraph (doc, paragraph);
}

static DeskIngestPart *
read_anpa_story (GBytes            *bytes,
                 GError           **error)
{
  g_autoptr(DeskReaderDoc) doc = _desk_reader_doc_new (DESK_FORMAT_ANPA);
  g_autoptr(DeskDecoded) decoded = NULL;
  g_autoptr(GPtrArray) lines = NULL;
  g_autofree char *header = NULL;
  g_autofree char *short_keyword = NULL;
  g_autofree char *trailer = NULL;
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);
  const char *end = data + size;
  const char *soh, *stx, *etx, *eot;
  const char *text;

  /* Decoding tells the encoding, and refuses what is not text */
  if (!(decoded = desk_decode_bytes (bytes, error)))
    return NULL;

  soh = find_byte (data, end, SOH);
  stx = find_byte (soh ? soh : data, end, STX);
  if (stx == NULL)
    stx = soh;
  etx = stx ? find_byte (stx, end, ETX) : NULL;
  eot = etx ? find_byte (etx, end, EOT) : NULL;

  _desk_reader_doc_set_encoding (doc, decoded->encoding, 0, 0);

  if (soh != NULL && stx != NULL && stx > soh)
    {
      header = header_text (soh + 1, stx, decoded->encoding);
      read_anpa_keyword_header (doc, header, &short_keyword);
    }

  text = stx ? stx + 1 : data;
  lines = split_lines (text, (etx ? etx : end) - text, decoded->encoding, TRUE);
  read_anpa_text (doc, lines, short_keyword);

  if (etx != NULL)
    {
      trailer = header_text (etx + 1, eot ? eot : end, decoded->encoding);
      read_anpa_trailer (doc, trailer);
    }

  /* The keyword in the header, cut at 24 characters, when the text did not repeat it */
  _desk_reader_doc_set_slug (doc, short_keyword);
  if (_desk_reader_doc_get_slug (doc) != NULL && _desk_reader_doc_get_version (doc) == 0)
    _desk_reader_doc_set_version (doc, 1);

  return _desk_reader_doc_finish (doc, bytes, 0, error);
}

/* ---- IPTC 7901 ------------------------------------------------------------------------- */

static gboolean
is_version_line (const char *text)
{
  g_auto(GStrv) words = g_strsplit (text, " ", -1);
  g_autofree char *slug = NULL;
  const char *signal = NULL;
  int version = 0;

  if (g_strv_length (words) > 4)
    return FALSE;

  _desk_wire_text_parse_keyword (text, &slug, &version, &signal);
  return (version > 0 || signal != NULL) && slug == NULL;
}

static gboolean
starts_notebook (const char *text)
{
  return text[0] == '#' || g_str_equal (text, "* * * *") || g_str_equal (text, "***");
}

static DeskIngestPart *
read_iptc7901_story (GBytes            *bytes,
                     GError           **error)
{
  g_autoptr(DeskReaderDoc) doc = _desk_reader_doc_new (DESK_FORMAT_IPTC7901);
  g_autoptr(DeskDecoded) decoded = NULL;
  g_autoptr(GPtrArray) head_lines = NULL;
  g_autoptr(GPtrArray) lines = NULL;
  g_autoptr(GString) paragraph = g_string_new (NULL);
  g_autofree char *header = NULL;
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);
  const char *end = data + size;
  const char *soh, *stx, *etx, *eot;
  const char *head, *text;
  gboolean notebook = FALSE;
  guint head_end = 0;
  guint i;

  if (!(decoded = desk_decode_bytes (bytes, error)))
    return NULL;

  soh = find_byte (data, end, SOH);
  stx = find_byte (soh ? soh : data, end, STX);
  etx = stx ? find_byte (stx, end, ETX) : NULL;
  eot = etx ? find_byte (etx, end, EOT) : NULL;
  head = soh ? soh + 1 : data;
  text = stx ? stx + 1 : head;

  _desk_reader_doc_set_encoding (doc, decoded->encoding, 0, 0);

  /* The header line, then the keyword: "Germany-football/Munich/Mueller/" */
  head_lines = split_lines (head, (stx ? stx : head) - head, decoded->encoding, FALSE);
  for (i = 0; i < head_lines->len; i++)
    {
      Line *line = g_ptr_array_index (head_lines, i);
      g_auto(GStrv) tokens = NULL;

      if (line->kind == LINE_BLANK)
        continue;

      if (header == NULL)
        {
          header = g_strdup (line->text);
          tokens = g_strsplit (header, " ", -1);
          for (guint t = 0; tokens[t] != NULL; t++)
            if (tokens[t][0] != '\0' && desk_organization_canonical (tokens[t]) != NULL)
              _desk_reader_doc_set_agency (doc, tokens[t]);
          continue;
        }

      {
        g_autofree char *slug = g_strdup (line->text);

        while (slug[0] != '\0' && slug[strlen (slug) - 1] == '/')
          slug[strlen (slug) - 1] = '\0';
        _desk_reader_doc_set_slug (doc, slug);
      }
    }

  lines = split_lines (text, (etx ? etx : end) - text, decoded->encoding, FALSE);

  /* The head: up to the line that ends in "=", or the first blank line */
  for (i = 0; i < lines->len && i < 8; i++)
    {
      Line *line = g_ptr_array_index (lines, i);

      if (line->end == '=')
        {
          head_end = i + 1;
          break;
        }
    }
  if (head_end == 0)
    {
      for (i = 0; i < lines->len; i++)
        {
          Line *line = g_ptr_array_index (lines, i);

          if (line->kind == LINE_BLANK && head_end > 0)
            break;
          if (line->kind != LINE_BLANK)
            head_end = i + 1;
        }
    }

  for (i = 0; i < head_end; i++)
    {
      Line *line = g_ptr_array_index (lines, i);

      if (line->kind == LINE_BLANK || line->text[0] == '\0')
        continue;

      if (is_version_line (line->text))
        {
          g_autofree char *slug = NULL;
          const char *signal = NULL;
          int version = 0;

          _desk_wire_text_parse_keyword (line->text, &slug, &version, &signal);
          _desk_reader_doc_set_version (doc, version);
          _desk_reader_doc_set_signal (doc, signal);
          _desk_reader_doc_add (doc, DESK_BLOCK_ROLE_FURNITURE, line->text, "version line");
        }
      else if (is_byline (line->text))
        _desk_reader_doc_add_byline (doc, line->text);
      else if (_desk_reader_doc_get_title (doc) == NULL)
        _desk_reader_doc_add_headline (doc, line->text);
      else
        _desk_reader_doc_add_deck (doc, line->text);
    }

  /* Paragraphs between blank lines (or starting on an indent); then the notebook */
  for (i = head_end; i < lines->len; i++)
    {
      Line *line = g_ptr_array_index (lines, i);

      if (!notebook && line->kind != LINE_BLANK && starts_notebook (line->text))
        {
          flush_paragraph (doc, paragraph);
          notebook = TRUE;
        }

      if (notebook)
        {
          if (line->kind != LINE_BLANK)
            _desk_reader_doc_add_end_matter (doc, line->text);
          continue;
        }

      if (line->kind == LINE_BLANK || line->kind == LINE_INDENTED)
        flush_paragraph (doc, paragraph);
      if (line->kind == LINE_BLANK)
        continue;

      if (paragraph->len > 0)
        g_string_append_c (paragraph, ' ');
      g_string_append (paragraph, line->text);
    }
  flush_paragraph (doc, paragraph);

  if (etx != NULL)
    {
      g_autofree char *trailer = header_text (etx + 1, eot ? eot : end, decoded->encoding);

      _desk_reader_doc_add (doc, DESK_BLOCK_ROLE_FURNITURE, trailer, "transmission stamp");
    }

  if (_desk_reader_doc_get_slug (doc) != NULL && _desk_reader_doc_get_version (doc) == 0)
    _desk_reader_doc_set_version (doc, 1);

  return _desk_reader_doc_finish (doc, bytes, 0, error);
}

/* ---- Several stories in one file ----------------------------------------------------- */

#define SYN 0x16

typedef DeskIngestPart *(*StoryReader) (GBytes   *bytes,
                                        GError  **error);

/* Where each story in @data starts: 0, then every SOH after an ETX (moved back over the
 * SYN bytes before it). */
static GArray *
find_story_starts (const guchar *data,
                   gsize         size)
{
  GArray *starts = g_array_new (FALSE, FALSE, sizeof (gsize));
  gboolean ended = FALSE;
  gsize zero = 0;

  g_array_append_val (starts, zero);
  for (gsize i = 0; i < size; i++)
    {
      if (data[i] == ETX)
        ended = TRUE;
      else if (data[i] == SOH && ended)
        {
          gsize start = i;

          while (start > 0 && data[start - 1] == SYN)
            start--;
          g_array_append_val (starts, start);
          ended = FALSE;
        }
    }

  return starts;
}

/* The parts of each story that reads (or of the first, with @first_only), numbered "2 of 3"
 * when there are several and all are read. */
static GPtrArray *
read_stories (GBytes            *bytes,
              StoryReader        read_story,
              gboolean           first_only,
              GError           **error)
{
  g_autoptr(GPtrArray) parts =
    g_ptr_array_new_with_free_func ((GDestroyNotify)_desk_ingest_part_free);
  g_autoptr(GError) first_error = NULL;
  g_autoptr(GArray) starts = NULL;
  gsize size;
  const guchar *data = g_bytes_get_data (bytes, &size);

  starts = find_story_starts (data, size);
  if (starts->len == 1)
    {
      DeskIngestPart *part = read_story (bytes, error);

      if (part == NULL)
        return NULL;
      g_ptr_array_add (parts, part);
      return g_steal_pointer (&parts);
    }

  for (guint i = 0; i < starts->len; i++)
    {
      gsize start = g_array_index (starts, gsize, i);
      gsize end = i + 1 < starts->len ? g_array_index (starts, gsize, i + 1) : size;
      g_autoptr(GBytes) story = g_bytes_new_from_bytes (bytes, start, end - start);
      g_autoptr(GError) local_error = NULL;
      DeskIngestPart *part;

      part = read_story (story, &local_error);
      if (part == NULL)
        {
          if (first_error == NULL)
            first_error = g_steal_pointer (&local_error);
          continue;
        }
      if (!first_only)
        {
          part->number = i + 1;
          part->of = starts->len;
        }
      g_ptr_array_add (parts, part);
      if (first_only)
        break;
    }

  if (parts->len == 0)
    {
      g_propagate_error (error, g_steal_pointer (&first_error));
      return NULL;
    }

  return g_steal_pointer (&parts);
}

/**
 * _desk_reader_anpa_read_all:
 *
 * The parts of each story of an ANPA-1312 file, numbered "2 of 3" when there are
 * several; a story that cannot be read is skipped, and if none can, the first one's error
 * is returned.
 */
GPtrArray *
_desk_reader_anpa_read_all (GBytes            *bytes,
                            GError           **error)
{
  return read_stories (bytes, read_anpa_story, FALSE, error);
}

/**
 * _desk_reader_anpa_read:
 *
 * The first story of an ANPA-1312 file that can be read.
 */
DeskIngestPart *
_desk_reader_anpa_read (GBytes            *bytes,
                        GError           **error)
{
  return _desk_reader_first (read_stories (bytes, read_anpa_story, TRUE, error));
}

/**
 * _desk_reader_iptc7901_read_all:
 *
 * The same for IPTC 7901.
 */
GPtrArray *
_desk_reader_iptc7901_read_all (GBytes            *bytes,
                                GError           **error)
{
  return read_stories (bytes, read_iptc7901_story, FALSE, error);
}

/**
 * _desk_reader_iptc7901_read:
 *
 * The first story of an IPTC 7901 file that can be read.
 */
DeskIngestPart *
_desk_reader_iptc7901_read (GBytes            *bytes,
                            GError           **error)
{
  return _desk_reader_first (read_stories (bytes, read_iptc7901_story, TRUE,
                                           error));
}
