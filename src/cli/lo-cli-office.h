/* lo-cli-office.h: the report as a Word document or a workbook, in the
 * lightsout-office module
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "lo-render.h"

G_BEGIN_DECLS

/* Writes @input to @output, a .docx (the report of @opts) or a .xlsx (the
 * tables; @opts may be NULL). */
typedef gboolean (*LoCliOfficeWriteFunc) (const LoReportInput   *input,
                                          const LoReportOptions *opts,
                                          const char            *output,
                                          GError               **error);

/* In the lightsout-office module, loaded by name (lo_cli_module_symbol()). */
gboolean lo_cli_office_write (const LoReportInput   *input,
                              const LoReportOptions *opts,
                              const char            *output,
                              GError               **error);

G_END_DECLS
