/* desk-reader-newsml.c: IPTC NewsML 1.x, as AFP and ANA-MPA send it
 *
 * <NewsML> holds one or more <NewsItem>s. Each has an Identification (provider, item id,
 * revision), NewsManagement (dates, status) and NewsComponents, nested as deep as the
 * sender likes: NewsLines (HeadLine, SubHeadLine, ByLine, DateLine, CreditLine, SlugLine),
 * metadata, and ContentItems whose DataContent is NITF, HTML in CDATA, or text.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "desk-credit.h"
#include "desk-format.h"
#include "desk-reader-private.h"
#include "desk-wire-text-private.h"

typedef struct
{
  char      *headline;
  GPtrArray *decks;
  char      *byline;
  char      *dateline;
  char      *creditline;
  char      *copyright;
  char      *slugline;
  char      *city;
  GPtrArray *contents;    /* xmlNode *: the text ContentItems, in order */
} Lines;

static void
lines_clear (Lines *lines)
{
  g_clear_pointer (&lines->headline, g_free);
  g_clear_pointer (&lines->decks, g_ptr_array_unref);
  g_clear_pointer (&lines->byline, g_free);
  g_clear_pointer (&lines->dateline, g_free);
  g_clear_pointer (&lines->creditline, g_free);
  g_clear_pointer (&lines->copyright, g_free);
  g_clear_pointer (&lines->slugline, g_free);
  g_clear_pointer (&lines->city, g_free);
  g_clear_pointer (&lines->contents, g_ptr_array_unref);
}

static char *
formal_name (xmlNode *node)
{
  return _desk_xml_attr (node, "FormalName");
}

static void
read_news_lines (Lines   *lines,
                 xmlNode *news_lines)
{
  for (xmlNode *child = news_lines->children; child != NULL; child = child->next)
    {
      if (_desk_xml_is (child, "HeadLine"))
        _desk_reader_keep_first (&lines->headline, _desk_xml_text (child));
      else if (_desk_xml_is (child, "SubHeadLine"))
        g_ptr_array_add (lines->decks, _desk_xml_text (child));
      else if (_desk_xml_is (child, "ByLine"))
        _desk_reader_keep_first (&lines->byline, _desk_xml_text (child));
      else if (_desk_xml_is (child, "DateLine"))
        _desk_reader_keep_first (&lines->dateline, _desk_xml_text (child));
      else if (_desk_xml_is (child, "CreditLine"))
        _desk_reader_keep_first (&lines->creditline, _desk_xml_text (child));
      else if (_desk_xml_is (child, "CopyrightLine"))
        _desk_reader_keep_first (&lines->copyright, _desk_xml_text (child));
      else if (_desk_xml_is (child, "SlugLine"))
        _desk_reader_keep_first (&lines->slugline, _desk_xml_text (child));
    }
}

static void
read_parties (DeskReaderDoc *doc,
              xmlNode       *admin)
{
  for (xmlNode *child = admin->children; child != NULL; child = child->next)
    {
      if (_desk_xml_is (child, "Provider") || _desk_xml_is (child, "Source") ||
          _desk_xml_is (child, "Creator"))
        {
          for (xmlNode *party = _desk_xml_child (child, "Party"); party != NULL;
               party = _desk_xml_next (party, "Party"))
            {
              g_autofree char *name = formal_name (party);

              if (name == NULL)
                continue;
              _desk_reader_doc_set_agency (doc, name);
              if (!_desk_xml_is (child, "Creator"))
                _desk_reader_doc_add_credit (doc, NULL, name, DESK_CREDIT_ROLE_AGENCY);
            }
        }
    }
}

static void
read_city (Lines   *lines,
           xmlNode *property)
{
  g_autofree char *name = formal_name (property);
  g_autofree char *value = _desk_xml_attr (property, "Value");

  if (g_strcmp0 (name, "City") == 0)
    _desk_reader_keep_first (&lines->city, g_steal_pointer (&value));
}

static void
read_descriptive (DeskReaderDoc *doc,
                  Lines         *lines,
                  xmlNode       *descriptive)
{
  for (xmlNode *child = descriptive->children; child != NULL; child = child->next)
    {
      if (_desk_xml_is (child, "DateLineDate"))
        {
          g_autofree char *text = _desk_xml_text (child);

          _desk_reader_doc_set_date (doc, text);
        }
      else if (_desk_xml_is (child, "Property"))
        read_city (lines, child);
      else if (_desk_xml_is (child, "Location"))
        {
          for (xmlNode *property = _desk_xml_child (child, "Property"); property != NULL;
               property = _desk_xml_next (property, "Property"))
            read_city (lines, property);
        }
    }
}

static gboolean
is_text_content (xmlNode *content_item)
{
  g_autofree char *media_type = formal_name (_desk_xml_child (content_item, "MediaType"));

  return media_type == NULL || g_ascii_strcasecmp (media_type, "Text") == 0;
}

static void
read_component (DeskReaderDoc *doc,
                Lines         *lines,
                xmlNode       *component,
                guint          depth)
{
  if (depth > 32)
    return;

  for (xmlNode *child = component->children; child != NULL; child = child->next)
    {
      if (_desk_xml_is (child, "NewsLines"))
        read_news_lines (lines, child);
      else if (_desk_xml_is (child, "AdministrativeMetadata"))
        read_parties (doc, child);
      else if (_desk_xml_is (child, "DescriptiveMetadata"))
        read_descriptive (doc, lines, child);
      else if (_desk_xml_is (child, "ContentItem") && is_text_content (child))
        g_ptr_array_add (lines->contents, child);
      else if (_desk_xml_is (child, "NewsComponent"))
        read_component (doc, lines, child, depth + 1);
    }
}

static void
read_content (DeskReaderDoc *doc,
              xmlNode       *content_item)
{
  g_autofree char *format = formal_name (_desk_xml_child (content_item, "Format"));
  xmlNode *data = _desk_xml_child (content_item, "DataContent");
  xmlNode *nitf;
  GString *raw;
  g_autofree char *text = NULL;
  gboolean is_html;

  if (data == NULL)
    return;

  if ((nitf = _desk_xml_find (data, "nitf")) != NULL)
    {
      _desk_reader_nitf_fill (doc, nitf);
      return;
    }

  if (_desk_xml_child (data, "body") != NULL || _desk_xml_child (data, "p") != NULL)
    {
      _desk_reader_walk (doc, data, FALSE, NULL, NULL);
      return;
    }

  raw = g_string_new (NULL);
  for (xmlNode *node = data->children; node != NULL; node = node->next)
    if ((node->type == XML_TEXT_NODE || node->type == XML_CDATA_SECTION_NODE) && node->content)
      g_string_append (raw, (const char *)node->content);
  text = g_string_free (raw, FALSE);

  is_html = format != NULL && g_ascii_strncasecmp (format, "HTML", 4) == 0;
  if (is_html || strstr (text, "<p") || strstr (text, "<P") || strstr (text, "<br"))
    _desk_reader_add_html_fragment (doc, text, !is_html);
  else
    _desk_reader_doc_add_text_body (doc, text);
}

static void
read_identification (DeskReaderDoc *doc,
                     xmlNode       *item)
{
  xmlNode *identification = _desk_xml_child (item, "Identification");
  xmlNode *identifier = _desk_xml_child (identification, "NewsIdentifier");
  xmlNode *revision = _desk_xml_child (identifier, "RevisionId");
  xmlNode *management = _desk_xml_child (item, "NewsManagement");
  g_autofree char *provider = _desk_xml_child_text (identifier, "ProviderId");
  g_autofree char *date_id = _desk_xml_child_text (identifier, "DateId");
  g_autofree char *item_id = _desk_xml_child_text (identifier, "NewsItemId");
  g_autofree char *label = _desk_xml_child_text (identification, "NameLabel");
  g_autofree char *created = _desk_xml_child_text (management, "ThisRevisionCreated");
  g_autofree char *first = _desk_xml_child_text (management, "FirstCreated");

  /* The story's identity is the public identifier less its revision */
  if (provider != NULL && item_id != NULL)
    {
      g_autofree char *guid = g_strdup_printf ("urn:newsml:%s:%s:%s", provider,
                                               date_id ? date_id : "", item_id);

      _desk_reader_doc_set_guid (doc, guid);
    }

  if (revision != NULL)
    {
      g_autofree char *number = _desk_xml_text (revision);
      g_autofree char *update = _desk_xml_attr (revision, "Update");

      _desk_reader_doc_set_version (doc, atoi (number));
      if (g_strcmp0 (update, "A") == 0 || g_strcmp0 (update, "U") == 0)
        _desk_reader_doc_set_signal (doc, "update");
    }

  _desk_reader_doc_set_version_created (doc, created);
  _desk_reader_doc_set_date (doc, first);

  if (provider != NULL)
    _desk_reader_doc_set_agency (doc, provider);

  /* The label often is a slug ("Sweden-China-auto-business-bankruptcy-Saab") */
  if (label != NULL)
    {
      g_autofree char *slug = NULL;

      _desk_wire_text_parse_keyword (label, &slug, NULL, NULL);
      _desk_reader_doc_set_slug (doc, slug);
    }
}

static void
read_news_item (DeskReaderDoc *doc,
                xmlNode       *item)
{
  Lines lines = { 0 };

  lines.decks = g_ptr_array_new_with_free_func (g_free);
  lines.contents = g_ptr_array_new ();

  for (xmlNode *component = _desk_xml_child (item, "NewsComponent"); component != NULL;
       component = _desk_xml_next (component, "NewsComponent"))
    read_component (doc, &lines, component, 0);

  /* The SlugLine is the slug; the NameLabel only where there is none */
  if (lines.slugline != NULL)
    {
      g_autofree char *slug = NULL;
      const char *signal = NULL;
      int version = 0;

      _desk_wire_text_parse_keyword (lines.slugline, &slug, &version, &signal);
      _desk_reader_doc_set_slug (doc, slug);
      _desk_reader_doc_set_signal (doc, signal);
    }
  read_identification (doc, item);

  if (lines.headline != NULL)
    _desk_reader_doc_add_headline (doc, lines.headline);
  for (guint i = 0; i < lines.decks->len; i++)
    _desk_reader_doc_add_deck (doc, g_ptr_array_index (lines.decks, i));
  if (lines.byline != NULL)
    _desk_reader_doc_add_byline (doc, lines.byline);
  if (lines.dateline != NULL)
    _desk_reader_doc_set_dateline (doc, lines.dateline, TRUE);
  if (lines.city != NULL)
    _desk_reader_doc_set_dateline (doc, lines.city, FALSE);

  for (guint i = 0; i < lines.contents->len; i++)
    read_content (doc, g_ptr_array_index (lines.contents, i));

  if (lines.creditline != NULL)
    _desk_reader_doc_add_credit_line (doc, lines.creditline);
  if (lines.copyright != NULL)
    _desk_reader_doc_add (doc, DESK_BLOCK_ROLE_FURNITURE, lines.copyright, "copyright line");

  lines_clear (&lines);
}

static GPtrArray *
read_items (GBytes            *bytes,
            gboolean           first_only,
            GError           **error)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new ();
  xmlNode *root;
  xmlDoc *xml;

  if (!(xml = _desk_reader_parse_xml (bytes, DESK_FORMAT_NEWSML, error)))
    return NULL;

  root = xmlDocGetRootElement (xml);
  for (xmlNode *item = _desk_xml_child (root, "NewsItem"); item != NULL;
       item = _desk_xml_next (item, "NewsItem"))
    g_ptr_array_add (items, item);

  if (items->len == 0)
    {
      g_set_error_literal (error, DESK_ERROR, DESK_ERROR_EMPTY,
                           _("the NewsML file holds no news item"));
      xmlFreeDoc (xml);
      return NULL;
    }

  return _desk_reader_read_items (bytes, DESK_FORMAT_NEWSML, xml, items,
                                  read_news_item, first_only, error);
}

GPtrArray *
_desk_reader_newsml_read_all (GBytes            *bytes,
                              GError           **error)
{
  return read_items (bytes, FALSE, error);
}

DeskIngestPart *
_desk_reader_newsml_read (GBytes            *bytes,
                          GError           **error)
{
  return _desk_reader_first (read_items (bytes, TRUE, error));
}
