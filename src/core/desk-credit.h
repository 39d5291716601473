/* desk-credit.h: one person or organisation credited by a source
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define DESK_TYPE_CREDIT (desk_credit_get_type ())

G_DECLARE_FINAL_TYPE (DeskCredit, desk_credit, DESK, CREDIT, GObject)

/* Roles, as written into JSON: "author" (a byline), "contributor" (a contributor line),
 * "editor" (the "Editing by" part of a Reuters-style line), "photographer" (a photo credit),
 * "agency" (an agency tag or agency byline). */
#define DESK_CREDIT_ROLE_AUTHOR       "author"
#define DESK_CREDIT_ROLE_CONTRIBUTOR  "contributor"
#define DESK_CREDIT_ROLE_EDITOR       "editor"
#define DESK_CREDIT_ROLE_PHOTOGRAPHER "photographer"
#define DESK_CREDIT_ROLE_AGENCY       "agency"

DeskCredit *desk_credit_new              (const char *name,
                                          const char *organization,
                                          const char *role);
const char *desk_credit_get_name         (DeskCredit *self);
const char *desk_credit_get_organization (DeskCredit *self);
const char *desk_credit_get_role         (DeskCredit *self);
gboolean    desk_credit_equal            (DeskCredit *a,
                                          DeskCredit *b);

G_END_DECLS
