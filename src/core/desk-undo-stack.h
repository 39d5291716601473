/* desk-undo-stack.h: the editor's undo history: every decision and every burst of typing
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "desk-project.h"

G_BEGIN_DECLS

/* What an undo step restores: the draft and the rejected texts, as they stood. */
typedef struct _DeskDraftState DeskDraftState;

DeskDraftState *desk_draft_state_new     (DeskProject    *project);
void            desk_draft_state_free    (DeskDraftState *state);
gboolean        desk_draft_state_equal   (DeskDraftState *a,
                                          DeskDraftState *b);
void            desk_draft_state_restore (DeskDraftState *state,
                                          DeskProject    *project);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DeskDraftState, desk_draft_state_free)

#define DESK_TYPE_UNDO_STACK (desk_undo_stack_get_type ())

G_DECLARE_FINAL_TYPE (DeskUndoStack, desk_undo_stack, DESK, UNDO_STACK, GObject)

DeskUndoStack  *desk_undo_stack_new            (void);
void            desk_undo_stack_push           (DeskUndoStack  *self,
                                                const char     *label,
                                                gboolean        coalesce,
                                                DeskDraftState *before,
                                                DeskDraftState *after);
gboolean        desk_undo_stack_get_can_undo   (DeskUndoStack  *self);
gboolean        desk_undo_stack_get_can_redo   (DeskUndoStack  *self);
const char     *desk_undo_stack_get_undo_label (DeskUndoStack  *self);
const char     *desk_undo_stack_get_redo_label (DeskUndoStack  *self);
DeskDraftState *desk_undo_stack_undo           (DeskUndoStack  *self);
DeskDraftState *desk_undo_stack_redo           (DeskUndoStack  *self);
void            desk_undo_stack_clear          (DeskUndoStack  *self);

void            desk_undo_stack_begin_decision (DeskUndoStack  *self,
                                                DeskProject    *project);
gboolean        desk_undo_stack_end_decision   (DeskUndoStack  *self,
                                                const char     *label,
                                                gboolean        coalesce);
void            desk_undo_stack_cancel_decision (DeskUndoStack *self);
gboolean        desk_undo_stack_in_decision    (DeskUndoStack  *self);

G_END_DECLS
