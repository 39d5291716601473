/* desk-block.h: one block of a source (a paragraph, a headline, a caption, …)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "desk-types.h"

G_BEGIN_DECLS

#define DESK_TYPE_BLOCK (desk_block_get_type ())

G_DECLARE_FINAL_TYPE (DeskBlock, desk_block, DESK, BLOCK, GObject)

DeskBlock     *desk_block_new                (DeskBlockRole  role,
                                              const char    *text,
                                              gsize          start,
                                              gsize          end,
                                              const char    *reason);
DeskBlockRole  desk_block_get_role           (DeskBlock     *self);
DeskBlockRole  desk_block_get_guessed_role   (DeskBlock     *self);
gboolean       desk_block_get_role_overridden (DeskBlock    *self);
void           desk_block_set_role           (DeskBlock     *self,
                                              DeskBlockRole  role);
void           desk_block_reset_role         (DeskBlock     *self);
const char    *desk_block_get_text           (DeskBlock     *self);
gsize          desk_block_get_start          (DeskBlock     *self);
gsize          desk_block_get_end            (DeskBlock     *self);
const char    *desk_block_get_reason         (DeskBlock     *self);

G_END_DECLS
