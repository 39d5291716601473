/* desk-roles-private.h: the one rulebook of what a paragraph is by its own text
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "desk-block.h"
#include "desk-credit.h"

G_BEGIN_DECLS

/* What the caller knows of where the paragraph stands. Rules that need a place are tried
 * only where the caller says the paragraph is there. */
typedef enum
{
  DESK_ROLES_ANYWHERE        = 0,
  DESK_ROLES_IN_STORY        = 1 << 0,  /* among the story's paragraphs, not in its head */
  DESK_ROLES_AFTER_TEXT      = 1 << 1,  /* story text came before it */
  DESK_ROLES_AFTER_SEPARATOR = 1 << 2,  /* a separator line ("___") came before it */
  DESK_ROLES_PLACED_ONLY     = 1 << 3,  /* try only the rules that need a place */
} DeskRolesPlace;

typedef struct
{
  DeskBlockRole  role;
  const char    *reason;       /* a static string */
  GPtrArray     *credits;      /* DeskCredit found in the paragraph, or NULL */
  char          *date;         /* ISO 8601 date of a stamp, or NULL */
  gboolean       agency_only;  /* a byline or tag that names only an organisation */
} DeskRoleVerdict;

void      _desk_role_verdict_clear (DeskRoleVerdict *verdict);
gboolean  _desk_roles_judge        (const char      *text,
                                    guint            words,
                                    DeskRolesPlace   place,
                                    DeskRoleVerdict *verdict);

gboolean  _desk_roles_is_separator (const char      *text);
gboolean  _desk_roles_in_capitals (const char      *text);
gboolean  _desk_roles_is_labelled_link (const char *text,
                                        guint       words);
gboolean  _desk_roles_is_initials  (const char      *text);

G_END_DECLS
