/* desk-window-actions.c: everything the editor can do in a window, as actions
 *
 * Menus, buttons, keyboard shortcuts (desk-shortcuts.c) and the tests all go through
 * these win.* actions. _desk_window_update_actions() is the one place that decides
 * which of them are enabled.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "desk-file-name.h"
#include "desk-credits-dialog.h"
#include "desk-export-dialog.h"
#include "desk-file-chooser.h"
#include "desk-palette.h"
#include "desk-project-file.h"
#include "desk-window-private.h"

#define MAX_RECENT 8

/* ---- Which actions can be used --------------------------------------------------- */

/**
 * _desk_window_refusal:
 *
 * Returns: (nullable): why @action_name cannot apply now, in words for the editor, or
 *   %NULL when it can. The same answer enables the action (_desk_window_update_actions())
 *   and explains a shortcut that cannot apply (_desk_window_activate_shortcut()).
 */
const char *
_desk_window_refusal (DeskWindow *self,
                      const char *action_name)
{
  GListModel *suggestions;
  DeskSuggestion *selected;
  int position;
  guint n;
  guint n_sources;
  gboolean have_draft;
  DeskDraft *draft;

  if (self->project == NULL || self->suggestions == NULL || self->suggestions_panel == NULL)
    return _("The window is not ready yet");

  suggestions = G_LIST_MODEL (self->suggestions);
  n = g_list_model_get_n_items (suggestions);
  n_sources = g_list_model_get_n_items (desk_project_get_sources (self->project));
  position = desk_suggestions_panel_get_selected (self->suggestions_panel);
  selected = _desk_window_get_selected_suggestion (self);
  draft = desk_project_get_draft (self->project);
  have_draft = desk_draft_get_n_paragraphs (draft) > 0 ||
               (desk_draft_get_headline (draft) != NULL && desk_draft_get_headline (draft)[0] != '\0');

  if (g_str_equal (action_name, "win.accept") || g_str_equal (action_name, "win.accept-version"))
    {
      if (selected == NULL)
        return n == 0 ? _("There is no suggestion to accept") : _("No suggestion is selected");
      if (desk_suggestion_get_kind (selected) == DESK_SUGGESTION_CONFLICT)
        return _("A conflict is not accepted: choose a value on its card, or dismiss it");
      if (!desk_suggestion_is_applicable (selected))
        return _("This suggestion is for reading only: copy what you need, or dismiss it");
      if (self->positions_stale)
        return _("The suggestions are being updated after your typing: try again in a moment");
      if (g_str_equal (action_name, "win.accept-version") &&
          desk_suggestion_get_n_alternatives (selected) == 0)
        return _("This suggestion has no other versions");
      return NULL;
    }
  if (g_str_equal (action_name, "win.use-source-value"))
    {
      if (selected == NULL || desk_suggestion_get_kind (selected) != DESK_SUGGESTION_CONFLICT)
        return _("Only a conflict has a source’s value to use");
      if (self->positions_stale)
        return _("The suggestions are being updated after your typing: try again in a moment");
      return NULL;
    }
  if (g_str_equal (action_name, "win.reject"))
    return selected != NULL ? NULL
           : n == 0 ? _("There is no suggestion to reject") : _("No suggestion is selected");
  if (g_str_equal (action_name, "win.accept-all"))
    {
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(DeskSuggestion) suggestion = g_list_model_get_item (suggestions, i);
          DeskSuggestionKind kind = desk_suggestion_get_kind (suggestion);

          if (kind == DESK_SUGGESTION_MISSING || kind == DESK_SUGGESTION_ADDITION)
            return NULL;
        }
      return _("No missing paragraphs or additions are left to accept");
    }
  if (g_str_equal (action_name, "win.apply-house-style"))
    {
      if (!have_draft)
        return _("The draft is empty");
      if (desk_style_is_as_written (desk_project_get_style (self->project)))
        return _("The house style keeps the text as written");
      return NULL;
    }
  if (g_str_equal (action_name, "win.next-suggestion"))
    return n == 0 ? _("There are no suggestions")
           : position + 1 < (int)n ? NULL : _("This is the last suggestion");
  if (g_str_equal (action_name, "win.previous-suggestion"))
    return n == 0 ? _("There are no suggestions")
           : position > 0 ? NULL : _("This is the first suggestion");
  if (g_str_equal (action_name, "win.undo"))
    return desk_undo_stack_get_can_undo (self->undo_stack) ? NULL : _("Nothing to undo");
  if (g_str_equal (action_name, "win.redo"))
    return desk_undo_stack_get_can_redo (self->undo_stack) ? NULL : _("Nothing to redo");
  if (g_str_equal (action_name, "win.save") || g_str_equal (action_name, "win.save-as"))
    {
      if (!desk_project_files_available ())
        return _("Projects cannot be saved in this build");
      if (self->opening != NULL)
        return _("A project is being opened in this window: wait until it is open");
      if (self->saving)
        return _("The project is being saved: wait until it is saved");
      return n_sources > 0 || have_draft ? NULL : _("Nothing to save yet: add sources first");
    }
  if (g_str_equal (action_name, "win.open-project") || g_str_equal (action_name, "win.open-recent"))
    {
      if (!desk_project_files_available ())
        return _("Projects cannot be opened in this build");
      if (self->opening != NULL)
        return _("A project is being opened in this window: wait until it is open");
      return NULL;
    }
  if (g_str_equal (action_name, "win.show-provenance"))
    return desk_draft_view_get_provenance_refusal (self->draft_view);
  if (g_str_equal (action_name, "win.find") || g_str_equal (action_name, "win.find-replace"))
    return have_draft ? NULL : _("The draft is empty: there is nothing to find");
  if (g_str_equal (action_name, "win.export"))
    return have_draft ? NULL : _("The draft is empty: start it before exporting");
  if (g_str_equal (action_name, "win.credits"))
    return n_sources > 0 ? NULL : _("Add sources first: the credits come from them");
  if (g_str_equal (action_name, "win.toggle-sources") ||
      g_str_equal (action_name, "win.toggle-suggestions") ||
      g_str_equal (action_name, "win.start-draft"))
    return n_sources > 0 ? NULL : _("Add sources first");

  return NULL;
}

void
_desk_window_update_actions (DeskWindow *self)
{
  static const char * const decided[] = {
    "win.accept", "win.accept-version", "win.use-source-value", "win.reject", "win.accept-all", "win.apply-house-style",
    "win.next-suggestion", "win.previous-suggestion", "win.undo", "win.redo", "win.save",
    "win.save-as", "win.find", "win.find-replace", "win.open-project", "win.open-recent", "win.export", "win.credits",
    "win.toggle-sources", "win.toggle-suggestions", "win.start-draft",
  };

  if (self->project == NULL || self->suggestions == NULL || self->suggestions_panel == NULL)
    return;

  for (guint i = 0; i < G_N_ELEMENTS (decided); i++)
    gtk_widget_action_set_enabled (GTK_WIDGET (self), decided[i],
                                   _desk_window_refusal (self, decided[i]) == NULL);
}

/* Says in a toast why an action cannot apply. */
static void
show_refusal (DeskWindow *self,
              const char *refusal)
{
  AdwToast *toast;

  /* The newest answer replaces the last one rather than queueing behind it. */
  if (self->refusal_toast != NULL)
    adw_toast_dismiss (self->refusal_toast);
  toast = adw_toast_new (refusal);
  adw_toast_set_timeout (toast, 4);
  g_set_weak_pointer (&self->refusal_toast, toast);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/**
 * _desk_window_activate_shortcut:
 *
 * What a win.* shortcut does (desk-shortcuts.c): the action, or a toast saying why it
 * cannot apply. The key is kept either way, so the draft never receives it.
 */
void
_desk_window_activate_shortcut (GtkWidget  *widget,
                                const char *action_name)
{
  DeskWindow *self = DESK_WINDOW (widget);
  const char *refusal = _desk_window_refusal (self, action_name);

  if (refusal != NULL)
    {
      show_refusal (self, refusal);
      return;
    }

  gtk_widget_activate_action (widget, action_name, NULL);
}

/* ---- Suggestions ----------------------------------------------------------------- */

static void
accept_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  _desk_window_accept (DESK_WINDOW (widget), -1);
}

static void
accept_version_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  _desk_window_accept (DESK_WINDOW (widget), (int)g_variant_get_uint32 (parameter));
}

static void
use_source_value_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  _desk_window_use_source_value (DESK_WINDOW (widget));
}

static void
show_mention_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  DeskWindow *self = DESK_WINDOW (widget);
  int paragraph;
  guint start, end;

  g_variant_get (parameter, "(iuu)", &paragraph, &start, &end);
  desk_window_flush_edits (self);
  if (!desk_draft_view_select_range (self->draft_view, paragraph, start, end))
    _desk_window_toast (self, _("The draft changed there since the card was shown"), NULL, NULL);
}

static void
find_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  DeskWindow *self = DESK_WINDOW (widget);

  desk_find_bar_open (desk_draft_view_get_find_bar (self->draft_view),
                      g_str_equal (action_name, "win.find-replace"));
}

static void
reject_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  _desk_window_reject (DESK_WINDOW (widget));
}

static void
accept_all_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  _desk_window_accept_all (DESK_WINDOW (widget));
}

/* ---- House style ---------------------------------------------------------------- */

static void
apply_house_style_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  _desk_window_apply_house_style (DESK_WINDOW (widget));
}

/* house.punctuation, house.dash, house.nbsp, house.spelling, house.dateline: the
 * project's choice, remembered as the default for new projects. */
static void
house_change_state (GSimpleAction *action,
                    GVariant      *value,
                    gpointer       user_data)
{
  DeskWindow *self = user_data;
  DeskStyle *style = desk_project_get_style (self->project);
  const char *name = g_action_get_name (G_ACTION (action));
  const char *word = g_variant_get_string (value, NULL);
  DeskStylePunctuation punctuation;
  DeskStyleSpelling spelling;
  DeskStyleDateline dateline;
  DeskStyleDash dash;
  DeskStyleNbsp nbsp;

  if (g_str_equal (name, "punctuation") && desk_style_punctuation_from_string (word, &punctuation))
    {
      desk_style_set_punctuation (style, punctuation);
      g_settings_set_string (self->settings, "house-punctuation", word);
    }
  else if (g_str_equal (name, "spelling") && desk_style_spelling_from_string (word, &spelling))
    {
      desk_style_set_spelling (style, spelling);
      g_settings_set_string (self->settings, "house-spelling", word);
    }
  else if (g_str_equal (name, "dateline") && desk_style_dateline_from_string (word, &dateline))
    {
      desk_style_set_dateline (style, dateline);
      g_settings_set_string (self->settings, "house-dateline", word);
    }
  else if (g_str_equal (name, "dash") && desk_style_dash_from_string (word, &dash))
    {
      desk_style_set_dash (style, dash);
      g_settings_set_string (self->settings, "house-dash", word);
    }
  else if (g_str_equal (name, "nbsp") && desk_style_nbsp_from_string (word, &nbsp))
    {
      desk_style_set_nbsp (style, nbsp);
      g_settings_set_string (self->settings, "house-nbsp", word);
    }

  _desk_window_sync_house_style (self);
  _desk_window_update_actions (self);
}

static const GActionEntry house_entries[] = {
  { "punctuation", NULL, "s", "'as-written'", house_change_state },
  { "spelling", NULL, "s", "'as-written'", house_change_state },
  { "dateline", NULL, "s", "'as-written'", house_change_state },
  { "dash", NULL, "s", "'em'", house_change_state },
  { "nbsp", NULL, "s", "'none'", house_change_state },
};

static void
move_selection (DeskWindow *self,
                int         delta)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->suggestions));
  int position = desk_suggestions_panel_get_selected (self->suggestions_panel);
  int next = position < 0 ? 0 : position + delta;

  if (n == 0 || next < 0 || next >= (int)n)
    return;

  adw_flap_set_reveal_flap (self->suggestions_flap, TRUE);
  desk_suggestions_panel_select (self->suggestions_panel, next);
}

static void
next_suggestion_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  move_selection (DESK_WINDOW (widget), 1);
}

static void
previous_suggestion_action (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *parameter)
{
  move_selection (DESK_WINDOW (widget), -1);
}

static void
undo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  _desk_window_undo (DESK_WINDOW (widget), g_str_equal (action_name, "win.redo"));
}

static void
start_draft_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  _desk_window_start_draft (DESK_WINDOW (widget), g_variant_get_string (parameter, NULL));
}

/* win.set-masthead ("field", value): one field of the draft's masthead, as one undo step.
 * The field is "deck", "byline", "dateline" or "credit-line"; an empty value takes the
 * field out (a dateline taken out stays out; a credit line taken out is none), and a
 * credit line of nothing (no value) follows the credits again. */
static void
set_masthead_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  DeskWindow *self = DESK_WINDOW (widget);
  DeskDraft *draft;
  const char *field;
  const char *value;
  const char *label;

  g_variant_get (parameter, "(&sm&s)", &field, &value);

  /* What was typed before is a step of its own. */
  desk_window_flush_edits (self);
  draft = desk_project_get_draft (self->project);
  desk_undo_stack_begin_decision (self->undo_stack, self->project);

  if (g_str_equal (field, "deck"))
    {
      desk_draft_set_deck (draft, value != NULL && value[0] != '\0' ? value : NULL);
      label = _("Change the Deck");
    }
  else if (g_str_equal (field, "byline"))
    {
      desk_draft_set_byline (draft, value != NULL && value[0] != '\0' ? value : NULL);
      label = _("Change the Byline");
    }
  else if (g_str_equal (field, "dateline"))
    {
      desk_draft_set_dateline (draft, value != NULL ? value : "");
      label = _("Change the Dateline");
    }
  else if (g_str_equal (field, "credit-line"))
    {
      desk_draft_set_credit_line (draft, value);
      label = value != NULL ? _("Change the Credit Line") : _("Credit Line From the Credits");
    }
  else
    {
      g_critical ("win.set-masthead: no masthead field “%s”", field);
      desk_undo_stack_cancel_decision (self->undo_stack);
      return;
    }

  if (desk_undo_stack_end_decision (self->undo_stack, label, FALSE))
    _desk_window_update_actions (self);
}

/* Names the sources of the sentence at the draft's cursor (Alt+Return), or says why not. */
static void
show_provenance_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  DeskWindow *self = DESK_WINDOW (widget);
  const char *refusal;

  /* What was typed is in the draft first, so the sentence is the one on screen. */
  desk_window_flush_edits (self);
  refusal = _desk_window_refusal (self, action_name);
  if (refusal != NULL || !desk_draft_view_show_provenance (self->draft_view))
    show_refusal (self, refusal ? refusal
                        : _("The cursor is between paragraphs: put it in a sentence of the story"));
}

static void
focus_draft_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  desk_draft_view_focus_body (DESK_WINDOW (widget)->draft_view);
}

/* ---- Sources --------------------------------------------------------------------- */

static void
sources_chosen_cb (GPtrArray *files,
                   gpointer   user_data)
{
  g_autoptr(DeskWindow) self = user_data;

  if (files == NULL || self->project == NULL)
    return;

  desk_window_add_files (self, (GFile **)files->pdata, files->len, TRUE);
}

static void
open_sources_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  desk_file_chooser_open (GTK_WINDOW (widget), _("Add Versions of the Story"), DESK_FILES_SOURCES,
                          TRUE, sources_chosen_cb, g_object_ref (widget));
}

static void
paste_read_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(DeskWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = gdk_clipboard_read_text_finish (GDK_CLIPBOARD (object), result, &error);

  if (self->project == NULL)
    return;

  if (text == NULL || g_strstrip (text)[0] == '\0')
    {
      _desk_window_toast (self, _("The clipboard holds no text to add"), NULL, NULL);
      return;
    }

  desk_window_add_text (self, text, NULL);
}

static void
paste_source_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  gdk_clipboard_read_text_async (gtk_widget_get_clipboard (widget), NULL, paste_read_cb,
                                 g_object_ref (widget));
}

static void
show_source_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  _desk_window_show_source (DESK_WINDOW (widget), g_variant_get_string (parameter, NULL));
}

static void
show_sources_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  _desk_window_show_source (DESK_WINDOW (widget), NULL);
}

static void
remove_source_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  _desk_window_remove_source (DESK_WINDOW (widget), g_variant_get_string (parameter, NULL));
}

/* "(ss)": a source's id and the name the editor gives it ("" for the one it is given). */
static void
set_source_label_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  DeskWindow *self = DESK_WINDOW (widget);
  const char *id;
  const char *label;
  DeskSource *source;

  g_variant_get (parameter, "(&s&s)", &id, &label);
  source = desk_project_find_source (self->project, id);
  if (source == NULL)
    return;

  desk_source_set_label (source, label);
  desk_sources_panel_refresh (self->sources_panel);
}

static void
rename_response_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    DeskWindow       *self)
{
  GtkEditable *entry = GTK_EDITABLE (adw_message_dialog_get_extra_child (dialog));
  const char *id = g_object_get_data (G_OBJECT (dialog), "source-id");

  if (g_strcmp0 (response, "rename") == 0)
    gtk_widget_activate_action (GTK_WIDGET (self), "win.set-source-label", "(ss)", id,
                                gtk_editable_get_text (entry));
}

/* "s": asks the editor what to call a source. */
static void
rename_source_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  DeskWindow *self = DESK_WINDOW (widget);
  const char *id = g_variant_get_string (parameter, NULL);
  DeskSource *source = desk_project_find_source (self->project, id);
  GtkWidget *dialog;
  GtkWidget *entry;

  if (source == NULL)
    return;

  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Rename Source"), NULL);
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                  _("The name used for “%s” everywhere in the window. Leave it "
                                    "empty for the name Copydesk gives it."),
                                  desk_source_get_name (source));
  entry = gtk_entry_new ();
  gtk_editable_set_text (GTK_EDITABLE (entry), desk_source_get_label (source));
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), entry);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "rename", _("_Rename"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "rename",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "rename");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "source-id", g_strdup (id), g_free);
  g_signal_connect (dialog, "response", G_CALLBACK (rename_response_cb), self);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (entry);
}

static void
toggle_sources_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  DeskWindow *self = DESK_WINDOW (widget);

  adw_flap_set_reveal_flap (self->sources_flap, !adw_flap_get_reveal_flap (self->sources_flap));
}

static void
toggle_suggestions_action (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  DeskWindow *self = DESK_WINDOW (widget);

  adw_flap_set_reveal_flap (self->suggestions_flap, !adw_flap_get_reveal_flap (self->suggestions_flap));
}

static GFile *
find_sample_folder (void)
{
  const char *candidates[] = {
    PKGDATADIR "/seeds/harbour-fire",
#ifdef COPYDESK_SOURCE_SEEDS
    COPYDESK_SOURCE_SEEDS "/harbour-fire",
#endif
  };

  for (guint i = 0; i < G_N_ELEMENTS (candidates); i++)
    if (g_file_test (candidates[i], G_FILE_TEST_IS_DIR))
      return g_file_new_for_path (candidates[i]);

  return NULL;
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char * const *)a, *(const char * const *)b);
}

static void
open_sample_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  DeskWindow *self = DESK_WINDOW (widget);
  g_autoptr(GFile) folder = find_sample_folder ();
  g_autoptr(GFileEnumerator) enumerator = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);
  GFileInfo *info;

  if (folder == NULL ||
      !(enumerator = g_file_enumerate_children (folder, G_FILE_ATTRIBUTE_STANDARD_NAME,
                                                G_FILE_QUERY_INFO_NONE, NULL, NULL)))
    return;

  while ((info = g_file_enumerator_next_file (enumerator, NULL, NULL)) != NULL)
    {
      if (g_str_has_suffix (g_file_info_get_name (info), ".txt"))
        g_ptr_array_add (names, g_strdup (g_file_info_get_name (info)));
      g_object_unref (info);
    }
  g_ptr_array_sort (names, compare_names);

  for (guint i = 0; i < names->len; i++)
    g_ptr_array_add (files, g_file_get_child (folder, g_ptr_array_index (names, i)));

  desk_window_add_files (self, (GFile **)files->pdata, files->len, TRUE);
}

/* ---- Projects -------------------------------------------------------------------- */

typedef void (*Continuation) (DeskWindow *self);

static void confirm_unsaved (DeskWindow   *self,
                             Continuation  then);

/* A save under way: what was saved, as of which change, and what comes after it. */
typedef struct
{
  DeskWindow   *window;
  DeskProject  *project;
  GFile        *file;
  guint         generation;
  Continuation  then;
} SaveJob;

static void
show_save_error (DeskWindow   *self,
                 const GError *error)
{
  AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self),
                                                                         _("The Project Was Not Saved"),
                                                                         error->message));
  adw_message_dialog_add_response (dialog, "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
saved_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  SaveJob *job = user_data;
  g_autoptr(DeskWindow) self = job->window;
  g_autoptr(DeskProject) project = job->project;
  g_autoptr(GFile) file = job->file;
  guint generation = job->generation;
  Continuation then = job->then;
  g_autoptr(GError) error = NULL;
  gboolean saved;

  g_free (job);
  saved = desk_project_save_file_finish (result, &error);
  self->saving = FALSE;
  if (self->project == NULL)
    return;   /* the window is gone */
  _desk_window_update_busy (self);
  _desk_window_update_actions (self);

  if (!saved)
    {
      show_save_error (self, error);
      return;
    }

  /* Another project replaced this one while it was written: the file is saved, but it is
   * not this window's any more. */
  if (project != self->project)
    return;

  g_set_object (&self->file, file);
  desk_session_set_project_file (self->session, file);
  _desk_window_add_recent (self, file);
  _desk_window_toast (self, _("Project saved"), NULL, NULL);

  /* Changes made while the file was written are not in it: they stay unsaved. */
  if (self->generation == generation)
    {
      self->modified = FALSE;
      desk_session_discard (self->session);
      _desk_window_update_title (self);
      if (then != NULL)
        then (self);
    }
  else
    {
      _desk_window_update_title (self);
      if (then != NULL)
        confirm_unsaved (self, then);
    }
}

/* Saves the project to @file in a worker (desk_project_save_file_async()), then goes on
 * with @then if it was saved. */
static void
save_to (DeskWindow   *self,
         GFile        *file,
         Continuation  then)
{
  SaveJob *job;

  if (self->saving)
    {
      _desk_window_toast (self, _("The project is being saved: wait until it is saved"), NULL,
                          NULL);
      return;
    }

  desk_window_flush_edits (self);

  job = g_new0 (SaveJob, 1);
  job->window = g_object_ref (self);
  job->project = g_object_ref (self->project);
  job->file = g_object_ref (file);
  job->generation = self->generation;
  job->then = then;

  self->saving = TRUE;
  _desk_window_update_busy (self);
  _desk_window_update_actions (self);
  desk_project_save_file_async (self->project, file, NULL, saved_cb, job);
}

typedef struct
{
  DeskWindow   *window;
  Continuation  then;
} SaveClosure;

static void
save_as_chosen_cb (GPtrArray *files,
                   gpointer   user_data)
{
  SaveClosure *closure = user_data;
  g_autoptr(DeskWindow) self = closure->window;
  Continuation then = closure->then;
  g_autoptr(GFile) file = NULL;

  g_free (closure);
  if (files == NULL || self->project == NULL)
    return;

  file = g_object_ref (g_ptr_array_index (files, 0));
  if (!g_str_has_suffix (g_file_peek_path (file) ? g_file_peek_path (file) : "", ".copydesk"))
    {
      g_autofree char *path = g_strconcat (g_file_peek_path (file), ".copydesk", NULL);

      if (g_file_peek_path (file) != NULL)
        {
          g_object_unref (file);
          file = g_file_new_for_path (path);
        }
    }

  save_to (self, file, then);
}

static char *
suggested_name (DeskWindow *self)
{
  const char *headline = desk_draft_get_headline (desk_project_get_draft (self->project));
  g_autofree char *stem = desk_file_name_from_headline (headline, DESK_FILE_NAME_MAX_STEM);

  return g_strdup_printf ("%s.copydesk", stem ? stem : _("roundup"));
}

static void
save_as_then (DeskWindow   *self,
              Continuation  then)
{
  SaveClosure *closure = g_new0 (SaveClosure, 1);
  g_autofree char *name = suggested_name (self);

  closure->window = g_object_ref (self);
  closure->then = then;
  desk_file_chooser_save (GTK_WINDOW (self), _("Save the Project"), NULL, name, DESK_FILES_PROJECTS,
                          save_as_chosen_cb, closure);
}

static void
save_then (DeskWindow   *self,
           Continuation  then)
{
  if (self->file == NULL)
    {
      save_as_then (self, then);
      return;
    }

  save_to (self, self->file, then);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  save_then (DESK_WINDOW (widget), NULL);
}

static void
save_as_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  save_as_then (DESK_WINDOW (widget), NULL);
}

/* Asks what to do with unsaved work, then goes on with @then (unless cancelled). */
typedef struct
{
  DeskWindow   *window;
  Continuation  then;
} ConfirmClosure;

typedef struct
{
  DeskWindow   *window;
  Continuation  then;
  gboolean      save;
} Decision;

/* After the dialog is gone: closing the window under its own dialog would leave the
 * dialog pointing at a window that no longer exists. */
static gboolean
decided_cb (gpointer user_data)
{
  Decision *decision = user_data;
  g_autoptr(DeskWindow) self = decision->window;
  Continuation then = decision->then;
  gboolean save = decision->save;

  g_free (decision);
  if (self->project == NULL)
    return G_SOURCE_REMOVE;

  if (save)
    save_then (self, then);
  else
    {
      desk_session_discard (self->session);
      self->modified = FALSE;
      then (self);
    }

  return G_SOURCE_REMOVE;
}

static void
confirm_response_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     gpointer          user_data)
{
  ConfirmClosure *closure = user_data;
  Decision *decision;

  if (!g_str_equal (response, "save") && !g_str_equal (response, "discard"))
    {
      g_object_unref (closure->window);
      g_free (closure);
      return;
    }

  decision = g_new0 (Decision, 1);
  decision->window = closure->window;
  decision->then = closure->then;
  decision->save = g_str_equal (response, "save");
  g_free (closure);
  g_idle_add (decided_cb, decision);
}

static gboolean
has_work (DeskWindow *self)
{
  DeskDraft *draft = desk_project_get_draft (self->project);

  return self->modified &&
         (g_list_model_get_n_items (desk_project_get_sources (self->project)) > 0 ||
          desk_draft_get_n_paragraphs (draft) > 0);
}

static void
confirm_unsaved (DeskWindow   *self,
                 Continuation  then)
{
  AdwMessageDialog *dialog;
  ConfirmClosure *closure;
  g_autofree char *body = NULL;

  desk_window_flush_edits (self);

  if (!has_work (self))
    {
      desk_session_discard (self->session);
      then (self);
      return;
    }

  if (self->file != NULL)
    {
      g_autofree char *base = g_file_get_basename (self->file);
      body = g_strdup_printf (_("“%s” has changes that are not saved. Without saving, they are lost."), base);
    }
  else
    body = g_strdup (_("This roundup was never saved. Without saving, the draft and the sources are lost."));

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), _("Save Changes?"), body));
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "discard", _("_Discard"),
                                    "save", _("_Save"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "discard", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (dialog, "save", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "save");
  adw_message_dialog_set_close_response (dialog, "cancel");

  closure = g_new0 (ConfirmClosure, 1);
  closure->window = g_object_ref (self);
  closure->then = then;
  g_signal_connect (dialog, "response", G_CALLBACK (confirm_response_cb), closure);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
really_close (DeskWindow *self)
{
  int width, height;

  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  g_settings_set_boolean (self->settings, "window-maximized", gtk_window_is_maximized (GTK_WINDOW (self)));
  if (!gtk_window_is_maximized (GTK_WINDOW (self)) && width > 0 && height > 0)
    {
      g_settings_set_int (self->settings, "window-width", width);
      g_settings_set_int (self->settings, "window-height", height);
    }

  g_object_set_data (G_OBJECT (self), "desk-closing", GINT_TO_POINTER (TRUE));
  desk_session_discard (self->session);
  gtk_window_destroy (GTK_WINDOW (self));
}

static gboolean
close_request_cb (DeskWindow *self)
{
  if (g_object_get_data (G_OBJECT (self), "desk-closing"))
    return FALSE;

  confirm_unsaved (self, really_close);
  return TRUE;
}

static void
close_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  gtk_window_close (GTK_WINDOW (widget));
}

static void
start_new_project (DeskWindow *self)
{
  g_autoptr(DeskProject) project = desk_project_new ();

  desk_session_discard (self->session);
  _desk_window_set_project (self, project, NULL);
  _desk_window_show_banner (self, NULL);
}

static void
new_project_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  confirm_unsaved (DESK_WINDOW (widget), start_new_project);
}

static void
show_open_error (DeskWindow   *self,
                 const GError *error)
{
  AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self),
                                                                         _("The Project Could Not Be Opened"),
                                                                         error->message));
  adw_message_dialog_add_response (dialog, "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Shows that the window is opening a project, or no longer: the spinner, the actions that
 * would start another open or save, and the page, which takes no input meanwhile. */
static void
set_opening (DeskWindow *self,
             GFile      *file)
{
  g_set_object (&self->opening, file);
  gtk_widget_set_sensitive (GTK_WIDGET (self->main_stack), file == NULL);
  _desk_window_update_busy (self);
  _desk_window_update_actions (self);
}

static void
project_opened_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(DeskWindow) self = user_data;
  g_autoptr(GFile) file = g_object_ref (G_FILE (object));
  g_autoptr(GError) error = NULL;
  g_autoptr(DeskProject) project = desk_project_file_load_finish (result, &error);

  if (self->project == NULL)
    return;   /* the window is gone */
  set_opening (self, NULL);

  if (project == NULL)
    {
      show_open_error (self, error);
      return;
    }

  desk_session_discard (self->session);
  _desk_window_set_project (self, project, file);
  _desk_window_add_recent (self, file);
}

/* Opens @file: in @self when it shows nothing yet, else in a new window. The file is read
 * in a worker (desk_project_file_load_async()); meanwhile the window shows that it is busy
 * and opens nothing else. */
static void
open_project_in (DeskWindow *self,
                 GFile      *file)
{
  DeskWindow *target = self;

  if (!desk_window_is_empty (self))
    {
      target = desk_window_new (gtk_window_get_application (GTK_WINDOW (self)));
      gtk_window_present (GTK_WINDOW (target));
    }

  set_opening (target, file);
  desk_project_file_load_async (file, target->cancellable, project_opened_cb,
                                g_object_ref (target));
}

static void
open_anyway_cb (AdwMessageDialog *dialog,
                const char       *response,
                DeskWindow       *self)
{
  if (g_str_equal (response, "open"))
    open_project_in (self, g_object_get_data (G_OBJECT (dialog), "file"));
}

/**
 * desk_window_open_project:
 *
 * Opens a project: in this window when it shows nothing yet, else in a new one.
 */
void
desk_window_open_project (DeskWindow *self,
                          GFile      *file)
{
  gint64 owner;

  g_return_if_fail (DESK_IS_WINDOW (self));

  /* Already open (or being opened) in a window: bring that one up. */
  for (GList *l = gtk_application_get_windows (gtk_window_get_application (GTK_WINDOW (self)));
       l != NULL; l = l->next)
    if (DESK_IS_WINDOW (l->data) &&
        ((DESK_WINDOW (l->data)->file != NULL && g_file_equal (DESK_WINDOW (l->data)->file, file)) ||
         (DESK_WINDOW (l->data)->opening != NULL &&
          g_file_equal (DESK_WINDOW (l->data)->opening, file))))
      {
        gtk_window_present (GTK_WINDOW (l->data));
        return;
      }

  /* Open in another Copydesk: two editors saving one file would overwrite each other. */
  if ((owner = desk_session_find_other_owner (file)) > 0)
    {
      g_autofree char *base = g_file_get_basename (file);
      g_autofree char *body = g_strdup_printf (_("“%s” is open in another Copydesk (process %d). "
                                                 "If both save it, the last one to save wins."),
                                               base, (int)owner);
      AdwMessageDialog *dialog;

      dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self),
                                                           _("Project Already Open"), body));
      adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "open", _("_Open Anyway"),
                                        NULL);
      adw_message_dialog_set_response_appearance (dialog, "open", ADW_RESPONSE_DESTRUCTIVE);
      adw_message_dialog_set_default_response (dialog, "cancel");
      adw_message_dialog_set_close_response (dialog, "cancel");
      g_object_set_data_full (G_OBJECT (dialog), "file", g_object_ref (file), g_object_unref);
      g_signal_connect_object (dialog, "response", G_CALLBACK (open_anyway_cb), self, 0);
      gtk_window_present (GTK_WINDOW (dialog));
      return;
    }

  open_project_in (self, file);
}

static void
project_chosen_cb (GPtrArray *files,
                   gpointer   user_data)
{
  g_autoptr(DeskWindow) self = user_data;
  const char *refusal;

  if (files == NULL || self->project == NULL)
    return;

  /* Another project began to open while the dialog was up. */
  if ((refusal = _desk_window_refusal (self, "win.open-project")) != NULL)
    {
      _desk_window_toast (self, refusal, NULL, NULL);
      return;
    }

  desk_window_open_project (self, g_ptr_array_index (files, 0));
}

static void
open_project_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  desk_file_chooser_open (GTK_WINDOW (widget), _("Open a Project"), DESK_FILES_PROJECTS, FALSE,
                          project_chosen_cb, g_object_ref (widget));
}

static void
open_recent_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  g_autoptr(GFile) file = g_file_new_for_uri (g_variant_get_string (parameter, NULL));

  desk_window_open_project (DESK_WINDOW (widget), file);
}

void
_desk_window_add_recent (DeskWindow *self,
                         GFile      *file)
{
  g_auto(GStrv) recent = g_settings_get_strv (self->settings, "recent-projects");
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autofree char *uri = g_file_get_uri (file);
  g_auto(GStrv) updated = NULL;
  guint n = 1;

  g_strv_builder_add (builder, uri);
  for (guint i = 0; recent[i] != NULL && n < MAX_RECENT; i++)
    if (!g_str_equal (recent[i], uri))
      {
        g_strv_builder_add (builder, recent[i]);
        n++;
      }

  updated = g_strv_builder_end (builder);
  g_settings_set_strv (self->settings, "recent-projects", (const char * const *)updated);
}

static void
recent_row_activated_cb (GtkListBox    *list,
                         GtkListBoxRow *row,
                         DeskWindow    *self)
{
  const char *uri = g_object_get_data (G_OBJECT (row), "uri");

  gtk_widget_activate_action (GTK_WIDGET (self), "win.open-recent", "s", uri);
}

void
_desk_window_update_recent (DeskWindow *self)
{
  g_auto(GStrv) recent = g_settings_get_strv (self->settings, "recent-projects");
  guint shown = 0;
  GtkWidget *child;

  g_menu_remove_all (self->recent_menu);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->recent_list))) != NULL)
    gtk_list_box_remove (self->recent_list, child);

  if (g_object_get_data (G_OBJECT (self->recent_list), "desk-connected") == NULL)
    {
      g_signal_connect (self->recent_list, "row-activated", G_CALLBACK (recent_row_activated_cb), self);
      g_object_set_data (G_OBJECT (self->recent_list), "desk-connected", GINT_TO_POINTER (TRUE));
    }

  for (guint i = 0; recent[i] != NULL; i++)
    {
      g_autoptr(GFile) file = g_file_new_for_uri (recent[i]);
      g_autofree char *base = g_file_get_basename (file);
      g_autofree char *label = desk_source_dup_label_for_name (base);
      g_autoptr(GMenuItem) item = NULL;
      g_autoptr(GFile) parent = g_file_get_parent (file);
      g_autofree char *where = parent ? g_file_get_parse_name (parent) : g_strdup ("");
      GtkWidget *row;

      if (!g_file_query_exists (file, NULL))
        continue;

      item = g_menu_item_new (label, NULL);
      g_menu_item_set_action_and_target_value (item, "win.open-recent", g_variant_new_string (recent[i]));
      g_menu_append_item (self->recent_menu, item);

      if (shown < 4)
        {
          row = adw_action_row_new ();
          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), label);
          adw_action_row_set_subtitle (ADW_ACTION_ROW (row), where);
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
          gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
          g_object_set_data_full (G_OBJECT (row), "uri", g_strdup (recent[i]), g_free);
          gtk_list_box_append (self->recent_list, row);
          shown++;
        }
    }

  gtk_widget_set_visible (self->recent_group, shown > 0 && desk_project_files_available ());
}

/* ---- Recovery -------------------------------------------------------------------- */

typedef struct
{
  DeskWindow *window;
  char       *id;
  GFile      *project_file;
  GDateTime  *time;
} Recovery;

static void
recovery_free (Recovery *recovery)
{
  g_clear_object (&recovery->window);
  g_free (recovery->id);
  g_clear_object (&recovery->project_file);
  g_clear_pointer (&recovery->time, g_date_time_unref);
  g_free (recovery);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Recovery, recovery_free)

static void
recovered_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(Recovery) recovery = user_data;
  DeskWindow *self = recovery->window;
  g_autoptr(GError) error = NULL;
  g_autoptr(DeskProject) project = desk_project_file_load_finish (result, &error);
  g_autofree char *when = NULL;
  g_autofree char *text = NULL;

  if (self->project == NULL)
    return;   /* the window is gone */
  set_opening (self, NULL);

  if (project == NULL)
    {
      /* The autosave stays where it is: the next start offers it again. */
      AdwMessageDialog *dialog;

      dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self),
                                                           _("The Unsaved Work Could Not Be Recovered"),
                                                           error->message));
      adw_message_dialog_add_response (dialog, "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (dialog));
      return;
    }

  g_clear_object (&self->session);
  self->session = desk_session_new (recovery->id);

  _desk_window_set_project (self, project, recovery->project_file);
  self->modified = TRUE;
  _desk_window_update_title (self);

  when = recovery->time ? g_date_time_format (recovery->time, "%H:%M") : g_strdup ("");
  if (recovery->project_file != NULL)
    {
      g_autofree char *base = g_file_get_basename (recovery->project_file);
      text = g_strdup_printf (_("Copydesk did not close properly. Your unsaved changes to “%s” "
                                "were recovered, as autosaved at %s."), base, when);
    }
  else
    text = g_strdup_printf (_("Copydesk did not close properly. This unsaved roundup was "
                              "recovered, as autosaved at %s."), when);
  _desk_window_show_banner (self, text);
}

/**
 * desk_window_recover:
 *
 * Opens the work a crashed session left behind, and says so. The autosave is read in a
 * worker, as a project is opened: meanwhile the window shows that it is busy and opens
 * nothing else; a file that cannot be read is named in a dialog.
 */
void
desk_window_recover (DeskWindow      *self,
                     DeskRecoverable *recoverable)
{
  Recovery *recovery;

  g_return_if_fail (DESK_IS_WINDOW (self));
  g_return_if_fail (recoverable != NULL);

  recovery = g_new0 (Recovery, 1);
  recovery->window = g_object_ref (self);
  recovery->id = g_strdup (recoverable->id);
  g_set_object (&recovery->project_file, recoverable->project_file);
  recovery->time = recoverable->time ? g_date_time_ref (recoverable->time) : NULL;

  /* A later open of the same project comes to this window instead of reading it twice. */
  set_opening (self, recoverable->project_file ? recoverable->project_file : recoverable->autosave);
  desk_project_file_load_async (recoverable->autosave, self->cancellable, recovered_cb, recovery);
}

static void
discard_recovered (DeskWindow *self)
{
  _desk_window_show_banner (self, NULL);
  desk_session_discard (self->session);

  /* Back to the project as saved, read as any project is opened. */
  if (self->file != NULL)
    {
      g_autoptr(GFile) file = g_object_ref (self->file);

      set_opening (self, file);
      desk_project_file_load_async (file, self->cancellable, project_opened_cb,
                                    g_object_ref (self));
      return;
    }

  start_new_project (self);
}

static void
discard_recovered_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  discard_recovered (DESK_WINDOW (widget));
}

static void
dismiss_banner_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  _desk_window_show_banner (DESK_WINDOW (widget), NULL);
}

/* ---- Dialogs --------------------------------------------------------------------- */

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  DeskWindow *self = DESK_WINDOW (widget);
  GtkWindow *dialog;

  desk_window_flush_edits (self);
  dialog = desk_export_dialog_new (GTK_WINDOW (self), self->project);
  gtk_window_present (dialog);
}

static void
credits_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  DeskWindow *self = DESK_WINDOW (widget);
  GtkWindow *dialog;

  desk_window_flush_edits (self);
  dialog = desk_credits_dialog_new (GTK_WINDOW (self), self->project);
  desk_credits_dialog_set_undo_stack (DESK_CREDITS_DIALOG (dialog), self->undo_stack);
  gtk_window_present (dialog);
}

/* ---- Dropping -------------------------------------------------------------------- */

static gboolean
drop_cb (GtkDropTarget *target,
         const GValue  *value,
         double         x,
         double         y,
         DeskWindow    *self)
{
  if (G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST))
    {
      GSList *list = g_value_get_boxed (value);
      g_autoptr(GPtrArray) files = g_ptr_array_new ();

      for (GSList *l = list; l != NULL; l = l->next)
        {
          GFile *file = l->data;
          g_autofree char *base = g_file_get_basename (file);

          if (base != NULL && g_str_has_suffix (base, ".copydesk"))
            {
              desk_window_open_project (self, file);
              continue;
            }
          g_ptr_array_add (files, file);
        }

      desk_window_add_files (self, (GFile **)files->pdata, files->len, TRUE);
      return TRUE;
    }

  if (G_VALUE_HOLDS (value, G_TYPE_STRING))
    {
      const char *text = g_value_get_string (value);

      if (text == NULL || text[0] == '\0')
        return FALSE;
      desk_window_add_text (self, text, NULL);
      return TRUE;
    }

  return FALSE;
}

static void
setup_drop (DeskWindow *self)
{
  GtkDropTarget *target = gtk_drop_target_new (G_TYPE_INVALID, GDK_ACTION_COPY);
  GType types[] = { GDK_TYPE_FILE_LIST, G_TYPE_STRING };

  gtk_drop_target_set_gtypes (target, types, G_N_ELEMENTS (types));
  g_signal_connect (target, "drop", G_CALLBACK (drop_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->toast_overlay), GTK_EVENT_CONTROLLER (target));
}

static void
window_realize_cb (DeskWindow *self)
{
  g_autoptr(GFile) sample = find_sample_folder ();

  gtk_widget_set_visible (self->sample_button, sample != NULL);
}

void
_desk_window_class_actions_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.accept", NULL, accept_action);
  gtk_widget_class_install_action (widget_class, "win.accept-version", "u", accept_version_action);
  gtk_widget_class_install_action (widget_class, "win.use-source-value", NULL, use_source_value_action);
  gtk_widget_class_install_action (widget_class, "win.show-mention", "(iuu)", show_mention_action);
  gtk_widget_class_install_action (widget_class, "win.reject", NULL, reject_action);
  gtk_widget_class_install_action (widget_class, "win.find", NULL, find_action);
  gtk_widget_class_install_action (widget_class, "win.find-replace", NULL, find_action);
  gtk_widget_class_install_action (widget_class, "win.accept-all", NULL, accept_all_action);
  gtk_widget_class_install_action (widget_class, "win.apply-house-style", NULL, apply_house_style_action);
  gtk_widget_class_install_action (widget_class, "win.next-suggestion", NULL, next_suggestion_action);
  gtk_widget_class_install_action (widget_class, "win.previous-suggestion", NULL, previous_suggestion_action);
  gtk_widget_class_install_action (widget_class, "win.undo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "win.redo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "win.start-draft", "s", start_draft_action);
  gtk_widget_class_install_action (widget_class, "win.focus-draft", NULL, focus_draft_action);
  gtk_widget_class_install_action (widget_class, "win.show-provenance", NULL, show_provenance_action);
  gtk_widget_class_install_action (widget_class, "win.set-masthead", "(sms)", set_masthead_action);
  gtk_widget_class_install_action (widget_class, "win.open-sources", NULL, open_sources_action);
  gtk_widget_class_install_action (widget_class, "win.paste-source", NULL, paste_source_action);
  gtk_widget_class_install_action (widget_class, "win.show-source", "s", show_source_action);
  gtk_widget_class_install_action (widget_class, "win.show-sources", NULL, show_sources_action);
  gtk_widget_class_install_action (widget_class, "win.remove-source", "s", remove_source_action);
  gtk_widget_class_install_action (widget_class, "win.rename-source", "s", rename_source_action);
  gtk_widget_class_install_action (widget_class, "win.set-source-label", "(ss)",
                                   set_source_label_action);
  gtk_widget_class_install_action (widget_class, "win.toggle-sources", NULL, toggle_sources_action);
  gtk_widget_class_install_action (widget_class, "win.toggle-suggestions", NULL, toggle_suggestions_action);
  gtk_widget_class_install_action (widget_class, "win.open-sample", NULL, open_sample_action);
  gtk_widget_class_install_action (widget_class, "win.new-project", NULL, new_project_action);
  gtk_widget_class_install_action (widget_class, "win.open-project", NULL, open_project_action);
  gtk_widget_class_install_action (widget_class, "win.open-recent", "s", open_recent_action);
  gtk_widget_class_install_action (widget_class, "win.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "win.save-as", NULL, save_as_action);
  gtk_widget_class_install_action (widget_class, "win.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "win.credits", NULL, credits_action);
  gtk_widget_class_install_action (widget_class, "win.close", NULL, close_action);
  gtk_widget_class_install_action (widget_class, "win.discard-recovered", NULL, discard_recovered_action);
  gtk_widget_class_install_action (widget_class, "win.dismiss-banner", NULL, dismiss_banner_action);
}

void
_desk_window_actions_init (DeskWindow *self)
{
  setup_drop (self);
  g_signal_connect (self, "close-request", G_CALLBACK (close_request_cb), NULL);

  self->house_actions = g_simple_action_group_new ();
  g_action_map_add_action_entries (G_ACTION_MAP (self->house_actions), house_entries,
                                   G_N_ELEMENTS (house_entries), self);
  gtk_widget_insert_action_group (GTK_WIDGET (self), "house", G_ACTION_GROUP (self->house_actions));
  g_signal_connect (self, "realize", G_CALLBACK (window_realize_cb), NULL);
}
