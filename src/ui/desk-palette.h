/* desk-palette.h: the colour and short label that stand for a source everywhere in the window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "desk-project.h"

G_BEGIN_DECLS

#define DESK_PALETTE_SIZE 8

guint       desk_palette_index_for_source (DeskProject *project,
                                           const char  *source_id);
void        desk_palette_get_color        (guint        index,
                                           GdkRGBA     *color);
const char *desk_palette_get_css_class    (guint        index);
GtkWidget  *desk_palette_dot_new          (guint        index);
char       *desk_source_dup_label         (DeskSource  *source);
char       *desk_source_dup_label_for_name (const char *name);
char       *desk_source_dup_organization  (DeskSource  *source);

G_END_DECLS
