/* lo-docx.c: the report as a Word document (.docx, Office Open XML)
 *
 * The same blocks as the PDF (lo_report_layout_new() builds them; this walks
 * them): headings as Heading 1–3 (Word's navigation pane and a table of
 * contents find them), paragraphs, real tables with a repeated header row,
 * charts as PNG images drawn by the chart table at twice the PDF's size with
 * their caption as alt text, page numbers in the footer. The XML parts are
 * written with a small GString writer, the package with libarchive's ZIP
 * writer into memory, and the file whole by lo_output_file_set_contents().
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <archive.h>
#include <archive_entry.h>
#include <math.h>
#include <string.h>

#include "lo-render.h"
#include "lo-report-private.h"

/* The XML writer of the parts (below). */
typedef struct _DocxXml DocxXml;

#define NS_W   "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
#define NS_R   "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
#define NS_WP  "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
#define NS_A   "http://schemas.openxmlformats.org/drawingml/2006/main"
#define NS_PIC "http://schemas.openxmlformats.org/drawingml/2006/picture"
#define NS_PKG "http://schemas.openxmlformats.org/package/2006/relationships"
#define REL    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"

/* English Metric Units per point */
#define EMU_PER_PT 12700.0

typedef struct
{
  struct archive *zip;
  GByteArray     *bytes;
  time_t          mtime;
  gboolean        failed;
} Package;

typedef struct
{
  LoReportLayout      *layout;
  const LoReportInput *input;
  Package             *package;
  DocxXml     *w;
  guint                n_images;
  GString             *image_rels;
} Docx;

static la_ssize_t
zip_write (struct archive *a,
           void           *data,
           const void     *buffer,
           size_t          length)
{
  g_byte_array_append (((Package *) data)->bytes, buffer, (guint) length);
  return (la_ssize_t) length;
}

static void
package_add (Package    *p,
             const char *name,
             const void *data,
             gsize       length)
{
  struct archive_entry *entry;

  if (p->failed)
    return;
  entry = archive_entry_new ();
  archive_entry_set_pathname (entry, name);
  archive_entry_set_size (entry, (la_int64_t) length);
  archive_entry_set_filetype (entry, AE_IFREG);
  archive_entry_set_perm (entry, 0644);
  archive_entry_set_mtime (entry, p->mtime, 0);
  if (archive_write_header (p->zip, entry) != ARCHIVE_OK
      || archive_write_data (p->zip, data, length) != (la_ssize_t) length
      || archive_write_finish_entry (p->zip) != ARCHIVE_OK)
    p->failed = TRUE;
  archive_entry_free (entry);
}

/* A small XML writer for the parts (render stays free of libxml2): an
 * element's start tag is closed when its first child, text or end comes. */
struct _DocxXml
{
  GString   *out;
  GPtrArray *open;      /* element names, innermost last */
  gboolean   in_tag;    /* the last start tag still takes attributes */
};

static void
xml_escape (GString    *out,
            const char *text,
            gboolean    attribute)
{
  for (const char *c = text ? text : ""; *c; c++)
    switch (*c)
      {
      case '&': g_string_append (out, "&amp;"); break;
      case '<': g_string_append (out, "&lt;"); break;
      case '>': g_string_append (out, "&gt;"); break;
      case '"':
        g_string_append (out, attribute ? "&quot;" : "\"");
        break;
      default:
        /* the report's text holds no control characters (SPEC §2c); tabs
         * and line ends in an attribute are kept as character references */
        if (attribute && (*c == '\n' || *c == '\t' || *c == '\r'))
          g_string_append_printf (out, "&#%d;", *c);
        else
          g_string_append_c (out, *c);
      }
}

static void
xml_close_tag (DocxXml *w)
{
  if (w->in_tag)
    g_string_append_c (w->out, '>');
  w->in_tag = FALSE;
}

static void
xml_start (DocxXml    *w,
           const char *name)
{
  xml_close_tag (w);
  g_string_append_printf (w->out, "<%s", name);
  g_ptr_array_add (w->open, g_strdup (name));
  w->in_tag = TRUE;
}

static void
xml_attr (DocxXml    *w,
          const char *name,
          const char *value)
{
  g_return_if_fail (w->in_tag);
  g_string_append_printf (w->out, " %s=\"", name);
  xml_escape (w->out, value, TRUE);
  g_string_append_c (w->out, '"');
}

static void
xml_text (DocxXml    *w,
          const char *text)
{
  xml_close_tag (w);
  xml_escape (w->out, text, FALSE);
}

static void
xml_end (DocxXml *w)
{
  g_autofree char *name = NULL;

  g_return_if_fail (w->open->len > 0);
  name = g_ptr_array_steal_index (w->open, w->open->len - 1);
  if (w->in_tag)
    g_string_append (w->out, "/>");
  else
    g_string_append_printf (w->out, "</%s>", name);
  w->in_tag = FALSE;
}

/* A new XML part. */
static DocxXml *
part_begin (void)
{
  DocxXml *w = g_new0 (DocxXml, 1);

  w->out = g_string_new ("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n");
  w->open = g_ptr_array_new_with_free_func (g_free);
  return w;
}

static void
part_end (Package    *p,
          const char *name,
          DocxXml    *w)
{
  while (w->open->len > 0)
    xml_end (w);
  package_add (p, name, w->out->str, w->out->len);
  g_string_free (w->out, TRUE);
  g_ptr_array_unref (w->open);
  g_free (w);
}

#define START(w, name) xml_start ((w), (name))
#define END(w) xml_end (w)
#define ATTR(w, name, value) xml_attr ((w), (name), (value))

static void
attr_int (DocxXml *w,
          const char      *name,
          gint64           value)
{
  char buf[32];

  g_snprintf (buf, sizeof buf, "%" G_GINT64_FORMAT, value);
  ATTR (w, name, buf);
}

/* <name w:val="value"/> */
static void
val (DocxXml *w,
     const char      *name,
     const char      *value)
{
  START (w, name);
  ATTR (w, "w:val", value);
  END (w);
}

/* A run of text; line breaks become <w:br/>. */
static void
run (DocxXml *w,
     const char      *text,
     gboolean         bold)
{
  g_auto (GStrv) lines = g_strsplit (text ? text : "", "\n", -1);

  START (w, "w:r");
  if (bold)
    {
      START (w, "w:rPr");
      START (w, "w:b");
      END (w);
      END (w);
    }
  for (guint i = 0; lines[i]; i++)
    {
      if (i > 0)
        {
          START (w, "w:br");
          END (w);
        }
      START (w, "w:t");
      ATTR (w, "xml:space", "preserve");
      xml_text (w, lines[i]);
      END (w);
    }
  END (w);
}

/* A paragraph of style @style (NULL: Normal). */
static void
paragraph (DocxXml *w,
           const char      *style,
           const char      *text,
           gboolean         bold,
           gboolean         page_break,
           const char      *align)
{
  START (w, "w:p");
  if (style || page_break || align)
    {
      START (w, "w:pPr");
      if (style)
        val (w, "w:pStyle", style);
      if (page_break)
        {
          START (w, "w:pageBreakBefore");
          END (w);
        }
      if (align)
        val (w, "w:jc", align);
      END (w);
    }
  run (w, text, bold);
  END (w);
}

static void
table_cell (DocxXml *w,
            const char      *text,
            double           width_pt,
            gboolean         numeric,
            gboolean         header)
{
  START (w, "w:tc");
  START (w, "w:tcPr");
  START (w, "w:tcW");
  attr_int (w, "w:w", (gint64) lround (width_pt * 20));
  ATTR (w, "w:type", "dxa");
  END (w);
  END (w);
  paragraph (w, "TableText", text, header, FALSE, numeric ? "right" : NULL);
  END (w);
}

static void
table (Docx  *d,
       guint  index,
       const LoBlockView *view)
{
  DocxXml *w = d->w;

  START (w, "w:tbl");
  START (w, "w:tblPr");
  val (w, "w:tblStyle", "ReportTable");
  START (w, "w:tblW");
  ATTR (w, "w:w", "5000");
  ATTR (w, "w:type", "pct");
  END (w);
  END (w);
  START (w, "w:tblGrid");
  for (guint c = 0; c < view->n_cols; c++)
    {
      START (w, "w:gridCol");
      attr_int (w, "w:w", (gint64) lround (view->widths[c] * 20));
      END (w);
    }
  END (w);
  for (int r = -1; r < (int) view->n_rows; r++)
    {
      START (w, "w:tr");
      if (r < 0)
        {
          START (w, "w:trPr");
          START (w, "w:tblHeader");
          END (w);
          END (w);
        }
      for (guint c = 0; c < view->n_cols; c++)
        table_cell (w, lo_report_layout_cell (d->layout, index, r, c), view->widths[c],
                    view->numeric[c], r < 0);
      END (w);
    }
  END (w);
  /* Word needs a paragraph between two tables */
  paragraph (w, NULL, "", FALSE, FALSE, NULL);
}

/* Key figures: a one-row table of value over label. */
static void
figures (Docx              *d,
         guint              index,
         const LoBlockView *view)
{
  DocxXml *w = d->w;
  double width = lo_report_layout_text_width (d->layout) / MAX (view->n_cols, 1);

  START (w, "w:tbl");
  START (w, "w:tblPr");
  START (w, "w:tblW");
  ATTR (w, "w:w", "5000");
  ATTR (w, "w:type", "pct");
  END (w);
  END (w);
  START (w, "w:tblGrid");
  for (guint c = 0; c < view->n_cols; c++)
    {
      START (w, "w:gridCol");
      attr_int (w, "w:w", (gint64) lround (width * 20));
      END (w);
    }
  END (w);
  START (w, "w:tr");
  for (guint c = 0; c < view->n_cols; c++)
    {
      START (w, "w:tc");
      paragraph (w, "FigureValue", lo_report_layout_cell (d->layout, index, 0, c), TRUE, FALSE, NULL);
      paragraph (w, "TableText", lo_report_layout_cell (d->layout, index, 1, c), FALSE, FALSE, NULL);
      END (w);
    }
  END (w);
  END (w);
  paragraph (w, NULL, "", FALSE, FALSE, NULL);
}

static cairo_status_t
png_append (void                *closure,
            const unsigned char *data,
            unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

/* The chart as a PNG at twice its size in the PDF (transfer full), or NULL. */
static GByteArray *
chart_png (Docx              *d,
           const LoBlockView *view,
           int                width,
           int                height)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cairo_t *cr = cairo_create (surface);
  GByteArray *png = g_byte_array_new ();
  gboolean ok;

  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_scale (cr, 2, 2);
  ok = lo_chart_draw_by_name (cr, view->chart, width / 2.0, height / 2.0,
                              lo_report_layout_context (d->layout), d->input, view->item, NULL);
  cairo_destroy (cr);
  ok = ok && cairo_surface_write_to_png_stream (surface, png_append, png) == CAIRO_STATUS_SUCCESS;
  cairo_surface_destroy (surface);
  if (!ok)
    g_clear_pointer (&png, g_byte_array_unref);
  return png;
}

static void
drawing (DocxXml *w,
         guint            n,
         gint64           cx,
         gint64           cy,
         const char      *name,
         const char      *descr)
{
  g_autofree char *rid = g_strdup_printf ("rIdImage%u", n);
  g_autofree char *id = g_strdup_printf ("%u", n);

  START (w, "w:drawing");
  START (w, "wp:inline");
  START (w, "wp:extent");
  attr_int (w, "cx", cx);
  attr_int (w, "cy", cy);
  END (w);
  START (w, "wp:docPr");
  ATTR (w, "id", id);
  ATTR (w, "name", name);
  ATTR (w, "descr", descr ? descr : name);
  END (w);
  START (w, "a:graphic");
  START (w, "a:graphicData");
  ATTR (w, "uri", NS_PIC);
  START (w, "pic:pic");
  START (w, "pic:nvPicPr");
  START (w, "pic:cNvPr");
  ATTR (w, "id", id);
  ATTR (w, "name", name);
  ATTR (w, "descr", descr ? descr : name);
  END (w);
  START (w, "pic:cNvPicPr");
  END (w);
  END (w);
  START (w, "pic:blipFill");
  START (w, "a:blip");
  ATTR (w, "r:embed", rid);
  END (w);
  START (w, "a:stretch");
  START (w, "a:fillRect");
  END (w);
  END (w);
  END (w);
  START (w, "pic:spPr");
  START (w, "a:xfrm");
  START (w, "a:off");
  ATTR (w, "x", "0");
  ATTR (w, "y", "0");
  END (w);
  START (w, "a:ext");
  attr_int (w, "cx", cx);
  attr_int (w, "cy", cy);
  END (w);
  END (w);
  START (w, "a:prstGeom");
  ATTR (w, "prst", "rect");
  END (w);
  END (w);
  END (w); /* pic:pic */
  END (w);
  END (w);
  END (w); /* wp:inline */
  END (w);
}

static void
chart (Docx              *d,
       const LoBlockView *view)
{
  double width = lo_report_layout_text_width (d->layout);
  g_autoptr (GByteArray) png = chart_png (d, view, (int) lround (2 * width),
                                          (int) lround (2 * view->chart_height));
  g_autofree char *media = NULL;
  const LoChartInfo *info = lo_chart_lookup (view->chart);
  guint n;

  if (png == NULL)
    return;
  n = ++d->n_images;
  media = g_strdup_printf ("word/media/chart%u.png", n);
  package_add (d->package, media, png->data, png->len);
  g_string_append_printf (d->image_rels,
                          "<Relationship Id=\"rIdImage%u\" Type=\"" REL "image\" Target=\"media/chart%u.png\"/>",
                          n, n);
  START (d->w, "w:p");
  START (d->w, "w:pPr");
  START (d->w, "w:keepNext");
  END (d->w);
  END (d->w);
  START (d->w, "w:r");
  drawing (d->w, n, (gint64) lround (width * EMU_PER_PT), (gint64) lround (view->chart_height * EMU_PER_PT),
           info ? _(info->title) : view->chart, view->text);
  END (d->w);
  END (d->w);
  if (view->text)
    paragraph (d->w, "Caption", view->text, FALSE, FALSE, NULL);
}

static void
cover (DocxXml   *w,
       const char *const *cover)
{
  paragraph (w, "Title", cover[0], FALSE, FALSE, NULL);
  paragraph (w, "Subtitle", cover[1], FALSE, FALSE, NULL);
  for (guint i = 2; i < 5; i++)
    if (cover[i] && *cover[i])
      paragraph (w, NULL, cover[i], FALSE, FALSE, NULL);
}

static void
body_blocks (Docx *d)
{
  guint n = lo_report_layout_n_blocks (d->layout);
  gboolean after_cover = FALSE;

  for (guint i = 0; i < n; i++)
    {
      LoBlockView view;
      char style[16];

      lo_report_layout_block (d->layout, i, &view);
      switch (view.kind)
        {
        case LO_BLOCK_COVER:
          cover (d->w, view.cover);
          after_cover = TRUE;
          continue;
        case LO_BLOCK_HEADING:
          g_snprintf (style, sizeof style, "Heading%d", CLAMP (view.level, 1, 3));
          paragraph (d->w, style, view.text, FALSE, after_cover || view.new_page || view.level == 1, NULL);
          break;
        case LO_BLOCK_TEXT:
          paragraph (d->w, NULL, view.text, FALSE, after_cover || view.new_page, NULL);
          break;
        case LO_BLOCK_BULLET:
          paragraph (d->w, "ListBullet", view.text, FALSE, after_cover || view.new_page, NULL);
          break;
        case LO_BLOCK_NOTE:
          paragraph (d->w, "Note", view.text, FALSE, after_cover || view.new_page, NULL);
          break;
        case LO_BLOCK_CHART:
          chart (d, &view);
          break;
        case LO_BLOCK_TABLE:
          table (d, i, &view);
          break;
        case LO_BLOCK_FIGURES:
          figures (d, i, &view);
          break;
        default:
          break;
        }
      after_cover = FALSE;
    }
}

static void
section (DocxXml *w,
         const LoReportLayout *layout,
         LoPaper               paper)
{
  double pw, ph;

  lo_paper_size (paper, &pw, &ph);
  START (w, "w:sectPr");
  START (w, "w:footerReference");
  ATTR (w, "w:type", "default");
  ATTR (w, "r:id", "rIdFooter");
  END (w);
  START (w, "w:pgSz");
  attr_int (w, "w:w", (gint64) lround (pw * 20));
  attr_int (w, "w:h", (gint64) lround (ph * 20));
  END (w);
  START (w, "w:pgMar");
  /* 22 mm at the sides and top, 24 mm at the foot, as the PDF */
  ATTR (w, "w:top", "1247");
  ATTR (w, "w:bottom", "1361");
  ATTR (w, "w:left", "1247");
  ATTR (w, "w:right", "1247");
  ATTR (w, "w:header", "709");
  ATTR (w, "w:footer", "567");
  ATTR (w, "w:gutter", "0");
  END (w);
  START (w, "w:titlePg");
  END (w);
  END (w);
}

static void
document_part (Docx   *d,
               LoPaper paper)
{

  d->w = part_begin ();
  START (d->w, "w:document");
  ATTR (d->w, "xmlns:w", NS_W);
  ATTR (d->w, "xmlns:r", NS_R);
  ATTR (d->w, "xmlns:wp", NS_WP);
  ATTR (d->w, "xmlns:a", NS_A);
  ATTR (d->w, "xmlns:pic", NS_PIC);
  START (d->w, "w:body");
  body_blocks (d);
  section (d->w, d->layout, paper);
  END (d->w);
  END (d->w);
  part_end (d->package, "word/document.xml", d->w);
  d->w = NULL;
}

/* The footer: the sender (when given), then "Page N" as a PAGE field. */
static void
footer_part (Package    *p,
             const char *sender)
{
  DocxXml *w = part_begin ();
  g_autofree char *page = NULL;

  START (w, "w:ftr");
  ATTR (w, "xmlns:w", NS_W);
  START (w, "w:p");
  START (w, "w:pPr");
  val (w, "w:pStyle", "Footer");
  END (w);
  if (sender && *sender)
    run (w, sender, FALSE), run (w, " · ", FALSE);
  /* TRANSLATORS: the Word document's footer, before the page number */
  run (w, _("Page"), FALSE);
  run (w, " ", FALSE);
  START (w, "w:fldSimple");
  ATTR (w, "w:instr", " PAGE ");
  run (w, "1", FALSE);
  END (w);
  END (w);
  END (w);
  part_end (p, "word/footer1.xml", w);
}

static void
style (DocxXml *w,
       const char      *id,
       const char      *name,
       int              outline,   /* 0 … 2 for headings, −1 */
       double           size_pt,
       gboolean         bold,
       const char      *color,
       double           space_before_pt,
       double           space_after_pt)
{
  char buf[16];

  START (w, "w:style");
  ATTR (w, "w:type", "paragraph");
  ATTR (w, "w:styleId", id);
  val (w, "w:name", name);
  val (w, "w:basedOn", "Normal");
  val (w, "w:next", "Normal");
  START (w, "w:qFormat");
  END (w);
  START (w, "w:pPr");
  if (outline >= 0)
    {
      START (w, "w:keepNext");
      END (w);
    }
  START (w, "w:spacing");
  attr_int (w, "w:before", (gint64) lround (space_before_pt * 20));
  attr_int (w, "w:after", (gint64) lround (space_after_pt * 20));
  END (w);
  if (outline >= 0)
    {
      g_snprintf (buf, sizeof buf, "%d", outline);
      val (w, "w:outlineLvl", buf);
    }
  END (w);
  START (w, "w:rPr");
  if (bold)
    {
      START (w, "w:b");
      END (w);
    }
  if (color)
    val (w, "w:color", color);
  g_snprintf (buf, sizeof buf, "%ld", lround (size_pt * 2));
  val (w, "w:sz", buf);
  END (w);
  END (w);
}

static void
styles_part (Package *p)
{
  static const char *const borders[] = { "w:top", "w:bottom", "w:insideH" };
  DocxXml *w = part_begin ();

  START (w, "w:styles");
  ATTR (w, "xmlns:w", NS_W);
  START (w, "w:docDefaults");
  START (w, "w:rPrDefault");
  START (w, "w:rPr");
  START (w, "w:rFonts");
  ATTR (w, "w:ascii", "Cantarell");
  ATTR (w, "w:hAnsi", "Cantarell");
  ATTR (w, "w:cs", "Cantarell");
  END (w);
  val (w, "w:sz", "21");
  END (w);
  END (w);
  START (w, "w:pPrDefault");
  START (w, "w:pPr");
  START (w, "w:spacing");
  ATTR (w, "w:after", "120");
  END (w);
  END (w);
  END (w);
  END (w);
  START (w, "w:style");
  ATTR (w, "w:type", "paragraph");
  ATTR (w, "w:default", "1");
  ATTR (w, "w:styleId", "Normal");
  val (w, "w:name", "Normal");
  START (w, "w:qFormat");
  END (w);
  END (w);
  style (w, "Title", "Title", -1, 28, TRUE, "1A5FB4", 120, 240);
  style (w, "Subtitle", "Subtitle", -1, 16, FALSE, "3D3846", 0, 240);
  style (w, "Heading1", "heading 1", 0, 20, TRUE, "1A5FB4", 0, 160);
  style (w, "Heading2", "heading 2", 1, 14.5, TRUE, "241F31", 240, 100);
  style (w, "Heading3", "heading 3", 2, 11.5, TRUE, "241F31", 180, 80);
  style (w, "Caption", "caption", -1, 9, TRUE, "3D3846", 60, 200);
  style (w, "ListBullet", "List Bullet", -1, 10.5, FALSE, NULL, 0, 60);
  style (w, "Note", "Note", -1, 10.5, FALSE, "1A5FB4", 120, 160);
  style (w, "TableText", "Table Text", -1, 9, FALSE, NULL, 0, 0);
  style (w, "FigureValue", "Figure Value", -1, 17, TRUE, "1A5FB4", 0, 0);
  style (w, "Footer", "footer", -1, 8, FALSE, "5E5C64", 0, 0);
  START (w, "w:style");
  ATTR (w, "w:type", "table");
  ATTR (w, "w:styleId", "ReportTable");
  val (w, "w:name", "Report Table");
  START (w, "w:tblPr");
  START (w, "w:tblBorders");
  for (guint i = 0; i < G_N_ELEMENTS (borders); i++)
    {
      START (w, borders[i]);
      ATTR (w, "w:val", "single");
      ATTR (w, "w:sz", "4");
      ATTR (w, "w:color", "C0BFBC");
      END (w);
    }
  END (w);
  END (w);
  END (w);
  END (w);
  part_end (p, "word/styles.xml", w);
}

static void
package_parts (Package    *p,
               const char *title)
{
  static const char content_types[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
    "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
    "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
    "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
    "<Default Extension=\"png\" ContentType=\"image/png\"/>"
    "<Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/>"
    "<Override PartName=\"/word/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml\"/>"
    "<Override PartName=\"/word/footer1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml\"/>"
    "<Override PartName=\"/docProps/core.xml\" ContentType=\"application/vnd.openxmlformats-package.core-properties+xml\"/>"
    "</Types>";
  static const char rels[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
    "<Relationships xmlns=\"" NS_PKG "\">"
    "<Relationship Id=\"rId1\" Type=\"" REL "officeDocument\" Target=\"word/document.xml\"/>"
    "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties\" Target=\"docProps/core.xml\"/>"
    "</Relationships>";
  DocxXml *w;

  package_add (p, "[Content_Types].xml", content_types, sizeof content_types - 1);
  package_add (p, "_rels/.rels", rels, sizeof rels - 1);
  /* The title only: no author is claimed. */
  w = part_begin ();
  START (w, "cp:coreProperties");
  ATTR (w, "xmlns:cp", "http://schemas.openxmlformats.org/package/2006/metadata/core-properties");
  ATTR (w, "xmlns:dc", "http://purl.org/dc/elements/1.1/");
  START (w, "dc:title");
  xml_text (w, title);
  END (w);
  END (w);
  part_end (p, "docProps/core.xml", w);
}

gboolean
lo_report_write_docx (const LoReportInput   *input,
                      const LoReportOptions *opts,
                      const char            *path,
                      GError               **error)
{
  g_autoptr (LoReportLayout) layout = NULL;
  g_autoptr (GByteArray) bytes = g_byte_array_new ();
  Package package = { archive_write_new (), bytes, 0, FALSE };
  Docx d = { 0 };
  LoReportOptions defaults;

  g_return_val_if_fail (input != NULL && path != NULL, FALSE);
  if (opts == NULL)
    {
      lo_report_options_init (&defaults);
      opts = &defaults;
    }
  layout = lo_report_layout_new (input, opts, error);
  if (layout == NULL)
    {
      archive_write_free (package.zip);
      return FALSE;
    }
  package.mtime = opts->creation_date ? (time_t) g_date_time_to_unix (opts->creation_date) : 0;
  /* no padding to tar's blocks after the ZIP's end: Word refuses trailing bytes */
  if (archive_write_set_format_zip (package.zip) != ARCHIVE_OK
      || archive_write_set_bytes_per_block (package.zip, 0) != ARCHIVE_OK
      || archive_write_set_bytes_in_last_block (package.zip, 1) != ARCHIVE_OK
      || archive_write_open (package.zip, &package, NULL, zip_write, NULL) != ARCHIVE_OK)
    package.failed = TRUE;

  d.layout = layout;
  d.input = input;
  d.package = &package;
  d.image_rels = g_string_new (NULL);
  package_parts (&package, lo_report_layout_title (layout));
  styles_part (&package);
  /* The sender: the firm's name, else the consultant (never a name the user
   * did not give). */
  {
    g_autofree char *sender = lo_report_firm_sender (opts);

    footer_part (&package, sender);
  }
  document_part (&d, opts->paper);
  /* the document's relationships name its images: written after it */
  {
    g_autofree char *images = g_string_free (d.image_rels, FALSE);
    g_autofree char *rels = g_strconcat (
      "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
      "<Relationships xmlns=\"" NS_PKG "\">"
      "<Relationship Id=\"rIdStyles\" Type=\"" REL "styles\" Target=\"styles.xml\"/>"
      "<Relationship Id=\"rIdFooter\" Type=\"" REL "footer\" Target=\"footer1.xml\"/>",
      images, "</Relationships>", NULL);

    package_add (&package, "word/_rels/document.xml.rels", rels, strlen (rels));
  }
  if (archive_write_close (package.zip) != ARCHIVE_OK)
    package.failed = TRUE;
  archive_write_free (package.zip);
  if (package.failed)
    {
      g_set_error (error, LO_RENDER_ERROR, LO_RENDER_ERROR_WRITE,
                   /* TRANSLATORS: %s is a file name */
                   _("%s: cannot make the Word document"), path);
      return FALSE;
    }
  return lo_output_file_set_contents (path, (const char *) bytes->data, bytes->len, error);
}
