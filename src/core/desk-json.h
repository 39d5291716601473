/* desk-json.h: the JSON shapes copydesk-merge prints
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

#include "desk-source.h"

G_BEGIN_DECLS

JsonNode *desk_json_from_source (DeskSource *source);
char     *desk_json_to_string   (JsonNode   *node);

G_END_DECLS
