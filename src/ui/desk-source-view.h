/* desk-source-view.h: one source, read-only, its blocks marked by role and by fate
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "desk-project.h"

G_BEGIN_DECLS

typedef enum
{
  DESK_BLOCK_STATE_OTHER,      /* not body, or body the draft says in other words */
  DESK_BLOCK_STATE_IN_DRAFT,   /* a draft paragraph came from it */
  DESK_BLOCK_STATE_SUGGESTED,  /* an open suggestion proposes it */
} DeskBlockState;

#define DESK_TYPE_SOURCE_VIEW (desk_source_view_get_type ())

G_DECLARE_FINAL_TYPE (DeskSourceView, desk_source_view, DESK, SOURCE_VIEW, GtkWidget)

void            desk_source_view_set_source      (DeskSourceView *self,
                                                  DeskProject    *project,
                                                  DeskSource     *source,
                                                  GListModel     *suggestions);
DeskSource     *desk_source_view_get_source      (DeskSourceView *self);
void            desk_source_view_refresh         (DeskSourceView *self);
void            desk_source_view_focus_block     (DeskSourceView *self,
                                                  int             block);
DeskBlockState  desk_source_view_get_block_state (DeskSourceView *self,
                                                  guint           block);
gboolean        desk_source_view_set_block_role  (DeskSourceView *self,
                                                  guint           block,
                                                  const char     *role);
GtkTextView    *desk_source_view_get_text_view   (DeskSourceView *self);
GtkWidget      *desk_source_view_get_role_popover (DeskSourceView *self);

G_END_DECLS
