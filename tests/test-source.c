/* test-source.c: tests for DeskSource, ingest from received bytes to blocks with roles
 *
 * Three kinds of input: small invented stories in tests/data/ingest/, one for each shape
 * and habit of desk material; the real seed roundup in $COPYDESK_SHARED_DIR/seeds/ (skipped
 * when absent); and the project's sample roundups in $COPYDESK_SEEDS_DIR. Every test checks
 * the roles of all blocks, what ingest learnt about the story, and that the blocks' offsets
 * point at their text in desk_source_get_text() with nothing left out.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#ifdef G_OS_UNIX
#include <unistd.h>
#endif

#include <glib/gstdio.h>

#include "desk-source.h"

/* ---- Helpers ------------------------------------------------------------------------- */

static DeskSource *
load_path (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  DeskSource *source;

  source = desk_source_new_for_file (file, 0, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (source);

  return source;
}

static DeskSource *
load_fixture (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "ingest", name, NULL);

  return load_path (path);
}

/* The file @name in the folder named by @variable, or %NULL (and the test skipped) when
 * that folder is not here. */
static char *
find_seed (const char *variable,
           const char *name)
{
  const char *dir = g_getenv (variable);
  g_autofree char *path = NULL;

  if (dir == NULL || !g_file_test (dir, G_FILE_TEST_IS_DIR))
    {
      g_autofree char *message = g_strdup_printf ("%s is not set or not a folder", variable);

      g_test_skip (message);
      return NULL;
    }

  path = g_build_filename (dir, name, NULL);
  if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
    {
      g_autofree char *message = g_strdup_printf ("%s is not here", path);

      g_test_skip (message);
      return NULL;
    }

  return g_steal_pointer (&path);
}

static DeskBlock *
get_block (DeskSource *source,
           guint       position)
{
  GListModel *blocks = desk_source_get_blocks (source);

  g_assert_cmpuint (position, <, g_list_model_get_n_items (blocks));
  return g_list_model_get_item (blocks, position);
}

/* "headline deck body*3 credit" → "headline deck body body body credit" */
static char *
expand_roles (const char *spec)
{
  g_auto(GStrv) words = g_strsplit (spec, " ", -1);
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint i = 0; words[i] != NULL; i++)
    {
      const char *star = strchr (words[i], '*');
      guint count = star ? (guint)g_ascii_strtoull (star + 1, NULL, 10) : 1;
      g_autofree char *role = star ? g_strndup (words[i], star - words[i]) : g_strdup (words[i]);

      for (guint n = 0; n < count; n++)
        {
          if (out->len > 0)
            g_string_append_c (out, ' ');
          g_string_append (out, role);
        }
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

static void
assert_roles (DeskSource *source,
              const char *spec)
{
  GListModel *blocks = desk_source_get_blocks (source);
  g_autoptr(GString) roles = g_string_new (NULL);
  g_autofree char *expected = expand_roles (spec);

  for (guint i = 0; i < g_list_model_get_n_items (blocks); i++)
    {
      g_autoptr(DeskBlock) block = g_list_model_get_item (blocks, i);

      if (roles->len > 0)
        g_string_append_c (roles, ' ');
      g_string_append (roles, desk_block_role_to_string (desk_block_get_role (block)));
    }

  g_assert_cmpstr (roles->str, ==, expected);
}

static void
assert_block (DeskSource    *source,
              guint          position,
              DeskBlockRole  role,
              const char    *text,
              const char    *reason)
{
  g_autoptr(DeskBlock) block = get_block (source, position);

  g_assert_cmpstr (desk_block_role_to_string (desk_block_get_role (block)), ==,
                   desk_block_role_to_string (role));
  g_assert_cmpint (desk_block_get_guessed_role (block), ==, role);
  g_assert_false (desk_block_get_role_overridden (block));
  if (text != NULL)
    g_assert_cmpstr (desk_block_get_text (block), ==, text);
  if (reason != NULL)
    g_assert_cmpstr (desk_block_get_reason (block), ==, reason);
}

/* "name/organisation/role; …", with empty fields for what is not known */
static char *
credits_string (DeskSource *source)
{
  GListModel *credits = desk_source_get_credits (source);
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (credits); i++)
    {
      g_autoptr(DeskCredit) credit = g_list_model_get_item (credits, i);
      const char *name = desk_credit_get_name (credit);
      const char *org = desk_credit_get_organization (credit);

      g_string_append_printf (out, "%s%s/%s/%s", out->len > 0 ? "; " : "",
                              name ? name : "", org ? org : "", desk_credit_get_role (credit));
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

static void
assert_story (DeskSource *source,
              const char *title,
              const char *dateline,
              const char *agency,
              const char *date,
              const char *bylines,
              const char *credits)
{
  g_autofree char *joined = g_strjoinv ("; ", (GStrv)desk_source_get_bylines (source));
  g_autofree char *found = NULL;

  g_assert_cmpstr (desk_source_get_title (source), ==, title);
  g_assert_cmpstr (desk_source_get_dateline (source), ==, dateline);
  g_assert_cmpstr (desk_source_get_agency (source), ==, agency);
  g_assert_cmpstr (desk_source_get_date (source), ==, date);
  g_assert_cmpstr (joined, ==, bylines);
  if (credits != NULL)
    {
      found = credits_string (source);
      g_assert_cmpstr (found, ==, credits);
    }
}

/* Drops the marks a scraper leaves ("## ", "**") and folds runs of white space, as ingest
 * does when it makes a block's text from the lines of a paragraph. */
static char *
normalise (const char *text,
           gsize       length)
{
  g_autoptr(GString) out = g_string_new (NULL);
  const char *end = text + length;
  gboolean line_start = TRUE;
  gboolean space = FALSE;

  for (const char *p = text; p < end; p++)
    {
      if (*p == '\n' || *p == ' ' || *p == '\t')
        {
          line_start = line_start || *p == '\n';
          space = TRUE;
          continue;
        }

      if (line_start && *p == '#')
        {
          const char *q = p;

          while (q < end && *q == '#')
            q++;
          line_start = FALSE;
          if (q < end && *q == ' ')
            {
              p = q;
              continue;
            }
        }
      line_start = FALSE;

      if ((*p == '*' && p + 1 < end && p[1] == '*') || (*p == '_' && p + 1 < end && p[1] == '_'))
        {
          p++;
          continue;
        }

      if (space && out->len > 0)
        g_string_append_c (out, ' ');
      space = FALSE;
      g_string_append_c (out, *p);
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* What a broken encoding leaves at the head of a paragraph, which ingest leaves out. */
static gboolean
is_stray (gunichar c)
{
  return c == 0x00A6 || c == 0x00C2 || c == 0x00C3 || c == 0x00C5 || c == 0xFFFD;
}

/* Block offsets point into the decoded text at the block's own text, blocks come in
 * document order, and every character of the text is in a block: nothing is dropped. */
static void
assert_offsets (DeskSource *source)
{
  const char *text = desk_source_get_text (source);
  gsize length = strlen (text);
  GListModel *blocks = desk_source_get_blocks (source);
  g_autofree gboolean *covered = g_new0 (gboolean, length + 1);
  gsize previous_start = 0;

  for (guint i = 0; i < g_list_model_get_n_items (blocks); i++)
    {
      g_autoptr(DeskBlock) block = g_list_model_get_item (blocks, i);
      gsize start = desk_block_get_start (block);
      gsize end = desk_block_get_end (block);
      const char *block_text = desk_block_get_text (block);
      g_autofree char *slice = NULL;

      g_assert_cmpuint (start, <=, end);
      g_assert_cmpuint (end, <=, length);
      g_assert_cmpuint (start, >=, previous_start);
      g_assert_true (g_utf8_validate (text + start, end - start, NULL));
      previous_start = start;

      for (gsize b = start; b < end; b++)
        covered[b] = TRUE;

      slice = normalise (text + start, end - start);

      if (desk_block_get_role (block) == DESK_BLOCK_ROLE_DATELINE)
        {
          /* "GLENMORE, Oregon -- ", "**Halifax:** ": the place, then its separator */
          g_assert_true (g_str_has_prefix (slice, block_text));
        }
      else if (strstr (desk_block_get_reason (block), "rejoined") != NULL)
        {
          /* Furniture stands inside it: without the blocks inside its range, the slice is
           * the block's text. */
          g_autoptr(GString) own = g_string_new (NULL);
          gsize at = start;

          for (guint j = i + 1; j < g_list_model_get_n_items (blocks); j++)
            {
              g_autoptr(DeskBlock) inside = g_list_model_get_item (blocks, j);

              if (desk_block_get_start (inside) >= end)
                break;
              g_assert_cmpuint (desk_block_get_end (inside), <=, end);
              g_string_append_len (own, text + at, desk_block_get_start (inside) - at);
              g_string_append_c (own, '\n');
              at = desk_block_get_end (inside);
            }
          g_string_append_len (own, text + at, end - at);

          g_free (slice);
          slice = normalise (own->str, own->len);
          g_assert_cmpstr (slice, ==, block_text);
        }
      else
        g_assert_cmpstr (slice, ==, block_text);
    }

  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!covered[p - text] && !g_unichar_isspace (c) && !is_stray (c))
        g_error ("“%.20s…” at %" G_GSIZE_FORMAT " is in no block", p, (gsize)(p - text));
    }
}

static void
assert_no_mojibake (DeskSource *source)
{
  GListModel *blocks = desk_source_get_blocks (source);

  for (guint i = 0; i < g_list_model_get_n_items (blocks); i++)
    {
      g_autoptr(DeskBlock) block = g_list_model_get_item (blocks, i);
      const char *text = desk_block_get_text (block);

      g_assert_null (strstr (text, "\xc3\xa2\xe2\x82\xac"));    /* â€ */
      g_assert_null (strstr (text, "\xc3\x83"));                /* Ã */
      g_assert_null (strstr (text, "\xc3\x82"));                /* Â */
      g_assert_null (strstr (text, "\xef\xbf\xbd"));            /* U+FFFD */
    }
}

/* No body block carries any of @needles. */
static void
assert_body_clean (DeskSource         *source,
                   const char * const *needles)
{
  GListModel *blocks = desk_source_get_blocks (source);

  for (guint i = 0; i < g_list_model_get_n_items (blocks); i++)
    {
      g_autoptr(DeskBlock) block = g_list_model_get_item (blocks, i);

      if (desk_block_get_role (block) != DESK_BLOCK_ROLE_BODY)
        continue;

      for (guint n = 0; needles[n] != NULL; n++)
        if (strstr (desk_block_get_text (block), needles[n]) != NULL)
          g_error ("body block %u has “%s”: %s", i, needles[n], desk_block_get_text (block));
    }
}

/* The block of @role that contains @needle, or -1 */
static int
find_block (DeskSource    *source,
            DeskBlockRole  role,
            const char    *needle)
{
  GListModel *blocks = desk_source_get_blocks (source);

  for (guint i = 0; i < g_list_model_get_n_items (blocks); i++)
    {
      g_autoptr(DeskBlock) block = g_list_model_get_item (blocks, i);

      if (desk_block_get_role (block) == role && strstr (desk_block_get_text (block), needle))
        return i;
    }

  return -1;
}

/* A sentence cut by page furniture comes out whole, in one body block: @before and @after
 * joined by one space. */
static void
assert_rejoined (DeskSource *source,
                 const char *before,
                 const char *after)
{
  g_autofree char *joined = g_strconcat (before, " ", after, NULL);
  int position = find_block (source, DESK_BLOCK_ROLE_BODY, joined);
  g_autoptr(DeskBlock) block = NULL;

  if (position < 0)
    g_error ("no body block has “%s”", joined);

  block = get_block (source, position);
  g_assert_cmpstr (desk_block_get_reason (block), ==, "paragraph rejoined across a page break");
  g_assert_cmpint (find_block (source, DESK_BLOCK_ROLE_BODY, after), ==, position);
}

/* ---- Shapes of text ------------------------------------------------------------------- */

static void
test_blank_lines (void)
{
  g_autoptr(DeskSource) source = load_fixture ("blank-lines.txt");

  assert_roles (source, "headline deck dateline body*4");
  assert_story (source, "Orchard town votes to keep its Saturday market", "GLENMORE, Oregon",
                NULL, NULL, "", "");
  assert_block (source, 0, DESK_BLOCK_ROLE_HEADLINE,
                "Orchard town votes to keep its Saturday market", "first line");
  assert_block (source, 1, DESK_BLOCK_ROLE_DECK,
                "Traders had feared the market would be moved to the ring road.", NULL);
  assert_block (source, 2, DESK_BLOCK_ROLE_DATELINE, "GLENMORE, Oregon", "dateline");
  assert_block (source, 3, DESK_BLOCK_ROLE_BODY,
                "Residents of this orchard town voted on Tuesday to keep the Saturday farmers "
                "market on Main Street, rejecting a council plan to move it to a car park beside "
                "the ring road.", "paragraph");
  assert_block (source, 4, DESK_BLOCK_ROLE_BODY,
                "The vote was 1,204 to 861, the county clerk said.", NULL);
  assert_block (source, 6, DESK_BLOCK_ROLE_BODY,
                "Stallholders had collected more than 900 signatures in two weeks to force the "
                "vote.", NULL);
  g_assert_cmpuint (desk_source_count_blocks (source, DESK_BLOCK_ROLE_BODY), ==, 4);
  g_assert_cmpuint (desk_source_get_n_words (source), ==, 32 + 10 + 24 + 14);
  g_assert_cmpstr (desk_source_get_encoding (source), ==, "UTF-8");
  assert_offsets (source);

  /* The count follows the roles: a body block marked furniture no longer counts, the
   * deck marked body does. */
  {
    g_autoptr(DeskBlock) body = g_list_model_get_item (desk_source_get_blocks (source), 4);
    g_autoptr(DeskBlock) deck = g_list_model_get_item (desk_source_get_blocks (source), 1);

    desk_block_set_role (body, DESK_BLOCK_ROLE_FURNITURE);
    g_assert_cmpuint (desk_source_get_n_words (source), ==, 32 + 24 + 14);
    desk_block_set_role (deck, DESK_BLOCK_ROLE_BODY);
    g_assert_cmpuint (desk_source_get_n_words (source), ==, 32 + 24 + 14 + 12);
  }
}

static void
test_one_per_line (void)
{
  g_autoptr(DeskSource) source = load_fixture ("one-per-line.txt");

  assert_roles (source, "headline dateline body*4");
  assert_story (source, "Ferry service to Kestrel Island resumes after storm repairs",
                "KESTREL ISLAND, Maine", NULL, NULL, "", "");
  assert_block (source, 2, DESK_BLOCK_ROLE_BODY,
                "The ferry to Kestrel Island resumed sailings on Monday, nine days after a winter "
                "storm tore a section of the landing ramp away from the pier.", NULL);
  assert_block (source, 4, DESK_BLOCK_ROLE_BODY,
                "\"We were running out of milk by the weekend,\" said Dora Pelletier, who runs "
                "the only store on the island.", NULL);
  assert_block (source, 5, DESK_BLOCK_ROLE_BODY,
                "The state transportation department said the permanent repair would be "
                "finished by April.", NULL);
  assert_offsets (source);
}

static void
test_wrapped_blank_lines (void)
{
  g_autoptr(DeskSource) source = load_fixture ("wrapped-blank.txt");

  assert_roles (source, "headline dateline body*4");
  assert_story (source, "Prairie rail line to carry grain again after ten-year pause",
                "BRANDON, Manitoba", NULL, NULL, "", "");
  assert_block (source, 2, DESK_BLOCK_ROLE_BODY,
                "A short-line railway that stopped running in 2016 will carry grain again this "
                "autumn, after three farming cooperatives bought the track and two locomotives "
                "from a bankrupt operator.", NULL);
  assert_block (source, 3, DESK_BLOCK_ROLE_BODY,
                "The 140-kilometre line links a dozen elevators to the main line at Brandon. "
                "Farmers have trucked their wheat and canola to the main line since the service "
                "ended.", NULL);
  assert_block (source, 4, DESK_BLOCK_ROLE_BODY,
                "\"Every truck we take off the highway is money back in our pockets,\" said "
                "Ines Duchesne, who chairs one of the cooperatives.", NULL);
  assert_block (source, 5, DESK_BLOCK_ROLE_BODY,
                "The province will lend the cooperatives $4 million for repairs.", NULL);
  assert_offsets (source);
}

static void
test_wrapped_indented (void)
{
  g_autoptr(DeskSource) source = load_fixture ("wrapped-indented.txt");

  assert_roles (source, "headline dateline body*4");
  assert_story (source, "Dairy farmers count the cost of a dry summer", "TIMARU, New Zealand",
                NULL, NULL, "", "");
  assert_block (source, 2, DESK_BLOCK_ROLE_BODY,
                "Dairy farmers in South Canterbury are selling cows they cannot feed after the "
                "driest summer in forty years, the regional farmers federation said on "
                "Wednesday.", NULL);
  assert_block (source, 3, DESK_BLOCK_ROLE_BODY,
                "Milk volumes at the Pareora processing plant are down by a fifth on last "
                "season, and the plant has cut a night shift until the autumn rains arrive, a "
                "spokeswoman said.", NULL);
  assert_block (source, 4, DESK_BLOCK_ROLE_BODY,
                "\"You keep the best of the herd and hope the grass comes back,\" said Hemi "
                "Walker, who milks 400 cows near Cave.", NULL);
  assert_block (source, 5, DESK_BLOCK_ROLE_BODY,
                "The federation has asked the government to declare a drought in the district, "
                "which would free up money for feed and counselling.", NULL);
  assert_offsets (source);
}

static void
test_wrapped_no_blank_lines (void)
{
  g_autoptr(DeskSource) source = load_fixture ("wrapped-noblank.txt");

  /* The headline sits right above the wrapped text: a short line that a wrapped paragraph
   * would have filled. */
  assert_roles (source, "headline dateline body*3");
  assert_story (source, "Lighthouse keeper's cottage to become a museum", "PORT ELLEN, Scotland",
                NULL, NULL, "", "");
  assert_block (source, 2, DESK_BLOCK_ROLE_BODY,
                "A lighthouse keeper's cottage on the island of Islay will open as a small museum "
                "next spring, the local heritage trust said on Friday.", NULL);
  assert_block (source, 3, DESK_BLOCK_ROLE_BODY,
                "The trust bought the cottage last year with money raised by islanders and a "
                "grant from the national lottery fund.", NULL);
  assert_block (source, 4, DESK_BLOCK_ROLE_BODY,
                "Volunteers have spent the winter replacing the roof and the windows.", NULL);
  assert_offsets (source);
}

/* ---- Habits of desk material ----------------------------------------------------------- */

static void
test_scraped (void)
{
  g_autoptr(DeskSource) source = load_fixture ("scraped.txt");
  const char * const furniture[] = {
    "http", "Harbourfront Daily", "by admin", "Share this", "Click to share", "Subscribe",
    "All rights reserved", "**", "##", NULL
  };

  assert_roles (source, "furniture furniture headline furniture dateline body body "
                        "furniture*3 body furniture furniture body furniture furniture");
  assert_story (source, "Dock workers walk out at Halifax container terminal", "Halifax",
                NULL, "2026-04-13", "", "");

  assert_block (source, 0, DESK_BLOCK_ROLE_FURNITURE,
                "Harbourfront Daily :http://www.harbourfrontdaily.ca/index.php: "
                "Harbourfront Daily - Atlantic News", "web address");
  assert_block (source, 1, DESK_BLOCK_ROLE_FURNITURE, "http://www.harbourfrontdaily.ca",
                "web address");
  assert_block (source, 2, DESK_BLOCK_ROLE_HEADLINE,
                "Dock workers walk out at Halifax container terminal", "heading");
  assert_block (source, 3, DESK_BLOCK_ROLE_FURNITURE, "13/04/2026 07:30 by admin",
                "posting stamp");
  assert_block (source, 4, DESK_BLOCK_ROLE_DATELINE, "Halifax", "dateline");
  assert_block (source, 5, DESK_BLOCK_ROLE_BODY,
                "About 600 dock workers walked off the job at the Fairview Cove container "
                "terminal on Monday, leaving a dozen ships waiting at anchor outside the harbour, "
                "the port authority said.", "paragraph");
  assert_block (source, 6, DESK_BLOCK_ROLE_BODY,
                "The union said the stoppage was indefinite and blamed the terminal operator for "
                "breaking off talks on a new contract last week.", "paragraph");
  assert_block (source, 7, DESK_BLOCK_ROLE_FURNITURE, "Share this:", "web page widget");
  assert_block (source, 8, DESK_BLOCK_ROLE_FURNITURE,
                "Click to share on Facebook (Opens in new window)", "web page widget");
  assert_block (source, 9, DESK_BLOCK_ROLE_FURNITURE, "Subscribe to our newsletter",
                "web page widget");
  assert_block (source, 10, DESK_BLOCK_ROLE_BODY,
                "Trucking companies said they had been told to stop sending containers to the "
                "terminal, and that hundreds of drivers had nothing to carry by the afternoon "
                "when the cranes fell silent and the gates were closed to traffic.",
                "paragraph rejoined across a page break");
  assert_block (source, 11, DESK_BLOCK_ROLE_FURNITURE, NULL, "web address");
  assert_block (source, 12, DESK_BLOCK_ROLE_FURNITURE, NULL, "web address");
  assert_block (source, 14, DESK_BLOCK_ROLE_FURNITURE,
                "Harbourfront Daily \xc2\xa9 2026. All rights reserved.", "copyright notice");

  g_assert_cmpuint (desk_source_count_blocks (source, DESK_BLOCK_ROLE_BODY), ==, 4);
  assert_rejoined (source, "by the afternoon when the", "cranes fell silent");
  assert_body_clean (source, furniture);
  assert_offsets (source);
}

static void
test_ap_style (void)
{
  g_autoptr(DeskSource) source = load_fixture ("ap-style.txt");

  assert_roles (source, "headline caption caption byline dateline body*4");
  assert_story (source, "Senate panel delays vote on rail safety bill", "WASHINGTON",
                "The Associated Press", NULL, "Jane Doe",
                "Mark Ellison/The Associated Press/photographer; "
                "Jane Doe/The Associated Press/author");
  assert_block (source, 1, DESK_BLOCK_ROLE_CAPTION,
                "FILE - A freight train crosses a bridge over the Potomac River near Harpers "
                "Ferry, W.Va., on June 3, 2024.", "photo caption");
  assert_block (source, 2, DESK_BLOCK_ROLE_CAPTION,
                "Sen. Alma Ruiz (right) speaks with reporters outside the Capitol on Tuesday. "
                "(AP Photo/Mark Ellison)", "photo credit");
  assert_block (source, 3, DESK_BLOCK_ROLE_BYLINE, "By Jane Doe, The Associated Press", "byline");
  assert_block (source, 4, DESK_BLOCK_ROLE_DATELINE, "WASHINGTON", "dateline");
  assert_block (source, 5, DESK_BLOCK_ROLE_BODY,
                "A Senate committee on Tuesday postponed a vote on a bill that would require "
                "freight railroads to run longer trains with two crew members, after lobbyists "
                "for the industry asked for more time to study the cost.", NULL);
  assert_block (source, 7, DESK_BLOCK_ROLE_BODY,
                "\xe2\x80\x9cWe have waited long enough for this bill,\xe2\x80\x9d Ruiz said. "
                "\xe2\x80\x9c" "A few more weeks will not change what it says.\xe2\x80\x9d", NULL);
  assert_offsets (source);
}

static void
test_newspaper (void)
{
  g_autoptr(DeskSource) source = load_fixture ("newspaper.txt");

  assert_roles (source, "headline deck caption caption dateline body*3 credit furniture furniture");
  assert_story (source, "Bridge closure snarls traffic in Portland", "PORTLAND, Maine",
                "The Associated Press", "2026-05-02", "",
                "Nora Fitch/The Associated Press/contributor; "
                "Samuel Oduya/The Associated Press/contributor; "
                "Kevin Laird/The Boston Globe/contributor");
  assert_block (source, 1, DESK_BLOCK_ROLE_DECK, "Commuters told to expect delays for three weeks",
                "under the headline");
  assert_block (source, 2, DESK_BLOCK_ROLE_CAPTION,
                "Crews work on the deck of the Casco Street Bridge (left) on Monday morning.",
                "photo caption");
  assert_block (source, 3, DESK_BLOCK_ROLE_CAPTION,
                "Crews work on the deck of the Casco Street Bridge (left) on Monday morning.",
                "repeated caption");
  assert_block (source, 8, DESK_BLOCK_ROLE_CREDIT, NULL, "contributor line");
  assert_block (source, 9, DESK_BLOCK_ROLE_FURNITURE, "A Section on 05/02/2026", "section stamp");
  assert_block (source, 10, DESK_BLOCK_ROLE_FURNITURE, "Around the Valley", "leftover page text");
  assert_offsets (source);
}

static void
test_agency_tag (void)
{
  g_autoptr(DeskSource) source = load_fixture ("agency-tag.txt");

  assert_roles (source, "headline body*3 credit");
  assert_story (source, "Monsoon rains flood low-lying areas of Pune", NULL,
                "Press Trust of India", NULL, "", "/Press Trust of India/agency");
  assert_block (source, 3, DESK_BLOCK_ROLE_BODY,
                "Schools in the affected areas will remain closed on Monday, the district "
                "collector said.", NULL);
  assert_block (source, 4, DESK_BLOCK_ROLE_CREDIT, "- PTI", "agency tag");
  assert_offsets (source);
}

/* Agency tags in their forms, closing a story or on a line of its own under the headline */
static void
test_agency_tag_forms (void)
{
  const struct
  {
    const char *tag;
    const char *agency;
  } tags[] = {
    { "- PTI", "Press Trust of India" },
    { "(AP)", "The Associated Press" },
    { "Reuters", "Reuters" },
    { "\xe2\x80\x94 AFP", "Agence France-Presse" },
  };
  const char *body = "A strong earthquake shook coastal towns in the north on Sunday, cracking "
                     "walls and sending residents into the streets, but there were no reports "
                     "of deaths, officials said.\n\nAftershocks went on through the night.";

  for (guint i = 0; i < G_N_ELEMENTS (tags); i++)
    {
      g_autofree char *closing = g_strdup_printf ("Quake shakes coastal towns\n\n%s\n%s\n",
                                                  body, tags[i].tag);
      g_autofree char *heading = g_strdup_printf ("Quake shakes coastal towns\n%s\n\n%s\n",
                                                  tags[i].tag, body);
      g_autofree char *credit = g_strdup_printf ("/%s/agency", tags[i].agency);
      g_autoptr(GBytes) closing_bytes = g_bytes_new_static (closing, strlen (closing));
      g_autoptr(GBytes) heading_bytes = g_bytes_new_static (heading, strlen (heading));
      g_autoptr(DeskSource) tail = NULL;
      g_autoptr(DeskSource) head = NULL;
      g_autoptr(GError) error = NULL;

      tail = desk_source_new_from_bytes (closing_bytes, "tail", DESK_SOURCE_ORIGIN_PASTE, &error);
      g_assert_no_error (error);
      assert_roles (tail, "headline body body credit");
      assert_block (tail, 3, DESK_BLOCK_ROLE_CREDIT, tags[i].tag, "agency tag");
      assert_story (tail, "Quake shakes coastal towns", NULL, tags[i].agency, NULL, "", credit);
      assert_offsets (tail);

      head = desk_source_new_from_bytes (heading_bytes, "head", DESK_SOURCE_ORIGIN_PASTE, &error);
      g_assert_no_error (error);
      assert_roles (head, "headline byline body body");
      assert_block (head, 1, DESK_BLOCK_ROLE_BYLINE, tags[i].tag, "agency byline");
      assert_story (head, "Quake shakes coastal towns", NULL, tags[i].agency, NULL, "", credit);
      assert_offsets (head);
    }
}

static void
test_writethru (void)
{
  g_autoptr(DeskSource) source = load_fixture ("writethru.txt");

  assert_roles (source, "furniture headline furniture byline dateline body body credit");
  /* Under the agency's own dateline, its trailer and byline name its staff. */
  assert_story (source, "Storm closes ports along the Gulf coast", "HOUSTON", "Reuters", NULL,
                "Ravi Menon",
                "Ravi Menon/Reuters/author; Ravi Menon/Reuters/contributor; "
                "Claire Osei/Reuters/editor");
  assert_block (source, 0, DESK_BLOCK_ROLE_FURNITURE, "UPDATE 1-", "writethru slug");
  assert_block (source, 1, DESK_BLOCK_ROLE_HEADLINE, "Storm closes ports along the Gulf coast",
                NULL);
  assert_block (source, 2, DESK_BLOCK_ROLE_FURNITURE,
                "(Adds port authority comment, updates list of closed terminals)",
                "writethru note");
  assert_block (source, 3, DESK_BLOCK_ROLE_BYLINE, "By Ravi Menon", "byline");
  assert_block (source, 4, DESK_BLOCK_ROLE_DATELINE, "HOUSTON", "dateline");
  assert_block (source, 7, DESK_BLOCK_ROLE_CREDIT,
                "(Reporting by Ravi Menon in Houston; Editing by Claire Osei)", "contributor line");
  assert_offsets (source);
}

/* An agency's notes on the version, set in brackets above its headline, in any language:
 * not the headline; the byline in the copy's own language. */
static void
test_service_notes (void)
{
  const char *story = "(Aktualisierung: neue Fassung mit Urteil)\n"
                      "(KORR-Bericht)\n"
                      "Gericht stoppt den Bau der Umgehungsstra\xc3\x9f" "e\n"
                      "Von Jana Beispiel, dpa\n"
                      "(Foto - aktuell)\n\n"
                      "Leipzig (dpa) - Das Bundesverwaltungsgericht hat den Bau einer "
                      "Umgehungsstra\xc3\x9f" "e am Mittwoch vorerst gestoppt. Die Richter sahen "
                      "M\xc3\xa4ngel bei der Pr\xc3\xbc" "fung des Naturschutzes.\n\n"
                      "Das Land will nun nachbessern, wie ein Sprecher sagte. Ein neues "
                      "Verfahren k\xc3\xb6nnte zwei Jahre dauern.\n";
  g_autoptr(GBytes) bytes = g_bytes_new_static (story, strlen (story));
  g_autoptr(GError) error = NULL;
  g_autoptr(DeskSource) source = NULL;

  source = desk_source_new_from_bytes (bytes, "dpa", DESK_SOURCE_ORIGIN_PASTE, &error);
  g_assert_no_error (error);

  assert_block (source, 0, DESK_BLOCK_ROLE_FURNITURE, "(Aktualisierung: neue Fassung mit Urteil)",
                "service note");
  assert_block (source, 1, DESK_BLOCK_ROLE_FURNITURE, "(KORR-Bericht)", "service note");
  assert_block (source, 2, DESK_BLOCK_ROLE_HEADLINE,
                "Gericht stoppt den Bau der Umgehungsstra\xc3\x9f" "e", NULL);
  assert_block (source, 3, DESK_BLOCK_ROLE_BYLINE, "Von Jana Beispiel, dpa", "byline");
  assert_block (source, 4, DESK_BLOCK_ROLE_CAPTION, "(Foto - aktuell)", "photo caption");
  g_assert_cmpstr (desk_source_get_title (source), ==,
                   "Gericht stoppt den Bau der Umgehungsstra\xc3\x9f" "e");
}

static DeskSource *
source_from_text (const char *text)
{
  g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));
  g_autoptr(GError) error = NULL;
  DeskSource *source = desk_source_new_from_bytes (bytes, "Pasted text", DESK_SOURCE_ORIGIN_PASTE,
                                                   &error);

  g_assert_no_error (error);
  return source;
}

/* An agency's text rendition in Markdown: the story hard-wrapped, then a notes section of
 * headings and lists with no blank line between them, list items wrapped with indented
 * lines, a rule and a line after it. */
static void
test_markdown_end_matter (void)
{
  const char *story =
    "Stadtrat beschlie\xc3\x9f" "t neuen Hafenplan\n\n"
    "Kiel (dpa) - Der Stadtrat hat am Dienstag einen neuen Plan f\xc3\xbcr den\n"
    "Hafen beschlossen. Die Kosten sollen bei rund zw\xc3\xb6lf Millionen Euro\n"
    "liegen, wie eine Sprecherin der Stadt am Abend mitteilte. (Az. 4 B 12/19)\n\n"
    "Die Opposition kritisierte den Beschluss als \xc3\xbc" "bereilt und kündigte an,\n"
    "das Vorhaben im Landtag zur Sprache zu bringen.\n\n"
    "# Notizblock\n\n"
    "## Aktualisierung\n"
    "- Der Text wurde nach der Sitzung erg\xc3\xa4nzt, vor allem\n"
    "  im zweiten Absatz.\n\n"
    "## Internet\n"
    "- [Beschluss des Stadtrats](http://example.org/a)\n"
    "- [Hafenplan als PDF vom\n"
    "  Dienstag](http://example.org/b)\n\n"
    "* * * *\n"
    "Diese Angaben sind nur f\xc3\xbcr die Redaktion\n\n"
    "## Kontakte\n"
    "- Autorin: Jana Beispiel (Kiel), +49 431 000 00-00,\n"
    "  <beispiel.jana@example.org>\n";
  g_autoptr(DeskSource) source = source_from_text (story);

  /* The story's last paragraph keeps its own end: the update note under the heading is
   * not joined to it, and the indented line stays with its list item. */
  assert_block (source, 3, DESK_BLOCK_ROLE_BODY,
                "Die Opposition kritisierte den Beschluss als \xc3\xbc" "bereilt und kündigte an, "
                "das Vorhaben im Landtag zur Sprache zu bringen.", NULL);
  assert_block (source, 6, DESK_BLOCK_ROLE_FURNITURE,
                "- Der Text wurde nach der Sitzung erg\xc3\xa4nzt, vor allem im zweiten Absatz.",
                "notes after the story");
  /* Everything listed under the headings after the story is its apparatus. */
  assert_roles (source, "headline dateline body body furniture*10");
}

/* A dash that is punctuation at the head of a wrapped line, and "2. Bundesliga" opening a
 * paragraph, do not make list items. */
static void
test_markdown_not_a_list (void)
{
  const char *story =
    "Schalke holt neuen Trainer\n\n"
    "2. Bundesliga: Der Verein hat am Montag einen neuen Trainer vorgestellt, der\n"
    "bisher in den Niederlanden arbeitete und einen Vertrag bis 2027 erhielt. Der\n"
    "Vorstand sprach von einer langfristigen L\xc3\xb6sung f\xc3\xbcr die Mannschaft\n"
    "- die Fans reagierten dagegen zur\xc3\xbc" "ckhaltend auf die Nachricht aus dem Klub.\n";
  g_autoptr(DeskSource) source = source_from_text (story);

  assert_roles (source, "headline body");
}

/* The head of a scraped news page: a request to the reader above the headline, a byline
 * run together with the page's stamps, a caption over its photo credit and the page's
 * buttons in capitals; in the story, a labelled link set between two paragraphs. */
static void
test_scraped_head (void)
{
  const char *story =
    "To learn more about our comment section please read the community rules and answers\n\n"
    "Harbour board approves new ferry terminal after long review\n\n"
    "Jane Doe , The Associated Press Published 9:12 a.m. ET May 4, 2021 | Updated 9:40 a.m. ET May 4, 2021\n\n"
    "The harbour board chair and the mayor at the terminal site on Tuesday.\n\n"
    "(Photo: John Roe, AP)\n\n"
    "SHARE POST EMAIL MORE\n\n"
    "HALIFAX \xe2\x80\x94 The harbour board approved a new ferry terminal on Tuesday, ending a "
    "review that took three years and drew hundreds of comments from residents.\n\n"
    "More: What the new terminal means for commuters\n\n"
    "Construction is to start in the autumn, the board said, and the terminal should open "
    "to passengers two years later.\n";
  g_autoptr(DeskSource) source = source_from_text (story);

  assert_block (source, 0, DESK_BLOCK_ROLE_FURNITURE,
                "To learn more about our comment section please read the community rules and answers",
                NULL);
  assert_block (source, 1, DESK_BLOCK_ROLE_HEADLINE,
                "Harbour board approves new ferry terminal after long review", NULL);
  assert_block (source, 2, DESK_BLOCK_ROLE_BYLINE, NULL, "byline with time stamps");
  assert_block (source, 3, DESK_BLOCK_ROLE_CAPTION, NULL, "photo caption");
  assert_block (source, 5, DESK_BLOCK_ROLE_FURNITURE, "SHARE POST EMAIL MORE", NULL);
  assert_block (source, 8, DESK_BLOCK_ROLE_FURNITURE, "More: What the new terminal means for commuters",
                "link to another story");
  g_assert_cmpstr (desk_source_get_title (source), ==,
                   "Harbour board approves new ferry terminal after long review");
  g_assert_cmpstr (desk_source_get_bylines (source)[0], ==, "Jane Doe");
}

/* A list of headlines is a digest's story, not links set into one. */
static void
test_headline_list (void)
{
  const char *story =
    "Top business news at noon\n\n"
    "Ferry operator sued by families of passengers over last winter's harbour fire\n\n"
    "Police: Warehouse blaze on the east side of the port was set on purpose\n\n"
    "Shares of shipping firms fall sharply after a week of storm warnings at sea\n";
  g_autoptr(DeskSource) source = source_from_text (story);

  assert_block (source, 2, DESK_BLOCK_ROLE_BODY,
                "Police: Warehouse blaze on the east side of the port was set on purpose", NULL);
}

static void
test_from_bytes (void)
{
  const char *story = "Wind farm approved\n\nThe state approved a wind farm off the coast on "
                      "Friday, ending a review that took six years and drew more than 4,000 "
                      "public comments from residents and fishermen.\n";
  g_autoptr(GBytes) bytes = g_bytes_new_static (story, strlen (story));
  g_autoptr(GError) error = NULL;
  g_autoptr(DeskSource) source = NULL;
  g_autoptr(DeskSource) again = NULL;

  source = desk_source_new_from_bytes (bytes, "Pasted text", DESK_SOURCE_ORIGIN_PASTE, &error);
  g_assert_no_error (error);
  again = desk_source_new_from_bytes (bytes, "Pasted again", DESK_SOURCE_ORIGIN_PASTE, &error);
  g_assert_no_error (error);

  g_assert_cmpstr (desk_source_get_name (source), ==, "Pasted text");
  g_assert_cmpint (desk_source_get_origin (source), ==, DESK_SOURCE_ORIGIN_PASTE);
  g_assert_null (desk_source_get_file (source));
  g_assert_true (g_bytes_equal (desk_source_get_bytes (source), bytes));
  g_assert_cmpstr (desk_source_get_text (source), ==, story);
  g_assert_cmpuint (strlen (desk_source_get_id (source)), ==, 16);
  g_assert_cmpstr (desk_source_get_id (source), ==, desk_source_get_id (again));
  g_assert_cmpuint (desk_source_get_n_repaired (source), ==, 0);
  g_assert_cmpuint (desk_source_get_n_invalid (source), ==, 0);

  assert_roles (source, "headline body");
  g_assert_cmpstr (desk_source_get_title (source), ==, "Wind farm approved");
  assert_offsets (source);
}

static void
changed_cb (DeskSource *source,
            guint      *count)
{
  (*count)++;
}

static void
test_override_changes_source (void)
{
  g_autoptr(DeskSource) source = load_fixture ("newspaper.txt");
  g_autoptr(DeskBlock) deck = get_block (source, 1);
  guint changed = 0;

  g_signal_connect (source, "changed", G_CALLBACK (changed_cb), &changed);

  g_assert_cmpuint (desk_source_count_blocks (source, DESK_BLOCK_ROLE_BODY), ==, 3);
  desk_block_set_role (deck, DESK_BLOCK_ROLE_BODY);
  g_assert_cmpuint (changed, ==, 1);
  g_assert_cmpuint (desk_source_count_blocks (source, DESK_BLOCK_ROLE_BODY), ==, 4);
  g_assert_cmpuint (desk_source_count_blocks (source, DESK_BLOCK_ROLE_DECK), ==, 0);

  desk_block_set_role (deck, DESK_BLOCK_ROLE_BODY);
  g_assert_cmpuint (changed, ==, 1);

  desk_block_reset_role (deck);
  g_assert_cmpuint (changed, ==, 2);
  g_assert_cmpuint (desk_source_count_blocks (source, DESK_BLOCK_ROLE_DECK), ==, 1);
}

/* Scraped Markdown: bold marks go, a link keeps its text; what only looks like a link stays. */
static void
test_markdown_links (void)
{
  static const char text[] =
    "The minister, who spoke in Paris on Thursday, said the **annual** report was late and "
    "that [the full report](https://example.com/report?id=4) would follow next week.\n\n"
    "An aide said [the appendix] (not a link) and [the [draft] copy](https://example.com/d) "
    "and [an empty address]() and [](https://example.com/x) and "
    "[a spaced address](https://example.com/a b) and [one](a) [two](b) were sent on Friday.\n";
  g_autoptr(GBytes) bytes = g_bytes_new_static (text, sizeof text - 1);
  g_autoptr(GError) error = NULL;
  g_autoptr(DeskSource) source = desk_source_new_from_bytes (bytes, "scraped", DESK_SOURCE_ORIGIN_PASTE, &error);
  g_autoptr(DeskBlock) first = NULL;
  g_autoptr(DeskBlock) second = NULL;

  g_assert_no_error (error);
  first = get_block (source, 0);
  second = get_block (source, 1);
  g_assert_cmpstr (desk_block_get_text (first), ==,
                   "The minister, who spoke in Paris on Thursday, said the annual report was late "
                   "and that the full report would follow next week.");
  g_assert_cmpstr (desk_block_get_text (second), ==,
                   "An aide said [the appendix] (not a link) and [the [draft] copy](https://example.com/d) "
                   "and [an empty address]() and [](https://example.com/x) and "
                   "[a spaced address](https://example.com/a b) and one two were sent on Friday.");
}

/* A view may hold a block after its source is gone; the block then tells no one. */
static void
test_block_outlives_source (void)
{
  g_autoptr(DeskSource) source = load_fixture ("newspaper.txt");
  g_autoptr(DeskBlock) deck = get_block (source, 1);
  guint changed = 0;

  g_signal_connect (source, "changed", G_CALLBACK (changed_cb), &changed);
  g_clear_object (&source);

  desk_block_set_role (deck, DESK_BLOCK_ROLE_BODY);
  g_assert_cmpint (desk_block_get_role (deck), ==, DESK_BLOCK_ROLE_BODY);
  g_assert_cmpuint (changed, ==, 0);
}

/* ---- Errors ---------------------------------------------------------------------------- */

typedef struct
{
  char *dir;
} TempDir;

static void
temp_dir_set_up (TempDir       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("copydesk-test-source-XXXXXX", &error);
  g_assert_no_error (error);
}

static void
temp_dir_tear_down (TempDir       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GDir) dir = g_dir_open (fixture->dir, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (fixture->dir, name, NULL);

      g_chmod (path, 0700);
      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        g_rmdir (path);
      else
        g_unlink (path);
    }

  g_rmdir (fixture->dir);
  g_clear_pointer (&fixture->dir, g_free);
}

static char *
write_file (TempDir    *fixture,
            const char *name,
            const char *data,
            gsize       length)
{
  g_autofree char *path = g_build_filename (fixture->dir, name, NULL);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, data, length, &error);
  g_assert_no_error (error);

  return g_steal_pointer (&path);
}

/* Reading @path fails with @domain and @code, and the message names the file. */
static void
assert_read_fails (const char *path,
                   gsize       max_size,
                   GQuark      domain,
                   int         code)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(DeskSource) source = NULL;
  g_autofree char *basename = g_path_get_basename (path);

  source = desk_source_new_for_file (file, max_size, NULL, &error);
  g_assert_null (source);
  g_assert_error (error, domain, code);
  if (strstr (error->message, basename) == NULL)
    g_error ("“%s” does not name %s", error->message, basename);
}

static void
test_error_empty (TempDir       *fixture,
                  gconstpointer  data)
{
  g_autofree char *empty = write_file (fixture, "empty-story.txt", "", 0);
  g_autofree char *blank = write_file (fixture, "blank-story.txt", " \n\t\r\n\n", 6);

  assert_read_fails (empty, 0, DESK_ERROR, DESK_ERROR_EMPTY);
  assert_read_fails (blank, 0, DESK_ERROR, DESK_ERROR_EMPTY);
}

static void
test_error_binary (TempDir       *fixture,
                   gconstpointer  data)
{
  static const guchar png[] = {
    0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n',
    0x00, 0x00, 0x00, 0x0d, 'I', 'H', 'D', 'R', 0x00, 0x00, 0x01, 0x00,
    0x00, 0x00, 0x00, 0xc8, 0x08, 0x06, 0x00, 0x00, 0x00, 0x5b, 0x1f, 0x9a,
    0x3c, 0x00, 0x00, 0x00, 0x00, 'I', 'E', 'N', 'D', 0xae, 0x42, 0x60, 0x82,
  };
  g_autofree char *path = write_file (fixture, "front-page.png", (const char *)png, sizeof png);

  assert_read_fails (path, 0, DESK_ERROR, DESK_ERROR_BINARY);
}

static void
test_error_folder (TempDir       *fixture,
                   gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "stories", NULL);

  g_assert_cmpint (g_mkdir (path, 0700), ==, 0);
  assert_read_fails (path, 0, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY);
}

static void
test_error_missing (TempDir       *fixture,
                    gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "no-such-story.txt", NULL);

  assert_read_fails (path, 0, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
}

static void
test_error_too_large (TempDir       *fixture,
                      gconstpointer  data)
{
  const char *story = "Headline\n\nA paragraph of exactly the right length.\n";
  g_autofree char *path = write_file (fixture, "long-story.txt", story, strlen (story));
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(DeskSource) source = NULL;

  assert_read_fails (path, strlen (story) - 1, DESK_ERROR, DESK_ERROR_TOO_LARGE);

  /* At the limit is not over it; 0 is the default limit. */
  source = desk_source_new_for_file (file, strlen (story), NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (source);
  g_assert_true (desk_source_get_file (source) == file);
  g_clear_object (&source);

  source = desk_source_new_for_file (file, 0, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (source);
  g_assert_cmpuint (DESK_SOURCE_DEFAULT_MAX_SIZE, ==, 20 * 1000 * 1000);
}

static void
test_text_kept_once (TempDir       *fixture,
                     gconstpointer  data)
{
  const char *clean = "Wind farm approved\n\nThe state approved a wind farm off the coast on "
                      "Friday, ending a review that took six years.\n";
  const char *crlf = "Wind farm approved\r\n\r\nThe state approved a wind farm off the coast "
                     "on Friday, ending a review that took six years.\r\n";
  g_autofree char *clean_path = write_file (fixture, "clean.txt", clean, strlen (clean));
  g_autofree char *crlf_path = write_file (fixture, "crlf.txt", crlf, strlen (crlf));
  g_autoptr(GFile) clean_file = g_file_new_for_path (clean_path);
  g_autoptr(GFile) crlf_file = g_file_new_for_path (crlf_path);
  g_autoptr(GError) error = NULL;
  g_autoptr(DeskSource) source = NULL;
  g_autoptr(GBytes) kept = NULL;
  gsize size;
  const char *bytes_data;

  /* Text that decoding leaves as it is: the bytes and the text are one copy. */
  source = desk_source_new_for_file (clean_file, 0, NULL, &error);
  g_assert_no_error (error);
  bytes_data = g_bytes_get_data (desk_source_get_bytes (source), &size);
  g_assert_cmpmem (bytes_data, size, clean, strlen (clean));
  g_assert_cmpstr (desk_source_get_text (source), ==, clean);
  g_assert_true (bytes_data == desk_source_get_text (source));

  /* The bytes outlive the source (a saved project holds them). */
  kept = g_bytes_ref (desk_source_get_bytes (source));
  g_clear_object (&source);
  bytes_data = g_bytes_get_data (kept, &size);
  g_assert_cmpmem (bytes_data, size, clean, strlen (clean));
  g_clear_pointer (&kept, g_bytes_unref);

  /* Text that decoding changed: the bytes stay as read. */
  source = desk_source_new_for_file (crlf_file, 0, NULL, &error);
  g_assert_no_error (error);
  bytes_data = g_bytes_get_data (desk_source_get_bytes (source), &size);
  g_assert_cmpmem (bytes_data, size, crlf, strlen (crlf));
  g_assert_cmpstr (desk_source_get_text (source), ==, clean);
  g_assert_false (bytes_data == desk_source_get_text (source));
}

static void
test_error_unreadable (TempDir       *fixture,
                       gconstpointer  data)
{
#ifdef G_OS_UNIX
  const char *story = "Headline\n\nA paragraph.\n";
  g_autofree char *path = write_file (fixture, "locked-story.txt", story, strlen (story));

  if (geteuid () == 0)
    {
      g_test_skip ("root can read a file whatever its mode");
      return;
    }

  g_assert_cmpint (g_chmod (path, 0000), ==, 0);
  assert_read_fails (path, 0, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED);
#else
  g_test_skip ("file modes are a Unix thing");
#endif
}

static void
test_error_from_bytes (void)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static ("\n\n  \n", 5);
  g_autoptr(GError) error = NULL;
  g_autoptr(DeskSource) source = NULL;

  source = desk_source_new_from_bytes (bytes, "Pasted text", DESK_SOURCE_ORIGIN_PASTE, &error);
  g_assert_null (source);
  g_assert_error (error, DESK_ERROR, DESK_ERROR_EMPTY);
  g_assert_nonnull (strstr (error->message, "Pasted text"));
}

static void
async_ready_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

static DeskSource *
load_async (const char  *path,
            GError     **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GAsyncResult) result = NULL;

  desk_source_new_for_file_async (file, 0, NULL, async_ready_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);

  return desk_source_new_for_file_finish (result, error);
}

static void
test_async (TempDir       *fixture,
            gconstpointer  data)
{
  g_autofree char *fixture_path = g_test_build_filename (G_TEST_DIST, "data", "ingest",
                                                         "blank-lines.txt", NULL);
  g_autofree char *missing = g_build_filename (fixture->dir, "gone.txt", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(DeskSource) source = NULL;
  g_autoptr(DeskSource) failed = NULL;

  source = load_async (fixture_path, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (desk_source_get_title (source), ==,
                   "Orchard town votes to keep its Saturday market");

  failed = load_async (missing, &error);
  g_assert_null (failed);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "gone.txt"));
}

/* ---- Seed files -------------------------------------------------------------------------- */

typedef struct
{
  const char *variable;       /* the environment variable naming the folder */
  const char *name;           /* the file in it */
  const char *roles;          /* every block's role, as for expand_roles() */
  const char *title;
  const char *dateline;
  const char *agency;
  const char *date;
  const char *bylines;
  guint       n_credits;
  const char *credits[4];     /* some of them, as credits_string() writes them */
  guint       n_body;
  const char *rejoined[2][2]; /* sentences cut by page furniture: before, after */
  const char *present[6];     /* text that must be in a block, as repaired */
} SeedCase;

static const char * const furniture_text[] = {
  "http", "www.", "gnn9", "tidewaterpost", "Tidewater Post", "savannawire", "Savanna Wire",
  "by admin", "Upcoming Events", "Most Popular", "Section on", "Share this", "Click to share",
  "Subscribe", "All rights reserved", "Also Read", "UPDATE", "This story has been updated",
  "(Adds", "Updated:", "##", "**", NULL
};

static const SeedCase seed_cases[] = {
  { "COPYDESK_SHARED_DIR", "seeds/000_6a068567c2ee40fc.txt",
    "headline deck furniture caption byline furniture body*12",
    "Russia, France Agree to Tighten Cooperation Against ISIS", NULL,
    "The Associated Press", NULL, "",
    2, { "Thierry Chesnot/Getty Images/photographer", "/The Associated Press/agency" },
    12, { { NULL } },
    { "Merkel\xe2\x80\x99s Cabinet", "\xe2\x80\x9clikely\xe2\x80\x9d" } },
  { "COPYDESK_SHARED_DIR", "seeds/002_41805ab46882eb0b.txt",
    "headline deck caption caption dateline body*37 credit furniture furniture",
    "Joining forces against ISIS, 2 nations say", "MOSCOW",
    "The Associated Press", "2015-11-27", "",
    11, { "Sylvie Corbet/The Associated Press/contributor",
          "Birgit Jennen/Bloomberg News/contributor",
          "James Kanter/The New York Times/contributor" },
    37, { { NULL } },
    { "targets -- two days" } },
  { "COPYDESK_SHARED_DIR", "seeds/003_c763d9ffe44cf6a1.txt",
    "furniture furniture headline furniture dateline body*13 furniture furniture body*16 "
    "furniture credit furniture",
    "Russia, France agree to tighten cooperation against ISIS", "Moscow",
    "Press Trust of India", "2015-11-27", "",
    1, { "/Press Trust of India/agency" },
    29, { { "keep the highest", "threat level until Monday" },
          { "an action which underscored", "the complex military landscape" } },
    { "targets \xe2\x80\x94 two days", "against IS \xe2\x80\x94 an essential",
      "Tuesday \xe2\x80\x94 an action" } },

  { "COPYDESK_SEEDS_DIR", "harbour-fire/01-agency-short.txt",
    "headline deck furniture caption byline furniture body*10",
    "Ferry Fire Off Halifax Kills 12; Dozens Pulled From Frigid Harbour", NULL,
    "The Associated Press", NULL, "",
    2, { "Ross Hennessey/Getty Images/photographer", "/The Associated Press/agency" },
    10, { { NULL } },
    { "M\xc3\xa9lanie Doucet", "Marc-Andr\xc3\xa9 Gagnon", "ship\xe2\x80\x99s master" } },
  { "COPYDESK_SEEDS_DIR", "harbour-fire/02-newspaper-long.txt",
    "headline deck caption caption dateline body*23 credit furniture furniture",
    "12 die as fire guts ferry off Halifax", "HALIFAX, Nova Scotia",
    "The Associated Press", "2026-03-14", "",
    6, { "Paul Brannigan/The Associated Press/contributor",
         "Karen Lindqvist/Bloomberg News/contributor",
         "Sophie Marchand/The New York Times/contributor" },
    23, { { NULL } },
    { "Melanie Doucet, 34" } },
  { "COPYDESK_SEEDS_DIR", "harbour-fire/03-scraped-reprint.txt",
    "furniture furniture headline furniture dateline body*8 furniture*4 body*4 furniture "
    "furniture body*3 credit furniture*4",
    "12 killed as fire engulfs ferry off Canada's Halifax", "Halifax",
    "Press Trust of India", "2026-03-13", "",
    1, { "/Press Trust of India/agency" },
    15, { { "towed to an anchorage", "in Bedford Basin" } },
    { "cutters \xe2\x80\x94 along", "pleasure craft \xe2\x80\x94 pulled",
      "ship\xe2\x80\x99s master", "M\xc3\xa9lanie Doucet", "Marc-Andr\xc3\xa9 Gagnon",
      "Mrs Karimi\xe2\x80\x99s office" } },
  { "COPYDESK_SEEDS_DIR", "harbour-fire/04-writethru.txt",
    "furniture headline furniture dateline body*24",
    "Death toll in Halifax ferry fire rises to 14 as divers search burned car deck",
    "HALIFAX, Nova Scotia", "The Associated Press", NULL, "",
    0, { NULL },
    24, { { NULL } },
    { "Marc-Andr\xc3\xa9 Gagnon", "Coast Guard\xe2\x80\x99s assistant commissioner" } },

  { "COPYDESK_SEEDS_DIR", "dam-talks/01-agency-short.txt",
    "headline deck furniture caption byline furniture body*10",
    "Kenya, Uganda Open Talks on Oloibor Dam as Herders Fear for Their River", NULL,
    "Reuters", NULL, "",
    2, { "Otieno Marende/Getty Images/photographer", "/Reuters/agency" },
    10, { { NULL } },
    { "Kenya\xe2\x80\x99s Cabinet Secretary" } },
  { "COPYDESK_SEEDS_DIR", "dam-talks/02-newspaper-long.txt",
    "headline deck caption caption byline dateline body*20 credit furniture furniture",
    "Kenya, Uganda talk water as herders wait", "NAIROBI, Kenya",
    "Reuters", "2026-04-22", "Faith Chepkoech",
    5, { "Faith Chepkoech/Reuters/author", "Ruth Nabwire/Reuters/contributor",
         "Samuel Kiplagat/Bloomberg News/contributor",
         "Clara Ebbesen/The New York Times/contributor" },
    20, { { NULL } },
    { "The talks continue today." } },
  { "COPYDESK_SEEDS_DIR", "dam-talks/03-scraped-reprint.txt",
    "furniture furniture headline furniture dateline body*7 furniture*3 body*4 furniture "
    "furniture body*5 credit furniture*5",
    "Kenya, Uganda open talks on Oloibor dam row", "Nairobi",
    "Reuters", "2026-04-21", "",
    1, { "/Reuters/agency" },
    16, { { "as much as 60 per cent while", "the reservoir fills." } },
    { "Kenya\xe2\x80\x99s arid northwest", "peaks \xe2\x80\x94 a timetable",
      "river\xe2\x80\x99s dry-season", "Uganda\xe2\x80\x99s energy ministry" } },
  { "COPYDESK_SEEDS_DIR", "dam-talks/04-writethru.txt",
    "furniture headline furniture byline dateline body*16 credit",
    "Kenya, Uganda agree to delay filling Oloibor dam reservoir", "NAIROBI",
    "Reuters", NULL, "Faith Chepkoech",
    5, { "Faith Chepkoech/Reuters/author", "Daniel Mwaura/Reuters/contributor",
         "Elias Byaruhanga/Reuters/contributor", "Helen Ashcombe/Reuters/editor" },
    16, { { NULL } },
    { "Some 60,000 herders" } },
};

static void
test_seed (gconstpointer data)
{
  const SeedCase *seed = data;
  g_autofree char *path = find_seed (seed->variable, seed->name);
  g_autoptr(DeskSource) source = NULL;
  g_autofree char *credits = NULL;
  g_autofree char *bylines = NULL;

  if (path == NULL)
    return;

  source = load_path (path);
  credits = credits_string (source);
  bylines = g_strjoinv ("; ", (GStrv)desk_source_get_bylines (source));

  assert_roles (source, seed->roles);
  g_assert_cmpstr (desk_source_get_title (source), ==, seed->title);
  g_assert_cmpstr (desk_source_get_dateline (source), ==, seed->dateline);
  g_assert_cmpstr (desk_source_get_agency (source), ==, seed->agency);
  g_assert_cmpstr (desk_source_get_date (source), ==, seed->date);
  g_assert_cmpstr (bylines, ==, seed->bylines);

  g_assert_cmpuint (g_list_model_get_n_items (desk_source_get_credits (source)), ==,
                    seed->n_credits);
  for (guint i = 0; i < G_N_ELEMENTS (seed->credits) && seed->credits[i] != NULL; i++)
    if (strstr (credits, seed->credits[i]) == NULL)
      g_error ("no credit “%s” in “%s”", seed->credits[i], credits);

  g_assert_cmpuint (desk_source_count_blocks (source, DESK_BLOCK_ROLE_BODY), ==, seed->n_body);
  assert_body_clean (source, furniture_text);
  assert_no_mojibake (source);

  for (guint i = 0; i < G_N_ELEMENTS (seed->rejoined) && seed->rejoined[i][0] != NULL; i++)
    assert_rejoined (source, seed->rejoined[i][0], seed->rejoined[i][1]);

  for (guint i = 0; i < G_N_ELEMENTS (seed->present) && seed->present[i] != NULL; i++)
    if (find_block (source, DESK_BLOCK_ROLE_BODY, seed->present[i]) < 0)
      g_error ("no body block has “%s”", seed->present[i]);

  assert_offsets (source);
}

/* A scraper's markup is where the source view hides it: what is left reads as the page. */
static void
test_markup_ranges (void)
{
  static const char text[] =
    "## Storm hits Halifax ##\n"
    "\n"
    "**HALIFAX:** A storm hit Halifax on Tuesday, **the utility** said in "
    "[a statement](https://example.com/notice_(2024)).\n"
    "\n"
    "Schools were closed and ferry crossings to Prince Edward Island were cancelled.\n"
    "\n"
    "* * *\n";
  g_autoptr(GBytes) bytes = g_bytes_new_static (text, strlen (text));
  g_autoptr(GError) error = NULL;
  g_autoptr(DeskSource) source = desk_source_new_from_bytes (bytes, "scraped.txt",
                                                             DESK_SOURCE_ORIGIN_PASTE, &error);
  g_autoptr(GString) shown = g_string_new (NULL);
  const char *source_text;
  gsize at = 0;

  g_assert_no_error (error);
  source_text = desk_source_get_text (source);
  for (guint i = 0; i < desk_source_get_n_markup_ranges (source); i++)
    {
      gsize start, end;

      desk_source_get_markup_range (source, i, &start, &end);
      g_assert_cmpuint (start, >=, at);
      g_assert_cmpuint (end, >, start);
      g_string_append_len (shown, source_text + at, start - at);
      at = end;
    }
  g_string_append (shown, source_text + at);

  g_assert_cmpstr (shown->str, ==,
                   "Storm hits Halifax\n"
                   "\n"
                   "HALIFAX: A storm hit Halifax on Tuesday, the utility said in a statement.\n"
                   "\n"
                   "Schools were closed and ferry crossings to Prince Edward Island were cancelled.\n"
                   "\n"
                   "* * *\n");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/source/markup-ranges", test_markup_ranges);
  g_test_add_func ("/source/shape/blank-lines", test_blank_lines);
  g_test_add_func ("/source/shape/one-per-line", test_one_per_line);
  g_test_add_func ("/source/shape/wrapped-blank-lines", test_wrapped_blank_lines);
  g_test_add_func ("/source/shape/wrapped-indented", test_wrapped_indented);
  g_test_add_func ("/source/shape/wrapped-no-blank-lines", test_wrapped_no_blank_lines);

  g_test_add_func ("/source/habit/scraped", test_scraped);
  g_test_add_func ("/source/habit/ap-style", test_ap_style);
  g_test_add_func ("/source/habit/newspaper", test_newspaper);
  g_test_add_func ("/source/habit/agency-tag", test_agency_tag);
  g_test_add_func ("/source/habit/agency-tag-forms", test_agency_tag_forms);
  g_test_add_func ("/source/habit/writethru", test_writethru);
  g_test_add_func ("/source/habit/service-notes", test_service_notes);
  g_test_add_func ("/source/habit/markdown-end-matter", test_markdown_end_matter);
  g_test_add_func ("/source/habit/markdown-not-a-list", test_markdown_not_a_list);
  g_test_add_func ("/source/habit/scraped-head", test_scraped_head);
  g_test_add_func ("/source/habit/headline-list", test_headline_list);

  g_test_add_func ("/source/from-bytes", test_from_bytes);
  g_test_add_func ("/source/override-changes-source", test_override_changes_source);
  g_test_add_func ("/source/block-outlives-source", test_block_outlives_source);
  g_test_add_func ("/source/markdown-links", test_markdown_links);

  g_test_add ("/source/error/empty", TempDir, NULL,
              temp_dir_set_up, test_error_empty, temp_dir_tear_down);
  g_test_add ("/source/error/binary", TempDir, NULL,
              temp_dir_set_up, test_error_binary, temp_dir_tear_down);
  g_test_add ("/source/error/folder", TempDir, NULL,
              temp_dir_set_up, test_error_folder, temp_dir_tear_down);
  g_test_add ("/source/error/missing", TempDir, NULL,
              temp_dir_set_up, test_error_missing, temp_dir_tear_down);
  g_test_add ("/source/text-kept-once", TempDir, NULL,
              temp_dir_set_up, test_text_kept_once, temp_dir_tear_down);
  g_test_add ("/source/error/too-large", TempDir, NULL,
              temp_dir_set_up, test_error_too_large, temp_dir_tear_down);
  g_test_add ("/source/error/unreadable", TempDir, NULL,
              temp_dir_set_up, test_error_unreadable, temp_dir_tear_down);
  g_test_add_func ("/source/error/from-bytes", test_error_from_bytes);
  g_test_add ("/source/async", TempDir, NULL, temp_dir_set_up, test_async, temp_dir_tear_down);

  for (guint i = 0; i < G_N_ELEMENTS (seed_cases); i++)
    {
      g_autofree char *base = g_path_get_basename (seed_cases[i].name);
      g_autofree char *dir = g_path_get_dirname (seed_cases[i].name);
      g_autofree char *test_path = NULL;

      *strrchr (base, '.') = '\0';
      test_path = g_strdup_printf ("/source/seed/%s/%s",
                                   g_str_equal (seed_cases[i].variable, "COPYDESK_SHARED_DIR")
                                   ? "shared" : dir, base);
      g_test_add_data_func (test_path, &seed_cases[i], test_seed);
    }

  return g_test_run ();
}
