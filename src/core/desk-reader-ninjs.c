/* desk-reader-ninjs.c: IPTC ninjs, news in JSON, 1.x and 2.x
 *
 * ninjs 1.x writes "headline", "byline", "body_text" / "body_html" / "body_xhtml",
 * "description_text", "located"; ninjs 2.x writes "headlines" and "bodies" as lists of
 * {role, contenttype, value}, "by", "descriptions", "people", "infosources". Both have
 * "slugline", "version", "versioncreated" and "associations" (a featured picture, whose
 * description is a caption). Members of the wrong type are ignored, never trusted.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "desk-credit.h"
#include "desk-decode.h"
#include "desk-format.h"
#include "desk-json.h"
#include "desk-reader-private.h"
#include "desk-wire-text-private.h"

static const char *
member_string (JsonObject *object,
               const char *name)
{
  JsonNode *node;

  if (object == NULL || !(node = json_object_get_member (object, name)))
    return NULL;
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;

  return json_node_get_string (node);
}

/* A string, or a number written as one: "version": "4" and "version": 4 */
static char *
member_text (JsonObject *object,
             const char *name)
{
  JsonNode *node;
  GType type;

  if (object == NULL || !(node = json_object_get_member (object, name)) ||
      !JSON_NODE_HOLDS_VALUE (node))
    return NULL;

  type = json_node_get_value_type (node);
  if (type == G_TYPE_STRING)
    return g_strdup (json_node_get_string (node));
  if (type == G_TYPE_INT64)
    return g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (node));

  return NULL;
}

static JsonArray *
member_array (JsonObject *object,
              const char *name)
{
  JsonNode *node;

  if (object == NULL || !(node = json_object_get_member (object, name)) ||
      !JSON_NODE_HOLDS_ARRAY (node))
    return NULL;

  return json_node_get_array (node);
}

static JsonObject *
member_object (JsonObject *object,
               const char *name)
{
  JsonNode *node;

  if (object == NULL || !(node = json_object_get_member (object, name)) ||
      !JSON_NODE_HOLDS_OBJECT (node))
    return NULL;

  return json_node_get_object (node);
}

static JsonObject *
array_object (JsonArray *array,
              guint      i)
{
  JsonNode *node = json_array_get_element (array, i);

  return JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

/* The value of a 2.x list entry: {"role": …, "value": …}, or a draft's {"name": …, "text": …} */
static const char *
entry_value (JsonObject *entry)
{
  const char *value = member_string (entry, "value");

  return value ? value : member_string (entry, "text");
}

static const char *
entry_role (JsonObject *entry)
{
  const char *role = member_string (entry, "role");

  return role ? role : member_string (entry, "name");
}

static void
read_headlines (DeskReaderDoc *doc,
                JsonObject    *item)
{
  const char *headline = member_string (item, "headline");
  JsonArray *list = member_array (item, "headlines");
  g_autoptr(GPtrArray) decks = g_ptr_array_new ();

  if (list == NULL)
    list = member_array (item, "headline");

  if (headline != NULL)
    _desk_reader_doc_add_headline (doc, headline);

  for (guint i = 0; list != NULL && i < json_array_get_length (list); i++)
    {
      JsonObject *entry = array_object (list, i);
      const char *role = entry_role (entry);
      const char *value = entry_value (entry);

      if (value == NULL)
        continue;
      if (role == NULL || g_str_equal (role, "main") || g_str_equal (role, "headline"))
        _desk_reader_doc_add_headline (doc, value);
      else
        g_ptr_array_add (decks, (gpointer)value);
    }

  for (guint i = 0; i < decks->len; i++)
    {
      if (_desk_reader_doc_get_title (doc) == NULL)
        _desk_reader_doc_add_headline (doc, g_ptr_array_index (decks, i));
      else
        _desk_reader_doc_add_deck (doc, g_ptr_array_index (decks, i));
    }
}

static void
read_descriptions (DeskReaderDoc *doc,
                   JsonObject    *item)
{
  const char *text = member_string (item, "description_text");
  JsonArray *list = member_array (item, "descriptions");

  if (text != NULL)
    {
      _desk_reader_doc_add_deck (doc, text);
      return;
    }

  for (guint i = 0; list != NULL && i < json_array_get_length (list); i++)
    {
      JsonObject *entry = array_object (list, i);
      const char *value = entry_value (entry);
      const char *type = member_string (entry, "contenttype");

      if (value == NULL)
        continue;

      /* One description is enough; a plain one is best */
      if (type != NULL && strstr (type, "html") != NULL)
        {
          g_autofree char *plain = NULL;
          xmlDoc *parsed = _desk_reader_parse_html (value, strlen (value), "UTF-8");

          if (parsed != NULL)
            {
              plain = _desk_xml_text (xmlDocGetRootElement (parsed));
              xmlFreeDoc (parsed);
            }
          _desk_reader_doc_add_deck (doc, plain);
        }
      else
        _desk_reader_doc_add_deck (doc, value);
      return;
    }
}

static void
read_credits (DeskReaderDoc *doc,
              JsonObject    *item)
{
  static const char * const lists[] = { "authors", "people", "person" };
  JsonArray *sources = member_array (item, "infosources");
  const char *source = member_string (item, "source");

  for (guint l = 0; l < G_N_ELEMENTS (lists); l++)
    {
      JsonArray *people = member_array (item, lists[l]);

      for (guint i = 0; people != NULL && i < json_array_get_length (people); i++)
        {
          JsonObject *person = array_object (people, i);
          const char *name = member_string (person, "name");
          const char *rel = member_string (person, "rel");
          const char *role = member_string (person, "role");

          if (name == NULL)
            continue;

          /* People a story is about are not its authors */
          if (g_str_equal (lists[l], "authors") ||
              (rel != NULL && (strstr (rel, "author") || strstr (rel, "creator"))) ||
              (role != NULL && (strstr (role, "author") || strstr (role, "writer"))))
            _desk_reader_doc_add_credit (doc, name, NULL, DESK_CREDIT_ROLE_AUTHOR);
        }
    }

  for (guint i = 0; sources != NULL && i < json_array_get_length (sources); i++)
    {
      const char *name = member_string (array_object (sources, i), "name");

      if (name != NULL)
        {
          _desk_reader_doc_set_agency (doc, name);
          _desk_reader_doc_add_credit (doc, NULL, name, DESK_CREDIT_ROLE_AGENCY);
        }
    }

  if (source != NULL)
    {
      _desk_reader_doc_set_agency (doc, source);
      _desk_reader_doc_add_credit (doc, NULL, source, DESK_CREDIT_ROLE_AGENCY);
    }
}

static const char *
located_name (JsonObject *item)
{
  JsonObject *located = member_object (item, "located");

  if (located != NULL)
    return member_string (located, "name");

  return member_string (item, "located");
}

/* The body: HTML where there is some, else text */
static gboolean
read_body (DeskReaderDoc *doc,
           JsonObject    *item)
{
  static const char * const html_members[] = { "body_html", "body_xhtml" };
  static const char * const list_members[] = { "bodies", "body" };
  const char *text;

  for (guint i = 0; i < G_N_ELEMENTS (html_members); i++)
    {
      const char *html = member_string (item, html_members[i]);

      if (html != NULL && html[0] != '\0')
        {
          _desk_reader_add_html_fragment (doc, html, FALSE);
          return TRUE;
        }
    }

  for (guint m = 0; m < G_N_ELEMENTS (list_members); m++)
    {
      JsonArray *list = member_array (item, list_members[m]);
      JsonObject *plain = NULL;

      for (guint i = 0; list != NULL && i < json_array_get_length (list); i++)
        {
          JsonObject *entry = array_object (list, i);
          const char *value = entry_value (entry);
          const char *role = entry_role (entry);
          const char *type = member_string (entry, "contenttype");

          if (value == NULL)
            continue;

          if ((type != NULL && strstr (type, "html")) ||
              (role != NULL && (strstr (role, "html") || strstr (role, "xhtml"))))
            {
              _desk_reader_add_html_fragment (doc, value, FALSE);
              return TRUE;
            }
          if (plain == NULL)
            plain = entry;
        }

      if (plain != NULL)
        {
          _desk_reader_doc_add_text_body (doc, entry_value (plain));
          return TRUE;
        }
    }

  if ((text = member_string (item, "body_text")) != NULL && text[0] != '\0')
    {
      _desk_reader_doc_add_text_body (doc, text);
      return TRUE;
    }

  return FALSE;
}

/* A featured picture's description is the caption under it */
static void
read_associations (DeskReaderDoc *doc,
                   JsonObject    *item)
{
  JsonObject *associations = member_object (item, "associations");
  g_autoptr(GList) names = NULL;

  if (associations == NULL)
    return;

  names = json_object_get_members (associations);
  for (GList *l = names; l != NULL; l = l->next)
    {
      JsonObject *media = member_object (associations, l->data);
      const char *type = member_string (media, "type");
      const char *caption;

      if (media == NULL || (type != NULL && !g_str_equal (type, "picture") &&
                            !g_str_equal (type, "graphic")))
        continue;

      caption = member_string (media, "description_text");
      if (caption == NULL)
        caption = member_string (media, "body_text");
      if (caption == NULL)
        caption = member_string (media, "headline");
      if (caption != NULL)
        _desk_reader_doc_add_caption (doc, caption, member_string (media, "byline"));
    }
}

DeskIngestPart *
_desk_reader_ninjs_read (GBytes            *bytes,
                         GError           **error)
{
  g_autoptr(DeskReaderDoc) doc = _desk_reader_doc_new (DESK_FORMAT_NINJS);
  g_autoptr(DeskDecoded) decoded = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) local_error = NULL;
  g_autofree char *without_nul = NULL;
  g_autofree char *version = NULL;
  JsonObject *item;
  JsonNode *root;
  const char *value;
  const char *byline;

  if (!(decoded = desk_decode_bytes (bytes, error)))
    return NULL;

  switch (desk_json_check_shape (decoded->text, decoded->length, DESK_JSON_MAX_DEPTH))
    {
    case DESK_JSON_SHAPE_TOO_DEEP:
      g_set_error_literal (error, DESK_ERROR, DESK_ERROR_MALFORMED,
                           _("not valid ninjs: it nests too deeply"));
      return NULL;

    case DESK_JSON_SHAPE_NOT_ONE:
      g_set_error_literal (error, DESK_ERROR, DESK_ERROR_MALFORMED,
                           _("not valid ninjs: the file holds something other than one news "
                             "item"));
      return NULL;

    case DESK_JSON_SHAPE_OK:
    default:
      break;
    }

  without_nul = desk_json_replace_nul_escapes (decoded->text, decoded->length);
  if (!json_parser_load_from_data (parser, without_nul ? without_nul : decoded->text,
                                   decoded->length, &local_error))
    {
      g_set_error (error, DESK_ERROR, DESK_ERROR_MALFORMED, _("not valid ninjs: %s"),
                   local_error->message);
      return NULL;
    }

  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      g_set_error_literal (error, DESK_ERROR, DESK_ERROR_MALFORMED,
                           _("not valid ninjs: the file holds no news item, "
                             "only a list or a value"));
      return NULL;
    }

  item = json_node_get_object (root);
  _desk_reader_doc_set_encoding (doc, decoded->encoding, decoded->n_repaired, decoded->n_invalid);

  _desk_reader_doc_set_guid (doc, member_string (item, "guid") ? member_string (item, "guid")
                                                               : member_string (item, "uri"));
  if ((version = member_text (item, "version")) != NULL)
    _desk_reader_doc_set_version (doc, atoi (version));
  _desk_reader_doc_set_version_created (doc, member_string (item, "versioncreated"));
  _desk_reader_doc_set_date (doc, member_string (item, "firstcreated"));

  if ((value = member_string (item, "slugline")) != NULL)
    {
      g_autofree char *slug = NULL;
      const char *signal = NULL;

      _desk_wire_text_parse_keyword (value, &slug, NULL, &signal);
      _desk_reader_doc_set_slug (doc, slug);
      _desk_reader_doc_set_signal (doc, signal);
    }

  read_headlines (doc, item);
  read_descriptions (doc, item);
  _desk_reader_doc_add_note (doc, member_string (item, "ednote"));

  byline = member_string (item, "by");
  if (byline == NULL)
    byline = member_string (item, "byline");
  if (byline != NULL)
    _desk_reader_doc_add_byline (doc, byline);
  read_credits (doc, item);

  if ((value = located_name (item)) != NULL)
    _desk_reader_doc_set_dateline (doc, value, FALSE);

  if (!read_body (doc, item) && _desk_reader_doc_get_title (doc) == NULL)
    {
      g_set_error_literal (error, DESK_ERROR, DESK_ERROR_MALFORMED,
                           _("not valid ninjs: the item has no headline and no body"));
      return NULL;
    }

  read_associations (doc, item);

  _desk_reader_doc_set_agency (doc, member_string (item, "copyrightholder"));

  return _desk_reader_doc_finish (doc, bytes, 0, error);
}
