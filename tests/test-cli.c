/* test-cli.c: copydesk-merge as a user runs it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "desk-test-util.h"

static char *
seed (const char *roundup,
      const char *name)
{
  return g_build_filename (g_getenv ("COPYDESK_SEEDS_DIR"), roundup, name, NULL);
}

static JsonNode *
parse_json (const char *text)
{
  g_autoptr(GError) error = NULL;
  JsonNode *node = json_from_string (text, &error);

  g_assert_no_error (error);
  g_assert_nonnull (node);
  return node;
}

/* bench --extraction reads a folder of web pages, plain and gzipped, in process, and writes
 * each page's body paragraphs and the subheadings among them, one a line, keyed by the
 * page's name; a heading after the story's last paragraph is not the story's, nor one over
 * a link to another story */
static void
test_bench_extraction (void)
{
  static const char story[] =
    "<html><head><title>Ferry sails again</title></head><body><nav><a href=\"/\">News</a></nav>"
    "<article><h1>Ferry sails again</h1>"
    "<p>The harbour ferry sailed again on Friday, three days after the storm, the operator said.</p>"
    "<h2>A long wait</h2>"
    "<p>Passengers waited for an hour in the rain, and some of them had driven from Gannet Bay.</p>"
    "<h3>Don't miss</h3><p><a href=\"/wharf\">Council votes on the wharf lease for another "
    "year</a></p><p>The council will meet on Monday to decide on repairs to the wharf.</p>"
    "<h3>More from the harbour</h3></article></body></html>";
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = desk_test_make_temp_dir ("copydesk-extraction");
  g_autofree char *html_dir = NULL;
  g_autofree char *plain = NULL;
  g_autofree char *gzipped = NULL;
  g_autofree char *output = NULL;
  g_autofree char *json = NULL;
  g_autoptr(GConverter) gzip = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_auto(DeskTestRun) run = { 0 };
  g_auto(DeskTestRun) misused = { 0 };
  char packed[4096];
  gsize read, written;
  JsonObject *pages;

  html_dir = g_build_filename (dir, "html", NULL);
  g_assert_cmpint (g_mkdir (html_dir, 0755), ==, 0);
  plain = g_build_filename (html_dir, "one.html", NULL);
  gzipped = g_build_filename (html_dir, "two.html.gz", NULL);
  output = g_build_filename (dir, "out.json", NULL);

  g_file_set_contents (plain, story, -1, &error);
  g_assert_no_error (error);
  gzip = G_CONVERTER (g_zlib_compressor_new (G_ZLIB_COMPRESSOR_FORMAT_GZIP, -1));
  g_assert_cmpint (g_converter_convert (gzip, story, sizeof story - 1, packed, sizeof packed,
                                        G_CONVERTER_INPUT_AT_END, &read, &written, &error),
                   ==, G_CONVERTER_FINISHED);
  g_assert_no_error (error);
  g_file_set_contents (gzipped, packed, written, &error);
  g_assert_no_error (error);

  desk_test_run_tool (&run, NULL, "bench", "--extraction", dir, "--output", output);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "pages"));

  g_file_get_contents (output, &json, NULL, &error);
  g_assert_no_error (error);
  root = parse_json (json);
  pages = json_node_get_object (root);
  g_assert_cmpuint (json_object_get_size (pages), ==, 2);
  for (guint i = 0; i < 2; i++)
    {
      JsonObject *page = json_object_get_object_member (pages, i == 0 ? "one" : "two");

      g_assert_cmpstr (json_object_get_string_member (page, "articleBody"), ==,
                       "The harbour ferry sailed again on Friday, three days after the storm, "
                       "the operator said.\nA long wait\nPassengers waited for an hour in the "
                       "rain, and some "
                       "of them had driven from Gannet Bay.\nThe council will meet on Monday to "
                       "decide on repairs to the wharf.");
    }

  /* --output belongs to --extraction */
  desk_test_run_tool (&misused, NULL, "bench", "--output", output);
  g_assert_cmpint (misused.status, ==, 2);

  desk_test_remove_tree (dir);
}

static void
test_help_and_usage (void)
{
  g_auto(DeskTestRun) help = { 0 };
  g_auto(DeskTestRun) none = { 0 };
  g_auto(DeskTestRun) unknown = { 0 };
  g_auto(DeskTestRun) inspect_help = { 0 };
  g_auto(DeskTestRun) bad_option = { 0 };
  g_auto(DeskTestRun) no_files = { 0 };

  desk_test_run_tool (&help, NULL, "--help");
  g_assert_cmpint (help.status, ==, 0);
  g_assert_nonnull (strstr (help.out, "inspect"));
  g_assert_nonnull (strstr (help.out, "suggest"));
  g_assert_nonnull (strstr (help.out, "merge"));

  desk_test_run_tool (&none, NULL, NULL);
  g_assert_cmpint (none.status, ==, 2);

  desk_test_run_tool (&unknown, NULL, "frobnicate");
  g_assert_cmpint (unknown.status, ==, 2);
  g_assert_nonnull (strstr (unknown.err, "frobnicate"));

  /* Every command's help has examples. */
  desk_test_run_tool (&inspect_help, NULL, "inspect", "--help");
  g_assert_cmpint (inspect_help.status, ==, 0);
  g_assert_nonnull (strstr (inspect_help.out, "Examples"));

  desk_test_run_tool (&bad_option, NULL, "suggest", "--no-such-option");
  g_assert_cmpint (bad_option.status, ==, 2);

  desk_test_run_tool (&no_files, NULL, "inspect");
  g_assert_cmpint (no_files.status, ==, 2);
}

static void
test_unreadable_source (void)
{
  g_autofree char *dir = g_dir_make_tmp ("copydesk-cli-XXXXXX", NULL);
  g_autofree char *empty = g_build_filename (dir, "empty.txt", NULL);
  g_autofree char *png = g_build_filename (dir, "photo.png", NULL);
  g_autofree char *good = seed ("harbour-fire", "01-agency-short.txt");
  g_auto(DeskTestRun) missing = { 0 };
  g_auto(DeskTestRun) run_empty = { 0 };
  g_auto(DeskTestRun) run_png = { 0 };
  static const char png_bytes[] = "\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10";

  g_assert_true (g_file_set_contents (empty, "", 0, NULL));
  g_assert_true (g_file_set_contents (png, png_bytes, sizeof png_bytes - 1, NULL));

  /* A source that cannot be read: exit 1, and the message names it. */
  desk_test_run_tool (&missing, NULL, "inspect", good, "/nonexistent/story.txt");
  g_assert_cmpint (missing.status, ==, 1);
  g_assert_nonnull (strstr (missing.err, "/nonexistent/story.txt"));

  desk_test_run_tool (&run_empty, NULL, "suggest", good, empty);
  g_assert_cmpint (run_empty.status, ==, 1);
  g_assert_nonnull (strstr (run_empty.err, "empty.txt"));
  g_assert_nonnull (strstr (run_empty.err, "empty"));

  desk_test_run_tool (&run_png, NULL, "merge", good, png);
  g_assert_cmpint (run_png.status, ==, 1);
  g_assert_nonnull (strstr (run_png.err, "photo.png"));
  g_assert_nonnull (strstr (run_png.err, "PNG"));

  g_unlink (empty);
  g_unlink (png);
  g_rmdir (dir);
}

static void
test_inspect_json (void)
{
  g_autofree char *path = seed ("harbour-fire", "03-scraped-reprint.txt");
  g_auto(DeskTestRun) run = { 0 };
  g_autoptr(JsonNode) root = NULL;
  JsonObject *source;
  JsonArray *blocks;
  guint bodies = 0;

  desk_test_run_tool (&run, NULL, "inspect", "--json", path);
  g_assert_cmpint (run.status, ==, 0);

  root = parse_json (run.out);
  source = json_array_get_object_element (json_object_get_array_member (json_node_get_object (root), "sources"), 0);
  g_assert_cmpstr (json_object_get_string_member (source, "path"), ==, path);
  g_assert_true (json_object_has_member (source, "title"));
  g_assert_true (json_object_has_member (source, "agency"));
  g_assert_true (json_object_has_member (source, "byline"));
  g_assert_true (json_object_has_member (source, "dateline"));
  g_assert_true (json_object_has_member (source, "date"));
  g_assert_true (json_object_has_member (source, "encoding"));
  g_assert_true (json_object_has_member (source, "credits"));

  blocks = json_object_get_array_member (source, "blocks");
  for (guint i = 0; i < json_array_get_length (blocks); i++)
    {
      JsonObject *block = json_array_get_object_element (blocks, i);
      const char *role = json_object_get_string_member (block, "role");

      g_assert_true (json_object_has_member (block, "text"));
      g_assert_cmpint (json_object_get_int_member (block, "start"), <=,
                       json_object_get_int_member (block, "end"));
      if (g_str_equal (role, "body"))
        {
          bodies++;
          /* Scraped furniture never reads as story text. */
          g_assert_null (strstr (json_object_get_string_member (block, "text"), "http"));
        }
    }
  g_assert_cmpuint (bodies, >, 5);
}

static void
test_suggest_json (void)
{
  g_autofree char *draft = seed ("harbour-fire", "01-agency-short.txt");
  g_autofree char *other = seed ("harbour-fire", "02-newspaper-long.txt");
  g_auto(DeskTestRun) run = { 0 };
  g_autoptr(JsonNode) root = NULL;
  JsonObject *object;
  JsonArray *suggestions;
  guint missing = 0;

  desk_test_run_tool (&run, NULL, "suggest", "--json", draft, other);
  g_assert_cmpint (run.status, ==, 0);

  root = parse_json (run.out);
  object = json_node_get_object (root);
  g_assert_true (json_object_has_member (object, "draft"));
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (object, "sources")), ==, 2);

  suggestions = json_object_get_array_member (object, "suggestions");
  g_assert_cmpuint (json_array_get_length (suggestions), >, 3);
  for (guint i = 0; i < json_array_get_length (suggestions); i++)
    {
      JsonObject *s = json_array_get_object_element (suggestions, i);
      const char *kind = json_object_get_string_member (s, "kind");
      JsonArray *sources = json_object_get_array_member (s, "sources");

      g_assert_true (g_strv_contains ((const char * const[]) { "missing", "addition", "conflict",
                                                               "variant", "headline", NULL }, kind));
      g_assert_true (json_object_has_member (s, "text"));
      g_assert_true (json_object_has_member (s, "new_text"));
      g_assert_true (json_object_has_member (s, "after"));
      g_assert_true (json_object_has_member (s, "score"));
      g_assert_cmpuint (json_array_get_length (sources), >=, 1);
      g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (sources, 0), "path"),
                       ==, other);
      g_assert_cmpint (json_object_get_int_member (s, "after"), >=, -1);
      missing += g_str_equal (kind, "missing");
    }
  g_assert_cmpuint (missing, >, 3);
}

/* The sources' blocks come only with --blocks; the suggestions are the same either way,
 * byte for byte, and a suggestion's source block is one of the blocks --blocks prints. */
static void
test_suggest_json_blocks (void)
{
  g_autofree char *draft = seed ("harbour-fire", "01-agency-short.txt");
  g_autofree char *other = seed ("harbour-fire", "02-newspaper-long.txt");
  g_auto(DeskTestRun) lean = { 0 };
  g_auto(DeskTestRun) full = { 0 };
  g_autoptr(JsonNode) lean_root = NULL;
  g_autoptr(JsonNode) full_root = NULL;
  JsonArray *lean_sources;
  JsonArray *full_sources;
  JsonArray *suggestions;
  const char *lean_tail;
  const char *full_tail;

  desk_test_run_tool (&lean, NULL, "suggest", "--json", draft, other);
  desk_test_run_tool (&full, NULL, "suggest", "--json", "--blocks", draft, other);
  g_assert_cmpint (lean.status, ==, 0);
  g_assert_cmpint (full.status, ==, 0);

  lean_root = parse_json (lean.out);
  full_root = parse_json (full.out);
  lean_sources = json_object_get_array_member (json_node_get_object (lean_root), "sources");
  full_sources = json_object_get_array_member (json_node_get_object (full_root), "sources");
  g_assert_cmpuint (json_array_get_length (lean_sources), ==, 2);
  g_assert_cmpuint (json_array_get_length (full_sources), ==, 2);
  for (guint i = 0; i < 2; i++)
    {
      JsonObject *l = json_array_get_object_element (lean_sources, i);
      JsonObject *f = json_array_get_object_element (full_sources, i);

      g_assert_cmpstr (json_object_get_string_member (l, "path"), ==,
                       json_object_get_string_member (f, "path"));
      g_assert_true (json_object_has_member (l, "credits"));
      g_assert_false (json_object_has_member (l, "blocks"));
      g_assert_cmpuint (json_array_get_length (json_object_get_array_member (f, "blocks")), >, 5);
    }

  lean_tail = strstr (lean.out, "\"learned_aliases\"");
  full_tail = strstr (full.out, "\"learned_aliases\"");
  g_assert_nonnull (lean_tail);
  g_assert_cmpstr (lean_tail, ==, full_tail);
  g_assert_cmpuint (strlen (lean.out), <, strlen (full.out));

  suggestions = json_object_get_array_member (json_node_get_object (full_root), "suggestions");
  for (guint i = 0; i < json_array_get_length (suggestions); i++)
    {
      JsonObject *s = json_array_get_object_element (suggestions, i);
      JsonObject *origin = json_array_get_object_element (json_object_get_array_member (s, "sources"), 0);
      JsonArray *blocks = json_object_get_array_member (json_array_get_object_element (full_sources, 1),
                                                        "blocks");

      g_assert_cmpstr (json_object_get_string_member (origin, "path"), ==, other);
      g_assert_cmpint (json_object_get_int_member (origin, "block"), >=, 0);
      g_assert_cmpint (json_object_get_int_member (origin, "block"), <, json_array_get_length (blocks));
    }
}

static void
test_merge_text_and_file (void)
{
  g_autofree char *a = seed ("harbour-fire", "01-agency-short.txt");
  g_autofree char *b = seed ("harbour-fire", "02-newspaper-long.txt");
  g_autofree char *c = seed ("harbour-fire", "03-scraped-reprint.txt");
  g_autofree char *dir = g_dir_make_tmp ("copydesk-cli-XXXXXX", NULL);
  g_autofree char *out_path = g_build_filename (dir, "story.html", NULL);
  g_autofree char *html = NULL;
  g_auto(DeskTestRun) text = { 0 };
  g_auto(DeskTestRun) to_file = { 0 };
  g_auto(DeskTestRun) bad_format = { 0 };
  g_auto(DeskTestRun) unwritable = { 0 };

  desk_test_run_tool (&text, NULL, "merge", a, b, c);
  g_assert_cmpint (text.status, ==, 0);
  /* Paragraphs the short version lacks are in, the furniture is not, and the credit line
   * names the newspaper's contributors. */
  g_assert_nonnull (strstr (text.out, "Information for this article was contributed by"));
  g_assert_null (strstr (text.out, "http"));
  g_assert_null (strstr (text.out, "by admin"));
  g_assert_null (strstr (text.out, "\xc3\xa2\xe2\x82\xac"));

  desk_test_run_tool (&to_file, NULL, "merge", "--format", "html", "-o", out_path, a, b, c);
  g_assert_cmpint (to_file.status, ==, 0);
  g_assert_true (g_file_get_contents (out_path, &html, NULL, NULL));
  g_assert_true (g_str_has_prefix (html, "<!DOCTYPE html>"));
  g_assert_nonnull (strstr (html, "<article"));

  desk_test_run_tool (&bad_format, NULL, "merge", "--format", "docx", a, b);
  g_assert_cmpint (bad_format.status, ==, 2);

  desk_test_run_tool (&unwritable, NULL, "merge", "-o", "/nonexistent-dir/story.txt", a, b);
  g_assert_cmpint (unwritable.status, ==, 1);
  g_assert_nonnull (strstr (unwritable.err, "story.txt"));

  g_unlink (out_path);
  g_rmdir (dir);
}

static void
test_project_round_trip (void)
{
  g_autofree char *a = seed ("harbour-fire", "01-agency-short.txt");
  g_autofree char *b = seed ("harbour-fire", "02-newspaper-long.txt");
  g_autofree char *d = seed ("harbour-fire", "04-writethru.txt");
  g_autofree char *dir = g_dir_make_tmp ("copydesk-cli-XXXXXX", NULL);
  g_autofree char *project = g_build_filename (dir, "roundup.copydesk", NULL);
  g_autofree char *bad = g_build_filename (dir, "bad.copydesk", NULL);
  g_auto(DeskTestRun) first = { 0 };
  g_auto(DeskTestRun) exported = { 0 };
  g_auto(DeskTestRun) suggested = { 0 };
  g_auto(DeskTestRun) second = { 0 };
  g_auto(DeskTestRun) exported_again = { 0 };
  g_auto(DeskTestRun) damaged = { 0 };
  g_auto(DeskTestRun) no_project = { 0 };

  /* Merge two versions into a new project: the file is made and holds the merge. */
  desk_test_run_tool (&first, NULL, "merge", "--project", project, a, b);
  g_assert_cmpint (first.status, ==, 0);
  g_assert_true (g_file_test (project, G_FILE_TEST_IS_REGULAR));

  /* Export gives the same story, without merging anything more. */
  desk_test_run_tool (&exported, NULL, "export", "--project", project);
  g_assert_cmpint (exported.status, ==, 0);
  g_assert_cmpstr (exported.out, ==, first.out);

  /* The writethru arrives later: suggest on the project sees only what it adds. */
  desk_test_run_tool (&suggested, NULL, "suggest", "--project", project, d);
  g_assert_cmpint (suggested.status, ==, 0);
  g_assert_nonnull (strstr (suggested.out, "04-writethru.txt"));
  g_assert_null (strstr (suggested.out, "02-newspaper-long.txt —"));

  /* … and merging it changes the project, which export then writes. */
  desk_test_run_tool (&second, NULL, "merge", "--project", project, d);
  g_assert_cmpint (second.status, ==, 0);
  g_assert_cmpstr (second.out, !=, first.out);
  desk_test_run_tool (&exported_again, NULL, "export", "--project", project);
  g_assert_cmpstr (exported_again.out, ==, second.out);

  /* A damaged project: exit 1, named. */
  g_assert_true (g_file_set_contents (bad, "{\"format\": \"copydesk-project\", \"vers", -1, NULL));
  desk_test_run_tool (&damaged, NULL, "export", "--project", bad);
  g_assert_cmpint (damaged.status, ==, 1);
  g_assert_nonnull (strstr (damaged.err, "bad.copydesk"));

  desk_test_run_tool (&no_project, NULL, "export");
  g_assert_cmpint (no_project.status, ==, 2);

  g_unlink (project);
  g_unlink (bad);
  g_rmdir (dir);
}

static void
test_house_style (void)
{
  g_autofree char *a = seed ("harbour-fire", "01-agency-short.txt");
  g_autofree char *b = seed ("harbour-fire", "02-newspaper-long.txt");
  g_autofree char *dir = g_dir_make_tmp ("copydesk-cli-XXXXXX", NULL);
  g_autofree char *project = g_build_filename (dir, "roundup.copydesk", NULL);
  g_autofree char *saved = NULL;
  g_auto(DeskTestRun) typographic = { 0 };
  g_auto(DeskTestRun) html = { 0 };
  g_auto(DeskTestRun) exported = { 0 };
  g_auto(DeskTestRun) bad_style = { 0 };
  g_auto(DeskTestRun) bad_spelling = { 0 };

  /* The newspaper's straight quotes and "--" arrive curly and as em dashes. */
  desk_test_run_tool (&typographic, NULL, "merge", "--style", "typographic", "--project", project, a, b);
  g_assert_cmpint (typographic.status, ==, 0);
  g_assert_null (strchr (typographic.out, '"'));
  g_assert_null (strstr (typographic.out, "--"));
  g_assert_nonnull (strstr (typographic.out, "“"));

  /* The project keeps the style, and export writes it. */
  g_assert_true (g_file_get_contents (project, &saved, NULL, NULL));
  g_assert_nonnull (strstr (saved, "\"punctuation\" : \"typographic\""));
  desk_test_run_tool (&exported, NULL, "export", "--project", project);
  g_assert_cmpstr (exported.out, ==, typographic.out);

  /* HTML writes the characters as characters. */
  desk_test_run_tool (&html, NULL, "merge", "--style", "ascii", "--format", "html", "--fragment", a, b);
  g_assert_cmpint (html.status, ==, 0);
  g_assert_null (strstr (html.out, "&quot;"));
  g_assert_null (strstr (html.out, "&#39;"));
  g_assert_null (strstr (html.out, "“"));
  g_assert_nonnull (strstr (html.out, "\"We"));

  desk_test_run_tool (&bad_style, NULL, "merge", "--style", "fancy", a, b);
  g_assert_cmpint (bad_style.status, ==, 2);
  g_assert_nonnull (strstr (bad_style.err, "fancy"));
  desk_test_run_tool (&bad_spelling, NULL, "merge", "--spelling", "au", a, b);
  g_assert_cmpint (bad_spelling.status, ==, 2);

  g_unlink (project);
  g_rmdir (dir);
}

/* --dash and --nbsp: the dash and the no-break spaces of typographic style, kept by the
 * project; an unknown value is a usage error. */
static void
test_dash_nbsp (void)
{
  g_autofree char *a = seed ("harbour-fire", "01-agency-short.txt");
  g_autofree char *b = seed ("harbour-fire", "02-newspaper-long.txt");
  g_autofree char *dir = g_dir_make_tmp ("copydesk-cli-XXXXXX", NULL);
  g_autofree char *project = g_build_filename (dir, "roundup.copydesk", NULL);
  g_autofree char *saved = NULL;
  g_auto(DeskTestRun) en = { 0 };
  g_auto(DeskTestRun) exported = { 0 };
  g_auto(DeskTestRun) closed = { 0 };
  g_auto(DeskTestRun) bad_dash = { 0 };
  g_auto(DeskTestRun) bad_nbsp = { 0 };

  /* The newspaper's "HALIFAX, Nova Scotia -- A fire" and "about 40 minutes". */
  desk_test_run_tool (&en, NULL, "merge", "--style", "typographic", "--dash", "en", "--nbsp", "units",
            "--project", project, a, b);
  g_assert_cmpint (en.status, ==, 0);
  g_assert_null (strstr (en.out, "—"));
  g_assert_null (strstr (en.out, "--"));
  g_assert_nonnull (strstr (en.out, "Nova Scotia – A fire"));
  g_assert_nonnull (strstr (en.out, "about 40\u00a0minutes"));

  g_assert_true (g_file_get_contents (project, &saved, NULL, NULL));
  g_assert_nonnull (strstr (saved, "\"dash\" : \"en\""));
  g_assert_nonnull (strstr (saved, "\"nbsp\" : \"units\""));
  desk_test_run_tool (&exported, NULL, "export", "--project", project);
  g_assert_cmpstr (exported.out, ==, en.out);

  /* The closed em dash; the dateline's dash keeps its spaces. */
  desk_test_run_tool (&closed, NULL, "merge", "--style", "typographic", "--dash", "em-closed", a, b);
  g_assert_cmpint (closed.status, ==, 0);
  g_assert_nonnull (strstr (closed.out, "Nova Scotia — A fire"));
  g_assert_null (strstr (closed.out, "about 40\u00a0minutes"));

  desk_test_run_tool (&bad_dash, NULL, "merge", "--dash", "hyphen", a, b);
  g_assert_cmpint (bad_dash.status, ==, 2);
  g_assert_nonnull (strstr (bad_dash.err, "hyphen"));
  desk_test_run_tool (&bad_nbsp, NULL, "merge", "--nbsp", "swiss", a, b);
  g_assert_cmpint (bad_nbsp.status, ==, 2);
  g_assert_nonnull (strstr (bad_nbsp.err, "swiss"));

  g_unlink (project);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cli/help-and-usage", test_help_and_usage);
  g_test_add_func ("/cli/bench-extraction", test_bench_extraction);
  g_test_add_func ("/cli/unreadable-source", test_unreadable_source);
  g_test_add_func ("/cli/inspect-json", test_inspect_json);
  g_test_add_func ("/cli/suggest-json", test_suggest_json);
  g_test_add_func ("/cli/suggest-json-blocks", test_suggest_json_blocks);
  g_test_add_func ("/cli/merge", test_merge_text_and_file);
  g_test_add_func ("/cli/project", test_project_round_trip);
  g_test_add_func ("/cli/house-style", test_house_style);
  g_test_add_func ("/cli/dash-nbsp", test_dash_nbsp);

  return g_test_run ();
}
