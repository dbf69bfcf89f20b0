/* lo-report-fonts.c: the report's fonts
 *
 * A report measures and draws its text and its charts with one font map of
 * its own at 72 units per inch (a PDF point), asked for the family
 * LO_RENDER_DEFAULT_FONT found: pango then matches each size once (its
 * metrics look the family up by the name it found).  A match weighs every
 * installed font — about a millisecond for each size, a few dozen sizes a
 * report — so lo_report_fonts_new() does them in another thread while the
 * caller reads and analyses the engagement; the map is handed to one thread
 * at a time, never shared.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <cairo-pdf.h>

#include "lo-report-private.h"

struct _LoReportFonts
{
  char         *language;
  GThread      *thread;   /* NULL once joined */
  PangoFontMap *map;
  char         *family;
};

PangoContext *
lo_report_font_context_new (PangoFontMap *map,
                            const char   *language)
{
  PangoContext *context = pango_font_map_create_context (map);
  cairo_font_options_t *options;

  /* The report's language, not the process's: its words are in it, and
   * every run of text, figures too, then asks for the same fonts. */
  pango_context_set_language (context, pango_language_from_string (language ? language : "en"));
  pango_cairo_context_set_resolution (context, 72);
  /* A PDF is not a pixel grid: glyphs at their true advances print as
   * whole words, not one positioned glyph at a time. */
  pango_context_set_round_glyph_positions (context, FALSE);
  options = cairo_font_options_create ();
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (context, options);
  cairo_font_options_destroy (options);
  return context;
}

PangoFontMap *
lo_report_font_map_new (const char  *language,
                        char       **family)
{
  PangoFontMap *map = pango_cairo_font_map_new ();
  PangoContext *context;
  PangoFont *font;
  PangoFontDescription *desc;

  g_return_val_if_fail (family != NULL, NULL);

  *family = NULL;
  pango_cairo_font_map_set_resolution (PANGO_CAIRO_FONT_MAP (map), 72);
  context = lo_report_font_context_new (map, language);
  desc = pango_font_description_from_string (LO_RENDER_DEFAULT_FONT);
  font = pango_font_map_load_font (map, context, desc);
  pango_font_description_free (desc);
  if (font != NULL)
    {
      PangoFontDescription *found = pango_font_describe (font);
      const char *name = pango_font_description_get_family (found);

      if (name != NULL && *name != '\0')
        *family = g_strdup (name);
      pango_font_description_free (found);
      g_object_unref (font);
    }
  g_object_unref (context);
  return map;
}

/* The text sizes the report sets (make_layout's callers and the markup's
 * <small>), bold or not, and the italic of its body. */
static const struct
{
  double      size;
  PangoWeight weight;
  PangoStyle  style;
} text_fonts[] = {
  { SIZE_BODY,          PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL },
  { SIZE_BODY,          PANGO_WEIGHT_BOLD,   PANGO_STYLE_NORMAL },
  { SIZE_BODY,          PANGO_WEIGHT_NORMAL, PANGO_STYLE_ITALIC },
  { SIZE_BODY / 1.2,    PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL },
  { SIZE_SMALL,         PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL },
  { SIZE_SMALL,         PANGO_WEIGHT_BOLD,   PANGO_STYLE_NORMAL },
  { SIZE_SMALL * 0.95,  PANGO_WEIGHT_BOLD,   PANGO_STYLE_NORMAL },
  { SIZE_H1,            PANGO_WEIGHT_BOLD,   PANGO_STYLE_NORMAL },
  { SIZE_H2,            PANGO_WEIGHT_BOLD,   PANGO_STYLE_NORMAL },
  { SIZE_H3,            PANGO_WEIGHT_BOLD,   PANGO_STYLE_NORMAL },
  { SIZE_FIGURE,        PANGO_WEIGHT_BOLD,   PANGO_STYLE_NORMAL },
  { SIZE_COVER,         PANGO_WEIGHT_BOLD,   PANGO_STYLE_NORMAL },
  { 14,                 PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL },  /* cover */
  { 12,                 PANGO_WEIGHT_BOLD,   PANGO_STYLE_NORMAL },  /* cover */
  { 8,                  PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL },  /* footer */
};

static PangoFontDescription *
text_font (const char *family,
           guint       i)
{
  PangoFontDescription *desc = pango_font_description_from_string (family);

  pango_font_description_set_absolute_size (desc, text_fonts[i].size * PANGO_SCALE);
  pango_font_description_set_weight (desc, text_fonts[i].weight);
  pango_font_description_set_style (desc, text_fonts[i].style);
  return desc;
}

/* Asks for @desc's fonts: pango starts their match in a thread of its own
 * and returns; the first font taken from the set waits for it. */
static void
start_match (GPtrArray            *fontsets,
             PangoContext         *context,
             PangoFontDescription *desc)
{
  PangoFontset *fontset = pango_context_load_fontset (context, desc,
                                                      pango_context_get_language (context));

  if (fontset != NULL)
    g_ptr_array_add (fontsets, fontset);
  pango_font_description_free (desc);
}

static void
start_text (PangoFontMap *map,
            const char   *language,
            const char   *family,
            GPtrArray    *fontsets)
{
  PangoContext *context = lo_report_font_context_new (map, language);

  for (guint i = 0; i < G_N_ELEMENTS (text_fonts); i++)
    start_match (fontsets, context, text_font (family, i));
  g_object_unref (context);
}

static void
warm_text (PangoFontMap *map,
           const char   *language,
           const char   *family)
{
  PangoContext *context = lo_report_font_context_new (map, language);

  for (guint i = 0; i < G_N_ELEMENTS (text_fonts); i++)
    {
      PangoLayout *layout = pango_layout_new (context);
      PangoFontDescription *desc = text_font (family, i);

      pango_layout_set_font_description (layout, desc);
      pango_font_description_free (desc);
      pango_layout_set_text (layout, "Ag", -1);
      pango_layout_get_line_count (layout);
      g_object_unref (layout);
    }
  g_object_unref (context);
}

static cairo_status_t
discard (void                *closure,
         const unsigned char *data,
         unsigned int         length)
{
  return CAIRO_STATUS_SUCCESS;
}

/* The charts' fonts, as a painter on a PDF page makes them: full-size
 * charts (the report's chart size) and smaller ones, plain, small, large and
 * bold.  With @fontsets, their matches are started; without, each is
 * measured with (pango's metrics then ask for the same fonts). */
static void
warm_charts (PangoFontMap *map,
             const char   *language,
             const char   *family,
             GPtrArray    *fontsets)
{
  static const double sides[] = { 1000, 121.5 };   /* 8 and 6.75 points */
  static const LoTextFlags flags[] = {
    LO_TEXT_NORMAL, LO_TEXT_BOLD, LO_TEXT_SMALL, LO_TEXT_SMALL | LO_TEXT_BOLD, LO_TEXT_LARGE,
  };
  cairo_surface_t *surface = cairo_pdf_surface_create_for_stream (discard, NULL, 100, 100);
  cairo_t *cr = cairo_create (surface);
  LoRenderContext ctx;

  lo_render_context_init (&ctx);
  ctx.font_size = LO_REPORT_CHART_FONT_SIZE;
  ctx.language = language;
  ctx.font_map = map;
  ctx.font_family = family;
  for (guint i = 0; i < G_N_ELEMENTS (sides); i++)
    {
      LoPainter p;

      lo_painter_init (&p, cr, sides[i], sides[i], &ctx);
      for (guint f = 0; f < G_N_ELEMENTS (flags); f++)
        {
          if (fontsets == NULL)
            {
              lo_painter_measure (&p, "Ag", flags[f], 0, 1, NULL, NULL);
              continue;
            }
          start_match (fontsets, pango_layout_get_context (p.layout), lo_painter_font (&p, flags[f]));
        }
      lo_painter_clear (&p);
    }
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  cairo_surface_destroy (surface);
}

static gpointer
warm_fonts (gpointer data)
{
  LoReportFonts *fonts = data;
  GPtrArray *fontsets;
  const char *family;

  fonts->map = lo_report_font_map_new (fonts->language, &fonts->family);
  family = fonts->family ? fonts->family : LO_RENDER_DEFAULT_FONT;

  /* Every match started first, so pango's matching threads share the
   * cores; then each waited for; then the text measured once per font,
   * which loads the metrics. */
  fontsets = g_ptr_array_new_with_free_func (g_object_unref);
  start_text (fonts->map, fonts->language, family, fontsets);
  warm_charts (fonts->map, fonts->language, family, fontsets);
  for (guint i = 0; i < fontsets->len; i++)
    {
      PangoFont *font = pango_fontset_get_font (g_ptr_array_index (fontsets, i), 'A');

      g_clear_object (&font);
    }
  g_ptr_array_unref (fontsets);
  warm_text (fonts->map, fonts->language, family);
  warm_charts (fonts->map, fonts->language, family, NULL);
  return NULL;
}

LoReportFonts *
lo_report_fonts_new (const char *language)
{
  LoReportFonts *fonts = g_new0 (LoReportFonts, 1);

  fonts->language = g_strdup (language ? language : "en");
  fonts->thread = g_thread_try_new ("lo-report-fonts", warm_fonts, fonts, NULL);
  if (fonts->thread == NULL)
    warm_fonts (fonts);   /* no thread to spare: the same work, now */
  return fonts;
}

static void
join (LoReportFonts *fonts)
{
  if (fonts->thread != NULL)
    g_thread_join (g_steal_pointer (&fonts->thread));
}

PangoFontMap *
lo_report_fonts_take_map (LoReportFonts  *fonts,
                          char          **family)
{
  g_return_val_if_fail (fonts != NULL, NULL);
  g_return_val_if_fail (family != NULL, NULL);

  join (fonts);
  if (fonts->map == NULL)   /* taken by an earlier report */
    return lo_report_font_map_new (fonts->language, family);
  *family = g_steal_pointer (&fonts->family);
  return g_steal_pointer (&fonts->map);
}

void
lo_report_fonts_free (LoReportFonts *fonts)
{
  if (fonts == NULL)
    return;
  join (fonts);
  g_clear_object (&fonts->map);
  g_free (fonts->family);
  g_free (fonts->language);
  g_free (fonts);
}
