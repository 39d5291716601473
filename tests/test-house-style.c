/* test-house-style.c: the house style on real roundups, through copydesk-merge
 *
 * For the project's own seeds/ and, when ../shared is there, its seed roundup and every
 * case in roundups/ (key.json names the draft and the sources; nothing else of the key is
 * read), `copydesk-merge merge` is run as written, with --style typographic and with
 * --style ascii, and each paragraph of the styled story is held against the same
 * paragraph as written:
 *
 *  - typographic: no straight quote and no "--" outside code-like words; ASCII: no curly
 *    quote, em or en dash or ellipsis character;
 *  - the words (runs of letters and digits) are the same: style changes no word, inside a
 *    quotation or out;
 *  - where the paragraph's double quotes pair up as written (pairs_up_as_written()), they
 *    pair up in the styled paragraph (“ … ” in order, none left open), and the ASCII
 *    paragraph has as many straight ones as the paragraph as written has double quotes.
 *
 * With --spelling gb and --spelling us (when both dictionaries are installed) the words
 * inside quotations are held against the typographic story's. What the merge itself does
 * wrong (a sentence spliced twice with its quote) is not style's: such a paragraph's
 * quotes do not pair up as written, and only its characters and words are checked.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <json-glib/json-glib.h>

typedef struct
{
  char      *name;
  char      *draft;
  GPtrArray *sources;
} Case;

static void
case_free (gpointer data)
{
  Case *c = data;

  g_free (c->name);
  g_free (c->draft);
  g_ptr_array_unref (c->sources);
  g_free (c);
}

/* A file of @dir named @name, or @name.txt. */
static char *
case_file (const char *dir,
           const char *name)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autofree char *txt = NULL;

  if (g_file_test (path, G_FILE_TEST_IS_REGULAR))
    return g_steal_pointer (&path);
  txt = g_strconcat (path, ".txt", NULL);
  if (g_file_test (txt, G_FILE_TEST_IS_REGULAR))
    return g_steal_pointer (&txt);
  return NULL;
}

/* A case from @dir/key.json: only "draft" and "sources" are read. */
static Case *
case_from_key (const char *dir,
               const char *name)
{
  g_autofree char *key = g_build_filename (dir, "key.json", NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonObject *root;
  JsonArray *sources;
  Case *c;

  if (!json_parser_load_from_file (parser, key, &error))
    return NULL;
  root = json_node_get_object (json_parser_get_root (parser));
  if (!json_object_has_member (root, "draft") || !json_object_has_member (root, "sources"))
    return NULL;

  c = g_new0 (Case, 1);
  c->name = g_strdup (name);
  c->draft = case_file (dir, json_object_get_string_member (root, "draft"));
  c->sources = g_ptr_array_new_with_free_func (g_free);
  sources = json_object_get_array_member (root, "sources");
  for (guint i = 0; i < json_array_get_length (sources); i++)
    {
      char *path = case_file (dir, json_array_get_string_element (sources, i));

      if (path != NULL)
        g_ptr_array_add (c->sources, path);
    }
  g_assert_nonnull (c->draft);
  g_assert_cmpuint (c->sources->len, >, 0);
  return c;
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *)a, *(const char * const *)b);
}

/* A folder of seeds/: the first file is the draft. */
static Case *
case_from_folder (const char *dir,
                  const char *name)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_free);
  const char *file;
  Case *c;

  g_assert_nonnull (d);
  while ((file = g_dir_read_name (d)) != NULL)
    if (g_str_has_suffix (file, ".txt"))
      g_ptr_array_add (files, g_build_filename (dir, file, NULL));
  g_ptr_array_sort (files, compare_names);
  g_assert_cmpuint (files->len, >=, 2);

  c = g_new0 (Case, 1);
  c->name = g_strdup (name);
  c->draft = g_strdup (g_ptr_array_index (files, 0));
  c->sources = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 1; i < files->len; i++)
    g_ptr_array_add (c->sources, g_strdup (g_ptr_array_index (files, i)));
  return c;
}

/* Runs copydesk-merge merge on @c with @options; NULL with *@status set when it fails. */
static char *
merge (const Case         *c,
       const char * const *options,
       int                *status)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  int wait_status = 0;

  g_ptr_array_add (argv, (char *)g_getenv ("COPYDESK_MERGE"));
  g_ptr_array_add (argv, (char *)"merge");
  for (guint i = 0; options != NULL && options[i] != NULL; i++)
    g_ptr_array_add (argv, (char *)options[i]);
  g_ptr_array_add (argv, (char *)"--draft");
  g_ptr_array_add (argv, c->draft);
  for (guint i = 0; i < c->sources->len; i++)
    g_ptr_array_add (argv, g_ptr_array_index (c->sources, i));
  g_ptr_array_add (argv, NULL);

  g_spawn_sync (NULL, (char **)argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                &out, &err, &wait_status, &error);
  g_assert_no_error (error);

  *status = g_spawn_check_wait_status (wait_status, NULL) ? 0 : 1;
  if (*status != 0)
    {
      g_test_message ("%s: %s", c->name, err);
      return NULL;
    }
  return g_steal_pointer (&out);
}

/* The story's paragraphs: the text export has one a line. */
static GStrv
paragraphs (const char *story)
{
  g_auto(GStrv) lines = g_strsplit (story, "\n", -1);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; lines[i] != NULL; i++)
    if (lines[i][0] != '\0')
      g_strv_builder_add (builder, lines[i]);
  return g_strv_builder_end (builder);
}

static gboolean
is_code_like (const char *word)
{
  return strstr (word, "://") != NULL || g_str_has_prefix (word, "www.") ||
         strpbrk (word, "@<>={}\\`") != NULL;
}

/* @text without its code-like words; the quotes and punctuation around such a word stay
 * (they are the sentence's). */
static char *
prose (const char *text)
{
  g_auto(GStrv) words = g_strsplit_set (text, " \t", -1);
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint i = 0; words[i] != NULL; i++)
    {
      if (is_code_like (words[i]))
        {
          const char *start = words[i];
          const char *end = words[i] + strlen (words[i]);

          while (*start != '\0' && strchr ("\"'(", *start) != NULL)
            g_string_append_c (out, *start++);
          while (end > start && strchr ("\"'.,;:!?", end[-1]) != NULL)
            end--;
          g_string_append (out, end);
        }
      else
        g_string_append (out, words[i]);
      g_string_append_c (out, ' ');
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* The words of @text (runs of letters and digits), each followed by "|"; with @quoted,
 * only those inside double quotations. */
static char *
words (const char *text,
       gboolean    quoted)
{
  g_autoptr(GString) out = g_string_new (NULL);
  gboolean in_word = FALSE;
  gboolean inside = FALSE;
  gboolean low = strstr (text, "„") != NULL;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == (low ? 0x201E : 0x201C))
        inside = TRUE;
      else if (c == (low ? 0x201C : 0x201D))
        inside = FALSE;

      if (g_unichar_isalnum (c) && (!quoted || inside))
        {
          g_string_append_unichar (out, c);
          in_word = TRUE;
        }
      else if (in_word)
        {
          g_string_append_c (out, '|');
          in_word = FALSE;
        }
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* Double quotes of any kind (ASCII folds guillemets to them too). */
static guint
count_doubles (const char *text)
{
  guint n = 0;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      n += c == '"' || c == 0x201C || c == 0x201D || c == 0x201E || c == 0x00AB || c == 0x00BB;
    }
  return n;
}

/* Whether the curly double quotes of @text (“so”, or „so“) open and close in turn, none
 * left open. */
static gboolean
typographic_balanced (const char *text)
{
  gboolean low = strstr (text, "„") != NULL;
  gunichar opening = low ? 0x201E : 0x201C;
  gunichar closing = low ? 0x201C : 0x201D;
  int depth = 0;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == opening && depth++ != 0)
        return FALSE;
      if (c == closing && depth-- != 1)
        return FALSE;
      if (low && c == 0x201D)
        return FALSE;
    }
  return depth == 0;
}

/* Whether the double quotes of @text, read as a person reads them, open and close in
 * turn: a straight one after a space or a bracket opens, one before a space or
 * punctuation closes; a paragraph a merge spliced ("favor? "I could say: 'Would you …")
 * does not. */
static gboolean
pairs_up_as_written (const char *text)
{
  gboolean low = strstr (text, "„") != NULL;
  int depth = 0;
  gunichar prev = 0;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      gunichar next = g_utf8_get_char (g_utf8_next_char (p));
      gboolean opens;

      if (c != '"' && c != 0x201C && c != 0x201D && c != 0x201E)
        {
          prev = c;
          continue;
        }

      if (c == 0x201E || (c == 0x201C && !low))
        opens = TRUE;
      else if (c == 0x201D || c == 0x201C)
        opens = FALSE;
      else if ((prev == 0 || g_unichar_isspace (prev) || prev == '(' || prev == '[') &&
               next != 0 && !g_unichar_isspace (next))
        opens = TRUE;
      else if (prev != 0 && !g_unichar_isspace (prev) &&
               (next == 0 || g_unichar_isspace (next) || g_unichar_ispunct (next)))
        opens = FALSE;
      else
        opens = depth == 0;

      if (opens != (depth == 0))
        return FALSE;
      depth = opens ? 1 : 0;
      prev = c;
    }
  return depth == 0;
}

typedef struct
{
  guint paragraphs;
  guint checked_balance;
  guint failures;
} Tally;

static void
fail (Tally      *tally,
      const Case *c,
      const char *style,
      guint       i,
      const char *what,
      const char *text)
{
  g_test_message ("%s, %s, paragraph %u: %s: %.300s", c->name, style, i + 1, what, text);
  tally->failures++;
}

static void
check_case (const Case *c,
            Tally      *tally)
{
  const char * const typographic_args[] = { "--style", "typographic", NULL };
  const char * const ascii_args[] = { "--style", "ascii", NULL };
  int status;
  g_autofree char *plain = merge (c, NULL, &status);
  g_autofree char *typographic = merge (c, typographic_args, &status);
  g_autofree char *ascii = merge (c, ascii_args, &status);
  g_auto(GStrv) plain_p = NULL;
  g_auto(GStrv) typo_p = NULL;
  g_auto(GStrv) ascii_p = NULL;

  g_assert_nonnull (plain);
  g_assert_nonnull (typographic);
  g_assert_nonnull (ascii);

  plain_p = paragraphs (plain);
  typo_p = paragraphs (typographic);
  ascii_p = paragraphs (ascii);

  /* Style does not change what the merge takes. */
  if (g_strv_length (typo_p) != g_strv_length (plain_p) ||
      g_strv_length (ascii_p) != g_strv_length (plain_p))
    {
      g_test_message ("%s: %u paragraphs as written, %u typographic, %u ASCII", c->name,
                      g_strv_length (plain_p), g_strv_length (typo_p), g_strv_length (ascii_p));
      tally->failures++;
      return;
    }

  for (guint i = 0; plain_p[i] != NULL; i++)
    {
      g_autofree char *typo_prose = prose (typo_p[i]);
      g_autofree char *ascii_prose = prose (ascii_p[i]);
      g_autofree char *plain_words = words (plain_p[i], FALSE);
      g_autofree char *typo_words = words (typo_p[i], FALSE);
      g_autofree char *ascii_words = words (ascii_p[i], FALSE);

      tally->paragraphs++;

      if (strpbrk (typo_prose, "\"'") != NULL || strstr (typo_prose, "--") != NULL)
        fail (tally, c, "typographic", i, "straight quote or --", typo_p[i]);
      if (strstr (ascii_prose, "“") || strstr (ascii_prose, "”") || strstr (ascii_prose, "‘") ||
          strstr (ascii_prose, "’") || strstr (ascii_prose, "—") || strstr (ascii_prose, "–") ||
          strstr (ascii_prose, "…"))
        fail (tally, c, "ascii", i, "typographic character", ascii_p[i]);

      if (!g_str_equal (plain_words, typo_words))
        fail (tally, c, "typographic", i, "words changed", typo_p[i]);
      if (!g_str_equal (plain_words, ascii_words))
        fail (tally, c, "ascii", i, "words changed", ascii_p[i]);

      /* Quotes that pair up as written pair up in house style. */
      if (pairs_up_as_written (plain_p[i]))
        {
          tally->checked_balance++;
          if (!typographic_balanced (typo_p[i]))
            fail (tally, c, "typographic", i, "quotes do not pair up", typo_p[i]);
          if (count_doubles (ascii_p[i]) != count_doubles (plain_p[i]))
            fail (tally, c, "ascii", i, "quotes do not pair up", ascii_p[i]);
        }
    }

  /* House spelling never changes a word inside a quotation. */
  for (guint v = 0; v < 2; v++)
    {
      const char * const spelling_args[] = { "--style", "typographic", "--spelling",
                                             v == 0 ? "gb" : "us", NULL };
      g_autofree char *respelled = merge (c, spelling_args, &status);
      g_auto(GStrv) respelled_p = NULL;

      if (respelled == NULL)
        {
          g_test_message ("%s: no house spelling (dictionaries missing?)", c->name);
          continue;
        }
      respelled_p = paragraphs (respelled);
      if (g_strv_length (respelled_p) != g_strv_length (typo_p))
        {
          g_test_message ("%s: %u paragraphs typographic, %u with --spelling %s", c->name,
                          g_strv_length (typo_p), g_strv_length (respelled_p), spelling_args[3]);
          tally->failures++;
          continue;
        }
      for (guint i = 0; typo_p[i] != NULL; i++)
        {
          g_autofree char *before = words (typo_p[i], TRUE);
          g_autofree char *after = words (respelled_p[i], TRUE);

          if (!g_str_equal (before, after))
            fail (tally, c, spelling_args[3], i, "word changed inside a quotation", respelled_p[i]);
        }
    }
}

static void
run_cases (GPtrArray *cases)
{
  Tally tally = { 0 };

  for (guint i = 0; i < cases->len; i++)
    check_case (g_ptr_array_index (cases, i), &tally);

  g_test_message ("%u cases, %u paragraphs (%u with quotes that pair up as written), %u failures",
                  cases->len, tally.paragraphs, tally.checked_balance, tally.failures);
  g_assert_cmpuint (tally.paragraphs, >, 0);
  g_assert_cmpuint (tally.failures, ==, 0);
}

static void
test_seeds (void)
{
  const char *seeds = g_getenv ("COPYDESK_SEEDS_DIR");
  g_autoptr(GPtrArray) cases = g_ptr_array_new_with_free_func (case_free);
  const char *folders[] = { "harbour-fire", "dam-talks" };

  for (guint i = 0; i < G_N_ELEMENTS (folders); i++)
    {
      g_autofree char *dir = g_build_filename (seeds, folders[i], NULL);

      g_ptr_array_add (cases, case_from_folder (dir, folders[i]));
    }
  run_cases (cases);
}

static void
test_shared (void)
{
  const char *shared = g_getenv ("COPYDESK_SHARED_DIR");
  g_autofree char *seed = g_build_filename (shared, "seeds", NULL);
  g_autofree char *roundups = g_build_filename (shared, "roundups", NULL);
  g_autoptr(GPtrArray) cases = g_ptr_array_new_with_free_func (case_free);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GDir) dir = NULL;
  const char *name;
  Case *c;

  if (shared == NULL || !g_file_test (roundups, G_FILE_TEST_IS_DIR))
    {
      g_test_skip ("../shared/roundups is not here");
      return;
    }

  if ((c = case_from_key (seed, "seed roundup")) != NULL)
    g_ptr_array_add (cases, c);

  dir = g_dir_open (roundups, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);
  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *path = g_build_filename (roundups, g_ptr_array_index (names, i), NULL);

      if ((c = case_from_key (path, g_ptr_array_index (names, i))) != NULL)
        g_ptr_array_add (cases, c);
    }

  g_assert_cmpuint (cases->len, >, 1);
  run_cases (cases);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/house-style/seeds", test_seeds);
  g_test_add_func ("/house-style/shared", test_shared);

  return g_test_run ();
}
