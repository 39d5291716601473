/* desk-json-writer.h: JSON written as a stream, without a tree
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <stdio.h>

#include <glib.h>

G_BEGIN_DECLS

typedef struct _DeskJsonWriter DeskJsonWriter;

DeskJsonWriter *desk_json_writer_new          (FILE           *file);
void            desk_json_writer_free         (DeskJsonWriter *writer);

void            desk_json_writer_begin_object (DeskJsonWriter *writer);
void            desk_json_writer_end_object   (DeskJsonWriter *writer);
void            desk_json_writer_begin_array  (DeskJsonWriter *writer);
void            desk_json_writer_end_array    (DeskJsonWriter *writer);
void            desk_json_writer_member       (DeskJsonWriter *writer,
                                               const char     *name);

void            desk_json_writer_string       (DeskJsonWriter *writer,
                                               const char     *value);
void            desk_json_writer_string_len   (DeskJsonWriter *writer,
                                               const char     *value,
                                               gsize           length);
void            desk_json_writer_int          (DeskJsonWriter *writer,
                                               gint64          value);
void            desk_json_writer_double       (DeskJsonWriter *writer,
                                               double          value);
void            desk_json_writer_boolean      (DeskJsonWriter *writer,
                                               gboolean        value);
void            desk_json_writer_null         (DeskJsonWriter *writer);

gboolean        desk_json_writer_finish       (DeskJsonWriter  *writer,
                                               GError         **error);

char           *desk_json_escape              (const char     *value,
                                               gsize           length);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DeskJsonWriter, desk_json_writer_free)

G_END_DECLS
