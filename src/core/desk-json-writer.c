/* desk-json-writer.c: JSON written as a stream, without a tree
 *
 * copydesk-merge prints what it finds as JSON. Building a json-glib tree of every
 * suggestion first, then a string of the whole tree, then printing it held the output three
 * times in memory and was half the command's time on a large roundup. This writer prints
 * as it goes, through a small buffer, in the layout json-glib's pretty generator uses with
 * an indent of two (so the output reads, and compares, as before): `"name" : value`, one
 * member or element a line, `[]` and `{}` when empty.
 *
 * Strings are escaped as RFC 8259 asks: `"` and `\`, every control character below 0x20
 * (as \b \f \n \r \t, or \u00XX; a NUL within a counted string as \u0000) and DEL as
 * \u007f. Text that is not valid UTF-8 (a file name from a foreign system) is written with
 * U+FFFD for each invalid byte, so the output is always valid JSON.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <string.h>

#include <gio/gio.h>

#include "desk-json-writer.h"

#define FLUSH_AT (64 * 1024)
#define INDENT   2

struct _DeskJsonWriter
{
  FILE     *file;
  GString  *buffer;
  GArray   *counts;        /* elements written so far, one per open object or array */
  gboolean  after_member;  /* a member's name is written, its value is next */
  int       write_errno;   /* the first failed write's errno, or 0 */
};

/**
 * desk_json_writer_new:
 * @file: where to write, e.g. stdout
 *
 * Returns: (transfer full): a writer for one JSON value; write it, then
 *   desk_json_writer_finish()
 */
DeskJsonWriter *
desk_json_writer_new (FILE *file)
{
  DeskJsonWriter *writer;

  g_return_val_if_fail (file != NULL, NULL);

  writer = g_new0 (DeskJsonWriter, 1);
  writer->file = file;
  writer->buffer = g_string_sized_new (FLUSH_AT + 4096);
  writer->counts = g_array_new (FALSE, FALSE, sizeof (guint));

  return writer;
}

void
desk_json_writer_free (DeskJsonWriter *writer)
{
  if (writer == NULL)
    return;

  g_string_free (writer->buffer, TRUE);
  g_array_unref (writer->counts);
  g_free (writer);
}

static void
flush_buffer (DeskJsonWriter *writer)
{
  if (writer->buffer->len == 0)
    return;

  if (writer->write_errno == 0 &&
      fwrite (writer->buffer->str, 1, writer->buffer->len, writer->file) != writer->buffer->len)
    writer->write_errno = errno != 0 ? errno : EIO;

  g_string_truncate (writer->buffer, 0);
}

static inline void
maybe_flush (DeskJsonWriter *writer)
{
  if (writer->buffer->len >= FLUSH_AT)
    flush_buffer (writer);
}

static void
append_indent (GString *buffer,
               guint    level)
{
  static const char spaces[] = "                                ";
  guint n = level * INDENT;

  while (n > 0)
    {
      guint chunk = MIN (n, sizeof spaces - 1);

      g_string_append_len (buffer, spaces, chunk);
      n -= chunk;
    }
}

/* Appends @length bytes of valid UTF-8, escaped. */
static void
append_escaped_valid (GString    *out,
                      const char *text,
                      gsize       length)
{
  const guchar *p = (const guchar *)text;
  const guchar *end = p + length;
  const guchar *run = p;

  for (; p < end; p++)
    {
      guchar c = *p;

      if (G_LIKELY (c >= 0x20 && c != '"' && c != '\\' && c != 0x7f))
        continue;

      g_string_append_len (out, (const char *)run, p - run);
      run = p + 1;

      switch (c)
        {
        case '"':
          g_string_append_len (out, "\\\"", 2);
          break;
        case '\\':
          g_string_append_len (out, "\\\\", 2);
          break;
        case '\b':
          g_string_append_len (out, "\\b", 2);
          break;
        case '\f':
          g_string_append_len (out, "\\f", 2);
          break;
        case '\n':
          g_string_append_len (out, "\\n", 2);
          break;
        case '\r':
          g_string_append_len (out, "\\r", 2);
          break;
        case '\t':
          g_string_append_len (out, "\\t", 2);
          break;
        default:
          g_string_append_printf (out, "\\u%04x", (guint)c);
          break;
        }
    }

  g_string_append_len (out, (const char *)run, p - run);
}

/* Appends @length bytes of @text escaped: NUL as \u0000, each byte that is not part of
 * valid UTF-8 as U+FFFD. */
static void
append_escaped (GString    *out,
                const char *text,
                gsize       length)
{
  const char *p = text;
  const char *stop = text + length;

  while (p < stop)
    {
      const char *valid_end = NULL;

      if (g_utf8_validate_len (p, stop - p, &valid_end))
        valid_end = stop;

      append_escaped_valid (out, p, valid_end - p);
      if (valid_end == stop)
        break;

      if (*valid_end == '\0')
        g_string_append_len (out, "\\u0000", 6);
      else
        g_string_append_len (out, "\xef\xbf\xbd", 3);
      p = valid_end + 1;
    }
}

/**
 * desk_json_escape:
 * @value: text, not necessarily valid UTF-8, possibly with NUL bytes
 * @length: its length in bytes, or -1 when it ends at its first NUL
 *
 * Returns: (transfer full): @value as a JSON string's contents, without the quotes
 */
char *
desk_json_escape (const char *value,
                  gsize       length)
{
  GString *out;

  g_return_val_if_fail (value != NULL || length == 0, NULL);

  if (length == (gsize)-1)
    length = strlen (value);

  out = g_string_sized_new (length + 8);
  append_escaped (out, value, length);

  return g_string_free (out, FALSE);
}

/* Before any value: the separator and indent inside an object or array, unless the value
 * follows its member's name. */
static void
begin_value (DeskJsonWriter *writer)
{
  guint *count;

  if (writer->after_member)
    {
      writer->after_member = FALSE;
      return;
    }

  if (writer->counts->len == 0)
    return;

  count = &g_array_index (writer->counts, guint, writer->counts->len - 1);
  g_string_append_len (writer->buffer, *count == 0 ? "\n" : ",\n", *count == 0 ? 1 : 2);
  (*count)++;
  append_indent (writer->buffer, writer->counts->len);
}

/**
 * desk_json_writer_member:
 * @writer: a writer inside an object
 * @name: the member's name
 *
 * Writes a member's name; its value is the next thing written.
 */
void
desk_json_writer_member (DeskJsonWriter *writer,
                         const char     *name)
{
  g_return_if_fail (writer != NULL);
  g_return_if_fail (name != NULL);
  g_return_if_fail (writer->counts->len > 0 && !writer->after_member);

  begin_value (writer);
  g_string_append_c (writer->buffer, '"');
  append_escaped (writer->buffer, name, strlen (name));
  g_string_append_len (writer->buffer, "\" : ", 4);
  writer->after_member = TRUE;
}

static void
begin_container (DeskJsonWriter *writer,
                 char            open)
{
  guint zero = 0;

  begin_value (writer);
  g_string_append_c (writer->buffer, open);
  g_array_append_val (writer->counts, zero);
}

static void
end_container (DeskJsonWriter *writer,
               char            close)
{
  guint count;

  g_return_if_fail (writer->counts->len > 0 && !writer->after_member);

  count = g_array_index (writer->counts, guint, writer->counts->len - 1);
  g_array_set_size (writer->counts, writer->counts->len - 1);
  if (count > 0)
    {
      g_string_append_c (writer->buffer, '\n');
      append_indent (writer->buffer, writer->counts->len);
    }
  g_string_append_c (writer->buffer, close);
  maybe_flush (writer);
}

void
desk_json_writer_begin_object (DeskJsonWriter *writer)
{
  g_return_if_fail (writer != NULL);
  begin_container (writer, '{');
}

void
desk_json_writer_end_object (DeskJsonWriter *writer)
{
  g_return_if_fail (writer != NULL);
  end_container (writer, '}');
}

void
desk_json_writer_begin_array (DeskJsonWriter *writer)
{
  g_return_if_fail (writer != NULL);
  begin_container (writer, '[');
}

void
desk_json_writer_end_array (DeskJsonWriter *writer)
{
  g_return_if_fail (writer != NULL);
  end_container (writer, ']');
}

/**
 * desk_json_writer_string_len:
 * @writer: a writer
 * @value: (nullable): text, possibly with NUL bytes; %NULL writes `null`
 * @length: its length in bytes
 */
void
desk_json_writer_string_len (DeskJsonWriter *writer,
                             const char     *value,
                             gsize           length)
{
  g_return_if_fail (writer != NULL);

  if (value == NULL)
    {
      desk_json_writer_null (writer);
      return;
    }

  begin_value (writer);
  g_string_append_c (writer->buffer, '"');
  append_escaped (writer->buffer, value, length);
  g_string_append_c (writer->buffer, '"');
  maybe_flush (writer);
}

/**
 * desk_json_writer_string:
 * @writer: a writer
 * @value: (nullable): text; %NULL writes `null`
 */
void
desk_json_writer_string (DeskJsonWriter *writer,
                         const char     *value)
{
  desk_json_writer_string_len (writer, value, value != NULL ? strlen (value) : 0);
}

void
desk_json_writer_int (DeskJsonWriter *writer,
                      gint64          value)
{
  g_return_if_fail (writer != NULL);

  begin_value (writer);
  g_string_append_printf (writer->buffer, "%" G_GINT64_FORMAT, value);
}

/* As the shortest text that reads back as the same double, with ".0" on a whole number so
 * that it stays a double for readers that tell the two apart. */
void
desk_json_writer_double (DeskJsonWriter *writer,
                         double          value)
{
  char text[G_ASCII_DTOSTR_BUF_SIZE];

  g_return_if_fail (writer != NULL);

  begin_value (writer);
  g_ascii_dtostr (text, sizeof text, value);
  g_string_append (writer->buffer, text);
  if (strpbrk (text, ".eE") == NULL)
    g_string_append_len (writer->buffer, ".0", 2);
}

void
desk_json_writer_boolean (DeskJsonWriter *writer,
                          gboolean        value)
{
  g_return_if_fail (writer != NULL);

  begin_value (writer);
  g_string_append (writer->buffer, value ? "true" : "false");
}

void
desk_json_writer_null (DeskJsonWriter *writer)
{
  g_return_if_fail (writer != NULL);

  begin_value (writer);
  g_string_append_len (writer->buffer, "null", 4);
}

/**
 * desk_json_writer_finish:
 * @writer: a writer whose value is complete
 * @error: where a failed write is reported
 *
 * Ends the output with a newline and flushes it.
 *
 * Returns: whether everything was written
 */
gboolean
desk_json_writer_finish (DeskJsonWriter  *writer,
                         GError         **error)
{
  g_return_val_if_fail (writer != NULL, FALSE);
  g_return_val_if_fail (writer->counts->len == 0, FALSE);

  g_string_append_c (writer->buffer, '\n');
  flush_buffer (writer);
  if (writer->write_errno == 0 && fflush (writer->file) != 0)
    writer->write_errno = errno != 0 ? errno : EIO;

  if (writer->write_errno != 0)
    {
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (writer->write_errno),
                   "%s", g_strerror (writer->write_errno));
      return FALSE;
    }

  return TRUE;
}
