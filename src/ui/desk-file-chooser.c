/* desk-file-chooser.c: the platform's file chooser, on GTK 4.8 and on newer GTK alike
 *
 * GtkFileDialog (GTK 4.10) where it exists; GtkFileChooserNative, which goes through the
 * file chooser portal inside Flatpak, on GTK 4.8.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "desk-file-chooser.h"

typedef struct
{
  DeskFilesChosen callback;
  gpointer        user_data;
} Chooser;

static GListStore *
make_filters (DeskFileKind kind)
{
  GListStore *filters = g_list_store_new (GTK_TYPE_FILE_FILTER);
  GtkFileFilter *filter;

  if (kind == DESK_FILES_SOURCES)
    {
      filter = gtk_file_filter_new ();
      gtk_file_filter_set_name (filter, _("Stories"));
      gtk_file_filter_add_mime_type (filter, "text/*");
      gtk_file_filter_add_mime_type (filter, "application/xml");
      gtk_file_filter_add_mime_type (filter, "application/json");
      gtk_file_filter_add_suffix (filter, "txt");
      gtk_file_filter_add_suffix (filter, "html");
      gtk_file_filter_add_suffix (filter, "htm");
      gtk_file_filter_add_suffix (filter, "xml");
      gtk_file_filter_add_suffix (filter, "json");
      gtk_file_filter_add_suffix (filter, "md");
      g_list_store_append (filters, filter);
      g_object_unref (filter);
    }
  else if (kind == DESK_FILES_PROJECTS)
    {
      filter = gtk_file_filter_new ();
      gtk_file_filter_set_name (filter, _("Copydesk Projects"));
      gtk_file_filter_add_mime_type (filter, "application/x-copydesk");
      gtk_file_filter_add_suffix (filter, "copydesk");
      g_list_store_append (filters, filter);
      g_object_unref (filter);
    }

  filter = gtk_file_filter_new ();
  gtk_file_filter_set_name (filter, _("All Files"));
  gtk_file_filter_add_pattern (filter, "*");
  g_list_store_append (filters, filter);
  g_object_unref (filter);

  return filters;
}

static GPtrArray *
files_from_model (GListModel *model)
{
  GPtrArray *files = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; model != NULL && i < g_list_model_get_n_items (model); i++)
    g_ptr_array_add (files, g_list_model_get_item (model, i));

  return files;
}

static void
deliver (Chooser   *chooser,
         GPtrArray *files)
{
  chooser->callback (files != NULL && files->len > 0 ? files : NULL, chooser->user_data);
  if (files != NULL)
    g_ptr_array_unref (files);
  g_free (chooser);
}

#if GTK_CHECK_VERSION (4, 10, 0)

static void
open_multiple_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GListModel) model = gtk_file_dialog_open_multiple_finish (GTK_FILE_DIALOG (object), result, NULL);

  deliver (user_data, model ? files_from_model (model) : NULL);
}

static void
open_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  GFile *file = gtk_file_dialog_open_finish (GTK_FILE_DIALOG (object), result, NULL);
  GPtrArray *files = NULL;

  if (file != NULL)
    {
      files = g_ptr_array_new_with_free_func (g_object_unref);
      g_ptr_array_add (files, file);
    }
  deliver (user_data, files);
}

static void
save_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  GFile *file = gtk_file_dialog_save_finish (GTK_FILE_DIALOG (object), result, NULL);
  GPtrArray *files = NULL;

  if (file != NULL)
    {
      files = g_ptr_array_new_with_free_func (g_object_unref);
      g_ptr_array_add (files, file);
    }
  deliver (user_data, files);
}

#else

static void
native_response_cb (GtkNativeDialog *native,
                    int              response,
                    gpointer         user_data)
{
  GPtrArray *files = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GListModel) model = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (native));
      files = files_from_model (model);
    }

  deliver (user_data, files);
  gtk_native_dialog_destroy (native);
  g_object_unref (native);
}

static GtkFileChooserNative *
native_new (GtkWindow            *parent,
            const char           *title,
            GtkFileChooserAction  action,
            DeskFileKind          kind)
{
  GtkFileChooserNative *native;
  g_autoptr(GListStore) filters = make_filters (kind);

  native = gtk_file_chooser_native_new (title, parent, action, NULL, NULL);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (filters)); i++)
    {
      g_autoptr(GtkFileFilter) filter = g_list_model_get_item (G_LIST_MODEL (filters), i);
      gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), filter);
    }

  return native;
}

#endif

void
desk_file_chooser_open (GtkWindow       *parent,
                        const char      *title,
                        DeskFileKind     kind,
                        gboolean         multiple,
                        DeskFilesChosen  callback,
                        gpointer         user_data)
{
  Chooser *chooser = g_new0 (Chooser, 1);

  chooser->callback = callback;
  chooser->user_data = user_data;

#if GTK_CHECK_VERSION (4, 10, 0)
  {
    g_autoptr(GtkFileDialog) dialog = gtk_file_dialog_new ();
    g_autoptr(GListStore) filters = make_filters (kind);

    gtk_file_dialog_set_title (dialog, title);
    gtk_file_dialog_set_modal (dialog, TRUE);
    gtk_file_dialog_set_filters (dialog, G_LIST_MODEL (filters));
    if (multiple)
      gtk_file_dialog_open_multiple (dialog, parent, NULL, open_multiple_cb, chooser);
    else
      gtk_file_dialog_open (dialog, parent, NULL, open_cb, chooser);
  }
#else
  {
    GtkFileChooserNative *native = native_new (parent, title, GTK_FILE_CHOOSER_ACTION_OPEN, kind);

    gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (native), multiple);
    g_signal_connect (native, "response", G_CALLBACK (native_response_cb), chooser);
    gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
  }
#endif
}

/* @initial_folder: (nullable): where the chooser opens, when it still exists */
void
desk_file_chooser_save (GtkWindow       *parent,
                        const char      *title,
                        GFile           *initial_folder,
                        const char      *initial_name,
                        DeskFileKind     kind,
                        DeskFilesChosen  callback,
                        gpointer         user_data)
{
  Chooser *chooser = g_new0 (Chooser, 1);

  chooser->callback = callback;
  chooser->user_data = user_data;

#if GTK_CHECK_VERSION (4, 10, 0)
  {
    g_autoptr(GtkFileDialog) dialog = gtk_file_dialog_new ();
    g_autoptr(GListStore) filters = make_filters (kind);

    gtk_file_dialog_set_title (dialog, title);
    gtk_file_dialog_set_modal (dialog, TRUE);
    gtk_file_dialog_set_initial_name (dialog, initial_name);
    if (initial_folder != NULL &&
        g_file_query_file_type (initial_folder, G_FILE_QUERY_INFO_NONE, NULL) == G_FILE_TYPE_DIRECTORY)
      gtk_file_dialog_set_initial_folder (dialog, initial_folder);
    if (kind != DESK_FILES_ANY)
      gtk_file_dialog_set_filters (dialog, G_LIST_MODEL (filters));
    gtk_file_dialog_save (dialog, parent, NULL, save_cb, chooser);
  }
#else
  {
    GtkFileChooserNative *native = native_new (parent, title, GTK_FILE_CHOOSER_ACTION_SAVE, kind);

    if (initial_folder != NULL &&
        g_file_query_file_type (initial_folder, G_FILE_QUERY_INFO_NONE, NULL) == G_FILE_TYPE_DIRECTORY)
      gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (native), initial_folder, NULL);
    if (initial_name != NULL)
      gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), initial_name);
    g_signal_connect (native, "response", G_CALLBACK (native_response_cb), chooser);
    gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
  }
#endif
}
