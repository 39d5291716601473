/* test-hostile-day.c: what a hostile or unlucky day does to files, locks and limits
 *
 * The second part of the hostile-input suite (test-hostile.c is the first): output written
 * to special files and through links, two runs on one project at once, files that are not
 * files (FIFOs, devices), and the classes of input found to lose text without a word. Every
 * case here failed before the fix it names. Inputs are generated; the biggest shrink tenfold
 * under valgrind (desk_test_scaled()). Times are logged, not asserted: speed is measured by
 * `copydesk-merge bench`, and a hang ends in the test's meson timeout.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>

#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "desk-export.h"
#include "desk-hash.h"
#include "desk-project-file.h"
#include "desk-source.h"
#include "desk-suggester.h"
#include "desk-test-util.h"

/* ---- Helpers ------------------------------------------------------------------------------ */

static void
write_file (const char *path,
            const char *data,
            gssize      length)
{
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, data, length, &error);
  g_assert_no_error (error);
}

/* Writes @data into the file @name in @dir. */
static void
write_file_in (const char *dir,
               const char *name,
               const char *data,
               gssize      length)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);

  write_file (path, data, length);
}

static char *
read_file (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  return contents;
}

static DeskProject *
story_project (void)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static (desk_test_story,
                                                 strlen (desk_test_story));
  g_autoptr(GError) error = NULL;
  g_autoptr(DeskSource) source = desk_source_new_from_bytes (bytes, "story.txt", DESK_SOURCE_ORIGIN_FILE,
                                                              &error);
  DeskProject *project = desk_project_new ();

  g_assert_no_error (error);
  desk_project_add_source (project, source);
  desk_project_start_draft_from (project, source);
  return project;
}

/* ---- copydesk-merge ----------------------------------------------------------------------- */

/* ---- Output onto special files ------------------------------------------------------------ */

/* `-o /dev/stdout` into a pipe writes the story into the pipe; before, the pipe's name was
 * replaced by a regular file (as root, /dev/stdout itself) and nothing reached the pipe. */
static void
test_output_stdout (void)
{
  g_autofree char *dir = NULL;
  g_auto(DeskTestRun) run = { 0 };
  g_auto(DeskTestRun) fd_run = { 0 };

  if (!desk_test_have_tool ())
    return;

  dir = desk_test_make_temp_dir ("copydesk-hostile-day");
  write_file_in (dir, "a.txt", desk_test_story, -1);

  desk_test_run_tool (&run, dir, "merge", "-o", "/dev/stdout", "a.txt");
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "Ferry fire kills 14"));

  desk_test_run_tool (&fd_run, dir, "merge", "-o", "/dev/fd/1", "a.txt");
  g_assert_cmpint (fd_run.status, ==, 0);
  g_assert_nonnull (strstr (fd_run.out, "Ferry fire kills 14"));
}

/* A device and a FIFO are written to, not replaced by a regular file. */
static void
test_output_special (void)
{
  g_autofree char *dir = desk_test_make_temp_dir ("copydesk-hostile-day");
  g_autofree char *fifo = g_build_filename (dir, "fifo", NULL);
  g_autoptr(DeskProject) project = story_project ();
  g_autoptr(GFile) null_file = g_file_new_for_path ("/dev/null");
  g_autoptr(GFile) fifo_file = g_file_new_for_path (fifo);
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) received = g_string_new (NULL);
  DeskExportOptions options;
  GStatBuf st;
  pid_t child;
  int pipe_fds[2];
  int wait_status;
  char buffer[4096];
  gssize got;

  desk_export_options_init (&options);

  /* /dev/null can only be tried when it cannot be harmed: as root the old code replaced
   * it; as anyone else it failed. Either way it must now be written to and stay a device. */
  g_assert_true (desk_export_to_file (project, &options, null_file, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_stat ("/dev/null", &st), ==, 0);
  g_assert_true (S_ISCHR (st.st_mode));

  /* A FIFO with a reader: the reader gets the story, and the FIFO stays a FIFO. */
  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  g_assert_cmpint (pipe (pipe_fds), ==, 0);
  child = fork ();
  g_assert_cmpint (child, >=, 0);
  if (child == 0)
    {
      int in = open (fifo, O_RDONLY);

      close (pipe_fds[0]);
      while ((got = read (in, buffer, sizeof buffer)) > 0)
        if (write (pipe_fds[1], buffer, got) != got)
          _exit (1);
      _exit (0);
    }
  close (pipe_fds[1]);

  g_assert_true (desk_export_to_file (project, &options, fifo_file, NULL, &error));
  g_assert_no_error (error);
  while ((got = read (pipe_fds[0], buffer, sizeof buffer)) > 0)
    g_string_append_len (received, buffer, got);
  close (pipe_fds[0]);
  g_assert_cmpint (waitpid (child, &wait_status, 0), ==, child);

  g_assert_nonnull (strstr (received->str, "Ferry fire kills 14"));
  g_assert_cmpint (g_lstat (fifo, &st), ==, 0);
  g_assert_true (S_ISFIFO (st.st_mode));
}

/* `-o` naming the project (or a source) is refused before anything is written. */
static void
test_output_is_project (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *project = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *source = NULL;
  g_auto(DeskTestRun) make = { 0 };
  g_auto(DeskTestRun) run = { 0 };
  g_auto(DeskTestRun) export = { 0 };
  g_auto(DeskTestRun) onto_source = { 0 };

  if (!desk_test_have_tool ())
    return;

  dir = desk_test_make_temp_dir ("copydesk-hostile-day");
  project = g_build_filename (dir, "p.copydesk", NULL);
  write_file_in (dir, "a.txt", desk_test_story, -1);
  write_file_in (dir, "b.txt", desk_test_other_story, -1);

  desk_test_run_tool (&make, dir, "merge", "--project", "p.copydesk", "a.txt");
  g_assert_cmpint (make.status, ==, 0);
  before = read_file (project);

  desk_test_run_tool (&run, dir, "merge", "--project", "p.copydesk", "-o", "./p.copydesk", "b.txt");
  g_assert_cmpint (run.status, !=, 0);
  g_assert_nonnull (strstr (run.err, "p.copydesk"));
  desk_test_run_tool (&export, dir, "export", "--project", "p.copydesk", "-o", "p.copydesk");
  g_assert_cmpint (export.status, !=, 0);
  after = read_file (project);
  g_assert_cmpstr (before, ==, after);

  desk_test_run_tool (&onto_source, dir, "merge", "-o", "b.txt", "a.txt", "b.txt");
  g_assert_cmpint (onto_source.status, !=, 0);
  {
    g_autofree char *b = g_build_filename (dir, "b.txt", NULL);

    source = read_file (b);
  }
  g_assert_cmpstr (source, ==, desk_test_other_story);
}

/* ---- Saving through links, keeping owner and mode ----------------------------------------- */

static void
save_story (const char *path)
{
  g_autoptr(DeskProject) project = story_project ();
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  DeskExportOptions options;

  desk_export_options_init (&options);
  g_assert_true (desk_export_to_file (project, &options, file, NULL, &error));
  g_assert_no_error (error);
}

static void
test_save_links (void)
{
  g_autofree char *dir = desk_test_make_temp_dir ("copydesk-hostile-day");
  g_autofree char *sub = g_build_filename (dir, "sub", NULL);
  g_autofree char *symlink_path = g_build_filename (dir, "link.txt", NULL);
  g_autofree char *target = g_build_filename (sub, "target.txt", NULL);
  g_autofree char *hard1 = g_build_filename (dir, "hard1.txt", NULL);
  g_autofree char *hard2 = g_build_filename (dir, "hard2.txt", NULL);
  g_autofree char *contents = NULL;
  GStatBuf st;

  /* A dangling link: the story goes to the file it names, and the link stays. */
  g_assert_cmpint (g_mkdir (sub, 0700), ==, 0);
  g_assert_cmpint (symlink ("sub/target.txt", symlink_path), ==, 0);
  save_story (symlink_path);
  g_assert_cmpint (g_lstat (symlink_path, &st), ==, 0);
  g_assert_true (S_ISLNK (st.st_mode));
  contents = read_file (target);
  g_assert_nonnull (strstr (contents, "Ferry fire kills 14"));

  /* A link to a link to an existing file. */
  g_clear_pointer (&contents, g_free);
  write_file (target, "old", -1);
  {
    g_autofree char *link2 = g_build_filename (dir, "link2.txt", NULL);

    g_assert_cmpint (symlink ("link.txt", link2), ==, 0);
    save_story (link2);
  }
  contents = read_file (target);
  g_assert_nonnull (strstr (contents, "Ferry fire kills 14"));

  /* Hard links stay one file, and the mode is kept. */
  g_clear_pointer (&contents, g_free);
  write_file (hard1, "old", -1);
  g_assert_cmpint (g_chmod (hard1, 0604), ==, 0);
  g_assert_cmpint (link (hard1, hard2), ==, 0);
  save_story (hard1);
  contents = read_file (hard2);
  g_assert_nonnull (strstr (contents, "Ferry fire kills 14"));
  g_assert_cmpint (g_stat (hard1, &st), ==, 0);
  g_assert_cmpint (st.st_nlink, ==, 2);
  g_assert_cmpint (st.st_mode & 07777, ==, 0604);
}

/* A file owned by another user keeps its owner (only root can try this). */
static void
test_save_owner (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  GStatBuf st;

  if (geteuid () != 0)
    {
      g_test_skip ("only root can give a file to another user");
      return;
    }

  dir = desk_test_make_temp_dir ("copydesk-hostile-day");
  path = g_build_filename (dir, "theirs.txt", NULL);
  write_file (path, "old", -1);
  g_assert_cmpint (chown (path, 65534, 65534), ==, 0);
  g_assert_cmpint (g_chmod (path, 0640), ==, 0);
  save_story (path);
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_uid, ==, 65534);
  g_assert_cmpint (st.st_gid, ==, 65534);
  g_assert_cmpint (st.st_mode & 07777, ==, 0640);
}

/* A name of 250 bytes fits where the system allows 255: the temporary file beside it must
 * not make it too long. */
static void
test_save_long_name (void)
{
  g_autofree char *dir = desk_test_make_temp_dir ("copydesk-hostile-day");
  g_autofree char *name = g_strnfill (246, 'n');
  g_autofree char *base = g_strconcat (name, ".txt", NULL);
  g_autofree char *path = g_build_filename (dir, base, NULL);
  g_autofree char *contents = NULL;

  g_assert_cmpuint (strlen (base), ==, 250);
  save_story (path);
  contents = read_file (path);
  g_assert_nonnull (strstr (contents, "Ferry fire kills 14"));
}

/* ---- Two runs on one project -------------------------------------------------------------- */

static guint
n_project_sources (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(DeskProject) project = desk_project_file_load (file, NULL, &error);

  g_assert_no_error (error);
  return g_list_model_get_n_items (desk_project_get_sources (project));
}

static void
test_project_concurrent (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *project = NULL;
  g_autoptr(GPtrArray) children = g_ptr_array_new ();
  const guint n_runs = 4;

  if (!desk_test_have_tool ())
    return;

  dir = desk_test_make_temp_dir ("copydesk-hostile-day");
  project = g_build_filename (dir, "p.copydesk", NULL);

  /* Each run adds its own source: every one must be in the project at the end. */
  for (guint i = 0; i < n_runs; i++)
    {
      g_autofree char *name = g_strdup_printf ("s%u.txt", i);
      const char *story = i % 2 ? desk_test_other_story : desk_test_story;
      g_autofree char *text = g_strdup_printf ("%s\nExtra paragraph number %u from run %u, "
                                               "which only this version carries.\n",
                                               story, i, i);
      const char *argv[] = { g_getenv ("COPYDESK_MERGE"), "merge", "--project", "p.copydesk",
                             name, NULL };
      g_autoptr(GError) error = NULL;
      GPid pid;

      write_file_in (dir, name, text, -1);
      g_spawn_async (dir, (char **)argv, NULL,
                     G_SPAWN_DO_NOT_REAP_CHILD | G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL,
                     &pid, &error);
      g_assert_no_error (error);
      g_ptr_array_add (children, GINT_TO_POINTER (pid));
    }

  for (guint i = 0; i < children->len; i++)
    {
      int status = 0;

      g_assert_cmpint (waitpid (GPOINTER_TO_INT (children->pdata[i]), &status, 0), >, 0);
      g_assert_true (WIFEXITED (status));
      g_assert_cmpint (WEXITSTATUS (status), ==, 0);
    }

  g_assert_cmpuint (n_project_sources (project), ==, n_runs);
  {
    g_autofree char *lock = g_build_filename (dir, "p.copydesk.lock", NULL);

    g_assert_false (g_file_test (lock, G_FILE_TEST_EXISTS));
  }
}

/* A lock held elsewhere: the run waits, then says who holds it, and changes nothing. */
static void
test_project_locked (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *project = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(DeskProjectLock) lock = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(DeskTestRun) make = { 0 };
  g_auto(DeskTestRun) run = { 0 };

  if (!desk_test_have_tool ())
    return;

  dir = desk_test_make_temp_dir ("copydesk-hostile-day");
  project = g_build_filename (dir, "p.copydesk", NULL);
  write_file_in (dir, "a.txt", desk_test_story, -1);
  write_file_in (dir, "b.txt", desk_test_other_story, -1);
  desk_test_run_tool (&make, dir, "merge", "--project", "p.copydesk", "a.txt");
  g_assert_cmpint (make.status, ==, 0);
  before = read_file (project);

  file = g_file_new_for_path (project);
  lock = desk_project_file_lock (file, 0, &error);
  g_assert_no_error (error);
  g_assert_nonnull (lock);

  desk_test_run_tool (&run, dir, "merge", "--wait", "1", "--project", "p.copydesk", "b.txt");
  g_assert_cmpint (run.status, !=, 0);
  g_assert_nonnull (strstr (run.err, "p.copydesk"));
  g_assert_nonnull (strstr (run.err, g_get_host_name ()));
  after = read_file (project);
  g_assert_cmpstr (before, ==, after);

  /* In this process too, a second taker is told, not let in. */
  {
    g_autoptr(DeskProjectLock) second = desk_project_file_lock (file, 100, &error);

    g_assert_null (second);
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_BUSY);
  }
}

/* ---- Files that are not files ------------------------------------------------------------- */

static void
test_not_files (void)
{
  g_autofree char *dir = desk_test_make_temp_dir ("copydesk-hostile-day");
  g_autofree char *fifo = g_build_filename (dir, "fifo.txt", NULL);
  const char *paths[] = { fifo, "/dev/zero", "/dev/urandom" };

  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);

  for (guint i = 0; i < G_N_ELEMENTS (paths); i++)
    {
      g_autoptr(GFile) file = g_file_new_for_path (paths[i]);
      g_autoptr(GError) error = NULL;
      g_autoptr(GError) project_error = NULL;
      g_autoptr(DeskSource) source = NULL;
      g_autoptr(DeskProject) project = NULL;
      gint64 start = g_get_monotonic_time ();

      source = desk_source_new_for_file (file, 0, NULL, &error);
      g_assert_null (source);
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE);
      g_assert_nonnull (strstr (error->message, paths[i]));

      project = desk_project_file_load (file, NULL, &project_error);
      g_assert_null (project);
      g_assert_error (project_error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE);
      desk_test_note_time (start, paths[i]);
    }
}

/* ---- Text that went missing without a word ---------------------------------------------- */

static DeskSource *
read_bytes (const char *name,
            const char *data,
            gssize      length)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, length < 0 ? strlen (data) : (gsize)length);
  g_autoptr(GError) error = NULL;
  DeskSource *source = NULL;
  gint64 start = g_get_monotonic_time ();

  source = desk_source_new_from_bytes (bytes, name, DESK_SOURCE_ORIGIN_FILE, &error);
  desk_test_note_time (start, name);
  g_assert_no_error (error);
  g_assert_nonnull (source);
  return source;
}

/* All the blocks' text, one a line. */
static char *
source_text (DeskSource *source)
{
  GListModel *blocks = desk_source_get_blocks (source);
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (blocks); i++)
    {
      g_autoptr(DeskBlock) block = g_list_model_get_item (blocks, i);

      g_string_append_printf (text, "%s\n", desk_block_get_text (block));
    }

  return g_string_free (text, FALSE);
}

static guint
count_blocks_containing (DeskSource *source,
                         const char *needle)
{
  GListModel *blocks = desk_source_get_blocks (source);
  guint count = 0;

  for (guint i = 0; i < g_list_model_get_n_items (blocks); i++)
    {
      g_autoptr(DeskBlock) block = g_list_model_get_item (blocks, i);

      if (strstr (desk_block_get_text (block), needle) != NULL)
        count++;
    }

  return count;
}

/* "\u0000" in a JSON string no longer ends it: the rest of the body and a co-author stay. */
static void
test_json_nul_escape (void)
{
  static const char ninjs[] =
    "{\"uri\": \"urn:test:1\", \"type\": \"text\", \"headline\": \"Ferry fire kills 14\","
    " \"by\": \"Jane Roe\\u0000 and John Doe\","
    " \"body_text\": \"HALIFAX (AP) \\u2014 A fire swept through a commuter ferry on Friday.\\u0000"
    " Officials said 14 died.\\n\\nThe ferry was crossing to Dartmouth when smoke was seen.\"}";
  g_autoptr(DeskSource) source = read_bytes ("nul.json", ninjs, -1);
  g_autofree char *text = source_text (source);
  g_autoptr(DeskProject) project = story_project ();
  g_autoptr(GBytes) saved = desk_project_file_save_to_bytes (project);
  g_autoptr(GString) edited = g_string_new_len (g_bytes_get_data (saved, NULL),
                                                g_bytes_get_size (saved));
  g_autoptr(GBytes) edited_bytes = NULL;
  g_autoptr(DeskProject) loaded = NULL;
  g_autoptr(GError) error = NULL;
  DeskDraft *draft;
  gboolean found = FALSE;

  g_assert_nonnull (strstr (text, "Officials said 14 died."));
  g_assert_nonnull (strstr (text, "crossing to Dartmouth"));
  g_assert_nonnull (strstr (text, "John Doe"));

  /* The same in a project's draft. */
  g_assert_cmpuint (g_string_replace (edited, "was crossing to Dartmouth",
                                      "was crossing\\u0000 to Dartmouth", 0), >, 0);
  edited_bytes = g_string_free_to_bytes (g_steal_pointer (&edited));
  loaded = desk_project_file_load_from_bytes (edited_bytes, "nul.copydesk", &error);
  g_assert_no_error (error);
  draft = desk_project_get_draft (loaded);
  for (guint i = 0; i < desk_draft_get_n_paragraphs (draft); i++)
    if (strstr (desk_paragraph_get_text (desk_draft_get_paragraph (draft, i)), "to Dartmouth"))
      found = TRUE;
  g_assert_true (found);
}

/* &#128;–&#159; are Windows-1252's characters, as browsers read them. */
static void
test_html_windows_1252_references (void)
{
  static const char page[] =
    "<html><head><title>Mayor&#146;s plan</title></head><body><h1>Mayor&#146;s plan costs "
    "&#128;500</h1><p>The mayor&#146;s plan costs &#128;500, and the council said "
    "&#147;no&#148; to it &#x97; again &#8364;.</p><p>A second paragraph of the story, long "
    "enough to be a paragraph of the body.</p></body></html>";
  g_autoptr(DeskSource) source = read_bytes ("cp1252.html", page, -1);
  g_autofree char *text = source_text (source);

  g_assert_nonnull (strstr (text, "The mayor’s plan costs €500, and the council said “no” to "
                                  "it — again €."));
}

/* Unclosed tags nesting hundreds or thousands deep keep every paragraph, each on its own. */
static void
test_html_deep_nesting (void)
{
  static const struct { const char *open; guint n; } cases[] = {
    { "<font face=\"Arial\">", 260 },
    { "<font><div><b>", 3000 },
    { "<blockquote><li>", 3000 },
  };

  for (guint c = 0; c < G_N_ELEMENTS (cases); c++)
    {
      g_autoptr(GString) page = g_string_new ("<html><body><h1>Council approves the budget"
                                              "</h1>\n");
      g_autoptr(DeskSource) source = NULL;
      g_autofree char *name = g_strdup_printf ("deep-%u.html", c);

      for (guint i = 0; i < cases[c].n; i++)
        g_string_append_printf (page, "%s<p>Paragraph %u of the story: the council met on "
                                "Tuesday.</p>\n", cases[c].open, i);
      g_string_append (page, "</body></html>");

      source = read_bytes (name, page->str, page->len);
      /* Each paragraph once, in a block of its own. */
      g_assert_cmpuint (count_blocks_containing (source, "of the story"), ==, cases[c].n);
      g_assert_cmpuint (count_blocks_containing (source, "Tuesday. Paragraph"), ==, 0);
      for (guint i = 0; i < cases[c].n; i += cases[c].n / 7)
        {
          g_autofree char *needle = g_strdup_printf ("Paragraph %u of", i);

          g_assert_cmpuint (count_blocks_containing (source, needle), ==, 1);
        }
    }
}

/* ---- Unicode: one story in NFC and NFD, joiners, NEL ------------------------------------- */

static const char accented_story[] =
  "Montréal council backs São Paulo twinning\n"
  "\n"
  "MONTRÉAL — The council of Montréal voted on Tuesday to twin the city with São Paulo, "
  "the mayor, Valérie Plante, said after a debate that ran past midnight.\n"
  "\n"
  "The agreement covers culture, transport and the exchange of municipal employees, "
  "according to the résumé the city published.\n"
  "\n"
  "Critics said the cost, estimated at 2.4 million dollars, was too high for a city "
  "facing a deficit.\n";

/* The same story typed with combining accents is the same story: nothing to suggest. */
static void
test_unicode_nfd (void)
{
  g_autofree char *nfd = g_utf8_normalize (accented_story, -1, G_NORMALIZE_NFD);
  g_autoptr(DeskSource) composed = read_bytes ("nfc.txt", accented_story, -1);
  g_autoptr(DeskSource) decomposed = NULL;
  g_autoptr(DeskProject) project = desk_project_new ();
  g_autoptr(DeskSuggester) suggester = desk_suggester_new ();
  g_autoptr(GPtrArray) suggestions = NULL;
  g_autofree char *composed_text = NULL;
  g_autofree char *decomposed_text = NULL;

  g_assert_cmpstr (nfd, !=, accented_story);
  decomposed = read_bytes ("nfd.txt", nfd, -1);
  composed_text = source_text (composed);
  decomposed_text = source_text (decomposed);
  g_assert_cmpstr (composed_text, ==, decomposed_text);

  desk_project_add_source (project, composed);
  desk_project_start_draft_from (project, composed);
  desk_project_add_source (project, decomposed);
  suggestions = desk_suggester_suggest (suggester, project);
  g_assert_cmpuint (suggestions->len, ==, 0);
}

/* Composition works on long runs of non-ASCII text in pieces; a piece once began in the
 * middle of a character and left a stray byte (found by fuzz-source with the watchdog
 * run). Every way of cutting gives valid UTF-8, the same as composing the whole. */
static void
test_unicode_long_runs (void)
{
  static const char * const units[] = {
    "e\xcc\x81", "\xe4\xb8\x80\xcc\x81", "\xd0\x96\xcc\x88", "\xef\xbf\xbd\xcc\x81",
  };

  for (guint u = 0; u < G_N_ELEMENTS (units); u++)
    for (guint offset = 0; offset < 4; offset++)
      {
        g_autoptr(GString) text = g_string_new ("Title\n\n");
        g_autoptr(DeskSource) source = NULL;
        g_autofree char *expected = NULL;
        g_autofree char *blocks = NULL;

        for (guint k = 0; k < offset; k++)
          g_string_append (text, "\xc3\xa9");
        for (guint i = 0; i < 400; i++)
          g_string_append (text, units[u]);
        g_string_append (text, "\n");

        source = read_bytes ("long-run.txt", text->str, text->len);
        blocks = source_text (source);
        g_assert_true (g_utf8_validate (blocks, -1, NULL));
        g_assert_true (g_utf8_validate (desk_source_get_text (source), -1, NULL));
        expected = g_utf8_normalize (text->str + strlen ("Title\n\n"), -1, G_NORMALIZE_NFC);
        g_strchomp (expected);
        g_assert_nonnull (strstr (blocks, expected));
      }
}

/* Zero-width joiners and non-joiners are spelling; NEL ends a line. */
static void
test_unicode_joiners_and_nel (void)
{
  /* Persian "mi-khaham" (I want), with its zero-width non-joiner, and a family emoji */
  static const char persian[] = "\u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645";
  static const char family[] = "\U0001F468\u200d\U0001F469\u200d\U0001F467";
  g_autofree char *text = g_strdup_printf ("Council vote\n\nThe minister wrote %s in a "
                                           "message that ended with %s, aides said on "
                                           "Tuesday.\xc2\x85" "The vote is on Friday, the "
                                           "speaker of the council said.\n", persian, family);
  g_autoptr(DeskSource) source = read_bytes ("joiners.txt", text, -1);
  g_autofree char *blocks = source_text (source);
  g_autoptr(DeskProject) project = desk_project_new ();
  g_autofree char *exported = NULL;
  DeskExportOptions options;

  g_assert_nonnull (strstr (blocks, persian));
  g_assert_nonnull (strstr (blocks, family));
  g_assert_null (strstr (blocks, "\xc2\x85"));
  g_assert_cmpuint (count_blocks_containing (source, "said on Tuesday."), ==, 1);
  g_assert_cmpuint (count_blocks_containing (source, "The vote is on Friday"), ==, 1);
  g_assert_cmpuint (count_blocks_containing (source, "Tuesday. The vote"), ==, 0);

  desk_project_add_source (project, source);
  desk_project_start_draft_from (project, source);
  desk_export_options_init (&options);
  exported = desk_export_to_string (project, &options);
  g_assert_nonnull (strstr (exported, persian));
  g_assert_nonnull (strstr (exported, family));
}

/* ---- Source ids that collide ------------------------------------------------------------ */

/* desk_hash_bytes() as it stands before its last 8-byte word (its mixing, repeated here so
 * that a collision can be forged as an attacker would; the test checks the forgery works). */
#define HASH_K1 G_GUINT64_CONSTANT (0x9e3779b97f4a7c15)
#define HASH_K2 G_GUINT64_CONSTANT (0xc2b2ae3d27d4eb4f)

static guint64
hash_state_before_last (const char *data,
                        gsize       size)
{
  guint64 h = HASH_K2 ^ ((guint64)size * HASH_K1);

  for (gsize i = 0; i + 8 < size; i += 8)
    {
      guint64 w;

      memcpy (&w, data + i, 8);
      h ^= GUINT64_FROM_LE (w) * HASH_K1;
      h = ((h << 31) | (h >> 33)) * HASH_K2;
    }

  return h;
}

static gboolean
printable_word (guint64 w)
{
  for (guint k = 0; k < 8; k++)
    {
      guchar c = (w >> (8 * k)) & 0xff;

      if (c < 'A' || c > 'z' || (c > 'Z' && c < 'a'))
        return FALSE;
    }
  return TRUE;
}

/* Two different stories, each ending in a reference of 8 letters, with the same id. */
static void
forge_collision (char **a_out,
                 char **b_out)
{
  g_autoptr(GString) a = g_string_new (desk_test_story);
  g_autoptr(GString) b = g_string_new (desk_test_other_story);
  guint64 inverse = HASH_K1;
  guint64 ha, hb;

  /* The same length, a multiple of 8, before the last word. */
  g_string_append (a, "\nRef: ");
  g_string_append (b, "\nRef: ");
  while (a->len < b->len || a->len % 8 != 0)
    g_string_append_c (a, ' ');
  while (b->len < a->len)
    g_string_append_c (b, ' ');
  g_string_append (a, "AAAAAAAA");
  g_string_append (b, "AAAAAAAA");
  ha = hash_state_before_last (a->str, a->len);
  hb = hash_state_before_last (b->str, b->len);

  for (guint i = 0; i < 6; i++)
    inverse *= 2 - HASH_K1 * inverse;

  for (guint64 n = 0;; n++)
    {
      guint64 wa = 0, wb;

      for (guint k = 0; k < 8; k++)
        wa |= (guint64)('a' + (n >> (3 * k)) % 8 + (k % 2) * 8) << (8 * k);
      wb = inverse * (ha ^ (wa * HASH_K1) ^ hb);
      if (!printable_word (wb))
        continue;

      wa = GUINT64_TO_LE (wa);
      wb = GUINT64_TO_LE (wb);
      memcpy (a->str + a->len - 8, &wa, 8);
      memcpy (b->str + b->len - 8, &wb, 8);
      break;
    }

  g_assert_cmpuint (desk_hash_bytes (a->str, a->len, 0), ==, desk_hash_bytes (b->str, b->len, 0));
  *a_out = g_string_free (g_steal_pointer (&a), FALSE);
  *b_out = g_string_free (g_steal_pointer (&b), FALSE);
}

static void
test_source_id_collision (void)
{
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;
  g_autoptr(DeskSource) first = NULL;
  g_autoptr(DeskSource) second = NULL;
  g_autoptr(DeskSource) again = NULL;
  g_autoptr(DeskProject) project = desk_project_new ();
  g_autoptr(DeskProject) loaded = NULL;
  g_autoptr(GBytes) saved = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(DeskSuggester) suggester = desk_suggester_new ();
  GListModel *sources;
  DeskDraft *draft;
  gboolean merged = FALSE;

  forge_collision (&a, &b);
  first = read_bytes ("a.txt", a, -1);
  second = read_bytes ("b.txt", b, -1);
  again = read_bytes ("a-again.txt", a, -1);
  g_assert_cmpstr (desk_source_get_id (first), ==, desk_source_get_id (second));

  desk_project_add_source (project, first);
  desk_project_start_draft_from (project, first);
  desk_project_add_source (project, second);
  desk_project_add_source (project, again);   /* the same bytes: the same source */

  sources = desk_project_get_sources (project);
  g_assert_cmpuint (g_list_model_get_n_items (sources), ==, 2);
  g_assert_cmpstr (desk_source_get_id (first), !=, desk_source_get_id (second));
  g_assert_true (desk_project_find_source (project, desk_source_get_id (second)) == second);

  /* The second one's words reach the merge... */
  desk_suggester_accept_all (suggester, project);
  draft = desk_project_get_draft (project);
  for (guint i = 0; i < desk_draft_get_n_paragraphs (draft); i++)
    if (strstr (desk_paragraph_get_text (desk_draft_get_paragraph (draft, i)),
                "Firefighters battled the blaze"))
      merged = TRUE;
  g_assert_true (merged);

  /* ...and both survive a save and a reopen, each with its own provenance. */
  saved = desk_project_file_save_to_bytes (project);
  loaded = desk_project_file_load_from_bytes (saved, "collision.copydesk", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (desk_project_get_sources (loaded)), ==, 2);
  draft = desk_project_get_draft (loaded);
  for (guint i = 0; i < desk_draft_get_n_paragraphs (draft); i++)
    {
      DeskParagraph *paragraph = desk_draft_get_paragraph (draft, i);

      if (strstr (desk_paragraph_get_text (paragraph), "Firefighters battled the blaze"))
        g_assert_cmpstr (desk_paragraph_get_provenance_source (paragraph, 0), ==,
                         desk_source_get_id (second));
    }
}

/* ---- Many short lines ------------------------------------------------------------------- */

/* 19.9 MB of two-word lines: under the size limit, but 1.8 million paragraphs took 25 s
 * and 1.3 GB (7.1 GB on another machine). Now refused with a message naming the limit,
 * quickly and in bounded memory, through the core and through copydesk-merge (whose peak
 * memory is measured by wait4()). */
static void
test_many_short_lines (void)
{
  g_autofree char *dir = desk_test_make_temp_dir ("copydesk-hostile-day");
  g_autofree char *path = g_build_filename (dir, "lines.txt", NULL);
  g_autoptr(GString) text = g_string_sized_new (20 * 1000 * 1000);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(DeskSource) source = NULL;
  gint64 start;

  for (guint i = 0; text->len < 19900000; i++)
    g_string_append (text, i % 3 ? "ferry fire\n" : "harbour\n");
  bytes = g_bytes_new (text->str, text->len);

  start = g_get_monotonic_time ();
  source = desk_source_new_from_bytes (bytes, "lines.txt", DESK_SOURCE_ORIGIN_FILE, &error);
  desk_test_note_time (start, "19.9 MB of short lines");
  g_assert_null (source);
  g_assert_error (error, DESK_ERROR, DESK_ERROR_TOO_LARGE);
  g_assert_nonnull (strstr (error->message, "lines.txt"));
  g_assert_nonnull (strstr (error->message, "100000"));

  if (desk_test_have_tool ())
    {
      const char *argv[] = { g_getenv ("COPYDESK_MERGE"), "inspect", path, NULL };
      g_autoptr(GError) spawn_error = NULL;
      struct rusage usage;
      int status = 0;
      GPid pid;

      write_file (path, text->str, text->len);
      start = g_get_monotonic_time ();
      g_spawn_async (NULL, (char **)argv, NULL,
                     G_SPAWN_DO_NOT_REAP_CHILD | G_SPAWN_STDOUT_TO_DEV_NULL |
                     G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, &pid, &spawn_error);
      g_assert_no_error (spawn_error);
      g_assert_cmpint (wait4 (pid, &status, 0, &usage), ==, pid);
      desk_test_note_time (start, "copydesk-merge inspect on 19.9 MB of short lines");
      g_test_message ("peak memory: %ld kB", usage.ru_maxrss);
      g_assert_true (WIFEXITED (status));
      g_assert_cmpint (WEXITSTATUS (status), ==, 1);
      /* Ten times the input and a fixed allowance; not under AddressSanitizer (the
       * sanitize job sets ASAN_OPTIONS), whose shadow memory and quarantine are not ours,
       * nor under valgrind, where the child is forked from valgrind's own big image (which
       * ru_maxrss counts) before it runs copydesk-merge. */
      if (g_getenv ("ASAN_OPTIONS") == NULL && desk_test_time_factor () == 1.0)
        g_assert_cmpint (usage.ru_maxrss, <, (10 * 20000 + 64000));
      g_unlink (path);
    }
}

/* ---- A message of many stories ---------------------------------------------------------- */

/* Each story of a NewsML message was named by hashing the whole file with its number:
 * 20,000 items took 57 s. And `inspect` compared every pair of stories to find updates. */
static void
test_newsml_many_items (void)
{
  static const char item[] =
    "<newsItem guid=\"urn:test:%u\" version=\"1\" standard=\"NewsML-G2\"><itemMeta>"
    "<itemClass qcode=\"ninat:text\"/><provider literal=\"Reuters\"/></itemMeta><contentMeta>"
    "<slugline>STORY-%u</slugline><headline>Story %u about the council budget</headline>"
    "</contentMeta><contentSet><inlineXML contenttype=\"application/nitf+xml\"><nitf "
    "xmlns=\"http://iptc.org/std/NITF/2006-10-18/\"><body><body.content><p>The council met "
    "on Tuesday for meeting %u and said the budget would pass.</p></body.content></body>"
    "</nitf></inlineXML></contentSet></newsItem>\n";
  const guint n = desk_test_scaled (20000);
  g_autofree char *dir = desk_test_make_temp_dir ("copydesk-hostile-day");
  g_autofree char *path = g_build_filename (dir, "message.xml", NULL);
  g_autoptr(GString) text = g_string_new ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                                          "<newsMessage xmlns=\"http://iptc.org/std/nar/"
                                          "2006-10-01/\"><itemSet>\n");
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GPtrArray) sources = NULL;
  g_autoptr(GHashTable) ids = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GError) error = NULL;
  gint64 start;

  for (guint i = 0; i < n; i++)
    g_string_append_printf (text, item, i, i, i, i);
  g_string_append (text, "</itemSet></newsMessage>\n");
  bytes = g_bytes_new (text->str, text->len);

  start = g_get_monotonic_time ();
  sources = desk_source_new_all_from_bytes (bytes, "message.xml", DESK_SOURCE_ORIGIN_FILE,
                                            &error);
  desk_test_note_time (start, "20,000 NewsML-G2 items");
  g_assert_no_error (error);
  g_assert_cmpuint (sources->len, ==, n);
  for (guint i = 0; i < sources->len; i++)
    g_assert_true (g_hash_table_add (ids, (gpointer)desk_source_get_id (sources->pdata[i])));

  if (desk_test_have_tool ())
    {
      g_auto(DeskTestRun) run = { 0 };
      g_autofree char *last = g_strdup_printf ("message.xml (%u of %u)", n, n);

      write_file (path, text->str, text->len);
      desk_test_run_tool (&run, dir, "inspect", "message.xml");
      g_assert_cmpint (run.status, ==, 0);
      g_assert_nonnull (strstr (run.out, last));
    }
}

/* ---- Many attributes on one element --------------------------------------------------- */

/* libxml2 appends each attribute by walking the element's list: 50,000 attributes on one
 * element took 25 s. Refused at once, in HTML and in XML; a script with "<" in it, or a
 * page with a thousand short tags, is not mistaken for it. */
static void
test_many_attributes (void)
{
  g_autoptr(GString) attributes = g_string_new (NULL);
  g_autoptr(GString) script = g_string_new ("<html><head><title>Council passes the budget"
                                            "</title><script>");
  static const struct { const char *before; const char *after; } shapes[] = {
    { "<html><body><h1>Council passes the budget</h1><p ",
      ">The council met on Tuesday and said the budget would pass, the mayor said.</p>"
      "</body></html>" },
    { "<?xml version=\"1.0\"?><nitf><head><title>Council</title></head><body><body.content>"
      "<p ", ">The council met on Tuesday and said the budget would pass.</p></body.content>"
      "</body></nitf>" },
  };
  g_autoptr(DeskSource) page = NULL;

  for (guint i = 0; i < 50000; i++)
    g_string_append_printf (attributes, " a%u=\"x\"", i);

  for (guint s = 0; s < G_N_ELEMENTS (shapes); s++)
    {
      g_autofree char *text = g_strconcat (shapes[s].before, attributes->str, shapes[s].after,
                                           NULL);
      g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));
      g_autoptr(GError) error = NULL;
      g_autoptr(DeskSource) source = NULL;
      gint64 start = g_get_monotonic_time ();

      source = desk_source_new_from_bytes (bytes, "attributes", DESK_SOURCE_ORIGIN_FILE, &error);
      desk_test_note_time (start, "50,000 attributes");
      g_assert_null (source);
      g_assert_error (error, DESK_ERROR, DESK_ERROR_TOO_LARGE);
      g_assert_nonnull (strstr (error->message, "1000"));
    }

  /* Not mistaken: "<" in a script, words in comments, many tags. */
  for (guint i = 0; i < 5000; i++)
    g_string_append (script, "if (a <b && c > d) { x = 'it <is' + \"y\" ; } ");
  g_string_append (script, "</script></head><body><!-- ");
  for (guint i = 0; i < 5000; i++)
    g_string_append (script, "<p a b c d e f> ");
  g_string_append (script, "--><h1>Council passes the budget</h1>");
  for (guint i = 0; i < 3000; i++)
    g_string_append (script, "<p class=\"x\" id=\"y\">The council met on Tuesday and "
                             "said the budget would pass.</p>");
  g_string_append (script, "</body></html>");
  page = read_bytes ("script.html", script->str, script->len);
}

/* ---- Long drafts ------------------------------------------------------------------------ */

/* Export named each paragraph's sources after bringing the credits up to date, a pass over
 * the whole draft for every paragraph: 48,400 paragraphs took over two minutes. */
static void
test_export_long_draft (void)
{
  g_autoptr(GString) text = g_string_new ("A very long document\n\n");
  g_autoptr(DeskSource) source = NULL;
  g_autoptr(DeskProject) project = desk_project_new ();
  DeskExportFormat formats[] = { DESK_EXPORT_FORMAT_TEXT, DESK_EXPORT_FORMAT_HTML,
                                 DESK_EXPORT_FORMAT_MARKDOWN, DESK_EXPORT_FORMAT_NINJS };
  const guint n = desk_test_scaled (30000);
  g_autofree char *last = g_strdup_printf ("Paragraph %u:", n - 1);

  for (guint i = 0; i < n; i++)
    g_string_append_printf (text, "Paragraph %u: the council met the mayor on day %u.\n\n", i,
                            i % 7);
  source = read_bytes ("long.txt", text->str, text->len);
  desk_project_add_source (project, source);
  desk_project_start_draft_from (project, source);
  g_assert_cmpuint (desk_draft_get_n_paragraphs (desk_project_get_draft (project)), >=, n);

  for (guint f = 0; f < G_N_ELEMENTS (formats); f++)
    {
      g_autofree char *exported = NULL;
      DeskExportOptions options;
      gint64 start = g_get_monotonic_time ();

      desk_export_options_init (&options);
      options.format = formats[f];
      exported = desk_export_to_string (project, &options);
      desk_test_note_time (start, "export of a long draft");
      g_assert_nonnull (strstr (exported, last));
    }
}

/* Merge was quadratic in paragraphs: each sentence of a version walked every draft sentence
 * that shared a common word with it (10,000 paragraphs: 27 s; 20,000: 110 s; these
 * 15,000 generated ones took 17 s). */
static void
test_merge_many_paragraphs (void)
{
  static const char * const words[] = {
    "council", "budget", "vote", "mayor", "harbour", "ferry", "crew", "report", "river",
    "commission", "minister", "police", "school", "road", "water", "talks",
  };
  g_autoptr(GString) draft = g_string_new ("A very long story\n\n");
  g_autoptr(GString) version = g_string_new ("A very long story\n\n");
  g_autofree char *dir = NULL;
  g_auto(DeskTestRun) run = { 0 };
  const guint n = desk_test_scaled (15000);
  g_autofree char *middle = g_strdup_printf ("on day %u that", n * 2 / 3);
  g_autofree char *added = g_strdup_printf ("on day %u that", n + (n - 1) / 50 * 50);

  if (!desk_test_have_tool ())
    return;

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *paragraph =
        g_strdup_printf ("The %s %s said on day %u that %u %s members met the %s near %s %u.\n\n",
                         words[i % 16], words[(i / 16) % 16], i, (i * 7919) % 900,
                         words[(i / 3) % 16], words[(i / 5) % 16], words[(i / 7) % 16], i % 97);

      g_string_append (draft, paragraph);
      g_string_append (version, paragraph);
      if (i % 50 == 0)
        g_string_append_printf (version, "The %s said on day %u that the %s would meet again.\n\n",
                                words[i % 16], n + i, words[(i / 2) % 16]);
    }

  dir = desk_test_make_temp_dir ("copydesk-hostile-day");
  write_file_in (dir, "draft.txt", draft->str, draft->len);
  write_file_in (dir, "version.txt", version->str, version->len);

  desk_test_run_tool (&run, dir, "merge", "--draft", "draft.txt", "version.txt");
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, middle));
  g_assert_nonnull (strstr (run.out, added));
}

/* UTF-32, with or without a byte order mark, was called binary. */
static void
test_utf32 (void)
{
  static const char * const encodings[] = { "UTF-32LE", "UTF-32BE" };

  for (guint e = 0; e < G_N_ELEMENTS (encodings); e++)
    for (guint with_bom = 0; with_bom < 2; with_bom++)
      {
        g_autofree char *utf8 = g_strconcat (with_bom ? "\xef\xbb\xbf" : "", accented_story, NULL);
        gsize length = 0;
        g_autofree char *converted = g_convert (utf8, -1, encodings[e], "UTF-8", NULL, &length,
                                                NULL);
        g_autoptr(DeskSource) source = NULL;
        g_autofree char *text = NULL;

        g_assert_nonnull (converted);
        source = read_bytes (encodings[e], converted, length);
        text = source_text (source);
        g_assert_cmpstr (desk_source_get_encoding (source), ==, encodings[e]);
        g_assert_nonnull (strstr (text, "The council of Montréal voted on Tuesday"));
      }
}

/* Russian, Japanese and Chinese in their legacy encodings were read as Windows-1252,
 * mojibake without a word; each is now found and named. Western text stays Windows-1252. */
static void
test_legacy_encodings (void)
{
  static const char russian[] =
    "Городской совет утвердил бюджет\n\n"
    "Городской совет во вторник утвердил бюджет на следующий год, сообщил мэр города.\n\n"
    "Депутаты проголосовали семью голосами против двух.\n";
  static const char japanese[] =
    "市議会が予算を可決\n\n"
    "市議会は火曜日、来年度の予算を可決したと市長が発表した。\n\n"
    "議員たちは七対二で賛成し、会議は真夜中まで続いたという。\n";
  static const char chinese[] =
    "市议会通过预算\n\n"
    "市议会星期二通过了明年的预算，市长在长时间讨论后宣布。\n\n"
    "议员们以七票对两票通过，会议一直持续到午夜。\n";
  static const char french[] =
    "Le conseil adopte le budget\n\n"
    "Le conseil municipal a adopté mardi le budget de l’année prochaine, a déclaré le maire "
    "après un débat qui s’est prolongé jusqu’à minuit à l’hôtel de ville.\n";
  static const struct { const char *text; const char *iconv; const char *shown; } cases[] = {
    { russian, "WINDOWS-1251", "Windows-1251" },
    { russian, "KOI8-R", "KOI8-R" },
    { japanese, "SHIFT_JIS", "Shift-JIS" },
    { japanese, "EUC-JP", "EUC-JP" },
    { chinese, "GB18030", "GB18030" },
    { french, "WINDOWS-1252", "Windows-1252" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      gsize length = 0;
      g_autofree char *bytes = g_convert (cases[i].text, -1, cases[i].iconv, "UTF-8", NULL,
                                          &length, NULL);
      g_autoptr(DeskSource) source = NULL;
      g_autofree char *text = NULL;
      g_autofree char *first_line = g_strndup (cases[i].text, strchr (cases[i].text, '\n') -
                                                              cases[i].text);

      g_assert_nonnull (bytes);
      source = read_bytes (cases[i].iconv, bytes, length);
      text = source_text (source);
      g_assert_cmpstr (desk_source_get_encoding (source), ==, cases[i].shown);
      g_assert_nonnull (strstr (text, first_line));
    }
}

/* ---- Several stories in one teletype file ----------------------------------------------- */

static void
test_teletype_several_stories (void)
{
  static const struct { const char *first; const char *second; } cases[] = {
    { "ferry-v1.anpa", "ferry-v2.anpa" },
    { "ferry-v2.anpa", "ferry-v1.anpa" },
    { "ferry.7901", "ferry.7901" },
  };

  for (guint c = 0; c < G_N_ELEMENTS (cases); c++)
    {
      g_autofree char *first_path = g_test_build_filename (G_TEST_DIST, "data", "formats",
                                                           cases[c].first, NULL);
      g_autofree char *second_path = g_test_build_filename (G_TEST_DIST, "data", "formats",
                                                            cases[c].second, NULL);
      g_autofree char *first = read_file (first_path);
      g_autofree char *second = read_file (second_path);
      g_autofree char *both = g_strconcat (first, "\r\n", second, NULL);
      g_autoptr(GBytes) bytes = g_bytes_new (both, strlen (both));
      g_autoptr(GBytes) second_bytes = g_bytes_new (second, strlen (second));
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) sources = desk_source_new_all_from_bytes (bytes, "wire.txt",
                                                                     DESK_SOURCE_ORIGIN_FILE,
                                                                     &error);
      g_autoptr(DeskSource) alone = desk_source_new_from_bytes (second_bytes, "second",
                                                                DESK_SOURCE_ORIGIN_FILE, &error);
      g_autofree char *alone_text = NULL;
      g_autofree char *second_text = NULL;

      g_assert_no_error (error);
      g_assert_nonnull (sources);
      g_assert_cmpuint (sources->len, ==, 2);
      g_assert_cmpstr (desk_source_get_name (g_ptr_array_index (sources, 0)), ==,
                       "wire.txt (1 of 2)");
      g_assert_cmpstr (desk_source_get_name (g_ptr_array_index (sources, 1)), ==,
                       "wire.txt (2 of 2)");

      /* The second story reads as it does alone, and keeps its own bytes (a project
       * saves them, and reads the same story back from them). */
      alone_text = source_text (alone);
      second_text = source_text (g_ptr_array_index (sources, 1));
      g_assert_cmpstr (second_text, ==, alone_text);
      g_assert_cmpuint (g_bytes_get_size (desk_source_get_bytes (g_ptr_array_index (sources, 1))),
                        <, g_bytes_get_size (bytes));
    }
}

/* ---- What reaches a terminal, an export, the options ------------------------------------- */

static gboolean
has_terminal_controls (const char *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if ((c < 0x20 && c != '\n' && c != '\t') || (c >= 0x7f && c <= 0x9f) ||
          (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069))
        return TRUE;
    }
  return FALSE;
}

/* C1 controls (U+009B is CSI to many terminals), ESC and direction overrides in a source
 * or its name do not reach the terminal through inspect, suggest or error messages. */
static void
test_terminal_sanitized (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(GString) text = g_string_new ("Council \xc2\x9b" "31m vote \xe2\x80\xae" "reversed\n\n");
  const char *hostile_name = "bad\xc2\x9b" "2J\xe2\x80\xae" "name.txt";
  g_autofree char *missing = NULL;
  g_auto(DeskTestRun) inspect = { 0 };
  g_auto(DeskTestRun) suggest = { 0 };
  g_auto(DeskTestRun) error = { 0 };

  if (!desk_test_have_tool ())
    return;

  /* The same story as story.txt, so that the suggester proposes what it adds (a version
   * that shares nothing with the draft is another story and proposes nothing). */
  g_string_append (text, strchr (desk_test_story, '\n') + 2);
  g_string_append (text, "\n");
  for (guint i = 0; i < 3; i++)
    g_string_append_printf (text, "Paragraph %u: the ferry's crew met on Tuesday \xc2\x9b" "2J and "
                            "said \xe2\x81\xa6the harbour\xe2\x81\xa9 would reopen.\n\n", i);
  dir = desk_test_make_temp_dir ("copydesk-hostile-day");
  write_file_in (dir, hostile_name, text->str, text->len);
  write_file_in (dir, "story.txt", desk_test_story, -1);
  missing = g_strconcat ("missing\x1b]0;title\x07", hostile_name, NULL);

  desk_test_run_tool (&inspect, dir, "inspect", hostile_name);
  g_assert_cmpint (inspect.status, ==, 0);
  g_assert_nonnull (strstr (inspect.out, "Paragraph 1"));
  g_assert_false (has_terminal_controls (inspect.out));

  desk_test_run_tool (&suggest, dir, "suggest", "story.txt", hostile_name);
  g_assert_cmpint (suggest.status, ==, 0);
  g_assert_nonnull (strstr (suggest.out, "Paragraph 1"));
  g_assert_false (has_terminal_controls (suggest.out));

  desk_test_run_tool (&error, dir, "inspect", missing);
  g_assert_cmpint (error.status, ==, 1);
  g_assert_nonnull (strstr (error.err, "missing"));
  g_assert_false (has_terminal_controls (error.err));
}

/* Exports keep the text's characters but no invisible direction overrides or isolates. */
static void
test_export_bidi (void)
{
  static const char text[] =
    "Council vote\n\n"
    "The council voted \xe2\x80\xae" "7-2\xe2\x80\xac on Tuesday, and \xe2\x81\xa7\xd7\xa9\xd7\x9c"
    "\xd7\x95\xd7\x9d\xe2\x81\xa9 was the word of the day, the clerk \xe2\x80\x8f" "said.\n";
  g_autoptr(DeskSource) source = read_bytes ("bidi.txt", text, -1);
  g_autoptr(DeskProject) project = desk_project_new ();
  DeskExportFormat formats[] = { DESK_EXPORT_FORMAT_TEXT, DESK_EXPORT_FORMAT_HTML,
                                 DESK_EXPORT_FORMAT_MARKDOWN, DESK_EXPORT_FORMAT_NINJS };

  desk_project_add_source (project, source);
  desk_project_start_draft_from (project, source);

  for (guint f = 0; f < G_N_ELEMENTS (formats); f++)
    {
      g_autofree char *exported = NULL;
      DeskExportOptions options;

      desk_export_options_init (&options);
      options.format = formats[f];
      exported = desk_export_to_string (project, &options);
      g_assert_false (has_terminal_controls (exported));
      g_assert_nonnull (strstr (exported, "7-2"));
      g_assert_nonnull (strstr (exported, "\xd7\xa9\xd7\x9c\xd7\x95\xd7\x9d"));
      g_assert_nonnull (strstr (exported, "\xe2\x80\x8f"));   /* RLM, a mark, stays */
    }
}

/* "--" ends the options: what follows is a file, even if it starts with "-". */
static void
test_double_dash (void)
{
  g_autofree char *dir = NULL;
  g_auto(DeskTestRun) run = { 0 };

  if (!desk_test_have_tool ())
    return;

  dir = desk_test_make_temp_dir ("copydesk-hostile-day");
  write_file_in (dir, "-draft.txt", desk_test_story, -1);
  desk_test_run_tool (&run, dir, "inspect", "--", "-draft.txt");
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "Ferry fire kills 14"));
  g_assert_null (strstr (run.err, "--"));
}

/* Markdown: bare addresses stay text under GitHub's autolinks, and a scraped link whose
 * address holds parentheses loses all its syntax, not all but a stray ")". */
static void
test_markdown_autolinks (void)
{
  static const char text[] =
    "Council vote on the budget passes\n\n"
    "The council voted 7-2 on Tuesday to pass the budget, the clerk said, after a debate that "
    "ran past midnight in the town hall.\n\n"
    "The full report, which the council published on its website at "
    "https://example.org/report and at www.example.org, runs to 300 pages, and residents can "
    "write to clerk@example.org; see [the minutes](https://en.wikipedia.org/wiki/Budget_(2024)) "
    "and [the agenda](<https://example.org/a b> \"Agenda\") for the vote.\n";
  g_autoptr(DeskSource) source = read_bytes ("links.txt", text, -1);
  g_autoptr(DeskProject) project = desk_project_new ();
  g_autofree char *markdown = NULL;
  DeskExportOptions options;

  desk_project_add_source (project, source);
  desk_project_start_draft_from (project, source);
  desk_export_options_init (&options);
  options.format = DESK_EXPORT_FORMAT_MARKDOWN;
  markdown = desk_export_to_string (project, &options);

  g_assert_null (strstr (markdown, "https://"));
  g_assert_null (strstr (markdown, " www."));
  g_assert_null (strstr (markdown, "k@e"));
  g_assert_nonnull (strstr (markdown, "https\\://example.org/report"));
  g_assert_nonnull (strstr (markdown, "www\\.example.org"));
  g_assert_nonnull (strstr (markdown, "clerk\\@example.org"));
  g_assert_nonnull (strstr (markdown, "see the minutes and the agenda for the vote."));
}

/* A page whose story is only in its JSON-LD is read from there; a page with no story text
 * at all is read (its roles can be corrected) but copydesk-merge says so. */
static void
test_html_without_body (void)
{
  static const char json_ld_page[] =
    "<html><head><title>Council passes the budget</title>"
    "<script type=\"application/ld+json\">{\"@context\": \"https://schema.org\", "
    "\"@type\": \"NewsArticle\", \"headline\": \"Council passes the budget\", "
    "\"articleBody\": \"The council voted 7-2 on Tuesday to pass next year's budget, the "
    "mayor said after a debate that ran past midnight.\\n\\nResidents will pay two percent more "
    "in property tax, according to the figures the clerk published.\"}</script></head>"
    "<body><div id=\"app\"></div><nav><a href=\"/\">Home</a> <a href=\"/news\">News</a></nav>"
    "</body></html>";
  static const char empty_page[] =
    "<html><head><title>Council passes the budget</title></head><body>"
    "<nav><a href=\"/\">Home</a> <a href=\"/news\">News</a></nav>"
    "<h1>Council passes the budget</h1><footer>Copyright 2026</footer></body></html>";
  g_autoptr(DeskSource) source = read_bytes ("json-ld.html", json_ld_page, -1);
  g_autofree char *dir = NULL;
  g_auto(DeskTestRun) run = { 0 };

  g_assert_cmpuint (desk_source_count_blocks (source, DESK_BLOCK_ROLE_BODY), ==, 2);
  g_assert_cmpuint (count_blocks_containing (source, "Residents will pay two percent"), ==, 1);

  if (!desk_test_have_tool ())
    return;

  dir = desk_test_make_temp_dir ("copydesk-hostile-day");
  write_file_in (dir, "empty.html", empty_page, -1);
  desk_test_run_tool (&run, dir, "inspect", "empty.html");
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.err, "no story text"));
  g_assert_nonnull (strstr (run.err, "empty.html"));
}

/* ---- Main --------------------------------------------------------------------------------- */

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/hostile-day/output-stdout", test_output_stdout);
  g_test_add_func ("/hostile-day/output-special", test_output_special);
  g_test_add_func ("/hostile-day/output-is-project", test_output_is_project);
  g_test_add_func ("/hostile-day/save-links", test_save_links);
  g_test_add_func ("/hostile-day/save-owner", test_save_owner);
  g_test_add_func ("/hostile-day/save-long-name", test_save_long_name);
  g_test_add_func ("/hostile-day/project-concurrent", test_project_concurrent);
  g_test_add_func ("/hostile-day/project-locked", test_project_locked);
  g_test_add_func ("/hostile-day/not-files", test_not_files);
  g_test_add_func ("/hostile-day/json-nul-escape", test_json_nul_escape);
  g_test_add_func ("/hostile-day/html-windows-1252-references", test_html_windows_1252_references);
  g_test_add_func ("/hostile-day/html-deep-nesting", test_html_deep_nesting);
  g_test_add_func ("/hostile-day/teletype-several-stories", test_teletype_several_stories);
  g_test_add_func ("/hostile-day/unicode-nfd", test_unicode_nfd);
  g_test_add_func ("/hostile-day/unicode-long-runs", test_unicode_long_runs);
  g_test_add_func ("/hostile-day/utf32", test_utf32);
  g_test_add_func ("/hostile-day/legacy-encodings", test_legacy_encodings);
  g_test_add_func ("/hostile-day/source-id-collision", test_source_id_collision);
  g_test_add_func ("/hostile-day/export-long-draft", test_export_long_draft);
  g_test_add_func ("/hostile-day/merge-many-paragraphs", test_merge_many_paragraphs);
  g_test_add_func ("/hostile-day/many-short-lines", test_many_short_lines);
  g_test_add_func ("/hostile-day/newsml-many-items", test_newsml_many_items);
  g_test_add_func ("/hostile-day/many-attributes", test_many_attributes);
  g_test_add_func ("/hostile-day/terminal-sanitized", test_terminal_sanitized);
  g_test_add_func ("/hostile-day/export-bidi", test_export_bidi);
  g_test_add_func ("/hostile-day/double-dash", test_double_dash);
  g_test_add_func ("/hostile-day/markdown-autolinks", test_markdown_autolinks);
  g_test_add_func ("/hostile-day/html-without-body", test_html_without_body);
  g_test_add_func ("/hostile-day/unicode-joiners-and-nel", test_unicode_joiners_and_nel);

  return g_test_run ();
}
