/* desk-source.c: one version of a story as received
 *
 * A source keeps the bytes it was made from verbatim, the text they decode to, and the
 * blocks ingest found in that text: desk-ingest.c reads the bytes into parts (where every
 * block's role is decided), and a source is made of each part here. Block offsets are byte
 * offsets into the decoded text (desk_source_get_text()), which is what a viewer shows.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "desk-block-model.h"
#include "desk-block-private.h"
#include "desk-file.h"
#include "desk-format.h"
#include "desk-hash.h"
#include "desk-organization.h"
#include "desk-ingest-private.h"
#include "desk-markdown-private.h"
#include "desk-source-private.h"

struct _DeskSource
{
  GObject           parent_instance;

  char             *id;
  char             *name;
  GFile            *file;
  GBytes           *bytes;
  DeskSourceOrigin  origin;

  const char       *encoding;
  guint             n_repaired;
  guint             n_invalid;
  char             *text;
  gboolean          text_is_bytes;  /* text is bytes' data, owned by them: the same text */

  char             *title;
  char             *agency;
  char             *dateline;
  char             *date;
  GStrv             bylines;
  GArray           *markup;   /* DeskTextRange, found when first asked for */
  GListStore       *credits;
  DeskBlockModel   *blocks;
  guint             n_words;        /* in the body blocks: counted when a role changes */

  char             *label;          /* the editor's name for it, or NULL */
  char             *shown_label;    /* the project's (desk-project.c), or NULL */

  /* What the format says about the story (desk-source-private.h) */
  const char       *format;
  char             *slug;
  char             *slug_key;       /* slug_key (slug), made when the slug is known */
  char             *guid;
  int               version;
  gint64            version_time;   /* unix time of versionCreated, 0 when unknown */
  const char       *signal;
};

G_DEFINE_FINAL_TYPE (DeskSource, desk_source, G_TYPE_OBJECT)

static char *slug_key (const char *slug);
enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_FILE,
  PROP_ORIGIN,
  PROP_ENCODING,
  PROP_TITLE,
  PROP_AGENCY,
  PROP_DATELINE,
  PROP_DATE,
  PROP_CREDITS,
  PROP_BLOCKS,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
desk_source_finalize (GObject *object)
{
  DeskSource *self = (DeskSource *)object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->label, g_free);
  g_clear_pointer (&self->shown_label, g_free);
  g_clear_object (&self->file);
  g_clear_pointer (&self->bytes, g_bytes_unref);
  if (self->text_is_bytes)
    self->text = NULL;
  g_clear_pointer (&self->text, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->agency, g_free);
  g_clear_pointer (&self->dateline, g_free);
  g_clear_pointer (&self->date, g_free);
  g_clear_pointer (&self->bylines, g_strfreev);
  g_clear_pointer (&self->markup, g_array_unref);
  g_clear_object (&self->credits);

  /* A block may outlive its source (a view holds it) */
  if (self->blocks != NULL)
    {
      guint n_blocks;
      DeskBlock * const *blocks = desk_block_model_peek (self->blocks, &n_blocks);

      for (guint i = 0; i < n_blocks; i++)
        _desk_block_set_role_watch (blocks[i], NULL, NULL);
    }
  g_clear_object (&self->blocks);
  g_clear_pointer (&self->slug, g_free);
  g_clear_pointer (&self->slug_key, g_free);
  g_clear_pointer (&self->guid, g_free);

  G_OBJECT_CLASS (desk_source_parent_class)->finalize (object);
}

static void
desk_source_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  DeskSource *self = DESK_SOURCE (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;

    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    case PROP_FILE:
      g_value_set_object (value, self->file);
      break;

    case PROP_ORIGIN:
      g_value_set_enum (value, self->origin);
      break;

    case PROP_ENCODING:
      g_value_set_string (value, self->encoding);
      break;

    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;

    case PROP_AGENCY:
      g_value_set_string (value, self->agency);
      break;

    case PROP_DATELINE:
      g_value_set_string (value, self->dateline);
      break;

    case PROP_DATE:
      g_value_set_string (value, self->date);
      break;

    case PROP_CREDITS:
      g_value_set_object (value, self->credits);
      break;

    case PROP_BLOCKS:
      g_value_set_object (value, self->blocks);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
desk_source_class_init (DeskSourceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = desk_source_finalize;
  object_class->get_property = desk_source_get_property;

  properties[PROP_ID] = g_param_spec_string ("id", NULL, NULL, NULL, ro);
  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, NULL, ro);
  properties[PROP_FILE] = g_param_spec_object ("file", NULL, NULL, G_TYPE_FILE, ro);
  properties[PROP_ORIGIN] = g_param_spec_enum ("origin", NULL, NULL, DESK_TYPE_SOURCE_ORIGIN,
                                               DESK_SOURCE_ORIGIN_FILE, ro);
  properties[PROP_ENCODING] = g_param_spec_string ("encoding", NULL, NULL, NULL, ro);
  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL, ro);
  properties[PROP_AGENCY] = g_param_spec_string ("agency", NULL, NULL, NULL, ro);
  properties[PROP_DATELINE] = g_param_spec_string ("dateline", NULL, NULL, NULL, ro);
  properties[PROP_DATE] = g_param_spec_string ("date", NULL, NULL, NULL, ro);
  properties[PROP_CREDITS] = g_param_spec_object ("credits", NULL, NULL, G_TYPE_LIST_MODEL, ro);
  properties[PROP_BLOCKS] = g_param_spec_object ("blocks", NULL, NULL, G_TYPE_LIST_MODEL, ro);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * DeskSource::changed:
   *
   * Emitted when the role of one of the source's blocks changes, so that whatever was
   * computed from the blocks (suggestions, credits) can be computed again.
   */
  signals[CHANGED] = g_signal_new ("changed",
                                   G_TYPE_FROM_CLASS (klass),
                                   G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL,
                                   G_TYPE_NONE, 0);
}

static void
desk_source_init (DeskSource *self)
{
  self->credits = g_list_store_new (DESK_TYPE_CREDIT);
  {
    g_autoptr(GPtrArray) none = g_ptr_array_new ();

    self->blocks = desk_block_model_new (none);
  }
  self->format = DESK_FORMAT_TEXT;
}

/* The id names a source by its bytes: the same file added twice is the same source, and a
 * project file can tell its sources apart. Stories of one file differ by their place in
 * it: the file's hash is hashed again with the story's number, so that a file of many
 * stories is hashed once (@bytes_hash, when the caller has it), not once per story. */
static char *
make_id (const guchar  *data,
         gsize          size,
         guint          item,
         const guint64 *bytes_hash)
{
  guint64 h = bytes_hash != NULL ? *bytes_hash : desk_hash_bytes (data, size, 0);

  if (item > 0)
    {
      guint64 pair[2] = { GUINT64_TO_LE (h), GUINT64_TO_LE ((guint64)item) };

      h = desk_hash_bytes (pair, sizeof pair, 0);
    }

  return g_strdup_printf ("%016" G_GINT64_MODIFIER "x", h);
}

/* The words of the body blocks: counted once for each set of roles, since the panels ask
 * for it each time they show a source. */
static guint
count_body_words (DeskBlockModel *blocks)
{
  guint n = 0;
  guint n_items = g_list_model_get_n_items (G_LIST_MODEL (blocks));

  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(DeskBlock) block = g_list_model_get_item (G_LIST_MODEL (blocks), i);
      gboolean in_word = FALSE;

      if (desk_block_get_role (block) != DESK_BLOCK_ROLE_BODY)
        continue;

      /* Words are what lies between spaces, tabs and line breaks. */
      for (const char *p = desk_block_get_text (block); *p != '\0'; p++)
        {
          gboolean separator = *p == ' ' || *p == '\t' || *p == '\n';

          if (!separator && !in_word)
            n++;
          in_word = !separator;
        }
    }

  return n;
}

static void
block_role_changed (gpointer   owner,
                    DeskBlock *block)
{
  DeskSource *self = DESK_SOURCE (owner);

  self->n_words = count_body_words (self->blocks);
  g_signal_emit (self, signals[CHANGED], 0);
}

/* Takes what @classified found: the metadata and the blocks. */
static void
adopt_classified (DeskSource     *self,
                  DeskClassified *classified)
{
  g_autoptr(GPtrArray) blocks = g_ptr_array_new_full (classified->blocks->len, g_object_unref);

  self->title = g_steal_pointer (&classified->title);
  self->agency = g_steal_pointer (&classified->agency);
  self->dateline = g_steal_pointer (&classified->dateline);
  self->date = g_steal_pointer (&classified->date);

  g_ptr_array_add (classified->bylines, NULL);
  self->bylines = (GStrv)g_ptr_array_steal (classified->bylines, NULL);

  g_list_store_splice (self->credits, 0, 0,
                       classified->credits->pdata, classified->credits->len);

  /* Finalize stops the watches: a block may outlive its source. */
  for (guint i = 0; i < classified->blocks->len; i++)
    {
      DeskBlock *block = g_ptr_array_index (classified->blocks, i);

      _desk_block_set_role_watch (block, block_role_changed, self);
      g_ptr_array_add (blocks, g_object_ref (block));
    }
  g_clear_object (&self->blocks);
  self->blocks = desk_block_model_new (blocks);
  self->n_words = count_body_words (self->blocks);
}

static gint64
parse_version_time (const char *iso)
{
  g_autoptr(GDateTime) when = NULL;

  if (iso == NULL || iso[0] == '\0')
    return 0;

  when = g_date_time_new_from_iso8601 (iso, NULL);
  return when != NULL ? g_date_time_to_unix (when) : 0;
}

/* Makes a source of what ingest read, taking @part's text, blocks, credits and bylines. A
 * story of a file that holds several is called "@name (2 of 3)". */
static DeskSource *
new_from_part (DeskIngestPart   *part,
               const char       *name,
               DeskSourceOrigin  origin)
{
  DeskSource *self;
  gsize size;
  const guchar *data = g_bytes_get_data (part->bytes, &size);

  self = g_object_new (DESK_TYPE_SOURCE, NULL);
  self->bytes = g_bytes_ref (part->bytes);
  if (part->of > 0)
    self->name = g_strdup_printf (_("%s (%u of %u)"), name, part->number, part->of);
  else
    self->name = g_strdup (name);
  self->origin = origin;
  self->format = g_intern_string (part->format);

  self->id = make_id (data, size, part->item, part->has_bytes_hash ? &part->bytes_hash : NULL);

  self->encoding = g_intern_string (part->encoding != NULL ? part->encoding : "UTF-8");
  self->n_repaired = part->n_repaired;
  self->n_invalid = part->n_invalid;
  self->text = g_steal_pointer (&part->text);

  /* Text that decoding left as it came (UTF-8, nothing repaired) is kept once, as the
   * bytes: a roundup's sources then cost their size once, not twice. */
  if (strlen (self->text) == size && memcmp (self->text, data, size) == 0)
    {
      g_bytes_unref (self->bytes);
      self->bytes = g_bytes_new_with_free_func (self->text, size, g_free, self->text);
      self->text_is_bytes = TRUE;
    }

  self->slug = g_steal_pointer (&part->slug);
  self->slug_key = slug_key (self->slug);
  self->guid = g_steal_pointer (&part->guid);
  self->version = MAX (part->version, 0);
  self->version_time = parse_version_time (part->version_created);
  self->signal = part->signal != NULL ? g_intern_string (part->signal) : NULL;

  adopt_classified (self, part->classified);

  return self;
}

/* Names the source in @error's message, and makes the message valid UTF-8: parsers quote
 * the bytes they stumbled on ("tag mismatch: nit\xf1f"), and a message is shown to people. */
static void
prefix_read_error (GError     **error,
                   const char  *name)
{
  if (error == NULL || *error == NULL)
    return;

  g_prefix_error (error, _("Cannot read “%s”: "), name);
  if (!g_utf8_validate ((*error)->message, -1, NULL))
    {
      char *valid = g_utf8_make_valid ((*error)->message, -1);

      g_free ((*error)->message);
      (*error)->message = valid;
    }
}

/**
 * desk_source_new_from_bytes:
 * @bytes: the story as received, verbatim
 * @name: what to call the source in messages and lists (a file name, "Pasted text")
 * @origin: where it came from
 * @error: return location for a #GError
 *
 * Decodes and reads @bytes. Fails with a message that names @name when they are empty,
 * binary or cannot be read as text.
 *
 * Returns: (transfer full): a new source, or %NULL with @error set
 */
DeskSource *
desk_source_new_from_bytes (GBytes            *bytes,
                            const char        *name,
                            DeskSourceOrigin   origin,
                            GError           **error)
{
  g_autoptr(DeskIngestPart) part = NULL;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (name != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!(part = _desk_ingest_read (bytes, error)))
    {
      prefix_read_error (error, name);
      return NULL;
    }

  return new_from_part (part, name, origin);
}

/* Reads @file's bytes for ingest, refusing folders, devices, FIFOs and files over @max_size
 * (desk_file_load_bounded()). Every error names the file. */
static GBytes *
load_file_bytes (GFile         *file,
                 gsize          max_size,
                 GCancellable  *cancellable,
                 char         **name_out,
                 GError       **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *name = g_file_get_parse_name (file);

  if (max_size == 0)
    max_size = DESK_SOURCE_DEFAULT_MAX_SIZE;

  bytes = desk_file_load_bounded (file, max_size, cancellable, &local_error);
  if (bytes == NULL)
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY))
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY,
                     _("Cannot read “%s”: it is a folder, not a story"), name);
      else
        g_set_error (error, local_error->domain, local_error->code,
                     _("Cannot read “%s”: %s"), name, local_error->message);
      return NULL;
    }

  *name_out = g_steal_pointer (&name);

  /* Kept as read: desk_file_load_bounded() reads into a buffer of the file's size. */
  return g_steal_pointer (&bytes);
}

/**
 * desk_source_new_for_file:
 * @file: a file to read
 * @max_size: the largest file to accept, in bytes; 0 for %DESK_SOURCE_DEFAULT_MAX_SIZE
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Reads @file as a source (the first story, for a file that holds several: see
 * desk_source_new_all_for_file()). Every failure names the file and the problem: missing,
 * unreadable, a folder, over @max_size, empty, binary.
 *
 * Returns: (transfer full): a new source, or %NULL with @error set
 */
DeskSource *
desk_source_new_for_file (GFile         *file,
                          gsize          max_size,
                          GCancellable  *cancellable,
                          GError       **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *name = NULL;
  DeskSource *self;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!(bytes = load_file_bytes (file, max_size, cancellable, &name, error)))
    return NULL;

  self = desk_source_new_from_bytes (bytes, name, DESK_SOURCE_ORIGIN_FILE, error);
  if (self != NULL)
    self->file = g_object_ref (file);

  return self;
}

/**
 * desk_source_new_all_for_file:
 * @file: a file to read
 * @max_size: the largest file to accept, in bytes; 0 for %DESK_SOURCE_DEFAULT_MAX_SIZE
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Reads every story in @file: one for most files, several for a news message.
 *
 * Returns: (transfer container) (element-type DeskSource): the sources, or %NULL with
 *   @error set
 */
GPtrArray *
desk_source_new_all_for_file (GFile         *file,
                              gsize          max_size,
                              GCancellable  *cancellable,
                              GError       **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *name = NULL;
  GPtrArray *sources;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!(bytes = load_file_bytes (file, max_size, cancellable, &name, error)))
    return NULL;

  sources = desk_source_new_all_from_bytes (bytes, name, DESK_SOURCE_ORIGIN_FILE, error);
  for (guint i = 0; sources != NULL && i < sources->len; i++)
    {
      DeskSource *source = g_ptr_array_index (sources, i);

      g_set_object (&source->file, file);
    }

  return sources;
}

typedef struct
{
  GFile *file;
  gsize  max_size;
} LoadData;

static void
load_data_free (LoadData *data)
{
  g_clear_object (&data->file);
  g_free (data);
}

static void
new_for_file_thread (GTask        *task,
                     gpointer      source_object,
                     gpointer      task_data,
                     GCancellable *cancellable)
{
  LoadData *data = task_data;
  GError *error = NULL;

  if (g_task_get_source_tag (task) == desk_source_new_all_for_file_async)
    {
      GPtrArray *sources = desk_source_new_all_for_file (data->file, data->max_size, cancellable, &error);

      if (sources == NULL)
        g_task_return_error (task, error);
      else
        g_task_return_pointer (task, sources, (GDestroyNotify)g_ptr_array_unref);
    }
  else
    {
      DeskSource *source = desk_source_new_for_file (data->file, data->max_size, cancellable, &error);

      if (source == NULL)
        g_task_return_error (task, error);
      else
        g_task_return_pointer (task, source, g_object_unref);
    }
}

/* Ingest is computation: as many workers as processors. GTask's own pool runs up to ten
 * threads, which on a small machine spend a roundup's load switching between each other
 * and growing a malloc arena apiece. */
static void
ingest_worker (gpointer data,
               gpointer user_data)
{
  g_autoptr(GTask) task = data;

  new_for_file_thread (task, NULL, g_task_get_task_data (task), g_task_get_cancellable (task));
}

static GThreadPool *
ingest_pool (void)
{
  static GThreadPool *pool;

  if (g_once_init_enter (&pool))
    g_once_init_leave (&pool, g_thread_pool_new (ingest_worker, NULL,
                                                 MAX (2, (int)g_get_num_processors ()),
                                                 FALSE, NULL));
  return pool;
}

static void
run_load (GFile               *file,
          gsize                max_size,
          GCancellable        *cancellable,
          GAsyncReadyCallback  callback,
          gpointer             user_data,
          gpointer             source_tag)
{
  g_autoptr(GTask) task = NULL;
  LoadData *data = g_new0 (LoadData, 1);

  data->file = g_object_ref (file);
  data->max_size = max_size;

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, source_tag);
  g_task_set_task_data (task, data, (GDestroyNotify)load_data_free);
  /* Queued even when no new thread can be started: a running worker takes it. */
  g_thread_pool_push (ingest_pool (), g_steal_pointer (&task), NULL);
}

/**
 * desk_source_new_for_file_async:
 *
 * Reads and ingests @file in a worker thread. See desk_source_new_for_file().
 */
void
desk_source_new_for_file_async (GFile               *file,
                                gsize                max_size,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_return_if_fail (G_IS_FILE (file));

  run_load (file, max_size, cancellable, callback, user_data, desk_source_new_for_file_async);
}

DeskSource *
desk_source_new_for_file_finish (GAsyncResult  *result,
                                 GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * desk_source_new_all_for_file_async:
 *
 * Reads and ingests every story in @file in a worker thread. See
 * desk_source_new_all_for_file().
 */
void
desk_source_new_all_for_file_async (GFile               *file,
                                    gsize                max_size,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  g_return_if_fail (G_IS_FILE (file));

  run_load (file, max_size, cancellable, callback, user_data, desk_source_new_all_for_file_async);
}

/**
 * desk_source_new_all_for_file_finish:
 *
 * Returns: (transfer container) (element-type DeskSource): the sources, or %NULL with
 *   @error set
 */
GPtrArray *
desk_source_new_all_for_file_finish (GAsyncResult  *result,
                                     GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* A project gives a source another id when its own is taken by a source with other
 * content (desk_project_add_source()). */
void
_desk_source_set_id (DeskSource *self,
                     const char *id)
{
  g_return_if_fail (DESK_IS_SOURCE (self));
  g_return_if_fail (id != NULL);

  g_free (self->id);
  self->id = g_strdup (id);
}

/**
 * desk_source_get_id:
 *
 * Returns: a short identifier derived from the source's bytes: the same story read twice
 *   has the same id
 */
const char *
desk_source_get_id (DeskSource *self)
{
  g_return_val_if_fail (DESK_IS_SOURCE (self), NULL);
  return self->id;
}

DeskSourceOrigin
desk_source_get_origin (DeskSource *self)
{
  g_return_val_if_fail (DESK_IS_SOURCE (self), DESK_SOURCE_ORIGIN_FILE);
  return self->origin;
}

const char *
desk_source_get_name (DeskSource *self)
{
  g_return_val_if_fail (DESK_IS_SOURCE (self), NULL);
  return self->name;
}

/**
 * desk_source_get_file:
 *
 * Returns: (transfer none) (nullable): the file the source was read from
 */
GFile *
desk_source_get_file (DeskSource *self)
{
  g_return_val_if_fail (DESK_IS_SOURCE (self), NULL);
  return self->file;
}

/**
 * desk_source_get_bytes:
 *
 * Returns: (transfer none): the bytes as received, verbatim
 */
GBytes *
desk_source_get_bytes (DeskSource *self)
{
  g_return_val_if_fail (DESK_IS_SOURCE (self), NULL);
  return self->bytes;
}

const char *
desk_source_get_encoding (DeskSource *self)
{
  g_return_val_if_fail (DESK_IS_SOURCE (self), NULL);
  return self->encoding;
}

/**
 * desk_source_get_n_repaired:
 *
 * Returns: how many mojibake sequences were repaired
 */
guint
desk_source_get_n_repaired (DeskSource *self)
{
  g_return_val_if_fail (DESK_IS_SOURCE (self), 0);
  return self->n_repaired;
}

/**
 * desk_source_get_n_invalid:
 *
 * Returns: how many invalid byte sequences were replaced by U+FFFD
 */
guint
desk_source_get_n_invalid (DeskSource *self)
{
  g_return_val_if_fail (DESK_IS_SOURCE (self), 0);
  return self->n_invalid;
}

/**
 * desk_source_get_text:
 *
 * Returns: the decoded text; block offsets point into it
 */
const char *
desk_source_get_text (DeskSource *self)
{
  g_return_val_if_fail (DESK_IS_SOURCE (self), NULL);
  return self->text;
}

static GArray *
get_markup (DeskSource *self)
{
  GListModel *blocks;
  guint n_blocks;

  if (self->markup != NULL)
    return self->markup;

  self->markup = g_array_new (FALSE, FALSE, sizeof (DeskTextRange));
  blocks = desk_source_get_blocks (self);
  n_blocks = g_list_model_get_n_items (blocks);
  for (guint i = 0; i < n_blocks; i++)
    {
      g_autoptr(DeskBlock) block = g_list_model_get_item (blocks, i);
      gsize length = strlen (self->text);
      gsize start = MIN (desk_block_get_start (block), length);
      gsize end = MIN (MAX (desk_block_get_end (block), start), length);

      _desk_markdown_ranges (self->text, start, end, self->markup);
    }

  return self->markup;
}

/**
 * desk_source_get_n_markup_ranges:
 *
 * The markup a scraper left in the text ("## " before a heading, "**" around bold, a
 * link's brackets and address), which reading the source takes out of its blocks'
 * text: a view hides these ranges to show the source as its reader saw it.
 *
 * Returns: how many ranges of markup the text has
 */
guint
desk_source_get_n_markup_ranges (DeskSource *self)
{
  g_return_val_if_fail (DESK_IS_SOURCE (self), 0);

  return get_markup (self)->len;
}

/**
 * desk_source_get_markup_range:
 * @start: (out): where the range starts in desk_source_get_text(), in bytes
 * @end: (out): where it ends
 *
 * One range of markup, in the order of the text (desk_source_get_n_markup_ranges()).
 */
void
desk_source_get_markup_range (DeskSource *self,
                              guint       index,
                              gsize      *start,
                              gsize      *end)
{
  GArray *markup;
  const DeskTextRange *range;

  g_return_if_fail (DESK_IS_SOURCE (self));
  markup = get_markup (self);
  g_return_if_fail (index < markup->len);

  range = &g_array_index (markup, DeskTextRange, index);
  *start = range->start;
  *end = range->end;
}

const char *
desk_source_get_title (DeskSource *self)
{
  g_return_val_if_fail (DESK_IS_SOURCE (self), NULL);
  return self->title;
}

const char *
desk_source_get_agency (DeskSource *self)
{
  g_return_val_if_fail (DESK_IS_SOURCE (self), NULL);
  return self->agency;
}

const char *
desk_source_get_dateline (DeskSource *self)
{
  g_return_val_if_fail (DESK_IS_SOURCE (self), NULL);
  return self->dateline;
}

/**
 * desk_source_get_date:
 *
 * Returns: (nullable): the story's date as an ISO 8601 date, when a stamp gave one
 */
const char *
desk_source_get_date (DeskSource *self)
{
  g_return_val_if_fail (DESK_IS_SOURCE (self), NULL);
  return self->date;
}

/**
 * desk_source_get_bylines:
 *
 * Returns: (transfer none): the names in the source's bylines
 */
const char * const *
desk_source_get_bylines (DeskSource *self)
{
  g_return_val_if_fail (DESK_IS_SOURCE (self), NULL);
  return (const char * const *)self->bylines;
}

/**
 * desk_source_get_credits:
 *
 * Returns: (transfer none): a #GListModel of #DeskCredit: everyone the source credits
 */
GListModel *
desk_source_get_credits (DeskSource *self)
{
  g_return_val_if_fail (DESK_IS_SOURCE (self), NULL);
  return G_LIST_MODEL (self->credits);
}

/**
 * desk_source_get_blocks:
 *
 * Returns: (transfer none): a #GListModel of #DeskBlock in document order
 */
GListModel *
desk_source_get_blocks (DeskSource *self)
{
  g_return_val_if_fail (DESK_IS_SOURCE (self), NULL);
  return G_LIST_MODEL (self->blocks);
}

/**
 * desk_source_count_blocks:
 * @role: a role
 *
 * Returns: how many blocks currently have @role
 */
guint
desk_source_count_blocks (DeskSource    *self,
                          DeskBlockRole  role)
{
  DeskBlock * const *blocks;
  guint n_blocks;
  guint n = 0;

  g_return_val_if_fail (DESK_IS_SOURCE (self), 0);

  blocks = desk_block_model_peek (self->blocks, &n_blocks);
  for (guint i = 0; i < n_blocks; i++)
    if (desk_block_get_role (blocks[i]) == role)
      n++;

  return n;
}

/**
 * desk_source_get_n_words:
 *
 * Returns: the number of words in the source's body blocks
 */
guint
desk_source_get_n_words (DeskSource *self)
{
  g_return_val_if_fail (DESK_IS_SOURCE (self), 0);

  return self->n_words;
}

/* ---- What the editor calls it ------------------------------------------------------------ */

/* The web site a page came from: the first address in the page's furniture or around the
 * story ("http://www.gnn9.com", "www.example.co.uk/news/…"), without "www." and path. */
static char *
site_of (DeskSource *self)
{
  DeskBlock * const *blocks;
  guint n_blocks;

  blocks = desk_block_model_peek (self->blocks, &n_blocks);
  for (guint i = 0; i < n_blocks; i++)
    {
      DeskBlockRole role = desk_block_get_role (blocks[i]);
      const char *text = desk_block_get_text (blocks[i]);
      const char *start;
      const char *end;

      if (role == DESK_BLOCK_ROLE_BODY || role == DESK_BLOCK_ROLE_HEADLINE || text == NULL)
        continue;
      if ((start = strstr (text, "://")) != NULL)
        start += 3;
      else if ((start = strstr (text, "www.")) == NULL)
        continue;

      end = start;
      while (g_ascii_isalnum (*end) || *end == '.' || *end == '-')
        end++;
      while (end > start && end[-1] == '.')
        end--;
      if (g_str_has_prefix (start, "www."))
        start += 4;
      if (end - start >= 4 && memchr (start, '.', end - start) != NULL)
        return g_ascii_strdown (start, end - start);
    }

  return NULL;
}

/**
 * desk_source_dup_outlet:
 *
 * Who the source is from, as a desk calls it: the web site it was read from and the agency
 * whose copy it is ("gnn9.com (PTI)"), the agency alone ("AP"), or the organisation its
 * byline names.
 *
 * Returns: (transfer full) (nullable): the outlet, or %NULL when nothing in the source
 *   tells
 */
char *
desk_source_dup_outlet (DeskSource *self)
{
  g_autofree char *site = NULL;
  const char *agency;
  guint n_credits;

  g_return_val_if_fail (DESK_IS_SOURCE (self), NULL);

  site = site_of (self);
  agency = self->agency != NULL && self->agency[0] != '\0' ? self->agency : NULL;

  n_credits = g_list_model_get_n_items (G_LIST_MODEL (self->credits));
  for (guint i = 0; i < n_credits && agency == NULL; i++)
    {
      g_autoptr(DeskCredit) credit = g_list_model_get_item (G_LIST_MODEL (self->credits), i);
      const char *organization = desk_credit_get_organization (credit);
      const char *role = desk_credit_get_role (credit);

      if (organization != NULL && (g_strcmp0 (role, DESK_CREDIT_ROLE_AUTHOR) == 0 ||
                                   g_strcmp0 (role, DESK_CREDIT_ROLE_AGENCY) == 0))
        agency = organization;
    }
  if (agency != NULL && desk_organization_short_name (agency) != NULL)
    agency = desk_organization_short_name (agency);

  if (site != NULL && agency != NULL)
    return g_strdup_printf ("%s (%s)", site, agency);
  if (site != NULL)
    return g_steal_pointer (&site);
  return g_strdup (agency);
}

/**
 * desk_source_get_label:
 *
 * What the source is called everywhere the editor sees it: the name the editor gave it,
 * or the one its project made from its outlet (desk_source_dup_outlet(), told apart from
 * other versions of the same outlet), or its file's name.
 *
 * Returns: the label
 */
const char *
desk_source_get_label (DeskSource *self)
{
  g_return_val_if_fail (DESK_IS_SOURCE (self), NULL);

  if (self->label != NULL)
    return self->label;
  if (self->shown_label == NULL)
    {
      g_autofree char *base = g_path_get_basename (self->name != NULL ? self->name : "");
      char *dot = strrchr (base, '.');

      if (dot != NULL && dot != base && strlen (dot) <= 6)
        *dot = '\0';
      self->shown_label = g_steal_pointer (&base);
    }
  return self->shown_label;
}

/**
 * desk_source_get_custom_label:
 *
 * Returns: (nullable): the name the editor gave the source, or %NULL
 */
const char *
desk_source_get_custom_label (DeskSource *self)
{
  g_return_val_if_fail (DESK_IS_SOURCE (self), NULL);
  return self->label;
}

/**
 * desk_source_set_label:
 * @label: (nullable): the editor's name for the source, or %NULL for the one it is given
 *
 * Names the source; emits #DeskSource::changed (a project saves the name).
 */
void
desk_source_set_label (DeskSource *self,
                       const char *label)
{
  g_autofree char *tidy = NULL;

  g_return_if_fail (DESK_IS_SOURCE (self));

  if (label != NULL && g_utf8_validate (label, -1, NULL))
    {
      tidy = g_strstrip (g_strdup (label));
      if (tidy[0] == '\0')
        g_clear_pointer (&tidy, g_free);
    }
  if (g_strcmp0 (tidy, self->label) == 0)
    return;

  g_free (self->label);
  self->label = g_steal_pointer (&tidy);
  g_signal_emit (self, signals[CHANGED], 0);
}

void
_desk_source_set_shown_label (DeskSource *self,
                              const char *label)
{
  g_return_if_fail (DESK_IS_SOURCE (self));

  if (g_strcmp0 (self->shown_label, label) == 0)
    return;
  g_free (self->shown_label);
  self->shown_label = g_strdup (label);
}

/* ---- Wire formats (desk-format.h, desk-reader-private.h) ------------------------------- */

/**
 * desk_source_new_all_from_bytes:
 * @bytes: a file as received, verbatim
 * @name: what to call the file in messages and lists
 * @origin: where it came from
 * @error: return location for a #GError
 *
 * Reads every story in @bytes. Most files hold one; a NewsML-G2 news message or a
 * NewsML 1.x file may hold several, each of which becomes a source of its own (named
 * "@name (2 of 3)").
 *
 * Returns: (transfer container) (element-type DeskSource): the sources, or %NULL with
 *   @error set
 */
GPtrArray *
desk_source_new_all_from_bytes (GBytes            *bytes,
                                const char        *name,
                                DeskSourceOrigin   origin,
                                GError           **error)
{
  g_autoptr(GPtrArray) parts = NULL;
  GPtrArray *sources;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (name != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!(parts = _desk_ingest_read_all (bytes, error)))
    {
      prefix_read_error (error, name);
      return NULL;
    }

  sources = g_ptr_array_new_full (parts->len, g_object_unref);
  for (guint i = 0; i < parts->len; i++)
    g_ptr_array_add (sources, new_from_part (g_ptr_array_index (parts, i), name, origin));

  return sources;
}

/**
 * desk_source_get_format:
 *
 * Returns: what the source was read as: "text", "html", "newsml-g2", "nitf", "ninjs",
 *   "anpa", "iptc7901" or "newsml" (see desk-format.h)
 */
const char *
desk_source_get_format (DeskSource *self)
{
  g_return_val_if_fail (DESK_IS_SOURCE (self), NULL);
  return self->format;
}

/**
 * desk_source_get_slug:
 *
 * Returns: (nullable): the story's slug or keyword ("BC-US--Ethanol-Losing Grassland"),
 *   without its version, when the format has one
 */
const char *
desk_source_get_slug (DeskSource *self)
{
  g_return_val_if_fail (DESK_IS_SOURCE (self), NULL);
  return self->slug;
}

/**
 * desk_source_get_guid:
 *
 * Returns: (nullable): the identifier every version of the story shares, when the format
 *   has one
 */
const char *
desk_source_get_guid (DeskSource *self)
{
  g_return_val_if_fail (DESK_IS_SOURCE (self), NULL);
  return self->guid;
}

/**
 * desk_source_get_version:
 *
 * Returns: the version of the story, from 1 (a "1st Ld-Writethru" is version 2); 0 when
 *   unknown
 */
int
desk_source_get_version (DeskSource *self)
{
  g_return_val_if_fail (DESK_IS_SOURCE (self), 0);
  return self->version;
}

/**
 * desk_source_get_signal:
 *
 * Returns: (nullable): "update" or "correction" when the agency marked the story as one
 */
const char *
desk_source_get_signal (DeskSource *self)
{
  g_return_val_if_fail (DESK_IS_SOURCE (self), NULL);
  return self->signal;
}

/* Slugs match whatever their spacing, case and punctuation: "BC-US--Ethanol-Losing
 * Grassland" and "BC-US--Ethanol-LosingGrassland" are one story. */
static char *
slug_key (const char *slug)
{
  GString *key;

  if (slug == NULL)
    return NULL;

  key = g_string_new (NULL);
  for (const char *p = slug; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isalnum (c))
        g_string_append_unichar (key, g_unichar_tolower (c));
    }

  if (key->len == 0)
    {
      g_string_free (key, TRUE);
      return NULL;
    }

  return g_string_free (key, FALSE);
}

/**
 * desk_source_is_same_story:
 * @other: another source
 *
 * Returns: whether @self and @other are versions of one story: the same guid, or the same
 *   slug
 */
gboolean
desk_source_is_same_story (DeskSource *self,
                           DeskSource *other)
{
  g_return_val_if_fail (DESK_IS_SOURCE (self), FALSE);
  g_return_val_if_fail (DESK_IS_SOURCE (other), FALSE);

  if (self == other)
    return FALSE;

  if (self->guid != NULL && other->guid != NULL)
    return g_str_equal (self->guid, other->guid);

  /* Keys made once a source: the suggester and the sources panel compare every pair. */
  return self->slug_key != NULL && other->slug_key != NULL &&
         g_str_equal (self->slug_key, other->slug_key);
}

/**
 * desk_source_dup_slug_key:
 *
 * The slug as desk_source_is_same_story() compares it (letters and digits, lower case),
 * so that many sources can be grouped by story without comparing each pair.
 *
 * Returns: (transfer full) (nullable): the key, or %NULL when the source has no slug
 */
char *
desk_source_dup_slug_key (DeskSource *self)
{
  g_return_val_if_fail (DESK_IS_SOURCE (self), NULL);

  return slug_key (self->slug);
}

/**
 * desk_source_is_update_of:
 * @other: another source
 *
 * Tells whether @self is a later version of the story @other is: the same guid or slug,
 * and a higher version (a writethru of the original), or, where the versions do not
 * tell, a later versionCreated, or an update or correction signal that @other lacks.
 *
 * Returns: %TRUE if @self updates @other
 */
gboolean
desk_source_is_update_of (DeskSource *self,
                          DeskSource *other)
{
  g_return_val_if_fail (DESK_IS_SOURCE (self), FALSE);
  g_return_val_if_fail (DESK_IS_SOURCE (other), FALSE);

  if (!desk_source_is_same_story (self, other))
    return FALSE;

  if (self->version != other->version && self->version > 0 && other->version > 0)
    return self->version > other->version;

  /* A writethru updates a copy that does not say its version. */
  if (self->version >= 2 && other->version == 0)
    return TRUE;
  if (other->version >= 2 && self->version == 0)
    return FALSE;

  if (self->version_time != 0 && other->version_time != 0 &&
      self->version_time != other->version_time)
    return self->version_time > other->version_time;

  return self->signal != NULL && other->signal == NULL;
}

static void
add_to_group (GHashTable *groups,
              const char *key,
              guint       index)
{
  GArray *group = g_hash_table_lookup (groups, key);

  if (group == NULL)
    {
      group = g_array_new (FALSE, FALSE, sizeof (guint));
      g_hash_table_insert (groups, (gpointer)key, group);
    }
  g_array_append_val (group, index);
}

static int
compare_index (gconstpointer a,
               gconstpointer b)
{
  guint x = *(const guint *)a, y = *(const guint *)b;

  return (x > y) - (x < y);
}

/**
 * desk_source_find_updates:
 * @sources: (array length=n_sources): sources
 * @n_sources: how many
 *
 * For each of @sources, the others of @sources it is a later version of
 * (desk_source_is_update_of()). Only sources with the same guid or the same slug can update
 * each other, so each is compared with those alone, not with every other: a project or a
 * news message of a thousand versions is not a million comparisons.
 *
 * Returns: (transfer full) (element-type GPtrArray): @n_sources arrays, in the order of
 *   @sources, each of the sources (borrowed) that one updates, in the order of @sources
 */
GPtrArray *
desk_source_find_updates (DeskSource **sources,
                          guint        n_sources)
{
  g_autoptr(GHashTable) by_guid = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                                         (GDestroyNotify)g_array_unref);
  g_autoptr(GHashTable) by_slug = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                                         (GDestroyNotify)g_array_unref);
  GPtrArray *updates = g_ptr_array_new_full (n_sources, (GDestroyNotify)g_ptr_array_unref);

  g_return_val_if_fail (sources != NULL || n_sources == 0, updates);

  for (guint i = 0; i < n_sources; i++)
    {
      if (sources[i]->guid != NULL)
        add_to_group (by_guid, sources[i]->guid, i);
      if (sources[i]->slug_key != NULL)
        add_to_group (by_slug, sources[i]->slug_key, i);
    }

  for (guint i = 0; i < n_sources; i++)
    {
      DeskSource *source = sources[i];
      g_autoptr(GArray) candidates = g_array_new (FALSE, FALSE, sizeof (guint));
      GPtrArray *older = g_ptr_array_new ();
      GArray *group;

      if (source->guid != NULL && (group = g_hash_table_lookup (by_guid, source->guid)))
        g_array_append_vals (candidates, group->data, group->len);
      if (source->slug_key != NULL && (group = g_hash_table_lookup (by_slug, source->slug_key)))
        g_array_append_vals (candidates, group->data, group->len);
      g_array_sort (candidates, compare_index);

      for (guint k = 0; k < candidates->len; k++)
        {
          guint j = g_array_index (candidates, guint, k);

          if ((k > 0 && j == g_array_index (candidates, guint, k - 1)) || j == i)
            continue;
          if (desk_source_is_update_of (source, sources[j]))
            g_ptr_array_add (older, sources[j]);
        }
      g_ptr_array_add (updates, older);
    }

  return updates;
}
