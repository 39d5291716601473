/* desk-credits-dialog.c: who is credited, edited with the credit line in view
 *
 * The list is the project's DeskCredits: everyone the sources credit, once each. The
 * editor ticks or unticks an entry (otherwise credit follows the content: a source with
 * text in the draft gets its people named), stars the main byline, moves entries, adds a
 * person. Every decision goes to DeskCredits, which the project saves; the credit line at
 * the top is desk_credits_format_line(), written again after each change.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "desk-credits.h"
#include "desk-credits-dialog.h"

/* desk_credits_set_main () with no entry: the core calls it G_MAXUINT. */
#define NO_MAIN_BYLINE G_MAXUINT

struct _DeskCreditsDialog
{
  AdwWindow    parent_instance;

  DeskProject *project;
  DeskCredits *credits;
  char        *preview;
  gboolean     updating;
  guint        rebind_idle;

  GtkDropDown *style_dropdown;
  GtkLabel    *byline_label;
  GtkLabel    *preview_label;
  GtkListBox  *list;
  AdwEntryRow *name_row;
  AdwEntryRow *organization_row;
};

G_DEFINE_FINAL_TYPE (DeskCreditsDialog, desk_credits_dialog, ADW_TYPE_WINDOW)

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
  return role ? role : "";
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
  if (self->credits == NULL || self->updating)
    return;
  desk_credits_set_style (self->credits, gtk_drop_down_get_selected (self->style_dropdown));
}

static int
row_position (GtkWidget *widget)
{
  GtkWidget *row = gtk_widget_get_ancestor (widget, GTK_TYPE_LIST_BOX_ROW);

  return row ? gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (row)) : -1;
}

static void
active_toggled_cb (GtkCheckButton    *check,
                   DeskCreditsDialog *self)
{
  int position = row_position (GTK_WIDGET (check));

  if (position >= 0 && !self->updating &&
      gtk_check_button_get_active (check) != desk_credits_get_active (self->credits, position))
    desk_credits_set_active (self->credits, position, gtk_check_button_get_active (check));
}

static void
main_toggled_cb (GtkToggleButton   *button,
                 DeskCreditsDialog *self)
{
  int position = row_position (GTK_WIDGET (button));

  if (position < 0 || self->updating)
    return;

  if (gtk_toggle_button_get_active (button))
    desk_credits_set_main (self->credits, position);
  else if (desk_credits_get_main (self->credits) == (guint)position)
    desk_credits_set_main (self->credits, NO_MAIN_BYLINE);
}

static void
move_clicked_cb (GtkButton         *button,
                 DeskCreditsDialog *self)
{
  int position = row_position (GTK_WIDGET (button));
  int delta = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "delta"));
  int to = position + delta;

  if (position < 0 || to < 0 || (guint)to >= g_list_model_get_n_items (G_LIST_MODEL (self->credits)))
    return;
  desk_credits_move (self->credits, position, to);
}

static void
remove_clicked_cb (GtkButton         *button,
                   DeskCreditsDialog *self)
{
  int position = row_position (GTK_WIDGET (button));

  if (position >= 0)
    desk_credits_remove (self->credits, position);
}

static GtkWidget *
icon_button (const char *icon,
             const char *tooltip)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_widget_add_css_class (button, "flat");
  return button;
}

static GtkWidget *
create_row_cb (gpointer item,
               gpointer user_data)
{
  DeskCreditsDialog *self = user_data;
  DeskCredit *credit = DESK_CREDIT (item);
  guint position = 0;
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *check = gtk_check_button_new ();
  GtkWidget *star = gtk_toggle_button_new ();
  GtkWidget *up = icon_button ("go-up-symbolic", _("Move Up"));
  GtkWidget *down = icon_button ("go-down-symbolic", _("Move Down"));
  const char *name = desk_credit_get_name (credit);
  const char *organization = desk_credit_get_organization (credit);
  g_autoptr(GString) subtitle = g_string_new (NULL);
  gboolean is_main;

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->credits)); i++)
    {
      g_autoptr(DeskCredit) other = g_list_model_get_item (G_LIST_MODEL (self->credits), i);

      if (other == credit)
        {
          position = i;
          break;
        }
    }

  if (name != NULL && name[0] != '\0')
    {
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
      if (organization != NULL)
        g_string_append (subtitle, organization);
    }
  else
    adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), organization ? organization : "");
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);

  if (subtitle->len > 0)
    g_string_append (subtitle, " · ");
  g_string_append (subtitle, role_label (desk_credit_get_role (credit)));
  if (desk_credits_get_added (self->credits, position))
    g_string_append_printf (subtitle, " · %s", _("added by you"));
  else if (!desk_credits_get_used (self->credits, position))
    g_string_append_printf (subtitle, " · %s", _("nothing of theirs in the draft"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle->str);

  self->updating = TRUE;
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), desk_credits_get_active (self->credits, position));
  is_main = desk_credits_get_main (self->credits) == position;
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (star), is_main);
  self->updating = FALSE;

  gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (check, _("Name in the credit line"));
  g_signal_connect (check, "toggled", G_CALLBACK (active_toggled_cb), self);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);

  gtk_button_set_icon_name (GTK_BUTTON (star), is_main ? "starred-symbolic" : "non-starred-symbolic");
  gtk_widget_set_valign (star, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (star, _("The main byline"));
  gtk_widget_add_css_class (star, "flat");
  g_signal_connect (star, "toggled", G_CALLBACK (main_toggled_cb), self);

  g_object_set_data (G_OBJECT (up), "delta", GINT_TO_POINTER (-1));
  g_object_set_data (G_OBJECT (down), "delta", GINT_TO_POINTER (1));
  g_signal_connect (up, "clicked", G_CALLBACK (move_clicked_cb), self);
  g_signal_connect (down, "clicked", G_CALLBACK (move_clicked_cb), self);
  gtk_widget_set_sensitive (up, position > 0);
  gtk_widget_set_sensitive (down, position + 1 < g_list_model_get_n_items (G_LIST_MODEL (self->credits)));

  adw_action_row_add_suffix (ADW_ACTION_ROW (row), star);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), up);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), down);

  if (desk_credits_get_added (self->credits, position))
    {
      GtkWidget *remove = icon_button ("user-trash-symbolic", _("Remove"));

      g_signal_connect (remove, "clicked", G_CALLBACK (remove_clicked_cb), self);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);
    }

  return row;
}

static void
rebind (DeskCreditsDialog *self)
{
  /* Positions and states change together: make the rows again. */
  gtk_list_box_bind_model (self->list, G_LIST_MODEL (self->credits), create_row_cb, self, NULL);
  update_preview (self);
}

static gboolean
rebind_idle_cb (gpointer user_data)
{
  DeskCreditsDialog *self = user_data;

  self->rebind_idle = 0;
  rebind (self);
  return G_SOURCE_REMOVE;
}

/* Decisions come from the rows' own signal handlers: the rows are made again later. */
static void
credits_changed_cb (DeskCreditsDialog *self)
{
  if (self->rebind_idle == 0)
    self->rebind_idle = g_idle_add (rebind_idle_cb, self);
}

static void
add_cb (DeskCreditsDialog *self)
{
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->name_row))));
  g_autofree char *organization = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->organization_row))));

  if (name[0] == '\0' && organization[0] == '\0')
    return;

  desk_credits_add (self->credits, name[0] ? name : NULL, organization[0] ? organization : NULL,
                    DESK_CREDIT_ROLE_CONTRIBUTOR);
  gtk_editable_set_text (GTK_EDITABLE (self->name_row), "");
  gtk_editable_set_text (GTK_EDITABLE (self->organization_row), "");
  gtk_widget_grab_focus (GTK_WIDGET (self->name_row));
}

static void
desk_credits_dialog_dispose (GObject *object)
{
  DeskCreditsDialog *self = (DeskCreditsDialog *)object;

  g_clear_handle_id (&self->rebind_idle, g_source_remove);
  if (self->credits != NULL)
    g_signal_handlers_disconnect_by_data (self->credits, self);
  if (self->list != NULL)
    gtk_list_box_bind_model (self->list, NULL, NULL, NULL, NULL);

  gtk_widget_dispose_template (GTK_WIDGET (self), DESK_TYPE_CREDITS_DIALOG);
  g_clear_object (&self->credits);
  g_clear_object (&self->project);
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

  g_signal_connect_object (self->credits, "changed", G_CALLBACK (credits_changed_cb), self, G_CONNECT_SWAPPED);
  rebind (self);

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
