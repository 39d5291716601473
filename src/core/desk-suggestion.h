/* desk-suggestion.h: one thing the suggester proposes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "desk-draft.h"

G_BEGIN_DECLS

/**
 * DeskSuggestionKind:
 * @DESK_SUGGESTION_MISSING: a paragraph the draft lacks
 * @DESK_SUGGESTION_ADDITION: a draft paragraph with sentences or clauses a source adds
 * @DESK_SUGGESTION_CONFLICT: a sentence that disagrees with the draft on a fact
 * @DESK_SUGGESTION_VARIANT: the same content in other words
 * @DESK_SUGGESTION_HEADLINE: another headline
 * @DESK_SUGGESTION_STYLE: one thing named or spelt several ways in the draft, said one way
 *   (desk_style_suggest()): the new text is the house form, the forms are the others
 */
typedef enum
{
  DESK_SUGGESTION_MISSING,
  DESK_SUGGESTION_ADDITION,
  DESK_SUGGESTION_CONFLICT,
  DESK_SUGGESTION_VARIANT,
  DESK_SUGGESTION_HEADLINE,
  DESK_SUGGESTION_STYLE,
} DeskSuggestionKind;

GType       desk_suggestion_kind_get_type  (void) G_GNUC_CONST;
#define DESK_TYPE_SUGGESTION_KIND (desk_suggestion_kind_get_type ())
const char *desk_suggestion_kind_to_string (DeskSuggestionKind kind);

#define DESK_TYPE_SUGGESTION (desk_suggestion_get_type ())

G_DECLARE_FINAL_TYPE (DeskSuggestion, desk_suggestion, DESK, SUGGESTION, GObject)

DeskSuggestion     *desk_suggestion_new                 (DeskSuggestionKind  kind,
                                                         const char         *text,
                                                         int                 after,
                                                         int                 target,
                                                         double              score);
DeskSuggestionKind  desk_suggestion_get_kind            (DeskSuggestion     *self);
const char         *desk_suggestion_get_text            (DeskSuggestion     *self);
const char         *desk_suggestion_get_new_text        (DeskSuggestion     *self);
void                desk_suggestion_set_new_text        (DeskSuggestion     *self,
                                                         const char         *new_text);
const char         *desk_suggestion_get_draft_text      (DeskSuggestion     *self);
void                desk_suggestion_set_draft_text      (DeskSuggestion     *self,
                                                         const char         *draft_text);
int                 desk_suggestion_get_after           (DeskSuggestion     *self);
int                 desk_suggestion_get_target          (DeskSuggestion     *self);
double              desk_suggestion_get_score           (DeskSuggestion     *self);

/* Where a suggestion stands now: moved when the draft gains or loses paragraphs. */
int                 desk_suggestion_placed_after        (DeskSuggestion     *self);
int                 desk_suggestion_placed_target       (DeskSuggestion     *self);
void                desk_suggestion_place               (DeskSuggestion     *self,
                                                         int                 after,
                                                         int                 target);

void                desk_suggestion_add_source          (DeskSuggestion     *self,
                                                         const char         *source_id,
                                                         const char         *source_name,
                                                         guint               block);
guint               desk_suggestion_get_n_sources       (DeskSuggestion     *self);
const char         *desk_suggestion_get_source_id       (DeskSuggestion     *self,
                                                         guint               index);
const char         *desk_suggestion_get_source_name     (DeskSuggestion     *self,
                                                         guint               index);
guint               desk_suggestion_get_source_block    (DeskSuggestion     *self,
                                                         guint               index);

void                desk_suggestion_add_alternative     (DeskSuggestion     *self,
                                                         const char         *source_name,
                                                         const char         *text);
guint               desk_suggestion_get_n_alternatives  (DeskSuggestion     *self);
const char         *desk_suggestion_get_alternative_source (DeskSuggestion  *self,
                                                            guint            index);
const char         *desk_suggestion_get_alternative_text   (DeskSuggestion  *self,
                                                            guint            index);

void                desk_suggestion_add_mark            (DeskSuggestion     *self,
                                                         guint               start,
                                                         guint               end);
guint               desk_suggestion_get_n_marks         (DeskSuggestion     *self);
GArray             *desk_suggestion_dup_highlights      (DeskSuggestion     *self);
void                desk_suggestion_get_mark            (DeskSuggestion     *self,
                                                         guint               index,
                                                         guint              *start,
                                                         guint              *end);

void                desk_suggestion_set_forms           (DeskSuggestion     *self,
                                                         const char * const *forms);
const char * const *desk_suggestion_get_forms           (DeskSuggestion     *self);

gboolean            desk_suggestion_is_applicable       (DeskSuggestion     *self);
gboolean            desk_suggestion_apply               (DeskSuggestion     *self,
                                                         DeskDraft          *draft);
guint               desk_suggestions_apply_all          (GPtrArray          *suggestions,
                                                         DeskDraft          *draft);
GPtrArray          *desk_suggestions_rebase_after_accept (GPtrArray         *suggestions,
                                                          guint              accepted_position);

G_END_DECLS
