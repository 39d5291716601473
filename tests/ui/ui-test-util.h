/* ui-test-util.h: driving the editor in-process for the ui tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "desk-application.h"
#include "desk-window.h"

G_BEGIN_DECLS

void             ui_test_init            (int            *argc,
                                          char         ***argv);
DeskApplication *ui_test_get_application (void);
GPtrArray       *ui_test_seed_files      (const char     *roundup);
DeskWindow      *ui_test_open_roundup    (const char     *roundup);
gboolean         ui_test_wait_for        (gboolean      (*condition) (gpointer data),
                                          gpointer        data,
                                          guint           timeout_ms);
void             ui_test_settle          (DeskWindow     *window);
void             ui_test_run_for         (guint           ms);
void             ui_test_screenshot      (GtkWidget      *widget,
                                          const char     *name);
void             ui_test_close_window    (DeskWindow     *window);
gboolean         ui_test_can_press_keys  (void);
void             ui_test_xdotool         (DeskWindow     *window,
                                          ...) G_GNUC_NULL_TERMINATED;
void             ui_test_xdotool_in_popup (DeskWindow    *window,
                                          ...) G_GNUC_NULL_TERMINATED;
gboolean         ui_test_shows_text      (GtkWidget      *root,
                                          const char     *text);
void             ui_test_click           (DeskWindow     *window,
                                          GtkWidget      *widget);
GtkWindow       *ui_test_find_toplevel  (GType           type);
GtkWidget       *ui_test_find_child     (GtkWidget      *widget,
                                          GType           type);
GtkWidget       *ui_test_find_button     (GtkWidget      *root,
                                          const char     *label);

G_END_DECLS
