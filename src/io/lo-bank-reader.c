/* lo-bank-reader.c: question banks (SPEC §3) from XML, to XML, and the
 * banks shipped in the GResource
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "lo-shipped-banks-private.h"
#include "lo-xml-private.h"

#define BANK_ELEMENT        "question-bank"
#define BANK_NAMESPACE_BASE "urn:lightsout:question-bank:"

/* Turns a core error (duplicate id, incomplete bank) into a file error. */
static void
set_core_error (GError       **error,
                LoXmlContext  *ctx,
                const xmlNode *node,
                GError        *core_error)
{
  lo_xml_set_error (error, LO_IO_ERROR_INVALID, ctx->file, node, "%s", core_error->message);
}

/* A leaf element given at most once: name, description, text. */
static gboolean
read_unique_text (LoXmlContext  *ctx,
                  const xmlNode *node,
                  char         **slot,
                  GError       **error)
{
  static const char * const no_attributes[] = { NULL };
  g_autofree char *label = lo_xml_element_label (node);
  g_autofree char *parent = lo_xml_element_label (node->parent);

  if (*slot != NULL)
    {
      lo_xml_set_error (error, LO_IO_ERROR_INVALID, ctx->file, node,
                        _("%s is given twice in %s"), label, parent);
      return FALSE;
    }
  if (!lo_xml_check_attributes (ctx, node, no_attributes, error))
    return FALSE;
  if (!lo_xml_text (ctx, node, slot, error))
    return FALSE;
  if (**slot == '\0')
    {
      lo_xml_set_error (error, LO_IO_ERROR_INVALID, ctx->file, node,
                        _("%s in %s is empty"), label, parent);
      return FALSE;
    }
  return TRUE;
}

static gboolean
read_level (LoXmlContext  *ctx,
            LoBank        *bank,
            const xmlNode *node,
            gboolean       seen[LO_N_LEVELS],
            GError       **error)
{
  static const char * const attributes[] = { "value", NULL };
  g_autofree char *value = NULL;
  g_autofree char *name = NULL;
  g_autofree char *description = NULL;
  int level;

  if (!lo_xml_check_attributes (ctx, node, attributes, error))
    return FALSE;

  value = lo_xml_attr (node, "value");
  if (value == NULL)
    {
      lo_xml_set_error (error, LO_IO_ERROR_INVALID, ctx->file, node,
                        _("<level> has no value"));
      return FALSE;
    }
  if (!lo_xml_parse_int (value, LO_LEVEL_MIN, LO_LEVEL_MAX, &level))
    {
      lo_xml_set_error (error, LO_IO_ERROR_INVALID, ctx->file, node,
                        _("level “%s” is not a level from 1 to 5"), value);
      return FALSE;
    }
  if (seen[level - 1])
    {
      lo_xml_set_error (error, LO_IO_ERROR_INVALID, ctx->file, node,
                        _("level %d is defined twice"), level);
      return FALSE;
    }
  seen[level - 1] = TRUE;

  for (const xmlNode *child = node->children; child != NULL; child = child->next)
    {
      g_autoptr(GError) local_error = NULL;

      if (!lo_xml_element_child (ctx, child, &local_error))
        {
          if (local_error != NULL)
            {
              g_propagate_error (error, g_steal_pointer (&local_error));
              return FALSE;
            }
          continue;
        }

      if (lo_xml_is (child, LO_BANK_NAMESPACE, "name"))
        {
          if (!read_unique_text (ctx, child, &name, error))
            return FALSE;
        }
      else if (lo_xml_is (child, LO_BANK_NAMESPACE, "description"))
        {
          if (!read_unique_text (ctx, child, &description, error))
            return FALSE;
        }
      else if (!lo_xml_unknown_element (ctx, child, error))
        return FALSE;
    }

  if (name == NULL)
    {
      lo_xml_set_error (error, LO_IO_ERROR_INVALID, ctx->file, node,
                        _("level %d has no <name>"), level);
      return FALSE;
    }

  lo_bank_set_level (bank, level, name, description);
  return TRUE;
}

/* <option level="k"> (k = 1 … 5) or <action level="k"> (k = 2 … 5). */
static gboolean
read_level_text (LoXmlContext  *ctx,
                 LoQuestion    *question,
                 const xmlNode *node,
                 gboolean       is_action,
                 GError       **error)
{
  static const char * const attributes[] = { "level", NULL };
  const char *element = is_action ? "action" : "option";
  g_autofree char *value = NULL;
  g_autofree char *text = NULL;
  char **slot;
  int level;

  if (!lo_xml_check_attributes (ctx, node, attributes, error))
    return FALSE;

  value = lo_xml_attr (node, "level");
  if (value == NULL)
    {
      lo_xml_set_error (error, LO_IO_ERROR_INVALID, ctx->file, node,
                        _("question %s: <%s> has no level"), question->id, element);
      return FALSE;
    }
  if (!lo_xml_parse_int (value, is_action ? 2 : 1, LO_LEVEL_MAX, &level))
    {
      lo_xml_set_error (error, LO_IO_ERROR_INVALID, ctx->file, node,
                        is_action
                        ? _("question %s: action level “%s” is not a level from 2 to 5")
                        : _("question %s: option level “%s” is not a level from 1 to 5"),
                        question->id, value);
      return FALSE;
    }

  slot = is_action ? &question->actions[level - 1] : &question->options[level - 1];
  if (*slot != NULL)
    {
      lo_xml_set_error (error, LO_IO_ERROR_INVALID, ctx->file, node,
                        _("question %s: <%s> for level %d is given twice"),
                        question->id, element, level);
      return FALSE;
    }

  if (!lo_xml_text (ctx, node, &text, error))
    return FALSE;
  if (*text == '\0')
    {
      lo_xml_set_error (error, LO_IO_ERROR_INVALID, ctx->file, node,
                        _("question %s: <%s> for level %d is empty"),
                        question->id, element, level);
      return FALSE;
    }

  *slot = g_steal_pointer (&text);
  return TRUE;
}

static gboolean
read_question (LoXmlContext  *ctx,
               LoBank        *bank,
               LoDimension   *dimension,
               const xmlNode *node,
               GError       **error)
{
  static const char * const attributes[] = { "id", "weight", "allow-na", NULL };
  g_autoptr(GError) local_error = NULL;
  g_autofree char *id = NULL;
  g_autofree char *weight_text = NULL;
  g_autofree char *allow_na_text = NULL;
  g_autofree char *text = NULL;
  const xmlNode *text_node = NULL;
  LoQuestion *question;
  double weight = 1;
  gboolean allow_na = FALSE;

  if (!lo_xml_check_attributes (ctx, node, attributes, error))
    return FALSE;

  id = lo_xml_attr (node, "id");
  if (id == NULL || *id == '\0')
    {
      lo_xml_set_error (error, LO_IO_ERROR_INVALID, ctx->file, node,
                        _("dimension %s: <question> has no id"), dimension->id);
      return FALSE;
    }

  weight_text = lo_xml_attr (node, "weight");
  if (weight_text != NULL && !lo_xml_parse_number (weight_text, &weight))
    {
      lo_xml_set_error (error, LO_IO_ERROR_INVALID, ctx->file, node,
                        _("question %s: weight “%s” is not a number greater than 0"),
                        id, weight_text);
      return FALSE;
    }
  if (weight_text != NULL)
    {
      g_autofree char *subject = g_strdup_printf (_("question %s"), id);

      if (!lo_limit_check (LO_LIMIT_WEIGHT, subject, NULL, weight_text, weight, &local_error))
        {
          set_core_error (error, ctx, node, local_error);
          return FALSE;
        }
    }

  allow_na_text = lo_xml_attr (node, "allow-na");
  if (allow_na_text != NULL)
    {
      if (g_str_equal (allow_na_text, "true"))
        allow_na = TRUE;
      else if (g_str_equal (allow_na_text, "false"))
        allow_na = FALSE;
      else
        {
          lo_xml_set_error (error, LO_IO_ERROR_INVALID, ctx->file, node,
                            _("question %s: allow-na “%s” is neither true nor false"),
                            id, allow_na_text);
          return FALSE;
        }
    }

  /* The text first: the question is created with it. */
  for (const xmlNode *child = node->children; child != NULL; child = child->next)
    {
      if (!lo_xml_is (child, LO_BANK_NAMESPACE, "text"))
        continue;
      if (!read_unique_text (ctx, child, &text, error))
        return FALSE;
      text_node = child;
    }
  if (text_node == NULL)
    {
      lo_xml_set_error (error, LO_IO_ERROR_INVALID, ctx->file, node,
                        _("question %s has no <text>"), id);
      return FALSE;
    }

  question = lo_bank_add_question (bank, dimension, id, text, weight, allow_na, &local_error);
  if (question == NULL)
    {
      set_core_error (error, ctx, node, local_error);
      return FALSE;
    }

  for (const xmlNode *child = node->children; child != NULL; child = child->next)
    {
      if (!lo_xml_element_child (ctx, child, &local_error))
        {
          if (local_error != NULL)
            {
              g_propagate_error (error, g_steal_pointer (&local_error));
              return FALSE;
            }
          continue;
        }

      if (lo_xml_is (child, LO_BANK_NAMESPACE, "text"))
        continue;
      else if (lo_xml_is (child, LO_BANK_NAMESPACE, "option"))
        {
          if (!read_level_text (ctx, question, child, FALSE, error))
            return FALSE;
        }
      else if (lo_xml_is (child, LO_BANK_NAMESPACE, "action"))
        {
          if (!read_level_text (ctx, question, child, TRUE, error))
            return FALSE;
        }
      else if (!lo_xml_unknown_element (ctx, child, error))
        return FALSE;
    }

  for (int k = LO_LEVEL_MIN; k <= LO_LEVEL_MAX; k++)
    {
      if (question->options[k - 1] == NULL)
        {
          lo_xml_set_error (error, LO_IO_ERROR_INVALID, ctx->file, node,
                            _("question %s has no <option> for level %d"), id, k);
          return FALSE;
        }
      if (k > LO_LEVEL_MIN && question->actions[k - 1] == NULL)
        {
          lo_xml_set_error (error, LO_IO_ERROR_INVALID, ctx->file, node,
                            _("question %s has no <action> for level %d"), id, k);
          return FALSE;
        }
    }

  return TRUE;
}

static gboolean
read_dimension (LoXmlContext  *ctx,
                LoBank        *bank,
                const xmlNode *node,
                GError       **error)
{
  static const char * const attributes[] = { "id", NULL };
  g_autoptr(GError) local_error = NULL;
  g_autofree char *id = NULL;
  g_autofree char *name = NULL;
  g_autofree char *description = NULL;
  LoDimension *dimension;

  if (!lo_xml_check_attributes (ctx, node, attributes, error))
    return FALSE;

  id = lo_xml_attr (node, "id");
  if (id == NULL || *id == '\0')
    {
      lo_xml_set_error (error, LO_IO_ERROR_INVALID, ctx->file, node,
                        _("<dimension> has no id"));
      return FALSE;
    }

  for (const xmlNode *child = node->children; child != NULL; child = child->next)
    {
      if (lo_xml_is (child, LO_BANK_NAMESPACE, "name"))
        {
          if (!read_unique_text (ctx, child, &name, error))
            return FALSE;
        }
      else if (lo_xml_is (child, LO_BANK_NAMESPACE, "description"))
        {
          if (!read_unique_text (ctx, child, &description, error))
            return FALSE;
        }
    }
  if (name == NULL)
    {
      lo_xml_set_error (error, LO_IO_ERROR_INVALID, ctx->file, node,
                        _("dimension %s has no <name>"), id);
      return FALSE;
    }

  dimension = lo_bank_add_dimension (bank, id, name, description, &local_error);
  if (dimension == NULL)
    {
      set_core_error (error, ctx, node, local_error);
      return FALSE;
    }

  for (const xmlNode *child = node->children; child != NULL; child = child->next)
    {
      if (!lo_xml_element_child (ctx, child, &local_error))
        {
          if (local_error != NULL)
            {
              g_propagate_error (error, g_steal_pointer (&local_error));
              return FALSE;
            }
          continue;
        }

      if (lo_xml_is (child, LO_BANK_NAMESPACE, "name")
          || lo_xml_is (child, LO_BANK_NAMESPACE, "description"))
        continue;
      else if (lo_xml_is (child, LO_BANK_NAMESPACE, "question"))
        {
          if (!read_question (ctx, bank, dimension, child, error))
            return FALSE;
        }
      else if (!lo_xml_unknown_element (ctx, child, error))
        return FALSE;
    }

  if (dimension->questions->len == 0)
    {
      lo_xml_set_error (error, LO_IO_ERROR_INVALID, ctx->file, node,
                        _("dimension %s has no <question>"), id);
      return FALSE;
    }

  return TRUE;
}

/* Checks the root: its name and namespace say what the file is. */
static gboolean
check_root (const xmlNode *root,
            const char    *file,
            GError       **error)
{
  const char *href = root->ns ? (const char *) root->ns->href : NULL;

  if (href != NULL && g_str_has_prefix (href, BANK_NAMESPACE_BASE)
      && g_strcmp0 ((const char *) root->name, BANK_ELEMENT) == 0
      && !g_str_equal (href, LO_BANK_NAMESPACE))
    {
      const char *major = href + strlen (BANK_NAMESPACE_BASE);
      int version;

      if (lo_xml_parse_int (major, 2, G_MAXINT, &version))
        {
          lo_xml_set_error (error, LO_IO_ERROR_VERSION, file, root,
                            _("question bank format %s (%s) is a newer major version than this program supports (%s)"),
                            major, href, LO_BANK_NAMESPACE);
          return FALSE;
        }
    }

  if (!lo_xml_is (root, LO_BANK_NAMESPACE, BANK_ELEMENT))
    {
      g_autofree char *label = lo_xml_element_label (root);

      if (href == NULL)
        lo_xml_set_error (error, LO_IO_ERROR_WRONG_FORMAT, file, root,
                          _("not a question bank: root element %s has no namespace (expected <%s> in %s)"),
                          label, BANK_ELEMENT, LO_BANK_NAMESPACE);
      else
        lo_xml_set_error (error, LO_IO_ERROR_WRONG_FORMAT, file, root,
                          _("not a question bank: root element %s is in namespace %s (expected <%s> in %s)"),
                          label, href, BANK_ELEMENT, LO_BANK_NAMESPACE);
      return FALSE;
    }

  return TRUE;
}

static LoBank *
read_bank (LoXmlContext  *ctx,
           const xmlNode *root,
           GError       **error)
{
  static const char * const attributes[] = { "id", "version", NULL };
  g_autoptr(LoBank) bank = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *id = NULL;
  g_autofree char *version_text = NULL;
  gboolean seen[LO_N_LEVELS] = { FALSE, };
  int version;

  if (!lo_xml_check_attributes (ctx, root, attributes, error))
    return NULL;

  id = lo_xml_attr (root, "id");
  if (id == NULL || *id == '\0')
    {
      lo_xml_set_error (error, LO_IO_ERROR_INVALID, ctx->file, root,
                        _("<question-bank> has no id"));
      return NULL;
    }
  version_text = lo_xml_attr (root, "version");
  if (version_text == NULL)
    {
      lo_xml_set_error (error, LO_IO_ERROR_INVALID, ctx->file, root,
                        _("question bank %s has no version"), id);
      return NULL;
    }
  if (!lo_xml_parse_int (version_text, 1, G_MAXINT, &version))
    {
      lo_xml_set_error (error, LO_IO_ERROR_INVALID, ctx->file, root,
                        _("question bank %s: version “%s” is not a positive integer"),
                        id, version_text);
      return NULL;
    }

  bank = lo_bank_new (id, (guint) version);

  for (const xmlNode *child = root->children; child != NULL; child = child->next)
    {
      if (!lo_xml_element_child (ctx, child, &local_error))
        {
          if (local_error != NULL)
            {
              g_propagate_error (error, g_steal_pointer (&local_error));
              return NULL;
            }
          continue;
        }

      if (lo_xml_is (child, LO_BANK_NAMESPACE, "level"))
        {
          if (!read_level (ctx, bank, child, seen, error))
            return NULL;
        }
      else if (lo_xml_is (child, LO_BANK_NAMESPACE, "dimension"))
        {
          if (!read_dimension (ctx, bank, child, error))
            return NULL;
        }
      else if (!lo_xml_unknown_element (ctx, child, error))
        return NULL;
    }

  for (int k = LO_LEVEL_MIN; k <= LO_LEVEL_MAX; k++)
    {
      if (!seen[k - 1])
        {
          lo_xml_set_error (error, LO_IO_ERROR_INVALID, ctx->file, root,
                            _("question bank %s has no <level value=\"%d\">"), id, k);
          return NULL;
        }
    }

  if (!lo_bank_check (bank, &local_error))
    {
      g_set_error (error, LO_IO_ERROR, LO_IO_ERROR_INVALID,
                   "%s: %s", ctx->file, local_error->message);
      return NULL;
    }

  return g_steal_pointer (&bank);
}

LoBank *
lo_bank_read_bytes (GBytes     *bytes,
                    const char *display_name,
                    GError    **error)
{
  LoXmlContext ctx = { display_name, NULL, FALSE, TRUE };
  g_autoptr(xmlDoc) doc = NULL;
  const xmlNode *root;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (display_name != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  doc = lo_xml_parse (bytes, display_name, error);
  if (doc == NULL)
    return NULL;

  root = xmlDocGetRootElement (doc);
  if (!check_root (root, display_name, error))
    return NULL;

  return read_bank (&ctx, root, error);
}

LoBank *
lo_bank_read_file (const char *path,
                   GError    **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *display = NULL;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  bytes = lo_xml_load_file (path, error);
  if (bytes == NULL)
    return NULL;

  display = lo_xml_display_name (path);
  return lo_bank_read_bytes (bytes, display, error);
}

/* Shipped banks: lo-shipped-banks-private.h has each one as tables generated
 * at build time from its file, so a lookup parses no XML; a bank is built the
 * first time it is asked for and kept until exit. */
static GMutex shipped_lock;
static LoBank **shipped_built;  /* lo_n_shipped_banks slots, under the lock */

static LoBank *
build_shipped (const LoShippedBank  *entry,
               GError              **error)
{
  g_autoptr(LoBank) bank = lo_bank_new (entry->id, entry->edition);
  const LoShippedQuestion *sq = entry->questions;

  for (int k = LO_LEVEL_MIN; k <= LO_LEVEL_MAX; k++)
    lo_bank_set_level (bank, k, entry->level_names[k - 1], entry->level_descriptions[k - 1]);
  for (guint d = 0; d < entry->n_dimensions; d++)
    {
      const LoShippedDimension *sd = &entry->dimensions[d];
      LoDimension *dimension = lo_bank_add_dimension (bank, sd->id, sd->name, sd->description, error);

      if (dimension == NULL)
        return NULL;
      for (guint i = 0; i < sd->n_questions; i++, sq++)
        {
          LoQuestion *question = lo_bank_add_question (bank, dimension, sq->id, sq->text,
                                                       sq->weight, sq->allow_na, error);

          if (question == NULL)
            return NULL;
          for (int k = 0; k < LO_N_LEVELS; k++)
            {
              question->options[k] = g_strdup (sq->options[k]);
              question->actions[k] = g_strdup (sq->actions[k]);
            }
        }
    }
  if (!lo_bank_check (bank, error))
    return NULL;
  bank->translatable = TRUE;
  return g_steal_pointer (&bank);
}

/* The bank of row @row of the table, built now if it is not yet; NULL and
 * @error set when it does not build (never, in a build whose tests pass). */
static LoBank *
get_shipped (guint    row,
             GError **error)
{
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&shipped_lock);
  g_autoptr(GError) local_error = NULL;

  if (shipped_built == NULL)
    shipped_built = g_new0 (LoBank *, lo_n_shipped_banks);
  if (shipped_built[row] == NULL)
    shipped_built[row] = build_shipped (&lo_shipped_banks[row], &local_error);
  if (shipped_built[row] == NULL)
    {
      g_set_error (error, LO_IO_ERROR, LO_IO_ERROR_INVALID,
                   "%s: %s", lo_shipped_banks[row].file, local_error->message);
      return NULL;
    }
  return lo_bank_ref (shipped_built[row]);
}

static void
set_not_found (GError       **error,
               const char    *id,
               guint          edition,
               const GError  *load_error)
{
  g_autofree char *name = NULL;

  if (edition == 0)
    name = g_strdup_printf (_("“%s”"), id);
  else
    /* TRANSLATORS: a question bank's id and its edition */
    name = g_strdup_printf (_("“%s” edition %u"), id, edition);

  if (load_error != NULL)
    g_set_error (error, LO_IO_ERROR, LO_IO_ERROR_NOT_FOUND,
                 _("no shipped question bank %s (a shipped bank did not load: %s)"),
                 name, load_error->message);
  else
    g_set_error (error, LO_IO_ERROR, LO_IO_ERROR_NOT_FOUND,
                 _("no shipped question bank %s"), name);
}

LoBank *
lo_bank_find_shipped_edition (const char *id,
                              guint       edition,
                              GError    **error)
{
  g_autoptr(GError) load_error = NULL;

  g_return_val_if_fail (id != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  /* newest edition first within an id: edition 0 takes the first that loads */
  for (guint i = 0; i < lo_n_shipped_banks; i++)
    {
      const LoShippedBank *entry = &lo_shipped_banks[i];
      g_autoptr(GError) local_error = NULL;
      LoBank *bank;

      if (!g_str_equal (entry->id, id) || (edition != 0 && entry->edition != edition))
        continue;
      bank = get_shipped (i, &local_error);
      if (bank != NULL)
        return bank;
      g_debug ("shipped question bank %s: %s", entry->file, local_error->message);
      if (load_error == NULL)
        load_error = g_steal_pointer (&local_error);
    }

  set_not_found (error, id, edition, load_error);
  return NULL;
}

LoBank *
lo_bank_find_shipped (const char *id,
                      GError    **error)
{
  return lo_bank_find_shipped_edition (id, 0, error);
}

GStrv
lo_bank_list_shipped (void)
{
  GStrvBuilder *builder = g_strv_builder_new ();
  const char *last = NULL;
  GStrv ids;

  for (guint i = 0; i < lo_n_shipped_banks; i++)
    {
      const char *id = lo_shipped_banks[i].id;

      /* one entry per bank, however many editions ship */
      if (g_strcmp0 (id, last) != 0)
        g_strv_builder_add (builder, id);
      last = id;
    }
  ids = g_strv_builder_end (builder);
  g_strv_builder_unref (builder);
  return ids;
}

/* Writing */

static void
append_text_element (GString    *out,
                     int         indent,
                     const char *element,
                     const char *attribute,
                     int         attribute_value,
                     const char *text)
{
  g_string_append_printf (out, "%*s<%s", indent, "", element);
  if (attribute != NULL)
    lo_xml_append_int_attr (out, attribute, attribute_value);
  g_string_append_c (out, '>');
  lo_xml_append_escaped (out, text, FALSE);
  g_string_append_printf (out, "</%s>\n", element);
}

char *
lo_bank_to_xml (const LoBank *bank,
                gsize        *length)
{
  GString *out;

  g_return_val_if_fail (bank != NULL, NULL);

  out = g_string_new ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
  g_string_append (out, "<" BANK_ELEMENT);
  lo_xml_append_attr (out, "xmlns", LO_BANK_NAMESPACE);
  lo_xml_append_attr (out, "id", bank->id);
  g_string_append_printf (out, " version=\"%u\">\n", bank->version);

  for (guint i = 0; i < LO_N_LEVELS; i++)
    {
      const LoLevelDef *level = &bank->levels[i];

      g_string_append_printf (out, "  <level value=\"%u\">\n", i + 1);
      append_text_element (out, 4, "name", NULL, 0, level->name);
      if (level->description != NULL && *level->description != '\0')
        append_text_element (out, 4, "description", NULL, 0, level->description);
      g_string_append (out, "  </level>\n");
    }

  for (guint d = 0; d < bank->dimensions->len; d++)
    {
      const LoDimension *dimension = g_ptr_array_index (bank->dimensions, d);

      g_string_append (out, "  <dimension");
      lo_xml_append_attr (out, "id", dimension->id);
      g_string_append (out, ">\n");
      append_text_element (out, 4, "name", NULL, 0, dimension->name);
      if (dimension->description != NULL && *dimension->description != '\0')
        append_text_element (out, 4, "description", NULL, 0, dimension->description);

      for (guint q = 0; q < dimension->questions->len; q++)
        {
          const LoQuestion *question = g_ptr_array_index (dimension->questions, q);

          g_string_append (out, "    <question");
          lo_xml_append_attr (out, "id", question->id);
          lo_xml_append_number_attr (out, "weight", question->weight);
          lo_xml_append_attr (out, "allow-na", question->allow_na ? "true" : "false");
          g_string_append (out, ">\n");
          append_text_element (out, 6, "text", NULL, 0, question->text);
          for (int k = LO_LEVEL_MIN; k <= LO_LEVEL_MAX; k++)
            append_text_element (out, 6, "option", "level", k, question->options[k - 1]);
          for (int k = LO_LEVEL_MIN + 1; k <= LO_LEVEL_MAX; k++)
            append_text_element (out, 6, "action", "level", k, question->actions[k - 1]);
          g_string_append (out, "    </question>\n");
        }

      g_string_append (out, "  </dimension>\n");
    }

  g_string_append (out, "</" BANK_ELEMENT ">\n");

  if (length)
    *length = out->len;
  return g_string_free (out, FALSE);
}
