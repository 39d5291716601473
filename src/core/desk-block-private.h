/* desk-block-private.h: how a source hears of its blocks' role changes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "desk-block.h"

G_BEGIN_DECLS

typedef void (*DeskBlockRoleWatch) (gpointer   owner,
                                    DeskBlock *block);

void _desk_block_set_role_watch (DeskBlock          *self,
                                 DeskBlockRoleWatch  watch,
                                 gpointer            owner);

G_END_DECLS
