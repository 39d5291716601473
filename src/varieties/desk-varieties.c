/* desk-varieties.c: the US and British dictionaries house spelling is decided with
 *
 * The core decides spelling by evidence but has no dictionaries (it is GLib only); this
 * small library, linked into the editor and copydesk-merge, gives a DeskStyle the
 * system's hunspell dictionaries for en_US and en_GB through enchant-2 (Debian:
 * hunspell-en-us and hunspell-en-gb). Both are needed: a spelling is changed only when
 * each form is confirmed in its own variety.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <gio/gio.h>
#include <glib/gi18n.h>

#include "desk-varieties.h"
#include "desk-varieties-config.h"

#if HAVE_ENCHANT
# include <enchant.h>

typedef struct
{
  GMutex         lock;     /* enchant dictionaries are not thread-safe */
  EnchantBroker *broker;
  EnchantDict   *us;
  EnchantDict   *gb;
} Varieties;

static void
varieties_free (gpointer data)
{
  Varieties *varieties = data;

  if (varieties->us != NULL)
    enchant_broker_free_dict (varieties->broker, varieties->us);
  if (varieties->gb != NULL)
    enchant_broker_free_dict (varieties->broker, varieties->gb);
  enchant_broker_free (varieties->broker);
  g_mutex_clear (&varieties->lock);
  g_free (varieties);
}

static gboolean
check_cb (DeskStyleSpelling  variety,
          const char        *word,
          gpointer           user_data)
{
  Varieties *varieties = user_data;
  EnchantDict *dict = variety == DESK_STYLE_SPELLING_GB ? varieties->gb : varieties->us;
  gboolean found;

  g_mutex_lock (&varieties->lock);
  found = enchant_dict_check (dict, word, strlen (word)) == 0;
  g_mutex_unlock (&varieties->lock);

  return found;
}
#endif

/**
 * desk_varieties_install:
 * @style: a house style
 * @error: return location for a #GError
 *
 * Gives @style the en_US and en_GB dictionaries (desk_style_set_word_check()).
 *
 * Returns: %TRUE, or %FALSE with @error set when either dictionary is missing
 */
gboolean
desk_varieties_install (DeskStyle  *style,
                        GError    **error)
{
#if HAVE_ENCHANT
  Varieties *varieties;
  const char *missing = NULL;

  g_return_val_if_fail (DESK_IS_STYLE (style), FALSE);

  varieties = g_new0 (Varieties, 1);
  g_mutex_init (&varieties->lock);
  varieties->broker = enchant_broker_init ();

  if (enchant_broker_dict_exists (varieties->broker, "en_US"))
    varieties->us = enchant_broker_request_dict (varieties->broker, "en_US");
  if (enchant_broker_dict_exists (varieties->broker, "en_GB"))
    varieties->gb = enchant_broker_request_dict (varieties->broker, "en_GB");

  if (varieties->us == NULL)
    missing = "en_US";
  else if (varieties->gb == NULL)
    missing = "en_GB";

  if (missing != NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   /* Translators: %s is a dictionary name, "en_GB" */
                   _("House spelling needs the %s spelling dictionary (on Debian: "
                     "hunspell-en-us and hunspell-en-gb)"), missing);
      varieties_free (varieties);
      return FALSE;
    }

  desk_style_set_word_check (style, check_cb, varieties, varieties_free);
  return TRUE;
#else
  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                       _("House spelling needs enchant-2, which this build of Copydesk lacks"));
  return FALSE;
#endif
}
