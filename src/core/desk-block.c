/* desk-block.c: one block of a source
 *
 * A block is a stretch of a source's decoded text with a role. Ingest guesses the role
 * and says why (the reason, shown to the editor); the editor may override it, and the
 * guess is kept so the override can be undone.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "desk-block-private.h"

struct _DeskBlock
{
  GObject        parent_instance;

  char          *text;
  const char    *reason;  /* interned: a roundup has tens of thousands of blocks and a few
                           * dozen reasons */
  gsize          start;
  gsize          end;
  DeskBlockRole  guessed_role;
  DeskBlockRole  role;

  /* The source the block belongs to, told of role changes without a signal connection:
   * a roundup has tens of thousands of blocks, and a connection apiece costs more than
   * reading them. */
  DeskBlockRoleWatch watch;
  gpointer           watch_owner;
};

G_DEFINE_FINAL_TYPE (DeskBlock, desk_block, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ROLE,
  PROP_GUESSED_ROLE,
  PROP_ROLE_OVERRIDDEN,
  PROP_TEXT,
  PROP_START,
  PROP_END,
  PROP_REASON,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
desk_block_finalize (GObject *object)
{
  DeskBlock *self = (DeskBlock *)object;

  g_clear_pointer (&self->text, g_free);

  G_OBJECT_CLASS (desk_block_parent_class)->finalize (object);
}

static void
desk_block_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  DeskBlock *self = DESK_BLOCK (object);

  switch (prop_id)
    {
    case PROP_ROLE:
      g_value_set_enum (value, self->role);
      break;

    case PROP_GUESSED_ROLE:
      g_value_set_enum (value, self->guessed_role);
      break;

    case PROP_ROLE_OVERRIDDEN:
      g_value_set_boolean (value, desk_block_get_role_overridden (self));
      break;

    case PROP_TEXT:
      g_value_set_string (value, self->text);
      break;

    case PROP_START:
      g_value_set_uint64 (value, self->start);
      break;

    case PROP_END:
      g_value_set_uint64 (value, self->end);
      break;

    case PROP_REASON:
      g_value_set_string (value, self->reason);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
desk_block_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  DeskBlock *self = DESK_BLOCK (object);

  switch (prop_id)
    {
    case PROP_ROLE:
      desk_block_set_role (self, g_value_get_enum (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
desk_block_class_init (DeskBlockClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = desk_block_finalize;
  object_class->get_property = desk_block_get_property;
  object_class->set_property = desk_block_set_property;

  properties[PROP_ROLE] =
    g_param_spec_enum ("role", NULL, NULL,
                       DESK_TYPE_BLOCK_ROLE, DESK_BLOCK_ROLE_BODY,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_GUESSED_ROLE] =
    g_param_spec_enum ("guessed-role", NULL, NULL,
                       DESK_TYPE_BLOCK_ROLE, DESK_BLOCK_ROLE_BODY,
                       (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties[PROP_ROLE_OVERRIDDEN] =
    g_param_spec_boolean ("role-overridden", NULL, NULL, FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_TEXT] =
    g_param_spec_string ("text", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties[PROP_START] =
    g_param_spec_uint64 ("start", NULL, NULL, 0, G_MAXUINT64, 0,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties[PROP_END] =
    g_param_spec_uint64 ("end", NULL, NULL, 0, G_MAXUINT64, 0,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties[PROP_REASON] =
    g_param_spec_string ("reason", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
desk_block_init (DeskBlock *self)
{
}

/**
 * desk_block_new:
 * @role: the role ingest guessed
 * @text: the block's clean text
 * @start: byte offset of the block in the source's decoded text
 * @end: byte offset just past the block
 * @reason: (nullable): why the role was guessed, for the editor ("repeated line", "web address")
 *
 * Returns: (transfer full): a new block
 */
DeskBlock *
desk_block_new (DeskBlockRole  role,
                const char    *text,
                gsize          start,
                gsize          end,
                const char    *reason)
{
  DeskBlock *self;

  g_return_val_if_fail (role <= DESK_BLOCK_ROLE_LAST, NULL);
  g_return_val_if_fail (text != NULL, NULL);
  g_return_val_if_fail (start <= end, NULL);

  self = g_object_new (DESK_TYPE_BLOCK, NULL);
  self->role = role;
  self->guessed_role = role;
  self->text = g_strdup (text);
  self->start = start;
  self->end = end;
  self->reason = g_intern_string (reason);

  return self;
}

DeskBlockRole
desk_block_get_role (DeskBlock *self)
{
  g_return_val_if_fail (DESK_IS_BLOCK (self), DESK_BLOCK_ROLE_BODY);

  return self->role;
}

/**
 * desk_block_get_guessed_role:
 *
 * Returns: the role ingest guessed, whatever the editor chose since
 */
DeskBlockRole
desk_block_get_guessed_role (DeskBlock *self)
{
  g_return_val_if_fail (DESK_IS_BLOCK (self), DESK_BLOCK_ROLE_BODY);

  return self->guessed_role;
}

gboolean
desk_block_get_role_overridden (DeskBlock *self)
{
  g_return_val_if_fail (DESK_IS_BLOCK (self), FALSE);

  return self->role != self->guessed_role;
}

/**
 * desk_block_set_role:
 * @role: the role the editor chose
 *
 * Overrides the guessed role. Setting the guessed role again clears the override.
 */
void
desk_block_set_role (DeskBlock     *self,
                     DeskBlockRole  role)
{
  gboolean was_overridden;

  g_return_if_fail (DESK_IS_BLOCK (self));
  g_return_if_fail (role <= DESK_BLOCK_ROLE_LAST);

  if (self->role == role)
    return;

  was_overridden = desk_block_get_role_overridden (self);
  self->role = role;

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ROLE]);
  if (was_overridden != desk_block_get_role_overridden (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ROLE_OVERRIDDEN]);

  if (self->watch != NULL)
    self->watch (self->watch_owner, self);
}

/*
 * _desk_block_set_role_watch:
 * @watch: (nullable): called after every change of role, or %NULL to stop
 * @owner: what @watch is called with; not referenced, so the owner must stop the watch
 *   before it goes
 */
void
_desk_block_set_role_watch (DeskBlock          *self,
                            DeskBlockRoleWatch  watch,
                            gpointer            owner)
{
  g_return_if_fail (DESK_IS_BLOCK (self));

  self->watch = watch;
  self->watch_owner = watch != NULL ? owner : NULL;
}

void
desk_block_reset_role (DeskBlock *self)
{
  g_return_if_fail (DESK_IS_BLOCK (self));

  desk_block_set_role (self, self->guessed_role);
}

const char *
desk_block_get_text (DeskBlock *self)
{
  g_return_val_if_fail (DESK_IS_BLOCK (self), NULL);

  return self->text;
}

gsize
desk_block_get_start (DeskBlock *self)
{
  g_return_val_if_fail (DESK_IS_BLOCK (self), 0);

  return self->start;
}

gsize
desk_block_get_end (DeskBlock *self)
{
  g_return_val_if_fail (DESK_IS_BLOCK (self), 0);

  return self->end;
}

const char *
desk_block_get_reason (DeskBlock *self)
{
  g_return_val_if_fail (DESK_IS_BLOCK (self), NULL);

  return self->reason;
}
