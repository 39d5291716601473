/* desk-paragraph.c: one paragraph of the draft, with where it came from
 *
 * A paragraph keeps its text and its provenance: the source blocks it was taken from,
 * as (source id, block index) pairs. A paragraph the editor typed has none. "edited" turns
 * TRUE the first time the text is changed after the paragraph was made, so a paragraph
 * taken verbatim from a source can be told from one the editor reworked.
 *
 * It also keeps where each stretch of its text came from: spans, byte ranges of the text
 * in order and not overlapping, each with the source blocks that carried it. A paragraph
 * taken from a block is one span; a sentence an accepted addition spliced in is a span of
 * its own with the addition's sources. When the text changes, the spans follow it: the
 * old and the new text are matched word by word (the longest common run of words), each
 * span's ends move with the words around them, text typed at a span's end joins the span
 * it follows, and a span whose words are all gone is dropped. A paragraph without spans
 * (typed, split or merged, from an older project file) answers with its paragraph-wide
 * provenance.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "desk-paragraph.h"

typedef struct
{
  char  *source_id;
  guint  block;
} Provenance;

typedef struct
{
  guint   start;
  guint   end;
  GArray *sources;   /* of Provenance */
} Span;

/* Past this many word pairs the matching after an edit keeps only the common start and
 * end of the text (a paragraph of several thousand words, pasted or hostile). */
#define MAX_MATCH_CELLS (1u << 20)

/* A new text that has less than this share of its bytes (spaces aside) in common with the
 * old one was rewritten, not edited: its spans are dropped and the paragraph-wide
 * provenance answers for all of it (as desk_draft_reconcile() does for a rewritten
 * paragraph's words). */
#define KEPT_TEXT_SHARE 0.5

struct _DeskParagraph
{
  GObject   parent_instance;

  char     *text;
  GArray   *provenance;  /* of Provenance */
  GArray   *spans;       /* of Span, in order, not overlapping */
  guint     edited : 1;
  guint     constructed : 1;
};

G_DEFINE_FINAL_TYPE (DeskParagraph, desk_paragraph, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_TEXT,
  PROP_EDITED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
provenance_clear (gpointer data)
{
  Provenance *provenance = data;

  g_clear_pointer (&provenance->source_id, g_free);
}

static GArray *
provenance_array_new (void)
{
  GArray *array = g_array_new (FALSE, FALSE, sizeof (Provenance));

  g_array_set_clear_func (array, provenance_clear);
  return array;
}

static void
span_clear (gpointer data)
{
  Span *span = data;

  g_clear_pointer (&span->sources, g_array_unref);
}

static void
desk_paragraph_finalize (GObject *object)
{
  DeskParagraph *self = (DeskParagraph *)object;

  g_clear_pointer (&self->text, g_free);
  g_clear_pointer (&self->provenance, g_array_unref);
  g_clear_pointer (&self->spans, g_array_unref);

  G_OBJECT_CLASS (desk_paragraph_parent_class)->finalize (object);
}

static void
desk_paragraph_constructed (GObject *object)
{
  DeskParagraph *self = (DeskParagraph *)object;

  G_OBJECT_CLASS (desk_paragraph_parent_class)->constructed (object);

  /* "text" is a construct property: the text given to g_object_new() was set before this
   * point and is the paragraph's first text, not an edit. */
  self->constructed = TRUE;
}

static void
desk_paragraph_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  DeskParagraph *self = DESK_PARAGRAPH (object);

  switch (prop_id)
    {
    case PROP_TEXT:
      g_value_set_string (value, self->text);
      break;

    case PROP_EDITED:
      g_value_set_boolean (value, self->edited);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
desk_paragraph_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  DeskParagraph *self = DESK_PARAGRAPH (object);

  switch (prop_id)
    {
    case PROP_TEXT:
      desk_paragraph_set_text (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
desk_paragraph_class_init (DeskParagraphClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = desk_paragraph_finalize;
  object_class->constructed = desk_paragraph_constructed;
  object_class->get_property = desk_paragraph_get_property;
  object_class->set_property = desk_paragraph_set_property;

  /**
   * DeskParagraph:text:
   *
   * The paragraph's text; never %NULL.
   */
  properties[PROP_TEXT] =
    g_param_spec_string ("text", NULL, NULL, "",
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT | G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  /**
   * DeskParagraph:edited:
   *
   * Whether the text was changed since the paragraph was made.
   */
  properties[PROP_EDITED] =
    g_param_spec_boolean ("edited", NULL, NULL, FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
desk_paragraph_init (DeskParagraph *self)
{
  self->text = g_strdup ("");
  self->provenance = provenance_array_new ();
  self->spans = g_array_new (FALSE, FALSE, sizeof (Span));
  g_array_set_clear_func (self->spans, span_clear);
}

/**
 * desk_paragraph_new:
 * @text: the paragraph's text
 *
 * Makes a paragraph with no provenance: one the editor typed.
 *
 * Returns: (transfer full): a new paragraph
 */
DeskParagraph *
desk_paragraph_new (const char *text)
{
  g_return_val_if_fail (text != NULL, NULL);

  return g_object_new (DESK_TYPE_PARAGRAPH, "text", text, NULL);
}

/**
 * desk_paragraph_new_from_block:
 * @text: the paragraph's text
 * @source_id: the id of the source the text comes from
 * @block: the index of the block in the source's blocks
 *
 * Makes a paragraph taken from one block of a source.
 *
 * Returns: (transfer full): a new paragraph
 */
DeskParagraph *
desk_paragraph_new_from_block (const char *text,
                               const char *source_id,
                               guint       block)
{
  DeskParagraph *self;

  g_return_val_if_fail (text != NULL, NULL);
  g_return_val_if_fail (source_id != NULL, NULL);

  self = desk_paragraph_new (text);
  desk_paragraph_add_provenance (self, source_id, block);
  if (*text != '\0')
    desk_paragraph_add_span (self, 0, strlen (text), source_id, block);

  return self;
}

/**
 * desk_paragraph_copy:
 *
 * Copies the paragraph: its text, provenance, spans and edited flag.
 *
 * Returns: (transfer full): a new paragraph that shares nothing with @self
 */
DeskParagraph *
desk_paragraph_copy (DeskParagraph *self)
{
  DeskParagraph *copy;

  g_return_val_if_fail (DESK_IS_PARAGRAPH (self), NULL);

  copy = desk_paragraph_new (self->text);
  copy->edited = self->edited;

  for (guint i = 0; i < self->provenance->len; i++)
    {
      const Provenance *p = &g_array_index (self->provenance, Provenance, i);

      desk_paragraph_add_provenance (copy, p->source_id, p->block);
    }

  for (guint i = 0; i < self->spans->len; i++)
    {
      const Span *span = &g_array_index (self->spans, Span, i);

      for (guint j = 0; j < span->sources->len; j++)
        {
          const Provenance *p = &g_array_index (span->sources, Provenance, j);

          desk_paragraph_add_span (copy, span->start, span->end, p->source_id, p->block);
        }
    }

  return copy;
}

/**
 * desk_paragraph_get_text:
 *
 * Returns: the paragraph's text; never %NULL
 */
const char *
desk_paragraph_get_text (DeskParagraph *self)
{
  g_return_val_if_fail (DESK_IS_PARAGRAPH (self), NULL);

  return self->text;
}

/* ---- Spans following the text --------------------------------------------------- */

/* The byte offsets where the words and the runs of space between them start in @text,
 * with strlen (@text) at the end. */
static GArray *
tokenize (const char *text,
          gsize       length)
{
  GArray *starts = g_array_new (FALSE, FALSE, sizeof (guint));
  gsize i = 0;

  while (i < length)
    {
      gboolean space = g_ascii_isspace (text[i]);
      guint start = i;

      g_array_append_val (starts, start);
      while (i < length && (gboolean)g_ascii_isspace (text[i]) == space)
        i++;
    }
  g_array_append_val (starts, (guint){ length });

  return starts;
}

static gboolean
tokens_equal (const char *a,
              GArray     *a_starts,
              guint       i,
              const char *b,
              GArray     *b_starts,
              guint       j)
{
  guint a_len = g_array_index (a_starts, guint, i + 1) - g_array_index (a_starts, guint, i);
  guint b_len = g_array_index (b_starts, guint, j + 1) - g_array_index (b_starts, guint, j);

  return a_len == b_len &&
         memcmp (a + g_array_index (a_starts, guint, i), b + g_array_index (b_starts, guint, j),
                 a_len) == 0;
}

/* Appends the run (old start, new start, length) to @segments, joining it to the one
 * before when they touch. */
static void
add_segment (GArray *segments,
             guint   old_start,
             guint   new_start,
             guint   length)
{
  if (length == 0)
    return;

  if (segments->len >= 3)
    {
      guint *last = &g_array_index (segments, guint, segments->len - 3);

      if (last[0] + last[2] == old_start && last[1] + last[2] == new_start)
        {
          last[2] += length;
          return;
        }
    }

  g_array_append_val (segments, old_start);
  g_array_append_val (segments, new_start);
  g_array_append_val (segments, length);
}

/* The stretches @old_text and @new_text have in common, in order: triples (old start, new
 * start, length) of byte offsets, each starting and ending on a character boundary. The
 * common start and end, and between them the longest common run of words and spaces. */
static GArray *
match_texts (const char *old_text,
             const char *new_text)
{
  GArray *segments = g_array_new (FALSE, FALSE, sizeof (guint));
  gsize old_len = strlen (old_text);
  gsize new_len = strlen (new_text);
  gsize prefix = 0;
  gsize suffix = 0;
  const char *old_mid, *new_mid;
  gsize old_mid_len, new_mid_len;
  g_autoptr(GArray) a = NULL;
  g_autoptr(GArray) b = NULL;
  g_autofree guint32 *table = NULL;
  guint n, m;
  guint i, j;

  while (prefix < old_len && prefix < new_len && old_text[prefix] == new_text[prefix])
    prefix++;
  while (prefix > 0 && (old_text[prefix] & 0xC0) == 0x80)
    prefix--;
  while (suffix < old_len - prefix && suffix < new_len - prefix &&
         old_text[old_len - 1 - suffix] == new_text[new_len - 1 - suffix])
    suffix++;
  while (suffix > 0 && (new_text[new_len - suffix] & 0xC0) == 0x80)
    suffix--;

  add_segment (segments, 0, 0, prefix);

  old_mid = old_text + prefix;
  new_mid = new_text + prefix;
  old_mid_len = old_len - prefix - suffix;
  new_mid_len = new_len - prefix - suffix;

  a = tokenize (old_mid, old_mid_len);
  b = tokenize (new_mid, new_mid_len);
  n = a->len - 1;
  m = b->len - 1;

  if (n > 0 && m > 0 && (guint64)(n + 1) * (m + 1) <= MAX_MATCH_CELLS)
    {
      /* table[i][j]: the longest common run of tokens of a[i…] and b[j…]. */
      table = g_new0 (guint32, (gsize)(n + 1) * (m + 1));
      for (i = n; i-- > 0;)
        for (j = m; j-- > 0;)
          {
            guint32 *cell = &table[(gsize)i * (m + 1) + j];

            if (tokens_equal (old_mid, a, i, new_mid, b, j))
              *cell = table[(gsize)(i + 1) * (m + 1) + j + 1] + 1;
            else
              *cell = MAX (table[(gsize)(i + 1) * (m + 1) + j], table[(gsize)i * (m + 1) + j + 1]);
          }

      i = j = 0;
      while (i < n && j < m)
        {
          if (tokens_equal (old_mid, a, i, new_mid, b, j))
            {
              guint start = g_array_index (a, guint, i);

              add_segment (segments, prefix + start, prefix + g_array_index (b, guint, j),
                           g_array_index (a, guint, i + 1) - start);
              i++;
              j++;
            }
          else if (table[(gsize)(i + 1) * (m + 1) + j] >= table[(gsize)i * (m + 1) + j + 1])
            i++;
          else
            j++;
        }
    }

  add_segment (segments, old_len - suffix, new_len - suffix, suffix);

  return segments;
}

/* Where offset @x of the old text is in the new one, through @segments: within a common
 * stretch, the same place in it; in text that changed, the start of the next common
 * stretch (so that what was typed there joins the span before it). */
static guint
map_offset (GArray *segments,
            guint   x,
            guint   new_len)
{
  for (guint k = 0; k + 2 < segments->len; k += 3)
    {
      guint old_start = g_array_index (segments, guint, k);
      guint new_start = g_array_index (segments, guint, k + 1);
      guint length = g_array_index (segments, guint, k + 2);

      if (x < old_start)
        return new_start;
      if (x < old_start + length)
        return new_start + (x - old_start);
    }

  return new_len;
}

/* Moves the spans of @self from @old_text to @new_text. */
static void
follow_edit (DeskParagraph *self,
             const char    *old_text,
             const char    *new_text)
{
  g_autoptr(GArray) segments = match_texts (old_text, new_text);
  guint new_len = strlen (new_text);
  guint kept = 0;
  guint common = 0;
  guint letters = 0;

  for (guint i = 0; i < new_len; i++)
    letters += !g_ascii_isspace (new_text[i]);

  /* What the texts share, in letters: spaces alone would tie any two texts together. */
  for (guint k = 0; k + 2 < segments->len; k += 3)
    {
      const char *at = new_text + g_array_index (segments, guint, k + 1);

      for (guint i = 0; i < g_array_index (segments, guint, k + 2); i++)
        common += !g_ascii_isspace (at[i]);
    }

  /* Rewritten: which sentence came from where is lost; the paragraph-wide provenance stays. */
  if (common == 0 || common < KEPT_TEXT_SHARE * letters)
    {
      g_array_set_size (self->spans, 0);
      return;
    }

  for (guint i = 0; i < self->spans->len; i++)
    {
      Span *span = &g_array_index (self->spans, Span, i);
      guint start = span->start == 0 ? 0 : map_offset (segments, span->start, new_len);
      guint end = map_offset (segments, span->end, new_len);

      if (end <= start)
        {
          span_clear (span);
          continue;
        }
      span->start = start;
      span->end = end;
      if (kept != i)
        g_array_index (self->spans, Span, kept) = *span;
      kept++;
    }

  /* The cleared ones were moved out or freed: shrink without clearing them again. */
  g_array_set_clear_func (self->spans, NULL);
  g_array_set_size (self->spans, kept);
  g_array_set_clear_func (self->spans, span_clear);
}

/**
 * desk_paragraph_set_text:
 * @text: (nullable): the new text; %NULL is the same as ""
 *
 * Changes the text. Once the paragraph exists, a change marks it edited.
 */
void
desk_paragraph_set_text (DeskParagraph *self,
                         const char    *text)
{
  gboolean was_edited;

  g_return_if_fail (DESK_IS_PARAGRAPH (self));

  if (text == NULL)
    text = "";

  if (g_strcmp0 (self->text, text) == 0)
    return;

  was_edited = self->edited;

  if (self->spans->len > 0)
    follow_edit (self, self->text, text);

  g_free (self->text);
  self->text = g_strdup (text);
  if (self->constructed)
    self->edited = TRUE;

  /* Both fields are up to date before anyone hears about either. */
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TEXT]);
  if (was_edited != self->edited)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EDITED]);
}

/**
 * desk_paragraph_get_edited:
 *
 * Returns: whether the text was changed after the paragraph was made
 */
gboolean
desk_paragraph_get_edited (DeskParagraph *self)
{
  g_return_val_if_fail (DESK_IS_PARAGRAPH (self), FALSE);

  return self->edited;
}

/**
 * desk_paragraph_get_n_provenance:
 *
 * Returns: how many source blocks the paragraph came from; 0 for one the editor typed
 */
guint
desk_paragraph_get_n_provenance (DeskParagraph *self)
{
  g_return_val_if_fail (DESK_IS_PARAGRAPH (self), 0);

  return self->provenance->len;
}

/**
 * desk_paragraph_get_provenance_source:
 * @index: an index below desk_paragraph_get_n_provenance()
 *
 * Returns: the id of the source of the @index-th block the paragraph came from
 */
const char *
desk_paragraph_get_provenance_source (DeskParagraph *self,
                                      guint          index)
{
  g_return_val_if_fail (DESK_IS_PARAGRAPH (self), NULL);
  g_return_val_if_fail (index < self->provenance->len, NULL);

  return g_array_index (self->provenance, Provenance, index).source_id;
}

/**
 * desk_paragraph_get_provenance_block:
 * @index: an index below desk_paragraph_get_n_provenance()
 *
 * Returns: the position, in its source's blocks, of the @index-th block the paragraph
 *   came from
 */
guint
desk_paragraph_get_provenance_block (DeskParagraph *self,
                                     guint          index)
{
  g_return_val_if_fail (DESK_IS_PARAGRAPH (self), 0);
  g_return_val_if_fail (index < self->provenance->len, 0);

  return g_array_index (self->provenance, Provenance, index).block;
}

/**
 * desk_paragraph_add_provenance:
 * @source_id: the id of a source
 * @block: the index of a block in that source's blocks
 *
 * Records that the paragraph (also) came from @block of @source_id. A pair already
 * recorded is not added again.
 */
void
desk_paragraph_add_provenance (DeskParagraph *self,
                               const char    *source_id,
                               guint          block)
{
  Provenance p;

  g_return_if_fail (DESK_IS_PARAGRAPH (self));
  g_return_if_fail (source_id != NULL);

  for (guint i = 0; i < self->provenance->len; i++)
    {
      const Provenance *q = &g_array_index (self->provenance, Provenance, i);

      if (q->block == block && g_str_equal (q->source_id, source_id))
        return;
    }

  p.source_id = g_strdup (source_id);
  p.block = block;
  g_array_append_val (self->provenance, p);
}

/**
 * desk_paragraph_has_source:
 * @source_id: the id of a source
 *
 * Returns: whether any of the paragraph's text came from @source_id
 */
gboolean
desk_paragraph_has_source (DeskParagraph *self,
                           const char    *source_id)
{
  g_return_val_if_fail (DESK_IS_PARAGRAPH (self), FALSE);
  g_return_val_if_fail (source_id != NULL, FALSE);

  for (guint i = 0; i < self->provenance->len; i++)
    {
      if (g_str_equal (g_array_index (self->provenance, Provenance, i).source_id, source_id))
        return TRUE;
    }

  return FALSE;
}

static void
add_source_to (GArray     *sources,
               const char *source_id,
               guint       block)
{
  Provenance p;

  for (guint i = 0; i < sources->len; i++)
    {
      const Provenance *q = &g_array_index (sources, Provenance, i);

      if (q->block == block && g_str_equal (q->source_id, source_id))
        return;
    }

  p.source_id = g_strdup (source_id);
  p.block = block;
  g_array_append_val (sources, p);
}

static GArray *
copy_sources (GArray *sources)
{
  GArray *copy = provenance_array_new ();

  for (guint i = 0; i < sources->len; i++)
    {
      const Provenance *p = &g_array_index (sources, Provenance, i);

      add_source_to (copy, p->source_id, p->block);
    }

  return copy;
}

/**
 * desk_paragraph_add_span:
 * @start: a byte offset into the text, on a character boundary
 * @end: a byte offset after @start, at most the text's length, on a character boundary
 * @source_id: the id of the source that carried the text from @start to @end
 * @block: the index of the block in that source's blocks
 *
 * Records that the text from @start to @end came from @block of @source_id, and adds the
 * pair to the paragraph's provenance. When a span with these ends is recorded already, the
 * source is added to it; otherwise the new span takes its place among the others, which
 * give up the part of their text it covers (a span in the middle of another splits it).
 */
void
desk_paragraph_add_span (DeskParagraph *self,
                         guint          start,
                         guint          end,
                         const char    *source_id,
                         guint          block)
{
  gsize length;
  Span span;
  guint at;

  g_return_if_fail (DESK_IS_PARAGRAPH (self));
  g_return_if_fail (source_id != NULL);
  length = strlen (self->text);
  g_return_if_fail (start < end && end <= length);

  desk_paragraph_add_provenance (self, source_id, block);

  for (guint i = 0; i < self->spans->len; i++)
    {
      Span *other = &g_array_index (self->spans, Span, i);

      if (other->start == start && other->end == end)
        {
          add_source_to (other->sources, source_id, block);
          return;
        }
    }

  /* Carve [start, end) out of the spans it overlaps, from the last one down. */
  for (guint i = self->spans->len; i > 0; i--)
    {
      Span *other = &g_array_index (self->spans, Span, i - 1);

      if (other->end <= start || other->start >= end)
        continue;

      if (other->start < start && other->end > end)
        {
          Span tail = { end, other->end, copy_sources (other->sources) };

          other->end = start;
          g_array_insert_val (self->spans, i, tail);
        }
      else if (other->start < start)
        other->end = start;
      else if (other->end > end)
        other->start = end;
      else
        g_array_remove_index (self->spans, i - 1);
    }

  for (at = 0; at < self->spans->len; at++)
    if (g_array_index (self->spans, Span, at).start >= end)
      break;

  span.start = start;
  span.end = end;
  span.sources = provenance_array_new ();
  add_source_to (span.sources, source_id, block);
  g_array_insert_val (self->spans, at, span);
}

/**
 * desk_paragraph_clear_spans:
 *
 * Forgets which stretch of the text came from where; the paragraph-wide provenance stays.
 */
void
desk_paragraph_clear_spans (DeskParagraph *self)
{
  g_return_if_fail (DESK_IS_PARAGRAPH (self));

  g_array_set_size (self->spans, 0);
}

/**
 * desk_paragraph_get_n_spans:
 *
 * Returns: how many stretches of the text have a recorded origin
 */
guint
desk_paragraph_get_n_spans (DeskParagraph *self)
{
  g_return_val_if_fail (DESK_IS_PARAGRAPH (self), 0);

  return self->spans->len;
}

/**
 * desk_paragraph_get_span:
 * @index: an index below desk_paragraph_get_n_spans()
 * @start: (out) (optional): where the span starts, a byte offset into the text
 * @end: (out) (optional): where it ends
 *
 * Returns: how many source blocks carried the span's text
 */
guint
desk_paragraph_get_span (DeskParagraph *self,
                         guint          index,
                         guint         *start,
                         guint         *end)
{
  const Span *span;

  g_return_val_if_fail (DESK_IS_PARAGRAPH (self), 0);
  g_return_val_if_fail (index < self->spans->len, 0);

  span = &g_array_index (self->spans, Span, index);
  if (start != NULL)
    *start = span->start;
  if (end != NULL)
    *end = span->end;

  return span->sources->len;
}

/**
 * desk_paragraph_get_span_source:
 * @index: an index below desk_paragraph_get_n_spans()
 * @source: an index below the count desk_paragraph_get_span() returns
 *
 * Returns: the id of the @source-th source that carried the span's text
 */
const char *
desk_paragraph_get_span_source (DeskParagraph *self,
                                guint          index,
                                guint          source)
{
  const Span *span;

  g_return_val_if_fail (DESK_IS_PARAGRAPH (self), NULL);
  g_return_val_if_fail (index < self->spans->len, NULL);
  span = &g_array_index (self->spans, Span, index);
  g_return_val_if_fail (source < span->sources->len, NULL);

  return g_array_index (span->sources, Provenance, source).source_id;
}

/**
 * desk_paragraph_get_span_block:
 * @index: an index below desk_paragraph_get_n_spans()
 * @source: an index below the count desk_paragraph_get_span() returns
 *
 * Returns: the block, in its source, of the @source-th source that carried the span's text
 */
guint
desk_paragraph_get_span_block (DeskParagraph *self,
                               guint          index,
                               guint          source)
{
  const Span *span;

  g_return_val_if_fail (DESK_IS_PARAGRAPH (self), 0);
  g_return_val_if_fail (index < self->spans->len, 0);
  span = &g_array_index (self->spans, Span, index);
  g_return_val_if_fail (source < span->sources->len, 0);

  return g_array_index (span->sources, Provenance, source).block;
}

/**
 * desk_paragraph_find_span:
 * @offset: a byte offset into the text
 *
 * Returns: the index of the span that holds @offset (the end of the text belongs to the
 *   span that ends there), or -1 when no span does
 */
int
desk_paragraph_find_span (DeskParagraph *self,
                          guint          offset)
{
  gsize length;

  g_return_val_if_fail (DESK_IS_PARAGRAPH (self), -1);

  length = strlen (self->text);
  for (guint i = 0; i < self->spans->len; i++)
    {
      const Span *span = &g_array_index (self->spans, Span, i);

      if ((span->start <= offset && offset < span->end) ||
          (offset == length && span->end == length))
        return i;
    }

  return -1;
}

/**
 * desk_paragraph_dup_sources_at:
 * @offset: a byte offset into the text
 *
 * Which sources carried the text at @offset: those of the span that holds it; where no
 * span does, the sources the paragraph came from that no span names (the paragraph's own,
 * when an addition was spliced into a paragraph without spans).
 *
 * Returns: (transfer full): the distinct source ids, in the order they were recorded;
 *   empty for text the editor wrote
 */
GStrv
desk_paragraph_dup_sources_at (DeskParagraph *self,
                               guint          offset)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  int span;

  g_return_val_if_fail (DESK_IS_PARAGRAPH (self), NULL);

  span = desk_paragraph_find_span (self, offset);
  if (span >= 0)
    {
      GArray *sources = g_array_index (self->spans, Span, span).sources;

      for (guint i = 0; i < sources->len; i++)
        {
          const char *id = g_array_index (sources, Provenance, i).source_id;

          if (g_hash_table_add (seen, (gpointer)id))
            g_strv_builder_add (builder, id);
        }
      return g_strv_builder_end (builder);
    }

  /* Leave out what the spans name: those sources carried other stretches. */
  for (guint i = 0; i < self->spans->len; i++)
    {
      GArray *sources = g_array_index (self->spans, Span, i).sources;

      for (guint j = 0; j < sources->len; j++)
        g_hash_table_add (seen, g_array_index (sources, Provenance, j).source_id);
    }
  for (guint i = 0; i < self->provenance->len; i++)
    {
      const char *id = g_array_index (self->provenance, Provenance, i).source_id;

      if (g_hash_table_add (seen, (gpointer)id))
        g_strv_builder_add (builder, id);
    }

  return g_strv_builder_end (builder);
}

/**
 * desk_paragraph_provenance_equal:
 *
 * Returns: whether @self and @other came from the same source blocks, span for span
 */
gboolean
desk_paragraph_provenance_equal (DeskParagraph *self,
                                 DeskParagraph *other)
{
  g_return_val_if_fail (DESK_IS_PARAGRAPH (self), FALSE);
  g_return_val_if_fail (DESK_IS_PARAGRAPH (other), FALSE);

  if (self->provenance->len != other->provenance->len ||
      self->spans->len != other->spans->len)
    return FALSE;

  for (guint i = 0; i < self->provenance->len; i++)
    {
      const Provenance *a = &g_array_index (self->provenance, Provenance, i);
      const Provenance *b = &g_array_index (other->provenance, Provenance, i);

      if (a->block != b->block || !g_str_equal (a->source_id, b->source_id))
        return FALSE;
    }

  for (guint i = 0; i < self->spans->len; i++)
    {
      const Span *a = &g_array_index (self->spans, Span, i);
      const Span *b = &g_array_index (other->spans, Span, i);

      if (a->start != b->start || a->end != b->end || a->sources->len != b->sources->len)
        return FALSE;
      for (guint j = 0; j < a->sources->len; j++)
        {
          const Provenance *p = &g_array_index (a->sources, Provenance, j);
          const Provenance *q = &g_array_index (b->sources, Provenance, j);

          if (p->block != q->block || !g_str_equal (p->source_id, q->source_id))
            return FALSE;
        }
    }

  return TRUE;
}
