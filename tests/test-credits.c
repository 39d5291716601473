/* test-credits.c: tests for the credits of a roundup and the lines that name them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "desk-credit-private.h"
#include "desk-credits.h"
#include "desk-project.h"
#include "desk-suggester.h"

static const char AP_STORY[] =
  "Storm knocks out power across Nova Scotia\n"
  "\n"
  "By Jane Doe, The Associated Press\n"
  "\n"
  "HALIFAX, Nova Scotia -- A fierce autumn storm knocked out power to more than 200,000 "
  "homes and businesses across Nova Scotia on Tuesday, the provincial utility said.\n"
  "\n"
  "Winds gusting to 130 kilometres an hour toppled trees onto lines from Yarmouth to "
  "Sydney, and crews expected some customers to be without power for several days.\n";

static const char REUTERS_STORY[] =
  "Ferries cancelled as storm hits Maritimes\n"
  "\n"
  "By John Roe, Reuters\n"
  "\n"
  "HALIFAX (Reuters) - Ferry crossings between Nova Scotia and Prince Edward Island were "
  "cancelled on Tuesday as a storm swept across the Maritime provinces.\n";

#define PREFIX "Information for this article was contributed "

static DeskSource *
source_new (const char *text,
            const char *name)
{
  g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));
  g_autoptr(GError) error = NULL;
  DeskSource *source;

  source = desk_source_new_from_bytes (bytes, name, DESK_SOURCE_ORIGIN_FILE, &error);
  g_assert_no_error (error);

  return source;
}

static guint
first_body_block (DeskSource *source)
{
  GListModel *blocks = desk_source_get_blocks (source);

  for (guint i = 0; i < g_list_model_get_n_items (blocks); i++)
    {
      g_autoptr(DeskBlock) block = g_list_model_get_item (blocks, i);

      if (desk_block_get_role (block) == DESK_BLOCK_ROLE_BODY)
        return i;
    }

  g_assert_not_reached ();
}

static char *
line (DeskCredits     *credits,
      DeskCreditStyle  style)
{
  return desk_credits_format_line (credits, style);
}

#define assert_line(credits, style, expected) G_STMT_START { \
    g_autofree char *_line = line ((credits), (style)); \
    g_assert_cmpstr (_line, ==, (expected)); \
  } G_STMT_END

/* Grammar, from credits the editor adds: every count of names and organisations. */

typedef struct
{
  const char *entries;      /* "name|organization;…", "" for none */
  const char *contributor;
  const char *agency;
} Grammar;

static const Grammar grammar[] = {
  /* One organisation, 1, 2, 3 and 4 names */
  { "Paul Brannigan|AP",
    PREFIX "by Paul Brannigan of The Associated Press.",
    "With reporting by AP." },
  { "Paul Brannigan|AP;Nicole Arsenault|Associated Press",
    PREFIX "by Paul Brannigan and Nicole Arsenault of The Associated Press.",
    "With reporting by AP." },
  { "Paul Brannigan|AP;Nicole Arsenault|AP;Derek Oakes|the associated press",
    PREFIX "by Paul Brannigan, Nicole Arsenault and Derek Oakes of The Associated Press.",
    "With reporting by AP." },
  { "A One|Reuters;B Two|Reuters;C Three|Reuters;D Four|Reuters",
    PREFIX "by A One, B Two, C Three and D Four of Reuters.",
    "With reporting by Reuters." },
  /* Two organisations */
  { "Paul Brannigan|AP;Karen Lindqvist|Bloomberg",
    PREFIX "by Paul Brannigan of The Associated Press and by Karen Lindqvist of Bloomberg News.",
    "With reporting by AP and Bloomberg." },
  { "Paul Brannigan|AP;Nicole Arsenault|AP;Derek Oakes|AP;Karen Lindqvist|Bloomberg",
    PREFIX "by Paul Brannigan, Nicole Arsenault and Derek Oakes of The Associated Press and "
    "by Karen Lindqvist of Bloomberg News.",
    "With reporting by AP and Bloomberg." },
  /* Three organisations */
  { "Paul Brannigan|AP;Nicole Arsenault|AP;Derek Oakes|AP;Karen Lindqvist|Bloomberg News;"
    "Thomas Reilly|New York Times;Sophie Marchand|NYT",
    PREFIX "by Paul Brannigan, Nicole Arsenault and Derek Oakes of The Associated Press; "
    "by Karen Lindqvist of Bloomberg News; and by Thomas Reilly and Sophie Marchand of "
    "The New York Times.",
    "With reporting by AP, Bloomberg and NYT." },
  /* Four organisations, one of them unknown and one with no named person */
  { "A One|AP;B Two|Bloomberg;C Three|Tidewater Post;|PTI",
    PREFIX "by A One of The Associated Press; by B Two of Bloomberg News; by C Three of "
    "Tidewater Post; and by staff members of Press Trust of India.",
    "With reporting by AP, Bloomberg, Tidewater Post and PTI." },
  /* Organisations with no named person */
  { "|PTI",
    PREFIX "by staff members of Press Trust of India.",
    "With reporting by PTI." },
  { "|AFP;|Reuters",
    PREFIX "by staff members of Agence France-Presse and by staff members of Reuters.",
    "With reporting by AFP and Reuters." },
  /* An agency tag of an organisation that has named people adds nothing */
  { "|AP;Jane Doe|AP",
    PREFIX "by Jane Doe of The Associated Press.",
    "With reporting by AP." },
  /* People with no organisation */
  { "Jane Doe|",
    PREFIX "by Jane Doe.",
    "With reporting by Jane Doe." },
  { "Jane Doe|;John Roe|",
    PREFIX "by Jane Doe and John Roe.",
    "With reporting by Jane Doe and John Roe." },
  { "Jane Doe|;John Roe|Reuters;Ann Poe|",
    PREFIX "by Jane Doe and Ann Poe and by John Roe of Reuters.",
    "With reporting by Jane Doe, Ann Poe and Reuters." },
  /* A name ending in a full stop gets no second one */
  { "Martin Luther King Jr.|",
    PREFIX "by Martin Luther King Jr.",
    "With reporting by Martin Luther King Jr." },
  /* Nobody */
  { "", NULL, NULL },
};

static void
test_grammar (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (grammar); i++)
    {
      g_autoptr(DeskProject) project = desk_project_new ();
      DeskCredits *credits = desk_project_get_credits (project);
      g_auto(GStrv) entries = g_strsplit (grammar[i].entries, ";", -1);

      for (guint j = 0; entries[j] != NULL; j++)
        {
          g_auto(GStrv) fields = NULL;

          if (entries[j][0] == '\0')
            continue;

          fields = g_strsplit (entries[j], "|", 2);
          g_assert_cmpuint (desk_credits_add (credits, fields[0], fields[1], NULL), !=,
                            DESK_CREDITS_INVALID_POSITION);
        }

      assert_line (credits, DESK_CREDIT_STYLE_CONTRIBUTOR_LINE, grammar[i].contributor);
      assert_line (credits, DESK_CREDIT_STYLE_AGENCY_LINE, grammar[i].agency);
      assert_line (credits, DESK_CREDIT_STYLE_NONE, NULL);
    }
}

static void
test_dedup (void)
{
  g_autoptr(DeskProject) project = desk_project_new ();
  DeskCredits *credits = desk_project_get_credits (project);
  guint first, second;

  first = desk_credits_add (credits, "Jane Doe", "The Associated Press", NULL);
  second = desk_credits_add (credits, "  jane   DOE ", "AP", NULL);
  g_assert_cmpuint (first, ==, second);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (credits)), ==, 1);

  /* The same name at another organisation is another person. */
  desk_credits_add (credits, "Jane Doe", "Reuters", NULL);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (credits)), ==, 2);

  /* Blank credits are nobody. */
  g_assert_cmpuint (desk_credits_add (credits, "  ", NULL, NULL), ==,
                    DESK_CREDITS_INVALID_POSITION);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (credits)), ==, 2);

  g_assert_true (desk_credits_find (credits, "JANE DOE", "associated press", NULL));
  g_assert_false (desk_credits_find (credits, "John Roe", NULL, NULL));
}

static void
count_cb (gpointer  instance,
          guint    *count)
{
  (*count)++;
}

static void
items_changed_cb (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  guint      *count)
{
  (*count)++;
}

static void
test_follows_content (void)
{
  g_autoptr(DeskProject) project = desk_project_new ();
  g_autoptr(DeskSource) ap = source_new (AP_STORY, "ap.txt");
  g_autoptr(DeskSource) reuters = source_new (REUTERS_STORY, "reuters.txt");
  g_autoptr(DeskParagraph) ferry = NULL;
  DeskCredits *credits = desk_project_get_credits (project);
  DeskDraft *draft;
  guint position;
  guint changed = 0;
  g_autofree char *byline = NULL;

  g_assert_true (desk_project_get_credits (project) == credits);

  desk_project_add_source (project, ap);
  desk_project_add_source (project, reuters);
  desk_project_start_draft_from (project, ap);
  draft = desk_project_get_draft (project);

  /* The draft takes the AP version's byline, "Jane Doe": she is the main byline, and the
   * credit line does not name her a second time. */
  g_assert_cmpstr (desk_draft_get_byline (draft), ==, "Jane Doe");
  g_assert_true (desk_credits_find (credits, "Jane Doe", "AP", &position));
  g_assert_cmpuint (desk_credits_get_main (credits), ==, position);
  assert_line (credits, DESK_CREDIT_STYLE_CONTRIBUTOR_LINE, NULL);

  /* What follows is about the credit line following the content: no byline. */
  desk_draft_set_byline (draft, NULL);
  g_assert_cmpuint (desk_credits_get_main (credits), ==, DESK_CREDITS_INVALID_POSITION);

  /* Only the draft's source has text in the draft. */
  g_assert_true (desk_credits_find (credits, "John Roe", "Reuters", &position));
  g_assert_false (desk_credits_get_active (credits, position));
  g_assert_false (desk_credits_get_used (credits, position));
  g_assert_true (desk_credits_find (credits, "Jane Doe", "AP", &position));
  g_assert_true (desk_credits_get_active (credits, position));
  g_assert_true (desk_credits_get_used (credits, position));
  g_assert_false (desk_credits_get_added (credits, position));
  assert_line (credits, DESK_CREDIT_STYLE_CONTRIBUTOR_LINE,
               PREFIX "by Jane Doe of The Associated Press.");

  /* A Reuters paragraph comes in: Reuters is credited. */
  ferry = desk_paragraph_new_from_block ("Ferry crossings were cancelled.",
                                         desk_source_get_id (reuters), first_body_block (reuters));
  desk_draft_append (draft, ferry);
  assert_line (credits, DESK_CREDIT_STYLE_CONTRIBUTOR_LINE,
               PREFIX "by Jane Doe of The Associated Press and by John Roe of Reuters.");
  assert_line (credits, DESK_CREDIT_STYLE_AGENCY_LINE, "With reporting by AP and Reuters.");

  /* And goes: so does the credit. */
  desk_draft_remove (draft, desk_draft_get_n_paragraphs (draft) - 1);
  assert_line (credits, DESK_CREDIT_STYLE_CONTRIBUTOR_LINE,
               PREFIX "by Jane Doe of The Associated Press.");

  g_signal_connect (project, "changed", G_CALLBACK (count_cb), &changed);

  /* The editor includes Reuters anyway, then excludes AP. */
  g_assert_true (desk_credits_find (credits, "John Roe", "Reuters", &position));
  desk_credits_set_active (credits, position, TRUE);
  g_assert_cmpuint (changed, ==, 1);
  g_assert_true (desk_credits_find (credits, "Jane Doe", "AP", &position));
  desk_credits_set_active (credits, position, FALSE);
  g_assert_cmpuint (changed, ==, 2);
  assert_line (credits, DESK_CREDIT_STYLE_CONTRIBUTOR_LINE,
               PREFIX "by John Roe of Reuters.");

  /* Decisions survive the list being computed again. */
  desk_draft_set_headline (draft, "Storm and ferries");
  desk_draft_append (draft, ferry);
  assert_line (credits, DESK_CREDIT_STYLE_CONTRIBUTOR_LINE,
               PREFIX "by John Roe of Reuters.");

  /* Back to following the content. */
  g_assert_true (desk_credits_find (credits, "Jane Doe", "AP", &position));
  desk_credits_reset_active (credits, position);
  assert_line (credits, DESK_CREDIT_STYLE_CONTRIBUTOR_LINE,
               PREFIX "by Jane Doe of The Associated Press and by John Roe of Reuters.");

  /* Rename, move, main byline. */
  g_assert_true (desk_credits_find (credits, "John Roe", "Reuters", &position));
  desk_credits_rename (credits, position, "Jonathan Roe", "Thomson Reuters");
  assert_line (credits, DESK_CREDIT_STYLE_CONTRIBUTOR_LINE,
               PREFIX "by Jane Doe of The Associated Press and by Jonathan Roe of Reuters.");
  g_assert_true (desk_credits_find (credits, "Jonathan Roe", "Reuters", &position));
  desk_credits_move (credits, position, 0);
  assert_line (credits, DESK_CREDIT_STYLE_CONTRIBUTOR_LINE,
               PREFIX "by Jonathan Roe of Reuters and by Jane Doe of The Associated Press.");
  assert_line (credits, DESK_CREDIT_STYLE_AGENCY_LINE, "With reporting by Reuters and AP.");

  /* A byline of the editor's own names no entry. */
  desk_draft_set_byline (draft, "Staff");
  g_assert_cmpuint (desk_credits_get_main (credits), ==, DESK_CREDITS_INVALID_POSITION);
  byline = desk_credits_dup_byline (credits);
  g_assert_cmpstr (byline, ==, "Staff");  /* the draft's */
  g_clear_pointer (&byline, g_free);

  g_assert_true (desk_credits_find (credits, "Jane Doe", "AP", &position));
  desk_credits_set_main (credits, position);
  g_assert_cmpuint (desk_credits_get_main (credits), ==, position);
  byline = desk_credits_dup_byline (credits);
  g_assert_cmpstr (byline, ==, "Jane Doe, The Associated Press");
  assert_line (credits, DESK_CREDIT_STYLE_CONTRIBUTOR_LINE, PREFIX "by Jonathan Roe of Reuters.");

  /* One main byline at a time. */
  g_assert_true (desk_credits_find (credits, "Jonathan Roe", "Reuters", &position));
  desk_credits_set_main (credits, position);
  g_assert_cmpuint (desk_credits_get_main (credits), ==, position);
  assert_line (credits, DESK_CREDIT_STYLE_CONTRIBUTOR_LINE,
               PREFIX "by Jane Doe of The Associated Press.");
  desk_credits_set_main (credits, DESK_CREDITS_INVALID_POSITION);
  g_assert_cmpuint (desk_credits_get_main (credits), ==, DESK_CREDITS_INVALID_POSITION);

  /* Renaming back forgets the renaming. */
  g_assert_true (desk_credits_find (credits, "John Roe", "Reuters", &position));
  desk_credits_rename (credits, position, "John Roe", "Reuters");
  g_assert_true (desk_credits_find (credits, "John Roe", "Reuters", &position));
  g_assert_false (desk_credits_find (credits, "Jonathan Roe", "Reuters", NULL));
}

/* A version whose every paragraph in the draft another organisation's source carries too
 * reprints that organisation's copy: it is not credited by default. */
static const char REPRINT_STORY[] =
  "Storm knocks out power across Nova Scotia\n"
  "\n"
  "By Mary Poole, Kyodo News\n"
  "\n"
  "HALIFAX, Nova Scotia -- A fierce autumn storm knocked out power to more than 200,000 "
  "homes and businesses across Nova Scotia on Tuesday, the provincial utility said.\n";

static void
add_paragraph (DeskDraft  *draft,
               const char *text,
               DeskSource *first,
               DeskSource *second)
{
  g_autoptr(DeskParagraph) paragraph =
    desk_paragraph_new_from_block (text, desk_source_get_id (first), first_body_block (first));

  if (second != NULL)
    desk_paragraph_add_provenance (paragraph, desk_source_get_id (second),
                                   first_body_block (second));
  desk_draft_append (draft, paragraph);
}

static void
test_reprint (void)
{
  g_autoptr(DeskProject) project = desk_project_new ();
  g_autoptr(DeskSource) ap = source_new (AP_STORY, "ap.txt");
  g_autoptr(DeskSource) reprint = source_new (REPRINT_STORY, "reprint.txt");
  DeskCredits *credits = desk_project_get_credits (project);
  DeskDraft *draft = desk_project_get_draft (project);
  guint position;

  desk_project_add_source (project, ap);
  desk_project_add_source (project, reprint);

  /* Each carries the lead; nothing tells which is the original: both are credited. */
  add_paragraph (draft, "A fierce autumn storm knocked out power.", ap, reprint);
  g_assert_true (desk_credits_find (credits, "Jane Doe", "AP", &position));
  g_assert_true (desk_credits_get_active (credits, position));
  g_assert_true (desk_credits_find (credits, "Mary Poole", "Kyodo", &position));
  g_assert_true (desk_credits_get_active (credits, position));
  g_assert_false (desk_credits_get_reprinted (credits, position));

  /* AP has text of its own as well: the reprint's lead is AP's copy. */
  add_paragraph (draft, "Winds gusting to 130 kilometres an hour toppled trees.", ap, NULL);
  g_assert_true (desk_credits_find (credits, "Jane Doe", "AP", &position));
  g_assert_true (desk_credits_get_active (credits, position));
  g_assert_true (desk_credits_find (credits, "Mary Poole", "Kyodo", &position));
  g_assert_false (desk_credits_get_active (credits, position));
  g_assert_false (desk_credits_get_used (credits, position));
  g_assert_true (desk_credits_get_reprinted (credits, position));
  assert_line (credits, DESK_CREDIT_STYLE_CONTRIBUTOR_LINE,
               PREFIX "by Jane Doe of The Associated Press.");

  /* A paragraph only the reprint carries: it is credited again. */
  add_paragraph (draft, "A Kyodo reporter saw the lines come down.", reprint, NULL);
  g_assert_true (desk_credits_find (credits, "Mary Poole", "Kyodo", &position));
  g_assert_true (desk_credits_get_active (credits, position));
  g_assert_false (desk_credits_get_reprinted (credits, position));
}

typedef struct
{
  guint n;
  guint position;
  guint removed;
  guint added;
} ItemsChanged;

static void
record_items_changed_cb (GListModel   *model,
                         guint         position,
                         guint         removed,
                         guint         added,
                         ItemsChanged *record)
{
  record->n++;
  record->position = position;
  record->removed = removed;
  record->added = added;
}

/* A view keeps its rows when the editor ticks one: the list says what changed, and only
 * that. */
static void
test_list_changes (void)
{
  g_autoptr(DeskProject) project = desk_project_new ();
  g_autoptr(DeskSource) ap = source_new (AP_STORY, "ap.txt");
  g_autoptr(DeskSource) reuters = source_new (REUTERS_STORY, "reuters.txt");
  DeskCredits *credits = desk_project_get_credits (project);
  ItemsChanged record = { 0 };
  guint state_changed = 0;
  guint n_items;
  guint position;

  desk_project_add_source (project, ap);
  desk_project_add_source (project, reuters);
  desk_project_start_draft_from (project, ap);
  n_items = g_list_model_get_n_items (G_LIST_MODEL (credits));
  g_assert_cmpuint (n_items, ==, 2);

  g_signal_connect (credits, "items-changed", G_CALLBACK (record_items_changed_cb), &record);
  g_signal_connect (credits, "state-changed", G_CALLBACK (count_cb), &state_changed);

  /* Ticking and starring change state only. */
  g_assert_true (desk_credits_find (credits, "John Roe", "Reuters", &position));
  desk_credits_set_active (credits, position, TRUE);
  g_assert_cmpuint (record.n, ==, 0);
  g_assert_cmpuint (state_changed, ==, 1);
  desk_credits_set_main (credits, position);
  g_assert_cmpuint (record.n, ==, 0);
  g_assert_cmpuint (state_changed, ==, 2);

  /* Renaming changes that one item. */
  desk_credits_rename (credits, position, "Jonathan Roe", "Reuters");
  g_assert_cmpuint (record.n, ==, 1);
  g_assert_cmpuint (record.position, ==, position);
  g_assert_cmpuint (record.removed, ==, 1);
  g_assert_cmpuint (record.added, ==, 1);

  /* Adding a person adds one item. */
  desk_credits_add (credits, "Ann Poe", "Halifax Herald", NULL);
  g_assert_cmpuint (record.n, ==, 2);
  g_assert_cmpuint (record.removed, ==, 0);
  g_assert_cmpuint (record.added, ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (credits)), ==, n_items + 1);
}

static void
test_add_remove (void)
{
  g_autoptr(DeskProject) project = desk_project_new ();
  g_autoptr(DeskSource) ap = source_new (AP_STORY, "ap.txt");
  DeskCredits *credits = desk_project_get_credits (project);
  guint position;
  guint n;

  desk_project_add_source (project, ap);
  desk_project_start_draft_from (project, ap);
  n = g_list_model_get_n_items (G_LIST_MODEL (credits));

  position = desk_credits_add (credits, "Ann Poe", "Halifax Herald", "contributor");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (credits)), ==, n + 1);
  g_assert_true (desk_credits_get_added (credits, position));
  g_assert_true (desk_credits_get_active (credits, position));
  /* Jane Doe is the byline the draft took from her version. */
  assert_line (credits, DESK_CREDIT_STYLE_CONTRIBUTOR_LINE,
               PREFIX "by Ann Poe of Halifax Herald.");

  /* An added credit is deleted; a collected one stays, excluded. */
  desk_credits_remove (credits, position);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (credits)), ==, n);
  g_assert_true (desk_credits_find (credits, "Jane Doe", "AP", &position));
  desk_credits_remove (credits, position);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (credits)), ==, n);
  g_assert_false (desk_credits_get_active (credits, position));

  /* Adding someone already there includes them again. */
  g_assert_cmpuint (desk_credits_add (credits, "jane doe", "Associated Press", NULL), ==, position);
  g_assert_true (desk_credits_get_active (credits, position));
}

static void
test_organization_names (void)
{
  g_autoptr(DeskProject) project = desk_project_new ();
  DeskCredits *credits = desk_project_get_credits (project);
  g_autofree char *name = NULL;

  desk_credits_add (credits, "Karen Lindqvist", "Bloomberg News", NULL);
  desk_credits_add (credits, "Ann Poe", "TWP", NULL);
  desk_credits_add (credits, "Bob Loe", "Tidewater Post", NULL);
  assert_line (credits, DESK_CREDIT_STYLE_CONTRIBUTOR_LINE,
               PREFIX "by Karen Lindqvist of Bloomberg News; by Ann Poe of TWP; and by Bob Loe "
               "of Tidewater Post.");

  /* The editor's names: any form of a known organisation, and an alias of their own. */
  desk_credits_set_organization_name (credits, "Bloomberg", "Bloomberg");
  desk_credits_set_organization_name (credits, "TWP", "Tidewater Post");
  assert_line (credits, DESK_CREDIT_STYLE_CONTRIBUTOR_LINE,
               PREFIX "by Karen Lindqvist of Bloomberg and by Ann Poe and Bob Loe of "
               "Tidewater Post.");
  name = desk_credits_dup_organization_name (credits, "twp");
  g_assert_cmpstr (name, ==, "Tidewater Post");

  desk_credits_set_organization_name (credits, "Bloomberg News", NULL);
  assert_line (credits, DESK_CREDIT_STYLE_CONTRIBUTOR_LINE,
               PREFIX "by Karen Lindqvist of Bloomberg News and by Ann Poe and Bob Loe of "
               "Tidewater Post.");
}

static DeskProject *
harbour_fire (gboolean merge)
{
  const char *files[] = {
    "01-agency-short.txt", "02-newspaper-long.txt", "03-scraped-reprint.txt", "04-writethru.txt",
  };
  g_autoptr(DeskProject) project = desk_project_new ();

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autofree char *path = g_build_filename (g_getenv ("COPYDESK_SEEDS_DIR"), "harbour-fire",
                                                files[i], NULL);
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autoptr(GError) error = NULL;
      g_autoptr(DeskSource) source = desk_source_new_for_file (file, 0, NULL, &error);

      g_assert_no_error (error);
      desk_project_add_source (project, source);
      if (i == 0)
        desk_project_start_draft_from (project, source);
    }

  if (merge)
    {
      g_autoptr(DeskSuggester) suggester = desk_suggester_new ();
      g_autoptr(GPtrArray) suggestions = desk_suggester_suggest (suggester, project);

      desk_suggestions_apply_all (suggestions, desk_project_get_draft (project));
    }

  return g_steal_pointer (&project);
}

static void
test_harbour_fire (void)
{
  g_autoptr(DeskProject) project = harbour_fire (FALSE);
  DeskCredits *credits = desk_project_get_credits (project);
  g_autoptr(DeskSuggester) suggester = desk_suggester_new ();
  g_autoptr(GPtrArray) suggestions = NULL;
  guint position;
  guint items_changed = 0;
  guint state_changed = 0;

  /* The draft alone: AP's story. Its agency byline names no one: no byline, and the
   * agency is credited in the line. */
  g_assert_null (desk_draft_get_byline (desk_project_get_draft (project)));
  g_assert_cmpuint (desk_credits_get_main (credits), ==, DESK_CREDITS_INVALID_POSITION);
  assert_line (credits, DESK_CREDIT_STYLE_CONTRIBUTOR_LINE,
               PREFIX "by staff members of The Associated Press.");
  assert_line (credits, DESK_CREDIT_STYLE_AGENCY_LINE, "With reporting by AP.");

  /* Starred, the agency is the byline, and the line does not name it again. */
  g_assert_true (desk_credits_find (credits, NULL, "The Associated Press", &position));
  desk_credits_set_main (credits, position);
  g_assert_cmpstr (desk_draft_get_byline (desk_project_get_draft (project)), ==,
                   "The Associated Press");
  assert_line (credits, DESK_CREDIT_STYLE_CONTRIBUTOR_LINE, NULL);
  desk_credits_set_main (credits, DESK_CREDITS_INVALID_POSITION);
  g_assert_null (desk_draft_get_byline (desk_project_get_draft (project)));

  /* The photographer is listed, not credited: the draft has no photos. */
  g_assert_true (desk_credits_find (credits, "Ross Hennessey", "Getty Images", &position));
  g_assert_false (desk_credits_get_active (credits, position));

  g_signal_connect (credits, "items-changed", G_CALLBACK (items_changed_cb), &items_changed);
  g_signal_connect (credits, "state-changed", G_CALLBACK (count_cb), &state_changed);

  /* Everyone the sources credit is listed from the start: accepting their text changes
   * what is credited, not the list. */
  suggestions = desk_suggester_suggest (suggester, project);
  desk_suggestions_apply_all (suggestions, desk_project_get_draft (project));
  g_assert_cmpuint (items_changed, ==, 0);
  g_assert_cmpuint (state_changed, >, 0);

  /* Every source has text in the merge; the newspaper's contributor line names AP,
   * Bloomberg and NYT people. The reprint is PTI's, and every paragraph of it in the draft
   * is AP's too: it is listed, not credited. */
  assert_line (credits, DESK_CREDIT_STYLE_CONTRIBUTOR_LINE,
               PREFIX "by Paul Brannigan, Nicole Arsenault and Derek Oakes of The Associated "
               "Press; by Karen Lindqvist of Bloomberg News; and by Thomas Reilly and Sophie "
               "Marchand of The New York Times.");
  assert_line (credits, DESK_CREDIT_STYLE_AGENCY_LINE,
               "With reporting by AP, Bloomberg and NYT.");
  g_assert_true (desk_credits_find (credits, NULL, "Press Trust of India", &position));
  g_assert_false (desk_credits_get_active (credits, position));
  g_assert_true (desk_credits_get_reprinted (credits, position));
  g_assert_true (desk_credits_find (credits, "Ross Hennessey", "Getty Images", &position));
  g_assert_false (desk_credits_get_active (credits, position));
  g_assert_false (desk_credits_get_reprinted (credits, position));

  /* Unless the editor says so. */
  desk_credits_set_active (credits, position, TRUE);
  g_assert_true (desk_credits_find (credits, NULL, "Press Trust of India", &position));
  desk_credits_set_active (credits, position, TRUE);
  assert_line (credits, DESK_CREDIT_STYLE_AGENCY_LINE,
               "With reporting by AP, Bloomberg, NYT, PTI and Getty.");
}

static void
test_attribution (void)
{
  g_autoptr(DeskProject) project = harbour_fire (TRUE);
  DeskCredits *credits = desk_project_get_credits (project);
  DeskDraft *draft = desk_project_get_draft (project);
  g_autoptr(DeskParagraph) typed = desk_paragraph_new ("The editor wrote this.");
  g_autofree char *typed_attribution = NULL;
  gboolean found_several = FALSE;

  for (guint i = 0; i < desk_draft_get_n_paragraphs (draft); i++)
    {
      g_autofree char *attribution =
        desk_credits_format_attribution (credits, desk_draft_get_paragraph (draft, i));

      g_assert_nonnull (attribution);
      if (strstr (attribution, " and ") != NULL)
        found_several = TRUE;
    }
  g_assert_true (found_several);

  typed_attribution = desk_credits_format_attribution (credits, typed);
  g_assert_null (typed_attribution);
}

static void
test_decisions_round_trip (void)
{
  g_autoptr(DeskProject) project = harbour_fire (TRUE);
  g_autoptr(DeskProject) other = harbour_fire (TRUE);
  DeskCredits *credits = desk_project_get_credits (project);
  DeskCredits *other_credits = desk_project_get_credits (other);
  g_autoptr(JsonNode) saved = NULL;
  g_autoptr(JsonNode) saved_again = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *line_before = NULL;
  g_autofree char *line_after = NULL;
  g_autofree char *text = NULL;
  g_autofree char *text_again = NULL;
  guint position;

  g_assert_true (desk_credits_find (credits, "Karen Lindqvist", "Bloomberg", &position));
  desk_credits_set_active (credits, position, FALSE);
  g_assert_true (desk_credits_find (credits, "Derek Oakes", "AP", &position));
  desk_credits_rename (credits, position, "Derek J. Oakes", "AP");
  desk_credits_move (credits, position, 0);
  g_assert_true (desk_credits_find (credits, "Paul Brannigan", "AP", &position));
  desk_credits_set_main (credits, position);
  desk_credits_add (credits, "Ann Poe", "Halifax Herald", NULL);
  desk_credits_set_organization_name (credits, "NYT", "the Times");

  line_before = desk_credits_format_line (credits, DESK_CREDIT_STYLE_CONTRIBUTOR_LINE);
  g_assert_cmpstr (line_before, ==,
                   PREFIX "by Derek J. Oakes and Nicole Arsenault of The Associated Press; by "
                   "Thomas Reilly and Sophie Marchand of the Times; and by Ann Poe of Halifax "
                   "Herald.");

  saved = desk_credits_save_decisions (credits);
  g_assert_true (desk_credits_restore_decisions (other_credits, saved, &error));
  g_assert_no_error (error);
  /* The main byline is the draft's byline, which the project file keeps with the draft. */
  g_assert_cmpstr (desk_draft_get_byline (desk_project_get_draft (project)), ==,
                   "Paul Brannigan, The Associated Press");
  desk_draft_set_byline (desk_project_get_draft (other),
                         desk_draft_get_byline (desk_project_get_draft (project)));

  line_after = desk_credits_format_line (other_credits, DESK_CREDIT_STYLE_CONTRIBUTOR_LINE);
  g_assert_cmpstr (line_after, ==, line_before);
  g_assert_cmpuint (desk_credits_get_main (other_credits), ==, desk_credits_get_main (credits));

  saved_again = desk_credits_save_decisions (other_credits);
  text = json_to_string (saved, FALSE);
  text_again = json_to_string (saved_again, FALSE);
  g_assert_cmpstr (text, ==, text_again);
}

static void
test_decisions_malformed (void)
{
  const char *bad[] = {
    "[]",
    "{\"decisions\": {}}",
    "{\"decisions\": [1]}",
    "{\"decisions\": [{\"name\": 3}]}",
    "{\"decisions\": [{\"name\": null, \"organization\": null}]}",
    "{\"decisions\": [{\"name\": \"A\", \"include\": \"yes\"}]}",
    "{\"decisions\": [{\"name\": \"A\", \"rename\": []}]}",
    "{\"added\": [{\"name\": \"A\", \"role\": 7}]}",
    "{\"order\": {}}",
    "{\"order\": [null]}",
    "{\"main\": \"A\"}",
    "{\"organization_names\": [{\"written\": \"A\"}]}",
  };
  g_autoptr(DeskProject) project = desk_project_new ();
  DeskCredits *credits = desk_project_get_credits (project);

  desk_credits_add (credits, "Jane Doe", "AP", NULL);

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(JsonNode) node = json_from_string (bad[i], NULL);
      g_autoptr(GError) error = NULL;

      g_assert_nonnull (node);
      g_assert_false (desk_credits_restore_decisions (credits, node, &error));
      g_assert_error (error, DESK_ERROR, DESK_ERROR_MALFORMED);
      g_test_message ("%s → %s", bad[i], error->message);

      /* Unchanged. */
      assert_line (credits, DESK_CREDIT_STYLE_CONTRIBUTOR_LINE,
                   PREFIX "by Jane Doe of The Associated Press.");
    }
}

static void
test_style (void)
{
  g_autoptr(DeskProject) project = desk_project_new ();
  DeskCredits *credits = desk_project_get_credits (project);
  DeskCreditStyle style;
  guint changed = 0;

  g_assert_cmpint (desk_credits_get_style (credits), ==, DESK_CREDIT_STYLE_CONTRIBUTOR_LINE);
  g_signal_connect (project, "changed", G_CALLBACK (count_cb), &changed);
  desk_credits_set_style (credits, DESK_CREDIT_STYLE_AGENCY_LINE);
  g_assert_cmpuint (changed, ==, 1);
  desk_credits_set_style (credits, DESK_CREDIT_STYLE_AGENCY_LINE);
  g_assert_cmpuint (changed, ==, 1);

  g_assert_cmpstr (desk_credit_style_to_string (DESK_CREDIT_STYLE_AGENCY_LINE), ==, "agency-line");
  g_assert_true (desk_credit_style_from_string ("none", &style));
  g_assert_cmpint (style, ==, DESK_CREDIT_STYLE_NONE);
  g_assert_false (desk_credit_style_from_string ("fancy", &style));
}

static void
test_outlives_project (void)
{
  g_autoptr(DeskProject) project = desk_project_new ();
  g_autoptr(DeskCredits) credits = g_object_ref (desk_project_get_credits (project));
  g_autofree char *byline = NULL;

  desk_credits_add (credits, "Jane Doe", "AP", NULL);
  g_clear_object (&project);

  g_assert_null (desk_credits_get_project (credits));
  assert_line (credits, DESK_CREDIT_STYLE_CONTRIBUTOR_LINE,
               PREFIX "by Jane Doe of The Associated Press.");
  byline = desk_credits_dup_byline (credits);
  g_assert_null (byline);
}

/* A credit's comparison keys are made when it is made: they are the keys made afresh,
 * and comparing credits makes none. */
static void
test_keys_made_once (void)
{
  g_autoptr(DeskCredit) written = desk_credit_new ("  jane   DOE ", "AP", DESK_CREDIT_ROLE_AUTHOR);
  g_autoptr(DeskCredit) full = desk_credit_new ("Jane Doe", "The Associated Press",
                                                DESK_CREDIT_ROLE_AUTHOR);
  g_autoptr(DeskCredit) other = desk_credit_new ("Jane Doe", "Reuters", DESK_CREDIT_ROLE_AUTHOR);
  g_autofree char *name_key = _desk_credit_text_key ("  jane   DOE ");
  g_autofree char *organization_key = _desk_credit_text_key ("AP");
  g_autofree char *identity_key = _desk_credit_identity_key ("jane DOE", "AP");
  guint before;

  g_assert_cmpstr (_desk_credit_get_name_key (written), ==, name_key);
  g_assert_cmpstr (_desk_credit_get_name_key (written), ==, "jane doe");
  g_assert_cmpstr (_desk_credit_get_organization_key (written), ==, organization_key);
  g_assert_cmpstr (_desk_credit_get_identity_key (written), ==, identity_key);
  g_assert_cmpstr (_desk_credit_get_identity_key (written), ==,
                   _desk_credit_get_identity_key (full));

  before = _desk_credit_get_n_text_keys ();
  for (guint i = 0; i < 100; i++)
    {
      g_assert_true (desk_credit_equal (written, full));
      g_assert_false (desk_credit_equal (written, other));
    }
  g_assert_cmpuint (_desk_credit_get_n_text_keys (), ==, before);
}

/* The keys one computation of the credit list makes for a roundup holding @n_copies
 * versions of each of two stories (the same credits, each version with an agency tag),
 * with or without the editor's own name for an organisation. */
static guint
keys_per_computation (guint    n_copies,
                      gboolean named_organization)
{
  g_autoptr(DeskProject) project = desk_project_new ();
  DeskCredits *credits = desk_project_get_credits (project);
  g_autofree char *line = NULL;
  guint position;
  guint before;

  if (named_organization)
    desk_credits_set_organization_name (credits, "Reuters", "Thomson Reuters");

  for (guint i = 0; i < n_copies; i++)
    {
      g_autofree char *ap_text = g_strdup_printf ("%s\nCrews had %u trucks out.\n", AP_STORY, i);
      g_autofree char *reuters_text = g_strdup_printf ("%s\nCrews had %u ferries idle.\n",
                                                       REUTERS_STORY, i);
      g_autoptr(DeskSource) ap = source_new (ap_text, "ap.txt");
      g_autoptr(DeskSource) reuters = source_new (reuters_text, "reuters.txt");

      desk_project_add_source (project, ap);
      desk_project_add_source (project, reuters);
    }
  g_assert_cmpuint (g_list_model_get_n_items (desk_project_get_sources (project)), ==,
                    2 * n_copies);
  g_assert_true (desk_credits_find (credits, "John Roe", "Reuters", &position));

  before = _desk_credit_get_n_text_keys ();
  desk_credits_set_active (credits, position, TRUE);

  line = desk_credits_format_line (credits, DESK_CREDIT_STYLE_CONTRIBUTOR_LINE);
  g_assert_nonnull (strstr (line, named_organization ? "John Roe of Thomson Reuters"
                                                     : "John Roe of Reuters"));

  return _desk_credit_get_n_text_keys () - before;
}

/* Computing the list again keys each entry, never each source's credits anew: the same
 * count for one version of each story as for five. */
static void
test_keys_per_entry (void)
{
  for (guint named = 0; named < 2; named++)
    {
      guint one = keys_per_computation (1, named);
      guint five = keys_per_computation (5, named);

      g_test_message ("organisation named: %u; keys made: %u for 2 versions, %u for 10",
                      named, one, five);
      g_assert_cmpuint (one, ==, five);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/credits/grammar", test_grammar);
  g_test_add_func ("/credits/dedup", test_dedup);
  g_test_add_func ("/credits/follows-content", test_follows_content);
  g_test_add_func ("/credits/reprint", test_reprint);
  g_test_add_func ("/credits/list-changes", test_list_changes);
  g_test_add_func ("/credits/add-remove", test_add_remove);
  g_test_add_func ("/credits/organization-names", test_organization_names);
  g_test_add_func ("/credits/harbour-fire", test_harbour_fire);
  g_test_add_func ("/credits/attribution", test_attribution);
  g_test_add_func ("/credits/decisions/round-trip", test_decisions_round_trip);
  g_test_add_func ("/credits/decisions/malformed", test_decisions_malformed);
  g_test_add_func ("/credits/style", test_style);
  g_test_add_func ("/credits/outlives-project", test_outlives_project);
  g_test_add_func ("/credits/keys/made-once", test_keys_made_once);
  g_test_add_func ("/credits/keys/per-entry", test_keys_per_entry);

  return g_test_run ();
}
