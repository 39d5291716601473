/* fuzz-reader.c: one reader, fed any bytes
 *
 * Built once per format (FUZZ_FORMAT is its DESK_FORMAT_* name). The reader is called
 * directly, without format detection, so that every input reaches it; files that may
 * hold several stories are read whole as well.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "desk-format.h"
#include "desk-reader-private.h"
#include "fuzz-common.h"

#ifndef FUZZ_FORMAT
# error "FUZZ_FORMAT must name the reader's format"
#endif

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

  /* Detection never hands an empty file to a reader (it is "text", and refused as empty). */
  if (size == 0)
    return 0;

  source = _desk_reader_read (FUZZ_FORMAT, bytes, "fuzz", DESK_SOURCE_ORIGIN_FILE, &error);
  fuzz_check ((source == NULL) == (error != NULL));
  /* The message may quote invalid bytes: desk_source_new_from_bytes() repairs it (checked
   * by fuzz-source). */
  if (error != NULL)
    fuzz_check (error->message != NULL);
  if (source != NULL)
    fuzz_walk_source (source);

  if (g_str_equal (FUZZ_FORMAT, DESK_FORMAT_NEWSML_G2) ||
      g_str_equal (FUZZ_FORMAT, DESK_FORMAT_NEWSML))
    {
      g_autoptr(GPtrArray) all = NULL;

      g_clear_error (&error);
      all = _desk_reader_read_all (FUZZ_FORMAT, bytes, "fuzz", DESK_SOURCE_ORIGIN_FILE, &error);
      fuzz_check ((all == NULL) == (error != NULL));
      for (guint i = 0; all != NULL && i < all->len; i++)
        fuzz_walk_source (g_ptr_array_index (all, i));
    }

  return 0;
}
