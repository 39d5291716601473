/* desk-draft-view.h: the story being written: headline, byline, dateline and paragraphs
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "desk-find-bar.h"
#include "desk-project.h"
#include "desk-suggestion.h"

G_BEGIN_DECLS

#define DESK_TYPE_DRAFT_VIEW (desk_draft_view_get_type ())

G_DECLARE_FINAL_TYPE (DeskDraftView, desk_draft_view, DESK, DRAFT_VIEW, GtkWidget)

void           desk_draft_view_set_project          (DeskDraftView  *self,
                                                     DeskProject    *project);
void           desk_draft_view_load                 (DeskDraftView  *self);
gboolean       desk_draft_view_store                (DeskDraftView  *self);
void           desk_draft_view_commit_masthead      (DeskDraftView  *self);
void           desk_draft_view_show_suggestion      (DeskDraftView  *self,
                                                     DeskSuggestion *suggestion);
void           desk_draft_view_set_start_choices    (DeskDraftView  *self,
                                                     gboolean        visible);
void           desk_draft_view_set_spell_checking   (DeskDraftView  *self,
                                                     gboolean        enabled);
void           desk_draft_view_focus_body           (DeskDraftView  *self);
void           desk_draft_view_set_target_words     (DeskDraftView  *self,
                                                     guint           target);
const char    *desk_draft_view_get_count_label      (DeskDraftView  *self);
DeskFindBar   *desk_draft_view_get_find_bar         (DeskDraftView  *self);
gboolean       desk_draft_view_select_range         (DeskDraftView  *self,
                                                     int             paragraph,
                                                     guint           start,
                                                     guint           end);
void           desk_draft_view_refresh_margin       (DeskDraftView  *self);
GtkTextBuffer *desk_draft_view_get_body_buffer      (DeskDraftView  *self);
GtkTextBuffer *desk_draft_view_get_headline_buffer  (DeskDraftView  *self);
GtkTextView   *desk_draft_view_get_body_view        (DeskDraftView  *self);
char          *desk_draft_view_dup_paragraph_tooltip (DeskDraftView *self,
                                                      guint          paragraph);
const char    *desk_draft_view_get_provenance_refusal (DeskDraftView *self);
char          *desk_draft_view_dup_provenance       (DeskDraftView  *self);
gboolean       desk_draft_view_show_provenance      (DeskDraftView  *self);
GtkPopover    *desk_draft_view_get_provenance_popover (DeskDraftView *self);

G_END_DECLS
