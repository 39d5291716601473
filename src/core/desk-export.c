/* desk-export.c: the finished story, as the next system takes it
 *
 * Every format is made from the same story, and it is what the window shows: the draft's
 * headline and its masthead, exactly: its byline (which is the main byline among the
 * credits), its dateline, its deck and its credit line (the editor's, else the one the
 * credits write in the chosen style: desk_credits_dup_credit_line()); the story's date
 * (the latest date of the sources with text in the draft); and the paragraphs. Nothing is
 * taken from the sources that the masthead does not show.
 *
 * - Text: the headline, the deck, "By …", the paragraphs (the first one after
 *   "DATELINE — "), and the credit line, separated by blank lines; one line a paragraph,
 *   or wrapped at
 *   wrap_width columns. With provenance, each paragraph is followed by a line naming its
 *   sources ("[AP and PTI]").
 * - HTML: a UTF-8 HTML5 document, or (fragment) only its <article>: <h1>, <p class="deck">,
 *   <p class="byline">,
 *   the paragraphs as <p> (the dateline in <span class="dateline">), and the credit line in
 *   <footer><p class="credit">. The metadata is schema.org NewsArticle JSON-LD (headline,
 *   alternativeHeadline (the deck), author, contributor, dateline, datePublished) in <script type="application/ld+json">,
 *   in <head> for a document and at the end of the <article> for a fragment. Text is
 *   written as characters, with only "&", "<" and ">" escaped (and '"' in attributes);
 *   in the JSON-LD, "<", ">" and "&" are written as \u003c, \u003e and \u0026 so
 *   that nothing can close the script. Nothing refers to anything outside the document.
 *   With provenance, each paragraph has data-sources (the ids of its sources) and
 *   data-attribution (the organisations, as in text).
 * - Markdown: "# headline", the deck in italics, the byline, the paragraphs (the dateline in
 *   bold), a rule and
 *   the credit line in italics; every character Markdown would read as markup is escaped.
 * - ninjs 2.0 JSON (IPTC): uri, type "text", headlines ("main", and "sub" for the deck), by,
 *   located, versioncreated (when a
 *   date is known), bodies (text/plain and text/html), people and infosources from the
 *   active credits.
 *
 * Every format carries the same characters: those of the project's house style
 * (desk_project_get_style(): its punctuation and dateline form, applied by desk-style.c;
 * the spelling is the draft's). With ascii_quotes the punctuation is ASCII whatever the
 * house style ("—" becomes "--"). Control characters other than tabs and line breaks are
 * dropped, and so are the invisible direction overrides, embeddings and isolates
 * (U+202A–U+202E, U+2066–U+2069).
 *
 * desk_export_to_file() and desk_export_write_atomically() write a temporary file beside the
 * destination and rename it over, so a failed export leaves the old file as it was.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "desk-credits.h"
#include "desk-export.h"
#include "desk-language.h"
#include "desk-wire-text-private.h"

#define NINJS_SCHEMA "http://www.iptc.org/std/ninjs/ninjs-schema_2.0.json"

typedef struct
{
  char  *text;
  GStrv  source_ids;    /* unique, in provenance order */
  char  *attribution;   /* nullable */
} Paragraph;

typedef struct
{
  char     *name;       /* nullable for an organisation */
  char     *organization;
} Person;

typedef struct
{
  char      *uri;
  char      *headline;
  char      *deck;
  char      *byline;
  char      *dateline;
  const char *dateline_separator;  /* " —", " --" or ":" (desk_style_dateline_separator()) */
  char      *date;          /* YYYY-MM-DD */
  const char *language;     /* BCP 47, or NULL when the text does not tell */
  GPtrArray *paragraphs;    /* of Paragraph */
  char      *credit_line;

  GPtrArray *authors;       /* of Person: the byline, structured */
  GPtrArray *contributors;  /* of Person: the active people other than the byline */
  GPtrArray *organizations; /* of char *: active organisations, in credit order */
} Story;

static void
paragraph_free (gpointer data)
{
  Paragraph *paragraph = data;

  g_free (paragraph->text);
  g_strfreev (paragraph->source_ids);
  g_free (paragraph->attribution);
  g_free (paragraph);
}

static void
person_free (gpointer data)
{
  Person *person = data;

  g_free (person->name);
  g_free (person->organization);
  g_free (person);
}

static void
story_free (Story *story)
{
  g_free (story->uri);
  g_free (story->headline);
  g_free (story->deck);
  g_free (story->byline);
  g_free (story->dateline);
  g_free (story->date);
  g_ptr_array_unref (story->paragraphs);
  g_free (story->credit_line);
  g_ptr_array_unref (story->authors);
  g_ptr_array_unref (story->contributors);
  g_ptr_array_unref (story->organizations);
  g_free (story);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Story, story_free)

/**
 * desk_export_options_init:
 * @options: options to fill in
 *
 * Sets the defaults: plain text, a contributor line, no wrapping, typographic quotes kept,
 * a whole HTML document, no provenance.
 */
void
desk_export_options_init (DeskExportOptions *options)
{
  g_return_if_fail (options != NULL);

  memset (options, 0, sizeof *options);
  options->format = DESK_EXPORT_FORMAT_TEXT;
  options->credit_style = DESK_CREDIT_STYLE_CONTRIBUTOR_LINE;
  options->wrap_width = 0;
  options->ascii_quotes = FALSE;
  options->fragment = FALSE;
  options->provenance = FALSE;
}

/**
 * desk_export_options_init_for_project:
 * @options: options to fill in
 * @project: a project
 *
 * Sets the defaults, with the credit style the story's settings choose
 * (desk_credits_get_style()).
 */
void
desk_export_options_init_for_project (DeskExportOptions *options,
                                      DeskProject       *project)
{
  g_return_if_fail (options != NULL);
  g_return_if_fail (DESK_IS_PROJECT (project));

  desk_export_options_init (options);
  options->credit_style = desk_credits_get_style (desk_project_get_credits (project));
}

static const struct
{
  const char       *name;
  DeskExportFormat  format;
} format_names[] = {
  { "text", DESK_EXPORT_FORMAT_TEXT },
  { "txt", DESK_EXPORT_FORMAT_TEXT },
  { "plain", DESK_EXPORT_FORMAT_TEXT },
  { "html", DESK_EXPORT_FORMAT_HTML },
  { "htm", DESK_EXPORT_FORMAT_HTML },
  { "markdown", DESK_EXPORT_FORMAT_MARKDOWN },
  { "md", DESK_EXPORT_FORMAT_MARKDOWN },
  { "ninjs", DESK_EXPORT_FORMAT_NINJS },
  { "json", DESK_EXPORT_FORMAT_NINJS },
};

/**
 * desk_export_format_from_string:
 * @name: (nullable): "text", "html", "markdown" or "ninjs" (or "txt", "md", "json"), in
 *   any case
 * @format: (out): where to store the format
 *
 * Returns: %TRUE if @name names a format
 */
gboolean
desk_export_format_from_string (const char       *name,
                                DeskExportFormat *format)
{
  g_return_val_if_fail (format != NULL, FALSE);

  if (name == NULL)
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (format_names); i++)
    {
      if (g_ascii_strcasecmp (format_names[i].name, name) == 0)
        {
          *format = format_names[i].format;
          return TRUE;
        }
    }

  return FALSE;
}

/**
 * desk_export_format_to_string:
 *
 * Returns: the name of @format: "text", "html", "markdown" or "ninjs"
 */
const char *
desk_export_format_to_string (DeskExportFormat format)
{
  switch (format)
    {
    case DESK_EXPORT_FORMAT_TEXT: return "text";
    case DESK_EXPORT_FORMAT_HTML: return "html";
    case DESK_EXPORT_FORMAT_MARKDOWN: return "markdown";
    case DESK_EXPORT_FORMAT_NINJS: return "ninjs";
    default: g_return_val_if_reached ("text");
    }
}

/**
 * desk_export_format_get_extension:
 *
 * Returns: the usual file name extension for @format, without the dot: "txt", "html",
 *   "md" or "json"
 */
const char *
desk_export_format_get_extension (DeskExportFormat format)
{
  switch (format)
    {
    case DESK_EXPORT_FORMAT_TEXT: return "txt";
    case DESK_EXPORT_FORMAT_HTML: return "html";
    case DESK_EXPORT_FORMAT_MARKDOWN: return "md";
    case DESK_EXPORT_FORMAT_NINJS: return "json";
    default: g_return_val_if_reached ("txt");
    }
}

/* Text clean-up */

static gboolean
is_blank (const char *text)
{
  if (text == NULL)
    return TRUE;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!g_unichar_isspace (c) && c != 0x00A0 && c != 0x202F)
        return FALSE;
    }

  return TRUE;
}

/* Drops control characters (and, for one-line fields, turns line breaks into spaces),
 * writes the characters in the house style @chars (desk-style.c; ASCII folds every
 * typographic mark), and trims; NULL when blank. */
static char *
clean (const char *text,
       DeskStyle  *chars,
       gboolean    one_line)
{
  g_autoptr(GString) out = NULL;
  gboolean ascii = desk_style_get_punctuation (chars) == DESK_STYLE_PUNCTUATION_ASCII;

  if (text == NULL || !g_utf8_validate (text, -1, NULL))
    return NULL;

  out = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == '\r')
        continue;

      if (c == '\n' || c == '\t')
        {
          g_string_append_c (out, one_line ? ' ' : (char)c);
          continue;
        }

      if (c < 0x20 || c == 0x7F || (c >= 0x80 && c < 0xA0) || c == 0xFFFE || c == 0xFFFF)
        continue;

      /* Invisible direction overrides, embeddings and isolates: they can make text read
       * otherwise than it is (and a CMS shows them to no one). LRM and RLM stay. */
      if ((c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069))
        continue;

      if (ascii)
        {
          switch (c)
            {
            case 0x2018: case 0x2019: case 0x201A: case 0x201B: case 0x2032:
            case 0x2039: case 0x203A:
              g_string_append_c (out, '\'');
              continue;
            case 0x201C: case 0x201D: case 0x201E: case 0x201F: case 0x2033:
            case 0x00AB: case 0x00BB:
              g_string_append_c (out, '"');
              continue;
            case 0x2014: case 0x2015:
              g_string_append (out, "--");
              continue;
            case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2212:
              g_string_append_c (out, '-');
              continue;
            case 0x2026:
              g_string_append (out, "...");
              continue;
            case 0x00A0: case 0x202F: case 0x2007: case 0x2009: case 0x200A:
              g_string_append_c (out, ' ');
              continue;
            default:
              break;
            }
        }

      g_string_append_unichar (out, c);
    }

  if (!desk_style_is_as_written (chars))
    {
      g_autofree char *styled = desk_style_apply (chars, out->str);

      g_string_assign (out, styled);
    }

  g_strstrip (out->str);
  out->len = strlen (out->str);

  if (is_blank (out->str))
    return NULL;

  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* Building the story */

static GHashTable *
used_source_ids (DeskDraft *draft)
{
  GHashTable *used = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guint n = desk_draft_get_n_paragraphs (draft);

  for (guint i = 0; i < n; i++)
    {
      DeskParagraph *paragraph = desk_draft_get_paragraph (draft, i);

      for (guint j = 0; j < desk_paragraph_get_n_provenance (paragraph); j++)
        g_hash_table_add (used, g_strdup (desk_paragraph_get_provenance_source (paragraph, j)));
    }

  return used;
}

static gboolean
is_iso_date (const char *date)
{
  return date != NULL && strlen (date) == 10 &&
         g_ascii_isdigit (date[0]) && g_ascii_isdigit (date[1]) &&
         g_ascii_isdigit (date[2]) && g_ascii_isdigit (date[3]) && date[4] == '-' &&
         g_ascii_isdigit (date[5]) && g_ascii_isdigit (date[6]) && date[7] == '-' &&
         g_ascii_isdigit (date[8]) && g_ascii_isdigit (date[9]);
}

static Person *
person_new (const char *name,
            const char *organization,
            DeskStyle  *chars)
{
  Person *person = g_new0 (Person, 1);

  person->name = clean (name, chars, TRUE);
  person->organization = clean (organization, chars, TRUE);

  return person;
}

/* The word a byline opens with in the story's language: a German story is "Von Jane Doe",
 * not "By Jane Doe". English when the text does not tell. */
static const char *
byline_word (const char *language)
{
  static const struct { const char *language; const char *word; } words[] = {
    { "de", "Von" }, { "fr", "Par" }, { "es", "Por" }, { "it", "Di" }, { "nl", "Door" },
    { "pt", "Por" },
  };

  for (guint i = 0; language != NULL && i < G_N_ELEMENTS (words); i++)
    if (g_str_equal (language, words[i].language))
      return words[i].word;

  return "By";
}

/* "Jane Doe and John Roe", "A, B and C" as one byline: the people in it. */
static void
split_byline (GPtrArray  *authors,
              const char *byline,
              DeskStyle  *chars)
{
  g_autoptr(GRegex) separators =
    g_regex_new ("\\s*(?:,\\s*and\\s+|\\s+and\\s+|,\\s*|\\s+&\\s+)\\s*",
                 G_REGEX_CASELESS, 0, NULL);
  g_auto(GStrv) names = g_regex_split (separators, byline, 0);

  for (guint i = 0; names[i] != NULL; i++)
    {
      if (!is_blank (names[i]))
        g_ptr_array_add (authors, person_new (names[i], NULL, chars));
    }
}

static void
add_organization (GPtrArray  *organizations,
                  const char *organization)
{
  if (organization == NULL)
    return;

  if (!g_ptr_array_find_with_equal_func (organizations, organization, g_str_equal, NULL))
    g_ptr_array_add (organizations, g_strdup (organization));
}

static Story *
story_new (DeskProject             *project,
           const DeskExportOptions *options)
{
  g_autoptr(Story) story = g_new0 (Story, 1);
  g_autoptr(GHashTable) used = NULL;
  g_autoptr(GPtrArray) attributions = NULL;
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  g_autofree char *byline = NULL;
  g_autofree char *credit_line = NULL;
  DeskDraft *draft = desk_project_get_draft (project);
  DeskCredits *credits = desk_project_get_credits (project);
  GListModel *sources = desk_project_get_sources (project);
  guint n_sources = g_list_model_get_n_items (sources);
  guint n_credits;
  guint main;
  g_autoptr(DeskStyle) chars = desk_style_new ();
  const char *dateline = desk_draft_get_dateline (draft);
  const char *date = NULL;

  story->paragraphs = g_ptr_array_new_with_free_func (paragraph_free);
  story->authors = g_ptr_array_new_with_free_func (person_free);
  story->contributors = g_ptr_array_new_with_free_func (person_free);
  story->organizations = g_ptr_array_new_with_free_func (g_free);

  used = used_source_ids (draft);

  /* Exports write the house style's characters (its punctuation and dateline form); the
   * spelling is the draft's own: it changes as text is accepted or the editor applies it. */
  desk_style_copy_settings (chars, desk_project_get_style (project));
  desk_style_set_spelling (chars, DESK_STYLE_SPELLING_AS_WRITTEN);
  if (options->ascii_quotes)
    desk_style_set_punctuation (chars, DESK_STYLE_PUNCTUATION_ASCII);
  story->dateline_separator = desk_style_dateline_separator (chars);

  /* A stable identifier: the same sources make the same story. */
  for (guint i = 0; i < n_sources; i++)
    {
      g_autoptr(DeskSource) source = g_list_model_get_item (sources, i);
      const char *source_date = desk_source_get_date (source);

      g_checksum_update (checksum, (const guchar *)desk_source_get_id (source), -1);
      g_checksum_update (checksum, (const guchar *)"\n", 1);

      if (!g_hash_table_contains (used, desk_source_get_id (source)))
        continue;

      if (is_iso_date (source_date) && (date == NULL || strcmp (source_date, date) > 0))
        date = source_date;
    }

  story->uri = g_strdup_printf ("urn:copydesk:story:%.16s", g_checksum_get_string (checksum));
  story->headline = clean (desk_draft_get_headline (draft), chars, TRUE);
  story->deck = clean (desk_draft_get_deck (draft), chars, TRUE);
  story->dateline = clean (dateline, chars, TRUE);
  if (story->dateline != NULL && desk_style_get_dateline (chars) != DESK_STYLE_DATELINE_AS_WRITTEN)
    {
      char *formatted = desk_style_format_dateline (chars, story->dateline, NULL);

      g_free (story->dateline);
      story->dateline = formatted;
    }
  story->date = g_strdup (date);

  byline = desk_credits_dup_byline (credits);
  story->byline = clean (byline, chars, TRUE);

  attributions = desk_credits_format_attributions (credits, draft);
  for (guint i = 0; i < desk_draft_get_n_paragraphs (draft); i++)
    {
      DeskParagraph *paragraph = desk_draft_get_paragraph (draft, i);
      g_autoptr(GPtrArray) ids = g_ptr_array_new_null_terminated (2, g_free, TRUE);
      const char *attribution = g_ptr_array_index (attributions, i);
      Paragraph *out;
      char *text = clean (desk_paragraph_get_text (paragraph), chars, FALSE);

      if (text != NULL && story->paragraphs->len == 0 &&
          desk_style_get_dateline (chars) != DESK_STYLE_DATELINE_AS_WRITTEN)
        {
          /* The dateline at the head of the story, in the house form. */
          char *first = desk_style_apply_first (chars, text);

          g_free (text);
          text = first;
        }

      if (text == NULL)
        continue;

      for (guint j = 0; j < desk_paragraph_get_n_provenance (paragraph); j++)
        {
          const char *id = desk_paragraph_get_provenance_source (paragraph, j);

          if (!g_ptr_array_find_with_equal_func (ids, id, g_str_equal, NULL))
            g_ptr_array_add (ids, g_strdup (id));
        }

      out = g_new0 (Paragraph, 1);
      out->text = text;
      out->source_ids = (GStrv)g_ptr_array_steal (ids, NULL);
      out->attribution = clean (attribution, chars, TRUE);
      g_ptr_array_add (story->paragraphs, out);
    }

  credit_line = desk_credits_dup_credit_line (credits, options->credit_style);
  story->credit_line = clean (credit_line, chars, TRUE);

  /* Structured credits for the metadata. */
  main = desk_credits_get_main (credits);
  n_credits = g_list_model_get_n_items (G_LIST_MODEL (credits));
  for (guint i = 0; i < n_credits; i++)
    {
      g_autoptr(DeskCredit) credit = g_list_model_get_item (G_LIST_MODEL (credits), i);
      const char *name = desk_credit_get_name (credit);
      const char *organization = desk_credit_get_organization (credit);
      g_autofree char *clean_org = clean (organization, chars, TRUE);

      if (i == main)
        {
          g_ptr_array_add (story->authors, person_new (name, organization, chars));
          add_organization (story->organizations, clean_org);
          continue;
        }

      if (!desk_credits_get_active (credits, i))
        continue;

      if (!is_blank (name))
        g_ptr_array_add (story->contributors, person_new (name, organization, chars));
      add_organization (story->organizations, clean_org);
    }

  if (main == DESK_CREDITS_INVALID_POSITION && story->byline != NULL)
    split_byline (story->authors, story->byline, chars);

  /* The language of the story as exported: its own text's, not a source's. */
  {
    g_autoptr(GString) text = g_string_new (story->headline);

    for (guint i = 0; i < story->paragraphs->len; i++)
      {
        const Paragraph *paragraph = g_ptr_array_index (story->paragraphs, i);

        g_string_append_c (text, '\n');
        g_string_append (text, paragraph->text);
      }
    story->language = desk_language_guess (text->str, text->len);
  }

  return g_steal_pointer (&story);
}

/* Whether the paragraph already starts with the dateline. */
static gboolean
starts_with_dateline (const char *text,
                      const char *dateline)
{
  g_autofree char *text_folded = NULL;
  g_autofree char *dateline_folded = NULL;

  if (strlen (text) < strlen (dateline))
    return FALSE;

  text_folded = g_utf8_casefold (text, strlen (dateline));
  dateline_folded = g_utf8_casefold (dateline, -1);

  return g_str_equal (text_folded, dateline_folded);
}

/* Text */

/* Appends @text, wrapped at @width columns (0: not wrapped); line breaks in @text stay. */
static void
append_wrapped (GString    *out,
                const char *text,
                guint       width)
{
  g_auto(GStrv) lines = NULL;

  if (width == 0)
    {
      g_string_append (out, text);
      g_string_append_c (out, '\n');
      return;
    }

  lines = g_strsplit (text, "\n", -1);

  for (guint l = 0; lines[l] != NULL; l++)
    {
      g_auto(GStrv) words = g_strsplit_set (lines[l], " \t", -1);
      glong column = 0;

      for (guint w = 0; words[w] != NULL; w++)
        {
          glong length;

          if (words[w][0] == '\0')
            continue;

          length = g_utf8_strlen (words[w], -1);

          if (column > 0 && column + 1 + length > (glong)width)
            {
              g_string_append_c (out, '\n');
              column = 0;
            }
          else if (column > 0)
            {
              g_string_append_c (out, ' ');
              column++;
            }

          g_string_append (out, words[w]);
          column += length;
        }

      g_string_append_c (out, '\n');
    }
}

static char *
export_text (Story                   *story,
             const DeskExportOptions *options)
{
  GString *out = g_string_new (NULL);
  gboolean first_block = TRUE;

#define BLOCK_BREAK() G_STMT_START { \
    if (!first_block) g_string_append_c (out, '\n'); \
    first_block = FALSE; \
  } G_STMT_END

  if (story->headline != NULL)
    {
      BLOCK_BREAK ();
      append_wrapped (out, story->headline, options->wrap_width);
    }

  if (story->deck != NULL)
    {
      BLOCK_BREAK ();
      append_wrapped (out, story->deck, options->wrap_width);
    }

  if (story->byline != NULL)
    {
      g_autofree char *line = g_strdup_printf ("%s %s", byline_word (story->language),
                                               story->byline);

      BLOCK_BREAK ();
      append_wrapped (out, line, options->wrap_width);
    }

  for (guint i = 0; i < story->paragraphs->len; i++)
    {
      Paragraph *paragraph = g_ptr_array_index (story->paragraphs, i);
      g_autofree char *text = NULL;

      if (i == 0 && story->dateline != NULL &&
          !starts_with_dateline (paragraph->text, story->dateline))
        text = g_strdup_printf ("%s%s %s", story->dateline, story->dateline_separator,
                                paragraph->text);
      else
        text = g_strdup (paragraph->text);

      BLOCK_BREAK ();
      append_wrapped (out, text, options->wrap_width);

      if (options->provenance && paragraph->attribution != NULL)
        {
          g_autofree char *line = g_strdup_printf ("[%s]", paragraph->attribution);

          append_wrapped (out, line, options->wrap_width);
        }
    }

  if (story->credit_line != NULL)
    {
      BLOCK_BREAK ();
      append_wrapped (out, story->credit_line, options->wrap_width);
    }

#undef BLOCK_BREAK

  return g_string_free (out, FALSE);
}

/* HTML */

/* Text in an element: only what HTML needs escaped; quotes, apostrophes and every other
 * character are written as characters (the document is UTF-8). */
static void
append_escaped (GString    *out,
                const char *text)
{
  for (const char *p = text; *p != '\0'; p++)
    {
      switch (*p)
        {
        case '&': g_string_append (out, "&amp;"); break;
        case '<': g_string_append (out, "&lt;"); break;
        case '>': g_string_append (out, "&gt;"); break;
        default: g_string_append_c (out, *p); break;
        }
    }
}

/* A value in a double-quoted attribute: the double quote too. */
static void
append_attribute (GString    *out,
                  const char *text)
{
  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append (out, "&quot;");
      else
        append_escaped (out, (char[]){ *p, '\0' });
    }
}

static JsonNode *
person_to_json_ld (Person *person)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "@type");

  if (person->name == NULL)
    {
      json_builder_add_string_value (builder, "Organization");
      json_builder_set_member_name (builder, "name");
      json_builder_add_string_value (builder, person->organization);
    }
  else
    {
      json_builder_add_string_value (builder, "Person");
      json_builder_set_member_name (builder, "name");
      json_builder_add_string_value (builder, person->name);
      if (person->organization != NULL)
        {
          json_builder_set_member_name (builder, "affiliation");
          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "@type");
          json_builder_add_string_value (builder, "Organization");
          json_builder_set_member_name (builder, "name");
          json_builder_add_string_value (builder, person->organization);
          json_builder_end_object (builder);
        }
    }

  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

static char *
json_to_text (JsonNode *root)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();

  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  json_generator_set_root (generator, root);

  return json_generator_to_data (generator, NULL);
}

static char *
json_ld (Story *story)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *text = NULL;
  GString *out;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "@context");
  json_builder_add_string_value (builder, "https://schema.org");
  json_builder_set_member_name (builder, "@type");
  json_builder_add_string_value (builder, "NewsArticle");

  if (story->headline != NULL)
    {
      json_builder_set_member_name (builder, "headline");
      json_builder_add_string_value (builder, story->headline);
    }

  if (story->deck != NULL)
    {
      json_builder_set_member_name (builder, "alternativeHeadline");
      json_builder_add_string_value (builder, story->deck);
    }

  if (story->authors->len > 0)
    {
      json_builder_set_member_name (builder, "author");
      json_builder_begin_array (builder);
      for (guint i = 0; i < story->authors->len; i++)
        json_builder_add_value (builder, person_to_json_ld (g_ptr_array_index (story->authors, i)));
      json_builder_end_array (builder);
    }
  else if (story->organizations->len > 0)
    {
      /* No byline: the story is by the organisations it credits. */
      json_builder_set_member_name (builder, "author");
      json_builder_begin_array (builder);
      for (guint i = 0; i < story->organizations->len; i++)
        {
          Person organization = { NULL, g_ptr_array_index (story->organizations, i) };

          json_builder_add_value (builder, person_to_json_ld (&organization));
        }
      json_builder_end_array (builder);
    }

  if (story->contributors->len > 0)
    {
      json_builder_set_member_name (builder, "contributor");
      json_builder_begin_array (builder);
      for (guint i = 0; i < story->contributors->len; i++)
        json_builder_add_value (builder,
                                person_to_json_ld (g_ptr_array_index (story->contributors, i)));
      json_builder_end_array (builder);
    }

  if (story->dateline != NULL)
    {
      json_builder_set_member_name (builder, "dateline");
      json_builder_add_string_value (builder, story->dateline);
    }

  if (story->date != NULL)
    {
      json_builder_set_member_name (builder, "datePublished");
      json_builder_add_string_value (builder, story->date);
    }

  if (story->language != NULL)
    {
      json_builder_set_member_name (builder, "inLanguage");
      json_builder_add_string_value (builder, story->language);
    }

  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  text = json_to_text (root);

  /* JSON strings are the only place these can be; escaped, they cannot end the script
   * ("</script>") or open a comment ("<!--"). */
  out = g_string_new (NULL);
  for (const char *p = text; *p != '\0'; p++)
    {
      switch (*p)
        {
        case '<': g_string_append (out, "\\u003c"); break;
        case '>': g_string_append (out, "\\u003e"); break;
        case '&': g_string_append (out, "\\u0026"); break;
        default: g_string_append_c (out, *p); break;
        }
    }

  return g_string_free (out, FALSE);
}

static void
append_html_paragraph (GString                 *out,
                       Story                   *story,
                       Paragraph               *paragraph,
                       gboolean                 first,
                       const DeskExportOptions *options)
{
  g_string_append (out, "<p");

  if (options->provenance && paragraph->source_ids[0] != NULL)
    {
      g_autofree char *ids = g_strjoinv (" ", paragraph->source_ids);

      g_string_append (out, " data-sources=\"");
      append_attribute (out, ids);
      g_string_append_c (out, '"');

      if (paragraph->attribution != NULL)
        {
          g_string_append (out, " data-attribution=\"");
          append_attribute (out, paragraph->attribution);
          g_string_append_c (out, '"');
        }
    }

  g_string_append_c (out, '>');

  if (first && story->dateline != NULL && !starts_with_dateline (paragraph->text, story->dateline))
    {
      g_string_append (out, "<span class=\"dateline\">");
      append_escaped (out, story->dateline);
      g_string_append (out, story->dateline_separator);
      g_string_append (out, "</span> ");
    }

  append_escaped (out, paragraph->text);
  g_string_append (out, "</p>\n");
}

/* The <article>'s children up to and including the footer. */
static void
append_article_body (GString                 *out,
                     Story                   *story,
                     const DeskExportOptions *options)
{
  if (story->headline != NULL)
    {
      g_string_append (out, "<h1>");
      append_escaped (out, story->headline);
      g_string_append (out, "</h1>\n");
    }

  if (story->deck != NULL)
    {
      g_string_append (out, "<p class=\"deck\">");
      append_escaped (out, story->deck);
      g_string_append (out, "</p>\n");
    }

  if (story->byline != NULL)
    {
      g_string_append_printf (out, "<p class=\"byline\">%s ", byline_word (story->language));
      append_escaped (out, story->byline);
      g_string_append (out, "</p>\n");
    }

  for (guint i = 0; i < story->paragraphs->len; i++)
    append_html_paragraph (out, story, g_ptr_array_index (story->paragraphs, i), i == 0, options);

  if (story->credit_line != NULL)
    {
      g_string_append (out, "<footer>\n<p class=\"credit\">");
      append_escaped (out, story->credit_line);
      g_string_append (out, "</p>\n</footer>\n");
    }
}

static char *
export_html (Story                   *story,
             const DeskExportOptions *options)
{
  GString *out = g_string_new (NULL);
  g_autofree char *metadata = json_ld (story);

  if (!options->fragment)
    {
      g_string_append (out, "<!DOCTYPE html>\n");
      if (story->language != NULL)
        g_string_append_printf (out, "<html lang=\"%s\">\n", story->language);
      else
        g_string_append (out, "<html>\n");
      g_string_append (out,
                       "<head>\n"
                       "<meta charset=\"utf-8\">\n"
                       "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                       "<title>");
      append_escaped (out, story->headline != NULL ? story->headline : "Untitled story");
      g_string_append (out,
                       "</title>\n"
                       "<style>\n"
                       "body { max-width: 38em; margin: 2em auto; padding: 0 1em; "
                       "font-family: serif; line-height: 1.5; }\n"
                       ".deck { font-size: 1.15em; }\n"
                       ".byline, .credit { font-style: italic; }\n"
                       ".dateline { font-weight: bold; }\n"
                       "</style>\n"
                       "<script type=\"application/ld+json\">\n");
      g_string_append (out, metadata);
      g_string_append (out,
                       "\n</script>\n"
                       "</head>\n"
                       "<body>\n");
    }

  g_string_append (out, "<article>\n");
  append_article_body (out, story, options);

  if (options->fragment)
    {
      g_string_append (out, "<script type=\"application/ld+json\">\n");
      g_string_append (out, metadata);
      g_string_append (out, "\n</script>\n");
    }

  g_string_append (out, "</article>\n");

  if (!options->fragment)
    g_string_append (out, "</body>\n</html>\n");

  return g_string_free (out, FALSE);
}

/* Markdown */

static gboolean
looks_like_entity (const char *p)
{
  /* p points at '&': "&name;" or "&#123;" or "&#x1F;" */
  const char *q = p + 1;

  if (*q == '#')
    {
      q++;
      if (*q == 'x' || *q == 'X')
        q++;
    }

  if (!g_ascii_isalnum (*q))
    return FALSE;

  while (g_ascii_isalnum (*q))
    q++;

  return *q == ';';
}

/* Appends @text so that a CommonMark reader shows it as it is: no emphasis, links, code,
 * HTML, entities, headings, quotes or lists, and no autolinks under GitHub's extensions. */
static void
append_markdown_escaped (GString    *out,
                         const char *text)
{
  gboolean line_start = TRUE;

  for (const char *p = text; *p != '\0'; p++)
    {
      char c = *p;

      if (line_start)
        {
          const char *q = p;

          /* Leading spaces would make an indented code block. */
          while (*p == ' ' || *p == '\t')
            p++;
          if (*p == '\0')
            break;
          c = *p;

          if (c == '#' || c == '>' || c == '+' || c == '-' || c == '=')
            {
              g_string_append_c (out, '\\');
              g_string_append_c (out, c);
              line_start = FALSE;
              continue;
            }

          /* "1. " or "1) " starts a list. */
          for (q = p; g_ascii_isdigit (*q); q++)
            ;
          if (q > p && q - p <= 9 && (*q == '.' || *q == ')'))
            {
              g_string_append_len (out, p, q - p);
              g_string_append_c (out, '\\');
              g_string_append_c (out, *q);
              p = q;
              line_start = FALSE;
              continue;
            }

          line_start = FALSE;
        }

      switch (c)
        {
        case '\\': case '`': case '*': case '_': case '[': case ']': case '<': case '>':
        case '#': case '|': case '~':
          g_string_append_c (out, '\\');
          g_string_append_c (out, c);
          break;

        case '&':
          g_string_append (out, looks_like_entity (p) ? "\\&" : "&");
          break;

        /* GitHub-flavoured Markdown makes links of bare addresses ("https://…", "www.…",
         * "name@host.org"); an escaped ":", "." or "@" breaks the pattern and shows the
         * same character. */
        case ':':
          g_string_append (out, p[1] == '/' && p[2] == '/' ? "\\:" : ":");
          break;

        case '@':
          g_string_append (out, "\\@");
          break;

        case 'w': case 'W':
          if ((p == text || !g_ascii_isalnum (p[-1])) && g_ascii_strncasecmp (p, "www.", 4) == 0)
            {
              g_string_append_len (out, p, 3);
              g_string_append (out, "\\.");
              p += 3;
            }
          else
            g_string_append_c (out, c);
          break;

        case '\n':
          g_string_append_c (out, '\n');
          line_start = TRUE;
          break;

        default:
          g_string_append_c (out, c);
          break;
        }
    }
}

static char *
export_markdown (Story                   *story,
                 const DeskExportOptions *options)
{
  GString *out = g_string_new (NULL);
  gboolean first_block = TRUE;

#define BLOCK_BREAK() G_STMT_START { \
    if (!first_block) g_string_append_c (out, '\n'); \
    first_block = FALSE; \
  } G_STMT_END

  if (story->headline != NULL)
    {
      BLOCK_BREAK ();
      g_string_append (out, "# ");
      append_markdown_escaped (out, story->headline);
      g_string_append_c (out, '\n');
    }

  if (story->deck != NULL)
    {
      BLOCK_BREAK ();
      g_string_append_c (out, '*');
      append_markdown_escaped (out, story->deck);
      g_string_append (out, "*\n");
    }

  if (story->byline != NULL)
    {
      BLOCK_BREAK ();
      g_string_append_printf (out, "%s ", byline_word (story->language));
      append_markdown_escaped (out, story->byline);
      g_string_append_c (out, '\n');
    }

  for (guint i = 0; i < story->paragraphs->len; i++)
    {
      Paragraph *paragraph = g_ptr_array_index (story->paragraphs, i);

      BLOCK_BREAK ();

      if (i == 0 && story->dateline != NULL &&
          !starts_with_dateline (paragraph->text, story->dateline))
        {
          g_string_append (out, "**");
          append_markdown_escaped (out, story->dateline);
          g_string_append (out, story->dateline_separator);
          g_string_append (out, "** ");
        }

      append_markdown_escaped (out, paragraph->text);
      g_string_append_c (out, '\n');

      if (options->provenance && paragraph->attribution != NULL)
        {
          g_autofree char *line = g_strdup_printf ("[%s]", paragraph->attribution);

          append_markdown_escaped (out, line);
          g_string_append_c (out, '\n');
        }
    }

  if (story->credit_line != NULL)
    {
      BLOCK_BREAK ();
      g_string_append (out, "---\n\n*");
      append_markdown_escaped (out, story->credit_line);
      g_string_append (out, "*\n");
    }

#undef BLOCK_BREAK

  return g_string_free (out, FALSE);
}

/* ninjs */

static void
add_body (JsonBuilder *builder,
          const char  *role,
          const char  *content_type,
          const char  *value,
          gboolean     counts)
{
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "role");
  json_builder_add_string_value (builder, role);
  json_builder_set_member_name (builder, "contenttype");
  json_builder_add_string_value (builder, content_type);
  if (counts)
    {
      json_builder_set_member_name (builder, "charcount");
      json_builder_add_int_value (builder, g_utf8_strlen (value, -1));
      json_builder_set_member_name (builder, "wordcount");
      json_builder_add_int_value (builder, _desk_wire_text_count_words (value));
    }
  json_builder_set_member_name (builder, "value");
  json_builder_add_string_value (builder, value);
  json_builder_end_object (builder);
}

static char *
export_ninjs (Story                   *story,
              const DeskExportOptions *options)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GString) plain = g_string_new (NULL);
  g_autoptr(GString) html = g_string_new (NULL);
  g_autofree char *text = NULL;
  DeskExportOptions body_options = *options;

  body_options.provenance = FALSE;

  for (guint i = 0; i < story->paragraphs->len; i++)
    {
      Paragraph *paragraph = g_ptr_array_index (story->paragraphs, i);

      if (i > 0)
        g_string_append (plain, "\n\n");
      if (i == 0 && story->dateline != NULL &&
          !starts_with_dateline (paragraph->text, story->dateline))
        g_string_append_printf (plain, "%s%s ", story->dateline, story->dateline_separator);
      g_string_append (plain, paragraph->text);

      append_html_paragraph (html, story, paragraph, i == 0, &body_options);
    }

  if (story->credit_line != NULL)
    {
      if (plain->len > 0)
        g_string_append (plain, "\n\n");
      g_string_append (plain, story->credit_line);

      g_string_append (html, "<p class=\"credit\">");
      append_escaped (html, story->credit_line);
      g_string_append (html, "</p>\n");
    }

  json_builder_begin_object (builder);

  json_builder_set_member_name (builder, "uri");
  json_builder_add_string_value (builder, story->uri);

  json_builder_set_member_name (builder, "standard");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "name");
  json_builder_add_string_value (builder, "ninjs");
  json_builder_set_member_name (builder, "version");
  json_builder_add_string_value (builder, "2.0");
  json_builder_set_member_name (builder, "schema");
  json_builder_add_string_value (builder, NINJS_SCHEMA);
  json_builder_end_object (builder);

  json_builder_set_member_name (builder, "type");
  json_builder_add_string_value (builder, "text");
  json_builder_set_member_name (builder, "representationtype");
  json_builder_add_string_value (builder, "full");
  if (story->language != NULL)
    {
      json_builder_set_member_name (builder, "language");
      json_builder_add_string_value (builder, story->language);
    }

  if (story->date != NULL)
    {
      g_autofree char *date_time = g_strconcat (story->date, "T00:00:00Z", NULL);

      json_builder_set_member_name (builder, "versioncreated");
      json_builder_add_string_value (builder, date_time);
    }

  if (story->headline != NULL || story->deck != NULL)
    {
      json_builder_set_member_name (builder, "headlines");
      json_builder_begin_array (builder);
      if (story->headline != NULL)
        {
          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "role");
          json_builder_add_string_value (builder, "main");
          json_builder_set_member_name (builder, "value");
          json_builder_add_string_value (builder, story->headline);
          json_builder_end_object (builder);
        }
      if (story->deck != NULL)
        {
          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "role");
          json_builder_add_string_value (builder, "sub");
          json_builder_set_member_name (builder, "value");
          json_builder_add_string_value (builder, story->deck);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
    }

  if (story->byline != NULL)
    {
      json_builder_set_member_name (builder, "by");
      json_builder_add_string_value (builder, story->byline);
    }

  if (story->dateline != NULL)
    {
      json_builder_set_member_name (builder, "located");
      json_builder_add_string_value (builder, story->dateline);
    }

  json_builder_set_member_name (builder, "bodies");
  json_builder_begin_array (builder);
  add_body (builder, "main", "text/plain", plain->str, TRUE);
  add_body (builder, "richtext", "text/html", html->str, FALSE);
  json_builder_end_array (builder);

  if (story->authors->len > 0 || story->contributors->len > 0)
    {
      json_builder_set_member_name (builder, "people");
      json_builder_begin_array (builder);
      for (guint pass = 0; pass < 2; pass++)
        {
          GPtrArray *people = pass == 0 ? story->authors : story->contributors;

          for (guint i = 0; i < people->len; i++)
            {
              Person *person = g_ptr_array_index (people, i);

              if (person->name == NULL)
                continue;

              json_builder_begin_object (builder);
              json_builder_set_member_name (builder, "name");
              json_builder_add_string_value (builder, person->name);
              json_builder_set_member_name (builder, "rel");
              json_builder_add_string_value (builder, pass == 0 ? "author" : "contributor");
              json_builder_end_object (builder);
            }
        }
      json_builder_end_array (builder);
    }

  if (story->organizations->len > 0)
    {
      json_builder_set_member_name (builder, "infosources");
      json_builder_begin_array (builder);
      for (guint i = 0; i < story->organizations->len; i++)
        {
          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "name");
          json_builder_add_string_value (builder, g_ptr_array_index (story->organizations, i));
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
    }

  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  text = json_to_text (root);

  return g_strconcat (text, "\n", NULL);
}

/**
 * desk_export_to_string:
 * @project: the project whose draft to export
 * @options: how to export it
 *
 * Writes the story in the format @options choose. See the top of desk-export.c for what
 * each format holds.
 *
 * Returns: (transfer full): the exported story, UTF-8
 */
char *
desk_export_to_string (DeskProject             *project,
                       const DeskExportOptions *options)
{
  g_autoptr(Story) story = NULL;

  g_return_val_if_fail (DESK_IS_PROJECT (project), NULL);
  g_return_val_if_fail (options != NULL, NULL);

  story = story_new (project, options);

  switch (options->format)
    {
    case DESK_EXPORT_FORMAT_HTML:
      return export_html (story, options);

    case DESK_EXPORT_FORMAT_MARKDOWN:
      return export_markdown (story, options);

    case DESK_EXPORT_FORMAT_NINJS:
      return export_ninjs (story, options);

    case DESK_EXPORT_FORMAT_TEXT:
    default:
      return export_text (story, options);
    }
}

/**
 * desk_export_render:
 * @options: the options of the export
 *
 * The story as a reader of the export sees it, for a preview: a page of HTML or Markdown
 * as the text it shows (headline, deck, "By …", the paragraphs with the dateline at the
 * head of the first, the credit line; nothing of the markup, the metadata or the
 * invisible provenance attributes), in paragraphs one a line. Plain text is the export
 * itself, and so is ninjs, which is data for a system rather than a page for a reader.
 *
 * Returns: (transfer full): the text
 */
char *
desk_export_render (DeskProject             *project,
                    const DeskExportOptions *options)
{
  g_autoptr(Story) story = NULL;
  DeskExportOptions shown;

  g_return_val_if_fail (DESK_IS_PROJECT (project), NULL);
  g_return_val_if_fail (options != NULL, NULL);

  if (options->format == DESK_EXPORT_FORMAT_TEXT || options->format == DESK_EXPORT_FORMAT_NINJS)
    return desk_export_to_string (project, options);

  story = story_new (project, options);
  shown = *options;
  shown.wrap_width = 0;
  shown.provenance = FALSE;

  return export_text (story, &shown);
}

/* Writing files */

static void
set_write_error (GError     **error,
                 int          saved_errno,
                 const char  *display_name,
                 const char  *folder)
{
  GIOErrorEnum code = g_io_error_from_errno (saved_errno);

  switch (saved_errno)
    {
    case EACCES:
    case EPERM:
      g_set_error (error, G_IO_ERROR, code,
                   _("Cannot save “%s”: you are not allowed to write in the folder “%s”"),
                   display_name, folder);
      break;

    case EROFS:
      g_set_error (error, G_IO_ERROR, code,
                   _("Cannot save “%s”: the folder “%s” is on a read-only disk"),
                   display_name, folder);
      break;

    case ENOENT:
    case ENOTDIR:
      g_set_error (error, G_IO_ERROR, code,
                   _("Cannot save “%s”: the folder “%s” does not exist"),
                   display_name, folder);
      break;

    case ENOSPC:
#ifdef EDQUOT
    case EDQUOT:
#endif
      g_set_error (error, G_IO_ERROR, code,
                   _("Cannot save “%s”: the disk is full"), display_name);
      break;

    default:
      g_set_error (error, G_IO_ERROR, code,
                   _("Cannot save “%s”: %s"), display_name, g_strerror (saved_errno));
      break;
    }
}

static gboolean
write_all (int          fd,
           const char  *data,
           gsize        length,
           int         *saved_errno)
{
  while (length > 0)
    {
      gssize written = write (fd, data, MIN (length, (gsize)G_MAXSSIZE));

      if (written < 0)
        {
          if (errno == EINTR)
            continue;
          *saved_errno = errno;
          return FALSE;
        }

      data += written;
      length -= written;
    }

  return TRUE;
}

static void
set_in_place_error (GError     **error,
                    int          saved_errno,
                    const char  *display_name)
{
  if (saved_errno == ENOSPC)
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE,
                 _("Cannot save “%s”: the disk is full"), display_name);
  else
    g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                 _("Cannot save “%s”: %s"), display_name, g_strerror (saved_errno));
}

/* The descriptor a path names when it is one of the names the system gives to open
 * descriptors (/dev/stdout, /dev/fd/N, /proc/self/fd/N, as `-o /dev/stdout` or a shell's
 * `>(command)` give), or -1. Writing to the descriptor itself keeps what the shell set up:
 * a pipe, a file opened for appending. */
static int
descriptor_for_path (const char *path)
{
  static const struct { const char *prefix; int fd; } names[] = {
    { "/dev/stdout", 1 }, { "/dev/stderr", 2 },
  };
  const char *number = NULL;
  guint64 value;
  char *end = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (g_str_equal (path, names[i].prefix))
      return names[i].fd;

  if (g_str_has_prefix (path, "/dev/fd/"))
    number = path + strlen ("/dev/fd/");
  else if (g_str_has_prefix (path, "/proc/self/fd/"))
    number = path + strlen ("/proc/self/fd/");
  if (number == NULL || !g_ascii_isdigit (number[0]))
    return -1;

  value = g_ascii_strtoull (number, &end, 10);
  if (*end != '\0' || value > G_MAXINT)
    return -1;

  return fcntl ((int)value, F_GETFL) >= 0 ? (int)value : -1;
}

/* Follows symbolic links from @path to the file they end at, whether it exists or not (a
 * dangling link names the file to create). Returns NULL on a loop. */
static char *
resolve_links (const char *path)
{
  g_autofree char *current = g_strdup (path);

  for (guint depth = 0; depth < 40; depth++)
    {
      g_autofree char *target = NULL;
      g_autoptr(GError) error = NULL;

      if (!g_file_test (current, G_FILE_TEST_IS_SYMLINK))
        return g_steal_pointer (&current);

      target = g_file_read_link (current, &error);
      if (target == NULL)
        return g_steal_pointer (&current);

      if (!g_path_is_absolute (target))
        {
          g_autofree char *folder = g_path_get_dirname (current);
          g_autofree char *joined = g_build_filename (folder, target, NULL);

          g_free (current);
          current = g_canonicalize_filename (joined, NULL);
        }
      else
        {
          g_free (current);
          current = g_steal_pointer (&target);
        }
    }

  return NULL;
}

/* Writes into a file that cannot be replaced by another without harm: a device, a FIFO or
 * a socket (written to, never truncated or replaced), or a regular file with other hard
 * links or an owner the new file could not be given (overwritten where it is). A regular
 * file keeps its old contents when the write fails. */
static gboolean
write_in_place (const char       *path,
                const struct stat *st,
                const char       *data,
                gsize             length,
                const char       *display_name,
                GError          **error)
{
  g_autofree char *old = NULL;
  gsize old_length = 0;
  int saved_errno = 0;
  int fd;

  if (!S_ISREG (st->st_mode))
    {
      fd = g_open (path, O_WRONLY | O_NOCTTY | O_CLOEXEC, 0);
      if (fd < 0 || !write_all (fd, data, length, &saved_errno))
        {
          saved_errno = saved_errno ? saved_errno : errno;
          if (fd >= 0)
            close (fd);
          set_in_place_error (error, saved_errno, display_name);
          return FALSE;
        }
      close (fd);
      return TRUE;
    }

  fd = g_open (path, O_RDWR | O_NOCTTY | O_CLOEXEC, 0);
  if (fd < 0)
    {
      saved_errno = errno;
      set_in_place_error (error, saved_errno, display_name);
      return FALSE;
    }

  /* What to put back if the new contents do not fit. */
  old = g_malloc (st->st_size + 1);
  while (old_length < (gsize)st->st_size)
    {
      gssize got = read (fd, old + old_length, st->st_size - old_length);

      if (got < 0 && errno == EINTR)
        continue;
      if (got <= 0)
        break;
      old_length += got;
    }

  if (lseek (fd, 0, SEEK_SET) != 0 ||
      !write_all (fd, data, length, &saved_errno) ||
      ftruncate (fd, length) != 0 ||
      (fsync (fd) != 0 && errno != EINVAL))
    {
      saved_errno = saved_errno ? saved_errno : errno;
      if (lseek (fd, 0, SEEK_SET) == 0)
        {
          int ignored = 0;

          if (write_all (fd, old, old_length, &ignored))
            (void)ftruncate (fd, old_length);
        }
      close (fd);
      set_in_place_error (error, saved_errno, display_name);
      return FALSE;
    }

  if (close (fd) != 0)
    {
      saved_errno = errno;
      set_in_place_error (error, saved_errno, display_name);
      return FALSE;
    }

  return TRUE;
}

/**
 * desk_export_write_atomically:
 * @file: the file to write
 * @data: what to write
 * @length: the length of @data in bytes
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Replaces the contents of @file safely: writes a temporary file in the same folder,
 * flushes it to the disk and renames it over @file, keeping @file's permissions and owner.
 * On any failure the temporary file is removed and @file is as it was; the error names the
 * file and the problem (a folder that cannot be written to, a full disk, …).
 *
 * As text editors do, a symbolic link is written through (to its target, which a dangling
 * link names), and a file that renaming would harm is overwritten where it is instead: one
 * with other hard links, or whose owner the new file could not be given; its old contents
 * are put back if the write fails. Devices, FIFOs and sockets are written to, never
 * replaced, and the names of open descriptors (/dev/stdout, /dev/fd/N) write to that
 * descriptor. Files that are not local (no path) go through g_file_replace_contents().
 *
 * Returns: %TRUE on success
 */
gboolean
desk_export_write_atomically (GFile         *file,
                              const char    *data,
                              gsize          length,
                              GCancellable  *cancellable,
                              GError       **error)
{
  g_autofree char *display_name = NULL;
  g_autofree char *path = NULL;
  g_autofree char *folder = NULL;
  g_autofree char *base = NULL;
  g_autofree char *temp_path = NULL;
  g_autofree char *target = NULL;
  struct stat st;
  gboolean existed;
  int saved_errno = 0;
  int descriptor;
  int fd;

  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (data != NULL || length == 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  display_name = g_file_get_parse_name (file);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;

  path = g_file_get_path (file);
  if (path == NULL)
    {
      g_autoptr(GError) local_error = NULL;

      if (!g_file_replace_contents (file, data, length, NULL, FALSE, G_FILE_CREATE_NONE, NULL,
                                    cancellable, &local_error))
        {
          g_set_error (error, local_error->domain, local_error->code,
                       _("Cannot save “%s”: %s"), display_name, local_error->message);
          return FALSE;
        }
      return TRUE;
    }

  descriptor = descriptor_for_path (path);
  if (descriptor >= 0)
    {
      if (!write_all (descriptor, data, length, &saved_errno))
        {
          set_in_place_error (error, saved_errno, display_name);
          return FALSE;
        }
      return TRUE;
    }

  /* Write through a symbolic link, not over it. */
  target = resolve_links (path);
  if (target == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_TOO_MANY_LINKS,
                   _("Cannot save “%s”: its symbolic links go round in a loop"), display_name);
      return FALSE;
    }
  g_free (path);
  path = g_steal_pointer (&target);

  existed = g_stat (path, &st) == 0;
  if (existed && S_ISDIR (st.st_mode))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY,
                   _("Cannot save “%s”: it is a folder"), display_name);
      return FALSE;
    }
  if (existed && (!S_ISREG (st.st_mode) || st.st_nlink > 1))
    return write_in_place (path, &st, data, length, display_name, error);

  folder = g_path_get_dirname (path);
  base = g_path_get_basename (path);
  /* The temporary name adds eight bytes: it must fit where the name itself fits. */
  if (strlen (base) > 200)
    base[200] = '\0';
  temp_path = g_strdup_printf ("%s%c.%s.XXXXXX", folder, G_DIR_SEPARATOR, base);

  fd = g_mkstemp_full (temp_path, O_WRONLY, 0666);
  if (fd < 0)
    {
      g_autofree char *folder_name = g_filename_display_name (folder);

      set_write_error (error, errno, display_name, folder_name);
      return FALSE;
    }

  /* A file someone else owns keeps its owner, or is written where it is. */
  if (existed && (st.st_uid != geteuid () || st.st_gid != getegid ()) &&
      fchown (fd, st.st_uid, st.st_gid) != 0)
    {
      close (fd);
      g_unlink (temp_path);
      return write_in_place (path, &st, data, length, display_name, error);
    }

  /* After the owner: changing it may clear the set-id bits. */
  if (existed)
    (void)fchmod (fd, st.st_mode & 07777);

  /* A full disk may only show when the data reaches it. */
  if (write_all (fd, data, length, &saved_errno) && fsync (fd) != 0 && errno != EINVAL)
    saved_errno = errno;

  if (saved_errno != 0)
    {
      g_autofree char *folder_name = g_filename_display_name (folder);

      close (fd);
      g_unlink (temp_path);
      set_write_error (error, saved_errno, display_name, folder_name);
      return FALSE;
    }

  if (close (fd) != 0)
    {
      g_autofree char *folder_name = g_filename_display_name (folder);

      saved_errno = errno;
      g_unlink (temp_path);
      set_write_error (error, saved_errno, display_name, folder_name);
      return FALSE;
    }

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    {
      g_unlink (temp_path);
      return FALSE;
    }

  if (g_rename (temp_path, path) != 0)
    {
      g_autofree char *folder_name = g_filename_display_name (folder);

      saved_errno = errno;
      g_unlink (temp_path);
      set_write_error (error, saved_errno, display_name, folder_name);
      return FALSE;
    }

  return TRUE;
}

/**
 * desk_export_to_file:
 * @project: the project whose draft to export
 * @options: how to export it
 * @file: where to write
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Exports the story to @file, atomically (see desk_export_write_atomically()): a failure
 * leaves any old @file intact and says why.
 *
 * Returns: %TRUE on success
 */
gboolean
desk_export_to_file (DeskProject              *project,
                     const DeskExportOptions  *options,
                     GFile                    *file,
                     GCancellable             *cancellable,
                     GError                  **error)
{
  g_autofree char *text = NULL;

  g_return_val_if_fail (DESK_IS_PROJECT (project), FALSE);
  g_return_val_if_fail (options != NULL, FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  text = desk_export_to_string (project, options);

  return desk_export_write_atomically (file, text, strlen (text), cancellable, error);
}
