/* test-ui-shortcuts.c: one table of shortcuts, no key twice, every action real
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "desk-shortcuts.h"
#include "ui-test-util.h"

static void
test_no_duplicate_accelerators (void)
{
  g_autofree char *duplicate = desk_shortcuts_find_duplicate ();

  if (duplicate != NULL)
    g_test_fail_printf ("Duplicate accelerator: %s", duplicate);
}

static gboolean
window_has_action (DeskWindow *window,
                   const char *name)
{
  GtkWidgetClass *klass = GTK_WIDGET_GET_CLASS (window);
  const char *action_name;
  const GVariantType *parameter_type;
  const char *property_name;
  GType owner;

  for (guint i = 0;
       gtk_widget_class_query_action (klass, i, &owner, &action_name, &parameter_type, &property_name);
       i++)
    if (g_str_equal (action_name, name))
      return TRUE;

  return FALSE;
}

static void
test_every_action_exists (void)
{
  DeskApplication *application = ui_test_get_application ();
  DeskWindow *window = DESK_WINDOW (desk_application_new_window (application));
  const DeskShortcut *shortcuts;
  guint n;

  shortcuts = desk_shortcuts_get (&n);
  g_assert_cmpuint (n, >, 10);

  for (guint i = 0; i < n; i++)
    {
      const char *action = shortcuts[i].action;

      g_assert_nonnull (shortcuts[i].accels[0]);
      if (g_str_has_prefix (action, "win."))
        {
          if (!window_has_action (window, action))
            g_test_fail_printf ("%s is in the shortcuts table, but the window has no such action", action);
        }
      else if (g_str_has_prefix (action, "app."))
        {
          if (g_action_map_lookup_action (G_ACTION_MAP (application), action + 4) == NULL)
            g_test_fail_printf ("%s is in the shortcuts table, but the application has no such action", action);
        }
      else
        g_test_fail_printf ("%s: neither a window nor an application action", action);
    }

  ui_test_close_window (window);
}

static void
test_accelerators_installed (void)
{
  GtkApplication *application = GTK_APPLICATION (ui_test_get_application ());
  const DeskShortcut *shortcuts;
  guint n;

  shortcuts = desk_shortcuts_get (&n);
  for (guint i = 0; i < n; i++)
    {
      g_auto(GStrv) accels = gtk_application_get_accels_for_action (application, shortcuts[i].action);

      if (g_str_has_prefix (shortcuts[i].action, "win."))
        {
          /* The window's own controller keeps these keys (desk-shortcuts.c). */
          g_assert_cmpuint (g_strv_length (accels), ==, 0);
          continue;
        }

      g_assert_cmpuint (g_strv_length (accels), ==, g_strv_length ((char **)shortcuts[i].accels));
      for (guint j = 0; accels[j] != NULL; j++)
        {
          guint key_a = 0, key_b = 0;
          GdkModifierType mods_a = 0, mods_b = 0;

          g_assert_true (gtk_accelerator_parse (accels[j], &key_a, &mods_a));
          g_assert_true (gtk_accelerator_parse (shortcuts[i].accels[j], &key_b, &mods_b));
          g_assert_cmpuint (key_a, ==, key_b);
          g_assert_cmpuint (mods_a, ==, mods_b);
        }
    }
}

static void
test_required_keys (void)
{
  /* The issue names these; they must stay as they are. */
  const struct { const char *action; const char *accel; } required[] = {
    { "win.next-suggestion", "<Alt>Down" },
    { "win.previous-suggestion", "<Alt>Up" },
    { "win.accept", "<Control>Return" },
    { "win.reject", "<Control>BackSpace" },
    { "win.paste-source", "<Control><Shift>v" },
  };
  const DeskShortcut *shortcuts;
  guint n;

  shortcuts = desk_shortcuts_get (&n);
  for (guint r = 0; r < G_N_ELEMENTS (required); r++)
    {
      gboolean found = FALSE;

      for (guint i = 0; i < n && !found; i++)
        if (g_str_equal (shortcuts[i].action, required[r].action))
          found = g_strv_contains ((const char * const *)shortcuts[i].accels, required[r].accel);
      if (!found)
        g_test_fail_printf ("%s is not on %s", required[r].action, required[r].accel);
    }
}

static void
test_shortcuts_window (void)
{
  g_autoptr(GtkWindow) window = desk_shortcuts_window_new (NULL);

  g_assert_true (GTK_IS_SHORTCUTS_WINDOW (window));
  gtk_window_present (window);
  ui_test_screenshot (GTK_WIDGET (window), "09-shortcuts");
  gtk_window_destroy (window);
}

int
main (int    argc,
      char **argv)
{
  ui_test_init (&argc, &argv);

  g_test_add_func ("/ui/shortcuts/no-duplicates", test_no_duplicate_accelerators);
  g_test_add_func ("/ui/shortcuts/actions-exist", test_every_action_exists);
  g_test_add_func ("/ui/shortcuts/installed", test_accelerators_installed);
  g_test_add_func ("/ui/shortcuts/required-keys", test_required_keys);
  g_test_add_func ("/ui/shortcuts/window", test_shortcuts_window);

  return g_test_run ();
}
