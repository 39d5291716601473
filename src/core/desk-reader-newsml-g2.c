/* desk-reader-newsml-g2.c: IPTC NewsML-G2 news items and news messages
 *
 * A <newsItem> (or a <packageItem>) has itemMeta (versionCreated, signals, edNotes,
 * provider), contentMeta (headline, slugline, by, creator, creditline, dateline, located,
 * infoSource) and a contentSet whose inlineXML holds the body as NITF or XHTML, or whose
 * inlineData holds it as text. A <newsMessage> carries several items in its itemSet; each
 * story in it becomes a source. The guid and version attributes say which story and which
 * version of it an item is.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "desk-credit.h"
#include "desk-format.h"
#include "desk-organization.h"
#include "desk-reader-private.h"
#include "desk-wire-text-private.h"

/* The part of a QCode after its scheme: "sig:update" → "update" */
static const char *
qcode_code (const char *qcode)
{
  const char *colon;

  if (qcode == NULL)
    return NULL;
  colon = strchr (qcode, ':');
  return colon ? colon + 1 : qcode;
}

/* A name given as <x literal="…"/> or <x><name>…</name></x> */
static char *
concept_name (xmlNode *node)
{
  char *name = _desk_xml_child_text (node, "name");

  if (name == NULL)
    name = _desk_xml_attr (node, "literal");
  if (name != NULL && g_strstrip (name)[0] == '\0')
    g_clear_pointer (&name, g_free);

  return name;
}

static gboolean
is_person_name (const char *name)
{
  /* "Meredith Jameson", not "VRG" (initials) or "degenhardt.sandra" (an account) */
  return name != NULL && strchr (name, ' ') != NULL && g_unichar_isupper (g_utf8_get_char (name)) &&
         strchr (name, '@') == NULL;
}

static void
read_item_meta (DeskReaderDoc *doc,
                xmlNode       *meta,
                GPtrArray     *notes)
{
  for (xmlNode *child = meta ? meta->children : NULL; child != NULL; child = child->next)
    {
      g_autofree char *text = NULL;

      if (_desk_xml_is (child, "versionCreated"))
        {
          text = _desk_xml_text (child);
          _desk_reader_doc_set_version_created (doc, text);
        }
      else if (_desk_xml_is (child, "firstCreated"))
        {
          text = _desk_xml_text (child);
          _desk_reader_doc_set_date (doc, text);
        }
      else if (_desk_xml_is (child, "signal"))
        {
          g_autofree char *qcode = _desk_xml_attr (child, "qcode");
          const char *code = qcode_code (qcode);

          if (qcode == NULL)
            continue;
          /* "sig:update", "sig:correction"; STT's "update:append-major-content" */
          if (g_str_equal (code, "correction") || g_str_has_prefix (qcode, "correction:"))
            _desk_reader_doc_set_signal (doc, "correction");
          else if (g_str_equal (code, "update") || g_str_has_prefix (qcode, "update:"))
            _desk_reader_doc_set_signal (doc, "update");
        }
      else if (_desk_xml_is (child, "edNote"))
        g_ptr_array_add (notes, _desk_xml_text (child));
      else if (_desk_xml_is (child, "provider"))
        {
          g_autofree char *qcode = _desk_xml_attr (child, "qcode");

          /* <provider literal="reuters.com"/>, <provider qcode="nprov:REUTERS"/> */
          text = concept_name (child);
          if (text != NULL)
            _desk_reader_doc_set_agency (doc, text);
          else if (qcode != NULL && g_str_has_prefix (qcode, "nprov:"))
            _desk_reader_doc_set_agency (doc, qcode_code (qcode));
        }
    }
}

typedef struct
{
  GPtrArray *headlines;
  GPtrArray *decks;
  GPtrArray *creators;
  GPtrArray *contributors;
  char      *by;
  char      *creditline;
  char      *dateline;
  char      *located;
  char      *slugline;
} ContentMeta;

static void
content_meta_clear (ContentMeta *meta)
{
  g_clear_pointer (&meta->headlines, g_ptr_array_unref);
  g_clear_pointer (&meta->decks, g_ptr_array_unref);
  g_clear_pointer (&meta->creators, g_ptr_array_unref);
  g_clear_pointer (&meta->contributors, g_ptr_array_unref);
  g_clear_pointer (&meta->by, g_free);
  g_clear_pointer (&meta->creditline, g_free);
  g_clear_pointer (&meta->dateline, g_free);
  g_clear_pointer (&meta->located, g_free);
  g_clear_pointer (&meta->slugline, g_free);
}

static void
read_content_meta (DeskReaderDoc *doc,
                   xmlNode       *meta,
                   ContentMeta   *out)
{
  out->headlines = g_ptr_array_new_with_free_func (g_free);
  out->decks = g_ptr_array_new_with_free_func (g_free);
  out->creators = g_ptr_array_new_with_free_func (g_free);
  out->contributors = g_ptr_array_new_with_free_func (g_free);

  for (xmlNode *child = meta ? meta->children : NULL; child != NULL; child = child->next)
    {
      if (_desk_xml_is (child, "headline"))
        {
          g_autofree char *role = _desk_xml_attr (child, "role");
          const char *code = qcode_code (role);

          if (role == NULL || g_str_equal (code, "main") || g_str_equal (code, "headline"))
            g_ptr_array_add (out->headlines, _desk_xml_text (child));
          else
            g_ptr_array_add (out->decks, _desk_xml_text (child));
        }
      else if (_desk_xml_is (child, "slugline"))
        _desk_reader_keep_first (&out->slugline, _desk_xml_text (child));
      else if (_desk_xml_is (child, "by"))
        _desk_reader_keep_first (&out->by, _desk_xml_text (child));
      else if (_desk_xml_is (child, "creditline"))
        _desk_reader_keep_first (&out->creditline, _desk_xml_text (child));
      else if (_desk_xml_is (child, "dateline"))
        _desk_reader_keep_first (&out->dateline, _desk_xml_text (child));
      else if (_desk_xml_is (child, "located"))
        _desk_reader_keep_first (&out->located, concept_name (child));
      else if (_desk_xml_is (child, "creator") || _desk_xml_is (child, "contributor"))
        {
          char *name = concept_name (child);

          if (name == NULL)
            continue;
          if (desk_organization_canonical (name) != NULL)
            {
              _desk_reader_doc_set_agency (doc, name);
              g_free (name);
            }
          else if (_desk_xml_is (child, "creator"))
            g_ptr_array_add (out->creators, name);
          else
            g_ptr_array_add (out->contributors, name);
        }
      else if (_desk_xml_is (child, "infoSource"))
        {
          g_autofree char *name = concept_name (child);

          if (name != NULL)
            {
              _desk_reader_doc_set_agency (doc, name);
              _desk_reader_doc_add_credit (doc, NULL, name, DESK_CREDIT_ROLE_AGENCY);
            }
        }
      else if (_desk_xml_is (child, "description"))
        {
          g_autofree char *role = _desk_xml_attr (child, "role");

          /* A summary is a deck; a text item's "caption" only repeats slug and headline */
          if (role != NULL && strstr (role, "summary") != NULL)
            g_ptr_array_add (out->decks, _desk_xml_text (child));
        }
    }
}

static gboolean
content_type_is (const char *content_type,
                 const char *what)
{
  return content_type != NULL && strstr (content_type, what) != NULL;
}

static void
read_content_set (DeskReaderDoc *doc,
                  xmlNode       *set)
{
  for (xmlNode *child = set ? set->children : NULL; child != NULL; child = child->next)
    {
      g_autofree char *content_type = _desk_xml_attr (child, "contenttype");

      if (_desk_xml_is (child, "inlineXML"))
        {
          xmlNode *nitf = _desk_xml_find (child, "nitf");
          xmlNode *html = _desk_xml_find (child, "html");

          if (nitf != NULL)
            _desk_reader_nitf_fill (doc, nitf);
          else if (html != NULL)
            _desk_reader_walk (doc, _desk_xml_child (html, "body") ?: html, FALSE, NULL, NULL);
          else
            _desk_reader_walk (doc, child, FALSE, NULL, NULL);
          return;
        }

      if (_desk_xml_is (child, "inlineData"))
        {
          g_autofree char *text = NULL;
          GString *raw = g_string_new (NULL);

          /* The text as it is: its lines and indents say where paragraphs start */
          for (xmlNode *node = child->children; node != NULL; node = node->next)
            if ((node->type == XML_TEXT_NODE || node->type == XML_CDATA_SECTION_NODE) &&
                node->content != NULL)
              g_string_append (raw, (const char *)node->content);
          text = g_string_free (raw, FALSE);

          if (content_type_is (content_type, "html"))
            _desk_reader_add_html_fragment (doc, text, FALSE);
          else if (strstr (text, "<p") || strstr (text, "<P") || strstr (text, "<br"))
            _desk_reader_add_html_fragment (doc, text, TRUE);
          else
            _desk_reader_doc_add_text_body (doc, text);
          return;
        }
    }
}

/* A package lists the stories and pictures it groups */
static void
read_group_set (DeskReaderDoc *doc,
                xmlNode       *group_set)
{
  for (xmlNode *group = _desk_xml_child (group_set, "group"); group != NULL;
       group = _desk_xml_next (group, "group"))
    {
      for (xmlNode *ref = _desk_xml_child (group, "itemRef"); ref != NULL;
           ref = _desk_xml_next (ref, "itemRef"))
        {
          g_autofree char *headline = _desk_xml_child_text (ref, "headline");
          xmlNode *class_node = _desk_xml_child (ref, "itemClass");
          g_autofree char *item_class = _desk_xml_attr (class_node, "qcode");

          if (headline == NULL)
            continue;

          if (g_strcmp0 (qcode_code (item_class), "picture") == 0 ||
              g_strcmp0 (qcode_code (item_class), "graphic") == 0)
            _desk_reader_doc_add_paragraph (doc, headline, DESK_BLOCK_ROLE_CAPTION, NULL);
          else
            _desk_reader_doc_add_paragraph (doc, headline, DESK_BLOCK_ROLE_FURNITURE,
                                            "story in the package");
        }
    }
}

static void
read_item (DeskReaderDoc *doc,
           xmlNode       *item)
{
  g_autoptr(GPtrArray) notes = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *guid = _desk_xml_attr (item, "guid");
  g_autofree char *version = _desk_xml_attr (item, "version");
  xmlNode *item_meta = _desk_xml_child (item, "itemMeta");
  ContentMeta meta = { 0 };
  guint n_authors;

  _desk_reader_doc_set_guid (doc, guid);
  if (version != NULL)
    _desk_reader_doc_set_version (doc, atoi (version));

  read_item_meta (doc, item_meta, notes);
  read_content_meta (doc, _desk_xml_child (item, "contentMeta"), &meta);

  /* Headline, decks */
  for (guint i = 0; i < meta.headlines->len; i++)
    _desk_reader_doc_add_headline (doc, g_ptr_array_index (meta.headlines, i));
  if (_desk_reader_doc_get_title (doc) == NULL)
    {
      /* A package's title */
      g_autofree char *title = _desk_xml_child_text (item_meta, "title");

      if (title != NULL)
        _desk_reader_doc_add_headline (doc, title);
      else if (meta.decks->len > 0)
        _desk_reader_doc_add_headline (doc, g_ptr_array_index (meta.decks, 0));
    }
  for (guint i = 0; i < meta.decks->len; i++)
    _desk_reader_doc_add_deck (doc, g_ptr_array_index (meta.decks, i));

  /* Slug, and the version an AP slugline gives ("…, 1st Ld-Writethru") */
  if (meta.slugline != NULL)
    {
      g_autofree char *slug = NULL;
      const char *signal = NULL;
      int slug_version = 0;

      _desk_wire_text_parse_keyword (meta.slugline, &slug, &slug_version, &signal);
      _desk_reader_doc_set_slug (doc, slug);
      if (_desk_reader_doc_get_version (doc) == 0)
        _desk_reader_doc_set_version (doc, slug_version);
      _desk_reader_doc_set_signal (doc, signal);
    }

  for (guint i = 0; i < notes->len; i++)
    _desk_reader_doc_add_note (doc, g_ptr_array_index (notes, i));

  /* Byline: <by>, else the creators that are people */
  n_authors = _desk_reader_doc_get_n_authors (doc);
  if (meta.by != NULL)
    _desk_reader_doc_add_byline (doc, meta.by);
  if (_desk_reader_doc_get_n_authors (doc) == n_authors)
    {
      for (guint i = 0; i < meta.creators->len; i++)
        if (is_person_name (g_ptr_array_index (meta.creators, i)))
          _desk_reader_doc_add_author (doc, g_ptr_array_index (meta.creators, i));
    }
  for (guint i = 0; i < meta.contributors->len; i++)
    if (is_person_name (g_ptr_array_index (meta.contributors, i)))
      _desk_reader_doc_add_credit (doc, g_ptr_array_index (meta.contributors, i), NULL,
                                   DESK_CREDIT_ROLE_CONTRIBUTOR);

  if (meta.dateline != NULL)
    _desk_reader_doc_set_dateline (doc, meta.dateline, TRUE);
  if (meta.located != NULL)
    _desk_reader_doc_set_dateline (doc, meta.located, FALSE);

  read_content_set (doc, _desk_xml_child (item, "contentSet"));
  read_group_set (doc, _desk_xml_child (item, "groupSet"));

  if (meta.creditline != NULL)
    _desk_reader_doc_add_credit_line (doc, meta.creditline);

  /* The copyright holder, when nothing better named the source */
  {
    xmlNode *holder = _desk_xml_find (_desk_xml_child (item, "rightsInfo"), "copyrightHolder");
    g_autofree char *name = holder ? concept_name (holder) : NULL;

    if (name != NULL)
      _desk_reader_doc_set_agency (doc, name);
  }

  content_meta_clear (&meta);
}

static gboolean
is_story_item (xmlNode *item)
{
  xmlNode *item_class;
  g_autofree char *qcode = NULL;
  const char *code;

  if (_desk_xml_is (item, "packageItem"))
    return TRUE;

  item_class = _desk_xml_child (_desk_xml_child (item, "itemMeta"), "itemClass");
  qcode = _desk_xml_attr (item_class, "qcode");
  code = qcode_code (qcode);

  return code == NULL || g_str_equal (code, "text") || g_str_equal (code, "composite");
}

static gboolean
is_item (xmlNode *node)
{
  return _desk_xml_is (node, "newsItem") || _desk_xml_is (node, "packageItem");
}

/* The items of a message, stories first; NULL with @error set if it holds none */
static GPtrArray *
find_items (xmlNode  *root,
            GError  **error)
{
  g_autoptr(GPtrArray) all = g_ptr_array_new ();
  g_autoptr(GPtrArray) stories = g_ptr_array_new ();

  if (is_item (root))
    g_ptr_array_add (all, root);
  else if (_desk_xml_is (root, "newsMessage"))
    {
      xmlNode *set = _desk_xml_child (root, "itemSet");

      for (xmlNode *child = set ? set->children : NULL; child != NULL; child = child->next)
        if (is_item (child))
          g_ptr_array_add (all, child);
    }
  else
    {
      g_set_error (error, DESK_ERROR, DESK_ERROR_UNSUPPORTED,
                   _("it is a NewsML-G2 %s, which holds no story"), (const char *)root->name);
      return NULL;
    }

  for (guint i = 0; i < all->len; i++)
    if (is_story_item (g_ptr_array_index (all, i)))
      g_ptr_array_add (stories, g_ptr_array_index (all, i));

  if (all->len == 0)
    {
      g_set_error_literal (error, DESK_ERROR, DESK_ERROR_EMPTY,
                           _("the NewsML-G2 message holds no news item"));
      return NULL;
    }

  return stories->len > 0 ? g_steal_pointer (&stories) : g_steal_pointer (&all);
}

static GPtrArray *
read_items (GBytes            *bytes,
            gboolean           first_only,
            GError           **error)
{
  g_autoptr(GPtrArray) items = NULL;
  xmlDoc *xml;

  if (!(xml = _desk_reader_parse_xml (bytes, DESK_FORMAT_NEWSML_G2, error)))
    return NULL;

  if (!(items = find_items (xmlDocGetRootElement (xml), error)))
    {
      xmlFreeDoc (xml);
      return NULL;
    }

  return _desk_reader_read_items (bytes, DESK_FORMAT_NEWSML_G2, xml, items,
                                  read_item, first_only, error);
}

GPtrArray *
_desk_reader_newsml_g2_read_all (GBytes            *bytes,
                                 GError           **error)
{
  return read_items (bytes, FALSE, error);
}

DeskIngestPart *
_desk_reader_newsml_g2_read (GBytes            *bytes,
                             GError           **error)
{
  return _desk_reader_first (read_items (bytes, TRUE, error));
}
