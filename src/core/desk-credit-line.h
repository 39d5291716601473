/* desk-credit-line.h: reading contributor lines, bylines, agency tags, photo credits
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "desk-credit.h"

G_BEGIN_DECLS

GPtrArray *desk_credit_line_parse_contributors (const char *line);
GPtrArray *desk_credit_line_parse_byline       (const char *line);
char      *desk_credit_line_parse_agency_tag   (const char *line);
DeskCredit *desk_credit_line_parse_photo_credit (const char *caption,
                                                 gsize      *credit_start);

G_END_DECLS
