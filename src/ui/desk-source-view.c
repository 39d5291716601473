/* desk-source-view.c: one source, read-only, its blocks marked by role and by fate
 *
 * The source's decoded text, as received, with each block tagged by its role (furniture,
 * captions and credits dimmed, the headline set large) and each body block by what became
 * of it: taken into the draft (its provenance says so), proposed by an open suggestion, or
 * neither (the draft says it in other words). The markup a scraper left ("## ", "**") is
 * hidden (desk_source_get_markup_range()). The margin names each block's role, and a
 * click on that name opens the block's own menu ("This Block Is…") to correct it; the
 * text view's context menu offers the same, for the keyboard (Shift+F10). The source then
 * changes, the project says so, and the suggestions are computed again.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n.h>
#include <gtksourceview/gtksource.h>

#include "desk-palette.h"
#include "desk-source-view.h"
#include "desk-suggestion.h"

struct _DeskSourceView
{
  GtkWidget                    parent_instance;

  DeskProject                 *project;
  DeskSource                  *source;
  GListModel                  *suggestions;
  GArray                      *states;        /* DeskBlockState, per block */
  GHashTable                  *line_roles;    /* line → role name, for the margin */
  int                          menu_block;
  GSimpleActionGroup          *actions;
  guint                        focus_tick;
  int                          focus_block;

  GtkLabel                    *title_label;
  GtkLabel                    *subtitle_label;
  GtkScrolledWindow           *scroller;
  GtkSourceView               *view;
  GtkSourceGutterRendererText *role_renderer;
  GtkWidget                   *role_popover;  /* the margin's menu of roles */
};

G_DEFINE_FINAL_TYPE (DeskSourceView, desk_source_view, GTK_TYPE_WIDGET)

static const struct
{
  DeskBlockRole  role;
  const char    *label;      /* for the menu */
  const char    *margin;     /* for the margin */
} roles[] = {
  { DESK_BLOCK_ROLE_BODY, N_("_Body Paragraph"), N_("body") },
  { DESK_BLOCK_ROLE_HEADLINE, N_("_Headline"), N_("headline") },
  { DESK_BLOCK_ROLE_DECK, N_("_Deck"), N_("deck") },
  { DESK_BLOCK_ROLE_BYLINE, N_("B_yline"), N_("byline") },
  { DESK_BLOCK_ROLE_DATELINE, N_("Date_line"), N_("dateline") },
  { DESK_BLOCK_ROLE_CAPTION, N_("_Caption"), N_("caption") },
  { DESK_BLOCK_ROLE_CREDIT, N_("C_redit Line"), N_("credit") },
  { DESK_BLOCK_ROLE_FURNITURE, N_("Page _Furniture"), N_("furniture") },
};

static GtkTextBuffer *
get_buffer (DeskSourceView *self)
{
  return gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->view));
}

static void
create_tags (DeskSourceView *self)
{
  GtkTextBuffer *buffer = get_buffer (self);
  GdkRGBA dim = { 0.5, 0.5, 0.5, 1.0 };
  GdkRGBA in_draft = { 0.18, 0.76, 0.49, 0.14 };
  GdkRGBA suggested = { 0.96, 0.76, 0.07, 0.30 };
  GdkRGBA focus = { 0.21, 0.52, 0.89, 0.28 };

  gtk_text_buffer_create_tag (buffer, "role-headline", "weight", PANGO_WEIGHT_BOLD,
                              "scale", 1.25, "pixels-below-lines", 4, NULL);
  gtk_text_buffer_create_tag (buffer, "role-deck", "style", PANGO_STYLE_ITALIC, "scale", 1.08, NULL);
  gtk_text_buffer_create_tag (buffer, "role-byline", "weight", PANGO_WEIGHT_SEMIBOLD,
                              "foreground-rgba", &dim, NULL);
  gtk_text_buffer_create_tag (buffer, "role-dateline", "weight", PANGO_WEIGHT_SEMIBOLD, NULL);
  gtk_text_buffer_create_tag (buffer, "role-caption", "style", PANGO_STYLE_ITALIC,
                              "foreground-rgba", &dim, "scale", 0.92, NULL);
  gtk_text_buffer_create_tag (buffer, "role-credit", "style", PANGO_STYLE_ITALIC,
                              "foreground-rgba", &dim, "scale", 0.92, NULL);
  gtk_text_buffer_create_tag (buffer, "role-furniture", "foreground-rgba", &dim,
                              "scale", 0.88, NULL);
  gtk_text_buffer_create_tag (buffer, "state-in-draft", "paragraph-background-rgba", &in_draft, NULL);
  gtk_text_buffer_create_tag (buffer, "state-suggested", "paragraph-background-rgba", &suggested, NULL);
  gtk_text_buffer_create_tag (buffer, "focus", "paragraph-background-rgba", &focus, NULL);
  /* A scraper's markup ("## ", "**"): the source as its reader saw it, the roles showing
   * what the marks meant. */
  gtk_text_buffer_create_tag (buffer, "markup", "invisible", TRUE, NULL);
}

static const char *
role_tag_name (DeskBlockRole role)
{
  switch (role)
    {
    case DESK_BLOCK_ROLE_HEADLINE: return "role-headline";
    case DESK_BLOCK_ROLE_DECK: return "role-deck";
    case DESK_BLOCK_ROLE_BYLINE: return "role-byline";
    case DESK_BLOCK_ROLE_DATELINE: return "role-dateline";
    case DESK_BLOCK_ROLE_CAPTION: return "role-caption";
    case DESK_BLOCK_ROLE_CREDIT: return "role-credit";
    case DESK_BLOCK_ROLE_FURNITURE: return "role-furniture";
    case DESK_BLOCK_ROLE_BODY:
    default:
      return NULL;
    }
}

static const char *
role_margin_label (DeskBlockRole role)
{
  for (guint i = 0; i < G_N_ELEMENTS (roles); i++)
    if (roles[i].role == role)
      return _(roles[i].margin);
  return "";
}

/* Byte offsets in the source text to iters (the buffer holds the same text). */
static void
get_block_bounds (DeskSourceView *self,
                  DeskBlock      *block,
                  GtkTextIter    *start,
                  GtkTextIter    *end)
{
  GtkTextBuffer *buffer = get_buffer (self);
  const char *text = desk_source_get_text (self->source);
  gsize length = strlen (text);
  gsize s = MIN (desk_block_get_start (block), length);
  gsize e = MIN (MAX (desk_block_get_end (block), s), length);

  gtk_text_buffer_get_iter_at_offset (buffer, start, g_utf8_pointer_to_offset (text, text + s));
  gtk_text_buffer_get_iter_at_offset (buffer, end, g_utf8_pointer_to_offset (text, text + e));
}

static int
block_at_iter (DeskSourceView    *self,
               const GtkTextIter *iter)
{
  GListModel *blocks;
  const char *text;
  gsize byte;
  guint n;

  if (self->source == NULL)
    return -1;

  blocks = desk_source_get_blocks (self->source);
  text = desk_source_get_text (self->source);
  byte = g_utf8_offset_to_pointer (text, gtk_text_iter_get_offset (iter)) - text;
  n = g_list_model_get_n_items (blocks);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(DeskBlock) block = g_list_model_get_item (blocks, i);

      if (byte >= desk_block_get_start (block) && byte <= desk_block_get_end (block))
        return i;
    }

  return -1;
}

static void
compute_states (DeskSourceView *self)
{
  GListModel *blocks = desk_source_get_blocks (self->source);
  const char *id = desk_source_get_id (self->source);
  DeskDraft *draft = desk_project_get_draft (self->project);
  guint n_blocks = g_list_model_get_n_items (blocks);
  guint n_suggestions = self->suggestions ? g_list_model_get_n_items (self->suggestions) : 0;

  g_array_set_size (self->states, 0);
  g_array_set_size (self->states, n_blocks);

  for (guint i = 0; i < desk_draft_get_n_paragraphs (draft); i++)
    {
      DeskParagraph *paragraph = desk_draft_get_paragraph (draft, i);

      for (guint p = 0; p < desk_paragraph_get_n_provenance (paragraph); p++)
        if (g_strcmp0 (desk_paragraph_get_provenance_source (paragraph, p), id) == 0)
          {
            guint block = desk_paragraph_get_provenance_block (paragraph, p);

            if (block < n_blocks)
              g_array_index (self->states, DeskBlockState, block) = DESK_BLOCK_STATE_IN_DRAFT;
          }
    }

  for (guint i = 0; i < n_suggestions; i++)
    {
      g_autoptr(DeskSuggestion) suggestion = g_list_model_get_item (self->suggestions, i);

      for (guint s = 0; s < desk_suggestion_get_n_sources (suggestion); s++)
        if (g_strcmp0 (desk_suggestion_get_source_id (suggestion, s), id) == 0)
          {
            guint block = desk_suggestion_get_source_block (suggestion, s);

            if (block < n_blocks &&
                g_array_index (self->states, DeskBlockState, block) != DESK_BLOCK_STATE_IN_DRAFT &&
                desk_suggestion_get_kind (suggestion) != DESK_SUGGESTION_HEADLINE)
              g_array_index (self->states, DeskBlockState, block) = DESK_BLOCK_STATE_SUGGESTED;
          }
    }
}

static void
apply_tags (DeskSourceView *self)
{
  GtkTextBuffer *buffer = get_buffer (self);
  GListModel *blocks;
  GtkTextIter start, end;
  guint n;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  gtk_text_buffer_remove_all_tags (buffer, &start, &end);
  g_hash_table_remove_all (self->line_roles);

  if (self->source == NULL)
    return;

  compute_states (self);

  blocks = desk_source_get_blocks (self->source);
  n = g_list_model_get_n_items (blocks);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(DeskBlock) block = g_list_model_get_item (blocks, i);
      DeskBlockRole role = desk_block_get_role (block);
      const char *tag = role_tag_name (role);
      DeskBlockState state = g_array_index (self->states, DeskBlockState, i);

      get_block_bounds (self, block, &start, &end);
      if (tag != NULL)
        gtk_text_buffer_apply_tag_by_name (buffer, tag, &start, &end);
      if (role == DESK_BLOCK_ROLE_BODY && state == DESK_BLOCK_STATE_IN_DRAFT)
        gtk_text_buffer_apply_tag_by_name (buffer, "state-in-draft", &start, &end);
      else if (role == DESK_BLOCK_ROLE_BODY && state == DESK_BLOCK_STATE_SUGGESTED)
        gtk_text_buffer_apply_tag_by_name (buffer, "state-suggested", &start, &end);

      /* The margin names what is not story text, and roles the editor set. */
      if (role != DESK_BLOCK_ROLE_BODY || desk_block_get_role_overridden (block))
        g_hash_table_insert (self->line_roles, GUINT_TO_POINTER (gtk_text_iter_get_line (&start) + 1),
                             g_strdup_printf ("%s%s", role_margin_label (role),
                                              desk_block_get_role_overridden (block) ? " ✎" : ""));
    }

  if (self->focus_block >= 0 && (guint)self->focus_block < n)
    {
      g_autoptr(DeskBlock) block = g_list_model_get_item (blocks, self->focus_block);

      get_block_bounds (self, block, &start, &end);
      gtk_text_buffer_apply_tag_by_name (buffer, "focus", &start, &end);
    }

  {
    const char *text = desk_source_get_text (self->source);
    guint n_markup = desk_source_get_n_markup_ranges (self->source);

    for (guint i = 0; i < n_markup; i++)
      {
        gsize from, to;

        desk_source_get_markup_range (self->source, i, &from, &to);
        gtk_text_buffer_get_iter_at_offset (buffer, &start, g_utf8_pointer_to_offset (text, text + from));
        gtk_text_buffer_get_iter_at_offset (buffer, &end, g_utf8_pointer_to_offset (text, text + to));
        gtk_text_buffer_apply_tag_by_name (buffer, "markup", &start, &end);
      }
  }

  gtk_widget_queue_draw (GTK_WIDGET (self->role_renderer));
}

static void
role_query_data_cb (GtkSourceGutterRendererText *renderer,
                    GObject                     *lines,
                    guint                        line,
                    DeskSourceView              *self)
{
  const char *label = g_hash_table_lookup (self->line_roles, GUINT_TO_POINTER (line + 1));

  gtk_source_gutter_renderer_text_set_text (renderer, label ? label : "", -1);
}

/* The context menu's block: the one under the pointer when it opened, or at the cursor. */
static void
view_pressed_cb (GtkGestureClick *gesture,
                 int              n_press,
                 double           x,
                 double           y,
                 DeskSourceView  *self)
{
  GtkTextIter iter;
  int bx, by;

  gtk_text_view_window_to_buffer_coords (GTK_TEXT_VIEW (self->view), GTK_TEXT_WINDOW_WIDGET,
                                         x, y, &bx, &by);
  gtk_text_view_get_iter_at_location (GTK_TEXT_VIEW (self->view), &iter, bx, by);
  self->menu_block = block_at_iter (self, &iter);
}

static void
update_menu_state (DeskSourceView *self)
{
  GAction *role_action = g_action_map_lookup_action (G_ACTION_MAP (self->actions), "role");
  GAction *reset_action = g_action_map_lookup_action (G_ACTION_MAP (self->actions), "reset-role");
  gboolean have_block = self->menu_block >= 0 && self->source != NULL;

  g_simple_action_set_enabled (G_SIMPLE_ACTION (role_action), have_block);
  g_simple_action_set_enabled (G_SIMPLE_ACTION (reset_action), FALSE);

  if (have_block)
    {
      g_autoptr(DeskBlock) block = g_list_model_get_item (desk_source_get_blocks (self->source),
                                                          self->menu_block);

      g_simple_action_set_state (G_SIMPLE_ACTION (role_action),
                                 g_variant_new_string (desk_block_role_to_string (desk_block_get_role (block))));
      g_simple_action_set_enabled (G_SIMPLE_ACTION (reset_action),
                                   desk_block_get_role_overridden (block));
    }
}

static void
menu_pressed_cb (GtkGestureClick *gesture,
                 int              n_press,
                 double           x,
                 double           y,
                 DeskSourceView  *self)
{
  view_pressed_cb (gesture, n_press, x, y, self);
  update_menu_state (self);
}

/**
 * desk_source_view_set_block_role:
 * @block: a block of the shown source
 * @role: a role's name, as desk_block_role_to_string() gives it
 *
 * Corrects the role of a block. The source says it changed, and with it the project.
 *
 * Returns: whether the role changed
 */
gboolean
desk_source_view_set_block_role (DeskSourceView *self,
                                 guint           block_index,
                                 const char     *role_name)
{
  g_autoptr(DeskBlock) block = NULL;
  DeskBlockRole role;

  g_return_val_if_fail (DESK_IS_SOURCE_VIEW (self), FALSE);

  if (self->source == NULL || !desk_block_role_from_string (role_name, &role) ||
      block_index >= g_list_model_get_n_items (desk_source_get_blocks (self->source)))
    return FALSE;

  block = g_list_model_get_item (desk_source_get_blocks (self->source), block_index);
  if (desk_block_get_role (block) == role)
    return FALSE;

  desk_block_set_role (block, role);
  apply_tags (self);
  return TRUE;
}

static void
role_change_state_cb (GSimpleAction *action,
                      GVariant      *value,
                      gpointer       user_data)
{
  DeskSourceView *self = user_data;

  if (self->menu_block < 0)
    return;

  if (desk_source_view_set_block_role (self, self->menu_block, g_variant_get_string (value, NULL)))
    g_simple_action_set_state (action, value);
}

static void
reset_role_cb (GSimpleAction *action,
               GVariant      *parameter,
               gpointer       user_data)
{
  DeskSourceView *self = user_data;
  g_autoptr(DeskBlock) block = NULL;

  if (self->source == NULL || self->menu_block < 0)
    return;

  block = g_list_model_get_item (desk_source_get_blocks (self->source), self->menu_block);
  desk_block_reset_role (block);
  apply_tags (self);
}

/* The roles a block can be given, and the way back to the guessed one. */
static GMenu *
build_role_menu (void)
{
  GMenu *role_menu = g_menu_new ();
  g_autoptr(GMenu) reset = g_menu_new ();

  for (guint i = 0; i < G_N_ELEMENTS (roles); i++)
    {
      g_autoptr(GMenuItem) item = g_menu_item_new (_(roles[i].label), NULL);

      g_menu_item_set_action_and_target_value (item, "source.role",
                                               g_variant_new_string (desk_block_role_to_string (roles[i].role)));
      g_menu_append_item (role_menu, item);
    }
  g_menu_append (reset, _("Back to the _Guessed Role"), "source.reset-role");
  g_menu_append_section (role_menu, NULL, G_MENU_MODEL (reset));

  return role_menu;
}

static GMenuModel *
build_menu (GMenu *role_menu)
{
  GMenu *menu = g_menu_new ();

  g_menu_append_submenu (menu, _("This Block _Is…"), G_MENU_MODEL (role_menu));

  return G_MENU_MODEL (menu);
}

/* A role's name in the margin can be clicked. */
static gboolean
role_query_activatable_cb (GtkSourceGutterRenderer *renderer,
                           GtkTextIter             *iter,
                           GdkRectangle            *area,
                           DeskSourceView          *self)
{
  return g_hash_table_contains (self->line_roles, GUINT_TO_POINTER (gtk_text_iter_get_line (iter) + 1));
}

/* A click on a block's role in the margin opens the block's menu of roles, there. */
static void
role_activate_cb (GtkSourceGutterRenderer *renderer,
                  GtkTextIter             *iter,
                  GdkRectangle            *area,
                  guint                    button,
                  GdkModifierType          state,
                  int                      n_presses,
                  DeskSourceView          *self)
{
  self->menu_block = block_at_iter (self, iter);
  if (self->menu_block < 0)
    return;

  update_menu_state (self);
  gtk_popover_set_pointing_to (GTK_POPOVER (self->role_popover), area);
  gtk_popover_popup (GTK_POPOVER (self->role_popover));
}

/**
 * desk_source_view_get_role_popover:
 *
 * Returns: (transfer none): the menu a click on a block's role in the margin opens
 */
GtkWidget *
desk_source_view_get_role_popover (DeskSourceView *self)
{
  g_return_val_if_fail (DESK_IS_SOURCE_VIEW (self), NULL);

  return self->role_popover;
}

static gboolean
clear_focus_cb (GtkWidget     *widget,
                GdkFrameClock *clock,
                gpointer       user_data)
{
  DeskSourceView *self = DESK_SOURCE_VIEW (widget);
  GtkTextIter start;

  self->focus_tick = 0;
  if (self->source == NULL || self->focus_block < 0)
    return G_SOURCE_REMOVE;

  {
    g_autoptr(DeskBlock) block = g_list_model_get_item (desk_source_get_blocks (self->source),
                                                        self->focus_block);
    GtkTextIter end;

    if (block == NULL)
      return G_SOURCE_REMOVE;
    get_block_bounds (self, block, &start, &end);
  }
  gtk_text_view_scroll_to_iter (GTK_TEXT_VIEW (self->view), &start, 0.1, TRUE, 0.0, 0.2);

  return G_SOURCE_REMOVE;
}

static void
desk_source_view_dispose (GObject *object)
{
  DeskSourceView *self = (DeskSourceView *)object;

  if (self->focus_tick != 0)
    {
      gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->focus_tick);
      self->focus_tick = 0;
    }

  g_clear_pointer (&self->role_popover, gtk_widget_unparent);
  gtk_widget_dispose_template (GTK_WIDGET (self), DESK_TYPE_SOURCE_VIEW);
  for (GtkWidget *child; (child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL;)
    gtk_widget_unparent (child);
  g_clear_object (&self->project);
  g_clear_object (&self->source);
  g_clear_object (&self->suggestions);
  g_clear_object (&self->actions);

  G_OBJECT_CLASS (desk_source_view_parent_class)->dispose (object);
}

static void
desk_source_view_finalize (GObject *object)
{
  DeskSourceView *self = (DeskSourceView *)object;

  g_clear_pointer (&self->states, g_array_unref);
  g_clear_pointer (&self->line_roles, g_hash_table_unref);

  G_OBJECT_CLASS (desk_source_view_parent_class)->finalize (object);
}

static void
desk_source_view_class_init (DeskSourceViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = desk_source_view_dispose;
  object_class->finalize = desk_source_view_finalize;

  g_type_ensure (GTK_SOURCE_TYPE_VIEW);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/copydesk/Copydesk/ui/desk-source-view.ui");
  gtk_widget_class_bind_template_child (widget_class, DeskSourceView, title_label);
  gtk_widget_class_bind_template_child (widget_class, DeskSourceView, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, DeskSourceView, scroller);
  gtk_widget_class_bind_template_child (widget_class, DeskSourceView, view);
  gtk_widget_class_set_css_name (widget_class, "sourceview-panel");
}

static void
desk_source_view_init (DeskSourceView *self)
{
  const GActionEntry entries[] = {
    { .name = "role", .parameter_type = "s", .state = "'body'", .change_state = role_change_state_cb },
    { .name = "reset-role", .activate = reset_role_cb },
  };
  GtkSourceGutter *gutter;
  GtkGesture *click;
  g_autoptr(GMenuModel) menu = NULL;
  g_autoptr(GMenu) role_menu = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->states = g_array_new (FALSE, TRUE, sizeof (DeskBlockState));
  self->line_roles = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  self->menu_block = -1;
  self->focus_block = -1;

  create_tags (self);

  self->role_renderer = GTK_SOURCE_GUTTER_RENDERER_TEXT (gtk_source_gutter_renderer_text_new ());
  gtk_source_gutter_renderer_set_xalign (GTK_SOURCE_GUTTER_RENDERER (self->role_renderer), 1.0);
  gtk_source_gutter_renderer_set_xpad (GTK_SOURCE_GUTTER_RENDERER (self->role_renderer), 8);
  gtk_source_gutter_renderer_set_alignment_mode (GTK_SOURCE_GUTTER_RENDERER (self->role_renderer),
                                                 GTK_SOURCE_GUTTER_RENDERER_ALIGNMENT_MODE_FIRST);
  gtk_widget_add_css_class (GTK_WIDGET (self->role_renderer), "role-margin");
  gtk_widget_set_size_request (GTK_WIDGET (self->role_renderer), 64, -1);
  g_signal_connect (self->role_renderer, "query-data", G_CALLBACK (role_query_data_cb), self);
  gutter = gtk_source_view_get_gutter (self->view, GTK_TEXT_WINDOW_LEFT);
  gtk_source_gutter_insert (gutter, GTK_SOURCE_GUTTER_RENDERER (self->role_renderer), 0);

  self->actions = g_simple_action_group_new ();
  g_action_map_add_action_entries (G_ACTION_MAP (self->actions), entries, G_N_ELEMENTS (entries), self);
  gtk_widget_insert_action_group (GTK_WIDGET (self->view), "source", G_ACTION_GROUP (self->actions));
  role_menu = build_role_menu ();
  menu = build_menu (role_menu);
  gtk_text_view_set_extra_menu (GTK_TEXT_VIEW (self->view), menu);

  /* The block's own menu, from its role in the margin. */
  self->role_popover = gtk_popover_menu_new_from_model (G_MENU_MODEL (role_menu));
  gtk_widget_set_parent (self->role_popover, GTK_WIDGET (self->role_renderer));
  gtk_popover_set_position (GTK_POPOVER (self->role_popover), GTK_POS_RIGHT);
  g_signal_connect (self->role_renderer, "query-activatable", G_CALLBACK (role_query_activatable_cb), self);
  g_signal_connect (self->role_renderer, "activate", G_CALLBACK (role_activate_cb), self);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->role_renderer), _("Click a block’s role to correct it"));

  click = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), 0);
  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (click), GTK_PHASE_CAPTURE);
  g_signal_connect (click, "pressed", G_CALLBACK (menu_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->view), GTK_EVENT_CONTROLLER (click));

  update_menu_state (self);
}

/**
 * desk_source_view_set_source:
 * @source: (nullable): the source to show
 * @suggestions: (nullable): the open suggestions, to mark what they propose
 */
void
desk_source_view_set_source (DeskSourceView *self,
                             DeskProject    *project,
                             DeskSource     *source,
                             GListModel     *suggestions)
{
  g_autofree char *label = NULL;
  g_autofree char *org = NULL;
  g_autoptr(GString) subtitle = NULL;

  g_return_if_fail (DESK_IS_SOURCE_VIEW (self));
  g_return_if_fail (DESK_IS_PROJECT (project));

  g_set_object (&self->project, project);
  g_set_object (&self->suggestions, suggestions);
  self->menu_block = -1;
  self->focus_block = -1;

  if (!g_set_object (&self->source, source))
    {
      apply_tags (self);
      return;
    }

  if (source == NULL)
    {
      gtk_text_buffer_set_text (get_buffer (self), "", -1);
      gtk_label_set_label (self->title_label, "");
      gtk_label_set_label (self->subtitle_label, "");
      apply_tags (self);
      return;
    }

  label = desk_source_dup_label (source);
  org = desk_source_dup_organization (source);
  subtitle = g_string_new (label);
  if (org != NULL && strstr (label, org) == NULL)
    g_string_append_printf (subtitle, " · %s", org);
  g_string_append_printf (subtitle, " · %s", desk_source_get_encoding (source));
  if (desk_source_get_n_repaired (source) > 0)
    g_string_append_printf (subtitle, ngettext (", %u character repaired", ", %u characters repaired",
                                                desk_source_get_n_repaired (source)),
                            desk_source_get_n_repaired (source));

  gtk_label_set_label (self->title_label, desk_source_get_title (source) ? desk_source_get_title (source) : label);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->title_label), desk_source_get_title (source));
  gtk_label_set_label (self->subtitle_label, subtitle->str);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->subtitle_label), desk_source_get_name (source));

  gtk_text_buffer_set_text (get_buffer (self), desk_source_get_text (source), -1);
  apply_tags (self);
  update_menu_state (self);
}

DeskSource *
desk_source_view_get_source (DeskSourceView *self)
{
  g_return_val_if_fail (DESK_IS_SOURCE_VIEW (self), NULL);
  return self->source;
}

/**
 * desk_source_view_refresh:
 *
 * Marks the blocks again, after the draft, the suggestions or a role changed.
 */
void
desk_source_view_refresh (DeskSourceView *self)
{
  g_return_if_fail (DESK_IS_SOURCE_VIEW (self));

  if (self->source != NULL)
    apply_tags (self);
}

/**
 * desk_source_view_focus_block:
 * @block: a block of the shown source, or -1 for none
 *
 * Highlights a block (the one a selected suggestion comes from) and scrolls to it.
 */
void
desk_source_view_focus_block (DeskSourceView *self,
                              int             block)
{
  g_return_if_fail (DESK_IS_SOURCE_VIEW (self));

  if (self->focus_block == block)
    return;

  self->focus_block = block;
  apply_tags (self);

  if (block >= 0 && self->focus_tick == 0)
    self->focus_tick = gtk_widget_add_tick_callback (GTK_WIDGET (self), clear_focus_cb, NULL, NULL);
}

DeskBlockState
desk_source_view_get_block_state (DeskSourceView *self,
                                  guint           block)
{
  g_return_val_if_fail (DESK_IS_SOURCE_VIEW (self), DESK_BLOCK_STATE_OTHER);

  if (block >= self->states->len)
    return DESK_BLOCK_STATE_OTHER;
  return g_array_index (self->states, DeskBlockState, block);
}

GtkTextView *
desk_source_view_get_text_view (DeskSourceView *self)
{
  g_return_val_if_fail (DESK_IS_SOURCE_VIEW (self), NULL);
  return GTK_TEXT_VIEW (self->view);
}
