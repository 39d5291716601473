/* desk-style.h: the house style, the one place it is applied
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef struct _DeskDraft DeskDraft;
typedef struct _DeskAliases DeskAliases;

typedef enum
{
  DESK_STYLE_PUNCTUATION_AS_WRITTEN,  /* quotes, dashes and ellipses as the sources have them */
  DESK_STYLE_PUNCTUATION_TYPOGRAPHIC, /* “curly” quotes, em dashes, a true ellipsis … */
  DESK_STYLE_PUNCTUATION_ASCII,       /* "straight" quotes, --, ... for systems that mangle typography */
} DeskStylePunctuation;

typedef enum
{
  DESK_STYLE_SPELLING_AS_WRITTEN,
  DESK_STYLE_SPELLING_US,
  DESK_STYLE_SPELLING_GB,
} DeskStyleSpelling;

typedef enum
{
  DESK_STYLE_DATELINE_AS_WRITTEN,
  DESK_STYLE_DATELINE_CAPS,           /* "MOSCOW —" */
  DESK_STYLE_DATELINE_CAPS_AGENCY,    /* "MOSCOW (AP) —" where the agency is known */
  DESK_STYLE_DATELINE_COLON,          /* "Moscow:" */
} DeskStyleDateline;

/* The dash a typographic house writes between parts of a sentence. */
typedef enum
{
  DESK_STYLE_DASH_EM,                 /* "a — b" */
  DESK_STYLE_DASH_EM_CLOSED,          /* "a—b" */
  DESK_STYLE_DASH_EN,                 /* "a – b" */
} DeskStyleDash;

/* Where a typographic house puts no-break spaces. */
typedef enum
{
  DESK_STYLE_NBSP_NONE,               /* spaces as written */
  DESK_STYLE_NBSP_UNITS,              /* "300 km", "5 %", "20 €": figure and unit kept together */
  DESK_STYLE_NBSP_FRENCH,             /* as units, and "Quoi ?", "« mot »" as French sets them */
} DeskStyleNbsp;

GType desk_style_punctuation_get_type (void) G_GNUC_CONST;
GType desk_style_spelling_get_type    (void) G_GNUC_CONST;
GType desk_style_dateline_get_type    (void) G_GNUC_CONST;
GType desk_style_dash_get_type        (void) G_GNUC_CONST;
GType desk_style_nbsp_get_type        (void) G_GNUC_CONST;
#define DESK_TYPE_STYLE_PUNCTUATION (desk_style_punctuation_get_type ())
#define DESK_TYPE_STYLE_SPELLING    (desk_style_spelling_get_type ())
#define DESK_TYPE_STYLE_DATELINE    (desk_style_dateline_get_type ())
#define DESK_TYPE_STYLE_DASH        (desk_style_dash_get_type ())
#define DESK_TYPE_STYLE_NBSP        (desk_style_nbsp_get_type ())

/**
 * DeskStyleWordCheck:
 * @variety: %DESK_STYLE_SPELLING_US or %DESK_STYLE_SPELLING_GB
 * @word: one word, in lower case
 * @user_data: the data given with the function
 *
 * Whether @word is a word of @variety (a dictionary of that variety has it). The core
 * has no dictionaries: the program provides them (see desk-varieties.h).
 *
 * Returns: whether the dictionary of @variety has @word
 */
typedef gboolean (*DeskStyleWordCheck) (DeskStyleSpelling  variety,
                                        const char        *word,
                                        gpointer           user_data);

#define DESK_TYPE_STYLE (desk_style_get_type ())

G_DECLARE_FINAL_TYPE (DeskStyle, desk_style, DESK, STYLE, GObject)

DeskStyle            *desk_style_new                 (void);
DeskStylePunctuation  desk_style_get_punctuation     (DeskStyle            *self);
void                  desk_style_set_punctuation     (DeskStyle            *self,
                                                      DeskStylePunctuation  punctuation);
DeskStyleSpelling     desk_style_get_spelling        (DeskStyle            *self);
void                  desk_style_set_spelling        (DeskStyle            *self,
                                                      DeskStyleSpelling     spelling);
DeskStyleDateline     desk_style_get_dateline        (DeskStyle            *self);
void                  desk_style_set_dateline        (DeskStyle            *self,
                                                      DeskStyleDateline     dateline);
DeskStyleDash         desk_style_get_dash            (DeskStyle            *self);
void                  desk_style_set_dash            (DeskStyle            *self,
                                                      DeskStyleDash         dash);
DeskStyleNbsp         desk_style_get_nbsp            (DeskStyle            *self);
void                  desk_style_set_nbsp            (DeskStyle            *self,
                                                      DeskStyleNbsp         nbsp);
void                  desk_style_copy_settings       (DeskStyle            *self,
                                                      DeskStyle            *from);
gboolean              desk_style_is_as_written       (DeskStyle            *self);

void                  desk_style_set_word_check      (DeskStyle            *self,
                                                      DeskStyleWordCheck    check,
                                                      gpointer              user_data,
                                                      GDestroyNotify        destroy);
gboolean              desk_style_can_respell         (DeskStyle            *self);
DeskStyleSpelling     desk_style_guess_variety       (DeskStyle            *self,
                                                      const char           *text);
char                 *desk_style_dup_spelling_language (DeskStyle          *self,
                                                        const char         *text);

char                 *desk_style_apply               (DeskStyle            *self,
                                                      const char           *text);
char                 *desk_style_apply_first         (DeskStyle            *self,
                                                      const char           *text);
const char           *desk_style_dateline_separator  (DeskStyle            *self);
char                 *desk_style_format_dateline     (DeskStyle            *self,
                                                      const char           *place,
                                                      const char           *agency);
guint                 desk_style_apply_to_draft      (DeskStyle            *self,
                                                      DeskDraft            *draft);

GPtrArray            *desk_style_suggest             (DeskStyle            *self,
                                                      DeskDraft            *draft,
                                                      DeskAliases          *aliases,
                                                      const char * const   *rejected);
guint                 desk_style_replace_forms       (DeskDraft            *draft,
                                                      const char           *house,
                                                      const char * const   *forms,
                                                      const char           *first);

gboolean              desk_style_is_code_like        (const char           *word,
                                                      gsize                 length);

const char           *desk_style_punctuation_to_string   (DeskStylePunctuation  punctuation);
gboolean              desk_style_punctuation_from_string (const char           *name,
                                                          DeskStylePunctuation *punctuation);
const char           *desk_style_spelling_to_string      (DeskStyleSpelling     spelling);
gboolean              desk_style_spelling_from_string    (const char           *name,
                                                          DeskStyleSpelling    *spelling);
const char           *desk_style_dateline_to_string      (DeskStyleDateline     dateline);
gboolean              desk_style_dateline_from_string    (const char           *name,
                                                          DeskStyleDateline    *dateline);
const char           *desk_style_dash_to_string          (DeskStyleDash         dash);
gboolean              desk_style_dash_from_string        (const char           *name,
                                                          DeskStyleDash        *dash);
const char           *desk_style_nbsp_to_string          (DeskStyleNbsp         nbsp);
gboolean              desk_style_nbsp_from_string        (const char           *name,
                                                          DeskStyleNbsp        *nbsp);

G_END_DECLS
