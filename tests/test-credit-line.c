/* test-credit-line.c: contributor lines, bylines, agency tags, photo credits, organisations
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "desk-credit.h"
#include "desk-credit-private.h"
#include "desk-credit-line.h"
#include "desk-organization.h"

/* One expected credit: name, organisation, role. */
typedef struct
{
  const char *name;
  const char *org;
  const char *role;
} Expected;

static void
assert_credits (const char     *line,
                GPtrArray      *credits,
                const Expected *expected,
                guint           n_expected)
{
  if (credits == NULL)
    g_error ("“%s”: expected %u credits, got NULL", line, n_expected);

  if (credits->len != n_expected)
    {
      for (guint i = 0; i < credits->len; i++)
        {
          DeskCredit *credit = g_ptr_array_index (credits, i);

          g_printerr ("  got [%s | %s | %s]\n", desk_credit_get_name (credit),
                      desk_credit_get_organization (credit), desk_credit_get_role (credit));
        }
      g_error ("“%s”: expected %u credits, got %u", line, n_expected, credits->len);
    }

  for (guint i = 0; i < n_expected; i++)
    {
      DeskCredit *credit = g_ptr_array_index (credits, i);

      g_assert_true (DESK_IS_CREDIT (credit));
      g_assert_cmpstr (desk_credit_get_name (credit), ==, expected[i].name);
      g_assert_cmpstr (desk_credit_get_organization (credit), ==, expected[i].org);
      g_assert_cmpstr (desk_credit_get_role (credit), ==, expected[i].role);
    }
}

#define CHECK_CONTRIBUTORS(line, ...) \
  G_STMT_START { \
    static const Expected expected_[] = { __VA_ARGS__ }; \
    g_autoptr(GPtrArray) credits_ = desk_credit_line_parse_contributors (line); \
    assert_credits (line, credits_, expected_, G_N_ELEMENTS (expected_)); \
  } G_STMT_END

#define CHECK_BYLINE(line, ...) \
  G_STMT_START { \
    static const Expected expected_[] = { __VA_ARGS__ }; \
    g_autoptr(GPtrArray) credits_ = desk_credit_line_parse_byline (line); \
    assert_credits (line, credits_, expected_, G_N_ELEMENTS (expected_)); \
  } G_STMT_END

#define AP       "The Associated Press"
#define CONTRIB  DESK_CREDIT_ROLE_CONTRIBUTOR
#define AUTHOR   DESK_CREDIT_ROLE_AUTHOR
#define AGENCY   DESK_CREDIT_ROLE_AGENCY
#define PHOTO    DESK_CREDIT_ROLE_PHOTOGRAPHER

static void
assert_not_contributors (const char *line)
{
  g_autoptr(GPtrArray) credits = desk_credit_line_parse_contributors (line);

  if (credits != NULL)
    g_error ("“%s” read as a contributor line with %u credits", line, credits->len);
}

static void
assert_not_byline (const char *line)
{
  g_autoptr(GPtrArray) credits = desk_credit_line_parse_byline (line);

  if (credits != NULL)
    g_error ("“%s” read as a byline with %u credits", line, credits->len);
}

static void
assert_agency_tag (const char *line,
                   const char *expected)
{
  g_autofree char *tag = desk_credit_line_parse_agency_tag (line);

  if (g_strcmp0 (tag, expected) != 0)
    g_error ("“%s”: expected tag %s, got %s", line, expected ? expected : "NULL",
             tag ? tag : "NULL");
}

static void
assert_photo_credit (const char *caption,
                     const char *name,
                     const char *org,
                     const char *caption_left)
{
  g_autoptr(DeskCredit) credit = NULL;
  g_autofree char *left = NULL;
  gsize start = G_MAXSIZE;

  credit = desk_credit_line_parse_photo_credit (caption, &start);

  if (credit == NULL)
    g_error ("“%s”: expected a photo credit, got NULL", caption);

  g_assert_cmpstr (desk_credit_get_name (credit), ==, name);
  g_assert_cmpstr (desk_credit_get_organization (credit), ==, org);
  g_assert_cmpstr (desk_credit_get_role (credit), ==, PHOTO);
  g_assert_cmpuint (start, <=, strlen (caption));

  left = g_strstrip (g_strndup (caption, start));
  g_assert_cmpstr (left, ==, caption_left);
}

static void
assert_no_photo_credit (const char *caption)
{
  g_autoptr(DeskCredit) credit = NULL;
  gsize start = 42;

  credit = desk_credit_line_parse_photo_credit (caption, &start);

  if (credit != NULL)
    g_error ("“%s” read as a photo credit for %s of %s", caption,
             desk_credit_get_name (credit), desk_credit_get_organization (credit));

  g_assert_cmpuint (start, ==, 0);
}

/* Organisations */

static void
test_organization_canonical (void)
{
  static const struct { const char *written; const char *canonical; } cases[] = {
    { "The Associated Press", AP },
    { "Associated Press", AP },
    { "associated press", AP },
    { "AP", AP },
    { "The AP", AP },
    { "the AP.", AP },
    { "(AP)", AP },
    { "  Associated  Press ", AP },
    { "A.P.", AP },
    { "Reuters", "Reuters" },
    { "REUTERS", "Reuters" },
    { "AFP", "Agence France-Presse" },
    { "Agence France Presse", "Agence France-Presse" },
    { "PTI", "Press Trust of India" },
    { "Bloomberg", "Bloomberg News" },
    { "New York Times", "The New York Times" },
    { "NYT", "The New York Times" },
    { "The Washington Post", "The Washington Post" },
    { "Washington Post", "The Washington Post" },
    { "Los Angeles Times", "Los Angeles Times" },
    { "Wall Street Journal", "The Wall Street Journal" },
    { "BBC", "BBC" },
    { "CNN", "CNN" },
    { "dpa", "Deutsche Presse-Agentur" },
    { "DPA", "Deutsche Presse-Agentur" },
    { "ANSA", "ANSA" },
    { "EFE", "EFE" },
    { "Kyodo", "Kyodo News" },
    { "Xinhua", "Xinhua" },
    { "TASS", "Tass" },
    { "Interfax", "Interfax" },
    { "Anadolu Agency", "Anadolu Agency" },
    { "UPI", "United Press International" },
    { "AAP", "Australian Associated Press" },
    { "NTB", "NTB" },
    { "STT", "STT" },
    { "Getty Images", "Getty Images" },
    { "AFP/Getty Images", "AFP/Getty Images" },
    { "AFP / Getty Images", "AFP/Getty Images" },
    { "AFP via Getty Images", "AFP/Getty Images" },
    { "EPA", "European Pressphoto Agency" },
    { "Shutterstock", "Shutterstock" },
    { "Sipa", "Sipa" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_assert_cmpstr (desk_organization_canonical (cases[i].written), ==, cases[i].canonical);
      g_assert_true (desk_organization_is_known (cases[i].written));
    }

  g_assert_null (desk_organization_canonical (NULL));
  g_assert_null (desk_organization_canonical (""));
  g_assert_null (desk_organization_canonical ("The"));
  g_assert_null (desk_organization_canonical ("..."));
  g_assert_null (desk_organization_canonical ("Arkansas Democrat-Gazette"));
  g_assert_null (desk_organization_canonical ("Associated"));
  g_assert_null (desk_organization_canonical ("APS"));
  g_assert_false (desk_organization_is_known ("Jane Doe"));
  g_assert_false (desk_organization_is_known (NULL));
}

static void
test_organization_short_name (void)
{
  g_assert_cmpstr (desk_organization_short_name ("The Associated Press"), ==, "AP");
  g_assert_cmpstr (desk_organization_short_name ("associated press"), ==, "AP");
  g_assert_cmpstr (desk_organization_short_name ("Agence France-Presse"), ==, "AFP");
  g_assert_cmpstr (desk_organization_short_name ("Press Trust of India"), ==, "PTI");
  g_assert_cmpstr (desk_organization_short_name ("Bloomberg News"), ==, "Bloomberg");
  g_assert_cmpstr (desk_organization_short_name ("New York Times"), ==, "NYT");
  g_assert_cmpstr (desk_organization_short_name ("Deutsche Presse-Agentur"), ==, "dpa");
  g_assert_cmpstr (desk_organization_short_name ("Reuters"), ==, "Reuters");
  g_assert_cmpstr (desk_organization_short_name ("Washington Post"), ==, "The Washington Post");
  g_assert_null (desk_organization_short_name ("Arkansas Democrat-Gazette"));
  g_assert_null (desk_organization_short_name (NULL));
}

static void
test_organization_photo_agency (void)
{
  g_assert_true (desk_organization_is_photo_agency ("Getty Images"));
  g_assert_true (desk_organization_is_photo_agency ("AFP/Getty Images"));
  g_assert_true (desk_organization_is_photo_agency ("EPA"));
  g_assert_true (desk_organization_is_photo_agency ("European Pressphoto Agency"));
  g_assert_true (desk_organization_is_photo_agency ("Shutterstock"));
  g_assert_true (desk_organization_is_photo_agency ("Sipa"));
  g_assert_false (desk_organization_is_photo_agency ("AP"));
  g_assert_false (desk_organization_is_photo_agency ("Reuters"));
  g_assert_false (desk_organization_is_photo_agency ("Jane Doe"));
  g_assert_false (desk_organization_is_photo_agency (NULL));
}

/* DeskCredit */

static void
test_credit_properties (void)
{
  g_autoptr(DeskCredit) credit = desk_credit_new ("Jane Doe", AP, AUTHOR);
  g_autoptr(DeskCredit) agency = desk_credit_new (NULL, "Reuters", AGENCY);
  g_autofree char *name = NULL;
  g_autofree char *org = NULL;
  g_autofree char *role = NULL;

  g_assert_cmpstr (desk_credit_get_name (credit), ==, "Jane Doe");
  g_assert_cmpstr (desk_credit_get_organization (credit), ==, AP);
  g_assert_cmpstr (desk_credit_get_role (credit), ==, AUTHOR);

  g_object_get (credit, "name", &name, "organization", &org, "role", &role, NULL);
  g_assert_cmpstr (name, ==, "Jane Doe");
  g_assert_cmpstr (org, ==, AP);
  g_assert_cmpstr (role, ==, AUTHOR);

  g_assert_null (desk_credit_get_name (agency));
  g_assert_cmpstr (desk_credit_get_organization (agency), ==, "Reuters");
}

static void
test_credit_equal (void)
{
  g_autoptr(DeskCredit) a = desk_credit_new ("Jane Doe", "The Associated Press", AUTHOR);
  g_autoptr(DeskCredit) b = desk_credit_new ("  jane   DOE ", "AP", AUTHOR);
  g_autoptr(DeskCredit) b_contrib = desk_credit_new ("Jane Doe", AP, CONTRIB);
  g_autoptr(DeskCredit) ap_photo = desk_credit_new ("", AP, PHOTO);
  g_autoptr(DeskCredit) ap_agency = desk_credit_new (NULL, "Associated Press", AGENCY);
  g_autoptr(DeskCredit) ap_agency2 = desk_credit_new ("", "The AP", AGENCY);
  g_autoptr(DeskCredit) c = desk_credit_new ("Jane Doe", "Reuters", AUTHOR);
  g_autoptr(DeskCredit) d = desk_credit_new ("Jane Doe", NULL, AUTHOR);
  g_autoptr(DeskCredit) e = desk_credit_new ("John Doe", AP, AUTHOR);
  g_autoptr(DeskCredit) f = desk_credit_new ("Jane Doe", "", AUTHOR);
  g_autoptr(DeskCredit) g = desk_credit_new ("Jane Doe", "Arkansas Democrat-Gazette", AUTHOR);
  g_autoptr(DeskCredit) h = desk_credit_new ("JANE DOE", "arkansas  democrat-gazette", AUTHOR);
  g_autoptr(DeskCredit) agency1 = desk_credit_new ("", "PTI", AGENCY);
  g_autoptr(DeskCredit) agency2 = desk_credit_new (NULL, "Press Trust of India", AGENCY);
  /* "José" precomposed and decomposed */
  g_autoptr(DeskCredit) nfc = desk_credit_new ("Jos\xc3\xa9 \xc3\x81lvarez", "EFE", CONTRIB);
  g_autoptr(DeskCredit) nfd = desk_credit_new ("Jose\xcc\x81 A\xcc\x81lvarez", "EFE", CONTRIB);
  g_autoptr(DeskCredit) other = desk_credit_new ("Jose Alvarez", "EFE", CONTRIB);

  g_assert_true (desk_credit_equal (a, a));
  g_assert_true (desk_credit_equal (a, b));
  g_assert_true (desk_credit_equal (b, a));
  g_assert_false (desk_credit_equal (a, b_contrib));
  g_assert_false (desk_credit_equal (a, c));
  g_assert_false (desk_credit_equal (a, d));
  g_assert_false (desk_credit_equal (a, e));
  g_assert_true (desk_credit_equal (d, f));
  g_assert_true (desk_credit_equal (g, h));
  g_assert_false (desk_credit_equal (g, d));
  g_assert_true (desk_credit_equal (agency1, agency2));
  g_assert_false (desk_credit_equal (agency1, a));
  g_assert_true (desk_credit_equal (ap_agency, ap_agency2));
  g_assert_false (desk_credit_equal (ap_agency, ap_photo));
  g_assert_true (desk_credit_equal (nfc, nfd));
  g_assert_false (desk_credit_equal (nfc, other));
}

/* A credit's comparison keys, made once when the credit is made: tidied (no-break spaces
 * too), NFC, case-folded; the organisation's identity by its canonical name. */
static void
test_credit_keys (void)
{
  g_autoptr(DeskCredit) spaced = desk_credit_new ("\xc2\xa0 Jane\xe2\x80\xaf DOE ", " the  AP ", AUTHOR);
  g_autoptr(DeskCredit) decomposed = desk_credit_new ("Jose\xcc\x81", NULL, CONTRIB);
  g_autoptr(DeskCredit) unknown = desk_credit_new (NULL, "Kenya  News\xc2\xa0" "Agency Desk", AGENCY);
  g_autoptr(DeskCredit) blank = desk_credit_new (" ", "", AGENCY);

  g_assert_cmpstr (_desk_credit_get_tidy_name (spaced), ==, "Jane DOE");
  g_assert_cmpstr (_desk_credit_get_tidy_organization (spaced), ==, "the AP");
  g_assert_cmpstr (_desk_credit_get_name_key (spaced), ==, "jane doe");
  g_assert_cmpstr (_desk_credit_get_organization_key (spaced), ==, "the ap");
  g_assert_cmpstr (_desk_credit_get_organization_canonical (spaced), ==, "The Associated Press");
  g_assert_cmpstr (_desk_credit_get_identity_key (spaced), ==, "jane doe\nthe associated press");

  g_assert_cmpstr (_desk_credit_get_name_key (decomposed), ==, "jos\xc3\xa9");
  g_assert_cmpstr (_desk_credit_get_identity_key (decomposed), ==, "jos\xc3\xa9\n");

  g_assert_null (_desk_credit_get_organization_canonical (unknown));
  g_assert_cmpstr (_desk_credit_get_identity_key (unknown), ==, "\nkenya news agency desk");

  g_assert_null (_desk_credit_get_tidy_name (blank));
  g_assert_null (_desk_credit_get_tidy_organization (blank));
  g_assert_cmpstr (_desk_credit_get_identity_key (blank), ==, "\n");
}

/* Contributor lines */

static void
test_contributors_information (void)
{
  /* Five people: three of the AP, one of Bloomberg News, one of The New York Times. */
  CHECK_CONTRIBUTORS ("Information for this article was contributed by Sylvia Marsh, Tomas Lind "
                      "and Ana Ruiz of The Associated Press; by Kofi Mensah of Bloomberg News; "
                      "and by Li Wei of The New York Times.",
                      { "Sylvia Marsh", AP, CONTRIB },
                      { "Tomas Lind", AP, CONTRIB },
                      { "Ana Ruiz", AP, CONTRIB },
                      { "Kofi Mensah", "Bloomberg News", CONTRIB },
                      { "Li Wei", "The New York Times", CONTRIB });

  CHECK_CONTRIBUTORS ("Information for this article was contributed by Jane Doe of The "
                      "Associated Press.",
                      { "Jane Doe", AP, CONTRIB });

  CHECK_CONTRIBUTORS ("Information for this article was contributed by Ann Bell and Bo Chen of "
                      "Reuters and by Cyd Dunn of AFP.",
                      { "Ann Bell", "Reuters", CONTRIB },
                      { "Bo Chen", "Reuters", CONTRIB },
                      { "Cyd Dunn", "Agence France-Presse", CONTRIB });

  /* An organisation with "of" in its name, one we do not know, and the lowercase "the". */
  CHECK_CONTRIBUTORS ("Information for this article was contributed by Ravi Kumar of Press "
                      "Trust of India, by Mary Poe of the Arkansas Democrat-Gazette and by "
                      "Tim Orr of the Associated Press.",
                      { "Ravi Kumar", "Press Trust of India", CONTRIB },
                      { "Mary Poe", "Arkansas Democrat-Gazette", CONTRIB },
                      { "Tim Orr", AP, CONTRIB });

  CHECK_CONTRIBUTORS ("Information for this article was contributed by staff of The Associated "
                      "Press.",
                      { "", AP, CONTRIB });

  /* The New York Times' form, with places. */
  CHECK_CONTRIBUTORS ("Reporting was contributed by Jane Doe from Paris, France, and John Roe "
                      "from Moscow.",
                      { "Jane Doe", NULL, CONTRIB },
                      { "John Roe", NULL, CONTRIB });
}

static void
test_contributors_contributing (void)
{
  CHECK_CONTRIBUTORS ("Contributing: Jane Doe (AP), John Roe (Reuters)",
                      { "Jane Doe", AP, CONTRIB },
                      { "John Roe", "Reuters", CONTRIB });

  /* USA Today's form: the organisation after the names it covers, and one on its own. */
  CHECK_CONTRIBUTORS ("Contributing: Jane Doe and John Roe, USA TODAY; The Associated Press",
                      { "Jane Doe", "USA Today", CONTRIB },
                      { "John Roe", "USA Today", CONTRIB },
                      { "", AP, CONTRIB });

  CHECK_CONTRIBUTORS ("Contributing: Mary Poe, The Arizona Republic",
                      { "Mary Poe", "The Arizona Republic", CONTRIB });

  /* Names keep their accents. */
  CHECK_CONTRIBUTORS ("Contributing: José Álvarez (EFE), Zoë Müller (dpa), Øystein Bjørnstad "
                      "(NTB).",
                      { "José Álvarez", "EFE", CONTRIB },
                      { "Zoë Müller", "Deutsche Presse-Agentur", CONTRIB },
                      { "Øystein Bjørnstad", "NTB", CONTRIB });
}

static void
test_contributors_contributed_to (void)
{
  CHECK_CONTRIBUTORS ("Associated Press writers Jane Doe in Paris and John Roe in Moscow "
                      "contributed to this report.",
                      { "Jane Doe", AP, CONTRIB },
                      { "John Roe", AP, CONTRIB });

  CHECK_CONTRIBUTORS ("Jane Doe contributed reporting.",
                      { "Jane Doe", NULL, CONTRIB });

  CHECK_CONTRIBUTORS ("Jane Doe in Paris and John Roe in Moscow contributed reporting.",
                      { "Jane Doe", NULL, CONTRIB },
                      { "John Roe", NULL, CONTRIB });

  CHECK_CONTRIBUTORS ("Ursula Klein of Reuters also contributed to this report.",
                      { "Ursula Klein", "Reuters", CONTRIB });

  CHECK_CONTRIBUTORS ("The Associated Press contributed to this report.",
                      { "", AP, CONTRIB });

  CHECK_CONTRIBUTORS ("Reuters and AFP contributed to this report",
                      { "", "Reuters", CONTRIB },
                      { "", "Agence France-Presse", CONTRIB });

  CHECK_CONTRIBUTORS ("Associated Press writer Ursula von der Leyen-Schmidt contributed to "
                      "this story.",
                      { "Ursula von der Leyen-Schmidt", AP, CONTRIB });
}

static void
test_contributors_reuters (void)
{
  CHECK_CONTRIBUTORS ("Reporting by Jane Doe; Editing by John Roe",
                      { "Jane Doe", NULL, CONTRIB },
                      { "John Roe", NULL, DESK_CREDIT_ROLE_EDITOR });

  CHECK_CONTRIBUTORS ("(Reporting by Jane Doe in London and Piotr Nowak in Warsaw; Additional "
                      "reporting by Anna Schmidt in Berlin; Writing by Tom Lind; Editing by "
                      "Kim Park and Lee Chan)",
                      { "Jane Doe", NULL, CONTRIB },
                      { "Piotr Nowak", NULL, CONTRIB },
                      { "Anna Schmidt", NULL, CONTRIB },
                      { "Tom Lind", NULL, CONTRIB },
                      { "Kim Park", NULL, DESK_CREDIT_ROLE_EDITOR },
                      { "Lee Chan", NULL, DESK_CREDIT_ROLE_EDITOR });

  CHECK_CONTRIBUTORS ("Reporting By Jane Doe In London; Editing By John Roe",
                      { "Jane Doe", NULL, CONTRIB },
                      { "John Roe", NULL, DESK_CREDIT_ROLE_EDITOR });

  CHECK_CONTRIBUTORS ("Additional reporting by Jane Doe.",
                      { "Jane Doe", NULL, CONTRIB });

  CHECK_CONTRIBUTORS ("Writing by Jane Doe, editing by John Roe",
                      { "Jane Doe", NULL, CONTRIB },
                      { "John Roe", NULL, DESK_CREDIT_ROLE_EDITOR });
}

static void
test_contributors_negative (void)
{
  static const char * const lines[] = {
    "",
    "   ",
    "The presidents of France and Russia agreed Thursday to tighten cooperation.",
    "The company contributed $5 million to the fund.",
    "The money was contributed by donors in 14 countries.",
    "Germany contributed troops to the coalition, officials said.",
    "He contributed.",
    "Many people contributed to this report without knowing it, the editor said.",
    "Reporting by the numbers is hard.",
    "By Jane Doe, The Associated Press",
    "- PTI",
    "The Associated Press",
    "Contributing factors included the weather.",
    "A Section on 11/27/2015",
  };

  for (guint i = 0; i < G_N_ELEMENTS (lines); i++)
    assert_not_contributors (lines[i]);
}

static char *
read_seed (const char *basename)
{
  const char *shared = g_getenv ("COPYDESK_SHARED_DIR");
  g_autofree char *path = NULL;
  char *contents = NULL;

  if (shared != NULL)
    path = g_build_filename (shared, "seeds", basename, NULL);
  else
    path = g_test_build_filename (G_TEST_DIST, "..", "..", "shared", "seeds", basename, NULL);

  if (!g_file_get_contents (path, &contents, NULL, NULL))
    return NULL;

  return contents;
}

/* The newspaper version of the seed story names eleven writers of three organisations. */
static void
test_contributors_seed (void)
{
  static const Expected expected[] = {
    { "Sylvie Corbet", AP, CONTRIB },
    { "Vladimir Isachenkov", AP, CONTRIB },
    { "Nataliya Vasilyeva", AP, CONTRIB },
    { "Raf Casert", AP, CONTRIB },
    { "Kirsten Grieshaber", AP, CONTRIB },
    { "Elena Becatoros", AP, CONTRIB },
    { "Birgit Jennen", "Bloomberg News", CONTRIB },
    { "Patrick Donahue", "Bloomberg News", CONTRIB },
    { "Arne Delfs", "Bloomberg News", CONTRIB },
    { "Andrew Higgins", "The New York Times", CONTRIB },
    { "James Kanter", "The New York Times", CONTRIB },
  };
  g_autofree char *text = read_seed ("002_41805ab46882eb0b.txt");
  g_auto(GStrv) lines = NULL;
  guint n_contributor_lines = 0;

  if (text == NULL)
    {
      g_test_skip ("../shared/seeds is not here");
      return;
    }

  lines = g_strsplit (text, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_autoptr(GPtrArray) credits = desk_credit_line_parse_contributors (lines[i]);
      g_autoptr(GPtrArray) byline = desk_credit_line_parse_byline (lines[i]);
      g_autofree char *tag = desk_credit_line_parse_agency_tag (lines[i]);

      /* No line of this story is a byline or an agency tag. */
      g_assert_null (byline);
      g_assert_null (tag);

      if (credits == NULL)
        continue;

      n_contributor_lines++;
      assert_credits (lines[i], credits, expected, G_N_ELEMENTS (expected));
    }

  g_assert_cmpuint (n_contributor_lines, ==, 1);
}

/* Bylines */

static void
test_byline_forms (void)
{
  CHECK_BYLINE ("By Jane Doe",
                { "Jane Doe", NULL, AUTHOR });

  CHECK_BYLINE ("By Jane Doe, The Associated Press",
                { "Jane Doe", AP, AUTHOR });

  CHECK_BYLINE ("By Jane Doe and John Roe | Reuters",
                { "Jane Doe", "Reuters", AUTHOR },
                { "John Roe", "Reuters", AUTHOR });

  CHECK_BYLINE ("BY JANE DOE Associated Press Writer",
                { "Jane Doe", AP, AUTHOR });

  CHECK_BYLINE ("By Jane Doe Associated Press Writer",
                { "Jane Doe", AP, AUTHOR });

  CHECK_BYLINE ("By JANE DOE, Associated Press Writer",
                { "Jane Doe", AP, AUTHOR });

  CHECK_BYLINE ("By Jane Doe, AP",
                { "Jane Doe", AP, AUTHOR });

  CHECK_BYLINE ("By Jane Doe, John Roe and Ana Ruiz, Bloomberg",
                { "Jane Doe", "Bloomberg News", AUTHOR },
                { "John Roe", "Bloomberg News", AUTHOR },
                { "Ana Ruiz", "Bloomberg News", AUTHOR });

  CHECK_BYLINE ("By Ursula von der Leyen and Bashar al-Assad — AFP",
                { "Ursula von der Leyen", "Agence France-Presse", AUTHOR },
                { "Bashar al-Assad", "Agence France-Presse", AUTHOR });

  CHECK_BYLINE ("By MARÍA JOSÉ DE LA CRUZ, AP Business Writer",
                { "María José de la Cruz", AP, AUTHOR });

  CHECK_BYLINE ("By: Jane Q. Doe Jr.",
                { "Jane Q. Doe Jr.", NULL, AUTHOR });

  CHECK_BYLINE ("By Jane Doe, Staff Writer",
                { "Jane Doe", NULL, AUTHOR });

  CHECK_BYLINE ("By Jane Doe, Special to The Washington Post",
                { "Jane Doe", "The Washington Post", AUTHOR });

  CHECK_BYLINE ("By Mary Poe | The Arizona Republic",
                { "Mary Poe", "The Arizona Republic", AUTHOR });

  CHECK_BYLINE ("**By Zoë Müller**",
                { "Zoë Müller", NULL, AUTHOR });

  /* The byline's word in German, French and Spanish copy. */
  CHECK_BYLINE ("Von Jana Beispiel, dpa",
                { "Jana Beispiel", "Deutsche Presse-Agentur", AUTHOR });
  CHECK_BYLINE ("Par Jean Exemple, AFP",
                { "Jean Exemple", "Agence France-Presse", AUTHOR });
  CHECK_BYLINE ("Por Ana Ejemplo, Reuters",
                { "Ana Ejemplo", "Reuters", AUTHOR });

  /* A web page's byline without "By": names, then a news organisation the desk knows. */
  CHECK_BYLINE ("Jane Doe and John Roe, Associated Press",
                { "Jane Doe", AP, AUTHOR },
                { "John Roe", AP, AUTHOR });
  CHECK_BYLINE ("Jane Doe | Reuters",
                { "Jane Doe", "Reuters", AUTHOR });
}

static void
test_byline_agency (void)
{
  CHECK_BYLINE ("The Associated Press", { "", AP, AGENCY });
  CHECK_BYLINE ("Associated Press", { "", AP, AGENCY });
  CHECK_BYLINE ("Reuters", { "", "Reuters", AGENCY });
  CHECK_BYLINE ("  AFP  ", { "", "Agence France-Presse", AGENCY });
  assert_not_byline ("- PTI");
  assert_not_byline ("(AP)");
  CHECK_BYLINE ("By The Associated Press", { "", AP, AGENCY });
  CHECK_BYLINE ("By Reuters Staff", { "", "Reuters", AGENCY });
}

static void
test_byline_negative (void)
{
  static const char * const lines[] = {
    "",
    "By",
    "By Thursday, the talks had failed.",
    "By Thursday the talks had failed.",
    "BY THURSDAY, THE TALKS HAD FAILED.",
    "By the time the talks ended, both sides had left.",
    "By 2020 the city will have doubled.",
    "By Monday Evening",
    "By law, Parliament must approve the deployment.",
    "By air, the journey takes six hours.",
    "By Order Of The Court",
    "by admin",
    "27/11/2015 13:46 by admin",
    "Byron Smith",
    "Jane Doe",
    "Updated:",
    "Getty Images",
    "Russia, France Agree to Tighten Cooperation Against ISIS",
    "The presidents of France and Russia agreed Thursday to tighten cooperation.",
    "By Jane Doe | the best reporter in town",
    "By Jane Doe and the team",
    /* Without "By", only names and a known organisation make a byline. */
    "Trump and Putin, summit",
    "Jane Doe, John Roe",
    "Jane Doe, Staff Writer",
    "Jane Doe, Getty Images",
    "Von Anfang an war klar, dass die Verhandlungen scheitern.",
    "Par ailleurs, le gouvernement a annoncé une réforme.",
  };

  for (guint i = 0; i < G_N_ELEMENTS (lines); i++)
    assert_not_byline (lines[i]);
}

/* Agency tags */

static void
test_agency_tag (void)
{
  assert_agency_tag ("- PTI", "Press Trust of India");
  assert_agency_tag ("— Reuters", "Reuters");
  assert_agency_tag ("(AP)", AP);
  assert_agency_tag ("-- AFP", "Agence France-Presse");
  assert_agency_tag ("–AFP", "Agence France-Presse");
  assert_agency_tag ("PTI", "Press Trust of India");
  assert_agency_tag ("  PTI.  ", "Press Trust of India");
  assert_agency_tag ("Agencies", "Agencies");
  assert_agency_tag ("(With inputs from agencies)", "Agencies");
  assert_agency_tag ("(With inputs from PTI and Reuters)", "Press Trust of India, Reuters");
  assert_agency_tag ("With agency inputs", "Agencies");
  assert_agency_tag ("- IANS", "IANS");
  assert_agency_tag ("(IANS)", "IANS");
  assert_agency_tag ("The Associated Press", AP);
}

static void
test_agency_tag_negative (void)
{
  static const char * const lines[] = {
    "",
    "-",
    "()",
    "IANS",
    "(right)",
    "(File)",
    "- The company said it would appeal.",
    "Reuters reported the deal on Monday.",
    "— Jane Doe",
    "Updated:",
    "A Section on 11/27/2015",
    "Upcoming Events",
    "(With inputs from the ministry of external affairs)",
    "(Getty Images)",
    "- AFP/Getty Images",
  };

  for (guint i = 0; i < G_N_ELEMENTS (lines); i++)
    assert_agency_tag (lines[i], NULL);
}

/* Photo credits */

static void
test_photo_credit (void)
{
  assert_photo_credit ("French President Francois Hollande welcomes Russian President Vladimir "
                       "Putin at the Elysee Presidential Palace in Paris, France, on June 5, "
                       "2014. Thierry Chesnot/Getty Images",
                       "Thierry Chesnot", "Getty Images",
                       "French President Francois Hollande welcomes Russian President Vladimir "
                       "Putin at the Elysee Presidential Palace in Paris, France, on June 5, "
                       "2014.");

  assert_photo_credit ("Putin and Hollande meet in Moscow. (AP Photo/Jane Doe)",
                       "Jane Doe", AP, "Putin and Hollande meet in Moscow.");

  /* A page set the credit in a column beside the caption: a wide gap between them. */
  assert_photo_credit ("The presidential palace in Helsinki is the site of the talks          "
                       "\xc2\xa0(Lehtikuva)",
                       "", "Lehtikuva", "The presidential palace in Helsinki is the site of the talks");

  /* A scraper dropped the markup between the name and the agency's credit. */
  assert_photo_credit ("The minister speaks during a news conference in Ottawa, Friday, July 13, "
                       "2018. Jane Doe AP Photo",
                       "Jane Doe", AP,
                       "The minister speaks during a news conference in Ottawa, Friday, July 13, "
                       "2018.");

  assert_photo_credit ("FILE - In this Nov. 26, 2015 file photo, Putin speaks in Moscow. "
                       "(AP Photo/Jane Doe, File)",
                       "Jane Doe", AP,
                       "FILE - In this Nov. 26, 2015 file photo, Putin speaks in Moscow.");

  assert_photo_credit ("Soldiers patrol Brussels. Photo: Jane Doe / Reuters",
                       "Jane Doe", "Reuters", "Soldiers patrol Brussels.");

  assert_photo_credit ("Soldiers patrol Brussels. REUTERS/Yves Herman",
                       "Yves Herman", "Reuters", "Soldiers patrol Brussels.");

  assert_photo_credit ("Soldiers patrol Brussels. EPA/OLIVIER HOSLET",
                       "Olivier Hoslet", "European Pressphoto Agency", "Soldiers patrol Brussels.");

  assert_photo_credit ("Soldiers patrol Brussels (AFP PHOTO / JOHN THYS)",
                       "John Thys", "Agence France-Presse", "Soldiers patrol Brussels");

  assert_photo_credit ("Soldiers patrol Brussels. Jane Q. Doe/AFP via Getty Images",
                       "Jane Q. Doe", "AFP/Getty Images", "Soldiers patrol Brussels.");

  assert_photo_credit ("Soldiers patrol Brussels. (AFP/Getty Images)",
                       "", "AFP/Getty Images", "Soldiers patrol Brussels.");

  assert_photo_credit ("Soldiers patrol Brussels. Getty Images",
                       "", "Getty Images", "Soldiers patrol Brussels.");

  assert_photo_credit ("Soldiers patrol Brussels. (AP Photo)",
                       "", AP, "Soldiers patrol Brussels.");

  assert_photo_credit ("Soldiers patrol Brussels. Photograph: José Álvarez/Arkansas "
                       "Democrat-Gazette",
                       "José Álvarez", "Arkansas Democrat-Gazette", "Soldiers patrol Brussels.");

  assert_photo_credit ("“We will fight,” Hollande said.” Photo by Jane Doe",
                       "Jane Doe", NULL, "“We will fight,” Hollande said.”");

  assert_photo_credit ("Protesters in Paris. Jane Doe for The New York Times",
                       "Jane Doe", "The New York Times", "Protesters in Paris.");

  assert_photo_credit ("AP Photo/Jane Doe", "Jane Doe", AP, "");
  assert_photo_credit ("(Getty Images)", "", "Getty Images", "");
}

static void
test_photo_credit_negative (void)
{
  static const char * const captions[] = {
    "",
    "   ",
    ("Russian President Vladimir Putin (right) and French President Francois Hollande meet "
     "in the Kremlin on Thursday in Moscow."),
    "French President Francois Hollande (left)",
    "Trucks wait at the U.S./Mexico border.",
    "Soldiers patrol Brussels. They left at 5/6 past noon",
    "Soldiers patrol Brussels (Belgium)",
    "The minister resigned on Friday, officials said (AFP)",
    "The ferry is run by one operator (Harbour Lines for Port Aubrey).",
    "The council keeps one register of the wharf's repairs (ePA)",
    "The ferry is run by one operator  (Harbour Lines)",
    "The Associated Press",
    "The presidents met in Paris.",
  };

  for (guint i = 0; i < G_N_ELEMENTS (captions); i++)
    assert_no_photo_credit (captions[i]);

  /* The credit start is optional. */
  {
    g_autoptr(DeskCredit) credit = desk_credit_line_parse_photo_credit ("(AP Photo/Jane Doe)",
                                                                        NULL);
    g_assert_nonnull (credit);
  }
}

/* The short seed version carries a photo credit and an agency line; the reprint ends with a
 * PTI tag and has a "by admin" stamp that is not a byline. */
static void
test_seed_short_and_reprint (void)
{
  g_autofree char *short_text = read_seed ("000_6a068567c2ee40fc.txt");
  g_autofree char *reprint = read_seed ("003_c763d9ffe44cf6a1.txt");
  g_auto(GStrv) lines = NULL;
  guint n_photo = 0, n_agency = 0, n_tags = 0;

  if (short_text == NULL || reprint == NULL)
    {
      g_test_skip ("../shared/seeds is not here");
      return;
    }

  lines = g_strsplit (short_text, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_autoptr(DeskCredit) photo = NULL;
      g_autoptr(GPtrArray) byline = NULL;
      gsize start;

      photo = desk_credit_line_parse_photo_credit (lines[i], &start);
      if (photo != NULL)
        {
          n_photo++;
          g_assert_cmpstr (desk_credit_get_name (photo), ==, "Thierry Chesnot");
          g_assert_cmpstr (desk_credit_get_organization (photo), ==, "Getty Images");
          g_assert_cmpstr (lines[i] + start, ==, "Thierry Chesnot/Getty Images");
        }

      byline = desk_credit_line_parse_byline (lines[i]);
      if (byline != NULL)
        {
          static const Expected expected[] = { { "", AP, AGENCY } };

          n_agency++;
          assert_credits (lines[i], byline, expected, 1);
        }

      g_assert_null (desk_credit_line_parse_contributors (lines[i]));
    }

  g_assert_cmpuint (n_photo, ==, 1);
  g_assert_cmpuint (n_agency, ==, 1);

  g_strfreev (lines);
  lines = g_strsplit (reprint, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_autofree char *tag = desk_credit_line_parse_agency_tag (lines[i]);
      g_autoptr(GPtrArray) byline = desk_credit_line_parse_byline (lines[i]);

      g_assert_null (byline);
      g_assert_null (desk_credit_line_parse_contributors (lines[i]));

      if (tag != NULL)
        {
          n_tags++;
          g_assert_cmpstr (tag, ==, "Press Trust of India");
        }
    }

  g_assert_cmpuint (n_tags, ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/organization/canonical", test_organization_canonical);
  g_test_add_func ("/organization/short-name", test_organization_short_name);
  g_test_add_func ("/organization/photo-agency", test_organization_photo_agency);
  g_test_add_func ("/credit/properties", test_credit_properties);
  g_test_add_func ("/credit/equal", test_credit_equal);
  g_test_add_func ("/credit/keys", test_credit_keys);
  g_test_add_func ("/contributors/information", test_contributors_information);
  g_test_add_func ("/contributors/contributing", test_contributors_contributing);
  g_test_add_func ("/contributors/contributed-to", test_contributors_contributed_to);
  g_test_add_func ("/contributors/reuters", test_contributors_reuters);
  g_test_add_func ("/contributors/negative", test_contributors_negative);
  g_test_add_func ("/contributors/seed", test_contributors_seed);
  g_test_add_func ("/byline/forms", test_byline_forms);
  g_test_add_func ("/byline/agency", test_byline_agency);
  g_test_add_func ("/byline/negative", test_byline_negative);
  g_test_add_func ("/agency-tag/forms", test_agency_tag);
  g_test_add_func ("/agency-tag/negative", test_agency_tag_negative);
  g_test_add_func ("/photo-credit/forms", test_photo_credit);
  g_test_add_func ("/photo-credit/negative", test_photo_credit_negative);
  g_test_add_func ("/seed/short-and-reprint", test_seed_short_and_reprint);

  return g_test_run ();
}
