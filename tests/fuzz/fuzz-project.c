/* fuzz-project.c: any bytes, opened as a .copydesk project file
 *
 * A project that opens is exported, saved and opened again: what opened once must open
 * again, with the same draft.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "desk-project-file.h"
#include "fuzz-common.h"

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  fuzz_init ();
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  /* First, so that its check runs last, after everything below is freed. */
  g_auto(FuzzWatch) watch = fuzz_watch (size);
  g_autoptr(GBytes) bytes = g_bytes_new (data, size);
  g_autoptr(GError) error = NULL;
  g_autoptr(DeskProject) project = NULL;
  g_autoptr(DeskProject) reopened = NULL;
  g_autoptr(GBytes) saved = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  GListModel *sources;

  project = desk_project_file_load_from_bytes (bytes, "fuzz.copydesk", &error);
  if (project == NULL)
    {
      fuzz_check (error != NULL && g_utf8_validate (error->message, -1, NULL));
      return 0;
    }
  fuzz_check (error == NULL);

  sources = desk_project_get_sources (project);
  for (guint i = 0; i < g_list_model_get_n_items (sources); i++)
    {
      g_autoptr(DeskSource) source = g_list_model_get_item (sources, i);

      fuzz_walk_source (source);
    }
  fuzz_export (project);

  saved = desk_project_file_save_to_bytes (project);
  reopened = desk_project_file_load_from_bytes (saved, "fuzz.copydesk", &error);
  if (reopened == NULL)
    {
      g_printerr ("A project that opened does not open again once saved: %s\n", error->message);
      abort ();
    }
  before = desk_draft_to_text (desk_project_get_draft (project));
  after = desk_draft_to_text (desk_project_get_draft (reopened));
  fuzz_check (g_str_equal (before, after));
  fuzz_check (g_list_model_get_n_items (desk_project_get_sources (reopened)) ==
              g_list_model_get_n_items (sources));

  return 0;
}
