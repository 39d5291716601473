/* desk-reader-nitf.c: News Industry Text Format
 *
 * <nitf> holds a <head> of metadata (docdata: doc-id, du-key, dates, ed-msg, evloc) and a
 * <body> in three parts: body.head (hedline with hl1 and hl2, byline with person and byttl,
 * distributor, dateline, abstract, notes), body.content (p, hl2, block, media, tables,
 * lists) and body.end (tagline, bibliography). NewsML-G2 and NewsML 1.x carry NITF inline;
 * they use _desk_reader_nitf_fill() too.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "desk-format.h"
#include "desk-reader-private.h"
#include "desk-wire-text-private.h"

static void
read_docdata (DeskReaderDoc *doc,
              xmlNode       *docdata)
{
  for (xmlNode *child = docdata ? docdata->children : NULL; child != NULL; child = child->next)
    {
      g_autofree char *value = NULL;

      if (_desk_xml_is (child, "date.issue") || _desk_xml_is (child, "date.release"))
        {
          value = _desk_xml_attr (child, "norm");
          _desk_reader_doc_set_version_created (doc, value);
        }
      else if (_desk_xml_is (child, "du-key"))
        {
          g_autofree char *version = _desk_xml_attr (child, "version");

          /* The dynamic-use key names the story across its versions */
          value = _desk_xml_attr (child, "key");
          _desk_reader_doc_set_slug (doc, value);
          if (version != NULL)
            _desk_reader_doc_set_version (doc, atoi (version));
        }
      else if (_desk_xml_is (child, "doc-id"))
        {
          value = _desk_xml_attr (child, "regsrc");
          _desk_reader_doc_set_agency (doc, value);
        }
      else if (_desk_xml_is (child, "ed-msg"))
        {
          value = _desk_xml_attr (child, "info");
          _desk_reader_doc_add_note (doc, value);
        }
      else if (_desk_xml_is (child, "evloc"))
        {
          value = _desk_xml_attr (child, "city");
          if (value != NULL)
            _desk_reader_doc_set_dateline (doc, value, FALSE);
        }

    }
}

static void
read_head (DeskReaderDoc *doc,
           xmlNode       *head)
{
  for (xmlNode *child = head ? head->children : NULL; child != NULL; child = child->next)
    {
      if (_desk_xml_is (child, "docdata"))
        read_docdata (doc, child);
      else if (_desk_xml_is (child, "meta"))
        {
          g_autofree char *name = _desk_xml_attr (child, "name");
          g_autofree char *content = _desk_xml_attr (child, "content");

          /* AAP's ANPA keyword */
          if (g_strcmp0 (name, "anpa-keyword") == 0 && content != NULL && content[0] != '\0')
            {
              g_autofree char *slug = NULL;
              const char *signal = NULL;
              int version = 0;

              _desk_wire_text_parse_keyword (content, &slug, &version, &signal);
              _desk_reader_doc_set_slug (doc, slug);
              _desk_reader_doc_set_version (doc, version);
              _desk_reader_doc_set_signal (doc, signal);
            }
        }
    }
}

/* "By <person>Alan Karben</person> <byttl>NITF Network News Online</byttl>" */
static void
read_byline (DeskReaderDoc *doc,
             xmlNode       *byline)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *title = NULL;
  guint n_authors = _desk_reader_doc_get_n_authors (doc);

  for (xmlNode *child = byline->children; child != NULL; child = child->next)
    {
      g_autofree char *part = NULL;

      if (child->type == XML_TEXT_NODE || child->type == XML_CDATA_SECTION_NODE)
        {
          g_string_append (text, (const char *)child->content);
          continue;
        }
      if (child->type != XML_ELEMENT_NODE)
        continue;

      part = _desk_xml_text (child);
      if (_desk_xml_is (child, "byttl"))
        {
          g_clear_pointer (&title, g_free);
          title = g_steal_pointer (&part);
          continue;
        }
      g_string_append_c (text, ' ');
      g_string_append (text, part);
      g_string_append_c (text, ' ');
    }

  if (title != NULL && title[0] != '\0')
    {
      g_autofree char *line = _desk_reader_clean_text (text->str, NULL);

      g_string_printf (text, "%s, %s", line, title);
    }

  _desk_reader_doc_add_byline (doc, text->str);

  /* The names NITF marks up, when the byline's words did not give them */
  if (_desk_reader_doc_get_n_authors (doc) == n_authors)
    {
      for (xmlNode *person = _desk_xml_child (byline, "person"); person != NULL;
           person = _desk_xml_next (person, "person"))
        {
          g_autofree char *name = _desk_xml_text (person);

          _desk_reader_doc_add_author (doc, name);
        }
    }
}

static void
read_dateline (DeskReaderDoc *doc,
               xmlNode       *dateline)
{
  xmlNode *location = _desk_xml_child (dateline, "location");
  xmlNode *date = _desk_xml_child (dateline, "story.date");
  g_autofree char *text = NULL;

  if (date != NULL)
    {
      g_autofree char *norm = _desk_xml_attr (date, "norm");

      _desk_reader_doc_set_version_created (doc, norm);
    }

  if (location != NULL)
    text = _desk_xml_text (location);
  else if (date == NULL)
    text = _desk_xml_text (dateline);

  if (text != NULL && text[0] != '\0')
    _desk_reader_doc_set_dateline (doc, text, TRUE);
}

/* Headline and decks come first in the story, whatever their order in the file */
static void
read_hedline (DeskReaderDoc *doc,
              xmlNode       *body_head)
{
  for (xmlNode *child = body_head ? body_head->children : NULL; child != NULL; child = child->next)
    {
      if (_desk_xml_is (child, "hedline"))
        {
          for (xmlNode *hl = child->children; hl != NULL; hl = hl->next)
            {
              g_autofree char *text = NULL;

              if (hl->type != XML_ELEMENT_NODE)
                continue;
              text = _desk_xml_text (hl);
              if (_desk_xml_is (hl, "hl1"))
                _desk_reader_doc_add_headline (doc, text);
              else
                _desk_reader_doc_add_deck (doc, text);
            }
        }
    }
}

static void
read_body_head (DeskReaderDoc *doc,
                xmlNode       *body_head)
{
  xmlNode *byline = NULL;

  for (xmlNode *child = body_head ? body_head->children : NULL; child != NULL; child = child->next)
    {
      g_autofree char *text = NULL;

      if (_desk_xml_is (child, "abstract"))
        {
          text = _desk_xml_text (child);
          _desk_reader_doc_add_deck (doc, text);
        }
      else if (_desk_xml_is (child, "note") || _desk_xml_is (child, "ed-msg"))
        {
          text = _desk_xml_text (child);
          _desk_reader_doc_add_note (doc, text);
        }
      else if (_desk_xml_is (child, "byline") && byline == NULL)
        byline = child;
      else if (_desk_xml_is (child, "distributor"))
        {
          text = _desk_xml_text (child);
          _desk_reader_doc_set_agency (doc, text);
          _desk_reader_doc_add_credit (doc, NULL, text, "agency");
        }
      else if (_desk_xml_is (child, "dateline"))
        read_dateline (doc, child);
    }

  if (byline != NULL)
    read_byline (doc, byline);

  /* More than one byline: the others follow */
  for (xmlNode *other = byline ? _desk_xml_next (byline, "byline") : NULL; other != NULL;
       other = _desk_xml_next (other, "byline"))
    read_byline (doc, other);
}

static void
read_body_end (DeskReaderDoc *doc,
               xmlNode       *body_end)
{
  for (xmlNode *child = body_end ? body_end->children : NULL; child != NULL; child = child->next)
    {
      g_autofree char *text = NULL;

      if (child->type != XML_ELEMENT_NODE)
        continue;

      text = _desk_xml_text (child);
      if (_desk_xml_is (child, "tagline"))
        _desk_reader_doc_add_credit_line (doc, text);
      else
        _desk_reader_doc_add (doc, DESK_BLOCK_ROLE_FURNITURE, text, "end matter");
    }
}

/**
 * _desk_reader_nitf_fill:
 * @nitf: an <nitf> element, or a <body> of one
 *
 * Writes the story in @nitf to @doc.
 */
void
_desk_reader_nitf_fill (DeskReaderDoc *doc,
                        xmlNode       *nitf)
{
  xmlNode *head = NULL;
  xmlNode *body;

  if (_desk_xml_is (nitf, "body"))
    body = nitf;
  else
    {
      head = _desk_xml_child (nitf, "head");
      body = _desk_xml_child (nitf, "body");
    }

  read_hedline (doc, body ? _desk_xml_child (body, "body.head") : NULL);

  /* The head's title stands in for a missing hedline */
  if (_desk_reader_doc_get_title (doc) == NULL && head != NULL)
    {
      g_autofree char *title = _desk_xml_child_text (head, "title");

      if (title != NULL)
        _desk_reader_doc_add_headline (doc, title);
    }

  read_head (doc, head);

  if (body == NULL)
    return;

  read_body_head (doc, _desk_xml_child (body, "body.head"));
  _desk_reader_walk (doc, _desk_xml_child (body, "body.content"), FALSE, NULL, NULL);
  read_body_end (doc, _desk_xml_child (body, "body.end"));

  /* The copyright holder, when nothing better named the source */
  {
    xmlNode *copyright = _desk_xml_child (_desk_xml_child (head, "docdata"), "doc.copyright");
    g_autofree char *holder = _desk_xml_attr (copyright, "holder");

    _desk_reader_doc_set_agency (doc, holder);
  }

  /* AP's agate has its keyword for a headline: "BC-BBN--Top Ten" */
  if (_desk_reader_doc_get_slug (doc) == NULL && _desk_reader_doc_get_title (doc) != NULL &&
      g_str_has_prefix (_desk_reader_doc_get_title (doc), "BC-"))
    {
      g_autofree char *slug = NULL;
      const char *signal = NULL;
      int version = 0;

      _desk_wire_text_parse_keyword (_desk_reader_doc_get_title (doc), &slug, &version, &signal);
      _desk_reader_doc_set_slug (doc, slug);
      _desk_reader_doc_set_version (doc, version);
      _desk_reader_doc_set_signal (doc, signal);
    }
}

DeskIngestPart *
_desk_reader_nitf_read (GBytes            *bytes,
                        GError           **error)
{
  g_autoptr(DeskReaderDoc) doc = _desk_reader_doc_new (DESK_FORMAT_NITF);
  xmlDoc *xml;
  xmlNode *root;
  DeskIngestPart *part;

  if (!(xml = _desk_reader_parse_xml (bytes, DESK_FORMAT_NITF, error)))
    return NULL;

  root = xmlDocGetRootElement (xml);
  if (!_desk_xml_is (root, "nitf"))
    {
      g_set_error (error, DESK_ERROR, DESK_ERROR_MALFORMED,
                   _("not valid NITF: the root element is <%s>, not <nitf>"), root->name);
      xmlFreeDoc (xml);
      return NULL;
    }

  _desk_reader_doc_set_encoding (doc, xml->encoding ? (const char *)xml->encoding : "UTF-8", 0, 0);
  _desk_reader_nitf_fill (doc, root);
  xmlFreeDoc (xml);

  part = _desk_reader_doc_finish (doc, bytes, 0, error);
  return part;
}
