/* desk-sentence.h: sentences, and the words matching compares
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "desk-aliases.h"

G_BEGIN_DECLS

typedef enum
{
  DESK_TOKEN_STOP   = 1 << 0,  /* a function word: "the", "of", "said" */
  DESK_TOKEN_NUMBER = 1 << 1,  /* "130", "two" */
  DESK_TOKEN_DAY    = 1 << 2,  /* "Friday", "today", "Nov" */
  DESK_TOKEN_NAME   = 1 << 3,  /* capitalised inside the sentence */
  DESK_TOKEN_ALIAS  = 1 << 4,  /* stands for an alias-table entry */
} DeskTokenFlags;

typedef struct
{
  guint id;      /* in the lexicon */
  guint start;   /* byte offsets in the text the sentence was cut from */
  guint end;
  guint flags;
  guint words;   /* how many words of the text it stands for (an alias may stand for several) */
} DeskToken;

typedef struct
{
  guint      start;      /* byte offsets in the text */
  guint      end;
  DeskToken *tokens;
  guint      n_tokens;
  guint     *content;    /* sorted, unique ids of the tokens that are not stop words */
  guint      n_content;
  guint64    hash;       /* of the content ids in order: equal for the same content */
  guint64    wording;    /* of all the ids in order: equal for the same wording */
} DeskSentence;

/* Interns the normalised words of one run of the matcher (not thread-safe: one a run). */
typedef struct _DeskLexicon DeskLexicon;

DeskLexicon  *desk_lexicon_new        (DeskAliases  *aliases);
void          desk_lexicon_free       (DeskLexicon  *lexicon);
const char   *desk_lexicon_word       (DeskLexicon  *lexicon,
                                       guint         id);
gboolean      desk_lexicon_is_name    (DeskLexicon  *lexicon,
                                       guint         id);
guint         desk_lexicon_get_n_words (DeskLexicon *lexicon);
guint         desk_lexicon_import     (DeskLexicon  *lexicon,
                                       DeskLexicon  *other,
                                       guint         id,
                                       gboolean      name);
void          desk_lexicon_set_name   (DeskLexicon  *lexicon,
                                       guint         id);
gboolean      desk_token_names_word   (const DeskToken *token);

GArray       *desk_sentence_split     (const char   *text);
GPtrArray    *desk_sentence_parse     (DeskLexicon  *lexicon,
                                       const char   *text);
DeskSentence *desk_sentence_new       (DeskLexicon  *lexicon,
                                       const char   *text,
                                       guint         start,
                                       guint         end);
DeskSentence *desk_sentence_copy_mapped (const DeskSentence *sentence,
                                         const guint        *map);
void          desk_sentence_free      (DeskSentence *sentence);
char         *desk_sentence_normalize (DeskLexicon  *lexicon,
                                       const DeskSentence *sentence);

guint         desk_sentence_overlap   (const DeskSentence *a,
                                       const DeskSentence *b);
double        desk_sentence_contained (const DeskSentence *a,
                                       const DeskSentence *b);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DeskLexicon, desk_lexicon_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (DeskSentence, desk_sentence_free)

G_END_DECLS
