/* desk-credits.c: who is credited for a roundup, and the lines that say so
 *
 * DeskCredits follows a project. It collects everyone the sources credit (bylines, agency
 * tags, contributor lines, photo credits, and the agency a source was read as coming
 * from) into one list without repeats: two credits are the same entry when their names
 * match without regard to case, composition and spacing, and their organisations are the
 * same organisation ("AP" is "The Associated Press"; the editor may add names of their own
 * to that table with desk_credits_set_organization_name()). A person named with no
 * organisation by one source and with one by another is one entry.
 *
 * Credit follows content: an entry is active (named in the credit line) when a source that
 * credits it has text in the draft, that is, when some draft paragraph's provenance names
 * the source, and it credits it as an author, a contributor or an agency. Photographers and
 * editors are listed but not active, since the draft carries no photos and editing is not
 * reporting. The editor decides the rest: includes or excludes an entry, adds a person,
 * renames an entry, moves it, and marks one entry as the main byline. The main byline is
 * the draft's byline, one value: the entry the draft's byline names as a byline names an
 * entry ("Name, Organisation", or the organisation or the name alone when the entry has
 * no other) is the main one, and making an entry the main
 * byline writes it into the draft's byline. Decisions are kept
 * by the identity of the entry they were taken on (its name and organisation as first
 * collected), so they survive the list being computed again whenever the project changes,
 * and they are saved with the project (desk_credits_save_decisions()).
 *
 * The list is a #GListModel of #DeskCredit as shown (after renaming, with the organisation
 * as the credit line writes it). Per-entry state is read by position.
 *
 * Credit lines:
 *
 * - contributor line: "Information for this article was contributed by A of X." Names of
 *   one organisation are one clause: "by A and B of X", "by A, B and C of X". Two clauses:
 *   "by A of X and by B of Y"; three or more: "by A of X; by B of Y; and by C of Z". A
 *   person with no organisation is "by A"; an organisation credited with no person (an
 *   agency tag) is "by staff members of X".
 * - agency line: "With reporting by AP, Bloomberg and PTI.": each organisation once, by its
 *   short name (desk_organization_short_name()), else as the credit writes it; people with
 *   no organisation by name.
 *
 * The main byline is left out of both lines: the byline already names it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "desk-credit-private.h"
#include "desk-credits.h"
#include "desk-organization.h"

typedef struct
{
  char       *key;        /* identity key: normalised name, '\n', organisation key */
  char       *id_name;    /* identity, as first collected or added, for decisions */
  char       *id_org;
  DeskCredit *credit;     /* as shown: renamed, organisation resolved */
  guint       rank;       /* of the best role it was credited in */
  guint       base;       /* position before the editor's order is applied */
  guint       used : 1;
  guint       reprinted : 1;  /* a source credits it whose text in the draft is others' */
  guint       collected : 1;
  guint       added : 1;
  guint       active : 1;
  guint       main : 1;
} Entry;

typedef struct
{
  char *name;             /* identity */
  char *organization;
  int   include;          /* -1: follow content; 0: exclude; 1: include */
  char *new_name;         /* set when renamed */
  char *new_organization;
  guint renamed : 1;
} Decision;

typedef struct
{
  char *written;
  char *name;
} OrganizationName;

struct _DeskCredits
{
  GObject          parent_instance;

  DeskProject     *project;       /* weak */
  DeskCreditStyle  style;

  GPtrArray       *entries;       /* of Entry, in the order shown */

  /* The editor's decisions. */
  GPtrArray       *decisions;     /* of Decision */
  GPtrArray       *added;         /* of DeskCredit */
  GPtrArray       *order;         /* of DeskCredit (identities) or NULL: never moved */
  GPtrArray       *organization_names; /* of OrganizationName */

  /* Keys of the names and organisations met, made once each: the list is computed again
   * on every change of the project, over every credit of every source, and normalising
   * and case-folding is not cheap. A text key depends on the text alone; an organisation's
   * key on the editor's organisation names too, so those are forgotten when they change. */
  GHashTable      *text_keys;          /* text -> _desk_credit_text_key (text) */
  GHashTable      *organization_keys;  /* written -> organization_key () */
  GHashTable      *canonical_names;    /* written -> desk_organization_canonical () or NULL */
  GHashTable      *short_names;        /* name -> desk_organization_short_name () or NULL */
};

static void desk_credits_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (DeskCredits, desk_credits, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      desk_credits_list_model_init))

enum {
  PROP_0,
  PROP_PROJECT,
  PROP_STYLE,
  N_PROPS
};

enum {
  CHANGED,
  STATE_CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

enum {
  RANK_AUTHOR,
  RANK_CONTRIBUTOR,
  RANK_AGENCY,
  RANK_OTHER,
  RANK_EDITOR,
  RANK_PHOTOGRAPHER,
};

static const GEnumValue credit_style_values[] = {
  { DESK_CREDIT_STYLE_CONTRIBUTOR_LINE, "DESK_CREDIT_STYLE_CONTRIBUTOR_LINE", "contributor-line" },
  { DESK_CREDIT_STYLE_AGENCY_LINE, "DESK_CREDIT_STYLE_AGENCY_LINE", "agency-line" },
  { DESK_CREDIT_STYLE_NONE, "DESK_CREDIT_STYLE_NONE", "none" },
  { 0, NULL, NULL }
};

GType
desk_credit_style_get_type (void)
{
  static gsize type = 0;

  if (g_once_init_enter (&type))
    {
      GType t = g_enum_register_static (g_intern_static_string ("DeskCreditStyle"),
                                        credit_style_values);
      g_once_init_leave (&type, t);
    }

  return type;
}

/**
 * desk_credit_style_to_string:
 *
 * Returns: the word for @style, as project files write it: "contributor-line",
 *   "agency-line" or "none"
 */
const char *
desk_credit_style_to_string (DeskCreditStyle style)
{
  g_return_val_if_fail (style <= DESK_CREDIT_STYLE_NONE, "none");

  return credit_style_values[style].value_nick;
}

/**
 * desk_credit_style_from_string:
 * @name: (nullable): a style word
 * @style: (out): where to store the style
 *
 * Returns: %TRUE if @name names a style
 */
gboolean
desk_credit_style_from_string (const char      *name,
                               DeskCreditStyle *style)
{
  g_return_val_if_fail (style != NULL, FALSE);

  if (name == NULL)
    return FALSE;

  for (guint i = 0; credit_style_values[i].value_nick != NULL; i++)
    {
      if (g_str_equal (credit_style_values[i].value_nick, name))
        {
          *style = credit_style_values[i].value;
          return TRUE;
        }
    }

  return FALSE;
}

static void
entry_free (gpointer data)
{
  Entry *entry = data;

  g_free (entry->key);
  g_free (entry->id_name);
  g_free (entry->id_org);
  g_clear_object (&entry->credit);
  g_free (entry);
}

static void
decision_free (gpointer data)
{
  Decision *decision = data;

  g_free (decision->name);
  g_free (decision->organization);
  g_free (decision->new_name);
  g_free (decision->new_organization);
  g_free (decision);
}

static void
organization_name_free (gpointer data)
{
  OrganizationName *org = data;

  g_free (org->written);
  g_free (org->name);
  g_free (org);
}

/* Text helpers */

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

/* The one normalisation of names and organisations, as credits compare them. */
#define tidy(text)     _desk_credit_tidy (text)
#define text_key(text) _desk_credit_text_key (text)

/* desk_organization_canonical (@name), looked up once per name: the lookup normalises and
 * case-folds @name, and every source's agency is looked up on every computation. */
static const char *
cached_canonical (DeskCredits *self,
                  const char  *name)
{
  gpointer canonical;

  if (name == NULL)
    return NULL;

  if (!g_hash_table_lookup_extended (self->canonical_names, name, NULL, &canonical))
    {
      canonical = (gpointer)desk_organization_canonical (name);
      g_hash_table_insert (self->canonical_names, g_strdup (name), canonical);
    }

  return canonical;
}

/* text_key (@text), made once per text; "" for %NULL. */
static const char *
cached_text_key (DeskCredits *self,
                 const char  *text)
{
  char *key;

  if (text == NULL)
    return "";

  key = g_hash_table_lookup (self->text_keys, text);
  if (key == NULL)
    {
      key = text_key (text);
      g_hash_table_insert (self->text_keys, g_strdup (text), key);
    }

  return key;
}

static gboolean
same_organization (DeskCredits *self,
                   const char  *a,
                   const char  *b)
{
  const char *canonical_a = cached_canonical (self, a);
  const char *canonical_b = cached_canonical (self, b);

  if (canonical_a != NULL && canonical_b != NULL)
    return g_str_equal (canonical_a, canonical_b);

  return g_str_equal (cached_text_key (self, a), cached_text_key (self, b));
}

/* The organisation as the credit line writes it: the editor's name for it, else its
 * canonical name, else as written (tidied); NULL for none. */
static char *
resolve_organization (DeskCredits *self,
                      const char  *written)
{
  g_autofree char *tidied = tidy (written);
  const char *canonical;

  if (tidied == NULL)
    return NULL;

  for (guint i = 0; i < self->organization_names->len; i++)
    {
      OrganizationName *org = g_ptr_array_index (self->organization_names, i);

      if (same_organization (self, org->written, tidied))
        return g_strdup (org->name);
    }

  canonical = cached_canonical (self, tidied);

  return canonical != NULL ? g_strdup (canonical) : g_steal_pointer (&tidied);
}

static char *
organization_key (DeskCredits *self,
                  const char  *written)
{
  g_autofree char *resolved = NULL;
  const char *canonical;

  /* Without names of the editor's own, the key depends on the organisation alone. */
  if (self->organization_names->len == 0)
    {
      g_autofree char *tidied = tidy (written);

      return _desk_credit_organization_identity (tidied);
    }

  resolved = resolve_organization (self, written);

  if (resolved == NULL)
    return g_strdup ("");

  canonical = cached_canonical (self, resolved);

  return text_key (canonical != NULL ? canonical : resolved);
}

/* organization_key (@written), made once per organisation until the editor's organisation
 * names change; "" for %NULL. */
static const char *
cached_organization_key (DeskCredits *self,
                         const char  *written)
{
  char *key;

  if (written == NULL)
    return "";

  key = g_hash_table_lookup (self->organization_keys, written);
  if (key == NULL)
    {
      key = organization_key (self, written);
      g_hash_table_insert (self->organization_keys, g_strdup (written), key);
    }

  return key;
}

/* The editor's organisation names changed: organisations' keys are to be made again. */
static void
organization_names_changed (DeskCredits *self)
{
  g_hash_table_remove_all (self->organization_keys);
}

static char *
identity_key (DeskCredits *self,
              const char  *name,
              const char  *organization)
{
  return g_strconcat (cached_text_key (self, name), "\n",
                      cached_organization_key (self, organization), NULL);
}

/* How a byline names an entry as shown: "Jane Doe, Reuters", the organisation alone
 * ("The Associated Press") or the name alone. */
static char *
credit_byline (DeskCredit *credit)
{
  const char *name = desk_credit_get_name (credit);
  const char *organization = desk_credit_get_organization (credit);

  if (is_blank (name))
    return g_strdup (organization);
  if (organization == NULL)
    return g_strdup (name);
  return g_strdup_printf ("%s, %s", name, organization);
}

/* A byline as bylines are compared; NULL for none. */
static char *
byline_fold (const char *byline)
{
  g_autofree char *tidied = tidy (byline);

  if (tidied == NULL)
    return NULL;
  return text_key (tidied);
}

/* Whether the byline (folded) names the entry as credit_byline() writes it, or names by
 * name alone someone a version's byline credits: "By Jane Doe" over the story is the Jane
 * Doe of "By Jane Doe, The Associated Press", and the credit line must not name her again.
 * A contributor or a photographer of the same name is not the byline's. */
static gboolean
names_byline (DeskCredit *credit,
              const char *byline_key)
{
  g_autofree char *whole = credit_byline (credit);
  g_autofree char *whole_key = byline_fold (whole);
  g_autofree char *name_key = NULL;

  if (whole_key != NULL && g_str_equal (whole_key, byline_key))
    return TRUE;
  if (g_strcmp0 (desk_credit_get_role (credit), DESK_CREDIT_ROLE_AUTHOR) != 0)
    return FALSE;

  name_key = byline_fold (desk_credit_get_name (credit));
  return name_key != NULL && g_str_equal (name_key, byline_key);
}

/* The short form of an organisation for the agency line and attributions. */
static const char *
short_organization (const char *organization)
{
  const char *short_name = desk_organization_short_name (organization);

  return short_name != NULL ? short_name : organization;
}

/* short_organization (@organization), the table looked up once per name: attributions ask
 * for every source of every paragraph. */
static const char *
cached_short_organization (DeskCredits *self,
                           const char  *organization)
{
  gpointer short_name;

  if (!g_hash_table_lookup_extended (self->short_names, organization, NULL, &short_name))
    {
      short_name = (gpointer)desk_organization_short_name (organization);
      g_hash_table_insert (self->short_names, g_strdup (organization), short_name);
    }

  return short_name != NULL ? short_name : organization;
}

static guint
role_rank (const char *role)
{
  if (role == NULL)
    return RANK_OTHER;
  if (g_str_equal (role, DESK_CREDIT_ROLE_AUTHOR))
    return RANK_AUTHOR;
  if (g_str_equal (role, DESK_CREDIT_ROLE_CONTRIBUTOR))
    return RANK_CONTRIBUTOR;
  if (g_str_equal (role, DESK_CREDIT_ROLE_AGENCY))
    return RANK_AGENCY;
  if (g_str_equal (role, DESK_CREDIT_ROLE_EDITOR))
    return RANK_EDITOR;
  if (g_str_equal (role, DESK_CREDIT_ROLE_PHOTOGRAPHER))
    return RANK_PHOTOGRAPHER;
  return RANK_OTHER;
}

static const char *
rank_role (guint rank)
{
  switch (rank)
    {
    case RANK_AUTHOR: return DESK_CREDIT_ROLE_AUTHOR;
    case RANK_CONTRIBUTOR: return DESK_CREDIT_ROLE_CONTRIBUTOR;
    case RANK_AGENCY: return DESK_CREDIT_ROLE_AGENCY;
    case RANK_EDITOR: return DESK_CREDIT_ROLE_EDITOR;
    case RANK_PHOTOGRAPHER: return DESK_CREDIT_ROLE_PHOTOGRAPHER;
    default: return NULL;
    }
}

static gboolean
rank_is_credited (guint rank)
{
  return rank != RANK_EDITOR && rank != RANK_PHOTOGRAPHER;
}

/* "A", "A and B", "A, B and C". */
static void
append_series (GString            *out,
               const char * const *items,
               guint               n_items)
{
  for (guint i = 0; i < n_items; i++)
    {
      if (i > 0)
        g_string_append (out, i + 1 == n_items ? " and " : ", ");
      g_string_append (out, items[i]);
    }
}

static void
append_full_stop (GString *out)
{
  if (out->len == 0 || out->str[out->len - 1] != '.')
    g_string_append_c (out, '.');
}

/* Computing the list */

typedef struct
{
  DeskCredits *self;
  GPtrArray   *entries;
  GHashTable  *by_key;  /* key -> Entry, borrowed */
} Collector;

/* Counts a credit into its entry, made if new. @tidy_name and @tidy_org are tidied;
 * @key is their identity key. */
/* What a source's text is to the draft. */
typedef enum
{
  SOURCE_UNUSED,     /* nothing of it in the draft */
  SOURCE_USED,       /* text in the draft */
  SOURCE_REPRINTED,  /* text in the draft, all of it carried by another organisation's */
} SourceUse;

static Entry *
collect_keyed (Collector  *collector,
               const char *tidy_name,
               const char *tidy_org,
               const char *key,
               const char *role,
               SourceUse   source_use,
               gboolean    added)
{
  guint rank = role_rank (role);
  Entry *entry;

  entry = g_hash_table_lookup (collector->by_key, key);

  if (entry == NULL)
    {
      entry = g_new0 (Entry, 1);
      entry->key = g_strdup (key);
      entry->id_name = g_strdup (tidy_name);
      entry->id_org = g_strdup (tidy_org);
      entry->rank = rank;
      entry->base = collector->entries->len;
      g_ptr_array_add (collector->entries, entry);
      g_hash_table_insert (collector->by_key, entry->key, entry);
    }
  else
    entry->rank = MIN (entry->rank, rank);

  if (added)
    entry->added = TRUE;
  else
    entry->collected = TRUE;

  if (source_use == SOURCE_USED && rank_is_credited (rank))
    entry->used = TRUE;
  else if (source_use == SOURCE_REPRINTED && rank_is_credited (rank))
    entry->reprinted = TRUE;

  return entry;
}

static Entry *
collect_one (Collector  *collector,
             const char *name,
             const char *organization,
             const char *role,
             SourceUse   source_use,
             gboolean    added)
{
  g_autofree char *tidy_name = tidy (name);
  g_autofree char *tidy_org = tidy (organization);
  g_autofree char *key = NULL;

  if (tidy_name == NULL && tidy_org == NULL)
    return NULL;

  key = identity_key (collector->self, tidy_name, tidy_org);

  return collect_keyed (collector, tidy_name, tidy_org, key, role, source_use, added);
}

/* A source's credit: its keys were computed once, when it was made; the organisation's
 * key is the credit's own unless the editor named organisations. */
static void
collect_credit (Collector  *collector,
                DeskCredit *credit,
                SourceUse   source_use)
{
  const char *tidy_name = _desk_credit_get_tidy_name (credit);
  const char *tidy_org = _desk_credit_get_tidy_organization (credit);
  g_autofree char *key = NULL;

  if (tidy_name == NULL && tidy_org == NULL)
    return;

  if (collector->self->organization_names->len > 0)
    key = identity_key (collector->self, tidy_name, tidy_org);

  collect_keyed (collector, tidy_name, tidy_org,
                 key != NULL ? key : _desk_credit_get_identity_key (credit),
                 desk_credit_get_role (credit), source_use, FALSE);
}

/* The organisation a source speaks for: its agency's canonical name or folded key; a
 * source that names no agency stands for itself. */
static char *
source_organization_key (DeskCredits *self,
                         DeskSource  *source)
{
  const char *agency = desk_source_get_agency (source);
  const char *canonical = cached_canonical (self, agency);

  if (canonical != NULL)
    return g_strdup (canonical);
  if (agency != NULL && !is_blank (agency))
    return g_strdup (cached_text_key (self, agency));
  return g_strconcat ("\n", desk_source_get_id (source), NULL);
}

/* What each source's text is to the draft (source id -> SourceUse).
 *
 * A source with text in the draft is credited for it, unless it only reprints: an
 * organisation "owns" text when a draft paragraph comes from its sources alone; a source
 * whose organisation owns none, and each of whose paragraphs in the draft an owning
 * organisation's source carries too, reprints another agency's copy (a site scraping a
 * wire story, a paper running it under its own name). Two versions that carry only each
 * other's text are both credited: nothing tells which is the original. */
static GHashTable *
source_uses (DeskCredits *self)
{
  DeskProject *project = self->project;
  GHashTable *uses = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) organizations = g_hash_table_new_full (g_str_hash, g_str_equal,
                                                               g_free, g_free);
  g_autoptr(GHashTable) owners = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) carried = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  DeskDraft *draft = desk_project_get_draft (project);
  GListModel *sources = desk_project_get_sources (project);
  guint n_paragraphs = desk_draft_get_n_paragraphs (draft);
  guint n_sources = g_list_model_get_n_items (sources);

  for (guint i = 0; i < n_sources; i++)
    {
      g_autoptr(DeskSource) source = g_list_model_get_item (sources, i);

      g_hash_table_insert (organizations, g_strdup (desk_source_get_id (source)),
                           source_organization_key (self, source));
    }

  /* Which organisations own text; every source with text is used for now. */
  for (guint i = 0; i < n_paragraphs; i++)
    {
      DeskParagraph *paragraph = desk_draft_get_paragraph (draft, i);
      guint n = desk_paragraph_get_n_provenance (paragraph);
      const char *only = NULL;
      gboolean one_organization = n > 0;

      for (guint j = 0; j < n; j++)
        {
          const char *id = desk_paragraph_get_provenance_source (paragraph, j);
          const char *organization = g_hash_table_lookup (organizations, id);

          g_hash_table_replace (uses, g_strdup (id), GINT_TO_POINTER (SOURCE_USED));
          if (organization == NULL || (only != NULL && !g_str_equal (only, organization)))
            one_organization = FALSE;
          else
            only = organization;
        }
      if (one_organization && only != NULL)
        g_hash_table_add (owners, (gpointer)only);
    }

  /* A source of an organisation that owns nothing, every paragraph of it carried by an
   * owner's source too, reprints. */
  for (guint i = 0; i < n_paragraphs; i++)
    {
      DeskParagraph *paragraph = desk_draft_get_paragraph (draft, i);
      guint n = desk_paragraph_get_n_provenance (paragraph);
      gboolean has_owner = FALSE;

      for (guint j = 0; j < n && !has_owner; j++)
        {
          const char *organization =
            g_hash_table_lookup (organizations, desk_paragraph_get_provenance_source (paragraph, j));

          has_owner = organization != NULL && g_hash_table_contains (owners, organization);
        }

      for (guint j = 0; j < n; j++)
        {
          const char *id = desk_paragraph_get_provenance_source (paragraph, j);
          const char *organization = g_hash_table_lookup (organizations, id);

          if (organization == NULL || g_hash_table_contains (owners, organization))
            continue;
          if (!has_owner)
            g_hash_table_replace (carried, g_strdup (id), GINT_TO_POINTER (FALSE));
          else if (!g_hash_table_contains (carried, id))
            g_hash_table_insert (carried, g_strdup (id), GINT_TO_POINTER (TRUE));
        }
    }

  {
    GHashTableIter iter;
    gpointer id, reprints;

    g_hash_table_iter_init (&iter, carried);
    while (g_hash_table_iter_next (&iter, &id, &reprints))
      if (GPOINTER_TO_INT (reprints))
        g_hash_table_replace (uses, g_strdup (id), GINT_TO_POINTER (SOURCE_REPRINTED));
  }

  return uses;
}

static void
collect_source (Collector  *collector,
                DeskSource *source,
                SourceUse   use)
{
  GListModel *credits = desk_source_get_credits (source);
  guint n_credits = g_list_model_get_n_items (credits);
  const char *agency = desk_source_get_agency (source);
  const char *agency_canonical = cached_canonical (collector->self, agency);
  const char *agency_key = cached_text_key (collector->self, agency);
  gboolean agency_credited = FALSE;

  for (guint i = 0; i < n_credits; i++)
    {
      g_autoptr(DeskCredit) credit = g_list_model_get_item (credits, i);
      const char *canonical = _desk_credit_get_organization_canonical (credit);

      collect_credit (collector, credit, use);

      /* same_organization (agency, the credit's organisation), on keys made once. */
      if (agency != NULL && !agency_credited && desk_credit_get_organization (credit) != NULL)
        agency_credited = agency_canonical != NULL && canonical != NULL
                          ? g_str_equal (agency_canonical, canonical)
                          : g_str_equal (agency_key, _desk_credit_get_organization_key (credit));
    }

  /* An agency known only from a dateline ("HALIFAX (AP) —") is an agency tag too. */
  if (agency != NULL && !agency_credited)
    collect_one (collector, NULL, agency, DESK_CREDIT_ROLE_AGENCY, use, FALSE);
}

/* A person some source names without an organisation and another with one is one
 * person: the entry without joins the first entry with. */
static void
fold_people_without_organization (Collector *collector)
{
  GPtrArray *entries = collector->entries;

  for (guint i = 0; i < entries->len;)
    {
      Entry *entry = g_ptr_array_index (entries, i);
      Entry *into = NULL;

      if (entry->id_name != NULL && entry->id_org == NULL)
        {
          /* An entry's key starts with its name's key, up to a newline. */
          gsize name_length = strchr (entry->key, '\n') - entry->key;

          for (guint j = 0; j < entries->len && into == NULL; j++)
            {
              Entry *other = g_ptr_array_index (entries, j);

              if (other == entry || other->id_name == NULL || other->id_org == NULL)
                continue;

              if (strncmp (entry->key, other->key, name_length) == 0 &&
                  other->key[name_length] == '\n')
                into = other;
            }
        }

      if (into == NULL)
        {
          i++;
          continue;
        }

      into->used |= entry->used;
      into->collected |= entry->collected;
      into->added |= entry->added;
      into->rank = MIN (into->rank, entry->rank);
      into->base = MIN (into->base, entry->base);
      g_hash_table_remove (collector->by_key, entry->key);
      g_ptr_array_remove_index (entries, i);
    }
}

static Decision *
find_decision (DeskCredits *self,
               const char  *key)
{
  for (guint i = 0; i < self->decisions->len; i++)
    {
      Decision *decision = g_ptr_array_index (self->decisions, i);
      g_autofree char *decision_key = identity_key (self, decision->name,
                                                    decision->organization);

      if (g_str_equal (decision_key, key))
        return decision;
    }

  return NULL;
}

/* The decisions by the key of the entry they were taken on, the first for a key, as
 * find_decision() finds them: made once a computation, not once an entry. */
static GHashTable *
decisions_by_key (DeskCredits *self)
{
  GHashTable *by_key = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < self->decisions->len; i++)
    {
      Decision *decision = g_ptr_array_index (self->decisions, i);
      char *key = identity_key (self, decision->name, decision->organization);

      if (g_hash_table_contains (by_key, key))
        g_free (key);
      else
        g_hash_table_insert (by_key, key, decision);
    }

  return by_key;
}

static int
compare_entries (gconstpointer a,
                 gconstpointer b,
                 gpointer      user_data)
{
  const Entry *ea = *(Entry * const *)a;
  const Entry *eb = *(Entry * const *)b;
  GHashTable *order = user_data;
  gpointer pa, pb;
  guint ia = G_MAXUINT, ib = G_MAXUINT;

  if (g_hash_table_lookup_extended (order, ea->key, NULL, &pa))
    ia = GPOINTER_TO_UINT (pa);
  if (g_hash_table_lookup_extended (order, eb->key, NULL, &pb))
    ib = GPOINTER_TO_UINT (pb);

  if (ia != ib)
    return ia < ib ? -1 : 1;

  return ea->base < eb->base ? -1 : (ea->base > eb->base ? 1 : 0);
}

static int
compare_base (gconstpointer a,
              gconstpointer b)
{
  const Entry *ea = *(Entry * const *)a;
  const Entry *eb = *(Entry * const *)b;
  gboolean ca = rank_is_credited (ea->rank);
  gboolean cb = rank_is_credited (eb->rank);

  if (ca != cb)
    return ca ? -1 : 1;

  return ea->base < eb->base ? -1 : (ea->base > eb->base ? 1 : 0);
}

static GPtrArray *
compute_entries (DeskCredits *self)
{
  Collector collector = { self, NULL, NULL };
  g_autoptr(GHashTable) by_key = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) decisions = NULL;
  g_autofree char *byline_key = NULL;
  gboolean have_main = FALSE;

  collector.entries = g_ptr_array_new_with_free_func (entry_free);
  collector.by_key = by_key;

  if (self->project != NULL)
    {
      g_autoptr(GHashTable) uses = source_uses (self);
      GListModel *sources = desk_project_get_sources (self->project);
      guint n_sources = g_list_model_get_n_items (sources);

      for (guint i = 0; i < n_sources; i++)
        {
          g_autoptr(DeskSource) source = g_list_model_get_item (sources, i);

          collect_source (&collector, source,
                          GPOINTER_TO_INT (g_hash_table_lookup (uses,
                                                                desk_source_get_id (source))));
        }
    }

  for (guint i = 0; i < self->added->len; i++)
    {
      DeskCredit *credit = g_ptr_array_index (self->added, i);

      collect_one (&collector, desk_credit_get_name (credit),
                   desk_credit_get_organization (credit), desk_credit_get_role (credit),
                   SOURCE_UNUSED, TRUE);
    }

  fold_people_without_organization (&collector);

  /* Photographers and editors after everyone the credit line names by default. */
  g_ptr_array_sort (collector.entries, compare_base);
  for (guint i = 0; i < collector.entries->len; i++)
    ((Entry *)g_ptr_array_index (collector.entries, i))->base = i;

  if (self->project != NULL)
    byline_key = byline_fold (desk_draft_get_byline (desk_project_get_draft (self->project)));

  decisions = decisions_by_key (self);
  for (guint i = 0; i < collector.entries->len; i++)
    {
      Entry *entry = g_ptr_array_index (collector.entries, i);
      Decision *decision = g_hash_table_lookup (decisions, entry->key);
      const char *name = entry->id_name;
      const char *organization = entry->id_org;
      g_autofree char *shown_org = NULL;

      entry->active = entry->added || entry->used;
      if (decision != NULL && decision->include >= 0)
        entry->active = decision->include > 0;

      if (decision != NULL && decision->renamed)
        {
          name = decision->new_name;
          organization = decision->new_organization;
        }

      shown_org = resolve_organization (self, organization);
      entry->credit = desk_credit_new (name, shown_org, rank_role (entry->rank));
      entry->main = !have_main && byline_key != NULL && names_byline (entry->credit, byline_key);
      have_main |= entry->main;
    }

  if (self->order != NULL)
    {
      g_autoptr(GHashTable) order = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

      for (guint i = 0; i < self->order->len; i++)
        {
          DeskCredit *identity = g_ptr_array_index (self->order, i);
          char *key = identity_key (self, desk_credit_get_name (identity),
                                    desk_credit_get_organization (identity));

          if (g_hash_table_contains (order, key))
            g_free (key);
          else
            g_hash_table_insert (order, key, GUINT_TO_POINTER (i));
        }

      g_ptr_array_sort_with_data (collector.entries, compare_entries, order);
    }

  return collector.entries;
}

/* Whether @a and @b are the same item of the list: the same identity, shown the same. */
static gboolean
same_item (const Entry *a,
           const Entry *b)
{
  return g_str_equal (a->key, b->key) && a->added == b->added &&
         g_strcmp0 (desk_credit_get_name (a->credit), desk_credit_get_name (b->credit)) == 0 &&
         g_strcmp0 (desk_credit_get_organization (a->credit),
                    desk_credit_get_organization (b->credit)) == 0 &&
         g_strcmp0 (desk_credit_get_role (a->credit), desk_credit_get_role (b->credit)) == 0;
}

/* Whether the same item is credited the same. */
static gboolean
same_state (const Entry *a,
            const Entry *b)
{
  return a->used == b->used && a->reprinted == b->reprinted &&
         a->collected == b->collected && a->active == b->active && a->main == b->main;
}

/* Computes the list again. Emits GListModel::items-changed over the span of items that
 * differ, and DeskCredits::state-changed when only what is credited differs: a view keeps
 * the rows it has (and its scroll position and focus) when the editor ticks one. */
static void
update (DeskCredits *self)
{
  g_autoptr(GPtrArray) entries = compute_entries (self);
  GPtrArray *old = self->entries;
  guint old_len = old->len;
  guint new_len = entries->len;
  guint prefix = 0;
  guint suffix = 0;
  gboolean same_states = TRUE;

  while (prefix < MIN (old_len, new_len) &&
         same_item (g_ptr_array_index (old, prefix), g_ptr_array_index (entries, prefix)))
    prefix++;
  while (suffix < MIN (old_len, new_len) - prefix &&
         same_item (g_ptr_array_index (old, old_len - 1 - suffix),
                    g_ptr_array_index (entries, new_len - 1 - suffix)))
    suffix++;

  for (guint i = 0; i < prefix && same_states; i++)
    same_states = same_state (g_ptr_array_index (old, i), g_ptr_array_index (entries, i));
  for (guint i = 0; i < suffix && same_states; i++)
    same_states = same_state (g_ptr_array_index (old, old_len - 1 - i),
                              g_ptr_array_index (entries, new_len - 1 - i));

  if (prefix + suffix == old_len && old_len == new_len && same_states)
    return;

  self->entries = g_steal_pointer (&entries);
  g_ptr_array_unref (old);

  if (prefix + suffix < MAX (old_len, new_len))
    g_list_model_items_changed (G_LIST_MODEL (self), prefix, old_len - prefix - suffix,
                                new_len - prefix - suffix);
  if (!same_states)
    g_signal_emit (self, signals[STATE_CHANGED], 0);
}

static void
decisions_changed (DeskCredits *self)
{
  update (self);
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
project_changed_cb (DeskCredits *self)
{
  update (self);
}

/* GListModel */

static GType
desk_credits_get_item_type (GListModel *model)
{
  return DESK_TYPE_CREDIT;
}

static guint
desk_credits_get_n_items (GListModel *model)
{
  return DESK_CREDITS (model)->entries->len;
}

static gpointer
desk_credits_get_item (GListModel *model,
                       guint       position)
{
  DeskCredits *self = DESK_CREDITS (model);
  Entry *entry;

  if (position >= self->entries->len)
    return NULL;

  entry = g_ptr_array_index (self->entries, position);

  return g_object_ref (entry->credit);
}

static void
desk_credits_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = desk_credits_get_item_type;
  iface->get_n_items = desk_credits_get_n_items;
  iface->get_item = desk_credits_get_item;
}

/* GObject */

static void
desk_credits_dispose (GObject *object)
{
  DeskCredits *self = (DeskCredits *)object;

  if (self->project != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->project, self);
      g_object_remove_weak_pointer (G_OBJECT (self->project), (gpointer *)&self->project);
      self->project = NULL;
    }

  G_OBJECT_CLASS (desk_credits_parent_class)->dispose (object);
}

static void
desk_credits_finalize (GObject *object)
{
  DeskCredits *self = (DeskCredits *)object;

  g_clear_pointer (&self->entries, g_ptr_array_unref);
  g_clear_pointer (&self->decisions, g_ptr_array_unref);
  g_clear_pointer (&self->added, g_ptr_array_unref);
  g_clear_pointer (&self->order, g_ptr_array_unref);
  g_clear_pointer (&self->organization_names, g_ptr_array_unref);
  g_clear_pointer (&self->text_keys, g_hash_table_unref);
  g_clear_pointer (&self->organization_keys, g_hash_table_unref);
  g_clear_pointer (&self->canonical_names, g_hash_table_unref);
  g_clear_pointer (&self->short_names, g_hash_table_unref);

  G_OBJECT_CLASS (desk_credits_parent_class)->finalize (object);
}

static void
desk_credits_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  DeskCredits *self = DESK_CREDITS (object);

  switch (prop_id)
    {
    case PROP_PROJECT:
      g_value_set_object (value, self->project);
      break;

    case PROP_STYLE:
      g_value_set_enum (value, self->style);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
desk_credits_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  DeskCredits *self = DESK_CREDITS (object);

  switch (prop_id)
    {
    case PROP_PROJECT:
      self->project = g_value_get_object (value);
      if (self->project != NULL)
        {
          g_object_add_weak_pointer (G_OBJECT (self->project), (gpointer *)&self->project);
          g_signal_connect_object (self->project, "changed",
                                   G_CALLBACK (project_changed_cb), self, G_CONNECT_SWAPPED);
        }
      break;

    case PROP_STYLE:
      desk_credits_set_style (self, g_value_get_enum (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
desk_credits_constructed (GObject *object)
{
  DeskCredits *self = (DeskCredits *)object;

  G_OBJECT_CLASS (desk_credits_parent_class)->constructed (object);

  g_ptr_array_unref (self->entries);
  self->entries = compute_entries (self);
}

static void
desk_credits_class_init (DeskCreditsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = desk_credits_dispose;
  object_class->finalize = desk_credits_finalize;
  object_class->constructed = desk_credits_constructed;
  object_class->get_property = desk_credits_get_property;
  object_class->set_property = desk_credits_set_property;

  /**
   * DeskCredits:project:
   *
   * The project the credits follow. Not a strong reference: the project owns its
   * credits.
   */
  properties[PROP_PROJECT] =
    g_param_spec_object ("project", NULL, NULL, DESK_TYPE_PROJECT,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                          G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * DeskCredits:style:
   *
   * How the story credits its sources when exported; a setting of the story, saved with
   * the project.
   */
  properties[PROP_STYLE] =
    g_param_spec_enum ("style", NULL, NULL, DESK_TYPE_CREDIT_STYLE,
                       DESK_CREDIT_STYLE_CONTRIBUTOR_LINE,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * DeskCredits::changed:
   *
   * Emitted after the editor's decisions or the style change: what a saved project
   * records. Changes that follow from the project (a source added, a paragraph accepted)
   * only emit #GListModel::items-changed.
   */
  /**
   * DeskCredits::state-changed:
   *
   * Emitted when what is credited changes for entries that stay in the list as they were
   * (ticked or unticked, the main byline, text of theirs coming into the draft or going):
   * #GListModel::items-changed covers only entries that come, go or are shown otherwise.
   */
  signals[STATE_CHANGED] = g_signal_new ("state-changed",
                                         G_TYPE_FROM_CLASS (klass),
                                         G_SIGNAL_RUN_LAST,
                                         0, NULL, NULL, NULL,
                                         G_TYPE_NONE, 0);

  signals[CHANGED] = g_signal_new ("changed",
                                   G_TYPE_FROM_CLASS (klass),
                                   G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL,
                                   G_TYPE_NONE, 0);
}

static void
desk_credits_init (DeskCredits *self)
{
  self->style = DESK_CREDIT_STYLE_CONTRIBUTOR_LINE;
  self->entries = g_ptr_array_new_with_free_func (entry_free);
  self->decisions = g_ptr_array_new_with_free_func (decision_free);
  self->added = g_ptr_array_new_with_free_func (g_object_unref);
  self->organization_names = g_ptr_array_new_with_free_func (organization_name_free);
  self->text_keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->organization_keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->canonical_names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->short_names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

/**
 * desk_credits_new:
 * @project: the project to follow
 *
 * Makes credits that follow @project: computed now and again whenever @project emits
 * #DeskProject::changed. A project has its own, with desk_project_get_credits(); this is
 * for credits apart from it.
 *
 * Returns: (transfer full): new credits
 */
DeskCredits *
desk_credits_new (DeskProject *project)
{
  g_return_val_if_fail (DESK_IS_PROJECT (project), NULL);

  return g_object_new (DESK_TYPE_CREDITS, "project", project, NULL);
}

/**
 * desk_credits_get_project:
 *
 * Returns: (transfer none) (nullable): the project, or %NULL once it is gone
 */
DeskProject *
desk_credits_get_project (DeskCredits *self)
{
  g_return_val_if_fail (DESK_IS_CREDITS (self), NULL);

  return self->project;
}

DeskCreditStyle
desk_credits_get_style (DeskCredits *self)
{
  g_return_val_if_fail (DESK_IS_CREDITS (self), DESK_CREDIT_STYLE_CONTRIBUTOR_LINE);

  return self->style;
}

/**
 * desk_credits_set_style:
 * @style: how exports credit the sources
 */
void
desk_credits_set_style (DeskCredits     *self,
                        DeskCreditStyle  style)
{
  g_return_if_fail (DESK_IS_CREDITS (self));
  g_return_if_fail (style <= DESK_CREDIT_STYLE_NONE);

  if (self->style == style)
    return;

  self->style = style;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STYLE]);
  g_signal_emit (self, signals[CHANGED], 0);
}

static Entry *
get_entry (DeskCredits *self,
           guint        position)
{
  if (position >= self->entries->len)
    return NULL;

  return g_ptr_array_index (self->entries, position);
}

/**
 * desk_credits_get_active:
 * @position: a position in the list
 *
 * Returns: whether the entry is named in the credit line (or is the main byline)
 */
gboolean
desk_credits_get_active (DeskCredits *self,
                         guint        position)
{
  Entry *entry;

  g_return_val_if_fail (DESK_IS_CREDITS (self), FALSE);
  g_return_val_if_fail ((entry = get_entry (self, position)) != NULL, FALSE);

  return entry->active;
}

/**
 * desk_credits_get_used:
 * @position: a position in the list
 *
 * Returns: whether a source that credits the entry as an author, contributor or agency
 *   has text in the draft: whether it would be active without the editor's say
 */
gboolean
desk_credits_get_used (DeskCredits *self,
                       guint        position)
{
  Entry *entry;

  g_return_val_if_fail (DESK_IS_CREDITS (self), FALSE);
  g_return_val_if_fail ((entry = get_entry (self, position)) != NULL, FALSE);

  return entry->used;
}

/**
 * desk_credits_get_reprinted:
 * @position: a position in the list
 *
 * Returns: whether the entry is not used only because the sources that credit it have
 *   nothing in the draft that another organisation's source does not carry too: they
 *   reprint another agency's copy, and are not credited unless the editor says so
 */
gboolean
desk_credits_get_reprinted (DeskCredits *self,
                            guint        position)
{
  Entry *entry;

  g_return_val_if_fail (DESK_IS_CREDITS (self), FALSE);
  g_return_val_if_fail ((entry = get_entry (self, position)) != NULL, FALSE);

  return !entry->used && entry->reprinted;
}

/**
 * desk_credits_get_added:
 * @position: a position in the list
 *
 * Returns: whether the editor added the entry with desk_credits_add()
 */
gboolean
desk_credits_get_added (DeskCredits *self,
                        guint        position)
{
  Entry *entry;

  g_return_val_if_fail (DESK_IS_CREDITS (self), FALSE);
  g_return_val_if_fail ((entry = get_entry (self, position)) != NULL, FALSE);

  return entry->added;
}

/**
 * desk_credits_find:
 * @name: (nullable): a person's name, or %NULL for an organisation's own entry
 * @organization: (nullable): an organisation
 * @position: (out) (optional): where to store the entry's position
 *
 * Finds the entry for a person or organisation, by its identity (as collected, before
 * any renaming) or as shown. Case, spacing and the forms of an organisation's name do not
 * matter.
 *
 * Returns: whether there is such an entry
 */
gboolean
desk_credits_find (DeskCredits *self,
                   const char  *name,
                   const char  *organization,
                   guint       *position)
{
  g_autofree char *key = NULL;

  g_return_val_if_fail (DESK_IS_CREDITS (self), FALSE);

  key = identity_key (self, name, organization);

  /* By identity, as shown, and (for a person given without an organisation, who may have
   * been folded into the same person with one) by name alone. */
  for (guint pass = 0; pass < 3; pass++)
    {
      g_autofree char *name_key = NULL;

      if (pass == 2)
        {
          if (is_blank (name) || !is_blank (organization))
            break;
          name_key = text_key (name);
        }

      for (guint i = 0; i < self->entries->len; i++)
        {
          Entry *entry = g_ptr_array_index (self->entries, i);
          g_autofree char *shown_key = NULL;

          if (pass == 0 && !g_str_equal (entry->key, key))
            continue;

          if (pass == 1)
            {
              shown_key = identity_key (self, desk_credit_get_name (entry->credit),
                                        desk_credit_get_organization (entry->credit));
              if (!g_str_equal (shown_key, key))
                continue;
            }

          if (pass == 2)
            {
              shown_key = text_key (entry->id_name);
              if (!g_str_equal (shown_key, name_key))
                continue;
            }

          if (position != NULL)
            *position = i;
          return TRUE;
        }
    }

  return FALSE;
}

static Decision *
ensure_decision (DeskCredits *self,
                 Entry       *entry)
{
  Decision *decision = find_decision (self, entry->key);

  if (decision == NULL)
    {
      decision = g_new0 (Decision, 1);
      decision->name = g_strdup (entry->id_name);
      decision->organization = g_strdup (entry->id_org);
      decision->include = -1;
      g_ptr_array_add (self->decisions, decision);
    }

  return decision;
}

static void
drop_decision_if_empty (DeskCredits *self,
                        Decision    *decision)
{
  if (decision->include < 0 && !decision->renamed)
    g_ptr_array_remove (self->decisions, decision);
}

/**
 * desk_credits_set_active:
 * @position: a position in the list
 * @active: whether the credit line names the entry
 *
 * Includes or excludes an entry whatever the draft holds: an excluded source stays out of
 * the credit line when its text is in the draft, an included one is named when none of
 * its text survives.
 */
void
desk_credits_set_active (DeskCredits *self,
                         guint        position,
                         gboolean     active)
{
  Entry *entry;
  Decision *decision;

  g_return_if_fail (DESK_IS_CREDITS (self));
  g_return_if_fail ((entry = get_entry (self, position)) != NULL);

  decision = ensure_decision (self, entry);
  if (decision->include == (active ? 1 : 0))
    return;

  decision->include = active ? 1 : 0;
  decisions_changed (self);
}

/**
 * desk_credits_reset_active:
 * @position: a position in the list
 *
 * Forgets whether the editor included or excluded the entry: it is active again when its
 * sources have text in the draft.
 */
void
desk_credits_reset_active (DeskCredits *self,
                           guint        position)
{
  Entry *entry;
  Decision *decision;

  g_return_if_fail (DESK_IS_CREDITS (self));
  g_return_if_fail ((entry = get_entry (self, position)) != NULL);

  decision = find_decision (self, entry->key);
  if (decision == NULL || decision->include < 0)
    return;

  decision->include = -1;
  drop_decision_if_empty (self, decision);
  decisions_changed (self);
}

/**
 * desk_credits_add:
 * @name: (nullable): the person, or %NULL to credit an organisation
 * @organization: (nullable): the organisation
 * @role: (nullable): a `DESK_CREDIT_ROLE_…` word; %NULL for "contributor"
 *
 * Adds a credit no source gives, at the end of the list, active. When the list already
 * has that person or organisation, the entry is included instead.
 *
 * Returns: the position of the entry, or %DESK_CREDITS_INVALID_POSITION if @name and
 *   @organization are both blank
 */
guint
desk_credits_add (DeskCredits *self,
                  const char  *name,
                  const char  *organization,
                  const char  *role)
{
  g_autofree char *tidy_name = NULL;
  g_autofree char *tidy_org = NULL;
  guint position;

  g_return_val_if_fail (DESK_IS_CREDITS (self), DESK_CREDITS_INVALID_POSITION);

  tidy_name = tidy (name);
  tidy_org = tidy (organization);
  if (tidy_name == NULL && tidy_org == NULL)
    return DESK_CREDITS_INVALID_POSITION;

  if (desk_credits_find (self, tidy_name, tidy_org, &position))
    {
      desk_credits_set_active (self, position, TRUE);
      return position;
    }

  g_ptr_array_add (self->added,
                   desk_credit_new (tidy_name, tidy_org,
                                    role != NULL ? role : DESK_CREDIT_ROLE_CONTRIBUTOR));
  decisions_changed (self);

  if (!desk_credits_find (self, tidy_name, tidy_org, &position))
    g_return_val_if_reached (DESK_CREDITS_INVALID_POSITION);

  return position;
}

static gboolean
same_identity (DeskCredits *self,
               DeskCredit  *identity,
               const char  *key)
{
  g_autofree char *identity_key_ = identity_key (self, desk_credit_get_name (identity),
                                                 desk_credit_get_organization (identity));

  return g_str_equal (identity_key_, key);
}

/**
 * desk_credits_remove:
 * @position: a position in the list
 *
 * Removes an entry from the credit line. An entry the editor added is deleted; one the
 * sources give stays in the list, excluded, so that it can be included again.
 */
void
desk_credits_remove (DeskCredits *self,
                     guint        position)
{
  Entry *entry;
  g_autofree char *key = NULL;

  g_return_if_fail (DESK_IS_CREDITS (self));
  g_return_if_fail ((entry = get_entry (self, position)) != NULL);

  key = g_strdup (entry->key);

  if (entry->added)
    {
      for (guint i = self->added->len; i > 0; i--)
        {
          if (same_identity (self, g_ptr_array_index (self->added, i - 1), key))
            g_ptr_array_remove_index (self->added, i - 1);
        }
    }

  if (entry->collected)
    ensure_decision (self, entry)->include = 0;
  else
    {
      Decision *decision = find_decision (self, key);

      if (decision != NULL)
        g_ptr_array_remove (self->decisions, decision);
    }

  decisions_changed (self);
}

/**
 * desk_credits_rename:
 * @position: a position in the list
 * @name: (nullable): the person's name as the credit line should write it; %NULL or
 *   blank for an organisation's own entry
 * @organization: (nullable): the organisation as it should be written
 *
 * Changes how an entry is written, whatever the sources wrote. Renaming it back to how it
 * was collected forgets the renaming.
 */
void
desk_credits_rename (DeskCredits *self,
                     guint        position,
                     const char  *name,
                     const char  *organization)
{
  Entry *entry;
  Decision *decision;
  g_autofree char *tidy_name = NULL;
  g_autofree char *tidy_org = NULL;

  g_return_if_fail (DESK_IS_CREDITS (self));
  g_return_if_fail ((entry = get_entry (self, position)) != NULL);

  tidy_name = tidy (name);
  tidy_org = tidy (organization);
  if (tidy_name == NULL && tidy_org == NULL)
    return;

  decision = ensure_decision (self, entry);

  if (g_strcmp0 (tidy_name, entry->id_name) == 0 && g_strcmp0 (tidy_org, entry->id_org) == 0)
    {
      if (!decision->renamed)
        return;

      decision->renamed = FALSE;
      g_clear_pointer (&decision->new_name, g_free);
      g_clear_pointer (&decision->new_organization, g_free);
      drop_decision_if_empty (self, decision);
    }
  else
    {
      if (decision->renamed &&
          g_strcmp0 (decision->new_name, tidy_name) == 0 &&
          g_strcmp0 (decision->new_organization, tidy_org) == 0)
        return;

      decision->renamed = TRUE;
      g_free (decision->new_name);
      decision->new_name = g_steal_pointer (&tidy_name);
      g_free (decision->new_organization);
      decision->new_organization = g_steal_pointer (&tidy_org);
    }

  if (entry->main && self->project != NULL)
    {
      /* The byline names the main entry: it follows the new name. */
      g_autofree char *key = g_strdup (entry->key);
      DeskDraft *draft = desk_project_get_draft (self->project);

      update (self);
      for (guint i = 0; i < self->entries->len; i++)
        {
          Entry *renamed = g_ptr_array_index (self->entries, i);

          if (g_str_equal (renamed->key, key))
            {
              g_autofree char *byline = credit_byline (renamed->credit);

              desk_draft_set_byline (draft, byline);
              break;
            }
        }
    }

  decisions_changed (self);
}

/**
 * desk_credits_move:
 * @from: the position of the entry to move
 * @to: its new position
 *
 * Moves an entry. The order of the entries is the order of the credit line: organisations
 * in the order of their first entry, and people within an organisation in theirs.
 */
void
desk_credits_move (DeskCredits *self,
                   guint        from,
                   guint        to)
{
  g_autoptr(GPtrArray) order = NULL;
  gpointer moved;

  g_return_if_fail (DESK_IS_CREDITS (self));
  g_return_if_fail (from < self->entries->len);
  g_return_if_fail (to < self->entries->len);

  if (from == to)
    return;

  order = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < self->entries->len; i++)
    {
      Entry *entry = g_ptr_array_index (self->entries, i);

      g_ptr_array_add (order, desk_credit_new (entry->id_name, entry->id_org, NULL));
    }

  moved = g_ptr_array_steal_index (order, from);
  g_ptr_array_insert (order, to, moved);

  g_clear_pointer (&self->order, g_ptr_array_unref);
  self->order = g_steal_pointer (&order);

  decisions_changed (self);
}

/**
 * desk_credits_get_main:
 *
 * Returns: the position of the main byline, or %DESK_CREDITS_INVALID_POSITION
 */
guint
desk_credits_get_main (DeskCredits *self)
{
  g_return_val_if_fail (DESK_IS_CREDITS (self), DESK_CREDITS_INVALID_POSITION);

  for (guint i = 0; i < self->entries->len; i++)
    {
      Entry *entry = g_ptr_array_index (self->entries, i);

      if (entry->main)
        return i;
    }

  return DESK_CREDITS_INVALID_POSITION;
}

/**
 * desk_credits_set_main:
 * @position: a position in the list, or %DESK_CREDITS_INVALID_POSITION for none
 *
 * Makes an entry the main byline (and no other): writes it as the draft's byline
 * ("Name, Organisation", the organisation alone, or the name alone). The byline names it,
 * so the credit line leaves it out. %DESK_CREDITS_INVALID_POSITION, when an entry is the
 * main byline, empties the draft's byline.
 */
void
desk_credits_set_main (DeskCredits *self,
                       guint        position)
{
  Entry *entry = NULL;
  g_autofree char *byline = NULL;

  g_return_if_fail (DESK_IS_CREDITS (self));
  g_return_if_fail (position == DESK_CREDITS_INVALID_POSITION || position < self->entries->len);

  if (self->project == NULL)
    return;

  if (position != DESK_CREDITS_INVALID_POSITION)
    {
      entry = g_ptr_array_index (self->entries, position);
      if (entry->main)
        return;
      byline = credit_byline (entry->credit);
    }
  else if (desk_credits_get_main (self) == DESK_CREDITS_INVALID_POSITION)
    return;

  /* The draft changing makes the list again (project_changed_cb()). */
  desk_draft_set_byline (desk_project_get_draft (self->project), byline);
  decisions_changed (self);
}

/**
 * desk_credits_set_organization_name:
 * @written: an organisation's name as some source writes it ("Bloomberg", "TWP")
 * @name: (nullable): how credit lines should write that organisation
 *   ("Bloomberg News", "The Tidewater Post"), or %NULL to forget @written
 *
 * Adds to the table of organisation names: credits that name @written, or any other name
 * of the same known organisation, are written @name, and two organisations given the same
 * name are one.
 */
void
desk_credits_set_organization_name (DeskCredits *self,
                                    const char  *written,
                                    const char  *name)
{
  g_autofree char *tidy_written = NULL;
  g_autofree char *tidy_name = NULL;
  OrganizationName *org;

  g_return_if_fail (DESK_IS_CREDITS (self));
  g_return_if_fail (written != NULL);

  tidy_written = tidy (written);
  tidy_name = tidy (name);
  if (tidy_written == NULL)
    return;

  for (guint i = 0; i < self->organization_names->len; i++)
    {
      org = g_ptr_array_index (self->organization_names, i);

      if (!same_organization (self, org->written, tidy_written))
        continue;

      if (tidy_name == NULL)
        g_ptr_array_remove_index (self->organization_names, i);
      else if (g_str_equal (org->name, tidy_name))
        return;
      else
        {
          g_free (org->name);
          org->name = g_steal_pointer (&tidy_name);
        }

      organization_names_changed (self);
      decisions_changed (self);
      return;
    }

  if (tidy_name == NULL)
    return;

  org = g_new0 (OrganizationName, 1);
  org->written = g_steal_pointer (&tidy_written);
  org->name = g_steal_pointer (&tidy_name);
  g_ptr_array_add (self->organization_names, org);

  organization_names_changed (self);
  decisions_changed (self);
}

/**
 * desk_credits_dup_organization_name:
 * @written: an organisation's name as a source writes it
 *
 * Returns: (transfer full) (nullable): how credit lines write that organisation: the
 *   editor's name for it, its canonical name, or @written tidied; %NULL if blank
 */
char *
desk_credits_dup_organization_name (DeskCredits *self,
                                    const char  *written)
{
  g_return_val_if_fail (DESK_IS_CREDITS (self), NULL);

  return resolve_organization (self, written);
}

/* Formatting */

typedef struct
{
  char      *key;
  char      *organization;  /* NULL: people with no organisation */
  GPtrArray *names;         /* of char *, NULL-terminated */
  GPtrArray *name_keys;
} Group;

static void
group_free (gpointer data)
{
  Group *group = data;

  g_free (group->key);
  g_free (group->organization);
  g_ptr_array_unref (group->names);
  g_ptr_array_unref (group->name_keys);
  g_free (group);
}

/* The active entries other than the main byline, by organisation, in the order of each
 * organisation's first entry. */
static GPtrArray *
build_groups (DeskCredits *self)
{
  GPtrArray *groups = g_ptr_array_new_with_free_func (group_free);

  for (guint i = 0; i < self->entries->len; i++)
    {
      Entry *entry = g_ptr_array_index (self->entries, i);
      const char *name = desk_credit_get_name (entry->credit);
      const char *organization = desk_credit_get_organization (entry->credit);
      g_autofree char *key = NULL;
      g_autofree char *name_key = NULL;
      Group *group = NULL;

      if (!entry->active || entry->main)
        continue;

      key = organization_key (self, organization);

      for (guint j = 0; j < groups->len && group == NULL; j++)
        {
          Group *candidate = g_ptr_array_index (groups, j);

          if (g_str_equal (candidate->key, key))
            group = candidate;
        }

      if (group == NULL)
        {
          group = g_new0 (Group, 1);
          group->key = g_steal_pointer (&key);
          group->organization = g_strdup (organization);
          group->names = g_ptr_array_new_null_terminated (2, g_free, TRUE);
          group->name_keys = g_ptr_array_new_with_free_func (g_free);
          g_ptr_array_add (groups, group);
        }

      if (is_blank (name))
        continue;

      name_key = text_key (name);
      if (g_ptr_array_find_with_equal_func (group->name_keys, name_key, g_str_equal, NULL))
        continue;

      g_ptr_array_add (group->names, g_strdup (name));
      g_ptr_array_add (group->name_keys, g_steal_pointer (&name_key));
    }

  return groups;
}

static char *
format_contributor_line (GPtrArray *groups)
{
  /* Story text, in the story's language: not translated. */
  GString *line = g_string_new ("Information for this article was contributed ");

  for (guint i = 0; i < groups->len; i++)
    {
      Group *group = g_ptr_array_index (groups, i);

      if (i > 0)
        {
          if (groups->len == 2)
            g_string_append (line, " and ");
          else if (i + 1 == groups->len)
            g_string_append (line, "; and ");
          else
            g_string_append (line, "; ");
        }

      g_string_append (line, "by ");

      if (group->names->len == 0)
        g_string_append_printf (line, "staff members of %s", group->organization);
      else
        {
          append_series (line, (const char * const *)group->names->pdata, group->names->len);
          if (group->organization != NULL)
            g_string_append_printf (line, " of %s", group->organization);
        }
    }

  append_full_stop (line);

  return g_string_free (line, FALSE);
}

static char *
format_agency_line (GPtrArray *groups)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new ();
  GString *line;

  for (guint i = 0; i < groups->len; i++)
    {
      Group *group = g_ptr_array_index (groups, i);

      if (group->organization != NULL)
        g_ptr_array_add (items, (gpointer)short_organization (group->organization));
      else
        for (guint j = 0; j < group->names->len; j++)
          g_ptr_array_add (items, g_ptr_array_index (group->names, j));
    }

  line = g_string_new ("With reporting by ");
  append_series (line, (const char * const *)items->pdata, items->len);
  append_full_stop (line);

  return g_string_free (line, FALSE);
}

/**
 * desk_credits_format_line:
 * @style: the style of the line
 *
 * Writes the credit line: see the top of desk-credits.c for the grammar of each style.
 *
 * Returns: (transfer full) (nullable): the line, or %NULL when no one is to be credited
 *   or @style is %DESK_CREDIT_STYLE_NONE
 */
char *
desk_credits_format_line (DeskCredits     *self,
                          DeskCreditStyle  style)
{
  g_autoptr(GPtrArray) groups = NULL;

  g_return_val_if_fail (DESK_IS_CREDITS (self), NULL);

  if (style == DESK_CREDIT_STYLE_NONE)
    return NULL;

  /* The project may have changed since the list was computed, when whoever asks heard of
   * the change before the credits did. */
  update (self);

  groups = build_groups (self);
  if (groups->len == 0)
    return NULL;

  switch (style)
    {
    case DESK_CREDIT_STYLE_CONTRIBUTOR_LINE:
      return format_contributor_line (groups);

    case DESK_CREDIT_STYLE_AGENCY_LINE:
      return format_agency_line (groups);

    case DESK_CREDIT_STYLE_NONE:
    default:
      return NULL;
    }
}

/**
 * desk_credits_dup_credit_line:
 * @style: the credit style the line is written in, when the editor did not write it
 *
 * The credit line the story goes out with: the one the editor wrote in the draft's
 * masthead (desk_draft_get_credit_line()), else the one the credits write in @style. No
 * line at all with %DESK_CREDIT_STYLE_NONE.
 *
 * Returns: (transfer full) (nullable): the line, or %NULL for none
 */
char *
desk_credits_dup_credit_line (DeskCredits     *self,
                              DeskCreditStyle  style)
{
  const char *written = NULL;

  g_return_val_if_fail (DESK_IS_CREDITS (self), NULL);

  if (style == DESK_CREDIT_STYLE_NONE)
    return NULL;

  if (self->project != NULL)
    written = desk_draft_get_credit_line (desk_project_get_draft (self->project));
  if (written != NULL)
    return tidy (written);

  return desk_credits_format_line (self, style);
}

/**
 * desk_credits_dup_byline:
 *
 * The byline the story goes out with, without "By": the draft's byline, which names the
 * main byline entry when there is one ("Jane Doe", "Jane Doe, Reuters", "The Associated
 * Press").
 *
 * Returns: (transfer full) (nullable): the byline, or %NULL when there is none
 */
char *
desk_credits_dup_byline (DeskCredits *self)
{
  g_return_val_if_fail (DESK_IS_CREDITS (self), NULL);

  if (self->project != NULL)
    return tidy (desk_draft_get_byline (desk_project_get_draft (self->project)));

  return NULL;
}

/* How a paragraph attribution names a source: the organisations it credits as authors,
 * contributors or agencies (a newspaper's contributor line may name several), else the
 * agency it was read as coming from, else its name. Adds each label to @labels once. */
static void
add_source_labels (DeskCredits *self,
                   DeskSource  *source,
                   GPtrArray   *labels)
{
  GListModel *credits = desk_source_get_credits (source);
  guint n_credits = g_list_model_get_n_items (credits);
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < n_credits; i++)
    {
      g_autoptr(DeskCredit) credit = g_list_model_get_item (credits, i);
      g_autofree char *organization = NULL;

      if (!rank_is_credited (role_rank (desk_credit_get_role (credit))))
        continue;

      organization = resolve_organization (self, desk_credit_get_organization (credit));
      if (organization != NULL)
        g_ptr_array_add (found, g_strdup (cached_short_organization (self, organization)));
    }

  if (found->len == 0 && desk_source_get_agency (source) != NULL)
    {
      g_autofree char *organization = resolve_organization (self, desk_source_get_agency (source));

      if (organization != NULL)
        g_ptr_array_add (found, g_strdup (cached_short_organization (self, organization)));
    }

  if (found->len == 0)
    g_ptr_array_add (found, g_path_get_basename (desk_source_get_name (source)));

  for (guint i = 0; i < found->len; i++)
    {
      const char *label = g_ptr_array_index (found, i);

      if (!g_ptr_array_find_with_equal_func (labels, label, g_str_equal, NULL))
        g_ptr_array_add (labels, g_strdup (label));
    }
}

static int
compare_labels (gconstpointer a,
                gconstpointer b,
                gpointer      user_data)
{
  GHashTable *rank = user_data;
  guint ra = GPOINTER_TO_UINT (g_hash_table_lookup (rank, *(const char * const *)a));
  guint rb = GPOINTER_TO_UINT (g_hash_table_lookup (rank, *(const char * const *)b));

  /* Labels the credits do not know (source names) go last, in their order. */
  if (ra == 0)
    ra = G_MAXUINT;
  if (rb == 0)
    rb = G_MAXUINT;

  return ra < rb ? -1 : (ra > rb ? 1 : 0);
}

/* Each organisation's place in the credits, to order attributions alike. */
static GHashTable *
organization_rank (DeskCredits *self)
{
  GHashTable *rank = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < self->entries->len; i++)
    {
      Entry *entry = g_ptr_array_index (self->entries, i);
      const char *organization = desk_credit_get_organization (entry->credit);

      if (organization != NULL &&
          !g_hash_table_contains (rank, cached_short_organization (self, organization)))
        g_hash_table_insert (rank, (gpointer)cached_short_organization (self, organization),
                             GUINT_TO_POINTER (g_hash_table_size (rank) + 1));
    }

  return rank;
}

static char *
format_attribution (DeskCredits   *self,
                    DeskParagraph *paragraph,
                    GHashTable    *rank)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);
  guint n = desk_paragraph_get_n_provenance (paragraph);
  GString *out;

  for (guint i = 0; i < n; i++)
    {
      const char *source_id = desk_paragraph_get_provenance_source (paragraph, i);
      DeskSource *source = desk_project_find_source (self->project, source_id);

      if (source != NULL)
        add_source_labels (self, source, labels);
    }

  if (labels->len == 0)
    return NULL;

  /* In the order of the credits, so that every paragraph names them alike. */
  g_ptr_array_sort_with_data (labels, compare_labels, rank);

  out = g_string_new (NULL);
  append_series (out, (const char * const *)labels->pdata, labels->len);

  return g_string_free (out, FALSE);
}

/**
 * desk_credits_format_attribution:
 * @paragraph: a paragraph of the draft
 *
 * Names where a paragraph came from, for per-paragraph attribution: the organisations the
 * sources in its provenance credit, short ("AP and PTI"), each once; a source that credits
 * none by its agency or, failing that, its name. For every paragraph of a draft, use
 * desk_credits_format_attributions(): this brings the credits up to date, which takes
 * a pass over the whole draft.
 *
 * Returns: (transfer full) (nullable): the attribution, or %NULL for a paragraph the
 *   editor wrote or whose sources are no longer in the project
 */
char *
desk_credits_format_attribution (DeskCredits   *self,
                                 DeskParagraph *paragraph)
{
  g_autoptr(GHashTable) rank = NULL;

  g_return_val_if_fail (DESK_IS_CREDITS (self), NULL);
  g_return_val_if_fail (DESK_IS_PARAGRAPH (paragraph), NULL);

  if (self->project == NULL)
    return NULL;

  update (self);
  rank = organization_rank (self);

  return format_attribution (self, paragraph, rank);
}

/**
 * desk_credits_format_attributions:
 * @draft: the draft of the credits' project
 *
 * desk_credits_format_attribution() for every paragraph of @draft, the credits brought up
 * to date once (per paragraph, that was quadratic in the length of the draft).
 *
 * Returns: (transfer container) (element-type utf8): an attribution (%NULL for none) for
 *   each paragraph, in order
 */
GPtrArray *
desk_credits_format_attributions (DeskCredits *self,
                                  DeskDraft   *draft)
{
  g_autoptr(GHashTable) rank = NULL;
  GPtrArray *attributions;
  guint n;

  g_return_val_if_fail (DESK_IS_CREDITS (self), NULL);
  g_return_val_if_fail (DESK_IS_DRAFT (draft), NULL);

  n = desk_draft_get_n_paragraphs (draft);
  attributions = g_ptr_array_new_full (n, g_free);
  if (self->project == NULL)
    {
      g_ptr_array_set_size (attributions, n);
      return attributions;
    }

  update (self);
  rank = organization_rank (self);
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (attributions,
                     format_attribution (self, desk_draft_get_paragraph (draft, i), rank));

  return attributions;
}

/* Saving and restoring decisions */

static void
add_identity (JsonBuilder *builder,
              const char  *name,
              const char  *organization)
{
  json_builder_set_member_name (builder, "name");
  if (name != NULL)
    json_builder_add_string_value (builder, name);
  else
    json_builder_add_null_value (builder);

  json_builder_set_member_name (builder, "organization");
  if (organization != NULL)
    json_builder_add_string_value (builder, organization);
  else
    json_builder_add_null_value (builder);
}

/**
 * desk_credits_save_decisions:
 *
 * The editor's decisions, as the "credits" member of a project file (see
 * data/copydesk-project-format.md): what was included, excluded, renamed, added and
 * moved, the main byline, and the table of organisation names. The style is a setting of
 * the story and is not part of it.
 *
 * Returns: (transfer full): a JSON object
 */
JsonNode *
desk_credits_save_decisions (DeskCredits *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  g_return_val_if_fail (DESK_IS_CREDITS (self), NULL);

  json_builder_begin_object (builder);

  json_builder_set_member_name (builder, "decisions");
  json_builder_begin_array (builder);
  for (guint i = 0; i < self->decisions->len; i++)
    {
      Decision *decision = g_ptr_array_index (self->decisions, i);

      json_builder_begin_object (builder);
      add_identity (builder, decision->name, decision->organization);
      if (decision->include >= 0)
        {
          json_builder_set_member_name (builder, "include");
          json_builder_add_boolean_value (builder, decision->include > 0);
        }
      if (decision->renamed)
        {
          json_builder_set_member_name (builder, "rename");
          json_builder_begin_object (builder);
          add_identity (builder, decision->new_name, decision->new_organization);
          json_builder_end_object (builder);
        }
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "added");
  json_builder_begin_array (builder);
  for (guint i = 0; i < self->added->len; i++)
    {
      DeskCredit *credit = g_ptr_array_index (self->added, i);

      json_builder_begin_object (builder);
      add_identity (builder, desk_credit_get_name (credit), desk_credit_get_organization (credit));
      json_builder_set_member_name (builder, "role");
      json_builder_add_string_value (builder, desk_credit_get_role (credit));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "order");
  if (self->order != NULL)
    {
      json_builder_begin_array (builder);
      for (guint i = 0; i < self->order->len; i++)
        {
          DeskCredit *identity = g_ptr_array_index (self->order, i);

          json_builder_begin_object (builder);
          add_identity (builder, desk_credit_get_name (identity),
                        desk_credit_get_organization (identity));
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
    }
  else
    json_builder_add_null_value (builder);

  json_builder_set_member_name (builder, "organization_names");
  json_builder_begin_array (builder);
  for (guint i = 0; i < self->organization_names->len; i++)
    {
      OrganizationName *org = g_ptr_array_index (self->organization_names, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "written");
      json_builder_add_string_value (builder, org->written);
      json_builder_set_member_name (builder, "name");
      json_builder_add_string_value (builder, org->name);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

static gboolean
malformed (GError     **error,
           const char  *path,
           const char  *problem)
{
  g_set_error (error, DESK_ERROR, DESK_ERROR_MALFORMED,
               /* Translators: the first %s is a place in the file, like credits.added[2].name */
               _("“%s” %s"), path, problem);
  return FALSE;
}

/* Reads an optional member that is a string or null. */
static gboolean
read_string (JsonObject  *object,
             const char  *member,
             const char  *path,
             char       **out,
             GError     **error)
{
  JsonNode *node = json_object_get_member (object, member);
  g_autofree char *where = g_strdup_printf ("%s.%s", path, member);

  *out = NULL;

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;

  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return malformed (error, where, _("is not text"));

  if (!g_utf8_validate (json_node_get_string (node), -1, NULL))
    return malformed (error, where, _("is not valid UTF-8"));

  *out = g_strdup (json_node_get_string (node));
  return TRUE;
}

static JsonObject *
read_object (JsonNode    *node,
             const char  *path,
             GError     **error)
{
  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    {
      malformed (error, path, _("is not an object"));
      return NULL;
    }

  return json_node_get_object (node);
}

/* Reads an optional member that is a list (or, if @nullable, null); *out is NULL when
 * the member is absent or null. */
static gboolean
read_array (JsonObject  *object,
            const char  *member,
            const char  *path,
            gboolean     nullable,
            JsonArray  **out,
            GError     **error)
{
  JsonNode *node = json_object_get_member (object, member);
  g_autofree char *where = g_strdup_printf ("%s.%s", path, member);

  *out = NULL;

  if (node == NULL || (nullable && JSON_NODE_HOLDS_NULL (node)))
    return TRUE;

  if (!JSON_NODE_HOLDS_ARRAY (node))
    return malformed (error, where, _("is not a list"));

  *out = json_node_get_array (node);
  return TRUE;
}

static DeskCredit *
read_identity (JsonNode    *node,
               const char  *path,
               const char  *role,
               GError     **error)
{
  JsonObject *object = read_object (node, path, error);
  g_autofree char *name = NULL;
  g_autofree char *organization = NULL;

  if (object == NULL ||
      !read_string (object, "name", path, &name, error) ||
      !read_string (object, "organization", path, &organization, error))
    return NULL;

  if (is_blank (name) && is_blank (organization))
    {
      malformed (error, path, _("names neither a person nor an organisation"));
      return NULL;
    }

  return desk_credit_new (name, organization, role);
}

/**
 * desk_credits_restore_decisions:
 * @node: a JSON object as desk_credits_save_decisions() makes
 * @error: return location for a #GError
 *
 * Replaces the editor's decisions with those in @node. Fails with %DESK_ERROR_MALFORMED,
 * naming the member at fault, when @node is not in that shape; the decisions are then
 * unchanged.
 *
 * Returns: %TRUE on success
 */
gboolean
desk_credits_restore_decisions (DeskCredits  *self,
                                JsonNode     *node,
                                GError      **error)
{
  g_autoptr(GPtrArray) decisions = g_ptr_array_new_with_free_func (decision_free);
  g_autoptr(GPtrArray) added = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) order = NULL;
  g_autoptr(GPtrArray) organization_names = g_ptr_array_new_with_free_func (organization_name_free);
  g_autoptr(DeskCredit) main = NULL;
  JsonObject *object;
  JsonArray *array;
  JsonNode *member;

  g_return_val_if_fail (DESK_IS_CREDITS (self), FALSE);
  g_return_val_if_fail (node != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!(object = read_object (node, "credits", error)))
    return FALSE;

  if (!read_array (object, "decisions", "credits", FALSE, &array, error))
    return FALSE;
  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      g_autofree char *path = g_strdup_printf ("credits.decisions[%u]", i);
      JsonObject *item = read_object (json_array_get_element (array, i), path, error);
      g_autoptr(DeskCredit) identity = NULL;
      Decision *decision;

      if (item == NULL ||
          !(identity = read_identity (json_array_get_element (array, i), path, NULL, error)))
        return FALSE;

      decision = g_new0 (Decision, 1);
      decision->name = g_strdup (desk_credit_get_name (identity));
      decision->organization = g_strdup (desk_credit_get_organization (identity));
      decision->include = -1;
      g_ptr_array_add (decisions, decision);

      member = json_object_get_member (item, "include");
      if (member != NULL && !JSON_NODE_HOLDS_NULL (member))
        {
          g_autofree char *where = g_strconcat (path, ".include", NULL);

          if (!JSON_NODE_HOLDS_VALUE (member) ||
              json_node_get_value_type (member) != G_TYPE_BOOLEAN)
            return malformed (error, where, _("is neither true nor false"));
          decision->include = json_node_get_boolean (member) ? 1 : 0;
        }

      member = json_object_get_member (item, "rename");
      if (member != NULL && !JSON_NODE_HOLDS_NULL (member))
        {
          g_autofree char *where = g_strconcat (path, ".rename", NULL);
          g_autoptr(DeskCredit) renamed = read_identity (member, where, NULL, error);

          if (renamed == NULL)
            return FALSE;
          decision->renamed = TRUE;
          decision->new_name = tidy (desk_credit_get_name (renamed));
          decision->new_organization = tidy (desk_credit_get_organization (renamed));
        }
    }

  if (!read_array (object, "added", "credits", FALSE, &array, error))
    return FALSE;
  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      g_autofree char *path = g_strdup_printf ("credits.added[%u]", i);
      JsonObject *item = read_object (json_array_get_element (array, i), path, error);
      g_autofree char *role = NULL;
      DeskCredit *credit;

      if (item == NULL || !read_string (item, "role", path, &role, error))
        return FALSE;
      if (!(credit = read_identity (json_array_get_element (array, i), path,
                                    role != NULL ? role : DESK_CREDIT_ROLE_CONTRIBUTOR, error)))
        return FALSE;
      g_ptr_array_add (added, credit);
    }

  if (!read_array (object, "order", "credits", TRUE, &array, error))
    return FALSE;
  if (array != NULL)
    {
      order = g_ptr_array_new_with_free_func (g_object_unref);
      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          g_autofree char *path = g_strdup_printf ("credits.order[%u]", i);
          DeskCredit *identity = read_identity (json_array_get_element (array, i), path,
                                                NULL, error);

          if (identity == NULL)
            return FALSE;
          g_ptr_array_add (order, identity);
        }
    }

  member = json_object_get_member (object, "main");
  if (member != NULL && !JSON_NODE_HOLDS_NULL (member) &&
      !(main = read_identity (member, "credits.main", NULL, error)))
    return FALSE;

  if (!read_array (object, "organization_names", "credits", FALSE, &array, error))
    return FALSE;
  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      g_autofree char *path = g_strdup_printf ("credits.organization_names[%u]", i);
      JsonObject *item = read_object (json_array_get_element (array, i), path, error);
      g_autofree char *written = NULL;
      g_autofree char *name = NULL;
      OrganizationName *org;

      if (item == NULL ||
          !read_string (item, "written", path, &written, error) ||
          !read_string (item, "name", path, &name, error))
        return FALSE;
      if (is_blank (written) || is_blank (name))
        return malformed (error, path, _("lacks the name as written or the name to write"));

      org = g_new0 (OrganizationName, 1);
      org->written = tidy (written);
      org->name = tidy (name);
      g_ptr_array_add (organization_names, org);
    }

  g_ptr_array_unref (self->decisions);
  self->decisions = g_steal_pointer (&decisions);
  g_ptr_array_unref (self->added);
  self->added = g_steal_pointer (&added);
  g_clear_pointer (&self->order, g_ptr_array_unref);
  self->order = g_steal_pointer (&order);
  g_ptr_array_unref (self->organization_names);
  self->organization_names = g_steal_pointer (&organization_names);
  organization_names_changed (self);

  decisions_changed (self);

  /* A file from before the byline was the one place of the main byline. */
  if (main != NULL && self->project != NULL)
    {
      g_autofree char *key = identity_key (self, desk_credit_get_name (main),
                                           desk_credit_get_organization (main));

      for (guint i = 0; i < self->entries->len; i++)
        {
          Entry *entry = g_ptr_array_index (self->entries, i);

          if (g_str_equal (entry->key, key))
            {
              desk_credits_set_main (self, i);
              break;
            }
        }
    }

  return TRUE;
}
