/* desk-palette.c: the colour and short label that stand for a source everywhere in the window
 *
 * A source keeps its colour (by its place in the project) in the sources list, on the
 * suggestion cards and in the draft's provenance gutter, so an editor can tell at a glance
 * where a paragraph came from. The colours are GNOME's palette at a weight that reads on
 * light and dark backgrounds alike.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "desk-organization.h"
#include "desk-palette.h"

static const char * const colors[DESK_PALETTE_SIZE] = {
  "#3584e4", /* blue 3 */
  "#e66100", /* orange 5 */
  "#2ec27e", /* green 4 */
  "#9141ac", /* purple 3 */
  "#e01b24", /* red 3 */
  "#c88800", /* yellow, darkened */
  "#1c71d8", /* blue 4, for a ninth source onwards the cycle repeats */
  "#986a44", /* brown 3 */
};

static const char * const css_classes[DESK_PALETTE_SIZE] = {
  "source-color-0", "source-color-1", "source-color-2", "source-color-3",
  "source-color-4", "source-color-5", "source-color-6", "source-color-7",
};

/**
 * desk_palette_index_for_source:
 *
 * Returns: the palette index of the source with @source_id: its position in the project,
 *   modulo the palette size (0 for an unknown source)
 */
static void
forget_indexes (GListModel *sources,
                guint       position,
                guint       removed,
                guint       added,
                DeskProject *project)
{
  g_object_set_data (G_OBJECT (project), "desk-palette-indexes", NULL);
}

guint
desk_palette_index_for_source (DeskProject *project,
                               const char  *source_id)
{
  GHashTable *indexes;
  gpointer found;

  g_return_val_if_fail (DESK_IS_PROJECT (project), 0);

  if (source_id == NULL)
    return 0;

  /* Asked for every bar of the margin and every row of the lists: a table a project,
   * forgotten when its sources change. */
  indexes = g_object_get_data (G_OBJECT (project), "desk-palette-indexes");
  if (indexes == NULL)
    {
      GListModel *sources = desk_project_get_sources (project);
      guint n_items = g_list_model_get_n_items (sources);

      indexes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      for (guint i = 0; i < n_items; i++)
        {
          g_autoptr(DeskSource) source = g_list_model_get_item (sources, i);
          g_hash_table_insert (indexes, g_strdup (desk_source_get_id (source)), GUINT_TO_POINTER (i + 1));
        }
      g_object_set_data_full (G_OBJECT (project), "desk-palette-indexes", indexes,
                              (GDestroyNotify)g_hash_table_unref);
      if (g_object_get_data (G_OBJECT (project), "desk-palette-watched") == NULL)
        {
          g_signal_connect_object (sources, "items-changed", G_CALLBACK (forget_indexes), project, 0);
          g_object_set_data (G_OBJECT (project), "desk-palette-watched", GINT_TO_POINTER (TRUE));
        }
    }

  found = g_hash_table_lookup (indexes, source_id);
  return found ? (GPOINTER_TO_UINT (found) - 1) % DESK_PALETTE_SIZE : 0;
}

void
desk_palette_get_color (guint    index,
                        GdkRGBA *color)
{
  gdk_rgba_parse (color, colors[index % DESK_PALETTE_SIZE]);
}

const char *
desk_palette_get_css_class (guint index)
{
  return css_classes[index % DESK_PALETTE_SIZE];
}

/**
 * desk_palette_dot_new:
 *
 * Returns: (transfer floating): a small round swatch in the colour of @index
 */
GtkWidget *
desk_palette_dot_new (guint index)
{
  GtkWidget *dot = gtk_image_new ();

  gtk_widget_add_css_class (dot, "source-dot");
  gtk_widget_add_css_class (dot, desk_palette_get_css_class (index));
  gtk_widget_set_valign (dot, GTK_ALIGN_CENTER);

  return dot;
}

/**
 * desk_source_dup_label_for_name:
 * @name: a source's name (a path, or a label for pasted text)
 *
 * Returns: (transfer full): the base name without its extension: "02-newspaper-long"
 */
char *
desk_source_dup_label_for_name (const char *name)
{
  g_autofree char *base = NULL;
  char *dot;

  if (name == NULL || name[0] == '\0')
    return g_strdup ("");

  base = g_path_get_basename (name);
  dot = strrchr (base, '.');
  if (dot != NULL && dot != base && strlen (dot) <= 6)
    *dot = '\0';

  return g_steal_pointer (&base);
}

char *
desk_source_dup_label (DeskSource *source)
{
  g_return_val_if_fail (DESK_IS_SOURCE (source), NULL);
  return g_strdup (desk_source_get_label (source));
}

/**
 * desk_source_dup_organization:
 *
 * Returns: (transfer full) (nullable): the short name of the source's agency ("AP",
 *   "PTI"), or %NULL when it is not known
 */
char *
desk_source_dup_organization (DeskSource *source)
{
  const char *agency;
  const char *short_name;

  g_return_val_if_fail (DESK_IS_SOURCE (source), NULL);

  agency = desk_source_get_agency (source);
  if (agency == NULL || agency[0] == '\0')
    return NULL;

  short_name = desk_organization_short_name (agency);
  return g_strdup (short_name != NULL ? short_name : agency);
}
