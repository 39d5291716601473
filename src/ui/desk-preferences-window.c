/* desk-preferences-window.c: the editor's preferences, kept in GSettings
 *
 * Everything here is a GSettings key (io.github.copydesk.Copydesk); open windows follow
 * the keys as they change. The organisation order and the credit style are defaults for
 * new projects: a saved project keeps its own.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "desk-aliases.h"
#include "desk-export.h"
#include "desk-preferences-window.h"
#include "desk-spell.h"

struct _DeskPreferencesWindow
{
  AdwPreferencesWindow parent_instance;

  GSettings     *settings;
  guint          aliases_timeout;

  AdwActionRow  *spell_row;
  GtkSwitch     *spell_switch;
  GtkSpinButton *autosave_spin;
  GtkSwitch     *variants_switch;
  GtkListBox    *order_list;
  AdwEntryRow   *order_entry;
  GtkTextView   *aliases_view;
  GtkLabel      *aliases_status;
  AdwComboRow   *credit_style_row;
  AdwComboRow   *format_row;
  GtkSpinButton *wrap_spin;
  GtkSwitch     *ascii_switch;
  GtkSwitch     *fragment_switch;
  GtkSwitch     *provenance_switch;
};

G_DEFINE_FINAL_TYPE (DeskPreferencesWindow, desk_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

static const char * const credit_styles[] = { "contributor-line", "agency-line", "none", NULL };
static const char * const formats[] = { "text", "html", "markdown", "ninjs", NULL };

static gboolean
string_to_index (GValue   *value,
                 GVariant *variant,
                 gpointer  user_data)
{
  const char * const *names = user_data;
  const char *name = g_variant_get_string (variant, NULL);

  for (guint i = 0; names[i] != NULL; i++)
    if (g_str_equal (names[i], name))
      {
        g_value_set_uint (value, i);
        return TRUE;
      }

  g_value_set_uint (value, 0);
  return TRUE;
}

static GVariant *
index_to_string (const GValue       *value,
                 const GVariantType *type,
                 gpointer            user_data)
{
  const char * const *names = user_data;
  guint index = g_value_get_uint (value);

  for (guint i = 0; names[i] != NULL; i++)
    if (i == index)
      return g_variant_new_string (names[i]);

  return g_variant_new_string (names[0]);
}

/* ---- The organisation order ------------------------------------------------------ */

static void update_order (DeskPreferencesWindow *self);

static void
set_order (DeskPreferencesWindow *self,
           GPtrArray             *order)
{
  g_ptr_array_add (order, NULL);
  g_settings_set_strv (self->settings, "organization-order", (const char * const *)order->pdata);
}

static void
order_button_cb (GtkButton             *button,
                 DeskPreferencesWindow *self)
{
  g_auto(GStrv) order = g_settings_get_strv (self->settings, "organization-order");
  g_autoptr(GPtrArray) updated = g_ptr_array_new ();
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "index"));
  int delta = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "delta"));
  guint n = g_strv_length (order);

  for (guint i = 0; i < n; i++)
    g_ptr_array_add (updated, order[i]);

  if (delta == 0)
    g_ptr_array_remove_index (updated, index);
  else if ((int)index + delta >= 0 && index + delta < n)
    {
      gpointer tmp = updated->pdata[index];
      updated->pdata[index] = updated->pdata[index + delta];
      updated->pdata[index + delta] = tmp;
    }

  set_order (self, updated);
}

static GtkWidget *
order_button (DeskPreferencesWindow *self,
              const char            *icon,
              const char            *tooltip,
              guint                  index,
              int                    delta)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, tooltip);
  g_object_set_data (G_OBJECT (button), "index", GUINT_TO_POINTER (index));
  g_object_set_data (G_OBJECT (button), "delta", GINT_TO_POINTER (delta));
  g_signal_connect (button, "clicked", G_CALLBACK (order_button_cb), self);
  return button;
}

static void
update_order (DeskPreferencesWindow *self)
{
  g_auto(GStrv) order = g_settings_get_strv (self->settings, "organization-order");
  guint n = g_strv_length (order);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->order_list))) != NULL)
    gtk_list_box_remove (self->order_list, child);

  if (n == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("No preference: the best version wins"));
      gtk_widget_add_css_class (row, "dim-label");
      gtk_list_box_append (self->order_list, row);
      return;
    }

  for (guint i = 0; i < n; i++)
    {
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *up = order_button (self, "go-up-symbolic", _("Prefer It More"), i, -1);
      GtkWidget *down = order_button (self, "go-down-symbolic", _("Prefer It Less"), i, 1);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), order[i]);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      gtk_widget_set_sensitive (up, i > 0);
      gtk_widget_set_sensitive (down, i + 1 < n);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), up);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), down);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 order_button (self, "user-trash-symbolic", _("Remove"), i, 0));
      gtk_list_box_append (self->order_list, row);
    }
}

static void
order_add_cb (DeskPreferencesWindow *self)
{
  g_auto(GStrv) order = g_settings_get_strv (self->settings, "organization-order");
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->order_entry))));
  g_autoptr(GPtrArray) updated = g_ptr_array_new ();

  if (name[0] == '\0' || g_strv_contains ((const char * const *)order, name))
    return;

  for (guint i = 0; order[i] != NULL; i++)
    g_ptr_array_add (updated, order[i]);
  g_ptr_array_add (updated, name);
  set_order (self, updated);
  gtk_editable_set_text (GTK_EDITABLE (self->order_entry), "");
}

/* ---- The alias table ------------------------------------------------------------- */

static gboolean
aliases_store_cb (gpointer user_data)
{
  DeskPreferencesWindow *self = user_data;
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->aliases_view);
  g_autoptr(DeskAliases) aliases = desk_aliases_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  GtkTextIter start, end;

  self->aliases_timeout = 0;
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);

  if (!desk_aliases_load_from_data (aliases, text, &error))
    {
      gtk_label_set_label (self->aliases_status, error->message);
      gtk_widget_add_css_class (GTK_WIDGET (self->aliases_status), "error");
      return G_SOURCE_REMOVE;
    }

  gtk_widget_remove_css_class (GTK_WIDGET (self->aliases_status), "error");
  {
    g_autofree char *status = g_strdup_printf (ngettext ("%u name of your own, used from now on",
                                                         "%u names of your own, used from now on",
                                                         desk_aliases_get_n_variants (aliases)),
                                               desk_aliases_get_n_variants (aliases));
    gtk_label_set_label (self->aliases_status, status);
  }
  g_settings_set_string (self->settings, "aliases", text);

  return G_SOURCE_REMOVE;
}

static void
aliases_changed_cb (DeskPreferencesWindow *self)
{
  g_clear_handle_id (&self->aliases_timeout, g_source_remove);
  self->aliases_timeout = g_timeout_add (500, aliases_store_cb, self);
}

/* ---- The window ------------------------------------------------------------------ */

static void
desk_preferences_window_dispose (GObject *object)
{
  DeskPreferencesWindow *self = (DeskPreferencesWindow *)object;

  if (self->aliases_timeout != 0)
    {
      g_clear_handle_id (&self->aliases_timeout, g_source_remove);
      aliases_store_cb (self);
    }
  if (self->settings != NULL)
    g_signal_handlers_disconnect_by_data (self->settings, self);

  gtk_widget_dispose_template (GTK_WIDGET (self), DESK_TYPE_PREFERENCES_WINDOW);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (desk_preferences_window_parent_class)->dispose (object);
}

static void
desk_preferences_window_class_init (DeskPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = desk_preferences_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/copydesk/Copydesk/ui/desk-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, DeskPreferencesWindow, spell_row);
  gtk_widget_class_bind_template_child (widget_class, DeskPreferencesWindow, spell_switch);
  gtk_widget_class_bind_template_child (widget_class, DeskPreferencesWindow, autosave_spin);
  gtk_widget_class_bind_template_child (widget_class, DeskPreferencesWindow, variants_switch);
  gtk_widget_class_bind_template_child (widget_class, DeskPreferencesWindow, order_list);
  gtk_widget_class_bind_template_child (widget_class, DeskPreferencesWindow, order_entry);
  gtk_widget_class_bind_template_child (widget_class, DeskPreferencesWindow, aliases_view);
  gtk_widget_class_bind_template_child (widget_class, DeskPreferencesWindow, aliases_status);
  gtk_widget_class_bind_template_child (widget_class, DeskPreferencesWindow, credit_style_row);
  gtk_widget_class_bind_template_child (widget_class, DeskPreferencesWindow, format_row);
  gtk_widget_class_bind_template_child (widget_class, DeskPreferencesWindow, wrap_spin);
  gtk_widget_class_bind_template_child (widget_class, DeskPreferencesWindow, ascii_switch);
  gtk_widget_class_bind_template_child (widget_class, DeskPreferencesWindow, fragment_switch);
  gtk_widget_class_bind_template_child (widget_class, DeskPreferencesWindow, provenance_switch);
  gtk_widget_class_bind_template_callback (widget_class, order_add_cb);
}

static void
desk_preferences_window_init (DeskPreferencesWindow *self)
{
  g_autofree char *aliases = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (APP_ID);

  g_settings_bind (self->settings, "spell-check", self->spell_switch, "active", G_SETTINGS_BIND_DEFAULT);
  if (!desk_spell_checker_is_available ())
    {
      adw_action_row_set_subtitle (self->spell_row, _("No spell checker or dictionary is installed"));
      gtk_widget_set_sensitive (GTK_WIDGET (self->spell_row), FALSE);
    }
  g_settings_bind (self->settings, "autosave-delay", self->autosave_spin, "value", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "show-variants", self->variants_switch, "active", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "export-wrap-width", self->wrap_spin, "value", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "export-ascii-quotes", self->ascii_switch, "active", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "export-html-fragment", self->fragment_switch, "active", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "export-provenance", self->provenance_switch, "active", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind_with_mapping (self->settings, "credit-style", self->credit_style_row, "selected",
                                G_SETTINGS_BIND_DEFAULT, string_to_index, index_to_string,
                                (gpointer)credit_styles, NULL);
  g_settings_bind_with_mapping (self->settings, "export-format", self->format_row, "selected",
                                G_SETTINGS_BIND_DEFAULT, string_to_index, index_to_string,
                                (gpointer)formats, NULL);

  g_signal_connect_object (self->settings, "changed::organization-order", G_CALLBACK (update_order), self, G_CONNECT_SWAPPED);
  update_order (self);

  aliases = g_settings_get_string (self->settings, "aliases");
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->aliases_view), aliases, -1);
  g_signal_connect_object (gtk_text_view_get_buffer (self->aliases_view), "changed",
                            G_CALLBACK (aliases_changed_cb), self, G_CONNECT_SWAPPED);
  gtk_label_set_label (self->aliases_status, _("Copydesk already knows the common ones (U.S., U.N., ISIS…)."));
}

/**
 * desk_preferences_window_new:
 *
 * Returns: (transfer none): the preferences, transient for @parent
 */
GtkWindow *
desk_preferences_window_new (GtkWindow *parent)
{
  return g_object_new (DESK_TYPE_PREFERENCES_WINDOW, "transient-for", parent, NULL);
}
