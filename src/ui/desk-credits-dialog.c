/* desk-credits-dialog.c: who is credited, edited with the credit line in view
 *
 * The list is the project's DeskCredits: everyone the sources credit, once each. The
 * editor ticks or unticks an entry (otherwise credit follows the content: a source with
 * text in the draft gets its people named, unless all of it is another agency's), stars
 * the main byline, moves entries, corrects a name, adds a person. Each row is a
 * DeskCreditRow; every decision is a "credits." action of this dialog that goes to
 * DeskCredits, which the project saves; the credit line at the top is
 * desk_credits_format_line(), written again after each change.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "desk-credit-row.h"
#include "desk-credits.h"
#include "desk-credits-dialog.h"
#include "desk-undo-stack.h"

struct _DeskCreditsDialog
{
  AdwWindow    parent_instance;

  DeskProject   *project;
  DeskCredits   *credits;
  DeskUndoStack *undo_stack;     /* the window's, or NULL */
  char        *preview;
  gboolean     updating;

  GtkDropDown *style_dropdown;
  GtkLabel    *byline_label;
  GtkLabel    *preview_label;
  GtkListBox  *list;
  AdwEntryRow *name_row;
  AdwEntryRow *organization_row;
};

G_DEFINE_FINAL_TYPE (DeskCreditsDialog, desk_credits_dialog, ADW_TYPE_WINDOW)

/* A decision is one undo step of the window's history, as an accept is. */
static void
begin_decision (DeskCreditsDialog *self)
{
  if (self->undo_stack != NULL)
    desk_undo_stack_begin_decision (self->undo_stack, self->project);
}

static void
end_decision (DeskCreditsDialog *self,
              const char        *label)
{
  if (self->undo_stack != NULL)
    desk_undo_stack_end_decision (self->undo_stack, label, FALSE);
}

static void
update_preview (DeskCreditsDialog *self)
{
  DeskCreditStyle style;
  g_autofree char *byline = NULL;
  g_autofree char *byline_text = NULL;

  if (self->credits == NULL)
    return;

  style = desk_credits_get_style (self->credits);
  g_clear_pointer (&self->preview, g_free);
  self->preview = desk_credits_format_line (self->credits, style);
  byline = desk_credits_dup_byline (self->credits);

  if (style == DESK_CREDIT_STYLE_NONE || self->preview == NULL || self->preview[0] == '\0')
    gtk_label_set_label (self->preview_label, style == DESK_CREDIT_STYLE_NONE
                                              ? _("The story carries no credit line.")
                                              : _("No one to credit yet: nothing in the draft comes from a credited source."));
  else
    gtk_label_set_label (self->preview_label, self->preview);

  byline_text = byline && byline[0] ? g_strdup_printf (_("Byline: %s"), byline) : g_strdup (_("No byline"));
  gtk_label_set_label (self->byline_label, byline_text);

  self->updating = TRUE;
  gtk_drop_down_set_selected (self->style_dropdown, style);
  self->updating = FALSE;
}

static void
style_changed_cb (DeskCreditsDialog *self)
{
  if (self->credits == NULL || self->updating ||
      gtk_drop_down_get_selected (self->style_dropdown) == desk_credits_get_style (self->credits))
    return;
  begin_decision (self);
  desk_credits_set_style (self->credits, gtk_drop_down_get_selected (self->style_dropdown));
  end_decision (self, _("Credit Style"));
}

/* Every row shows its entry as the model has it now: rows are made only for entries that
 * come or change (GtkListBox follows the model's items-changed); ticks and stars change
 * the rows in place. */
static void
sync_rows (DeskCreditsDialog *self)
{
  guint n_items;

  if (self->credits == NULL)
    return;

  n_items = g_list_model_get_n_items (G_LIST_MODEL (self->credits));
  for (guint i = 0; i < n_items; i++)
    {
      GtkListBoxRow *row = gtk_list_box_get_row_at_index (self->list, i);

      if (DESK_IS_CREDIT_ROW (row))
        desk_credit_row_sync (DESK_CREDIT_ROW (row), self->credits, i);
    }
  update_preview (self);
}

static GtkWidget *
create_row_cb (gpointer item,
               gpointer user_data)
{
  DeskCreditsDialog *self = user_data;
  GtkWidget *row = desk_credit_row_new ();
  guint position = 0;

  /* Its position now; sync_rows () gives every row its position again after a change. */
  while (position < g_list_model_get_n_items (G_LIST_MODEL (self->credits)))
    {
      g_autoptr(GObject) other = g_list_model_get_item (G_LIST_MODEL (self->credits), position);

      if (other == item)
        break;
      position++;
    }
  if (position < g_list_model_get_n_items (G_LIST_MODEL (self->credits)))
    desk_credit_row_sync (DESK_CREDIT_ROW (row), self->credits, position);

  return row;
}

static void
credits_items_changed_cb (DeskCreditsDialog *self)
{
  sync_rows (self);
}

/* ---- Actions: what a row asks for, with its position ------------------------------- */

static gboolean
valid_position (DeskCreditsDialog *self,
                guint              position)
{
  return self->credits != NULL &&
         position < g_list_model_get_n_items (G_LIST_MODEL (self->credits));
}

static void
include_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  DeskCreditsDialog *self = DESK_CREDITS_DIALOG (widget);
  guint position;
  gboolean active;

  g_variant_get (parameter, "(ub)", &position, &active);
  if (valid_position (self, position) && active != desk_credits_get_active (self->credits, position))
    {
      begin_decision (self);
      desk_credits_set_active (self->credits, position, active);
      end_decision (self, active ? _("Credit") : _("Do Not Credit"));
    }
}

static void
set_main_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  DeskCreditsDialog *self = DESK_CREDITS_DIALOG (widget);
  guint position;
  gboolean main;

  g_variant_get (parameter, "(ub)", &position, &main);
  if (!valid_position (self, position))
    return;
  begin_decision (self);
  if (main)
    desk_credits_set_main (self->credits, position);
  else if (desk_credits_get_main (self->credits) == position)
    desk_credits_set_main (self->credits, DESK_CREDITS_INVALID_POSITION);
  end_decision (self, _("Main Byline"));
}

static void
move_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  DeskCreditsDialog *self = DESK_CREDITS_DIALOG (widget);
  guint position;
  int delta;
  gint64 to;

  g_variant_get (parameter, "(ui)", &position, &delta);
  to = (gint64)position + delta;
  if (valid_position (self, position) && to >= 0 && valid_position (self, (guint)to))
    {
      begin_decision (self);
      desk_credits_move (self->credits, position, (guint)to);
      end_decision (self, _("Move Credit"));
    }
}

static void
remove_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  DeskCreditsDialog *self = DESK_CREDITS_DIALOG (widget);
  guint position = g_variant_get_uint32 (parameter);

  if (valid_position (self, position) && desk_credits_get_added (self->credits, position))
    {
      begin_decision (self);
      desk_credits_remove (self->credits, position);
      end_decision (self, _("Remove Credit"));
    }
}

static void
rename_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  DeskCreditsDialog *self = DESK_CREDITS_DIALOG (widget);
  const char *name;
  const char *organization;
  guint position;

  g_variant_get (parameter, "(u&s&s)", &position, &name, &organization);
  if (!valid_position (self, position) || (name[0] == '\0' && organization[0] == '\0'))
    return;
  begin_decision (self);
  desk_credits_rename (self->credits, position, name[0] != '\0' ? name : NULL,
                       organization[0] != '\0' ? organization : NULL);
  end_decision (self, _("Rename Credit"));
}

static void
add_cb (DeskCreditsDialog *self)
{
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->name_row))));
  g_autofree char *organization = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->organization_row))));

  if (name[0] == '\0' && organization[0] == '\0')
    return;

  begin_decision (self);
  desk_credits_add (self->credits, name[0] ? name : NULL, organization[0] ? organization : NULL,
                    DESK_CREDIT_ROLE_CONTRIBUTOR);
  end_decision (self, _("Add Credit"));
  gtk_editable_set_text (GTK_EDITABLE (self->name_row), "");
  gtk_editable_set_text (GTK_EDITABLE (self->organization_row), "");
  gtk_widget_grab_focus (GTK_WIDGET (self->name_row));
}

static void
desk_credits_dialog_dispose (GObject *object)
{
  DeskCreditsDialog *self = (DeskCreditsDialog *)object;

  if (self->credits != NULL)
    g_signal_handlers_disconnect_by_data (self->credits, self);
  if (self->list != NULL)
    gtk_list_box_bind_model (self->list, NULL, NULL, NULL, NULL);

  gtk_widget_dispose_template (GTK_WIDGET (self), DESK_TYPE_CREDITS_DIALOG);
  g_clear_object (&self->credits);
  g_clear_object (&self->project);
  g_clear_object (&self->undo_stack);
  g_clear_pointer (&self->preview, g_free);

  G_OBJECT_CLASS (desk_credits_dialog_parent_class)->dispose (object);
}

static void
desk_credits_dialog_class_init (DeskCreditsDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = desk_credits_dialog_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/copydesk/Copydesk/ui/desk-credits-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, DeskCreditsDialog, style_dropdown);
  gtk_widget_class_bind_template_child (widget_class, DeskCreditsDialog, byline_label);
  gtk_widget_class_bind_template_child (widget_class, DeskCreditsDialog, preview_label);
  gtk_widget_class_bind_template_child (widget_class, DeskCreditsDialog, list);
  gtk_widget_class_bind_template_child (widget_class, DeskCreditsDialog, name_row);
  gtk_widget_class_bind_template_child (widget_class, DeskCreditsDialog, organization_row);
  gtk_widget_class_bind_template_callback (widget_class, style_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, add_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);

  gtk_widget_class_install_action (widget_class, "credits.include", "(ub)", include_action);
  gtk_widget_class_install_action (widget_class, "credits.set-main", "(ub)", set_main_action);
  gtk_widget_class_install_action (widget_class, "credits.move", "(ui)", move_action);
  gtk_widget_class_install_action (widget_class, "credits.remove", "u", remove_action);
  gtk_widget_class_install_action (widget_class, "credits.rename", "(uss)", rename_action);
}

static void
desk_credits_dialog_init (DeskCreditsDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * desk_credits_dialog_new:
 *
 * Returns: (transfer none): a new dialog on @project's credits, transient for @parent
 */
GtkWindow *
desk_credits_dialog_new (GtkWindow   *parent,
                         DeskProject *project)
{
  DeskCreditsDialog *self;

  g_return_val_if_fail (DESK_IS_PROJECT (project), NULL);

  self = g_object_new (DESK_TYPE_CREDITS_DIALOG, "transient-for", parent, NULL);
  self->project = g_object_ref (project);
  self->credits = g_object_ref (desk_project_get_credits (project));

  gtk_list_box_bind_model (self->list, G_LIST_MODEL (self->credits), create_row_cb, self, NULL);
  /* After the list box's own handler: the rows are there to sync. */
  g_signal_connect_object (self->credits, "items-changed", G_CALLBACK (credits_items_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->credits, "state-changed", G_CALLBACK (sync_rows), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->credits, "changed", G_CALLBACK (sync_rows), self,
                           G_CONNECT_SWAPPED);
  update_preview (self);

  return GTK_WINDOW (self);
}

/**
 * desk_credits_dialog_get_preview:
 *
 * Returns: (nullable): the credit line as shown
 */
const char *
desk_credits_dialog_get_preview (DeskCreditsDialog *self)
{
  g_return_val_if_fail (DESK_IS_CREDITS_DIALOG (self), NULL);
  return self->preview;
}

/**
 * desk_credits_dialog_set_undo_stack:
 * @undo_stack: (nullable): the window's undo history
 *
 * Makes every decision in the dialog an undo step of @undo_stack, as an accept is.
 */
void
desk_credits_dialog_set_undo_stack (DeskCreditsDialog *self,
                                    DeskUndoStack     *undo_stack)
{
  g_return_if_fail (DESK_IS_CREDITS_DIALOG (self));
  g_set_object (&self->undo_stack, undo_stack);
}
