/* desk-provenance-renderer.c: the draft's margin: paragraph numbers and where each came from
 *
 * Each paragraph of the draft is one line of the buffer (wrapped on screen). The margin
 * numbers the paragraphs, as the suggestions refer to them ("After ¶ 8"), and draws one
 * bar per source the paragraph came from, in that source's colour, hollow when the editor
 * has reworked the text since; a "+" follows the bars when a sentence from other sources
 * was spliced into the paragraph, so that the difference is not told by colour alone. The
 * tooltip names the sources; desk_provenance_renderer_dup_description() names those of
 * one sentence, for the status bar, Alt+Return and screen readers. When a suggestion is
 * selected, an accent marker shows where a missing paragraph would go.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "desk-palette.h"
#include "desk-provenance-renderer.h"

#define NUMBER_WIDTH 28
#define BAR_WIDTH     4
#define BAR_GAP       2
#define PLUS_WIDTH   10
#define WIDTH        (NUMBER_WIDTH + 8 + 4 * (BAR_WIDTH + BAR_GAP) + PLUS_WIDTH + 4)

struct _DeskProvenanceRenderer
{
  GtkSourceGutterRenderer parent_instance;

  DeskProject            *project;
  GArray                 *line_paragraphs;  /* int per line: paragraph, or -1 for a blank line */
  int                     insert_after;     /* -2: none; -1: the top */
};

G_DEFINE_FINAL_TYPE (DeskProvenanceRenderer, desk_provenance_renderer, GTK_SOURCE_TYPE_GUTTER_RENDERER)

static gboolean
line_is_blank (const GtkTextIter *line_start)
{
  GtkTextIter iter = *line_start;

  while (!gtk_text_iter_ends_line (&iter))
    {
      if (!g_unichar_isspace (gtk_text_iter_get_char (&iter)))
        return FALSE;
      gtk_text_iter_forward_char (&iter);
    }

  return TRUE;
}

/**
 * desk_provenance_renderer_paragraph_at_line:
 *
 * Returns: the draft paragraph that buffer line @line holds (paragraphs are the lines that
 *   are not blank), or -1 for a blank line
 */
int
desk_provenance_renderer_paragraph_at_line (GtkTextBuffer *buffer,
                                            int            line)
{
  GtkTextIter iter;
  int paragraph = 0;

  gtk_text_buffer_get_start_iter (buffer, &iter);
  for (int i = 0; i < line; i++)
    {
      if (!line_is_blank (&iter))
        paragraph++;
      if (!gtk_text_iter_forward_line (&iter))
        return -1;
    }

  return line_is_blank (&iter) ? -1 : paragraph;
}

static void
compute_lines (DeskProvenanceRenderer *self,
               GtkTextBuffer          *buffer,
               guint                   last)
{
  GtkTextIter iter;
  int paragraph = 0;

  g_array_set_size (self->line_paragraphs, 0);
  gtk_text_buffer_get_start_iter (buffer, &iter);

  for (guint line = 0; line <= last; line++)
    {
      int value = -1;

      if (!line_is_blank (&iter))
        value = paragraph++;
      g_array_append_val (self->line_paragraphs, value);

      if (!gtk_text_iter_forward_line (&iter))
        break;
    }
}

static DeskParagraph *
get_paragraph (DeskProvenanceRenderer *self,
               int                     index)
{
  DeskDraft *draft;

  if (self->project == NULL || index < 0)
    return NULL;

  draft = desk_project_get_draft (self->project);
  if ((guint)index >= desk_draft_get_n_paragraphs (draft))
    return NULL;

  return desk_draft_get_paragraph (draft, index);
}

/* Whether the sentences of @paragraph did not all come from the same sources: an addition
 * was spliced in. */
static gboolean
has_mixed_sentences (DeskParagraph *paragraph)
{
  guint n = desk_paragraph_get_n_spans (paragraph);
  guint first_start;
  g_auto(GStrv) first = NULL;

  if (n < 2)
    return FALSE;

  desk_paragraph_get_span (paragraph, 0, &first_start, NULL);
  first = desk_paragraph_dup_sources_at (paragraph, first_start);
  for (guint i = 1; i < n; i++)
    {
      guint start;
      g_auto(GStrv) ids = NULL;

      desk_paragraph_get_span (paragraph, i, &start, NULL);
      ids = desk_paragraph_dup_sources_at (paragraph, start);
      if (!g_strv_equal ((const char * const *)ids, (const char * const *)first))
        return TRUE;
    }

  return FALSE;
}

static void
desk_provenance_renderer_begin (GtkSourceGutterRenderer *renderer,
                                GtkSourceGutterLines    *lines)
{
  DeskProvenanceRenderer *self = DESK_PROVENANCE_RENDERER (renderer);

  compute_lines (self, gtk_source_gutter_lines_get_buffer (lines),
                 gtk_source_gutter_lines_get_last (lines));
}

static void
draw_insert_marker (GtkWidget   *widget,
                    GtkSnapshot *snapshot,
                    float        y)
{
  GdkRGBA accent;
  float width = gtk_widget_get_width (widget);
  GskRoundedRect rounded;

  gdk_rgba_parse (&accent, "#3584e4");
  gsk_rounded_rect_init_from_rect (&rounded, &GRAPHENE_RECT_INIT (2, y - 2, width - 2, 4), 2);
  gtk_snapshot_push_rounded_clip (snapshot, &rounded);
  gtk_snapshot_append_color (snapshot, &accent, &GRAPHENE_RECT_INIT (2, y - 2, width - 2, 4));
  gtk_snapshot_pop (snapshot);
}

static void
desk_provenance_renderer_snapshot_line (GtkSourceGutterRenderer *renderer,
                                        GtkSnapshot             *snapshot,
                                        GtkSourceGutterLines    *lines,
                                        guint                    line)
{
  DeskProvenanceRenderer *self = DESK_PROVENANCE_RENDERER (renderer);
  GtkWidget *widget = GTK_WIDGET (renderer);
  DeskParagraph *paragraph;
  int index;
  int y, height;
  GdkRectangle first_char;
  GtkTextIter line_start;
  g_autofree char *number = NULL;
  g_autoptr(PangoLayout) layout = NULL;
  GdkRGBA fg;
  int text_width, text_height;
  guint n_provenance;
  g_autoptr(GHashTable) seen = NULL;
  guint drawn = 0;

  if (line >= self->line_paragraphs->len)
    return;

  index = g_array_index (self->line_paragraphs, int, line);
  gtk_source_gutter_lines_get_line_yrange (lines, line, GTK_SOURCE_GUTTER_RENDERER_ALIGNMENT_MODE_CELL,
                                           &y, &height);
  /* The first display line of the paragraph, for the number. */
  gtk_source_gutter_lines_get_iter_at_line (lines, &line_start, line);
  gtk_text_view_get_iter_location (gtk_source_gutter_lines_get_view (lines), &line_start, &first_char);

  if (self->insert_after == -1 && index == 0)
    draw_insert_marker (widget, snapshot, y + 2);

  if (index < 0)
    return;

  /* The paragraph number, as the suggestions name it. */
  number = g_strdup_printf ("%d", index + 1);
  layout = gtk_widget_create_pango_layout (widget, number);
  pango_layout_get_pixel_size (layout, &text_width, &text_height);
#if GTK_CHECK_VERSION (4, 10, 0)
  gtk_widget_get_color (widget, &fg);
#else
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &fg);
#endif
  fg.alpha *= 0.55;
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (NUMBER_WIDTH - text_width,
                                                          y + (first_char.height - text_height) / 2.0 + 1));
  gtk_snapshot_append_layout (snapshot, layout, &fg);
  gtk_snapshot_restore (snapshot);

  /* One bar per source, in its colour; hollow once the editor reworked the text. */
  paragraph = get_paragraph (self, index);
  n_provenance = paragraph ? desk_paragraph_get_n_provenance (paragraph) : 0;
  seen = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < n_provenance && drawn < 4; i++)
    {
      const char *source_id = desk_paragraph_get_provenance_source (paragraph, i);
      float x = NUMBER_WIDTH + 8 + drawn * (BAR_WIDTH + BAR_GAP);
      float top = y + 3;
      float bar_height = MAX (height - 14, 6);
      GskRoundedRect rounded;
      GdkRGBA color;

      if (!g_hash_table_add (seen, (gpointer)source_id))
        continue;

      desk_palette_get_color (desk_palette_index_for_source (self->project, source_id), &color);
      gsk_rounded_rect_init_from_rect (&rounded, &GRAPHENE_RECT_INIT (x, top, BAR_WIDTH, bar_height),
                                       BAR_WIDTH / 2.0);
      if (desk_paragraph_get_edited (paragraph))
        {
          GdkRGBA border[4] = { color, color, color, color };
          const float widths[4] = { 1.5, 1.5, 1.5, 1.5 };

          gtk_snapshot_append_border (snapshot, &rounded, widths, border);
        }
      else
        {
          gtk_snapshot_push_rounded_clip (snapshot, &rounded);
          gtk_snapshot_append_color (snapshot, &color, &GRAPHENE_RECT_INIT (x, top, BAR_WIDTH, bar_height));
          gtk_snapshot_pop (snapshot);
        }
      drawn++;
    }

  /* Not by colour alone: a paragraph with a sentence from other sources spliced in gets a
   * "+" after its bars (Alt+Return names the sources of the sentence at the cursor). */
  if (paragraph != NULL && has_mixed_sentences (paragraph))
    {
      g_autoptr(PangoLayout) plus = gtk_widget_create_pango_layout (widget, "+");
      GdkRGBA plus_fg = fg;
      int plus_width, plus_height;

      plus_fg.alpha = MIN (1.0, fg.alpha / 0.55);
      pango_layout_get_pixel_size (plus, &plus_width, &plus_height);
      gtk_snapshot_save (snapshot);
      gtk_snapshot_translate (snapshot,
                              &GRAPHENE_POINT_INIT (NUMBER_WIDTH + 8 + drawn * (BAR_WIDTH + BAR_GAP) + 1,
                                                    y + (first_char.height - plus_height) / 2.0 + 1));
      gtk_snapshot_append_layout (snapshot, plus, &plus_fg);
      gtk_snapshot_restore (snapshot);
    }

  if (self->insert_after >= 0 && index == self->insert_after)
    draw_insert_marker (widget, snapshot, y + height - 5);
}

static void
desk_provenance_renderer_measure (GtkWidget      *widget,
                                  GtkOrientation  orientation,
                                  int             for_size,
                                  int            *minimum,
                                  int            *natural,
                                  int            *minimum_baseline,
                                  int            *natural_baseline)
{
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    *minimum = *natural = WIDTH;
  else
    *minimum = *natural = 0;
}

/* "AP (short version), Arkansas Democrat-Gazette (AP)": the sources of @ids by the names
 * the window uses everywhere, each once. */
static char *
dup_source_names (DeskProvenanceRenderer *self,
                  const char * const     *ids)
{
  g_autoptr(GString) names = g_string_new (NULL);

  for (guint i = 0; ids[i] != NULL; i++)
    {
      DeskSource *source = desk_project_find_source (self->project, ids[i]);
      g_autofree char *label = source ? desk_source_dup_label (source) : g_strdup (_("a removed source"));
      g_autofree char *org = source ? desk_source_dup_organization (source) : NULL;

      if (names->len > 0)
        g_string_append (names, ", ");
      g_string_append (names, label);
      if (org != NULL && strstr (label, org) == NULL)
        g_string_append_printf (names, " (%s)", org);
    }

  return g_string_free (g_steal_pointer (&names), FALSE);
}

/* The distinct sources of the paragraph as a whole, in the order recorded. */
static GStrv
dup_paragraph_sources (DeskParagraph *paragraph)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < desk_paragraph_get_n_provenance (paragraph); i++)
    {
      const char *id = desk_paragraph_get_provenance_source (paragraph, i);

      if (g_hash_table_add (seen, (gpointer)id))
        g_strv_builder_add (builder, id);
    }

  return g_strv_builder_end (builder);
}

/**
 * desk_provenance_renderer_dup_tooltip:
 *
 * Returns: (transfer full) (nullable): a sentence naming the sources of a paragraph
 */
char *
desk_provenance_renderer_dup_tooltip (DeskProvenanceRenderer *self,
                                      guint                   index)
{
  DeskParagraph *paragraph = get_paragraph (self, index);
  g_auto(GStrv) ids = NULL;
  g_autofree char *names = NULL;
  g_autofree char *text = NULL;

  if (paragraph == NULL)
    return NULL;

  ids = dup_paragraph_sources (paragraph);
  if (ids[0] == NULL)
    return g_strdup_printf (_("¶ %u: written in the draft"), index + 1);

  names = dup_source_names (self, (const char * const *)ids);
  if (desk_paragraph_get_edited (paragraph))
    /* Translators: "¶ 3: from 02-newspaper-long (AP), 04-writethru (AP); edited since" */
    text = g_strdup_printf (_("¶ %u: from %s; edited since"), index + 1, names);
  else
    text = g_strdup_printf (_("¶ %u: from %s"), index + 1, names);

  if (has_mixed_sentences (paragraph))
    {
      g_autofree char *mixed = g_strdup_printf (_("%s. Its sentences came from different "
                                                  "sources: put the cursor in one and press "
                                                  "Alt+Return to see which."), text);

      return g_steal_pointer (&mixed);
    }

  return g_steal_pointer (&text);
}

/**
 * desk_provenance_renderer_dup_description:
 * @index: a paragraph of the draft
 * @offset: a byte offset into its text
 *
 * What the sentence at @offset of paragraph @index came from, in words for the editor and
 * for a screen reader: "¶ 2, this sentence: from Arkansas Democrat-Gazette (AP)". A
 * paragraph whose sentences all came from the same sources is described as a whole.
 *
 * Returns: (transfer full) (nullable): the description, or %NULL if there is no such
 *   paragraph
 */
char *
desk_provenance_renderer_dup_description (DeskProvenanceRenderer *self,
                                          guint                   index,
                                          guint                   offset)
{
  DeskParagraph *paragraph = get_paragraph (self, index);
  g_auto(GStrv) ids = NULL;
  g_autofree char *names = NULL;

  g_return_val_if_fail (DESK_IS_PROVENANCE_RENDERER (self), NULL);

  if (paragraph == NULL)
    return NULL;

  if (!has_mixed_sentences (paragraph))
    return desk_provenance_renderer_dup_tooltip (self, index);

  offset = MIN (offset, strlen (desk_paragraph_get_text (paragraph)));
  ids = desk_paragraph_dup_sources_at (paragraph, offset);
  if (ids[0] == NULL)
    return g_strdup_printf (_("¶ %u, this sentence: written in the draft"), index + 1);

  names = dup_source_names (self, (const char * const *)ids);
  /* Translators: "¶ 2, this sentence: from Arkansas Democrat-Gazette (AP)" */
  return g_strdup_printf (_("¶ %u, this sentence: from %s"), index + 1, names);
}

static gboolean
desk_provenance_renderer_query_tooltip (GtkWidget  *widget,
                                        int         x,
                                        int         y,
                                        gboolean    keyboard,
                                        GtkTooltip *tooltip)
{
  DeskProvenanceRenderer *self = DESK_PROVENANCE_RENDERER (widget);
  GtkSourceView *view = gtk_source_gutter_renderer_get_view (GTK_SOURCE_GUTTER_RENDERER (self));
  GtkTextIter iter;
  double vx, vy;
  int bx, by, line_top, paragraph;
  g_autofree char *text = NULL;

  if (view == NULL || self->project == NULL)
    return FALSE;

  if (!gtk_widget_translate_coordinates (widget, GTK_WIDGET (view), x, y, &vx, &vy))
    return FALSE;
  gtk_text_view_window_to_buffer_coords (GTK_TEXT_VIEW (view), GTK_TEXT_WINDOW_WIDGET, vx, vy, &bx, &by);
  gtk_text_view_get_line_at_y (GTK_TEXT_VIEW (view), &iter, by, &line_top);

  paragraph = desk_provenance_renderer_paragraph_at_line (gtk_text_iter_get_buffer (&iter),
                                                          gtk_text_iter_get_line (&iter));
  if (paragraph < 0 || !(text = desk_provenance_renderer_dup_tooltip (self, paragraph)))
    return FALSE;

  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

static void
desk_provenance_renderer_dispose (GObject *object)
{
  DeskProvenanceRenderer *self = (DeskProvenanceRenderer *)object;

  g_clear_object (&self->project);

  G_OBJECT_CLASS (desk_provenance_renderer_parent_class)->dispose (object);
}

static void
desk_provenance_renderer_finalize (GObject *object)
{
  DeskProvenanceRenderer *self = (DeskProvenanceRenderer *)object;

  g_clear_pointer (&self->line_paragraphs, g_array_unref);

  G_OBJECT_CLASS (desk_provenance_renderer_parent_class)->finalize (object);
}

static void
desk_provenance_renderer_class_init (DeskProvenanceRendererClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkSourceGutterRendererClass *renderer_class = GTK_SOURCE_GUTTER_RENDERER_CLASS (klass);

  object_class->dispose = desk_provenance_renderer_dispose;
  object_class->finalize = desk_provenance_renderer_finalize;

  widget_class->measure = desk_provenance_renderer_measure;
  widget_class->query_tooltip = desk_provenance_renderer_query_tooltip;

  renderer_class->begin = desk_provenance_renderer_begin;
  renderer_class->snapshot_line = desk_provenance_renderer_snapshot_line;
}

static void
desk_provenance_renderer_init (DeskProvenanceRenderer *self)
{
  self->line_paragraphs = g_array_new (FALSE, FALSE, sizeof (int));
  self->insert_after = -2;
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self), "provenance-margin");
}

GtkSourceGutterRenderer *
desk_provenance_renderer_new (void)
{
  return g_object_new (DESK_TYPE_PROVENANCE_RENDERER, NULL);
}

void
desk_provenance_renderer_set_project (DeskProvenanceRenderer *self,
                                      DeskProject            *project)
{
  g_return_if_fail (DESK_IS_PROVENANCE_RENDERER (self));

  g_set_object (&self->project, project);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/**
 * desk_provenance_renderer_set_insert_after:
 * @paragraph: the paragraph after which to mark an insertion, -1 for the top of the story,
 *   -2 for no marker
 */
void
desk_provenance_renderer_set_insert_after (DeskProvenanceRenderer *self,
                                           int                     paragraph)
{
  g_return_if_fail (DESK_IS_PROVENANCE_RENDERER (self));

  if (self->insert_after == paragraph)
    return;
  self->insert_after = paragraph;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}
