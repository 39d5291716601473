/* desk-ingest.c: from bytes to the parts of the stories they hold
 *
 * Ingest is one pipeline, and this is its head. The format is detected first
 * (desk-format.c). Plain text is then decoded (desk-decode.c: its encoding, mojibake
 * repaired), cut into segments (desk-segment.c) and classified (desk-classify.c: what
 * position and repetition tell, over the verdict of the rulebook, desk-roles.c, on each
 * segment's own text). Every other format is read by a reader of its own
 * (desk-reader-*.c, on the toolkit in desk-reader.c); what a paragraph of a story's body is
 * they ask the same rulebook, and what their markup says (a <byline>, an <hl2>) they take
 * as it is. What is refused before any parser sees the bytes is decided here.
 *
 * Either way the answer is a DeskIngestPart per story: its text, its blocks with their
 * roles, and what the format says about it besides. desk-source.c makes a source of each;
 * nothing here knows DeskSource.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "desk-classify-private.h"
#include "desk-decode.h"
#include "desk-format.h"
#include "desk-ingest-private.h"
#include "desk-reader-private.h"
#include "desk-segment-private.h"
#include "desk-wire-text-private.h"

/* ---- What is refused ------------------------------------------------------------------------- */

static gboolean
refuse (const char  *format,
        GBytes      *bytes,
        GError     **error)
{
  g_autofree char *what = NULL;

  if (desk_format_is_readable (format))
    return FALSE;

  what = desk_format_describe (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  g_set_error (error, DESK_ERROR, DESK_ERROR_UNSUPPORTED,
               _("it looks like %s, not a story Copydesk can read"), what);
  return TRUE;
}

/* The most attributes one element may have. libxml2 appends each attribute by walking the
 * element's list, so their number squared is the time: 50,000 attributes on one element
 * took 25 s. No story has more than a handful. */
#define MAX_ATTRIBUTES 1000

static gboolean
is_markup_format (const char *format)
{
  return g_str_equal (format, DESK_FORMAT_HTML) || g_str_equal (format, DESK_FORMAT_NITF) ||
         g_str_equal (format, DESK_FORMAT_NEWSML) || g_str_equal (format, DESK_FORMAT_NEWSML_G2);
}

/* Counts the attributes of each start tag, in one pass over the bytes before any parser
 * sees them (words after the name, outside quotes); fails past MAX_ATTRIBUTES. */
static gboolean
refuse_busy_markup (const char  *format,
                    GBytes      *bytes,
                    GError     **error)
{
  gsize size;
  const guchar *data = g_bytes_get_data (bytes, &size);
  const guchar *end = data + size;

  if (!is_markup_format (format))
    return FALSE;

  for (const guchar *p = memchr (data, '<', size); p != NULL && p + 1 < end;
       p = memchr (p + 1, '<', end - (p + 1)))
    {
      guint n_attributes = 0;
      guchar quote = 0;
      gboolean space = FALSE;

      if (p + 4 <= end && memcmp (p, "<!--", 4) == 0)
        {
          const guchar *close = memmem (p + 4, end - (p + 4), "-->", 3);

          if (close == NULL)
            break;
          p = close;
          continue;
        }
      if (!g_ascii_isalpha (p[1]))
        continue;

      /* Scripts and style sheets hold "<" that start no tag. */
      if ((end - p > 7 && g_ascii_strncasecmp ((const char *)p, "<script", 7) == 0) ||
          (end - p > 6 && g_ascii_strncasecmp ((const char *)p, "<style", 6) == 0))
        {
          const char *closing = g_ascii_tolower (p[2]) == 'c' ? "</script" : "</style";
          const guchar *q = p + 1;

          while ((q = memchr (q, '<', end - q)) != NULL &&
                 (end - q < (gssize)strlen (closing) ||
                  g_ascii_strncasecmp ((const char *)q, closing, strlen (closing)) != 0))
            q++;
          if (q == NULL)
            break;
          p = q;
          continue;
        }

      for (p++; p < end; p++)
        {
          if (quote != 0)
            {
              if (*p == quote)
                quote = 0;
              continue;
            }
          if (*p == '>' || *p == '<')
            break;
          if (*p == '"' || *p == '\'')
            quote = *p;
          else if (g_ascii_isspace (*p))
            space = TRUE;
          else if (space && *p != '/' && *p != '=')
            {
              space = FALSE;
              if (++n_attributes > MAX_ATTRIBUTES)
                {
                  g_set_error (error, DESK_ERROR, DESK_ERROR_TOO_LARGE,
                               _("an element has more than %u attributes, more than Copydesk "
                                 "reads"), MAX_ATTRIBUTES);
                  return TRUE;
                }
            }
          else
            space = FALSE;
        }
      if (p >= end)
        break;
      /* A "<" that ended the tag may start the next one. */
      if (*p == '<')
        p--;
    }

  return FALSE;
}

/* ---- Plain text ------------------------------------------------------------------------------ */

/* Decodes, segments and classifies @bytes as plain text. */
static DeskIngestPart *
read_text (GBytes  *bytes,
           GError **error)
{
  g_autoptr(DeskDecoded) decoded = NULL;
  g_autoptr(GPtrArray) segments = NULL;
  g_autoptr(DeskIngestPart) part = NULL;

  if (!(decoded = desk_decode_bytes (bytes, error)))
    return NULL;

  part = _desk_ingest_part_new (bytes, DESK_FORMAT_TEXT);
  part->encoding = g_intern_string (decoded->encoding);
  part->n_repaired = decoded->n_repaired;
  part->n_invalid = decoded->n_invalid;
  part->text = g_steal_pointer (&decoded->text);

  segments = _desk_segment_text (part->text, DESK_INGEST_MAX_PARAGRAPHS);
  if (segments->len > DESK_INGEST_MAX_PARAGRAPHS)
    {
      g_set_error (error, DESK_ERROR, DESK_ERROR_TOO_LARGE,
                   _("it has more than the %u paragraphs Copydesk reads in one story"),
                   DESK_INGEST_MAX_PARAGRAPHS);
      return NULL;
    }
  part->classified = _desk_classify (part->text, segments);

  /* Wire copy pasted as text may keep its keyword line: "BC-US--Fire, 1st Ld-Writethru" */
  _desk_wire_text_scan_keyword_line (part->text, &part->slug, &part->version, &part->signal);

  return g_steal_pointer (&part);
}

/* ---- Entry points ---------------------------------------------------------------------------- */

/**
 * _desk_ingest_read_as:
 * @format: what desk_format_detect() said the bytes are
 *
 * Reads the (first) story in @bytes as @format.
 *
 * Returns: (transfer full): its parts, or %NULL with @error set
 */
DeskIngestPart *
_desk_ingest_read_as (const char  *format,
                      GBytes      *bytes,
                      GError     **error)
{
  g_return_val_if_fail (format != NULL, NULL);
  g_return_val_if_fail (bytes != NULL, NULL);

  if (g_str_equal (format, DESK_FORMAT_TEXT))
    return read_text (bytes, error);

  if (refuse (format, bytes, error) || refuse_busy_markup (format, bytes, error))
    return NULL;

  if (g_str_equal (format, DESK_FORMAT_HTML))
    return _desk_reader_html_read (bytes, error);
  if (g_str_equal (format, DESK_FORMAT_NEWSML_G2))
    return _desk_reader_newsml_g2_read (bytes, error);
  if (g_str_equal (format, DESK_FORMAT_NITF))
    return _desk_reader_nitf_read (bytes, error);
  if (g_str_equal (format, DESK_FORMAT_NINJS))
    return _desk_reader_ninjs_read (bytes, error);
  if (g_str_equal (format, DESK_FORMAT_ANPA))
    return _desk_reader_anpa_read (bytes, error);
  if (g_str_equal (format, DESK_FORMAT_IPTC7901))
    return _desk_reader_iptc7901_read (bytes, error);
  if (g_str_equal (format, DESK_FORMAT_NEWSML))
    return _desk_reader_newsml_read (bytes, error);

  g_set_error_literal (error, DESK_ERROR, DESK_ERROR_UNSUPPORTED,
                       _("it is in a format Copydesk does not read"));
  return NULL;
}

/**
 * _desk_ingest_read_all_as:
 *
 * Reads every story in @bytes as @format: several for a NewsML message that holds several
 * items, or an ANPA-1312 or IPTC 7901 file that holds several transmissions.
 *
 * Returns: (transfer container) (element-type DeskIngestPart): the parts of each, or %NULL
 *   with @error set
 */
GPtrArray *
_desk_ingest_read_all_as (const char  *format,
                          GBytes      *bytes,
                          GError     **error)
{
  GPtrArray *parts;
  DeskIngestPart *part;

  g_return_val_if_fail (format != NULL, NULL);
  g_return_val_if_fail (bytes != NULL, NULL);

  if ((g_str_equal (format, DESK_FORMAT_NEWSML_G2) || g_str_equal (format, DESK_FORMAT_NEWSML)) &&
      refuse_busy_markup (format, bytes, error))
    return NULL;
  if (g_str_equal (format, DESK_FORMAT_NEWSML_G2))
    return _desk_reader_newsml_g2_read_all (bytes, error);
  if (g_str_equal (format, DESK_FORMAT_NEWSML))
    return _desk_reader_newsml_read_all (bytes, error);
  if (g_str_equal (format, DESK_FORMAT_ANPA) || g_str_equal (format, DESK_FORMAT_IPTC7901))
    {
      if (refuse (format, bytes, error))
        return NULL;
      if (g_str_equal (format, DESK_FORMAT_ANPA))
        return _desk_reader_anpa_read_all (bytes, error);
      return _desk_reader_iptc7901_read_all (bytes, error);
    }

  if (!(part = _desk_ingest_read_as (format, bytes, error)))
    return NULL;

  parts = g_ptr_array_new_with_free_func ((GDestroyNotify)_desk_ingest_part_free);
  g_ptr_array_add (parts, part);

  return parts;
}

/**
 * _desk_ingest_read:
 * @bytes: the story as received, verbatim
 *
 * Detects the format of @bytes and reads the (first) story in them.
 *
 * Returns: (transfer full): its parts, or %NULL with @error set
 */
DeskIngestPart *
_desk_ingest_read (GBytes  *bytes,
                   GError **error)
{
  g_return_val_if_fail (bytes != NULL, NULL);

  return _desk_ingest_read_as (desk_format_detect (g_bytes_get_data (bytes, NULL),
                                                   g_bytes_get_size (bytes)),
                               bytes, error);
}

/**
 * _desk_ingest_read_all:
 * @bytes: a file as received, verbatim
 *
 * Detects the format of @bytes and reads every story in them.
 *
 * Returns: (transfer container) (element-type DeskIngestPart): the parts of each, or %NULL
 *   with @error set
 */
GPtrArray *
_desk_ingest_read_all (GBytes  *bytes,
                       GError **error)
{
  g_return_val_if_fail (bytes != NULL, NULL);

  return _desk_ingest_read_all_as (desk_format_detect (g_bytes_get_data (bytes, NULL),
                                                       g_bytes_get_size (bytes)),
                                   bytes, error);
}
