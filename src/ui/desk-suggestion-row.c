/* desk-suggestion-row.c: one suggestion, as a card the editor accepts or rejects
 *
 * The card says what kind of suggestion it is, where it would go, its text with the new
 * part emphasised, and which sources carry it (in their colours). Its buttons select the
 * row and then activate the same window actions as the keyboard shortcuts, so a click and
 * Ctrl+Return take one path.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "desk-palette.h"
#include "desk-conflict.h"
#include "desk-suggestion-row.h"

struct _DeskSuggestionRow
{
  GtkWidget       parent_instance;

  DeskSuggestion *suggestion;
  DeskProject    *project;
  GtkListItem    *item;          /* weak: the list view's item that shows this card */

  GtkBox         *card;
  GtkLabel       *kind_label;
  GtkLabel       *where_label;
  GtkLabel       *text_label;
  gboolean        selected;
  GtkLabel       *draft_label;
  GtkLabel       *mentions_label;
  GtkLabel       *sources_label;
  GtkBox         *actions_box;
  GtkButton      *accept_button;
  GtkButton      *use_button;
  GtkButton      *reject_button;
  GtkMenuButton  *versions_button;
};

G_DEFINE_FINAL_TYPE (DeskSuggestionRow, desk_suggestion_row, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_SUGGESTION,
  PROP_PROJECT,
  PROP_SELECTED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void placement_changed_cb (DeskSuggestionRow *self);

/**
 * desk_suggestion_dup_kind_label:
 *
 * Returns: (transfer full): the kind, as the card's pill says it
 */
char *
desk_suggestion_dup_kind_label (DeskSuggestion *suggestion)
{
  switch (desk_suggestion_get_kind (suggestion))
    {
    case DESK_SUGGESTION_MISSING:
      return g_strdup (C_("suggestion kind", "Missing"));
    case DESK_SUGGESTION_ADDITION:
      return g_strdup (C_("suggestion kind", "Addition"));
    case DESK_SUGGESTION_CONFLICT:
      return g_strdup (C_("suggestion kind", "Conflict"));
    case DESK_SUGGESTION_VARIANT:
      return g_strdup (C_("suggestion kind", "Variant"));
    case DESK_SUGGESTION_STYLE:
      return g_strdup (C_("suggestion kind", "Style"));
    case DESK_SUGGESTION_HEADLINE:
    default:
      return g_strdup (C_("suggestion kind", "Headline"));
    }
}

/**
 * desk_suggestion_dup_where:
 *
 * Returns: (transfer full): where in the draft the suggestion would go, with paragraphs
 *   numbered from 1 as the draft's margin numbers them
 */
char *
desk_suggestion_dup_where (DeskSuggestion *suggestion)
{
  int after = desk_suggestion_placed_after (suggestion);
  int target = desk_suggestion_placed_target (suggestion);

  switch (desk_suggestion_get_kind (suggestion))
    {
    case DESK_SUGGESTION_MISSING:
      if (after < 0)
        return g_strdup (_("At the top of the story"));
      /* Translators: ¶ is the paragraph sign; %d is the paragraph's number in the margin. */
      return g_strdup_printf (_("After ¶ %d"), after + 1);
    case DESK_SUGGESTION_ADDITION:
      return g_strdup_printf (_("Adds to ¶ %d"), target + 1);
    case DESK_SUGGESTION_CONFLICT:
      return g_strdup_printf (_("Disagrees with ¶ %d"), target + 1);
    case DESK_SUGGESTION_VARIANT:
      return g_strdup_printf (_("Rewords ¶ %d"), target + 1);
    case DESK_SUGGESTION_STYLE:
      return g_strdup (_("Every mention, said one way"));
    case DESK_SUGGESTION_HEADLINE:
    default:
      return g_strdup (_("Replaces the headline"));
    }
}

static void
append_escaped (GString    *markup,
                const char *text,
                gsize       length)
{
  g_autofree char *escaped = g_markup_escape_text (text, length);
  g_string_append (markup, escaped);
}

/* The text with the [start, end) ranges of desk_suggestion_dup_highlights() (in order,
 * within the text) wrapped in <span> */
static char *
markup_with_ranges (const char *text,
                    GArray     *ranges,
                    const char *span)
{
  g_autoptr(GString) markup = g_string_new (NULL);
  gsize at = 0;

  for (guint i = 0; i + 1 < ranges->len; i += 2)
    {
      guint start = g_array_index (ranges, guint, i);
      guint end = g_array_index (ranges, guint, i + 1);

      append_escaped (markup, text + at, start - at);
      g_string_append (markup, span);
      append_escaped (markup, text + start, end - start);
      g_string_append (markup, "</span>");
      at = end;
    }
  append_escaped (markup, text + at, strlen (text) - at);

  return g_string_free (g_steal_pointer (&markup), FALSE);
}

/**
 * desk_suggestion_dup_markup:
 *
 * Returns: (transfer full): Pango markup of the suggestion's text with the new part (the
 *   marks the suggester set, or the new text it names) emphasised; a missing paragraph,
 *   all of it new, is left plain
 */
char *
desk_suggestion_dup_markup (DeskSuggestion *suggestion)
{
  g_autoptr(GArray) ranges = desk_suggestion_dup_highlights (suggestion);
  const char *span = "<span weight=\"bold\" background=\"#2ec27e\" bgalpha=\"22%\">";

  if (desk_suggestion_get_kind (suggestion) == DESK_SUGGESTION_CONFLICT)
    span = "<span weight=\"bold\" background=\"#e01b24\" bgalpha=\"20%\">";

  return markup_with_ranges (desk_suggestion_get_text (suggestion), ranges, span);
}

/* A decision removes the card's item from the list: the focus must not stay on a button
 * of it (GTK 4.8's list view then follows a focus child that is gone, with a critical).
 * The list keeps the focus, on the card that takes the selection. */
static void
focus_list (DeskSuggestionRow *self)
{
  GtkWidget *list = gtk_widget_get_ancestor (GTK_WIDGET (self), GTK_TYPE_LIST_VIEW);
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (root != NULL)
    gtk_root_set_focus (root, list);
}

/* The card's buttons act on the selected suggestion: select this one first. */
static void
select_self (DeskSuggestionRow *self)
{
  GtkWidget *list = gtk_widget_get_ancestor (GTK_WIDGET (self), GTK_TYPE_LIST_VIEW);
  GtkSelectionModel *model;

  if (self->item == NULL || list == NULL)
    return;

  model = gtk_list_view_get_model (GTK_LIST_VIEW (list));
  if (model != NULL && gtk_list_item_get_position (self->item) != GTK_INVALID_LIST_POSITION)
    gtk_selection_model_select_item (model, gtk_list_item_get_position (self->item), TRUE);
}

static void
accept_clicked_cb (DeskSuggestionRow *self)
{
  select_self (self);
  focus_list (self);
  gtk_widget_activate_action (GTK_WIDGET (self), "win.accept", NULL);
}

static void
use_clicked_cb (DeskSuggestionRow *self)
{
  select_self (self);
  focus_list (self);
  gtk_widget_activate_action (GTK_WIDGET (self), "win.use-source-value", NULL);
}

/* "mention:PARAGRAPH:START:END" (PARAGRAPH -1: the headline): show it in the draft. */
static gboolean
mention_link_cb (DeskSuggestionRow *self,
                 const char        *uri)
{
  int paragraph;
  guint start, end;

  if (sscanf (uri, "mention:%d:%u:%u", &paragraph, &start, &end) != 3)
    return FALSE;

  gtk_widget_activate_action (GTK_WIDGET (self), "win.show-mention", "(iuu)", paragraph, start, end);
  return TRUE;
}

static void
reject_clicked_cb (DeskSuggestionRow *self)
{
  select_self (self);
  focus_list (self);
  gtk_widget_activate_action (GTK_WIDGET (self), "win.reject", NULL);
}

static gboolean
source_link_cb (DeskSuggestionRow *self,
                const char        *uri)
{
  if (!g_str_has_prefix (uri, "source:"))
    return FALSE;

  select_self (self);
  gtk_widget_activate_action (GTK_WIDGET (self), "win.show-source", "s", uri + strlen ("source:"));
  return TRUE;
}

/* The most the versions list is ever given, and the least, and what a popover adds
 * around its list (its arrow, frame and margins). */
#define VERSIONS_MAX_HEIGHT 420
#define VERSIONS_MIN_HEIGHT 120
#define POPOVER_CHROME 48
/* The width of a version's text in the list, in characters. */
#define VERSIONS_TEXT_CHARS 40

/* Opening the versions selects the card they belong to. The list opens on the side of
 * the button with more room in the window, and is no taller than that room: it ran off
 * the bottom of the window, its last Accept This Version cut off. */
static void
versions_shown_cb (DeskSuggestionRow *self)
{
  GtkPopover *popover = gtk_menu_button_get_popover (self->versions_button);
  GtkWidget *scroller = popover != NULL ? gtk_popover_get_child (popover) : NULL;
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  graphene_rect_t bounds;

  if (GTK_IS_SCROLLED_WINDOW (scroller) && root != NULL &&
      gtk_widget_compute_bounds (GTK_WIDGET (self->versions_button), GTK_WIDGET (root), &bounds))
    {
      double above = bounds.origin.y;
      double below = gtk_widget_get_height (GTK_WIDGET (root)) - (bounds.origin.y + bounds.size.height);
      double room = MAX (above, below) - POPOVER_CHROME;

      gtk_popover_set_position (popover, above > below ? GTK_POS_TOP : GTK_POS_BOTTOM);
      gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scroller),
                                                  (int)CLAMP (room, VERSIONS_MIN_HEIGHT, VERSIONS_MAX_HEIGHT));
    }

  select_self (self);
}

static void
version_clicked_cb (GtkButton         *button,
                    DeskSuggestionRow *self)
{
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "version"));

  gtk_menu_button_popdown (self->versions_button);
  select_self (self);
  focus_list (self);
  gtk_widget_activate_action (GTK_WIDGET (self), "win.accept-version", "u", index);
}


/* What the editor calls the source with @id (or, without an id, named @name): its label in
 * the project, as everywhere else in the window. */
static char *
source_label (DeskSuggestionRow *self,
              const char        *id,
              const char        *name)
{
  DeskSource *source = NULL;

  if (self->project != NULL && id != NULL)
    source = desk_project_find_source (self->project, id);
  if (self->project != NULL && source == NULL && name != NULL)
    {
      GListModel *sources = desk_project_get_sources (self->project);

      for (guint i = 0; i < g_list_model_get_n_items (sources) && source == NULL; i++)
        {
          g_autoptr(DeskSource) candidate = g_list_model_get_item (sources, i);

          if (g_strcmp0 (desk_source_get_name (candidate), name) == 0)
            source = candidate;
        }
    }

  return source != NULL ? g_strdup (desk_source_get_label (source))
                        : desk_source_dup_label_for_name (name);
}

static GtkWidget *
build_versions_popover (DeskSuggestionRow *self)
{
  GtkWidget *popover = gtk_popover_new ();
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  guint n = desk_suggestion_get_n_alternatives (self->suggestion);

  gtk_widget_add_css_class (popover, "versions-popover");
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scroller), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scroller), VERSIONS_MAX_HEIGHT);
  gtk_widget_set_margin_start (box, 6);
  gtk_widget_set_margin_end (box, 6);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *label = source_label (self, NULL, desk_suggestion_get_alternative_source (self->suggestion, i));
      GtkWidget *item = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
      GtkWidget *name = gtk_label_new (label);
      GtkWidget *text = gtk_label_new (desk_suggestion_get_alternative_text (self->suggestion, i));
      GtkWidget *button = gtk_button_new_with_mnemonic (_("_Accept This Version"));

      gtk_widget_add_css_class (name, "heading");
      gtk_label_set_xalign (GTK_LABEL (name), 0);
      gtk_label_set_xalign (GTK_LABEL (text), 0);
      gtk_label_set_wrap (GTK_LABEL (text), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (text), PANGO_WRAP_WORD_CHAR);
      /* One width, wanted and least: a popover narrowed against the edge of the screen
       * kept the height it measured for a wider text, and cut its last button off. */
      gtk_label_set_max_width_chars (GTK_LABEL (text), VERSIONS_TEXT_CHARS);
      gtk_label_set_width_chars (GTK_LABEL (text), VERSIONS_TEXT_CHARS);
      gtk_widget_set_halign (button, GTK_ALIGN_START);
      gtk_widget_add_css_class (button, "small-button");
      g_object_set_data (G_OBJECT (button), "version", GUINT_TO_POINTER (i));
      g_signal_connect (button, "clicked", G_CALLBACK (version_clicked_cb), self);

      gtk_box_append (GTK_BOX (item), name);
      gtk_box_append (GTK_BOX (item), text);
      gtk_box_append (GTK_BOX (item), button);
      if (i > 0)
        gtk_box_append (GTK_BOX (box), gtk_separator_new (GTK_ORIENTATION_HORIZONTAL));
      gtk_box_append (GTK_BOX (box), item);
    }

  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), box);
  gtk_popover_set_child (GTK_POPOVER (popover), scroller);

  return popover;
}

#define MAX_SOURCES_SHOWN 4

/* The sources that carry the suggestion, each in its colour; beyond a few, a count (the
 * tooltip names them all). */
static char *
sources_markup (DeskSuggestionRow *self,
                char             **tooltip)
{
  g_autoptr(GString) markup = g_string_new (NULL);
  g_autoptr(GString) all = g_string_new (NULL);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  guint n = desk_suggestion_get_n_sources (self->suggestion);
  guint shown = 0;
  guint more = 0;

  for (guint i = 0; i < n; i++)
    {
      const char *id = desk_suggestion_get_source_id (self->suggestion, i);
      g_autofree char *label = source_label (self, id, desk_suggestion_get_source_name (self->suggestion, i));
      g_autofree char *escaped = NULL;
      guint index;
      GdkRGBA color;
      g_autofree char *hex = NULL;

      if (!g_hash_table_add (seen, (gpointer)id))
        continue;

      g_string_append_printf (all, "%s%s", all->len ? "\n" : "", label);
      if (shown == MAX_SOURCES_SHOWN)
        {
          more++;
          continue;
        }

      /* Chips break between each other, not inside a name: hyphens do not break. */
      {
        g_autofree char *plain = g_markup_escape_text (label, -1);
        g_autoptr(GString) unbreakable = g_string_new (NULL);

        for (const char *p = plain; *p != '\0'; p++)
          {
            if (*p == '-')
              g_string_append (unbreakable, "\u2011");
            else
              g_string_append_c (unbreakable, *p);
          }
        escaped = g_string_free (g_steal_pointer (&unbreakable), FALSE);
      }

      index = self->project ? desk_palette_index_for_source (self->project, id) : 0;
      desk_palette_get_color (index, &color);
      hex = g_strdup_printf ("#%02x%02x%02x", (int)(color.red * 255), (int)(color.green * 255),
                             (int)(color.blue * 255));
      /* The name is a link: it shows the source, at the block the suggestion comes from. */
      {
        g_autofree char *escaped_id = g_markup_escape_text (id, -1);
        g_autofree char *title = g_strdup_printf (_("Show %s"), label);
        g_autofree char *escaped_title = g_markup_escape_text (title, -1);

        g_string_append_printf (markup, "%s<span foreground=\"%s\">●</span>\u00a0<a href=\"source:%s\" title=\"%s\">%s</a>",
                                markup->len ? "   " : "", hex, escaped_id, escaped_title, escaped);
      }
      shown++;
    }

  if (more > 0)
    g_string_append_printf (markup, ngettext ("   and %u more", "   and %u more", more), more);

  *tooltip = more > 0 ? g_string_free (g_steal_pointer (&all), FALSE) : NULL;
  return g_string_free (g_steal_pointer (&markup), FALSE);
}

/* Sets a label only when its text changes: a card rebound to the same text (the list
 * moved, a position shifted) keeps its measured size. */
static void
set_markup_if_changed (GtkLabel   *label,
                       const char *markup)
{
  const char *shown = g_object_get_data (G_OBJECT (label), "desk-markup");

  if (g_strcmp0 (shown, markup) == 0)
    return;
  g_object_set_data_full (G_OBJECT (label), "desk-markup", g_strdup (markup), g_free);
  gtk_label_set_markup (label, markup);
}

/* GTK 4.8 asks the X server where the pointer is each time a tooltip is set, even to
 * the text it has: on a list of cards that is most of the time a card takes to show. */
static void
set_tooltip_if_changed (GtkWidget  *widget,
                        const char *text)
{
  const char *shown = gtk_widget_get_tooltip_text (widget);

  if (g_strcmp0 (shown, text) != 0)
    gtk_widget_set_tooltip_text (widget, text);
}

/* The sources' tooltip (every source, when the line names only some) is written when it
 * shows, from what update() kept. */
static gboolean
sources_query_tooltip_cb (GtkWidget  *label,
                          int         x,
                          int         y,
                          gboolean    keyboard,
                          GtkTooltip *tooltip)
{
  const char *text = g_object_get_data (G_OBJECT (label), "desk-tooltip");

  if (text == NULL)
    return FALSE;

  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

/* Longer values are not repeated on the buttons ("Use 14"), which then say whose. */
#define MAX_BUTTON_VALUE_CHARS 24
/* Both buttons' labels fit on one line of the panel at its narrowest up to this length. */
#define SIDE_BY_SIDE_MAX_CHARS 30

static void
update_conflict (DeskSuggestionRow *self)
{
  g_autofree char *source_value = NULL;
  g_autofree char *draft_value = NULL;
  g_autofree char *use_label = NULL;
  g_autofree char *keep_label = NULL;
  g_autofree char *use_tooltip = NULL;
  gboolean values = desk_conflict_get_values (self->suggestion, &source_value, &draft_value);

  if (values && g_utf8_strlen (source_value, -1) <= MAX_BUTTON_VALUE_CHARS &&
      g_utf8_strlen (draft_value, -1) <= MAX_BUTTON_VALUE_CHARS)
    {
      /* Translators: a button of a conflict's card; %s is the source's value ("14") */
      use_label = g_strdup_printf (_("Use %s"), source_value);
      /* Translators: a button of a conflict's card; %s is the draft's value ("12") */
      keep_label = g_strdup_printf (_("Keep %s"), draft_value);
    }
  else
    {
      use_label = g_strdup (_("Use the Source’s Version"));
      keep_label = g_strdup (_("Keep the Draft’s Version"));
    }

  /* Two long values side by side would widen the whole panel: they go one above the other. */
  gtk_orientable_set_orientation (GTK_ORIENTABLE (self->actions_box),
                                  g_utf8_strlen (use_label, -1) + g_utf8_strlen (keep_label, -1) >
                                  SIDE_BY_SIDE_MAX_CHARS ? GTK_ORIENTATION_VERTICAL
                                                         : GTK_ORIENTATION_HORIZONTAL);
  gtk_button_set_use_underline (self->use_button, FALSE);
  gtk_button_set_label (self->use_button, use_label);
  gtk_button_set_use_underline (self->reject_button, FALSE);
  gtk_button_set_label (self->reject_button, keep_label);
  use_tooltip = g_strdup (_("Put the source’s sentence in place of the draft’s"));
  set_tooltip_if_changed (GTK_WIDGET (self->use_button), use_tooltip);
  set_tooltip_if_changed (GTK_WIDGET (self->reject_button),
                          _("Keep the draft’s sentence and dismiss the conflict (Ctrl+Backspace)"));

  /* (The Accept button, hidden on a conflict, stays first.) */
  if (self->project != NULL && desk_conflict_is_newer (self->suggestion, self->project))
    gtk_box_reorder_child_after (self->actions_box, GTK_WIDGET (self->use_button),
                                 GTK_WIDGET (self->accept_button));
  else
    gtk_box_reorder_child_after (self->actions_box, GTK_WIDGET (self->use_button),
                                 GTK_WIDGET (self->reject_button));

  if (values && self->project != NULL)
    {
      g_autoptr(GPtrArray) mentions = desk_conflict_find_mentions (self->suggestion,
                                                                   desk_project_get_draft (self->project));
      g_autoptr(GString) markup = NULL;
      g_autofree char *escaped_value = NULL;

      if (mentions->len == 0)
        return;

      escaped_value = g_markup_escape_text (draft_value, -1);
      markup = g_string_new ("<b>");
      /* Translators: %s is the draft's value of a conflict ("12") */
      g_string_append_printf (markup, _("Also %s in the draft:"), escaped_value);
      g_string_append (markup, "</b>");
      for (guint i = 0; i < mentions->len; i++)
        {
          DeskMention *mention = g_ptr_array_index (mentions, i);
          g_autofree char *where = mention->paragraph < 0 ? g_strdup (_("Headline"))
                                   /* Translators: a paragraph of the draft, by number */
                                   : g_strdup_printf (_("¶ %d"), mention->paragraph + 1);
          g_autofree char *excerpt = g_markup_escape_text (mention->excerpt, -1);

          g_string_append_printf (markup, "\n<a href=\"mention:%d:%u:%u\">%s</a>: %s",
                                  mention->paragraph, mention->start, mention->end, where, excerpt);
        }
      set_markup_if_changed (self->mentions_label, markup->str);
      gtk_widget_set_visible (GTK_WIDGET (self->mentions_label), TRUE);
    }
}

static void
update (DeskSuggestionRow *self)
{
  DeskSuggestionKind kind;
  g_autofree char *kind_text = NULL;
  g_autofree char *where = NULL;
  g_autofree char *markup = NULL;
  g_autofree char *sources = NULL;
  g_autofree char *sources_tooltip = NULL;
  g_autofree char *accessible = NULL;
  guint n_versions;
  static const char * const kind_classes[] = {
    "missing", "addition", "conflict", "variant", "headline", "style",
  };

  if (self->suggestion == NULL)
    return;

  kind = desk_suggestion_get_kind (self->suggestion);

  /* Cards are recycled by the list view: undo what the last suggestion set, changing
   * only what differs. */
  for (guint i = 0; i < G_N_ELEMENTS (kind_classes); i++)
    if (i != kind)
      {
        gtk_widget_remove_css_class (GTK_WIDGET (self->card), kind_classes[i]);
        gtk_widget_remove_css_class (GTK_WIDGET (self->kind_label), kind_classes[i]);
      }
  if (kind != DESK_SUGGESTION_HEADLINE)
    gtk_widget_remove_css_class (GTK_WIDGET (self->text_label), "heading");
  if (kind != DESK_SUGGESTION_CONFLICT && kind != DESK_SUGGESTION_VARIANT)
    gtk_widget_set_visible (GTK_WIDGET (self->draft_label), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->accept_button), kind != DESK_SUGGESTION_CONFLICT);
  gtk_widget_set_visible (GTK_WIDGET (self->versions_button), FALSE);
  gtk_menu_button_set_popover (self->versions_button, NULL);
  if (kind != DESK_SUGGESTION_CONFLICT)
    {
      gtk_button_set_use_underline (self->reject_button, TRUE);
      gtk_button_set_label (self->reject_button, _("_Reject"));
      set_tooltip_if_changed (GTK_WIDGET (self->reject_button), _("Dismiss it for good (Ctrl+Backspace)"));
    }

  kind_text = desk_suggestion_dup_kind_label (self->suggestion);
  where = desk_suggestion_dup_where (self->suggestion);
  markup = desk_suggestion_dup_markup (self->suggestion);
  sources = sources_markup (self, &sources_tooltip);

  gtk_label_set_label (self->kind_label, kind_text);
  gtk_widget_add_css_class (GTK_WIDGET (self->kind_label),
                            kind_classes[MIN (kind, G_N_ELEMENTS (kind_classes) - 1)]);
  gtk_widget_add_css_class (GTK_WIDGET (self->card),
                            kind_classes[MIN (kind, G_N_ELEMENTS (kind_classes) - 1)]);

  gtk_label_set_label (self->where_label, where);
  set_markup_if_changed (self->text_label, markup);
  set_markup_if_changed (self->sources_label, sources);
  g_object_set_data_full (G_OBJECT (self->sources_label), "desk-tooltip",
                          g_steal_pointer (&sources_tooltip), g_free);

  if (kind == DESK_SUGGESTION_HEADLINE)
    gtk_widget_add_css_class (GTK_WIDGET (self->text_label), "heading");

  if (desk_suggestion_get_draft_text (self->suggestion) != NULL &&
      (kind == DESK_SUGGESTION_CONFLICT || kind == DESK_SUGGESTION_VARIANT))
    {
      g_autofree char *escaped = g_markup_escape_text (desk_suggestion_get_draft_text (self->suggestion), -1);
      g_autofree char *draft_markup = g_strdup_printf ("<span weight=\"bold\">%s</span> %s",
                                                       _("The draft says:"), escaped);

      set_markup_if_changed (self->draft_label, draft_markup);
      gtk_widget_set_visible (GTK_WIDGET (self->draft_label), TRUE);
    }

  /* A conflict offers both values: the source's sentence in place of the draft's, or the
   * draft's kept (the conflict dismissed). A newer source's value comes first. */
  gtk_widget_set_visible (GTK_WIDGET (self->mentions_label), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->use_button), kind == DESK_SUGGESTION_CONFLICT);
  if (kind == DESK_SUGGESTION_CONFLICT)
    update_conflict (self);
  else
    {
      gtk_orientable_set_orientation (GTK_ORIENTABLE (self->actions_box), GTK_ORIENTATION_HORIZONTAL);
      gtk_box_reorder_child_after (self->actions_box, GTK_WIDGET (self->use_button),
                                   GTK_WIDGET (self->accept_button));
    }

  n_versions = desk_suggestion_get_n_alternatives (self->suggestion);
  if (n_versions > 0 && kind != DESK_SUGGESTION_CONFLICT)
    {
      g_autofree char *label = g_strdup_printf (ngettext ("%u Other Version", "%u Other Versions",
                                                          n_versions), n_versions);

      gtk_menu_button_set_label (self->versions_button, label);
      GtkWidget *popover = build_versions_popover (self);

      g_signal_connect_object (popover, "show", G_CALLBACK (versions_shown_cb), self, G_CONNECT_SWAPPED);
      gtk_menu_button_set_popover (self->versions_button, popover);
      gtk_widget_set_visible (GTK_WIDGET (self->versions_button), TRUE);
    }

  accessible = g_strdup_printf ("%s, %s: %s", kind_text, where,
                                desk_suggestion_get_text (self->suggestion));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  accessible, -1);
}

static void
desk_suggestion_row_dispose (GObject *object)
{
  DeskSuggestionRow *self = (DeskSuggestionRow *)object;

  if (self->suggestion != NULL)
    g_signal_handlers_disconnect_by_func (self->suggestion, placement_changed_cb, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), DESK_TYPE_SUGGESTION_ROW);
  for (GtkWidget *child; (child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL;)
    gtk_widget_unparent (child);
  g_clear_object (&self->suggestion);
  g_clear_object (&self->project);

  G_OBJECT_CLASS (desk_suggestion_row_parent_class)->dispose (object);
}

static void
desk_suggestion_row_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  DeskSuggestionRow *self = DESK_SUGGESTION_ROW (object);

  switch (prop_id)
    {
    case PROP_SUGGESTION:
      g_value_set_object (value, self->suggestion);
      break;

    case PROP_PROJECT:
      g_value_set_object (value, self->project);
      break;

    case PROP_SELECTED:
      g_value_set_boolean (value, self->selected);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
desk_suggestion_row_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  DeskSuggestionRow *self = DESK_SUGGESTION_ROW (object);

  switch (prop_id)
    {
    case PROP_SUGGESTION:
      desk_suggestion_row_set_suggestion (self, g_value_get_object (value), self->project);
      break;

    case PROP_PROJECT:
      g_set_object (&self->project, g_value_get_object (value));
      update (self);
      break;

    case PROP_SELECTED:
      desk_suggestion_row_set_selected (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
desk_suggestion_row_class_init (DeskSuggestionRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = desk_suggestion_row_dispose;
  object_class->get_property = desk_suggestion_row_get_property;
  object_class->set_property = desk_suggestion_row_set_property;

  properties[PROP_SUGGESTION] =
    g_param_spec_object ("suggestion", NULL, NULL, DESK_TYPE_SUGGESTION,
                         (G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS));
  properties[PROP_PROJECT] =
    g_param_spec_object ("project", NULL, NULL, DESK_TYPE_PROJECT,
                         (G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS));
  /**
   * DeskSuggestionRow:selected:
   *
   * Whether the card is the selected one: its Accept is the view's suggested action.
   * Every card shows its whole text, selected or not: a suggestion is judged by reading it.
   */
  properties[PROP_SELECTED] =
    g_param_spec_boolean ("selected", NULL, NULL, FALSE,
                          (G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/copydesk/Copydesk/ui/desk-suggestion-row.ui");
  gtk_widget_class_bind_template_child (widget_class, DeskSuggestionRow, card);
  gtk_widget_class_bind_template_child (widget_class, DeskSuggestionRow, kind_label);
  gtk_widget_class_bind_template_child (widget_class, DeskSuggestionRow, where_label);
  gtk_widget_class_bind_template_child (widget_class, DeskSuggestionRow, text_label);
  gtk_widget_class_bind_template_child (widget_class, DeskSuggestionRow, draft_label);
  gtk_widget_class_bind_template_child (widget_class, DeskSuggestionRow, mentions_label);
  gtk_widget_class_bind_template_child (widget_class, DeskSuggestionRow, sources_label);
  gtk_widget_class_bind_template_child (widget_class, DeskSuggestionRow, actions_box);
  gtk_widget_class_bind_template_child (widget_class, DeskSuggestionRow, accept_button);
  gtk_widget_class_bind_template_child (widget_class, DeskSuggestionRow, use_button);
  gtk_widget_class_bind_template_child (widget_class, DeskSuggestionRow, reject_button);
  gtk_widget_class_bind_template_child (widget_class, DeskSuggestionRow, versions_button);
  gtk_widget_class_bind_template_callback (widget_class, accept_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, source_link_cb);
  gtk_widget_class_bind_template_callback (widget_class, reject_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, use_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, mention_link_cb);
}

static void
desk_suggestion_row_init (DeskSuggestionRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_widget_set_has_tooltip (GTK_WIDGET (self->sources_label), TRUE);
  g_signal_connect (self->sources_label, "query-tooltip", G_CALLBACK (sources_query_tooltip_cb), NULL);
}

/**
 * desk_suggestion_row_new:
 * @suggestion: (nullable): the suggestion to show
 * @project: (nullable): its project, for the sources' colours
 */
GtkWidget *
desk_suggestion_row_new (DeskSuggestion *suggestion,
                         DeskProject    *project)
{
  return g_object_new (DESK_TYPE_SUGGESTION_ROW,
                       "project", project,
                       "suggestion", suggestion,
                       NULL);
}

/**
 * desk_suggestion_row_set_suggestion:
 *
 * Shows another suggestion in the card (the list view recycles cards).
 */
static void
placement_changed_cb (DeskSuggestionRow *self)
{
  g_autofree char *where = NULL;

  if (self->suggestion == NULL)
    return;
  where = desk_suggestion_dup_where (self->suggestion);
  gtk_label_set_label (self->where_label, where);
}

void
desk_suggestion_row_set_suggestion (DeskSuggestionRow *self,
                                    DeskSuggestion    *suggestion,
                                    DeskProject       *project)
{
  g_return_if_fail (DESK_IS_SUGGESTION_ROW (self));

  if (self->suggestion != NULL)
    g_signal_handlers_disconnect_by_func (self->suggestion, placement_changed_cb, self);
  g_set_object (&self->project, project);
  g_set_object (&self->suggestion, suggestion);
  if (suggestion != NULL)
    g_signal_connect_object (suggestion, "notify::after", G_CALLBACK (placement_changed_cb), self,
                             G_CONNECT_SWAPPED);
  update (self);
}

/**
 * desk_suggestion_row_set_list_item:
 * @item: (nullable): the list item the card is the child of
 */
void
desk_suggestion_row_set_list_item (DeskSuggestionRow *self,
                                   GtkListItem       *item)
{
  g_return_if_fail (DESK_IS_SUGGESTION_ROW (self));
  self->item = item;
}

DeskSuggestion *
desk_suggestion_row_get_suggestion (DeskSuggestionRow *self)
{
  g_return_val_if_fail (DESK_IS_SUGGESTION_ROW (self), NULL);
  return self->suggestion;
}

/**
 * desk_suggestion_row_set_selected:
 *
 * Marks the card as the selected one, or not.
 */
void
desk_suggestion_row_set_selected (DeskSuggestionRow *self,
                                  gboolean           selected)
{
  g_return_if_fail (DESK_IS_SUGGESTION_ROW (self));

  selected = !!selected;
  if (self->selected == selected)
    return;
  self->selected = selected;

  /* One suggested action a view: the selected card's Accept. */
  if (selected)
    gtk_widget_add_css_class (GTK_WIDGET (self->accept_button), "suggested-action");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->accept_button), "suggested-action");

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED]);
}
