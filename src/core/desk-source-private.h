/* desk-source-private.h: what the project may set on a source
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "desk-source.h"

G_BEGIN_DECLS

void        _desk_source_set_shown_label (DeskSource         *self,
                                          const char         *label);
void        _desk_source_set_id        (DeskSource           *self,
                                        const char           *id);

G_END_DECLS
