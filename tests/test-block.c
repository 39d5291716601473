/* test-block.c: tests for DeskBlock, one block of a source with its role
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "desk-block.h"
#include "desk-block-model.h"
#include "desk-hash.h"

/* Counts the notifications a block sends while a test changes its role. */
typedef struct
{
  guint role;
  guint role_overridden;
  guint other;
} Notified;

static void
notify_cb (GObject    *object,
           GParamSpec *pspec,
           Notified   *notified)
{
  if (g_str_equal (pspec->name, "role"))
    notified->role++;
  else if (g_str_equal (pspec->name, "role-overridden"))
    notified->role_overridden++;
  else
    notified->other++;
}

static void
assert_notified (Notified *notified,
                 guint     role,
                 guint     role_overridden)
{
  g_assert_cmpuint (notified->role, ==, role);
  g_assert_cmpuint (notified->role_overridden, ==, role_overridden);
  g_assert_cmpuint (notified->other, ==, 0);
  *notified = (Notified) { 0 };
}

static void
test_block_new (void)
{
  g_autoptr(DeskBlock) block = desk_block_new (DESK_BLOCK_ROLE_CAPTION,
                                               "Crews work on the bridge (left).",
                                               120, 152, "photo caption");
  g_autoptr(DeskBlock) bare = desk_block_new (DESK_BLOCK_ROLE_BODY, "", 7, 7, NULL);

  g_assert_cmpint (desk_block_get_role (block), ==, DESK_BLOCK_ROLE_CAPTION);
  g_assert_cmpint (desk_block_get_guessed_role (block), ==, DESK_BLOCK_ROLE_CAPTION);
  g_assert_false (desk_block_get_role_overridden (block));
  g_assert_cmpstr (desk_block_get_text (block), ==, "Crews work on the bridge (left).");
  g_assert_cmpuint (desk_block_get_start (block), ==, 120);
  g_assert_cmpuint (desk_block_get_end (block), ==, 152);
  g_assert_cmpstr (desk_block_get_reason (block), ==, "photo caption");

  /* An empty block and no reason are allowed. */
  g_assert_cmpstr (desk_block_get_text (bare), ==, "");
  g_assert_cmpuint (desk_block_get_start (bare), ==, 7);
  g_assert_cmpuint (desk_block_get_end (bare), ==, 7);
  g_assert_null (desk_block_get_reason (bare));

  /* The reason is the block's own (a copy of what it was given), kept once for every
   * block that gives it. */
  {
    g_autofree char *reason = g_strdup ("photo caption");
    g_autoptr(DeskBlock) other = NULL;

    other = desk_block_new (DESK_BLOCK_ROLE_CAPTION, "Crews at dawn.", 0, 14, reason);
    reason[0] = 'P';
    g_assert_cmpstr (desk_block_get_reason (other), ==, "photo caption");
    g_assert_true (desk_block_get_reason (other) == desk_block_get_reason (block));
  }
}

static void
test_block_properties (void)
{
  g_autoptr(DeskBlock) block = desk_block_new (DESK_BLOCK_ROLE_FURNITURE, "Share this:",
                                               40, 51, "web page widget");
  g_autofree char *text = NULL;
  g_autofree char *reason = NULL;
  DeskBlockRole role, guessed;
  gboolean overridden;
  guint64 start, end;

  desk_block_set_role (block, DESK_BLOCK_ROLE_BODY);

  g_object_get (block,
                "role", &role,
                "guessed-role", &guessed,
                "role-overridden", &overridden,
                "text", &text,
                "start", &start,
                "end", &end,
                "reason", &reason,
                NULL);

  g_assert_cmpint (role, ==, DESK_BLOCK_ROLE_BODY);
  g_assert_cmpint (guessed, ==, DESK_BLOCK_ROLE_FURNITURE);
  g_assert_true (overridden);
  g_assert_cmpstr (text, ==, "Share this:");
  g_assert_cmpuint (start, ==, 40);
  g_assert_cmpuint (end, ==, 51);
  g_assert_cmpstr (reason, ==, "web page widget");
}

static void
test_block_override (void)
{
  g_autoptr(DeskBlock) block = desk_block_new (DESK_BLOCK_ROLE_DECK, "Commuters told to wait",
                                               10, 32, "under the headline");
  Notified notified = { 0 };

  g_signal_connect (block, "notify", G_CALLBACK (notify_cb), &notified);

  /* Overriding: the role changes, the guess stays, both notify once. */
  desk_block_set_role (block, DESK_BLOCK_ROLE_BODY);
  g_assert_cmpint (desk_block_get_role (block), ==, DESK_BLOCK_ROLE_BODY);
  g_assert_cmpint (desk_block_get_guessed_role (block), ==, DESK_BLOCK_ROLE_DECK);
  g_assert_true (desk_block_get_role_overridden (block));
  assert_notified (&notified, 1, 1);

  /* The same role again: nothing happens. */
  desk_block_set_role (block, DESK_BLOCK_ROLE_BODY);
  assert_notified (&notified, 0, 0);

  /* Another override: the role notifies, the override was already there. */
  desk_block_set_role (block, DESK_BLOCK_ROLE_FURNITURE);
  g_assert_cmpint (desk_block_get_role (block), ==, DESK_BLOCK_ROLE_FURNITURE);
  g_assert_true (desk_block_get_role_overridden (block));
  assert_notified (&notified, 1, 0);

  /* Reset: back to the guess, both notify once. */
  desk_block_reset_role (block);
  g_assert_cmpint (desk_block_get_role (block), ==, DESK_BLOCK_ROLE_DECK);
  g_assert_cmpint (desk_block_get_guessed_role (block), ==, DESK_BLOCK_ROLE_DECK);
  g_assert_false (desk_block_get_role_overridden (block));
  assert_notified (&notified, 1, 1);

  /* Resetting a block that is not overridden does nothing. */
  desk_block_reset_role (block);
  assert_notified (&notified, 0, 0);

  /* Choosing the guessed role by hand clears the override like a reset. */
  desk_block_set_role (block, DESK_BLOCK_ROLE_HEADLINE);
  assert_notified (&notified, 1, 1);
  desk_block_set_role (block, DESK_BLOCK_ROLE_DECK);
  g_assert_false (desk_block_get_role_overridden (block));
  assert_notified (&notified, 1, 1);

  /* None of this touches the text, the offsets or the reason. */
  g_assert_cmpstr (desk_block_get_text (block), ==, "Commuters told to wait");
  g_assert_cmpuint (desk_block_get_start (block), ==, 10);
  g_assert_cmpuint (desk_block_get_end (block), ==, 32);
  g_assert_cmpstr (desk_block_get_reason (block), ==, "under the headline");
}

static void
test_block_role_property (void)
{
  g_autoptr(DeskBlock) block = desk_block_new (DESK_BLOCK_ROLE_BODY, "Text.", 0, 5, "paragraph");
  Notified notified = { 0 };

  g_signal_connect (block, "notify", G_CALLBACK (notify_cb), &notified);

  /* Setting the property goes the same way as the setter: one notification each, not two
   * (the property is explicit-notify). */
  g_object_set (block, "role", DESK_BLOCK_ROLE_CREDIT, NULL);
  g_assert_cmpint (desk_block_get_role (block), ==, DESK_BLOCK_ROLE_CREDIT);
  assert_notified (&notified, 1, 1);

  g_object_set (block, "role", DESK_BLOCK_ROLE_CREDIT, NULL);
  assert_notified (&notified, 0, 0);

  g_object_set (block, "role", DESK_BLOCK_ROLE_BODY, NULL);
  g_assert_false (desk_block_get_role_overridden (block));
  assert_notified (&notified, 1, 1);
}

static void
test_block_every_role (void)
{
  for (DeskBlockRole role = DESK_BLOCK_ROLE_BODY; role <= DESK_BLOCK_ROLE_LAST; role++)
    {
      g_autoptr(DeskBlock) block = desk_block_new (role, "x", 0, 1, NULL);
      DeskBlockRole parsed;

      g_assert_cmpint (desk_block_get_role (block), ==, role);
      g_assert_nonnull (desk_block_role_to_string (role));
      g_assert_true (desk_block_role_from_string (desk_block_role_to_string (role), &parsed));
      g_assert_cmpint (parsed, ==, role);

      for (DeskBlockRole other = DESK_BLOCK_ROLE_BODY; other <= DESK_BLOCK_ROLE_LAST; other++)
        {
          desk_block_set_role (block, other);
          g_assert_cmpint (desk_block_get_role (block), ==, other);
          g_assert_cmpint (desk_block_get_guessed_role (block), ==, role);
          g_assert_true (desk_block_get_role_overridden (block) == (other != role));
        }
    }
}

/* The model a source exposes its blocks through. */
static void
test_block_model (void)
{
  g_autoptr(GPtrArray) blocks = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(DeskBlockModel) model = NULL;
  g_autoptr(DeskBlock) second = NULL;
  DeskBlock * const *peeked;
  guint n = 0;

  g_ptr_array_add (blocks, desk_block_new (DESK_BLOCK_ROLE_HEADLINE, "Ferry fire", 0, 10, NULL));
  g_ptr_array_add (blocks, desk_block_new (DESK_BLOCK_ROLE_BODY, "A fire tore through a ferry.", 12, 40, NULL));
  model = desk_block_model_new (blocks);

  g_assert_true (g_list_model_get_item_type (G_LIST_MODEL (model)) == DESK_TYPE_BLOCK);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 2);
  second = g_list_model_get_item (G_LIST_MODEL (model), 1);
  g_assert_true (second == g_ptr_array_index (blocks, 1));
  g_assert_null (g_list_model_get_item (G_LIST_MODEL (model), 2));

  peeked = desk_block_model_peek (model, &n);
  g_assert_cmpuint (n, ==, 2);
  g_assert_cmpstr (desk_block_get_text (peeked[0]), ==, "Ferry fire");

  /* The model keeps its blocks when the array's owner lets go. */
  g_clear_pointer (&blocks, g_ptr_array_unref);
  g_assert_cmpstr (desk_block_get_text (desk_block_model_peek (model, &n)[1]), ==,
                   "A fire tore through a ferry.");
}

/* Source ids are made with desk_hash_bytes() and saved in project files: the same bytes
 * must give the same hash on every machine and in every version. */
static void
test_hash (void)
{
  static const char text[] = "A fire tore through a passenger ferry near the mouth of Halifax Harbour.";
  guint64 h = desk_hash_bytes (text, strlen (text), 0);

  g_assert_cmpuint (h, ==, desk_hash_bytes (text, strlen (text), 0));
  g_assert_cmpuint (h, !=, desk_hash_bytes (text, strlen (text), 1));
  g_assert_cmpuint (h, !=, desk_hash_bytes (text, strlen (text) - 1, 0));
  g_assert_cmpuint (desk_hash_bytes ("", 0, 0), !=, desk_hash_bytes ("\0", 1, 0));
  g_assert_cmpuint (desk_hash_bytes ("ab", 2, 0), !=, desk_hash_bytes ("ba", 2, 0));
  g_assert_cmpuint (desk_hash_text (text), ==, (guint)(h ^ (h >> 32)));

  /* Fixed values: a change here changes every saved id. */
  g_assert_cmpuint (desk_hash_bytes ("", 0, 0), ==, G_GUINT64_CONSTANT (0x0ff2e69699c4857e));
  g_assert_cmpuint (h, ==, G_GUINT64_CONSTANT (0xb82a6f306d31df2e));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/block/new", test_block_new);
  g_test_add_func ("/block/properties", test_block_properties);
  g_test_add_func ("/block/override", test_block_override);
  g_test_add_func ("/block/role-property", test_block_role_property);
  g_test_add_func ("/block/every-role", test_block_every_role);
  g_test_add_func ("/block/model", test_block_model);
  g_test_add_func ("/block/hash", test_hash);

  return g_test_run ();
}
