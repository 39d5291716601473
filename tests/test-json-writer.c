/* test-json-writer.c: JSON written as a stream
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include <json-glib/json-glib.h>

#include "desk-json-writer.h"

/* Everything @writer wrote to @file, which it owns no more. */
static char *
read_back (FILE *file)
{
  GString *text = g_string_new (NULL);
  char chunk[4096];
  size_t n;

  rewind (file);
  while ((n = fread (chunk, 1, sizeof chunk, file)) > 0)
    g_string_append_len (text, chunk, n);
  fclose (file);

  return g_string_free (text, FALSE);
}

/* The same document, once through json-glib's builder and pretty generator, once through
 * the writer: the same bytes (where json-glib 1.6 is right: see test_where_json_glib_errs). */
static void
test_layout_as_json_glib (void)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *expected_body = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *written = NULL;
  g_autoptr(DeskJsonWriter) writer = NULL;
  g_autoptr(GError) error = NULL;
  FILE *file = tmpfile ();
  const double scores[] = { 0.0, 1.0, 0.5, 0.123, 2.675, -3.25, 1e-7, 123456789.0 };

  g_assert_nonnull (file);
  writer = desk_json_writer_new (file);

  json_builder_begin_object (builder);
  desk_json_writer_begin_object (writer);

  json_builder_set_member_name (builder, "empty array");
  json_builder_begin_array (builder);
  json_builder_end_array (builder);
  desk_json_writer_member (writer, "empty array");
  desk_json_writer_begin_array (writer);
  desk_json_writer_end_array (writer);

  json_builder_set_member_name (builder, "text \"quoted\"");
  json_builder_add_string_value (builder, "Dam talks — “Kampala”\t\\ tab\nline\r\b\f\x01\x7f end");
  desk_json_writer_member (writer, "text \"quoted\"");
  desk_json_writer_string (writer, "Dam talks — “Kampala”\t\\ tab\nline\r\b\f\x01\x7f end");

  json_builder_set_member_name (builder, "none");
  json_builder_add_null_value (builder);
  desk_json_writer_member (writer, "none");
  desk_json_writer_string (writer, NULL);

  json_builder_set_member_name (builder, "nested");
  json_builder_begin_array (builder);
  desk_json_writer_member (writer, "nested");
  desk_json_writer_begin_array (writer);
  for (guint i = 0; i < G_N_ELEMENTS (scores); i++)
    {
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "block");
      json_builder_add_int_value (builder, (gint64)i - 1);
      json_builder_set_member_name (builder, "score");
      json_builder_add_double_value (builder, scores[i]);
      json_builder_set_member_name (builder, "flag");
      json_builder_add_boolean_value (builder, i % 2);
      json_builder_set_member_name (builder, "list");
      json_builder_begin_array (builder);
      json_builder_add_int_value (builder, G_MAXINT64);
      json_builder_add_string_value (builder, "");
      json_builder_end_array (builder);
      json_builder_end_object (builder);

      desk_json_writer_begin_object (writer);
      desk_json_writer_member (writer, "block");
      desk_json_writer_int (writer, (gint64)i - 1);
      desk_json_writer_member (writer, "score");
      desk_json_writer_double (writer, scores[i]);
      desk_json_writer_member (writer, "flag");
      desk_json_writer_boolean (writer, i % 2);
      desk_json_writer_member (writer, "list");
      desk_json_writer_begin_array (writer);
      desk_json_writer_int (writer, G_MAXINT64);
      desk_json_writer_string (writer, "");
      desk_json_writer_end_array (writer);
      desk_json_writer_end_object (writer);
    }
  json_builder_end_array (builder);
  desk_json_writer_end_array (writer);

  json_builder_end_object (builder);
  desk_json_writer_end_object (writer);

  g_assert_true (desk_json_writer_finish (writer, &error));
  g_assert_no_error (error);
  written = read_back (file);

  root = json_builder_get_root (builder);
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  json_generator_set_root (generator, root);
  expected_body = json_generator_to_data (generator, NULL);
  expected = g_strconcat (expected_body, "\n", NULL);

  g_assert_cmpstr (written, ==, expected);
}

/* json-glib 1.6 wrote an empty object as "{  }" and a double in exponent form with ".0"
 * after the exponent (not JSON); the writer writes "{}" and "1e+21". */
static void
test_where_json_glib_errs (void)
{
  g_autoptr(DeskJsonWriter) writer = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *written = NULL;
  FILE *file = tmpfile ();

  writer = desk_json_writer_new (file);
  desk_json_writer_begin_array (writer);
  desk_json_writer_begin_object (writer);
  desk_json_writer_end_object (writer);
  desk_json_writer_double (writer, 1e21);
  desk_json_writer_double (writer, -2.0);
  desk_json_writer_end_array (writer);
  g_assert_true (desk_json_writer_finish (writer, &error));
  written = read_back (file);

  g_assert_cmpstr (written, ==, "[\n  {},\n  1e+21,\n  -2.0\n]\n");
}

/* Every control character escaped (json-glib 1.6 let 0x1f through), a NUL in a counted
 * string as \u0000, bytes that are not UTF-8 as U+FFFD: always valid JSON that reads back. */
static void
test_escaping (void)
{
  static const char with_nul[] = "a\0b";
  g_autofree char *controls = NULL;
  g_autofree char *escaped = NULL;
  g_autofree char *written = NULL;
  g_autoptr(DeskJsonWriter) writer = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  GString *all = g_string_new (NULL);
  JsonArray *array;
  FILE *file = tmpfile ();

  for (int c = 1; c < 0x20; c++)
    g_string_append_c (all, c);
  g_string_append (all, "\x7f\"\\/é");
  controls = g_string_free (all, FALSE);

  escaped = desk_json_escape (controls, -1);
  g_assert_cmpstr (escaped, ==,
                   "\\u0001\\u0002\\u0003\\u0004\\u0005\\u0006\\u0007\\b\\t\\n\\u000b\\f\\r"
                   "\\u000e\\u000f\\u0010\\u0011\\u0012\\u0013\\u0014\\u0015\\u0016\\u0017"
                   "\\u0018\\u0019\\u001a\\u001b\\u001c\\u001d\\u001e\\u001f\\u007f\\\"\\\\/é");
  g_clear_pointer (&escaped, g_free);

  escaped = desk_json_escape (with_nul, sizeof with_nul - 1);
  g_assert_cmpstr (escaped, ==, "a\\u0000b");
  g_clear_pointer (&escaped, g_free);

  escaped = desk_json_escape ("caf\xc3 \xff\xfe ok \xe2\x80", -1);
  g_assert_cmpstr (escaped, ==, "caf\xef\xbf\xbd \xef\xbf\xbd\xef\xbf\xbd ok \xef\xbf\xbd\xef\xbf\xbd");
  g_clear_pointer (&escaped, g_free);

  writer = desk_json_writer_new (file);
  desk_json_writer_begin_array (writer);
  desk_json_writer_string (writer, controls);
  desk_json_writer_string_len (writer, with_nul, sizeof with_nul - 1);
  desk_json_writer_string (writer, "\xff");
  desk_json_writer_end_array (writer);
  g_assert_true (desk_json_writer_finish (writer, &error));
  written = read_back (file);

  g_assert_true (json_parser_load_from_data (parser, written, -1, &error));
  g_assert_no_error (error);
  array = json_node_get_array (json_parser_get_root (parser));
  g_assert_cmpuint (json_array_get_length (array), ==, 3);
  g_assert_cmpstr (json_array_get_string_element (array, 0), ==, controls);
  g_assert_cmpstr (json_array_get_string_element (array, 2), ==, "\xef\xbf\xbd");
  g_assert_nonnull (strstr (written, "\"a\\u0000b\""));
}

/* Output larger than the writer's buffer arrives whole, in order. */
static void
test_long_output (void)
{
  g_autoptr(DeskJsonWriter) writer = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *written = NULL;
  JsonArray *array;
  FILE *file = tmpfile ();

  writer = desk_json_writer_new (file);
  desk_json_writer_begin_array (writer);
  for (int i = 0; i < 50000; i++)
    {
      g_autofree char *text = g_strdup_printf ("paragraph %d", i);
      desk_json_writer_string (writer, text);
    }
  desk_json_writer_end_array (writer);
  g_assert_true (desk_json_writer_finish (writer, &error));
  written = read_back (file);

  g_assert_true (json_parser_load_from_data (parser, written, -1, &error));
  array = json_node_get_array (json_parser_get_root (parser));
  g_assert_cmpuint (json_array_get_length (array), ==, 50000);
  g_assert_cmpstr (json_array_get_string_element (array, 49999), ==, "paragraph 49999");
}

/* A full disk is reported, not ignored. */
static void
test_write_failure (void)
{
  g_autoptr(DeskJsonWriter) writer = NULL;
  g_autoptr(GError) error = NULL;
  FILE *full = fopen ("/dev/full", "w");

  if (full == NULL)
    {
      g_test_skip ("no /dev/full");
      return;
    }

  writer = desk_json_writer_new (full);
  desk_json_writer_begin_array (writer);
  for (int i = 0; i < 20000; i++)
    desk_json_writer_string (writer, "a paragraph that does not fit");
  desk_json_writer_end_array (writer);
  g_assert_false (desk_json_writer_finish (writer, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE);
  fclose (full);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/json-writer/layout-as-json-glib", test_layout_as_json_glib);
  g_test_add_func ("/json-writer/where-json-glib-errs", test_where_json_glib_errs);
  g_test_add_func ("/json-writer/escaping", test_escaping);
  g_test_add_func ("/json-writer/long-output", test_long_output);
  g_test_add_func ("/json-writer/write-failure", test_write_failure);

  return g_test_run ();
}
