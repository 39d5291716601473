/* fuzz-source.c: any bytes, as a file a desk editor opens
 *
 * desk_source_new_from_bytes() is what opening a file or pasting does: format detection,
 * then the reader it picks, or decoding and ingest of plain text. Files that may hold
 * several stories are also read whole.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "desk-format.h"
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
  g_autoptr(DeskSource) source = NULL;
  g_autoptr(GPtrArray) all = NULL;
  g_autofree char *description = NULL;
  const char *format;

  format = desk_format_detect (data, size);
  fuzz_check (format != NULL);
  description = desk_format_describe (data, size);
  fuzz_check (description != NULL && g_utf8_validate (description, -1, NULL));

  source = desk_source_new_from_bytes (bytes, "fuzz.txt", DESK_SOURCE_ORIGIN_FILE, &error);
  if (source == NULL)
    {
      fuzz_check (error != NULL && error->message != NULL);
      fuzz_check (g_utf8_validate (error->message, -1, NULL));
      fuzz_check (strstr (error->message, "fuzz.txt") != NULL);
      return 0;
    }
  fuzz_check (error == NULL);
  fuzz_walk_source (source);

  if (g_str_equal (format, DESK_FORMAT_NEWSML_G2) || g_str_equal (format, DESK_FORMAT_NEWSML))
    {
      all = desk_source_new_all_from_bytes (bytes, "fuzz.xml", DESK_SOURCE_ORIGIN_FILE, &error);
      fuzz_check ((all == NULL) == (error != NULL));
      for (guint i = 0; all != NULL && i < all->len; i++)
        fuzz_walk_source (g_ptr_array_index (all, i));
    }

  return 0;
}
