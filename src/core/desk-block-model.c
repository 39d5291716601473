/* desk-block-model.c: a source's blocks as a list model
 *
 * Ingest finds a source's blocks once and they stay: the list never changes, only the
 * blocks' roles do (and each block notifies that itself). So the model is a plain array,
 * where a GListStore would keep a balanced tree that costs more to build, walk and free
 * than the blocks themselves on a roundup of tens of thousands of paragraphs.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "desk-block-model.h"

struct _DeskBlockModel
{
  GObject    parent_instance;

  GPtrArray *blocks;   /* DeskBlock */
};

static GType
desk_block_model_get_item_type (GListModel *model)
{
  return DESK_TYPE_BLOCK;
}

static guint
desk_block_model_get_n_items (GListModel *model)
{
  return DESK_BLOCK_MODEL (model)->blocks->len;
}

static gpointer
desk_block_model_get_item (GListModel *model,
                           guint       position)
{
  DeskBlockModel *self = DESK_BLOCK_MODEL (model);

  if (position >= self->blocks->len)
    return NULL;

  return g_object_ref (g_ptr_array_index (self->blocks, position));
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = desk_block_model_get_item_type;
  iface->get_n_items = desk_block_model_get_n_items;
  iface->get_item = desk_block_model_get_item;
}

G_DEFINE_FINAL_TYPE_WITH_CODE (DeskBlockModel, desk_block_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

static void
desk_block_model_finalize (GObject *object)
{
  DeskBlockModel *self = (DeskBlockModel *)object;

  g_clear_pointer (&self->blocks, g_ptr_array_unref);

  G_OBJECT_CLASS (desk_block_model_parent_class)->finalize (object);
}

static void
desk_block_model_class_init (DeskBlockModelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = desk_block_model_finalize;
}

static void
desk_block_model_init (DeskBlockModel *self)
{
}

/**
 * desk_block_model_new:
 * @blocks: (element-type DeskBlock): the blocks, in document order; the model keeps a
 *   reference to their array, which nobody may change afterwards
 *
 * Returns: (transfer full): a new model of @blocks
 */
DeskBlockModel *
desk_block_model_new (GPtrArray *blocks)
{
  DeskBlockModel *self;

  g_return_val_if_fail (blocks != NULL, NULL);

  self = g_object_new (DESK_TYPE_BLOCK_MODEL, NULL);
  self->blocks = g_ptr_array_ref (blocks);

  return self;
}

/**
 * desk_block_model_peek:
 * @n_blocks: (out): how many blocks there are
 *
 * The blocks without a reference apiece, for reading them all.
 *
 * Returns: (transfer none) (array length=n_blocks): the blocks
 */
DeskBlock * const *
desk_block_model_peek (DeskBlockModel *self,
                       guint          *n_blocks)
{
  g_return_val_if_fail (DESK_IS_BLOCK_MODEL (self), NULL);
  g_return_val_if_fail (n_blocks != NULL, NULL);

  *n_blocks = self->blocks->len;
  return (DeskBlock * const *)self->blocks->pdata;
}
