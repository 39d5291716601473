/* desk-draft.h: the story being composed
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "desk-paragraph.h"
#include "desk-source.h"
#include "desk-style.h"

G_BEGIN_DECLS

#define DESK_TYPE_DRAFT (desk_draft_get_type ())

G_DECLARE_FINAL_TYPE (DeskDraft, desk_draft, DESK, DRAFT, GObject)

DeskDraft     *desk_draft_new               (void);
DeskDraft     *desk_draft_new_from_source   (DeskSource    *source);
DeskDraft     *desk_draft_copy              (DeskDraft     *self);
const char    *desk_draft_get_headline      (DeskDraft     *self);
void           desk_draft_set_headline      (DeskDraft     *self,
                                             const char    *headline);
const char    *desk_draft_get_byline        (DeskDraft     *self);
void           desk_draft_set_byline        (DeskDraft     *self,
                                             const char    *byline);
const char    *desk_draft_get_dateline      (DeskDraft     *self);
void           desk_draft_set_dateline      (DeskDraft     *self,
                                             const char    *dateline);
const char    *desk_draft_get_deck          (DeskDraft     *self);
void           desk_draft_set_deck          (DeskDraft     *self,
                                             const char    *deck);
const char    *desk_draft_get_credit_line   (DeskDraft     *self);
void           desk_draft_set_credit_line   (DeskDraft     *self,
                                             const char    *credit_line);
GListModel    *desk_draft_get_paragraphs    (DeskDraft     *self);
guint          desk_draft_get_n_paragraphs  (DeskDraft     *self);
DeskParagraph *desk_draft_get_paragraph     (DeskDraft     *self,
                                             guint          position);
void           desk_draft_insert            (DeskDraft     *self,
                                             guint          position,
                                             DeskParagraph *paragraph);
void           desk_draft_append            (DeskDraft     *self,
                                             DeskParagraph *paragraph);
void           desk_draft_remove            (DeskDraft     *self,
                                             guint          position);
void           desk_draft_replace           (DeskDraft     *self,
                                             guint          position,
                                             DeskParagraph *paragraph);
void           desk_draft_set_paragraph_text (DeskDraft    *self,
                                              guint         position,
                                              const char   *text);
gboolean       desk_draft_reconcile         (DeskDraft          *self,
                                             const char * const *texts,
                                             guint               n_texts);
DeskStyle     *desk_draft_get_style         (DeskDraft     *self);
void           desk_draft_set_style         (DeskDraft     *self,
                                             DeskStyle     *style);
char          *desk_draft_to_text           (DeskDraft     *self);

G_END_DECLS
