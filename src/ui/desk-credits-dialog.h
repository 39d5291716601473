/* desk-credits-dialog.h: who is credited, edited with the credit line in view
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "desk-project.h"
#include "desk-undo-stack.h"

G_BEGIN_DECLS

#define DESK_TYPE_CREDITS_DIALOG (desk_credits_dialog_get_type ())

G_DECLARE_FINAL_TYPE (DeskCreditsDialog, desk_credits_dialog, DESK, CREDITS_DIALOG, AdwWindow)

GtkWindow  *desk_credits_dialog_new             (GtkWindow         *parent,
                                                 DeskProject       *project);
const char *desk_credits_dialog_get_preview     (DeskCreditsDialog *self);
void        desk_credits_dialog_set_undo_stack  (DeskCreditsDialog *self,
                                                 DeskUndoStack     *undo_stack);

G_END_DECLS
