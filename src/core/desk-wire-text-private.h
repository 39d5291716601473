/* desk-wire-text-private.h: conventions of wire copy that every ingest path shares
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  DESK_SENTENCE_END_MARKS = 0,       /* . ! ? … */
  DESK_SENTENCE_END_COLON = 1 << 0,  /* and ":", which introduces what follows */
} DeskSentenceEnd;

guint     _desk_wire_text_count_words    (const char      *text);
char     *_desk_wire_text_fold_key       (const char      *text);
gboolean  _desk_wire_text_ends_sentence  (const char      *text,
                                          DeskSentenceEnd  ends);
char     *_desk_wire_text_find_date      (const char      *text);
gboolean  _desk_wire_text_split_dateline (const char      *text,
                                          gboolean         whole,
                                          gsize           *length,
                                          char           **place,
                                          char           **agency);
gboolean  _desk_wire_text_parse_keyword  (const char      *keyword,
                                          char           **slug,
                                          int             *version,
                                          const char     **signal);
void      _desk_wire_text_scan_keyword_line (const char   *text,
                                             char        **slug,
                                             int          *version,
                                             const char  **signal);

G_END_DECLS
