/* test-html-main.c: which part of a web page is its story
 *
 * Each case is a generated page: a site around a story marked up in one of the ways real
 * sites mark theirs up, and the body paragraphs Copydesk must find in it, in order.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "desk-block.h"
#include "desk-source.h"

#define P1 "The harbour ferry to Port Aubrey sailed again on Friday, three days after the storm " \
           "closed the terminal, the operator said."
#define P2 "Passengers waited for an hour in the rain, and some of them, like Ada Morse, had " \
           "driven from Gannet Bay before dawn."
#define P3 "The council will meet on Monday to decide whether the wharf, which the storm " \
           "damaged, needs repairs before winter."

/* A site around @story: navigation, a sidebar of teasers, a footer */
static char *
page (const char *story)
{
  return g_strconcat ("<!DOCTYPE html><html lang=\"en\"><head><title>Ferry sails again | "
                      "The Courier</title></head><body>"
                      "<nav><a href=\"/\">News</a> <a href=\"/sport\">Sport</a> "
                      "<a href=\"/weather\">Weather</a></nav>"
                      "<div class=\"sidebar\"><h3>Most read</h3>"
                      "<p><a href=\"/a\">Council votes on the wharf lease for another year</a></p>"
                      "<p><a href=\"/b\">Storm closes the terminal at Port Aubrey again</a></p></div>",
                      story,
                      "<footer><p>Copyright 2026 The Courier, all rights reserved.</p></footer>"
                      "</body></html>", NULL);
}

static char *
body_of (const char *html)
{
  g_autoptr(GBytes) bytes = g_bytes_new (html, strlen (html));
  g_autoptr(GError) error = NULL;
  g_autoptr(DeskSource) source = desk_source_new_from_bytes (bytes, "page.html",
                                                             DESK_SOURCE_ORIGIN_FILE, &error);
  g_autoptr(GString) text = g_string_new (NULL);
  GListModel *blocks;

  g_assert_no_error (error);
  blocks = desk_source_get_blocks (source);
  for (guint i = 0; i < g_list_model_get_n_items (blocks); i++)
    {
      g_autoptr(DeskBlock) block = g_list_model_get_item (blocks, i);

      if (desk_block_get_role (block) != DESK_BLOCK_ROLE_BODY)
        continue;
      if (text->len > 0)
        g_string_append_c (text, '\n');
      g_string_append (text, desk_block_get_text (block));
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
check (const char *story,
       const char *expected)
{
  g_autofree char *html = page (story);
  g_autofree char *body = body_of (html);

  g_assert_cmpstr (body, ==, expected);
}

/* "field--label-hidden" hides the field's label, not the field: only a whole class name
 * ("hidden", "sr-only", "visually-hidden") hides an element */
static void
test_hiding_class_is_whole_name (void)
{
  check ("<div class=\"field field--name-body field--label-hidden\">"
         "<p>" P1 "</p><p>" P2 "</p><p>" P3 "</p>"
         "<p class=\"visually-hidden\">Skip to the next story, which is about the weather.</p>"
         "<div class=\"hidden\"><p>A paragraph hidden by its class, with enough words.</p></div>"
         "</div>",
         P1 "\n" P2 "\n" P3);
}

/* Paragraphs marked up as <div>s of text are paragraphs */
static void
test_text_divs (void)
{
  check ("<div class=\"l-container\"><h1>Ferry sails again</h1>"
         "<div class=\"zn-body__paragraph\">" P1 "</div>"
         "<div class=\"zn-body__paragraph\">" P2 "</div>"
         "<div class=\"zn-body__paragraph\">" P3 "</div></div>",
         P1 "\n" P2 "\n" P3);
}

/* Text written straight into a container, paragraphs set apart by <br> */
static void
test_loose_text (void)
{
  check ("<div class=\"col-md-9\"><p class=\"titulo\">Ferry sails again</p>"
         "<small>05/10/2026 - Posted by Mara Quinlan</small><br><br>"
         "<img src=\"ferry.jpg\" alt=\"\">" P1 "<br><br>" P2 "<br><br>" P3 "</div>",
         P1 "\n" P2 "\n" P3);
}

/* Comments outnumber the story's paragraphs; they do not make their section the article */
static void
test_comments_do_not_score (void)
{
  g_autoptr(GString) story = g_string_new ("<div class=\"article\"><h1>Ferry sails again</h1>"
                                           "<div class=\"content\">" P1 "<br><br>" P2
                                           "</div></div><div id=\"comments\">"
                                           "<div class=\"thread\">");

  for (guint i = 0; i < 12; i++)
    g_string_append_printf (story, "<p>Reader %u wrote: I took that ferry last week, and it "
                            "was late, as it always is, by an hour.</p>", i);
  g_string_append (story, "</div></div>");

  check (story->str, P1 "\n" P2);
}

/* A page that marks its story's body with itemprop="articleBody": that is the story, even
 * where a longer block of paragraphs elsewhere would outscore it */
static void
test_itemprop_article_body (void)
{
  g_autoptr(GString) story = g_string_new ("<div class=\"promo-block\"><div class=\"text\">");

  for (guint i = 0; i < 8; i++)
    g_string_append_printf (story, "<p>Offer %u: subscribe today, and you will save a great deal, "
                            "on every issue, for a whole year.</p>", i);
  g_string_append (story, "</div></div><div class=\"story-wrap\"><div itemprop=\"articleBody\">"
                          "<p>" P1 "</p><p>" P2 "</p><p>" P3 "</p></div></div>");

  check (story->str, P1 "\n" P2 "\n" P3);
}

/* The JSON-LD articleBody says which paragraphs are the story: the element holding those
 * found in it word for word is the article */
static void
test_json_ld_article_body (void)
{
  g_autoptr(GString) story = g_string_new ("<script type=\"application/ld+json\">"
                                           "{\"@type\": \"NewsArticle\", \"headline\": "
                                           "\"Ferry sails again\", \"articleBody\": \""
                                           P1 " " P2 " " P3 " " P3 " " P2 "\"}</script>"
                                           "<div class=\"post\"><div class=\"text\">");

  for (guint i = 0; i < 8; i++)
    g_string_append_printf (story, "<p>Offer %u: subscribe today, and you will save a great deal, "
                            "on every issue, for a whole year.</p>", i);
  g_string_append (story, "</div></div><div class=\"wrap\"><div class=\"box\">"
                          "<p>" P1 "</p><p>" P2 "</p><p>" P3 "</p><p>" P3 "</p><p>" P2 "</p>"
                          "</div></div>");

  check (story->str, P1 "\n" P2 "\n" P3 "\n" P3 "\n" P2);
}

/* Inside the article, a part whose class sounds like a widget ("paywall") but that holds
 * the story's prose is the story */
static void
test_prose_in_widget_class (void)
{
  check ("<article><h1>Ferry sails again</h1><p>" P1 "</p>"
         "<div class=\"paywall\"><p>" P2 "</p><p>" P3 "</p><p>" P1 "</p><p>" P2 "</p><p>" P3
         "</p><p>" P1 "</p></div>"
         "<div class=\"share\"><p>Share this story on Facebook, Twitter or by e-mail.</p></div>"
         "</article>",
         P1 "\n" P2 "\n" P3 "\n" P1 "\n" P2 "\n" P3 "\n" P1);
}

/* Before a headline set further down the article, a short label is a kicker; a sentence
 * of the story is the story */
static void
test_sentence_before_headline (void)
{
  check ("<article><p>Transport</p><p>" P1 "</p><h1>Ferry sails again</h1>"
         "<p>" P2 "</p><p>" P3 "</p></article>",
         P1 "\n" P2 "\n" P3);
}

/* A page whose only story sits in a part whose class sounds like a widget still gives its
 * paragraphs: the page is then read as plain markup, save its navigation and footer */
static void
test_visible_text_gives_text (void)
{
  g_autofree char *body = body_of ("<html><head><title>Ferry sails again | The Courier</title>"
                                   "</head><body><nav><a href=\"/\">News</a></nav>"
                                   "<h1>Ferry sails again</h1><div class=\"entry-content\">"
                                   "<div class=\"social-share-text\">"
                                   "<p>" P1 "</p><p>" P2 "</p></div></div>"
                                   "<footer><p>Copyright 2026 The Courier, all rights reserved, "
                                   "in every country of the world.</p></footer></body></html>");

  g_assert_cmpstr (body, ==, P1 "\n" P2);
}

/* A page that leaves its content to scripts says so, rather than "no text" */
static void
test_needs_javascript (void)
{
  static const char html[] =
    "<html><head><title>Ferry sails again</title><script src=\"app.js\"></script></head>"
    "<body><div id=\"root\"></div><noscript>Enable JavaScript to run this app.</noscript>"
    "<script>render (document.getElementById ('root'));</script></body></html>";
  g_autoptr(GBytes) bytes = g_bytes_new_static (html, sizeof html - 1);
  g_autoptr(GError) error = NULL;
  g_autoptr(DeskSource) source = desk_source_new_from_bytes (bytes, "page.html",
                                                             DESK_SOURCE_ORIGIN_FILE, &error);

  g_assert_null (source);
  g_assert_error (error, DESK_ERROR, DESK_ERROR_EMPTY);
  g_assert_nonnull (strstr (error->message, "JavaScript"));
}

/* Inside the article, a paragraph that is all a link points to another story */
static void
test_link_paragraph (void)
{
  check ("<article><h1>Ferry sails again</h1><p>" P1 "</p><p>" P2 "</p>"
         "<p><a href=\"/wharf\">Council votes on the wharf lease for another year</a></p>"
         "<p>" P3 " See <a href=\"/map\">the map</a>.</p></article>",
         P1 "\n" P2 "\n" P3 " See the map.");
}

/* So is a link to another story under a short label; a sentence with a link is not */
static void
test_labelled_link (void)
{
  check ("<article><h1>Ferry sails again</h1><p>" P1 "</p>"
         "<p><strong>SEE MORE</strong>: <a href=\"/wharf\">Council votes on the wharf lease for "
         "another year</a></p><p>" P2 "</p>"
         "<p>The council said on Monday: <a href=\"/report\">the wharf needs repairs</a>.</p>"
         "</article>",
         P1 "\n" P2 "\nThe council said on Monday: the wharf needs repairs.");
}

/* An agency's teaser over the paragraph that opens on the dateline is a deck, as plain
 * text reads it: the story starts at its dateline. */
static void
test_teaser_above_dateline (void)
{
  check ("<article><h1>Ferry sails again</h1>"
         "<p>The ferry is back. Not everyone in town is glad of it.</p>"
         "<p>HALIFAX (AP) \xe2\x80\x94 " P1 "</p><p>" P2 "</p></article>",
         P1 "\n" P2);
}

/* So is a paragraph of links to other stories one a line, under a label, each with a tag
 * after it; a paragraph whose lines are sentences with a link is not */
static void
test_link_lines (void)
{
  check ("<article><h1>Ferry sails again</h1><p>" P1 "</p>"
         "<p><strong>READ ALSO</strong><br><a href=\"/wharf\">Council votes on the wharf lease "
         "for another year</a> [VIDEO]<br><a href=\"/storm\">Storm closes the terminal at Port "
         "Aubrey again</a> [PICTURES]</p><p>" P2 "</p>"
         "<p><a href=\"/report\">The council report</a> says the wharf needs repairs<br>"
         "<a href=\"/timetable\">The timetable</a> stands until the winter</p></article>",
         P1 "\n" P2 "\nThe council report says the wharf needs repairs The timetable stands "
         "until the winter");
}

/* Links run together after the last paragraph, outside any, are furniture; a phrase in
 * bold with a link in the same place is not */
static void
test_loose_link_run (void)
{
  check ("<article><h1>Ferry sails again</h1><div class=\"entry\"><p>" P1 "</p><p>" P2 "</p>"
         "<strong>Tags<br><a href=\"/t/ferry\">harbour ferry timetable</a>, <a href=\"/t/storm\">"
         "autumn storm damage</a>, <a href=\"/t/aubrey\">Port Aubrey terminal</a></strong>"
         "<p>" P3 "</p><strong>The wharf reopens on Monday, <a href=\"/wharf\">the council said"
         "</a>.</strong></div></article>",
         P1 "\n" P2 "\n" P3 "\nThe wharf reopens on Monday, the council said.");
  /* Links in a sentence written loose, between line breaks, stay in it */
  check ("<article><h1>Ferry sails again</h1><div class=\"entry\">" P1 "<br><br>The ferry is "
         "run by <b><a href=\"/a\">Harbour Lines</a> and <a href=\"/b\">Port Aubrey Ferries</a>"
         "</b> this winter.<br><br>" P2 "<p>" P3 "</p></div></article>",
         P1 "\nThe ferry is run by Harbour Lines and Port Aubrey Ferries this winter.\n" P2 "\n"
         P3);
}

/* A paragraph that ends on a name in parentheses inside its sentence is the story's, not a
 * photo caption with its credit */
static void
test_parenthesis_is_not_credit (void)
{
  check ("<article><h1>Ferry sails again</h1><p>" P1 "</p>"
         "<p>The ferry is run by one operator, which also runs the buses of the county, and the "
         "council pays for the winter crossings (Harbour Lines for Port Aubrey).</p>"
         "<p>" P2 "</p></article>",
         P1 "\nThe ferry is run by one operator, which also runs the buses of the county, and the "
         "council pays for the winter crossings (Harbour Lines for Port Aubrey).\n" P2);
}

/* A class such as "description" on every part of the story makes none of them a deck, not
 * even the first; a part set apart by it is the deck, and only one */
static void
test_one_deck (void)
{
  check ("<article><h1>Ferry sails again</h1><div class=\"text-description\"><p>" P1 "</p></div>"
         "<div class=\"text-description\"><p>" P2 "</p></div>"
         "<div class=\"text-description\"><p>" P3 "</p></div></article>",
         P1 "\n" P2 "\n" P3);
  check ("<article><h1>Ferry sails again</h1><div class=\"description\"><p>" P1 "</p></div>"
         "<div class=\"text\"><p>" P2 "</p></div><p class=\"summary\">" P3 "</p></article>",
         P2 "\n" P3);
}

/* The story cut in two by an advertisement, each part in a container like the other */
static void
test_story_in_parts (void)
{
  check ("<div class=\"wrap\"><h1>Ferry sails again</h1><div class=\"body-part\">"
         "<p>" P1 "</p><p>" P2 "</p><p>" P3 "</p></div></div>"
         "<div class=\"ad-slot\">Advertisement</div>"
         "<div class=\"wrap wrap--second\"><div class=\"body-part\"><p>" P3 "</p><p>" P2 "</p>"
         "</div></div>",
         P1 "\n" P2 "\n" P3 "\n" P3 "\n" P2);
}

/* Text in a script without capitals is never a subheading "in capitals": short Japanese
 * sentences set apart by <br> stay in the story */
#define J1 "港のフェリーは嵐で三日間止まっていましたが、金曜日に運航を再開しました。"
#define J2 "乗客は雨の中で一時間待ちました。"
#define J3 "議会は月曜日に埠頭の修理について話し合います。"
static void
test_caseless_script (void)
{
  check ("<article><h1>Ferry sails again</h1><p>" J1 "</p><p>" J2 "<br>\n<br>" J3 "</p>"
         "</article>",
         J1 "\n" J2 "\n" J3);
}

/* A paragraph of the story may name a trademark or copyright; a short line that names one
 * without a sign or a year is a notice all the same */
#define T1 "The ferry operator, which has sailed under the name Harbour Line since 1962, told " \
           "the council on Friday that it would defend its trademark in court if the new " \
           "operator at Gannet Bay kept using the name on its boats and its timetables."
static void
test_trademark_in_story (void)
{
  check ("<article><h1>Ferry sails again</h1><p>" P1 "</p><p>" T1 "</p><p>" P2 "</p>"
         "<p>Copyright The Courier and its licensors.</p></article>",
         P1 "\n" T1 "\n" P2);
}

/* A date the page marks with schema.org's itemprop is a time stamp, not a paragraph */
static void
test_itemprop_date (void)
{
  check ("<div class=\"post\"><h1>Ferry sails again</h1>"
         "<span class=\"when\" itemprop=\"datePublished\">Friday, 12 June 2026, at 10:13 in the "
         "morning</span><p>" P1 "</p><p>" P2 "</p><p>" P3 "</p></div>",
         P1 "\n" P2 "\n" P3);
}

/* A slot that a script fills, under its label, is not a paragraph */
static void
test_script_slot (void)
{
  check ("<article><h1>Ferry sails again</h1><p>" P1 "</p>"
         "<div class=\"x7f3q\"><center><span>Advert</span><br><script>fill (this);</script>"
         "</center></div><p>" P2 "</p>"
         "<div class=\"x7f3q\"><span>Sponsored content</span><div><iframe src=\"/slot\"></iframe>"
         "</div></div><p>" P3 "</p></article>",
         P1 "\n" P2 "\n" P3);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/html-main/hiding-class-is-whole-name", test_hiding_class_is_whole_name);
  g_test_add_func ("/html-main/text-divs", test_text_divs);
  g_test_add_func ("/html-main/loose-text", test_loose_text);
  g_test_add_func ("/html-main/comments-do-not-score", test_comments_do_not_score);
  g_test_add_func ("/html-main/itemprop-article-body", test_itemprop_article_body);
  g_test_add_func ("/html-main/json-ld-article-body", test_json_ld_article_body);
  g_test_add_func ("/html-main/prose-in-widget-class", test_prose_in_widget_class);
  g_test_add_func ("/html-main/sentence-before-headline", test_sentence_before_headline);
  g_test_add_func ("/html-main/visible-text-gives-text", test_visible_text_gives_text);
  g_test_add_func ("/html-main/needs-javascript", test_needs_javascript);
  g_test_add_func ("/html-main/link-paragraph", test_link_paragraph);
  g_test_add_func ("/html-main/one-deck", test_one_deck);
  g_test_add_func ("/html-main/story-in-parts", test_story_in_parts);
  g_test_add_func ("/html-main/caseless-script", test_caseless_script);
  g_test_add_func ("/html-main/trademark-in-story", test_trademark_in_story);
  g_test_add_func ("/html-main/itemprop-date", test_itemprop_date);
  g_test_add_func ("/html-main/script-slot", test_script_slot);
  g_test_add_func ("/html-main/labelled-link", test_labelled_link);
  g_test_add_func ("/html-main/teaser-above-dateline", test_teaser_above_dateline);
  g_test_add_func ("/html-main/link-lines", test_link_lines);
  g_test_add_func ("/html-main/loose-link-run", test_loose_link_run);
  g_test_add_func ("/html-main/parenthesis-is-not-credit", test_parenthesis_is_not_credit);

  return g_test_run ();
}
