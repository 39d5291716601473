/* desk-suggestions-panel.c: the cards of what the draft lacks, with Accept All
 *
 * The panel shows the window's list of suggestions (a GListModel the window replaces
 * when the suggester reports) as cards, keeps one selected, and says how many there are
 * and of what kind. It changes nothing by itself: its buttons are window actions.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "desk-suggestion-row.h"
#include "desk-suggestions-panel.h"

struct _DeskSuggestionsPanel
{
  GtkWidget             parent_instance;

  GListModel           *model;
  GtkSingleSelection   *selection;
  DeskProject          *project;
  DeskSuggestionsState  state;

  GtkLabel             *count_label;
  GtkButton            *accept_all_button;
  AdwButtonContent     *accept_all_content;
  GtkStack             *stack;
  GtkSpinner           *working_spinner;
  GtkScrolledWindow    *scroller;
  GtkListView          *list;
};

G_DEFINE_FINAL_TYPE (DeskSuggestionsPanel, desk_suggestions_panel, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_SELECTED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The list view makes cards for the suggestions in view only, and recycles them: a
 * project with hundreds of suggestions costs no more than a screenful. */
static void
setup_item_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               gpointer                  user_data)
{
  GtkWidget *row = desk_suggestion_row_new (NULL, NULL);

  desk_suggestion_row_set_list_item (DESK_SUGGESTION_ROW (row), item);
  g_object_bind_property (item, "selected", row, "selected", G_BINDING_SYNC_CREATE);
  gtk_list_item_set_child (item, row);
  gtk_list_item_set_activatable (item, FALSE);
}

static void
bind_item_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              gpointer                  user_data)
{
  DeskSuggestionsPanel *self = g_object_get_data (G_OBJECT (factory), "desk-panel");
  GtkWidget *row = gtk_list_item_get_child (item);

  desk_suggestion_row_set_suggestion (DESK_SUGGESTION_ROW (row), gtk_list_item_get_item (item),
                                      self ? self->project : NULL);
  desk_suggestion_row_set_selected (DESK_SUGGESTION_ROW (row), gtk_list_item_get_selected (item));
}

static void
unbind_item_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                gpointer                  user_data)
{
  GtkWidget *row = gtk_list_item_get_child (item);

  if (row != NULL)
    desk_suggestion_row_set_suggestion (DESK_SUGGESTION_ROW (row), NULL, NULL);
}

static void
teardown_item_cb (GtkSignalListItemFactory *factory,
                  GtkListItem              *item,
                  gpointer                  user_data)
{
  GtkWidget *row = gtk_list_item_get_child (item);

  if (row != NULL)
    desk_suggestion_row_set_list_item (DESK_SUGGESTION_ROW (row), NULL);
  gtk_list_item_set_child (item, NULL);
}

static void
update_counts (DeskSuggestionsPanel *self)
{
  guint n = self->model ? g_list_model_get_n_items (self->model) : 0;
  guint n_conflicts = 0;
  guint n_applicable = 0;
  g_autofree char *count = NULL;
  g_autofree char *accept_label = NULL;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(DeskSuggestion) suggestion = g_list_model_get_item (self->model, i);
      DeskSuggestionKind kind = desk_suggestion_get_kind (suggestion);

      if (kind == DESK_SUGGESTION_CONFLICT)
        n_conflicts++;
      else if (kind == DESK_SUGGESTION_MISSING || kind == DESK_SUGGESTION_ADDITION)
        n_applicable++;
    }

  if (self->state == DESK_SUGGESTIONS_NO_SOURCES)
    count = g_strdup (_("Add sources to compare"));
  else if (self->state == DESK_SUGGESTIONS_NO_DRAFT)
    count = g_strdup (_("No draft yet"));
  else if (self->state == DESK_SUGGESTIONS_WORKING)
    count = g_strdup (_("Comparing…"));
  else if (n == 0)
    count = g_strdup (_("The draft is complete"));
  else if (n_conflicts > 0)
    /* Translators: "12 open · 2 conflicts" */
    count = g_strdup_printf (ngettext ("%u open · %u conflict", "%u open · %u conflicts", n_conflicts),
                             n, n_conflicts);
  else
    count = g_strdup_printf (ngettext ("%u open", "%u open", n), n);
  gtk_label_set_label (self->count_label, count);

  if (n_applicable > 0)
    accept_label = g_strdup_printf (ngettext ("Accept %u Addition", "Accept All %u Additions", n_applicable),
                                    n_applicable);
  else
    accept_label = g_strdup (_("Accept All Additions"));
  adw_button_content_set_label (self->accept_all_content, accept_label);

  if (self->state == DESK_SUGGESTIONS_NO_SOURCES)
    gtk_stack_set_visible_child_name (self->stack, "no-sources");
  else if (self->state == DESK_SUGGESTIONS_NO_DRAFT)
    gtk_stack_set_visible_child_name (self->stack, "no-draft");
  else if (self->state == DESK_SUGGESTIONS_WORKING && n == 0)
    gtk_stack_set_visible_child_name (self->stack, "working");
  else if (n == 0)
    gtk_stack_set_visible_child_name (self->stack, "empty");
  else
    gtk_stack_set_visible_child_name (self->stack, "list");

  gtk_spinner_set_spinning (self->working_spinner,
                            g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "working") == 0);
}

static void
items_changed_cb (DeskSuggestionsPanel *self)
{
  update_counts (self);
}

static void
scroll_to_selected (DeskSuggestionsPanel *self)
{
  guint position = gtk_single_selection_get_selected (self->selection);

  if (position != GTK_INVALID_LIST_POSITION)
    gtk_widget_activate_action (GTK_WIDGET (self->list), "list.scroll-to-item", "u", position);
}

static void
selection_changed_cb (DeskSuggestionsPanel *self)
{
  scroll_to_selected (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED]);
}

static void
desk_suggestions_panel_dispose (GObject *object)
{
  DeskSuggestionsPanel *self = (DeskSuggestionsPanel *)object;

  if (self->model != NULL)
    g_signal_handlers_disconnect_by_data (self->model, self);
  if (self->selection != NULL)
    g_signal_handlers_disconnect_by_data (self->selection, self);
  if (self->list != NULL)
    gtk_list_view_set_model (self->list, NULL);

  gtk_widget_dispose_template (GTK_WIDGET (self), DESK_TYPE_SUGGESTIONS_PANEL);
  for (GtkWidget *child; (child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL;)
    gtk_widget_unparent (child);
  g_clear_object (&self->model);
  g_clear_object (&self->selection);
  g_clear_object (&self->project);

  G_OBJECT_CLASS (desk_suggestions_panel_parent_class)->dispose (object);
}

static void
desk_suggestions_panel_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  DeskSuggestionsPanel *self = DESK_SUGGESTIONS_PANEL (object);

  switch (prop_id)
    {
    case PROP_SELECTED:
      g_value_set_int (value, desk_suggestions_panel_get_selected (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
desk_suggestions_panel_class_init (DeskSuggestionsPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = desk_suggestions_panel_dispose;
  object_class->get_property = desk_suggestions_panel_get_property;

  /**
   * DeskSuggestionsPanel:selected:
   *
   * The position of the selected suggestion, or -1.
   */
  properties[PROP_SELECTED] =
    g_param_spec_int ("selected", NULL, NULL, -1, G_MAXINT, -1,
                      (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/copydesk/Copydesk/ui/desk-suggestions-panel.ui");
  gtk_widget_class_bind_template_child (widget_class, DeskSuggestionsPanel, count_label);
  gtk_widget_class_bind_template_child (widget_class, DeskSuggestionsPanel, accept_all_button);
  gtk_widget_class_bind_template_child (widget_class, DeskSuggestionsPanel, accept_all_content);
  gtk_widget_class_bind_template_child (widget_class, DeskSuggestionsPanel, stack);
  gtk_widget_class_bind_template_child (widget_class, DeskSuggestionsPanel, working_spinner);
  gtk_widget_class_bind_template_child (widget_class, DeskSuggestionsPanel, scroller);
  gtk_widget_class_bind_template_child (widget_class, DeskSuggestionsPanel, list);
  gtk_widget_class_bind_template_callback (widget_class, setup_item_cb);
  gtk_widget_class_bind_template_callback (widget_class, bind_item_cb);
  gtk_widget_class_bind_template_callback (widget_class, unbind_item_cb);
  gtk_widget_class_bind_template_callback (widget_class, teardown_item_cb);
  gtk_widget_class_set_css_name (widget_class, "suggestionspanel");
}

static void
desk_suggestions_panel_init (DeskSuggestionsPanel *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  g_object_set_data (G_OBJECT (gtk_list_view_get_factory (self->list)), "desk-panel", self);
  update_counts (self);
}

/**
 * desk_suggestions_panel_set_model:
 * @suggestions: (nullable): a #GListModel of #DeskSuggestion
 * @project: (nullable): the project they were computed for (for the sources' colours)
 */
void
desk_suggestions_panel_set_model (DeskSuggestionsPanel *self,
                                  GListModel           *suggestions,
                                  DeskProject          *project)
{
  g_return_if_fail (DESK_IS_SUGGESTIONS_PANEL (self));

  if (self->model != NULL)
    g_signal_handlers_disconnect_by_data (self->model, self);
  if (self->selection != NULL)
    g_signal_handlers_disconnect_by_data (self->selection, self);

  g_set_object (&self->project, project);
  g_set_object (&self->model, suggestions);
  g_clear_object (&self->selection);

  if (suggestions != NULL)
    {
      self->selection = gtk_single_selection_new (g_object_ref (suggestions));
      gtk_single_selection_set_autoselect (self->selection, FALSE);
      gtk_single_selection_set_can_unselect (self->selection, TRUE);
      gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
      g_signal_connect_object (self->selection, "notify::selected",
                               G_CALLBACK (selection_changed_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (suggestions, "items-changed",
                               G_CALLBACK (items_changed_cb), self, G_CONNECT_SWAPPED);
    }
  gtk_list_view_set_model (self->list, GTK_SELECTION_MODEL (self->selection));

  update_counts (self);
}

void
desk_suggestions_panel_set_state (DeskSuggestionsPanel *self,
                                  DeskSuggestionsState  state)
{
  g_return_if_fail (DESK_IS_SUGGESTIONS_PANEL (self));

  self->state = state;
  update_counts (self);
}

int
desk_suggestions_panel_get_selected (DeskSuggestionsPanel *self)
{
  guint position;

  g_return_val_if_fail (DESK_IS_SUGGESTIONS_PANEL (self), -1);

  if (self->selection == NULL)
    return -1;
  position = gtk_single_selection_get_selected (self->selection);
  return position == GTK_INVALID_LIST_POSITION ? -1 : (int)position;
}

/**
 * desk_suggestions_panel_select:
 * @position: a position, or -1 to select nothing
 *
 * Selects a suggestion and scrolls its card into view.
 */
void
desk_suggestions_panel_select (DeskSuggestionsPanel *self,
                               int                   position)
{
  g_return_if_fail (DESK_IS_SUGGESTIONS_PANEL (self));

  if (self->selection == NULL)
    return;

  if (position >= 0 && (guint)position >= g_list_model_get_n_items (self->model))
    position = -1;

  if (position >= 0 && gtk_single_selection_get_selected (self->selection) == (guint)position)
    {
      scroll_to_selected (self);
      return;
    }

  gtk_single_selection_set_selected (self->selection,
                                     position < 0 ? GTK_INVALID_LIST_POSITION : (guint)position);
}
