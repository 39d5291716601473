/* desk-credit-row.h: one person or organisation in the credits dialog
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "desk-credits.h"

G_BEGIN_DECLS

#define DESK_TYPE_CREDIT_ROW (desk_credit_row_get_type ())

G_DECLARE_FINAL_TYPE (DeskCreditRow, desk_credit_row, DESK, CREDIT_ROW, AdwExpanderRow)

GtkWidget *desk_credit_row_new      (void);
void       desk_credit_row_sync     (DeskCreditRow *self,
                                     DeskCredits   *credits,
                                     guint          position);
guint      desk_credit_row_get_position (DeskCreditRow *self);

G_END_DECLS
