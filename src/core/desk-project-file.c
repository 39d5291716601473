/* desk-project-file.c: a whole session in one .copydesk file
 *
 * A project file (extension .copydesk, MIME type application/x-copydesk) is one UTF-8 JSON
 * object. data/copydesk-project-format.md documents it for people; in short, version 1:
 *
 *   {
 *     "format": "copydesk-project",       required, exactly this
 *     "version": 1,                       required; a newer number is refused, not guessed at
 *     "generator": "Copydesk 0.1.0",      informative
 *     "sources": [                        in the project's order
 *       { "id": "3f9c…",                  the id the source had (derived from its bytes)
 *         "name": "02-newspaper-long.txt",
 *         "label": "AP, first take",      optional: the editor's name for the source
 *         "origin": "file" | "paste",
 *         "path": "/home/…/02.txt" | null,  where it was read from; the source lives in
 *                                             the project, this is for the editor's record
 *         "bytes": "SGVsbG8…",            the bytes as received, base64
 *         "roles": { "12": "body" } }     roles the editor overrode: block index → role word
 *     ],
 *     "draft_source": "3f9c…" | null,     the source the draft was started from
 *     "draft": {
 *       "headline": "…" | null, "byline": "…" | null, "dateline": "…" | null,
 *       "deck": "…" | null,                 (optional: absent in older files)
 *       "credit_line": "…" | null,          the editor's own; null: the credits' (optional)
 *       "paragraphs": [
 *         { "text": "…", "edited": false,
 *           "provenance": [ { "source": "3f9c…", "block": 7 } ],
 *           "spans": [ { "start": 0, "end": 84,     (optional: which byte range of the
 *                        "sources": [ { "source": "3f9c…", "block": 7 } ] } ] }   text came
 *                                                                  from which blocks)
 *       ]
 *     },
 *     "rejected": [ "…" ],                texts of suggestions the editor rejected
 *     "organization_order": [ "…" ],      preferred organisations, first first
 *     "aliases": "…" | null,              the project's own alias table (optional)
 *     "credits": { … },                   the editor's decisions: desk_credits_save_decisions()
 *     "settings": { "credit_style": "contributor-line" | "agency-line" | "none",
 *                   "punctuation": "as-written" | "typographic" | "ascii",   house style;
 *                   "spelling": "as-written" | "us" | "gb",                  each optional,
 *                   "dateline": "as-written" | "caps" | "caps-agency" | "colon",  as written
 *                   "dash": "em" | "em-closed" | "en",                       em
 *                   "nbsp": "none" | "units" | "french",                     none
 *                   "export_format": "html", "export_folder": "/home/…" }    optional: the
 *                                                                             last export
 *   }
 *
 * Opening a file ingests every source's bytes again (desk_source_new_from_bytes()) and
 * re-applies the role overrides, so what Copydesk reads from a source is always what this
 * version reads. Provenance refers to sources by the id they had when saved; should a
 * source's id differ once read again, the references follow it. Members not listed are
 * ignored, so that a version 1 file may carry more.
 *
 * Opening never trusts the file: every member's type is checked before it is used, and a
 * file that is not JSON, not a project, cut short or wrong in any member fails with
 * DESK_ERROR_MALFORMED naming the member ("draft.paragraphs[3].text is not text"); one
 * from a newer Copydesk fails with DESK_ERROR_UNSUPPORTED.
 *
 * Saving writes a temporary file and renames it over the old one
 * (desk_export_write_atomically()), so a failed save leaves the old project intact.
 * Whoever reads a project to change it and save it again holds its lock for that time
 * (desk_project_file_lock()): a file beside the project, "NAME.lock", locked with flock(),
 * naming the process and machine that hold it. Writers of one project, on this machine or
 * another sharing the folder, take turns instead of undoing each other's work.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "desk-credits.h"
#include "desk-export.h"
#include "desk-file.h"
#include "desk-json.h"
#include "desk-project-file.h"

/* Deeper nesting than this is no project file, and could exhaust the parser's stack. */
#define MAX_DEPTH DESK_JSON_MAX_DEPTH

/* A source read from a project has no file, but the path it was read from is kept on it
 * so that saving it again does not lose it. */
#define SOURCE_PATH_KEY "desk-project-file-path"

/* Saving */

static void
add_nullable_string (JsonBuilder *builder,
                     const char  *member,
                     const char  *value)
{
  json_builder_set_member_name (builder, member);
  if (value != NULL)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

static void
add_strv (JsonBuilder        *builder,
          const char         *member,
          const char * const *strv)
{
  json_builder_set_member_name (builder, member);
  json_builder_begin_array (builder);
  for (guint i = 0; strv != NULL && strv[i] != NULL; i++)
    json_builder_add_string_value (builder, strv[i]);
  json_builder_end_array (builder);
}

/* What a save needs of a source, taken on the project's thread: its bytes never change,
 * the rest is small. */
typedef struct
{
  char   *id;
  char   *name;
  char   *label;     /* the editor's name for it, or NULL */
  char   *path;
  GBytes *bytes;
  gboolean pasted;
  GArray *roles;     /* RoleOverride, by block index */
} SavedSource;

typedef struct
{
  guint       index;
  const char *role;  /* desk_block_role_to_string(): static */
} RoleOverride;

static void
saved_source_free (SavedSource *saved)
{
  g_free (saved->id);
  g_free (saved->name);
  g_free (saved->label);
  g_free (saved->path);
  g_bytes_unref (saved->bytes);
  g_array_unref (saved->roles);
  g_free (saved);
}

static SavedSource *
saved_source_new (DeskSource *source)
{
  SavedSource *saved = g_new0 (SavedSource, 1);
  GListModel *blocks = desk_source_get_blocks (source);
  GFile *file = desk_source_get_file (source);
  guint n_blocks = g_list_model_get_n_items (blocks);

  saved->id = g_strdup (desk_source_get_id (source));
  saved->name = g_strdup (desk_source_get_name (source));
  saved->label = g_strdup (desk_source_get_custom_label (source));
  saved->pasted = desk_source_get_origin (source) == DESK_SOURCE_ORIGIN_PASTE;
  if (file != NULL)
    saved->path = g_file_get_path (file);
  else
    saved->path = g_strdup (g_object_get_data (G_OBJECT (source), SOURCE_PATH_KEY));
  saved->bytes = g_bytes_ref (desk_source_get_bytes (source));
  saved->roles = g_array_new (FALSE, FALSE, sizeof (RoleOverride));

  for (guint i = 0; i < n_blocks; i++)
    {
      g_autoptr(DeskBlock) block = g_list_model_get_item (blocks, i);
      RoleOverride role;

      if (!desk_block_get_role_overridden (block))
        continue;

      role.index = i;
      role.role = desk_block_role_to_string (desk_block_get_role (block));
      g_array_append_val (saved->roles, role);
    }

  return saved;
}

static void
save_source (JsonBuilder *builder,
             SavedSource *saved)
{
  g_autofree char *base64 = NULL;
  gsize size;
  const guchar *data = g_bytes_get_data (saved->bytes, &size);

  base64 = g_base64_encode (data, size);

  json_builder_begin_object (builder);
  add_nullable_string (builder, "id", saved->id);
  add_nullable_string (builder, "name", saved->name);
  if (saved->label != NULL)
    add_nullable_string (builder, "label", saved->label);
  add_nullable_string (builder, "origin", saved->pasted ? "paste" : "file");
  add_nullable_string (builder, "path", saved->path);
  add_nullable_string (builder, "bytes", base64);

  json_builder_set_member_name (builder, "roles");
  json_builder_begin_object (builder);
  for (guint i = 0; i < saved->roles->len; i++)
    {
      const RoleOverride *role = &g_array_index (saved->roles, RoleOverride, i);
      char index[16];

      g_snprintf (index, sizeof index, "%u", role->index);
      json_builder_set_member_name (builder, index);
      json_builder_add_string_value (builder, role->role);
    }
  json_builder_end_object (builder);

  json_builder_end_object (builder);
}

/* Which stretch of the paragraph came from which source blocks: left out when the
 * paragraph has none (older files have none either). */
static void
save_spans (JsonBuilder   *builder,
            DeskParagraph *paragraph)
{
  guint n_spans = desk_paragraph_get_n_spans (paragraph);

  if (n_spans == 0)
    return;

  json_builder_set_member_name (builder, "spans");
  json_builder_begin_array (builder);
  for (guint i = 0; i < n_spans; i++)
    {
      guint start, end;
      guint n_sources = desk_paragraph_get_span (paragraph, i, &start, &end);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "start");
      json_builder_add_int_value (builder, start);
      json_builder_set_member_name (builder, "end");
      json_builder_add_int_value (builder, end);
      json_builder_set_member_name (builder, "sources");
      json_builder_begin_array (builder);
      for (guint j = 0; j < n_sources; j++)
        {
          json_builder_begin_object (builder);
          add_nullable_string (builder, "source", desk_paragraph_get_span_source (paragraph, i, j));
          json_builder_set_member_name (builder, "block");
          json_builder_add_int_value (builder, desk_paragraph_get_span_block (paragraph, i, j));
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

static void
save_draft (JsonBuilder *builder,
            DeskDraft   *draft)
{
  guint n = desk_draft_get_n_paragraphs (draft);

  json_builder_begin_object (builder);
  add_nullable_string (builder, "headline", desk_draft_get_headline (draft));
  add_nullable_string (builder, "byline", desk_draft_get_byline (draft));
  add_nullable_string (builder, "dateline", desk_draft_get_dateline (draft));
  add_nullable_string (builder, "deck", desk_draft_get_deck (draft));
  add_nullable_string (builder, "credit_line", desk_draft_get_credit_line (draft));

  json_builder_set_member_name (builder, "paragraphs");
  json_builder_begin_array (builder);
  for (guint i = 0; i < n; i++)
    {
      DeskParagraph *paragraph = desk_draft_get_paragraph (draft, i);
      guint n_provenance = desk_paragraph_get_n_provenance (paragraph);

      json_builder_begin_object (builder);
      add_nullable_string (builder, "text", desk_paragraph_get_text (paragraph));
      json_builder_set_member_name (builder, "edited");
      json_builder_add_boolean_value (builder, desk_paragraph_get_edited (paragraph));
      json_builder_set_member_name (builder, "provenance");
      json_builder_begin_array (builder);
      for (guint j = 0; j < n_provenance; j++)
        {
          json_builder_begin_object (builder);
          add_nullable_string (builder, "source",
                               desk_paragraph_get_provenance_source (paragraph, j));
          json_builder_set_member_name (builder, "block");
          json_builder_add_int_value (builder, desk_paragraph_get_provenance_block (paragraph, j));
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      save_spans (builder, paragraph);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_end_object (builder);
}

struct _DeskProjectFileSnapshot
{
  GPtrArray  *sources;        /* SavedSource */
  char       *draft_source;
  JsonNode   *draft;
  GStrv       rejected;
  GStrv       organization_order;
  char       *aliases;
  JsonNode   *credits;
  const char *credit_style;   /* static */
  char       *export_format;
  char       *export_folder;
  const char *punctuation;    /* static, or NULL: as written */
  const char *spelling;       /* static, or NULL */
  const char *dateline;       /* static, or NULL */
  const char *dash;           /* static */
  const char *nbsp;           /* static */
};

/**
 * desk_project_file_snapshot_new:
 * @project: a project
 *
 * Takes what saving @project needs, so that the file can be written out in another
 * thread while the project goes on changing: every source's bytes (which never change, so
 * they are shared, not copied), names and role overrides, and the draft, the decisions and
 * the settings. Costs a walk over the sources' blocks, not a copy of their text.
 *
 * Returns: (transfer full): a snapshot for desk_project_file_snapshot_to_bytes()
 */
DeskProjectFileSnapshot *
desk_project_file_snapshot_new (DeskProject *project)
{
  DeskProjectFileSnapshot *snapshot;
  g_autoptr(JsonBuilder) draft = json_builder_new ();
  DeskCredits *credits;
  GListModel *sources;
  guint n_sources;

  g_return_val_if_fail (DESK_IS_PROJECT (project), NULL);

  credits = desk_project_get_credits (project);
  sources = desk_project_get_sources (project);
  n_sources = g_list_model_get_n_items (sources);

  snapshot = g_new0 (DeskProjectFileSnapshot, 1);
  snapshot->sources = g_ptr_array_new_full (n_sources, (GDestroyNotify)saved_source_free);
  for (guint i = 0; i < n_sources; i++)
    {
      g_autoptr(DeskSource) source = g_list_model_get_item (sources, i);

      g_ptr_array_add (snapshot->sources, saved_source_new (source));
    }

  snapshot->draft_source = g_strdup (desk_project_get_draft_source_id (project));
  save_draft (draft, desk_project_get_draft (project));
  snapshot->draft = json_builder_get_root (draft);
  snapshot->rejected = g_strdupv ((GStrv)desk_project_get_rejected (project));
  snapshot->organization_order = g_strdupv ((GStrv)desk_project_get_organization_order (project));
  snapshot->aliases = g_strdup (desk_project_get_aliases (project));
  snapshot->credits = desk_credits_save_decisions (credits);
  snapshot->credit_style = desk_credit_style_to_string (desk_credits_get_style (credits));
  snapshot->export_format = g_strdup (desk_project_get_export_format (project));
  snapshot->export_folder = g_strdup (desk_project_get_export_folder (project));
  {
    DeskStyle *style = desk_project_get_style (project);

    snapshot->punctuation = desk_style_punctuation_to_string (desk_style_get_punctuation (style));
    snapshot->spelling = desk_style_spelling_to_string (desk_style_get_spelling (style));
    snapshot->dateline = desk_style_dateline_to_string (desk_style_get_dateline (style));
    snapshot->dash = desk_style_dash_to_string (desk_style_get_dash (style));
    snapshot->nbsp = desk_style_nbsp_to_string (desk_style_get_nbsp (style));
  }

  return snapshot;
}

void
desk_project_file_snapshot_free (DeskProjectFileSnapshot *snapshot)
{
  if (snapshot == NULL)
    return;

  g_ptr_array_unref (snapshot->sources);
  g_free (snapshot->draft_source);
  json_node_unref (snapshot->draft);
  g_strfreev (snapshot->rejected);
  g_strfreev (snapshot->organization_order);
  g_free (snapshot->aliases);
  json_node_unref (snapshot->credits);
  g_free (snapshot->export_format);
  g_free (snapshot->export_folder);
  g_free (snapshot);
}

/**
 * desk_project_file_snapshot_to_bytes:
 * @snapshot: a snapshot of a project
 *
 * Writes the project as it was when @snapshot was taken, as a project file (see the top of
 * desk-project-file.c). Touches nothing but @snapshot: may run in any thread, one at a time
 * for a snapshot.
 *
 * Returns: (transfer full): the file's contents: indented UTF-8 JSON ending in a newline
 */
GBytes *
desk_project_file_snapshot_to_bytes (DeskProjectFileSnapshot *snapshot)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *text = NULL;
  gsize length;

  g_return_val_if_fail (snapshot != NULL, NULL);

  json_builder_begin_object (builder);
  add_nullable_string (builder, "format", DESK_PROJECT_FILE_FORMAT);
  json_builder_set_member_name (builder, "version");
  json_builder_add_int_value (builder, DESK_PROJECT_FILE_VERSION);
  add_nullable_string (builder, "generator", "Copydesk " PACKAGE_VERSION);

  json_builder_set_member_name (builder, "sources");
  json_builder_begin_array (builder);
  for (guint i = 0; i < snapshot->sources->len; i++)
    save_source (builder, g_ptr_array_index (snapshot->sources, i));
  json_builder_end_array (builder);

  add_nullable_string (builder, "draft_source", snapshot->draft_source);
  json_builder_set_member_name (builder, "draft");
  json_builder_add_value (builder, json_node_copy (snapshot->draft));

  add_strv (builder, "rejected", (const char * const *)snapshot->rejected);
  add_strv (builder, "organization_order", (const char * const *)snapshot->organization_order);
  add_nullable_string (builder, "aliases", snapshot->aliases);

  json_builder_set_member_name (builder, "credits");
  json_builder_add_value (builder, json_node_copy (snapshot->credits));

  json_builder_set_member_name (builder, "settings");
  json_builder_begin_object (builder);
  add_nullable_string (builder, "credit_style", snapshot->credit_style);
  add_nullable_string (builder, "punctuation", snapshot->punctuation);
  add_nullable_string (builder, "spelling", snapshot->spelling);
  add_nullable_string (builder, "dateline", snapshot->dateline);
  add_nullable_string (builder, "dash", snapshot->dash);
  add_nullable_string (builder, "nbsp", snapshot->nbsp);
  if (snapshot->export_format != NULL)
    add_nullable_string (builder, "export_format", snapshot->export_format);
  if (snapshot->export_folder != NULL)
    add_nullable_string (builder, "export_folder", snapshot->export_folder);
  json_builder_end_object (builder);

  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  json_generator_set_root (generator, root);
  text = json_generator_to_data (generator, &length);

  text = g_realloc (text, length + 2);
  text[length] = '\n';
  text[length + 1] = '\0';

  return g_bytes_new_take (g_steal_pointer (&text), length + 1);
}

/**
 * desk_project_file_save_to_bytes:
 * @project: a project
 *
 * Writes @project as a project file (see the top of desk-project-file.c).
 *
 * Returns: (transfer full): the file's contents: indented UTF-8 JSON ending in a newline
 */
GBytes *
desk_project_file_save_to_bytes (DeskProject *project)
{
  g_autoptr(DeskProjectFileSnapshot) snapshot = NULL;

  g_return_val_if_fail (DESK_IS_PROJECT (project), NULL);

  snapshot = desk_project_file_snapshot_new (project);
  return desk_project_file_snapshot_to_bytes (snapshot);
}

/**
 * desk_project_file_save:
 * @project: a project
 * @file: where to save it
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Saves @project to @file, replacing it safely: a failed save leaves the old file intact
 * and says why.
 *
 * Returns: %TRUE on success
 */
gboolean
desk_project_file_save (DeskProject   *project,
                        GFile         *file,
                        GCancellable  *cancellable,
                        GError       **error)
{
  g_autoptr(GBytes) bytes = NULL;
  gsize length;
  const char *data;

  g_return_val_if_fail (DESK_IS_PROJECT (project), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  bytes = desk_project_file_save_to_bytes (project);
  data = g_bytes_get_data (bytes, &length);

  return desk_export_write_atomically (file, data, length, cancellable, error);
}

/* Loading */

typedef struct
{
  const char *name;     /* of the file, for messages */
  GError    **error;
} Reader;

static gboolean
damaged (Reader     *reader,
         const char *path,
         const char *problem)
{
  g_set_error (reader->error, DESK_ERROR, DESK_ERROR_MALFORMED,
               /* Translators: "Cannot open “story.copydesk”: it is damaged
                * (“draft.headline” is not text)" */
               _("Cannot open “%s”: it is damaged (“%s” %s)"),
               reader->name, path, problem);
  return FALSE;
}

static JsonNode *
member (JsonObject *object,
        const char *name)
{
  return json_object_get_member (object, name);
}

static gboolean
holds_string (JsonNode *node)
{
  return node != NULL && JSON_NODE_HOLDS_VALUE (node) &&
         json_node_get_value_type (node) == G_TYPE_STRING;
}

/* A member that must be a string (or, when @nullable, may be null or absent). */
static gboolean
read_string (Reader      *reader,
             JsonObject  *object,
             const char  *path,
             const char  *name,
             gboolean     nullable,
             const char **out)
{
  JsonNode *node = member (object, name);
  g_autofree char *where = g_strdup_printf ("%s%s%s", path, *path ? "." : "", name);

  *out = NULL;

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    {
      if (nullable)
        return TRUE;
      return damaged (reader, where, node == NULL ? _("is missing") : _("is not text"));
    }

  if (!holds_string (node))
    return damaged (reader, where, _("is not text"));

  if (!g_utf8_validate (json_node_get_string (node), -1, NULL))
    return damaged (reader, where, _("is not valid UTF-8"));

  *out = json_node_get_string (node);
  return TRUE;
}

static gboolean
read_uint (Reader     *reader,
           JsonNode   *node,
           const char *where,
           guint      *out)
{
  gint64 value;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_INT64)
    return damaged (reader, where, _("is not a whole number"));

  value = json_node_get_int (node);
  if (value < 0 || value > G_MAXUINT)
    return damaged (reader, where, _("is out of range"));

  *out = (guint)value;
  return TRUE;
}

static gboolean
read_boolean (Reader     *reader,
              JsonObject *object,
              const char *path,
              const char *name,
              gboolean   *out)
{
  JsonNode *node = member (object, name);
  g_autofree char *where = g_strdup_printf ("%s.%s", path, name);

  *out = FALSE;

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;

  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_BOOLEAN)
    return damaged (reader, where, _("is neither true nor false"));

  *out = json_node_get_boolean (node);
  return TRUE;
}

static JsonObject *
read_object (Reader     *reader,
             JsonNode   *node,
             const char *where,
             gboolean    nullable)
{
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    {
      if (!nullable)
        damaged (reader, where, node == NULL ? _("is missing") : _("is not an object"));
      return NULL;
    }

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      damaged (reader, where, _("is not an object"));
      return NULL;
    }

  return json_node_get_object (node);
}

/* A member that must be a list, or may be absent (then *out is NULL). */
static gboolean
read_array (Reader      *reader,
            JsonObject  *object,
            const char  *path,
            const char  *name,
            gboolean     required,
            JsonArray  **out)
{
  JsonNode *node = member (object, name);
  g_autofree char *where = g_strdup_printf ("%s%s%s", path, *path ? "." : "", name);

  *out = NULL;

  if (node == NULL)
    return required ? damaged (reader, where, _("is missing")) : TRUE;

  if (!JSON_NODE_HOLDS_ARRAY (node))
    return damaged (reader, where, _("is not a list"));

  *out = json_node_get_array (node);
  return TRUE;
}

static gboolean
read_strv (Reader      *reader,
           JsonObject  *object,
           const char  *name,
           GPtrArray  **out)
{
  JsonArray *array;
  g_autoptr(GPtrArray) strv = g_ptr_array_new_null_terminated (4, NULL, TRUE);

  *out = NULL;

  if (!read_array (reader, object, "", name, FALSE, &array))
    return FALSE;

  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);
      g_autofree char *where = g_strdup_printf ("%s[%u]", name, i);

      if (!holds_string (node))
        return damaged (reader, where, _("is not text"));
      if (!g_utf8_validate (json_node_get_string (node), -1, NULL))
        return damaged (reader, where, _("is not valid UTF-8"));

      g_ptr_array_add (strv, (gpointer)json_node_get_string (node));
    }

  *out = g_steal_pointer (&strv);
  return TRUE;
}

static GBytes *
decode_base64 (const char *text)
{
  gsize length = 0;
  gsize n_padding = 0;
  guchar *data;

  /* g_base64_decode() takes anything; check that this is base64 first. */
  for (const char *p = text; *p != '\0'; p++)
    {
      if (g_ascii_isalnum (*p) || *p == '+' || *p == '/')
        {
          if (n_padding > 0)
            return NULL;
          length++;
        }
      else if (*p == '=')
        {
          if (++n_padding > 2)
            return NULL;
          length++;
        }
      else if (!g_ascii_isspace (*p))
        return NULL;
    }

  if (length % 4 != 0)
    return NULL;

  if (length == 0)
    return g_bytes_new (NULL, 0);

  data = g_base64_decode (text, &length);

  return g_bytes_new_take (data, length);
}

static DeskSource *
read_source (Reader      *reader,
             JsonNode    *node,
             guint        index,
             GHashTable  *ids)
{
  g_autofree char *path = g_strdup_printf ("sources[%u]", index);
  g_autofree char *bytes_path = g_strdup_printf ("%s.bytes", path);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(DeskSource) source = NULL;
  g_autoptr(GError) local_error = NULL;
  JsonObject *object;
  JsonObject *roles;
  JsonNode *roles_node;
  GListModel *blocks;
  const char *id;
  const char *name;
  const char *label;
  const char *origin_word;
  const char *base64;
  const char *source_path;
  DeskSourceOrigin origin = DESK_SOURCE_ORIGIN_FILE;

  if (!(object = read_object (reader, node, path, FALSE)) ||
      !read_string (reader, object, path, "id", TRUE, &id) ||
      !read_string (reader, object, path, "name", FALSE, &name) ||
      !read_string (reader, object, path, "label", TRUE, &label) ||
      !read_string (reader, object, path, "path", TRUE, &source_path) ||
      !read_string (reader, object, path, "origin", TRUE, &origin_word) ||
      !read_string (reader, object, path, "bytes", FALSE, &base64))
    return NULL;

  if (origin_word != NULL)
    {
      if (g_str_equal (origin_word, "paste"))
        origin = DESK_SOURCE_ORIGIN_PASTE;
      else if (!g_str_equal (origin_word, "file"))
        {
          g_autofree char *where = g_strdup_printf ("%s.origin", path);

          damaged (reader, where, _("is neither “file” nor “paste”"));
          return NULL;
        }
    }

  if (!(bytes = decode_base64 (base64)))
    {
      damaged (reader, bytes_path, _("is not base64"));
      return NULL;
    }

  source = desk_source_new_from_bytes (bytes, name, origin, &local_error);
  if (source == NULL)
    {
      g_set_error (reader->error, DESK_ERROR, DESK_ERROR_MALFORMED,
                   _("Cannot open “%s”: source %u is damaged (%s)"),
                   reader->name, index + 1, local_error->message);
      return NULL;
    }

  if (source_path != NULL)
    g_object_set_data_full (G_OBJECT (source), SOURCE_PATH_KEY, g_strdup (source_path), g_free);
  if (label != NULL)
    desk_source_set_label (source, label);

  if (id != NULL)
    g_hash_table_replace (ids, g_strdup (id), g_strdup (desk_source_get_id (source)));
  g_hash_table_replace (ids, g_strdup (desk_source_get_id (source)),
                        g_strdup (desk_source_get_id (source)));

  roles_node = member (object, "roles");
  if (roles_node != NULL && !JSON_NODE_HOLDS_NULL (roles_node))
    {
      g_autofree char *roles_path = g_strdup_printf ("%s.roles", path);
      g_autoptr(GList) keys = NULL;

      if (!(roles = read_object (reader, roles_node, roles_path, FALSE)))
        return NULL;

      blocks = desk_source_get_blocks (source);
      keys = json_object_get_members (roles);

      for (GList *l = keys; l != NULL; l = l->next)
        {
          const char *key = l->data;
          g_autofree char *where = g_strdup_printf ("%s.%s", roles_path, key);
          g_autoptr(DeskBlock) block = NULL;
          JsonNode *role_node = member (roles, key);
          DeskBlockRole role;
          guint64 block_index;

          if (!g_ascii_string_to_unsigned (key, 10, 0, G_MAXUINT, &block_index, NULL))
            {
              damaged (reader, where, _("is not a block number"));
              return NULL;
            }

          if (block_index >= g_list_model_get_n_items (blocks))
            {
              damaged (reader, where, _("names a block the source does not have"));
              return NULL;
            }

          if (!holds_string (role_node) ||
              !desk_block_role_from_string (json_node_get_string (role_node), &role))
            {
              damaged (reader, where, _("is not a block role"));
              return NULL;
            }

          block = g_list_model_get_item (blocks, block_index);
          desk_block_set_role (block, role);
        }
    }

  return g_steal_pointer (&source);
}

/* "spans" (optional): which stretch of the text came from which source blocks. A span
 * that does not fit the text (out of order, past its end, inside a character) is
 * damage. */
static gboolean
read_spans (Reader        *reader,
            JsonObject    *object,
            const char    *path,
            DeskParagraph *paragraph,
            GHashTable    *ids)
{
  const char *text = desk_paragraph_get_text (paragraph);
  gsize length = strlen (text);
  JsonArray *spans;
  guint previous_end = 0;

  if (!read_array (reader, object, path, "spans", FALSE, &spans))
    return FALSE;

  for (guint i = 0; spans != NULL && i < json_array_get_length (spans); i++)
    {
      g_autofree char *span_path = g_strdup_printf ("%s.spans[%u]", path, i);
      g_autofree char *start_path = g_strdup_printf ("%s.start", span_path);
      g_autofree char *end_path = g_strdup_printf ("%s.end", span_path);
      JsonObject *span;
      JsonArray *sources;
      guint start, end;

      span = read_object (reader, json_array_get_element (spans, i), span_path, FALSE);
      if (span == NULL ||
          !read_uint (reader, member (span, "start"), start_path, &start) ||
          !read_uint (reader, member (span, "end"), end_path, &end) ||
          !read_array (reader, span, span_path, "sources", TRUE, &sources))
        return FALSE;

      if (start < previous_end || end <= start || end > length ||
          (start < length && (text[start] & 0xC0) == 0x80) ||
          (end < length && (text[end] & 0xC0) == 0x80))
        return damaged (reader, span_path, _("does not fit the paragraph’s text"));
      previous_end = end;

      for (guint j = 0; j < json_array_get_length (sources); j++)
        {
          g_autofree char *item_path = g_strdup_printf ("%s.sources[%u]", span_path, j);
          g_autofree char *block_path = g_strdup_printf ("%s.block", item_path);
          JsonObject *item;
          const char *source_id;
          const char *mapped;
          guint block;

          item = read_object (reader, json_array_get_element (sources, j), item_path, FALSE);
          if (item == NULL ||
              !read_string (reader, item, item_path, "source", FALSE, &source_id) ||
              !read_uint (reader, member (item, "block"), block_path, &block))
            return FALSE;

          mapped = g_hash_table_lookup (ids, source_id);
          desk_paragraph_add_span (paragraph, start, end, mapped != NULL ? mapped : source_id,
                                   block);
        }
    }

  return TRUE;
}

static DeskParagraph *
read_paragraph (Reader     *reader,
                JsonNode   *node,
                guint       index,
                GHashTable *ids)
{
  g_autofree char *path = g_strdup_printf ("draft.paragraphs[%u]", index);
  g_autoptr(DeskParagraph) paragraph = NULL;
  JsonObject *object;
  JsonArray *provenance;
  const char *text;
  gboolean edited;

  if (!(object = read_object (reader, node, path, FALSE)) ||
      !read_string (reader, object, path, "text", FALSE, &text) ||
      !read_boolean (reader, object, path, "edited", &edited) ||
      !read_array (reader, object, path, "provenance", FALSE, &provenance))
    return NULL;

  if (edited)
    {
      /* A paragraph is edited once its text changes after it was made. */
      paragraph = desk_paragraph_new (*text == '\0' ? " " : "");
      desk_paragraph_set_text (paragraph, text);
    }
  else
    paragraph = desk_paragraph_new (text);

  for (guint i = 0; provenance != NULL && i < json_array_get_length (provenance); i++)
    {
      g_autofree char *item_path = g_strdup_printf ("%s.provenance[%u]", path, i);
      g_autofree char *block_path = g_strdup_printf ("%s.block", item_path);
      JsonObject *item;
      const char *source_id;
      const char *mapped;
      guint block;

      item = read_object (reader, json_array_get_element (provenance, i), item_path, FALSE);
      if (item == NULL ||
          !read_string (reader, item, item_path, "source", FALSE, &source_id) ||
          !read_uint (reader, member (item, "block"), block_path, &block))
        return NULL;

      /* A source removed from the project may still be named: keep its id. */
      mapped = g_hash_table_lookup (ids, source_id);
      desk_paragraph_add_provenance (paragraph, mapped != NULL ? mapped : source_id, block);
    }

  if (!read_spans (reader, object, path, paragraph, ids))
    return NULL;

  return g_steal_pointer (&paragraph);
}

static DeskDraft *
read_draft (Reader     *reader,
            JsonNode   *node,
            GHashTable *ids,
            gboolean   *old_masthead)
{
  g_autoptr(DeskDraft) draft = desk_draft_new ();
  JsonObject *object;
  JsonArray *paragraphs;
  const char *headline;
  const char *byline;
  const char *dateline;
  const char *deck;
  const char *credit_line;

  if (!(object = read_object (reader, node, "draft", FALSE)))
    return NULL;

  /* Files written before the masthead had a deck and a credit line have neither. */
  *old_masthead = member (object, "deck") == NULL;
  if (!read_string (reader, object, "draft", "headline", TRUE, &headline) ||
      !read_string (reader, object, "draft", "byline", TRUE, &byline) ||
      !read_string (reader, object, "draft", "dateline", TRUE, &dateline) ||
      !read_string (reader, object, "draft", "deck", TRUE, &deck) ||
      !read_string (reader, object, "draft", "credit_line", TRUE, &credit_line) ||
      !read_array (reader, object, "draft", "paragraphs", TRUE, &paragraphs))
    return NULL;

  desk_draft_set_headline (draft, headline);
  desk_draft_set_byline (draft, byline);
  desk_draft_set_dateline (draft, dateline);
  desk_draft_set_deck (draft, deck);
  desk_draft_set_credit_line (draft, credit_line);

  for (guint i = 0; i < json_array_get_length (paragraphs); i++)
    {
      g_autoptr(DeskParagraph) paragraph =
        read_paragraph (reader, json_array_get_element (paragraphs, i), i, ids);

      if (paragraph == NULL)
        return NULL;

      desk_draft_append (draft, paragraph);
    }

  return g_steal_pointer (&draft);
}

static DeskProject *
load (Reader *reader,
      GBytes *bytes)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(GError) parse_error = NULL;
  g_autofree char *without_nul = NULL;
  g_autoptr(DeskProject) project = desk_project_new ();
  g_autoptr(GHashTable) ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(DeskDraft) draft = NULL;
  g_autoptr(GPtrArray) rejected = NULL;
  g_autoptr(GPtrArray) organization_order = NULL;
  g_autoptr(GPtrArray) read_sources = NULL;
  JsonObject *root;
  JsonArray *sources;
  JsonNode *node;
  JsonObject *settings;
  const char *format;
  const char *draft_source;
  const char *mapped_draft_source = NULL;
  gboolean old_masthead = FALSE;
  gsize length;
  const char *data = g_bytes_get_data (bytes, &length);
  gint64 version;

  if (length == 0)
    {
      g_set_error (reader->error, DESK_ERROR, DESK_ERROR_EMPTY,
                   _("Cannot open “%s”: the file is empty"), reader->name);
      return NULL;
    }

  if (memchr (data, '\0', length) != NULL || !g_utf8_validate_len (data, length, NULL))
    {
      g_set_error (reader->error, DESK_ERROR, DESK_ERROR_MALFORMED,
                   _("Cannot open “%s”: it is not a Copydesk project (not UTF-8 text)"),
                   reader->name);
      return NULL;
    }

  switch (desk_json_check_shape (data, length, MAX_DEPTH))
    {
    case DESK_JSON_SHAPE_TOO_DEEP:
      g_set_error (reader->error, DESK_ERROR, DESK_ERROR_MALFORMED,
                   _("Cannot open “%s”: it is not a Copydesk project (nested too deeply)"),
                   reader->name);
      return NULL;

    case DESK_JSON_SHAPE_NOT_ONE:
      g_set_error (reader->error, DESK_ERROR, DESK_ERROR_MALFORMED,
                   _("Cannot open “%s”: it is not a Copydesk project"), reader->name);
      return NULL;

    case DESK_JSON_SHAPE_OK:
    default:
      break;
    }

  without_nul = desk_json_replace_nul_escapes (data, length);
  if (!json_parser_load_from_data (parser, without_nul ? without_nul : data, length, &parse_error))
    {
      /* json-glib quotes the text it stumbled on, cut at a byte count: maybe mid-character */
      g_autofree char *problem = g_utf8_make_valid (parse_error->message, -1);

      g_set_error (reader->error, DESK_ERROR, DESK_ERROR_MALFORMED,
                   _("Cannot open “%s”: it is damaged or incomplete (%s)"),
                   reader->name, problem);
      return NULL;
    }

  node = json_parser_get_root (parser);
  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error (reader->error, DESK_ERROR, DESK_ERROR_MALFORMED,
                   _("Cannot open “%s”: it is not a Copydesk project"), reader->name);
      return NULL;
    }
  root = json_node_get_object (node);

  node = member (root, "format");
  format = holds_string (node) ? json_node_get_string (node) : NULL;
  if (g_strcmp0 (format, DESK_PROJECT_FILE_FORMAT) != 0)
    {
      g_set_error (reader->error, DESK_ERROR, DESK_ERROR_MALFORMED,
                   _("Cannot open “%s”: it is not a Copydesk project"), reader->name);
      return NULL;
    }

  node = member (root, "version");
  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_INT64 || json_node_get_int (node) < 1)
    {
      damaged (reader, "version", _("is not a version number"));
      return NULL;
    }

  version = json_node_get_int (node);
  if (version > DESK_PROJECT_FILE_VERSION)
    {
      g_set_error (reader->error, DESK_ERROR, DESK_ERROR_UNSUPPORTED,
                   _("Cannot open “%s”: it was made by a newer Copydesk (format version %d); "
                     "this one reads version %d"),
                   reader->name, (int)MIN (version, G_MAXINT), DESK_PROJECT_FILE_VERSION);
      return NULL;
    }

  if (!read_array (reader, root, "", "sources", TRUE, &sources))
    return NULL;

  /* The sources are added as one batch: one change for what follows the project. */
  read_sources = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < json_array_get_length (sources); i++)
    {
      DeskSource *source = read_source (reader, json_array_get_element (sources, i), i, ids);

      if (source == NULL)
        return NULL;

      g_ptr_array_add (read_sources, source);
    }
  desk_project_add_sources (project, (DeskSource **)read_sources->pdata, read_sources->len);

  /* Two sources may have read back with the same id, and the second been given another:
   * references to the id it was saved with go to the one it has now. */
  for (guint i = 0; i < read_sources->len; i++)
    {
      JsonNode *id_node = json_object_get_member (json_array_get_object_element (sources, i), "id");

      if (id_node != NULL && holds_string (id_node))
        g_hash_table_replace (ids, g_strdup (json_node_get_string (id_node)),
                              g_strdup (desk_source_get_id (g_ptr_array_index (read_sources, i))));
    }

  if (!read_string (reader, root, "", "draft_source", TRUE, &draft_source))
    return NULL;
  if (draft_source != NULL)
    {
      mapped_draft_source = g_hash_table_lookup (ids, draft_source);
      if (mapped_draft_source == NULL)
        mapped_draft_source = draft_source;
    }

  if (!(draft = read_draft (reader, member (root, "draft"), ids, &old_masthead)))
    return NULL;
  desk_project_replace_draft (project, draft, mapped_draft_source);
  /* A file from before the masthead had a deck: a draft without a dateline went out with
   * the dateline of a source with text in the draft. The masthead shows what goes out. */
  if (old_masthead)
    desk_project_fill_dateline (project);

  if (!read_strv (reader, root, "rejected", &rejected) ||
      !read_strv (reader, root, "organization_order", &organization_order))
    return NULL;

  for (guint i = 0; i < rejected->len; i++)
    desk_project_add_rejected (project, g_ptr_array_index (rejected, i));
  desk_project_set_organization_order (project, (const char * const *)organization_order->pdata);

  {
    const char *aliases = NULL;
    g_autoptr(GError) aliases_error = NULL;

    if (!read_string (reader, root, "", "aliases", TRUE, &aliases))
      return NULL;
    if (!desk_project_set_aliases (project, aliases, &aliases_error))
      {
        g_set_error (reader->error, DESK_ERROR, DESK_ERROR_MALFORMED,
                     _("Cannot open “%s”: it is damaged or incomplete (%s)"),
                     reader->name, aliases_error->message);
        return NULL;
      }
  }

  node = member (root, "credits");
  if (node != NULL && !JSON_NODE_HOLDS_NULL (node))
    {
      g_autoptr(GError) credits_error = NULL;

      if (!desk_credits_restore_decisions (desk_project_get_credits (project), node,
                                           &credits_error))
        {
          g_set_error (reader->error, DESK_ERROR, DESK_ERROR_MALFORMED,
                       _("Cannot open “%s”: it is damaged (%s)"),
                       reader->name, credits_error->message);
          return NULL;
        }
    }

  settings = NULL;
  node = member (root, "settings");
  if (node != NULL && !JSON_NODE_HOLDS_NULL (node) &&
      !(settings = read_object (reader, node, "settings", FALSE)))
    return NULL;

  if (settings != NULL)
    {
      const char *style_word;
      DeskCreditStyle style;

      if (!read_string (reader, settings, "settings", "credit_style", TRUE, &style_word))
        return NULL;

      /* Where and how the story was last exported: informative, checked for type only. */
      {
        const char *export_format;
        const char *export_folder;

        if (!read_string (reader, settings, "settings", "export_format", TRUE, &export_format) ||
            !read_string (reader, settings, "settings", "export_folder", TRUE, &export_folder))
          return NULL;
        desk_project_set_export (project, export_format, export_folder);
      }

      if (style_word != NULL)
        {
          if (!desk_credit_style_from_string (style_word, &style))
            {
              damaged (reader, "settings.credit_style", _("is not a credit style"));
              return NULL;
            }
          desk_credits_set_style (desk_project_get_credits (project), style);
        }

      /* The house style; files from before it have none: as written. */
      {
        DeskStyle *house = desk_project_get_style (project);
        const char *punctuation_word, *spelling_word, *dateline_word, *dash_word, *nbsp_word;
        DeskStylePunctuation punctuation;
        DeskStyleSpelling spelling;
        DeskStyleDateline dateline;
        DeskStyleDash dash;
        DeskStyleNbsp nbsp;

        if (!read_string (reader, settings, "settings", "punctuation", TRUE, &punctuation_word) ||
            !read_string (reader, settings, "settings", "spelling", TRUE, &spelling_word) ||
            !read_string (reader, settings, "settings", "dateline", TRUE, &dateline_word) ||
            !read_string (reader, settings, "settings", "dash", TRUE, &dash_word) ||
            !read_string (reader, settings, "settings", "nbsp", TRUE, &nbsp_word))
          return NULL;

        if (punctuation_word != NULL)
          {
            if (!desk_style_punctuation_from_string (punctuation_word, &punctuation))
              {
                damaged (reader, "settings.punctuation", _("is not a house style"));
                return NULL;
              }
            desk_style_set_punctuation (house, punctuation);
          }
        if (spelling_word != NULL)
          {
            if (!desk_style_spelling_from_string (spelling_word, &spelling))
              {
                damaged (reader, "settings.spelling", _("is not a spelling"));
                return NULL;
              }
            desk_style_set_spelling (house, spelling);
          }
        if (dateline_word != NULL)
          {
            if (!desk_style_dateline_from_string (dateline_word, &dateline))
              {
                damaged (reader, "settings.dateline", _("is not a dateline form"));
                return NULL;
              }
            desk_style_set_dateline (house, dateline);
          }
        /* Files from before the dash form and no-break spaces: em dash, none. */
        if (dash_word != NULL)
          {
            if (!desk_style_dash_from_string (dash_word, &dash))
              {
                damaged (reader, "settings.dash", _("is not a dash form"));
                return NULL;
              }
            desk_style_set_dash (house, dash);
          }
        if (nbsp_word != NULL)
          {
            if (!desk_style_nbsp_from_string (nbsp_word, &nbsp))
              {
                damaged (reader, "settings.nbsp", _("is not a no-break space setting"));
                return NULL;
              }
            desk_style_set_nbsp (house, nbsp);
          }
      }
    }

  return g_steal_pointer (&project);
}

/**
 * desk_project_file_load_from_bytes:
 * @bytes: the contents of a project file
 * @name: (nullable): what to call the file in messages; %NULL for "the project"
 * @error: return location for a #GError
 *
 * Reads a project file. Fails with %DESK_ERROR_EMPTY, %DESK_ERROR_MALFORMED (not JSON, not
 * a project, cut short, a member of the wrong type, a source that cannot be read) or
 * %DESK_ERROR_UNSUPPORTED (made by a newer Copydesk), never with a crash.
 *
 * Returns: (transfer full): the project, or %NULL with @error set
 */
DeskProject *
desk_project_file_load_from_bytes (GBytes      *bytes,
                                   const char  *name,
                                   GError     **error)
{
  Reader reader;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  reader.name = name != NULL ? name : _("the project");
  reader.error = error;

  return load (&reader, bytes);
}

/**
 * desk_project_file_load:
 * @file: a project file
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Opens a project file; see desk_project_file_load_from_bytes(). Every failure names the
 * file and the problem.
 *
 * Returns: (transfer full): the project, or %NULL with @error set
 */
DeskProject *
desk_project_file_load (GFile         *file,
                        GCancellable  *cancellable,
                        GError       **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *name = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  name = g_file_get_parse_name (file);

  bytes = desk_file_load_bounded (file, DESK_PROJECT_FILE_MAX_SIZE, cancellable, &local_error);
  if (bytes == NULL)
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY))
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY,
                     _("Cannot open “%s”: it is a folder, not a project"), name);
      else
        g_set_error (error, local_error->domain, local_error->code,
                     _("Cannot open “%s”: %s"), name, local_error->message);
      return NULL;
    }

  return desk_project_file_load_from_bytes (bytes, name, error);
}

static void
save_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  GFile *file = G_FILE (source_object);
  g_autoptr(GBytes) bytes = desk_project_file_snapshot_to_bytes (task_data);
  GError *error = NULL;
  gsize length;
  const char *data = g_bytes_get_data (bytes, &length);
  if (desk_export_write_atomically (file, data, length, cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/**
 * desk_project_file_save_async:
 * @project: a project
 * @file: where to save it
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the project is saved or could not be
 * @user_data: data for @callback
 *
 * Saves @project like desk_project_file_save(). What the file needs of the project is taken
 * at once, in the calling thread (desk_project_file_snapshot_new()), so the project may
 * change as soon as this returns; the file is made and written in a worker thread.
 */
void
desk_project_file_save_async (DeskProject         *project,
                              GFile               *file,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (DESK_IS_PROJECT (project));
  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (file, cancellable, callback, user_data);
  g_task_set_source_tag (task, desk_project_file_save_async);
  g_task_set_task_data (task, desk_project_file_snapshot_new (project),
                        (GDestroyNotify)desk_project_file_snapshot_free);
  g_task_run_in_thread (task, save_thread);
}

/**
 * desk_project_file_save_finish:
 *
 * Returns: %TRUE if the project was saved
 */
gboolean
desk_project_file_save_finish (GAsyncResult  *result,
                               GError       **error)
{
  g_return_val_if_fail (G_IS_TASK (result), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == desk_project_file_save_async,
                        FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  GError *error = NULL;
  DeskProject *project = desk_project_file_load (G_FILE (source_object), cancellable, &error);

  if (project != NULL)
    g_task_return_pointer (task, project, g_object_unref);
  else
    g_task_return_error (task, error);
}

/**
 * desk_project_file_load_async:
 * @file: a project file
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the project is open or could not be
 * @user_data: data for @callback
 *
 * Opens a project file in a worker thread, sources read again and all; see
 * desk_project_file_load().
 */
void
desk_project_file_load_async (GFile               *file,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (file, cancellable, callback, user_data);
  g_task_set_source_tag (task, desk_project_file_load_async);
  g_task_run_in_thread (task, load_thread);
}

/**
 * desk_project_file_load_finish:
 *
 * Returns: (transfer full): the project, or %NULL with @error set
 */
DeskProject *
desk_project_file_load_finish (GAsyncResult  *result,
                               GError       **error)
{
  g_return_val_if_fail (G_IS_TASK (result), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == desk_project_file_load_async,
                        NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* Locking */

struct _DeskProjectLock
{
  char *path;
  int   fd;
};

/* "process 123 on desk-4", from what the holder wrote in the lock file. */
static char *
describe_holder (const char *path)
{
  g_autofree char *contents = NULL;
  g_auto(GStrv) fields = NULL;

  if (!g_file_get_contents (path, &contents, NULL, NULL))
    return NULL;
  fields = g_strsplit (g_strstrip (contents), " ", 2);
  if (fields[0] == NULL || fields[1] == NULL || !g_ascii_isdigit (fields[0][0]) ||
      !g_utf8_validate (fields[1], -1, NULL))
    return NULL;

  return g_strdup_printf (_("process %s on %s"), fields[0], fields[1]);
}

/**
 * desk_project_file_lock:
 * @file: a project file (it need not exist yet)
 * @timeout_ms: how long to wait for another holder to finish
 * @error: return location for a #GError
 *
 * Takes the lock of the project in @file for reading it, changing it and saving it again:
 * a file beside it, "NAME.lock", locked with flock() (which Linux carries over NFS), with
 * the process id and host name of the holder in it. Waits up to @timeout_ms for another
 * holder; then fails with %G_IO_ERROR_BUSY and a message naming the project and the
 * holder. A holder that died lets go of the lock with its process.
 *
 * Returns: (transfer full): the lock, to release with desk_project_lock_release()
 */
DeskProjectLock *
desk_project_file_lock (GFile   *file,
                        guint    timeout_ms,
                        GError **error)
{
  g_autofree char *path = NULL;
  g_autofree char *lock_path = NULL;
  g_autofree char *name = NULL;
  gint64 deadline;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  name = g_file_get_parse_name (file);
  path = g_file_get_path (file);
  if (path == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   _("Cannot lock “%s”: it is not a local file"), name);
      return NULL;
    }

  lock_path = g_strconcat (path, ".lock", NULL);
  deadline = g_get_monotonic_time () + (gint64)timeout_ms * 1000;

  for (;;)
    {
      GStatBuf held, named;
      int fd = g_open (lock_path, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0666);

      if (fd < 0)
        {
          int saved_errno = errno;

          g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                       _("Cannot lock “%s”: %s"), name, g_strerror (saved_errno));
          return NULL;
        }

      if (flock (fd, LOCK_EX | LOCK_NB) == 0)
        {
          /* The holder before may have removed the file we opened when it let go. */
          if (fstat (fd, &held) == 0 && g_lstat (lock_path, &named) == 0 &&
              held.st_dev == named.st_dev && held.st_ino == named.st_ino)
            {
              DeskProjectLock *lock = g_new0 (DeskProjectLock, 1);
              g_autofree char *holder = g_strdup_printf ("%d %s\n", (int)getpid (),
                                                         g_get_host_name ());

              if (ftruncate (fd, 0) == 0 && write (fd, holder, strlen (holder)) < 0)
                g_debug ("Cannot note the holder in %s: %s", lock_path, g_strerror (errno));
              lock->path = g_steal_pointer (&lock_path);
              lock->fd = fd;
              return lock;
            }
          close (fd);
          continue;
        }

      if (errno != EWOULDBLOCK && errno != EINTR)
        {
          int saved_errno = errno;

          close (fd);
          g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                       _("Cannot lock “%s”: %s"), name, g_strerror (saved_errno));
          return NULL;
        }
      close (fd);

      if (g_get_monotonic_time () >= deadline)
        {
          g_autofree char *holder = describe_holder (lock_path);
          g_autofree char *shown = g_filename_display_name (lock_path);

          if (holder != NULL)
            g_set_error (error, G_IO_ERROR, G_IO_ERROR_BUSY,
                         _("“%s” is being changed by %s; try again when it has finished "
                           "(the lock is “%s”)"), name, holder, shown);
          else
            g_set_error (error, G_IO_ERROR, G_IO_ERROR_BUSY,
                         _("“%s” is being changed by another program; try again when it has "
                           "finished (the lock is “%s”)"), name, shown);
          return NULL;
        }

      g_usleep (50 * 1000);
    }
}

/**
 * desk_project_lock_release:
 * @lock: (transfer full): a lock from desk_project_file_lock()
 *
 * Removes the lock file and lets go of the lock.
 */
void
desk_project_lock_release (DeskProjectLock *lock)
{
  if (lock == NULL)
    return;

  g_unlink (lock->path);
  close (lock->fd);
  g_free (lock->path);
  g_free (lock);
}
