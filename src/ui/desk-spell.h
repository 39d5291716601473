/* desk-spell.h: spelling in the draft, where the platform has a spell checker
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define DESK_TYPE_SPELL_CHECKER (desk_spell_checker_get_type ())

G_DECLARE_FINAL_TYPE (DeskSpellChecker, desk_spell_checker, DESK, SPELL_CHECKER, GObject)

DeskSpellChecker *desk_spell_checker_new          (GtkTextView      *view);
gboolean          desk_spell_checker_is_available (void);
void              desk_spell_checker_set_enabled  (DeskSpellChecker *self,
                                                   gboolean          enabled);
gboolean          desk_spell_checker_get_enabled  (DeskSpellChecker *self);
guint             desk_spell_checker_check_now    (DeskSpellChecker *self);
const char       *desk_spell_checker_get_language (DeskSpellChecker *self);
void              desk_spell_checker_set_language (DeskSpellChecker *self,
                                                   const char       *language);

G_END_DECLS
