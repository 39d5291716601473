/* desk-suggester.c: what the draft lacks, once, in the right place
 *
 * This is where a suggestion is scored and placed. The suggester works on a snapshot of
 * the project (plain strings, copied on the calling thread), so it can run in a worker
 * thread while the editor goes on typing.
 *
 *  1. Every sentence of the draft goes into an inverted index of its normalised words
 *     (desk-sentence.c decides what a word is).
 *  2. Every sentence of every other source is looked up there: covered (the draft says
 *     it), extends (the draft says it, the source adds a clause), or new. A covered
 *     sentence that differs from its draft sentence in a number, a day or a name is a
 *     conflict. Sentences like ones the editor rejected are left out.
 *  3. New sentences and added clauses from all sources are clustered (an index of
 *     cluster representatives), so that content carried by several sources is one piece.
 *  4. Each source paragraph is a candidate: a missing paragraph if none of its sentences
 *     is in the draft, an addition to the draft paragraph its sentences align with
 *     otherwise. Candidates are taken greedily, most new content first, then the best
 *     version (no broken characters, complete over cut, preferred organisation, clean
 *     source); content already proposed is not proposed again, and the sources that
 *     carry it are listed on the suggestion that proposes it. A writethru's version goes
 *     before the versions it updates.
 *  5. A missing paragraph goes after the draft paragraph that its nearest preceding
 *     aligned paragraph matches, on an order-preserving alignment (longest increasing
 *     run) of the source with the draft.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "desk-block-model.h"
#include "desk-hash.h"
#include "desk-prose.h"
#include "desk-roles-private.h"
#include "desk-sentence.h"
#include "desk-suggester.h"
#include "desk-wire-text-private.h"

/* A source sentence is in the draft when this share of its words is in a draft sentence. */
#define COVERED          0.75
/* ... or in two neighbouring draft sentences together (the source joined them). */
#define COVERED_BY_PAIR  0.85
/* A source sentence extends a draft sentence that it holds this much of ... */
#define EXTENDS          0.70
/* ... by a run of at least this many new words. */
#define CLAUSE_WORDS     2
/* A sentence with at most this many content words is short. */
#define SHORT_SENTENCE   5
/* Two new sentences are the same content when one holds this much of the other. */
#define SAME_CONTENT     0.75
/* ... or, for sentences of at least LONG_SENTENCE content words, this much. */
#define SAME_NEWS        0.65
#define LONG_SENTENCE    12
/* A headline sums up its story in the story's own words: another version's title is a
 * headline for this story only when more than this share of its content words is in the
 * draft. A page's section title or weather bar that a scrape took for the title is not. */
#define HEADLINE_ABOUT_STORY 0.5
/* A source that aligns with no paragraph of the draft tells the same story when at least
 * this share of its names and numbers is in the draft. */
#define SAME_STORY_ANCHORS 0.3
/* A new sentence restates the draft when its anchors, at least this many, are all in the
 * draft, and this share of its content words. */
#define RESTATED_ANCHORS 2
#define RESTATED_SHARE   0.6
/* A paragraph whose names and numbers are all the draft's restates it when this share of
 * its content words is the draft's too. */
#define RESTATES_DRAFT   0.85
/* ... and it has at least this many: a short sentence is a new fact in known words
 * ("He said Putin would deny it.") as often as it is an old one. */
#define RESTATES_MIN_WORDS 8
/* Two blocks of one page that open with this many bytes alike are one text shown twice. */
#define DOUBLED_MIN_BYTES 60
/* A sentence without content words aligns with the draft's only when it has this many
 * words, all the same: "He said." says nothing of where it stands. */
#define WORDED_MIN_TOKENS 5
/* A quotation of at least this many words that the draft has word for word anchors the
 * sentence that carries it to the draft's fact. */
#define QUOTE_MIN_WORDS  5
/* Two words of at least SPELLING_MIN_LENGTH letters that open alike over
 * SPELLING_SAME_START letters and are at most SPELLING_MAX_EDITS edits apart are one word
 * spelled two ways (programs, programmes). */
#define SPELLING_MIN_LENGTH 5
#define SPELLING_SAME_START 3
#define SPELLING_MAX_EDITS  2
/* A photo credit standing alone has fewer words than this ("Photo: First Last, Agency"). */
#define BARE_CREDIT_WORDS 8
/* A paragraph runs when this share of its words is in sentences that run. */
#define PARAGRAPH_RUNS   0.6

typedef struct _AnalysisCache AnalysisCache;

struct _DeskSuggester
{
  GObject      parent_instance;

  DeskAliases *aliases;
  gboolean     show_variants;
  GStrv        learned;        /* of the last run */
  AnalysisCache *cache;        /* what was read of each source, for the next run */

  /* The table runs use: a copy of the suggester's with the project's entries on top,
   * made again only when either changed. A table only grows (desk_aliases_add()), so
   * the same object with as many variants is the same table. Runs share it read-only;
   * learn_aliases() adds to a copy of its own. */
  DeskAliases *merged;
  DeskAliases *merged_base;           /* the suggester's table it was made from (held) */
  guint        merged_base_variants;  /* how many variants that had then */
  char        *merged_project;        /* the project's entries it has, or NULL */
  char        *merged_key;            /* desk_aliases_to_data (merged) */

  GHashTable  *bodies;     /* block model (held) → SourceBody: what the last snapshot took */
  guint64      snapshots;  /* how many were taken */
};

G_DEFINE_FINAL_TYPE (DeskSuggester, desk_suggester, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ALIASES,
  PROP_SHOW_VARIANTS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* ---- The snapshot ---------------------------------------------------------------- */

typedef struct
{
  char      *id;
  char      *name;
  char      *agency;
  char      *title;
  gboolean   repaired;
  guint      supersedes;  /* how many other sources of the project it is an update of */
  GObject   *model;    /* the source's blocks, whose text never changes: kept for texts */
  GPtrArray *texts;    /* const char *: body paragraphs, the blocks' own text */
  GArray    *blocks;   /* guint: their block indexes */
  GBytes    *roles;    /* per block: its role, and ROLE_OVERRIDDEN if the editor set it */
  struct _SourceAnalysis *analysis;  /* this run's, from the cache (borrowed) */
} SnapSource;

/* In SnapSource.roles, beside the role. */
#define ROLE_OVERRIDDEN 0x80

/* What a snapshot takes of a source's blocks besides their roles, kept by the suggester
 * for the next snapshot while the roles are the same (a block's text never changes).
 * Shared read-only with the snapshots. */
typedef struct
{
  GBytes    *roles;   /* as SnapSource.roles */
  GPtrArray *texts;   /* as SnapSource.texts */
  GArray    *blocks;  /* as SnapSource.blocks */
  guint64    taken;   /* the last snapshot that took it */
} SourceBody;

static void
source_body_free (SourceBody *body)
{
  g_bytes_unref (body->roles);
  g_ptr_array_unref (body->texts);
  g_array_unref (body->blocks);
  g_free (body);
}

/* The body paragraphs of @blocks, whose roles are @roles. */
static SourceBody *
source_body_new (DeskBlock * const *blocks,
                 guint              n_blocks,
                 GBytes            *roles)
{
  SourceBody *body = g_new0 (SourceBody, 1);
  const guint8 *role = g_bytes_get_data (roles, NULL);

  body->roles = g_bytes_ref (roles);
  body->texts = g_ptr_array_sized_new (n_blocks);
  body->blocks = g_array_sized_new (FALSE, FALSE, sizeof (guint), n_blocks);
  for (guint b = 0; b < n_blocks; b++)
    {
      if ((role[b] & ~ROLE_OVERRIDDEN) != DESK_BLOCK_ROLE_BODY)
        continue;
      g_ptr_array_add (body->texts, (gpointer)desk_block_get_text (blocks[b]));
      g_array_append_val (body->blocks, b);
    }

  return body;
}

static gboolean
body_not_taken (gpointer key,
                gpointer value,
                gpointer user_data)
{
  return ((SourceBody *)value)->taken != *(guint64 *)user_data;
}

typedef struct
{
  char        *headline;
  GPtrArray   *draft;      /* char * */
  GPtrArray   *sources;    /* SnapSource */
  GPtrArray   *rejected;   /* char * */
  GStrv        org_order;
  DeskAliases *aliases;      /* shared with other snapshots: copied before adding to it */
  char        *aliases_key;  /* desk_aliases_to_data (aliases) */
  gboolean     variants;
  gboolean     learned_pass;  /* the second pass, after aliases were learned */
  GPtrArray   *learned;       /* char *: learned entries, "canonical = variant" */
  AnalysisCache *cache;       /* the suggester's */
} Snapshot;

static AnalysisCache *analysis_cache_ref   (AnalysisCache *cache);
static void           analysis_cache_unref (AnalysisCache *cache);

static void
snap_source_free (SnapSource *source)
{
  g_free (source->id);
  g_free (source->name);
  g_free (source->agency);
  g_free (source->title);
  g_ptr_array_unref (source->texts);
  g_array_unref (source->blocks);
  g_bytes_unref (source->roles);
  g_clear_object (&source->model);
  g_free (source);
}

static void
snapshot_free (Snapshot *snapshot)
{
  g_free (snapshot->headline);
  g_ptr_array_unref (snapshot->draft);
  g_ptr_array_unref (snapshot->sources);
  g_ptr_array_unref (snapshot->rejected);
  g_strfreev (snapshot->org_order);
  g_clear_object (&snapshot->aliases);
  g_free (snapshot->aliases_key);
  g_clear_pointer (&snapshot->learned, g_ptr_array_unref);
  g_clear_pointer (&snapshot->cache, analysis_cache_unref);
  g_free (snapshot);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Snapshot, snapshot_free)

/* Makes self->merged the suggester's table with @project_aliases on top, unless it is. */
static void
merge_aliases (DeskSuggester *self,
               const char    *project_aliases)
{
  if (self->merged != NULL && self->merged_base == self->aliases &&
      self->merged_base_variants == desk_aliases_get_n_variants (self->aliases) &&
      g_strcmp0 (self->merged_project, project_aliases) == 0)
    return;

  g_clear_object (&self->merged);
  g_set_object (&self->merged_base, self->aliases);
  g_clear_pointer (&self->merged_project, g_free);
  g_clear_pointer (&self->merged_key, g_free);

  self->merged = desk_aliases_copy (self->aliases);
  self->merged_base_variants = desk_aliases_get_n_variants (self->aliases);
  /* The project's own entries, on top of the suggester's table (checked when set). */
  if (project_aliases != NULL)
    desk_aliases_load_from_data (self->merged, project_aliases, NULL);
  self->merged_project = g_strdup (project_aliases);
  self->merged_key = desk_aliases_to_data (self->merged);
}

static Snapshot *
snapshot_new (DeskSuggester *self,
              DeskProject   *project)
{
  Snapshot *snapshot = g_new0 (Snapshot, 1);
  DeskDraft *draft = desk_project_get_draft (project);
  GListModel *sources = desk_project_get_sources (project);
  const char *draft_source = desk_project_get_draft_source_id (project);
  const char * const *rejected = desk_project_get_rejected (project);
  guint n_sources = g_list_model_get_n_items (sources);
  g_autoptr(GPtrArray) source_refs = g_ptr_array_new_full (n_sources, g_object_unref);
  g_autoptr(GPtrArray) updates = NULL;
  DeskSource **all_sources;

  for (guint i = 0; i < n_sources; i++)
    g_ptr_array_add (source_refs, g_list_model_get_item (sources, i));
  all_sources = (DeskSource **)source_refs->pdata;
  /* Taken on the main thread: not every pair of a thousand sources. */
  updates = desk_source_find_updates (all_sources, n_sources);

  snapshot->headline = g_strdup (desk_draft_get_headline (draft));
  snapshot->draft = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < desk_draft_get_n_paragraphs (draft); i++)
    g_ptr_array_add (snapshot->draft,
                     g_strdup (desk_paragraph_get_text (desk_draft_get_paragraph (draft, i))));

  snapshot->sources = g_ptr_array_new_with_free_func ((GDestroyNotify)snap_source_free);
  for (guint i = 0; i < n_sources; i++)
    {
      DeskSource *source = all_sources[i];
      DeskBlockModel *model = DESK_BLOCK_MODEL (desk_source_get_blocks (source));
      DeskBlock * const *blocks;
      guint n_blocks;
      SnapSource *snap;
      SourceBody *body;
      guint8 *roles;

      /* The draft's own source is what the editor started from: what the draft no
       * longer has of it, the editor took out. */
      if (g_strcmp0 (desk_source_get_id (source), draft_source) == 0)
        continue;

      snap = g_new0 (SnapSource, 1);
      snap->id = g_strdup (desk_source_get_id (source));
      snap->name = g_strdup (desk_source_get_name (source));
      snap->agency = g_strdup (desk_source_get_agency (source));
      snap->title = g_strdup (desk_source_get_title (source));
      snap->repaired = desk_source_get_n_repaired (source) > 0 || desk_source_get_n_invalid (source) > 0;
      snap->model = g_object_ref (G_OBJECT (model));

      blocks = desk_block_model_peek (model, &n_blocks);
      roles = g_new (guint8, MAX (n_blocks, 1));
      for (guint b = 0; b < n_blocks; b++)
        roles[b] = desk_block_get_role (blocks[b]) |
                   (desk_block_get_role_overridden (blocks[b]) ? ROLE_OVERRIDDEN : 0);
      snap->roles = g_bytes_new_take (roles, n_blocks);

      /* Its body paragraphs, as the last snapshot took them unless a role changed. */
      body = g_hash_table_lookup (self->bodies, model);
      if (body == NULL || !g_bytes_equal (body->roles, snap->roles))
        {
          body = source_body_new (blocks, n_blocks, snap->roles);
          g_hash_table_replace (self->bodies, g_object_ref (model), body);
        }
      body->taken = self->snapshots + 1;
      snap->texts = g_ptr_array_ref (body->texts);
      snap->blocks = g_array_ref (body->blocks);

      snap->supersedes = ((GPtrArray *)g_ptr_array_index (updates, i))->len;

      g_ptr_array_add (snapshot->sources, snap);
    }

  /* The bodies of sources no longer in the project go. */
  self->snapshots++;
  g_hash_table_foreach_remove (self->bodies, body_not_taken, &self->snapshots);

  snapshot->rejected = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; rejected[i] != NULL; i++)
    g_ptr_array_add (snapshot->rejected, g_strdup (rejected[i]));

  snapshot->org_order = g_strdupv ((GStrv)desk_project_get_organization_order (project));
  merge_aliases (self, desk_project_get_aliases (project));
  snapshot->aliases = g_object_ref (self->merged);
  snapshot->aliases_key = g_strdup (self->merged_key);
  snapshot->variants = self->show_variants;
  snapshot->learned = g_ptr_array_new_with_free_func (g_free);
  snapshot->cache = analysis_cache_ref (self->cache);

  return snapshot;
}

/* ---- What was read of each source, kept between runs ------------------------------------
 *
 * A source's text never changes, and between two runs the editor has taken a decision on
 * the draft, not on the sources: what the suggester reads of a source alone (its sentences
 * and their words, whether each paragraph and sentence reads as running text, which of its
 * blocks are captions, which interrupt a story's run) is kept in an AnalysisCache that the
 * suggester owns, by the source's block model (held, so the key stays that source's) and
 * the roles its blocks had: correcting a role or restoring a furniture block reads the
 * source again. A text is read once however many versions carry it, and the draft's
 * paragraphs, its headline and the rejected texts are read the same way: after an accept,
 * only the new paragraph is parsed.
 *
 * Sentences are parsed with a lexicon the cache keeps, and each text's words are imported
 * into a run's lexicon (desk_lexicon_import()) in the order a run that parsed it would
 * have met them, text after text as a run reads them: a run's word ids, what it takes for
 * a name, and so everything it suggests, are those of a run that parsed everything
 * afresh. Parsing depends on the alias table: the cache keeps what was read with the last
 * two tables (the suggester's own, and the one with the names a run learned). The cache's
 * lexicon keeps every word it has read, drafts typed and retyped included: when it holds
 * twice the words it had after its first run, what was read with it is read afresh.
 *
 * Which texts some source shows as a photo's caption is marked on their analyses and
 * found again only when the sources' analyses change (find_captions()); the alias table a
 * run reads with is made again only when the suggester's or the project's changes
 * (merge_aliases()).
 *
 * A run holds the cache's lock from start to end: a cancelled run that is still finishing
 * in its worker and the next one take turns. */

/* One text, read once for every source that has it (a roundup's versions share most of
 * their paragraphs). */
typedef struct
{
  guint      ref_count;       /* the sources that have it, and the generation's table */
  guint64    used;            /* the last run that read it as the draft's or a rejected text */
  char      *text;
  GPtrArray *sentences;       /* DeskSentence, in the words of the generation's lexicon */
  GArray    *words;           /* guint: its words in the order they first appear, each as
                               * its id << 1, | 1 where it is a name */
  int        prose;           /* DeskProseKind of the paragraph */
  int       *sentence_prose;  /* per sentence: its DeskProseKind, or -1 until judged */
  guint64    caption;         /* Generation.captions_made when a source of the runs since
                               * shows its text as a photo's caption (find_captions()) */
} ParagraphAnalysis;

typedef struct _SourceAnalysis
{
  GObject     *model;       /* the blocks it was read from */
  GBytes      *roles;       /* the roles they had then, as SnapSource.roles */
  GArray      *words;       /* guint: the words of its body paragraphs in the order they
                             * first appear, each as its id << 1, | 1 where it is a name */
  GPtrArray   *paragraphs;  /* ParagraphAnalysis, per body paragraph */
  GPtrArray   *captions;    /* const char *: the texts of blocks shown as a photo's caption */
  gboolean    *breaks;      /* per block: whether it interrupts a story's run */
  guint        n_blocks;
  char        *title;       /* the source's title, when read */
  gboolean     headline;    /* whether it can be proposed as the headline (is_headline()) */
  guint64      title_hash;  /* then: the hash of its words as one sentence */
  GArray      *title_content; /* guint: and its content words, in the cache's lexicon */
  guint64      used;        /* the last run it served */
  guint64      serial;      /* which analysis of the generation it is, from 1 */
} SourceAnalysis;

typedef struct
{
  char        *aliases;     /* the alias table its sentences were parsed with, as text */
  DeskLexicon *lexicon;     /* their words */
  guint        first_words; /* how many it had after the first run */
  GHashTable  *sources;     /* block model → SourceAnalysis */
  GHashTable  *paragraphs;  /* text → ParagraphAnalysis */
  guint64      used;
  guint64      serials;     /* SourceAnalysis.serial of the last one made */
  GArray      *caption_serials; /* guint64: the analyses the captions were last found in,
                                 * in the run's order of sources */
  guint64      captions_made;   /* how many times they were found */
} Generation;

struct _AnalysisCache
{
  gatomicrefcount ref_count;
  GMutex          lock;            /* held by a run from start to end */
  Generation     *generations[2];  /* by alias table, the least recently used replaced */
  guint64         runs;
};

static void
paragraph_analysis_unref (ParagraphAnalysis *paragraph)
{
  /* Only ever under the cache's lock. */
  if (--paragraph->ref_count > 0)
    return;
  g_free (paragraph->text);
  g_ptr_array_unref (paragraph->sentences);
  g_array_unref (paragraph->words);
  g_free (paragraph->sentence_prose);
  g_free (paragraph);
}

/* @text as read with @lexicon: its sentences, its words in the order a parse meets them,
 * whether it reads as running text. */
static ParagraphAnalysis *
paragraph_analysis_new (const char  *text,
                        DeskLexicon *lexicon)
{
  ParagraphAnalysis *paragraph = g_new0 (ParagraphAnalysis, 1);
  g_autoptr(GHashTable) seen = g_hash_table_new (NULL, NULL);   /* id + 1 → index + 1 */

  paragraph->ref_count = 1;
  paragraph->text = g_strdup (text);
  paragraph->sentences = desk_sentence_parse (lexicon, text);
  paragraph->words = g_array_new (FALSE, FALSE, sizeof (guint));
  for (guint k = 0; k < paragraph->sentences->len; k++)
    {
      const DeskSentence *sentence = g_ptr_array_index (paragraph->sentences, k);

      for (guint t = 0; t < sentence->n_tokens; t++)
        {
          const DeskToken *token = &sentence->tokens[t];
          guint at = GPOINTER_TO_UINT (g_hash_table_lookup (seen, GUINT_TO_POINTER (token->id + 1)));

          if (at == 0)
            {
              guint word = token->id << 1;

              g_array_append_val (paragraph->words, word);
              at = paragraph->words->len;
              g_hash_table_insert (seen, GUINT_TO_POINTER (token->id + 1), GUINT_TO_POINTER (at));
            }
          if (desk_token_names_word (token))
            g_array_index (paragraph->words, guint, at - 1) |= 1;
        }
    }
  paragraph->prose = desk_prose_judge (text, -1, DESK_PROSE_PARAGRAPH);
  paragraph->sentence_prose = g_new (int, MAX (paragraph->sentences->len, 1));
  for (guint k = 0; k < paragraph->sentences->len; k++)
    paragraph->sentence_prose[k] = -1;

  return paragraph;
}

static void
source_analysis_free (SourceAnalysis *analysis)
{
  g_object_unref (analysis->model);
  g_bytes_unref (analysis->roles);
  g_array_unref (analysis->words);
  g_ptr_array_unref (analysis->paragraphs);
  g_ptr_array_unref (analysis->captions);
  g_free (analysis->breaks);
  g_free (analysis->title);
  g_array_unref (analysis->title_content);
  g_free (analysis);
}

static void
generation_free (Generation *generation)
{
  if (generation == NULL)
    return;
  g_free (generation->aliases);
  g_hash_table_unref (generation->sources);
  g_hash_table_unref (generation->paragraphs);
  g_clear_pointer (&generation->caption_serials, g_array_unref);
  desk_lexicon_free (generation->lexicon);
  g_free (generation);
}

static AnalysisCache *
analysis_cache_new (void)
{
  AnalysisCache *cache = g_new0 (AnalysisCache, 1);

  g_atomic_ref_count_init (&cache->ref_count);
  g_mutex_init (&cache->lock);

  return cache;
}

static AnalysisCache *
analysis_cache_ref (AnalysisCache *cache)
{
  g_atomic_ref_count_inc (&cache->ref_count);
  return cache;
}

static void
analysis_cache_unref (AnalysisCache *cache)
{
  if (!g_atomic_ref_count_dec (&cache->ref_count))
    return;

  for (guint i = 0; i < G_N_ELEMENTS (cache->generations); i++)
    generation_free (cache->generations[i]);
  g_mutex_clear (&cache->lock);
  g_free (cache);
}

/* The analyses made with @aliases, whose text form is @aliases_key; a new run of the
 * cache. Call with the lock held. */
static Generation *
analysis_cache_begin (AnalysisCache *cache,
                      DeskAliases   *aliases,
                      const char    *aliases_key)
{
  g_autofree char *key = g_strdup (aliases_key);
  Generation *generation;
  guint slot;

  cache->runs++;
  for (slot = 0; slot < G_N_ELEMENTS (cache->generations); slot++)
    {
      generation = cache->generations[slot];
      if (generation == NULL || !g_str_equal (generation->aliases, key))
        continue;
      if (generation->first_words == 0 ||
          desk_lexicon_get_n_words (generation->lexicon) <= 2 * generation->first_words)
        {
          generation->used = cache->runs;
          return generation;
        }
      /* Grown with words no text in use may have: read afresh. */
      break;
    }

  if (slot == G_N_ELEMENTS (cache->generations))
    slot = cache->generations[0] == NULL ? 0 :
           cache->generations[1] == NULL ? 1 :
           cache->generations[0]->used <= cache->generations[1]->used ? 0 : 1;
  generation_free (cache->generations[slot]);
  generation = g_new0 (Generation, 1);
  generation->aliases = g_steal_pointer (&key);
  generation->lexicon = desk_lexicon_new (aliases);
  generation->paragraphs = g_hash_table_new_full (desk_hash_text, g_str_equal, NULL,
                                                  (GDestroyNotify)paragraph_analysis_unref);
  generation->sources = g_hash_table_new_full (NULL, NULL, NULL,
                                               (GDestroyNotify)source_analysis_free);
  generation->used = cache->runs;
  cache->generations[slot] = generation;

  return generation;
}

static gboolean
analysis_unused (gpointer key,
                 gpointer value,
                 gpointer user_data)
{
  return ((SourceAnalysis *)value)->used != *(guint64 *)user_data;
}

static gboolean
paragraph_unused (gpointer key,
                  gpointer value,
                  gpointer user_data)
{
  ParagraphAnalysis *paragraph = value;

  return paragraph->ref_count == 1 && paragraph->used != *(guint64 *)user_data;
}

/* After a run: what no source of it used (a source removed) is dropped, and draft and
 * rejected texts it did not read (the editor changed them). */
static void
analysis_cache_end (AnalysisCache *cache,
                    Generation    *generation)
{
  g_hash_table_foreach_remove (generation->sources, analysis_unused, &cache->runs);
  g_hash_table_foreach_remove (generation->paragraphs, paragraph_unused, &cache->runs);
  if (generation->first_words == 0)
    generation->first_words = MAX (desk_lexicon_get_n_words (generation->lexicon), 1);
}

/* @text as the generation read it, read now if it is new. */
static ParagraphAnalysis *
generation_read (Generation *generation,
                 const char *text)
{
  ParagraphAnalysis *paragraph = g_hash_table_lookup (generation->paragraphs, text);

  if (paragraph == NULL)
    {
      paragraph = paragraph_analysis_new (text, generation->lexicon);
      g_hash_table_insert (generation->paragraphs, paragraph->text, paragraph);
    }

  return paragraph;
}

static SourceAnalysis *source_analysis_new (SnapSource  *source,
                                            Generation  *generation);

/* @source's analysis, read now unless it was read before with the same roles. */
static SourceAnalysis *
analysis_cache_lookup (AnalysisCache *cache,
                       Generation    *generation,
                       SnapSource    *source)
{
  SourceAnalysis *analysis = g_hash_table_lookup (generation->sources, source->model);

  if (analysis == NULL || !g_bytes_equal (analysis->roles, source->roles) ||
      g_strcmp0 (analysis->title, source->title) != 0)
    {
      analysis = source_analysis_new (source, generation);
      analysis->serial = ++generation->serials;
      g_hash_table_replace (generation->sources, source->model, analysis);
    }
  analysis->used = cache->runs;

  return analysis;
}

/* ---- An inverted index of sentences by their words ---------------------------------- */

typedef struct
{
  GHashTable *postings;   /* word id → GArray of guint entries */
  GPtrArray  *sentences;  /* by entry: the DeskSentence it was added with (borrowed) */
  GArray     *counts;     /* scratch: overlap per entry */
  GArray     *touched;    /* scratch: entries with a count */
  GArray     *common;     /* scratch: ids of the sentence's common words */
} Index;

/* A word in more entries than this is common: its entries are not walked one by one (a
 * draft of ten thousand paragraphs made every lookup walk most of them); the entries the
 * rarer words found are asked whether they have it. */
#define COMMON_POSTINGS  256
/* ... and at most this many of those entries, the ones that share most rare words. */
#define COMMON_CHECKS    64

static void
index_init (Index *index)
{
  index->postings = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify)g_array_unref);
  index->sentences = g_ptr_array_new ();
  index->counts = g_array_new (FALSE, TRUE, sizeof (guint));
  index->touched = g_array_new (FALSE, FALSE, sizeof (guint));
  index->common = g_array_new (FALSE, FALSE, sizeof (guint));
}

static void
index_clear (Index *index)
{
  g_clear_pointer (&index->postings, g_hash_table_unref);
  g_clear_pointer (&index->sentences, g_ptr_array_unref);
  g_clear_pointer (&index->counts, g_array_unref);
  g_clear_pointer (&index->touched, g_array_unref);
  g_clear_pointer (&index->common, g_array_unref);
}

static void
index_add (Index              *index,
           guint               entry,
           const DeskSentence *sentence)
{
  if (index->counts->len <= entry)
    g_array_set_size (index->counts, entry + 1);
  if (index->sentences->len <= entry)
    g_ptr_array_set_size (index->sentences, entry + 1);
  g_ptr_array_index (index->sentences, entry) = (gpointer)sentence;

  for (guint i = 0; i < sentence->n_content; i++)
    {
      gpointer key = GUINT_TO_POINTER (sentence->content[i] + 1);
      GArray *list = g_hash_table_lookup (index->postings, key);

      if (list == NULL)
        {
          list = g_array_new (FALSE, FALSE, sizeof (guint));
          g_hash_table_insert (index->postings, key, list);
        }
      g_array_append_val (list, entry);
    }
}

/* Counts, for every entry that shares a word with @sentence, how many words it shares.
 * The entries are left in index->touched, their counts in index->counts; call
 * index_reset() when done with them. */
static void
walk_postings (Index  *index,
               GArray *list)
{
  for (guint j = 0; j < list->len; j++)
    {
      guint entry = g_array_index (list, guint, j);
      guint *count = &g_array_index (index->counts, guint, entry);

      /* The same word twice in one entry counts once: postings are appended in order,
       * so a repeat is adjacent. */
      if (j > 0 && g_array_index (list, guint, j - 1) == entry)
        continue;
      if ((*count)++ == 0)
        g_array_append_val (index->touched, entry);
    }
}

static gboolean
has_content (const DeskSentence *sentence,
             guint               id)
{
  guint low = 0, high = sentence->n_content;

  while (low < high)
    {
      guint mid = (low + high) / 2;

      if (sentence->content[mid] == id)
        return TRUE;
      if (sentence->content[mid] < id)
        low = mid + 1;
      else
        high = mid;
    }
  return FALSE;
}

static int
compare_counts (gconstpointer a,
                gconstpointer b,
                gpointer      data)
{
  GArray *counts = data;
  guint ca = g_array_index (counts, guint, *(const guint *)a);
  guint cb = g_array_index (counts, guint, *(const guint *)b);

  if (ca != cb)
    return ca > cb ? -1 : 1;
  return *(const guint *)a < *(const guint *)b ? -1 : *(const guint *)a > *(const guint *)b;
}

static void
index_lookup (Index              *index,
              const DeskSentence *sentence)
{
  GArray *shortest = NULL;
  guint shortest_word = 0;

  g_array_set_size (index->common, 0);

  for (guint i = 0; i < sentence->n_content; i++)
    {
      GArray *list = g_hash_table_lookup (index->postings, GUINT_TO_POINTER (sentence->content[i] + 1));

      if (list == NULL)
        continue;
      if (list->len <= COMMON_POSTINGS)
        walk_postings (index, list);
      else
        {
          g_array_append_val (index->common, sentence->content[i]);
          if (shortest == NULL || list->len < shortest->len)
            {
              shortest = list;
              shortest_word = sentence->content[i];
            }
        }
    }

  if (index->common->len == 0)
    return;

  /* Only common words: their shortest list finds the entries. */
  if (index->touched->len == 0)
    walk_postings (index, shortest);
  else
    shortest_word = G_MAXUINT;

  /* The entries that share most rare words are asked; one that shares few of them does
   * not become the best match on common words alone. */
  if (index->touched->len > COMMON_CHECKS)
    g_array_sort_with_data (index->touched, compare_counts, index->counts);

  for (guint t = 0; t < MIN (index->touched->len, COMMON_CHECKS); t++)
    {
      guint entry = g_array_index (index->touched, guint, t);
      const DeskSentence *other = g_ptr_array_index (index->sentences, entry);

      for (guint c = 0; c < index->common->len; c++)
        {
          guint id = g_array_index (index->common, guint, c);

          if (id != shortest_word && has_content (other, id))
            g_array_index (index->counts, guint, entry)++;
        }
    }
}

static void
index_reset (Index *index)
{
  for (guint i = 0; i < index->touched->len; i++)
    g_array_index (index->counts, guint, g_array_index (index->touched, guint, i)) = 0;
  g_array_set_size (index->touched, 0);
}

/* ---- The run ------------------------------------------------------------------------ */

typedef enum
{
  STATUS_IGNORED,
  STATUS_NEW,
  STATUS_COVERED,
  STATUS_EXTENDS,
} Status;

typedef struct
{
  DeskSentence *sentence;
  guint         paragraph;
} DraftSentence;

/* A piece of new content: a new sentence, or the clause a sentence adds. */
typedef struct
{
  DeskSentence *unit;        /* the words of the new part */
  GArray       *clusters;    /* guint */
} Item;

typedef struct
{
  DeskSentence *sentence;
  Status        status;
  int           draft;       /* index into draft sentences, or -1 */
  Item         *item;        /* for new and extending sentences */
  DeskSuggestion *noted;     /* the conflict or variant it was noted in */
  guint         clause_start;
  guint         clause_end;
  int           prose;       /* DeskProseKind of the sentence, or -1 until judged */
  int          *judged;      /* where its analysis keeps that, across runs */
} SourceSentence;

typedef struct
{
  SnapSource  *source;
  guint        source_index;
  guint        paragraph;   /* index among the source's body paragraphs */
  const char  *text;
  GPtrArray   *sentences;   /* SourceSentence */
  int          aligned;     /* draft paragraph its sentences match, or -1 */
  GArray      *clusters;    /* guint, sorted unique */
  guint        n_words;
  gboolean     broken;      /* has U+FFFD */
  int          org_rank;
  gboolean     held;        /* not the story's text: not proposed (see judge_source) */
  gboolean     anchor;      /* running text aligned with the draft: places what is around it */
  ParagraphAnalysis *analysis;  /* what was read of the paragraph alone */
} Candidate;

/* A set of lexicon word ids, a bit apiece: the word ids of a lexicon are dense, and a
 * roundup adds a few hundred thousand of them. */
typedef struct
{
  guint64 *bits;
  guint    n_longs;
} WordSet;

static WordSet *
word_set_new (void)
{
  return g_new0 (WordSet, 1);
}

static void
word_set_free (WordSet *set)
{
  if (set == NULL)
    return;
  g_free (set->bits);
  g_free (set);
}

static void
word_set_add (WordSet *set,
              guint    id)
{
  guint word = id / 64;

  if (word >= set->n_longs)
    {
      guint n_longs = MAX (word + 1, set->n_longs * 2);

      set->bits = g_renew (guint64, set->bits, n_longs);
      memset (set->bits + set->n_longs, 0, (n_longs - set->n_longs) * sizeof (guint64));
      set->n_longs = n_longs;
    }
  set->bits[word] |= G_GUINT64_CONSTANT (1) << (id % 64);
}

static gboolean
word_set_contains (const WordSet *set,
                   guint          id)
{
  guint word = id / 64;

  return word < set->n_longs && (set->bits[word] & (G_GUINT64_CONSTANT (1) << (id % 64))) != 0;
}

typedef struct
{
  DeskLexicon *lexicon;
  Snapshot    *snapshot;
  GPtrArray   *draft_sentences;  /* DraftSentence */
  GPtrArray   *draft_parsed;     /* per paragraph: GPtrArray of DeskSentence (owned) */
  GPtrArray   *draft_words;      /* per paragraph: WordSet of content word ids */
  GPtrArray   *rejected;         /* DeskSentence */
  Index        draft_index;
  Index        rejected_index;
  Index        cluster_index;
  GPtrArray   *cluster_reps;     /* DeskSentence (borrowed) */
  GPtrArray   *cluster_sources;  /* GHashTable: source index + 1 of every member */
  GPtrArray   *candidates;       /* Candidate, in the slab */
  Candidate   *slab;             /* every candidate of the run, in one block: a roundup has
                                  * one a paragraph of every source */
  guint        n_slab;
  guint        slab_used;
  GPtrArray   *items;            /* Item */
  GPtrArray   *owned_units;      /* DeskSentence made for clauses */
  GHashTable  *conflicts;        /* key → DeskSuggestion */
  GHashTable  *variants;         /* key → DeskSuggestion */
  GHashTable  *seen_texts;       /* ParagraphAnalysis (one a text) → the first Candidate with it */
  WordSet     *draft_all_words;  /* content word ids of the whole draft */
  GPtrArray   *source_words;     /* per source: WordSet of content word ids, or NULL until
                                  * learn_aliases() asks (source_words_of()) */
  GArray      *name_pairs;       /* NamePair: names a source may call otherwise */
  int          current_draft;    /* the draft sentence classify_sentence is comparing with */
  Generation  *generation;       /* the analyses the run reads */
  GArray      *draft_ids;        /* guint: the draft's word ids in order, G_MAXUINT between
                                  * paragraphs */
  ParagraphAnalysis *headline;   /* the draft's headline as the cache read it, or NULL */
  DeskLexicon *cache_lexicon;    /* the words of the sources' analyses */
  guint       *map;              /* their ids in this run's lexicon, or G_MAXUINT */
  guint        n_map;
  gboolean    *imported;         /* per source: whether its words are in this run's */
  GPtrArray   *results;
} Run;

static void
source_sentence_free (SourceSentence *sentence)
{
  desk_sentence_free (sentence->sentence);
  g_free (sentence);
}

static void
item_free (Item *item)
{
  g_array_unref (item->clusters);
  g_free (item);
}

/* Candidates live in their run's slab (run_new_candidate()): this frees what one holds. */
static void
candidate_free (Candidate *candidate)
{
  g_ptr_array_unref (candidate->sentences);
  g_array_unref (candidate->clusters);
}

static void
run_clear (Run *run)
{
  g_clear_pointer (&run->draft_sentences, g_ptr_array_unref);
  g_clear_pointer (&run->draft_parsed, g_ptr_array_unref);
  g_clear_pointer (&run->draft_words, g_ptr_array_unref);
  g_clear_pointer (&run->rejected, g_ptr_array_unref);
  index_clear (&run->draft_index);
  index_clear (&run->rejected_index);
  index_clear (&run->cluster_index);
  g_clear_pointer (&run->cluster_reps, g_ptr_array_unref);
  g_clear_pointer (&run->cluster_sources, g_ptr_array_unref);
  g_clear_pointer (&run->candidates, g_ptr_array_unref);
  g_clear_pointer (&run->slab, g_free);
  g_clear_pointer (&run->items, g_ptr_array_unref);
  g_clear_pointer (&run->owned_units, g_ptr_array_unref);
  g_clear_pointer (&run->conflicts, g_hash_table_unref);
  g_clear_pointer (&run->variants, g_hash_table_unref);
  g_clear_pointer (&run->seen_texts, g_hash_table_unref);
  g_clear_pointer (&run->draft_all_words, word_set_free);
  g_clear_pointer (&run->source_words, g_ptr_array_unref);
  g_clear_pointer (&run->name_pairs, g_array_unref);
  g_clear_pointer (&run->draft_ids, g_array_unref);
  g_clear_pointer (&run->map, g_free);
  g_clear_pointer (&run->imported, g_free);
  g_clear_pointer (&run->results, g_ptr_array_unref);
  g_clear_pointer (&run->lexicon, desk_lexicon_free);
}

/* A new candidate, zeroed, from the run's slab. */
static Candidate *
run_new_candidate (Run *run)
{
  g_assert (run->slab_used < run->n_slab);
  return &run->slab[run->slab_used++];
}

static const DeskSentence *
draft_sentence (Run  *run,
                guint index)
{
  return ((DraftSentence *)g_ptr_array_index (run->draft_sentences, index))->sentence;
}

static guint
draft_paragraph_of (Run  *run,
                    guint index)
{
  return ((DraftSentence *)g_ptr_array_index (run->draft_sentences, index))->paragraph;
}

/* Content words of @a that are also in @b or @c. */
static guint
overlap_with_pair (const DeskSentence *a,
                   const DeskSentence *b,
                   const DeskSentence *c)
{
  guint n = 0;

  for (guint i = 0; i < a->n_content; i++)
    {
      guint id = a->content[i];
      gboolean found = FALSE;

      for (guint j = 0; !found && j < b->n_content; j++)
        found = b->content[j] == id;
      for (guint j = 0; !found && j < c->n_content; j++)
        found = c->content[j] == id;
      n += found;
    }

  return n;
}

/* Whether @a says nothing that @b does not, given that they share @overlap content words.
 * A short sentence is not in a much longer one just because its few words are. */
static gboolean
holds (const DeskSentence *a,
       const DeskSentence *b,
       guint               overlap,
       double              share)
{
  if (a->n_content == 0)
    return TRUE;
  if ((double)overlap / a->n_content < share)
    return FALSE;

  return a->n_content > SHORT_SENTENCE || (double)overlap / MAX (b->n_content, 1) >= 0.35;
}

static gboolean
is_rejected (Run                *run,
             const DeskSentence *sentence)
{
  gboolean rejected = FALSE;

  if (run->rejected->len == 0 || sentence->n_content == 0)
    return FALSE;

  index_lookup (&run->rejected_index, sentence);
  for (guint i = 0; i < run->rejected_index.touched->len && !rejected; i++)
    {
      guint entry = g_array_index (run->rejected_index.touched, guint, i);
      guint overlap = g_array_index (run->rejected_index.counts, guint, entry);

      rejected = holds (sentence, g_ptr_array_index (run->rejected, entry), overlap, COVERED);
    }
  index_reset (&run->rejected_index);

  return rejected;
}

/* Finds the longest stretch of @sentence whose content words the draft paragraph lacks;
 * stop words inside it are part of it. Returns the number of new words (an entity such as
 * "the European Union" counts its words). */
static guint
find_clause (const DeskSentence *sentence,
             const WordSet      *paragraph_words,
             guint              *start,
             guint              *end)
{
  guint best = 0, run_words = 0;
  gboolean run_named = FALSE;
  int run_first = -1, run_last = -1;

  for (guint i = 0; i <= sentence->n_tokens; i++)
    {
      gboolean is_new = FALSE;
      gboolean is_stop = FALSE;

      if (i < sentence->n_tokens)
        {
          const DeskToken *token = &sentence->tokens[i];

          is_stop = (token->flags & DESK_TOKEN_STOP) != 0;
          if (!is_stop)
            is_new = !word_set_contains (paragraph_words, token->id);
        }

      if (is_new)
        {
          if (run_first < 0)
            run_first = i;
          run_last = i;
          run_words += sentence->tokens[i].words;
          run_named |= (sentence->tokens[i].flags & DESK_TOKEN_NAME) != 0;
        }
      else if (!is_stop || i == sentence->n_tokens)
        {
          /* A clause this short says something only if it names someone or something
           * ("as did the European Union"); "early Friday" is a detail. */
          if (run_words <= CLAUSE_WORDS && !run_named)
            run_words = 0;

          if (run_words > best)
            {
              best = run_words;
              *start = sentence->tokens[run_first].start;
              *end = sentence->tokens[run_last].end;
            }
          run_first = run_last = -1;
          run_words = 0;
          run_named = FALSE;
        }
    }

  return best;
}

static guint
edit_distance (const char *a,
               const char *b)
{
  gsize la = strlen (a), lb = strlen (b);
  g_autofree guint *row = g_new (guint, lb + 1);

  if (la > 32 || lb > 32)
    return MAX (la, lb);

  for (gsize j = 0; j <= lb; j++)
    row[j] = j;

  for (gsize i = 1; i <= la; i++)
    {
      guint diagonal = row[0];

      row[0] = i;
      for (gsize j = 1; j <= lb; j++)
        {
          guint above = row[j];
          guint cost = a[i - 1] == b[j - 1] ? 0 : 1;

          row[j] = MIN (MIN (row[j] + 1, row[j - 1] + 1), diagonal + cost);
          diagonal = above;
        }
    }

  return row[lb];
}

static gboolean
has_token (const DeskSentence *sentence,
           guint               id)
{
  for (guint i = 0; i < sentence->n_tokens; i++)
    if (sentence->tokens[i].id == id)
      return TRUE;
  return FALSE;
}

/* Whether @token is of @kind; a word that opens a sentence is a name if it was seen
 * capitalised inside one. */
static gboolean
token_is (Run             *run,
          const DeskToken *token,
          guint            kind)
{
  if (token->flags & kind)
    return TRUE;

  return kind == DESK_TOKEN_NAME && !(token->flags & (DESK_TOKEN_STOP | DESK_TOKEN_DAY | DESK_TOKEN_NUMBER)) &&
         desk_lexicon_is_name (run->lexicon, token->id);
}

/* Whether @token of @sentence is written in capitals and its letters are the initials of a
 * run of names in @other: "CCG" and "Canadian Coast Guard". */
static gboolean
is_acronym_of (Run                *run,
               const DeskSentence *sentence,
               const DeskToken    *token,
               const DeskSentence *other)
{
  const char *word = desk_lexicon_word (run->lexicon, token->id);
  gsize length = strlen (word);

  if (length < 2 || length > 8 || token->end - token->start != length)
    return FALSE;

  for (guint i = 0; i + length <= other->n_tokens; i++)
    {
      gboolean match = TRUE;

      for (guint k = 0; match && k < length; k++)
        {
          const DeskToken *t = &other->tokens[i + k];
          const char *w = desk_lexicon_word (run->lexicon, t->id);

          match = (t->flags & DESK_TOKEN_NAME) && w[0] == word[k];
        }

      if (match)
        return TRUE;
    }

  return FALSE;
}

/* Whether token @i of @a and token @j of @b stand between the same words: the word before
 * them or the word after them is the same. */
static gboolean
same_slot (const DeskSentence *a,
           guint               i,
           const DeskSentence *b,
           guint               j)
{
  return (i > 0 && j > 0 && a->tokens[i - 1].id == b->tokens[j - 1].id) ||
         (i + 1 < a->n_tokens && j + 1 < b->n_tokens && a->tokens[i + 1].id == b->tokens[j + 1].id);
}

/* Whether token @i of @sentence is of @kind where it stands. A word the lexicon knows as a
 * name is one here only where it is capitalised, or opens the sentence, where capitals
 * tell nothing: "the president" is not "President Trump"'s name. */
static gboolean
token_is_here (Run                *run,
               const DeskSentence *sentence,
               guint               i,
               guint               kind)
{
  const DeskToken *token = &sentence->tokens[i];

  if (kind == DESK_TOKEN_NAME && !(token->flags & DESK_TOKEN_NAME) && i > 0)
    return FALSE;
  return token_is (run, token, kind);
}

/* The facts of @source that @draft states otherwise: numbers, days and names present on
 * one side only, where the other side has one of the same kind in their place.
 * Returns the byte ranges of the source's side, or NULL when they agree. */
static GArray *
find_conflict (Run                *run,
               const DeskSentence *source,
               const DeskSentence *draft)
{
  static const guint kinds[] = { DESK_TOKEN_NUMBER, DESK_TOKEN_DAY, DESK_TOKEN_NAME };
  GArray *ranges = NULL;

  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    {
      g_autoptr(GArray) only_source = g_array_new (FALSE, FALSE, sizeof (guint));
      gboolean draft_has_other = FALSE;

      for (guint i = 0; i < source->n_tokens; i++)
        if (token_is_here (run, source, i, kinds[k]) && !has_token (draft, source->tokens[i].id))
          g_array_append_val (only_source, i);

      for (guint i = 0; i < draft->n_tokens && only_source->len > 0; i++)
        {
          const DeskToken *token = &draft->tokens[i];

          if (!token_is_here (run, draft, i, kinds[k]) || has_token (source, token->id))
            continue;

          if (kinds[k] == DESK_TOKEN_NAME)
            {
              /* A spelling ("Barak", "Barack") is not a different person; only a
               * name that replaces a name of the same length class counts. */
              for (guint j = 0; j < only_source->len; j++)
                {
                  const DeskToken *other = &source->tokens[g_array_index (only_source, guint, j)];
                  const char *a = desk_lexicon_word (run->lexicon, token->id);
                  const char *b = desk_lexicon_word (run->lexicon, other->id);

                  if ((other->flags & DESK_TOKEN_ALIAS) || (token->flags & DESK_TOKEN_ALIAS))
                    continue;
                  if (is_acronym_of (run, source, other, draft) || is_acronym_of (run, draft, token, source))
                    continue;
                  /* A name stands in place of another only where the two sentences
                   * put it, between the same words ("Minister Ursula …" against
                   * "Minister Thomas …"); "President Bashar Assad" against "Assad, with
                   * Hollande saying" gives a fuller name, not another person. */
                  if (!same_slot (source, g_array_index (only_source, guint, j), draft, i))
                    continue;
                  if (edit_distance (a, b) > 2)
                    draft_has_other = TRUE;
                }
            }
          else
            draft_has_other = TRUE;
        }

      /* Names conflict only where the sentences are otherwise the same. */
      if (kinds[k] == DESK_TOKEN_NAME && (only_source->len > 1 ||
          desk_sentence_contained (source, draft) < 0.85))
        draft_has_other = FALSE;

      if (draft_has_other)
        {
          if (ranges == NULL)
            ranges = g_array_new (FALSE, FALSE, sizeof (guint));
          for (guint j = 0; j < only_source->len; j++)
            {
              const DeskToken *token = &source->tokens[g_array_index (only_source, guint, j)];

              g_array_append_val (ranges, token->start);
              g_array_append_val (ranges, token->end);
            }
        }
    }

  return ranges;
}

static char *
sentence_text (const char         *text,
               const DeskSentence *sentence)
{
  return g_strndup (text + sentence->start, sentence->end - sentence->start);
}

static void
note_conflict (Run                *run,
               Candidate          *candidate,
               SourceSentence     *ss,
               GArray             *ranges)
{
  const DeskSentence *draft = draft_sentence (run, ss->draft);
  guint paragraph = draft_paragraph_of (run, ss->draft);
  const char *draft_text = g_ptr_array_index (run->snapshot->draft, paragraph);
  g_autofree char *text = sentence_text (candidate->text, ss->sentence);
  g_autoptr(GString) key = g_string_new (NULL);
  g_autoptr(GString) facts = g_string_new (NULL);
  DeskSuggestion *suggestion;

  /* Two versions differ on a fact only in their running text: not in a caption's credit,
   * a contact block's numbers or a label. */
  if (desk_prose_judge (candidate->text + ss->sentence->start,
                        ss->sentence->end - ss->sentence->start,
                        DESK_PROSE_IN_PARAGRAPH) != DESK_PROSE_SENTENCE)
    return;

  for (guint i = 0; i + 1 < ranges->len; i += 2)
    {
      guint start = g_array_index (ranges, guint, i), end = g_array_index (ranges, guint, i + 1);

      if (facts->len > 0)
        g_string_append (facts, ", ");
      g_string_append_len (facts, candidate->text + start, end - start);
    }

  g_string_printf (key, "%d:%s", ss->draft, facts->str);
  suggestion = g_hash_table_lookup (run->conflicts, key->str);
  if (suggestion == NULL)
    {
      g_autofree char *draft_side = sentence_text (draft_text, draft);

      suggestion = desk_suggestion_new (DESK_SUGGESTION_CONFLICT, text, paragraph, paragraph,
                                        desk_sentence_contained (ss->sentence, draft));
      desk_suggestion_set_draft_text (suggestion, draft_side);
      desk_suggestion_set_new_text (suggestion, facts->str);
      for (guint i = 0; i + 1 < ranges->len; i += 2)
        desk_suggestion_add_mark (suggestion,
                                  g_array_index (ranges, guint, i) - ss->sentence->start,
                                  g_array_index (ranges, guint, i + 1) - ss->sentence->start);
      g_hash_table_insert (run->conflicts, g_strdup (key->str), suggestion);
    }

  ss->noted = suggestion;
  desk_suggestion_add_source (suggestion, candidate->source->id, candidate->source->name,
                              g_array_index (candidate->source->blocks, guint, candidate->paragraph));
}

static void
note_variant (Run            *run,
              Candidate      *candidate,
              SourceSentence *ss)
{
  const DeskSentence *draft = draft_sentence (run, ss->draft);
  guint paragraph = draft_paragraph_of (run, ss->draft);
  g_autofree char *key = g_strdup_printf ("%d:%" G_GUINT64_FORMAT, ss->draft, ss->sentence->wording);
  DeskSuggestion *suggestion = g_hash_table_lookup (run->variants, key);

  if (ss->sentence->wording == draft->wording)
    return;

  if (suggestion == NULL)
    {
      g_autofree char *text = sentence_text (candidate->text, ss->sentence);
      g_autofree char *draft_side = sentence_text (g_ptr_array_index (run->snapshot->draft, paragraph),
                                                   draft);

      if (g_str_equal (text, draft_side))
        return;

      suggestion = desk_suggestion_new (DESK_SUGGESTION_VARIANT, text, paragraph, paragraph,
                                        desk_sentence_contained (ss->sentence, draft));
      desk_suggestion_set_draft_text (suggestion, draft_side);
      g_hash_table_insert (run->variants, g_steal_pointer (&key), suggestion);
    }

  ss->noted = suggestion;
  desk_suggestion_add_source (suggestion, candidate->source->id, candidate->source->name,
                              g_array_index (candidate->source->blocks, guint, candidate->paragraph));
}

/* ---- Learning aliases ------------------------------------------------------------- */

typedef struct
{
  guint  source_index;
  char  *draft_name;     /* as the draft writes it */
  char  *source_name;    /* as the source writes it */
  GArray *draft_ids;     /* guint: its content word ids */
  GArray *source_ids;
} NamePair;

static void
name_pair_clear (gpointer data)
{
  NamePair *pair = data;

  g_free (pair->draft_name);
  g_free (pair->source_name);
  g_array_unref (pair->draft_ids);
  g_array_unref (pair->source_ids);
}

/* The one stretch of @a whose content words @b lacks, if it is a name: capitalised words
 * (inner lower-case words allowed: "Wizara ya Maji"), no numbers, no days. Returns its
 * token span, or FALSE when the words @b lacks are not one such stretch. */
static gboolean
name_span (const DeskSentence *a,
           const DeskSentence *b,
           guint              *first,
           guint              *last)
{
  int start = -1, end = -1;

  for (guint i = 0; i < a->n_tokens; i++)
    {
      const DeskToken *token = &a->tokens[i];

      if ((token->flags & DESK_TOKEN_STOP) || has_token (b, token->id))
        continue;
      if (start < 0)
        start = i;
      end = i;
    }

  if (start < 0)
    return FALSE;

  for (int i = start; i <= end; i++)
    {
      const DeskToken *token = &a->tokens[i];

      /* Inside the stretch, nothing the other sentence has too. */
      if (!(token->flags & DESK_TOKEN_STOP) && has_token (b, token->id))
        return FALSE;
      if (token->flags & (DESK_TOKEN_NUMBER | DESK_TOKEN_DAY))
        return FALSE;
    }

  if (!(a->tokens[start].flags & DESK_TOKEN_NAME) || !(a->tokens[end].flags & DESK_TOKEN_NAME))
    return FALSE;

  *first = start;
  *last = end;
  return TRUE;
}

/* A source sentence and its draft sentence that say the same but for one name each side
 * ("Officials of Wizara ya Maji said …", "Officials of the Ministry of Water said …"):
 * a candidate alias, kept if neither name turns up in the other text (checked once every
 * source is read, in learn_aliases()). */
static void
note_name_pair (Run                *run,
                Candidate          *candidate,
                const DeskSentence *sentence,
                const DeskSentence *draft,
                guint               overlap)
{
  const char *draft_text = g_ptr_array_index (run->snapshot->draft, draft_paragraph_of (run, run->current_draft));
  guint s_first, s_last, d_first, d_last;
  guint s_extra = sentence->n_content - overlap, d_extra = draft->n_content - overlap;
  NamePair pair = { 0 };

  if (overlap < 5 || s_extra < 1 || s_extra > 4 || d_extra < 1 || d_extra > 4)
    return;
  if (!name_span (sentence, draft, &s_first, &s_last) || !name_span (draft, sentence, &d_first, &d_last))
    return;

  pair.source_index = candidate->source_index;
  pair.source_name = g_strndup (candidate->text + sentence->tokens[s_first].start,
                                sentence->tokens[s_last].end - sentence->tokens[s_first].start);
  pair.draft_name = g_strndup (draft_text + draft->tokens[d_first].start,
                               draft->tokens[d_last].end - draft->tokens[d_first].start);
  pair.source_ids = g_array_new (FALSE, FALSE, sizeof (guint));
  pair.draft_ids = g_array_new (FALSE, FALSE, sizeof (guint));
  for (guint i = s_first; i <= s_last; i++)
    if (!(sentence->tokens[i].flags & DESK_TOKEN_STOP))
      g_array_append_val (pair.source_ids, sentence->tokens[i].id);
  for (guint i = d_first; i <= d_last; i++)
    if (!(draft->tokens[i].flags & DESK_TOKEN_STOP))
      g_array_append_val (pair.draft_ids, draft->tokens[i].id);

  g_array_append_val (run->name_pairs, pair);
}

static gboolean
any_in (GArray        *ids,
        const WordSet *words)
{
  for (guint i = 0; i < ids->len; i++)
    if (word_set_contains (words, g_array_index (ids, guint, i)))
      return TRUE;
  return FALSE;
}

/* The content words of every paragraph of @source_index the run has read, made the first
 * time they are asked for: only learning aliases needs them, and most runs learn none. */
static const WordSet *
source_words_of (Run   *run,
                 guint  source_index)
{
  WordSet *words = g_ptr_array_index (run->source_words, source_index);

  if (words != NULL)
    return words;

  words = word_set_new ();
  for (guint i = 0; i < run->candidates->len; i++)
    {
      Candidate *candidate = g_ptr_array_index (run->candidates, i);

      if (candidate->source_index != source_index)
        continue;
      for (guint k = 0; k < candidate->sentences->len; k++)
        {
          const DeskSentence *sentence = ((SourceSentence *)g_ptr_array_index (candidate->sentences, k))->sentence;

          for (guint w = 0; w < sentence->n_content; w++)
            word_set_add (words, sentence->content[w]);
        }
    }
  g_ptr_array_index (run->source_words, source_index) = words;

  return words;
}

/* Keeps the candidate aliases whose names are not both used by the texts: two names that
 * the draft and the source each use are two people, and a sentence that swaps them is a
 * conflict. Adds the rest to the snapshot's table. Returns how many were learned. */
static guint
learn_aliases (Run *run)
{
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guint learned = 0;

  for (guint i = 0; i < run->name_pairs->len; i++)
    {
      NamePair *pair = &g_array_index (run->name_pairs, NamePair, i);
      g_autofree char *line = NULL;

      if (any_in (pair->source_ids, run->draft_all_words) ||
          any_in (pair->draft_ids, source_words_of (run, pair->source_index)))
        continue;

      line = g_strdup_printf ("%s = %s", pair->draft_name, pair->source_name);
      if (g_hash_table_contains (seen, line))
        continue;

      /* The table is shared (with other runs, and the lexicons of the cache's analyses
       * read with it): what is learned goes into a copy. */
      if (learned == 0)
        {
          DeskAliases *copy = desk_aliases_copy (run->snapshot->aliases);

          g_object_unref (run->snapshot->aliases);
          run->snapshot->aliases = copy;
        }
      desk_aliases_add (run->snapshot->aliases, pair->draft_name, pair->draft_name);
      desk_aliases_add (run->snapshot->aliases, pair->draft_name, pair->source_name);
      g_ptr_array_add (run->snapshot->learned, g_strdup (line));
      g_hash_table_add (seen, g_steal_pointer (&line));
      learned++;
    }
  if (learned > 0)
    {
      g_free (run->snapshot->aliases_key);
      run->snapshot->aliases_key = desk_aliases_to_data (run->snapshot->aliases);
    }

  return learned;
}

/* Whether @sentence has the word @id, or the same word spelled another way (programs,
 * programmes; Gadhafi, Qaddafi keeps its first letters too). */
static gboolean
has_word_or_spelling (Run                *run,
                      const DeskSentence *sentence,
                      guint               id)
{
  const char *word = desk_lexicon_word (run->lexicon, id);
  gsize length = strlen (word);

  for (guint j = 0; j < sentence->n_content; j++)
    {
      const char *other;

      if (sentence->content[j] == id)
        return TRUE;
      other = desk_lexicon_word (run->lexicon, sentence->content[j]);
      if (length >= SPELLING_MIN_LENGTH && strncmp (word, other, SPELLING_SAME_START) == 0 &&
          edit_distance (word, other) <= SPELLING_MAX_EDITS)
        return TRUE;
    }

  return FALSE;
}

/* How many content words @sentence adds to @draft, a sentence of the draft paragraph whose
 * words are @paragraph, when it says everything @draft says (every content word, or the
 * same word spelled another way), else 0; @start and @end span its new words. A word the
 * paragraph says elsewhere is not new ("…, said its spokesman, Gagnon" where the next
 * sentence names him). */
static guint
says_all_of (Run                *run,
             const DeskSentence *sentence,
             const DeskSentence *draft,
             const WordSet      *paragraph,
             guint              *start,
             guint              *end)
{
  guint added = 0;
  int first = -1, last = -1;

  for (guint i = 0; i < draft->n_content; i++)
    if (!has_word_or_spelling (run, sentence, draft->content[i]))
      return 0;

  /* A word the draft spells otherwise is not new: two spellings would otherwise take each
   * other's place for ever. */
  for (guint t = 0; t < sentence->n_tokens; t++)
    if (!(sentence->tokens[t].flags & DESK_TOKEN_STOP) &&
        !word_set_contains (paragraph, sentence->tokens[t].id) &&
        !has_word_or_spelling (run, draft, sentence->tokens[t].id))
      {
        added++;
        if (first < 0)
          first = t;
        last = t;
      }

  if (added > 0)
    {
      *start = sentence->tokens[first].start;
      *end = sentence->tokens[last].end;
    }
  return added;
}

/* Step 2: what each sentence of a source paragraph is, against the draft. */
static void
classify_sentence (Run            *run,
                   Candidate      *candidate,
                   SourceSentence *ss)
{
  const DeskSentence *sentence = ss->sentence;
  Index *index = &run->draft_index;
  int best = -1, second = -1;
  guint best_overlap = 0, second_overlap = 0;

  ss->draft = -1;

  if (sentence->n_content == 0 || is_rejected (run, sentence))
    {
      ss->status = STATUS_IGNORED;

      /* A sentence of function words only ("All I can do is say, 'Did you?'") that the
       * draft has word for word still tells where its paragraph stands. */
      if (sentence->n_content == 0 && sentence->n_tokens >= WORDED_MIN_TOKENS)
        for (guint d = 0; d < run->draft_sentences->len; d++)
          if (draft_sentence (run, d)->wording == sentence->wording)
            {
              ss->draft = d;
              ss->status = STATUS_COVERED;
              break;
            }
      return;
    }

  index_lookup (index, sentence);
  for (guint i = 0; i < index->touched->len; i++)
    {
      guint entry = g_array_index (index->touched, guint, i);
      guint overlap = g_array_index (index->counts, guint, entry);
      double containment = (double)overlap / sentence->n_content;
      double best_containment = best >= 0 ? (double)best_overlap / sentence->n_content : -1;

      /* On a tie, the draft sentence nearest its size: the sentence itself, where the
       * draft has it, over a longer one that contains its words. */
      if (containment > best_containment ||
          (containment == best_containment && overlap > best_overlap) ||
          (containment == best_containment && overlap == best_overlap &&
           draft_sentence (run, entry)->n_content < draft_sentence (run, best)->n_content))
        {
          second = best;
          second_overlap = best_overlap;
          best = entry;
          best_overlap = overlap;
        }
      else if (overlap > second_overlap)
        {
          second = entry;
          second_overlap = overlap;
        }
    }
  index_reset (index);

  if (best < 0)
    {
      ss->status = STATUS_NEW;
      return;
    }

  ss->draft = best;

  if (!run->snapshot->learned_pass)
    {
      run->current_draft = best;
      note_name_pair (run, candidate, sentence, draft_sentence (run, best), best_overlap);
    }

  /* A name the draft sentence leaves to a pronoun ("she") is named elsewhere in its
   * paragraph: it counts as present. */
  {
    const WordSet *words = g_ptr_array_index (run->draft_words, draft_paragraph_of (run, best));
    const DeskSentence *draft = draft_sentence (run, best);

    for (guint i = 0; i < sentence->n_tokens; i++)
      {
        const DeskToken *token = &sentence->tokens[i];

        if ((token->flags & DESK_TOKEN_NAME) && !has_token (draft, token->id) &&
            word_set_contains (words, token->id))
          best_overlap++;
      }
  }

  {
    const DeskSentence *draft = draft_sentence (run, best);
    guint clause_words = 0;

    /* The source's sentence says all the draft's sentence says, and more: it may take its
     * place. The new words are where they are, in one stretch or several. */
    if (says_all_of (run, sentence, draft,
                     g_ptr_array_index (run->draft_words, draft_paragraph_of (run, best)),
                     &ss->clause_start, &ss->clause_end) >= CLAUSE_WORDS)
      {
        g_autoptr(GArray) ranges = find_conflict (run, sentence, draft);

        if (ranges != NULL)
          {
            ss->status = STATUS_COVERED;
            note_conflict (run, candidate, ss, ranges);
            return;
          }
        ss->status = STATUS_EXTENDS;
        return;
      }

    /* The source says what the draft sentence says, and more: what lies outside its new
     * clause is in the draft sentence, and it holds most of the draft sentence. */
    clause_words = find_clause (sentence, g_ptr_array_index (run->draft_words, draft_paragraph_of (run, best)),
                                &ss->clause_start, &ss->clause_end);
    if (clause_words >= CLAUSE_WORDS &&
        best_overlap * 10 >= (sentence->n_content - MIN (clause_words, sentence->n_content)) * 8 &&
        (double)best_overlap / MAX (draft->n_content, 1) >= EXTENDS)
      {
        g_autoptr(GArray) ranges = find_conflict (run, sentence, draft);

        /* A sentence that says more but disagrees on a fact is a conflict for the editor
         * to settle, not a clause to splice into the draft's version. */
        if (ranges != NULL)
          {
            ss->status = STATUS_COVERED;
            note_conflict (run, candidate, ss, ranges);
            return;
          }

        ss->status = STATUS_EXTENDS;
        return;
      }

    if (holds (sentence, draft, best_overlap, COVERED))
      {
        g_autoptr(GArray) ranges = find_conflict (run, sentence, draft);

        ss->status = STATUS_COVERED;
        if (ranges != NULL)
          note_conflict (run, candidate, ss, ranges);
        else if (run->snapshot->variants)
          note_variant (run, candidate, ss);
        return;
      }
  }

  /* The same piece of news told with other facts (a lede and its writethru: 12 dead, 14
   * dead) is a conflict for the editor, not new content. */
  {
    const DeskSentence *draft = draft_sentence (run, best);

    if (MIN (sentence->n_content, draft->n_content) >= LONG_SENTENCE &&
        holds (sentence, draft, best_overlap, SAME_NEWS))
      {
        g_autoptr(GArray) ranges = find_conflict (run, sentence, draft);

        if (ranges != NULL)
          {
            ss->status = STATUS_COVERED;
            note_conflict (run, candidate, ss, ranges);
            return;
          }
      }
  }

  /* A sentence a source made of two draft sentences. */
  if (second >= 0 &&
      ABS ((int)draft_paragraph_of (run, best) - (int)draft_paragraph_of (run, second)) <= 1 &&
      (double)overlap_with_pair (sentence, draft_sentence (run, best), draft_sentence (run, second))
        / sentence->n_content >= COVERED_BY_PAIR)
    {
      ss->status = STATUS_COVERED;
      return;
    }

  ss->status = STATUS_NEW;
}

typedef struct
{
  guint  cluster;
  double similarity;
} Match;

static int
compare_matches (gconstpointer a,
                 gconstpointer b)
{
  double sa = ((const Match *)a)->similarity, sb = ((const Match *)b)->similarity;

  return sa > sb ? -1 : sa < sb;
}

static void
cluster_add_member (Run   *run,
                    guint  cluster,
                    guint  source_index)
{
  g_hash_table_add (g_ptr_array_index (run->cluster_sources, cluster),
                    GUINT_TO_POINTER (source_index + 1));
}

/* Step 3: the clusters a piece of new content belongs to. A source does not say the same
 * thing twice: content joins a cluster only if its source has no other member there. */
static void
cluster_item (Run   *run,
              Item  *item,
              guint  source_index)
{
  Index *index = &run->cluster_index;
  const DeskSentence *unit = item->unit;
  g_autoptr(GHashTable) explained = g_hash_table_new (NULL, NULL);

  g_autoptr(GArray) matches = g_array_new (FALSE, FALSE, sizeof (Match));

  index_lookup (index, unit);
  for (guint i = 0; i < index->touched->len; i++)
    {
      guint entry = g_array_index (index->touched, guint, i);
      guint overlap = g_array_index (index->counts, guint, entry);
      const DeskSentence *rep = g_ptr_array_index (run->cluster_reps, entry);
      Match match = { entry, (double)overlap / (unit->n_content + rep->n_content - overlap) };

      if (g_hash_table_contains (g_ptr_array_index (run->cluster_sources, entry),
                                 GUINT_TO_POINTER (source_index + 1)))
        continue;

      /* Long sentences that share this much are one piece of news told twice (a lede
       * and its update); short ones must share more. */
      double share = MIN (unit->n_content, rep->n_content) >= LONG_SENTENCE ? SAME_NEWS : SAME_CONTENT;

      if (holds (unit, rep, overlap, share) || holds (rep, unit, overlap, share))
        g_array_append_val (matches, match);
    }
  index_reset (index);

  /* Best match first; a cluster whose words the ones joined already explain adds nothing. */
  g_array_sort (matches, compare_matches);
  for (guint i = 0; i < matches->len; i++)
    {
      guint entry = g_array_index (matches, Match, i).cluster;
      const DeskSentence *rep = g_ptr_array_index (run->cluster_reps, entry);
      guint unexplained = 0;

      for (guint w = 0; w < rep->n_content; w++)
        unexplained += !g_hash_table_contains (explained, GUINT_TO_POINTER (rep->content[w] + 1));

      if (item->clusters->len > 0 && unexplained * 4 < rep->n_content)
        continue;

      g_array_append_val (item->clusters, entry);
      for (guint w = 0; w < rep->n_content; w++)
        g_hash_table_add (explained, GUINT_TO_POINTER (rep->content[w] + 1));
    }

  /* Content that no cluster explains starts a cluster of its own. */
  if (item->clusters->len == 0 ||
      unit->n_content - MIN (unit->n_content, g_hash_table_size (explained)) >= MAX (CLAUSE_WORDS, unit->n_content * 3 / 10))
    {
      guint unexplained = 0;

      for (guint w = 0; w < unit->n_content; w++)
        unexplained += !g_hash_table_contains (explained, GUINT_TO_POINTER (unit->content[w] + 1));

      if (item->clusters->len == 0 || unexplained >= MAX (CLAUSE_WORDS, unit->n_content * 3 / 10))
        {
          guint entry = run->cluster_reps->len;

          g_ptr_array_add (run->cluster_reps, (gpointer)unit);
          g_ptr_array_add (run->cluster_sources, g_hash_table_new (NULL, NULL));
          index_add (index, entry, unit);
          g_array_append_val (item->clusters, entry);
        }
    }

  for (guint i = 0; i < item->clusters->len; i++)
    cluster_add_member (run, g_array_index (item->clusters, guint, i), source_index);
}

static int
compare_guint (gconstpointer a,
               gconstpointer b)
{
  guint ia = *(const guint *)a, ib = *(const guint *)b;

  return ia < ib ? -1 : ia > ib;
}

static int
org_rank (Snapshot   *snapshot,
          const char *agency)
{
  if (agency == NULL || snapshot->org_order == NULL)
    return G_MAXINT;

  for (guint i = 0; snapshot->org_order[i] != NULL; i++)
    if (g_ascii_strcasecmp (snapshot->org_order[i], agency) == 0)
      return i;

  return G_MAXINT;
}

/* Adds @words (ParagraphAnalysis.words, SourceAnalysis.words) to the run's lexicon, as
 * parsing the text they are the words of would. */
static void
import_words (Run    *run,
              GArray *words)
{
  for (guint i = 0; i < words->len; i++)
    {
      guint word = g_array_index (words, guint, i);
      guint id = word >> 1;

      if (run->map[id] == G_MAXUINT)
        run->map[id] = desk_lexicon_import (run->lexicon, run->cache_lexicon, id, word & 1);
      else if (word & 1)
        desk_lexicon_set_name (run->lexicon, run->map[id]);
    }
}

/* @paragraph's sentences in the run's words, as desk_sentence_parse() with the run's
 * lexicon gives them. */
static GPtrArray *
read_paragraph (Run               *run,
                ParagraphAnalysis *paragraph)
{
  GPtrArray *sentences = g_ptr_array_new_full (paragraph->sentences->len,
                                               (GDestroyNotify)desk_sentence_free);

  import_words (run, paragraph->words);
  for (guint i = 0; i < paragraph->sentences->len; i++)
    g_ptr_array_add (sentences, desk_sentence_copy_mapped (g_ptr_array_index (paragraph->sentences, i),
                                                           run->map));

  return sentences;
}

static Candidate *
make_candidate (Run        *run,
                SnapSource *source,
                guint       source_index,
                guint       paragraph)
{
  Candidate *candidate = run_new_candidate (run);
  GPtrArray *parsed;
  const guint *map;

  candidate->source = source;
  candidate->source_index = source_index;
  candidate->paragraph = paragraph;
  candidate->text = g_ptr_array_index (source->texts, paragraph);
  candidate->sentences = g_ptr_array_new_with_free_func ((GDestroyNotify)source_sentence_free);
  candidate->clusters = g_array_new (FALSE, FALSE, sizeof (guint));
  candidate->aligned = -1;
  candidate->broken = strstr (candidate->text, "\xef\xbf\xbd") != NULL;
  candidate->org_rank = org_rank (run->snapshot, source->agency);

  /* The source's words join the run's when its first paragraph is read, as parsing it
   * would add them. */
  if (!run->imported[source_index])
    {
      import_words (run, source->analysis->words);
      run->imported[source_index] = TRUE;
    }
  map = run->map;
  candidate->analysis = g_ptr_array_index (source->analysis->paragraphs, paragraph);
  parsed = candidate->analysis->sentences;
  for (guint i = 0; i < parsed->len; i++)
    {
      SourceSentence *ss = g_new0 (SourceSentence, 1);

      ss->prose = -1;
      ss->judged = &candidate->analysis->sentence_prose[i];
      ss->sentence = desk_sentence_copy_mapped (g_ptr_array_index (parsed, i), map);
      candidate->n_words += ss->sentence->n_content;
      g_ptr_array_add (candidate->sentences, ss);
    }

  return candidate;
}

/* Step 2 for one paragraph, once every text is parsed (so that what is a name is known
 * from all of them): each sentence against the draft, and the draft paragraph most of
 * them align with. */
static void
classify_candidate (Run       *run,
                    Candidate *candidate)
{
  g_autoptr(GHashTable) votes = g_hash_table_new (NULL, NULL);
  guint best_votes = 0;

  for (guint i = 0; i < candidate->sentences->len; i++)
    {
      SourceSentence *ss = g_ptr_array_index (candidate->sentences, i);

      classify_sentence (run, candidate, ss);

      if (ss->status == STATUS_COVERED || ss->status == STATUS_EXTENDS)
        {
          gpointer key = GUINT_TO_POINTER (draft_paragraph_of (run, ss->draft) + 1);
          guint n = GPOINTER_TO_UINT (g_hash_table_lookup (votes, key)) + 1;

          g_hash_table_insert (votes, key, GUINT_TO_POINTER (n));
          if (n > best_votes)
            {
              best_votes = n;
              candidate->aligned = draft_paragraph_of (run, ss->draft);
            }
        }
    }
}

/* Whether a sentence the draft does not have restates what one draft paragraph says:
 * every name, number and day in it — the anchors of its facts — is in the draft, its
 * numbers and most of its other words in that paragraph. Another newsroom's account of the same fact,
 * a writethru's new lead that retells the old one. */
static gboolean
is_restated (Run                *run,
             const DeskSentence *sentence)
{
  guint anchors = 0, best = 0;

  for (guint t = 0; t < sentence->n_tokens; t++)
    {
      const DeskToken *token = &sentence->tokens[t];

      if (!token_is (run, token, DESK_TOKEN_NAME) && !(token->flags & (DESK_TOKEN_NUMBER | DESK_TOKEN_DAY)))
        continue;
      anchors++;
      if (!word_set_contains (run->draft_all_words, token->id))
        return FALSE;
    }

  if (anchors < RESTATED_ANCHORS)
    return FALSE;

  for (guint p = 0; p < run->draft_words->len; p++)
    {
      const WordSet *words = g_ptr_array_index (run->draft_words, p);
      guint known = 0;

      gboolean numbers = TRUE;

      /* A figure restated is the same figure in the same paragraph; another is news. */
      for (guint t = 0; t < sentence->n_tokens && numbers; t++)
        numbers = !(sentence->tokens[t].flags & DESK_TOKEN_NUMBER) ||
                  word_set_contains (words, sentence->tokens[t].id);
      if (!numbers)
        continue;
      for (guint w = 0; w < sentence->n_content; w++)
        known += word_set_contains (words, sentence->content[w]);
      best = MAX (best, known);
    }

  return best >= RESTATED_SHARE * sentence->n_content;
}

/* Whether a paragraph the draft lacks retells the draft: every name and number in it is
 * the draft's, and so are nearly all its words (a writethru's lead over the old one,
 * another newsroom's account of the same facts). */
static gboolean
restates_draft (Run       *run,
                Candidate *candidate)
{
  guint known = 0, total = 0;

  for (guint k = 0; k < candidate->sentences->len; k++)
    {
      const DeskSentence *sentence = ((SourceSentence *)g_ptr_array_index (candidate->sentences, k))->sentence;

      for (guint t = 0; t < sentence->n_tokens; t++)
        if ((token_is (run, &sentence->tokens[t], DESK_TOKEN_NAME) ||
             (sentence->tokens[t].flags & DESK_TOKEN_NUMBER)) &&
            !word_set_contains (run->draft_all_words, sentence->tokens[t].id))
          return FALSE;
      for (guint w = 0; w < sentence->n_content; w++)
        known += word_set_contains (run->draft_all_words, sentence->content[w]);
      total += sentence->n_content;
    }

  return total >= RESTATES_MIN_WORDS && known >= RESTATES_DRAFT * total;
}

static gboolean
is_double_quote (gunichar c)
{
  return c == '"' || c == 0x201C || c == 0x201D || c == 0x201E || c == 0x00AB || c == 0x00BB;
}

/* Whether the draft has, word for word, a quotation of at least QUOTE_MIN_WORDS words that
 * @ss quotes, and most of the words around it: a quote is the anchor of the fact around
 * it, and the draft that carries the quote carries that fact, however each version
 * introduces it (but not a new fact told beside the quote). A quotation runs from its
 * opening mark to its closing mark, or to the end of the sentence when it goes on. */
static gboolean
quotes_draft (Run            *run,
              Candidate      *candidate,
              SourceSentence *ss)
{
  const DeskSentence *sentence = ss->sentence;
  const char *text = candidate->text;
  g_autofree gboolean *quoted = g_new0 (gboolean, sentence->n_tokens + 1);
  gboolean found = FALSE;
  guint outside = 0, known = 0;
  guint t = 0;

  for (const char *p = text + sentence->start; p < text + sentence->end; p = g_utf8_next_char (p))
    {
      guint open = p - text, close = sentence->end, first, n;

      if (!is_double_quote (g_utf8_get_char (p)))
        continue;
      for (const char *q = g_utf8_next_char (p); q < text + sentence->end; q = g_utf8_next_char (q))
        if (is_double_quote (g_utf8_get_char (q)))
          {
            close = q - text;
            break;
          }

      while (t < sentence->n_tokens && sentence->tokens[t].start < open)
        t++;
      first = t;
      while (t < sentence->n_tokens && sentence->tokens[t].end <= close)
        t++;
      n = t - first;
      for (guint k = first; k < t; k++)
        quoted[k] = TRUE;

      if (n >= QUOTE_MIN_WORDS)
        for (guint at = 0; at + n <= run->draft_ids->len && !found; at++)
          {
            guint k = 0;

            while (k < n && g_array_index (run->draft_ids, guint, at + k) == sentence->tokens[first + k].id)
              k++;
            found = k == n;
          }

      if (close >= sentence->end)
        break;
      p = text + close;
    }

  if (!found)
    return FALSE;

  /* ... and the words around it are the draft's too: not a new fact beside the quote. */
  for (guint k = 0; k < sentence->n_tokens; k++)
    if (!quoted[k] && !(sentence->tokens[k].flags & DESK_TOKEN_STOP))
      {
        outside++;
        known += word_set_contains (run->draft_all_words, sentence->tokens[k].id);
      }

  return known >= RESTATED_SHARE * outside;
}

/* Whether an extension of a draft sentence only says again what its draft paragraph says
 * across its sentences: every name, number and day in it is in the draft, and the draft
 * paragraph holds at least COVERED of its words. A writethru that runs two draft sentences
 * into one, or spells a name out in full ("Russian President Vladimir Putin" for "Putin"),
 * has words the draft sentence lacks, but no fact the draft lacks. */
static gboolean
restates_paragraph (Run                *run,
                    const DeskSentence *sentence,
                    guint               paragraph)
{
  const WordSet *words = g_ptr_array_index (run->draft_words, paragraph);
  guint known = 0;

  for (guint t = 0; t < sentence->n_tokens; t++)
    {
      const DeskToken *token = &sentence->tokens[t];

      if ((token_is (run, token, DESK_TOKEN_NAME) || (token->flags & (DESK_TOKEN_NUMBER | DESK_TOKEN_DAY))) &&
          !word_set_contains (run->draft_all_words, token->id))
        return FALSE;
    }

  for (guint w = 0; w < sentence->n_content; w++)
    known += word_set_contains (words, sentence->content[w]);

  return sentence->n_content > 0 && known >= COVERED * sentence->n_content;
}

static void
collect_items (Run       *run,
               Candidate *candidate)
{
  for (guint i = 0; i < candidate->sentences->len; i++)
    {
      SourceSentence *ss = g_ptr_array_index (candidate->sentences, i);
      Item *item;

      if (ss->status != STATUS_NEW && ss->status != STATUS_EXTENDS)
        continue;
      if ((ss->status == STATUS_NEW && (is_restated (run, ss->sentence) || quotes_draft (run, candidate, ss))) ||
          (ss->status == STATUS_EXTENDS &&
           restates_paragraph (run, ss->sentence, draft_paragraph_of (run, ss->draft))))
        {
          ss->status = STATUS_IGNORED;
          continue;
        }

      item = g_new0 (Item, 1);
      item->clusters = g_array_new (FALSE, FALSE, sizeof (guint));
      if (ss->status == STATUS_NEW)
        item->unit = ss->sentence;
      else
        {
          DeskSentence *clause = desk_sentence_new (run->lexicon, candidate->text,
                                                    ss->clause_start, ss->clause_end);
          g_ptr_array_add (run->owned_units, clause);
          item->unit = clause;
        }

      if (item->unit->n_content == 0)
        {
          item_free (item);
          ss->status = STATUS_IGNORED;
          continue;
        }

      ss->item = item;
      g_ptr_array_add (run->items, item);
      cluster_item (run, item, candidate->source_index);
      g_array_append_vals (candidate->clusters, item->clusters->data, item->clusters->len);
    }

  g_array_sort (candidate->clusters, compare_guint);
  for (guint i = 1; i < candidate->clusters->len;)
    {
      if (g_array_index (candidate->clusters, guint, i) == g_array_index (candidate->clusters, guint, i - 1))
        g_array_remove_index (candidate->clusters, i);
      else
        i++;
    }
}

/* A paragraph another source has word for word: what was found for it holds, and this
 * source is one more that carries it. Most of a large roundup is agency copy repeated. */
static Candidate *
repeat_candidate (Run        *run,
                  Candidate  *first,
                  SnapSource *source,
                  guint       source_index,
                  guint       paragraph)
{
  Candidate *candidate = run_new_candidate (run);

  candidate->source = source;
  candidate->source_index = source_index;
  candidate->paragraph = paragraph;
  candidate->text = first->text;
  candidate->sentences = g_ptr_array_ref (first->sentences);
  candidate->clusters = g_array_ref (first->clusters);   /* final once its first is collected */
  candidate->aligned = first->aligned;
  candidate->n_words = first->n_words;
  candidate->broken = first->broken;
  candidate->analysis = first->analysis;
  candidate->org_rank = org_rank (run->snapshot, source->agency);

  for (guint i = 0; i < candidate->sentences->len; i++)
    {
      SourceSentence *ss = g_ptr_array_index (candidate->sentences, i);

      if (ss->noted != NULL)
        desk_suggestion_add_source (ss->noted, source->id, source->name,
                                    g_array_index (source->blocks, guint, paragraph));
    }

  for (guint c = 0; c < candidate->clusters->len; c++)
    cluster_add_member (run, g_array_index (candidate->clusters, guint, c), source_index);

  return candidate;
}

/* Step 5: for each paragraph of a source, the draft paragraph after which its new content
 * belongs: the one its nearest anchor before it (running text aligned with the draft)
 * matches, so that a paragraph follows what it follows in its source — a quote the
 * sentence that introduces it, a later item the item before it. Before any anchor, -1:
 * above the draft's lead, where judge_source() lets only a new top of the same story in. */
static GArray *
place_source (GPtrArray *candidates)
{
  GArray *after = g_array_sized_new (FALSE, FALSE, sizeof (int), candidates->len);
  int last = -1;

  for (guint i = 0; i < candidates->len; i++)
    {
      Candidate *candidate = g_ptr_array_index (candidates, i);

      g_array_append_val (after, last);
      if (candidate->anchor)
        last = candidate->aligned;
    }

  return after;
}

typedef struct _Choice Choice;

struct _Choice
{
  Candidate      *candidate;
  int             after;
  double          position;   /* in its source, 0 to 1 */
  DeskSuggestion *suggestion;
  GArray         *taken;      /* guint: clusters this candidate proposes */
  Choice         *lead;       /* additions: the choice whose suggestion this one joins */
  GPtrArray      *members;    /* on a lead: the choices whose new parts it gathers */
  GPtrArray      *carriers;   /* on a lead: more candidates that carry what it proposes */
};

static void
choice_free (Choice *choice)
{
  g_clear_object (&choice->suggestion);
  g_clear_pointer (&choice->taken, g_array_unref);
  g_clear_pointer (&choice->members, g_ptr_array_unref);
  g_clear_pointer (&choice->carriers, g_ptr_array_unref);
  g_free (choice);
}

static int
compare_choices (gconstpointer a,
                 gconstpointer b)
{
  const Choice *ca = *(const Choice * const *)a;
  const Choice *cb = *(const Choice * const *)b;
  const Candidate *x = ca->candidate, *y = cb->candidate;

  if (x->clusters->len != y->clusters->len)
    return (int)y->clusters->len - (int)x->clusters->len;
  if (x->broken != y->broken)
    return x->broken - y->broken;
  /* A writethru supersedes the versions it updates. */
  if (x->source->supersedes != y->source->supersedes)
    return x->source->supersedes > y->source->supersedes ? -1 : 1;
  /* Complete over cut: a version with clearly more words of the same content. */
  if (x->n_words * 10 > y->n_words * 11)
    return -1;
  if (y->n_words * 10 > x->n_words * 11)
    return 1;
  if (x->org_rank != y->org_rank)
    return x->org_rank < y->org_rank ? -1 : 1;
  if (x->source->repaired != y->source->repaired)
    return x->source->repaired - y->source->repaired;
  if (x->source_index != y->source_index)
    return (int)x->source_index - (int)y->source_index;
  return (int)x->paragraph - (int)y->paragraph;
}

static gboolean
item_taken_by (Item   *item,
               GArray *taken)
{
  for (guint i = 0; i < item->clusters->len; i++)
    for (guint j = 0; j < taken->len; j++)
      if (g_array_index (item->clusters, guint, i) == g_array_index (taken, guint, j))
        return TRUE;
  return FALSE;
}

/* Whether a sentence of @candidate reads as running text inside its paragraph. */
static gboolean
sentence_runs (Candidate      *candidate,
               SourceSentence *ss)
{
  if (ss->prose < 0 && ss->judged != NULL)
    ss->prose = *ss->judged;
  if (ss->prose < 0)
    {
      ss->prose = desk_prose_judge (candidate->text + ss->sentence->start,
                                    ss->sentence->end - ss->sentence->start,
                                    DESK_PROSE_IN_PARAGRAPH);
      if (ss->judged != NULL)
        *ss->judged = ss->prose;
    }
  return ss->prose == DESK_PROSE_SENTENCE;
}

/* Whether a paragraph reads as running text: as a whole, or for most of its words
 * sentence by sentence (a last paragraph that a service line ran into). */
static gboolean
paragraph_runs (Candidate *candidate)
{
  guint words = 0, running = 0;

  if (candidate->analysis->prose == DESK_PROSE_SENTENCE)
    return TRUE;
  /* A photo's caption with its credit may retell the story sentence by sentence; it is
   * still a caption, not a paragraph of the story. */
  if (candidate->analysis->prose == DESK_PROSE_CAPTION || candidate->sentences->len < 2)
    return FALSE;

  for (guint i = 0; i < candidate->sentences->len; i++)
    {
      SourceSentence *ss = g_ptr_array_index (candidate->sentences, i);

      words += ss->sentence->n_tokens;
      if (sentence_runs (candidate, ss))
        running += ss->sentence->n_tokens;
    }

  return running >= PARAGRAPH_RUNS * words;
}

/* A missing paragraph's text: the whole paragraph when everything in it is new and it
 * reads as running text, else the sentences that bring the clusters this choice took and
 * read as running text (not the service line a last paragraph ran into). */
static char *
missing_text (Candidate *candidate,
              GArray    *taken)
{
  GString *text = g_string_new (NULL);

  if (taken->len == candidate->clusters->len &&
      desk_prose_judge (candidate->text, -1, DESK_PROSE_PARAGRAPH) == DESK_PROSE_SENTENCE)
    {
      g_string_append (text, candidate->text);
      return g_string_free (text, FALSE);
    }

  for (guint i = 0; i < candidate->sentences->len; i++)
    {
      SourceSentence *ss = g_ptr_array_index (candidate->sentences, i);

      if (ss->item == NULL || !item_taken_by (ss->item, taken) || !sentence_runs (candidate, ss))
        continue;
      if (text->len > 0)
        g_string_append_c (text, ' ');
      g_string_append_len (text, candidate->text + ss->sentence->start,
                           ss->sentence->end - ss->sentence->start);
    }

  return g_string_free (text, FALSE);
}

/* How many double quotation marks, of any style, a stretch of text has: a sentence cut
 * out of a quotation that runs over several sentences has an odd number. */
static guint
count_quote_marks (const char *text,
                   gsize       length)
{
  guint n = 0;

  for (const char *p = text; p < text + length; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      n += is_double_quote (c);
    }

  return n;
}

/* How a stretch of text leaves quotations: +1 for each it opens, -1 for each it closes.
 * A straight mark opens where a word starts after it (at the start, after a space or a
 * bracket) and closes elsewhere. */
static int
quote_balance (const char *text,
               gsize       length)
{
  int balance = 0;
  gunichar before = ' ';

  for (const char *p = text; p < text + length; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == 0x201C || c == 0x201E || c == 0x00AB)
        balance++;
      else if (c == 0x201D || c == 0x00BB)
        balance--;
      else if (c == '"')
        balance += (g_unichar_isspace (before) || before == '(' || before == '[') ? 1 : -1;
      before = c;
    }

  return balance;
}

/* Whether @sentence may stand where the draft sentence @ds stands: it says everything @ds
 * says (every content word, so a replacement never loses a fact and replacements only
 * ever grow), and it leaves the paragraph's quotation marks paired as @ds left them, or
 * pairs them where @ds, cut off, left one open. */
static gboolean
may_replace (Run                *run,
             const DeskSentence *ds,
             const char         *draft_text,
             const DeskSentence *sentence,
             const char         *source_text)
{
  gsize dateline = sentence->start == 0 ? desk_prose_dateline_length (source_text) : 0;
  gboolean news = FALSE;
  int old_marks, new_marks;

  /* What it adds must be more than the dateline the draft keeps apart. */
  for (guint t = 0; t < sentence->n_tokens && !news; t++)
    news = sentence->tokens[t].start >= dateline && !(sentence->tokens[t].flags & DESK_TOKEN_STOP) &&
           !has_word_or_spelling (run, ds, sentence->tokens[t].id);
  if (!news)
    return FALSE;

  for (guint i = 0; i < ds->n_content; i++)
    if (!has_word_or_spelling (run, sentence, ds->content[i]))
      return FALSE;

  /* It opens and closes quotations as @ds does (not a closing mark for an opening one),
   * or it closes the quotation a cut left open: the paragraph comes out paired. */
  old_marks = quote_balance (draft_text + ds->start, ds->end - ds->start);
  new_marks = quote_balance (source_text + sentence->start, sentence->end - sentence->start);

  return old_marks == new_marks ||
         quote_balance (draft_text, strlen (draft_text)) + new_marks - old_marks == 0;
}

/* Appends a source's whole sentence to the paragraph being built and marks the words in
 * it that @ds (the draft sentence it replaces; NULL for a new sentence) lacks: runs of new
 * words, joined across the function words between them. */
static void
append_sentence (GString            *text,
                 GString            *new_text,
                 GArray             *marks,
                 const char         *source_text,
                 const DeskSentence *sentence,
                 const DeskSentence *ds)
{
  gsize base;
  int run_start = -1, run_end = -1;

  if (text->len > 0)
    g_string_append_c (text, ' ');
  base = text->len;
  g_string_append_len (text, source_text + sentence->start, sentence->end - sentence->start);

  for (guint i = 0; i <= sentence->n_tokens; i++)
    {
      const DeskToken *token = i < sentence->n_tokens ? &sentence->tokens[i] : NULL;
      gboolean is_new = token != NULL && (ds == NULL || !has_token (ds, token->id));
      gboolean joins = token != NULL && !is_new && (token->flags & DESK_TOKEN_STOP) && run_start >= 0;

      if (is_new)
        {
          if (run_start < 0)
            run_start = i;
          run_end = i;
        }
      else if (!joins && run_start >= 0)
        {
          guint start = base + sentence->tokens[run_start].start - sentence->start;
          guint end = base + sentence->tokens[run_end].end - sentence->start;

          /* A new sentence is marked whole, from its first character to its last. */
          if (ds == NULL)
            {
              start = base;
              end = text->len;
            }
          g_array_append_val (marks, start);
          g_array_append_val (marks, end);
          if (new_text->len > 0)
            g_string_append (new_text, " … ");
          g_string_append_len (new_text, text->str + start, end - start);
          run_start = -1;
          if (ds == NULL)
            break;
        }
    }
}

typedef struct
{
  SourceSentence *ss;
  Candidate      *candidate;
} Insert;

/* Whether the words of @sentence, in order, are already in the paragraph whose sentences
 * are @parsed: a new sentence that the draft cut otherwise ("…!" Trump tweeted.) is not
 * new, and accepting it again and again would never end. */
static gboolean
words_in_paragraph (const DeskSentence *sentence,
                    GPtrArray          *parsed)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (guint));

  if (sentence->n_tokens == 0)
    return TRUE;

  for (guint i = 0; i < parsed->len; i++)
    {
      const DeskSentence *ds = g_ptr_array_index (parsed, i);

      for (guint t = 0; t < ds->n_tokens; t++)
        g_array_append_val (ids, ds->tokens[t].id);
    }

  for (guint at = 0; at + sentence->n_tokens <= ids->len; at++)
    {
      guint k = 0;

      while (k < sentence->n_tokens && g_array_index (ids, guint, at + k) == sentence->tokens[k].id)
        k++;
      if (k == sentence->n_tokens)
        return TRUE;
    }

  return FALSE;
}

/* Whether @sentence opens with all the words of @fragment, and has more. */
static gboolean
completes_fragment (const DeskSentence *fragment,
                    const DeskSentence *sentence)
{
  if (fragment->n_tokens == 0 || sentence->n_tokens <= fragment->n_tokens)
    return FALSE;

  for (guint t = 0; t < fragment->n_tokens; t++)
    if (fragment->tokens[t].id != sentence->tokens[t].id)
      return FALSE;

  return TRUE;
}

/* Whether a quotation of the draft paragraph is still open after its sentence @d (-1:
 * before its first): a sentence put there would be read as part of the quote (a draft
 * that a page cut off inside a quotation). */
static gboolean
quote_open_after (const char *draft_text,
                  GPtrArray  *draft_sentences,
                  int         d)
{
  const DeskSentence *ds;

  if (d < 0)
    return FALSE;

  ds = g_ptr_array_index (draft_sentences, d);
  return count_quote_marks (draft_text, ds->end) % 2 != 0;
}

/* One draft paragraph with every new part its sources add put in. The merge chooses and
 * orders text, it never writes any: a source sentence that says all a draft sentence says
 * and more takes that sentence's place whole (never a clause spliced into the draft's
 * words, which would make a sentence no version carries); a new sentence goes after the
 * draft sentence that precedes it in the source. Neither is taken when it would leave a
 * quotation unpaired, or when it is not running text. @members are the choices, best
 * first, whose new parts go in; each brings the parts of the clusters it took. */
static DeskSuggestion *
build_addition (Run       *run,
                guint      target,
                GPtrArray *members)
{
  GPtrArray *draft_sentences = g_ptr_array_index (run->draft_parsed, target);
  const char *draft_text = g_ptr_array_index (run->snapshot->draft, target);
  guint n = draft_sentences->len;
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GString) new_text = g_string_new (NULL);
  g_autoptr(GArray) marks = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autofree Insert *replacements = g_new0 (Insert, MAX (n, 1));
  g_autoptr(GPtrArray) inserts = g_ptr_array_new_with_free_func ((GDestroyNotify)g_array_unref);
  g_autoptr(GHashTable) inserted = g_hash_table_new (g_int64_hash, g_int64_equal);
  guint n_sentences = 0;
  DeskSuggestion *suggestion;

  for (guint d = 0; d <= n; d++)
    g_ptr_array_add (inserts, g_array_new (FALSE, FALSE, sizeof (Insert)));

  for (guint m = 0; m < members->len; m++)
    {
      Choice *choice = g_ptr_array_index (members, m);
      Candidate *candidate = choice->candidate;
      int last_draft = -1;

      n_sentences += candidate->sentences->len;

      for (guint i = 0; i < candidate->sentences->len; i++)
        {
          SourceSentence *ss = g_ptr_array_index (candidate->sentences, i);
          gboolean taken = ss->item != NULL && item_taken_by (ss->item, choice->taken);
          int local = -1;

          if (ss->draft >= 0 && draft_paragraph_of (run, ss->draft) == target)
            for (guint d = 0; d < n; d++)
              if (g_ptr_array_index (draft_sentences, d) == draft_sentence (run, ss->draft))
                local = d;

          if (ss->status == STATUS_EXTENDS && local >= 0 && taken)
            {
              const DeskSentence *ds = g_ptr_array_index (draft_sentences, local);

              if (replacements[local].ss == NULL && sentence_runs (candidate, ss) &&
                  may_replace (run, ds, draft_text, ss->sentence, candidate->text))
                {
                  replacements[local].ss = ss;
                  replacements[local].candidate = candidate;
                }
              last_draft = local;
            }
          else if (ss->status == STATUS_NEW && taken)
            {
              Insert insert = { ss, candidate };

              /* The same words once, however many sources bring them. */
              if (!sentence_runs (candidate, ss) ||
                  count_quote_marks (candidate->text + ss->sentence->start,
                                     ss->sentence->end - ss->sentence->start) % 2 != 0 ||
                  quote_open_after (draft_text, draft_sentences, last_draft) ||
                  g_hash_table_contains (inserted, &ss->sentence->wording) ||
                  words_in_paragraph (ss->sentence, draft_sentences))
                continue;
              g_hash_table_add (inserted, &ss->sentence->wording);
              g_array_append_val (g_ptr_array_index (inserts, last_draft + 1), insert);
            }
          else if (local >= 0)
            last_draft = MAX (last_draft, local);
        }
    }

  /* A draft that a cut left in the middle of its last sentence ("“This is the") has that
   * sentence whole in a source: the whole one, put in after the sentence before, takes the
   * fragment's place instead of standing beside it. */
  if (n > 0 && replacements[n - 1].ss == NULL)
    {
      const DeskSentence *last = g_ptr_array_index (draft_sentences, n - 1);
      GArray *before = g_ptr_array_index (inserts, n - 1);
      g_autofree char *last_text = g_strndup (draft_text + last->start, last->end - last->start);

      for (guint k = 0; k < before->len && !_desk_wire_text_ends_sentence (last_text, DESK_SENTENCE_END_COLON); k++)
        {
          Insert *insert = &g_array_index (before, Insert, k);

          if (completes_fragment (last, insert->ss->sentence))
            {
              replacements[n - 1] = *insert;
              g_array_remove_index (before, k);
              break;
            }
        }
    }

  for (int d = -1; d < (int)n; d++)
    {
      GArray *here = g_ptr_array_index (inserts, d + 1);

      if (d >= 0)
        {
          const DeskSentence *ds = g_ptr_array_index (draft_sentences, d);
          Insert *replacement = &replacements[d];

          if (replacement->ss != NULL)
            append_sentence (text, new_text, marks, replacement->candidate->text,
                             replacement->ss->sentence, ds);
          else
            {
              if (text->len > 0)
                g_string_append_c (text, ' ');
              g_string_append_len (text, draft_text + ds->start, ds->end - ds->start);
            }
        }

      /* Nothing goes after a draft sentence that a cut left without its end: it would run
       * on into the new one. */
      if (d >= 0 && replacements[d].ss == NULL && here->len > 0)
        {
          const DeskSentence *ds = g_ptr_array_index (draft_sentences, d);
          g_autofree char *draft_side = g_strndup (draft_text + ds->start, ds->end - ds->start);

          if (!_desk_wire_text_ends_sentence (draft_side, DESK_SENTENCE_END_COLON))
            continue;
        }

      for (guint k = 0; k < here->len; k++)
        {
          Insert *insert = &g_array_index (here, Insert, k);

          append_sentence (text, new_text, marks, insert->candidate->text, insert->ss->sentence, NULL);
        }
    }

  if (marks->len == 0)
    return NULL;

  suggestion = desk_suggestion_new (DESK_SUGGESTION_ADDITION, text->str, target, target,
                                    MIN (1.0, (double)(marks->len / 2) / MAX (1u, n_sentences)));
  desk_suggestion_set_new_text (suggestion, new_text->str);
  for (guint i = 0; i + 1 < marks->len; i += 2)
    desk_suggestion_add_mark (suggestion, g_array_index (marks, guint, i),
                              g_array_index (marks, guint, i + 1));

  return suggestion;
}

static void
add_source_of (DeskSuggestion *suggestion,
               Candidate      *candidate)
{
  desk_suggestion_add_source (suggestion, candidate->source->id, candidate->source->name,
                              g_array_index (candidate->source->blocks, guint, candidate->paragraph));
}

/* Whether @text is a photo credit standing alone: "(AP Photo/Name)", "Photo: Name". */
static gboolean
is_bare_credit (const char *text)
{
  guint words = 0;

  for (const char *p = text; *p != '\0'; p++)
    words += g_ascii_isspace (*p) && !g_ascii_isspace (p[1]) && p[1] != '\0';

  return words < BARE_CREDIT_WORDS &&
         desk_prose_judge (text, -1, DESK_PROSE_PARAGRAPH) == DESK_PROSE_CAPTION;
}

/* Whether most of what @candidate carries is carried by another source too. */
static gboolean
is_supported (Run       *run,
              Candidate *candidate)
{
  guint shared = 0;

  for (guint c = 0; c < candidate->clusters->len; c++)
    {
      GHashTable *members = g_ptr_array_index (run->cluster_sources,
                                               g_array_index (candidate->clusters, guint, c));

      shared += g_hash_table_size (members) >= 2;
    }

  return candidate->clusters->len > 0 && shared * 2 > candidate->clusters->len;
}

/* Whether the running text of a source that aligns with no paragraph of the draft is the
 * same story told otherwise: most of the names and numbers it gives — the anchors of its
 * facts — are in the draft. Another story shares a few names with it at most. */
static gboolean
is_same_story (Run       *run,
               GPtrArray *of_source,
               gboolean  *running,
               GArray    *blocks)
{
  guint anchors = 0, known = 0;

  for (guint i = 0; i < of_source->len; i++)
    {
      Candidate *candidate = g_ptr_array_index (of_source, i);

      if (!running[g_array_index (blocks, guint, candidate->paragraph)])
        continue;
      for (guint k = 0; k < candidate->sentences->len; k++)
        {
          const DeskSentence *sentence = ((SourceSentence *)g_ptr_array_index (candidate->sentences, k))->sentence;

          for (guint t = 1; t < sentence->n_tokens; t++)
            {
              const DeskToken *token = &sentence->tokens[t];

              if (!token_is (run, token, DESK_TOKEN_NAME) && !(token->flags & DESK_TOKEN_NUMBER))
                continue;
              anchors++;
              known += word_set_contains (run->draft_all_words, token->id);
            }
        }
    }

  return anchors > 0 && known >= SAME_STORY_ANCHORS * anchors;
}

/* The texts that some source shows as a photo's caption: a block that a bare photo credit
 * follows, or one a page shows twice (a gallery's caption and its image's alternative
 * text). A story never says a paragraph twice. Whatever one page shows as a caption is a
 * caption on every page that reprints it, even without its credit. */
static GPtrArray *
find_captions_of (SnapSource *source)
{
  GPtrArray *captions = g_ptr_array_new ();
  g_autoptr(GHashTable) seen = g_hash_table_new_full (desk_hash_text, g_str_equal, g_free, NULL);
  DeskBlock * const *blocks;
  guint n_blocks;

  blocks = desk_block_model_peek (DESK_BLOCK_MODEL (source->model), &n_blocks);
  for (guint b = 0; b < n_blocks; b++)
    {
      const char *text = desk_block_get_text (blocks[b]);
      gsize length = strlen (text);
      const char *before;
      char *opening;

      if (b + 1 < n_blocks && is_bare_credit (desk_block_get_text (blocks[b + 1])))
        g_ptr_array_add (captions, (gpointer)text);

      /* Shown twice: the same opening, whatever credit one copy carries on. */
      if (length < DOUBLED_MIN_BYTES)
        continue;
      opening = g_utf8_make_valid (text, MIN (length, DOUBLED_MIN_BYTES));
      before = g_hash_table_lookup (seen, opening);
      if (before != NULL)
        {
          g_ptr_array_add (captions, (gpointer)before);
          g_ptr_array_add (captions, (gpointer)text);
          g_free (opening);
        }
      else
        g_hash_table_insert (seen, opening, (gpointer)text);
    }

  return captions;
}

/* Marks the paragraphs whose text some source shows as a photo's caption: their
 * ParagraphAnalysis.caption is then the generation's captions_made. Found again only when
 * the sources' analyses are not those they were last found in (a source added, removed,
 * read again). Paragraphs read since are not marked, but a source paragraph read since
 * came with a new analysis, and the others (the draft's) are not asked. */
static void
find_captions (Run *run)
{
  Generation *generation = run->generation;
  GPtrArray *sources = run->snapshot->sources;
  gboolean same = generation->caption_serials != NULL &&
                  generation->caption_serials->len == sources->len;

  for (guint s = 0; same && s < sources->len; s++)
    same = g_array_index (generation->caption_serials, guint64, s) ==
           ((SnapSource *)g_ptr_array_index (sources, s))->analysis->serial;
  if (same)
    return;

  g_clear_pointer (&generation->caption_serials, g_array_unref);
  generation->caption_serials = g_array_sized_new (FALSE, FALSE, sizeof (guint64), sources->len);
  generation->captions_made++;
  for (guint s = 0; s < sources->len; s++)
    {
      SnapSource *source = g_ptr_array_index (sources, s);
      GPtrArray *captions = source->analysis->captions;

      g_array_append_val (generation->caption_serials, source->analysis->serial);
      for (guint i = 0; i < captions->len; i++)
        {
          ParagraphAnalysis *paragraph = g_hash_table_lookup (generation->paragraphs,
                                                              g_ptr_array_index (captions, i));

          if (paragraph != NULL)
            paragraph->caption = generation->captions_made;
        }
    }
}

/* Reads what a run needs of @source alone: the sentences of its body paragraphs, whether
 * each reads as running text, its captions, and which of its blocks interrupt a story's
 * run: furniture and fragments (labels, related headlines, buttons), not a photo's
 * caption, which stories carry inside their text. */
static gboolean is_headline (const char *title);

static SourceAnalysis *
source_analysis_new (SnapSource  *source,
                     Generation  *generation)
{
  SourceAnalysis *analysis = g_new0 (SourceAnalysis, 1);
  g_autofree guint *seen = NULL;    /* per word: its index in analysis->words + 1 */
  const guint8 *roles;
  gsize n_roles;
  guint p = 0;

  analysis->title_content = g_array_new (FALSE, FALSE, sizeof (guint));

  analysis->model = g_object_ref (source->model);
  analysis->roles = g_bytes_ref (source->roles);
  analysis->words = g_array_new (FALSE, FALSE, sizeof (guint));
  analysis->paragraphs = g_ptr_array_new_with_free_func ((GDestroyNotify)paragraph_analysis_unref);
  for (guint i = 0; i < source->texts->len; i++)
    {
      ParagraphAnalysis *paragraph = generation_read (generation,
                                                      g_ptr_array_index (source->texts, i));

      paragraph->ref_count++;
      g_ptr_array_add (analysis->paragraphs, paragraph);
    }

  /* The source's words in the order a parse of it alone meets them, and which it takes
   * for names. */
  seen = g_new0 (guint, MAX (desk_lexicon_get_n_words (generation->lexicon), 1));
  for (guint i = 0; i < analysis->paragraphs->len; i++)
    {
      GArray *words = ((ParagraphAnalysis *)g_ptr_array_index (analysis->paragraphs, i))->words;

      for (guint w = 0; w < words->len; w++)
        {
          guint word = g_array_index (words, guint, w);
          guint id = word >> 1;

          if (seen[id] == 0)
            {
              guint plain = id << 1;

              g_array_append_val (analysis->words, plain);
              seen[id] = analysis->words->len;
            }
          g_array_index (analysis->words, guint, seen[id] - 1) |= word & 1;
        }
    }
  analysis->captions = find_captions_of (source);

  analysis->title = g_strdup (source->title);
  if (source->title != NULL && source->title[0] != '\0' && is_headline (source->title))
    {
      g_autoptr(DeskSentence) title = desk_sentence_new (generation->lexicon, source->title, 0,
                                                         strlen (source->title));

      analysis->headline = TRUE;
      analysis->title_hash = title->hash;
      g_array_append_vals (analysis->title_content, title->content, title->n_content);
    }

  roles = g_bytes_get_data (source->roles, &n_roles);
  analysis->n_blocks = n_roles;
  analysis->breaks = g_new0 (gboolean, MAX (n_roles, 1));
  for (guint b = 0; b < n_roles; b++)
    switch (roles[b] & ~ROLE_OVERRIDDEN)
      {
      case DESK_BLOCK_ROLE_CAPTION:
      case DESK_BLOCK_ROLE_CREDIT:
        break;
      case DESK_BLOCK_ROLE_FURNITURE:
        /* A page header that a scrape cut the story with, and the like; what is a label
         * or a related headline ingest leaves as text, judged here. */
        analysis->breaks[b] = FALSE;
        break;
      case DESK_BLOCK_ROLE_BODY:
        analysis->breaks[b] = ((ParagraphAnalysis *)g_ptr_array_index (analysis->paragraphs, p++))->prose
                              != DESK_PROSE_CAPTION;
        break;
      default:
        analysis->breaks[b] = TRUE;
        break;
      }

  return analysis;
}

/* Step 4a: which paragraphs of one source are the story, from the evidence the roundup
 * gives, never from a site's wording:
 *  - only running text is proposed (desk-prose.c: not labels, headlines, captions,
 *    pitches, links, notices or contact blocks), unless the editor said it is body text;
 *    nor what any source shows as a photo's caption (find_captions);
 *  - the story is where the source's running text aligns with the draft: between its
 *    first and last aligned paragraphs, and on from either end while running text goes on
 *    unbroken (a longer version's later paragraphs, a writethru's new top); past a break —
 *    a label, a related headline, a widget — only what another source carries as well;
 *  - inside the story, a paragraph that sits between two blocks that are not running text
 *    (a video's description between "Now playing" and its credit) is part of a widget,
 *    unless another source carries it;
 *  - a source whose running text aligns with no paragraph of a non-empty draft is the
 *    same story told otherwise when its names and numbers are the draft's, and another
 *    story, held whole, when they are not.
 * Aligned paragraphs are never held: their new sentences are judged one by one. */
static gboolean
judge_source (Run       *run,
              GPtrArray *of_source)
{
  SnapSource *source;
  const guint8 *roles;
  gsize n_roles;
  guint n_blocks;
  g_autofree gboolean *running = NULL;
  g_autofree gboolean *breaks = NULL;
  int first = -1, last = -1;
  gboolean anchored;

  if (of_source->len == 0)
    return FALSE;

  /* The roles as the snapshot took them: the editor may be correcting one meanwhile. */
  source = ((Candidate *)g_ptr_array_index (of_source, 0))->source;
  roles = g_bytes_get_data (source->roles, &n_roles);
  n_blocks = n_roles;
  running = g_new0 (gboolean, n_blocks);
  /* What interrupts a story's run (source_analysis_new()); a block the draft carries
   * too is taken out below. */
  breaks = g_memdup2 (source->analysis->breaks, MAX (n_blocks, 1) * sizeof (gboolean));

  for (guint i = 0; i < of_source->len; i++)
    {
      Candidate *candidate = g_ptr_array_index (of_source, i);
      guint b = g_array_index (source->blocks, guint, candidate->paragraph);

      gboolean overridden = (roles[b] & ROLE_OVERRIDDEN) != 0;

      running[b] = overridden || paragraph_runs (candidate);

      /* A photo's caption, here or in another source. */
      if (running[b] && !overridden &&
          candidate->analysis->caption == run->generation->captions_made)
        running[b] = FALSE;

      /* A block the draft carries too (a caption both pages show) is part of the story. */
      if (candidate->aligned >= 0)
        breaks[b] = FALSE;
      candidate->anchor = candidate->aligned >= 0 && running[b];
      if (candidate->anchor)
        {
          if (first < 0)
            first = i;
          last = i;
        }
    }

  anchored = first >= 0;

  /* No running paragraph aligns: the same story in other words starts at its first
   * running paragraph; another story is held whole. */
  if (first < 0 && run->snapshot->draft->len > 0)
    {
      if (!is_same_story (run, of_source, running, source->blocks))
        {
          for (guint i = 0; i < of_source->len; i++)
            ((Candidate *)g_ptr_array_index (of_source, i))->held = TRUE;
          return FALSE;
        }
      for (guint i = 0; i < of_source->len && first < 0; i++)
        if (running[g_array_index (source->blocks, guint,
                                   ((Candidate *)g_ptr_array_index (of_source, i))->paragraph)])
          first = last = i;
    }

  for (guint i = 0; i < of_source->len; i++)
    {
      Candidate *candidate = g_ptr_array_index (of_source, i);
      guint b = g_array_index (source->blocks, guint, candidate->paragraph);
      gboolean unbroken = TRUE;

      if ((candidate->aligned >= 0 && running[b]) || candidate->clusters->len == 0)
        continue;

      if (!running[b])
        {
          candidate->held = TRUE;
          continue;
        }

      if (first < 0 || ((int)i >= first && (int)i <= last && last == first))
        continue;

      if ((int)i > first && (int)i < last)
        {
          gboolean widget = b > 0 && !running[b - 1] && b + 1 < n_blocks && !running[b + 1];

          candidate->held = widget && !is_supported (run, candidate);
          continue;
        }

      if ((int)i > last)
        {
          guint from = g_array_index (source->blocks, guint,
                                      ((Candidate *)g_ptr_array_index (of_source, last))->paragraph);

          for (guint k = from + 1; k < b; k++)
            unbroken &= running[k] || !breaks[k];
        }
      else
        {
          guint to = g_array_index (source->blocks, guint,
                                    ((Candidate *)g_ptr_array_index (of_source, first))->paragraph);

          for (guint k = b + 1; k < to; k++)
            unbroken &= running[k] || !breaks[k];
        }

      candidate->held = !unbroken && !is_supported (run, candidate);
    }

  return anchored;
}

/* Where new content of a source that aligns nowhere with the draft goes: after the draft
 * paragraph that shares most of its words (the same people, the same place in the story),
 * or at the end. Never above the draft's lead: only a newer lead goes there, and a source
 * that aligns nowhere does not show that it is one. */
static int
place_by_words (Run       *run,
                Candidate *candidate)
{
  int best = (int)run->draft_words->len - 1;
  guint best_shared = 0;

  for (guint p = 0; p < run->draft_words->len; p++)
    {
      const WordSet *words = g_ptr_array_index (run->draft_words, p);
      guint shared = 0;

      for (guint k = 0; k < candidate->sentences->len; k++)
        {
          const DeskSentence *sentence = ((SourceSentence *)g_ptr_array_index (candidate->sentences, k))->sentence;

          for (guint w = 0; w < sentence->n_content; w++)
            shared += word_set_contains (words, sentence->content[w]);
        }
      if (shared > best_shared)
        {
          best_shared = shared;
          best = p;
        }
    }

  return best;
}

/* Whether what a source tells before its first paragraph that aligns with the draft can be
 * a new top of the story (a writethru's new lead and what follows it): only when that
 * paragraph is in the first half of the draft, so that the old story goes on under the new
 * top from near its beginning. A version that first meets the draft in its second half
 * told the story in another order, and its earlier paragraphs belong where their words
 * do. */
static gboolean
opens_on_draft_top (Run       *run,
                    GPtrArray *of_source)
{
  for (guint i = 0; i < of_source->len; i++)
    {
      Candidate *candidate = g_ptr_array_index (of_source, i);

      if (candidate->anchor)
        return (guint)candidate->aligned * 2 < run->draft_words->len;
    }

  return FALSE;
}

/* Step 4: choose, among all candidates, which version of each piece of content to propose. */
static void
choose (Run *run)
{
  g_autoptr(GPtrArray) choices = g_ptr_array_new_with_free_func ((GDestroyNotify)choice_free);
  g_autoptr(GHashTable) proposed = g_hash_table_new (NULL, NULL);    /* cluster + 1 → Choice */
  g_autoptr(GHashTable) additions = g_hash_table_new (NULL, NULL);   /* target + 1 → lead Choice */
  g_autoptr(GPtrArray) emitted = g_ptr_array_new ();
  guint start = 0;

  find_captions (run);

  /* Placement, source by source. */
  while (start < run->candidates->len)
    {
      Candidate *first = g_ptr_array_index (run->candidates, start);
      g_autoptr(GPtrArray) of_source = g_ptr_array_new ();
      g_autoptr(GArray) after = NULL;
      guint end = start;
      gboolean anchored;
      gboolean new_top;

      while (end < run->candidates->len &&
             ((Candidate *)g_ptr_array_index (run->candidates, end))->source == first->source)
        g_ptr_array_add (of_source, g_ptr_array_index (run->candidates, end++));

      anchored = judge_source (run, of_source);
      after = place_source (of_source);
      new_top = anchored && opens_on_draft_top (run, of_source);
      for (guint i = 0; i < of_source->len; i++)
        {
          Candidate *candidate = g_ptr_array_index (of_source, i);
          Choice *choice;

          if (candidate->clusters->len == 0 || candidate->held)
            continue;

          choice = g_new0 (Choice, 1);
          choice->candidate = candidate;
          choice->after = anchored ? g_array_index (after, int, i) : place_by_words (run, candidate);
          /* Above the lead only as a new top of the story. */
          if (choice->after < 0 && anchored && !new_top)
            choice->after = place_by_words (run, candidate);
          choice->position = (double)(i + 1) / (of_source->len + 1);
          g_ptr_array_add (choices, choice);
        }

      start = end;
    }

  g_ptr_array_sort (choices, compare_choices);

  for (guint i = 0; i < choices->len; i++)
    {
      Choice *choice = g_ptr_array_index (choices, i);
      Candidate *candidate = choice->candidate;
      g_autoptr(GHashTable) owners = g_hash_table_new (NULL, NULL);
      Choice *owner = NULL;
      guint fresh = 0, owner_votes = 0;

      for (guint c = 0; c < candidate->clusters->len; c++)
        {
          gpointer key = GUINT_TO_POINTER (g_array_index (candidate->clusters, guint, c) + 1);
          Choice *by = g_hash_table_lookup (proposed, key);

          if (by == NULL)
            fresh++;
          else
            {
              guint votes = GPOINTER_TO_UINT (g_hash_table_lookup (owners, by)) + 1;

              g_hash_table_insert (owners, by, GUINT_TO_POINTER (votes));
              if (votes > owner_votes)
                {
                  owner = by;
                  owner_votes = votes;
                }
            }
        }

      /* What it carries was proposed already: it is one more source for it. */
      if (owner != NULL && owner_votes * 2 > candidate->clusters->len)
        {
          Choice *lead = owner->lead ? owner->lead : owner;

          if (lead->suggestion != NULL)
            {
              add_source_of (lead->suggestion, candidate);
              if (fresh == 0 && candidate->aligned < 0)
                desk_suggestion_add_alternative (lead->suggestion, candidate->source->name,
                                                 candidate->text);
            }
          /* An addition not built yet gathers its carriers; a missing paragraph that was
           * not proposed (nothing in it read as news) has none to gather. */
          else if (lead->carriers != NULL)
            g_ptr_array_add (lead->carriers, candidate);
        }

      if (fresh == 0)
        continue;

      choice->taken = g_array_new (FALSE, FALSE, sizeof (guint));
      for (guint c = 0; c < candidate->clusters->len; c++)
        {
          guint cluster = g_array_index (candidate->clusters, guint, c);
          gpointer key = GUINT_TO_POINTER (cluster + 1);

          if (!g_hash_table_contains (proposed, key))
            {
              g_hash_table_insert (proposed, key, choice);
              g_array_append_val (choice->taken, cluster);
            }
        }

      if (candidate->aligned < 0)
        {
          g_autofree char *text = missing_text (candidate, choice->taken);

          /* A paragraph that restates the draft as a whole. */
          if (restates_draft (run, candidate))
            continue;

          /* Nothing that reads as running text, or sentences cut out of a quotation. */
          if (text[0] == '\0' || count_quote_marks (text, strlen (text)) % 2 != 0)
            continue;
          choice->suggestion = desk_suggestion_new (DESK_SUGGESTION_MISSING, text, choice->after,
                                                    -1, 1.0);
          add_source_of (choice->suggestion, candidate);
          g_ptr_array_add (emitted, choice);
        }
      else
        {
          /* Every source's additions to one draft paragraph make one suggestion. */
          Choice *lead = g_hash_table_lookup (additions, GINT_TO_POINTER (candidate->aligned + 1));

          if (lead == NULL)
            {
              lead = choice;
              lead->members = g_ptr_array_new ();
              lead->carriers = g_ptr_array_new ();
              g_hash_table_insert (additions, GINT_TO_POINTER (candidate->aligned + 1), lead);
              g_ptr_array_add (emitted, lead);
            }
          else
            choice->lead = lead;
          g_ptr_array_add (lead->members, choice);
        }
    }

  for (guint i = 0; i < emitted->len;)
    {
      Choice *lead = g_ptr_array_index (emitted, i);

      if (lead->members != NULL)
        {
          lead->suggestion = build_addition (run, lead->candidate->aligned, lead->members);
          if (lead->suggestion == NULL)
            {
              g_ptr_array_remove_index (emitted, i);
              continue;
            }
          for (guint m = 0; m < lead->members->len; m++)
            add_source_of (lead->suggestion, ((Choice *)g_ptr_array_index (lead->members, m))->candidate);
          for (guint c = 0; c < lead->carriers->len; c++)
            add_source_of (lead->suggestion, g_ptr_array_index (lead->carriers, c));
        }
      i++;
    }

  /* In story order: by the draft paragraph they follow or change, then by their place
   * in their source. */
  for (guint i = 0; i < emitted->len; i++)
    {
      Choice *choice = g_ptr_array_index (emitted, i);
      g_ptr_array_add (run->results, g_object_ref (choice->suggestion));
    }
}

static double
suggestion_order (DeskSuggestion *suggestion,
                  double          position)
{
  switch (desk_suggestion_get_kind (suggestion))
    {
    case DESK_SUGGESTION_HEADLINE:
      return -10;
    case DESK_SUGGESTION_MISSING:
      return desk_suggestion_get_after (suggestion) + 0.5 + position * 0.4;
    case DESK_SUGGESTION_ADDITION:
    case DESK_SUGGESTION_CONFLICT:
    case DESK_SUGGESTION_VARIANT:
    default:
      return desk_suggestion_get_target (suggestion) + position * 0.1;
    }
}

typedef struct
{
  DeskSuggestion *suggestion;
  double          order;
  guint           sequence;
} Ordered;

static int
compare_ordered (gconstpointer a,
                 gconstpointer b)
{
  const Ordered *oa = a, *ob = b;

  if (oa->order != ob->order)
    return oa->order < ob->order ? -1 : 1;
  return (int)oa->sequence - (int)ob->sequence;
}

/* Whether a source's title can be a headline: not a page's script or a prompt, a link, a
 * notice, a caption that a scrape took for its title. A headline need not be a sentence. */
static gboolean
is_headline (const char *title)
{
  switch (desk_prose_judge (title, -1, DESK_PROSE_PARAGRAPH))
    {
    case DESK_PROSE_ADDRESSED:
    case DESK_PROSE_CAPTION:
    case DESK_PROSE_LINK:
    case DESK_PROSE_NOTICE:
    case DESK_PROSE_CONTACT:
      return FALSE;
    case DESK_PROSE_SENTENCE:
    case DESK_PROSE_FRAGMENT:
    default:
      break;
    }

  if (strpbrk (title, "{};=<>") != NULL)
    return FALSE;

  /* Nor a byline, a stamp or a credit that a scrape took for the title: what the rulebook
   * gives a role of its own is not a headline. */
  {
    DeskRoleVerdict verdict;
    gboolean decided = _desk_roles_judge (title, _desk_wire_text_count_words (title),
                                          DESK_ROLES_ANYWHERE, &verdict);
    DeskBlockRole role = verdict.role;

    _desk_role_verdict_clear (&verdict);
    return !decided || role == DESK_BLOCK_ROLE_BODY || role == DESK_BLOCK_ROLE_HEADLINE;
  }
}

/* Whether a source's title is in the story's words: see HEADLINE_ABOUT_STORY. Its words
 * are the cache's; one that this run never imported is in no paragraph of the draft. */
static gboolean
headline_about_story (Run                  *run,
                      const SourceAnalysis *analysis)
{
  guint known = 0;

  if (run->snapshot->draft->len == 0 || analysis->title_content->len == 0)
    return TRUE;
  for (guint w = 0; w < analysis->title_content->len; w++)
    {
      guint id = g_array_index (analysis->title_content, guint, w);

      known += id < run->n_map && run->map[id] != G_MAXUINT &&
               word_set_contains (run->draft_all_words, run->map[id]);
    }
  return known > HEADLINE_ABOUT_STORY * analysis->title_content->len;
}

static void
suggest_headlines (Run *run)
{
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GArray) proposed = g_array_new (FALSE, FALSE, sizeof (guint64));  /* title hashes */
  g_autoptr(GPtrArray) headlines = g_ptr_array_new ();                         /* ... of these */

  /* Words compare as the cache read them: whether two titles, or a title and the draft's
   * headline, have the same words does not depend on which lexicon numbered them. */
  if (run->headline != NULL)
    for (guint i = 0; i < run->headline->sentences->len; i++)
      g_hash_table_add (seen, g_strdup_printf ("%" G_GUINT64_FORMAT,
                                               ((DeskSentence *)g_ptr_array_index (run->headline->sentences, i))->hash));

  for (guint i = 0; i < run->snapshot->rejected->len; i++)
    g_hash_table_add (seen, g_strdup (g_ptr_array_index (run->snapshot->rejected, i)));

  for (guint s = 0; s < run->snapshot->sources->len; s++)
    {
      SnapSource *source = g_ptr_array_index (run->snapshot->sources, s);
      g_autofree char *key = NULL;
      DeskSuggestion *suggestion;

      if (!source->analysis->headline || g_hash_table_contains (seen, source->title))
        continue;

      if (!headline_about_story (run, source->analysis))
        continue;
      key = g_strdup_printf ("%" G_GUINT64_FORMAT, source->analysis->title_hash);
      if (g_hash_table_contains (seen, key))
        {
          /* The same headline as one proposed already: one more source for it. */
          for (guint r = 0; r < headlines->len; r++)
            if (g_array_index (proposed, guint64, r) == source->analysis->title_hash)
              desk_suggestion_add_source (g_ptr_array_index (headlines, r), source->id,
                                          source->name, 0);
          continue;
        }

      g_hash_table_add (seen, g_steal_pointer (&key));
      suggestion = desk_suggestion_new (DESK_SUGGESTION_HEADLINE, source->title, -1, -1, 1.0);
      desk_suggestion_add_source (suggestion, source->id, source->name, 0);
      g_ptr_array_add (run->results, suggestion);
      g_ptr_array_add (headlines, suggestion);
      g_array_append_val (proposed, source->analysis->title_hash);
    }
}

typedef struct
{
  SnapSource *source;
  guint       source_index;
  guint       paragraph;
  Candidate  *candidate;   /* read, not yet compared */
  Candidate  *first;       /* or: the paragraph it repeats */
} Planned;

static GPtrArray *
run_snapshot (Snapshot     *snapshot,
              GCancellable *cancellable)
{
  Run run = { 0 };
  g_autoptr(GArray) ordered = NULL;
  g_autoptr(GArray) plan = NULL;
  GPtrArray *results;
  GHashTableIter iter;
  gpointer value;
  Generation *generation;
  g_autoptr(GPtrArray) draft_read = NULL;     /* ParagraphAnalysis, per draft paragraph */
  g_autoptr(GPtrArray) rejected_read = NULL;  /* ParagraphAnalysis, per rejected text */

  /* What is known of each source from the runs before (the caller holds the lock). */
  generation = analysis_cache_begin (snapshot->cache, snapshot->aliases, snapshot->aliases_key);
  for (guint s = 0; s < snapshot->sources->len; s++)
    {
      SnapSource *source = g_ptr_array_index (snapshot->sources, s);

      source->analysis = analysis_cache_lookup (snapshot->cache, generation, source);
    }
  draft_read = g_ptr_array_new ();
  for (guint p = 0; p < snapshot->draft->len; p++)
    {
      ParagraphAnalysis *paragraph = generation_read (generation, g_ptr_array_index (snapshot->draft, p));

      paragraph->used = snapshot->cache->runs;
      g_ptr_array_add (draft_read, paragraph);
    }
  rejected_read = g_ptr_array_new ();
  for (guint r = 0; r < snapshot->rejected->len; r++)
    {
      ParagraphAnalysis *paragraph = generation_read (generation, g_ptr_array_index (snapshot->rejected, r));

      paragraph->used = snapshot->cache->runs;
      g_ptr_array_add (rejected_read, paragraph);
    }

  if (snapshot->headline != NULL)
    {
      run.headline = generation_read (generation, snapshot->headline);
      run.headline->used = snapshot->cache->runs;
    }

  run.snapshot = snapshot;
  run.generation = generation;
  run.lexicon = desk_lexicon_new (snapshot->aliases);
  run.cache_lexicon = generation->lexicon;
  run.n_map = desk_lexicon_get_n_words (generation->lexicon);
  run.map = g_new (guint, MAX (run.n_map, 1));
  memset (run.map, 0xff, MAX (desk_lexicon_get_n_words (generation->lexicon), 1) * sizeof (guint));
  run.imported = g_new0 (gboolean, MAX (snapshot->sources->len, 1));
  run.draft_sentences = g_ptr_array_new_with_free_func (g_free);
  run.draft_parsed = g_ptr_array_new_with_free_func ((GDestroyNotify)g_ptr_array_unref);
  run.draft_words = g_ptr_array_new_with_free_func ((GDestroyNotify)word_set_free);
  run.rejected = g_ptr_array_new_with_free_func ((GDestroyNotify)desk_sentence_free);
  run.cluster_reps = g_ptr_array_new ();
  run.cluster_sources = g_ptr_array_new_with_free_func ((GDestroyNotify)g_hash_table_unref);
  run.candidates = g_ptr_array_new_with_free_func ((GDestroyNotify)candidate_free);
  run.items = g_ptr_array_new_with_free_func ((GDestroyNotify)item_free);
  run.owned_units = g_ptr_array_new_with_free_func ((GDestroyNotify)desk_sentence_free);
  run.conflicts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  run.variants = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  run.seen_texts = g_hash_table_new (NULL, NULL);
  run.draft_all_words = word_set_new ();
  run.draft_ids = g_array_new (FALSE, FALSE, sizeof (guint));
  run.source_words = g_ptr_array_new_with_free_func ((GDestroyNotify)word_set_free);
  g_ptr_array_set_size (run.source_words, snapshot->sources->len);
  run.name_pairs = g_array_new (FALSE, TRUE, sizeof (NamePair));
  g_array_set_clear_func (run.name_pairs, name_pair_clear);
  run.results = g_ptr_array_new_with_free_func (g_object_unref);
  index_init (&run.draft_index);
  index_init (&run.rejected_index);
  index_init (&run.cluster_index);

  /* Step 1: the draft. */
  const guint paragraph_end = G_MAXUINT;

  for (guint p = 0; p < snapshot->draft->len; p++)
    {
      GPtrArray *sentences = read_paragraph (&run, g_ptr_array_index (draft_read, p));
      WordSet *words = word_set_new ();

      g_ptr_array_add (run.draft_parsed, sentences);
      g_ptr_array_add (run.draft_words, words);
      for (guint i = 0; i < sentences->len; i++)
        {
          DraftSentence *ds = g_new0 (DraftSentence, 1);
          const DeskSentence *sentence = g_ptr_array_index (sentences, i);

          for (guint w = 0; w < sentence->n_content; w++)
            {
              word_set_add (words, sentence->content[w]);
              word_set_add (run.draft_all_words, sentence->content[w]);
            }
          for (guint t = 0; t < sentence->n_tokens; t++)
            g_array_append_val (run.draft_ids, sentence->tokens[t].id);

          ds->sentence = g_ptr_array_index (sentences, i);
          ds->paragraph = p;
          index_add (&run.draft_index, run.draft_sentences->len, ds->sentence);
          g_ptr_array_add (run.draft_sentences, ds);
        }
      g_array_append_val (run.draft_ids, paragraph_end);
    }

  for (guint r = 0; r < snapshot->rejected->len; r++)
    {
      g_autoptr(GPtrArray) sentences = read_paragraph (&run, g_ptr_array_index (rejected_read, r));

      for (guint i = 0; i < sentences->len; i++)
        {
          index_add (&run.rejected_index, run.rejected->len, g_ptr_array_index (sentences, i));
          g_ptr_array_add (run.rejected, g_steal_pointer (&sentences->pdata[i]));
        }
      g_ptr_array_set_free_func (sentences, NULL);
    }

  /* Steps 2 and 3: every paragraph of every source, read first, then compared. A paragraph
   * another source has word for word is read once. */
  for (guint s = 0; s < snapshot->sources->len; s++)
    run.n_slab += ((SnapSource *)g_ptr_array_index (snapshot->sources, s))->texts->len;
  run.slab = g_new0 (Candidate, MAX (run.n_slab, 1));
  plan = g_array_new (FALSE, FALSE, sizeof (Planned));
  for (guint s = 0; s < snapshot->sources->len; s++)
    {
      SnapSource *source = g_ptr_array_index (snapshot->sources, s);

      for (guint p = 0; p < source->texts->len; p++)
        {
          ParagraphAnalysis *text = g_ptr_array_index (source->analysis->paragraphs, p);
          Candidate *first = g_hash_table_lookup (run.seen_texts, text);
          Planned planned = { source, s, p, NULL, NULL };

          if (first != NULL && first->source != source)
            planned.first = first;
          else
            {
              planned.candidate = make_candidate (&run, source, s, p);
              g_hash_table_insert (run.seen_texts, text, planned.candidate);
            }
          g_array_append_val (plan, planned);
        }
    }

  for (guint i = 0; i < plan->len && !g_cancellable_is_cancelled (cancellable); i++)
    {
      Planned *planned = &g_array_index (plan, Planned, i);
      Candidate *candidate = planned->candidate;

      if (planned->first != NULL)
        candidate = repeat_candidate (&run, planned->first, planned->source, planned->source_index,
                                      planned->paragraph);
      else
        {
          classify_candidate (&run, candidate);
          collect_items (&run, candidate);
        }
      g_ptr_array_add (run.candidates, candidate);
      planned->candidate = NULL;
    }

  /* Paragraphs not reached when cancelled. */
  for (guint i = 0; i < plan->len; i++)
    g_clear_pointer (&g_array_index (plan, Planned, i).candidate, candidate_free);

  /* Names a source calls otherwise: learned, and everything read again with them. */
  if (!snapshot->learned_pass && !g_cancellable_is_cancelled (cancellable) &&
      learn_aliases (&run) > 0)
    {
      for (guint i = 0; i < run.draft_sentences->len; i++)
        ((DraftSentence *)g_ptr_array_index (run.draft_sentences, i))->sentence = NULL;
      run_clear (&run);
      analysis_cache_end (snapshot->cache, generation);
      snapshot->learned_pass = TRUE;
      return run_snapshot (snapshot, cancellable);
    }

  /* Step 4 and 5. */
  choose (&run);
  suggest_headlines (&run);

  g_hash_table_iter_init (&iter, run.conflicts);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    g_ptr_array_add (run.results, g_object_ref (value));
  g_hash_table_iter_init (&iter, run.variants);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    g_ptr_array_add (run.results, g_object_ref (value));

  ordered = g_array_new (FALSE, FALSE, sizeof (Ordered));
  for (guint i = 0; i < run.results->len; i++)
    {
      DeskSuggestion *suggestion = g_ptr_array_index (run.results, i);
      Ordered o = { suggestion, 0, i };
      double position = 0;

      /* Its place in the longest source that carries it: the fullest version orders
       * what shorter ones carry of it as well. */
      guint longest = 0;

      for (guint k = 0; k < desk_suggestion_get_n_sources (suggestion); k++)
        {
          const char *id = desk_suggestion_get_source_id (suggestion, k);

          for (guint s = 0; s < snapshot->sources->len; s++)
            {
              SnapSource *source = g_ptr_array_index (snapshot->sources, s);

              if (g_str_equal (source->id, id))
                {
                  guint block = desk_suggestion_get_source_block (suggestion, k);

                  if (source->blocks->len <= longest)
                    break;
                  for (guint p = 0; p < source->blocks->len; p++)
                    if (g_array_index (source->blocks, guint, p) == block)
                      {
                        position = (double)(p + 1) / (source->blocks->len + 1);
                        longest = source->blocks->len;
                      }
                  break;
                }
            }
        }

      o.order = suggestion_order (suggestion, position);
      g_array_append_val (ordered, o);
    }
  g_array_sort (ordered, compare_ordered);

  results = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < ordered->len; i++)
    g_ptr_array_add (results, g_object_ref (g_array_index (ordered, Ordered, i).suggestion));

  for (guint i = 0; i < run.draft_sentences->len; i++)
    ((DraftSentence *)g_ptr_array_index (run.draft_sentences, i))->sentence = NULL;
  run_clear (&run);
  analysis_cache_end (snapshot->cache, generation);

  return results;
}

/* One run on @snapshot, taking turns with any other run on the suggester's cache. */
static GPtrArray *
run_locked (Snapshot     *snapshot,
            GCancellable *cancellable)
{
  GPtrArray *results;

  g_mutex_lock (&snapshot->cache->lock);
  results = run_snapshot (snapshot, cancellable);
  g_mutex_unlock (&snapshot->cache->lock);

  return results;
}

/* ---- The object ------------------------------------------------------------------- */

static void
desk_suggester_finalize (GObject *object)
{
  DeskSuggester *self = (DeskSuggester *)object;

  g_clear_object (&self->aliases);
  g_clear_object (&self->merged);
  g_clear_object (&self->merged_base);
  g_clear_pointer (&self->merged_project, g_free);
  g_clear_pointer (&self->merged_key, g_free);
  g_clear_pointer (&self->bodies, g_hash_table_unref);
  g_clear_pointer (&self->learned, g_strfreev);
  g_clear_pointer (&self->cache, analysis_cache_unref);

  G_OBJECT_CLASS (desk_suggester_parent_class)->finalize (object);
}

static void
desk_suggester_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  DeskSuggester *self = DESK_SUGGESTER (object);

  switch (prop_id)
    {
    case PROP_ALIASES:
      g_value_set_object (value, self->aliases);
      break;

    case PROP_SHOW_VARIANTS:
      g_value_set_boolean (value, self->show_variants);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
desk_suggester_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  DeskSuggester *self = DESK_SUGGESTER (object);

  switch (prop_id)
    {
    case PROP_ALIASES:
      desk_suggester_set_aliases (self, g_value_get_object (value));
      break;

    case PROP_SHOW_VARIANTS:
      desk_suggester_set_show_variants (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
desk_suggester_class_init (DeskSuggesterClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = desk_suggester_finalize;
  object_class->get_property = desk_suggester_get_property;
  object_class->set_property = desk_suggester_set_property;

  properties[PROP_ALIASES] =
    g_param_spec_object ("aliases", NULL, NULL, DESK_TYPE_ALIASES,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_SHOW_VARIANTS] =
    g_param_spec_boolean ("show-variants", NULL, NULL, FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
desk_suggester_init (DeskSuggester *self)
{
  self->aliases = desk_aliases_new_default ();
  self->cache = analysis_cache_new ();
  self->bodies = g_hash_table_new_full (NULL, NULL, g_object_unref, (GDestroyNotify)source_body_free);
}

DeskSuggester *
desk_suggester_new (void)
{
  return g_object_new (DESK_TYPE_SUGGESTER, NULL);
}

/**
 * desk_suggester_get_aliases:
 *
 * Returns: (transfer none): the alias table matching uses
 */
DeskAliases *
desk_suggester_get_aliases (DeskSuggester *self)
{
  g_return_val_if_fail (DESK_IS_SUGGESTER (self), NULL);
  return self->aliases;
}

void
desk_suggester_set_aliases (DeskSuggester *self,
                            DeskAliases   *aliases)
{
  g_return_if_fail (DESK_IS_SUGGESTER (self));
  g_return_if_fail (DESK_IS_ALIASES (aliases));

  if (g_set_object (&self->aliases, aliases))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ALIASES]);
}

gboolean
desk_suggester_get_show_variants (DeskSuggester *self)
{
  g_return_val_if_fail (DESK_IS_SUGGESTER (self), FALSE);
  return self->show_variants;
}

/**
 * desk_suggester_set_show_variants:
 *
 * Whether to propose sentences the draft has in other words (off by default).
 */
void
desk_suggester_set_show_variants (DeskSuggester *self,
                                  gboolean       show_variants)
{
  g_return_if_fail (DESK_IS_SUGGESTER (self));

  show_variants = !!show_variants;
  if (self->show_variants != show_variants)
    {
      self->show_variants = show_variants;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOW_VARIANTS]);
    }
}

/**
 * desk_suggester_suggest:
 * @project: a project
 *
 * Computes what the project's draft lacks from its sources.
 *
 * Returns: (transfer full) (element-type DeskSuggestion): the suggestions in story order
 */
static void
keep_learned (DeskSuggester *self,
              Snapshot      *snapshot)
{
  g_clear_pointer (&self->learned, g_strfreev);
  g_ptr_array_add (snapshot->learned, NULL);
  self->learned = g_strdupv ((char **)snapshot->learned->pdata);
  g_ptr_array_remove_index (snapshot->learned, snapshot->learned->len - 1);
}

/**
 * desk_suggester_get_learned_aliases:
 *
 * The names the last run found a source calling otherwise than the draft, and matched as
 * one ("Ministry of Water = Wizara ya Maji"), to show the editor or add to the project.
 *
 * Returns: (transfer none) (array zero-terminated=1) (nullable): entries in the alias
 *   table's text form, or %NULL before the first run
 */
const char * const *
desk_suggester_get_learned_aliases (DeskSuggester *self)
{
  g_return_val_if_fail (DESK_IS_SUGGESTER (self), NULL);

  return (const char * const *)self->learned;
}

GPtrArray *
desk_suggester_suggest (DeskSuggester *self,
                        DeskProject   *project)
{
  g_autoptr(Snapshot) snapshot = NULL;
  GPtrArray *results;

  g_return_val_if_fail (DESK_IS_SUGGESTER (self), NULL);
  g_return_val_if_fail (DESK_IS_PROJECT (project), NULL);

  snapshot = snapshot_new (self, project);
  results = run_locked (snapshot, NULL);
  keep_learned (self, snapshot);

  return results;
}

/**
 * desk_suggester_accept_all:
 * @project: a project
 *
 * Accepts every missing paragraph and every addition the sources offer, as the editor's
 * Accept All and `copydesk-merge merge` do: suggests, applies, and suggests again against
 * the changed draft until nothing more is offered (two sources adding to one paragraph
 * take two rounds). Conflicts, variants and headlines are never applied. A draft that had
 * no dateline takes the one of the text that came in (desk_project_fill_dateline()).
 *
 * Returns: how many suggestions were applied
 */
guint
desk_suggester_accept_all (DeskSuggester *self,
                           DeskProject   *project)
{
  guint total = 0;

  g_return_val_if_fail (DESK_IS_SUGGESTER (self), 0);
  g_return_val_if_fail (DESK_IS_PROJECT (project), 0);

  /* Every round adds content the next cannot propose again; a bound all the same. */
  for (guint round = 0; round < 16; round++)
    {
      g_autoptr(GPtrArray) suggestions = desk_suggester_suggest (self, project);
      guint applied = desk_suggestions_apply_all (suggestions, desk_project_get_draft (project));

      total += applied;
      if (applied == 0)
        break;
    }

  if (total > 0)
    desk_project_fill_dateline (project);

  return total;
}

static void
suggest_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  GPtrArray *results = run_locked (task_data, cancellable);

  if (g_task_return_error_if_cancelled (task))
    g_ptr_array_unref (results);
  else
    g_task_return_pointer (task, results, (GDestroyNotify)g_ptr_array_unref);
}

/**
 * desk_suggester_suggest_async:
 *
 * Takes a snapshot of @project on the calling thread and computes the suggestions in a
 * worker thread; the project may change meanwhile.
 */
void
desk_suggester_suggest_async (DeskSuggester       *self,
                              DeskProject         *project,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (DESK_IS_SUGGESTER (self));
  g_return_if_fail (DESK_IS_PROJECT (project));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, desk_suggester_suggest_async);
  g_task_set_task_data (task, snapshot_new (self, project), (GDestroyNotify)snapshot_free);
  g_task_run_in_thread (task, suggest_thread);
}

/**
 * desk_suggester_suggest_finish:
 *
 * Returns: (transfer full) (element-type DeskSuggestion): the suggestions, or %NULL with
 *   @error set when cancelled
 */
GPtrArray *
desk_suggester_suggest_finish (DeskSuggester  *self,
                               GAsyncResult   *result,
                               GError        **error)
{
  GPtrArray *results;

  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  results = g_task_propagate_pointer (G_TASK (result), error);
  if (results != NULL)
    keep_learned (self, g_task_get_task_data (G_TASK (result)));

  return results;
}
