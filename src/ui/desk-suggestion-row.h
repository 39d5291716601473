/* desk-suggestion-row.h: one suggestion, as a card the editor accepts or rejects
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "desk-project.h"
#include "desk-suggestion.h"

G_BEGIN_DECLS

#define DESK_TYPE_SUGGESTION_ROW (desk_suggestion_row_get_type ())

G_DECLARE_FINAL_TYPE (DeskSuggestionRow, desk_suggestion_row, DESK, SUGGESTION_ROW, GtkWidget)

GtkWidget      *desk_suggestion_row_new             (DeskSuggestion    *suggestion,
                                                     DeskProject       *project);
DeskSuggestion *desk_suggestion_row_get_suggestion  (DeskSuggestionRow *self);
void            desk_suggestion_row_set_suggestion  (DeskSuggestionRow *self,
                                                     DeskSuggestion    *suggestion,
                                                     DeskProject       *project);
void            desk_suggestion_row_set_list_item   (DeskSuggestionRow *self,
                                                     GtkListItem       *item);
void            desk_suggestion_row_set_selected    (DeskSuggestionRow *self,
                                                     gboolean           selected);

char           *desk_suggestion_dup_kind_label      (DeskSuggestion    *suggestion);
char           *desk_suggestion_dup_where           (DeskSuggestion    *suggestion);
char           *desk_suggestion_dup_markup          (DeskSuggestion    *suggestion);

G_END_DECLS
