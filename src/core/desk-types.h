/* desk-types.h: enumerations and forward declarations shared by the core
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/**
 * DeskBlockRole:
 * @DESK_BLOCK_ROLE_BODY: a paragraph of the story
 * @DESK_BLOCK_ROLE_HEADLINE: the headline
 * @DESK_BLOCK_ROLE_DECK: a subheadline, teaser or standfirst
 * @DESK_BLOCK_ROLE_BYLINE: "By NAME" or the name of the agency under the headline
 * @DESK_BLOCK_ROLE_DATELINE: "MOSCOW --" at the head of the first paragraph
 * @DESK_BLOCK_ROLE_CAPTION: a photo caption, with or without its credit
 * @DESK_BLOCK_ROLE_CREDIT: contributor lines and trailing agency tags ("- PTI")
 * @DESK_BLOCK_ROLE_FURNITURE: site chrome: repeated headers, URLs, widgets, stamps
 *
 * What a block of a source is. Ingest guesses; the editor may override.
 */
typedef enum
{
  DESK_BLOCK_ROLE_BODY,
  DESK_BLOCK_ROLE_HEADLINE,
  DESK_BLOCK_ROLE_DECK,
  DESK_BLOCK_ROLE_BYLINE,
  DESK_BLOCK_ROLE_DATELINE,
  DESK_BLOCK_ROLE_CAPTION,
  DESK_BLOCK_ROLE_CREDIT,
  DESK_BLOCK_ROLE_FURNITURE,
} DeskBlockRole;

#define DESK_BLOCK_ROLE_LAST DESK_BLOCK_ROLE_FURNITURE

/**
 * DeskSourceOrigin:
 * @DESK_SOURCE_ORIGIN_FILE: read from a file
 * @DESK_SOURCE_ORIGIN_PASTE: pasted or dropped as text
 */
typedef enum
{
  DESK_SOURCE_ORIGIN_FILE,
  DESK_SOURCE_ORIGIN_PASTE,
} DeskSourceOrigin;

GType        desk_block_role_get_type    (void) G_GNUC_CONST;
GType        desk_source_origin_get_type (void) G_GNUC_CONST;
#define DESK_TYPE_BLOCK_ROLE    (desk_block_role_get_type ())
#define DESK_TYPE_SOURCE_ORIGIN (desk_source_origin_get_type ())

const char  *desk_block_role_to_string   (DeskBlockRole  role);
gboolean     desk_block_role_from_string (const char    *name,
                                          DeskBlockRole *role);

/**
 * DESK_ERROR:
 *
 * Errors a user can cause while feeding Copydesk: unreadable, empty, binary or oversized
 * input, and malformed files.
 */
#define DESK_ERROR (desk_error_quark ())

typedef enum
{
  DESK_ERROR_EMPTY,
  DESK_ERROR_BINARY,
  DESK_ERROR_TOO_LARGE,
  DESK_ERROR_ENCODING,
  DESK_ERROR_MALFORMED,
  DESK_ERROR_UNSUPPORTED,
} DeskError;

GQuark desk_error_quark (void);

G_END_DECLS
