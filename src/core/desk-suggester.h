/* desk-suggester.h: what the draft lacks, once, in the right place
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "desk-aliases.h"
#include "desk-project.h"
#include "desk-suggestion.h"

G_BEGIN_DECLS

#define DESK_TYPE_SUGGESTER (desk_suggester_get_type ())

G_DECLARE_FINAL_TYPE (DeskSuggester, desk_suggester, DESK, SUGGESTER, GObject)

DeskSuggester *desk_suggester_new               (void);
DeskAliases   *desk_suggester_get_aliases       (DeskSuggester        *self);
void           desk_suggester_set_aliases       (DeskSuggester        *self,
                                                 DeskAliases          *aliases);
gboolean       desk_suggester_get_show_variants (DeskSuggester        *self);
void           desk_suggester_set_show_variants (DeskSuggester        *self,
                                                 gboolean              show_variants);
GPtrArray     *desk_suggester_suggest           (DeskSuggester        *self,
                                                 DeskProject          *project);
guint          desk_suggester_accept_all        (DeskSuggester        *self,
                                                 DeskProject          *project);
const char * const *desk_suggester_get_learned_aliases (DeskSuggester *self);
void           desk_suggester_suggest_async     (DeskSuggester        *self,
                                                 DeskProject          *project,
                                                 GCancellable         *cancellable,
                                                 GAsyncReadyCallback   callback,
                                                 gpointer              user_data);
GPtrArray     *desk_suggester_suggest_finish    (DeskSuggester        *self,
                                                 GAsyncResult         *result,
                                                 GError              **error);

G_END_DECLS
