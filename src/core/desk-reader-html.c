/* desk-reader-html.c: web pages, saved or pasted
 *
 * A page holds the story among much else: navigation, a masthead, sharing buttons, ads,
 * related links, comments, a footer. Its main text is found by evidence, best first:
 *
 * 1. what the page says itself: the elements it marks itemprop="articleBody", else the
 *    element holding the paragraphs found word for word in its JSON-LD articleBody;
 * 2. else by scoring the containers of its paragraphs, as reading modes do: each paragraph
 *    of some length (a <p>, a <div> of text, text set apart by <br>) that is not mostly a
 *    link scores for its holder and half for the one above, by its length and commas;
 *    navigation, sidebars, footers and comments do not score; containers are weighted by
 *    their names (article, main; against nav, footer, related, share, ad) and by how much
 *    of their text is links. The best container is the article, with the siblings that
 *    score nearly as well and the containers just like it elsewhere (the story cut in two
 *    by an advertisement);
 * 3. else, when the article so found holds no paragraph of the story but the page shows
 *    some, the page is read as plain markup (save its navigation, sidebars, footers and
 *    comments); a page with next to no visible text but scripts needs JavaScript, and
 *    says so.
 *
 * Inside the article, a paragraph that is all a link, and widgets (by class) that do not
 * hold prose, are furniture.
 *
 * The rest of the page is not dropped: its visible text becomes furniture (a list of links
 * one block), and what belongs to the story wherever it sits is classified: the headline
 * (the <h1> that matches the page's title, else the title itself), bylines (rel=author,
 * class "byline" or "author"), captions (<figcaption>, class "caption"), the date (<time>,
 * itemprop="datePublished", article:published_time, JSON-LD). Nothing is fetched: no
 * images, no stylesheets.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "desk-format.h"
#include "desk-json.h"
#include "desk-reader-private.h"
#include "desk-wire-text-private.h"

/* A paragraph shorter than this does not score */
#define MIN_PARAGRAPH_CHARS 25

/* The JSON-LD articleBody places the story when it has this many letters and digits, and
 * the page's paragraphs of at least JSON_LD_MIN_PARAGRAPH of them found in it word for
 * word make up this share of it */
#define JSON_LD_MIN_CHARS 400
#define JSON_LD_MIN_PARAGRAPH 30
#define JSON_LD_MIN_SHARE 0.5

/* Elements marked itemprop="articleBody" are the story when they hold this many letters,
 * at most this share of them in links */
#define ITEMPROP_MIN_CHARS 200
#define ITEMPROP_MAX_LINK_SHARE 0.5

/* A part of the article whose class sounds like a widget is prose all the same when it
 * holds this many letters, less than this share of them in links */
#define PROSE_MIN_CHARS 500
#define PROSE_MAX_LINK_SHARE 0.1

/* A label over the headline is shorter than this (letters); a sentence of the story is not */
#define KICKER_MAX_CHARS 60

/* A block of the article that runs a script or holds an embedded frame and shows fewer
 * letters than this is a slot filled by the script (an ad, a player, a widget) under its
 * label ("Advert", "Sponsored"); a paragraph beside an embed is longer */
#define SCRIPT_SLOT_MAX_CHARS 40

/* A paragraph of this many letters is text the page shows: a page with one gives text */
#define FALLBACK_MIN_CHARS 80

/* A paragraph of the article with at least this share of its letters in links is a link
 * to another story ("Who will make the Rock Hall in 2020?") */
#define LINK_PARAGRAPH_SHARE 0.9

/* So is a paragraph that is a link under a label of at most this many characters, its link
 * the larger part: "SEE MORE: Storm closes the terminal again", "Lire aussi : …" */
#define LINK_LABEL_MAX_CHARS 15

/* And a paragraph of links set apart by <br>, at least this many of its lines mostly a
 * link, the others labels: "DON'T MISS<br><a>…</a> [VIDEO]<br><a>…</a>" */
#define LINK_LINES_MIN 2

typedef struct
{
  DeskReaderDoc *doc;
  gboolean    headline_seen;   /* the walk has passed the headline */
  gboolean    whole_page;      /* no article found: the page is read as plain markup */
  GHashTable *scores;          /* xmlNode * → Candidate * */
  GHashTable *main_roots;      /* the article's containers */
  GHashTable *main_ancestors;  /* the elements around them */
  GHashTable *measures;        /* xmlNode * → Measure *, each element measured once */
  GHashTable *furniture;       /* xmlNode * → 1 (not in furniture) or 2 (in furniture) */
  GHashTable *classes;         /* xmlNode * → what its class and id say (ClassFlags) */
  xmlNode    *headline;
  char       *title;           /* og:title, JSON-LD headline or <title> */
  char       *author;          /* meta author or JSON-LD author, when the page shows none */
  GPtrArray  *authors;
  char       *published;
  char       *modified;
  char       *url;
  char       *json_body;       /* JSON-LD articleBody */
} Page;

typedef struct
{
  double score;
} Candidate;

static void
page_clear (Page *page)
{
  g_clear_pointer (&page->scores, g_hash_table_unref);
  g_clear_pointer (&page->main_roots, g_hash_table_unref);
  g_clear_pointer (&page->main_ancestors, g_hash_table_unref);
  g_clear_pointer (&page->measures, g_hash_table_unref);
  g_clear_pointer (&page->json_body, g_free);
  g_clear_pointer (&page->furniture, g_hash_table_unref);
  g_clear_pointer (&page->classes, g_hash_table_unref);
  g_clear_pointer (&page->title, g_free);
  g_clear_pointer (&page->authors, g_ptr_array_unref);
  g_clear_pointer (&page->published, g_free);
  g_clear_pointer (&page->modified, g_free);
  g_clear_pointer (&page->url, g_free);
}

/* ---- Element names and classes ------------------------------------------------------- */

static char *
class_and_id (const xmlNode *element)
{
  g_autofree char *class = _desk_xml_attr (element, "class");
  g_autofree char *id = _desk_xml_attr (element, "id");
  g_autofree char *joined = g_strdup_printf ("%s %s", class ? class : "", id ? id : "");

  return g_ascii_strdown (joined, -1);
}

/* A pattern compiled once per process, for UTF-8 text (compiled to machine code: the
 * text it is matched against must be valid UTF-8, which PCRE2's JIT does not check). */
static GRegex *
regex_once (GRegex     **slot,
            const char  *pattern)
{
  if (g_once_init_enter (slot))
    g_once_init_leave (slot, g_regex_new (pattern, G_REGEX_CASELESS | G_REGEX_OPTIMIZE, 0, NULL));
  return *slot;
}

static gboolean
matches (GRegex     **slot,
         const char  *pattern,
         const char  *text)
{
  return text != NULL && text[0] != '\0' && g_utf8_validate (text, -1, NULL) &&
         g_regex_match (regex_once (slot, pattern), text, 0, NULL);
}

static const char negative_pattern[] =
  "comment|disqus|\\bcom-|contact|\\bfoot|footer|footnote|masthead|outbrain|taboola|promo|"
  "related|scroll|share|sharing|shoutbox|sidebar|skyscraper|sponsor|shopping|\\btags?\\b|"
  "\\btool|widget|\\bnav|menu|breadcrumb|social|newsletter|subscri|signup|sign-up|cookie|"
  "banner|advert|\\bads?\\b|\\bad-|-ad\\b|dfp|popup|modal|recommend|trending|popular|"
  "most-read|read-more|readmore|paywall|login|search";

static const char positive_pattern[] =
  "article|\\bbody|content|entry|h-?entry|\\bmain|\\bpage|\\bpost|story|\\btext|blog";

/* What an element's class and id say of it, read once per element: every element is asked
 * of its ancestors many times, and a regular expression each time was most of the time
 * it took to read a page */
typedef enum
{
  CLASS_KNOWN    = 1 << 0,
  CLASS_NEGATIVE = 1 << 1,  /* navigation, ads, sharing, comments… */
  CLASS_POSITIVE = 1 << 2,  /* article, content, story… */
  CLASS_BYLINE   = 1 << 3,
  CLASS_CAPTION  = 1 << 4,
  CLASS_DECK     = 1 << 5,
  CLASS_KICKER   = 1 << 6,
  CLASS_COMMENTS = 1 << 7,
  CLASS_CONTENT  = 1 << 8,  /* says it is the content, even if it also says comments */
  CLASS_DATE     = 1 << 9,  /* itemprop="datePublished", "dateModified": a time stamp */
} ClassFlags;

static guint
read_class_flags (const xmlNode *element)
{
  static GRegex *negative_re, *positive_re, *byline_re, *caption_re, *deck_re, *kicker_re;
  static GRegex *comments_re, *content_re;
  g_autofree char *names = class_and_id (element);
  g_autofree char *rel = NULL;
  g_autofree char *itemprop = NULL;
  guint flags = CLASS_KNOWN;

  if (names[strspn (names, " ")] != '\0')
    {
      if (matches (&negative_re, negative_pattern, names))
        flags |= CLASS_NEGATIVE;
      if (matches (&positive_re, positive_pattern, names))
        flags |= CLASS_POSITIVE;
      if (matches (&byline_re, "byline|\\bauthor|\\bwriter|\\bby-?line|contributor", names) &&
          !strstr (names, "bio") && !strstr (names, "avatar"))
        flags |= CLASS_BYLINE;
      if (matches (&caption_re, "caption|photo-?credit|image-?credit|\\bcutline", names))
        flags |= CLASS_CAPTION;
      if (matches (&deck_re, "\\bdek\\b|\\bdeck\\b|standfirst|sub-?head|subtitle|\\bsummary|"
                             "\\blede\\b|teaser|excerpt|\\bintro\\b|description", names))
        flags |= CLASS_DECK;
      if (matches (&kicker_re, "kicker|eyebrow|overline|section-label|\\bcategory\\b|\\brubric",
                   names))
        flags |= CLASS_KICKER;
      if (matches (&comments_re, "comment|disqus", names))
        flags |= CLASS_COMMENTS;
      if (matches (&content_re, "article|\\bbody|content|\\bmain|\\bstory|entry", names))
        flags |= CLASS_CONTENT;
    }

  rel = _desk_xml_attr (element, "rel");
  itemprop = _desk_xml_attr (element, "itemprop");
  if (g_strcmp0 (rel, "author") == 0 || (itemprop != NULL && strstr (itemprop, "author")))
    flags |= CLASS_BYLINE;
  if (itemprop != NULL && (strstr (itemprop, "datePublished") || strstr (itemprop, "dateModified") ||
                           strstr (itemprop, "dateCreated")))
    flags |= CLASS_DATE;

  return flags;
}

static guint
class_flags (Page          *page,
             const xmlNode *element)
{
  guint flags = GPOINTER_TO_UINT (g_hash_table_lookup (page->classes, element));

  if (flags == 0)
    {
      flags = read_class_flags (element);
      g_hash_table_insert (page->classes, (gpointer)element, GUINT_TO_POINTER (flags));
    }

  return flags;
}

static gboolean
is_negative (Page          *page,
             const xmlNode *element)
{
  return (class_flags (page, element) & CLASS_NEGATIVE) != 0;
}

static int
class_weight (Page          *page,
              const xmlNode *element)
{
  guint flags = class_flags (page, element);
  int weight = 0;

  if (flags & CLASS_NEGATIVE)
    weight -= 25;
  if (flags & CLASS_POSITIVE)
    weight += 25;

  return weight;
}

/* Why a part of the page is not the story */
static const char *
region_reason (const xmlNode *element)
{
  static GRegex *comment_re, *related_re, *share_re, *ad_re, *newsletter_re;
  g_autofree char *names = class_and_id (element);

  if (_desk_xml_is (element, "nav") || _desk_xml_is (element, "menu"))
    return "navigation";
  if (_desk_xml_is (element, "header"))
    return "page header";
  if (_desk_xml_is (element, "footer"))
    return "page footer";
  if (_desk_xml_is (element, "aside"))
    return "sidebar";
  if (_desk_xml_is (element, "form"))
    return "form";
  if (matches (&comment_re, "comment|disqus", names))
    return "comments";
  if (matches (&related_re, "related|recommend|read-more|readmore|more-stories|trending|"
                            "popular|most-read|outbrain|taboola", names))
    return "related links";
  if (matches (&share_re, "share|sharing|social", names))
    return "sharing buttons";
  if (matches (&ad_re, "advert|\\bads?\\b|\\bad-|-ad\\b|dfp|sponsor|promo", names))
    return "advertisement";
  if (matches (&newsletter_re, "newsletter|subscri|signup|sign-up|paywall", names))
    return "newsletter sign-up";
  if (matches (&newsletter_re, "\\bnav|menu|breadcrumb", names))
    return "navigation";

  return "outside the article";
}

static gboolean
is_hidden (const xmlNode *element)
{
  static const char * const hiding_classes[] = {
    "hidden", "sr-only", "visually-hidden", "screen-reader-text", "screen-reader-only",
  };
  static GRegex *style_re;
  g_autofree char *style = _desk_xml_attr (element, "style");
  g_autofree char *aria = _desk_xml_attr (element, "aria-hidden");
  g_autofree char *hidden = _desk_xml_attr (element, "hidden");
  g_autofree char *class = NULL;
  g_auto(GStrv) tokens = NULL;

  if (hidden != NULL || g_strcmp0 (aria, "true") == 0 ||
      matches (&style_re, "display\\s*:\\s*none|visibility\\s*:\\s*hidden", style))
    return TRUE;

  /* A class that hides is a whole class name: "field--label-hidden" names what it hides
   * (the field's label, not the field). */
  if (!(class = _desk_xml_attr (element, "class")))
    return FALSE;
  tokens = g_strsplit_set (class, " \t\n\r\f", -1);
  for (guint i = 0; tokens[i] != NULL; i++)
    for (guint j = 0; j < G_N_ELEMENTS (hiding_classes); j++)
      if (g_ascii_strcasecmp (tokens[i], hiding_classes[j]) == 0)
        return TRUE;

  return FALSE;
}

static gboolean
is_skipped_tag (const xmlNode *element)
{
  static const char * const tags[] = {
    "script", "style", "noscript", "template", "head", "iframe", "svg", "button", "select",
    "textarea", "object", "embed", "canvas",
  };

  for (guint i = 0; i < G_N_ELEMENTS (tags); i++)
    if (_desk_xml_is (element, tags[i]))
      return TRUE;
  return FALSE;
}

/* Whether @element runs a script or embeds a frame, within a few levels */
static gboolean
has_script (const xmlNode *element,
            guint          depth)
{
  for (const xmlNode *child = element->children; child != NULL; child = child->next)
    {
      if (child->type != XML_ELEMENT_NODE)
        continue;
      if (_desk_xml_is (child, "script") || _desk_xml_is (child, "iframe"))
        return TRUE;
      if (depth > 0 && has_script (child, depth - 1))
        return TRUE;
    }
  return FALSE;
}

/* ---- Measuring text ------------------------------------------------------------------ */

typedef struct
{
  gsize chars;
  gsize link_chars;
  guint commas;
} Measure;

static void
measure_text (const xmlNode *text,
              gboolean       in_link,
              Measure       *m)
{
  gsize n = 0;

  for (const char *p = (const char *)text->content; *p; p++)
    {
      if (!g_ascii_isspace (*p) && (*p & 0xC0) != 0x80)
        n++;
      if (*p == ',')
        m->commas++;
    }
  m->chars += n;
  if (in_link)
    m->link_chars += n;
}

static void
measure_node (const xmlNode *node,
              gboolean       in_link,
              Measure       *m,
              guint          depth)
{
  if (depth > 200)
    return;

  for (const xmlNode *child = node->children; child != NULL; child = child->next)
    {
      if (child->type == XML_TEXT_NODE && child->content != NULL)
        measure_text (child, in_link, m);
      else if (child->type == XML_ELEMENT_NODE && !is_skipped_tag (child) && !is_hidden (child))
        measure_node (child, in_link || _desk_xml_is (child, "a"), m, depth + 1);
    }
}

static Measure
measure (const xmlNode *node)
{
  Measure m = { 0 };

  measure_node (node, FALSE, &m, 0);
  return m;
}

/* What measure() says of @node, each element measured once however many candidates
 * contain it: a candidate's measure is its children's, with everything under a link
 * counted as link text. Measuring every candidate afresh was quadratic in the depth. */
static const Measure *
measure_cached (Page          *page,
                const xmlNode *node,
                guint          depth)
{
  Measure *m = g_hash_table_lookup (page->measures, node);

  if (m != NULL)
    return m;

  m = g_new0 (Measure, 1);
  if (depth <= 200)
    for (const xmlNode *child = node->children; child != NULL; child = child->next)
      {
        if (child->type == XML_TEXT_NODE && child->content != NULL)
          {
            Measure text = { 0 };

            measure_text (child, FALSE, &text);
            m->chars += text.chars;
            m->commas += text.commas;
          }
        else if (child->type == XML_ELEMENT_NODE && !is_skipped_tag (child) && !is_hidden (child))
          {
            const Measure *inner = measure_cached (page, child, depth + 1);

            m->chars += inner->chars;
            m->commas += inner->commas;
            m->link_chars += _desk_xml_is (child, "a") ? inner->chars : inner->link_chars;
          }
      }
  g_hash_table_insert (page->measures, (gpointer)node, m);

  return m;
}

/* The lines of a paragraph set apart by <br>: how many are mostly a link, how many are
 * neither that nor a short label */
typedef struct
{
  Measure line;
  guint   link_lines;
  guint   text_lines;
} Lines;

static void
end_line (Lines *lines)
{
  if (lines->line.link_chars * 2 > lines->line.chars)
    lines->link_lines++;
  else if (lines->line.chars > LINK_LABEL_MAX_CHARS)
    lines->text_lines++;
  lines->line = (Measure) { 0 };
}

static void
count_lines (const xmlNode *node,
             gboolean       in_link,
             Lines         *lines,
             guint          depth)
{
  if (depth > 200)
    return;

  for (const xmlNode *child = node->children; child != NULL; child = child->next)
    {
      if (child->type == XML_TEXT_NODE && child->content != NULL)
        measure_text (child, in_link, &lines->line);
      else if (child->type == XML_ELEMENT_NODE && _desk_xml_is (child, "br"))
        end_line (lines);
      else if (child->type == XML_ELEMENT_NODE && !is_skipped_tag (child) && !is_hidden (child))
        count_lines (child, in_link || _desk_xml_is (child, "a"), lines, depth + 1);
    }
}

/* Whether @element is a list of links set apart by <br>, under a label or not */
static gboolean
is_link_lines (const xmlNode *element)
{
  Lines lines = { { 0 } };

  count_lines (element, FALSE, &lines, 0);
  end_line (&lines);
  return lines.link_lines >= LINK_LINES_MIN && lines.text_lines == 0;
}

static double
link_density (Page          *page,
              const xmlNode *node)
{
  const Measure *m = measure_cached (page, node, 0);

  return m->chars > 0 ? (double)m->link_chars / m->chars : 0.0;
}

/* ---- Scoring -------------------------------------------------------------------------- */

static double
tag_weight (const xmlNode *element)
{
  static const struct { const char *tag; double weight; } weights[] = {
    { "article", 10 }, { "main", 5 }, { "div", 5 }, { "section", 3 }, { "td", 3 },
    { "pre", 3 }, { "blockquote", 3 }, { "body", 0 }, { "address", -3 }, { "ol", -3 },
    { "ul", -3 }, { "dl", -3 }, { "dd", -3 }, { "dt", -3 }, { "li", -3 }, { "form", -3 },
    { "h1", -5 }, { "h2", -5 }, { "h3", -5 }, { "h4", -5 }, { "h5", -5 }, { "h6", -5 },
    { "th", -5 }, { "nav", -25 }, { "footer", -25 }, { "aside", -25 }, { "header", -10 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (weights); i++)
    if (_desk_xml_is (element, weights[i].tag))
      return weights[i].weight;
  return 0;
}

static Candidate *
candidate_for (Page          *page,
               const xmlNode *element)
{
  Candidate *candidate = g_hash_table_lookup (page->scores, element);

  if (candidate == NULL)
    {
      candidate = g_new0 (Candidate, 1);
      candidate->score = tag_weight (element) + class_weight (page, element);
      g_hash_table_insert (page->scores, (gpointer)element, candidate);
    }

  return candidate;
}

static gboolean
is_block_tag (const xmlNode *element)
{
  static const char * const blocks[] = {
    "p", "div", "section", "article", "main", "ul", "ol", "dl", "table", "h1", "h2", "h3",
    "h4", "h5", "h6", "blockquote", "pre", "figure", "header", "footer", "nav", "aside",
    "form", "li", "tr", "td", "tbody",
  };

  for (guint i = 0; i < G_N_ELEMENTS (blocks); i++)
    if (_desk_xml_is (element, blocks[i]))
      return TRUE;
  return FALSE;
}

/* A <div> that holds only text and inline elements is a paragraph by another name, as
 * many sites mark them up ("<div class=\"body__paragraph\">"). */
static gboolean
is_text_div (const xmlNode *element)
{
  if (!_desk_xml_is (element, "div"))
    return FALSE;

  for (const xmlNode *child = element->children; child != NULL; child = child->next)
    if (child->type == XML_ELEMENT_NODE && is_block_tag (child))
      return FALSE;

  return TRUE;
}

/* The text of @element outside its block children: paragraphs set apart by <br> only, or
 * written straight into a container beside its blocks */
static Measure
measure_loose_text (Page          *page,
                    const xmlNode *element)
{
  Measure m = { 0 };

  for (const xmlNode *child = element->children; child != NULL; child = child->next)
    {
      if (child->type == XML_TEXT_NODE && child->content != NULL)
        measure_text (child, FALSE, &m);
      else if (child->type == XML_ELEMENT_NODE && !is_block_tag (child) &&
               !is_skipped_tag (child) && !is_hidden (child))
        {
          const Measure *inner = measure_cached (page, child, 0);

          m.chars += inner->chars;
          m.commas += inner->commas;
          m.link_chars += _desk_xml_is (child, "a") ? inner->chars : inner->link_chars;
        }
    }

  return m;
}

/* A paragraph scores for the element that holds it, and half as much for the one above:
 * by its length and commas, if it is not mostly a link (a teaser for another page). */
static void
score_text (Page          *page,
            const xmlNode *holder,
            const Measure *m)
{
  double score;

  if (m->chars < MIN_PARAGRAPH_CHARS || m->link_chars * 2 >= m->chars ||
      holder == NULL || holder->type != XML_ELEMENT_NODE)
    return;

  score = 1 + m->commas + MIN (m->chars / 100.0, 3.0);
  candidate_for (page, holder)->score += score;
  if (holder->parent != NULL && holder->parent->type == XML_ELEMENT_NODE)
    candidate_for (page, holder->parent)->score += score / 2;
}

/* Parts of a page whose paragraphs do not make it an article, however many they are:
 * navigation, sidebars, footers, and comments, unless the class also says it is the
 * content ("entry-content comments-open"). Not <form>: some sites wrap the whole page in
 * one. */
static gboolean
is_unlikely (Page          *page,
             const xmlNode *element)
{
  guint flags;

  if (_desk_xml_is (element, "nav") || _desk_xml_is (element, "aside") ||
      _desk_xml_is (element, "footer") || _desk_xml_is (element, "menu"))
    return TRUE;
  if (_desk_xml_is (element, "body") || _desk_xml_is (element, "article") ||
      _desk_xml_is (element, "main"))
    return FALSE;

  flags = class_flags (page, element);
  return (flags & CLASS_COMMENTS) && !(flags & CLASS_CONTENT);
}

static void
score_paragraphs (Page          *page,
                  const xmlNode *node,
                  guint          depth)
{
  if (depth > 200)
    return;

  for (const xmlNode *child = node->children; child != NULL; child = child->next)
    {
      if (child->type != XML_ELEMENT_NODE || is_skipped_tag (child) || is_hidden (child) ||
          is_unlikely (page, child))
        continue;

      if (_desk_xml_is (child, "p") || _desk_xml_is (child, "pre") || _desk_xml_is (child, "td") ||
          is_text_div (child))
        score_text (page, child->parent, measure_cached (page, child, depth));
      else if (is_block_tag (child) && !_desk_xml_is (child, "li") &&
               !_desk_xml_is (child, "ul") && !_desk_xml_is (child, "ol") &&
               !_desk_xml_is (child, "tr") && !_desk_xml_is (child, "tbody") &&
               !_desk_xml_is (child, "table"))
        {
          Measure loose = measure_loose_text (page, child);

          score_text (page, child, &loose);
        }

      score_paragraphs (page, child, depth + 1);
    }
}

static void
mark_main (Page    *page,
           xmlNode *root)
{
  g_hash_table_add (page->main_roots, root);
  for (xmlNode *up = root->parent; up != NULL && up->type == XML_ELEMENT_NODE; up = up->parent)
    g_hash_table_add (page->main_ancestors, up);
}

static gboolean is_in_main      (Page          *page,
                                 const xmlNode *element);
static gboolean is_in_furniture (Page          *page,
                                 const xmlNode *element);

static void
find_main (Page    *page,
           xmlNode *body)
{
  GHashTableIter iter;
  gpointer key, value;
  xmlNode *top = NULL;
  double top_score = 0;
  double threshold;

  score_paragraphs (page, body, 0);

  g_hash_table_iter_init (&iter, page->scores);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      Candidate *candidate = value;

      candidate->score *= 1.0 - link_density (page, key);
      if (top == NULL || candidate->score > top_score)
        {
          top = key;
          top_score = candidate->score;
        }
    }

  if (top == NULL || top_score <= 0)
    {
      /* No article to be found: the page is all there is */
      mark_main (page, body);
      return;
    }

  if (top->parent == NULL || top->parent->type != XML_ELEMENT_NODE)
    {
      mark_main (page, top);
      return;
    }

  /* Siblings that score nearly as well, or that are paragraphs of the story too */
  threshold = MAX (10, top_score * 0.2);
  for (xmlNode *sibling = top->parent->children; sibling != NULL; sibling = sibling->next)
    {
      Candidate *candidate;
      gboolean include = sibling == top;

      if (sibling->type != XML_ELEMENT_NODE || is_hidden (sibling) || is_skipped_tag (sibling))
        continue;

      candidate = g_hash_table_lookup (page->scores, sibling);
      if (!include && candidate != NULL && candidate->score >= threshold && !is_negative (page, sibling))
        include = TRUE;

      if (!include && _desk_xml_is (sibling, "p"))
        {
          Measure m = measure (sibling);
          double density = m.chars > 0 ? (double)m.link_chars / m.chars : 0;

          include = (m.chars > 80 && density < 0.25) ||
                    (m.chars > 0 && density == 0 && m.commas > 0);
        }

      if (include)
        mark_main (page, sibling);
    }

  /* The story cut in parts by an advertisement or a newsletter box, each part in a
   * container just like the best one: the same element with the same class */
  {
    g_autofree char *top_class = _desk_xml_attr (top, "class");

    if (top_class == NULL || top_class[0] == '\0')
      return;

    g_hash_table_iter_init (&iter, page->scores);
    while (g_hash_table_iter_next (&iter, &key, &value))
      {
        xmlNode *other = key;
        Candidate *candidate = value;
        g_autofree char *other_class = NULL;

        if (other == top || candidate->score < threshold || !xmlStrEqual (other->name, top->name))
          continue;
        other_class = _desk_xml_attr (other, "class");
        if (g_strcmp0 (other_class, top_class) == 0 && !is_in_furniture (page, other) &&
            !is_in_main (page, other))
          mark_main (page, other);
      }
  }
}

static gboolean
is_in_main (Page          *page,
            const xmlNode *element)
{
  for (const xmlNode *up = element; up != NULL && up->type == XML_ELEMENT_NODE; up = up->parent)
    if (g_hash_table_contains (page->main_roots, up))
      return TRUE;
  return FALSE;
}

/* Whether @element sits in navigation, a footer, comments, related links or an ad */
/* Whether @element or an element around it is site furniture (navigation, a footer, a
 * class that says so); remembered for each element, as every element asks it of all its
 * ancestors. */
static gboolean
is_in_furniture (Page          *page,
                 const xmlNode *element)
{
  gpointer known;
  gboolean result;

  if (element == NULL || element->type != XML_ELEMENT_NODE)
    return FALSE;

  known = g_hash_table_lookup (page->furniture, element);
  if (known != NULL)
    return GPOINTER_TO_INT (known) == 2;

  if (_desk_xml_is (element, "nav") || _desk_xml_is (element, "footer") ||
      _desk_xml_is (element, "aside") || _desk_xml_is (element, "form") ||
      _desk_xml_is (element, "menu"))
    result = TRUE;
  else if (!_desk_xml_is (element, "body") && !_desk_xml_is (element, "html") &&
           is_negative (page, element))
    result = TRUE;
  else
    {
      /* Climb without recursing, then fill in on the way down. */
      g_autoptr(GPtrArray) chain = g_ptr_array_new ();
      const xmlNode *up = element;

      result = FALSE;
      for (; up != NULL && up->type == XML_ELEMENT_NODE; up = up->parent)
        {
          known = g_hash_table_lookup (page->furniture, up);
          if (known != NULL)
            {
              result = GPOINTER_TO_INT (known) == 2;
              break;
            }
          if (_desk_xml_is (up, "nav") || _desk_xml_is (up, "footer") ||
              _desk_xml_is (up, "aside") || _desk_xml_is (up, "form") ||
              _desk_xml_is (up, "menu") ||
              (!_desk_xml_is (up, "body") && !_desk_xml_is (up, "html") && is_negative (page, up)))
            {
              result = TRUE;
              g_hash_table_insert (page->furniture, (gpointer)up, GINT_TO_POINTER (2));
              break;
            }
          g_ptr_array_add (chain, (gpointer)up);
        }
      for (guint i = 0; i < chain->len; i++)
        g_hash_table_insert (page->furniture, chain->pdata[i], GINT_TO_POINTER (result ? 2 : 1));
      return result;
    }

  g_hash_table_insert (page->furniture, (gpointer)element, GINT_TO_POINTER (result ? 2 : 1));
  return result;
}

static gboolean
has_ancestor (Page          *page,
              const xmlNode *element,
              gboolean     (*test) (Page *, const xmlNode *))
{
  for (const xmlNode *up = element->parent;
       up != NULL && up->type == XML_ELEMENT_NODE;
       up = up->parent)
    if (test (page, up))
      return TRUE;
  return FALSE;
}

static gboolean
is_text_block (Page          *page,
               const xmlNode *element)
{
  return _desk_xml_is (element, "p") || _desk_xml_is (element, "li") ||
         _desk_xml_is (element, "td") || _desk_xml_is (element, "h1") ||
         _desk_xml_is (element, "h2") || _desk_xml_is (element, "h3") ||
         _desk_xml_is (element, "h4") || _desk_xml_is (element, "blockquote");
}

static gboolean
is_byline_element (Page          *page,
                   const xmlNode *element)
{
  return (class_flags (page, element) & CLASS_BYLINE) != 0;
}

static gboolean
is_caption_element (Page          *page,
                    const xmlNode *element)
{
  return _desk_xml_is (element, "figcaption") || _desk_xml_is (element, "figure") ||
         (class_flags (page, element) & CLASS_CAPTION) != 0;
}

static gboolean
is_deck_element (Page          *page,
                 const xmlNode *element)
{
  return (class_flags (page, element) & CLASS_DECK) != 0;
}

/* Whether a later sibling of @element is the same element with the same class: one of
 * several parts of the story set alike, not a part of its own */
static gboolean
has_twin_after (const xmlNode *element)
{
  g_autofree char *class = _desk_xml_attr (element, "class");

  if (class == NULL || class[0] == '\0')
    return FALSE;

  for (const xmlNode *next = element->next; next != NULL; next = next->next)
    {
      g_autofree char *next_class = NULL;

      if (next->type != XML_ELEMENT_NODE || !xmlStrEqual (next->name, element->name))
        continue;
      next_class = _desk_xml_attr (next, "class");
      if (g_strcmp0 (next_class, class) == 0)
        return TRUE;
    }
  return FALSE;
}

static gboolean
is_kicker_element (Page          *page,
                   const xmlNode *element)
{
  return (class_flags (page, element) & CLASS_KICKER) != 0;
}

static gboolean
is_prose_block (Page          *page,
                const xmlNode *element)
{
  const Measure *m = measure_cached (page, element, 0);

  return m->chars >= PROSE_MIN_CHARS && m->link_chars < m->chars * PROSE_MAX_LINK_SHARE &&
         !(class_flags (page, element) & CLASS_COMMENTS);
}

static guint
count_links (const xmlNode *node,
             guint          depth)
{
  guint n = 0;

  if (depth > 200)
    return 0;
  for (const xmlNode *child = node->children; child != NULL; child = child->next)
    if (child->type == XML_ELEMENT_NODE && !is_skipped_tag (child) && !is_hidden (child))
      n += _desk_xml_is (child, "a") ? 1 : count_links (child, depth + 1);
  return n;
}

/* Whether @node ends a line on its side of an inline element: nothing but white space
 * between them and a block, a <br> or the container's edge */
static gboolean
is_line_edge (const xmlNode *node,
              gboolean       forward)
{
  for (; node != NULL; node = forward ? node->next : node->prev)
    {
      if (node->type == XML_TEXT_NODE)
        {
          if (node->content != NULL && node->content[strspn ((const char *)node->content, " \t\r\n")] != '\0')
            return FALSE;
          continue;
        }
      if (node->type != XML_ELEMENT_NODE || is_skipped_tag (node) || is_hidden (node))
        continue;
      return is_block_tag (node) || _desk_xml_is (node, "br");
    }
  return TRUE;
}

/* Whether @element, an inline element, is a run of links (at least two, hardly any text
 * between them) written straight into a container beside its paragraphs, on lines of its
 * own: not links inside a sentence written loose */
static gboolean
is_loose_link_run (Page          *page,
                   const xmlNode *element)
{
  const xmlNode *parent = element->parent;
  const Measure *m;
  gboolean beside_blocks = FALSE;

  if (parent == NULL || parent->type != XML_ELEMENT_NODE || _desk_xml_is (element, "a") ||
      is_text_block (page, parent) || is_block_tag (element))
    return FALSE;

  for (const xmlNode *child = parent->children; child != NULL && !beside_blocks; child = child->next)
    beside_blocks = child->type == XML_ELEMENT_NODE && is_block_tag (child);
  if (!beside_blocks)
    return FALSE;

  m = measure_cached (page, element, 0);
  return m->chars > 0 && m->link_chars >= m->chars * LINK_PARAGRAPH_SHARE &&
         count_links (element, 0) >= LINK_LINES_MIN &&
         is_line_edge (element->prev, FALSE) && is_line_edge (element->next, TRUE);
}

/* ---- Hints for the walker -------------------------------------------------------------- */

static void
set_role (DeskWalkHint  *hint,
          DeskBlockRole  role,
          const char    *reason,
          gboolean       override)
{
  hint->block = TRUE;
  hint->has_role = TRUE;
  hint->role = role;
  hint->reason = reason;
  hint->override = override;
  hint->strong = override;
}

static void
html_hint (const xmlNode *element,
           DeskWalkHint  *hint,
           gpointer       user_data)
{
  Page *page = user_data;
  gboolean in_main;

  if (is_hidden (element) || is_skipped_tag (element))
    {
      hint->skip = TRUE;
      return;
    }

  /* The page read as plain markup: only its navigation, sidebars and footers are known
   * to be furniture; the rest is classified as text is */
  if (page->whole_page)
    {
      if (element != page->headline && is_unlikely (page, element))
        {
          set_role (hint, DESK_BLOCK_ROLE_FURNITURE, region_reason (element), FALSE);
          hint->strong = TRUE;
          hint->collapse = _desk_xml_is (element, "nav") || _desk_xml_is (element, "menu");
          return;
        }
      if (element != page->headline)
        return;
    }

  if (element == page->headline)
    {
      page->headline_seen = TRUE;
      set_role (hint, DESK_BLOCK_ROLE_HEADLINE, "headline", TRUE);
      return;
    }

  in_main = is_in_main (page, element);

  /* A section label over the headline: "Transport", "Analysis"; a paragraph of the story
   * placed before a headline further down is not one */
  if (is_kicker_element (page, element) ||
      (in_main && page->headline != NULL && !page->headline_seen && hint->block &&
       is_in_main (page, page->headline) && (_desk_xml_is (element, "p") ||
                                             _desk_xml_is (element, "span")) &&
       measure_cached (page, element, 0)->chars < KICKER_MAX_CHARS))
    {
      set_role (hint, DESK_BLOCK_ROLE_FURNITURE, "above the headline", TRUE);
      return;
    }

  if (!is_in_furniture (page, element))
    {
      /* What belongs to the story wherever it sits on the page */
      if (is_byline_element (page, element) && !has_ancestor (page, element, is_byline_element) &&
          (hint->block || !has_ancestor (page, element, is_text_block)))
        {
          set_role (hint, DESK_BLOCK_ROLE_BYLINE, "byline", TRUE);
          return;
        }

      if (is_caption_element (page, element) && !has_ancestor (page, element, is_caption_element))
        {
          set_role (hint, DESK_BLOCK_ROLE_CAPTION, "caption", TRUE);
          return;
        }

      /* One deck, the first: a class such as "description" on every part of the story
       * does not make each a deck, nor the first of them */
      if (is_deck_element (page, element) && hint->block && !has_twin_after (element) &&
          _desk_reader_doc_get_n_body (page->doc) == 0 &&
          _desk_reader_doc_count_role (page->doc, DESK_BLOCK_ROLE_DECK) == 0 &&
          measure (element).chars < 400 && !has_ancestor (page, element, is_deck_element))
        {
          set_role (hint, DESK_BLOCK_ROLE_DECK, "deck", TRUE);
          return;
        }
    }

  /* A date the page shows as such (<time>, or marked by schema.org's itemprop), not inside
   * a sentence */
  if ((_desk_xml_is (element, "time") || (class_flags (page, element) & CLASS_DATE)) &&
      !has_ancestor (page, element, is_text_block) &&
      !has_ancestor (page, element, is_byline_element))
    {
      set_role (hint, DESK_BLOCK_ROLE_FURNITURE, "time stamp", TRUE);
      return;
    }

  if (g_hash_table_contains (page->main_roots, element))
    {
      hint->block = TRUE;
      hint->reset = TRUE;
      hint->has_role = TRUE;
      hint->role = DESK_BLOCK_ROLE_BODY;
      hint->reason = "paragraph";
      hint->strong = FALSE;
      hint->override = FALSE;
      return;
    }

  if (in_main && hint->block && (_desk_xml_is (element, "p") || is_text_div (element)))
    {
      const Measure *m = measure_cached (page, element, 0);

      /* A paragraph that is all a link, or a link under a short label, or links one a
       * line, points to other stories */
      if (m->chars > 0 && (m->link_chars >= m->chars * LINK_PARAGRAPH_SHARE ||
                           (m->link_chars * 2 > m->chars &&
                            (m->chars - m->link_chars <= LINK_LABEL_MAX_CHARS ||
                             is_link_lines (element)))))
        {
          set_role (hint, DESK_BLOCK_ROLE_FURNITURE, "related links", FALSE);
          hint->strong = TRUE;
          return;
        }
    }

  /* Links run together beside the article's paragraphs, outside any: "Tags<br><a>…</a>,
   * <a>…</a>" set in a <strong> or a <span> after the last paragraph */
  if (in_main && !hint->block && is_loose_link_run (page, element))
    {
      set_role (hint, DESK_BLOCK_ROLE_FURNITURE, "related links", FALSE);
      hint->strong = TRUE;
      return;
    }

  /* A slot a script fills, with its label: "Advert" between two paragraphs */
  if (in_main && hint->block && !_desk_xml_is (element, "body") && has_script (element, 3))
    {
      const Measure *m = measure_cached (page, element, 0);

      if (m->chars > 0 && m->chars < SCRIPT_SLOT_MAX_CHARS)
        {
          set_role (hint, DESK_BLOCK_ROLE_FURNITURE, "advertisement", FALSE);
          hint->strong = TRUE;
          return;
        }
    }

  if (in_main)
    {
      /* Widgets inside the article: sharing buttons, related links, ads. Not a part whose
       * class says "paywall" or "promo" but that holds the story's prose: paragraphs of
       * text, hardly a link among them. */
      if (is_negative (page, element) && !_desk_xml_is (element, "body") &&
          !is_prose_block (page, element))
        {
          set_role (hint, DESK_BLOCK_ROLE_FURNITURE, region_reason (element), FALSE);
          hint->strong = TRUE;
          if (_desk_xml_is (element, "ul") || _desk_xml_is (element, "ol"))
            hint->collapse = TRUE;
        }
      return;
    }

  if (g_hash_table_contains (page->main_ancestors, element))
    {
      /* Around the article: its loose text is not the story, the article inside is */
      hint->block = TRUE;
      hint->has_role = TRUE;
      hint->role = DESK_BLOCK_ROLE_FURNITURE;
      hint->reason = "outside the article";
      hint->strong = FALSE;
      hint->override = FALSE;
      return;
    }

  /* Apart from the article: all furniture, lists of links as one block each */
  if (!hint->block)
    return;

  set_role (hint, DESK_BLOCK_ROLE_FURNITURE, region_reason (element), FALSE);
  hint->strong = TRUE;
  if (_desk_xml_is (element, "ul") || _desk_xml_is (element, "ol") ||
      _desk_xml_is (element, "nav") || _desk_xml_is (element, "menu"))
    hint->collapse = TRUE;
}

/* ---- The page's own metadata ------------------------------------------------------------ */

static const char *
json_string (JsonObject *object,
             const char *name)
{
  JsonNode *node;

  if (object == NULL || !(node = json_object_get_member (object, name)) ||
      !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;

  return json_node_get_string (node);
}

static gboolean
is_article_type (JsonObject *object)
{
  JsonNode *type = json_object_get_member (object, "@type");

  if (type == NULL)
    return FALSE;

  if (JSON_NODE_HOLDS_VALUE (type) && json_node_get_value_type (type) == G_TYPE_STRING)
    return strstr (json_node_get_string (type), "Article") != NULL ||
           g_str_equal (json_node_get_string (type), "BlogPosting");

  if (JSON_NODE_HOLDS_ARRAY (type))
    {
      JsonArray *types = json_node_get_array (type);

      for (guint i = 0; i < json_array_get_length (types); i++)
        {
          JsonNode *t = json_array_get_element (types, i);

          if (JSON_NODE_HOLDS_VALUE (t) && json_node_get_value_type (t) == G_TYPE_STRING &&
              strstr (json_node_get_string (t), "Article") != NULL)
            return TRUE;
        }
    }

  return FALSE;
}

static void
read_json_ld_author (Page     *page,
                     JsonNode *node)
{
  if (node == NULL)
    return;

  if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
    g_ptr_array_add (page->authors, g_strdup (json_node_get_string (node)));
  else if (JSON_NODE_HOLDS_OBJECT (node))
    {
      const char *name = json_string (json_node_get_object (node), "name");

      if (name != NULL)
        g_ptr_array_add (page->authors, g_strdup (name));
    }
  else if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (array) && i < 10; i++)
        read_json_ld_author (page, json_array_get_element (array, i));
    }
}

static void
read_json_ld_node (Page     *page,
                   JsonNode *node,
                   guint     depth)
{
  JsonObject *object;
  JsonNode *graph;

  if (node == NULL || depth > 4)
    return;

  if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (array); i++)
        read_json_ld_node (page, json_array_get_element (array, i), depth + 1);
      return;
    }

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return;

  object = json_node_get_object (node);
  if ((graph = json_object_get_member (object, "@graph")) != NULL)
    read_json_ld_node (page, graph, depth + 1);

  if (!is_article_type (object))
    return;

  if (page->title == NULL && json_string (object, "headline") != NULL)
    page->title = g_strdup (json_string (object, "headline"));
  if (page->published == NULL && json_string (object, "datePublished") != NULL)
    page->published = g_strdup (json_string (object, "datePublished"));
  if (page->modified == NULL && json_string (object, "dateModified") != NULL)
    page->modified = g_strdup (json_string (object, "dateModified"));
  if (page->authors->len == 0)
    read_json_ld_author (page, json_object_get_member (object, "author"));
  if (page->json_body == NULL && json_string (object, "articleBody") != NULL)
    page->json_body = g_strdup (json_string (object, "articleBody"));
}

static void
read_json_ld (Page          *page,
              const xmlNode *script)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *without_nul = NULL;

  for (const xmlNode *child = script->children; child != NULL; child = child->next)
    if (child->content != NULL)
      g_string_append (text, (const char *)child->content);

  /* Untrusted: one value, not too deep, before json-glib sees it. */
  without_nul = desk_json_replace_nul_escapes (text->str, text->len);
  if (desk_json_check_shape (text->str, text->len, DESK_JSON_MAX_DEPTH) == DESK_JSON_SHAPE_OK &&
      json_parser_load_from_data (parser, without_nul ? without_nul : text->str, text->len, NULL))
    read_json_ld_node (page, json_parser_get_root (parser), 0);
}

static void
read_meta (Page          *page,
           const xmlNode *node,
           guint          depth)
{
  if (depth > 200)
    return;

  for (const xmlNode *child = node->children; child != NULL; child = child->next)
    {
      if (child->type != XML_ELEMENT_NODE)
        continue;

      if (_desk_xml_is (child, "meta"))
        {
          g_autofree char *name = _desk_xml_attr (child, "property");
          g_autofree char *content = _desk_xml_attr (child, "content");
          g_autofree char *lower = NULL;

          if (name == NULL)
            name = _desk_xml_attr (child, "name");
          if (name == NULL || content == NULL || content[0] == '\0')
            continue;
          lower = g_ascii_strdown (name, -1);

          if ((g_str_equal (lower, "og:title") || g_str_equal (lower, "twitter:title")) &&
              page->title == NULL)
            page->title = g_strdup (content);
          else if ((g_str_equal (lower, "author") || g_str_equal (lower, "article:author") ||
                    g_str_equal (lower, "byl") || g_str_equal (lower, "parsely-author")) &&
                   page->author == NULL)
            page->author = g_strdup (content);
          else if ((g_str_equal (lower, "article:published_time") || g_str_equal (lower, "date") ||
                    g_str_equal (lower, "pubdate") || g_str_equal (lower, "publishdate") ||
                    g_str_equal (lower, "dc.date.issued") ||
                    g_str_equal (lower, "parsely-pub-date")) &&
                   page->published == NULL)
            page->published = g_strdup (content);
          else if ((g_str_equal (lower, "article:modified_time") ||
                    g_str_equal (lower, "og:updated_time")) && page->modified == NULL)
            page->modified = g_strdup (content);
          else if (g_str_equal (lower, "og:url") && page->url == NULL)
            page->url = g_strdup (content);
        }
      else if (_desk_xml_is (child, "link"))
        {
          g_autofree char *rel = _desk_xml_attr (child, "rel");

          if (g_strcmp0 (rel, "canonical") == 0 && page->url == NULL)
            page->url = _desk_xml_attr (child, "href");
        }
      else if (_desk_xml_is (child, "script"))
        {
          g_autofree char *type = _desk_xml_attr (child, "type");

          if (g_strcmp0 (type, "application/ld+json") == 0)
            read_json_ld (page, child);
        }
      else if (!_desk_xml_is (child, "title"))
        read_meta (page, child, depth + 1);
    }
}

/* "Fire guts harbour ferry | The Harbour Times" → "Fire guts harbour ferry" */
static char *
strip_site_name (const char *title)
{
  static const char * const separators[] = {
    " | ", " \xe2\x80\x94 ", " \xe2\x80\x93 ", " - ", " :: ", " \xc2\xbb ",
  };
  g_autofree char *clean = _desk_reader_clean_text (title, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (separators); i++)
    {
      const char *last = g_strrstr (clean, separators[i]);

      if (last != NULL && last - clean > 15)
        return g_strndup (clean, last - clean);
    }

  return g_steal_pointer (&clean);
}

static void
collect_elements (const xmlNode *node,
                  const char    *name,
                  GPtrArray     *out,
                  guint          depth)
{
  if (depth > 200)
    return;

  for (const xmlNode *child = node->children; child != NULL; child = child->next)
    {
      if (child->type != XML_ELEMENT_NODE || is_skipped_tag (child) || is_hidden (child))
        continue;
      if (_desk_xml_is (child, name))
        g_ptr_array_add (out, (gpointer)child);
      collect_elements (child, name, out, depth + 1);
    }
}

static void
collect_article_bodies (const xmlNode *node,
                        GPtrArray     *out,
                        guint          depth)
{
  if (depth > 200)
    return;

  for (const xmlNode *child = node->children; child != NULL; child = child->next)
    {
      g_autofree char *itemprop = NULL;

      if (child->type != XML_ELEMENT_NODE || is_skipped_tag (child) || is_hidden (child))
        continue;
      itemprop = _desk_xml_attr (child, "itemprop");
      if (itemprop != NULL && g_ascii_strcasecmp (g_strstrip (itemprop), "articleBody") == 0)
        g_ptr_array_add (out, (gpointer)child);
      else
        collect_article_bodies (child, out, depth + 1);
    }
}

/* The elements the page marks as its story's body (schema.org microdata,
 * itemprop="articleBody"), when they hold text rather than links */
static gboolean
find_main_by_itemprop (Page    *page,
                       xmlNode *body)
{
  g_autoptr(GPtrArray) bodies = g_ptr_array_new ();
  gsize chars = 0, link_chars = 0;

  collect_article_bodies (body, bodies, 0);
  for (guint i = 0; i < bodies->len; i++)
    {
      const Measure *m = measure_cached (page, bodies->pdata[i], 0);

      chars += m->chars;
      link_chars += m->link_chars;
    }
  if (chars < ITEMPROP_MIN_CHARS || link_chars > chars * ITEMPROP_MAX_LINK_SHARE)
    return FALSE;

  for (guint i = 0; i < bodies->len; i++)
    mark_main (page, bodies->pdata[i]);
  return TRUE;
}

static void
collect_paragraphs (const xmlNode *node,
                    GPtrArray     *out,
                    guint          depth)
{
  if (depth > 200)
    return;

  for (const xmlNode *child = node->children; child != NULL; child = child->next)
    {
      if (child->type != XML_ELEMENT_NODE || is_skipped_tag (child) || is_hidden (child))
        continue;
      if (_desk_xml_is (child, "p") || is_text_div (child))
        g_ptr_array_add (out, (gpointer)child);
      else
        collect_paragraphs (child, out, depth + 1);
    }
}

static xmlNode *
common_ancestor (xmlNode *a,
                 xmlNode *b)
{
  for (xmlNode *x = a; x != NULL; x = x->parent)
    for (xmlNode *y = b; y != NULL; y = y->parent)
      if (x == y)
        return x;
  return NULL;
}

/* What the page says its story is, in its JSON-LD articleBody, is the best evidence of
 * where the story is: the element that holds the paragraphs found word for word in it,
 * when they make up most of it. The text itself is not taken: the page's paragraphs keep
 * their breaks and their links, and a page that shows less than it declares shows what
 * it shows. */
static gboolean
find_main_by_json_ld (Page    *page,
                      xmlNode *body)
{
  g_autoptr(GPtrArray) paragraphs = NULL;
  g_autofree char *declared = NULL;
  xmlNode *holder = NULL;
  gsize found = 0, declared_length;

  if (page->json_body == NULL)
    return FALSE;
  declared = _desk_wire_text_fold_key (page->json_body);
  declared_length = strlen (declared);
  if (declared_length < JSON_LD_MIN_CHARS)
    return FALSE;

  paragraphs = g_ptr_array_new ();
  collect_paragraphs (body, paragraphs, 0);
  for (guint i = 0; i < paragraphs->len; i++)
    {
      xmlNode *paragraph = paragraphs->pdata[i];
      g_autofree char *text = _desk_xml_text (paragraph);
      g_autofree char *key = _desk_wire_text_fold_key (text);
      gsize length = strlen (key);

      if (length < JSON_LD_MIN_PARAGRAPH || strstr (declared, key) == NULL)
        continue;
      found += length;
      holder = holder ? common_ancestor (holder, paragraph) : paragraph->parent;
    }

  if (holder == NULL || holder == body || holder->type != XML_ELEMENT_NODE ||
      found < declared_length * JSON_LD_MIN_SHARE)
    return FALSE;

  mark_main (page, holder);
  return TRUE;
}

/* A <header> of the page rather than of an article: where the site's name is an <h1> */
static gboolean
is_in_site_header (const xmlNode *element)
{
  gboolean in_header = FALSE;

  for (const xmlNode *up = element->parent;
       up != NULL && up->type == XML_ELEMENT_NODE;
       up = up->parent)
    {
      if (_desk_xml_is (up, "article") || _desk_xml_is (up, "main"))
        return FALSE;
      if (_desk_xml_is (up, "header"))
        in_header = TRUE;
    }

  return in_header;
}

/* The <h1> that names the story: the one the page's title agrees with, else the first in
 * or before the article that is not in the page's furniture */
static void
find_headline (Page          *page,
               const xmlNode *body)
{
  g_autoptr(GPtrArray) headings = g_ptr_array_new ();
  g_autofree char *title_key = page->title ? _desk_wire_text_fold_key (page->title) : NULL;

  collect_elements (body, "h1", headings, 0);

  for (guint i = 0; i < headings->len && title_key != NULL && title_key[0] != '\0'; i++)
    {
      g_autofree char *text = _desk_xml_text (g_ptr_array_index (headings, i));
      g_autofree char *key = _desk_wire_text_fold_key (text);

      if (strlen (key) >= 8 && (strstr (title_key, key) != NULL || strstr (key, title_key) != NULL))
        {
          page->headline = g_ptr_array_index (headings, i);
          return;
        }
    }

  /* A headline set as a paragraph or a lesser heading says exactly what the title says */
  if (page->title != NULL)
    {
      g_autoptr(GPtrArray) others = g_ptr_array_new ();
      g_autofree char *stripped = strip_site_name (page->title);
      g_autofree char *stripped_key = _desk_wire_text_fold_key (stripped);

      collect_elements (body, "h2", others, 0);
      collect_elements (body, "p", others, 0);
      for (guint i = 0; i < others->len && strlen (stripped_key) >= 8; i++)
        {
          g_autofree char *text = _desk_xml_text (g_ptr_array_index (others, i));
          g_autofree char *key = _desk_wire_text_fold_key (text);

          if (g_str_equal (key, stripped_key) && !is_in_furniture (page, others->pdata[i]))
            {
              page->headline = g_ptr_array_index (others, i);
              return;
            }
        }
    }

  for (guint i = 0; i < headings->len; i++)
    {
      xmlNode *heading = g_ptr_array_index (headings, i);
      g_autofree char *text = _desk_xml_text (heading);

      if (!is_in_furniture (page, heading) && g_utf8_strlen (text, -1) >= 10 &&
          !is_in_site_header (heading))
        {
          page->headline = heading;
          return;
        }
    }
}

static const char *
choose_encoding (const char *data,
                 gsize       length)
{
  static GRegex *charset_re;
  g_autofree char *start = NULL;

  if (length >= 2 && ((guchar)data[0] == 0xFF || (guchar)data[0] == 0xFE))
    return NULL;
  if (length >= 3 && memcmp (data, "\xef\xbb\xbf", 3) == 0)
    return "UTF-8";
  if (g_utf8_validate_len (data, length, NULL))
    return "UTF-8";

  /* Not UTF-8: what the page says, or what browsers assume. The bytes are not UTF-8, so
   * the pattern reads bytes (G_REGEX_RAW), not characters. */
  start = g_strndup (data, MIN (length, 4096));
  if (g_once_init_enter (&charset_re))
    g_once_init_leave (&charset_re,
                       g_regex_new ("<meta[^>]+charset\\s*=\\s*[\"']?[\\w-]+",
                                    G_REGEX_CASELESS | G_REGEX_RAW, 0, NULL));
  if (g_regex_match (charset_re, start, 0, NULL))
    return NULL;

  return "WINDOWS-1252";
}

/* The story as the page tells it, from the article found in it */
static DeskReaderDoc *
read_story (Page          *page,
            const xmlNode *body,
            const char    *encoding)
{
  g_autoptr(DeskReaderDoc) doc = _desk_reader_doc_new (DESK_FORMAT_HTML);

  page->doc = doc;
  page->headline_seen = FALSE;
  _desk_reader_doc_set_encoding (doc, encoding, 0, 0);
  _desk_reader_doc_set_guid (doc, page->url);
  _desk_reader_doc_set_date (doc, page->published);
  _desk_reader_doc_set_version_created (doc, page->modified ? page->modified : page->published);

  /* A page without a heading for its story: the title says what it is */
  if (page->headline == NULL && page->title != NULL)
    {
      g_autofree char *title = strip_site_name (page->title);

      _desk_reader_doc_add_headline (doc, title);
    }

  _desk_reader_walk (doc, body, FALSE, html_hint, page);

  /* A page that shows its story only to scripts: its JSON-LD may carry the text. */
  if (_desk_reader_doc_count_role (doc, DESK_BLOCK_ROLE_BODY) == 0 && page->json_body != NULL)
    _desk_reader_doc_add_text_body (doc, page->json_body);

  /* Authors the page names only in its metadata */
  if (_desk_reader_doc_get_n_authors (doc) == 0)
    {
      for (guint i = 0; i < page->authors->len; i++)
        _desk_reader_doc_add_author (doc, g_ptr_array_index (page->authors, i));
      if (page->author != NULL)
        _desk_reader_doc_add_author (doc, page->author);
    }

  /* The date of the first <time> when the page's metadata gave none */
  {
    xmlNode *time = _desk_xml_find (body, "time");
    g_autofree char *datetime = time ? _desk_xml_attr (time, "datetime") : NULL;

    _desk_reader_doc_set_date (doc, datetime);
  }

  page->doc = NULL;
  return g_steal_pointer (&doc);
}

/* Whether the page shows a reader paragraphs of its own: visible text of some length
 * outside its navigation, sidebars and footers */
static gboolean
has_visible_paragraphs (Page          *page,
                        const xmlNode *node,
                        guint          depth)
{
  if (depth > 200)
    return FALSE;

  for (const xmlNode *child = node->children; child != NULL; child = child->next)
    {
      if (child->type != XML_ELEMENT_NODE || is_skipped_tag (child) || is_hidden (child) ||
          is_unlikely (page, child))
        continue;
      if ((_desk_xml_is (child, "p") || is_text_div (child)) &&
          measure_cached (page, child, depth)->chars >= FALLBACK_MIN_CHARS)
        return TRUE;
      if (has_visible_paragraphs (page, child, depth + 1))
        return TRUE;
    }

  return FALSE;
}

/* Whether the page leaves its content to scripts: next to no visible text, but scripts */
static gboolean
needs_javascript (Page          *page,
                  const xmlNode *root,
                  const xmlNode *body)
{
  return measure_cached (page, body, 0)->chars < FALLBACK_MIN_CHARS &&
         _desk_xml_find (root, "script") != NULL;
}

DeskIngestPart *
_desk_reader_html_read (GBytes            *bytes,
                        GError           **error)
{
  g_autoptr(DeskReaderDoc) doc = NULL;
  Page page = { 0 };
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);
  const char *encoding = choose_encoding (data, size);
  xmlDoc *html;
  xmlNode *root;
  xmlNode *body;

  if (!(html = _desk_reader_parse_html (data, size, encoding)) ||
      !(root = xmlDocGetRootElement (html)))
    {
      g_set_error_literal (error, DESK_ERROR, DESK_ERROR_EMPTY, _("the web page has no text"));
      g_clear_pointer (&html, xmlFreeDoc);
      return NULL;
    }

  page.scores = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  page.main_roots = g_hash_table_new (NULL, NULL);
  page.main_ancestors = g_hash_table_new (NULL, NULL);
  page.measures = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  page.furniture = g_hash_table_new (NULL, NULL);
  page.classes = g_hash_table_new (NULL, NULL);
  page.authors = g_ptr_array_new_with_free_func (g_free);

  read_meta (&page, root, 0);
  if (page.title == NULL)
    {
      xmlNode *title = _desk_xml_find (root, "title");

      if (title != NULL)
        page.title = _desk_xml_text (title);
    }

  body = _desk_xml_find (root, "body");
  if (body == NULL)
    body = root;

  if (!find_main_by_itemprop (&page, body) && !find_main_by_json_ld (&page, body))
    find_main (&page, body);
  find_headline (&page, body);

  if (encoding == NULL)
    encoding = html->encoding ? (const char *)html->encoding : "UTF-8";

  doc = read_story (&page, body, encoding);

  /* The article chosen holds no paragraph of the story, yet the page shows paragraphs:
   * then the page is read as plain markup, its paragraphs classified as text is, save
   * its navigation, sidebars, footers and comments. */
  if (_desk_reader_doc_count_role (doc, DESK_BLOCK_ROLE_BODY) == 0 &&
      has_visible_paragraphs (&page, body, 0))
    {
      page.whole_page = TRUE;
      g_clear_pointer (&doc, _desk_reader_doc_free);
      doc = read_story (&page, body, encoding);
    }

  if (_desk_reader_doc_count_role (doc, DESK_BLOCK_ROLE_BODY) == 0 &&
      needs_javascript (&page, root, body))
    {
      g_set_error_literal (error, DESK_ERROR, DESK_ERROR_EMPTY,
                           _("the web page shows its text only with JavaScript, which Copydesk "
                             "does not run: open it in a browser and save it from there once "
                             "the story shows"));
      g_free (page.author);
      page_clear (&page);
      xmlFreeDoc (html);
      return NULL;
    }

  g_free (page.author);
  page_clear (&page);
  xmlFreeDoc (html);

  return _desk_reader_doc_finish (doc, bytes, 0, error);
}
