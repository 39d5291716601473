/* desk-project.h: a roundup: the sources, the draft, and the decisions taken
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "desk-draft.h"
#include "desk-source.h"

G_BEGIN_DECLS

/* Declared in desk-credits.h, which needs this header. */
typedef struct _DeskCredits DeskCredits;

#define DESK_TYPE_PROJECT (desk_project_get_type ())

G_DECLARE_FINAL_TYPE (DeskProject, desk_project, DESK, PROJECT, GObject)

DeskProject        *desk_project_new                (void);
GListModel         *desk_project_get_sources        (DeskProject  *self);
void                desk_project_add_source         (DeskProject  *self,
                                                     DeskSource   *source);
guint               desk_project_add_sources        (DeskProject  *self,
                                                     DeskSource  **sources,
                                                     guint         n_sources);
void                desk_project_remove_source      (DeskProject  *self,
                                                     guint         position);
DeskSource         *desk_project_find_source        (DeskProject  *self,
                                                     const char   *source_id);
DeskDraft          *desk_project_get_draft          (DeskProject  *self);
void                desk_project_set_draft          (DeskProject  *self,
                                                     DeskDraft    *draft);
const char         *desk_project_get_draft_source_id (DeskProject *self);
gboolean            desk_project_fill_dateline      (DeskProject  *self);
void                desk_project_start_draft_from   (DeskProject  *self,
                                                     DeskSource   *source);
void                desk_project_replace_draft      (DeskProject  *self,
                                                     DeskDraft    *draft,
                                                     const char   *draft_source_id);
const char * const *desk_project_get_rejected       (DeskProject  *self);
void                desk_project_add_rejected       (DeskProject  *self,
                                                     const char   *text);
gboolean            desk_project_remove_rejected    (DeskProject  *self,
                                                     const char   *text);
const char         *desk_project_get_aliases        (DeskProject  *self);
gboolean            desk_project_set_aliases        (DeskProject  *self,
                                                     const char   *aliases,
                                                     GError      **error);
const char * const *desk_project_get_organization_order (DeskProject *self);
void                desk_project_set_organization_order (DeskProject        *self,
                                                         const char * const *order);
DeskCredits        *desk_project_get_credits        (DeskProject  *self);
DeskStyle          *desk_project_get_style          (DeskProject  *self);
char               *desk_project_dup_spelling_language (DeskProject *self);
const char         *desk_project_get_export_format  (DeskProject  *self);
const char         *desk_project_get_export_folder  (DeskProject  *self);
void                desk_project_set_export         (DeskProject  *self,
                                                     const char   *format,
                                                     const char   *folder);

G_END_DECLS
