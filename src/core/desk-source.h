/* desk-source.h: one version of a story as received
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "desk-block.h"
#include "desk-credit.h"

G_BEGIN_DECLS

/* The largest file ingest reads unless told otherwise: 20 MB. */
#define DESK_SOURCE_DEFAULT_MAX_SIZE (20 * 1000 * 1000)

#define DESK_TYPE_SOURCE (desk_source_get_type ())

G_DECLARE_FINAL_TYPE (DeskSource, desk_source, DESK, SOURCE, GObject)

DeskSource        *desk_source_new_from_bytes    (GBytes            *bytes,
                                                  const char        *name,
                                                  DeskSourceOrigin   origin,
                                                  GError           **error);
DeskSource        *desk_source_new_for_file      (GFile             *file,
                                                  gsize              max_size,
                                                  GCancellable      *cancellable,
                                                  GError           **error);
void               desk_source_new_for_file_async (GFile            *file,
                                                   gsize             max_size,
                                                   GCancellable     *cancellable,
                                                   GAsyncReadyCallback callback,
                                                   gpointer          user_data);
DeskSource        *desk_source_new_for_file_finish (GAsyncResult    *result,
                                                    GError         **error);
GPtrArray         *desk_source_new_all_for_file  (GFile             *file,
                                                  gsize              max_size,
                                                  GCancellable      *cancellable,
                                                  GError           **error);
void               desk_source_new_all_for_file_async (GFile        *file,
                                                       gsize         max_size,
                                                       GCancellable *cancellable,
                                                       GAsyncReadyCallback callback,
                                                       gpointer      user_data);
GPtrArray         *desk_source_new_all_for_file_finish (GAsyncResult *result,
                                                        GError      **error);
GPtrArray         *desk_source_new_all_from_bytes (GBytes           *bytes,
                                                   const char       *name,
                                                   DeskSourceOrigin  origin,
                                                   GError          **error);

const char        *desk_source_get_id            (DeskSource        *self);
DeskSourceOrigin   desk_source_get_origin        (DeskSource        *self);
const char        *desk_source_get_name          (DeskSource        *self);
GFile             *desk_source_get_file          (DeskSource        *self);
GBytes            *desk_source_get_bytes         (DeskSource        *self);
const char        *desk_source_get_encoding      (DeskSource        *self);
guint              desk_source_get_n_repaired    (DeskSource        *self);
guint              desk_source_get_n_invalid     (DeskSource        *self);
const char        *desk_source_get_text          (DeskSource        *self);
guint              desk_source_get_n_markup_ranges (DeskSource      *self);
void               desk_source_get_markup_range  (DeskSource        *self,
                                                  guint              index,
                                                  gsize             *start,
                                                  gsize             *end);
const char        *desk_source_get_title         (DeskSource        *self);
const char        *desk_source_get_agency        (DeskSource        *self);
const char        *desk_source_get_dateline      (DeskSource        *self);
const char        *desk_source_get_date          (DeskSource        *self);
const char * const *desk_source_get_bylines      (DeskSource        *self);
GListModel        *desk_source_get_credits       (DeskSource        *self);
GListModel        *desk_source_get_blocks        (DeskSource        *self);
guint              desk_source_get_n_words       (DeskSource        *self);
char              *desk_source_dup_outlet        (DeskSource        *self);
const char        *desk_source_get_label         (DeskSource        *self);
const char        *desk_source_get_custom_label  (DeskSource        *self);
void               desk_source_set_label         (DeskSource        *self,
                                                  const char        *label);
guint              desk_source_count_blocks      (DeskSource        *self,
                                                  DeskBlockRole      role);

const char        *desk_source_get_format        (DeskSource        *self);
const char        *desk_source_get_slug          (DeskSource        *self);
const char        *desk_source_get_guid          (DeskSource        *self);
int                desk_source_get_version       (DeskSource        *self);
const char        *desk_source_get_signal        (DeskSource        *self);
char              *desk_source_dup_slug_key      (DeskSource        *self);
gboolean           desk_source_is_same_story     (DeskSource        *self,
                                                  DeskSource        *other);
gboolean           desk_source_is_update_of      (DeskSource        *self,
                                                  DeskSource        *other);
GPtrArray         *desk_source_find_updates      (DeskSource       **sources,
                                                  guint              n_sources);

G_END_DECLS
