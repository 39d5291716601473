/* test-roles.c: one paragraph, one role, whatever the format it arrives in
 *
 * A table of paragraphs a desk editor meets in wire copy and on web pages (a link to the
 * full story, a posting stamp, an update stamp, agency datelines, contributor lines, bylines,
 * captions, notes, ordinary story text), each wrapped in a small invented story and fed
 * through every ingest path: plain text, a web page, ninjs, NITF and NewsML-G2. Each path
 * must give the paragraph the same role and the same reason.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "desk-block.h"
#include "desk-format.h"
#include "desk-source.h"

/* ---- The story around the paragraph under test ------------------------------------------ */

static const char headline[] = "Ferry crossings resume after the storm";

/* Three paragraphs of story text, long enough to be story text by their length alone. */
static const char lead[] =
  "Ferry crossings between Gannet Bay and Port Aubrey resumed on Wednesday, three days after "
  "a storm tore a loading ramp from its moorings and left dozens of trucks waiting on the pier.";
static const char second[] =
  "Bluewater Coastal Lines said its two vessels would run extra sailings through the weekend "
  "to clear the backlog, and that passengers with cancelled bookings would be carried first.";
static const char third[] =
  "The mayor of Gannet Bay said the community hall would stay open overnight for drivers who "
  "had slept in their cabs since Sunday, and thanked the volunteers who had brought them food.";
static const char last[] =
  "Provincial inspectors are to examine the new ramp on Thursday, the operator said, and the "
  "regular timetable should return by Monday if the weather holds over the coming days.";

/* Where the paragraph under test stands in its story. */
typedef enum
{
  AT_HEAD,    /* between the headline and the first paragraph */
  AT_LEAD,    /* it is the first paragraph (a dateline and the lead) */
  IN_BODY,    /* between paragraphs of the story */
} Place;

typedef struct
{
  const char    *text;
  Place          place;
  DeskBlockRole  role;
  const char    *reason;
  const char    *block_text;  /* the block's text where it is not @text (a dateline's place) */
} Row;

static const Row rows[] = {
  /* Ordinary story text */
  { "Drivers queued for most of the morning, some of them for the third day running, while "
    "the crew fitted the last bolts to the ramp and tested it with an empty trailer.",
    IN_BODY, DESK_BLOCK_ROLE_BODY, "paragraph", NULL },
  { "\"We have never seen a backlog like this one,\" said Mara Quinlan, who has driven the "
    "route for eleven years and waited two days for a place on a boat.",
    IN_BODY, DESK_BLOCK_ROLE_BODY, "paragraph", NULL },

  /* Web furniture and wire notes */
  { "Read the full story at www.gannetbaycourier.example/ferry",
    IN_BODY, DESK_BLOCK_ROLE_FURNITURE, "web address", NULL },
  { "Posted by admin", IN_BODY, DESK_BLOCK_ROLE_FURNITURE, "posting stamp", NULL },
  { "Updated 3:45 PM", IN_BODY, DESK_BLOCK_ROLE_FURNITURE, "time stamp", NULL },
  { "March 4, 2026", IN_BODY, DESK_BLOCK_ROLE_FURNITURE, "time stamp", NULL },
  { "Editor's note: This story has been corrected to show that the ramp was built in 1998.",
    IN_BODY, DESK_BLOCK_ROLE_FURNITURE, "editors' note", NULL },
  { "(Adds comment from the mayor in paragraph 4)",
    IN_BODY, DESK_BLOCK_ROLE_FURNITURE, "writethru note", NULL },
  { "Copyright 2026 The Gannet Bay Courier. All rights reserved.",
    IN_BODY, DESK_BLOCK_ROLE_FURNITURE, "copyright notice", NULL },
  { "Share this article", IN_BODY, DESK_BLOCK_ROLE_FURNITURE, "web page widget", NULL },
  { "___", IN_BODY, DESK_BLOCK_ROLE_FURNITURE, "separator", NULL },

  /* Credits */
  { "By Mara Quinlan", AT_HEAD, DESK_BLOCK_ROLE_BYLINE, "byline", NULL },
  { "Noor Haddad contributed to this report.",
    IN_BODY, DESK_BLOCK_ROLE_CREDIT, "contributor line", NULL },
  { "(Reporting by Noor Haddad; Editing by Leah Ostrander)",
    IN_BODY, DESK_BLOCK_ROLE_CREDIT, "contributor line", NULL },

  /* Pictures */
  { "FILE - Workers fit the new ramp at the Gannet Bay terminal on Tuesday night. "
    "(AP Photo/Leah Ostrander)",
    IN_BODY, DESK_BLOCK_ROLE_CAPTION, "photo credit", NULL },
  { "Photo: Workers fit the new ramp at the Gannet Bay terminal on Tuesday night.",
    IN_BODY, DESK_BLOCK_ROLE_CAPTION, "photo caption", NULL },

  /* Datelines: an American wire's, EFE's and ANSA's */
  { "PORT AUBREY, Newfoundland (AP) \xe2\x80\x94 Ferry crossings resumed on Wednesday, three "
    "days after a storm tore a loading ramp from its moorings at the terminal.",
    AT_LEAD, DESK_BLOCK_ROLE_DATELINE, "dateline", "PORT AUBREY, Newfoundland" },
  { "Madrid (EFE).- El Gobierno aprobó este martes un plan de ayudas para los transportistas "
    "afectados por el temporal, que dejó cortados varios puertos del norte durante tres días.",
    AT_LEAD, DESK_BLOCK_ROLE_DATELINE, "dateline", "Madrid" },
  { "(ANSA) - Rome, December 7 - Italy's government on Tuesday approved a plan to help "
    "hauliers hit by the storm, which closed several ports in the north for three days.",
    AT_LEAD, DESK_BLOCK_ROLE_DATELINE, "dateline", "Rome" },
};

/* The story's paragraphs in order, with @row's paragraph in its place. */
static GPtrArray *
story_paragraphs (const Row *row)
{
  GPtrArray *paragraphs = g_ptr_array_new ();

  if (row->place == AT_HEAD)
    g_ptr_array_add (paragraphs, (char *)row->text);
  g_ptr_array_add (paragraphs, (char *)(row->place == AT_LEAD ? row->text : lead));
  g_ptr_array_add (paragraphs, (char *)second);
  g_ptr_array_add (paragraphs, (char *)third);
  if (row->place == IN_BODY)
    g_ptr_array_add (paragraphs, (char *)row->text);
  g_ptr_array_add (paragraphs, (char *)last);

  return paragraphs;
}

/* ---- One story in each format --------------------------------------------------------- */

static char *
as_text (GPtrArray *paragraphs)
{
  GString *out = g_string_new (headline);

  g_string_append (out, "\n\n");
  for (guint i = 0; i < paragraphs->len; i++)
    g_string_append_printf (out, "%s\n\n", (char *)g_ptr_array_index (paragraphs, i));

  return g_string_free (out, FALSE);
}

static char *
markup_paragraphs (GPtrArray *paragraphs)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < paragraphs->len; i++)
    {
      g_autofree char *escaped = g_markup_escape_text (g_ptr_array_index (paragraphs, i), -1);

      g_string_append_printf (out, "<p>%s</p>\n", escaped);
    }

  return g_string_free (out, FALSE);
}

static char *
as_html (GPtrArray *paragraphs)
{
  g_autofree char *body = markup_paragraphs (paragraphs);

  return g_strdup_printf ("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                          "<title>%s</title></head>\n<body><article><h1>%s</h1>\n%s"
                          "</article></body></html>\n",
                          headline, headline, body);
}

static char *
as_ninjs (GPtrArray *paragraphs)
{
  g_autofree char *body = markup_paragraphs (paragraphs);
  g_autoptr(GString) escaped = g_string_new (NULL);

  for (const char *p = body; *p != '\0'; p++)
    {
      if (*p == '"' || *p == '\\')
        g_string_append_c (escaped, '\\');
      if (*p == '\n')
        g_string_append (escaped, "\\n");
      else
        g_string_append_c (escaped, *p);
    }

  return g_strdup_printf ("{\n  \"uri\": \"http://courier.example/ninjs/ferry\",\n"
                          "  \"type\": \"text\",\n  \"version\": \"1\",\n"
                          "  \"headline\": \"%s\",\n  \"body_html\": \"%s\"\n}\n",
                          headline, escaped->str);
}

static char *
as_nitf (GPtrArray *paragraphs)
{
  g_autofree char *body = markup_paragraphs (paragraphs);

  return g_strdup_printf ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<nitf>\n"
                          "<head><title>%s</title></head>\n<body>\n"
                          "<body.head><hedline><hl1>%s</hl1></hedline></body.head>\n"
                          "<body.content>\n%s</body.content>\n</body>\n</nitf>\n",
                          headline, headline, body);
}

static char *
as_newsml_g2 (GPtrArray *paragraphs)
{
  g_autofree char *body = markup_paragraphs (paragraphs);

  return g_strdup_printf ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                          "<newsItem xmlns=\"http://iptc.org/std/nar/2006-10-01/\" "
                          "guid=\"urn:newsml:courier.example:20260304:ferry\" version=\"1\" "
                          "standard=\"NewsML-G2\" standardversion=\"2.29\">\n"
                          "<itemMeta><itemClass qcode=\"ninat:text\"/>"
                          "<versionCreated>2026-03-04T17:15:00Z</versionCreated></itemMeta>\n"
                          "<contentMeta><headline>%s</headline></contentMeta>\n"
                          "<contentSet><inlineXML contenttype=\"application/xhtml+xml\">"
                          "<html xmlns=\"http://www.w3.org/1999/xhtml\"><body>\n%s"
                          "</body></html></inlineXML></contentSet>\n</newsItem>\n",
                          headline, body);
}

typedef struct
{
  const char *name;
  const char *file_name;
  const char *format;
  char     *(*write) (GPtrArray *paragraphs);
} Path;

static const Path paths[] = {
  { "plain text", "ferry.txt", DESK_FORMAT_TEXT, as_text },
  { "web page", "ferry.html", DESK_FORMAT_HTML, as_html },
  { "ninjs", "ferry.json", DESK_FORMAT_NINJS, as_ninjs },
  { "NITF", "ferry.xml", DESK_FORMAT_NITF, as_nitf },
  { "NewsML-G2", "ferry.xml", DESK_FORMAT_NEWSML_G2, as_newsml_g2 },
};

/* ---- The test -------------------------------------------------------------------------- */

/* The block that holds @row's paragraph, as "role/reason", or a description of what the
 * source made of it. */
static char *
verdict (DeskSource *source,
         const Row  *row)
{
  GListModel *blocks = desk_source_get_blocks (source);
  const char *wanted = row->block_text != NULL ? row->block_text : row->text;

  for (guint i = 0; i < g_list_model_get_n_items (blocks); i++)
    {
      g_autoptr(DeskBlock) block = g_list_model_get_item (blocks, i);

      if (g_str_equal (desk_block_get_text (block), wanted))
        return g_strdup_printf ("%s/%s", desk_block_role_to_string (desk_block_get_role (block)),
                                desk_block_get_reason (block));
    }

  return g_strdup ("(no block has the paragraph)");
}

static void
test_roles_table (void)
{
  guint failures = 0;

  for (guint r = 0; r < G_N_ELEMENTS (rows); r++)
    {
      const Row *row = &rows[r];
      g_autoptr(GPtrArray) paragraphs = story_paragraphs (row);
      g_autofree char *expected = g_strdup_printf ("%s/%s", desk_block_role_to_string (row->role),
                                                   row->reason);

      for (guint p = 0; p < G_N_ELEMENTS (paths); p++)
        {
          char *contents = paths[p].write (paragraphs);
          g_autoptr(GBytes) bytes = g_bytes_new_take (contents, strlen (contents));
          g_autoptr(GError) error = NULL;
          g_autoptr(DeskSource) source = NULL;
          g_autofree char *got = NULL;

          source = desk_source_new_from_bytes (bytes, paths[p].file_name,
                                               DESK_SOURCE_ORIGIN_FILE, &error);
          g_assert_no_error (error);
          g_assert_cmpstr (desk_source_get_format (source), ==, paths[p].format);

          got = verdict (source, row);
          if (!g_str_equal (got, expected))
            {
              g_test_message ("%s: \"%s\" is %s, not %s", paths[p].name, row->text, got,
                              expected);
              failures++;
            }
        }
    }

  g_assert_cmpuint (failures, ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/roles/table", test_roles_table);

  return g_test_run ();
}
