/* desk-suggestion.c: one thing the suggester proposes, and how it changes a draft
 *
 * A suggestion says what (its text, and the new part of it), from whom (every source
 * that carries it, best version first, and the other versions), and where: `after`, the
 * draft paragraph a missing paragraph follows (-1 for the top), or `target`, the draft
 * paragraph an addition, conflict or variant concerns. This file is where accepting a
 * suggestion becomes a change to the draft; the editor wraps that change in an undo step.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "desk-suggestion.h"

typedef struct
{
  char  *id;
  char  *name;
  guint  block;
} SourceRef;

typedef struct
{
  char *source_name;
  char *text;
} Alternative;

struct _DeskSuggestion
{
  GObject             parent_instance;

  DeskSuggestionKind  kind;
  char               *text;
  char               *new_text;
  char               *draft_text;
  int                 after;
  int                 target;
  int                 placed_after;  /* where it stands now (desk_suggestion_place()) */
  int                 placed_target;
  double              score;
  GArray             *sources;       /* SourceRef */
  GArray             *alternatives;  /* Alternative */
  GArray             *marks;         /* guint pairs */
  GStrv               forms;         /* style: the forms the house form replaces */
};

G_DEFINE_FINAL_TYPE (DeskSuggestion, desk_suggestion, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_KIND,
  PROP_TEXT,
  PROP_NEW_TEXT,
  PROP_DRAFT_TEXT,
  PROP_AFTER,
  PROP_TARGET,
  PROP_SCORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const GEnumValue kind_values[] = {
  { DESK_SUGGESTION_MISSING, "DESK_SUGGESTION_MISSING", "missing" },
  { DESK_SUGGESTION_ADDITION, "DESK_SUGGESTION_ADDITION", "addition" },
  { DESK_SUGGESTION_CONFLICT, "DESK_SUGGESTION_CONFLICT", "conflict" },
  { DESK_SUGGESTION_VARIANT, "DESK_SUGGESTION_VARIANT", "variant" },
  { DESK_SUGGESTION_HEADLINE, "DESK_SUGGESTION_HEADLINE", "headline" },
  { DESK_SUGGESTION_STYLE, "DESK_SUGGESTION_STYLE", "style" },
  { 0, NULL, NULL }
};

GType
desk_suggestion_kind_get_type (void)
{
  static gsize type = 0;

  if (g_once_init_enter (&type))
    g_once_init_leave (&type, g_enum_register_static (g_intern_static_string ("DeskSuggestionKind"),
                                                      kind_values));

  return type;
}

/**
 * desk_suggestion_kind_to_string:
 *
 * Returns: the lower-case word for @kind, as in JSON ("missing", "addition", …)
 */
const char *
desk_suggestion_kind_to_string (DeskSuggestionKind kind)
{
  g_return_val_if_fail (kind <= DESK_SUGGESTION_STYLE, "missing");
  return kind_values[kind].value_nick;
}

static void
source_ref_clear (gpointer data)
{
  SourceRef *ref = data;

  g_free (ref->id);
  g_free (ref->name);
}

static void
alternative_clear (gpointer data)
{
  Alternative *alternative = data;

  g_free (alternative->source_name);
  g_free (alternative->text);
}

static void
desk_suggestion_finalize (GObject *object)
{
  DeskSuggestion *self = (DeskSuggestion *)object;

  g_clear_pointer (&self->text, g_free);
  g_clear_pointer (&self->new_text, g_free);
  g_clear_pointer (&self->draft_text, g_free);
  g_clear_pointer (&self->sources, g_array_unref);
  g_clear_pointer (&self->alternatives, g_array_unref);
  g_clear_pointer (&self->marks, g_array_unref);
  g_clear_pointer (&self->forms, g_strfreev);

  G_OBJECT_CLASS (desk_suggestion_parent_class)->finalize (object);
}

static void
desk_suggestion_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  DeskSuggestion *self = DESK_SUGGESTION (object);

  switch (prop_id)
    {
    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;

    case PROP_TEXT:
      g_value_set_string (value, self->text);
      break;

    case PROP_NEW_TEXT:
      g_value_set_string (value, self->new_text);
      break;

    case PROP_DRAFT_TEXT:
      g_value_set_string (value, self->draft_text);
      break;

    case PROP_AFTER:
      g_value_set_int (value, self->after);
      break;

    case PROP_TARGET:
      g_value_set_int (value, self->target);
      break;

    case PROP_SCORE:
      g_value_set_double (value, self->score);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
desk_suggestion_class_init (DeskSuggestionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = desk_suggestion_finalize;
  object_class->get_property = desk_suggestion_get_property;

  properties[PROP_KIND] = g_param_spec_enum ("kind", NULL, NULL, DESK_TYPE_SUGGESTION_KIND,
                                             DESK_SUGGESTION_MISSING, ro);
  properties[PROP_TEXT] = g_param_spec_string ("text", NULL, NULL, NULL, ro);
  properties[PROP_NEW_TEXT] = g_param_spec_string ("new-text", NULL, NULL, NULL, ro);
  properties[PROP_DRAFT_TEXT] = g_param_spec_string ("draft-text", NULL, NULL, NULL, ro);
  properties[PROP_AFTER] = g_param_spec_int ("after", NULL, NULL, -1, G_MAXINT, -1, ro);
  properties[PROP_TARGET] = g_param_spec_int ("target", NULL, NULL, -1, G_MAXINT, -1, ro);
  properties[PROP_SCORE] = g_param_spec_double ("score", NULL, NULL, 0, 1, 0, ro);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
desk_suggestion_init (DeskSuggestion *self)
{
  self->sources = g_array_new (FALSE, TRUE, sizeof (SourceRef));
  g_array_set_clear_func (self->sources, source_ref_clear);
  self->alternatives = g_array_new (FALSE, TRUE, sizeof (Alternative));
  g_array_set_clear_func (self->alternatives, alternative_clear);
  self->marks = g_array_new (FALSE, FALSE, sizeof (guint));
}

/**
 * desk_suggestion_new:
 * @kind: what is proposed
 * @text: the paragraph as it would stand in the draft (for a conflict or variant: the
 *   source's sentence; for a headline: the headline)
 * @after: for a missing paragraph, the draft paragraph it follows (-1: the top)
 * @target: for an addition, conflict or variant, the draft paragraph concerned; else -1
 * @score: confidence, 0 to 1
 *
 * Returns: (transfer full): a new suggestion
 */
DeskSuggestion *
desk_suggestion_new (DeskSuggestionKind  kind,
                     const char         *text,
                     int                 after,
                     int                 target,
                     double              score)
{
  DeskSuggestion *self;

  g_return_val_if_fail (text != NULL, NULL);

  self = g_object_new (DESK_TYPE_SUGGESTION, NULL);
  self->kind = kind;
  self->text = g_strdup (text);
  self->after = after;
  self->target = target;
  self->placed_after = after;
  self->placed_target = target;
  self->score = CLAMP (score, 0.0, 1.0);

  return self;
}

DeskSuggestionKind
desk_suggestion_get_kind (DeskSuggestion *self)
{
  g_return_val_if_fail (DESK_IS_SUGGESTION (self), DESK_SUGGESTION_MISSING);
  return self->kind;
}

const char *
desk_suggestion_get_text (DeskSuggestion *self)
{
  g_return_val_if_fail (DESK_IS_SUGGESTION (self), NULL);
  return self->text;
}

/**
 * desk_suggestion_get_new_text:
 *
 * Returns: (nullable): for an addition, the part the source adds; for a conflict, the
 *   source's side of the disagreement
 */
const char *
desk_suggestion_get_new_text (DeskSuggestion *self)
{
  g_return_val_if_fail (DESK_IS_SUGGESTION (self), NULL);
  return self->new_text;
}

void
desk_suggestion_set_new_text (DeskSuggestion *self,
                              const char     *new_text)
{
  g_return_if_fail (DESK_IS_SUGGESTION (self));
  g_free (self->new_text);
  self->new_text = g_strdup (new_text);
}

/**
 * desk_suggestion_get_draft_text:
 *
 * Returns: (nullable): for a conflict or variant, the draft's sentence
 */
const char *
desk_suggestion_get_draft_text (DeskSuggestion *self)
{
  g_return_val_if_fail (DESK_IS_SUGGESTION (self), NULL);
  return self->draft_text;
}

void
desk_suggestion_set_draft_text (DeskSuggestion *self,
                                const char     *draft_text)
{
  g_return_if_fail (DESK_IS_SUGGESTION (self));
  g_free (self->draft_text);
  self->draft_text = g_strdup (draft_text);
}

int
desk_suggestion_get_after (DeskSuggestion *self)
{
  g_return_val_if_fail (DESK_IS_SUGGESTION (self), -1);
  return self->after;
}

int
desk_suggestion_get_target (DeskSuggestion *self)
{
  g_return_val_if_fail (DESK_IS_SUGGESTION (self), -1);
  return self->target;
}

/**
 * desk_suggestion_placed_after:
 *
 * Returns: the draft paragraph a missing paragraph now follows (the suggester's `after`,
 *   moved by the paragraphs the draft gained or lost since)
 */
int
desk_suggestion_placed_after (DeskSuggestion *self)
{
  g_return_val_if_fail (DESK_IS_SUGGESTION (self), -1);
  return self->placed_after;
}

/**
 * desk_suggestion_placed_target:
 *
 * Returns: the draft paragraph the suggestion now concerns
 */
int
desk_suggestion_placed_target (DeskSuggestion *self)
{
  g_return_val_if_fail (DESK_IS_SUGGESTION (self), -1);
  return self->placed_target;
}

/**
 * desk_suggestion_place:
 *
 * Moves a suggestion to other paragraphs of the draft, without making a new object (so
 * that what shows it stays as it is); notifies "after" when the place changes.
 */
void
desk_suggestion_place (DeskSuggestion *self,
                       int             after,
                       int             target)
{
  g_return_if_fail (DESK_IS_SUGGESTION (self));

  if (after == self->placed_after && target == self->placed_target)
    return;

  self->placed_after = after;
  self->placed_target = target;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AFTER]);
}

double
desk_suggestion_get_score (DeskSuggestion *self)
{
  g_return_val_if_fail (DESK_IS_SUGGESTION (self), 0);
  return self->score;
}

/**
 * desk_suggestion_add_source:
 * @source_id: the id of a source that carries the suggestion
 * @source_name: its name, for display
 * @block: the index of the block in that source
 *
 * The first source added is the one whose version is the suggestion's text.
 */
void
desk_suggestion_add_source (DeskSuggestion *self,
                            const char     *source_id,
                            const char     *source_name,
                            guint           block)
{
  SourceRef ref;

  g_return_if_fail (DESK_IS_SUGGESTION (self));

  for (guint i = 0; i < self->sources->len; i++)
    {
      SourceRef *existing = &g_array_index (self->sources, SourceRef, i);

      /* The block first: a suggestion many sources carry is asked this for each. */
      if (existing->block == block && g_str_equal (existing->id, source_id))
        return;
    }

  ref.id = g_strdup (source_id);
  ref.name = g_strdup (source_name);
  ref.block = block;
  g_array_append_val (self->sources, ref);
}

guint
desk_suggestion_get_n_sources (DeskSuggestion *self)
{
  g_return_val_if_fail (DESK_IS_SUGGESTION (self), 0);
  return self->sources->len;
}

const char *
desk_suggestion_get_source_id (DeskSuggestion *self,
                               guint           index)
{
  g_return_val_if_fail (DESK_IS_SUGGESTION (self), NULL);
  g_return_val_if_fail (index < self->sources->len, NULL);
  return g_array_index (self->sources, SourceRef, index).id;
}

const char *
desk_suggestion_get_source_name (DeskSuggestion *self,
                                 guint           index)
{
  g_return_val_if_fail (DESK_IS_SUGGESTION (self), NULL);
  g_return_val_if_fail (index < self->sources->len, NULL);
  return g_array_index (self->sources, SourceRef, index).name;
}

guint
desk_suggestion_get_source_block (DeskSuggestion *self,
                                  guint           index)
{
  g_return_val_if_fail (DESK_IS_SUGGESTION (self), 0);
  g_return_val_if_fail (index < self->sources->len, 0);
  return g_array_index (self->sources, SourceRef, index).block;
}

/**
 * desk_suggestion_add_alternative:
 * @source_name: the source of this version
 * @text: another version of the suggestion's text
 */
void
desk_suggestion_add_alternative (DeskSuggestion *self,
                                 const char     *source_name,
                                 const char     *text)
{
  Alternative alternative;

  g_return_if_fail (DESK_IS_SUGGESTION (self));

  if (g_str_equal (text, self->text))
    return;
  for (guint i = 0; i < self->alternatives->len; i++)
    if (g_str_equal (g_array_index (self->alternatives, Alternative, i).text, text))
      return;

  alternative.source_name = g_strdup (source_name);
  alternative.text = g_strdup (text);
  g_array_append_val (self->alternatives, alternative);
}

guint
desk_suggestion_get_n_alternatives (DeskSuggestion *self)
{
  g_return_val_if_fail (DESK_IS_SUGGESTION (self), 0);
  return self->alternatives->len;
}

const char *
desk_suggestion_get_alternative_source (DeskSuggestion *self,
                                        guint           index)
{
  g_return_val_if_fail (DESK_IS_SUGGESTION (self), NULL);
  g_return_val_if_fail (index < self->alternatives->len, NULL);
  return g_array_index (self->alternatives, Alternative, index).source_name;
}

const char *
desk_suggestion_get_alternative_text (DeskSuggestion *self,
                                      guint           index)
{
  g_return_val_if_fail (DESK_IS_SUGGESTION (self), NULL);
  g_return_val_if_fail (index < self->alternatives->len, NULL);
  return g_array_index (self->alternatives, Alternative, index).text;
}

/**
 * desk_suggestion_add_mark:
 * @start: byte offset in the text
 * @end: byte offset just past the new part
 *
 * Marks a stretch of the text as new: what the editor's view emphasises.
 */
void
desk_suggestion_add_mark (DeskSuggestion *self,
                          guint           start,
                          guint           end)
{
  g_return_if_fail (DESK_IS_SUGGESTION (self));
  g_return_if_fail (start <= end && end <= strlen (self->text));

  g_array_append_val (self->marks, start);
  g_array_append_val (self->marks, end);
}

guint
desk_suggestion_get_n_marks (DeskSuggestion *self)
{
  g_return_val_if_fail (DESK_IS_SUGGESTION (self), 0);
  return self->marks->len / 2;
}

void
desk_suggestion_get_mark (DeskSuggestion *self,
                          guint           index,
                          guint          *start,
                          guint          *end)
{
  g_return_if_fail (DESK_IS_SUGGESTION (self));
  g_return_if_fail (index < self->marks->len / 2);

  if (start != NULL)
    *start = g_array_index (self->marks, guint, index * 2);
  if (end != NULL)
    *end = g_array_index (self->marks, guint, index * 2 + 1);
}

/* Where each part of @needle occurs in @text, as ranges: new_text names the new words,
 * and may list several parts separated by " … ". */
static void
add_occurrences (GArray     *ranges,
                 const char *text,
                 const char *needle)
{
  g_auto(GStrv) parts = NULL;

  if (needle == NULL || needle[0] == '\0')
    return;

  parts = g_strsplit (needle, " \xe2\x80\xa6 ", -1);
  for (guint p = 0; parts[p] != NULL; p++)
    {
      const char *found = parts[p][0] ? strstr (text, parts[p]) : NULL;
      guint start, end;

      if (found == NULL)
        continue;
      start = found - text;
      end = start + strlen (parts[p]);
      g_array_append_val (ranges, start);
      g_array_append_val (ranges, end);
    }
}

static int
compare_ranges (gconstpointer a,
                gconstpointer b)
{
  const guint *ra = a;
  const guint *rb = b;

  if (ra[0] != rb[0])
    return ra[0] < rb[0] ? -1 : 1;
  return ra[1] < rb[1] ? -1 : ra[1] > rb[1];
}

/**
 * desk_suggestion_dup_highlights:
 *
 * The parts of the suggestion's text to single out: the ranges the suggester marked, or
 * else where the new text it names occurs (an addition's new words, a conflict's
 * differing value). A missing paragraph or a headline, all of it new, has none; nor has
 * a suggestion whose one range covers all of its text.
 *
 * Returns: (transfer full) (element-type guint): byte offsets into the text, in pairs
 *   [start, end), sorted by start, each within the text and not overlapping the one
 *   before
 */
GArray *
desk_suggestion_dup_highlights (DeskSuggestion *self)
{
  g_autoptr(GArray) ranges = g_array_new (FALSE, FALSE, sizeof (guint));
  GArray *result;
  gsize length;
  guint at = 0;

  g_return_val_if_fail (DESK_IS_SUGGESTION (self), NULL);

  length = strlen (self->text);
  if (self->marks->len > 0)
    g_array_append_vals (ranges, self->marks->data, self->marks->len);
  if (ranges->len == 0 && self->kind != DESK_SUGGESTION_MISSING &&
      self->kind != DESK_SUGGESTION_HEADLINE)
    add_occurrences (ranges, self->text, self->new_text);

  /* All of it new: nothing to single out. */
  if (ranges->len == 2 && g_array_index (ranges, guint, 0) == 0 &&
      g_array_index (ranges, guint, 1) >= length)
    g_array_set_size (ranges, 0);

  if (ranges->len >= 4)
    qsort (ranges->data, ranges->len / 2, 2 * sizeof (guint), compare_ranges);

  result = g_array_sized_new (FALSE, FALSE, sizeof (guint), ranges->len);
  for (guint i = 0; i + 1 < ranges->len; i += 2)
    {
      guint start = MIN (g_array_index (ranges, guint, i), length);
      guint end = MIN (g_array_index (ranges, guint, i + 1), length);

      if (start < at || end <= start)
        continue;
      g_array_append_val (result, start);
      g_array_append_val (result, end);
      at = end;
    }

  return result;
}

/**
 * desk_suggestion_is_applicable:
 *
 * Returns: whether accepting the suggestion changes the draft by itself: missing
 *   paragraphs, additions, variants and headlines do; conflicts never apply on their own
 */
/**
 * desk_suggestion_set_forms:
 * @forms: (nullable): the forms a style suggestion's house form replaces
 */
void
desk_suggestion_set_forms (DeskSuggestion     *self,
                           const char * const *forms)
{
  g_return_if_fail (DESK_IS_SUGGESTION (self));

  g_strfreev (self->forms);
  self->forms = g_strdupv ((char **)forms);
}

/**
 * desk_suggestion_get_forms:
 *
 * Returns: (nullable) (transfer none): the forms a style suggestion's house form (its new
 *   text) replaces
 */
const char * const *
desk_suggestion_get_forms (DeskSuggestion *self)
{
  g_return_val_if_fail (DESK_IS_SUGGESTION (self), NULL);
  return (const char * const *)self->forms;
}

gboolean
desk_suggestion_is_applicable (DeskSuggestion *self)
{
  g_return_val_if_fail (DESK_IS_SUGGESTION (self), FALSE);
  return self->kind != DESK_SUGGESTION_CONFLICT;
}

/* What is accepted arrives in the draft's house style (desk-style.c); the paragraph that
 * will stand at @position 0 gets its dateline in the house form too. */
static char *
in_house_style (DeskDraft  *draft,
                const char *text,
                guint       position)
{
  DeskStyle *style = desk_draft_get_style (draft);

  if (style == NULL || desk_style_is_as_written (style))
    return g_strdup (text);

  return position == 0 ? desk_style_apply_first (style, text) : desk_style_apply (style, text);
}

/* A paragraph with @styled_text (@text in house style), @base's provenance and spans (if
 * any) and the suggestion's sources. The suggestion's sources carried @ranges (byte offset
 * pairs into @text; NULL: all of it): they become spans of their own, moved along with the
 * rest when house style changes the text. Without @base, the paragraph is new: its text is
 * @styled_text from the start. */
static DeskParagraph *
paragraph_for (DeskSuggestion *self,
               DeskParagraph  *base,
               const char     *text,
               const char     *styled_text,
               GArray         *ranges)
{
  DeskParagraph *paragraph;
  guint length;

  if (base != NULL)
    {
      paragraph = desk_paragraph_copy (base);
      desk_paragraph_set_text (paragraph, text);
    }
  else
    {
      paragraph = desk_paragraph_new (styled_text);
      text = styled_text;
      ranges = NULL;
    }
  length = strlen (text);

  for (guint i = 0; i < self->sources->len; i++)
    {
      SourceRef *ref = &g_array_index (self->sources, SourceRef, i);

      desk_paragraph_add_provenance (paragraph, ref->id, ref->block);
      if (ranges == NULL && length > 0)
        desk_paragraph_add_span (paragraph, 0, length, ref->id, ref->block);
      for (guint j = 0; ranges != NULL && j + 1 < ranges->len; j += 2)
        {
          guint start = MIN (g_array_index (ranges, guint, j), length);
          guint end = MIN (g_array_index (ranges, guint, j + 1), length);

          if (start < end)
            desk_paragraph_add_span (paragraph, start, end, ref->id, ref->block);
        }
    }

  desk_paragraph_set_text (paragraph, styled_text);

  return paragraph;
}

/**
 * desk_suggestion_apply:
 * @draft: the draft the suggestion was computed for
 *
 * Accepts the suggestion: inserts a missing paragraph after its `after`, replaces the
 * target paragraph with an addition's or variant's text, or sets the headline. The new
 * paragraph records every source that carried the suggestion, and which of its sentences
 * they carried (desk_paragraph_dup_sources_at()): all of a missing paragraph, the spliced
 * sentences of an addition, the replaced sentence of a variant. What is taken arrives in
 * the draft's house style (desk_draft_get_style()). A style suggestion puts every mention
 * of its forms into the house form (desk_style_replace_forms()). A conflict is not
 * applied.
 *
 * Returns: %TRUE if the draft changed
 */
gboolean
desk_suggestion_apply (DeskSuggestion *self,
                       DeskDraft      *draft)
{
  g_autoptr(DeskParagraph) paragraph = NULL;
  DeskStyle *style;
  guint n;

  g_return_val_if_fail (DESK_IS_SUGGESTION (self), FALSE);
  g_return_val_if_fail (DESK_IS_DRAFT (draft), FALSE);

  n = desk_draft_get_n_paragraphs (draft);
  style = desk_draft_get_style (draft);
  if (style != NULL && desk_style_is_as_written (style))
    style = NULL;

  switch (self->kind)
    {
    case DESK_SUGGESTION_MISSING:
      {
        guint position = MIN ((guint)(self->after + 1), n);
        g_autofree char *styled = in_house_style (draft, self->text, position);

        paragraph = paragraph_for (self, NULL, self->text, styled, NULL);
        desk_draft_insert (draft, position, paragraph);
        return TRUE;
      }

    case DESK_SUGGESTION_ADDITION:
    case DESK_SUGGESTION_VARIANT:
      if (self->target < 0 || (guint)self->target >= n)
        return FALSE;
      if (self->kind == DESK_SUGGESTION_VARIANT)
        {
          /* A variant replaces one sentence of the paragraph. */
          const char *current = desk_paragraph_get_text (desk_draft_get_paragraph (draft, self->target));
          const char *found = self->draft_text ? strstr (current, self->draft_text) : NULL;
          g_autoptr(GString) text = NULL;
          g_autoptr(GArray) taken = g_array_new (FALSE, FALSE, sizeof (guint));
          guint start, end;

          if (found == NULL)
            return FALSE;
          text = g_string_new_len (current, found - current);
          start = text->len;
          if (style != NULL)
            {
              /* Only the sentence taken arrives in house style: the rest is the draft's. */
              g_autofree char *styled = desk_style_apply (style, self->text);

              g_string_append (text, styled);
            }
          else
            g_string_append (text, self->text);
          end = text->len;
          g_string_append (text, found + strlen (self->draft_text));
          g_array_append_val (taken, start);
          g_array_append_val (taken, end);
          paragraph = paragraph_for (self, desk_draft_get_paragraph (draft, self->target),
                                     text->str, text->str, taken);
        }
      else
        {
          g_autofree char *styled = in_house_style (draft, self->text, self->target);

          /* The marks are the sentences spliced in (and the new words of a sentence the
           * source says more fully): those are the suggestion's sources'. */
          paragraph = paragraph_for (self, desk_draft_get_paragraph (draft, self->target),
                                     self->text, styled, self->marks);
        }
      desk_draft_replace (draft, self->target, paragraph);
      return TRUE;

    case DESK_SUGGESTION_HEADLINE:
      if (style != NULL)
        {
          g_autofree char *styled = desk_style_apply (style, self->text);

          desk_draft_set_headline (draft, styled);
        }
      else
        desk_draft_set_headline (draft, self->text);
      return TRUE;

    case DESK_SUGGESTION_STYLE:
      /* Every mention outside quotations, in the house form (the first mention in the
       * draft text's form when the house form is an acronym). */
      return desk_style_replace_forms (draft, self->new_text, (const char * const *)self->forms,
                                       self->draft_text) > 0;

    case DESK_SUGGESTION_CONFLICT:
    default:
      return FALSE;
    }
}

static int
compare_for_apply (gconstpointer a,
                   gconstpointer b)
{
  DeskSuggestion *sa = *(DeskSuggestion * const *)a;
  DeskSuggestion *sb = *(DeskSuggestion * const *)b;

  /* Later positions first, so that earlier positions stay valid; among paragraphs that
   * follow the same one, the last first, so that they end up in order. */
  if (sa->after != sb->after)
    return sb->after - sa->after;
  return 0;
}

/**
 * desk_suggestions_apply_all:
 * @suggestions: (element-type DeskSuggestion): suggestions computed for @draft, in the
 *   suggester's order
 * @draft: the draft
 *
 * Accepts every missing paragraph and the first addition to each paragraph at once.
 * Conflicts, variants and headlines are left alone. Runs of missing paragraphs keep the
 * order of the suggestions. See desk_suggester_accept_all() for what Accept All does.
 *
 * Returns: how many suggestions were applied
 */
guint
desk_suggestions_apply_all (GPtrArray *suggestions,
                            DeskDraft *draft)
{
  g_autoptr(GPtrArray) missing = g_ptr_array_new ();
  g_autoptr(GHashTable) changed = g_hash_table_new (NULL, NULL);
  guint applied = 0;

  g_return_val_if_fail (suggestions != NULL, 0);
  g_return_val_if_fail (DESK_IS_DRAFT (draft), 0);

  /* Additions replace paragraphs in place: they move nothing. Each was computed against
   * the paragraph as it was, so only the first for a paragraph applies; the others are
   * computed again (desk_suggester_accept_all() goes round until nothing is left). */
  for (guint i = 0; i < suggestions->len; i++)
    {
      DeskSuggestion *suggestion = g_ptr_array_index (suggestions, i);

      if (suggestion->kind == DESK_SUGGESTION_ADDITION)
        {
          if (g_hash_table_contains (changed, GINT_TO_POINTER (suggestion->target + 1)))
            continue;
          g_hash_table_add (changed, GINT_TO_POINTER (suggestion->target + 1));
          applied += desk_suggestion_apply (suggestion, draft);
        }
      else if (suggestion->kind == DESK_SUGGESTION_MISSING)
        g_ptr_array_add (missing, suggestion);
    }

  /* Reverse the suggester's order within each position, then sort stably by position,
   * latest first: inserting each at after + 1 leaves every run in its original order. */
  for (guint i = 0; i < missing->len / 2; i++)
    {
      gpointer tmp = missing->pdata[i];
      missing->pdata[i] = missing->pdata[missing->len - 1 - i];
      missing->pdata[missing->len - 1 - i] = tmp;
    }
  g_ptr_array_sort (missing, compare_for_apply);  /* stable: g_qsort_with_data is a merge sort */

  for (guint i = 0; i < missing->len; i++)
    applied += desk_suggestion_apply (g_ptr_array_index (missing, i), draft);

  return applied;
}

/* Whether @other is another version of what @accepted settled: another headline, or
 * another addition or variant of the same paragraph. */
static gboolean
settled_with (DeskSuggestion *accepted,
              DeskSuggestion *other)
{
  gboolean accepted_paragraph = accepted->kind == DESK_SUGGESTION_ADDITION ||
                                accepted->kind == DESK_SUGGESTION_VARIANT;
  gboolean other_paragraph = other->kind == DESK_SUGGESTION_ADDITION ||
                             other->kind == DESK_SUGGESTION_VARIANT;

  if (accepted->kind == DESK_SUGGESTION_HEADLINE)
    return other->kind == DESK_SUGGESTION_HEADLINE;

  return accepted_paragraph && other_paragraph && other->placed_target == accepted->placed_target;
}

/**
 * desk_suggestions_rebase_after_accept:
 * @suggestions: (element-type DeskSuggestion): the suggestions on offer, in the
 *   suggester's order, placed where they stand in the draft (desk_suggestion_place())
 * @accepted_position: the index in @suggestions of the one that just went into the draft
 *
 * What is left on offer after one suggestion was accepted, so that the next accept lands
 * right before the suggester has reported again. The accepted suggestion goes, and so do
 * the others it settled: every other headline, and every other addition or variant of the
 * same paragraph. When the accepted one inserted a missing paragraph, the others are moved
 * past it with desk_suggestion_place() (the objects stay the same): missing paragraphs
 * after it, and suggestions whose target is at or after it; missing paragraphs that
 * followed the same paragraph keep the suggester's order, so those listed after the
 * accepted one now follow the inserted paragraph. Accepting anything else moves nothing.
 *
 * Returns: (transfer full) (element-type DeskSuggestion): the suggestions kept, in order
 */
GPtrArray *
desk_suggestions_rebase_after_accept (GPtrArray *suggestions,
                                      guint      accepted_position)
{
  g_autoptr(GPtrArray) kept = g_ptr_array_new_with_free_func (g_object_unref);
  DeskSuggestion *accepted;
  int inserted = -1;

  g_return_val_if_fail (suggestions != NULL, NULL);
  g_return_val_if_fail (accepted_position < suggestions->len, NULL);

  accepted = g_ptr_array_index (suggestions, accepted_position);
  if (accepted->kind == DESK_SUGGESTION_MISSING)
    inserted = accepted->placed_after + 1;

  for (guint i = 0; i < suggestions->len; i++)
    {
      DeskSuggestion *other = g_ptr_array_index (suggestions, i);
      int after = other->placed_after;
      int target = other->placed_target;

      if (i == accepted_position || settled_with (accepted, other))
        continue;

      if (inserted >= 0)
        {
          if (other->kind == DESK_SUGGESTION_MISSING)
            {
              if (after >= inserted || (after == inserted - 1 && i > accepted_position))
                after++;
            }
          else if (target >= inserted)
            target++;
          desk_suggestion_place (other, after, target);
        }

      g_ptr_array_add (kept, g_object_ref (other));
    }

  return g_steal_pointer (&kept);
}
