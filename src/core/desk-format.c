/* desk-format.c: telling the formats a desk receives apart, by their content
 *
 * The one place that decides how a file is read. It looks at the bytes, never at the file
 * name: agency feeds arrive with names like "tag_reuters.com_2014_newsml_KBN0FL0NM_10" or
 * "0417.tst", and a page saved from a browser may be called anything.
 *
 *  - Teletype copy starts with SOH (after SYN SYN for ANPA-1312); IPTC 7901 is told from
 *    ANPA by the header that follows SOH ("eca062 4 i 211 …").
 *  - XML is told by its root element: newsItem, newsMessage and packageItem (NewsML-G2),
 *    nitf, NewsML (NewsML 1.x), html (XHTML).
 *  - HTML by a doctype, an <html> element, or markup such as <body>, <div> or <p> leading
 *    the file.
 *  - ninjs by a JSON object with the members of a news item (headline, body_html, …).
 *
 * Anything else is text. XML and JSON in other vocabularies are recognised and refused
 * with a message that says what they are.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "desk-format.h"

/* How far into a file detection looks */
#define SNIFF_LENGTH (64 * 1024)

#define G2_NAMESPACE "iptc.org/std/nar/2006-10-01"

typedef struct
{
  char        name[64];       /* the root element's name, prefix removed */
  const char *tag;            /* its start tag, after the name */
  gsize       tag_length;
  gboolean    xml_declaration;
  gboolean    html_doctype;
} Root;

static const char *
find_str (const char *p,
          const char *end,
          const char *needle)
{
  gsize n = strlen (needle);

  for (; p + n <= end; p++)
    if (memcmp (p, needle, n) == 0)
      return p;

  return NULL;
}

static gboolean
has_prefix_ci (const char *p,
               const char *end,
               const char *prefix)
{
  gsize n = strlen (prefix);

  return (gsize)(end - p) >= n && g_ascii_strncasecmp (p, prefix, n) == 0;
}

static const char *
skip_space (const char *p,
            const char *end)
{
  while (p < end && (*p == ' ' || *p == '\t' || *p == '\r' || *p == '\n' || *p == '\f'))
    p++;
  return p;
}

/* Reads the prolog (declaration, comments, processing instructions, doctype) and the name
 * of the first element. */
static gboolean
find_root (const char *p,
           const char *end,
           Root       *root)
{
  memset (root, 0, sizeof *root);

  while (TRUE)
    {
      const char *q;
      gsize n = 0;

      p = skip_space (p, end);
      if (p >= end || *p != '<')
        return FALSE;

      if (has_prefix_ci (p, end, "<?xml"))
        root->xml_declaration = TRUE;

      if (has_prefix_ci (p, end, "<?"))
        {
          if (!(q = find_str (p, end, "?>")))
            return FALSE;
          p = q + 2;
          continue;
        }

      if (has_prefix_ci (p, end, "<!--"))
        {
          if (!(q = find_str (p + 4, end, "-->")))
            return FALSE;
          p = q + 3;
          continue;
        }

      if (has_prefix_ci (p, end, "<!"))
        {
          int brackets = 0;

          if (has_prefix_ci (p, end, "<!doctype html"))
            root->html_doctype = TRUE;

          for (q = p + 2; q < end; q++)
            {
              if (*q == '[')
                brackets++;
              else if (*q == ']')
                brackets--;
              else if (*q == '>' && brackets <= 0)
                break;
            }
          if (q >= end)
            return FALSE;
          p = q + 1;
          continue;
        }

      /* The root element */
      p++;
      q = p;
      while (q < end && (g_ascii_isalnum (*q) || *q == '_' || *q == ':' || *q == '-' || *q == '.'))
        q++;
      if (q == p || !g_ascii_isalpha (*p))
        return FALSE;

      /* Drop a namespace prefix: "g2:newsItem" */
      for (const char *c = p; c < q; c++)
        if (*c == ':')
          p = c + 1;

      n = MIN ((gsize)(q - p), sizeof root->name - 1);
      memcpy (root->name, p, n);
      root->name[n] = '\0';

      root->tag = q;
      p = q;
      while (q < end && *q != '>')
        q++;
      root->tag_length = q - p;

      return root->name[0] != '\0';
    }
}

static const char * const html_elements[] = {
  "html", "head", "body", "p", "div", "article", "section", "main", "header", "footer", "nav",
  "span", "table", "h1", "h2", "h3", "h4", "h5", "h6", "meta", "title", "link", "script",
  "style", "ul", "ol", "a", "b", "i", "em", "strong", "br", "img", "figure", "font", "center",
  "blockquote", "pre", "form", "iframe", "noscript", "base", "aside", "time", "picture",
};

static const char * const g2_items[] = {
  "newsItem", "newsMessage", "packageItem", "planningItem", "conceptItem", "conceptSet",
  "knowledgeItem", "catalog",
};

static const char *
detect_markup (const char *p,
               const char *end)
{
  Root root;

  if (!find_root (p, end, &root))
    return root.html_doctype ? DESK_FORMAT_HTML : NULL;

  if (root.html_doctype || g_ascii_strcasecmp (root.name, "html") == 0)
    return DESK_FORMAT_HTML;

  for (guint i = 0; i < G_N_ELEMENTS (g2_items); i++)
    if (g_str_equal (root.name, g2_items[i]))
      return DESK_FORMAT_NEWSML_G2;

  if (g_str_equal (root.name, "nitf"))
    return DESK_FORMAT_NITF;

  if (g_str_equal (root.name, "NewsML"))
    return DESK_FORMAT_NEWSML;

  /* Some other XML vocabulary, carrying a namespace of G2? A G2 item all the same. */
  if (root.tag != NULL && find_str (root.tag, root.tag + root.tag_length, G2_NAMESPACE))
    return DESK_FORMAT_NEWSML_G2;

  if (!root.xml_declaration)
    {
      g_autofree char *closing = g_strdup_printf ("</%s>", root.name);

      for (guint i = 0; i < G_N_ELEMENTS (html_elements); i++)
        if (g_ascii_strcasecmp (root.name, html_elements[i]) == 0)
          return DESK_FORMAT_HTML;

      /* Text that starts with something in angle brackets ("<EDITOR'S NOTE> …") is text;
       * XML without a declaration closes its root or declares a namespace. */
      if (!find_str (root.tag, end, closing) &&
          !find_str (root.tag, root.tag + root.tag_length, "xmlns") &&
          !(root.tag_length > 0 && root.tag[root.tag_length - 1] == '/'))
        return DESK_FORMAT_TEXT;
    }

  return DESK_FORMAT_XML;
}

/* Members of a ninjs item; the first ones carry a story. */
static const char * const ninjs_content_members[] = {
  "headline", "headlines", "body_text", "body_html", "body_xhtml", "bodies", "body",
};

static const char * const ninjs_other_members[] = {
  "uri", "guid", "type", "versioncreated", "firstcreated", "byline", "by", "slugline",
  "located", "pubstatus", "urgency", "associations", "description_text", "descriptions",
  "renditions", "profile", "copyrightholder", "copyrightnotice", "ednote", "version",
  "language", "subject", "subjects", "people", "infosources", "standard",
};

static gboolean
has_member (const char *p,
            const char *end,
            const char *member)
{
  g_autofree char *quoted = g_strdup_printf ("\"%s\"", member);
  const char *q = p;

  while ((q = find_str (q, end, quoted)) != NULL)
    {
      const char *after = skip_space (q + strlen (quoted), end);

      if (after < end && *after == ':')
        return TRUE;
      q++;
    }

  return FALSE;
}

static const char *
detect_json (const char *p,
             const char *end)
{
  guint content = 0;
  guint other = 0;

  for (guint i = 0; i < G_N_ELEMENTS (ninjs_content_members); i++)
    content += has_member (p, end, ninjs_content_members[i]);
  for (guint i = 0; i < G_N_ELEMENTS (ninjs_other_members); i++)
    other += has_member (p, end, ninjs_other_members[i]);

  if (content > 0 && content + other >= 2)
    return DESK_FORMAT_NINJS;

  return DESK_FORMAT_JSON;
}

/* IPTC 7901 follows SOH with its header: source and number, priority, category, word
 * count ("eca062 4 i 211 ccccb   dpa 061"). ANPA-1312 follows it with a service level,
 * a story number and US ("W2870\x1f…"). */
static const char *
detect_teletype (const char *p,
                 const char *end)
{
  static GRegex *iptc_re;
  g_autofree char *header = NULL;
  const char *eol = p;

  if (g_once_init_enter (&iptc_re))
    g_once_init_leave (&iptc_re, g_regex_new ("^[A-Za-z]{1,4}[0-9]{2,5} +[0-9] +[A-Za-z]{1,3} "
                                              "+[0-9]{1,5}\\b",
                                              0, 0, NULL));

  while (eol < end && eol - p < 160 && *eol != '\n' && *eol != '\r' && *eol != '\x02' &&
         *eol != '\0')
    eol++;

  header = g_strndup (p, eol - p);
  if (g_regex_match (iptc_re, header, 0, NULL))
    return DESK_FORMAT_IPTC7901;

  return DESK_FORMAT_ANPA;
}

static const char *
detect_utf8 (const char *p,
             const char *end)
{
  const char *start;

  /* Teletype: SYN SYN SOH, or SOH */
  start = p;
  while (start < end && *start == '\x16')
    start++;
  if (start < end && *start == '\x01')
    return detect_teletype (start + 1, end);

  if (end - p >= 3 && memcmp (p, "\xef\xbb\xbf", 3) == 0)
    p += 3;

  p = skip_space (p, end);
  if (p >= end)
    return DESK_FORMAT_TEXT;

  if (*p == '<')
    {
      const char *format = detect_markup (p, end);

      return format != NULL ? format : DESK_FORMAT_TEXT;
    }

  if (*p == '{')
    {
      const char *q = skip_space (p + 1, end);

      if (q < end && (*q == '"' || *q == '}'))
        return detect_json (p, end);
    }

  if (*p == '[')
    {
      const char *q = skip_space (p + 1, end);

      /* A list of items: refused, with a message */
      if (q < end && *q == '{')
        return DESK_FORMAT_JSON;
    }

  return DESK_FORMAT_TEXT;
}

/**
 * desk_format_detect:
 * @data: (array length=length): the bytes of a file, or its start
 * @length: length of @data
 *
 * Tells what a file is from its content. Binary data, empty files and anything not
 * recognised are "text": the text path decides whether they can be read.
 *
 * Returns: a DESK_FORMAT_* name, a static string
 */
const char *
desk_format_detect (const guint8 *data,
                    gsize         length)
{
  const char *p = (const char *)data;

  g_return_val_if_fail (data != NULL || length == 0, DESK_FORMAT_TEXT);

  length = MIN (length, SNIFF_LENGTH);
  if (length == 0)
    return DESK_FORMAT_TEXT;

  /* Markup in UTF-16 with a byte order mark: look at its start in UTF-8. */
  if (length >= 2 && (memcmp (p, "\xff\xfe", 2) == 0 || memcmp (p, "\xfe\xff", 2) == 0))
    {
      g_autofree char *utf8 = NULL;
      gsize n = MIN (length - 2, 8192) & ~(gsize)1;
      gsize written = 0;

      utf8 = g_convert (p + 2, n, "UTF-8", p[0] == '\xff' ? "UTF-16LE" : "UTF-16BE",
                        NULL, &written, NULL);
      if (utf8 == NULL)
        return DESK_FORMAT_TEXT;

      {
        const char *format = detect_utf8 (utf8, utf8 + written);

        /* Only the formats whose readers take UTF-16 */
        if (g_str_equal (format, DESK_FORMAT_ANPA) || g_str_equal (format, DESK_FORMAT_IPTC7901))
          return DESK_FORMAT_TEXT;
        return format;
      }
    }

  return detect_utf8 (p, p + length);
}

/**
 * desk_format_is_readable:
 * @format: a DESK_FORMAT_* name
 *
 * Returns: whether Copydesk reads stories in @format (and not only recognises it)
 */
gboolean
desk_format_is_readable (const char *format)
{
  g_return_val_if_fail (format != NULL, FALSE);

  return !g_str_equal (format, DESK_FORMAT_XML) && !g_str_equal (format, DESK_FORMAT_JSON);
}

/**
 * desk_format_get_display_name:
 * @format: a DESK_FORMAT_* name
 *
 * Returns: the format's name as a desk editor knows it: "NewsML-G2", "ANPA-1312", …
 */
const char *
desk_format_get_display_name (const char *format)
{
  static const struct { const char *format; const char *name; } names[] = {
    { DESK_FORMAT_TEXT, N_("plain text") },
    { DESK_FORMAT_HTML, N_("web page") },
    { DESK_FORMAT_NEWSML_G2, "NewsML-G2" },
    { DESK_FORMAT_NITF, "NITF" },
    { DESK_FORMAT_NINJS, "ninjs" },
    { DESK_FORMAT_ANPA, "ANPA-1312" },
    { DESK_FORMAT_IPTC7901, "IPTC 7901" },
    { DESK_FORMAT_NEWSML, "NewsML 1.x" },
    { DESK_FORMAT_XML, "XML" },
    { DESK_FORMAT_JSON, "JSON" },
  };

  g_return_val_if_fail (format != NULL, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (g_str_equal (format, names[i].format))
      return _(names[i].name);

  return format;
}

/**
 * desk_format_describe:
 * @data: (array length=length): the bytes of a file
 * @length: length of @data
 *
 * Says what a file Copydesk does not read looks like, for a message: "an RSS news feed",
 * "XML with the root element <inventory>", "JSON data, not a ninjs news item".
 *
 * Returns: (transfer full): a phrase
 */
char *
desk_format_describe (const guint8 *data,
                      gsize         length)
{
  const char *format = desk_format_detect (data, length);
  const char *p = (const char *)data;
  const char *end = p + MIN (length, SNIFF_LENGTH);
  Root root;

  if (g_str_equal (format, DESK_FORMAT_JSON))
    return g_strdup (_("JSON data, but not a ninjs news item (it has no headline and no body)"));

  if (g_str_equal (format, DESK_FORMAT_XML))
    {
      if (end - p >= 3 && memcmp (p, "\xef\xbb\xbf", 3) == 0)
        p += 3;

      if (!find_root (p, end, &root))
        return g_strdup (_("XML without a root element"));

      if (g_str_equal (root.name, "rss") || g_str_equal (root.name, "RDF"))
        return g_strdup (_("an RSS news feed, which lists stories but does not hold them"));
      if (g_str_equal (root.name, "feed"))
        return g_strdup (_("an Atom news feed, which lists stories but does not hold them"));
      if (g_str_equal (root.name, "svg"))
        return g_strdup (_("an SVG image"));
      if (g_str_equal (root.name, "document") || g_str_equal (root.name, "package"))
        return g_strdup (_("part of an office document; export the story as text or HTML"));

      return g_strdup_printf (_("XML with the root element <%s>, which is not NewsML-G2, "
                                "NITF, NewsML 1.x or XHTML"), root.name);
    }

  return g_strdup (desk_format_get_display_name (format));
}
