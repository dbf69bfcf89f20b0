/* lo-tables-private.h: the analysis as plain tables, for CSV and the workbook
 *
 * The CSV files (one table each) and the .xlsx workbook (one sheet each) show
 * the same rows: they are made here once, as cells of text or numbers, and
 * the writers only encode them. A column's kind tells the workbook which
 * number format to use; CSV writes every number the same way.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "lo-core.h"
#include "lo-csv.h"

G_BEGIN_DECLS

typedef enum
{
  LO_COLUMN_TEXT,
  LO_COLUMN_INTEGER,
  LO_COLUMN_NUMBER,    /* two decimals in the workbook */
  LO_COLUMN_MONEY,     /* the engagement's currency */
  LO_COLUMN_PERCENT,   /* a figure already in per cent (roi-percent) */
  LO_COLUMN_FRACTION,  /* 0 … 1, shown as a percentage */
  LO_COLUMN_DATE,      /* days since 1899-12-30 in the workbook, YYYY-MM-DD in CSV */
} LoColumnKind;

typedef struct
{
  const char   *id;     /* the CSV header, fixed English */
  const char   *title;  /* N_(): the workbook's header */
  LoColumnKind  kind;
  double        width;  /* the workbook's column width, in characters */
} LoColumn;

typedef enum
{
  LO_CELL_EMPTY,
  LO_CELL_TEXT,
  LO_CELL_NUMBER,
  LO_CELL_DATE,        /* text YYYY-MM-DD in .text, its serial day in .number */
} LoCellKind;

typedef struct
{
  LoCellKind  kind;
  const char *text;    /* owned by the table */
  double      number;
} LoCell;

typedef struct
{
  LoCsvTable      id;
  const LoColumn *columns;
  guint           n_columns;
  guint           n_rows;
  GArray         *cells;    /* LoCell, row by row */
  GStringChunk   *strings;
} LoTable;

/* The table @id of @analysis; a part the analysis lacks (no score, no
 * roadmap) gives the header only. */
LoTable      *lo_table_new  (LoCsvTable        id,
                             const LoAnalysis *analysis);
void          lo_table_free (LoTable *table);
const LoCell *lo_table_cell (const LoTable *table,
                             guint          row,
                             guint          column);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LoTable, lo_table_free)

G_END_DECLS
