/* desk-find-bar.c: find and replace in the draft (Ctrl+F, Ctrl+H)
 *
 * GtkSourceView's search: a GtkSourceSearchContext on the draft's body highlights every
 * match while the bar is open and counts them ("2 of 5"); Enter goes to the next match,
 * Shift+Enter to the previous, Escape closes the bar and puts the cursor back in the
 * draft. Replacing changes the body's buffer like typing does; the bar says so before
 * and after ("replacing", "replaced") so the window makes the replacement an undo step
 * of its own.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "desk-find-bar.h"

struct _DeskFindBar
{
  GtkWidget               parent_instance;

  GtkSourceView          *view;
  GtkSourceSearchSettings *settings;
  GtkSourceSearchContext *context;

  GtkRevealer            *revealer;
  GtkSearchEntry         *find_entry;
  GtkLabel               *count_label;
  GtkToggleButton        *case_button;
  GtkWidget              *replace_box;
  GtkEntry               *replace_entry;
  int                     n_matches;
};

G_DEFINE_FINAL_TYPE (DeskFindBar, desk_find_bar, GTK_TYPE_WIDGET)

enum {
  REPLACING,
  REPLACED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static GtkTextBuffer *
buffer_of (DeskFindBar *self)
{
  return gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->view));
}

/* Matches are counted at most this far: past it the bar says "9999+". */
#define MAX_COUNTED 9999

/* The matches and which of them the selection is (1-based, 0 for none). The search
 * context counts them in the background at a low priority, which a busy window can put
 * off for long: the draft is small, so they are counted here, match by match. */
static int
count_matches (DeskFindBar *self,
               int         *position)
{
  GtkTextBuffer *buffer = buffer_of (self);
  GtkTextIter iter, match_start, match_end, selection_start, selection_end;
  gboolean has_selection = gtk_text_buffer_get_selection_bounds (buffer, &selection_start, &selection_end);
  gboolean wrapped = FALSE;
  int n = 0;

  *position = 0;
  if (gtk_source_search_settings_get_search_text (self->settings) == NULL)
    return 0;

  gtk_text_buffer_get_start_iter (buffer, &iter);
  while (n <= MAX_COUNTED &&
         gtk_source_search_context_forward (self->context, &iter, &match_start, &match_end, &wrapped) &&
         !wrapped)
    {
      n++;
      if (has_selection && gtk_text_iter_equal (&match_start, &selection_start) &&
          gtk_text_iter_equal (&match_end, &selection_end))
        *position = n;
      iter = match_end;
      if (gtk_text_iter_equal (&match_start, &match_end) && !gtk_text_iter_forward_char (&iter))
        break;
      if (gtk_text_iter_is_end (&iter))
        break;
    }

  return n;
}

static void
update_count (DeskFindBar *self)
{
  g_autofree char *text = NULL;
  int count;
  int position;

  if (self->context == NULL)
    return;

  count = count_matches (self, &position);
  self->n_matches = count;

  if (gtk_editable_get_text (GTK_EDITABLE (self->find_entry))[0] == '\0')
    text = g_strdup ("");
  else if (count == 0)
    text = g_strdup (_("No matches"));
  else if (count > MAX_COUNTED)
    /* Translators: more matches than are counted */
    text = g_strdup_printf (_("%d+ matches"), MAX_COUNTED);
  else if (position > 0)
    /* Translators: the match the cursor is on, of all of them: "2 of 5" */
    text = g_strdup_printf (_("%d of %d"), position, count);
  else
    text = g_strdup_printf (ngettext ("%d match", "%d matches", count), count);

  gtk_label_set_label (self->count_label, text);
  if (count == 0 && text[0] != '\0')
    gtk_widget_add_css_class (GTK_WIDGET (self->find_entry), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->find_entry), "error");
}

static void
search_changed_cb (DeskFindBar *self)
{
  if (self->settings == NULL)
    return;

  gtk_source_search_settings_set_case_sensitive (self->settings,
                                                 gtk_toggle_button_get_active (self->case_button));
  gtk_source_search_settings_set_search_text (self->settings,
                                              gtk_editable_get_text (GTK_EDITABLE (self->find_entry))[0]
                                              ? gtk_editable_get_text (GTK_EDITABLE (self->find_entry))
                                              : NULL);
  update_count (self);
}

/**
 * desk_find_bar_next:
 * @backward: the previous match rather than the next
 *
 * Selects the next (or previous) match after (before) the selection or the cursor,
 * around the end of the draft, and scrolls to it.
 *
 * Returns: %TRUE if there is a match
 */
gboolean
desk_find_bar_next (DeskFindBar *self,
                    gboolean     backward)
{
  GtkTextBuffer *buffer;
  GtkTextIter start, end, match_start, match_end;
  gboolean wrapped;
  gboolean found;

  g_return_val_if_fail (DESK_IS_FIND_BAR (self), FALSE);

  if (self->context == NULL)
    return FALSE;

  buffer = buffer_of (self);
  gtk_text_buffer_get_selection_bounds (buffer, &start, &end);
  if (backward)
    found = gtk_source_search_context_backward (self->context, &start, &match_start, &match_end, &wrapped);
  else
    found = gtk_source_search_context_forward (self->context, &end, &match_start, &match_end, &wrapped);

  if (found)
    {
      gtk_text_buffer_select_range (buffer, &match_start, &match_end);
      gtk_text_view_scroll_to_iter (GTK_TEXT_VIEW (self->view), &match_start, 0.1, FALSE, 0, 0);
    }
  update_count (self);
  return found;
}

static void
find_activate_cb (DeskFindBar *self)
{
  desk_find_bar_next (self, FALSE);
}

static void
next_match_cb (DeskFindBar *self)
{
  desk_find_bar_next (self, FALSE);
}

static void
previous_match_cb (DeskFindBar *self)
{
  desk_find_bar_next (self, TRUE);
}

static void
stop_search_cb (DeskFindBar *self)
{
  desk_find_bar_close (self);
  if (self->view != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (self->view));
}

/* Replaces the selected match, if the selection is one, and goes to the next. */
static void
replace_clicked_cb (DeskFindBar *self)
{
  GtkTextIter start, end;
  g_autoptr(GError) error = NULL;

  if (self->context == NULL)
    return;

  if (gtk_text_buffer_get_selection_bounds (buffer_of (self), &start, &end) &&
      gtk_source_search_context_get_occurrence_position (self->context, &start, &end) > 0)
    {
      g_signal_emit (self, signals[REPLACING], 0);
      if (gtk_source_search_context_replace (self->context, &start, &end,
                                             gtk_editable_get_text (GTK_EDITABLE (self->replace_entry)),
                                             -1, &error))
        {
          gtk_text_buffer_place_cursor (buffer_of (self), &end);
          g_signal_emit (self, signals[REPLACED], 0, 1u);
        }
      else
        g_warning ("Replacing a match: %s", error->message);
    }

  desk_find_bar_next (self, FALSE);
}

/**
 * desk_find_bar_replace_all:
 *
 * Returns: how many matches were replaced
 */
guint
desk_find_bar_replace_all (DeskFindBar *self)
{
  g_autoptr(GError) error = NULL;
  guint n;

  g_return_val_if_fail (DESK_IS_FIND_BAR (self), 0);

  if (self->context == NULL || gtk_source_search_settings_get_search_text (self->settings) == NULL)
    return 0;

  g_signal_emit (self, signals[REPLACING], 0);
  n = gtk_source_search_context_replace_all (self->context,
                                             gtk_editable_get_text (GTK_EDITABLE (self->replace_entry)),
                                             -1, &error);
  if (error != NULL)
    g_warning ("Replacing every match: %s", error->message);
  if (n > 0)
    g_signal_emit (self, signals[REPLACED], 0, n);
  update_count (self);
  return n;
}

static void
replace_all_clicked_cb (DeskFindBar *self)
{
  desk_find_bar_replace_all (self);
}

static gboolean
replace_key_pressed_cb (GtkEventControllerKey *controller,
                        guint                  keyval,
                        guint                  keycode,
                        GdkModifierType        state,
                        DeskFindBar           *self)
{
  if (keyval == GDK_KEY_Escape)
    {
      stop_search_cb (self);
      return TRUE;
    }
  return FALSE;
}

static void
occurrences_changed_cb (DeskFindBar *self)
{
  if (desk_find_bar_is_open (self))
    update_count (self);
}

static void
mark_set_cb (DeskFindBar   *self,
             GtkTextIter   *location,
             GtkTextMark   *mark)
{
  if (mark == gtk_text_buffer_get_insert (buffer_of (self)) ||
      mark == gtk_text_buffer_get_selection_bound (buffer_of (self)))
    occurrences_changed_cb (self);
}

void
desk_find_bar_set_view (DeskFindBar   *self,
                        GtkSourceView *view)
{
  g_return_if_fail (DESK_IS_FIND_BAR (self));
  g_return_if_fail (GTK_SOURCE_IS_VIEW (view));

  g_clear_object (&self->context);
  self->view = view;
  self->context = gtk_source_search_context_new (GTK_SOURCE_BUFFER (buffer_of (self)), self->settings);
  gtk_source_search_context_set_highlight (self->context, FALSE);
  g_signal_connect_object (self->context, "notify::occurrences-count",
                           G_CALLBACK (occurrences_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (buffer_of (self), "mark-set", G_CALLBACK (mark_set_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (buffer_of (self), "changed", G_CALLBACK (occurrences_changed_cb), self,
                           G_CONNECT_SWAPPED);
}

/**
 * desk_find_bar_open:
 * @replace: show the replace row too
 *
 * Shows the bar with the draft's selection (one line of it) as what to find, and puts
 * the cursor in the find entry.
 */
void
desk_find_bar_open (DeskFindBar *self,
                    gboolean     replace)
{
  GtkTextIter start, end;

  g_return_if_fail (DESK_IS_FIND_BAR (self));

  if (self->view != NULL &&
      gtk_text_buffer_get_selection_bounds (buffer_of (self), &start, &end) &&
      gtk_text_iter_get_line (&start) == gtk_text_iter_get_line (&end))
    {
      g_autofree char *selected = gtk_text_buffer_get_text (buffer_of (self), &start, &end, FALSE);

      gtk_editable_set_text (GTK_EDITABLE (self->find_entry), selected);
    }

  gtk_widget_set_visible (self->replace_box, replace);
  gtk_revealer_set_reveal_child (self->revealer, TRUE);
  if (self->context != NULL)
    gtk_source_search_context_set_highlight (self->context, TRUE);
  search_changed_cb (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->find_entry));
  gtk_editable_select_region (GTK_EDITABLE (self->find_entry), 0, -1);
}

void
desk_find_bar_close (DeskFindBar *self)
{
  g_return_if_fail (DESK_IS_FIND_BAR (self));

  gtk_revealer_set_reveal_child (self->revealer, FALSE);
  if (self->context != NULL)
    gtk_source_search_context_set_highlight (self->context, FALSE);
}

gboolean
desk_find_bar_is_open (DeskFindBar *self)
{
  g_return_val_if_fail (DESK_IS_FIND_BAR (self), FALSE);
  return gtk_revealer_get_reveal_child (self->revealer);
}

/**
 * desk_find_bar_get_n_matches:
 *
 * Returns: the matches in the draft for what the bar finds
 */
int
desk_find_bar_get_n_matches (DeskFindBar *self)
{
  g_return_val_if_fail (DESK_IS_FIND_BAR (self), -1);
  return self->n_matches;
}

static void
desk_find_bar_dispose (GObject *object)
{
  DeskFindBar *self = (DeskFindBar *)object;

  g_clear_object (&self->context);
  gtk_widget_dispose_template (GTK_WIDGET (self), DESK_TYPE_FIND_BAR);

  G_OBJECT_CLASS (desk_find_bar_parent_class)->dispose (object);
}

static void
desk_find_bar_finalize (GObject *object)
{
  DeskFindBar *self = (DeskFindBar *)object;

  g_clear_object (&self->settings);

  G_OBJECT_CLASS (desk_find_bar_parent_class)->finalize (object);
}

static void
desk_find_bar_class_init (DeskFindBarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = desk_find_bar_dispose;
  object_class->finalize = desk_find_bar_finalize;

  /**
   * DeskFindBar::replacing:
   *
   * A replacement is about to change the draft.
   */
  signals[REPLACING] = g_signal_new ("replacing", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                     0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  /**
   * DeskFindBar::replaced:
   * @n: how many matches were replaced
   */
  signals[REPLACED] = g_signal_new ("replaced", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                    0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_UINT);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/copydesk/Copydesk/ui/desk-find-bar.ui");
  gtk_widget_class_bind_template_child (widget_class, DeskFindBar, revealer);
  gtk_widget_class_bind_template_child (widget_class, DeskFindBar, find_entry);
  gtk_widget_class_bind_template_child (widget_class, DeskFindBar, count_label);
  gtk_widget_class_bind_template_child (widget_class, DeskFindBar, case_button);
  gtk_widget_class_bind_template_child (widget_class, DeskFindBar, replace_box);
  gtk_widget_class_bind_template_child (widget_class, DeskFindBar, replace_entry);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, find_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, next_match_cb);
  gtk_widget_class_bind_template_callback (widget_class, previous_match_cb);
  gtk_widget_class_bind_template_callback (widget_class, stop_search_cb);
  gtk_widget_class_bind_template_callback (widget_class, replace_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, replace_all_clicked_cb);
}

static void
desk_find_bar_init (DeskFindBar *self)
{
  GtkEventController *keys;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = gtk_source_search_settings_new ();
  gtk_source_search_settings_set_wrap_around (self->settings, TRUE);

  keys = gtk_event_controller_key_new ();
  g_signal_connect (keys, "key-pressed", G_CALLBACK (replace_key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->replace_entry), keys);
}
