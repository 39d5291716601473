/* desk-shortcuts.c: every keyboard shortcut of the editor, in one table
 *
 * The table is the only place an accelerator is written down: the application installs
 * it, the shortcuts window is built from it, and a test fails when two entries share a
 * key. The app.* shortcuts are application accelerators. The win.* shortcuts belong to a
 * controller of the window's own, in the capture phase, that always keeps the key: when the
 * action cannot apply (a conflict selected, nothing to undo) the window says why instead, so
 * no shortcut ever falls through to the focused draft as a newline or a deleted word.
 * Ctrl+Backspace is reject wherever the focus is, so one key never means two things; the
 * draft deletes the previous word on Alt+Backspace instead (desk-draft-view.c).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "desk-shortcuts.h"

static const DeskShortcut shortcuts[] = {
  /* Suggestions */
  { "win.next-suggestion", { "<Alt>Down", NULL }, N_("Suggestions"), N_("Next suggestion") },
  { "win.previous-suggestion", { "<Alt>Up", NULL }, N_("Suggestions"), N_("Previous suggestion") },
  { "win.accept", { "<Control>Return", "<Control>KP_Enter", NULL }, N_("Suggestions"), N_("Accept the suggestion") },
  { "win.reject", { "<Control>BackSpace", NULL }, N_("Suggestions"), N_("Reject the suggestion or dismiss the conflict") },
  { "win.accept-all", { "<Control><Shift>Return", NULL }, N_("Suggestions"), N_("Accept all missing paragraphs and additions") },

  /* Draft */
  { "win.undo", { "<Control>z", NULL }, N_("Draft"), N_("Undo") },
  { "win.redo", { "<Control><Shift>z", "<Control>y", NULL }, N_("Draft"), N_("Redo") },
  { "win.focus-draft", { "<Control>d", NULL }, N_("Draft"), N_("Go to the draft") },
  { "win.find", { "<Control>f", NULL }, N_("Draft"), N_("Find in the draft") },
  { "win.find-replace", { "<Control>h", NULL }, N_("Draft"), N_("Find and replace in the draft") },
  { "win.credits", { "<Control>k", NULL }, N_("Draft"), N_("Edit the credits") },
  { "win.show-provenance", { "<Alt>Return", NULL }, N_("Draft"), N_("Say which sources the sentence at the cursor came from") },

  /* Sources */
  { "win.open-sources", { "<Control>o", NULL }, N_("Sources"), N_("Add sources from files") },
  { "win.paste-source", { "<Control><Shift>v", NULL }, N_("Sources"), N_("Paste as a new source") },
  { "win.toggle-sources", { "F9", NULL }, N_("Sources"), N_("Show or hide the sources") },
  { "win.toggle-suggestions", { "<Shift>F9", NULL }, N_("Sources"), N_("Show or hide the suggestions") },

  /* Project */
  { "win.new-project", { "<Control>n", NULL }, N_("Project"), N_("New project") },
  { "win.open-project", { "<Control><Shift>o", NULL }, N_("Project"), N_("Open a project") },
  { "win.save", { "<Control>s", NULL }, N_("Project"), N_("Save the project") },
  { "win.save-as", { "<Control><Shift>s", NULL }, N_("Project"), N_("Save the project as") },
  { "win.export", { "<Control>e", NULL }, N_("Project"), N_("Export the story") },
  { "win.close", { "<Control>w", NULL }, N_("Project"), N_("Close the window") },

  /* General */
  { "app.new-window", { "<Control><Shift>n", NULL }, N_("General"), N_("New window") },
  { "app.preferences", { "<Control>comma", NULL }, N_("General"), N_("Preferences") },
  { "app.shortcuts", { "<Control>question", NULL }, N_("General"), N_("Keyboard shortcuts") },
  { "app.help", { "F1", NULL }, N_("General"), N_("User guide") },
  { "app.quit", { "<Control>q", NULL }, N_("General"), N_("Quit") },
};

const DeskShortcut *
desk_shortcuts_get (guint *n_shortcuts)
{
  if (n_shortcuts != NULL)
    *n_shortcuts = G_N_ELEMENTS (shortcuts);
  return shortcuts;
}

void
desk_shortcuts_install_app_accels (GtkApplication *application)
{
  g_return_if_fail (GTK_IS_APPLICATION (application));

  for (guint i = 0; i < G_N_ELEMENTS (shortcuts); i++)
    if (g_str_has_prefix (shortcuts[i].action, "app."))
      gtk_application_set_accels_for_action (application, shortcuts[i].action,
                                             shortcuts[i].accels);
}

typedef struct
{
  const char              *action;
  DeskShortcutActivateFunc activate;
} WindowShortcut;

static gboolean
window_shortcut_cb (GtkWidget *widget,
                    GVariant  *args,
                    gpointer   user_data)
{
  const WindowShortcut *shortcut = user_data;

  /* Handled, whatever the outcome: the key never reaches the focused widget. */
  shortcut->activate (widget, shortcut->action);
  return TRUE;
}

/**
 * desk_shortcuts_add_window_controller:
 * @window: the window
 * @activate: activates an action of @window, or tells the editor why it cannot apply
 *
 * Adds the win.* shortcuts of the table to @window, in the capture phase, so they come
 * before the focused widget's own keys and are kept even when their action is disabled.
 */
void
desk_shortcuts_add_window_controller (GtkWidget               *window,
                                      DeskShortcutActivateFunc activate)
{
  GtkEventController *controller;

  g_return_if_fail (GTK_IS_WIDGET (window));
  g_return_if_fail (activate != NULL);

  controller = gtk_shortcut_controller_new ();
  gtk_event_controller_set_name (controller, "copydesk-window-shortcuts");
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  gtk_shortcut_controller_set_scope (GTK_SHORTCUT_CONTROLLER (controller), GTK_SHORTCUT_SCOPE_LOCAL);

  for (guint i = 0; i < G_N_ELEMENTS (shortcuts); i++)
    {
      if (!g_str_has_prefix (shortcuts[i].action, "win."))
        continue;

      for (guint j = 0; shortcuts[i].accels[j] != NULL; j++)
        {
          GtkShortcutTrigger *trigger = gtk_shortcut_trigger_parse_string (shortcuts[i].accels[j]);
          WindowShortcut *data = g_new (WindowShortcut, 1);
          GtkShortcutAction *action;

          data->action = shortcuts[i].action;
          data->activate = activate;
          action = gtk_callback_action_new (window_shortcut_cb, data, g_free);
          gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                                gtk_shortcut_new (trigger, action));
        }
    }

  gtk_widget_add_controller (window, controller);
}

/**
 * desk_shortcuts_find_duplicate:
 *
 * Returns: (transfer full) (nullable): a description of the first accelerator that two
 *   entries of the table share, or %NULL when every accelerator is used once
 */
char *
desk_shortcuts_find_duplicate (void)
{
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (shortcuts); i++)
    {
      for (guint j = 0; shortcuts[i].accels[j] != NULL; j++)
        {
          guint key = 0;
          GdkModifierType mods = 0;
          g_autofree char *canonical = NULL;
          const char *other;

          if (!gtk_accelerator_parse (shortcuts[i].accels[j], &key, &mods))
            return g_strdup_printf ("“%s” of %s does not parse", shortcuts[i].accels[j],
                                    shortcuts[i].action);

          canonical = gtk_accelerator_name (gdk_keyval_to_lower (key), mods);
          other = g_hash_table_lookup (seen, canonical);
          if (other != NULL)
            return g_strdup_printf ("%s is bound to both %s and %s", canonical, other,
                                    shortcuts[i].action);
          g_hash_table_insert (seen, g_steal_pointer (&canonical), (gpointer)shortcuts[i].action);
        }
    }

  return NULL;
}

/**
 * desk_shortcuts_window_new:
 *
 * Returns: (transfer full): a #GtkShortcutsWindow listing the table, section by section
 */
GtkWindow *
desk_shortcuts_window_new (GtkWindow *parent)
{
  g_autoptr(GtkBuilder) builder = gtk_builder_new ();
  g_autoptr(GString) xml = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  const char *section = NULL;
  GtkWindow *window;

  g_string_append (xml,
                   "<interface>\n"
                   "  <object class=\"GtkShortcutsWindow\" id=\"window\">\n"
                   "    <property name=\"modal\">True</property>\n"
                   "    <child>\n"
                   "      <object class=\"GtkShortcutsSection\">\n"
                   "        <property name=\"section-name\">shortcuts</property>\n"
                   /* One page: GTK 4.8 warns when the section is split into pages. */
                   "        <property name=\"max-height\">20</property>\n");

  for (guint i = 0; i < G_N_ELEMENTS (shortcuts); i++)
    {
      g_autofree char *title = g_markup_escape_text (_(shortcuts[i].title), -1);
      g_autofree char *accels = NULL;

      if (g_strcmp0 (section, shortcuts[i].section) != 0)
        {
          g_autofree char *escaped = g_markup_escape_text (_(shortcuts[i].section), -1);

          if (section != NULL)
            g_string_append (xml, "          </object>\n        </child>\n");
          g_string_append_printf (xml,
                                  "        <child>\n"
                                  "          <object class=\"GtkShortcutsGroup\">\n"
                                  "            <property name=\"title\">%s</property>\n",
                                  escaped);
          section = shortcuts[i].section;
        }

      accels = g_strjoinv (" ", (char **)shortcuts[i].accels);
      {
        g_autofree char *escaped_accels = g_markup_escape_text (accels, -1);

        g_string_append_printf (xml,
                                "            <child>\n"
                                "              <object class=\"GtkShortcutsShortcut\">\n"
                                "                <property name=\"title\">%s</property>\n"
                                "                <property name=\"accelerator\">%s</property>\n"
                                "              </object>\n"
                                "            </child>\n",
                                title, escaped_accels);
      }
    }

  g_string_append (xml,
                   "          </object>\n"
                   "        </child>\n"
                   "      </object>\n"
                   "    </child>\n"
                   "  </object>\n"
                   "</interface>\n");

  if (!gtk_builder_add_from_string (builder, xml->str, xml->len, &error))
    g_error ("The shortcuts window does not build: %s", error->message);

  window = g_object_ref (GTK_WINDOW (gtk_builder_get_object (builder, "window")));
  if (parent != NULL)
    gtk_window_set_transient_for (window, parent);

  return window;
}
