/* test-export.c: tests for exporting the story: golden files, escaping, files
 *
 * The golden files in tests/data/golden/ are the harbour-fire roundup (draft 01, sources
 * 02–04, every missing paragraph and addition accepted) in every format. They are compared
 * byte for byte; run with COPYDESK_UPDATE_GOLDEN=1 to write them again, then read the
 * difference before committing it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>

#include "desk-credits.h"
#include "desk-export.h"
#include "desk-project.h"
#include "desk-suggester.h"

static const char * const HOSTILE[] = {
  "<script>alert(1)</script>",
  "\"><img src=x onerror=alert(1)>",
  "</script>",
  "&amp;",
};

/* The harbour-fire roundup, merged: draft from 01, every suggestion accepted. Sources are
 * named by their file names so that nothing depends on where the tree is. */
static DeskProject *
harbour_fire (void)
{
  const char *files[] = {
    "01-agency-short.txt", "02-newspaper-long.txt", "03-scraped-reprint.txt", "04-writethru.txt",
  };
  g_autoptr(DeskProject) project = desk_project_new ();
  g_autoptr(DeskSuggester) suggester = desk_suggester_new ();
  g_autoptr(GPtrArray) suggestions = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autofree char *path = g_build_filename (g_getenv ("COPYDESK_SEEDS_DIR"), "harbour-fire",
                                                files[i], NULL);
      g_autoptr(GError) error = NULL;
      g_autoptr(DeskSource) source = NULL;
      g_autofree char *data = NULL;
      gsize length;
      g_autoptr(GBytes) bytes = NULL;

      g_assert_true (g_file_get_contents (path, &data, &length, &error));
      g_assert_no_error (error);
      bytes = g_bytes_new_take (g_steal_pointer (&data), length);

      source = desk_source_new_from_bytes (bytes, files[i], DESK_SOURCE_ORIGIN_FILE, &error);
      g_assert_no_error (error);
      desk_project_add_source (project, source);
      if (i == 0)
        desk_project_start_draft_from (project, source);
    }

  suggestions = desk_suggester_suggest (suggester, project);
  g_assert_cmpuint (desk_suggestions_apply_all (suggestions, desk_project_get_draft (project)),
                    >, 0);
  /* As accepting in the window or with Accept All: the dateline comes with the text. */
  desk_project_fill_dateline (project);

  return g_steal_pointer (&project);
}

static DeskSource *
source_new (const char *text,
            const char *name)
{
  g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));
  g_autoptr(GError) error = NULL;
  DeskSource *source;

  source = desk_source_new_from_bytes (bytes, name, DESK_SOURCE_ORIGIN_PASTE, &error);
  g_assert_no_error (error);

  return source;
}

static char *
export (DeskProject      *project,
        DeskExportFormat  format,
        gboolean          fragment)
{
  DeskExportOptions options;

  desk_export_options_init (&options);
  options.format = format;
  options.fragment = fragment;

  return desk_export_to_string (project, &options);
}

static void
check_golden (const char *name,
              const char *actual)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "golden", name, NULL);
  g_autofree char *expected = NULL;
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (g_getenv ("COPYDESK_UPDATE_GOLDEN"), "1") == 0)
    {
      g_autofree char *dir = g_path_get_dirname (path);

      g_mkdir_with_parents (dir, 0755);
      g_assert_true (g_file_set_contents (path, actual, -1, &error));
      g_assert_no_error (error);
      g_test_message ("wrote %s", path);
      return;
    }

  if (!g_file_get_contents (path, &expected, NULL, &error))
    {
      g_test_message ("%s; run with COPYDESK_UPDATE_GOLDEN=1 to write it", error->message);
      g_test_fail ();
      return;
    }

  g_assert_cmpstr (actual, ==, expected);
}

typedef struct
{
  const char       *golden;
  DeskExportFormat  format;
  DeskCreditStyle   style;
  guint             wrap_width;
  gboolean          ascii;
  gboolean          fragment;
  gboolean          provenance;
} Golden;

static const Golden goldens[] = {
  { "harbour-fire.txt",
    DESK_EXPORT_FORMAT_TEXT, DESK_CREDIT_STYLE_CONTRIBUTOR_LINE, 0, FALSE, FALSE, FALSE },
  { "harbour-fire-wrapped.txt",
    DESK_EXPORT_FORMAT_TEXT, DESK_CREDIT_STYLE_AGENCY_LINE, 72, TRUE, FALSE, TRUE },
  { "harbour-fire.html",
    DESK_EXPORT_FORMAT_HTML, DESK_CREDIT_STYLE_CONTRIBUTOR_LINE, 0, FALSE, FALSE, FALSE },
  { "harbour-fire-fragment.html",
    DESK_EXPORT_FORMAT_HTML, DESK_CREDIT_STYLE_CONTRIBUTOR_LINE, 0, FALSE, TRUE, TRUE },
  { "harbour-fire.md",
    DESK_EXPORT_FORMAT_MARKDOWN, DESK_CREDIT_STYLE_CONTRIBUTOR_LINE, 0, FALSE, FALSE, FALSE },
  { "harbour-fire.ninjs.json",
    DESK_EXPORT_FORMAT_NINJS, DESK_CREDIT_STYLE_CONTRIBUTOR_LINE, 0, FALSE, FALSE, FALSE },
};

static void
test_golden (gconstpointer data)
{
  const Golden *golden = data;
  g_autoptr(DeskProject) project = harbour_fire ();
  g_autofree char *text = NULL;
  DeskExportOptions options;

  desk_export_options_init (&options);
  options.format = golden->format;
  options.credit_style = golden->style;
  options.wrap_width = golden->wrap_width;
  options.ascii_quotes = golden->ascii;
  options.fragment = golden->fragment;
  options.provenance = golden->provenance;

  text = desk_export_to_string (project, &options);
  g_assert_true (g_utf8_validate (text, -1, NULL));
  check_golden (golden->golden, text);
}

/* HTML parsing */

static htmlDocPtr
parse_html (const char *html)
{
  htmlDocPtr doc = htmlReadMemory (html, strlen (html), NULL, "UTF-8",
                                   HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET);

  g_assert_nonnull (doc);
  return doc;
}

static void
collect_elements (xmlNodePtr  node,
                  const char *name,
                  GPtrArray  *found)
{
  for (xmlNodePtr child = node; child != NULL; child = child->next)
    {
      if (child->type == XML_ELEMENT_NODE && xmlStrcasecmp (child->name, BAD_CAST name) == 0)
        g_ptr_array_add (found, child);
      collect_elements (child->children, name, found);
    }
}

static GPtrArray *
elements (htmlDocPtr  doc,
          const char *name)
{
  GPtrArray *found = g_ptr_array_new ();

  collect_elements (xmlDocGetRootElement (doc), name, found);
  return found;
}

static char *
text_of (xmlNodePtr node)
{
  xmlChar *content = xmlNodeGetContent (node);
  char *text = g_strdup ((const char *)content);

  xmlFree (content);
  return text;
}

static char *
attribute (xmlNodePtr  node,
           const char *name)
{
  xmlChar *value = xmlGetProp (node, BAD_CAST name);
  char *text = value != NULL ? g_strdup ((const char *)value) : NULL;

  xmlFree (value);
  return text;
}

static gboolean
has_attribute_anywhere (xmlNodePtr  node,
                        const char *name)
{
  for (xmlNodePtr child = node; child != NULL; child = child->next)
    {
      if (child->type == XML_ELEMENT_NODE && xmlHasProp (child, BAD_CAST name) != NULL)
        return TRUE;
      if (has_attribute_anywhere (child->children, name))
        return TRUE;
    }

  return FALSE;
}

/* The <article>'s element children, by name. */
static guint
count_children (xmlNodePtr  parent,
                const char *name,
                const char *class_name)
{
  guint n = 0;

  for (xmlNodePtr child = parent->children; child != NULL; child = child->next)
    {
      g_autofree char *klass = NULL;

      if (child->type != XML_ELEMENT_NODE || xmlStrcmp (child->name, BAD_CAST name) != 0)
        continue;

      klass = attribute (child, "class");
      if (g_strcmp0 (klass, class_name) == 0)
        n++;
    }

  return n;
}

static JsonObject *
parse_json_ld (htmlDocPtr   doc,
               JsonParser  *parser)
{
  g_autoptr(GPtrArray) scripts = elements (doc, "script");
  g_autofree char *type = NULL;
  g_autofree char *json = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpuint (scripts->len, ==, 1);
  type = attribute (g_ptr_array_index (scripts, 0), "type");
  g_assert_cmpstr (type, ==, "application/ld+json");

  json = text_of (g_ptr_array_index (scripts, 0));
  g_assert_true (json_parser_load_from_data (parser, json, -1, &error));
  g_assert_no_error (error);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)));

  return json_node_get_object (json_parser_get_root (parser));
}

static void
test_html_structure (void)
{
  g_autoptr(DeskProject) project = harbour_fire ();
  DeskDraft *draft = desk_project_get_draft (project);

  for (guint fragment = 0; fragment < 2; fragment++)
    {
      g_autofree char *html = export (project, DESK_EXPORT_FORMAT_HTML, fragment);
      htmlDocPtr doc = parse_html (html);
      g_autoptr(GPtrArray) articles = elements (doc, "article");
      g_autoptr(GPtrArray) headings = elements (doc, "h1");
      g_autoptr(GPtrArray) footers = elements (doc, "footer");
      g_autoptr(JsonParser) parser = json_parser_new ();
      g_autofree char *h1 = NULL;
      g_autofree char *credit = NULL;
      JsonObject *metadata;
      xmlNodePtr article;

      if (!fragment)
        {
          g_autoptr(GPtrArray) titles = elements (doc, "title");
          g_autoptr(GPtrArray) metas = elements (doc, "meta");
          g_autofree char *charset = NULL;

          g_assert_true (g_str_has_prefix (html, "<!DOCTYPE html>\n"));
          g_assert_cmpuint (titles->len, ==, 1);
          g_assert_cmpuint (metas->len, >=, 1);
          charset = attribute (g_ptr_array_index (metas, 0), "charset");
          g_assert_cmpstr (charset, ==, "utf-8");
        }
      else
        g_assert_true (g_str_has_prefix (html, "<article>\n"));

      /* No external resources. */
      g_assert_null (strstr (html, "src="));
      g_assert_null (strstr (html, "href="));
      g_assert_null (strstr (html, "@import"));

      g_assert_cmpuint (articles->len, ==, 1);
      article = g_ptr_array_index (articles, 0);
      g_assert_cmpuint (headings->len, ==, 1);
      h1 = text_of (g_ptr_array_index (headings, 0));
      g_assert_cmpstr (h1, ==, desk_draft_get_headline (draft));

      g_assert_cmpuint (count_children (article, "p", NULL), ==,
                        desk_draft_get_n_paragraphs (draft));
      g_assert_cmpuint (count_children (article, "h1", NULL), ==, 1);
      g_assert_cmpuint (count_children (article, "footer", NULL), ==, 1);
      g_assert_cmpuint (footers->len, ==, 1);
      g_assert_cmpuint (count_children (g_ptr_array_index (footers, 0), "p", "credit"), ==, 1);
      credit = text_of (g_ptr_array_index (footers, 0));
      g_assert_nonnull (strstr (credit, "Information for this article was contributed by"));

      metadata = parse_json_ld (doc, parser);
      g_assert_cmpstr (json_object_get_string_member (metadata, "@type"), ==, "NewsArticle");
      g_assert_cmpstr (json_object_get_string_member (metadata, "headline"), ==,
                       desk_draft_get_headline (draft));
      g_assert_cmpstr (json_object_get_string_member (metadata, "dateline"), ==,
                       "HALIFAX, Nova Scotia");
      g_assert_cmpstr (json_object_get_string_member (metadata, "datePublished"), ==,
                       "2026-03-14");
      g_assert_true (json_object_has_member (metadata, "author"));

      xmlFreeDoc (doc);
    }
}

/* A project with hostile text in every field. */
static DeskProject *
hostile_project (const char *hostile)
{
  g_autoptr(DeskProject) project = desk_project_new ();
  g_autoptr(DeskSource) source = NULL;
  g_autoptr(DeskDraft) draft = desk_draft_new ();
  g_autofree char *story = NULL;
  g_autoptr(DeskParagraph) first = NULL;
  g_autoptr(DeskParagraph) second = NULL;
  g_autofree char *power = NULL;
  DeskCredits *credits;
  guint position;

  story = g_strdup_printf ("Storm hits %s coast\n\nBy Jane %s, The Associated Press\n\n"
                           "HALIFAX -- A storm knocked out power on Tuesday, %s said.\n",
                           hostile, hostile, hostile);
  source = source_new (story, hostile);
  desk_project_add_source (project, source);

  desk_draft_set_headline (draft, hostile);
  desk_draft_set_byline (draft, hostile);
  desk_draft_set_dateline (draft, hostile);
  power = g_strconcat ("Power failed ", hostile, NULL);
  first = desk_paragraph_new_from_block (power, desk_source_get_id (source), 0);
  second = desk_paragraph_new (hostile);
  desk_draft_append (draft, first);
  desk_draft_append (draft, second);
  desk_project_set_draft (project, draft);

  credits = desk_project_get_credits (project);
  desk_credits_add (credits, hostile, hostile, NULL);
  position = desk_credits_add (credits, "Second Person", hostile, NULL);
  g_assert_cmpuint (position, !=, DESK_CREDITS_INVALID_POSITION);
  desk_credits_add (credits, NULL, "Reuters", NULL);

  return g_steal_pointer (&project);
}

static void
check_hostile_html (const char *html,
                    const char *hostile,
                    gboolean    fragment,
                    gboolean    main_byline)
{
  htmlDocPtr doc = parse_html (html);
  g_autoptr(GPtrArray) scripts = elements (doc, "script");
  g_autoptr(GPtrArray) images = elements (doc, "img");
  g_autoptr(GPtrArray) headings = elements (doc, "h1");
  g_autoptr(GPtrArray) articles = elements (doc, "article");
  g_autoptr(GPtrArray) footers = elements (doc, "footer");
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *h1 = NULL;
  g_autofree char *footer = NULL;
  g_autofree char *expected_byline = NULL;
  JsonObject *metadata;
  JsonArray *authors;
  xmlNodePtr article;
  guint n_paragraphs = 0;
  guint n_bylines = 0;

  /* Only our own script, no image, no handler. */
  g_assert_cmpuint (scripts->len, ==, 1);
  g_assert_cmpuint (images->len, ==, 0);
  g_assert_false (has_attribute_anywhere (xmlDocGetRootElement (doc), "onerror"));
  g_assert_null (strstr (html, "<script>"));
  g_assert_null (strstr (html, "<img"));
  /* Exactly one "</script>": ours. */
  g_assert_nonnull (strstr (html, "</script>"));
  g_assert_null (strstr (strstr (html, "</script>") + 1, "</script>"));
  g_assert_null (strstr (html, "\"><"));

  g_assert_cmpuint (articles->len, ==, 1);
  article = g_ptr_array_index (articles, 0);
  g_assert_cmpuint (headings->len, ==, 1);
  h1 = text_of (g_ptr_array_index (headings, 0));
  g_assert_cmpstr (h1, ==, hostile);

  for (xmlNodePtr child = article->children; child != NULL; child = child->next)
    {
      g_autofree char *klass = NULL;
      g_autofree char *text = NULL;

      if (child->type != XML_ELEMENT_NODE || xmlStrcmp (child->name, BAD_CAST "p") != 0)
        continue;

      klass = attribute (child, "class");
      text = text_of (child);

      if (g_strcmp0 (klass, "byline") == 0)
        {
          expected_byline = g_strdup_printf ("By %s",
                                             main_byline ? "Second Person, Reuters" : hostile);
          g_assert_cmpstr (text, ==, expected_byline);
          n_bylines++;
          continue;
        }

      g_assert_null (klass);
      if (n_paragraphs == 0)
        {
          g_autofree char *expected = g_strdup_printf ("%s — Power failed %s", hostile, hostile);

          g_assert_cmpstr (text, ==, expected);
        }
      else
        g_assert_cmpstr (text, ==, hostile);
      n_paragraphs++;
    }
  g_assert_cmpuint (n_paragraphs, ==, 2);
  g_assert_cmpuint (n_bylines, ==, 1);

  g_assert_cmpuint (footers->len, ==, 1);
  footer = text_of (g_ptr_array_index (footers, 0));
  g_assert_nonnull (strstr (footer, hostile));

  metadata = parse_json_ld (doc, parser);
  g_assert_cmpstr (json_object_get_string_member (metadata, "headline"), ==, hostile);
  g_assert_cmpstr (json_object_get_string_member (metadata, "dateline"), ==, hostile);
  authors = json_object_get_array_member (metadata, "author");
  g_assert_cmpuint (json_array_get_length (authors), >=, 1);
  if (!main_byline)
    {
      JsonObject *author = json_array_get_object_element (authors, 0);

      g_assert_cmpstr (json_object_get_string_member (author, "name"), ==, hostile);
    }

  if (fragment)
    g_assert_true (g_str_has_prefix (html, "<article>"));

  xmlFreeDoc (doc);
}

static void
test_hostile (void)
{
  for (guint h = 0; h < G_N_ELEMENTS (HOSTILE); h++)
    {
      const char *hostile = HOSTILE[h];
      g_autoptr(DeskProject) project = hostile_project (hostile);
      DeskCredits *credits = desk_project_get_credits (project);
      guint position;

      for (guint main_byline = 0; main_byline < 2; main_byline++)
        {
          if (main_byline)
            {
              g_assert_true (desk_credits_find (credits, "Second Person", hostile, &position));
              desk_credits_rename (credits, position, "Second Person", "Reuters");
              desk_credits_set_main (credits, position);
            }

          for (guint fragment = 0; fragment < 2; fragment++)
            {
              g_autofree char *html = export (project, DESK_EXPORT_FORMAT_HTML, fragment);

              check_hostile_html (html, hostile, fragment, main_byline);
            }
        }

      /* ninjs: parses, and the text comes back as it was. */
        {
          g_autofree char *json = export (project, DESK_EXPORT_FORMAT_NINJS, FALSE);
          g_autoptr(JsonParser) parser = json_parser_new ();
          g_autoptr(GError) error = NULL;
          JsonObject *root;
          JsonArray *headlines;
          JsonObject *headline;

          g_assert_true (json_parser_load_from_data (parser, json, -1, &error));
          g_assert_no_error (error);
          root = json_node_get_object (json_parser_get_root (parser));
          headlines = json_object_get_array_member (root, "headlines");
          headline = json_array_get_object_element (headlines, 0);
          g_assert_cmpstr (json_object_get_string_member (headline, "value"), ==, hostile);
          g_assert_cmpstr (json_object_get_string_member (root, "located"), ==, hostile);
        }

      /* Markdown: nothing a renderer would read as HTML or an entity. */
        {
          g_autofree char *markdown = export (project, DESK_EXPORT_FORMAT_MARKDOWN, FALSE);

          for (const char *p = markdown; *p != '\0'; p++)
            {
              if (*p == '<' || *p == '>' || (*p == '&' && p[1] == 'a'))
                g_assert_true (p > markdown && p[-1] == '\\');
            }
        }

      /* Text: as it was. */
        {
          g_autofree char *text = export (project, DESK_EXPORT_FORMAT_TEXT, FALSE);
          g_autofree char *headline_line = g_strconcat (hostile, "\n", NULL);

          g_assert_true (g_str_has_prefix (text, headline_line));
        }
    }
}

static void
test_markdown_escapes (void)
{
  g_autoptr(DeskProject) project = desk_project_new ();
  g_autoptr(DeskDraft) draft = desk_draft_new ();
  g_autofree char *markdown = NULL;
  const char *paragraphs[] = {
    "# not a heading",
    "1. not a list",
    "- not a list either",
    "*not emphasis* and _not_ and `not code` and [not](a link)",
    "Q&A stays, &copy; does not",
  };

  desk_draft_set_headline (draft, "Headline #1");
  for (guint i = 0; i < G_N_ELEMENTS (paragraphs); i++)
    {
      g_autoptr(DeskParagraph) paragraph = desk_paragraph_new (paragraphs[i]);

      desk_draft_append (draft, paragraph);
    }
  desk_project_set_draft (project, draft);

  markdown = export (project, DESK_EXPORT_FORMAT_MARKDOWN, FALSE);
  g_assert_cmpstr (markdown, ==,
                   "# Headline \\#1\n"
                   "\n"
                   "\\# not a heading\n"
                   "\n"
                   "1\\. not a list\n"
                   "\n"
                   "\\- not a list either\n"
                   "\n"
                   "\\*not emphasis\\* and \\_not\\_ and \\`not code\\` and \\[not\\](a link)\n"
                   "\n"
                   "Q&A stays, \\&copy; does not\n");
}

static void
test_text_options (void)
{
  g_autoptr(DeskProject) project = harbour_fire ();
  DeskExportOptions options;
  g_autofree char *wrapped = NULL;
  g_autofree char *ascii = NULL;
  g_auto(GStrv) lines = NULL;

  desk_export_options_init (&options);
  options.wrap_width = 40;
  wrapped = desk_export_to_string (project, &options);
  lines = g_strsplit (wrapped, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      if (strchr (lines[i], ' ') != NULL)
        g_assert_cmpint (g_utf8_strlen (lines[i], -1), <=, 40);
    }

  desk_export_options_init (&options);
  options.ascii_quotes = TRUE;
  ascii = desk_export_to_string (project, &options);
  g_assert_null (strstr (ascii, "“"));
  g_assert_null (strstr (ascii, "”"));
  g_assert_null (strstr (ascii, "’"));
  g_assert_null (strstr (ascii, "—"));
  g_assert_nonnull (strstr (ascii, "HALIFAX, Nova Scotia -- "));
  g_assert_nonnull (strstr (ascii, "\"This is the darkest night"));
  /* Letters are not quotes. */
  g_assert_nonnull (strstr (ascii, "Mélanie"));
}

static void
test_unwrapped_layout (void)
{
  g_autoptr(DeskProject) project = desk_project_new ();
  g_autoptr(DeskDraft) draft = desk_draft_new ();
  g_autoptr(DeskParagraph) first = desk_paragraph_new ("A storm knocked out power.");
  g_autoptr(DeskParagraph) second = desk_paragraph_new ("Schools were closed.");
  g_autofree char *text = NULL;
  g_autofree char *empty = NULL;
  DeskExportOptions options;

  desk_export_options_init (&options);
  empty = desk_export_to_string (project, &options);
  g_assert_cmpstr (empty, ==, "");

  desk_draft_set_headline (draft, "Storm hits Nova Scotia");
  desk_draft_set_byline (draft, "Jane Doe");
  desk_draft_set_dateline (draft, "HALIFAX, Nova Scotia");
  desk_draft_append (draft, first);
  desk_draft_append (draft, second);
  desk_project_set_draft (project, draft);

  text = desk_export_to_string (project, &options);
  g_assert_cmpstr (text, ==,
                   "Storm hits Nova Scotia\n"
                   "\n"
                   "By Jane Doe\n"
                   "\n"
                   "HALIFAX, Nova Scotia — A storm knocked out power.\n"
                   "\n"
                   "Schools were closed.\n");
}

static void
test_format_names (void)
{
  DeskExportFormat format;

  g_assert_true (desk_export_format_from_string ("HTML", &format));
  g_assert_cmpint (format, ==, DESK_EXPORT_FORMAT_HTML);
  g_assert_true (desk_export_format_from_string ("md", &format));
  g_assert_cmpint (format, ==, DESK_EXPORT_FORMAT_MARKDOWN);
  g_assert_true (desk_export_format_from_string ("ninjs", &format));
  g_assert_cmpint (format, ==, DESK_EXPORT_FORMAT_NINJS);
  g_assert_true (desk_export_format_from_string ("text", &format));
  g_assert_cmpint (format, ==, DESK_EXPORT_FORMAT_TEXT);
  g_assert_false (desk_export_format_from_string ("docx", &format));
  g_assert_false (desk_export_format_from_string (NULL, &format));

  g_assert_cmpstr (desk_export_format_get_extension (DESK_EXPORT_FORMAT_MARKDOWN), ==, "md");
  g_assert_cmpstr (desk_export_format_to_string (DESK_EXPORT_FORMAT_NINJS), ==, "ninjs");
}

static guint
count_entries (const char *dir)
{
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  guint n = 0;

  g_assert_nonnull (handle);
  while (g_dir_read_name (handle) != NULL)
    n++;

  return n;
}

static void
test_to_file (void)
{
  g_autoptr(DeskProject) project = harbour_fire ();
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("copydesk-export-XXXXXX", &error);
  g_autofree char *path = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *blocker = NULL;
  g_autofree char *blocked = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFile) blocked_file = NULL;
  DeskExportOptions options;

  g_assert_no_error (error);
  path = g_build_filename (dir, "story.html", NULL);
  file = g_file_new_for_path (path);

  desk_export_options_init (&options);
  options.format = DESK_EXPORT_FORMAT_HTML;
  expected = desk_export_to_string (project, &options);

  /* A new file, then over an old one. */
  g_assert_true (g_file_set_contents (path, "old", -1, &error));
  g_assert_true (desk_export_to_file (project, &options, file, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &contents, NULL, &error));
  g_assert_cmpstr (contents, ==, expected);
  g_assert_cmpuint (count_entries (dir), ==, 1);

  /* A "folder" that is a file: fails, says which file, leaves nothing behind. */
  blocker = g_build_filename (dir, "not-a-folder", NULL);
  g_assert_true (g_file_set_contents (blocker, "x", -1, &error));
  blocked = g_build_filename (blocker, "story.html", NULL);
  blocked_file = g_file_new_for_path (blocked);
  g_assert_false (desk_export_to_file (project, &options, blocked_file, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_DIRECTORY);
  g_assert_nonnull (strstr (error->message, "story.html"));
  g_clear_error (&error);
  g_assert_cmpuint (count_entries (dir), ==, 2);

  /* A folder: not overwritten. */
    {
      g_autoptr(GFile) folder = g_file_new_for_path (dir);

      g_assert_false (desk_export_to_file (project, &options, folder, NULL, &error));
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY);
      g_clear_error (&error);
    }

  /* A read-only folder: fails and leaves the old file as it was. Root can write there
   * anyway, so this part needs an ordinary user. */
  if (geteuid () != 0)
    {
      g_autofree char *old = NULL;

      g_assert_true (g_file_set_contents (path, "old", -1, &error));
      g_assert_cmpint (g_chmod (dir, 0555), ==, 0);
      g_assert_false (desk_export_to_file (project, &options, file, NULL, &error));
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED);
      g_assert_nonnull (strstr (error->message, "story.html"));
      g_test_message ("%s", error->message);
      g_clear_error (&error);
      g_assert_cmpint (g_chmod (dir, 0755), ==, 0);

      g_assert_true (g_file_get_contents (path, &old, NULL, &error));
      g_assert_cmpstr (old, ==, "old");
      g_assert_cmpuint (count_entries (dir), ==, 2);
    }
  else
    g_test_message ("running as root: the read-only folder case is skipped");

  /* Cancelled: nothing written. */
    {
      g_autoptr(GCancellable) cancellable = g_cancellable_new ();
      g_autofree char *again = NULL;

      g_assert_true (g_file_set_contents (path, "old", -1, &error));
      g_cancellable_cancel (cancellable);
      g_assert_false (desk_export_to_file (project, &options, file, cancellable, &error));
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
      g_clear_error (&error);
      g_assert_true (g_file_get_contents (path, &again, NULL, &error));
      g_assert_cmpstr (again, ==, "old");
    }

  g_unlink (path);
  g_unlink (blocker);
  g_rmdir (dir);
}

/* The story says which language it is in: a German story is not marked English, and a
 * story whose language cannot be told is marked as nothing. */
static void
test_language (void)
{
  static const struct { const char *text; const char *html; const char *ninjs; } cases[] = {
    { "Stadtrat schließt die Fähre\n\nDer Stadtrat hat am Dienstag beschlossen, die "
      "Hafenfähre über den Winter zu schließen. Die Entscheidung sei mit Blick auf die "
      "Sicherheit der Besatzung gefallen, sagte der Bürgermeister.\n",
      "<html lang=\"de\">", "\"language\" : \"de\"" },
    /* The byline in the story's language. */
    { "Stadtrat schließt die Fähre\nVon Jana Beispiel, dpa\n\nDer Stadtrat hat am Dienstag "
      "beschlossen, die Hafenfähre über den Winter zu schließen. Die Entscheidung sei mit "
      "Blick auf die Sicherheit der Besatzung gefallen, sagte der Bürgermeister.\n",
      "<p class=\"byline\">Von Jana Beispiel</p>", "\"language\" : \"de\"" },
    { "Council closes the ferry\n\nThe council voted on Tuesday to close the harbour ferry "
      "for the winter, and the mayor said the decision was made with the safety of the "
      "crews in mind.\n",
      "<html lang=\"en\">", "\"language\" : \"en\"" },
    { "Results\n\nHalifax 3, Dartmouth 1; Truro 2, Windsor 2; Yarmouth 0, Digby 4; "
      "Lunenburg 1, Antigonish 1.\n",
      "<html>", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(DeskProject) project = desk_project_new ();
      g_autoptr(DeskSource) source = source_new (cases[i].text, "story.txt");
      g_autofree char *html = NULL;
      g_autofree char *ninjs = NULL;

      desk_project_add_source (project, source);
      desk_project_start_draft_from (project, source);
      html = export (project, DESK_EXPORT_FORMAT_HTML, FALSE);
      ninjs = export (project, DESK_EXPORT_FORMAT_NINJS, FALSE);

      g_assert_nonnull (strstr (html, cases[i].html));
      if (cases[i].ninjs != NULL)
        g_assert_nonnull (strstr (ninjs, cases[i].ninjs));
      else
        g_assert_null (strstr (ninjs, "\"language\""));
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (goldens); i++)
    {
      g_autofree char *path = g_strdup_printf ("/export/golden/%s", goldens[i].golden);

      g_test_add_data_func (path, &goldens[i], test_golden);
    }
  g_test_add_func ("/export/html/structure", test_html_structure);
  g_test_add_func ("/export/hostile", test_hostile);
  g_test_add_func ("/export/markdown/escapes", test_markdown_escapes);
  g_test_add_func ("/export/text/options", test_text_options);
  g_test_add_func ("/export/text/layout", test_unwrapped_layout);
  g_test_add_func ("/export/format-names", test_format_names);
  g_test_add_func ("/export/to-file", test_to_file);
  g_test_add_func ("/export/language", test_language);

  return g_test_run ();
}
