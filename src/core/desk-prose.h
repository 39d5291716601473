/* desk-prose.h: whether a block of text reads as a paragraph of a news story
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "desk-types.h"

G_BEGIN_DECLS

/**
 * DeskProseKind:
 * @DESK_PROSE_SENTENCE: reads as running text of a story
 * @DESK_PROSE_FRAGMENT: too short, no sentence end, or set in title case: a label, a
 *   headline, a button, a time stamp
 * @DESK_PROSE_ADDRESSED: speaks to the reader outside any quotation: a prompt, a pitch
 * @DESK_PROSE_CAPTION: describes or credits a picture
 * @DESK_PROSE_LINK: carries a web address or a social-media handle
 * @DESK_PROSE_NOTICE: a copyright or trademark notice, a note not for publication, or an
 *   editors' note set in brackets
 * @DESK_PROSE_CONTACT: a telephone number or an e-mail address
 */
typedef enum
{
  DESK_PROSE_SENTENCE,
  DESK_PROSE_FRAGMENT,
  DESK_PROSE_ADDRESSED,
  DESK_PROSE_CAPTION,
  DESK_PROSE_LINK,
  DESK_PROSE_NOTICE,
  DESK_PROSE_CONTACT,
} DeskProseKind;

/**
 * DeskProseFlags:
 * @DESK_PROSE_PARAGRAPH: the text is a whole paragraph (a short one is a fragment)
 * @DESK_PROSE_IN_PARAGRAPH: the text is one sentence of a longer paragraph
 */
typedef enum
{
  DESK_PROSE_PARAGRAPH    = 0,
  DESK_PROSE_IN_PARAGRAPH = 1 << 0,
} DeskProseFlags;

DeskProseKind  desk_prose_judge         (const char     *text,
                                         gssize          length,
                                         DeskProseFlags  flags);
const char    *desk_prose_kind_describe (DeskProseKind   kind);
gsize          desk_prose_dateline_length (const char   *text);
gboolean       desk_prose_not_story     (const char     *text,
                                         DeskBlockRole  *role,
                                         const char    **reason);

G_END_DECLS
