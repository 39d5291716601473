/* desk-find-bar.h: find and replace in the draft
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtksourceview/gtksource.h>

G_BEGIN_DECLS

#define DESK_TYPE_FIND_BAR (desk_find_bar_get_type ())
G_DECLARE_FINAL_TYPE (DeskFindBar, desk_find_bar, DESK, FIND_BAR, GtkWidget)

void      desk_find_bar_set_view        (DeskFindBar   *self,
                                         GtkSourceView *view);
void      desk_find_bar_open            (DeskFindBar   *self,
                                         gboolean       replace);
void      desk_find_bar_close           (DeskFindBar   *self);
gboolean  desk_find_bar_is_open         (DeskFindBar   *self);
gboolean  desk_find_bar_next            (DeskFindBar   *self,
                                         gboolean       backward);
guint     desk_find_bar_replace_all     (DeskFindBar   *self);
int       desk_find_bar_get_n_matches   (DeskFindBar   *self);

G_END_DECLS
