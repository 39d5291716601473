/* copydesk-merge.c: Copydesk's command-line tool
 *
 * A thin shell over the core: it parses options, calls the same functions the editor
 * calls, and prints. Exit status: 0 on success, 1 when a source cannot be read or an
 * output cannot be written, 2 on a usage error.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "desk-bench.h"
#include "desk-export.h"
#include "desk-json-writer.h"
#include "desk-project-file.h"
#include "desk-project.h"
#include "desk-source.h"
#include "desk-suggester.h"
#include "desk-varieties.h"

#define EXIT_READ_ERROR 1
#define EXIT_USAGE      2

/* How long `merge --project` waits for another run on the same project to finish, by
 * default, in seconds. */
#define PROJECT_LOCK_WAIT 60

typedef int (*CommandFunc) (int argc, char **argv);

typedef struct
{
  const char  *name;
  CommandFunc  func;
  const char  *summary;
} Command;

/* ---- JSON ---------------------------------------------------------------------------- */

static void
add_string (DeskJsonWriter *writer,
            const char     *member,
            const char     *value)
{
  desk_json_writer_member (writer, member);
  desk_json_writer_string (writer, value);
}

static void
add_int (DeskJsonWriter *writer,
         const char     *member,
         gint64          value)
{
  desk_json_writer_member (writer, member);
  desk_json_writer_int (writer, value);
}

/* write_source_json:
 * Writes the source as `copydesk-merge inspect --json` prints it: path, id, title, agency,
 * byline, dateline, date, encoding, format, slug, guid, version, signal, repaired, invalid,
 * credits (name, organization, role) and, with @with_blocks, blocks (role, text, start,
 * end, reason), with roles as their lower-case words. */
static void
write_source_json (DeskJsonWriter *writer,
                   DeskSource     *source,
                   gboolean        with_blocks)
{
  g_autofree char *byline = NULL;
  GListModel *credits;
  GListModel *blocks;

  credits = desk_source_get_credits (source);
  blocks = desk_source_get_blocks (source);
  if (desk_source_get_bylines (source)[0] != NULL)
    byline = g_strjoinv (", ", (GStrv)desk_source_get_bylines (source));

  desk_json_writer_begin_object (writer);
  add_string (writer, "path", desk_source_get_name (source));
  add_string (writer, "id", desk_source_get_id (source));
  add_string (writer, "title", desk_source_get_title (source));
  add_string (writer, "agency", desk_source_get_agency (source));
  add_string (writer, "byline", byline);
  add_string (writer, "dateline", desk_source_get_dateline (source));
  add_string (writer, "date", desk_source_get_date (source));
  add_string (writer, "encoding", desk_source_get_encoding (source));
  add_string (writer, "format", desk_source_get_format (source));
  add_string (writer, "slug", desk_source_get_slug (source));
  add_string (writer, "guid", desk_source_get_guid (source));
  add_int (writer, "version", desk_source_get_version (source));
  add_string (writer, "signal", desk_source_get_signal (source));
  add_int (writer, "repaired", desk_source_get_n_repaired (source));
  add_int (writer, "invalid", desk_source_get_n_invalid (source));

  desk_json_writer_member (writer, "credits");
  desk_json_writer_begin_array (writer);
  for (guint i = 0; i < g_list_model_get_n_items (credits); i++)
    {
      g_autoptr(DeskCredit) credit = g_list_model_get_item (credits, i);

      desk_json_writer_begin_object (writer);
      add_string (writer, "name", desk_credit_get_name (credit));
      add_string (writer, "organization", desk_credit_get_organization (credit));
      add_string (writer, "role", desk_credit_get_role (credit));
      desk_json_writer_end_object (writer);
    }
  desk_json_writer_end_array (writer);

  if (with_blocks)
    {
      desk_json_writer_member (writer, "blocks");
      desk_json_writer_begin_array (writer);
      for (guint i = 0; i < g_list_model_get_n_items (blocks); i++)
        {
          g_autoptr(DeskBlock) block = g_list_model_get_item (blocks, i);

          desk_json_writer_begin_object (writer);
          add_string (writer, "role", desk_block_role_to_string (desk_block_get_role (block)));
          add_string (writer, "text", desk_block_get_text (block));
          add_int (writer, "start", desk_block_get_start (block));
          add_int (writer, "end", desk_block_get_end (block));
          add_string (writer, "reason", desk_block_get_reason (block));
          desk_json_writer_end_object (writer);
        }
      desk_json_writer_end_array (writer);
    }

  desk_json_writer_end_object (writer);
}

static gboolean
parse_options (GOptionContext  *context,
               int             *argc,
               char          ***argv,
               int             *status)
{
  g_autoptr(GError) error = NULL;

  if (!g_option_context_parse (context, argc, argv, &error))
    {
      g_printerr ("copydesk-merge: %s\n", error->message);
      *status = EXIT_USAGE;
      return FALSE;
    }

  /* GLib stops at "--" but leaves it among the arguments: it ends the options, and is
   * no file name ("copydesk-merge inspect -- -draft.txt"). */
  for (int i = 1; i < *argc; i++)
    if (g_str_equal ((*argv)[i], "--"))
      {
        memmove (*argv + i, *argv + i + 1, (*argc - i) * sizeof (char *));
        (*argc)--;
        break;
      }

  return TRUE;
}

/* Characters that must not reach a terminal as they are: C0 controls but tab and line
 * feed, DEL, C1 controls (U+0080–U+009F: U+009B is a CSI to many terminals) and the
 * invisible direction overrides and isolates, which can make a line read otherwise than
 * it is. */
static gboolean
is_unsafe_for_terminal (gunichar c)
{
  return (c < 0x20 && c != '\t' && c != '\n') || (c >= 0x7f && c <= 0x9f) ||
         (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069);
}

/* What g_print() and g_printerr() write, made safe: text from sources, their names and
 * messages quoting them may hold escape sequences (ESC [ 2 J clears the screen, ESC ] 0
 * sets the window title). Each unsafe character is shown as U+FFFD, and bytes that are
 * not UTF-8 too. */
static char *
sanitize_for_terminal (const char *text)
{
  g_autofree char *valid = g_utf8_make_valid (text, -1);
  GString *out = g_string_sized_new (strlen (valid));

  for (const char *p = valid; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (is_unsafe_for_terminal (c))
        g_string_append (out, "\xef\xbf\xbd");
      else
        g_string_append_len (out, p, g_utf8_next_char (p) - p);
    }

  return g_string_free (out, FALSE);
}

static void
write_sanitized (FILE       *stream,
                 const char *text)
{
  g_autofree char *safe = sanitize_for_terminal (text);
  const char *charset = NULL;

  if (g_get_console_charset (&charset))
    fputs (safe, stream);
  else
    {
      g_autofree char *converted = g_convert_with_fallback (safe, -1, charset, "UTF-8", "?",
                                                            NULL, NULL, NULL);

      fputs (converted != NULL ? converted : safe, stream);
    }
  fflush (stream);
}

static void
print_sanitized (const char *text)
{
  write_sanitized (stdout, text);
}

static void
printerr_sanitized (const char *text)
{
  write_sanitized (stderr, text);
}

typedef struct
{
  GPtrArray *sources;   /* GPtrArray of DeskSource, or NULL, in command-line order */
  GPtrArray *errors;    /* GError or NULL, likewise */
  guint      pending;
} Loading;

typedef struct
{
  Loading *loading;
  guint    index;
} LoadingSlot;

static void
source_loaded_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  LoadingSlot *slot = user_data;
  GError *error = NULL;
  GPtrArray *stories = desk_source_new_all_for_file_finish (result, &error);

  slot->loading->sources->pdata[slot->index] = stories;
  slot->loading->errors->pdata[slot->index] = error;
  slot->loading->pending--;
  g_free (slot);
}

/* Reads every source named on the command line, several at a time in worker threads, and
 * keeps their order; a news message with several stories gives a source for each. On a
 * failure prints why, for the first failing file in that order, and returns NULL. */
static GPtrArray *
load_sources (char  **paths,
              int     n_paths)
{
  Loading loading = { 0 };
  g_autoptr(GPtrArray) sources = g_ptr_array_new_with_free_func (g_object_unref);
  gboolean failed = FALSE;

  loading.sources = g_ptr_array_new ();
  loading.errors = g_ptr_array_new ();
  g_ptr_array_set_size (loading.sources, n_paths);
  g_ptr_array_set_size (loading.errors, n_paths);
  loading.pending = n_paths;

  for (int i = 0; i < n_paths; i++)
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (paths[i]);
      LoadingSlot *slot = g_new0 (LoadingSlot, 1);

      slot->loading = &loading;
      slot->index = i;
      desk_source_new_all_for_file_async (file, 0, NULL, source_loaded_cb, slot);
    }

  while (loading.pending > 0)
    g_main_context_iteration (NULL, TRUE);

  for (int i = 0; i < n_paths; i++)
    {
      GPtrArray *stories = loading.sources->pdata[i];
      GError *error = loading.errors->pdata[i];

      if (error != NULL && !failed)
        {
          g_printerr ("copydesk-merge: %s\n", error->message);
          failed = TRUE;
        }
      g_clear_error (&error);

      for (guint k = 0; stories != NULL && k < stories->len; k++)
        {
          DeskSource *story = g_ptr_array_index (stories, k);

          /* Read, but nothing in it looked like the story's text: say so, rather than
           * merge nothing from it without a word. */
          if (desk_source_count_blocks (story, DESK_BLOCK_ROLE_BODY) == 0)
            g_printerr (_("copydesk-merge: warning: Copydesk found no story text in “%s”, "
                          "only headings and page furniture\n"),
                        desk_source_get_name (story));
          g_ptr_array_add (sources, g_object_ref (story));
        }
      g_clear_pointer (&stories, g_ptr_array_unref);
    }

  g_ptr_array_unref (loading.sources);
  g_ptr_array_unref (loading.errors);

  return failed ? NULL : g_steal_pointer (&sources);
}

/* "  label      value": the label padded to ten characters (not bytes: a translated label
 * may have accents). */
static void
print_field (const char *label,
             const char *value,
             gboolean    newline)
{
  glong width = g_utf8_strlen (label, -1);

  g_print ("  %s%*s %s%s", label, (int)MAX (0, 10 - width), "", value, newline ? "\n" : "");
}

static void
print_wrapped (const char *label,
               const char *text)
{
  const guint width = 88;
  g_autofree char *shown = NULL;

  if (g_utf8_strlen (text, -1) > width)
    {
      g_autofree char *cut = g_utf8_substring (text, 0, width - 1);
      shown = g_strconcat (cut, "…", NULL);
    }
  else
    shown = g_strdup (text);

  print_field (label, shown, TRUE);
}

static void
print_source (DeskSource *source)
{
  GListModel *credits = desk_source_get_credits (source);
  GListModel *blocks = desk_source_get_blocks (source);
  const char * const *bylines = desk_source_get_bylines (source);
  g_autofree char *byline = bylines[0] ? g_strjoinv (", ", (GStrv)bylines) : NULL;
  const char *unknown = "—";

  g_print ("%s\n", desk_source_get_name (source));
  print_field (_("title"), desk_source_get_title (source) ?: unknown, TRUE);
  print_field (_("agency"), desk_source_get_agency (source) ?: unknown, TRUE);
  print_field (_("byline"), byline ?: unknown, TRUE);
  print_field (_("dateline"), desk_source_get_dateline (source) ?: unknown, TRUE);
  print_field (_("date"), desk_source_get_date (source) ?: unknown, TRUE);
  print_field (_("format"), desk_source_get_format (source), FALSE);
  if (desk_source_get_slug (source) != NULL)
    g_print (", %s %s", _("slug"), desk_source_get_slug (source));
  if (desk_source_get_version (source) > 0)
    g_print (", %s %d", _("version"), desk_source_get_version (source));
  if (desk_source_get_signal (source) != NULL)
    g_print (", %s", desk_source_get_signal (source));
  g_print ("\n");
  print_field (_("encoding"), desk_source_get_encoding (source), FALSE);
  if (desk_source_get_n_repaired (source) > 0)
    g_print (ngettext (", %u broken character repaired", ", %u broken characters repaired",
                       desk_source_get_n_repaired (source)),
             desk_source_get_n_repaired (source));
  if (desk_source_get_n_invalid (source) > 0)
    g_print (ngettext (", %u invalid byte replaced", ", %u invalid bytes replaced",
                       desk_source_get_n_invalid (source)),
             desk_source_get_n_invalid (source));
  g_print ("\n");

  for (guint i = 0; i < g_list_model_get_n_items (credits); i++)
    {
      g_autoptr(DeskCredit) credit = g_list_model_get_item (credits, i);
      const char *name = desk_credit_get_name (credit);
      const char *org = desk_credit_get_organization (credit);
      g_autofree char *line = NULL;

      if (name != NULL && name[0] != '\0')
        line = g_strdup_printf ("%s%s%s (%s)", name, org ? ", " : "", org ? org : "",
                                desk_credit_get_role (credit));
      else
        line = g_strdup_printf ("%s (%s)", org ? org : unknown, desk_credit_get_role (credit));
      print_field (i == 0 ? _("credits") : "", line, TRUE);
    }

  g_print ("  %s\n", _("blocks"));
  for (guint i = 0; i < g_list_model_get_n_items (blocks); i++)
    {
      g_autoptr(DeskBlock) block = g_list_model_get_item (blocks, i);

      print_wrapped (desk_block_role_to_string (desk_block_get_role (block)),
                     desk_block_get_text (block));
    }
  g_print ("\n");
}

/* What a command built is left for the end of the process to give back. Freeing a large
 * roundup object by object (tens of thousands of blocks) is a sixth of `suggest` on it,
 * and the system takes the memory back at once when the process exits. It stays
 * reachable from here, so leak checkers count it as in use, not lost. */
static GPtrArray *kept_until_exit;

static void
keep_until_exit (gpointer object)
{
  if (kept_until_exit == NULL)
    kept_until_exit = g_ptr_array_new ();
  g_ptr_array_add (kept_until_exit, object);
}

/* Ends a JSON output; prints why when it could not be written (a full disk, a closed
 * pipe). */
static gboolean
finish_json (DeskJsonWriter *writer)
{
  g_autoptr(GError) error = NULL;

  if (!desk_json_writer_finish (writer, &error))
    {
      g_printerr (_("copydesk-merge: could not write the output: %s\n"), error->message);
      return FALSE;
    }

  return TRUE;
}

static int
command_inspect (int    argc,
                 char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GPtrArray) sources = NULL;
  gboolean as_json = FALSE;
  int status = 0;
  const GOptionEntry entries[] = {
    { "json", 'j', 0, G_OPTION_ARG_NONE, &as_json, N_("Print JSON"), NULL },
    { NULL }
  };

  context = g_option_context_new (_("FILE… — show how Copydesk reads each source"));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_description (context,
    _("Prints each source’s headline, agency, byline, dateline, date, encoding, credits,\n"
      "and every block with the role Copydesk gave it (headline, deck, byline, dateline,\n"
      "caption, body, credit, furniture).\n\n"
      "Examples:\n"
      "  copydesk-merge inspect story.txt\n"
      "  copydesk-merge inspect --json seeds/harbour-fire/*.txt"));

  if (!parse_options (context, &argc, &argv, &status))
    return status;

  if (argc < 2)
    {
      g_printerr ("copydesk-merge: %s\n", _("inspect needs at least one FILE"));
      return EXIT_USAGE;
    }

  if (!(sources = load_sources (argv + 1, argc - 1)))
    return EXIT_READ_ERROR;

  if (as_json)
    {
      g_autoptr(DeskJsonWriter) writer = desk_json_writer_new (stdout);

      desk_json_writer_begin_object (writer);
      desk_json_writer_member (writer, "sources");
      desk_json_writer_begin_array (writer);
      for (guint i = 0; i < sources->len; i++)
        write_source_json (writer, g_ptr_array_index (sources, i), TRUE);
      desk_json_writer_end_array (writer);
      desk_json_writer_end_object (writer);

      if (!finish_json (writer))
        status = EXIT_READ_ERROR;
    }
  else
    {
      g_autoptr(GPtrArray) updates = desk_source_find_updates ((DeskSource **)sources->pdata,
                                                               sources->len);

      for (guint i = 0; i < sources->len; i++)
        {
          GPtrArray *earlier = g_ptr_array_index (updates, i);

          print_source (g_ptr_array_index (sources, i));
          for (guint k = 0; k < earlier->len; k++)
            g_print (_("  (an update of %s)\n"),
                     desk_source_get_name (g_ptr_array_index (earlier, k)));
        }
    }

  keep_until_exit (g_steal_pointer (&sources));
  return status;
}


/* Builds the project that suggest, merge and export work on: the one in @project_path
 * (a new one if that file does not exist yet) with the SOURCEs added; the draft starts
 * from --draft, or from the first source, unless the project has one already. */
static DeskProject *
load_project (const char  *draft_path,
              const char  *project_path,
              char       **paths,
              int          n_paths)
{
  g_autoptr(DeskProject) project = NULL;
  g_autoptr(GPtrArray) sources = NULL;
  g_autoptr(GPtrArray) draft_sources = NULL;
  char *draft_arg[1] = { (char *)draft_path };
  gboolean has_draft;

  if (project_path != NULL && g_file_test (project_path, G_FILE_TEST_EXISTS))
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (project_path);
      g_autoptr(GError) error = NULL;

      if (!(project = desk_project_file_load (file, NULL, &error)))
        {
          g_printerr ("copydesk-merge: %s\n", error->message);
          return NULL;
        }
    }
  else
    project = desk_project_new ();

  if (draft_path != NULL && !(draft_sources = load_sources (draft_arg, 1)))
    return NULL;
  if (!(sources = load_sources (paths, n_paths)))
    return NULL;

  has_draft = desk_project_get_draft_source_id (project) != NULL ||
              desk_draft_get_n_paragraphs (desk_project_get_draft (project)) > 0;

  if (draft_sources != NULL)
    {
      desk_project_add_source (project, g_ptr_array_index (draft_sources, 0));
      desk_project_start_draft_from (project, g_ptr_array_index (draft_sources, 0));
    }
  else if (!has_draft && sources->len > 0)
    desk_project_start_draft_from (project, g_ptr_array_index (sources, 0));

  desk_project_add_sources (project, (DeskSource **)sources->pdata, sources->len);

  return g_steal_pointer (&project);
}

static gboolean
save_project (DeskProject *project,
              const char  *project_path)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (project_path);
  g_autoptr(GError) error = NULL;

  if (!desk_project_file_save (project, file, NULL, &error))
    {
      g_printerr ("copydesk-merge: %s\n", error->message);
      return FALSE;
    }

  return TRUE;
}

static void
write_suggestion (DeskJsonWriter *writer,
                  DeskSuggestion *suggestion)
{
  const char *draft_text = desk_suggestion_get_draft_text (suggestion);

  desk_json_writer_begin_object (writer);
  desk_json_writer_member (writer, "kind");
  desk_json_writer_string (writer, desk_suggestion_kind_to_string (desk_suggestion_get_kind (suggestion)));
  desk_json_writer_member (writer, "text");
  desk_json_writer_string (writer, desk_suggestion_get_text (suggestion));
  desk_json_writer_member (writer, "new_text");
  desk_json_writer_string (writer, desk_suggestion_get_new_text (suggestion));
  if (draft_text != NULL)
    {
      desk_json_writer_member (writer, "draft_text");
      desk_json_writer_string (writer, draft_text);
    }
  desk_json_writer_member (writer, "sources");
  desk_json_writer_begin_array (writer);
  for (guint i = 0; i < desk_suggestion_get_n_sources (suggestion); i++)
    {
      desk_json_writer_begin_object (writer);
      desk_json_writer_member (writer, "path");
      desk_json_writer_string (writer, desk_suggestion_get_source_name (suggestion, i));
      desk_json_writer_member (writer, "block");
      desk_json_writer_int (writer, desk_suggestion_get_source_block (suggestion, i));
      desk_json_writer_end_object (writer);
    }
  desk_json_writer_end_array (writer);
  desk_json_writer_member (writer, "after");
  desk_json_writer_int (writer, desk_suggestion_get_after (suggestion));
  desk_json_writer_member (writer, "target");
  desk_json_writer_int (writer, desk_suggestion_get_target (suggestion));
  desk_json_writer_member (writer, "score");
  desk_json_writer_double (writer, round (desk_suggestion_get_score (suggestion) * 1000) / 1000);
  desk_json_writer_member (writer, "alternatives");
  desk_json_writer_begin_array (writer);
  for (guint i = 0; i < desk_suggestion_get_n_alternatives (suggestion); i++)
    {
      desk_json_writer_begin_object (writer);
      desk_json_writer_member (writer, "path");
      desk_json_writer_string (writer, desk_suggestion_get_alternative_source (suggestion, i));
      desk_json_writer_member (writer, "text");
      desk_json_writer_string (writer, desk_suggestion_get_alternative_text (suggestion, i));
      desk_json_writer_end_object (writer);
    }
  desk_json_writer_end_array (writer);
  desk_json_writer_end_object (writer);
}

static void
print_suggestion (DeskSuggestion *suggestion,
                  guint           number)
{
  DeskSuggestionKind kind = desk_suggestion_get_kind (suggestion);
  g_autoptr(GString) sources = g_string_new (NULL);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree char *where = NULL;

  /* Each source once, though it may carry the suggestion in several paragraphs. */
  for (guint i = 0; i < desk_suggestion_get_n_sources (suggestion); i++)
    {
      const char *name = desk_suggestion_get_source_name (suggestion, i);
      g_autofree char *base = NULL;

      if (!g_hash_table_add (seen, (gpointer)name))
        continue;
      base = g_path_get_basename (name);
      g_string_append_printf (sources, "%s%s", sources->len ? ", " : "", base);
    }

  if (kind == DESK_SUGGESTION_MISSING)
    where = desk_suggestion_get_after (suggestion) < 0
            ? g_strdup (_("at the top"))
            : g_strdup_printf (_("after paragraph %d"), desk_suggestion_get_after (suggestion) + 1);
  else if (kind == DESK_SUGGESTION_HEADLINE)
    where = g_strdup (_("headline"));
  else
    where = g_strdup_printf (_("in paragraph %d"), desk_suggestion_get_target (suggestion) + 1);

  g_print ("%u. %s, %s — %s\n", number, desk_suggestion_kind_to_string (kind), where, sources->str);
  g_print ("   %s\n", desk_suggestion_get_text (suggestion));
  if (desk_suggestion_get_draft_text (suggestion) != NULL)
    g_print ("   %s %s\n", _("draft:"), desk_suggestion_get_draft_text (suggestion));
  if (desk_suggestion_get_new_text (suggestion) != NULL)
    g_print ("   %s %s\n", _("new:"), desk_suggestion_get_new_text (suggestion));
  g_print ("\n");
}

static int
command_suggest (int    argc,
                 char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(DeskProject) project = NULL;
  g_autoptr(DeskSuggester) suggester = desk_suggester_new ();
  g_autoptr(GPtrArray) suggestions = NULL;
  g_autofree char *draft_path = NULL;
  g_autofree char *project_path = NULL;
  gboolean as_json = FALSE;
  gboolean variants = FALSE;
  gboolean with_blocks = FALSE;
  int status = 0;
  const GOptionEntry entries[] = {
    { "json", 'j', 0, G_OPTION_ARG_NONE, &as_json, N_("Print JSON"), NULL },
    { "draft", 'd', 0, G_OPTION_ARG_FILENAME, &draft_path, N_("Start the draft from FILE"), N_("FILE") },
    { "project", 'p', 0, G_OPTION_ARG_FILENAME, &project_path, N_("Work on the project in FILE (it is not changed)"), N_("FILE") },
    { "variants", 0, 0, G_OPTION_ARG_NONE, &variants, N_("Also propose sentences the draft has in other words"), NULL },
    { "blocks", 0, 0, G_OPTION_ARG_NONE, &with_blocks, N_("With --json, also print every block of every source"), NULL },
    { NULL }
  };

  context = g_option_context_new (_("SOURCE… — propose what the draft lacks"));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_description (context,
    _("Without --draft, the first SOURCE is the draft and the others are compared with it.\n"
      "Kinds: missing (a paragraph the draft lacks), addition (sentences or a clause a\n"
      "source adds to a draft paragraph), conflict (a number, day or name that differs),\n"
      "variant (with --variants), headline.\n"
      "With --json, the draft, each source’s details and credits, and the suggestions;\n"
      "--blocks adds every block of every source (inspect --json prints them too).\n\n"
      "Examples:\n"
      "  copydesk-merge suggest short.txt long.txt reprint.txt\n"
      "  copydesk-merge suggest --json --draft mine.txt wire/*.txt\n"
      "  copydesk-merge suggest --project roundup.copydesk"));

  if (!parse_options (context, &argc, &argv, &status))
    return status;

  if (project_path == NULL && (argc < 2 || (draft_path == NULL && argc < 3)))
    {
      g_printerr ("copydesk-merge: %s\n", _("suggest needs a draft and at least one SOURCE, or --project"));
      return EXIT_USAGE;
    }

  if (!(project = load_project (draft_path, project_path, argv + 1, argc - 1)))
    return EXIT_READ_ERROR;

  desk_suggester_set_show_variants (suggester, variants);
  suggestions = desk_suggester_suggest (suggester, project);

  if (as_json)
    {
      g_autoptr(DeskJsonWriter) writer = desk_json_writer_new (stdout);
      GListModel *sources = desk_project_get_sources (project);
      DeskDraft *draft = desk_project_get_draft (project);

      desk_json_writer_begin_object (writer);
      desk_json_writer_member (writer, "draft");
      desk_json_writer_begin_object (writer);
      desk_json_writer_member (writer, "headline");
      desk_json_writer_string (writer, desk_draft_get_headline (draft) ?: "");
      desk_json_writer_member (writer, "paragraphs");
      desk_json_writer_begin_array (writer);
      for (guint i = 0; i < desk_draft_get_n_paragraphs (draft); i++)
        desk_json_writer_string (writer, desk_paragraph_get_text (desk_draft_get_paragraph (draft, i)));
      desk_json_writer_end_array (writer);
      desk_json_writer_end_object (writer);

      desk_json_writer_member (writer, "sources");
      desk_json_writer_begin_array (writer);
      for (guint i = 0; i < g_list_model_get_n_items (sources); i++)
        {
          g_autoptr(DeskSource) source = g_list_model_get_item (sources, i);
          write_source_json (writer, source, with_blocks);
        }
      desk_json_writer_end_array (writer);

      desk_json_writer_member (writer, "learned_aliases");
      desk_json_writer_begin_array (writer);
      for (const char * const *l = desk_suggester_get_learned_aliases (suggester); l && *l; l++)
        desk_json_writer_string (writer, *l);
      desk_json_writer_end_array (writer);

      desk_json_writer_member (writer, "suggestions");
      desk_json_writer_begin_array (writer);
      for (guint i = 0; i < suggestions->len; i++)
        write_suggestion (writer, g_ptr_array_index (suggestions, i));
      desk_json_writer_end_array (writer);
      desk_json_writer_end_object (writer);

      if (!finish_json (writer))
        status = EXIT_READ_ERROR;
    }
  else
    {
      for (guint i = 0; i < suggestions->len; i++)
        print_suggestion (g_ptr_array_index (suggestions, i), i + 1);
      if (suggestions->len == 0)
        g_print ("%s\n", _("The draft lacks nothing the sources have."));
      for (const char * const *l = desk_suggester_get_learned_aliases (suggester); l && *l; l++)
        g_print (_("Read as one name: %s\n"), *l);
    }

  keep_until_exit (g_steal_pointer (&project));
  return status;
}

static gboolean
parse_credit_style (const char      *name,
                    DeskCreditStyle *style)
{
  if (name == NULL || g_str_equal (name, "contributor"))
    *style = DESK_CREDIT_STYLE_CONTRIBUTOR_LINE;
  else if (g_str_equal (name, "agency"))
    *style = DESK_CREDIT_STYLE_AGENCY_LINE;
  else if (g_str_equal (name, "none"))
    *style = DESK_CREDIT_STYLE_NONE;
  else
    return FALSE;

  return TRUE;
}

/* The options that say how to write the story, shared by merge and export. */
typedef struct
{
  char    *format;
  char    *output;
  char    *credit_style;
  int      wrap;
  gboolean ascii;
  gboolean fragment;
} ExportArgs;

static void
export_args_clear (ExportArgs *args)
{
  g_clear_pointer (&args->format, g_free);
  g_clear_pointer (&args->output, g_free);
  g_clear_pointer (&args->credit_style, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (ExportArgs, export_args_clear)

static void
add_export_options (GOptionContext *context,
                    ExportArgs     *args)
{
  const GOptionEntry entries[] = {
    { "format", 'f', 0, G_OPTION_ARG_STRING, &args->format, N_("text (the default), html, markdown or ninjs"), N_("FORMAT") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &args->output, N_("Write to FILE instead of standard output"), N_("FILE") },
    { "credit-style", 0, 0, G_OPTION_ARG_STRING, &args->credit_style, N_("contributor (the default), agency or none"), N_("STYLE") },
    { "wrap", 'w', 0, G_OPTION_ARG_INT, &args->wrap, N_("Text: wrap lines at COLUMNS"), N_("COLUMNS") },
    { "ascii", 0, 0, G_OPTION_ARG_NONE, &args->ascii, N_("Fold typographic quotes and dashes to ASCII"), NULL },
    { "fragment", 0, 0, G_OPTION_ARG_NONE, &args->fragment, N_("HTML: an <article> to paste into a CMS"), NULL },
    { NULL }
  };

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
}

/* Checks the export options; prints what is wrong and returns FALSE on a usage error. */
static gboolean
export_options_from_args (const ExportArgs  *args,
                          DeskExportOptions *options)
{
  desk_export_options_init (options);

  if (args->format != NULL && !desk_export_format_from_string (args->format, &options->format))
    {
      g_printerr (_("copydesk-merge: unknown format “%s”: use text, html, markdown or ninjs\n"), args->format);
      return FALSE;
    }
  if (!parse_credit_style (args->credit_style, &options->credit_style))
    {
      g_printerr (_("copydesk-merge: unknown credit style “%s”: use contributor, agency or none\n"),
                  args->credit_style);
      return FALSE;
    }
  if (args->wrap < 0)
    {
      g_printerr ("copydesk-merge: %s\n", _("--wrap needs a number of columns, or 0 for none"));
      return FALSE;
    }

  options->wrap_width = args->wrap;
  options->ascii_quotes = args->ascii;
  options->fragment = args->fragment;

  return TRUE;
}

/* Whether @a and @b name the same file: the same inode when both exist, else the same
 * name once links and "." and ".." are resolved. */
static gboolean
same_file (const char *a,
           const char *b)
{
  GStatBuf sa, sb;
  g_autofree char *ca = NULL;
  g_autofree char *cb = NULL;
  char *ra, *rb;

  if (g_stat (a, &sa) == 0 && g_stat (b, &sb) == 0)
    return sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;

  ca = g_canonicalize_filename (a, NULL);
  cb = g_canonicalize_filename (b, NULL);
  ra = realpath (ca, NULL);
  rb = realpath (cb, NULL);
  if (ra != NULL)
    {
      g_free (ca);
      ca = g_strdup (ra);
      free (ra);
    }
  if (rb != NULL)
    {
      g_free (cb);
      cb = g_strdup (rb);
      free (rb);
    }

  return g_str_equal (ca, cb);
}

/* Refuses an --output that would overwrite the project or a source it is made from. */
static gboolean
check_output (const char  *output,
              const char  *project_path,
              char       **paths,
              int          n_paths)
{
  g_autofree char *shown = NULL;

  if (output == NULL)
    return TRUE;

  shown = g_filename_display_name (output);
  if (project_path != NULL && same_file (output, project_path))
    {
      g_printerr (_("copydesk-merge: “%s” is the project: writing the story there would "
                    "destroy it; choose another --output\n"), shown);
      return FALSE;
    }

  for (int i = 0; i < n_paths; i++)
    if (same_file (output, paths[i]))
      {
        g_printerr (_("copydesk-merge: “%s” is one of the sources: writing the story there "
                      "would destroy it; choose another --output\n"), shown);
        return FALSE;
      }

  return TRUE;
}

/* Writes the story to args->output, or to standard output. */
static int
write_story (DeskProject             *project,
             const DeskExportOptions *options,
             const ExportArgs        *args)
{
  if (args->output != NULL)
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (args->output);
      g_autoptr(GError) error = NULL;

      if (!desk_export_to_file (project, options, file, NULL, &error))
        {
          g_printerr ("copydesk-merge: %s\n", error->message);
          return EXIT_READ_ERROR;
        }
    }
  else
    {
      g_autofree char *text = desk_export_to_string (project, options);
      fputs (text, stdout);
    }

  return 0;
}

/* --style, --dash, --nbsp, --spelling and --dateline: the house style of the merge. */
typedef struct
{
  char *punctuation;
  char *spelling;
  char *dateline;
  char *dash;
  char *nbsp;
} StyleArgs;

static void
style_args_clear (StyleArgs *args)
{
  g_clear_pointer (&args->punctuation, g_free);
  g_clear_pointer (&args->spelling, g_free);
  g_clear_pointer (&args->dateline, g_free);
  g_clear_pointer (&args->dash, g_free);
  g_clear_pointer (&args->nbsp, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (StyleArgs, style_args_clear)

/* Sets the project's house style from the options, and gives it the dictionaries when it
 * respells; prints what is wrong and returns the exit status, or 0. */
static int
style_from_args (const StyleArgs *args,
                 DeskProject     *project)
{
  DeskStyle *style = desk_project_get_style (project);
  DeskStylePunctuation punctuation;
  DeskStyleSpelling spelling;
  DeskStyleDateline dateline;
  DeskStyleDash dash;
  DeskStyleNbsp nbsp;

  if (args->punctuation != NULL)
    {
      if (!desk_style_punctuation_from_string (args->punctuation, &punctuation))
        {
          g_printerr (_("copydesk-merge: unknown style “%s”: use typographic, ascii or as-written\n"),
                      args->punctuation);
          return EXIT_USAGE;
        }
      desk_style_set_punctuation (style, punctuation);
    }
  if (args->spelling != NULL)
    {
      if (!desk_style_spelling_from_string (args->spelling, &spelling))
        {
          g_printerr (_("copydesk-merge: unknown spelling “%s”: use us, gb or as-written\n"),
                      args->spelling);
          return EXIT_USAGE;
        }
      desk_style_set_spelling (style, spelling);
    }
  if (args->dateline != NULL)
    {
      if (!desk_style_dateline_from_string (args->dateline, &dateline))
        {
          g_printerr (_("copydesk-merge: unknown dateline form “%s”: use caps, caps-agency, colon or as-written\n"),
                      args->dateline);
          return EXIT_USAGE;
        }
      desk_style_set_dateline (style, dateline);
    }
  if (args->dash != NULL)
    {
      if (!desk_style_dash_from_string (args->dash, &dash))
        {
          g_printerr (_("copydesk-merge: unknown dash form “%s”: use em, em-closed or en\n"),
                      args->dash);
          return EXIT_USAGE;
        }
      desk_style_set_dash (style, dash);
    }
  if (args->nbsp != NULL)
    {
      if (!desk_style_nbsp_from_string (args->nbsp, &nbsp))
        {
          g_printerr (_("copydesk-merge: unknown no-break space setting “%s”: use none, units or french\n"),
                      args->nbsp);
          return EXIT_USAGE;
        }
      desk_style_set_nbsp (style, nbsp);
    }

  if (desk_style_get_spelling (style) != DESK_STYLE_SPELLING_AS_WRITTEN)
    {
      g_autoptr(GError) error = NULL;

      if (!desk_varieties_install (style, &error))
        {
          g_printerr ("copydesk-merge: %s\n", error->message);
          return EXIT_READ_ERROR;
        }
    }

  return 0;
}

static int
command_merge (int    argc,
               char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(DeskProject) project = NULL;
  g_autoptr(DeskSuggester) suggester = desk_suggester_new ();
  g_autoptr(DeskProjectLock) lock = NULL;
  g_autofree char *draft_path = NULL;
  g_autofree char *project_path = NULL;
  g_auto(ExportArgs) args = { 0 };
  g_auto(StyleArgs) style_args = { 0 };
  DeskExportOptions options;
  int status = 0;
  int wait = PROJECT_LOCK_WAIT;
  const GOptionEntry entries[] = {
    { "draft", 'd', 0, G_OPTION_ARG_FILENAME, &draft_path, N_("Start the draft from FILE"), N_("FILE") },
    { "project", 'p', 0, G_OPTION_ARG_FILENAME, &project_path, N_("Merge into the project in FILE, and save it there (made if new)"), N_("FILE") },
    { "style", 0, 0, G_OPTION_ARG_STRING, &style_args.punctuation, N_("House style: typographic, ascii or as-written"), N_("STYLE") },
    { "spelling", 0, 0, G_OPTION_ARG_STRING, &style_args.spelling, N_("House spelling: us, gb or as-written"), N_("VARIETY") },
    { "dateline", 0, 0, G_OPTION_ARG_STRING, &style_args.dateline, N_("Dateline form: caps, caps-agency, colon or as-written"), N_("FORM") },
    { "dash", 0, 0, G_OPTION_ARG_STRING, &style_args.dash, N_("Dash in typographic style: em (a — b), em-closed (a—b) or en (a – b)"), N_("FORM") },
    { "nbsp", 0, 0, G_OPTION_ARG_STRING, &style_args.nbsp, N_("No-break spaces in typographic style: none, units or french"), N_("WHERE") },
    { "wait", 0, 0, G_OPTION_ARG_INT, &wait, N_("Wait up to SECONDS for another run on the project to finish (60)"), N_("SECONDS") },
    { NULL }
  };

  context = g_option_context_new (_("SOURCE… — write the consolidated story"));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  add_export_options (context, &args);
  g_option_context_set_description (context,
    _("Accepts every missing paragraph and addition the suggester proposes (never a\n"
      "conflict) and writes the story with its credit line. With --project, the sources\n"
      "are added to that project, the merge is made in its draft, and it is saved; runs on\n"
      "one project take turns (a lock file NAME.lock beside it says who has it).\n\n"
      "--style, --spelling, --dateline, --dash and --nbsp set the house style (a project\n"
      "keeps it): what is accepted arrives in it, and with any of them the whole draft is\n"
      "put into it. --dash and --nbsp are typographic style's: the dash between parts of a\n"
      "sentence (hyphens in words and ranges stay), and no-break spaces between a figure\n"
      "and its unit (units) and also before ; : ! ? and inside « » (french).\n"
      "Spelling is changed only where the en_US and en_GB dictionaries confirm both forms,\n"
      "never inside quotations.\n\n"
      "Examples:\n"
      "  copydesk-merge merge short.txt long.txt reprint.txt\n"
      "  copydesk-merge merge --format html -o story.html seeds/harbour-fire/*.txt\n"
      "  copydesk-merge merge --style typographic --spelling gb seeds/harbour-fire/*.txt\n"
      "  copydesk-merge merge --project roundup.copydesk writethru.txt"));

  if (!parse_options (context, &argc, &argv, &status))
    return status;

  if (!export_options_from_args (&args, &options))
    return EXIT_USAGE;

  if (argc < 2 && project_path == NULL)
    {
      g_printerr ("copydesk-merge: %s\n", _("merge needs at least one SOURCE, or --project"));
      return EXIT_USAGE;
    }

  if (wait < 0 || wait > G_MAXINT / 1000)
    {
      g_printerr ("copydesk-merge: %s\n", _("--wait needs a number of seconds"));
      return EXIT_USAGE;
    }

  if (!check_output (args.output, project_path, argv + 1, argc - 1) ||
      (draft_path != NULL && !check_output (args.output, NULL, &draft_path, 1)))
    return EXIT_USAGE;

  /* Read, merge into and save the project while holding its lock, so that a second run
   * on it merges into what this one saved instead of undoing it. */
  if (project_path != NULL)
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (project_path);
      g_autoptr(GError) error = NULL;

      if (!(lock = desk_project_file_lock (file, (guint)wait * 1000, &error)))
        {
          g_printerr ("copydesk-merge: %s\n", error->message);
          return EXIT_READ_ERROR;
        }
    }

  if (!(project = load_project (draft_path, project_path, argv + 1, argc - 1)))
    return EXIT_READ_ERROR;

  if ((status = style_from_args (&style_args, project)) != 0)
    return status;

  desk_suggester_accept_all (suggester, project);

  /* Asked for on the command line: the whole story in house style, not only what the
   * merge added. */
  if (style_args.punctuation != NULL || style_args.spelling != NULL || style_args.dateline != NULL ||
      style_args.dash != NULL || style_args.nbsp != NULL)
    desk_style_apply_to_draft (desk_project_get_style (project), desk_project_get_draft (project));

  if (project_path != NULL && !save_project (project, project_path))
    return EXIT_READ_ERROR;
  g_clear_pointer (&lock, desk_project_lock_release);

  status = write_story (project, &options, &args);
  keep_until_exit (g_steal_pointer (&project));
  return status;
}

static int
command_export (int    argc,
                char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(DeskProject) project = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *project_path = NULL;
  g_auto(ExportArgs) args = { 0 };
  DeskExportOptions options;
  int status = 0;
  const GOptionEntry entries[] = {
    { "project", 'p', 0, G_OPTION_ARG_FILENAME, &project_path, N_("The project to export"), N_("FILE") },
    { NULL }
  };

  context = g_option_context_new (_("— write a project's story as it stands"));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  add_export_options (context, &args);
  g_option_context_set_description (context,
    _("Writes the draft of a project saved by Copydesk, with its credit line, without\n"
      "accepting anything.\n\n"
      "Examples:\n"
      "  copydesk-merge export --project roundup.copydesk\n"
      "  copydesk-merge export --project roundup.copydesk --format ninjs -o story.json"));

  if (!parse_options (context, &argc, &argv, &status))
    return status;

  if (!export_options_from_args (&args, &options))
    return EXIT_USAGE;

  if (project_path == NULL || argc > 1)
    {
      g_printerr ("copydesk-merge: %s\n", _("export needs --project FILE and nothing else"));
      return EXIT_USAGE;
    }

  if (!check_output (args.output, project_path, NULL, 0))
    return EXIT_USAGE;

  file = g_file_new_for_commandline_arg (project_path);
  if (!(project = desk_project_file_load (file, NULL, &error)))
    {
      g_printerr ("copydesk-merge: %s\n", error->message);
      return EXIT_READ_ERROR;
    }

  status = write_story (project, &options, &args);
  keep_until_exit (g_steal_pointer (&project));
  return status;
}

static const Command commands[] = {
  { "inspect", command_inspect, N_("Show how Copydesk reads each source") },
  { "suggest", command_suggest, N_("Propose what the draft lacks from the other sources") },
  { "merge", command_merge, N_("Accept what the sources add and write the consolidated story") },
  { "export", command_export, N_("Write a saved project's story as it stands") },
  { "bench", desk_bench_run, N_("Measure ingest and suggestion on generated roundups") },
};

static void
print_help (FILE *stream)
{
  fprintf (stream, "%s\n", _("Usage: copydesk-merge COMMAND [OPTION…] FILE…"));
  fprintf (stream, "\n%s\n", _("Consolidate several versions of one wire story."));
  fprintf (stream, "\n%s\n", _("Commands:"));
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    fprintf (stream, "  %-10s %s\n", commands[i].name, _(commands[i].summary));
  fprintf (stream, "\n%s\n", _("Run “copydesk-merge COMMAND --help” for a command’s options and examples."));
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  g_set_prgname ("copydesk-merge");
  g_set_print_handler (print_sanitized);
  g_set_printerr_handler (printerr_sanitized);

  if (argc < 2)
    {
      print_help (stderr);
      return EXIT_USAGE;
    }

  if (g_str_equal (argv[1], "--help") || g_str_equal (argv[1], "-h") ||
      g_str_equal (argv[1], "help"))
    {
      print_help (stdout);
      return 0;
    }

  if (g_str_equal (argv[1], "--version"))
    {
      g_print ("copydesk-merge %s\n", PACKAGE_VERSION);
      return 0;
    }

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      if (g_str_equal (argv[1], commands[i].name))
        return commands[i].func (argc - 1, argv + 1);
    }

  g_printerr (_("copydesk-merge: unknown command “%s”\n"), argv[1]);
  print_help (stderr);
  return EXIT_USAGE;
}
