/* desk-shortcuts.c: every keyboard shortcut of the editor, in one table
 *
 * The table is the only place an accelerator is written down: the application installs
 * it, the shortcuts window is built from it, and a test fails when two entries share a
 * key. Most shortcuts are application accelerators, which GTK handles before the focused
 * widget. Ctrl+Backspace (reject) is the exception: in the draft it keeps deleting the
 * previous word, as everywhere in GNOME, so it is handled after the focused widget.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "desk-shortcuts.h"

static const DeskShortcut shortcuts[] = {
  /* Suggestions */
  { "win.next-suggestion", { "<Alt>Down", NULL }, N_("Suggestions"), N_("Next suggestion"), FALSE },
  { "win.previous-suggestion", { "<Alt>Up", NULL }, N_("Suggestions"), N_("Previous suggestion"), FALSE },
  { "win.accept", { "<Control>Return", "<Control>KP_Enter", NULL }, N_("Suggestions"), N_("Accept the suggestion"), FALSE },
  { "win.reject", { "<Control>BackSpace", NULL }, N_("Suggestions"), N_("Reject the suggestion (in the draft: delete the previous word)"), TRUE },
  { "win.accept-all", { "<Control><Shift>Return", NULL }, N_("Suggestions"), N_("Accept all missing paragraphs and additions"), FALSE },

  /* Draft */
  { "win.undo", { "<Control>z", NULL }, N_("Draft"), N_("Undo"), FALSE },
  { "win.redo", { "<Control><Shift>z", "<Control>y", NULL }, N_("Draft"), N_("Redo"), FALSE },
  { "win.focus-draft", { "<Control>d", NULL }, N_("Draft"), N_("Go to the draft"), FALSE },
  { "win.credits", { "<Control>k", NULL }, N_("Draft"), N_("Edit the credits"), FALSE },

  /* Sources */
  { "win.open-sources", { "<Control>o", NULL }, N_("Sources"), N_("Add sources from files"), FALSE },
  { "win.paste-source", { "<Control><Shift>v", NULL }, N_("Sources"), N_("Paste as a new source"), FALSE },
  { "win.toggle-sources", { "F9", NULL }, N_("Sources"), N_("Show or hide the sources"), FALSE },
  { "win.toggle-suggestions", { "<Shift>F9", NULL }, N_("Sources"), N_("Show or hide the suggestions"), FALSE },

  /* Project */
  { "win.new-project", { "<Control>n", NULL }, N_("Project"), N_("New project"), FALSE },
  { "win.open-project", { "<Control><Shift>o", NULL }, N_("Project"), N_("Open a project"), FALSE },
  { "win.save", { "<Control>s", NULL }, N_("Project"), N_("Save the project"), FALSE },
  { "win.save-as", { "<Control><Shift>s", NULL }, N_("Project"), N_("Save the project as"), FALSE },
  { "win.export", { "<Control>e", NULL }, N_("Project"), N_("Export the story"), FALSE },
  { "win.close", { "<Control>w", NULL }, N_("Project"), N_("Close the window"), FALSE },

  /* General */
  { "app.new-window", { "<Control><Shift>n", NULL }, N_("General"), N_("New window"), FALSE },
  { "app.preferences", { "<Control>comma", NULL }, N_("General"), N_("Preferences"), FALSE },
  { "app.shortcuts", { "<Control>question", NULL }, N_("General"), N_("Keyboard shortcuts"), FALSE },
  { "app.help", { "F1", NULL }, N_("General"), N_("User guide"), FALSE },
  { "app.quit", { "<Control>q", NULL }, N_("General"), N_("Quit"), FALSE },
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
    if (!shortcuts[i].text_first)
      gtk_application_set_accels_for_action (application, shortcuts[i].action,
                                             shortcuts[i].accels);
}

/**
 * desk_shortcuts_add_window_controller:
 *
 * Adds the shortcuts that a focused text view handles first (see above) to @window, in
 * the bubble phase.
 */
void
desk_shortcuts_add_window_controller (GtkWidget *window)
{
  GtkEventController *controller;

  g_return_if_fail (GTK_IS_WIDGET (window));

  controller = gtk_shortcut_controller_new ();
  gtk_event_controller_set_name (controller, "copydesk-text-first-shortcuts");
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_BUBBLE);

  for (guint i = 0; i < G_N_ELEMENTS (shortcuts); i++)
    {
      if (!shortcuts[i].text_first)
        continue;

      for (guint j = 0; shortcuts[i].accels[j] != NULL; j++)
        {
          GtkShortcutTrigger *trigger = gtk_shortcut_trigger_parse_string (shortcuts[i].accels[j]);
          GtkShortcutAction *action = gtk_named_action_new (shortcuts[i].action);

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
