/* desk-file.c: reading a file whole, within a limit
 *
 * Sources and projects are read whole. Only regular files are: a FIFO would block until
 * someone writes to it, and a device such as /dev/zero or /dev/urandom never ends, so both
 * are refused before anything is read. The read itself stops one byte past the limit, so
 * that a file which grows while it is read (or lies about its size) cannot take more memory
 * than the limit allows.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "desk-file.h"
#include "desk-types.h"

#define CHUNK_SIZE (64 * 1024)

/**
 * desk_file_load_bounded:
 * @file: the file to read
 * @max_size: the most bytes to accept
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Reads @file whole if it is a regular file (symbolic links followed) of at most @max_size
 * bytes. Errors say what is wrong without naming the file ("it is a folder"), for the caller
 * to put after its own "Cannot read “NAME”: ": %G_IO_ERROR_IS_DIRECTORY for a folder,
 * %G_IO_ERROR_NOT_REGULAR_FILE for a device, FIFO or socket, %DESK_ERROR_TOO_LARGE over the
 * limit, or what the system said.
 *
 * Returns: (transfer full): the bytes, or %NULL with @error set
 */
GBytes *
desk_file_load_bounded (GFile         *file,
                        guint64        max_size,
                        GCancellable  *cancellable,
                        GError       **error)
{
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GFileInputStream) stream = NULL;
  g_autofree guint8 *data = NULL;
  gsize allocated;
  gsize length = 0;
  GFileType type;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  info = g_file_query_info (file,
                            G_FILE_ATTRIBUTE_STANDARD_TYPE "," G_FILE_ATTRIBUTE_STANDARD_SIZE,
                            G_FILE_QUERY_INFO_NONE, cancellable, error);
  if (info == NULL)
    return NULL;

  type = g_file_info_get_file_type (info);
  if (type == G_FILE_TYPE_DIRECTORY)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY, _("it is a folder"));
      return NULL;
    }
  if (type != G_FILE_TYPE_REGULAR)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE,
                           _("it is a device, a pipe or a socket, not a file"));
      return NULL;
    }

  if ((guint64)g_file_info_get_size (info) > max_size)
    {
      g_autofree char *size = g_format_size (g_file_info_get_size (info));
      g_autofree char *limit = g_format_size (max_size);

      g_set_error (error, DESK_ERROR, DESK_ERROR_TOO_LARGE,
                   _("it is %s, larger than the limit of %s"), size, limit);
      return NULL;
    }

  stream = g_file_read (file, cancellable, error);
  if (stream == NULL)
    return NULL;

  /* Read into a buffer of the file's size and one byte more, to notice a file that grew
   * meanwhile; only such a file is read on by chunks. The bytes are kept for as long as
   * their source lives: a buffer grown by chunks (or a GByteArray, which rounds up to a
   * power of two) would cost up to twice the file, or a copy to trim it. */
  allocated = MIN ((guint64)g_file_info_get_size (info), max_size) + 1;
  data = g_malloc (allocated);
  for (;;)
    {
      gssize got;

      if (length == allocated)
        {
          allocated = MIN ((guint64)allocated + CHUNK_SIZE, max_size + 1);
          data = g_realloc (data, allocated);
        }

      got = g_input_stream_read (G_INPUT_STREAM (stream), data + length, allocated - length,
                                 cancellable, error);
      if (got < 0)
        return NULL;
      if (got == 0)
        break;
      length += got;

      if (length > max_size)
        {
          g_autofree char *limit = g_format_size (max_size);

          g_set_error (error, DESK_ERROR, DESK_ERROR_TOO_LARGE,
                       _("it is larger than the limit of %s"), limit);
          return NULL;
        }
    }

  return g_bytes_new_take (g_steal_pointer (&data), length);
}
