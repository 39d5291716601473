/* desk-credit.c: one person or organisation credited by a source
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "desk-credit-private.h"
#include "desk-organization.h"

struct _DeskCredit
{
  GObject parent_instance;

  char *name;
  char *organization;
  char *role;

  /* Comparison keys, computed once when the credit is made (it never changes): comparing
   * credits is frequent (every credit of every source each time the credit list is
   * computed), normalising and case-folding is not cheap. */
  char       *tidy_name;               /* NULL when blank */
  char       *tidy_organization;
  char       *name_key;                /* _desk_credit_text_key (name) */
  char       *organization_key;        /* _desk_credit_text_key (organization) */
  const char *organization_canonical;  /* desk_organization_canonical (organization) */
  char       *identity_key;            /* see _desk_credit_get_identity_key() */
};

G_DEFINE_FINAL_TYPE (DeskCredit, desk_credit, G_TYPE_OBJECT)

/* How many keys _desk_credit_text_key() has made in this process, for the tests that
 * check keys are made once per credit, not once per comparison. */
static gint n_text_keys;

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
  g_clear_pointer (&self->tidy_name, g_free);
  g_clear_pointer (&self->tidy_organization, g_free);
  g_clear_pointer (&self->name_key, g_free);
  g_clear_pointer (&self->organization_key, g_free);
  g_clear_pointer (&self->identity_key, g_free);

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
desk_credit_constructed (GObject *object)
{
  DeskCredit *self = (DeskCredit *)object;

  G_OBJECT_CLASS (desk_credit_parent_class)->constructed (object);

  self->tidy_name = _desk_credit_tidy (self->name);
  self->tidy_organization = _desk_credit_tidy (self->organization);
  self->name_key = _desk_credit_text_key (self->tidy_name);
  self->organization_key = _desk_credit_text_key (self->tidy_organization);
  self->organization_canonical = desk_organization_canonical (self->organization);
  self->identity_key = _desk_credit_identity_key (self->tidy_name, self->tidy_organization);
}

static void
desk_credit_class_init (DeskCreditClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = desk_credit_constructed;
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

static gboolean
is_space (gunichar c)
{
  return g_unichar_isspace (c) || c == 0x00A0 || c == 0x202F;
}

/**
 * _desk_credit_tidy:
 * @text: (nullable): a name or an organisation as written
 *
 * Returns: (transfer full) (nullable): @text with runs of white space (no-break spaces
 *   too) as one space and none at the ends; %NULL when blank or not UTF-8
 */
char *
_desk_credit_tidy (const char *text)
{
  GString *out;
  gboolean pending_space = FALSE;

  if (text == NULL || !g_utf8_validate (text, -1, NULL))
    return NULL;

  out = g_string_new (NULL);
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (is_space (c))
        {
          pending_space = out->len > 0;
          continue;
        }

      if (pending_space)
        g_string_append_c (out, ' ');
      pending_space = FALSE;
      g_string_append_unichar (out, c);
    }

  if (out->len == 0)
    {
      g_string_free (out, TRUE);
      return NULL;
    }

  return g_string_free (out, FALSE);
}

/**
 * _desk_credit_text_key:
 * @text: (nullable): a name or an organisation as written
 *
 * The one comparison key of credits' names: tidied, NFC, case-folded.
 *
 * Returns: (transfer full): the key; "" for %NULL or blank
 */
char *
_desk_credit_text_key (const char *text)
{
  g_autofree char *tidied = _desk_credit_tidy (text);
  g_autofree char *nfc = NULL;

  g_atomic_int_inc (&n_text_keys);

  if (tidied == NULL)
    return g_strdup ("");

  nfc = g_utf8_normalize (tidied, -1, G_NORMALIZE_DEFAULT_COMPOSE);
  return g_utf8_casefold (nfc, -1);
}

/**
 * _desk_credit_get_n_text_keys:
 *
 * Returns: how many keys _desk_credit_text_key() has made so far in this process, on any
 *   thread
 */
guint
_desk_credit_get_n_text_keys (void)
{
  return (guint)g_atomic_int_get (&n_text_keys);
}

/**
 * _desk_credit_organization_identity:
 * @tidy_organization: (nullable): an organisation, tidied
 *
 * Returns: (transfer full): the key of an organisation in a credit's identity: the key of
 *   its canonical name when it is a known one ("AP" and "The Associated Press" are one),
 *   else of the name as written; "" for none
 */
char *
_desk_credit_organization_identity (const char *tidy_organization)
{
  const char *resolved;
  const char *canonical;

  if (tidy_organization == NULL)
    return g_strdup ("");

  resolved = desk_organization_canonical (tidy_organization);
  if (resolved == NULL)
    resolved = tidy_organization;
  canonical = desk_organization_canonical (resolved);

  return _desk_credit_text_key (canonical != NULL ? canonical : resolved);
}

/**
 * _desk_credit_identity_key:
 * @tidy_name: (nullable): a person's name, tidied
 * @tidy_organization: (nullable): an organisation, tidied
 *
 * Returns: (transfer full): the name's key, a newline, and the organisation's identity
 *   key, as the credit list tells entries apart (before any name the editor gives an
 *   organisation)
 */
char *
_desk_credit_identity_key (const char *tidy_name,
                           const char *tidy_organization)
{
  g_autofree char *name_key = _desk_credit_text_key (tidy_name);
  g_autofree char *organization_key = _desk_credit_organization_identity (tidy_organization);

  return g_strconcat (name_key, "\n", organization_key, NULL);
}

const char *
_desk_credit_get_tidy_name (DeskCredit *self)
{
  return self->tidy_name;
}

const char *
_desk_credit_get_tidy_organization (DeskCredit *self)
{
  return self->tidy_organization;
}

const char *
_desk_credit_get_name_key (DeskCredit *self)
{
  return self->name_key;
}

const char *
_desk_credit_get_organization_key (DeskCredit *self)
{
  return self->organization_key;
}

const char *
_desk_credit_get_organization_canonical (DeskCredit *self)
{
  return self->organization_canonical;
}

/* _desk_credit_identity_key() of the credit's name and organisation. */
const char *
_desk_credit_get_identity_key (DeskCredit *self)
{
  return self->identity_key;
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
  g_return_val_if_fail (DESK_IS_CREDIT (a), FALSE);
  g_return_val_if_fail (DESK_IS_CREDIT (b), FALSE);

  if (a == b)
    return TRUE;

  if (!g_str_equal (a->name_key, b->name_key) || g_strcmp0 (a->role, b->role) != 0)
    return FALSE;

  if (a->organization_canonical != NULL || b->organization_canonical != NULL)
    return g_strcmp0 (a->organization_canonical, b->organization_canonical) == 0;

  return g_str_equal (a->organization_key, b->organization_key);
}
