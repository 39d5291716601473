/* desk-provenance-renderer.h: the draft's margin: paragraph numbers and where each came from
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtksourceview/gtksource.h>

#include "desk-project.h"

G_BEGIN_DECLS

#define DESK_TYPE_PROVENANCE_RENDERER (desk_provenance_renderer_get_type ())

G_DECLARE_FINAL_TYPE (DeskProvenanceRenderer, desk_provenance_renderer, DESK, PROVENANCE_RENDERER,
                      GtkSourceGutterRenderer)

GtkSourceGutterRenderer *desk_provenance_renderer_new            (void);
void                     desk_provenance_renderer_set_project    (DeskProvenanceRenderer *self,
                                                                  DeskProject            *project);
void                     desk_provenance_renderer_set_insert_after (DeskProvenanceRenderer *self,
                                                                    int                     paragraph);
int                      desk_provenance_renderer_paragraph_at_line (GtkTextBuffer *buffer,
                                                                     int            line);
char                    *desk_provenance_renderer_dup_tooltip    (DeskProvenanceRenderer *self,
                                                                  guint                   paragraph);
char                    *desk_provenance_renderer_dup_description (DeskProvenanceRenderer *self,
                                                                   guint                   paragraph,
                                                                   guint                   offset);

G_END_DECLS
