/* desk-style.c: the house style, the one place it is applied
 *
 * A roundup is stitched from versions written to different styles; the house style makes
 * it speak with one voice. Accepting a suggestion (desk-suggestion.c), the editor's
 * "Apply House Style" (desk_style_apply_to_draft()), every export (desk-export.c) and
 * `copydesk-merge merge --style` all go through desk_style_apply().
 *
 * Punctuation:
 *  - typographic: straight quotes become curly ones chosen by context (an opening quote
 *    after a space, a bracket or a dash; a closing one before a space or punctuation; an
 *    apostrophe inside a word and in "’90s"); where the context says neither or both
 *    ("over,"he said), whether a quotation is open decides, and double quotations do not
 *    nest. Quotes that pair up as written stay paired; the newsroom's unclosed quote
 *    that continues in the next paragraph stays open. "--", a hyphen or an en dash
 *    between spaces and an em dash are a dash between parts of a sentence, written in the
 *    house's form (DeskStyleDash): a spaced em dash "a — b", a closed one "a—b" or a
 *    spaced en dash "a – b". A hyphen in a word, a range or score ("1990-95", "1990–95",
 *    "3 - 2") and a closed en dash ("London–Paris") stay as written; the dash after a
 *    dateline keeps its spaces in the closed form too ("MOSCOW — ", as the wires write
 *    it). "..." becomes a true ellipsis. A paragraph that quotes „so“ (German) keeps
 *    those marks, and its straight quotes become them.
 *    No-break spaces (DeskStyleNbsp): "units" joins a figure to the unit or currency
 *    after it ("300 km", "5 %") with U+00A0; "french" also puts U+202F (thin) before
 *    ; ! ? and U+00A0 before : and inside « », the Imprimerie nationale's rule.
 *  - ASCII: the other way round; non-breaking and thin spaces become spaces.
 *  Code-like text (a word with "://", "www.", "@", "<", "=", "{", a backslash, or text
 *  between backquotes) is never touched; the quotes and punctuation around such a word
 *  are the sentence's and are.
 *
 * Spelling (US or British) is decided by evidence, not by a list: for a word that the
 * house variety's dictionary lacks and the other variety's has, the regular
 * correspondences (our/or, re/er, ise/ize, yse/yze, ll/l, ogue/og, ence/ense, ae/e,
 * oe/e, gement/gment) propose candidates, and the first that the house dictionary has
 * replaces it. A word the house dictionary knows ("meter", "program", "organize" in
 * British English) is never changed. Words inside quotations are never changed; nor are
 * capitalised words other than the first of a sentence (names: "Pearl Harbor"). The
 * dictionaries are not the core's: the program installs a DeskStyleWordCheck.
 *
 * Inside quotations punctuation is normalised like everywhere else (it is the house's
 * typography, not the speaker's words); words are not.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "desk-aliases.h"
#include "desk-draft.h"
#include "desk-language.h"
#include "desk-style.h"
#include "desk-suggestion.h"
#include "desk-wire-text-private.h"

struct _DeskStyle
{
  GObject               parent_instance;

  DeskStylePunctuation  punctuation;
  DeskStyleSpelling     spelling;
  DeskStyleDateline     dateline;
  DeskStyleDash         dash;
  DeskStyleNbsp         nbsp;

  DeskStyleWordCheck    check;
  gpointer              check_data;
  GDestroyNotify        check_destroy;

  GMutex                lock;
  GHashTable           *respelled[2];   /* US, GB: word → replacement, "" for none */
};

G_DEFINE_FINAL_TYPE (DeskStyle, desk_style, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_PUNCTUATION,
  PROP_SPELLING,
  PROP_DATELINE,
  PROP_DASH,
  PROP_NBSP,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const GEnumValue punctuation_values[] = {
  { DESK_STYLE_PUNCTUATION_AS_WRITTEN, "DESK_STYLE_PUNCTUATION_AS_WRITTEN", "as-written" },
  { DESK_STYLE_PUNCTUATION_TYPOGRAPHIC, "DESK_STYLE_PUNCTUATION_TYPOGRAPHIC", "typographic" },
  { DESK_STYLE_PUNCTUATION_ASCII, "DESK_STYLE_PUNCTUATION_ASCII", "ascii" },
  { 0, NULL, NULL }
};

static const GEnumValue spelling_values[] = {
  { DESK_STYLE_SPELLING_AS_WRITTEN, "DESK_STYLE_SPELLING_AS_WRITTEN", "as-written" },
  { DESK_STYLE_SPELLING_US, "DESK_STYLE_SPELLING_US", "us" },
  { DESK_STYLE_SPELLING_GB, "DESK_STYLE_SPELLING_GB", "gb" },
  { 0, NULL, NULL }
};

static const GEnumValue dateline_values[] = {
  { DESK_STYLE_DATELINE_AS_WRITTEN, "DESK_STYLE_DATELINE_AS_WRITTEN", "as-written" },
  { DESK_STYLE_DATELINE_CAPS, "DESK_STYLE_DATELINE_CAPS", "caps" },
  { DESK_STYLE_DATELINE_CAPS_AGENCY, "DESK_STYLE_DATELINE_CAPS_AGENCY", "caps-agency" },
  { DESK_STYLE_DATELINE_COLON, "DESK_STYLE_DATELINE_COLON", "colon" },
  { 0, NULL, NULL }
};

static const GEnumValue dash_values[] = {
  { DESK_STYLE_DASH_EM, "DESK_STYLE_DASH_EM", "em" },
  { DESK_STYLE_DASH_EM_CLOSED, "DESK_STYLE_DASH_EM_CLOSED", "em-closed" },
  { DESK_STYLE_DASH_EN, "DESK_STYLE_DASH_EN", "en" },
  { 0, NULL, NULL }
};

static const GEnumValue nbsp_values[] = {
  { DESK_STYLE_NBSP_NONE, "DESK_STYLE_NBSP_NONE", "none" },
  { DESK_STYLE_NBSP_UNITS, "DESK_STYLE_NBSP_UNITS", "units" },
  { DESK_STYLE_NBSP_FRENCH, "DESK_STYLE_NBSP_FRENCH", "french" },
  { 0, NULL, NULL }
};

#define DEFINE_ENUM(func, Name, values)                                                 \
  GType                                                                                 \
  func (void)                                                                           \
  {                                                                                     \
    static gsize type = 0;                                                              \
    if (g_once_init_enter (&type))                                                      \
      g_once_init_leave (&type, g_enum_register_static (g_intern_static_string (Name),  \
                                                        values));                       \
    return type;                                                                        \
  }

DEFINE_ENUM (desk_style_punctuation_get_type, "DeskStylePunctuation", punctuation_values)
DEFINE_ENUM (desk_style_spelling_get_type, "DeskStyleSpelling", spelling_values)
DEFINE_ENUM (desk_style_dateline_get_type, "DeskStyleDateline", dateline_values)
DEFINE_ENUM (desk_style_dash_get_type, "DeskStyleDash", dash_values)
DEFINE_ENUM (desk_style_nbsp_get_type, "DeskStyleNbsp", nbsp_values)

static const char *
enum_to_string (const GEnumValue *values,
                int               value)
{
  for (guint i = 0; values[i].value_nick != NULL; i++)
    if (values[i].value == value)
      return values[i].value_nick;
  return NULL;
}

static gboolean
enum_from_string (const GEnumValue *values,
                  const char       *name,
                  int              *value)
{
  if (name == NULL)
    return FALSE;
  for (guint i = 0; values[i].value_nick != NULL; i++)
    if (g_ascii_strcasecmp (values[i].value_nick, name) == 0)
      {
        *value = values[i].value;
        return TRUE;
      }
  return FALSE;
}

const char *
desk_style_punctuation_to_string (DeskStylePunctuation punctuation)
{
  return enum_to_string (punctuation_values, punctuation);
}

gboolean
desk_style_punctuation_from_string (const char           *name,
                                    DeskStylePunctuation *punctuation)
{
  int value;

  if (!enum_from_string (punctuation_values, name, &value))
    return FALSE;
  *punctuation = value;
  return TRUE;
}

const char *
desk_style_spelling_to_string (DeskStyleSpelling spelling)
{
  return enum_to_string (spelling_values, spelling);
}

gboolean
desk_style_spelling_from_string (const char        *name,
                                 DeskStyleSpelling *spelling)
{
  int value;

  if (!enum_from_string (spelling_values, name, &value))
    return FALSE;
  *spelling = value;
  return TRUE;
}

const char *
desk_style_dateline_to_string (DeskStyleDateline dateline)
{
  return enum_to_string (dateline_values, dateline);
}

gboolean
desk_style_dateline_from_string (const char        *name,
                                 DeskStyleDateline *dateline)
{
  int value;

  if (!enum_from_string (dateline_values, name, &value))
    return FALSE;
  *dateline = value;
  return TRUE;
}

const char *
desk_style_dash_to_string (DeskStyleDash dash)
{
  return enum_to_string (dash_values, dash);
}

gboolean
desk_style_dash_from_string (const char    *name,
                             DeskStyleDash *dash)
{
  int value;

  if (!enum_from_string (dash_values, name, &value))
    return FALSE;
  *dash = value;
  return TRUE;
}

const char *
desk_style_nbsp_to_string (DeskStyleNbsp nbsp)
{
  return enum_to_string (nbsp_values, nbsp);
}

gboolean
desk_style_nbsp_from_string (const char    *name,
                             DeskStyleNbsp *nbsp)
{
  int value;

  if (!enum_from_string (nbsp_values, name, &value))
    return FALSE;
  *nbsp = value;
  return TRUE;
}

/* ---- The object ---------------------------------------------------------------------- */

static void
desk_style_finalize (GObject *object)
{
  DeskStyle *self = DESK_STYLE (object);

  if (self->check_destroy != NULL)
    self->check_destroy (self->check_data);
  g_clear_pointer (&self->respelled[0], g_hash_table_unref);
  g_clear_pointer (&self->respelled[1], g_hash_table_unref);
  g_mutex_clear (&self->lock);

  G_OBJECT_CLASS (desk_style_parent_class)->finalize (object);
}

static void
desk_style_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  DeskStyle *self = DESK_STYLE (object);

  switch (prop_id)
    {
    case PROP_PUNCTUATION:
      g_value_set_enum (value, self->punctuation);
      break;
    case PROP_SPELLING:
      g_value_set_enum (value, self->spelling);
      break;
    case PROP_DATELINE:
      g_value_set_enum (value, self->dateline);
      break;
    case PROP_DASH:
      g_value_set_enum (value, self->dash);
      break;
    case PROP_NBSP:
      g_value_set_enum (value, self->nbsp);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
desk_style_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  DeskStyle *self = DESK_STYLE (object);

  switch (prop_id)
    {
    case PROP_PUNCTUATION:
      desk_style_set_punctuation (self, g_value_get_enum (value));
      break;
    case PROP_SPELLING:
      desk_style_set_spelling (self, g_value_get_enum (value));
      break;
    case PROP_DATELINE:
      desk_style_set_dateline (self, g_value_get_enum (value));
      break;
    case PROP_DASH:
      desk_style_set_dash (self, g_value_get_enum (value));
      break;
    case PROP_NBSP:
      desk_style_set_nbsp (self, g_value_get_enum (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
desk_style_class_init (DeskStyleClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = desk_style_finalize;
  object_class->get_property = desk_style_get_property;
  object_class->set_property = desk_style_set_property;

  properties[PROP_PUNCTUATION] =
    g_param_spec_enum ("punctuation", NULL, NULL, DESK_TYPE_STYLE_PUNCTUATION,
                       DESK_STYLE_PUNCTUATION_AS_WRITTEN,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SPELLING] =
    g_param_spec_enum ("spelling", NULL, NULL, DESK_TYPE_STYLE_SPELLING,
                       DESK_STYLE_SPELLING_AS_WRITTEN,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DATELINE] =
    g_param_spec_enum ("dateline", NULL, NULL, DESK_TYPE_STYLE_DATELINE,
                       DESK_STYLE_DATELINE_AS_WRITTEN,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DASH] =
    g_param_spec_enum ("dash", NULL, NULL, DESK_TYPE_STYLE_DASH,
                       DESK_STYLE_DASH_EM,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_NBSP] =
    g_param_spec_enum ("nbsp", NULL, NULL, DESK_TYPE_STYLE_NBSP,
                       DESK_STYLE_NBSP_NONE,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
desk_style_init (DeskStyle *self)
{
  g_mutex_init (&self->lock);
  self->respelled[0] = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->respelled[1] = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
}

/**
 * desk_style_new:
 *
 * Returns: (transfer full): a style that leaves everything as written
 */
DeskStyle *
desk_style_new (void)
{
  return g_object_new (DESK_TYPE_STYLE, NULL);
}

DeskStylePunctuation
desk_style_get_punctuation (DeskStyle *self)
{
  g_return_val_if_fail (DESK_IS_STYLE (self), DESK_STYLE_PUNCTUATION_AS_WRITTEN);
  return self->punctuation;
}

void
desk_style_set_punctuation (DeskStyle            *self,
                            DeskStylePunctuation  punctuation)
{
  g_return_if_fail (DESK_IS_STYLE (self));
  g_return_if_fail (punctuation <= DESK_STYLE_PUNCTUATION_ASCII);

  if (self->punctuation == punctuation)
    return;
  self->punctuation = punctuation;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PUNCTUATION]);
}

DeskStyleSpelling
desk_style_get_spelling (DeskStyle *self)
{
  g_return_val_if_fail (DESK_IS_STYLE (self), DESK_STYLE_SPELLING_AS_WRITTEN);
  return self->spelling;
}

void
desk_style_set_spelling (DeskStyle         *self,
                         DeskStyleSpelling  spelling)
{
  g_return_if_fail (DESK_IS_STYLE (self));
  g_return_if_fail (spelling <= DESK_STYLE_SPELLING_GB);

  if (self->spelling == spelling)
    return;
  self->spelling = spelling;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SPELLING]);
}

DeskStyleDateline
desk_style_get_dateline (DeskStyle *self)
{
  g_return_val_if_fail (DESK_IS_STYLE (self), DESK_STYLE_DATELINE_AS_WRITTEN);
  return self->dateline;
}

void
desk_style_set_dateline (DeskStyle         *self,
                         DeskStyleDateline  dateline)
{
  g_return_if_fail (DESK_IS_STYLE (self));
  g_return_if_fail (dateline <= DESK_STYLE_DATELINE_COLON);

  if (self->dateline == dateline)
    return;
  self->dateline = dateline;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATELINE]);
}

DeskStyleDash
desk_style_get_dash (DeskStyle *self)
{
  g_return_val_if_fail (DESK_IS_STYLE (self), DESK_STYLE_DASH_EM);
  return self->dash;
}

/**
 * desk_style_set_dash:
 * @dash: the dash form
 *
 * Sets the dash typographic punctuation writes between parts of a sentence.
 */
void
desk_style_set_dash (DeskStyle     *self,
                     DeskStyleDash  dash)
{
  g_return_if_fail (DESK_IS_STYLE (self));
  g_return_if_fail (dash <= DESK_STYLE_DASH_EN);

  if (self->dash == dash)
    return;
  self->dash = dash;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DASH]);
}

DeskStyleNbsp
desk_style_get_nbsp (DeskStyle *self)
{
  g_return_val_if_fail (DESK_IS_STYLE (self), DESK_STYLE_NBSP_NONE);
  return self->nbsp;
}

/**
 * desk_style_set_nbsp:
 * @nbsp: where no-break spaces go
 *
 * Sets where typographic punctuation puts no-break spaces.
 */
void
desk_style_set_nbsp (DeskStyle     *self,
                     DeskStyleNbsp  nbsp)
{
  g_return_if_fail (DESK_IS_STYLE (self));
  g_return_if_fail (nbsp <= DESK_STYLE_NBSP_FRENCH);

  if (self->nbsp == nbsp)
    return;
  self->nbsp = nbsp;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NBSP]);
}

/**
 * desk_style_copy_settings:
 * @from: another style
 *
 * Takes the punctuation, spelling, dateline, dash and no-break spaces of @from (not its
 * dictionaries).
 */
void
desk_style_copy_settings (DeskStyle *self,
                          DeskStyle *from)
{
  g_return_if_fail (DESK_IS_STYLE (self));
  g_return_if_fail (DESK_IS_STYLE (from));

  desk_style_set_punctuation (self, from->punctuation);
  desk_style_set_spelling (self, from->spelling);
  desk_style_set_dateline (self, from->dateline);
  desk_style_set_dash (self, from->dash);
  desk_style_set_nbsp (self, from->nbsp);
}

/**
 * desk_style_is_as_written:
 *
 * Returns: whether the style changes nothing
 */
gboolean
desk_style_is_as_written (DeskStyle *self)
{
  g_return_val_if_fail (DESK_IS_STYLE (self), TRUE);

  return self->punctuation == DESK_STYLE_PUNCTUATION_AS_WRITTEN &&
         (self->spelling == DESK_STYLE_SPELLING_AS_WRITTEN || self->check == NULL) &&
         self->dateline == DESK_STYLE_DATELINE_AS_WRITTEN;
}

/**
 * desk_style_set_word_check:
 * @check: (nullable): whether a word belongs to a variety
 * @user_data: data for @check
 * @destroy: (nullable): frees @user_data
 *
 * Installs the dictionaries the spelling is decided with. Without them the spelling is
 * left as written.
 */
void
desk_style_set_word_check (DeskStyle          *self,
                           DeskStyleWordCheck  check,
                           gpointer            user_data,
                           GDestroyNotify      destroy)
{
  g_return_if_fail (DESK_IS_STYLE (self));

  if (self->check_destroy != NULL)
    self->check_destroy (self->check_data);
  self->check = check;
  self->check_data = user_data;
  self->check_destroy = destroy;

  g_mutex_lock (&self->lock);
  g_hash_table_remove_all (self->respelled[0]);
  g_hash_table_remove_all (self->respelled[1]);
  g_mutex_unlock (&self->lock);
}

/**
 * desk_style_can_respell:
 *
 * Returns: whether dictionaries are installed (desk_style_set_word_check())
 */
gboolean
desk_style_can_respell (DeskStyle *self)
{
  g_return_val_if_fail (DESK_IS_STYLE (self), FALSE);
  return self->check != NULL;
}

/* ---- Characters ---------------------------------------------------------------------- */

#define LSQUO 0x2018
#define RSQUO 0x2019
#define LDQUO 0x201C
#define RDQUO 0x201D
#define MDASH 0x2014
#define NDASH 0x2013
#define HELLIP 0x2026

static gboolean
is_space (gunichar c)
{
  return c == 0 || g_unichar_isspace (c) || c == 0x00A0 || c == 0x202F || c == 0x2007 ||
         c == 0x2009 || c == 0x200A;
}

static gboolean
is_dash (gunichar c)
{
  return c == '-' || c == MDASH || c == NDASH || c == 0x2015;
}

static gboolean
is_word_char (gunichar c)
{
  return c != 0 && g_unichar_isalnum (c);
}

static gboolean
is_double_mark (gunichar c)
{
  return c == '"' || c == LDQUO || c == RDQUO || c == 0x201E || c == 0x201F;
}

/**
 * desk_style_is_code_like:
 * @word: a run of characters without spaces
 * @length: its length in bytes
 *
 * Whether @word looks like code, an address or markup rather than prose: it has "://",
 * starts with "www.", or has "@", "<", ">", "=", "{", "}", "\" or "`". House style leaves
 * such words alone.
 *
 * Returns: whether @word is code-like
 */
gboolean
desk_style_is_code_like (const char *word,
                         gsize       length)
{
  g_return_val_if_fail (word != NULL, FALSE);

  /* "www." opens the address, after any dash the closed house form put against it
   * ("a—www.example.org"). */
  {
    gsize skip = 0;

    while (skip + 3 <= length && (guchar)word[skip] == 0xe2 && (guchar)word[skip + 1] == 0x80 &&
           ((guchar)word[skip + 2] == 0x94 || (guchar)word[skip + 2] == 0x93))
      skip += 3;
    if (length >= skip + 4 && g_ascii_strncasecmp (word + skip, "www.", 4) == 0)
      return TRUE;
  }
  for (gsize i = 0; i < length; i++)
    {
      switch (word[i])
        {
        case '@': case '<': case '>': case '=': case '{': case '}': case '\\': case '`':
          return TRUE;
        case ':':
          if (i + 2 < length && word[i + 1] == '/' && word[i + 2] == '/')
            return TRUE;
          break;
        default:
          break;
        }
    }
  return FALSE;
}

typedef struct
{
  gunichar *chars;
  glong     n;
  gboolean *code;   /* per character: inside code-like text */
  gboolean  low;    /* quotations open with „ and close with “, as in German */
  glong     dateline_end;  /* characters of a dateline at the head, with its separator */
} Text;

static void
text_clear (Text *text)
{
  g_free (text->chars);
  g_free (text->code);
}

/* Quotes (and, at the end, sentence punctuation) that may stand around a code-like word
 * without being part of it. */
static gboolean
is_edge_mark (gunichar c,
              gboolean leading)
{
  if (c == '"' || c == '\'' || c == LDQUO || c == RDQUO || c == LSQUO || c == RSQUO ||
      c == 0x201E || c == 0x00AB || c == 0x00BB)
    return TRUE;
  if (leading)
    return c == '(';
  return c == '.' || c == ',' || c == ';' || c == ':' || c == '!' || c == '?';
}

/* Decodes @utf8 and marks its code-like words (without the quotes and punctuation around
 * them) and backquoted spans. */
static void
text_init (Text       *text,
           const char *utf8)
{
  glong i = 0;

  text->chars = g_utf8_to_ucs4_fast (utf8, -1, &text->n);
  text->code = g_new0 (gboolean, text->n + 1);
  text->low = strstr (utf8, "\xe2\x80\x9e") != NULL;
  text->dateline_end = 0;

  while (i < text->n)
    {
      glong end;

      if (text->chars[i] == '`')
        {
          for (end = i + 1; end < text->n && text->chars[end] != '`'; end++)
            ;
          end = MIN (end + 1, text->n);
          for (glong j = i; j < end; j++)
            text->code[j] = TRUE;
          i = end;
          continue;
        }
      if (is_space (text->chars[i]))
        {
          i++;
          continue;
        }

      for (end = i; end < text->n && !is_space (text->chars[end]) && text->chars[end] != '`'; end++)
        ;
      {
        g_autofree char *word = g_ucs4_to_utf8 (text->chars + i, end - i, NULL, NULL, NULL);

        if (word != NULL && desk_style_is_code_like (word, strlen (word)))
          {
            glong first = i, last = end;

            /* The quotes and punctuation around an address are the sentence's:
             * "… at https://example.com." */
            while (first < last && is_edge_mark (text->chars[first], TRUE))
              first++;
            while (last > first && is_edge_mark (text->chars[last - 1], FALSE))
              {
                gunichar c = text->chars[last - 1];
                guint same = 0;

                /* A straight quote the address itself pairs (x="y") is the address's. */
                for (glong j = first; j < last && (c == '"' || c == '\''); j++)
                  same += text->chars[j] == c;
                if (same % 2 == 0 && (c == '"' || c == '\''))
                  break;
                last--;
              }
            for (glong j = first; j < last; j++)
              text->code[j] = TRUE;
          }
      }
      i = end;
    }
}

static gunichar
at (const Text *text,
    glong       i)
{
  return i >= 0 && i < text->n ? text->chars[i] : 0;
}

/* Whether a quote at @i stands where quotations open: after a space, a bracket, a dash, a
 * slash or another opening quote. */
static gboolean
opening_context (const Text *text,
                 glong       i)
{
  gunichar prev = at (text, i - 1);

  return prev == 0 || is_space (prev) || prev == '(' || prev == '[' || prev == '{' ||
         is_dash (prev) || prev == '/' || prev == LDQUO || prev == LSQUO || prev == 0x00AB;
}

/* Whether a quote at @i stands where quotations close: before a space, punctuation, a
 * bracket, a dash or another closing quote. */
static gboolean
closing_context (const Text *text,
                 glong       i)
{
  gunichar next = at (text, i + 1);

  return next == 0 || is_space (next) || g_unichar_ispunct (next) || is_dash (next);
}

/* Decides every double quote: TRUE for opening. */
static void
decide_double_quotes (const Text *text,
                      gboolean   *opening)
{
  int depth = 0;

  for (glong i = 0; i < text->n; i++)
    {
      gunichar c = text->chars[i];
      gboolean open;

      if (text->code[i] || !is_double_mark (c))
        continue;

      if (c == 0x201E || c == 0x201F || (c == LDQUO && !text->low))
        open = TRUE;
      else if (c == RDQUO || c == LDQUO)
        open = FALSE;
      else if (opening_context (text, i) && !closing_context (text, i))
        open = TRUE;
      else if (closing_context (text, i) && !opening_context (text, i))
        open = FALSE;
      else
        open = depth == 0;

      /* Double quotations do not nest: a second opening one closes the first. */
      if (open && depth > 0 && c == '"')
        open = FALSE;

      opening[i] = open;
      depth = MAX (depth + (open ? 1 : -1), 0);
    }
}

static gboolean
is_elision (const Text *text,
            glong       i)
{
  /* "’90s", "’08": an apostrophe for missing century digits. */
  return g_unichar_isdigit (at (text, i + 1)) && g_unichar_isdigit (at (text, i + 2)) &&
         !g_unichar_isdigit (at (text, i + 3));
}

/* What a straight or reversed single quote at @i becomes. */
static gunichar
single_quote (const Text *text,
              glong       i)
{
  gunichar prev = at (text, i - 1);
  gunichar next = at (text, i + 1);

  if (is_word_char (prev) || (g_unichar_ispunct (prev) && !opening_context (text, i)))
    return RSQUO;                       /* don’t, Merkel’s, Jones’, ’ closing */
  if (is_elision (text, i))
    return RSQUO;                       /* ’90s */
  if (opening_context (text, i) && next != 0 && !is_space (next))
    return LSQUO;                       /* ‘nested quotation’ */
  return RSQUO;
}

/* A space within a line: where a dash's spacing is decided. */
static gboolean
is_line_space (gunichar c)
{
  return c == ' ' || c == '\t' || c == 0x00A0 || c == 0x202F || c == 0x2007 || c == 0x2009 ||
         c == 0x200A;
}

/* Where the dash between parts of a sentence that starts at @i ends, or 0 when there is
 * none: "--" and "---", an em dash, and a hyphen or an en dash between spaces. A hyphen in
 * a word, a range ("1990-95", "1990–95", "3 - 2", "3 – 2") and a closed en dash
 * ("London–Paris") are not such dashes. */
static glong
sentence_dash_end (const Text *text,
                   glong       i)
{
  gunichar c = text->chars[i];
  glong end = i;

  if (c == '-' && at (text, i + 1) == '-')
    {
      while (at (text, end) == '-' && !text->code[end])
        end++;
      return end;
    }
  if (c == MDASH)
    return i + 1;
  if ((c == '-' || c == NDASH) && is_line_space (at (text, i - 1)) &&
      is_line_space (at (text, i + 1)) &&
      !(g_unichar_isdigit (at (text, i - 2)) && g_unichar_isdigit (at (text, i + 2))))
    return i + 1;
  return 0;
}

/* The last character of @out, or 0. */
static gunichar
last_char (GString *out)
{
  if (out->len == 0)
    return 0;
  return g_utf8_get_char (g_utf8_find_prev_char (out->str, out->str + out->len));
}

/* Writes the dash at @i in the house form and returns the index of what follows it.
 * The spaced forms have one space each side, except at the start or end of the text,
 * after an opening bracket or quote and before a closing one, punctuation or another
 * dash; the dash
 * that ends a dateline ("MOSCOW — ") keeps its spaces in the closed form as well, as the
 * wires write it. */
static glong
append_dash (GString       *out,
             const Text    *text,
             const gboolean *opening,
             DeskStyleDash  dash,
             glong          i)
{
  glong end = sentence_dash_end (text, i);
  gboolean spaced, separator;
  gunichar prev, next;
  gboolean closing;

  while (out->len > 0 && is_line_space (last_char (out)))
    g_string_truncate (out, g_utf8_find_prev_char (out->str, out->str + out->len) - out->str);
  while (end < text->n && is_line_space (text->chars[end]) && !text->code[end])
    end++;

  /* Only the dash that ends the dateline is its separator; one inside it is a dash. */
  separator = i < text->dateline_end && end >= text->dateline_end;
  spaced = dash != DESK_STYLE_DASH_EM_CLOSED || separator;

  prev = last_char (out);
  if (spaced && prev != 0 && prev != '\n' && prev != '\r' && prev != '(' && prev != '[' &&
      prev != '{' && prev != LSQUO && prev != 0x201E && prev != 0x00AB && !is_dash (prev) &&
      !(prev == LDQUO && !text->low))
    g_string_append_c (out, ' ');

  g_string_append_unichar (out, dash == DESK_STYLE_DASH_EN ? NDASH : MDASH);

  next = at (text, end);
  if (next == '"')
    closing = !opening[end];
  else if (next == '\'' || next == 0x201B)
    closing = single_quote (text, end) == RSQUO;
  else
    closing = next == RDQUO || next == RSQUO || next == 0x00BB || next == HELLIP ||
              (next == LDQUO && text->low) || next == ',' || next == '.' || next == ';' ||
              next == ':' || next == '!' || next == '?' || next == ')' || next == ']' ||
              next == '}' || is_dash (next);
  /* A dateline's dash is always followed by its space, whatever comes next: without it
   * the dateline is no longer one, and styling again would close the dash. */
  if (spaced && next != 0 && next != '\n' && next != '\r' && (!closing || separator))
    g_string_append_c (out, ' ');

  return end;
}

static void
append_typographic (GString       *out,
                    const Text    *text,
                    DeskStyleDash  dash)
{
  g_autofree gboolean *opening = g_new0 (gboolean, text->n + 1);

  decide_double_quotes (text, opening);

  for (glong i = 0; i < text->n; i++)
    {
      gunichar c = text->chars[i];

      if (text->code[i])
        {
          g_string_append_unichar (out, c);
          continue;
        }

      if (is_double_mark (c))
        {
          /* A paragraph quoting „so“ keeps its own marks and puts its straight quotes
           * in them. */
          if (text->low)
            g_string_append_unichar (out, opening[i] ? 0x201E : LDQUO);
          else
            g_string_append_unichar (out, opening[i] ? LDQUO : RDQUO);
          continue;
        }

      if (c == '\'' || c == 0x201B)
        {
          g_string_append_unichar (out, single_quote (text, i));
          continue;
        }

      if (sentence_dash_end (text, i) > 0)
        {
          i = append_dash (out, text, opening, dash, i) - 1;
          continue;
        }

      if (c == '.' && at (text, i + 1) == '.' && at (text, i + 2) == '.')
        {
          g_string_append_unichar (out, HELLIP);
          i += 2;
          continue;
        }

      if (c == '.' && at (text, i + 1) == ' ' && at (text, i + 2) == '.' &&
          at (text, i + 3) == ' ' && at (text, i + 4) == '.')
        {
          g_string_append_unichar (out, HELLIP);
          i += 4;
          continue;
        }

      g_string_append_unichar (out, c);
    }
}

static void
append_ascii (GString    *out,
              const Text *text)
{
  for (glong i = 0; i < text->n; i++)
    {
      gunichar c = text->chars[i];

      if (text->code[i])
        {
          g_string_append_unichar (out, c);
          continue;
        }

      switch (c)
        {
        case LSQUO: case RSQUO: case 0x201A: case 0x201B: case 0x2032: case 0x2039: case 0x203A:
          g_string_append_c (out, '\'');
          break;
        case LDQUO: case RDQUO: case 0x201E: case 0x201F: case 0x2033: case 0x00AB: case 0x00BB:
          g_string_append_c (out, '"');
          break;
        case MDASH: case 0x2015:
          g_string_append (out, "--");
          break;
        case NDASH: case 0x2010: case 0x2011: case 0x2012: case 0x2212:
          g_string_append_c (out, '-');
          break;
        case HELLIP:
          g_string_append (out, "...");
          break;
        case 0x00A0: case 0x202F: case 0x2007: case 0x2009: case 0x200A:
          g_string_append_c (out, ' ');
          break;
        default:
          g_string_append_unichar (out, c);
          break;
        }
    }
}

/* ---- No-break spaces ------------------------------------------------------------------ */

#define NBSP 0x00A0
#define NNBSP 0x202F

/* Units and currencies that follow a figure: SI and common symbols (case matters: "5 m",
 * not "5 M"), ISO codes of the most traded currencies, and the words for them; not those
 * that are also common words or letters after a figure ("3 in", "2 A", "3 won"). */
static const char * const unit_symbols[] = {
  "%", "‰", "°", "°C", "°F",
  "km", "m", "cm", "mm", "µm", "nm", "mi", "ft", "yd", "nmi",
  "km²", "m²", "cm²", "ha", "km2", "m2", "m³", "m3",
  "t", "kg", "g", "mg", "µg", "lb", "lbs", "oz",
  "l", "L", "ml", "mL", "cl", "cL", "dl",
  "km/h", "m/s", "mph", "kn", "kt",
  "W", "kW", "MW", "GW", "TW", "Wh", "kWh", "MWh", "GWh", "TWh", "V", "kV", "mA",
  "Hz", "kHz", "MHz", "GHz", "kJ", "MJ", "kcal", "hPa", "kPa",
  "kB", "KB", "MB", "GB", "TB", "PB", "dB", "ms",
  "€", "$", "£", "¥", "₹", "₽", "₩", "₺", "₴", "₪", "₦", "฿", "CHF",
  "USD", "EUR", "GBP", "JPY", "CNY", "RMB", "INR", "RUB", "CAD", "AUD", "NZD", "SEK", "NOK",
  "DKK", "PLN", "BRL", "MXN", "ZAR", "KRW", "TRY", "HKD", "SGD",
};

static const char * const unit_words[] = {
  "percent", "kilometres", "kilometers", "kilometre", "kilometer", "metres", "meters",
  "metre", "meter", "centimetres", "centimeters", "millimetres", "millimeters", "miles",
  "mile", "feet", "foot", "inches", "yards", "hectares", "acres", "tonnes", "tons",
  "kilograms", "kilos", "grams", "pounds", "ounces", "litres", "liters", "gallons",
  "barrels", "knots", "degrees", "watts", "kilowatts", "megawatts", "gigawatts",
  "volts", "bytes", "megabytes", "gigabytes", "terabytes", "seconds", "minutes", "hours",
  "dollars", "euros", "cents", "pence", "yen", "yuan", "renminbi", "rupees", "roubles",
  "rubles", "francs", "pesos", "reais", "lira", "kronor", "kroner",
  "zlotys", "hryvnias", "shekels", "naira", "baht",
  "pour", /* "5 pour cent" */
};

static gboolean
in_list (const char * const *list,
         gsize               n,
         const char         *word)
{
  for (gsize i = 0; i < n; i++)
    if (g_str_equal (list[i], word))
      return TRUE;
  return FALSE;
}

/* Whether the text at @i is a unit or currency: a symbol or word, then the end of the
 * word (a space, punctuation or the end). */
static gboolean
unit_at (const Text *text,
         glong       i)
{
  glong end = i;
  g_autofree char *word = NULL;

  /* A no-break space that French sets before ; : ! ? » is not the end of the word: the
   * word is what it was before the space was put in, so that styling twice is styling
   * once ("5 PB;RR" and "5 PB ;RR" alike have no unit). */
  while (end < text->n && !text->code[end])
    {
      gunichar c = text->chars[end];
      gunichar next = end + 1 < text->n ? text->chars[end + 1] : 0;

      if (is_space (c) &&
          !((c == NBSP || c == NNBSP) &&
            (next == ';' || next == ':' || next == '!' || next == '?' || next == 0x00BB)))
        break;
      end++;
    }
  /* Sentence punctuation and closing marks after the unit are not part of it. */
  while (end > i)
    {
      gunichar c = text->chars[end - 1];

      if (c == '.' || c == ',' || c == ';' || c == ':' || c == '!' || c == '?' || c == ')' ||
          c == ']' || c == RDQUO || c == RSQUO || c == '"' || c == '\'' || c == 0x00BB ||
          c == HELLIP || c == NBSP || c == NNBSP)
        end--;
      else
        break;
    }
  if (end == i)
    return FALSE;

  word = g_ucs4_to_utf8 (text->chars + i, end - i, NULL, NULL, NULL);
  if (word == NULL)
    return FALSE;
  if (in_list (unit_symbols, G_N_ELEMENTS (unit_symbols), word))
    return TRUE;
  {
    g_autofree char *lower = g_utf8_strdown (word, -1);

    return g_str_equal (lower, word) && in_list (unit_words, G_N_ELEMENTS (unit_words), word);
  }
}

/* The French space before @c (one of ; : ! ? »), or 0 where none goes. */
static gunichar
french_space_before (gunichar c)
{
  /* The Imprimerie nationale's rule: a thin no-break space before ; ! ?, a word-wide one
   * before : and inside guillemets. */
  if (c == ';' || c == '!' || c == '?')
    return NNBSP;
  if (c == ':' || c == 0x00BB)
    return NBSP;
  return 0;
}

/* Whether the French space goes before the mark at @i (one of ; : ! ? »). */
static gboolean
french_mark_at (const Text *text,
                glong       i,
                gboolean    guillemets)
{
  gunichar c = text->chars[i];
  gunichar prev = at (text, i - 1);

  if (text->code[i] || french_space_before (c) == 0)
    return FALSE;
  /* Not next to a dash: "«-" would become a dash between spaces. */
  if (c == 0x00BB)
    return guillemets && !is_dash (prev);
  /* "10:30", "3:2": a time or a ratio; "?!", "!!": one space before the first */
  if (c == ':' && g_unichar_isdigit (at (text, i + 1)))
    {
      glong j = i - 1;

      while (j >= 0 && is_line_space (text->chars[j]))
        j--;
      if (j >= 0 && g_unichar_isdigit (text->chars[j]))
        return FALSE;
    }
  while (is_line_space (prev) && i > 0)
    prev = at (text, --i - 1);
  return prev != 0 && prev != '\n' && prev != ';' && prev != ':' && prev != '!' &&
         prev != '?' && prev != '(' && prev != '[' && prev != 0x00AB && prev != LDQUO &&
         prev != LSQUO && prev != 0x201E && !is_dash (prev);
}

/* Puts no-break spaces where the house wants them: between a figure and its unit, and
 * (French) before ; : ! ? and inside « ». Existing spaces there become the no-break one;
 * in French one is put where none was written. */
static char *
apply_nbsp (DeskStyleNbsp  nbsp,
            const char    *utf8)
{
  g_autoptr(GString) out = g_string_sized_new (strlen (utf8) + 16);
  Text text;
  gboolean french = nbsp == DESK_STYLE_NBSP_FRENCH;
  gboolean guillemets = FALSE;

  text_init (&text, utf8);

  /* « » as French sets them; a paragraph whose first guillemet is » quotes »so« (German,
   * Danish) and keeps them as written. */
  for (glong i = 0; i < text.n && french; i++)
    if (!text.code[i] && (text.chars[i] == 0x00AB || text.chars[i] == 0x00BB))
      {
        guillemets = text.chars[i] == 0x00AB;
        break;
      }

  for (glong i = 0; i < text.n; i++)
    {
      gunichar c = text.chars[i];

      if (text.code[i])
        {
          g_string_append_unichar (out, c);
          continue;
        }

      if (is_line_space (c))
        {
          glong end = i;
          gunichar space = 0;

          while (end < text.n && is_line_space (text.chars[end]) && !text.code[end])
            end++;

          if (g_unichar_isdigit (at (&text, i - 1)) && !text.code[i - 1] && end < text.n &&
              unit_at (&text, end))
            space = NBSP;
          else if (french && end < text.n && french_mark_at (&text, end, guillemets))
            space = french_space_before (text.chars[end]);
          else if (french && guillemets && at (&text, i - 1) == 0x00AB)
            space = NBSP;

          if (space != 0)
            {
              g_string_append_unichar (out, space);
              i = end - 1;
            }
          else
            g_string_append_unichar (out, c);
          continue;
        }

      if (french && !is_line_space (at (&text, i - 1)) && french_mark_at (&text, i, guillemets))
        g_string_append_unichar (out, french_space_before (c));

      g_string_append_unichar (out, c);

      if (french && guillemets && c == 0x00AB && i + 1 < text.n &&
          !is_space (text.chars[i + 1]) && text.chars[i + 1] != 0x00BB &&
          !is_dash (text.chars[i + 1]))
        g_string_append_unichar (out, NBSP);
    }

  text_clear (&text);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* ---- Spelling ------------------------------------------------------------------------ */

typedef struct
{
  const char *from;
  const char *to;
  gboolean    at_end;   /* only at the end of the word, or before "s", "d" or "ed" */
} Correspondence;

/* The regular correspondences, written from US to British; read backwards for US. */
static const Correspondence correspondences[] = {
  { "or", "our", FALSE },        /* color, colour; harbors, harbours */
  { "ter", "tre", TRUE },        /* center, centre; centers, centres */
  { "ber", "bre", TRUE },        /* fiber, fibre */
  { "ered", "red", TRUE },       /* centered, centred */
  { "iz", "is", FALSE },         /* organize, organise; organization, organisation */
  { "yz", "ys", FALSE },         /* analyze, analyse */
  { "led", "lled", TRUE },       /* traveled, travelled */
  { "ling", "lling", TRUE },     /* traveling, travelling */
  { "ler", "ller", TRUE },       /* traveler, traveller */
  { "lor", "llor", TRUE },       /* counselor, counsellor */
  { "log", "logue", TRUE },      /* catalog, catalogue */
  { "ense", "ence", TRUE },      /* defense, defence */
  { "gment", "gement", TRUE },   /* judgment, judgement */
  { "e", "ae", FALSE },          /* anesthesia, anaesthesia */
  { "e", "oe", FALSE },          /* fetus, foetus */
};

static gboolean
ends_here (const char *rest)
{
  return *rest == '\0' || g_str_equal (rest, "s") || g_str_equal (rest, "d") ||
         g_str_equal (rest, "ed") || g_str_equal (rest, "es");
}

static gboolean
check_word (DeskStyle         *self,
            DeskStyleSpelling  variety,
            const char        *word)
{
  return self->check (variety, word, self->check_data);
}

/* ---- The story's spelling language ------------------------------------------------------ */

/* How many words of one variety the text needs, and by how much they must outnumber the
 * other's, for the text to be said to be written in that variety: a story spells a few
 * dozen words that the varieties spell differently ("harbour", "centre", "organised");
 * a single one may be a name or a quotation. */
#define VARIETY_MIN_WORDS 2
#define VARIETY_MIN_LEAD 2

/**
 * desk_style_guess_variety:
 * @text: English text
 *
 * Which variety of English @text is spelled in, from the words only one variety's
 * dictionary has. Needs the dictionaries (desk_style_set_word_check()).
 *
 * Returns: %DESK_STYLE_SPELLING_US or %DESK_STYLE_SPELLING_GB, or
 *   %DESK_STYLE_SPELLING_AS_WRITTEN when the text does not tell
 */
DeskStyleSpelling
desk_style_guess_variety (DeskStyle  *self,
                          const char *text)
{
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guint us = 0;
  guint gb = 0;
  const char *p = text;

  g_return_val_if_fail (DESK_IS_STYLE (self), DESK_STYLE_SPELLING_AS_WRITTEN);

  if (self->check == NULL || text == NULL || !g_utf8_validate (text, -1, NULL))
    return DESK_STYLE_SPELLING_AS_WRITTEN;

  while (*p != '\0')
    {
      const char *start;
      char *word;

      while (*p != '\0' && !g_unichar_isalpha (g_utf8_get_char (p)))
        p = g_utf8_next_char (p);
      start = p;
      while (*p != '\0' && g_unichar_isalpha (g_utf8_get_char (p)))
        p = g_utf8_next_char (p);
      if (p - start < 4)
        continue;

      /* Names are not evidence: only words in lower case. */
      if (g_unichar_isupper (g_utf8_get_char (start)))
        continue;
      word = g_utf8_strdown (start, p - start);
      if (!g_hash_table_add (seen, word))
        continue;

      if (check_word (self, DESK_STYLE_SPELLING_US, word))
        us += !check_word (self, DESK_STYLE_SPELLING_GB, word);
      else if (check_word (self, DESK_STYLE_SPELLING_GB, word))
        gb++;
    }

  if (gb >= VARIETY_MIN_WORDS && gb >= VARIETY_MIN_LEAD * us)
    return DESK_STYLE_SPELLING_GB;
  if (us >= VARIETY_MIN_WORDS && us >= VARIETY_MIN_LEAD * gb)
    return DESK_STYLE_SPELLING_US;
  return DESK_STYLE_SPELLING_AS_WRITTEN;
}

/**
 * desk_style_dup_spelling_language:
 * @text: the story
 *
 * The dictionary a spell checker should use for @text: its language
 * (desk_language_guess()) and, for English, the house spelling or, when the house leaves
 * spelling as written, the variety the story is spelled in.
 *
 * Returns: (transfer full) (nullable): a locale-style tag ("en_GB", "de_DE", "pt"), or
 *   %NULL when the text does not tell its language
 */
char *
desk_style_dup_spelling_language (DeskStyle  *self,
                                  const char *text)
{
  static const struct { const char *language; const char *tag; } regions[] = {
    { "de", "de_DE" }, { "fr", "fr_FR" }, { "es", "es_ES" }, { "it", "it_IT" },
    { "nl", "nl_NL" },
  };
  const char *language;
  DeskStyleSpelling variety;

  g_return_val_if_fail (DESK_IS_STYLE (self), NULL);

  language = desk_language_guess (text, -1);
  if (language == NULL)
    return NULL;

  if (g_str_equal (language, "en"))
    {
      variety = self->spelling != DESK_STYLE_SPELLING_AS_WRITTEN
                ? self->spelling : desk_style_guess_variety (self, text);
      if (variety == DESK_STYLE_SPELLING_GB)
        return g_strdup ("en_GB");
      if (variety == DESK_STYLE_SPELLING_US)
        return g_strdup ("en_US");
      return g_strdup ("en");
    }

  for (guint i = 0; i < G_N_ELEMENTS (regions); i++)
    if (g_str_equal (language, regions[i].language))
      return g_strdup (regions[i].tag);
  return g_strdup (language);
}

/* The house form of @word (lower case), or NULL to keep it. */
static char *
respell_word (DeskStyle         *self,
              DeskStyleSpelling  target,
              const char        *word)
{
  DeskStyleSpelling other = target == DESK_STYLE_SPELLING_US ? DESK_STYLE_SPELLING_GB
                                                             : DESK_STYLE_SPELLING_US;
  GHashTable *cache = self->respelled[target == DESK_STYLE_SPELLING_GB];
  const char *cached;
  char *found = NULL;
  gsize length = strlen (word);

  g_mutex_lock (&self->lock);
  cached = g_hash_table_lookup (cache, word);
  if (cached != NULL)
    {
      found = cached[0] != '\0' ? g_strdup (cached) : NULL;
      g_mutex_unlock (&self->lock);
      return found;
    }
  g_mutex_unlock (&self->lock);

  /* Evidence: the house lacks the word and the other variety has it. */
  if (length >= 3 && !check_word (self, target, word) && check_word (self, other, word))
    {
      for (guint r = 0; r < G_N_ELEMENTS (correspondences) && found == NULL; r++)
        {
          const char *from = target == DESK_STYLE_SPELLING_GB ? correspondences[r].from
                                                              : correspondences[r].to;
          const char *to = target == DESK_STYLE_SPELLING_GB ? correspondences[r].to
                                                            : correspondences[r].from;
          gsize from_length = strlen (from);

          for (const char *p = strstr (word, from); p != NULL && found == NULL;
               p = strstr (p + 1, from))
            {
              g_autoptr(GString) candidate = NULL;

              if (correspondences[r].at_end && !ends_here (p + from_length))
                continue;
              /* "or" → "our" but not in "our" itself. */
              if (g_str_equal (from, "or") && p[2] == 'u')
                continue;

              candidate = g_string_new_len (word, p - word);
              g_string_append (candidate, to);
              g_string_append (candidate, p + from_length);

              if (check_word (self, target, candidate->str) &&
                  !g_str_equal (candidate->str, word))
                found = g_string_free (g_steal_pointer (&candidate), FALSE);
            }
        }
    }

  g_mutex_lock (&self->lock);
  g_hash_table_insert (cache, g_strdup (word), g_strdup (found != NULL ? found : ""));
  g_mutex_unlock (&self->lock);

  return found;
}

/* Whether the word starting at byte @start of @text is the first of a sentence. */
static gboolean
starts_sentence (const char *text,
                 const char *start)
{
  const char *p = start;

  while (p > text)
    {
      const char *prev = g_utf8_prev_char (p);
      gunichar c = g_utf8_get_char (prev);

      if (is_space (c))
        {
          p = prev;
          continue;
        }
      return c == '.' || c == '!' || c == '?' || c == HELLIP || c == ':';
    }
  return TRUE;
}

/* Per character of @chars: whether it is inside a quotation (double, single or between
 * guillemets) or code-like text, where no word is changed. The quote marks themselves
 * count as inside. */
static gboolean *
quoted_mask (const Text *chars)
{
  g_autofree gboolean *opening = g_new0 (gboolean, chars->n + 1);
  gboolean *mask = g_new0 (gboolean, chars->n + 1);
  gboolean quoted = FALSE;     /* inside a double quotation */
  gboolean single = FALSE;     /* inside a single one */
  gboolean guillemets = FALSE; /* between « » (or » «) */

  decide_double_quotes (chars, opening);

  for (glong i = 0; i < chars->n; i++)
    {
      gunichar c = chars->chars[i];
      gboolean mark = FALSE;

      if (chars->code[i])
        {
          mask[i] = TRUE;
          continue;
        }

      if (is_double_mark (c))
        {
          quoted = opening[i];
          mark = TRUE;
        }
      else if (c == 0x00AB || c == 0x00BB)
        {
          guillemets = !guillemets;
          mark = TRUE;
        }
      else if (c == LSQUO || c == '\'')
        {
          gunichar prev = at (chars, i - 1);
          gunichar next = at (chars, i + 1);

          if (c == LSQUO || (opening_context (chars, i) && is_word_char (next) &&
                             !is_elision (chars, i)))
            single = TRUE;
          else if (single && !is_word_char (next) && !is_space (prev))
            single = FALSE;
          mark = TRUE;
        }
      else if (c == RSQUO && single && !is_word_char (at (chars, i + 1)))
        {
          single = FALSE;
          mark = TRUE;
        }

      mask[i] = mark || quoted || single || guillemets;
    }

  return mask;
}

/* Respells the words outside quotations and code. */
static char *
respell (DeskStyle  *self,
         const char *text)
{
  g_autoptr(GString) out = g_string_new (NULL);
  Text chars;
  g_autofree gboolean *inside = NULL;
  glong i = 0;

  text_init (&chars, text);
  inside = quoted_mask (&chars);

  while (i < chars.n)
    {
      gunichar c = chars.chars[i];
      glong end;

      if (inside[i] || !g_unichar_isalpha (c))
        {
          g_string_append_unichar (out, c);
          i++;
          continue;
        }

      for (end = i; end < chars.n && g_unichar_isalpha (chars.chars[end]); end++)
        ;

      {
        g_autofree char *word = g_ucs4_to_utf8 (chars.chars + i, end - i, NULL, NULL, NULL);
        g_autofree char *lower = g_utf8_strdown (word, -1);
        g_autofree char *house = NULL;
        gboolean capital = FALSE;
        gboolean eligible;
        gboolean joined;

        /* Part of a hyphenated or apostrophised compound is left to the whole. */
        joined = (i > 0 && (chars.chars[i - 1] == '-' || g_unichar_isdigit (chars.chars[i - 1]))) ||
                 (end < chars.n && (chars.chars[end] == '-' || g_unichar_isdigit (chars.chars[end])));

        if (g_str_equal (lower, word))
          eligible = TRUE;
        else
          {
            /* "Harbor" opening a sentence, not "Pearl Harbor". */
            g_autofree char *rest = g_utf8_strdown (g_utf8_next_char (word), -1);

            capital = g_unichar_isupper (g_utf8_get_char (word)) &&
                      g_str_equal (rest, g_utf8_next_char (word));
            eligible = capital && starts_sentence (out->str, out->str + out->len);
          }

        if (eligible && !joined)
          house = respell_word (self, self->spelling, lower);

        if (house != NULL && capital)
          {
            gunichar first = g_unichar_toupper (g_utf8_get_char (house));

            g_string_append_unichar (out, first);
            g_string_append (out, g_utf8_next_char (house));
          }
        else if (house != NULL)
          g_string_append (out, house);
        else
          g_string_append (out, word);
      }
      i = end;
    }

  text_clear (&chars);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* ---- Applying ------------------------------------------------------------------------ */

/* Where the dateline at the head of @text ends, in characters, or 0 when it has none. */
static glong
dateline_end_of (const char *text)
{
  g_autofree char *place = NULL;
  g_autofree char *agency = NULL;
  gsize length = 0;

  if (!_desk_wire_text_split_dateline (text, FALSE, &length, &place, &agency))
    return 0;
  return g_utf8_pointer_to_offset (text, text + length);
}

/**
 * desk_style_apply:
 * @text: a paragraph or a headline
 *
 * Writes @text in the house style: its punctuation, then its spelling.
 *
 * Returns: (transfer full): @text in house style
 */
char *
desk_style_apply (DeskStyle  *self,
                  const char *text)
{
  g_autoptr(GString) out = NULL;
  Text chars;

  g_return_val_if_fail (DESK_IS_STYLE (self), NULL);
  g_return_val_if_fail (text != NULL, NULL);

  if (!g_utf8_validate (text, -1, NULL))
    return g_strdup (text);

  out = g_string_sized_new (strlen (text) + 16);
  text_init (&chars, text);

  switch (self->punctuation)
    {
    case DESK_STYLE_PUNCTUATION_TYPOGRAPHIC:
      if (self->dash == DESK_STYLE_DASH_EM_CLOSED)
        chars.dateline_end = dateline_end_of (text);
      append_typographic (out, &chars, self->dash);
      /* The dateline must still be one once styled (its quotes and dashes are styled too:
       * "(Ld--ters)", "L '(AP)"); else it is not taken for one, or styling again would
       * close the dash that styling once left spaced. */
      if (chars.dateline_end > 0 && dateline_end_of (out->str) == 0)
        {
          chars.dateline_end = 0;
          g_string_truncate (out, 0);
          append_typographic (out, &chars, self->dash);
        }
      if (self->nbsp != DESK_STYLE_NBSP_NONE)
        {
          char *spaced = apply_nbsp (self->nbsp, out->str);

          g_string_assign (out, spaced);
          g_free (spaced);
        }
      break;
    case DESK_STYLE_PUNCTUATION_ASCII:
      append_ascii (out, &chars);
      break;
    case DESK_STYLE_PUNCTUATION_AS_WRITTEN:
    default:
      g_string_append (out, text);
      break;
    }
  text_clear (&chars);

  if (self->spelling != DESK_STYLE_SPELLING_AS_WRITTEN && self->check != NULL)
    {
      char *respelled = respell (self, out->str);

      g_string_assign (out, respelled);
      g_free (respelled);
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

/**
 * desk_style_dateline_separator:
 *
 * Returns: what follows a dateline in this style: " —", " –" (the en dash form), " --"
 *   or ":"
 */
const char *
desk_style_dateline_separator (DeskStyle *self)
{
  g_return_val_if_fail (DESK_IS_STYLE (self), " —");

  if (self->dateline == DESK_STYLE_DATELINE_COLON)
    return ":";
  if (self->punctuation == DESK_STYLE_PUNCTUATION_ASCII)
    return " --";
  /* The dash form's character; the closed form keeps the dateline's spaces too. */
  if (self->punctuation == DESK_STYLE_PUNCTUATION_TYPOGRAPHIC && self->dash == DESK_STYLE_DASH_EN)
    return " –";
  return " —";
}

/* "BUENOS AIRES, Argentina" → "Buenos Aires, Argentina" */
static char *
title_case (const char *place)
{
  g_autoptr(GString) out = g_string_new (NULL);
  gboolean word_start = TRUE;

  for (const char *p = place; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      g_string_append_unichar (out, word_start ? g_unichar_totitle (c) : g_unichar_tolower (c));
      word_start = !g_unichar_isalpha (c) && c != '\'' && c != RSQUO;
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/**
 * desk_style_format_dateline:
 * @place: a dateline's place, "MOSCOW" or "BUENOS AIRES, Argentina"
 * @agency: (nullable): the agency it names
 *
 * The dateline in the house form, without its separator: the city in capitals (its
 * region as written), with the agency in brackets in the form that names it, or in title
 * case for the form with a colon.
 *
 * Returns: (transfer full): the dateline
 */
char *
desk_style_format_dateline (DeskStyle  *self,
                            const char *place,
                            const char *agency)
{
  const char *comma = strchr (place, ',');
  g_autofree char *city = comma != NULL ? g_strndup (place, comma - place) : g_strdup (place);
  g_autofree char *styled = NULL;

  if (self->dateline == DESK_STYLE_DATELINE_COLON)
    styled = title_case (city);
  else
    styled = g_utf8_strup (city, -1);

  if (self->dateline == DESK_STYLE_DATELINE_CAPS_AGENCY && agency != NULL && agency[0] != '\0')
    return g_strdup_printf ("%s%s (%s)", styled, comma != NULL ? comma : "", agency);
  return g_strdup_printf ("%s%s", styled, comma != NULL ? comma : "");
}

/**
 * desk_style_apply_first:
 * @text: the first paragraph of a story
 *
 * As desk_style_apply(), and puts a dateline at its head into the house form.
 *
 * Returns: (transfer full): @text in house style
 */
char *
desk_style_apply_first (DeskStyle  *self,
                        const char *text)
{
  g_autofree char *styled = NULL;
  g_autofree char *place = NULL;
  g_autofree char *agency = NULL;
  gsize length = 0;

  g_return_val_if_fail (DESK_IS_STYLE (self), NULL);
  g_return_val_if_fail (text != NULL, NULL);

  styled = desk_style_apply (self, text);

  if (self->dateline == DESK_STYLE_DATELINE_AS_WRITTEN ||
      !_desk_wire_text_split_dateline (styled, FALSE, &length, &place, &agency))
    return g_steal_pointer (&styled);

  {
    g_autofree char *head = desk_style_format_dateline (self, place, agency);

    return g_strdup_printf ("%s%s %s", head, desk_style_dateline_separator (self),
                            styled + length);
  }
}

/**
 * desk_style_apply_to_draft:
 * @draft: a draft
 *
 * Puts the headline and every paragraph of @draft into the house style (the editor's
 * "Apply House Style to the Draft"; the caller makes it one undo step).
 *
 * Returns: how many paragraphs (and the headline) changed
 */
guint
desk_style_apply_to_draft (DeskStyle *self,
                           DeskDraft *draft)
{
  guint changed = 0;
  const char *headline;

  g_return_val_if_fail (DESK_IS_STYLE (self), 0);
  g_return_val_if_fail (DESK_IS_DRAFT (draft), 0);

  headline = desk_draft_get_headline (draft);
  if (headline != NULL)
    {
      g_autofree char *styled = desk_style_apply (self, headline);

      if (!g_str_equal (styled, headline))
        {
          desk_draft_set_headline (draft, styled);
          changed++;
        }
    }

  for (guint i = 0; i < desk_draft_get_n_paragraphs (draft); i++)
    {
      const char *text = desk_paragraph_get_text (desk_draft_get_paragraph (draft, i));
      g_autofree char *styled = i == 0 ? desk_style_apply_first (self, text)
                                       : desk_style_apply (self, text);

      if (!g_str_equal (styled, text))
        {
          desk_draft_set_paragraph_text (draft, i, styled);
          changed++;
        }
    }

  return changed;
}

/* ---- Names and spellings said one way ------------------------------------------------ */

typedef struct
{
  char     *written;
  gunichar *chars;
  glong     n;
  gboolean  caps;      /* in capitals only ("IS"): not when the words around are capitals too */
  gboolean  lower;     /* a lower-case word: also matches capitalised, at a sentence's start */
  guint     group;
  guint     count;
  guint     order;     /* of the first mention, for ties */
} Form;

static void
form_free (gpointer data)
{
  Form *form = data;

  g_free (form->written);
  g_free (form->chars);
  g_free (form);
}

static gboolean
is_caps_text (const char *text)
{
  gboolean letters = FALSE;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_islower (c))
        return FALSE;
      letters |= g_unichar_isupper (c);
    }
  return letters;
}

static Form *
form_new (const char *written,
          guint       group)
{
  Form *form = g_new0 (Form, 1);
  g_autofree char *lower = g_utf8_strdown (written, -1);

  form->written = g_strdup (written);
  form->chars = g_utf8_to_ucs4_fast (written, -1, &form->n);
  form->caps = is_caps_text (written);
  form->lower = g_str_equal (lower, written);
  form->group = group;
  form->order = G_MAXUINT;
  return form;
}

static int
compare_form_length (gconstpointer a,
                     gconstpointer b)
{
  const Form *fa = *(Form * const *)a;
  const Form *fb = *(Form * const *)b;

  return (fb->n > fa->n) - (fb->n < fa->n);
}

/* The word of capitals next to @i (before with @step -1, after with +1), if any. */
static gboolean
next_word_is_caps (const Text *text,
                   glong       i,
                   int         step)
{
  glong j = i;
  guint letters = 0;

  while (j >= 0 && j < text->n && !g_unichar_isalpha (text->chars[j]))
    {
      if (text->chars[j] == '\n' || g_unichar_ispunct (text->chars[j]))
        return FALSE;
      j += step;
    }
  for (; j >= 0 && j < text->n && g_unichar_isalpha (text->chars[j]); j += step)
    {
      if (!g_unichar_isupper (text->chars[j]))
        return FALSE;
      letters++;
    }
  return letters >= 2;
}

/* Whether the text at @i opens a sentence. */
static gboolean
sentence_starts_at (const Text *text,
                    glong       i)
{
  for (glong j = i - 1; j >= 0; j--)
    {
      gunichar c = text->chars[j];

      if (is_space (c) || c == LDQUO || c == LSQUO || c == '"' || c == '\'' || c == '(')
        continue;
      return c == '.' || c == '!' || c == '?' || c == HELLIP || c == ':';
    }
  return TRUE;
}

/* Whether @form is written at @i as a whole word (or words), outside quotations; sets
 * @capitalised when a lower-case form is written with a capital. */
static gboolean
form_matches (const Form     *form,
              const Text     *text,
              const gboolean *inside,
              glong           i,
              gboolean       *capitalised)
{
  glong end = i + form->n;

  *capitalised = FALSE;
  if (form->n == 0 || end > text->n)
    return FALSE;
  if (i > 0 && is_word_char (text->chars[i - 1]))
    return FALSE;
  if (end < text->n && is_word_char (text->chars[end]))
    return FALSE;

  for (glong j = 0; j < form->n; j++)
    {
      gunichar c = text->chars[i + j];

      if (inside[i + j])
        return FALSE;
      if (c == form->chars[j])
        continue;
      if (j == 0 && form->lower && c == g_unichar_toupper (form->chars[0]) &&
          sentence_starts_at (text, i))
        {
          *capitalised = TRUE;
          continue;
        }
      return FALSE;
    }

  if (form->caps && (next_word_is_caps (text, i - 1, -1) || next_word_is_caps (text, end, 1)))
    return FALSE;

  return TRUE;
}

/* The longest of @forms (sorted longest first) written at @i, or NULL. */
static Form *
match_at (GPtrArray      *forms,
          const Text     *text,
          const gboolean *inside,
          glong           i,
          gboolean       *capitalised)
{
  for (guint k = 0; k < forms->len; k++)
    {
      Form *form = g_ptr_array_index (forms, k);

      if (form_matches (form, text, inside, i, capitalised))
        return form;
    }
  return NULL;
}

/* Counts the mentions of @forms in the draft's paragraphs, outside quotations. */
static void
count_forms (GPtrArray *forms,
             DeskDraft *draft)
{
  guint order = 0;

  g_ptr_array_sort (forms, compare_form_length);

  for (guint p = 0; p < desk_draft_get_n_paragraphs (draft); p++)
    {
      const char *utf8 = desk_paragraph_get_text (desk_draft_get_paragraph (draft, p));
      g_autofree gboolean *inside = NULL;
      Text text;

      if (utf8 == NULL || !g_utf8_validate (utf8, -1, NULL))
        continue;
      text_init (&text, utf8);
      inside = quoted_mask (&text);

      for (glong i = 0; i < text.n; )
        {
          gboolean capitalised;
          Form *form = match_at (forms, &text, inside, i, &capitalised);

          if (form == NULL)
            {
              i++;
              continue;
            }
          form->count++;
          if (form->order == G_MAXUINT)
            form->order = order++;
          i += form->n;
        }
      text_clear (&text);
    }
}

/* The spellings of the draft that the dictionaries pair with another ("harbor" and
 * "harbour"): each pair a group of two forms. */
static void
add_spelling_forms (DeskStyle  *self,
                    DeskDraft  *draft,
                    GPtrArray  *forms,
                    guint      *n_groups)
{
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint p = 0; p < desk_draft_get_n_paragraphs (draft); p++)
    {
      const char *utf8 = desk_paragraph_get_text (desk_draft_get_paragraph (draft, p));
      g_autofree gboolean *inside = NULL;
      Text text;

      if (utf8 == NULL || !g_utf8_validate (utf8, -1, NULL))
        continue;
      text_init (&text, utf8);
      inside = quoted_mask (&text);

      for (glong i = 0; i < text.n; )
        {
          glong start = i;
          glong end;
          g_autofree char *word = NULL;
          g_autofree char *lower = NULL;
          g_autofree char *counterpart = NULL;

          if (inside[i] || !g_unichar_isalpha (text.chars[i]) ||
              (i > 0 && (is_word_char (text.chars[i - 1]) || text.chars[i - 1] == '-')))
            {
              i++;
              continue;
            }
          for (end = i; end < text.n && g_unichar_isalpha (text.chars[end]); end++)
            ;
          word = g_ucs4_to_utf8 (text.chars + i, end - i, NULL, NULL, NULL);
          lower = g_utf8_strdown (word, -1);
          i = end;

          if (end < text.n && (text.chars[end] == '-' || g_unichar_isdigit (text.chars[end])))
            continue;
          if (!g_str_equal (word, lower) && !sentence_starts_at (&text, start))
            continue;
          if (g_hash_table_contains (seen, lower))
            continue;
          g_hash_table_add (seen, g_strdup (lower));

          counterpart = respell_word (self, DESK_STYLE_SPELLING_GB, lower);
          if (counterpart == NULL)
            counterpart = respell_word (self, DESK_STYLE_SPELLING_US, lower);
          if (counterpart == NULL || g_hash_table_contains (seen, counterpart))
            continue;
          g_hash_table_add (seen, g_strdup (counterpart));

          g_ptr_array_add (forms, form_new (lower, *n_groups));
          g_ptr_array_add (forms, form_new (counterpart, *n_groups));
          (*n_groups)++;
        }
      text_clear (&text);
    }
}

/* The alias table's entries, each a group: the canonical name and its variants, without
 * a leading "the" (which stays in the sentence). */
static void
add_name_forms (DeskAliases *aliases,
                GPtrArray   *forms,
                guint       *n_groups)
{
  g_autofree char *data = desk_aliases_to_data (aliases);
  g_auto(GStrv) lines = g_strsplit (data, "\n", -1);

  for (guint l = 0; lines[l] != NULL; l++)
    {
      g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      g_auto(GStrv) sides = g_strsplit (lines[l], "=", 2);
      g_auto(GStrv) variants = NULL;
      guint added = 0;

      if (sides[0] == NULL || sides[1] == NULL)
        continue;
      variants = g_strsplit (sides[1], "|", -1);

      for (guint v = 0; v == 0 || variants[v - 1] != NULL; v++)
        {
          /* The canonical name first, then the variants. */
          const char *raw = v == 0 ? sides[0] : variants[v - 1];
          g_autofree char *name = g_strstrip (g_strdup (raw));
          const char *form = name;

          if (g_ascii_strncasecmp (form, "the ", 4) == 0)
            form += 4;
          if (form[0] == '\0' || g_hash_table_contains (seen, form))
            continue;
          g_hash_table_add (seen, g_strdup (form));
          g_ptr_array_add (forms, form_new (form, *n_groups));
          added++;
        }

      if (added > 0)
        (*n_groups)++;
    }
}

static int
compare_form_use (gconstpointer a,
                  gconstpointer b)
{
  const Form *fa = *(Form * const *)a;
  const Form *fb = *(Form * const *)b;

  if (fa->count != fb->count)
    return fa->count > fb->count ? -1 : 1;
  return fa->order < fb->order ? -1 : fa->order > fb->order;
}

/* A suggestion for one group of forms, or NULL when the draft says it one way. */
static DeskSuggestion *
suggest_group (DeskStyle          *self,
               GPtrArray          *group,
               gboolean            spelling,
               const char * const *rejected)
{
  g_autoptr(GString) summary = g_string_new (NULL);
  g_autoptr(GStrvBuilder) others = g_strv_builder_new ();
  g_auto(GStrv) other_forms = NULL;
  Form *house = NULL;
  const char *first = NULL;
  guint used = 0;
  guint replaced = 0;
  DeskSuggestion *suggestion;

  g_ptr_array_sort (group, compare_form_use);
  for (guint k = 0; k < group->len; k++)
    used += ((Form *)g_ptr_array_index (group, k))->count > 0;

  if (spelling && self->spelling != DESK_STYLE_SPELLING_AS_WRITTEN)
    {
      /* The house variety's form: the one it does not respell. */
      for (guint k = 0; k < group->len && house == NULL; k++)
        {
          Form *form = g_ptr_array_index (group, k);
          g_autofree char *respelled = respell_word (self, self->spelling, form->written);

          if (respelled == NULL)
            house = form;
        }
    }
  if (house == NULL)
    {
      /* The draft's own usage decides: the form it uses most. */
      if (used < 2)
        return NULL;
      house = g_ptr_array_index (group, 0);
    }

  for (guint k = 0; k < group->len; k++)
    {
      Form *form = g_ptr_array_index (group, k);

      if (form != house && form->count > 0)
        {
          g_strv_builder_add (others, form->written);
          replaced += form->count;
        }
    }
  if (replaced == 0)
    return NULL;

  /* "Islamic State, 12 × · ISIS, 5 ×" */
  if (house->count > 0)
    g_string_append_printf (summary, "%s, %u ×", house->written, house->count);
  else
    g_string_append (summary, house->written);
  for (guint k = 0; k < group->len; k++)
    {
      Form *form = g_ptr_array_index (group, k);

      if (form != house && form->count > 0)
        g_string_append_printf (summary, " · %s, %u ×", form->written, form->count);
    }

  if (rejected != NULL && g_strv_contains (rejected, summary->str))
    return NULL;

  /* First mention: a full name before an acronym. */
  if (house->caps && !spelling)
    {
      for (guint k = 0; k < group->len && first == NULL; k++)
        {
          Form *form = g_ptr_array_index (group, k);

          if (!form->caps && form->count > 0)
            first = form->written;
        }
      for (guint k = 0; k < group->len && first == NULL; k++)
        {
          Form *form = g_ptr_array_index (group, k);

          if (!form->caps)
            first = form->written;
        }
    }

  other_forms = g_strv_builder_end (others);
  suggestion = desk_suggestion_new (DESK_SUGGESTION_STYLE, summary->str, -1, -1, replaced);
  desk_suggestion_set_new_text (suggestion, house->written);
  desk_suggestion_set_forms (suggestion, (const char * const *)other_forms);
  if (first != NULL)
    desk_suggestion_set_draft_text (suggestion, first);
  return suggestion;
}

static int
compare_by_score (gconstpointer a,
                  gconstpointer b)
{
  double sa = desk_suggestion_get_score (*(DeskSuggestion * const *)a);
  double sb = desk_suggestion_get_score (*(DeskSuggestion * const *)b);

  return (sb > sa) - (sb < sa);
}

/**
 * desk_style_suggest:
 * @draft: the draft
 * @aliases: (nullable): the names that mean one entity (the alias table the suggester
 *   matches with)
 * @rejected: (nullable): texts of suggestions the editor rejected
 *
 * Style suggestions, a hook beside the suggester's own (the window adds them to its
 * list): where the draft names one entity several ways (an alias-table entry: "Islamic
 * State", "ISIS") or spells one word two ways that the dictionaries pair ("harbor",
 * "harbour"), a %DESK_SUGGESTION_STYLE suggestion proposes one form for every mention
 * outside quotations, with the counts as its text ("Islamic State, 12 × · ISIS, 5 ×").
 * The house form is the house spelling's, else the form the draft uses most; when it is
 * an acronym, the first mention is written in full (desk_suggestion_get_draft_text()).
 * The headline is left alone: headlines name things their own way.
 *
 * Returns: (transfer full) (element-type DeskSuggestion): the suggestions, most mentions
 *   to change first
 */
GPtrArray *
desk_style_suggest (DeskStyle          *self,
                    DeskDraft          *draft,
                    DeskAliases        *aliases,
                    const char * const *rejected)
{
  g_autoptr(GPtrArray) forms = g_ptr_array_new_with_free_func (form_free);
  GPtrArray *suggestions = g_ptr_array_new_with_free_func (g_object_unref);
  guint n_groups = 0;
  guint n_spelling;

  g_return_val_if_fail (DESK_IS_STYLE (self), suggestions);
  g_return_val_if_fail (DESK_IS_DRAFT (draft), suggestions);

  if (self->check != NULL)
    add_spelling_forms (self, draft, forms, &n_groups);
  n_spelling = n_groups;
  if (aliases != NULL)
    add_name_forms (aliases, forms, &n_groups);
  if (forms->len == 0)
    return suggestions;

  count_forms (forms, draft);

  for (guint g = 0; g < n_groups; g++)
    {
      g_autoptr(GPtrArray) group = g_ptr_array_new ();
      DeskSuggestion *suggestion;

      for (guint k = 0; k < forms->len; k++)
        if (((Form *)g_ptr_array_index (forms, k))->group == g)
          g_ptr_array_add (group, g_ptr_array_index (forms, k));

      suggestion = suggest_group (self, group, g < n_spelling, rejected);
      if (suggestion != NULL)
        g_ptr_array_add (suggestions, suggestion);
    }

  g_ptr_array_sort (suggestions, compare_by_score);
  return suggestions;
}

/**
 * desk_style_replace_forms:
 * @draft: a draft
 * @house: the house form
 * @forms: the forms it replaces
 * @first: (nullable): the form of the first mention (a full name before an acronym)
 *
 * Writes every mention of @forms (and of @house) in the draft's paragraphs, outside
 * quotations, as @house; the first mention as @first when given. A lower-case form that
 * opens a sentence keeps its capital; a form ending in a full stop that ended the
 * sentence keeps the full stop.
 *
 * Returns: how many mentions changed
 */
guint
desk_style_replace_forms (DeskDraft          *draft,
                          const char         *house,
                          const char * const *forms,
                          const char         *first)
{
  g_autoptr(GPtrArray) all = g_ptr_array_new_with_free_func (form_free);
  gboolean first_done = first == NULL;
  guint changed = 0;

  g_return_val_if_fail (DESK_IS_DRAFT (draft), 0);
  g_return_val_if_fail (house != NULL, 0);

  g_ptr_array_add (all, form_new (house, 0));
  for (guint k = 0; forms != NULL && forms[k] != NULL; k++)
    if (!g_str_equal (forms[k], house))
      g_ptr_array_add (all, form_new (forms[k], 0));
  g_ptr_array_sort (all, compare_form_length);

  for (guint p = 0; p < desk_draft_get_n_paragraphs (draft); p++)
    {
      const char *utf8 = desk_paragraph_get_text (desk_draft_get_paragraph (draft, p));
      g_autoptr(GString) out = NULL;
      g_autofree gboolean *inside = NULL;
      gboolean paragraph_changed = FALSE;
      Text text;

      if (utf8 == NULL || !g_utf8_validate (utf8, -1, NULL))
        continue;
      text_init (&text, utf8);
      inside = quoted_mask (&text);
      out = g_string_sized_new (strlen (utf8) + 16);

      for (glong i = 0; i < text.n; )
        {
          gboolean capitalised;
          Form *form = match_at (all, &text, inside, i, &capitalised);
          const char *replacement;
          glong end;

          if (form == NULL)
            {
              g_string_append_unichar (out, text.chars[i]);
              i++;
              continue;
            }

          replacement = first_done ? house : first;
          first_done = TRUE;
          end = i + form->n;

          if (g_str_equal (replacement, form->written) && !capitalised)
            {
              g_string_append (out, form->written);
              i = end;
              continue;
            }

          if (capitalised)
            {
              g_string_append_unichar (out, g_unichar_toupper (g_utf8_get_char (replacement)));
              g_string_append (out, g_utf8_next_char (replacement));
            }
          else
            g_string_append (out, replacement);

          /* "in the U.S." ending a sentence keeps its full stop. */
          if (form->chars[form->n - 1] == '.' && !g_str_has_suffix (replacement, ".") &&
              (end >= text.n || (is_space (text.chars[end]) &&
                                 (end + 1 >= text.n || g_unichar_isupper (text.chars[end + 1])))))
            g_string_append_c (out, '.');

          if (!g_str_equal (replacement, form->written) || capitalised)
            {
              changed++;
              paragraph_changed = TRUE;
            }
          i = end;
        }

      if (paragraph_changed && !g_str_equal (out->str, utf8))
        desk_draft_set_paragraph_text (draft, p, out->str);
      text_clear (&text);
    }

  return changed;
}
