/* desk-sources-panel.c: the versions of the story in the project
 *
 * One row a source: its colour (the one its paragraphs wear in the draft's margin), its
 * headline, its name, organisation and length, and how many open suggestions it still
 * carries. Activating a row shows the source; its context menu starts the draft from it
 * or removes it. Everything goes through window actions. The list is a GtkListView on the
 * project's list of sources (GTK 4.8's makes rows for up to 200 items, not a screenful),
 * so a row does only what it must when bound: the tooltip is written when it shows (setting
 * one asks the X server where the pointer is), and which sources a source updates is
 * worked out again only when the list of sources changed. A row is cheap to make and to
 * measure, since 200 of them are made and measured at once when a folder of versions
 * comes in: the headline is one line (all of it in the tooltip; a wrapping label is
 * measured for every width its box tries), and the notes and badges only a few sources
 * have (repaired characters, "Update of", open suggestions, the draft's) are made when a
 * row first needs them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "desk-palette.h"
#include "desk-sources-panel.h"
#include "desk-suggestion.h"

struct _DeskSourcesPanel
{
  GtkWidget           parent_instance;

  DeskProject        *project;
  GListModel         *suggestions;
  GtkSingleSelection *selection;
  guint               sources_stamp; /* changes when the list of sources does */
  GHashTable         *updates;       /* source → the sources it updates, or NULL until asked */
  guint               n_read;        /* files read of the n_files being read, if any */
  guint               n_files;
  GHashTable         *open_counts;   /* source id → open suggestions + 1 */
  GHashTable         *rows;          /* the row widgets alive (a screenful) */

  GtkLabel           *count_label;
  GtkListView        *list;
  GtkLabel           *hint_label;
};

G_DEFINE_FINAL_TYPE (DeskSourcesPanel, desk_sources_panel, GTK_TYPE_WIDGET)

static void
count_open (DeskSourcesPanel *self)
{
  guint n_items = self->suggestions ? g_list_model_get_n_items (self->suggestions) : 0;

  g_hash_table_remove_all (self->open_counts);
  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(DeskSuggestion) suggestion = g_list_model_get_item (self->suggestions, i);
      g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

      for (guint s = 0; s < desk_suggestion_get_n_sources (suggestion); s++)
        {
          const char *id = desk_suggestion_get_source_id (suggestion, s);
          guint count;

          if (!g_hash_table_add (seen, (gpointer)id))
            continue;
          count = GPOINTER_TO_UINT (g_hash_table_lookup (self->open_counts, id));
          g_hash_table_insert (self->open_counts, g_strdup (id), GUINT_TO_POINTER (MAX (count, 1) + 1));
        }
    }
}

static GtkWidget *
label_new (const char *css_class,
           gboolean    dim)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (label, css_class);
  if (dim)
    gtk_widget_add_css_class (label, "dim-label");
  return label;
}

/* A note under the row's name ("repaired", "update-note"), made the first time the row
 * shows one; %NULL when it has none to show and has never had one. */
static GtkWidget *
row_note (GtkWidget  *row,
          const char *key,
          gboolean    wanted)
{
  GtkWidget *note = g_object_get_data (G_OBJECT (row), key);

  if (note == NULL && wanted)
    {
      note = label_new (g_str_equal (key, "repaired") ? "repaired-note" : key, FALSE);
      gtk_widget_add_css_class (note, "caption");
      gtk_box_append (GTK_BOX (g_object_get_data (G_OBJECT (row), "text")), note);
      g_object_set_data (G_OBJECT (row), key, note);
    }

  return note;
}

/* The badges at the row's end: the count of open suggestions and "Draft", made the first
 * time the row shows either. */
static GtkWidget *
row_badge (GtkWidget  *row,
           const char *key,
           gboolean    wanted)
{
  GtkWidget *badge = g_object_get_data (G_OBJECT (row), key);
  GtkWidget *badges;
  GtkWidget *open_label;
  GtkWidget *draft_badge;

  if (badge != NULL || !wanted)
    return badge;

  badges = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  gtk_widget_set_valign (badges, GTK_ALIGN_START);

  open_label = gtk_label_new (NULL);
  gtk_widget_add_css_class (open_label, "count-badge");
  gtk_widget_set_halign (open_label, GTK_ALIGN_END);
  gtk_widget_set_visible (open_label, FALSE);

  draft_badge = gtk_label_new (_("Draft"));
  gtk_widget_add_css_class (draft_badge, "draft-badge");
  gtk_widget_set_tooltip_text (draft_badge, _("The draft was started from this source"));
  gtk_widget_set_halign (draft_badge, GTK_ALIGN_END);
  gtk_widget_set_visible (draft_badge, FALSE);

  gtk_box_append (GTK_BOX (badges), open_label);
  gtk_box_append (GTK_BOX (badges), draft_badge);
  gtk_box_append (GTK_BOX (row), badges);
  g_object_set_data (G_OBJECT (row), "open-label", open_label);
  g_object_set_data (G_OBJECT (row), "draft-badge", draft_badge);

  return g_object_get_data (G_OBJECT (row), key);
}

/* "Update of 02-newspaper-long": which sources of the project this one is a later
 * version of (a writethru, a corrected item). */
static void
update_relation (DeskSourcesPanel *self,
                 GtkWidget        *row,
                 DeskSource       *source)
{
  GtkWidget *label;
  GPtrArray *updated;
  g_autoptr(GString) older = g_string_new (NULL);

  /* Worked out for every source at once, by story rather than pair by pair, the first
   * time a row asks after the list of sources changed. */
  if (self->updates == NULL)
    {
      GListModel *sources = desk_project_get_sources (self->project);
      guint n_items = g_list_model_get_n_items (sources);
      g_autoptr(GPtrArray) all = g_ptr_array_new_full (n_items, g_object_unref);
      g_autoptr(GPtrArray) updates = NULL;

      for (guint i = 0; i < n_items; i++)
        g_ptr_array_add (all, g_list_model_get_item (sources, i));
      updates = desk_source_find_updates ((DeskSource **)all->pdata, all->len);
      self->updates = g_hash_table_new_full (NULL, NULL, g_object_unref,
                                             (GDestroyNotify)g_ptr_array_unref);
      for (guint i = 0; i < n_items; i++)
        g_hash_table_insert (self->updates, g_object_ref (g_ptr_array_index (all, i)),
                             g_ptr_array_ref (g_ptr_array_index (updates, i)));
    }

  updated = g_hash_table_lookup (self->updates, source);
  for (guint i = 0; updated != NULL && i < updated->len; i++)
    {
      g_autofree char *other_label = desk_source_dup_label (g_ptr_array_index (updated, i));

      if (older->len > 0)
        g_string_append (older, ", ");
      g_string_append (older, other_label);
    }

  label = row_note (row, "update-note", older->len > 0);
  if (older->len > 0)
    {
      /* Translators: %s names the earlier versions this source updates */
      g_autofree char *note = g_strdup_printf (_("Update of %s"), older->str);

      gtk_label_set_label (GTK_LABEL (label), note);
    }
  if (label != NULL)
    gtk_widget_set_visible (label, older->len > 0);
}

/* The parts of a row that follow the project: colour, open count, draft badge. Changes
 * only what differs, so that a refresh lays out nothing it need not. */
static void
update_row (DeskSourcesPanel *self,
            GtkWidget        *row)
{
  DeskSource *source = g_object_get_data (G_OBJECT (row), "source");
  GtkWidget *open_label;
  GtkWidget *draft_badge;
  GtkWidget *dot = g_object_get_data (G_OBJECT (row), "dot");
  const char *id;
  gboolean is_draft;
  guint open;
  guint index;
  guint shown_index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "color-index"));
  guint shown_open = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "open-count"));

  if (source == NULL || self->project == NULL)
    return;

  /* Which sources this one updates depends on the list of sources only. */
  if (GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "relation-stamp")) != self->sources_stamp)
    {
      update_relation (self, row, source);
      g_object_set_data (G_OBJECT (row), "relation-stamp", GUINT_TO_POINTER (self->sources_stamp));
    }

  id = desk_source_get_id (source);
  is_draft = g_strcmp0 (id, desk_project_get_draft_source_id (self->project)) == 0;
  open = GPOINTER_TO_UINT (g_hash_table_lookup (self->open_counts, id));
  open = open > 0 ? open - 1 : 0;
  index = desk_palette_index_for_source (self->project, id);

  if (shown_index != index + 1)
    {
      if (shown_index > 0)
        gtk_widget_remove_css_class (dot, desk_palette_get_css_class (shown_index - 1));
      gtk_widget_add_css_class (dot, desk_palette_get_css_class (index));
      g_object_set_data (G_OBJECT (row), "color-index", GUINT_TO_POINTER (index + 1));
    }

  open_label = row_badge (row, "open-label", open > 0);
  if (shown_open != open + 1 && open_label != NULL)
    {
      g_autofree char *open_text = g_strdup_printf ("%u", open);
      g_autofree char *open_tip = g_strdup_printf (ngettext ("%u open suggestion comes from this source",
                                                             "%u open suggestions come from this source",
                                                             open), open);

      gtk_label_set_label (GTK_LABEL (open_label), open_text);
      gtk_widget_set_tooltip_text (open_label, open_tip);
      gtk_widget_set_visible (open_label, open > 0);
    }
  g_object_set_data (G_OBJECT (row), "open-count", GUINT_TO_POINTER (open + 1));

  draft_badge = row_badge (row, "draft-badge", is_draft);
  if (draft_badge != NULL && gtk_widget_get_visible (draft_badge) != is_draft)
    gtk_widget_set_visible (draft_badge, is_draft);

  /* The editor may have renamed it. */
  {
    GtkLabel *name = g_object_get_data (G_OBJECT (row), "name");
    const char *label = desk_source_get_label (source);

    if (g_strcmp0 (gtk_label_get_label (name), label) != 0)
      gtk_label_set_label (name, label);
  }
}

static void
row_pressed_cb (GtkGestureClick *gesture,
                int              n_press,
                double           x,
                double           y,
                GtkWidget       *row)
{
  DeskSource *source = g_object_get_data (G_OBJECT (row), "source");
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autoptr(GMenu) section = g_menu_new ();
  g_autoptr(GMenuItem) show = g_menu_item_new (_("_Show Source"), NULL);
  g_autoptr(GMenuItem) start = g_menu_item_new (_("Start the _Draft from This Source"), NULL);
  g_autoptr(GMenuItem) rename = g_menu_item_new (_("Re_name…"), NULL);
  g_autoptr(GMenuItem) remove = g_menu_item_new (_("_Remove Source"), NULL);
  GVariant *id;
  GtkWidget *popover;

  if (source == NULL)
    return;

  id = g_variant_new_string (desk_source_get_id (source));
  g_menu_item_set_action_and_target_value (show, "win.show-source", id);
  g_menu_item_set_action_and_target_value (start, "win.start-draft", id);
  g_menu_item_set_action_and_target_value (rename, "win.rename-source", id);
  g_menu_item_set_action_and_target_value (remove, "win.remove-source", id);
  g_menu_append_item (menu, show);
  g_menu_append_item (menu, start);
  g_menu_append_item (menu, rename);
  g_menu_append_item (section, remove);
  g_menu_append_section (menu, NULL, G_MENU_MODEL (section));

  popover = gtk_popover_menu_new_from_model (G_MENU_MODEL (menu));
  gtk_widget_set_parent (popover, row);
  gtk_popover_set_pointing_to (GTK_POPOVER (popover), &(GdkRectangle) { x, y, 1, 1 });
  gtk_popover_set_has_arrow (GTK_POPOVER (popover), FALSE);
  gtk_widget_set_halign (popover, GTK_ALIGN_START);
  g_signal_connect (popover, "closed", G_CALLBACK (gtk_widget_unparent), NULL);
  gtk_popover_popup (GTK_POPOVER (popover));

  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
}

/* The row's tooltip: the source's headline (the row shows one line of it), its file name
 * and its details, written when it shows. */
static gboolean
query_tooltip_cb (GtkWidget  *row,
                  int         x,
                  int         y,
                  gboolean    keyboard,
                  GtkTooltip *tooltip)
{
  DeskSource *source = g_object_get_data (G_OBJECT (row), "source");
  GtkLabel *details = g_object_get_data (G_OBJECT (row), "details");
  GtkLabel *title = g_object_get_data (G_OBJECT (row), "title");
  GtkLabel *name = g_object_get_data (G_OBJECT (row), "name");
  g_autoptr(GString) text = g_string_new (NULL);

  if (source == NULL)
    return FALSE;

  if (g_strcmp0 (gtk_label_get_label (title), gtk_label_get_label (name)) != 0)
    g_string_append_printf (text, "%s\n", gtk_label_get_label (title));
  g_string_append (text, desk_source_get_name (source));
  if (gtk_label_get_label (details)[0] != '\0')
    g_string_append_printf (text, "\n%s", gtk_label_get_label (details));
  gtk_tooltip_set_text (tooltip, text->str);
  return TRUE;
}

static void
setup_item_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               DeskSourcesPanel         *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 10);
  GtkWidget *text = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *dot = gtk_image_new ();
  GtkWidget *title = label_new ("source-title", FALSE);
  GtkWidget *name = label_new ("source-name", FALSE);
  GtkWidget *details = label_new ("caption", TRUE);
  GtkGesture *click = gtk_gesture_click_new ();

  gtk_widget_add_css_class (dot, "source-dot");
  gtk_widget_set_valign (dot, GTK_ALIGN_START);
  gtk_widget_set_margin_top (dot, 5);

  gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_MIDDLE);
  gtk_widget_add_css_class (name, "caption");

  gtk_widget_set_hexpand (text, TRUE);
  gtk_box_append (GTK_BOX (text), title);
  gtk_box_append (GTK_BOX (text), name);
  gtk_box_append (GTK_BOX (text), details);
  gtk_box_append (GTK_BOX (box), dot);
  gtk_box_append (GTK_BOX (box), text);
  gtk_widget_add_css_class (box, "source-row");
  gtk_widget_set_has_tooltip (box, TRUE);
  g_signal_connect (box, "query-tooltip", G_CALLBACK (query_tooltip_cb), NULL);

  g_object_set_data (G_OBJECT (box), "text", text);
  g_object_set_data (G_OBJECT (box), "title", title);
  g_object_set_data (G_OBJECT (box), "name", name);
  g_object_set_data (G_OBJECT (box), "details", details);
  g_object_set_data (G_OBJECT (box), "dot", dot);

  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_SECONDARY);
  g_signal_connect (click, "pressed", G_CALLBACK (row_pressed_cb), box);
  gtk_widget_add_controller (box, GTK_EVENT_CONTROLLER (click));

  gtk_list_item_set_child (item, box);
  /* Held, not only pointed at: GTK 4.8 can let a list item's child go when the model is
   * replaced without the factory's teardown, and a refresh must not touch a freed row. */
  g_hash_table_add (self->rows, g_object_ref (box));
}

static void
bind_item_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              DeskSourcesPanel         *self)
{
  GtkWidget *row = gtk_list_item_get_child (item);
  DeskSource *source = gtk_list_item_get_item (item);
  g_autofree char *label = desk_source_dup_label (source);
  g_autofree char *org = desk_source_dup_organization (source);
  g_autoptr(GString) details = g_string_new (NULL);
  const char *headline = desk_source_get_title (source);
  guint repaired = desk_source_get_n_repaired (source) + desk_source_get_n_invalid (source);
  GtkWidget *repaired_label = row_note (row, "repaired", repaired > 0);

  g_autofree char *words = g_strdup_printf (ngettext ("%u word", "%u words",
                                                      desk_source_get_n_words (source)),
                                            desk_source_get_n_words (source));

  /* What the name does not say already. */
  if (org != NULL && strstr (label, org) == NULL)
    g_string_append_printf (details, "%s · ", org);
  if (strstr (label, words) == NULL)
    g_string_append_printf (details, "%s · ", words);
  if (desk_source_get_date (source) != NULL)
    g_string_append_printf (details, "%s · ", desk_source_get_date (source));
  if (details->len > 0)
    g_string_truncate (details, details->len - strlen (" · "));

  gtk_label_set_label (g_object_get_data (G_OBJECT (row), "title"), headline && headline[0] ? headline : label);
  gtk_label_set_label (g_object_get_data (G_OBJECT (row), "name"), label);
  gtk_label_set_label (g_object_get_data (G_OBJECT (row), "details"), details->str);
  gtk_widget_set_visible (g_object_get_data (G_OBJECT (row), "details"), details->len > 0);
  if (repaired > 0)
    {
      g_autofree char *note = g_strdup_printf (ngettext ("%u broken character repaired",
                                                         "%u broken characters repaired", repaired),
                                               repaired);
      gtk_label_set_label (GTK_LABEL (repaired_label), note);
    }
  if (repaired_label != NULL)
    gtk_widget_set_visible (repaired_label, repaired > 0);

  g_object_set_data_full (G_OBJECT (row), "source", g_object_ref (source), g_object_unref);
  g_object_set_data (G_OBJECT (row), "open-count", NULL);
  g_object_set_data (G_OBJECT (row), "relation-stamp", NULL);
  update_row (self, row);
}

static void
teardown_item_cb (GtkSignalListItemFactory *factory,
                  GtkListItem              *item,
                  DeskSourcesPanel         *self)
{
  GtkWidget *row = gtk_list_item_get_child (item);

  if (row != NULL)
    g_hash_table_remove (self->rows, row);
  gtk_list_item_set_child (item, NULL);
}

static void
activate_cb (DeskSourcesPanel *self,
             guint             position)
{
  g_autoptr(DeskSource) source = NULL;

  if (self->project == NULL ||
      !(source = g_list_model_get_item (desk_project_get_sources (self->project), position)))
    return;

  gtk_widget_activate_action (GTK_WIDGET (self), "win.show-source", "s", desk_source_get_id (source));
}

/* How many versions there are, or while files are read, how many of them are. */
static void
update_count (DeskSourcesPanel *self)
{
  guint n = self->project ? g_list_model_get_n_items (desk_project_get_sources (self->project)) : 0;
  g_autofree char *text = NULL;

  if (self->n_files > 0)
    /* Translators: the progress of reading the files given; %u of %u files */
    text = g_strdup_printf (ngettext ("Reading %u of %u file…", "Reading %u of %u files…",
                                      self->n_files), self->n_read, self->n_files);
  else
    text = g_strdup_printf (ngettext ("%u version of the story",
                                      "%u versions of the story", n), n);

  gtk_label_set_label (self->count_label, text);
}

static void
desk_sources_panel_dispose (GObject *object)
{
  DeskSourcesPanel *self = (DeskSourcesPanel *)object;

  if (self->list != NULL)
    gtk_list_view_set_model (self->list, NULL);
  if (self->project != NULL)
    g_signal_handlers_disconnect_by_data (desk_project_get_sources (self->project), self);

  gtk_widget_dispose_template (GTK_WIDGET (self), DESK_TYPE_SOURCES_PANEL);
  for (GtkWidget *child; (child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL;)
    gtk_widget_unparent (child);
  if (self->rows != NULL)
    g_hash_table_remove_all (self->rows);
  g_clear_object (&self->project);
  g_clear_object (&self->suggestions);
  g_clear_object (&self->selection);

  G_OBJECT_CLASS (desk_sources_panel_parent_class)->dispose (object);
}

static void
desk_sources_panel_finalize (GObject *object)
{
  DeskSourcesPanel *self = (DeskSourcesPanel *)object;

  g_clear_pointer (&self->open_counts, g_hash_table_unref);
  g_clear_pointer (&self->rows, g_hash_table_unref);
  g_clear_pointer (&self->updates, g_hash_table_unref);

  G_OBJECT_CLASS (desk_sources_panel_parent_class)->finalize (object);
}

static void
desk_sources_panel_class_init (DeskSourcesPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = desk_sources_panel_dispose;
  object_class->finalize = desk_sources_panel_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/copydesk/Copydesk/ui/desk-sources-panel.ui");
  gtk_widget_class_bind_template_child (widget_class, DeskSourcesPanel, count_label);
  gtk_widget_class_bind_template_child (widget_class, DeskSourcesPanel, list);
  gtk_widget_class_bind_template_child (widget_class, DeskSourcesPanel, hint_label);
  gtk_widget_class_bind_template_callback (widget_class, setup_item_cb);
  gtk_widget_class_bind_template_callback (widget_class, bind_item_cb);
  gtk_widget_class_bind_template_callback (widget_class, teardown_item_cb);
  gtk_widget_class_bind_template_callback (widget_class, activate_cb);
  gtk_widget_class_set_css_name (widget_class, "sourcespanel");
}

static void
desk_sources_panel_init (DeskSourcesPanel *self)
{
  self->open_counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->rows = g_hash_table_new_full (NULL, NULL, g_object_unref, NULL);
  gtk_widget_init_template (GTK_WIDGET (self));
  update_count (self);
}

static void
sources_changed_cb (DeskSourcesPanel *self)
{
  self->sources_stamp++;
  g_clear_pointer (&self->updates, g_hash_table_unref);
  desk_sources_panel_refresh (self);
}

/**
 * desk_sources_panel_set_project:
 * @project: (nullable): the project whose sources to list
 * @suggestions: (nullable): the open suggestions, to count per source
 */
void
desk_sources_panel_set_project (DeskSourcesPanel *self,
                                DeskProject      *project,
                                GListModel       *suggestions)
{
  g_return_if_fail (DESK_IS_SOURCES_PANEL (self));

  if (self->project != NULL)
    g_signal_handlers_disconnect_by_data (desk_project_get_sources (self->project), self);

  g_set_object (&self->project, project);
  g_set_object (&self->suggestions, suggestions);
  g_clear_object (&self->selection);
  g_clear_pointer (&self->updates, g_hash_table_unref);
  self->sources_stamp++;
  count_open (self);

  if (project != NULL)
    {
      self->selection = gtk_single_selection_new (g_object_ref (desk_project_get_sources (project)));
      gtk_single_selection_set_autoselect (self->selection, FALSE);
      gtk_single_selection_set_can_unselect (self->selection, TRUE);
      gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
      g_signal_connect_object (desk_project_get_sources (project), "items-changed",
                               G_CALLBACK (sources_changed_cb), self, G_CONNECT_SWAPPED);
    }
  gtk_list_view_set_model (self->list, GTK_SELECTION_MODEL (self->selection));
  update_count (self);
}

/**
 * desk_sources_panel_refresh:
 *
 * Updates the counts of open suggestions, the colours and the draft badge.
 */
void
desk_sources_panel_refresh (DeskSourcesPanel *self)
{
  GHashTableIter iter;
  gpointer row;

  g_return_if_fail (DESK_IS_SOURCES_PANEL (self));

  if (self->project == NULL)
    return;

  count_open (self);
  g_hash_table_iter_init (&iter, self->rows);
  while (g_hash_table_iter_next (&iter, &row, NULL))
    update_row (self, row);

  update_count (self);
}

/**
 * desk_sources_panel_select_source:
 * @source_id: (nullable): the source to select, or %NULL to select none
 */
void
desk_sources_panel_select_source (DeskSourcesPanel *self,
                                  const char       *source_id)
{
  GListModel *sources;

  g_return_if_fail (DESK_IS_SOURCES_PANEL (self));

  if (self->selection == NULL)
    return;

  sources = desk_project_get_sources (self->project);
  for (guint i = 0; source_id != NULL && i < g_list_model_get_n_items (sources); i++)
    {
      g_autoptr(DeskSource) source = g_list_model_get_item (sources, i);

      if (g_strcmp0 (desk_source_get_id (source), source_id) == 0)
        {
          gtk_single_selection_set_selected (self->selection, i);
          return;
        }
    }

  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
}

/**
 * desk_sources_panel_set_reading:
 * @n_read: how many of the files are read
 * @n_files: how many files are being read, or 0 when none is
 *
 * Shows the progress of reading files in place of the count of versions.
 */
void
desk_sources_panel_set_reading (DeskSourcesPanel *self,
                                guint             n_read,
                                guint             n_files)
{
  g_return_if_fail (DESK_IS_SOURCES_PANEL (self));
  g_return_if_fail (n_read <= n_files);

  if (self->n_read == n_read && self->n_files == n_files)
    return;

  self->n_read = n_read;
  self->n_files = n_files;
  update_count (self);
}
