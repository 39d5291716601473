/* desk-project.c: a roundup: the sources, the draft, and the decisions taken
 *
 * A project holds the versions of a story the editor is merging (sources, each at most
 * once), the draft being written, the texts of suggestions the editor rejected (so they
 * are not offered again), and the order in which organisations are preferred when
 * several sources carry the same passage. "changed" is emitted after any change to any
 * of these, including changes inside the draft and the sources, so that saving the
 * project needs one signal only.
 *
 * The project also owns the story's credits (desk_project_get_credits()), made when first
 * asked for: they follow the project, and the editor's decisions about them are part of
 * the project, so a change to them is a change to the project.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "desk-credits.h"
#include "desk-aliases.h"
#include "desk-project.h"
#include "desk-source-private.h"

struct _DeskProject
{
  GObject     parent_instance;

  GListStore *sources;
  GHashTable *sources_by_id;       /* id (the source's own string) → DeskSource, borrowed */
  DeskDraft  *draft;
  char       *draft_source_id;
  GPtrArray  *rejected;            /* of char *, NULL-terminated */
  GStrv       organization_order;
  char       *aliases;             /* the project's own alias table, in its text form */
  DeskCredits *credits;            /* made on first use */
  DeskStyle  *style;               /* the house style; every draft gets it */
  char       *export_format;       /* desk_export_format_to_string () of the last export */
  char       *export_folder;       /* where the story was last exported, a path */
};

G_DEFINE_FINAL_TYPE (DeskProject, desk_project, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_SOURCES,
  PROP_DRAFT,
  PROP_DRAFT_SOURCE_ID,
  PROP_ORGANIZATION_ORDER,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
emit_changed (DeskProject *self)
{
  g_signal_emit (self, signals[CHANGED], 0);
}

/* Names every source by its outlet (desk_source_dup_outlet()); versions of one outlet are
 * told apart by their length, and by a number when that is the same too. A source the
 * editor named keeps the name. @extra are sources about to join. */
static void
update_labels (DeskProject *self,
               GPtrArray   *extra)
{
  g_autoptr(GPtrArray) all = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) outlets = NULL;
  g_autoptr(GHashTable) counts = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) taken = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guint n_items = g_list_model_get_n_items (G_LIST_MODEL (self->sources));

  for (guint i = 0; i < n_items; i++)
    g_ptr_array_add (all, g_list_model_get_item (G_LIST_MODEL (self->sources), i));
  for (guint i = 0; extra != NULL && i < extra->len; i++)
    g_ptr_array_add (all, g_object_ref (g_ptr_array_index (extra, i)));

  outlets = g_ptr_array_new_full (all->len, g_free);
  for (guint i = 0; i < all->len; i++)
    {
      char *outlet = desk_source_dup_outlet (g_ptr_array_index (all, i));

      g_ptr_array_add (outlets, outlet);
      if (outlet != NULL)
        g_hash_table_insert (counts, outlet,
                             GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (counts, outlet)) + 1));
    }

  for (guint i = 0; i < all->len; i++)
    {
      DeskSource *source = g_ptr_array_index (all, i);
      const char *outlet = g_ptr_array_index (outlets, i);
      g_autofree char *label = NULL;

      if (outlet == NULL)
        {
          _desk_source_set_shown_label (source, NULL);
          continue;
        }

      if (GPOINTER_TO_UINT (g_hash_table_lookup (counts, outlet)) == 1)
        label = g_strdup (outlet);
      else
        /* Translators: a source's outlet and its length, "AP · 412 words" */
        label = g_strdup_printf (ngettext ("%s · %u word", "%s · %u words",
                                           desk_source_get_n_words (source)),
                                 outlet, desk_source_get_n_words (source));

      for (guint n = 2; g_hash_table_contains (taken, label); n++)
        {
          g_autofree char *base = g_strdup_printf (ngettext ("%s · %u word", "%s · %u words",
                                                             desk_source_get_n_words (source)),
                                                   outlet, desk_source_get_n_words (source));

          g_free (label);
          /* Translators: the second of two versions that are alike, "AP · 412 words (2)" */
          label = g_strdup_printf (_("%s (%u)"), base, n);
        }
      g_hash_table_add (taken, g_strdup (label));
      _desk_source_set_shown_label (source, label);
    }
}

static void
desk_project_dispose (GObject *object)
{
  DeskProject *self = (DeskProject *)object;

  if (self->sources != NULL)
    {
      guint n_items = g_list_model_get_n_items (G_LIST_MODEL (self->sources));

      for (guint i = 0; i < n_items; i++)
        {
          g_autoptr(DeskSource) source = g_list_model_get_item (G_LIST_MODEL (self->sources), i);

          g_signal_handlers_disconnect_by_data (source, self);
        }
    }

  if (self->draft != NULL)
    g_signal_handlers_disconnect_by_data (self->draft, self);

  if (self->credits != NULL)
    g_signal_handlers_disconnect_by_data (self->credits, self);

  if (self->style != NULL)
    g_signal_handlers_disconnect_by_data (self->style, self);

  g_clear_pointer (&self->sources_by_id, g_hash_table_unref);
  g_clear_object (&self->sources);
  g_clear_object (&self->draft);
  g_clear_object (&self->credits);
  g_clear_object (&self->style);

  G_OBJECT_CLASS (desk_project_parent_class)->dispose (object);
}

static void
desk_project_finalize (GObject *object)
{
  DeskProject *self = (DeskProject *)object;

  g_clear_pointer (&self->draft_source_id, g_free);
  g_clear_pointer (&self->rejected, g_ptr_array_unref);
  g_clear_pointer (&self->organization_order, g_strfreev);
  g_clear_pointer (&self->aliases, g_free);
  g_clear_pointer (&self->export_format, g_free);
  g_clear_pointer (&self->export_folder, g_free);

  G_OBJECT_CLASS (desk_project_parent_class)->finalize (object);
}

static void
desk_project_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  DeskProject *self = DESK_PROJECT (object);

  switch (prop_id)
    {
    case PROP_SOURCES:
      g_value_set_object (value, self->sources);
      break;

    case PROP_DRAFT:
      g_value_set_object (value, self->draft);
      break;

    case PROP_DRAFT_SOURCE_ID:
      g_value_set_string (value, self->draft_source_id);
      break;

    case PROP_ORGANIZATION_ORDER:
      g_value_set_boxed (value, self->organization_order);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
desk_project_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  DeskProject *self = DESK_PROJECT (object);

  switch (prop_id)
    {
    case PROP_DRAFT:
      desk_project_set_draft (self, g_value_get_object (value));
      break;

    case PROP_ORGANIZATION_ORDER:
      desk_project_set_organization_order (self, g_value_get_boxed (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
desk_project_class_init (DeskProjectClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = desk_project_dispose;
  object_class->finalize = desk_project_finalize;
  object_class->get_property = desk_project_get_property;
  object_class->set_property = desk_project_set_property;

  /**
   * DeskProject:sources:
   *
   * A #GListModel of #DeskSource, in the order they were added.
   */
  properties[PROP_SOURCES] =
    g_param_spec_object ("sources", NULL, NULL, G_TYPE_LIST_MODEL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /**
   * DeskProject:draft:
   *
   * The draft; never %NULL.
   */
  properties[PROP_DRAFT] =
    g_param_spec_object ("draft", NULL, NULL, DESK_TYPE_DRAFT,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * DeskProject:draft-source-id:
   *
   * The id of the source the draft was started from, or %NULL.
   */
  properties[PROP_DRAFT_SOURCE_ID] =
    g_param_spec_string ("draft-source-id", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * DeskProject:organization-order:
   *
   * Organisations in order of preference, most preferred first; never %NULL.
   */
  properties[PROP_ORGANIZATION_ORDER] =
    g_param_spec_boxed ("organization-order", NULL, NULL, G_TYPE_STRV,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * DeskProject::changed:
   *
   * Emitted after any change to the project: a source added or removed, a block role
   * overridden in a source, the draft replaced or changed, the rejected texts or the
   * organisation order changed, or a decision about the credits taken.
   */
  signals[CHANGED] = g_signal_new ("changed",
                                   G_TYPE_FROM_CLASS (klass),
                                   G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL,
                                   G_TYPE_NONE, 0);
}

static void
watch_draft (DeskProject *self)
{
  desk_draft_set_style (self->draft, self->style);
  g_signal_connect_object (self->draft, "changed",
                           G_CALLBACK (emit_changed), self, G_CONNECT_SWAPPED);
}

static void
desk_project_init (DeskProject *self)
{
  self->sources = g_list_store_new (DESK_TYPE_SOURCE);
  self->sources_by_id = g_hash_table_new (g_str_hash, g_str_equal);
  self->style = desk_style_new ();
  g_signal_connect_object (self->style, "notify",
                           G_CALLBACK (emit_changed), self, G_CONNECT_SWAPPED);
  self->draft = desk_draft_new ();
  self->rejected = g_ptr_array_new_null_terminated (1, g_free, TRUE);
  self->organization_order = g_new0 (char *, 1);

  watch_draft (self);
}

/**
 * desk_project_new:
 *
 * Returns: (transfer full): a new project with no sources and an empty draft
 */
DeskProject *
desk_project_new (void)
{
  return g_object_new (DESK_TYPE_PROJECT, NULL);
}

/**
 * desk_project_get_sources:
 *
 * Returns: (transfer none): a #GListModel of #DeskSource
 */
GListModel *
desk_project_get_sources (DeskProject *self)
{
  g_return_val_if_fail (DESK_IS_PROJECT (self), NULL);

  return G_LIST_MODEL (self->sources);
}

/**
 * desk_project_add_source:
 * @source: a source
 *
 * Adds @source at the end of the sources, unless a source with the same id and the same
 * content (bytes and text) is already there, in which case nothing happens. A source whose
 * id is taken by one with other content is given an id of its own ("ID-2").
 */
void
desk_project_add_source (DeskProject *self,
                         DeskSource  *source)
{
  g_return_if_fail (DESK_IS_PROJECT (self));
  g_return_if_fail (DESK_IS_SOURCE (source));

  desk_project_add_sources (self, &source, 1);
}

/**
 * desk_project_add_sources:
 * @sources: (array length=n_sources): sources
 * @n_sources: how many
 *
 * Adds @sources at the end of the sources, in order, leaving out any that is already there
 * (or comes earlier in @sources) with the same content; one whose id collides with another
 * source's gets an id of its own. One change: the list emits items-changed once
 * and the project "changed" once, so that what follows the project (the credits, the
 * window) computes again once for the batch, not once per source.
 *
 * Returns: how many were added
 */
guint
desk_project_add_sources (DeskProject  *self,
                          DeskSource  **sources,
                          guint         n_sources)
{
  g_autoptr(GPtrArray) added = NULL;
  guint n_before;

  g_return_val_if_fail (DESK_IS_PROJECT (self), 0);
  g_return_val_if_fail (sources != NULL || n_sources == 0, 0);

  for (guint i = 0; i < n_sources; i++)
    g_return_val_if_fail (DESK_IS_SOURCE (sources[i]), 0);

  added = g_ptr_array_sized_new (n_sources);
  for (guint i = 0; i < n_sources; i++)
    {
      DeskSource *source = sources[i];
      DeskSource *existing = desk_project_find_source (self, desk_source_get_id (source));
      const char *id;

      if (existing != NULL)
        {
          g_autofree char *other_id = NULL;

          if (existing == source ||
              (g_bytes_equal (desk_source_get_bytes (existing), desk_source_get_bytes (source)) &&
               g_str_equal (desk_source_get_text (existing), desk_source_get_text (source))))
            continue;

          /* Another source with the same 64-bit id: a collision (or a file forged to make
           * one). The newcomer gets an id of its own rather than being taken for the other. */
          for (guint n = 2; other_id == NULL || desk_project_find_source (self, other_id) != NULL; n++)
            {
              g_free (other_id);
              other_id = g_strdup_printf ("%s-%u", desk_source_get_id (source), n);
            }
          _desk_source_set_id (source, other_id);
        }
      id = desk_source_get_id (source);

      g_hash_table_insert (self->sources_by_id, (gpointer)id, source);
      g_signal_connect_object (source, "changed",
                               G_CALLBACK (emit_changed), self, G_CONNECT_SWAPPED);
      g_ptr_array_add (added, source);
    }

  if (added->len == 0)
    return 0;

  update_labels (self, added);
  n_before = g_list_model_get_n_items (G_LIST_MODEL (self->sources));
  g_list_store_splice (self->sources, n_before, 0, added->pdata, added->len);
  emit_changed (self);

  return added->len;
}

/**
 * desk_project_remove_source:
 * @position: a position below the number of sources
 *
 * Removes a source. The draft keeps whatever it took from it.
 */
void
desk_project_remove_source (DeskProject *self,
                            guint        position)
{
  g_autoptr(DeskSource) source = NULL;

  g_return_if_fail (DESK_IS_PROJECT (self));
  g_return_if_fail (position < g_list_model_get_n_items (G_LIST_MODEL (self->sources)));

  source = g_list_model_get_item (G_LIST_MODEL (self->sources), position);
  g_signal_handlers_disconnect_by_data (source, self);
  g_hash_table_remove (self->sources_by_id, desk_source_get_id (source));
  g_list_store_remove (self->sources, position);
  update_labels (self, NULL);

  emit_changed (self);
}

/**
 * desk_project_find_source:
 * @source_id: a source id, as desk_source_get_id() gives
 *
 * Returns: (transfer none) (nullable): the source with that id, or %NULL
 */
DeskSource *
desk_project_find_source (DeskProject *self,
                          const char  *source_id)
{
  g_return_val_if_fail (DESK_IS_PROJECT (self), NULL);
  g_return_val_if_fail (source_id != NULL, NULL);

  /* The store keeps its own reference. */
  return self->sources_by_id != NULL ? g_hash_table_lookup (self->sources_by_id, source_id) : NULL;
}

/**
 * desk_project_get_draft:
 *
 * Returns: (transfer none): the draft; never %NULL
 */
DeskDraft *
desk_project_get_draft (DeskProject *self)
{
  g_return_val_if_fail (DESK_IS_PROJECT (self), NULL);

  return self->draft;
}

static void
replace_draft (DeskProject *self,
               DeskDraft   *draft,
               const char  *source_id)
{
  gboolean draft_changed = draft != self->draft;
  gboolean source_id_changed = g_strcmp0 (source_id, self->draft_source_id) != 0;

  if (!draft_changed && !source_id_changed)
    return;

  if (draft_changed)
    {
      g_signal_handlers_disconnect_by_data (self->draft, self);
      g_set_object (&self->draft, draft);
      watch_draft (self);
    }

  if (source_id_changed)
    {
      g_free (self->draft_source_id);
      self->draft_source_id = g_strdup (source_id);
    }

  if (draft_changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DRAFT]);
  if (source_id_changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DRAFT_SOURCE_ID]);

  emit_changed (self);
}

/**
 * desk_project_set_draft:
 * @draft: the new draft
 *
 * Replaces the draft. The new draft is not taken to come from a source:
 * desk_project_get_draft_source_id() returns %NULL afterwards.
 */
void
desk_project_set_draft (DeskProject *self,
                        DeskDraft   *draft)
{
  g_return_if_fail (DESK_IS_PROJECT (self));
  g_return_if_fail (DESK_IS_DRAFT (draft));

  if (draft == self->draft)
    return;

  replace_draft (self, draft, NULL);
}

/**
 * desk_project_get_draft_source_id:
 *
 * Returns: (nullable): the id of the source the draft was started from with
 *   desk_project_start_draft_from(), or %NULL
 */
const char *
desk_project_get_draft_source_id (DeskProject *self)
{
  g_return_val_if_fail (DESK_IS_PROJECT (self), NULL);

  return self->draft_source_id;
}

/**
 * desk_project_start_draft_from:
 * @source: a source
 *
 * Replaces the draft with a new one made from @source (see
 * desk_draft_new_from_source()) and remembers @source's id.
 */
void
desk_project_start_draft_from (DeskProject *self,
                               DeskSource  *source)
{
  g_autoptr(DeskDraft) draft = NULL;

  g_return_if_fail (DESK_IS_PROJECT (self));
  g_return_if_fail (DESK_IS_SOURCE (source));

  draft = desk_draft_new_from_source (source);
  replace_draft (self, draft, desk_source_get_id (source));
}

/**
 * desk_project_fill_dateline:
 *
 * Fills a dateline the draft's masthead never had (%NULL; "" is a dateline the editor
 * took out) from the sources with text in the draft: the first of them, in the project's
 * order, that has one. Accepting text calls it, so the masthead shows the dateline the
 * story goes out with as soon as text from a datelined version comes in.
 *
 * Returns: whether the draft changed
 */
gboolean
desk_project_fill_dateline (DeskProject *self)
{
  g_autoptr(GHashTable) used = NULL;
  DeskDraft *draft;
  guint n_sources;

  g_return_val_if_fail (DESK_IS_PROJECT (self), FALSE);

  draft = self->draft;
  if (desk_draft_get_dateline (draft) != NULL)
    return FALSE;

  used = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < desk_draft_get_n_paragraphs (draft); i++)
    {
      DeskParagraph *paragraph = desk_draft_get_paragraph (draft, i);

      for (guint j = 0; j < desk_paragraph_get_n_provenance (paragraph); j++)
        g_hash_table_add (used, (gpointer)desk_paragraph_get_provenance_source (paragraph, j));
    }

  n_sources = g_list_model_get_n_items (G_LIST_MODEL (self->sources));
  for (guint i = 0; i < n_sources; i++)
    {
      g_autoptr(DeskSource) source = g_list_model_get_item (G_LIST_MODEL (self->sources), i);

      if (g_hash_table_contains (used, desk_source_get_id (source)) &&
          desk_source_get_dateline (source) != NULL)
        {
          desk_draft_set_dateline (draft, desk_source_get_dateline (source));
          return TRUE;
        }
    }

  return FALSE;
}

/**
 * desk_project_replace_draft:
 * @draft: the new draft
 * @draft_source_id: (nullable): the id of the source @draft was started from, or %NULL
 *
 * Replaces the draft and the id of the source it was started from at once, as opening a
 * saved project does: the source need not be among the sources any more.
 */
void
desk_project_replace_draft (DeskProject *self,
                            DeskDraft   *draft,
                            const char  *draft_source_id)
{
  g_return_if_fail (DESK_IS_PROJECT (self));
  g_return_if_fail (DESK_IS_DRAFT (draft));

  replace_draft (self, draft, draft_source_id);
}

/**
 * desk_project_get_rejected:
 *
 * Returns: (transfer none) (array zero-terminated=1): the texts of the suggestions the
 *   editor rejected, in the order they were rejected; never %NULL
 */
const char * const *
desk_project_get_rejected (DeskProject *self)
{
  static const char * const empty[] = { NULL };

  g_return_val_if_fail (DESK_IS_PROJECT (self), NULL);

  if (self->rejected->pdata == NULL)
    return empty;

  return (const char * const *)self->rejected->pdata;
}

static gboolean
find_rejected (DeskProject *self,
               const char  *text,
               guint       *index)
{
  return g_ptr_array_find_with_equal_func (self->rejected, text, g_str_equal, index);
}

/**
 * desk_project_add_rejected:
 * @text: the text of a suggestion the editor rejected
 *
 * Remembers @text as rejected; a text already there is not added again.
 */
void
desk_project_add_rejected (DeskProject *self,
                           const char  *text)
{
  g_return_if_fail (DESK_IS_PROJECT (self));
  g_return_if_fail (text != NULL);

  if (find_rejected (self, text, NULL))
    return;

  g_ptr_array_add (self->rejected, g_strdup (text));

  emit_changed (self);
}

/**
 * desk_project_remove_rejected:
 * @text: a text
 *
 * Forgets that @text was rejected.
 *
 * Returns: whether @text was among the rejected texts
 */
gboolean
desk_project_remove_rejected (DeskProject *self,
                              const char  *text)
{
  guint index;

  g_return_val_if_fail (DESK_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (text != NULL, FALSE);

  if (!find_rejected (self, text, &index))
    return FALSE;

  g_ptr_array_remove_index (self->rejected, index);

  emit_changed (self);

  return TRUE;
}

/**
 * desk_project_get_aliases:
 *
 * Returns: (nullable): the project's own alias table in its text form
 *   (`canonical = variant | variant`, a line each), added to the built-in one when the
 *   suggester matches names; %NULL when the project has none
 */
const char *
desk_project_get_aliases (DeskProject *self)
{
  g_return_val_if_fail (DESK_IS_PROJECT (self), NULL);

  return self->aliases;
}

/**
 * desk_project_set_aliases:
 * @aliases: (nullable): an alias table in its text form, or %NULL for none
 * @error: return location for a #GError
 *
 * Sets the project's own alias table. A table that cannot be read is refused with an
 * error naming the line, and the old one is kept.
 *
 * Returns: %TRUE if the table was set
 */
gboolean
desk_project_set_aliases (DeskProject  *self,
                          const char   *aliases,
                          GError      **error)
{
  g_autoptr(DeskAliases) check = NULL;

  g_return_val_if_fail (DESK_IS_PROJECT (self), FALSE);

  if (aliases != NULL && aliases[0] == '\0')
    aliases = NULL;

  if (g_strcmp0 (aliases, self->aliases) == 0)
    return TRUE;

  check = desk_aliases_new ();
  if (aliases != NULL && !desk_aliases_load_from_data (check, aliases, error))
    return FALSE;

  g_free (self->aliases);
  self->aliases = g_strdup (aliases);
  emit_changed (self);

  return TRUE;
}

/**
 * desk_project_get_organization_order:
 *
 * Returns: (transfer none) (array zero-terminated=1): organisations in order of
 *   preference, most preferred first; never %NULL, empty by default
 */
const char * const *
desk_project_get_organization_order (DeskProject *self)
{
  g_return_val_if_fail (DESK_IS_PROJECT (self), NULL);

  return (const char * const *)self->organization_order;
}

/**
 * desk_project_set_organization_order:
 * @order: (nullable) (array zero-terminated=1): organisations, most preferred first;
 *   %NULL for none
 */
void
desk_project_set_organization_order (DeskProject        *self,
                                     const char * const *order)
{
  static const char * const empty[] = { NULL };

  g_return_if_fail (DESK_IS_PROJECT (self));

  if (order == NULL)
    order = empty;

  if (g_strv_equal ((const char * const *)self->organization_order, order))
    return;

  g_strfreev (self->organization_order);
  self->organization_order = g_strdupv ((char **)order);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ORGANIZATION_ORDER]);
  emit_changed (self);
}

/**
 * desk_project_get_credits:
 *
 * The credits of the story: who the sources credit, which of them the credit line names,
 * and the editor's decisions about them. Made on first use; a decision taken on them
 * emits #DeskProject::changed.
 *
 * Returns: (transfer none): the project's credits
 */
DeskCredits *
desk_project_get_credits (DeskProject *self)
{
  g_return_val_if_fail (DESK_IS_PROJECT (self), NULL);

  if (self->credits == NULL)
    {
      self->credits = desk_credits_new (self);
      g_signal_connect_object (self->credits, "changed",
                               G_CALLBACK (emit_changed), self, G_CONNECT_SWAPPED);
    }

  return self->credits;
}

/**
 * desk_project_get_style:
 *
 * The project's house style: what accepted text arrives in, and what the exports write.
 * Its drafts share it; a change to it emits #DeskProject::changed.
 *
 * Returns: (transfer none): the house style
 */
DeskStyle *
desk_project_get_style (DeskProject *self)
{
  g_return_val_if_fail (DESK_IS_PROJECT (self), NULL);

  return self->style;
}

/* How much of the sources' text tells the story's language before a draft is started. */
#define SPELLING_SAMPLE_BYTES 65536

/**
 * desk_project_dup_spelling_language:
 *
 * The dictionary the story is spell-checked with: the language of the draft (of the
 * sources, before a draft is started) and, for English, the house spelling or the variety
 * the story is spelled in (desk_style_dup_spelling_language()).
 *
 * Returns: (transfer full) (nullable): a tag such as "en_GB" or "de_DE", or %NULL when the
 *   text does not tell
 */
char *
desk_project_dup_spelling_language (DeskProject *self)
{
  g_autofree char *text = NULL;

  g_return_val_if_fail (DESK_IS_PROJECT (self), NULL);

  text = desk_draft_to_text (self->draft);
  if (text[0] == '\0')
    {
      g_autoptr(GString) sources = g_string_new (NULL);
      guint n = g_list_model_get_n_items (G_LIST_MODEL (self->sources));

      /* A few versions tell as well as a thousand. */
      for (guint i = 0; i < n && sources->len < SPELLING_SAMPLE_BYTES; i++)
        {
          g_autoptr(DeskSource) source = g_list_model_get_item (G_LIST_MODEL (self->sources), i);

          g_string_append (sources, desk_source_get_text (source));
          g_string_append_c (sources, '\n');
        }
      g_free (text);
      text = g_string_free (g_steal_pointer (&sources), FALSE);
    }

  return desk_style_dup_spelling_language (self->style, text);
}

/**
 * desk_project_get_export_format:
 *
 * Returns: (nullable): the format the story was last exported in
 *   (desk_export_format_to_string()), or %NULL before its first export
 */
const char *
desk_project_get_export_format (DeskProject *self)
{
  g_return_val_if_fail (DESK_IS_PROJECT (self), NULL);
  return self->export_format;
}

/**
 * desk_project_get_export_folder:
 *
 * Returns: (nullable): the folder the story was last exported to, or %NULL
 */
const char *
desk_project_get_export_folder (DeskProject *self)
{
  g_return_val_if_fail (DESK_IS_PROJECT (self), NULL);
  return self->export_folder;
}

/**
 * desk_project_set_export:
 * @format: (nullable): the format the story was exported in
 * @folder: (nullable): the folder it was exported to
 *
 * Remembers where and how the story was last exported, so that the next export of this
 * story starts there; saved with the project. Emits #DeskProject::changed when it differs.
 */
void
desk_project_set_export (DeskProject *self,
                         const char  *format,
                         const char  *folder)
{
  g_return_if_fail (DESK_IS_PROJECT (self));

  if (g_strcmp0 (format, self->export_format) == 0 && g_strcmp0 (folder, self->export_folder) == 0)
    return;

  g_free (self->export_format);
  g_free (self->export_folder);
  self->export_format = g_strdup (format);
  self->export_folder = g_strdup (folder);
  emit_changed (self);
}
