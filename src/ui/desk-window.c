/* desk-window.c: a window on one roundup: sources, draft, suggestions
 *
 * The window owns a DeskProject and follows it: every change to the project (typing
 * stored into the draft, an accept, a role corrected in a source, a source added)
 * emits DeskProject::changed, after which the window marks itself modified, schedules an
 * autosave, and schedules the suggester.
 *
 * The suggester runs in a worker thread on a snapshot of the project, debounced, with one
 * GCancellable a run; a newer change cancels the run under way. Results arrive on the main
 * thread and replace the list (only the part that differs, so the cards do not flicker
 * and the selection stays). A result computed for an older project is thrown away.
 *
 * Accepting (this file's _desk_window_accept()) applies the suggestion to the draft with
 * desk_suggestion_apply(), records one undo step (DeskUndoStack) holding the draft before
 * and after, shows the new draft, and shifts the positions of the other suggestions so
 * the next accept lands right before the suggester has reported again.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "desk-aliases.h"
#include "desk-credits.h"
#include "desk-palette.h"
#include "desk-shortcuts.h"
#include "desk-suggestion-row.h"
#include "desk-varieties.h"
#include "desk-conflict.h"
#include "desk-window-private.h"

/* Milliseconds: from the last keystroke to storing the text in the draft ... */
#define STORE_DELAY        300
/* ... from a change to the suggester starting, after typing ... */
#define SUGGEST_DELAY      500
/* ... and after an accept, a reject or an undo, which the editor waits on. */
#define SUGGEST_DELAY_SHORT 30
/* A run that takes longer than this shows the busy spinner. */
#define BUSY_DELAY         250
/* The sidebar's width with the list of sources, and with one source shown. */
#define LIST_WIDTH         300
#define SOURCE_WIDTH       400

G_DEFINE_FINAL_TYPE (DeskWindow, desk_window, ADW_TYPE_APPLICATION_WINDOW)

static void project_changed_cb (DeskWindow *self);

/* ---- Suggestions ----------------------------------------------------------------- */

/* The same suggestion, wherever it stands. */
static gboolean
suggestions_alike (DeskSuggestion *a,
                   DeskSuggestion *b)
{
  return desk_suggestion_get_kind (a) == desk_suggestion_get_kind (b) &&
         desk_suggestion_get_n_sources (a) == desk_suggestion_get_n_sources (b) &&
         desk_suggestion_get_n_alternatives (a) == desk_suggestion_get_n_alternatives (b) &&
         g_strcmp0 (desk_suggestion_get_text (a), desk_suggestion_get_text (b)) == 0 &&
         g_strcmp0 (desk_suggestion_get_draft_text (a), desk_suggestion_get_draft_text (b)) == 0 &&
         g_strcmp0 (desk_suggestion_get_new_text (a), desk_suggestion_get_new_text (b)) == 0 &&
         (desk_suggestion_get_n_sources (a) == 0 ||
          g_strcmp0 (desk_suggestion_get_source_id (a, 0), desk_suggestion_get_source_id (b, 0)) == 0);
}

DeskSuggestion *
_desk_window_get_selected_suggestion (DeskWindow *self)
{
  int selected = desk_suggestions_panel_get_selected (self->suggestions_panel);

  if (selected < 0 || (guint)selected >= g_list_model_get_n_items (G_LIST_MODEL (self->suggestions)))
    return NULL;

  /* The store keeps a reference. */
  {
    g_autoptr(DeskSuggestion) suggestion = g_list_model_get_item (G_LIST_MODEL (self->suggestions), selected);
    return suggestion;
  }
}

/* Replaces the list with @results. A suggestion that is still proposed keeps its object
 * (moved to where the new one stands), so its card is not made again: after typing an
 * Enter, most suggestions only move. The store changes only where objects differ. The
 * selection stays on the same suggestion if it is still there, else on the same place. */
static void
replace_suggestions (DeskWindow *self,
                     GPtrArray  *results)
{
  GListModel *model = G_LIST_MODEL (self->suggestions);
  guint n_old = g_list_model_get_n_items (model);
  g_autoptr(GPtrArray) old = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) merged = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree gboolean *taken = g_new0 (gboolean, n_old + 1);
  int selected = desk_suggestions_panel_get_selected (self->suggestions_panel);
  DeskSuggestion *was_selected = NULL;
  guint n_new = results->len;
  guint prefix = 0;
  guint suffix = 0;
  int reselect = -1;

  for (guint i = 0; i < n_old; i++)
    g_ptr_array_add (old, g_list_model_get_item (model, i));
  if (selected >= 0 && (guint)selected < n_old)
    was_selected = g_ptr_array_index (old, selected);

  for (guint i = 0; i < n_new; i++)
    {
      DeskSuggestion *result = g_ptr_array_index (results, i);
      DeskSuggestion *keep = NULL;

      /* Look near the same place first: the lists are mostly in the same order. */
      for (guint k = 0; k < n_old && keep == NULL; k++)
        {
          guint j = (i + k) % n_old;

          if (!taken[j] && suggestions_alike (g_ptr_array_index (old, j), result))
            {
              taken[j] = TRUE;
              keep = g_ptr_array_index (old, j);
            }
        }

      if (keep != NULL)
        {
          desk_suggestion_place (keep, desk_suggestion_placed_after (result),
                                 desk_suggestion_placed_target (result));
          g_ptr_array_add (merged, g_object_ref (keep));
        }
      else
        g_ptr_array_add (merged, g_object_ref (result));
    }

  while (prefix < n_old && prefix < n_new && old->pdata[prefix] == merged->pdata[prefix])
    prefix++;
  while (suffix < n_old - prefix && suffix < n_new - prefix &&
         old->pdata[n_old - 1 - suffix] == merged->pdata[n_new - 1 - suffix])
    suffix++;

  if (prefix + suffix < MAX (n_old, n_new))
    g_list_store_splice (self->suggestions, prefix, n_old - prefix - suffix,
                         merged->pdata + prefix, n_new - prefix - suffix);

  if (was_selected != NULL)
    {
      for (guint i = 0; i < n_new && reselect < 0; i++)
        if (merged->pdata[i] == was_selected)
          reselect = i;
      if (reselect < 0 && n_new > 0)
        reselect = MIN ((guint)selected, n_new - 1);
    }
  else if (n_new > 0 && selected < 0)
    reselect = 0;

  if (reselect >= 0)
    desk_suggestions_panel_select (self->suggestions_panel, reselect);
  else if (n_new == 0)
    desk_suggestions_panel_select (self->suggestions_panel, -1);

  /* The selected suggestion may have moved in the draft. */
  if (was_selected != NULL && reselect >= 0 && merged->pdata[reselect] == was_selected)
    desk_draft_view_show_suggestion (self->draft_view, was_selected);
}

/* The spinner in the header bar: shown while a project is opened or saved, files are read
 * or the suggester runs, with a tooltip that says which. */
static void
set_busy (DeskWindow *self,
          gboolean    busy)
{
  const char *doing = self->opening != NULL ? _("Opening the project…")
                      : self->saving ? _("Saving the project…")
                      : self->pending_loads > 0 ? _("Reading the sources…")
                      : _("Comparing the sources with the draft…");

  gtk_spinner_set_spinning (self->spinner, busy);
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), busy);
  if (busy && g_strcmp0 (gtk_widget_get_tooltip_text (GTK_WIDGET (self->spinner)), doing) != 0)
    gtk_widget_set_tooltip_text (GTK_WIDGET (self->spinner), doing);
}

static gboolean
busy_timeout_cb (gpointer user_data)
{
  DeskWindow *self = user_data;

  self->busy_timeout = 0;
  set_busy (self, self->suggesting || self->pending_loads > 0 || self->opening != NULL ||
                  self->saving);
  return G_SOURCE_REMOVE;
}

/**
 * _desk_window_update_busy:
 *
 * Shows the spinner at once while a project is opened or saved (the editor asked for it and
 * waits), or hides it when nothing else is under way.
 */
void
_desk_window_update_busy (DeskWindow *self)
{
  if (self->opening != NULL || self->saving)
    set_busy (self, TRUE);
  else if (!self->suggesting && self->pending_loads == 0)
    set_busy (self, FALSE);
}

/* Shows the spinner if the work goes on for more than a moment. */
static void
schedule_busy (DeskWindow *self)
{
  if (self->busy_timeout == 0)
    self->busy_timeout = g_timeout_add (BUSY_DELAY, busy_timeout_cb, self);
}

static gboolean draft_started (DeskWindow *self);

static void
update_suggestions_state (DeskWindow *self)
{
  guint n_sources = g_list_model_get_n_items (desk_project_get_sources (self->project));
  DeskSuggestionsState state;

  if (n_sources == 0)
    state = DESK_SUGGESTIONS_NO_SOURCES;
  else if (!draft_started (self))
    state = DESK_SUGGESTIONS_NO_DRAFT;
  else if (!self->have_results)
    state = DESK_SUGGESTIONS_WORKING;
  else
    state = DESK_SUGGESTIONS_READY;

  desk_suggestions_panel_set_state (self->suggestions_panel, state);
}


/* The house style's suggestions (desk_style_suggest()) join the suggester's: names and
 * spellings the draft says several ways, after what the sources offer. */
static void
add_style_suggestions (DeskWindow *self,
                       GPtrArray  *results)
{
  g_autoptr(DeskAliases) aliases = self->aliases != NULL ? desk_aliases_copy (self->aliases)
                                                         : desk_aliases_new_default ();
  g_autoptr(GPtrArray) style = NULL;
  const char *own = desk_project_get_aliases (self->project);

  if (own != NULL && !desk_aliases_load_from_data (aliases, own, NULL))
    g_debug ("The project's alias table has a mistake; its names are not checked");

  style = desk_style_suggest (desk_project_get_style (self->project),
                              desk_project_get_draft (self->project), aliases,
                              desk_project_get_rejected (self->project));
  for (guint i = 0; i < style->len; i++)
    g_ptr_array_add (results, g_object_ref (g_ptr_array_index (style, i)));
}

static void
suggest_done_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(DeskWindow) self = user_data;
  g_autoptr(GPtrArray) results = NULL;
  g_autoptr(GError) error = NULL;
  guint generation;

  results = desk_suggester_suggest_finish (DESK_SUGGESTER (object), result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  /* Not cancelled: this is the newest run (starting one cancels the one before). */
  generation = self->running_generation;
  self->suggesting = FALSE;
  g_clear_object (&self->suggest_cancellable);
  g_clear_handle_id (&self->busy_timeout, g_source_remove);
  set_busy (self, self->pending_loads > 0 || self->opening != NULL || self->saving);
  if (results == NULL)
    {
      g_warning ("The suggester failed: %s", error ? error->message : "no reason given");
      return;
    }

  /* The project changed while the suggester ran: another run is scheduled. */
  if (generation != self->generation)
    return;

  self->suggested_generation = generation;
  self->positions_stale = FALSE;
  self->have_results = TRUE;
  add_style_suggestions (self, results);
  replace_suggestions (self, results);
  update_suggestions_state (self);
  desk_sources_panel_refresh (self->sources_panel);
  desk_source_view_refresh (self->source_view);
  _desk_window_update_actions (self);
}

/* Whether there is a draft to suggest against: started from a version or from nothing,
 * or holding text (a project opened, text typed). Before that, every paragraph of every
 * version would be "missing". */
static gboolean
draft_started (DeskWindow *self)
{
  DeskDraft *draft = desk_project_get_draft (self->project);

  return self->started_empty || desk_project_get_draft_source_id (self->project) != NULL ||
         desk_draft_get_n_paragraphs (draft) > 0 ||
         (desk_draft_get_headline (draft) != NULL && desk_draft_get_headline (draft)[0] != '\0');
}

static void
start_suggest (DeskWindow *self)
{
  g_clear_handle_id (&self->suggest_timeout, g_source_remove);

  if (self->suggest_cancellable != NULL)
    {
      g_cancellable_cancel (self->suggest_cancellable);
      g_clear_object (&self->suggest_cancellable);
    }

  if (g_list_model_get_n_items (desk_project_get_sources (self->project)) == 0 ||
      !draft_started (self))
    {
      g_list_store_remove_all (self->suggestions);
      self->suggesting = FALSE;
      self->have_results = FALSE;
      self->suggested_generation = self->generation;
      update_suggestions_state (self);
      _desk_window_update_actions (self);
      return;
    }

  self->suggest_cancellable = g_cancellable_new ();
  self->suggesting = TRUE;
  schedule_busy (self);

  self->running_generation = self->generation;
  desk_suggester_suggest_async (self->suggester, self->project, self->suggest_cancellable,
                                suggest_done_cb, g_object_ref (self));
  update_suggestions_state (self);
  _desk_window_update_actions (self);
}

static gboolean
suggest_timeout_cb (gpointer user_data)
{
  DeskWindow *self = user_data;

  self->suggest_timeout = 0;
  start_suggest (self);
  return G_SOURCE_REMOVE;
}

void
_desk_window_schedule_suggest (DeskWindow *self,
                               guint       delay_ms)
{
  g_clear_handle_id (&self->suggest_timeout, g_source_remove);
  self->suggest_timeout = g_timeout_add (delay_ms, suggest_timeout_cb, self);
}

/* ---- Undo and the draft ---------------------------------------------------------- */

static gboolean
store_timeout_cb (gpointer user_data)
{
  DeskWindow *self = user_data;

  self->store_timeout = 0;
  desk_window_flush_edits (self);
  return G_SOURCE_REMOVE;
}

/* What the editor typed, stored as an undo step named @label. */
static void
flush_edits_as (DeskWindow *self,
                const char *label,
                gboolean    coalesce)
{
  guint n_before;

  g_clear_handle_id (&self->store_timeout, g_source_remove);
  /* The masthead's fields are steps of their own (win.set-masthead), before the typing. */
  desk_draft_view_commit_masthead (self->draft_view);

  n_before = desk_draft_get_n_paragraphs (desk_project_get_draft (self->project));
  desk_undo_stack_begin_decision (self->undo_stack, self->project);
  if (desk_draft_view_store (self->draft_view))
    {
      if (desk_draft_get_n_paragraphs (desk_project_get_draft (self->project)) != n_before)
        self->positions_stale = TRUE;
      desk_undo_stack_end_decision (self->undo_stack, label, coalesce);
      _desk_window_update_actions (self);
    }
  else
    desk_undo_stack_cancel_decision (self->undo_stack);
}

/**
 * desk_window_flush_edits:
 *
 * Stores what the editor typed into the draft now, as one undo step ("Typing", merged
 * with the previous one when they come close together).
 */
void
desk_window_flush_edits (DeskWindow *self)
{
  g_return_if_fail (DESK_IS_WINDOW (self));

  flush_edits_as (self, _("Typing"), TRUE);
}

/* Find and replace: what was typed before is a step of its own, and so is the
 * replacement (not merged with typing). */
static void
find_replacing_cb (DeskWindow *self)
{
  desk_window_flush_edits (self);
}

static void
find_replaced_cb (DeskWindow *self,
                  guint       n)
{
  g_autofree char *title = g_strdup_printf (ngettext ("Replaced %u match", "Replaced %u matches", n), n);

  flush_edits_as (self, n > 1 ? _("Replace All") : _("Replace"), FALSE);
  if (n > 1)
    _desk_window_toast (self, title, _("_Undo"), "win.undo");
}

static void
draft_edited_cb (DeskWindow *self)
{
  g_clear_handle_id (&self->store_timeout, g_source_remove);
  self->store_timeout = g_timeout_add (STORE_DELAY, store_timeout_cb, self);
}

/* A copy of @suggestion at other positions, or with another text (a version). */
static DeskSuggestion *
suggestion_copy (DeskSuggestion *suggestion,
                 const char     *text,
                 int             after,
                 int             target)
{
  DeskSuggestion *copy = desk_suggestion_new (desk_suggestion_get_kind (suggestion),
                                              text ? text : desk_suggestion_get_text (suggestion),
                                              after, target, desk_suggestion_get_score (suggestion));

  desk_suggestion_set_new_text (copy, desk_suggestion_get_new_text (suggestion));
  desk_suggestion_set_draft_text (copy, desk_suggestion_get_draft_text (suggestion));
  for (guint i = 0; i < desk_suggestion_get_n_sources (suggestion); i++)
    desk_suggestion_add_source (copy, desk_suggestion_get_source_id (suggestion, i),
                                desk_suggestion_get_source_name (suggestion, i),
                                desk_suggestion_get_source_block (suggestion, i));
  for (guint i = 0; i < desk_suggestion_get_n_alternatives (suggestion); i++)
    desk_suggestion_add_alternative (copy, desk_suggestion_get_alternative_source (suggestion, i),
                                     desk_suggestion_get_alternative_text (suggestion, i));
  if (text == NULL)
    for (guint i = 0; i < desk_suggestion_get_n_marks (suggestion); i++)
      {
        guint start, end;

        desk_suggestion_get_mark (suggestion, i, &start, &end);
        desk_suggestion_add_mark (copy, start, end);
      }

  return copy;
}

/* After the suggestion at @position went into the draft: the list without it and the
 * others it settled, the rest moved past a paragraph it inserted
 * (desk_suggestions_rebase_after_accept()). */
static void
remove_accepted (DeskWindow *self,
                 guint       position)
{
  GListModel *model = G_LIST_MODEL (self->suggestions);
  g_autoptr(GPtrArray) offered = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) kept = NULL;
  guint n = g_list_model_get_n_items (model);

  for (guint i = 0; i < n; i++)
    g_ptr_array_add (offered, g_list_model_get_item (model, i));
  kept = desk_suggestions_rebase_after_accept (offered, position);

  replace_suggestions (self, kept);
  if (kept->len > 0)
    desk_suggestions_panel_select (self->suggestions_panel, MIN (position, kept->len - 1));
}

/* A decision that no longer fits the draft (it changed under the suggestion): nothing is
 * applied, the open decision is dropped, the editor is told, and the suggestions are
 * computed again. Takes a reference on @selected. */
static void
refuse_stale (DeskWindow     *self,
              DeskSuggestion *selected)
{
  desk_undo_stack_cancel_decision (self->undo_stack);
  _desk_window_toast (self, _("The draft changed there: the suggestion is being computed again"),
                      NULL, NULL);
  g_object_unref (selected);
  self->positions_stale = TRUE;
  _desk_window_schedule_suggest (self, SUGGEST_DELAY_SHORT);
  _desk_window_update_actions (self);
}

/**
 * _desk_window_accept:
 * @version: -1 for the suggestion's own text, else the index of another version
 *
 * Accepts the selected suggestion: one undo step.
 */
gboolean
_desk_window_accept (DeskWindow *self,
                     int         version)
{
  DeskSuggestion *selected;
  g_autoptr(DeskSuggestion) applied = NULL;
  int position;

  desk_window_flush_edits (self);

  position = desk_suggestions_panel_get_selected (self->suggestions_panel);
  selected = _desk_window_get_selected_suggestion (self);
  if (selected == NULL || !desk_suggestion_is_applicable (selected) || self->positions_stale)
    return FALSE;

  if (version >= 0 && (guint)version < desk_suggestion_get_n_alternatives (selected))
    applied = suggestion_copy (selected, desk_suggestion_get_alternative_text (selected, version),
                               desk_suggestion_placed_after (selected),
                               desk_suggestion_placed_target (selected));
  else if (desk_suggestion_placed_after (selected) != desk_suggestion_get_after (selected) ||
           desk_suggestion_placed_target (selected) != desk_suggestion_get_target (selected))
    applied = suggestion_copy (selected, NULL, desk_suggestion_placed_after (selected),
                               desk_suggestion_placed_target (selected));
  else
    applied = g_object_ref (selected);

  g_object_ref (selected);
  desk_undo_stack_begin_decision (self->undo_stack, self->project);
  if (!desk_suggestion_apply (applied, desk_project_get_draft (self->project)))
    {
      refuse_stale (self, selected);
      return FALSE;
    }
  /* The masthead shows the dateline the text brings, in the same undo step. */
  desk_project_fill_dateline (self->project);

  desk_undo_stack_end_decision (self->undo_stack, _("Accept Suggestion"), FALSE);
  desk_draft_view_load (self->draft_view);
  remove_accepted (self, position);
  g_object_unref (selected);

  _desk_window_schedule_suggest (self, SUGGEST_DELAY_SHORT);
  _desk_window_update_actions (self);
  return TRUE;
}

/**
 * _desk_window_use_source_value:
 *
 * Settles the selected conflict with the source's value: the source's sentence takes the
 * place of the draft's (desk_conflict_use_source()). One undo step. The toast says where
 * else the draft still gives the old value.
 */
gboolean
_desk_window_use_source_value (DeskWindow *self)
{
  DeskSuggestion *selected;
  g_autoptr(DeskSuggestion) applied = NULL;
  g_autoptr(GPtrArray) mentions = NULL;
  g_autofree char *source_value = NULL;
  g_autofree char *draft_value = NULL;
  int position;

  desk_window_flush_edits (self);

  position = desk_suggestions_panel_get_selected (self->suggestions_panel);
  selected = _desk_window_get_selected_suggestion (self);
  if (selected == NULL || desk_suggestion_get_kind (selected) != DESK_SUGGESTION_CONFLICT ||
      self->positions_stale)
    return FALSE;

  applied = suggestion_copy (selected, NULL, desk_suggestion_placed_after (selected),
                             desk_suggestion_placed_target (selected));
  g_object_ref (selected);
  desk_undo_stack_begin_decision (self->undo_stack, self->project);
  if (!desk_conflict_use_source (applied, desk_project_get_draft (self->project)))
    {
      refuse_stale (self, selected);
      return FALSE;
    }

  /* The value set aside is settled too: sources that still say it are not a new conflict
   * (as keeping the draft's rejects the source's sentence). */
  desk_project_add_rejected (self->project, desk_suggestion_get_draft_text (applied));
  desk_undo_stack_end_decision (self->undo_stack, _("Use the Source’s Value"), FALSE);
  desk_draft_view_load (self->draft_view);
  remove_accepted (self, position);

  desk_conflict_get_values (applied, &source_value, &draft_value);
  mentions = desk_conflict_find_mentions (applied, desk_project_get_draft (self->project));
  if (mentions->len > 0 && draft_value != NULL)
    {
      DeskMention *first = g_ptr_array_index (mentions, 0);
      g_autofree char *title = g_strdup_printf (ngettext ("%s is still in the draft %u more time: change it too?",
                                                          "%s is still in the draft %u more times: change them too?",
                                                          mentions->len),
                                                draft_value, mentions->len);
      AdwToast *toast = adw_toast_new (title);

      adw_toast_set_button_label (toast, _("_Show"));
      adw_toast_set_action_name (toast, "win.show-mention");
      adw_toast_set_action_target_value (toast, g_variant_new ("(iuu)", first->paragraph,
                                                               first->start, first->end));
      adw_toast_set_timeout (toast, 8);
      adw_toast_overlay_add_toast (self->toast_overlay, toast);
    }
  g_object_unref (selected);

  _desk_window_schedule_suggest (self, SUGGEST_DELAY_SHORT);
  _desk_window_update_actions (self);
  return TRUE;
}

/**
 * _desk_window_reject:
 *
 * Rejects the selected suggestion: its text joins the project's rejected texts, so it is
 * not proposed again. One undo step.
 */
gboolean
_desk_window_reject (DeskWindow *self)
{
  DeskSuggestion *selected;
  int position;
  g_autoptr(GPtrArray) kept = g_ptr_array_new_with_free_func (g_object_unref);
  guint n;

  desk_window_flush_edits (self);

  position = desk_suggestions_panel_get_selected (self->suggestions_panel);
  selected = _desk_window_get_selected_suggestion (self);
  if (selected == NULL)
    return FALSE;

  desk_undo_stack_begin_decision (self->undo_stack, self->project);
  desk_project_add_rejected (self->project, desk_suggestion_get_text (selected));
  desk_undo_stack_end_decision (self->undo_stack,
                                desk_suggestion_get_kind (selected) == DESK_SUGGESTION_CONFLICT
                                ? _("Dismiss Conflict") : _("Reject Suggestion"),
                                FALSE);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->suggestions));
  for (guint i = 0; i < n; i++)
    if (i != (guint)position)
      g_ptr_array_add (kept, g_list_model_get_item (G_LIST_MODEL (self->suggestions), i));
  replace_suggestions (self, kept);
  if (kept->len > 0)
    desk_suggestions_panel_select (self->suggestions_panel, MIN ((guint)position, kept->len - 1));

  _desk_window_toast (self, _("Suggestion rejected"), _("_Undo"), "win.undo");
  _desk_window_schedule_suggest (self, SUGGEST_DELAY_SHORT);
  _desk_window_update_actions (self);
  return TRUE;
}

/**
 * _desk_window_accept_all:
 *
 * Accepts every missing paragraph and addition, as `copydesk-merge merge` does (the
 * core's desk_suggester_accept_all(): suggest, apply, and again until nothing more is
 * offered): one undo step. Conflicts, variants and headlines stay for the editor.
 *
 * Returns: how many suggestions were applied
 */
guint
_desk_window_accept_all (DeskWindow *self)
{
  g_autoptr(GPtrArray) kept = g_ptr_array_new_with_free_func (g_object_unref);
  guint applied;
  guint n;

  desk_window_flush_edits (self);

  desk_undo_stack_begin_decision (self->undo_stack, self->project);
  applied = desk_suggester_accept_all (self->suggester, self->project);
  if (applied == 0)
    {
      desk_undo_stack_cancel_decision (self->undo_stack);
      return 0;
    }

  desk_undo_stack_end_decision (self->undo_stack, _("Accept All"), FALSE);
  desk_draft_view_load (self->draft_view);

  /* What is left waits for the suggester: its positions moved. */
  n = g_list_model_get_n_items (G_LIST_MODEL (self->suggestions));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(DeskSuggestion) suggestion = g_list_model_get_item (G_LIST_MODEL (self->suggestions), i);
      DeskSuggestionKind kind = desk_suggestion_get_kind (suggestion);

      if (kind != DESK_SUGGESTION_MISSING && kind != DESK_SUGGESTION_ADDITION)
        g_ptr_array_add (kept, g_object_ref (suggestion));
    }
  replace_suggestions (self, kept);
  self->positions_stale = TRUE;

  {
    g_autofree char *title = g_strdup_printf (ngettext ("%u suggestion accepted", "%u suggestions accepted",
                                                        applied), applied);
    _desk_window_toast (self, title, _("_Undo"), "win.undo");
  }

  _desk_window_schedule_suggest (self, SUGGEST_DELAY_SHORT);
  _desk_window_update_actions (self);
  return applied;
}

/**
 * _desk_window_apply_house_style:
 *
 * Puts the whole draft, the editor's own text included, into the project's house style
 * (desk_style_apply_to_draft()): one undo step.
 *
 * Returns: how many paragraphs (and the headline) changed
 */
guint
_desk_window_apply_house_style (DeskWindow *self)
{
  guint changed;

  desk_window_flush_edits (self);

  desk_undo_stack_begin_decision (self->undo_stack, self->project);
  changed = desk_style_apply_to_draft (desk_project_get_style (self->project),
                                       desk_project_get_draft (self->project));
  if (changed == 0)
    {
      desk_undo_stack_cancel_decision (self->undo_stack);
      _desk_window_toast (self, _("The draft is in house style already"), NULL, NULL);
      return 0;
    }

  desk_undo_stack_end_decision (self->undo_stack, _("Apply House Style"), FALSE);
  desk_draft_view_load (self->draft_view);

  {
    g_autofree char *title = g_strdup_printf (ngettext ("%u paragraph put in house style",
                                                        "%u paragraphs put in house style",
                                                        changed), changed);
    _desk_window_toast (self, title, _("_Undo"), "win.undo");
  }

  _desk_window_schedule_suggest (self, SUGGEST_DELAY_SHORT);
  _desk_window_update_actions (self);
  return changed;
}

/**
 * _desk_window_sync_house_style:
 *
 * Shows the project's house style in the house.* actions, and gives it the spelling
 * dictionaries when it respells. Without them the spelling goes back to as written and a
 * toast says why.
 */
void
_desk_window_sync_house_style (DeskWindow *self)
{
  DeskStyle *style = desk_project_get_style (self->project);
  GAction *action;

  /* The dictionaries also pair the spellings of style suggestions: given to every
   * project's style, needed when it respells. */
  if (!desk_style_can_respell (style))
    {
      g_autoptr(GError) error = NULL;

      if (!desk_varieties_install (style, &error) &&
          desk_style_get_spelling (style) != DESK_STYLE_SPELLING_AS_WRITTEN)
        {
          desk_style_set_spelling (style, DESK_STYLE_SPELLING_AS_WRITTEN);
          _desk_window_toast (self, error->message, NULL, NULL);
        }
    }

  action = g_action_map_lookup_action (G_ACTION_MAP (self->house_actions), "punctuation");
  g_simple_action_set_state (G_SIMPLE_ACTION (action),
                             g_variant_new_string (desk_style_punctuation_to_string (desk_style_get_punctuation (style))));
  action = g_action_map_lookup_action (G_ACTION_MAP (self->house_actions), "spelling");
  g_simple_action_set_state (G_SIMPLE_ACTION (action),
                             g_variant_new_string (desk_style_spelling_to_string (desk_style_get_spelling (style))));
  action = g_action_map_lookup_action (G_ACTION_MAP (self->house_actions), "dateline");
  g_simple_action_set_state (G_SIMPLE_ACTION (action),
                             g_variant_new_string (desk_style_dateline_to_string (desk_style_get_dateline (style))));

  /* The dash form and the no-break spaces are typographic punctuation's. */
  action = g_action_map_lookup_action (G_ACTION_MAP (self->house_actions), "dash");
  g_simple_action_set_state (G_SIMPLE_ACTION (action),
                             g_variant_new_string (desk_style_dash_to_string (desk_style_get_dash (style))));
  g_simple_action_set_enabled (G_SIMPLE_ACTION (action),
                               desk_style_get_punctuation (style) == DESK_STYLE_PUNCTUATION_TYPOGRAPHIC);
  action = g_action_map_lookup_action (G_ACTION_MAP (self->house_actions), "nbsp");
  g_simple_action_set_state (G_SIMPLE_ACTION (action),
                             g_variant_new_string (desk_style_nbsp_to_string (desk_style_get_nbsp (style))));
  g_simple_action_set_enabled (G_SIMPLE_ACTION (action),
                               desk_style_get_punctuation (style) == DESK_STYLE_PUNCTUATION_TYPOGRAPHIC);
}

void
_desk_window_undo (DeskWindow *self,
                   gboolean    redo)
{
  DeskDraftState *state;

  desk_window_flush_edits (self);

  state = redo ? desk_undo_stack_redo (self->undo_stack) : desk_undo_stack_undo (self->undo_stack);
  if (state == NULL)
    return;

  desk_draft_state_restore (state, self->project);
  desk_draft_view_load (self->draft_view);
  self->positions_stale = TRUE;
  _desk_window_schedule_suggest (self, SUGGEST_DELAY_SHORT);
  _desk_window_update_actions (self);
}

void
_desk_window_start_draft (DeskWindow *self,
                          const char *source_id)
{
  DeskSource *source = NULL;

  desk_window_flush_edits (self);

  if (source_id != NULL && source_id[0] != '\0')
    {
      source = desk_project_find_source (self->project, source_id);
      if (source == NULL)
        return;
    }

  desk_undo_stack_begin_decision (self->undo_stack, self->project);
  if (source != NULL)
    desk_project_start_draft_from (self->project, source);
  else
    self->started_empty = TRUE;

  desk_undo_stack_end_decision (self->undo_stack, _("Start the Draft"), FALSE);
  desk_draft_view_load (self->draft_view);
  desk_draft_view_set_start_choices (self->draft_view, FALSE);
  desk_sources_panel_refresh (self->sources_panel);
  self->positions_stale = TRUE;
  _desk_window_schedule_suggest (self, SUGGEST_DELAY_SHORT);
  _desk_window_update_actions (self);
}

/* ---- The sources ----------------------------------------------------------------- */

void
_desk_window_show_source (DeskWindow *self,
                          const char *source_id)
{
  DeskSource *source = source_id ? desk_project_find_source (self->project, source_id) : NULL;

  if (source == NULL)
    {
      gtk_stack_set_visible_child_name (self->sidebar_stack, "list");
      gtk_widget_set_size_request (GTK_WIDGET (self->sidebar_stack), LIST_WIDTH, -1);
      desk_sources_panel_select_source (self->sources_panel, NULL);
      return;
    }

  desk_source_view_set_source (self->source_view, self->project, source, G_LIST_MODEL (self->suggestions));
  gtk_stack_set_visible_child_name (self->sidebar_stack, "source");
  /* A source is read in a column as wide as a newspaper's: wider than the list. */
  gtk_widget_set_size_request (GTK_WIDGET (self->sidebar_stack), SOURCE_WIDTH, -1);
  desk_sources_panel_select_source (self->sources_panel, source_id);
  adw_flap_set_reveal_flap (self->sources_flap, TRUE);

  /* The block the selected suggestion comes from, if it is this source's. */
  {
    DeskSuggestion *selected = _desk_window_get_selected_suggestion (self);

    if (selected != NULL)
      for (guint i = 0; i < desk_suggestion_get_n_sources (selected); i++)
        if (g_strcmp0 (desk_suggestion_get_source_id (selected, i), source_id) == 0)
          {
            desk_source_view_focus_block (self->source_view, desk_suggestion_get_source_block (selected, i));
            break;
          }
  }
}

void
_desk_window_remove_source (DeskWindow *self,
                            const char *source_id)
{
  GListModel *sources = desk_project_get_sources (self->project);
  g_autofree char *label = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (sources); i++)
    {
      g_autoptr(DeskSource) source = g_list_model_get_item (sources, i);

      if (g_strcmp0 (desk_source_get_id (source), source_id) != 0)
        continue;

      label = desk_source_dup_label (source);
      if (desk_source_view_get_source (self->source_view) == source)
        _desk_window_show_source (self, NULL);
      desk_project_remove_source (self->project, i);
      break;
    }

  if (label != NULL)
    {
      g_autofree char *title = g_strdup_printf (_("“%s” removed; the draft keeps what it took from it"), label);
      _desk_window_toast (self, title, NULL, NULL);
    }
}

static void
maybe_offer_start (DeskWindow *self)
{
  DeskDraft *draft = desk_project_get_draft (self->project);
  gboolean empty = desk_draft_get_n_paragraphs (draft) == 0 &&
                   (desk_draft_get_headline (draft) == NULL || desk_draft_get_headline (draft)[0] == '\0');
  gboolean offer = empty && !self->started_empty &&
                   desk_project_get_draft_source_id (self->project) == NULL &&
                   g_list_model_get_n_items (desk_project_get_sources (self->project)) > 0;

  desk_draft_view_set_start_choices (self->draft_view, offer);
}

typedef struct
{
  DeskWindow *window;
  GFile      *file;
  GPtrArray  *stories;   /* DeskSource: every story the file holds */
  GError     *error;
  guint       index;
  gboolean    done;
} PendingSource;

typedef struct
{
  DeskWindow *window;
  GPtrArray  *pending;   /* PendingSource, in the order given */
  guint       n_done;
  gboolean    first_starts_draft;
} SourceBatch;

static void
source_batch_free (SourceBatch *batch)
{
  for (guint i = 0; i < batch->pending->len; i++)
    {
      PendingSource *pending = g_ptr_array_index (batch->pending, i);

      g_clear_object (&pending->file);
      g_clear_pointer (&pending->stories, g_ptr_array_unref);
      g_clear_error (&pending->error);
      g_free (pending);
    }
  g_ptr_array_unref (batch->pending);
  g_object_unref (batch->window);
  g_free (batch);
}

/* All files of a batch are read: add them in the order given, so the list and the
 * command line agree, and say what could not be read. */
static void
finish_batch (SourceBatch *batch)
{
  DeskWindow *self = batch->window;

  /* The window closed while the files were read. */
  if (self->cancellable == NULL || g_cancellable_is_cancelled (self->cancellable))
    {
      source_batch_free (batch);
      return;
    }

  g_autoptr(GString) errors = g_string_new (NULL);
  g_autoptr(GPtrArray) sources = g_ptr_array_new ();
  DeskSource *first = NULL;
  guint added = 0;
  guint n_failed = 0;
  guint n_before = g_list_model_get_n_items (desk_project_get_sources (self->project));

  for (guint i = 0; i < batch->pending->len; i++)
    {
      PendingSource *pending = g_ptr_array_index (batch->pending, i);

      if (pending->stories == NULL)
        {
          if (errors->len > 0)
            g_string_append_c (errors, '\n');
          g_string_append (errors, pending->error ? pending->error->message : _("Unknown error"));
          n_failed++;
          continue;
        }

      /* A news message with several stories gives a source for each. */
      for (guint k = 0; k < pending->stories->len; k++)
        g_ptr_array_add (sources, g_ptr_array_index (pending->stories, k));
    }

  /* One change for the whole batch: the credits, the sources panel and the suggester
   * follow it once, not once a source. */
  added = desk_project_add_sources (self->project, (DeskSource **)sources->pdata, sources->len);
  if (added > 0)
    {
      GListModel *list = desk_project_get_sources (self->project);

      first = g_list_model_get_item (list, n_before);
      g_object_unref (first);  /* the project keeps it */
    }

  self->pending_loads--;
  if (self->pending_loads == 0)
    self->files_to_read = self->files_read = 0;
  desk_sources_panel_set_reading (self->sources_panel, self->files_read, self->files_to_read);
  if (gtk_widget_get_visible (GTK_WIDGET (self->spinner)))
    set_busy (self, self->suggesting || self->pending_loads > 0 || self->opening != NULL ||
                    self->saving);
  if (first != NULL && batch->first_starts_draft && !draft_started (self))
    {
      /* Versions opened into a window without a draft, by any route: the first one chosen
       * is the draft, as in copydesk-merge (the start menu offers the others). */
      desk_project_start_draft_from (self->project, first);
      desk_draft_view_load (self->draft_view);
      desk_sources_panel_refresh (self->sources_panel);
    }

  /* The batch is whole: nothing more is coming that a delay would wait for (the delays
   * are for typing), so the suggester starts now, once, rather than after the half second
   * that the draft starting on top of the sources being added would otherwise ask. */
  if (added > 0)
    _desk_window_schedule_suggest (self, SUGGEST_DELAY_SHORT);

  if (errors->len > 0)
    {
      AdwMessageDialog *dialog;

      dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self),
                                                           ngettext ("A File Could Not Be Read",
                                                                     "Some Files Could Not Be Read",
                                                                     n_failed),
                                                           errors->str));
      adw_message_dialog_add_response (dialog, "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (dialog));
    }
  else if (added > 0 && n_before > 0)
    {
      g_autofree char *title = g_strdup_printf (ngettext ("%u source added", "%u sources added", added), added);
      _desk_window_toast (self, title, NULL, NULL);
    }

  maybe_offer_start (self);
  _desk_window_update_actions (self);
  source_batch_free (batch);
}

typedef struct
{
  SourceBatch   *batch;
  PendingSource *pending;
} LoadClosure;

static void
load_one_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  LoadClosure *closure = user_data;
  SourceBatch *batch = closure->batch;
  PendingSource *pending = closure->pending;

  g_free (closure);
  pending->stories = desk_source_new_all_for_file_finish (result, &pending->error);
  pending->done = TRUE;

  /* The window may have closed meanwhile: then only the batch is left to free. */
  if (batch->window->cancellable != NULL && !g_cancellable_is_cancelled (batch->window->cancellable))
    {
      batch->window->files_read++;
      desk_sources_panel_set_reading (batch->window->sources_panel, batch->window->files_read,
                                      batch->window->files_to_read);
    }

  if (++batch->n_done == batch->pending->len)
    finish_batch (batch);
}

/**
 * desk_window_add_files:
 * @first_starts_draft: whether the first file starts the draft when the draft is empty
 *
 * Reads @files in the background and adds them as sources, in order.
 */
void
desk_window_add_files (DeskWindow  *self,
                       GFile      **files,
                       guint        n_files,
                       gboolean     first_starts_draft)
{
  SourceBatch *batch;

  g_return_if_fail (DESK_IS_WINDOW (self));

  if (n_files == 0)
    return;

  batch = g_new0 (SourceBatch, 1);
  batch->window = g_object_ref (self);
  batch->pending = g_ptr_array_new ();
  batch->first_starts_draft = first_starts_draft;
  self->pending_loads++;
  self->files_to_read += n_files;
  desk_sources_panel_set_reading (self->sources_panel, self->files_read, self->files_to_read);
  schedule_busy (self);
  for (guint i = 0; i < n_files; i++)
    {
      PendingSource *pending = g_new0 (PendingSource, 1);

      pending->window = self;
      pending->file = g_object_ref (files[i]);
      pending->index = i;
      g_ptr_array_add (batch->pending, pending);
    }

  for (guint i = 0; i < n_files; i++)
    {
      LoadClosure *closure = g_new0 (LoadClosure, 1);

      closure->batch = batch;
      closure->pending = g_ptr_array_index (batch->pending, i);
      desk_source_new_all_for_file_async (files[i], 0, self->cancellable, load_one_cb, closure);
    }

}

/**
 * desk_window_add_text:
 * @name: (nullable): what to call the source; "Pasted HH:MM" by default
 *
 * Adds pasted or dropped text as a source.
 */
void
desk_window_add_text (DeskWindow *self,
                      const char *text,
                      const char *name)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(DeskSource) source = NULL;
  g_autofree char *default_name = NULL;

  g_return_if_fail (DESK_IS_WINDOW (self));
  g_return_if_fail (text != NULL);

  if (name == NULL)
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();
      g_autofree char *time = g_date_time_format (now, "%H:%M:%S");

      /* Translators: the name of a source made from pasted text; %s is the time */
      default_name = g_strdup_printf (_("Pasted %s"), time);
      name = default_name;
    }

  bytes = g_bytes_new (text, strlen (text));
  source = desk_source_new_from_bytes (bytes, name, DESK_SOURCE_ORIGIN_PASTE, &error);
  if (source == NULL)
    {
      g_autofree char *title = g_strdup_printf (_("The pasted text was not added: %s"), error->message);
      _desk_window_toast (self, title, NULL, NULL);
      return;
    }

  if (desk_project_find_source (self->project, desk_source_get_id (source)) != NULL)
    {
      _desk_window_toast (self, _("That text is already a source"), NULL, NULL);
      return;
    }

  desk_project_add_source (self->project, source);
  _desk_window_toast (self, _("Pasted text added as a source"), NULL, NULL);
  maybe_offer_start (self);
  _desk_window_update_actions (self);
}

/* ---- Following the project ------------------------------------------------------- */

static gboolean
refresh_idle_cb (gpointer user_data)
{
  DeskWindow *self = user_data;

  self->refresh_idle = 0;
  desk_sources_panel_refresh (self->sources_panel);
  desk_source_view_refresh (self->source_view);
  desk_draft_view_refresh_margin (self->draft_view);
  _desk_window_update_title (self);
  return G_SOURCE_REMOVE;
}

static void
autosave_cb (DeskWindow *self)
{
  if (self->modified && desk_project_files_available ())
    desk_session_write_async (self->session, self->project);
}

static guint
autosave_delay (DeskWindow *self)
{
  return MAX (1u, g_settings_get_uint (self->settings, "autosave-delay"));
}

static gboolean
autosave_timeout_cb (gpointer user_data)
{
  DeskWindow *self = user_data;

  g_object_set_data (G_OBJECT (self), "desk-autosave-timeout", NULL);
  autosave_cb (self);
  return G_SOURCE_REMOVE;
}

static void
schedule_autosave (DeskWindow *self)
{
  guint id = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (self), "desk-autosave-timeout"));

  /* The first change after a pause starts the clock; later ones do not push it back, so
   * steady typing is saved every few seconds. */
  if (id != 0)
    return;
  id = g_timeout_add_seconds (autosave_delay (self), autosave_timeout_cb, self);
  g_object_set_data (G_OBJECT (self), "desk-autosave-timeout", GUINT_TO_POINTER (id));
}

static void
cancel_autosave (DeskWindow *self)
{
  guint id = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (self), "desk-autosave-timeout"));

  if (id != 0)
    g_source_remove (id);
  g_object_set_data (G_OBJECT (self), "desk-autosave-timeout", NULL);
}

gboolean
desk_window_autosave_now (DeskWindow  *self,
                          GError     **error)
{
  g_return_val_if_fail (DESK_IS_WINDOW (self), FALSE);

  desk_window_flush_edits (self);
  cancel_autosave (self);
  return desk_session_write (self->session, self->project, error);
}

/* The empty state, or the workplace; the panel toggles only make sense in the latter. */
static void
show_page (DeskWindow *self)
{
  gboolean work = g_list_model_get_n_items (desk_project_get_sources (self->project)) > 0;

  gtk_stack_set_visible_child_name (self->main_stack, work ? "work" : "empty");
  gtk_widget_set_visible (GTK_WIDGET (self->sources_button), work);
  gtk_widget_set_visible (GTK_WIDGET (self->suggestions_button), work);
}

static void
project_changed_cb (DeskWindow *self)
{
  self->generation++;

  if (!self->loading)
    {
      if (!self->modified)
        {
          self->modified = TRUE;
          _desk_window_update_title (self);
        }
      schedule_autosave (self);
    }

  _desk_window_schedule_suggest (self, self->suggest_timeout ? SUGGEST_DELAY : SUGGEST_DELAY_SHORT * 5);
  if (self->refresh_idle == 0)
    self->refresh_idle = g_idle_add (refresh_idle_cb, self);
  show_page (self);
}

void
_desk_window_update_title (DeskWindow *self)
{
  guint n_sources = g_list_model_get_n_items (desk_project_get_sources (self->project));
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *window_title = NULL;
  const char *headline = desk_draft_get_headline (desk_project_get_draft (self->project));

  if (self->file != NULL)
    {
      g_autofree char *base = g_file_get_basename (self->file);

      if (g_str_has_suffix (base, ".copydesk"))
        base[strlen (base) - strlen (".copydesk")] = '\0';
      title = g_strdup (base);
    }
  else if (headline != NULL && headline[0] != '\0')
    title = g_strdup (headline);
  else
    title = g_strdup (_("New Roundup"));

  if (n_sources == 0)
    subtitle = g_strdup ("");
  else
    {
      g_autofree char *count = g_strdup_printf (ngettext ("%u source", "%u sources", n_sources), n_sources);

      subtitle = g_strdup_printf ("%s%s", count,
                                  self->modified ? (self->file ? _(" · modified") : _(" · not saved")) : "");
    }

  adw_window_title_set_title (self->window_title, title);
  adw_window_title_set_subtitle (self->window_title, subtitle);
  window_title = g_strdup_printf ("%s%s — Copydesk", self->modified ? "• " : "", title);
  gtk_window_set_title (GTK_WINDOW (self), window_title);
}

/* Below this width the sources give way first: draft and suggestions are the work. */
#define NARROW_WIDTH 1000

static gboolean
fold_update_cb (gpointer user_data)
{
  DeskWindow *self = user_data;
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  AdwFlapFoldPolicy policy;

  self->fold_idle = 0;

  if (width <= 0)
    gtk_window_get_default_size (GTK_WINDOW (self), &width, NULL);
  policy = width > 0 && width < NARROW_WIDTH ? ADW_FLAP_FOLD_POLICY_ALWAYS : ADW_FLAP_FOLD_POLICY_AUTO;
  if (adw_flap_get_fold_policy (self->sources_flap) != policy)
    adw_flap_set_fold_policy (self->sources_flap, policy);

  gtk_widget_set_visible (self->credits_button, !adw_flap_get_folded (self->suggestions_flap));
  return G_SOURCE_REMOVE;
}

static void
queue_fold_update (DeskWindow *self)
{
  if (self->fold_idle == 0)
    self->fold_idle = g_idle_add (fold_update_cb, self);
}

static void
selection_changed_cb (DeskWindow *self)
{
  DeskSuggestion *selected = _desk_window_get_selected_suggestion (self);
  DeskSource *shown = desk_source_view_get_source (self->source_view);
  int block = -1;

  desk_draft_view_show_suggestion (self->draft_view, selected);

  if (selected != NULL && shown != NULL)
    for (guint i = 0; i < desk_suggestion_get_n_sources (selected); i++)
      if (g_strcmp0 (desk_suggestion_get_source_id (selected, i), desk_source_get_id (shown)) == 0)
        {
          block = desk_suggestion_get_source_block (selected, i);
          break;
        }
  desk_source_view_focus_block (self->source_view, block);

  _desk_window_update_actions (self);
}

/**
 * _desk_window_set_project:
 * @file: (nullable): where @project is saved
 *
 * Shows @project; forgets the undo history of the one before.
 */
void
_desk_window_set_project (DeskWindow  *self,
                          DeskProject *project,
                          GFile       *file)
{
  g_return_if_fail (DESK_IS_PROJECT (project));

  g_clear_handle_id (&self->store_timeout, g_source_remove);
  if (self->project != NULL)
    g_signal_handlers_disconnect_by_data (self->project, self);
  if (self->suggest_cancellable != NULL)
    {
      g_cancellable_cancel (self->suggest_cancellable);
      g_clear_object (&self->suggest_cancellable);
    }
  self->suggesting = FALSE;

  g_set_object (&self->project, project);
  g_set_object (&self->file, file);
  desk_session_set_project_file (self->session, file);
  self->modified = FALSE;
  self->started_empty = FALSE;
  self->have_results = FALSE;
  self->positions_stale = FALSE;
  self->generation++;

  /* A new project takes the preferred organisation order, credit style and house style;
   * a saved one keeps its own. */
  if (file == NULL && g_list_model_get_n_items (desk_project_get_sources (project)) == 0)
    {
      g_auto(GStrv) order = g_settings_get_strv (self->settings, "organization-order");
      g_autofree char *style_name = g_settings_get_string (self->settings, "credit-style");
      DeskCreditStyle style;

      if (desk_project_get_organization_order (project)[0] == NULL)
        desk_project_set_organization_order (project, (const char * const *)order);
      g_autofree char *punctuation_name = g_settings_get_string (self->settings, "house-punctuation");
      g_autofree char *spelling_name = g_settings_get_string (self->settings, "house-spelling");
      g_autofree char *dateline_name = g_settings_get_string (self->settings, "house-dateline");
      g_autofree char *dash_name = g_settings_get_string (self->settings, "house-dash");
      g_autofree char *nbsp_name = g_settings_get_string (self->settings, "house-nbsp");
      DeskStyle *house = desk_project_get_style (project);
      DeskStylePunctuation punctuation;
      DeskStyleSpelling spelling;
      DeskStyleDateline dateline;
      DeskStyleDash dash;
      DeskStyleNbsp nbsp;

      if (desk_credit_style_from_string (style_name, &style))
        desk_credits_set_style (desk_project_get_credits (project), style);

      /* The house style last chosen. */
      if (desk_style_punctuation_from_string (punctuation_name, &punctuation))
        desk_style_set_punctuation (house, punctuation);
      if (desk_style_spelling_from_string (spelling_name, &spelling))
        desk_style_set_spelling (house, spelling);
      if (desk_style_dateline_from_string (dateline_name, &dateline))
        desk_style_set_dateline (house, dateline);
      if (desk_style_dash_from_string (dash_name, &dash))
        desk_style_set_dash (house, dash);
      if (desk_style_nbsp_from_string (nbsp_name, &nbsp))
        desk_style_set_nbsp (house, nbsp);
    }
  _desk_window_sync_house_style (self);

  g_list_store_remove_all (self->suggestions);
  desk_undo_stack_clear (self->undo_stack);

  self->loading = TRUE;
  desk_draft_view_set_project (self->draft_view, project);
  desk_sources_panel_set_project (self->sources_panel, project, G_LIST_MODEL (self->suggestions));
  desk_suggestions_panel_set_model (self->suggestions_panel, G_LIST_MODEL (self->suggestions), project);
  self->loading = FALSE;
  _desk_window_show_source (self, NULL);

  g_signal_connect_object (project, "changed", G_CALLBACK (project_changed_cb), self, G_CONNECT_SWAPPED);

  show_page (self);
  maybe_offer_start (self);
  update_suggestions_state (self);
  _desk_window_update_title (self);
  _desk_window_schedule_suggest (self, 0);
  _desk_window_update_actions (self);
}

void
_desk_window_toast (DeskWindow *self,
                    const char *title,
                    const char *action_label,
                    const char *action_name)
{
  AdwToast *toast = adw_toast_new (title);

  if (action_label != NULL)
    {
      adw_toast_set_button_label (toast, action_label);
      adw_toast_set_action_name (toast, action_name);
    }
  adw_toast_set_timeout (toast, 4);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

void
_desk_window_show_banner (DeskWindow *self,
                          const char *text)
{
  if (text != NULL)
    gtk_label_set_label (self->banner_label, text);
  gtk_revealer_set_reveal_child (self->banner_revealer, text != NULL);
}

/* ---- Settings -------------------------------------------------------------------- */

static void
aliases_changed_cb (DeskWindow *self)
{
  g_autoptr(DeskAliases) aliases = desk_aliases_new_default ();
  g_autofree char *table = g_settings_get_string (self->settings, "aliases");
  g_autoptr(GError) error = NULL;

  if (table[0] != '\0' && !desk_aliases_load_from_data (aliases, table, &error))
    g_message ("The alias table in the preferences has a mistake: %s", error->message);
  desk_suggester_set_aliases (self->suggester, aliases);
  g_set_object (&self->aliases, aliases);
  desk_suggester_set_show_variants (self->suggester, g_settings_get_boolean (self->settings, "show-variants"));
  if (self->project != NULL)
    _desk_window_schedule_suggest (self, SUGGEST_DELAY_SHORT);
}

static void
organization_order_changed_cb (DeskWindow *self)
{
  g_auto(GStrv) order = g_settings_get_strv (self->settings, "organization-order");

  if (self->project != NULL)
    desk_project_set_organization_order (self->project, (const char * const *)order);
}

static void
spell_check_changed_cb (DeskWindow *self)
{
  desk_draft_view_set_spell_checking (self->draft_view, g_settings_get_boolean (self->settings, "spell-check"));
}

/* ---- The widget ------------------------------------------------------------------ */

static void
desk_window_dispose (GObject *object)
{
  DeskWindow *self = (DeskWindow *)object;

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  if (self->suggest_cancellable != NULL)
    g_cancellable_cancel (self->suggest_cancellable);
  g_clear_handle_id (&self->suggest_timeout, g_source_remove);
  g_clear_handle_id (&self->busy_timeout, g_source_remove);
  g_clear_handle_id (&self->store_timeout, g_source_remove);
  g_clear_handle_id (&self->refresh_idle, g_source_remove);
  g_clear_handle_id (&self->fold_idle, g_source_remove);
  cancel_autosave (self);
  if (self->project != NULL)
    g_signal_handlers_disconnect_by_data (self->project, self);
  g_clear_weak_pointer (&self->refusal_toast);

  gtk_widget_dispose_template (GTK_WIDGET (self), DESK_TYPE_WINDOW);

  g_clear_object (&self->suggest_cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->project);
  g_clear_object (&self->file);
  g_clear_object (&self->opening);
  g_clear_object (&self->undo_stack);
  g_clear_object (&self->session);
  g_clear_object (&self->settings);
  g_clear_object (&self->suggester);
  g_clear_object (&self->house_actions);
  g_clear_object (&self->aliases);
  g_clear_object (&self->suggestions);

  G_OBJECT_CLASS (desk_window_parent_class)->dispose (object);
}

static void
desk_window_class_init (DeskWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = desk_window_dispose;

  g_type_ensure (DESK_TYPE_DRAFT_VIEW);
  g_type_ensure (DESK_TYPE_SOURCE_VIEW);
  g_type_ensure (DESK_TYPE_SOURCES_PANEL);
  g_type_ensure (DESK_TYPE_SUGGESTIONS_PANEL);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/copydesk/Copydesk/ui/desk-window.ui");
  gtk_widget_class_bind_template_child (widget_class, DeskWindow, header_bar);
  gtk_widget_class_bind_template_child (widget_class, DeskWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, DeskWindow, sources_button);
  gtk_widget_class_bind_template_child (widget_class, DeskWindow, suggestions_button);
  gtk_widget_class_bind_template_child (widget_class, DeskWindow, spinner);
  gtk_widget_class_bind_template_child (widget_class, DeskWindow, credits_button);
  gtk_widget_class_bind_template_child (widget_class, DeskWindow, banner_revealer);
  gtk_widget_class_bind_template_child (widget_class, DeskWindow, banner_label);
  gtk_widget_class_bind_template_child (widget_class, DeskWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, DeskWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, DeskWindow, empty_page);
  gtk_widget_class_bind_template_child (widget_class, DeskWindow, sample_button);
  gtk_widget_class_bind_template_child (widget_class, DeskWindow, recent_list);
  gtk_widget_class_bind_template_child (widget_class, DeskWindow, recent_group);
  gtk_widget_class_bind_template_child (widget_class, DeskWindow, sources_flap);
  gtk_widget_class_bind_template_child (widget_class, DeskWindow, suggestions_flap);
  gtk_widget_class_bind_template_child (widget_class, DeskWindow, sidebar_stack);
  gtk_widget_class_bind_template_child (widget_class, DeskWindow, sources_panel);
  gtk_widget_class_bind_template_child (widget_class, DeskWindow, source_view);
  gtk_widget_class_bind_template_child (widget_class, DeskWindow, draft_view);
  gtk_widget_class_bind_template_child (widget_class, DeskWindow, suggestions_panel);
  gtk_widget_class_bind_template_child_full (widget_class, "recent_section", FALSE,
                                             G_STRUCT_OFFSET (DeskWindow, recent_menu));

  _desk_window_class_actions_init (widget_class);
}

static void
desk_window_init (DeskWindow *self)
{
  g_autoptr(DeskProject) project = desk_project_new ();

  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (APP_ID);
  self->cancellable = g_cancellable_new ();
  self->undo_stack = desk_undo_stack_new ();
  self->session = desk_session_new (NULL);
  self->suggester = desk_suggester_new ();
  self->suggestions = g_list_store_new (DESK_TYPE_SUGGESTION);

  g_object_bind_property (self->sources_button, "active", self->sources_flap, "reveal-flap",
                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  g_object_bind_property (self->suggestions_button, "active", self->suggestions_flap, "reveal-flap",
                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), FALSE);
  /* Narrow: the credits stay in the main menu, the title gets the room. The flap folds
   * while it is laid out: the header bar changes after that, not during. */
  g_signal_connect_object (self->suggestions_flap, "notify::folded", G_CALLBACK (queue_fold_update), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self, "notify::default-width", G_CALLBACK (queue_fold_update), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self, "notify::maximized", G_CALLBACK (queue_fold_update), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self, "notify::fullscreened", G_CALLBACK (queue_fold_update), self, G_CONNECT_SWAPPED);

  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));
  g_object_set_data (G_OBJECT (self), "desk-toast-overlay", self->toast_overlay);

  g_signal_connect_object (self->draft_view, "edited", G_CALLBACK (draft_edited_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (desk_draft_view_get_find_bar (self->draft_view), "replacing",
                           G_CALLBACK (find_replacing_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (desk_draft_view_get_find_bar (self->draft_view), "replaced",
                           G_CALLBACK (find_replaced_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->suggestions_panel, "notify::selected",
                            G_CALLBACK (selection_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->undo_stack, "notify::can-undo",
                            G_CALLBACK (_desk_window_update_actions), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->undo_stack, "notify::can-redo",
                            G_CALLBACK (_desk_window_update_actions), self, G_CONNECT_SWAPPED);

  g_signal_connect_object (self->settings, "changed::aliases", G_CALLBACK (aliases_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->settings, "changed::show-variants", G_CALLBACK (aliases_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->settings, "changed::organization-order",
                            G_CALLBACK (organization_order_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->settings, "changed::spell-check", G_CALLBACK (spell_check_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->settings, "changed::recent-projects",
                            G_CALLBACK (_desk_window_update_recent), self, G_CONNECT_SWAPPED);
  aliases_changed_cb (self);
  spell_check_changed_cb (self);

  desk_shortcuts_add_window_controller (GTK_WIDGET (self), _desk_window_activate_shortcut);
  _desk_window_actions_init (self);

  _desk_window_set_project (self, project, NULL);
  _desk_window_update_recent (self);
}

DeskWindow *
desk_window_new (GtkApplication *application)
{
  return g_object_new (DESK_TYPE_WINDOW, "application", application, NULL);
}

DeskProject *
desk_window_get_project (DeskWindow *self)
{
  g_return_val_if_fail (DESK_IS_WINDOW (self), NULL);
  return self->project;
}

/**
 * desk_window_get_file:
 *
 * Returns: (transfer none) (nullable): where the project is saved
 */
GFile *
desk_window_get_file (DeskWindow *self)
{
  g_return_val_if_fail (DESK_IS_WINDOW (self), NULL);
  return self->file;
}

gboolean
desk_window_get_modified (DeskWindow *self)
{
  g_return_val_if_fail (DESK_IS_WINDOW (self), FALSE);
  return self->modified;
}

/**
 * desk_window_is_empty:
 *
 * Returns: whether the window shows nothing yet (a place to open files into)
 */
gboolean
desk_window_is_empty (DeskWindow *self)
{
  g_return_val_if_fail (DESK_IS_WINDOW (self), FALSE);

  return self->file == NULL && !self->modified && self->pending_loads == 0 &&
         self->opening == NULL && g_list_model_get_n_items (desk_project_get_sources (self->project)) == 0;
}

GListModel *
desk_window_get_suggestions (DeskWindow *self)
{
  g_return_val_if_fail (DESK_IS_WINDOW (self), NULL);
  return G_LIST_MODEL (self->suggestions);
}

int
desk_window_get_selected (DeskWindow *self)
{
  g_return_val_if_fail (DESK_IS_WINDOW (self), -1);
  return desk_suggestions_panel_get_selected (self->suggestions_panel);
}

void
desk_window_select (DeskWindow *self,
                    int         position)
{
  g_return_if_fail (DESK_IS_WINDOW (self));
  desk_suggestions_panel_select (self->suggestions_panel, position);
}

gboolean
desk_window_is_busy (DeskWindow *self)
{
  g_return_val_if_fail (DESK_IS_WINDOW (self), FALSE);
  return self->suggesting;
}

/**
 * desk_window_is_settled:
 *
 * Returns: whether nothing is pending: no project being opened or saved, no typing to
 *   store, no sources being read, no suggester run scheduled or running, and the list
 *   computed for the draft as it is
 */
gboolean
desk_window_is_settled (DeskWindow *self)
{
  g_return_val_if_fail (DESK_IS_WINDOW (self), FALSE);

  return self->store_timeout == 0 && self->suggest_timeout == 0 && !self->suggesting &&
         self->pending_loads == 0 && self->refresh_idle == 0 && self->opening == NULL &&
         !self->saving &&
         (self->suggested_generation == self->generation ||
          g_list_model_get_n_items (desk_project_get_sources (self->project)) == 0);
}

GtkWidget *
desk_window_get_draft_view (DeskWindow *self)
{
  g_return_val_if_fail (DESK_IS_WINDOW (self), NULL);
  return GTK_WIDGET (self->draft_view);
}

GtkWidget *
desk_window_get_source_view (DeskWindow *self)
{
  g_return_val_if_fail (DESK_IS_WINDOW (self), NULL);
  return GTK_WIDGET (self->source_view);
}

GtkWidget *
desk_window_get_suggestions_panel (DeskWindow *self)
{
  g_return_val_if_fail (DESK_IS_WINDOW (self), NULL);
  return GTK_WIDGET (self->suggestions_panel);
}

gboolean
desk_window_get_banner_revealed (DeskWindow *self)
{
  g_return_val_if_fail (DESK_IS_WINDOW (self), FALSE);
  return gtk_revealer_get_reveal_child (self->banner_revealer);
}

const char *
desk_window_get_session_id (DeskWindow *self)
{
  g_return_val_if_fail (DESK_IS_WINDOW (self), NULL);
  return desk_session_get_id (self->session);
}
