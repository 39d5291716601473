/* desk-file.h: reading a file whole, within a limit
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

GBytes *desk_file_load_bounded (GFile         *file,
                                guint64        max_size,
                                GCancellable  *cancellable,
                                GError       **error);

G_END_DECLS
