/* test-formats.c: reading what agencies and websites deliver
 *
 * Three kinds of input: small invented stories in tests/data/formats/, one or two for each
 * format; hostile input written here (malformed markup, truncated JSON, entities that
 * expand or reach for files); and every real agency file in
 * $COPYDESK_SHARED_DIR/wire-formats/ (skipped when absent), each with the figures a desk
 * editor would check: headline, who wrote or sent it, dateline, and how many paragraphs of
 * body it has.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "desk-credit.h"
#include "desk-format.h"
#include "desk-source.h"

/* ---- Helpers ------------------------------------------------------------------------- */

/* Every block points at its text in the rendering (a dateline at its prefix) */
static void
assert_blocks_point_at_text (DeskSource *source)
{
  GListModel *blocks = desk_source_get_blocks (source);
  const char *text = desk_source_get_text (source);
  gsize length = strlen (text);

  g_assert_true (g_utf8_validate (text, -1, NULL));

  for (guint i = 0; i < g_list_model_get_n_items (blocks); i++)
    {
      g_autoptr(DeskBlock) block = g_list_model_get_item (blocks, i);
      gsize start = desk_block_get_start (block);
      gsize end = desk_block_get_end (block);

      g_assert_cmpuint (start, <=, end);
      g_assert_cmpuint (end, <=, length);
      g_assert_true (g_utf8_validate (desk_block_get_text (block), -1, NULL));

      if (desk_block_get_role (block) != DESK_BLOCK_ROLE_DATELINE &&
          !g_str_equal (desk_source_get_format (source), DESK_FORMAT_TEXT))
        {
          g_autofree char *slice = g_strndup (text + start, end - start);

          g_assert_cmpstr (slice, ==, desk_block_get_text (block));
        }
    }
}

static DeskSource *
load_path (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  DeskSource *source;

  source = desk_source_new_for_file (file, 0, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (source);
  assert_blocks_point_at_text (source);

  return source;
}

static DeskSource *
load_fixture (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "formats", name, NULL);

  return load_path (path);
}

static GBytes *
fixture_bytes (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "formats", name, NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  gsize length = 0;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);

  return g_bytes_new_take (g_steal_pointer (&contents), length);
}

static DeskSource *
read_string (const char  *data,
             GError     **error)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, strlen (data));
  DeskSource *source = desk_source_new_from_bytes (bytes, "Pasted text",
                                                   DESK_SOURCE_ORIGIN_PASTE, error);

  if (source != NULL)
    assert_blocks_point_at_text (source);

  return source;
}

static guint
count (DeskSource    *source,
       DeskBlockRole  role)
{
  return desk_source_count_blocks (source, role);
}

static gboolean
has_byline (DeskSource *source,
            const char *name)
{
  const char * const *bylines = desk_source_get_bylines (source);

  for (guint i = 0; bylines[i] != NULL; i++)
    if (g_str_equal (bylines[i], name))
      return TRUE;
  return FALSE;
}

static gboolean
has_credit (DeskSource *source,
            const char *name,
            const char *organization,
            const char *role)
{
  GListModel *credits = desk_source_get_credits (source);

  for (guint i = 0; i < g_list_model_get_n_items (credits); i++)
    {
      g_autoptr(DeskCredit) credit = g_list_model_get_item (credits, i);

      if ((name == NULL || g_strcmp0 (desk_credit_get_name (credit), name) == 0) &&
          (organization == NULL ||
           g_strcmp0 (desk_credit_get_organization (credit), organization) == 0) &&
          (role == NULL || g_strcmp0 (desk_credit_get_role (credit), role) == 0))
        return TRUE;
    }
  return FALSE;
}

/* The role of the first block whose text starts with @prefix */
static int
role_of (DeskSource *source,
         const char *prefix)
{
  GListModel *blocks = desk_source_get_blocks (source);

  for (guint i = 0; i < g_list_model_get_n_items (blocks); i++)
    {
      g_autoptr(DeskBlock) block = g_list_model_get_item (blocks, i);

      if (g_str_has_prefix (desk_block_get_text (block), prefix))
        return desk_block_get_role (block);
    }

  return -1;
}

static gboolean
text_contains (DeskSource *source,
               const char *needle)
{
  return strstr (desk_source_get_text (source), needle) != NULL;
}

/* ---- Detection ------------------------------------------------------------------------- */

static void
test_detect (void)
{
  static const struct { const char *data; const char *format; } cases[] = {
    { "A plain story.\n\nIt has two paragraphs.", DESK_FORMAT_TEXT },
    { "<<URGENT>> Something happened", DESK_FORMAT_TEXT },
    { "<EDITOR'S NOTE> This story contains language some readers may find offensive.",
      DESK_FORMAT_TEXT },
    { "<UPDATE> Ferry crossings resume\n\nPORT AUBREY -- The ferry sailed.", DESK_FORMAT_TEXT },
    { "<inventory><item/></inventory>", DESK_FORMAT_XML },
    { "[UPDATED] A headline", DESK_FORMAT_TEXT },
    { "{Editor's note} a text", DESK_FORMAT_TEXT },
    { "<!DOCTYPE html><html><body><p>x</p></body></html>", DESK_FORMAT_HTML },
    { "  \n<html lang=\"en\"><p>x</p>", DESK_FORMAT_HTML },
    { "<!-- saved from url --><div class=\"story\"><p>x</p></div>", DESK_FORMAT_HTML },
    { "<p>A pasted paragraph.</p><p>Another.</p>", DESK_FORMAT_HTML },
    { "\xef\xbb\xbf<?xml version=\"1.0\"?><!-- c -->"
      "<newsItem xmlns=\"http://iptc.org/std/nar/2006-10-01/\"/>",
      DESK_FORMAT_NEWSML_G2 },
    { "<?xml version=\"1.0\"?><newsMessage xmlns=\"http://iptc.org/std/nar/2006-10-01/\"/>",
      DESK_FORMAT_NEWSML_G2 },
    { "<?xml version=\"1.0\"?><g2:newsItem xmlns:g2=\"http://iptc.org/std/nar/2006-10-01/\"/>",
      DESK_FORMAT_NEWSML_G2 },
    { "<?xml version=\"1.0\"?>\n<!DOCTYPE nitf SYSTEM \"nitf.dtd\" [ <!ENTITY x \"y\"> ]>\n<nitf/>",
      DESK_FORMAT_NITF },
    { "<?xml version=\"1.0\"?><NewsML Version=\"1.2\"/>", DESK_FORMAT_NEWSML },
    { "<?xml version=\"1.0\"?><html xmlns=\"http://www.w3.org/1999/xhtml\"/>", DESK_FORMAT_HTML },
    { "<?xml version=\"1.0\"?><rss version=\"2.0\"/>", DESK_FORMAT_XML },
    { "{ \"headline\": \"x\", \"body_text\": \"y\" }", DESK_FORMAT_NINJS },
    { "{\"headlines\": [{\"role\": \"main\", \"value\": \"x\"}], \"uri\": \"u\"}",
      DESK_FORMAT_NINJS },
    { "{\"name\": \"x\", \"price\": 3}", DESK_FORMAT_JSON },
    { "[{\"headline\": \"x\", \"body_text\": \"y\"}]", DESK_FORMAT_JSON },
    { "\x16\x16\x01W0417\x1fregional\nr a\x13\x11 BC-CN--Ferry 03-04 0412\n\x02^x<\n",
      DESK_FORMAT_ANPA },
    { "\x01" "abc117 3 i 180 cccca   dpa 052\r\n\r\nslug/\r\n\x02Headline =\r\n",
      DESK_FORMAT_IPTC7901 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_test_message ("case %u", i);
      g_assert_cmpstr (desk_format_detect ((const guint8 *)cases[i].data, strlen (cases[i].data)),
                       ==, cases[i].format);
    }

  g_assert_cmpstr (desk_format_detect (NULL, 0), ==, DESK_FORMAT_TEXT);
}

/* The name of a file does not matter: the content does */
static void
test_detect_by_content (void)
{
  g_autoptr(GBytes) bytes = fixture_bytes ("ferry.nitf.xml");
  g_autoptr(GError) error = NULL;
  g_autoptr(DeskSource) source = desk_source_new_from_bytes (bytes, "story.txt",
                                                             DESK_SOURCE_ORIGIN_FILE, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (desk_source_get_format (source), ==, DESK_FORMAT_NITF);
}

/* ---- Web pages ------------------------------------------------------------------------- */

static void
test_html_page (void)
{
  g_autoptr(DeskSource) source = load_fixture ("harbour-ferry.html");

  g_assert_cmpstr (desk_source_get_format (source), ==, DESK_FORMAT_HTML);
  g_assert_cmpstr (desk_source_get_title (source), ==,
                   "Ferry service to Port Aubrey resumes after storm");
  g_assert_cmpstr (desk_source_get_dateline (source), ==, "PORT AUBREY, Newfoundland");
  g_assert_cmpstr (desk_source_get_date (source), ==, "2026-03-04");
  g_assert_cmpstr (desk_source_get_guid (source), ==,
                   "https://courier.example/news/ferry-service-resumes");
  g_assert_true (has_byline (source, "Mara Quinlan"));
  g_assert_true (has_credit (source, "Leah Ostrander", NULL, DESK_CREDIT_ROLE_PHOTOGRAPHER));

  g_assert_cmpuint (count (source, DESK_BLOCK_ROLE_HEADLINE), ==, 1);
  g_assert_cmpuint (count (source, DESK_BLOCK_ROLE_DECK), ==, 1);
  g_assert_cmpuint (count (source, DESK_BLOCK_ROLE_BYLINE), ==, 1);
  g_assert_cmpuint (count (source, DESK_BLOCK_ROLE_DATELINE), ==, 1);
  g_assert_cmpuint (count (source, DESK_BLOCK_ROLE_CAPTION), ==, 1);
  g_assert_cmpuint (count (source, DESK_BLOCK_ROLE_BODY), ==, 5);

  /* The page around the story is kept, as furniture */
  g_assert_cmpint (role_of (source, "News \xc2\xb7 Sport"), ==, DESK_BLOCK_ROLE_FURNITURE);
  g_assert_cmpint (role_of (source, "The Gannet Bay Courier"), ==, DESK_BLOCK_ROLE_FURNITURE);
  g_assert_cmpint (role_of (source, "Share on Facebook"), ==, DESK_BLOCK_ROLE_FURNITURE);
  g_assert_cmpint (role_of (source, "Storm closes terminal"), ==, DESK_BLOCK_ROLE_FURNITURE);
  g_assert_cmpint (role_of (source, "It is about time"), ==, DESK_BLOCK_ROLE_FURNITURE);
  g_assert_cmpint (role_of (source, "Council votes on wharf lease"), ==, DESK_BLOCK_ROLE_FURNITURE);
  g_assert_cmpint (role_of (source, "Transport"), ==, DESK_BLOCK_ROLE_FURNITURE);

  /* Hidden text and scripts are not */
  g_assert_false (text_contains (source, "Skip to content"));
  g_assert_false (text_contains (source, "dataLayer"));
}

static void
test_html_old_page (void)
{
  g_autoptr(DeskSource) source = load_fixture ("riverside-latin1.html");

  g_assert_cmpstr (desk_source_get_format (source), ==, DESK_FORMAT_HTML);
  g_assert_cmpstr (desk_source_get_encoding (source), ==, "WINDOWS-1252");
  g_assert_cmpstr (desk_source_get_title (source), ==,
                   "Mill town votes to keep its caf\xc3\xa9 licence");
  g_assert_cmpstr (desk_source_get_dateline (source), ==, "SAINT-ANSELME");
  g_assert_cmpstr (desk_source_get_date (source), ==, "2026-05-12");
  g_assert_true (has_byline (source, "Odile Brassard"));
  g_assert_cmpuint (count (source, DESK_BLOCK_ROLE_BODY), ==, 4);
  g_assert_cmpint (role_of (source, "I have lived on that street"), ==, DESK_BLOCK_ROLE_FURNITURE);
  g_assert_cmpint (role_of (source, "Home | Local"), ==, DESK_BLOCK_ROLE_FURNITURE);
}

static void
test_html_fragment (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DeskSource) source =
    read_string ("<p>HALIFAX, Nova Scotia -- The harbour ferry ran late on Friday.</p>\n"
                 "<p>Passengers waited for an hour, the operator said.<br>It apologised.</p>",
                 &error);

  g_assert_no_error (error);
  g_assert_cmpstr (desk_source_get_format (source), ==, DESK_FORMAT_HTML);
  g_assert_cmpstr (desk_source_get_dateline (source), ==, "HALIFAX, Nova Scotia");
  g_assert_cmpuint (count (source, DESK_BLOCK_ROLE_BODY), ==, 2);
  g_assert_true (text_contains (source, "the operator said. It apologised."));
}

static void
test_html_broken (void)
{
  static const char * const pages[] = {
    "<html><body><div><p>Unclosed paragraph about the harbour <b>bold <i>italic</div>"
    "<p>Another paragraph, with enough words in it to be a paragraph of a story.</body>",
    "<html><head><title>Only a title</title></head></html>",
    "<div class=\"a\" <p>>><<</p> stray & ampersand &#xZZ; &bogus; text</div>",
    "<body>\xff\xfe\x80 bytes that are not UTF-8 <p>and a paragraph</p>",
  };

  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(DeskSource) source = read_string (pages[i], &error);

      g_test_message ("page %u", i);
      g_assert_no_error (error);
      g_assert_cmpuint (g_list_model_get_n_items (desk_source_get_blocks (source)), >, 0);
    }
}

/* Deeper than the walker goes, the text is kept; deeper than libxml2 parses (256), the
 * page is cut there, with no crash */
static void
test_html_deep_nesting (void)
{
  static const guint depths[] = { 240, 5000 };

  for (guint d = 0; d < G_N_ELEMENTS (depths); d++)
    {
      g_autoptr(GString) page = g_string_new ("<html><body><p>A first paragraph, at the top.</p>");
      g_autoptr(GError) error = NULL;
      g_autoptr(DeskSource) source = NULL;

      for (guint i = 0; i < depths[d]; i++)
        g_string_append (page, "<div>");
      g_string_append (page, "<p>Deep down, a paragraph of the story with some words in it.</p>");

      source = read_string (page->str, &error);
      g_assert_no_error (error);
      g_assert_nonnull (source);
      if (depths[d] < 256)
        g_assert_true (text_contains (source, "Deep down, a paragraph"));
    }
}

/* ---- NewsML-G2 ------------------------------------------------------------------------- */

static void
test_newsml_g2_message (void)
{
  g_autoptr(GBytes) bytes = fixture_bytes ("ferry-g2-message.xml");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) sources = desk_source_new_all_from_bytes (bytes, "ferry-g2-message.xml",
                                                                 DESK_SOURCE_ORIGIN_FILE, &error);
  DeskSource *ferry;
  DeskSource *wharf;

  g_assert_no_error (error);
  g_assert_cmpuint (sources->len, ==, 2);
  ferry = g_ptr_array_index (sources, 0);
  wharf = g_ptr_array_index (sources, 1);
  assert_blocks_point_at_text (ferry);
  assert_blocks_point_at_text (wharf);

  g_assert_cmpstr (desk_source_get_name (ferry), ==, "ferry-g2-message.xml (1 of 2)");
  g_assert_cmpstr (desk_source_get_format (ferry), ==, DESK_FORMAT_NEWSML_G2);
  g_assert_cmpstr (desk_source_get_title (ferry), ==,
                   "Ferry crossings resume after Newfoundland storm");
  g_assert_cmpstr (desk_source_get_slug (ferry), ==, "CANADA-FERRY");
  g_assert_cmpstr (desk_source_get_guid (ferry), ==, "urn:newsml:courier.example:20260304:ferry");
  g_assert_cmpint (desk_source_get_version (ferry), ==, 3);
  g_assert_cmpstr (desk_source_get_signal (ferry), ==, "correction");
  g_assert_cmpstr (desk_source_get_dateline (ferry), ==, "PORT AUBREY, Newfoundland");
  g_assert_cmpstr (desk_source_get_agency (ferry), ==, "Reuters");
  g_assert_cmpstr (desk_source_get_date (ferry), ==, "2026-03-04");
  g_assert_true (has_byline (ferry, "Mara Quinlan"));
  g_assert_true (has_credit (ferry, "Noor Haddad", NULL, DESK_CREDIT_ROLE_CONTRIBUTOR));
  g_assert_true (has_credit (ferry, "Piet Aalders", NULL, DESK_CREDIT_ROLE_EDITOR));
  g_assert_cmpuint (count (ferry, DESK_BLOCK_ROLE_HEADLINE), ==, 1);
  g_assert_cmpuint (count (ferry, DESK_BLOCK_ROLE_DECK), ==, 1);
  g_assert_cmpuint (count (ferry, DESK_BLOCK_ROLE_BODY), ==, 3);
  g_assert_cmpuint (count (ferry, DESK_BLOCK_ROLE_CAPTION), ==, 1);
  g_assert_cmpuint (count (ferry, DESK_BLOCK_ROLE_CREDIT), ==, 2);
  g_assert_cmpint (role_of (ferry, "Corrects the number"), ==, DESK_BLOCK_ROLE_FURNITURE);
  g_assert_true (text_contains (ferry, "said & added"));

  g_assert_cmpstr (desk_source_get_title (wharf), ==, "Council to vote on wharf lease");
  g_assert_cmpstr (desk_source_get_dateline (wharf), ==, "GANNET BAY");
  g_assert_cmpuint (count (wharf, DESK_BLOCK_ROLE_BODY), ==, 2);
  g_assert_cmpstr (desk_source_get_signal (wharf), ==, NULL);
  g_assert_cmpstr (desk_source_get_id (ferry), !=, desk_source_get_id (wharf));
  g_assert_false (desk_source_is_same_story (ferry, wharf));

  /* Read as one source, a message is its first story */
  {
    g_autoptr(DeskSource) first = load_fixture ("ferry-g2-message.xml");

    g_assert_cmpstr (desk_source_get_title (first), ==, desk_source_get_title (ferry));
    g_assert_cmpstr (desk_source_get_id (first), ==, desk_source_get_id (ferry));
  }
}

static void
test_newsml_g2_versions (void)
{
  g_autoptr(DeskSource) first = load_fixture ("ferry-g2-v1.xml");
  g_autoptr(DeskSource) second = load_fixture ("ferry-g2-v2.xml");

  g_assert_cmpint (desk_source_get_version (first), ==, 1);
  g_assert_cmpint (desk_source_get_version (second), ==, 2);
  g_assert_cmpstr (desk_source_get_signal (first), ==, NULL);
  g_assert_cmpstr (desk_source_get_signal (second), ==, "update");
  g_assert_cmpstr (desk_source_get_dateline (first), ==, "GANNET BAY, Newfoundland");
  g_assert_cmpuint (count (first, DESK_BLOCK_ROLE_BODY), ==, 2);
  g_assert_cmpuint (count (second, DESK_BLOCK_ROLE_BODY), ==, 3);

  g_assert_true (desk_source_is_same_story (second, first));
  g_assert_true (desk_source_is_update_of (second, first));
  g_assert_false (desk_source_is_update_of (first, second));
  g_assert_false (desk_source_is_update_of (first, first));
}

/* ---- NITF, ninjs, NewsML 1.x ----------------------------------------------------------------- */

static void
test_nitf (void)
{
  g_autoptr(DeskSource) source = load_fixture ("ferry.nitf.xml");

  g_assert_cmpstr (desk_source_get_format (source), ==, DESK_FORMAT_NITF);
  g_assert_cmpstr (desk_source_get_title (source), ==, "Ferry crossings resume after storm");
  g_assert_cmpstr (desk_source_get_slug (source), ==, "canada-ferry");
  g_assert_cmpint (desk_source_get_version (source), ==, 2);
  g_assert_cmpstr (desk_source_get_agency (source), ==, "The Associated Press");
  g_assert_cmpstr (desk_source_get_dateline (source), ==, "Port Aubrey");
  g_assert_cmpstr (desk_source_get_date (source), ==, "2026-03-04");
  g_assert_true (has_byline (source, "Mara Quinlan"));
  g_assert_true (has_credit (source, "Leah Ostrander", NULL, DESK_CREDIT_ROLE_PHOTOGRAPHER));
  g_assert_true (has_credit (source, "Noor Haddad", NULL, DESK_CREDIT_ROLE_CONTRIBUTOR));

  g_assert_cmpuint (count (source, DESK_BLOCK_ROLE_DECK), ==, 1);
  g_assert_cmpuint (count (source, DESK_BLOCK_ROLE_BYLINE), ==, 1);
  g_assert_cmpuint (count (source, DESK_BLOCK_ROLE_DATELINE), ==, 1);
  g_assert_cmpuint (count (source, DESK_BLOCK_ROLE_BODY), ==, 5);
  g_assert_cmpuint (count (source, DESK_BLOCK_ROLE_CAPTION), ==, 2);
  g_assert_cmpuint (count (source, DESK_BLOCK_ROLE_CREDIT), ==, 1);
  g_assert_cmpint (role_of (source, "Backlog"), ==, DESK_BLOCK_ROLE_FURNITURE);
  g_assert_cmpint (role_of (source, "Terminal | Trucks waiting"), ==, DESK_BLOCK_ROLE_FURNITURE);
  g_assert_cmpint (role_of (source, "Gannet Bay | 86"), ==, DESK_BLOCK_ROLE_BODY);
  g_assert_cmpint (role_of (source, "Moves on the regional wire"), ==, DESK_BLOCK_ROLE_FURNITURE);
  g_assert_true (text_contains (source, "run extra sailings through"));
}

static void
test_ninjs_1 (void)
{
  g_autoptr(DeskSource) source = load_fixture ("ferry-ninjs1.json");

  g_assert_cmpstr (desk_source_get_format (source), ==, DESK_FORMAT_NINJS);
  g_assert_cmpstr (desk_source_get_title (source), ==, "Ferry crossings resume after storm");
  g_assert_cmpstr (desk_source_get_slug (source), ==, "CANADA-FERRY");
  g_assert_cmpint (desk_source_get_version (source), ==, 2);
  g_assert_cmpstr (desk_source_get_guid (source), ==, "http://courier.example/ninjs/ferry");
  g_assert_cmpstr (desk_source_get_dateline (source), ==, "PORT AUBREY, Newfoundland");
  g_assert_true (has_byline (source, "Mara Quinlan"));
  g_assert_true (has_byline (source, "Noor Haddad"));
  g_assert_true (has_credit (source, "Leah Ostrander", NULL, DESK_CREDIT_ROLE_PHOTOGRAPHER));
  g_assert_cmpuint (count (source, DESK_BLOCK_ROLE_DECK), ==, 1);
  g_assert_cmpuint (count (source, DESK_BLOCK_ROLE_BODY), ==, 2);
  g_assert_cmpuint (count (source, DESK_BLOCK_ROLE_CAPTION), ==, 1);
  g_assert_cmpint (role_of (source, "\xc2\xa9 2026"), ==, DESK_BLOCK_ROLE_FURNITURE);
  g_assert_cmpint (role_of (source, "Updates with first sailing"), ==, DESK_BLOCK_ROLE_FURNITURE);
}

static void
test_ninjs_2 (void)
{
  g_autoptr(DeskSource) source = load_fixture ("ferry-ninjs2.json");

  g_assert_cmpstr (desk_source_get_title (source), ==,
                   "Ferry crossings resume, backlog starts to clear");
  g_assert_cmpint (desk_source_get_version (source), ==, 3);
  g_assert_cmpstr (desk_source_get_dateline (source), ==, "Port Aubrey");
  g_assert_cmpstr (desk_source_get_agency (source), ==, "Deutsche Presse-Agentur");
  g_assert_true (has_byline (source, "Jonas Feld"));
  g_assert_false (has_credit (source, "Tomas Reyes", NULL, NULL));
  g_assert_cmpuint (count (source, DESK_BLOCK_ROLE_DECK), ==, 1);
  g_assert_cmpuint (count (source, DESK_BLOCK_ROLE_BODY), ==, 3);
}

static void
test_newsml_1 (void)
{
  g_autoptr(DeskSource) source = load_fixture ("ferry-newsml1.xml");

  g_assert_cmpstr (desk_source_get_format (source), ==, DESK_FORMAT_NEWSML);
  g_assert_cmpstr (desk_source_get_title (source), ==,
                   "Ferries run again to storm-hit Canadian island town");
  g_assert_cmpstr (desk_source_get_dateline (source), ==, "PORT AUBREY, Canada");
  g_assert_cmpstr (desk_source_get_agency (source), ==, "Agence France-Presse");
  g_assert_cmpstr (desk_source_get_guid (source), ==, "urn:newsml:afp.com:20260304:TX-PAR-FERRY");
  g_assert_cmpstr (desk_source_get_slug (source), ==, "Canada-ferry");
  g_assert_cmpint (desk_source_get_version (source), ==, 2);
  g_assert_cmpstr (desk_source_get_signal (source), ==, "update");
  g_assert_true (has_byline (source, "Claire Martel"));
  g_assert_cmpuint (count (source, DESK_BLOCK_ROLE_BODY), ==, 2);
  g_assert_cmpint (role_of (source, "cm/jfe"), ==, DESK_BLOCK_ROLE_CREDIT);
}

/* ---- Teletype ----------------------------------------------------------------------------- */

static void
test_anpa (void)
{
  g_autoptr(DeskSource) first = load_fixture ("ferry-v1.anpa");
  g_autoptr(DeskSource) writethru = load_fixture ("ferry-v2.anpa");

  g_assert_cmpstr (desk_source_get_format (first), ==, DESK_FORMAT_ANPA);
  g_assert_cmpstr (desk_source_get_title (first), ==, "Ferry service to resume after storm");
  g_assert_cmpstr (desk_source_get_slug (first), ==, "BC-CN--Canada-Ferry Service");
  g_assert_cmpint (desk_source_get_version (first), ==, 1);
  g_assert_cmpstr (desk_source_get_signal (first), ==, NULL);
  g_assert_cmpstr (desk_source_get_dateline (first), ==, "PORT AUBREY, Newfoundland");
  g_assert_cmpstr (desk_source_get_agency (first), ==, "The Associated Press");
  g_assert_cmpstr (desk_source_get_date (first), ==, "2026-03-04");
  g_assert_true (has_byline (first, "Mara Quinlan"));
  g_assert_cmpuint (count (first, DESK_BLOCK_ROLE_BODY), ==, 3);
  g_assert_cmpint (role_of (first, "Eds:"), ==, DESK_BLOCK_ROLE_FURNITURE);
  g_assert_cmpint (role_of (first, "AP Photo"), ==, DESK_BLOCK_ROLE_FURNITURE);
  /* No control characters, curly quotes for `` and '' */
  g_assert_null (strchr (desk_source_get_text (first), '\x02'));
  g_assert_true (text_contains (first, "\xe2\x80\x9cWe expect"));

  g_assert_cmpstr (desk_source_get_slug (writethru), ==, "BC-CN--Canada-Ferry Service");
  g_assert_cmpint (desk_source_get_version (writethru), ==, 2);
  g_assert_cmpstr (desk_source_get_signal (writethru), ==, "update");
  g_assert_cmpuint (count (writethru, DESK_BLOCK_ROLE_BODY), ==, 4);
  g_assert_cmpuint (count (writethru, DESK_BLOCK_ROLE_CREDIT), ==, 1);
  g_assert_true (has_credit (writethru, "Noor Haddad", NULL, DESK_CREDIT_ROLE_CONTRIBUTOR));
  /* "_" between words is a dash */
  g_assert_true (text_contains (writethru, "terminals \xe2\x80\x94 some"));

  g_assert_true (desk_source_is_update_of (writethru, first));
  g_assert_false (desk_source_is_update_of (first, writethru));
}

static void
test_iptc7901 (void)
{
  g_autoptr(DeskSource) source = load_fixture ("ferry.7901");

  g_assert_cmpstr (desk_source_get_format (source), ==, DESK_FORMAT_IPTC7901);
  g_assert_cmpstr (desk_source_get_encoding (source), ==, "WINDOWS-1252");
  g_assert_cmpstr (desk_source_get_title (source), ==,
                   "Ferry to Port Aubrey sails again after storm");
  g_assert_cmpstr (desk_source_get_slug (source), ==, "Canada-transport/ferry");
  g_assert_cmpint (desk_source_get_version (source), ==, 2);
  g_assert_cmpstr (desk_source_get_dateline (source), ==, "Port Aubrey");
  g_assert_cmpstr (desk_source_get_agency (source), ==, "Deutsche Presse-Agentur");
  g_assert_true (has_byline (source, "Jonas Feld"));
  g_assert_true (has_credit (source, "Clara Weiss", NULL, DESK_CREDIT_ROLE_EDITOR));
  g_assert_cmpuint (count (source, DESK_BLOCK_ROLE_BODY), ==, 3);
  g_assert_cmpint (role_of (source, "1ST LEAD"), ==, DESK_BLOCK_ROLE_FURNITURE);
  g_assert_cmpint (role_of (source, "dpa jfe cwe"), ==, DESK_BLOCK_ROLE_CREDIT);
  g_assert_true (text_contains (source, "caf\xc3\xa9 on board"));
}

static void
test_text_keyword_line (void)
{
  g_autoptr(DeskSource) source = load_fixture ("ferry-wire.txt");
  g_autoptr(DeskSource) anpa = load_fixture ("ferry-v2.anpa");

  g_assert_cmpstr (desk_source_get_format (source), ==, DESK_FORMAT_TEXT);
  g_assert_cmpstr (desk_source_get_slug (source), ==, "BC-CN--Canada-Ferry Service");
  g_assert_cmpint (desk_source_get_version (source), ==, 3);
  g_assert_cmpstr (desk_source_get_signal (source), ==, "update");

  /* A second writethru pasted as text updates the first, delivered as ANPA */
  g_assert_true (desk_source_is_update_of (source, anpa));
}

/* Found by story (guid, slug) for all at once: the same as asking every pair. The fixtures
 * hold writethrus by version, by signal, across formats and in plain text, stories with no
 * slug, and a story twice (the G2 message's and the G2 item's). */
static void
test_find_updates (void)
{
  static const char * const names[] = {
    "ferry-v1.anpa", "ferry-g2-v1.xml", "ferry-wire.txt", "ferry-v2.anpa", "ferry-g2-v2.xml",
    "ferry.7901", "ferry.nitf.xml", "ferry-ninjs1.json", "ferry-ninjs2.json", "ferry-newsml1.xml",
    "ferry-g2-message.xml", "harbour-ferry.html", "ferry-v1.anpa",
  };
  g_autoptr(GPtrArray) sources = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) updates = NULL;
  guint n_updates = 0;

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    g_ptr_array_add (sources, load_fixture (names[i]));

  updates = desk_source_find_updates ((DeskSource **)sources->pdata, sources->len);
  g_assert_cmpuint (updates->len, ==, sources->len);
  for (guint i = 0; i < sources->len; i++)
    {
      GPtrArray *found = g_ptr_array_index (updates, i);
      guint k = 0;

      for (guint j = 0; j < sources->len; j++)
        if (j != i && desk_source_is_update_of (g_ptr_array_index (sources, i),
                                                g_ptr_array_index (sources, j)))
          {
            g_assert_cmpuint (k, <, found->len);
            g_assert_true (g_ptr_array_index (found, k) == g_ptr_array_index (sources, j));
            k++;
          }
      g_assert_cmpuint (k, ==, found->len);
      n_updates += found->len;
    }
  /* The ANPA writethru updates both copies of the first ANPA version; the text one, both
   * ANPA versions. */
  g_assert_cmpuint (((GPtrArray *)g_ptr_array_index (updates, 3))->len, >=, 2);
  g_assert_cmpuint (((GPtrArray *)g_ptr_array_index (updates, 2))->len, >=, 3);
  g_assert_cmpuint (n_updates, >=, 6);

  g_clear_pointer (&updates, g_ptr_array_unref);
  updates = desk_source_find_updates (NULL, 0);
  g_assert_cmpuint (updates->len, ==, 0);
}

/* ---- Hostile input ------------------------------------------------------------------------ */

static void
assert_refused (const char *data,
                int         code,
                const char *in_message)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DeskSource) source = read_string (data, &error);

  g_assert_null (source);
  g_assert_error (error, DESK_ERROR, code);
  g_test_message ("%s", error->message);
  g_assert_true (g_str_has_prefix (error->message,
                                   "Cannot read \xe2\x80\x9cPasted text\xe2\x80\x9d: "));
  g_assert_nonnull (strstr (error->message, in_message));
}

static void
test_hostile_malformed (void)
{
  assert_refused ("<?xml version=\"1.0\"?><nitf><body><body.content><p>Cut off",
                  DESK_ERROR_MALFORMED, "not valid NITF: ");
  assert_refused ("<newsItem xmlns=\"http://iptc.org/std/nar/2006-10-01/\"><contentMeta>"
                  "<headline>x</contentMeta></newsItem>",
                  DESK_ERROR_MALFORMED, "not valid NewsML-G2: ");
  assert_refused ("<?xml version=\"1.0\"?><NewsML><NewsItem><NewsComponent>",
                  DESK_ERROR_MALFORMED, "not valid NewsML 1.x: ");
  assert_refused ("{\"headline\": \"Ferry\", \"body_text\": \"Crossings resum",
                  DESK_ERROR_MALFORMED, "not valid ninjs: ");
  assert_refused ("{\"headline\": 42, \"body_text\": 7, \"uri\": \"x\"}",
                  DESK_ERROR_MALFORMED, "no headline and no body");
  assert_refused ("<?xml version=\"1.0\"?><nitf/>", DESK_ERROR_EMPTY, "no headline and no text");
  assert_refused ("<?xml version=\"1.0\"?>"
                  "<newsMessage xmlns=\"http://iptc.org/std/nar/2006-10-01/\">"
                  "<itemSet/></newsMessage>", DESK_ERROR_EMPTY, "no news item");
}

static void
test_hostile_unsupported (void)
{
  assert_refused ("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel/></rss>",
                  DESK_ERROR_UNSUPPORTED, "RSS");
  assert_refused ("<?xml version=\"1.0\"?><inventory><item/></inventory>",
                  DESK_ERROR_UNSUPPORTED, "<inventory>");
  assert_refused ("{\"name\": \"ferry\", \"price\": 3}",
                  DESK_ERROR_UNSUPPORTED, "not a ninjs news item");
  assert_refused ("[{\"headline\": \"a\", \"body_text\": \"b\"}]", DESK_ERROR_UNSUPPORTED, "JSON");
  assert_refused ("<?xml version=\"1.0\"?>"
                  "<planningItem xmlns=\"http://iptc.org/std/nar/2006-10-01/\"/>",
                  DESK_ERROR_UNSUPPORTED, "planningItem");
}

/* Members of the wrong type are ignored, never trusted */
static void
test_hostile_json_types (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DeskSource) source =
    read_string ("{\"headline\": 42, \"headlines\": \"not a list\", \"byline\": {\"a\": 1},"
                 " \"version\": true, \"body_html\": [\"x\"],"
                 " \"bodies\": [1, null, {\"value\": 3}],"
                 " \"associations\": [1, 2], \"located\": 7, \"people\": {\"name\": \"x\"},"
                 " \"body_text\": \"The ferry ran late on Friday, the operator said.\"}",
                 &error);

  g_assert_no_error (error);
  g_assert_cmpstr (desk_source_get_format (source), ==, DESK_FORMAT_NINJS);
  g_assert_null (desk_source_get_title (source));
  g_assert_cmpint (desk_source_get_version (source), ==, 0);
  g_assert_cmpuint (count (source, DESK_BLOCK_ROLE_BODY), ==, 1);
}

static void
test_hostile_external_entity (void)
{
  static const char * const files[] = {
    "<?xml version=\"1.0\"?>\n<!DOCTYPE nitf [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>\n"
    "<nitf><body><body.head><hedline><hl1>Ferry &e; news</hl1></hedline></body.head>"
    "<body.content><p>The ferry &e; ran late.</p></body.content></body></nitf>",
    "<?xml version=\"1.0\"?>\n"
    "<!DOCTYPE newsItem [<!ENTITY % p SYSTEM \"file:///etc/passwd\"> %p;]>\n"
    "<newsItem xmlns=\"http://iptc.org/std/nar/2006-10-01/\" guid=\"g\" version=\"1\">"
    "<contentMeta><headline>Ferry</headline></contentMeta></newsItem>",
    "<?xml version=\"1.0\"?>\n<!DOCTYPE NewsML SYSTEM \"http://127.0.0.1:9/newsml.dtd\">\n"
    "<NewsML><NewsItem><NewsComponent><NewsLines><HeadLine>Ferry &ent;</HeadLine></NewsLines>"
    "</NewsComponent></NewsItem></NewsML>",
  };

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(DeskSource) source = read_string (files[i], &error);

      g_test_message ("file %u: %s", i, error ? error->message : "read");
      /* Refused, or read with the entity left as it is written: never the file's content */
      if (source != NULL)
        {
          g_assert_false (text_contains (source, "root:"));
          g_assert_false (text_contains (source, "/bin/"));
        }
      else
        g_assert_error (error, DESK_ERROR, DESK_ERROR_MALFORMED);
    }

  {
    g_autoptr(GError) error = NULL;
    g_autoptr(DeskSource) source = read_string (files[0], &error);

    g_assert_no_error (error);
    g_assert_true (text_contains (source, "The ferry &e; ran late."));
  }
}

static void
test_hostile_entity_bomb (void)
{
  g_autoptr(GString) bomb = g_string_new ("<?xml version=\"1.0\"?>\n<!DOCTYPE nitf [\n"
                                          "<!ENTITY lol \"lol\">\n");
  gint64 start;

  for (guint i = 1; i <= 9; i++)
    {
      g_string_append_printf (bomb, "<!ENTITY lol%u \"", i);
      for (guint j = 0; j < 10; j++)
        {
          if (i == 1)
            g_string_append (bomb, "&lol;");
          else
            g_string_append_printf (bomb, "&lol%u;", i - 1);
        }
      g_string_append (bomb, "\">\n");
    }
  g_string_append (bomb, "]>\n<nitf><body><body.head><hedline><hl1>&lol9;</hl1></hedline>"
                         "</body.head><body.content><p>&lol9; &lol5;</p></body.content>"
                         "</body></nitf>");

  start = g_get_monotonic_time ();
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(DeskSource) source = read_string (bomb->str, &error);

    if (source != NULL)
      g_assert_cmpuint (strlen (desk_source_get_text (source)), <, 10000);
    else
      g_assert_error (error, DESK_ERROR, DESK_ERROR_MALFORMED);
  }
  g_assert_cmpint (g_get_monotonic_time () - start, <, 5 * G_USEC_PER_SEC);

  /* A smaller one that libxml2 lets through stays unexpanded */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(DeskSource) source =
      read_string ("<?xml version=\"1.0\"?><!DOCTYPE nitf [<!ENTITY a \"aaaaaaaaaa\">"
                   "<!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">]>"
                   "<nitf><body><body.content><p>Ferry &b; &b;</p></body.content></body></nitf>",
                   &error);

    g_assert_no_error (error);
    g_assert_true (text_contains (source, "Ferry &b; &b;"));
  }
}

static void
test_hostile_teletype (void)
{
  static const char * const files[] = {
    "\x16\x16\x01",
    "\x16\x16\x01W0001\x1f\n\x02^<\n^=\n\t\x08\x10\x1e\x1f\n\x03",
    "\x01" "abc117 3 i 180 cccca dpa 052\r\n\x02=\r\n\x03",
    "\x01" "abc117 3 i 180 cccca dpa 052\r\n\x02Headline only =\r\n",
  };

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(DeskSource) source = read_string (files[i], &error);

      g_test_message ("file %u: %s", i, error ? error->message : "read");
      g_assert_true (source != NULL || error != NULL);
    }
}

/* ---- The agency files in the shared folder --------------------------------------------------- */

/* The agencies' text stays out of this repository: the headline, slug, name and dateline
 * each file must give are written here as the first 12 hex digits of their SHA-256. The
 * test prints what it read, so a failure is easy to look into. */
typedef struct
{
  const char *path;       /* under wire-formats/ */
  const char *format;
  const char *title;      /* NULL: the format gives none, and the slug stands in */
  const char *slug;
  const char *who;        /* a byline name, else a credit's name or organisation, else the agency */
  const char *dateline;   /* NULL where the file has none */
  guint       n_body;     /* paragraphs of body, counted by reading the file */
} WireFile;

/* The fingerprint of @text, or %NULL for %NULL */
static char *
fingerprint (const char *text)
{
  g_autofree char *sum = NULL;

  if (text == NULL)
    return NULL;

  sum = g_compute_checksum_for_string (G_CHECKSUM_SHA256, text, -1);
  return g_strndup (sum, 12);
}

static void
assert_fingerprint (const char *text,
                    const char *expected)
{
  g_autofree char *sum = fingerprint (text);

  g_test_message ("read \"%s\" (%s)", text ? text : "(none)", sum ? sum : "-");
  g_assert_cmpstr (sum, ==, expected);
}

static const WireFile wire_files[] = {
  /* ANPA-1312: paragraphs on a tab, table rows on BS; "___", centred lines, the
   * contributor line after the story and the editors' caret lines are not body */
  { "anpa/anpa-1.tst", DESK_FORMAT_ANPA,
    "944a255c3d9c", "442158a4f658", "400609d7b956", "7589a6065e3b", 13 },
  { "anpa/anpa-2.tst", DESK_FORMAT_ANPA,
    "d4c32a17b16f", "a9a2dce696d5", "42b849a23c3d", "ecaa78c6674b", 32 },
  /* The intro, 106 cities and 7 lines of legend; the column heading is not body */
  { "anpa/anpa-3.tst", DESK_FORMAT_ANPA,
    NULL, "52d6d81a2beb", "11f415dcfd56", "3e90846aacec", 114 },
  { "anpa/anpa-4.tst", DESK_FORMAT_ANPA,
    "8b0be22953c2", "1c14606c7be6", "11f415dcfd56", NULL, 10 },
  { "anpa/ap_anpa-1.tst", DESK_FORMAT_ANPA,
    "fa1dd39e05e4", "6eab14b90d86", "22a66b8eabf8", "6bbebf81b649", 16 },
  /* Standings: 30 rows, 65 lines of results and pitchers */
  { "anpa/ap_anpa-2.tst", DESK_FORMAT_ANPA,
    "84d04cab6179", "b0a1595002af", "11f415dcfd56", NULL, 95 },
  { "anpa/ap_anpa-3.tst", DESK_FORMAT_ANPA,
    "69a71dd20292", "3c35322db685", "11f415dcfd56", "2e2f58bbc3dc", 1 },
  { "anpa/ap_anpa-4.tst", DESK_FORMAT_ANPA,
    "e0d5eb33c977", "9af9cf3c8b37", "83eccd5849f9", "0b9545870ce6", 24 },
  { "anpa/ap_anpa-5.tst", DESK_FORMAT_ANPA,
    NULL, "a692964e1ea5", "11f415dcfd56", "d4008b75b534", 1 },
  { "anpa/ap_anpa-6.tst", DESK_FORMAT_ANPA,
    "8cecebbf72aa", "2a71c1c81613", "11f415dcfd56", NULL, 82 },
  { "anpa/ap_anpa-7.tst", DESK_FORMAT_ANPA,
    "9e7da17d5757", "9d9a0bed2f74", "11f415dcfd56", NULL, 21 },

  /* IPTC 7901: paragraphs between blank lines, up to the notebook */
  { "iptc7901/IPTC7901.txt", DESK_FORMAT_IPTC7901,
    "b72bdc031292", "94e1f5581428", "e816097c4d84", "dad114b6ed73", 5 },
  { "iptc7901/IPTC7901_odd_charset.txt", DESK_FORMAT_IPTC7901,
    "28b8aba68036", "80e49a334c1e", "03879d0e33ad", "45cf96644846", 21 },

  /* NewsML 1.x: AFP's desk initials and ANA's copyright paragraph are not body */
  { "newsml-1/afp.xml", DESK_FORMAT_NEWSML,
    "0dbfa91d8a90", "2053a46fa269", "84a1ff67e693", "7a89e3203d77", 9 },
  { "newsml-1/ana1.xml", DESK_FORMAT_NEWSML,
    "db4cc8003419", NULL, "63f873c50fbf", "e28909073208", 3 },

  /* NewsML-G2 */
  { "newsml-g2/LISTING_1_A_NewsML-G2_News_Item.xml", DESK_FORMAT_NEWSML_G2,
    "c639d8020c53", "13cbb9a24fcd", "45c95622bd69", "dad114b6ed73", 0 },
  { "newsml-g2/ansa-newsmlg2-text.xml", DESK_FORMAT_NEWSML_G2,
    "56ab7573917e", NULL, "62154e6bed11", "d0d220191865", 4 },
  /* The first of three stories; the rest are checked below */
  { "newsml-g2/ap.xml", DESK_FORMAT_NEWSML_G2,
    "d1e11f59f7c9", "7fff806e0570", "03898fc34e42", "2ecc44a8db73", 8 },
  { "newsml-g2/dpa.xml", DESK_FORMAT_NEWSML_G2,
    "bcab797ed69b", NULL, "bfb354e1d6d4", "ecc0e7dc084f", 3 },
  /* The story in English, Swedish and Finnish: 11 + 12 + 12 */
  { "newsml-g2/stt_newsml_test.xml", DESK_FORMAT_NEWSML_G2,
    "a17f033f0850", NULL, "6c78e0e17576", "0cf4e8a7a9a0", 35 },
  /* A package: the headlines of its stories and pictures, no body */
  { "newsml-g2/tag_reuters.com_2014_newsml_KBN0FL0NM_version_10", DESK_FORMAT_NEWSML_G2,
    "74d759db7c9b", "d03106a8e70e", "e06f4b4ed2f7", "1358fa296d21", 0 },
  /* Its body is only the byline */
  { "newsml-g2/text.xml", DESK_FORMAT_NEWSML_G2,
    "7befe0b96bd3", "c2178d77c3da", "91dd79f6995b", "1358fa296d21", 0 },

  /* ninjs */
  { "ninjs/ninjs1.json", DESK_FORMAT_NINJS,
    "25b1ed9615a0", "fe81091f9755", "ea72c7959429", "4c33a0a1bb3e", 1 },
  { "ninjs/ninjs2.json", DESK_FORMAT_NINJS,
    "759601767c8e", "c9ec45f36b46", "db9368975e4e", "c96dd81db196", 8 },
  { "ninjs/ninjs5.json", DESK_FORMAT_NINJS,
    "759601767c8e", "ca3ad017b14e", "db9368975e4e", "c96dd81db196", 8 },
  { "ninjs/ninjsExMediumText1.json", DESK_FORMAT_NINJS,
    "de56c1c1ceab", NULL, "3c9073ec4809", "d40602625c39", 4 },
  { "ninjs/ninjsExSimpleText1.json", DESK_FORMAT_NINJS,
    "de56c1c1ceab", NULL, "b65faa718f65", "d40602625c39", 4 },

  /* NITF */
  { "nitf/aap.xml", DESK_FORMAT_NITF,
    "ac4d14e69074", "b79e1b91772b", "6cea57c2fb6c", "6d5809aba9e2", 12 },
  { "nitf/ap-nitf.xml", DESK_FORMAT_NITF,
    "2ae4a3c28d21", NULL, "598adc9e0cca", "3e90846aacec", 26 },
  /* Agate: ten rows of the table and three lists */
  { "nitf/ap_media_text_nitf.xml", DESK_FORMAT_NITF,
    "13602c18f4eb", "13602c18f4eb", "11f415dcfd56", NULL, 13 },
  { "nitf/efe_nitf.xml", DESK_FORMAT_NITF,
    "143b8ea0c303", NULL, "abec0f1765de", "7195252358ed", 1 },
  { "nitf/nitf-fishing.xml", DESK_FORMAT_NITF,
    "a364aa343c46", "51a8ce1ee30a", "f3929ace839b", "01b7a28ce9f2", 9 },
  /* A fact check: pictures, embed codes and a missing graphic are not body */
  { "nitf/nitf-ntb.xml", DESK_FORMAT_NITF,
    "a24c024dc3b5", "a66d05bbe7b5", "e1cf3cc729f2", "43152cc97f45", 37 },
};

static const char *
wire_dir (void)
{
  static char *dir;
  const char *shared = g_getenv ("COPYDESK_SHARED_DIR");

  if (dir == NULL && shared != NULL)
    dir = g_build_filename (shared, "wire-formats", NULL);

  if (dir == NULL || !g_file_test (dir, G_FILE_TEST_IS_DIR))
    return NULL;

  return dir;
}

/* Whether a byline, a credit or the agency of @source has the fingerprint @who */
static gboolean
names_who (DeskSource *source,
           const char *who)
{
  const char * const *bylines = desk_source_get_bylines (source);
  GListModel *credits = desk_source_get_credits (source);
  g_autoptr(GPtrArray) names = g_ptr_array_new ();

  for (guint i = 0; bylines[i] != NULL; i++)
    g_ptr_array_add (names, (gpointer)bylines[i]);
  for (guint i = 0; i < g_list_model_get_n_items (credits); i++)
    {
      g_autoptr(DeskCredit) credit = g_list_model_get_item (credits, i);

      /* The model keeps the credit alive */
      g_ptr_array_add (names, (gpointer)desk_credit_get_name (credit));
      g_ptr_array_add (names, (gpointer)desk_credit_get_organization (credit));
    }
  g_ptr_array_add (names, (gpointer)desk_source_get_agency (source));

  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *sum = fingerprint (g_ptr_array_index (names, i));

      if (g_strcmp0 (sum, who) == 0)
        return TRUE;
    }

  return FALSE;
}

static void
test_wire_file (gconstpointer data)
{
  const WireFile *wire = data;
  g_autofree char *path = NULL;
  g_autoptr(DeskSource) source = NULL;

  if (wire_dir () == NULL)
    {
      g_test_skip ("$COPYDESK_SHARED_DIR/wire-formats is not here");
      return;
    }

  path = g_build_filename (wire_dir (), wire->path, NULL);
  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_test_skip ("the file is not here");
      return;
    }

  source = load_path (path);

  g_assert_cmpstr (desk_source_get_format (source), ==, wire->format);
  assert_fingerprint (desk_source_get_title (source), wire->title);
  assert_fingerprint (desk_source_get_slug (source), wire->slug);
  g_assert_true (wire->title != NULL || desk_source_get_slug (source) != NULL);
  g_assert_true (names_who (source, wire->who));
  g_assert_nonnull (desk_source_get_agency (source));
  assert_fingerprint (desk_source_get_dateline (source), wire->dateline);
  g_assert_cmpuint (count (source, DESK_BLOCK_ROLE_BODY), ==, wire->n_body);
  g_assert_null (strchr (desk_source_get_text (source), '\x01'));
}

/* Every file in the folder has its line in the table */
static void
test_wire_files_listed (void)
{
  g_autoptr(GDir) formats = NULL;
  const char *dir = wire_dir ();
  const char *format_name;

  if (dir == NULL)
    {
      g_test_skip ("$COPYDESK_SHARED_DIR/wire-formats is not here");
      return;
    }

  formats = g_dir_open (dir, 0, NULL);
  while ((format_name = g_dir_read_name (formats)) != NULL)
    {
      g_autofree char *format_dir = g_build_filename (dir, format_name, NULL);
      g_autoptr(GDir) files = NULL;
      const char *file_name;

      if (!g_file_test (format_dir, G_FILE_TEST_IS_DIR))
        continue;

      files = g_dir_open (format_dir, 0, NULL);
      while ((file_name = g_dir_read_name (files)) != NULL)
        {
          g_autofree char *relative = g_build_filename (format_name, file_name, NULL);
          gboolean listed = FALSE;

          for (guint i = 0; i < G_N_ELEMENTS (wire_files); i++)
            listed |= g_str_equal (wire_files[i].path, relative);

          g_test_message ("%s", relative);
          g_assert_true (listed);
        }
    }
}

/* A news message with several stories gives a source for each */
static void
test_wire_message_items (void)
{
  static const struct { const char *title; const char *dateline; guint n_body; } items[] = {
    { "d1e11f59f7c9", "2ecc44a8db73", 8 },
    { "1ac5109c25e5", "729dd738a475", 9 },
    { "18346cb81a8e", "065ea0e2821a", 5 },
  };

  g_autofree char *path = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GPtrArray) sources = NULL;
  g_autoptr(GError) error = NULL;
  gsize length;

  if (wire_dir () == NULL)
    {
      g_test_skip ("$COPYDESK_SHARED_DIR/wire-formats is not here");
      return;
    }

  path = g_build_filename (wire_dir (), "newsml-g2", "ap.xml", NULL);
  if (!g_file_get_contents (path, &contents, &length, NULL))
    {
      g_test_skip ("the file is not here");
      return;
    }

  bytes = g_bytes_new_take (g_steal_pointer (&contents), length);
  sources = desk_source_new_all_from_bytes (bytes, "ap.xml", DESK_SOURCE_ORIGIN_FILE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (sources->len, ==, G_N_ELEMENTS (items));

  for (guint i = 0; i < G_N_ELEMENTS (items); i++)
    {
      DeskSource *source = g_ptr_array_index (sources, i);

      assert_blocks_point_at_text (source);
      assert_fingerprint (desk_source_get_title (source), items[i].title);
      assert_fingerprint (desk_source_get_dateline (source), items[i].dateline);
      g_assert_cmpstr (desk_source_get_agency (source), ==, "The Associated Press");
      g_assert_cmpuint (count (source, DESK_BLOCK_ROLE_BODY), ==, items[i].n_body);
    }
}

/* A writethru is an update of the story it rewrites. The folder's writethrus have no
 * earlier version beside them, so where a pair is missing the original is made from the
 * writethru by taking its version marks out. */
static void
test_wire_writethru (void)
{
  static const char * const writethrus[] = {
    "anpa/anpa-2.tst", "anpa/ap_anpa-1.tst", "anpa/ap_anpa-3.tst", "anpa/ap_anpa-4.tst",
  };
  g_autoptr(GPtrArray) all = g_ptr_array_new_with_free_func (g_object_unref);
  guint pairs = 0;

  if (wire_dir () == NULL)
    {
      g_test_skip ("$COPYDESK_SHARED_DIR/wire-formats is not here");
      return;
    }

  for (guint i = 0; i < G_N_ELEMENTS (wire_files); i++)
    {
      g_autofree char *path = g_build_filename (wire_dir (), wire_files[i].path, NULL);

      if (g_str_equal (wire_files[i].format, DESK_FORMAT_ANPA) &&
          g_file_test (path, G_FILE_TEST_EXISTS))
        g_ptr_array_add (all, load_path (path));
    }

  /* Pairs that are in the folder */
  for (guint i = 0; i < all->len; i++)
    for (guint j = 0; j < all->len; j++)
      {
        DeskSource *a = g_ptr_array_index (all, i);
        DeskSource *b = g_ptr_array_index (all, j);

        if (i == j || !desk_source_is_same_story (a, b))
          continue;
        pairs++;
        g_assert_true (desk_source_is_update_of (a, b) != desk_source_is_update_of (b, a) ||
                       desk_source_get_version (a) == desk_source_get_version (b));
      }
  g_test_message ("%u pairs of versions in the folder", pairs / 2);

  for (guint i = 0; i < G_N_ELEMENTS (writethrus); i++)
    {
      g_autofree char *path = g_build_filename (wire_dir (), writethrus[i], NULL);
      g_autofree char *contents = NULL;
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(GBytes) original_bytes = NULL;
      g_autoptr(GString) original = NULL;
      g_autoptr(DeskSource) writethru = NULL;
      g_autoptr(DeskSource) earlier = NULL;
      g_autoptr(GError) error = NULL;
      gsize length;

      if (!g_file_get_contents (path, &contents, &length, NULL))
        continue;

      original = g_string_new_len (contents, length);
      g_string_replace (original, "Ld-Writethru", "           ", 0);
      g_string_replace (original, ", 1st  ", "", 0);
      g_string_replace (original, ", 3rd  ", "", 0);
      g_string_replace (original, "1st ", "    ", 0);
      g_string_replace (original, "3rd ", "    ", 0);

      bytes = g_bytes_new_take (g_steal_pointer (&contents), length);
      original_bytes = g_string_free_to_bytes (g_steal_pointer (&original));

      writethru = desk_source_new_from_bytes (bytes, writethrus[i],
                                              DESK_SOURCE_ORIGIN_FILE, &error);
      g_assert_no_error (error);
      earlier = desk_source_new_from_bytes (original_bytes, "original",
                                            DESK_SOURCE_ORIGIN_FILE, &error);
      g_assert_no_error (error);

      g_test_message ("%s: version %d, slug %s; original version %d, slug %s", writethrus[i],
                      desk_source_get_version (writethru), desk_source_get_slug (writethru),
                      desk_source_get_version (earlier), desk_source_get_slug (earlier));

      g_assert_cmpint (desk_source_get_version (writethru), >=, 2);
      g_assert_cmpstr (desk_source_get_signal (writethru), ==, "update");
      g_assert_cmpint (desk_source_get_version (earlier), ==, 1);
      g_assert_true (desk_source_is_update_of (writethru, earlier));
      g_assert_false (desk_source_is_update_of (earlier, writethru));
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/formats/detect/content", test_detect);
  g_test_add_func ("/formats/detect/not-the-name", test_detect_by_content);

  g_test_add_func ("/formats/html/page", test_html_page);
  g_test_add_func ("/formats/html/old-page", test_html_old_page);
  g_test_add_func ("/formats/html/fragment", test_html_fragment);
  g_test_add_func ("/formats/html/broken", test_html_broken);
  g_test_add_func ("/formats/html/deep-nesting", test_html_deep_nesting);

  g_test_add_func ("/formats/newsml-g2/message", test_newsml_g2_message);
  g_test_add_func ("/formats/newsml-g2/versions", test_newsml_g2_versions);
  g_test_add_func ("/formats/nitf", test_nitf);
  g_test_add_func ("/formats/ninjs/1", test_ninjs_1);
  g_test_add_func ("/formats/ninjs/2", test_ninjs_2);
  g_test_add_func ("/formats/newsml", test_newsml_1);
  g_test_add_func ("/formats/anpa", test_anpa);
  g_test_add_func ("/formats/iptc7901", test_iptc7901);
  g_test_add_func ("/formats/text/keyword-line", test_text_keyword_line);

  g_test_add_func ("/formats/hostile/malformed", test_hostile_malformed);
  g_test_add_func ("/formats/hostile/unsupported", test_hostile_unsupported);
  g_test_add_func ("/formats/hostile/json-types", test_hostile_json_types);
  g_test_add_func ("/formats/hostile/external-entity", test_hostile_external_entity);
  g_test_add_func ("/formats/find-updates", test_find_updates);
  g_test_add_func ("/formats/hostile/entity-bomb", test_hostile_entity_bomb);
  g_test_add_func ("/formats/hostile/teletype", test_hostile_teletype);

  for (guint i = 0; i < G_N_ELEMENTS (wire_files); i++)
    {
      g_autofree char *name = g_strdup_printf ("/formats/wire/%s", wire_files[i].path);

      g_test_add_data_func (name, &wire_files[i], test_wire_file);
    }
  g_test_add_func ("/formats/wire-folder/all-listed", test_wire_files_listed);
  g_test_add_func ("/formats/wire-folder/message-items", test_wire_message_items);
  g_test_add_func ("/formats/wire-folder/writethru", test_wire_writethru);

  return g_test_run ();
}
