/* desk-block-model.h: a source's blocks as a list model
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "desk-block.h"

G_BEGIN_DECLS

#define DESK_TYPE_BLOCK_MODEL (desk_block_model_get_type ())

G_DECLARE_FINAL_TYPE (DeskBlockModel, desk_block_model, DESK, BLOCK_MODEL, GObject)

DeskBlockModel   *desk_block_model_new   (GPtrArray      *blocks);
DeskBlock * const *desk_block_model_peek (DeskBlockModel *self,
                                          guint          *n_blocks);

G_END_DECLS
