/* desk-aliases.h: names that mean the same entity ("IS", "ISIS", "the Islamic State")
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define DESK_TYPE_ALIASES (desk_aliases_get_type ())

G_DECLARE_FINAL_TYPE (DeskAliases, desk_aliases, DESK, ALIASES, GObject)

DeskAliases *desk_aliases_new               (void);
DeskAliases *desk_aliases_new_default       (void);
DeskAliases *desk_aliases_copy              (DeskAliases  *self);
void         desk_aliases_add               (DeskAliases  *self,
                                             const char   *canonical,
                                             const char   *variant);
gboolean     desk_aliases_load_from_data    (DeskAliases  *self,
                                             const char   *data,
                                             GError      **error);
char        *desk_aliases_to_data           (DeskAliases  *self);
guint        desk_aliases_get_n_variants    (DeskAliases  *self);
const char  *desk_aliases_lookup            (DeskAliases  *self,
                                             const char   *variant);

/* Internal to the matcher: the longest variant that starts at @words[0]. */
const char  *_desk_aliases_match            (DeskAliases  *self,
                                             const char  **words,
                                             const char  **folded,
                                             guint         n_words,
                                             guint        *n_matched);

G_END_DECLS
