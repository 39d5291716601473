/* desk-undo-stack.c: the editor's undo history: every decision and every burst of typing
 *
 * This is where an accept becomes an undo step. Each step keeps the draft, the list of
 * rejected texts and the editor's credit decisions as they were before and after it, so
 * undoing an accept, a reject, an Accept All, a tick in the credits or a stretch of typing
 * is one and the same operation: put the state back.
 * The draft's own text buffers keep no history of their own (their undo is switched off),
 * so the editor has exactly one undo history a window, reached through win.undo/win.redo.
 * Drafts are small (a few kilobytes), so whole copies are cheaper to get right than
 * inverse operations.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <json-glib/json-glib.h>

#include "desk-credits.h"
#include "desk-undo-stack.h"

/* Steps kept; older ones are forgotten. */
#define MAX_STEPS 500
/* Typing steps closer together than this are one step. */
#define COALESCE_USEC (2 * G_USEC_PER_SEC)

struct _DeskDraftState
{
  DeskDraft *draft;
  GStrv      rejected;
  char      *credits;   /* desk_credits_save_decisions (), as JSON text */
};

typedef struct
{
  char           *label;
  DeskDraftState *before;
  DeskDraftState *after;
  gint64          time;
  gboolean        coalesce;
} Step;

struct _DeskUndoStack
{
  GObject         parent_instance;

  GPtrArray      *undo;      /* Step, oldest first */
  GPtrArray      *redo;      /* Step, the next to redo last */

  /* Between desk_undo_stack_begin_decision() and its end: */
  DeskProject    *project;
  DeskDraftState *before;
};

G_DEFINE_FINAL_TYPE (DeskUndoStack, desk_undo_stack, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_CAN_UNDO,
  PROP_CAN_REDO,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/**
 * desk_draft_state_new:
 *
 * Returns: (transfer full): a copy of @project's draft and rejected texts
 */
DeskDraftState *
desk_draft_state_new (DeskProject *project)
{
  DeskDraftState *state;

  g_return_val_if_fail (DESK_IS_PROJECT (project), NULL);

  state = g_new0 (DeskDraftState, 1);
  state->draft = desk_draft_copy (desk_project_get_draft (project));
  state->rejected = g_strdupv ((GStrv)desk_project_get_rejected (project));
  {
    g_autoptr(JsonNode) decisions = desk_credits_save_decisions (desk_project_get_credits (project));

    state->credits = json_to_string (decisions, FALSE);
  }

  return state;
}

void
desk_draft_state_free (DeskDraftState *state)
{
  if (state == NULL)
    return;

  g_clear_object (&state->draft);
  g_clear_pointer (&state->rejected, g_strfreev);
  g_clear_pointer (&state->credits, g_free);
  g_free (state);
}

/* The same text from the same sources, sentence for sentence. */
static gboolean
paragraphs_equal (DeskParagraph *a,
                  DeskParagraph *b)
{
  return g_strcmp0 (desk_paragraph_get_text (a), desk_paragraph_get_text (b)) == 0 &&
         desk_paragraph_provenance_equal (a, b);
}

static gboolean
drafts_equal (DeskDraft *a,
              DeskDraft *b)
{
  guint n = desk_draft_get_n_paragraphs (a);

  if (g_strcmp0 (desk_draft_get_headline (a), desk_draft_get_headline (b)) != 0 ||
      g_strcmp0 (desk_draft_get_byline (a), desk_draft_get_byline (b)) != 0 ||
      g_strcmp0 (desk_draft_get_dateline (a), desk_draft_get_dateline (b)) != 0 ||
      g_strcmp0 (desk_draft_get_deck (a), desk_draft_get_deck (b)) != 0 ||
      g_strcmp0 (desk_draft_get_credit_line (a), desk_draft_get_credit_line (b)) != 0 ||
      n != desk_draft_get_n_paragraphs (b))
    return FALSE;

  for (guint i = 0; i < n; i++)
    if (!paragraphs_equal (desk_draft_get_paragraph (a, i), desk_draft_get_paragraph (b, i)))
      return FALSE;

  return TRUE;
}

gboolean
desk_draft_state_equal (DeskDraftState *a,
                        DeskDraftState *b)
{
  g_return_val_if_fail (a != NULL && b != NULL, FALSE);

  return g_strv_equal ((const char * const *)a->rejected, (const char * const *)b->rejected) &&
         g_strcmp0 (a->credits, b->credits) == 0 &&
         drafts_equal (a->draft, b->draft);
}

/**
 * desk_draft_state_restore:
 *
 * Puts @state back into @project: into the project's own draft object, so that the
 * project keeps the source its draft was started from.
 */
void
desk_draft_state_restore (DeskDraftState *state,
                          DeskProject    *project)
{
  DeskDraft *draft;
  const char * const *rejected;
  guint n_current;
  guint n_wanted;
  guint common = 0;

  g_return_if_fail (state != NULL);
  g_return_if_fail (DESK_IS_PROJECT (project));

  draft = desk_project_get_draft (project);

  if (g_strcmp0 (desk_draft_get_headline (draft), desk_draft_get_headline (state->draft)) != 0)
    desk_draft_set_headline (draft, desk_draft_get_headline (state->draft));
  if (g_strcmp0 (desk_draft_get_byline (draft), desk_draft_get_byline (state->draft)) != 0)
    desk_draft_set_byline (draft, desk_draft_get_byline (state->draft));
  if (g_strcmp0 (desk_draft_get_dateline (draft), desk_draft_get_dateline (state->draft)) != 0)
    desk_draft_set_dateline (draft, desk_draft_get_dateline (state->draft));
  if (g_strcmp0 (desk_draft_get_deck (draft), desk_draft_get_deck (state->draft)) != 0)
    desk_draft_set_deck (draft, desk_draft_get_deck (state->draft));
  if (g_strcmp0 (desk_draft_get_credit_line (draft), desk_draft_get_credit_line (state->draft)) != 0)
    desk_draft_set_credit_line (draft, desk_draft_get_credit_line (state->draft));

  /* Keep the paragraphs that are equal at the start; replace the rest. */
  n_current = desk_draft_get_n_paragraphs (draft);
  n_wanted = desk_draft_get_n_paragraphs (state->draft);
  while (common < n_current && common < n_wanted &&
         paragraphs_equal (desk_draft_get_paragraph (draft, common),
                           desk_draft_get_paragraph (state->draft, common)))
    common++;

  while (desk_draft_get_n_paragraphs (draft) > common)
    desk_draft_remove (draft, desk_draft_get_n_paragraphs (draft) - 1);
  for (guint i = common; i < n_wanted; i++)
    {
      g_autoptr(DeskParagraph) copy = desk_paragraph_copy (desk_draft_get_paragraph (state->draft, i));
      desk_draft_append (draft, copy);
    }

  /* The rejected texts: forget what the state does not have, add what it has. */
  rejected = desk_project_get_rejected (project);
  {
    g_auto(GStrv) current = g_strdupv ((GStrv)rejected);

    for (guint i = 0; current[i] != NULL; i++)
      if (!g_strv_contains ((const char * const *)state->rejected, current[i]))
        desk_project_remove_rejected (project, current[i]);
  }
  for (guint i = 0; state->rejected[i] != NULL; i++)
    desk_project_add_rejected (project, state->rejected[i]);

  /* The credit decisions, when they differ: restoring them is a change the project saves. */
  {
    DeskCredits *credits = desk_project_get_credits (project);
    g_autoptr(JsonNode) current = desk_credits_save_decisions (credits);
    g_autofree char *current_text = json_to_string (current, FALSE);

    if (g_strcmp0 (current_text, state->credits) != 0)
      {
        g_autoptr(JsonNode) decisions = json_from_string (state->credits, NULL);

        if (decisions != NULL)
          desk_credits_restore_decisions (credits, decisions, NULL);
      }
  }
}

static void
step_free (gpointer data)
{
  Step *step = data;

  g_free (step->label);
  desk_draft_state_free (step->before);
  desk_draft_state_free (step->after);
  g_free (step);
}

static void
desk_undo_stack_finalize (GObject *object)
{
  DeskUndoStack *self = (DeskUndoStack *)object;

  g_clear_pointer (&self->undo, g_ptr_array_unref);
  g_clear_pointer (&self->redo, g_ptr_array_unref);
  g_clear_pointer (&self->before, desk_draft_state_free);
  g_clear_object (&self->project);

  G_OBJECT_CLASS (desk_undo_stack_parent_class)->finalize (object);
}

static void
desk_undo_stack_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  DeskUndoStack *self = DESK_UNDO_STACK (object);

  switch (prop_id)
    {
    case PROP_CAN_UNDO:
      g_value_set_boolean (value, desk_undo_stack_get_can_undo (self));
      break;

    case PROP_CAN_REDO:
      g_value_set_boolean (value, desk_undo_stack_get_can_redo (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
desk_undo_stack_class_init (DeskUndoStackClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = desk_undo_stack_finalize;
  object_class->get_property = desk_undo_stack_get_property;

  properties[PROP_CAN_UNDO] =
    g_param_spec_boolean ("can-undo", NULL, NULL, FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_CAN_REDO] =
    g_param_spec_boolean ("can-redo", NULL, NULL, FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
desk_undo_stack_init (DeskUndoStack *self)
{
  self->undo = g_ptr_array_new_with_free_func (step_free);
  self->redo = g_ptr_array_new_with_free_func (step_free);
}

DeskUndoStack *
desk_undo_stack_new (void)
{
  return g_object_new (DESK_TYPE_UNDO_STACK, NULL);
}

static void
notify_both (DeskUndoStack *self,
             gboolean       could_undo,
             gboolean       could_redo)
{
  if (could_undo != desk_undo_stack_get_can_undo (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_UNDO]);
  if (could_redo != desk_undo_stack_get_can_redo (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_REDO]);
}

/**
 * desk_undo_stack_push:
 * @label: what the step did, for the menu ("Accept Suggestion")
 * @coalesce: whether the step may merge with the previous one of the same label when they
 *   come close together (typing)
 * @before: (transfer full): the state before the step
 * @after: (transfer full): the state after it
 *
 * Records a step and forgets what could have been redone. A step that changed nothing is
 * dropped.
 */
void
desk_undo_stack_push (DeskUndoStack  *self,
                      const char     *label,
                      gboolean        coalesce,
                      DeskDraftState *before,
                      DeskDraftState *after)
{
  gboolean could_undo;
  gboolean could_redo;
  gint64 now = g_get_monotonic_time ();
  Step *step;

  g_return_if_fail (DESK_IS_UNDO_STACK (self));
  g_return_if_fail (before != NULL && after != NULL);

  if (desk_draft_state_equal (before, after))
    {
      desk_draft_state_free (before);
      desk_draft_state_free (after);
      return;
    }

  could_undo = desk_undo_stack_get_can_undo (self);
  could_redo = desk_undo_stack_get_can_redo (self);
  g_ptr_array_set_size (self->redo, 0);

  if (coalesce && self->undo->len > 0)
    {
      Step *last = g_ptr_array_index (self->undo, self->undo->len - 1);

      if (last->coalesce && g_strcmp0 (last->label, label) == 0 &&
          now - last->time < COALESCE_USEC)
        {
          desk_draft_state_free (before);
          desk_draft_state_free (last->after);
          last->after = after;
          last->time = now;
          notify_both (self, could_undo, could_redo);
          return;
        }
    }

  step = g_new0 (Step, 1);
  step->label = g_strdup (label);
  step->before = before;
  step->after = after;
  step->time = now;
  step->coalesce = coalesce;
  g_ptr_array_add (self->undo, step);

  if (self->undo->len > MAX_STEPS)
    g_ptr_array_remove_index (self->undo, 0);

  notify_both (self, could_undo, could_redo);
}

gboolean
desk_undo_stack_get_can_undo (DeskUndoStack *self)
{
  g_return_val_if_fail (DESK_IS_UNDO_STACK (self), FALSE);
  return self->undo->len > 0;
}

gboolean
desk_undo_stack_get_can_redo (DeskUndoStack *self)
{
  g_return_val_if_fail (DESK_IS_UNDO_STACK (self), FALSE);
  return self->redo->len > 0;
}

const char *
desk_undo_stack_get_undo_label (DeskUndoStack *self)
{
  g_return_val_if_fail (DESK_IS_UNDO_STACK (self), NULL);
  if (self->undo->len == 0)
    return NULL;
  return ((Step *)g_ptr_array_index (self->undo, self->undo->len - 1))->label;
}

const char *
desk_undo_stack_get_redo_label (DeskUndoStack *self)
{
  g_return_val_if_fail (DESK_IS_UNDO_STACK (self), NULL);
  if (self->redo->len == 0)
    return NULL;
  return ((Step *)g_ptr_array_index (self->redo, self->redo->len - 1))->label;
}

static DeskDraftState *
move_step (DeskUndoStack *self,
           GPtrArray     *from,
           GPtrArray     *to,
           gboolean       undoing)
{
  gboolean could_undo = desk_undo_stack_get_can_undo (self);
  gboolean could_redo = desk_undo_stack_get_can_redo (self);
  Step *step;

  if (from->len == 0)
    return NULL;

  step = g_ptr_array_steal_index (from, from->len - 1);
  step->coalesce = FALSE;   /* a step undone and redone is closed */
  g_ptr_array_add (to, step);
  notify_both (self, could_undo, could_redo);

  return undoing ? step->before : step->after;
}

/**
 * desk_undo_stack_undo:
 *
 * Returns: (transfer none) (nullable): the state to restore, owned by the stack, or %NULL
 *   when there is nothing to undo
 */
DeskDraftState *
desk_undo_stack_undo (DeskUndoStack *self)
{
  g_return_val_if_fail (DESK_IS_UNDO_STACK (self), NULL);
  return move_step (self, self->undo, self->redo, TRUE);
}

/**
 * desk_undo_stack_redo:
 *
 * Returns: (transfer none) (nullable): the state to restore, owned by the stack, or %NULL
 *   when there is nothing to redo
 */
DeskDraftState *
desk_undo_stack_redo (DeskUndoStack *self)
{
  g_return_val_if_fail (DESK_IS_UNDO_STACK (self), NULL);
  return move_step (self, self->redo, self->undo, FALSE);
}

void
desk_undo_stack_clear (DeskUndoStack *self)
{
  gboolean could_undo;
  gboolean could_redo;

  g_return_if_fail (DESK_IS_UNDO_STACK (self));

  could_undo = desk_undo_stack_get_can_undo (self);
  could_redo = desk_undo_stack_get_can_redo (self);
  g_ptr_array_set_size (self->undo, 0);
  g_ptr_array_set_size (self->redo, 0);
  notify_both (self, could_undo, could_redo);
}

/**
 * desk_undo_stack_begin_decision:
 * @project: the project the decision changes
 *
 * Notes how @project's draft, rejected texts and credit decisions stand before a decision
 * (an accept, a reject, a tick in the credits, an edit of the masthead, a stretch of
 * typing). Every change up to desk_undo_stack_end_decision() is one undo step. A decision
 * begun while one is open belongs to the open one: the outer pair decides.
 */
void
desk_undo_stack_begin_decision (DeskUndoStack *self,
                                DeskProject   *project)
{
  g_return_if_fail (DESK_IS_UNDO_STACK (self));
  g_return_if_fail (DESK_IS_PROJECT (project));

  if (self->before != NULL)
    return;

  g_set_object (&self->project, project);
  self->before = desk_draft_state_new (project);
}

/**
 * desk_undo_stack_end_decision:
 * @label: what the decision did, for the menu ("Accept Suggestion")
 * @coalesce: whether it may merge with the step before it of the same label when they come
 *   close together (typing)
 *
 * Closes the decision desk_undo_stack_begin_decision() opened: records it as one step
 * when it changed anything.
 *
 * Returns: whether a step was recorded (or merged into the one before)
 */
gboolean
desk_undo_stack_end_decision (DeskUndoStack *self,
                              const char    *label,
                              gboolean       coalesce)
{
  DeskDraftState *after;
  gboolean changed;
  guint n_before;

  g_return_val_if_fail (DESK_IS_UNDO_STACK (self), FALSE);

  if (self->before == NULL)
    return FALSE;

  after = desk_draft_state_new (self->project);
  changed = !desk_draft_state_equal (self->before, after);
  n_before = self->undo->len;
  desk_undo_stack_push (self, label, coalesce, g_steal_pointer (&self->before), after);
  g_clear_object (&self->project);

  return changed && self->undo->len >= n_before;
}

/**
 * desk_undo_stack_cancel_decision:
 *
 * Forgets an open decision that changed nothing (one that was refused).
 */
void
desk_undo_stack_cancel_decision (DeskUndoStack *self)
{
  g_return_if_fail (DESK_IS_UNDO_STACK (self));

  g_clear_pointer (&self->before, desk_draft_state_free);
  g_clear_object (&self->project);
}

/**
 * desk_undo_stack_in_decision:
 *
 * Returns: whether a decision is open
 */
gboolean
desk_undo_stack_in_decision (DeskUndoStack *self)
{
  g_return_val_if_fail (DESK_IS_UNDO_STACK (self), FALSE);
  return self->before != NULL;
}
