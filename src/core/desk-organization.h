/* desk-organization.h: names of news organisations, and their short forms
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

const char *desk_organization_canonical  (const char *name);
const char *desk_organization_short_name (const char *name);
gboolean    desk_organization_is_known   (const char *name);
gboolean    desk_organization_is_photo_agency (const char *name);

G_END_DECLS
