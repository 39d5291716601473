/* main.c: the copydesk executable
 *
 *   copydesk                 the empty window (or work recovered after a crash)
 *   copydesk FILE…           a roundup of these versions; the first starts the draft
 *   copydesk PROJECT.copydesk
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "desk-application.h"

int
main (int    argc,
      char **argv)
{
  g_autoptr(DeskApplication) application = NULL;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  g_set_application_name (_("Copydesk"));

  application = desk_application_new (G_APPLICATION_DEFAULT_FLAGS);
  return g_application_run (G_APPLICATION (application), argc, argv);
}
