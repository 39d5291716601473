/* desk-window-private.h: what desk-window.c and desk-window-actions.c share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "desk-aliases.h"
#include "desk-draft-view.h"
#include "desk-session.h"
#include "desk-source-view.h"
#include "desk-sources-panel.h"
#include "desk-suggester.h"
#include "desk-suggestions-panel.h"
#include "desk-undo-stack.h"
#include "desk-window.h"

G_BEGIN_DECLS

struct _DeskWindow
{
  AdwApplicationWindow  parent_instance;

  /* The roundup */
  DeskProject          *project;
  GFile                *file;            /* where the project was saved, or NULL */
  gboolean              modified;
  gboolean              loading;         /* changes are not the editor's (opening) */
  GFile                *opening;         /* the project file being read in a worker, or NULL */
  gboolean              saving;          /* the project is being written in a worker */
  gboolean              started_empty;   /* the editor chose to start with an empty draft */
  DeskUndoStack        *undo_stack;
  DeskSession          *session;
  GSettings            *settings;
  GCancellable         *cancellable;     /* the window's: cancelled when it closes */

  /* Suggestions */
  DeskSuggester        *suggester;
  GListStore           *suggestions;
  GCancellable         *suggest_cancellable;
  guint                 suggest_timeout;
  guint                 busy_timeout;
  guint                 generation;      /* of the project: every change counts */
  guint                 suggested_generation;  /* the generation the list was computed for */
  guint                 running_generation;    /* the generation the run under way works on */
  gboolean              suggesting;
  gboolean              positions_stale; /* paragraphs were added or removed by typing */
  gboolean              have_results;

  /* Typing */
  guint                 store_timeout;
  guint                 refresh_idle;
  guint                 fold_idle;
  guint                 pending_loads;   /* sources being read */
  guint                 files_to_read;   /* files of the batches being read, and how */
  guint                 files_read;      /* many of them are read (for the progress) */
  gboolean              start_from_first;

  /* Template */
  AdwHeaderBar         *header_bar;
  AdwWindowTitle       *window_title;
  GtkToggleButton      *sources_button;
  GtkToggleButton      *suggestions_button;
  GtkSpinner           *spinner;
  GtkWidget            *credits_button;
  GtkRevealer          *banner_revealer;
  GtkLabel             *banner_label;
  AdwToastOverlay      *toast_overlay;
  AdwToast             *refusal_toast;   /* weak: why the last shortcut could not apply */
  GtkStack             *main_stack;
  AdwStatusPage        *empty_page;
  GtkWidget            *sample_button;
  GtkListBox           *recent_list;
  GtkWidget            *recent_group;
  AdwFlap              *sources_flap;
  AdwFlap              *suggestions_flap;
  GtkStack             *sidebar_stack;
  DeskSourcesPanel     *sources_panel;
  DeskSourceView       *source_view;
  DeskDraftView        *draft_view;
  DeskSuggestionsPanel *suggestions_panel;
  GMenu                *recent_menu;

  /* House style: house.punctuation, house.dash, house.nbsp, house.spelling, house.dateline */
  GSimpleActionGroup   *house_actions;
  DeskAliases          *aliases;         /* the table the suggester matches with */
};

void     _desk_window_class_actions_init  (GtkWidgetClass *widget_class);
void     _desk_window_actions_init        (DeskWindow     *self);
void     _desk_window_update_actions      (DeskWindow     *self);
const char *_desk_window_refusal          (DeskWindow     *self,
                                           const char     *action_name);
void     _desk_window_activate_shortcut   (GtkWidget      *widget,
                                           const char     *action_name);
void     _desk_window_set_project         (DeskWindow     *self,
                                           DeskProject    *project,
                                           GFile          *file);
void     _desk_window_schedule_suggest    (DeskWindow     *self,
                                           guint           delay_ms);
void     _desk_window_toast               (DeskWindow     *self,
                                           const char     *title,
                                           const char     *action_label,
                                           const char     *action_name);
void     _desk_window_update_title        (DeskWindow     *self);
void     _desk_window_update_recent       (DeskWindow     *self);
void     _desk_window_add_recent          (DeskWindow     *self,
                                           GFile          *file);
void     _desk_window_show_banner         (DeskWindow     *self,
                                           const char     *text);
DeskSuggestion *_desk_window_get_selected_suggestion (DeskWindow *self);
gboolean _desk_window_accept              (DeskWindow     *self,
                                           int             version);
gboolean _desk_window_reject              (DeskWindow     *self);
gboolean _desk_window_use_source_value    (DeskWindow     *self);
guint    _desk_window_accept_all          (DeskWindow     *self);
guint    _desk_window_apply_house_style   (DeskWindow     *self);
void     _desk_window_sync_house_style    (DeskWindow     *self);
void     _desk_window_undo                (DeskWindow     *self,
                                           gboolean        redo);
void     _desk_window_start_draft         (DeskWindow     *self,
                                           const char     *source_id);
void     _desk_window_show_source         (DeskWindow     *self,
                                           const char     *source_id);
void     _desk_window_remove_source       (DeskWindow     *self,
                                           const char     *source_id);
void     _desk_window_update_busy         (DeskWindow     *self);

G_END_DECLS
