/* desk-format.h: telling the formats a desk receives apart, by their content
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Formats Copydesk reads */
#define DESK_FORMAT_TEXT      "text"
#define DESK_FORMAT_HTML      "html"
#define DESK_FORMAT_NEWSML_G2 "newsml-g2"
#define DESK_FORMAT_NITF      "nitf"
#define DESK_FORMAT_NINJS     "ninjs"
#define DESK_FORMAT_ANPA      "anpa"
#define DESK_FORMAT_IPTC7901  "iptc7901"
#define DESK_FORMAT_NEWSML    "newsml"

/* Formats Copydesk recognises and refuses, saying what they look like */
#define DESK_FORMAT_XML       "xml"
#define DESK_FORMAT_JSON      "json"

const char *desk_format_detect            (const guint8 *data,
                                           gsize         length);
const char *desk_format_get_display_name  (const char   *format);
char       *desk_format_describe          (const guint8 *data,
                                           gsize         length);
gboolean    desk_format_is_readable       (const char   *format);

G_END_DECLS
