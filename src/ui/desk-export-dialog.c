/* desk-export-dialog.c: writing the finished story: format, options, location, preview
 *
 * The preview is the story as a reader of the export will see it (desk_export_render() of
 * the options as they stand: an HTML or Markdown page as its text, not its markup), and
 * the file is desk_export_to_file() of the same options, what `copydesk-merge merge` would
 * write with them. The defaults come from the
 * preferences; the credit style is the project's own.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "desk-file-name.h"
#include "desk-credits.h"
#include "desk-export.h"
#include "desk-export-dialog.h"
#include "desk-file-chooser.h"

struct _DeskExportDialog
{
  AdwWindow     parent_instance;

  DeskProject  *project;
  GSettings    *settings;
  GFile        *file;
  gboolean      loading;

  AdwComboRow  *format_row;
  AdwComboRow  *credit_row;
  AdwActionRow *wrap_row;
  GtkSpinButton *wrap_spin;
  GtkSwitch    *ascii_switch;
  AdwActionRow *fragment_row;
  GtkSwitch    *fragment_switch;
  AdwActionRow *provenance_row;
  GtkSwitch    *provenance_switch;
  AdwActionRow *location_row;
  GtkTextView  *preview;
};

G_DEFINE_FINAL_TYPE (DeskExportDialog, desk_export_dialog, ADW_TYPE_WINDOW)

static void
get_options (DeskExportDialog  *self,
             DeskExportOptions *options)
{
  desk_export_options_init_for_project (options, self->project);
  options->format = adw_combo_row_get_selected (self->format_row);
  options->credit_style = adw_combo_row_get_selected (self->credit_row);
  options->wrap_width = gtk_spin_button_get_value_as_int (self->wrap_spin);
  options->ascii_quotes = gtk_switch_get_active (self->ascii_switch);
  options->fragment = gtk_switch_get_active (self->fragment_switch);
  options->provenance = gtk_switch_get_active (self->provenance_switch);
}

char *
desk_export_dialog_dup_preview (DeskExportDialog *self)
{
  DeskExportOptions options;

  g_return_val_if_fail (DESK_IS_EXPORT_DIALOG (self), NULL);

  get_options (self, &options);
  return desk_export_render (self->project, &options);
}

static char *
suggested_name (DeskExportDialog *self)
{
  const char *headline = desk_draft_get_headline (desk_project_get_draft (self->project));
  DeskExportFormat format = adw_combo_row_get_selected (self->format_row);
  g_autofree char *stem = desk_file_name_from_headline (headline, DESK_FILE_NAME_MAX_STEM);

  return g_strdup_printf ("%s.%s", stem ? stem : _("story"), desk_export_format_get_extension (format));
}

static void
update_location (DeskExportDialog *self)
{
  if (self->file != NULL)
    {
      g_autofree char *shown = g_file_get_parse_name (self->file);
      adw_action_row_set_subtitle (self->location_row, shown);
    }
  else
    {
      g_autofree char *name = suggested_name (self);
      g_autofree char *shown = g_strdup_printf (_("Chosen when you export (%s)"), name);
      adw_action_row_set_subtitle (self->location_row, shown);
    }
}

static void
options_changed_cb (DeskExportDialog *self)
{
  g_autofree char *text = NULL;
  DeskExportFormat format;

  if (self->project == NULL || self->loading)
    return;

  format = adw_combo_row_get_selected (self->format_row);
  gtk_widget_set_sensitive (GTK_WIDGET (self->wrap_row), format == DESK_EXPORT_FORMAT_TEXT);
  gtk_widget_set_sensitive (GTK_WIDGET (self->fragment_row), format == DESK_EXPORT_FORMAT_HTML);
  gtk_widget_set_sensitive (GTK_WIDGET (self->provenance_row),
                            format == DESK_EXPORT_FORMAT_TEXT || format == DESK_EXPORT_FORMAT_HTML);

  /* A chosen file follows the format's extension. */
  if (self->file != NULL)
    {
      g_autofree char *path = g_file_get_path (self->file);
      const char *extension = desk_export_format_get_extension (format);

      if (path != NULL)
        {
          char *dot = strrchr (path, '.');
          char *slash = strrchr (path, '/');
          g_autofree char *renamed = NULL;

          if (dot != NULL && (slash == NULL || dot > slash))
            *dot = '\0';
          renamed = g_strconcat (path, ".", extension, NULL);
          g_clear_object (&self->file);
          self->file = g_file_new_for_path (renamed);
        }
    }
  update_location (self);

  /* A page is shown as a reader sees it; text and data as they are written. */
  gtk_text_view_set_monospace (self->preview,
                               format == DESK_EXPORT_FORMAT_TEXT || format == DESK_EXPORT_FORMAT_NINJS);
  text = desk_export_dialog_dup_preview (self);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->preview), text, -1);
}

/**
 * desk_export_dialog_export_to:
 *
 * Writes the story to @file with the options shown, remembers them as the defaults (the
 * format and folder with the project too), and says so in the parent window.
 */
gboolean
desk_export_dialog_export_to (DeskExportDialog  *self,
                              GFile             *file,
                              GError           **error)
{
  DeskExportOptions options;

  g_return_val_if_fail (DESK_IS_EXPORT_DIALOG (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  get_options (self, &options);
  if (!desk_export_to_file (self->project, &options, file, NULL, error))
    return FALSE;

  g_settings_set_string (self->settings, "export-format", desk_export_format_to_string (options.format));
  {
    g_autoptr(GFile) parent = g_file_get_parent (file);
    g_autofree char *folder = parent != NULL ? g_file_get_path (parent) : NULL;

    desk_project_set_export (self->project, desk_export_format_to_string (options.format), folder);
  }
  g_settings_set_uint (self->settings, "export-wrap-width", options.wrap_width);
  g_settings_set_boolean (self->settings, "export-ascii-quotes", options.ascii_quotes);
  g_settings_set_boolean (self->settings, "export-html-fragment", options.fragment);
  g_settings_set_boolean (self->settings, "export-provenance", options.provenance);
  if (desk_credits_get_style (desk_project_get_credits (self->project)) != options.credit_style)
    desk_credits_set_style (desk_project_get_credits (self->project), options.credit_style);

  return TRUE;
}

static void
finish_export (DeskExportDialog *self,
               GFile            *file)
{
  g_autoptr(GError) error = NULL;
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));

  if (!desk_export_dialog_export_to (self, file, &error))
    {
      AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self),
                                                                             _("The Story Was Not Exported"),
                                                                             error->message));
      adw_message_dialog_add_response (dialog, "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (dialog));
      return;
    }

  if (parent != NULL)
    {
      g_autofree char *base = g_file_get_basename (file);
      g_autofree char *title = g_strdup_printf (_("Exported to “%s”"), base);
      AdwToastOverlay *overlay = g_object_get_data (G_OBJECT (parent), "desk-toast-overlay");

      if (overlay != NULL)
        adw_toast_overlay_add_toast (overlay, adw_toast_new (title));
    }

  gtk_window_close (GTK_WINDOW (self));
}

static void
chosen_cb (GPtrArray *files,
           gpointer   user_data)
{
  g_autoptr(DeskExportDialog) self = user_data;
  gboolean and_export = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (self), "desk-and-export"));

  if (files == NULL || self->project == NULL)
    return;

  g_set_object (&self->file, g_ptr_array_index (files, 0));
  update_location (self);
  if (and_export)
    finish_export (self, self->file);
}

static void
choose (DeskExportDialog *self,
        gboolean          and_export)
{
  g_autofree char *name = suggested_name (self);
  const char *folder = desk_project_get_export_folder (self->project);
  g_autoptr(GFile) initial_folder = folder != NULL ? g_file_new_for_path (folder) : NULL;

  g_object_set_data (G_OBJECT (self), "desk-and-export", GINT_TO_POINTER (and_export));
  /* Where this story was exported last. */
  desk_file_chooser_save (GTK_WINDOW (self), _("Export the Story"), initial_folder, name,
                          DESK_FILES_ANY, chosen_cb, g_object_ref (self));
}

static void
choose_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  choose (DESK_EXPORT_DIALOG (widget), FALSE);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  DeskExportDialog *self = DESK_EXPORT_DIALOG (widget);

  if (self->file == NULL)
    choose (self, TRUE);
  else
    finish_export (self, self->file);
}

static void
desk_export_dialog_dispose (GObject *object)
{
  DeskExportDialog *self = (DeskExportDialog *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), DESK_TYPE_EXPORT_DIALOG);
  g_clear_object (&self->project);
  g_clear_object (&self->settings);
  g_clear_object (&self->file);

  G_OBJECT_CLASS (desk_export_dialog_parent_class)->dispose (object);
}

static void
desk_export_dialog_class_init (DeskExportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = desk_export_dialog_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/copydesk/Copydesk/ui/desk-export-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, DeskExportDialog, format_row);
  gtk_widget_class_bind_template_child (widget_class, DeskExportDialog, credit_row);
  gtk_widget_class_bind_template_child (widget_class, DeskExportDialog, wrap_row);
  gtk_widget_class_bind_template_child (widget_class, DeskExportDialog, wrap_spin);
  gtk_widget_class_bind_template_child (widget_class, DeskExportDialog, ascii_switch);
  gtk_widget_class_bind_template_child (widget_class, DeskExportDialog, fragment_row);
  gtk_widget_class_bind_template_child (widget_class, DeskExportDialog, fragment_switch);
  gtk_widget_class_bind_template_child (widget_class, DeskExportDialog, provenance_row);
  gtk_widget_class_bind_template_child (widget_class, DeskExportDialog, provenance_switch);
  gtk_widget_class_bind_template_child (widget_class, DeskExportDialog, location_row);
  gtk_widget_class_bind_template_child (widget_class, DeskExportDialog, preview);
  gtk_widget_class_bind_template_callback (widget_class, options_changed_cb);

  gtk_widget_class_install_action (widget_class, "export.choose", NULL, choose_action);
  gtk_widget_class_install_action (widget_class, "export.save", NULL, save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
desk_export_dialog_init (DeskExportDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->settings = g_settings_new (APP_ID);
}

/**
 * desk_export_dialog_new:
 *
 * Returns: (transfer none): a new dialog for @project, transient for @parent
 */
GtkWindow *
desk_export_dialog_new (GtkWindow   *parent,
                        DeskProject *project)
{
  DeskExportDialog *self;
  DeskExportFormat format = DESK_EXPORT_FORMAT_TEXT;
  g_autofree char *format_name = NULL;

  g_return_val_if_fail (DESK_IS_PROJECT (project), NULL);

  self = g_object_new (DESK_TYPE_EXPORT_DIALOG, "transient-for", parent, NULL);
  self->project = g_object_ref (project);

  self->loading = TRUE;
  /* This story's last export, else the last export of any. */
  format_name = g_strdup (desk_project_get_export_format (project));
  if (format_name == NULL || !desk_export_format_from_string (format_name, &format))
    {
      g_free (format_name);
      format_name = g_settings_get_string (self->settings, "export-format");
      desk_export_format_from_string (format_name, &format);
    }
  adw_combo_row_set_selected (self->format_row, format);
  adw_combo_row_set_selected (self->credit_row, desk_credits_get_style (desk_project_get_credits (project)));
  gtk_spin_button_set_value (self->wrap_spin, g_settings_get_uint (self->settings, "export-wrap-width"));
  gtk_switch_set_active (self->ascii_switch, g_settings_get_boolean (self->settings, "export-ascii-quotes"));
  gtk_switch_set_active (self->fragment_switch, g_settings_get_boolean (self->settings, "export-html-fragment"));
  gtk_switch_set_active (self->provenance_switch, g_settings_get_boolean (self->settings, "export-provenance"));
  self->loading = FALSE;
  options_changed_cb (self);

  return GTK_WINDOW (self);
}

void
desk_export_dialog_set_format (DeskExportDialog *self,
                               guint             format)
{
  g_return_if_fail (DESK_IS_EXPORT_DIALOG (self));
  adw_combo_row_set_selected (self->format_row, format);
}
