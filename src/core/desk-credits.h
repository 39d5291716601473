/* desk-credits.h: who is credited for a roundup, and the lines that say so
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

#include "desk-credit.h"
#include "desk-export.h"
#include "desk-paragraph.h"
#include "desk-project.h"

G_BEGIN_DECLS

/* No position: desk_credits_get_main() with no main byline, desk_credits_add() of nobody. */
#define DESK_CREDITS_INVALID_POSITION G_MAXUINT

#define DESK_TYPE_CREDITS (desk_credits_get_type ())

G_DECLARE_FINAL_TYPE (DeskCredits, desk_credits, DESK, CREDITS, GObject)

DeskCredits     *desk_credits_new                     (DeskProject      *project);
DeskProject     *desk_credits_get_project             (DeskCredits      *self);

DeskCreditStyle  desk_credits_get_style               (DeskCredits      *self);
void             desk_credits_set_style               (DeskCredits      *self,
                                                       DeskCreditStyle   style);
GType            desk_credit_style_get_type           (void) G_GNUC_CONST;
#define DESK_TYPE_CREDIT_STYLE (desk_credit_style_get_type ())
const char      *desk_credit_style_to_string          (DeskCreditStyle   style);
gboolean         desk_credit_style_from_string        (const char       *name,
                                                       DeskCreditStyle  *style);

gboolean         desk_credits_get_active              (DeskCredits      *self,
                                                       guint             position);
gboolean         desk_credits_get_used                (DeskCredits      *self,
                                                       guint             position);
gboolean         desk_credits_get_reprinted           (DeskCredits      *self,
                                                       guint             position);
gboolean         desk_credits_get_added               (DeskCredits      *self,
                                                       guint             position);
gboolean         desk_credits_find                    (DeskCredits      *self,
                                                       const char       *name,
                                                       const char       *organization,
                                                       guint            *position);

void             desk_credits_set_active              (DeskCredits      *self,
                                                       guint             position,
                                                       gboolean          active);
void             desk_credits_reset_active            (DeskCredits      *self,
                                                       guint             position);
guint            desk_credits_add                     (DeskCredits      *self,
                                                       const char       *name,
                                                       const char       *organization,
                                                       const char       *role);
void             desk_credits_remove                  (DeskCredits      *self,
                                                       guint             position);
void             desk_credits_rename                  (DeskCredits      *self,
                                                       guint             position,
                                                       const char       *name,
                                                       const char       *organization);
void             desk_credits_move                    (DeskCredits      *self,
                                                       guint             from,
                                                       guint             to);
guint            desk_credits_get_main                (DeskCredits      *self);
void             desk_credits_set_main                (DeskCredits      *self,
                                                       guint             position);

void             desk_credits_set_organization_name   (DeskCredits      *self,
                                                       const char       *written,
                                                       const char       *name);
char            *desk_credits_dup_organization_name   (DeskCredits      *self,
                                                       const char       *written);

char            *desk_credits_format_line             (DeskCredits      *self,
                                                       DeskCreditStyle   style);
char            *desk_credits_dup_credit_line         (DeskCredits      *self,
                                                       DeskCreditStyle   style);
char            *desk_credits_dup_byline              (DeskCredits      *self);
char            *desk_credits_format_attribution      (DeskCredits      *self,
                                                       DeskParagraph    *paragraph);
GPtrArray       *desk_credits_format_attributions     (DeskCredits      *self,
                                                       DeskDraft        *draft);

JsonNode        *desk_credits_save_decisions          (DeskCredits      *self);
gboolean         desk_credits_restore_decisions       (DeskCredits      *self,
                                                       JsonNode         *node,
                                                       GError          **error);

G_END_DECLS
