/* desk-roles.c: what a paragraph is by its own text, whatever format it came in
 *
 * The one rulebook of paragraph roles. Plain text (desk-classify.c) and every reader (the
 * body paragraphs that desk-reader.c classifies for HTML, ninjs, NITF, NewsML-G2 and the
 * agency formats) ask it the same question about a paragraph and get the same answer: a
 * role and the reason for it. The rules are tried in the order of the table below; the
 * first that holds decides. Where a paragraph stands in its story is the caller's to
 * know: plain text learns it from position and repetition, a reader from the markup; a
 * rule that needs a place (a sign-off after the story text, an end note after a separator
 * line) says so, and is tried only where the caller says the paragraph stands there.
 *
 * What no rule claims is left to the caller: plain text gives it a role by position (a
 * headline, a deck, story text), a reader takes it for story text; both then ask
 * desk_prose_not_story() for the last word.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "desk-credit-line.h"
#include "desk-organization.h"
#include "desk-roles-private.h"
#include "desk-wire-text-private.h"

/* ---- Word-count limits of the rules, each named once ---------------------------------- */

/* "[Photo]", "[Embedded video]": a placeholder a CMS left in the text is a few words. */
#define PLACEHOLDER_MAX_WORDS 12

/* "UPDATED", "UPDATE 2", "WRITETHRU": a writethru header is a word and a number. */
#define WRITETHRU_HEADER_MAX_WORDS 3

/* "(Adds comments; corrects number in paragraph 9)": a note on the version may run to a
 * few sentences, not to a paragraph of story. */
#define NOTE_MAX_WORDS 80

/* A short line that holds a web address is a link ("Read more at www…"), whatever else it
 * says; a longer one only when addresses are a third of it. */
#define LINK_LINE_MAX_WORDS 12

/* A bare domain ("harbourtimes.com") is a word or three on its line. */
#define DOMAIN_LINE_MAX_WORDS 3

/* "Posted by admin on 27 November 2015 at 9:41": a posting or update stamp. */
#define STAMP_MAX_WORDS 10

/* Stamps side by side ("Published … | Updated …"): a few of them. */
#define STAMPS_MAX_WORDS (3 * STAMP_MAX_WORDS)

/* "Section A Page 4": a printed page's section stamp. */
#define SECTION_STAMP_MAX_WORDS 8

/* "Nov. 27, 2015 9:41 a.m. ET": a line that is only a date and a time, without a sentence. */
#define DATE_LINE_MAX_WORDS 8

/* The title of a web page widget ("Share this article", "Most read") is short; a link to
 * another story ("Also read: <its headline>") is as long as a headline. */
#define WIDGET_TITLE_MAX_WORDS 10
#define WIDGET_LINK_MAX_WORDS 25

/* "More: <headline>": the label is a word or three; what follows is a headline's length. */
#define LINK_LABEL_MAX_WORDS 3
#define LINK_HEADLINE_MIN_WORDS 3

/* "© 2026 Harbour Times. All rights reserved." anywhere in a short line; a line that
 * starts with the notice may carry the licence terms after it. */
#define COPYRIGHT_LINE_MAX_WORDS 15
#define COPYRIGHT_NOTICE_MAX_WORDS 40

/* "Reuters", "(AP)", "dpa": an agency's name on a line of its own. */
#define AGENCY_TAG_MAX_WORDS 6

/* "By Mara Quinlan and Noor Haddad, Courier Staff Writers". */
#define BYLINE_MAX_WORDS 16

/* A caption describes a picture in a sentence or two and names who took it. */
#define PHOTO_CREDIT_MAX_WORDS 80
#define CAPTION_MAX_WORDS 70

/* A person's place in a picture ("(left)", "(center)") marks a caption of a sentence or
 * two; in a longer paragraph it is as likely a party's name ("Heikkinen (Centre)"). */
#define POSITION_CAPTION_MAX_SENTENCES 2

/* "gr/bp", "dpa wsz jln npr": desk staff's initials. */
#define SIGN_OFF_MAX_WORDS 6

/* "TIP-INS", "UP NEXT": a subheading in capitals between paragraphs. */
#define CAPS_SUBHEADING_MAX_WORDS 5

/* ---- Text helpers ----------------------------------------------------------------------- */

/* Sentences as a caption counts them: an end mark followed by a space and a capital, and
 * the end of the text. A period after a capitalised word of up to three letters or an
 * initial ("Gov.", "U.S.", "Mr.") is an abbreviation's. */
static guint
count_sentences (const char *text)
{
  guint n = 1;
  guint word_length = 0;
  gboolean capitalised = FALSE;

  for (const char *p = text; *p != '\0'; p++)
    {
      if ((*p == '.' || *p == '!' || *p == '?') && p[1] == ' ' &&
          g_unichar_isupper (g_utf8_get_char (p + 2)) &&
          !(*p == '.' && capitalised && word_length <= 3))
        n++;

      if (g_ascii_isspace (*p) || *p == '.')
        word_length = 0;
      else
        {
          if (word_length == 0 && !(*p == '.'))
            capitalised = g_ascii_isupper (*p);
          word_length++;
        }
    }

  return n;
}

static gboolean
has_prefix_ci (const char *text,
               const char *prefix)
{
  return g_ascii_strncasecmp (text, prefix, strlen (prefix)) == 0;
}

/* ---- What the rules look at ------------------------------------------------------------- */

typedef struct
{
  const char *text;
  char       *lower;   /* made on first use */
  guint       words;
} Paragraph;

static const char *
paragraph_lower (Paragraph *para)
{
  if (para->lower == NULL)
    para->lower = g_utf8_strdown (para->text, -1);
  return para->lower;
}

static void
add_credit (DeskRoleVerdict *verdict,
            DeskCredit      *credit)
{
  if (verdict->credits == NULL)
    verdict->credits = g_ptr_array_new_with_free_func (g_object_unref);
  g_ptr_array_add (verdict->credits, credit);
}

/* ---- The rules, each a test on the paragraph's text ------------------------------------- */

static gboolean
rule_empty (Paragraph       *para,
            DeskRoleVerdict *verdict)
{
  return para->text[0] == '\0';
}

gboolean
_desk_roles_is_separator (const char *text)
{
  guint marks = 0;

  for (const char *p = text; *p != '\0'; p++)
    {
      if (strchr ("_-*=#~.+", *p) != NULL)
        marks++;
      else if (*p != ' ')
        return FALSE;
    }

  return marks >= 3;
}

static gboolean
rule_separator (Paragraph       *para,
                DeskRoleVerdict *verdict)
{
  return _desk_roles_is_separator (para->text);
}

static gboolean
rule_placeholder (Paragraph       *para,
                  DeskRoleVerdict *verdict)
{
  gsize length = strlen (para->text);

  return para->text[0] == '[' && para->text[length - 1] == ']';
}

/* Markup that a feed left as text: "<div …", "<script …", "<iframe …", in any case. */
static gboolean
rule_embed_code (Paragraph       *para,
                 DeskRoleVerdict *verdict)
{
  for (const char *p = strchr (para->text, '<'); p != NULL; p = strchr (p + 1, '<'))
    if (has_prefix_ci (p, "<div") || has_prefix_ci (p, "<script") || has_prefix_ci (p, "<iframe"))
      return TRUE;

  return FALSE;
}

static gboolean
rule_writethru_header (Paragraph       *para,
                       DeskRoleVerdict *verdict)
{
  static GRegex *re;

  if (g_once_init_enter (&re))
    g_once_init_leave (&re, g_regex_new ("^(UPDATED|UPDATE|CORRECTED|REFILED?|WRITETHRU|WRITE-THRU)"
                                         "(\\s+\\d{1,2})?\\s*[:-]?$",
                                         G_REGEX_OPTIMIZE, 0, NULL));

  return g_regex_match (re, para->text, 0, NULL);
}

static const char * const note_prefixes[] = {
  "eds:", "(eds:", "eds note", "editor's note", "editors' note", "editors note",
  "editor\xe2\x80\x99s note", "note to editors", "*** disclaimer", "disclaimer:",
};

/* A note to the editors who receive the copy: "Eds: …", "Editor's note: …", "*** … ***". */
static gboolean
rule_editors_note (Paragraph       *para,
                   DeskRoleVerdict *verdict)
{
  for (guint i = 0; i < G_N_ELEMENTS (note_prefixes); i++)
    if (has_prefix_ci (para->text, note_prefixes[i]))
      return TRUE;

  return g_str_has_prefix (para->text, "***") && g_str_has_suffix (para->text, "***");
}

/* What a wire service or a site says about the version itself: "(Adds comments; corrects
 * number in paragraph 9)", "This story has been updated to …", "Correction: …". */
static gboolean
rule_writethru_note (Paragraph       *para,
                     DeskRoleVerdict *verdict)
{
  static GRegex *changes_re, *note_re;

  if (g_once_init_enter (&changes_re))
    {
      note_re = g_regex_new ("^(this (story|article|report|item|version) (has been|was|is being) "
                             "(updated|corrected|changed|revised|rewritten)\\b|"
                             "correction:|clarification:)",
                             G_REGEX_CASELESS | G_REGEX_OPTIMIZE, 0, NULL);
      g_once_init_leave (&changes_re,
                         g_regex_new ("^\\((Adds|Updates|Corrects|Recasts|Rewrites|Changes|Refiles|"
                                      "Removes|Fixes|Repeats|Clarifies|Inserts|Deletes|Moves|Tops|"
                                      "Combines)\\b"
                                      "[^()]*\\)\\.?$",
                                      G_REGEX_OPTIMIZE, 0, NULL));
    }

  return g_regex_match (changes_re, para->text, 0, NULL) ||
         g_regex_match (note_re, para->text, 0, NULL);
}

static gboolean
rule_web_address (Paragraph       *para,
                  DeskRoleVerdict *verdict)
{
  static GRegex *url_re, *domain_re;
  g_autoptr(GMatchInfo) match = NULL;
  gsize url_chars = 0;

  if (g_once_init_enter (&url_re))
    {
      domain_re = g_regex_new ("^[a-z0-9-]+(\\.[a-z0-9-]+)*\\.(com|org|net|info|news|co|uk|in|de|fr|io|tv)\\b",
                               G_REGEX_CASELESS | G_REGEX_OPTIMIZE, 0, NULL);
      g_once_init_leave (&url_re, g_regex_new ("(https?://|www\\.)[^\\s]+",
                                               G_REGEX_CASELESS | G_REGEX_OPTIMIZE, 0, NULL));
    }

  if (g_regex_match (url_re, para->text, 0, &match))
    {
      while (g_match_info_matches (match))
        {
          int start, end;

          g_match_info_fetch_pos (match, 0, &start, &end);
          url_chars += end - start;
          g_match_info_next (match, NULL);
        }

      return para->words <= LINK_LINE_MAX_WORDS || url_chars * 3 >= strlen (para->text);
    }

  return para->words <= DOMAIN_LINE_MAX_WORDS && g_regex_match (domain_re, para->text, 0, NULL);
}

static gboolean
rule_posting_stamp (Paragraph       *para,
                    DeskRoleVerdict *verdict)
{
  static GRegex *re;

  if (g_once_init_enter (&re))
    g_once_init_leave (&re, g_regex_new ("\\bby\\s+(admin|administrator|webmaster|editor|staff|"
                                         "site ?admin|news ?desk|web ?desk|desk)\\b",
                                         G_REGEX_CASELESS | G_REGEX_OPTIMIZE, 0, NULL));

  if (!g_regex_match (re, para->text, 0, NULL))
    return FALSE;

  verdict->date = _desk_wire_text_find_date (para->text);
  return TRUE;
}

static gboolean
rule_section_stamp (Paragraph       *para,
                    DeskRoleVerdict *verdict)
{
  static GRegex *re;

  if (g_once_init_enter (&re))
    g_once_init_leave (&re, g_regex_new ("^(([A-Z]|[0-9]+)\\s+)?(section|page)\\b[^.]*?(\\bon\\b\\s+\\d|\\d+$)",
                                         G_REGEX_CASELESS | G_REGEX_OPTIMIZE, 0, NULL));

  if (!g_regex_match (re, para->text, 0, NULL))
    return FALSE;

  verdict->date = _desk_wire_text_find_date (para->text);
  return TRUE;
}

static GRegex *
stamp_word_regex (void)
{
  static GRegex *re;

  if (g_once_init_enter (&re))
    g_once_init_leave (&re, g_regex_new ("^(updated|posted|published|last updated|first published|"
                                         "last modified|modified)\\b\\s*(on|at)?:?",
                                         G_REGEX_CASELESS | G_REGEX_OPTIMIZE, 0, NULL));
  return re;
}

/* Whether @text is one stamp or several set side by side ("Published 3:55 a.m. ET July 16,
 * 2018 | Updated 4:10 a.m. ET July 16, 2018"), each opening on a stamp's word and each at
 * most STAMP_MAX_WORDS long. */
static gboolean
is_stamps (const char *text)
{
  g_auto(GStrv) parts = g_regex_split_simple ("\\s+[|\u00b7\u2022]\\s+", text, 0, 0);

  for (guint i = 0; parts[i] != NULL; i++)
    if (_desk_wire_text_count_words (parts[i]) > STAMP_MAX_WORDS ||
        !g_regex_match (stamp_word_regex (), parts[i], 0, NULL))
      return FALSE;

  return parts[0] != NULL;
}

/* Stamps set side by side on one line. */
static gboolean
rule_time_stamps (Paragraph       *para,
                  DeskRoleVerdict *verdict)
{
  if (!is_stamps (para->text))
    return FALSE;

  verdict->date = _desk_wire_text_find_date (para->text);
  return TRUE;
}

/* A byline run together with the page's stamps: "Gregory Korte, USA TODAY Published 3:55
 * a.m. ET July 16, 2018 | Updated …". The byline is what comes before the first stamp. */
static gboolean
rule_byline_stamped (Paragraph       *para,
                     DeskRoleVerdict *verdict)
{
  for (const char *p = strchr (para->text, ' '); p != NULL; p = strchr (p + 1, ' '))
    {
      g_autofree char *head = NULL;
      GPtrArray *credits;

      if (!g_ascii_isalpha (p[1]) || !is_stamps (p + 1))
        continue;

      head = g_strstrip (g_strndup (para->text, p - para->text));
      credits = desk_credit_line_parse_byline (head);
      if (credits == NULL)
        return FALSE;

      verdict->credits = credits;
      verdict->date = _desk_wire_text_find_date (p + 1);
      return TRUE;
    }

  return FALSE;
}

/* "Updated 3:45 PM", "Published: 27 November 2015", or a line that is only a date and
 * perhaps a time. */
static gboolean
rule_time_stamp (Paragraph       *para,
                 DeskRoleVerdict *verdict)
{
  GRegex *re = stamp_word_regex ();

  if (g_regex_match (re, para->text, 0, NULL))
    {
      verdict->date = _desk_wire_text_find_date (para->text);
      return TRUE;
    }

  if (para->words > DATE_LINE_MAX_WORDS ||
      _desk_wire_text_ends_sentence (para->text, DESK_SENTENCE_END_COLON))
    return FALSE;

  verdict->date = _desk_wire_text_find_date (para->text);
  return verdict->date != NULL;
}

/* Titles of web page widgets and the prompts around an article. */
static const char * const widget_phrases[] = {
  "share this", "share on", "share:", "click to share", "click to email", "click to print",
  "subscribe", "sign up", "newsletter", "follow us", "like us on", "advertisement",
  "sponsored", "related", "read more", "read also", "also read", "more from", "most popular",
  "most read", "trending", "recommended", "upcoming events", "you may also like",
  "leave a comment", "comments", "post a comment", "print this", "email this", "tweet",
  "skip to content", "back to top", "tags:", "filed under", "loading", "continue reading",
  "watch:", "listen to this article", "report an error", "see also", "top stories",
  "latest news", "editor's picks", "popular posts",
};

static gboolean
rule_widget (Paragraph       *para,
             DeskRoleVerdict *verdict)
{
  const char *lower = paragraph_lower (para);

  for (guint i = 0; i < G_N_ELEMENTS (widget_phrases); i++)
    {
      gsize length = strlen (widget_phrases[i]);

      if (!g_str_has_prefix (lower, widget_phrases[i]))
        continue;

      /* A link to another story says what it is with a colon. */
      if (para->words <= WIDGET_TITLE_MAX_WORDS || widget_phrases[i][length - 1] == ':' ||
          lower[length] == ':')
        return TRUE;
    }

  return FALSE;
}

/* "© 2026 Harbour Times", "Savanna Wire © 2026. All rights reserved.", "Copyright 2026 …" */
static gboolean
rule_copyright (Paragraph       *para,
                DeskRoleVerdict *verdict)
{
  static GRegex *re;
  const char *lower = paragraph_lower (para);

  if (g_once_init_enter (&re))
    g_once_init_leave (&re, g_regex_new ("\xc2\xa9|\\(c\\)\\s*(19|20)\\d\\d|"
                                         "\\ball rights reserved\\b",
                                         G_REGEX_CASELESS | G_REGEX_OPTIMIZE, 0, NULL));

  if (g_str_has_prefix (lower, "\xc2\xa9") || g_str_has_prefix (lower, "(c) ") ||
      g_str_has_prefix (lower, "copyright"))
    return para->words <= COPYRIGHT_NOTICE_MAX_WORDS;

  return para->words <= COPYRIGHT_LINE_MAX_WORDS && g_regex_match (re, para->text, 0, NULL);
}

static gboolean
rule_contributors (Paragraph       *para,
                   DeskRoleVerdict *verdict)
{
  GPtrArray *credits = desk_credit_line_parse_contributors (para->text);

  if (credits == NULL)
    return FALSE;

  verdict->credits = credits;
  return TRUE;
}

static gboolean
rule_agency_tag (Paragraph       *para,
                 DeskRoleVerdict *verdict)
{
  g_autofree char *tag = desk_credit_line_parse_agency_tag (para->text);

  if (tag == NULL)
    return FALSE;

  add_credit (verdict, desk_credit_new (NULL, tag, DESK_CREDIT_ROLE_AGENCY));
  verdict->agency_only = TRUE;
  return TRUE;
}

static gboolean
rule_byline (Paragraph       *para,
             DeskRoleVerdict *verdict)
{
  GPtrArray *credits = desk_credit_line_parse_byline (para->text);
  const char *name;

  if (credits == NULL)
    return FALSE;

  name = credits->len == 1 ? desk_credit_get_name (g_ptr_array_index (credits, 0)) : "";
  verdict->agency_only = credits->len == 1 && (name == NULL || name[0] == '\0');
  verdict->credits = credits;
  return TRUE;
}

static gboolean
rule_photo_credit (Paragraph       *para,
                   DeskRoleVerdict *verdict)
{
  gsize credit_start = 0;
  DeskCredit *photo = desk_credit_line_parse_photo_credit (para->text, &credit_start);

  if (photo == NULL)
    return FALSE;

  add_credit (verdict, photo);
  return TRUE;
}

static const char * const caption_prefixes[] = {
  "photo:", "photos:", "foto:", "bilde:", "bild:", "picture:", "image:", "caption:",
  "pictured:", "photo credit:",
};

static gboolean
under_dateline (const char *text)
{
  g_autofree char *place = NULL;
  g_autofree char *agency = NULL;
  gsize length = 0;

  return _desk_wire_text_split_dateline (text, FALSE, &length, &place, &agency);
}

/* "FILE - …", "In this photo …", "Photo: …", or a position in parentheses: "(right)". */
static gboolean
rule_caption (Paragraph       *para,
              DeskRoleVerdict *verdict)
{
  static GRegex *marker_re, *prefix_re;
  const char *lower = paragraph_lower (para);

  if (g_once_init_enter (&marker_re))
    {
      prefix_re = g_regex_new ("^(FILE\\s*(-+|\xe2\x80\x94|\xe2\x80\x93|:)|In this (file )?photo)",
                               G_REGEX_OPTIMIZE, 0, NULL);
      g_once_init_leave (&marker_re,
                         g_regex_new ("\\((right|left|center|centre|top|bottom|front|back|"
                                      "second (from )?(left|right)|from left|from right|"
                                      "L|R|C|foreground|background|pictured|inset)\\)",
                                      G_REGEX_CASELESS | G_REGEX_OPTIMIZE, 0, NULL));
    }

  for (guint i = 0; i < G_N_ELEMENTS (caption_prefixes); i++)
    if (g_str_has_prefix (lower, caption_prefixes[i]))
      return TRUE;

  if (g_regex_match (prefix_re, para->text, 0, NULL))
    return TRUE;

  /* A paragraph under a dateline is the story's first, whatever it says. */
  return g_regex_match (marker_re, para->text, 0, NULL) &&
         count_sentences (para->text) <= POSITION_CAPTION_MAX_SENTENCES &&
         !under_dateline (para->text);
}

/**
 * _desk_roles_is_initials:
 * @text: a short line
 *
 * Whether @text is desk staff's initials rather than names: "gr/bp", "hh/ph/ts/hd",
 * "dpa wsz jln npr".
 */
gboolean
_desk_roles_is_initials (const char *text)
{
  g_auto(GStrv) tokens = g_strsplit_set (text, " /", -1);
  guint n = 0;
  gboolean lower_or_slash = strchr (text, '/') != NULL;

  if (_desk_wire_text_count_words (text) > SIGN_OFF_MAX_WORDS ||
      _desk_wire_text_ends_sentence (text, DESK_SENTENCE_END_COLON))
    return FALSE;

  for (guint i = 0; tokens[i] != NULL; i++)
    {
      gsize len = strlen (tokens[i]);
      gboolean known = len > 0 && desk_organization_is_known (tokens[i]);

      if (len == 0)
        continue;
      if (len > 5 && !known)
        return FALSE;
      /* "Peter and Jane" names people */
      if (g_ascii_strcasecmp (tokens[i], "and") == 0 ||
          g_ascii_strcasecmp (tokens[i], "und") == 0 ||
          g_ascii_strcasecmp (tokens[i], "og") == 0 ||
          g_ascii_strcasecmp (tokens[i], "y") == 0)
        return FALSE;
      if (!known && g_ascii_isupper (tokens[i][0]) && len > 1 && g_ascii_islower (tokens[i][1]))
        return FALSE;
      for (const char *p = tokens[i]; *p != '\0'; p++)
        if (!g_ascii_isalpha (*p))
          return FALSE;
      if (!has_prefix_ci (tokens[i], "dpa") && g_ascii_islower (tokens[i][0]) &&
          !desk_organization_is_known (tokens[i]))
        lower_or_slash = TRUE;
      n++;
    }

  return n > 0 && lower_or_slash;
}

static gboolean
rule_sign_off (Paragraph       *para,
               DeskRoleVerdict *verdict)
{
  g_auto(GStrv) tokens = NULL;
  const char *canonical;

  if (!_desk_roles_is_initials (para->text))
    return FALSE;

  tokens = g_strsplit (para->text, " ", 2);
  if (tokens[0] != NULL && (canonical = desk_organization_canonical (tokens[0])) != NULL)
    add_credit (verdict, desk_credit_new (NULL, canonical, DESK_CREDIT_ROLE_AGENCY));
  return TRUE;
}

static const char * const end_note_phrases[] = {
  "contributed to this", "contributed reporting", "helped with this", "reported from",
  "can be reached", "generated by", "follow ", "online:", "reporting by", "is a reporter",
  "is a correspondent", "writes for",
};

static gboolean
rule_end_note (Paragraph       *para,
               DeskRoleVerdict *verdict)
{
  const char *lower = paragraph_lower (para);

  for (guint i = 0; i < G_N_ELEMENTS (end_note_phrases); i++)
    if (strstr (lower, end_note_phrases[i]) != NULL)
      return TRUE;

  return FALSE;
}

/**
 * _desk_roles_is_labelled_link:
 * @text: a paragraph, its markup taken off
 * @words: how many words it has
 *
 * Whether @text has the shape of a link to another story under a label: "More: What to
 * expect from the summit", "Lesen Sie auch: …": a label of a few words and a colon, then a
 * headline, with no sentence end anywhere. The shape alone does not decide: a headline
 * names its source the same way ("Police: death was accidental"), so the caller asks where
 * it stands (desk-classify.c: alone between paragraphs of the story).
 */
gboolean
_desk_roles_is_labelled_link (const char *text,
                              guint       words)
{
  Paragraph para_ = { text, NULL, words };
  Paragraph *para = &para_;
  const char *colon = strchr (para->text, ':');
  g_autofree char *label = NULL;
  guint label_words;

  if (colon == NULL || colon[1] != ' ' ||
      _desk_wire_text_ends_sentence (para->text, DESK_SENTENCE_END_COLON) ||
      strpbrk (colon + 1, ".!?:") != NULL)
    return FALSE;

  label = g_strndup (para->text, colon - para->text);
  label_words = _desk_wire_text_count_words (label);

  return words <= WIDGET_LINK_MAX_WORDS &&
         label_words >= 1 && label_words <= LINK_LABEL_MAX_WORDS &&
         para->words - label_words >= LINK_HEADLINE_MIN_WORDS &&
         g_unichar_isupper (g_utf8_get_char (colon + 2));
}

/* "TIP-INS", "UP NEXT"; not "8. HOW WALMART WON PRAISE", an item of a numbered list, nor
 * a sentence in a script without capitals (Japanese, Chinese, Arabic…): in capitals means
 * at least one capital and no small letter */
static gboolean
rule_caps_subheading (Paragraph       *para,
                      DeskRoleVerdict *verdict)
{
  return !g_ascii_isdigit (para->text[0]) &&
         !_desk_wire_text_ends_sentence (para->text, DESK_SENTENCE_END_COLON) &&
         _desk_roles_in_capitals (para->text);
}

/**
 * _desk_roles_in_capitals:
 * @text: a paragraph
 *
 * Returns: whether @text has at least one capital and no small letter
 */
gboolean
_desk_roles_in_capitals (const char *text)
{
  gboolean capital = FALSE;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_islower (c))
        return FALSE;
      capital |= g_unichar_isupper (c) || g_unichar_istitle (c);
    }

  return capital;
}

/* ---- The table ---------------------------------------------------------------------------- */

typedef struct
{
  const char     *reason;
  DeskBlockRole   role;
  guint           max_words;   /* 0: any length */
  DeskRolesPlace  needs;       /* where the paragraph must stand for the rule to apply */
  gboolean      (*test) (Paragraph *para, DeskRoleVerdict *verdict);
} Rule;

static const Rule rules[] = {
  { "markup without text", DESK_BLOCK_ROLE_FURNITURE, 0, DESK_ROLES_ANYWHERE, rule_empty },
  { "separator", DESK_BLOCK_ROLE_FURNITURE, 0, DESK_ROLES_ANYWHERE, rule_separator },
  { "placeholder", DESK_BLOCK_ROLE_FURNITURE, PLACEHOLDER_MAX_WORDS, DESK_ROLES_ANYWHERE,
    rule_placeholder },
  { "embed code", DESK_BLOCK_ROLE_FURNITURE, 0, DESK_ROLES_ANYWHERE, rule_embed_code },
  { "writethru header", DESK_BLOCK_ROLE_FURNITURE, WRITETHRU_HEADER_MAX_WORDS,
    DESK_ROLES_ANYWHERE, rule_writethru_header },
  { "editors' note", DESK_BLOCK_ROLE_FURNITURE, 0, DESK_ROLES_ANYWHERE, rule_editors_note },
  { "writethru note", DESK_BLOCK_ROLE_FURNITURE, NOTE_MAX_WORDS, DESK_ROLES_ANYWHERE,
    rule_writethru_note },
  { "web address", DESK_BLOCK_ROLE_FURNITURE, 0, DESK_ROLES_ANYWHERE, rule_web_address },
  { "posting stamp", DESK_BLOCK_ROLE_FURNITURE, STAMP_MAX_WORDS, DESK_ROLES_ANYWHERE,
    rule_posting_stamp },
  { "section stamp", DESK_BLOCK_ROLE_FURNITURE, SECTION_STAMP_MAX_WORDS, DESK_ROLES_ANYWHERE,
    rule_section_stamp },
  { "time stamp", DESK_BLOCK_ROLE_FURNITURE, STAMP_MAX_WORDS, DESK_ROLES_ANYWHERE,
    rule_time_stamp },
  { "time stamps", DESK_BLOCK_ROLE_FURNITURE, STAMPS_MAX_WORDS, DESK_ROLES_ANYWHERE,
    rule_time_stamps },
  { "byline with time stamps", DESK_BLOCK_ROLE_BYLINE, BYLINE_MAX_WORDS + STAMPS_MAX_WORDS,
    DESK_ROLES_ANYWHERE, rule_byline_stamped },
  { "web page widget", DESK_BLOCK_ROLE_FURNITURE, WIDGET_LINK_MAX_WORDS, DESK_ROLES_ANYWHERE,
    rule_widget },
  { "copyright notice", DESK_BLOCK_ROLE_FURNITURE, COPYRIGHT_NOTICE_MAX_WORDS,
    DESK_ROLES_ANYWHERE, rule_copyright },
  { "contributor line", DESK_BLOCK_ROLE_CREDIT, 0, DESK_ROLES_ANYWHERE, rule_contributors },
  { "agency tag", DESK_BLOCK_ROLE_CREDIT, AGENCY_TAG_MAX_WORDS, DESK_ROLES_ANYWHERE,
    rule_agency_tag },
  { "byline", DESK_BLOCK_ROLE_BYLINE, BYLINE_MAX_WORDS, DESK_ROLES_ANYWHERE, rule_byline },
  { "photo credit", DESK_BLOCK_ROLE_CAPTION, PHOTO_CREDIT_MAX_WORDS, DESK_ROLES_ANYWHERE,
    rule_photo_credit },
  { "photo caption", DESK_BLOCK_ROLE_CAPTION, CAPTION_MAX_WORDS, DESK_ROLES_ANYWHERE,
    rule_caption },
  { "sign-off", DESK_BLOCK_ROLE_CREDIT, SIGN_OFF_MAX_WORDS, DESK_ROLES_AFTER_TEXT,
    rule_sign_off },
  { "end note", DESK_BLOCK_ROLE_CREDIT, NOTE_MAX_WORDS, DESK_ROLES_AFTER_SEPARATOR,
    rule_end_note },
  { "subheading", DESK_BLOCK_ROLE_FURNITURE, CAPS_SUBHEADING_MAX_WORDS, DESK_ROLES_IN_STORY,
    rule_caps_subheading },
};

void
_desk_role_verdict_clear (DeskRoleVerdict *verdict)
{
  g_clear_pointer (&verdict->credits, g_ptr_array_unref);
  g_clear_pointer (&verdict->date, g_free);
  verdict->reason = NULL;
  verdict->agency_only = FALSE;
}

/**
 * _desk_roles_judge:
 * @text: a paragraph, its markup taken off
 * @words: how many words it has
 * @place: where it stands, as far as the caller knows
 * @verdict: (out caller-allocates): filled when a rule holds; clear it with
 *   _desk_role_verdict_clear()
 *
 * Tries the rules in order.
 *
 * Returns: %TRUE if a rule decided the paragraph's role
 */
gboolean
_desk_roles_judge (const char      *text,
                   guint            words,
                   DeskRolesPlace   place,
                   DeskRoleVerdict *verdict)
{
  Paragraph para = { text, NULL, words };
  gboolean found = FALSE;

  memset (verdict, 0, sizeof *verdict);

  for (guint i = 0; i < G_N_ELEMENTS (rules) && !found; i++)
    {
      const Rule *rule = &rules[i];

      if ((rule->needs & place) != rule->needs)
        continue;
      if ((place & DESK_ROLES_PLACED_ONLY) && rule->needs == DESK_ROLES_ANYWHERE)
        continue;
      if (rule->max_words > 0 && words > rule->max_words)
        continue;

      if (rule->test (&para, verdict))
        {
          verdict->role = rule->role;
          verdict->reason = rule->reason;
          found = TRUE;
        }
      else
        _desk_role_verdict_clear (verdict);
    }

  g_free (para.lower);
  return found;
}
