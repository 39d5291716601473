/* desk-application.c: Copydesk, the application
 *
 * One process, one GtkApplication: `copydesk FILE…` in a second terminal opens the files
 * in the running instance. Files named on the command line become sources of one
 * roundup, the first starting the draft (as `copydesk-merge` does); .copydesk files open
 * as projects. With no files, a start shows the empty window, or, when a session ended
 * without closing its windows, the work it left behind.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <gtksourceview/gtksource.h>

#include "desk-application.h"
#include "desk-preferences-window.h"
#include "desk-session.h"
#include "desk-shortcuts.h"
#include "desk-window.h"

struct _DeskApplication
{
  AdwApplication parent_instance;

  gboolean       recovered;
};

G_DEFINE_FINAL_TYPE (DeskApplication, desk_application, ADW_TYPE_APPLICATION)

/**
 * desk_ui_init:
 *
 * What the widgets need before the first one is made: GtkSourceView, and the types the
 * templates name. The application calls it; so do the tests.
 */
void
desk_ui_init (void)
{
  static gsize initialized = 0;

  if (g_once_init_enter (&initialized))
    {
      gtk_source_init ();
      g_type_ensure (GTK_SOURCE_TYPE_VIEW);
      g_once_init_leave (&initialized, 1);
    }
}

static DeskWindow *
get_active_window (DeskApplication *self)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  return DESK_IS_WINDOW (window) ? DESK_WINDOW (window) : NULL;
}

GtkWindow *
desk_application_new_window (DeskApplication *self)
{
  DeskWindow *window = desk_window_new (GTK_APPLICATION (self));

  gtk_window_present (GTK_WINDOW (window));
  return GTK_WINDOW (window);
}

/* Opens what crashed sessions left behind. Returns how many windows it opened. */
static guint
recover_sessions (DeskApplication *self)
{
  g_autoptr(GPtrArray) recoverable = NULL;
  guint opened = 0;

  if (self->recovered || !desk_project_files_available ())
    return 0;
  self->recovered = TRUE;

  recoverable = desk_session_list_recoverable ();
  for (guint i = 0; i < recoverable->len; i++)
    {
      DeskRecoverable *item = g_ptr_array_index (recoverable, i);
      DeskWindow *window = desk_window_new (GTK_APPLICATION (self));

      /* Read in a worker: the window shows that it is busy, then the work or what went wrong. */
      desk_window_recover (window, item);
      gtk_window_present (GTK_WINDOW (window));
      opened++;
    }

  return opened;
}

static void
desk_application_activate (GApplication *application)
{
  DeskApplication *self = DESK_APPLICATION (application);
  DeskWindow *window = get_active_window (self);

  if (window != NULL)
    {
      gtk_window_present (GTK_WINDOW (window));
      return;
    }

  if (recover_sessions (self) > 0)
    return;

  desk_application_new_window (self);
}

static void
desk_application_open (GApplication  *application,
                       GFile        **files,
                       int            n_files,
                       const char    *hint)
{
  DeskApplication *self = DESK_APPLICATION (application);
  g_autoptr(GPtrArray) sources = g_ptr_array_new ();
  DeskWindow *window;

  recover_sessions (self);

  for (int i = 0; i < n_files; i++)
    {
      g_autofree char *base = g_file_get_basename (files[i]);

      if (base != NULL && g_str_has_suffix (base, ".copydesk"))
        {
          window = get_active_window (self);
          if (window == NULL)
            window = DESK_WINDOW (desk_application_new_window (self));
          desk_window_open_project (window, files[i]);
        }
      else
        g_ptr_array_add (sources, files[i]);
    }

  if (sources->len == 0)
    return;

  /* The sources go into an empty window, or a new one: a roundup of their own. */
  window = get_active_window (self);
  if (window == NULL || !desk_window_is_empty (window))
    window = DESK_WINDOW (desk_application_new_window (self));
  else
    gtk_window_present (GTK_WINDOW (window));

  desk_window_add_files (window, (GFile **)sources->pdata, sources->len, TRUE);
}

static void
desk_application_startup (GApplication *application)
{
  G_APPLICATION_CLASS (desk_application_parent_class)->startup (application);

  desk_ui_init ();
  desk_shortcuts_install_app_accels (GTK_APPLICATION (application));
  gtk_window_set_default_icon_name (APP_ID);
}

static void
quit_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  GtkApplication *application = user_data;
  g_autoptr(GList) windows = g_list_copy (gtk_application_get_windows (application));

  /* Each window asks about its own unsaved work; the application ends with the last. */
  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_close (GTK_WINDOW (l->data));
}

static void
new_window_action (GSimpleAction *action,
                   GVariant      *parameter,
                   gpointer       user_data)
{
  desk_application_new_window (DESK_APPLICATION (user_data));
}

static void
preferences_action (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (user_data));

  gtk_window_present (desk_preferences_window_new (parent));
}

static void
shortcuts_action (GSimpleAction *action,
                  GVariant      *parameter,
                  gpointer       user_data)
{
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (user_data));
  g_autoptr(GtkWindow) window = desk_shortcuts_window_new (parent);

  gtk_window_present (window);
}

/* The guide as HTML (help/meson.build), or NULL where it was not built. */
static char *
dup_help_html_uri (void)
{
  const char *dir = g_getenv ("COPYDESK_HELP_HTML_DIR");
  g_autofree char *index = g_build_filename (dir != NULL ? dir : HELP_HTML_DIR, "index.html", NULL);

  if (!g_file_test (index, G_FILE_TEST_IS_REGULAR))
    return NULL;
  return g_filename_to_uri (index, NULL, NULL);
}

static void
show_help_error (GtkWindow  *parent,
                 const char *message)
{
  GtkWidget *dialog = adw_message_dialog_new (parent, _("The User Guide Could Not Be Opened"), message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
help_html_shown_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autofree char *uri = user_data;
  g_autoptr(GError) error = NULL;

  if (!gtk_show_uri_full_finish (GTK_WINDOW (object), result, &error))
    {
      g_autofree char *path = g_filename_from_uri (uri, NULL, NULL);
      g_autofree char *message = g_strdup_printf (_("Neither a help browser nor a web browser could open it (%s). "
                                                    "The guide is the file %s."),
                                                  error->message, path ? path : uri);

      show_help_error (GTK_WINDOW (object), message);
    }
}

/* Without a help browser (no Yelp: "Operation not supported"), the same guide as HTML
 * in the web browser. */
static void
help_shown_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *html = NULL;

  if (gtk_show_uri_full_finish (GTK_WINDOW (object), result, &error))
    return;

  html = dup_help_html_uri ();
  if (html != NULL)
    {
      g_debug ("No help browser (%s): opening %s", error->message, html);
      gtk_show_uri_full (GTK_WINDOW (object), html, GDK_CURRENT_TIME, NULL, help_html_shown_cb,
                         g_strdup (html));
      return;
    }

  show_help_error (GTK_WINDOW (object), error->message);
}

/* F1: the user guide (help/C), in the help browser, else in the web browser. */
static void
help_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (user_data));

  gtk_show_uri_full (parent, "help:copydesk", GDK_CURRENT_TIME, NULL, help_shown_cb, NULL);
}

static void
about_action (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (user_data));
  const char *developers[] = { "The Copydesk contributors", NULL };
  GtkWidget *about;

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", parent,
                        "modal", TRUE,
                        "application-icon", APP_ID,
                        "application-name", _("Copydesk"),
                        "developer-name", _("The Copydesk contributors"),
                        "version", PACKAGE_VERSION,
                        "comments", _("Consolidate the versions of a wire story into one clean "
                                      "story: every fact once, in order, credited to everyone "
                                      "whose work is in it."),
                        "website", "https://github.com/copydesk/copydesk",
                        "issue-url", "https://github.com/copydesk/copydesk/issues",
                        "license-type", GTK_LICENSE_GPL_3_0,
                        "developers", developers,
                        "copyright", "© 2026 The Copydesk contributors",
                        NULL);
  gtk_window_present (GTK_WINDOW (about));
}

static void
desk_application_class_init (DeskApplicationClass *klass)
{
  GApplicationClass *application_class = G_APPLICATION_CLASS (klass);

  application_class->activate = desk_application_activate;
  application_class->open = desk_application_open;
  application_class->startup = desk_application_startup;
}

static void
desk_application_init (DeskApplication *self)
{
  const GActionEntry entries[] = {
    { .name = "quit", .activate = quit_action },
    { .name = "new-window", .activate = new_window_action },
    { .name = "preferences", .activate = preferences_action },
    { .name = "shortcuts", .activate = shortcuts_action },
    { .name = "help", .activate = help_action },
    { .name = "about", .activate = about_action },
  };

  g_action_map_add_action_entries (G_ACTION_MAP (self), entries, G_N_ELEMENTS (entries), self);
}

/**
 * desk_application_new:
 * @extra_flags: flags besides %G_APPLICATION_HANDLES_OPEN (the tests pass
 *   %G_APPLICATION_NON_UNIQUE)
 */
DeskApplication *
desk_application_new (GApplicationFlags extra_flags)
{
  return g_object_new (DESK_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN | extra_flags,
                       "resource-base-path", "/io/github/copydesk/Copydesk",
                       NULL);
}
