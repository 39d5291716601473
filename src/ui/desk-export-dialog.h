/* desk-export-dialog.h: writing the finished story: format, options, location, preview
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "desk-project.h"

G_BEGIN_DECLS

#define DESK_TYPE_EXPORT_DIALOG (desk_export_dialog_get_type ())

G_DECLARE_FINAL_TYPE (DeskExportDialog, desk_export_dialog, DESK, EXPORT_DIALOG, AdwWindow)

GtkWindow *desk_export_dialog_new          (GtkWindow        *parent,
                                            DeskProject      *project);
char      *desk_export_dialog_dup_preview  (DeskExportDialog *self);
gboolean   desk_export_dialog_export_to    (DeskExportDialog *self,
                                            GFile            *file,
                                            GError          **error);
void       desk_export_dialog_set_format   (DeskExportDialog *self,
                                            guint             format);

G_END_DECLS
