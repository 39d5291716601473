/* desk-paragraph.c: one paragraph of the draft, with where it came from
 *
 * A paragraph keeps its text and its provenance: the source blocks it was taken from,
 * as (source id, block index) pairs. A paragraph the editor typed has none. "edited" turns
 * TRUE the first time the text is changed after the paragraph was made, so a paragraph
 * taken verbatim from a source can be told from one the editor reworked.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "desk-paragraph.h"

typedef struct
{
  char  *source_id;
  guint  block;
} Provenance;

struct _DeskParagraph
{
  GObject   parent_instance;

  char     *text;
  GArray   *provenance;  /* of Provenance */
  guint     edited : 1;
  guint     constructed : 1;
};

G_DEFINE_FINAL_TYPE (DeskParagraph, desk_paragraph, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_TEXT,
  PROP_EDITED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
provenance_clear (gpointer data)
{
  Provenance *provenance = data;

  g_clear_pointer (&provenance->source_id, g_free);
}

static void
desk_paragraph_finalize (GObject *object)
{
  DeskParagraph *self = (DeskParagraph *)object;

  g_clear_pointer (&self->text, g_free);
  g_clear_pointer (&self->provenance, g_array_unref);

  G_OBJECT_CLASS (desk_paragraph_parent_class)->finalize (object);
}

static void
desk_paragraph_constructed (GObject *object)
{
  DeskParagraph *self = (DeskParagraph *)object;

  G_OBJECT_CLASS (desk_paragraph_parent_class)->constructed (object);

  /* "text" is a construct property: the text given to g_object_new() was set before this
   * point and is the paragraph's first text, not an edit. */
  self->constructed = TRUE;
}

static void
desk_paragraph_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  DeskParagraph *self = DESK_PARAGRAPH (object);

  switch (prop_id)
    {
    case PROP_TEXT:
      g_value_set_string (value, self->text);
      break;

    case PROP_EDITED:
      g_value_set_boolean (value, self->edited);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
desk_paragraph_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  DeskParagraph *self = DESK_PARAGRAPH (object);

  switch (prop_id)
    {
    case PROP_TEXT:
      desk_paragraph_set_text (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
desk_paragraph_class_init (DeskParagraphClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = desk_paragraph_finalize;
  object_class->constructed = desk_paragraph_constructed;
  object_class->get_property = desk_paragraph_get_property;
  object_class->set_property = desk_paragraph_set_property;

  /**
   * DeskParagraph:text:
   *
   * The paragraph's text; never %NULL.
   */
  properties[PROP_TEXT] =
    g_param_spec_string ("text", NULL, NULL, "",
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT | G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  /**
   * DeskParagraph:edited:
   *
   * Whether the text was changed since the paragraph was made.
   */
  properties[PROP_EDITED] =
    g_param_spec_boolean ("edited", NULL, NULL, FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
desk_paragraph_init (DeskParagraph *self)
{
  self->text = g_strdup ("");
  self->provenance = g_array_new (FALSE, FALSE, sizeof (Provenance));
  g_array_set_clear_func (self->provenance, provenance_clear);
}

/**
 * desk_paragraph_new:
 * @text: the paragraph's text
 *
 * Makes a paragraph with no provenance: one the editor typed.
 *
 * Returns: (transfer full): a new paragraph
 */
DeskParagraph *
desk_paragraph_new (const char *text)
{
  g_return_val_if_fail (text != NULL, NULL);

  return g_object_new (DESK_TYPE_PARAGRAPH, "text", text, NULL);
}

/**
 * desk_paragraph_new_from_block:
 * @text: the paragraph's text
 * @source_id: the id of the source the text comes from
 * @block: the index of the block in the source's blocks
 *
 * Makes a paragraph taken from one block of a source.
 *
 * Returns: (transfer full): a new paragraph
 */
DeskParagraph *
desk_paragraph_new_from_block (const char *text,
                               const char *source_id,
                               guint       block)
{
  DeskParagraph *self;

  g_return_val_if_fail (text != NULL, NULL);
  g_return_val_if_fail (source_id != NULL, NULL);

  self = desk_paragraph_new (text);
  desk_paragraph_add_provenance (self, source_id, block);

  return self;
}

/**
 * desk_paragraph_copy:
 *
 * Copies the paragraph: its text, provenance and edited flag.
 *
 * Returns: (transfer full): a new paragraph that shares nothing with @self
 */
DeskParagraph *
desk_paragraph_copy (DeskParagraph *self)
{
  DeskParagraph *copy;

  g_return_val_if_fail (DESK_IS_PARAGRAPH (self), NULL);

  copy = desk_paragraph_new (self->text);
  copy->edited = self->edited;

  for (guint i = 0; i < self->provenance->len; i++)
    {
      const Provenance *p = &g_array_index (self->provenance, Provenance, i);

      desk_paragraph_add_provenance (copy, p->source_id, p->block);
    }

  return copy;
}

/**
 * desk_paragraph_get_text:
 *
 * Returns: the paragraph's text; never %NULL
 */
const char *
desk_paragraph_get_text (DeskParagraph *self)
{
  g_return_val_if_fail (DESK_IS_PARAGRAPH (self), NULL);

  return self->text;
}

/**
 * desk_paragraph_set_text:
 * @text: (nullable): the new text; %NULL is the same as ""
 *
 * Changes the text. Once the paragraph exists, a change marks it edited.
 */
void
desk_paragraph_set_text (DeskParagraph *self,
                         const char    *text)
{
  gboolean was_edited;

  g_return_if_fail (DESK_IS_PARAGRAPH (self));

  if (text == NULL)
    text = "";

  if (g_strcmp0 (self->text, text) == 0)
    return;

  was_edited = self->edited;

  g_free (self->text);
  self->text = g_strdup (text);
  if (self->constructed)
    self->edited = TRUE;

  /* Both fields are up to date before anyone hears about either. */
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TEXT]);
  if (was_edited != self->edited)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EDITED]);
}

/**
 * desk_paragraph_get_edited:
 *
 * Returns: whether the text was changed after the paragraph was made
 */
gboolean
desk_paragraph_get_edited (DeskParagraph *self)
{
  g_return_val_if_fail (DESK_IS_PARAGRAPH (self), FALSE);

  return self->edited;
}

/**
 * desk_paragraph_get_n_provenance:
 *
 * Returns: how many source blocks the paragraph came from; 0 for one the editor typed
 */
guint
desk_paragraph_get_n_provenance (DeskParagraph *self)
{
  g_return_val_if_fail (DESK_IS_PARAGRAPH (self), 0);

  return self->provenance->len;
}

/**
 * desk_paragraph_get_provenance_source:
 * @index: an index below desk_paragraph_get_n_provenance()
 *
 * Returns: the id of the source of the @index-th block the paragraph came from
 */
const char *
desk_paragraph_get_provenance_source (DeskParagraph *self,
                                      guint          index)
{
  g_return_val_if_fail (DESK_IS_PARAGRAPH (self), NULL);
  g_return_val_if_fail (index < self->provenance->len, NULL);

  return g_array_index (self->provenance, Provenance, index).source_id;
}

/**
 * desk_paragraph_get_provenance_block:
 * @index: an index below desk_paragraph_get_n_provenance()
 *
 * Returns: the position, in its source's blocks, of the @index-th block the paragraph
 *   came from
 */
guint
desk_paragraph_get_provenance_block (DeskParagraph *self,
                                     guint          index)
{
  g_return_val_if_fail (DESK_IS_PARAGRAPH (self), 0);
  g_return_val_if_fail (index < self->provenance->len, 0);

  return g_array_index (self->provenance, Provenance, index).block;
}

/**
 * desk_paragraph_add_provenance:
 * @source_id: the id of a source
 * @block: the index of a block in that source's blocks
 *
 * Records that the paragraph (also) came from @block of @source_id. A pair already
 * recorded is not added again.
 */
void
desk_paragraph_add_provenance (DeskParagraph *self,
                               const char    *source_id,
                               guint          block)
{
  Provenance p;

  g_return_if_fail (DESK_IS_PARAGRAPH (self));
  g_return_if_fail (source_id != NULL);

  for (guint i = 0; i < self->provenance->len; i++)
    {
      const Provenance *q = &g_array_index (self->provenance, Provenance, i);

      if (q->block == block && g_str_equal (q->source_id, source_id))
        return;
    }

  p.source_id = g_strdup (source_id);
  p.block = block;
  g_array_append_val (self->provenance, p);
}

/**
 * desk_paragraph_has_source:
 * @source_id: the id of a source
 *
 * Returns: whether any of the paragraph's text came from @source_id
 */
gboolean
desk_paragraph_has_source (DeskParagraph *self,
                           const char    *source_id)
{
  g_return_val_if_fail (DESK_IS_PARAGRAPH (self), FALSE);
  g_return_val_if_fail (source_id != NULL, FALSE);

  for (guint i = 0; i < self->provenance->len; i++)
    {
      if (g_str_equal (g_array_index (self->provenance, Provenance, i).source_id, source_id))
        return TRUE;
    }

  return FALSE;
}
