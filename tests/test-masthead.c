/* test-masthead.c: the draft's masthead (byline, dateline, deck, credit line) is what the
 * story goes out with: filled when the draft starts, one byline with the credits' star,
 * kept in the project file, and exported exactly, nothing else
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "desk-credits.h"
#include "desk-draft.h"
#include "desk-export.h"
#include "desk-project.h"
#include "desk-project-file.h"
#include "desk-source.h"

/* A newspaper's version: a headline, a deck, a byline, a dateline. */
static const char PAPER[] =
  "Storm knocks out power across Nova Scotia\n"
  "\n"
  "Crews expect some customers to wait days for repairs\n"
  "\n"
  "By Jane Doe, The Associated Press\n"
  "\n"
  "HALIFAX, Nova Scotia -- A fierce autumn storm knocked out power to more than 200,000 "
  "homes and businesses across Nova Scotia on Tuesday, the provincial utility said.\n"
  "\n"
  "Winds gusting to 130 kilometres an hour toppled trees onto lines from Yarmouth to "
  "Sydney, and crews expected some customers to be without power for several days.\n";

/* Another version, with a dateline of its own and no byline of a person. */
static const char WIRE[] =
  "Ferries cancelled as storm hits Maritimes\n"
  "\n"
  "By John Roe, Reuters\n"
  "\n"
  "CHARLOTTETOWN (Reuters) - Ferry crossings between Nova Scotia and Prince Edward Island "
  "were cancelled on Tuesday as a storm swept across the Maritime provinces.\n";

static DeskSource *
source_new (const char *text,
            const char *name)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static (text, strlen (text));
  g_autoptr(GError) error = NULL;
  DeskSource *source;

  source = desk_source_new_from_bytes (bytes, name, DESK_SOURCE_ORIGIN_FILE, &error);
  g_assert_no_error (error);
  g_assert_nonnull (source);

  return source;
}

static char *
export_as (DeskProject      *project,
           DeskExportFormat  format)
{
  DeskExportOptions options;

  desk_export_options_init_for_project (&options, project);
  options.format = format;

  return desk_export_to_string (project, &options);
}

/* The paragraph of the other version, taken into the draft. */
static void
take_wire_paragraph (DeskProject *project,
                     DeskSource  *wire)
{
  GListModel *blocks = desk_source_get_blocks (wire);

  for (guint i = 0; i < g_list_model_get_n_items (blocks); i++)
    {
      g_autoptr(DeskBlock) block = g_list_model_get_item (blocks, i);

      if (desk_block_get_role (block) == DESK_BLOCK_ROLE_BODY)
        {
          g_autoptr(DeskParagraph) paragraph =
            desk_paragraph_new_from_block (desk_block_get_text (block), desk_source_get_id (wire), i);

          desk_draft_append (desk_project_get_draft (project), paragraph);
          return;
        }
    }
  g_assert_not_reached ();
}

static DeskProject *
started_project (DeskSource **wire_out)
{
  DeskProject *project = desk_project_new ();
  g_autoptr(DeskSource) paper = source_new (PAPER, "paper.txt");
  g_autoptr(DeskSource) wire = source_new (WIRE, "wire.txt");

  desk_project_add_source (project, paper);
  desk_project_add_source (project, wire);
  desk_project_start_draft_from (project, paper);
  if (wire_out != NULL)
    *wire_out = g_steal_pointer (&wire);

  return project;
}

static void
test_started (void)
{
  g_autoptr(DeskProject) project = started_project (NULL);
  DeskDraft *draft = desk_project_get_draft (project);

  g_assert_cmpstr (desk_draft_get_headline (draft), ==, "Storm knocks out power across Nova Scotia");
  g_assert_cmpstr (desk_draft_get_deck (draft), ==, "Crews expect some customers to wait days for repairs");
  g_assert_cmpstr (desk_draft_get_byline (draft), ==, "Jane Doe");
  g_assert_cmpstr (desk_draft_get_dateline (draft), ==, "HALIFAX, Nova Scotia");
  /* The credit line follows the credits until the editor writes one. */
  g_assert_null (desk_draft_get_credit_line (draft));
  /* The deck is the masthead's, not the body's. */
  g_assert_cmpuint (desk_draft_get_n_paragraphs (draft), ==, 2);
  g_assert_true (g_str_has_prefix (desk_paragraph_get_text (desk_draft_get_paragraph (draft, 0)),
                                   "A fierce autumn storm"));
}

static void
test_agency_byline (void)
{
  /* An agency's own byline names no person: the masthead leaves the byline to the editor
   * (the agency is credited in the credit line), rather than print "By" before a line
   * the version did not write. */
  static const char text[] =
    "Storm knocks out power across Nova Scotia\n"
    "\n"
    "The Associated Press\n"
    "\n"
    "HALIFAX, Nova Scotia (AP) -- A fierce autumn storm knocked out power to more than "
    "200,000 homes and businesses across Nova Scotia on Tuesday, the provincial utility said.\n";
  g_autoptr(DeskSource) source = source_new (text, "ap.txt");
  g_autoptr(DeskDraft) draft = desk_draft_new_from_source (source);
  GListModel *blocks = desk_source_get_blocks (source);

  for (guint i = 0; i < g_list_model_get_n_items (blocks); i++)
    {
      g_autoptr(DeskBlock) block = g_list_model_get_item (blocks, i);

      g_test_message ("block %u: %s: \"%s\"", i,
                      desk_block_role_to_string (desk_block_get_role (block)),
                      desk_block_get_text (block));
    }

  g_assert_null (desk_draft_get_byline (draft));
  g_assert_cmpstr (desk_draft_get_dateline (draft), ==, "HALIFAX, Nova Scotia");
}

static void
test_export_is_masthead (void)
{
  g_autoptr(DeskSource) wire = NULL;
  g_autoptr(DeskProject) project = started_project (&wire);
  DeskDraft *draft = desk_project_get_draft (project);
  DeskCredits *credits = desk_project_get_credits (project);
  g_autofree char *credit_line = NULL;
  g_autofree char *text = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *html = NULL;

  take_wire_paragraph (project, wire);
  credit_line = desk_credits_dup_credit_line (credits, desk_credits_get_style (credits));
  /* Jane Doe is the byline: the credit line names the others. */
  g_assert_cmpstr (credit_line, ==,
                   "Information for this article was contributed by John Roe of Reuters.");

  /* Exactly the masthead, in order. */
  text = export_as (project, DESK_EXPORT_FORMAT_TEXT);
  expected = g_strdup_printf ("Storm knocks out power across Nova Scotia\n\n"
                              "Crews expect some customers to wait days for repairs\n\n"
                              "By Jane Doe\n\n"
                              "HALIFAX, Nova Scotia — A fierce autumn storm knocked out power to "
                              "more than 200,000 homes and businesses across Nova Scotia on "
                              "Tuesday, the provincial utility said.\n\n"
                              "Winds gusting to 130 kilometres an hour toppled trees onto lines "
                              "from Yarmouth to Sydney, and crews expected some customers to be "
                              "without power for several days.\n\n"
                              "Ferry crossings between Nova Scotia and Prince Edward Island were "
                              "cancelled on Tuesday as a storm swept across the Maritime "
                              "provinces.\n\n"
                              "%s\n", credit_line);
  g_assert_cmpstr (text, ==, expected);

  /* Nothing the masthead does not show: without a byline or a dateline, none is taken from
   * the sources (the Reuters version has both, and text in the draft). */
  desk_draft_set_byline (draft, NULL);
  desk_draft_set_dateline (draft, NULL);
  desk_draft_set_deck (draft, NULL);
  desk_draft_set_credit_line (draft, "");
  g_clear_pointer (&text, g_free);
  text = export_as (project, DESK_EXPORT_FORMAT_TEXT);
  g_assert_true (g_str_has_prefix (text, "Storm knocks out power across Nova Scotia\n\n"
                                         "A fierce autumn storm"));
  g_assert_null (strstr (text, "By "));
  g_assert_null (strstr (text, "HALIFAX"));
  g_assert_null (strstr (text, "CHARLOTTETOWN"));
  g_assert_null (strstr (text, "Information for this article"));
  g_assert_true (g_str_has_suffix (text, "Maritime provinces.\n"));

  /* HTML: the same fields in their elements. */
  desk_draft_set_deck (draft, "Days without power");
  desk_draft_set_dateline (draft, "HALIFAX");
  desk_draft_set_byline (draft, "Ann Poe");
  desk_draft_set_credit_line (draft, "With reporting by the desk.");
  html = export_as (project, DESK_EXPORT_FORMAT_HTML);
  g_assert_nonnull (strstr (html, "<h1>Storm knocks out power across Nova Scotia</h1>\n"
                                  "<p class=\"deck\">Days without power</p>\n"
                                  "<p class=\"byline\">By Ann Poe</p>\n"
                                  "<p><span class=\"dateline\">HALIFAX —</span> A fierce"));
  g_assert_nonnull (strstr (html, "<p class=\"credit\">With reporting by the desk.</p>"));
  g_assert_nonnull (strstr (html, "\"alternativeHeadline\" : \"Days without power\""));

  /* The editor's credit line goes out whatever the style, unless the style is none. */
  {
    DeskExportOptions options;
    g_autofree char *none = NULL;

    desk_export_options_init_for_project (&options, project);
    options.credit_style = DESK_CREDIT_STYLE_NONE;
    none = desk_export_to_string (project, &options);
    g_assert_null (strstr (none, "With reporting by the desk."));
  }
}

static void
test_render (void)
{
  g_autoptr(DeskProject) project = started_project (NULL);
  DeskExportOptions options;
  g_autofree char *rendered = NULL;
  g_autofree char *text = NULL;

  desk_export_options_init_for_project (&options, project);
  options.format = DESK_EXPORT_FORMAT_HTML;
  options.provenance = TRUE;
  rendered = desk_export_render (project, &options);

  /* The page as a reader sees it: its text, none of its markup or metadata. */
  g_assert_null (strstr (rendered, "<"));
  g_assert_null (strstr (rendered, "schema.org"));
  g_assert_true (g_str_has_prefix (rendered, "Storm knocks out power across Nova Scotia\n\n"
                                             "Crews expect some customers to wait days for repairs\n\n"
                                             "By Jane Doe\n\n"
                                             "HALIFAX, Nova Scotia — A fierce autumn storm"));

  /* Plain text is the export itself. */
  options.format = DESK_EXPORT_FORMAT_TEXT;
  options.provenance = FALSE;
  options.wrap_width = 40;
  g_clear_pointer (&rendered, g_free);
  rendered = desk_export_render (project, &options);
  text = desk_export_to_string (project, &options);
  g_assert_cmpstr (rendered, ==, text);
}

static void
test_one_byline (void)
{
  g_autoptr(DeskSource) wire = NULL;
  g_autoptr(DeskProject) project = started_project (&wire);
  DeskDraft *draft = desk_project_get_draft (project);
  DeskCredits *credits = desk_project_get_credits (project);
  g_autofree char *text = NULL;
  g_autofree char *line = NULL;
  guint jane;
  guint john;

  take_wire_paragraph (project, wire);
  g_assert_true (desk_credits_find (credits, "Jane Doe", "AP", &jane));
  g_assert_true (desk_credits_find (credits, "John Roe", "Reuters", &john));
  /* "Jane Doe" alone, taken from her version's byline, names her entry. */
  g_assert_cmpuint (desk_credits_get_main (credits), ==, jane);

  /* Starring an entry writes the byline... */
  desk_credits_set_main (credits, john);
  g_assert_cmpstr (desk_draft_get_byline (draft), ==, "John Roe, Reuters");
  text = export_as (project, DESK_EXPORT_FORMAT_TEXT);
  g_assert_nonnull (strstr (text, "\n\nBy John Roe, Reuters\n\n"));
  line = desk_credits_dup_credit_line (credits, DESK_CREDIT_STYLE_CONTRIBUTOR_LINE);
  g_assert_cmpstr (line, ==, "Information for this article was contributed by Jane Doe of "
                             "The Associated Press.");

  /* ... and writing the byline moves the star. */
  desk_draft_set_byline (draft, "Jane Doe, The Associated Press");
  g_assert_cmpuint (desk_credits_get_main (credits), ==, jane);
  g_clear_pointer (&line, g_free);
  line = desk_credits_dup_credit_line (credits, DESK_CREDIT_STYLE_CONTRIBUTOR_LINE);
  g_assert_cmpstr (line, ==, "Information for this article was contributed by John Roe of Reuters.");

  /* A byline of the editor's own names no entry: no star, the export prints it. */
  desk_draft_set_byline (draft, "Staff");
  g_assert_cmpuint (desk_credits_get_main (credits), ==, DESK_CREDITS_INVALID_POSITION);
  g_clear_pointer (&text, g_free);
  text = export_as (project, DESK_EXPORT_FORMAT_TEXT);
  g_assert_nonnull (strstr (text, "\n\nBy Staff\n\n"));
  g_assert_null (strstr (text, "By John Roe"));

  /* Renaming the starred entry renames the byline. */
  desk_credits_set_main (credits, john);
  g_assert_true (desk_credits_find (credits, "John Roe", "Reuters", &john));
  desk_credits_rename (credits, john, "Jonathan Roe", "Reuters");
  g_assert_cmpstr (desk_draft_get_byline (draft), ==, "Jonathan Roe, Reuters");

  /* Unstarring takes the byline out. */
  desk_credits_set_main (credits, DESK_CREDITS_INVALID_POSITION);
  g_assert_null (desk_draft_get_byline (draft));
}

static void
test_dateline_fill (void)
{
  /* A draft without a dateline takes the one of the text that comes in; a dateline the
   * editor took out ("") stays out. */
  g_autoptr(DeskSource) wire = NULL;
  g_autoptr(DeskProject) project = started_project (&wire);
  DeskDraft *draft = desk_project_get_draft (project);

  desk_draft_set_dateline (draft, NULL);
  g_assert_true (desk_project_fill_dateline (project));
  g_assert_cmpstr (desk_draft_get_dateline (draft), ==, "HALIFAX, Nova Scotia");

  desk_draft_set_dateline (draft, "");
  take_wire_paragraph (project, wire);
  g_assert_false (desk_project_fill_dateline (project));
  g_assert_cmpstr (desk_draft_get_dateline (draft), ==, "");
}

static DeskProject *
reload (DeskProject *project)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = desk_project_file_save_to_bytes (project);
  DeskProject *loaded;

  loaded = desk_project_file_load_from_bytes (bytes, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (loaded);

  return loaded;
}

static void
test_project_file (void)
{
  g_autoptr(DeskProject) project = started_project (NULL);
  g_autoptr(DeskProject) loaded = NULL;
  g_autoptr(DeskProject) again = NULL;
  DeskDraft *draft = desk_project_get_draft (project);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  desk_draft_set_credit_line (draft, "With reporting by the desk.");
  desk_draft_set_deck (draft, "Days without power");
  loaded = reload (project);
  draft = desk_project_get_draft (loaded);
  g_assert_cmpstr (desk_draft_get_deck (draft), ==, "Days without power");
  g_assert_cmpstr (desk_draft_get_credit_line (draft), ==, "With reporting by the desk.");
  g_assert_cmpstr (desk_draft_get_byline (draft), ==, "Jane Doe");
  g_assert_cmpstr (desk_draft_get_dateline (draft), ==, "HALIFAX, Nova Scotia");
  before = export_as (project, DESK_EXPORT_FORMAT_HTML);
  after = export_as (loaded, DESK_EXPORT_FORMAT_HTML);
  g_assert_cmpstr (after, ==, before);

  /* Following the credits is kept too. */
  desk_draft_set_credit_line (draft, NULL);
  again = reload (loaded);
  g_assert_null (desk_draft_get_credit_line (desk_project_get_draft (again)));
}

static void
test_old_project_file (void)
{
  /* Written before the masthead: no deck, no credit line, a null dateline (exports took the
   * sources'), the main byline kept among the credits. */
  g_autofree char *paper = g_base64_encode ((const guchar *)PAPER, strlen (PAPER));
  g_autoptr(DeskSource) source = source_new (PAPER, "paper.txt");
  GListModel *blocks = desk_source_get_blocks (source);
  guint body = 0;
  g_autofree char *text = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(DeskProject) loaded = NULL;
  DeskDraft *draft;
  g_autofree char *exported = NULL;

  while (body < g_list_model_get_n_items (blocks))
    {
      g_autoptr(DeskBlock) block = g_list_model_get_item (blocks, body);

      if (desk_block_get_role (block) == DESK_BLOCK_ROLE_BODY)
        break;
      body++;
    }

  text = g_strdup_printf (
    "{ \"format\": \"copydesk-project\", \"version\": 1,\n"
    "  \"sources\": [ { \"id\": \"%s\", \"name\": \"paper.txt\", \"bytes\": \"%s\" } ],\n"
    "  \"draft\": { \"headline\": \"Storm\", \"byline\": null, \"dateline\": null,\n"
    "    \"paragraphs\": [ { \"text\": \"A storm.\", \"provenance\": [ { \"source\": \"%s\", \"block\": %u } ] } ] },\n"
    "  \"credits\": { \"decisions\": [], \"added\": [], \"order\": null,\n"
    "    \"main\": { \"name\": \"Jane Doe\", \"organization\": \"AP\" },\n"
    "    \"organization_names\": [] } }\n",
    desk_source_get_id (source), paper, desk_source_get_id (source), body);
  bytes = g_bytes_new (text, strlen (text));
  loaded = desk_project_file_load_from_bytes (bytes, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (loaded);

  draft = desk_project_get_draft (loaded);
  g_assert_null (desk_draft_get_deck (draft));
  g_assert_null (desk_draft_get_credit_line (draft));
  /* What the old export printed, now in the masthead. */
  g_assert_cmpstr (desk_draft_get_dateline (draft), ==, "HALIFAX, Nova Scotia");
  g_assert_cmpstr (desk_draft_get_byline (draft), ==, "Jane Doe, The Associated Press");
  exported = export_as (loaded, DESK_EXPORT_FORMAT_TEXT);
  g_assert_cmpstr (exported, ==, "Storm\n\nBy Jane Doe, The Associated Press\n\n"
                                 "HALIFAX, Nova Scotia — A storm.\n");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/masthead/started", test_started);
  g_test_add_func ("/masthead/agency-byline", test_agency_byline);
  g_test_add_func ("/masthead/export", test_export_is_masthead);
  g_test_add_func ("/masthead/render", test_render);
  g_test_add_func ("/masthead/one-byline", test_one_byline);
  g_test_add_func ("/masthead/dateline-fill", test_dateline_fill);
  g_test_add_func ("/masthead/project-file", test_project_file);
  g_test_add_func ("/masthead/old-project-file", test_old_project_file);

  return g_test_run ();
}
