/* desk-varieties.h: the US and British dictionaries house spelling is decided with
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "desk-style.h"

G_BEGIN_DECLS

gboolean desk_varieties_install (DeskStyle  *style,
                                 GError    **error);

G_END_DECLS
