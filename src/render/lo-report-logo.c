/* lo-report-logo.c: the cover's logo, a PNG file checked before cairo
 * decodes it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>

#include "lo-report-private.h"

#define LOGO_MAX_BYTES  (16 * 1024 * 1024)
#define LOGO_MAX_PIXELS 8000

typedef struct
{
  const guchar *data;
  gsize         length;
  gsize         offset;
} PngReader;

static cairo_status_t
read_png_bytes (void          *closure,
                unsigned char *data,
                unsigned int   length)
{
  PngReader *reader = closure;

  if (reader->length - reader->offset < length)
    return CAIRO_STATUS_READ_ERROR;
  memcpy (data, reader->data + reader->offset, length);
  reader->offset += length;
  return CAIRO_STATUS_SUCCESS;
}

/* The cover's logo: a PNG file of bounded size, checked before cairo decodes
 * it (cairo calls anything that is not a PNG "out of memory"). */
cairo_surface_t *
lo_report_load_logo (const char *path,
                     GError    **error)
{
  static const guchar signature[8] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };
  g_autofree char *display = g_filename_display_name (path);
  g_autoptr(GMappedFile) mapped = NULL;
  g_autoptr(GError) local_error = NULL;
  PngReader reader = { NULL, 0, 0 };
  cairo_surface_t *logo;
  GStatBuf st;
  guint32 width, height;

  /* not a FIFO or a device, which could block or never end */
  if (g_stat (path, &st) != 0 || !S_ISREG (st.st_mode))
    {
      g_set_error (error, LO_RENDER_ERROR, LO_RENDER_ERROR_LOGO,
                   _("%s: the logo is not a readable file"), display);
      return NULL;
    }
  if (st.st_size > LOGO_MAX_BYTES)
    {
      g_set_error (error, LO_RENDER_ERROR, LO_RENDER_ERROR_LOGO,
                   _("%s: the logo is larger than 16 MB"), display);
      return NULL;
    }
  mapped = g_mapped_file_new (path, FALSE, &local_error);
  if (mapped == NULL)
    {
      g_set_error (error, LO_RENDER_ERROR, LO_RENDER_ERROR_LOGO,
                   _("%s: the logo cannot be read: %s"), display, local_error->message);
      return NULL;
    }
  reader.data = (const guchar *) g_mapped_file_get_contents (mapped);
  reader.length = g_mapped_file_get_length (mapped);

  /* the signature, then the IHDR chunk with the size */
  if (reader.length < 24 || memcmp (reader.data, signature, sizeof signature) != 0
      || memcmp (reader.data + 12, "IHDR", 4) != 0)
    {
      g_set_error (error, LO_RENDER_ERROR, LO_RENDER_ERROR_LOGO,
                   _("%s: the logo is not a PNG image"), display);
      return NULL;
    }
  memcpy (&width, reader.data + 16, 4);
  memcpy (&height, reader.data + 20, 4);
  width = GUINT32_FROM_BE (width);
  height = GUINT32_FROM_BE (height);
  if (width == 0 || height == 0 || width > LOGO_MAX_PIXELS || height > LOGO_MAX_PIXELS)
    {
      g_set_error (error, LO_RENDER_ERROR, LO_RENDER_ERROR_LOGO,
                   _("%s: the logo is %u × %u pixels; at most %d × %d are accepted"),
                   display, width, height, LOGO_MAX_PIXELS, LOGO_MAX_PIXELS);
      return NULL;
    }

  logo = cairo_image_surface_create_from_png_stream (read_png_bytes, &reader);
  if (cairo_surface_status (logo) != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, LO_RENDER_ERROR, LO_RENDER_ERROR_LOGO,
                   _("%s: not a readable PNG image (%s)"), display,
                   cairo_status_to_string (cairo_surface_status (logo)));
      cairo_surface_destroy (logo);
      return NULL;
    }
  return logo;
}
