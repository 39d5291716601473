/* test-hostile.c: nothing a user feeds in crashes Copydesk or loses their work
 *
 * Every kind of input a desk editor may open by mistake or receive from a hostile sender,
 * through every way in (desk_source_new_from_bytes(), desk_source_new_all_from_bytes(),
 * desk_source_new_for_file(), desk_project_file_load_from_bytes(), copydesk-merge): each
 * ends in a source or in a GError whose message names the file, and leaves the project
 * it was meant for as it was. Markup never fetches anything and never expands entities. A save that fails keeps the old file.
 *
 * Big inputs are made in memory; under valgrind the biggest shrink tenfold
 * (desk_test_scaled()). Times are logged, not asserted: speed is measured by
 * `copydesk-merge bench`, and a hang ends in the test's meson timeout.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <signal.h>
#include <string.h>

#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "desk-export.h"
#include "desk-format.h"
#include "desk-project-file.h"
#include "desk-source.h"
#include "desk-suggester.h"
#include "desk-test-util.h"

/* A string literal and its length, NUL bytes included */
#define LIT(literal) (literal), (sizeof (literal) - 1)

/* ---- Helpers ------------------------------------------------------------------------------ */

static guint
count_entries (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  guint n = 0;

  g_assert_nonnull (dir);
  while (g_dir_read_name (dir) != NULL)
    n++;
  return n;
}

/* What must hold of any source: text in UTF-8, blocks inside it. */
static void
check_source (DeskSource *source)
{
  const char *text = desk_source_get_text (source);
  GListModel *blocks = desk_source_get_blocks (source);
  gsize length;

  g_assert_nonnull (text);
  length = strlen (text);
  g_assert_true (g_utf8_validate (text, length, NULL));
  g_assert_nonnull (desk_source_get_id (source));

  for (guint i = 0; i < g_list_model_get_n_items (blocks); i++)
    {
      g_autoptr(DeskBlock) block = g_list_model_get_item (blocks, i);

      g_assert_cmpuint (desk_block_get_start (block), <=, desk_block_get_end (block));
      g_assert_cmpuint (desk_block_get_end (block), <=, length);
      g_assert_true (g_utf8_validate (desk_block_get_text (block), -1, NULL));
    }
}

/* What must hold of any failure: a message a person can read, naming the file. */
static void
check_error (const GError *error,
             const char   *name)
{
  g_assert_nonnull (error);
  g_assert_nonnull (error->message);
  g_assert_true (g_utf8_validate (error->message, -1, NULL));
  g_assert_cmpuint (strlen (error->message), >, strlen (name));
  if (strstr (error->message, name) == NULL)
    g_error ("The message “%s” does not name “%s”", error->message, name);
}

typedef enum
{
  EXPECT_SOURCE,
  EXPECT_ERROR,
  EXPECT_EITHER,
} Expect;

/* Reads @bytes every way a source can be read from memory; returns the source, if any. */
static DeskSource *
read_bytes (GBytes     *bytes,
            const char *name,
            Expect      expect,
            GError    **error_out)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) all_error = NULL;
  g_autoptr(DeskSource) source = NULL;
  g_autoptr(GPtrArray) all = NULL;
  gint64 start = g_get_monotonic_time ();

  source = desk_source_new_from_bytes (bytes, name, DESK_SOURCE_ORIGIN_FILE, &error);
  desk_test_note_time (start, name);
  g_assert_true ((source == NULL) != (error == NULL));

  if (source != NULL)
    check_source (source);
  else
    check_error (error, name);

  if (expect == EXPECT_SOURCE && source == NULL)
    g_error ("“%s” should be read, but: %s", name, error->message);
  if (expect == EXPECT_ERROR && source != NULL)
    g_error ("“%s” should be refused, but was read", name);

  /* Reading every story in the file agrees. */
  start = g_get_monotonic_time ();
  all = desk_source_new_all_from_bytes (bytes, name, DESK_SOURCE_ORIGIN_FILE, &all_error);
  desk_test_note_time (start, name);
  g_assert_true ((all == NULL) == (source == NULL));
  if (all != NULL)
    {
      g_assert_cmpuint (all->len, >, 0);
      for (guint i = 0; i < all->len; i++)
        check_source (g_ptr_array_index (all, i));
    }
  else
    check_error (all_error, name);

  if (error_out != NULL)
    *error_out = g_steal_pointer (&error);

  return g_steal_pointer (&source);
}

static DeskSource *
read_data (const void *data,
           gsize       length,
           const char *name,
           Expect      expect,
           GError    **error_out)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, length);

  return read_bytes (bytes, name, expect, error_out);
}

static void
assert_refused (const void *data,
                gsize       length,
                const char *name,
                GQuark      domain,
                int         code)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DeskSource) source = read_data (data, length, name, EXPECT_ERROR, &error);

  g_assert_error (error, domain, code);
}

/* Reads @data as a file, as the editor and copydesk-merge do; checks the message names it. */
static DeskSource *
read_file (const char *dir,
           const char *basename,
           const void *data,
           gsize       length,
           Expect      expect,
           GError    **error_out)
{
  g_autofree char *path = g_build_filename (dir, basename, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(DeskSource) source = NULL;
  gint64 start;

  g_assert_true (g_file_set_contents (path, data, length, &error));
  g_assert_no_error (error);

  start = g_get_monotonic_time ();
  source = desk_source_new_for_file (file, 0, NULL, &error);
  desk_test_note_time (start, basename);
  g_assert_true ((source == NULL) != (error == NULL));

  if (source != NULL)
    check_source (source);
  else
    check_error (error, path);

  if (expect == EXPECT_SOURCE && source == NULL)
    g_error ("“%s” should be read, but: %s", basename, error->message);
  if (expect == EXPECT_ERROR && source != NULL)
    g_error ("“%s” should be refused, but was read", basename);

  if (error_out != NULL)
    *error_out = g_steal_pointer (&error);

  return g_steal_pointer (&source);
}

/* ---- Empty, tiny, binary ------------------------------------------------------------------ */

static void
test_empty (void)
{
  g_autofree char *dir = desk_test_make_temp_dir ("copydesk-hostile");
  g_autoptr(GError) error = NULL;
  g_autoptr(DeskSource) source = NULL;

  assert_refused (LIT (""), "empty.txt", DESK_ERROR, DESK_ERROR_EMPTY);
  assert_refused (LIT (" \n\n\t \r\n \xc2\xa0 "), "blank.txt", DESK_ERROR, DESK_ERROR_EMPTY);
  assert_refused (LIT ("\xef\xbb\xbf"), "bom-only.txt", DESK_ERROR, DESK_ERROR_EMPTY);

  source = read_file (dir, "empty.txt", "", 0, EXPECT_ERROR, &error);
  g_assert_error (error, DESK_ERROR, DESK_ERROR_EMPTY);

  desk_test_remove_tree (dir);
}

static void
test_one_byte (void)
{
  for (guint c = 0; c < 256; c++)
    {
      guint8 byte = c;
      g_autofree char *name = g_strdup_printf ("byte-%02x.txt", c);
      g_autoptr(DeskSource) source = read_data (&byte, 1, name, EXPECT_EITHER, NULL);

      if (g_ascii_isalnum (c))
        g_assert_nonnull (source);
    }
}

static void
test_binary (void)
{
  static const struct { const char *name; const char *data; gsize length; } files[] = {
    { "photo.png", LIT ("\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10\0\0\0\x10\x08\x06\0\0\0") },
    { "photo.jpg", LIT ("\xff\xd8\xff\xe0\0\x10JFIF\0\x01\x01\0\0\x01\0\x01\0\0\xff\xdb\0C\0") },
    { "anim.gif", LIT ("GIF89a\x01\0\x01\0\x80\0\0\xff\xff\xff\0\0\0!\xf9\x04\x01\0\0\0\0,") },
    { "story.pdf", LIT ("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\n"
                        "endobj\n\0\0") },
    { "story.docx", LIT ("PK\x03\x04\x14\0\x06\0\x08\0\0\0!\0\xdf\xa4\xd2lZ\x01\0\0 \x05\0\0") },
    { "story.gz", LIT ("\x1f\x8b\x08\0\0\0\0\0\0\x03\xcbH\xcd\xc9\xc9\x07\0\x86\xa6\x10"
                       "6\x05\0\0\0") },
    { "program", LIT ("\x7f" "ELF\x02\x01\x01\0\0\0\0\0\0\0\0\0\x02\0>\0\x01\0\0\0") },
  };
  g_autofree char *dir = desk_test_make_temp_dir ("copydesk-hostile");
  g_autofree char *exe = NULL;
  gsize exe_length = 0;

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(DeskSource) source = NULL;

      assert_refused (files[i].data, files[i].length, files[i].name, DESK_ERROR, DESK_ERROR_BINARY);
      source = read_file (dir, files[i].name, files[i].data, files[i].length, EXPECT_ERROR, &error);
      g_assert_error (error, DESK_ERROR, DESK_ERROR_BINARY);
    }

  /* A whole program: this test itself. */
  if (g_file_get_contents ("/proc/self/exe", &exe, &exe_length, NULL))
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(DeskSource) source = NULL;

      assert_refused (exe, exe_length, "test-hostile", DESK_ERROR, DESK_ERROR_BINARY);
      source = read_file (dir, "test-hostile", exe, exe_length, EXPECT_ERROR, &error);
      g_assert_error (error, DESK_ERROR, DESK_ERROR_BINARY);
    }

  desk_test_remove_tree (dir);
}

static void
test_random (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (20260304);
  guint n_read = 0;

  for (guint i = 0; i < 300; i++)
    {
      gsize length = g_rand_int_range (rand, 1, i < 250 ? 4096 : 256 * 1024);
      g_autofree guint8 *data = g_malloc (length);
      g_autofree char *name = g_strdup_printf ("random-%u.bin", i);
      g_autoptr(DeskSource) source = NULL;

      /* Some all bytes, some printable-heavy, some with a markup or teletype start */
      for (gsize j = 0; j < length; j++)
        data[j] = (i % 3 == 0) ? g_rand_int_range (rand, 0, 256)
                               : (i % 3 == 1) ? g_rand_int_range (rand, 0x09, 0x7f)
                                              : g_rand_int_range (rand, 0x20, 0x100);
      if (i % 7 == 0 && length > 8)
        memcpy (data, "<nitf><p", 8);
      else if (i % 7 == 1 && length > 2)
        memcpy (data, "\x16\x01", 2);
      else if (i % 7 == 2 && length > 12)
        memcpy (data, "{\"headline\":", 12);

      source = read_data (data, length, name, EXPECT_EITHER, NULL);
      n_read += source != NULL;
    }

  g_test_message ("%u of 300 random inputs were read as text", n_read);
}

/* ---- Encodings ---------------------------------------------------------------------------- */

static void
test_invalid_utf8 (void)
{
  static const char * const texts[] = {
    "Stray continuation \x80\x81\x82 bytes in a sentence about the ferry.\n",
    "Overlong slash \xc0\xaf and overlong NUL \xc0\x80 in the text of the story.\n",
    "A surrogate \xed\xa0\x80 half in UTF-8, and a lone \xed\xbf\xbf one.\n",
    "Beyond Unicode \xf4\x90\x80\x80 and five-byte \xf8\x88\x80\x80\x80 sequences.\n",
    "The story is cut in the middle of a character \xe2\x80",
    "\xff\xfe\xfd Ferry fire kills 14 in Halifax harbour \xfe\xff and more text.\n",
    "Caf\xc3\xa9 caf\xe9 mixed UTF-8 and Latin-1 in one story, M\xc3\xbcller and M\xfcller.\n",
  };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autofree char *name = g_strdup_printf ("invalid-utf8-%u.txt", i);
      g_autoptr(DeskSource) source = read_data (texts[i], strlen (texts[i]), name,
                                                EXPECT_SOURCE, NULL);

      /* Damage is shown (U+FFFD) or repaired, never dropped silently into valid text */
      g_assert_true (desk_source_get_n_invalid (source) > 0 ||
                     desk_source_get_n_repaired (source) > 0 ||
                     g_str_equal (desk_source_get_encoding (source), "Windows-1252"));
    }
}

static GBytes *
to_utf16 (const char *text,
          const char *charset)
{
  g_autoptr(GError) error = NULL;
  gsize written = 0;
  char *converted = g_convert (text, -1, charset, "UTF-8", NULL, &written, &error);

  g_assert_no_error (error);
  return g_bytes_new_take (converted, written);
}

static void
test_utf16_without_bom (void)
{
  static const char * const charsets[] = { "UTF-16LE", "UTF-16BE" };

  for (guint i = 0; i < G_N_ELEMENTS (charsets); i++)
    {
      g_autoptr(GBytes) bytes = to_utf16 (desk_test_story, charsets[i]);
      g_autofree char *name = g_strdup_printf ("story-%s.txt", charsets[i]);
      g_autoptr(DeskSource) source = read_bytes (bytes, name, EXPECT_SOURCE, NULL);
      g_autoptr(GBytes) odd = NULL;
      g_autoptr(DeskSource) odd_source = NULL;

      g_assert_cmpstr (desk_source_get_encoding (source), ==, charsets[i]);
      g_assert_nonnull (strstr (desk_source_get_text (source), "Halifax harbour"));
      g_assert_cmpstr (desk_source_get_title (source), ==,
                       "Ferry fire kills 14 in Halifax harbour");

      /* Cut short by one byte: still no crash */
      odd = g_bytes_new_from_bytes (bytes, 0, g_bytes_get_size (bytes) - 1);
      odd_source = read_bytes (odd, "odd-length-utf16.txt", EXPECT_EITHER, NULL);
    }

  /* Unpaired surrogates in UTF-16 */
  {
    static const char lone[] =
      "H\0i\0 \0\x00\xd8x\0 \0\x00\xdc!\0\n\0T\0e\0x\0t\0 \0h\0e\0r\0e\0.\0\n\0";
    g_autoptr(DeskSource) source = read_data (lone, sizeof lone - 1, "surrogates.txt",
                                              EXPECT_EITHER, NULL);
  }
}

static void
test_nul_bytes (void)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(DeskSource) one = NULL;
  g_autoptr(DeskSource) many = NULL;
  g_autoptr(DeskSource) start = NULL;

  /* One NUL in a long story: read or refused, but never cut at the NUL unseen */
  for (guint i = 0; i < 20; i++)
    g_string_append (text, desk_test_story);
  g_string_insert_len (text, text->len / 2, "\0", 1);
  one = read_data (text->str, text->len, "one-nul.txt", EXPECT_EITHER, NULL);
  if (one != NULL)
    g_assert_cmpuint (strlen (desk_source_get_text (one)), >, text->len / 2);

  many = read_data (LIT ("Hello\0world\0 this is\0 text\n"), "nuls.txt", EXPECT_EITHER, NULL);
  start = read_data (LIT ("\0\0\0\0Ferry fire kills 14.\n"), "nul-start.txt", EXPECT_EITHER, NULL);

  /* NULs in every format's envelope */
  {
    static const char * const envelopes[] = {
      "<nitf><body><body.content><p>A\0B</p></body.content></body></nitf>",
      "<html><body><p>A\0B</p></body></html>",
      "{\"headline\": \"A\0B\", \"body_text\": \"C\"}",
      "\x16\x16\x01W0417\x1f\x02^Head\0line<\r\n\tBody\0text.\r\n\x03",
      "\x01" "abc117 3 i 180 cccca\r\n\x02Head\0line\r\n   Body.\r\n\x03",
    };

    for (guint i = 0; i < G_N_ELEMENTS (envelopes); i++)
      {
        gsize length = strlen (envelopes[i]);
        g_autoptr(DeskSource) source = NULL;

        length += strlen (envelopes[i] + length + 1) + 1;
        source = read_data (envelopes[i], length, "nul-in-markup", EXPECT_EITHER, NULL);
      }
  }
}

/* ---- Size --------------------------------------------------------------------------------- */

static void
test_huge_line (void)
{
  gsize size = desk_test_scaled (50 * 1000 * 1000);
  g_autofree char *dir = desk_test_make_temp_dir ("copydesk-hostile");
  g_autofree char *path = g_build_filename (dir, "huge-line.txt", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(DeskSource) source = NULL;
  g_autoptr(DeskSource) from_file = NULL;
  g_autoptr(GBytes) bytes = NULL;
  char *data = g_malloc (size);
  static const char words[] = "the ferry crossed the harbour and ";

  /* One line of words, no line break */
  for (gsize i = 0; i < size; i++)
    data[i] = words[i % (sizeof words - 1)];
  bytes = g_bytes_new_take (data, size);

  /* In memory there is no limit: read, or refused, in bounded time */
  source = read_bytes (bytes, "huge-line.txt", EXPECT_EITHER, NULL);

  /* As a file, over the limit, it is refused before it is read */
  g_assert_true (g_file_set_contents (path, g_bytes_get_data (bytes, NULL), size, &error));
  g_assert_no_error (error);
  if (size > DESK_SOURCE_DEFAULT_MAX_SIZE)
    {
      gint64 start = g_get_monotonic_time ();

      from_file = desk_source_new_for_file (file, 0, NULL, &error);
      desk_test_note_time (start, "huge-line.txt as a file");
      g_assert_null (from_file);
      g_assert_error (error, DESK_ERROR, DESK_ERROR_TOO_LARGE);
      check_error (error, path);
      g_clear_error (&error);
    }

  /* A limit the caller sets holds too */
  from_file = desk_source_new_for_file (file, 1000, NULL, &error);
  g_assert_null (from_file);
  g_assert_error (error, DESK_ERROR, DESK_ERROR_TOO_LARGE);
  check_error (error, path);

  desk_test_remove_tree (dir);
}

static void
test_huge_word (void)
{
  gsize size = desk_test_scaled (8 * 1000 * 1000);
  char *data = g_malloc (size);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(DeskSource) source = NULL;

  /* No space anywhere: one word of 8 MB */
  memset (data, 'a', size);
  bytes = g_bytes_new_take (data, size);
  source = read_bytes (bytes, "huge-word.txt", EXPECT_EITHER, NULL);
}

static void
test_many_paragraphs (void)
{
  guint n = desk_test_scaled (100000);
  g_autoptr(GString) text = g_string_sized_new (n * 12);
  g_autoptr(DeskSource) source = NULL;
  g_autoptr(DeskProject) project = desk_project_new ();
  g_autoptr(DeskSuggester) suggester = desk_suggester_new ();
  g_autoptr(GPtrArray) suggestions = NULL;
  g_autoptr(DeskSource) small = NULL;
  gint64 start;

  for (guint i = 0; i < n; i++)
    g_string_append_printf (text, "P%u.\n\n", i);

  source = read_data (text->str, text->len, "many-paragraphs.txt", EXPECT_SOURCE, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (desk_source_get_blocks (source)), >=, n / 2);

  /* The suggester, on a short draft against a fifth of them, stays bounded too */
  g_string_truncate (text, 0);
  for (guint i = 0; i < n / 5; i++)
    g_string_append_printf (text, "P%u.\n\n", i);
  g_clear_object (&source);
  source = read_data (text->str, text->len, "many-paragraphs.txt", EXPECT_SOURCE, NULL);
  small = read_data (desk_test_story, strlen (desk_test_story), "story.txt", EXPECT_SOURCE, NULL);
  desk_project_add_source (project, small);
  desk_project_start_draft_from (project, small);
  desk_project_add_source (project, source);
  start = g_get_monotonic_time ();
  suggestions = desk_suggester_suggest (suggester, project);
  desk_test_note_time (start, "suggestions from 20 000 paragraphs");
  g_assert_nonnull (suggestions);
}

static void
test_deep_markup (void)
{
  guint depth = desk_test_scaled (100000);
  g_autoptr(GString) html = g_string_new ("<html><body>");
  g_autoptr(GString) xml = g_string_new ("<?xml version=\"1.0\"?><nitf><body><body.content>");
  g_autoptr(DeskSource) page = NULL;
  g_autoptr(DeskSource) nitf = NULL;

  for (guint i = 0; i < depth; i++)
    {
      g_string_append (html, "<div>");
      g_string_append (xml, "<p>");
    }
  g_string_append (html, "Deep text.");
  g_string_append (xml, "Deep text.");
  for (guint i = 0; i < depth; i++)
    {
      g_string_append (html, "</div>");
      g_string_append (xml, "</p>");
    }
  g_string_append (html, "</body></html>");
  g_string_append (xml, "</body.content></body></nitf>");

  page = read_data (html->str, html->len, "deep.html", EXPECT_EITHER, NULL);
  nitf = read_data (xml->str, xml->len, "deep.xml", EXPECT_EITHER, NULL);
}

/* ---- Entities and external references ---------------------------------------------------- */

/* The XML formats, each a document with @REF@ where a reference goes in the text. */
static const struct
{
  const char *name;
  const char *root;
  const char *body;
} xml_formats[] = {
  { "story.nitf.xml", "nitf",
    "<nitf><head><title>Ferry @REF@</title></head><body><body.head><hedline><hl1>Ferry fire "
    "@REF@</hl1></hedline></body.head><body.content><p>Text @REF@ end.</p><p attr=\"@REF@\">"
    "Second paragraph of the ferry story.</p></body.content></body></nitf>" },
  { "item.g2.xml", "newsItem",
    "<newsItem xmlns=\"http://iptc.org/std/nar/2006-10-01/\" guid=\"g\" version=\"1\">"
    "<contentMeta><headline>Ferry @REF@</headline></contentMeta><contentSet><inlineXML "
    "contenttype=\"application/nitf+xml\"><nitf><body><body.content><p>Text @REF@ end.</p>"
    "</body.content></body></nitf></inlineXML></contentSet></newsItem>" },
  { "newsml1.xml", "NewsML",
    "<NewsML><NewsItem><NewsComponent><NewsLines><HeadLine>Ferry @REF@</HeadLine></NewsLines>"
    "<ContentItem><DataContent><nitf><body><body.content><p>Text @REF@ end.</p></body.content>"
    "</body></nitf></DataContent></ContentItem></NewsComponent></NewsItem></NewsML>" },
  { "page.xhtml", "html",
    "<html xmlns=\"http://www.w3.org/1999/xhtml\"><head><title>Ferry @REF@</title></head>"
    "<body><h1>Ferry fire @REF@</h1><p>Text @REF@ end.</p></body></html>" },
};

static char *
xml_body (guint       format,
          const char *reference)
{
  GString *body = g_string_new (xml_formats[format].body);

  g_string_replace (body, "@REF@", reference, 0);
  return g_string_free (body, FALSE);
}

static char *
xml_document (guint       format,
              const char *subset,
              const char *reference)
{
  g_autofree char *body = xml_body (format, reference);

  return g_strdup_printf ("<?xml version=\"1.0\"?>\n<!DOCTYPE %s [\n%s\n]>\n%s\n",
                          xml_formats[format].root, subset, body);
}

static void
test_entity_bomb (void)
{
  /* A billion laughs, and the quadratic blowup (one big entity referenced many times) */
  g_autoptr(GString) laughs = g_string_new ("<!ENTITY a0 \"laugh laugh laugh laugh laugh\">\n");
  g_autoptr(GString) quadratic = g_string_new ("<!ENTITY q \"");
  g_autoptr(GString) quadratic_refs = g_string_new (NULL);

  for (guint i = 1; i < 12; i++)
    {
      g_string_append_printf (laughs, "<!ENTITY a%u \"", i);
      for (guint j = 0; j < 10; j++)
        g_string_append_printf (laughs, "&a%u;", i - 1);
      g_string_append (laughs, "\">\n");
    }
  for (guint i = 0; i < 50000; i++)
    g_string_append_c (quadratic, 'q');
  g_string_append (quadratic, "\">");
  for (guint i = 0; i < 20000; i++)
    g_string_append (quadratic_refs, "&q;");

  for (guint f = 0; f < G_N_ELEMENTS (xml_formats); f++)
    {
      g_autofree char *bomb = xml_document (f, laughs->str, "&a11;");
      g_autofree char *blowup = xml_document (f, quadratic->str, quadratic_refs->str);
      g_autofree char *recursive = xml_document (f, "<!ENTITY r1 \"&r2;\"><!ENTITY r2 \"&r1;\">",
                                                 "&r1;");
      g_autoptr(DeskSource) source = NULL;
      g_autoptr(DeskSource) blown = NULL;
      g_autoptr(DeskSource) looped = NULL;

      source = read_data (bomb, strlen (bomb), xml_formats[f].name, EXPECT_EITHER, NULL);
      if (source != NULL)
        {
          g_assert_cmpuint (strlen (desk_source_get_text (source)), <, 100000);
          g_assert_null (strstr (desk_source_get_text (source), "laugh laugh"));
        }

      blown = read_data (blowup, strlen (blowup), xml_formats[f].name, EXPECT_EITHER, NULL);
      if (blown != NULL)
        g_assert_cmpuint (strlen (desk_source_get_text (blown)), <, 2 * strlen (blowup));

      looped = read_data (recursive, strlen (recursive), xml_formats[f].name, EXPECT_EITHER, NULL);
    }
}

/* A TCP port on the loopback that records whether anyone connected to it. */
typedef struct
{
  GSocket *socket;
  guint16  port;
} Listener;

static void
listener_start (Listener *listener)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) address = g_inet_socket_address_new (loopback, 0);
  g_autoptr(GSocketAddress) bound = NULL;

  listener->socket = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_STREAM,
                                   G_SOCKET_PROTOCOL_TCP, &error);
  g_assert_no_error (error);
  g_socket_set_blocking (listener->socket, FALSE);
  g_assert_true (g_socket_bind (listener->socket, address, TRUE, &error));
  g_assert_true (g_socket_listen (listener->socket, &error));
  g_assert_no_error (error);
  bound = g_socket_get_local_address (listener->socket, &error);
  g_assert_no_error (error);
  listener->port = g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound));
}

static void
listener_assert_untouched (Listener   *listener,
                           const char *what)
{
  if (g_socket_condition_check (listener->socket, G_IO_IN) & G_IO_IN)
    g_error ("%s: something connected to the network while reading it", what);
}

static void
listener_stop (Listener *listener)
{
  g_socket_close (listener->socket, NULL);
  g_clear_object (&listener->socket);
}

/* Whether @text holds any line of /etc/passwd (or of a file we made to be fetched). */
static gboolean
holds_secret (const char *text,
              const char *secret)
{
  return strstr (text, secret) != NULL || strstr (text, "root:x:0:0") != NULL ||
         strstr (text, "/bin/bash") != NULL || strstr (text, "/usr/sbin/nologin") != NULL;
}

static void
assert_nothing_fetched (const char *document,
                        gsize       length,
                        const char *name,
                        const char *secret,
                        Listener   *listener)
{
  g_autoptr(DeskSource) source = read_data (document, length, name, EXPECT_EITHER, NULL);

  listener_assert_untouched (listener, name);
  if (source != NULL)
    {
      const char * const *bylines = desk_source_get_bylines (source);

      if (holds_secret (desk_source_get_text (source), secret))
        g_error ("%s: a local file was read into the story:\n%s", name,
                 desk_source_get_text (source));
      g_assert_false (holds_secret (desk_source_get_title (source) ?
                                    desk_source_get_title (source) : "", secret));
      for (guint i = 0; bylines != NULL && bylines[i] != NULL; i++)
        g_assert_false (holds_secret (bylines[i], secret));
    }
}

static void
test_external_entities (void)
{
  g_autofree char *dir = desk_test_make_temp_dir ("copydesk-hostile");
  g_autofree char *secret_path = g_build_filename (dir, "secret.txt", NULL);
  g_autofree char *secret_uri = NULL;
  const char *secret = "SECRET-7d1f9a-CONTENTS";
  Listener listener = { 0 };

  g_assert_true (g_file_set_contents (secret_path, secret, -1, NULL));
  secret_uri = g_filename_to_uri (secret_path, NULL, NULL);
  listener_start (&listener);

  for (guint f = 0; f < G_N_ELEMENTS (xml_formats); f++)
    {
      g_autofree char *general = g_strdup_printf (
        "<!ENTITY pw SYSTEM \"file:///etc/passwd\">\n"
        "<!ENTITY sec SYSTEM \"%s\">\n"
        "<!ENTITY net SYSTEM \"http://127.0.0.1:%u/entity\">\n"
        "<!ENTITY discard SYSTEM \"http://127.0.0.1:9/x\">",
        secret_uri, listener.port);
      g_autofree char *parameter = g_strdup_printf (
        "<!ENTITY %% ext SYSTEM \"http://127.0.0.1:%u/parameter.dtd\">\n%%ext;\n"
        "<!ENTITY %% file SYSTEM \"%s\">\n"
        "<!ENTITY %% wrap \"<!ENTITY leak SYSTEM 'http://127.0.0.1:%u/?%%file;'>\">\n%%wrap;",
        listener.port, secret_uri, listener.port);
      g_autofree char *in_text = xml_document (f, general, "&pw; &sec; &net; &discard;");
      g_autofree char *in_parameter = xml_document (f, parameter, "&leak;");
      g_autofree char *body = xml_body (f, "<xi:include "
                                           "xmlns:xi=\"http://www.w3.org/2001/XInclude\" "
                                               "href=\"file:///etc/passwd\" parse=\"text\"/>");
      g_autofree char *xinclude = g_strdup_printf ("<?xml version=\"1.0\"?>\n%s", body);
      g_autofree char *plain = xml_body (f, "plain");
      g_autofree char *external_dtd = g_strdup_printf (
        "<?xml version=\"1.0\"?>\n<!DOCTYPE %s SYSTEM \"http://127.0.0.1:%u/format.dtd\">\n%s",
        xml_formats[f].root, listener.port, plain);
      g_autofree char *public_dtd = g_strdup_printf (
        "<?xml version=\"1.0\"?>\n<!DOCTYPE %s PUBLIC \"-//IPTC//DTD NITF 3.6//EN\" \"%s\">\n%s",
        xml_formats[f].root, secret_uri, plain);
      g_autofree char *stylesheet = g_strdup_printf (
        "<?xml version=\"1.0\"?>\n<?xml-stylesheet type=\"text/xsl\" "
        "href=\"http://127.0.0.1:%u/style.xsl\"?>\n%s", listener.port, plain);

      assert_nothing_fetched (in_text, strlen (in_text), xml_formats[f].name, secret, &listener);
      assert_nothing_fetched (in_parameter, strlen (in_parameter), xml_formats[f].name, secret,
                              &listener);
      assert_nothing_fetched (xinclude, strlen (xinclude), xml_formats[f].name, secret, &listener);
      assert_nothing_fetched (external_dtd, strlen (external_dtd), xml_formats[f].name, secret,
                              &listener);
      assert_nothing_fetched (public_dtd, strlen (public_dtd), xml_formats[f].name, secret,
                              &listener);
      assert_nothing_fetched (stylesheet, strlen (stylesheet), xml_formats[f].name, secret,
                              &listener);
    }

  /* A web page refers to everything a browser would load */
  {
    g_autofree char *page = g_strdup_printf (
      "<!DOCTYPE html SYSTEM \"http://127.0.0.1:%1$u/html.dtd\">\n"
      "<html><head><base href=\"http://127.0.0.1:%1$u/\">"
      "<meta http-equiv=\"refresh\" content=\"0; url=http://127.0.0.1:%1$u/refresh\">"
      "<link rel=\"stylesheet\" href=\"http://127.0.0.1:%1$u/style.css\">"
      "<link rel=\"import\" href=\"%2$s\">"
      "<style>@import url(http://127.0.0.1:%1$u/import.css);</style>"
      "<script src=\"http://127.0.0.1:%1$u/script.js\"></script>"
      "<title>Ferry fire</title></head><body>"
      "<h1>Ferry fire kills 14</h1>"
      "<img src=\"http://127.0.0.1:%1$u/photo.jpg\" srcset=\"http://127.0.0.1:%1$u/2x.jpg 2x\">"
      "<iframe src=\"%2$s\"></iframe><object data=\"%2$s\"></object>"
      "<embed src=\"http://127.0.0.1:%1$u/embed\"><video poster=\"http://127.0.0.1:%1$u/p.jpg\">"
      "<source src=\"http://127.0.0.1:%1$u/v.mp4\"></video>"
      "<p>A fire swept through a ferry &amp; killed 14. &pw;</p>"
      "<p style=\"background: url(http://127.0.0.1:%1$u/bg.png)\">Second paragraph.</p>"
      "<svg><image href=\"%2$s\"/></svg>"
      "</body></html>\n", listener.port, secret_uri);

    assert_nothing_fetched (page, strlen (page), "page.html", secret, &listener);
  }

  /* ninjs: links are metadata, never followed */
  {
    g_autofree char *ninjs = g_strdup_printf (
      "{\"uri\": \"http://127.0.0.1:%1$u/item\", \"headline\": \"Ferry fire\", "
      "\"body_html\": \"<p>Text.</p><img src='http://127.0.0.1:%1$u/x.jpg'>"
      "<iframe src='%2$s'></iframe>\", "
      "\"associations\": {\"photo\": {\"uri\": \"%2$s\", \"renditions\": {\"original\": "
      "{\"href\": \"http://127.0.0.1:%1$u/photo.jpg\"}}}}}", listener.port, secret_uri);

    assert_nothing_fetched (ninjs, strlen (ninjs), "item.json", secret, &listener);
  }

  listener_stop (&listener);
  desk_test_remove_tree (dir);
}

/* ---- JSON of the wrong shape ------------------------------------------------------------- */

static const char * const wrong_values[] = {
  "null", "0", "-1", "1e308", "-9223372036854775809", "true", "\"\"", "\"text\"",
  "[]", "[1, null, {}]", "{}", "{\"value\": 3, \"role\": []}", "[{\"value\": null}]",
  "\"\\u0000\"", "\"\\ud800\"",
};

static void
test_ninjs_wrong_types (void)
{
  static const char * const members[] = {
    "uri", "type", "version", "versioncreated", "firstcreated", "slugline", "headline",
    "headlines", "description_text", "descriptions", "body_text", "body_html", "body_xhtml",
    "bodies", "body", "byline", "by", "located", "ednote", "language", "associations",
    "people", "infosources", "subject", "subjects", "copyrightholder", "urgency",
  };

  for (guint m = 0; m < G_N_ELEMENTS (members); m++)
    for (guint v = 0; v < G_N_ELEMENTS (wrong_values); v++)
      {
        g_autofree char *json = NULL;
        g_autoptr(DeskSource) source = NULL;

        /* With a story beside it, and inside the members that hold objects */
        if (g_str_equal (members[m], "headline"))
          json = g_strdup_printf ("{\"headline\": %s, \"body_text\": \"A fire swept through a "
                                  "ferry.\", \"associations\": {\"a\": {\"headline\": %s}}}",
                                  wrong_values[v], wrong_values[v]);
        else
          json = g_strdup_printf ("{\"headline\": \"Ferry fire\", \"%s\": %s, "
                                  "\"headlines\": [{\"value\": \"H\", \"%s\": %s}], "
                                  "\"bodies\": [{\"value\": \"Body text.\", \"%s\": %s}]}",
                                  members[m], wrong_values[v], members[m], wrong_values[v],
                                  members[m], wrong_values[v]);
        source = read_data (json, strlen (json), "item.json", EXPECT_EITHER, NULL);
      }

  /* Not an object, or JSON cut short */
  {
    static const char * const broken[] = {
      "{\"headline\": \"x\", \"body_text\": ",
      "{\"headline\": \"x\", \"body_text\": \"unterminated",
      "{\"headline\": \"x\" \"body_text\": \"y\"}",
      "{\"headline\": 'x', \"body_text\": \"y\"}",
      "{\"headline\": \"x\", \"body_text\": \"y\",}",
      "[{\"headline\": \"x\", \"body_text\": \"y\"}]",
      "{\"headline\": \"\\u12\", \"body_text\": \"y\"}",
    };

    for (guint i = 0; i < G_N_ELEMENTS (broken); i++)
      {
        g_autoptr(GError) error = NULL;
        g_autoptr(DeskSource) source = read_data (broken[i], strlen (broken[i]), "broken.json",
                                                  EXPECT_EITHER, &error);
      }
  }
}

/* What the fuzzers and these tests found in the readers, and must not come back
 * (tests/fuzz/regressions/, fixed in 635fdf3): by default a source or a clear error. */
static const struct
{
  const char *file;
  Expect      expect;
} regression_expectations[] = {
  /* ninjs followed by a second JSON value: refused (json-glib 1.6 leaked the second) */
  { "leak-second-json-value.json", EXPECT_ERROR },
  /* a web page whose JSON-LD holds two values: the page is read, the JSON-LD ignored */
  { "jsonld-second-value.html", EXPECT_SOURCE },
};

static GBytes *
load_regression (const char *file)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fuzz", "regressions", file, NULL);
  g_autoptr(GFile) gfile = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GInputStream) stream = NULL;
  g_autoptr(GOutputStream) memory = g_memory_output_stream_new_resizable ();

  stream = G_INPUT_STREAM (g_file_read (gfile, NULL, &error));
  g_assert_no_error (error);
  if (g_str_has_suffix (file, ".gz"))
    {
      g_autoptr(GZlibDecompressor) gunzip = g_zlib_decompressor_new (G_ZLIB_COMPRESSOR_FORMAT_GZIP);
      GInputStream *plain = g_converter_input_stream_new (stream, G_CONVERTER (gunzip));

      g_object_unref (stream);
      stream = plain;
    }
  g_output_stream_splice (memory, stream, G_OUTPUT_STREAM_SPLICE_CLOSE_TARGET, NULL, &error);
  g_assert_no_error (error);

  return g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (memory));
}

/* ---- Project files ----------------------------------------------------------------------- */

static DeskSource *
source_from_text (const char *text,
                  const char *name)
{
  g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));
  g_autoptr(GError) error = NULL;
  DeskSource *source = desk_source_new_from_bytes (bytes, name, DESK_SOURCE_ORIGIN_FILE, &error);

  g_assert_no_error (error);
  return source;
}

/* Two sources, a draft from the first with the second's suggestions accepted, an edit. */
static DeskProject *
two_source_project (void)
{
  g_autoptr(DeskProject) project = desk_project_new ();
  g_autoptr(DeskSource) first = source_from_text (desk_test_story, "ap.txt");
  g_autoptr(DeskSource) second = source_from_text (desk_test_other_story, "reuters.txt");
  g_autoptr(DeskSuggester) suggester = desk_suggester_new ();
  g_autoptr(DeskParagraph) typed = desk_paragraph_new ("A paragraph the editor typed.");

  desk_project_add_source (project, first);
  desk_project_add_source (project, second);
  desk_project_start_draft_from (project, first);
  desk_suggester_accept_all (suggester, project);
  desk_draft_append (desk_project_get_draft (project), typed);
  desk_draft_set_headline (desk_project_get_draft (project), "Ferry fire kills 14");

  return g_steal_pointer (&project);
}

static DeskProject *
load_project (const char *data,
              gsize       length,
              const char *name,
              Expect      expect,
              GError    **error_out)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, length);
  g_autoptr(GError) error = NULL;
  g_autoptr(DeskProject) project = NULL;
  gint64 start = g_get_monotonic_time ();

  project = desk_project_file_load_from_bytes (bytes, name, &error);
  desk_test_note_time (start, name);
  g_assert_true ((project == NULL) != (error == NULL));

  if (project == NULL)
    check_error (error, name);
  else
    {
      /* What opened once opens again once saved */
      g_autoptr(GBytes) saved = desk_project_file_save_to_bytes (project);
      g_autoptr(DeskProject) reopened = desk_project_file_load_from_bytes (saved, name, &error);
      g_autofree char *before = NULL;
      g_autofree char *after = NULL;

      g_assert_no_error (error);
      before = desk_draft_to_text (desk_project_get_draft (project));
      after = desk_draft_to_text (desk_project_get_draft (reopened));
      g_assert_cmpstr (before, ==, after);
    }

  if (expect == EXPECT_SOURCE && project == NULL)
    g_error ("“%s” should open, but: %s", name, error->message);
  if (expect == EXPECT_ERROR && project != NULL)
    g_error ("“%s” should be refused, but opened", name);

  if (error_out != NULL)
    *error_out = g_steal_pointer (&error);

  return g_steal_pointer (&project);
}

static void
assert_project_refused (const char *data,
                        gsize       length,
                        const char *name,
                        int         code)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DeskProject) project = load_project (data, length, name, EXPECT_ERROR, &error);

  g_assert_error (error, DESK_ERROR, code);
}

static void
test_project_hostile_bytes (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (1917);
  g_autoptr(DeskProject) valid = two_source_project ();
  g_autoptr(GBytes) saved = desk_project_file_save_to_bytes (valid);
  gsize saved_length;
  const char *saved_data = g_bytes_get_data (saved, &saved_length);
  g_autoptr(GBytes) utf16 = NULL;
  g_autofree char *saved_text = g_strndup (saved_data, saved_length);

  assert_project_refused (LIT (""), "empty.copydesk", DESK_ERROR_EMPTY);
  assert_project_refused (LIT ("{"), "one.copydesk", DESK_ERROR_MALFORMED);
  assert_project_refused (LIT ("\x89PNG\r\n\x1a\n\0\0\0\rIHDR"), "photo.copydesk",
                          DESK_ERROR_MALFORMED);
  assert_project_refused (LIT ("{\"format\": \"copydesk-project\", \"version\": 1, \xff}"),
                          "invalid.copydesk", DESK_ERROR_MALFORMED);
  assert_project_refused (desk_test_story, strlen (desk_test_story), "story.copydesk",
                          DESK_ERROR_MALFORMED);
  assert_project_refused (LIT ("[]"), "array.copydesk", DESK_ERROR_MALFORMED);
  assert_project_refused (LIT ("null"), "null.copydesk", DESK_ERROR_MALFORMED);
  assert_project_refused (LIT ("{}"), "object.copydesk", DESK_ERROR_MALFORMED);

  /* A whole project in UTF-16, and with a NUL inside */
  utf16 = to_utf16 (saved_text, "UTF-16LE");
  assert_project_refused (g_bytes_get_data (utf16, NULL), g_bytes_get_size (utf16),
                          "utf16.copydesk", DESK_ERROR_MALFORMED);
  {
    g_autofree char *nul = g_memdup2 (saved_data, saved_length);

    nul[saved_length / 2] = '\0';
    assert_project_refused (nul, saved_length, "nul.copydesk", DESK_ERROR_MALFORMED);
  }

  /* Cut short anywhere */
  for (gsize cut = 1; cut < saved_length; cut += 1 + cut / 3)
    {
      g_autoptr(DeskProject) project = NULL;

      project = load_project (saved_data, cut, "cut.copydesk", EXPECT_EITHER, NULL);
    }

  /* A second value after the project (json-glib 1.6 would leak it) */
  {
    g_autofree char *two = g_strconcat (saved_text, " {\"format\": \"copydesk-project\"}", NULL);
    g_autofree char *before = g_strconcat ("[1, 2] ", saved_text, NULL);

    assert_project_refused (two, strlen (two), "two.copydesk", DESK_ERROR_MALFORMED);
    assert_project_refused (before, strlen (before), "before.copydesk", DESK_ERROR_MALFORMED);
  }

  /* Random bytes, and random damage to a good file */
  for (guint i = 0; i < 200; i++)
    {
      gsize length = g_rand_int_range (rand, 1, 2048);
      g_autofree guint8 *data = g_malloc (length);
      g_autofree char *damaged = g_memdup2 (saved_data, saved_length);
      g_autoptr(DeskProject) project = NULL;
      g_autoptr(DeskProject) project2 = NULL;

      for (gsize j = 0; j < length; j++)
        data[j] = g_rand_int_range (rand, 0, 256);
      project = load_project ((char *)data, length, "random.copydesk", EXPECT_ERROR, NULL);

      for (guint j = 0; j < 1 + i % 4; j++)
        damaged[g_rand_int_range (rand, 0, saved_length)] = g_rand_int_range (rand, 0x20, 0x7f);
      project2 = load_project (damaged, saved_length, "damaged.copydesk", EXPECT_EITHER, NULL);
    }

  /* Nested too deep for any parser */
  {
    gsize depth = desk_test_scaled (1000000);
    g_autoptr(GString) deep = g_string_new ("{\"format\": \"copydesk-project\", "
                                            "\"version\": 1, \"x\": ");

    for (gsize i = 0; i < depth; i++)
      g_string_append_c (deep, '[');
    for (gsize i = 0; i < depth; i++)
      g_string_append_c (deep, ']');
    g_string_append_c (deep, '}');
    assert_project_refused (deep->str, deep->len, "deep.copydesk", DESK_ERROR_MALFORMED);
  }

  /* A 50 MB line: one string member */
  {
    gsize size = desk_test_scaled (50 * 1000 * 1000);
    g_autoptr(GString) huge = g_string_sized_new (size + 100);
    g_autoptr(DeskProject) project = NULL;

    g_string_append (huge, "{\"format\": \"copydesk-project\", \"version\": 1, \"generator\": \"");
    while (huge->len < size)
      g_string_append (huge, "ferry fire ");
    g_string_append (huge, "\", \"sources\": [], \"draft\": {\"paragraphs\": []}}");
    project = load_project (huge->str, huge->len, "huge.copydesk", EXPECT_EITHER, NULL);
  }
}

/* Every member of a good project, replaced by each value of the wrong type. */
static void
collect_paths (JsonNode  *node,
               GPtrArray *paths,
               const char *prefix)
{
  g_ptr_array_add (paths, g_strdup (prefix));

  if (JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObject *object = json_node_get_object (node);
      g_autoptr(GList) members = json_object_get_members (object);

      for (GList *l = members; l != NULL; l = l->next)
        {
          g_autofree char *path = g_strdup_printf ("%s/%s", prefix, (char *)l->data);

          collect_paths (json_object_get_member (object, l->data), paths, path);
        }
    }
  else if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (array) && i < 3; i++)
        {
          g_autofree char *path = g_strdup_printf ("%s/%u", prefix, i);

          collect_paths (json_array_get_element (array, i), paths, path);
        }
    }
}

static void
replace_at (JsonNode   *root,
            const char *path,
            JsonNode   *value)
{
  g_auto(GStrv) steps = g_strsplit (path + 1, "/", -1);
  JsonNode *node = root;
  guint n = g_strv_length (steps);

  for (guint i = 0; i + 1 < n; i++)
    {
      if (JSON_NODE_HOLDS_OBJECT (node))
        node = json_object_get_member (json_node_get_object (node), steps[i]);
      else
        node = json_array_get_element (json_node_get_array (node), atoi (steps[i]));
    }

  if (JSON_NODE_HOLDS_OBJECT (node))
    json_object_set_member (json_node_get_object (node), steps[n - 1], json_node_copy (value));
  else
    {
      JsonArray *array = json_node_get_array (node);
      guint index = atoi (steps[n - 1]);
      g_autoptr(JsonArray) copy = json_array_new ();

      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          JsonNode *element = i == index ? value : json_array_get_element (array, i);

          json_array_add_element (copy, json_node_copy (element));
        }
      json_node_take_array (node, g_steal_pointer (&copy));
    }
}

static void
test_project_wrong_types (void)
{
  g_autoptr(DeskProject) valid = two_source_project ();
  g_autoptr(GBytes) saved = desk_project_file_save_to_bytes (valid);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  guint n_opened = 0;
  guint n_tried = 0;

  g_assert_true (json_parser_load_from_data (parser, g_bytes_get_data (saved, NULL),
                                             g_bytes_get_size (saved), &error));
  g_assert_no_error (error);

  collect_paths (json_parser_get_root (parser), paths, "");
  g_assert_cmpuint (paths->len, >, 20);

  for (guint p = 1; p < paths->len; p++)
    for (guint v = 0; v < G_N_ELEMENTS (wrong_values); v++)
      {
        g_autoptr(JsonParser) copy_parser = json_parser_new ();
        g_autoptr(JsonNode) value = json_from_string (wrong_values[v], NULL);
        g_autoptr(JsonNode) root = NULL;
        g_autoptr(DeskProject) project = NULL;
        g_autofree char *text = NULL;
        g_autofree char *name = g_strdup_printf ("wrong%s.copydesk", (char *)paths->pdata[p]);

        if (value == NULL)
          continue;
        /* json_node_copy() shares objects and arrays: parse a fresh tree each time */
        g_assert_true (json_parser_load_from_data (copy_parser, g_bytes_get_data (saved, NULL),
                                                   g_bytes_get_size (saved), NULL));
        root = json_node_ref (json_parser_get_root (copy_parser));
        replace_at (root, paths->pdata[p], value);
        text = json_to_string (root, FALSE);
        g_strdelimit (name, "/", '-');

        project = load_project (text, strlen (text), name, EXPECT_EITHER, NULL);
        n_opened += project != NULL;
        n_tried++;
      }

  g_test_message ("%u of %u damaged projects opened", n_opened, n_tried);
}

static void
test_project_odd_values (void)
{
  g_autoptr(DeskProject) valid = two_source_project ();
  g_autoptr(GBytes) saved = desk_project_file_save_to_bytes (valid);
  g_autofree char *text = g_strndup (g_bytes_get_data (saved, NULL), g_bytes_get_size (saved));
  g_autoptr(DeskSource) first = g_list_model_get_item (desk_project_get_sources (valid), 0);
  const char *id = desk_source_get_id (first);
  static const struct { const char *from; const char *to; Expect expect; int code; } edits[] = {
    { "\"version\" : 1", "\"version\" : 2", EXPECT_ERROR, DESK_ERROR_UNSUPPORTED },
    { "\"version\" : 1", "\"version\" : 99999999999999999999", EXPECT_ERROR, -1 },
    { "\"version\" : 1", "\"version\" : -1", EXPECT_ERROR, -1 },
    { "\"version\" : 1", "\"version\" : \"1\"", EXPECT_ERROR, DESK_ERROR_MALFORMED },
    { "\"format\" : \"copydesk-project\"", "\"format\" : \"copydesk\"", EXPECT_ERROR,
      DESK_ERROR_MALFORMED },
    { "\"bytes\" : \"", "\"bytes\" : \"!!!not base64*** ", EXPECT_EITHER, -1 },
    /* A PNG image as a source's bytes */
    { "\"bytes\" : \"", "\"bytes\" : \"iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk"
      "+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==\", \"x\" : \"", EXPECT_ERROR, -1 },
    { "\"roles\" : {", "\"roles\" : { \"999999\" : \"body\", \"-1\" : \"deck\", "
      "\"abc\" : \"deck\", \"0\" : \"nonsense\",", EXPECT_EITHER, -1 },
    { "\"block\" : ", "\"block\" : 4294967296, \"x\" : ", EXPECT_EITHER, -1 },
    { "\"block\" : ", "\"block\" : -7, \"x\" : ", EXPECT_EITHER, -1 },
    { "\"origin\" : \"file\"", "\"origin\" : \"satellite\"", EXPECT_EITHER, -1 },
    { "\"credit_style\" : \"", "\"credit_style\" : \"nonsense\", \"x\" : \"", EXPECT_EITHER, -1 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (edits); i++)
    {
      g_autoptr(GString) edited = g_string_new (text);
      g_autoptr(GError) error = NULL;
      g_autoptr(DeskProject) project = NULL;

      g_assert_nonnull (strstr (text, edits[i].from));
      g_string_replace (edited, edits[i].from, edits[i].to, 1);
      project = load_project (edited->str, edited->len, "odd.copydesk", edits[i].expect, &error);
      if (edits[i].code >= 0)
        g_assert_error (error, DESK_ERROR, edits[i].code);
    }

  /* Unknown source ids, the same source twice */
  {
    g_autoptr(GString) edited = g_string_new (text);
    g_autoptr(DeskProject) project = NULL;

    g_string_replace (edited, id, "ffffffffffffffff", 0);
    project = load_project (edited->str, edited->len, "ids.copydesk", EXPECT_EITHER, NULL);
  }

  /* Many sources: each is read again when the project opens */
  {
    g_autoptr(DeskProject) many = desk_project_new ();
    g_autoptr(GBytes) many_saved = NULL;
    g_autoptr(DeskProject) project = NULL;
    guint n = desk_test_scaled (2000);

    for (guint i = 0; i < n; i++)
      {
        g_autofree char *line = g_strdup_printf ("Story number %u about the ferry.\n", i);
        g_autoptr(DeskSource) source = source_from_text (line, "many.txt");

        desk_project_add_source (many, source);
      }
    many_saved = desk_project_file_save_to_bytes (many);
    project = load_project (g_bytes_get_data (many_saved, NULL), g_bytes_get_size (many_saved),
                            "many.copydesk", EXPECT_SOURCE, NULL);
    g_assert_cmpuint (g_list_model_get_n_items (desk_project_get_sources (project)), ==, n);
  }
}

/* ---- The project a failed read was meant for is untouched -------------------------------- */

static void
test_project_untouched (void)
{
  static const struct { const char *name; const char *data; gsize length; } hostile[] = {
    { "empty.txt", LIT ("") },
    { "photo.png", LIT ("\x89PNG\r\n\x1a\n\0\0\0\rIHDR") },
    { "bomb.xml", LIT ("<?xml version=\"1.0\"?><!DOCTYPE nitf [<!ENTITY a \"aaaaaaaaaa\">"
      "<!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\"><!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\">"
      "<!ENTITY d \"&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;\">]><nitf><body><p>&d;&d;&d;</p>") },
    { "rss.xml", LIT ("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel/></rss>") },
    { "list.json", LIT ("[{\"headline\": \"x\"}]") },
    { "broken.json", LIT ("{\"headline\": \"x\", \"body_text\": ") },
  };
  g_autoptr(DeskProject) project = two_source_project ();
  g_autoptr(GBytes) before = desk_project_file_save_to_bytes (project);
  g_autofree char *draft_before = desk_draft_to_text (desk_project_get_draft (project));
  g_autofree char *dir = desk_test_make_temp_dir ("copydesk-hostile");

  for (guint i = 0; i < G_N_ELEMENTS (hostile); i++)
    {
      gsize length = hostile[i].length;
      g_autoptr(GError) error = NULL;
      g_autoptr(GError) file_error = NULL;
      g_autoptr(DeskSource) source = NULL;
      g_autoptr(DeskSource) from_file = NULL;
      g_autoptr(GBytes) after = NULL;
      g_autofree char *draft_after = NULL;

      /* As the editor adds a file: read it, and add it only if it was read */
      source = read_data (hostile[i].data, length, hostile[i].name, EXPECT_ERROR, &error);
      from_file = read_file (dir, hostile[i].name, hostile[i].data, length, EXPECT_ERROR,
                             &file_error);
      if (source != NULL)
        desk_project_add_source (project, source);

      g_assert_cmpuint (g_list_model_get_n_items (desk_project_get_sources (project)), ==, 2);
      draft_after = desk_draft_to_text (desk_project_get_draft (project));
      g_assert_cmpstr (draft_after, ==, draft_before);
      after = desk_project_file_save_to_bytes (project);
      g_assert_true (g_bytes_equal (before, after));
    }

  /* A project file that fails to open leaves the open project alone as well */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(DeskProject) other = load_project (LIT ("{\"format\": \"copydesk-project\""),
                                                 "broken.copydesk", EXPECT_ERROR, &error);
    g_autoptr(GBytes) after = desk_project_file_save_to_bytes (project);

    g_assert_true (g_bytes_equal (before, after));
  }

  desk_test_remove_tree (dir);
}

/* ---- copydesk-merge on hostile files ------------------------------------------------------ */

static void
test_cli (void)
{
  static const struct { const char *name; const char *data; gsize length; } hostile[] = {
    { "empty.txt", LIT ("") },
    { "photo.png", LIT ("\x89PNG\r\n\x1a\n\0\0\0\rIHDR") },
    { "program", LIT ("\x7f" "ELF\x02\x01\x01\0\0\0\0\0\0\0\0\0") },
    { "nul.txt", LIT ("Hello\0world\0 this is text\n") },
    { "rss.xml", LIT ("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel/></rss>") },
    { "broken.xml", LIT ("<?xml version=\"1.0\"?><nitf><body><p>cut sh") },
    { "broken.json", LIT ("{\"headline\": \"x\", \"body_text\": ") },
  };
  g_autofree char *dir = NULL;
  g_autofree char *good = NULL;
  g_autofree char *out = NULL;

  if (g_getenv ("COPYDESK_MERGE") == NULL)
    {
      g_test_skip ("COPYDESK_MERGE is not set");
      return;
    }

  dir = desk_test_make_temp_dir ("copydesk-hostile");
  good = g_build_filename (dir, "good.txt", NULL);
  out = g_build_filename (dir, "story.html", NULL);
  g_assert_true (g_file_set_contents (good, desk_test_story, -1, NULL));

  for (guint i = 0; i < G_N_ELEMENTS (hostile); i++)
    {
      g_autofree char *path = g_build_filename (dir, hostile[i].name, NULL);
      gsize length = hostile[i].length;
      g_auto(DeskTestRun) inspect = { 0 };
      g_auto(DeskTestRun) suggest = { 0 };
      g_auto(DeskTestRun) merge = { 0 };
      g_autofree char *kept = NULL;

      g_assert_true (g_file_set_contents (path, hostile[i].data, length, NULL));
      g_assert_true (g_file_set_contents (out, "the old export", -1, NULL));

      desk_test_run_tool (&inspect, NULL, "inspect", path);
      g_assert_cmpint (inspect.status, ==, 1);
      g_assert_nonnull (strstr (inspect.err, hostile[i].name));
      g_assert_true (g_utf8_validate (inspect.err, -1, NULL));

      desk_test_run_tool (&suggest, NULL, "suggest", good, path);
      g_assert_cmpint (suggest.status, ==, 1);
      g_assert_nonnull (strstr (suggest.err, hostile[i].name));

      /* A merge that cannot read a source writes nothing */
      desk_test_run_tool (&merge, NULL, "merge", "-f", "html", "-o", out, good, path);
      g_assert_cmpint (merge.status, ==, 1);
      g_assert_nonnull (strstr (merge.err, hostile[i].name));
      g_assert_true (g_file_get_contents (out, &kept, NULL, NULL));
      g_assert_cmpstr (kept, ==, "the old export");
    }

  desk_test_remove_tree (dir);
}

/* ---- Saves that fail keep the old file --------------------------------------------------- */

static void
assert_save_fails (DeskProject *project,
                   GFile       *file)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) export_error = NULL;
  g_autofree char *name = g_file_get_parse_name (file);
  DeskExportOptions options;

  g_assert_false (desk_project_file_save (project, file, NULL, &error));
  g_assert_nonnull (error);
  check_error (error, name);

  desk_export_options_init_for_project (&options, project);
  options.format = DESK_EXPORT_FORMAT_HTML;
  g_assert_false (desk_export_to_file (project, &options, file, NULL, &export_error));
  g_assert_nonnull (export_error);
  check_error (export_error, name);
}

static void
test_save_fails (void)
{
  g_autoptr(DeskProject) project = two_source_project ();
  g_autofree char *dir = desk_test_make_temp_dir ("copydesk-hostile");
  g_autofree char *regular = g_build_filename (dir, "not-a-folder", NULL);
  g_autofree char *under_regular = g_build_filename (regular, "story.copydesk", NULL);
  g_autoptr(GFile) under_file = g_file_new_for_path (under_regular);
  g_autoptr(GFile) in_proc = g_file_new_for_path ("/proc/copydesk-hostile-test.copydesk");
  g_autoptr(GFile) resource = g_file_new_for_uri ("resource:///io/github/copydesk/x.copydesk");
  g_autofree char *missing = g_build_filename (dir, "no", "such", "folder", "story.copydesk", NULL);
  g_autoptr(GFile) missing_file = g_file_new_for_path (missing);

  /* A parent that is a file, a folder that does not exist, /proc, a read-only GFile: these
   * fail for root too */
  g_assert_true (g_file_set_contents (regular, "old", -1, NULL));
  assert_save_fails (project, under_file);
  assert_save_fails (project, missing_file);
  assert_save_fails (project, in_proc);
  assert_save_fails (project, resource);
  {
    g_autofree char *old = NULL;

    g_assert_true (g_file_get_contents (regular, &old, NULL, NULL));
    g_assert_cmpstr (old, ==, "old");
  }
  g_assert_cmpuint (count_entries (dir), ==, 1);

  desk_test_remove_tree (dir);
}

static void
test_save_read_only_folder (void)
{
  g_autoptr(DeskProject) project = two_source_project ();
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *old = NULL;
  g_autoptr(GFile) file = NULL;

  if (geteuid () == 0)
    {
      g_test_skip ("root writes into read-only folders (see /hostile/save-full-disk)");
      return;
    }

  dir = desk_test_make_temp_dir ("copydesk-hostile");
  path = g_build_filename (dir, "story.copydesk", NULL);
  file = g_file_new_for_path (path);
  g_assert_true (g_file_set_contents (path, "old", -1, NULL));
  g_assert_cmpint (g_chmod (dir, 0555), ==, 0);

  assert_save_fails (project, file);

  g_assert_cmpint (g_chmod (dir, 0755), ==, 0);
  g_assert_true (g_file_get_contents (path, &old, NULL, NULL));
  g_assert_cmpstr (old, ==, "old");
  g_assert_cmpuint (count_entries (dir), ==, 1);

  desk_test_remove_tree (dir);
}

/* A full disk, for root as well: the file size limit makes every write past it fail
 * (EFBIG), as ENOSPC would. In a subprocess, so that the limit goes with it. */
static void
test_save_full_disk (void)
{
  static const char old_contents[] = "{\"the old project\": true}\n";
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *export_path = NULL;
  g_autofree char *old = NULL;
  g_autofree char *old_export = NULL;

  if (!g_test_subprocess ())
    {
      g_test_trap_subprocess (NULL, 60 * G_USEC_PER_SEC * desk_test_time_factor (),
                              G_TEST_SUBPROCESS_INHERIT_STDERR);
      g_test_trap_assert_passed ();
      return;
    }

  dir = desk_test_make_temp_dir ("copydesk-hostile");
  path = g_build_filename (dir, "story.copydesk", NULL);
  export_path = g_build_filename (dir, "story.html", NULL);
  g_assert_true (g_file_set_contents (path, old_contents, -1, NULL));
  g_assert_true (g_file_set_contents (export_path, old_contents, -1, NULL));

  {
    g_autoptr(DeskProject) project = two_source_project ();
    g_autoptr(GFile) file = g_file_new_for_path (path);
    g_autoptr(GFile) export_file = g_file_new_for_path (export_path);
    g_autoptr(GError) error = NULL;
    g_autoptr(GError) export_error = NULL;
    struct rlimit limit = { 100, 100 };
    DeskExportOptions options;

    signal (SIGXFSZ, SIG_IGN);
    g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &limit), ==, 0);

    g_assert_false (desk_project_file_save (project, file, NULL, &error));
    check_error (error, path);
    g_test_message ("%s", error->message);

    desk_export_options_init_for_project (&options, project);
    options.format = DESK_EXPORT_FORMAT_HTML;
    g_assert_false (desk_export_to_file (project, &options, export_file, NULL, &export_error));
    check_error (export_error, export_path);
  }

  g_assert_true (g_file_get_contents (path, &old, NULL, NULL));
  g_assert_cmpstr (old, ==, old_contents);
  g_assert_true (g_file_get_contents (export_path, &old_export, NULL, NULL));
  g_assert_cmpstr (old_export, ==, old_contents);
  /* No temporary file left behind */
  g_assert_cmpuint (count_entries (dir), ==, 2);

  desk_test_remove_tree (dir);
}

/* ---- Export escapes every field --------------------------------------------------------- */

static void
assert_only_known_tags (const char *html)
{
  static const char * const tags[] = {
    "!DOCTYPE html>", "html ", "html>", "/html>", "head>", "/head>", "meta ", "title>", "/title>",
    "style>", "/style>", "script ", "/script>", "body>", "/body>", "article>", "/article>",
    "h1>", "/h1>", "p>", "p ", "/p>", "span ", "/span>", "footer>", "/footer>",
  };

  for (const char *p = strchr (html, '<'); p != NULL; p = strchr (p + 1, '<'))
    {
      gboolean known = FALSE;

      for (guint i = 0; i < G_N_ELEMENTS (tags) && !known; i++)
        known = strncmp (p + 1, tags[i], strlen (tags[i])) == 0;
      if (!known)
        g_error ("The HTML export has markup that came from the text: %.60s", p);
    }
}

static void
test_export_escapes (void)
{
  static const char evil[] =
    "<script>alert(1)</script><img src=x onerror=alert(2)>\"'&amp;<!-- --></p><iframe "
    "src=\"javascript:alert(3)\"></title></style></script><svg onload=alert(4)>";
  g_autoptr(DeskProject) project = desk_project_new ();
  g_autofree char *text = g_strdup_printf ("%s\n\nBy %s of %s\n\n%s (AP) — %s said on "
                                           "Friday.\n\nInformation for this article was "
                                           "contributed by %s of %s.\n",
                                           evil, evil, evil, evil, evil, evil, evil);
  g_autoptr(DeskSource) source = source_from_text (text, evil);
  DeskDraft *draft;
  g_autoptr(DeskParagraph) typed = desk_paragraph_new (evil);

  desk_project_add_source (project, source);
  desk_project_start_draft_from (project, source);
  draft = desk_project_get_draft (project);
  desk_draft_set_headline (draft, evil);
  desk_draft_set_byline (draft, evil);
  desk_draft_set_dateline (draft, evil);
  desk_draft_append (draft, typed);

  for (guint fragment = 0; fragment < 2; fragment++)
    for (guint provenance = 0; provenance < 2; provenance++)
      {
        DeskExportOptions options;
        g_autofree char *html = NULL;

        desk_export_options_init_for_project (&options, project);
        options.format = DESK_EXPORT_FORMAT_HTML;
        options.fragment = fragment;
        options.provenance = provenance;
        html = desk_export_to_string (project, &options);
        /* "onerror=" may stay, as text: only markup matters */
        assert_only_known_tags (html);
        g_assert_null (strstr (html, "</script><"));
      }
}

/* ---- What the fuzzers found ------------------------------------------------------------- */

/* Every input saved in tests/fuzz/regressions/, through the public entry points, in this
 * build (build-aux/fuzz runs them in the fuzzing build): deep nesting (SIGSEGV in json-glib),
 * second JSON values (leaks), invalid UTF-8 at a line break (NULL from g_regex_split()),
 * a damaged project whose parse error was invalid UTF-8. */
static void
test_fuzz_regressions (void)
{
  g_autofree char *root = g_test_build_filename (G_TEST_DIST, "fuzz", "regressions", NULL);
  g_autoptr(GDir) targets = g_dir_open (root, 0, NULL);
  const char *target;
  guint n = 0;

  if (targets == NULL)
    {
      g_test_skip ("no tests/fuzz/regressions");
      return;
    }

  while ((target = g_dir_read_name (targets)) != NULL)
    {
      g_autofree char *dir_path = g_build_filename (root, target, NULL);
      g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
      const char *name;

      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *file = g_build_filename (target, name, NULL);
          g_autoptr(GBytes) bytes = load_regression (file);
          gsize length;
          const char *data = g_bytes_get_data (bytes, &length);
          Expect expect = EXPECT_EITHER;

          for (guint i = 0; i < G_N_ELEMENTS (regression_expectations); i++)
            if (g_str_equal (regression_expectations[i].file, name))
              expect = regression_expectations[i].expect;

          if (g_str_equal (target, "fuzz-project"))
            {
              g_autoptr(DeskProject) project = load_project (data, length, name, expect, NULL);
            }
          else
            {
              g_autoptr(DeskSource) source = read_bytes (bytes, name, expect, NULL);
            }
          n++;
        }
    }

  g_test_message ("%u saved inputs", n);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/hostile/empty", test_empty);
  g_test_add_func ("/hostile/one-byte", test_one_byte);
  g_test_add_func ("/hostile/binary", test_binary);
  g_test_add_func ("/hostile/random", test_random);
  g_test_add_func ("/hostile/invalid-utf8", test_invalid_utf8);
  g_test_add_func ("/hostile/utf16-without-bom", test_utf16_without_bom);
  g_test_add_func ("/hostile/nul-bytes", test_nul_bytes);
  g_test_add_func ("/hostile/huge-line", test_huge_line);
  g_test_add_func ("/hostile/huge-word", test_huge_word);
  g_test_add_func ("/hostile/many-paragraphs", test_many_paragraphs);
  g_test_add_func ("/hostile/deep-markup", test_deep_markup);
  g_test_add_func ("/hostile/entity-bomb", test_entity_bomb);
  g_test_add_func ("/hostile/external-entities", test_external_entities);
  g_test_add_func ("/hostile/ninjs-wrong-types", test_ninjs_wrong_types);
  g_test_add_func ("/hostile/project-bytes", test_project_hostile_bytes);
  g_test_add_func ("/hostile/project-wrong-types", test_project_wrong_types);
  g_test_add_func ("/hostile/project-odd-values", test_project_odd_values);
  g_test_add_func ("/hostile/project-untouched", test_project_untouched);
  g_test_add_func ("/hostile/cli", test_cli);
  g_test_add_func ("/hostile/save-fails", test_save_fails);
  g_test_add_func ("/hostile/save-read-only-folder", test_save_read_only_folder);
  g_test_add_func ("/hostile/save-full-disk", test_save_full_disk);
  g_test_add_func ("/hostile/export-escapes", test_export_escapes);
  g_test_add_func ("/hostile/fuzz-regressions", test_fuzz_regressions);

  return g_test_run ();
}
