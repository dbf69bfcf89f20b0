/* lo-report.c: page layout of the report and the PDF writer
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <cairo-pdf.h>
#include <math.h>
#include <stdarg.h>
#include <string.h>
#include <sys/stat.h>

#include "lo-report-private.h"

#define MM (72.0 / 25.4)


typedef struct
{
  LoBlockKind   kind;
  gboolean      new_page;
  int           level;
  char         *plain;       /* heading text for the outline */
  PangoLayout  *text;        /* heading, text, bullet, note, chart caption */
  double        height;
  /* chart */
  char         *name;
  char         *item;
  double        chart_h;
  /* a drawing (lo_doc_drawing): drawn by the caller's function instead */
  LoDocDrawFunc draw;
  gpointer      draw_data;
  GDestroyNotify draw_free;
  /* table */
  guint         n_cols;
  double       *widths;      /* points */
  gboolean     *numeric;
  PangoLayout **header;
  double        header_h;
  GPtrArray    *rows;        /* PangoLayout** (n_cols each) */
  GArray       *row_h;       /* double */
  /* figures */
  GPtrArray    *fig_values;  /* PangoLayout* */
  GPtrArray    *fig_labels;
  /* cover */
  char         *cover[5];    /* title, client, subtitle, prepared by, date */
} LoBlock;

typedef struct
{
  LoBlock *block;
  double   y;
  guint    row0, row1;       /* tables: the rows on this page */
} Placement;

typedef struct
{
  int    level;
  char  *title;
  guint  page;
  double y;
} OutlineEntry;

struct _LoDoc
{
  LoReportLayout *layout;
  GPtrArray      *blocks;
  LoBlock        *table;
  gboolean        page_break;
};

struct _LoReportLayout
{
  const LoReportInput *input;
  LoRenderContext      ctx;
  char                *language;
  char                *currency;
  char                *consultant;
  GDateTime           *date;
  LoPaper              paper;
  double               page_w, page_h;
  double               margin_x, margin_top, margin_bottom;
  double               text_w;
  PangoFontMap        *font_map;
  char                *font_family;   /* the family LO_RENDER_DEFAULT_FONT found */
  PangoContext        *pctx;
  PangoFontDescription *font;
  LoDoc                doc;
  GPtrArray           *pages;      /* GArray of Placement */
  GArray              *outline;    /* OutlineEntry */
  cairo_surface_t     *logo;
  LoColour             accent;     /* the firm's accent colour, else the palette's blue */
  char                *footer;
  PangoLayout         *footer_layout; /* the same on every page: shaped once */
  char                *title;
};

void
lo_paper_size (LoPaper paper,
               double *width,
               double *height)
{
  if (paper == LO_PAPER_LETTER)
    {
      *width = 612;
      *height = 792;
    }
  else
    {
      *width = 210 * MM;
      *height = 297 * MM;
    }
}

static void
block_free (LoBlock *b)
{
  g_free (b->plain);
  g_clear_object (&b->text);
  g_free (b->name);
  g_free (b->item);
  if (b->draw_free)
    b->draw_free (b->draw_data);
  g_free (b->widths);
  g_free (b->numeric);
  if (b->header)
    {
      for (guint i = 0; i < b->n_cols; i++)
        g_clear_object (&b->header[i]);
      g_free (b->header);
    }
  if (b->rows)
    {
      for (guint r = 0; r < b->rows->len; r++)
        {
          PangoLayout **cells = g_ptr_array_index (b->rows, r);
          for (guint i = 0; i < b->n_cols; i++)
            g_clear_object (&cells[i]);
          g_free (cells);
        }
      g_ptr_array_unref (b->rows);
    }
  g_clear_pointer (&b->row_h, g_array_unref);
  g_clear_pointer (&b->fig_values, g_ptr_array_unref);
  g_clear_pointer (&b->fig_labels, g_ptr_array_unref);
  for (guint i = 0; i < G_N_ELEMENTS (b->cover); i++)
    g_free (b->cover[i]);
  g_free (b);
}

/* Text measurement */

static PangoLayout *
make_layout (LoReportLayout *L,
             const char     *markup,
             double          size,
             PangoWeight     weight,
             gboolean        italic,
             double          width,
             PangoAlignment  align)
{
  PangoLayout *layout = pango_layout_new (L->pctx);
  PangoFontDescription *desc = pango_font_description_copy_static (L->font);

  pango_font_description_set_absolute_size (desc, size * PANGO_SCALE);
  pango_font_description_set_weight (desc, weight);
  if (italic)
    pango_font_description_set_style (desc, PANGO_STYLE_ITALIC);
  pango_layout_set_font_description (layout, desc);
  pango_font_description_free (desc);
  pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_alignment (layout, align);
  if (size >= SIZE_BODY)
    pango_layout_set_spacing (layout, (int) (size * 0.22 * PANGO_SCALE));
  else
    pango_layout_set_spacing (layout, (int) (size * 0.12 * PANGO_SCALE));
  pango_layout_set_markup (layout, markup ? markup : "", -1);
  return layout;
}

static double
layout_height (PangoLayout *layout)
{
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);
  return (double) logical.height / PANGO_SCALE;
}

static void
show_layout (cairo_t        *cr,
             PangoLayout    *layout,
             double          x,
             double          y,
             const LoColour *colour)
{
  lo_set_colour (cr, colour, 1);
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
  cairo_new_path (cr);
}

/* Builders */

static LoBlock *
doc_add (LoDoc      *doc,
         LoBlockKind kind)
{
  LoBlock *b = g_new0 (LoBlock, 1);

  b->kind = kind;
  b->new_page = doc->page_break;
  doc->page_break = FALSE;
  g_ptr_array_add (doc->blocks, b);
  doc->table = NULL;
  return b;
}

void
lo_doc_cover (LoDoc      *doc,
              const char *title,
              const char *client,
              const char *subtitle,
              const char *prepared_by,
              const char *date)
{
  LoBlock *b = doc_add (doc, LO_BLOCK_COVER);

  b->cover[0] = g_strdup (title);
  b->cover[1] = g_strdup (client);
  b->cover[2] = g_strdup (subtitle);
  b->cover[3] = g_strdup (prepared_by);
  b->cover[4] = g_strdup (date);
  b->height = doc->layout->page_h;
}

void
lo_doc_heading (LoDoc      *doc,
                int         level,
                const char *text)
{
  LoReportLayout *L = doc->layout;
  LoBlock *b = doc_add (doc, LO_BLOCK_HEADING);
  g_autofree char *markup = g_markup_escape_text (text, -1);
  double size = level == 1 ? SIZE_H1 : (level == 2 ? SIZE_H2 : SIZE_H3);

  b->level = CLAMP (level, 1, 3);
  b->plain = g_strdup (text);
  b->text = make_layout (L, markup, size, PANGO_WEIGHT_BOLD, FALSE, L->text_w, PANGO_ALIGN_LEFT);
  pango_layout_set_spacing (b->text, 0);
  b->height = layout_height (b->text) + (level == 1 ? 14 : 0);
}

void
lo_doc_page_break (LoDoc *doc)
{
  doc->page_break = TRUE;
}

void
lo_doc_text (LoDoc      *doc,
             const char *markup)
{
  LoReportLayout *L = doc->layout;
  LoBlock *b = doc_add (doc, LO_BLOCK_TEXT);

  b->text = make_layout (L, markup, SIZE_BODY, PANGO_WEIGHT_NORMAL, FALSE, L->text_w,
                         PANGO_ALIGN_LEFT);
  b->height = layout_height (b->text);
}

void
lo_doc_textf (LoDoc      *doc,
              const char *format,
              ...)
{
  va_list args;
  g_autofree char *markup = NULL;

  va_start (args, format);
  markup = g_markup_vprintf_escaped (format, args);
  va_end (args);
  lo_doc_text (doc, markup);
}

void
lo_doc_bullet (LoDoc      *doc,
               const char *markup)
{
  LoReportLayout *L = doc->layout;
  LoBlock *b = doc_add (doc, LO_BLOCK_BULLET);

  b->text = make_layout (L, markup, SIZE_BODY, PANGO_WEIGHT_NORMAL, FALSE, L->text_w - 14,
                         PANGO_ALIGN_LEFT);
  b->height = layout_height (b->text);
}

void
lo_doc_note (LoDoc      *doc,
             const char *markup)
{
  LoReportLayout *L = doc->layout;
  LoBlock *b = doc_add (doc, LO_BLOCK_NOTE);

  b->text = make_layout (L, markup, SIZE_BODY, PANGO_WEIGHT_NORMAL, FALSE, L->text_w - 24,
                         PANGO_ALIGN_LEFT);
  b->height = layout_height (b->text) + 16;
}

void
lo_doc_chart (LoDoc      *doc,
              const char *name,
              const char *item,
              double      height,
              const char *caption)
{
  LoReportLayout *L = doc->layout;
  LoBlock *b = doc_add (doc, LO_BLOCK_CHART);
  g_autofree char *own = NULL;
  g_autofree char *markup = NULL;

  b->name = g_strdup (name);
  b->item = g_strdup (item);
  b->chart_h = height;
  if (caption == NULL)
    caption = own = lo_chart_caption (name, &L->ctx, L->input, item);
  if (caption)
    {
      markup = g_markup_escape_text (caption, -1);
      b->text = make_layout (L, markup, SIZE_SMALL, PANGO_WEIGHT_BOLD, FALSE, L->text_w,
                             PANGO_ALIGN_LEFT);
    }
  b->height = height + (b->text ? 6 + layout_height (b->text) : 0);
}

void
lo_doc_drawing (LoDoc         *doc,
                double         height,
                LoDocDrawFunc  draw,
                gpointer       data,
                GDestroyNotify destroy,
                const char    *caption)
{
  LoReportLayout *L = doc->layout;
  LoBlock *b = doc_add (doc, LO_BLOCK_CHART);

  b->draw = draw;
  b->draw_data = data;
  b->draw_free = destroy;
  b->chart_h = height;
  if (caption)
    {
      g_autofree char *markup = g_markup_escape_text (caption, -1);
      b->text = make_layout (L, markup, SIZE_SMALL, PANGO_WEIGHT_NORMAL, FALSE, L->text_w,
                             PANGO_ALIGN_LEFT);
    }
  b->height = height + (b->text ? 6 + layout_height (b->text) : 0);
}

void
lo_doc_table_begin (LoDoc             *doc,
                    guint              n_cols,
                    const double      *widths,
                    const gboolean    *numeric,
                    const char *const *header)
{
  LoReportLayout *L = doc->layout;
  LoBlock *b = doc_add (doc, LO_BLOCK_TABLE);
  double total = 0;

  b->n_cols = n_cols;
  b->widths = g_new (double, n_cols);
  b->numeric = g_new0 (gboolean, n_cols);
  b->header = g_new0 (PangoLayout *, n_cols);
  for (guint i = 0; i < n_cols; i++)
    total += widths[i];
  b->header_h = 0;
  for (guint i = 0; i < n_cols; i++)
    {
      g_autofree char *markup = g_markup_escape_text (header[i], -1);

      b->widths[i] = L->text_w * widths[i] / total;
      b->numeric[i] = numeric ? numeric[i] : FALSE;
      b->header[i] = make_layout (L, markup, SIZE_SMALL * 0.95, PANGO_WEIGHT_BOLD, FALSE,
                                  b->widths[i] - 8,
                                  b->numeric[i] ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_LEFT);
      b->header_h = MAX (b->header_h, layout_height (b->header[i]) + 8);
    }
  b->rows = g_ptr_array_new ();
  b->row_h = g_array_new (FALSE, FALSE, sizeof (double));
  b->height = b->header_h;
  doc->table = b;
}

void
lo_doc_table_row (LoDoc             *doc,
                  const char *const *cells)
{
  LoReportLayout *L = doc->layout;
  LoBlock *b = doc->table;
  PangoLayout **row;
  double h = 0;

  g_return_if_fail (b != NULL);
  row = g_new0 (PangoLayout *, b->n_cols);
  for (guint i = 0; i < b->n_cols; i++)
    {
      row[i] = make_layout (L, cells[i] ? cells[i] : "", SIZE_TABLE, PANGO_WEIGHT_NORMAL, FALSE,
                            b->widths[i] - 8,
                            b->numeric[i] ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_LEFT);
      h = MAX (h, layout_height (row[i]));
    }
  h += 7;
  g_ptr_array_add (b->rows, row);
  g_array_append_val (b->row_h, h);
  b->height += h;
}

void
lo_doc_table_rowv (LoDoc *doc,
                   ...)
{
  va_list args;
  const char *cells[16] = { NULL };
  guint n = 0;
  const char *cell;

  g_return_if_fail (doc->table != NULL);
  va_start (args, doc);
  while ((cell = va_arg (args, const char *)) != NULL && n < G_N_ELEMENTS (cells))
    cells[n++] = cell;
  va_end (args);
  lo_doc_table_row (doc, cells);
}

void
lo_doc_figure (LoDoc      *doc,
               const char *value,
               const char *label)
{
  LoReportLayout *L = doc->layout;
  LoBlock *b = doc->table;
  g_autofree char *v = g_markup_escape_text (value, -1);
  g_autofree char *l = g_markup_escape_text (label, -1);
  double w = (L->text_w - 3 * 12) / 4;

  if (doc->blocks->len == 0 ||
      ((LoBlock *) g_ptr_array_index (doc->blocks, doc->blocks->len - 1))->kind != LO_BLOCK_FIGURES ||
      ((LoBlock *) g_ptr_array_index (doc->blocks, doc->blocks->len - 1))->fig_values->len >= 4)
    {
      b = doc_add (doc, LO_BLOCK_FIGURES);
      b->fig_values = g_ptr_array_new_with_free_func (g_object_unref);
      b->fig_labels = g_ptr_array_new_with_free_func (g_object_unref);
    }
  else
    b = g_ptr_array_index (doc->blocks, doc->blocks->len - 1);
  doc->table = NULL;
  g_ptr_array_add (b->fig_values, make_layout (L, v, SIZE_FIGURE, PANGO_WEIGHT_BOLD, FALSE, w - 8,
                                               PANGO_ALIGN_LEFT));
  g_ptr_array_add (b->fig_labels, make_layout (L, l, SIZE_SMALL, PANGO_WEIGHT_NORMAL, FALSE, w - 8,
                                               PANGO_ALIGN_LEFT));
  b->height = 0;
  for (guint i = 0; i < b->fig_values->len; i++)
    b->height = MAX (b->height, layout_height (g_ptr_array_index (b->fig_values, i)) + 2 +
                                layout_height (g_ptr_array_index (b->fig_labels, i)) + 12);
}

/* Pagination */

static double
space_before (const LoBlock *b)
{
  switch (b->kind)
    {
    case LO_BLOCK_HEADING:
      return b->level == 1 ? 0 : (b->level == 2 ? 18 : 12);
    case LO_BLOCK_CHART:
    case LO_BLOCK_TABLE:
    case LO_BLOCK_FIGURES:
    case LO_BLOCK_NOTE:
      return 10;
    case LO_BLOCK_BULLET:
      return 3;
    case LO_BLOCK_TEXT:
    case LO_BLOCK_COVER:
    default:
      return 6;
    }
}

/* The least of @b that must follow a heading on the same page. */
static double
first_part (const LoBlock *b)
{
  /* A table never leaves its header and fewer than two rows at a page foot. */
  if (b->kind == LO_BLOCK_TABLE)
    {
      double h = b->header_h;

      for (guint i = 0; i < MIN (2, b->row_h->len); i++)
        h += g_array_index (b->row_h, double, i);
      return h;
    }
  return b->height;
}

static GArray *
new_page (LoReportLayout *L)
{
  GArray *page = g_array_new (FALSE, FALSE, sizeof (Placement));

  g_ptr_array_add (L->pages, page);
  return page;
}

static void
place (GArray  *page,
       LoBlock *b,
       double   y,
       guint    row0,
       guint    row1)
{
  Placement pl = { b, y, row0, row1 };

  g_array_append_val (page, pl);
}

static void
paginate (LoReportLayout *L)
{
  GPtrArray *blocks = L->doc.blocks;
  double top = L->margin_top, bottom = L->page_h - L->margin_bottom;
  GArray *page = NULL;
  double y = top;

  for (guint i = 0; i < blocks->len; i++)
    {
      LoBlock *b = g_ptr_array_index (blocks, i);
      double sb, keep;

      if (b->kind == LO_BLOCK_COVER)
        {
          page = new_page (L);
          place (page, b, 0, 0, 0);
          page = NULL;
          continue;
        }
      if (page == NULL || ((b->new_page || (b->kind == LO_BLOCK_HEADING && b->level == 1)) &&
                           page->len > 0))
        {
          page = new_page (L);
          y = top;
        }
      sb = page->len == 0 ? 0 : space_before (b);

      if (b->kind == LO_BLOCK_TABLE)
        {
          guint row = 0, n = b->rows->len;

          if (y + sb + first_part (b) > bottom && page->len > 0)
            {
              page = new_page (L);
              y = top;
              sb = 0;
            }
          y += sb;
          while (TRUE)
            {
              guint start = row;
              double yy = y + b->header_h;

              while (row < n && yy + g_array_index (b->row_h, double, row) <= bottom)
                yy += g_array_index (b->row_h, double, row++);
              /* a row taller than a page goes alone */
              if (row == start && row < n)
                yy += g_array_index (b->row_h, double, row++);
              /* the last row but one stays with the last: no single row
               * opens the next page */
              if (row == n - 1 && row - start > 2)
                yy -= g_array_index (b->row_h, double, --row);
              place (page, b, y, start, row);
              y = yy;
              if (row >= n)
                break;
              page = new_page (L);
              y = top;
            }
          continue;
        }

      keep = b->height;
      if (b->kind == LO_BLOCK_HEADING)
        {
          /* A heading stays with its first paragraph, and a subheading under a
           * heading with both. */
          /* … and with the short paragraphs under it up to the first chart
           * or table, so that a section never opens on its last line. */
          for (guint j = i + 1; j < blocks->len && j <= i + 4; j++)
            {
              LoBlock *next = g_ptr_array_index (blocks, j);
              if (next->kind == LO_BLOCK_COVER || next->new_page ||
                  (next->kind == LO_BLOCK_HEADING && next->level == 1))
                break;
              keep += space_before (next) + MIN (first_part (next), (bottom - top) * 0.4);
              if (next->kind != LO_BLOCK_HEADING && next->kind != LO_BLOCK_TEXT)
                break;
              if (keep > (bottom - top) * 0.6)
                break;
            }
        }
      if (y + sb + keep > bottom && page->len > 0)
        {
          page = new_page (L);
          y = top;
          sb = 0;
        }
      place (page, b, y + sb, 0, 0);
      if (b->kind == LO_BLOCK_HEADING && b->level <= 2)
        {
          OutlineEntry e = { b->level, g_strdup (b->plain), L->pages->len - 1, y + sb };
          g_array_append_val (L->outline, e);
        }
      y += sb + b->height;
    }
}

/* Drawing */

static void
draw_cover (LoReportLayout *L,
            cairo_t        *cr,
            const LoBlock  *b)
{
  double x = L->margin_x, w = L->text_w, y;
  g_autoptr (PangoLayout) kicker = NULL;
  g_autoptr (PangoLayout) client = NULL;
  g_autoptr (PangoLayout) subtitle = NULL;
  g_autoptr (PangoLayout) meta = NULL;
  g_autofree char *k = g_markup_escape_text (b->cover[0], -1);
  g_autofree char *c = g_markup_escape_text (b->cover[1], -1);
  g_autofree char *s = g_markup_escape_text (b->cover[2] ? b->cover[2] : "", -1);
  g_autofree char *m = NULL;

  /* A band of the palette across the top, level colours light to dark. */
  for (int level = 1; level <= 5; level++)
    {
      lo_set_colour (cr, lo_level_colour (level), 1);
      cairo_rectangle (cr, (level - 1) * L->page_w / 5, 0, L->page_w / 5 + 0.5, 10 * MM);
      cairo_fill (cr);
    }

  if (L->logo)
    {
      double lw = cairo_image_surface_get_width (L->logo);
      double lh = cairo_image_surface_get_height (L->logo);
      double scale = MIN (50 * MM / lw, 22 * MM / lh);

      cairo_save (cr);
      cairo_translate (cr, x, 22 * MM);
      cairo_scale (cr, scale, scale);
      cairo_set_source_surface (cr, L->logo, 0, 0);
      cairo_paint (cr);
      cairo_restore (cr);
    }

  y = L->page_h * 0.34;
  kicker = make_layout (L, k, 12, PANGO_WEIGHT_BOLD, FALSE, w, PANGO_ALIGN_LEFT);
  show_layout (cr, kicker, x, y, &L->accent);
  y += layout_height (kicker) + 10;

  client = make_layout (L, c, SIZE_COVER, PANGO_WEIGHT_BOLD, FALSE, w, PANGO_ALIGN_LEFT);
  pango_layout_set_spacing (client, 0);
  /* A very long client name wraps, then shrinks, rather than running off. */
  if (pango_layout_get_line_count (client) > 3)
    {
      g_clear_object (&client);
      client = make_layout (L, c, 22, PANGO_WEIGHT_BOLD, FALSE, w, PANGO_ALIGN_LEFT);
      pango_layout_set_height (client, -4);
      pango_layout_set_ellipsize (client, PANGO_ELLIPSIZE_END);
    }
  show_layout (cr, client, x, y, &lo_ink);
  y += layout_height (client) + 16;

  subtitle = make_layout (L, s, 14, PANGO_WEIGHT_NORMAL, FALSE, w * 0.8, PANGO_ALIGN_LEFT);
  show_layout (cr, subtitle, x, y, &lo_ink_muted);

  m = b->cover[3] ? g_markup_printf_escaped ("<b>%s</b>\n%s", b->cover[3], b->cover[4])
                  : g_markup_escape_text (b->cover[4], -1);
  meta = make_layout (L, m, SIZE_BODY, PANGO_WEIGHT_NORMAL, FALSE, w, PANGO_ALIGN_LEFT);
  lo_set_colour (cr, &lo_rule, 1);
  cairo_set_line_width (cr, 0.8);
  y = L->page_h - L->margin_bottom - layout_height (meta) - 12;
  cairo_move_to (cr, x, y);
  cairo_line_to (cr, x + 60 * MM, y);
  cairo_stroke (cr);
  show_layout (cr, meta, x, y + 10, &lo_ink);
}

static void
draw_table (LoReportLayout  *L,
            cairo_t         *cr,
            const Placement *pl)
{
  const LoBlock *b = pl->block;
  double x0 = L->margin_x, y = pl->y, x;

  x = x0;
  for (guint i = 0; i < b->n_cols; i++)
    {
      show_layout (cr, b->header[i], x + 4, y + 3, &lo_ink_muted);
      x += b->widths[i];
    }
  y += b->header_h;
  lo_set_colour (cr, &lo_rule, 1);
  cairo_set_line_width (cr, 0.8);
  cairo_move_to (cr, x0, y);
  cairo_line_to (cr, x0 + L->text_w, y);
  cairo_stroke (cr);

  for (guint r = pl->row0; r < pl->row1; r++)
    {
      PangoLayout **cells = g_ptr_array_index (b->rows, r);
      double h = g_array_index (b->row_h, double, r);

      x = x0;
      for (guint i = 0; i < b->n_cols; i++)
        {
          show_layout (cr, cells[i], x + 4, y + 3.5, &lo_ink);
          x += b->widths[i];
        }
      y += h;
      if (r + 1 < pl->row1)
        {
          lo_set_colour (cr, &lo_grid, 1);
          cairo_set_line_width (cr, 0.5);
          cairo_move_to (cr, x0, y);
          cairo_line_to (cr, x0 + L->text_w, y);
          cairo_stroke (cr);
        }
    }
  lo_set_colour (cr, &lo_rule, 1);
  cairo_set_line_width (cr, 0.6);
  cairo_move_to (cr, x0, y);
  cairo_line_to (cr, x0 + L->text_w, y);
  cairo_stroke (cr);
}

static void
draw_block (LoReportLayout  *L,
            cairo_t         *cr,
            const Placement *pl)
{
  const LoBlock *b = pl->block;
  double x = L->margin_x, y = pl->y;

  cairo_save (cr);
  switch (b->kind)
    {
    case LO_BLOCK_COVER:
      draw_cover (L, cr, b);
      break;
    case LO_BLOCK_HEADING:
      if (b->level == 1)
        {
          lo_set_colour (cr, &L->accent, 1);
          cairo_rectangle (cr, x, y, 28, 3);
          cairo_fill (cr);
          y += 14;
        }
      show_layout (cr, b->text, x, y, b->level == 3 ? &lo_oi_blue : &lo_ink);
      break;
    case LO_BLOCK_TEXT:
      show_layout (cr, b->text, x, y, &lo_ink);
      break;
    case LO_BLOCK_BULLET:
      {
        PangoRectangle line;
        lo_set_colour (cr, &lo_oi_blue, 1);
        pango_layout_line_get_extents (pango_layout_get_line_readonly (b->text, 0), NULL, &line);
        cairo_arc (cr, x + 4, y + (double) line.height / PANGO_SCALE * 0.5, 1.8, 0, 2 * G_PI);
        cairo_fill (cr);
        show_layout (cr, b->text, x + 14, y, &lo_ink);
      }
      break;
    case LO_BLOCK_NOTE:
      lo_set_colour (cr, &lo_oi_orange, 0.12);
      cairo_rectangle (cr, x, y, L->text_w, b->height);
      cairo_fill (cr);
      lo_set_colour (cr, &lo_oi_orange, 1);
      cairo_rectangle (cr, x, y, 2.5, b->height);
      cairo_fill (cr);
      show_layout (cr, b->text, x + 14, y + 8, &lo_ink);
      break;
    case LO_BLOCK_CHART:
      cairo_save (cr);
      cairo_translate (cr, x, y);
      cairo_rectangle (cr, 0, 0, L->text_w, b->chart_h);
      cairo_clip (cr);
      if (b->draw)
        b->draw (cr, L->text_w, b->chart_h, b->draw_data);
      else
        lo_chart_draw_by_name (cr, b->name, L->text_w, b->chart_h, &L->ctx, L->input, b->item, NULL);
      cairo_restore (cr);
      if (b->text)
        show_layout (cr, b->text, x, y + b->chart_h + 6, &lo_ink);
      break;
    case LO_BLOCK_TABLE:
      draw_table (L, cr, pl);
      break;
    case LO_BLOCK_FIGURES:
      {
        double w = (L->text_w - 3 * 12) / 4;
        for (guint i = 0; i < b->fig_values->len; i++)
          {
            PangoLayout *v = g_ptr_array_index (b->fig_values, i);
            PangoLayout *l = g_ptr_array_index (b->fig_labels, i);
            double fx = x + i * (w + 12);

            lo_set_colour (cr, &lo_oi_sky, 1);
            cairo_rectangle (cr, fx, y + 2, 2, b->height - 6);
            cairo_fill (cr);
            show_layout (cr, v, fx + 9, y, &lo_oi_blue);
            show_layout (cr, l, fx + 9, y + layout_height (v) + 2, &lo_ink_muted);
          }
      }
      break;
    }
  cairo_restore (cr);
}

static void
draw_footer (LoReportLayout *L,
             cairo_t        *cr,
             guint           page)
{
  g_autofree char *num = g_strdup_printf (_("Page %u of %u"), page + 1, L->pages->len);
  g_autofree char *num_markup = g_markup_escape_text (num, -1);
  g_autoptr (PangoLayout) right = make_layout (L, num_markup, 8, PANGO_WEIGHT_NORMAL, FALSE,
                                               L->text_w * 0.3, PANGO_ALIGN_RIGHT);
  PangoLayout *lft = L->footer_layout;
  double y = L->page_h - L->margin_bottom + 16;

  if (lft == NULL)
    {
      g_autofree char *left = g_markup_escape_text (L->footer, -1);

      lft = L->footer_layout = make_layout (L, left, 8, PANGO_WEIGHT_NORMAL, FALSE,
                                            L->text_w * 0.68, PANGO_ALIGN_LEFT);
      pango_layout_set_ellipsize (lft, PANGO_ELLIPSIZE_END);
      pango_layout_set_height (lft, -1);
    }
  lo_set_colour (cr, &lo_grid, 1);
  cairo_set_line_width (cr, 0.5);
  cairo_move_to (cr, L->margin_x, y - 5);
  cairo_line_to (cr, L->margin_x + L->text_w, y - 5);
  cairo_stroke (cr);
  show_layout (cr, lft, L->margin_x, y, &lo_ink_muted);
  show_layout (cr, right, L->margin_x + L->text_w * 0.7, y, &lo_ink_muted);
}

void
lo_report_draw_page (LoReportLayout *layout,
                     cairo_t        *cr,
                     guint           page)
{
  GArray *placements;
  gboolean cover = FALSE;

  g_return_if_fail (layout != NULL && cr != NULL);
  g_return_if_fail (page < layout->pages->len);

  placements = g_ptr_array_index (layout->pages, page);
  cairo_save (cr);
  for (guint i = 0; i < placements->len; i++)
    {
      const Placement *pl = &g_array_index (placements, Placement, i);
      cover = cover || pl->block->kind == LO_BLOCK_COVER;
      draw_block (layout, cr, pl);
    }
  if (!cover)
    draw_footer (layout, cr, page);
  cairo_restore (cr);
}

/* Layout object */

LoReportLayout *
lo_report_layout_new (const LoReportInput   *input,
                      const LoReportOptions *opts,
                      GError               **error)
{
  g_autoptr (LoReportLayout) L = NULL;
  LoReportOptions defaults;

  g_return_val_if_fail (input != NULL && input->engagement != NULL, NULL);

  if (opts == NULL)
    {
      lo_report_options_init (&defaults);
      opts = &defaults;
    }

  L = g_new0 (LoReportLayout, 1);
  L->input = input;
  L->paper = opts->paper;
  L->language = g_strdup (opts->language ? opts->language : "en");
  L->currency = g_strdup (opts->currency ? opts->currency
                                         : (input->engagement->settings.currency
                                              ? input->engagement->settings.currency : "USD"));
  L->consultant = lo_report_firm_author (opts);
  L->accent = lo_oi_blue;
  if (opts->firm != NULL)
    lo_firm_profile_accent_rgb (opts->firm, &L->accent.r, &L->accent.g, &L->accent.b);
  L->date = opts->creation_date ? g_date_time_ref (opts->creation_date) : g_date_time_new_now_local ();
  lo_render_context_init (&L->ctx);
  L->ctx.language = L->language;
  L->ctx.currency = L->currency;
  L->ctx.font_size = LO_REPORT_CHART_FONT_SIZE;
  lo_paper_size (opts->paper, &L->page_w, &L->page_h);
  L->margin_x = 22 * MM;
  L->margin_top = 22 * MM;
  L->margin_bottom = 24 * MM;
  L->text_w = L->page_w - 2 * L->margin_x;
  L->pages = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  L->outline = g_array_new (FALSE, FALSE, sizeof (OutlineEntry));

  if (opts->logo_path)
    {
      L->logo = lo_report_load_logo (opts->logo_path, error);
      if (L->logo == NULL)
        return NULL;
    }

  /* The report's own fonts (lo-report-fonts.c), matched ahead when the
   * caller started them early. */
  if (opts->fonts != NULL)
    L->font_map = lo_report_fonts_take_map (opts->fonts, &L->font_family);
  else
    L->font_map = lo_report_font_map_new (L->language, &L->font_family);
  L->ctx.font_map = L->font_map;
  L->ctx.font_family = L->font_family;
  L->pctx = lo_report_font_context_new (L->font_map, L->language);
  L->font = pango_font_description_from_string (L->font_family ? L->font_family
                                                                 : LO_RENDER_DEFAULT_FONT);

  L->doc.layout = L;
  L->doc.blocks = g_ptr_array_new_with_free_func ((GDestroyNotify) block_free);
  /* TRANSLATORS: the document's title; %s is the client's name */
  L->title = g_strdup_printf (_("AI maturity roadmap: %s"), input->engagement->client_name);
  L->footer = lo_report_firm_footer (opts, L->title);

  lo_report_build (&L->doc, input, opts, &L->ctx);
  paginate (L);
  return g_steal_pointer (&L);
}

void
lo_report_layout_free (LoReportLayout *layout)
{
  if (layout == NULL)
    return;
  g_clear_pointer (&layout->doc.blocks, g_ptr_array_unref);
  g_clear_pointer (&layout->pages, g_ptr_array_unref);
  if (layout->outline)
    {
      for (guint i = 0; i < layout->outline->len; i++)
        g_free (g_array_index (layout->outline, OutlineEntry, i).title);
      g_array_unref (layout->outline);
    }
  g_clear_object (&layout->footer_layout);
  g_clear_object (&layout->pctx);
  g_clear_object (&layout->font_map);
  g_free (layout->font_family);
  g_clear_pointer (&layout->font, pango_font_description_free);
  g_clear_pointer (&layout->logo, cairo_surface_destroy);
  g_clear_pointer (&layout->date, g_date_time_unref);
  g_free (layout->language);
  g_free (layout->currency);
  g_free (layout->consultant);
  g_free (layout->footer);
  g_free (layout->title);
  g_free (layout);
}

guint
lo_report_layout_n_pages (LoReportLayout *layout)
{
  g_return_val_if_fail (layout != NULL, 0);
  return layout->pages->len;
}

void
lo_report_layout_page_size (LoReportLayout *layout,
                            double         *width,
                            double         *height)
{
  g_return_if_fail (layout != NULL);
  *width = layout->page_w;
  *height = layout->page_h;
}

gboolean
lo_report_write_pdf (const LoReportInput   *input,
                     const LoReportOptions *opts,
                     const char            *path,
                     GError               **error)
{
  g_autoptr (LoReportLayout) L = NULL;
  g_autoptr (cairo_surface_t) surface = NULL;
  g_autoptr (cairo_t) cr = NULL;
  LoOutputFile *out = NULL;
  g_autofree char *date = NULL;
  g_autofree char *creator = NULL;
  cairo_status_t status;
  int parent = CAIRO_PDF_OUTLINE_ROOT;

  g_return_val_if_fail (input != NULL && path != NULL, FALSE);

  L = lo_report_layout_new (input, opts, error);
  if (L == NULL)
    return FALSE;

  out = lo_render_open_output (path, error);
  if (out == NULL)
    return FALSE;

  surface = cairo_pdf_surface_create_for_stream (lo_render_write_output, out, L->page_w, L->page_h);
  date = g_date_time_format (L->date, "%Y-%m-%dT%H:%M:%S");
  creator = g_strdup_printf ("Lights Out %s", PACKAGE_VERSION);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, L->title);
  /* Only an author the user gave (SPEC §6) */
  if (L->consultant != NULL)
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_AUTHOR, L->consultant);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_SUBJECT,
                                  _("AI maturity assessment, ROI of candidate processes and the roadmap to lights-out operation"));
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, creator);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATE_DATE, date);
  cr = cairo_create (surface);

  for (guint p = 0; p < L->pages->len; p++)
    {
      g_autofree char *label = g_strdup_printf ("%u", p + 1);

      cairo_pdf_surface_set_page_label (surface, label);
      lo_report_draw_page (L, cr, p);
      cairo_show_page (cr);
    }

  for (guint i = 0; i < L->outline->len; i++)
    {
      const OutlineEntry *e = &g_array_index (L->outline, OutlineEntry, i);
      char y[G_ASCII_DTOSTR_BUF_SIZE];
      g_autofree char *attrs = NULL;
      int id;

      g_ascii_formatd (y, sizeof y, "%.1f", e->y);
      attrs = g_strdup_printf ("page=%u pos=[%d %s]", e->page + 1, (int) L->margin_x, y);
      id = cairo_pdf_surface_add_outline (surface, e->level == 1 ? CAIRO_PDF_OUTLINE_ROOT : parent,
                                          e->title, attrs,
                                          e->level == 1 ? CAIRO_PDF_OUTLINE_FLAG_OPEN : 0);
      if (e->level == 1)
        parent = id;
    }

  g_clear_pointer (&cr, cairo_destroy);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  return lo_render_finish_output (out, status, error);
}

void
lo_report_layout_page_stats (LoReportLayout    *L,
                             guint              page,
                             LoReportPageStats *stats)
{
  GArray *placements;
  double top = L->margin_top, bottom = L->page_h - L->margin_bottom, end = top;

  g_return_if_fail (page < L->pages->len);

  memset (stats, 0, sizeof *stats);
  placements = g_ptr_array_index (L->pages, page);
  for (guint i = 0; i < placements->len; i++)
    {
      const Placement *pl = &g_array_index (placements, Placement, i);
      const LoBlock *b = pl->block;
      double h = b->height;

      if (b->kind == LO_BLOCK_COVER)
        {
          end = bottom;
          continue;
        }
      if (b->kind == LO_BLOCK_TABLE)
        {
          h = b->header_h;
          for (guint r = pl->row0; r < pl->row1; r++)
            h += g_array_index (b->row_h, double, r);
          if (pl->row1 < b->rows->len && pl->row1 - pl->row0 < 2)
            stats->short_table_feet++;
        }
      end = MAX (end, pl->y + h);
    }
  stats->fill = (end - top) / (bottom - top);
  if (page + 1 >= L->pages->len)
    stats->chapter_end = TRUE;
  else
    {
      GArray *next = g_ptr_array_index (L->pages, page + 1);
      const LoBlock *b = next->len ? g_array_index (next, Placement, 0).block : NULL;

      stats->chapter_end = b == NULL || b->kind == LO_BLOCK_COVER || b->new_page
                           || (b->kind == LO_BLOCK_HEADING && b->level == 1);
    }
}

/* The block view for the report's other formats (lo-report-private.h). */

guint
lo_report_layout_n_blocks (LoReportLayout *layout)
{
  return layout->doc.blocks->len;
}

void
lo_report_layout_block (LoReportLayout *layout,
                        guint           index,
                        LoBlockView    *view)
{
  const LoBlock *b = g_ptr_array_index (layout->doc.blocks, index);

  memset (view, 0, sizeof *view);
  view->kind = b->kind;
  view->new_page = b->new_page;
  view->level = b->level;
  view->text = b->text ? pango_layout_get_text (b->text) : NULL;
  view->chart = b->name;
  view->item = b->item;
  view->chart_height = b->chart_h;
  view->n_cols = b->kind == LO_BLOCK_FIGURES ? b->fig_values->len : b->n_cols;
  view->n_rows = b->rows ? b->rows->len : 0;
  view->widths = b->widths;
  view->numeric = b->numeric;
  view->cover = (const char *const *) b->cover;
}

const char *
lo_report_layout_cell (LoReportLayout *layout,
                       guint           index,
                       int             row,
                       guint           column)
{
  const LoBlock *b = g_ptr_array_index (layout->doc.blocks, index);

  if (b->kind == LO_BLOCK_FIGURES)
    return pango_layout_get_text (g_ptr_array_index (row == 0 ? b->fig_values : b->fig_labels, column));
  g_return_val_if_fail (b->kind == LO_BLOCK_TABLE && column < b->n_cols, NULL);
  if (row < 0)
    return pango_layout_get_text (b->header[column]);
  return pango_layout_get_text (((PangoLayout **) g_ptr_array_index (b->rows, (guint) row))[column]);
}

const LoRenderContext *
lo_report_layout_context (LoReportLayout *layout)
{
  return &layout->ctx;
}

double
lo_report_layout_text_width (LoReportLayout *layout)
{
  return layout->text_w;
}

const char *
lo_report_layout_title (LoReportLayout *layout)
{
  return layout->title;
}
