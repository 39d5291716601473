/* desk-credit-row.c: one person or organisation in the credits dialog
 *
 * A row shows an entry of DeskCredits as it stands: whether the credit line names it, the
 * star of the main byline, why it is or is not credited; opened, it edits the name and
 * organisation. It keeps no state of its own: every change is a "credits." action of the
 * dialog, with the row's position as its target, and the dialog syncs the row again from
 * the model. A row stays the same widget while the editor ticks and stars, so the list
 * keeps its scroll position and the focus stays where it was.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "desk-credit-row.h"

struct _DeskCreditRow
{
  AdwExpanderRow   parent_instance;

  guint            position;
  gboolean         syncing;

  GtkCheckButton  *check;
  GtkToggleButton *star;
  GtkButton       *up;
  GtkButton       *down;
  GtkButton       *remove;
  AdwEntryRow     *name_row;
  AdwEntryRow     *organization_row;
};

G_DEFINE_FINAL_TYPE (DeskCreditRow, desk_credit_row, ADW_TYPE_EXPANDER_ROW)

static const char *
role_label (const char *role)
{
  if (g_strcmp0 (role, DESK_CREDIT_ROLE_AUTHOR) == 0)
    return _("byline");
  if (g_strcmp0 (role, DESK_CREDIT_ROLE_CONTRIBUTOR) == 0)
    return _("contributor");
  if (g_strcmp0 (role, DESK_CREDIT_ROLE_EDITOR) == 0)
    return _("editor");
  if (g_strcmp0 (role, DESK_CREDIT_ROLE_PHOTOGRAPHER) == 0)
    return _("photographer");
  if (g_strcmp0 (role, DESK_CREDIT_ROLE_AGENCY) == 0)
    return _("agency");
  return role != NULL ? role : "";
}

static void
check_toggled_cb (DeskCreditRow *self)
{
  if (self->syncing)
    return;
  gtk_widget_activate_action (GTK_WIDGET (self), "credits.include", "(ub)", self->position,
                              gtk_check_button_get_active (self->check));
}

static void
star_toggled_cb (DeskCreditRow *self)
{
  if (self->syncing)
    return;
  gtk_widget_activate_action (GTK_WIDGET (self), "credits.set-main", "(ub)", self->position,
                              gtk_toggle_button_get_active (self->star));
}

static void
rename_cb (DeskCreditRow *self)
{
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->name_row))));
  g_autofree char *organization =
    g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->organization_row))));

  gtk_widget_activate_action (GTK_WIDGET (self), "credits.rename", "(uss)", self->position,
                              name, organization);
}

/* An entry's text follows the model unless the editor is typing in it. */
static void
set_entry_text (AdwEntryRow *row,
                const char  *text)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (row));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  if (focus != NULL && (focus == GTK_WIDGET (row) || gtk_widget_is_ancestor (focus, GTK_WIDGET (row))))
    return;
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (row)), text != NULL ? text : "") != 0)
    gtk_editable_set_text (GTK_EDITABLE (row), text != NULL ? text : "");
}

/**
 * desk_credit_row_sync:
 * @credits: the project's credits
 * @position: the row's entry in @credits
 *
 * Shows the entry at @position as @credits has it now.
 */
void
desk_credit_row_sync (DeskCreditRow *self,
                      DeskCredits   *credits,
                      guint          position)
{
  g_autoptr(DeskCredit) credit = NULL;
  g_autoptr(GString) subtitle = g_string_new (NULL);
  guint n_items;
  const char *name;
  const char *organization;
  gboolean is_main;

  g_return_if_fail (DESK_IS_CREDIT_ROW (self));
  g_return_if_fail (DESK_IS_CREDITS (credits));

  n_items = g_list_model_get_n_items (G_LIST_MODEL (credits));
  g_return_if_fail (position < n_items);

  credit = g_list_model_get_item (G_LIST_MODEL (credits), position);
  name = desk_credit_get_name (credit);
  organization = desk_credit_get_organization (credit);
  self->position = position;

  if (name != NULL && name[0] != '\0')
    {
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), name);
      if (organization != NULL)
        g_string_append (subtitle, organization);
    }
  else
    adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), organization ? organization : "");

  if (subtitle->len > 0)
    g_string_append (subtitle, " · ");
  g_string_append (subtitle, role_label (desk_credit_get_role (credit)));
  if (desk_credits_get_added (credits, position))
    g_string_append_printf (subtitle, " · %s", _("added by you"));
  else if (desk_credits_get_reprinted (credits, position))
    g_string_append_printf (subtitle, " · %s", _("reprints another agency’s copy"));
  else if (!desk_credits_get_used (credits, position))
    g_string_append_printf (subtitle, " · %s", _("nothing of theirs in the draft"));
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (self), subtitle->str);

  is_main = desk_credits_get_main (credits) == position;

  self->syncing = TRUE;
  gtk_check_button_set_active (self->check, desk_credits_get_active (credits, position));
  gtk_toggle_button_set_active (self->star, is_main);
  self->syncing = FALSE;

  gtk_button_set_icon_name (GTK_BUTTON (self->star),
                            is_main ? "starred-symbolic" : "non-starred-symbolic");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (self->up), "(ui)", position, -1);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (self->down), "(ui)", position, 1);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (self->remove), "u", position);
  gtk_widget_set_sensitive (GTK_WIDGET (self->up), position > 0);
  gtk_widget_set_sensitive (GTK_WIDGET (self->down), position + 1 < n_items);
  gtk_widget_set_visible (GTK_WIDGET (self->remove), desk_credits_get_added (credits, position));

  set_entry_text (self->name_row, name);
  set_entry_text (self->organization_row, organization);
}

/**
 * desk_credit_row_get_position:
 *
 * Returns: the position of the row's entry, as last synced
 */
guint
desk_credit_row_get_position (DeskCreditRow *self)
{
  g_return_val_if_fail (DESK_IS_CREDIT_ROW (self), 0);
  return self->position;
}

static void
desk_credit_row_class_init (DeskCreditRowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/copydesk/Copydesk/ui/desk-credit-row.ui");
  gtk_widget_class_bind_template_child (widget_class, DeskCreditRow, check);
  gtk_widget_class_bind_template_child (widget_class, DeskCreditRow, star);
  gtk_widget_class_bind_template_child (widget_class, DeskCreditRow, up);
  gtk_widget_class_bind_template_child (widget_class, DeskCreditRow, down);
  gtk_widget_class_bind_template_child (widget_class, DeskCreditRow, remove);
  gtk_widget_class_bind_template_child (widget_class, DeskCreditRow, name_row);
  gtk_widget_class_bind_template_child (widget_class, DeskCreditRow, organization_row);
  gtk_widget_class_bind_template_callback (widget_class, check_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, star_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, rename_cb);
}

static void
desk_credit_row_init (DeskCreditRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * desk_credit_row_new:
 *
 * Returns: (transfer floating): a row to sync with desk_credit_row_sync()
 */
GtkWidget *
desk_credit_row_new (void)
{
  return g_object_new (DESK_TYPE_CREDIT_ROW, NULL);
}
