/* desk-export.h: the finished story, as the next system takes it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "desk-project.h"

G_BEGIN_DECLS

typedef enum
{
  DESK_EXPORT_FORMAT_TEXT,
  DESK_EXPORT_FORMAT_HTML,
  DESK_EXPORT_FORMAT_MARKDOWN,
  DESK_EXPORT_FORMAT_NINJS,
} DeskExportFormat;

typedef enum
{
  DESK_CREDIT_STYLE_CONTRIBUTOR_LINE,  /* "Information for this article was contributed by …" */
  DESK_CREDIT_STYLE_AGENCY_LINE,       /* "With reporting by AP, Bloomberg and PTI." */
  DESK_CREDIT_STYLE_NONE,
} DeskCreditStyle;

typedef struct
{
  DeskExportFormat format;
  DeskCreditStyle  credit_style;
  guint            wrap_width;       /* text: wrap at this many columns; 0: one line a paragraph */
  gboolean         ascii_quotes;     /* fold typographic quotes and dashes to ASCII */
  gboolean         fragment;         /* HTML: an <article> to paste into a CMS, not a document */
  gboolean         provenance;       /* HTML: data-sources attributes; text: per-paragraph attribution */
} DeskExportOptions;

void      desk_export_options_init        (DeskExportOptions  *options);
void      desk_export_options_init_for_project (DeskExportOptions *options,
                                                DeskProject       *project);
gboolean  desk_export_format_from_string  (const char         *name,
                                           DeskExportFormat   *format);
const char *desk_export_format_to_string  (DeskExportFormat    format);
const char *desk_export_format_get_extension (DeskExportFormat format);
char     *desk_export_to_string           (DeskProject        *project,
                                           const DeskExportOptions *options);
char     *desk_export_render              (DeskProject        *project,
                                           const DeskExportOptions *options);
gboolean  desk_export_to_file             (DeskProject        *project,
                                           const DeskExportOptions *options,
                                           GFile              *file,
                                           GCancellable       *cancellable,
                                           GError            **error);
gboolean  desk_export_write_atomically    (GFile              *file,
                                           const char         *data,
                                           gsize               length,
                                           GCancellable       *cancellable,
                                           GError            **error);

G_END_DECLS
