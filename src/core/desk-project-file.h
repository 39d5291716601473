/* desk-project-file.h: a whole session in one .copydesk file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "desk-project.h"

G_BEGIN_DECLS

/* The version of the format this Copydesk writes, and the newest it reads. */
#define DESK_PROJECT_FILE_VERSION   1
#define DESK_PROJECT_FILE_FORMAT    "copydesk-project"
#define DESK_PROJECT_FILE_MIME_TYPE "application/x-copydesk"
#define DESK_PROJECT_FILE_EXTENSION "copydesk"

/* The largest project file Copydesk opens: 512 MB. */
#define DESK_PROJECT_FILE_MAX_SIZE (512 * 1000 * 1000)

typedef struct _DeskProjectFileSnapshot DeskProjectFileSnapshot;

DeskProjectFileSnapshot *desk_project_file_snapshot_new      (DeskProject             *project);
GBytes                  *desk_project_file_snapshot_to_bytes (DeskProjectFileSnapshot *snapshot);
void                     desk_project_file_snapshot_free     (DeskProjectFileSnapshot *snapshot);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DeskProjectFileSnapshot, desk_project_file_snapshot_free)

GBytes      *desk_project_file_save_to_bytes   (DeskProject   *project);
DeskProject *desk_project_file_load_from_bytes (GBytes        *bytes,
                                                const char    *name,
                                                GError       **error);
gboolean     desk_project_file_save            (DeskProject   *project,
                                                GFile         *file,
                                                GCancellable  *cancellable,
                                                GError       **error);
DeskProject *desk_project_file_load            (GFile         *file,
                                                GCancellable  *cancellable,
                                                GError       **error);
void         desk_project_file_save_async      (DeskProject          *project,
                                                GFile                *file,
                                                GCancellable         *cancellable,
                                                GAsyncReadyCallback   callback,
                                                gpointer              user_data);
gboolean     desk_project_file_save_finish     (GAsyncResult         *result,
                                                GError              **error);
void         desk_project_file_load_async      (GFile                *file,
                                                GCancellable         *cancellable,
                                                GAsyncReadyCallback   callback,
                                                gpointer              user_data);
DeskProject *desk_project_file_load_finish     (GAsyncResult         *result,
                                                GError              **error);

typedef struct _DeskProjectLock DeskProjectLock;

DeskProjectLock *desk_project_file_lock         (GFile                *file,
                                                 guint                 timeout_ms,
                                                 GError              **error);
void             desk_project_lock_release      (DeskProjectLock      *lock);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DeskProjectLock, desk_project_lock_release)

G_END_DECLS
