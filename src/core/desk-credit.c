/* desk-credit.c: one person or organisation credited by a source
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "desk-credit.h"
#include "desk-organization.h"

struct _DeskCredit
{
  GObject parent_instance;

  char *name;
  char *organization;
  char *role;
};

G_DEFINE_FINAL_TYPE (DeskCredit, desk_credit, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_NAME,
  PROP_ORGANIZATION,
  PROP_ROLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
desk_credit_finalize (GObject *object)
{
  DeskCredit *self = (DeskCredit *)object;

  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->organization, g_free);
  g_clear_pointer (&self->role, g_free);

  G_OBJECT_CLASS (desk_credit_parent_class)->finalize (object);
}

static void
desk_credit_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  DeskCredit *self = DESK_CREDIT (object);

  switch (prop_id)
    {
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    case PROP_ORGANIZATION:
      g_value_set_string (value, self->organization);
      break;

    case PROP_ROLE:
      g_value_set_string (value, self->role);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
desk_credit_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  DeskCredit *self = DESK_CREDIT (object);

  switch (prop_id)
    {
    case PROP_NAME:
      self->name = g_value_dup_string (value);
      break;

    case PROP_ORGANIZATION:
      self->organization = g_value_dup_string (value);
      break;

    case PROP_ROLE:
      self->role = g_value_dup_string (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
desk_credit_class_init (DeskCreditClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = desk_credit_finalize;
  object_class->get_property = desk_credit_get_property;
  object_class->set_property = desk_credit_set_property;

  /**
   * DeskCredit:name:
   *
   * The person credited, as the source writes it; %NULL or "" for an organisation-only
   * credit such as an agency tag.
   */
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_CONSTRUCT_ONLY |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  /**
   * DeskCredit:organization:
   *
   * The organisation, canonical when it is a known one ("The Associated Press"), else as
   * written; %NULL when the source names none.
   */
  properties[PROP_ORGANIZATION] =
    g_param_spec_string ("organization", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_CONSTRUCT_ONLY |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  /**
   * DeskCredit:role:
   *
   * One of the `DESK_CREDIT_ROLE_…` words: "author", "contributor", "editor",
   * "photographer" or "agency".
   */
  properties[PROP_ROLE] =
    g_param_spec_string ("role", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_CONSTRUCT_ONLY |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
desk_credit_init (DeskCredit *self G_GNUC_UNUSED)
{
}

/**
 * desk_credit_new:
 * @name: (nullable): the person credited, or %NULL/"" for an organisation-only credit
 * @organization: (nullable): the organisation
 * @role: (nullable): a `DESK_CREDIT_ROLE_…` word
 *
 * Returns: (transfer full): a new #DeskCredit
 */
DeskCredit *
desk_credit_new (const char *name,
                 const char *organization,
                 const char *role)
{
  return g_object_new (DESK_TYPE_CREDIT,
                       "name", name,
                       "organization", organization,
                       "role", role,
                       NULL);
}

/**
 * desk_credit_get_name:
 * @self: a #DeskCredit
 *
 * Returns: (nullable): the person credited, as given to desk_credit_new()
 */
const char *
desk_credit_get_name (DeskCredit *self)
{
  g_return_val_if_fail (DESK_IS_CREDIT (self), NULL);

  return self->name;
}

/**
 * desk_credit_get_organization:
 * @self: a #DeskCredit
 *
 * Returns: (nullable): the organisation
 */
const char *
desk_credit_get_organization (DeskCredit *self)
{
  g_return_val_if_fail (DESK_IS_CREDIT (self), NULL);

  return self->organization;
}

/**
 * desk_credit_get_role:
 * @self: a #DeskCredit
 *
 * Returns: (nullable): the role, a `DESK_CREDIT_ROLE_…` word
 */
const char *
desk_credit_get_role (DeskCredit *self)
{
  g_return_val_if_fail (DESK_IS_CREDIT (self), NULL);

  return self->role;
}

/* NFC, case-folded, runs of white space as one space, none at the ends; "" for NULL. */
static char *
credit_key (const char *text)
{
  g_autofree char *nfc = NULL;
  g_autofree char *folded = NULL;
  GString *key = g_string_new (NULL);
  gboolean pending_space = FALSE;

  if (text == NULL || !g_utf8_validate (text, -1, NULL))
    return g_string_free (key, FALSE);

  nfc = g_utf8_normalize (text, -1, G_NORMALIZE_DEFAULT_COMPOSE);
  folded = g_utf8_casefold (nfc, -1);

  for (const char *p = folded; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c) || c == 0x00A0 || c == 0x202F)
        {
          pending_space = key->len > 0;
          continue;
        }

      if (pending_space)
        g_string_append_c (key, ' ');
      pending_space = FALSE;
      g_string_append_unichar (key, c);
    }

  return g_string_free (key, FALSE);
}

static gboolean
organization_equal (const char *a,
                    const char *b)
{
  const char *canonical_a = desk_organization_canonical (a);
  const char *canonical_b = desk_organization_canonical (b);
  g_autofree char *key_a = NULL;
  g_autofree char *key_b = NULL;

  if (canonical_a != NULL || canonical_b != NULL)
    return g_strcmp0 (canonical_a, canonical_b) == 0;

  key_a = credit_key (a);
  key_b = credit_key (b);

  return g_str_equal (key_a, key_b);
}

/**
 * desk_credit_equal:
 * @a: a #DeskCredit
 * @b: a #DeskCredit
 *
 * Whether @a and @b give the same credit. Names compare without regard to case, Unicode
 * composition or runs of white space ("Jane  DOE" is "Jane Doe"); a %NULL name is the empty
 * name. Organisations compare through desk_organization_canonical() ("AP" is "The Associated
 * Press"), unknown ones like names. Roles compare exactly, so an agency byline and the same
 * agency's photo credit stay two credits.
 *
 * Returns: %TRUE if @a and @b credit the same person or organisation in the same role
 */
gboolean
desk_credit_equal (DeskCredit *a,
                   DeskCredit *b)
{
  g_autofree char *name_a = NULL;
  g_autofree char *name_b = NULL;

  g_return_val_if_fail (DESK_IS_CREDIT (a), FALSE);
  g_return_val_if_fail (DESK_IS_CREDIT (b), FALSE);

  if (a == b)
    return TRUE;

  name_a = credit_key (a->name);
  name_b = credit_key (b->name);

  if (!g_str_equal (name_a, name_b) || g_strcmp0 (a->role, b->role) != 0)
    return FALSE;

  return organization_equal (a->organization, b->organization);
}
