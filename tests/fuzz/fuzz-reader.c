/* fuzz-reader.c: one reader, fed any bytes
 *
 * Built once per format (FUZZ_FORMAT is its DESK_FORMAT_* name). Ingest is asked to read
 * the bytes as that format, without format detection, so that every input reaches the
 * reader; files that may hold several stories are read whole as well. What comes back is
 * parts (desk-ingest-private.h): every one is walked.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "desk-format.h"
#include "desk-ingest-private.h"
#include "fuzz-common.h"

#ifndef FUZZ_FORMAT
# error "FUZZ_FORMAT must name the reader's format"
#endif

/* Reads everything of @part that desk-source.c takes, checking what must hold. */
static void
fuzz_walk_part (DeskIngestPart *part)
{
  DeskClassified *classified = part->classified;
  gsize length;

  fuzz_check (part->bytes != NULL && part->format != NULL);
  fuzz_check (part->text != NULL && classified != NULL);
  length = strlen (part->text);
  fuzz_check (g_utf8_validate (part->text, length, NULL));
  fuzz_check (part->of == 0 || (part->number >= 1 && part->number <= part->of));

  for (const char *s = classified->title; s != NULL; s = NULL)
    fuzz_check (g_utf8_validate (s, -1, NULL));
  for (const char *s = classified->dateline; s != NULL; s = NULL)
    fuzz_check (g_utf8_validate (s, -1, NULL));
  for (const char *s = classified->agency; s != NULL; s = NULL)
    fuzz_check (g_utf8_validate (s, -1, NULL));
  for (guint i = 0; i < classified->bylines->len; i++)
    fuzz_check (g_utf8_validate (g_ptr_array_index (classified->bylines, i), -1, NULL));

  fuzz_check (classified->blocks->len > 0);
  for (guint i = 0; i < classified->blocks->len; i++)
    {
      DeskBlock *block = g_ptr_array_index (classified->blocks, i);
      const char *block_text = desk_block_get_text (block);

      fuzz_check (desk_block_get_start (block) <= desk_block_get_end (block));
      fuzz_check (desk_block_get_end (block) <= length);
      fuzz_check (block_text != NULL && g_utf8_validate (block_text, -1, NULL));
      fuzz_check ((guint)desk_block_get_role (block) <= DESK_BLOCK_ROLE_LAST);
    }

  for (guint i = 0; i < classified->credits->len; i++)
    {
      DeskCredit *credit = g_ptr_array_index (classified->credits, i);

      for (const char *s = desk_credit_get_name (credit); s != NULL; s = NULL)
        fuzz_check (g_utf8_validate (s, -1, NULL));
      for (const char *s = desk_credit_get_organization (credit); s != NULL; s = NULL)
        fuzz_check (g_utf8_validate (s, -1, NULL));
    }

  for (const char *s = part->slug; s != NULL; s = NULL)
    fuzz_check (g_utf8_validate (s, -1, NULL));
}

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
  g_autoptr(DeskIngestPart) part = NULL;

  /* Detection never hands an empty file to a reader (it is "text", and refused as empty). */
  if (size == 0)
    return 0;

  part = _desk_ingest_read_as (FUZZ_FORMAT, bytes, &error);
  fuzz_check ((part == NULL) == (error != NULL));
  /* The message may quote invalid bytes: desk_source_new_from_bytes() repairs it (checked
   * by fuzz-source). */
  if (error != NULL)
    fuzz_check (error->message != NULL);
  if (part != NULL)
    fuzz_walk_part (part);

  if (g_str_equal (FUZZ_FORMAT, DESK_FORMAT_NEWSML_G2) ||
      g_str_equal (FUZZ_FORMAT, DESK_FORMAT_NEWSML))
    {
      g_autoptr(GPtrArray) all = NULL;

      g_clear_error (&error);
      all = _desk_ingest_read_all_as (FUZZ_FORMAT, bytes, &error);
      fuzz_check ((all == NULL) == (error != NULL));
      for (guint i = 0; all != NULL && i < all->len; i++)
        fuzz_walk_part (g_ptr_array_index (all, i));
    }

  return 0;
}
