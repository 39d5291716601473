/* desk-spell.c: spelling in the draft, where the platform has a spell checker
 *
 * With libspelling (the Flatpak build), its adapter does the work and brings its own
 * context menu. On Debian, where libspelling is not packaged, enchant-2 checks the words
 * and a GtkTextTag underlines the misspelled ones; the context menu offers replacements
 * and "Add to Dictionary". Without either, nothing is checked and nothing is shown.
 * Checking runs on idle after the text stops changing, on the whole text: drafts are
 * short.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"
#include "desk-ui-config.h"

#include <glib/gi18n.h>
#include <gtksourceview/gtksource.h>
#include <string.h>

#if HAVE_LIBSPELLING
# include <libspelling.h>
#elif HAVE_ENCHANT
# include <enchant.h>
#endif

#include "desk-spell.h"

#define CHECK_DELAY_MS 400
#define MAX_SUGGESTIONS 5

struct _DeskSpellChecker
{
  GObject      parent_instance;

  GtkTextView *view;        /* weak */
  gboolean     enabled;
  guint        check_id;
  char        *language;

#if HAVE_LIBSPELLING
  SpellingTextBufferAdapter *adapter;
#elif HAVE_ENCHANT
  EnchantDict        *dict;         /* the process's, for self->language */
  GtkTextTag         *tag;
  GMenu              *menu;
  GMenu              *replacements;
  GSimpleActionGroup *actions;
  char               *menu_word;
  int                 menu_start;
  int                 menu_end;
#endif
};

G_DEFINE_FINAL_TYPE (DeskSpellChecker, desk_spell_checker, G_TYPE_OBJECT)

#if HAVE_ENCHANT && !HAVE_LIBSPELLING
/* One broker and one dictionary for the process: requesting a dictionary is slow. */
static EnchantBroker *broker;
static EnchantDict *dict;
static char *dict_language;

static EnchantDict *
get_dict (void)
{
  static gsize initialized = 0;

  if (g_once_init_enter (&initialized))
    {
      const char * const *names = g_get_language_names ();
      const char *fallbacks[] = { "en_US", "en_GB", "en", NULL };

      broker = enchant_broker_init ();
      for (guint i = 0; names[i] != NULL && dict == NULL; i++)
        {
          g_autofree char *lang = g_strdup (names[i]);
          char *dot = strpbrk (lang, ".@");

          if (dot != NULL)
            *dot = '\0';
          if (g_str_equal (lang, "C") || g_str_equal (lang, "POSIX") || lang[0] == '\0')
            continue;
          if (enchant_broker_dict_exists (broker, lang))
            {
              dict = enchant_broker_request_dict (broker, lang);
              dict_language = g_strdup (lang);
            }
        }
      for (guint i = 0; fallbacks[i] != NULL && dict == NULL; i++)
        if (enchant_broker_dict_exists (broker, fallbacks[i]))
          {
            dict = enchant_broker_request_dict (broker, fallbacks[i]);
            dict_language = g_strdup (fallbacks[i]);
          }

      g_once_init_leave (&initialized, 1);
    }

  return dict;
}

/* The first installed dictionary whose tag starts with "LANG_": en_CA for "en". */
typedef struct
{
  const char *prefix;
  char       *found;
} DictSearch;

static void
find_dict_cb (const char * const  lang_tag,
              const char * const  provider_name,
              const char * const  provider_desc,
              const char * const  provider_file,
              void               *user_data)
{
  DictSearch *search = user_data;

  if (search->found == NULL && g_str_has_prefix (lang_tag, search->prefix))
    search->found = g_strdup (lang_tag);
}

/* The dictionary for @tag ("en_GB", "de_DE", "en"): that one, or its language's, or any
 * of its language; NULL when none is installed. Dictionaries are kept for the process. */
static EnchantDict *
dict_for_tag (const char  *tag,
              const char **found_tag)
{
  static GHashTable *dicts;   /* tag asked for → EnchantDict, or a missing entry */
  static GHashTable *tags;    /* tag asked for → tag found */
  g_autofree char *language = NULL;
  g_autofree char *prefix = NULL;
  DictSearch search = { NULL, NULL };
  char *underscore;
  EnchantDict *found = NULL;
  char *found_name = NULL;

  if (get_dict () == NULL || tag == NULL)
    return NULL;

  if (dicts == NULL)
    {
      dicts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      tags = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
    }
  if (g_hash_table_contains (dicts, tag))
    {
      *found_tag = g_hash_table_lookup (tags, tag);
      return g_hash_table_lookup (dicts, tag);
    }

  language = g_strdup (tag);
  if ((underscore = strchr (language, '_')) != NULL)
    *underscore = '\0';
  prefix = g_strconcat (language, "_", NULL);
  search.prefix = prefix;

  if (enchant_broker_dict_exists (broker, tag))
    found_name = g_strdup (tag);
  else if (enchant_broker_dict_exists (broker, language))
    found_name = g_strdup (language);
  else
    {
      enchant_broker_list_dicts (broker, find_dict_cb, &search);
      found_name = g_steal_pointer (&search.found);
    }

  if (found_name != NULL)
    found = g_strcmp0 (found_name, dict_language) == 0 ? dict
                                                       : enchant_broker_request_dict (broker, found_name);
  g_hash_table_insert (dicts, g_strdup (tag), found);
  g_hash_table_insert (tags, g_strdup (tag), found != NULL ? found_name : NULL);
  if (found == NULL)
    g_free (found_name);
  *found_tag = g_hash_table_lookup (tags, tag);
  return found;
}

static gboolean
word_is_checkable (const char *word)
{
  /* Names are the desk's business, not the dictionary's: a story is full of them
   * ("Karimi", "Theriault"), so capitalised words are left alone, as are words with
   * digits ("2019", "11:52"). */
  if (g_unichar_isupper (g_utf8_get_char (word)))
    return FALSE;
  for (const char *p = word; *p != '\0'; p = g_utf8_next_char (p))
    if (g_unichar_isdigit (g_utf8_get_char (p)))
      return FALSE;
  return g_utf8_strlen (word, -1) > 1;
}

static gboolean
is_word_char (gunichar c)
{
  return g_unichar_isalnum (c) || c == '\'' || c == 0x2019 || c == '-';
}

/* Moves @start and @end around the word at @iter; FALSE when there is none. */
static gboolean
word_bounds (const GtkTextIter *iter,
             GtkTextIter       *start,
             GtkTextIter       *end)
{
  *start = *iter;
  *end = *iter;

  while (!gtk_text_iter_starts_line (start))
    {
      GtkTextIter prev = *start;

      gtk_text_iter_backward_char (&prev);
      if (!is_word_char (gtk_text_iter_get_char (&prev)))
        break;
      *start = prev;
    }
  while (!gtk_text_iter_ends_line (end) && is_word_char (gtk_text_iter_get_char (end)))
    gtk_text_iter_forward_char (end);

  /* Quotes and hyphens at the ends are not part of the word. */
  while (gtk_text_iter_compare (start, end) < 0 && !g_unichar_isalnum (gtk_text_iter_get_char (start)))
    gtk_text_iter_forward_char (start);
  while (gtk_text_iter_compare (start, end) < 0)
    {
      GtkTextIter prev = *end;

      gtk_text_iter_backward_char (&prev);
      if (g_unichar_isalnum (gtk_text_iter_get_char (&prev)))
        break;
      *end = prev;
    }

  return gtk_text_iter_compare (start, end) < 0;
}
#endif

/**
 * desk_spell_checker_check_now:
 *
 * Checks the whole text at once (the idle check does the same, later).
 *
 * Returns: the number of words marked misspelled
 */
guint
desk_spell_checker_check_now (DeskSpellChecker *self)
{
  guint misspelled = 0;

  g_return_val_if_fail (DESK_IS_SPELL_CHECKER (self), 0);

  g_clear_handle_id (&self->check_id, g_source_remove);

#if HAVE_ENCHANT && !HAVE_LIBSPELLING
  {
    GtkTextBuffer *buffer;
    GtkTextIter iter, end;
    GtkTextIter cursor;

    if (self->view == NULL)
      return 0;

    buffer = gtk_text_view_get_buffer (self->view);
    gtk_text_buffer_get_bounds (buffer, &iter, &end);
    gtk_text_buffer_remove_tag (buffer, self->tag, &iter, &end);

    if (!self->enabled || self->dict == NULL)
      return 0;

    gtk_text_buffer_get_iter_at_mark (buffer, &cursor, gtk_text_buffer_get_insert (buffer));

    while (gtk_text_iter_compare (&iter, &end) < 0)
      {
        GtkTextIter word_start, word_end;

        if (!g_unichar_isalnum (gtk_text_iter_get_char (&iter)))
          {
            gtk_text_iter_forward_char (&iter);
            continue;
          }

        if (!word_bounds (&iter, &word_start, &word_end))
          {
            gtk_text_iter_forward_char (&iter);
            continue;
          }

        {
          g_autofree char *word = gtk_text_iter_get_text (&word_start, &word_end);

          /* The word being typed is not judged until it is finished. */
          if (!(gtk_widget_has_focus (GTK_WIDGET (self->view)) && gtk_text_iter_equal (&cursor, &word_end)) &&
              word_is_checkable (word) &&
              enchant_dict_check (self->dict, word, strlen (word)) != 0)
            {
              gtk_text_buffer_apply_tag (buffer, self->tag, &word_start, &word_end);
              misspelled++;
            }
        }

        iter = word_end;
        if (gtk_text_iter_equal (&iter, &word_start))
          gtk_text_iter_forward_char (&iter);
      }
  }
#endif

  return misspelled;
}

#if !HAVE_LIBSPELLING
static gboolean
check_cb (gpointer user_data)
{
  DeskSpellChecker *self = user_data;

  self->check_id = 0;
  desk_spell_checker_check_now (self);
  return G_SOURCE_REMOVE;
}

static void
buffer_changed_cb (DeskSpellChecker *self)
{
  if (!self->enabled)
    return;

  g_clear_handle_id (&self->check_id, g_source_remove);
  self->check_id = g_timeout_add (CHECK_DELAY_MS, check_cb, self);
}
#endif

#if HAVE_ENCHANT && !HAVE_LIBSPELLING
static void
replace_cb (GSimpleAction *action,
            GVariant      *parameter,
            gpointer       user_data)
{
  DeskSpellChecker *self = user_data;
  GtkTextBuffer *buffer;
  GtkTextIter start, end;

  if (self->view == NULL || self->menu_word == NULL)
    return;

  buffer = gtk_text_view_get_buffer (self->view);
  gtk_text_buffer_get_iter_at_offset (buffer, &start, self->menu_start);
  gtk_text_buffer_get_iter_at_offset (buffer, &end, self->menu_end);
  gtk_text_buffer_begin_user_action (buffer);
  gtk_text_buffer_delete (buffer, &start, &end);
  gtk_text_buffer_insert (buffer, &start, g_variant_get_string (parameter, NULL), -1);
  gtk_text_buffer_end_user_action (buffer);
}

static void
add_word_cb (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  DeskSpellChecker *self = user_data;

  if (self->menu_word == NULL || self->dict == NULL)
    return;

  enchant_dict_add (self->dict, self->menu_word, strlen (self->menu_word));
  desk_spell_checker_check_now (self);
}

static void
ignore_word_cb (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  DeskSpellChecker *self = user_data;

  if (self->menu_word == NULL || self->dict == NULL)
    return;

  enchant_dict_add_to_session (self->dict, self->menu_word, strlen (self->menu_word));
  desk_spell_checker_check_now (self);
}

/* Fills the context menu for the misspelled word under the pointer, if any. */
static void
update_menu (DeskSpellChecker *self,
             double            x,
             double            y)
{
  GtkTextIter iter, start, end;
  gboolean misspelled = FALSE;
  int bx, by;

  g_menu_remove_all (self->replacements);
  g_clear_pointer (&self->menu_word, g_free);

  gtk_text_view_window_to_buffer_coords (self->view, GTK_TEXT_WINDOW_WIDGET, x, y, &bx, &by);
  gtk_text_view_get_iter_at_location (self->view, &iter, bx, by);
  if (self->enabled && gtk_text_iter_has_tag (&iter, self->tag) && word_bounds (&iter, &start, &end))
    misspelled = TRUE;

  g_simple_action_set_enabled (G_SIMPLE_ACTION (g_action_map_lookup_action (G_ACTION_MAP (self->actions), "add")),
                               misspelled);
  g_simple_action_set_enabled (G_SIMPLE_ACTION (g_action_map_lookup_action (G_ACTION_MAP (self->actions), "ignore")),
                               misspelled);

  if (!misspelled || self->dict == NULL)
    return;

  self->menu_word = gtk_text_iter_get_text (&start, &end);
  self->menu_start = gtk_text_iter_get_offset (&start);
  self->menu_end = gtk_text_iter_get_offset (&end);

  {
    size_t n = 0;
    char **suggestions = enchant_dict_suggest (self->dict, self->menu_word, strlen (self->menu_word), &n);

    for (size_t i = 0; i < n && i < MAX_SUGGESTIONS; i++)
      {
        g_autoptr(GMenuItem) item = g_menu_item_new (suggestions[i], NULL);

        g_menu_item_set_action_and_target_value (item, "spelling.replace",
                                                 g_variant_new_string (suggestions[i]));
        g_menu_append_item (self->replacements, item);
      }
    if (n == 0)
      {
        g_autoptr(GMenuItem) item = g_menu_item_new (_("No Suggestions"), "spelling.none");
        g_menu_append_item (self->replacements, item);
      }
    if (suggestions != NULL)
      enchant_dict_free_string_list (self->dict, suggestions);
  }
}

static void
pressed_cb (GtkGestureClick  *gesture,
            int               n_press,
            double            x,
            double            y,
            DeskSpellChecker *self)
{
  if (self->view != NULL)
    update_menu (self, x, y);
}
#endif

static void
desk_spell_checker_dispose (GObject *object)
{
  DeskSpellChecker *self = (DeskSpellChecker *)object;

  g_clear_handle_id (&self->check_id, g_source_remove);
  if (self->view != NULL)
    {
      g_signal_handlers_disconnect_by_data (gtk_text_view_get_buffer (self->view), self);
      g_object_remove_weak_pointer (G_OBJECT (self->view), (gpointer *)&self->view);
      self->view = NULL;
    }

#if HAVE_LIBSPELLING
  g_clear_object (&self->adapter);
#elif HAVE_ENCHANT
  g_clear_object (&self->menu);
  g_clear_object (&self->replacements);
  g_clear_object (&self->actions);
  g_clear_pointer (&self->menu_word, g_free);
#endif
  g_clear_pointer (&self->language, g_free);

  G_OBJECT_CLASS (desk_spell_checker_parent_class)->dispose (object);
}

static void
desk_spell_checker_class_init (DeskSpellCheckerClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = desk_spell_checker_dispose;
}

static void
desk_spell_checker_init (DeskSpellChecker *self)
{
}

/**
 * desk_spell_checker_is_available:
 *
 * Returns: whether words can be checked here (a library and a dictionary are present)
 */
gboolean
desk_spell_checker_is_available (void)
{
#if HAVE_LIBSPELLING
  return TRUE;
#elif HAVE_ENCHANT
  return get_dict () != NULL;
#else
  return FALSE;
#endif
}

/**
 * desk_spell_checker_new:
 * @view: the text view to check (its buffer is a #GtkSourceBuffer for libspelling)
 *
 * Returns: (transfer full): a checker, disabled until desk_spell_checker_set_enabled()
 */
DeskSpellChecker *
desk_spell_checker_new (GtkTextView *view)
{
  DeskSpellChecker *self;

  g_return_val_if_fail (GTK_IS_TEXT_VIEW (view), NULL);

  self = g_object_new (DESK_TYPE_SPELL_CHECKER, NULL);
  self->view = view;
  g_object_add_weak_pointer (G_OBJECT (view), (gpointer *)&self->view);

#if HAVE_LIBSPELLING
  if (GTK_SOURCE_IS_BUFFER (gtk_text_view_get_buffer (view)))
    {
      SpellingChecker *checker = spelling_checker_get_default ();

      self->adapter = spelling_text_buffer_adapter_new (GTK_SOURCE_BUFFER (gtk_text_view_get_buffer (view)),
                                                        checker);
      gtk_text_view_set_extra_menu (view, spelling_text_buffer_adapter_get_menu_model (self->adapter));
      gtk_widget_insert_action_group (GTK_WIDGET (view), "spelling", G_ACTION_GROUP (self->adapter));
      spelling_text_buffer_adapter_set_enabled (self->adapter, FALSE);
      self->language = g_strdup (spelling_checker_get_language (checker));
    }
#else
  g_signal_connect_swapped (gtk_text_view_get_buffer (view), "changed",
                            G_CALLBACK (buffer_changed_cb), self);
# if HAVE_ENCHANT
  {
    const GActionEntry entries[] = {
      { .name = "replace", .activate = replace_cb, .parameter_type = "s" },
      { .name = "add", .activate = add_word_cb },
      { .name = "ignore", .activate = ignore_word_cb },
      { .name = "none" },
    };
    g_autoptr(GMenu) actions = g_menu_new ();
    GtkGesture *click;

    self->tag = gtk_text_buffer_create_tag (gtk_text_view_get_buffer (view), NULL,
                                            "underline", PANGO_UNDERLINE_ERROR, NULL);
    self->actions = g_simple_action_group_new ();
    g_action_map_add_action_entries (G_ACTION_MAP (self->actions), entries, G_N_ELEMENTS (entries), self);
    g_simple_action_set_enabled (G_SIMPLE_ACTION (g_action_map_lookup_action (G_ACTION_MAP (self->actions), "none")),
                                 FALSE);
    gtk_widget_insert_action_group (GTK_WIDGET (view), "spelling", G_ACTION_GROUP (self->actions));

    self->menu = g_menu_new ();
    self->replacements = g_menu_new ();
    g_menu_append (actions, _("_Add to Dictionary"), "spelling.add");
    g_menu_append (actions, _("_Ignore"), "spelling.ignore");
    g_menu_append_section (self->menu, NULL, G_MENU_MODEL (self->replacements));
    g_menu_append_section (self->menu, NULL, G_MENU_MODEL (actions));

    click = gtk_gesture_click_new ();
    gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_SECONDARY);
    gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (click), GTK_PHASE_CAPTURE);
    g_signal_connect (click, "pressed", G_CALLBACK (pressed_cb), self);
    gtk_widget_add_controller (GTK_WIDGET (view), GTK_EVENT_CONTROLLER (click));

    if (get_dict () != NULL)
      {
        self->dict = get_dict ();
        self->language = g_strdup (dict_language);
      }
  }
# endif
#endif

  return self;
}

void
desk_spell_checker_set_enabled (DeskSpellChecker *self,
                                gboolean          enabled)
{
  g_return_if_fail (DESK_IS_SPELL_CHECKER (self));

  enabled = !!enabled && desk_spell_checker_is_available ();
  if (self->enabled == enabled)
    return;
  self->enabled = enabled;

#if HAVE_LIBSPELLING
  if (self->adapter != NULL)
    spelling_text_buffer_adapter_set_enabled (self->adapter, enabled);
#elif HAVE_ENCHANT
  if (self->view != NULL)
    gtk_text_view_set_extra_menu (self->view, enabled ? G_MENU_MODEL (self->menu) : NULL);
  desk_spell_checker_check_now (self);
#endif
}

gboolean
desk_spell_checker_get_enabled (DeskSpellChecker *self)
{
  g_return_val_if_fail (DESK_IS_SPELL_CHECKER (self), FALSE);
  return self->enabled;
}

/**
 * desk_spell_checker_get_language:
 *
 * Returns: (nullable): the dictionary's language ("en_US"), or %NULL without one
 */
const char *
desk_spell_checker_get_language (DeskSpellChecker *self)
{
  g_return_val_if_fail (DESK_IS_SPELL_CHECKER (self), NULL);
  return self->language;
}

/**
 * desk_spell_checker_set_language:
 * @language: (nullable): the story's dictionary ("en_GB", "de_DE", "en"), as
 *   desk_project_dup_spelling_language() tells it, or %NULL for the user's own language
 *
 * Checks with the dictionary for @language: that one, its language's, or another of its
 * language ("en_CA" for "en"); when none is installed, the user's own stays.
 */
void
desk_spell_checker_set_language (DeskSpellChecker *self,
                                 const char       *language)
{
  g_return_if_fail (DESK_IS_SPELL_CHECKER (self));

#if HAVE_LIBSPELLING
  if (self->adapter != NULL && language != NULL && g_strcmp0 (self->language, language) != 0)
    {
      spelling_text_buffer_adapter_set_language (self->adapter, language);
      g_free (self->language);
      self->language = g_strdup (spelling_text_buffer_adapter_get_language (self->adapter));
    }
#elif HAVE_ENCHANT
  {
    const char *found_tag = NULL;
    EnchantDict *found = language != NULL ? dict_for_tag (language, &found_tag) : NULL;

    if (found == NULL)
      {
        found = get_dict ();
        found_tag = dict_language;
      }
    if (found == NULL || found == self->dict)
      return;

    self->dict = found;
    g_free (self->language);
    self->language = g_strdup (found_tag);
    if (self->enabled)
      desk_spell_checker_check_now (self);
  }
#endif
}
