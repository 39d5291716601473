/* desk-reader-private.h: the readers of agency and web formats, and what they share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <libxml/tree.h>

#include "desk-ingest-part-private.h"

G_BEGIN_DECLS

/* ---- Entry points (desk-ingest.c calls them on what desk_format_detect() said) ---------
 *
 * Each returns the parts of the (first) story, or with _read_all every story of a file
 * that holds several, or %NULL with @error set. */

DeskIngestPart *_desk_reader_html_read          (GBytes   *bytes,
                                                 GError  **error);
DeskIngestPart *_desk_reader_newsml_g2_read     (GBytes   *bytes,
                                                 GError  **error);
GPtrArray      *_desk_reader_newsml_g2_read_all (GBytes   *bytes,
                                                 GError  **error);
DeskIngestPart *_desk_reader_nitf_read          (GBytes   *bytes,
                                                 GError  **error);
DeskIngestPart *_desk_reader_ninjs_read         (GBytes   *bytes,
                                                 GError  **error);
DeskIngestPart *_desk_reader_anpa_read          (GBytes   *bytes,
                                                 GError  **error);
DeskIngestPart *_desk_reader_iptc7901_read      (GBytes   *bytes,
                                                 GError  **error);
GPtrArray      *_desk_reader_anpa_read_all      (GBytes   *bytes,
                                                 GError  **error);
GPtrArray      *_desk_reader_iptc7901_read_all  (GBytes   *bytes,
                                                 GError  **error);
DeskIngestPart *_desk_reader_newsml_read        (GBytes   *bytes,
                                                 GError  **error);
GPtrArray      *_desk_reader_newsml_read_all    (GBytes   *bytes,
                                                 GError  **error);

/* ---- A story being read ---------------------------------------------------------------
 *
 * Readers write what they find in reading order: headline, decks, editors' notes, byline,
 * the body's paragraphs, credit lines. Each becomes a paragraph of the part's text (a
 * plain rendering of the story, paragraphs separated by blank lines) and a block with a
 * role; metadata (slug, version, dates, credits) goes beside.
 */
typedef struct _DeskReaderDoc DeskReaderDoc;

DeskReaderDoc *_desk_reader_doc_new              (const char    *format);
void           _desk_reader_doc_free             (DeskReaderDoc *doc);

void           _desk_reader_doc_add              (DeskReaderDoc *doc,
                                                  DeskBlockRole  role,
                                                  const char    *text,
                                                  const char    *reason);
void           _desk_reader_doc_add_headline     (DeskReaderDoc *doc,
                                                  const char    *text);
void           _desk_reader_doc_add_deck         (DeskReaderDoc *doc,
                                                  const char    *text);
void           _desk_reader_doc_add_byline       (DeskReaderDoc *doc,
                                                  const char    *text);
void           _desk_reader_doc_add_note         (DeskReaderDoc *doc,
                                                  const char    *text);
void           _desk_reader_doc_add_credit_line  (DeskReaderDoc *doc,
                                                  const char    *text);
void           _desk_reader_doc_add_caption      (DeskReaderDoc *doc,
                                                  const char    *text,
                                                  const char    *photographer);
void           _desk_reader_doc_add_paragraph    (DeskReaderDoc *doc,
                                                  const char    *text,
                                                  DeskBlockRole  hint,
                                                  const char    *reason);
void           _desk_reader_doc_add_text_body    (DeskReaderDoc *doc,
                                                  const char    *text);
void           _desk_reader_doc_add_end_matter   (DeskReaderDoc *doc,
                                                  const char    *text);

void           _desk_reader_doc_add_credit       (DeskReaderDoc *doc,
                                                  const char    *name,
                                                  const char    *organization,
                                                  const char    *role);
void           _desk_reader_doc_add_author       (DeskReaderDoc *doc,
                                                  const char    *name);
void           _desk_reader_doc_set_dateline     (DeskReaderDoc *doc,
                                                  const char    *dateline,
                                                  gboolean       printed);
void           _desk_reader_doc_set_agency       (DeskReaderDoc *doc,
                                                  const char    *organization);
void           _desk_reader_doc_set_date         (DeskReaderDoc *doc,
                                                  const char    *timestamp);
void           _desk_reader_doc_set_version_created (DeskReaderDoc *doc,
                                                  const char    *timestamp);
void           _desk_reader_doc_set_slug         (DeskReaderDoc *doc,
                                                  const char    *slug);
void           _desk_reader_doc_set_guid         (DeskReaderDoc *doc,
                                                  const char    *guid);
void           _desk_reader_doc_set_version      (DeskReaderDoc *doc,
                                                  int            version);
void           _desk_reader_doc_set_signal       (DeskReaderDoc *doc,
                                                  const char    *signal);
void           _desk_reader_doc_set_encoding     (DeskReaderDoc *doc,
                                                  const char    *encoding,
                                                  guint          n_repaired,
                                                  guint          n_invalid);

const char    *_desk_reader_doc_get_title        (DeskReaderDoc *doc);
const char    *_desk_reader_doc_get_slug         (DeskReaderDoc *doc);
int            _desk_reader_doc_get_version      (DeskReaderDoc *doc);
guint          _desk_reader_doc_get_n_blocks     (DeskReaderDoc *doc);
guint          _desk_reader_doc_get_n_authors    (DeskReaderDoc *doc);
guint          _desk_reader_doc_count_role       (DeskReaderDoc *doc,
                                                  DeskBlockRole  role);
guint          _desk_reader_doc_get_n_body       (DeskReaderDoc *doc);

DeskIngestPart *_desk_reader_doc_finish          (DeskReaderDoc    *doc,
                                                  GBytes           *bytes,
                                                  guint             item,
                                                  GError          **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DeskReaderDoc, _desk_reader_doc_free)

/* ---- Markup -------------------------------------------------------------------------- */

typedef void (*DeskReaderItemFunc) (DeskReaderDoc *doc,
                                    xmlNode       *item);

GPtrArray  *_desk_reader_read_items          (GBytes            *bytes,
                                              const char        *format,
                                              xmlDoc            *xml,
                                              GPtrArray         *items,
                                              DeskReaderItemFunc read_item,
                                              gboolean           first_only,
                                              GError           **error);
DeskIngestPart *_desk_reader_first           (GPtrArray         *parts);

xmlDoc     *_desk_reader_parse_xml           (GBytes         *bytes,
                                              const char     *format,
                                              GError        **error);
xmlDoc     *_desk_reader_parse_html          (const char     *data,
                                              gsize           length,
                                              const char     *encoding);

gboolean    _desk_xml_is                     (const xmlNode  *node,
                                              const char     *name);
xmlNode    *_desk_xml_child                  (const xmlNode  *node,
                                              const char     *name);
xmlNode    *_desk_xml_next                   (const xmlNode  *node,
                                              const char     *name);
xmlNode    *_desk_xml_find                   (const xmlNode  *node,
                                              const char     *name);
char       *_desk_xml_attr                   (const xmlNode  *node,
                                              const char     *name);
char       *_desk_xml_text                   (const xmlNode  *node);
char       *_desk_xml_child_text             (const xmlNode  *node,
                                              const char     *name);
void        _desk_reader_keep_first          (char          **slot,
                                              char           *text);

/* How the walker treats an element: the role of the text in it. */
typedef struct
{
  gboolean       skip;      /* not shown: leave it out */
  gboolean       block;     /* a paragraph of its own (or a container of paragraphs) */
  gboolean       collapse;  /* one paragraph for everything in it (a list of links) */
  gboolean       has_role;
  gboolean       strong;    /* everything inside has the role (a comment section) */
  gboolean       override;  /* wins over a strong role around it (a byline in a header) */
  gboolean       reset;     /* forgets the roles around it (the article inside a page) */
  DeskBlockRole  role;
  const char    *reason;
} DeskWalkHint;

typedef void (*DeskWalkHintFunc) (const xmlNode *element,
                                  DeskWalkHint  *hint,
                                  gpointer       user_data);

void        _desk_reader_walk                (DeskReaderDoc    *doc,
                                              const xmlNode    *node,
                                              gboolean          plain_text,
                                              DeskWalkHintFunc  hint_func,
                                              gpointer          user_data);
void        _desk_reader_add_html_fragment   (DeskReaderDoc    *doc,
                                              const char       *html,
                                              gboolean          plain_text);

/* NITF, also inline in NewsML-G2 and NewsML 1.x */
void        _desk_reader_nitf_fill           (DeskReaderDoc    *doc,
                                              xmlNode          *nitf);

/* ---- Text ---------------------------------------------------------------------------- */

char       *_desk_reader_clean_text          (const char     *raw,
                                              guint          *n_repaired);
char       *_desk_reader_parse_timestamp     (const char     *text,
                                              char          **date);
gboolean    _desk_reader_looks_like_date     (const char     *text);

G_END_DECLS
