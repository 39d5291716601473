/* desk-draft-view.c: the story being written: headline, byline, dateline and paragraphs
 *
 * The widgets and the DeskDraft are kept in step one direction at a time:
 *
 *  - store (widgets → draft): after the editor types, the window calls
 *    desk_draft_view_store(), which reads the body (one paragraph a line; blank lines do
 *    not count) and changes the draft as little as it can: equal paragraphs at the start
 *    and the end stay as they are, a paragraph retyped in place keeps its provenance, and
 *    paragraphs split or joined keep the provenance of those they share their words with.
 *  - load (draft → widgets): after an accept, an undo or a new project, the window calls
 *    desk_draft_view_load(), which rewrites only the part of the text that differs, so
 *    the cursor and the scroll position stay where they were.
 *
 * The text buffers keep no undo history of their own: the window's DeskUndoStack is the
 * one history, so Ctrl+Z undoes typing and accepting alike, in order.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <gtksourceview/gtksource.h>
#include <string.h>

#include "desk-credits.h"
#include "desk-draft-view.h"
#include "desk-palette.h"
#include "desk-provenance-renderer.h"
#include "desk-text-count.h"
#include "desk-spell.h"
#include "desk-suggestion-row.h"

/* ---- The body's text view: a GtkSourceView that draws the insertion line ---------- */

#define DESK_TYPE_DRAFT_TEXT_VIEW (desk_draft_text_view_get_type ())
G_DECLARE_FINAL_TYPE (DeskDraftTextView, desk_draft_text_view, DESK, DRAFT_TEXT_VIEW, GtkSourceView)

struct _DeskDraftTextView
{
  GtkSourceView parent_instance;

  int           marker_y;   /* buffer coordinates; -1: no marker */
};

G_DEFINE_FINAL_TYPE (DeskDraftTextView, desk_draft_text_view, GTK_SOURCE_TYPE_VIEW)

/* The accent line between paragraphs where the selected missing paragraph would go. It
 * is drawn, not a child widget: a child would take part in the view's size. */
static void
desk_draft_text_view_snapshot_layer (GtkTextView      *text_view,
                                     GtkTextViewLayer  layer,
                                     GtkSnapshot      *snapshot)
{
  DeskDraftTextView *self = DESK_DRAFT_TEXT_VIEW (text_view);

  GTK_TEXT_VIEW_CLASS (desk_draft_text_view_parent_class)->snapshot_layer (text_view, layer, snapshot);

  if (layer == GTK_TEXT_VIEW_LAYER_ABOVE_TEXT && self->marker_y != -1)
    {
      GdkRectangle visible;
      GskRoundedRect rounded;
      GdkRGBA accent;
      graphene_rect_t bounds;
      GtkStyleContext *style = gtk_widget_get_style_context (GTK_WIDGET (text_view));

      if (!gtk_style_context_lookup_color (style, "accent_bg_color", &accent))
        gdk_rgba_parse (&accent, "#3584e4");
      gtk_text_view_get_visible_rect (text_view, &visible);
      bounds = GRAPHENE_RECT_INIT (visible.x, self->marker_y - 2,
                                   MAX (visible.width - gtk_text_view_get_right_margin (text_view), 8), 4);
      gsk_rounded_rect_init_from_rect (&rounded, &bounds, 2);
      gtk_snapshot_push_rounded_clip (snapshot, &rounded);
      gtk_snapshot_append_color (snapshot, &accent, &bounds);
      gtk_snapshot_pop (snapshot);
    }
}

static void
desk_draft_text_view_class_init (DeskDraftTextViewClass *klass)
{
  GTK_TEXT_VIEW_CLASS (klass)->snapshot_layer = desk_draft_text_view_snapshot_layer;

  /* Ctrl+Backspace rejects the suggestion wherever the focus is (desk-shortcuts.c): the
   * previous word goes on Alt+Backspace, as in Emacs, bash and macOS. */
  gtk_widget_class_add_binding_signal (GTK_WIDGET_CLASS (klass), GDK_KEY_BackSpace, GDK_ALT_MASK,
                                       "delete-from-cursor", "(ii)", GTK_DELETE_WORD_ENDS, -1);
}

static void
desk_draft_text_view_init (DeskDraftTextView *self)
{
  self->marker_y = -1;
}

static void
desk_draft_text_view_set_marker (DeskDraftTextView *self,
                                 int                y)
{
  if (self->marker_y == y)
    return;
  self->marker_y = y;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* ---- The draft view --------------------------------------------------------------- */

struct _DeskDraftView
{
  GtkWidget               parent_instance;

  DeskProject            *project;
  gboolean                loading;
  GListStore             *start_sources;
  DeskSpellChecker       *body_spell;
  DeskSpellChecker       *headline_spell;

  GtkRevealer            *start_revealer;
  GtkDropDown            *start_dropdown;
  GtkTextView            *headline_view;
  GtkWidget              *headline_placeholder;
  GtkWidget              *body_placeholder;
  GtkEntry               *deck_entry;
  GtkEntry               *byline_entry;
  GtkEntry               *dateline_entry;
  GtkEntry               *credit_entry;
  GtkScrolledWindow      *scroller;
  GtkSourceView          *body_view;
  DeskFindBar            *find_bar;
  GtkMenuButton          *count_button;
  GtkMenuButton          *provenance_button;
  GtkLabel               *provenance_label;
  GtkPopover             *provenance_popover;
  GtkLabel               *provenance_popover_label;
  guint                   provenance_idle;
  gboolean                disposed;          /* no idle is queued once dispose begins */
  gboolean                provenance_refocus;
  GtkAdjustment          *target_adjustment;
  GtkSpinButton          *target_spin;
  guint                   target_words;
  DeskProvenanceRenderer *renderer;
  GtkTextMark            *scroll_mark;
  DeskSuggestion         *shown;
  guint                   marker_idle;
  guint                   masthead_idle;
};

G_DEFINE_FINAL_TYPE (DeskDraftView, desk_draft_view, GTK_TYPE_WIDGET)

enum {
  EDITED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static GtkTextBuffer *
body_buffer (DeskDraftView *self)
{
  return gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->body_view));
}

static GtkTextBuffer *
headline_buffer (DeskDraftView *self)
{
  return gtk_text_view_get_buffer (self->headline_view);
}

static char *
buffer_dup_text (GtkTextBuffer *buffer)
{
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static void
update_placeholders (DeskDraftView *self)
{
  gtk_widget_set_visible (self->headline_placeholder,
                          gtk_text_buffer_get_char_count (headline_buffer (self)) == 0);
  gtk_widget_set_visible (self->body_placeholder,
                          gtk_text_buffer_get_char_count (body_buffer (self)) == 0);
}

/* The status: "612 words · 3,904 characters", or against the target length. */
static void
update_count (DeskDraftView *self)
{
  g_autofree char *text = buffer_dup_text (body_buffer (self));
  g_autofree char *label = NULL;
  guint words, characters;

  desk_text_count (text, &words, &characters);

  gtk_widget_remove_css_class (GTK_WIDGET (self->count_button), "over-target");
  if (self->target_words == 0)
    label = g_strdup_printf (ngettext ("%u word · %u characters", "%u words · %u characters", words),
                             words, characters);
  else if (words > self->target_words)
    {
      /* Translators: "612 of 600 words · cut 12" */
      label = g_strdup_printf (ngettext ("%u of %u words · cut %u", "%u of %u words · cut %u", words),
                               words, self->target_words, words - self->target_words);
      gtk_widget_add_css_class (GTK_WIDGET (self->count_button), "over-target");
    }
  else
    /* Translators: "588 of 600 words · 12 to go" */
    label = g_strdup_printf (ngettext ("%u of %u words · %u to go", "%u of %u words · %u to go", words),
                             words, self->target_words, self->target_words - words);

  gtk_menu_button_set_label (self->count_button, label);
}

/* The popover opens on the target, ready to be typed. */
static void
count_popover_shown_cb (DeskDraftView *self)
{
  gtk_widget_grab_focus (GTK_WIDGET (self->target_spin));
}

static void
target_changed_cb (DeskDraftView *self)
{
  desk_draft_view_set_target_words (self, (guint)gtk_adjustment_get_value (self->target_adjustment));
}

static void
text_changed_cb (DeskDraftView *self)
{
  update_placeholders (self);
  update_count (self);
  if (!self->loading)
    g_signal_emit (self, signals[EDITED], 0);
}

/* ---- widgets → draft ------------------------------------------------------------- */

/* The body's paragraphs: its lines that are not blank, trimmed. */
static GPtrArray *
split_paragraphs (const char *text)
{
  GPtrArray *paragraphs = g_ptr_array_new_with_free_func (g_free);
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      char *line = g_strstrip (lines[i]);

      if (line[0] != '\0')
        g_ptr_array_add (paragraphs, g_strdup (line));
    }

  return paragraphs;
}

/* The body buffer's lines, as the editor sees them; the draft makes paragraphs of them. */
static GPtrArray *
body_lines (DeskDraftView *self)
{
  GtkTextBuffer *buffer = body_buffer (self);
  GPtrArray *lines = g_ptr_array_new_with_free_func (g_free);
  GtkTextIter start, end;

  gtk_text_buffer_get_start_iter (buffer, &start);
  do
    {
      end = start;
      if (!gtk_text_iter_ends_line (&end))
        gtk_text_iter_forward_to_line_end (&end);
      g_ptr_array_add (lines, gtk_text_buffer_get_text (buffer, &start, &end, FALSE));
    }
  while (gtk_text_iter_forward_line (&start));

  return lines;
}

static char *
one_line (const char *text)
{
  char *line = g_strdup (text);

  for (char *p = line; *p != '\0'; p++)
    if (*p == '\n' || *p == '\r' || *p == '\t')
      *p = ' ';

  return g_strstrip (line);
}

/**
 * desk_draft_view_store:
 *
 * Writes what the editor typed in the headline and the body into the project's draft.
 * The masthead's fields are stored by desk_draft_view_commit_masthead().
 *
 * Returns: whether the draft changed
 */
gboolean
desk_draft_view_store (DeskDraftView *self)
{
  DeskDraft *draft;
  g_autofree char *headline_text = NULL;
  g_autofree char *headline = NULL;
  g_autoptr(GPtrArray) lines = NULL;
  gboolean changed = FALSE;

  g_return_val_if_fail (DESK_IS_DRAFT_VIEW (self), FALSE);

  if (self->project == NULL)
    return FALSE;

  draft = desk_project_get_draft (self->project);

  headline_text = buffer_dup_text (headline_buffer (self));
  headline = one_line (headline_text);
  if (g_strcmp0 (headline, desk_draft_get_headline (draft) ? desk_draft_get_headline (draft) : "") != 0)
    {
      desk_draft_set_headline (draft, headline);
      changed = TRUE;
    }

  lines = body_lines (self);
  if (desk_draft_reconcile (draft, (const char * const *)lines->pdata, lines->len))
    changed = TRUE;

  return changed;
}

/* ---- draft → widgets ------------------------------------------------------------- */

/* Replaces only what differs between the buffer's text and @text. */
static void
buffer_update (GtkTextBuffer *buffer,
               const char    *text)
{
  g_autofree char *current = buffer_dup_text (buffer);
  const char *a = current;
  const char *b = text;
  gsize len_a = strlen (current);
  gsize len_b = strlen (text);
  glong prefix_chars = 0;
  gsize prefix = 0;
  gsize suffix = 0;
  GtkTextIter start, end;

  if (g_str_equal (current, text))
    return;

  while (prefix < len_a && prefix < len_b && a[prefix] == b[prefix])
    prefix++;
  /* Back to a character boundary. */
  while (prefix > 0 && (a[prefix] & 0xc0) == 0x80)
    prefix--;
  while (suffix < len_a - prefix && suffix < len_b - prefix &&
         a[len_a - 1 - suffix] == b[len_b - 1 - suffix])
    suffix++;
  while (suffix > 0 && (a[len_a - suffix] & 0xc0) == 0x80)
    suffix--;

  prefix_chars = g_utf8_strlen (a, prefix);
  gtk_text_buffer_get_iter_at_offset (buffer, &start, prefix_chars);
  gtk_text_buffer_get_iter_at_offset (buffer, &end,
                                      prefix_chars + g_utf8_strlen (a + prefix, len_a - prefix - suffix));
  gtk_text_buffer_begin_user_action (buffer);
  gtk_text_buffer_delete (buffer, &start, &end);
  gtk_text_buffer_insert (buffer, &start, b + prefix, len_b - prefix - suffix);
  gtk_text_buffer_end_user_action (buffer);
}

static void
entry_update (GtkEntry   *entry,
              const char *text)
{
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (entry)), text ? text : "") != 0)
    gtk_editable_set_text (GTK_EDITABLE (entry), text ? text : "");
}

/* The credit line the story goes out with, as the masthead shows it: the editor's, or
 * the one the credits write in the story's style. */
static char *
dup_credit_line (DeskDraftView *self)
{
  DeskCredits *credits = desk_project_get_credits (self->project);

  return desk_credits_dup_credit_line (credits, desk_credits_get_style (credits));
}

/* Whether the editor changed @entry since the draft was last shown in it. */
static gboolean
entry_is_dirty (GtkEntry *entry)
{
  return GPOINTER_TO_INT (g_object_get_data (G_OBJECT (entry), "desk-dirty"));
}

static void
entry_set_dirty (GtkEntry *entry,
                 gboolean  dirty)
{
  g_object_set_data (G_OBJECT (entry), "desk-dirty", GINT_TO_POINTER (dirty));
}

/* Shows the masthead of the draft, except in a field the editor is changing. */
static void
masthead_load (DeskDraftView *self)
{
  DeskDraft *draft = desk_project_get_draft (self->project);
  gboolean loading = self->loading;

  self->loading = TRUE;
  if (!entry_is_dirty (self->deck_entry))
    entry_update (self->deck_entry, desk_draft_get_deck (draft));
  if (!entry_is_dirty (self->byline_entry))
    entry_update (self->byline_entry, desk_draft_get_byline (draft));
  if (!entry_is_dirty (self->dateline_entry))
    entry_update (self->dateline_entry, desk_draft_get_dateline (draft));
  if (!entry_is_dirty (self->credit_entry))
    {
      g_autofree char *line = dup_credit_line (self);

      entry_update (self->credit_entry, line);
    }
  /* The editor's own credit line can go back to following the credits. */
  gtk_entry_set_icon_from_icon_name (self->credit_entry, GTK_ENTRY_ICON_SECONDARY,
                                     desk_draft_get_credit_line (draft) != NULL ? "edit-undo-symbolic" : NULL);
  self->loading = loading;
}

static gboolean
masthead_idle_cb (gpointer user_data)
{
  DeskDraftView *self = user_data;

  self->masthead_idle = 0;
  if (self->project != NULL)
    masthead_load (self);
  return G_SOURCE_REMOVE;
}

/* The credits behind the credit line change with the project: shown once the burst of
 * changes (sources being added, a project being opened) is over. */
/* ---- Where the sentence at the cursor came from ------------------------------------ */

/* The draft paragraph the body's cursor is in, and the byte offset of the cursor in that
 * paragraph's text (the line with its leading space left out, as the draft keeps it). */
static gboolean
cursor_paragraph (DeskDraftView *self,
                  int           *paragraph,
                  guint         *offset)
{
  GtkTextBuffer *buffer = body_buffer (self);
  GtkTextIter iter, scan;
  guint leading = 0;
  int index;

  gtk_text_buffer_get_iter_at_mark (buffer, &iter, gtk_text_buffer_get_insert (buffer));
  *paragraph = desk_provenance_renderer_paragraph_at_line (buffer, gtk_text_iter_get_line (&iter));
  if (*paragraph < 0 || self->project == NULL ||
      (guint)*paragraph >= desk_draft_get_n_paragraphs (desk_project_get_draft (self->project)))
    return FALSE;

  scan = iter;
  gtk_text_iter_set_line_offset (&scan, 0);
  while (!gtk_text_iter_ends_line (&scan) && g_unichar_isspace (gtk_text_iter_get_char (&scan)))
    {
      leading += g_unichar_to_utf8 (gtk_text_iter_get_char (&scan), NULL);
      gtk_text_iter_forward_char (&scan);
    }

  index = gtk_text_iter_get_line_index (&iter);
  *offset = index > (int)leading ? (guint)index - leading : 0;
  return TRUE;
}

/**
 * desk_draft_view_get_provenance_refusal:
 *
 * Returns: (nullable): why the sources of the sentence at the cursor cannot be named now,
 *   in words for the editor, or %NULL when they can
 */
const char *
desk_draft_view_get_provenance_refusal (DeskDraftView *self)
{
  GtkRoot *root;
  GtkWidget *focus;
  int paragraph;
  guint offset;

  g_return_val_if_fail (DESK_IS_DRAFT_VIEW (self), NULL);

  if (self->project == NULL ||
      desk_draft_get_n_paragraphs (desk_project_get_draft (self->project)) == 0)
    return _("The story has no paragraphs yet: there is no sentence to trace");

  root = gtk_widget_get_root (GTK_WIDGET (self));
  focus = root ? gtk_root_get_focus (root) : NULL;
  if (focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (self)) &&
      focus != GTK_WIDGET (self->body_view) &&
      !gtk_widget_is_ancestor (focus, GTK_WIDGET (self->body_view)) &&
      !gtk_widget_is_ancestor (focus, GTK_WIDGET (self->provenance_button)))
    return _("Only the story’s paragraphs record their sources: put the cursor in one");

  if (!cursor_paragraph (self, &paragraph, &offset))
    return _("The cursor is between paragraphs: put it in a sentence of the story");

  return NULL;
}

/**
 * desk_draft_view_dup_provenance:
 *
 * Returns: (transfer full) (nullable): what the sentence at the body's cursor came from
 *   ("¶ 2, this sentence: from Arkansas Democrat-Gazette (AP)"), or %NULL when the cursor
 *   is in no paragraph
 */
char *
desk_draft_view_dup_provenance (DeskDraftView *self)
{
  int paragraph;
  guint offset;

  g_return_val_if_fail (DESK_IS_DRAFT_VIEW (self), NULL);

  if (!cursor_paragraph (self, &paragraph, &offset))
    return NULL;

  return desk_provenance_renderer_dup_description (self->renderer, paragraph, offset);
}

/* The status bar names the sources of the sentence at the cursor, and the body's
 * accessible description says the same, so a screen reader can tell it too. */
static void
update_provenance (DeskDraftView *self)
{
  g_autofree char *text = desk_draft_view_dup_provenance (self);

  gtk_widget_set_visible (GTK_WIDGET (self->provenance_button), text != NULL);
  gtk_label_set_text (self->provenance_label, text ? text : "");
  gtk_label_set_text (self->provenance_popover_label, text ? text : "");
  if (text != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (self->body_view),
                                    GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text, -1);
  else
    gtk_accessible_reset_property (GTK_ACCESSIBLE (self->body_view),
                                   GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
}

static gboolean
provenance_idle_cb (gpointer user_data)
{
  DeskDraftView *self = user_data;

  self->provenance_idle = 0;
  update_provenance (self);
  return G_SOURCE_REMOVE;
}

static void
queue_provenance_update (DeskDraftView *self)
{
  if (self->provenance_idle == 0 && !self->disposed)
    self->provenance_idle = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, provenance_idle_cb, self, NULL);
}

static void
provenance_mark_set_cb (GtkTextBuffer *buffer,
                        GtkTextIter   *location,
                        GtkTextMark   *mark,
                        DeskDraftView *self)
{
  if (mark == gtk_text_buffer_get_insert (buffer))
    queue_provenance_update (self);
}

static void
provenance_popover_closed_cb (DeskDraftView *self)
{
  /* Opened from the draft (Alt+Return): back to the sentence. */
  if (self->provenance_refocus)
    {
      self->provenance_refocus = FALSE;
      gtk_widget_grab_focus (GTK_WIDGET (self->body_view));
    }
}

/**
 * desk_draft_view_show_provenance:
 *
 * Opens, from the status bar, what the sentence at the cursor came from; its text takes
 * the focus, so a screen reader reads it, and closing it puts the focus back in the draft.
 *
 * Returns: whether the cursor is in a paragraph (nothing is shown otherwise)
 */
gboolean
desk_draft_view_show_provenance (DeskDraftView *self)
{
  g_return_val_if_fail (DESK_IS_DRAFT_VIEW (self), FALSE);

  g_clear_handle_id (&self->provenance_idle, g_source_remove);
  update_provenance (self);
  if (!gtk_widget_get_visible (GTK_WIDGET (self->provenance_button)))
    return FALSE;

  self->provenance_refocus = gtk_widget_has_focus (GTK_WIDGET (self->body_view));
  gtk_menu_button_popup (self->provenance_button);
  gtk_widget_grab_focus (GTK_WIDGET (self->provenance_popover_label));
  return TRUE;
}

/**
 * desk_draft_view_get_provenance_popover:
 *
 * Returns: (transfer none): the popover desk_draft_view_show_provenance() opens
 */
GtkPopover *
desk_draft_view_get_provenance_popover (DeskDraftView *self)
{
  g_return_val_if_fail (DESK_IS_DRAFT_VIEW (self), NULL);
  return self->provenance_popover;
}

static void
project_changed_cb (DeskDraftView *self)
{
  if (self->masthead_idle == 0 && !self->disposed)
    self->masthead_idle = g_idle_add_full (G_PRIORITY_DEFAULT, masthead_idle_cb, self, NULL);
  queue_provenance_update (self);
}

static void
commit_field (DeskDraftView *self,
              GtkEntry      *entry,
              const char    *field,
              const char    *shown)
{
  g_autofree char *text = NULL;

  if (!entry_is_dirty (entry))
    return;
  entry_set_dirty (entry, FALSE);

  text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry))));
  if (g_strcmp0 (text, shown ? shown : "") == 0)
    return;

  gtk_widget_activate_action (GTK_WIDGET (self), "win.set-masthead", "(sms)", field, text);
}

/**
 * desk_draft_view_commit_masthead:
 *
 * Stores what the editor changed in the masthead's fields into the draft, one
 * win.set-masthead action (one undo step) a field. Leaving a field or pressing Return in
 * it does so, and so does anything that stores the editor's typing first.
 */
void
desk_draft_view_commit_masthead (DeskDraftView *self)
{
  DeskDraft *draft;

  g_return_if_fail (DESK_IS_DRAFT_VIEW (self));

  if (self->project == NULL)
    return;

  draft = desk_project_get_draft (self->project);
  commit_field (self, self->deck_entry, "deck", desk_draft_get_deck (draft));
  commit_field (self, self->byline_entry, "byline", desk_draft_get_byline (draft));
  commit_field (self, self->dateline_entry, "dateline", desk_draft_get_dateline (draft));
  if (entry_is_dirty (self->credit_entry))
    {
      g_autofree char *line = dup_credit_line (self);

      commit_field (self, self->credit_entry, "credit-line", line);
    }
  masthead_load (self);
}

static void
masthead_changed_cb (GtkEntry      *entry,
                     DeskDraftView *self)
{
  if (!self->loading)
    entry_set_dirty (entry, TRUE);
}

static void
masthead_leave_cb (GtkEventControllerFocus *controller,
                   DeskDraftView           *self)
{
  desk_draft_view_commit_masthead (self);
}

static void
credit_icon_press_cb (GtkEntry             *entry,
                      GtkEntryIconPosition  position,
                      DeskDraftView        *self)
{
  entry_set_dirty (entry, FALSE);
  gtk_widget_activate_action (GTK_WIDGET (self), "win.set-masthead", "(sms)", "credit-line", NULL);
}

/**
 * desk_draft_view_load:
 *
 * Shows the project's draft, changing only what differs from what is shown.
 */
void
desk_draft_view_load (DeskDraftView *self)
{
  DeskDraft *draft;
  g_autoptr(GString) body = NULL;

  g_return_if_fail (DESK_IS_DRAFT_VIEW (self));

  if (self->project == NULL)
    return;

  draft = desk_project_get_draft (self->project);
  body = g_string_new (NULL);
  for (guint i = 0; i < desk_draft_get_n_paragraphs (draft); i++)
    {
      if (i > 0)
        g_string_append_c (body, '\n');
      g_string_append (body, desk_paragraph_get_text (desk_draft_get_paragraph (draft, i)));
    }

  self->loading = TRUE;
  {
    g_autofree char *shown = buffer_dup_text (headline_buffer (self));
    g_autofree char *shown_line = one_line (shown);

    /* A headline that differs only in line breaks the editor typed stays as typed. */
    if (g_strcmp0 (shown_line, desk_draft_get_headline (draft) ? desk_draft_get_headline (draft) : "") != 0)
      buffer_update (headline_buffer (self), desk_draft_get_headline (draft) ? desk_draft_get_headline (draft) : "");
  }
  masthead_load (self);
  {
    g_autofree char *shown = buffer_dup_text (body_buffer (self));
    g_autoptr(GPtrArray) shown_paragraphs = split_paragraphs (shown);
    gboolean same = shown_paragraphs->len == desk_draft_get_n_paragraphs (draft);

    for (guint i = 0; same && i < shown_paragraphs->len; i++)
      same = g_str_equal (g_ptr_array_index (shown_paragraphs, i),
                          desk_paragraph_get_text (desk_draft_get_paragraph (draft, i)));

    /* Blank lines the editor left between paragraphs stay, if nothing else differs. */
    if (!same)
      buffer_update (body_buffer (self), body->str);
  }
  self->loading = FALSE;

  /* Spelling in the story's language and variety, as the project tells it. */
  {
    g_autofree char *language = desk_project_dup_spelling_language (self->project);

    desk_spell_checker_set_language (self->body_spell, language);
    desk_spell_checker_set_language (self->headline_spell, language);
  }

  gtk_widget_queue_draw (GTK_WIDGET (self->renderer));
}

/* ---- suggestions in the draft ---------------------------------------------------- */

static gboolean
paragraph_line_bounds (DeskDraftView *self,
                       int            paragraph,
                       GtkTextIter   *start,
                       GtkTextIter   *end)
{
  GtkTextBuffer *buffer = body_buffer (self);
  int lines = gtk_text_buffer_get_line_count (buffer);
  int seen = 0;

  for (int line = 0; line < lines; line++)
    {
      GtkTextIter iter;
      gboolean blank = TRUE;

      gtk_text_buffer_get_iter_at_line (buffer, &iter, line);
      *start = iter;
      while (!gtk_text_iter_ends_line (&iter))
        {
          if (!g_unichar_isspace (gtk_text_iter_get_char (&iter)))
            blank = FALSE;
          gtk_text_iter_forward_char (&iter);
        }
      *end = iter;

      if (!blank && seen++ == paragraph)
        return TRUE;
    }

  return FALSE;
}

static void
scroll_to (DeskDraftView     *self,
           const GtkTextIter *iter)
{
  GdkRectangle visible;
  int y, height;

  gtk_text_view_get_visible_rect (GTK_TEXT_VIEW (self->body_view), &visible);
  gtk_text_view_get_line_yrange (GTK_TEXT_VIEW (self->body_view), iter, &y, &height);

  if (y >= visible.y && y + MIN (height, visible.height / 2) <= visible.y + visible.height)
    return;

  gtk_text_buffer_move_mark (body_buffer (self), self->scroll_mark, iter);
  gtk_text_view_scroll_to_mark (GTK_TEXT_VIEW (self->body_view), self->scroll_mark, 0.0, TRUE, 0.0, 0.3);
}

/* Where the line between paragraphs goes for the selected missing paragraph. */
static void
place_insert_marker (DeskDraftView *self)
{
  GtkTextView *view = GTK_TEXT_VIEW (self->body_view);
  GtkTextIter start, end;
  int after, y, height;

  if (self->shown == NULL || desk_suggestion_get_kind (self->shown) != DESK_SUGGESTION_MISSING)
    {
      desk_draft_text_view_set_marker (DESK_DRAFT_TEXT_VIEW (view), -1);
      return;
    }

  after = desk_suggestion_placed_after (self->shown);
  if (after < 0 || !paragraph_line_bounds (self, after, &start, &end))
    y = -gtk_text_view_get_top_margin (view) / 2;
  else
    {
      gtk_text_view_get_line_yrange (view, &start, &y, &height);
      y += height - gtk_text_view_get_pixels_below_lines (view) / 2;
    }

  desk_draft_text_view_set_marker (DESK_DRAFT_TEXT_VIEW (view), y);
}

static gboolean
marker_idle_cb (gpointer user_data)
{
  DeskDraftView *self = user_data;

  self->marker_idle = 0;
  place_insert_marker (self);
  return G_SOURCE_REMOVE;
}

static void
queue_place_marker (DeskDraftView *self)
{
  if (self->marker_idle == 0 && self->shown != NULL && !self->disposed)
    self->marker_idle = g_idle_add_full (G_PRIORITY_LOW, marker_idle_cb, self, NULL);
}

/**
 * desk_draft_view_show_suggestion:
 * @suggestion: (nullable): the selected suggestion
 *
 * Shows where a suggestion would go: a marker between paragraphs for a missing one, the
 * paragraph it concerns (and the disputed sentence) otherwise; scrolls there.
 */
void
desk_draft_view_show_suggestion (DeskDraftView  *self,
                                 DeskSuggestion *suggestion)
{
  GtkTextBuffer *buffer;
  GtkTextIter start, end;
  DeskSuggestionKind kind;

  g_return_if_fail (DESK_IS_DRAFT_VIEW (self));

  buffer = body_buffer (self);
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  gtk_text_buffer_remove_tag_by_name (buffer, "suggestion-target", &start, &end);
  gtk_text_buffer_remove_tag_by_name (buffer, "suggestion-disputed", &start, &end);
  desk_provenance_renderer_set_insert_after (self->renderer, -2);
  gtk_widget_remove_css_class (GTK_WIDGET (self->headline_view), "suggestion-target");
  g_set_object (&self->shown, suggestion);
  place_insert_marker (self);

  if (suggestion == NULL)
    return;

  kind = desk_suggestion_get_kind (suggestion);
  if (kind == DESK_SUGGESTION_HEADLINE)
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->headline_view), "suggestion-target");
      return;
    }

  if (kind == DESK_SUGGESTION_MISSING)
    {
      int after = desk_suggestion_placed_after (suggestion);

      desk_provenance_renderer_set_insert_after (self->renderer, MAX (after, -1));
      if (after < 0)
        gtk_text_buffer_get_start_iter (buffer, &start);
      else if (!paragraph_line_bounds (self, after, &start, &end))
        gtk_text_buffer_get_end_iter (buffer, &start);
      scroll_to (self, &start);
      return;
    }

  if (!paragraph_line_bounds (self, desk_suggestion_placed_target (suggestion), &start, &end))
    return;

  gtk_text_buffer_apply_tag_by_name (buffer, "suggestion-target", &start, &end);
  if (desk_suggestion_get_draft_text (suggestion) != NULL)
    {
      GtkTextIter match_start, match_end;

      if (gtk_text_iter_forward_search (&start, desk_suggestion_get_draft_text (suggestion), 0,
                                        &match_start, &match_end, &end))
        gtk_text_buffer_apply_tag_by_name (buffer, "suggestion-disputed", &match_start, &match_end);
    }
  scroll_to (self, &start);
}

/* ---- the start banner ------------------------------------------------------------ */

static void
start_clicked_cb (DeskDraftView *self)
{
  guint selected = gtk_drop_down_get_selected (self->start_dropdown);
  g_autoptr(DeskSource) source = NULL;

  if (self->start_sources == NULL ||
      !(source = g_list_model_get_item (G_LIST_MODEL (self->start_sources), selected)))
    return;

  gtk_widget_activate_action (GTK_WIDGET (self), "win.start-draft", "s", desk_source_get_id (source));
}

static char *
source_choice_label (DeskSource *source)
{
  g_autofree char *label = desk_source_dup_label (source);
  g_autofree char *words = g_strdup_printf (ngettext ("%u word", "%u words",
                                                      desk_source_get_n_words (source)),
                                            desk_source_get_n_words (source));

  /* The label names the length already when versions of one outlet are told apart by it. */
  if (strstr (label, words) != NULL)
    return g_steal_pointer (&label);
  /* Translators: a source to start the draft from: "Reuters, 590 words" */
  return g_strdup_printf (ngettext ("%s, %u word", "%s, %u words", desk_source_get_n_words (source)),
                          label, desk_source_get_n_words (source));
}

/**
 * desk_draft_view_set_start_choices:
 *
 * Shows or hides the banner that starts the draft from a source, or empty.
 */
void
desk_draft_view_set_start_choices (DeskDraftView *self,
                                   gboolean       visible)
{
  g_return_if_fail (DESK_IS_DRAFT_VIEW (self));

  if (visible && self->project != NULL)
    {
      GListModel *sources = desk_project_get_sources (self->project);
      g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
      guint longest = 0;
      guint longest_words = 0;

      g_list_store_remove_all (self->start_sources);
      for (guint i = 0; i < g_list_model_get_n_items (sources); i++)
        {
          g_autoptr(DeskSource) source = g_list_model_get_item (sources, i);
          g_autofree char *label = source_choice_label (source);

          g_list_store_append (self->start_sources, source);
          gtk_string_list_append (labels, label);
          if (desk_source_get_n_words (source) > longest_words)
            {
              longest_words = desk_source_get_n_words (source);
              longest = i;
            }
        }

      gtk_drop_down_set_model (self->start_dropdown, G_LIST_MODEL (labels));
      gtk_drop_down_set_selected (self->start_dropdown, longest);
    }

  /* Hidden, not just folded away: a revealer still asks for its child's width. */
  gtk_widget_set_visible (GTK_WIDGET (self->start_revealer), visible);
  gtk_revealer_set_reveal_child (self->start_revealer, visible);
}

/* ---- the widget ------------------------------------------------------------------ */

static gboolean
headline_key_pressed_cb (GtkEventControllerKey *controller,
                         guint                  keyval,
                         guint                  keycode,
                         GdkModifierType        state,
                         DeskDraftView         *self)
{
  /* A headline is one paragraph: Return moves on to the byline. */
  if ((keyval == GDK_KEY_Return || keyval == GDK_KEY_KP_Enter || keyval == GDK_KEY_ISO_Enter) &&
      (state & (GDK_CONTROL_MASK | GDK_ALT_MASK)) == 0)
    {
      gtk_widget_grab_focus (GTK_WIDGET (self->byline_entry));
      return TRUE;
    }

  return FALSE;
}

static void
meta_activate_cb (DeskDraftView *self)
{
  desk_draft_view_commit_masthead (self);
  desk_draft_view_focus_body (self);
}

static void
update_style_scheme (DeskDraftView *self)
{
  AdwStyleManager *manager = adw_style_manager_get_default ();
  GtkSourceStyleSchemeManager *schemes = gtk_source_style_scheme_manager_get_default ();
  const char *id = adw_style_manager_get_dark (manager) ? "Adwaita-dark" : "Adwaita";
  GtkSourceStyleScheme *scheme = gtk_source_style_scheme_manager_get_scheme (schemes, id);

  if (scheme != NULL)
    gtk_source_buffer_set_style_scheme (GTK_SOURCE_BUFFER (body_buffer (self)), scheme);
}

static void
desk_draft_view_dispose (GObject *object)
{
  DeskDraftView *self = (DeskDraftView *)object;

  /* Taking the children and the project apart may move the cursor or change the project:
   * what that would queue would run on a view that is gone. */
  self->disposed = TRUE;
  g_signal_handlers_disconnect_by_data (adw_style_manager_get_default (), self);
  g_clear_handle_id (&self->marker_idle, g_source_remove);
  g_clear_handle_id (&self->masthead_idle, g_source_remove);
  g_clear_handle_id (&self->provenance_idle, g_source_remove);
  g_clear_object (&self->shown);
  g_clear_object (&self->body_spell);
  g_clear_object (&self->headline_spell);

  gtk_widget_dispose_template (GTK_WIDGET (self), DESK_TYPE_DRAFT_VIEW);
  for (GtkWidget *child; (child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL;)
    gtk_widget_unparent (child);
  g_clear_object (&self->project);
  g_clear_object (&self->start_sources);

  G_OBJECT_CLASS (desk_draft_view_parent_class)->dispose (object);
}

static void
desk_draft_view_class_init (DeskDraftViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = desk_draft_view_dispose;

  /**
   * DeskDraftView::edited:
   *
   * The editor changed the headline, byline, dateline or body; the draft does not know
   * yet (see desk_draft_view_store()).
   */
  signals[EDITED] = g_signal_new ("edited", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  g_type_ensure (GTK_SOURCE_TYPE_VIEW);
  g_type_ensure (DESK_TYPE_DRAFT_TEXT_VIEW);
  g_type_ensure (DESK_TYPE_FIND_BAR);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/copydesk/Copydesk/ui/desk-draft-view.ui");
  gtk_widget_class_bind_template_child (widget_class, DeskDraftView, start_revealer);
  gtk_widget_class_bind_template_child (widget_class, DeskDraftView, start_dropdown);
  gtk_widget_class_bind_template_child (widget_class, DeskDraftView, headline_view);
  gtk_widget_class_bind_template_child (widget_class, DeskDraftView, headline_placeholder);
  gtk_widget_class_bind_template_child (widget_class, DeskDraftView, body_placeholder);
  gtk_widget_class_bind_template_child (widget_class, DeskDraftView, deck_entry);
  gtk_widget_class_bind_template_child (widget_class, DeskDraftView, byline_entry);
  gtk_widget_class_bind_template_child (widget_class, DeskDraftView, dateline_entry);
  gtk_widget_class_bind_template_child (widget_class, DeskDraftView, credit_entry);
  gtk_widget_class_bind_template_child (widget_class, DeskDraftView, scroller);
  gtk_widget_class_bind_template_child (widget_class, DeskDraftView, body_view);
  gtk_widget_class_bind_template_child (widget_class, DeskDraftView, find_bar);
  gtk_widget_class_bind_template_child (widget_class, DeskDraftView, count_button);
  gtk_widget_class_bind_template_child (widget_class, DeskDraftView, provenance_button);
  gtk_widget_class_bind_template_child (widget_class, DeskDraftView, provenance_label);
  gtk_widget_class_bind_template_child (widget_class, DeskDraftView, provenance_popover);
  gtk_widget_class_bind_template_child (widget_class, DeskDraftView, provenance_popover_label);
  gtk_widget_class_bind_template_callback (widget_class, provenance_popover_closed_cb);
  gtk_widget_class_bind_template_child (widget_class, DeskDraftView, target_adjustment);
  gtk_widget_class_bind_template_child (widget_class, DeskDraftView, target_spin);
  gtk_widget_class_bind_template_callback (widget_class, start_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, target_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, count_popover_shown_cb);
  gtk_widget_class_set_css_name (widget_class, "draftview");
}

static void
desk_draft_view_init (DeskDraftView *self)
{
  GtkTextBuffer *buffer;
  GtkEventController *keys;
  GdkRGBA target = { 0.21, 0.52, 0.89, 0.12 };
  GdkRGBA disputed = { 0.88, 0.11, 0.14, 0.22 };

  gtk_widget_init_template (GTK_WIDGET (self));

  self->start_sources = g_list_store_new (DESK_TYPE_SOURCE);

  buffer = body_buffer (self);
  gtk_text_buffer_set_enable_undo (buffer, FALSE);
  gtk_text_buffer_set_enable_undo (headline_buffer (self), FALSE);
  gtk_source_buffer_set_highlight_matching_brackets (GTK_SOURCE_BUFFER (buffer), FALSE);
  gtk_text_buffer_create_tag (buffer, "suggestion-target", "paragraph-background-rgba", &target, NULL);
  gtk_text_buffer_create_tag (buffer, "suggestion-disputed", "background-rgba", &disputed,
                              "underline", PANGO_UNDERLINE_ERROR, NULL);
  {
    GtkTextIter start;

    gtk_text_buffer_get_start_iter (buffer, &start);
    self->scroll_mark = gtk_text_buffer_create_mark (buffer, "desk-scroll", &start, TRUE);
  }

  g_signal_connect_object (buffer, "changed", G_CALLBACK (queue_place_marker), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (self->body_view)), "changed",
                            G_CALLBACK (queue_place_marker), self, G_CONNECT_SWAPPED);

  self->renderer = DESK_PROVENANCE_RENDERER (desk_provenance_renderer_new ());
  gtk_source_gutter_insert (gtk_source_view_get_gutter (self->body_view, GTK_TEXT_WINDOW_LEFT),
                            GTK_SOURCE_GUTTER_RENDERER (self->renderer), 0);

  g_signal_connect_object (buffer, "changed", G_CALLBACK (text_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (buffer, "mark-set", G_CALLBACK (provenance_mark_set_cb), self, 0);
  g_signal_connect_object (headline_buffer (self), "changed", G_CALLBACK (text_changed_cb), self, G_CONNECT_SWAPPED);
  /* The masthead: each field is stored when the editor leaves it or presses Return. */
  {
    GtkEntry *fields[] = { self->deck_entry, self->byline_entry, self->dateline_entry, self->credit_entry };

    for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
      {
        GtkEventController *focus = gtk_event_controller_focus_new ();

        g_signal_connect_object (fields[i], "changed", G_CALLBACK (masthead_changed_cb), self, 0);
        g_signal_connect_object (fields[i], "activate", G_CALLBACK (meta_activate_cb), self, G_CONNECT_SWAPPED);
        g_signal_connect (focus, "leave", G_CALLBACK (masthead_leave_cb), self);
        gtk_widget_add_controller (GTK_WIDGET (fields[i]), focus);
      }
    g_signal_connect_object (self->credit_entry, "icon-press", G_CALLBACK (credit_icon_press_cb), self, 0);
  }

  keys = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (headline_key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->headline_view), keys);

  /* The headline deletes the previous word on Alt+Backspace too, as the body does. */
  {
    GtkEventController *words = gtk_shortcut_controller_new ();
    GtkShortcut *shortcut = gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_BackSpace, GDK_ALT_MASK),
                                              gtk_signal_action_new ("delete-from-cursor"));

    gtk_shortcut_set_arguments (shortcut, g_variant_new ("(ii)", GTK_DELETE_WORD_ENDS, -1));
    gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (words), shortcut);
    gtk_widget_add_controller (GTK_WIDGET (self->headline_view), words);
  }

  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (update_style_scheme), self, G_CONNECT_SWAPPED);
  update_style_scheme (self);

  update_placeholders (self);
  desk_find_bar_set_view (self->find_bar, self->body_view);
  update_count (self);

  self->body_spell = desk_spell_checker_new (GTK_TEXT_VIEW (self->body_view));
  self->headline_spell = desk_spell_checker_new (self->headline_view);
}

void
desk_draft_view_set_project (DeskDraftView *self,
                             DeskProject   *project)
{
  g_return_if_fail (DESK_IS_DRAFT_VIEW (self));

  if (self->project != NULL)
    g_signal_handlers_disconnect_by_func (self->project, project_changed_cb, self);
  g_set_object (&self->project, project);
  if (project != NULL)
    g_signal_connect_object (project, "changed", G_CALLBACK (project_changed_cb), self, G_CONNECT_SWAPPED);
  desk_provenance_renderer_set_project (self->renderer, project);
  desk_draft_view_load (self);
}

void
desk_draft_view_set_spell_checking (DeskDraftView *self,
                                    gboolean       enabled)
{
  g_return_if_fail (DESK_IS_DRAFT_VIEW (self));

  desk_spell_checker_set_enabled (self->body_spell, enabled);
  desk_spell_checker_set_enabled (self->headline_spell, enabled);
}

/**
 * desk_draft_view_select_range:
 * @paragraph: a paragraph of the draft, or -1 for the headline
 * @start: byte offset in the paragraph's text
 * @end: byte offset just past the range
 *
 * Selects the range in the draft, scrolls to it and gives it the focus, so the editor
 * can change it (another mention of a conflict's value).
 *
 * Returns: %TRUE if the range is in the draft as shown
 */
gboolean
desk_draft_view_select_range (DeskDraftView *self,
                              int            paragraph,
                              guint          start,
                              guint          end)
{
  GtkTextBuffer *buffer;
  GtkTextIter line_start, line_end, from, to;

  g_return_val_if_fail (DESK_IS_DRAFT_VIEW (self), FALSE);
  g_return_val_if_fail (start <= end, FALSE);

  if (paragraph < 0)
    {
      buffer = headline_buffer (self);
      gtk_text_buffer_get_bounds (buffer, &line_start, &line_end);
    }
  else
    {
      buffer = body_buffer (self);
      if (!paragraph_line_bounds (self, paragraph, &line_start, &line_end))
        return FALSE;
    }

  if ((int)end > gtk_text_iter_get_line_index (&line_end) - gtk_text_iter_get_line_index (&line_start) &&
      gtk_text_iter_get_line (&line_start) == gtk_text_iter_get_line (&line_end))
    return FALSE;

  from = line_start;
  to = line_start;
  gtk_text_iter_set_line_index (&from, gtk_text_iter_get_line_index (&line_start) + start);
  gtk_text_iter_set_line_index (&to, gtk_text_iter_get_line_index (&line_start) + end);
  gtk_text_buffer_select_range (buffer, &to, &from);

  if (paragraph < 0)
    gtk_widget_grab_focus (GTK_WIDGET (self->headline_view));
  else
    {
      gtk_widget_grab_focus (GTK_WIDGET (self->body_view));
      scroll_to (self, &from);
    }
  return TRUE;
}

/**
 * desk_draft_view_set_target_words:
 * @target: the story's target length in words, or 0 for none
 *
 * The status then counts against it ("612 of 600 words · cut 12").
 */
void
desk_draft_view_set_target_words (DeskDraftView *self,
                                  guint          target)
{
  g_return_if_fail (DESK_IS_DRAFT_VIEW (self));

  self->target_words = target;
  if ((guint)gtk_adjustment_get_value (self->target_adjustment) != target)
    gtk_adjustment_set_value (self->target_adjustment, target);
  update_count (self);
}

/**
 * desk_draft_view_get_count_label:
 *
 * Returns: what the status says of the draft's length
 */
const char *
desk_draft_view_get_count_label (DeskDraftView *self)
{
  g_return_val_if_fail (DESK_IS_DRAFT_VIEW (self), NULL);
  return gtk_menu_button_get_label (self->count_button);
}

/**
 * desk_draft_view_get_find_bar:
 *
 * Returns: (transfer none): the draft's find and replace bar
 */
DeskFindBar *
desk_draft_view_get_find_bar (DeskDraftView *self)
{
  g_return_val_if_fail (DESK_IS_DRAFT_VIEW (self), NULL);
  return self->find_bar;
}

void
desk_draft_view_focus_body (DeskDraftView *self)
{
  g_return_if_fail (DESK_IS_DRAFT_VIEW (self));
  gtk_widget_grab_focus (GTK_WIDGET (self->body_view));
}

/**
 * desk_draft_view_refresh_margin:
 *
 * Draws the margin again: the draft's paragraphs or their sources changed.
 */
void
desk_draft_view_refresh_margin (DeskDraftView *self)
{
  g_return_if_fail (DESK_IS_DRAFT_VIEW (self));
  gtk_widget_queue_draw (GTK_WIDGET (self->renderer));
  queue_provenance_update (self);
}

GtkTextBuffer *
desk_draft_view_get_body_buffer (DeskDraftView *self)
{
  g_return_val_if_fail (DESK_IS_DRAFT_VIEW (self), NULL);
  return body_buffer (self);
}

GtkTextBuffer *
desk_draft_view_get_headline_buffer (DeskDraftView *self)
{
  g_return_val_if_fail (DESK_IS_DRAFT_VIEW (self), NULL);
  return headline_buffer (self);
}

GtkTextView *
desk_draft_view_get_body_view (DeskDraftView *self)
{
  g_return_val_if_fail (DESK_IS_DRAFT_VIEW (self), NULL);
  return GTK_TEXT_VIEW (self->body_view);
}

/**
 * desk_draft_view_dup_paragraph_tooltip:
 *
 * Returns: (transfer full) (nullable): what the margin's tooltip says of a paragraph
 */
char *
desk_draft_view_dup_paragraph_tooltip (DeskDraftView *self,
                                       guint          paragraph)
{
  g_return_val_if_fail (DESK_IS_DRAFT_VIEW (self), NULL);
  return desk_provenance_renderer_dup_tooltip (self->renderer, paragraph);
}
