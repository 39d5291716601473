/* desk-language.h: which language a story is written in
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

const char *desk_language_guess (const char *text,
                                 gssize      length);

G_END_DECLS
