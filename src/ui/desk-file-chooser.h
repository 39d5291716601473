/* desk-file-chooser.h: the platform's file chooser, on GTK 4.8 and on newer GTK alike
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

typedef enum
{
  DESK_FILES_SOURCES,    /* stories: text, HTML, XML, JSON */
  DESK_FILES_PROJECTS,   /* .copydesk */
  DESK_FILES_ANY,
} DeskFileKind;

/* @files is NULL when the editor cancelled. */
typedef void (*DeskFilesChosen) (GPtrArray *files,
                                 gpointer   user_data);

void desk_file_chooser_open (GtkWindow       *parent,
                             const char      *title,
                             DeskFileKind     kind,
                             gboolean         multiple,
                             DeskFilesChosen  callback,
                             gpointer         user_data);
void desk_file_chooser_save (GtkWindow       *parent,
                             const char      *title,
                             GFile           *initial_folder,
                             const char      *initial_name,
                             DeskFileKind     kind,
                             DeskFilesChosen  callback,
                             gpointer         user_data);

G_END_DECLS
