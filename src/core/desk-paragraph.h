/* desk-paragraph.h: one paragraph of the draft, with where it came from
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define DESK_TYPE_PARAGRAPH (desk_paragraph_get_type ())

G_DECLARE_FINAL_TYPE (DeskParagraph, desk_paragraph, DESK, PARAGRAPH, GObject)

DeskParagraph *desk_paragraph_new                   (const char    *text);
DeskParagraph *desk_paragraph_new_from_block        (const char    *text,
                                                     const char    *source_id,
                                                     guint          block);
DeskParagraph *desk_paragraph_copy                  (DeskParagraph *self);
const char    *desk_paragraph_get_text              (DeskParagraph *self);
void           desk_paragraph_set_text              (DeskParagraph *self,
                                                     const char    *text);
gboolean       desk_paragraph_get_edited            (DeskParagraph *self);
guint          desk_paragraph_get_n_provenance      (DeskParagraph *self);
const char    *desk_paragraph_get_provenance_source (DeskParagraph *self,
                                                     guint          index);
guint          desk_paragraph_get_provenance_block  (DeskParagraph *self,
                                                     guint          index);
void           desk_paragraph_add_provenance        (DeskParagraph *self,
                                                     const char    *source_id,
                                                     guint          block);
gboolean       desk_paragraph_has_source            (DeskParagraph *self,
                                                     const char    *source_id);
void           desk_paragraph_add_span              (DeskParagraph *self,
                                                     guint          start,
                                                     guint          end,
                                                     const char    *source_id,
                                                     guint          block);
void           desk_paragraph_clear_spans           (DeskParagraph *self);
guint          desk_paragraph_get_n_spans           (DeskParagraph *self);
guint          desk_paragraph_get_span              (DeskParagraph *self,
                                                     guint          index,
                                                     guint         *start,
                                                     guint         *end);
const char    *desk_paragraph_get_span_source       (DeskParagraph *self,
                                                     guint          index,
                                                     guint          source);
guint          desk_paragraph_get_span_block        (DeskParagraph *self,
                                                     guint          index,
                                                     guint          source);
int            desk_paragraph_find_span             (DeskParagraph *self,
                                                     guint          offset);
GStrv          desk_paragraph_dup_sources_at        (DeskParagraph *self,
                                                     guint          offset);
gboolean       desk_paragraph_provenance_equal      (DeskParagraph *self,
                                                     DeskParagraph *other);

G_END_DECLS
