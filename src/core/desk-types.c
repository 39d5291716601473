/* desk-types.c: enumerations shared by the core
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "desk-types.h"

G_DEFINE_QUARK (desk-error-quark, desk_error)

static const GEnumValue block_role_values[] = {
  { DESK_BLOCK_ROLE_BODY, "DESK_BLOCK_ROLE_BODY", "body" },
  { DESK_BLOCK_ROLE_HEADLINE, "DESK_BLOCK_ROLE_HEADLINE", "headline" },
  { DESK_BLOCK_ROLE_DECK, "DESK_BLOCK_ROLE_DECK", "deck" },
  { DESK_BLOCK_ROLE_BYLINE, "DESK_BLOCK_ROLE_BYLINE", "byline" },
  { DESK_BLOCK_ROLE_DATELINE, "DESK_BLOCK_ROLE_DATELINE", "dateline" },
  { DESK_BLOCK_ROLE_CAPTION, "DESK_BLOCK_ROLE_CAPTION", "caption" },
  { DESK_BLOCK_ROLE_CREDIT, "DESK_BLOCK_ROLE_CREDIT", "credit" },
  { DESK_BLOCK_ROLE_FURNITURE, "DESK_BLOCK_ROLE_FURNITURE", "furniture" },
  { 0, NULL, NULL }
};

GType
desk_block_role_get_type (void)
{
  static gsize type = 0;

  if (g_once_init_enter (&type))
    {
      GType t = g_enum_register_static (g_intern_static_string ("DeskBlockRole"),
                                        block_role_values);
      g_once_init_leave (&type, t);
    }

  return type;
}

GType
desk_source_origin_get_type (void)
{
  static gsize type = 0;
  static const GEnumValue values[] = {
    { DESK_SOURCE_ORIGIN_FILE, "DESK_SOURCE_ORIGIN_FILE", "file" },
    { DESK_SOURCE_ORIGIN_PASTE, "DESK_SOURCE_ORIGIN_PASTE", "paste" },
    { 0, NULL, NULL }
  };

  if (g_once_init_enter (&type))
    {
      GType t = g_enum_register_static (g_intern_static_string ("DeskSourceOrigin"), values);
      g_once_init_leave (&type, t);
    }

  return type;
}

/**
 * desk_block_role_to_string:
 * @role: a #DeskBlockRole
 *
 * Returns: the lower-case word for @role, as used in JSON and project files
 */
const char *
desk_block_role_to_string (DeskBlockRole role)
{
  g_return_val_if_fail (role <= DESK_BLOCK_ROLE_LAST, "body");

  return block_role_values[role].value_nick;
}

/**
 * desk_block_role_from_string:
 * @name: a lower-case role word
 * @role: (out): where to store the role
 *
 * Returns: %TRUE if @name names a role
 */
gboolean
desk_block_role_from_string (const char    *name,
                             DeskBlockRole *role)
{
  g_return_val_if_fail (role != NULL, FALSE);

  if (name == NULL)
    return FALSE;

  for (guint i = 0; block_role_values[i].value_nick != NULL; i++)
    {
      if (g_str_equal (block_role_values[i].value_nick, name))
        {
          *role = block_role_values[i].value;
          return TRUE;
        }
    }

  return FALSE;
}
