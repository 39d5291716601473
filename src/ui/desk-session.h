/* desk-session.h: keeping unsaved work safe: autosave, and recovery after a crash
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "desk-project.h"

G_BEGIN_DECLS

/* Project files, through the core's desk-project-file when it is built. */
gboolean     desk_project_files_available (void);
DeskProject *desk_project_load_file       (GFile         *file,
                                           GCancellable  *cancellable,
                                           GError       **error);
gboolean     desk_project_save_file       (DeskProject   *project,
                                           GFile         *file,
                                           GCancellable  *cancellable,
                                           GError       **error);
void         desk_project_save_file_async  (DeskProject          *project,
                                            GFile                *file,
                                            GCancellable         *cancellable,
                                            GAsyncReadyCallback   callback,
                                            gpointer              user_data);
gboolean     desk_project_save_file_finish (GAsyncResult         *result,
                                            GError              **error);

typedef struct
{
  char      *id;
  GFile     *autosave;       /* the autosaved project */
  GFile     *project_file;   /* the file the project had been saved as, or NULL */
  GDateTime *time;
} DeskRecoverable;

void       desk_recoverable_free          (DeskRecoverable *recoverable);
GPtrArray *desk_session_list_recoverable  (void);
gint64     desk_session_find_other_owner  (GFile *file);
GFile     *desk_session_get_directory     (void);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DeskRecoverable, desk_recoverable_free)

#define DESK_TYPE_SESSION (desk_session_get_type ())

G_DECLARE_FINAL_TYPE (DeskSession, desk_session, DESK, SESSION, GObject)

DeskSession *desk_session_new              (const char   *id);
const char  *desk_session_get_id           (DeskSession  *self);
GFile       *desk_session_get_autosave_file (DeskSession *self);
void         desk_session_set_project_file (DeskSession  *self,
                                            GFile        *file);
gboolean     desk_session_write            (DeskSession  *self,
                                            DeskProject  *project,
                                            GError      **error);
void         desk_session_write_async      (DeskSession  *self,
                                            DeskProject  *project);
gboolean     desk_session_get_writing      (DeskSession  *self);
void         desk_session_discard          (DeskSession  *self);

G_END_DECLS
