/* desk-json.c: the JSON shapes copydesk-merge prints
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "desk-json.h"

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

/**
 * desk_json_write_source:
 * @writer: a writer where a value goes
 * @source: a source
 * @with_blocks: whether to write the source's blocks
 *
 * Writes the source as `copydesk-merge inspect --json` prints it: path, id, title, agency,
 * byline, dateline, date, encoding, format, slug, guid, version, signal, repaired, invalid,
 * credits (name, organization, role) and, with @with_blocks, blocks (role, text, start,
 * end, reason), with roles as their lower-case words.
 */
void
desk_json_write_source (DeskJsonWriter *writer,
                        DeskSource     *source,
                        gboolean        with_blocks)
{
  g_autofree char *byline = NULL;
  GListModel *credits;
  GListModel *blocks;

  g_return_if_fail (writer != NULL);
  g_return_if_fail (DESK_IS_SOURCE (source));

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

/**
 * desk_json_replace_nul_escapes:
 * @data: JSON text, not necessarily valid
 * @length: its length in bytes
 *
 * json-glib 1.6 reads "\u0000" into a NUL byte and keeps the string as a C string, so
 * everything after it is lost: the rest of a ninjs body, a co-author. Before parsing, each
 * such escape becomes "\uFFFD", the replacement character, as a NUL byte in any text
 * Copydesk reads does (escaped backslashes, "\\u0000", are left alone).
 *
 * Returns: (transfer full) (nullable): the text with the escapes replaced, NUL-terminated,
 *   of the same length; %NULL when there is none
 */
char *
desk_json_replace_nul_escapes (const char *data,
                               gsize       length)
{
  char *copy = NULL;

  for (gsize i = 0; i + 1 < length; i++)
    {
      if (data[i] != '\\')
        continue;

      if (data[i + 1] == 'u' && i + 6 <= length && memcmp (data + i + 2, "0000", 4) == 0)
        {
          if (copy == NULL)
            copy = g_strndup (data, length);
          memcpy (copy + i + 2, "FFFD", 4);
          i += 5;
        }
      else
        i++;
    }

  return copy;
}

/**
 * desk_json_check_shape:
 * @data: JSON text, not necessarily valid
 * @length: its length in bytes
 * @max_depth: how deep arrays and objects may nest
 *
 * Looks at untrusted JSON before json-glib parses it: json-glib 1.6 recurses once per level
 * of nesting, and of a text holding several values it reads the first and leaks the rest.
 * Text that is merely invalid passes: the parser reports it.
 *
 * Returns: whether @data is one object or array, nested no deeper than @max_depth
 */
DeskJsonShape
desk_json_check_shape (const char *data,
                       gsize       length,
                       guint       max_depth)
{
  guint depth = 0;
  gboolean in_string = FALSE;
  gsize i = 0;

  while (i < length && g_ascii_isspace (data[i]))
    i++;
  if (i == length || (data[i] != '{' && data[i] != '['))
    return DESK_JSON_SHAPE_NOT_ONE;

  for (; i < length; i++)
    {
      char c = data[i];

      if (in_string)
        {
          if (c == '\\')
            i++;
          else if (c == '"')
            in_string = FALSE;
          continue;
        }

      if (c == '"')
        in_string = TRUE;
      else if (c == '{' || c == '[')
        {
          if (++depth > max_depth)
            return DESK_JSON_SHAPE_TOO_DEEP;
        }
      else if ((c == '}' || c == ']') && depth > 0 && --depth == 0)
        {
          i++;
          break;
        }
    }

  while (i < length && g_ascii_isspace (data[i]))
    i++;

  return i >= length ? DESK_JSON_SHAPE_OK : DESK_JSON_SHAPE_NOT_ONE;
}
