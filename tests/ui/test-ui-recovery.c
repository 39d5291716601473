/* test-ui-recovery.c: start on a project, edit, SIGKILL, start again: the edit is back
 *
 * The test runs itself a second time as the editor to be killed ("--child PROJECT"):
 * that process opens the project, types into the draft, waits until the autosave has
 * written the edit and says so on its standard output. The test kills it with SIGKILL,
 * then starts the editor in-process on the same data folder: the window must come back
 * with the edit, the project's own file, and the banner that says what happened.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>

#include "desk-draft-view.h"
#include "desk-project-file.h"
#include "desk-session.h"
#include "ui-test-util.h"

#define EDIT "The desk wrote this before the crash."

static const char *child_project;

static gboolean
autosave_has_edit (gpointer data)
{
  DeskWindow *window = data;
  g_autoptr(GFile) directory = desk_session_get_directory ();
  g_autofree char *name = g_strconcat (desk_window_get_session_id (window), ".copydesk", NULL);
  g_autoptr(GFile) autosave = g_file_get_child (directory, name);
  g_autofree char *contents = NULL;

  return g_file_load_contents (autosave, NULL, &contents, NULL, NULL, NULL) &&
         strstr (contents, EDIT) != NULL;
}

static int
run_child (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(GFile) file = g_file_new_for_path (child_project);
  GtkTextBuffer *buffer;
  DeskWindow *window;
  GtkTextIter end;

  g_settings_set_uint (settings, "autosave-delay", 1);

  g_application_open (G_APPLICATION (ui_test_get_application ()), &file, 1, "");
  window = DESK_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (ui_test_get_application ())));
  g_assert_nonnull (window);
  ui_test_settle (window);   /* the project is read in a worker */
  g_assert_nonnull (desk_window_get_file (window));

  buffer = desk_draft_view_get_body_buffer (DESK_DRAFT_VIEW (desk_window_get_draft_view (window)));
  gtk_text_buffer_get_end_iter (buffer, &end);
  gtk_text_buffer_insert (buffer, &end, "\n" EDIT, -1);

  /* No shortcut: the autosave timer does it, as for an editor who keeps typing. */
  if (!ui_test_wait_for (autosave_has_edit, window, 20000))
    g_error ("The edit was not autosaved");

  g_print ("AUTOSAVED\n");
  fflush (stdout);

  for (;;)
    g_main_context_iteration (NULL, TRUE);

  return 0;
}

static void
test_recovery_after_sigkill (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *tmpdir = g_dir_make_tmp ("copydesk-recovery-XXXXXX", &error);
  g_autofree char *project_path = NULL;
  g_autoptr(GFile) project_file = NULL;
  g_autoptr(DeskProject) project = desk_project_new ();
  g_autoptr(GPtrArray) seeds = ui_test_seed_files ("harbour-fire");
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) child = NULL;
  g_autoptr(GDataInputStream) output = NULL;
  g_autofree char *line = NULL;
  g_autofree char *saved = NULL;
  const char *prgname = g_get_prgname ();
  g_autofree char *self_path = NULL;
  DeskWindow *window = NULL;
  DeskDraft *draft;
  gboolean found = FALSE;

  g_assert_no_error (error);

  /* A project on disk, as an editor would have saved it. */
  for (guint i = 0; i < seeds->len; i++)
    {
      g_autoptr(DeskSource) source = desk_source_new_for_file (g_ptr_array_index (seeds, i), 0, NULL, &error);

      g_assert_no_error (error);
      if (i == 0)
        desk_project_start_draft_from (project, source);
      desk_project_add_source (project, source);
    }
  project_path = g_build_filename (tmpdir, "harbour-fire.copydesk", NULL);
  project_file = g_file_new_for_path (project_path);
  g_assert_true (desk_project_file_save (project, project_file, NULL, &error));
  g_assert_no_error (error);

  /* The editor, in another process, on the same data folder. */
  self_path = g_file_read_link ("/proc/self/exe", NULL);
  if (self_path == NULL)
    self_path = g_strdup (prgname);
  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE);
  g_subprocess_launcher_setenv (launcher, "COPYDESK_TEST_KEEP_DATA_HOME", "1", TRUE);
  g_subprocess_launcher_setenv (launcher, "XDG_DATA_HOME", g_get_user_data_dir (), TRUE);
  child = g_subprocess_launcher_spawn (launcher, &error, self_path, "--child", project_path, NULL);
  g_assert_no_error (error);

  /* Its test framework talks too ("# random seed …"): wait for our line. */
  output = g_data_input_stream_new (g_subprocess_get_stdout_pipe (child));
  while ((line = g_data_input_stream_read_line_utf8 (output, NULL, NULL, &error)) != NULL &&
         !g_str_equal (line, "AUTOSAVED"))
    g_clear_pointer (&line, g_free);
  if (line == NULL)
    {
      g_subprocess_force_exit (child);
      g_error ("The editor to be killed stopped before autosaving: %s",
               error ? error->message : "no output");
    }

  /* The crash. */
  g_subprocess_send_signal (child, SIGKILL);
  g_subprocess_wait (child, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_signaled (child));
  g_assert_cmpint (g_subprocess_get_term_sig (child), ==, SIGKILL);

  /* The project file itself was never touched. */
  g_assert_true (g_file_get_contents (project_path, &saved, NULL, NULL));
  g_assert_null (strstr (saved, EDIT));

  /* Start again. */
  g_application_activate (G_APPLICATION (ui_test_get_application ()));
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (ui_test_get_application ()));
       l != NULL; l = l->next)
    if (DESK_IS_WINDOW (l->data))
      window = l->data;
  g_assert_nonnull (window);
  ui_test_settle (window);

  draft = desk_project_get_draft (desk_window_get_project (window));
  for (guint i = 0; i < desk_draft_get_n_paragraphs (draft); i++)
    if (g_str_equal (desk_paragraph_get_text (desk_draft_get_paragraph (draft, i)), EDIT))
      found = TRUE;
  g_assert_true (found);

  g_assert_true (desk_window_get_banner_revealed (window));
  g_assert_true (desk_window_get_modified (window));
  g_assert_nonnull (desk_window_get_file (window));
  g_assert_true (g_file_equal (desk_window_get_file (window), project_file));
  g_assert_cmpuint (g_list_model_get_n_items (desk_project_get_sources (desk_window_get_project (window))), ==,
                    seeds->len);

  ui_test_screenshot (GTK_WIDGET (window), "12-recovered");

  /* Saving puts the edit into the project and retires the autosave. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL));
  /* It is written in a worker: the window is busy until it is done. */
  g_assert_false (desk_window_is_settled (window));
  g_assert_true (desk_window_get_modified (window));
  ui_test_settle (window);
  g_clear_pointer (&saved, g_free);
  g_assert_true (g_file_get_contents (project_path, &saved, NULL, NULL));
  g_assert_nonnull (strstr (saved, EDIT));
  g_assert_false (desk_window_get_modified (window));
  {
    g_autoptr(GPtrArray) left = desk_session_list_recoverable ();
    g_assert_cmpuint (left->len, ==, 0);
  }

  ui_test_close_window (window);
  g_unlink (project_path);
  g_rmdir (tmpdir);
}

/* A crashed session whose process id now belongs to another process (after a reboot ids
 * start again) is still offered for recovery; one whose process runs is not. */
static void
test_recovery_pid_reused (void)
{
  g_autoptr(GFile) directory = desk_session_get_directory ();
  g_autofree char *session_path = g_build_filename (g_file_peek_path (directory),
                                                    "reused.session", NULL);
  g_autofree char *autosave_path = g_build_filename (g_file_peek_path (directory),
                                                     "reused.copydesk", NULL);
  g_autofree char *stale = NULL;
  g_autofree char *self = NULL;
  gboolean found = FALSE;

  if (!g_file_test ("/proc/self/stat", G_FILE_TEST_EXISTS))
    {
      g_test_skip ("no /proc to tell processes apart");
      return;
    }

  g_assert_cmpint (g_mkdir_with_parents (g_file_peek_path (directory), 0700), ==, 0);
  g_assert_true (g_file_set_contents (autosave_path, "{}", -1, NULL));

  /* Our parent runs; the session file says it was a process started at another time. */
  stale = g_strdup_printf ("[Session]\nversion=1\nfile=\ntime=0\npid=%d\n"
                           "process=00000000-0000-0000-0000-000000000000 1\n", (int)getppid ());
  g_assert_true (g_file_set_contents (session_path, stale, -1, NULL));
  {
    g_autoptr(GPtrArray) recoverable = desk_session_list_recoverable ();

    for (guint i = 0; i < recoverable->len; i++)
      if (g_str_equal (((DeskRecoverable *)recoverable->pdata[i])->id, "reused"))
        found = TRUE;
    g_assert_true (found);
  }

  /* Without the process's identity (older files), a running id still counts as running. */
  self = g_strdup_printf ("[Session]\nversion=1\nfile=\ntime=0\npid=%d\n", (int)getppid ());
  g_assert_true (g_file_set_contents (session_path, self, -1, NULL));
  {
    g_autoptr(GPtrArray) recoverable = desk_session_list_recoverable ();

    for (guint i = 0; i < recoverable->len; i++)
      g_assert_cmpstr (((DeskRecoverable *)recoverable->pdata[i])->id, !=, "reused");
  }

  g_unlink (session_path);
  g_unlink (autosave_path);
}

/* While copydesk-merge holds a project's lock, the editor's save says so and writes
 * nothing; once it is released, the save goes through. */
static void
store_result_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

static void
test_save_while_locked (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("copydesk-lock-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "p.copydesk", NULL);
  g_autofree char *lock_path = g_strconcat (path, ".lock", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(DeskProject) project = desk_project_new ();
  g_autoptr(DeskProjectLock) lock = NULL;

  g_assert_no_error (error);
  lock = desk_project_file_lock (file, 0, &error);
  g_assert_no_error (error);

  g_assert_false (desk_project_save_file (project, file, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_BUSY);
  g_assert_nonnull (strstr (error->message, "p.copydesk"));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_clear_error (&error);

  /* The save in a worker keeps to the lock too. */
  {
    g_autoptr(GAsyncResult) result = NULL;

    desk_project_save_file_async (project, file, NULL, store_result_cb, &result);
    while (result == NULL)
      g_main_context_iteration (NULL, TRUE);
    g_assert_false (desk_project_save_file_finish (result, &error));
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_BUSY);
    g_assert_nonnull (strstr (error->message, "p.copydesk"));
    g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
    g_clear_error (&error);
  }

  g_clear_pointer (&lock, desk_project_lock_release);
  g_assert_true (desk_project_save_file (project, file, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (path, G_FILE_TEST_EXISTS));
  g_unlink (path);

  {
    g_autoptr(GAsyncResult) result = NULL;

    desk_project_save_file_async (project, file, NULL, store_result_cb, &result);
    while (result == NULL)
      g_main_context_iteration (NULL, TRUE);
    g_assert_true (desk_project_save_file_finish (result, &error));
    g_assert_no_error (error);
    g_assert_true (g_file_test (path, G_FILE_TEST_EXISTS));
    /* The lock is let go when the save is done. */
    g_assert_false (g_file_test (lock_path, G_FILE_TEST_EXISTS));
  }
  g_unlink (path);
  g_rmdir (dir);
}

static gboolean
spinner_visible (DeskWindow *window)
{
  GtkWidget *spinner = ui_test_find_child (GTK_WIDGET (window), GTK_TYPE_SPINNER);

  g_assert_nonnull (spinner);
  return gtk_widget_get_visible (spinner) && gtk_spinner_get_spinning (GTK_SPINNER (spinner));
}

/* Opening a project reads it in a worker: the window says it is busy, opens nothing else
 * meanwhile, and then shows the project; a damaged file is named in the dialog. */
static void
test_open_async (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("copydesk-open-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "storm.copydesk", NULL);
  g_autofree char *broken_path = g_build_filename (dir, "broken.copydesk", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) broken = g_file_new_for_path (broken_path);
  g_autofree char *broken_uri = g_file_get_uri (broken);
  g_autoptr(DeskProject) project = desk_project_new ();
  g_autoptr(GPtrArray) seeds = ui_test_seed_files ("harbour-fire");
  GtkApplication *application = GTK_APPLICATION (ui_test_get_application ());
  DeskWindow *window;
  DeskWindow *other;
  GtkWindow *dialog;
  guint n_windows;

  g_assert_no_error (error);
  for (guint i = 0; i < seeds->len; i++)
    {
      g_autoptr(DeskSource) source = desk_source_new_for_file (g_ptr_array_index (seeds, i), 0,
                                                               NULL, &error);

      g_assert_no_error (error);
      if (i == 0)
        desk_project_start_draft_from (project, source);
      desk_project_add_source (project, source);
    }
  g_assert_true (desk_project_file_save (project, file, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_set_contents (broken_path, "{\"format\": \"copydesk-project\", \"ver", -1,
                                      NULL));

  window = desk_window_new (application);
  gtk_window_present (GTK_WINDOW (window));
  ui_test_settle (window);
  n_windows = g_list_length (gtk_application_get_windows (application));

  desk_window_open_project (window, file);
  /* Under way: nothing of it shows yet, the window says it is busy. */
  g_assert_null (desk_window_get_file (window));
  g_assert_false (desk_window_is_settled (window));
  g_assert_false (desk_window_is_empty (window));
  g_assert_true (spinner_visible (window));

  /* A second open (the recent list, the menu) is refused while the first one runs. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.open-recent", "s", broken_uri);

  ui_test_settle (window);
  g_assert_null (ui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_cmpuint (g_list_length (gtk_application_get_windows (application)), ==, n_windows);
  g_assert_nonnull (desk_window_get_file (window));
  g_assert_true (g_file_equal (desk_window_get_file (window), file));
  g_assert_false (desk_window_get_modified (window));
  g_assert_false (spinner_visible (window));
  g_assert_cmpuint (g_list_model_get_n_items (desk_project_get_sources (desk_window_get_project (window))),
                    ==, seeds->len);

  /* A damaged project: the window stays empty and the dialog names the file. */
  other = desk_window_new (application);
  gtk_window_present (GTK_WINDOW (other));
  ui_test_settle (other);
  desk_window_open_project (other, broken);
  ui_test_settle (other);
  dialog = ui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (dialog);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)),
                            "broken.copydesk"));
  g_assert_true (desk_window_is_empty (other));
  g_assert_null (desk_window_get_file (other));
  gtk_window_destroy (dialog);

  ui_test_close_window (other);
  ui_test_close_window (window);
  g_unlink (path);
  g_unlink (broken_path);
  g_rmdir (dir);
}

/* Recovery reads the autosave in a worker, as Open Project does: the window is busy and
 * opens nothing else meanwhile, then shows the work and the banner; an autosave that cannot
 * be read is named in a dialog and the window stays empty. Discarding the recovered work
 * goes back to the project as saved, read the same way. */
static void
test_recover_async (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("copydesk-recover-XXXXXX", &error);
  g_autofree char *saved_path = g_build_filename (dir, "storm.copydesk", NULL);
  g_autofree char *autosave_path = g_build_filename (dir, "autosave.copydesk", NULL);
  g_autofree char *broken_path = g_build_filename (dir, "damaged-autosave.copydesk", NULL);
  g_autoptr(GFile) saved = g_file_new_for_path (saved_path);
  g_autoptr(GFile) autosave = g_file_new_for_path (autosave_path);
  g_autoptr(GFile) broken = g_file_new_for_path (broken_path);
  g_autofree char *saved_uri = g_file_get_uri (saved);
  g_autoptr(DeskProject) project = desk_project_new ();
  g_autoptr(GPtrArray) seeds = ui_test_seed_files ("harbour-fire");
  GtkApplication *application = GTK_APPLICATION (ui_test_get_application ());
  DeskRecoverable recoverable = { 0, };
  DeskWindow *window;
  DeskWindow *other;
  GtkWindow *dialog;
  DeskDraft *draft;
  guint n_windows;
  guint n_paragraphs;

  g_assert_no_error (error);
  for (guint i = 0; i < seeds->len; i++)
    {
      g_autoptr(DeskSource) source = desk_source_new_for_file (g_ptr_array_index (seeds, i), 0,
                                                               NULL, &error);

      g_assert_no_error (error);
      if (i == 0)
        desk_project_start_draft_from (project, source);
      desk_project_add_source (project, source);
    }
  /* The project as saved, and the autosave with one more paragraph. */
  g_assert_true (desk_project_file_save (project, saved, NULL, &error));
  g_assert_no_error (error);
  draft = desk_project_get_draft (project);
  n_paragraphs = desk_draft_get_n_paragraphs (draft);
  {
    g_autoptr(DeskParagraph) edit = desk_paragraph_new (EDIT);

    desk_draft_append (draft, edit);
  }
  g_assert_true (desk_project_file_save (project, autosave, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_set_contents (broken_path, "{\"format\": \"copydesk-project\", \"ver", -1,
                                      NULL));

  recoverable.id = (char *)"recover-async";
  recoverable.autosave = autosave;
  recoverable.project_file = saved;
  recoverable.time = g_date_time_new_now_local ();

  window = desk_window_new (application);
  gtk_window_present (GTK_WINDOW (window));
  ui_test_settle (window);
  n_windows = g_list_length (gtk_application_get_windows (application));

  desk_window_recover (window, &recoverable);
  /* Under way: nothing of it shows yet, the window says it is busy. */
  g_assert_null (desk_window_get_file (window));
  g_assert_false (desk_window_get_banner_revealed (window));
  g_assert_false (desk_window_is_settled (window));
  g_assert_false (desk_window_is_empty (window));
  g_assert_true (spinner_visible (window));

  /* Opening the same project meanwhile brings up this window; nothing is read twice. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.open-recent", "s", saved_uri);

  ui_test_settle (window);
  g_assert_cmpuint (g_list_length (gtk_application_get_windows (application)), ==, n_windows);
  g_assert_null (ui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_false (spinner_visible (window));
  g_assert_true (desk_window_get_banner_revealed (window));
  g_assert_true (desk_window_get_modified (window));
  g_assert_nonnull (desk_window_get_file (window));
  g_assert_true (g_file_equal (desk_window_get_file (window), saved));
  draft = desk_project_get_draft (desk_window_get_project (window));
  g_assert_cmpuint (desk_draft_get_n_paragraphs (draft), ==, n_paragraphs + 1);
  g_assert_cmpstr (desk_paragraph_get_text (desk_draft_get_paragraph (draft, n_paragraphs)), ==,
                   EDIT);

  /* Discard: back to the project as saved, read in a worker too. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.discard-recovered", NULL));
  g_assert_false (desk_window_is_settled (window));
  g_assert_true (spinner_visible (window));
  ui_test_settle (window);
  g_assert_false (desk_window_get_banner_revealed (window));
  g_assert_false (desk_window_get_modified (window));
  draft = desk_project_get_draft (desk_window_get_project (window));
  g_assert_cmpuint (desk_draft_get_n_paragraphs (draft), ==, n_paragraphs);

  /* A damaged autosave: the dialog names it, the window stays empty. */
  recoverable.autosave = broken;
  recoverable.project_file = NULL;
  other = desk_window_new (application);
  gtk_window_present (GTK_WINDOW (other));
  desk_window_recover (other, &recoverable);
  g_assert_true (spinner_visible (other));
  ui_test_settle (other);
  dialog = ui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (dialog);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)),
                            "damaged-autosave.copydesk"));
  g_assert_true (desk_window_is_empty (other));
  g_assert_null (desk_window_get_file (other));
  g_assert_false (desk_window_get_banner_revealed (other));
  gtk_window_destroy (dialog);

  ui_test_close_window (other);
  ui_test_close_window (window);
  g_date_time_unref (recoverable.time);
  g_unlink (saved_path);
  g_unlink (autosave_path);
  g_unlink (broken_path);
  g_rmdir (dir);
}

int
main (int    argc,
      char **argv)
{
  if (argc >= 3 && g_str_equal (argv[1], "--child"))
    {
      int child_argc = 1;

      child_project = argv[2];
      ui_test_init (&child_argc, &argv);
      return run_child ();
    }

  ui_test_init (&argc, &argv);

  g_test_add_func ("/ui/recovery/sigkill", test_recovery_after_sigkill);
  g_test_add_func ("/ui/recovery/pid-reused", test_recovery_pid_reused);
  g_test_add_func ("/ui/recovery/save-while-locked", test_save_while_locked);
  g_test_add_func ("/ui/recovery/open-async", test_open_async);
  g_test_add_func ("/ui/recovery/recover-async", test_recover_async);

  return g_test_run ();
}
