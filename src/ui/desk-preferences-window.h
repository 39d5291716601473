/* desk-preferences-window.h: the editor's preferences, kept in GSettings
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define DESK_TYPE_PREFERENCES_WINDOW (desk_preferences_window_get_type ())

G_DECLARE_FINAL_TYPE (DeskPreferencesWindow, desk_preferences_window, DESK, PREFERENCES_WINDOW,
                      AdwPreferencesWindow)

GtkWindow *desk_preferences_window_new (GtkWindow *parent);

G_END_DECLS
