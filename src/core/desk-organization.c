/* desk-organization.c: names of news organisations, and their short forms
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "desk-organization.h"

#define MAX_ALIASES 8

typedef struct
{
  const char *canonical;
  const char *short_name;               /* NULL: the canonical name is already short */
  gboolean    photo_agency;
  const char *aliases[MAX_ALIASES];     /* NULL-terminated unless full */
} DeskOrganization;

/* The built-in table. One row per organisation: the canonical full name (as a credit line
 * writes it), its short form, whether it is a photo agency, and every other way a source
 * writes it. Matching ignores case, a leading "The", surrounding punctuation, full stops and
 * the difference between a hyphen and a space, so "the Associated Press." and "A.P." need no
 * row of their own. The canonical and short names are matched too; list them again only for
 * readability. */
static const DeskOrganization organizations[] = {
  /* Agencies */
  { "The Associated Press", "AP", FALSE,
    { "Associated Press", "AP", "The AP" } },
  { "Reuters", NULL, FALSE,
    { "Thomson Reuters", "Reuters News" } },
  { "Agence France-Presse", "AFP", FALSE,
    { "AFP", "France-Presse", "Agence France-Press" } },
  { "Press Trust of India", "PTI", FALSE,
    { "PTI" } },
  { "Bloomberg News", "Bloomberg", FALSE,
    { "Bloomberg" } },
  { "Deutsche Presse-Agentur", "dpa", FALSE,
    { "dpa" } },
  { "ANSA", NULL, FALSE,
    { "Agenzia Nazionale Stampa Associata" } },
  { "EFE", NULL, FALSE,
    { "Agencia EFE" } },
  { "Kyodo News", "Kyodo", FALSE,
    { "Kyodo" } },
  { "Xinhua", NULL, FALSE,
    { "Xinhua News Agency" } },
  { "Tass", NULL, FALSE,
    { "ITAR-Tass", "Tass News Agency" } },
  { "Interfax", NULL, FALSE,
    { NULL } },
  { "Anadolu Agency", "Anadolu", FALSE,
    { "Anadolu", "Anadolu Ajansı" } },
  { "United Press International", "UPI", FALSE,
    { "UPI" } },
  { "Australian Associated Press", "AAP", FALSE,
    { "AAP" } },
  { "NTB", NULL, FALSE,
    { "Norsk Telegrambyrå" } },
  { "STT", NULL, FALSE,
    { "STT-FNB", "Suomen Tietotoimisto" } },

  /* Newspapers and broadcasters */
  { "The New York Times", "NYT", FALSE,
    { "New York Times", "NYT", "NY Times" } },
  { "The Washington Post", NULL, FALSE,
    { "Washington Post" } },
  { "Los Angeles Times", NULL, FALSE,
    { "LA Times" } },
  { "The Wall Street Journal", "WSJ", FALSE,
    { "Wall Street Journal", "WSJ" } },
  { "USA Today", NULL, FALSE,
    { NULL } },
  { "BBC", NULL, FALSE,
    { "BBC News", "British Broadcasting Corporation" } },
  { "CNN", NULL, FALSE,
    { "Cable News Network" } },

  /* Photo agencies */
  { "Getty Images", "Getty", TRUE,
    { "Getty" } },
  { "AFP/Getty Images", NULL, TRUE,
    { "AFP via Getty Images", "AFP/Getty" } },
  { "European Pressphoto Agency", "EPA", TRUE,
    { "EPA", "EPA-EFE" } },
  { "Shutterstock", NULL, TRUE,
    { "Rex/Shutterstock", "Rex Features" } },
  { "Sipa", NULL, TRUE,
    { "Sipa Press", "Sipa USA" } },
};

static gboolean
is_dash (gunichar c)
{
  return c == '-' || (c >= 0x2010 && c <= 0x2015) || c == 0x2212;
}

/* The lookup key: NFC, case-folded, full stops dropped, hyphens as spaces, spaces collapsed
 * (none around '/'), surrounding punctuation and a leading "the " removed. */
static char *
organization_key (const char *name)
{
  g_autofree char *nfc = NULL;
  g_autofree char *folded = NULL;
  g_autoptr(GString) key = NULL;
  gboolean pending_space = FALSE;
  const char *start;
  const char *end;

  if (name == NULL || !g_utf8_validate (name, -1, NULL))
    return NULL;

  nfc = g_utf8_normalize (name, -1, G_NORMALIZE_DEFAULT_COMPOSE);
  folded = g_utf8_casefold (nfc, -1);
  key = g_string_new (NULL);

  for (const char *p = folded; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == '.')
        continue;

      if (g_unichar_isspace (c) || c == 0x00A0 || is_dash (c))
        {
          pending_space = key->len > 0;
          continue;
        }

      if (c == '/')
        {
          pending_space = FALSE;
          g_string_append_c (key, '/');
          continue;
        }

      if (pending_space && key->str[key->len - 1] != '/')
        g_string_append_c (key, ' ');
      pending_space = FALSE;
      g_string_append_unichar (key, c);
    }

  /* Surrounding punctuation: keep from the first to the last letter or digit. */
  start = key->str;
  while (*start != '\0' && !g_unichar_isalnum (g_utf8_get_char (start)))
    start = g_utf8_next_char (start);

  end = start;
  for (const char *p = start; *p != '\0'; p = g_utf8_next_char (p))
    if (g_unichar_isalnum (g_utf8_get_char (p)))
      end = g_utf8_next_char (p);

  if (end - start > 4 && strncmp (start, "the ", 4) == 0)
    start += 4;

  return g_strndup (start, end - start);
}

static GHashTable *
organization_index (void)
{
  static GHashTable *index = NULL;

  if (g_once_init_enter (&index))
    {
      GHashTable *table = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

      for (guint i = 0; i < G_N_ELEMENTS (organizations); i++)
        {
          const DeskOrganization *org = &organizations[i];
          const char *names[MAX_ALIASES + 2] = { org->canonical, org->short_name };
          guint n = 2;

          for (guint j = 0; j < MAX_ALIASES && org->aliases[j] != NULL; j++)
            names[n++] = org->aliases[j];

          for (guint j = 0; j < n; j++)
            {
              char *key;

              if (names[j] == NULL)
                continue;

              key = organization_key (names[j]);

              if (key == NULL || *key == '\0')
                {
                  g_free (key);
                  continue;
                }

              /* The first row to claim a name keeps it. */
              if (g_hash_table_contains (table, key))
                g_free (key);
              else
                g_hash_table_insert (table, key, (gpointer) org);
            }
        }

      g_once_init_leave (&index, table);
    }

  return index;
}

/* Longer than any name or alias in the table, with room for surrounding punctuation. */
#define MAX_NAME_LENGTH 96

static const DeskOrganization *
organization_lookup (const char *name)
{
  g_autofree char *key = NULL;

  /* No organisation's name is this long: a sentence is not one, and need not be folded
   * to find that out. */
  if (name == NULL || *name == '\0' || strnlen (name, MAX_NAME_LENGTH + 1) > MAX_NAME_LENGTH)
    return NULL;

  key = organization_key (name);

  if (key == NULL || *key == '\0')
    return NULL;

  return g_hash_table_lookup (organization_index (), key);
}

/**
 * desk_organization_canonical:
 * @name: (nullable): an organisation's name as a source writes it
 *
 * Looks @name up in the table of news organisations. Case, a leading "The", surrounding
 * spaces and punctuation, full stops and hyphens do not matter: "the AP", "(AP)" and
 * "Associated Press." all give "The Associated Press".
 *
 * Returns: (nullable): the canonical name, or %NULL if @name is not a known organisation
 */
const char *
desk_organization_canonical (const char *name)
{
  const DeskOrganization *org = organization_lookup (name);

  return org != NULL ? org->canonical : NULL;
}

/**
 * desk_organization_short_name:
 * @name: (nullable): an organisation's name as a source writes it
 *
 * Returns: (nullable): the short form of the organisation ("AP"), its canonical name when it
 *   has no shorter one ("Reuters"), or %NULL if @name is not a known organisation
 */
const char *
desk_organization_short_name (const char *name)
{
  const DeskOrganization *org = organization_lookup (name);

  if (org == NULL)
    return NULL;

  return org->short_name != NULL ? org->short_name : org->canonical;
}

/**
 * desk_organization_is_known:
 * @name: (nullable): an organisation's name as a source writes it
 *
 * Returns: %TRUE if @name is in the table of news organisations
 */
gboolean
desk_organization_is_known (const char *name)
{
  return organization_lookup (name) != NULL;
}

/**
 * desk_organization_is_photo_agency:
 * @name: (nullable): an organisation's name as a source writes it
 *
 * Returns: %TRUE if @name is a known photo agency (Getty Images, EPA, …)
 */
gboolean
desk_organization_is_photo_agency (const char *name)
{
  const DeskOrganization *org = organization_lookup (name);

  return org != NULL && org->photo_agency;
}
