/* desk-window.h: a window on one roundup: sources, draft, suggestions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "desk-project.h"
#include "desk-session.h"

G_BEGIN_DECLS

#define DESK_TYPE_WINDOW (desk_window_get_type ())

G_DECLARE_FINAL_TYPE (DeskWindow, desk_window, DESK, WINDOW, AdwApplicationWindow)

DeskWindow  *desk_window_new                 (GtkApplication *application);
DeskProject *desk_window_get_project         (DeskWindow     *self);
GFile       *desk_window_get_file            (DeskWindow     *self);
gboolean     desk_window_get_modified        (DeskWindow     *self);
gboolean     desk_window_is_empty            (DeskWindow     *self);
void         desk_window_add_files           (DeskWindow     *self,
                                              GFile         **files,
                                              guint           n_files,
                                              gboolean        first_starts_draft);
void         desk_window_add_text            (DeskWindow     *self,
                                              const char     *text,
                                              const char     *name);
void         desk_window_open_project        (DeskWindow     *self,
                                              GFile          *file);
void         desk_window_recover             (DeskWindow     *self,
                                              DeskRecoverable *recoverable);

/* For tests and the shortcuts: the state a user sees. */
GListModel  *desk_window_get_suggestions     (DeskWindow     *self);
int          desk_window_get_selected        (DeskWindow     *self);
void         desk_window_select              (DeskWindow     *self,
                                              int             position);
gboolean     desk_window_is_busy             (DeskWindow     *self);
gboolean     desk_window_is_settled          (DeskWindow     *self);
GtkWidget   *desk_window_get_draft_view      (DeskWindow     *self);
GtkWidget   *desk_window_get_source_view     (DeskWindow     *self);
GtkWidget   *desk_window_get_suggestions_panel (DeskWindow   *self);
gboolean     desk_window_get_banner_revealed (DeskWindow     *self);
const char  *desk_window_get_session_id      (DeskWindow     *self);
void         desk_window_flush_edits         (DeskWindow     *self);
gboolean     desk_window_autosave_now        (DeskWindow     *self,
                                              GError        **error);

G_END_DECLS
