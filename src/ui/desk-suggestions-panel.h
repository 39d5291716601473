/* desk-suggestions-panel.h: the cards of what the draft lacks, with Accept All
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "desk-project.h"

G_BEGIN_DECLS

typedef enum
{
  DESK_SUGGESTIONS_NO_SOURCES,   /* nothing to compare yet */
  DESK_SUGGESTIONS_NO_DRAFT,     /* versions, but no draft to compare them with */
  DESK_SUGGESTIONS_WORKING,      /* the first results are being computed */
  DESK_SUGGESTIONS_READY,        /* the model holds the results */
} DeskSuggestionsState;

#define DESK_TYPE_SUGGESTIONS_PANEL (desk_suggestions_panel_get_type ())

G_DECLARE_FINAL_TYPE (DeskSuggestionsPanel, desk_suggestions_panel, DESK, SUGGESTIONS_PANEL, GtkWidget)

void       desk_suggestions_panel_set_model     (DeskSuggestionsPanel *self,
                                                 GListModel           *suggestions,
                                                 DeskProject          *project);
void       desk_suggestions_panel_set_state     (DeskSuggestionsPanel *self,
                                                 DeskSuggestionsState  state);
int        desk_suggestions_panel_get_selected  (DeskSuggestionsPanel *self);
void       desk_suggestions_panel_select        (DeskSuggestionsPanel *self,
                                                 int                   position);

G_END_DECLS
