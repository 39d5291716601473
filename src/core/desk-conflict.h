/* desk-conflict.h: the two values of a conflict, choosing one, and where else the draft says it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "desk-draft.h"
#include "desk-project.h"
#include "desk-source.h"
#include "desk-suggestion.h"

G_BEGIN_DECLS

/**
 * DeskMention:
 * @paragraph: the draft paragraph, or -1 for the headline
 * @start: byte offset of the mention in the paragraph's (or headline's) text
 * @end: byte offset just past it
 * @excerpt: the mention with a few words either side, for showing
 */
typedef struct
{
  int    paragraph;
  guint  start;
  guint  end;
  char  *excerpt;
} DeskMention;

void        desk_mention_free               (DeskMention    *mention);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (DeskMention, desk_mention_free)

gboolean    desk_conflict_get_values        (DeskSuggestion *conflict,
                                             char          **source_value,
                                             char          **draft_value);
gboolean    desk_conflict_use_source        (DeskSuggestion *conflict,
                                             DeskDraft      *draft);
GPtrArray  *desk_conflict_find_mentions     (DeskSuggestion *conflict,
                                             DeskDraft      *draft);
gboolean    desk_conflict_is_newer          (DeskSuggestion *conflict,
                                             DeskProject    *project);
gboolean    desk_source_is_newer            (DeskSource     *self,
                                             DeskSource     *other);

G_END_DECLS
