/* desk-credit-private.h: how credits compare, for the credit list
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "desk-credit.h"

G_BEGIN_DECLS

char       *_desk_credit_tidy                       (const char *text);
char       *_desk_credit_text_key                   (const char *text);
guint       _desk_credit_get_n_text_keys            (void);
char       *_desk_credit_organization_identity      (const char *tidy_organization);
char       *_desk_credit_identity_key               (const char *tidy_name,
                                                     const char *tidy_organization);

const char *_desk_credit_get_tidy_name              (DeskCredit *self);
const char *_desk_credit_get_tidy_organization      (DeskCredit *self);
const char *_desk_credit_get_name_key               (DeskCredit *self);
const char *_desk_credit_get_organization_key       (DeskCredit *self);
const char *_desk_credit_get_organization_canonical (DeskCredit *self);
const char *_desk_credit_get_identity_key           (DeskCredit *self);

G_END_DECLS
