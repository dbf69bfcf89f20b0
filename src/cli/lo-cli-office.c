/* lo-cli-office.c: `report -o X.docx` and `-o X.xlsx`, the lightsout-office module
 *
 * The Word document's ZIP package (libarchive) and the workbook
 * (libxlsxwriter, minizip, libcrypto …) are libraries a PDF report never
 * needs, and loading them costs every process that links them: so they live
 * in this module, which lo-cli-report.c (in the lightsout-draw module) loads
 * only for those outputs.  It holds render's Word writer (lo-docx.c) and
 * io's workbook (lo-xlsx.c); the rest — render from the drawing module,
 * whose symbols are global, and core, io, store and cli from the program —
 * is resolved at load, so there is one copy of each.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "lo-cli-office.h"
#include "lo-xlsx.h"

gboolean
lo_cli_office_write (const LoReportInput   *input,
                     const LoReportOptions *opts,
                     const char            *output,
                     GError               **error)
{
  g_return_val_if_fail (input != NULL && output != NULL, FALSE);

  if (g_str_has_suffix (output, ".xlsx"))
    return lo_xlsx_write_file (input->analysis, output, error);
  g_return_val_if_fail (opts != NULL, FALSE);
  return lo_report_write_docx (input, opts, output, error);
}
