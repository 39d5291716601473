/* desk-aliases.c: names that mean the same entity
 *
 * An alias table maps variants ("IS", "ISIS", "Daesh", "the Islamic State group") to one
 * canonical name, so that matching sees one entity. A variant written in capitals only
 * ("IS", "U.S.") matches only in capitals; any other variant matches in any case. The
 * built-in table is small and general; a project adds its own entries, and the suggester
 * adds the ones it learns from aligned sentences.
 *
 * The text form, used for the built-in table, preferences and project files, is one entry
 * a line: `canonical = variant | variant | …`, with `#` comments.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "desk-aliases.h"
#include "desk-types.h"

struct _DeskAliases
{
  GObject     parent_instance;

  /* first word (folded) → GPtrArray of Variant, longest first */
  GHashTable *by_first_word;
  /* canonical → GPtrArray of variant strings as written, for to_data() */
  GHashTable *entries;
  GPtrArray  *canonical_order;
  guint       n_variants;
};

typedef struct
{
  char      **words;      /* as written, or folded when case-insensitive */
  guint       n_words;
  gboolean    exact_case;
  char       *canonical;  /* the token that matching uses */
} Variant;

G_DEFINE_FINAL_TYPE (DeskAliases, desk_aliases, G_TYPE_OBJECT)

static const char default_table[] =
  "# Entities that wires name in several ways. One entry a line: canonical = variant | variant\n"
  "Islamic State = Islamic State | Islamic State group | ISIS | ISIL | IS | Daesh | Daech\n"
  "United States = United States | United States of America | U.S. | US | USA | U.S.A.\n"
  "United Kingdom = United Kingdom | U.K. | UK | Britain | Great Britain\n"
  "United Nations = United Nations | U.N. | UN\n"
  "European Union = European Union | EU | E.U.\n"
  "NATO = NATO | North Atlantic Treaty Organization\n"
  "UN Security Council = United Nations Security Council | U.N. Security Council | UN Security Council | Security Council\n"
  "White House = White House\n"
  "Kremlin = Kremlin\n"
  "Federal Bureau of Investigation = FBI | Federal Bureau of Investigation\n"
  "Central Intelligence Agency = CIA | Central Intelligence Agency\n"
  "World Health Organization = WHO | World Health Organization\n"
  "International Monetary Fund = IMF | International Monetary Fund\n"
  "Democratic Republic of Congo = Democratic Republic of Congo | Democratic Republic of the Congo | DRC | DR Congo\n"
  "United Arab Emirates = United Arab Emirates | UAE | U.A.E.\n"
  "Hezbollah = Hezbollah | Hizbollah | Hizballah\n"
  "al-Qaida = al-Qaida | al-Qaeda | al Qaeda | Al Qaeda\n";

static void
variant_free (Variant *variant)
{
  g_strfreev (variant->words);
  g_free (variant->canonical);
  g_free (variant);
}

static void
desk_aliases_finalize (GObject *object)
{
  DeskAliases *self = (DeskAliases *)object;

  g_clear_pointer (&self->by_first_word, g_hash_table_unref);
  g_clear_pointer (&self->entries, g_hash_table_unref);
  g_clear_pointer (&self->canonical_order, g_ptr_array_unref);

  G_OBJECT_CLASS (desk_aliases_parent_class)->finalize (object);
}

static void
desk_aliases_class_init (DeskAliasesClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = desk_aliases_finalize;
}

static void
desk_aliases_init (DeskAliases *self)
{
  self->by_first_word = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                               (GDestroyNotify)g_ptr_array_unref);
  self->entries = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                         (GDestroyNotify)g_ptr_array_unref);
  self->canonical_order = g_ptr_array_new_with_free_func (g_free);
}

DeskAliases *
desk_aliases_new (void)
{
  return g_object_new (DESK_TYPE_ALIASES, NULL);
}

/**
 * desk_aliases_new_default:
 *
 * Returns: (transfer full): a table with Copydesk's built-in entries
 */
DeskAliases *
desk_aliases_new_default (void)
{
  DeskAliases *self = desk_aliases_new ();

  desk_aliases_load_from_data (self, default_table, NULL);
  return self;
}

static gboolean
is_all_capitals (const char *text)
{
  gboolean any_letter = FALSE;

  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_islower (c))
        return FALSE;
      if (g_unichar_isalpha (c))
        any_letter = TRUE;
    }

  return any_letter;
}

/* Splits text into the words matching sees: runs of letters and digits. */
static char **
split_words (const char *text,
             gboolean    fold)
{
  g_autoptr(GPtrArray) words = g_ptr_array_new ();
  const char *p = text;

  while (*p)
    {
      const char *start;

      while (*p && !g_unichar_isalnum (g_utf8_get_char (p)))
        p = g_utf8_next_char (p);
      if (*p == '\0')
        break;

      start = p;
      while (*p && g_unichar_isalnum (g_utf8_get_char (p)))
        p = g_utf8_next_char (p);

      g_ptr_array_add (words, fold ? g_utf8_casefold (start, p - start) : g_strndup (start, p - start));
    }

  g_ptr_array_add (words, NULL);
  return (char **)g_ptr_array_free (g_steal_pointer (&words), FALSE);
}

static int
compare_variants_longest_first (gconstpointer a,
                                gconstpointer b)
{
  const Variant *va = *(const Variant * const *)a;
  const Variant *vb = *(const Variant * const *)b;

  return (int)vb->n_words - (int)va->n_words;
}

/**
 * desk_aliases_add:
 * @canonical: the name matching should see
 * @variant: another way of writing it
 *
 * Adds @variant as a name for @canonical.
 */
void
desk_aliases_add (DeskAliases *self,
                  const char  *canonical,
                  const char  *variant)
{
  Variant *v;
  GPtrArray *bucket;
  GPtrArray *written;
  g_autofree char *token = NULL;
  g_auto(GStrv) canonical_words = NULL;

  g_return_if_fail (DESK_IS_ALIASES (self));
  g_return_if_fail (canonical != NULL);
  g_return_if_fail (variant != NULL);

  v = g_new0 (Variant, 1);
  v->exact_case = is_all_capitals (variant);
  v->words = split_words (variant, !v->exact_case);
  v->n_words = g_strv_length (v->words);
  if (v->n_words == 0)
    {
      variant_free (v);
      return;
    }

  /* The canonical token: one word, so that "Islamic State" counts as one entity. */
  canonical_words = split_words (canonical, TRUE);
  token = g_strjoinv ("_", canonical_words);
  v->canonical = g_strconcat ("=", token, NULL);

  bucket = g_hash_table_lookup (self->by_first_word, v->words[0]);
  if (bucket == NULL)
    {
      bucket = g_ptr_array_new_with_free_func ((GDestroyNotify)variant_free);
      g_hash_table_insert (self->by_first_word, g_strdup (v->words[0]), bucket);
    }
  g_ptr_array_add (bucket, v);
  g_ptr_array_sort (bucket, compare_variants_longest_first);

  written = g_hash_table_lookup (self->entries, canonical);
  if (written == NULL)
    {
      written = g_ptr_array_new_with_free_func (g_free);
      g_hash_table_insert (self->entries, g_strdup (canonical), written);
      g_ptr_array_add (self->canonical_order, g_strdup (canonical));
    }
  g_ptr_array_add (written, g_strdup (variant));

  self->n_variants++;
}

/**
 * desk_aliases_load_from_data:
 * @data: entries, one a line: `canonical = variant | variant`
 * @error: return location for a #GError
 *
 * Adds the entries of @data. A line without `=` is an error naming the line.
 *
 * Returns: %TRUE on success
 */
gboolean
desk_aliases_load_from_data (DeskAliases  *self,
                             const char   *data,
                             GError      **error)
{
  g_auto(GStrv) lines = NULL;

  g_return_val_if_fail (DESK_IS_ALIASES (self), FALSE);
  g_return_val_if_fail (data != NULL, FALSE);

  lines = g_strsplit (data, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      char *line = g_strstrip (lines[i]);
      g_auto(GStrv) variants = NULL;
      char *eq;

      if (line[0] == '\0' || line[0] == '#')
        continue;

      eq = strchr (line, '=');
      if (eq == NULL)
        {
          g_set_error (error, DESK_ERROR, DESK_ERROR_MALFORMED,
                       _("Line %u of the alias table has no “=”: %s"), i + 1, line);
          return FALSE;
        }

      *eq = '\0';
      g_strstrip (line);
      variants = g_strsplit (eq + 1, "|", -1);
      for (guint v = 0; variants[v] != NULL; v++)
        {
          g_strstrip (variants[v]);
          if (variants[v][0] != '\0')
            desk_aliases_add (self, line, variants[v]);
        }
    }

  return TRUE;
}

/**
 * desk_aliases_to_data:
 *
 * Returns: (transfer full): the table in its text form
 */
char *
desk_aliases_to_data (DeskAliases *self)
{
  GString *out = g_string_new (NULL);

  g_return_val_if_fail (DESK_IS_ALIASES (self), NULL);

  for (guint i = 0; i < self->canonical_order->len; i++)
    {
      const char *canonical = g_ptr_array_index (self->canonical_order, i);
      GPtrArray *written = g_hash_table_lookup (self->entries, canonical);

      g_string_append_printf (out, "%s =", canonical);
      for (guint v = 0; v < written->len; v++)
        g_string_append_printf (out, "%s %s", v > 0 ? " |" : "", (char *)g_ptr_array_index (written, v));
      g_string_append_c (out, '\n');
    }

  return g_string_free (out, FALSE);
}

/**
 * desk_aliases_copy:
 *
 * Returns: (transfer full): an independent copy, safe to hand to a worker thread
 */
DeskAliases *
desk_aliases_copy (DeskAliases *self)
{
  DeskAliases *copy = desk_aliases_new ();
  g_autofree char *data = desk_aliases_to_data (self);

  desk_aliases_load_from_data (copy, data, NULL);
  return copy;
}

guint
desk_aliases_get_n_variants (DeskAliases *self)
{
  g_return_val_if_fail (DESK_IS_ALIASES (self), 0);
  return self->n_variants;
}

/**
 * desk_aliases_lookup:
 * @variant: a name
 *
 * Returns: (nullable): the canonical name @variant stands for, if the whole of it is a variant
 */
const char *
desk_aliases_lookup (DeskAliases *self,
                     const char  *variant)
{
  g_auto(GStrv) words = NULL;
  g_auto(GStrv) folded = NULL;
  const char *token;
  guint matched = 0;

  g_return_val_if_fail (DESK_IS_ALIASES (self), NULL);

  words = split_words (variant, FALSE);
  folded = split_words (variant, TRUE);
  token = _desk_aliases_match (self, (const char **)words, (const char **)folded,
                               g_strv_length (words), &matched);
  if (token == NULL || matched != g_strv_length (words))
    return NULL;

  for (guint i = 0; i < self->canonical_order->len; i++)
    {
      const char *canonical = g_ptr_array_index (self->canonical_order, i);
      g_auto(GStrv) cw = split_words (canonical, TRUE);
      g_autofree char *joined = g_strjoinv ("_", cw);

      if (g_str_equal (joined, token + 1))
        return canonical;
    }

  return NULL;
}

/**
 * _desk_aliases_match:
 * @words: words as written
 * @folded: the same words case-folded
 * @n_words: how many there are
 * @n_matched: (out): how many words the variant covers
 *
 * Returns: (nullable): the canonical token ("=islamic_state") of the longest variant that
 *   starts at @words[0]
 */
const char *
_desk_aliases_match (DeskAliases  *self,
                     const char  **words,
                     const char  **folded,
                     guint         n_words,
                     guint        *n_matched)
{
  GPtrArray *buckets[2];
  const Variant *best = NULL;

  if (n_words == 0)
    return NULL;

  buckets[0] = g_hash_table_lookup (self->by_first_word, folded[0]);
  /* A word in lower case is its own folded form: no second lookup. */
  buckets[1] = words[0] == folded[0] || g_str_equal (words[0], folded[0])
               ? buckets[0] : g_hash_table_lookup (self->by_first_word, words[0]);

  for (guint b = 0; b < G_N_ELEMENTS (buckets); b++)
    {
      if (buckets[b] == NULL || (b == 1 && buckets[1] == buckets[0]))
        continue;

      for (guint i = 0; i < buckets[b]->len; i++)
        {
          const Variant *v = g_ptr_array_index (buckets[b], i);
          gboolean ok = v->n_words <= n_words && (best == NULL || v->n_words > best->n_words);

          for (guint w = 0; ok && w < v->n_words; w++)
            ok = g_str_equal (v->words[w], v->exact_case ? words[w] : folded[w]);

          if (ok)
            {
              best = v;
              break;
            }
        }
    }

  if (best == NULL)
    return NULL;

  *n_matched = best->n_words;
  return best->canonical;
}
