/* desk-sources-panel.h: the versions of the story in the project
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "desk-project.h"

G_BEGIN_DECLS

#define DESK_TYPE_SOURCES_PANEL (desk_sources_panel_get_type ())

G_DECLARE_FINAL_TYPE (DeskSourcesPanel, desk_sources_panel, DESK, SOURCES_PANEL, GtkWidget)

void desk_sources_panel_set_project     (DeskSourcesPanel *self,
                                         DeskProject      *project,
                                         GListModel       *suggestions);
void desk_sources_panel_refresh         (DeskSourcesPanel *self);
void desk_sources_panel_select_source   (DeskSourcesPanel *self,
                                         const char       *source_id);
void desk_sources_panel_set_reading     (DeskSourcesPanel *self,
                                         guint             n_read,
                                         guint             n_files);

G_END_DECLS
