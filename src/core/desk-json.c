/* desk-json.c: the JSON shapes copydesk-merge prints
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "desk-json.h"

static void
add_string (JsonBuilder *builder,
            const char  *member,
            const char  *value)
{
  json_builder_set_member_name (builder, member);
  if (value != NULL)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

/**
 * desk_json_from_source:
 * @source: a source
 *
 * The source as `copydesk-merge inspect --json` prints it: path, title, agency, byline,
 * dateline, date, encoding, format, slug, guid, version, signal, credits (name,
 * organization, role) and blocks (role, text, start, end, reason), with roles as their
 * lower-case words.
 *
 * Returns: (transfer full): a JSON object
 */
JsonNode *
desk_json_from_source (DeskSource *source)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autofree char *byline = NULL;
  GListModel *credits;
  GListModel *blocks;

  g_return_val_if_fail (DESK_IS_SOURCE (source), NULL);

  credits = desk_source_get_credits (source);
  blocks = desk_source_get_blocks (source);
  if (desk_source_get_bylines (source)[0] != NULL)
    byline = g_strjoinv (", ", (GStrv)desk_source_get_bylines (source));

  json_builder_begin_object (builder);
  add_string (builder, "path", desk_source_get_name (source));
  add_string (builder, "id", desk_source_get_id (source));
  add_string (builder, "title", desk_source_get_title (source));
  add_string (builder, "agency", desk_source_get_agency (source));
  add_string (builder, "byline", byline);
  add_string (builder, "dateline", desk_source_get_dateline (source));
  add_string (builder, "date", desk_source_get_date (source));
  add_string (builder, "encoding", desk_source_get_encoding (source));
  add_string (builder, "format", desk_source_get_format (source));
  add_string (builder, "slug", desk_source_get_slug (source));
  add_string (builder, "guid", desk_source_get_guid (source));
  json_builder_set_member_name (builder, "version");
  json_builder_add_int_value (builder, desk_source_get_version (source));
  add_string (builder, "signal", desk_source_get_signal (source));
  json_builder_set_member_name (builder, "repaired");
  json_builder_add_int_value (builder, desk_source_get_n_repaired (source));
  json_builder_set_member_name (builder, "invalid");
  json_builder_add_int_value (builder, desk_source_get_n_invalid (source));

  json_builder_set_member_name (builder, "credits");
  json_builder_begin_array (builder);
  for (guint i = 0; i < g_list_model_get_n_items (credits); i++)
    {
      g_autoptr(DeskCredit) credit = g_list_model_get_item (credits, i);

      json_builder_begin_object (builder);
      add_string (builder, "name", desk_credit_get_name (credit));
      add_string (builder, "organization", desk_credit_get_organization (credit));
      add_string (builder, "role", desk_credit_get_role (credit));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "blocks");
  json_builder_begin_array (builder);
  for (guint i = 0; i < g_list_model_get_n_items (blocks); i++)
    {
      g_autoptr(DeskBlock) block = g_list_model_get_item (blocks, i);

      json_builder_begin_object (builder);
      add_string (builder, "role", desk_block_role_to_string (desk_block_get_role (block)));
      add_string (builder, "text", desk_block_get_text (block));
      json_builder_set_member_name (builder, "start");
      json_builder_add_int_value (builder, desk_block_get_start (block));
      json_builder_set_member_name (builder, "end");
      json_builder_add_int_value (builder, desk_block_get_end (block));
      add_string (builder, "reason", desk_block_get_reason (block));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

/**
 * desk_json_to_string:
 *
 * Returns: (transfer full): @node as indented JSON, with a final newline
 */
char *
desk_json_to_string (JsonNode *node)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autofree char *text = NULL;

  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  json_generator_set_root (generator, node);
  text = json_generator_to_data (generator, NULL);

  return g_strconcat (text, "\n", NULL);
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
