/* desk-session.c: keeping unsaved work safe: autosave, and recovery after a crash
 *
 * Every window has a session id. While its project has unsaved changes, the window
 * writes it, a few seconds after the last change, to
 * $XDG_DATA_HOME/copydesk/autosave/ID.copydesk, next to ID.session, a key file naming the
 * project's own file (if any), the time and the process (its id, and the boot and start
 * time that tell it from a later process given the same id). The real project file is never
 * touched. Closing a window cleanly (saved, or changes discarded) deletes both files;
 * so autosaves left behind by a process that is no longer running are work a crash would
 * have lost, and the next start opens them again, with a banner saying so.
 *
 * Autosaving serialises the project on the main thread (quick: JSON of the sources' bytes
 * and the draft) and writes it in a worker, atomically, so a crash during a write leaves
 * the previous autosave.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <signal.h>
#include <string.h>
#include <sys/types.h>
#include <unistd.h>

#include "desk-export.h"
#include "desk-project-file.h"
#include "desk-session.h"
#include "desk-types.h"

#define SESSION_GROUP "Session"

struct _DeskSession
{
  GObject       parent_instance;

  char         *id;
  GFile        *autosave;
  GFile        *info;
  GFile        *project_file;
  GCancellable *cancellable;
  gboolean      writing;
  gboolean      discarded;
};

G_DEFINE_FINAL_TYPE (DeskSession, desk_session, G_TYPE_OBJECT)

/* ---- Project files (desk-project-file.c) --------------------------------------------- */

gboolean
desk_project_files_available (void)
{
  return TRUE;
}

DeskProject *
desk_project_load_file (GFile         *file,
                        GCancellable  *cancellable,
                        GError       **error)
{
  return desk_project_file_load (file, cancellable, error);
}

/* Writes @snapshot to @file while holding the project's lock. copydesk-merge holds the lock
 * while it merges into the project: saving then would undo its work or be undone by it, so
 * say so at once rather than wait. Where no lock can be made (a remote file, a folder we
 * may not write in), save as before. Touches nothing but its arguments: runs in a worker
 * for desk_project_save_file_async(). */
static gboolean
save_locked (DeskProjectFileSnapshot  *snapshot,
             GFile                    *file,
             GCancellable             *cancellable,
             GError                  **error)
{
  g_autoptr(DeskProjectLock) lock = NULL;
  g_autoptr(GError) lock_error = NULL;
  g_autoptr(GBytes) bytes = NULL;

  lock = desk_project_file_lock (file, 0, &lock_error);
  if (lock == NULL && g_error_matches (lock_error, G_IO_ERROR, G_IO_ERROR_BUSY))
    {
      g_propagate_error (error, g_steal_pointer (&lock_error));
      return FALSE;
    }

  bytes = desk_project_file_snapshot_to_bytes (snapshot);
  return desk_export_write_atomically (file, g_bytes_get_data (bytes, NULL),
                                       g_bytes_get_size (bytes), cancellable, error);
}

gboolean
desk_project_save_file (DeskProject   *project,
                        GFile         *file,
                        GCancellable  *cancellable,
                        GError       **error)
{
  g_autoptr(DeskProjectFileSnapshot) snapshot = NULL;

  g_return_val_if_fail (DESK_IS_PROJECT (project), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  snapshot = desk_project_file_snapshot_new (project);
  return save_locked (snapshot, file, cancellable, error);
}

static void
save_file_thread (GTask        *task,
                  gpointer      source_object,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  GError *error = NULL;

  if (save_locked (task_data, G_FILE (source_object), cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/**
 * desk_project_save_file_async:
 * @project: a project
 * @file: where to save it
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the project is saved or could not be
 * @user_data: data for @callback
 *
 * Saves @project like desk_project_save_file(), lock and all, without holding the window:
 * what the file needs of @project is taken now, in the calling thread
 * (desk_project_file_snapshot_new()), so the project may change as soon as this returns;
 * the lock is taken and the file made and written in a worker thread.
 */
void
desk_project_save_file_async (DeskProject         *project,
                              GFile               *file,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (DESK_IS_PROJECT (project));
  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (file, cancellable, callback, user_data);
  g_task_set_source_tag (task, desk_project_save_file_async);
  g_task_set_task_data (task, desk_project_file_snapshot_new (project),
                        (GDestroyNotify)desk_project_file_snapshot_free);
  g_task_run_in_thread (task, save_file_thread);
}

gboolean
desk_project_save_file_finish (GAsyncResult  *result,
                               GError       **error)
{
  g_return_val_if_fail (G_IS_TASK (result), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == desk_project_save_file_async,
                        FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* ---- Where autosaves live ---------------------------------------------------------- */

GFile *
desk_session_get_directory (void)
{
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), "copydesk", "autosave", NULL);

  return g_file_new_for_path (path);
}

void
desk_recoverable_free (DeskRecoverable *recoverable)
{
  if (recoverable == NULL)
    return;

  g_free (recoverable->id);
  g_clear_object (&recoverable->autosave);
  g_clear_object (&recoverable->project_file);
  g_clear_pointer (&recoverable->time, g_date_time_unref);
  g_free (recoverable);
}

/* What tells a process from a later one given the same id: the system's boot and the
 * time the process started, in clock ticks since the boot (/proc/PID/stat, field 22).
 * NULL where /proc cannot say. */
static char *
process_identity (gint64 pid)
{
  g_autofree char *stat_path = g_strdup_printf ("/proc/%" G_GINT64_FORMAT "/stat", pid);
  g_autofree char *stat = NULL;
  g_autofree char *boot = NULL;
  g_auto(GStrv) fields = NULL;
  const char *after_name;

  if (!g_file_get_contents ("/proc/sys/kernel/random/boot_id", &boot, NULL, NULL) ||
      !g_file_get_contents (stat_path, &stat, NULL, NULL))
    return NULL;

  /* The command name, in parentheses, may hold spaces and parentheses itself. */
  after_name = strrchr (stat, ')');
  if (after_name == NULL)
    return NULL;
  fields = g_strsplit (after_name + 1, " ", 0);
  /* fields[0] is empty, fields[1] the state (field 3): the start time is fields[20]. */
  if (g_strv_length (fields) < 21)
    return NULL;

  return g_strdup_printf ("%s %s", g_strstrip (boot), fields[20]);
}

/* Whether the process that wrote a session file still runs: its id is in use and, where
 * the file says which process it was, by that process and not a later one that was given
 * the same id (after a crash and a reboot, ids are handed out again from the start). */
static gboolean
process_is_running (gint64      pid,
                    const char *identity)
{
  g_autofree char *now = NULL;

  if (pid <= 0)
    return FALSE;
  if (pid == getpid ())
    return TRUE;
  if (kill ((pid_t)pid, 0) != 0 && errno != EPERM)
    return FALSE;
  if (identity == NULL || identity[0] == '\0' || !(now = process_identity (pid)))
    return TRUE;

  return g_str_equal (now, identity);
}

/**
 * desk_session_list_recoverable:
 *
 * Returns: (transfer container) (element-type DeskRecoverable): the autosaves that no
 *   running Copydesk is looking after, newest first
 */
GPtrArray *
desk_session_list_recoverable (void)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func ((GDestroyNotify)desk_recoverable_free);
  g_autoptr(GFile) directory = desk_session_get_directory ();
  g_autoptr(GFileEnumerator) enumerator = NULL;
  GFileInfo *info;

  enumerator = g_file_enumerate_children (directory, G_FILE_ATTRIBUTE_STANDARD_NAME,
                                          G_FILE_QUERY_INFO_NONE, NULL, NULL);
  if (enumerator == NULL)
    return g_steal_pointer (&found);

  while ((info = g_file_enumerator_next_file (enumerator, NULL, NULL)) != NULL)
    {
      g_autoptr(GFileInfo) owned = info;
      const char *name = g_file_info_get_name (info);
      g_autoptr(GKeyFile) keys = g_key_file_new ();
      g_autoptr(GFile) session_file = NULL;
      g_autofree char *id = NULL;
      g_autofree char *autosave_name = NULL;
      g_autofree char *uri = NULL;
      g_autofree char *identity = NULL;
      DeskRecoverable *recoverable;
      gint64 pid;
      gint64 time;

      if (!g_str_has_suffix (name, ".session"))
        continue;

      session_file = g_file_get_child (directory, name);
      if (!g_key_file_load_from_file (keys, g_file_peek_path (session_file), G_KEY_FILE_NONE, NULL))
        continue;

      pid = g_key_file_get_int64 (keys, SESSION_GROUP, "pid", NULL);
      identity = g_key_file_get_string (keys, SESSION_GROUP, "process", NULL);
      if (process_is_running (pid, identity) && pid != getpid ())
        continue;
      /* Our own process's sessions are open windows. */
      if (pid == getpid ())
        continue;

      id = g_strndup (name, strlen (name) - strlen (".session"));
      autosave_name = g_strconcat (id, ".copydesk", NULL);

      recoverable = g_new0 (DeskRecoverable, 1);
      recoverable->id = g_steal_pointer (&id);
      recoverable->autosave = g_file_get_child (directory, autosave_name);
      uri = g_key_file_get_string (keys, SESSION_GROUP, "file", NULL);
      if (uri != NULL && uri[0] != '\0')
        recoverable->project_file = g_file_new_for_uri (uri);
      time = g_key_file_get_int64 (keys, SESSION_GROUP, "time", NULL);
      recoverable->time = g_date_time_new_from_unix_local (time);

      if (!g_file_query_exists (recoverable->autosave, NULL))
        {
          /* A session file whose autosave never got written: nothing to recover. */
          g_file_delete (session_file, NULL, NULL);
          desk_recoverable_free (recoverable);
          continue;
        }

      g_ptr_array_add (found, recoverable);
    }

  return g_steal_pointer (&found);
}

/**
 * desk_session_find_other_owner:
 * @file: a project file
 *
 * Returns: the process id of another running Copydesk that has @file open, or 0
 */
gint64
desk_session_find_other_owner (GFile *file)
{
  g_autoptr(GFile) directory = desk_session_get_directory ();
  g_autoptr(GFileEnumerator) enumerator = NULL;
  g_autofree char *wanted = NULL;
  GFileInfo *info;

  g_return_val_if_fail (G_IS_FILE (file), 0);

  enumerator = g_file_enumerate_children (directory, G_FILE_ATTRIBUTE_STANDARD_NAME,
                                          G_FILE_QUERY_INFO_NONE, NULL, NULL);
  if (enumerator == NULL)
    return 0;

  wanted = g_file_get_uri (file);
  while ((info = g_file_enumerator_next_file (enumerator, NULL, NULL)) != NULL)
    {
      g_autoptr(GFileInfo) owned = info;
      g_autoptr(GFile) session_file = NULL;
      g_autoptr(GKeyFile) keys = g_key_file_new ();
      g_autofree char *uri = NULL;
      g_autofree char *identity = NULL;
      gint64 pid;

      if (!g_str_has_suffix (g_file_info_get_name (info), ".session"))
        continue;

      session_file = g_file_get_child (directory, g_file_info_get_name (info));
      if (!g_key_file_load_from_file (keys, g_file_peek_path (session_file), G_KEY_FILE_NONE, NULL))
        continue;

      pid = g_key_file_get_int64 (keys, SESSION_GROUP, "pid", NULL);
      uri = g_key_file_get_string (keys, SESSION_GROUP, "file", NULL);
      identity = g_key_file_get_string (keys, SESSION_GROUP, "process", NULL);
      if (pid != getpid () && process_is_running (pid, identity) && g_strcmp0 (uri, wanted) == 0)
        return pid;
    }

  return 0;
}

/* ---- A window's session ------------------------------------------------------------ */

static void
desk_session_finalize (GObject *object)
{
  DeskSession *self = (DeskSession *)object;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->autosave);
  g_clear_object (&self->info);
  g_clear_object (&self->project_file);
  g_clear_pointer (&self->id, g_free);

  G_OBJECT_CLASS (desk_session_parent_class)->finalize (object);
}

static void
desk_session_class_init (DeskSessionClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = desk_session_finalize;
}

static void
desk_session_init (DeskSession *self)
{
  self->cancellable = g_cancellable_new ();
}

/**
 * desk_session_new:
 * @id: (nullable): the id of a session to continue (after recovery), or %NULL for a new one
 */
DeskSession *
desk_session_new (const char *id)
{
  DeskSession *self = g_object_new (DESK_TYPE_SESSION, NULL);
  g_autoptr(GFile) directory = desk_session_get_directory ();
  g_autofree char *autosave_name = NULL;
  g_autofree char *info_name = NULL;

  self->id = id ? g_strdup (id) : g_uuid_string_random ();
  autosave_name = g_strconcat (self->id, ".copydesk", NULL);
  info_name = g_strconcat (self->id, ".session", NULL);
  self->autosave = g_file_get_child (directory, autosave_name);
  self->info = g_file_get_child (directory, info_name);

  return self;
}

const char *
desk_session_get_id (DeskSession *self)
{
  g_return_val_if_fail (DESK_IS_SESSION (self), NULL);
  return self->id;
}

GFile *
desk_session_get_autosave_file (DeskSession *self)
{
  g_return_val_if_fail (DESK_IS_SESSION (self), NULL);
  return self->autosave;
}

static gboolean write_info (DeskSession  *self,
                            GError      **error);

void
desk_session_set_project_file (DeskSession *self,
                               GFile       *file)
{
  g_return_if_fail (DESK_IS_SESSION (self));
  g_set_object (&self->project_file, file);

  /* Say at once which project this window holds, so that another Copydesk opening it
   * can tell (desk_session_find_other_owner()). */
  if (file != NULL)
    write_info (self, NULL);
}

static gboolean
write_info (DeskSession  *self,
            GError      **error)
{
  g_autoptr(GKeyFile) keys = g_key_file_new ();
  g_autoptr(GFile) directory = desk_session_get_directory ();
  g_autofree char *uri = self->project_file ? g_file_get_uri (self->project_file) : g_strdup ("");
  g_autofree char *identity = NULL;
  g_autofree char *data = NULL;
  gsize length;

  if (g_mkdir_with_parents (g_file_peek_path (directory), 0700) != 0)
    {
      int saved = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   _("Cannot create the folder for unsaved work: %s"), g_strerror (saved));
      return FALSE;
    }

  g_key_file_set_integer (keys, SESSION_GROUP, "version", 1);
  g_key_file_set_string (keys, SESSION_GROUP, "file", uri);
  g_key_file_set_int64 (keys, SESSION_GROUP, "time", g_get_real_time () / G_USEC_PER_SEC);
  g_key_file_set_int64 (keys, SESSION_GROUP, "pid", getpid ());
  if ((identity = process_identity (getpid ())) != NULL)
    g_key_file_set_string (keys, SESSION_GROUP, "process", identity);
  data = g_key_file_to_data (keys, &length, NULL);

  return g_file_replace_contents (self->info, data, length, NULL, FALSE,
                                  G_FILE_CREATE_PRIVATE | G_FILE_CREATE_REPLACE_DESTINATION,
                                  NULL, NULL, error);
}

static GBytes *
serialize (DeskProject  *project,
           GError      **error)
{
  return desk_project_file_save_to_bytes (project);
}

/**
 * desk_session_write:
 *
 * Autosaves @project now, on this thread.
 */
gboolean
desk_session_write (DeskSession  *self,
                    DeskProject  *project,
                    GError      **error)
{
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (DESK_IS_SESSION (self), FALSE);
  g_return_val_if_fail (DESK_IS_PROJECT (project), FALSE);

  if (!(bytes = serialize (project, error)) || !write_info (self, error))
    return FALSE;

  self->discarded = FALSE;
  return g_file_replace_contents (self->autosave, g_bytes_get_data (bytes, NULL),
                                  g_bytes_get_size (bytes), NULL, FALSE,
                                  G_FILE_CREATE_PRIVATE | G_FILE_CREATE_REPLACE_DESTINATION,
                                  NULL, NULL, error);
}

/* What the worker writes, and where: it touches nothing else. */
typedef struct
{
  DeskProjectFileSnapshot *snapshot;
  GFile                   *autosave;
} WriteData;

static void
write_data_free (WriteData *data)
{
  desk_project_file_snapshot_free (data->snapshot);
  g_object_unref (data->autosave);
  g_free (data);
}

/* In a worker: the project file made from the snapshot, and written. */
static void
write_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  WriteData *data = task_data;
  g_autoptr(GBytes) bytes = desk_project_file_snapshot_to_bytes (data->snapshot);
  GError *error = NULL;

  if (g_file_replace_contents (data->autosave, g_bytes_get_data (bytes, NULL),
                               g_bytes_get_size (bytes), NULL, FALSE,
                               G_FILE_CREATE_PRIVATE | G_FILE_CREATE_REPLACE_DESTINATION,
                               NULL, cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
write_done_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  DeskSession *self = DESK_SESSION (object);
  g_autoptr(GError) error = NULL;

  self->writing = FALSE;
  if (!g_task_propagate_boolean (G_TASK (result), &error) &&
      !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_warning ("Could not autosave to %s: %s", g_file_peek_path (self->autosave), error->message);
  /* Closed while writing: the work was saved or discarded after all. */
  if (self->discarded)
    desk_session_discard (self);
}

/**
 * desk_session_write_async:
 *
 * Autosaves @project: takes what the file needs of it now (desk_project_file_snapshot_new():
 * the sources' bytes are shared, not copied) and makes and writes the file in a worker
 * thread, so that a large project does not hold the window while it is written out. A
 * write already under way is left to finish; the caller tries again later.
 */
void
desk_session_write_async (DeskSession *self,
                          DeskProject *project)
{
  g_autoptr(DeskProjectFileSnapshot) snapshot = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GTask) task = NULL;
  WriteData *data;
  g_return_if_fail (DESK_IS_SESSION (self));
  g_return_if_fail (DESK_IS_PROJECT (project));

  if (self->writing)
    return;

  snapshot = desk_project_file_snapshot_new (project);
  if (!write_info (self, &error))
    {
      g_warning ("Could not autosave: %s", error->message);
      return;
    }

  self->writing = TRUE;
  self->discarded = FALSE;
  data = g_new0 (WriteData, 1);
  data->snapshot = g_steal_pointer (&snapshot);
  data->autosave = g_object_ref (self->autosave);
  task = g_task_new (self, self->cancellable, write_done_cb, NULL);
  g_task_set_source_tag (task, desk_session_write_async);
  g_task_set_task_data (task, data, (GDestroyNotify)write_data_free);
  g_task_run_in_thread (task, write_thread);
}

gboolean
desk_session_get_writing (DeskSession *self)
{
  g_return_val_if_fail (DESK_IS_SESSION (self), FALSE);
  return self->writing;
}

/**
 * desk_session_discard:
 *
 * Deletes the autosave: the work is saved, or the editor chose to lose it.
 */
void
desk_session_discard (DeskSession *self)
{
  g_return_if_fail (DESK_IS_SESSION (self));

  self->discarded = TRUE;
  if (self->writing)
    return;   /* write_done_cb comes back here */

  g_file_delete (self->autosave, NULL, NULL);
  g_file_delete (self->info, NULL, NULL);
}
