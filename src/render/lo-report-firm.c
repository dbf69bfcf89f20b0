/* lo-report-firm.c: who sends the report and what the consultant says
 *
 * The firm's profile (SPEC §6) on the cover, in every page's footer, as the
 * PDF's author and on the next-steps page with a QR code of its booking
 * link; the consultant's words (<commentary>) where they belong.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <errno.h>
#include <qrencode.h>
#include <string.h>

#include "lo-report-private.h"

/* The QR code's side in points (about 38 mm: scannable from a printed page
 * and from a screen). */
#define QR_SIZE 108.0

static const char *
nonempty (const char *text)
{
  return text != NULL && *text != '\0' ? text : NULL;
}

static const char *
firm_field (const LoReportOptions *opts,
            gsize                  offset)
{
  if (opts == NULL || opts->firm == NULL)
    return NULL;
  return nonempty (G_STRUCT_MEMBER (const char *, opts->firm, offset));
}

static const char *
consultant (const LoReportOptions *opts)
{
  if (opts != NULL && nonempty (opts->consultant))
    return opts->consultant;
  return firm_field (opts, G_STRUCT_OFFSET (LoFirmProfile, consultant));
}

static const char *
firm_name (const LoReportOptions *opts)
{
  return firm_field (opts, G_STRUCT_OFFSET (LoFirmProfile, name));
}

char *
lo_report_firm_prepared_by (const LoReportOptions *opts)
{
  const char *who = consultant (opts);
  const char *firm = firm_name (opts);

  if (who && firm)
    /* TRANSLATORS: "Prepared by Dana Reyes, Northwind Advisory" */
    return g_strdup_printf (_("Prepared by %s, %s"), who, firm);
  if (who || firm)
    /* TRANSLATORS: %s is the consultant's or the firm's name */
    return g_strdup_printf (_("Prepared by %s"), who ? who : firm);
  return NULL;
}

char *
lo_report_firm_author (const LoReportOptions *opts)
{
  const char *who = consultant (opts);

  return g_strdup (who ? who : firm_name (opts));
}

char *
lo_report_firm_sender (const LoReportOptions *opts)
{
  const char *firm = firm_name (opts);

  return g_strdup (firm ? firm : consultant (opts));
}

char *
lo_report_firm_footer (const LoReportOptions *opts,
                       const char            *title)
{
  const char *firm = firm_name (opts);

  if (firm == NULL)
    return g_strdup (title);
  /* TRANSLATORS: the footer: the firm's name · the report's title */
  return g_strdup_printf (_("%s · %s"), firm, title);
}

void
lo_report_append_commentary (LoDoc      *doc,
                             const char *text)
{
  g_auto (GStrv) paragraphs = NULL;
  g_autofree char *plain = NULL;

  if (nonempty (text) == NULL)
    return;
  /* Paragraphs are separated by a blank line; a single line break stays. */
  plain = g_strdelimit (g_strdup (text), "\r\t", ' ');
  paragraphs = g_regex_split_simple ("\\n[ ]*\\n", plain, 0, 0);
  for (guint i = 0; paragraphs[i]; i++)
    {
      g_autofree char *markup = NULL;

      g_strstrip (paragraphs[i]);
      if (*paragraphs[i] == '\0')
        continue;
      markup = g_markup_escape_text (paragraphs[i], -1);
      lo_doc_text (doc, markup);
    }
}

/* The QR code */

static void
qr_draw (cairo_t *cr,
         double   width,
         double   height,
         gpointer data)
{
  const QRcode *qr = data;
  /* Four modules of quiet zone on each side (ISO/IEC 18004) */
  double module = MIN (height, QR_SIZE) / (qr->width + 8);

  (void) width;
  cairo_save (cr);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_rectangle (cr, 0, 0, module * (qr->width + 8), module * (qr->width + 8));
  cairo_fill (cr);
  cairo_set_source_rgb (cr, 0, 0, 0);
  for (int y = 0; y < qr->width; y++)
    for (int x = 0; x < qr->width; x++)
      if (qr->data[y * qr->width + x] & 1)
        cairo_rectangle (cr, (x + 4) * module, (y + 4) * module, module, module);
  cairo_fill (cr);
  cairo_restore (cr);
}

static void
append_qr (LoDoc      *doc,
           const char *url)
{
  QRcode *qr = QRcode_encodeString (url, 0, QR_ECLEVEL_M, QR_MODE_8, 1);
  g_autofree char *caption = NULL;

  if (qr == NULL)
    {
      g_debug ("the booking link could not be encoded as a QR code: %s", g_strerror (errno));
      return;
    }
  /* TRANSLATORS: under the QR code; %s is the booking link */
  caption = g_strdup_printf (_("Scan to book a call, or open %s"), url);
  lo_doc_drawing (doc, QR_SIZE, qr_draw, qr, (GDestroyNotify) QRcode_free, caption);
}

static void
append_contact (LoDoc                 *doc,
                const LoReportOptions *opts)
{
  const LoFirmProfile *f = opts ? opts->firm : NULL;
  const char *who = consultant (opts);
  const char *lines[6] = { NULL };
  guint n = 0;

  if (who == NULL && (f == NULL || lo_firm_profile_is_empty (f)))
    return;
  lo_doc_heading (doc, 2, _("Contact"));
  if (firm_name (opts))
    {
      g_autofree char *markup = g_markup_printf_escaped ("<b>%s</b>", firm_name (opts));
      lo_doc_text (doc, markup);
    }
  lines[n++] = who;
  if (f != NULL)
    {
      lines[n++] = nonempty (f->email);
      lines[n++] = nonempty (f->phone);
      lines[n++] = nonempty (f->website);
    }
  for (guint i = 0; i < n; i++)
    if (lines[i] != NULL)
      {
        g_autofree char *markup = g_markup_escape_text (lines[i], -1);
        lo_doc_text (doc, markup);
      }
}

void
lo_report_append_next_steps (LoDoc                 *doc,
                             const LoReportInput   *input,
                             const LoReportOptions *opts)
{
  const LoCommentary *c = input->engagement->commentary;
  const char *booking = firm_field (opts, G_STRUCT_OFFSET (LoFirmProfile, booking_url));

  lo_doc_heading (doc, 1, _("Next steps"));
  if (c != NULL && nonempty (c->next_steps))
    lo_report_append_commentary (doc, c->next_steps);
  else
    {
      lo_doc_text (doc, _("The figures in this report are a starting point, not a verdict. "
                          "The next step is a conversation with the people who run the work:"));
      lo_doc_bullet (doc, _("go through the maturity scores and the contested questions with the team and settle what the answers should be;"));
      lo_doc_bullet (doc, _("agree the first step of the roadmap and who owns its actions;"));
      lo_doc_bullet (doc, _("check the inputs behind the first process to automate, so that its business case rests on measured figures."));
      if (booking != NULL)
        lo_doc_text (doc, _("Book a call to plan it together."));
    }
  append_contact (doc, opts);
  if (booking != NULL)
    append_qr (doc, booking);
}
