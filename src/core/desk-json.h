/* desk-json.h: reading JSON safely: its shape checked, NUL escapes replaced
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>


G_BEGIN_DECLS

/**
 * DeskJsonShape:
 * @DESK_JSON_SHAPE_OK: one object or array, nested no deeper than asked
 * @DESK_JSON_SHAPE_TOO_DEEP: nested deeper than asked (json-glib recurses: a stack overflow)
 * @DESK_JSON_SHAPE_NOT_ONE: not one object or array, or more than one value
 *   (json-glib reads the first and leaks the rest)
 */
typedef enum
{
  DESK_JSON_SHAPE_OK,
  DESK_JSON_SHAPE_TOO_DEEP,
  DESK_JSON_SHAPE_NOT_ONE,
} DeskJsonShape;

#define DESK_JSON_MAX_DEPTH 64

DeskJsonShape desk_json_check_shape (const char *data,
                                     gsize       length,
                                     guint       max_depth);

char *desk_json_replace_nul_escapes (const char *data,
                                     gsize       length);

G_END_DECLS
