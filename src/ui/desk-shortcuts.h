/* desk-shortcuts.h: every keyboard shortcut of the editor, in one table
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

typedef struct
{
  const char *action;      /* "win.accept", "app.quit" */
  const char *accels[3];   /* NULL-terminated */
  const char *section;     /* a group of the shortcuts window, translatable */
  const char *title;       /* translatable */
} DeskShortcut;

/* Activates @action_name of @window, or says why it cannot apply. */
typedef void (*DeskShortcutActivateFunc) (GtkWidget  *window,
                                          const char *action_name);

const DeskShortcut *desk_shortcuts_get                  (guint          *n_shortcuts);
void                desk_shortcuts_install_app_accels   (GtkApplication *application);
void                desk_shortcuts_add_window_controller (GtkWidget               *window,
                                                         DeskShortcutActivateFunc activate);
char               *desk_shortcuts_find_duplicate       (void);
GtkWindow          *desk_shortcuts_window_new           (GtkWindow      *parent);

G_END_DECLS
